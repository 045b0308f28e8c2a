//! The demonstration community, shipped in the binary: the five published editions with their
//! frameworks, 47 real member cities (names, populations and coordinates from GeoNames,
//! CC BY 4.0), illustrative membership records and partners, an illustrative edition published
//! with its findings and a campaign under way, focus groups, coded free text, a catalogue of
//! good practices, events and the community's own work. Everything it makes up is marked
//! illustrative. It loads through the same imports and checks as real data.

mod answers;
mod community;

use smartcities_domain::{
    ApproxDate, City, Edition, EditionFile, EditionStatus, EditionYear, Email, Focus, IndexRule, Localized,
    Member, Milestone, Progress, Role, ScoringMethod, ScoringRule, Silent,
};
use smartcities_store::LinkPurpose;

use self::answers::Stages;
use crate::{App, AppError, Result, focus_groups::parse_focus_group, publication::GoPublic};

/// The default edition files, by file name.
pub const EDITIONS: &[(&str, &str)] = &[
    ("data/editions/2012.toml", include_str!("../../../../data/editions/2012.toml")),
    ("data/editions/2017.toml", include_str!("../../../../data/editions/2017.toml")),
    ("data/editions/2019.toml", include_str!("../../../../data/editions/2019.toml")),
    ("data/editions/2021.toml", include_str!("../../../../data/editions/2021.toml")),
    ("data/editions/2023.toml", include_str!("../../../../data/editions/2023.toml")),
];
const CITIES: (&str, &str) = ("data/demo/cities.csv", include_str!("../../../../data/demo/cities.csv"));
const MEMBERS: (&str, &str) = ("data/demo/members.csv", include_str!("../../../../data/demo/members.csv"));
const PARTNERS: (&str, &str) = ("data/demo/partners.csv", include_str!("../../../../data/demo/partners.csv"));
/// Illustrative workshops of the demonstration campaign, one per language.
const FOCUS_GROUPS: [(&str, &str); 3] = [
    ("data/demo/focus-groups/2025-es.toml", include_str!("../../../../data/demo/focus-groups/2025-es.toml")),
    ("data/demo/focus-groups/2025-en.toml", include_str!("../../../../data/demo/focus-groups/2025-en.toml")),
    ("data/demo/focus-groups/2025-fr.toml", include_str!("../../../../data/demo/focus-groups/2025-fr.toml")),
];

/// Figures the past editions' reports published: those a public source states, with it, and a
/// few marked illustrative (see `data/demo/figures/README.md`).
const FIGURES: [(u16, &str); 5] = [
    (2012, include_str!("../../../../data/demo/figures/2012.csv")),
    (2017, include_str!("../../../../data/demo/figures/2017.csv")),
    (2019, include_str!("../../../../data/demo/figures/2019.csv")),
    (2021, include_str!("../../../../data/demo/figures/2021.csv")),
    (2023, include_str!("../../../../data/demo/figures/2023.csv")),
];

/// Illustrative good practices of the demonstration catalogue.
const EVENTS_FILE: (&str, &str) =
    ("data/demo/events.toml", include_str!("../../../../data/demo/events.toml"));
const COMMUNITY_FILE: (&str, &str) =
    ("data/demo/community.toml", include_str!("../../../../data/demo/community.toml"));
const PRACTICES_FILE: (&str, &str) =
    ("data/demo/practices.toml", include_str!("../../../../data/demo/practices.toml"));

/// The year of the demonstration campaign, open for answers.
pub const CAMPAIGN_YEAR: u16 = 2025;

/// The year of the illustrative edition the demonstration publishes, so the public has findings
/// to read.
pub const PUBLISHED_YEAR: u16 = 2024;

/// What `load` wrote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Loaded {
    /// Editions loaded.
    pub editions: usize,
    /// Cities in the registry.
    pub cities: usize,
    /// Member records.
    pub members: usize,
    /// Partner organisations.
    pub partners: usize,
    /// Practices in the illustrative catalogue.
    pub practices: usize,
    /// Events of the illustrative log.
    pub events: usize,
    /// Activities of the illustrative plan.
    pub activities: usize,
    /// One-time links to set a password and try each role, for accounts that have no password
    /// yet: (who, path on the site).
    pub links: Vec<(String, String)>,
}

