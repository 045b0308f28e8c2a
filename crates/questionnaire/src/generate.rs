//! Builds an edition's questionnaire from its framework: a group per axis, a group per
//! sub-area, a question per framework question, and two repeat groups every edition collects —
//! good practices and barriers and enablers, each entry a small record.

use std::collections::BTreeMap;

use smartcities_domain::{Edition, Framework, Lang, QuestionKind};

use crate::{
    check::check_references,
    model::{
        ChoiceItem, Condition, FieldName, Group, Item, Kind, Note, Question, Questionnaire, Texts, YES_NO,
    },
};

fn name(text: &str) -> FieldName {
    FieldName::parse(text).expect("framework codes are valid XLSForm names")
}

fn choices(items: &[(&str, Texts)]) -> Vec<ChoiceItem> {
    items
        .iter()
        .map(|(code, label)| ChoiceItem {
            name: code.to_string(),
            label: label.clone(),
            columns: Default::default(),
        })
        .collect()
}

fn question(code: &str, kind: Kind, label: Texts, required: bool) -> Question {
    Question { required, ..Question::new(name(code), kind, label) }
}

fn condition(source: &str) -> Condition {
    Condition::parse(source).expect("built-in conditions parse")
}

const SDG_NAMES: [(&str, &str, &str); 17] = [
    ("No poverty", "Fin de la pobreza", "Pas de pauvreté"),
    ("Zero hunger", "Hambre cero", "Faim « zéro »"),
    ("Good health and well-being", "Salud y bienestar", "Bonne santé et bien-être"),
    ("Quality education", "Educación de calidad", "Éducation de qualité"),
    ("Gender equality", "Igualdad de género", "Égalité entre les sexes"),
    ("Clean water and sanitation", "Agua limpia y saneamiento", "Eau propre et assainissement"),
    (
        "Affordable and clean energy",
        "Energía asequible y no contaminante",
        "Énergie propre et d'un coût abordable",
    ),
    (
        "Decent work and economic growth",
        "Trabajo decente y crecimiento económico",
        "Travail décent et croissance économique",
    ),
    (
        "Industry, innovation and infrastructure",
        "Industria, innovación e infraestructura",
        "Industrie, innovation et infrastructure",
    ),
    ("Reduced inequalities", "Reducción de las desigualdades", "Inégalités réduites"),
    (
        "Sustainable cities and communities",
        "Ciudades y comunidades sostenibles",
        "Villes et communautés durables",
    ),
    (
        "Responsible consumption and production",
        "Producción y consumo responsables",
        "Consommation et production responsables",
    ),
    ("Climate action", "Acción por el clima", "Lutte contre les changements climatiques"),
    ("Life below water", "Vida submarina", "Vie aquatique"),
    ("Life on land", "Vida de ecosistemas terrestres", "Vie terrestre"),
    (
        "Peace, justice and strong institutions",
        "Paz, justicia e instituciones sólidas",
        "Paix, justice et institutions efficaces",
    ),
    (
        "Partnerships for the goals",
        "Alianzas para lograr los objetivos",
        "Partenariats pour la réalisation des objectifs",
    ),
];

const BARRIER_CATEGORIES: [(&str, &str, &str, &str); 10] = [
    ("funding", "Funding", "Financiación", "Financement"),
    ("skills_talent", "Skills and talent", "Competencias y talento", "Compétences et talents"),
    (
        "regulation_procurement",
        "Regulation and procurement",
        "Regulación y contratación pública",
        "Réglementation et marchés publics",
    ),
    ("political_leadership", "Political leadership", "Liderazgo político", "Leadership politique"),
    (
        "internal_coordination",
        "Coordination between departments",
        "Coordinación entre departamentos",
        "Coordination entre services",
    ),
    ("digital_divide", "Digital divide", "Brecha digital", "Fracture numérique"),
    ("infrastructure", "Infrastructure", "Infraestructura", "Infrastructures"),
    ("data", "Data", "Datos", "Données"),
    ("partnerships", "Partnerships", "Alianzas", "Partenariats"),
    ("other", "Other", "Otro", "Autre"),
];

