//! The TOML file that describes one edition and its framework. The secretariat edits these files
//! and re-imports them; the five editions shipped with smartcities are written in this format.

use std::fmt;

use serde::Deserialize;
use toml::Spanned;

use crate::{
    Axis, Choice, Code, Collection, Direction, Edition, EditionStatus, EditionYear, Focus, Framework,
    Localized, Milestone, Provenance, Question, QuestionKind, QuestionRef, SdgTarget, StudyAxis, SubArea,
};

/// A parsed edition file: the edition and its framework.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EditionFile {
    /// The edition's description.
    pub edition: Edition,
    /// Its framework.
    pub framework: Framework,
}

/// Every problem found in an edition file. Each is located by line and column when the TOML
/// reader can tell, otherwise by the path of the element within the framework.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EditionFileError {
    /// The problems, in file order.
    pub problems: Vec<Problem>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// 1-based line and column.
    pub position: Option<(usize, usize)>,
    /// Where in the framework, such as `axes.economy.sub_areas.innovation_rd`.
    pub path: Option<String>,
    pub message: String,
}

impl EditionFileError {
    /// The problems as `FILE:LINE:COLUMN: message` or `FILE: path: message` lines.
    pub fn located(&self, file: &str) -> Vec<String> {
        self.problems
            .iter()
            .map(|p| match (&p.position, &p.path) {
                (Some((line, column)), _) => format!("{file}:{line}:{column}: {}", p.message),
                (None, Some(path)) => format!("{file}: {path}: {}", p.message),
                (None, None) => format!("{file}: {}", p.message),
            })
            .collect()
    }
}

impl fmt::Display for EditionFileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.located("edition file").join("\n"))
    }
}

