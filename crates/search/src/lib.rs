//! The good-practice catalogue's search index. It is a cache of the database: each practice is
//! one document with its texts in per-language fields (Spanish, English and French analysers:
//! lowercase, accents folded, Snowball stemming), facets (axis, sub-area, SDG, UCLG section,
//! population band, edition, budget range, status) and a stored card that hits are rendered
//! from. Every commit carries the database's catalogue sequence it reflects, so a server knows
//! which changes it has still to apply — whichever server made them.

pub mod query;
pub mod synonyms;
pub mod words;

use std::{
    collections::{BTreeMap, BTreeSet},
    path::Path,
    sync::{Mutex, RwLock},
};

use serde::{Deserialize, Serialize};
use smartcities_domain::{
    BudgetRange, CityId, CityNames, EditionYear, Lang, Practice, PracticeId, PracticeStatus, Written,
};
use tantivy::{
    DocAddress, Index, IndexReader, IndexWriter, Order as SortOrder, ReloadPolicy, Searcher, TantivyDocument,
    Term,
    collector::{Count, FacetCollector, FacetCounts, TopDocs},
    query::{AllQuery, BooleanQuery, BoostQuery, ConstScoreQuery, Occur, Query, QueryParser, TermQuery},
    schema::{
        FAST, Facet, FacetOptions, Field, IndexRecordOption, STORED, STRING, Schema, TextFieldIndexing,
        TextOptions, Value,
    },
    snippet::SnippetGenerator,
};

/// Why the index could not do what was asked.
#[derive(Debug, thiserror::Error)]
pub enum SearchError {
    /// The index failed (disk full, files damaged).
    #[error("search index: {0}")]
    Index(#[from] tantivy::TantivyError),
    /// A stored card no longer reads, which means the index files were damaged.
    #[error("search index: damaged card: {0}")]
    Card(String),
    /// The index directory could not be made or cleared.
    #[error("search index directory: {0}")]
    Io(#[from] std::io::Error),
}

/// What the index answers.
pub type Result<T, E = SearchError> = std::result::Result<T, E>;

/// The most hits one page may hold.
pub const MAX_PER_PAGE: usize = 100;
/// The deepest hit a search may reach: pages beyond it would only walk the whole index.
pub const MAX_DEPTH: usize = 10_000;
/// The longest query read, in characters; the rest is ignored.
pub const MAX_QUERY_CHARS: usize = 200;

/// The facet dimensions, in the order pages show them.
pub const DIMENSIONS: [&str; 8] =
    ["axis", "sub_area", "sdg", "section", "band", "edition", "budget", "status"];

/// One practice as the index takes it: the record, where it stands in the catalogue, and what
/// the registry says of its city.
#[derive(Debug, Clone)]
pub struct Entry {
    /// The practice.
    pub practice: Practice,
    /// Where it stands in the catalogue.
    pub status: PracticeStatus,
    /// The city's name.
    pub city_name: String,
    /// The city's name in Spanish and French where they differ.
    pub city_names: CityNames,
    /// The city's UCLG section, by slug.
    pub section: String,
    /// The city's population band, by slug, when its population is known.
    pub band: Option<String>,
    /// When it was last published or changed, as `YYYYMMDDhhmmss`, for the date order.
    pub when: u64,
    /// Words a reader of each language finds the practice by besides its own text: the names
    /// of its axis, sub-area and goals and of its city, in that language.
    pub labels: BTreeMap<Lang, String>,
}

impl Entry {
    /// The card the index stores for this entry.
    pub fn card(&self) -> Card {
        let practice = &self.practice;
        let goals: BTreeSet<u8> = practice.sdgs.iter().copied().chain([practice.sdg]).collect();
        Card {
            id: practice.id.clone(),
            city: practice.city.clone(),
            city_name: self.city_name.clone(),
            city_names: self.city_names.clone(),
            status: self.status,
            axis: practice.axis.slug().to_string(),
            sub_area: practice.sub_area.clone(),
            sdg: practice.sdg,
            sdgs: goals.into_iter().collect(),
            section: self.section.clone(),
            band: self.band.clone(),
            editions: practice.editions.clone(),
            title: practice.title.clone(),
            summary: practice.summary.clone(),
            budget: practice.budget,
            illustrative: practice.illustrative,
            when: self.when,
        }
    }
}

/// What a hit shows, stored in the index so that a results page needs no database read.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Card {
    /// The practice's id.
    pub id: PracticeId,
    /// Its city.
    pub city: CityId,
    /// The city's name.
    pub city_name: String,
    /// The city's name in Spanish and French where they differ (missing in cards stored before
    /// names had translations).
    #[serde(default)]
    pub city_names: CityNames,
    /// Where it stands in the catalogue.
    pub status: PracticeStatus,
    /// Its axis, by slug.
    pub axis: String,
    /// Its sub-area, by code.
    pub sub_area: Option<String>,
    /// Its primary SDG.
    pub sdg: u8,
    /// Every SDG it contributes to.
    pub sdgs: Vec<u8>,
    /// The city's UCLG section.
    pub section: String,
    /// The city's population band.
    pub band: Option<String>,
    /// The editions it was reported in.
    pub editions: Vec<EditionYear>,
    /// Its title.
    pub title: Written,
    /// Its summary.
    pub summary: Written,
    /// Its budget range.
    pub budget: Option<BudgetRange>,
    /// Whether it was written for the demonstration.
    pub illustrative: bool,
    /// When it was last published or changed (`YYYYMMDDhhmmss`).
    pub when: u64,
}

impl Card {
    /// The city's name as a reader of `lang` knows it.
    pub fn city_name_in(&self, lang: Lang) -> &str {
        self.city_names.get(lang).unwrap_or(&self.city_name)
    }
}

/// Who is searching, which decides what they may find: the public sees published practices, a
/// city also its own drafts, the secretariat everything.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Visibility {
    /// Published practices only.
    Public,
    /// Published practices and every practice of this city.
    City(CityId),
    /// Everything.
    Everything,
}

