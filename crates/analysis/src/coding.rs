//! Free-text coding, the qualitative half of the study: an edition's codebook (categories with
//! definitions and keywords per language), suggestions for a passage by stemmed keyword match
//! (Snowball stemmers for English, Spanish and French), code frequencies by axis, UCLG section
//! and population band, and Cohen's kappa per category between two coders of the same answers.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use rust_stemmers::{Algorithm, Stemmer};
use serde::{Deserialize, Serialize};
use smartcities_domain::{City, Lang, Localized};
use smartcities_questionnaire::EntryKey;

use crate::{PopulationBand, stats::cohen_kappa};

/// What a category classifies.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum CategoryGroup {
    /// What holds a city back.
    Barrier,
    /// What helps it.
    Enabler,
    /// A trend cities see.
    Trend,
    /// A technology cities use or plan.
    Technology,
}

impl CategoryGroup {
    /// Every group.
    pub const ALL: [CategoryGroup; 4] =
        [CategoryGroup::Barrier, CategoryGroup::Enabler, CategoryGroup::Trend, CategoryGroup::Technology];

    /// The group's name in codebooks and translation keys.
    pub fn slug(self) -> &'static str {
        match self {
            CategoryGroup::Barrier => "barrier",
            CategoryGroup::Enabler => "enabler",
            CategoryGroup::Trend => "trend",
            CategoryGroup::Technology => "technology",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
/// A category of the codebook.
pub struct Category {
    /// Its code.
    pub code: String,
    /// The group it belongs to.
    pub group: CategoryGroup,
    /// Its name in the three languages.
    pub label: Localized,
    /// What it covers, in the three languages.
    pub definition: Localized,
    /// Words that suggest the category, per language code; matched after stemming.
    #[serde(default)]
    pub keywords: BTreeMap<String, Vec<String>>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
/// An edition's categories for coding free text.
pub struct Codebook {
    /// The categories, in order.
    pub categories: Vec<Category>,
}

impl Codebook {
    /// Problems that would make codes ambiguous: duplicate or empty codes.
    pub fn problems(&self) -> Vec<String> {
        let mut seen = BTreeSet::new();
        let mut problems = Vec::new();
        for (i, c) in self.categories.iter().enumerate() {
            if c.code.trim().is_empty()
                || !c.code.chars().all(|ch| ch.is_ascii_lowercase() || ch.is_ascii_digit() || ch == '_')
            {
                problems.push(format!(
                    "categories[{i}]: code {:?} must be lower-case letters, digits and _",
                    c.code
                ));
            }
            if !seen.insert(c.code.as_str()) {
                problems.push(format!("categories[{i}]: code {} is used twice", c.code));
            }
        }
        problems
    }

    /// The category with this code.
    pub fn category(&self, code: &str) -> Option<&Category> {
        self.categories.iter().find(|c| c.code == code)
    }
}

fn algorithm(lang: Lang) -> Algorithm {
    match lang {
        Lang::En => Algorithm::English,
        Lang::Es => Algorithm::Spanish,
        Lang::Fr => Algorithm::French,
    }
}

/// Lower-cased words of a text, stemmed for `lang`.
fn stems(stemmer: &Stemmer, text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| stemmer.stem(&w.to_lowercase()).into_owned())
        .collect()
}

/// Categories whose keywords occur in the text (in any of the study's languages, since
/// respondents mix them), most matches first. A keyword of several words must occur as a
/// sequence.
pub fn suggest(codebook: &Codebook, text: &str) -> Vec<String> {
    let mut scores: Vec<(usize, &str)> = Vec::new();
    let per_lang: Vec<(Lang, Stemmer, Vec<String>)> = Lang::ALL
        .iter()
        .map(|l| {
            let stemmer = Stemmer::create(algorithm(*l));
            let words = stems(&stemmer, text);
            (*l, stemmer, words)
        })
        .collect();
    for category in &codebook.categories {
        let mut hits = 0;
        for (lang, stemmer, words) in &per_lang {
            for keyword in category.keywords.get(lang.code()).into_iter().flatten() {
                let key = stems(stemmer, keyword);
                if !key.is_empty() && words.windows(key.len()).any(|w| w == key.as_slice()) {
                    hits += 1;
                }
            }
        }
        if hits > 0 {
            scores.push((hits, category.code.as_str()));
        }
    }
    scores.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(b.1)));
    scores.into_iter().map(|(_, code)| code.to_string()).collect()
}

