use smartcities_domain::{StudyAxis, Written};

use super::*;

fn practice(
    city: &str,
    id: &str,
    lang: Lang,
    title: &str,
    summary: &str,
    axis: StudyAxis,
    sdg: u8,
) -> Practice {
    let city = CityId::parse(city).unwrap();
    let mut practice =
        Practice::new(PracticeId::parse(id).unwrap(), city, Written::new(lang, title), axis, sdg);
    practice.summary = Written::new(lang, summary);
    practice
}

fn entry(practice: Practice, status: PracticeStatus, section: &str, when: u64) -> Entry {
    Entry {
        city_name: practice.city.as_str().to_string(),
        city_names: Default::default(),
        practice,
        status,
        section: section.to_string(),
        band: Some("1m_plus".to_string()),
        when,
        labels: Default::default(),
    }
}

fn search(words: &str) -> Search {
    Search {
        words: words.to_string(),
        filters: Filters::default(),
        lang: Lang::En,
        order: Order::Relevance,
        page: 1,
        per_page: 20,
        visibility: Visibility::Public,
    }
}

fn ids(found: &Found) -> Vec<&str> {
    found.hits.iter().map(|h| h.card.id.as_str()).collect()
}

fn sample() -> Catalogue {
    let catalogue = Catalogue::in_memory().unwrap();
    let mut bilbao = practice(
        "es-bilbao",
        "es-bilbao-movilidad",
        Lang::Es,
        "Plan de movilidad sostenible",
        "Carriles bici y autobuses eléctricos para una movilidad sostenible en toda la ciudad.",
        StudyAxis::Mobility,
        11,
    );
    bilbao.sub_area = Some("mob_sustainable".into());
    bilbao.sdgs = vec![11, 13];
    bilbao.title.set(Lang::En, "Sustainable mobility plan");
    let mut lyon = practice(
        "fr-lyon",
        "fr-lyon-gouvernance",
        Lang::Fr,
        "Gouvernance ouverte des données",
        "Une plateforme de données ouvertes et des budgets participatifs pour une gouvernance ouverte.",
        StudyAxis::Governance,
        16,
    );
    lyon.sub_area = Some("gov_open".into());
    let seoul = practice(
        "kr-seoul",
        "kr-seoul-budgeting",
        Lang::En,
        "Participatory budgeting online",
        "Residents propose and vote on budgets through an online platform.",
        StudyAxis::Governance,
        16,
    );
    let draft = practice(
        "es-bilbao",
        "es-bilbao-draft",
        Lang::Es,
        "Movilidad en borrador",
        "Un borrador de movilidad que nadie debe ver aún.",
        StudyAxis::Mobility,
        11,
    );
    catalogue
        .apply(
            &[
                entry(bilbao, PracticeStatus::Published, "europe", 20240101000000),
                entry(lyon, PracticeStatus::Published, "europe", 20240301000000),
                entry(seoul, PracticeStatus::Published, "asia_pacific", 20240201000000),
                entry(draft, PracticeStatus::Draft, "europe", 20240401000000),
            ],
            7,
        )
        .unwrap();
    catalogue
}

#[test]
fn each_language_stems_and_folds_accents() {
    let catalogue = sample();
    assert_eq!(ids(&catalogue.search(&search("movilidad")).unwrap()), ["es-bilbao-movilidad"]);
    assert_eq!(ids(&catalogue.search(&search("movilidades sostenibles")).unwrap()), ["es-bilbao-movilidad"]);
    assert_eq!(ids(&catalogue.search(&search("gouvernance")).unwrap()), ["fr-lyon-gouvernance"]);
    assert_eq!(
        ids(&catalogue.search(&search("donnees ouvertes")).unwrap()),
        ["fr-lyon-gouvernance"],
        "accents are optional"
    );
    assert_eq!(ids(&catalogue.search(&search("electricos")).unwrap()), ["es-bilbao-movilidad"]);
    assert_eq!(
        ids(&catalogue.search(&search("budget")).unwrap()).len(),
        2,
        "budgeting and budgets stem to budget"
    );
    assert_eq!(
        ids(&catalogue.search(&search("mobility")).unwrap()),
        ["es-bilbao-movilidad"],
        "translated titles are searched"
    );
}

