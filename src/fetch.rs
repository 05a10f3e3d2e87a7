//! The feed request: runs the pure request policy (`network::retry`) with gloo-net and
//! gloo-timers.
//!
//! One call of [`fetch_feed`] is one fetch: attempts with their own timeouts, jittered waits
//! between them, the body read as a stream and cut off at the cap. It returns the body (or
//! "not modified"); reading the body as a feed is the caller's. Everything it starts is owned
//! by the future and by the [`InFlight`] handle: dropping the future cancels its timers, and
//! [`InFlight::abort`] cancels the request on the wire.

use std::cell::{Cell, RefCell};
use std::pin::pin;
use std::rc::Rc;

use futures::future::{select, Either};

use gloo_net::http::{Request, Response};
use gloo_timers::future::TimeoutFuture;
use js_sys::{Reflect, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{AbortController, Headers, ReadableStreamDefaultReader, RequestCache, RequestInit};

use crate::network::failure::Failure;
use crate::network::http_date::parse_retry_after;
use crate::network::refresh::{Revalidation, Validators};
use crate::network::retry::{classify_status, AttemptError, Next, StatusClass, POLICY};

/// `url` made absolute against the document, so relative URLs inside the feed resolve
/// against the feed, and the storage key is the same from any page.
pub fn absolute_url(url: &str) -> String {
    let base = crate::hooks::window()
        .and_then(|w| w.document())
        .and_then(|d| d.base_uri().ok().flatten());
    base.and_then(|base| web_sys::Url::new_with_base(url, &base).ok())
        .map(|u| u.href())
        .unwrap_or_else(|| url.to_owned())
}

/// Whether `absolute` has the page's own origin (conditional headers need no preflight).
pub fn same_origin(absolute: &str) -> bool {
    let page = crate::hooks::window().and_then(|w| w.location().origin().ok());
    let feed = web_sys::Url::new(absolute).ok().map(|u| u.origin());
    page.is_some() && page == feed
}

/// Milliseconds since the Unix epoch.
pub fn now_ms() -> u64 {
    js_sys::Date::now() as u64
}

/// What one fetch asks for.
pub struct FeedRequest<'a> {
    /// Absolute URL of the feed.
    pub url: &'a str,
    pub revalidation: Revalidation,
    /// From the response on screen; sent with [`Revalidation::ConditionalHeaders`].
    pub validators: &'a Validators,
}

/// A successful fetch.
pub enum Fetched {
    /// 304: what is on screen is current.
    NotModified,
    /// A body (at most the policy's cap) and its response's validators.
    Body {
        bytes: Vec<u8>,
        validators: Validators,
    },
}

/// How a fetch ended without a feed.
#[derive(Debug, PartialEq)]
pub enum FetchError {
    /// What to tell the reader, and how long the server asked to be left alone.
    Failed {
        failure: Failure,
        wait_ms: Option<u64>,
    },
    /// Its owner cancelled it ([`InFlight::abort`]): nothing to tell anyone.
    Cancelled,
}

/// The feed's first response, requested by the loader (static/news-widget.js) as soon as it
/// saw the element, so the feed downloads while the wasm does. It stands in for the first
/// attempt of the first fetch of the same URL and is read exactly like the widget's own
/// responses (status, headers, capped body); retries and refreshes are the widget's own.
pub struct EarlyResponse {
    /// Absolute URL the loader requested.
    pub url: String,
    /// The loader's `fetch()` promise.
    pub response: js_sys::Promise,
    /// Aborts the loader's request: on timeout, cancellation, or when it is never used.
    pub controller: AbortController,
}

impl EarlyResponse {
    /// Reads the loader's `{ url, response, controller }`; anything else is ignored.
    pub fn from_js(value: &JsValue) -> Option<EarlyResponse> {
        let field = |name: &str| Reflect::get(value, &JsValue::from_str(name)).ok();
        Some(EarlyResponse {
            url: field("url")?.as_string()?,
            response: field("response")?.dyn_into().ok()?,
            controller: field("controller")?.dyn_into().ok()?,
        })
    }
}

impl Drop for EarlyResponse {
    /// Unused, timed out or cancelled, the request stops; after its body was read this does
    /// nothing.
    fn drop(&mut self) {
        self.controller.abort();
    }
}

/// Where a widget keeps its [`EarlyResponse`] until its first fetch takes it. Shared by the
/// props of every render, so equal to itself and to nothing else.
#[derive(Clone, Default)]
pub struct EarlySlot(Rc<RefCell<Option<EarlyResponse>>>);

