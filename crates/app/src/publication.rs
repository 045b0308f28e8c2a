//! Publishing an edition: freezing what it found into a numbered, immutable version (the
//! snapshot, its content hash and every file of the site, the PDFs and the open data), stored in
//! the database so that every server sharing it serves the same bytes; making a version public
//! at once, at a scheduled moment, or after a private preview; withdrawing one, with a reason.
//! Publishing never changes whether an edition takes answers: a version made while cities still
//! answer says on every page and file that its findings are provisional.

use std::time::{Duration, Instant};

use smartcities_domain::{
    City, Collection, EditionYear, Lang, Localized, PracticeStatus, Progress, PublishedVersion, Role,
};
use smartcities_locale::{FluentValue, t, translate};
use smartcities_publish::{Previous, Snapshot, Texts, Version, Workshop, WorkshopOutput};
use smartcities_store::{
    CityFilter, NewPublication, OutgoingMail, Publication, PublishedFile, ScheduledJob, StoreError, User,
};

use crate::{
    App, AppError, Refusal, Result,
    accounts::new_token,
    analysis::city_answers,
    policy::{self, Viewer},
};

/// The longest foreword or conclusions the secretariat may write, per language.
pub const MAX_TEXT_CHARS: usize = 20_000;
/// The longest reason for withdrawing a version.
pub const MAX_REASON_CHARS: usize = 1_000;
/// How long a server's claim on a scheduled job keeps others from running it, in seconds.
const JOB_LEASE: i64 = 120;

/// When a new version goes public.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum GoPublic {
    /// As soon as it is made.
    Now,
    /// At this moment (ISO 8601, UTC, `2027-05-10T08:00:00Z`), which lies ahead.
    At(String),
    /// Not yet: the secretariat previews it first.
    Preview,
}

/// A version just made.
#[derive(Debug, Clone)]
pub struct Published {
    /// Its number.
    pub version: PublishedVersion,
    /// SHA-256 of its snapshot.
    pub content_hash: String,
    /// Its files, sorted by path.
    pub files: Vec<smartcities_publish::File>,
    /// How long making the files took.
    pub elapsed: Duration,
    /// Whether its findings are provisional (cities were still answering).
    pub provisional: bool,
    /// Messages queued to the participating cities (none until it is public, or without a
    /// public address to link to).
    pub mails: usize,
}

fn secretariat_only(user: &User) -> Result<()> {
    if user.role == Role::Secretariat { Ok(()) } else { Err(Refusal::Forbidden.into()) }
}

fn check_texts(texts: &Texts) -> Result<()> {
    for text in [&texts.foreword, &texts.conclusions, &texts.changes].into_iter().flatten() {
        for lang in Lang::ALL {
            if text.get(lang).chars().count() > MAX_TEXT_CHARS {
                return Err(Refusal::TextTooLong { max: MAX_TEXT_CHARS }.into());
            }
        }
    }
    Ok(())
}

/// The mail that tells a city's respondent where its city sheet is, in the three languages.
fn city_sheet_mail(edition: &Localized, city: &City, site: &str, pdf: &str, lang: Lang) -> (String, String) {
    let args = [
        ("city", FluentValue::from(city.name_in(lang).to_string())),
        ("edition", FluentValue::from(edition.get(lang).to_string())),
    ];
    let subject = translate(lang, "publication-sheet-mail-subject", &args);
    let mut body = format!(
        "{}\n{}\n{}\n\n{}\n",
        translate(lang, "publication-sheet-mail-body", &args),
        site.replace("{lang}", lang.code()),
        pdf.replace("{lang}", lang.code()),
        t(lang, "publication-sheet-mail-other-languages"),
    );
    for other in Lang::ALL.into_iter().filter(|l| *l != lang) {
        body.push_str(&format!(
            "{}: {} · {}\n",
            other.endonym(),
            site.replace("{lang}", other.code()),
            pdf.replace("{lang}", other.code())
        ));
    }
    (subject, body)
}

