//! The demonstration data shipped in the binary: the five published editions with their
//! frameworks, 47 real member cities (names, populations and coordinates from GeoNames,
//! CC BY 4.0), illustrative membership records and the community's partner organisations.

use anyhow::{Context, Result};
use indicatif::{ProgressBar, ProgressStyle};
use smartcities_collect::{parse_cities, parse_members, parse_partners};
use smartcities_domain::{
    ApproxDate, City, Edition, EditionFile, EditionStatus, EditionYear, Email, Focus, Localized, Member,
    MemberStatus, Milestone, ResponseStatus, Role,
};
use smartcities_questionnaire::{Kind, Questionnaire, from_framework};
use smartcities_store::{AnswerChange, Editor, Store, User};
use smartcities_web::auth;

/// The default edition files, by file name.
pub const EDITIONS: &[(&str, &str)] = &[
    ("data/editions/2012.toml", include_str!("../../../data/editions/2012.toml")),
    ("data/editions/2017.toml", include_str!("../../../data/editions/2017.toml")),
    ("data/editions/2019.toml", include_str!("../../../data/editions/2019.toml")),
    ("data/editions/2021.toml", include_str!("../../../data/editions/2021.toml")),
    ("data/editions/2023.toml", include_str!("../../../data/editions/2023.toml")),
];
const CITIES: (&str, &str) = ("data/demo/cities.csv", include_str!("../../../data/demo/cities.csv"));
const MEMBERS: (&str, &str) = ("data/demo/members.csv", include_str!("../../../data/demo/members.csv"));
const PARTNERS: (&str, &str) = ("data/demo/partners.csv", include_str!("../../../data/demo/partners.csv"));
/// Illustrative workshops of the demonstration campaign, one per language.
const FOCUS_GROUPS: [(&str, &str); 3] = [
    ("data/demo/focus-groups/2025-es.toml", include_str!("../../../data/demo/focus-groups/2025-es.toml")),
    ("data/demo/focus-groups/2025-en.toml", include_str!("../../../data/demo/focus-groups/2025-en.toml")),
    ("data/demo/focus-groups/2025-fr.toml", include_str!("../../../data/demo/focus-groups/2025-fr.toml")),
];

/// The year of the demonstration campaign, open for answers.
pub const CAMPAIGN_YEAR: u16 = 2025;

/// What `load` wrote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Loaded {
    pub editions: usize,
    pub cities: usize,
    pub members: usize,
    pub partners: usize,
    /// One-time links to set a password and try each role: (who, path).
    pub links: Vec<(String, String)>,
}

/// Loads (or refreshes) the demonstration data. Safe to run on a database that has it already.
pub async fn load(store: &Store, progress: &ProgressBar) -> Result<Loaded> {
    progress.set_length((EDITIONS.len() + 5) as u64);
    progress.set_style(ProgressStyle::with_template("{bar:30} {pos}/{len} {msg}").expect("valid template"));
    for (file, text) in EDITIONS {
        progress.set_message(format!("edition {file}"));
        let parsed = EditionFile::parse(text).map_err(|e| anyhow::anyhow!(e.located(file).join("\n")))?;
        store.save_edition(&parsed).await.with_context(|| format!("saving {file}"))?;
        let questionnaire = from_framework(&parsed.edition, &parsed.framework).map_err(|e| {
            anyhow::anyhow!("{file}: {}", e.iter().map(ToString::to_string).collect::<Vec<_>>().join("; "))
        })?;
        store.save_questionnaire(parsed.edition.year, &questionnaire, "built from the framework").await?;
        progress.inc(1);
    }
    progress.set_message("cities");
    let cities = parse_cities(CITIES.0, CITIES.1)?;
    store.upsert_cities(&cities).await?;
    progress.inc(1);
    progress.set_message("members");
    let members = parse_members(MEMBERS.0, MEMBERS.1)?;
    store.save_members(&members).await?;
    progress.inc(1);
    progress.set_message("partners");
    let partners = parse_partners(PARTNERS.0, PARTNERS.1)?;
    store.save_partners(&partners).await?;
    progress.inc(1);
    progress.set_message("demonstration campaign");
    let campaign = campaign_edition(EDITIONS[EDITIONS.len() - 1].1)?;
    store.save_edition(&campaign).await?;
    let questionnaire = from_framework(&campaign.edition, &campaign.framework)
        .map_err(|e| anyhow::anyhow!(e.iter().map(ToString::to_string).collect::<Vec<_>>().join("; ")))?;
    store.save_questionnaire(campaign.edition.year, &questionnaire, "built from the framework").await?;
    illustrative_answers(store, &campaign, &questionnaire, &members).await?;
    for (file, text) in FOCUS_GROUPS {
        store
            .save_focus_group(&crate::cli::parse_focus_group(file, text)?)
            .await
            .with_context(|| file.to_string())?;
    }
    progress.inc(1);
    progress.set_message("accounts");
    let links = accounts(store, &members, &cities).await?;
    progress.inc(1);
    progress.finish_and_clear();
    Ok(Loaded {
        editions: EDITIONS.len() + 1,
        cities: cities.len(),
        members: members.len(),
        partners: partners.len(),
        links,
    })
}

