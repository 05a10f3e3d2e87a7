//! How a feed request can end badly, and what the reader is told.
//!
//! Each ending has its own message, in the widget's UI language (the wording lives in
//! [`crate::i18n`], beside the other UI strings). The message names the feed URL so a
//! partner reading the console or the `news-widget:error` event knows which feed failed.

use crate::feed::FeedError;
use crate::i18n::{Lang, NetworkStrings};

/// One way a feed request ended without a usable feed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Failure {
    /// The server answered with an error status (after the retries, if it was retryable).
    Http { status: u16 },
    /// The body is not JSON. `html` when it looks like a web page (a login wall, a CDN
    /// error page, a wrong URL answered by the site's 404 page with status 200).
    NotJson { html: bool, reason: String },
    /// JSON, but not a JSON Feed the widget can show; `reason` is the reader's message.
    NotFeed { reason: String },
    /// The body is larger than the cap (by `Content-Length`, or counted while streaming).
    TooLarge { limit_bytes: u64 },
    /// No attempt finished in time.
    TimedOut { attempts: u32, elapsed_ms: u64 },
    /// The browser reports no network connection.
    Offline,
    /// The request failed before any answer: connection refused, DNS, TLS, or a response
    /// the browser hid from the page (CORS).
    Network,
    /// The answer started but the body broke off (connection closed mid-download).
    Interrupted,
    /// The reader refused the body. Unlike `NotJson` and `NotFeed`, whose reason is the
    /// reader's English, the message gives the reason in the widget's language (keeping
    /// the document's own paths and positions).
    Unreadable(FeedError),
}

/// The first non-blank byte is `<`: an HTML (or XML) document rather than JSON.
pub fn looks_like_html(body: &[u8]) -> bool {
    body.iter()
        .find(|b| !b.is_ascii_whitespace() && **b != 0xEF && **b != 0xBB && **b != 0xBF)
        .is_some_and(|b| *b == b'<')
}

impl Failure {
    /// The message shown in the error state (and sent with `news-widget:error`), in `lang`,
    /// naming `url`.
    pub fn message(&self, lang: Lang, url: &str) -> String {
        let s = lang.network_strings();
        let number = |n: u64| n.to_string();
        let (template, detail, attempts, seconds) = match self {
            Failure::Http { status } => {
                let reason = s.status_reason(*status);
                let mut status = status.to_string();
                if !reason.is_empty() {
                    status = [&status, " ", reason].concat();
                }
                (s.http_status, status, String::new(), String::new())
            }
            Failure::NotJson { html: true, .. } => {
                (s.html_page, String::new(), String::new(), String::new())
            }
            Failure::NotJson {
                html: false,
                reason,
            } => (s.not_json, reason.clone(), String::new(), String::new()),
            Failure::NotFeed { reason } => {
                (s.not_feed, reason.clone(), String::new(), String::new())
            }
            Failure::TooLarge { limit_bytes } => (
                s.too_large,
                number(limit_bytes / (1024 * 1024)),
                String::new(),
                String::new(),
            ),
            Failure::TimedOut {
                attempts,
                elapsed_ms,
            } => (
                s.timed_out,
                String::new(),
                number(u64::from(*attempts)),
                number(elapsed_ms.saturating_add(500) / 1000),
            ),
            Failure::Offline => (s.offline, String::new(), String::new(), String::new()),
            Failure::Network => (s.network, String::new(), String::new(), String::new()),
            Failure::Interrupted => (s.interrupted, String::new(), String::new(), String::new()),
            Failure::Unreadable(error) => {
                let (template, reason) = reader_reason(error, s);
                (template, reason, String::new(), String::new())
            }
        };
        fill(
            template,
            &[
                ("{}", &detail),
                ("{url}", url),
                ("{attempts}", &attempts),
                ("{seconds}", &seconds),
            ],
        )
    }

    /// A short stable code for hosts (`detail.code` of `news-widget:error`): `http-404`,
    /// `not-json`, `html`, `not-feed`, `too-large`, `timeout`, `offline`, `network`,
    /// `interrupted`.
    pub fn code(&self) -> String {
        match self {
            Failure::Http { status } => ["http-", &status.to_string()].concat(),
            Failure::NotJson { html: true, .. } => "html".to_owned(),
            Failure::NotJson { .. } => "not-json".to_owned(),
            Failure::NotFeed { .. } => "not-feed".to_owned(),
            Failure::TooLarge { .. } => "too-large".to_owned(),
            Failure::TimedOut { .. } => "timeout".to_owned(),
            Failure::Offline => "offline".to_owned(),
            Failure::Network => "network".to_owned(),
            Failure::Interrupted => "interrupted".to_owned(),
            Failure::Unreadable(FeedError::NotJson { .. }) => "not-json".to_owned(),
            Failure::Unreadable(FeedError::HtmlPage { .. }) => "html".to_owned(),
            Failure::Unreadable(FeedError::TooLarge { .. }) => "too-large".to_owned(),
            Failure::Unreadable(_) => "not-feed".to_owned(),
        }
    }
}

/// `template` with each placeholder replaced, in one pass: a value that happens to contain
/// a placeholder's text (a URL with `{}` in it) is left as it is.
fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len() + 64);
    let mut rest = template;
    while let Some(at) = rest.find('{') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        match values.iter().find(|(name, _)| rest.starts_with(name)) {
            Some((name, value)) => {
                out.push_str(value);
                rest = &rest[name.len()..];
            }
            None => {
                out.push('{');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// The sentence for a document the reader refused and its `{}`: the reason in the same
/// language, with the document's path or position as written.
fn reader_reason(error: &FeedError, s: &NetworkStrings) -> (&'static str, String) {
    let at = |template: &str, line: usize, column: usize| {
        fill(
            template,
            &[
                ("{line}", &line.to_string()),
                ("{column}", &column.to_string()),
            ],
        )
    };
    let path = |template: &str, path: &str| fill(template, &[("{path}", path)]);
    match error {
        FeedError::NotJson { line, column, .. } => (s.not_json, at(s.json_syntax, *line, *column)),
        FeedError::NotXml { line, column, .. } => (s.not_feed, at(s.xml_syntax, *line, *column)),
        FeedError::NotAFeed { .. } => (s.not_feed, path(s.no_items, "$")),
        FeedError::WrongType { path: at, .. } => (s.not_feed, path(s.wrong_type, at)),
        FeedError::NoUsableItems { .. } => (s.not_feed, s.no_usable_items.to_owned()),
        FeedError::NotXmlFeed { .. } => (s.not_feed, s.not_xml_feed.to_owned()),
        FeedError::HtmlPage { .. } => (s.html_page, String::new()),
        FeedError::TooLarge { limit_bytes, .. } => {
            (s.too_large, (limit_bytes / (1024 * 1024)).to_string())
        }
    }
}
