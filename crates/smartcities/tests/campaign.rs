//! The campaign commands: open, invite, remind, deliver, status; and an outbox that keeps mail
//! it could not deliver.

// Each test, bench and example target sees every dependency of its package.
#![allow(unused_crate_dependencies)]

mod support;

use support::smartcities;

use std::{
    process::Output,
    sync::{Arc, Mutex},
};

use smartcities_domain::{EditionStatus, EditionYear};
use smartcities_store::{Store, testing::TestDatabase};
use tokio::{
    io::{AsyncBufReadExt, AsyncWriteExt, BufReader},
    net::TcpListener,
};

fn stdout(out: &Output) -> String {
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8_lossy(&out.stdout).into_owned()
}

async fn demo() -> (TestDatabase, Store) {
    let (db, store) = TestDatabase::migrated().await;
    smartcities_app::App::new(store.clone()).load_demo(&smartcities_app::Silent).await.unwrap();
    (db, store)
}

#[tokio::test]
async fn invitations_and_reminders_go_through_the_outbox() {
    let (db, store) = demo().await;
    let dir = tempfile::tempdir().unwrap();
    let outbox = dir.path().join("outbox");
    let outbox = outbox.to_str().unwrap();

    store
        .study()
        .plan_edition(
            EditionYear::new(2027).unwrap(),
            &smartcities_domain::Localized {
                en: "Smart Cities Study 2027".into(),
                es: "Smart Cities Study 2027".into(),
                fr: "Smart Cities Study 2027".into(),
            },
        )
        .await
        .unwrap();
    // A deadline that has passed is refused, and the edition stays in planning.
    let past = smartcities(&["campaign", "open", "--edition", "2027", "--deadline", "2020-01-01"], &db.url);
    assert!(!past.status.success());
    assert!(String::from_utf8_lossy(&past.stderr).contains("The deadline 2020-01-01 has passed"));
    let planned = store.study().edition(EditionYear::new(2027).unwrap()).await.unwrap().unwrap();
    assert_eq!(planned.status, EditionStatus::PLANNING);
    let opened =
        stdout(&smartcities(&["campaign", "open", "--edition", "2027", "--deadline", "2027-05-31"], &db.url));
    assert!(opened.contains("open for answers until 2027-05-31"));
    let edition = store.study().edition(EditionYear::new(2027).unwrap()).await.unwrap().unwrap();
    assert_eq!(edition.status, EditionStatus::COLLECTING);
    assert_eq!(edition.milestones.last().unwrap().date.to_string(), "2027-05-31");

    // The demonstration's renewal mail goes out first, elsewhere, so the outbox holds only this
    // campaign's. Every current member is invited (those asked to renew too); each focal point
    // gets one mail.
    let earlier = dir.path().join("earlier");
    stdout(&smartcities(&["campaign", "deliver", "--outbox", earlier.to_str().unwrap()], &db.url));
    let current: Vec<_> =
        store.registry().members().await.unwrap().into_iter().filter(|m| m.status.is_current()).collect();
    let (cities, mails) = (current.len(), current.iter().map(|m| m.focal_points.len()).sum::<usize>());
    assert!(cities > 30 && mails >= cities);
    let sent = store.outbox().outbox_counts().await.unwrap().sent;
    let invited = stdout(&smartcities(
        &[
            "campaign",
            "invite",
            "--edition",
            "2027",
            "--outbox",
            outbox,
            "--base-url",
            "https://study.example.org/",
        ],
        &db.url,
    ));
    assert!(invited.contains(&format!("Invited {cities} cities: {mails} messages queued.")), "{invited}");
    assert!(invited.contains(&format!("Delivered {mails} messages")), "{invited}");
    let files: Vec<_> = std::fs::read_dir(dir.path().join("outbox")).unwrap().collect();
    assert_eq!(files.len(), mails);
    let bilbao = files
        .iter()
        .map(|f| decoded(&std::fs::read_to_string(f.as_ref().unwrap().path()).unwrap()))
        .find(|m| m.contains("To: digital.office@bilbao.example.org"))
        .unwrap();
    assert!(bilbao.contains("Content-Transfer-Encoding: quoted-printable"), "{bilbao}");
    assert!(bilbao.contains("https://study.example.org/invitations/"), "{bilbao}");
    assert!(bilbao.contains("Su ciudad, Bilbao, está invitada"));

    let status = stdout(&smartcities(&["campaign", "status", "--edition", "2027"], &db.url));
    assert!(status.contains("all cities"), "{status}");
    assert!(
        status.lines().nth(1).unwrap().split_whitespace().nth(2) == Some(cities.to_string().as_str()),
        "{status}"
    );
    assert!(status.contains(&format!("mail: 0 pending, {} sent, 0 failed", sent + mails as i64)), "{status}");

    // A folder that cannot be written keeps the mail for later.
    let blocked = dir.path().join("not-a-folder");
    std::fs::write(&blocked, "a file").unwrap();
    let reminded = stdout(&smartcities(
        &["campaign", "remind", "--edition", "2027", "--outbox", blocked.to_str().unwrap()],
        &db.url,
    ));
    assert!(reminded.contains(&format!("Reminded {cities} cities")), "{reminded}");
    assert!(
        reminded.contains("Delivered 0 messages") && reminded.contains(&format!("{mails} will be retried")),
        "{reminded}"
    );
    let counts = store.outbox().outbox_counts().await.unwrap();
    let expected = (mails as i64, sent + mails as i64, 0);
    assert_eq!((counts.pending, counts.sent, counts.failed), expected, "nothing is lost");
    // The retry is not due yet: delivering now to a good folder sends nothing more.
    let later = stdout(&smartcities(&["campaign", "deliver", "--outbox", outbox], &db.url));
    assert!(later.contains("Delivered 0 messages"), "{later}");
}

