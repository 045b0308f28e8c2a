//! XLSForm conditions in words for the questionnaire editor ("«Has a strategy?» is «Yes»"),
//! and the condition a pick-list row (question, comparison, value) builds.

use smartcities_app::questionnaire::{Expr, Function, Kind, Op, Questionnaire};
use smartcities_domain::Lang;

use crate::i18n::{t, translate};

/// `expr` read aloud in `lang`, with questions by label and choices by their label.
pub fn in_words(lang: Lang, q: &Questionnaire, expr: &Expr) -> String {
    words(lang, q, expr, None)
}

/// Labels longer than this are cut, so a condition stays one readable line.
const LABEL_CHARS: usize = 60;

fn label_of(lang: Lang, q: &Questionnaire, name: &str) -> String {
    let label = q
        .question(name)
        .map_or(name.to_string(), |question| question.label.get(lang, q.default_language).to_string());
    let short: String = label.chars().take(LABEL_CHARS).collect();
    if short.len() < label.len() { format!("«{}…»", short.trim_end()) } else { format!("«{short}»") }
}

/// A literal compared with `subject`: the choice's label when `subject` is a choice question.
fn value_of(lang: Lang, q: &Questionnaire, subject: &Expr, value: &Expr) -> Option<String> {
    let Expr::Text(code) = value else { return None };
    let choice = match subject {
        Expr::Reference(name) => q.question(name).and_then(|question| {
            q.choices(question)
                .iter()
                .find(|c| &c.name == code)
                .map(|c| c.label.get(lang, q.default_language))
        }),
        _ => None,
    };
    Some(format!("«{}»", choice.unwrap_or(code)))
}

fn words(lang: Lang, q: &Questionnaire, expr: &Expr, parent: Option<Op>) -> String {
    let w = |e: &Expr, p: Option<Op>| words(lang, q, e, p);
    match expr {
        Expr::Number(n) => match lang {
            Lang::En => n.to_string(),
            Lang::Es | Lang::Fr => n.to_string().replace('.', ","),
        },
        Expr::Text(s) => format!("«{s}»"),
        Expr::Current => t(lang, "cond-this-answer"),
        Expr::Reference(name) => label_of(lang, q, name),
        Expr::Column(name) => name.clone(),
        Expr::Negate(e) => format!("−{}", w(e, Some(Op::Mul))),
        Expr::Binary(a, op, b) => {
            let key = match op {
                Op::Or => "cond-or",
                Op::And => "cond-and",
                Op::Eq => "cond-eq",
                Op::Ne => "cond-ne",
                Op::Lt => "cond-lt",
                Op::Le => "cond-le",
                Op::Gt => "cond-gt",
                Op::Ge => "cond-ge",
                Op::Add => "cond-add",
                Op::Sub => "cond-sub",
                Op::Mul => "cond-mul",
                Op::Div => "cond-div",
                Op::Mod => "cond-mod",
            };
            let right = value_of(lang, q, a, b).unwrap_or_else(|| w(b, Some(*op)));
            let text = translate(lang, key, &[("a", w(a, Some(*op)).into()), ("b", right.into())]);
            // Mixed `and`/`or` keep their grouping visible.
            match (parent, op) {
                (Some(p), Op::And | Op::Or) if p != *op => format!("({text})"),
                _ => text,
            }
        }
        Expr::Call(function, args) => {
            let arg = |i: usize| args.get(i).map_or(String::new(), |a| w(a, None));
            match function {
                Function::Not => translate(lang, "cond-not", &[("a", arg(0).into())]),
                Function::Selected => {
                    let value = match (args.first(), args.get(1)) {
                        (Some(subject), Some(value)) => {
                            value_of(lang, q, subject, value).unwrap_or_else(|| arg(1))
                        }
                        _ => arg(1),
                    };
                    translate(lang, "cond-selected", &[("a", arg(0).into()), ("b", value.into())])
                }
                Function::CountSelected => translate(lang, "cond-count-selected", &[("a", arg(0).into())]),
                Function::StringLength => translate(lang, "cond-length", &[("a", arg(0).into())]),
                Function::True => t(lang, "cond-true"),
                Function::False => t(lang, "cond-false"),
                Function::Number => arg(0),
                Function::If => translate(
                    lang,
                    "cond-if",
                    &[("a", arg(0).into()), ("b", arg(1).into()), ("c", arg(2).into())],
                ),
            }
        }
    }
}

