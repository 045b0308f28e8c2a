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

#[derive(Deserialize, Default)]
pub struct At {
    item: Option<usize>,
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

#[derive(Serialize)]
struct CodingPage {
    year: u16,
    has_codebook: bool,
    total: usize,
    coded_by_you: usize,
    index: usize,
    city: String,
    question: String,
    text: String,
    groups: Vec<GroupView>,
    already: bool,
    frequencies: Vec<FrequencyRow>,
    coders: Option<(String, String)>,
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
    // The requested answer, or the first this coder has not coded yet.
    let index = at
        .item
        .filter(|i| *i < loaded.items.len())
        .or_else(|| loaded.items.iter().position(|(item, _)| !mine.contains_key(item)))
        .unwrap_or(0);
    let registry = state.app.cities(&CityFilter::default()).await?;
    let cities: HashMap<&str, &str> = registry.iter().map(|c| (c.id.as_str(), c.name_in(lang))).collect();
    let city_name = |id: &str| cities.get(id).map_or_else(|| id.to_string(), |name| (*name).to_string());
    let question_label = |code: &str| {
        loaded.questionnaire.question(code).map_or_else(
            || code.to_string(),
            |q| q.label.get(lang, loaded.questionnaire.default_language).to_string(),
        )
    };
    let mut page = CodingPage {
        year: loaded.year.get(),
        has_codebook: loaded.codebook.is_some(),
        total: loaded.items.len(),
        coded_by_you: mine.len(),
        index,
        city: String::new(),
        question: String::new(),
        text: String::new(),
        groups: Vec::new(),
        already: false,
        frequencies: Vec::new(),
        coders: None,
        agreement: Vec::new(),
    };
    let Some(book) = &loaded.codebook else {
        return render_page(&ctx, "coding.html", "editions", page).await;
    };
    let label =
        |code: &str| book.category(code).map_or_else(|| code.to_string(), |c| c.label.get(lang).to_string());
    if let Some((item, text)) = loaded.items.get(index) {
        let suggested = suggest(book, text);
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
                        checked: existing
                            .map_or_else(|| suggested.contains(&c.code), |codes| codes.contains(&c.code)),
                        suggested: suggested.contains(&c.code),
                        passage: marked.and_then(|p| p.get(&c.code)).cloned().unwrap_or_default(),
                    })
                    .collect(),
            })
            .filter(|g| !g.categories.is_empty())
            .collect();
    }
    let axis_of = |question: &str| {
        loaded
            .questionnaire
            .questions()
            .into_iter()
            .find(|l| l.question.name.as_str() == question)
            .and_then(|l| {
                l.groups.first().map(|g| g.label.get(lang, loaded.questionnaire.default_language).to_string())
            })
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
    if let Some((a, b)) = most_shared_coders(&loaded.codings) {
        page.agreement = agreement(book, &loaded.codings, a, b)
            .into_iter()
            .filter(|k| k.items > k.neither)
            .map(|k| AgreementRow {
                label: label(&k.code),
                items: k.items,
                both: k.both,
                kappa: k.kappa.map_or_else(|| "–".to_string(), |x| format!("{x:.2}")),
            })
            .collect();
        page.coders = Some((a.to_string(), b.to_string()));
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

/// Records the viewer's codes for one answer and moves on to the next one not coded yet.
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
    let index: usize = first("item").and_then(|i| i.parse().ok()).ok_or(PageError::NotFound(lang))?;
    let codes: BTreeSet<String> = fields.get("code").cloned().unwrap_or_default().into_iter().collect();
    let passages: BTreeMap<String, String> = codes
        .iter()
        .filter_map(|code| first(&format!("passage.{code}")).map(|p| (code.clone(), p.to_string())))
        .collect();
    state.app.save_codes(user, year_v, index, codes, passages).await.map_err(refused(lang))?;
    Ok(Redirect::to(&format!("/editions/{year}/coding")).into_response())
}