/// A free-text answer to code: which city, which question (and repeat entry).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Item {
    /// The city whose answer it is.
    pub city: String,
    /// The question.
    pub question: String,
    /// The repeat entry, if any (serialised as stored: `group:id`, or `''`).
    #[serde(with = "smartcities_questionnaire::entry_column")]
    pub entry: Option<EntryKey>,
}

/// One coder's codes for one item.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Coding {
    /// The answer coded.
    pub item: Item,
    /// Who coded it.
    pub coder: String,
    /// The codes given.
    pub codes: BTreeSet<String>,
}

/// How often a code was applied, and where.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CodeFrequency {
    /// The category's code.
    pub code: String,
    /// Items (answers) coded with it by at least one coder.
    pub items: usize,
    /// Cities with an item coded with it.
    pub cities: usize,
    /// Items coded with it, by axis.
    pub by_axis: BTreeMap<String, usize>,
    /// Items coded with it, by UCLG section.
    pub by_section: BTreeMap<String, usize>,
    /// Items coded with it, by population band.
    pub by_band: BTreeMap<String, usize>,
}

/// Code frequencies over every coded item: an item counts for a code when any coder applied
/// it. `axis_of` gives a question's axis.
pub fn frequencies(
    codebook: &Codebook,
    codings: &[Coding],
    cities: &[City],
    axis_of: &dyn Fn(&str) -> String,
) -> Vec<CodeFrequency> {
    let registry: HashMap<&str, &City> = cities.iter().map(|c| (c.id.as_str(), c)).collect();
    let mut applied: BTreeMap<&str, BTreeSet<&Item>> = BTreeMap::new();
    for coding in codings {
        for code in &coding.codes {
            applied.entry(code.as_str()).or_default().insert(&coding.item);
        }
    }
    codebook
        .categories
        .iter()
        .map(|category| {
            let items = applied.get(category.code.as_str()).cloned().unwrap_or_default();
            let mut by_axis = BTreeMap::new();
            let mut by_section = BTreeMap::new();
            let mut by_band = BTreeMap::new();
            for item in &items {
                *by_axis.entry(axis_of(&item.question)).or_default() += 1;
                if let Some(city) = registry.get(item.city.as_str()) {
                    *by_section.entry(city.section.slug().to_string()).or_default() += 1;
                    if city.population.count > 0 {
                        *by_band
                            .entry(PopulationBand::of(city.population.count).slug().to_string())
                            .or_default() += 1;
                    }
                }
            }
            CodeFrequency {
                code: category.code.clone(),
                items: items.len(),
                cities: items.iter().map(|i| i.city.as_str()).collect::<BTreeSet<_>>().len(),
                by_axis,
                by_section,
                by_band,
            }
        })
        .collect()
}

/// Agreement of two coders on one category over the items both coded.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Agreement {
    /// The category's code.
    pub code: String,
    /// Items both coders coded.
    pub items: usize,
    /// Items both coders gave the code / neither gave it.
    pub both: usize,
    /// See `both`.
    pub neither: usize,
    /// `None` when chance agreement is already perfect (neither coder varies).
    pub kappa: Option<f64>,
}

