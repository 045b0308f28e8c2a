use serde::{Deserialize, Serialize};

/// The languages the study is run in. English is the default; Spanish is the language of the
/// community's secretariat; French was offered to respondents from 2017 on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    /// English.
    En,
    /// Spanish.
    Es,
    /// French.
    Fr,
}

impl Lang {
    /// The three languages of the study.
    pub const ALL: [Lang; 3] = [Lang::En, Lang::Es, Lang::Fr];

    /// The BCP 47 code, as used in `lang` attributes, `?lang=` and cookies.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Es => "es",
            Lang::Fr => "fr",
        }
    }

    /// The language's own name, for a language switcher.
    pub fn endonym(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::Es => "Español",
            Lang::Fr => "Français",
        }
    }

    /// The study language a text is most likely written in, by its commonest short words;
    /// `None` when no language's words clearly dominate (a title of two nouns).
    pub fn guess(text: &str) -> Option<Lang> {
        const WORDS: [(Lang, &[&str]); 3] = [
            (Lang::En, &["the", "and", "of", "to", "for", "with", "is", "in", "on", "our", "by", "from"]),
            (
                Lang::Es,
                &["el", "la", "los", "las", "de", "del", "y", "que", "para", "con", "en", "una", "por"],
            ),
            (
                Lang::Fr,
                &["le", "la", "les", "des", "du", "et", "pour", "avec", "une", "en", "dans", "sur", "aux"],
            ),
        ];
        let mut counts = [0usize; 3];
        for word in text.split(|c: char| !c.is_alphabetic()).filter(|w| !w.is_empty()) {
            let word = word.to_lowercase();
            for (i, (_, common)) in WORDS.iter().enumerate() {
                counts[i] += usize::from(common.contains(&word.as_str()));
            }
        }
        let best = (0..3).max_by_key(|i| counts[*i])?;
        let clear = counts[best] > 0 && (0..3).all(|i| i == best || counts[i] < counts[best]);
        clear.then_some(WORDS[best].0)
    }

    /// Parses a language tag such as `es`, `es-AR` or `FR`; region and case are ignored.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let primary = tag.trim().split(['-', '_']).next()?.to_ascii_lowercase();
        match primary.as_str() {
            "en" => Some(Lang::En),
            "es" => Some(Lang::Es),
            "fr" => Some(Lang::Fr),
            _ => None,
        }
    }

    /// The best supported language of an HTTP `Accept-Language` header, honouring `q` weights.
    pub fn from_accept_language(header: &str) -> Option<Lang> {
        let mut best: Option<(Lang, f32)> = None;
        for item in header.split(',') {
            let mut parts = item.split(';');
            let Some(lang) = parts.next().and_then(Lang::from_tag) else {
                continue;
            };
            let weight = parts
                .find_map(|p| p.trim().strip_prefix("q="))
                .and_then(|q| q.trim().parse::<f32>().ok())
                .unwrap_or(1.0);
            if weight > 0.0 && best.is_none_or(|(_, w)| weight > w) {
                best = Some((lang, weight));
            }
        }
        best.map(|(lang, _)| lang)
    }
}

/// A text given in each of the study's three languages. All three are required: a label missing
/// in one language would leave a respondent with an empty question.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Localized {
    /// In English.
    pub en: String,
    /// In Spanish.
    pub es: String,
    /// In French.
    pub fr: String,
}

impl Localized {
    /// The text in `lang`.
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::En => &self.en,
            Lang::Es => &self.es,
            Lang::Fr => &self.fr,
        }
    }

    /// The first language whose text is blank, if any.
    pub fn missing(&self) -> Option<Lang> {
        Lang::ALL.into_iter().find(|&l| self.get(l).trim().is_empty())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_text_s_language_is_guessed_from_its_common_words() {
        assert_eq!(Lang::guess("Carriles bici y autobuses para la movilidad de la ciudad"), Some(Lang::Es));
        assert_eq!(
            Lang::guess("Une plateforme pour les données et la participation des habitants"),
            Some(Lang::Fr)
        );
        assert_eq!(Lang::guess("Residents vote on the budget of their district"), Some(Lang::En));
        assert_eq!(Lang::guess("Bicing"), None);
    }

    #[test]
    fn tags_ignore_region_and_case() {
        assert_eq!(Lang::from_tag("es-AR"), Some(Lang::Es));
        assert_eq!(Lang::from_tag("FR"), Some(Lang::Fr));
        assert_eq!(Lang::from_tag("de"), None);
    }

    #[test]
    fn accept_language_picks_the_highest_supported_weight() {
        assert_eq!(Lang::from_accept_language("de-DE,fr;q=0.4,es;q=0.8"), Some(Lang::Es));
        assert_eq!(Lang::from_accept_language("fr-CA, en;q=0.9"), Some(Lang::Fr));
        assert_eq!(Lang::from_accept_language("de, it;q=0.5"), None);
        assert_eq!(Lang::from_accept_language("es;q=0, en;q=0.1"), Some(Lang::En));
    }

    #[test]
    fn missing_names_the_blank_language() {
        let text = Localized { en: "Economy".into(), es: "Economía".into(), fr: " ".into() };
        assert_eq!(text.missing(), Some(Lang::Fr));
    }
}
