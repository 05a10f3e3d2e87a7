//! Why a document could not be read as a feed, in words a publisher can act on.

use std::fmt;

/// A feed that cannot be shown at all. The [`Display`](fmt::Display) text is the message:
/// it names the problem and where it is (line and column for JSON syntax, a JSON path such
/// as `$.items[3].id` for structure).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FeedError {
    /// The bytes are not JSON. `message` is the parser's, ending in "at line L column C".
    NotJson {
        message: String,
        line: usize,
        column: usize,
    },
    /// Valid JSON, but not a JSON Feed document (no `items` array at the top level).
    NotAFeed { message: String },
    /// A part the reader needs has the wrong type, e.g. `$.items` is `null`.
    WrongType {
        /// JSON path of the offending value.
        path: String,
        /// What was there: "null", "a string", "an object", …
        found: &'static str,
        /// What the reader needs there.
        expected: &'static str,
    },
    /// `items` has entries, but none of them can be shown (no `id`, not objects, …).
    NoUsableItems { message: String },
}

impl fmt::Display for FeedError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FeedError::NotJson { message, .. } => write!(f, "not JSON: {message}"),
            FeedError::NotAFeed { message } => write!(f, "not a JSON Feed: {message}"),
            FeedError::WrongType {
                path,
                found,
                expected,
            } => write!(f, "{path} is {found}; expected {expected}"),
            FeedError::NoUsableItems { message } => write!(f, "no usable items: {message}"),
        }
    }
}

impl std::error::Error for FeedError {}
