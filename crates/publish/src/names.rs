//! Words and figures in a publication's language: the names of axes, questions, options and
//! groups, each question's one-line finding, and numbers as each language writes them.

use smartcities_analysis::{Detail, QuestionSummary, Share};
use smartcities_domain::{Framework, Lang};
use smartcities_locale::{FluentValue, t, translate};
use smartcities_questionnaire::Questionnaire;

use crate::charts::Bar;

/// Thousands separators as each language writes them: 1,762,949 · 1.762.949 · 1 762 949.
pub fn integer(lang: Lang, n: i64) -> String {
    let separator = match lang {
        Lang::En => ",",
        Lang::Es => ".",
        Lang::Fr => "\u{202f}",
    };
    let digits = n.unsigned_abs().to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push_str(separator);
        }
        out.push(c);
    }
    if n < 0 { format!("-{out}") } else { out }
}

/// A figure with at most `decimals` decimals, the language's decimal mark and no trailing zeros.
pub fn decimal(lang: Lang, x: f64, decimals: usize) -> String {
    if x.fract() == 0.0 && x.abs() < 1e15 {
        return integer(lang, x as i64);
    }
    let text = format!("{x:.decimals$}");
    // Trailing zeros of the fraction only: 40 stays 40.
    let text = if text.contains('.') { text.trim_end_matches('0').trim_end_matches('.') } else { &text };
    let (whole, fraction) = text.split_once('.').unwrap_or((text, ""));
    let whole = integer(lang, whole.parse::<i64>().unwrap_or(0));
    let whole = if x < 0.0 && !whole.starts_with('-') { format!("-{whole}") } else { whole };
    if fraction.is_empty() {
        whole
    } else {
        let mark = if lang == Lang::En { "." } else { "," };
        format!("{whole}{mark}{fraction}")
    }
}

/// `x` with exactly `decimals` decimals (trailing zeros kept), so a column reads evenly.
pub fn fixed(lang: Lang, x: f64, decimals: usize) -> String {
    let text = format!("{:.decimals$}", x.abs());
    let (whole, fraction) = text.split_once('.').unwrap_or((&text, ""));
    let whole = integer(lang, whole.parse::<i64>().unwrap_or(0));
    let sign = if x < 0.0 && text.bytes().any(|b| (b'1'..=b'9').contains(&b)) { "-" } else { "" };
    let mark = if lang == Lang::En { "." } else { "," };
    if fraction.is_empty() { format!("{sign}{whole}") } else { format!("{sign}{whole}{mark}{fraction}") }
}

/// A share (0–1) as a percentage, with a space before the sign as the three languages set it.
pub fn percent(lang: Lang, share: f64) -> String {
    format!("{}\u{a0}%", decimal(lang, share * 100.0, 0))
}

/// The shares of one question's options as percentages. When they add up to the whole (a
/// single choice), they are rounded by largest remainder so that the percentages shown add up
/// to 100 too; shares of several choices each are rounded one by one.
pub fn percents(lang: Lang, shares: &[Option<f64>]) -> Vec<String> {
    let known: Vec<f64> = shares.iter().flatten().copied().collect();
    let whole = !known.is_empty() && (known.iter().sum::<f64>() - 1.0).abs() < 1e-6;
    if !whole {
        return shares.iter().map(|s| s.map(|s| percent(lang, s)).unwrap_or_default()).collect();
    }
    let mut rounded: Vec<(usize, i64, f64)> = shares
        .iter()
        .enumerate()
        .filter_map(|(i, s)| s.map(|s| (i, (s * 100.0).floor() as i64, s * 100.0 - (s * 100.0).floor())))
        .collect();
    let missing = 100 - rounded.iter().map(|r| r.1).sum::<i64>();
    let mut by_remainder: Vec<usize> = (0..rounded.len()).collect();
    by_remainder.sort_by(|a, b| rounded[*b].2.total_cmp(&rounded[*a].2).then(a.cmp(b)));
    for k in by_remainder.into_iter().take(missing.max(0) as usize) {
        rounded[k].1 += 1;
    }
    let mut out = vec![String::new(); shares.len()];
    for (i, value, _) in rounded {
        out[i] = format!("{}\u{a0}%", integer(lang, value));
    }
    out
}