/// A message about to be queued.
struct Message {
    id: String,
    recipient: String,
    subject: String,
    body: String,
}

/// The questionnaire group whose entries are good practices: its answers are not published.
const PRACTICES_GROUP: &str = "good_practices";

impl App {
    /// The edition as it would be published now, with the secretariat's texts, redacted for the
    /// public. Refused if the edition was not analysed, or its results are stale.
    pub async fn snapshot(&self, year: EditionYear, texts: Texts) -> Result<Snapshot> {
        let store = &self.store;
        let edition = store.study().edition(year).await?.ok_or(StoreError::NoEdition(year))?;
        let (_, framework) = store.study().framework(year).await?.ok_or(StoreError::NoFramework(year))?;
        let (_, questionnaire) =
            store.study().questionnaire(year).await?.ok_or(StoreError::NoQuestionnaire(year))?;
        let stored = self.results(year).await?.ok_or(Refusal::NotAnalysed)?;
        if stored.stale {
            return Err(Refusal::ResultsStale.into());
        }
        if stored.results.answering == 0 {
            return Err(Refusal::NothingToPublish.into());
        }
        // Everything in a version is public: it carries what a visitor may see, no more.
        let mut results = stored.results;
        policy::redact(Viewer::Visitor, &edition, &mut results);
        let invited: Vec<_> = store.answering().responses(year).await?.into_iter().map(|r| r.city).collect();
        let cities = store
            .registry()
            .cities(&CityFilter::default())
            .await?
            .into_iter()
            .filter(|c| invited.contains(&c.id))
            .collect();
        // What cities wrote as good practices reaches the public only through the catalogue
        // (consented, edited, translated): never straight from their answers.
        // Files given as answers are evidence for the review, served only to whoever may read the
        // response: their ids stay out of the open data too.
        let takes_file =
            |question: &str| questionnaire.question(question).is_some_and(|q| q.kind.takes_file());
        let mut accepted = store.answering().accepted_answers(year).await?;
        for (_, answers) in &mut accepted {
            answers.retain(|a| a.entry.as_ref().is_none_or(|e| e.group.as_str() != PRACTICES_GROUP));
            answers.retain(|a| !takes_file(&a.question));
        }
        let answers = city_answers(accepted);
        let practices = self.edition_practices(year, &framework).await?;
        let workshops = store
            .workshops()
            .focus_groups(year)
            .await?
            .into_iter()
            .map(|g| Workshop {
                id: g.id,
                held_on: g.held_on,
                language: g.language,
                dynamics: g.dynamics,
                participants: g.participants,
                outputs: g
                    .outputs
                    .into_iter()
                    .map(|o| WorkshopOutput {
                        kind: o.kind.slug().to_string(),
                        axis: o.axis.map(|a| a.to_string()),
                        sdgs: o.sdgs.iter().map(ToString::to_string).collect(),
                        note: o.note,
                    })
                    .collect(),
            })
            .collect();
        let previous = match store
            .versions()
            .publications(year)
            .await?
            .into_iter()
            .rev()
            .find(|p| p.withdrawn.is_none())
        {
            Some(p) => self
                .snapshot_of(year, p.version)
                .await?
                .map(|s| Previous { version: p.version, answering: s.results.answering }),
            None => None,
        };
        Ok(Snapshot {
            provisional: edition.status.collection == Collection::Open,
            edition,
            framework,
            questionnaire,
            results,
            cities,
            answers,
            workshops,
            codebook: self.codebook(year).await?,
            texts,
            previous,
            practices,
            history: self.past_figures(year).await?,
            // Only an absolute address can be linked from a copy of the site.
            platform: self
                .public_url()
                .filter(|url| url.starts_with("https://") || url.starts_with("http://"))
                .map(|url| url.trim_end_matches('/').to_string()),
        })
    }