/// The demonstration campaign: the 2023 framework, asked again in an edition open for answers.
fn campaign_edition(framework_source: &str) -> Result<EditionFile> {
    let mut file = EditionFile::parse(framework_source).map_err(|e| anyhow::anyhow!(e.to_string()))?;
    let year = EditionYear::new(CAMPAIGN_YEAR)?;
    let text = |en: &str, es: &str, fr: &str| Localized { en: en.into(), es: es.into(), fr: fr.into() };
    file.edition = Edition {
        year,
        title: text(
            "Demonstration campaign (illustrative): innovation ecosystems and the SDGs",
            "Campaña de demostración (ilustrativa): ecosistemas de innovación y ODS",
            "Campagne de démonstration (fictive) : écosystèmes d'innovation et ODD",
        ),
        focus: Focus::Theme("innovation_ecosystems_sdgs".into()),
        status: EditionStatus::Collecting,
        milestones: vec![
            Milestone {
                date: ApproxDate::parse("2025-03")?,
                label: text(
                    "Call for participation",
                    "Convocatoria de participación",
                    "Appel à participation",
                ),
            },
            Milestone {
                date: ApproxDate::parse("2027-06-30")?,
                label: text(
                    "Deadline for questionnaires",
                    "Plazo de entrega de los cuestionarios",
                    "Date limite de remise des questionnaires",
                ),
            },
        ],
        show_rankings: false,
        reported_participants: None,
        sources: vec![],
    };
    file.framework.edition = year;
    Ok(file)
}

/// A small deterministic generator, so the demonstration is the same on every machine.
struct Dice(u64);

impl Dice {
    fn new(seed: &str) -> Dice {
        // FNV-1a of the seed; never zero, which xorshift needs.
        Dice(
            seed.bytes()
                .fold(0xcbf2_9ce4_8422_2325, |h, b| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3))
                | 1,
        )
    }

    fn below(&mut self, n: u64) -> u64 {
        // xorshift64*
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d) % n.max(1)
    }
}

/// Illustrative answers for most active member cities, at every stage of the campaign.
async fn illustrative_answers(
    store: &Store,
    campaign: &EditionFile,
    questionnaire: &Questionnaire,
    members: &[Member],
) -> Result<()> {
    let year = campaign.edition.year;
    for member in members.iter().filter(|m| m.status == MemberStatus::Active) {
        let existing = store.open_response(year, &member.city).await?;
        if existing.revision > 0 {
            continue; // answered on an earlier run
        }
        let mut dice = Dice::new(member.city.as_str());
        // 0-2 not started, 3-5 in progress, 6-7 submitted, 8-9 accepted.
        let stage = dice.below(10);
        if stage < 3 {
            continue;
        }
        let mut changes = Vec::new();
        for located in questionnaire.questions() {
            let question = located.question;
            if located.repeat().is_some() || (stage < 6 && dice.below(3) == 0) {
                continue;
            }
            let choices = questionnaire.choices(question);
            let value = match &question.kind {
                Kind::Integer => (dice.below(40) + 1).to_string(),
                Kind::Decimal => format!("{}.{}", dice.below(90) + 5, dice.below(10)),
                Kind::Text => "Illustrative answer written for the demonstration.".to_string(),
                Kind::SelectMultiple { .. } => {
                    let picked: Vec<&str> =
                        choices.iter().filter(|_| dice.below(3) == 0).map(|c| c.name.as_str()).collect();
                    if picked.is_empty() { choices[0].name.clone() } else { picked.join(" ") }
                }
                _ => choices[dice.below(choices.len() as u64) as usize].name.clone(),
            };
            changes.push(AnswerChange {
                question: question.name.to_string(),
                entry: String::new(),
                value: Some(value),
            });
        }
        store
            .save_answers(year, &member.city, 0, &changes, "demo (illustrative)", Editor::Respondent)
            .await?;
        if stage >= 6 {
            store
                .set_response_status(
                    year,
                    &member.city,
                    &[ResponseStatus::InProgress],
                    ResponseStatus::Submitted,
                )
                .await?;
        }
        if stage >= 8 {
            store
                .set_response_status(
                    year,
                    &member.city,
                    &[ResponseStatus::Submitted],
                    ResponseStatus::Accepted,
                )
                .await?;
        }
    }
    Ok(())
}

/// A secretariat account, an analyst account and a respondent for each member city, each with
/// a fresh one-time link to set a password.
async fn accounts(store: &Store, members: &[Member], cities: &[City]) -> Result<Vec<(String, String)>> {
    async fn invite(store: &Store, user: User, who: String) -> Result<(String, String)> {
        let token = auth::new_token();
        store.create_invitation(&user.id, &auth::token_hash(&token), auth::INVITATION_SECONDS).await?;
        Ok((who, format!("/invitations/{token}")))
    }
    let mut links = Vec::new();
    let secretariat = Email::parse("secretariat@smartcities.example.org")?;
    let user = store
        .ensure_user("demo-secretariat", &secretariat, "Secretariat (demo)", Role::Secretariat, None)
        .await?;
    links.push(invite(store, user, "Secretariat".into()).await?);
    let analyst = Email::parse("analyst@smartcities.example.org")?;
    let user = store.ensure_user("demo-analyst", &analyst, "Analyst (demo)", Role::Analyst, None).await?;
    links.push(invite(store, user, "Analyst".into()).await?);
    for member in members {
        let Some(city) = cities.iter().find(|c| c.id == member.city) else { continue };
        let Some(focal) = member.focal_points.first() else { continue };
        let name = format!("{} (demo respondent)", city.name);
        let user = store
            .ensure_user(&format!("demo-{}", city.id), &focal.email, &name, Role::Respondent, Some(&city.id))
            .await?;
        links.push(invite(store, user, format!("Respondent for {}", city.name)).await?);
    }
    Ok(links)
}
