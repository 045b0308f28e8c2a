//! Coding free text on the web, for analysts and the secretariat: one accepted free-text answer
//! at a time with the codebook's categories (definitions at hand, keyword suggestions marked),
//! then the code frequencies and, between the two coders who share the most answers, Cohen's
//! kappa per category.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use axum::{
    extract::{Path, Query, State},
    http::Uri,
    response::{IntoResponse, Redirect, Response},
};
use serde::{Deserialize, Serialize};
use smartcities_app::CityFilter;
use smartcities_app::coding::{
    Coding, CodingWork, Item, code_frequencies as frequencies, coder_agreement as agreement,
    suggest_codes as suggest,
};
use smartcities_domain::EditionYear;

use crate::{
    AppState,
    auth::{Staff, Viewer},
    form::CsrfForm,
    i18n::{Negotiated, t},
    page::{Ctx, PageError, PageResult, refused, render_page},
};

/// Which answer to show, and which answers to go through.
#[derive(Deserialize, Default, Clone)]
pub struct At {
    /// An answer by its place among every answer to code.
    item: Option<usize>,
    /// Show the next answer after this place that the viewer has not coded yet.
    after: Option<usize>,
    /// Only answers to this question.
    question: Option<String>,
    /// Only answers to questions of this section (axis) of the questionnaire.
    section: Option<String>,
    /// Only answers this coder coded.
    coder: Option<String>,
    /// `todo` (not coded by the viewer), `done` (coded by the viewer), or every answer.
    state: Option<String>,
}

impl At {
    fn given(value: &Option<String>) -> Option<&str> {
        value.as_deref().map(str::trim).filter(|v| !v.is_empty())
    }

    /// The filters as a query string, to carry from page to page.
    fn query(&self) -> String {
        let pairs = [
            ("question", &self.question),
            ("section", &self.section),
            ("coder", &self.coder),
            ("state", &self.state),
        ];
        pairs
            .iter()
            .filter_map(|(k, v)| {
                Some(format!(
                    "&{k}={}",
                    form_urlencoded::byte_serialize(At::given(v)?.as_bytes()).collect::<String>()
                ))
            })
            .collect()
    }
}

/// The places of the answers the filters keep, in the stable order of every answer.
fn kept(work: &CodingWork, at: &At, me: &str, section_of: &dyn Fn(&str) -> String) -> Vec<usize> {
    let coded_by =
        |item: &Item, coder: &str| work.codings.iter().any(|c| &c.item == item && c.coder == coder);
    work.items
        .iter()
        .enumerate()
        .filter(|(_, (item, _))| At::given(&at.question).is_none_or(|q| item.question == q))
        .filter(|(_, (item, _))| At::given(&at.section).is_none_or(|s| section_of(&item.question) == s))
        .filter(|(_, (item, _))| At::given(&at.coder).is_none_or(|c| coded_by(item, c)))
        .filter(|(_, (item, _))| match At::given(&at.state) {
            Some("todo") => !coded_by(item, me),
            Some("done") => coded_by(item, me),
            _ => true,
        })
        .map(|(i, _)| i)
        .collect()
}

/// The answer to show: the one asked for; else the next after `after` the viewer has not coded
/// (from the start again when there is none after it); else the first the filters keep.
fn chosen(at: &At, kept: &[usize], uncoded: &dyn Fn(usize) -> bool) -> Option<usize> {
    if let Some(i) = at.item.filter(|i| kept.contains(i)) {
        return Some(i);
    }
    let after = at.after;
    let later = kept.iter().copied().find(|i| after.is_some_and(|a| *i > a) && uncoded(*i));
    later.or_else(|| kept.iter().copied().find(|i| uncoded(*i))).or_else(|| kept.first().copied())
}

fn coder(viewer: &Viewer) -> String {
    viewer.0.as_ref().map_or(String::new(), |s| s.user.email.as_str().to_string())
}

async fn load(ctx: &Ctx<'_>, year: &str) -> Result<CodingWork, PageError> {
    let lang = ctx.lang;
    let year = EditionYear::parse(year).map_err(|_| PageError::NotFound(lang))?;
    let user = ctx.viewer.user().ok_or_else(|| PageError::SignIn(ctx.uri.to_string()))?;
    ctx.state.app.coding_work(user, year).await.map_err(refused(lang))
}

#[derive(Serialize)]
struct CategoryView {
    code: String,
    label: String,
    definition: String,
    checked: bool,
    suggested: bool,
    passage: String,
}

#[derive(Serialize)]
struct GroupView {
    label: String,
    categories: Vec<CategoryView>,
}

#[derive(Serialize)]
struct FrequencyRow {
    label: String,
    group: String,
    items: usize,
    cities: usize,
    axes: String,
}

#[derive(Serialize)]
struct AgreementRow {
    label: String,
    items: usize,
    both: usize,
    kappa: String,
}

/// A filter's choices: (value, label, chosen).
type Choices = Vec<(String, String, bool)>;

