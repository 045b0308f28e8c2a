//! Words and figures in a publication's language: the names of axes, questions, options and
//! groups, each question's one-line finding, and numbers as each language writes them.

use smartcities_analysis::{Detail, QuestionSummary, Share};
use smartcities_domain::{Framework, Lang};
use smartcities_locale::{FluentValue, t, translate};
use smartcities_questionnaire::{Questionnaire, Reading};

use crate::charts::{Bar, Legend};

/// A bar chart's legend in `lang`.
pub fn legend(lang: Lang) -> Legend {
    Legend { share: t(lang, "pub-legend-share"), interval: t(lang, "pub-legend-interval") }
}

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

/// A file's size as the language writes it, in decimal units: 812 B, 12.3 kB, 4,1 MB, 2,5 Mo.
pub fn bytes(lang: Lang, n: u64) -> String {
    let units: [&str; 3] = match lang {
        Lang::Fr => ["o", "ko", "Mo"],
        Lang::En | Lang::Es => ["B", "kB", "MB"],
    };
    let x = n as f64;
    if n < 1000 {
        format!("{}\u{a0}{}", integer(lang, n as i64), units[0])
    } else if x < 999_950.0 {
        format!("{}\u{a0}{}", decimal(lang, x / 1e3, 1), units[1])
    } else {
        format!("{}\u{a0}{}", decimal(lang, x / 1e6, 1), units[2])
    }
}

/// `x` rounded to `decimals` decimals, half away from zero (62.5 → 63, -0.25 → -0.3), the rule
/// every figure the product shows follows; formatting alone would round half to even.
pub fn rounded(x: f64, decimals: usize) -> f64 {
    let scale = 10f64.powi(i32::try_from(decimals).unwrap_or(6).min(12));
    // A hair's breadth added to the magnitude so that 0.145 (stored as 0.14499…) counts as half.
    let nudged = x * scale;
    (nudged + nudged.signum() * 1e-9).round() / scale
}

/// A share (0–1) as a whole percentage, rounded half away from zero: what every sentence and
/// table shows, and what qualifiers ("most", "few") are decided on.
pub fn whole_percent(share: f64) -> i64 {
    rounded(share * 100.0, 0) as i64
}

/// A figure with at most `decimals` decimals, the language's decimal mark and no trailing zeros.
pub fn decimal(lang: Lang, x: f64, decimals: usize) -> String {
    let x = rounded(x, decimals);
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
    let x = rounded(x, decimals);
    let text = format!("{:.decimals$}", x.abs());
    let (whole, fraction) = text.split_once('.').unwrap_or((&text, ""));
    let whole = integer(lang, whole.parse::<i64>().unwrap_or(0));
    let sign = if x < 0.0 && text.bytes().any(|b| (b'1'..=b'9').contains(&b)) { "-" } else { "" };
    let mark = if lang == Lang::En { "." } else { "," };
    if fraction.is_empty() { format!("{sign}{whole}") } else { format!("{sign}{whole}{mark}{fraction}") }
}

/// A share (0–1) as a percentage, with a space before the sign as the three languages set it.
pub fn percent(lang: Lang, share: f64) -> String {
    format!("{}\u{a0}%", integer(lang, whole_percent(share)))
}

