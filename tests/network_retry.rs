#![cfg(not(target_arch = "wasm32"))]
//! The retry policy: which failures retry, the schedule of attempts with its jitter bounds,
//! `Retry-After` (seconds and HTTP dates), per-attempt timeouts, the body cap, and the
//! message each ending gives.

use news_widget::i18n::Lang;
use news_widget::network::failure::{looks_like_html, Failure};
use news_widget::network::http_date::{parse_http_date, parse_retry_after};
use news_widget::network::retry::{classify_status, AttemptError, Next, StatusClass, POLICY};
use proptest::prelude::*;

fn status(status: u16) -> AttemptError {
    AttemptError::Status {
        status,
        retry_after_ms: None,
    }
}

fn status_after(status: u16, retry_after_ms: u64) -> AttemptError {
    AttemptError::Status {
        status,
        retry_after_ms: Some(retry_after_ms),
    }
}

#[test]
fn the_policy_numbers() {
    assert_eq!(POLICY.attempt_timeout_ms, 10_000);
    assert_eq!(POLICY.budget_ms, 30_000);
    assert_eq!(POLICY.max_attempts, 4);
    assert_eq!(POLICY.base_delay_ms, 500);
    assert_eq!(POLICY.max_delay_ms, 8_000);
    assert_eq!(POLICY.max_body_bytes, 5 * 1024 * 1024);
}

#[test]
fn statuses_are_classified() {
    use StatusClass::*;
    #[rustfmt::skip]
    let table = [
        (200, Success), (203, Success), (204, Success), (299, Success),
        (304, NotModified),
        (408, Retry), (429, Retry), (500, Retry), (502, Retry), (503, Retry), (504, Retry), (599, Retry),
        (301, Final), (400, Final), (401, Final), (403, Final), (404, Final), (410, Final),
        (418, Final), (451, Final), (0, Final), (100, Final), (600, Final),
    ];
    for (code, class) in table {
        assert_eq!(classify_status(code), class, "HTTP {code}");
    }
}

#[test]
fn which_failures_retry() {
    #[rustfmt::skip]
    let table = [
        (AttemptError::Network, true),
        (AttemptError::TimedOut, true),
        (AttemptError::Interrupted, true),
        (status(500), true),
        (status(503), true),
        (status(429), true),
        (status_after(429, 1_000), true),
        (status(408), true),
        (AttemptError::Offline, false),
        (AttemptError::TooLarge, false),
        (status(400), false),
        (status(401), false),
        (status(403), false),
        (status(404), false),
        (status(410), false),
    ];
    for (error, retries) in table {
        assert_eq!(POLICY.is_retryable(&error), retries, "{error:?}");
        let next = POLICY.after_error(1, 0, &error, 0.5);
        assert_eq!(
            matches!(next, Next::RetryIn(_)),
            retries,
            "{error:?}: {next:?}"
        );
    }
}

#[test]
fn backoff_ceiling_doubles_up_to_the_cap() {
    let ceilings: Vec<u32> = (1..=8).map(|n| POLICY.backoff_ceiling_ms(n)).collect();
    assert_eq!(
        ceilings,
        [500, 1_000, 2_000, 4_000, 8_000, 8_000, 8_000, 8_000]
    );
    assert_eq!(POLICY.backoff_ceiling_ms(0), 500);
    assert_eq!(POLICY.backoff_ceiling_ms(u32::MAX), 8_000);
}

#[test]
fn full_jitter_is_the_random_share_of_the_ceiling() {
    #[rustfmt::skip]
    let table = [
        // (retry, random, wait)
        (1, 0.0, 0), (1, 0.5, 250), (1, 0.999, 499),
        (2, 0.0, 0), (2, 0.5, 500), (2, 0.25, 250),
        (3, 0.5, 1_000), (4, 0.5, 2_000), (5, 0.5, 4_000), (9, 0.5, 4_000),
        // Out of range or NaN: clamped into [0, ceiling).
        (1, 1.0, 499), (1, 7.0, 499), (1, -3.0, 0), (1, f64::NAN, 0),
        (1, f64::INFINITY, 499), (1, f64::NEG_INFINITY, 0),
    ];
    for (retry, random, wait) in table {
        assert_eq!(
            POLICY.backoff_ms(retry, random),
            wait,
            "retry {retry}, random {random}"
        );
    }
}

