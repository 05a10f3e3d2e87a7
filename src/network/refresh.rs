//! Refreshing the feed: when to ask again, how to ask cheaply, and whether the answer changes
//! anything on screen.
//!
//! * **When.** Every `refresh` seconds (the attribute; see [`crate::config`]), counted from
//!   the end of the previous fetch, and only while the page is visible and the widget is on
//!   screen. Hidden or scrolled away, no timer runs; when the widget is seen again and a
//!   refresh has come due meanwhile, exactly one fetch starts at once (the catch-up). A
//!   server's `Retry-After` pushes the next refresh back.
//! * **How.** With `If-None-Match` / `If-Modified-Since` from the last response
//!   ([`Validators`]) when the feed is on the page's own origin. For a feed on another origin
//!   these headers would make every request a CORS preflight, which many feed hosts refuse;
//!   there the request asks the browser to revalidate its HTTP cache (`cache: "no-cache"`),
//!   which sends the same validators without a preflight, and the answer is compared by
//!   content.
//! * **What changes.** A 304, or a body identical to the one on screen, changes nothing
//!   ([`UpdateDecision::Keep`]); only different bytes are read and rendered.

/// What the refresh timer should do now.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RefreshDecision {
    /// Refresh is switched off (`refresh="0"`).
    Off,
    /// Nothing to schedule: a fetch is running, none has finished yet, or the widget is not
    /// seen (hidden page, off screen). Decide again when that changes.
    Idle,
    /// A refresh is due and the widget is seen: fetch now.
    FetchNow,
    /// Decide again in this many ms.
    WaitMs(u64),
}

/// Everything the refresh decision depends on. Times are ms since the Unix epoch.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RefreshInputs {
    /// The `refresh` attribute in ms; 0 is off.
    pub interval_ms: u64,
    pub now_ms: u64,
    /// When the last fetch (successful or not) finished; `None` before the first one ends.
    pub last_fetch_end_ms: Option<u64>,
    /// No request before this time (the server's `Retry-After`).
    pub not_before_ms: Option<u64>,
    /// `document.visibilityState` is `visible`.
    pub page_visible: bool,
    /// Some part of the widget is in the viewport.
    pub on_screen: bool,
    /// A fetch is in progress.
    pub fetching: bool,
}

/// Whether to fetch now, wait, or do nothing until an input changes.
pub fn next_refresh(inputs: &RefreshInputs) -> RefreshDecision {
    if inputs.interval_ms == 0 {
        return RefreshDecision::Off;
    }
    let Some(last) = inputs.last_fetch_end_ms else {
        return RefreshDecision::Idle;
    };
    if inputs.fetching || !inputs.page_visible || !inputs.on_screen {
        return RefreshDecision::Idle;
    }
    let due = last
        .saturating_add(inputs.interval_ms)
        .max(inputs.not_before_ms.unwrap_or(0));
    if inputs.now_ms >= due {
        RefreshDecision::FetchNow
    } else {
        RefreshDecision::WaitMs(due - inputs.now_ms)
    }
}

/// The validators of the response on screen, sent back to ask "has it changed?".
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Validators {
    pub etag: Option<String>,
    pub last_modified: Option<String>,
}

/// Longest validator kept; longer ones are not real ETags or dates.
const MAX_VALIDATOR_LEN: usize = 512;

impl Validators {
    /// From a response's `ETag` and `Last-Modified` headers. A value that could not be sent
    /// back as a request header (control or non-ASCII characters, or absurdly long) is
    /// dropped rather than making the next request throw.
    pub fn from_headers(etag: Option<&str>, last_modified: Option<&str>) -> Validators {
        Validators {
            etag: sendable(etag),
            last_modified: sendable(last_modified),
        }
    }

    /// True when there is nothing to send.
    pub fn is_empty(&self) -> bool {
        self.etag.is_none() && self.last_modified.is_none()
    }

    /// The conditional request headers, for a same-origin feed.
    pub fn request_headers(&self) -> Vec<(&'static str, &str)> {
        let mut headers = Vec::new();
        if let Some(etag) = &self.etag {
            headers.push(("If-None-Match", etag.as_str()));
        }
        if let Some(date) = &self.last_modified {
            headers.push(("If-Modified-Since", date.as_str()));
        }
        headers
    }
}

/// `value`, trimmed, if it can be sent back as a request header value.
fn sendable(value: Option<&str>) -> Option<String> {
    let value = value?.trim();
    let ok = !value.is_empty()
        && value.len() <= MAX_VALIDATOR_LEN
        && value
            .bytes()
            .all(|b| b == b'\t' || (0x20..0x7F).contains(&b));
    ok.then(|| value.to_owned())
}

/// How the next request asks whether the feed changed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Revalidation {
    /// Nothing on screen to validate: a plain request (the browser's cache may answer).
    Plain,
    /// Same origin: send [`Validators::request_headers`]; a 304 means unchanged.
    ConditionalHeaders,
    /// Another origin: `cache: "no-cache"`, the browser revalidates its own cached copy
    /// (no CORS preflight); compare the body.
    BrowserCache,
}

/// How to revalidate: `have_content` when a feed is on screen, with `validators` from its
/// response; `same_origin` when the feed URL has the page's origin.
pub fn revalidation(
    have_content: bool,
    validators: &Validators,
    same_origin: bool,
) -> Revalidation {
    if !have_content {
        Revalidation::Plain
    } else if same_origin && !validators.is_empty() {
        Revalidation::ConditionalHeaders
    } else {
        Revalidation::BrowserCache
    }
}

/// A 64-bit FNV-1a hash of a body with its length, to tell "same bytes as on screen".
pub fn fingerprint(body: &[u8]) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in body.iter().chain(&(body.len() as u64).to_le_bytes()) {
        hash ^= u64::from(*byte);
        hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
    }
    hash
}

/// What a successful answer was.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Answer {
    /// 304 Not Modified.
    NotModified,
    /// A body, by its [`fingerprint`].
    Body(u64),
}

/// What to do with an answer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UpdateDecision {
    /// Same content: nothing on screen changes (only the "possibly out of date" mark goes).
    Keep,
    /// New content: read it and update the widget in place.
    Replace,
    /// A 304 with nothing to keep (a cache answered a request the widget did not make
    /// conditional): ask again without validators.
    AskAgainPlain,
}

/// What an answer means given the fingerprint of the body on screen (if any).
pub fn update_decision(answer: Answer, on_screen: Option<u64>) -> UpdateDecision {
    match (answer, on_screen) {
        (Answer::NotModified, Some(_)) => UpdateDecision::Keep,
        (Answer::NotModified, None) => UpdateDecision::AskAgainPlain,
        (Answer::Body(new), Some(old)) if new == old => UpdateDecision::Keep,
        (Answer::Body(_), _) => UpdateDecision::Replace,
    }
}
