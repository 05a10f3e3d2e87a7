//! The request policy, as plain decisions with no DOM: the shell (`fetch.rs`,
//! `hooks/use_feed.rs`) asks these modules what to do and does it with gloo-net, gloo-timers
//! and `localStorage`. Everything here is tested on the host (`tests/network_*.rs`).
//!
//! | module        | decides                                                               |
//! |---------------|-----------------------------------------------------------------------|
//! | [`retry`]     | per-attempt timeout, which failures retry, backoff with full jitter, `Retry-After`, the body cap |
//! | [`failure`]   | how a request ended, and the message (zh-CN and en) a reader sees      |
//! | [`feed_state`] | what shows as fetches succeed and fail; what the host page is told   |
//! | [`refresh`]   | when to refresh, conditional request headers, whether a response changes anything |
//! | [`stored`]    | the stored last good feed: key, format, size cap, age, storage failures |
//! | [`http_date`] | `Retry-After` and other HTTP dates (all three RFC 9110 formats)       |
//!
//! Time is always passed in (milliseconds since the Unix epoch, or since the request
//! started) and so is randomness (a number in `[0, 1)`), so every schedule is reproducible.

pub mod failure;
pub mod feed_state;
pub mod http_date;
pub mod refresh;
pub mod retry;
pub mod stored;