proptest! {
    #[test]
    fn jitter_stays_within_its_bounds(retry in 1u32..40, random in 0.0f64..1.0) {
        let wait = POLICY.backoff_ms(retry, random);
        prop_assert!(wait < POLICY.backoff_ceiling_ms(retry));
    }

    #[test]
    fn any_schedule_fits_the_budget_and_the_attempt_cap(
        randoms in proptest::collection::vec(any::<f64>(), 0..6),
        code in 400u16..600,
        retry_after in proptest::option::of(0u64..40_000),
    ) {
        let error = AttemptError::Status { status: code, retry_after_ms: retry_after };
        let starts = POLICY.schedule(&error, &randoms);
        prop_assert!(!starts.is_empty() && starts.len() <= POLICY.max_attempts as usize);
        prop_assert!(starts.windows(2).all(|w| w[0] <= w[1]));
        for start in &starts {
            prop_assert!(start + u64::from(POLICY.min_attempt_ms) <= u64::from(POLICY.budget_ms));
        }
        if let Some(asked) = retry_after {
            for w in starts.windows(2) {
                prop_assert!(w[1] - w[0] >= asked, "Retry-After honoured");
            }
        }
    }
}

#[test]
fn attempts_start_on_schedule_when_each_fails_at_once() {
    let cases: [(&str, AttemptError, &[f64], &[u64]); 7] = [
        (
            "503, middle jitter",
            status(503),
            &[0.5, 0.5, 0.5],
            &[0, 250, 750, 1_750],
        ),
        (
            "network, no jitter",
            AttemptError::Network,
            &[0.0, 0.0, 0.0],
            &[0, 0, 0, 0],
        ),
        (
            "network, most jitter",
            AttemptError::Network,
            &[0.999, 0.999, 0.999],
            &[0, 499, 1_498, 3_496],
        ),
        (
            "429 asking 1 s",
            status_after(429, 1_000),
            &[0.5, 0.5, 0.5],
            &[0, 1_000, 2_000, 3_000],
        ),
        (
            "503 asking 0 s",
            status_after(503, 0),
            &[0.5, 0.5, 0.5],
            &[0, 250, 750, 1_750],
        ),
        (
            "429 asking 12 s: two fit the budget",
            status_after(429, 12_000),
            &[0.5; 3],
            &[0, 12_000, 24_000],
        ),
        ("404 never retries", status(404), &[0.5], &[0]),
    ];
    for (name, error, randoms, starts) in cases {
        assert_eq!(POLICY.schedule(&error, randoms), starts, "{name}");
    }
}

#[test]
fn a_retry_after_beyond_the_budget_ends_the_fetch_and_is_passed_on() {
    #[rustfmt::skip]
    let table = [
        // (elapsed, asked, outcome)
        (0, 29_000, Next::RetryIn(29_000)),
        (0, 29_001, Next::GiveUp { failure: Failure::Http { status: 429 }, wait_ms: Some(29_001) }),
        (10_000, 19_000, Next::RetryIn(19_000)),
        (10_000, 19_001, Next::GiveUp { failure: Failure::Http { status: 429 }, wait_ms: Some(19_001) }),
        (0, 3_600_000, Next::GiveUp { failure: Failure::Http { status: 429 }, wait_ms: Some(3_600_000) }),
    ];
    for (elapsed, asked, outcome) in table {
        assert_eq!(
            POLICY.after_error(1, elapsed, &status_after(429, asked), 0.0),
            outcome,
            "{asked} ms at {elapsed}"
        );
    }
    // The last attempt's Retry-After is passed on too.
    assert_eq!(
        POLICY.after_error(4, 5_000, &status_after(503, 60_000), 0.5),
        Next::GiveUp {
            failure: Failure::Http { status: 503 },
            wait_ms: Some(60_000)
        }
    );
}

#[test]
fn the_attempt_cap_ends_the_fetch_with_the_last_error() {
    for attempt in 1..4 {
        assert!(matches!(
            POLICY.after_error(attempt, 0, &status(503), 0.5),
            Next::RetryIn(_)
        ));
    }
    assert_eq!(
        POLICY.after_error(4, 2_000, &status(503), 0.5),
        Next::GiveUp {
            failure: Failure::Http { status: 503 },
            wait_ms: None
        }
    );
    assert_eq!(
        POLICY.after_error(4, 2_000, &AttemptError::Interrupted, 0.5),
        Next::GiveUp {
            failure: Failure::Interrupted,
            wait_ms: None
        }
    );
}

