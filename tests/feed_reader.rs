#![cfg(not(target_arch = "wasm32"))]
//! One test per reader rule: a small inline document in, the page or the message out.

use news_widget::feed::{parse_feed, read_page, FeedError, ReadOptions, Version};
use news_widget::timestamp::Timestamp;
use news_widget::view_model::{Block, Figure, Headline, Image, Inline, Page};

fn page(json: &str) -> Page {
    page_with(json, &ReadOptions::default())
}

fn page_with(json: &str, options: &ReadOptions) -> Page {
    read_page(json.as_bytes(), options).unwrap_or_else(|e| panic!("{e}\n{json}"))
}

fn error(json: &str) -> String {
    match read_page(json.as_bytes(), &ReadOptions::default()) {
        Ok(page) => panic!("expected an error, got {page:?}"),
        Err(e) => e.to_string(),
    }
}

/// A v1.1 feed titled "Feed" around the given items.
fn feed(items: &str) -> String {
    format!(
        r#"{{"version": "https://jsonfeed.org/version/1.1", "title": "Feed", "items": [{items}]}}"#
    )
}

/// Every item id on the page, article first, then the sections in order.
fn ids(page: &Page) -> Vec<String> {
    page.article
        .iter()
        .map(|a| a.id.clone())
        .chain(
            page.sections
                .iter()
                .flat_map(|s| s.items.iter().map(|h| h.id.clone())),
        )
        .collect()
}

fn headlines(page: &Page) -> Vec<&Headline> {
    page.sections.iter().flat_map(|s| s.items.iter()).collect()
}

fn article_text(page: &Page) -> Vec<Block> {
    page.article.as_ref().expect("an article").blocks.clone()
}

fn paragraph(text: &str) -> Block {
    Block::text(text)
}

fn heading(text: &str) -> Block {
    Block::Heading {
        level: 2,
        content: vec![Inline::Text(text.to_string())],
    }
}

