//! Server-side checking of a city's answers against its questionnaire: which questions are
//! relevant, which required ones are missing, which values have the wrong type or break a
//! constraint. The browser may check the same things for comfort; this is the verdict.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use smartcities_domain::Lang;

use crate::model::{Condition, Item, Kind, Question, Questionnaire};

/// A city's answers: one value per question (multiple choices as space-separated codes), and
/// for each repeat group, its entries in order.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Response {
    /// Answers to ordinary questions, by name.
    pub values: BTreeMap<String, String>,
    /// Entries of each repeat group, in order, each its answers by name.
    pub repeats: BTreeMap<String, Vec<BTreeMap<String, String>>>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
/// What kind of problem an answer has.
pub enum IssueKind {
    /// A required answer is missing.
    Missing,
    /// The answer is not of the question's kind.
    Invalid,
    /// The answer breaks the question's constraint.
    Constraint,
}

/// One problem with one answer, worded for the respondent.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Issue {
    /// The question's name.
    pub question: String,
    /// For a question of a repeat group: the group and the entry's position (0-based).
    pub entry: Option<(String, usize)>,
    /// What kind of problem it is.
    pub kind: IssueKind,
    /// The problem in the respondent's language.
    pub message: String,
}

/// Whether a question is asked, given the answers (its groups' conditions included).
pub fn is_relevant(conditions: &[&Option<Condition>], lookup: &dyn Fn(&str) -> String) -> bool {
    conditions.iter().all(|c| c.as_ref().is_none_or(|c| c.expr.holds(lookup, "")))
}

/// A number typed for a numeric question in `lang`, in its stored form, by the one rule for
/// typed numbers (`smartcities_domain::read_number`); or why it cannot be read, labelled with
/// the question. Whether it fits the question (a whole number, a range) is `check_value`'s.
pub fn read_typed_number(
    questionnaire: &Questionnaire,
    question: &Question,
    typed: &str,
    lang: Lang,
) -> Result<String, String> {
    smartcities_domain::read_number(typed, lang).map_err(|problem| {
        let problem = match (problem, &question.kind) {
            (smartcities_domain::NumberProblem::NotANumber, Kind::Integer) => {
                smartcities_domain::NumberProblem::NotACount
            }
            (problem, _) => problem,
        };
        labelled_problem(questionnaire, question, &problem.message(lang), lang)
    })
}

/// A problem with an answer, prefixed with its question's label: `«Población»: …`.
pub fn labelled_problem(
    questionnaire: &Questionnaire,
    question: &Question,
    detail: &str,
    lang: Lang,
) -> String {
    message(lang, IssueKind::Invalid, question, detail, questionnaire)
}

fn message(
    lang: Lang,
    kind: IssueKind,
    question: &Question,
    detail: &str,
    questionnaire: &Questionnaire,
) -> String {
    let label = question.label.get(lang, questionnaire.default_language);
    match (kind, lang) {
        (IssueKind::Missing, Lang::En) => format!("“{label}” needs an answer."),
        (IssueKind::Missing, Lang::Es) => format!("«{label}» necesita una respuesta."),
        (IssueKind::Missing, Lang::Fr) => format!("« {label} » demande une réponse."),
        (IssueKind::Invalid, Lang::En) => format!("“{label}”: {detail}"),
        (IssueKind::Invalid, Lang::Es) => format!("«{label}»: {detail}"),
        (IssueKind::Invalid, Lang::Fr) => format!("« {label} » : {detail}"),
        (IssueKind::Constraint, _) => {
            let custom = question.constraint_message.get(lang, questionnaire.default_language);
            let custom = if custom.is_empty() {
                match lang {
                    Lang::En => "the value is not accepted",
                    Lang::Es => "el valor no es válido",
                    Lang::Fr => "la valeur n'est pas acceptée",
                }
            } else {
                custom
            };
            match lang {
                Lang::En => format!("“{label}”: {custom}"),
                Lang::Es => format!("«{label}»: {custom}"),
                Lang::Fr => format!("« {label} » : {custom}"),
            }
        }
    }
}

fn type_problem(
    lang: Lang,
    question: &Question,
    value: &str,
    questionnaire: &Questionnaire,
    lookup: &dyn Fn(&str) -> String,
) -> Option<String> {
    let says = |en: &str, es: &str, fr: &str| match lang {
        Lang::En => en.to_string(),
        Lang::Es => es.to_string(),
        Lang::Fr => fr.to_string(),
    };
    // Only the choices offered count, when a choice filter narrows them.
    let codes: Vec<&str> =
        questionnaire.choices_for(question, lookup).iter().map(|c| c.name.as_str()).collect();
    match &question.kind {
        Kind::Integer if value.trim().parse::<i64>().is_err() => {
            Some(says("enter a whole number", "escriba un número entero", "saisissez un nombre entier"))
        }
        // Stored numbers have a dot for decimals whatever the language they were typed in.
        Kind::Decimal if !value.trim().parse::<f64>().is_ok_and(f64::is_finite) => {
            Some(smartcities_domain::NumberProblem::NotANumber.message(lang))
        }
        Kind::Date if smartcities_domain::Day::parse(value.trim()).is_err() => Some(says(
            "enter a date as year-month-day, e.g. 2026-03-31",
            "escriba una fecha como año-mes-día, p. ej. 2026-03-31",
            "saisissez une date sous la forme année-mois-jour, p. ex. 2026-03-31",
        )),
        Kind::File | Kind::Image if !crate::attachment::is_file_id(value.trim()) => Some(says(
            "upload the file with its button",
            "suba el archivo con su botón",
            "envoyez le fichier avec son bouton",
        )),
        Kind::YesNo | Kind::Ordinal { .. } | Kind::SelectOne { .. } if !codes.contains(&value.trim()) => {
            Some(says(
                "choose one of the options",
                "elija una de las opciones",
                "choisissez l'une des options",
            ))
        }
        Kind::SelectMultiple { .. } => {
            let chosen: Vec<&str> = value.split_whitespace().collect();
            let unknown = chosen.iter().any(|c| !codes.contains(c));
            let repeated = chosen.iter().enumerate().any(|(i, c)| chosen[..i].contains(c));
            (unknown || repeated).then(|| {
                says("choose among the options", "elija entre las opciones", "choisissez parmi les options")
            })
        }
        _ => None,
    }
}

