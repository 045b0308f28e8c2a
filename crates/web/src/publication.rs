//! Published versions on the web: every file of a version served from the database under a
//! permanent address (`/editions/{year}/v/{n}/…`, cached for a year since it never changes), a
//! withdrawn version's pages explaining why, and the secretariat's actions: analyse now, publish
//! a new version, withdraw one.

use axum::{
    extract::{Path, State},
    http::{HeaderMap, StatusCode, Uri, header},
    response::{IntoResponse, Redirect, Response},
};
use serde::Serialize;
use smartcities_app::{
    accounts::Client,
    publication::{self, GoPublic},
};
use smartcities_domain::{EditionYear, Lang, Localized, PublishedVersion};
use smartcities_publish::Texts;

use crate::{
    AppState,
    auth::{ClientAddress, Secretariat, Staff, Viewer},
    form::CsrfForm,
    i18n::Negotiated,
    page::{Ctx, PageError, refused, render_page},
};

/// A day of caching: a version's files never change, but a withdrawal must reach caches.
const PUBLIC_FILE: &str = "public, max-age=86400";
/// A private preview is not kept anywhere.
const PREVIEW_FILE: &str = "private, no-store";

/// Where a version's site starts in a language.
pub(crate) fn site_home(year: EditionYear, version: PublishedVersion, lang: Lang) -> String {
    format!("/editions/{year}/v/{version}/site/{}/index.html", lang.code())
}

fn parse(lang: Lang, year: &str, version: &str) -> Result<(EditionYear, PublishedVersion), PageError> {
    let year = EditionYear::parse(year).map_err(|_| PageError::NotFound(lang))?;
    let version = version.parse::<PublishedVersion>().map_err(|_| PageError::NotFound(lang))?;
    Ok((year, version))
}

/// `/editions/{year}/v/{version}`: the version's entrance, the site's choice of language.
pub async fn version_root(Path((year, version)): Path<(String, String)>) -> Redirect {
    Redirect::to(&format!("/editions/{year}/v/{version}/site/index.html"))
}

/// `/editions/{year}/published`: the current version's site in the reader's language.
pub async fn current(
    State(state): State<AppState>,
    Negotiated(lang): Negotiated,
    Path(year): Path<String>,
) -> Result<Redirect, PageError> {
    let year = EditionYear::parse(&year).map_err(|_| PageError::NotFound(lang))?;
    let current =
        state.app.current_publication(year).await.map_err(refused(lang))?.ok_or(PageError::NotFound(lang))?;
    Ok(Redirect::to(&site_home(year, current.version, lang)))
}

#[derive(Serialize)]
struct WithdrawnPage {
    year: u16,
    version: PublishedVersion,
    date: String,
    reason: String,
    current: Option<String>,
}

/// Whether the request's `If-None-Match` names `etag` (or is `*`).
pub(crate) fn etag_matches(headers: &HeaderMap, etag: &str) -> bool {
    headers.get_all(header::IF_NONE_MATCH).iter().filter_map(|v| v.to_str().ok()).any(|value| {
        value
            .split(',')
            .map(str::trim)
            .any(|tag| tag == "*" || tag == etag || tag.strip_prefix("W/") == Some(etag))
    })
}

