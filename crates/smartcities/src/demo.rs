//! The demonstration data shipped in the binary: the five published editions with their
//! frameworks, 47 real member cities (names, populations and coordinates from GeoNames,
//! CC BY 4.0), illustrative membership records and the community's partner organisations.

use anyhow::{Context, Result};
use indicatif::{ProgressBar, ProgressStyle};
use smartcities_app::{
    App,
    analysis::{DEFAULT_CODEBOOK, parse_codebook},
    focus_groups::parse_focus_group,
    publication::GoPublic,
};
use smartcities_collect::{parse_cities, parse_members, parse_partners};
use std::collections::BTreeMap;

use smartcities_domain::{
    Actor, ApproxDate, City, CityId, Edition, EditionFile, EditionStatus, EditionYear, Effort, Email, Focus,
    IndexRule, Inequality, Lang, Localized, Member, Milestone, Practice, PracticeId, PracticeStatus,
    RenewalAnswer, ResponseMove, Role, ScoringMethod, ScoringRule, SdgTarget, Stage, StudyAxis, Written,
};
use smartcities_questionnaire::{Kind, Questionnaire, from_framework};
use smartcities_store::{AnswerChange, Editor, LinkPurpose, PracticeChange, Store};

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

/// Illustrative good practices of the demonstration catalogue.
const EVENTS_FILE: (&str, &str) = ("data/demo/events.toml", include_str!("../../../data/demo/events.toml"));
const COMMUNITY_FILE: (&str, &str) =
    ("data/demo/community.toml", include_str!("../../../data/demo/community.toml"));
const PRACTICES_FILE: (&str, &str) =
    ("data/demo/practices.toml", include_str!("../../../data/demo/practices.toml"));

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

/// Loads (or refreshes) the demonstration data. Safe to run on a database that has it already:
/// answers, codings and accounts made on an earlier run are kept, and accounts that already have
/// a password get no new link.
pub async fn load(store: &Store, progress: &ProgressBar) -> Result<Loaded> {
    // Links are paths on the site; whoever serves it prefixes its own address.
    let app = App::new(store.clone()).with_public_url(Some(String::new()));
    progress.set_length((EDITIONS.len() + 7) as u64);
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
    // Members already on record keep what has happened to them since (a renewal answer, new
    // focal points); only missing ones are added.
    let known = store.members().await?;
    let new: Vec<_> = members.iter().filter(|m| !known.iter().any(|k| k.city == m.city)).cloned().collect();
    store.save_members(&new).await?;
    progress.inc(1);
    progress.set_message("partners");
    let partners = parse_partners(PARTNERS.0, PARTNERS.1)?;
    store.save_partners(&partners).await?;
    progress.inc(1);
    let source = EDITIONS[EDITIONS.len() - 1].1;
    for (year, stages) in [(PUBLISHED_YEAR, Stages::Finished), (CAMPAIGN_YEAR, Stages::Mixed)] {
        progress.set_message(format!("demonstration edition {year}"));
        let demo = demonstration_edition(source, year)?;
        store.save_edition(&demo).await?;
        let questionnaire = from_framework(&demo.edition, &demo.framework)
            .map_err(|e| anyhow::anyhow!(e.iter().map(ToString::to_string).collect::<Vec<_>>().join("; ")))?;
        store.save_questionnaire(demo.edition.year, &questionnaire, "built from the framework").await?;
        illustrative_answers(store, &demo, &questionnaire, &cities, stages).await?;
        for (file, text) in FOCUS_GROUPS {
            let mut group = parse_focus_group(file, text).map_err(anyhow::Error::msg)?;
            group.edition = demo.edition.year;
            group.id = group.id.replace(&CAMPAIGN_YEAR.to_string(), &year.to_string());
            store.save_focus_group(&group).await.with_context(|| file.to_string())?;
        }
        illustrative_coding(&app, demo.edition.year).await?;
        if app.store().publications(demo.edition.year).await?.is_empty() {
            progress.set_message(format!("analysing {year}"));
            app.analyse(demo.edition.year, &ProgressBar::hidden()).await?;
        }
        progress.inc(1);
    }
    let published = EditionYear::new(PUBLISHED_YEAR)?;
    if app.store().publications(published).await?.is_empty() {
        progress.set_message(format!("publishing {PUBLISHED_YEAR} (site, PDFs, open data)"));
        let secretariat = smartcities_app::accounts::console_user();
        app.publish(&secretariat, published, published_texts(), GoPublic::Now, &ProgressBar::hidden())
            .await?;
    }
    progress.inc(1);
    progress.set_message("good practices");
    let practices = illustrative_practices(&app).await?;
    progress.set_message("events");
    let events = illustrative_events(store).await?;
    progress.set_message("community");
    let (activities, renewal_link) = illustrative_community(&app).await?;
    progress.set_message("accounts");
    let mut links = accounts(&app, &members, &cities).await?;
    links.extend(renewal_link);
    progress.inc(1);
    progress.finish_and_clear();
    Ok(Loaded {
        editions: EDITIONS.len() + 2,
        cities: cities.len(),
        members: members.len(),
        partners: partners.len(),
        practices,
        events,
        activities,
        links,
    })
}

