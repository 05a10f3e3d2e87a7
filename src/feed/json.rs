//! Small helpers for walking untyped JSON: type names for messages, tolerant field access,
//! and id coercion. Values are taken out of their objects (not cloned): a 5,000-item feed
//! should not be copied twice.

use super::value::{Map, Value};

/// "null", "a string", … for messages like "`$.items` is null; expected …".
pub(super) fn kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// Notes about skipped or ignored values, each naming its JSON path.
///
/// Collected on the host, where validators and tests read them; in the browser nobody does
/// (the widget never shows them), so there they are not even formatted: that keeps about
/// half a kilobyte of message code out of the wasm (docs/size.md).
#[derive(Default)]
pub(super) struct Notes(pub(super) Vec<String>);

impl Notes {
    pub(super) fn note(&mut self, message: impl FnOnce() -> String) {
        if cfg!(not(target_arch = "wasm32")) {
            self.0.push(message());
        }
    }

    pub(super) fn ignored(&mut self, path: &str, key: &str, value: &Value, expected: &str) {
        self.note(|| {
            format!(
                "{path}.{key} is {}; expected {expected} (ignored)",
                kind(value)
            )
        });
    }
}

/// An id from a string or number; `Err(kind)` for anything else, `Ok(None)` when absent,
/// null or blank.
pub(super) fn id_text(value: Option<&Value>) -> Result<Option<String>, &'static str> {
    match value {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) if s.trim().is_empty() => Ok(None),
        Some(Value::String(s)) => Ok(Some(s.clone())),
        // Decimal text: `1` → "1", `1.9999999999999999e2` → "200" (integral floats print
        // without a fraction, as feed readers expect).
        Some(Value::Number(n)) => Ok(Some(n.text())),
        Some(other) => Err(kind(other)),
    }
}

/// Takes a string field; blank strings count as absent, other types are noted and ignored.
pub(super) fn take_string(
    object: &mut Map,
    key: &str,
    path: &str,
    notes: &mut Notes,
) -> Option<String> {
    match object.remove(key)? {
        Value::String(s) if s.trim().is_empty() => None,
        Value::String(s) => Some(s),
        Value::Null => None,
        other => {
            notes.ignored(path, key, &other, "a string");
            None
        }
    }
}