/// A share's interval, `38–52 %`.
pub fn interval(lang: Lang, low: f64, high: f64) -> String {
    format!("{}–{}\u{a0}%", decimal(lang, low * 100.0, 0), decimal(lang, high * 100.0, 0))
}

/// The names of things an edition's findings refer to by code, in one language.
#[derive(Clone, Copy)]
pub struct Names<'a> {
    /// The language.
    pub lang: Lang,
    /// The edition's framework.
    pub framework: &'a Framework,
    /// Its questionnaire.
    pub questionnaire: &'a Questionnaire,
}

impl Names<'_> {
    /// A question's label.
    pub fn question(&self, code: &str) -> String {
        self.questionnaire.question(code).map_or_else(
            || code.to_string(),
            |q| q.label.get(self.lang, self.questionnaire.default_language).to_string(),
        )
    }

    /// An axis's name.
    pub fn axis(&self, code: &str) -> String {
        self.framework
            .axes
            .iter()
            .find(|a| a.code.as_str() == code)
            .map(|a| a.label.get(self.lang).to_string())
            .or_else(|| {
                self.questionnaire
                    .groups()
                    .into_iter()
                    .find(|(_, g)| g.name.as_str() == code)
                    .map(|(_, g)| g.label.get(self.lang, self.questionnaire.default_language).to_string())
            })
            .unwrap_or_else(|| code.to_string())
    }

    /// The label of a choice of `question`'s list.
    pub fn choice(&self, question: &str, code: &str) -> String {
        self.questionnaire
            .question(question)
            .and_then(|q| self.questionnaire.choices(q).iter().find(|c| c.name == code))
            .map_or_else(
                || code.to_string(),
                |c| c.label.get(self.lang, self.questionnaire.default_language).to_string(),
            )
    }

    /// A stored answer as it reads: choice labels instead of codes.
    pub fn answer(&self, question: &str, value: &str) -> String {
        let Some(q) = self.questionnaire.question(question) else { return value.to_string() };
        if self.questionnaire.choices(q).is_empty() {
            return match value.parse::<f64>() {
                Ok(x) => decimal(self.lang, x, 2),
                Err(_) => value.to_string(),
            };
        }
        value.split_whitespace().map(|code| self.choice(question, code)).collect::<Vec<_>>().join(", ")
    }

    /// A group of a breakdown: a UCLG section, a population band, Metropolis membership.
    pub fn group(&self, dimension: &str, group: &str) -> String {
        match dimension {
            "section" => t(self.lang, &format!("section-{group}")),
            _ => t(self.lang, &format!("results-group-{group}")),
        }
    }

    /// A category of barriers and enablers (a choice of `be_category`).
    pub fn category(&self, code: &str) -> String {
        self.choice("be_category", code)
    }

    /// The bars of a question's shares.
    pub fn bars(&self, question: &str, options: &[Share]) -> Vec<Bar> {
        options
            .iter()
            .map(|o| Bar {
                label: self.choice(question, &o.code),
                count: o.count,
                share: o.share,
                interval: o.low.zip(o.high),
                value: o.share.map(|s| percent(self.lang, s)).unwrap_or_default(),
            })
            .collect()
    }

    /// A question's one-line finding.
    pub fn headline(&self, q: &QuestionSummary) -> String {
        let lang = self.lang;
        let summary = &q.overall;
        match &summary.detail {
            Detail::Shares { options } if q.kind == "yes_no" => {
                let yes = options.iter().find(|o| o.code == "yes");
                match yes.and_then(|o| o.share) {
                    Some(share) => {
                        translate(lang, "results-yes-share", &[("share", percent(lang, share).into())])
                    }
                    None => yes
                        .map_or(String::new(), |o| format!("{} × {}", o.count, self.choice(&q.code, "yes"))),
                }
            }
            Detail::Shares { options } => {
                options.iter().max_by_key(|o| o.count).filter(|o| o.count > 0).map_or(String::new(), |o| {
                    format!(
                        "{}: {}",
                        self.choice(&q.code, &o.code),
                        o.share.map_or(o.count.to_string(), |s| percent(lang, s))
                    )
                })
            }
            Detail::Ordinal { median, .. } => median.as_ref().map_or(String::new(), |m| {
                translate(lang, "results-median-level", &[("level", self.choice(&q.code, m).into())])
            }),
            Detail::Numeric { values, unit, .. } => values.as_ref().map_or(String::new(), |n| {
                let unit = t(lang, &format!("unit-{unit}"));
                let unit = if unit.starts_with("unit-") { String::new() } else { format!(" {unit}") };
                translate(
                    lang,
                    "results-median",
                    &[("value", format!("{}{unit}", decimal(lang, n.median, 1)).into())],
                )
            }),
            Detail::Text => translate(
                lang,
                "results-text-answers",
                &[("count", FluentValue::from(summary.answering as i64))],
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fixed_decimals_keep_their_zeros() {
        assert_eq!(fixed(Lang::En, 40.0, 2), "40.00");
        assert_eq!(fixed(Lang::Fr, 1234.5, 1), "1\u{202f}234,5");
        assert_eq!(fixed(Lang::Es, -0.004, 2), "0,00");
        assert_eq!(fixed(Lang::En, -2.6, 0), "-3");
    }

    #[test]
    fn shares_of_a_single_choice_add_up_to_100_as_shown() {
        // 42.5 % and 57.5 % (57.4999… in binary) rounded one by one show 43 % + 57 %… or
        // 42 % + 57 % at other values; by largest remainder they always show 100 %.
        let shares = [Some(0.424), Some(0.576)];
        assert_eq!(percents(Lang::En, &shares), ["42\u{a0}%", "58\u{a0}%"].map(String::from));
        let shares = [Some(0.4249), Some(0.4249), Some(0.1502)];
        let one_by_one: i64 = shares.iter().map(|s| (s.unwrap() * 100.0_f64).round() as i64).sum();
        assert_eq!(one_by_one, 99, "rounding each alone loses a point");
        assert_eq!(percents(Lang::En, &shares), ["43\u{a0}%", "42\u{a0}%", "15\u{a0}%"].map(String::from));
        let thirds = percents(Lang::Es, &[Some(1.0 / 3.0), Some(1.0 / 3.0), Some(1.0 / 3.0)]);
        let total: i64 = thirds.iter().map(|p| p.trim_end_matches("\u{a0}%").parse::<i64>().unwrap()).sum();
        assert_eq!(total, 100);
        // Several choices each: shares are rounded one by one.
        assert_eq!(
            percents(Lang::En, &[Some(0.426), Some(0.426)]),
            ["43\u{a0}%", "43\u{a0}%"].map(String::from)
        );
        assert_eq!(percents(Lang::En, &[None, Some(1.0)])[0], "");
    }

    #[test]
    fn figures_follow_the_language() {
        assert_eq!(integer(Lang::En, 6_321_017), "6,321,017");
        assert_eq!(integer(Lang::Es, 6_321_017), "6.321.017");
        assert_eq!(integer(Lang::Fr, 6_321_017), "6\u{202f}321\u{202f}017");
        assert_eq!(decimal(Lang::Es, 12.5, 2), "12,5");
        assert_eq!(decimal(Lang::En, 1234.567, 1), "1,234.6");
        assert_eq!(decimal(Lang::Fr, -0.25, 2), "-0,25");
        assert_eq!(decimal(Lang::Fr, 40.0, 2), "40");
        assert_eq!(decimal(Lang::En, 40.4, 0), "40", "zeros of the whole part stay");
        assert_eq!(percent(Lang::Es, 0.404), "40\u{a0}%");
        assert_eq!(interval(Lang::En, 0.15, 0.40), "15–40\u{a0}%");
        assert_eq!(percent(Lang::En, 0.426), "43\u{a0}%");
        assert_eq!(interval(Lang::Es, 0.38, 0.52), "38–52\u{a0}%");
    }
}
