#![cfg(not(target_arch = "wasm32"))]
//! `newsctl convert`'s JSON Feed reads back as the same page as the feed it came from.

mod common;

use news_widget::feed::convert::to_json_feed;
use news_widget::feed::{charset, parse_feed, read_page, ReadOptions};
use news_widget::rich_text::blocks_text;

#[test]
fn every_corpus_feed_converts_to_a_json_feed_showing_the_same_page() {
    let options = ReadOptions {
        base_url: Some("https://feeds.example/feed.xml"),
        ..ReadOptions::default()
    };
    let (mut same, mut based) = (0, 0);
    for (name, raw) in common::xml_corpus_files() {
        let bytes = charset::decode(&raw, None);
        let feed = parse_feed(&bytes).expect("reads");
        let json = serde_json::to_vec(&to_json_feed(&feed)).expect("serialises");
        let converted = parse_feed(&json).expect("the JSON Feed reads");
        assert_eq!(converted.items.len(), feed.items.len(), "{name}");
        for item in &feed.items {
            let options = ReadOptions {
                article_id: Some(&item.id),
                ..options
            };
            let from_xml = read_page(&bytes, &options).expect("reads");
            let from_json = read_page(&json, &options).expect("reads");
            // JSON Feed has no xml:base: a body whose relative URLs an xml:base resolves
            // (Daring Fireball, Ruan Yifeng) keeps its text, but its relative links then
            // resolve against the item's URL instead. Everything else is the same.
            if item.content_base.is_some() && item.content_base != item.url {
                let text = |page: &news_widget::view_model::Page| {
                    blocks_text(&page.article.as_ref().expect("article").blocks)
                };
                assert_eq!(
                    text(&from_json),
                    text(&from_xml),
                    "{name}: item {}",
                    item.id
                );
                based += 1;
            } else {
                assert_eq!(from_json, from_xml, "{name}: item {}", item.id);
                same += 1;
            }
        }
    }
    assert!(
        same > 500 && based < 60,
        "{same} items the same, {based} with an xml:base"
    );
}