/// The illustrative leadership, activity plan, applications and download counts, and a renewal
/// round in progress with some members' answers. Returns the number of activities and, on the
/// run that opens the round, a link to one silent member's renewal page.
async fn illustrative_community(app: &App) -> Result<(usize, Option<(String, String)>)> {
    #[derive(serde::Deserialize)]
    struct DemoApplication {
        city_name: String,
        country: String,
        name: String,
        role: String,
        email: String,
        motivation: String,
    }
    #[derive(serde::Deserialize)]
    struct DemoDownloads {
        edition: i64,
        months: Vec<(String, i64)>,
    }
    #[derive(serde::Deserialize)]
    struct DemoCommunity {
        leadership: smartcities_domain::Leadership,
        activity: Vec<smartcities_domain::Activity>,
        application: Vec<DemoApplication>,
        downloads: DemoDownloads,
    }
    let (file, text) = COMMUNITY_FILE;
    let mut parsed: DemoCommunity = toml::from_str(text).with_context(|| file.to_string())?;
    let store = app.store();
    parsed.leadership.illustrative = true;
    store.save_leadership(&parsed.leadership).await?;
    for activity in &mut parsed.activity {
        activity.illustrative = true;
        let problems = activity.check();
        if !problems.is_empty() {
            anyhow::bail!("{file}: activity {}: {problems:?}", activity.id);
        }
    }
    store.save_activities(&parsed.activity).await?;
    if !store.renewal_rounds().await?.is_empty() {
        return Ok((parsed.activity.len(), None));
    }
    // First run: the applications, the downloads and a round opened a few weeks ago.
    for a in &parsed.application {
        let focal = smartcities_domain::focal_point(&a.name, &a.role, &a.email);
        app.apply_to_join(&a.city_name, &a.country, focal, &a.motivation).await?;
    }
    for (month, count) in &parsed.downloads.months {
        store
            .add_downloads(parsed.downloads.edition, "report-en.pdf", &format!("{month}-15"), *count)
            .await?;
    }
    let secretariat = smartcities_app::accounts::console_user();
    let today = smartcities_store::clock::now();
    let closes = ApproxDate::parse(&today[..10])?;
    let closes_on = format!(
        "{}-{:02}-28",
        closes.year + u16::from(closes.month == Some(12)),
        closes.month.unwrap_or(1) % 12 + 1
    );
    let round =
        app.open_renewal(&secretariat, "Renewal of the member list (illustrative)", &closes_on).await?;
    let mut silent = None;
    for (i, (_, reply)) in round.replies.iter().enumerate() {
        // The lead city confirms first; the others answer one way or another, or not yet.
        let answer = match i % 4 {
            _ if reply.city.as_str() == "es-bilbao" => Some(RenewalAnswer::Confirmed),
            0 | 1 => Some(RenewalAnswer::Confirmed),
            2 if i % 8 == 2 => Some(RenewalAnswer::Updated),
            _ => None,
        };
        match answer {
            Some(RenewalAnswer::Updated) => {
                let member = store.member(&reply.city).await?.context("an asked member is on record")?;
                let mut points = member.focal_points.clone();
                points.push(
                    smartcities_domain::focal_point(
                        "Open data team (illustrative)",
                        "Open data officer",
                        &format!("open.data@{}.example.org", reply.city),
                    )
                    .map_err(|p| anyhow::anyhow!("{p:?}"))?,
                );
                store
                    .answer_renewal(&round.round.id, &reply.city, RenewalAnswer::Updated, Some(&points), None)
                    .await?;
            }
            Some(answer) => store.answer_renewal(&round.round.id, &reply.city, answer, None, None).await?,
            None if silent.is_none() => silent = Some(reply.city.clone()),
            None => {}
        }
    }
    if let Some(leaving) = round.replies.iter().map(|(_, r)| &r.city).find(|c| c.as_str() == "us-boston") {
        store
            .answer_renewal(
                &round.round.id,
                leaving,
                RenewalAnswer::Left,
                None,
                Some("Illustrative: the city reorganised its digital office."),
            )
            .await?;
    }
    // One silent member's link, for trying the focal point's page; recorded as a reminder.
    let link = match silent {
        Some(city) => {
            let token = smartcities_app::accounts::new_token();
            let hash = smartcities_app::accounts::token_hash(&token);
            store.record_renewal_reminders(&round.round.id, &[(city.clone(), hash)], &[]).await?;
            Some((format!("focal point of {city} (renewal)"), format!("/renewal/{token}")))
        }
        None => None,
    };
    Ok((parsed.activity.len(), link))
}

