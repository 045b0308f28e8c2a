use std::{collections::HashSet, fmt};

use serde::{Deserialize, Serialize};

use crate::{EditionYear, Localized, ParseError};

/// A stable snake_case code for an axis, a sub-area, a question or a choice (`has_open_data_portal`).
/// Answers are keyed by these codes, so a label can change without touching the data. The rules
/// are those of XLSForm names, so codes travel unchanged into questionnaires.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema), schema(value_type = String, example = "has_open_data_portal"))]
#[serde(try_from = "String", into = "String")]
pub struct Code(String);

impl Code {
    /// A code: lowercase letters, digits and underscores, starting with a letter.
    pub fn parse(input: &str) -> Result<Self, ParseError> {
        let mut bytes = input.bytes();
        let valid = input.len() <= 64
            && bytes.next().is_some_and(|b| b.is_ascii_lowercase())
            && bytes.all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_');
        if valid {
            Ok(Code(input.to_string()))
        } else {
            Err(ParseError::new(format!(
                "invalid code {input:?}: start with a lower-case letter, then lower-case letters, digits or _ (at most 64)"
            )))
        }
    }

    /// The code as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl TryFrom<String> for Code {
    type Error = ParseError;
    fn try_from(value: String) -> Result<Self, Self::Error> {
        Code::parse(&value)
    }
}

impl From<Code> for String {
    fn from(code: Code) -> String {
        code.0
    }
}

/// The six axes the study has looked at since 2012. Every edition's own axes or fields map onto
/// one of these, which is how a trend can follow "governance" from 2012 to 2019 to 2023.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum StudyAxis {
    /// Economy.
    Economy,
    /// Citizenship (people).
    Citizenship,
    /// Governance.
    Governance,
    /// Mobility.
    Mobility,
    /// Environment.
    Environment,
    /// Quality of life.
    QualityOfLife,
}

impl StudyAxis {
    /// The six axes, in the study's order.
    pub const ALL: [StudyAxis; 6] = [
        StudyAxis::Economy,
        StudyAxis::Citizenship,
        StudyAxis::Governance,
        StudyAxis::Mobility,
        StudyAxis::Environment,
        StudyAxis::QualityOfLife,
    ];

    /// The axis's name in files and translation keys.
    pub fn slug(self) -> &'static str {
        match self {
            StudyAxis::Economy => "economy",
            StudyAxis::Citizenship => "citizenship",
            StudyAxis::Governance => "governance",
            StudyAxis::Mobility => "mobility",
            StudyAxis::Environment => "environment",
            StudyAxis::QualityOfLife => "quality_of_life",
        }
    }

    /// An axis from its name.
    pub fn parse(input: &str) -> Result<Self, ParseError> {
        StudyAxis::ALL.into_iter().find(|a| a.slug() == input.trim()).ok_or_else(|| {
            ParseError::new(format!(
                "unknown study axis {input:?}: expected economy, citizenship, governance, mobility, environment or quality_of_life"
            ))
        })
    }
}

/// Whether a part of a framework is named by a public source or proposed to fill a gap.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Provenance {
    /// Named by a public source about the study.
    Stated,
    /// Proposed to fill a gap; to be checked with the secretariat.
    Inferred,
}

/// Which way a numeric indicator improves. `Neutral` is for descriptive figures (a year, a
/// planning horizon) that are neither better high nor low.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    /// More is better (a share of services online).
    HigherIsBetter,
    /// Less is better (emissions per inhabitant).
    LowerIsBetter,
    /// Neither: a descriptive figure.
    Neutral,
}

/// A Sustainable Development Goal (`11`) or one of its targets (`11.3`, `11.a`).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct SdgTarget {
    goal: u8,
    /// `3` for target 11.3, `a` for the means-of-implementation target 11.a.
    target: Option<String>,
}

impl SdgTarget {
    /// An SDG reference from its text.
    pub fn parse(input: &str) -> Result<Self, ParseError> {
        let bad = || {
            ParseError::new(format!(
                "invalid SDG reference {input:?}: use a goal 1-17 (11) or a target (11.3, 11.a)"
            ))
        };
        let input = input.trim();
        let (goal_text, target) = match input.split_once('.') {
            Some((g, t)) => (g, Some(t)),
            None => (input, None),
        };
        let goal: u8 = goal_text.parse().map_err(|_| bad())?;
        if !(1..=17).contains(&goal) || goal_text.starts_with('0') {
            return Err(bad());
        }
        let target = match target {
            None => None,
            Some(t) => {
                let numbered = t.parse::<u8>().is_ok_and(|n| (1..=19).contains(&n)) && !t.starts_with('0');
                let lettered = t.len() == 1 && matches!(t.as_bytes()[0], b'a'..=b'h');
                if !(numbered || lettered) {
                    return Err(bad());
                }
                Some(t.to_string())
            }
        };
        Ok(SdgTarget { goal, target })
    }