/// One file of a version, as published; a withdrawn version answers 410 Gone with its reason.
pub async fn file(
    State(state): State<AppState>,
    Negotiated(lang): Negotiated,
    viewer: Viewer,
    uri: Uri,
    headers: HeaderMap,
    ClientAddress(address): ClientAddress,
    Path((year, version, path)): Path<(String, String, String)>,
) -> Result<Response, PageError> {
    let (year, version) = parse(lang, &year, &version)?;
    let path = if path.is_empty() || path.ends_with('/') { format!("{path}index.html") } else { path };
    let (publication, file) = state
        .app
        .published_file(viewer.app(), year, version, &path)
        .await
        .map_err(refused(lang))?
        .ok_or(PageError::NotFound(lang))?;
    if let Some((at, reason)) = publication.withdrawn {
        let current = state.app.current_publication(year).await.map_err(refused(lang))?;
        let page = WithdrawnPage {
            year: year.get(),
            version,
            date: at.day().to_string(),
            reason,
            current: current.map(|p| site_home(year, p.version, lang)),
        };
        let html = render_page(
            &Ctx { state: &state, lang, uri: &uri, viewer: &viewer },
            "withdrawn.html",
            "editions",
            page,
        )
        .await?;
        return Ok((StatusCode::GONE, [(header::CACHE_CONTROL, "no-cache")], html).into_response());
    }
    let public = publication.is_public_at(state.app.now());
    // A version's files never change: one strong validator for all of them.
    let etag = format!("\"{}-{version}\"", &publication.content_hash[..16]);
    let cache = (if public { PUBLIC_FILE } else { PREVIEW_FILE }).to_string();
    if public && etag_matches(&headers, &etag) {
        return Ok((StatusCode::NOT_MODIFIED, [(header::CACHE_CONTROL, cache), (header::ETAG, etag)])
            .into_response());
    }
    if public {
        state.app.count_download(year, &path, &Client { address });
    }
    Ok((
        [(header::CONTENT_TYPE, file.content_type), (header::CACHE_CONTROL, cache), (header::ETAG, etag)],
        file.body,
    )
        .into_response())
}

/// `POST /editions/{year}/analyse`: the secretariat or an analyst analyses the edition now.
pub async fn analyse(
    State(state): State<AppState>,
    Negotiated(lang): Negotiated,
    Staff(_): Staff,
    Path(year): Path<String>,
    CsrfForm(_): CsrfForm,
) -> Result<Response, PageError> {
    let year = EditionYear::parse(&year).map_err(|_| PageError::NotFound(lang))?;
    if state.app.edition(year).await.map_err(refused(lang))?.is_none() {
        return Err(PageError::NotFound(lang));
    }
    state.app.analyse(year, &smartcities_app::Silent).await.map_err(refused(lang))?;
    Ok(Redirect::to(&format!("/editions/{year}?analysed=1#publication")).into_response())
}

fn localized(fields: &std::collections::HashMap<String, Vec<String>>, name: &str) -> Option<Localized> {
    let get = |lang: Lang| {
        fields
            .get(&format!("{name}_{}", lang.code()))
            .and_then(|v| v.first())
            .map(|s| s.trim().replace("\r\n", "\n"))
    };
    let text = Localized { en: get(Lang::En)?, es: get(Lang::Es)?, fr: get(Lang::Fr)? };
    (!(text.en.is_empty() && text.es.is_empty() && text.fr.is_empty())).then_some(text)
}

/// `POST /editions/{year}/publish`: the secretariat publishes the next version, with the
/// foreword and the conclusions as edited in the form.
pub async fn publish(
    State(state): State<AppState>,
    Negotiated(lang): Negotiated,
    Secretariat(session): Secretariat,
    Path(year): Path<String>,
    CsrfForm(fields): CsrfForm,
) -> Result<Response, PageError> {
    let year = EditionYear::parse(&year).map_err(|_| PageError::NotFound(lang))?;
    if state.app.edition(year).await.map_err(refused(lang))?.is_none() {
        return Err(PageError::NotFound(lang));
    }
    let texts = Texts {
        foreword: localized(&fields, "foreword"),
        conclusions: localized(&fields, "conclusions"),
        changes: localized(&fields, "changes"),
        original: Lang::from_tag(fields.first("original")),
    };
    let first = |name: &str| fields.first(name);
    let when = match first("when") {
        "now" => GoPublic::Now,
        "at" => GoPublic::At(publication::moment(first("at_local"), first("zone")).map_err(refused(lang))?),
        _ => GoPublic::Preview,
    };
    let published = state
        .app
        .publish(&session.user, year, texts, when, std::sync::Arc::new(smartcities_app::Silent))
        .await
        .map_err(refused(lang))?;
    Ok(Redirect::to(&format!("/editions/{year}?published={}#publication", published.version)).into_response())
}

