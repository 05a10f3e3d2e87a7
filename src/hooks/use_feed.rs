//! The feed, kept current: the stored last good feed at once, the network behind it, a
//! refresh every `refresh` seconds while the widget is seen, and content that stays on
//! screen when a request fails.
//!
//! The decisions are the pure core's (`network::*`); this hook only wires them to the
//! browser. One reducer holds the state; effects own the one request in flight, the one
//! refresh timer and the `online` listener, and drop them on unmount or when the feed URL
//! changes. Results carry the *generation* of the URL they were asked for, and the reducer
//! drops any from an older generation, so a late answer for an old URL never shows.

use std::cell::RefCell;
use std::rc::Rc;

use futures::future::{AbortHandle, Abortable};
use gloo_events::EventListener;
use gloo_timers::callback::Timeout;
use yew::prelude::*;

use crate::feed::{read_page, FeedError, ReadOptions};
use crate::fetch::{
    absolute_url, fetch_feed, now_ms, same_origin, EarlyResponse, EarlySlot, FeedRequest,
    FetchError, Fetched, InFlight,
};
use crate::hooks::use_on_screen::use_on_screen;
use crate::hooks::use_page_visibility::use_page_hidden;
use crate::network::failure::{looks_like_html, Failure};
use crate::network::feed_state::{FeedEvent, FeedState, Notice};
use crate::network::refresh::{
    fingerprint, next_refresh, revalidation, RefreshDecision, RefreshInputs, Validators,
};
use crate::network::stored::{renew_after_not_modified, StoredFeed};
use crate::storage::FeedStore;
use crate::view_model::Page;

/// Content on screen: the page, the bytes it was read from (to re-read it when `article` or
/// `max-headlines` change, and to store it), and their fingerprint.
#[derive(Clone, Debug)]
pub struct Shown {
    pub page: Rc<Page>,
    body: Rc<[u8]>,
    fingerprint: u64,
}

impl PartialEq for Shown {
    fn eq(&self, other: &Self) -> bool {
        self.fingerprint == other.fingerprint && Rc::ptr_eq(&self.page, &other.page)
    }
}

/// What the hook is configured with.
#[derive(Clone, Debug, PartialEq)]
pub struct FeedOptions {
    pub url: String,
    pub article: Option<String>,
    pub max_headlines: Option<usize>,
    /// The layout shows no article: the default section keeps every item.
    pub every_item: bool,
    /// Seconds between refreshes; 0 is off.
    pub refresh_s: u32,
    /// Keep the last good feed in `localStorage`.
    pub storage: bool,
    /// The loader's early request for the feed, if it made one: the first fetch uses it.
    pub early: EarlySlot,
}

/// The hook's state (a reducer, so effects and async tasks never read stale copies).
#[derive(Clone, Debug, PartialEq)]
struct Model {
    generation: u32,
    feed: FeedState<Shown>,
    /// The last notice for the host and a counter, so the same notice twice is told twice.
    notice: Option<(u32, Notice)>,
    validators: Validators,
    /// When the stored entry was last written or confirmed (to renew it after 304s).
    saved_at_ms: Option<u64>,
    last_fetch_end_ms: Option<u64>,
    not_before_ms: Option<u64>,
    fetching: bool,
    /// Bumped to start a fetch; the fetch effect depends on it.
    fetch_seq: u32,
}

impl Default for Model {
    fn default() -> Self {
        Model {
            generation: 0,
            feed: FeedState::Loading,
            notice: None,
            validators: Validators::default(),
            saved_at_ms: None,
            last_fetch_end_ms: None,
            not_before_ms: None,
            fetching: false,
            fetch_seq: 0,
        }
    }
}

/// How a fetch ended, as the reducer needs it.
enum Outcome {
    /// 304, or the same bytes as on screen (with that response's validators, which may be
    /// new: a server can change its ETag without changing the feed).
    Unchanged(Option<Validators>),
    /// New content, read.
    New(Shown, Validators),
    Failed {
        failure: Failure,
        wait_ms: Option<u64>,
    },
}

enum Action {
    /// A new feed URL (or storage switch): start over.
    Reset(u32),
    Stored(u32, Shown, Validators, u64),
    /// Fetch now, unless a fetch is running.
    Fetch,
    Done(u32, Outcome),
    /// The reader pressed "Try again".
    Retry,
    /// The browser is back online: fetch if the last one failed.
    Online,
    /// `article` / `max-headlines` / the layout changed: read the body on screen (from this
    /// URL) again.
    Reread(String, ReadWith),
}

impl Model {
    fn event(&mut self, event: FeedEvent<Shown>) {
        let (feed, notice) = std::mem::replace(&mut self.feed, FeedState::Loading).apply(event);
        self.feed = feed;
        if let Some(notice) = notice {
            let seq = self.notice.as_ref().map_or(1, |(seq, _)| seq + 1);
            self.notice = Some((seq, notice));
        }
    }

