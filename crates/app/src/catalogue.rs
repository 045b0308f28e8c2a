//! The good-practice catalogue: practices from accepted questionnaires become drafts, cities
//! propose and edit their own, the secretariat publishes or returns them with comments, every
//! version is kept; and the search index that serves the pages follows the database's change
//! sequence, so every server sharing one database finds the same practices.

pub use smartcities_search::{
    Card, DIMENSIONS, Filters, Found, Order, Reason, Search, Suggestion, Visibility, passage,
};
use std::{
    collections::{BTreeMap, HashMap},
    sync::Arc,
};

use smartcities_analysis::{Answer, PopulationBand, Standing};
use smartcities_domain::{
    Actor, ApproxDate, BudgetRange, City, CityId, Contact, EditionYear, Effort, Email, Indicator, Inequality,
    Lang, Practice, PracticeId, PracticeSource, PracticeStatus, ResponseStatus, Role, SdgTarget, Stage,
    StudyAxis, Written, web_link,
};
use smartcities_locale::{FluentValue, t, translate};
use smartcities_search::{Catalogue, Entry};
use smartcities_store::{PracticeChange, PracticeVersion, StoreError, StoredAnswer, StoredPractice, User};

use crate::{App, AppError, Refusal, Result};

/// Changes read from the database per step when the index catches up.
const SYNC_BATCH: i64 = 2_000;
/// The longest title, in characters.
pub const MAX_TITLE_CHARS: usize = 200;
/// The longest text field, in characters.
pub const MAX_TEXT_CHARS: usize = 5_000;
/// The most items of a list field (technologies, indicators, links).
pub const MAX_LIST_ITEMS: usize = 20;
/// The longest list item, in characters.
pub const MAX_ITEM_CHARS: usize = 300;

/// The form's fields, in the order the form shows them; each has a label `practice-field-NAME`.
pub const FIELDS: [&str; 29] = [
    "title",
    "summary",
    "axis",
    "sub_area",
    "sdg",
    "sdgs",
    "targets",
    "inequalities",
    "challenge",
    "objectives",
    "actions",
    "technologies",
    "actors",
    "started",
    "ended",
    "stage",
    "budget",
    "funding",
    "results",
    "indicators",
    "preconditions",
    "cost",
    "complexity",
    "needs",
    "lessons",
    "links",
    "images",
    "contact_name",
    "contact_email",
];

pub use crate::error::FieldProblem;

impl FieldProblem {
    /// The field's label in `lang`.
    pub fn label(&self, lang: Lang) -> String {
        t(lang, &format!("practice-field-{}", self.field))
    }
}

/// The secretariat's decision on a practice.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PracticeDecision {
    /// Make it public.
    Publish,
    /// Send it back to its city with a comment.
    Return(String),
}

/// A practice's page: the record, and what the viewer may see and do with it.
#[derive(Debug, Clone)]
pub struct PracticePage {
    /// The practice as stored.
    pub stored: StoredPractice,
    /// Its city.
    pub city: City,
    /// Every version, newest first, for those who may edit it; empty for the public.
    pub versions: Vec<PracticeVersion>,
    /// Published practices like it, with why.
    pub related: Vec<Suggestion>,
    /// Whether the viewer may edit it.
    pub may_edit: bool,
    /// Whether the viewer may publish or return it.
    pub may_decide: bool,
}

pub use crate::policy::{
    may_edit_practice as may_edit, may_see_practice as may_see, practice_visibility as visibility,
};

/// A form's values by name; repeated names (checkboxes) keep every value.
struct FormValues<'a> {
    pairs: &'a [(String, String)],
}

impl<'a> FormValues<'a> {
    fn one(&self, name: &str) -> &'a str {
        self.pairs.iter().find(|(n, _)| n == name).map_or("", |(_, v)| v.trim())
    }

    fn all(&self, name: &str) -> Vec<&'a str> {
        self.pairs
            .iter()
            .filter(|(n, _)| n == name)
            .map(|(_, v)| v.trim())
            .filter(|v| !v.is_empty())
            .collect()
    }
}

/// Records a problem of a form: the field, the message key and its arguments.
type Report<'a> = dyn FnMut(&str, &str, &[(&str, FluentValue<'static>)]) + 'a;

