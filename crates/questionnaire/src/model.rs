//! A questionnaire: what a city is asked in one edition, in the shape of an XLSForm survey
//! (questions, notes, groups and repeat groups, choice lists), with labels in the languages the
//! form offers. Answers are keyed by the stable `name` of each question.

use std::{collections::BTreeMap, fmt};

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use smartcities_domain::Lang;

use crate::expr::{Expr, SyntaxError};
use crate::non_answer::NonAnswers;

/// A question or group name, as XLSForm allows it: a letter or `_`, then letters, digits,
/// `-`, `_` or `.`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct FieldName(String);

impl FieldName {
    /// A name for a field (question, note or group), as XLSForm allows them.
    pub fn parse(input: &str) -> Result<FieldName, String> {
        let mut chars = input.chars();
        let valid = chars.next().is_some_and(|c| c.is_alphabetic() || c == '_')
            && chars.all(|c| c.is_alphanumeric() || "-_.".contains(c));
        if valid {
            Ok(FieldName(input.to_string()))
        } else {
            Err(format!(
                "{input:?} is not a valid name: start with a letter or _, then letters, digits, -, _ or ."
            ))
        }
    }

    /// The name as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for FieldName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Where an answer is kept: its question's name and, for a question of a repeat group, the entry.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct AnswerKey {
    /// The question's name.
    pub question: String,
    /// The repeat entry, if any.
    pub entry: Option<EntryKey>,
}

/// Where an answer sits: an ordinary question has no entry; a question of a repeat group (good
/// practices, barriers and enablers) belongs to one numbered entry of its group. Stored as
/// `group:id`, and `''` for none.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct EntryKey {
    /// The repeat group.
    pub group: FieldName,
    /// The entry's number within the group, from 1.
    pub id: u64,
}

impl EntryKey {
    /// Entry ids run from 1 to this: far more than any response needs, and far from overflow.
    pub const MAX_ID: u64 = 1_000_000;

    /// The entry a stored key names: `Ok(None)` for `''`, an error for anything malformed.
    pub fn parse(stored: &str) -> Result<Option<EntryKey>, String> {
        if stored.is_empty() {
            return Ok(None);
        }
        let (group, id) = stored.split_once(':').ok_or_else(|| format!("{stored:?} is not an entry key"))?;
        EntryKey::of(group, id).map(Some)
    }

    /// The entry `id` (as typed: a form's field name, a workbook's cell) of the repeat `group`.
    pub fn of(group: &str, id: &str) -> Result<EntryKey, String> {
        let group = FieldName::parse(group)?;
        let id = id
            .trim()
            .parse::<u64>()
            .ok()
            .filter(|id| (1..=EntryKey::MAX_ID).contains(id))
            .ok_or_else(|| format!("{id:?}: an entry number runs from 1 to {}", EntryKey::MAX_ID))?;
        Ok(EntryKey { group, id })
    }

    /// The stored form of an optional entry: `group:id`, or `''`.
    pub fn column(entry: Option<&EntryKey>) -> String {
        entry.map(ToString::to_string).unwrap_or_default()
    }
}

/// An optional entry in its stored form (`group:id`, or `''`), for serde's `with`: records
/// that carry an entry serialise as they are stored, so their JSON does not change shape.
pub mod entry_column {
    use serde::{Deserialize, Deserializer, Serializer};

    use super::EntryKey;

    /// Writes `group:id`, or `''`.
    pub fn serialize<S: Serializer>(entry: &Option<EntryKey>, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&EntryKey::column(entry.as_ref()))
    }

    /// Reads `group:id` or `''`; anything else is an error.
    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<EntryKey>, D::Error> {
        EntryKey::parse(&String::deserialize(deserializer)?).map_err(serde::de::Error::custom)
    }
}

impl fmt::Display for EntryKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.group, self.id)
    }
}

