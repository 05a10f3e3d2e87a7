//! When a feed request is tried again, how long each try may take, and how much it may read.
//!
//! One *fetch* (the first load, a refresh, a press of "Try again") is up to
//! [`RetryPolicy::max_attempts`] *attempts* within a total [`RetryPolicy::budget_ms`]:
//!
//! * an attempt may take [`RetryPolicy::attempt_timeout_ms`] from request to the last body
//!   byte, and no more than the budget has left;
//! * network errors, timeouts, bodies that break off, 5xx, 408 and 429 are retried; other
//!   4xx, unreadable bodies and bodies over the cap are not (trying again would get the same
//!   answer); neither is a failure while the browser says it is offline (the shell retries
//!   when the `online` event comes);
//! * retry *n* waits a random time in `[0, min(max_delay, base_delay × 2ⁿ⁻¹))` ("full
//!   jitter": many widgets failing together do not come back together), or longer if the
//!   server's `Retry-After` asks for longer;
//! * a wait that would end past the budget (a `Retry-After: 3600`, say) ends the fetch at
//!   once with the server's status, and [`Next::GiveUp::wait_ms`] tells the refresh
//!   scheduler to leave the server alone at least that long.
//!
//! The body is capped at [`RetryPolicy::max_body_bytes`]: a `Content-Length` over it is
//! refused before any byte is read, and a body without one is counted while it streams and
//! cancelled as soon as it passes the cap, so a 50 MB answer never sits in memory.

use super::failure::Failure;

/// The numbers of the policy. [`POLICY`] is what the widget uses.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RetryPolicy {
    /// Longest one attempt may take, headers and body (ms).
    pub attempt_timeout_ms: u32,
    /// Longest a whole fetch may take, all attempts and waits (ms).
    pub budget_ms: u32,
    /// Attempts per fetch, the first included.
    pub max_attempts: u32,
    /// Upper bound of the first retry's random wait (ms); doubles for each further retry.
    pub base_delay_ms: u32,
    /// No random wait's upper bound exceeds this (ms).
    pub max_delay_ms: u32,
    /// An attempt is not started with less than this left of the budget (ms).
    pub min_attempt_ms: u32,
    /// Largest feed body read (bytes).
    pub max_body_bytes: u64,
}

/// 10 s per attempt, 4 attempts within 30 s, waits up to 0.5 / 1 / 2 s (cap 8 s), 5 MiB.
///
/// 5 MiB is about twice the largest feed the widget is benchmarked with (5,000 items,
/// 2.7 MB) and a tenth of the 50 MB answer the fault tests send.
pub const POLICY: RetryPolicy = RetryPolicy {
    attempt_timeout_ms: 10_000,
    budget_ms: 30_000,
    max_attempts: 4,
    base_delay_ms: 500,
    max_delay_ms: 8_000,
    min_attempt_ms: 1_000,
    max_body_bytes: 5 * 1024 * 1024,
};

/// What an HTTP status means for the request.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StatusClass {
    /// 2xx: read the body.
    Success,
    /// 304: the content the request was conditional on is still current.
    NotModified,
    /// 5xx, 408, 429: try again.
    Retry,
    /// Any other status: stop with an error.
    Final,
}

/// Classifies an HTTP status.
pub fn classify_status(status: u16) -> StatusClass {
    match status {
        200..=299 => StatusClass::Success,
        304 => StatusClass::NotModified,
        408 | 429 | 500..=599 => StatusClass::Retry,
        _ => StatusClass::Final,
    }
}

/// How one attempt failed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AttemptError {
    /// An error status, with the server's `Retry-After` already read as a wait in ms.
    Status {
        status: u16,
        retry_after_ms: Option<u64>,
    },
    /// No answer: refused, DNS, TLS, CORS.
    Network,
    /// The browser is offline (`navigator.onLine` is false).
    Offline,
    /// The attempt ran out of time.
    TimedOut,
    /// The body broke off.
    Interrupted,
    /// The body is over the cap.
    TooLarge,
}

/// What to do after a failed attempt.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Next {
    /// Start the next attempt after this many ms.
    RetryIn(u32),
    /// The fetch failed. `wait_ms`: the server asked for a pause (`Retry-After`) that the
    /// next scheduled request must respect.
    GiveUp {
        failure: Failure,
        wait_ms: Option<u64>,
    },
}

impl RetryPolicy {
    /// Whether this kind of failure is worth another attempt.
    pub fn is_retryable(&self, error: &AttemptError) -> bool {
        match error {
            AttemptError::Status { status, .. } => classify_status(*status) == StatusClass::Retry,
            AttemptError::Network | AttemptError::TimedOut | AttemptError::Interrupted => true,
            AttemptError::Offline | AttemptError::TooLarge => false,
        }
    }