/// A message with its quoted-printable body decoded.
fn decoded(message: &str) -> String {
    let bytes = quoted_printable::decode(message, quoted_printable::ParseMode::Robust).unwrap();
    String::from_utf8(bytes).unwrap()
}

/// What a minimal SMTP server received: (recipients, message) per message.
type Received = Arc<Mutex<Vec<(Vec<String>, String)>>>;

/// Accepts every message sent to `listener`, speaking just enough SMTP for a client.
async fn smtp_sink(listener: TcpListener, received: Received) {
    loop {
        let Ok((socket, _)) = listener.accept().await else { return };
        let received = received.clone();
        tokio::spawn(async move {
            let (read, mut write) = socket.into_split();
            let mut lines = BufReader::new(read).lines();
            write.write_all(b"220 sink ESMTP ready\r\n").await.unwrap();
            let mut recipients = Vec::new();
            while let Ok(Some(line)) = lines.next_line().await {
                let command = line.to_ascii_uppercase();
                let reply: &[u8] = if command.starts_with("EHLO") {
                    b"250-sink\r\n250 8BITMIME\r\n"
                } else if command.starts_with("RCPT TO:") {
                    recipients.push(line[8..].trim_matches(|c| c == '<' || c == '>' || c == ' ').to_string());
                    b"250 OK\r\n"
                } else if command == "DATA" {
                    write.write_all(b"354 go ahead\r\n").await.unwrap();
                    let mut message = String::new();
                    while let Ok(Some(line)) = lines.next_line().await {
                        if line == "." {
                            break;
                        }
                        message.push_str(line.strip_prefix('.').unwrap_or(&line));
                        message.push('\n');
                    }
                    received.lock().unwrap().push((std::mem::take(&mut recipients), message));
                    b"250 queued\r\n"
                } else if command == "QUIT" {
                    write.write_all(b"221 bye\r\n").await.unwrap();
                    return;
                } else {
                    b"250 OK\r\n"
                };
                write.write_all(reply).await.unwrap();
            }
        });
    }
}

