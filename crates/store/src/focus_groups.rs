//! Focus groups: a workshop of an edition and its outputs as structured notes.

use smartcities_domain::{ApproxDate, CityId, Code, EditionYear, Lang, SdgTarget};
use sqlx::Row;

use crate::{Result, StoreError, Workshops, corrupt};

/// What a note of a focus group records.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OutputKind {
    /// A good practice.
    Practice,
    /// A barrier.
    Barrier,
    /// An enabler.
    Enabler,
    /// A trend.
    Trend,
}

impl OutputKind {
    /// The kind's name in files, the database and translation keys.
    pub fn slug(self) -> &'static str {
        match self {
            OutputKind::Practice => "practice",
            OutputKind::Barrier => "barrier",
            OutputKind::Enabler => "enabler",
            OutputKind::Trend => "trend",
        }
    }

    /// A kind from its name.
    pub fn parse(input: &str) -> std::result::Result<Self, String> {
        match input.trim() {
            "practice" => Ok(OutputKind::Practice),
            "barrier" => Ok(OutputKind::Barrier),
            "enabler" => Ok(OutputKind::Enabler),
            "trend" => Ok(OutputKind::Trend),
            other => {
                Err(format!("unknown output kind {other:?}: expected practice, barrier, enabler or trend"))
            }
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
/// One output of a focus group.
pub struct FocusGroupOutput {
    /// What it is.
    pub kind: OutputKind,
    /// An axis code of the edition's framework.
    pub axis: Option<Code>,
    /// The SDG goals or targets it is linked to.
    pub sdgs: Vec<SdgTarget>,
    /// The output in the secretariat's words.
    pub note: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
/// A focus group: a participatory session of an edition and what came out of it.
pub struct FocusGroup {
    /// Its id, unique in the edition (`2025-es`).
    pub id: String,
    /// The edition.
    pub edition: EditionYear,
    /// When it was held.
    pub held_on: ApproxDate,
    /// The language it was held in.
    pub language: Lang,
    /// The dynamics the session followed, in the secretariat's words.
    pub dynamics: String,
    /// The cities that took part.
    pub participants: Vec<CityId>,
    /// What came out of it.
    pub outputs: Vec<FocusGroupOutput>,
}

impl Workshops<'_> {
    /// Records a focus group with its outputs, replacing an earlier record with the same id.
    /// Every participant must be a city of the registry and every axis one of the edition's.
    pub async fn save_focus_group(&self, group: &FocusGroup) -> Result<()> {
        let (_, framework) =
            self.study().framework(group.edition).await?.ok_or(StoreError::NoFramework(group.edition))?;
        for output in &group.outputs {
            if let Some(axis) = &output.axis
                && !framework.axes.iter().any(|a| &a.code == axis)
            {
                return Err(StoreError::UnknownAxis { edition: group.edition, axis: axis.to_string() });
            }
        }
        for city in &group.participants {
            if self.registry().city(city).await?.is_none() {
                return Err(StoreError::UnknownCity(city.to_string()));
            }
        }
        let participants: Vec<&str> = group.participants.iter().map(CityId::as_str).collect();
        let mut tx = self.begin_write().await?;
        sqlx::query("DELETE FROM focus_groups WHERE id = $1").bind(&group.id).execute(&mut *tx).await?;
        sqlx::query("DELETE FROM focus_group_outputs WHERE focus_group_id = $1")
            .bind(&group.id)
            .execute(&mut *tx)
            .await?;
        sqlx::query(
            "INSERT INTO focus_groups (id, edition_year, held_on, language, dynamics, participants, created_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7)",
        )
        .bind(&group.id)
        .bind(i64::from(group.edition.get()))
        .bind(group.held_on.to_string())
        .bind(group.language.code())
        .bind(&group.dynamics)
        .bind(serde_json::to_string(&participants).map_err(corrupt)?)
        .bind(self.now_text())
        .execute(&mut *tx)
        .await?;
        for (position, output) in group.outputs.iter().enumerate() {
            let sdgs: Vec<String> = output.sdgs.iter().map(ToString::to_string).collect();
            sqlx::query(
                "INSERT INTO focus_group_outputs (focus_group_id, position, kind, axis, sdgs, note) VALUES ($1, $2, $3, $4, $5, $6)",
            )
            .bind(&group.id)
            .bind(position as i64)
            .bind(output.kind.slug())
            .bind(output.axis.as_ref().map(Code::as_str))
            .bind(serde_json::to_string(&sdgs).map_err(corrupt)?)
            .bind(&output.note)
            .execute(&mut *tx)
            .await?;
        }
        tx.commit().await?;
        self.public_changed().await?;
        Ok(())
    }

    /// The focus groups of an edition, by date, with their outputs.
    pub async fn focus_groups(&self, edition: EditionYear) -> Result<Vec<FocusGroup>> {
        let rows = sqlx::query(
            "SELECT id, held_on, language, dynamics, participants FROM focus_groups WHERE edition_year = $1 ORDER BY held_on, id",
        )
        .bind(i64::from(edition.get()))
        .fetch_all(&self.pool)
        .await?;
        let mut groups = Vec::new();
        for row in rows {
            let id: String = row.try_get("id")?;
            let participants: Vec<String> =
                serde_json::from_str(&row.try_get::<String, _>("participants")?).map_err(corrupt)?;
            let outputs = sqlx::query("SELECT kind, axis, sdgs, note FROM focus_group_outputs WHERE focus_group_id = $1 ORDER BY position")
                .bind(&id)
                .fetch_all(&self.pool)
                .await?
                .iter()
                .map(|o| {
                    let sdgs: Vec<String> = serde_json::from_str(&o.try_get::<String, _>("sdgs")?).map_err(corrupt)?;
                    Ok(FocusGroupOutput {
                        kind: OutputKind::parse(&o.try_get::<String, _>("kind")?).map_err(corrupt)?,
                        axis: o.try_get::<Option<String>, _>("axis")?.map(|a| Code::parse(&a)).transpose().map_err(corrupt)?,
                        sdgs: sdgs.iter().map(|s| SdgTarget::parse(s)).collect::<std::result::Result<_, _>>().map_err(corrupt)?,
                        note: o.try_get("note")?,
                    })
                })
                .collect::<Result<Vec<_>>>()?;
            groups.push(FocusGroup {
                edition,
                held_on: ApproxDate::parse(&row.try_get::<String, _>("held_on")?).map_err(corrupt)?,
                language: Lang::from_tag(&row.try_get::<String, _>("language")?)
                    .ok_or_else(|| corrupt("unknown language"))?,
                dynamics: row.try_get("dynamics")?,
                participants: participants
                    .iter()
                    .map(|c| CityId::parse(c))
                    .collect::<std::result::Result<_, _>>()
                    .map_err(corrupt)?,
                outputs,
                id,
            });
        }
        Ok(groups)
    }
}