impl PartialEq for EarlySlot {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl std::fmt::Debug for EarlySlot {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("EarlySlot")
    }
}

impl EarlySlot {
    pub fn new(early: Option<EarlyResponse>) -> EarlySlot {
        EarlySlot(Rc::new(RefCell::new(early)))
    }

    /// The early response if it was requested for `url`. Either way the slot is emptied: one
    /// for another URL (the `feed` attribute changed meanwhile) is aborted and dropped.
    pub fn take_for(&self, url: &str) -> Option<EarlyResponse> {
        self.0.borrow_mut().take().filter(|early| early.url == url)
    }
}

/// The fetch's handle for its owner: the abort controller of the attempt on the wire, and
/// whether the owner has cancelled the fetch.
#[derive(Clone, Default)]
pub struct InFlight(Rc<InFlightState>);

#[derive(Default)]
pub struct InFlightState {
    controller: RefCell<Option<AbortController>>,
    cancelled: Cell<bool>,
}

impl InFlight {
    /// Cancels the fetch: the request on the wire is aborted and no attempt follows. A plain
    /// `abort()`: gloo-net cannot convert a rejection that is not an `Error` (a string
    /// reason).
    pub fn abort(&self) {
        self.0.cancelled.set(true);
        if let Some(controller) = self.0.controller.borrow_mut().take() {
            controller.abort();
        }
    }

    fn cancelled(&self) -> bool {
        self.0.cancelled.get()
    }
}

/// Runs one fetch of `request` under the retry policy.
/// `early`, if given, is the first attempt's response, already requested.
pub async fn fetch_feed(
    request: &FeedRequest<'_>,
    in_flight: &InFlight,
    mut early: Option<EarlyResponse>,
) -> Result<Fetched, FetchError> {
    let started = now_ms();
    let mut attempt = 1;
    loop {
        let timeout_ms = POLICY.attempt_timeout(now_ms().saturating_sub(started));
        if in_flight.cancelled() {
            return Err(FetchError::Cancelled);
        }
        let error = match try_once(request, timeout_ms, in_flight, early.take()).await {
            Ok(fetched) => return Ok(fetched),
            Err(_) if in_flight.cancelled() => return Err(FetchError::Cancelled),
            Err(error) => error,
        };
        let elapsed = now_ms().saturating_sub(started);
        match POLICY.after_error(attempt, elapsed, &error, js_sys::Math::random()) {
            // Dropped with the future if the owner goes, which clears the timer.
            Next::RetryIn(wait) => TimeoutFuture::new(wait).await,
            Next::GiveUp { failure, wait_ms } => {
                return Err(FetchError::Failed { failure, wait_ms })
            }
        }
        attempt += 1;
    }
}

fn offline() -> bool {
    web_sys::window().is_some_and(|w| !w.navigator().on_line())
}

/// One attempt, ending within `timeout_ms`: the deadline ends the attempt itself, then
/// aborts the request. Waiting for the aborted fetch to settle is not enough: WebKit
/// (WebKitGTK 2.50) sometimes leaves a second request to a hanging server pending after
/// `abort()`, promise and connection alike, and the widget would stay `loading` for good.
async fn try_once(
    request: &FeedRequest<'_>,
    timeout_ms: u32,
    in_flight: &InFlight,
    early: Option<EarlyResponse>,
) -> Result<Fetched, AttemptError> {
    let controller = match &early {
        Some(early) => early.controller.clone(),
        None => AbortController::new().map_err(|_| AttemptError::Network)?,
    };
    *in_flight.0.controller.borrow_mut() = Some(controller.clone());
    let attempt = pin!(attempt(request, &controller, early));
    match select(attempt, TimeoutFuture::new(timeout_ms)).await {
        Either::Left((result, _)) => result,
        Either::Right(((), _)) => {
            controller.abort();
            Err(AttemptError::TimedOut)
        }
    }
}