// Several worker threads: the commands run as child processes while the sink answers them.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn mail_waits_for_an_smtp_server_that_is_down_and_then_goes_through_it() {
    let (db, store) = demo().await;
    // The demonstration's renewal mail goes out first, so only the reminders wait for the server.
    let earlier = tempfile::tempdir().unwrap();
    stdout(&smartcities(&["campaign", "deliver", "--outbox", earlier.path().to_str().unwrap()], &db.url));
    let sent_before = store.outbox().outbox_counts().await.unwrap().sent;
    // A port nobody listens on yet: the mail server is down.
    let port = TcpListener::bind("127.0.0.1:0").await.unwrap().local_addr().unwrap().port();
    let smtp_url = format!("smtp://127.0.0.1:{port}");
    let reminded =
        stdout(&smartcities(&["campaign", "remind", "--edition", "2025", "--smtp-url", &smtp_url], &db.url));
    let pending = store.outbox().outbox_counts().await.unwrap().pending;
    assert!(pending > 0, "{reminded}");
    assert!(
        reminded.contains(&format!(
            "Delivered 0 messages to the SMTP server {smtp_url}; {pending} will be retried"
        )),
        "{reminded}"
    );
    let problems = store.outbox().mail_problems(1_000).await.unwrap();
    assert_eq!(problems.len() as i64, pending);
    assert!(problems.iter().all(|p| p.attempts == 1 && !p.given_up), "{problems:?}");

    // The server comes back; the secretariat retries without waiting for the backoff.
    let received = Received::default();
    let sink =
        tokio::spawn(smtp_sink(TcpListener::bind(("127.0.0.1", port)).await.unwrap(), received.clone()));
    let delivered =
        stdout(&smartcities(&["campaign", "deliver", "--retry-now", "--smtp-url", &smtp_url], &db.url));
    sink.abort();
    assert!(delivered.contains(&format!("{pending} undelivered messages are due now")), "{delivered}");
    assert!(delivered.contains(&format!("Delivered {pending} messages")), "{delivered}");
    let counts = store.outbox().outbox_counts().await.unwrap();
    assert_eq!((counts.pending, counts.sent, counts.failed), (0, sent_before + pending, 0));

    let received = received.lock().unwrap();
    assert_eq!(received.len() as i64, pending, "each message reached the server once");
    let mut reached: Vec<&str> = received.iter().flat_map(|(to, _)| to.iter().map(String::as_str)).collect();
    let mut reminded: Vec<&str> = problems.iter().map(|p| p.recipient.as_str()).collect();
    reached.sort_unstable();
    reminded.sort_unstable();
    assert_eq!(reached, reminded, "every reminder went to its own respondent");
    let message = decoded(&received[0].1);
    assert!(message.contains("From: \"Smart Cities Study\" <noreply@smartcities.invalid>"), "{message}");
    assert!(message.contains(&format!("To: {}", received[0].0[0])), "{message}");
    // Each person reads their own language: Córdoba's reminder is in Spanish, and no message
    // carries all three.
    let cordoba = received
        .iter()
        .find(|(to, _)| to.iter().any(|a| a.contains("cordoba")))
        .map(|(_, m)| decoded(m))
        .expect("Córdoba was reminded");
    assert!(cordoba.contains("aún no se han enviado") && !cordoba.contains("not submitted yet"), "{cordoba}");
    assert!(cordoba.contains("lang=en") && cordoba.contains("lang=fr"), "the other languages linked");
}

#[test]
fn campaign_commands_have_help() {
    for sub in ["open", "invite", "remind", "deliver", "status"] {
        let out = smartcities(&["campaign", sub, "--help"], "sqlite://unused.db");
        assert!(stdout(&out).contains("Usage: smartcities campaign"), "{sub}");
    }
}

#[tokio::test]
async fn focus_groups_are_recorded_from_a_file() {
    let (db, _store) = demo().await;
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("focus.toml");
    std::fs::write(
        &file,
        r#"
id = "2023-en"
edition = 2023
held_on = "2023-05-10"
language = "en"
dynamics = "Good practices per axis and their SDGs; then barriers and enablers"
participants = ["es-bilbao", "kr-seoul", "mx-mexico-city"]

[[outputs]]
kind = "practice"
axis = "new_mobility"
sdgs = ["11.2"]
note = "Mobility-as-a-service pilot with the regional transport authority"

[[outputs]]
kind = "barrier"
note = "Procurement rules slow down pilots"
"#,
    )
    .unwrap();
    let out = stdout(&smartcities(&["focus-group", "import", file.to_str().unwrap()], &db.url));
    assert!(out.contains("Recorded focus group 2023-en of edition 2023 with 2 outputs."), "{out}");
    let listed = stdout(&smartcities(&["focus-group", "list", "--edition", "2023"], &db.url));
    assert!(listed.contains("2023-en · 2023-05-10 · en · 3 cities"), "{listed}");
    assert!(listed.contains("practice [new_mobility] [11.2] Mobility-as-a-service pilot"), "{listed}");

    std::fs::write(&file, std::fs::read_to_string(&file).unwrap().replace("\"11.2\"", "\"19\"")).unwrap();
    let bad = smartcities(&["focus-group", "import", file.to_str().unwrap()], &db.url);
    assert!(!bad.status.success());
    assert!(String::from_utf8_lossy(&bad.stderr).contains("SDG"), "{}", String::from_utf8_lossy(&bad.stderr));
}
