#![cfg(not(target_arch = "wasm32"))]
//! Properties over hostile input: nothing panics, and what comes out is always plain text
//! and safe URLs.

mod common;

use common::model_markup::{assert_model_invariants, prose_texts};
use news_widget::feed::{read_page, ReadOptions};
use news_widget::plain_text::{html_to_line, text_to_paragraphs};
use news_widget::rich_text::html_to_blocks;
use news_widget::timestamp::Timestamp;
use news_widget::url_policy::safe_url;
use news_widget::view_model::{Block, Page};
use proptest::prelude::*;
use serde_json::{Map, Value};

/// 256 cases keeps the suite quick; `PROPTEST_CASES=20000` digs deeper.
fn config() -> ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(256);
    ProptestConfig::with_cases(cases)
}

/// Strings a hostile or sloppy feed is likely to carry.
fn tricky_string() -> impl Strategy<Value = String> {
    prop_oneof![
        Just(String::new()),
        Just("  ".to_string()),
        Just("javascript:alert(1)".to_string()),
        Just(" \u{1}JavaScript:alert(1)".to_string()),
        Just("data:text/html,<script>x</script>".to_string()),
        Just("//cdn.example/x.png".to_string()),
        Just("../img/a.svg".to_string()),
        Just("https://example.org/a".to_string()),
        Just("<script>alert(1)</script>".to_string()),
        Just("<p>para</p><h2>head</h2>&amp;&#8217;&#xD800;&#99999999;".to_string()),
        Just("<a href='x>y'>unterminated".to_string()),
        Just("2025-03-19T13:20:05+08:00".to_string()),
        Just("Fri, 31 May 2019 12:17:58 -0700".to_string()),
        Just("2019-02-29T25:61".to_string()),
        Just("浙江丽水\u{3000}\u{a0}".to_string()),
        Just("\u{0}\u{7f}\u{85}\u{202e}".to_string()),
        ".{0,40}",
    ]
}

fn number() -> impl Strategy<Value = Value> {
    prop_oneof![
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        any::<f64>().prop_map(Value::from),
        Just(Value::from(200.0)),
        Just(Value::from(0)),
        Just(Value::from(-1)),
    ]
}

/// Keys the reader looks at, so random objects hit the interesting paths.
fn key() -> impl Strategy<Value = String> {
    prop_oneof![
        prop::sample::select(vec![
            "id",
            "title",
            "url",
            "external_url",
            "content_html",
            "content_text",
            "summary",
            "image",
            "banner_image",
            "date_published",
            "date_modified",
            "author",
            "authors",
            "name",
            "tags",
            "language",
            "_news_widget",
            "article",
            "sections",
            "items",
            "summaries",
            "source",
            "blocks",
            "type",
            "text",
            "src",
            "width",
            "height",
            "alt",
            "caption",
            "credit",
            "version",
            "home_page_url",
            "feed_url",
        ])
        .prop_map(str::to_string),
        Just("paragraph".to_string()),
        "[a-z_]{1,6}",
    ]
}

fn json_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        number(),
        tricky_string().prop_map(Value::String),
        prop::sample::select(vec!["paragraph", "heading", "figure"]).prop_map(Value::from),
    ];
    leaf.prop_recursive(4, 48, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::vec((key(), inner), 0..8)
                .prop_map(|pairs| Value::Object(pairs.into_iter().collect::<Map<_, _>>())),
        ]
    })
}

/// A feed-shaped document built from random parts.
fn feed_value() -> impl Strategy<Value = Value> {
    let item = prop_oneof![
        json_value(),
        (
            prop_oneof![json_value(), tricky_string().prop_map(Value::String)],
            prop::collection::vec((key(), json_value()), 0..10),
        )
            .prop_map(|(id, fields)| {
                let mut object: Map<String, Value> = fields.into_iter().collect();
                object.insert("id".to_string(), id);
                Value::Object(object)
            }),
    ];
    (
        prop::collection::vec(item, 0..8),
        prop::collection::vec((key(), json_value()), 0..6),
        json_value(),
    )
        .prop_map(|(items, fields, extension)| {
            let mut root: Map<String, Value> = fields.into_iter().collect();
            root.insert("items".to_string(), Value::Array(items));
            root.insert("_news_widget".to_string(), extension);
            Value::Object(root)
        })
}