#[test]
fn a_server_that_never_answers_times_out_within_the_budget() {
    // Each attempt uses its whole timeout; the budget trims the last one.
    let mut elapsed = 0u64;
    let mut timeouts = Vec::new();
    let mut attempt = 1;
    let failure = loop {
        let timeout = POLICY.attempt_timeout(elapsed);
        timeouts.push(timeout);
        elapsed += u64::from(timeout);
        match POLICY.after_error(attempt, elapsed, &AttemptError::TimedOut, 0.5) {
            Next::RetryIn(wait) => elapsed += u64::from(wait),
            Next::GiveUp { failure, .. } => break failure,
        }
        attempt += 1;
    };
    assert_eq!(timeouts, [10_000, 10_000, 9_250]);
    assert_eq!(
        failure,
        Failure::TimedOut {
            attempts: 3,
            elapsed_ms: 30_000
        }
    );
    assert_eq!(elapsed, 30_000);
}

#[test]
fn attempt_timeout_is_the_smaller_of_the_cap_and_what_is_left() {
    #[rustfmt::skip]
    let table = [(0, 10_000), (15_000, 10_000), (20_000, 10_000), (25_000, 5_000), (29_999, 1), (30_000, 0), (90_000, 0)];
    for (elapsed, timeout) in table {
        assert_eq!(POLICY.attempt_timeout(elapsed), timeout, "at {elapsed}");
    }
}

#[test]
fn endings_that_do_not_retry_say_what_happened() {
    #[rustfmt::skip]
    let table = [
        (status(404), Failure::Http { status: 404 }),
        (status(401), Failure::Http { status: 401 }),
        (AttemptError::TooLarge, Failure::TooLarge { limit_bytes: 5 * 1024 * 1024 }),
        (AttemptError::Offline, Failure::Offline),
    ];
    for (error, failure) in table {
        assert_eq!(
            POLICY.after_error(1, 100, &error, 0.5),
            Next::GiveUp {
                failure,
                wait_ms: None
            },
            "{error:?}"
        );
    }
}

#[test]
fn the_body_cap_uses_content_length_then_counting() {
    #[rustfmt::skip]
    let table = [
        (None, true),
        (Some("0"), true),
        (Some("5242880"), true),
        (Some(" 5242880 "), true),
        (Some("5242881"), false),
        (Some("52428800"), false),
        (Some("99999999999999999999999999"), false),
        // Malformed: not trusted either way; the stream is counted instead.
        (Some(""), true),
        (Some("abc"), true),
        (Some("-1"), true),
        (Some("1e9"), true),
    ];
    for (header, allowed) in table {
        assert_eq!(POLICY.content_length_allowed(header), allowed, "{header:?}");
    }
    assert!(POLICY.body_within_cap(0));
    assert!(POLICY.body_within_cap(5 * 1024 * 1024));
    assert!(!POLICY.body_within_cap(5 * 1024 * 1024 + 1));
}

// ---- Retry-After and HTTP dates ----------------------------------------------------------