    /// The goal, 1 to 17.
    pub fn goal(&self) -> u8 {
        self.goal
    }
}

impl fmt::Display for SdgTarget {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.target {
            Some(t) => write!(f, "{}.{t}", self.goal),
            None => write!(f, "{}", self.goal),
        }
    }
}

string_schema!(SdgTarget, "11.3", "An SDG goal (1-17) or target (11.3, 11.a)");

/// The distinct goals a list of SDG references names, in ascending order: 11.2, 9.1 and 11.3
/// name goals 9 and 11, each once.
pub fn sdg_goals(targets: &[SdgTarget]) -> Vec<u8> {
    let goals: std::collections::BTreeSet<u8> = targets.iter().map(SdgTarget::goal).collect();
    goals.into_iter().collect()
}

impl TryFrom<String> for SdgTarget {
    type Error = ParseError;
    fn try_from(value: String) -> Result<Self, Self::Error> {
        SdgTarget::parse(&value)
    }
}

impl std::str::FromStr for SdgTarget {
    type Err = ParseError;
    fn from_str(input: &str) -> Result<Self, Self::Err> {
        SdgTarget::parse(input)
    }
}

impl From<SdgTarget> for String {
    fn from(sdg: SdgTarget) -> String {
        sdg.to_string()
    }
}

/// One option of a choice question.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Choice {
    /// The option's code, stored as the answer.
    pub code: Code,
    /// The option in the three languages.
    pub label: Localized,
}

/// What kind of answer a question takes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum QuestionKind {
    /// A number in a unit (`percent`, `count`, `km`).
    Numeric {
        /// The unit the figure is given in (`percent`, `count`, `km`).
        unit: String,
        /// Which way is better, if either.
        direction: Direction,
    },
    /// Yes or no.
    YesNo,
    /// An ordered scale; levels go from the lowest to the highest.
    Ordinal {
        /// The levels, lowest first.
        levels: Vec<Localized>,
    },
    /// One option among several.
    SingleChoice {
        /// The options, in the order they are shown.
        options: Vec<Choice>,
    },
    /// Any number of options.
    MultipleChoice {
        /// The options, in the order they are shown.
        options: Vec<Choice>,
    },
    /// Free text.
    Text,
}

impl QuestionKind {
    /// The kind's name in edition files.
    pub fn slug(&self) -> &'static str {
        match self {
            QuestionKind::Numeric { .. } => "numeric",
            QuestionKind::YesNo => "yes_no",
            QuestionKind::Ordinal { .. } => "ordinal",
            QuestionKind::SingleChoice { .. } => "single_choice",
            QuestionKind::MultipleChoice { .. } => "multiple_choice",
            QuestionKind::Text => "text",
        }
    }
}

/// A question of another edition, written `2012.has_open_data_portal`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct QuestionRef {
    /// The earlier edition.
    pub edition: EditionYear,
    /// The question's code in it.
    pub code: Code,
}

impl QuestionRef {
    /// A reference written `2012.code`.
    pub fn parse(input: &str) -> Result<Self, ParseError> {
        let (year, code) = input.trim().split_once('.').ok_or_else(|| {
            ParseError::new(format!(
                "invalid question reference {input:?}: use YEAR.code, like 2012.has_open_data_portal"
            ))
        })?;
        Ok(QuestionRef { edition: EditionYear::parse(year)?, code: Code::parse(code)? })
    }
}

impl fmt::Display for QuestionRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}.{}", self.edition, self.code)
    }
}

string_schema!(QuestionRef, "2012.has_open_data_portal", "A question of another edition: YEAR.code");

impl TryFrom<String> for QuestionRef {
    type Error = ParseError;
    fn try_from(value: String) -> Result<Self, Self::Error> {
        QuestionRef::parse(&value)
    }
}

impl From<QuestionRef> for String {
    fn from(r: QuestionRef) -> String {
        r.to_string()
    }
}

/// A question (or indicator) of a framework.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Question {
    /// The question's code, unique in the framework.
    pub code: Code,
    /// The question in the three languages.
    pub label: Localized,
    #[serde(flatten)]
    /// What kind of answer it takes.
    pub kind: QuestionKind,
    /// The SDG goals or targets it bears on.
    pub sdgs: Vec<SdgTarget>,
    /// The same question in an earlier edition, for trends.
    pub continues: Option<QuestionRef>,
    /// Whether a public source names it or it was proposed.
    pub provenance: Provenance,
    /// Skip logic in XLSForm syntax: the question is asked only when this holds, e.g.
    /// `${has_s3_strategy} = 'yes'`. Checked when the questionnaire is built.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub relevant: Option<String>,
    /// What a city answering yes does, as a predicate with "cities" as its subject, in the
    /// three languages ("have a climate action plan in force"): what drafted findings say
    /// instead of quoting the question. A language left empty is not drafted from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub statement: Option<Localized>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
