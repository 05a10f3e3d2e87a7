//! Rotating headline sections as a pure state machine (W3C APG carousel pattern).
//!
//! A rotating section shows one slide (a group of headlines) at a time. [`Rotation`] is a
//! small `Copy` value; the shell feeds it [`RotationEvent`]s through [`Rotation::apply`] and
//! renders from its queries. An event that changes nothing returns an equal value, so a
//! reducer can skip re-rendering, and the shell keeps exactly one interval timer, running
//! only while [`Rotation::is_rotating`] is true (a fresh full interval each time it turns
//! true, so a slide never flips right after the pointer leaves).
//!
//! # Stopped versus paused
//!
//! * **Stopped** is sticky and only the rotation button ends it: the user pressed the button
//!   to stop, used Previous/Next, or moved keyboard focus into the section. A *system* stop
//!   for `prefers-reduced-motion: reduce` also ends when that preference is switched off.
//! * **Paused** is temporary: the pointer is over the section, the page is hidden or the
//!   section is scrolled off-screen. Rotation resumes by itself when all of these end.
//!
//! # Events the shell sends, and in which order
//!
//! | DOM                                            | event                               |
//! |------------------------------------------------|-------------------------------------|
//! | interval fires                                 | [`RotationEvent::Tick`]             |
//! | `pointerenter` / `pointerleave` on the section | `PointerEnter` / `PointerLeave`     |
//! | `focusin` on anything inside the section       | `FocusIn`                           |
//! | `focusout` whose `relatedTarget` is outside    | `FocusOut`                          |
//! | `click` on the rotation button                 | `TogglePressed`                     |
//! | `click` on Previous / Next                     | `Previous` / `Next`                 |
//! | `visibilitychange`                             | `PageHidden(document.hidden)`       |
//! | `IntersectionObserver` callback                | `OnScreen(is_intersecting)`         |
//! | reduced-motion media query, at mount and on `change` | `ReducedMotion(matches)`      |
//! | the section's item list changed                | `SlideCount(n)`                     |
//! | a feed update replaced the section's headlines | `Replaced { count, index }` (see [`slide_after_update`]) |
//!
//! A mouse press on a button focuses it before the `click`, so a mouse click on the rotation
//! button arrives as `PointerEnter`, `FocusIn`, `TogglePressed`. If that `FocusIn` stopped
//! rotation, the click would then restart it: the user pressed "stop" and got rotation. So a
//! `FocusIn` while the pointer is over the section is taken to come from that pointer and
//! only *holds* rotation; the click that follows decides (the button toggles from what the
//! user saw; Previous/Next stop). If the pointer or the focus leaves with the hold
//! unresolved, the focus was not a click on a control (e.g. keyboard focus while the mouse
//! rested on the section, or a click on a headline) and it becomes a stop, as APG requires.
//! Keyboard focus with the pointer elsewhere stops at once, and pressing the focused button
//! then starts rotation (the APG behaviour).
//!
//! Touch screens send `pointerleave` before the compatibility `focus`, so a tap cannot be
//! told from keyboard focus by these events alone: the shell should send `FocusIn` only when
//! the focused element matches `:focus-visible` (browsers' keyboard-versus-pointer rule),
//! which also keeps a tap on the button reliable.

/// Something that happened to a rotating section. See the module docs for the DOM source.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RotationEvent {
    /// The rotation interval elapsed.
    Tick,
    /// The pointer moved over the section.
    PointerEnter,
    /// The pointer left the section.
    PointerLeave,
    /// Focus moved to an element inside the section (including the rotation button).
    FocusIn,
    /// Focus left the section.
    FocusOut,
    /// The visible rotation button was activated (click, Enter or Space).
    TogglePressed,
    /// The user asked for the next slide.
    Next,
    /// The user asked for the previous slide.
    Previous,
    /// `true` when the document became hidden (another tab, minimised window).
    PageHidden(bool),
    /// `true` when the section is at least partly inside the viewport.
    OnScreen(bool),
    /// `true` when the user prefers reduced motion.
    ReducedMotion(bool),
    /// The section now has this many slides.
    SlideCount(usize),
    /// A feed update replaced the section's headlines in place: it now has `count` slides,
    /// and `index` is the slide holding what the reader was looking at (from
    /// [`slide_after_update`]). Stopped stays stopped, paused stays paused.
    Replaced { count: usize, index: usize },
}

/// What pressing the rotation button will do; its label must say this (APG).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ToggleAction {
    /// Rotation is stopped: pressing starts it.
    Start,
    /// Rotation is on, even if paused by hover, a hidden page or scrolling: pressing stops it.
    Stop,
}

/// Whether rotation is wanted, and if not, who stopped it (only a user stop outlives a
/// reduced-motion change).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Mode {
    Playing,
    StoppedByUser,
    StoppedByReducedMotion,
}

/// The state of one rotating section: which slide shows and whether it should advance.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Rotation {
    index: usize,
    count: usize,
    mode: Mode,
    hovered: bool,
    hidden: bool,
    offscreen: bool,
    /// Last reported preference, so a repeated report cannot undo the user's choice.
    reduced_motion: bool,
    /// A `FocusIn` arrived while hovered: probably a click on a control, decided later.
    focus_held: bool,
}

