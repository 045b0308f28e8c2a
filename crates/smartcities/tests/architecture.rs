//! The shape of the workspace, checked: the adapters reach the data only through the
//! application, no crate's modules import each other in a circle, and every command line the
//! README shows parses with the command's own parser.

// Each test, bench and example target sees every dependency of its package.
#![allow(unused_crate_dependencies)]

use std::{
    collections::{BTreeMap, BTreeSet},
    path::{Path, PathBuf},
};

use clap::Parser;

fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The crates named in a manifest's `[dependencies]` table.
fn dependencies(manifest: &str) -> Vec<String> {
    let text = std::fs::read_to_string(workspace().join(manifest)).unwrap();
    let mut names = Vec::new();
    let mut inside = false;
    for line in text.lines() {
        let line = line.trim();
        if line.starts_with('[') {
            inside = line == "[dependencies]";
            continue;
        }
        if inside && let Some((name, _)) = line.split_once('=') {
            names.push(name.trim().trim_end_matches(".workspace").to_string());
        }
    }
    names
}

#[test]
fn the_adapters_reach_the_data_only_through_the_application() {
    let engines = [
        "smartcities-store",
        "smartcities-analysis",
        "smartcities-search",
        "smartcities-questionnaire",
        "smartcities-collect",
    ];
    for manifest in ["crates/web/Cargo.toml", "crates/smartcities/Cargo.toml"] {
        let deps = dependencies(manifest);
        assert!(deps.iter().any(|d| d == "smartcities-app"), "{manifest} uses the application");
        for engine in engines {
            assert!(
                !deps.iter().any(|d| d == engine),
                "{manifest} depends on {engine}: go through smartcities-app"
            );
        }
    }
    // And no adapter source reaches for the store by another path.
    for dir in ["crates/web/src", "crates/smartcities/src"] {
        for (path, text) in sources(&workspace().join(dir)) {
            assert!(!text.contains(".store()"), "{} calls App::store()", path.display());
            assert!(!text.contains("state.store"), "{} reads AppState.store", path.display());
        }
    }
    let app = std::fs::read_to_string(workspace().join("crates/app/src/lib.rs")).unwrap();
    assert!(!app.contains("pub fn store("), "the application keeps its store to itself");
}

/// Every `.rs` file under `dir`, with its text.
fn sources(dir: &Path) -> Vec<(PathBuf, String)> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            out.extend(sources(&path));
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push((path.clone(), std::fs::read_to_string(&path).unwrap()));
        }
    }
    out
}

/// The crate's top-level module a source file belongs to (`lib` for the crate root).
fn module_of(src: &Path, path: &Path) -> String {
    let relative = path.strip_prefix(src).unwrap();
    let first = relative.components().next().unwrap().as_os_str().to_string_lossy().into_owned();
    first.trim_end_matches(".rs").to_string()
}

/// The top-level modules a source file names through `crate::`, tests aside.
fn imports(text: &str) -> BTreeSet<String> {
    let code = text.split("#[cfg(test)]").next().unwrap_or(text);
    let mut out = BTreeSet::new();
    let mut rest = code;
    while let Some(at) = rest.find("crate::") {
        let after = &rest[at + "crate::".len()..];
        let name: String = after.chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect();
        if !name.is_empty() && name.chars().next().is_some_and(char::is_lowercase) {
            out.insert(name);
        }
        // `use crate::{a, b::c}`: every first segment of the group.
        if after.starts_with('{') {
            // The group runs to its matching brace.
            let mut depth = 0;
            let mut end = after.len();
            for (i, c) in after.char_indices() {
                match c {
                    '{' => depth += 1,
                    '}' => {
                        depth -= 1;
                        if depth == 0 {
                            end = i;
                            break;
                        }
                    }
                    _ => {}
                }
            }
            let group = &after[1..end];
            let mut depth = 0;
            let mut item = String::new();
            for c in group.chars() {
                match c {
                    '{' => depth += 1,
                    '}' => depth -= 1,
                    ',' if depth == 0 => {
                        let first: String =
                            item.trim().chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect();
                        if first.chars().next().is_some_and(char::is_lowercase) {
                            out.insert(first);
                        }
                        item.clear();
                        continue;
                    }
                    _ => {}
                }
                if depth == 0 {
                    item.push(c);
                }
            }
            let first: String =
                item.trim().chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect();
            if first.chars().next().is_some_and(char::is_lowercase) {
                out.insert(first);
            }
        }
        rest = after;
    }
    out
}

