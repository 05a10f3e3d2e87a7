#![cfg(not(target_arch = "wasm32"))]
//! The rotation state machine: every event from every meaningful state, the user stories
//! the APG carousel pattern describes, and properties over random event sequences.

use news_widget::rotation::{Rotation, RotationEvent, RotationEvent::*, ToggleAction};
use proptest::prelude::*;

// ---- Starting states, each built the way the shell would reach it -----------------------

fn rotating() -> Rotation {
    Rotation::new(3, false)
}
fn on_last_slide() -> Rotation {
    rotating().apply(Tick).apply(Tick)
}
fn hover_paused() -> Rotation {
    rotating().apply(PointerEnter)
}
/// A mouse press on a control focused it; the click has not arrived yet.
fn focus_held() -> Rotation {
    hover_paused().apply(FocusIn)
}
fn page_hidden() -> Rotation {
    rotating().apply(PageHidden(true))
}
fn off_screen() -> Rotation {
    rotating().apply(OnScreen(false))
}
fn stopped_by_button() -> Rotation {
    rotating().apply(TogglePressed)
}
fn stopped_by_focus() -> Rotation {
    rotating().apply(FocusIn)
}
fn stopped_and_hovered() -> Rotation {
    stopped_by_button().apply(PointerEnter)
}
fn stopped_by_reduced_motion() -> Rotation {
    Rotation::new(3, true)
}
fn user_started_under_reduced_motion() -> Rotation {
    stopped_by_reduced_motion().apply(TogglePressed)
}
fn user_stopped_under_reduced_motion() -> Rotation {
    stopped_by_button().apply(ReducedMotion(true))
}
fn one_slide() -> Rotation {
    Rotation::new(1, false)
}
fn no_slides() -> Rotation {
    Rotation::new(0, false)
}

// ---- Expectations -----------------------------------------------------------------------

/// What the shell can observe after an event.
#[derive(Debug, PartialEq)]
struct Seen {
    index: usize,
    count: usize,
    rotating: bool,
    stopped: bool,
}

fn seen(r: Rotation) -> Seen {
    Seen {
        index: r.index(),
        count: r.slide_count(),
        rotating: r.is_rotating(),
        stopped: r.is_stopped(),
    }
}

/// Shorthand for rows: slide index, rotating, stopped (count is 3 unless the row says).
const fn at(index: usize, rotating: bool, stopped: bool) -> Seen {
    Seen {
        index,
        count: 3,
        rotating,
        stopped,
    }
}
const ROTATING: bool = true;
const STILL: bool = false;
const STOPPED: bool = true;
const NOT_STOPPED: bool = false;

struct Case {
    name: &'static str,
    from: fn() -> Rotation,
    event: RotationEvent,
    expect: Seen,
    /// The event must return a value equal to the state it was applied to.
    unchanged: bool,
}

const fn case(
    name: &'static str,
    from: fn() -> Rotation,
    event: RotationEvent,
    expect: Seen,
    unchanged: bool,
) -> Case {
    Case {
        name,
        from,
        event,
        expect,
        unchanged,
    }
}
const SAME: bool = true;
const CHANGED: bool = false;