#[test]
fn items_without_an_id_are_dropped() {
    let page = page(&feed(
        r#"{"title": "no id"}, {"id": "a", "title": "A"}, {"id": "", "title": "blank"}, {"id": "b", "title": "B"}"#,
    ));
    assert_eq!(ids(&page), ["a", "b"]);
    let feed = parse_feed(feed(r#"{"title": "no id"}, {"id": "a"}"#).as_bytes()).expect("parses");
    assert!(
        feed.notes
            .iter()
            .any(|n| n.contains("$.items[0] lacks an \"id\"")),
        "{:?}",
        feed.notes
    );
}

#[test]
fn numeric_ids_are_coerced_to_strings() {
    for (written, want) in [
        ("1", "1"),
        ("-3", "-3"),
        ("1.9999999999999999e2", "200"),
        ("2e3", "2000"),
        ("18446744073709551615", "18446744073709551615"),
        ("\"007\"", "007"),
    ] {
        let page = page(&feed(&format!(r#"{{"id": {written}, "title": "t"}}"#)));
        assert_eq!(ids(&page), [want], "id {written}");
    }
}

#[test]
fn ids_of_other_types_drop_the_item() {
    // Non-integral (or inexact) numbers are not ids any publisher relies on.
    for written in ["null", "{\"a\": \"b\"}", "[1]", "true", "1.5", "1e300"] {
        let page = page(&feed(&format!(
            r#"{{"id": {written}, "title": "bad"}}, {{"id": "ok", "title": "good"}}"#
        )));
        assert_eq!(ids(&page), ["ok"], "id {written}");
    }
}

#[test]
fn repeated_ids_keep_the_first_item() {
    let page = page(&feed(
        r#"{"id": "a", "title": "first"}, {"id": "b", "title": "B"}, {"id": "a", "title": "again"}"#,
    ));
    assert_eq!(ids(&page), ["a", "b"]);
    assert_eq!(page.article.expect("article").title, "first");
}

#[test]
fn url_is_preferred_over_external_url() {
    let page = page(&feed(
        r#"{"id": "1", "url": "https://a.example/1", "external_url": "https://b.example/1"},
           {"id": "2", "external_url": "https://b.example/2"},
           {"id": "3", "url": "javascript:alert(1)", "external_url": "https://b.example/3"},
           {"id": "4", "url": "data:text/html,x"},
           {"id": "5", "url": null, "external_url": null}"#,
    ));
    assert_eq!(
        page.article.as_ref().and_then(|a| a.url.as_deref()),
        Some("https://a.example/1")
    );
    let urls: Vec<_> = headlines(&page).iter().map(|h| h.url.clone()).collect();
    assert_eq!(
        urls,
        [
            Some("https://b.example/2".to_string()),
            Some("https://b.example/3".to_string()),
            None,
            None
        ]
    );
}

#[test]
fn date_published_falls_back_to_date_modified() {
    let published = |item: &str| page(&feed(item)).article.expect("article").published;
    assert_eq!(
        published(
            r#"{"id": "1", "date_published": "2025-03-19T13:20:05+08:00", "date_modified": "2026-01-01T00:00:00Z"}"#
        ),
        Timestamp::parse("2025-03-19T13:20:05+08:00")
    );
    assert_eq!(
        published(r#"{"id": "1", "date_modified": "2023-07-08T16:56:07.000Z"}"#),
        Timestamp::parse("2023-07-08T16:56:07Z")
    );
    assert_eq!(
        published(
            r#"{"id": "1", "date_published": "not a date", "date_modified": "2022-07-26 13:01:01"}"#
        ),
        Timestamp::parse("2022-07-26T13:01:01")
    );
    assert_eq!(
        published(r#"{"id": "1", "date_published": 20250319}"#),
        None
    );
}

#[test]
fn author_and_authors_are_both_read() {
    let source = |json: &str| page(json).article.expect("article").source;
    let v1 = r#"{"version": "https://jsonfeed.org/version/1", "title": "Feed",
        "items": [{"id": "1", "author": {"name": "One Point Oh"}}]}"#;
    assert_eq!(source(v1).as_deref(), Some("One Point Oh"));
    let both = r#"{"version": "1.1", "title": "Feed",
        "items": [{"id": "1", "author": {"name": "Old"}, "authors": [{"name": "New"}, null, {"name": "Two &amp; Three"}]}]}"#;
    assert_eq!(source(both).as_deref(), Some("New, Two & Three"));
    let inherited = r#"{"version": "1.1", "title": "Feed", "authors": [{"name": "Feed Author"}],
        "items": [{"id": "1", "authors": [null, {"url": "https://x.example"}]}]}"#;
    assert_eq!(source(inherited).as_deref(), Some("Feed Author"));
    let nobody = r#"{"version": "1.1", "title": "The Feed", "author": [1, 2, 3], "items": [{"id": "1", "authors": "x"}]}"#;
    assert_eq!(source(nobody).as_deref(), Some("The Feed"));
    let untitled = r#"{"items": [{"id": "1", "authors": null}]}"#;
    assert_eq!(source(untitled), None);
}

#[test]
fn unknown_keys_and_extensions_are_ignored() {
    let page = page(
        r#"{"version": "https://jsonfeed.org/version/1.1", "title": "Feed", "__TEST__": "x",
            "_contoso": {"n": 1, "b": true}, "_rss": null, "hubs": [{"type": "x"}],
            "items": [{"id": "1", "title": "T", "_geo": {"type": "Point"}, "_itunes": {"episode": 12},
                       "attachments": [{"url": "https://a.example/x.mp3"}], "future_key": [1, {"a": null}]}]}"#,
    );
    assert_eq!(page.article.expect("article").title, "T");
}

#[test]
fn a_utf8_bom_is_tolerated() {
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend_from_slice(feed(r#"{"id": "1", "title": "T"}"#).as_bytes());
    let page = read_page(&bytes, &ReadOptions::default()).expect("BOM is skipped");
    assert_eq!(ids(&page), ["1"]);
}

#[test]
fn nulls_are_tolerated_everywhere() {
    let page = page(
        r#"{"version": null, "title": null, "home_page_url": null, "authors": [null], "author": null,
            "language": null, "_news_widget": null,
            "items": [null, {"id": "1", "title": null, "url": null, "content_html": null,
                             "content_text": "text", "summary": null, "image": null, "tags": null,
                             "authors": [{"name": "Alice"}, null], "date_published": null,
                             "_news_widget": null}, null]}"#,
    );
    let article = page.article.expect("article");
    assert_eq!(article.id, "1");
    assert_eq!(article.title, "text");
    assert_eq!(article.source.as_deref(), Some("Alice"));
    assert_eq!(page.feed_title, "");
}

#[test]
fn missing_optional_fields_are_tolerated() {
    let page = page(r#"{"items": [{"id": "only-an-id"}]}"#);
    let article = page.article.expect("article");
    assert_eq!(
        article.title, "only-an-id",
        "the id is the last-resort title"
    );
    assert_eq!(article.url, None);
    assert_eq!(article.published, None);
    assert_eq!(article.source, None);
    assert!(article.blocks.is_empty());
    assert!(article.tags.is_empty());
    assert!(page.sections.is_empty());
    assert_eq!(page.language, None);
}

#[test]
fn image_may_be_a_string_or_an_object() {
    let figure_src = |image: &str| {
        let blocks = article_text(&page(&feed(&format!(
            r#"{{"id": "1", "image": {image}, "content_text": "body"}}"#
        ))));
        match blocks.first() {
            Some(Block::Figure(Figure {
                image: Image { src, .. },
                ..
            })) => src.clone(),
            _ => None,
        }
    };
    assert_eq!(
        figure_src(r#""https://i.example/a.png""#).as_deref(),
        Some("https://i.example/a.png")
    );
    assert_eq!(
        figure_src(r#"{"url": "https://i.example/b.png", "type": null}"#).as_deref(),
        Some("https://i.example/b.png")
    );
    assert_eq!(figure_src(r#"{"type": "image/png"}"#), None);
    assert_eq!(figure_src(r#""javascript:alert(1)""#), None);
    assert_eq!(figure_src("[1]"), None);
}

#[test]
fn bare_and_http_versions_are_accepted() {
    for (written, want) in [
        (r#""https://jsonfeed.org/version/1""#, Version::V1),
        (r#""http://jsonfeed.org/version/1""#, Version::V1),
        (r#""https://jsonfeed.org/version/1/""#, Version::V1),
        (r#""1.0""#, Version::V1),
        (r#""1""#, Version::V1),
        (r#""https://jsonfeed.org/version/1.1""#, Version::V1_1),
        (r#""HTTP://JSONFEED.ORG/version/1.1""#, Version::V1_1),
        (r#""1.1""#, Version::V1_1),
        (r#""2.0""#, Version::Other("2.0".to_string())),
        ("1.1", Version::Missing),
    ] {
        let json = format!(r#"{{"version": {written}, "items": [{{"id": "1"}}]}}"#);
        let feed = parse_feed(json.as_bytes()).expect("any version is read");
        assert_eq!(feed.version, want, "{written}");
    }
}

#[test]
fn an_empty_items_array_is_an_empty_page() {
    let page =
        page(r#"{"version": "1.1", "title": "Quiet &amp; calm", "authors": [null], "items": []}"#);
    assert_eq!(
        page,
        Page {
            feed_title: "Quiet & calm".to_string(),
            ..Page::default()
        }
    );
}

#[test]
fn errors_name_the_problem_and_where() {
    for (json, want) in [
        ("", "not JSON: EOF while parsing a value at line 1 column 0"),
        ("{\"items\": [\n{\"id\": \"1\", \"title\": \"unterminated", "not JSON: EOF while parsing a string at line 2 column 34"),
        ("{\"items\": [{\"id\": NaN}]}", "not JSON: expected value at line 1 column 19"),
        ("[]", "not a JSON Feed: $ is an array; expected an object with \"version\" and \"items\""),
        ("\"feed\"", "not a JSON Feed: $ is a string"),
        ("{\"rss\": {\"channel\": {}}}", "not a JSON Feed: no \"items\" array at $ (found keys: rss)"),
        ("{}", "not a JSON Feed: no \"items\" array at $ (found keys: none)"),
        (r#"{"a":1,"b":1,"c":1,"d":1,"e":1,"f":1,"g":1,"h":1,"i":1,"j":1}"#, "(found keys: a, b, c, d, e, f, g, h, … 2 more)"),
        (r#"{"items": null}"#, "$.items is null; expected an array of items"),
        (r#"{"items": {"id": "1"}}"#, "$.items is an object; expected an array of items"),
        (r#"{"items": [{"title": "a"}, {"id": null}]}"#, "no usable items: every item in $.items lacks an \"id\" (first: $.items[0])"),
        (r#"{"items": [null]}"#, "no usable items: the only entry in $.items cannot be shown: $.items[0] is null; expected an item object"),
        (r#"{"items": [{"id": {"a": "b"}}]}"#, "no usable items: the only entry in $.items cannot be shown: $.items[0].id is an object; expected a string"),
        (r#"{"items": [{"title": "x"}, 3]}"#, "no usable items: none of the 2 entries in $.items can be shown (first: $.items[0] lacks an \"id\")"),
    ] {
        let message = error(json);
        assert!(message.contains(want), "{json:?}\n got: {message}\nwant: {want}");
    }
}

#[test]
fn feed_errors_are_comparable_values() {
    let err = read_page(b"{\"items\": null}", &ReadOptions::default()).expect_err("error");
    assert_eq!(
        err,
        FeedError::WrongType {
            path: "$.items".to_string(),
            found: "null",
            expected: "an array of items"
        }
    );
    let err = read_page(b"{\n  \"items\": [", &ReadOptions::default()).expect_err("error");
    assert!(
        matches!(
            err,
            FeedError::NotJson {
                line: 2,
                column: 12,
                ..
            }
        ),
        "{err:?}"
    );
    let boxed: Box<dyn std::error::Error> = Box::new(err.clone());
    assert_eq!(boxed.to_string(), err.to_string());
}

#[test]
fn titles_are_plain_text() {
    for (written, want) in [
        (
            r#""FCC Says Releasing &#8216;Jokes&#8217;""#,
            "FCC Says Releasing ‘Jokes’",
        ),
        (
            r#""Menus, Lists &amp; Dictionaries""#,
            "Menus, Lists & Dictionaries",
        ),
        (r#""I&#039;m A Guest&nbsp;!""#, "I'm A Guest !"),
        (
            r#""Introducing the &lt;geolocation&gt; element""#,
            "Introducing the <geolocation> element",
        ),
        (r#""<b>Bold</b> move""#, "Bold move"),
        (r#""Line\nbreak  and\ttab""#, "Line break and tab"),
        (
            r#""<blink><script>alert('abc');</script></blink>Safe""#,
            "Safe",
        ),
    ] {
        let page = page(&feed(&format!(r#"{{"id": "1", "title": {written}}}"#)));
        assert_eq!(page.article.expect("article").title, want, "{written}");
    }
}

#[test]
fn non_string_titles_count_as_missing() {
    let page = page(&feed(
        r#"{"id": "1", "title": [1, 2, 3], "summary": "From the summary"},
           {"id": "2", "title": {"text": "x"}, "content_text": "From the text"}"#,
    ));
    assert_eq!(
        page.article.as_ref().expect("article").title,
        "From the summary"
    );
    assert_eq!(headlines(&page)[0].title, "From the text");
}

#[test]
fn untitled_items_get_a_title_from_their_text() {
    let long = "word ".repeat(40);
    let page = page(&feed(&format!(
        r#"{{"id": "s", "summary": "<p>Summary &amp; more</p>", "content_text": "text"}},
           {{"id": "t", "content_text": "First line\nsecond line\n\nnext paragraph"}},
           {{"id": "h", "content_html": "<script>x()</script><h2>Heading</h2><p>para</p>"}},
           {{"id": "l", "content_text": "{long}"}},
           {{"id": "c", "content_text": "{cjk}"}},
           {{"id": "e", "title": "  ", "content_html": "<img src=x.png>"}},
           {{"id": "https://example.org/id"}}"#,
        cjk = "浙".repeat(100)
    )));
    let mut titles = vec![page.article.as_ref().expect("article").title.clone()];
    titles.extend(headlines(&page).iter().map(|h| h.title.clone()));
    assert_eq!(titles[0], "Summary & more");
    assert_eq!(titles[1], "First line second line next paragraph");
    assert_eq!(titles[2], "Heading para");
    assert!(
        titles[3].ends_with('…') && titles[3].chars().count() <= 81,
        "{}",
        titles[3]
    );
    assert_eq!(titles[4], format!("{}…", "浙".repeat(80)));
    assert_eq!(titles[5], "e");
    assert_eq!(titles[6], "https://example.org/id");
}

#[test]
fn without_the_extension_the_first_item_is_the_article_and_the_rest_one_section() {
    let page = page(&feed(
        r#"{"id": "1", "title": "Lead", "content_html": "<p>html</p>", "content_text": "text", "summary": "sum"},
           {"id": "2", "title": "Two", "summary": "S2"},
           {"id": "3", "title": "Three"}"#,
    ));
    assert_eq!(article_text(&page), [paragraph("html")]);
    assert_eq!(page.sections.len(), 1);
    let section = &page.sections[0];
    assert_eq!(section.title, "Feed");
    assert!(!section.show_summaries);
    assert_eq!(ids(&page), ["1", "2", "3"]);
    assert!(section.items.iter().all(|h| h.summary.is_none()));
}

#[test]
fn article_body_falls_back_from_html_to_text_to_summary() {
    let body = |item: &str| article_text(&page(&feed(item)));
    assert_eq!(
        body(
            r#"{"id": "1", "content_html": "<p>a</p><script>b</script><h3>c</h3>", "content_text": "t"}"#
        ),
        [paragraph("a"), heading("c")]
    );
    assert_eq!(
        body(r#"{"id": "1", "content_html": "", "content_text": "one\n\ntwo"}"#),
        [paragraph("one"), paragraph("two")]
    );
    assert_eq!(
        body(r#"{"id": "1", "content_html": "<p>&nbsp;</p>", "summary": "only <i>summary</i>"}"#),
        [paragraph("only summary")]
    );
}

#[test]
fn script_content_never_reaches_the_model() {
    let page = page(&feed(
        r#"{"id": "1", "title": "<script>alert(1)</script>T", "content_html": "<p>ok</p><script>alert(2)</script><img src=x onerror=alert(3)>"}"#,
    ));
    let debug = format!("{page:?}");
    assert!(!debug.contains("alert"), "{debug}");
}

#[test]
fn the_extension_chooses_the_article_and_sections() {
    let json = r#"{"version": "https://jsonfeed.org/version/1.1", "title": "中国新闻网",
        "_news_widget": {
            "article": "lead", "unknown": true,
            "sections": [
                {"title": "生活指南", "items": ["a", "missing", "b", "a", 7], "summaries": true},
                {"title": "民生", "items": ["c"]},
                {"title": "空", "items": ["missing"]},
                {"items": ["b"], "summaries": "yes"},
                "not a section"
            ]},
        "items": [
            {"id": "a", "title": "A", "summary": "Sa"},
            {"id": "b", "title": "B"},
            {"id": "c", "title": "C", "summary": "Sc"},
            {"id": "7", "title": "Seven"},
            {"id": "lead", "title": "Lead"}]}"#;
    let page = page(json);
    assert_eq!(page.article.as_ref().expect("article").id, "lead");
    let shape: Vec<(&str, bool, Vec<&str>)> = page
        .sections
        .iter()
        .map(|s| {
            (
                s.title.as_str(),
                s.show_summaries,
                s.items.iter().map(|h| h.id.as_str()).collect(),
            )
        })
        .collect();
    assert_eq!(
        shape,
        [
            ("生活指南", true, vec!["a", "b", "7"]),
            ("民生", false, vec!["c"]),
            ("中国新闻网", false, vec!["b"]),
        ]
    );
    let life = &page.sections[0].items;
    assert_eq!(life[0].summary.as_deref(), Some("Sa"));
    assert_eq!(life[1].summary, None, "no summary field, no summary");
    assert_eq!(page.sections[1].items[0].summary, None, "summaries off");
}

#[test]
fn the_extension_article_falls_back_when_unknown() {
    let json = r#"{"_news_widget": {"article": "nope"}, "items": [{"id": "1"}, {"id": "2"}]}"#;
    assert_eq!(ids(&page(json)), ["1", "2"]);
    let json = r#"{"_news_widget": ["not", "an", "object"], "items": [{"id": "1"}, {"id": "2"}]}"#;
    assert_eq!(ids(&page(json)), ["1", "2"]);
}

#[test]
fn the_extension_gives_the_article_its_source_and_blocks() {
    let json = r#"{"title": "Feed", "authors": [{"name": "Feed Author"}], "items": [{
        "id": "1", "title": "T", "content_html": "<p>ignored</p>", "image": "https://i.example/hero.png",
        "tags": ["浙江", "", "丽水", "浙江", 3],
        "_news_widget": {
            "source": " 中国新闻网 ",
            "blocks": [
                {"type": "paragraph", "text": "  First &amp; plain  "},
                {"type": "heading", "text": "改革筑基"},
                {"type": "paragraph", "text": ""},
                {"type": "video", "src": "x.mp4"},
                {"type": "figure", "src": "img/lishui-1.svg", "width": 640, "height": 360,
                 "alt": "俯瞰", "caption": "俯瞰丽水经开区。", "credit": "丽水经开区 供图"},
                {"type": "figure", "src": "javascript:alert(1)", "caption": "kept"},
                {"type": "figure", "src": "a.png", "width": 800},
                {"type": "figure", "width": "300", "height": 0},
                {"type": "figure", "width": -5, "height": 1e20},
                "junk", {"text": "no type"}
            ]}}]}"#;
    let options = ReadOptions {
        base_url: Some("https://news.example/widget/feed.json"),
        ..ReadOptions::default()
    };
    let article = page_with(json, &options).article.expect("article");
    assert_eq!(article.source.as_deref(), Some("中国新闻网"));
    assert_eq!(article.tags, ["浙江", "丽水"]);
    let figure =
        |src: Option<&str>, width, height, alt: &str, caption: &str, credit: Option<&str>| {
            Block::Figure(Figure {
                image: Image {
                    src: src.map(str::to_string),
                    srcset: None,
                    width: Some(width),
                    height: Some(height),
                    alt: alt.to_string(),
                },
                link: None,
                caption: if caption.is_empty() {
                    vec![]
                } else {
                    vec![Inline::Text(caption.to_string())]
                },
                credit: credit.map(str::to_string),
            })
        };
    assert_eq!(
        article.blocks,
        [
            paragraph("First &amp; plain"),
            heading("改革筑基"),
            figure(
                Some("https://news.example/widget/img/lishui-1.svg"),
                640,
                360,
                "俯瞰",
                "俯瞰丽水经开区。",
                Some("丽水经开区 供图")
            ),
            figure(None, 640, 360, "", "kept", None),
            figure(
                Some("https://news.example/widget/a.png"),
                800,
                450,
                "",
                "",
                None
            ),
            figure(None, 300, 168, "", "", None),
            figure(None, 640, 360, "", "", None),
        ]
    );
}

#[test]
fn extension_figures_stay_relative_without_a_fetch_url() {
    let json = r#"{"feed_url": "https://elsewhere.example/feed.json", "items": [{"id": "1",
        "_news_widget": {"blocks": [{"type": "figure", "src": "img/a.svg"}]}}]}"#;
    let blocks = article_text(&page(json));
    assert!(
        matches!(&blocks[..], [Block::Figure(Figure { image: Image { src: Some(src), .. }, .. })] if src == "img/a.svg"),
        "{blocks:?}"
    );
}

#[test]
fn empty_extension_blocks_fall_back_to_content() {
    let json = r#"{"items": [{"id": "1", "content_text": "text",
        "_news_widget": {"blocks": [{"type": "unknown"}]}}]}"#;
    assert_eq!(article_text(&page(json)), [paragraph("text")]);
}

#[test]
fn relative_urls_resolve_against_the_fetch_url_then_the_feed() {
    let json = r#"{"home_page_url": "https://home.example/", "feed_url": "/feed.json", "items": [
        {"id": "1", "url": "/2020/08/07/post.html"}, {"id": "2", "url": "other.html"}]}"#;
    let fetched = ReadOptions {
        base_url: Some("https://cdn.example/feeds/feed.json"),
        ..ReadOptions::default()
    };
    let page = page_with(json, &fetched);
    assert_eq!(
        page.article.as_ref().and_then(|a| a.url.as_deref()),
        Some("https://cdn.example/2020/08/07/post.html")
    );
    assert_eq!(
        headlines(&page)[0].url.as_deref(),
        Some("https://cdn.example/feeds/other.html")
    );
    let page = self::page(json);
    assert_eq!(
        page.article.as_ref().and_then(|a| a.url.as_deref()),
        Some("https://home.example/2020/08/07/post.html"),
        "the absolute home_page_url is the base when the fetch URL is unknown"
    );
    let relative_fetch = ReadOptions {
        base_url: Some("/news/feed.json"),
        ..ReadOptions::default()
    };
    assert_eq!(
        headlines(&page_with(json, &relative_fetch))[0]
            .url
            .as_deref(),
        Some("/news/other.html"),
        "a relative fetch URL still places relative links beside the feed"
    );
    let relative_only = r#"{"home_page_url": "/", "items": [{"id": "1", "url": "/a.html"}]}"#;
    assert_eq!(
        self::page(relative_only)
            .article
            .and_then(|a| a.url)
            .as_deref(),
        Some("/a.html"),
        "no absolute base: kept relative for the browser to resolve"
    );
}

#[test]
fn article_id_option_overrides_the_feed_choice() {
    let json = r#"{"title": "F", "_news_widget": {"article": "b"},
        "items": [{"id": "a"}, {"id": "b"}, {"id": "c"}]}"#;
    let choose = |id| {
        ids(&page_with(
            json,
            &ReadOptions {
                article_id: Some(id),
                ..ReadOptions::default()
            },
        ))
    };
    assert_eq!(choose("c"), ["c", "a", "b"]);
    assert_eq!(choose("unknown"), ["b", "a", "c"]);
    assert_eq!(ids(&page(json)), ["b", "a", "c"]);
}

#[test]
fn max_headlines_caps_each_section() {
    let json = r#"{"title": "F", "_news_widget": {"sections": [
            {"title": "one", "items": ["1", "2", "3"]}, {"title": "two", "items": ["3", "4"]}]},
        "items": [{"id": "1"}, {"id": "2"}, {"id": "3"}, {"id": "4"}]}"#;
    let capped = |max| {
        page_with(
            json,
            &ReadOptions {
                max_headlines: Some(max),
                ..ReadOptions::default()
            },
        )
        .sections
        .iter()
        .map(|s| s.items.len())
        .collect::<Vec<_>>()
    };
    assert_eq!(capped(2), [2, 2]);
    assert_eq!(capped(1), [1, 1]);
    assert_eq!(capped(0), Vec::<usize>::new());
    let default_section = page_with(
        &feed(r#"{"id": "1"}, {"id": "2"}, {"id": "3"}"#),
        &ReadOptions {
            max_headlines: Some(1),
            ..ReadOptions::default()
        },
    );
    assert_eq!(ids(&default_section), ["1", "2"]);
}

#[test]
fn language_is_kept_only_when_tag_shaped() {
    for (written, want) in [
        (r#""zh-CN""#, Some("zh-CN")),
        (r#""en_US""#, Some("en-US")),
        (r#""de-DE""#, Some("de-DE")),
        (r#""en\" onload=\"x""#, None),
        (r#""""#, None),
        ("5", None),
    ] {
        let json = format!(r#"{{"language": {written}, "items": [{{"id": "1"}}]}}"#);
        assert_eq!(page(&json).language.as_deref(), want, "{written}");
    }
}

#[test]
fn an_item_without_an_id_is_keyed_on_its_url_with_a_note() {
    let json = r#"{"version": "https://jsonfeed.org/version/1.1", "items": [
        {"id": "", "url": " https://n.example/1 ", "title": "One"},
        {"url": "https://n.example/2", "title": "Two"},
        {"id": "", "title": "No url"}]}"#;
    let feed = parse_feed(json.as_bytes()).expect("reads");
    let ids: Vec<&str> = feed.items.iter().map(|i| i.id.as_str()).collect();
    assert_eq!(ids, ["https://n.example/1", "https://n.example/2"]);
    assert_eq!(
        feed.notes,
        [
            "$.items[0] has no \"id\"; its \"url\" is used as its id",
            "$.items[1] has no \"id\"; its \"url\" is used as its id",
            "$.items[2] lacks an \"id\"; item skipped",
        ]
    );
}