/// The order of hits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Order {
    /// Best match first (newest first without words).
    #[default]
    Relevance,
    /// Newest first.
    Newest,
}

/// Facet values a search is narrowed to; each is a slug as the facets give it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filters {
    /// Axis slug.
    pub axis: Option<String>,
    /// Sub-area code.
    pub sub_area: Option<String>,
    /// SDG, 1–17.
    pub sdg: Option<u8>,
    /// UCLG section slug.
    pub section: Option<String>,
    /// Population band slug.
    pub band: Option<String>,
    /// Edition year.
    pub edition: Option<EditionYear>,
    /// Budget range slug.
    pub budget: Option<String>,
    /// Status slug.
    pub status: Option<String>,
    /// One city's practices only.
    pub city: Option<CityId>,
}

impl Filters {
    fn chosen(&self) -> Vec<(&'static str, String)> {
        let mut chosen = Vec::new();
        let mut add = |dimension: &'static str, value: Option<String>| {
            if let Some(value) = value.filter(|v| !v.is_empty()) {
                chosen.push((dimension, value));
            }
        };
        add("axis", self.axis.clone());
        add("sub_area", self.sub_area.clone());
        add("sdg", self.sdg.map(|g| g.to_string()));
        add("section", self.section.clone());
        add("band", self.band.clone());
        add("edition", self.edition.map(|e| e.to_string()));
        add("budget", self.budget.clone());
        add("status", self.status.clone());
        chosen
    }
}

/// A search: words, filters, the reader's language (for snippets), order and page.
#[derive(Debug, Clone)]
pub struct Search {
    /// The words typed; empty finds everything the filters let through.
    pub words: String,
    /// The facets chosen.
    pub filters: Filters,
    /// The language snippets are taken from first.
    pub lang: Lang,
    /// The order of hits.
    pub order: Order,
    /// The page, from 1.
    pub page: usize,
    /// Hits per page, at most [`MAX_PER_PAGE`].
    pub per_page: usize,
    /// Who is searching.
    pub visibility: Visibility,
}

/// One hit.
#[derive(Debug, Clone)]
pub struct Hit {
    /// What it shows.
    pub card: Card,
    /// A passage with the matched words in `<b>`, already HTML-escaped.
    pub snippet_html: String,
}

/// A page of hits with the facet counts of the whole result.
#[derive(Debug, Clone)]
pub struct Found {
    /// How many practices match.
    pub total: usize,
    /// The hits of the page asked for.
    pub hits: Vec<Hit>,
    /// Per dimension, each value with the number of matching practices, most first.
    pub facets: BTreeMap<&'static str, Vec<(String, u64)>>,
}

/// Why a practice was suggested.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reason {
    /// It works on the same sub-area.
    SubArea(String),
    /// It belongs to the same axis.
    Axis(String),
    /// It contributes to the same goals.
    Sdgs(Vec<u8>),
    /// Its city lies in the same UCLG section.
    Section(String),
    /// Its city is of the same size.
    Band(String),
    /// Its city answered the study much as this one did (by name).
    Peer(String),
}

/// A suggested practice with the reasons it was suggested.
#[derive(Debug, Clone)]
pub struct Suggestion {
    /// What it shows.
    pub card: Card,
    /// Why it was suggested, strongest first.
    pub reasons: Vec<Reason>,
}

/// Language fields: titles, then the other texts.
#[derive(Debug, Clone, Copy)]
struct LangFields {
    title: Field,
    body: Field,
    /// The practice's labels in this language: searched, not stored (snippets come from its
    /// own text).
    labels: Field,
}

