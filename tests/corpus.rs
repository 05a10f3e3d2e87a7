#![cfg(not(target_arch = "wasm32"))]
//! The shared corpus of real feeds: every valid feed renders, every edge case renders or
//! fails with a specific message, and nothing panics.

mod common;

use std::panic::{catch_unwind, AssertUnwindSafe};

use common::model_markup::{is_allowed_url, model_strings};
use news_widget::feed::{parse_feed, read_page, FeedError, ReadOptions};
use news_widget::timestamp::Timestamp;
use news_widget::view_model::{inline_text, Block, Inline, Page};

fn read(name: &str, bytes: &[u8], options: &ReadOptions) -> Result<Page, FeedError> {
    catch_unwind(AssertUnwindSafe(|| read_page(bytes, options)))
        .unwrap_or_else(|_| panic!("{name}: read_page panicked"))
}

fn corpus_file(kind: &str, name: &str) -> Vec<u8> {
    common::corpus_files(kind)
        .into_iter()
        .find(|(file, _)| file == name)
        .unwrap_or_else(|| panic!("corpus file {kind}/{name} is missing"))
        .1
}

fn valid_page(name: &str) -> Page {
    read(name, &corpus_file("valid", name), &ReadOptions::default())
        .unwrap_or_else(|e| panic!("{name}: {e}"))
}

/// Every text the components would render.
fn texts(page: &Page) -> Vec<String> {
    let mut out = vec![page.feed_title.clone()];
    for section in &page.sections {
        out.push(section.title.clone());
        for headline in &section.items {
            out.push(headline.title.clone());
            out.extend(headline.summary.clone());
        }
    }
    if let Some(article) = &page.article {
        out.push(article.title.clone());
        out.extend(article.source.clone());
        out.extend(article.tags.iter().cloned());
        out.extend(model_strings(&article.blocks).texts);
    }
    out
}

/// Every URL the components would put in an `href` or `src` (body links may be `mailto:`).
fn urls(page: &Page) -> Vec<String> {
    let mut out: Vec<String> = page
        .sections
        .iter()
        .flat_map(|s| s.items.iter().filter_map(|h| h.url.clone()))
        .collect();
    if let Some(article) = &page.article {
        out.extend(article.url.clone());
        let strings = model_strings(&article.blocks);
        out.extend(strings.links);
        out.extend(strings.images);
    }
    out
}

fn is_http_or_relative(url: &str) -> bool {
    let lower = url.to_ascii_lowercase();
    if lower.starts_with("http://") || lower.starts_with("https://") {
        return true;
    }
    // A browser only reads a scheme that starts with a letter.
    let has_scheme = url.split_once(':').is_some_and(|(before, _)| {
        before.starts_with(|c: char| c.is_ascii_alphabetic())
            && before
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
    });
    !has_scheme && !url.chars().any(|c| c.is_control() || c.is_whitespace())
}

fn assert_renderable(name: &str, page: &Page) {
    let article = page
        .article
        .as_ref()
        .unwrap_or_else(|| panic!("{name}: no article"));
    assert!(!article.title.is_empty(), "{name}: empty article title");
    for section in &page.sections {
        assert!(
            !section.items.is_empty(),
            "{name}: empty section {:?}",
            section.title
        );
        for headline in &section.items {
            assert!(
                !headline.title.is_empty(),
                "{name}: empty headline {}",
                headline.id
            );
        }
    }
    for block in &article.blocks {
        if let Block::Paragraph(content) | Block::Heading { content, .. } = block {
            assert!(!content.is_empty(), "{name}: empty block");
            let untrimmed = |inline: Option<&Inline>, edge: fn(&str) -> bool| matches!(inline, Some(Inline::Text(t)) if edge(t));
            assert!(
                !untrimmed(content.first(), |t| t.starts_with(' '))
                    && !untrimmed(content.last(), |t| t.ends_with(' ')),
                "{name}: untrimmed block {content:?}"
            );
        }
    }
    for url in urls(page) {
        assert!(
            is_http_or_relative(&url) || url.starts_with("mailto:") && is_allowed_url(&url, true),
            "{name}: unsafe URL {url:?}"
        );
    }
    for text in texts(page) {
        assert!(
            !text.to_ascii_lowercase().contains("<script"),
            "{name}: script markup in {text:?}"
        );
        assert!(
            !text.chars().any(char::is_control),
            "{name}: control character in {text:?}"
        );
    }
}