/// Loads the illustrative events log, each event marked as such.
async fn illustrative_events(store: &Store) -> Result<usize> {
    #[derive(serde::Deserialize)]
    struct DemoEvents {
        event: Vec<smartcities_domain::Event>,
    }
    let (file, text) = EVENTS_FILE;
    let mut parsed: DemoEvents = toml::from_str(text).with_context(|| file.to_string())?;
    for event in &mut parsed.event {
        event.illustrative = true;
        if let Err(problems) = event.check() {
            anyhow::bail!("{file}: event {}: {problems:?}", event.id);
        }
    }
    store.save_events(&parsed.event).await?;
    Ok(parsed.event.len())
}

/// One practice of `data/demo/practices.toml`.
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct DemoPractice {
    city: CityId,
    axis: StudyAxis,
    sub_area: String,
    sdg: u8,
    sdgs: Vec<u8>,
    #[serde(default)]
    targets: Vec<SdgTarget>,
    started: ApproxDate,
    stage: Stage,
    actors: Vec<Actor>,
    #[serde(default)]
    inequalities: Vec<Inequality>,
    #[serde(default)]
    technologies: Vec<String>,
    status: PracticeStatus,
    #[serde(default)]
    return_comment: Option<String>,
    title: BTreeMap<Lang, String>,
    summary: BTreeMap<Lang, String>,
    #[serde(default)]
    needs: BTreeMap<Lang, String>,
    #[serde(default)]
    lessons: BTreeMap<Lang, String>,
    cost: Effort,
    complexity: Effort,
}

#[derive(serde::Deserialize)]
struct DemoPractices {
    practice: Vec<DemoPractice>,
}

/// Text in several languages, the first key in file order being the original: the TOML tables
/// are read in order, so the language written first is the one the practice was written in.
fn written(first: Lang, texts: &BTreeMap<Lang, String>) -> Option<Written> {
    let original = if texts.contains_key(&first) { first } else { *texts.keys().next()? };
    Some(Written { original, text: texts.clone() })
}

