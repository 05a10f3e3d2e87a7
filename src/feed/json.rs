//! Small helpers for walking untyped JSON: type names for messages, tolerant field access,
//! and id coercion. Values are taken out of their objects (not cloned): a 5,000-item feed
//! should not be copied twice.

use std::fmt;

use super::value::{Map, Number, Value};

/// Where a value is, as a JSON path; formatted only when a note or error is written, so
/// clean feeds allocate no paths.
#[derive(Clone, Copy)]
pub(super) enum Path<'a> {
    Root,
    Item(usize),
    Other(&'a str),
}

impl fmt::Display for Path<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Path::Root => f.write_str("$"),
            Path::Item(index) => write!(f, "$.items[{index}]"),
            Path::Other(path) => f.write_str(path),
        }
    }
}

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
/// Collected on the host, where the validator and the tests read them; in the browser
/// nobody does (the widget never shows them), so there they are not even formatted, which
/// keeps their message code out of the wasm (docs/size.md).
#[derive(Default)]
pub(super) struct Notes(pub(super) Vec<String>);

impl Notes {
    pub(super) fn note(&mut self, message: impl FnOnce() -> String) {
        if cfg!(not(target_arch = "wasm32")) {
            self.0.push(message());
        }
    }

    pub(super) fn ignored(&mut self, path: Path<'_>, key: &str, value: &Value, expected: &str) {
        self.note(|| {
            format!(
                "{path}.{key} is {}; expected {expected} (ignored)",
                kind(value)
            )
        });
    }
}

/// Decimal text of a JSON number used as an id: `1` → "1", `1.9999999999999999e2` → "200".
///
/// Integral floats are what encoders that only have doubles write for integer ids. Other
/// floats (`1.5`) are not ids anyone relies on, and printing them would bring the float
/// formatter into the wasm bundle, so they give `None`.
pub(super) fn number_text(n: &Number) -> Option<String> {
    // Beyond 2^53 a double no longer holds every integer, so the text would be invented.
    const EXACT: f64 = 9_007_199_254_740_992.0;
    match *n {
        Number::PosInt(u) => Some(u.to_string()),
        Number::NegInt(i) => Some(i.to_string()),
        Number::Float(f) => (f.fract() == 0.0 && f.abs() <= EXACT).then(|| (f as i64).to_string()),
    }
}

/// An id from a string or number; `Err(description)` for anything else, `Ok(None)` when
/// absent, null or blank.
pub(super) fn id_text(value: Option<&Value>) -> Result<Option<String>, &'static str> {
    match value {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) if s.trim().is_empty() => Ok(None),
        Some(Value::String(s)) => Ok(Some(s.clone())),
        Some(Value::Number(n)) => number_text(n).map(Some).ok_or("a non-integer number"),
        Some(other) => Err(kind(other)),
    }
}

/// Takes a value out of an object, leaving `null` behind (the object is dropped whole
/// afterwards, so removing the member would be wasted work).
pub(super) fn take(object: &mut Map, key: &str) -> Option<Value> {
    object.take(key)
}

/// Takes a string field; blank strings count as absent, other types are noted and ignored.
pub(super) fn take_string(
    object: &mut Map,
    key: &str,
    path: Path<'_>,
    notes: &mut Notes,
) -> Option<String> {
    match take(object, key)? {
        Value::String(s) if s.trim().is_empty() => None,
        Value::String(s) => Some(s),
        Value::Null => None,
        other => {
            notes.ignored(path, key, &other, "a string");
            None
        }
    }
}
