//! Writing the workbook: instructions, the hidden choice lists, the questions sheet and one
//! sheet per repeat group.

use std::collections::HashMap;

use rust_xlsxwriter::{
    DataValidation, DataValidationErrorStyle, DataValidationRule, Format, Formula, Workbook, Worksheet,
    XlsxError,
};
use smartcities_domain::Lang;

use super::{Answers, META, WorkbookFor, bounds, display, repeat_groups, sheet_name, words};
use crate::{
    model::{Group, Kind, Question, Questionnaire},
    workbook::column_letter,
};

/// Where a choice list sits on the hidden `Lists` sheet.
struct ListRange {
    column: u16,
    len: usize,
}

/// What every sheet is written with: the form, the language, the formats and the lists.
struct Writer<'a> {
    questionnaire: &'a Questionnaire,
    lang: Lang,
    bold: Format,
    wrap: Format,
    code: Format,
    answer: Format,
    ranges: HashMap<String, ListRange>,
}

/// Writes the workbook for one city's response.
pub fn write_answer_workbook(
    questionnaire: &Questionnaire,
    answers: &Answers,
    target: &WorkbookFor,
) -> Result<Vec<u8>, XlsxError> {
    let mut workbook = Workbook::new();
    let mut writer = Writer {
        questionnaire,
        lang: target.lang,
        bold: Format::new().set_bold(),
        wrap: Format::new().set_text_wrap(),
        code: Format::new().set_font_color("#6b7280").set_font_size(9),
        answer: Format::new()
            .set_background_color("#fff7d6")
            .set_border(rust_xlsxwriter::FormatBorder::Thin)
            .set_text_wrap(),
        ranges: HashMap::new(),
    };
    writer.instructions(workbook.add_worksheet(), target)?;
    writer.lists(workbook.add_worksheet())?;
    writer.questions(workbook.add_worksheet(), answers)?;
    for group in repeat_groups(&questionnaire.items) {
        writer.repeat(workbook.add_worksheet(), group, answers)?;
    }
    workbook.save_to_buffer()
}

