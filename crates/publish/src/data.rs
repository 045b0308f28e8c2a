//! The open data of a published version, as a Frictionless Data Package: the accepted answers,
//! the findings, the practices, the barriers and enablers, the cities and a codebook, each as
//! CSV with its table schema, all of them again as sheets of one XLSX workbook, and the whole
//! published edition as JSON.

use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, Workbook};
use serde_json::json;
use smartcities_analysis::{Detail, Summary};
use smartcities_domain::Lang;

use crate::{File, snapshot::Snapshot};

/// A cell of a published table.
#[derive(Debug, Clone, PartialEq)]
enum Cell {
    Text(String),
    Integer(i64),
    Number(f64),
    Boolean(bool),
    Missing,
}

impl Cell {
    fn csv(&self) -> String {
        match self {
            Cell::Text(s) => s.clone(),
            Cell::Integer(n) => n.to_string(),
            Cell::Number(x) => format!("{x}"),
            Cell::Boolean(b) => b.to_string(),
            Cell::Missing => String::new(),
        }
    }
}

fn text(s: impl Into<String>) -> Cell {
    Cell::Text(s.into())
}

fn number(x: Option<f64>) -> Cell {
    x.filter(|x| x.is_finite()).map_or(Cell::Missing, Cell::Number)
}

/// A column: its name, its Table Schema type and what it holds.
struct Field {
    name: &'static str,
    kind: &'static str,
    description: &'static str,
}

const fn field(name: &'static str, kind: &'static str, description: &'static str) -> Field {
    Field { name, kind, description }
}

/// A published table.
struct Table {
    name: &'static str,
    title: &'static str,
    fields: &'static [Field],
    rows: Vec<Vec<Cell>>,
}

const ANSWERS: &[Field] = &[
    field("city_id", "string", "The city's id in the study's registry."),
    field("question", "string", "The question's code (see codebook.csv)."),
    field(
        "entry",
        "string",
        "For repeated groups (practices, barriers and enablers): group and entry number; empty otherwise.",
    ),
    field(
        "value",
        "string",
        "The answer as stored: a number, a choice code, codes separated by spaces, text, or ~dont_know / ~not_applicable for a city that did not know or to which the question did not apply.",
    ),
];

const FINDINGS: &[Field] = &[
    field("question", "string", "The question's code."),
    field("axis", "string", "The axis the question belongs to."),
    field("kind", "string", "yes_no, single_choice, multiple_choice, ordinal, numeric or text."),
    field("dimension", "string", "all, section, population or metropolis."),
    field("group", "string", "The group of cities within the dimension; empty for all."),
    field("invited", "integer", "Cities invited in the group."),
    field(
        "answering",
        "integer",
        "Cities in the group that answered the question with a value: the n of the shares.",
    ),
    field("dont_know", "integer", "Cities in the group that answered \"don't know\"; not in answering."),
    field(
        "not_applicable",
        "integer",
        "Cities in the group to which the question did not apply; not in answering.",
    ),
    field(
        "option",
        "string",
        "The choice code, or the statistic (n, min, q1, median, q3, max, mean) for numbers.",
    ),
    field("count", "integer", "Cities giving the answer (choices)."),
    field("share", "number", "Their share of the cities answering, 0-1; empty where fewer than 5 answered."),
    field("low", "number", "Lower bound of the share's 95 % Wilson interval."),
    field("high", "number", "Upper bound of the share's 95 % Wilson interval."),
    field("value", "number", "The statistic's value (numbers)."),
];

const PRACTICES: &[Field] = &[
    field("city_id", "string", "The city that runs the practice."),
    field("practice_id", "string", "Its id in the catalogue; its page is /practices/{practice_id}."),
    field("title", "string", "Its title, in the language it was written in."),
    field("summary", "string", "Its summary, in the same language."),
    field("original_language", "string", "The language it was written in: es, en or fr."),
    field("title_es", "string", "Its title in Spanish; empty where it has no Spanish text."),
    field("title_en", "string", "Its title in English; empty where it has no English text."),
    field("title_fr", "string", "Its title in French; empty where it has no French text."),
    field("summary_es", "string", "Its summary in Spanish; empty where it has no Spanish text."),
    field("summary_en", "string", "Its summary in English; empty where it has no English text."),
    field("summary_fr", "string", "Its summary in French; empty where it has no French text."),
    field("axis", "string", "The axis it belongs to."),
    field("sdgs", "string", "The SDG goals (1-17) it is linked to, separated by spaces."),
];

