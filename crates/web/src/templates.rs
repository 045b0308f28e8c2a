//! The minijinja environment: templates embedded in the binary, `t()` for translations and
//! `number` for locale-aware figures. The language comes from the `lang` context variable.

use minijinja::{Environment, State, Value, value::Kwargs};
use smartcities_domain::Lang;
use smartcities_locale::FluentValue;

use crate::i18n;

// Every file of `templates/`, listed by the build script (`build.rs`), which also fails the
// build when the code names a template that has no file.
include!(concat!(env!("OUT_DIR"), "/templates.rs"));

fn lang_of(state: &State) -> Lang {
    state.lookup("lang").and_then(|v| v.as_str().and_then(Lang::from_tag)).unwrap_or_default()
}

fn translate(state: &State, key: &str, kwargs: Kwargs) -> Result<String, minijinja::Error> {
    let mut args: Vec<(&str, FluentValue<'static>)> = Vec::new();
    for name in kwargs.args() {
        let value: Value = kwargs.get(name)?;
        let fluent = match i64::try_from(value.clone()) {
            Ok(n) => FluentValue::from(n),
            Err(_) => FluentValue::from(value.to_string()),
        };
        args.push((name, fluent));
    }
    Ok(i18n::translate(lang_of(state), key, &args))
}

/// Thousands separators as each language writes them: 1,762,949 · 1.762.949 · 1 762 949.
pub fn format_number(lang: Lang, n: i64) -> String {
    let separator = match lang {
        Lang::En => ",",
        Lang::Es => ".",
        Lang::Fr => "\u{202f}",
    };
    let digits = n.unsigned_abs().to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push_str(separator);
        }
        out.push(c);
    }
    if n < 0 { format!("-{out}") } else { out }
}

pub fn environment() -> Environment<'static> {
    let mut env = Environment::new();
    for (name, source) in TEMPLATES {
        env.add_template(name, source).expect("the embedded templates compile");
    }
    env.add_function("t", translate);
    env.add_filter("number", |state: &State, n: i64| format_number(lang_of(state), n));
    env.add_filter("colon", |state: &State, text: String| i18n::with_colon(lang_of(state), &text));
    env
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_grouped_per_language() {
        assert_eq!(format_number(Lang::En, 1_762_949), "1,762,949");
        assert_eq!(format_number(Lang::Es, 1_762_949), "1.762.949");
        assert_eq!(format_number(Lang::Fr, 1_762_949), "1\u{202f}762\u{202f}949");
        assert_eq!(format_number(Lang::En, 999), "999");
        assert_eq!(format_number(Lang::En, -1000), "-1,000");
    }

    #[test]
    fn templates_translate_with_arguments() {
        let env = environment();
        let out = env
            .render_str(
                "{{ t('edition-participants', count=n) }} · {{ p|number }}",
                minijinja::context! { lang => "es", n => 35, p => 12400232 },
            )
            .unwrap();
        assert_eq!(out, "35 ciudades participantes · 12.400.232");
        let label = |lang: &str| {
            env.render_str("{{ t('evidence')|colon }}", minijinja::context! { lang => lang }).unwrap()
        };
        assert_eq!(label("fr"), "Preuve\u{a0}:");
        assert_eq!(label("es"), "Evidencia:");
    }

    #[test]
    fn every_scrolling_region_is_focusable_and_labelled() {
        // A wide table or chart scrolls inside its own box on a phone; keyboard users reach it
        // only if the box takes focus, and screen readers announce it by its label.
        for (name, source) in TEMPLATES {
            for class in ["table-wrap", "chart-scroll"] {
                for tag in source
                    .split("<div class=\"")
                    .skip(1)
                    .filter(|rest| rest.starts_with(&format!("{class}\"")))
                {
                    let tag = tag.split('>').next().unwrap_or_default();
                    assert!(
                        tag.contains("tabindex=\"0\"")
                            && tag.contains("role=\"region\"")
                            && tag.contains("aria-label"),
                        "{name}: <div class=\"{tag}>"
                    );
                }
            }
        }
    }
}