    /// Upper bound of the random wait before retry `retry` (1 for the first retry).
    pub fn backoff_ceiling_ms(&self, retry: u32) -> u32 {
        let doublings = retry.saturating_sub(1).min(31);
        self.base_delay_ms
            .saturating_mul(1u32 << doublings)
            .min(self.max_delay_ms)
    }

    /// The wait before retry `retry` for a `random` number in `[0, 1)` (full jitter).
    /// Out-of-range or NaN randoms are clamped, so the wait is always within the ceiling.
    pub fn backoff_ms(&self, retry: u32, random: f64) -> u32 {
        let random = if random.is_nan() {
            0.0
        } else {
            random.clamp(0.0, 1.0)
        };
        let ceiling = self.backoff_ceiling_ms(retry);
        // `as` saturates; the `min` keeps random = 1.0 inside the half-open range.
        ((f64::from(ceiling) * random) as u32).min(ceiling.saturating_sub(1))
    }

    /// How long the attempt starting `elapsed_ms` into the fetch may take.
    pub fn attempt_timeout(&self, elapsed_ms: u64) -> u32 {
        let left = u64::from(self.budget_ms).saturating_sub(elapsed_ms);
        u32::try_from(left)
            .unwrap_or(u32::MAX)
            .min(self.attempt_timeout_ms)
    }

    /// After attempt number `attempt` (1-based) failed with `error`, `elapsed_ms` into the
    /// fetch: wait and retry, or give up. `random` in `[0, 1)` picks the jittered wait.
    pub fn after_error(
        &self,
        attempt: u32,
        elapsed_ms: u64,
        error: &AttemptError,
        random: f64,
    ) -> Next {
        let retry_after_ms = match error {
            AttemptError::Status { retry_after_ms, .. } => *retry_after_ms,
            _ => None,
        };
        let give_up = |wait_ms| Next::GiveUp {
            failure: self.failure(error, attempt, elapsed_ms),
            wait_ms,
        };
        if !self.is_retryable(error) || attempt >= self.max_attempts {
            return give_up(retry_after_ms);
        }
        let jittered = u64::from(self.backoff_ms(attempt, random));
        let wait = retry_after_ms.map_or(jittered, |asked| asked.max(jittered));
        let next_start = elapsed_ms.saturating_add(wait);
        if next_start.saturating_add(u64::from(self.min_attempt_ms)) > u64::from(self.budget_ms) {
            return give_up(retry_after_ms);
        }
        // Fits in u32: it is below the budget.
        Next::RetryIn(u32::try_from(wait).unwrap_or(u32::MAX))
    }

    /// What the reader is told when the fetch ends on `error`.
    pub fn failure(&self, error: &AttemptError, attempts: u32, elapsed_ms: u64) -> Failure {
        match error {
            AttemptError::Status { status, .. } => Failure::Http { status: *status },
            AttemptError::Network => Failure::Network,
            AttemptError::Offline => Failure::Offline,
            AttemptError::TimedOut => Failure::TimedOut {
                attempts,
                elapsed_ms,
            },
            AttemptError::Interrupted => Failure::Interrupted,
            AttemptError::TooLarge => Failure::TooLarge {
                limit_bytes: self.max_body_bytes,
            },
        }
    }

    /// Whether a response whose `Content-Length` header is `value` may be read: `false` only
    /// for a well-formed length over the cap (a missing or malformed one is counted while
    /// streaming instead).
    pub fn content_length_allowed(&self, value: Option<&str>) -> bool {
        let length = value
            .map(str::trim)
            .filter(|v| !v.is_empty() && v.bytes().all(|b| b.is_ascii_digit()))
            .map(|v| v.parse::<u64>().unwrap_or(u64::MAX));
        length.is_none_or(|n| n <= self.max_body_bytes)
    }

    /// Whether `received` bytes of body are still within the cap.
    pub fn body_within_cap(&self, received: u64) -> bool {
        received <= self.max_body_bytes
    }

    /// Start times (ms into the fetch) of every attempt when each one fails at once with
    /// `error`, using `randoms` in turn for the jitter: the schedule the tests and the
    /// README describe.
    pub fn schedule(&self, error: &AttemptError, randoms: &[f64]) -> Vec<u64> {
        let mut starts = vec![0];
        let mut elapsed = 0u64;
        for attempt in 1.. {
            let random = randoms.get(attempt as usize - 1).copied().unwrap_or(0.5);
            match self.after_error(attempt, elapsed, error, random) {
                Next::RetryIn(wait) => {
                    elapsed += u64::from(wait);
                    starts.push(elapsed);
                }
                Next::GiveUp { .. } => break,
            }
        }
        starts
    }
}
