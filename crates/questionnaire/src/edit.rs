//! Changes the web editor makes to a questionnaire: renaming a question (with every condition
//! that refers to it), adding and removing one, finding one to change.

use crate::model::{Condition, FieldName, Group, Item, Kind, Question, Questionnaire, Texts, YES_NO};

impl Question {
    /// A question with a name, a kind and a label, and nothing else yet: optional, always
    /// asked, unconstrained, no hint, the questionnaire's non-answers.
    pub fn new(name: FieldName, kind: Kind, label: Texts) -> Question {
        Question {
            name,
            kind,
            label,
            hint: Texts::default(),
            required: false,
            relevant: None,
            constraint: None,
            constraint_message: Texts::default(),
            default: None,
            choice_filter: None,
            other_texts: Default::default(),
            non_answers: None,
        }
    }
}

impl Questionnaire {
    /// Gives a question a new name, and rewrites `${old}` in every condition that refers to it.
    /// Answers are keyed by name, so the store must carry them along in the same step.
    pub fn rename_question(&mut self, old: &str, new: &FieldName) -> Result<(), String> {
        if self.questions().iter().any(|l| l.question.name == *new) {
            return Err(format!("a question named {new} already exists"));
        }
        if self.question(old).is_none() {
            return Err(format!("no question named {old}"));
        }
        fn rewrite(condition: &mut Option<Condition>, old: &str, new: &str) -> Result<(), String> {
            if let Some(c) = condition {
                let source = c.source.replace(&format!("${{{old}}}"), &format!("${{{new}}}"));
                *c = Condition::parse(&source).map_err(|e| e.to_string())?;
            }
            Ok(())
        }
        fn walk(items: &mut [Item], old: &str, new: &FieldName) -> Result<(), String> {
            for item in items {
                match item {
                    Item::Question(q) => {
                        if q.name.as_str() == old {
                            q.name = new.clone();
                        }
                        rewrite(&mut q.relevant, old, new.as_str())?;
                        rewrite(&mut q.constraint, old, new.as_str())?;
                        if let Some(filter) = &mut q.choice_filter {
                            let source =
                                filter.source.replace(&format!("${{{old}}}"), &format!("${{{new}}}"));
                            *filter = Condition::parse_filter(&source).map_err(|e| e.to_string())?;
                        }
                    }
                    Item::Note(n) => rewrite(&mut n.relevant, old, new.as_str())?,
                    Item::Calculate(c) => {
                        let mut calculation = Some(c.calculation.clone());
                        rewrite(&mut calculation, old, new.as_str())?;
                        c.calculation = calculation.expect("rewritten in place");
                        rewrite(&mut c.relevant, old, new.as_str())?;
                    }
                    Item::Group(g) => {
                        rewrite(&mut g.relevant, old, new.as_str())?;
                        walk(&mut g.items, old, new)?;
                    }
                }
            }
            Ok(())
        }
        walk(&mut self.items, old, new)
    }

    /// The question with this name, to change in place.
    pub fn question_mut(&mut self, name: &str) -> Option<&mut Question> {
        fn walk<'q>(items: &'q mut [Item], name: &str) -> Option<&'q mut Question> {
            for item in items {
                match item {
                    Item::Question(q) if q.name.as_str() == name => return Some(q),
                    Item::Group(g) => {
                        if let Some(found) = walk(&mut g.items, name) {
                            return Some(found);
                        }
                    }
                    _ => {}
                }
            }
            None
        }
        walk(&mut self.items, name)
    }

    /// Appends a question to the group named `group`. Names are unique across the whole form.
    pub fn add_question(&mut self, group: &str, question: Question) -> Result<(), String> {
        if self.item_names().contains(&question.name.as_str()) {
            return Err(format!("the name {} is already used in this questionnaire", question.name));
        }
        if let Some(list) = question.kind.list()
            && list != YES_NO
            && !self.lists.contains_key(list)
        {
            return Err(format!("no choice list named {list}"));
        }
        if question.kind == Kind::YesNo && !self.lists.contains_key(YES_NO) {
            return Err(format!("no choice list named {YES_NO}"));
        }
        fn find<'q>(items: &'q mut [Item], group: &str) -> Option<&'q mut Group> {
            items.iter_mut().find_map(|item| match item {
                Item::Group(g) => {
                    if g.name.as_str() == group {
                        Some(g)
                    } else {
                        find(&mut g.items, group)
                    }
                }
                _ => None,
            })
        }
        let target = find(&mut self.items, group).ok_or_else(|| format!("no group named {group}"))?;
        target.items.push(Item::Question(question));
        Ok(())
    }

    /// Takes a question out of the form.
    pub fn remove_question(&mut self, name: &str) -> Option<Question> {
        fn walk(items: &mut Vec<Item>, name: &str) -> Option<Question> {
            if let Some(i) =
                items.iter().position(|it| matches!(it, Item::Question(q) if q.name.as_str() == name))
            {
                return match items.remove(i) {
                    Item::Question(q) => Some(q),
                    _ => None,
                };
            }
            items.iter_mut().find_map(|it| match it {
                Item::Group(g) => walk(&mut g.items, name),
                _ => None,
            })
        }
        walk(&mut self.items, name)
    }

    /// The names of every question, note and group.
    fn item_names(&self) -> Vec<&str> {
        fn walk<'q>(items: &'q [Item], out: &mut Vec<&'q str>) {
            for item in items {
                out.push(item.name().as_str());
                if let Item::Group(g) = item {
                    walk(&g.items, out);
                }
            }
        }
        let mut out = Vec::new();
        walk(&self.items, &mut out);
        out
    }
}
