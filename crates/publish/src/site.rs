//! The static site of a published version: for each language a landing page, a chapter per axis,
//! a page per question and per participating city, the practice catalogue (filtered in the
//! browser), barriers and enablers with the SDG matrix, the map, the focus groups and the method.
//! Links are relative and every asset ships with the site, so it reads the same from the file
//! system, from any static host and from the platform itself.

use std::sync::OnceLock;

use minijinja::{Environment, Value, context, value::Serde};
use serde::Serialize;
use smartcities_domain::Lang;
use smartcities_locale::{t, translate};

use crate::{File, view::EditionView};

const TEMPLATES: &[(&str, &str)] = &[
    ("base.html", include_str!("../templates/site/base.html")),
    ("_table.html", include_str!("../templates/site/_table.html")),
    ("root.html", include_str!("../templates/site/root.html")),
    ("index.html", include_str!("../templates/site/index.html")),
    ("axis.html", include_str!("../templates/site/axis.html")),
    ("question.html", include_str!("../templates/site/question.html")),
    ("practices.html", include_str!("../templates/site/practices.html")),
    ("barriers.html", include_str!("../templates/site/barriers.html")),
    ("cities.html", include_str!("../templates/site/cities.html")),
    ("city.html", include_str!("../templates/site/city.html")),
    ("map.html", include_str!("../templates/site/map.html")),
    ("methodology.html", include_str!("../templates/site/methodology.html")),
    ("focus-groups.html", include_str!("../templates/site/focus-groups.html")),
    ("open-data.html", include_str!("../templates/site/open-data.html")),
];

/// The files every site carries besides its pages.
const ASSETS: &[(&str, &[u8])] = &[
    ("site/assets/site.css", include_bytes!("../assets/site/site.css")),
    ("site/assets/practices.js", include_bytes!("../assets/site/practices.js")),
    ("site/assets/words.js", include_bytes!("../assets/site/words.js")),
    ("site/assets/snowball/base.js", include_bytes!("../assets/site/snowball/base.js")),
    ("site/assets/snowball/stem-en.js", include_bytes!("../assets/site/snowball/stem-en.js")),
    ("site/assets/snowball/stem-es.js", include_bytes!("../assets/site/snowball/stem-es.js")),
    ("site/assets/snowball/stem-fr.js", include_bytes!("../assets/site/snowball/stem-fr.js")),
    ("site/assets/snowball/LICENSE.txt", include_bytes!("../assets/site/snowball/LICENSE")),
];

fn environment() -> &'static Environment<'static> {
    static ENV: OnceLock<Environment<'static>> = OnceLock::new();
    ENV.get_or_init(|| {
        let mut env = Environment::new();
        env.set_undefined_behavior(minijinja::UndefinedBehavior::Strict);
        for (name, source) in TEMPLATES {
            env.add_template(name, source).expect("the site's templates parse");
        }
        env
    })
}

#[derive(Serialize)]
struct LanguageLink {
    code: &'static str,
    name: &'static str,
    title: String,
    choose: String,
}

fn languages(titles: &[(Lang, String)]) -> Vec<LanguageLink> {
    Lang::ALL
        .iter()
        .map(|lang| LanguageLink {
            code: lang.code(),
            name: lang.endonym(),
            title: titles.iter().find(|(l, _)| l == lang).map(|(_, t)| t.clone()).unwrap_or_default(),
            choose: t(*lang, "pub-choose-language"),
        })
        .collect()
}

fn render(name: &str, ctx: Value) -> Result<Vec<u8>, String> {
    let template = environment().get_template(name).map_err(|e| e.to_string())?;
    template.render(ctx).map(String::into_bytes).map_err(|e| format!("{name}: {e:#}"))
}