#[test]
fn no_crate_has_an_import_circle_between_its_modules() {
    let mut circles = Vec::new();
    for entry in std::fs::read_dir(workspace().join("crates")).unwrap() {
        let src = entry.unwrap().path().join("src");
        if !src.is_dir() {
            continue;
        }
        let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
        for (path, text) in sources(&src) {
            let module = module_of(&src, &path);
            let edges = graph.entry(module.clone()).or_default();
            for target in imports(&text) {
                if target != module && target != "lib" {
                    edges.insert(target);
                }
            }
        }
        let modules: BTreeSet<String> = graph.keys().cloned().collect();
        for edges in graph.values_mut() {
            edges.retain(|m| modules.contains(m));
        }
        // A module reaching itself again through the others is a circle.
        for start in graph.keys() {
            let mut seen = BTreeSet::new();
            let mut stack: Vec<(String, Vec<String>)> = vec![(start.clone(), vec![start.clone()])];
            while let Some((at, trail)) = stack.pop() {
                for next in &graph[&at] {
                    if next == start {
                        let mut circle = trail.clone();
                        circle.push(start.clone());
                        circles.push(format!("{}: {}", src.display(), circle.join(" → ")));
                    } else if seen.insert(next.clone()) {
                        let mut longer = trail.clone();
                        longer.push(next.clone());
                        stack.push((next.clone(), longer));
                    }
                }
            }
        }
    }
    assert!(circles.is_empty(), "modules that import each other in a circle:\n{}", circles.join("\n"));
}

/// The command lines of the README's `sh` blocks that run `smartcities`, with their
/// placeholders filled and each `a|b` alternative on a line of its own.
fn readme_commands() -> Vec<String> {
    let readme = std::fs::read_to_string(workspace().join("README.md")).unwrap();
    let mut lines = Vec::new();
    let mut in_sh = false;
    for line in readme.lines() {
        if line.starts_with("```") {
            in_sh = line.trim() == "```sh";
            continue;
        }
        let line = line.split(" #").next().unwrap().trim();
        if in_sh && line.starts_with("smartcities ") {
            lines.push(line.to_string());
        }
    }
    let fill = |line: &str| {
        line.replace("[", "")
            .replace("]", "")
            .replace("YEAR", "2025")
            .replace("CITY_ID", "es-bilbao")
            .replace("OLD_CODE", "old_code")
            .replace("NEW_CODE", "new_code")
            .replace(" URL", " sqlite://x.db")
            .replace(" ADDR", " 127.0.0.1:8080")
            .replace(" DIR", " out")
            .replace(" N ", " 1 ")
            .replace("\"…\"", "withdrawn")
    };
    let mut out = Vec::new();
    for line in lines {
        let filled = fill(&line);
        // Expand the first word with alternatives (`export|import`), then each later one.
        let mut variants = vec![String::new()];
        for word in filled.split_whitespace() {
            let options: Vec<&str> = if word.contains('|') && !word.starts_with("--") && !word.contains('/') {
                word.split('|').collect()
            } else {
                vec![word]
            };
            variants = variants
                .iter()
                .flat_map(|v| options.iter().map(move |o| format!("{v} {o}").trim().to_string()))
                .collect();
        }
        out.extend(variants);
    }
    out
}

#[test]
fn every_command_line_in_the_readme_parses() {
    // The database may come from the environment, as the README says.
    // SAFETY: this test binary runs this one test that reads the environment.
    unsafe { std::env::set_var("SMARTCITIES_DATABASE_URL", "sqlite://x.db") };
    let commands = readme_commands();
    assert!(commands.len() > 20, "the README shows the commands: {commands:#?}");
    let mut failures = Vec::new();
    for command in &commands {
        let words: Vec<&str> = command.split_whitespace().collect();
        // `--smtp-url URL | --outbox DIR` offers two ways: try each.
        let line = command.replace(" | ", " ");
        let mut tried = vec![words.iter().map(ToString::to_string).collect::<Vec<_>>()];
        if line != *command {
            tried = command
                .split(" | ")
                .map(|part| part.split_whitespace().map(ToString::to_string).collect())
                .collect();
            let head: Vec<String> = tried[0].clone();
            tried = tried
                .iter()
                .enumerate()
                .map(|(i, part)| {
                    if i == 0 {
                        part.clone()
                    } else {
                        head.iter()
                            .take_while(|w| !w.starts_with("--smtp"))
                            .cloned()
                            .chain(part.clone())
                            .collect()
                    }
                })
                .collect();
        }
        for args in tried {
            if let Err(e) = smartcities::cli::Cli::try_parse_from(&args) {
                failures.push(format!("{}\n{e}", args.join(" ")));
            }
        }
    }
    assert!(failures.is_empty(), "README command lines the parser refuses:\n{}", failures.join("\n"));
}

#[test]
fn imports_are_read_from_nested_groups_and_paths() {
    let text = "use crate::{\n    check::check_references,\n    model::{Item, Kind},\n    workbook::{Limits, read},\n};\nfn f() { crate::offline::write(); }\n#[cfg(test)]\nmod tests { use crate::hidden; }";
    let found: Vec<String> = imports(text).into_iter().collect();
    assert_eq!(found, ["check", "model", "offline", "workbook"]);
}