#[derive(Debug, Clone, Copy)]
struct Fields {
    id: Field,
    city: Field,
    status: Field,
    facets: Field,
    misc: Field,
    card: Field,
    when: Field,
    es: LangFields,
    en: LangFields,
    fr: LangFields,
}

impl Fields {
    fn lang(&self, lang: Lang) -> LangFields {
        match lang {
            Lang::Es => self.es,
            Lang::En => self.en,
            Lang::Fr => self.fr,
        }
    }

    fn text_fields(&self) -> Vec<Field> {
        let mut fields: Vec<Field> = Lang::ALL
            .iter()
            .flat_map(|l| [self.lang(*l).title, self.lang(*l).body, self.lang(*l).labels])
            .collect();
        fields.push(self.misc);
        fields
    }
}

const WHEN: &str = "when";

fn schema() -> (Schema, Fields) {
    let mut builder = Schema::builder();
    let text = |tokenizer: &str| {
        TextOptions::default()
            .set_indexing_options(
                TextFieldIndexing::default()
                    .set_tokenizer(tokenizer)
                    .set_index_option(IndexRecordOption::WithFreqsAndPositions),
            )
            .set_stored()
    };
    let indexed = |tokenizer: &str| {
        TextOptions::default().set_indexing_options(
            TextFieldIndexing::default()
                .set_tokenizer(tokenizer)
                .set_index_option(IndexRecordOption::WithFreqsAndPositions),
        )
    };
    let mut lang = |code: &str| LangFields {
        title: builder.add_text_field(&format!("title_{code}"), text(analyser_of(code))),
        body: builder.add_text_field(&format!("body_{code}"), text(analyser_of(code))),
        labels: builder.add_text_field(&format!("labels_{code}"), indexed(analyser_of(code))),
    };
    let (es, en, fr) = (lang("es"), lang("en"), lang("fr"));
    let fields = Fields {
        es,
        en,
        fr,
        id: builder.add_text_field("id", STRING | STORED),
        city: builder.add_text_field("city", STRING),
        status: builder.add_text_field("status", STRING),
        facets: builder.add_facet_field("facets", FacetOptions::default()),
        misc: builder.add_text_field("misc", text("plain")),
        card: builder.add_bytes_field("card", STORED),
        when: builder.add_u64_field(WHEN, FAST),
    };
    (builder.build(), fields)
}

/// The analyser of a language's fields, by name. French's name says it folds plurals, so an
/// index made before it did has another schema and is rebuilt.
fn analyser_of(code: &str) -> &str {
    match code {
        "fr" => "fr-plurals",
        other => other,
    }
}

/// The analysers of the index, by name (see [`words`]).
fn register_analysers(index: &Index) {
    let tokenizers = index.tokenizers();
    for lang in Lang::ALL {
        tokenizers.register(analyser_of(lang.code()), words::analyser(Some(lang)));
    }
    tokenizers.register("plain", words::analyser(None));
}

fn facet(dimension: &str, value: &str) -> Facet {
    Facet::from_path([dimension, value])
}

/// The catalogue's index, in a directory or in memory.
pub struct Catalogue {
    index: Index,
    reader: IndexReader,
    writer: Mutex<IndexWriter>,
    fields: Fields,
    /// The secretariat's synonyms, which widen queries.
    synonyms: RwLock<synonyms::Synonyms>,
}

impl std::fmt::Debug for Catalogue {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Catalogue").field("applied", &self.applied()).finish()
    }
}

/// Memory for the writer's buffers, shared by its threads.
const WRITER_MEMORY: usize = 64 * 1024 * 1024;

impl Catalogue {
    /// An index in memory, empty: for tests and servers without a data directory.
    pub fn in_memory() -> Result<Catalogue> {
        let (schema, fields) = schema();
        Catalogue::around(Index::create_in_ram(schema), fields)
    }

    /// The index kept in `dir`, created if missing; an index of another schema (an older
    /// release) or one that no longer opens is cleared, as the database can rebuild it.
    pub fn open(dir: &Path) -> Result<Catalogue> {
        let (schema, fields) = schema();
        std::fs::create_dir_all(dir)?;
        let same_schema = Index::open_in_dir(dir).map(|index| index.schema() == schema).unwrap_or(false);
        if !same_schema {
            for entry in std::fs::read_dir(dir)? {
                let path = entry?.path();
                if path.is_dir() { std::fs::remove_dir_all(&path)? } else { std::fs::remove_file(&path)? }
            }
            Index::create_in_dir(dir, schema.clone())?;
        }
        Catalogue::around(Index::open_in_dir(dir)?, fields)
    }