impl std::error::Error for EditionFileError {}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    edition: RawEdition,
    axes: Vec<RawAxis>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawEdition {
    year: EditionYear,
    title: Localized,
    focus: String,
    /// Refused: an earlier single setting, now `collection` and `published`.
    status: Option<String>,
    #[serde(default)]
    collection: Option<Collection>,
    #[serde(default)]
    published: bool,
    #[serde(default)]
    show_rankings: bool,
    #[serde(default)]
    public_scores: bool,
    reported_participants: Option<u32>,
    #[serde(default)]
    sources: Vec<String>,
    #[serde(default)]
    milestones: Vec<Milestone>,
    scoring: Option<crate::ScoringRule>,
    index: Option<crate::IndexRule>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawAxis {
    code: Code,
    label: Localized,
    study_axis: Option<StudyAxis>,
    provenance: Provenance,
    sub_areas: Vec<RawSubArea>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSubArea {
    code: Code,
    label: Localized,
    provenance: Provenance,
    questions: Vec<RawQuestion>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawQuestion {
    code: Spanned<String>,
    label: Localized,
    kind: String,
    unit: Option<String>,
    direction: Option<Direction>,
    levels: Option<Vec<Localized>>,
    options: Option<Vec<Choice>>,
    // Read as text and checked afterwards, so that every bad reference is reported, not only
    // the first.
    #[serde(default)]
    sdgs: Vec<Spanned<String>>,
    continues: Option<Spanned<String>>,
    #[serde(default = "inferred")]
    provenance: Provenance,
    relevant: Option<String>,
    statement: Option<Localized>,
}

fn inferred() -> Provenance {
    Provenance::Inferred
}

impl RawQuestion {
    fn kind(&self) -> Result<QuestionKind, String> {
        let unexpected = |field: &str, present: bool| {
            if present {
                Err(format!("`{field}` does not apply to a {} question", self.kind))
            } else {
                Ok(())
            }
        };
        match self.kind.as_str() {
            "numeric" => {
                unexpected("levels", self.levels.is_some())?;
                unexpected("options", self.options.is_some())?;
                let unit = self.unit.clone().ok_or("a numeric question needs a `unit`")?;
                let direction = self.direction.ok_or(
                    "a numeric question needs a `direction`: higher_is_better, lower_is_better or neutral",
                )?;
                Ok(QuestionKind::Numeric { unit, direction })
            }
            "ordinal" => {
                unexpected("options", self.options.is_some())?;
                unexpected("unit", self.unit.is_some())?;
                let levels = self.levels.clone().ok_or("an ordinal question needs `levels`")?;
                Ok(QuestionKind::Ordinal { levels })
            }
            "single_choice" | "multiple_choice" => {
                unexpected("levels", self.levels.is_some())?;
                unexpected("unit", self.unit.is_some())?;
                let options = self.options.clone().ok_or("a choice question needs `options`")?;
                Ok(if self.kind == "single_choice" {
                    QuestionKind::SingleChoice { options }
                } else {
                    QuestionKind::MultipleChoice { options }
                })
            }
            "yes_no" | "text" => {
                unexpected("levels", self.levels.is_some())?;
                unexpected("options", self.options.is_some())?;
                unexpected("unit", self.unit.is_some())?;
                unexpected("direction", self.direction.is_some())?;
                Ok(if self.kind == "yes_no" { QuestionKind::YesNo } else { QuestionKind::Text })
            }
            other => Err(format!(
                "unknown question kind {other:?}: expected numeric, yes_no, ordinal, single_choice, multiple_choice or text"
            )),
        }
    }
}

/// 1-based line and column of a byte offset.
fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset.min(text.len())];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}

impl EditionFile {
    /// Reads an edition file, reporting every problem at once.
    pub fn parse(text: &str) -> Result<EditionFile, EditionFileError> {
        let raw: RawFile = toml::from_str(text).map_err(|e| EditionFileError {
            problems: vec![Problem {
                position: e.span().map(|span| line_column(text, span.start)),
                path: None,
                message: e.message().trim().to_string(),
            }],
        })?;
        let mut problems = Vec::new();
        // Problems located by line and column, in file order; the others by their path.
        let mut located: Vec<Problem> = Vec::new();
        let edition = read_edition(raw.edition, &mut problems);
        let axes = raw
            .axes
            .into_iter()
            .map(|axis| {
                let sub_areas = axis
                    .sub_areas
                    .into_iter()
                    .map(|sub| {
                        let questions = sub
                            .questions
                            .into_iter()
                            .filter_map(|q| {
                                let path = || format!("axes.{}.sub_areas.{}.questions", axis.code, sub.code);
                                read_question(text, q, path, &mut located, &mut problems)
                            })
                            .collect();
                        SubArea { code: sub.code, label: sub.label, provenance: sub.provenance, questions }
                    })
                    .collect();
                Axis {
                    code: axis.code,
                    label: axis.label,
                    study_axis: axis.study_axis,
                    provenance: axis.provenance,
                    sub_areas,
                }
            })
            .collect();
        located.sort_by_key(|p| p.position);
        problems.splice(0..0, located);
        let framework = Framework::new(edition.year, axes);
        if let (Ok(framework), Some(rule)) = (&framework, &edition.index) {
            problems.extend(index_problems(framework, rule));
        }
        match framework {
            Ok(framework) if problems.is_empty() => Ok(EditionFile { edition, framework }),
            Ok(_) => Err(EditionFileError { problems }),
            Err(errors) => {
                problems.extend(errors.into_iter().map(|e| Problem {
                    position: None,
                    path: Some(e.path),
                    message: e.message,
                }));
                Err(EditionFileError { problems })
            }
        }
    }
}

/// A problem found at a path of the file rather than at a line.
fn at_path(path: &str, message: String) -> Problem {
    Problem { position: None, path: Some(path.to_string()), message }
}

/// The `[edition]` table, with a problem for an unknown focus or the retired `status` setting.
fn read_edition(raw: RawEdition, problems: &mut Vec<Problem>) -> Edition {
    let focus = Focus::parse(&raw.focus).unwrap_or_else(|e| {
        problems.push(at_path("edition.focus", e.0));
        Focus::Holistic
    });
    if let Some(status) = &raw.status {
        let suggestion = EditionStatus::from_legacy(status).map_or_else(
            || "collection = \"planning\", \"open\" or \"closed\", and published = true or false".to_string(),
            |s| format!("collection = {:?} and published = {}", s.collection.slug(), s.published),
        );
        problems.push(at_path(
            "edition.status",
            format!(
                "status is now two settings, whether the edition takes answers and whether its findings are public: write {suggestion}"
            ),
        ));
    }
    let mut milestones = raw.milestones;
    milestones.sort_by_key(|m| m.date);
    Edition {
        year: raw.year,
        title: raw.title,
        focus,
        status: EditionStatus {
            collection: raw.collection.unwrap_or(Collection::Planning),
            published: raw.published,
        },
        milestones,
        show_rankings: raw.show_rankings,
        public_scores: raw.public_scores,
        reported_participants: raw.reported_participants,
        sources: raw.sources,
        scoring: raw.scoring,
        index: raw.index,
    }
}

/// One question, or `None` with its problems recorded: at their line for a malformed code, SDG
/// target or continued question; at their path (`path()` is the question list's) for a kind.
fn read_question(
    text: &str,
    q: RawQuestion,
    path: impl Fn() -> String,
    located: &mut Vec<Problem>,
    problems: &mut Vec<Problem>,
) -> Option<Question> {
    let mut valid = true;
    let mut at = |value: &Spanned<String>, message: String| {
        valid = false;
        located.push(Problem { position: Some(line_column(text, value.span().start)), path: None, message });
    };
    let code = Code::parse(q.code.get_ref()).map_err(|e| at(&q.code, e.0)).ok();
    let sdgs: Vec<SdgTarget> =
        q.sdgs.iter().filter_map(|t| SdgTarget::parse(t.get_ref()).map_err(|e| at(t, e.0)).ok()).collect();
    let continues =
        q.continues.as_ref().and_then(|c| QuestionRef::parse(c.get_ref()).map_err(|e| at(c, e.0)).ok());
    match (q.kind(), code) {
        (Ok(kind), Some(code)) if valid => Some(Question {
            code,
            label: q.label,
            kind,
            sdgs,
            continues,
            provenance: q.provenance,
            relevant: q.relevant,
            statement: q.statement,
        }),
        (Err(message), _) => {
            problems.push(at_path(&format!("{}.{}", path(), q.code.get_ref()), message));
            None
        }
        _ => None,
    }
}

/// What keeps an index's questions from scoring: not in the framework, not numeric, or numeric
/// without a direction.
fn index_problems(framework: &Framework, rule: &crate::IndexRule) -> Vec<Problem> {
    rule.questions
        .iter()
        .filter_map(|code| {
            let message = match framework.question(code).map(|q| &q.kind) {
                None => format!("{code} is not a question of this framework"),
                Some(crate::QuestionKind::Numeric { direction: crate::Direction::Neutral, .. }) => {
                    format!(
                        "{code} has no direction (neither higher nor lower is better), so it cannot score"
                    )
                }
                Some(crate::QuestionKind::Numeric { .. }) => return None,
                Some(_) => format!("{code} is not numeric; an index takes numeric questions"),
            };
            Some(at_path("edition.index.questions", message))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const MINIMAL: &str = r#"
[edition]
year = 2023
title = { en = "Cities as innovation ecosystems", es = "Ciudades como ecosistemas de innovación", fr = "Les villes comme écosystèmes d'innovation" }
focus = "theme:innovation_ecosystems_sdgs"
collection = "closed"
published = true
milestones = [
  { date = "2023-09", label = { en = "Call", es = "Convocatoria", fr = "Appel" } },
  { date = "2023-05-10", label = { en = "Focus group", es = "Grupo focal", fr = "Groupe de discussion" } },
]

[[axes]]
code = "smart_economy"
label = { en = "Smart Economy", es = "Economía Inteligente", fr = "Économie intelligente" }
study_axis = "economy"
provenance = "stated"

[[axes.sub_areas]]
code = "ecosystem"
label = { en = "Ecosystem", es = "Ecosistema", fr = "Écosystème" }
provenance = "inferred"

[[axes.sub_areas.questions]]
code = "has_living_lab"
label = { en = "Living lab?", es = "¿Living lab?", fr = "Laboratoire vivant ?" }
kind = "yes_no"
sdgs = ["9.5", "11"]

[[axes.sub_areas.questions]]
code = "pilots"
label = { en = "Pilots", es = "Pilotos", fr = "Pilotes" }
kind = "numeric"
unit = "count"
direction = "higher_is_better"
"#;

    #[test]
    fn a_minimal_edition_parses_with_sorted_milestones() {
        let file = EditionFile::parse(MINIMAL).unwrap();
        assert_eq!(file.edition.year.get(), 2023);
        assert!(!file.edition.show_rankings, "rankings are off unless an edition opts in");
        assert_eq!(file.edition.milestones[0].date.to_string(), "2023-05-10");
        assert_eq!(file.framework.questions().count(), 2);
        assert_eq!(file.framework.sdg_goals(), vec![9, 11]);
    }

    #[test]
    fn an_index_takes_numeric_questions_with_a_direction() {
        let with = |questions: &str| {
            MINIMAL.replacen(
                "\n[[axes]]",
                &format!(
                    "\n[edition.index]\ndescription = {{ en = \"I\", es = \"I\", fr = \"I\" }}\nquestions = [{questions}]\n\n[[axes]]"
                ),
                1,
            )
        };
        let problems = |text: String| match EditionFile::parse(&text) {
            Ok(_) => Vec::new(),
            Err(e) => e.problems.into_iter().map(|p| p.message).collect::<Vec<_>>(),
        };
        assert_eq!(problems(with("")), Vec::<String>::new(), "every numeric question");
        let rule = EditionFile::parse(&with("")).unwrap().edition.index.unwrap();
        assert_eq!((rule.runs, rule.weight_noise_percent, rule.seed), (500, 25, 1));
        assert_eq!(problems(with("\"pilots\"")), Vec::<String>::new());
        assert_eq!(problems(with("\"nowhere\"")), ["nowhere is not a question of this framework"]);
        assert_eq!(
            problems(with("\"has_living_lab\"")),
            ["has_living_lab is not numeric; an index takes numeric questions"]
        );
    }

    #[test]
    fn an_edition_adopts_a_scoring_rule_only_explicitly() {
        assert_eq!(EditionFile::parse(MINIMAL).unwrap().edition.scoring, None);
        let rule = "\n[edition.scoring]\nmethod = \"axis_mean\"\ndescription = { en = \"Mean\", es = \"Media\", fr = \"Moyenne\" }\n\n[[axes]]";
        let text = MINIMAL.replacen("\n[[axes]]", rule, 1);
        let scoring = EditionFile::parse(&text).unwrap().edition.scoring.unwrap();
        assert_eq!(scoring.method, crate::ScoringMethod::AxisMean);
        assert_eq!(scoring.description.es, "Media");
        let unknown = text.replace("axis_mean", "ranking");
        assert!(EditionFile::parse(&unknown).is_err(), "only documented rules");
    }

    #[test]
    fn a_bad_value_is_located_by_line_and_column() {
        let text = MINIMAL.replace(r#"sdgs = ["9.5", "11"]"#, r#"sdgs = ["9.5", "18"]"#);
        let error = EditionFile::parse(&text).unwrap_err();
        let lines = error.located("2023.toml");
        assert_eq!(lines.len(), 1);
        let line = text.lines().position(|l| l.contains("\"18\"")).unwrap() + 1;
        assert!(lines[0].starts_with(&format!("2023.toml:{line}:")), "{}", lines[0]);
        assert!(lines[0].contains("SDG"), "{}", lines[0]);
    }

    #[test]
    fn every_bad_reference_is_reported_at_once() {
        let text = MINIMAL
            .replace(r#"sdgs = ["9.5", "11"]"#, r#"sdgs = ["99.5", "11", "0"]"#)
            .replace("code = \"pilots\"", "code = \"Pilots!\"");
        let error = EditionFile::parse(&text).unwrap_err();
        let lines = error.located("2023.toml");
        assert_eq!(lines.len(), 3, "{lines:?}");
        let line_of = |needle: &str| text.lines().position(|l| l.contains(needle)).unwrap() + 1;
        assert!(lines[0].starts_with(&format!("2023.toml:{}:9:", line_of("99.5"))), "{lines:?}");
        assert!(
            lines[1].starts_with(&format!("2023.toml:{}:", line_of("99.5"))) && lines[1].contains("\"0\"")
        );
        assert!(lines[2].starts_with(&format!("2023.toml:{}:", line_of("Pilots!"))), "{lines:?}");
    }

    #[test]
    fn kind_mismatches_are_located_by_path() {
        let text = MINIMAL.replace("direction = \"higher_is_better\"\n", "");
        let error = EditionFile::parse(&text).unwrap_err();
        assert_eq!(
            error.located("2023.toml"),
            [
                "2023.toml: axes.smart_economy.sub_areas.ecosystem.questions.pilots: a numeric question needs a `direction`: higher_is_better, lower_is_better or neutral"
            ]
        );
    }

    #[test]
    fn unknown_fields_are_rejected() {
        let text = MINIMAL.replace("kind = \"yes_no\"", "kind = \"yes_no\"\nrequierd = true");
        let error = EditionFile::parse(&text).unwrap_err();
        assert!(error.to_string().contains("requierd"), "{error}");
    }
}
