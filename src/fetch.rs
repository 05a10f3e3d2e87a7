//! The feed request, made with gloo-net and read into the view model.

use gloo_net::http::Request;
use web_sys::AbortSignal;

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

/// Fetches `url` and reads it; the error is the message the widget shows. `signal` cancels
/// the request (the widget was removed, or it took too long); it must be aborted with a
/// plain `abort()`, since gloo-net cannot convert a rejection that is not an `Error`.
pub async fn fetch_feed(
    url: &str,
    signal: &AbortSignal,
    article_id: Option<&str>,
    max_headlines: Option<usize>,
) -> Result<Page, String> {
    let url = absolute(url);
    let failed = |stage: &str, why: &str| ["feed ", stage, " failed (", &url, "): ", why].concat();
    let response = Request::get(&url)
        .abort_signal(Some(signal))
        .send()
        .await
        .map_err(|e| failed("request", &e.to_string()))?;
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
    let bytes = response
        .binary()
        .await
        .map_err(|e| failed("download", &e.to_string()))?;
    read_body(&url, &bytes, article_id, max_headlines)
}

/// Reads the body of a feed fetched from `url` into the page.
fn read_body(
    url: &str,
    bytes: &[u8],
    article_id: Option<&str>,
    max_headlines: Option<usize>,
) -> Result<Page, String> {
    let options = ReadOptions {
        base_url: Some(url),
        article_id,
        max_headlines,
    };
    read_page(bytes, &options)
        .map_err(|e| ["feed unreadable (", url, "): ", &e.to_string()].concat())
}