/// A made-up record that failed its own checks: a defect of the shipped files.
fn broken(what: impl std::fmt::Display) -> AppError {
    AppError::Internal(format!("demonstration data: {what}"))
}

impl App {
    /// Loads (or refreshes) the demonstration community. Safe to run on a database that has it
    /// already: answers, codings and accounts made on an earlier run are kept, and accounts that
    /// already have a password get no new link (links are paths on the site).
    pub async fn load_demo(&self, progress: &dyn Progress) -> Result<Loaded> {
        let app = self.clone().with_public_url(Some(String::new()));
        progress.set_length((EDITIONS.len() + 7) as u64);
        for (file, text) in EDITIONS {
            progress.set_message(&format!("edition {file}"));
            let (year, _) = app.import_edition(file, text).await?;
            app.store
                .study()
                .save_questionnaire(year, &app.built_questionnaire(year).await?, "built from the framework")
                .await?;
            progress.inc(1);
        }
        for (year, text) in FIGURES {
            let figures = smartcities_collect::parse_figures(text)
                .map_err(|problems| broken(format!("data/demo/figures/{year}.csv: {problems:?}")))?;
            app.store
                .history()
                .import_figures(EditionYear::new(year).map_err(broken)?, &figures, "demo")
                .await?;
        }
        progress.set_message("cities");
        app.import_cities(CITIES.0, CITIES.1).await?;
        let cities = app.store.registry().cities(&Default::default()).await?;
        progress.inc(1);
        progress.set_message("members");
        // Members already on record keep what has happened to them since (a renewal answer, new
        // focal points); only missing ones are added.
        let members = app.add_new_members(MEMBERS.0, MEMBERS.1).await?;
        progress.inc(1);
        progress.set_message("partners");
        let partners = app.import_partners(PARTNERS.0, PARTNERS.1).await?.records;
        progress.inc(1);
        let source = EDITIONS[EDITIONS.len() - 1].1;
        for (year, stages) in [(PUBLISHED_YEAR, Stages::Finished), (CAMPAIGN_YEAR, Stages::Mixed)] {
            progress.set_message(&format!("demonstration edition {year}"));
            let demo = demonstration_edition(source, year)?;
            app.save_edition_file(&demo).await?;
            let mut questionnaire = app.built_questionnaire(demo.edition.year).await?;
            // The demonstration's editions let cities say "don't know" or "not applicable".
            questionnaire.non_answers = smartcities_questionnaire::NonAnswers::BOTH;
            app.store
                .study()
                .save_questionnaire(demo.edition.year, &questionnaire, "built from the framework")
                .await?;
            app.illustrative_answers(&demo, &questionnaire, &cities, stages).await?;
            for (file, text) in FOCUS_GROUPS {
                let mut group = parse_focus_group(file, text).map_err(broken)?;
                group.edition = demo.edition.year;
                group.id = group.id.replace(&CAMPAIGN_YEAR.to_string(), &year.to_string());
                app.import_focus_group(&group).await?;
            }
            app.illustrative_coding(demo.edition.year).await?;
            if app.store.versions().publications(demo.edition.year).await?.is_empty() {
                progress.set_message(&format!("analysing {year}"));
                app.analyse(demo.edition.year, &Silent).await?;
            }
            progress.inc(1);
        }
        // The catalogue before the publication: a version publishes the catalogue's practices.
        progress.set_message("good practices");
        let practices = app.illustrative_practices().await?;
        let published = EditionYear::new(PUBLISHED_YEAR).map_err(broken)?;
        if app.store.versions().publications(published).await?.is_empty() {
            progress.set_message(&format!("publishing {PUBLISHED_YEAR} (site, PDFs, open data)"));
            let secretariat = crate::accounts::console_user();
            app.publish(
                &secretariat,
                published,
                published_texts(),
                GoPublic::Now,
                std::sync::Arc::new(Silent),
            )
            .await?;
        }
        progress.inc(1);
        progress.set_message("events");
        let events = app.illustrative_events().await?;
        progress.set_message("community");
        let (activities, renewal_link) = app.illustrative_community().await?;
        progress.set_message("accounts");
        let members_now = app.store.registry().members().await?;
        let mut links = app.demo_accounts(&members_now, &cities).await?;
        links.extend(renewal_link);
        progress.inc(1);
        progress.finish();
        Ok(Loaded {
            editions: EDITIONS.len() + 2,
            cities: cities.len(),
            members,
            partners,
            practices,
            events,
            activities,
            links,
        })
    }