/// Loads the illustrative catalogue: each practice published, drafted or returned as the file
/// says. A practice already in the database (perhaps edited since) is left as it is.
async fn illustrative_practices(app: &App) -> Result<usize> {
    let (file, text) = PRACTICES_FILE;
    let parsed: DemoPractices = toml::from_str(text).with_context(|| file.to_string())?;
    // The language written first in each title, which toml's tables do not keep.
    let originals: Vec<Lang> = text
        .lines()
        .filter(|l| l.starts_with("title = { "))
        .map(|l| Lang::from_tag(&l["title = { ".len()..l.len().min(12)]).unwrap_or_default())
        .collect();
    let by = "demo (illustrative)";
    let mut practices = Vec::new();
    for (demo, original) in parsed.practice.iter().zip(originals) {
        let title = written(original, &demo.title).context("a practice without a title")?;
        let words = title.get(Lang::En).0.to_string();
        let id = PracticeId::from_words(&demo.city, &words);
        if app.store().practice_exists(&id).await? {
            continue;
        }
        let mut practice = Practice::new(id, demo.city.clone(), title, demo.axis, demo.sdg);
        practice.summary = written(original, &demo.summary).context("a practice without a summary")?;
        practice.sub_area = Some(demo.sub_area.clone());
        practice.sdgs =
            std::iter::once(demo.sdg).chain(demo.sdgs.iter().copied().filter(|g| *g != demo.sdg)).collect();
        practice.targets = demo.targets.clone();
        practice.started = Some(demo.started);
        practice.stage = Some(demo.stage);
        practice.actors = demo.actors.clone();
        practice.inequalities = demo.inequalities.clone();
        practice.technologies = demo.technologies.clone();
        practice.transferability.needs = written(original, &demo.needs);
        practice.transferability.cost = Some(demo.cost);
        practice.transferability.complexity = Some(demo.complexity);
        practice.lessons = written(original, &demo.lessons);
        let published = demo.status == PracticeStatus::Published;
        practice.editions = vec![EditionYear::new(if published { PUBLISHED_YEAR } else { CAMPAIGN_YEAR })?];
        practice.consent = true;
        practice.illustrative = true;
        practices.push((practice, demo.status, demo.return_comment.as_deref()));
    }
    // A returned practice was a draft first: its first version is the draft, the second the return.
    let mut changes = Vec::new();
    for (practice, status, comment) in &practices {
        let first = PracticeChange { practice, status: *status, based_on: None, by, comment: None };
        if *status == PracticeStatus::Returned {
            let comment = comment.context("a returned practice without a comment")?;
            changes.push(PracticeChange { status: PracticeStatus::Draft, ..first });
            changes.push(PracticeChange { based_on: Some(1), comment: Some(comment), ..first });
        } else {
            changes.push(first);
        }
    }
    app.store().save_practices(&changes).await?;
    Ok(parsed.practice.len())
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
    }
}

/// The demonstration editions: the 2023 framework asked again, published with illustrative
/// findings in 2024 and open for answers in 2025.
fn demonstration_edition(framework_source: &str, year: u16) -> Result<EditionFile> {
    let mut file = EditionFile::parse(framework_source).map_err(|e| anyhow::anyhow!(e.to_string()))?;
    let published = year == PUBLISHED_YEAR;
    let year = EditionYear::new(year)?;
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
                date: ApproxDate::parse(call)?,
                label: text(
                    "Call for participation",
                    "Convocatoria de participación",
                    "Appel à participation",
                ),
            },
            Milestone {
                date: ApproxDate::parse(deadline)?,
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

/// Cities the demonstration leaves unanswered, so that answering, submitting and reviewing can
/// be tried on them from the start.
const STILL_ANSWERING: [&str; 2] = ["pt-lisbon", "at-vienna"];

/// Cities whose answers the demonstration leaves submitted, waiting for the secretariat's review.
const AWAITING_REVIEW: [&str; 2] = ["fi-lappeenranta", "th-bangkok"];

/// Illustrative free-text answers (in the three languages, as cities write them), by what the
/// question asks about.
const BARRIER_TEXTS: [&str; 8] = [
    "The budget for pilots ends after one year and there is no funding to scale them up.",
    "Procurement rules make it hard to buy from start-ups; tenders take too long.",
    "Falta de talento digital en la plantilla municipal y poca formación.",
    "Les services travaillent en silos et la coordination entre départements est faible.",
    "Legacy systems and poor broadband in the outskirts slow every project down.",
    "Los datos de movilidad son de operadores privados y no se comparten con la ciudad.",
    "Le changement de maire après les élections a arrêté plusieurs projets.",
    "Many older residents lack access and digital skills: the divide is widening.",
];
const ENABLER_TEXTS: [&str; 6] = [
    "Strong support from the mayor and a clear digital strategy.",
    "A partnership with the regional university and its innovation agency.",
    "Vecinos y asociaciones participan en el codiseño de los servicios.",
    "Des subventions des fonds européens ont financé les premiers capteurs.",
    "Exchanges with other cities of the network on procurement templates.",
    "Open data portal reused by local companies and researchers.",
];
const OTHER_TEXTS: [&str; 4] = [
    "A network of air-quality sensors publishes its readings on the open data portal.",
    "Un gemelo digital del centro histórico ayuda a planificar frente al calor extremo.",
    "Machine learning helps to plan waste collection routes.",
    "Une plateforme de participation en ligne recueille les propositions des habitants.",
];

/// Illustrative titles of good practices, by the 2023 framework's axis order.
const PRACTICES: [&str; 6] = [
    "Municipal start-up incubator with a public procurement sandbox",
    "Real-time open data on public transport reused by local companies",
    "Sensor network on the water supply that halves the time to find leaks",
    "Digital skills programme run in public libraries",
    "One-stop digital desk for social services, with face-to-face help kept",
    "Participatory budget online, with public follow-up of every project",
];

/// How far the illustrative responses of an edition went.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Stages {
    /// A finished edition: each city accepted or never answered.
    Finished,
    /// A campaign under way: most accepted, a few at each earlier stage.
    Mixed,
}