#[test]
fn every_valid_feed_renders() {
    for (name, bytes) in common::corpus_files("valid") {
        let page =
            read(&name, &bytes, &ReadOptions::default()).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_renderable(&name, &page);
        // The same with a fetch URL, which turns relative URLs absolute.
        let fetched = ReadOptions {
            base_url: Some("https://feeds.example/x/feed.json"),
            max_headlines: Some(5),
            ..ReadOptions::default()
        };
        let page = read(&name, &bytes, &fetched).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_renderable(&name, &page);
        for url in urls(&page) {
            assert!(
                url.starts_with("http") || url.starts_with("mailto:"),
                "{name}: unresolved URL {url:?}"
            );
        }
        assert!(page.sections.iter().all(|s| s.items.len() <= 5), "{name}");
    }
}

#[test]
fn every_valid_feed_keeps_its_items() {
    for (name, bytes) in common::corpus_files("valid") {
        let feed = parse_feed(&bytes).unwrap_or_else(|e| panic!("{name}: {e}"));
        let written: serde_json::Value = serde_json::from_slice(&bytes).expect("valid JSON");
        // Real feeds repeat ids (azu has one duplicate); the reader keeps the first.
        let count = unique_items(&written).len();
        assert_eq!(
            feed.items.len(),
            count,
            "{name}: items dropped: {:?}",
            feed.notes
        );
        let page = valid_page(&name);
        let shown = page.article.iter().count()
            + page.sections.iter().map(|s| s.items.len()).sum::<usize>();
        assert_eq!(
            shown, count,
            "{name}: every item is the article or a headline"
        );
    }
}

/// The written items, without later repeats of an id.
fn unique_items(written: &serde_json::Value) -> Vec<&serde_json::Value> {
    let mut seen = std::collections::HashSet::new();
    written["items"]
        .as_array()
        .map(|items| {
            items
                .iter()
                .filter(|i| seen.insert(i["id"].to_string()))
                .collect()
        })
        .unwrap_or_default()
}

#[test]
fn pxlnv_numeric_entities_in_titles_are_decoded() {
    let page = valid_page("rsparser-pxlnv-v1-http-version-url.json");
    let titles: Vec<String> = texts(&page);
    assert!(titles
        .iter()
        .any(|t| t.contains("Releasing ‘Jokes’ It Wrote")));
    assert!(titles.iter().all(|t| !t.contains("&#")), "{titles:?}");
}

#[test]
fn rose_escaped_ampersands_in_titles_are_decoded() {
    let page = valid_page("rsparser-rose-v1-big-html-and-text.json");
    let titles: Vec<&str> = page.sections[0]
        .items
        .iter()
        .map(|h| h.title.as_str())
        .collect();
    assert!(
        titles.contains(&"Workflow: Menus, Lists & Dictionaries"),
        "{titles:?}"
    );
    assert!(
        titles.contains(&"\"Wireless\" charging standardises"),
        "{titles:?}"
    );
    assert!(titles
        .iter()
        .all(|t| !t.contains("&amp;") && !t.contains("&#039;")));
}