/// The comparisons a pick-list row offers, with the XLSForm operator each writes.
pub const COMPARISONS: [(&str, &str); 7] = [
    ("eq", "="),
    ("ne", "!="),
    ("lt", "<"),
    ("le", "<="),
    ("gt", ">"),
    ("ge", ">="),
    ("selected", "selected"),
];

/// The expression a pick-list row stands for: `${question} op value`, or
/// `selected(${question}, 'value')`. Numbers stay bare for numeric questions; everything else
/// is quoted. `None` when the row names no known question or comparison.
pub fn from_pick_list(q: &Questionnaire, question: &str, comparison: &str, value: &str) -> Option<String> {
    let subject = q.question(question)?;
    let op = COMPARISONS.iter().find(|(code, _)| *code == comparison)?.1;
    let value = value.trim().replace(['\'', '’'], "");
    if op == "selected" {
        return Some(format!("selected(${{{question}}}, '{value}')"));
    }
    let numeric = matches!(subject.kind, Kind::Integer | Kind::Decimal) && value.parse::<f64>().is_ok();
    Some(if numeric {
        format!("${{{question}}} {op} {value}")
    } else {
        format!("${{{question}}} {op} '{value}'")
    })
}

#[cfg(test)]
mod tests {
    use smartcities_app::questionnaire::{Condition, Limits, Questionnaire, read_xlsform};
    use smartcities_domain::Lang;

    use super::*;

    fn questionnaire() -> Questionnaire {
        let mut book = rust_xlsxwriter::Workbook::new();
        let survey = book.add_worksheet().set_name("survey").unwrap();
        for (row, cells) in [
            ["type", "name", "label::English (en)", "label::Español (es)"],
            ["select_one yn", "has_strategy", "Has a strategy?", "¿Tiene una estrategia?"],
            ["integer", "staff", "Staff", "Personal"],
            ["select_multiple areas", "areas", "Areas", "Áreas"],
        ]
        .iter()
        .enumerate()
        {
            for (col, cell) in cells.iter().enumerate() {
                survey.write_string(row as u32, col as u16, *cell).unwrap();
            }
        }
        let choices = book.add_worksheet().set_name("choices").unwrap();
        for (row, cells) in [
            ["list_name", "name", "label::English (en)", "label::Español (es)"],
            ["yn", "yes", "Yes", "Sí"],
            ["yn", "no", "No", "No"],
            ["areas", "mob", "Mobility", "Movilidad"],
        ]
        .iter()
        .enumerate()
        {
            for (col, cell) in cells.iter().enumerate() {
                choices.write_string(row as u32, col as u16, *cell).unwrap();
            }
        }
        read_xlsform(&book.save_to_buffer().unwrap(), &Limits::UPLOAD).unwrap().questionnaire
    }

    fn said(lang: Lang, source: &str) -> String {
        in_words(lang, &questionnaire(), &Condition::parse(source).unwrap().expr)
    }

    #[test]
    fn conditions_read_with_labels_and_choice_names() {
        assert_eq!(said(Lang::En, "${has_strategy} = 'yes'"), "«Has a strategy?» is «Yes»");
        assert_eq!(said(Lang::Es, "${has_strategy} = 'yes'"), "«¿Tiene una estrategia?» es «Sí»");
        assert_eq!(
            said(Lang::En, "${staff} >= 10 and (selected(${areas}, 'mob') or . != '')"),
            "«Staff» is at least 10 and («Areas» includes «Mobility» or this answer is not «»)"
        );
        assert_eq!(said(Lang::Fr, "not(${has_strategy} = 'no')"), "non («Has a strategy?» est «No»)");
    }

    #[test]
    fn a_pick_list_row_writes_the_expression() {
        let q = questionnaire();
        assert_eq!(from_pick_list(&q, "staff", "ge", "10").unwrap(), "${staff} >= 10");
        assert_eq!(from_pick_list(&q, "has_strategy", "eq", "yes").unwrap(), "${has_strategy} = 'yes'");
        assert_eq!(from_pick_list(&q, "areas", "selected", "mob").unwrap(), "selected(${areas}, 'mob')");
        assert!(from_pick_list(&q, "nope", "eq", "x").is_none());
        for (_, comparison) in [("", "eq"), ("", "selected")] {
            let source = from_pick_list(&q, "has_strategy", comparison, "it's").unwrap();
            assert!(Condition::parse(&source).is_ok(), "{source}");
        }
    }
}