/// `POST /editions/{year}/versions/{version}`: the secretariat makes a private version public
/// now (`public`), schedules it (`schedule`, with a local date and time and a zone), or takes a
/// scheduled version back to a private preview (`unschedule`).
pub async fn version_action(
    State(state): State<AppState>,
    Negotiated(lang): Negotiated,
    Secretariat(session): Secretariat,
    Path((year, version)): Path<(String, String)>,
    CsrfForm(fields): CsrfForm,
) -> Result<Response, PageError> {
    let first = |name: &str| fields.first(name);
    let (year, version) = parse(lang, &year, &version)?;
    let app = &state.app;
    let flash = match first("action") {
        "public" => {
            app.make_public(&session.user, year, version).await.map_err(refused(lang))?;
            "public"
        }
        "schedule" => {
            let at = publication::moment(first("at_local"), first("zone")).map_err(refused(lang))?;
            app.schedule_version(&session.user, year, version, Some(&at)).await.map_err(refused(lang))?;
            "scheduled"
        }
        "unschedule" => {
            app.schedule_version(&session.user, year, version, None).await.map_err(refused(lang))?;
            "unscheduled"
        }
        _ => return Err(PageError::Refused(lang, crate::i18n::t(lang, "form-expired"))),
    };
    Ok(Redirect::to(&format!("/editions/{year}?{flash}={version}#publication")).into_response())
}

/// `POST /editions/{year}/withdraw`: the secretariat withdraws a version, with a reason.
pub async fn withdraw(
    State(state): State<AppState>,
    Negotiated(lang): Negotiated,
    Secretariat(session): Secretariat,
    Path(year): Path<String>,
    CsrfForm(fields): CsrfForm,
) -> Result<Response, PageError> {
    let first = |name: &str| fields.first(name);
    let (year, version) = parse(lang, &year, first("version"))?;
    state
        .app
        .withdraw_publication(&session.user, year, version, first("reason"))
        .await
        .map_err(refused(lang))?;
    Ok(Redirect::to(&format!("/editions/{year}?withdrawn={version}#publication")).into_response())
}

/// What the edition page shows of a version.
#[derive(Serialize)]
pub(crate) struct VersionRow {
    version: PublishedVersion,
    href: String,
    published: String,
    /// Public since when, scheduled for when, or a private preview.
    state: String,
    public: bool,
    scheduled: bool,
    provisional: bool,
    hash: String,
    files: String,
    withdrawn: Option<String>,
}

/// The secretariat's and analysts' panel on the edition page.
#[derive(Serialize)]
pub(crate) struct StaffPanel {
    /// `none`, `current` or `stale`.
    results: &'static str,
    computed_at: String,
    can_publish: bool,
    /// Whether cities are still answering (a version made now is provisional).
    collecting: bool,
    /// The time zones a publication can be scheduled in.
    zones: Vec<String>,
    next_version: PublishedVersion,
    /// Why publishing is not possible now, if it is not.
    blocked: Option<String>,
    conclusions: Option<Localized>,
    versions: Vec<VersionRow>,
    flash: Option<String>,
}

