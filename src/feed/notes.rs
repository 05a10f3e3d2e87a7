//! What the reader skipped or ignored, each note naming its JSON path.

use std::fmt;

use super::lenient::{Field, Kind};

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

/// Notes about skipped or ignored values.
///
/// Collected on the host, where the validator and the tests read them, and in the
/// configurator's wasm (the `configurator` feature), which shows them; in the widget nobody
/// does, so there they are not even formatted, which keeps their message code out of its
/// wasm (docs/size.md).
#[derive(Default)]
pub(super) struct Notes(pub(super) Vec<String>);

impl Notes {
    pub(super) fn note(&mut self, message: impl FnOnce() -> String) {
        if cfg!(any(not(target_arch = "wasm32"), feature = "configurator")) {
            self.0.push(message());
        }
    }

    pub(super) fn ignored(&mut self, path: Path<'_>, key: &str, kind: Kind, expected: &str) {
        self.note(|| {
            format!(
                "{path}.{key} is {}; expected {expected} (ignored)",
                kind.described()
            )
        });
    }

    /// A string member: blank strings count as absent, other types are noted and ignored.
    pub(super) fn string(
        &mut self,
        field: Field<String>,
        path: Path<'_>,
        key: &str,
    ) -> Option<String> {
        match field {
            Field::Value(text) if !text.trim().is_empty() => Some(text),
            Field::Wrong(kind) => {
                self.ignored(path, key, kind, "a string");
                None
            }
            _ => None,
        }
    }
}