/// The request and its body, however long they take (the caller owns the deadline).
async fn attempt(
    request: &FeedRequest<'_>,
    controller: &AbortController,
    early: Option<EarlyResponse>,
) -> Result<Fetched, AttemptError> {
    let lost = || {
        if offline() {
            AttemptError::Offline
        } else {
            AttemptError::Network
        }
    };
    let response = match &early {
        Some(early) => JsFuture::from(early.response.clone())
            .await
            .ok()
            .and_then(|raw| raw.dyn_into::<web_sys::Response>().ok())
            .map(Response::from)
            .ok_or_else(lost)?,
        None => send(request, controller).await.map_err(|_| lost())?,
    };
    let status = response.status();
    let header = |name: &str| response.headers().get(name);
    match classify_status(status) {
        StatusClass::Success => {}
        StatusClass::NotModified => return Ok(Fetched::NotModified),
        StatusClass::Retry | StatusClass::Final => {
            let retry_after_ms =
                header("retry-after").and_then(|v| parse_retry_after(&v, now_ms()));
            return Err(AttemptError::Status {
                status,
                retry_after_ms,
            });
        }
    }
    if !POLICY.content_length_allowed(header("content-length").as_deref()) {
        controller.abort();
        return Err(AttemptError::TooLarge);
    }
    let validators = Validators::from_headers(
        header("etag").as_deref(),
        header("last-modified").as_deref(),
    );
    let bytes = read_capped(&response).await.map_err(|error| match error {
        AttemptError::Interrupted if offline() => AttemptError::Offline,
        other => other,
    })?;
    let bytes = to_utf8(bytes, header("content-type").as_deref());
    Ok(Fetched::Body { bytes, validators })
}

/// Sends the widget's own request for `request`, abortable by `controller`.
async fn send(request: &FeedRequest<'_>, controller: &AbortController) -> Result<Response, ()> {
    // Built as a web-sys request and sent by gloo-net: gloo-net's own builder appends a
    // stray `&` to a URL that has a query, which would change the URL (and the cache key
    // of CDNs in between).
    let init = RequestInit::new();
    init.set_signal(Some(&controller.signal()));
    match request.revalidation {
        Revalidation::Plain => {}
        Revalidation::ConditionalHeaders => {
            let headers = Headers::new().map_err(|_| ())?;
            for (name, value) in request.validators.request_headers() {
                // Validators::from_headers kept only values that can be sent.
                let _ = headers.set(name, value);
            }
            init.set_headers(&headers);
        }
        Revalidation::BrowserCache => init.set_cache(RequestCache::NoCache),
    }
    let raw = web_sys::Request::new_with_str_and_init(request.url, &init).map_err(|_| ())?;
    Request::from(raw).send().await.map_err(|_| ())
}

/// The body as UTF-8, which the readers take: decoded by the browser's `TextDecoder` from
/// the encoding `feed::charset` names (byte-order mark, then the `charset` of the
/// `Content-Type`, then the XML declaration). UTF-8 bodies, every JSON Feed among them, are
/// passed through untouched; a label the browser does not know leaves the bytes as they are.
fn to_utf8(bytes: Vec<u8>, content_type: Option<&str>) -> Vec<u8> {
    let charset = crate::feed::charset::detect(&bytes, content_type);
    if charset.is_utf8() {
        return bytes;
    }
    web_sys::TextDecoder::new_with_label(&charset.label)
        .and_then(|decoder| decoder.decode_with_u8_array(&bytes))
        .map_or(bytes, String::into_bytes)
}

/// Reads the body chunk by chunk, stopping (and cancelling the download) as soon as it
/// passes the cap: a huge answer never sits in memory.
async fn read_capped(response: &Response) -> Result<Vec<u8>, AttemptError> {
    let Some(stream) = response.body() else {
        return Ok(Vec::new());
    };
    let reader: ReadableStreamDefaultReader = stream.get_reader().unchecked_into();
    let mut bytes = Vec::new();
    loop {
        let result = JsFuture::from(reader.read())
            .await
            .map_err(|_| AttemptError::Interrupted)?;
        let done =
            Reflect::get(&result, &JsValue::from_str("done")).map_or(true, |d| d.is_truthy());
        if done {
            return Ok(bytes);
        }
        let Ok(chunk) = Reflect::get(&result, &JsValue::from_str("value"))
            .and_then(|value| value.dyn_into::<Uint8Array>())
        else {
            return Err(AttemptError::Interrupted);
        };
        let start = bytes.len();
        let length = chunk.length() as usize;
        if !POLICY.body_within_cap((start + length) as u64) {
            // Cancelling the reader ends the download; awaited so its promise is handled.
            let _ = JsFuture::from(reader.cancel()).await;
            return Err(AttemptError::TooLarge);
        }
        bytes.resize(start + length, 0);
        chunk.copy_to(&mut bytes[start..]);
    }
}
