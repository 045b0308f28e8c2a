//! The good-practice catalogue at scale: 100,000 generated practices (set
//! `SMARTCITIES_BENCH_PRACTICES` for another number) in es, en and fr stored in the database,
//! the search index built from it as a server with no index does at start, then the latency of
//! search requests through the HTTP API of a real server on the loopback interface, one
//! keep-alive connection and then two at once.
//! Run with `cargo bench -p smartcities --bench catalogue`.

// Each test, bench and example target sees every dependency of its package.
#![allow(unused_crate_dependencies)]

use std::time::{Duration, Instant};

use smartcities_app::mail::{DEFAULT_FROM, Mailer};
use smartcities_domain::{
    Actor, BudgetRange, City, EditionYear, Lang, Practice, PracticeId, PracticeStatus, StudyAxis, Written,
};
use smartcities_store::{CityFilter, PracticeChange, testing::TestDatabase};
use smartcities_web::AppState;
use tokio::{
    io::{AsyncReadExt, AsyncWriteExt, BufReader},
    net::TcpStream,
};

/// Words each generated text draws from, per language, with the phrases the tests look for.
const WORDS: [(Lang, &[&str]); 3] = [
    (
        Lang::Es,
        &[
            "movilidad",
            "sostenible",
            "datos",
            "abiertos",
            "participación",
            "ciudadana",
            "energía",
            "renovable",
            "barrio",
            "vecinos",
            "transporte",
            "público",
            "bicicleta",
            "residuos",
            "reciclaje",
            "agua",
            "salud",
            "servicios",
            "digitales",
            "plataforma",
            "empleo",
            "innovación",
            "empresas",
            "universidad",
            "clima",
            "adaptación",
            "espacio",
            "verde",
            "seguridad",
            "inclusión",
            "brecha",
            "digital",
            "mayores",
            "jóvenes",
            "presupuesto",
            "gobierno",
            "abierto",
            "sensores",
            "alumbrado",
            "eficiente",
            "vivienda",
            "turismo",
        ],
    ),
    (
        Lang::En,
        &[
            "mobility",
            "sustainable",
            "open",
            "data",
            "participation",
            "residents",
            "energy",
            "renewable",
            "neighbourhood",
            "public",
            "transport",
            "cycling",
            "waste",
            "recycling",
            "water",
            "health",
            "digital",
            "services",
            "platform",
            "jobs",
            "innovation",
            "companies",
            "university",
            "climate",
            "adaptation",
            "green",
            "space",
            "safety",
            "inclusion",
            "divide",
            "elderly",
            "youth",
            "budget",
            "government",
            "sensors",
            "lighting",
            "efficient",
            "housing",
            "tourism",
            "skills",
            "procurement",
            "air",
        ],
    ),
    (
        Lang::Fr,
        &[
            "mobilité",
            "durable",
            "données",
            "ouvertes",
            "participation",
            "citoyenne",
            "énergie",
            "renouvelable",
            "quartier",
            "habitants",
            "transports",
            "publics",
            "vélo",
            "déchets",
            "recyclage",
            "eau",
            "santé",
            "services",
            "numériques",
            "plateforme",
            "emploi",
            "innovation",
            "entreprises",
            "université",
            "climat",
            "adaptation",
            "espaces",
            "verts",
            "sécurité",
            "inclusion",
            "fracture",
            "numérique",
            "aînés",
            "jeunes",
            "budget",
            "gouvernance",
            "ouverte",
            "capteurs",
            "éclairage",
            "logement",
            "tourisme",
            "compétences",
        ],
    ),
];

const SUB_AREAS: [(&str, StudyAxis); 12] = [
    ("innovation_ecosystem", StudyAxis::Economy),
    ("innovative_procurement", StudyAxis::Economy),
    ("sustainable_shared_mobility", StudyAxis::Mobility),
    ("mobility_data", StudyAxis::Mobility),
    ("climate_energy", StudyAxis::Environment),
    ("circular_economy", StudyAxis::Environment),
    ("digital_inclusion", StudyAxis::Citizenship),
    ("digital_participation", StudyAxis::Citizenship),
    ("health_care_services", StudyAxis::QualityOfLife),
    ("safety_public_space", StudyAxis::QualityOfLife),
    ("open_government", StudyAxis::Governance),
    ("data_ai_governance", StudyAxis::Governance),
];