const BARRIERS: &[Field] = &[
    field("kind", "string", "barrier or enabler."),
    field("category", "string", "The category's code (see codebook.csv, question be_category)."),
    field("axis", "string", "The axis it was cited for; empty for all axes."),
    field("cities", "integer", "Cities citing it."),
    field("share", "number", "Their share of the answering cities, 0-1."),
    field("low", "number", "Lower bound of the 95 % Wilson interval."),
    field("high", "number", "Upper bound of the 95 % Wilson interval."),
    field("mean_importance", "number", "Mean importance given to it, 1-5."),
];

const THEMES: &[Field] = &[
    field("group", "string", "barrier, enabler, trend or technology."),
    field("theme", "string", "The codebook category's code."),
    field("label_en", "string", "Its name in English."),
    field("label_es", "string", "Its name in Spanish."),
    field("label_fr", "string", "Its name in French."),
    field("cities", "integer", "Cities whose written answers raise it."),
    field("answers", "integer", "Written answers coded with it."),
    field("share", "number", "The cities' share of the answering cities, 0-1."),
    field("low", "number", "Lower bound of the 95 % Wilson interval."),
    field("high", "number", "Upper bound of the 95 % Wilson interval."),
];

const PAST_FIGURES: &[Field] = &[
    field("edition", "integer", "The earlier edition whose report published the figure."),
    field("code", "string", "The figure's code within that edition."),
    field("axis", "string", "The study axis it belongs to, if any."),
    field("label_en", "string", "What it measures, in English (empty when not translated)."),
    field("label_es", "string", "What it measures, in Spanish (empty when not translated)."),
    field("label_fr", "string", "What it measures, in French (empty when not translated)."),
    field("original", "string", "The language the label was written in."),
    field("kind", "string", "share (of cities, 0-1), count, or value (with its unit)."),
    field("value", "number", "The number as the report gave it (a share from 0 to 1)."),
    field("unit", "string", "The unit of a value."),
    field("base", "integer", "The answering cities it rests on, when the report says."),
    field("question", "string", "A later edition's question it corresponds to, if any."),
    field("source", "string", "Where it was published."),
    field("page", "integer", "The page of the source."),
    field("illustrative", "boolean", "Made up for a demonstration, not stated by a report."),
];

fn past_figures(s: &Snapshot) -> Vec<Vec<Cell>> {
    let label =
        |f: &smartcities_domain::PublishedFigure, lang| f.label.exactly(lang).map_or(Cell::Missing, text);
    s.history
        .iter()
        .flat_map(|past| past.figures.iter().map(move |f| (past.year, f)))
        .map(|(year, f)| {
            let unit = match &f.value {
                smartcities_domain::FigureValue::Value { unit, .. } => text(unit),
                _ => Cell::Missing,
            };
            vec![
                Cell::Integer(i64::from(year)),
                text(&f.code),
                f.axis.map_or(Cell::Missing, |a| text(a.slug())),
                label(f, Lang::En),
                label(f, Lang::Es),
                label(f, Lang::Fr),
                text(f.label.original.code()),
                text(f.value.kind()),
                Cell::Number(f.value.number()),
                unit,
                f.base.map_or(Cell::Missing, |b| Cell::Integer(i64::from(b))),
                f.question.as_deref().map_or(Cell::Missing, text),
                text(&f.source.document),
                f.source.page.map_or(Cell::Missing, |p| Cell::Integer(i64::from(p))),
                Cell::Boolean(f.illustrative),
            ]
        })
        .collect()
}

const CITIES: &[Field] = &[
    field("city_id", "string", "The city's id."),
    field("name", "string", "Its name in English."),
    field("name_es", "string", "Its name in Spanish; the English name where Spanish has no other."),
    field("name_fr", "string", "Its name in French; the English name where French has no other."),
    field("country", "string", "ISO 3166-1 alpha-2 code."),
    field("section", "string", "Its UCLG world section."),
    field("population", "integer", "Its population."),
    field("population_year", "integer", "The year of the population figure."),
    field("metropolis", "boolean", "Whether it is a member of Metropolis."),
    field("latitude", "number", "Latitude, degrees (WGS 84)."),
    field("longitude", "number", "Longitude, degrees (WGS 84)."),
];

const CODEBOOK: &[Field] = &[
    field("question", "string", "The question's code."),
    field("choice", "string", "A choice's code; empty on the question's own row."),
    field("axis", "string", "The axis (top group) the question belongs to."),
    field("kind", "string", "The question's XLSForm type."),
    field("label_en", "string", "Label in English."),
    field("label_es", "string", "Label in Spanish."),
    field("label_fr", "string", "Label in French."),
];