/// Reads a practice form into a record: `base` is the practice being edited (its texts in
/// other languages are kept; texts typed in a language other than its original become
/// translations). Every problem is reported at once, each beside its field.
pub fn read_form(
    base: Option<&Practice>,
    id: PracticeId,
    city: CityId,
    lang: Lang,
    pairs: &[(String, String)],
) -> std::result::Result<Practice, Vec<FieldProblem>> {
    let form = FormValues { pairs };
    let mut problems = Vec::new();
    let mut problem = |field: &str, key: &str, args: &[(&str, FluentValue<'static>)]| {
        problems.push(FieldProblem { field: field.to_string(), message: translate(lang, key, args) });
    };
    let too_long = |max: usize| [("max", FluentValue::from(max as i64))];

    let written = |field: &str, old: Option<&Written>, max: usize, problem: &mut Report<'_>| {
        let text = form.one(field);
        if text.chars().count() > max {
            problem(field, "practice-too-long", &too_long(max));
        }
        match old {
            Some(old) => {
                let mut written = old.clone();
                written.set(lang, text);
                (!written.is_empty()).then_some(written)
            }
            None => (!text.is_empty()).then(|| Written::new(lang, text)),
        }
    };

    let title = written("title", base.map(|b| &b.title), MAX_TITLE_CHARS, &mut problem);
    if form.one("title").is_empty() {
        problem("title", "practice-required", &[]);
    }
    let summary = written("summary", base.map(|b| &b.summary), MAX_TEXT_CHARS, &mut problem);
    if form.one("summary").is_empty() {
        problem("summary", "practice-required", &[]);
    }
    let axis = match StudyAxis::parse(form.one("axis")) {
        Ok(axis) => Some(axis),
        Err(_) => {
            problem(
                "axis",
                if form.one("axis").is_empty() { "practice-required" } else { "practice-unknown-value" },
                &[],
            );
            None
        }
    };
    let sub_area = Some(form.one("sub_area")).filter(|s| !s.is_empty()).map(str::to_string);
    if let Some(code) = &sub_area
        && (code.len() > 60
            || !code.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_'))
    {
        problem("sub_area", "practice-unknown-value", &[]);
    }
    let goal = |text: &str| text.parse::<u8>().ok().filter(|g| (1..=17).contains(g));
    let sdg = goal(form.one("sdg"));
    if sdg.is_none() {
        problem(
            "sdg",
            if form.one("sdg").is_empty() { "practice-required" } else { "practice-bad-sdg" },
            &[],
        );
    }
    let mut sdgs: Vec<u8> = sdg.into_iter().collect();
    for value in form.all("sdgs") {
        match goal(value) {
            Some(g) if !sdgs.contains(&g) => sdgs.push(g),
            Some(_) => {}
            None => problem("sdgs", "practice-bad-sdg", &[]),
        }
    }
    let mut targets = Vec::new();
    for value in form.one("targets").split([',', ' ', ';']).filter(|v| !v.is_empty()) {
        match SdgTarget::parse(value) {
            Ok(target) if sdgs.contains(&target.goal()) => targets.push(target),
            Ok(_) => problem(
                "targets",
                "practice-target-goal",
                &[("target", FluentValue::from(value.to_string()))],
            ),
            Err(_) => {
                problem("targets", "practice-bad-target", &[("target", FluentValue::from(value.to_string()))])
            }
        }
    }
    let mut pick = |field: &str, values: Vec<&str>, parse: &dyn Fn(&str) -> bool| {
        if values.iter().any(|v| !parse(v)) {
            problem(field, "practice-unknown-value", &[]);
        }
    };
    let inequalities: Vec<Inequality> =
        form.all("inequalities").iter().filter_map(|v| Inequality::parse(v).ok()).collect();
    pick("inequalities", form.all("inequalities"), &|v| Inequality::parse(v).is_ok());
    let actors: Vec<Actor> = form.all("actors").iter().filter_map(|v| Actor::parse(v).ok()).collect();
    pick("actors", form.all("actors"), &|v| Actor::parse(v).is_ok());
    let optional = |field: &str| Some(form.one(field)).filter(|v| !v.is_empty());
    let stage = optional("stage").and_then(|v| Stage::parse(v).ok());
    pick("stage", optional("stage").into_iter().collect(), &|v| Stage::parse(v).is_ok());
    let budget = optional("budget").and_then(|v| BudgetRange::parse(v).ok());
    pick("budget", optional("budget").into_iter().collect(), &|v| BudgetRange::parse(v).is_ok());
    let cost = optional("cost").and_then(|v| Effort::parse(v).ok());
    pick("cost", optional("cost").into_iter().collect(), &|v| Effort::parse(v).is_ok());
    let complexity = optional("complexity").and_then(|v| Effort::parse(v).ok());
    pick("complexity", optional("complexity").into_iter().collect(), &|v| Effort::parse(v).is_ok());

    let mut date = |field: &str| {
        let text = form.one(field);
        if text.is_empty() {
            return None;
        }
        ApproxDate::parse(text).map_err(|_| problem(field, "practice-bad-date", &[])).ok()
    };
    let started = date("started");
    let ended = date("ended");
    if let (Some(s), Some(e)) = (started, ended)
        && e < s
    {
        problem("ended", "practice-ended-before", &[]);
    }

    let mut list = |field: &str, separator: char| -> Vec<String> {
        let items: Vec<String> = form
            .one(field)
            .split(separator)
            .map(str::trim)
            .filter(|v| !v.is_empty())
            .map(str::to_string)
            .collect();
        if items.len() > MAX_LIST_ITEMS {
            problem(field, "practice-too-many", &[("max", FluentValue::from(MAX_LIST_ITEMS as i64))]);
        }
        if items.iter().any(|i| i.chars().count() > MAX_ITEM_CHARS) {
            problem(field, "practice-too-long", &too_long(MAX_ITEM_CHARS));
        }
        items
    };
    let technologies = list("technologies", ',');
    let indicator_lines = list("indicators", '\n');
    let link_lines = list("links", '\n');
    let image_lines = list("images", '\n');
    let funding = optional("funding").map(str::to_string);
    if funding.as_ref().is_some_and(|f| f.chars().count() > MAX_ITEM_CHARS) {
        problem("funding", "practice-too-long", &too_long(MAX_ITEM_CHARS));
    }
    let indicators: Vec<Indicator> = indicator_lines
        .iter()
        .map(|line| match line.split_once(':') {
            Some((name, value)) => {
                Indicator { name: name.trim().to_string(), value: value.trim().to_string() }
            }
            None => Indicator { name: line.clone(), value: String::new() },
        })
        .collect();
    let mut links = Vec::new();
    for (field, lines) in [("links", &link_lines), ("images", &image_lines)] {
        let mut valid = Vec::new();
        for line in lines {
            match web_link(line) {
                Ok(link) => valid.push(link),
                Err(_) => problem(field, "practice-bad-link", &[("link", FluentValue::from(line.clone()))]),
            }
        }
        links.push(valid);
    }
    let images = links.pop().unwrap_or_default();
    let links = links.pop().unwrap_or_default();
    let contact_name = form.one("contact_name");
    let contact_email = optional("contact_email")
        .and_then(|e| Email::parse(e).map_err(|_| problem("contact_email", "practice-bad-email", &[])).ok());
    if contact_name.chars().count() > MAX_ITEM_CHARS {
        problem("contact_name", "practice-too-long", &too_long(MAX_ITEM_CHARS));
    }
    let contact = (!contact_name.is_empty() || contact_email.is_some())
        .then(|| Contact { name: contact_name.to_string(), email: contact_email });

    let challenge =
        written("challenge", base.and_then(|b| b.challenge.as_ref()), MAX_TEXT_CHARS, &mut problem);
    let objectives =
        written("objectives", base.and_then(|b| b.objectives.as_ref()), MAX_TEXT_CHARS, &mut problem);
    let actions = written("actions", base.and_then(|b| b.actions.as_ref()), MAX_TEXT_CHARS, &mut problem);
    let results = written("results", base.and_then(|b| b.results.as_ref()), MAX_TEXT_CHARS, &mut problem);
    let lessons = written("lessons", base.and_then(|b| b.lessons.as_ref()), MAX_TEXT_CHARS, &mut problem);
    let preconditions = written(
        "preconditions",
        base.and_then(|b| b.transferability.preconditions.as_ref()),
        MAX_TEXT_CHARS,
        &mut problem,
    );
    let needs =
        written("needs", base.and_then(|b| b.transferability.needs.as_ref()), MAX_TEXT_CHARS, &mut problem);

    let (Some(title), Some(summary), Some(axis), Some(sdg), true) =
        (title, summary, axis, sdg, problems.is_empty())
    else {
        return Err(problems);
    };
    let mut practice = Practice::new(id, city, title, axis, sdg);
    if let Some(base) = base {
        practice.editions = base.editions.clone();
        practice.illustrative = base.illustrative;
        practice.source = base.source;
    }
    practice.summary = summary;
    practice.sub_area = sub_area;
    practice.sdgs = sdgs;
    practice.targets = targets;
    practice.inequalities = inequalities;
    practice.challenge = challenge;
    practice.objectives = objectives;
    practice.actions = actions;
    practice.technologies = technologies;
    practice.actors = actors;
    practice.started = started;
    practice.ended = ended;
    practice.stage = stage;
    practice.budget = budget;
    practice.funding = funding;
    practice.results = results;
    practice.indicators = indicators;
    practice.transferability.preconditions = preconditions;
    practice.transferability.cost = cost;
    practice.transferability.complexity = complexity;
    practice.transferability.needs = needs;
    practice.lessons = lessons;
    practice.links = links;
    practice.images = images;
    practice.contact = contact;
    practice.consent = form.one("consent") == "yes";
    Ok(practice)
}

/// The form's values for a practice, to fill the form it is edited in (texts in `lang`).
pub fn form_values(practice: &Practice, lang: Lang) -> BTreeMap<String, String> {
    let text = |w: Option<&Written>| w.and_then(|w| w.exactly(lang)).unwrap_or("").to_string();
    let mut values = BTreeMap::new();
    let mut set = |name: &str, value: String| {
        values.insert(name.to_string(), value);
    };
    set("title", text(Some(&practice.title)));
    set("summary", text(Some(&practice.summary)));
    set("axis", practice.axis.slug().to_string());
    set("sub_area", practice.sub_area.clone().unwrap_or_default());
    set("sdg", practice.sdg.to_string());
    set("targets", practice.targets.iter().map(|t| t.to_string()).collect::<Vec<_>>().join(" "));
    set("challenge", text(practice.challenge.as_ref()));
    set("objectives", text(practice.objectives.as_ref()));
    set("actions", text(practice.actions.as_ref()));
    set("technologies", practice.technologies.join(", "));
    set("started", practice.started.map(|d| d.to_string()).unwrap_or_default());
    set("ended", practice.ended.map(|d| d.to_string()).unwrap_or_default());
    set("stage", practice.stage.map_or("", |s| s.slug()).to_string());
    set("budget", practice.budget.map_or("", |s| s.slug()).to_string());
    set("funding", practice.funding.clone().unwrap_or_default());
    set("results", text(practice.results.as_ref()));
    set(
        "indicators",
        practice
            .indicators
            .iter()
            .map(|i| if i.value.is_empty() { i.name.clone() } else { format!("{}: {}", i.name, i.value) })
            .collect::<Vec<_>>()
            .join("\n"),
    );
    set("preconditions", text(practice.transferability.preconditions.as_ref()));
    set("cost", practice.transferability.cost.map_or("", |s| s.slug()).to_string());
    set("complexity", practice.transferability.complexity.map_or("", |s| s.slug()).to_string());
    set("needs", text(practice.transferability.needs.as_ref()));
    set("lessons", text(practice.lessons.as_ref()));
    set("links", practice.links.join("\n"));
    set("images", practice.images.join("\n"));
    set("contact_name", practice.contact.as_ref().map(|c| c.name.clone()).unwrap_or_default());
    set(
        "contact_email",
        practice
            .contact
            .as_ref()
            .and_then(|c| c.email.as_ref())
            .map(|e| e.as_str().to_string())
            .unwrap_or_default(),
    );
    set("consent", if practice.consent { "yes" } else { "" }.to_string());
    values
}

/// The drafts a response's good-practices entries make: one per entry with a title, with its
/// axis (a framework axis counts as its study axis), SDGs, summary, transferability and link,
/// marked as written in the language its words show (English when they do not tell).
pub fn drafts_from_answers(
    year: EditionYear,
    city: &CityId,
    answers: &[StoredAnswer],
    study_axis_of: &dyn Fn(&str) -> Option<StudyAxis>,
) -> Vec<Practice> {
    let mut entries: BTreeMap<u64, BTreeMap<&str, &str>> = BTreeMap::new();
    for answer in answers {
        let Some((group, id)) = answer.entry.split_once(':') else { continue };
        if group != "good_practices" {
            continue;
        }
        let Ok(id) = id.parse::<u64>() else { continue };
        entries.entry(id).or_default().insert(answer.question.as_str(), answer.value.as_str());
    }
    entries
        .into_iter()
        .filter_map(|(entry, fields)| {
            let title = fields.get("gp_title").map(|t| t.trim()).filter(|t| !t.is_empty())?;
            let axis = fields.get("gp_axis").and_then(|a| study_axis_of(a)).unwrap_or(StudyAxis::Governance);
            let mut goals: Vec<u8> = fields
                .get("gp_sdgs")
                .map(|v| {
                    v.split_whitespace()
                        .filter_map(|c| c.strip_prefix("sdg").and_then(|n| n.parse().ok()))
                        .filter(|g| (1..=17).contains(g))
                        .collect()
                })
                .unwrap_or_default();
            goals.dedup();
            let sdg = goals.first().copied().unwrap_or(11);
            let title: String = title.chars().take(MAX_TITLE_CHARS).collect();
            let text = |code: &str| fields.get(code).map(|t| t.trim()).filter(|t| !t.is_empty());
            let words = [Some(title.as_str()), text("gp_summary"), text("gp_transferability")];
            let lang =
                Lang::guess(&words.into_iter().flatten().collect::<Vec<_>>().join(" ")).unwrap_or_default();
            let id = PracticeId::from_words(city, &format!("{year} {title}"));
            let mut practice = Practice::new(id, city.clone(), Written::new(lang, title), axis, sdg);
            if !goals.is_empty() {
                practice.sdgs = goals;
            }
            if let Some(summary) = text("gp_summary") {
                practice.summary = Written::new(lang, summary);
            }
            practice.transferability.needs = text("gp_transferability").map(|t| Written::new(lang, t));
            practice.links = text("gp_link").and_then(|l| web_link(l).ok()).into_iter().collect();
            practice.editions = vec![year];
            practice.source = Some(PracticeSource { edition: year, entry });
            Some(practice)
        })
        .collect()
}

/// `2026-11-26T19:04:05Z` as 20261126190405, the index's date order.
fn when(timestamp: &str) -> u64 {
    timestamp.bytes().filter(u8::is_ascii_digit).take(14).fold(0, |n, b| n * 10 + u64::from(b - b'0'))
}

/// The catalogue's search index and the lock that keeps one catch-up at a time.
#[derive(Debug, Clone)]
pub(crate) struct CatalogueIndex {
    index: Arc<Catalogue>,
    sync: Arc<tokio::sync::Mutex<()>>,
    /// Whether the index has caught up with the database once since it was opened.
    primed: Arc<std::sync::atomic::AtomicBool>,
}

impl CatalogueIndex {
    pub(crate) fn new(index: Catalogue) -> CatalogueIndex {
        CatalogueIndex { index: Arc::new(index), sync: Arc::default(), primed: Arc::default() }
    }
}

impl App {
    /// Brings the search index up to the database's catalogue sequence: the changes after the
    /// one it last applied, whichever server made them; everything again if the index is
    /// ahead of the database (a restored backup). Answers how many practices it applied.
    pub async fn sync_catalogue(&self) -> Result<usize> {
        let _one_at_a_time = self.catalogue.sync.lock().await;
        let index = self.catalogue.index.clone();
        let seq = self.store.catalogue().catalogue_seq().await?;
        let mut applied = i64::try_from(index.applied()).unwrap_or(i64::MAX);
        if applied == seq {
            self.catalogue.primed.store(true, std::sync::atomic::Ordering::SeqCst);
            return Ok(0);
        }
        if applied > seq {
            let index = index.clone();
            self.blocking(move || index.rebuild(Vec::new(), 0)).await?;
            applied = 0;
        }
        let mut cities: HashMap<CityId, City> = HashMap::new();
        let mut count = 0;
        loop {
            let changed = self.store.catalogue().practices_changed_after(applied, SYNC_BATCH).await?;
            let Some(last) = changed.last().map(|p| p.seq) else { break };
            let mut entries = Vec::with_capacity(changed.len());
            for stored in changed.iter() {
                let city_id = &stored.practice.city;
                if !cities.contains_key(city_id) {
                    let city =
                        self.store.registry().city(city_id).await?.ok_or_else(|| {
                            StoreError::Corrupt(format!("practice of unknown city {city_id}"))
                        })?;
                    cities.insert(city_id.clone(), city);
                }
                let city = &cities[city_id];
                entries.push(entry(stored.clone(), city));
            }
            count += entries.len();
            let index = index.clone();
            let up_to = u64::try_from(last).unwrap_or(0);
            self.blocking(move || index.apply(&entries, up_to)).await?;
            applied = last;
            if changed.len() < SYNC_BATCH as usize {
                break;
            }
        }
        self.catalogue.primed.store(true, std::sync::atomic::Ordering::SeqCst);
        Ok(count)
    }

    /// The index, caught up with the database if it never was since it was opened (a server
    /// keeps it in step afterwards).
    async fn primed_index(&self) -> Result<Arc<Catalogue>> {
        if !self.catalogue.primed.load(std::sync::atomic::Ordering::SeqCst) {
            self.sync_catalogue().await?;
        }
        Ok(self.catalogue.index.clone())
    }

    /// Runs search-index work on the blocking pool.
    async fn blocking<T: Send + 'static>(
        &self,
        work: impl FnOnce() -> smartcities_search::Result<T> + Send + 'static,
    ) -> Result<T> {
        tokio::task::spawn_blocking(work)
            .await
            .map_err(|e| AppError::Internal(e.to_string()))?
            .map_err(|e| AppError::Internal(e.to_string()))
    }

    /// Searches the catalogue as `viewer` may see it.
    pub async fn search_practices(&self, viewer: Option<&User>, mut search: Search) -> Result<Found> {
        search.visibility = visibility(viewer);
        // Statuses are the secretariat's and analysts' business.
        let staff = matches!(search.visibility, Visibility::Everything);
        if !staff {
            search.filters.status = None;
        }
        let index = self.primed_index().await?;
        let mut found = self.blocking(move || index.search(&search)).await?;
        if !staff {
            found.facets.remove("status");
        }
        Ok(found)
    }

    /// A practice's page, if `viewer` may see the practice.
    pub async fn practice_page(&self, viewer: Option<&User>, id: &PracticeId) -> Result<PracticePage> {
        let stored = self.store.catalogue().practice(id).await?.ok_or(Refusal::NotFound)?;
        if !may_see(viewer, &stored) {
            return Err(Refusal::NotFound.into());
        }
        let city = self.store.registry().city(&stored.practice.city).await?.ok_or(Refusal::NotFound)?;
        let editable = may_edit(viewer, &stored);
        let staff = viewer.is_some_and(|u| matches!(u.role, Role::Secretariat | Role::Analyst));
        let versions =
            if editable || staff { self.store.catalogue().practice_versions(id).await? } else { Vec::new() };
        let card = card_of(&stored, &city);
        let index = self.primed_index().await?;
        let related = self.blocking(move || index.related(&card, 4)).await?;
        Ok(PracticePage {
            may_decide: viewer.is_some_and(|u| u.role == Role::Secretariat),
            may_edit: editable,
            stored,
            city,
            versions,
            related,
        })
    }

    /// A practice for its edit form, if `user` may edit it.
    pub async fn practice_to_edit(&self, user: &User, id: &PracticeId) -> Result<StoredPractice> {
        let stored = self.store.catalogue().practice(id).await?.ok_or(Refusal::NotFound)?;
        if !may_see(Some(user), &stored) {
            return Err(Refusal::NotFound.into());
        }
        if !may_edit(Some(user), &stored) {
            return Err(Refusal::Forbidden.into());
        }
        Ok(stored)
    }

    /// A city proposes a practice (its respondents, or the secretariat for it): a draft
    /// written in `lang`, waiting for the secretariat.
    pub async fn propose_practice(
        &self,
        user: &User,
        city: &CityId,
        lang: Lang,
        form: &[(String, String)],
    ) -> Result<PracticeId> {
        if !crate::policy::may_propose_practice(user, city) {
            return Err(Refusal::Forbidden.into());
        }
        if self.store.registry().city(city).await?.is_none() {
            return Err(Refusal::NotFound.into());
        }
        let words = FormValues { pairs: form }.one("title").to_string();
        let mut id = PracticeId::from_words(city, &words);
        let mut n = 2;
        while self.store.catalogue().practice_exists(&id).await? {
            id = PracticeId::from_words(city, &format!("{words} {n}"));
            n += 1;
        }
        let practice = read_form(None, id, city.clone(), lang, form).map_err(Refusal::PracticeInvalid)?;
        let change = PracticeChange {
            practice: &practice,
            status: PracticeStatus::Draft,
            based_on: None,
            by: user.email.as_str(),
            comment: None,
        };
        self.store.catalogue().save_practice(change).await?;
        self.sync_catalogue().await?;
        Ok(practice.id)
    }

    /// Saves an edit of a practice made from version `based_on`, with texts in `lang`. A city's
    /// edit of a returned practice makes it a draft again, for the secretariat to look at.
    pub async fn edit_practice(
        &self,
        user: &User,
        id: &PracticeId,
        based_on: i64,
        lang: Lang,
        form: &[(String, String)],
    ) -> Result<()> {
        let stored = self.practice_to_edit(user, id).await?;
        let practice =
            read_form(Some(&stored.practice), id.clone(), stored.practice.city.clone(), lang, form)
                .map_err(Refusal::PracticeInvalid)?;
        let status = if user.role == Role::Respondent { PracticeStatus::Draft } else { stored.status };
        if status == PracticeStatus::Published && !practice.consent {
            return Err(Refusal::PracticeNeedsConsent.into());
        }
        let change = PracticeChange {
            practice: &practice,
            status,
            based_on: Some(based_on),
            by: user.email.as_str(),
            comment: None,
        };
        self.store.catalogue().save_practice(change).await?;
        self.sync_catalogue().await?;
        Ok(())
    }

    /// The secretariat publishes a practice (which needs its city's consent) or returns it with
    /// a comment; either is a new version.
    pub async fn decide_practice(
        &self,
        user: &User,
        id: &PracticeId,
        based_on: i64,
        decision: PracticeDecision,
    ) -> Result<()> {
        if user.role != Role::Secretariat {
            return Err(Refusal::Forbidden.into());
        }
        let stored = self.store.catalogue().practice(id).await?.ok_or(Refusal::NotFound)?;
        let (status, comment) = match decision {
            PracticeDecision::Publish => {
                if !stored.practice.consent {
                    return Err(Refusal::PracticeNeedsConsent.into());
                }
                (PracticeStatus::Published, None)
            }
            PracticeDecision::Return(comment) => {
                let comment = comment.trim().to_string();
                if comment.is_empty() {
                    return Err(Refusal::PracticeReturnNeedsComment.into());
                }
                if comment.chars().count() > MAX_TEXT_CHARS {
                    return Err(Refusal::TextTooLong { max: MAX_TEXT_CHARS }.into());
                }
                (PracticeStatus::Returned, Some(comment))
            }
        };
        let change = PracticeChange {
            practice: &stored.practice,
            status,
            based_on: Some(based_on),
            by: user.email.as_str(),
            comment: comment.as_deref(),
        };
        self.store.catalogue().save_practice(change).await?;
        self.sync_catalogue().await?;
        Ok(())
    }

    /// Published practices another city could learn from for `city`: those of other cities
    /// that work on the sub-areas where it lacks what most cities have (in its latest analysed
    /// edition), from its peers and cities like it first, each with why.
    pub async fn learn_from(&self, city: &City, limit: usize) -> Result<Vec<Suggestion>> {
        let Some((weakest, peers)) = self.weakest_sub_areas(city).await? else { return Ok(Vec::new()) };
        let band =
            (city.population.count > 0).then(|| PopulationBand::of(city.population.count).slug().to_string());
        let index = self.primed_index().await?;
        let (id, section) = (city.id.clone(), city.section.slug().to_string());
        self.blocking(move || index.learn_from(&id, &section, band.as_deref(), &peers, &weakest, limit)).await
    }

    /// The sub-areas of the city's gaps in its latest analysed edition, most telling first (then
    /// those of its weakest axis), and its peers there.
    async fn weakest_sub_areas(&self, city: &City) -> Result<Option<(Vec<String>, Vec<CityId>)>> {
        let mut editions = self.store.study().editions().await?;
        editions.sort_by_key(|e| std::cmp::Reverse(e.year));
        // Only published findings: the suggestions tell where the city stands.
        for edition in editions.into_iter().filter(|e| e.status.published) {
            let Some(stored) = self.results(edition.year).await? else { continue };
            let accepted = self
                .store
                .answering()
                .response(edition.year, &city.id)
                .await?
                .is_some_and(|r| r.status == ResponseStatus::Accepted);
            if !accepted {
                continue;
            }
            let answers: Vec<Answer> = self
                .store
                .answering()
                .answers(edition.year, &city.id)
                .await?
                .into_iter()
                .map(|a| Answer { question: a.question, entry: a.entry, value: a.value })
                .collect();
            let Some(profile) = smartcities_analysis::city_profile(&stored.results, city, &answers) else {
                continue;
            };
            let Some((_, framework)) = self.store.study().framework(edition.year).await? else { continue };
            let sub_area_of = |code: &str| {
                framework
                    .axes
                    .iter()
                    .flat_map(|a| &a.sub_areas)
                    .find(|s| s.questions.iter().any(|q| q.code.as_str() == code))
            };
            let mut weakest: Vec<String> = Vec::new();
            for highlight in profile.highlights.iter().filter(|h| h.standing == Standing::Gap) {
                if let Some(sub_area) = sub_area_of(&highlight.code)
                    && !weakest.iter().any(|w| w == sub_area.code.as_str())
                {
                    weakest.push(sub_area.code.to_string());
                }
            }
            let lowest_axis = profile
                .axis_profile
                .iter()
                .filter_map(|(axis, score)| score.map(|s| (axis, s)))
                .min_by(|a, b| a.1.total_cmp(&b.1));
            if let Some(axis) =
                lowest_axis.and_then(|(code, _)| framework.axes.iter().find(|a| a.code.as_str() == code))
            {
                for sub_area in &axis.sub_areas {
                    if !weakest.iter().any(|w| w == sub_area.code.as_str()) {
                        weakest.push(sub_area.code.to_string());
                    }
                }
            }
            let peers = profile.peers.iter().filter_map(|p| CityId::parse(&p.city).ok()).collect();
            return Ok(Some((weakest, peers)));
        }
        Ok(None)
    }

    /// The published practices of a city, newest first, and for its respondents and the
    /// secretariat its drafts and returned ones too.
    pub async fn practices_of(&self, viewer: Option<&User>, city: &CityId) -> Result<Vec<Card>> {
        let mut search = Search {
            words: String::new(),
            filters: Default::default(),
            lang: Lang::En,
            order: smartcities_search::Order::Newest,
            page: 1,
            per_page: smartcities_search::MAX_PER_PAGE,
            visibility: Visibility::Public,
        };
        search.filters.city = Some(city.clone());
        Ok(self.search_practices(viewer, search).await?.hits.into_iter().map(|h| h.card).collect())
    }
}

