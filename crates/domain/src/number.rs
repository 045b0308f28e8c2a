//! Numbers as people type them, read by one rule wherever a number is typed (the answer form,
//! the offline workbook, imports, the secretariat's forms).
//!
//! The reader's decimal separator and the dot are both decimal marks. A mark that is also the
//! language's grouping separator followed by exactly three digits (`45.000` on a Spanish page,
//! `1,234` on an English one) could mean either, so it is refused as ambiguous; any other
//! grouping mark is refused too. Spaces group thousands only where they fall every three
//! digits. Nothing is ever silently reinterpreted.

use std::fmt;

use crate::Lang;

/// Why typed text is not a number.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NumberProblem {
    /// Not a number at all.
    NotANumber,
    /// `mark` followed by three digits reads both as a decimal and as thousands.
    Ambiguous {
        /// The mark, `.` or `,`.
        mark: char,
    },
    /// Thousands marked with `mark` (or spaces in the wrong places): write the number without.
    Grouping {
        /// The mark found.
        mark: char,
    },
    /// A fraction, or a sign, where a count is asked for.
    NotACount,
}

impl NumberProblem {
    /// What went wrong, in `lang`, with what to type instead.
    pub fn message(&self, lang: Lang) -> String {
        let decimal = decimal_separator(lang);
        match (self, lang) {
            (NumberProblem::NotANumber, Lang::En) => "enter a number, like 12.5".into(),
            (NumberProblem::NotANumber, Lang::Es) => "escriba un número, como 12,5".into(),
            (NumberProblem::NotANumber, Lang::Fr) => "saisissez un nombre, comme 12,5".into(),
            (NumberProblem::NotACount, Lang::En) => "enter a whole number, like 45000".into(),
            (NumberProblem::NotACount, Lang::Es) => "escriba un número entero, como 45000".into(),
            (NumberProblem::NotACount, Lang::Fr) => "saisissez un nombre entier, comme 45000".into(),
            (NumberProblem::Ambiguous { mark }, Lang::En) => format!(
                "“{mark}” followed by three digits may separate thousands or decimals: write 45000 or 45{decimal}0"
            ),
            (NumberProblem::Ambiguous { mark }, Lang::Es) => format!(
                "«{mark}» seguido de tres cifras puede separar miles o decimales: escriba 45000 o 45{decimal}0"
            ),
            (NumberProblem::Ambiguous { mark }, Lang::Fr) => format!(
                "« {mark} » suivi de trois chiffres peut séparer les milliers ou les décimales : écrivez 45000 ou 45{decimal}0"
            ),
            (NumberProblem::Grouping { mark }, Lang::En) => {
                format!("write the number without the thousands separator “{}”", shown(*mark))
            }
            (NumberProblem::Grouping { mark }, Lang::Es) => {
                format!("escriba el número sin el separador de miles «{}»", shown(*mark))
            }
            (NumberProblem::Grouping { mark }, Lang::Fr) => {
                format!("écrivez le nombre sans le séparateur de milliers « {} »", shown(*mark))
            }
        }
    }
}

impl fmt::Display for NumberProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

/// A space is named, not shown as nothing.
fn shown(mark: char) -> String {
    if mark.is_whitespace() { "␣".to_string() } else { mark.to_string() }
}

/// The language's decimal separator (CLDR): a comma in Spanish and French, a dot in English.
pub fn decimal_separator(lang: Lang) -> char {
    match lang {
        Lang::En => '.',
        Lang::Es | Lang::Fr => ',',
    }
}

/// The language's grouping mark that could also be read as a decimal mark: the dot in Spanish,
/// the comma in English; French groups with spaces only.
fn grouping_mark(lang: Lang) -> Option<char> {
    match lang {
        Lang::En => Some(','),
        Lang::Es => Some('.'),
        Lang::Fr => None,
    }
}

fn is_space(c: char) -> bool {
    matches!(c, ' ' | '\u{a0}' | '\u{202f}')
}