fn answers(s: &Snapshot) -> Vec<Vec<Cell>> {
    s.answers
        .iter()
        .flat_map(|city| {
            city.answers.iter().map(|a| {
                vec![
                    text(city.city.as_str()),
                    text(&a.question),
                    text(smartcities_questionnaire::EntryKey::column(a.entry.as_ref())),
                    text(a.value.as_str()),
                ]
            })
        })
        .collect()
}

fn summary_rows(
    q: &smartcities_analysis::QuestionSummary,
    dimension: &str,
    group: &str,
    summary: &Summary,
) -> Vec<Vec<Cell>> {
    let head = |option: &str| {
        vec![
            text(&q.code),
            text(&q.axis),
            text(&q.kind),
            text(dimension),
            text(group),
            Cell::Integer(summary.invited as i64),
            Cell::Integer(summary.answering as i64),
            Cell::Integer(summary.dont_know as i64),
            Cell::Integer(summary.not_applicable as i64),
            text(option),
        ]
    };
    match &summary.detail {
        Detail::Shares { options } | Detail::Ordinal { levels: options, .. } => options
            .iter()
            .map(|o| {
                let mut row = head(&o.code);
                row.extend([
                    Cell::Integer(o.count as i64),
                    number(o.share),
                    number(o.low),
                    number(o.high),
                    Cell::Missing,
                ]);
                row
            })
            .collect(),
        Detail::Numeric { values: Some(n), .. } => [
            ("n", n.n as f64),
            ("min", n.min),
            ("q1", n.q1),
            ("median", n.median),
            ("q3", n.q3),
            ("max", n.max),
            ("mean", n.mean),
        ]
        .iter()
        .map(|(stat, value)| {
            let mut row = head(stat);
            row.extend([Cell::Missing, Cell::Missing, Cell::Missing, Cell::Missing, number(Some(*value))]);
            row
        })
        .collect(),
        Detail::Numeric { values: None, .. } | Detail::Text | Detail::Dates { .. } => {
            let mut row = head("");
            row.extend([Cell::Missing, Cell::Missing, Cell::Missing, Cell::Missing, Cell::Missing]);
            vec![row]
        }
    }
}

fn findings(s: &Snapshot) -> Vec<Vec<Cell>> {
    let mut rows = Vec::new();
    for q in &s.results.questions {
        rows.extend(summary_rows(q, "all", "", &q.overall));
        for b in &q.breakdowns {
            for g in &b.groups {
                rows.extend(summary_rows(q, &b.dimension, &g.group, &g.summary));
            }
        }
    }
    rows
}

fn practices(s: &Snapshot) -> Vec<Vec<Cell>> {
    s.practices()
        .into_iter()
        .map(|p| {
            vec![
                text(p.city.as_str()),
                text(p.id),
                text(p.title.get(p.title.original).0),
                text(p.summary.get(p.title.original).0),
                text(p.title.original.code()),
                text(p.title.exactly(Lang::Es).unwrap_or_default()),
                text(p.title.exactly(Lang::En).unwrap_or_default()),
                text(p.title.exactly(Lang::Fr).unwrap_or_default()),
                text(p.summary.exactly(Lang::Es).unwrap_or_default()),
                text(p.summary.exactly(Lang::En).unwrap_or_default()),
                text(p.summary.exactly(Lang::Fr).unwrap_or_default()),
                text(p.axis),
                text(p.sdgs.iter().map(ToString::to_string).collect::<Vec<_>>().join(" ")),
            ]
        })
        .collect()
}

fn barriers(s: &Snapshot) -> Vec<Vec<Cell>> {
    let be = &s.results.barriers_enablers;
    let mut rows = Vec::new();
    let overall = be.overall.iter().map(|c| ("", c));
    let by_axis = be.by_axis.iter().flat_map(|(axis, items)| items.iter().map(move |c| (axis.as_str(), c)));
    for (axis, c) in overall.chain(by_axis) {
        rows.push(vec![
            text(&c.kind),
            text(&c.category),
            text(axis),
            Cell::Integer(c.cities as i64),
            number(c.share),
            number(c.low),
            number(c.high),
            number(c.mean_importance),
        ]);
    }
    rows
}

