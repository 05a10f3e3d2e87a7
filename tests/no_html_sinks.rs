#![cfg(not(target_arch = "wasm32"))]
//! No source file of the widget (Rust in `src/`, the loader, glue, pages and styles in
//! `static/`) names an API that parses a string as HTML. Feed content reaches the DOM only as
//! text nodes and allow-listed attributes; these APIs are also the ones Trusted Types
//! refuses, so one of them would break partners who enforce it.

use std::path::{Path, PathBuf};

/// The sinks, in the spellings of JavaScript and of web-sys (matched case-insensitively).
const SINKS: &[&str] = &[
    "innerHTML",
    "inner_html",
    "outerHTML",
    "outer_html",
    "from_html_unchecked",
    "DOMParser",
    "dom_parser",
    "parseFromString",
    "parse_from_string",
    "insertAdjacentHTML",
    "insert_adjacent_html",
    "document.write",
    "setHTMLUnsafe",
    "set_html_unsafe",
    "parseHTMLUnsafe",
    "parse_html_unsafe",
    "createContextualFragment",
    "create_contextual_fragment",
    "srcdoc",
];

fn files_under(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display())) {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            files_under(&path, out);
        } else if path.extension().is_some_and(|ext| {
            ["rs", "js", "mjs", "html", "css"].contains(&ext.to_str().unwrap_or(""))
        }) {
            out.push(path);
        }
    }
}

#[test]
fn no_source_file_names_an_html_parsing_sink() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    for dir in ["src", "static"] {
        files_under(&root.join(dir), &mut files);
    }
    assert!(files.len() > 30, "scanned only {} files", files.len());
    let mut found = Vec::new();
    for file in &files {
        let text = std::fs::read_to_string(file)
            .expect("a text file")
            .to_ascii_lowercase();
        for sink in SINKS {
            if let Some(at) = text.find(&sink.to_ascii_lowercase()) {
                let line = text[..at].matches('\n').count() + 1;
                found.push(format!(
                    "{}:{line}: {sink}",
                    file.strip_prefix(&root).unwrap().display()
                ));
            }
        }
    }
    assert!(
        found.is_empty(),
        "HTML parsing sinks in the widget's sources:\n{}",
        found.join("\n")
    );
}

/// The check above would be worthless if it could not see a sink: it does.
#[test]
fn the_sink_check_sees_a_sink() {
    let sample = "el.set_inner_html(&html); node.insertAdjacentHTML('beforeend', x)";
    let lower = sample.to_ascii_lowercase();
    let seen: Vec<_> = SINKS
        .iter()
        .filter(|sink| lower.contains(&sink.to_ascii_lowercase()))
        .collect();
    assert_eq!(seen, [&"inner_html", &"insertAdjacentHTML"]);
}
