//! Focus groups on the web: an edition's workshops with their participants and structured
//! outputs, and the secretariat's form to record or correct one. Outputs are shown to the
//! public once the edition is published, and to the secretariat and analysts before that.

use std::collections::HashMap;

use axum::{
    extract::{Path, Query, State},
    http::{StatusCode, Uri},
    response::{IntoResponse, Redirect, Response},
};
use serde::{Deserialize, Serialize};
use smartcities_app::{
    AppError, CityFilter, Refusal,
    focus_groups::{FocusGroup, FocusGroupOutput, OutputKind},
};
use smartcities_domain::{ApproxDate, CityId, Code, EditionYear, Lang, SdgTarget};

use crate::{
    AppState,
    auth::{Secretariat, Viewer},
    form::CsrfForm,
    i18n::{Negotiated, t, translate},
    page::{Ctx, PageError, PageResult, refused, refused_at, render_page},
};

const KINDS: [OutputKind; 4] =
    [OutputKind::Practice, OutputKind::Barrier, OutputKind::Enabler, OutputKind::Trend];

/// Blank output rows offered by the form beyond those already recorded.
const BLANK_ROWS: usize = 4;

#[derive(Deserialize, Default)]
pub struct EditQuery {
    edit: Option<String>,
}

#[derive(Serialize)]
struct OutputView {
    kind: &'static str,
    kind_label: String,
    axis: String,
    axis_label: String,
    sdgs: String,
    note: String,
}

#[derive(Serialize)]
struct GroupView {
    id: String,
    /// What the workshop was, in words: its language and day.
    title: String,
    held_on: String,
    language: String,
    language_code: &'static str,
    dynamics: String,
    participants: Vec<(String, String)>,
    outputs: Vec<OutputView>,
}

#[derive(Serialize)]
struct Choice {
    value: String,
    label: String,
}

/// The form's current values: an existing group's, the ones just submitted, or blank ones.
#[derive(Serialize)]
struct FormView {
    /// The workshop being corrected, if any (its id cannot be taken by another).
    editing: Option<String>,
    id: String,
    held_on: String,
    language: &'static str,
    dynamics: String,
    participants: Vec<String>,
    outputs: Vec<OutputView>,
}

/// What is wrong with a submitted form, and the field (`id`, `held_on`, `participants`,
/// `output.N`) to show it beside.
#[derive(Serialize, Debug)]
struct FormError {
    field: String,
    message: String,
}

#[derive(Serialize)]
struct FocusGroupsPage {
    year: u16,
    title: String,
    groups: Vec<GroupView>,
    /// Outputs counted by kind over all workshops.
    counts: Vec<(String, usize)>,
    form: Option<FormView>,
    error: Option<FormError>,
    kinds: Vec<Choice>,
    axes: Vec<Choice>,
    language_choices: Vec<Choice>,
    cities: Vec<Choice>,
}

pub async fn list(
    State(state): State<AppState>,
    Negotiated(lang): Negotiated,
    viewer: Viewer,
    uri: Uri,
    Path(year): Path<String>,
    Query(query): Query<EditQuery>,
) -> PageResult {
    let ctx = Ctx { state: &state, lang, uri: &uri, viewer: &viewer };
    groups_page(&ctx, &year, Shown::Editing(query.edit.as_deref())).await
}

/// What the secretariat's form holds.
enum Shown<'a> {
    /// The workshop with this id, or a blank form.
    Editing(Option<&'a str>),
    /// A form just submitted, refused for `FormError`.
    Refused(FormView, FormError),
}

