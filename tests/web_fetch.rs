//! Browser tests of the feed request (gloo-net): a request cancelled while in flight ends
//! cleanly, whether the caller aborts it or the widget is removed.
#![cfg(target_arch = "wasm32")]

mod web;

use news_widget::fetch::fetch_feed;
use wasm_bindgen_test::*;
use web::*;
use web_sys::AbortController;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
async fn a_request_aborted_in_flight_is_an_error_not_a_panic() {
    let url = feed_url(DEFAULT_FEED);
    let controller = AbortController::new().expect("controller");
    let signal = controller.signal();
    let request = fetch_feed(&url, &signal, None, None);
    // Abort after the request has started but before the blob answers; a plain abort(),
    // since gloo-net cannot convert a rejection that is not an Error.
    let (result, ()) = futures_join(request, async { controller.abort() }).await;
    let message = result.expect_err("an aborted request is an error");
    assert!(message.starts_with("feed request failed ("), "{message}");
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
