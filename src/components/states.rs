//! Loading, empty and error states.
//!
//! Plain functions rather than components: they keep no state, and every component type
//! costs about 0.4 kB brotli of Yew lifecycle code in the wasm (docs/size.md).

use yew::prelude::*;

use crate::i18n::Lang;

#[derive(Properties, PartialEq)]
pub struct StateProps {
    pub lang: Lang,
}

/// A skeleton in the final layout's shape, so nothing jumps when the article arrives.
pub fn loading(props: &StateProps) -> Html {
    html! {
        <div class="nw-layout nw-skeleton" part="skeleton" role="status" aria-busy="true">
            <div class="nw-skeleton">
                <span class="nw-visually-hidden">{ props.lang.strings().loading }</span>
                <div class="nw-skeleton-line nw-wide"></div>
                <div class="nw-skeleton-line"></div>
                <div class="nw-skeleton-line"></div>
                <div class="nw-skeleton-box"></div>
                <div class="nw-skeleton-line"></div>
            </div>
            <div class="nw-skeleton">
                <div class="nw-skeleton-line nw-wide"></div>
                <div class="nw-skeleton-line"></div>
                <div class="nw-skeleton-line"></div>
            </div>
        </div>
    }
}

pub fn empty(props: &StateProps) -> Html {
    html! {
        <div class="nw-status" part="empty" role="status">{ props.lang.strings().empty }</div>
    }
}

#[derive(Properties, PartialEq)]
pub struct ErrorStateProps {
    pub lang: Lang,
    pub message: AttrValue,
    pub onretry: Callback<()>,
}

pub fn error_state(props: &ErrorStateProps) -> Html {
    let strings = props.lang.strings();
    let onclick = props.onretry.reform(|_: MouseEvent| ());
    html! {
        <div class="nw-status nw-error" part="error" role="alert">
            <p class="nw-error-title">{ strings.error_title }</p>
            <p class="nw-error-message">{ &props.message }</p>
            <button type="button" {onclick}>{ strings.retry }</button>
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct StaleProps {
    pub lang: Lang,
    /// Why the content may be out of date (the failure's message), shown on hover.
    pub message: AttrValue,
}

/// The unobtrusive mark under content kept after a failed update: a short visible text, a
/// full sentence for assistive technology, the failure itself as a tooltip. It comes after
/// the content, so adding or removing it moves nothing the reader is looking at.
pub fn stale_mark(props: &StaleProps) -> Html {
    let strings = props.lang.network_strings();
    html! {
        <p class="nw-stale" part="stale" role="status" title={props.message.clone()}>
            <span aria-hidden="true">{ strings.stale }</span>
            <span class="nw-visually-hidden">{ strings.stale_label }</span>
        </p>
    }
}
