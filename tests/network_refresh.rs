#![cfg(not(target_arch = "wasm32"))]
//! Refresh decisions (when, how, and whether an answer changes the screen), the feed state
//! machine (what shows, what the host is told), and rotation across an in-place update.

use news_widget::network::failure::Failure;
use news_widget::network::feed_state::{FeedEvent, FeedState, Notice, Origin};
use news_widget::network::refresh::{
    fingerprint, next_refresh, revalidation, update_decision, Answer, RefreshDecision,
    RefreshInputs, Revalidation, UpdateDecision, Validators,
};
use news_widget::rotation::{section_keys, slide_after_update, Rotation, RotationEvent};

const MINUTE: u64 = 60_000;

/// A widget that finished a fetch at t = 0, visible, on screen, idle, refreshing every 5 min.
fn settled() -> RefreshInputs {
    RefreshInputs {
        interval_ms: 5 * MINUTE,
        now_ms: 0,
        last_fetch_end_ms: Some(0),
        not_before_ms: None,
        page_visible: true,
        on_screen: true,
        fetching: false,
    }
}

#[test]
fn refresh_decisions() {
    use RefreshDecision::*;
    let s = settled;
    #[rustfmt::skip]
    let table: [(&str, RefreshInputs, RefreshDecision); 13] = [
        ("just fetched: wait the interval", s(), WaitMs(5 * MINUTE)),
        ("half way", RefreshInputs { now_ms: 150_000, ..s() }, WaitMs(150_000)),
        ("due", RefreshInputs { now_ms: 5 * MINUTE, ..s() }, FetchNow),
        ("overdue", RefreshInputs { now_ms: 60 * MINUTE, ..s() }, FetchNow),
        ("off", RefreshInputs { interval_ms: 0, now_ms: 60 * MINUTE, ..s() }, Off),
        ("no fetch finished yet", RefreshInputs { last_fetch_end_ms: None, now_ms: 60 * MINUTE, ..s() }, Idle),
        ("fetching", RefreshInputs { fetching: true, now_ms: 60 * MINUTE, ..s() }, Idle),
        ("hidden page, due: no request", RefreshInputs { page_visible: false, now_ms: 60 * MINUTE, ..s() }, Idle),
        ("hidden page, not due: no timer", RefreshInputs { page_visible: false, now_ms: MINUTE, ..s() }, Idle),
        ("off screen, due: no request", RefreshInputs { on_screen: false, now_ms: 60 * MINUTE, ..s() }, Idle),
        ("Retry-After later than the interval", RefreshInputs { not_before_ms: Some(20 * MINUTE), now_ms: 5 * MINUTE, ..s() }, WaitMs(15 * MINUTE)),
        ("Retry-After earlier than the interval", RefreshInputs { not_before_ms: Some(MINUTE), ..s() }, WaitMs(5 * MINUTE)),
        ("Retry-After passed", RefreshInputs { not_before_ms: Some(20 * MINUTE), now_ms: 21 * MINUTE, ..s() }, FetchNow),
    ];
    for (name, inputs, decision) in table {
        assert_eq!(next_refresh(&inputs), decision, "{name}");
    }
}

/// The shell's loop, simulated: it asks [`next_refresh`] whenever an input changes or its
/// timer fires, and fetches on `FetchNow` (each fetch taking `fetch_ms`).
struct Simulation {
    inputs: RefreshInputs,
    fetches: Vec<u64>,
}

impl Simulation {
    fn new() -> Self {
        Simulation {
            inputs: settled(),
            fetches: Vec::new(),
        }
    }

    /// Runs until `until`, following timers and fetching when told.
    fn run_until(&mut self, until: u64) {
        loop {
            match next_refresh(&self.inputs) {
                RefreshDecision::FetchNow => {
                    self.fetches.push(self.inputs.now_ms);
                    self.inputs.now_ms += 100;
                    self.inputs.last_fetch_end_ms = Some(self.inputs.now_ms);
                }
                RefreshDecision::WaitMs(wait) if self.inputs.now_ms + wait <= until => {
                    self.inputs.now_ms += wait;
                }
                _ => {
                    self.inputs.now_ms = until;
                    return;
                }
            }
        }
    }
}