/// Whether `whole` is digits grouped by `mark` every three digits (`1.234.567`), or plain digits.
fn grouped_by(whole: &str, mark: char) -> bool {
    let groups: Vec<&str> = whole.split(mark).collect();
    let digits = |g: &str| g.bytes().all(|b| b.is_ascii_digit());
    groups.iter().all(|g| digits(g))
        && (groups.len() == 1
            || ((1..=3).contains(&groups[0].len()) && groups[1..].iter().all(|g| g.len() == 3)))
}

/// Reads a number typed in `lang` and gives it in its stored form: an optional `-`, the digits
/// and, when there is a fraction, a dot and the fraction's digits as typed (`12,50` → `12.50`).
///
/// Thousands grouped as the language groups them are read where nothing else could be meant:
/// before the language's decimal separator (`1.250,5` in Spanish), or more than once
/// (`1,234,567` in English).
pub fn read_number(text: &str, lang: Lang) -> Result<String, NumberProblem> {
    let text = text.trim();
    let (negative, body) = match text.strip_prefix(['-', '\u{2212}']) {
        Some(rest) => (true, rest.trim_start()),
        None => (false, text.strip_prefix('+').unwrap_or(text)),
    };
    if body.is_empty() || !body.chars().all(|c| c.is_ascii_digit() || c == '.' || c == ',' || is_space(c)) {
        return Err(NumberProblem::NotANumber);
    }
    // Spaces group thousands in every language; set them aside first.
    let compact: String = body.chars().filter(|c| !is_space(*c)).collect();
    let decimal = decimal_separator(lang);
    let grouping = grouping_mark(lang);
    let count = |mark: char| compact.matches(mark).count();
    let (whole, fraction): (&str, Option<&str>) = if count(decimal) == 1 {
        // The language's own decimal separator: what comes before may be grouped.
        let (whole, fraction) = compact.split_once(decimal).unwrap_or((&compact, ""));
        let other = if decimal == ',' { '.' } else { ',' };
        if fraction.contains(other)
            || (whole.contains(other) && (Some(other) != grouping || !grouped_by(whole, other)))
        {
            return Err(NumberProblem::Grouping { mark: other });
        }
        (whole, Some(fraction))
    } else if count(decimal) > 1 {
        return grouped_integer(&compact, decimal, lang).map(|n| signed(negative, &n, None));
    } else if count('.') == 1 && Some('.') != grouping {
        // The dot, as a decimal mark where it groups nothing (French, or English handled above).
        let (whole, fraction) = compact.split_once('.').unwrap_or((&compact, ""));
        if whole.contains(',') {
            return Err(NumberProblem::Grouping { mark: ',' });
        }
        (whole, Some(fraction))
    } else if let Some(mark) = grouping.filter(|g| compact.contains(*g)) {
        // Only the language's grouping mark (which Spanish also reads as a decimal dot).
        if count(mark) == 1 && compact.contains(if mark == '.' { ',' } else { '.' }) {
            return Err(NumberProblem::Grouping { mark });
        }
        let (whole, after) = compact.split_once(mark).unwrap_or((&compact, ""));
        if count(mark) == 1 {
            let three = after.len() == 3 && after.bytes().all(|b| b.is_ascii_digit());
            if three {
                return Err(NumberProblem::Ambiguous { mark });
            }
            if mark == '.' {
                (whole, Some(after))
            } else {
                return Err(NumberProblem::Grouping { mark });
            }
        } else {
            return grouped_integer(&compact, mark, lang).map(|n| signed(negative, &n, None));
        }
    } else if compact.contains(['.', ',']) {
        let mark = compact.chars().find(|c| *c == '.' || *c == ',').unwrap_or('.');
        return Err(NumberProblem::Grouping { mark });
    } else {
        (compact.as_str(), None)
    };
    if fraction.is_some_and(|f| f.is_empty() || !f.bytes().all(|b| b.is_ascii_digit())) {
        return Err(NumberProblem::NotANumber);
    }
    check_spaces(body, whole.len())?;
    let digits: String = whole.chars().filter(char::is_ascii_digit).collect();
    if digits.is_empty() && fraction.is_none() {
        return Err(NumberProblem::NotANumber);
    }
    Ok(signed(negative, &digits, fraction))
}

