//! The community of practice running itself. Here: its events log — webinars, learning
//! meetings with partner organisations, presentations of the study — recorded by the
//! secretariat, with the public ones on the calendar, the feed and the API.

use smartcities_domain::{Event, EventId, EventProblem, Role};
use smartcities_store::User;

use crate::{App, Refusal, Result};

impl App {
    /// Records a new event or corrects one (`editing` is the id of the one being corrected);
    /// secretariat only. A new event never takes an id in use, and every partner must be one
    /// the community works with.
    pub async fn record_event(&self, user: &User, event: &Event, editing: Option<&EventId>) -> Result<()> {
        if user.role != Role::Secretariat {
            return Err(Refusal::Forbidden.into());
        }
        let mut problems = event.check().err().unwrap_or_default();
        let partners = self.store.partners().await?;
        for partner in &event.partners {
            if !partners.iter().any(|p| &p.id == partner) {
                problems.push(("partners", EventProblem::UnknownPartner { partner: partner.clone() }));
            }
        }
        if editing != Some(&event.id) && self.store.event(event.id.as_str()).await?.is_some() {
            return Err(Refusal::EventIdTaken { id: event.id.to_string() }.into());
        }
        if !problems.is_empty() {
            return Err(Refusal::EventInvalid(problems).into());
        }
        Ok(self.store.save_event(event).await?)
    }

    /// The events `user` may see, earliest first: every one for the secretariat and analysts,
    /// the public ones for everyone else.
    pub async fn events(&self, user: Option<&User>) -> Result<Vec<Event>> {
        let staff = user.is_some_and(|u| matches!(u.role, Role::Secretariat | Role::Analyst));
        Ok(self.store.events(!staff).await?)
    }
}