/// A sub-area of an axis and its questions.
pub struct SubArea {
    /// The sub-area's code, unique in the framework.
    pub code: Code,
    /// Its name in the three languages.
    pub label: Localized,
    /// Whether a public source names it or it was proposed.
    pub provenance: Provenance,
    /// Its questions, in order.
    pub questions: Vec<Question>,
}

/// An axis (or field, or area) of an edition's framework.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Axis {
    /// The axis's code, unique in the framework.
    pub code: Code,
    /// Its name in the three languages.
    pub label: Localized,
    /// Which of the six study axes this axis belongs to, so that trends can follow it across
    /// editions that renamed or split it.
    pub study_axis: Option<StudyAxis>,
    /// Whether a public source names it or it was proposed.
    pub provenance: Provenance,
    /// Its sub-areas, in order.
    pub sub_areas: Vec<SubArea>,
}

/// An edition's framework: axes, their sub-areas, and the questions of each.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Framework {
    /// The edition the framework belongs to.
    pub edition: EditionYear,
    /// Its axes, in order.
    pub axes: Vec<Axis>,
}

/// A framework that breaks a rule, with the path of the offending element.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{path}: {message}")]
pub struct FrameworkError {
    /// Where, as `axes.economy.sub_areas.innovation_rd.questions.rd_share`.
    pub path: String,
    /// What is wrong there.
    pub message: String,
}

impl Framework {
    /// Builds a framework after checking the rules every later stage relies on: codes unique
    /// (questions across the whole edition, since answers are keyed by them), labels in all three
    /// languages, at least two levels on an ordinal scale and options on every choice question.
    /// All problems are returned, not only the first.
    pub fn new(edition: EditionYear, axes: Vec<Axis>) -> Result<Self, Vec<FrameworkError>> {
        let mut errors = Vec::new();
        let mut push = |path: String, message: String| errors.push(FrameworkError { path, message });
        let check_label = |path: &str, label: &Localized, push: &mut dyn FnMut(String, String)| {
            if let Some(lang) = label.missing() {
                push(path.to_string(), format!("the label in {} is empty", lang.endonym()));
            }
        };
        if axes.is_empty() {
            push("axes".into(), "a framework needs at least one axis".into());
        }
        let mut axis_codes = HashSet::new();
        let mut question_codes = HashSet::new();
        for axis in &axes {
            let axis_path = format!("axes.{}", axis.code);
            if !axis_codes.insert(&axis.code) {
                push(axis_path.clone(), "this axis code is used twice".into());
            }
            check_label(&axis_path, &axis.label, &mut push);
            let mut sub_codes = HashSet::new();
            for sub in &axis.sub_areas {
                let sub_path = format!("{axis_path}.sub_areas.{}", sub.code);
                if !sub_codes.insert(&sub.code) {
                    push(sub_path.clone(), "this sub-area code is used twice in the axis".into());
                }
                check_label(&sub_path, &sub.label, &mut push);
                for question in &sub.questions {
                    let path = format!("{sub_path}.questions.{}", question.code);
                    if !question_codes.insert(&question.code) {
                        push(path.clone(), "this question code is used twice in the edition".into());
                    }
                    check_label(&path, &question.label, &mut push);
                    if question.continues.as_ref().is_some_and(|r| r.edition >= edition) {
                        push(path.clone(), "`continues` must name a question of an earlier edition".into());
                    }
                    match &question.kind {
                        QuestionKind::Ordinal { levels } => {
                            if levels.len() < 2 {
                                push(path.clone(), "an ordinal scale needs at least two levels".into());
                            }
                            for (i, level) in levels.iter().enumerate() {
                                check_label(&format!("{path}.levels[{i}]"), level, &mut push);
                            }
                        }
                        QuestionKind::SingleChoice { options } | QuestionKind::MultipleChoice { options } => {
                            if options.is_empty() {
                                push(path.clone(), "a choice question needs options".into());
                            }
                            let mut seen = HashSet::new();
                            for option in options {
                                let option_path = format!("{path}.options.{}", option.code);
                                if !seen.insert(&option.code) {
                                    push(option_path.clone(), "this option code is used twice".into());
                                }
                                check_label(&option_path, &option.label, &mut push);
                            }
                        }
                        QuestionKind::Numeric { unit, .. } if unit.trim().is_empty() => {
                            push(path.clone(), "a numeric question needs a unit".into());
                        }
                        _ => {}
                    }
                }
            }
        }
        if errors.is_empty() { Ok(Framework { edition, axes }) } else { Err(errors) }
    }

