#![cfg(not(target_arch = "wasm32"))]
//! Property tests of the RSS/Atom reader: arbitrary bytes after an XML start, and arbitrary
//! well-formed documents in the feed vocabularies, never panic, and what they give keeps
//! the model's invariants.

mod common;

use common::model_markup::assert_model_invariants;
use news_widget::feed::{read_page, ReadOptions};
use news_widget::view_model::Page;
use proptest::prelude::*;

/// 256 cases keeps the suite quick; `PROPTEST_CASES=20000` digs deeper.
fn config() -> ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(256);
    ProptestConfig {
        cases,
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

/// Names from RSS, RDF, Atom and their modules, and HTML, with and without prefixes.
fn name() -> impl Strategy<Value = String> {
    prop_oneof![
        prop::sample::select(vec![
            "channel",
            "item",
            "entry",
            "title",
            "link",
            "guid",
            "description",
            "pubDate",
            "content:encoded",
            "dc:creator",
            "dc:date",
            "media:content",
            "media:thumbnail",
            "media:group",
            "enclosure",
            "category",
            "author",
            "name",
            "content",
            "summary",
            "published",
            "updated",
            "id",
            "image",
            "url",
            "div",
            "p",
            "a",
            "img",
            "script",
        ])
        .prop_map(str::to_owned),
        "[a-z]{1,6}(:[a-z]{1,4})?",
    ]
}

fn attribute() -> impl Strategy<Value = String> {
    let key = prop::sample::select(vec![
        "href",
        "rel",
        "type",
        "url",
        "medium",
        "width",
        "xml:base",
        "xml:lang",
        "isPermaLink",
        "rdf:about",
        "src",
        "term",
    ]);
    (key, text()).prop_map(|(key, value)| format!(" {key}=\"{}\"", value.replace('"', "&quot;")))
}

/// Escaped text, with references of every kind.
fn text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        "[ -~\u{a0}-\u{ff}中文\n\t]{0,12}"
            .prop_map(|t| t.replace('&', "&amp;").replace('<', "&lt;")),
        prop::sample::select(vec![
            "&amp;",
            "&lt;",
            "&#x41;",
            "&#0;",
            "&#xD800;",
            "&nbsp;",
            "&lol;",
            "&",
            "javascript:",
            "../x",
            "Sun, 19 Apr 2026 06:22:34 +0800",
            "2020/1/10 14:33",
            "https://a.example/",
        ])
        .prop_map(str::to_owned),
        "[ -~]{0,10}".prop_map(|t| format!("<![CDATA[{}]]>", t.replace("]]>", ""))),
    ];
    prop::collection::vec(piece, 0..4).prop_map(|pieces| pieces.concat())
}

fn element() -> impl Strategy<Value = String> {
    let leaf = (name(), prop::collection::vec(attribute(), 0..3), text()).prop_map(
        |(name, attributes, text)| format!("<{name}{}>{text}</{name}>", attributes.concat()),
    );
    leaf.prop_recursive(5, 64, 6, |inner| {
        (
            name(),
            prop::collection::vec(attribute(), 0..2),
            prop::collection::vec(inner, 0..6),
        )
            .prop_map(|(name, attributes, children)| {
                format!(
                    "<{name}{}>{}</{name}>",
                    attributes.concat(),
                    children.concat()
                )
            })
    })
}

fn document() -> impl Strategy<Value = String> {
    let root = prop::sample::select(vec![
        "<rss version=\"2.0\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:media=\"http://search.yahoo.com/mrss/\" xmlns:content=\"http://purl.org/rss/1.0/modules/content/\"><channel>|</channel></rss>",
        "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\" xmlns=\"http://purl.org/rss/1.0/\"><channel><title>t</title></channel>|</rdf:RDF>",
        "<feed xmlns=\"http://www.w3.org/2005/Atom\">|</feed>",
        "<feed>|</feed>",
    ]);
    (root, prop::collection::vec(element(), 0..8))
        .prop_map(|(root, children)| root.replace('|', &children.concat()))
}

fn assert_page_invariants(page: &Page) {
    for text in [&page.feed_title].into_iter().chain(
        page.sections
            .iter()
            .flat_map(|s| s.items.iter().map(|h| &h.title)),
    ) {
        assert!(
            !text.chars().any(char::is_control),
            "control character in {text:?}"
        );
    }
    if let Some(article) = &page.article {
        assert!(!article.title.is_empty());
        assert_model_invariants(&article.blocks);
    }
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn arbitrary_bytes_after_an_xml_start_never_panic(
        start in prop::sample::select(vec!["<?xml version=\"1.0\"?><rss><channel><item>", "<feed><entry><content type=\"xhtml\">", "<rdf:RDF>", "<"]),
        tail in prop::collection::vec(any::<u8>(), 0..512),
    ) {
        let mut bytes = start.as_bytes().to_vec();
        bytes.extend(tail);
        match read_page(&bytes, &ReadOptions::default()) {
            Ok(page) => assert_page_invariants(&page),
            Err(error) => prop_assert!(!error.to_string().is_empty()),
        }
    }

    #[test]
    fn well_formed_feed_vocabulary_documents_read_and_keep_the_invariants(xml in document()) {
        let options = ReadOptions { base_url: Some("https://feeds.example/f.xml"), ..ReadOptions::default() };
        match read_page(xml.as_bytes(), &options) {
            Ok(page) => assert_page_invariants(&page),
            // Only a document nested past the limit may be refused.
            Err(error) => prop_assert!(false, "{error}\n{xml}"),
        }
    }
}
