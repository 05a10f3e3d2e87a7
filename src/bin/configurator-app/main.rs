//! Entry point of the partner configurator (`configurator.html`), a Yew app of its own: it
//! is built into its own wasm (`configurator-app_bg.wasm`, with the `configurator` feature so
//! the reader keeps its notes), so the widget's bundle does not carry a byte of it.
//! Its logic is in `news_widget::configurator` (tested on the host); this is the page.

#[cfg(target_arch = "wasm32")]
mod app;
#[cfg(target_arch = "wasm32")]
mod check;

#[cfg(target_arch = "wasm32")]
fn main() {
    let root = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("configurator"));
    if let Some(root) = root {
        yew::Renderer::<app::App>::with_root(root).render();
    }
}

/// Host builds (`cargo clippy --all-targets`, `cargo test`) get an empty program: the page
/// exists only in the browser.
#[cfg(not(target_arch = "wasm32"))]
fn main() {}