    fn around(index: Index, fields: Fields) -> Result<Catalogue> {
        register_analysers(&index);
        let writer = index.writer(WRITER_MEMORY)?;
        let reader = index.reader_builder().reload_policy(ReloadPolicy::Manual).try_into()?;
        Ok(Catalogue { index, reader, writer: Mutex::new(writer), fields, synonyms: RwLock::default() })
    }

    /// Replaces the synonyms queries are widened with.
    pub fn set_synonyms(&self, synonyms: synonyms::Synonyms) {
        *self.synonyms.write().unwrap_or_else(|e| e.into_inner()) = synonyms;
    }

    /// The synonyms queries are widened with.
    pub fn synonyms(&self) -> synonyms::Synonyms {
        self.synonyms.read().unwrap_or_else(|e| e.into_inner()).clone()
    }

    /// The catalogue sequence the index reflects: every change up to it is applied.
    pub fn applied(&self) -> u64 {
        self.index.load_metas().ok().and_then(|m| m.payload).and_then(|p| p.parse().ok()).unwrap_or(0)
    }

    /// How many practices the index holds.
    pub fn len(&self) -> u64 {
        self.reader.searcher().num_docs()
    }

    /// Whether the index holds no practice.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Applies changes (each practice's new state; practices are never deleted) and records
    /// that the index now reflects the sequence `up_to`, in one commit.
    pub fn apply(&self, put: &[Entry], up_to: u64) -> Result<()> {
        let mut writer = self.writer.lock().unwrap_or_else(|e| e.into_inner());
        for entry in put {
            writer.delete_term(Term::from_field_text(self.fields.id, entry.practice.id.as_str()));
        }
        for entry in put {
            writer.add_document(self.document(entry)?)?;
        }
        self.commit(&mut writer, up_to)
    }

    /// Replaces everything with `entries`, which reflect the sequence `up_to`.
    pub fn rebuild(&self, entries: impl IntoIterator<Item = Entry>, up_to: u64) -> Result<()> {
        let mut writer = self.writer.lock().unwrap_or_else(|e| e.into_inner());
        writer.delete_all_documents()?;
        for entry in entries {
            writer.add_document(self.document(&entry)?)?;
        }
        self.commit(&mut writer, up_to)
    }

    fn commit(&self, writer: &mut IndexWriter, up_to: u64) -> Result<()> {
        let mut commit = writer.prepare_commit()?;
        commit.set_payload(&up_to.to_string());
        commit.commit()?;
        self.reader.reload()?;
        Ok(())
    }

    fn document(&self, entry: &Entry) -> Result<TantivyDocument> {
        let f = &self.fields;
        let practice = &entry.practice;
        let mut doc = TantivyDocument::default();
        doc.add_text(f.id, practice.id.as_str());
        doc.add_text(f.city, practice.city.as_str());
        doc.add_text(f.status, entry.status.slug());
        doc.add_u64(f.when, entry.when);
        for lang in Lang::ALL.iter() {
            let fields = f.lang(*lang);
            if let Some(title) = practice.title.exactly(*lang) {
                doc.add_text(fields.title, title);
            }
            let body: Vec<&str> = practice.texts().iter().filter_map(|w| w.exactly(*lang)).collect();
            if !body.is_empty() {
                doc.add_text(fields.body, body.join(" · "));
            }
            if let Some(labels) = entry.labels.get(lang) {
                doc.add_text(fields.labels, labels);
            }
        }
        let mut misc = vec![entry.city_name.as_str()];
        misc.extend(practice.technologies.iter().map(String::as_str));
        misc.extend(practice.indicators.iter().map(|i| i.name.as_str()));
        misc.extend(practice.funding.as_deref());
        doc.add_text(f.misc, misc.join("\n"));

        let mut facets = vec![facet("axis", practice.axis.slug()), facet("status", entry.status.slug())];
        facets.extend(practice.sub_area.as_deref().map(|s| facet("sub_area", s)));
        let goals: BTreeSet<u8> = practice.sdgs.iter().copied().chain([practice.sdg]).collect();
        facets.extend(goals.iter().map(|g| facet("sdg", &g.to_string())));
        facets.push(facet("section", &entry.section));
        facets.extend(entry.band.as_deref().map(|b| facet("band", b)));
        facets.extend(practice.editions.iter().map(|e| facet("edition", &e.to_string())));
        facets.extend(practice.budget.map(|b| facet("budget", b.slug())));
        for value in facets {
            doc.add_facet(f.facets, value);
        }
        let card = entry.card();
        doc.add_bytes(f.card, &serde_json::to_vec(&card).map_err(|e| SearchError::Card(e.to_string()))?);
        Ok(doc)
    }
}

mod plural;
mod reading;
pub use reading::passage;

#[cfg(test)]
mod tests;