    /// The figures of the editions before `year` whose reports published some, oldest first.
    async fn past_figures(&self, year: EditionYear) -> Result<Vec<smartcities_publish::PastFigures>> {
        let mut out = Vec::new();
        for edition in self.store.study().editions().await? {
            if edition.year >= year {
                continue;
            }
            let figures = self.store.history().figures(edition.year).await?;
            if !figures.is_empty() {
                out.push(smartcities_publish::PastFigures { year: edition.year.get(), figures });
            }
        }
        out.sort_by_key(|p| p.year);
        Ok(out)
    }

    /// The catalogue's published, consented practices linked to the edition, as a version
    /// publishes them: by city, then id.
    async fn edition_practices(
        &self,
        year: EditionYear,
        framework: &smartcities_domain::Framework,
    ) -> Result<Vec<smartcities_publish::Practice>> {
        let names: std::collections::HashMap<_, _> = self
            .store
            .registry()
            .cities(&CityFilter::default())
            .await?
            .into_iter()
            .map(|c| (c.id, (c.name, c.names)))
            .collect();
        let mut practices: Vec<smartcities_publish::Practice> = self
            .store
            .catalogue()
            .practices_changed_after(0, i64::MAX)
            .await?
            .into_iter()
            .filter(|p| p.status == PracticeStatus::Published && p.practice.consent)
            .filter(|p| p.practice.editions.contains(&year))
            .map(|p| {
                let practice = p.practice;
                let axis = framework
                    .axes
                    .iter()
                    .find(|a| a.study_axis == Some(practice.axis))
                    .map_or_else(|| practice.axis.slug().to_string(), |a| a.code.to_string());
                let (city_name, city_names) = names.get(&practice.city).cloned().unwrap_or_default();
                smartcities_publish::Practice {
                    id: practice.id.to_string(),
                    city_name,
                    city_names,
                    city: practice.city,
                    title: practice.title,
                    summary: practice.summary,
                    axis,
                    sdgs: practice.sdgs,
                    pictures: practice.pictures,
                }
            })
            .collect();
        practices.sort_by(|a, b| a.city.cmp(&b.city).then_with(|| a.id.cmp(&b.id)));
        Ok(practices)
    }

    /// The snapshot a version was made from.
    async fn snapshot_of(&self, year: EditionYear, version: PublishedVersion) -> Result<Option<Snapshot>> {
        let Some(json) = self.store.versions().publication_snapshot(year, version).await? else {
            return Ok(None);
        };
        serde_json::from_str(&json).map(Some).map_err(|e| AppError::Unreadable {
            edition: year,
            what: "snapshot",
            detail: e.to_string(),
        })
    }

    /// Conclusions drafted from the current results in the three languages, for the
    /// secretariat to edit before publishing.
    pub async fn draft_conclusions(&self, year: EditionYear) -> Result<Localized> {
        let snapshot = self.snapshot(year, Texts::default()).await?;
        let draft = |lang| smartcities_publish::view::draft_conclusions(&snapshot, lang);
        Ok(Localized { en: draft(Lang::En), es: draft(Lang::Es), fr: draft(Lang::Fr) })
    }