fn themes(s: &Snapshot) -> Vec<Vec<Cell>> {
    let Some(codebook) = &s.codebook else { return Vec::new() };
    crate::view::themes::counts(codebook, &s.results)
        .into_iter()
        .map(|c| {
            let label = |lang: Lang| {
                codebook.categories.iter().find(|k| k.code == c.code).map_or("", |k| k.label.get(lang))
            };
            vec![
                text(c.group.slug()),
                text(&c.code),
                text(label(Lang::En)),
                text(label(Lang::Es)),
                text(label(Lang::Fr)),
                Cell::Integer(c.cities as i64),
                Cell::Integer(c.answers as i64),
                number(c.share),
                number(c.interval.map(|i| i.0)),
                number(c.interval.map(|i| i.1)),
            ]
        })
        .collect()
}

fn cities(s: &Snapshot) -> Vec<Vec<Cell>> {
    let mut answering = s.answering();
    answering.sort_by(|a, b| a.id.cmp(&b.id));
    answering
        .into_iter()
        .map(|c| {
            vec![
                text(c.id.as_str()),
                text(&c.name),
                text(c.name_in(Lang::Es)),
                text(c.name_in(Lang::Fr)),
                text(c.country.as_str()),
                text(c.section.slug()),
                if c.population.count > 0 { Cell::Integer(c.population.count as i64) } else { Cell::Missing },
                c.population.year.map_or(Cell::Missing, |y| Cell::Integer(i64::from(y))),
                Cell::Boolean(c.metropolis),
                Cell::Number(c.location.latitude),
                Cell::Number(c.location.longitude),
            ]
        })
        .collect()
}

fn codebook(s: &Snapshot) -> Vec<Vec<Cell>> {
    let q = &s.questionnaire;
    let label =
        |texts: &smartcities_questionnaire::Texts, lang: Lang| text(texts.get(lang, q.default_language));
    let mut rows = Vec::new();
    for located in q.questions() {
        let question = located.question;
        let axis = located.groups.first().map_or(String::new(), |g| g.name.to_string());
        let kind = question.kind.xlsform_type();
        rows.push(vec![
            text(question.name.as_str()),
            text(""),
            text(&axis),
            text(&kind),
            label(&question.label, Lang::En),
            label(&question.label, Lang::Es),
            label(&question.label, Lang::Fr),
        ]);
        for choice in q.choices(question) {
            rows.push(vec![
                text(question.name.as_str()),
                text(&choice.name),
                text(&axis),
                text(&kind),
                label(&choice.label, Lang::En),
                label(&choice.label, Lang::Es),
                label(&choice.label, Lang::Fr),
            ]);
        }
    }
    rows
}

fn tables(s: &Snapshot) -> Vec<Table> {
    vec![
        Table {
            name: "answers",
            title: "Accepted answers, one row per answer",
            fields: ANSWERS,
            rows: answers(s),
        },
        Table {
            name: "findings",
            title: "Findings per question, overall and by section, population band and Metropolis membership",
            fields: FINDINGS,
            rows: findings(s),
        },
        Table {
            name: "practices",
            title: "Good practices put forward by the cities",
            fields: PRACTICES,
            rows: practices(s),
        },
        Table {
            name: "barriers_enablers",
            title: "Barriers and enablers cited, overall and by axis",
            fields: BARRIERS,
            rows: barriers(s),
        },
        Table {
            name: "themes",
            title: "Themes coded in the cities' written answers, with the cities raising each",
            fields: THEMES,
            rows: themes(s),
        },
        Table { name: "cities", title: "Participating cities", fields: CITIES, rows: cities(s) },
        Table {
            name: "codebook",
            title: "Questions and choices, with their labels",
            fields: CODEBOOK,
            rows: codebook(s),
        },
        Table {
            name: "past_figures",
            title: "Figures earlier editions' reports published, with their sources",
            fields: PAST_FIGURES,
            rows: past_figures(s),
        },
    ]
}

fn csv_bytes(table: &Table) -> Result<Vec<u8>, String> {
    let mut writer = csv::Writer::from_writer(Vec::new());
    writer.write_record(table.fields.iter().map(|f| f.name)).map_err(|e| e.to_string())?;
    for row in &table.rows {
        writer.write_record(row.iter().map(Cell::csv)).map_err(|e| e.to_string())?;
    }
    writer.into_inner().map_err(|e| e.to_string())
}