impl Rotation {
    /// A section with `slide_count` slides showing the first; it rotates unless
    /// `reduced_motion` is on (a system stop) or there are fewer than two slides.
    pub fn new(slide_count: usize, reduced_motion: bool) -> Self {
        Rotation {
            index: 0,
            count: slide_count,
            mode: if reduced_motion {
                Mode::StoppedByReducedMotion
            } else {
                Mode::Playing
            },
            hovered: false,
            hidden: false,
            offscreen: false,
            reduced_motion,
            focus_held: false,
        }
    }

    /// The state after `event`; equal to `self` when the event changes nothing.
    #[must_use]
    pub fn apply(self, event: RotationEvent) -> Rotation {
        use RotationEvent::*;
        let mut next = self;
        match event {
            Tick => {
                // is_rotating implies count >= 2, so the modulo cannot divide by zero.
                if self.is_rotating() {
                    next.index = (self.index + 1) % self.count;
                }
            }
            PointerEnter => next.hovered = true,
            PointerLeave | FocusOut => {
                if event == PointerLeave {
                    next.hovered = false;
                }
                // The held focus was not resolved by a click on a control: treat it as the
                // keyboard focus it probably was.
                if self.focus_held {
                    next.mode = Mode::StoppedByUser;
                }
            }
            FocusIn => {
                if self.mode == Mode::Playing {
                    if self.hovered {
                        next.focus_held = true;
                    } else {
                        next.mode = Mode::StoppedByUser;
                    }
                }
            }
            TogglePressed => {
                next.mode = match self.toggle_action() {
                    ToggleAction::Start => Mode::Playing,
                    ToggleAction::Stop => Mode::StoppedByUser,
                };
            }
            Next | Previous => {
                // With fewer than two slides the shell shows no controls; nothing to move to.
                if self.count >= 2 {
                    next.index = if event == Next {
                        (self.index + 1) % self.count
                    } else {
                        self.index.checked_sub(1).unwrap_or(self.count - 1)
                    };
                    next.mode = Mode::StoppedByUser;
                }
            }
            PageHidden(hidden) => next.hidden = hidden,
            OnScreen(on_screen) => next.offscreen = !on_screen,
            ReducedMotion(on) => {
                if on != self.reduced_motion {
                    next.reduced_motion = on;
                    next.mode = match (on, self.mode) {
                        (true, Mode::Playing) => Mode::StoppedByReducedMotion,
                        (false, Mode::StoppedByReducedMotion) => Mode::Playing,
                        (_, mode) => mode,
                    };
                }
            }
            SlideCount(count) => {
                next.count = count;
                next.index = self.index.min(count.saturating_sub(1));
            }
            Replaced { count, index } => {
                next.count = count;
                next.index = index.min(count.saturating_sub(1));
            }
        }
        // A hold only matters while rotation is wanted; clearing it keeps states canonical
        // so that equal behaviour means equal values.
        if next.mode != Mode::Playing {
            next.focus_held = false;
        }
        next
    }

    /// Zero-based index of the visible slide (0 when there are no slides).
    pub fn index(&self) -> usize {
        self.index
    }

    /// Number of slides in the section.
    pub fn slide_count(&self) -> usize {
        self.count
    }

    /// True while the interval timer should run: rotation is on, not paused, and there are
    /// at least two slides.
    pub fn is_rotating(&self) -> bool {
        self.mode == Mode::Playing
            && self.count >= 2
            && !self.hovered
            && !self.hidden
            && !self.offscreen
    }

    /// True when rotation is stopped and only the rotation button (or, for a reduced-motion
    /// stop, the preference being switched off) restarts it; false when merely paused.
    pub fn is_stopped(&self) -> bool {
        self.mode != Mode::Playing
    }

    /// What the rotation button does if pressed now, for its label.
    pub fn toggle_action(&self) -> ToggleAction {
        if self.is_stopped() {
            ToggleAction::Start
        } else {
            ToggleAction::Stop
        }
    }

    /// `aria-live` for the slides: `"off"` while rotating so screen readers are not
    /// interrupted every few seconds, `"polite"` otherwise so manual changes are announced.
    pub fn live_politeness(&self) -> &'static str {
        if self.is_rotating() {
            "off"
        } else {
            "polite"
        }
    }
}

/// After a feed update replaced a section's headlines in place, the slide to show: the one
/// now holding the first headline of the slide the reader saw (`index` of `old`, cut into
/// slides of `per_slide`) that is still in `new`, so a reader who stopped rotation keeps
/// looking at the same headline. If none of them is left, the same slide number (clamped).
///
/// Headlines are compared by `K`, their feed `id`.
pub fn slide_after_update<K: PartialEq>(
    old: &[K],
    new: &[K],
    per_slide: usize,
    index: usize,
) -> usize {
    let per_slide = per_slide.max(1);
    let new_count = new.len().div_ceil(per_slide);
    let seen = old.chunks(per_slide).nth(index).unwrap_or(&[]);
    seen.iter()
        .find_map(|key| new.iter().position(|k| k == key))
        .map_or(index, |position| position / per_slide)
        .min(new_count.saturating_sub(1))
}

/// Stable keys for a sidebar's sections across feed updates: the title, with a count for
/// repeated titles (`"民生"`, `"民生#2"`), so a section keeps its rotation state when sections
/// are added, removed or reordered around it.
pub fn section_keys<'a>(titles: impl IntoIterator<Item = &'a str>) -> Vec<String> {
    let mut keys: Vec<String> = Vec::new();
    for title in titles {
        let mut key = title.to_owned();
        let mut n = 1;
        while keys.contains(&key) {
            n += 1;
            key = [title, "#", &n.to_string()].concat();
        }
        keys.push(key);
    }
    keys
}
