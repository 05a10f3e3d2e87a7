//! Why a document could not be read as a feed, in words a publisher can act on.

use std::fmt;

/// A feed that cannot be shown at all. The [`Display`](fmt::Display) text is the message:
/// it names the problem and where it is (line and column for JSON or XML syntax, a JSON path
/// such as `$.items[3].id` or an XPath-like path such as `/rss/channel/item[3]` for
/// structure).
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
    /// Markup, but not well-formed XML (an unclosed tag, nesting too deep, a broken
    /// attribute). `message` ends in "at line L column C".
    NotXml {
        message: String,
        line: usize,
        column: usize,
    },
    /// Well-formed XML whose root is not RSS, RDF or Atom (a sitemap, an XHTML page, …);
    /// `message` names the root element found.
    NotXmlFeed { message: String },
    /// An HTML page where a feed was expected (a login wall, a 404 page answered with 200).
    HtmlPage { message: String },
    /// Larger than the widget reads (the fetch's cap, applied to files too).
    TooLarge { bytes: usize, limit_bytes: u64 },
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
            FeedError::NotXml { message, .. } => write!(f, "not well-formed XML: {message}"),
            FeedError::NotXmlFeed { message } => write!(f, "not an RSS or Atom feed: {message}"),
            FeedError::HtmlPage { message } => write!(f, "an HTML page, not a feed: {message}"),
            FeedError::TooLarge { bytes, limit_bytes } => write!(
                f,
                "the document is {bytes} bytes; feeds are read up to {limit_bytes} bytes"
            ),
        }
    }
}

impl std::error::Error for FeedError {}
