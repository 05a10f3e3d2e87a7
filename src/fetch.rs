//! Fetch policy: one request for the feed, read into the view model.
//!
//! Calls `window.fetch` directly: gloo-net's request builder, `http` types and error enum
//! cost several kilobytes of wasm for the one GET the widget makes.

use js_sys::{Promise, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{AbortSignal, RequestInit, Response};

use crate::feed::{read_page, ReadOptions};
use crate::view_model::Page;

/// The feed URL made absolute against the document, so relative URLs inside the feed
/// resolve against the feed, not the page.
fn absolute(url: &str) -> String {
    let base = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.base_uri().ok().flatten());
    base.and_then(|base| web_sys::Url::new_with_base(url, &base).ok())
        .map(|u| u.href())
        .unwrap_or_else(|| url.to_owned())
}

/// What a rejected fetch or body read says, as the browser words it
/// ("TypeError: Failed to fetch", "TypeError: NetworkError when attempting to fetch
/// resource.").
fn js_message(error: JsValue) -> String {
    match error.dyn_ref::<js_sys::Error>() {
        Some(error) => String::from(error.to_string()),
        None => error
            .as_string()
            .unwrap_or_else(|| "unknown error".to_owned()),
    }
}

/// Awaits a promise, turning a rejection (or a synchronous throw) into its message.
async fn settle(promise: Result<Promise, JsValue>) -> Result<JsValue, String> {
    JsFuture::from(promise.map_err(js_message)?)
        .await
        .map_err(js_message)
}

/// Fetches `url` and reads it; the error is the message the widget shows. `signal` cancels
/// the request (the widget was removed, or it took too long).
pub async fn fetch_feed(
    url: &str,
    signal: &AbortSignal,
    article_id: Option<&str>,
    max_headlines: Option<usize>,
) -> Result<Page, String> {
    let url = absolute(url);
    let failed = |stage: &str, why: &str| ["feed ", stage, " failed (", &url, "): ", why].concat();
    let window = web_sys::window().ok_or_else(|| failed("request", "no window"))?;
    let init = RequestInit::new();
    init.set_signal(Some(signal));
    let response: Response = settle(Ok(window.fetch_with_str_and_init(&url, &init)))
        .await
        .map_err(|e| failed("request", &e))?
        .unchecked_into();
    if !response.ok() {
        let status = [
            "HTTP ",
            &response.status().to_string(),
            " ",
            &response.status_text(),
        ]
        .concat();
        return Err(failed("request", status.trim_end()));
    }
    let body = settle(response.array_buffer())
        .await
        .map_err(|e| failed("download", &e))?;
    let bytes = Uint8Array::new(&body).to_vec();
    let options = ReadOptions {
        base_url: Some(&url),
        article_id,
        max_headlines,
    };
    read_page(&bytes, &options)
        .map_err(|e| ["feed unreadable (", &url, "): ", &e.to_string()].concat())
}
