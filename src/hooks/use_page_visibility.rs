//! Whether the page is hidden (another tab, minimised), from `visibilitychange`.

use gloo_events::EventListener;
use yew::prelude::*;

fn page_hidden() -> bool {
    super::window()
        .and_then(|w| w.document())
        .is_some_and(|d| d.hidden())
}

/// `true` while the document is hidden. The listener on `document` is removed on unmount.
#[hook]
pub fn use_page_hidden() -> bool {
    let hidden = use_state_eq(page_hidden);
    {
        let hidden = hidden.clone();
        use_effect_with((), move |_| {
            let listener = web_sys::window().and_then(|w| w.document()).map(|d| {
                EventListener::new(&d, "visibilitychange", move |_| hidden.set(page_hidden()))
            });
            move || drop(listener)
        });
    }
    *hidden
}
