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

/// Reads a form's fields, keeping every problem beside its field, in the form's language.
struct Reader<'a> {
    form: FormValues<'a>,
    lang: Lang,
    problems: Vec<FieldProblem>,
}

impl<'a> Reader<'a> {
    fn problem(&mut self, field: &str, key: &str, args: &[(&str, FluentValue<'static>)]) {
        self.problems
            .push(FieldProblem { field: field.to_string(), message: translate(self.lang, key, args) });
    }

    fn too_long(&mut self, field: &str, max: usize) {
        self.problem(field, "practice-too-long", &[("max", FluentValue::from(max as i64))]);
    }

    fn optional(&self, field: &str) -> Option<&'a str> {
        Some(self.form.one(field)).filter(|v| !v.is_empty())
    }

    /// A text in the form's language, set into the text it edits (other languages kept).
    fn written(&mut self, field: &str, old: Option<&Written>, max: usize) -> Option<Written> {
        let text = self.form.one(field);
        if text.chars().count() > max {
            self.too_long(field, max);
        }
        match old {
            Some(old) => {
                let mut written = old.clone();
                written.set(self.lang, text);
                (!written.is_empty()).then_some(written)
            }
            None => (!text.is_empty()).then(|| Written::new(self.lang, text)),
        }
    }

    /// A required text.
    fn required(&mut self, field: &str, old: Option<&Written>, max: usize) -> Option<Written> {
        let written = self.written(field, old, max);
        if self.form.one(field).is_empty() {
            self.problem(field, "practice-required", &[]);
        }
        written
    }

    fn axis(&mut self) -> Option<StudyAxis> {
        let text = self.form.one("axis");
        StudyAxis::parse(text)
            .map_err(|_| {
                let key = if text.is_empty() { "practice-required" } else { "practice-unknown-value" };
                self.problem("axis", key, &[]);
            })
            .ok()
    }

    fn sub_area(&mut self) -> Option<String> {
        let code = self.optional("sub_area")?;
        if code.len() > 60 || !code.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
        {
            self.problem("sub_area", "practice-unknown-value", &[]);
        }
        Some(code.to_string())
    }

    /// The main goal, every goal (the main one first, then those ticked, then those the targets
    /// name) and the targets.
    fn sdgs(&mut self) -> (Option<u8>, Vec<u8>, Vec<SdgTarget>) {
        let goal = |text: &str| text.parse::<u8>().ok().filter(|g| (1..=17).contains(g));
        let sdg = goal(self.form.one("sdg"));
        if sdg.is_none() {
            let key = if self.form.one("sdg").is_empty() { "practice-required" } else { "practice-bad-sdg" };
            self.problem("sdg", key, &[]);
        }
        let mut sdgs: Vec<u8> = sdg.into_iter().collect();
        for value in self.form.all("sdgs") {
            match goal(value) {
                Some(g) if !sdgs.contains(&g) => sdgs.push(g),
                Some(_) => {}
                None => self.problem("sdgs", "practice-bad-sdg", &[]),
            }
        }
        // A target names its goal: one the practice does not tick yet is added with it.
        let mut targets: Vec<SdgTarget> = Vec::new();
        for value in target_words(self.form.one("targets")) {
            let named = [("target", FluentValue::from(value.clone()))];
            match SdgTarget::parse(&value) {
                Ok(target) => {
                    if !sdgs.contains(&target.goal()) {
                        sdgs.push(target.goal());
                    }
                    if !targets.contains(&target) {
                        targets.push(target);
                    }
                }
                Err(_) => self.problem("targets", "practice-bad-target", &named),
            }
        }
        (sdg, sdgs, targets)
    }

    /// Every value of a field of closed choices; an unknown one is a problem.
    fn picked<T>(
        &mut self,
        field: &str,
        parse: fn(&str) -> std::result::Result<T, smartcities_domain::ParseError>,
    ) -> Vec<T> {
        let values = self.form.all(field);
        let read: Vec<T> = values.iter().filter_map(|v| parse(v).ok()).collect();
        if read.len() < values.len() {
            self.problem(field, "practice-unknown-value", &[]);
        }
        read
    }

    /// One value of a field of closed choices.
    fn one_picked<T>(
        &mut self,
        field: &str,
        parse: fn(&str) -> std::result::Result<T, smartcities_domain::ParseError>,
    ) -> Option<T> {
        self.picked(field, parse).into_iter().next()
    }

    /// When it started and ended; an end before the start is a problem.
    fn dates(&mut self) -> (Option<ApproxDate>, Option<ApproxDate>) {
        let mut date = |field: &str| {
            let text = self.optional(field)?;
            ApproxDate::parse(text).map_err(|_| self.problem(field, "practice-bad-date", &[])).ok()
        };
        let (started, ended) = (date("started"), date("ended"));
        if let (Some(s), Some(e)) = (started, ended)
            && e < s
        {
            self.problem("ended", "practice-ended-before", &[]);
        }
        (started, ended)
    }

    /// A list typed as one text, split at `separator`, bounded in items and length.
    fn list(&mut self, field: &str, separator: char) -> Vec<String> {
        let items: Vec<String> = self
            .form
            .one(field)
            .split(separator)
            .map(str::trim)
            .filter(|v| !v.is_empty())
            .map(str::to_string)
            .collect();
        if items.len() > MAX_LIST_ITEMS {
            self.problem(field, "practice-too-many", &[("max", FluentValue::from(MAX_LIST_ITEMS as i64))]);
        }
        if items.iter().any(|i| i.chars().count() > MAX_ITEM_CHARS) {
            self.too_long(field, MAX_ITEM_CHARS);
        }
        items
    }

    /// Web addresses, one per line; one that is not is a problem.
    fn links(&mut self, field: &str) -> Vec<String> {
        let mut valid = Vec::new();
        for line in self.list(field, '\n') {
            match web_link(&line) {
                Ok(link) => valid.push(link),
                Err(_) => {
                    self.problem(field, "practice-bad-link", &[("link", FluentValue::from(line.clone()))])
                }
            }
        }
        valid
    }

    fn contact(&mut self) -> Option<Contact> {
        let name = self.form.one("contact_name");
        let email = self.optional("contact_email").and_then(|e| {
            Email::parse(e).map_err(|_| self.problem("contact_email", "practice-bad-email", &[])).ok()
        });
        if name.chars().count() > MAX_ITEM_CHARS {
            self.too_long("contact_name", MAX_ITEM_CHARS);
        }
        (!name.is_empty() || email.is_some()).then(|| Contact { name: name.to_string(), email })
    }
}

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
    let mut r = Reader { form: FormValues { pairs }, lang, problems: Vec::new() };
    let old = |text: fn(&Practice) -> Option<&Written>| base.and_then(text);
    let title = r.required("title", base.map(|b| &b.title), MAX_TITLE_CHARS);
    let summary = r.required("summary", base.map(|b| &b.summary), MAX_TEXT_CHARS);
    let axis = r.axis();
    let sub_area = r.sub_area();
    let (sdg, sdgs, targets) = r.sdgs();
    let inequalities = r.picked("inequalities", Inequality::parse);
    let actors = r.picked("actors", Actor::parse);
    let stage = r.one_picked("stage", Stage::parse);
    let budget = r.one_picked("budget", BudgetRange::parse);
    let cost = r.one_picked("cost", Effort::parse);
    let complexity = r.one_picked("complexity", Effort::parse);
    let (started, ended) = r.dates();
    let technologies = r.list("technologies", ',');
    let indicators: Vec<Indicator> = r
        .list("indicators", '\n')
        .into_iter()
        .map(|line| match line.split_once(':') {
            Some((name, value)) => {
                Indicator { name: name.trim().to_string(), value: value.trim().to_string() }
            }
            None => Indicator { name: line, value: String::new() },
        })
        .collect();
    let links = r.links("links");
    let images = r.links("images");
    let funding = r.optional("funding").map(str::to_string);
    if funding.as_ref().is_some_and(|f| f.chars().count() > MAX_ITEM_CHARS) {
        r.too_long("funding", MAX_ITEM_CHARS);
    }
    let contact = r.contact();
    let challenge = r.written("challenge", old(|b| b.challenge.as_ref()), MAX_TEXT_CHARS);
    let objectives = r.written("objectives", old(|b| b.objectives.as_ref()), MAX_TEXT_CHARS);
    let actions = r.written("actions", old(|b| b.actions.as_ref()), MAX_TEXT_CHARS);
    let results = r.written("results", old(|b| b.results.as_ref()), MAX_TEXT_CHARS);
    let lessons = r.written("lessons", old(|b| b.lessons.as_ref()), MAX_TEXT_CHARS);
    let preconditions =
        r.written("preconditions", old(|b| b.transferability.preconditions.as_ref()), MAX_TEXT_CHARS);
    let needs = r.written("needs", old(|b| b.transferability.needs.as_ref()), MAX_TEXT_CHARS);