    fn start_fetch(&mut self) {
        if !self.fetching {
            self.fetching = true;
            self.fetch_seq = self.fetch_seq.wrapping_add(1);
        }
    }
}

impl Reducible for Model {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            Action::Reset(generation) => {
                next = Model {
                    generation,
                    notice: next.notice,
                    fetch_seq: next.fetch_seq,
                    ..Model::default()
                };
            }
            Action::Stored(generation, shown, validators, saved_at) => {
                if generation != next.generation || next.feed.content().is_some() {
                    return self;
                }
                next.validators = validators;
                next.saved_at_ms = Some(saved_at);
                next.event(FeedEvent::Stored(shown));
            }
            Action::Fetch => next.start_fetch(),
            Action::Done(generation, outcome) => {
                if generation != next.generation {
                    return self;
                }
                next.fetching = false;
                next.last_fetch_end_ms = Some(now_ms());
                next.not_before_ms = None;
                match outcome {
                    Outcome::Unchanged(validators) => {
                        if let Some(validators) = validators {
                            next.validators = validators;
                        }
                        next.event(FeedEvent::Unchanged)
                    }
                    Outcome::New(shown, validators) => {
                        next.validators = validators;
                        next.saved_at_ms = Some(now_ms());
                        next.event(FeedEvent::Fresh(shown));
                    }
                    Outcome::Failed { failure, wait_ms } => {
                        next.not_before_ms = wait_ms.map(|w| now_ms().saturating_add(w));
                        next.event(FeedEvent::Failed(failure));
                    }
                }
            }
            Action::Retry => {
                next.event(FeedEvent::Retry);
                next.start_fetch();
            }
            Action::Online => {
                let failed =
                    matches!(next.feed, FeedState::Failed(_)) || next.feed.stale().is_some();
                if !failed {
                    return self;
                }
                next.start_fetch();
            }
            Action::Reread(url, with) => {
                let FeedState::Showing { content, .. } = &mut next.feed else {
                    return self;
                };
                let options = with.options(&url);
                let Ok(page) = read_page(&content.body, &options) else {
                    return self;
                };
                content.page = Rc::new(page);
            }
        }
        Rc::new(next)
    }
}

/// What the widget shows and tells, for the App component.
pub struct FeedHandle {
    pub state: FeedState<Shown>,
    /// The latest notice for the host, numbered.
    pub notice: Option<(u32, Notice)>,
    /// The feed URL, absolute (for messages).
    pub url: String,
    pub retry: Callback<()>,
}

impl FeedHandle {
    /// The page on screen, fresh or kept.
    pub fn page(&self) -> Option<&Page> {
        self.state.content().map(|shown| &*shown.page)
    }
}

/// The failure a body that is not a usable feed gives.
fn unreadable(body: &[u8], error: FeedError) -> Failure {
    match error {
        FeedError::NotJson { .. } | FeedError::HtmlPage { .. } if looks_like_html(body) => {
            Failure::NotJson {
                html: true,
                reason: error.to_string(),
            }
        }
        FeedError::TooLarge { limit_bytes, .. } => Failure::TooLarge { limit_bytes },
        other => Failure::Unreadable(other),
    }
}

/// The options a feed is read with, besides where it came from.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ReadWith {
    pub article: Option<String>,
    pub max_headlines: Option<usize>,
    pub every_item: bool,
}

impl ReadWith {
    fn options<'a>(&'a self, url: &'a str) -> ReadOptions<'a> {
        ReadOptions {
            base_url: Some(url),
            article_id: self.article.as_deref(),
            max_headlines: self.max_headlines,
            every_item: self.every_item,
        }
    }
}

/// Reads `body` fetched from `url` into what the widget shows.
fn read(body: Rc<[u8]>, url: &str, with: &ReadWith) -> Result<Shown, Failure> {
    let options = with.options(url);
    match read_page(&body, &options) {
        Ok(page) => Ok(Shown {
            page: Rc::new(page),
            fingerprint: fingerprint(&body),
            body,
        }),
        Err(error) => Err(unreadable(&body, error)),
    }
}

fn read_with_of(options: &FeedOptions) -> ReadWith {
    ReadWith {
        article: options.article.clone(),
        max_headlines: options.max_headlines,
        every_item: options.every_item,
    }
}

