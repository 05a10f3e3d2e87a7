//! How a feed request can end badly, and what the reader is told.
//!
//! Each ending has its own message, in the widget's UI language (the wording lives in
//! [`crate::i18n`], beside the other UI strings). The message names the feed URL so a
//! partner reading the console or the `news-widget:error` event knows which feed failed.

use crate::i18n::Lang;

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
                let reason = status_reason(*status, lang);
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

/// The reason phrase of the statuses a feed server commonly answers with ("" for others:
/// HTTP/2 sends no phrase, so the browser's `statusText` is often empty).
fn status_reason(status: u16, lang: Lang) -> &'static str {
    const REASONS: [(u16, &str, &str); 13] = [
        (400, "Bad Request", "请求无效"),
        (401, "Unauthorized", "需要身份验证"),
        (403, "Forbidden", "禁止访问"),
        (404, "Not Found", "未找到"),
        (408, "Request Timeout", "请求超时"),
        (410, "Gone", "已删除"),
        (429, "Too Many Requests", "请求过多"),
        (451, "Unavailable For Legal Reasons", "因法律原因不可用"),
        (500, "Internal Server Error", "服务器内部错误"),
        (502, "Bad Gateway", "网关错误"),
        (503, "Service Unavailable", "服务暂不可用"),
        (504, "Gateway Timeout", "网关超时"),
        (508, "Loop Detected", "检测到循环"),
    ];
    REASONS
        .iter()
        .find(|(code, ..)| *code == status)
        .map_or("", |(_, en, zh)| match lang {
            Lang::En => en,
            Lang::ZhCn => zh,
        })
}
