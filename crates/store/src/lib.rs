//! Storage for smartcities on embedded SQLite (the default) or on PostgreSQL (for several app
//! servers sharing one database). Both run the same migrations and the same queries through
//! sqlx's `Any` driver; the few places where the dialects differ are branched on [`Backend`].
//! Every write that touches several rows is one transaction: it lands whole or not at all.

// The unit tests see the dev-dependencies that only the integration tests use.
#![cfg_attr(test, allow(unused_crate_dependencies))]

mod accounts;
pub mod backup;
mod campaigns;
mod catalogue;
mod cities;
/// Timestamps as the database keeps them.
mod editions;
mod events;
mod findings;
mod focus_groups;
mod history;
mod inbox;
mod members;
mod network;
mod outbox;
mod people;
mod publications;
mod questionnaires;
mod responses;
mod site;
mod teams;
#[cfg(feature = "testing")]
pub mod testing;

use smartcities_domain::{CityId, EditionYear, ResponseMove, ResponseStatus};
use sqlx::{
    AnyPool, Executor,
    any::{AnyPoolOptions, install_default_drivers},
};

pub use accounts::{LinkPurpose, SessionUser, User};
pub use campaigns::{CampaignMail, CampaignText, NewReminder, ScheduledReminder};
pub use catalogue::{PracticeChange, SavedPractice, StoredPractice};
pub use cities::CityFilter;
pub use editions::SavedEdition;
pub use findings::StoredCoding;
pub use focus_groups::{FocusGroup, FocusGroupOutput, OutputKind};
pub use history::{FigureChange, FiguresImported, ReportFile};
pub use inbox::Waiting;
pub use network::{DownloadCount, RenewalReply, RenewalRound};
pub use outbox::{MAX_ATTEMPTS, Mail, MailProblem, OutboxCounts, OutgoingMail};
pub use people::{Erased, FORMER_CONTACT, HeldAbout};
pub use publications::{NewPublication, Publication, PublishedFile, ScheduledJob};
pub use responses::{
    AnswerChange, Attachment, ChangeRecord, Conflict, Editor, EvidenceLevel, NewAttachment, NoteChange,
    ResponseRecord, ReviewComment, SaveOutcome, StoredAnswer, StoredNote,
};
pub use teams::{ColleagueTerms, NewTeamMember, TeamMember};

/// An edition's year as the database keeps it.
pub(crate) fn year(edition: EditionYear) -> i64 {
    i64::from(edition.get())
}

/// Declares a repository: one aggregate's reads and writes, borrowed from the store
/// (`store.accounts().user_by_email(…)`), with the store's connections and clock at hand.
macro_rules! repository {
    ($(#[$doc:meta])* $name:ident, $accessor:ident) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy)]
        pub struct $name<'s>(&'s Store);

        impl std::ops::Deref for $name<'_> {
            type Target = Store;
            fn deref(&self) -> &Store {
                self.0
            }
        }

        impl Store {
            $(#[$doc])*
            pub fn $accessor(&self) -> $name<'_> {
                $name(self)
            }
        }
    };
}

repository!(
    /// Accounts: users, sessions, one-time links and sign-in attempts.
    Accounts, accounts
);
repository!(
    /// The registry: cities, members and their focal points, partners.
    Registry, registry
);
repository!(
    /// The study's editions, their frameworks and questionnaires.
    Study, study
);
repository!(
    /// Cities' responses: answers, their history, review comments, moves through review.
    Answering, answering
);
repository!(
    /// What analyses found: results, codebooks, codings.
    Findings, findings
);
repository!(
    /// Focus groups and their outputs.
    Workshops, workshops
);
repository!(
    /// The good-practice catalogue and its change sequence.
    Catalogue, catalogue
);
repository!(
    /// The community's own work: events, renewal rounds, applications, leadership, activities,
    /// downloads.
    Community, community
);
repository!(
    /// The mail outbox.
    Outbox, outbox
);
repository!(
    /// Personal data across every table: what is held about one person, its erasure, disabled
    /// accounts and how long decided applications are kept.
    People, people
);
repository!(
    /// What is waiting for someone: counts for the inboxes.
    Inbox, inbox
);
repository!(
    /// The study's history: past editions' published figures and report files.
    History, history
);
repository!(
    /// Campaign mail texts per language and reminders scheduled before a deadline.
    Campaigns, campaigns
);
repository!(
    /// Cities' answering teams: focal points and the colleagues answering sections.
    Teams, teams
);
repository!(
    /// Published versions, their files, and the scheduled work that makes them public.
    Versions, versions
);

