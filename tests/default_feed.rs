#![cfg(not(target_arch = "wasm32"))]
//! The embedded default feed (`static/feed.json`) against the seed page it was transcribed
//! from, and against the feed's JSON Schema (`schema/news-widget-feed.schema.json`).
//!
//! The seed is parsed on its own (tests/common/seed.rs), so a transcription slip in the feed (a paragraph
//! dropped, a heading left glued on, a summary trimmed too much) shows up as a difference.
//! The feed is read with `serde_json` directly, not through the widget's reader.

mod common;

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use serde_json::{json, Value};

use common::seed::{parse_seed, seed, Block, HEADINGS, PUBLISHER_OFFSET};

fn feed() -> Value {
    serde_json::from_slice(&common::default_feed_bytes()).expect("static/feed.json is JSON")
}

fn project_path(relative: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(relative)
}

fn str_at<'a>(value: &'a Value, pointer: &str) -> &'a str {
    value
        .pointer(pointer)
        .and_then(Value::as_str)
        .unwrap_or_else(|| panic!("{pointer} is not a string in {value}"))
}

fn items_by_id(feed: &Value) -> HashMap<&str, &Value> {
    feed["items"]
        .as_array()
        .expect("items array")
        .iter()
        .map(|item| (str_at(item, "/id"), item))
        .collect()
}

fn article(feed: &Value) -> &Value {
    let id = str_at(feed, "/_news_widget/article");
    items_by_id(feed)[id]
}

/// The items a section lists, in its order.
fn section_items(feed: &Value, index: usize) -> Vec<&Value> {
    let by_id = items_by_id(feed);
    feed["_news_widget"]["sections"][index]["items"]
        .as_array()
        .expect("section items array")
        .iter()
        .map(|id| by_id[id.as_str().expect("section item id is a string")])
        .collect()
}

fn feed_blocks(article: &Value) -> Vec<Block> {
    article["_news_widget"]["blocks"]
        .as_array()
        .expect("article blocks array")
        .iter()
        .map(|block| match str_at(block, "/type") {
            "paragraph" => Block::Paragraph(str_at(block, "/text").to_owned()),
            "heading" => Block::Heading(str_at(block, "/text").to_owned()),
            "figure" => Block::Figure {
                caption: str_at(block, "/caption").to_owned(),
                credit: str_at(block, "/credit").to_owned(),
            },
            other => panic!("unexpected block type {other:?}"),
        })
        .collect()
}

/// Equal sequences, or a message naming the first place they part.
fn assert_same_sequence<T: PartialEq + std::fmt::Debug>(what: &str, seed: &[T], feed: &[T]) {
    if let Some(i) = (0..seed.len().min(feed.len())).find(|&i| seed[i] != feed[i]) {
        panic!(
            "{what}: #{i} differs\n seed: {:?}\n feed: {:?}",
            seed[i], feed[i]
        );
    }
    assert_eq!(
        seed.len(),
        feed.len(),
        "{what}: the seed has {} entries, the feed {} (first one without a match: {:?})",
        seed.len(),
        feed.len(),
        seed.get(feed.len())
            .map(|s| format!("{s:?}"))
            .or_else(|| feed.get(seed.len()).map(|f| format!("{f:?}")))
    );
}

// ---- the seed parser itself --------------------------------------------------------------

#[test]
fn seed_parser_finds_the_whole_page() {
    let seed = seed();
    let count = |f: fn(&Block) -> bool| seed.blocks.iter().filter(|b| f(b)).count();
    assert_eq!(seed.headline, "向新而行 浙江丽水探路山区发展“新赛道”");
    assert_eq!(seed.time, "2025-03-19 13:20:05");
    assert_eq!(seed.source, "中国新闻网");
    assert_eq!(count(|b| matches!(b, Block::Paragraph(_))), 19);
    assert_eq!(count(|b| matches!(b, Block::Heading(_))), 3);
    assert_eq!(count(|b| matches!(b, Block::Figure { .. })), 2);
    assert!(seed.tags.is_empty(), "the seed's tag line is empty");
    assert_eq!(seed.guide_title, "生活指南");
    assert_eq!(seed.guide.len(), 16);
    assert_eq!(seed.people_title, "民生");
    assert_eq!(seed.people.len(), 4);
}

