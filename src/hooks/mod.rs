//! Hooks: effects that connect components to the browser. Every listener, observer and
//! timer here is owned by its effect and released when the component unmounts.

pub mod use_feed;
pub mod use_media_query;
pub mod use_on_screen;
pub mod use_page_visibility;
pub mod use_rotation;

/// The browser window, or `None` on the host: `newsctl render` runs these hooks there to
/// render HTML, where any call into a browser import would panic. (Yew runs no effects when
/// rendering to HTML, but state initialisers and memos do run.)
pub(crate) fn window() -> Option<web_sys::Window> {
    if cfg!(target_arch = "wasm32") {
        web_sys::window()
    } else {
        None
    }
}
