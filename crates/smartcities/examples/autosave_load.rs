//! Load test of autosave: N simulated respondents (default 500) each autosave one answer of
//! their city's questionnaire once a second, starting spread over the first second, over real
//! HTTP on loopback for D seconds (default 60), against a
//! fresh demo database: SQLite, or PostgreSQL when `SMARTCITIES_TEST_DATABASE_URL` names one.
//! Cities are added to the campaign when its open ones offer too few distinct answers. Prints
//! the latency percentiles of acknowledged saves and checks that every acknowledged save is in
//! the database afterwards.
//!
//! cargo run --release -p smartcities --example autosave_load -- [RESPONDENTS] [SECONDS]

// Each test, bench and example target sees every dependency of its package.
#![allow(unused_crate_dependencies)]

use std::time::{Duration, Instant};

use smartcities_app::accounts as auth;
use smartcities_app::mail::{DEFAULT_FROM, Mailer};
use smartcities_domain::{CityId, EditionYear, Email, Role};
use smartcities_store::testing::TestDatabase;
use smartcities_web::AppState;
use smartcities_web::auth::SESSION_COOKIE;
use tokio::{
    io::{AsyncBufReadExt, AsyncReadExt, AsyncWriteExt, BufReader},
    net::TcpStream,
};

struct Respondent {
    cookie: String,
    csrf: String,
    city: CityId,
    group: String,
    question: String,
}