/// What the index takes of a stored practice and its city.
fn entry(stored: StoredPractice, city: &City) -> Entry {
    let stamp = stored.published_at.unwrap_or(stored.updated_at).to_string();
    Entry {
        when: when(&stamp),
        status: stored.status,
        city_name: city.name.clone(),
        section: city.section.slug().to_string(),
        band: (city.population.count > 0)
            .then(|| PopulationBand::of(city.population.count).slug().to_string()),
        practice: stored.practice,
    }
}

/// The card a stored practice shows, for finding related ones.
fn card_of(stored: &StoredPractice, city: &City) -> Card {
    Entry::card(&entry(stored.clone(), city))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pairs(items: &[(&str, &str)]) -> Vec<(String, String)> {
        items.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect()
    }

    fn id() -> PracticeId {
        PracticeId::parse("es-bilbao-x").unwrap()
    }

    fn city() -> CityId {
        CityId::parse("es-bilbao").unwrap()
    }

    #[test]
    fn a_form_reports_every_problem_beside_its_field() {
        let form = pairs(&[
            ("title", ""),
            ("axis", "space"),
            ("sdg", "18"),
            ("targets", "11.3 zz"),
            ("started", "2021-13"),
            ("links", "https://ok.example\njavascript:alert(1)"),
            ("contact_email", "nobody"),
            ("budget", "infinite"),
        ]);
        let problems = read_form(None, id(), city(), Lang::Es, &form).unwrap_err();
        let fields: Vec<&str> = problems.iter().map(|p| p.field.as_str()).collect();
        for field in
            ["title", "summary", "axis", "sdg", "targets", "started", "links", "contact_email", "budget"]
        {
            assert!(fields.contains(&field), "{field} missing from {fields:?}");
        }
        assert!(problems.iter().all(|p| !p.message.contains("practice-")), "{problems:?}");
    }

    #[test]
    fn a_form_in_another_language_adds_translations_and_keeps_the_original() {
        let form = pairs(&[
            ("title", "Presupuestos participativos"),
            ("summary", "La ciudadanía decide."),
            ("axis", "governance"),
            ("sdg", "16"),
            ("sdgs", "11"),
            ("targets", "16.7"),
            ("actors", "public"),
            ("actors", "civil_society"),
            ("indicators", "Propuestas: 1.200 en 2023"),
            ("consent", "yes"),
        ]);
        let practice = read_form(None, id(), city(), Lang::Es, &form).unwrap();
        assert_eq!(practice.sdgs, [16, 11]);
        assert_eq!(practice.indicators[0].value, "1.200 en 2023");
        assert!(practice.consent);
        let mut english = form_values(&practice, Lang::En);
        english.insert("title".into(), "Participatory budgeting".into());
        english.insert("summary".into(), "Residents decide.".into());
        let english: Vec<(String, String)> = english.into_iter().collect();
        let translated = read_form(Some(&practice), id(), city(), Lang::En, &english).unwrap();
        assert_eq!(translated.title.original, Lang::Es);
        assert_eq!(translated.title.get(Lang::En), ("Participatory budgeting", true));
        assert_eq!(translated.title.get(Lang::Es), ("Presupuestos participativos", false));
    }

    #[test]
    fn entries_of_the_questionnaire_become_drafts() {
        let answer = |question: &str, entry: &str, value: &str| StoredAnswer {
            question: question.into(),
            entry: entry.into(),
            value: value.into(),
            revision: 1,
            questionnaire_version: 1,
            evidence: smartcities_domain::Evidence::SelfReported,
            evidence_note: None,
            updated_by: String::new(),
            updated_at: smartcities_domain::Timestamp::from_unix(0),
        };
        let answers = vec![
            answer("gp_title", "good_practices:2", "Bicing eléctrico"),
            answer(
                "gp_summary",
                "good_practices:2",
                "Bicicletas compartidas para toda la ciudad y sus barrios",
            ),
            answer("gp_axis", "good_practices:2", "new_mobility"),
            answer("gp_sdgs", "good_practices:2", "sdg11 sdg13"),
            answer("gp_link", "good_practices:2", "javascript:alert(1)"),
            answer("gp_axis", "good_practices:3", "new_mobility"),
            answer("be_type", "barriers_enablers:1", "barrier"),
        ];
        let year = EditionYear::new(2025).unwrap();
        let study = |code: &str| (code == "new_mobility").then_some(StudyAxis::Mobility);
        let drafts = drafts_from_answers(year, &city(), &answers, &study);
        assert_eq!(drafts.len(), 1, "an entry without a title is no practice");
        let draft = &drafts[0];
        assert_eq!(draft.id.as_str(), "es-bilbao-2025-bicing-electrico");
        assert_eq!((draft.axis, draft.sdg, draft.sdgs.clone()), (StudyAxis::Mobility, 11, vec![11, 13]));
        assert!(draft.links.is_empty() && !draft.consent);
        assert_eq!(draft.title.original, Lang::Es, "the language its words show");
        assert_eq!(draft.source, Some(PracticeSource { edition: year, entry: 2 }));
    }

    #[test]
    fn timestamps_order_by_date() {
        assert_eq!(when("2026-11-26T19:04:05Z"), 20261126190405);
        assert!(when("2026-11-26T19:04:05Z") > when("2026-02-01T00:00:00Z"));
    }
}