fn importance_levels() -> Vec<ChoiceItem> {
    [
        ("1 – very low", "1 – muy baja", "1 – très faible"),
        ("2 – low", "2 – baja", "2 – faible"),
        ("3 – medium", "3 – media", "3 – moyenne"),
        ("4 – high", "4 – alta", "4 – élevée"),
        ("5 – very high", "5 – muy alta", "5 – très élevée"),
    ]
    .iter()
    .enumerate()
    .map(|(i, (en, es, fr))| ChoiceItem {
        name: format!("l{}", i + 1),
        label: Texts::new(en, es, fr),
        columns: Default::default(),
    })
    .collect()
}

/// Integer answers for counts and years; decimals otherwise.
fn numeric_kind(unit: &str) -> Kind {
    match unit {
        "count" | "year" | "years" => Kind::Integer,
        _ => Kind::Decimal,
    }
}

fn numeric_constraint(unit: &str) -> (Condition, Texts) {
    match unit {
        "percent" => (
            condition(". >= 0 and . <= 100"),
            Texts::new(
                "A percentage between 0 and 100.",
                "Un porcentaje entre 0 y 100.",
                "Un pourcentage entre 0 et 100.",
            ),
        ),
        "year" => (
            condition(". >= 1900 and . <= 2100"),
            Texts::new("A year, such as 2019.", "Un año, por ejemplo 2019.", "Une année, par exemple 2019."),
        ),
        _ => (
            condition(". >= 0"),
            Texts::new(
                "A number of zero or more.",
                "Un número igual o mayor que cero.",
                "Un nombre positif ou nul.",
            ),
        ),
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{question}: {message}")]
/// Why a framework question could not become a questionnaire question.
pub struct GenerateError {
    /// The question's code.
    pub question: String,
    /// What is wrong.
    pub message: String,
}

/// The questionnaire of an edition, built from its framework.
pub fn from_framework(edition: &Edition, framework: &Framework) -> Result<Questionnaire, Vec<GenerateError>> {
    let mut lists: BTreeMap<String, Vec<ChoiceItem>> = BTreeMap::new();
    let mut errors = Vec::new();
    lists.insert(
        YES_NO.into(),
        choices(&[("yes", Texts::new("Yes", "Sí", "Oui")), ("no", Texts::new("No", "No", "Non"))]),
    );
    let mut items = vec![intro_note(edition)];
    for axis in &framework.axes {
        items.push(axis_group(axis, &mut lists, &mut errors));
    }
    shared_lists(framework, &mut lists);
    items.extend(repeat_groups());
    let questionnaire = Questionnaire {
        form_id: format!("smartcities_{}", edition.year),
        // XLSForm settings hold one title; the study's name is the same in every language.
        title: Texts([(Lang::En, format!("Smart Cities Study {}", edition.year))].into()),
        default_language: Lang::En,
        items,
        lists,
        non_answers: crate::non_answer::NonAnswers::NONE,
    };
    errors.extend(
        check_references(&questionnaire)
            .into_iter()
            .map(|(question, message)| GenerateError { question, message }),
    );
    if errors.is_empty() { Ok(questionnaire) } else { Err(errors) }
}

/// The note that opens the questionnaire, in the three languages.
fn intro_note(edition: &Edition) -> Item {
    Item::Note(Note {
        name: name("intro"),
        label: Texts::new(
            &format!(
                "Smart Cities Study {}: {}. Answer for your city. Leave a figure blank when it is not available.",
                edition.year, edition.title.en
            ),
            &format!(
                "Smart Cities Study {}: {}. Responda por su ciudad. Deje en blanco una cifra que no esté disponible.",
                edition.year, edition.title.es
            ),
            &format!(
                "Smart Cities Study {} : {}. Répondez pour votre ville. Laissez vide un chiffre qui n'est pas disponible.",
                edition.year, edition.title.fr
            ),
        ),
        relevant: None,
        other_texts: Default::default(),
    })
}

/// An axis as a group of its sub-areas, each a group of its questions; the lists their choices
/// use go into `lists`, conditions that do not parse into `errors`.
fn axis_group(
    axis: &smartcities_domain::Axis,
    lists: &mut BTreeMap<String, Vec<ChoiceItem>>,
    errors: &mut Vec<GenerateError>,
) -> Item {
    let mut sub_groups = Vec::new();
    for sub in &axis.sub_areas {
        let mut questions = Vec::new();
        for q in &sub.questions {
            let code = q.code.as_str();
            let mut item = framework_question(q, lists);
            if let Some(source) = &q.relevant {
                match Condition::parse(source) {
                    Ok(c) => item.relevant = Some(c),
                    Err(e) => errors
                        .push(GenerateError { question: code.into(), message: format!("relevant: {e}") }),
                }
            }
            questions.push(Item::Question(item));
        }
        sub_groups.push(Item::Group(Group {
            name: name(&format!("{}__{}", axis.code, sub.code)),
            label: Texts::from_localized(&sub.label),
            repeat: false,
            relevant: None,
            items: questions,
            other_texts: Default::default(),
        }));
    }
    Item::Group(Group {
        name: name(axis.code.as_str()),
        label: Texts::from_localized(&axis.label),
        repeat: false,
        relevant: None,
        items: sub_groups,
        other_texts: Default::default(),
    })
}

/// A framework question as a questionnaire question of its kind, with its choice list.
fn framework_question(
    q: &smartcities_domain::Question,
    lists: &mut BTreeMap<String, Vec<ChoiceItem>>,
) -> crate::model::Question {
    let code = q.code.as_str();
    let label = Texts::from_localized(&q.label);
    match &q.kind {
        QuestionKind::Numeric { unit, .. } => {
            let mut item = question(code, numeric_kind(unit), label, false);
            let (constraint, message) = numeric_constraint(unit);
            item.constraint = Some(constraint);
            item.constraint_message = message;
            // The unit in the reader's words; a plain count needs no hint.
            item.hint = Texts(
                Lang::ALL
                    .into_iter()
                    .map(|lang| (lang, smartcities_locale::unit_hint(lang, unit)))
                    .filter(|(_, hint)| !hint.is_empty())
                    .collect(),
            );
            item
        }
        QuestionKind::YesNo => question(code, Kind::YesNo, label, true),
        QuestionKind::Text => question(code, Kind::Text, label, false),
        QuestionKind::Ordinal { levels } => {
            let list = format!("{code}_levels");
            lists.insert(
                list.clone(),
                levels
                    .iter()
                    .enumerate()
                    .map(|(i, l)| ChoiceItem {
                        name: format!("l{}", i + 1),
                        label: Texts::from_localized(l),
                        columns: Default::default(),
                    })
                    .collect(),
            );
            question(code, Kind::Ordinal { list }, label, true)
        }
        QuestionKind::SingleChoice { options } | QuestionKind::MultipleChoice { options } => {
            lists.insert(
                code.to_string(),
                options
                    .iter()
                    .map(|o| ChoiceItem {
                        name: o.code.to_string(),
                        label: Texts::from_localized(&o.label),
                        columns: Default::default(),
                    })
                    .collect(),
            );
            let single = matches!(q.kind, QuestionKind::SingleChoice { .. });
            let kind = if single {
                Kind::SelectOne { list: code.to_string() }
            } else {
                Kind::SelectMultiple { list: code.to_string() }
            };
            question(code, kind, label, single)
        }
    }
}

/// The lists the repeat groups choose from: axes, SDGs, barrier or enabler, categories, importance.
fn shared_lists(framework: &Framework, lists: &mut BTreeMap<String, Vec<ChoiceItem>>) {
    lists.insert(
        "axes".into(),
        framework
            .axes
            .iter()
            .map(|a| ChoiceItem {
                name: a.code.to_string(),
                label: Texts::from_localized(&a.label),
                columns: Default::default(),
            })
            .collect(),
    );
    lists.insert(
        "sdgs".into(),
        SDG_NAMES
            .iter()
            .enumerate()
            .map(|(i, (en, es, fr))| ChoiceItem {
                name: format!("sdg{:02}", i + 1),
                label: Texts::new(
                    &format!("SDG {} – {en}", i + 1),
                    &format!("ODS {} – {es}", i + 1),
                    &format!("ODD {} – {fr}", i + 1),
                ),
                columns: Default::default(),
            })
            .collect(),
    );
    lists.insert(
        "barrier_enabler".into(),
        choices(&[
            ("barrier", Texts::new("Barrier", "Barrera", "Frein")),
            ("enabler", Texts::new("Enabler", "Facilitador", "Levier")),
        ]),
    );
    lists.insert(
        "be_categories".into(),
        BARRIER_CATEGORIES
            .iter()
            .map(|(c, en, es, fr)| ChoiceItem {
                name: c.to_string(),
                label: Texts::new(en, es, fr),
                columns: Default::default(),
            })
            .collect(),
    );
    lists.insert("importance".into(), importance_levels());
}

/// The repeat groups every edition asks: good practices, and barriers and enablers.
fn repeat_groups() -> [Item; 2] {
    let text = |code: &str, en: &str, es: &str, fr: &str, required: bool| {
        Item::Question(question(code, Kind::Text, Texts::new(en, es, fr), required))
    };
    let select = |code: &str, kind: Kind, en: &str, es: &str, fr: &str, required: bool| {
        Item::Question(question(code, kind, Texts::new(en, es, fr), required))
    };
    let practices = Item::Group(Group {
        name: name("good_practices"),
        label: Texts::new("Good practices", "Buenas prácticas", "Bonnes pratiques"),
        repeat: true,
        relevant: None,
        items: vec![
            text("gp_title", "Title of the practice", "Título de la práctica", "Titre de la pratique", true),
            select("gp_axis", Kind::SelectOne { list: "axes".into() }, "Axis", "Eje", "Axe", true),
            text(
                "gp_summary",
                "What it does and what it achieved",
                "Qué hace y qué ha logrado",
                "Ce qu'elle fait et ce qu'elle a obtenu",
                false,
            ),
            select(
                "gp_sdgs",
                Kind::SelectMultiple { list: "sdgs".into() },
                "SDGs it contributes to",
                "ODS a los que contribuye",
                "ODD auxquels elle contribue",
                false,
            ),
            text(
                "gp_transferability",
                "How could another city reuse it?",
                "¿Cómo podría reutilizarla otra ciudad?",
                "Comment une autre ville pourrait-elle la reprendre ?",
                false,
            ),
            text(
                "gp_link",
                "Link to more information",
                "Enlace a más información",
                "Lien vers plus d'informations",
                false,
            ),
        ],
        other_texts: Default::default(),
    });
    let barriers_enablers = Item::Group(Group {
        name: name("barriers_enablers"),
        label: Texts::new("Barriers and enablers", "Barreras y facilitadores", "Freins et leviers"),
        repeat: true,
        relevant: None,
        items: vec![
            select(
                "be_type",
                Kind::SelectOne { list: "barrier_enabler".into() },
                "Barrier or enabler?",
                "¿Barrera o facilitador?",
                "Frein ou levier ?",
                true,
            ),
            select(
                "be_category",
                Kind::SelectOne { list: "be_categories".into() },
                "Category",
                "Categoría",
                "Catégorie",
                true,
            ),
            text("be_description", "Describe it", "Descríbalo", "Décrivez-le", false),
            select(
                "be_importance",
                Kind::Ordinal { list: "importance".into() },
                "Importance",
                "Importancia",
                "Importance",
                false,
            ),
            select(
                "be_axis",
                Kind::SelectOne { list: "axes".into() },
                "Axis it mainly affects",
                "Eje al que afecta principalmente",
                "Axe principalement concerné",
                false,
            ),
        ],
        other_texts: Default::default(),
    });
    // An entry either exists or not: its questions never take "don't know", whatever the
    // questionnaire offers elsewhere.
    let mut groups = [practices, barriers_enablers];
    for group in &mut groups {
        if let Item::Group(group) = group {
            for item in &mut group.items {
                if let Item::Question(question) = item {
                    question.non_answers = Some(crate::non_answer::NonAnswers::NONE);
                }
            }
        }
    }
    groups
}