    /// Every question with its axis and sub-area, in framework order.
    pub fn questions(&self) -> impl Iterator<Item = (&Axis, &SubArea, &Question)> {
        self.axes.iter().flat_map(|axis| {
            axis.sub_areas.iter().flat_map(move |sub| sub.questions.iter().map(move |q| (axis, sub, q)))
        })
    }

    /// The question with this code.
    pub fn question(&self, code: &str) -> Option<&Question> {
        self.questions().map(|(_, _, q)| q).find(|q| q.code.as_str() == code)
    }

    /// The distinct SDG goals the framework's questions link to, in order.
    pub fn sdg_goals(&self) -> Vec<u8> {
        let mut goals: Vec<u8> =
            self.questions().flat_map(|(_, _, q)| q.sdgs.iter().map(SdgTarget::goal)).collect();
        goals.sort_unstable();
        goals.dedup();
        goals
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(s: &str) -> Localized {
        Localized { en: s.into(), es: s.into(), fr: s.into() }
    }

    fn question(code: &str, kind: QuestionKind) -> Question {
        Question {
            code: Code::parse(code).unwrap(),
            label: text(code),
            kind,
            sdgs: vec![],
            continues: None,
            provenance: Provenance::Inferred,
            relevant: None,
            statement: None,
        }
    }

    fn framework(questions: Vec<Question>) -> Result<Framework, Vec<FrameworkError>> {
        let axis = Axis {
            code: Code::parse("economy").unwrap(),
            label: text("Economy"),
            study_axis: Some(StudyAxis::Economy),
            provenance: Provenance::Stated,
            sub_areas: vec![SubArea {
                code: Code::parse("innovation").unwrap(),
                label: text("Innovation"),
                provenance: Provenance::Inferred,
                questions,
            }],
        };
        Framework::new(EditionYear::new(2023).unwrap(), vec![axis])
    }

    #[test]
    fn codes_follow_xlsform_names() {
        assert!(Code::parse("has_open_data_portal").is_ok());
        assert!(Code::parse("sdg11").is_ok());
        assert!(Code::parse("11sdg").is_err());
        assert!(Code::parse("Has_Portal").is_err());
        assert!(Code::parse("has-portal").is_err());
        assert!(Code::parse("").is_err());
    }

    #[test]
    fn sdg_references_name_real_goals_and_target_shapes() {
        assert_eq!(SdgTarget::parse("11").unwrap().to_string(), "11");
        assert_eq!(SdgTarget::parse("11.3").unwrap().goal(), 11);
        assert_eq!(SdgTarget::parse("17.18").unwrap().to_string(), "17.18");
        assert_eq!(SdgTarget::parse("9.c").unwrap().to_string(), "9.c");
        for bad in ["0", "18", "11.", "11.0", "11.20", "11.z", "sdg11", "011"] {
            assert!(SdgTarget::parse(bad).is_err(), "{bad} should be rejected");
        }
    }

    #[test]
    fn question_refs_parse() {
        let r = QuestionRef::parse("2012.has_open_data_portal").unwrap();
        assert_eq!(r.edition.get(), 2012);
        assert_eq!(r.to_string(), "2012.has_open_data_portal");
        assert!(QuestionRef::parse("has_open_data_portal").is_err());
    }

    #[test]
    fn a_sound_framework_is_accepted() {
        let f = framework(vec![
            question("has_lab", QuestionKind::YesNo),
            question(
                "pilots",
                QuestionKind::Numeric { unit: "count".into(), direction: Direction::HigherIsBetter },
            ),
        ])
        .unwrap();
        assert_eq!(f.questions().count(), 2);
        assert!(f.question("pilots").is_some());
    }

    #[test]
    fn every_problem_is_reported_with_its_path() {
        let mut blank = question("blank_fr", QuestionKind::YesNo);
        blank.label.fr = String::new();
        let errors = framework(vec![
            question("twice", QuestionKind::YesNo),
            question("twice", QuestionKind::Text),
            blank,
            question("scale", QuestionKind::Ordinal { levels: vec![text("only")] }),
            question("choose", QuestionKind::SingleChoice { options: vec![] }),
        ])
        .unwrap_err();
        let paths: Vec<&str> = errors.iter().map(|e| e.path.as_str()).collect();
        assert_eq!(
            paths,
            [
                "axes.economy.sub_areas.innovation.questions.twice",
                "axes.economy.sub_areas.innovation.questions.blank_fr",
                "axes.economy.sub_areas.innovation.questions.scale",
                "axes.economy.sub_areas.innovation.questions.choose",
            ]
        );
        assert!(errors[1].message.contains("Français"));
    }

    #[test]
    fn continues_must_point_back_in_time() {
        let mut q = question("portal", QuestionKind::YesNo);
        q.continues = Some(QuestionRef::parse("2023.portal").unwrap());
        assert!(framework(vec![q]).is_err());
    }
}
