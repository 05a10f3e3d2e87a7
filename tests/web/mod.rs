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
    let document = gloo_utils::document();
    let root = document.create_element("div").expect("div");
    document
        .body()
        .expect("body")
        .append_child(&root)
        .expect("append");
    let props = yew::props!(AppProps { config });
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