/// An integer grouped by `mark` more than once (`1.234.567`), where it can only be thousands.
fn grouped_integer(compact: &str, mark: char, lang: Lang) -> Result<String, NumberProblem> {
    if Some(mark) != grouping_mark(lang) || !grouped_by(compact, mark) {
        return Err(NumberProblem::Grouping { mark });
    }
    Ok(compact.chars().filter(char::is_ascii_digit).collect())
}

/// Spaces in the number fall every three digits of its whole part (`45 000`), nowhere else.
fn check_spaces(body: &str, whole_len: usize) -> Result<(), NumberProblem> {
    if !body.chars().any(is_space) {
        return Ok(());
    }
    // The whole part as typed, with its spaces: as many characters as it has once compacted,
    // plus the spaces among them.
    let mut seen = 0;
    let mut typed_whole = String::new();
    for c in body.chars() {
        if seen == whole_len && !is_space(c) {
            break;
        }
        if !is_space(c) {
            seen += 1;
        }
        typed_whole.push(c);
    }
    let spaced: String = typed_whole.chars().map(|c| if is_space(c) { ' ' } else { c }).collect();
    let well_placed =
        !body[typed_whole.len()..].chars().any(is_space) && spaced.split(' ').all(|g| !g.is_empty()) && {
            let groups: Vec<&str> = spaced.split(' ').collect();
            let plain = |g: &str| g.chars().filter(char::is_ascii_digit).count();
            (1..=3).contains(&plain(groups[0])) && groups[1..].iter().all(|g| plain(g) == 3 && g.len() == 3)
        };
    if well_placed { Ok(()) } else { Err(NumberProblem::Grouping { mark: ' ' }) }
}

/// The stored form: sign, digits (`0` for none) and the fraction after a dot.
fn signed(negative: bool, digits: &str, fraction: Option<&str>) -> String {
    let mut out = String::with_capacity(digits.len() + 3);
    if negative {
        out.push('-');
    }
    out.push_str(if digits.is_empty() { "0" } else { digits });
    if let Some(fraction) = fraction {
        out.push('.');
        out.push_str(fraction);
    }
    out
}

/// Reads a count (a population, a number of people) typed in `lang`: a whole number, not
/// negative.
pub fn read_count(text: &str, lang: Lang) -> Result<u64, NumberProblem> {
    read_number(text, lang)?.parse::<u64>().map_err(|_| NumberProblem::NotACount)
}

/// Reads a decimal number typed in `lang`.
pub fn read_decimal(text: &str, lang: Lang) -> Result<f64, NumberProblem> {
    read_number(text, lang)?.parse::<f64>().map_err(|_| NumberProblem::NotANumber)
}

