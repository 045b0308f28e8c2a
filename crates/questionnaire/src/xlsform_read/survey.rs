//! The survey sheet's rows, one at a time: groups begun and ended, notes, calculations and
//! questions, each checked where it stands (its name unique, its conditions readable, its choice
//! list on the choices sheet).

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

use calamine::Data;
use smartcities_domain::Lang;

use super::{
    Column, Findings, Frame, RowType, Sheet, classify, non_answers_problem, push_item, typographic_quotes,
};
use crate::{
    model::{
        Calculation, ChoiceItem, Condition, FieldName, Group, Item, Kind, Note, Question, Texts, YES_NO,
    },
    non_answer::NonAnswers,
    xlsform_read::Place,
};

/// What the survey's rows made.
pub(super) struct SurveyRead {
    /// The items, in the order of the rows.
    pub items: Vec<Item>,
    /// Where each name was given, for problems found later.
    pub place_of: HashMap<String, Place>,
    /// Names of rows left out, which other rows may still refer to.
    pub left_out: HashSet<String>,
    /// The choice lists an "or other" question draws from, which gain an `other` choice.
    pub or_other: BTreeSet<String>,
}

/// The choice a question with "or other" adds to its list, as the reference converter adds it
/// (a list shared with other questions offers it to them too).
pub(super) fn add_other_choices(lists: &mut BTreeMap<String, Vec<ChoiceItem>>, wanted: &BTreeSet<String>) {
    for list in wanted {
        if let Some(items) = lists.get_mut(list)
            && !items.iter().any(|c| c.name == OTHER)
        {
            items.push(ChoiceItem {
                name: OTHER.to_string(),
                label: Texts::new("Other", "Otro", "Autre"),
                columns: BTreeMap::new(),
            });
        }
    }
}

/// The code of the choice "or other" adds.
const OTHER: &str = "other";

/// Reads the survey sheet's rows.
pub(super) struct SurveyReader<'a> {
    survey: &'a Sheet,
    type_column: &'a Column,
    name_column: &'a Column,
    lists: &'a BTreeMap<String, Vec<ChoiceItem>>,
    default_language: Lang,
    stack: Vec<Frame>,
    seen: HashMap<String, u32>,
    place_of: HashMap<String, Place>,
    left_out: HashSet<String>,
    or_other: BTreeSet<String>,
}

/// One row being read: its index (0 is the header), its cells, its type and name as written.
struct Row<'r> {
    index: usize,
    cells: &'r [Data],
    raw_type: String,
    name: String,
}

