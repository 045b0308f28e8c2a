//! Focus groups: the file a workshop is recorded from (TOML: id, edition, date, language,
//! dynamics, participating cities and outputs linked to axes and SDGs).

use serde::Deserialize;
use smartcities_domain::{ApproxDate, CityId, Code, EditionYear, Lang, SdgTarget};
use smartcities_store::{FocusGroup, FocusGroupOutput, OutputKind};

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