/// A moment stored in a column, as the timestamp it is.
pub(crate) fn moment(row: &sqlx::any::AnyRow, column: &str) -> Result<smartcities_domain::Timestamp> {
    let text: String = sqlx::Row::try_get(row, column)?;
    smartcities_domain::Timestamp::parse(&text).map_err(corrupt)
}

/// A version number stored in a column, through its type's constructor (`QuestionnaireVersion::new`).
pub(crate) fn versioned<V>(row: &sqlx::any::AnyRow, column: &str, new: fn(i64) -> Option<V>) -> Result<V> {
    let n: i64 = sqlx::Row::try_get(row, column)?;
    new(n).ok_or_else(|| corrupt(format!("{column} {n} is not a version number")))
}

/// A moment a column may hold.
pub(crate) fn moment_opt(
    row: &sqlx::any::AnyRow,
    column: &str,
) -> Result<Option<smartcities_domain::Timestamp>> {
    let text: Option<String> = sqlx::Row::try_get(row, column)?;
    text.map(|t| smartcities_domain::Timestamp::parse(&t).map_err(corrupt)).transpose()
}

/// Where a database's schema stands against this program's migrations.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SchemaState {
    /// Every migration this program knows is applied, and no other.
    Current,
    /// Never migrated: no schema at all.
    Empty,
    /// Migrations this program carries are not applied yet.
    Behind {
        /// Their versions.
        missing: Vec<i64>,
    },
    /// A migration this program does not know was applied: a newer program migrated it.
    Ahead {
        /// The first such version.
        unknown: i64,
    },
}

static MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("./migrations");

/// Which database engine a [`Store`] talks to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    /// Embedded SQLite, for one server.
    Sqlite,
    /// PostgreSQL, for several servers sharing one database.
    Postgres,
}