/// The pages of one language, under `site/{lang}/`.
pub fn pages(view: &EditionView, lang: Lang) -> Result<Vec<File>, String> {
    let v = Value::from(Serde(view));
    let version_line = crate::view::version_line(view, lang);
    let languages = Value::from(Serde(languages(&[])));
    let dir = format!("site/{}", lang.code());
    let mut files = Vec::new();
    let mut page = |file: String, template: &str, section: &str, extra: Value| -> Result<(), String> {
        let ctx = context! {
            v => v.clone(),
            languages => languages.clone(),
            version_line => version_line.clone(),
            page => file.clone(),
            section => section,
            ..extra
        };
        files.push(File::new(format!("{dir}/{file}"), render(template, ctx)?));
        Ok(())
    };
    page("index.html".into(), "index.html", "home", context! {})?;
    for a in &view.axes {
        let axis = Value::from(Serde(a));
        page(format!("axis-{}.html", a.code), "axis.html", "home", context! { a => axis.clone() })?;
        for f in &a.findings {
            page(
                format!("question-{}.html", f.code),
                "question.html",
                "home",
                context! { a => axis.clone(), f => Value::from(Serde(f)) },
            )?;
        }
    }
    let goals: Vec<_> =
        (1..=17u8).map(|g| context! { goal => g, name => t(lang, &format!("sdg-{g}")) }).collect();
    // "1 practice shown", "2 practices shown": the page picks the form as its filter counts.
    let shown = |n: i64| translate(lang, "pub-filter-shown", &[("count", n.into())]);
    let shown = context! {
        now => shown(view.practices.len() as i64),
        one => shown(1),
        other => shown(2),
    };
    page(
        "practices.html".into(),
        "practices.html",
        "practices",
        context! { goals => goals, shown => shown },
    )?;
    page("barriers-enablers.html".into(), "barriers.html", "barriers", context! {})?;
    page("cities.html".into(), "cities.html", "cities", context! {})?;
    for c in &view.cities {
        page(format!("city-{}.html", c.id), "city.html", "cities", context! { c => Value::from(Serde(c)) })?;
    }
    page("map.html".into(), "map.html", "map", context! {})?;
    page("focus-groups.html".into(), "focus-groups.html", "focus", context! {})?;
    page("methodology.html".into(), "methodology.html", "method", context! {})?;
    Ok(files)
}

/// One file of the open data as its page lists it.
#[derive(Serialize)]
struct Listed {
    name: String,
    format: &'static str,
    size: String,
    description: String,
}

/// The open-data page of one language, `site/{lang}/open-data.html`: each file of `data` (the
/// version's `data/…` files) with its format, size and what it holds, and the licence.
pub fn open_data(view: &EditionView, lang: Lang, data: &[File]) -> Result<File, String> {
    let mut listed: Vec<(usize, Listed)> = data
        .iter()
        .filter_map(|f| {
            let name = f.path.strip_prefix("data/")?;
            let (stem, ext) = name.rsplit_once('.')?;
            let (order, key, format) = match (stem, ext) {
                ("datapackage", "json") => (0, "package".to_string(), "Data Package (JSON)"),
                (_, "xlsx") => (1, "workbook".to_string(), "XLSX"),
                ("edition", "json") => (2, "edition".to_string(), "JSON"),
                (table, "csv") => (3, table.replace('_', "-"), "CSV"),
                _ => return None,
            };
            let description = t(lang, &format!("pub-data-{key}"));
            let listed = Listed {
                name: name.to_string(),
                format,
                size: crate::names::bytes(lang, f.bytes.len() as u64),
                description: if description.starts_with("pub-data-") { String::new() } else { description },
            };
            Some((order, listed))
        })
        .collect();
    listed.sort_by(|(a, x), (b, y)| a.cmp(b).then(x.name.cmp(&y.name)));
    let files: Vec<Listed> = listed.into_iter().map(|(_, l)| l).collect();
    let ctx = context! {
        v => Value::from(Serde(view)),
        languages => Value::from(Serde(languages(&[]))),
        version_line => crate::view::version_line(view, lang),
        page => "open-data.html",
        section => "data",
        files => Value::from(Serde(files)),
    };
    Ok(File::new(format!("site/{}/open-data.html", lang.code()), render("open-data.html", ctx)?))
}

/// Every chart of one language as files a reader can take away, beside its pages:
/// `site/{lang}/charts/{name}.svg` and `.csv` (the figures it draws). Its `.png` is drawn from
/// the SVG when asked for ([`crate::raster::png_path`]), not stored with every version.
pub fn charts(view: &EditionView, lang: Lang) -> Vec<File> {
    let dir = format!("site/{}/charts", lang.code());
    view.figures()
        .iter()
        .flat_map(|f| {
            [
                File::new(format!("{dir}/{}.svg", f.name), f.svg.clone().into_bytes()),
                File::new(format!("{dir}/{}.csv", f.name), f.csv()),
            ]
        })
        .collect()
}

/// The site's entrance (a choice of language) and its shared assets.
pub fn common(titles: &[(Lang, String)]) -> Result<Vec<File>, String> {
    let title = titles.iter().map(|(_, t)| t.as_str()).collect::<Vec<_>>().join(" · ");
    let root =
        render("root.html", context! { title => title, languages => Value::from(Serde(languages(titles))) })?;
    let mut files = vec![File::new("site/index.html".into(), root)];
    files.extend(ASSETS.iter().map(|(path, bytes)| File::new((*path).into(), bytes.to_vec())));
    Ok(files)
}