#[test]
fn a_visible_widget_refreshes_every_interval() {
    let mut sim = Simulation::new();
    sim.run_until(16 * MINUTE);
    assert_eq!(
        sim.fetches,
        [5 * MINUTE, 10 * MINUTE + 100, 15 * MINUTE + 200]
    );
}

#[test]
fn a_hidden_page_makes_no_request_and_catches_up_once() {
    let mut sim = Simulation::new();
    sim.run_until(MINUTE);
    sim.inputs.page_visible = false;
    sim.run_until(60 * MINUTE);
    assert!(sim.fetches.is_empty(), "no request while hidden");
    sim.inputs.page_visible = true;
    sim.run_until(60 * MINUTE + 1_000);
    assert_eq!(
        sim.fetches,
        [60 * MINUTE],
        "exactly one catch-up when seen again"
    );
    sim.run_until(64 * MINUTE);
    assert_eq!(sim.fetches.len(), 1, "then the interval again");
    sim.run_until(66 * MINUTE);
    assert_eq!(sim.fetches, [60 * MINUTE, 65 * MINUTE + 100]);
}

#[test]
fn becoming_visible_before_a_refresh_is_due_fetches_nothing_early() {
    let mut sim = Simulation::new();
    sim.inputs.on_screen = false;
    sim.run_until(2 * MINUTE);
    sim.inputs.on_screen = true;
    sim.run_until(4 * MINUTE);
    assert!(sim.fetches.is_empty());
    sim.run_until(5 * MINUTE + 1);
    assert_eq!(sim.fetches, [5 * MINUTE]);
}

#[test]
fn validators_come_from_the_last_response() {
    #[rustfmt::skip]
    let table: [(Option<&str>, Option<&str>, Validators); 8] = [
        (Some("\"abc\""), Some("Wed, 21 Oct 2015 07:28:00 GMT"), Validators { etag: Some("\"abc\"".into()), last_modified: Some("Wed, 21 Oct 2015 07:28:00 GMT".into()) }),
        (Some("W/\"v2\""), None, Validators { etag: Some("W/\"v2\"".into()), last_modified: None }),
        (Some("  \"padded\"  "), None, Validators { etag: Some("\"padded\"".into()), last_modified: None }),
        (None, None, Validators::default()),
        (Some(""), Some("   "), Validators::default()),
        // Could not be sent back as a header value: dropped.
        (Some("\"caf\u{e9}\""), None, Validators::default()),
        (Some("\"a\nb\""), None, Validators::default()),
        (Some(&"x".repeat(600)), None, Validators::default()),
    ];
    for (etag, date, validators) in table {
        assert_eq!(
            Validators::from_headers(etag, date),
            validators,
            "{etag:?} {date:?}"
        );
    }
    let both = Validators::from_headers(Some("\"abc\""), Some("Wed, 21 Oct 2015 07:28:00 GMT"));
    assert_eq!(
        both.request_headers(),
        [
            ("If-None-Match", "\"abc\""),
            ("If-Modified-Since", "Wed, 21 Oct 2015 07:28:00 GMT")
        ]
    );
    assert_eq!(Validators::default().request_headers(), []);
}

#[test]
fn how_a_request_revalidates() {
    let etag = Validators::from_headers(Some("\"1\""), None);
    let none = Validators::default();
    #[rustfmt::skip]
    let table = [
        (false, &etag, true, Revalidation::Plain),
        (false, &none, false, Revalidation::Plain),
        (true, &etag, true, Revalidation::ConditionalHeaders),
        (true, &etag, false, Revalidation::BrowserCache),
        (true, &none, true, Revalidation::BrowserCache),
        (true, &none, false, Revalidation::BrowserCache),
    ];
    for (have_content, validators, same_origin, expected) in table {
        assert_eq!(
            revalidation(have_content, validators, same_origin),
            expected,
            "{have_content} {validators:?} {same_origin}"
        );
    }
}

