//! Entry point of the wasm bundle. The loader (static/news-widget.js) defines the
//! `<news-widget>` element and calls the exported `mount` for each one (and
//! `retire_instance` after a trap); nothing runs at start-up, so the module costs nothing
//! until an element appears.

#[cfg(target_arch = "wasm32")]
pub use news_widget::embed::{mount, WidgetHandle};
#[cfg(target_arch = "wasm32")]
pub use news_widget::instance::retire_instance;

fn main() {}
