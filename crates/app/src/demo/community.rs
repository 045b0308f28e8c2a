//! The demonstration's community: its leadership, activity plan, applications, download
//! counts and a renewal round under way; its events; and its catalogue of good practices.

use std::collections::BTreeMap;

use smartcities_domain::{
    Actor, ApproxDate, CityId, EditionYear, Effort, Inequality, Lang, Practice, PracticeId, PracticeStatus,
    RenewalAnswer, SdgTarget, Stage, StudyAxis, Written,
};
use smartcities_store::PracticeChange;

use super::{CAMPAIGN_YEAR, COMMUNITY_FILE, EVENTS_FILE, PRACTICES_FILE, PUBLISHED_YEAR, broken};
use crate::{App, Result};

/// The illustrative leadership, activity plan, applications and download counts, and a renewal
/// round in progress with some members' answers. Returns the number of activities and, on the
/// One practice of `data/demo/practices.toml`.
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct DemoPractice {
    city: CityId,
    axis: StudyAxis,
    sub_area: String,
    sdg: u8,
    sdgs: Vec<u8>,
    #[serde(default)]
    targets: Vec<SdgTarget>,
    started: ApproxDate,
    stage: Stage,
    actors: Vec<Actor>,
    #[serde(default)]
    inequalities: Vec<Inequality>,
    #[serde(default)]
    technologies: Vec<String>,
    status: PracticeStatus,
    #[serde(default)]
    return_comment: Option<String>,
    title: BTreeMap<Lang, String>,
    summary: BTreeMap<Lang, String>,
    #[serde(default)]
    needs: BTreeMap<Lang, String>,
    #[serde(default)]
    lessons: BTreeMap<Lang, String>,
    cost: Effort,
    complexity: Effort,
}

#[derive(serde::Deserialize)]
struct DemoPractices {
    practice: Vec<DemoPractice>,
}

/// Text in several languages, the first key in file order being the original: the TOML tables
/// are read in order, so the language written first is the one the practice was written in.
fn written(first: Lang, texts: &BTreeMap<Lang, String>) -> Option<Written> {
    let original = if texts.contains_key(&first) { first } else { *texts.keys().next()? };
    Some(Written { original, text: texts.clone() })
}

impl App {
    /// Loads the illustrative leadership, activity plan, applications and downloads, and on the
    /// first run opens a renewal round: returns the number of activities and, on the run that
    /// opens the round, a link to one silent member's renewal page.
    pub(super) async fn illustrative_community(&self) -> Result<(usize, Option<(String, String)>)> {
        let app = self;
        #[derive(serde::Deserialize)]
        struct DemoApplication {
            city_name: String,
            country: String,
            name: String,
            role: String,
            email: String,
            motivation: String,
        }
        #[derive(serde::Deserialize)]
        struct DemoDownloads {
            edition: smartcities_domain::EditionYear,
            months: Vec<(String, u64)>,
        }
        #[derive(serde::Deserialize)]
        struct DemoCommunity {
            leadership: smartcities_domain::Leadership,
            activity: Vec<smartcities_domain::Activity>,
            application: Vec<DemoApplication>,
            downloads: DemoDownloads,
        }
        let (file, text) = COMMUNITY_FILE;
        let mut parsed: DemoCommunity = toml::from_str(text).map_err(|e| broken(format!("{file}: {e}")))?;
        let store = &app.store;
        parsed.leadership.illustrative = true;
        store.community().save_leadership(&parsed.leadership).await?;
        for activity in &mut parsed.activity {
            activity.illustrative = true;
            let problems = activity.check();
            if !problems.is_empty() {
                return Err(broken(format!("{file}: activity {}: {problems:?}", activity.id)));
            }
        }
        store.community().save_activities(&parsed.activity).await?;
        if !store.community().renewal_rounds().await?.is_empty() {
            return Ok((parsed.activity.len(), None));
        }
        // First run: the applications, the downloads and a round opened a few weeks ago.
        for a in &parsed.application {
            let form = crate::membership::JoinForm {
                city_name: &a.city_name,
                country: &a.country,
                focal_point: smartcities_domain::focal_point(&a.name, &a.role, &a.email),
                motivation: &a.motivation,
                trap: "",
                lang: smartcities_domain::Lang::guess(&a.motivation).unwrap_or(smartcities_domain::Lang::Es),
            };
            app.record_application(form, "demonstration").await?;
        }
        let mut counts = Vec::new();
        for (month, count) in &parsed.downloads.months {
            let day = smartcities_domain::Day::parse(&format!("{month}-15"))
                .map_err(|e| broken(format!("{file}: {e}")))?;
            let (edition, file) = (parsed.downloads.edition, "report-en.pdf".to_string());
            counts.push(smartcities_store::DownloadCount { edition, file, day, count: *count });
        }
        store.community().add_downloads(&counts).await?;
        let link = self.illustrative_renewal().await?;
        Ok((parsed.activity.len(), link))
    }