/// Whether a non-empty value fits its question: its type, its choices and its constraint.
/// Returns the kind of problem and a message for the respondent.
pub fn check_value(
    questionnaire: &Questionnaire,
    question: &Question,
    value: &str,
    lookup: &dyn Fn(&str) -> String,
    lang: Lang,
) -> Option<(IssueKind, String)> {
    let lookup = questionnaire.with_calculations(lookup);
    let offered = questionnaire.non_answers_for(question);
    if let Some(detail) = crate::non_answer::non_answer_problem(value, offered, lang) {
        return Some((
            IssueKind::Invalid,
            message(lang, IssueKind::Invalid, question, &detail, questionnaire),
        ));
    }
    if crate::non_answer::NonAnswer::of_kept(value).is_some() {
        // An offered non-answer has no type to check and breaks no constraint.
        return None;
    }
    if let Some(detail) = type_problem(lang, question, value, questionnaire, &lookup) {
        return Some((
            IssueKind::Invalid,
            message(lang, IssueKind::Invalid, question, &detail, questionnaire),
        ));
    }
    if let Some(constraint) = &question.constraint
        && !constraint.expr.holds(&lookup, value)
    {
        return Some((
            IssueKind::Constraint,
            message(lang, IssueKind::Constraint, question, "", questionnaire),
        ));
    }
    None
}

/// Checks one answer: the question, its value, how to look up other answers, and the repeat
/// entry it belongs to.
type CheckAnswer<'a> = dyn FnMut(&Question, &str, &dyn Fn(&str) -> String, Option<(String, usize)>) + 'a;

/// Every issue with the response, in form order, worded in `lang`. Answers to questions that
/// are not relevant are ignored, as the form would hide them.
pub fn validate(questionnaire: &Questionnaire, response: &Response, lang: Lang) -> Vec<Issue> {
    let mut issues = Vec::new();
    let answers = |name: &str| response.values.get(name).cloned().unwrap_or_default();
    let top = questionnaire.with_calculations(&answers);
    let mut check = |question: &Question,
                     value: &str,
                     lookup: &dyn Fn(&str) -> String,
                     entry: Option<(String, usize)>| {
        let problem = if value.trim().is_empty() {
            question
                .required
                .then(|| (IssueKind::Missing, message(lang, IssueKind::Missing, question, "", questionnaire)))
        } else {
            check_value(questionnaire, question, value, lookup, lang)
        };
        if let Some((kind, message)) = problem {
            issues.push(Issue { question: question.name.to_string(), entry, kind, message });
        }
    };

    fn walk<'q>(
        items: &'q [Item],
        conditions: &mut Vec<&'q Option<Condition>>,
        response: &Response,
        top: &dyn Fn(&str) -> String,
        check: &mut CheckAnswer,
    ) {
        for item in items {
            match item {
                Item::Question(q) => {
                    conditions.push(&q.relevant);
                    if is_relevant(conditions, top) {
                        check(q, &top(q.name.as_str()), top, None);
                    }
                    conditions.pop();
                }
                Item::Note(_) | Item::Calculate(_) => {}
                Item::Group(g) if g.repeat => {
                    conditions.push(&g.relevant);
                    if is_relevant(conditions, top) {
                        let entries = response.repeats.get(g.name.as_str()).map_or(&[][..], Vec::as_slice);
                        for (index, entry) in entries.iter().enumerate() {
                            let lookup = |name: &str| entry.get(name).cloned().unwrap_or_else(|| top(name));
                            for inner in g.questions_in_entry() {
                                if inner.relevant.as_ref().is_none_or(|c| c.expr.holds(&lookup, "")) {
                                    let value = entry.get(inner.name.as_str()).cloned().unwrap_or_default();
                                    check(inner, &value, &lookup, Some((g.name.to_string(), index)));
                                }
                            }
                        }
                    }
                    conditions.pop();
                }
                Item::Group(g) => {
                    conditions.push(&g.relevant);
                    walk(&g.items, conditions, response, top, check);
                    conditions.pop();
                }
            }
        }
    }
    walk(&questionnaire.items, &mut Vec::new(), response, &top, &mut check);
    issues
}

impl Questionnaire {
    /// The non-answers `question` takes: its own setting, or the questionnaire's.
    pub fn non_answers_for(&self, question: &Question) -> crate::non_answer::NonAnswers {
        question.non_answers.unwrap_or(self.non_answers)
    }
}

impl crate::model::Group {
    /// The questions of one entry of a repeat group (nested plain groups flattened).
    pub fn questions_in_entry(&self) -> Vec<&Question> {
        fn collect<'q>(items: &'q [Item], out: &mut Vec<&'q Question>) {
            for item in items {
                match item {
                    Item::Question(q) => out.push(q),
                    Item::Group(g) => collect(&g.items, out),
                    Item::Note(_) | Item::Calculate(_) => {}
                }
            }
        }
        let mut out = Vec::new();
        collect(&self.items, &mut out);
        out
    }
}