fn workbook(tables: &[Table], published_on: &str) -> Result<Vec<u8>, String> {
    let error = |e: rust_xlsxwriter::XlsxError| format!("data/{published_on}.xlsx: {e}");
    let mut book = Workbook::new();
    let created = ExcelDateTime::parse_from_str(published_on).map_err(error)?;
    book.set_properties(
        &DocProperties::new().set_title("Smart Cities Study open data").set_creation_datetime(&created),
    );
    let bold = Format::new().set_bold();
    for table in tables {
        let sheet = book.add_worksheet();
        sheet.set_name(table.name).map_err(error)?;
        for (col, field) in table.fields.iter().enumerate() {
            sheet.write_string_with_format(0, col as u16, field.name, &bold).map_err(error)?;
        }
        for (r, row) in table.rows.iter().enumerate() {
            let r = r as u32 + 1;
            for (c, cell) in row.iter().enumerate() {
                let c = c as u16;
                match cell {
                    Cell::Text(s) => sheet.write_string(r, c, s).map(|_| ()),
                    Cell::Integer(n) => sheet.write_number(r, c, *n as f64).map(|_| ()),
                    Cell::Number(x) => sheet.write_number(r, c, *x).map(|_| ()),
                    Cell::Boolean(b) => sheet.write_boolean(r, c, *b).map(|_| ()),
                    Cell::Missing => Ok(()),
                }
                .map_err(error)?;
            }
        }
        sheet.set_freeze_panes(1, 0).map_err(error)?;
    }
    book.save_to_buffer().map_err(error)
}

/// The open-data files of a version, under `data/`.
pub fn package(
    s: &Snapshot,
    version: smartcities_domain::PublishedVersion,
    published_on: &str,
) -> Result<Vec<File>, String> {
    let year = s.edition.year.get();
    let tables = tables(s);
    let mut files = Vec::new();
    let mut resources = Vec::new();
    for table in &tables {
        let path = format!("{}.csv", table.name);
        let bytes = csv_bytes(table)?;
        resources.push(json!({
            "name": table.name,
            "title": table.title,
            "path": path,
            "format": "csv",
            "mediatype": "text/csv",
            "encoding": "utf-8",
            "bytes": bytes.len(),
            "hash": format!("sha256:{}", crate::sha256(&bytes)),
            "schema": {
                "fields": table.fields.iter().map(|f| json!({"name": f.name, "type": f.kind, "description": f.description})).collect::<Vec<_>>(),
            },
        }));
        files.push(File::new(format!("data/{path}"), bytes));
    }
    let xlsx = format!("smartcities-{year}-v{version}.xlsx");
    files.push(File::new(format!("data/{xlsx}"), workbook(&tables, published_on)?));
    let export = public_export(s);
    files.push(File::new(
        "data/edition.json".into(),
        serde_json::to_vec_pretty(&export).map_err(|e| e.to_string())?,
    ));
    let package = json!({
        "name": format!("smartcities-{year}"),
        "title": format!("Smart Cities Study {year}: {}", s.edition.title.en),
        "description": "The accepted answers, findings, good practices, barriers and enablers, participating cities and codebook of one published version of an edition of the Smart Cities Study. The same tables are sheets of the XLSX workbook; edition.json holds the whole published edition.",
        "version": format!("{version}.0.0"),
        "created": format!("{published_on}T00:00:00Z"),
        "licenses": [{"name": "CC-BY-4.0", "path": "https://creativecommons.org/licenses/by/4.0/", "title": "Creative Commons Attribution 4.0"}],
        "sources": [
            {"title": "Questionnaire answers of the participating cities, reviewed and accepted by the secretariat"},
            {"title": "GeoNames (city names, populations and coordinates)", "path": "https://www.geonames.org/"},
        ],
        "keywords": ["smart cities", "SDGs", "cities", "UCLG"],
        "resources": resources,
    });
    let mut package = package;
    if s.provisional {
        // Said where every reader of the package looks: its description, and a property of its own.
        package["provisional"] = serde_json::Value::Bool(true);
        package["description"] = serde_json::Value::String(format!(
            "PROVISIONAL: this version was made while cities were still answering ({} of {} invited cities had answered); its figures will change. {}",
            s.results.answering,
            s.results.invited,
            package["description"].as_str().unwrap_or_default()
        ));
    }
    files.push(File::new(
        "data/datapackage.json".into(),
        serde_json::to_vec_pretty(&package).map_err(|e| e.to_string())?,
    ));
    Ok(files)
}

/// The published edition as JSON: the snapshot with the participating cities only. (The
/// snapshot arrives redacted for the public: scores and levels only where the edition opts in.)
fn public_export(s: &Snapshot) -> Snapshot {
    let mut public = s.clone();
    public.cities.retain(|c| s.answers.iter().any(|a| a.city == c.id));
    public
}