/// Why the store did not do what was asked.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("unsupported database URL {0:?}: use sqlite://PATH or postgres://USER@HOST/DATABASE")]
    /// A database URL of neither supported scheme.
    UnsupportedUrl(String),
    #[error("database error: {0}")]
    /// The database failed.
    Database(#[from] sqlx::Error),
    #[error("migration failed: {0}")]
    /// A migration failed.
    Migrate(#[from] sqlx::migrate::MigrateError),
    /// A stored value no longer parses, which means something outside smartcities changed it.
    #[error("stored data is invalid: {0}")]
    Corrupt(String),
    #[error("no city with id {0} is in the registry; import it first")]
    /// A city id that is not in the registry.
    UnknownCity(String),
    /// An edition that is not in the database.
    #[error("no edition {0}")]
    NoEdition(EditionYear),
    /// Another version of the edition was published meanwhile under the number asked for.
    #[error("version {version} of edition {edition} was published meanwhile")]
    VersionTaken {
        /// The edition.
        edition: EditionYear,
        /// The number asked for.
        version: smartcities_domain::PublishedVersion,
    },
    /// An edition without a questionnaire.
    #[error("edition {0} has no questionnaire")]
    NoQuestionnaire(EditionYear),
    /// An edition without a framework.
    #[error("edition {0} has no framework")]
    NoFramework(EditionYear),
    /// A focus-group output on an axis the edition's framework does not have.
    #[error("edition {edition} has no axis {axis}")]
    UnknownAxis {
        /// The edition.
        edition: EditionYear,
        /// The axis named.
        axis: String,
    },
    /// A city with no response record in the edition.
    #[error("{city} has no response to edition {edition}")]
    NoResponse {
        /// The edition.
        edition: EditionYear,
        /// The city.
        city: CityId,
    },
    /// A city with no answer to a question.
    #[error("{city} has no answer to {question}")]
    NoAnswer {
        /// The city.
        city: CityId,
        /// The question.
        question: String,
    },
    /// The response's lifecycle does not allow the move from its current status.
    #[error("the response of {city} is {}, so it cannot be {}", from.slug(), attempted.slug())]
    IllegalMove {
        /// The city.
        city: CityId,
        /// Where its response stands.
        from: ResponseStatus,
        /// The move refused.
        attempted: ResponseMove,
    },
    /// The files of one response would together pass their bound.
    #[error("the files of {city}'s response would pass {max} bytes")]
    FilesTooLarge {
        /// The city.
        city: CityId,
        /// The bound, in bytes.
        max: u64,
    },
    /// The city can no longer change its answers in this status.
    #[error("the response of {city} is {} and can no longer be changed", status.slug())]
    ResponseClosed {
        /// The city.
        city: CityId,
        /// Where its response stands.
        status: ResponseStatus,
    },
    /// Someone stored a questionnaire version after the one an edit was based on.
    #[error(
        "the questionnaire changed since you opened it (version {based_on}, now {now}); reload it and edit again"
    )]
    QuestionnaireChanged {
        /// The version the edit started from.
        based_on: smartcities_domain::QuestionnaireVersion,
        /// The version current now.
        now: smartcities_domain::QuestionnaireVersion,
    },
    /// Someone stored a framework version after the one an edit was based on.
    #[error(
        "the framework changed since you opened it (version {based_on}, now {now}); reload it and edit again"
    )]
    FrameworkChanged {
        /// The version the edit started from.
        based_on: smartcities_domain::FrameworkVersion,
        /// The version current now.
        now: smartcities_domain::FrameworkVersion,
    },
    /// A rename to a name that already has answers.
    #[error("answers to {name} exist already; rename to another name")]
    NameTaken {
        /// The name.
        name: String,
    },
    /// A new practice with an id another practice has.
    #[error("a practice with id {0} exists already")]
    PracticeTaken(String),
    /// No practice has this id.
    #[error("no practice {0}")]
    NoPractice(String),
    /// Someone saved a version of the practice after the one a change was based on.
    #[error(
        "the practice changed since you opened it (version {based_on}, now {now}); reload it and edit again"
    )]
    PracticeChanged {
        /// The version the change started from.
        based_on: smartcities_domain::PracticeVersion,
        /// The version current now.
        now: smartcities_domain::PracticeVersion,
    },
    /// A respondent answers for exactly one city; other roles for none.
    #[error("a respondent answers for exactly one city; other roles for none")]
    RespondentCity,
    /// A renewal round is already open; one must close before the next opens.
    #[error("renewal round {0} is still open")]
    RoundStillOpen(String),
    /// The renewal round is closed, or there is none.
    #[error("the renewal round is closed")]
    RoundClosed,
    /// An application already decided cannot be decided again.
    #[error("application {0} was already decided")]
    AlreadyDecided(String),
    /// An address that already belongs to an account which cannot take this place in a team.
    #[error("the address {0} already belongs to another account")]
    AddressTaken(String),
}

/// What a store operation answers.
pub type Result<T, E = StoreError> = std::result::Result<T, E>;

/// A write transaction, holding this server's writer turn on SQLite until it ends. Dropped
/// without [`WriteTx::commit`], it rolls back.
pub(crate) struct WriteTx {
    tx: sqlx::Transaction<'static, sqlx::Any>,
    _turn: Option<tokio::sync::OwnedMutexGuard<()>>,
}

impl WriteTx {
    /// Makes the transaction's writes permanent, then gives the turn to the next writer.
    pub(crate) async fn commit(self) -> Result<()> {
        self.tx.commit().await?;
        Ok(())
    }

    /// Undoes the transaction's writes, then gives the turn to the next writer.
    pub(crate) async fn rollback(self) -> Result<()> {
        self.tx.rollback().await?;
        Ok(())
    }
}