#[test]
fn what_an_answer_changes() {
    let a = fingerprint(b"{\"items\": [1]}");
    let b = fingerprint(b"{\"items\": [2]}");
    #[rustfmt::skip]
    let table = [
        (Answer::NotModified, Some(a), UpdateDecision::Keep),
        (Answer::NotModified, None, UpdateDecision::AskAgainPlain),
        (Answer::Body(a), Some(a), UpdateDecision::Keep),
        (Answer::Body(b), Some(a), UpdateDecision::Replace),
        (Answer::Body(a), None, UpdateDecision::Replace),
    ];
    for (answer, shown, decision) in table {
        assert_eq!(
            update_decision(answer, shown),
            decision,
            "{answer:?} over {shown:?}"
        );
    }
}

#[test]
fn fingerprints_tell_bodies_apart() {
    let bodies: [&[u8]; 6] = [b"", b"\0", b"\0\0", b"a", b"ab", b"ba"];
    let prints: Vec<u64> = bodies.iter().map(|b| fingerprint(b)).collect();
    for (i, x) in prints.iter().enumerate() {
        for y in &prints[i + 1..] {
            assert_ne!(x, y);
        }
    }
    assert_eq!(fingerprint(b"same"), fingerprint(b"same"));
}

// ---- The feed state machine ------------------------------------------------------------

type S = FeedState<&'static str>;
type E = FeedEvent<&'static str>;

fn showing(content: &'static str, origin: Origin, stale: Option<Failure>) -> S {
    FeedState::Showing {
        content,
        origin,
        stale,
    }
}

#[test]
fn feed_states_and_notices() {
    use Origin::*;
    let down = || Failure::Http { status: 503 };
    let err = |stale| {
        Some(Notice::Error {
            failure: down(),
            stale,
        })
    };
    #[rustfmt::skip]
    let table: Vec<(&str, S, E, S, Option<Notice>)> = vec![
        ("first load", S::Loading, E::Fresh("a"), showing("a", Network, None), Some(Notice::Ready)),
        ("first load fails", S::Loading, E::Failed(down()), S::Failed(down()), err(false)),
        ("stored feed shows at once", S::Loading, E::Stored("old"), showing("old", Stored, None), Some(Notice::Ready)),
        ("stored feed confirmed", showing("old", Stored, None), E::Unchanged, showing("old", Network, None), None),
        ("stored feed replaced", showing("old", Stored, None), E::Fresh("new"), showing("new", Network, None), Some(Notice::Updated)),
        ("stored feed, network down: kept, stale", showing("old", Stored, None), E::Failed(down()), showing("old", Stored, Some(down())), err(true)),
        ("stored feed too late: network won", showing("a", Network, None), E::Stored("old"), showing("a", Network, None), None),
        ("refresh: 304", showing("a", Network, None), E::Unchanged, showing("a", Network, None), None),
        ("refresh: new content", showing("a", Network, None), E::Fresh("b"), showing("b", Network, None), Some(Notice::Updated)),
        ("refresh: same content", showing("a", Network, None), E::Fresh("a"), showing("a", Network, None), None),
        ("refresh fails: content stays", showing("a", Network, None), E::Failed(down()), showing("a", Network, Some(down())), err(true)),
        ("stale, fails again: still there", showing("a", Network, Some(Failure::Network)), E::Failed(down()), showing("a", Network, Some(down())), err(true)),
        ("stale, then 304: mark goes", showing("a", Network, Some(down())), E::Unchanged, showing("a", Network, None), None),
        ("stale, then new content", showing("a", Network, Some(down())), E::Fresh("b"), showing("b", Network, None), Some(Notice::Updated)),
        ("error, then success", S::Failed(down()), E::Fresh("a"), showing("a", Network, None), Some(Notice::Ready)),
        ("error, retry pressed: skeleton", S::Failed(down()), E::Retry, S::Loading, None),
        ("error, fails again", S::Failed(Failure::Network), E::Failed(down()), S::Failed(down()), err(false)),
        ("retry with content: stays", showing("a", Network, None), E::Retry, showing("a", Network, None), None),
        ("304 with nothing shown", S::Loading, E::Unchanged, S::Loading, None),
    ];
    for (name, before, event, after, notice) in table {
        assert_eq!(before.apply(event), (after, notice), "{name}");
    }
}