/// Illustrative answers for every city of the registry (members and invited non-members), most
/// of them accepted so that the analysis has real figures to show.
async fn illustrative_answers(
    store: &Store,
    campaign: &EditionFile,
    questionnaire: &Questionnaire,
    cities: &[City],
    stages: Stages,
) -> Result<()> {
    let year = campaign.edition.year;
    let axes: Vec<&str> = campaign.framework.axes.iter().map(|a| a.code.as_str()).collect();
    for city in cities {
        let existing = store.open_response(year, &city.id).await?;
        if existing.revision > 0 {
            continue; // answered on an earlier run
        }
        let mut dice = match stages {
            Stages::Mixed => Dice::new(city.id.as_str()),
            Stages::Finished => Dice::new(&format!("{}/{year}", city.id)),
        };
        // 0-2 not started, 3-5 in progress, 6-7 submitted, 8-9 accepted: most accepted.
        let stage = match (stages, dice.below(30)) {
            (Stages::Mixed, _) if STILL_ANSWERING.contains(&city.id.as_str()) => 0,
            (Stages::Mixed, _) if AWAITING_REVIEW.contains(&city.id.as_str()) => 6,
            (_, 0) => 0,
            // About one city in six never answered the finished edition.
            (Stages::Finished, n) if n < 5 => 0,
            (Stages::Mixed, 1) => 3,
            (Stages::Mixed, 2) => 6,
            _ => 8,
        };
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
                Kind::Text => {
                    let name = question.name.as_str();
                    let pool: &[&str] = if name.ends_with("barriers") {
                        &BARRIER_TEXTS
                    } else if name.ends_with("enablers") {
                        &ENABLER_TEXTS
                    } else {
                        &OTHER_TEXTS
                    };
                    pool[dice.below(pool.len() as u64) as usize].to_string()
                }
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
        if stage >= 6 {
            let mut entry = |group: &str, id: u64, fields: Vec<(&str, String)>| {
                for (question, value) in fields {
                    changes.push(AnswerChange {
                        question: question.to_string(),
                        entry: format!("{group}:{id}"),
                        value: Some(value),
                    });
                }
            };
            for id in 1..=dice.below(3) + 1 {
                let axis = dice.below(axes.len() as u64) as usize;
                let goals: Vec<String> =
                    (0..=dice.below(2)).map(|_| format!("sdg{:02}", dice.below(17) + 1)).collect();
                let mut goals = goals;
                goals.dedup();
                entry(
                    "good_practices",
                    id,
                    vec![
                        ("gp_title", PRACTICES[axis % PRACTICES.len()].to_string()),
                        ("gp_axis", axes[axis].to_string()),
                        ("gp_sdgs", goals.join(" ")),
                        ("gp_summary", "Illustrative practice written for the demonstration.".to_string()),
                    ],
                );
            }
            let categories: Vec<String> = questionnaire
                .question("be_category")
                .map(|q| questionnaire.choices(q).iter().map(|c| c.name.clone()).collect())
                .unwrap_or_default();
            for id in 1..=dice.below(4) + 1 {
                // Funding and skills come up more often, as they do in the study's editions.
                let category = match dice.below(4) {
                    0 => "funding".to_string(),
                    1 => "skills_talent".to_string(),
                    _ => categories[dice.below(categories.len() as u64) as usize].clone(),
                };
                entry(
                    "barriers_enablers",
                    id,
                    vec![
                        ("be_type", if dice.below(3) == 0 { "enabler" } else { "barrier" }.to_string()),
                        ("be_category", category),
                        ("be_importance", format!("l{}", dice.below(5) + 1)),
                        ("be_axis", axes[dice.below(axes.len() as u64) as usize].to_string()),
                    ],
                );
            }
        }
        store.save_answers(year, &city.id, 0, &changes, "demo (illustrative)", Editor::Respondent).await?;
        if stage >= 6 {
            store.move_response(year, &city.id, ResponseMove::Submit).await?;
        }
        if stage >= 8 {
            store.move_response(year, &city.id, ResponseMove::Accept).await?;
        }
    }
    Ok(())
}