impl std::ops::Deref for WriteTx {
    type Target = sqlx::AnyConnection;
    fn deref(&self) -> &sqlx::AnyConnection {
        &self.tx
    }
}

impl std::ops::DerefMut for WriteTx {
    fn deref_mut(&mut self) -> &mut sqlx::AnyConnection {
        &mut self.tx
    }
}

/// A connection pool to the platform's database.
#[derive(Clone, Debug)]
pub struct Store {
    pool: AnyPool,
    backend: Backend,
    /// The public data's version as this server last saw it (see [`Store::site_version`]).
    site_version: std::sync::Arc<std::sync::atomic::AtomicU64>,
    /// Questionnaires already read, by edition and version. A version is never rewritten, so
    /// any number of servers may keep their own copies.
    questionnaires: std::sync::Arc<std::sync::Mutex<QuestionnaireCache>>,
    /// On SQLite, this server's writers take turns here, first come first served, before they
    /// ask SQLite for its write lock (see [`Store::begin_write`]).
    writer: std::sync::Arc<tokio::sync::Mutex<()>>,
    /// Where the time every record carries comes from.
    clock: std::sync::Arc<dyn smartcities_domain::Clock>,
}

/// Parsed questionnaires by (edition year, version).
type QuestionnaireCache = std::collections::HashMap<
    (u16, smartcities_domain::QuestionnaireVersion),
    std::sync::Arc<smartcities_questionnaire::Questionnaire>,
>;

