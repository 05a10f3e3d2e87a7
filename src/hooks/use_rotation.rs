//! Wires the pure rotation state machine to the browser: one timer, the motion preference,
//! page visibility and on-screen state. The component sends pointer, focus and button events.

use std::cell::Cell;
use std::rc::Rc;

use gloo_timers::callback::Timeout;
use yew::prelude::*;

use crate::hooks::use_media_query::use_media_query;
use crate::hooks::use_on_screen::use_on_screen;
use crate::hooks::use_page_visibility::use_page_hidden;
use crate::rotation::{slide_after_update, Rotation, RotationEvent};

thread_local! {
    static LIVE_TIMERS: Cell<usize> = const { Cell::new(0) };
    static TIMER_FIRES: Cell<u64> = const { Cell::new(0) };
}

/// Rotation timers currently scheduled in this widget instance (0 after unmount).
pub fn live_timers() -> usize {
    LIVE_TIMERS.with(Cell::get)
}

/// Rotation timer callbacks run so far in this widget instance.
pub fn timer_fires() -> u64 {
    TIMER_FIRES.with(Cell::get)
}

/// The reducer around [`Rotation`]: an event that changes nothing hands back the same `Rc`,
/// so Yew skips the render entirely.
#[derive(PartialEq)]
struct RotationState(Rotation);

impl Reducible for RotationState {
    type Action = RotationEvent;

    fn reduce(self: Rc<Self>, event: RotationEvent) -> Rc<Self> {
        let next = self.0.apply(event);
        if next == self.0 {
            self
        } else {
            Rc::new(RotationState(next))
        }
    }
}

/// A scheduled tick; counts itself so tests can prove nothing outlives the component.
struct TickTimer(#[allow(dead_code)] Timeout);

impl TickTimer {
    fn start(interval_ms: u32, tick: impl FnOnce() + 'static) -> Self {
        LIVE_TIMERS.with(|n| n.set(n.get() + 1));
        TickTimer(Timeout::new(interval_ms, move || {
            TIMER_FIRES.with(|n| n.set(n.get() + 1));
            tick();
        }))
    }
}

impl Drop for TickTimer {
    fn drop(&mut self) {
        LIVE_TIMERS.with(|n| n.set(n.get().saturating_sub(1)));
    }
}

pub struct RotationHandle {
    pub state: Rotation,
    pub send: Callback<RotationEvent>,
}

/// Rotation of the headlines `ids`, `per_slide` to a slide, every `interval_ms`, observed on
/// `node` for visibility. When a feed update replaces the headlines, the visible slide
/// follows the headline the reader was looking at (and a stopped rotation stays stopped).
#[hook]
pub fn use_rotation(
    ids: Vec<String>,
    per_slide: usize,
    interval_ms: u32,
    node: NodeRef,
) -> RotationHandle {
    let per_slide = per_slide.max(1);
    let slide_count = ids.len().div_ceil(per_slide);
    let reduced_motion = use_media_query("(prefers-reduced-motion: reduce)");
    let hidden = use_page_hidden();
    let on_screen = use_on_screen(node);
    let state = use_reducer(|| RotationState(Rotation::new(slide_count, reduced_motion)));

    // Each input is its own effect so only a real change reaches the machine.
    {
        let dispatcher = state.dispatcher();
        use_effect_with(reduced_motion, move |reduce| {
            dispatcher.dispatch(RotationEvent::ReducedMotion(*reduce))
        });
    }
    {
        let dispatcher = state.dispatcher();
        use_effect_with(hidden, move |hidden| {
            dispatcher.dispatch(RotationEvent::PageHidden(*hidden))
        });
    }
    {
        let dispatcher = state.dispatcher();
        use_effect_with(on_screen, move |on_screen| {
            dispatcher.dispatch(RotationEvent::OnScreen(*on_screen))
        });
    }
    {
        // The headlines the slides were last cut from, to follow one across an update.
        let previous = use_mut_ref(|| ids.clone());
        let dispatcher = state.dispatcher();
        let index = state.0.index();
        use_effect_with((ids, per_slide), move |(ids, per_slide)| {
            let old = previous.replace(ids.clone());
            dispatcher.dispatch(RotationEvent::Replaced {
                count: ids.len().div_ceil(*per_slide),
                index: slide_after_update(&old, ids, *per_slide, index),
            })
        });
    }
    {
        // One timer, alive only while rotating; re-armed after every slide change so a manual
        // move never gets cut short. Dropping it (cleanup or unmount) cancels it.
        let dispatcher = state.dispatcher();
        let rotating = state.0.is_rotating();
        use_effect_with(
            (rotating, state.0.index(), interval_ms),
            move |(rotating, _, interval_ms)| {
                let timer = rotating.then(|| {
                    TickTimer::start(*interval_ms, move || {
                        dispatcher.dispatch(RotationEvent::Tick)
                    })
                });
                move || drop(timer)
            },
        );
    }
    let dispatcher = state.dispatcher();
    RotationHandle {
        state: state.0,
        send: Callback::from(move |event| dispatcher.dispatch(event)),
    }
}
