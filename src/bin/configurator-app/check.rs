//! Loading a feed the way the widget does (its own fetch, retry policy and failure
//! messages), then reading it with `newsctl validate`'s rules.

use news_widget::feed::lint::{report, Report};
use news_widget::feed::{FeedError, ReadOptions};
use news_widget::fetch::{fetch_feed, FeedRequest, FetchError, Fetched, InFlight};
use news_widget::network::failure::{looks_like_html, Failure};
use news_widget::network::refresh::{Revalidation, Validators};
use wasm_bindgen_futures::JsFuture;
use web_sys::{RequestInit, RequestMode};

/// How a check of one feed URL ended.
#[derive(Clone, Debug, PartialEq)]
pub enum Outcome {
    /// The feed arrived; the report says whether the widget can show it.
    Read(Box<Report>),
    /// The feed could not be fetched, or what came is not a feed. `cors`: the server
    /// answered a no-cors probe, so the browser only hid the answer. `report`: the
    /// validator's findings when a body came.
    Failed {
        failure: Failure,
        cors: bool,
        report: Option<Box<Report>>,
    },
}

/// Fetches and reads `url` (absolute); `None` when `in_flight` was aborted.
pub async fn check(url: &str, in_flight: &InFlight) -> Option<Outcome> {
    let validators = Validators::default();
    let request = FeedRequest {
        url,
        revalidation: Revalidation::Plain,
        validators: &validators,
    };
    // No early response: the loader starts one only for a widget's first load.
    let bytes = match fetch_feed(&request, in_flight, None).await {
        Ok(Fetched::Body { bytes, .. }) => bytes,
        // A plain request sends no validators, so no 304 comes back to it.
        Ok(Fetched::NotModified) => Vec::new(),
        Err(FetchError::Cancelled) => return None,
        Err(FetchError::Failed { failure, .. }) => {
            let cors = failure == Failure::Network && answers_opaquely(url).await;
            return Some(Outcome::Failed {
                failure,
                cors,
                report: None,
            });
        }
    };
    let read = report(
        &bytes,
        &ReadOptions {
            base_url: Some(url),
            ..ReadOptions::default()
        },
    );
    // The widget's own wording comes first ("not valid JSON: …"), so the reader's reason
    // goes without its prefix.
    let failure = match &read.error {
        None => return Some(Outcome::Read(Box::new(read))),
        Some(FeedError::NotJson { message, .. }) => Failure::NotJson {
            html: looks_like_html(&bytes),
            reason: message.clone(),
        },
        Some(FeedError::NotAFeed { message } | FeedError::NoUsableItems { message }) => {
            Failure::NotFeed {
                reason: message.clone(),
            }
        }
        Some(FeedError::HtmlPage { message }) => Failure::NotJson {
            html: true,
            reason: message.clone(),
        },
        Some(FeedError::TooLarge { limit_bytes, .. }) => Failure::TooLarge {
            limit_bytes: *limit_bytes,
        },
        Some(error) => Failure::NotFeed {
            reason: error.to_string(),
        },
    };
    Some(Outcome::Failed {
        failure,
        cors: false,
        report: Some(Box::new(read)),
    })
}

/// Whether the server answers at all when the page does not ask to read the answer
/// (`mode: "no-cors"`): a fetch that failed but this succeeds was refused by CORS, not by
/// the network.
async fn answers_opaquely(url: &str) -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let init = RequestInit::new();
    init.set_mode(RequestMode::NoCors);
    JsFuture::from(window.fetch_with_str_and_init(url, &init))
        .await
        .is_ok()
}
