//! One headline section as a W3C APG carousel: slides of headlines, a rotate/stop button
//! first in tab order, previous/next, "n / m" labels. All slides stay in the DOM; only the
//! current one is shown, so every headline is there for search and assistive technology.

use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::components::navigate::{headline_title, NavigateRequest, ReadRequest};
use crate::config::LinkTarget;
use crate::hooks::use_rotation::use_rotation;
use crate::i18n::Lang;
use crate::rotation::RotationEvent;
use crate::view_model::{Headline, Section};

/// Headlines per slide: fewer when summaries make each one tall.
fn per_slide(section: &Section) -> usize {
    if section.show_summaries {
        4
    } else {
        5
    }
}

#[derive(Properties, PartialEq)]
pub struct HeadlineSectionProps {
    pub section: Section,
    pub lang: Lang,
    pub interval_ms: u32,
    pub target: LinkTarget,
    pub id: AttrValue,
    pub onnavigate: Callback<NavigateRequest, bool>,
    /// Opens a readable headline's story in the article pane (`page` layout), if given.
    #[prop_or_default]
    pub onread: Option<Callback<ReadRequest>>,
}

#[function_component]
pub fn HeadlineSection(props: &HeadlineSectionProps) -> Html {
    let strings = props.lang.strings();
    let section = &props.section;
    let slides: Vec<&[Headline]> = section.items.chunks(per_slide(section)).collect();
    let node = use_node_ref();
    let ids = section.items.iter().map(|item| item.id.clone()).collect();
    let rotation = use_rotation(ids, per_slide(section), props.interval_ms, node.clone());
    let section_ref = node.clone();
    let state = rotation.state;
    let title_id = format!("{}-title", props.id);
    let carousel = slides.len() > 1;
    let swipe = Swipe::new(use_mut_ref(|| None), rotation.send.clone(), carousel);

    html! {
        <section ref={section_ref} class="nw-section" part="section"
            aria-labelledby={title_id.clone()}
            aria-roledescription={carousel.then_some(strings.carousel)}
            onpointerenter={send(&rotation.send, RotationEvent::PointerEnter)}
            onpointerleave={send(&rotation.send, RotationEvent::PointerLeave)}
            onfocusin={keyboard_focus_in(&rotation.send)}
            onfocusout={focus_left(&rotation.send, node.clone())}>
            <div class="nw-section-head">
                <h2 class="nw-section-title" id={title_id} dir="auto">{ &section.title }</h2>
                if carousel {
                    <div class="nw-controls" part="controls">
                        <button type="button" class="nw-toggle"
                            onclick={send(&rotation.send, RotationEvent::TogglePressed)}>
                            { strings.toggle_label(state.toggle_action()) }
                        </button>
                        <button type="button" aria-label={strings.previous_slide}
                            onclick={send(&rotation.send, RotationEvent::Previous)}>{ "‹" }</button>
                        <span aria-hidden="true">{ strings.slide_label(state.index() + 1, slides.len()) }</span>
                        <button type="button" aria-label={strings.next_slide}
                            onclick={send(&rotation.send, RotationEvent::Next)}>{ "›" }</button>
                    </div>
                }
            </div>
            <div class="nw-slides" aria-live={if carousel { state.live_politeness() } else { "off" }}
                onpointerdown={swipe.start()} onpointerup={swipe.end()}
                onpointercancel={swipe.cancel()}>
                { for slides.iter().enumerate().map(|(i, items)| html! {
                    <div class="nw-slide" key={i}
                        role={carousel.then_some("group")}
                        aria-roledescription={carousel.then_some(strings.slide)}
                        aria-label={carousel.then(|| strings.slide_label(i + 1, slides.len()))}
                        hidden={carousel && i != state.index()}>
                        <ul>
                            { for items.iter().map(|item| headline(item, section.show_summaries, props)) }
                        </ul>
                    </div>
                }) }
            </div>
        </section>
    }
}