#[rustfmt::skip]
const CASES: &[Case] = &[
    // -- rotating
    case("rotating: tick advances", rotating, Tick, at(1, ROTATING, NOT_STOPPED), CHANGED),
    case("rotating: pointer enter pauses", rotating, PointerEnter, at(0, STILL, NOT_STOPPED), CHANGED),
    case("rotating: pointer leave without enter changes nothing", rotating, PointerLeave, at(0, ROTATING, NOT_STOPPED), SAME),
    case("rotating: keyboard focus stops", rotating, FocusIn, at(0, STILL, STOPPED), CHANGED),
    case("rotating: focus out changes nothing", rotating, FocusOut, at(0, ROTATING, NOT_STOPPED), SAME),
    case("rotating: toggle stops", rotating, TogglePressed, at(0, STILL, STOPPED), CHANGED),
    case("rotating: next moves and stops", rotating, Next, at(1, STILL, STOPPED), CHANGED),
    case("rotating: previous wraps and stops", rotating, Previous, at(2, STILL, STOPPED), CHANGED),
    case("rotating: page hidden pauses", rotating, PageHidden(true), at(0, STILL, NOT_STOPPED), CHANGED),
    case("rotating: page shown again changes nothing", rotating, PageHidden(false), at(0, ROTATING, NOT_STOPPED), SAME),
    case("rotating: off screen pauses", rotating, OnScreen(false), at(0, STILL, NOT_STOPPED), CHANGED),
    case("rotating: on screen again changes nothing", rotating, OnScreen(true), at(0, ROTATING, NOT_STOPPED), SAME),
    case("rotating: reduced motion stops", rotating, ReducedMotion(true), at(0, STILL, STOPPED), CHANGED),
    case("rotating: reduced motion off again changes nothing", rotating, ReducedMotion(false), at(0, ROTATING, NOT_STOPPED), SAME),
    case("rotating: more slides keep the index", rotating, SlideCount(5), Seen { index: 0, count: 5, rotating: true, stopped: false }, CHANGED),
    case("rotating: same count changes nothing", rotating, SlideCount(3), at(0, ROTATING, NOT_STOPPED), SAME),
    case("rotating: one slide left cannot rotate", rotating, SlideCount(1), Seen { index: 0, count: 1, rotating: false, stopped: false }, CHANGED),
    // -- on the last slide
    case("last slide: tick wraps to the first", on_last_slide, Tick, at(0, ROTATING, NOT_STOPPED), CHANGED),
    case("last slide: next wraps and stops", on_last_slide, Next, at(0, STILL, STOPPED), CHANGED),
    case("last slide: previous moves back and stops", on_last_slide, Previous, at(1, STILL, STOPPED), CHANGED),
    case("last slide: fewer slides clamp the index", on_last_slide, SlideCount(2), Seen { index: 1, count: 2, rotating: true, stopped: false }, CHANGED),
    case("last slide: no slides reset the index", on_last_slide, SlideCount(0), Seen { index: 0, count: 0, rotating: false, stopped: false }, CHANGED),
    // -- paused by hover
    case("hover: tick changes nothing", hover_paused, Tick, at(0, STILL, NOT_STOPPED), SAME),
    case("hover: second enter changes nothing", hover_paused, PointerEnter, at(0, STILL, NOT_STOPPED), SAME),
    case("hover: leave resumes", hover_paused, PointerLeave, at(0, ROTATING, NOT_STOPPED), CHANGED),
    case("hover: focus is held, not yet a stop", hover_paused, FocusIn, at(0, STILL, NOT_STOPPED), CHANGED),
    case("hover: focus out changes nothing", hover_paused, FocusOut, at(0, STILL, NOT_STOPPED), SAME),
    case("hover: toggle stops", hover_paused, TogglePressed, at(0, STILL, STOPPED), CHANGED),
    case("hover: next moves and stops", hover_paused, Next, at(1, STILL, STOPPED), CHANGED),
    case("hover: previous moves and stops", hover_paused, Previous, at(2, STILL, STOPPED), CHANGED),
    case("hover: page hidden stays paused", hover_paused, PageHidden(true), at(0, STILL, NOT_STOPPED), CHANGED),
    case("hover: off screen stays paused", hover_paused, OnScreen(false), at(0, STILL, NOT_STOPPED), CHANGED),
    case("hover: reduced motion stops", hover_paused, ReducedMotion(true), at(0, STILL, STOPPED), CHANGED),
    case("hover: slide count change keeps the pause", hover_paused, SlideCount(4), Seen { index: 0, count: 4, rotating: false, stopped: false }, CHANGED),
    // -- focus held (mouse press on a control, click pending)
    case("held: tick changes nothing", focus_held, Tick, at(0, STILL, NOT_STOPPED), SAME),
    case("held: enter changes nothing", focus_held, PointerEnter, at(0, STILL, NOT_STOPPED), SAME),
    case("held: leave without a click becomes a stop", focus_held, PointerLeave, at(0, STILL, STOPPED), CHANGED),
    case("held: second focus changes nothing", focus_held, FocusIn, at(0, STILL, NOT_STOPPED), SAME),
    case("held: focus leaving without a click becomes a stop", focus_held, FocusOut, at(0, STILL, STOPPED), CHANGED),
    case("held: clicking stop stops", focus_held, TogglePressed, at(0, STILL, STOPPED), CHANGED),
    case("held: clicking next moves and stops", focus_held, Next, at(1, STILL, STOPPED), CHANGED),
    case("held: clicking previous moves and stops", focus_held, Previous, at(2, STILL, STOPPED), CHANGED),
    case("held: page hidden stays paused", focus_held, PageHidden(true), at(0, STILL, NOT_STOPPED), CHANGED),
    case("held: off screen stays paused", focus_held, OnScreen(false), at(0, STILL, NOT_STOPPED), CHANGED),
    case("held: reduced motion stops", focus_held, ReducedMotion(true), at(0, STILL, STOPPED), CHANGED),
    case("held: slide count change keeps the hold", focus_held, SlideCount(2), Seen { index: 0, count: 2, rotating: false, stopped: false }, CHANGED),
    // -- paused because the page is hidden
    case("hidden: tick changes nothing", page_hidden, Tick, at(0, STILL, NOT_STOPPED), SAME),
    case("hidden: shown again resumes", page_hidden, PageHidden(false), at(0, ROTATING, NOT_STOPPED), CHANGED),
    case("hidden: hidden again changes nothing", page_hidden, PageHidden(true), at(0, STILL, NOT_STOPPED), SAME),
    case("hidden: pointer enter pauses too", page_hidden, PointerEnter, at(0, STILL, NOT_STOPPED), CHANGED),
    case("hidden: focus stops", page_hidden, FocusIn, at(0, STILL, STOPPED), CHANGED),
    case("hidden: toggle stops", page_hidden, TogglePressed, at(0, STILL, STOPPED), CHANGED),
    case("hidden: next moves and stops", page_hidden, Next, at(1, STILL, STOPPED), CHANGED),
    case("hidden: off screen too", page_hidden, OnScreen(false), at(0, STILL, NOT_STOPPED), CHANGED),
    case("hidden: reduced motion stops", page_hidden, ReducedMotion(true), at(0, STILL, STOPPED), CHANGED),
    // -- paused because scrolled off screen
    case("off screen: tick changes nothing", off_screen, Tick, at(0, STILL, NOT_STOPPED), SAME),
    case("off screen: back on screen resumes", off_screen, OnScreen(true), at(0, ROTATING, NOT_STOPPED), CHANGED),
    case("off screen: still off changes nothing", off_screen, OnScreen(false), at(0, STILL, NOT_STOPPED), SAME),
    case("off screen: page hidden too", off_screen, PageHidden(true), at(0, STILL, NOT_STOPPED), CHANGED),
    case("off screen: toggle stops", off_screen, TogglePressed, at(0, STILL, STOPPED), CHANGED),
    case("off screen: previous moves and stops", off_screen, Previous, at(2, STILL, STOPPED), CHANGED),
    case("off screen: reduced motion stops", off_screen, ReducedMotion(true), at(0, STILL, STOPPED), CHANGED),
    // -- stopped with the button
    case("stopped: tick changes nothing", stopped_by_button, Tick, at(0, STILL, STOPPED), SAME),
    case("stopped: pointer enter stays stopped", stopped_by_button, PointerEnter, at(0, STILL, STOPPED), CHANGED),
    case("stopped: pointer leave changes nothing", stopped_by_button, PointerLeave, at(0, STILL, STOPPED), SAME),
    case("stopped: focus changes nothing", stopped_by_button, FocusIn, at(0, STILL, STOPPED), SAME),
    case("stopped: focus out changes nothing", stopped_by_button, FocusOut, at(0, STILL, STOPPED), SAME),
    case("stopped: toggle starts", stopped_by_button, TogglePressed, at(0, ROTATING, NOT_STOPPED), CHANGED),
    case("stopped: next moves, stays stopped", stopped_by_button, Next, at(1, STILL, STOPPED), CHANGED),
    case("stopped: previous moves, stays stopped", stopped_by_button, Previous, at(2, STILL, STOPPED), CHANGED),
    case("stopped: page shown changes nothing", stopped_by_button, PageHidden(false), at(0, STILL, STOPPED), SAME),
    case("stopped: on screen changes nothing", stopped_by_button, OnScreen(true), at(0, STILL, STOPPED), SAME),
    case("stopped: reduced motion stays a user stop", stopped_by_button, ReducedMotion(true), at(0, STILL, STOPPED), CHANGED),
    case("stopped: reduced motion off does not resume", stopped_by_button, ReducedMotion(false), at(0, STILL, STOPPED), SAME),
    case("stopped: slide count change stays stopped", stopped_by_button, SlideCount(6), Seen { index: 0, count: 6, rotating: false, stopped: true }, CHANGED),
    // -- stopped by keyboard focus: never resumes by itself
    case("focus stop: focus out does not resume", stopped_by_focus, FocusOut, at(0, STILL, STOPPED), SAME),
    case("focus stop: pointer leave does not resume", stopped_by_focus, PointerLeave, at(0, STILL, STOPPED), SAME),
    case("focus stop: more focus changes nothing", stopped_by_focus, FocusIn, at(0, STILL, STOPPED), SAME),
    case("focus stop: tick changes nothing", stopped_by_focus, Tick, at(0, STILL, STOPPED), SAME),
    case("focus stop: toggle starts even with focus inside", stopped_by_focus, TogglePressed, at(0, ROTATING, NOT_STOPPED), CHANGED),
    case("focus stop: reduced motion off does not resume", stopped_by_focus, ReducedMotion(false), at(0, STILL, STOPPED), SAME),
    // -- stopped and hovered
    case("stopped+hover: leave stays stopped", stopped_and_hovered, PointerLeave, at(0, STILL, STOPPED), CHANGED),
    case("stopped+hover: focus changes nothing", stopped_and_hovered, FocusIn, at(0, STILL, STOPPED), SAME),
    case("stopped+hover: toggle starts, paused by hover", stopped_and_hovered, TogglePressed, at(0, STILL, NOT_STOPPED), CHANGED),
    // -- stopped because of reduced motion (a system stop)
    case("reduced: tick changes nothing", stopped_by_reduced_motion, Tick, at(0, STILL, STOPPED), SAME),
    case("reduced: preference off resumes", stopped_by_reduced_motion, ReducedMotion(false), at(0, ROTATING, NOT_STOPPED), CHANGED),
    case("reduced: repeated preference changes nothing", stopped_by_reduced_motion, ReducedMotion(true), at(0, STILL, STOPPED), SAME),
    case("reduced: toggle starts (user choice wins)", stopped_by_reduced_motion, TogglePressed, at(0, ROTATING, NOT_STOPPED), CHANGED),
    case("reduced: pointer leave changes nothing", stopped_by_reduced_motion, PointerLeave, at(0, STILL, STOPPED), SAME),
    case("reduced: focus out changes nothing", stopped_by_reduced_motion, FocusOut, at(0, STILL, STOPPED), SAME),
    case("reduced: focus changes nothing", stopped_by_reduced_motion, FocusIn, at(0, STILL, STOPPED), SAME),
    case("reduced: pointer enter stays stopped", stopped_by_reduced_motion, PointerEnter, at(0, STILL, STOPPED), CHANGED),
    case("reduced: next moves and becomes a user stop", stopped_by_reduced_motion, Next, at(1, STILL, STOPPED), CHANGED),
    case("reduced: previous moves and becomes a user stop", stopped_by_reduced_motion, Previous, at(2, STILL, STOPPED), CHANGED),
    case("reduced: page hidden stays stopped", stopped_by_reduced_motion, PageHidden(true), at(0, STILL, STOPPED), CHANGED),
    case("reduced: off screen stays stopped", stopped_by_reduced_motion, OnScreen(false), at(0, STILL, STOPPED), CHANGED),
    case("reduced: more slides stay stopped", stopped_by_reduced_motion, SlideCount(4), Seen { index: 0, count: 4, rotating: false, stopped: true }, CHANGED),
    // -- user started rotation although reduced motion is on
    case("user play under reduced: tick advances", user_started_under_reduced_motion, Tick, at(1, ROTATING, NOT_STOPPED), CHANGED),
    case("user play under reduced: repeated preference keeps rotating", user_started_under_reduced_motion, ReducedMotion(true), at(0, ROTATING, NOT_STOPPED), SAME),
    case("user play under reduced: preference off keeps rotating", user_started_under_reduced_motion, ReducedMotion(false), at(0, ROTATING, NOT_STOPPED), CHANGED),
    case("user play under reduced: toggle stops", user_started_under_reduced_motion, TogglePressed, at(0, STILL, STOPPED), CHANGED),
    // -- user stopped, then reduced motion came and went
    case("user stop under reduced: preference off stays stopped", user_stopped_under_reduced_motion, ReducedMotion(false), at(0, STILL, STOPPED), CHANGED),
    case("user stop under reduced: toggle starts", user_stopped_under_reduced_motion, TogglePressed, at(0, ROTATING, NOT_STOPPED), CHANGED),
    // -- too few slides
    case("one slide: tick changes nothing", one_slide, Tick, Seen { index: 0, count: 1, rotating: false, stopped: false }, SAME),
    case("one slide: next changes nothing", one_slide, Next, Seen { index: 0, count: 1, rotating: false, stopped: false }, SAME),
    case("one slide: previous changes nothing", one_slide, Previous, Seen { index: 0, count: 1, rotating: false, stopped: false }, SAME),
    case("one slide: a second slide starts rotation", one_slide, SlideCount(2), Seen { index: 0, count: 2, rotating: true, stopped: false }, CHANGED),
    case("one slide: toggle still stops (no button is shown)", one_slide, TogglePressed, Seen { index: 0, count: 1, rotating: false, stopped: true }, CHANGED),
    case("no slides: tick changes nothing", no_slides, Tick, Seen { index: 0, count: 0, rotating: false, stopped: false }, SAME),
    case("no slides: next changes nothing", no_slides, Next, Seen { index: 0, count: 0, rotating: false, stopped: false }, SAME),
    case("no slides: previous changes nothing", no_slides, Previous, Seen { index: 0, count: 0, rotating: false, stopped: false }, SAME),
    case("no slides: content arrives and rotates", no_slides, SlideCount(16), Seen { index: 0, count: 16, rotating: true, stopped: false }, CHANGED),
    case("no slides: focus stops", no_slides, FocusIn, Seen { index: 0, count: 0, rotating: false, stopped: true }, CHANGED),
];

