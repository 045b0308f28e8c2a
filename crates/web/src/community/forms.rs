//! The secretariat's forms of the community page as flat fields: the leadership record (its
//! office, update, bodies and councils in three languages side by side, one row per body and
//! council) and an activity of the plan. A refused form comes back as typed.

use std::collections::{BTreeMap, HashMap};

use smartcities_domain::{
    Activity, ActivityStatus, ApproxDate, BodySeat, CityId, CommunityProblem, Component, Council,
    EditionYear, EventId, Lang, Leadership, Semester, Written,
};

use super::{Fields, first};
use crate::written::{fields_of, posted, written_from};

/// The most bodies and councils a form holds.
pub(super) const MAX_ROWS: usize = 20;
/// Blank rows offered after the filled ones, to add a body or a council.
const SPARE_ROWS: usize = 2;

/// A form's fields: `name` → value, translatable texts as `name_es`, `name_en`, `name_fr`.
pub(super) type FormFields = BTreeMap<String, String>;

/// Puts a translatable text's three fields into a form.
fn put(form: &mut FormFields, name: &str, written: Option<&Written>) {
    for (code, text) in fields_of(written) {
        form.insert(format!("{name}_{code}"), text);
    }
}

fn missing(lang: Lang) -> String {
    smartcities_app::community_problem(lang, &CommunityProblem::Missing)
}

/// The form's original language: the posted one, else the reader's.
fn original(fields: &Fields, lang: Lang) -> Lang {
    Lang::from_tag(&first(fields, "original")).unwrap_or(lang)
}

/// How many body and council rows a form shows: the filled ones and two blank, at most
/// [`MAX_ROWS`].
pub(super) fn rows(form: &FormFields) -> (Vec<usize>, Vec<usize>) {
    let filled = |prefix: &str| {
        (1..=MAX_ROWS)
            .filter(|i| {
                form.iter().any(|(k, v)| {
                    !v.trim().is_empty()
                        && k.strip_prefix(prefix).is_some_and(|rest| rest.starts_with(&format!("{i}_")))
                })
            })
            .max()
            .unwrap_or(0)
    };
    let span = |n: usize| (1..=(n + SPARE_ROWS).min(MAX_ROWS)).collect();
    (span(filled("body-").max(filled("role-"))), span(filled("council-")))
}

/// The leadership record's form.
pub(super) fn leadership_form_of(l: &Leadership) -> FormFields {
    let mut form = FormFields::from([
        ("city".to_string(), l.city.to_string()),
        ("representative".to_string(), l.representative.clone()),
        ("since".to_string(), l.since.to_string()),
    ]);
    let first_text = l.office.as_ref().or(l.update.as_ref()).or(l.bodies.first().map(|b| &b.body));
    form.insert("original".into(), first_text.map_or(Lang::Es, |w| w.original).code().to_string());
    put(&mut form, "office", l.office.as_ref());
    put(&mut form, "update", l.update.as_ref());
    for (i, seat) in l.bodies.iter().enumerate() {
        put(&mut form, &format!("body-{}", i + 1), Some(&seat.body));
        put(&mut form, &format!("role-{}", i + 1), seat.role.as_ref());
    }
    for (i, council) in l.councils.iter().enumerate() {
        put(&mut form, &format!("council-{}", i + 1), Some(&council.name));
        let years: Vec<String> = council.received.iter().map(ToString::to_string).collect();
        form.insert(format!("council-{}-received", i + 1), years.join(", "));
    }
    form
}

/// The leadership record a posted form gives, or its problems by field.
pub(super) fn leadership_from(fields: &Fields, lang: Lang) -> Result<Leadership, HashMap<String, String>> {
    let mut errors = HashMap::new();
    let city =
        CityId::parse(&first(fields, "city")).map_err(|e| errors.insert("city".into(), e.to_string())).ok();
    let since = ApproxDate::parse(&first(fields, "since"))
        .map_err(|e| errors.insert("since".into(), e.to_string()))
        .ok();
    let original = original(fields, lang);
    let text = |name: &str| written_from(&posted(fields, name), original);
    let mut bodies = Vec::new();
    let mut councils = Vec::new();
    for i in 1..=MAX_ROWS {
        let role = text(&format!("role-{i}"));
        match text(&format!("body-{i}")) {
            Some(body) => bodies.push(BodySeat { body, role }),
            None if role.is_some() => {
                errors.insert(format!("body-{i}"), missing(lang));
            }
            None => {}
        }
        let mut received = Vec::new();
        for year in first(fields, &format!("council-{i}-received")).split(',').map(str::trim) {
            match EditionYear::parse(year) {
                _ if year.is_empty() => {}
                Ok(y) => received.push(y),
                Err(e) => {
                    errors.insert(format!("council-{i}"), e.to_string());
                }
            }
        }
        match text(&format!("council-{i}")) {
            Some(name) => councils.push(Council { name, received }),
            None if !received.is_empty() => {
                errors.insert(format!("council-{i}"), missing(lang));
            }
            None => {}
        }
    }
    match (city, since) {
        (Some(city), Some(since)) if errors.is_empty() => Ok(Leadership {
            city,
            representative: first(fields, "representative"),
            office: text("office"),
            since,
            update: text("update"),
            bodies,
            councils,
            illustrative: false,
        }),
        _ => Err(errors),
    }
}