#[test]
fn snippets_highlight_the_words_found_and_escape_the_rest() {
    let catalogue = Catalogue::in_memory().unwrap();
    let mut risky = practice(
        "es-bilbao",
        "es-bilbao-x",
        Lang::Es,
        "Movilidad <script>",
        "La movilidad & <b>el</b> transporte público.",
        StudyAxis::Mobility,
        11,
    );
    risky.summary.set(Lang::Es, "La movilidad & <b>el</b> transporte público.");
    catalogue.apply(&[entry(risky, PracticeStatus::Published, "europe", 1)], 1).unwrap();
    let mut query = search("movilidad");
    query.lang = Lang::Es;
    let found = catalogue.search(&query).unwrap();
    let html = &found.hits[0].snippet_html;
    assert!(html.contains("<b>movilidad</b>"), "{html}");
    assert!(html.contains("&amp;") && html.contains("&lt;b&gt;el&lt;/b&gt;"), "{html}");
}

#[test]
fn drafts_are_seen_by_their_city_and_the_secretariat_only() {
    let catalogue = sample();
    let mut query = search("movilidad");
    assert_eq!(ids(&catalogue.search(&query).unwrap()), ["es-bilbao-movilidad"]);
    query.visibility = Visibility::City(CityId::parse("fr-lyon").unwrap());
    assert_eq!(ids(&catalogue.search(&query).unwrap()), ["es-bilbao-movilidad"]);
    query.visibility = Visibility::City(CityId::parse("es-bilbao").unwrap());
    assert_eq!(catalogue.search(&query).unwrap().total, 2);
    query.visibility = Visibility::Everything;
    let found = catalogue.search(&query).unwrap();
    assert_eq!(found.total, 2);
    assert!(found.facets["status"].contains(&("draft".to_string(), 1)));
}

#[test]
fn facet_counts_equal_the_hits_of_each_filter() {
    let catalogue = Catalogue::in_memory().unwrap();
    let words = ["movilidad", "energía", "datos", "participación", "salud", "empleo"];
    let entries: Vec<Entry> = (0..120u64)
        .map(|n| {
            let axis = StudyAxis::ALL[(n % 6) as usize];
            let mut p = practice(
                &format!("es-city{}", n % 9),
                &format!("es-city{}-p{n}", n % 9),
                Lang::Es,
                &format!("Práctica {n} de {}", words[(n % 6) as usize]),
                &format!("Sobre {} y {}", words[(n % 5) as usize], words[(n % 4) as usize]),
                axis,
                (n % 17) as u8 + 1,
            );
            p.sdgs = vec![(n % 17) as u8 + 1, (n % 3) as u8 + 1];
            p.budget = Some(BudgetRange::ALL[(n % 4) as usize]);
            p.editions = vec![EditionYear::new(2021 + (n % 2) as u16).unwrap()];
            let status = if n % 10 == 0 { PracticeStatus::Draft } else { PracticeStatus::Published };
            entry(p, status, if n % 3 == 0 { "africa" } else { "europe" }, n)
        })
        .collect();
    catalogue.rebuild(entries, 3).unwrap();
    assert_eq!(catalogue.applied(), 3);
    for words in ["", "movilidad", "datos energia"] {
        let base = catalogue.search(&search(words)).unwrap();
        assert!(base.total > 0, "{words}");
        for (dimension, values) in &base.facets {
            for (value, count) in values {
                let mut narrowed = search(words);
                match *dimension {
                    "axis" => narrowed.filters.axis = Some(value.clone()),
                    "sub_area" => narrowed.filters.sub_area = Some(value.clone()),
                    "sdg" => narrowed.filters.sdg = value.parse().ok(),
                    "section" => narrowed.filters.section = Some(value.clone()),
                    "band" => narrowed.filters.band = Some(value.clone()),
                    "edition" => {
                        narrowed.filters.edition = value.parse().ok().and_then(|y| EditionYear::new(y).ok())
                    }
                    "budget" => narrowed.filters.budget = Some(value.clone()),
                    "status" => narrowed.filters.status = Some(value.clone()),
                    other => panic!("{other}"),
                }
                assert_eq!(
                    catalogue.search(&narrowed).unwrap().total as u64,
                    *count,
                    "{words:?} {dimension}={value}"
                );
            }
        }
        let sdgs: Vec<u64> = base.facets["sdg"].iter().map(|(v, _)| v.parse().unwrap()).collect();
        assert!(!sdgs.is_empty() && sdgs.iter().all(|g| (1..=17).contains(g)));
    }
}