impl Store {
    /// Connects to `sqlite://PATH` (the file is created if missing) or `postgres://…`.
    pub async fn connect(url: &str) -> Result<Store> {
        install_default_drivers();
        let (backend, url) = if let Some(rest) = url.strip_prefix("sqlite:") {
            let with_mode = if rest.contains("mode=") {
                url.to_string()
            } else if rest.contains('?') {
                format!("{url}&mode=rwc")
            } else {
                format!("{url}?mode=rwc")
            };
            (Backend::Sqlite, with_mode)
        } else if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            (Backend::Postgres, url.to_string())
        } else {
            return Err(StoreError::UnsupportedUrl(url.to_string()));
        };
        let options = match backend {
            // SQLite allows one writer at a time: a small pool with a busy timeout queues writers
            // instead of failing them; WAL lets readers go on while one writes.
            Backend::Sqlite => AnyPoolOptions::new().max_connections(8).after_connect(|conn, _| {
                Box::pin(async move {
                    conn.execute("PRAGMA journal_mode = WAL").await?;
                    conn.execute("PRAGMA foreign_keys = ON").await?;
                    conn.execute("PRAGMA busy_timeout = 5000").await?;
                    // An acknowledged save is on disk: every commit waits for the write-ahead
                    // log to be synced, so a power cut or an operating-system crash loses no
                    // acknowledged answer (NORMAL would keep only a process crash safe).
                    conn.execute("PRAGMA synchronous = FULL").await?;
                    Ok(())
                })
            }),
            Backend::Postgres => AnyPoolOptions::new().max_connections(16),
        };
        let pool = options.connect(&url).await?;
        Ok(Store {
            pool,
            backend,
            site_version: Default::default(),
            questionnaires: Default::default(),
            writer: Default::default(),
            clock: std::sync::Arc::new(smartcities_domain::SystemClock),
        })
    }

    /// The store reading the time from `clock` (a test's fixed clock).
    pub fn with_clock(mut self, clock: std::sync::Arc<dyn smartcities_domain::Clock>) -> Store {
        self.clock = clock;
        self
    }

    /// Now, by the store's clock.
    pub fn now(&self) -> smartcities_domain::Timestamp {
        self.clock.now()
    }

    /// Now as stored (`2026-11-26T19:04:05Z`).
    pub(crate) fn now_text(&self) -> String {
        self.now().to_string()
    }

    /// `seconds` from now (negative for the past), as stored.
    pub(crate) fn text_in_seconds(&self, seconds: i64) -> String {
        self.now().plus_seconds(seconds).to_string()
    }

    /// Creates or upgrades the schema. Safe to run any number of times.
    pub async fn migrate(&self) -> Result<()> {
        MIGRATOR.run(&self.pool).await?;
        Ok(())
    }

    /// Where the database's schema stands against the migrations this program carries.
    pub async fn schema_state(&self) -> Result<SchemaState> {
        let known: Vec<i64> = MIGRATOR.iter().map(|m| m.version).collect();
        let applied: Vec<i64> =
            match sqlx::query("SELECT version FROM _sqlx_migrations WHERE success = TRUE ORDER BY version")
                .fetch_all(&self.pool)
                .await
            {
                Ok(rows) => rows
                    .iter()
                    .map(|r| sqlx::Row::try_get::<i64, _>(r, "version"))
                    .collect::<std::result::Result<_, _>>()?,
                // No migration table: nothing was ever migrated here.
                Err(sqlx::Error::Database(_)) => return Ok(SchemaState::Empty),
                Err(other) => return Err(other.into()),
            };
        if applied.is_empty() {
            return Ok(SchemaState::Empty);
        }
        if let Some(unknown) = applied.iter().find(|v| !known.contains(v)) {
            return Ok(SchemaState::Ahead { unknown: *unknown });
        }
        let missing: Vec<i64> = known.iter().filter(|v| !applied.contains(v)).copied().collect();
        if missing.is_empty() { Ok(SchemaState::Current) } else { Ok(SchemaState::Behind { missing }) }
    }

    /// How the database makes a commit durable, as it reports it: SQLite's `synchronous` level
    /// (2 is FULL) or PostgreSQL's `synchronous_commit` (`on`).
    pub async fn durability(&self) -> Result<String> {
        let row = match self.backend {
            Backend::Sqlite => {
                sqlx::query("SELECT CAST(synchronous AS TEXT) AS level FROM pragma_synchronous")
                    .fetch_one(&self.pool)
                    .await?
            }
            Backend::Postgres => {
                sqlx::query("SELECT setting AS level FROM pg_settings WHERE name = 'synchronous_commit'")
                    .fetch_one(&self.pool)
                    .await?
            }
        };
        Ok(sqlx::Row::try_get(&row, "level")?)
    }

    /// Whether the database answers, for health checks.
    pub async fn ping(&self) -> Result<()> {
        sqlx::query("SELECT 1").execute(&self.pool).await?;
        Ok(())
    }

    /// Which database engine this store talks to.
    pub fn backend(&self) -> Backend {
        self.backend
    }

    /// A transaction that will write. On SQLite it takes the write lock at once (`BEGIN
    /// IMMEDIATE`), so a busy database makes it wait instead of failing half-way when a read
    /// lock would have to be upgraded. SQLite makes a writer that finds the lock taken sleep and
    /// retry, up to 100 ms at a time; this server's own writers instead queue for their turn,
    /// which passes to the next one the moment a transaction ends. Other processes (a command
    /// run beside the server) still meet SQLite's own waiting.
    async fn begin_write(&self) -> Result<WriteTx> {
        Ok(match self.backend {
            Backend::Sqlite => {
                let turn = self.writer.clone().lock_owned().await;
                WriteTx { tx: self.pool.begin_with("BEGIN IMMEDIATE").await?, _turn: Some(turn) }
            }
            Backend::Postgres => WriteTx { tx: self.pool.begin().await?, _turn: None },
        })
    }

    /// Waits for open connections to finish and closes the pool.
    pub async fn close(&self) {
        self.pool.close().await;
    }
}

fn flag(value: bool) -> i64 {
    i64::from(value)
}

/// A record kept whole as JSON in a row's `document` column.
fn json_document<T: serde::de::DeserializeOwned>(row: &sqlx::any::AnyRow) -> Result<T> {
    use sqlx::Row;
    serde_json::from_str(&row.try_get::<String, _>("document")?).map_err(corrupt)
}

fn corrupt(what: impl std::fmt::Display) -> StoreError {
    StoreError::Corrupt(what.to_string())
}
