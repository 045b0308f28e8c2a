//! The good-practice catalogue's search index. It is a cache of the database: each practice is
//! one document with its texts in per-language fields (Spanish, English and French analysers:
//! lowercase, accents folded, Snowball stemming), facets (axis, sub-area, SDG, UCLG section,
//! population band, edition, budget range, status) and a stored card that hits are rendered
//! from. Every commit carries the database's catalogue sequence it reflects, so a server knows
//! which changes it has still to apply — whichever server made them.

pub mod query;

use std::{
    collections::{BTreeMap, BTreeSet},
    path::Path,
    sync::Mutex,
};

use serde::{Deserialize, Serialize};
use smartcities_domain::{
    BudgetRange, CityId, EditionYear, Lang, Practice, PracticeId, PracticeStatus, Written,
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
    tokenizer::{
        AsciiFoldingFilter, Language, LowerCaser, RemoveLongFilter, SimpleTokenizer, Stemmer, TextAnalyzer,
    },
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
    /// The city's UCLG section, by slug.
    pub section: String,
    /// The city's population band, by slug, when its population is known.
    pub band: Option<String>,
    /// When it was last published or changed, as `YYYYMMDDhhmmss`, for the date order.
    pub when: u64,
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
        let mut fields: Vec<Field> =
            Lang::ALL.iter().flat_map(|l| [self.lang(*l).title, self.lang(*l).body]).collect();
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
    let mut lang = |code: &str| LangFields {
        title: builder.add_text_field(&format!("title_{code}"), text(code)),
        body: builder.add_text_field(&format!("body_{code}"), text(code)),
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

/// The analysers: words split on anything not alphanumeric, very long tokens dropped,
/// lowercased, accents folded (so they are optional in a query), then stemmed per language.
fn register_analysers(index: &Index) {
    let analyser = |language: Option<Language>| {
        let builder = TextAnalyzer::builder(SimpleTokenizer::default())
            .filter(RemoveLongFilter::limit(40))
            .filter(LowerCaser)
            .filter(AsciiFoldingFilter);
        match language {
            Some(language) => builder.filter(Stemmer::new(language)).build(),
            None => builder.build(),
        }
    };
    let tokenizers = index.tokenizers();
    tokenizers.register("es", analyser(Some(Language::Spanish)));
    tokenizers.register("en", analyser(Some(Language::English)));
    tokenizers.register("fr", analyser(Some(Language::French)));
    tokenizers.register("plain", analyser(None));
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
        Ok(Catalogue { index, reader, writer: Mutex::new(writer), fields })
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

    fn card(&self, searcher: &Searcher, address: DocAddress) -> Result<(Card, TantivyDocument)> {
        let doc: TantivyDocument = searcher.doc(address)?;
        let bytes = doc
            .get_first(self.fields.card)
            .and_then(|v| v.as_bytes())
            .ok_or_else(|| SearchError::Card("no card".into()))?;
        let card = serde_json::from_slice(bytes).map_err(|e| SearchError::Card(e.to_string()))?;
        Ok((card, doc))
    }

    fn visible(&self, visibility: &Visibility) -> Option<Box<dyn Query>> {
        let published: Box<dyn Query> = Box::new(TermQuery::new(
            Term::from_field_text(self.fields.status, PracticeStatus::Published.slug()),
            IndexRecordOption::Basic,
        ));
        match visibility {
            Visibility::Everything => None,
            Visibility::Public => Some(published),
            Visibility::City(city) => Some(Box::new(BooleanQuery::new(vec![
                (Occur::Should, published),
                (
                    Occur::Should,
                    Box::new(TermQuery::new(
                        Term::from_field_text(self.fields.city, city.as_str()),
                        IndexRecordOption::Basic,
                    )),
                ),
            ]))),
        }
    }

    fn facet_term(&self, dimension: &str, value: &str) -> Box<dyn Query> {
        Box::new(TermQuery::new(
            Term::from_facet(self.fields.facets, &facet(dimension, value)),
            IndexRecordOption::Basic,
        ))
    }

    /// The query of the words typed: plain words and phrases only (see [`query::Typed`]).
    fn words_query(&self, words: &str) -> Option<Box<dyn Query>> {
        if words.trim().is_empty() {
            return None;
        }
        let mut parser = QueryParser::for_index(&self.index, self.fields.text_fields());
        parser.set_conjunction_by_default();
        for lang in Lang::ALL.iter() {
            parser.set_field_boost(self.fields.lang(*lang).title, 2.0);
        }
        // Only words and balanced phrases reach the parser; leniency is a second guard.
        let (query, _) = parser.parse_query_lenient(words);
        Some(query)
    }

    /// Searches: the hits of one page in the order asked for, and the facet counts of every
    /// matching practice.
    pub fn search(&self, search: &Search) -> Result<Found> {
        let searcher = self.reader.searcher();
        let typed = query::Typed::read(&search.words);
        let words = self.words_query(&typed.text);
        let mut clauses: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        for (dimension, value) in &typed.facets {
            clauses
                .push((Occur::Must, Box::new(ConstScoreQuery::new(self.facet_term(dimension, value), 0.0))));
        }
        if let Some(words) = &words {
            clauses.push((Occur::Must, words.box_clone()));
        }
        if let Some(visible) = self.visible(&search.visibility) {
            clauses.push((Occur::Must, Box::new(ConstScoreQuery::new(visible, 0.0))));
        }
        for (dimension, value) in search.filters.chosen() {
            clauses
                .push((Occur::Must, Box::new(ConstScoreQuery::new(self.facet_term(dimension, &value), 0.0))));
        }
        if let Some(city) = &search.filters.city {
            let term = TermQuery::new(
                Term::from_field_text(self.fields.city, city.as_str()),
                IndexRecordOption::Basic,
            );
            clauses.push((Occur::Must, Box::new(ConstScoreQuery::new(Box::new(term), 0.0))));
        }
        let query: Box<dyn Query> =
            if clauses.is_empty() { Box::new(AllQuery) } else { Box::new(BooleanQuery::new(clauses)) };

        let per_page = search.per_page.clamp(1, MAX_PER_PAGE);
        let offset = (search.page.max(1) - 1).saturating_mul(per_page).min(MAX_DEPTH);
        let top = TopDocs::with_limit(per_page).and_offset(offset);
        let mut facets = FacetCollector::for_field("facets");
        for dimension in DIMENSIONS {
            facets.add_facet(Facet::from_path([dimension]));
        }
        let by_date = search.order == Order::Newest || words.is_none();
        let (total, addresses, counts): (usize, Vec<DocAddress>, FacetCounts) = if by_date {
            let (total, top, counts) = searcher
                .search(&query, &(Count, top.order_by_fast_field::<u64>(WHEN, SortOrder::Desc), facets))?;
            (total, top.into_iter().map(|(_, a)| a).collect(), counts)
        } else {
            let (total, top, counts) = searcher.search(&query, &(Count, top.order_by_score(), facets))?;
            (total, top.into_iter().map(|(_, a)| a).collect(), counts)
        };

        let snippets = match &words {
            Some(words) => Some(self.snippet_generators(&searcher, words.as_ref(), search.lang)?),
            None => None,
        };
        let mut hits = Vec::with_capacity(addresses.len());
        for address in addresses {
            let (card, doc) = self.card(&searcher, address)?;
            let snippet_html = snippets
                .iter()
                .flatten()
                .map(|generator| generator.snippet_from_doc(&doc))
                .find(|s| !s.is_empty())
                .map(|s| s.to_html())
                .unwrap_or_else(|| passage(card.summary.get(search.lang).0, 220));
            hits.push(Hit { card, snippet_html });
        }
        let facets = DIMENSIONS
            .iter()
            .map(|dimension| {
                let mut values: Vec<(String, u64)> = counts
                    .get(Facet::from_path([*dimension]))
                    .map(|(facet, count)| {
                        (facet.to_path().last().map_or(String::new(), |v| v.to_string()), count)
                    })
                    .collect();
                values.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| natural(&a.0).cmp(&natural(&b.0))));
                (*dimension, values)
            })
            .collect();
        Ok(Found { total, hits, facets })
    }

    /// One generator per body field, the reader's language first, then the titles'.
    fn snippet_generators(
        &self,
        searcher: &Searcher,
        query: &dyn Query,
        lang: Lang,
    ) -> Result<Vec<SnippetGenerator>> {
        let mut order = vec![lang];
        order.extend(Lang::ALL.iter().copied().filter(|l| *l != lang));
        let mut generators = Vec::new();
        for field in order
            .iter()
            .map(|l| self.fields.lang(*l).body)
            .chain(order.iter().map(|l| self.fields.lang(*l).title))
        {
            let mut generator = SnippetGenerator::create(searcher, query, field)?;
            generator.set_max_num_chars(220);
            generators.push(generator);
        }
        Ok(generators)
    }

    /// Every practice's card the visibility lets through whose id is in `ids`, by id.
    pub fn cards(&self, ids: &[PracticeId]) -> Result<BTreeMap<PracticeId, Card>> {
        let searcher = self.reader.searcher();
        let mut cards = BTreeMap::new();
        for id in ids {
            let query =
                TermQuery::new(Term::from_field_text(self.fields.id, id.as_str()), IndexRecordOption::Basic);
            if let Some((_, address)) =
                searcher.search(&query, &TopDocs::with_limit(1).order_by_score())?.first()
            {
                cards.insert(id.clone(), self.card(&searcher, *address)?.0);
            }
        }
        Ok(cards)
    }

    /// Published practices closest to `card` by sub-area, axis and goals, with why.
    pub fn related(&self, card: &Card, limit: usize) -> Result<Vec<Suggestion>> {
        let mut likeness: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        if let Some(sub_area) = &card.sub_area {
            likeness
                .push((Occur::Should, Box::new(BoostQuery::new(self.facet_term("sub_area", sub_area), 4.0))));
        }
        likeness.push((Occur::Should, Box::new(BoostQuery::new(self.facet_term("axis", &card.axis), 2.0))));
        for goal in &card.sdgs {
            let boost = if *goal == card.sdg { 1.5 } else { 1.0 };
            likeness.push((
                Occur::Should,
                Box::new(BoostQuery::new(self.facet_term("sdg", &goal.to_string()), boost)),
            ));
        }
        let found = self.suggest(likeness, Some(&card.id), None, limit)?;
        Ok(found
            .into_iter()
            .map(|other| {
                let mut reasons = Vec::new();
                if other.sub_area.is_some() && other.sub_area == card.sub_area {
                    reasons.push(Reason::SubArea(other.sub_area.clone().unwrap_or_default()));
                } else if other.axis == card.axis {
                    reasons.push(Reason::Axis(other.axis.clone()));
                }
                let shared: Vec<u8> = other.sdgs.iter().copied().filter(|g| card.sdgs.contains(g)).collect();
                if !shared.is_empty() {
                    reasons.push(Reason::Sdgs(shared));
                }
                Suggestion { card: other, reasons }
            })
            .collect())
    }

    /// Published practices of other cities that work on `sub_areas` (the weakest first), those
    /// of its peers and of cities like `city` (same section, same size) first, with why.
    pub fn learn_from(
        &self,
        city: &CityId,
        section: &str,
        band: Option<&str>,
        peers: &[CityId],
        sub_areas: &[String],
        limit: usize,
    ) -> Result<Vec<Suggestion>> {
        if sub_areas.is_empty() {
            return Ok(Vec::new());
        }
        let weakest = sub_areas.len() as f32;
        let addresses: Vec<(Occur, Box<dyn Query>)> = sub_areas
            .iter()
            .enumerate()
            .map(|(rank, s)| {
                (
                    Occur::Should,
                    Box::new(BoostQuery::new(self.facet_term("sub_area", s), 2.0 + weakest - rank as f32))
                        as Box<dyn Query>,
                )
            })
            .collect();
        let mut likeness: Vec<(Occur, Box<dyn Query>)> =
            vec![(Occur::Must, Box::new(BooleanQuery::new(addresses)))];
        likeness.push((Occur::Should, Box::new(BoostQuery::new(self.facet_term("section", section), 1.0))));
        if let Some(band) = band {
            likeness.push((Occur::Should, Box::new(BoostQuery::new(self.facet_term("band", band), 1.0))));
        }
        for peer in peers {
            let term = TermQuery::new(
                Term::from_field_text(self.fields.city, peer.as_str()),
                IndexRecordOption::Basic,
            );
            likeness.push((Occur::Should, Box::new(BoostQuery::new(Box::new(term), 1.5))));
        }
        let found = self.suggest(likeness, None, Some(city), limit)?;
        Ok(found
            .into_iter()
            .map(|other| {
                let mut reasons = Vec::new();
                reasons.extend(other.sub_area.clone().map(Reason::SubArea));
                if peers.contains(&other.city) {
                    reasons.push(Reason::Peer(other.city_name.clone()));
                }
                if other.section == section {
                    reasons.push(Reason::Section(other.section.clone()));
                }
                if other.band.is_some() && other.band.as_deref() == band {
                    reasons.push(Reason::Band(other.band.clone().unwrap_or_default()));
                }
                Suggestion { card: other, reasons }
            })
            .collect())
    }

    /// Published practices scored by `likeness` alone, leaving out one practice and one city.
    fn suggest(
        &self,
        mut likeness: Vec<(Occur, Box<dyn Query>)>,
        not_practice: Option<&PracticeId>,
        not_city: Option<&CityId>,
        limit: usize,
    ) -> Result<Vec<Card>> {
        let searcher = self.reader.searcher();
        if let Some(visible) = self.visible(&Visibility::Public) {
            likeness.push((Occur::Must, Box::new(ConstScoreQuery::new(visible, 0.0))));
        }
        if let Some(id) = not_practice {
            likeness.push((
                Occur::MustNot,
                Box::new(TermQuery::new(
                    Term::from_field_text(self.fields.id, id.as_str()),
                    IndexRecordOption::Basic,
                )),
            ));
        }
        if let Some(city) = not_city {
            likeness.push((
                Occur::MustNot,
                Box::new(TermQuery::new(
                    Term::from_field_text(self.fields.city, city.as_str()),
                    IndexRecordOption::Basic,
                )),
            ));
        }
        let top = searcher.search(
            &BooleanQuery::new(likeness),
            &TopDocs::with_limit(limit.min(MAX_PER_PAGE)).order_by_score(),
        )?;
        top.into_iter()
            .filter(|(score, _)| *score > 0.0)
            .map(|(_, address)| self.card(&searcher, address).map(|(card, _)| card))
            .collect()
    }
}

/// Numbers in their numeric order (SDG 2 before 11), the rest alphabetically.
fn natural(value: &str) -> (u64, &str) {
    (value.parse().unwrap_or(u64::MAX), value)
}

/// A text as a hit shows it when no passage holds the words searched: at most `max` characters,
/// HTML-escaped, like the highlighted snippets.
pub fn passage(text: &str, max: usize) -> String {
    escape(&shorten(text, max))
}

/// At most `max` characters, cut at a word, with an ellipsis when cut.
fn shorten(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let cut: String = text.chars().take(max).collect();
    let cut = cut.rsplit_once(' ').map_or(cut.as_str(), |(head, _)| head);
    format!("{cut}…")
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

#[cfg(test)]
mod tests;
