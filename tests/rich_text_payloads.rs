#![cfg(not(target_arch = "wasm32"))]
//! The hostile-HTML payload suite on the host: every case gives exactly the model written
//! beside it in tests/fixtures/payloads.txt, and every model keeps the invariants (allowed
//! URLs only, no controls in text).

mod common;
mod payloads;

use std::collections::BTreeMap;

use common::model_markup::{assert_model_invariants, blocks_markup};
use news_widget::rich_text::html_to_blocks;
use payloads::{payloads, BASE};

/// The families the suite must cover and the least number of cases each.
const FAMILIES: &[(&str, usize)] = &[
    ("event handlers", 20),
    ("URL schemes", 30),
    ("srcset", 10),
    ("SVG and MathML", 15),
    ("mutation XSS and parser differentials", 25),
    ("DOM clobbering", 10),
    ("CSS", 10),
    ("entities and encodings", 20),
];

#[test]
fn every_payload_gives_exactly_its_model() {
    let cases = payloads();
    let mut failures = Vec::new();
    for case in &cases {
        let blocks = html_to_blocks(&case.html, Some(BASE));
        assert_model_invariants(&blocks);
        let actual = blocks_markup(&blocks);
        if actual != case.expected {
            failures.push(format!(
                "[{}] {}\n  html:     {:?}\n  expected: {:?}\n  actual:   {:?}\n  as file:  = {}",
                case.family,
                case.name,
                case.html,
                case.expected,
                actual,
                payloads::escape(&actual)
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} payloads differ:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}

#[test]
fn the_suite_covers_every_family() {
    let cases = payloads();
    assert!(cases.len() >= 150, "{} cases", cases.len());
    let mut per_family: BTreeMap<&str, usize> = BTreeMap::new();
    for case in &cases {
        *per_family.entry(case.family.as_str()).or_default() += 1;
    }
    for (family, least) in FAMILIES {
        let count = per_family.get(family).copied().unwrap_or(0);
        assert!(count >= *least, "{family}: {count} cases, want {least}");
    }
    assert_eq!(
        per_family.len(),
        FAMILIES.len(),
        "unknown family in {per_family:?}"
    );
}

/// Whatever the payload, the probe's name never reaches a place a browser would run it:
/// it may only survive as text, or inside a URL path that the policy allowed.
#[test]
fn no_payload_leaves_script_where_a_browser_runs_it() {
    for case in payloads() {
        let blocks = html_to_blocks(&case.html, Some(BASE));
        let strings = common::model_markup::model_strings(&blocks);
        for url in strings.links.iter().chain(&strings.images) {
            let lower = url.to_ascii_lowercase();
            assert!(
                lower.starts_with("https://")
                    || lower.starts_with("http://")
                    || lower.starts_with("mailto:"),
                "{}: {url:?}",
                case.name
            );
        }
    }
}