/// A small deterministic generator (xorshift64*), so every run indexes the same texts.
struct Dice(u64);

impl Dice {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        (self.0.wrapping_mul(0x2545_F491_4F6C_DD1D) >> 33) as usize % n
    }

    fn sentence(&mut self, lang: Lang, words: usize) -> String {
        let vocabulary = WORDS.iter().find(|(l, _)| *l == lang).map(|(_, w)| *w).unwrap_or(&[]);
        let mut text: Vec<&str> = (0..words).map(|_| vocabulary[self.below(vocabulary.len())]).collect();
        // One practice in eight is about the phrases the tests search for.
        if self.below(8) == 0 {
            text.extend(match lang {
                Lang::Es => ["movilidad", "sostenible"],
                Lang::En => ["open", "data"],
                Lang::Fr => ["gouvernance", "ouverte"],
            });
        }
        text.join(" ")
    }
}

fn practice(n: usize, city: &City, dice: &mut Dice) -> Practice {
    let lang = Lang::ALL[n % 3];
    let (sub_area, axis) = SUB_AREAS[dice.below(SUB_AREAS.len())];
    let words = 4 + dice.below(4);
    let title = dice.sentence(lang, words);
    let id = PracticeId::parse(&format!("{}-bench-{n}", city.id)).unwrap();
    let sdg = dice.below(17) as u8 + 1;
    let mut practice = Practice::new(id, city.id.clone(), Written::new(lang, title), axis, sdg);
    if n.is_multiple_of(3) {
        let other = Lang::ALL[(n + 1) % 3];
        let translation = dice.sentence(other, 5);
        practice.title.set(other, &translation);
    }
    let words = 25 + dice.below(20);
    practice.summary = Written::new(lang, dice.sentence(lang, words));
    practice.transferability.needs = Some(Written::new(lang, dice.sentence(lang, 12)));
    practice.sub_area = Some(sub_area.to_string());
    practice.sdgs = vec![sdg, dice.below(17) as u8 + 1];
    practice.sdgs.dedup();
    practice.budget = Some(BudgetRange::ALL[dice.below(4)]);
    practice.actors = vec![Actor::ALL[dice.below(4)]];
    practice.editions = vec![EditionYear::new([2021, 2023, 2024][dice.below(3)]).unwrap()];
    practice.consent = true;
    practice.illustrative = true;
    practice
}

const QUERIES: &[&str] = &[
    "/api/v1/practices?q=movilidad&lang=es",
    "/api/v1/practices?q=gouvernance+ouverte&lang=fr",
    "/api/v1/practices?q=open+data&lang=en",
    "/api/v1/practices?q=energia+renovable&sdg=7",
    "/api/v1/practices?sdg=11&page=3",
    "/api/v1/practices?axis=mobility&section=europe",
    "/api/v1/practices?q=datos+abiertos&order=newest",
    "/api/v1/practices?q=participation&page=5",
    "/api/v1/practices?q=bicicleta+barrio&lang=es",
    "/api/v1/practices?edition=2024&budget=under_50k",
    "/api/v1/practices?q=sante+numerique&lang=fr",
    "/api/v1/practices?q=climate+adaptation&axis=environment",
];

/// One keep-alive connection to the server, reading each response whole.
struct Client {
    stream: BufReader<TcpStream>,
}

impl Client {
    async fn connect(address: std::net::SocketAddr) -> Client {
        let stream = TcpStream::connect(address).await.unwrap();
        stream.set_nodelay(true).unwrap();
        Client { stream: BufReader::new(stream) }
    }

    async fn get(&mut self, path: &str) -> usize {
        let request = format!("GET {path} HTTP/1.1\r\nHost: bench\r\n\r\n");
        self.stream.get_mut().write_all(request.as_bytes()).await.unwrap();
        let mut head = Vec::new();
        while !head.ends_with(b"\r\n\r\n") {
            head.push(self.stream.read_u8().await.unwrap());
        }
        let head = String::from_utf8_lossy(&head).to_ascii_lowercase();
        assert!(head.starts_with("http/1.1 200"), "{path}: {head}");
        let length: usize = head
            .lines()
            .find_map(|l| l.strip_prefix("content-length:"))
            .and_then(|v| v.trim().parse().ok())
            .expect("a content length");
        let mut body = vec![0; length];
        self.stream.read_exact(&mut body).await.unwrap();
        length
    }
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    sorted[((sorted.len() as f64 - 1.0) * p).round() as usize]
}

