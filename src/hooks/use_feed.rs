//! Fetches and reads the feed. Keeps the last good page when a later load fails, and
//! abandons a request whose component has gone.

use std::cell::Cell;
use std::rc::Rc;

use gloo_timers::callback::Timeout;
use web_sys::AbortController;
use yew::prelude::*;

use crate::fetch::fetch_feed;
use crate::view_model::Page;

/// How long a feed request may take before the widget gives up and offers a retry.
const REQUEST_TIMEOUT_MS: u32 = 15_000;

#[derive(Clone, PartialEq)]
pub enum FeedState {
    Loading,
    Ready(Rc<Page>),
    /// `last_good` is what was shown before the failure, kept on screen.
    Failed {
        message: AttrValue,
        last_good: Option<Rc<Page>>,
    },
}

pub struct FeedHandle {
    pub state: FeedState,
    pub retry: Callback<()>,
}

impl FeedHandle {
    /// The page to show: the current one, or the last good one after a failed refresh.
    pub fn page(&self) -> Option<&Page> {
        match &self.state {
            FeedState::Ready(page) => Some(page),
            FeedState::Failed { last_good, .. } => last_good.as_deref(),
            FeedState::Loading => None,
        }
    }
}

#[hook]
pub fn use_feed(url: String, article: Option<String>, max_headlines: Option<usize>) -> FeedHandle {
    let state = use_state_eq(|| FeedState::Loading);
    let attempt = use_state_eq(|| 0u32);
    {
        let state = state.clone();
        use_effect_with(
            (url, article, max_headlines, *attempt),
            move |(url, article, max_headlines, _)| {
                let (url, article, max_headlines) = (url.clone(), article.clone(), *max_headlines);
                let alive = Rc::new(Cell::new(true));
                let still_mounted = Rc::clone(&alive);
                // Removing the widget (or a new URL) cancels the request; so does a feed that
                // takes longer than REQUEST_TIMEOUT_MS.
                let controller = AbortController::new().ok();
                let signal = controller.as_ref().map(AbortController::signal);
                let timed_out = Rc::new(Cell::new(false));
                let timeout = controller.clone().map(|controller| {
                    let timed_out = Rc::clone(&timed_out);
                    Timeout::new(REQUEST_TIMEOUT_MS, move || {
                        timed_out.set(true);
                        controller.abort();
                    })
                });
                wasm_bindgen_futures::spawn_local(async move {
                    let result = match &signal {
                        Some(signal) => {
                            fetch_feed(&url, signal, article.as_deref(), max_headlines).await
                        }
                        None => Err("news-widget: AbortController unavailable".to_owned()),
                    };
                    if !still_mounted.get() {
                        return;
                    }
                    let result = result.map_err(|message| {
                        if timed_out.get() {
                            format!(
                                "feed request timed out after {} s ({url})",
                                REQUEST_TIMEOUT_MS / 1000
                            )
                        } else {
                            message
                        }
                    });
                    match result {
                        Ok(page) => state.set(FeedState::Ready(Rc::new(page))),
                        Err(message) => {
                            web_sys::console::error_1(&format!("news-widget: {message}").into());
                            let last_good = match &*state {
                                FeedState::Ready(page) => Some(Rc::clone(page)),
                                FeedState::Failed { last_good, .. } => last_good.clone(),
                                FeedState::Loading => None,
                            };
                            state.set(FeedState::Failed {
                                message: message.into(),
                                last_good,
                            });
                        }
                    }
                });
                move || {
                    alive.set(false);
                    drop(timeout);
                    if let Some(controller) = controller {
                        controller.abort();
                    }
                }
            },
        );
    }
    let retry = {
        let (attempt, state) = (attempt.clone(), state.clone());
        Callback::from(move |()| {
            // With nothing on screen, show the skeleton so the reader sees the retry happen.
            if let FeedState::Failed {
                last_good: None, ..
            } = &*state
            {
                state.set(FeedState::Loading);
            }
            attempt.set(*attempt + 1);
        })
    };
    FeedHandle {
        state: (*state).clone(),
        retry,
    }
}
