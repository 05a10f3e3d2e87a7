//! One headline section as a W3C APG carousel: slides of headlines, a rotate/stop button
//! first in tab order, previous/next, "n / m" labels. All slides stay in the DOM; only the
//! current one is shown, so every headline is there for search and assistive technology.

use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::components::navigate::{navigate_on_click, NavigateRequest};
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

    html! {
        <section ref={section_ref} class="nw-section" part="section"
            aria-labelledby={title_id.clone()}
            aria-roledescription={carousel.then_some(strings.carousel)}
            onpointerenter={send(&rotation.send, RotationEvent::PointerEnter)}
            onpointerleave={send(&rotation.send, RotationEvent::PointerLeave)}
            onfocusin={send(&rotation.send, RotationEvent::FocusIn)}
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
            <div class="nw-slides" aria-live={if carousel { state.live_politeness() } else { "off" }}>
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
    let title = match &item.url {
        Some(url) => {
            let onclick = navigate_on_click(&props.onnavigate, url, &item.title);
            let new_tab = props.target == LinkTarget::NewTab;
            html! {
                <a class="nw-item-title" dir="auto" href={url.clone()} {onclick}
                    target={new_tab.then_some("_blank")}
                    rel={new_tab.then_some("noopener noreferrer")}>{ &item.title }</a>
            }
        }
        None => html! { <span class="nw-item-title" dir="auto">{ &item.title }</span> },
    };
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
