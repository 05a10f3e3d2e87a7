//! Browser tests of the embedding glue the loader calls: mounting into a shadow root,
//! attributes, the reflected state and the CustomEvents a host page listens to.
#![cfg(target_arch = "wasm32")]

mod web;

use std::cell::RefCell;
use std::rc::Rc;

use gloo_events::EventListener;
use news_widget::embed::{mount, WidgetHandle};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web::*;
use web_sys::{CustomEvent, HtmlElement, ShadowRoot, ShadowRootInit, ShadowRootMode};

wasm_bindgen_test_configure!(run_in_browser);

/// A `<div>` standing in for the `<news-widget>` element, with an open shadow root.
struct Host {
    element: HtmlElement,
    root: ShadowRoot,
    events: Rc<RefCell<Vec<(String, String)>>>,
    _listeners: Vec<EventListener>,
}

fn host_with(attributes: &[(&str, &str)]) -> Host {
    let document = gloo_utils::document();
    let element: HtmlElement = document.create_element("div").unwrap().unchecked_into();
    element
        .set_attribute("style", "position:absolute;top:0;left:0;width:1000px")
        .unwrap();
    for (name, value) in attributes {
        element.set_attribute(name, value).unwrap();
    }
    document.body().unwrap().append_child(&element).unwrap();
    let root = element
        .attach_shadow(&ShadowRootInit::new(ShadowRootMode::Open))
        .unwrap();
    let events = Rc::new(RefCell::new(Vec::new()));
    // Listen on the document: the events must bubble and cross the shadow boundary.
    let listeners = [
        "news-widget:ready",
        "news-widget:error",
        "news-widget:navigate",
    ]
    .into_iter()
    .map(|name| {
        let events = Rc::clone(&events);
        EventListener::new(&document, name, move |event| {
            let event: &CustomEvent = event.unchecked_ref();
            let message = js_sys::Reflect::get(&event.detail(), &"message".into())
                .ok()
                .and_then(|m| m.as_string())
                .unwrap_or_default();
            events.borrow_mut().push((event.type_(), message));
        })
    })
    .collect();
    Host {
        element,
        root,
        events,
        _listeners: listeners,
    }
}

fn crash_reporter() -> js_sys::Function {
    Closure::<dyn Fn(String)>::new(|message: String| panic!("widget crashed: {message}"))
        .into_js_value()
        .unchecked_into()
}

#[wasm_bindgen(inline_js = r#"
const json = { "content-type": "application/json" };
export function early_answer(url, body) {
  return { url, response: Promise.resolve(new Response(body, { headers: json })), controller: new AbortController() };
}
export function early_failure(url) {
  const response = Promise.reject(new TypeError("Failed to fetch"));
  response.catch(() => {});
  return { url, response, controller: new AbortController() };
}
export function early_aborted(early) { return early.controller.signal.aborted; }
"#)]
extern "C" {
    /// The loader's `{ url, response, controller }`, answered at once with `body`.
    fn early_answer(url: &str, body: &str) -> JsValue;
    /// The same, for a request that failed on the network.
    fn early_failure(url: &str) -> JsValue;
    fn early_aborted(early: &JsValue) -> bool;
}

const EARLY_FEED: &str = r#"{"version":"https://jsonfeed.org/version/1.1","title":"Early",
  "items":[{"id":"1","title":"From the loader's early request","content_text":"Body."}]}"#;

impl Host {
    fn mount(&self) -> WidgetHandle {
        self.mount_early(JsValue::UNDEFINED)
    }

    fn mount_early(&self, early: JsValue) -> WidgetHandle {
        mount(
            self.element.clone(),
            self.root.clone(),
            crash_reporter(),
            early,
        )
        .expect("mount")
    }

    fn state(&self) -> String {
        self.element.get_attribute("state").unwrap_or_default()
    }

    fn shadow_text(&self, selector: &str) -> Option<String> {
        self.root
            .query_selector(selector)
            .ok()
            .flatten()
            .and_then(|e| e.text_content())
    }