    /// Opens a renewal round closing at the end of next month's fourth week: the lead city and
    /// most members answer one way or another, Boston leaves, the rest stay silent. Returns a
    /// link to one silent member's renewal page.
    async fn illustrative_renewal(&self) -> Result<Option<(String, String)>> {
        let secretariat = crate::accounts::console_user();
        let app = self;
        let store = &self.store;
        let (year, month, _) = app.today().parts();
        let closes_on = format!("{}-{:02}-28", year + i16::from(month == 12), month % 12 + 1);
        // Written in Spanish, the secretariat's language, and translated into English only: the
        // French pages show the Spanish original, marked as such.
        let mut title = Written::new(Lang::Es, "Renovación de la lista de miembros (ilustrativa)");
        title.set(Lang::En, "Renewal of the member list (illustrative)");
        let round = app.open_renewal(&secretariat, Some(title), &closes_on).await?;
        let mut silent = None;
        for (i, (_, reply)) in round.replies.iter().enumerate() {
            // The lead city confirms first; the others answer one way or another, or not yet.
            let answer = match i % 4 {
                _ if reply.city.as_str() == "es-bilbao" => Some(RenewalAnswer::Confirmed),
                0 | 1 => Some(RenewalAnswer::Confirmed),
                2 if i % 8 == 2 => Some(RenewalAnswer::Updated),
                _ => None,
            };
            match answer {
                Some(RenewalAnswer::Updated) => {
                    let member = store
                        .registry()
                        .member(&reply.city)
                        .await?
                        .ok_or_else(|| broken("an asked member is not on record"))?;
                    let mut points = member.focal_points.clone();
                    points.push(
                        smartcities_domain::focal_point(
                            "Open data team (illustrative)",
                            "Open data officer",
                            &format!("open.data@{}.example.org", reply.city),
                        )
                        .map_err(|p| broken(format!("{p:?}")))?,
                    );
                    store
                        .community()
                        .answer_renewal(
                            &round.round.id,
                            &reply.city,
                            RenewalAnswer::Updated,
                            Some(&points),
                            None,
                        )
                        .await?;
                }
                Some(answer) => {
                    store.community().answer_renewal(&round.round.id, &reply.city, answer, None, None).await?
                }
                None if silent.is_none() => silent = Some(reply.city.clone()),
                None => {}
            }
        }
        if let Some(leaving) = round.replies.iter().map(|(_, r)| &r.city).find(|c| c.as_str() == "us-boston")
        {
            store
                .community()
                .answer_renewal(
                    &round.round.id,
                    leaving,
                    RenewalAnswer::Left,
                    None,
                    Some("Illustrative: the city reorganised its digital office."),
                )
                .await?;
        }
        // One silent member's link, for trying the focal point's page; recorded as a reminder.
        let link = match silent {
            Some(city) => {
                let token = crate::accounts::new_token();
                let hash = crate::accounts::token_hash(&token);
                store
                    .community()
                    .record_renewal_reminders(&round.round.id, &[(city.clone(), hash)], &[])
                    .await?;
                Some((format!("focal point of {city} (renewal)"), format!("/renewal/{token}")))
            }
            None => None,
        };
        Ok(link)
    }

