//! Intent-named helpers for the browser tests: mount a widget, wait for what a reader sees.
#![allow(dead_code)]

use std::time::Duration;

use gloo_timers::future::sleep;
use news_widget::components::app::{App, AppProps};
use news_widget::config::Config;
use wasm_bindgen::JsCast;
use web_sys::{Blob, BlobPropertyBag, Element, HtmlElement, Url};
use yew::AppHandle;

pub const DEFAULT_FEED: &str = include_str!("../../static/feed.json");
const DEADLINE: Duration = Duration::from_secs(10);

/// A local `blob:` URL serving `json`, so tests never touch the network.
pub fn feed_url(json: &str) -> String {
    let parts = js_sys::Array::of1(&json.into());
    let options = BlobPropertyBag::new();
    options.set_type("application/json");
    let blob = Blob::new_with_str_sequence_and_options(&parts, &options).expect("blob");
    Url::create_object_url_with_blob(&blob).expect("object URL")
}

/// The shipped stylesheet, so layout (and so on-screen state) is as in production.
fn install_stylesheet(document: &web_sys::Document) {
    if document.get_element_by_id("nw-test-css").is_none() {
        let style = document.create_element("style").expect("style");
        style.set_id("nw-test-css");
        style.set_text_content(Some(include_str!("../../static/news-widget.css")));
        document
            .head()
            .expect("head")
            .append_child(&style)
            .expect("append");
    }
}

pub struct Widget {
    pub root: Element,
    handle: Option<AppHandle<App>>,
}

/// Mounts the widget on `feed` into a fresh element of the test page.
pub async fn mount_widget(feed: &str) -> Widget {
    let config = Config {
        feed: feed.to_string(),
        ..Config::default()
    };
    mount_with(config).await
}

/// Mounts the widget with a full configuration.
pub async fn mount_with(config: Config) -> Widget {
    mount_app(yew::props!(AppProps { config })).await
}

/// Mounts the widget with its component's own properties (status callback and all).
pub async fn mount_app(props: AppProps) -> Widget {
    let document = gloo_utils::document();
    install_stylesheet(&document);
    let root = document.create_element("div").expect("div");
    // Wide enough for the two-column layout, at the top of the viewport: the sidebar must be
    // on screen, since rotation (rightly) pauses off-screen.
    root.set_attribute("style", "position:absolute;top:0;left:0;width:1000px")
        .expect("style");
    document
        .body()
        .expect("body")
        .append_child(&root)
        .expect("append");
    let handle = yew::Renderer::<App>::with_root_and_props(root.clone(), props).render();
    yew::scheduler::flush().await;
    Widget {
        root,
        handle: Some(handle),
    }
}

impl Widget {
    /// Waits (flushing Yew, polling against a deadline) until `selector` has text.
    pub async fn wait_for_text(&self, selector: &str) -> String {
        let start = js_sys::Date::now();
        loop {
            yew::scheduler::flush().await;
            if let Some(text) = self.text_of(selector).filter(|t| !t.is_empty()) {
                return text;
            }
            if js_sys::Date::now() - start > DEADLINE.as_millis() as f64 {
                panic!(
                    "timed out waiting for {selector}; widget shows: {}",
                    self.text()
                );
            }
            sleep(Duration::from_millis(10)).await;
        }
    }

    pub fn text_of(&self, selector: &str) -> Option<String> {
        self.root
            .query_selector(selector)
            .ok()
            .flatten()
            .and_then(|e| e.text_content())
    }

    pub fn text(&self) -> String {
        self.root.text_content().unwrap_or_default()
    }

    pub fn button_named(&self, name: &str) -> Option<HtmlElement> {
        let buttons = self.root.query_selector_all("button").ok()?;
        (0..buttons.length())
            .filter_map(|i| buttons.item(i))
            .filter_map(|n| n.dyn_into::<HtmlElement>().ok())
            .find(|b| {
                b.text_content().as_deref() == Some(name)
                    || b.get_attribute("aria-label").as_deref() == Some(name)
            })
    }

    pub fn unmount(mut self) {
        if let Some(handle) = self.handle.take() {
            handle.destroy();
        }
        self.root.remove();
    }
}

/// A stand-in for `matchMedia("(prefers-reduced-motion: reduce)")` the test can flip.
pub struct ReducedMotion(wasm_bindgen::JsValue);

