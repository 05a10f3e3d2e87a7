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

/// Where an RSS item names its source publication, the JSON Feed carries it as the
/// extension's `source`, and the widget's source line says it either way.
#[test]
fn an_rss_source_is_written_as_the_extensions_source() {
    let (_, raw) = common::xml_corpus_files()
        .into_iter()
        .find(|(name, _)| name == "03-geekpark.xml")
        .expect("GeekPark's RSS, whose items carry <source>");
    let feed = parse_feed(&raw).expect("reads");
    let json = to_json_feed(&feed);
    let items = json["items"].as_array().expect("items");
    assert_eq!(items.len(), 30);
    for item in items {
        assert_eq!(item["_news_widget"]["source"], "极客公园", "{item}");
    }
    let converted = serde_json::to_vec(&json).expect("serialises");
    let page = read_page(&converted, &ReadOptions::default()).expect("reads");
    assert_eq!(
        page.article.expect("article").source.as_deref(),
        Some("极客公园")
    );
    // No <source>, no extension: nothing is invented.
    let (_, chinanews) = common::xml_corpus_files()
        .into_iter()
        .find(|(name, _)| name == "01-chinanews-scroll-news.xml")
        .expect("chinanews");
    let json = to_json_feed(&parse_feed(&chinanews).expect("reads"));
    assert!(
        json["items"][0].get("_news_widget").is_none(),
        "{}",
        json["items"][0]
    );
    assert!(json.get("_news_widget").is_none());
}

/// Item links and images are written absolute where the document says what they are
/// relative to: the item's or channel's xml:base, else the channel link is not a base (RSS
/// has none), so a bare relative link stays as written for the reader's feed-URL rule.
#[test]
fn relative_links_are_written_resolved_against_xml_base() {
    let rss = br#"<?xml version="1.0"?>
<rss version="2.0" xml:base="https://news.example/china/">
<channel><title>t</title><link>https://news.example/</link>
<item><title>A</title><link>2025/a.html</link><guid>a</guid>
  <enclosure url="img/a.jpg" type="image/jpeg" length="1"/></item>
<item xml:base="https://other.example/x/"><title>B</title><link>../b.html</link><guid>b</guid></item>
</channel></rss>"#;
    let json = to_json_feed(&parse_feed(rss).expect("reads"));
    assert_eq!(
        json["items"][0]["url"],
        "https://news.example/china/2025/a.html"
    );
    assert_eq!(
        json["items"][0]["image"],
        "https://news.example/china/img/a.jpg"
    );
    assert_eq!(json["items"][1]["url"], "https://other.example/b.html");

    let bare = br#"<rss version="2.0"><channel><title>t</title>
<item><title>A</title><link>/2025/a.html</link><guid>a</guid></item></channel></rss>"#;
    let json = to_json_feed(&parse_feed(bare).expect("reads"));
    assert_eq!(json["items"][0]["url"], "/2025/a.html");
    // …which the widget then resolves against where the converted feed is served.
    let converted = serde_json::to_vec(&json).expect("serialises");
    let options = ReadOptions {
        base_url: Some("https://partner.example/feeds/news.json"),
        ..ReadOptions::default()
    };
    let page = read_page(&converted, &options).expect("reads");
    assert_eq!(
        page.article.expect("article").url.as_deref(),
        Some("https://partner.example/2025/a.html")
    );
}