impl TryFrom<String> for FieldName {
    type Error = String;
    fn try_from(value: String) -> Result<Self, Self::Error> {
        FieldName::parse(&value)
    }
}

impl From<FieldName> for String {
    fn from(name: FieldName) -> String {
        name.0
    }
}

/// A text in one or more of the study's languages. A form imported from elsewhere may have
/// only one; the questionnaire's default language fills the gaps.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Texts(pub BTreeMap<Lang, String>);

impl Texts {
    /// Texts in the three languages.
    pub fn new(en: &str, es: &str, fr: &str) -> Texts {
        Texts([(Lang::En, en.to_string()), (Lang::Es, es.to_string()), (Lang::Fr, fr.to_string())].into())
    }

    /// The texts of a domain value in the three languages.
    pub fn from_localized(text: &smartcities_domain::Localized) -> Texts {
        Texts::new(&text.en, &text.es, &text.fr)
    }

    /// The text in `lang`, else in `fallback`, else in any language it has.
    pub fn get(&self, lang: Lang, fallback: Lang) -> &str {
        self.0
            .get(&lang)
            .or_else(|| self.0.get(&fallback))
            .or_else(|| self.0.values().next())
            .map_or("", String::as_str)
    }

    /// What a reader of `lang` gets and the language it is in: `lang`'s text where there is one,
    /// else the questionnaire's own language's (`original`), else any language's. A page marks
    /// the text with its language when it is not the reader's.
    pub fn for_reader(&self, lang: Lang, original: Lang) -> (&str, Lang) {
        let written = |l: &Lang| self.0.get(l).filter(|t| !t.trim().is_empty());
        [lang, original]
            .iter()
            .chain(Lang::ALL.iter())
            .find_map(|l| written(l).map(|t| (t.as_str(), *l)))
            .unwrap_or(("", lang))
    }

    /// Whether no language has a text.
    pub fn is_empty(&self) -> bool {
        self.0.values().all(|t| t.trim().is_empty())
    }
}

/// A parsed `relevant` or `constraint` expression; it keeps its source for display and export.
#[derive(Debug, Clone, PartialEq)]
pub struct Condition {
    /// The expression as written in the form.
    pub source: String,
    /// The parsed expression.
    pub expr: Expr,
}

impl Condition {
    /// A condition from its XLSForm expression.
    pub fn parse(source: &str) -> Result<Condition, SyntaxError> {
        Ok(Condition { source: source.trim().to_string(), expr: Expr::parse(source)? })
    }

    /// A `choice_filter`: bare names in it are columns of the choices sheet (`county=${county}`).
    pub fn parse_filter(source: &str) -> Result<Condition, SyntaxError> {
        Ok(Condition { source: source.trim().to_string(), expr: Expr::parse_filter(source)? })
    }
}

/// A `choice_filter`, kept as its source like [`Condition`] and read back with bare names
/// allowed.
mod filter_serde {
    use serde::{Deserialize, Deserializer, Serializer};

    use super::Condition;

    pub fn serialize<S: Serializer>(filter: &Option<Condition>, serializer: S) -> Result<S::Ok, S::Error> {
        match filter {
            Some(c) => serializer.serialize_some(&c.source),
            None => serializer.serialize_none(),
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<Condition>, D::Error> {
        Option::<String>::deserialize(deserializer)?
            .map(|source| Condition::parse_filter(&source).map_err(serde::de::Error::custom))
            .transpose()
    }
}

/// Texts in languages other than the study's three (`label::Português (pt)`), by column
/// header: not shown, but kept so that exporting the form gives them back.
pub type OtherTexts = BTreeMap<String, String>;

impl Serialize for Condition {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.source)
    }
}

impl<'de> Deserialize<'de> for Condition {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let source = String::deserialize(deserializer)?;
        Condition::parse(&source).map_err(serde::de::Error::custom)
    }
}