/// A DOM event handler that sends `event` to the rotation machine.
fn send<E: 'static>(machine: &Callback<RotationEvent>, event: RotationEvent) -> Callback<E> {
    machine.reform(move |_: E| event)
}

/// `FocusIn` only for keyboard focus (`:focus-visible`), as rotation.rs requires: a tap or
/// a click focuses what it hits too, and must not stop the rotation for good.
fn keyboard_focus_in(machine: &Callback<RotationEvent>) -> Callback<FocusEvent> {
    let machine = machine.clone();
    Callback::from(move |event: FocusEvent| {
        let keyboard = event
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .is_some_and(|target| target.matches(":focus-visible").unwrap_or(true));
        if keyboard {
            machine.emit(RotationEvent::FocusIn);
        }
    })
}

/// A horizontal swipe (touch or pen) moves one slide, like Previous / Next: far enough
/// sideways and more sideways than down, so a vertical scroll never turns a slide. The
/// slides have `touch-action: pan-y`, so the browser keeps vertical scrolling and leaves
/// horizontal moves to this.
struct Swipe {
    start: std::rc::Rc<std::cell::RefCell<Option<(i32, i32)>>>,
    machine: Callback<RotationEvent>,
    enabled: bool,
}

/// Sideways distance, in CSS pixels, a finger must travel to turn a slide.
const SWIPE_MIN_PX: i32 = 40;

impl Swipe {
    fn new(
        start: std::rc::Rc<std::cell::RefCell<Option<(i32, i32)>>>,
        machine: Callback<RotationEvent>,
        enabled: bool,
    ) -> Self {
        Swipe {
            start,
            machine,
            enabled,
        }
    }

    fn start(&self) -> Callback<PointerEvent> {
        let (start, enabled) = (self.start.clone(), self.enabled);
        Callback::from(move |event: PointerEvent| {
            *start.borrow_mut() = (enabled && event.pointer_type() != "mouse")
                .then(|| (event.client_x(), event.client_y()));
        })
    }

    fn cancel(&self) -> Callback<PointerEvent> {
        let start = self.start.clone();
        Callback::from(move |_| *start.borrow_mut() = None)
    }

    fn end(&self) -> Callback<PointerEvent> {
        let (start, machine) = (self.start.clone(), self.machine.clone());
        Callback::from(move |event: PointerEvent| {
            let Some((x, y)) = start.borrow_mut().take() else {
                return;
            };
            let (dx, dy) = (event.client_x() - x, event.client_y() - y);
            if dx.abs() < SWIPE_MIN_PX || dx.abs() * 2 < dy.abs() * 3 {
                return;
            }
            // Slides follow the reading direction: in right-to-left text the next one
            // comes from the left.
            let rtl = event
                .current_target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                .is_some_and(|e| e.matches(":dir(rtl)").unwrap_or(false));
            let forward = (dx < 0) != rtl;
            machine.emit(if forward {
                RotationEvent::Next
            } else {
                RotationEvent::Previous
            });
        })
    }
}

/// `FocusOut` only when focus leaves the section, not when it moves between its controls.
fn focus_left(machine: &Callback<RotationEvent>, section: NodeRef) -> Callback<FocusEvent> {
    let machine = machine.clone();
    Callback::from(move |event: FocusEvent| {
        let inside = event
            .related_target()
            .and_then(|t| t.dyn_into::<web_sys::Node>().ok())
            .zip(section.get())
            .is_some_and(|(target, section)| section.contains(Some(&target)));
        if !inside {
            machine.emit(RotationEvent::FocusOut);
        }
    })
}

fn headline(item: &Headline, show_summary: bool, props: &HeadlineSectionProps) -> Html {
    let title = headline_title(item, props.target, &props.onnavigate, props.onread.as_ref());
    html! {
        <li key={item.id.clone()}>
            { title }
            if show_summary {
                if let Some(summary) = &item.summary {
                    <p class="nw-summary" dir="auto">{ summary }</p>
                }
            }
        </li>
    }
}