fn report(label: &str, mut samples: Vec<Duration>) {
    samples.sort();
    println!(
        "{label}: {} requests, p50 {:.2} ms, p95 {:.2} ms, p99 {:.2} ms, max {:.2} ms",
        samples.len(),
        percentile(&samples, 0.50).as_secs_f64() * 1e3,
        percentile(&samples, 0.95).as_secs_f64() * 1e3,
        percentile(&samples, 0.99).as_secs_f64() * 1e3,
        samples[samples.len() - 1].as_secs_f64() * 1e3,
    );
}

fn main() {
    let count: usize =
        std::env::var("SMARTCITIES_BENCH_PRACTICES").ok().and_then(|v| v.parse().ok()).unwrap_or(100_000);
    let runtime = tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build().unwrap();
    runtime.block_on(async move {
        let (_db, store) = TestDatabase::migrated().await;
        smartcities_app::App::new(store.clone()).load_demo(&smartcities_app::Silent).await.unwrap();
        let cities = store.registry().cities(&CityFilter::default()).await.unwrap();

        let started = Instant::now();
        let mut dice = Dice(0x5EED_CAFE_F00D);
        for chunk in (0..count).collect::<Vec<_>>().chunks(5_000) {
            let practices: Vec<Practice> =
                chunk.iter().map(|n| practice(*n, &cities[n % cities.len()], &mut dice)).collect();
            let changes: Vec<PracticeChange> = practices
                .iter()
                .map(|p| PracticeChange {
                    practice: p,
                    status: if p.id.as_str().ends_with('7') { PracticeStatus::Draft } else { PracticeStatus::Published },
                    based_on: None,
                    by: "bench",
                    comment: None,
                })
                .collect();
            store.catalogue().save_practices(&changes).await.unwrap();
        }
        println!("stored {count} practices in the database in {:.1} s", started.elapsed().as_secs_f64());

        let index_dir = tempfile::tempdir().unwrap();
        let state = AppState::new(smartcities_app::App::new(store.clone())).with_catalogue_dir(Some(index_dir.path())).unwrap();
        let started = Instant::now();
        let applied = state.app.sync_catalogue().await.unwrap();
        println!(
            "index built from the database: {applied} practices in {:.1} s (on disk, as `smartcities serve` keeps it)",
            started.elapsed().as_secs_f64()
        );

        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let address = listener.local_addr().unwrap();
        let mail = tempfile::tempdir().unwrap();
        let mailer = Mailer::folder(mail.path(), DEFAULT_FROM).unwrap();
        let server = tokio::spawn(smartcities_web::serve(state, mailer, listener));

        let mut client = Client::connect(address).await;
        for query in QUERIES.iter().cycle().take(240) {
            client.get(query).await;
        }
        let mut samples = Vec::new();
        let mut bytes = 0;
        for query in QUERIES.iter().cycle().take(3_000) {
            let started = Instant::now();
            bytes += client.get(query).await;
            samples.push(started.elapsed());
        }
        println!("mean answer {} bytes", bytes / samples.len());
        report("one connection", samples);

        let mut tasks = Vec::new();
        for offset in 0..2 {
            tasks.push(tokio::spawn(async move {
                let mut client = Client::connect(address).await;
                let mut samples = Vec::new();
                for query in QUERIES.iter().cycle().skip(offset * 5).take(1_500) {
                    let started = Instant::now();
                    client.get(query).await;
                    samples.push(started.elapsed());
                }
                samples
            }));
        }
        let mut both = Vec::new();
        for task in tasks {
            both.extend(task.await.unwrap());
        }
        report("two connections at once", both);

        let mut per_query = Vec::new();
        for query in QUERIES {
            let mut samples = Vec::new();
            for _ in 0..100 {
                let started = Instant::now();
                client.get(query).await;
                samples.push(started.elapsed());
            }
            samples.sort();
            per_query.push((query, percentile(&samples, 0.5), percentile(&samples, 0.95)));
        }
        for (query, p50, p95) in per_query {
            println!("  {query}: p50 {:.2} ms, p95 {:.2} ms", p50.as_secs_f64() * 1e3, p95.as_secs_f64() * 1e3);
        }
        server.abort();
    });
}
