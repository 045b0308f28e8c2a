//! Running a campaign: opening an edition for answers, inviting member cities' respondents and
//! reminding those who have not submitted. Mail goes into the durable outbox; [`crate::mail`]
//! delivers it.

use smartcities_domain::{ApproxDate, Edition, EditionYear, Localized, MemberStatus, Milestone, Role};
use smartcities_store::{CityFilter, Result, Store, StoreError, User};

use crate::auth;

/// What an invitation or reminder round queued.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Round {
    pub cities: usize,
    pub mails: usize,
}

const DEADLINE_EN: &str = "Deadline for questionnaires";

/// The deadline the edition was opened with, if any.
pub fn deadline(edition: &Edition) -> Option<ApproxDate> {
    edition.milestones.iter().find(|m| m.label.en == DEADLINE_EN).map(|m| m.date)
}

/// Opens the edition for answers until `deadline` (or moves the deadline of an open one).
pub async fn open(store: &Store, year: EditionYear, deadline: ApproxDate) -> Result<()> {
    let label = Localized {
        en: DEADLINE_EN.into(),
        es: "Plazo de entrega de los cuestionarios".into(),
        fr: "Date limite de remise des questionnaires".into(),
    };
    store.open_edition(year, Milestone { date: deadline, label }).await?;
    Ok(())
}

fn message(edition: &Localized, city: &str, link: &str, reminder: bool) -> (String, String) {
    let subject = if reminder {
        format!("Smart Cities Study — reminder / recordatorio / rappel: {city}")
    } else {
        format!("Smart Cities Study — invitation / invitación: {city}")
    };
    let body = format!(
        "{en}\n\n{es}\n\n{fr}\n\n{link}\n",
        en = if reminder {
            format!(
                "Your city's answers to \"{}\" are not submitted yet. You can continue where you left off:",
                edition.en
            )
        } else {
            format!(
                "Your city, {city}, is invited to answer \"{}\". Open this link to set your password and start:",
                edition.en
            )
        },
        es = if reminder {
            format!(
                "Las respuestas de su ciudad a «{}» aún no se han enviado. Puede continuar donde lo dejó:",
                edition.es
            )
        } else {
            format!(
                "Su ciudad, {city}, está invitada a responder «{}». Abra este enlace para elegir su contraseña y empezar:",
                edition.es
            )
        },
        fr = if reminder {
            format!(
                "Les réponses de votre ville à « {} » ne sont pas encore envoyées. Vous pouvez reprendre là où vous en étiez :",
                edition.fr
            )
        } else {
            format!(
                "Votre ville, {city}, est invitée à répondre à « {} ». Ouvrez ce lien pour choisir votre mot de passe et commencer :",
                edition.fr
            )
        },
    );
    (subject, body)
}

/// The link a respondent follows: a fresh one-time invitation while they have no password,
/// the questionnaire itself once they have one.
async fn link_for(store: &Store, user: &User, base_url: &str, year: EditionYear) -> Result<String> {
    if user.password_hash.is_some() {
        let city = user.city.as_ref().map_or(String::new(), ToString::to_string);
        return Ok(format!("{base_url}/responses/{year}/{city}"));
    }
    let token = auth::new_token();
    store.create_invitation(&user.id, &auth::token_hash(&token), auth::INVITATION_SECONDS).await?;
    Ok(format!("{base_url}/invitations/{token}"))
}

/// Invites every active member city: a response record for it, an account for each focal
/// point, and an invitation mail in the outbox.
pub async fn invite(store: &Store, year: EditionYear, base_url: &str) -> Result<Round> {
    let edition =
        store.edition(year).await?.ok_or_else(|| StoreError::NotFound(format!("no edition {year}")))?;
    let cities = store.cities(&CityFilter::default()).await?;
    let mut round = Round::default();
    for member in store.members().await?.iter().filter(|m| m.status == MemberStatus::Active) {
        let Some(city) = cities.iter().find(|c| c.id == member.city) else { continue };
        store.open_response(year, &city.id).await?;
        round.cities += 1;
        for (i, focal) in member.focal_points.iter().enumerate() {
            let id = format!("respondent-{}-{i}", city.id);
            let user =
                store.ensure_user(&id, &focal.email, &focal.name, Role::Respondent, Some(&city.id)).await?;
            if user.city.as_ref() != Some(&city.id) {
                continue; // the address already answers for another city
            }
            let link = link_for(store, &user, base_url, year).await?;
            let (subject, body) = message(&edition.title, &city.name, &link, false);
            store.enqueue_mail(&auth::new_token(), focal.email.as_str(), &subject, &body).await?;
            round.mails += 1;
        }
    }
    Ok(round)
}

/// Reminds the respondents of every city whose response is not submitted.
pub async fn remind(store: &Store, year: EditionYear, base_url: &str) -> Result<Round> {
    let edition =
        store.edition(year).await?.ok_or_else(|| StoreError::NotFound(format!("no edition {year}")))?;
    let mut round = Round::default();
    for response in store.responses(year).await? {
        if !response.status.open_to_respondent() {
            continue;
        }
        let Some(city) = store.city(&response.city).await? else { continue };
        round.cities += 1;
        for user in store.respondents(&city.id).await? {
            let link = link_for(store, &user, base_url, year).await?;
            let (subject, body) = message(&edition.title, &city.name, &link, true);
            store.enqueue_mail(&auth::new_token(), user.email.as_str(), &subject, &body).await?;
            round.mails += 1;
        }
    }
    Ok(round)
}