/// One POST over a kept-alive connection; returns the status and body. The reply is read
/// through a buffer: the client shares the machine's cores with the server, so it must not spend
/// a system call per byte.
async fn post(
    stream: &mut BufReader<TcpStream>,
    path: &str,
    cookie: &str,
    body: &str,
) -> std::io::Result<(u16, String)> {
    let request = format!(
        "POST {path} HTTP/1.1\r\nHost: localhost\r\nCookie: {cookie}\r\nAccept: application/json\r\n\
         Content-Type: application/x-www-form-urlencoded\r\nContent-Length: {}\r\n\r\n{body}",
        body.len()
    );
    stream.get_mut().write_all(request.as_bytes()).await?;
    let (mut status, mut length, mut line) = (0u16, 0usize, String::new());
    loop {
        line.clear();
        if stream.read_line(&mut line).await? == 0 {
            return Err(std::io::ErrorKind::UnexpectedEof.into());
        }
        let lower = line.trim_end().to_ascii_lowercase();
        if lower.is_empty() {
            break;
        }
        if lower.starts_with("http/") {
            status = lower.split_whitespace().nth(1).and_then(|s| s.parse().ok()).unwrap_or(0);
        } else if let Some(value) = lower.strip_prefix("content-length:") {
            length = value.trim().parse().unwrap_or(0);
        }
    }
    let mut body = vec![0u8; length];
    stream.read_exact(&mut body).await?;
    Ok((status, String::from_utf8_lossy(&body).into_owned()))
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().collect();
    let count: usize = args.get(1).and_then(|a| a.parse().ok()).unwrap_or(500);
    let seconds: u64 = args.get(2).and_then(|a| a.parse().ok()).unwrap_or(60);

    let (_db, store) = TestDatabase::migrated().await;
    smartcities_app::App::new(store.clone()).load_demo(&smartcities_app::Silent).await?;
    let year = EditionYear::new(smartcities_app::demo::CAMPAIGN_YEAR)?;
    let (_, questionnaire) = store.study().questionnaire(year).await?.expect("the demo has a questionnaire");
    let answerable: Vec<(String, String)> = questionnaire
        .questions()
        .into_iter()
        .filter(|l| {
            use smartcities_app::questionnaire::Kind;
            l.repeat().is_none() && matches!(l.question.kind, Kind::Integer | Kind::Decimal | Kind::Text)
        })
        .map(|l| (l.groups[0].name.to_string(), l.question.name.to_string()))
        .collect();
    // Cities whose responses are still open, so respondents may save.
    let mut cities = Vec::new();
    for city in store.registry().cities(&Default::default()).await? {
        let open =
            store.answering().response(year, &city.id).await?.is_none_or(|r| r.status.open_to_respondent());
        if open {
            cities.push(city.id);
        }
    }
    // Each respondent autosaves an answer of its own: add cities to the campaign until there
    // are enough, copies of a real one under new ids.
    let needed = count.div_ceil(answerable.len().max(1));
    let template =
        store.registry().cities(&Default::default()).await?.into_iter().next().expect("the demo has cities");
    let mut added = Vec::new();
    for n in 0..needed.saturating_sub(cities.len()) {
        let mut city = template.clone();
        city.id = CityId::parse(&format!("{}-load-test-{n}", template.country.as_str().to_lowercase()))?;
        city.name = format!("Load test city {n}");
        added.push(city);
    }
    store.registry().upsert_cities(&added).await?;
    for city in added {
        store.answering().open_response(year, &city.id).await?;
        cities.push(city.id);
    }
    let mut respondents = Vec::new();
    for i in 0..count {
        let city = cities[i % cities.len()].clone();
        let (group, question) = answerable[i / cities.len()].clone();
        let email = Email::parse(&format!("load{i}@{}.example.org", city))?;
        let user = store
            .accounts()
            .ensure_user(
                &format!("load-{i}"),
                &email,
                &format!("Load {i}"),
                Role::Respondent,
                Some(&city),
                None,
            )
            .await?;
        let (token, csrf) = (auth::new_token(), auth::new_token());
        store.accounts().create_session(&auth::token_hash(&token), &user.id, &csrf, 3600).await?;
        respondents.push(Respondent {
            cookie: format!("{}={token}", SESSION_COOKIE),
            csrf,
            city,
            group,
            question,
        });
    }

    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
    let address = listener.local_addr()?;
    let mail_dir = tempfile::tempdir().unwrap();
    let mailer = Mailer::folder(mail_dir.path(), DEFAULT_FROM).unwrap();
    let server = tokio::spawn(smartcities_web::serve(
        AppState::new(smartcities_app::App::new(store.clone())),
        mailer,
        listener,
    ));
    let backend = if std::env::var(smartcities_store::testing::ENV).is_ok_and(|u| u.starts_with("postgres")) {
        "PostgreSQL"
    } else {
        "SQLite"
    };
    println!("{count} respondents autosaving for {seconds} s against {backend} on {address}");

    let started = tokio::time::Instant::now();
    let deadline = Instant::now() + Duration::from_secs(seconds);
    let mut tasks = Vec::new();
    for (i, r) in respondents.into_iter().enumerate() {
        // People do not all press a key at the same instant: respondents start spread evenly
        // over the first second, then each autosaves once a second.
        let offset = Duration::from_millis(1000 * i as u64 / count as u64);
        tasks.push(tokio::spawn(async move {
            let mut ticks = tokio::time::interval_at(started + offset, Duration::from_secs(1));
            ticks.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
            ticks.tick().await;
            let connect =
                || async { BufReader::new(TcpStream::connect(address).await.expect("the server accepts")) };
            let mut stream = connect().await;
            let (mut latencies, mut last_acknowledged, mut refused, mut revision) =
                (Vec::new(), None, 0usize, 0i64);
            let mut value = 0u64;
            let path = format!("/responses/2025/{}/groups/{}", r.city, r.group);
            while Instant::now() < deadline {
                value += 1;
                let body =
                    format!("csrf={}&revision={revision}&shown={q}&{q}={value}", r.csrf, q = r.question);
                let started = Instant::now();
                match post(&mut stream, &path, &r.cookie, &body).await {
                    Ok((200, reply)) => {
                        latencies.push(started.elapsed());
                        last_acknowledged = Some(value);
                        let json: serde_json::Value = serde_json::from_str(&reply).unwrap_or_default();
                        revision = json["revision"].as_i64().unwrap_or(revision);
                    }
                    Ok((409, reply)) => {
                        // Expected once for a respondent whose city already had an answer to this
                        // question at a newer revision: the reply carries it, the next save uses it.
                        refused += 1;
                        let json: serde_json::Value = serde_json::from_str(&reply).unwrap_or_default();
                        revision = json["revision"].as_i64().unwrap_or(revision);
                    }
                    Ok(_) | Err(_) => {
                        refused += 1;
                        stream = connect().await;
                    }
                }
                // A person types; autosave fires once a second.
                ticks.tick().await;
            }
            (r.city, r.question, last_acknowledged, latencies, refused)
        }));
    }
    let mut all = Vec::new();
    let (mut refused, mut lost, mut acknowledged) = (0, 0, 0);
    let mut finals = Vec::new();
    for task in tasks {
        let (city, question, last, latencies, r) = task.await?;
        all.extend(latencies);
        refused += r;
        finals.push((city, question, last));
    }
    server.abort();
    for (city, question, last) in finals {
        let Some(last) = last else { continue };
        acknowledged += 1;
        let stored = store
            .answering()
            .answers(year, &city)
            .await?
            .into_iter()
            .find(|a| a.question == question)
            .map(|a| a.value.into_string());
        if stored != Some(last.to_string()) {
            lost += 1;
        }
    }
    all.sort();
    let pick = |p: f64| all.get(((all.len() as f64 - 1.0) * p) as usize).copied().unwrap_or_default();
    println!(
        "{} acknowledged saves ({:.0}/s), {refused} refused (conflicts) or failed; latency p50 {:?}, p95 {:?}, p99 {:?}, max {:?}",
        all.len(),
        all.len() as f64 / seconds as f64,
        pick(0.50),
        pick(0.95),
        pick(0.99),
        all.last().copied().unwrap_or_default()
    );
    println!(
        "respondents with an acknowledged save: {acknowledged}; last acknowledged value missing afterwards: {lost}"
    );
    store.close().await;
    anyhow::ensure!(lost == 0, "{lost} acknowledged saves are missing");
    Ok(())
}