#[test]
fn content_once_shown_never_leaves_on_failures() {
    let failures = [
        Failure::Network,
        Failure::Offline,
        Failure::Http { status: 500 },
        Failure::TooLarge { limit_bytes: 1 },
        Failure::NotFeed { reason: "x".into() },
        Failure::TimedOut {
            attempts: 3,
            elapsed_ms: 30_000,
        },
    ];
    let mut state = S::Loading.apply(E::Fresh("a")).0;
    for failure in failures {
        state = state.apply(E::Failed(failure.clone())).0;
        assert_eq!(state.content(), Some(&"a"));
        assert_eq!(state.stale(), Some(&failure));
    }
}

// ---- Rotation across an in-place update --------------------------------------------------

#[test]
fn the_slide_follows_the_headline_the_reader_saw() {
    let ids = |s: &str| s.split(' ').map(str::to_owned).collect::<Vec<_>>();
    #[rustfmt::skip]
    let table = [
        // (old items, new items, per slide, old slide, new slide)
        ("a b c d e f", "a b c d e f", 2, 1, 1),
        ("a b c d e f", "n a b c d e f", 2, 1, 1),   // c moved to position 3: still slide 1
        ("a b c d e f", "n m a b c d e f", 2, 1, 2), // c moved to position 4: slide 2
        ("a b c d e f", "d e f", 2, 1, 0),           // c gone, d (same slide) now first
        ("a b c d e f", "x y z w", 2, 2, 1),         // nothing left: same slide, clamped to 1
        ("a b c d e f", "x y z w v u", 2, 2, 2),     // nothing left: same slide number
        ("a b c d e f", "f e d c b a", 2, 0, 2),     // a is last now
        ("a b c d e f", "b", 2, 2, 0),
        ("a b c d", "a b c d", 5, 0, 0),
        ("a b c d", "", 2, 1, 0),
        ("a b c d", "c", 0, 2, 0),                   // per_slide 0 is treated as 1
    ];
    for (old, new, per, index, expected) in table {
        let (old_ids, new_ids) = (ids(old), if new.is_empty() { vec![] } else { ids(new) });
        assert_eq!(
            slide_after_update(&old_ids, &new_ids, per, index),
            expected,
            "{old} → {new}, slide {index}"
        );
    }
}

#[test]
fn a_stopped_rotation_stays_stopped_on_the_same_headline() {
    // Stopped by the reader on slide 2 of 3.
    let stopped = Rotation::new(3, false)
        .apply(RotationEvent::Next)
        .apply(RotationEvent::Next);
    assert!(stopped.is_stopped());
    assert_eq!(stopped.index(), 2);
    // The update put that headline on slide 3 of 4.
    let after = stopped.apply(RotationEvent::Replaced { count: 4, index: 3 });
    assert!(after.is_stopped(), "still stopped");
    assert_eq!((after.index(), after.slide_count()), (3, 4));
    // Paused by hover: stays paused, moves with the headline.
    let hovered = Rotation::new(3, false).apply(RotationEvent::PointerEnter);
    let after = hovered.apply(RotationEvent::Replaced { count: 2, index: 1 });
    assert!(!after.is_stopped() && !after.is_rotating());
    assert_eq!(after.index(), 1);
    // An index past the end is clamped; no slides at all give index 0.
    let after = stopped.apply(RotationEvent::Replaced { count: 2, index: 7 });
    assert_eq!(after.index(), 1);
    let after = stopped.apply(RotationEvent::Replaced { count: 0, index: 3 });
    assert_eq!((after.index(), after.slide_count()), (0, 0));
    assert!(after.is_stopped());
}

#[test]
fn sections_keep_their_keys_when_others_come_and_go() {
    assert_eq!(section_keys(["生活指南", "民生"]), ["生活指南", "民生"]);
    assert_eq!(section_keys(["民生", "生活指南"]), ["民生", "生活指南"]);
    assert_eq!(
        section_keys(["民生", "民生", "民生"]),
        ["民生", "民生#2", "民生#3"]
    );
    assert_eq!(section_keys(["a#2", "a", "a"]), ["a#2", "a", "a#3"]);
    assert_eq!(section_keys([]), Vec::<String>::new());
}
