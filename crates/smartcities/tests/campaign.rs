//! The campaign commands: open, invite, remind, deliver, status; and an outbox that keeps mail
//! it could not deliver.

mod support;

use support::smartcities;

use std::process::Output;

use indicatif::ProgressBar;
use smartcities_domain::{EditionStatus, EditionYear};
use smartcities_store::{Store, testing::TestDatabase};

fn stdout(out: &Output) -> String {
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8_lossy(&out.stdout).into_owned()
}

async fn demo() -> (TestDatabase, Store) {
    let (db, store) = TestDatabase::migrated().await;
    smartcities::demo::load(&store, &ProgressBar::hidden()).await.unwrap();
    (db, store)
}

#[tokio::test]
async fn invitations_and_reminders_go_through_the_outbox() {
    let (db, store) = demo().await;
    let dir = tempfile::tempdir().unwrap();
    let outbox = dir.path().join("outbox");
    let outbox = outbox.to_str().unwrap();

    store
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
    let opened =
        stdout(&smartcities(&["campaign", "open", "--edition", "2027", "--deadline", "2027-05-31"], &db.url));
    assert!(opened.contains("open for answers until 2027-05-31"));
    let edition = store.edition(EditionYear::new(2027).unwrap()).await.unwrap().unwrap();
    assert_eq!(edition.status, EditionStatus::Collecting);
    assert_eq!(edition.milestones.last().unwrap().date.to_string(), "2027-05-31");

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
    assert!(invited.contains("Invited 35 cities: 35 messages queued."), "{invited}");
    assert!(invited.contains("Delivered 35 messages"), "{invited}");
    let files: Vec<_> = std::fs::read_dir(dir.path().join("outbox")).unwrap().collect();
    assert_eq!(files.len(), 35);
    let bilbao = files
        .iter()
        .map(|f| std::fs::read_to_string(f.as_ref().unwrap().path()).unwrap())
        .find(|m| m.contains("To: digital.office@bilbao.example.org"))
        .unwrap();
    assert!(bilbao.contains("https://study.example.org/invitations/"), "{bilbao}");
    assert!(bilbao.contains("Su ciudad, Bilbao, está invitada"));

    let status = stdout(&smartcities(&["campaign", "status", "--edition", "2027"], &db.url));
    assert!(status.contains("all cities"), "{status}");
    assert!(status.lines().nth(1).unwrap().split_whitespace().nth(2) == Some("35"), "{status}");
    assert!(status.contains("mail: 0 pending, 35 sent, 0 failed"), "{status}");

    // A folder that cannot be written keeps the mail for later.
    let blocked = dir.path().join("not-a-folder");
    std::fs::write(&blocked, "a file").unwrap();
    let reminded = stdout(&smartcities(
        &["campaign", "remind", "--edition", "2027", "--outbox", blocked.to_str().unwrap()],
        &db.url,
    ));
    assert!(reminded.contains("Reminded 35 cities"), "{reminded}");
    assert!(
        reminded.contains("Delivered 0 messages") && reminded.contains("35 will be retried"),
        "{reminded}"
    );
    let counts = store.outbox_counts().await.unwrap();
    assert_eq!((counts.pending, counts.sent, counts.failed), (35, 35, 0), "nothing is lost");
    // The retry is not due yet: delivering now to a good folder sends nothing more.
    let later = stdout(&smartcities(&["campaign", "deliver", "--outbox", outbox], &db.url));
    assert!(later.contains("Delivered 0 messages"), "{later}");
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