#[test]
fn pages_and_orders() {
    let catalogue = sample();
    let mut query = search("");
    query.per_page = 2;
    let first = catalogue.search(&query).unwrap();
    assert_eq!(first.total, 3);
    assert_eq!(ids(&first), ["fr-lyon-gouvernance", "kr-seoul-budgeting"], "newest first without words");
    query.page = 2;
    assert_eq!(ids(&catalogue.search(&query).unwrap()), ["es-bilbao-movilidad"]);
    query.page = 1_000_000;
    assert!(catalogue.search(&query).unwrap().hits.is_empty());
}

#[test]
fn changes_replace_documents_and_record_the_sequence() {
    let catalogue = sample();
    assert_eq!(catalogue.applied(), 7);
    let mut changed = practice(
        "kr-seoul",
        "kr-seoul-budgeting",
        Lang::En,
        "Citizen budgets",
        "Renamed.",
        StudyAxis::Governance,
        16,
    );
    changed.editions = vec![EditionYear::new(2023).unwrap()];
    catalogue.apply(&[entry(changed, PracticeStatus::Published, "asia_pacific", 5)], 9).unwrap();
    assert_eq!(catalogue.applied(), 9);
    assert_eq!(catalogue.len(), 4, "a change replaces the practice's document");
    assert_eq!(ids(&catalogue.search(&search("citizen")).unwrap()), ["kr-seoul-budgeting"]);
    assert!(catalogue.search(&search("participatory")).unwrap().hits.is_empty());
}

#[test]
fn related_and_learn_from_say_why() {
    let catalogue = sample();
    let lyon = catalogue.cards(&[PracticeId::parse("fr-lyon-gouvernance").unwrap()]).unwrap();
    let lyon = &lyon[&PracticeId::parse("fr-lyon-gouvernance").unwrap()];
    let related = catalogue.related(lyon, 5).unwrap();
    assert_eq!(related.len(), 1);
    assert_eq!(related[0].card.id.as_str(), "kr-seoul-budgeting");
    assert_eq!(related[0].reasons, [Reason::Axis("governance".into()), Reason::Sdgs(vec![16])]);

    let learn = catalogue
        .learn_from(
            &CityId::parse("es-madrid").unwrap(),
            "europe",
            None,
            &[CityId::parse("kr-seoul").unwrap()],
            &["gov_open".into(), "mob_sustainable".into()],
            5,
        )
        .unwrap();
    let found: Vec<&str> = learn.iter().map(|s| s.card.id.as_str()).collect();
    assert_eq!(found, ["fr-lyon-gouvernance", "es-bilbao-movilidad"], "the weakest sub-area first");
    assert_eq!(learn[0].reasons, [Reason::SubArea("gov_open".into()), Reason::Section("europe".into())]);
    let own = catalogue
        .learn_from(&CityId::parse("es-bilbao").unwrap(), "europe", None, &[], &["mob_sustainable".into()], 5)
        .unwrap();
    assert!(own.is_empty(), "a city is not sent to its own practices");
}