impl<'a> SurveyReader<'a> {
    pub(super) fn new(
        survey: &'a Sheet,
        type_column: &'a Column,
        name_column: &'a Column,
        lists: &'a BTreeMap<String, Vec<ChoiceItem>>,
        default_language: Lang,
    ) -> SurveyReader<'a> {
        SurveyReader {
            survey,
            type_column,
            name_column,
            lists,
            default_language,
            stack: vec![Frame::Root(Vec::new())],
            seen: HashMap::new(),
            place_of: HashMap::new(),
            left_out: HashSet::new(),
            or_other: BTreeSet::new(),
        }
    }

    /// Every row, then the groups left open.
    pub(super) fn read(mut self, found: &mut Findings) -> SurveyRead {
        for (index, cells) in self.survey.range.rows().enumerate().skip(1) {
            let raw_type = self.survey.cell(cells, self.type_column);
            let name = self.survey.cell(cells, self.name_column);
            self.row(&Row { index, cells, raw_type, name }, found);
        }
        while self.stack.len() > 1 {
            if let Some(Frame::Group { group, row }) = self.stack.pop() {
                found.error(
                    self.survey.place(row, Some(self.type_column)),
                    format!("the group {} is never ended", group.name),
                );
            }
        }
        let Some(Frame::Root(items)) = self.stack.pop() else { unreachable!("the root frame stays") };
        SurveyRead { items, place_of: self.place_of, left_out: self.left_out, or_other: self.or_other }
    }

    fn column_of(&self, base: &str) -> Option<&'a Column> {
        self.survey.columns.iter().find(|c| c.base == base)
    }

    fn place(&self, row: &Row<'_>, column: Option<&Column>) -> Place {
        self.survey.place(row.index, column)
    }

    fn row(&mut self, row: &Row<'_>, found: &mut Findings) {
        if row.raw_type.is_empty() {
            if !row.name.is_empty() {
                found.error(self.place(row, Some(self.type_column)), format!("{:?} has no type", row.name));
            }
            return;
        }
        let normalized = row.raw_type.to_lowercase().split_whitespace().collect::<Vec<_>>().join(" ");
        let type_place = self.place(row, Some(self.type_column));
        let kind = match classify(&normalized) {
            RowType::Begin { repeat, looped } => return self.begin_group(row, repeat, looped, found),
            RowType::End => return self.end_group(type_place, found),
            RowType::Note => return self.note(row, found),
            RowType::Calculate => return self.calculate(row, found),
            RowType::Unsupported => {
                if !row.name.is_empty() {
                    self.left_out.insert(row.name.clone());
                }
                found.notice(
                    type_place,
                    format!("the question type {:?} is not supported; this row was left out", row.raw_type),
                );
                return;
            }
            RowType::Include => {
                found.error(type_place, "`include` pulls rows from another form file, which is not part of this workbook; copy those rows into this survey");
                return;
            }
            RowType::Unknown => {
                found.error(type_place, format!("unknown type {:?}", row.raw_type));
                return;
            }
            RowType::Integer => Kind::Integer,
            RowType::Decimal => Kind::Decimal,
            RowType::Text => Kind::Text,
            RowType::Date => Kind::Date,
            RowType::File => Kind::File,
            RowType::Image => Kind::Image,
            RowType::Select { multiple, list, or_other } => {
                let Some(kind) = self.select_kind(row, multiple, list.clone(), type_place, found) else {
                    return;
                };
                self.question(row, kind, found);
                if or_other {
                    self.or_other_question(row, list, found);
                }
                return;
            }
        };
        self.question(row, kind, found);
    }

    /// "Or other", as the reference converter reads it: the list gains an `other` choice, and a
    /// text question `<name>_other` follows, asked when `other` is chosen.
    fn or_other_question(&mut self, row: &Row<'_>, list: String, found: &mut Findings) {
        let Ok(select) = FieldName::parse(&row.name) else { return };
        let place = self.place(row, Some(self.name_column));
        let Ok(name) = FieldName::parse(&format!("{select}_other")) else { return };
        let number = self.survey.row_number(row.index);
        if let Some(first) = self.seen.insert(name.to_string(), number) {
            found.error(
                place,
                format!("\"or other\" adds the question {name}, whose name is already used on row {first}"),
            );
            return;
        }
        self.place_of.insert(name.to_string(), place);
        self.or_other.insert(list);
        let relevant = Condition::parse(&format!("selected(${{{select}}}, '{OTHER}')")).ok();
        let label = Texts::new("Specify other.", "Especifique otro.", "Précisez autre.");
        let question = Question { relevant, ..Question::new(name, Kind::Text, label) };
        push_item(&mut self.stack, Item::Question(question));
    }

    /// The row's name, checked and registered (each name once in the survey).
    fn named(&mut self, row: &Row<'_>, found: &mut Findings) -> Option<FieldName> {
        let place = self.place(row, Some(self.name_column));
        if row.name.is_empty() {
            found.error(place, format!("this {} row has no name", row.raw_type));
            return None;
        }
        let name = match FieldName::parse(&row.name) {
            Ok(name) => name,
            Err(e) => {
                found.error(place, e);
                return None;
            }
        };
        let number = self.survey.row_number(row.index);
        if let Some(first) = self.seen.insert(name.to_string(), number) {
            found.error(place.clone(), format!("the name {name} is already used on row {first}"));
        }
        self.place_of.insert(name.to_string(), place);
        Some(name)
    }

    /// A condition column of the row (`relevant`, `constraint`): none when empty, left out with
    /// a notice when it uses what smartcities does not evaluate.
    fn condition(&self, row: &Row<'_>, base: &str, found: &mut Findings) -> Option<Condition> {
        let column = self.column_of(base)?;
        let source = typographic_quotes(&self.survey.cell(row.cells, column));
        if source.is_empty() {
            return None;
        }
        match Condition::parse(&source) {
            Ok(c) => Some(c),
            Err(e) if e.unsupported => {
                found.notice(
                    self.place(row, Some(column)),
                    format!("{}; this {base} condition was left out", e.message),
                );
                None
            }
            Err(e) => {
                found.error(
                    self.place(row, Some(column)),
                    format!("the expression {source:?} cannot be read: {e}"),
                );
                None
            }
        }
    }

    fn begin_group(&mut self, row: &Row<'_>, repeat: bool, looped: bool, found: &mut Findings) {
        if looped {
            found.notice(
                self.place(row, Some(self.type_column)),
                "loops are not supported; the loop's questions were imported once, as a group",
            );
        }
        let Some(name) = self.named(row, found) else { return };
        let relevant = self.condition(row, "relevant", found);
        let label = self.survey.texts(row.cells, "label", self.default_language);
        let other_texts = self.survey.other_texts(row.cells);
        self.stack.push(Frame::Group {
            group: Group { name, label, repeat, relevant, items: Vec::new(), other_texts },
            row: row.index,
        });
    }

    fn end_group(&mut self, type_place: Place, found: &mut Findings) {
        match self.stack.pop() {
            Some(Frame::Group { group, .. }) => push_item(&mut self.stack, Item::Group(group)),
            Some(root) => {
                self.stack.push(root);
                found.error(type_place, "this row ends a group that was never begun");
            }
            None => unreachable!("the root frame stays"),
        }
    }

    fn note(&mut self, row: &Row<'_>, found: &mut Findings) {
        let Some(name) = self.named(row, found) else { return };
        let relevant = self.condition(row, "relevant", found);
        let label = self.survey.texts(row.cells, "label", self.default_language);
        let other_texts = self.survey.other_texts(row.cells);
        push_item(&mut self.stack, Item::Note(Note { name, label, relevant, other_texts }));
    }

    fn calculate(&mut self, row: &Row<'_>, found: &mut Findings) {
        let Some(name) = self.named(row, found) else { return };
        let Some(column) = self.column_of("calculation") else {
            found.error(self.place(row, Some(self.type_column)), "this calculate row has no calculation");
            return;
        };
        let source = typographic_quotes(&self.survey.cell(row.cells, column));
        if source.is_empty() {
            found.error(self.place(row, Some(column)), "this calculate row has no calculation");
            return;
        }
        match Condition::parse(&source) {
            Ok(calculation) => {
                let relevant = self.condition(row, "relevant", found);
                push_item(&mut self.stack, Item::Calculate(Calculation { name, calculation, relevant }))
            }
            // The reference converter does not read calculations either: one that cannot be
            // evaluated here is left out, as unanswered, not refused.
            Err(e) => {
                self.left_out.insert(name.to_string());
                let why = if e.unsupported {
                    e.message
                } else {
                    format!("the expression {source:?} cannot be read: {e}")
                };
                found.notice(self.place(row, Some(column)), format!("{why}; this calculation was left out"));
            }
        }
    }

    /// The kind of a select question: yes/no, ordinal (a likert appearance), one or several
    /// choices of a list the choices sheet holds.
    fn select_kind(
        &self,
        row: &Row<'_>,
        multiple: bool,
        list: String,
        type_place: Place,
        found: &mut Findings,
    ) -> Option<Kind> {
        let Some(items) = self.lists.get(&list) else {
            found.error(type_place, format!("the choice list {list:?} is not on the choices sheet"));
            return None;
        };
        let appearance = self
            .column_of("appearance")
            .map(|c| self.survey.cell(row.cells, c).to_lowercase())
            .unwrap_or_default();
        let yes_no = list == YES_NO
            && items.len() == 2
            && items.iter().any(|c| c.name == "yes")
            && items.iter().any(|c| c.name == "no");
        Some(match (multiple, yes_no) {
            (false, _) if appearance.contains("likert") => Kind::Ordinal { list },
            (false, true) => Kind::YesNo,
            (false, false) => Kind::SelectOne { list },
            (true, _) => Kind::SelectMultiple { list },
        })
    }

    /// Whether the question must be answered: yes or no; a condition is not supported.
    fn required(&self, row: &Row<'_>, found: &mut Findings) -> bool {
        match self.column_of("required").map(|c| (c, self.survey.cell(row.cells, c).to_lowercase())) {
            None => false,
            Some((_, v)) if v.is_empty() || v == "no" || v == "false" || v == "false()" => false,
            Some((_, v)) if v == "yes" || v == "true" || v == "true()" => true,
            Some((c, v)) => {
                found.notice(
                    self.place(row, Some(c)),
                    format!("a conditional `required` ({v}) is not supported; the question is optional"),
                );
                false
            }
        }
    }

    /// The question's own `non_answers` setting, if its cell says one.
    fn non_answers(&self, row: &Row<'_>, found: &mut Findings) -> Option<NonAnswers> {
        let column = self.column_of("non_answers")?;
        match NonAnswers::parse(&self.survey.cell(row.cells, column)) {
            Ok(read) => read,
            Err(word) => {
                found.error(self.place(row, Some(column)), non_answers_problem(&word));
                None
            }
        }
    }

    /// The choice filter of a select question, if it has one smartcities evaluates.
    fn choice_filter(&self, row: &Row<'_>, kind: &Kind, found: &mut Findings) -> Option<Condition> {
        let column = self.column_of("choice_filter").filter(|_| kind.list().is_some())?;
        let source = typographic_quotes(&self.survey.cell(row.cells, column));
        if source.is_empty() {
            return None;
        }
        match Condition::parse_filter(&source) {
            Ok(filter) => Some(filter),
            Err(e) if e.unsupported => {
                found
                    .notice(self.place(row, Some(column)), format!("{}; every choice is offered", e.message));
                None
            }
            Err(e) => {
                found.error(
                    self.place(row, Some(column)),
                    format!("the choice filter {source:?} cannot be read: {e}"),
                );
                None
            }
        }
    }

    fn question(&mut self, row: &Row<'_>, kind: Kind, found: &mut Findings) {
        let Some(name) = self.named(row, found) else { return };
        let label = self.survey.texts(row.cells, "label", self.default_language);
        if label.is_empty() {
            let place = self.place(row, self.column_of("label"));
            found.error(place, format!("the question {name} has no label"));
        }
        let required = self.required(row, found);
        let default =
            self.column_of("default").map(|c| self.survey.cell(row.cells, c)).filter(|v| !v.is_empty());
        let choice_filter = self.choice_filter(row, &kind, found);
        let question = Question {
            name,
            kind,
            label,
            hint: self.survey.texts(row.cells, "hint", self.default_language),
            required,
            relevant: self.condition(row, "relevant", found),
            constraint: self.condition(row, "constraint", found),
            constraint_message: self.survey.texts(row.cells, "constraint_message", self.default_language),
            default,
            choice_filter,
            other_texts: self.survey.other_texts(row.cells),
            non_answers: self.non_answers(row, found),
        };
        push_item(&mut self.stack, Item::Question(question));
    }
}