#[test]
fn every_transition_from_every_state() {
    let mut failures = Vec::new();
    for case in CASES {
        let before = (case.from)();
        let after = before.apply(case.event);
        if seen(after) != case.expect {
            failures.push(format!(
                "{}: expected {:?}, got {:?}",
                case.name,
                case.expect,
                seen(after)
            ));
        }
        if (after == before) != case.unchanged {
            failures.push(format!(
                "{}: expected the value {}",
                case.name,
                if case.unchanged {
                    "unchanged"
                } else {
                    "changed"
                }
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn every_event_is_covered_from_the_main_states() {
    // Guards the table: each of these states has a row for each kind of event.
    let kinds = |name_prefix: &str| {
        CASES
            .iter()
            .filter(|c| c.name.starts_with(name_prefix))
            .map(|c| std::mem::discriminant(&c.event))
            .collect::<std::collections::HashSet<_>>()
            .len()
    };
    for state in ["rotating:", "hover:", "held:", "stopped:", "reduced:"] {
        assert_eq!(kinds(state), 12, "{state} lacks a row for some event");
    }
}

// ---- Stories (APG carousel pattern) -------------------------------------------------------

fn run(start: Rotation, events: &[RotationEvent]) -> Rotation {
    events.iter().fold(start, |r, &e| r.apply(e))
}

#[test]
fn starts_rotating_with_two_or_more_slides() {
    assert!(Rotation::new(2, false).is_rotating());
    assert!(!Rotation::new(1, false).is_rotating());
    assert!(!Rotation::new(0, false).is_rotating());
}

#[test]
fn starts_stopped_under_reduced_motion() {
    let r = Rotation::new(5, true);
    assert!(r.is_stopped());
    assert_eq!(r.toggle_action(), ToggleAction::Start);
}

#[test]
fn mouse_click_on_stop_stops_for_good() {
    // The browser focuses the button on mousedown, before the click.
    let r = run(
        rotating(),
        &[PointerEnter, FocusIn, TogglePressed, PointerLeave],
    );
    assert!(r.is_stopped());
    assert!(!r.is_rotating());
}

#[test]
fn mouse_click_on_stop_keeps_the_label_until_the_click() {
    // The label must not flip to "start" under the pointer between mousedown and click.
    let r = run(rotating(), &[PointerEnter, FocusIn]);
    assert_eq!(r.toggle_action(), ToggleAction::Stop);
}

#[test]
fn mouse_click_on_start_rotates_once_the_pointer_leaves() {
    let r = run(stopped_by_button(), &[PointerEnter, FocusIn, TogglePressed]);
    assert_eq!(r.toggle_action(), ToggleAction::Stop);
    assert!(!r.is_rotating(), "still paused under the pointer");
    let r = r.apply(PointerLeave);
    assert!(
        r.is_rotating(),
        "focus left on the button must not stop it again"
    );
}

#[test]
fn second_click_restarts_without_a_new_focus() {
    let r = run(
        rotating(),
        &[
            PointerEnter,
            FocusIn,
            TogglePressed,
            TogglePressed,
            PointerLeave,
        ],
    );
    assert!(r.is_rotating());
}

#[test]
fn keyboard_focus_stops_and_the_button_restarts() {
    let r = rotating().apply(FocusIn);
    assert_eq!(r.toggle_action(), ToggleAction::Start);
    let r = r.apply(TogglePressed);
    assert!(r.is_rotating(), "rotates although focus is on the button");
    let r = r.apply(FocusIn);
    assert!(
        r.is_stopped(),
        "tabbing to another control inside stops again"
    );
}

#[test]
fn keyboard_focus_while_the_mouse_rests_on_the_section_stops_when_it_leaves() {
    let r = run(rotating(), &[PointerEnter, FocusIn, PointerLeave]);
    assert!(r.is_stopped());
}

#[test]
fn keyboard_focus_passing_through_while_the_mouse_rests_still_stops() {
    let r = run(rotating(), &[PointerEnter, FocusIn, FocusOut, PointerLeave]);
    assert!(r.is_stopped());
}

#[test]
fn leaving_focus_does_not_resume() {
    let r = run(rotating(), &[FocusIn, FocusOut, PointerEnter, PointerLeave]);
    assert!(r.is_stopped());
}

#[test]
fn manual_navigation_stops_and_moves() {
    let r = run(rotating(), &[Next, Next]);
    assert_eq!((r.index(), r.is_stopped()), (2, true));
    let r = run(rotating(), &[Previous]);
    assert_eq!((r.index(), r.is_stopped()), (2, true));
}

#[test]
fn hidden_and_off_screen_must_both_end_before_resuming() {
    let r = run(
        rotating(),
        &[PageHidden(true), OnScreen(false), PageHidden(false)],
    );
    assert!(!r.is_rotating());
    assert!(r.apply(OnScreen(true)).is_rotating());
}

#[test]
fn hover_and_hidden_must_both_end_before_resuming() {
    let r = run(rotating(), &[PointerEnter, PageHidden(true), PointerLeave]);
    assert!(!r.is_rotating());
    assert!(r.apply(PageHidden(false)).is_rotating());
}

#[test]
fn reduced_motion_off_resumes_only_its_own_stop() {
    let system = run(rotating(), &[ReducedMotion(true), ReducedMotion(false)]);
    assert!(system.is_rotating());
    let user = run(
        rotating(),
        &[ReducedMotion(true), Next, ReducedMotion(false)],
    );
    assert!(user.is_stopped());
    let focus = run(
        rotating(),
        &[FocusIn, ReducedMotion(true), ReducedMotion(false)],
    );
    assert!(focus.is_stopped());
}

#[test]
fn a_user_started_rotation_survives_a_repeated_reduced_motion_report() {
    // The shell reports the media query at mount and on change; a re-run effect may report
    // the same value again, which must not undo the user's choice.
    let r = run(
        Rotation::new(3, true),
        &[TogglePressed, ReducedMotion(true)],
    );
    assert!(r.is_rotating());
}

#[test]
fn toggle_label_says_what_pressing_does() {
    assert_eq!(rotating().toggle_action(), ToggleAction::Stop);
    assert_eq!(hover_paused().toggle_action(), ToggleAction::Stop);
    assert_eq!(page_hidden().toggle_action(), ToggleAction::Stop);
    assert_eq!(stopped_by_button().toggle_action(), ToggleAction::Start);
    assert_eq!(stopped_by_focus().toggle_action(), ToggleAction::Start);
    assert_eq!(
        stopped_by_reduced_motion().toggle_action(),
        ToggleAction::Start
    );
}

#[test]
fn live_region_is_off_only_while_rotating() {
    assert_eq!(rotating().live_politeness(), "off");
    assert_eq!(hover_paused().live_politeness(), "polite");
    assert_eq!(stopped_by_button().live_politeness(), "polite");
    assert_eq!(one_slide().live_politeness(), "polite");
}

#[test]
fn slide_count_shrinking_to_zero_then_growing_starts_at_the_first_slide() {
    let r = run(on_last_slide(), &[SlideCount(0), SlideCount(3)]);
    assert_eq!(r.index(), 0);
    assert!(r.is_rotating());
}

#[test]
fn huge_slide_counts_do_not_overflow() {
    let r = run(
        Rotation::new(usize::MAX, false),
        &[Previous, Next, Next, Tick],
    );
    assert_eq!(r.index(), 1);
}

// ---- Properties ---------------------------------------------------------------------------

fn any_event() -> impl Strategy<Value = RotationEvent> {
    prop_oneof![
        4 => Just(Tick),
        1 => Just(PointerEnter),
        1 => Just(PointerLeave),
        1 => Just(FocusIn),
        1 => Just(FocusOut),
        1 => Just(TogglePressed),
        1 => Just(Next),
        1 => Just(Previous),
        1 => any::<bool>().prop_map(PageHidden),
        1 => any::<bool>().prop_map(OnScreen),
        1 => any::<bool>().prop_map(ReducedMotion),
        1 => prop_oneof![0usize..6, Just(usize::MAX)].prop_map(SlideCount),

    ]
}

/// Events whose second application must change nothing.
fn is_idempotent(e: RotationEvent) -> bool {
    !matches!(e, Tick | Next | Previous | TogglePressed)
}

proptest! {
    #[test]
    fn random_sequences_keep_the_invariants(
        count in 0usize..6,
        reduced in any::<bool>(),
        events in proptest::collection::vec(any_event(), 0..60),
    ) {
        let mut r = Rotation::new(count, reduced);
        for e in events {
            let next = r.apply(e);
            if next.slide_count() > 0 {
                prop_assert!(next.index() < next.slide_count());
            } else {
                prop_assert_eq!(next.index(), 0);
            }
            if !r.is_rotating() {
                prop_assert_eq!(r.apply(Tick), r, "tick while not rotating changed {:?}", r);
            } else {
                prop_assert_eq!(r.apply(Tick).index(), (r.index() + 1) % r.slide_count());
            }
            if is_idempotent(e) {
                prop_assert_eq!(next.apply(e), next, "repeating {:?} changed {:?}", e, next);
            }
            prop_assert!(!(next.is_rotating() && next.is_stopped()));
            prop_assert_eq!(next.toggle_action() == ToggleAction::Start, next.is_stopped());
            prop_assert_eq!(next.live_politeness() == "off", next.is_rotating());
            r = next;
        }
    }

    #[test]
    fn only_the_button_restarts_a_user_stop(
        events in proptest::collection::vec(any_event(), 0..40),
    ) {
        let mut r = rotating().apply(FocusIn);
        for e in events.into_iter().filter(|&e| e != TogglePressed) {
            r = r.apply(e);
            prop_assert!(r.is_stopped(), "{:?} restarted a user stop", e);
        }
    }
}