#[derive(Serialize)]
struct CodingPage {
    year: u16,
    has_codebook: bool,
    total: usize,
    coded_by_you: usize,
    index: usize,
    /// Where the answer shown stands among those the filters keep (from 1), and how many.
    position: usize,
    kept: usize,
    previous: Option<usize>,
    next: Option<usize>,
    /// The filters as a query string, and each filter's choices.
    filters: String,
    questions: Choices,
    sections: Choices,
    coders: Choices,
    states: Choices,
    /// The answer shown, by its key.
    item_city: String,
    item_question: String,
    item_entry: String,
    city: String,
    question: String,
    text: String,
    groups: Vec<GroupView>,
    already: bool,
    frequencies: Vec<FrequencyRow>,
    agreeing: Option<(String, String)>,
    agreement: Vec<AgreementRow>,
}

pub async fn page(
    State(state): State<AppState>,
    Negotiated(lang): Negotiated,
    viewer: Viewer,
    uri: Uri,
    Path(year): Path<String>,
    Staff(_): Staff,
    Query(at): Query<At>,
) -> PageResult {
    let ctx = Ctx { state: &state, lang, uri: &uri, viewer: &viewer };
    let loaded = load(&ctx, &year).await?;
    let me = coder(&viewer);
    let mine: HashMap<&Item, &BTreeSet<String>> =
        loaded.codings.iter().filter(|c| c.coder == me).map(|c| (&c.item, &c.codes)).collect();
    let q = &loaded.questionnaire;
    let section_of = |question: &str| {
        q.questions()
            .into_iter()
            .find(|l| l.question.name.as_str() == question)
            .and_then(|l| l.groups.first().map(|g| g.name.to_string()))
            .unwrap_or_default()
    };
    let keep = kept(&loaded, &at, &me, &section_of);
    let uncoded = |i: usize| loaded.items.get(i).is_some_and(|(item, _)| !mine.contains_key(item));
    let index = chosen(&at, &keep, &uncoded).unwrap_or(0);
    let place = keep.iter().position(|i| *i == index);
    let registry = state.app.cities(&CityFilter::default()).await?;
    let cities: HashMap<&str, &str> = registry.iter().map(|c| (c.id.as_str(), c.name_in(lang))).collect();
    let city_name = |id: &str| cities.get(id).map_or_else(|| id.to_string(), |name| (*name).to_string());
    let question_label = |code: &str| {
        q.question(code)
            .map_or_else(|| code.to_string(), |x| x.label.get(lang, q.default_language).to_string())
    };
    let chosen_of = |given: &Option<String>, value: &str| At::given(given) == Some(value);
    let mut asked: Vec<&str> = loaded.items.iter().map(|(item, _)| item.question.as_str()).collect();
    asked.dedup();
    asked.sort_unstable();
    asked.dedup();
    let coders: BTreeSet<&str> = loaded.codings.iter().map(|c| c.coder.as_str()).collect();
    let mut page = CodingPage {
        year: loaded.year.get(),
        has_codebook: loaded.codebook.is_some(),
        total: loaded.items.len(),
        coded_by_you: mine.len(),
        index,
        position: place.map_or(0, |p| p + 1),
        kept: keep.len(),
        previous: place.and_then(|p| p.checked_sub(1)).map(|p| keep[p]),
        next: place.and_then(|p| keep.get(p + 1).copied()),
        filters: at.query(),
        questions: asked
            .iter()
            .map(|c| (c.to_string(), question_label(c), chosen_of(&at.question, c)))
            .collect(),
        sections: smartcities_app::team::sections(q, lang)
            .into_iter()
            .filter(|s| loaded.items.iter().any(|(item, _)| section_of(&item.question) == s.name))
            .map(|s| {
                let on = chosen_of(&at.section, &s.name);
                (s.name, s.label, on)
            })
            .collect(),
        coders: coders.iter().map(|c| (c.to_string(), c.to_string(), chosen_of(&at.coder, c))).collect(),
        states: ["todo", "done"]
            .iter()
            .map(|s| (s.to_string(), t(lang, &format!("coding-state-{s}")), chosen_of(&at.state, s)))
            .collect(),
        item_city: String::new(),
        item_question: String::new(),
        item_entry: String::new(),
        city: String::new(),
        question: String::new(),
        text: String::new(),
        groups: Vec::new(),
        already: false,
        frequencies: Vec::new(),
        agreeing: None,
        agreement: Vec::new(),
    };
    let Some(book) = &loaded.codebook else {
        return render_page(&ctx, "coding.html", "editions", page).await;
    };
    let label =
        |code: &str| book.category(code).map_or_else(|| code.to_string(), |c| c.label.get(lang).to_string());
    if let Some((item, text)) = loaded.items.get(index).filter(|_| place.is_some()) {
        let suggested = suggest(book, text);
        page.item_city = item.city.clone();
        page.item_question = item.question.clone();
        page.item_entry = smartcities_app::questionnaire::EntryKey::column(item.entry.as_ref());
        let existing = mine.get(item);
        let marked = loaded.passages.get(&(item.clone(), me.clone()));
        page.city = city_name(&item.city);
        page.question = question_label(&item.question);
        page.text = text.clone();
        page.already = existing.is_some();
        page.groups = smartcities_app::findings::CategoryGroup::ALL
            .iter()
            .map(|group| GroupView {
                label: t(lang, &format!("coding-group-{}", group.slug())),
                categories: book
                    .categories
                    .iter()
                    .filter(|c| c.group == *group)
                    .map(|c| CategoryView {
                        code: c.code.clone(),
                        label: c.label.get(lang).to_string(),
                        definition: c.definition.get(lang).to_string(),
                        // A suggestion is marked, never ticked: the coder decides.
                        checked: existing.is_some_and(|codes| codes.contains(&c.code)),
                        suggested: suggested.contains(&c.code),
                        passage: marked.and_then(|p| p.get(&c.code)).cloned().unwrap_or_default(),
                    })
                    .collect(),
            })
            .filter(|g| !g.categories.is_empty())
            .collect();
    }
    let axis_of = |question: &str| {
        q.questions()
            .into_iter()
            .find(|l| l.question.name.as_str() == question)
            .and_then(|l| l.groups.first().map(|g| g.label.get(lang, q.default_language).to_string()))
            .unwrap_or_default()
    };
    page.frequencies = frequencies(book, &loaded.codings, &registry, &axis_of)
        .into_iter()
        .filter(|f| f.items > 0)
        .map(|f| FrequencyRow {
            group: book
                .category(&f.code)
                .map_or(String::new(), |c| t(lang, &format!("coding-group-{}", c.group.slug()))),
            label: label(&f.code),
            items: f.items,
            cities: f.cities,
            axes: f.by_axis.iter().map(|(axis, n)| format!("{axis}: {n}")).collect::<Vec<_>>().join(" · "),
        })
        .collect();
    page.frequencies.sort_by(|a, b| b.items.cmp(&a.items).then(a.label.cmp(&b.label)));
    // Agreement counts only codings made without categories ticked in advance.
    if let Some((a, b)) = most_shared_coders(&loaded.independent) {
        page.agreement = agreement(book, &loaded.independent, a, b)
            .into_iter()
            .filter(|k| k.items > k.neither)
            .map(|k| AgreementRow {
                label: label(&k.code),
                items: k.items,
                both: k.both,
                kappa: k.kappa.map_or_else(|| "–".to_string(), |x| format!("{x:.2}")),
            })
            .collect();
        page.agreeing = Some((a.to_string(), b.to_string()));
    }
    render_page(&ctx, "coding.html", "editions", page).await
}

