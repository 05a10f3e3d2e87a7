//! Whether a media query matches, kept current as the user changes the setting.

use gloo_events::EventListener;
use yew::prelude::*;

/// `true` while `query` matches; the listener lives as long as the component.
#[hook]
pub fn use_media_query(query: &'static str) -> bool {
    let list = use_memo((), move |_| {
        super::window().and_then(|w| w.match_media(query).ok().flatten())
    });
    let matches = use_state_eq(|| list.as_ref().as_ref().is_some_and(|l| l.matches()));
    {
        let matches = matches.clone();
        use_effect_with(list, move |list| {
            let listener = list.as_ref().as_ref().map(|list| {
                let target = list.clone();
                EventListener::new(list, "change", move |_| matches.set(target.matches()))
            });
            move || drop(listener)
        });
    }
    *matches
}
