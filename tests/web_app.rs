//! Browser tests of the widget's wiring: feed in, DOM out. Run by wasm-bindgen-test in
//! headless Chromium, headless Firefox and WebKit; fixtures are local (blob: URLs), never the
//! network.
#![cfg(target_arch = "wasm32")]

mod web;

use wasm_bindgen_test::*;
use web::*;

wasm_bindgen_test_configure!(run_in_browser);

const SEED_HEADLINE: &str = "向新而行 浙江丽水探路山区发展“新赛道”";

#[wasm_bindgen_test]
async fn shows_the_default_feed_headline() {
    let widget = mount_widget(&feed_url(DEFAULT_FEED)).await;
    let headline = widget.wait_for_text("h1").await;
    assert_eq!(headline, SEED_HEADLINE);
    widget.unmount();
}

#[wasm_bindgen_test]
async fn shows_the_time_and_source_line() {
    let widget = mount_widget(&feed_url(DEFAULT_FEED)).await;
    widget.wait_for_text("h1").await;
    let meta = widget.text_of("time").expect("a <time> element");
    assert_eq!(meta, "2025-03-19 13:20:05");
    assert!(
        widget.text().contains("来源:中国新闻网"),
        "source line missing"
    );
    widget.unmount();
}

#[wasm_bindgen_test]
async fn a_failed_request_shows_the_error_state_with_retry() {
    let widget = mount_widget("/no-such-feed.json").await;
    let alert = widget.wait_for_text("[role=alert]").await;
    assert!(
        alert.contains("HTTP 404"),
        "error should name the failure: {alert}"
    );
    assert!(
        widget.button_named("重试").is_some(),
        "retry button missing"
    );
    widget.unmount();
}

#[wasm_bindgen_test]
async fn an_unreadable_feed_shows_the_error_state() {
    let widget = mount_widget(&feed_url("{\"version\": ")).await;
    let alert = widget.wait_for_text("[role=alert]").await;
    // The widget's language (zh-CN by default) throughout: the reason too, with the
    // position as the reader found it.
    assert!(
        alert.contains("订阅源不是有效的 JSON:第 1 行第 12 列有语法错误")
            && !alert.contains("line"),
        "error should say why: {alert}"
    );
    widget.unmount();
}
