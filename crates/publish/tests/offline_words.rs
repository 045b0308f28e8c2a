//! The published site's offline catalogue makes the same words as the platform's search index:
//! its scripts (`assets/site/words.js` with the page language's Snowball stemmer), run in Node,
//! against `smartcities_search::words` on the demonstration's practices in three languages and
//! on words chosen for their accents, ligatures and plurals.

// Each test target sees every dependency of its package.
#![allow(unused_crate_dependencies)]

use std::{io::Write, path::Path, process::Command};

use smartcities_domain::Lang;
use smartcities_search::words::Words;

const PRACTICES: &str = include_str!("../../../data/demo/practices.toml");

/// Words whose folding or stemming is easy to get wrong.
const TRICKY: &str = "Vélos vélo mobilité Mobilités réseaux jeux locaux bureaux processus express \
    œuvre cœur Œuvres ŒUVRE Ærø straße Łódź Ñandú año años participación Participativos \
    gobernanza ciudades ÉCONOMIE économies circulaires naïve façade budgets budgeting \
    universities generous communities cycling lanes 45,5 2024 CO₂ ﬁnance señalización \
    électriques énergie Énergies crèches garçons ça où l'énergie d'accès aujourd'hui \
    pingüino vergüenza acción Acciones niños jóvenes";

fn script(name: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/site").join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// What the site's scripts make of `text` in `lang`: (stem, plain) per word.
fn in_node(lang: Lang, text: &str) -> Vec<(String, String)> {
    let program = format!(
        "{base}\n{stemmer}\n{words}\n\
         const analyse = SiteWords.make({lang:?}, SnowballStemmer);\n\
         let input = '';\n\
         process.stdin.on('data', d => input += d);\n\
         process.stdin.on('end', () => console.log(JSON.stringify(analyse(input).map(w => [w.stem, w.plain]))));\n",
        base = script("snowball/base.js"),
        stemmer = script(&format!("snowball/stem-{}.js", lang.code())),
        words = script("words.js"),
        lang = lang.code(),
    );
    let mut child = Command::new("node")
        .args(["-e", &program])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .expect("node runs");
    child.stdin.take().unwrap().write_all(text.as_bytes()).unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "node failed");
    serde_json::from_slice(&out.stdout).expect("the script prints its words")
}

#[test]
#[ignore = "needs node (apt-get install nodejs)"]
fn the_offline_catalogue_makes_the_index_words_in_each_language() {
    let text = format!("{PRACTICES}\n{TRICKY}");
    let mut words = Words::default();
    let plain = words.of(None, &text);
    assert!(plain.len() > 3_000, "a sample of {} words is too small", plain.len());
    for lang in Lang::ALL {
        let stems = words.of(Some(lang), &text);
        let site = in_node(lang, &text);
        let (site_stems, site_plain): (Vec<String>, Vec<String>) = site.into_iter().unzip();
        assert_eq!(site_plain.len(), plain.len(), "{lang:?}: as many words folded");
        for (i, (server, offline)) in plain.iter().zip(&site_plain).enumerate() {
            assert_eq!(server, offline, "{lang:?}: word {i} folds apart");
        }
        for (i, (server, offline)) in stems.iter().zip(&site_stems).enumerate() {
            assert_eq!(server, offline, "{lang:?}: word {i} ({}) stems apart", plain[i]);
        }
    }
}
