//! Fetch policy: one request for the feed, read into the view model.

use gloo_net::http::Request;

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

/// Fetches `url` and reads it; the error is the message the widget shows.
pub async fn fetch_feed(
    url: &str,
    article_id: Option<&str>,
    max_headlines: Option<usize>,
) -> Result<Page, String> {
    let url = absolute(url);
    let response = Request::get(&url)
        .send()
        .await
        .map_err(|e| format!("feed request failed ({url}): {e}"))?;
    if !response.ok() {
        return Err(format!(
            "feed request failed ({url}): HTTP {} {}",
            response.status(),
            response.status_text()
        ));
    }
    let bytes = response
        .binary()
        .await
        .map_err(|e| format!("feed download failed ({url}): {e}"))?;
    let options = ReadOptions {
        base_url: Some(&url),
        article_id,
        max_headlines,
    };
    read_page(&bytes, &options).map_err(|e| format!("feed unreadable ({url}): {e}"))
}
