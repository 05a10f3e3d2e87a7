//! The wasm instance as the loader drives it. Several widgets may share one instance
//! (static/news-widget.js), so a panic is reported for the whole instance, and an instance
//! that trapped is retired: wasm-bindgen swaps in a fresh instance of the same compiled
//! module on the next call into the glue, so nothing runs on a trapped instance's state again.

use std::cell::{Cell, RefCell};

use wasm_bindgen::prelude::*;

thread_local! {
    /// Where this instance reports a panic: the loader stops every widget it hosts.
    static ON_CRASH: RefCell<Option<js_sys::Function>> = const { RefCell::new(None) };
    /// Whether a widget was ever mounted here; a fresh instance has nothing to retire.
    static USED: Cell<bool> = const { Cell::new(false) };
}

/// Routes this instance's panics to `on_crash`. The loader passes the same callback for every
/// widget of an instance. Set through Yew, or its renderer replaces the hook on first render.
pub(crate) fn report_panics_to(on_crash: js_sys::Function) {
    USED.with(|used| used.set(true));
    ON_CRASH.with(|slot| *slot.borrow_mut() = Some(on_crash));
    yew::set_custom_panic_hook(Box::new(report_crash));
}

fn report_crash(info: &std::panic::PanicHookInfo<'_>) {
    ON_CRASH.with(|slot| {
        if let Ok(slot) = slot.try_borrow() {
            if let Some(on_crash) = slot.as_ref() {
                let _ = on_crash.call1(&JsValue::NULL, &JsValue::from_str(&info.to_string()));
            }
        }
    });
}

/// Retires this instance after it trapped (a panic, or any `WebAssembly.RuntimeError`): the
/// next call into the module runs in a fresh instance of the same compiled module, and the
/// trapped one (its memory, its widgets' state) becomes garbage. Returns `true` when a
/// restart was scheduled; the loader then calls once more, which runs in the fresh instance
/// (and returns `false`, since nothing was mounted there yet).
///
/// Uses wasm-bindgen's reinit machinery (`schedule_reinit`, hidden from its docs but public;
/// `Cargo.toml` pins wasm-bindgen exactly, so the glue it generates is known).
#[wasm_bindgen]
pub fn retire_instance() -> bool {
    let used = USED.with(Cell::get);
    if used {
        wasm_bindgen::handler::schedule_reinit();
    }
    used
}
