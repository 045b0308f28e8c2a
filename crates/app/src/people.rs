//! Personal data as the GDPR expects: the secretariat gives a person everything held about
//! them, erases it on request (what they recorded stays with their city, attributed to "a
//! former contact"), disables and enables accounts; decided applications are erased after a
//! set time. The privacy notice (`/privacy`) says the same to everyone.

use serde_json::{Value, json};
use smartcities_domain::{Email, Role};
pub use smartcities_store::{Erased, FORMER_CONTACT, HeldAbout};

use crate::{App, Refusal, Result, User, policy::Viewer};

/// Days a declined application is kept after its decision.
pub const DECLINED_KEPT_DAYS: i64 = 180;
/// Days an application marked as spam is kept after it was marked.
pub const SPAM_KEPT_DAYS: i64 = 30;

fn secretariat(user: &User) -> Result<()> {
    if Viewer::Account(user).is_secretariat() { Ok(()) } else { Err(Refusal::Forbidden.into()) }
}

fn address(email: &str) -> Result<Email> {
    Email::parse(email).map_err(|_| Refusal::NotFound.into())
}

impl App {
    /// Everything held about the person with this address; secretariat only.
    pub async fn held_about(&self, user: &User, email: &str) -> Result<HeldAbout> {
        secretariat(user)?;
        Ok(self.store.people().held_about(&address(email)?).await?)
    }

    /// Everything held about a person as one JSON document, to hand to them; secretariat only.
    pub async fn personal_data_export(&self, user: &User, email: &str) -> Result<Value> {
        let held = self.held_about(user, email).await?;
        let account = held.account.as_ref().map(|a| {
            json!({
                "email": a.email.as_str(),
                "name": a.name,
                "role": a.role.slug(),
                "city": a.city.as_ref().map(|c| c.as_str()),
                "has_password": a.password_hash.is_some(),
                "disabled": a.disabled,
                "created_at": held.account_created,
            })
        });
        Ok(json!({
            "email": email.trim(),
            "exported_at": self.now().to_string(),
            "account": account,
            "focal_point_of": held.focal_points.iter()
                .map(|(city, name, role)| json!({"city": city, "name": name, "role": role}))
                .collect::<Vec<_>>(),
            "applications_to_join": held.applications,
            "practice_contact_of": held.practice_contacts,
            "records_made": held.records.iter()
                .map(|(what, n)| json!({"table": what, "count": n}))
                .collect::<Vec<_>>(),
            "mail": held.mails.iter()
                .map(|(subject, status, at)| json!({"subject": subject, "status": status, "queued_at": at}))
                .collect::<Vec<_>>(),
            "recent_failed_sign_ins": held.failed_sign_ins,
        }))
    }

    /// Erases the person with this address, once `confirmation` repeats it; secretariat only,
    /// and not one's own account. One transaction.
    pub async fn erase_person(&self, user: &User, email: &str, confirmation: &str) -> Result<Erased> {
        secretariat(user)?;
        let email = address(email)?;
        if !confirmation.trim().eq_ignore_ascii_case(email.as_str()) {
            return Err(Refusal::ConfirmationNeeded.into());
        }
        if user.email.as_str().eq_ignore_ascii_case(email.as_str()) {
            return Err(Refusal::OwnAccount.into());
        }
        let erased = self.store.people().erase(&email).await?;
        tracing::info!(by = %user.email.as_str(), ?erased, "a person's data was erased");
        Ok(erased)
    }

    /// Disables the account with this address (its sessions end at once) or enables it
    /// again; secretariat only, and not one's own.
    pub async fn set_account_disabled(&self, user: &User, email: &str, disabled: bool) -> Result<User> {
        secretariat(user)?;
        let email = address(email)?;
        let account = self.store.accounts().user_by_email(&email).await?.ok_or(Refusal::NotFound)?;
        if account.id == user.id {
            return Err(Refusal::OwnAccount.into());
        }
        self.store.people().set_disabled(&account.id, disabled).await?;
        Ok(User { disabled, ..account })
    }

    /// Erases applications declined more than [`DECLINED_KEPT_DAYS`] ago and spam marked more
    /// than [`SPAM_KEPT_DAYS`] ago; returns how many.
    pub async fn purge_decided_applications(&self) -> Result<u64> {
        let before = |days: i64| self.now().plus_seconds(-days * 86_400).to_string();
        Ok(self
            .store
            .people()
            .purge_decided_applications(&before(DECLINED_KEPT_DAYS), &before(SPAM_KEPT_DAYS))
            .await?)
    }

    /// Whether `role` may be given the personal-data tools: the secretariat only.
    pub fn handles_personal_data(role: Role) -> bool {
        role == Role::Secretariat
    }
}
