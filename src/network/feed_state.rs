//! What the widget shows as fetches succeed and fail, and what it tells the host page.
//!
//! The rule of the states: **once content is on screen it stays**. A failed refresh (or a
//! failed revalidation of a stored feed) keeps it, marked "possibly out of date", and the
//! element's `state` stays `ready`; only a widget with nothing to show goes to `error`.
//!
//! [`FeedState::apply`] returns the next state and the [`Notice`] for the host (the
//! `news-widget:ready`, `:update` and `:error` events), if any. `T` is the content (the
//! shell uses the page with its body's fingerprint); it is generic so the rules are tested
//! on the host with plain values.

use super::failure::Failure;

/// Where the content on screen came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Origin {
    /// The stored last good feed, not yet confirmed by the network.
    Stored,
    /// The network, in this page's lifetime.
    Network,
}

#[derive(Clone, Debug, PartialEq)]
pub enum FeedState<T> {
    /// Nothing to show yet (the skeleton).
    Loading,
    /// Content on screen. `stale` is the last failure since it was confirmed, if any: the
    /// content may be out of date.
    Showing {
        content: T,
        origin: Origin,
        stale: Option<Failure>,
    },
    /// Nothing to show, and the last fetch failed (the error state with its retry button).
    Failed(Failure),
}

/// Something that happened to the feed.
#[derive(Clone, Debug, PartialEq)]
pub enum FeedEvent<T> {
    /// The stored last good feed was read at start.
    Stored(T),
    /// The network delivered new content.
    Fresh(T),
    /// The network confirmed the content on screen (304, or identical bytes).
    Unchanged,
    /// A fetch failed.
    Failed(Failure),
    /// The reader pressed "Try again" in the error state.
    Retry,
}

/// What the host page is told (see `embed.rs` for the events).
#[derive(Clone, Debug, PartialEq)]
pub enum Notice {
    /// Content is on screen for the first time.
    Ready,
    /// Newer content replaced what was on screen.
    Updated,
    /// A fetch failed; `stale` when content stayed on screen.
    Error { failure: Failure, stale: bool },
}

impl<T: PartialEq> FeedState<T> {
    /// The state after `event`, and what to tell the host.
    pub fn apply(self, event: FeedEvent<T>) -> (FeedState<T>, Option<Notice>) {
        use FeedState::*;
        match (self, event) {
            // A stored feed only matters before anything else arrived.
            (Loading, FeedEvent::Stored(content)) => (
                Showing {
                    content,
                    origin: Origin::Stored,
                    stale: None,
                },
                Some(Notice::Ready),
            ),
            (state, FeedEvent::Stored(_)) => (state, None),
            (Showing { content: old, .. }, FeedEvent::Fresh(content)) => {
                let notice = (old != content).then_some(Notice::Updated);
                (
                    Showing {
                        content,
                        origin: Origin::Network,
                        stale: None,
                    },
                    notice,
                )
            }
            (Loading | Failed(_), FeedEvent::Fresh(content)) => (
                Showing {
                    content,
                    origin: Origin::Network,
                    stale: None,
                },
                Some(Notice::Ready),
            ),
            (Showing { content, .. }, FeedEvent::Unchanged) => (
                Showing {
                    content,
                    origin: Origin::Network,
                    stale: None,
                },
                None,
            ),
            // Nothing on screen to confirm: the shell asks again without validators.
            (state, FeedEvent::Unchanged) => (state, None),
            (
                Showing {
                    content, origin, ..
                },
                FeedEvent::Failed(failure),
            ) => (
                Showing {
                    content,
                    origin,
                    stale: Some(failure.clone()),
                },
                Some(Notice::Error {
                    failure,
                    stale: true,
                }),
            ),
            (Loading | Failed(_), FeedEvent::Failed(failure)) => (
                Failed(failure.clone()),
                Some(Notice::Error {
                    failure,
                    stale: false,
                }),
            ),
            (Failed(_), FeedEvent::Retry) => (Loading, None),
            (state, FeedEvent::Retry) => (state, None),
        }
    }

    /// The content on screen, if any.
    pub fn content(&self) -> Option<&T> {
        match self {
            FeedState::Showing { content, .. } => Some(content),
            _ => None,
        }
    }

    /// The failure that makes the content on screen possibly out of date.
    pub fn stale(&self) -> Option<&Failure> {
        match self {
            FeedState::Showing { stale, .. } => stale.as_ref(),
            _ => None,
        }
    }
}
