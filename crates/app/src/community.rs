//! The community of practice running itself: its events log (webinars, learning meetings with
//! partner organisations, presentations of the study), its leadership and activity plan, and
//! the progress report to the World Secretariat drawn from all of it. Renewal of the member
//! list is [`crate::membership`]'s.

use smartcities_domain::{
    Activity, ApplicationStatus, Collection, CommunityProblem, Event, EventId, EventProblem, Lang,
    Leadership, Localized, MemberStatus, Participation, RenewalAnswer, Role,
};
use smartcities_publish::progress::{
    self, EditionProgress, MemberCounts, Period, ProgressReport, RenewalProgress,
};
use smartcities_store::User;

use crate::{App, AppError, Refusal, Result};

/// The longest summary of results the secretariat may write into a progress report.
pub const MAX_SUMMARY_CHARS: usize = 20_000;

impl App {
    /// Records a new event or corrects one (`editing` is the id of the one being corrected);
    /// secretariat only. A new event never takes an id in use, and every partner must be one
    /// the community works with.
    pub async fn record_event(&self, user: &User, event: &Event, editing: Option<&EventId>) -> Result<()> {
        if user.role != Role::Secretariat {
            return Err(Refusal::Forbidden.into());
        }
        let mut problems = event.check().err().unwrap_or_default();
        let partners = self.store.registry().partners().await?;
        for partner in &event.partners {
            if !partners.iter().any(|p| &p.id == partner) {
                problems.push(("partners", EventProblem::UnknownPartner { partner: partner.clone() }));
            }
        }
        if editing != Some(&event.id) && self.store.community().event(event.id.as_str()).await?.is_some() {
            return Err(Refusal::EventIdTaken { id: event.id.to_string() }.into());
        }
        if !problems.is_empty() {
            return Err(Refusal::EventInvalid(problems).into());
        }
        Ok(self.store.community().save_event(event).await?)
    }

    /// The events `user` may see, earliest first: every one for the secretariat and analysts,
    /// the public ones for everyone else.
    pub async fn events(&self, user: Option<&User>) -> Result<Vec<Event>> {
        let staff = user.is_some_and(|u| matches!(u.role, Role::Secretariat | Role::Analyst));
        Ok(self.store.community().events(!staff).await?)
    }

    /// One event by its id, for the secretariat's form.
    pub async fn event(&self, id: &str) -> Result<Option<Event>> {
        Ok(self.store.community().event(id).await?)
    }
}

/// What the public may read of the community's own records, every text in every language it
/// was written or translated in, with its original marked.
#[derive(Debug, Clone)]
pub struct CommunityRecord {
    /// Who leads the community, if recorded.
    pub leadership: Option<Leadership>,
    /// The activities of the plan.
    pub activities: Vec<Activity>,
    /// The organisations the community works with.
    pub partners: Vec<smartcities_domain::Partner>,
}

impl App {
    /// The community's public record: leadership, the plan's activities and partners; public.
    pub async fn community_record(&self) -> Result<CommunityRecord> {
        Ok(CommunityRecord {
            leadership: self.store.community().leadership().await?,
            activities: self.store.community().activities().await?,
            partners: self.store.registry().partners().await?,
        })
    }

    /// The leadership record; public.
    pub async fn leadership(&self) -> Result<Option<Leadership>> {
        Ok(self.store.community().leadership().await?)
    }

    /// Replaces the leadership record; secretariat only. The lead city must be in the registry.
    pub async fn save_leadership(&self, user: &User, leadership: &Leadership) -> Result<()> {
        if user.role != Role::Secretariat {
            return Err(Refusal::Forbidden.into());
        }
        let mut problems = leadership.check();
        if self.store.registry().city(&leadership.city).await?.is_none() {
            problems.push(("city".to_string(), CommunityProblem::Missing));
        }
        if !problems.is_empty() {
            return Err(Refusal::CommunityInvalid(problems).into());
        }
        Ok(self.store.community().save_leadership(leadership).await?)
    }

    /// The activity plan, by semester; public.
    pub async fn activities(&self) -> Result<Vec<Activity>> {
        Ok(self.store.community().activities().await?)
    }

    /// Records or corrects an activity of the plan; secretariat only.
    pub async fn record_activity(&self, user: &User, activity: &Activity) -> Result<()> {
        if user.role != Role::Secretariat {
            return Err(Refusal::Forbidden.into());
        }
        let problems = activity.check();
        if !problems.is_empty() {
            return Err(Refusal::CommunityInvalid(problems).into());
        }
        Ok(self.store.community().save_activities(std::slice::from_ref(activity)).await?)
    }

