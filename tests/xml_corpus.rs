#![cfg(not(target_arch = "wasm32"))]
//! Every RSS, RDF and Atom document of the shared corpus (`corpus/xml/`, exact bytes as
//! their publishers served them) is read, and each item's title, link, date and body text
//! are compared with an independent reading of the same file: a plain string scan written
//! here, which knows nothing of the reader's tree, namespaces or mapping rules.

mod common;

use news_widget::feed::{charset, parse_feed, read_page, ReadOptions};
use news_widget::rich_text::blocks_text;
use news_widget::view_model::Article;

use common::xml_scan::{decode_independently, letters, letters_of_markup, scan, Scanned};

#[test]
fn every_corpus_feed_shows_every_item_as_written() {
    let files = common::xml_corpus_files();
    assert_eq!(files.len(), 20, "the corpus has 20 XML feeds");
    let mut failures = Vec::new();
    let mut checked = 0;
    for (name, raw) in &files {
        let text = decode_independently(raw);
        let scanned = scan(&text);
        assert!(!scanned.is_empty(), "{name}: the scan found no items");
        let bytes = charset::decode(raw, None);
        let feed = parse_feed(&bytes).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(feed.items.len(), scanned.len(), "{name}: item count");
        for (index, (item, expected)) in feed.items.iter().zip(&scanned).enumerate() {
            let options = ReadOptions {
                article_id: Some(&item.id),
                ..ReadOptions::default()
            };
            let page = read_page(&bytes, &options).expect("reads");
            let article = page.article.expect("an article");
            assert_eq!(article.id, item.id);
            let mut fail = |what: &str, got: String, want: String| {
                failures.push(format!(
                    "{name} item {}: {what}\n  got:  {got}\n  want: {want}",
                    index + 1
                ));
            };
            if letters(&article.title) != letters_of_markup(&expected.title) {
                fail("title", article.title.clone(), expected.title.clone());
            }
            // A root-relative link (GitHub's) resolves against the feed's own absolute URL.
            let link_matches = match (&article.url, &expected.link) {
                (Some(got), Some(want)) if want.starts_with('/') => {
                    got.starts_with("https://") && got.ends_with(want.as_str())
                }
                (got, want) => got == want,
            };
            if !link_matches {
                fail(
                    "link",
                    format!("{:?}", article.url),
                    format!("{:?}", expected.link),
                );
            }
            check_date(&article, expected, &mut fail);
            let body = letters_of_markup(&expected.body);
            let start: String = body.chars().take(16).collect();
            let shown = letters(&blocks_text(&article.blocks));
            // A body with no text (FeedBurner's tracking pixel alone) shows none.
            if !shown.contains(&start) || start.is_empty() != shown.is_empty() {
                fail("body", shown.chars().take(60).collect(), start);
            }
            checked += 1;
        }
    }
    assert!(
        failures.is_empty(),
        "{} differences:\n{}",
        failures.len(),
        failures.join("\n")
    );
    assert!(checked > 600, "only {checked} items checked");
}

fn check_date(article: &Article, expected: &Scanned, fail: &mut impl FnMut(&str, String, String)) {
    match (&expected.date, article.published) {
        (None, None) => {}
        (Some(written), Some(stamp)) => {
            let year = stamp.year.to_string();
            let day = stamp.day.to_string();
            let day_written = written.contains(&format!(" {day} "))
                || written.contains(&format!("0{day} "))
                || written.contains(&format!("-{:02}", stamp.day))
                || written.contains(&format!("/{day} "));
            if !written.contains(&year) || !day_written {
                fail("date", stamp.wall_clock(), written.clone());
            }
        }
        (written, stamp) => fail("date", format!("{stamp:?}"), format!("{written:?}")),
    }
}

/// The browser suite embeds the corpus at build time, file by file: none may be left out.
#[test]
fn the_browser_suite_renders_every_corpus_feed() {
    let suite = include_str!("web_xml.rs");
    let missing: Vec<String> = common::xml_corpus_files()
        .into_iter()
        .map(|(name, _)| name)
        .filter(|name| !suite.contains(&format!("\"{name}\";")))
        .collect();
    assert!(missing.is_empty(), "tests/web_xml.rs lacks {missing:?}");
}