async fn groups_page(ctx: &Ctx<'_>, year: &str, shown: Shown<'_>) -> PageResult {
    let (state, lang, viewer, uri) = (ctx.state, ctx.lang, ctx.viewer, ctx.uri);
    let year = EditionYear::parse(year).map_err(|_| PageError::NotFound(lang))?;
    let stored = state.app.focus_groups(viewer.app(), year).await.map_err(refused_at(lang, uri))?;
    let edition = state.app.edition(year).await?.ok_or(PageError::NotFound(lang))?;
    let framework = state.app.framework(year).await?.map(|(_, f)| f);
    let axis_label = |code: &Code| {
        framework
            .as_ref()
            .and_then(|f| f.axes.iter().find(|a| &a.code == code))
            .map_or_else(|| code.to_string(), |a| a.label.get(lang).to_string())
    };
    let cities: HashMap<CityId, String> = state
        .app
        .cities(&CityFilter::default())
        .await?
        .into_iter()
        .map(|c| (c.id.clone(), c.name_in(lang).to_string()))
        .collect();
    let output_view = |o: &FocusGroupOutput| OutputView {
        kind: o.kind.slug(),
        kind_label: t(lang, &format!("workshop-kind-{}", o.kind.slug())),
        axis: o.axis.as_ref().map_or(String::new(), ToString::to_string),
        axis_label: o.axis.as_ref().map_or(String::new(), axis_label),
        sdgs: o.sdgs.iter().map(ToString::to_string).collect::<Vec<_>>().join(", "),
        note: o.note.clone(),
    };
    let counts = KINDS
        .iter()
        .map(|kind| {
            let n = stored.iter().flat_map(|g| &g.outputs).filter(|o| o.kind == *kind).count();
            (t(lang, &format!("workshop-kind-{}", kind.slug())), n)
        })
        .collect();
    let groups = stored
        .iter()
        .map(|g| GroupView {
            id: g.id.clone(),
            title: translate(
                lang,
                "workshop-title",
                &[
                    ("language", t(lang, &format!("language-{}", g.language.code())).into()),
                    ("date", crate::i18n::approx_date(lang, g.held_on).into()),
                ],
            ),
            held_on: g.held_on.to_string(),
            language: t(lang, &format!("language-{}", g.language.code())),
            language_code: g.language.code(),
            dynamics: g.dynamics.clone(),
            participants: g
                .participants
                .iter()
                .map(|c| (c.to_string(), cities.get(c).cloned().unwrap_or_else(|| c.to_string())))
                .collect(),
            outputs: g.outputs.iter().map(output_view).collect(),
        })
        .collect();
    let (form, error) = match shown {
        _ if !viewer.is_secretariat() => (None, None),
        Shown::Refused(form, error) => (Some(form), Some(error)),
        Shown::Editing(id) => {
            let editing = id.and_then(|id| stored.iter().find(|g| g.id == id));
            let mut outputs: Vec<OutputView> =
                editing.map(|g| g.outputs.iter().map(output_view).collect()).unwrap_or_default();
            outputs.extend((0..BLANK_ROWS).map(|_| blank_output()));
            (
                Some(FormView {
                    editing: editing.map(|g| g.id.clone()),
                    id: editing.map_or(String::new(), |g| g.id.clone()),
                    held_on: editing.map_or(String::new(), |g| g.held_on.to_string()),
                    language: editing.map_or(lang.code(), |g| g.language.code()),
                    dynamics: editing.map_or(String::new(), |g| g.dynamics.clone()),
                    participants: editing
                        .map(|g| g.participants.iter().map(ToString::to_string).collect())
                        .unwrap_or_default(),
                    outputs,
                }),
                None,
            )
        }
    };
    let mut city_choices: Vec<Choice> =
        cities.iter().map(|(id, name)| Choice { value: id.to_string(), label: name.clone() }).collect();
    city_choices.sort_by(|a, b| a.label.cmp(&b.label));
    let body = FocusGroupsPage {
        year: year.get(),
        title: edition.title.get(lang).to_string(),
        groups,
        counts,
        form,
        error,
        kinds: KINDS
            .iter()
            .map(|k| Choice {
                value: k.slug().into(),
                label: t(lang, &format!("workshop-kind-{}", k.slug())),
            })
            .collect(),
        axes: framework
            .iter()
            .flat_map(|f| &f.axes)
            .map(|a| Choice { value: a.code.to_string(), label: a.label.get(lang).to_string() })
            .collect(),
        language_choices: Lang::ALL
            .iter()
            .map(|l| Choice { value: l.code().into(), label: t(lang, &format!("language-{}", l.code())) })
            .collect(),
        cities: city_choices,
    };
    render_page(ctx, "focus_groups.html", "editions", body).await
}

fn blank_output() -> OutputView {
    OutputView {
        kind: "",
        kind_label: String::new(),
        axis: String::new(),
        axis_label: String::new(),
        sdgs: String::new(),
        note: String::new(),
    }
}

