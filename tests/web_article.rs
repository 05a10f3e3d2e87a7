//! Browser tests of the article and the widget's states: what a reader sees, in order.
#![cfg(target_arch = "wasm32")]

mod web;

use std::cell::Cell;
use std::rc::Rc;

use news_widget::components::app::{AppProps, WidgetStatus};
use news_widget::components::article_body::FIRST_BLOCKS;
use news_widget::config::Config;
use news_widget::feed::{read_page, ReadOptions};
use news_widget::i18n::Lang;
use news_widget::view_model::{inline_text, Block};
use wasm_bindgen_test::*;
use web::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
async fn every_paragraph_heading_and_caption_is_shown_in_order() {
    let page = read_page(DEFAULT_FEED.as_bytes(), &ReadOptions::default()).expect("default feed");
    let article = page.article.expect("an article");
    let expected: Vec<String> = article
        .blocks
        .iter()
        .map(|block| match block {
            Block::Paragraph(content) | Block::Heading { content, .. } => inline_text(content),
            Block::Figure(figure) => {
                format!(
                    "{}{}",
                    inline_text(&figure.caption),
                    figure.credit.clone().unwrap_or_default()
                )
            }
            other => panic!("the seed has no {other:?}"),
        })
        .collect();
    assert_eq!(
        expected.len(),
        24,
        "19 paragraphs, 3 headings, 2 figures in the seed article"
    );

    let widget = mount_widget(&feed_url(DEFAULT_FEED)).await;
    widget.wait_for_text("h1").await;
    let shown = widget.all_text(".nw-chunk > p, .nw-chunk > h2, .nw-body figcaption");
    assert_eq!(shown, expected);
    assert_eq!(
        widget.all_text(".nw-chunk > h2").len(),
        3,
        "three section headings"
    );
    widget.unmount();
}

#[wasm_bindgen_test]
async fn figures_reserve_their_box_and_keep_their_caption_when_the_image_breaks() {
    // The blob: feed URL makes "img/lishui-1.svg" unresolvable: the first image (on screen;
    // the second is lazy and may never be requested) fails to load.
    let widget = mount_widget(&feed_url(DEFAULT_FEED)).await;
    widget.wait_for_text("h1").await;
    widget
        .wait_until("the broken image replaced", |w| {
            w.root
                .query_selector("figure:first-of-type .nw-img-missing")
                .ok()
                .flatten()
                .is_some()
        })
        .await;
    let captions = widget.all_text("figcaption");
    assert_eq!(
        captions,
        [
            "俯瞰丽水经开区。丽水经开区 供图",
            "浙西南科创产业园。丽水经开区 供图"
        ]
    );
    assert_eq!(
        widget.all_text("figcaption small"),
        ["丽水经开区 供图", "丽水经开区 供图"]
    );
    widget.unmount();
}

#[wasm_bindgen_test]
async fn images_carry_size_alt_lazy_loading_and_no_referrer() {
    let feed = DEFAULT_FEED.replace("img/lishui-1.svg", "https://example.invalid/a.svg");
    let widget = mount_widget(&feed_url(&feed)).await;
    widget.wait_for_text("h1").await;
    let img = widget
        .root
        .query_selector("figure img")
        .unwrap()
        .expect("an <img>");
    for (name, value) in [
        ("width", "640"),
        ("height", "360"),
        ("alt", "俯瞰丽水经开区。"),
        ("loading", "lazy"),
        ("referrerpolicy", "no-referrer"),
    ] {
        assert_eq!(
            img.get_attribute(name).as_deref(),
            Some(value),
            "img {name}"
        );
    }
    widget.unmount();
}

#[wasm_bindgen_test]
async fn the_tag_line_is_omitted_when_there_are_no_tags() {
    let widget = mount_widget(&feed_url(DEFAULT_FEED)).await;
    widget.wait_for_text("h1").await;
    assert!(widget.root.query_selector(".nw-tags").unwrap().is_none());
    widget.unmount();

    let tagged = r#"{"version":"https://jsonfeed.org/version/1.1","title":"t",
        "items":[{"id":"1","title":"Tagged","content_text":"Body.","tags":["丽水","经济"]}]}"#;
    let widget = mount_widget(&feed_url(tagged)).await;
    widget.wait_for_text("h1").await;
    assert_eq!(widget.all_text(".nw-tags li"), ["丽水", "经济"]);
    widget.unmount();
}

#[wasm_bindgen_test]
async fn english_ui_and_lang_attribute_follow_the_configuration() {
    let config = Config {
        feed: feed_url(DEFAULT_FEED),
        lang: Some(Lang::En),
        ..Config::default()
    };
    let widget = mount_with(config).await;
    widget.wait_for_text("h1").await;
    let root = widget
        .root
        .query_selector(".nw-root")
        .unwrap()
        .expect("root");
    assert_eq!(root.get_attribute("lang").as_deref(), Some("en"));
    let meta = widget.text_of(".nw-meta").unwrap_or_default();
    assert!(meta.contains("Published 2025-03-19 13:20:05"), "{meta}");
    assert!(meta.contains("Source: 中国新闻网"), "{meta}");
    widget.unmount();
}