#[test]
fn seed_parser_splits_glued_headings_and_captions() {
    let seed = parse_seed(
        "标题\n时间:2025-01-01 00:00:00来源:某网\n甲段。改革筑基:制度创新重塑发展生态\n\n\
         图说。某某 供图\n创新赋能:科创引擎激活新质生产力\n标签:\n\n生活指南\n  • 题一\n\n    \u{2003}摘要一 \n  • 民生\n    • 题二",
    );
    assert_eq!(
        seed.blocks,
        [
            Block::Paragraph("甲段。".into()),
            Block::Heading(HEADINGS[0].into()),
            Block::Figure {
                caption: "图说。".into(),
                credit: "某某 供图".into()
            },
            Block::Heading(HEADINGS[1].into()),
        ]
    );
    assert_eq!(seed.guide, [("题一".to_owned(), "摘要一".to_owned())]);
    assert_eq!(seed.people, ["题二"]);
}

// ---- the feed against the seed -----------------------------------------------------------

#[test]
fn article_matches_the_seed() {
    let (seed, feed) = (seed(), feed());
    let article = article(&feed);

    assert_eq!(str_at(article, "/title"), seed.headline);
    let (date, time) = seed.time.split_once(' ').expect("date and time");
    assert_eq!(
        str_at(article, "/date_published"),
        format!("{date}T{time}{PUBLISHER_OFFSET}")
    );
    assert_eq!(str_at(article, "/_news_widget/source"), seed.source);
    assert_eq!(
        article["tags"],
        json!(seed.tags),
        "tags come from the tag line"
    );
    assert_same_sequence("article blocks", &seed.blocks, &feed_blocks(article));
}

/// The seed's blocks as the widget's view model has them (what the components render).
fn model_blocks(blocks: &[news_widget::view_model::Block]) -> Vec<Block> {
    use news_widget::view_model::{inline_text, Block as Model};
    blocks
        .iter()
        .map(|block| match block {
            Model::Paragraph(content) => Block::Paragraph(inline_text(content)),
            Model::Heading { level: 2, content } => Block::Heading(inline_text(content)),
            Model::Figure(figure) => Block::Figure {
                caption: inline_text(&figure.caption),
                credit: figure.credit.clone().unwrap_or_default(),
            },
            other => panic!("the seed has no block like {other:?}"),
        })
        .collect()
}

#[test]
fn the_widget_renders_the_seed_block_for_block() {
    use news_widget::feed::{read_page, ReadOptions};
    let seed = seed();
    let page = read_page(&common::default_feed_bytes(), &ReadOptions::default()).expect("reads");
    let article = page.article.expect("an article");
    assert_eq!(article.title, seed.headline);
    assert_same_sequence(
        "rendered blocks",
        &seed.blocks,
        &model_blocks(&article.blocks),
    );
    // Every paragraph is one plain text run, every heading an h2, as the extension says.
    for block in &article.blocks {
        match block {
            news_widget::view_model::Block::Paragraph(content)
            | news_widget::view_model::Block::Heading { content, .. } => {
                assert!(matches!(
                    content.as_slice(),
                    [news_widget::view_model::Inline::Text(_)]
                ))
            }
            news_widget::view_model::Block::Figure(figure) => {
                assert_eq!(
                    (figure.image.width, figure.image.height),
                    (Some(640), Some(360))
                );
                assert!(figure
                    .image
                    .src
                    .as_deref()
                    .is_some_and(|s| s.ends_with(".svg")));
            }
            other => panic!("unexpected {other:?}"),
        }
    }
}

#[test]
fn article_content_text_is_the_body_without_figures() {
    let (seed, feed) = (seed(), feed());
    let body: Vec<&str> = seed
        .blocks
        .iter()
        .filter_map(|b| match b {
            Block::Paragraph(text) | Block::Heading(text) => Some(text.as_str()),
            Block::Figure { .. } => None,
        })
        .collect();
    assert_eq!(str_at(article(&feed), "/content_text"), body.join("\n\n"));
}

