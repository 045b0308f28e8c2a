//! Running the study analysis of an edition: gathering its inputs from the store (framework,
//! questionnaire, registry, invitations, accepted answers, focus groups, earlier editions the
//! framework links to), running the pure analysis, and storing what it found.

use anyhow::{Context, Result};
use indicatif::ProgressBar;
use smartcities_analysis::{
    Answer, CityAnswers, EarlierEdition, Input, OutputKind, Results, WorkshopOutput, analyse,
    coding::{Codebook, Coding, Item},
};
use smartcities_domain::{CityId, EditionYear};
use smartcities_store::{CityFilter, Store, StoredAnswer};

fn city_answers(accepted: Vec<(CityId, Vec<StoredAnswer>)>) -> Vec<CityAnswers> {
    accepted
        .into_iter()
        .map(|(city, answers)| CityAnswers {
            city,
            answers: answers
                .into_iter()
                .map(|a| Answer { question: a.question, entry: a.entry, value: a.value })
                .collect(),
        })
        .collect()
}

/// Analyses an edition and stores the results, replacing the previous ones.
pub async fn run(store: &Store, year: EditionYear, progress: &ProgressBar) -> Result<Results> {
    progress.set_length(4);
    progress.set_message("framework and questionnaire");
    let edition = store.edition(year).await?.with_context(|| format!("no edition {year}"))?;
    let (_, framework) =
        store.framework(year).await?.with_context(|| format!("edition {year} has no framework"))?;
    let (_, questionnaire) =
        store.questionnaire(year).await?.with_context(|| format!("edition {year} has no questionnaire"))?;
    progress.inc(1);
    progress.set_message("answers");
    let cities = store.cities(&CityFilter::default()).await?;
    let invited: Vec<CityId> = store.responses(year).await?.into_iter().map(|r| r.city).collect();
    let responses = city_answers(store.accepted_answers(year).await?);
    let workshops: Vec<WorkshopOutput> = store
        .focus_groups(year)
        .await?
        .into_iter()
        .flat_map(|g| g.outputs)
        .map(|o| WorkshopOutput {
            kind: match o.kind {
                smartcities_store::OutputKind::Practice => OutputKind::Practice,
                smartcities_store::OutputKind::Barrier => OutputKind::Barrier,
                smartcities_store::OutputKind::Enabler => OutputKind::Enabler,
                smartcities_store::OutputKind::Trend => OutputKind::Trend,
            },
            axis: o.axis.map(|a| a.to_string()),
            goals: smartcities_domain::sdg_goals(&o.sdgs),
        })
        .collect();
    progress.inc(1);
    progress.set_message("earlier editions");
    let mut years: Vec<EditionYear> =
        framework.questions().filter_map(|(_, _, q)| q.continues.as_ref().map(|c| c.edition)).collect();
    years.sort();
    years.dedup();
    let mut earlier = Vec::new();
    for earlier_year in years {
        if let Some((_, questionnaire)) = store.questionnaire(earlier_year).await? {
            let responses = city_answers(store.accepted_answers(earlier_year).await?);
            earlier.push(EarlierEdition { edition: earlier_year, questionnaire, responses });
        }
    }
    let codebook: Option<Codebook> = match store.codebook(year).await? {
        Some(document) => Some(serde_json::from_str(&document).context("the stored codebook")?),
        None => None,
    };
    let codings: Vec<Coding> = store
        .codings(year)
        .await?
        .into_iter()
        .map(|c| Coding {
            item: Item { city: c.city, question: c.question, entry: c.entry },
            coder: c.coder,
            codes: c.codes.into_iter().collect(),
        })
        .collect();
    progress.inc(1);
    progress.set_message("analysing");
    let results = analyse(&Input {
        edition: year,
        framework: &framework,
        questionnaire: &questionnaire,
        cities: &cities,
        invited: &invited,
        responses: &responses,
        workshops: &workshops,
        earlier: &earlier,
        codebook: codebook.as_ref(),
        codings: &codings,
        index: edition.index.as_ref(),
    });
    let document = serde_json::to_string(&results)?;
    store.save_results(year, &results.method_version, &results.input_hash, &document).await?;
    progress.inc(1);
    progress.finish_and_clear();
    Ok(results)
}

/// The codebook shipped with smartcities, used by the demonstration and as a starting point.
pub const DEFAULT_CODEBOOK: (&str, &str) =
    ("data/codebooks/default.toml", include_str!("../../../data/codebooks/default.toml"));

/// A codebook from its TOML file; `name` locates errors.
pub fn parse_codebook(name: &str, text: &str) -> Result<Codebook> {
    let codebook: Codebook = toml::from_str(text).map_err(|e| anyhow::anyhow!("{name}: {e}"))?;
    let problems = codebook.problems();
    if !problems.is_empty() {
        anyhow::bail!("{name}: {}", problems.join("; "));
    }
    Ok(codebook)
}