#[test]
fn http_dates_in_all_three_formats() {
    #[rustfmt::skip]
    let table = [
        ("Sun, 06 Nov 1994 08:49:37 GMT", Some(784_111_777)),
        ("Sunday, 06-Nov-94 08:49:37 GMT", Some(784_111_777)),
        ("Sun Nov  6 08:49:37 1994", Some(784_111_777)),
        ("Thu, 01 Jan 1970 00:00:00 GMT", Some(0)),
        ("Wed, 21 Oct 2015 07:28:00 GMT", Some(1_445_412_480)),
        ("Thu, 29 Feb 2024 23:59:59 GMT", Some(1_709_251_199)),
        ("Tue, 29 Feb 2000 12:00:00 GMT", Some(951_825_600)),
        ("Thursday, 01-Jan-15 00:00:00 GMT", Some(1_420_070_400)),
        ("Sat, 31 Dec 2068 23:59:59 GMT", Some(3_124_223_999)),
        // Wrong in some field.
        ("Wed, 29 Feb 2023 00:00:00 GMT", None),
        ("Thu, 29 Feb 1900 00:00:00 GMT", None),
        ("Sun, 31 Nov 1994 08:49:37 GMT", None),
        ("Sun, 06 Nov 1994 24:00:00 GMT", None),
        ("Sun, 06 Nov 1994 08:60:00 GMT", None),
        ("Sun, 06 nov 1994 08:49:37 GMT", None),
        ("Sun, 06 Nov 1994 08:49:37 UTC", None),
        ("Sun, 06 Nov 1994 08:49 GMT", None),
        ("Sun, 06 Nov 94 08:49:37 GMT", None),
        ("Sun, 00 Nov 1994 08:49:37 GMT", None),
        ("Sunday, 06-Nov-1994 08:49:37 GMT", None),
        ("1994-11-06T08:49:37Z", None),
        ("", None),
        ("soon", None),
    ];
    for (text, seconds) in table {
        assert_eq!(parse_http_date(text), seconds, "{text:?}");
    }
}

#[test]
fn retry_after_in_seconds_or_as_a_date() {
    // 2015-10-21 07:28:00 GMT
    let now = 1_445_412_480_000;
    #[rustfmt::skip]
    let table = [
        ("1", Some(1_000)),
        ("0", Some(0)),
        (" 120 ", Some(120_000)),
        ("3600", Some(3_600_000)),
        ("99999999999999999999999", Some(u64::MAX)),
        ("Wed, 21 Oct 2015 07:28:30 GMT", Some(30_000)),
        ("Wed, 21 Oct 2015 07:28:00 GMT", Some(0)),
        ("Wed, 21 Oct 2015 07:27:00 GMT", Some(0)),
        ("Thu, 22 Oct 2015 07:28:00 GMT", Some(86_400_000)),
        ("-1", None),
        ("1.5", None),
        ("+5", None),
        ("", None),
        ("later", None),
    ];
    for (text, wait) in table {
        assert_eq!(parse_retry_after(text, now), wait, "{text:?}");
    }
}