#[test]
fn figures_use_the_placeholder_images_at_their_size() {
    let feed = feed();
    let figures: Vec<&Value> = article(&feed)["_news_widget"]["blocks"]
        .as_array()
        .expect("blocks")
        .iter()
        .filter(|b| b["type"] == "figure")
        .collect();
    assert_eq!(figures.len(), 2);
    for (n, figure) in figures.iter().enumerate() {
        let src = str_at(figure, "/src");
        assert_eq!(src, format!("img/lishui-{}.svg", n + 1));
        assert_eq!(figure["alt"], figure["caption"], "alt text is the caption");
        let svg = std::fs::read_to_string(project_path("static").join(src))
            .unwrap_or_else(|e| panic!("{src}: {e}"));
        let (width, height) = (&figure["width"], &figure["height"]);
        let root = svg.split('>').next().expect("svg root tag");
        assert!(
            root.contains(&format!(r#"width="{width}""#)),
            "{src}: {root}"
        );
        assert!(
            root.contains(&format!(r#"height="{height}""#)),
            "{src}: {root}"
        );
        assert!(root.contains(&format!(r#"viewBox="0 0 {width} {height}""#)));
    }
}

#[test]
fn placeholder_images_are_small_and_self_contained() {
    for name in ["lishui-1.svg", "lishui-2.svg"] {
        let svg = std::fs::read_to_string(project_path("static/img").join(name)).expect(name);
        assert!(svg.len() < 2048, "{name} is {} bytes", svg.len());
        assert!(svg.starts_with("<svg "), "{name}: no prolog, no doctype");
        for banned in [
            "<script",
            "href",
            "url(",
            "@import",
            "<foreignObject",
            "<image",
            "on",
        ] {
            let hit = if banned == "on" {
                // Event handler attributes: ` onload=`, ` onclick=`, …
                svg.split_whitespace()
                    .any(|w| w.starts_with("on") && w.contains('='))
            } else {
                svg.contains(banned)
            };
            assert!(!hit, "{name} contains {banned:?}");
        }
    }
}

#[test]
fn sections_match_the_seed_lists() {
    let (seed, feed) = (seed(), feed());
    let sections = feed["_news_widget"]["sections"]
        .as_array()
        .expect("sections");
    assert_eq!(sections.len(), 2);

    assert_eq!(sections[0]["title"], seed.guide_title.as_str());
    assert_eq!(sections[0]["summaries"], true);
    let guide: Vec<(String, String)> = section_items(&feed, 0)
        .iter()
        .map(|item| {
            // Sidebar items have no body of their own; content_text repeats the summary so
            // that plain JSON Feed readers show something.
            assert_eq!(item["content_text"], item["summary"]);
            (
                str_at(item, "/title").to_owned(),
                str_at(item, "/summary").to_owned(),
            )
        })
        .collect();
    assert_same_sequence("生活指南", &seed.guide, &guide);

    assert_eq!(sections[1]["title"], seed.people_title.as_str());
    assert_eq!(sections[1]["summaries"], false);
    let people: Vec<String> = section_items(&feed, 1)
        .iter()
        .map(|item| {
            assert!(item.get("summary").is_none(), "民生 items have no summary");
            assert_eq!(item["content_text"], "");
            str_at(item, "/title").to_owned()
        })
        .collect();
    assert_same_sequence("民生", &seed.people, &people);
}

#[test]
fn every_item_is_the_article_or_in_exactly_one_section() {
    let feed = feed();
    let mut placed = vec![str_at(&feed, "/_news_widget/article")];
    for index in 0..2 {
        placed.extend(section_items(&feed, index).iter().map(|i| str_at(i, "/id")));
    }
    let ids: Vec<&str> = feed["items"]
        .as_array()
        .expect("items")
        .iter()
        .map(|item| str_at(item, "/id"))
        .collect();
    assert_eq!(
        ids, placed,
        "items are in page order: article, 生活指南, 民生"
    );
    let unique: HashSet<&str> = ids.iter().copied().collect();
    assert_eq!(unique.len(), ids.len(), "item ids are unique");
}

#[test]
fn every_id_the_extension_names_exists() {
    let feed = feed();
    let by_id = items_by_id(&feed);
    let mut named = vec![str_at(&feed, "/_news_widget/article")];
    for section in feed["_news_widget"]["sections"]
        .as_array()
        .expect("sections")
    {
        named.extend(
            section["items"]
                .as_array()
                .expect("section items")
                .iter()
                .map(|id| id.as_str().expect("id is a string")),
        );
    }
    assert_eq!(named.len(), 21);
    for id in named {
        assert!(by_id.contains_key(id), "no item with id {id:?}");
    }
}

#[test]
fn feed_document_is_plain_pretty_json_feed_1_1() {
    let bytes = common::default_feed_bytes();
    assert!(!bytes.starts_with(b"\xEF\xBB\xBF"), "no BOM");
    let text = std::str::from_utf8(&bytes).expect("UTF-8");
    assert!(
        text.starts_with("{\n  \"version\": "),
        "pretty-printed, version first"
    );
    assert!(text.ends_with("}\n"));
    let feed = feed();
    assert_eq!(feed["version"], "https://jsonfeed.org/version/1.1");
    assert_eq!(feed["language"], "zh-CN");
    assert_eq!(feed["title"], "中国新闻网");
    // No URL is in the seed, so the feed invents none.
    assert!(!text.contains("http:"));
    assert_eq!(text.matches("https:").count(), 1, "only the version URL");
    for item in feed["items"].as_array().expect("items") {
        assert!(item.get("url").is_none() && item.get("external_url").is_none());
    }
}

// ---- the schema --------------------------------------------------------------------------

struct Validator {
    schemas: boon::Schemas,
    index: boon::SchemaIndex,
}

impl Validator {
    fn from_file(path: &Path) -> Self {
        let text = std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let schema: Value = serde_json::from_slice(&text).expect("schema is JSON");
        let location = format!("file://{}", path.display());
        let mut compiler = boon::Compiler::new();
        compiler.enable_format_assertions();
        compiler
            .add_resource(&location, schema)
            .expect("schema resource");
        let mut schemas = boon::Schemas::new();
        let index = compiler
            .compile(&location, &mut schemas)
            .unwrap_or_else(|e| panic!("{} does not compile: {e:#}", path.display()));
        Validator { schemas, index }
    }

    fn widget() -> Self {
        Self::from_file(&project_path("schema/news-widget-feed.schema.json"))
    }

    fn check(&self, document: &Value) -> Result<(), String> {
        self.schemas
            .validate(document, self.index)
            .map_err(|e| format!("{e:#}"))
    }
}

#[test]
fn default_feed_satisfies_the_schema() {
    if let Err(e) = Validator::widget().check(&feed()) {
        panic!("static/feed.json fails the schema:\n{e}");
    }
}

/// The default feed with one change made by `edit`.
fn edited(edit: impl FnOnce(&mut Value)) -> Value {
    let mut feed = feed();
    edit(&mut feed);
    feed
}

fn first_block_of_type<'a>(feed: &'a mut Value, kind: &str) -> &'a mut Value {
    feed["items"][0]["_news_widget"]["blocks"]
        .as_array_mut()
        .expect("blocks")
        .iter_mut()
        .find(|b| b["type"] == kind)
        .expect("a block of that type")
}

#[test]
fn schema_rejects_broken_feeds() {
    let validator = Validator::widget();
    // (what is broken, a fragment of the error that names it, the broken feed)
    let cases: Vec<(&str, &str, Value)> = vec![
        (
            "figure without width",
            "missing properties 'width'",
            edited(|f| {
                first_block_of_type(f, "figure")
                    .as_object_mut()
                    .unwrap()
                    .remove("width");
            }),
        ),
        (
            "figure with zero height",
            "/height",
            edited(|f| first_block_of_type(f, "figure")["height"] = json!(0)),
        ),
        (
            "figure with fractional width",
            "want integer",
            edited(|f| first_block_of_type(f, "figure")["width"] = json!(640.5)),
        ),
        (
            "figure with a javascript: src",
            "/src",
            edited(|f| first_block_of_type(f, "figure")["src"] = json!("javascript:alert(1)")),
        ),
        (
            "unknown block type",
            "must be one of 'paragraph', 'heading', 'figure'",
            edited(|f| first_block_of_type(f, "heading")["type"] = json!("subtitle")),
        ),
        (
            "non-string paragraph text",
            "/text",
            edited(|f| first_block_of_type(f, "paragraph")["text"] = json!(42)),
        ),
        (
            "paragraph carrying a figure's field",
            "'width' not allowed",
            edited(|f| first_block_of_type(f, "paragraph")["width"] = json!(640)),
        ),
        (
            "section without items",
            "missing properties 'items'",
            edited(|f| {
                f["_news_widget"]["sections"][1]
                    .as_object_mut()
                    .unwrap()
                    .remove("items");
            }),
        ),
        (
            "summaries as a string",
            "/summaries",
            edited(|f| f["_news_widget"]["sections"][0]["summaries"] = json!("yes")),
        ),
        (
            "item without id",
            "missing properties 'id'",
            edited(|f| {
                f["items"][3].as_object_mut().unwrap().remove("id");
            }),
        ),
        (
            "item without content",
            "'content_text'",
            edited(|f| {
                let items = f["items"].as_array_mut().unwrap();
                let last = items.last_mut().unwrap().as_object_mut().unwrap();
                last.remove("content_text");
            }),
        ),
        (
            "date without offset",
            "/date_published",
            edited(|f| f["items"][0]["date_published"] = json!("2025-03-19 13:20:05")),
        ),
        (
            "unknown version",
            "/version",
            edited(|f| f["version"] = json!("https://jsonfeed.org/version/2")),
        ),
    ];
    for (what, expected, document) in cases {
        match validator.check(&document) {
            Ok(()) => panic!("the schema accepts a feed with {what}"),
            // Rejected for the reason the case is about, not for something else.
            Err(e) => assert!(e.contains(expected), "{what}: {expected:?} not in\n{e}"),
        }
    }
}

#[test]
fn schema_accepts_what_the_contract_allows() {
    let validator = Validator::widget();
    let cases: Vec<(&str, Value)> = vec![
        (
            "no extension at all",
            edited(|f| {
                f.as_object_mut().unwrap().remove("_news_widget");
                for item in f["items"].as_array_mut().unwrap() {
                    item.as_object_mut().unwrap().remove("_news_widget");
                }
            }),
        ),
        (
            "figure with only the required fields and an https src",
            edited(|f| {
                *first_block_of_type(f, "figure") = json!({
                    "type": "figure", "src": "https://example.org/a.jpg",
                    "width": 1, "height": 1, "alt": ""
                });
            }),
        ),
        (
            "a section naming an id that does not exist",
            edited(|f| f["_news_widget"]["sections"][1]["items"][0] = json!("gone")),
        ),
        (
            "another publisher's extension",
            edited(|f| f["_other"] = json!({"x": 1})),
        ),
    ];
    for (what, document) in cases {
        if let Err(e) = validator.check(&document) {
            panic!("the schema rejects a feed with {what}:\n{e}");
        }
    }
}

/// The JSON Feed half of the schema was written from the spec; cross-check it with the
/// reference JSON Feed 1.1 schema on real feeds: what that accepts, ours must too.
#[test]
fn schema_accepts_the_real_feeds_the_reference_schema_accepts() {
    let ours = Validator::widget();
    let reference =
        Validator::from_file(&common::shared_dir().join("corpus/schema/jsonfeed-schema-v1.1.json"));
    let mut accepted = 0;
    for kind in ["valid", "edge"] {
        for (name, bytes) in common::corpus_files(kind) {
            let Ok(document) = serde_json::from_slice::<Value>(&bytes) else {
                continue;
            };
            if reference.check(&document).is_ok() {
                accepted += 1;
                if let Err(e) = ours.check(&document) {
                    panic!("{kind}/{name}: the reference schema accepts it, ours does not:\n{e}");
                }
            }
        }
    }
    assert!(accepted > 0, "the reference schema accepted no corpus feed");
}

#[test]
fn documentation_example_satisfies_the_schema() {
    let doc = std::fs::read_to_string(project_path("docs/feed-extension.md")).expect("docs");
    let example = doc
        .split("```json\n")
        .nth(1)
        .and_then(|rest| rest.split("```").next())
        .expect("a ```json example in docs/feed-extension.md");
    let example: Value = serde_json::from_str(example).expect("the example is JSON");
    if let Err(e) = Validator::widget().check(&example) {
        panic!("the documentation's example fails the schema:\n{e}");
    }
}