/// Cohen's kappa per category between coders `a` and `b`, over the items both coded: for
/// each category, each coder's decision is "applied" or "not applied".
pub fn agreement(codebook: &Codebook, codings: &[Coding], a: &str, b: &str) -> Vec<Agreement> {
    let of = |coder: &str| -> BTreeMap<&Item, &BTreeSet<String>> {
        codings.iter().filter(|c| c.coder == coder).map(|c| (&c.item, &c.codes)).collect()
    };
    let (first, second) = (of(a), of(b));
    let shared: Vec<&Item> = first.keys().filter(|i| second.contains_key(*i)).copied().collect();
    codebook
        .categories
        .iter()
        .map(|category| {
            let x: Vec<bool> = shared.iter().map(|i| first[i].contains(&category.code)).collect();
            let y: Vec<bool> = shared.iter().map(|i| second[i].contains(&category.code)).collect();
            Agreement {
                code: category.code.clone(),
                items: shared.len(),
                both: x.iter().zip(&y).filter(|(p, q)| **p && **q).count(),
                neither: x.iter().zip(&y).filter(|(p, q)| !**p && !**q).count(),
                kappa: cohen_kappa(&x, &y),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn codebook() -> Codebook {
        let text = |s: &str| Localized { en: s.into(), es: s.into(), fr: s.into() };
        let category = |code: &str, group, keywords: &[(&str, &[&str])]| Category {
            code: code.into(),
            group,
            label: text(code),
            definition: text(code),
            keywords: keywords
                .iter()
                .map(|(l, words)| (l.to_string(), words.iter().map(|w| w.to_string()).collect()))
                .collect(),
        };
        Codebook {
            categories: vec![
                category(
                    "funding",
                    CategoryGroup::Barrier,
                    &[
                        ("en", &["funding", "budget"]),
                        ("es", &["financiación", "presupuesto"]),
                        ("fr", &["financement"]),
                    ],
                ),
                category(
                    "skills_talent",
                    CategoryGroup::Barrier,
                    &[("en", &["skills", "digital talent"]), ("es", &["talento"])],
                ),
                category(
                    "partnerships",
                    CategoryGroup::Enabler,
                    &[("en", &["partnership"]), ("fr", &["partenariat"])],
                ),
            ],
        }
    }

    #[test]
    fn suggestions_match_stemmed_keywords_in_each_language() {
        let book = codebook();
        assert_eq!(suggest(&book, "Budgets were cut and funded projects stopped"), vec!["funding"]);
        assert_eq!(
            suggest(&book, "Falta de presupuestos y de talento digital"),
            vec!["funding", "skills_talent"]
        );
        assert_eq!(suggest(&book, "Les partenariats avec les universités"), vec!["partnerships"]);
        assert_eq!(
            suggest(&book, "We lack digital talents"),
            vec!["skills_talent"],
            "a two-word keyword as a sequence"
        );
        assert!(suggest(&book, "Nothing relevant here").is_empty());
    }

    #[test]
    fn kappa_per_category_and_frequencies() {
        let book = codebook();
        let item = |city: &str| Item { city: city.into(), question: "main_barriers".into(), entry: None };
        let coding = |coder: &str, city: &str, codes: &[&str]| Coding {
            item: item(city),
            coder: coder.into(),
            codes: codes.iter().map(|c| c.to_string()).collect(),
        };
        let codings = vec![
            coding("ana", "es-bilbao", &["funding"]),
            coding("ben", "es-bilbao", &["funding"]),
            coding("ana", "sn-dakar", &["funding", "skills_talent"]),
            coding("ben", "sn-dakar", &["skills_talent"]),
            coding("ana", "kr-seoul", &[]),
            coding("ben", "kr-seoul", &[]),
            coding("ana", "fr-bordeaux", &["partnerships"]),
            coding("ben", "fr-bordeaux", &["partnerships"]),
            coding("ana", "only-ana", &["funding"]),
        ];
        let kappas = agreement(&book, &codings, "ana", "ben");
        let funding = kappas.iter().find(|k| k.code == "funding").unwrap();
        // Four shared items; ana: yes yes no no, ben: yes no no no → pₒ = .75, pₑ = .5·.25 + .5·.75 = .5, κ = .5.
        assert_eq!((funding.items, funding.both, funding.neither), (4, 1, 2));
        assert!((funding.kappa.unwrap() - 0.5).abs() < 1e-12);
        let partnerships = kappas.iter().find(|k| k.code == "partnerships").unwrap();
        assert_eq!(partnerships.kappa, Some(1.0));

        let freq = frequencies(&book, &codings, &[], &|_| "governance".to_string());
        let funding = freq.iter().find(|f| f.code == "funding").unwrap();
        assert_eq!((funding.items, funding.cities), (3, 3));
        assert_eq!(funding.by_axis.get("governance"), Some(&3));
    }

    #[test]
    fn a_codebook_with_duplicate_codes_is_refused() {
        let mut book = codebook();
        book.categories.push(book.categories[0].clone());
        assert_eq!(book.problems().len(), 1);
    }
}
