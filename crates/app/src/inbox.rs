//! What waits for the person signed in, on their own page: for the secretariat, responses to
//! review, draft practices, applications to join, the open renewal round, mail given up on and
//! editions whose results no longer match their answers; for an analyst, those stale results;
//! for a city's respondent, the questionnaires still to answer (a colleague's own sections
//! named) or returned with comments, and practices sent back. Each item is a count with the
//! page where the work is done. Reading never writes.

use smartcities_domain::{Collection, Day, EditionYear, ResponseStatus, Role};
use smartcities_store::User;

use crate::{App, Result, campaign::last_day_for, policy::response_access};

/// What an item of the inbox is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InboxKind {
    /// Submitted responses of an edition to accept or return.
    AwaitingReview,
    /// Submitted responses of an edition assigned to the person for review.
    AssignedToYou,
    /// Practices in draft, to edit and publish.
    DraftPractices,
    /// Applications to join, to decide.
    Applications,
    /// A renewal round still open.
    RenewalRound,
    /// Mail given up on after its last attempt.
    MailFailures,
    /// An edition analysed before its answers last changed.
    StaleResults,
    /// A questionnaire the city may still answer.
    Answer,
    /// A questionnaire returned to the city with comments.
    Returned,
    /// The city's practices sent back with comments.
    PracticesReturned,
}

impl InboxKind {
    /// The kind's name in translation keys (`inbox-awaiting-review`).
    pub fn slug(self) -> &'static str {
        match self {
            InboxKind::AwaitingReview => "awaiting-review",
            InboxKind::AssignedToYou => "assigned-to-you",
            InboxKind::DraftPractices => "draft-practices",
            InboxKind::Applications => "applications",
            InboxKind::RenewalRound => "renewal-round",
            InboxKind::MailFailures => "mail-failures",
            InboxKind::StaleResults => "stale-results",
            InboxKind::Answer => "answer",
            InboxKind::Returned => "returned",
            InboxKind::PracticesReturned => "practices-returned",
        }
    }
}

/// One thing waiting, with where to do it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InboxItem {
    /// What it is.
    pub kind: InboxKind,
    /// How many (1 for a single questionnaire or round).
    pub count: i64,
    /// The page where it is done.
    pub link: String,
    /// The edition it belongs to, if any.
    pub edition: Option<EditionYear>,
    /// The last day to do it, where there is one.
    pub due: Option<Day>,
    /// A colleague's own sections (top-level group names), for a questionnaire to answer.
    pub sections: Vec<String>,
    /// A name to show with it: the open renewal round's title.
    pub name: Option<String>,
}

impl InboxItem {
    fn new(kind: InboxKind, count: i64, link: String) -> InboxItem {
        InboxItem { kind, count, link, edition: None, due: None, sections: Vec::new(), name: None }
    }

    fn of(mut self, edition: EditionYear) -> InboxItem {
        self.edition = Some(edition);
        self
    }
}

impl App {
    /// What waits for `user`, most pressing first; empty when nothing does.
    pub async fn inbox(&self, user: &User) -> Result<Vec<InboxItem>> {
        let assigned = match user.role {
            Role::Respondent => return self.respondent_inbox(user).await,
            Role::Secretariat | Role::Analyst => self.store.inbox().assigned_to(user.email.as_str()).await?,
        };
        let mut items: Vec<InboxItem> = assigned
            .into_iter()
            .map(|(year, n)| {
                InboxItem::new(InboxKind::AssignedToYou, n, format!("/campaigns/{year}?show=awaiting"))
                    .of(year)
            })
            .collect();
        match user.role {
            Role::Secretariat => items.extend(self.secretariat_inbox().await?),
            _ => items.extend(stale(&self.store.inbox().waiting().await?.stale_results)),
        }
        Ok(items)
    }

    async fn secretariat_inbox(&self) -> Result<Vec<InboxItem>> {
        let waiting = self.store.inbox().waiting().await?;
        let mut items: Vec<InboxItem> = waiting
            .awaiting_review
            .iter()
            .map(|(year, n)| {
                InboxItem::new(InboxKind::AwaitingReview, *n, format!("/campaigns/{year}?show=awaiting"))
                    .of(*year)
            })
            .collect();
        let counted = [
            (
                InboxKind::Applications,
                waiting.pending_applications,
                "/members/renewal#applications".to_string(),
            ),
            (InboxKind::DraftPractices, waiting.draft_practices, "/practices?status=draft".to_string()),
        ];
        items.extend(counted.into_iter().filter(|(_, n, _)| *n > 0).map(|(k, n, l)| InboxItem::new(k, n, l)));
        if let Some((_, title)) = &waiting.open_round {
            let mut round = InboxItem::new(InboxKind::RenewalRound, 1, "/members/renewal".into());
            round.name = Some(title.clone());
            items.push(round);
        }
        if waiting.failed_mail > 0 {
            // Mail problems are listed on the newest edition's campaign dashboard.
            let newest = self.store.study().editions().await?.into_iter().map(|e| e.year).max();
            let link = newest.map_or_else(|| "/me".to_string(), |y| format!("/campaigns/{y}#mail"));
            items.push(InboxItem::new(InboxKind::MailFailures, waiting.failed_mail, link));
        }
        items.extend(stale(&waiting.stale_results));
        Ok(items)
    }

    async fn respondent_inbox(&self, user: &User) -> Result<Vec<InboxItem>> {
        let Some(city) = &user.city else { return Ok(Vec::new()) };
        let mut items = Vec::new();
        for edition in self.store.study().editions().await?.into_iter().rev() {
            if edition.status.collection != Collection::Open {
                continue;
            }
            let Some(response) = self.store.answering().response(edition.year, city).await? else { continue };
            if !response.status.open_to_respondent() {
                continue;
            }
            let terms = self.store.teams().colleague_terms(&user.id, edition.year).await?;
            let Some(access) = response_access(user, city, terms.as_ref()) else { continue };
            if !access.writes_any() {
                continue;
            }
            let kind = if response.status == ResponseStatus::Returned {
                InboxKind::Returned
            } else {
                InboxKind::Answer
            };
            let mut item =
                InboxItem::new(kind, 1, format!("/responses/{}/{city}", edition.year)).of(edition.year);
            item.due = last_day_for(&edition, Some(&response));
            item.sections = terms.map(|t| t.sections).unwrap_or_default();
            items.push(item);
        }
        let returned = self.store.inbox().returned_practices(city).await?;
        if returned > 0 {
            items.push(InboxItem::new(
                InboxKind::PracticesReturned,
                returned,
                "/practices?status=returned".into(),
            ));
        }
        Ok(items)
    }
}

fn stale(editions: &[EditionYear]) -> Vec<InboxItem> {
    editions
        .iter()
        .map(|year| InboxItem::new(InboxKind::StaleResults, 1, format!("/editions/{year}/results")).of(*year))
        .collect()
}