/// The feed at `options.url`, kept current. `root` is the widget's root element: refreshes
/// wait while it is off screen.
#[hook]
pub fn use_feed(options: FeedOptions, root: NodeRef) -> FeedHandle {
    let url = use_memo(options.url.clone(), |url| absolute_url(url));
    // The stored feed is read for the first render itself: read in the URL effect below, it
    // came a frame late, since Yew's scheduler may yield to the browser (which paints the
    // skeleton) between a render and its effects. Set when it was; the effect then only
    // fetches.
    let preloaded = use_mut_ref(|| false);
    let model = {
        let (url, preloaded) = ((*url).clone(), Rc::clone(&preloaded));
        let with = read_with_of(&options);
        // Storage exists only in the browser; `newsctl render` runs this hook on the host.
        let storage = options.storage && cfg!(target_arch = "wasm32");
        use_reducer_eq(move || {
            let mut model = Model::default();
            if let Some((shown, validators, saved_at)) =
                storage.then(|| load_stored(&url, &with)).flatten()
            {
                // The generation the URL effect's first run gives.
                model.generation = 1;
                model.validators = validators;
                model.saved_at_ms = Some(saved_at);
                model.event(FeedEvent::Stored(shown));
                *preloaded.borrow_mut() = true;
            }
            model
        })
    };
    let hidden = use_page_hidden();
    let on_screen = use_on_screen(root);
    // Read by tasks when their answer arrives, so it is always the current choice.
    let read_with = use_mut_ref(ReadWith::default);
    *read_with.borrow_mut() = read_with_of(&options);
    let generation = use_mut_ref(|| 0u32);

    // `article` / `max-headlines` changed: re-read what is on screen, no request needed.
    // Not on the first run: what the first render shows was read with these options already
    // (a stored feed), or there is nothing yet.
    {
        let dispatcher = model.dispatcher();
        let url = (*url).clone();
        let first_run = use_mut_ref(|| true);
        use_effect_with(read_with_of(&options), move |with| {
            if !std::mem::take(&mut *first_run.borrow_mut()) {
                dispatcher.dispatch(Action::Reread(url, with.clone()));
            }
        });
    }

    // A new URL or storage switch: start over, show the stored feed if any, then fetch.
    {
        let dispatcher = model.dispatcher();
        let (generation, read_with) = (Rc::clone(&generation), Rc::clone(&read_with));
        use_effect_with(((*url).clone(), options.storage), move |(url, storage)| {
            let current = {
                let mut g = generation.borrow_mut();
                *g = g.wrapping_add(1);
                *g
            };
            if std::mem::take(&mut *preloaded.borrow_mut()) {
                // The first render shows the stored feed already (generation 1).
                dispatcher.dispatch(Action::Fetch);
                return;
            }
            dispatcher.dispatch(Action::Reset(current));
            if *storage {
                let with = read_with.borrow().clone();
                if let Some((shown, validators, saved_at)) = load_stored(url, &with) {
                    dispatcher.dispatch(Action::Stored(current, shown, validators, saved_at));
                }
            } else {
                FeedStore::new(url).remove_entry();
            }
            dispatcher.dispatch(Action::Fetch);
        });
    }

    // The one fetch in flight: started when `fetch_seq` moves, cancelled (request and
    // timers) when it moves again or the widget goes.
    {
        let dispatcher = model.dispatcher();
        let snapshot = (*model).clone();
        let (url, storage) = ((*url).clone(), options.storage);
        let read_with = Rc::clone(&read_with);
        let early = options.early.clone();
        use_effect_with(snapshot.fetch_seq, move |_| {
            let in_flight = InFlight::default();
            let (abort, registration) = AbortHandle::new_pair();
            if snapshot.fetching {
                // Only the first fetch finds one; any later fetch sends its own request.
                let early = early.take_for(&url);
                let task = run_fetch(
                    snapshot,
                    url,
                    storage,
                    read_with,
                    in_flight.clone(),
                    dispatcher,
                    early,
                );
                wasm_bindgen_futures::spawn_local(async move {
                    let _ = Abortable::new(task, registration).await;
                });
            }
            move || {
                abort.abort();
                in_flight.abort();
            }
        });
    }

    // The refresh timer: one at most, re-planned whenever an input changes.
    {
        let dispatcher = model.dispatcher();
        let inputs = RefreshInputs {
            interval_ms: u64::from(options.refresh_s) * 1000,
            now_ms: 0, // filled in when the effect runs
            last_fetch_end_ms: model.last_fetch_end_ms,
            not_before_ms: model.not_before_ms,
            page_visible: !hidden,
            on_screen,
            fetching: model.fetching,
        };
        use_effect_with(inputs, move |inputs| {
            let inputs = RefreshInputs {
                now_ms: now_ms(),
                ..*inputs
            };
            let timer = match next_refresh(&inputs) {
                RefreshDecision::FetchNow => {
                    dispatcher.dispatch(Action::Fetch);
                    None
                }
                RefreshDecision::WaitMs(wait) => {
                    // setTimeout fires at once for delays over 2³¹ − 1 ms.
                    let wait = u32::try_from(wait.min(i32::MAX as u64)).unwrap_or(u32::MAX);
                    Some(Timeout::new(wait, move || {
                        dispatcher.dispatch(Action::Fetch)
                    }))
                }
                RefreshDecision::Off | RefreshDecision::Idle => None,
            };
            move || drop(timer)
        });
    }

    // Back online after a failure: try again at once.
    {
        let dispatcher = model.dispatcher();
        use_effect_with((), move |_| {
            let listener = web_sys::window().map(|window| {
                EventListener::new(&window, "online", move |_| {
                    dispatcher.dispatch(Action::Online)
                })
            });
            move || drop(listener)
        });
    }

    let retry = {
        let dispatcher = model.dispatcher();
        Callback::from(move |()| dispatcher.dispatch(Action::Retry))
    };
    FeedHandle {
        state: model.feed.clone(),
        notice: model.notice.clone(),
        url: (*url).clone(),
        retry,
    }
}