    /// Makes the next version of an edition — the snapshot, its hash and all its files, stored in
    /// one transaction — and makes it public `when` the secretariat says. Only the secretariat
    /// publishes. Whether the edition takes answers is left as it is.
    pub async fn publish(
        &self,
        by: &User,
        year: EditionYear,
        texts: Texts,
        when: GoPublic,
        progress: std::sync::Arc<dyn Progress + Send>,
    ) -> Result<Published> {
        secretariat_only(by)?;
        check_texts(&texts)?;
        if let GoPublic::At(at) = &when {
            self.check_moment(at)?;
        }
        let snapshot = self.snapshot(year, texts).await?;
        let provisional = snapshot.provisional;
        let version = self.store.versions().next_publication_version(year).await?;
        let started = Instant::now();
        let day = self.today().to_string();
        // Seconds of layout on every core: on the blocking pool, never on the async workers, and
        // within the permits for heavy work, so that PDFs are laid out a few at a time.
        let (snapshot, content_hash, files) = self
            .heavy(move || {
                let files = smartcities_publish::publish(
                    &snapshot,
                    Version { number: version, published_on: &day },
                    progress.as_ref(),
                );
                let hash = snapshot.content_hash();
                files.map(|files| (snapshot, hash, files))
            })
            .await?
            .map_err(AppError::Internal)?;
        let elapsed = started.elapsed();
        let mut stored: Vec<PublishedFile> = files
            .iter()
            .map(|f| PublishedFile {
                path: f.path.clone(),
                content_type: smartcities_publish::content_type(&f.path).to_string(),
                body: f.bytes.clone(),
            })
            .collect();
        // The practices' pictures travel with the version, as the pages that show them do.
        for practice in &snapshot.practices {
            let id = smartcities_domain::PracticeId::parse(&practice.id)
                .map_err(|e| AppError::Internal(e.to_string()))?;
            for picture in &practice.pictures {
                if let Some(file) = self.store.catalogue().practice_picture(&id, picture).await? {
                    stored.push(PublishedFile {
                        path: format!("site/pictures/{picture}"),
                        content_type: file.media_type,
                        body: file.body.unwrap_or_default(),
                    });
                }
            }
        }
        let json = serde_json::to_string(&snapshot).map_err(|e| AppError::Internal(e.to_string()))?;
        self.store
            .versions()
            .save_publication(NewPublication {
                edition: year,
                version,
                content_hash: &content_hash,
                snapshot: &json,
                published_by: by.email.as_str(),
                files: &stored,
                provisional,
            })
            .await
            .map_err(|e| match e {
                StoreError::VersionTaken { .. } => AppError::Refused(Refusal::PublishedMeanwhile),
                other => other.into(),
            })?;
        let mails = match when {
            GoPublic::Now => self.go_public(year, version, &self.now().to_string(), None).await?,
            GoPublic::At(at) => {
                self.store.versions().schedule_public(year, version, Some(&at)).await?;
                0
            }
            GoPublic::Preview => 0,
        };
        Ok(Published { version, content_hash, files, elapsed, provisional, mails })
    }

    /// Makes a private (previewed or scheduled) version public now. Secretariat only.
    pub async fn make_public(
        &self,
        by: &User,
        year: EditionYear,
        version: PublishedVersion,
    ) -> Result<usize> {
        secretariat_only(by)?;
        let publication = self.version_to_change(year, version).await?;
        let now = self.now();
        if publication.is_public_at(now) {
            return Ok(0);
        }
        self.go_public(year, version, &now.to_string(), None).await
    }

    /// Schedules a private version to go public at `at` (ISO 8601 UTC, ahead), or with `None`
    /// takes a scheduled version back to a private preview. Secretariat only.
    pub async fn schedule_version(
        &self,
        by: &User,
        year: EditionYear,
        version: PublishedVersion,
        at: Option<&str>,
    ) -> Result<()> {
        secretariat_only(by)?;
        let publication = self.version_to_change(year, version).await?;
        if publication.is_public_at(self.now()) {
            return Err(Refusal::AlreadyPublic { version }.into());
        }
        if let Some(at) = at {
            self.check_moment(at)?;
        }
        Ok(self.store.versions().schedule_public(year, version, at).await?)
    }

    async fn version_to_change(&self, year: EditionYear, version: PublishedVersion) -> Result<Publication> {
        let publication = self.store.versions().publication(year, version).await?.ok_or(Refusal::NotFound)?;
        if publication.withdrawn.is_some() {
            return Err(Refusal::VersionWithdrawn { version }.into());
        }
        Ok(publication)
    }

    /// The version goes public from `at`, once: the edition's findings become public and each
    /// participating city's respondents are mailed the link to its city sheet. Returns the
    /// messages queued.
    async fn go_public(
        &self,
        year: EditionYear,
        version: PublishedVersion,
        at: &str,
        job: Option<&str>,
    ) -> Result<usize> {
        let messages = self.city_sheet_mails(year, version).await?;
        let outgoing: Vec<OutgoingMail<'_>> = messages
            .iter()
            .map(|m| OutgoingMail { id: &m.id, recipient: &m.recipient, subject: &m.subject, body: &m.body })
            .collect();
        let done = self.store.versions().go_public(year, version, at, &outgoing, job).await?;
        Ok(if done { messages.len() } else { 0 })
    }