/// The kinds of answer a question takes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Kind {
    /// A whole number.
    Integer,
    /// A decimal number.
    Decimal,
    /// Free text.
    Text,
    /// A day of the calendar, kept as `YYYY-MM-DD`.
    Date,
    /// A document uploaded by the respondent, kept as the id of the stored file.
    File,
    /// A picture uploaded by the respondent, kept as the id of the stored file.
    Image,
    /// A `select_one` over the list `yes_no` (codes `yes`, `no`).
    YesNo,
    /// A `select_one` whose choices are ordered levels, lowest first (appearance `likert`).
    Ordinal {
        /// The choice list of the levels.
        list: String,
    },
    /// A `select_one` over a choice list.
    SelectOne {
        /// The choice list.
        list: String,
    },
    /// A `select_multiple` over a choice list.
    SelectMultiple {
        /// The choice list.
        list: String,
    },
}

impl Kind {
    /// The choice list the question draws from, if any.
    pub fn list(&self) -> Option<&str> {
        match self {
            Kind::YesNo => Some(YES_NO),
            Kind::Ordinal { list } | Kind::SelectOne { list } | Kind::SelectMultiple { list } => Some(list),
            Kind::Integer | Kind::Decimal | Kind::Text | Kind::Date | Kind::File | Kind::Image => None,
        }
    }

    /// Whether answers are files uploaded on the web (which a workbook cannot carry).
    pub fn takes_file(&self) -> bool {
        matches!(self, Kind::File | Kind::Image)
    }

    /// The XLSForm `type` column: `integer`, `select_one yes_no`, `select_multiple sectors`…
    pub fn xlsform_type(&self) -> String {
        match self {
            Kind::Integer => "integer".to_string(),
            Kind::Decimal => "decimal".to_string(),
            Kind::Text => "text".to_string(),
            Kind::Date => "date".to_string(),
            Kind::File => "file".to_string(),
            Kind::Image => "image".to_string(),
            Kind::YesNo => format!("select_one {YES_NO}"),
            Kind::Ordinal { list } | Kind::SelectOne { list } => format!("select_one {list}"),
            Kind::SelectMultiple { list } => format!("select_multiple {list}"),
        }
    }
}

/// The name of the yes/no choice list.
pub const YES_NO: &str = "yes_no";

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
/// A question of the form.
pub struct Question {
    /// The question's name, unique in the form.
    pub name: FieldName,
    #[serde(flatten)]
    /// What kind of answer it takes.
    pub kind: Kind,
    /// The question as shown, per language.
    pub label: Texts,
    #[serde(default, skip_serializing_if = "Texts::is_empty")]
    /// Help under the question, per language.
    pub hint: Texts,
    #[serde(default)]
    /// Whether an answer is needed to submit.
    pub required: bool,
    /// When the question is asked (XLSForm's `relevant`); always if none.
    pub relevant: Option<Condition>,
    /// What a valid answer satisfies (XLSForm's `constraint`).
    pub constraint: Option<Condition>,
    #[serde(default, skip_serializing_if = "Texts::is_empty")]
    /// What to say when the constraint fails, per language.
    pub constraint_message: Texts,
    /// The answer proposed before the respondent gives one.
    pub default: Option<String>,
    /// Which choices are offered, given the other answers (XLSForm's `choice_filter`).
    #[serde(default, with = "filter_serde", skip_serializing_if = "Option::is_none")]
    pub choice_filter: Option<Condition>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    /// Label, hint and message columns in other languages.
    pub other_texts: OtherTexts,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    /// The non-answers this question takes, when it differs from the questionnaire's setting
    /// (XLSForm's `non_answers` column).
    pub non_answers: Option<NonAnswers>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
/// A text shown in the form that takes no answer.
pub struct Note {
    /// The note's name, unique in the form.
    pub name: FieldName,
    /// Its text, per language.
    pub label: Texts,
    /// When it is shown.
    pub relevant: Option<Condition>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    /// Its text in other languages.
    pub other_texts: OtherTexts,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
/// A value computed from other answers (XLSForm's `calculate`): never asked, evaluated on the
/// server whenever a condition refers to it; empty where it does not apply.
pub struct Calculation {
    /// The calculation's name, which conditions refer to as `${name}`.
    pub name: FieldName,
    /// The expression that computes it.
    pub calculation: Condition,
    /// When it applies (its own `relevant`; its groups' apply too).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub relevant: Option<Condition>,
}

/// A group of items; a repeat group is answered any number of times (one good practice, one
/// barrier each).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Group {
    /// The group's name, unique in the form.
    pub name: FieldName,
    /// Its heading, per language.
    pub label: Texts,
    #[serde(default)]
    /// Whether it repeats: one entry per good practice, barrier or enabler.
    pub repeat: bool,
    /// When it is asked.
    pub relevant: Option<Condition>,
    /// What it holds, in order.
    pub items: Vec<Item>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    /// Its heading in other languages.
    pub other_texts: OtherTexts,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "item", rename_all = "snake_case")]