/// Safe: `http(s)` or no scheme at all (a browser only reads a scheme that starts with a
/// letter), and nothing a browser would strip or reinterpret.
fn is_safe_url(url: &str) -> bool {
    let lower = url.to_ascii_lowercase();
    let scheme_less = match url.split_once(':') {
        None => true,
        Some((before, _)) => {
            !before.starts_with(|c: char| c.is_ascii_alphabetic())
                || !before
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
        }
    };
    (lower.starts_with("http://") || lower.starts_with("https://") || scheme_less)
        && !url
            .chars()
            .any(|c| c.is_control() || c.is_whitespace() || c == '\\')
}

/// What every page must be, whatever the feed.
fn assert_page_invariants(page: &Page) {
    let mut texts = vec![page.feed_title.clone()];
    let mut urls = Vec::new();
    for section in &page.sections {
        assert!(!section.items.is_empty());
        for headline in &section.items {
            assert!(!headline.title.is_empty(), "empty headline {headline:?}");
            texts.push(headline.title.clone());
            urls.extend(headline.url.clone());
        }
    }
    if let Some(article) = &page.article {
        assert!(!article.title.is_empty());
        texts.push(article.title.clone());
        urls.extend(article.url.clone());
        assert_model_invariants(&article.blocks);
        for block in &article.blocks {
            if let Block::Paragraph(content) | Block::Heading { content, .. } = block {
                assert!(!content.is_empty(), "empty block in {:?}", article.blocks);
            }
            if let Block::Figure(f) = block {
                assert!(f.image.width.is_none_or(|w| w > 0));
                assert!(f.image.height.is_none_or(|h| h > 0));
            }
        }
    }
    for url in urls {
        assert!(is_safe_url(&url), "unsafe URL {url:?}");
    }
    for text in texts {
        assert!(
            !text.chars().any(char::is_control),
            "control character in {text:?}"
        );
    }
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..512)) {
        match read_page(&bytes, &ReadOptions::default()) {
            Ok(page) => assert_page_invariants(&page),
            Err(error) => prop_assert!(!error.to_string().is_empty()),
        }
    }

    #[test]
    fn json_prefixed_bytes_never_panic(tail in prop::collection::vec(any::<u8>(), 0..256)) {
        let mut bytes = br#"{"items": [{"id": 1, "content_html": ""#.to_vec();
        bytes.extend(tail);
        let _ = read_page(&bytes, &ReadOptions::default());
    }

    #[test]
    fn feed_shaped_json_never_panics(
        feed in feed_value(),
        base in prop_oneof![Just(None), Just(Some("https://example.org/f/feed.json")), Just(Some("javascript:x"))],
        article in prop_oneof![Just(None), Just(Some("1")), Just(Some(""))],
        cap in prop_oneof![Just(None), (0usize..3).prop_map(Some)],
    ) {
        let bytes = feed.to_string().into_bytes();
        let options = ReadOptions { base_url: base, article_id: article, max_headlines: cap, every_item: false };
        match read_page(&bytes, &options) {
            Ok(page) => {
                assert_page_invariants(&page);
                if let Some(cap) = cap {
                    prop_assert!(page.sections.iter().all(|s| s.items.len() <= cap));
                }
            }
            Err(error) => {
                let message = error.to_string();
                prop_assert!(
                    message.contains("$.items") || message.contains("not JSON") || message.contains("not a JSON Feed"),
                    "unspecific message {}", message
                );
            }
        }
    }

    #[test]
    fn rich_text_never_panics_and_emits_clean_blocks(
        s in prop_oneof![".{0,200}", "([<>/=\"'& a-z!-]|<(/?)(p|b|a href=|img src=|ul|li|table|td|tr|svg|script|pre|h2|br|figure|figcaption)>){0,60}"],
        base in prop_oneof![Just(None), Just(Some("https://example.org/a/b"))],
    ) {
        let blocks = html_to_blocks(&s, base);
        assert_model_invariants(&blocks);
        for block in &blocks {
            if let Block::Paragraph(content) | Block::Heading { content, .. } = block {
                prop_assert!(!content.is_empty());
            }
        }
        for text in prose_texts(&blocks) {
            prop_assert!(!text.contains("  "), "{:?} from {:?}", text, s);
        }
        for paragraph in text_to_paragraphs(&s) {
            prop_assert!(!paragraph.is_empty());
            prop_assert!(!paragraph.chars().any(char::is_control));
        }
    }

    #[test]
    fn plain_text_of_markup_soup_never_contains_tags(
        tail in prop::sample::select(vec!["", "</Q ", "<divQ", "<a href='Q", "<!--Q", "<script>Q"]),
        parts in prop::collection::vec(
            prop_oneof![
                // Text: may contain '>' and stray quotes, never '<' or '&'.
                "[a-z >\"'=/!-]{0,8}",
                // Markup: every tag name and attribute carries a 'Q', which text never does.
                prop::sample::select(vec![
                    "<Q>", "</Q>", "<pQ>", "<P class=\"Q>Q\">", "<a href='Q>Q' title=Q>", "<br/Q>",
                    "<H2 Q>", "</h2 Q>", "<!--Q-->", "<!Q>", "<?Q?>",
                    "<script>Q<p>Q</p></script>", "<STYLE>Q{}</STYLE >", "<template><p>Q</p></template>",
                    "<svg><text>Q</text></svg>", "<noscript>Q</noscript>", "<iframe>Q</iframe>",
                    "<object>Q<object>Q</object>Q</object>", "<img src=Q alt=Q>", "<td Q>",
                ]).prop_map(str::to_string),
            ],
            0..24,
        )
    ) {
        // An unterminated tag swallows what follows it, so it can only come last.
        let html: String = parts.concat() + tail;
        let text = html_to_line(&html);
        prop_assert!(!text.contains('Q'), "tag content leaked from {:?}: {:?}", html, text);
        prop_assert!(!text.contains('<'), "'<' leaked from {:?}: {:?}", html, text);
    }

    #[test]
    fn safe_url_only_returns_safe_urls(
        raw in prop_oneof![tricky_string(), "[a-zA-Z:/\\\\.?# \t\u{0}-]{0,24}", ".{0,40}"],
        base in prop_oneof![Just(None), Just(Some("https://example.org/a/b".to_string())), ".{0,20}".prop_map(Some)],
    ) {
        if let Some(url) = safe_url(&raw, base.as_deref()) {
            prop_assert!(is_safe_url(&url), "{:?} + {:?} gave {:?}", raw, base, url);
        }
    }

    #[test]
    fn timestamp_parse_never_panics_and_validates(
        s in prop_oneof![
            ".{0,40}",
            "[0-9]{4}-[0-9]{2}-[0-9]{2}[T ][0-9]{2}:[0-9]{2}(:[0-9]{2})?(Z|[+-][0-9]{2}:?[0-9]{2})?",
            "(Mon, )?[0-9]{1,2} (Jan|Feb|Jun|Sept) [0-9]{2,4} [0-9]{1,2}:[0-9]{2}(:[0-9]{2})? (GMT|[+-][0-9]{4}|EST)?",
        ]
    ) {
        if let Some(t) = Timestamp::parse(&s) {
            prop_assert!((1..=12).contains(&t.month));
            prop_assert!((1..=31).contains(&t.day));
            prop_assert!(t.hour < 24 && t.minute < 60 && t.second <= 60);
            prop_assert!(t.offset_minutes.is_none_or(|o| o.abs() < 24 * 60));
        }
    }
}