/// A stored number (`12.5`) as a reader of `lang` types it (`12,5` in Spanish and French).
pub fn typed_number(stored: &str, lang: Lang) -> String {
    match decimal_separator(lang) {
        ',' => stored.replace('.', ","),
        _ => stored.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_language_reads_its_decimal_separator_and_the_dot() {
        assert_eq!(read_number("45,5", Lang::Es).unwrap(), "45.5");
        assert_eq!(read_number("45.5", Lang::Es).unwrap(), "45.5");
        assert_eq!(read_number("45,5", Lang::Fr).unwrap(), "45.5");
        assert_eq!(read_number("45.000", Lang::Fr).unwrap(), "45.000");
        assert_eq!(read_number("45.5", Lang::En).unwrap(), "45.5");
        assert_eq!(read_number(" -12,50 ", Lang::Es).unwrap(), "-12.50");
        assert_eq!(read_number("−3", Lang::En).unwrap(), "-3");
        assert_eq!(read_number("1234567", Lang::En).unwrap(), "1234567");
        assert_eq!(read_number(",5", Lang::Fr).unwrap(), "0.5");
    }

    #[test]
    fn a_grouping_mark_before_three_digits_is_ambiguous() {
        assert_eq!(read_number("45.000", Lang::Es), Err(NumberProblem::Ambiguous { mark: '.' }));
        assert_eq!(read_number("1,234", Lang::En), Err(NumberProblem::Ambiguous { mark: ',' }));
        // Not ambiguous where the mark is only a decimal mark.
        assert_eq!(read_number("45,000", Lang::Es).unwrap(), "45.000");
    }

    #[test]
    fn grouping_marks_elsewhere_are_refused_never_reinterpreted() {
        // "43,3569" typed as a population on an English page is not 433569.
        assert_eq!(read_number("43,3569", Lang::En), Err(NumberProblem::Grouping { mark: ',' }));
        assert_eq!(read_number("1.23,5", Lang::Es), Err(NumberProblem::Grouping { mark: '.' }));
        assert_eq!(read_number("1,250.5", Lang::Es), Err(NumberProblem::Grouping { mark: '.' }));
        assert_eq!(read_number("1,23.5", Lang::En), Err(NumberProblem::Grouping { mark: ',' }));
        assert_eq!(read_number("1.234,5", Lang::Fr), Err(NumberProblem::Grouping { mark: '.' }));
        assert_eq!(read_number("1,5", Lang::En), Err(NumberProblem::Grouping { mark: ',' }));
        assert!(matches!(read_number("45 00", Lang::Fr), Err(NumberProblem::Grouping { .. })));
        assert!(matches!(read_number("4 5,5", Lang::Fr), Err(NumberProblem::Grouping { .. })));
    }

    #[test]
    fn thousands_are_read_where_nothing_else_could_be_meant() {
        // Before the language's own decimal separator, or grouped more than once.
        assert_eq!(read_number("1.250,5", Lang::Es).unwrap(), "1250.5");
        assert_eq!(read_number("1,250.5", Lang::En).unwrap(), "1250.5");
        assert_eq!(read_number("1.234.567", Lang::Es).unwrap(), "1234567");
        assert_eq!(read_number("1,234,567", Lang::En).unwrap(), "1234567");
        assert_eq!(read_number("1 250", Lang::Fr).unwrap(), "1250");
        assert_eq!(read_number("1 250,5", Lang::Fr).unwrap(), "1250.5");
        // A Spanish dot before anything but three digits is a decimal point.
        assert_eq!(read_number("43.2630", Lang::Es).unwrap(), "43.2630");
    }

    #[test]
    fn spaces_group_thousands_where_they_fall_every_three_digits() {
        assert_eq!(read_number("45 000", Lang::Fr).unwrap(), "45000");
        assert_eq!(read_number("1\u{202f}234\u{202f}567,5", Lang::Fr).unwrap(), "1234567.5");
        assert_eq!(read_number("1 234", Lang::En).unwrap(), "1234");
    }

    #[test]
    fn counts_and_decimals_read_by_the_same_rule() {
        assert_eq!(read_count("45 000", Lang::Fr), Ok(45000));
        assert_eq!(read_count("43,3569", Lang::En), Err(NumberProblem::Grouping { mark: ',' }));
        assert_eq!(read_count("43,5", Lang::Es), Err(NumberProblem::NotACount));
        assert_eq!(read_count("-4", Lang::En), Err(NumberProblem::NotACount));
        assert_eq!(read_decimal("-2,925", Lang::Es), Ok(-2.925));
        assert_eq!(read_decimal("45.000", Lang::Es), Err(NumberProblem::Ambiguous { mark: '.' }));
    }

    #[test]
    fn text_that_is_no_number_is_refused() {
        for text in ["", "-", "abc", "12a", "1e5", "inf", "NaN", "12,", "1..2", "--1"] {
            assert!(read_number(text, Lang::Es).is_err(), "{text:?}");
        }
    }

    #[test]
    fn messages_say_what_to_type_in_each_language() {
        let ambiguous = NumberProblem::Ambiguous { mark: '.' };
        assert!(ambiguous.message(Lang::Es).contains("45,0"), "{}", ambiguous.message(Lang::Es));
        assert!(ambiguous.message(Lang::En).contains("45.0"));
        assert!(NumberProblem::Grouping { mark: ' ' }.message(Lang::Fr).contains('␣'));
    }

    #[test]
    fn a_stored_number_reads_back_the_same_in_every_language() {
        for lang in Lang::ALL {
            for stored in ["12.5", "-0.25", "45000", "3"] {
                assert_eq!(read_number(&typed_number(stored, lang), lang).unwrap(), stored, "{lang:?}");
            }
        }
    }
}
