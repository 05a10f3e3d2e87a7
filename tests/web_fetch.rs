//! Browser tests of the feed request (gloo-net): a request cancelled while in flight ends
//! cleanly, whether the caller aborts it or the widget is removed.
#![cfg(target_arch = "wasm32")]

mod web;

use news_widget::fetch::{fetch_feed, FeedRequest, FetchError, Fetched, InFlight};
use news_widget::network::refresh::{Revalidation, Validators};
use wasm_bindgen_test::*;
use web::*;

wasm_bindgen_test_configure!(run_in_browser);

fn plain(url: &str) -> FeedRequest<'_> {
    static NONE: Validators = Validators {
        etag: None,
        last_modified: None,
    };
    FeedRequest {
        url,
        revalidation: Revalidation::Plain,
        validators: &NONE,
    }
}

#[wasm_bindgen_test]
async fn a_request_aborted_in_flight_ends_cancelled_not_retried_not_a_panic() {
    let url = feed_url(DEFAULT_FEED);
    let in_flight = InFlight::default();
    let request = plain(&url);
    // Abort after the request has started but before the blob answers (a plain abort(),
    // since gloo-net cannot convert a rejection that is not an Error).
    let (result, ()) = futures_join(fetch_feed(&request, &in_flight, None), async {
        in_flight.abort()
    })
    .await;
    assert!(
        matches!(result, Err(FetchError::Cancelled)),
        "an aborted fetch is cancelled"
    );
}

#[wasm_bindgen_test]
async fn a_fetch_returns_the_body_and_its_validators() {
    let url = feed_url(DEFAULT_FEED);
    let request = plain(&url);
    match fetch_feed(&request, &InFlight::default(), None).await {
        Ok(Fetched::Body { bytes, validators }) => {
            assert_eq!(bytes, DEFAULT_FEED.as_bytes());
            assert!(validators.is_empty(), "a blob: URL has no ETag");
        }
        _ => panic!("expected the body"),
    }
}

#[wasm_bindgen_test]
async fn removing_a_widget_during_its_request_leaves_the_next_one_working() {
    let url = feed_url(DEFAULT_FEED);
    let first = mount_widget(&url).await;
    // Still loading: the request is in flight when the widget goes.
    assert!(first.text_of(".nw-headline").is_none(), "{}", first.text());
    first.unmount();
    let second = mount_widget(&url).await;
    let headline = second.wait_for_text(".nw-headline").await;
    assert_eq!(headline, "向新而行 浙江丽水探路山区发展“新赛道”");
    second.unmount();
}

/// Polls both futures on the same task: the first starts the fetch, the second aborts it.
async fn futures_join<A, B>(a: A, b: B) -> (A::Output, B::Output)
where
    A: std::future::Future,
    B: std::future::Future,
{
    use std::pin::pin;
    use std::task::Poll;
    let (mut a, mut b) = (pin!(a), pin!(b));
    let (mut out_a, mut out_b) = (None, None);
    std::future::poll_fn(|cx| {
        if out_a.is_none() {
            if let Poll::Ready(v) = a.as_mut().poll(cx) {
                out_a = Some(v);
            }
        }
        if out_b.is_none() {
            if let Poll::Ready(v) = b.as_mut().poll(cx) {
                out_b = Some(v);
            }
        }
        if out_a.is_some() && out_b.is_some() {
            Poll::Ready(())
        } else {
            Poll::Pending
        }
    })
    .await;
    (out_a.unwrap(), out_b.unwrap())
}