/// The shipped codebook for the campaign, and free-text answers coded by the demonstration's
/// analyst (following the suggestions) and most of them again by the secretariat (who differs
/// now and then), so that agreement between coders has something to measure.
async fn illustrative_coding(app: &App, year: EditionYear) -> Result<()> {
    use smartcities_analysis::coding::suggest;
    use smartcities_store::StoredCoding;
    let store = app.store();
    let (name, text) = DEFAULT_CODEBOOK;
    let codebook = parse_codebook(name, text).map_err(anyhow::Error::msg)?;
    app.set_codebook(year, &codebook).await?;
    if !store.codings(year).await?.is_empty() {
        return Ok(()); // coded on an earlier run
    }
    let (_, questionnaire) = store.questionnaire(year).await?.context("the campaign has a questionnaire")?;
    for (city, answers) in store.accepted_answers(year).await? {
        for answer in answers {
            let is_text = questionnaire.question(&answer.question).is_some_and(|q| q.kind == Kind::Text);
            if !is_text || !answer.entry.is_empty() {
                continue;
            }
            let suggested = suggest(&codebook, &answer.value);
            let coding = |coder: &str, codes: Vec<String>| StoredCoding {
                city: city.to_string(),
                question: answer.question.clone(),
                entry: String::new(),
                coder: coder.to_string(),
                codes,
                passages: Default::default(),
            };
            store.save_coding(year, &coding("analyst@smartcities.example.org", suggested.clone())).await?;
            let mut dice = Dice::new(&format!("{city}/{}", answer.question));
            if dice.below(10) < 6 {
                let mut second = suggested;
                if dice.below(5) == 0 {
                    second.pop();
                }
                if dice.below(6) == 0 {
                    second.push(
                        codebook.categories[dice.below(codebook.categories.len() as u64) as usize]
                            .code
                            .clone(),
                    );
                    second.sort();
                    second.dedup();
                }
                store.save_coding(year, &coding("secretariat@smartcities.example.org", second)).await?;
            }
        }
    }
    Ok(())
}

/// A secretariat account, an analyst account and a respondent for each member city; each one
/// that has no password yet gets a fresh one-time link (which replaces its older ones).
async fn accounts(app: &App, members: &[Member], cities: &[City]) -> Result<Vec<(String, String)>> {
    let store = app.store();
    let mut accounts = Vec::new();
    let secretariat = Email::parse("secretariat@smartcities.example.org")?;
    let user = store
        .ensure_user("demo-secretariat", &secretariat, "Secretariat (demo)", Role::Secretariat, None)
        .await?;
    accounts.push(("Secretariat".to_string(), user));
    let analyst = Email::parse("analyst@smartcities.example.org")?;
    let user = store.ensure_user("demo-analyst", &analyst, "Analyst (demo)", Role::Analyst, None).await?;
    accounts.push(("Analyst".to_string(), user));
    for member in members {
        let Some(city) = cities.iter().find(|c| c.id == member.city) else { continue };
        let Some(focal) = member.focal_points.first() else { continue };
        let name = format!("{} (demo respondent)", city.name);
        let user = store
            .ensure_user(&format!("demo-{}", city.id), &focal.email, &name, Role::Respondent, Some(&city.id))
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