/// An activity's form, to correct it.
pub(super) fn activity_form_of(a: &Activity) -> FormFields {
    let mut form = FormFields::from([
        ("editing".to_string(), a.id.to_string()),
        ("id".to_string(), a.id.to_string()),
        ("original".to_string(), a.title.original.code().to_string()),
        ("semester".to_string(), a.semester.to_string()),
        ("edition".to_string(), a.edition.map(|e| e.to_string()).unwrap_or_default()),
        ("component".to_string(), a.component.slug().to_string()),
        ("status".to_string(), a.status.slug().to_string()),
        ("starts_on".to_string(), a.starts_on.map(|d| d.to_string()).unwrap_or_default()),
        ("ends_on".to_string(), a.ends_on.map(|d| d.to_string()).unwrap_or_default()),
    ]);
    put(&mut form, "title", Some(&a.title));
    put(&mut form, "owner", a.owner.as_ref());
    form
}

/// The activity a posted form gives, or its problems by field.
pub(super) fn activity_from(fields: &Fields, lang: Lang) -> Result<Activity, HashMap<String, String>> {
    let mut errors = HashMap::new();
    let mut note = |field: &str, message: String| {
        errors.entry(field.to_string()).or_insert(message);
    };
    let id = EventId::parse(&first(fields, "id")).map_err(|e| note("id", e.to_string())).ok();
    let title = written_from(&posted(fields, "title"), original(fields, lang));
    let owner = written_from(&posted(fields, "owner"), original(fields, lang));
    if title.is_none() {
        note("title", missing(lang));
    }
    let semester =
        Semester::parse(&first(fields, "semester")).map_err(|e| note("semester", e.to_string())).ok();
    let component =
        Component::parse(&first(fields, "component")).map_err(|e| note("component", e.to_string())).ok();
    let status =
        ActivityStatus::parse(&first(fields, "status")).map_err(|e| note("status", e.to_string())).ok();
    let optional_date = |name: &str, note: &mut dyn FnMut(&str, String)| match first(fields, name).as_str() {
        "" => None,
        text => ApproxDate::parse(text).map_err(|e| note(name, e.to_string())).ok(),
    };
    let starts_on = optional_date("starts_on", &mut note);
    let ends_on = optional_date("ends_on", &mut note);
    let edition = match first(fields, "edition").as_str() {
        "" => None,
        text => EditionYear::parse(text).map_err(|e| note("edition", e.to_string())).ok(),
    };
    match (id, title, semester, component, status) {
        (Some(id), Some(title), Some(semester), Some(component), Some(status)) if errors.is_empty() => {
            Ok(Activity {
                id,
                title,
                semester,
                edition,
                component,
                status,
                owner,
                starts_on,
                ends_on,
                illustrative: false,
            })
        }
        _ => Err(errors),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields(pairs: &[(&str, &str)]) -> Fields {
        pairs.iter().map(|(k, v)| (k.to_string(), vec![v.to_string()])).collect()
    }

    #[test]
    fn the_leadership_form_round_trips_its_texts_in_three_languages() {
        let posted = fields(&[
            ("city", "es-bilbao"),
            ("representative", "Juan Mari Aburto"),
            ("since", "2012"),
            ("original", "es"),
            ("office_es", "Alcalde de Bilbao"),
            ("office_en", "Mayor of Bilbao"),
            ("body-1_es", "Comisión de Cultura"),
            ("role-1_es", "Vicepresidencia"),
            ("role-1_fr", "Vice-présidence"),
            ("body-2_en", "Committee on Culture"),
            ("council-3_fr", "Conseil politique"),
            ("council-3-received", "2023, 2024"),
        ]);
        let l = leadership_from(&posted, Lang::En).unwrap();
        let office = l.office.as_ref().unwrap();
        assert_eq!((office.original, office.missing()), (Lang::Es, vec![Lang::Fr]));
        assert_eq!(l.bodies.len(), 2);
        assert_eq!(l.bodies[1].body.original, Lang::En, "its Spanish was blank");
        assert_eq!(l.councils[0].name.original, Lang::Fr);
        assert_eq!(l.councils[0].received.len(), 2);
        let form = leadership_form_of(&l);
        assert_eq!(form["office_en"], "Mayor of Bilbao");
        assert_eq!(form["role-1_fr"], "Vice-présidence");
        assert_eq!(form["council-1-received"], "2023, 2024");
        assert_eq!(rows(&form), (vec![1, 2, 3, 4], vec![1, 2, 3]));
    }

    #[test]
    fn a_role_or_years_without_a_name_are_refused_by_row() {
        let posted = fields(&[
            ("city", "es-bilbao"),
            ("since", "2012"),
            ("role-2_en", "Chair"),
            ("council-1-received", "2019"),
            ("council-4_en", "Council"),
            ("council-4-received", "2019, nineteen"),
        ]);
        let errors = leadership_from(&posted, Lang::Fr).unwrap_err();
        let mut fields: Vec<&str> = errors.keys().map(String::as_str).collect();
        fields.sort();
        assert_eq!(fields, ["body-2", "council-1", "council-4"]);
        assert_eq!(errors["body-2"], missing(Lang::Fr));
        assert_ne!(missing(Lang::Fr), missing(Lang::En));
    }

    #[test]
    fn an_activity_needs_a_title_in_some_language() {
        let mut posted = fields(&[
            ("id", "renewal-2027"),
            ("semester", "2027-S1"),
            ("component", "monitoring"),
            ("status", "planned"),
        ]);
        assert!(activity_from(&posted, Lang::Es).unwrap_err().contains_key("title"));
        posted.insert("title_fr".into(), vec!["Renouvellement".into()]);
        let a = activity_from(&posted, Lang::Es).unwrap();
        assert_eq!(a.title, Written::new(Lang::Fr, "Renouvellement"));
        assert_eq!(activity_form_of(&a)["title_fr"], "Renouvellement");
    }
}