    /// Loads the illustrative events log, each event marked as such.
    pub(super) async fn illustrative_events(&self) -> Result<usize> {
        let store = &self.store;
        #[derive(serde::Deserialize)]
        struct DemoEvents {
            event: Vec<smartcities_domain::Event>,
        }
        let (file, text) = EVENTS_FILE;
        let mut parsed: DemoEvents = toml::from_str(text).map_err(|e| broken(format!("{file}: {e}")))?;
        for event in &mut parsed.event {
            event.illustrative = true;
            if let Err(problems) = event.check() {
                return Err(broken(format!("{file}: event {}: {problems:?}", event.id)));
            }
        }
        store.community().save_events(&parsed.event).await?;
        Ok(parsed.event.len())
    }

    /// says. A practice already in the database (perhaps edited since) is left as it is.
    pub(super) async fn illustrative_practices(&self) -> Result<usize> {
        let app = self;
        let (file, text) = PRACTICES_FILE;
        let parsed: DemoPractices = toml::from_str(text).map_err(|e| broken(format!("{file}: {e}")))?;
        // The language written first in each title, which toml's tables do not keep.
        let originals: Vec<Lang> = text
            .lines()
            .filter(|l| l.starts_with("title = { "))
            .map(|l| Lang::from_tag(&l["title = { ".len()..l.len().min(12)]).unwrap_or_default())
            .collect();
        let by = "demo (illustrative)";
        let mut practices = Vec::new();
        for (demo, original) in parsed.practice.iter().zip(originals) {
            let title = written(original, &demo.title).ok_or_else(|| broken("a practice without a title"))?;
            let words = title.get(Lang::En).0.to_string();
            let id = PracticeId::from_words(&demo.city, &words);
            if app.store.catalogue().practice_exists(&id).await? {
                continue;
            }
            let mut practice = Practice::new(id, demo.city.clone(), title, demo.axis, demo.sdg);
            practice.summary =
                written(original, &demo.summary).ok_or_else(|| broken("a practice without a summary"))?;
            practice.sub_area = Some(demo.sub_area.clone());
            practice.sdgs = std::iter::once(demo.sdg)
                .chain(demo.sdgs.iter().copied().filter(|g| *g != demo.sdg))
                .collect();
            practice.targets = demo.targets.clone();
            practice.started = Some(demo.started);
            practice.stage = Some(demo.stage);
            practice.actors = demo.actors.clone();
            practice.inequalities = demo.inequalities.clone();
            practice.technologies = demo.technologies.clone();
            practice.transferability.needs = written(original, &demo.needs);
            practice.transferability.cost = Some(demo.cost);
            practice.transferability.complexity = Some(demo.complexity);
            practice.lessons = written(original, &demo.lessons);
            let published = demo.status == PracticeStatus::Published;
            // A published practice was reported in the published edition and again in the
            // campaign; a draft only in the campaign.
            let year = |y: u16| EditionYear::new(y).map_err(broken);
            practice.editions = if published {
                vec![year(PUBLISHED_YEAR)?, year(CAMPAIGN_YEAR)?]
            } else {
                vec![year(CAMPAIGN_YEAR)?]
            };
            practice.consent = true;
            practice.illustrative = true;
            practices.push((practice, demo.status, demo.return_comment.as_deref()));
        }
        // A returned practice was a draft first: its first version is the draft, the second the return.
        let mut changes = Vec::new();
        for (practice, status, comment) in &practices {
            let first = PracticeChange { practice, status: *status, based_on: None, by, comment: None };
            if *status == PracticeStatus::Returned {
                let comment = comment.ok_or_else(|| broken("a returned practice without a comment"))?;
                changes.push(PracticeChange { status: PracticeStatus::Draft, ..first });
                changes.push(PracticeChange {
                    based_on: Some(smartcities_domain::PracticeVersion::FIRST),
                    comment: Some(comment),
                    ..first
                });
            } else {
                changes.push(first);
            }
        }
        app.store.catalogue().save_practices(&changes).await?;
        Ok(parsed.practice.len())
    }
}