/// One fetch for the model as it was when it started, reported back as [`Action::Done`].
async fn run_fetch(
    model: Model,
    url: String,
    storage: bool,
    read_with: Rc<RefCell<ReadWith>>,
    in_flight: InFlight,
    dispatcher: UseReducerDispatcher<Model>,
    mut early: Option<EarlyResponse>,
) {
    let shown = model.feed.content().cloned();
    let mut how = revalidation(shown.is_some(), &model.validators, same_origin(&url));
    let outcome = loop {
        let request = FeedRequest {
            url: &url,
            revalidation: how,
            validators: &model.validators,
        };
        match fetch_feed(&request, &in_flight, early.take()).await {
            Ok(Fetched::NotModified) => match &shown {
                Some(shown) => {
                    let saved = model.saved_at_ms.unwrap_or(0);
                    if storage && renew_after_not_modified(saved, now_ms()) {
                        store(&url, shown, &model.validators);
                    }
                    break Outcome::Unchanged(None);
                }
                // A cache answered 304 to a request that validated nothing: ask plainly.
                None if how != crate::network::refresh::Revalidation::Plain => {
                    how = crate::network::refresh::Revalidation::Plain;
                }
                None => {
                    break Outcome::Failed {
                        failure: Failure::Http { status: 304 },
                        wait_ms: None,
                    }
                }
            },
            Ok(Fetched::Body { bytes, validators }) => {
                if let Some(same) = shown
                    .as_ref()
                    .filter(|s| s.fingerprint == fingerprint(&bytes))
                {
                    if storage && validators != model.validators {
                        store(&url, same, &validators);
                    }
                    break Outcome::Unchanged(Some(validators));
                }
                let with = read_with.borrow().clone();
                break match read(bytes.into(), &url, &with) {
                    Ok(new) => {
                        if storage {
                            store(&url, &new, &validators);
                        }
                        Outcome::New(new, validators)
                    }
                    Err(failure) => Outcome::Failed {
                        failure,
                        wait_ms: None,
                    },
                };
            }
            Err(FetchError::Failed { failure, wait_ms }) => {
                break Outcome::Failed { failure, wait_ms }
            }
            Err(FetchError::Cancelled) => return,
        }
    };
    if matches!(outcome, Outcome::New(..)) {
        // Reading a feed and rendering it are the two largest pieces of main-thread work a
        // widget does (each also compiles its wasm functions on first use); apart, each is
        // a task of its own and the page can answer input and paint in between. Dropped with
        // this future on unmount, which clears the timer. (A hidden tab runs timers late;
        // nobody sees that render.)
        gloo_timers::future::TimeoutFuture::new(0).await;
    }
    if let Outcome::Failed { failure, .. } = &outcome {
        web_sys::console::warn_1(
            &[
                "news-widget: ",
                &failure.message(crate::i18n::Lang::En, &url),
            ]
            .concat()
            .into(),
        );
    }
    dispatcher.dispatch(Action::Done(model.generation, outcome));
}

/// The stored feed of `url`, read; an entry the reader refuses is removed.
fn load_stored(url: &str, with: &ReadWith) -> Option<(Shown, Validators, u64)> {
    let store = FeedStore::new(url);
    let stored = store.load(now_ms())?;
    let body: Rc<[u8]> = stored.body.into_bytes().into();
    match read(body, url, with) {
        Ok(shown) => Some((shown, stored.validators, stored.saved_at_ms)),
        Err(_) => {
            store.remove_entry();
            None
        }
    }
}

/// Keeps `shown` as the last good feed of `url`.
fn store(url: &str, shown: &Shown, validators: &Validators) {
    // Feeds are UTF-8 JSON; anything else was refused by the reader already.
    if let Ok(body) = std::str::from_utf8(&shown.body) {
        FeedStore::new(url).save(&StoredFeed {
            saved_at_ms: now_ms(),
            validators: validators.clone(),
            body: body.to_owned(),
        });
    }
}