/// The pair of coders who share the most answers, for the agreement table.
fn most_shared_coders(codings: &[Coding]) -> Option<(&str, &str)> {
    let mut by_coder: BTreeMap<&str, BTreeSet<&Item>> = BTreeMap::new();
    for c in codings {
        by_coder.entry(c.coder.as_str()).or_default().insert(&c.item);
    }
    let coders: Vec<&str> = by_coder.keys().copied().collect();
    let mut best: Option<(usize, &str, &str)> = None;
    for (i, a) in coders.iter().enumerate() {
        for b in &coders[i + 1..] {
            let shared = by_coder[a].intersection(&by_coder[b]).count();
            if shared > 0 && best.is_none_or(|(n, _, _)| shared > n) {
                best = Some((shared, a, b));
            }
        }
    }
    best.map(|(_, a, b)| (a, b))
}

/// Records the viewer's codes for one answer and moves on to the next one after it that the
/// viewer has not coded, within the same filters.
pub async fn save(
    State(state): State<AppState>,
    Negotiated(lang): Negotiated,
    viewer: Viewer,
    uri: Uri,
    Path(year): Path<String>,
    Staff(_): Staff,
    CsrfForm(fields): CsrfForm,
) -> Result<Response, PageError> {
    let first = |name: &str| fields.get(name).and_then(|v| v.first()).map(String::as_str);
    let year_v = EditionYear::parse(&year).map_err(|_| PageError::NotFound(lang))?;
    let user = viewer.user().ok_or_else(|| PageError::SignIn(uri.to_string()))?;
    let index: usize = first("index").and_then(|i| i.parse().ok()).ok_or(PageError::NotFound(lang))?;
    let entry = smartcities_app::questionnaire::EntryKey::parse(first("entry").unwrap_or_default())
        .map_err(|_| PageError::NotFound(lang))?;
    let item = Item {
        city: first("city").unwrap_or_default().to_string(),
        question: first("question_code").unwrap_or_default().to_string(),
        entry,
    };
    let codes: BTreeSet<String> = fields.get("code").cloned().unwrap_or_default().into_iter().collect();
    let passages: BTreeMap<String, String> = codes
        .iter()
        .filter_map(|code| first(&format!("passage.{code}")).map(|p| (code.clone(), p.to_string())))
        .collect();
    state.app.save_codes(user, year_v, &item, codes, passages).await.map_err(refused(lang))?;
    let text = |name: &str| first(name).map(str::to_string);
    let filters = At {
        question: text("question"),
        section: text("section"),
        coder: text("coder"),
        state: text("state"),
        ..At::default()
    };
    Ok(Redirect::to(&format!("/editions/{year}/coding?after={index}{}", filters.query())).into_response())
}