/// The shares of one question's options as percentages, each rounded half away from zero as
/// [`percent`] rounds it, so that a figure reads the same in a table, a chart and a sentence
/// (the percentages of a single choice may then add up to 99 or 101).
pub fn percents(lang: Lang, shares: &[Option<f64>]) -> Vec<String> {
    shares.iter().map(|s| s.map(|s| percent(lang, s)).unwrap_or_default()).collect()
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
            |q| {
                let (label, shown) = q.label.for_reader(self.lang, self.questionnaire.default_language);
                if shown == self.lang {
                    return label.to_string();
                }
                // Not translated into the reader's language: the questionnaire's own, marked.
                let language = FluentValue::from(t(self.lang, &format!("language-{}", shown.code())));
                format!("{label} ({})", translate(self.lang, "text-original-in", &[("language", language)]))
            },
        )
    }

    /// A question's statement in this language ("have a climate action plan in force"), if
    /// its framework gives one in this language.
    pub fn statement(&self, code: &str) -> Option<String> {
        self.framework
            .questions()
            .find(|(_, _, q)| q.code.as_str() == code)
            .and_then(|(_, _, q)| q.statement.as_ref())
            .map(|s| s.get(self.lang).trim().to_string())
            .filter(|s| !s.is_empty())
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

    /// A stored answer as it reads: choice labels instead of codes, numbers as the language
    /// writes them, text as written.
    pub fn answer(&self, question: &str, value: &str) -> String {
        let value = smartcities_questionnaire::AnswerValue::from(value);
        let Some(q) = self.questionnaire.question(question) else { return value.into_string() };
        match value.read(&q.kind) {
            Reading::Number(x) => decimal(self.lang, x, 2),
            Reading::Choice(code) => self.choice(question, code),
            Reading::Choices(codes) => {
                codes.into_iter().map(|code| self.choice(question, code)).collect::<Vec<_>>().join(", ")
            }
            Reading::NonAnswer(non_answer) => non_answer.words(self.lang).to_string(),
            Reading::Day(day) => long_date(self.lang, &day.to_string()),
            Reading::File(_) => t(self.lang, "answer-file-given"),
            Reading::Blank | Reading::Text(_) | Reading::Unreadable(_) => value.to_string(),
        }
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

    /// The share of yes of each yes/no question among `questions`, one bar per question (an
    /// axis's overview chart, on the published site and the live results alike).
    pub fn yes_bars<'q>(&self, questions: impl IntoIterator<Item = &'q QuestionSummary>) -> Vec<Bar> {
        questions
            .into_iter()
            .filter(|q| q.kind == "yes_no")
            .filter_map(|q| {
                let Detail::Shares { options } = &q.overall.detail else { return None };
                let yes = options.iter().find(|o| o.code == "yes")?;
                Some(Bar {
                    label: self.question(&q.code),
                    count: yes.count,
                    share: yes.share,
                    interval: yes.low.zip(yes.high),
                    value: yes.share.map(|s| percent(self.lang, s)).unwrap_or_default(),
                })
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
                let unit = smartcities_locale::after_value(lang, unit);
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
            Detail::Dates { earliest: Some(earliest), latest: Some(latest), .. } => translate(
                lang,
                "results-dates",
                &[("earliest", long_date(lang, earliest).into()), ("latest", long_date(lang, latest).into())],
            ),
            Detail::Dates { .. } => translate(
                lang,
                "results-dates-count",
                &[("count", FluentValue::from(summary.answering as i64))],
            ),
        }
    }
}

/// A day `YYYY-MM-DD` as the language writes it: 30 November 2026, 30 de noviembre de 2026…
pub fn long_date(lang: Lang, day: &str) -> String {
    let mut parts = day.split('-').map(|p| p.parse::<u32>().unwrap_or(0));
    let (year, month, day) =
        (parts.next().unwrap_or(0), parts.next().unwrap_or(0), parts.next().unwrap_or(0));
    let month = t(lang, &format!("month-{month}"));
    match lang {
        Lang::En => format!("{day} {month} {year}"),
        Lang::Es => format!("{day} de {month} de {year}"),
        Lang::Fr => format!("{day} {month} {year}"),
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
    fn every_figure_rounds_half_away_from_zero_the_same_way() {
        // 5 of 8 cities: 62.5 %, shown 63 % everywhere (formatting alone shows 62).
        assert_eq!(format!("{:.0}", 62.5_f64), "62");
        assert_eq!(percent(Lang::En, 5.0 / 8.0), "63\u{a0}%");
        assert_eq!(
            percents(Lang::Es, &[Some(5.0 / 8.0), Some(3.0 / 8.0)]),
            ["63\u{a0}%", "38\u{a0}%"].map(String::from)
        );
        assert_eq!(whole_percent(0.125), 13);
        assert_eq!(whole_percent(0.145), 15, "0.145 is 14.499… in binary, and still half");
        assert_eq!(decimal(Lang::En, 2.25, 1), "2.3");
        assert_eq!(decimal(Lang::Fr, -2.25, 1), "-2,3");
        assert_eq!(fixed(Lang::En, 0.125, 2), "0.13");
        assert_eq!(percents(Lang::En, &[None, Some(1.0)])[0], "");
    }

    #[test]
    fn file_sizes_follow_the_language() {
        assert_eq!(bytes(Lang::En, 812), "812\u{a0}B");
        assert_eq!(bytes(Lang::En, 12_345), "12.3\u{a0}kB");
        assert_eq!(bytes(Lang::Es, 4_100_000), "4,1\u{a0}MB");
        assert_eq!(bytes(Lang::Fr, 2_500_000), "2,5\u{a0}Mo");
        assert_eq!(bytes(Lang::En, 999_960), "1\u{a0}MB", "never 1,000 kB");
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