#[test]
fn hypercritical_relative_images_do_not_leak() {
    let bytes = corpus_file("valid", "jsonfeednet-hypercritical-v1-big.json");
    for id in parse_feed(&bytes)
        .expect("parses")
        .items
        .iter()
        .map(|i| i.id.clone())
    {
        let options = ReadOptions {
            article_id: Some(&id),
            ..ReadOptions::default()
        };
        let page = read("hypercritical", &bytes, &options).expect("reads");
        let article = page.article.expect("article");
        assert_eq!(article.id, id);
        for block in &article.blocks {
            if let Block::Figure(figure) = block {
                let src = figure.image.src.as_deref().unwrap_or("");
                assert!(src.starts_with("http://hypercritical.co/"), "{src}");
            }
        }
        assert!(texts_of_blocks(&article.blocks).all(|t| !t.contains("/images/")));
    }
}

fn texts_of_blocks(blocks: &[Block]) -> impl Iterator<Item = String> {
    model_strings(blocks).texts.into_iter()
}

#[test]
fn feedparser_script_content_is_not_text() {
    let bytes = corpus_file("valid", "feedparser-example-v1-script-tag-in-html.json");
    let options = ReadOptions {
        article_id: Some("1"),
        ..ReadOptions::default()
    };
    let page = read("feedparser", &bytes, &options).expect("reads");
    let article = page.article.as_ref().expect("article");
    assert_eq!(article.blocks, [Block::text("Hello, world!")]);
    assert_eq!(
        article.title, "Hello, world!",
        "untitled: title from content"
    );
    assert_eq!(article.source.as_deref(), Some("you"));
    assert!(!format!("{page:?}").contains("alert"));
}

#[test]
fn jser_and_azu_images_given_as_objects_are_read() {
    for name in [
        "jser-watchlist-japanese-v1-image-is-object.json",
        "azu-techblog-japanese-v1-big-image-is-object.json",
    ] {
        let bytes = corpus_file("valid", name);
        let written: serde_json::Value = serde_json::from_slice(&bytes).expect("JSON");
        let objects = unique_items(&written)
            .iter()
            .filter(|item| item["image"]["url"].is_string())
            .count();
        assert!(objects > 100, "{name}: the corpus file has image objects");
        let feed = parse_feed(&bytes).expect("parses");
        let with_image = feed.items.iter().filter(|i| i.image.is_some()).count();
        assert_eq!(with_image, objects, "{name}");
        let page = valid_page(name);
        let first = page.article.expect("article").blocks.first().cloned();
        assert!(
            matches!(&first, Some(Block::Figure(f)) if f.image.src.as_deref().is_some_and(|s| s.starts_with("https://"))),
            "{name}: {first:?}"
        );
    }
}

#[test]
fn eryajf_dates_fall_back_to_date_modified() {
    let name = "eryajf-chinese-v1-summary-only-no-date-published.json";
    let feed = parse_feed(&corpus_file("valid", name)).expect("parses");
    assert!(feed.items.iter().all(|i| i.date_published.is_none()));
    assert!(
        feed.items.iter().all(|i| i.date_modified.is_some()),
        "{:?}",
        feed.notes
    );
    let article = valid_page(name).article.expect("article");
    assert_eq!(article.title, "CMDB平台建设指南");
    assert_eq!(article.published, Timestamp::parse("2023-07-08T16:56:07Z"));
    assert!(
        matches!(article.blocks.last(), Some(Block::Paragraph(p)) if inline_text(p).starts_with("我们的运维团队")),
        "summary-only: the summary is the body"
    );
}

#[test]
fn curt_and_adactio_dates_without_a_zone_parse() {
    let curt = valid_page("rsparser-curt-v1-dates-without-seconds-or-tz.json");
    let published = curt.article.expect("article").published.expect("a date");
    assert_eq!(published.wall_clock(), "2018-01-06 08:00:00");
    assert_eq!(published.offset_minutes, None);
    for name in [
        "rsparser-curt-v1-dates-without-seconds-or-tz.json",
        "feedextractor-adactio-v1-space-separated-dates.json",
        "rsparser-allthis-v1-summary.json",
        "jsonfeednet-daringfireball-v1.1-authors.json",
    ] {
        let feed = parse_feed(&corpus_file("valid", name)).expect("parses");
        assert!(
            feed.items.iter().all(|i| i.date_published.is_some()),
            "{name}: {:?}",
            feed.notes
        );
    }
}