/// The panel for staff, or nothing for everyone else.
pub(crate) async fn staff_panel(
    state: &AppState,
    viewer: &Viewer,
    lang: Lang,
    year: EditionYear,
    uri: &Uri,
) -> Result<Option<StaffPanel>, PageError> {
    if !viewer.app().is_staff() {
        return Ok(None);
    }
    let stored = state.app.results(year).await.map_err(refused(lang))?;
    let (results, computed_at) = match &stored {
        None => ("none", String::new()),
        Some(s) if s.stale => ("stale", crate::i18n::timestamp(lang, s.computed_at)),
        Some(s) => ("current", crate::i18n::timestamp(lang, s.computed_at)),
    };
    let can_publish = viewer.is_secretariat();
    let (conclusions, blocked) = if can_publish && results == "current" {
        match state.app.draft_conclusions(year).await {
            Ok(draft) => (Some(draft), None),
            Err(smartcities_app::AppError::Refused(refusal)) => (None, Some(refusal.message(lang))),
            Err(e) => return Err(PageError::Internal(e.to_string())),
        }
    } else {
        (None, None)
    };
    let now = state.app.now();
    let versions = state
        .app
        .publications(year)
        .await
        .map_err(refused(lang))?
        .into_iter()
        .rev()
        .map(|p| VersionRow {
            version: p.version,
            href: site_home(year, p.version, lang),
            state: match p.public_at {
                Some(at) if p.is_public_at(now) => {
                    smartcities_locale::translate(lang, "pub-state-public", &[("at", at.to_string().into())])
                }
                Some(at) => smartcities_locale::translate(
                    lang,
                    "pub-state-scheduled",
                    &[("at", at.to_string().into())],
                ),
                None => smartcities_locale::t(lang, "pub-state-preview"),
            },
            public: p.is_public_at(now),
            scheduled: p.is_scheduled_at(now),
            provisional: p.provisional,
            published: smartcities_locale::translate(
                lang,
                "pub-published-by",
                &[("at", p.published_at.to_string().into()), ("by", p.published_by.clone().into())],
            ),
            hash: p.content_hash.chars().take(12).collect(),
            files: smartcities_locale::translate(
                lang,
                "pub-files",
                &[
                    ("files", (p.files as i64).into()),
                    ("size", format!("{:.1}", p.bytes as f64 / 1_048_576.0).into()),
                ],
            ),
            withdrawn: p.withdrawn.map(|(at, reason)| {
                smartcities_locale::translate(
                    lang,
                    "pub-withdrawn-page",
                    &[("date", at.day().to_string().into()), ("reason", reason.into())],
                )
            }),
        })
        .collect();
    let query = uri.query().unwrap_or_default();
    let flash = form_urlencoded::parse(query.as_bytes()).find_map(|(key, value)| {
        let version = value.parse::<i64>().ok()?;
        let key = match key.as_ref() {
            "analysed" => "pub-analysed-flash",
            "published" => "pub-published-flash",
            "withdrawn" => "pub-withdrawn-flash",
            "public" => "pub-public-flash",
            "scheduled" => "pub-scheduled-flash",
            "unscheduled" => "pub-unscheduled-flash",
            _ => return None,
        };
        Some(smartcities_locale::translate(lang, key, &[("version", version.into())]))
    });
    let collecting = state
        .app
        .edition(year)
        .await
        .map_err(refused(lang))?
        .is_some_and(|e| e.status.collection == smartcities_domain::Collection::Open);
    Ok(Some(StaffPanel {
        results,
        computed_at,
        can_publish,
        collecting,
        zones: if can_publish { publication::zones() } else { Vec::new() },
        next_version: state.app.next_version(year).await.map_err(refused(lang))?,
        blocked,
        conclusions,
        versions,
        flash,
    }))
}

/// The public's links to an edition's current version: its site, report, brief and data.
#[derive(Serialize)]
pub(crate) struct PublishedLinks {
    version: PublishedVersion,
    site: String,
    report: String,
    brief: String,
    slides: String,
    data: String,
}

/// The links to the current version of an edition, if it has one.
pub(crate) async fn published_links(
    state: &AppState,
    lang: Lang,
    year: EditionYear,
) -> Result<Option<PublishedLinks>, PageError> {
    let Some(current) = state.app.current_publication(year).await.map_err(refused(lang))? else {
        return Ok(None);
    };
    let base = format!("/editions/{year}/v/{}", current.version);
    let code = lang.code();
    Ok(Some(PublishedLinks {
        version: current.version,
        site: site_home(year, current.version, lang),
        report: format!("{base}/pdf/report-{code}.pdf"),
        brief: format!("{base}/pdf/brief-{code}.pdf"),
        slides: format!("{base}/pdf/slides-{code}.pdf"),
        data: format!("{base}/data/datapackage.json"),
    }))
}
