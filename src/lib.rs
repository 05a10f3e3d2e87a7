//! news-widget: an embeddable news widget.
//!
//! The pure core (feed reading, normalisation, text, URLs, times, rotation, configuration,
//! UI strings) has no DOM access and is tested on the host. The shell (components, hooks,
//! fetch, embedding) is tested in real browsers; its components and hooks also build on the
//! host, where `newsctl render` renders them to HTML (Yew's `ssr` feature, host only).

pub mod config;
// Not in the widget's wasm build at all, so its bytes stay exactly what they were.
#[cfg(any(not(target_arch = "wasm32"), feature = "configurator"))]
pub mod configurator;
pub mod feed;
pub mod i18n;
pub mod layout;
pub mod network;
pub mod plain_text;
pub mod rich_text;
pub mod rotation;
pub mod script_language;
pub mod timestamp;
pub mod url_policy;
pub mod view_model;

pub mod components;
#[cfg(target_arch = "wasm32")]
pub mod embed;
pub mod fetch;
pub mod hooks;
#[cfg(target_arch = "wasm32")]
pub mod instance;
#[cfg(not(target_arch = "wasm32"))]
pub mod prerender;
pub mod storage;

// talc rather than Rust's default dlmalloc: smaller in the wasm and faster (docs/size.md).
// Single-threaded wasm only, which is what the widget is built for.
#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();