    /// The messages telling each participating city where its sheet is; none without a public
    /// address to link to.
    async fn city_sheet_mails(&self, year: EditionYear, version: PublishedVersion) -> Result<Vec<Message>> {
        let Some(base) = self.public_url() else {
            tracing::warn!(%year, %version, "no public address is configured: cities are not mailed their sheets");
            return Ok(Vec::new());
        };
        let Some(snapshot) = self.snapshot_of(year, version).await? else { return Ok(Vec::new()) };
        let mut out = Vec::new();
        for answered in &snapshot.answers {
            let Some(city) = snapshot.cities.iter().find(|c| c.id == answered.city) else { continue };
            let site = format!("{base}/editions/{year}/v/{version}/site/{{lang}}/city-{}.html", city.id);
            let pdf = format!("{base}/editions/{year}/v/{version}/pdf/cities/{}-{{lang}}.pdf", city.id);
            for user in self.store.accounts().respondents(&city.id).await?.into_iter().filter(|u| !u.disabled)
            {
                let lang = crate::campaign_mail::mail_lang(&user, Some(city));
                let (subject, body) = city_sheet_mail(&snapshot.edition.title, city, &site, &pdf, lang);
                out.push(Message {
                    id: new_token(),
                    recipient: user.email.as_str().to_string(),
                    subject,
                    body,
                });
            }
        }
        Ok(out)
    }

    /// Runs the scheduled work that is due, as `server` (a name for this process): each
    /// version whose moment has come goes public once, and each scheduled reminder is sent
    /// once, whichever server gets there first.
    /// Returns how many jobs this server did.
    pub async fn run_due_jobs(&self, server: &str) -> Result<usize> {
        let mut done = 0;
        while let Some(job) = self.store.versions().claim_due_job(server, JOB_LEASE).await? {
            let ScheduledJob { id, kind, edition, version, due_at, .. } = job;
            match (kind.as_str(), version) {
                ("make_public", Some(version)) => {
                    self.go_public(edition, version, &due_at.to_string(), Some(&id)).await?;
                    done += 1;
                }
                ("remind", _) => {
                    if self.run_reminder_job(&id, edition).await? {
                        done += 1;
                    }
                }
                (other, _) => {
                    tracing::warn!(job = %id, kind = other, "a scheduled job of an unknown kind is left alone")
                }
            }
        }
        Ok(done)
    }

    /// The number the next version of an edition will get.
    pub async fn next_version(&self, year: EditionYear) -> Result<PublishedVersion> {
        Ok(self.store.versions().next_publication_version(year).await?)
    }

    /// An edition's versions, oldest first.
    pub async fn publications(&self, year: EditionYear) -> Result<Vec<Publication>> {
        Ok(self.store.versions().publications(year).await?)
    }

    /// The latest version of an edition that is public and not withdrawn.
    pub async fn current_publication(&self, year: EditionYear) -> Result<Option<Publication>> {
        let now = self.now();
        Ok(self
            .store
            .versions()
            .publications(year)
            .await?
            .into_iter()
            .rev()
            .find(|p| p.withdrawn.is_none() && p.is_public_at(now)))
    }