#[wasm_bindgen_test]
async fn the_feed_language_chooses_the_ui_when_not_configured() {
    let widget = mount_widget(&feed_url(DEFAULT_FEED)).await;
    widget.wait_for_text("h1").await;
    let root = widget
        .root
        .query_selector(".nw-root")
        .unwrap()
        .expect("root");
    assert_eq!(root.get_attribute("lang").as_deref(), Some("zh-CN"));
    widget.unmount();
}

#[wasm_bindgen_test]
async fn a_feed_with_no_items_shows_the_empty_state() {
    let empty = r#"{"version":"https://jsonfeed.org/version/1.1","title":"t","items":[]}"#;
    let widget = mount_widget(&feed_url(empty)).await;
    let status = widget.wait_for_text("[part=empty]").await;
    assert_eq!(status, "暂无内容");
    widget.unmount();
}

#[wasm_bindgen_test]
async fn a_skeleton_shows_until_the_feed_arrives() {
    // Mounting flushes rendering but not the network task, so the first frame is loading.
    let widget = mount_widget(&feed_url(DEFAULT_FEED)).await;
    let skeleton = widget
        .root
        .query_selector("[part=skeleton]")
        .unwrap()
        .expect("a skeleton");
    assert_eq!(skeleton.get_attribute("aria-busy").as_deref(), Some("true"));
    assert_eq!(
        widget.text(),
        "正在加载…",
        "only the announced loading text"
    );
    widget.wait_for_text("h1").await;
    assert!(widget
        .root
        .query_selector("[part=skeleton]")
        .unwrap()
        .is_none());
    widget.unmount();
}

#[wasm_bindgen_test]
async fn new_tab_links_are_isolated_from_the_widget_page() {
    let feed = r#"{"version":"https://jsonfeed.org/version/1.1","title":"t","items":[
        {"id":"a","title":"Article","content_text":"Body."},
        {"id":"b","title":"Next story","url":"https://example.org/b"}]}"#;
    let config = Config {
        feed: feed_url(feed),
        target: news_widget::config::LinkTarget::NewTab,
        ..Config::default()
    };
    let widget = mount_with(config).await;
    widget.wait_for_text("h1").await;
    let link = widget
        .root
        .query_selector("a.nw-item-title")
        .unwrap()
        .expect("a headline link");
    assert_eq!(link.get_attribute("target").as_deref(), Some("_blank"));
    assert_eq!(
        link.get_attribute("rel").as_deref(),
        Some("noopener noreferrer")
    );
    widget.unmount();
}

#[wasm_bindgen_test]
async fn a_long_body_is_ready_with_its_first_screenful_and_completes_in_later_tasks() {
    const PARAGRAPHS: usize = 600;
    let body: String = (0..PARAGRAPHS)
        .map(|i| format!("<p>paragraph {i}</p>"))
        .collect();
    let feed = serde_json::json!({
        "version": "https://jsonfeed.org/version/1.1",
        "title": "Long read",
        "items": [{"id": "1", "title": "A long article", "content_html": body}],
    });
    // How many body blocks were in the DOM when the widget said it was ready.
    let at_ready = Rc::new(Cell::new(None));
    let root_seen: Rc<Cell<Option<usize>>> = at_ready.clone();
    let onstatus = yew::Callback::from(move |status: WidgetStatus| {
        if status == WidgetStatus::Ready && root_seen.get().is_none() {
            let paragraphs = gloo_utils::document()
                .query_selector_all(".nw-chunk > p")
                .expect("selector");
            let blocks = (0..paragraphs.length())
                .filter_map(|i| paragraphs.item(i)?.text_content())
                .filter(|text| text.starts_with("paragraph "))
                .count();
            root_seen.set(Some(blocks));
        }
    });
    let config = Config {
        feed: feed_url(&feed.to_string()),
        ..Config::default()
    };
    let widget = mount_app(yew::props!(AppProps { config, onstatus })).await;
    widget
        .wait_until("ready", |_| at_ready.get().is_some())
        .await;
    let first = at_ready.get().expect("ready");
    assert!(
        (FIRST_BLOCKS..PARAGRAPHS).contains(&first),
        "ready comes with the first {FIRST_BLOCKS} blocks, not all {PARAGRAPHS}: {first}"
    );
    widget
        .wait_until("every paragraph", |w| {
            w.all_text(".nw-chunk > p").len() == PARAGRAPHS
        })
        .await;
    let shown = widget.all_text(".nw-chunk > p");
    let expected: Vec<String> = (0..PARAGRAPHS).map(|i| format!("paragraph {i}")).collect();
    assert_eq!(shown, expected, "every paragraph once, in order");
    // Client-rendered chunks may skip layout off screen (`nw-lazy`, see the stylesheet).
    let lazy = widget
        .root
        .query_selector_all(".nw-chunk.nw-lazy")
        .expect("selector");
    assert_eq!(lazy.length() as usize, PARAGRAPHS.div_ceil(24));
    widget.unmount();
}