    async fn wait_for(&self, what: &str, done: impl Fn(&Host) -> bool) {
        let start = js_sys::Date::now();
        while !done(self) {
            yew::scheduler::flush().await;
            assert!(
                js_sys::Date::now() - start < 10_000.0,
                "timed out waiting for {what}"
            );
            gloo_timers::future::sleep(std::time::Duration::from_millis(5)).await;
        }
    }
}

#[wasm_bindgen_test]
async fn mounts_into_the_shadow_root_and_reports_ready() {
    let host = host_with(&[("feed", &feed_url(DEFAULT_FEED))]);
    let mut widget = host.mount();
    host.wait_for("state=ready", |h| h.state() == "ready").await;
    assert_eq!(
        host.shadow_text("h1").as_deref(),
        Some("向新而行 浙江丽水探路山区发展“新赛道”")
    );
    assert!(
        host.element.text_content().unwrap_or_default().is_empty(),
        "nothing in light DOM"
    );
    assert_eq!(
        *host.events.borrow(),
        [("news-widget:ready".to_string(), String::new())]
    );
    widget.destroy();
    assert_eq!(
        host.root.child_element_count(),
        0,
        "destroy empties the shadow root"
    );
    host.element.remove();
}

#[wasm_bindgen_test]
async fn a_failing_feed_reports_error_with_its_message() {
    let host = host_with(&[("feed", "/no-such-feed.json")]);
    let mut widget = host.mount();
    host.wait_for("state=error", |h| h.state() == "error").await;
    let events = host.events.borrow().clone();
    assert_eq!(events.len(), 1, "{events:?}");
    assert_eq!(events[0].0, "news-widget:error");
    assert!(
        events[0].1.contains("HTTP 404"),
        "message names the failure: {}",
        events[0].1
    );
    widget.destroy();
    host.element.remove();
}

#[wasm_bindgen_test]
async fn attributes_configure_the_widget_and_changes_re_render() {
    let host = host_with(&[
        ("feed", &feed_url(DEFAULT_FEED)),
        ("theme", "dark"),
        ("lang", "en"),
    ]);
    let mut widget = host.mount();
    host.wait_for("state=ready", |h| h.state() == "ready").await;
    let root = host
        .root
        .query_selector("[part=root]")
        .unwrap()
        .expect("root");
    assert_eq!(root.get_attribute("lang").as_deref(), Some("en"));
    assert!(
        root.class_name().contains("nw-theme-dark"),
        "{}",
        root.class_name()
    );

    widget.set_attribute("lang", None);
    widget.set_attribute("theme", Some("light".into()));
    host.wait_for("zh-CN after removing lang", |h| {
        h.root
            // The root's own lang: the article carries the feed's language (zh-CN) anyway.
            .query_selector("[part=root][lang=zh-CN]")
            .ok()
            .flatten()
            .is_some()
    })
    .await;
    let root = host
        .root
        .query_selector("[part=root]")
        .unwrap()
        .expect("root");
    assert!(
        root.class_name().contains("nw-theme-light"),
        "{}",
        root.class_name()
    );
    widget.destroy();
    host.element.remove();
}

#[wasm_bindgen_test]
async fn invalid_attributes_are_ignored() {
    let host = host_with(&[
        ("feed", &feed_url(DEFAULT_FEED)),
        ("theme", "purple"),
        ("interval", "0"),
    ]);
    let mut widget = host.mount();
    host.wait_for("state=ready", |h| h.state() == "ready").await;
    let root = host
        .root
        .query_selector("[part=root]")
        .unwrap()
        .expect("root");
    assert!(
        root.class_name().contains("nw-theme-auto"),
        "default theme kept: {}",
        root.class_name()
    );
    widget.destroy();
    host.element.remove();
}