proptest! {
    #[test]
    fn date_parsing_never_panics(text in "\\PC{0,40}") {
        let _ = parse_http_date(&text);
        let _ = parse_retry_after(&text, 1_700_000_000_000);
    }

    #[test]
    fn any_imf_fixdate_round_trips_through_the_civil_calendar(
        year in 1970i32..2200, month in 1u32..=12, day in 1u32..=28,
        hour in 0u32..24, minute in 0u32..60, second in 0u32..60,
    ) {
        const MONTHS: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
        let text = format!("Mon, {day:02} {} {year} {hour:02}:{minute:02}:{second:02} GMT", MONTHS[month as usize - 1]);
        let seconds = parse_http_date(&text).unwrap();
        // Independent count: whole days of the years and months before, then the rest.
        let leap = |y: i32| (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
        let mut days: i64 = (1970..year).map(|y| if leap(y) { 366 } else { 365 }).sum();
        let lengths = [31, if leap(year) { 29 } else { 28 }, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
        days += lengths[..month as usize - 1].iter().sum::<i64>() + i64::from(day) - 1;
        prop_assert_eq!(seconds, days * 86_400 + i64::from(hour * 3600 + minute * 60 + second));
    }
}

// ---- Messages ----------------------------------------------------------------------------

const URL: &str = "https://example.com/feed.json";

#[test]
fn each_ending_has_its_own_message_in_both_languages() {
    #[rustfmt::skip]
    let table = [
        (Failure::Http { status: 404 },
            "The feed server answered with an error: HTTP 404 Not Found (https://example.com/feed.json)",
            "订阅源服务器返回错误 HTTP 404 未找到(https://example.com/feed.json)"),
        (Failure::Http { status: 503 },
            "The feed server answered with an error: HTTP 503 Service Unavailable (https://example.com/feed.json)",
            "订阅源服务器返回错误 HTTP 503 服务暂不可用(https://example.com/feed.json)"),
        (Failure::Http { status: 418 },
            "The feed server answered with an error: HTTP 418 (https://example.com/feed.json)",
            "订阅源服务器返回错误 HTTP 418(https://example.com/feed.json)"),
        (Failure::NotJson { html: true, reason: "expected value at line 1 column 1".into() },
            "The feed address returned a web page (HTML), not a feed (https://example.com/feed.json)",
            "订阅源地址返回的是网页(HTML),不是订阅源(https://example.com/feed.json)"),
        (Failure::NotJson { html: false, reason: "expected `,` or `}` at line 3 column 5".into() },
            "The feed is not valid JSON: expected `,` or `}` at line 3 column 5 (https://example.com/feed.json)",
            "订阅源不是有效的 JSON:expected `,` or `}` at line 3 column 5(https://example.com/feed.json)"),
        (Failure::NotFeed { reason: "no `items` array".into() },
            "The file is not a usable news feed (JSON Feed, RSS or Atom): no `items` array (https://example.com/feed.json)",
            "该文件不是可用的订阅源(JSON Feed、RSS 或 Atom):no `items` array(https://example.com/feed.json)"),
        (Failure::TooLarge { limit_bytes: 5 * 1024 * 1024 },
            "The feed is larger than 5 MB and was not loaded (https://example.com/feed.json)",
            "订阅源大于 5 MB,未加载(https://example.com/feed.json)"),
        (Failure::TimedOut { attempts: 3, elapsed_ms: 29_800 },
            "The feed server did not answer in time: 3 attempts in 30 s (https://example.com/feed.json)",
            "订阅源服务器响应超时:30 秒内尝试 3 次(https://example.com/feed.json)"),
        (Failure::Offline,
            "You are offline; the news will load when the connection is back (https://example.com/feed.json)",
            "网络已断开,连接恢复后将自动加载(https://example.com/feed.json)"),
        (Failure::Network,
            "The feed server could not be reached: the connection failed or the server's CORS settings block this page (https://example.com/feed.json)",
            "无法连接订阅源服务器:连接失败,或被服务器的跨域(CORS)设置阻止(https://example.com/feed.json)"),
        (Failure::Interrupted,
            "The feed download broke off before it was complete (https://example.com/feed.json)",
            "订阅源下载中断,内容不完整(https://example.com/feed.json)"),
    ];
    let mut codes = Vec::new();
    for (failure, en, zh) in table {
        assert_eq!(failure.message(Lang::En, URL), en);
        assert_eq!(failure.message(Lang::ZhCn, URL), zh);
        codes.push(failure.code());
    }
    assert_eq!(
        codes,
        [
            "http-404",
            "http-503",
            "http-418",
            "html",
            "not-json",
            "not-feed",
            "too-large",
            "timeout",
            "offline",
            "network",
            "interrupted"
        ]
    );
}

#[test]
fn the_time_taken_is_rounded_to_the_nearest_second() {
    for (elapsed_ms, seconds) in [
        (29_499, "29 s"),
        (29_500, "30 s"),
        (30_040, "30 s"),
        (30_499, "30 s"),
        (0, "0 s"),
    ] {
        let message = Failure::TimedOut {
            attempts: 3,
            elapsed_ms,
        }
        .message(Lang::En, URL);
        assert!(
            message.contains(&format!("3 attempts in {seconds} (")),
            "{elapsed_ms}: {message}"
        );
    }
}

#[test]
fn a_url_with_braces_is_not_taken_for_a_placeholder() {
    let message = Failure::Http { status: 500 }.message(Lang::En, "https://x.test/{}.json");
    assert!(
        message.ends_with("HTTP 500 Internal Server Error (https://x.test/{}.json)"),
        "{message}"
    );
}

#[test]
fn html_is_recognised_by_its_first_character() {
    #[rustfmt::skip]
    let table: [(&[u8], bool); 8] = [
        (b"<!doctype html><title>x</title>", true),
        (b"\n  <html>", true),
        (b"\xEF\xBB\xBF<html>", true),
        (b"<?xml version=\"1.0\"?><rss/>", true),
        (b"{\"version\": \"https://jsonfeed.org/version/1.1\"}", false),
        (b"  [1, 2]", false),
        (b"", false),
        (b"not json <b>", false),
    ];
    for (body, html) in table {
        assert_eq!(
            looks_like_html(body),
            html,
            "{:?}",
            String::from_utf8_lossy(body)
        );
    }
}
