//! The practice form: every field read and checked, each problem beside its field, in the
//! language it was written in (the original kept, other languages as translations).

use std::collections::BTreeMap;

use smartcities_domain::{
    Actor, ApproxDate, BudgetRange, CityId, Contact, Effort, Email, Indicator, Inequality, Lang, Practice,
    PracticeId, SdgTarget, Stage, StudyAxis, Written, web_link,
};
use smartcities_locale::{FluentValue, t, translate};

use super::*;

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

/// A form's values by name; repeated names (checkboxes) keep every value.
pub(super) struct FormValues<'a> {
    pub(super) pairs: &'a [(String, String)],
}

impl<'a> FormValues<'a> {
    pub(super) fn one(&self, name: &str) -> &'a str {
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