    /// An edition's questionnaire as its framework makes it.
    async fn built_questionnaire(
        &self,
        year: EditionYear,
    ) -> Result<smartcities_questionnaire::Questionnaire> {
        let edition =
            self.store.study().edition(year).await?.ok_or_else(|| broken(format!("no edition {year}")))?;
        let (_, framework) = self
            .store
            .study()
            .framework(year)
            .await?
            .ok_or_else(|| broken(format!("no framework {year}")))?;
        smartcities_questionnaire::from_framework(&edition, &framework)
            .map_err(|e| broken(e.iter().map(ToString::to_string).collect::<Vec<_>>().join("; ")))
    }

    /// Adds the members of a member list that are not on record yet; returns how many the
    /// list has.
    async fn add_new_members(&self, name: &str, text: &str) -> Result<usize> {
        let members = smartcities_collect::parse_members(name, text).map_err(broken)?;
        let known = self.store.registry().members().await?;
        let new: Vec<_> =
            members.iter().filter(|m| !known.iter().any(|k| k.city == m.city)).cloned().collect();
        self.store.registry().save_members(&new).await?;
        Ok(members.len())
    }
    /// A secretariat account, an analyst account and a respondent for each member city; each one
    /// that has no password yet gets a fresh one-time link (which replaces its older ones).
    async fn demo_accounts(&self, members: &[Member], cities: &[City]) -> Result<Vec<(String, String)>> {
        let (app, store) = (self, &self.store);
        let mut accounts = Vec::new();
        let secretariat = Email::parse("secretariat@smartcities.example.org").map_err(broken)?;
        let user = store
            .accounts()
            .ensure_user(
                "demo-secretariat",
                &secretariat,
                "Secretariat (demo)",
                Role::Secretariat,
                None,
                None,
            )
            .await?;
        accounts.push(("Secretariat".to_string(), user));
        let analyst = Email::parse("analyst@smartcities.example.org").map_err(broken)?;
        let user = store
            .accounts()
            .ensure_user("demo-analyst", &analyst, "Analyst (demo)", Role::Analyst, None, None)
            .await?;
        accounts.push(("Analyst".to_string(), user));
        for member in members {
            let Some(city) = cities.iter().find(|c| c.id == member.city) else { continue };
            let Some(focal) = member.focal_points.first() else { continue };
            let name = format!("{} (demo respondent)", city.name);
            let user = store
                .accounts()
                .ensure_user(
                    &format!("demo-{}", city.id),
                    &focal.email,
                    &name,
                    Role::Respondent,
                    Some(&city.id),
                    None,
                )
                .await?;
            accounts.push((format!("Respondent for {}", city.name), user));
        }
        let mut links = Vec::new();
        for (who, user) in accounts {
            if user.password_hash.is_none() {
                links.push((who, app.new_link(&user, LinkPurpose::Invitation).await?));
            }
        }
        Ok(links)
    }
}

/// The foreword of the illustrative published edition.
fn published_texts() -> smartcities_publish::Texts {
    smartcities_publish::Texts {
        foreword: Some(Localized {
            en: "This demonstration edition shows what the platform publishes: every figure is computed from illustrative answers of real cities, and none describes a real city.".into(),
            es: "Esta edición de demostración muestra lo que publica la plataforma: cada cifra se calcula a partir de respuestas ilustrativas de ciudades reales y ninguna describe una ciudad real.".into(),
            fr: "Cette édition de démonstration montre ce que la plateforme publie : chaque chiffre est calculé à partir de réponses fictives de villes réelles, et aucun ne décrit une ville réelle.".into(),
        }),
        conclusions: None,
        changes: None,
        original: Some(smartcities_domain::Lang::Es),
    }
}