/// Something a form holds.
pub enum Item {
    /// A question.
    Question(Question),
    /// A note.
    Note(Note),
    /// A computed value.
    Calculate(Calculation),
    /// A group of items.
    Group(Group),
}

impl Item {
    /// The item's name.
    pub fn name(&self) -> &FieldName {
        match self {
            Item::Question(q) => &q.name,
            Item::Note(n) => &n.name,
            Item::Calculate(c) => &c.name,
            Item::Group(g) => &g.name,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
/// One choice of a choice list.
pub struct ChoiceItem {
    /// The code stored as the answer.
    pub name: String,
    /// The choice as shown, per language.
    pub label: Texts,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    /// The choices sheet's other columns, by header: labels in other languages, and the
    /// attributes a `choice_filter` tests.
    pub columns: BTreeMap<String, String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
/// A questionnaire: XLSForm's survey, choices and settings as one value.
pub struct Questionnaire {
    /// The form's id (XLSForm `form_id`).
    pub form_id: String,
    /// Its title, per language.
    pub title: Texts,
    /// The language texts fall back to.
    pub default_language: Lang,
    /// The items, in order.
    pub items: Vec<Item>,
    /// The choice lists, by name.
    pub lists: BTreeMap<String, Vec<ChoiceItem>>,
    #[serde(default, skip_serializing_if = "NonAnswers::is_none")]
    /// The non-answers every question takes unless it says otherwise (the settings sheet's
    /// `non_answers`).
    pub non_answers: NonAnswers,
}

/// A question with the groups it sits in, outermost first.
pub struct Located<'q> {
    /// The question.
    pub question: &'q Question,
    /// The groups it sits in, outermost first.
    pub groups: Vec<&'q Group>,
}

impl Located<'_> {
    /// The repeat group the question belongs to, if any.
    pub fn repeat(&self) -> Option<&Group> {
        self.groups.iter().rev().find(|g| g.repeat).copied()
    }
}

impl Questionnaire {
    /// Every question in form order, with its enclosing groups.
    pub fn questions(&self) -> Vec<Located<'_>> {
        fn walk<'q>(items: &'q [Item], groups: &mut Vec<&'q Group>, out: &mut Vec<Located<'q>>) {
            for item in items {
                match item {
                    Item::Question(question) => out.push(Located { question, groups: groups.clone() }),
                    Item::Note(_) | Item::Calculate(_) => {}
                    Item::Group(group) => {
                        groups.push(group);
                        walk(&group.items, groups, out);
                        groups.pop();
                    }
                }
            }
        }
        let mut out = Vec::new();
        walk(&self.items, &mut Vec::new(), &mut out);
        out
    }