#[wasm_bindgen::prelude::wasm_bindgen(inline_js = r#"
export function install_fake_motion(initial) {
  const original = window.matchMedia;
  const list = new EventTarget();
  list.matches = initial;
  list.media = "(prefers-reduced-motion: reduce)";
  window.matchMedia = (query) => query.includes("prefers-reduced-motion") ? list : original.call(window, query);
  return { list, original };
}
export function set_fake_motion(fake, value) {
  fake.list.matches = value;
  const event = new Event("change");
  event.matches = value;
  fake.list.dispatchEvent(event);
}
export function restore_motion(fake) { window.matchMedia = fake.original; }
"#)]
extern "C" {
    fn install_fake_motion(initial: bool) -> wasm_bindgen::JsValue;
    fn set_fake_motion(fake: &wasm_bindgen::JsValue, value: bool);
    fn restore_motion(fake: &wasm_bindgen::JsValue);
}

/// Emulates the user's reduced-motion setting for widgets mounted from now on.
pub fn emulate_reduced_motion(reduce: bool) -> ReducedMotion {
    ReducedMotion(install_fake_motion(reduce))
}

impl ReducedMotion {
    pub fn set(&self, reduce: bool) {
        set_fake_motion(&self.0, reduce);
    }

    pub fn restore(self) {
        restore_motion(&self.0);
    }
}

impl Widget {
    /// Waits, flushing Yew and polling against a deadline, until `done` holds.
    pub async fn wait_until(&self, what: &str, done: impl Fn(&Widget) -> bool) {
        let start = js_sys::Date::now();
        loop {
            yew::scheduler::flush().await;
            if done(self) {
                return;
            }
            if js_sys::Date::now() - start > DEADLINE.as_millis() as f64 {
                panic!(
                    "timed out waiting for {what}; widget shows: {}",
                    self.text()
                );
            }
            sleep(Duration::from_millis(5)).await;
        }
    }

    pub fn all_text(&self, selector: &str) -> Vec<String> {
        let nodes = self.root.query_selector_all(selector).expect("selector");
        (0..nodes.length())
            .filter_map(|i| nodes.item(i))
            .map(|n| n.text_content().unwrap_or_default())
            .collect()
    }

    fn first_carousel(&self) -> Element {
        self.root
            .query_selector("[aria-roledescription=轮播], [aria-roledescription=carousel]")
            .ok()
            .flatten()
            .expect("a rotating section")
    }

    /// The "n / m" label of the slide a reader sees in the first rotating section.
    pub fn visible_slide(&self) -> String {
        self.first_carousel()
            .query_selector("[aria-roledescription][aria-label]:not([hidden])")
            .ok()
            .flatten()
            .and_then(|s| s.get_attribute("aria-label"))
            .unwrap_or_default()
    }

    pub fn live_region(&self) -> String {
        self.first_carousel()
            .query_selector("[aria-live]")
            .ok()
            .flatten()
            .and_then(|s| s.get_attribute("aria-live"))
            .unwrap_or_default()
    }

    fn toggle(&self) -> HtmlElement {
        self.first_carousel()
            .query_selector("button")
            .ok()
            .flatten()
            .and_then(|b| b.dyn_into().ok())
            .expect("the rotation button, first in the section")
    }

    pub fn toggle_label(&self) -> String {
        self.toggle().text_content().unwrap_or_default()
    }

    pub async fn press_toggle(&self) {
        self.toggle().click();
        yew::scheduler::flush().await;
    }

    pub async fn focus_toggle(&self) {
        self.toggle().focus().expect("focus");
        yew::scheduler::flush().await;
    }

    pub async fn blur_all(&self) {
        self.toggle().blur().expect("blur");
        yew::scheduler::flush().await;
    }

    /// Sends a pointer event (`pointerenter` / `pointerleave`) to the first rotating section.
    pub async fn pointer(&self, kind: &str) {
        let event = web_sys::PointerEvent::new(kind).expect("pointer event");
        self.first_carousel()
            .dispatch_event(&event)
            .expect("dispatch");
        yew::scheduler::flush().await;
    }
}

impl Widget {
    /// Restyles the test's host element (e.g. to scroll the widget out of view).
    pub fn move_to(&self, style: &str) {
        self.root.set_attribute("style", style).expect("style");
    }
}