#[test]
fn an_index_on_disk_reopens_with_its_sequence_and_clears_a_foreign_one() {
    let dir = std::env::temp_dir().join(format!("smartcities-search-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    {
        let catalogue = Catalogue::open(&dir).unwrap();
        assert_eq!(catalogue.applied(), 0);
        let p = practice("es-bilbao", "es-bilbao-a", Lang::Es, "Movilidad", "x", StudyAxis::Mobility, 11);
        catalogue.apply(&[entry(p, PracticeStatus::Published, "europe", 1)], 4).unwrap();
    }
    let catalogue = Catalogue::open(&dir).unwrap();
    assert_eq!((catalogue.applied(), catalogue.len()), (4, 1));
    drop(catalogue);
    std::fs::write(dir.join("meta.json"), b"{ damaged").unwrap();
    let catalogue = Catalogue::open(&dir).unwrap();
    assert_eq!((catalogue.applied(), catalogue.len()), (0, 0), "a damaged index starts again empty");
    drop(catalogue);
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn snippets_come_from_the_passage_with_the_words_even_far_into_the_texts() {
    let catalogue = Catalogue::in_memory().unwrap();
    let mut p = practice(
        "es-barcelona",
        "es-barcelona-superilles",
        Lang::Es,
        "Supermanzanas: calles para las personas",
        "Se agrupan varias manzanas y el tráfico de paso se desvía al perímetro; el interior se convierte en espacio público con árboles, juegos y menos ruido y contaminación.",
        StudyAxis::Environment,
        11,
    );
    p.transferability.needs = Some(Written::new(
        Lang::Es,
        "Un plan de movilidad del barrio, urbanismo táctico para probar antes de obrar y diálogo con los vecinos.",
    ));
    catalogue.apply(&[entry(p, PracticeStatus::Published, "europe", 1)], 1).unwrap();
    let mut query = search("movilidad");
    query.lang = Lang::Es;
    let found = catalogue.search(&query).unwrap();
    assert!(found.hits[0].snippet_html.contains("<b>movilidad</b>"), "{}", found.hits[0].snippet_html);
}

#[test]
fn field_syntax_and_stars_are_words_and_a_facet_typed_filters() {
    let catalogue = sample();
    for typed in
        ["id:*", "title:*", "*", "*:*", "facets:/axis", "city:es-bilbao", "\"", "AND OR NOT", "+-!^~"]
    {
        assert!(catalogue.search(&search(typed)).is_ok(), "{typed:?} is read as words");
    }
    let all = catalogue.search(&search("")).unwrap().total;
    let mobility = catalogue.search(&search("axis:mobility")).unwrap();
    assert!(mobility.total >= 1 && mobility.total < all, "{} of {all}", mobility.total);
    assert!(mobility.hits.iter().all(|h| h.card.id.as_str().contains("movilidad")), "{:?}", ids(&mobility));
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(512))]
    /// Whatever is typed in the box, the search answers: no query string is an error.
    #[test]
    fn no_query_string_is_an_error(
        typed in "[a-zA-Zé0-9 :*?+\\-!^~\"'(){}\\[\\]\\\\/<>=&|.,_@#]{0,80}",
        unicode in "\\PC{0,40}",
    ) {
        let catalogue = FUZZED.with(|c| c.clone());
        for words in [typed.as_str(), unicode.as_str(), &format!("{typed}{unicode}")] {
            proptest::prop_assert!(catalogue.search(&search(words)).is_ok(), "{:?}", words);
        }
    }
}

thread_local! {
    static FUZZED: std::rc::Rc<Catalogue> = std::rc::Rc::new(sample());
}

#[test]
fn french_plurals_find_singulars_and_the_other_way_round() {
    let catalogue = Catalogue::in_memory().unwrap();
    let mut lyon = practice(
        "fr-lyon",
        "fr-lyon-velo",
        Lang::Fr,
        "Un vélo en libre-service",
        "Des stations de vélo dans chaque quartier et des réseaux de pistes.",
        StudyAxis::Mobility,
        11,
    );
    lyon.summary.set(Lang::Fr, "Des stations de vélo dans chaque quartier et des réseaux de pistes.");
    catalogue.apply(&[entry(lyon, PracticeStatus::Published, "europe", 1)], 1).unwrap();
    let mut query = search("");
    query.lang = Lang::Fr;
    for words in ["vélos", "velos", "vélo", "réseau", "station", "pistes", "piste"] {
        query.words = words.to_string();
        assert_eq!(ids(&catalogue.search(&query).unwrap()), ["fr-lyon-velo"], "{words}");
    }
}

#[test]
fn an_index_made_before_french_plurals_were_folded_is_rebuilt_on_opening() {
    let dir = std::env::temp_dir().join(format!("smartcities-search-plurals-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    // The schema of the earlier release: French fields analysed by "fr".
    let mut builder = Schema::builder();
    builder.add_text_field(
        "title_fr",
        TextOptions::default().set_indexing_options(TextFieldIndexing::default().set_tokenizer("fr")),
    );
    Index::create_in_dir(&dir, builder.build()).unwrap();
    let catalogue = Catalogue::open(&dir).unwrap();
    assert_eq!(catalogue.applied(), 0, "cleared, to be filled again from the database");
    drop(catalogue);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_synonym_in_the_readers_language_finds_what_its_group_finds() {
    let catalogue = sample();
    let mut query = search("guagua");
    query.lang = Lang::Es;
    assert!(catalogue.search(&query).unwrap().hits.is_empty(), "no practice says guagua");
    catalogue.set_synonyms(synonyms::Synonyms(BTreeMap::from([(
        Lang::Es,
        vec![vec!["autobus".to_string(), "autobuses".to_string(), "guagua".to_string()]],
    )])));
    assert_eq!(ids(&catalogue.search(&query).unwrap()), ["es-bilbao-movilidad"]);
    query.words = "guagua sostenible".into();
    assert_eq!(ids(&catalogue.search(&query).unwrap()), ["es-bilbao-movilidad"], "with other words");
    query.lang = Lang::Fr;
    assert!(catalogue.search(&query).unwrap().hits.is_empty(), "Spanish synonyms widen Spanish searches");
}