    /// Every group, outermost first, with its depth.
    pub fn groups(&self) -> Vec<(usize, &Group)> {
        fn walk<'q>(items: &'q [Item], depth: usize, out: &mut Vec<(usize, &'q Group)>) {
            for item in items {
                if let Item::Group(g) = item {
                    out.push((depth, g));
                    walk(&g.items, depth + 1, out);
                }
            }
        }
        let mut out = Vec::new();
        walk(&self.items, 0, &mut out);
        out
    }

    /// The question with this name, wherever it sits.
    pub fn question(&self, name: &str) -> Option<&Question> {
        self.questions().into_iter().map(|l| l.question).find(|q| q.name.as_str() == name)
    }

    /// The choices of a question's list, or none for a question without one.
    pub fn choices(&self, question: &Question) -> &[ChoiceItem] {
        question.kind.list().and_then(|l| self.lists.get(l)).map_or(&[], Vec::as_slice)
    }

    /// The choices offered given the other answers (`answer` looks them up): the whole list, or
    /// the choices its `choice_filter` lets through.
    pub fn choices_for<'q>(
        &'q self,
        question: &Question,
        answer: &dyn Fn(&str) -> String,
    ) -> Vec<&'q ChoiceItem> {
        let all = self.choices(question);
        let Some(filter) = &question.choice_filter else { return all.iter().collect() };
        all.iter()
            .filter(|choice| {
                let lookup = |name: &str| match name.strip_prefix(crate::expr::COLUMN) {
                    Some("name") => choice.name.clone(),
                    Some(column) => choice
                        .columns
                        .get(column)
                        .or_else(|| choice.label.0.values().next().filter(|_| column == "label"))
                        .cloned()
                        .unwrap_or_default(),
                    None => answer(name),
                };
                filter.expr.holds(&lookup, &choice.name)
            })
            .collect()
    }

    /// The calculations of the form, by name, each with the conditions it applies under (its
    /// groups' and its own).
    fn calculations(&self) -> BTreeMap<&str, Applying<'_>> {
        fn walk<'q>(items: &'q [Item], within: &[&'q Condition], out: &mut BTreeMap<&'q str, Applying<'q>>) {
            for item in items {
                match item {
                    Item::Calculate(c) => {
                        let mut when = within.to_vec();
                        when.extend(&c.relevant);
                        out.insert(c.name.as_str(), (c, when));
                    }
                    Item::Group(g) => {
                        let mut inner = within.to_vec();
                        inner.extend(&g.relevant);
                        walk(&g.items, &inner, out)
                    }
                    _ => {}
                }
            }
        }
        let mut out = BTreeMap::new();
        walk(&self.items, &[], &mut out);
        out
    }

    /// Looks answers up through `answers`, and computes the form's calculations from them:
    /// what conditions see when they refer to `${name}`.
    pub fn with_calculations<'a>(
        &'a self,
        answers: &'a dyn Fn(&str) -> String,
    ) -> impl Fn(&str) -> String + 'a {
        let calculations = self.calculations();
        move |name: &str| resolve(&calculations, answers, name, 0)
    }
}

/// How deep calculations may refer to other calculations; a cycle stops here as unanswered.
const MAX_CALCULATION_DEPTH: usize = 16;

/// A calculation and the conditions it applies under.
type Applying<'q> = (&'q Calculation, Vec<&'q Condition>);

fn resolve(
    calculations: &BTreeMap<&str, Applying<'_>>,
    answers: &dyn Fn(&str) -> String,
    name: &str,
    depth: usize,
) -> String {
    match calculations.get(name) {
        None => answers(name),
        Some(_) if depth >= MAX_CALCULATION_DEPTH => String::new(),
        Some((c, when)) => {
            let inner = |n: &str| resolve(calculations, answers, n, depth + 1);
            // Where it does not apply, it is empty, as an unanswered question is.
            if when.iter().all(|condition| condition.expr.holds(&inner, "")) {
                c.calculation.expr.evaluate(&inner, "").text()
            } else {
                String::new()
            }
        }
    }
}