/// The form as it was submitted, to show it again with what is wrong.
fn form_from_fields(fields: &HashMap<String, Vec<String>>) -> FormView {
    let first = |name: &str| fields.get(name).and_then(|v| v.first()).cloned().unwrap_or_default();
    let mut outputs = Vec::new();
    for row in 0.. {
        let key = |part: &str| format!("output.{row}.{part}");
        if !fields.contains_key(&key("kind")) {
            break;
        }
        outputs.push(OutputView {
            kind: OutputKind::parse(&first(&key("kind"))).map_or("", |k| k.slug()),
            kind_label: String::new(),
            axis: first(&key("axis")),
            axis_label: String::new(),
            sdgs: first(&key("sdgs")),
            note: first(&key("note")),
        });
    }
    if outputs.iter().all(|o| !o.note.is_empty() || !o.kind.is_empty()) {
        outputs.push(blank_output());
    }
    FormView {
        editing: fields.get("editing").and_then(|v| v.first()).cloned(),
        id: first("id"),
        held_on: first("held_on"),
        language: Lang::from_tag(&first("language")).unwrap_or(Lang::En).code(),
        dynamics: first("dynamics"),
        participants: fields.get("participants").cloned().unwrap_or_default(),
        outputs,
    }
}

/// The workshop a submitted form describes, or what is wrong with it and where.
fn group_from_form(
    lang: Lang,
    year: EditionYear,
    fields: &HashMap<String, Vec<String>>,
) -> Result<FocusGroup, FormError> {
    let first = |name: &str| fields.get(name).and_then(|v| v.first()).map_or("", |s| s.trim());
    let field_error = |field: &str, key: &str, e: &dyn std::fmt::Display| FormError {
        field: field.to_string(),
        message: format!("{} {e}", crate::i18n::with_colon(lang, &t(lang, key))),
    };
    let id = first("id");
    if id.is_empty() || !id.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-') {
        return Err(field_error("id", "workshop-id", &t(lang, "workshop-id-rule")));
    }
    let held_on =
        ApproxDate::parse(first("held_on")).map_err(|e| field_error("held_on", "workshop-held-on", &e))?;
    let language = Lang::from_tag(first("language"))
        .ok_or_else(|| field_error("language", "workshop-language", &"?"))?;
    let participants = fields
        .get("participants")
        .map(|ids| ids.iter().map(|c| CityId::parse(c)).collect::<Result<Vec<_>, _>>())
        .transpose()
        .map_err(|e| field_error("participants", "workshop-participants", &e))?
        .unwrap_or_default();
    let mut outputs = Vec::new();
    for row in 0.. {
        let key = |part: &str| format!("output.{row}.{part}");
        if !fields.contains_key(&key("kind")) {
            break;
        }
        let kind = first(&key("kind"));
        if kind.is_empty() {
            continue;
        }
        let row_error = |e: &dyn std::fmt::Display| FormError {
            field: format!("output.{row}"),
            message: format!(
                "{} {e}",
                crate::i18n::with_colon(
                    lang,
                    &translate(lang, "workshop-output-row", &[("row", (row + 1).into())])
                )
            ),
        };
        let kind = OutputKind::parse(kind).map_err(|e| row_error(&e))?;
        let axis = match first(&key("axis")) {
            "" => None,
            code => Some(Code::parse(code).map_err(|e| row_error(&e))?),
        };
        let sdgs = first(&key("sdgs"))
            .split([',', ';', ' '])
            .filter(|s| !s.is_empty())
            .map(SdgTarget::parse)
            .collect::<Result<Vec<_>, _>>()
            .map_err(|e| row_error(&e))?;
        let note = first(&key("note"));
        if note.is_empty() {
            return Err(row_error(&t(lang, "workshop-note-needed")));
        }
        outputs.push(FocusGroupOutput { kind, axis, sdgs, note: note.to_string() });
    }
    Ok(FocusGroup {
        id: id.to_string(),
        edition: year,
        held_on,
        language,
        dynamics: first("dynamics").to_string(),
        participants,
        outputs,
    })
}

