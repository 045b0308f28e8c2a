//! Who answers for a city: the focal point and the colleagues they brought in, each colleague
//! with the sections they answer. The focal point (and the secretariat) invite colleagues,
//! change their sections and end their access; the secretariat changes the focal point.

use std::collections::HashMap;

use axum::{
    extract::{Path, Query, State},
    http::{StatusCode, Uri},
    response::{IntoResponse, Redirect, Response},
};
use serde::Serialize;
use smartcities_app::team::{NewColleague, NewFocalPoint, sections};
use smartcities_domain::Lang;

use super::*;
use crate::{
    AppState,
    auth::Viewer,
    form::{CsrfForm, Fields},
    i18n::{Negotiated, t, translate},
    page::{Ctx, PageError, PageResult, form_refusal, refused, render_page},
};

#[derive(Serialize, Clone)]
struct SectionBox {
    name: String,
    label: String,
    checked: bool,
}

#[derive(Serialize)]
struct MemberView {
    id: String,
    name: String,
    email: String,
    focal: bool,
    /// When a colleague's access ended, in words.
    ended: Option<String>,
    disabled: bool,
    sections: Vec<SectionBox>,
    /// Answers that stand as this person's.
    answers: usize,
}

/// What was typed into a form that was refused, to show it again.
#[derive(Serialize, Default)]
struct Typed {
    name: String,
    email: String,
    role: String,
    lang: String,
}

#[derive(Serialize)]
struct TeamPage {
    head: Head,
    groups: Vec<GroupLink>,
    members: Vec<MemberView>,
    /// The sections an invitation may give, as ticked on a refused invitation.
    sections: Vec<SectionBox>,
    manages: bool,
    secretariat: bool,
    message: Option<String>,
    /// The form a refusal belongs to (`invite`, `focal`, or a member's id) and why.
    problem: Option<(String, String)>,
    typed: Typed,
    langs: Vec<(&'static str, &'static str)>,
}

fn team_page(lang: Lang, loaded: &Loaded, viewer: &Viewer) -> TeamPage {
    let all = sections(&loaded.questionnaire, lang);
    let boxes = |chosen: &[String]| -> Vec<SectionBox> {
        all.iter()
            .map(|s| SectionBox {
                name: s.name.clone(),
                label: s.label.clone(),
                checked: chosen.contains(&s.name),
            })
            .collect()
    };
    let members = loaded
        .team
        .iter()
        .map(|m| MemberView {
            id: m.user.id.clone(),
            name: m.user.name.clone(),
            email: m.user.email.as_str().to_string(),
            focal: m.colleague.is_none(),
            ended: m.colleague.as_ref().and_then(|c| c.ended_at).map(|at| crate::i18n::timestamp(lang, at)),
            disabled: m.user.disabled,
            sections: boxes(m.colleague.as_ref().map_or(&[][..], |c| &c.sections)),
            answers: loaded
                .answers
                .iter()
                .filter(|a| a.updated_by.eq_ignore_ascii_case(m.user.email.as_str()))
                .count(),
        })
        .collect();
    TeamPage {
        head: head(lang, loaded, viewer),
        groups: group_links(lang, loaded),
        members,
        sections: boxes(&[]),
        manages: loaded.access.acts_for_city(),
        secretariat: viewer.is_secretariat(),
        message: None,
        problem: None,
        typed: Typed { lang: lang.code().to_string(), ..Typed::default() },
        langs: Lang::ALL.iter().map(|l| (l.code(), l.endonym())).collect(),
    }
}

/// `GET /responses/{year}/{city}/team`.
pub async fn team(
    State(state): State<AppState>,
    Negotiated(lang): Negotiated,
    viewer: Viewer,
    uri: Uri,
    Path((year, city)): Path<(String, String)>,
    Query(query): Query<HashMap<String, String>>,
) -> PageResult {
    let ctx = Ctx { state: &state, lang, uri: &uri, viewer: &viewer };
    let loaded = load(&ctx, &year, &city).await?;
    let mut page = team_page(lang, &loaded, &viewer);
    page.message = match query.get("done").map(String::as_str) {
        Some("invited") => Some(translate(
            lang,
            "team-invited",
            &[("email", query.get("email").cloned().unwrap_or_default().into())],
        )),
        Some("sections" | "ended" | "focal") => Some(t(lang, "saved")),
        _ => None,
    };
    render_page(&ctx, "team.html", "me", page).await
}

/// The language a mail is to be written in, as the form names it; the page's otherwise.
fn mail_lang(fields: &Fields, lang: Lang) -> Lang {
    Lang::from_tag(fields.first("mail_lang")).unwrap_or(lang)
}

/// `POST /responses/{year}/{city}/team`: invite a colleague, change a colleague's sections,
/// end their access, or (the secretariat) change the focal point.
pub async fn act(
    State(state): State<AppState>,
    Negotiated(lang): Negotiated,
    viewer: Viewer,
    uri: Uri,
    Path((year, city)): Path<(String, String)>,
    CsrfForm(fields): CsrfForm,
) -> Result<Response, PageError> {
    let ctx = Ctx { state: &state, lang, uri: &uri, viewer: &viewer };
    let loaded = load(&ctx, &year, &city).await?;
    let user = user_of(&viewer)?;
    let (edition, city_id) = (loaded.edition.year, &loaded.city.id);
    let chosen = fields.get("section").cloned().unwrap_or_default();
    let member = fields.first("member").to_string();
    let (form, result, done) = match fields.first("action") {
        "invite" => {
            let new = NewColleague {
                name: fields.first("name").to_string(),
                email: fields.first("email").to_string(),
                sections: chosen.clone(),
                lang: mail_lang(&fields, lang),
            };
            let result = state.app.invite_colleague(user, edition, city_id, &new).await.map(|_| ());
            let email: String = form_urlencoded::byte_serialize(fields.first("email").as_bytes()).collect();
            ("invite".to_string(), result, format!("invited&email={email}"))
        }
        "sections" => {
            let result = state.app.assign_sections(user, edition, city_id, &member, &chosen).await;
            (member.clone(), result, "sections".to_string())
        }
        "end" => {
            let result = state.app.end_colleague(user, edition, city_id, &member).await;
            (member.clone(), result, "ended".to_string())
        }
        "focal" => {
            let new = NewFocalPoint {
                name: fields.first("name").to_string(),
                email: fields.first("email").to_string(),
                role: fields.first("role").to_string(),
                lang: mail_lang(&fields, lang),
            };
            let result = state.app.change_focal_point(user, edition, city_id, &new).await.map(|_| ());
            ("focal".to_string(), result, "focal".to_string())
        }
        _ => return Err(PageError::Refused(lang, t(lang, "form-unreadable"))),
    };
    match result {
        Ok(()) => Ok(Redirect::to(&format!("/responses/{year}/{city}/team?done={done}")).into_response()),
        Err(e) => {
            let reason = form_refusal(lang, e)?;
            let loaded = ctx.state.app.response_file(user, edition, city_id).await.map_err(refused(lang))?;
            let mut page = team_page(lang, &loaded, &viewer);
            if form == "invite" {
                for section in &mut page.sections {
                    section.checked = chosen.contains(&section.name);
                }
            }
            page.typed = Typed {
                name: fields.first("name").to_string(),
                email: fields.first("email").to_string(),
                role: fields.first("role").to_string(),
                lang: mail_lang(&fields, lang).code().to_string(),
            };
            page.problem = Some((form, reason));
            let html = render_page(&ctx, "team.html", "me", page).await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, html).into_response())
        }
    }
}