/// The demonstration editions: the 2023 framework asked again, published with illustrative
/// findings in 2024 and open for answers in 2025.
fn demonstration_edition(framework_source: &str, year: u16) -> Result<EditionFile> {
    let mut file = EditionFile::parse(framework_source).map_err(broken)?;
    let published = year == PUBLISHED_YEAR;
    let year = EditionYear::new(year).map_err(broken)?;
    let text = |en: &str, es: &str, fr: &str| Localized { en: en.into(), es: es.into(), fr: fr.into() };
    let title = if published {
        text(
            "Demonstration edition (illustrative): innovation ecosystems and the SDGs",
            "Edición de demostración (ilustrativa): ecosistemas de innovación y ODS",
            "Édition de démonstration (fictive) : écosystèmes d'innovation et ODD",
        )
    } else {
        text(
            "Demonstration campaign (illustrative): innovation ecosystems and the SDGs",
            "Campaña de demostración (ilustrativa): ecosistemas de innovación y ODS",
            "Campagne de démonstration (fictive) : écosystèmes d'innovation et ODD",
        )
    };
    let (call, deadline) = if published { ("2024-02", "2024-06-30") } else { ("2025-03", "2027-06-30") };
    file.edition = Edition {
        year,
        title,
        focus: Focus::Theme("innovation_ecosystems_sdgs".into()),
        // The published edition's answers closed at its deadline; the campaign's are open.
        status: if published { EditionStatus::CLOSED } else { EditionStatus::COLLECTING },
        milestones: vec![
            Milestone {
                date: ApproxDate::parse(call).map_err(broken)?,
                label: text(
                    "Call for participation",
                    "Convocatoria de participación",
                    "Appel à participation",
                ),
            },
            Milestone {
                date: ApproxDate::parse(deadline).map_err(broken)?,
                label: text(
                    "Deadline for questionnaires",
                    "Plazo de entrega de los cuestionarios",
                    "Date limite de remise des questionnaires",
                ),
            },
        ],
        show_rankings: false,
        public_scores: false,
        // The demonstration adopts the documented axis-mean rule, so its city pages show levels.
        scoring: Some(ScoringRule {
            method: ScoringMethod::AxisMean,
            description: text(
                "Level per axis: the mean of the city's answers in the axis, each scaled to 0–100 (yes = 100, an ordinal level by its rank, a number by its percentile among the cities).",
                "Nivel por eje: la media de las respuestas de la ciudad en el eje, cada una en una escala de 0 a 100 (sí = 100, un nivel ordinal según su rango, un número según su percentil entre las ciudades).",
                "Niveau par axe : la moyenne des réponses de la ville dans l'axe, chacune ramenée de 0 à 100 (oui = 100, un niveau ordinal selon son rang, un nombre selon son centile parmi les villes).",
            ),
        }),
        // And an illustrative composite index over its numeric questions, shown as profiles.
        index: Some(IndexRule {
            description: text(
                "Illustrative index: each numeric question scaled 0–100 among the answering cities (counts per 100,000 inhabitants first), averaged into its axis and the axes into the index, with equal weights. Intervals: 500 runs with missing answers left out or filled by the mean or median and weights varied by ±25 %.",
                "Índice ilustrativo: cada pregunta numérica en una escala de 0 a 100 entre las ciudades que responden (los recuentos por 100.000 habitantes), promediada en su eje y los ejes en el índice, con pesos iguales. Intervalos: 500 repeticiones con las respuestas que faltan omitidas o completadas con la media o la mediana y pesos variados en ±25 %.",
                "Indice fictif : chaque question numérique ramenée de 0 à 100 parmi les villes qui répondent (les effectifs pour 100 000 habitants), moyennée dans son axe et les axes dans l'indice, à poids égaux. Intervalles : 500 tirages où les réponses manquantes sont omises ou remplacées par la moyenne ou la médiane et les poids varient de ±25 %.",
            ),
            questions: vec![],
            runs: 500,
            weight_noise_percent: 25,
            seed: u64::from(year.get()),
        }),
        reported_participants: None,
        sources: vec![],
    };
    file.framework.edition = year;
    Ok(file)
}
