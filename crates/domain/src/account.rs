use serde::{Deserialize, Serialize};

use crate::ParseError;

/// What a signed-in person may do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// Designs and runs editions: everything.
    Secretariat,
    /// Reads every answer and runs analyses; changes nothing.
    Analyst,
    /// Answers for one city only.
    Respondent,
}

impl Role {
    /// Every role.
    pub const ALL: [Role; 3] = [Role::Secretariat, Role::Analyst, Role::Respondent];

    /// The role's name in the database and in translation keys.
    pub fn slug(self) -> &'static str {
        match self {
            Role::Secretariat => "secretariat",
            Role::Analyst => "analyst",
            Role::Respondent => "respondent",
        }
    }

    /// A role from its name.
    pub fn parse(input: &str) -> Result<Self, ParseError> {
        Role::ALL.into_iter().find(|r| r.slug() == input.trim()).ok_or_else(|| {
            ParseError::new(format!("unknown role {input:?}: expected secretariat, analyst or respondent"))
        })
    }
}
