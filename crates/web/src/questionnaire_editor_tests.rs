//! The questionnaire editor's form reading.
use super::{Fields, apply_edit, kind_of};
use smartcities_app::questionnaire::{Kind, from_framework};
use smartcities_domain::{EditionFile, Lang};

fn fields(pairs: &[(&str, &str)]) -> Fields {
    pairs.iter().map(|(k, v)| ((*k).to_string(), vec![(*v).to_string()])).collect()
}

fn questionnaire() -> smartcities_app::questionnaire::Questionnaire {
    let file = EditionFile::parse(include_str!("../../../data/editions/2017.toml")).unwrap();
    from_framework(&file.edition, &file.framework).unwrap()
}

#[test]
fn an_edit_changes_texts_logic_and_name() {
    let mut q = questionnaire();
    let renamed = apply_edit(
        Lang::En,
        &mut q,
        "s3_formalised",
        &fields(&[
            ("name", "s3_formal"),
            ("label.en", "Is the strategy formally adopted?"),
            ("label.es", "¿Está la estrategia aprobada formalmente?"),
            ("relevant", "${has_s3_strategy} = 'yes'"),
            ("required", "on"),
        ]),
    )
    .unwrap();
    assert_eq!(renamed.unwrap().as_str(), "s3_formal");
    let question = q.question("s3_formal").unwrap();
    assert_eq!(question.label.0.len(), 2, "an empty language is left out");
    assert!(question.required);
}

#[test]
fn every_problem_of_an_edit_is_named() {
    let mut q = questionnaire();
    let errors = apply_edit(
        Lang::En,
        &mut q,
        "s3_formalised",
        &fields(&[
            ("name", "2bad"),
            ("label.es", "Sólo en español"),
            ("relevant", "${has_s3_strategy} = "),
            ("constraint", "${nowhere} > 1"),
        ]),
    )
    .unwrap_err();
    let text = errors.join("\n");
    assert!(text.contains("Shown when"), "{text}");
    assert!(text.contains("Name"), "{text}");
    assert!(text.contains("Label"), "{text}");
    assert!(text.contains("nowhere"), "{text}");
}

#[test]
fn add_form_types_map_to_kinds() {
    assert_eq!(kind_of("yes_no"), Some(Kind::YesNo));
    assert_eq!(kind_of("select_multiple:barriers"), Some(Kind::SelectMultiple { list: "barriers".into() }));
    assert_eq!(kind_of("rank"), None);
}

#[test]
fn an_edit_sets_or_clears_a_questions_own_non_answers_and_a_form_without_the_field_keeps_them() {
    use smartcities_app::questionnaire::NonAnswers;
    let mut q = questionnaire();
    let edit = |q: &mut smartcities_app::questionnaire::Questionnaire, pairs: &[(&str, &str)]| {
        let mut all = vec![("name", "s3_formalised"), ("label.en", "Formally adopted?")];
        all.extend_from_slice(pairs);
        apply_edit(Lang::En, q, "s3_formalised", &fields(&all))
    };
    edit(&mut q, &[("non_answers", "dont_know")]).unwrap();
    let only = Some(NonAnswers { dont_know: true, not_applicable: false });
    assert_eq!(q.question("s3_formalised").unwrap().non_answers, only);
    edit(&mut q, &[]).unwrap();
    assert_eq!(q.question("s3_formalised").unwrap().non_answers, only, "kept by a form without the field");
    edit(&mut q, &[("non_answers", "")]).unwrap();
    assert_eq!(q.question("s3_formalised").unwrap().non_answers, None, "back to the questionnaire's");
    let errors = edit(&mut q, &[("non_answers", "perhaps")]).unwrap_err();
    assert!(errors.join(" ").contains("perhaps"), "{errors:?}");
}
