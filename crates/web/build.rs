//! Embeds every template of `templates/` in the binary, so a page can never name a template
//! that was left out of a hand-kept list. The build fails when a source file or a template names
//! a template (`"name.html"`) that has no file.

use std::{collections::BTreeSet, env, fs, path::Path};

/// Every `"something.html"` string literal (or quoted name in a template tag) in `text`.
fn named_templates(text: &str) -> BTreeSet<String> {
    let mut names = BTreeSet::new();
    let bytes = text.as_bytes();
    let mut at = 0;
    while let Some(found) = text[at..].find(".html\"") {
        let end = at + found + ".html".len();
        let mut start = end - ".html".len();
        while start > 0 && (bytes[start - 1].is_ascii_alphanumeric() || bytes[start - 1] == b'_') {
            start -= 1;
        }
        if start > 0 && bytes[start - 1] == b'"' && start < end - ".html".len() {
            names.insert(text[start..end].to_string());
        }
        at = end + 1;
    }
    names
}

fn main() {
    // Read when the script runs, not baked in when it is compiled: a build script compiled for
    // one checkout may be run for another sharing the build cache.
    let manifest = std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR");
    let root = Path::new(&manifest);
    let dir = root.join("templates");
    println!("cargo:rerun-if-changed={}", dir.display());
    println!("cargo:rerun-if-changed={}", root.join("src").display());
    let mut files: Vec<String> = fs::read_dir(&dir)
        .expect("the templates folder")
        .map(|entry| entry.expect("a template file").file_name().to_string_lossy().into_owned())
        .filter(|name| name.ends_with(".html"))
        .collect();
    files.sort();

    let mut named = BTreeSet::new();
    for name in &files {
        let text = fs::read_to_string(dir.join(name)).expect("a template in UTF-8");
        named.extend(named_templates(&text));
    }
    for entry in fs::read_dir(root.join("src")).expect("the source folder") {
        let path = entry.expect("a source file").path();
        if path.extension().is_some_and(|e| e == "rs") {
            named.extend(named_templates(&fs::read_to_string(&path).expect("a source file in UTF-8")));
        }
    }
    let missing: Vec<&String> = named.iter().filter(|n| !files.contains(n)).collect();
    assert!(missing.is_empty(), "templates named in the code but missing from templates/: {missing:?}");

    let mut out = String::from("/// Every template of `templates/`, by file name.\n");
    out.push_str("pub(crate) const TEMPLATES: &[(&str, &str)] = &[\n");
    for name in &files {
        let path = dir.join(name);
        out.push_str(&format!("    ({name:?}, include_str!({:?})),\n", path.display().to_string()));
    }
    out.push_str("];\n");
    let target = Path::new(&env::var("OUT_DIR").expect("OUT_DIR")).join("templates.rs");
    fs::write(target, out).expect("the generated template list");
}