#[wasm_bindgen_test]
async fn widgets_sharing_an_instance_mount_and_unmount_independently() {
    // The loader puts several widgets in one wasm instance; this test runs in one instance too.
    let hosts: Vec<Host> = ["en", "zh-CN", "en"]
        .iter()
        .map(|lang| host_with(&[("feed", &feed_url(DEFAULT_FEED)), ("lang", lang)]))
        .collect();
    let mut widgets: Vec<WidgetHandle> = hosts.iter().map(Host::mount).collect();
    for host in &hosts {
        host.wait_for("state=ready", |h| h.state() == "ready").await;
    }

    widgets[1].destroy();
    assert_eq!(
        hosts[1].root.child_element_count(),
        0,
        "the removed one is gone"
    );
    hosts[1].element.remove();

    // The others still render and react on their own.
    widgets[2].set_attribute("lang", Some("zh-CN".into()));
    hosts[2]
        .wait_for("the third widget in Chinese", |h| {
            h.root
                .query_selector("[part=root][lang=zh-CN]")
                .ok()
                .flatten()
                .is_some()
        })
        .await;
    let first = hosts[0].root.query_selector("[part=root]").unwrap();
    assert_eq!(
        first.and_then(|root| root.get_attribute("lang")).as_deref(),
        Some("en"),
        "the first widget is untouched"
    );
    for index in [0, 2] {
        assert_eq!(hosts[index].state(), "ready", "widget {index} still ready");
    }
    for index in [0, 2] {
        widgets[index].destroy();
        hosts[index].element.remove();
    }
}

// The loader requests the feed while the wasm downloads and hands the response over: the
// widget's first fetch of that URL reads it instead of sending a request of its own. The
// early response here is a different feed from the one at the URL, so what shows says which
// was read.
#[wasm_bindgen_test]
async fn the_first_fetch_reads_the_loaders_early_response() {
    let url = feed_url(DEFAULT_FEED);
    let host = host_with(&[("feed", &url)]);
    let early = early_answer(&url, EARLY_FEED);
    let mut widget = host.mount_early(early.clone());
    host.wait_for("state=ready", |h| h.state() == "ready").await;
    assert_eq!(
        host.shadow_text("h1").as_deref(),
        Some("From the loader's early request")
    );
    widget.destroy();
    host.element.remove();
}

#[wasm_bindgen_test]
async fn an_early_response_for_another_url_is_aborted_and_not_read() {
    let host = host_with(&[("feed", &feed_url(DEFAULT_FEED))]);
    // The `feed` attribute changed between the loader's request and the mount.
    let early = early_answer("https://old.example/feed.json", EARLY_FEED);
    let mut widget = host.mount_early(early.clone());
    host.wait_for("state=ready", |h| h.state() == "ready").await;
    assert_eq!(
        host.shadow_text("h1").as_deref(),
        Some("向新而行 浙江丽水探路山区发展“新赛道”")
    );
    assert!(early_aborted(&early), "the unused request is aborted");
    widget.destroy();
    host.element.remove();
}

#[wasm_bindgen_test]
async fn an_early_request_that_failed_is_retried_by_the_widget() {
    let url = feed_url(DEFAULT_FEED);
    let host = host_with(&[("feed", &url)]);
    let mut widget = host.mount_early(early_failure(&url));
    host.wait_for("state=ready", |h| h.state() == "ready").await;
    assert_eq!(
        host.shadow_text("h1").as_deref(),
        Some("向新而行 浙江丽水探路山区发展“新赛道”")
    );
    assert_eq!(
        *host.events.borrow(),
        [("news-widget:ready".to_string(), String::new())],
        "no error on the way: the failed attempt was retried"
    );
    widget.destroy();
    host.element.remove();
}

#[wasm_bindgen_test]
async fn an_unused_early_request_is_aborted_when_the_widget_goes() {
    let url = feed_url(DEFAULT_FEED);
    let host = host_with(&[("feed", &url)]);
    // Never answered: the widget is removed while it waits.
    let early = early_answer(&url, EARLY_FEED);
    let pending = js_sys::Promise::new(&mut |_, _| {});
    js_sys::Reflect::set(&early, &"response".into(), &pending).unwrap();
    let mut widget = host.mount_early(early.clone());
    yew::scheduler::flush().await;
    widget.destroy();
    yew::scheduler::flush().await;
    assert!(
        early_aborted(&early),
        "the request is aborted with the widget"
    );
    host.element.remove();
}