#[test]
fn microblog_relative_urls_stay_relative_without_a_base() {
    let page = valid_page("feedextractor-jsonfeed-microblog-relative-urls.json");
    let url = page.article.and_then(|a| a.url).expect("url");
    assert!(url.starts_with("/2020/08/07/"), "{url}");
}

#[test]
fn german_feed_keeps_language_and_mailto_only_as_body_links() {
    let page = valid_page("rsparser-3960-german-v1.1-extensions.json");
    assert_eq!(page.language.as_deref(), Some("de-DE"));
    let article = page.article.as_ref().expect("article");
    assert_eq!(article.source.as_deref(), Some("Frank Boës"));
    let headline_urls = page
        .sections
        .iter()
        .flat_map(|s| &s.items)
        .filter_map(|h| h.url.as_deref());
    assert!(headline_urls
        .chain(article.url.as_deref())
        .all(|u| !u.starts_with("mailto:")));
    assert!(texts_of_blocks(&article.blocks).any(|t| t.contains("schmeckt's")));
}

#[test]
fn inessential_nbsp_and_kotlin_entities_are_plain_text() {
    let page = valid_page("rsparser-inessential-v1.json");
    // `&nbsp;` is decoded (a no-break space keeps its words together, as the author meant).
    assert!(texts(&page).iter().all(|t| !t.contains("&nbsp;")));
    let page = valid_page("kotlinjsonfeed-jan-alphadev-v1.1-jekyll.json");
    let article = page.article.expect("article");
    assert!(texts_of_blocks(&article.blocks).all(|t| !t.contains("&gt;") && !t.contains("&#")));
}

#[test]
fn go_escaped_html_is_reduced() {
    let page = valid_page("gofeed-render-v1.1-u003c-escaped-html.json");
    let article = page.article.expect("article");
    assert_eq!(
        article.blocks.last(),
        Some(&Block::text("Rich HTML content for the item"))
    );
    assert_eq!(article.source.as_deref(), Some("Item Author, Co-Author"));
}

/// What each edge file must produce.
enum Expect {
    /// Renders; the item ids shown, article first.
    Page(&'static [&'static str]),
    /// Fails; the message contains every fragment.
    Error(&'static [&'static str]),
}