    /// Gathers the facts of a progress report over `period`; secretariat and analysts only.
    /// `summary` replaces the drafted summary of results when the secretariat edited it.
    pub async fn progress_report(
        &self,
        user: &User,
        period: Period,
        summary: Option<String>,
    ) -> Result<ProgressReport> {
        if !matches!(user.role, Role::Secretariat | Role::Analyst) {
            return Err(Refusal::Forbidden.into());
        }
        if summary.as_ref().is_some_and(|s| s.chars().count() > MAX_SUMMARY_CHARS) {
            return Err(Refusal::TextTooLong { max: MAX_SUMMARY_CHARS }.into());
        }
        let store = &self.store;
        // An edition was at work in the period if it is dated in it, had a milestone or a
        // publication in it, or is collecting or being analysed while the period runs.
        let today = self.today();
        let mut editions = Vec::new();
        for edition in store.study().editions().await? {
            let year_in = (period.from.year..=period.to.year).contains(&edition.year.get());
            let milestone_in = edition.milestones.iter().any(|m| period.contains(m.date));
            let published_in = store
                .versions()
                .publications(edition.year)
                .await?
                .iter()
                .any(|p| period.contains_day(p.published_at.day()));
            let in_progress = (edition.status.collection == Collection::Open || !edition.status.published)
                && edition.status.collection != Collection::Planning
                && period.contains_day(today);
            if !(year_in || milestone_in || published_in || in_progress) {
                continue;
            }
            let statuses: Vec<_> =
                store.answering().responses(edition.year).await?.into_iter().map(|r| r.status).collect();
            editions.push(EditionProgress {
                year: edition.year,
                title: edition.title.clone(),
                status: edition.status,
                participation: Participation::of(&statuses),
                reported_participants: edition.reported_participants,
            });
        }
        let activities =
            store.community().activities().await?.into_iter().filter(|a| period.overlaps(a)).collect();
        let events = store
            .community()
            .events(false)
            .await?
            .into_iter()
            .filter(|e| period.contains(e.starts_on))
            .collect();
        let leadership = match store.community().leadership().await? {
            Some(l) => {
                let name = match store.registry().city(&l.city).await? {
                    Some(c) => Localized {
                        en: c.name_in(Lang::En).to_string(),
                        es: c.name_in(Lang::Es).to_string(),
                        fr: c.name_in(Lang::Fr).to_string(),
                    },
                    None => {
                        Localized { en: l.city.to_string(), es: l.city.to_string(), fr: l.city.to_string() }
                    }
                };
                Some((l, name))
            }
            None => None,
        };
        let mut renewals = Vec::new();
        for round in store.community().renewal_rounds().await? {
            if !period.contains_day(round.opened_at.day()) {
                continue;
            }
            let replies = store.community().renewal_replies(&round.id).await?;
            let count = |a: RenewalAnswer| replies.iter().filter(|r| r.answer == a).count();
            renewals.push(RenewalProgress {
                title: round.title.clone(),
                opened_at: round.opened_at,
                closed: round.closed_at.is_some(),
                confirmed: count(RenewalAnswer::Confirmed),
                updated: count(RenewalAnswer::Updated),
                left: count(RenewalAnswer::Left),
                silent: count(RenewalAnswer::Waiting),
            });
        }
        let mut members = MemberCounts::default();
        for member in store.registry().members().await? {
            match member.status {
                MemberStatus::Active => members.active += 1,
                MemberStatus::PendingRenewal => members.pending += 1,
                MemberStatus::Lapsed => members.lapsed += 1,
                MemberStatus::Left => members.left += 1,
            }
        }
        for application in self.applications_kept().await? {
            if period.contains_day(application.submitted_at.day()) {
                members.applications += 1;
                members.approved += usize::from(application.status == ApplicationStatus::Approved);
            }
        }
        let (mut published_in, mut published_by_end) = (0, 0);
        for practice in store.catalogue().practices_changed_after(0, i64::MAX).await? {
            if let Some(at) = practice.published_at {
                published_in += usize::from(period.contains_day(at.day()));
                published_by_end += usize::from(at.day() <= period.last_day());
            }
        }
        Ok(ProgressReport {
            period,
            drawn_up_on: today,
            editions,
            activities,
            events,
            partners: store.registry().partners().await?,
            leadership,
            renewals,
            members,
            practices: (published_in, published_by_end),
            downloads: store.community().downloads(period.first_day(), period.last_day()).await?,
            summary: summary.filter(|s| !s.trim().is_empty()),
        })
    }

    /// The progress report as a file: HTML, or PDF laid out on the blocking pool.
    pub async fn progress_report_file(
        &self,
        report: ProgressReport,
        lang: Lang,
        format: ReportFormat,
    ) -> Result<Vec<u8>> {
        match format {
            ReportFormat::Html => Ok(progress::html(&report, lang).map_err(AppError::Internal)?.into_bytes()),
            ReportFormat::Pdf => {
                self.heavy(move || progress::pdf_document(&report, lang)).await?.map_err(AppError::Internal)
            }
        }
    }
}

/// The layouts of the progress report.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReportFormat {
    /// A self-contained web page.
    Html,
    /// A PDF document.
    Pdf,
}
