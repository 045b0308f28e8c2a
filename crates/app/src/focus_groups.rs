//! Focus groups: the file a workshop is recorded from (TOML: id, edition, date, language,
//! dynamics, participating cities and outputs linked to axes and SDGs).

use serde::Deserialize;
use smartcities_domain::{ApproxDate, CityId, Code, EditionYear, Lang, SdgTarget};
pub use smartcities_store::{FocusGroup, FocusGroupOutput, OutputKind};
use smartcities_store::{StoreError, User};

use crate::{
    App, Refusal, Result,
    findings::not_for,
    policy::{self, Viewer},
};

impl App {
    /// An edition's focus groups, as `viewer` may read them: everyone once the findings are
    /// public, staff before.
    pub async fn focus_groups(&self, viewer: Viewer<'_>, year: EditionYear) -> Result<Vec<FocusGroup>> {
        let edition = self.store.study().edition(year).await?.ok_or(Refusal::NotFound)?;
        if !policy::may_read_results(viewer, edition.status) {
            return Err(not_for(viewer).into());
        }
        Ok(self.store.workshops().focus_groups(year).await?)
    }

    /// Records a focus group or, with `editing` naming it, corrects one. Secretariat only. A new
    /// workshop never replaces another by reusing its id; its axes must be the framework's and
    /// its participants cities of the registry.
    pub async fn save_focus_group(&self, by: &User, group: &FocusGroup, editing: Option<&str>) -> Result<()> {
        if by.role != smartcities_domain::Role::Secretariat {
            return Err(Refusal::Forbidden.into());
        }
        self.store.study().edition(group.edition).await?.ok_or(Refusal::NotFound)?;
        let taken =
            self.store.workshops().focus_groups(group.edition).await?.iter().any(|g| g.id == group.id);
        if taken && editing != Some(group.id.as_str()) {
            return Err(Refusal::FocusGroupIdTaken { id: group.id.clone() }.into());
        }
        self.import_focus_group(group).await
    }

    /// Stores a focus group read from its file (the command line, the demonstration): the
    /// same checks as the web form's, an existing one of the same id replaced.
    pub async fn import_focus_group(&self, group: &FocusGroup) -> Result<()> {
        match self.store.workshops().save_focus_group(group).await {
            Ok(()) => Ok(()),
            Err(StoreError::UnknownAxis { axis, .. }) => Err(Refusal::UnknownAxis { axis }.into()),
            Err(StoreError::UnknownCity(city)) => Err(Refusal::UnknownCity { city: city.to_string() }.into()),
            Err(StoreError::NoFramework(_)) => Err(Refusal::NotFound.into()),
            Err(other) => Err(other.into()),
        }
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FocusGroupFile {
    id: String,
    edition: EditionYear,
    held_on: ApproxDate,
    language: Lang,
    dynamics: String,
    participants: Vec<CityId>,
    #[serde(default)]
    outputs: Vec<OutputFile>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct OutputFile {
    kind: String,
    axis: Option<Code>,
    #[serde(default)]
    sdgs: Vec<SdgTarget>,
    note: String,
}

/// A focus group from its TOML file; `name` locates errors.
pub fn parse_focus_group(name: &str, text: &str) -> Result<FocusGroup, String> {
    let raw: FocusGroupFile = toml::from_str(text).map_err(|e| format!("{name}: {e}"))?;
    let outputs = raw
        .outputs
        .into_iter()
        .enumerate()
        .map(|(i, o)| {
            let kind = OutputKind::parse(&o.kind).map_err(|e| format!("{name}: outputs[{i}]: {e}"))?;
            Ok(FocusGroupOutput { kind, axis: o.axis, sdgs: o.sdgs, note: o.note })
        })
        .collect::<Result<Vec<_>, String>>()?;
    Ok(FocusGroup {
        id: raw.id,
        edition: raw.edition,
        held_on: raw.held_on,
        language: raw.language,
        dynamics: raw.dynamics,
        participants: raw.participants,
        outputs,
    })
}