const EDGE: &[(&str, Expect)] = &[
    (
        "feedparser-author-is-array.json",
        Expect::Error(&[
            "not a JSON Feed: no \"items\" array at $ (found keys: __description, __tests, author)",
        ]),
    ),
    ("feedparser-items-id-float.json", Expect::Page(&["200"])),
    ("feedparser-items-id-int.json", Expect::Page(&["1"])),
    (
        "feedparser-items-id-is-object.json",
        Expect::Error(&["no usable items", "$.items[0].id is an object"]),
    ),
    (
        "feedparser-items-id-nan-invalid-json.json",
        Expect::Error(&["not JSON: ", "at line 8 column 13"]),
    ),
    (
        "feedparser-items-id-null.json",
        Expect::Error(&[
            "no usable items: every item in $.items lacks an \"id\" (first: $.items[0])",
        ]),
    ),
    (
        "feedparser-items-title-html-xss.json",
        Expect::Error(&["lacks an \"id\""]),
    ),
    (
        "feedparser-items-title-is-array.json",
        Expect::Error(&["lacks an \"id\""]),
    ),
    (
        "feedparser-version-and-items-missing.json",
        Expect::Error(&[
            "not a JSON Feed: no \"items\" array at $ (found keys: __description, __tests)",
        ]),
    ),
    (
        // No ids, but every item has a url: kept, keyed on it (issue #25, point 5).
        "feedrs-influxdata-v1.1-rfc2822-dates-no-ids.json",
        Expect::Page(&[
            "https://www.influxdata.com/blog/influxdb-outperforms-graphite-in-time-series-data-metrics-benchmark",
            "https://www.influxdata.com/blog/influxdb-markedly-elasticsearch-in-time-series-data-metrics-benchmark",
            "https://example.com",
        ]),
    ),
    (
        "gofeed-invalid-truncated-verion-typo.json",
        Expect::Error(&["not JSON: EOF while parsing an object at line 3 column 0"]),
    ),
    ("gofeed-issue355-feed-authors-null.json", Expect::Page(&[])),
    (
        "gofeed-issue355-item-authors-trailing-null.json",
        Expect::Page(&["a", "b"]),
    ),
    (
        "gofeed-issue355-items-null-only.json",
        Expect::Error(&["$.items[0] is null"]),
    ),
    (
        "gofeed-issue355-items-trailing-null.json",
        Expect::Page(&["a"]),
    ),
    (
        "gofeed-json10-simple-no-id-no-title.json",
        Expect::Error(&["lacks an \"id\" (first: $.items[0])"]),
    ),
    (
        "gofeed-render-items-null.json",
        Expect::Error(&["$.items is null; expected an array of items"]),
    ),
    (
        "jsonfeednet-simple-utf8-bom.json",
        Expect::Page(&["2", "1"]),
    ),
    (
        "rsparser-allthis-partial-truncated.json",
        Expect::Error(&[
            "not JSON: control character",
            // serde_json names the raw newline itself (it reads items as raw values, whose
            // scanner stops before the bad byte; reading into a tree stopped after it).
            " found while parsing a string at line 1 column 12388",
        ]),
    ),
    (
        "rsparser-scriptingnews-rss-in-json-not-jsonfeed.json",
        Expect::Error(&["not a JSON Feed: no \"items\" array at $ (found keys: rss)"]),
    ),
];

#[test]
fn every_edge_file_renders_or_fails_clearly() {
    let files = common::corpus_files("edge");
    for (name, _) in &files {
        assert!(
            EDGE.iter().any(|(file, _)| file == name),
            "{name}: new edge file; add its expected outcome to EDGE"
        );
    }
    for (file, expect) in EDGE {
        let bytes = corpus_file("edge", file);
        let result = read(file, &bytes, &ReadOptions::default());
        match (expect, result) {
            (Expect::Page(want), Ok(page)) => {
                let shown: Vec<&str> = page
                    .article
                    .iter()
                    .map(|a| a.id.as_str())
                    .chain(
                        page.sections
                            .iter()
                            .flat_map(|s| s.items.iter().map(|h| h.id.as_str())),
                    )
                    .collect();
                assert_eq!(&shown, want, "{file}");
                if want.is_empty() {
                    assert!(page.article.is_none() && page.sections.is_empty(), "{file}");
                } else {
                    assert_renderable(file, &page);
                }
            }
            (Expect::Error(fragments), Err(error)) => {
                let message = error.to_string();
                for fragment in *fragments {
                    assert!(
                        message.contains(fragment),
                        "{file}: {message:?} lacks {fragment:?}"
                    );
                }
                assert!(message.len() < 300, "{file}: message too long: {message}");
            }
            (Expect::Page(_), Err(error)) => panic!("{file}: expected a page, got: {error}"),
            (Expect::Error(_), Ok(page)) => panic!("{file}: expected an error, got {page:?}"),
        }
    }
}

#[test]
fn edge_titles_with_markup_are_never_markup() {
    // The corpus file has no id (so it is rejected); give it one to test the title rule.
    let bytes = corpus_file("edge", "feedparser-items-title-html-xss.json");
    let mut json: serde_json::Value = serde_json::from_slice(&bytes).expect("JSON");
    json["items"][0]["id"] = "x".into();
    let page = read_page(json.to_string().as_bytes(), &ReadOptions::default()).expect("reads");
    let title = page.article.expect("article").title;
    assert!(!title.contains('<') && !title.contains("alert"), "{title}");
}
