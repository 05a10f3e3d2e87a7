//! Helpers shared by the host test suites.
#![allow(dead_code)]

pub mod model_markup;
pub mod xml_scan;

use std::path::PathBuf;

/// The workplace's shared folder (seed page, corpus of real feeds).
///
/// Looked up in `NEWS_WIDGET_SHARED`, then `../shared` beside the checkout, then
/// `/work/shared`. A missing folder fails the test loudly: these suites must never pass by
/// silently testing nothing.
pub fn shared_dir() -> PathBuf {
    let candidates = std::env::var_os("NEWS_WIDGET_SHARED")
        .map(PathBuf::from)
        .into_iter()
        .chain([
            PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared"),
            PathBuf::from("/work/shared"),
        ]);
    for dir in candidates {
        if dir.join("corpus").is_dir() && dir.join("seed").is_dir() {
            return dir;
        }
    }
    panic!(
        "shared folder not found: set NEWS_WIDGET_SHARED to the folder holding corpus/ and seed/"
    );
}

/// Every file in `shared/corpus/<kind>/`, sorted, with its bytes.
pub fn corpus_files(kind: &str) -> Vec<(String, Vec<u8>)> {
    corpus_files_ending(kind, "json")
}

/// Every `.xml` file in `shared/corpus/xml/` (RSS, RDF and Atom as served), sorted.
pub fn xml_corpus_files() -> Vec<(String, Vec<u8>)> {
    corpus_files_ending("xml", "xml")
}

fn corpus_files_ending(kind: &str, extension: &str) -> Vec<(String, Vec<u8>)> {
    let dir = shared_dir().join("corpus").join(kind);
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("cannot list {}: {e}", dir.display()))
        .map(|entry| entry.expect("corpus entry").path())
        .filter(|path| path.extension().is_some_and(|ext| ext == extension))
        .map(|path| {
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            let bytes = std::fs::read(&path).expect("corpus file");
            (name, bytes)
        })
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no corpus files in {}", dir.display());
    files
}

/// The seed page the default feed is transcribed from.
pub fn seed_text() -> String {
    let dir = shared_dir().join("seed");
    let path = std::fs::read_dir(&dir)
        .expect("seed dir")
        .map(|e| e.expect("seed entry").path())
        .find(|p| p.extension().is_some_and(|e| e == "txt"))
        .expect("a seed .txt file");
    std::fs::read_to_string(path).expect("seed text")
}

/// The project's own default feed.
pub fn default_feed_bytes() -> Vec<u8> {
    std::fs::read(PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("static/feed.json"))
        .expect("static/feed.json")
}

/// The seed page, parsed: the texts the widget must show.
pub mod seed;