    let (Some(title), Some(summary), Some(axis), Some(sdg), true) =
        (title, summary, axis, sdg, r.problems.is_empty())
    else {
        return Err(r.problems);
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
    practice.consent = r.form.one("consent") == "yes";
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

#[cfg(test)]
mod tests {
    use super::*;

    fn pairs(fields: &[(&str, &str)]) -> Vec<(String, String)> {
        fields.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect()
    }

    fn read(fields: &[(&str, &str)]) -> std::result::Result<Practice, Vec<FieldProblem>> {
        let city = CityId::parse("es-bilbao").unwrap();
        read_form(None, PracticeId::from_words(&city, "Bici"), city, Lang::Es, &pairs(fields))
    }

    #[test]
    fn a_valid_form_reads_into_a_practice_in_its_language() {
        let practice = read(&[
            ("title", " Bicicleta pública "),
            ("summary", "Préstamo de bicis."),
            ("axis", "mobility"),
            ("sdg", "11"),
            ("sdgs", "13"),
            ("sdgs", "11"),
            ("targets", "11.2, 13.2"),
            ("actors", "public"),
            ("started", "2019"),
            ("links", "https://example.org/bici\n"),
            ("consent", "yes"),
        ])
        .unwrap();
        assert_eq!(practice.title.exactly(Lang::Es), Some("Bicicleta pública"));
        assert_eq!(practice.sdgs, vec![11, 13], "the main goal first, each once");
        assert_eq!(practice.targets.len(), 2);
        assert_eq!(practice.links.len(), 1);
        assert!(practice.consent);
    }
}

/// The targets typed in one field, separated by spaces, semicolons or commas: a comma between a
/// goal and a target's number or letter is the decimal comma of "16,7" (16.7), as a Spanish or
/// French keyboard writes it, so "16,7, 11.3" and "16,7 11,3" read as two targets each.
fn target_words(text: &str) -> Vec<String> {
    let is_goal = |p: &str| !p.is_empty() && p.len() <= 2 && p.bytes().all(|b| b.is_ascii_digit());
    let is_suffix = |p: &str| {
        !p.is_empty()
            && p.len() <= 2
            && (p.bytes().all(|b| b.is_ascii_digit()) || p.bytes().all(|b| b.is_ascii_alphabetic()))
    };
    let mut out = Vec::new();
    for word in text.split(|c: char| c.is_whitespace() || c == ';').filter(|w| !w.is_empty()) {
        let parts: Vec<&str> = word.split(',').collect();
        let mut i = 0;
        while i < parts.len() {
            let part = parts[i];
            if is_goal(part) && parts.get(i + 1).is_some_and(|next| is_suffix(next)) {
                out.push(format!("{part}.{}", parts[i + 1]));
                i += 2;
            } else {
                if !part.is_empty() {
                    out.push(part.to_string());
                }
                i += 1;
            }
        }
    }
    out
}

#[cfg(test)]
mod target_tests {
    use super::target_words;

    #[test]
    fn decimal_commas_and_separating_commas_read_as_people_mean_them() {
        assert_eq!(target_words("16,7"), ["16.7"]);
        assert_eq!(target_words("16.7"), ["16.7"]);
        assert_eq!(target_words("16,7, 11.3"), ["16.7", "11.3"]);
        assert_eq!(target_words("16,7 11,a;9.c"), ["16.7", "11.a", "9.c"]);
        assert_eq!(target_words("16.7,11.3"), ["16.7", "11.3"]);
        assert_eq!(target_words("16,7,11,3"), ["16.7", "11.3"]);
        assert_eq!(target_words("zz"), ["zz"]);
        assert!(target_words(" , ").is_empty());
    }
}
