//! Consistency of a questionnaire as a whole: unique names, existing choice lists, and
//! `${…}` references that point at questions of the form.

use std::collections::HashSet;

use crate::model::{Condition, Item, Questionnaire};

/// Every problem as (element name, message).
pub fn check_references(questionnaire: &Questionnaire) -> Vec<(String, String)> {
    let mut problems = Vec::new();
    let mut names = HashSet::new();
    let mut questions = HashSet::new();
    fn collect<'q>(
        items: &'q [Item],
        names: &mut HashSet<&'q str>,
        questions: &mut HashSet<&'q str>,
        problems: &mut Vec<(String, String)>,
    ) {
        for item in items {
            let name = item.name().as_str();
            if !names.insert(name) {
                problems.push((name.to_string(), "this name is used more than once in the form".into()));
            }
            match item {
                // Conditions may refer to questions and to calculations.
                Item::Question(_) | Item::Calculate(_) => {
                    questions.insert(name);
                }
                Item::Group(g) => collect(&g.items, names, questions, problems),
                Item::Note(_) => {}
            }
        }
    }
    collect(&questionnaire.items, &mut names, &mut questions, &mut problems);

    let check = |owner: &str,
                 what: &str,
                 condition: &Option<Condition>,
                 problems: &mut Vec<(String, String)>| {
        if let Some(c) = condition {
            for reference in c.expr.references() {
                if !questions.contains(reference) {
                    problems.push((
                        owner.to_string(),
                        format!(
                            "{what} refers to ${{{reference}}}, which is not a question or calculation of this form"
                        ),
                    ));
                }
            }
        }
    };
    fn walk(items: &[Item], visit: &mut dyn FnMut(&Item)) {
        for item in items {
            visit(item);
            if let Item::Group(g) = item {
                walk(&g.items, visit);
            }
        }
    }
    walk(&questionnaire.items, &mut |item| match item {
        Item::Question(q) => {
            check(q.name.as_str(), "relevant", &q.relevant, &mut problems);
            check(q.name.as_str(), "constraint", &q.constraint, &mut problems);
            check(q.name.as_str(), "choice_filter", &q.choice_filter, &mut problems);
            if let Some(list) = q.kind.list()
                && !questionnaire.lists.contains_key(list)
            {
                problems.push((q.name.to_string(), format!("the choice list {list:?} does not exist")));
            }
        }
        Item::Note(n) => check(n.name.as_str(), "relevant", &n.relevant, &mut problems),
        Item::Calculate(c) => {
            check(c.name.as_str(), "calculation", &Some(c.calculation.clone()), &mut problems);
            check(c.name.as_str(), "relevant", &c.relevant, &mut problems);
        }
        Item::Group(g) => check(g.name.as_str(), "relevant", &g.relevant, &mut problems),
    });
    problems
}
