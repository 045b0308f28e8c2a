//! Running a campaign: opening an edition for answers, inviting member cities' respondents,
//! reminding those who have not submitted, and delivering the mail the outbox holds. Mail is
//! written as `.eml` files to a folder, from which any mail program or relay can send it.

use std::{collections::BTreeMap, path::Path};

use anyhow::Result;
use smartcities_domain::{
    ApproxDate, EditionYear, Localized, MemberStatus, Milestone, Participation, ResponseStatus, Role, Section,
};
use smartcities_store::{CityFilter, Store, User};
use smartcities_web::auth;

/// What an invitation or reminder round queued.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Round {
    pub cities: usize,
    pub mails: usize,
}

pub async fn open(store: &Store, year: EditionYear, deadline: ApproxDate) -> Result<()> {
    let label = Localized {
        en: "Deadline for questionnaires".into(),
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
    let edition = store.edition(year).await?.ok_or_else(|| anyhow::anyhow!("no edition {year}"))?;
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
    let edition = store.edition(year).await?.ok_or_else(|| anyhow::anyhow!("no edition {year}"))?;
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

/// Delivers due mail as `.eml` files into `folder`; a failure leaves the message for a later
/// attempt. Returns (delivered, failed).
pub async fn deliver(store: &Store, folder: &Path) -> Result<(usize, usize)> {
    let (mut delivered, mut failed) = (0, 0);
    let mail = store.due_mail(10_000).await?;
    for message in mail {
        let eml = format!(
            "To: {}\r\nFrom: Smart Cities Study <noreply@smartcities.invalid>\r\nSubject: {}\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n{}",
            message.recipient,
            message.subject,
            message.body.replace('\n', "\r\n")
        );
        let written = std::fs::create_dir_all(folder)
            .and_then(|()| std::fs::write(folder.join(format!("{}.eml", message.id)), eml));
        match written {
            Ok(()) => {
                store.mark_mail_sent(&message.id).await?;
                delivered += 1;
            }
            Err(e) => {
                store.mark_mail_failed(&message, &e.to_string()).await?;
                failed += 1;
            }
        }
    }
    Ok((delivered, failed))
}

/// Participation as text: invited / started / submitted / accepted, overall and per section.
pub async fn status(store: &Store, year: EditionYear) -> Result<String> {
    let cities = store.cities(&CityFilter::default()).await?;
    let mut by_section: BTreeMap<Section, Vec<ResponseStatus>> = BTreeMap::new();
    let responses = store.responses(year).await?;
    for r in &responses {
        if let Some(city) = cities.iter().find(|c| c.id == r.city) {
            by_section.entry(city.section).or_default().push(r.status);
        }
    }
    let line = |label: &str, statuses: &[ResponseStatus]| {
        let p = Participation::of(statuses);
        let rate = |n: usize| p.rate(n).unwrap_or(0.0);
        format!(
            "{label:<24} {:>8} {:>8} ({:>3.0} %) {:>8} ({:>3.0} %) {:>8} ({:>3.0} %)\n",
            p.invited,
            p.started,
            rate(p.started),
            p.submitted,
            rate(p.submitted),
            p.accepted,
            rate(p.accepted)
        )
    };
    let mut out =
        format!("{:<24} {:>8} {:>16} {:>16} {:>16}\n", "", "invited", "started", "submitted", "accepted");
    let all: Vec<ResponseStatus> = responses.iter().map(|r| r.status).collect();
    out.push_str(&line("all cities", &all));
    for (section, statuses) in &by_section {
        out.push_str(&line(section.slug(), statuses));
    }
    let mail = store.outbox_counts().await?;
    out.push_str(&format!("mail: {} pending, {} sent, {} failed\n", mail.pending, mail.sent, mail.failed));
    Ok(out)
}
