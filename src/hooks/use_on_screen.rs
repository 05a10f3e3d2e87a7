//! Whether an element is on screen, from an `IntersectionObserver` owned by the component.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, IntersectionObserver, IntersectionObserverEntry};
use yew::prelude::*;

/// `true` while any part of `node` intersects the viewport (assumed on screen until told).
#[hook]
pub fn use_on_screen(node: NodeRef) -> bool {
    let on_screen = use_state_eq(|| true);
    {
        let on_screen = on_screen.clone();
        use_effect_with(node, move |node| {
            let callback =
                Closure::<dyn FnMut(js_sys::Array)>::new(move |entries: js_sys::Array| {
                    // Only the latest entry matters when several arrive in one batch.
                    if let Some(entry) = entries.iter().last() {
                        let entry: IntersectionObserverEntry = entry.unchecked_into();
                        on_screen.set(entry.is_intersecting());
                    }
                });
            let observer = IntersectionObserver::new(callback.as_ref().unchecked_ref()).ok();
            if let (Some(observer), Some(element)) = (&observer, node.cast::<Element>()) {
                observer.observe(&element);
            }
            move || {
                if let Some(observer) = observer {
                    observer.disconnect();
                }
                drop(callback);
            }
        });
    }
    *on_screen
}