impl Writer<'_> {
    /// A text in the workbook's language, or the form's default.
    fn text<'t>(&self, texts: &'t crate::model::Texts) -> &'t str {
        texts.get(self.lang, self.questionnaire.default_language)
    }

    /// The first sheet: how to fill the workbook in, and which response it is for.
    fn instructions(&self, sheet: &mut Worksheet, target: &WorkbookFor) -> Result<(), XlsxError> {
        let lang = self.lang;
        sheet.set_name(words(lang, "Instructions", "Instrucciones", "Instructions"))?;
        sheet.set_column_width(0, 24)?;
        sheet.set_column_width(1, 90)?;
        sheet.write_string_with_format(0, 0, self.text(&self.questionnaire.title), &self.bold)?;
        let lines = [
            words(
                lang,
                "Answer in the yellow Answer column of the Questionnaire sheet. Choose options from the drop-down lists; for several choices, separate them with semicolons (;). Leave a figure blank when it is not available.",
                "Responda en la columna amarilla Respuesta de la hoja Cuestionario. Elija las opciones en las listas desplegables; si son varias, sepárelas con punto y coma (;). Deje en blanco una cifra que no esté disponible.",
                "Répondez dans la colonne jaune Réponse de la feuille Questionnaire. Choisissez les options dans les listes déroulantes ; pour plusieurs choix, séparez-les par des points-virgules (;). Laissez vide un chiffre qui n'est pas disponible.",
            ),
            words(
                lang,
                "Good practices and barriers and enablers have their own sheets: one row per entry. Add rows at the end; delete a row to remove an entry.",
                "Las buenas prácticas y las barreras y facilitadores tienen hojas propias: una fila por entrada. Añada filas al final; borre una fila para eliminar una entrada.",
                "Les bonnes pratiques et les freins et leviers ont leurs propres feuilles : une ligne par entrée. Ajoutez des lignes à la fin ; supprimez une ligne pour retirer une entrée.",
            ),
            words(
                lang,
                "Upload the file on the questionnaire page when you are done. If anything is wrong, nothing is saved and each problem is listed with its sheet, row and column.",
                "Suba el archivo en la página del cuestionario cuando termine. Si hay algún error, no se guarda nada y cada problema se indica con su hoja, fila y columna.",
                "Téléversez le fichier sur la page du questionnaire lorsque vous avez terminé. En cas d'erreur, rien n'est enregistré et chaque problème est indiqué avec sa feuille, sa ligne et sa colonne.",
            ),
        ];
        sheet.write_string_with_format(2, 0, words(lang, "City", "Ciudad", "Ville"), &self.bold)?;
        sheet.write_string(2, 1, &target.city_name)?;
        for (i, line) in lines.iter().enumerate() {
            sheet.write_string_with_format(4 + i as u32, 1, *line, &self.wrap)?;
        }
        let meta_values = [
            target.edition.to_string(),
            target.city_id.clone(),
            target.revision.to_string(),
            lang.code().to_string(),
        ];
        for (i, (key, value)) in META.iter().zip(meta_values).enumerate() {
            sheet.write_string_with_format(20 + i as u32, 0, *key, &self.code)?;
            sheet.write_string_with_format(20 + i as u32, 1, value, &self.code)?;
        }
        Ok(())
    }

    /// The choice lists on a hidden sheet, one column per list, for the drop-downs.
    fn lists(&mut self, sheet: &mut Worksheet) -> Result<(), XlsxError> {
        sheet.set_name("Lists")?;
        for (column, (name, items)) in self.questionnaire.lists.iter().enumerate() {
            let column = column as u16;
            sheet.write_string(0, column, name)?;
            for (row, item) in items.iter().enumerate() {
                sheet.write_string(row as u32 + 1, column, self.text(&item.label))?;
            }
            self.ranges.insert(name.clone(), ListRange { column, len: items.len() });
        }
        sheet.set_hidden(true);
        Ok(())
    }

    /// A drop-down of the question's choices (one choice only: several are typed with `;`), or
    /// the range its constraint allows for a number.
    fn validation(&self, question: &Question) -> Option<DataValidation> {
        if let Some(list) = question.kind.list() {
            if matches!(question.kind, Kind::SelectMultiple { .. }) {
                return None;
            }
            let range = self.ranges.get(list)?;
            let letter = column_letter(u32::from(range.column));
            return Some(DataValidation::new().allow_list_formula(Formula::new(format!(
                "=Lists!${letter}$2:${letter}${}",
                range.len + 1
            ))));
        }
        let (low, high) = question.constraint.as_ref().map_or((None, None), |c| bounds(&c.expr));
        match question.kind {
            Kind::Integer => {
                let rule = match (low, high) {
                    (Some(a), Some(b)) => DataValidationRule::Between(a as i32, b as i32),
                    (Some(a), None) => DataValidationRule::GreaterThanOrEqualTo(a as i32),
                    (None, Some(b)) => DataValidationRule::LessThanOrEqualTo(b as i32),
                    (None, None) => DataValidationRule::Between(i32::MIN, i32::MAX),
                };
                Some(DataValidation::new().allow_whole_number(rule))
            }
            Kind::Decimal => {
                let rule = match (low, high) {
                    (Some(a), Some(b)) => DataValidationRule::Between(a, b),
                    (Some(a), None) => DataValidationRule::GreaterThanOrEqualTo(a),
                    (None, Some(b)) => DataValidationRule::LessThanOrEqualTo(b),
                    (None, None) => DataValidationRule::Between(-1e300, 1e300),
                };
                Some(DataValidation::new().allow_decimal_number(rule))
            }
            _ => None,
        }
    }

    /// An answer cell: numbers as numbers, choices by their labels.
    fn value(
        &self,
        sheet: &mut Worksheet,
        row: u32,
        col: u16,
        question: &Question,
        value: &str,
    ) -> Result<(), XlsxError> {
        let shown = display(self.questionnaire, question, value, self.lang);
        let numeric = matches!(question.kind, Kind::Integer | Kind::Decimal);
        match shown.parse::<f64>() {
            Ok(n) if numeric => sheet.write_number_with_format(row, col, n, &self.answer)?,
            _ if shown.is_empty() => sheet.write_blank(row, col, &self.answer)?,
            _ => sheet.write_string_with_format(row, col, shown, &self.answer)?,
        };
        Ok(())
    }

    /// The questions sheet: one row per question outside repeat groups, the answer in column E.
    fn questions(&self, sheet: &mut Worksheet, answers: &Answers) -> Result<(), XlsxError> {
        let lang = self.lang;
        sheet.set_name(words(lang, "Questionnaire", "Cuestionario", "Questionnaire"))?;
        let headers = [
            "code",
            words(lang, "Section", "Sección", "Section"),
            words(lang, "Question", "Pregunta", "Question"),
            words(lang, "Help", "Ayuda", "Aide"),
            words(lang, "Answer", "Respuesta", "Réponse"),
            words(lang, "Options", "Opciones", "Options"),
        ];
        for (col, title) in headers.iter().enumerate() {
            sheet.write_string_with_format(0, col as u16, *title, &self.bold)?;
        }
        for (col, width) in [14.0, 28.0, 60.0, 30.0, 30.0, 50.0].iter().enumerate() {
            sheet.set_column_width(col as u16, *width)?;
        }
        sheet.set_freeze_panes(1, 0)?;
        let mut row = 1;
        for located in self.questionnaire.questions() {
            // Files are uploaded on the web; a workbook cannot carry them.
            if located.repeat().is_some() || located.question.kind.takes_file() {
                continue;
            }
            let question = located.question;
            let section: Vec<&str> = located.groups.iter().map(|g| self.text(&g.label)).collect();
            sheet.write_string_with_format(row, 0, question.name.as_str(), &self.code)?;
            sheet.write_string_with_format(row, 1, section.join(" › "), &self.wrap)?;
            sheet.write_string_with_format(row, 2, self.text(&question.label), &self.wrap)?;
            sheet.write_string_with_format(row, 3, self.text(&question.hint), &self.wrap)?;
            let value = answers.values.get(question.name.as_str()).map_or("", String::as_str);
            self.value(sheet, row, 4, question, value)?;
            let mut options: Vec<&str> =
                self.questionnaire.choices(question).iter().map(|c| self.text(&c.label)).collect();
            // "Don't know" and "not applicable" are typed as their words, listed with the options.
            let non_answers = self.questionnaire.non_answers_for(question).offered();
            options.extend(non_answers.iter().map(|n| n.words(self.lang)));
            if !options.is_empty() {
                sheet.write_string_with_format(row, 5, options.join("; "), &self.wrap)?;
            }
            if let Some(validation) = self.validation(question) {
                // Where a non-answer may be typed instead, the check warns instead of stopping.
                let validation = match non_answers.is_empty() {
                    true => validation,
                    false => validation.set_error_style(DataValidationErrorStyle::Warning),
                };
                sheet.add_data_validation(row, 4, row, 4, &validation)?;
            }
            row += 1;
        }
        Ok(())
    }

    /// A repeat group's sheet: its name and field names in row 1, labels in row 2, one row per
    /// entry with its id in column A.
    fn repeat(&self, sheet: &mut Worksheet, group: &Group, answers: &Answers) -> Result<(), XlsxError> {
        sheet.set_name(sheet_name(self.text(&group.label)))?;
        let fields: Vec<_> =
            group.questions_in_entry().into_iter().filter(|q| !q.kind.takes_file()).collect();
        sheet.write_string_with_format(0, 0, group.name.as_str(), &self.code)?;
        sheet.write_string_with_format(1, 0, "id", &self.bold)?;
        sheet.set_column_width(0, 6)?;
        for (i, field) in fields.iter().enumerate() {
            let col = i as u16 + 1;
            sheet.write_string_with_format(0, col, field.name.as_str(), &self.code)?;
            sheet.write_string_with_format(1, col, self.text(&field.label), &self.bold)?;
            sheet.set_column_width(col, 32)?;
            // Drop-downs and ranges for the existing rows and a hundred more.
            if let Some(validation) = self.validation(field) {
                sheet.add_data_validation(2, col, 102, col, &validation)?;
            }
        }
        sheet.set_freeze_panes(2, 1)?;
        let entries = answers.entries.get(group.name.as_str()).map_or(&[][..], Vec::as_slice);
        for (r, (id, values)) in entries.iter().enumerate() {
            let row = r as u32 + 2;
            sheet.write_number(row, 0, *id as f64)?;
            for (i, field) in fields.iter().enumerate() {
                let value = values.get(field.name.as_str()).map_or("", String::as_str);
                self.value(sheet, row, i as u16 + 1, field, value)?;
            }
        }
        Ok(())
    }
}