/// Records a new workshop or corrects one; secretariat only. A refused form is shown again
/// as it was typed, with the problem beside its field.
pub async fn save(
    State(state): State<AppState>,
    Negotiated(lang): Negotiated,
    viewer: Viewer,
    uri: Uri,
    Path(year): Path<String>,
    Secretariat(_): Secretariat,
    CsrfForm(fields): CsrfForm,
) -> Result<Response, PageError> {
    let ctx = Ctx { state: &state, lang, uri: &uri, viewer: &viewer };
    let year_v = EditionYear::parse(&year).map_err(|_| PageError::NotFound(lang))?;
    state.app.edition(year_v).await?.ok_or(PageError::NotFound(lang))?;
    let refuse = |error: FormError| async {
        let page = groups_page(&ctx, &year, Shown::Refused(form_from_fields(&fields), error)).await?;
        Ok::<_, PageError>((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
    };
    let group = match group_from_form(lang, year_v, &fields) {
        Ok(group) => group,
        Err(error) => return refuse(error).await,
    };
    // A new workshop never replaces another by reusing its id; editing one keeps its id.
    let editing = fields.get("editing").and_then(|v| v.first()).map(String::as_str);
    let field_error = |field: &str, key: &str, value: &dyn std::fmt::Display| FormError {
        field: field.into(),
        message: format!("{} {value}", crate::i18n::with_colon(lang, &t(lang, key))),
    };
    let user = viewer.user().ok_or_else(|| PageError::SignIn(uri.to_string()))?;
    match state.app.save_focus_group(user, &group, editing).await {
        Ok(()) => Ok(Redirect::to(&format!("/editions/{year}/focus-groups#{}", group.id)).into_response()),
        Err(AppError::Refused(refusal @ Refusal::FocusGroupIdTaken { .. })) => {
            refuse(FormError { field: "id".into(), message: refusal.message(lang) }).await
        }
        Err(AppError::Refused(Refusal::UnknownAxis { axis })) => {
            refuse(field_error("outputs", "workshop-axis", &axis)).await
        }
        Err(AppError::Refused(Refusal::UnknownCity { city })) => {
            refuse(field_error("participants", "workshop-participants", &city)).await
        }
        Err(other) => Err(refused(lang)(other)),
    }
}

#[cfg(test)]
mod tests {
    use std::collections::HashMap;

    use smartcities_app::focus_groups::OutputKind;
    use smartcities_domain::{EditionYear, Lang};

    use super::group_from_form;

    fn form(pairs: &[(&str, &str)]) -> HashMap<String, Vec<String>> {
        let mut fields: HashMap<String, Vec<String>> = HashMap::new();
        for (k, v) in pairs {
            fields.entry((*k).to_string()).or_default().push((*v).to_string());
        }
        fields
    }

    #[test]
    fn a_form_becomes_a_workshop_with_its_filled_rows_only() {
        let year = EditionYear::new(2025).unwrap();
        let fields = form(&[
            ("id", "2025-en"),
            ("held_on", "2025-10-16"),
            ("language", "en"),
            ("dynamics", "World café"),
            ("participants", "es-bilbao"),
            ("participants", "kr-seoul"),
            ("output.0.kind", "barrier"),
            ("output.0.axis", ""),
            ("output.0.sdgs", "9.c, 17"),
            ("output.0.note", "Procurement rules"),
            ("output.1.kind", ""),
            ("output.1.note", "ignored: no kind"),
        ]);
        let group = group_from_form(Lang::En, year, &fields).unwrap();
        assert_eq!(group.participants.len(), 2);
        assert_eq!(group.outputs.len(), 1);
        assert_eq!(group.outputs[0].kind, OutputKind::Barrier);
        assert_eq!(group.outputs[0].sdgs.iter().map(ToString::to_string).collect::<Vec<_>>(), ["9.c", "17"]);
    }

    #[test]
    fn a_bad_row_is_named() {
        let year = EditionYear::new(2025).unwrap();
        let fields = form(&[
            ("id", "2025-en"),
            ("held_on", "2025-10-16"),
            ("language", "en"),
            ("output.0.kind", "practice"),
            ("output.0.note", "Fine"),
            ("output.1.kind", "practice"),
            ("output.1.sdgs", "19.1"),
            ("output.1.note", "Bad goal"),
        ]);
        let error = group_from_form(Lang::En, year, &fields).unwrap_err();
        assert!(error.message.starts_with("Output 2:"), "{error:?}");
        assert_eq!(error.field, "output.1");
        let error = group_from_form(Lang::En, year, &form(&[("id", "Not An Id")])).unwrap_err();
        assert!(error.message.starts_with("Identifier"), "{error:?}");
        assert_eq!(error.field, "id");
    }
}