    /// One file of a version, with the version, as `viewer` may read it: everyone once the
    /// version is public (a withdrawn one shows why), only the secretariat before — a preview
    /// or a version scheduled for later is invisible to everyone else.
    pub async fn published_file(
        &self,
        viewer: Viewer<'_>,
        year: EditionYear,
        version: PublishedVersion,
        path: &str,
    ) -> Result<Option<(Publication, PublishedFile)>> {
        let Some(publication) = self.store.versions().publication(year, version).await? else {
            return Ok(None);
        };
        let public = publication.is_public_at(self.now()) || publication.withdrawn.is_some();
        if !public && !viewer.is_secretariat() {
            return Ok(None);
        }
        if let Some(file) = self.store.versions().publication_file(year, version, path).await? {
            return Ok(Some((publication, file)));
        }
        // A chart's PNG: drawn from its SVG on first request, then kept in a bounded cache.
        let Some(svg_path) = smartcities_publish::svg_of_png(path) else { return Ok(None) };
        let key = (year, version, path.to_string());
        if let Some(body) = self.chart_images.get(&key) {
            return Ok(Some((publication, png_file(path, body.as_ref().clone()))));
        }
        let Some(svg) = self.store.versions().publication_file(year, version, &svg_path).await? else {
            return Ok(None);
        };
        let body = self
            .heavy(move || {
                let text = String::from_utf8_lossy(&svg.body);
                smartcities_publish::raster::png(&text)
            })
            .await?
            .map_err(AppError::Internal)?;
        self.chart_images.put(key, std::sync::Arc::new(body.clone()));
        Ok(Some((publication, png_file(path, body))))
    }

    /// Withdraws a version with the reason its pages will show from now on. Only the
    /// secretariat withdraws; the files are kept, never changed; whether the edition takes
    /// answers is left as it is.
    pub async fn withdraw_publication(
        &self,
        by: &User,
        year: EditionYear,
        version: PublishedVersion,
        reason: &str,
    ) -> Result<()> {
        secretariat_only(by)?;
        let reason = reason.trim();
        if reason.is_empty() {
            return Err(Refusal::WithdrawNeedsReason.into());
        }
        if reason.chars().count() > MAX_REASON_CHARS {
            return Err(Refusal::TextTooLong { max: MAX_REASON_CHARS }.into());
        }
        if self.store.versions().publication(year, version).await?.is_none() {
            return Err(Refusal::NotFound.into());
        }
        self.store.versions().withdraw_publication(year, version, reason).await?;
        Ok(())
    }
}

/// The moment a local date and time (`2027-05-10T10:00`, as a form's `datetime-local` field
/// sends it) means in an IANA time zone (`Europe/Madrid`), as the UTC timestamp a schedule
/// stores. A time the zone skips (a spring-forward gap) is refused rather than guessed; whether
/// the moment still lies ahead is checked where it is used.
pub fn moment(local: &str, zone: &str) -> Result<String> {
    let refused = || AppError::Refused(Refusal::MomentPassed { at: format!("{local} {zone}") });
    let civil: jiff::civil::DateTime = local.trim().parse().map_err(|_| refused())?;
    let tz = jiff::tz::TimeZone::get(zone.trim()).map_err(|_| refused())?;
    let zoned = tz.to_ambiguous_zoned(civil).compatible().map_err(|_| refused())?;
    if tz.to_ambiguous_zoned(civil).is_ambiguous() && zoned.datetime() != civil {
        return Err(refused());
    }
    Ok(zoned.timestamp().strftime("%Y-%m-%dT%H:%M:%SZ").to_string())
}

/// The IANA time zones a publication can be scheduled in, sorted.
pub fn zones() -> Vec<String> {
    let mut zones: Vec<String> = jiff::tz::db().available().map(|name| name.to_string()).collect();
    zones.sort();
    zones.dedup();
    zones
}

impl App {
    /// A scheduled moment must be a UTC timestamp still to come.
    fn check_moment(&self, at: &str) -> Result<()> {
        let well_formed = at.len() == 20
            && at.ends_with('Z')
            && at.as_bytes().get(10) == Some(&b'T')
            && at.chars().enumerate().all(|(i, c)| match i {
                4 | 7 => c == '-',
                10 => c == 'T',
                13 | 16 => c == ':',
                19 => c == 'Z',
                _ => c.is_ascii_digit(),
            });
        if !well_formed || at <= self.now().to_string().as_str() {
            return Err(Refusal::MomentPassed { at: at.to_string() }.into());
        }
        Ok(())
    }
}

fn png_file(path: &str, body: Vec<u8>) -> PublishedFile {
    PublishedFile { path: path.to_string(), content_type: "image/png".into(), body }
}
