//! A JSON Feed document as read: typed, tolerant of what publishers actually send, and
//! still as the publisher wrote it (text not yet reduced, URLs not yet resolved).
//!
//! These are the reader's results; the serde types it deserializes into are in `wire.rs`.

use crate::timestamp::Timestamp;

/// Which format, and for JSON Feed which version, the document declares.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Version {
    /// RSS 2.0 or 0.9x (`<rss version="…">`), with the version as written ("" if none).
    Rss(String),
    /// RSS 1.0 or 0.90: `<rdf:RDF>`.
    Rdf,
    /// Atom 1.0: `<feed>`, in the Atom namespace or (sloppily) in none.
    Atom,
    /// `https://jsonfeed.org/version/1`, also written `http://…` or `"1"`/`"1.0"`.
    V1,
    /// `https://jsonfeed.org/version/1.1`, also written `http://…` or `"1.1"`.
    V1_1,
    /// Some other string; the document is still read.
    Other(String),
    /// No `version` key (or not a string); the document is still read.
    Missing,
}

/// A feed document. Only items with an `id` are kept; see [`Feed::notes`] for what was
/// skipped and why.
#[derive(Clone, Debug, PartialEq)]
pub struct Feed {
    /// The declared version; not enforced (a document with `items` is read regardless).
    pub version: Version,
    /// As written (may carry entities); empty when absent.
    pub title: String,
    /// As written; may be relative or unsafe (vetted when normalising).
    pub home_page_url: Option<String>,
    /// As written; may be relative or unsafe (vetted when normalising).
    pub feed_url: Option<String>,
    pub description: Option<String>,
    /// As written (`zh-CN`, `de-DE`, …).
    pub language: Option<String>,
    /// The feed's icon or logo (JSON Feed `icon`, RSS `<image><url>`, Atom `icon`/`logo`),
    /// as written.
    pub icon: Option<String>,
    /// `authors` (1.1) when it names anyone, else the 1.0 `author`.
    pub authors: Vec<Author>,
    pub items: Vec<Item>,
    /// The feed-level `_news_widget` object, if present and an object.
    pub extension: Option<FeedExtension>,
    /// What the reader skipped or ignored, each with its JSON path, for validators. Always
    /// empty in the widget's wasm, where nothing reads them (they cost wasm bytes); kept in
    /// the configurator's (the `configurator` feature).
    pub notes: Vec<String>,
}

/// One item with a usable, unique `id`.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Item {
    /// Always non-empty; numbers are coerced to their decimal text.
    pub id: String,
    /// As written; resolved and vetted when normalising. Preferred over `external_url`.
    pub url: Option<String>,
    pub external_url: Option<String>,
    /// As written; a non-string title counts as absent. May carry entities and markup.
    pub title: Option<String>,
    /// Untrusted HTML; only ever reduced to text.
    pub content_html: Option<String>,
    pub content_text: Option<String>,
    pub summary: Option<String>,
    /// From a string, or from the `url` of an object (a common generator mistake).
    pub image: Option<String>,
    pub banner_image: Option<String>,
    /// `None` when absent or not a date the reader understands (then noted).
    pub date_published: Option<Timestamp>,
    pub date_modified: Option<Timestamp>,
    /// `authors` when it names anyone, else `author`; empty means "the feed's authors".
    pub authors: Vec<Author>,
    /// Non-blank string tags, in order.
    pub tags: Vec<String>,
    pub language: Option<String>,
    /// Attachments that have a URL, in order.
    pub attachments: Vec<Attachment>,
    /// The item-level `_news_widget` object, if present and an object.
    pub extension: Option<ItemExtension>,
    /// Where relative URLs in this item's content resolve when that is not its `url`: an
    /// RSS/Atom `xml:base` in effect on the content, resolved as far as the document allows.
    /// Always `None` for JSON Feed.
    pub content_base: Option<String>,
}

/// An author; at least one field is present.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Author {
    pub name: Option<String>,
    pub url: Option<String>,
    pub avatar: Option<String>,
}

/// A related resource of an item (a podcast episode, a PDF), as written.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Attachment {
    /// As written; vetted when used.
    pub url: String,
    pub mime_type: Option<String>,
    pub title: Option<String>,
}

/// The feed-level `_news_widget` object (see docs/feed-extension.md).
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct FeedExtension {
    /// Id of the item to show as the article.
    pub article: Option<String>,
    /// `None` when absent: the default single section applies.
    pub sections: Option<Vec<SectionSpec>>,
}

/// One sidebar section as the publisher declared it.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct SectionSpec {
    pub title: String,
    /// Item ids in display order; unknown ids are skipped when normalising.
    pub items: Vec<String>,
    pub summaries: bool,
}

/// The item-level `_news_widget` object.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct ItemExtension {
    /// The article's source line, as written.
    pub source: Option<String>,
    /// `None` when absent: the body comes from the standard content fields.
    pub blocks: Option<Vec<BlockSpec>>,
}

/// A structured body block; unknown block types are skipped when reading.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum BlockSpec {
    /// Plain text, as written.
    Paragraph(String),
    /// Plain text, as written.
    Heading(String),
    Figure {
        /// As written; resolved and vetted when normalising.
        src: Option<String>,
        /// Positive integers only (`640`, `640.0` and `"640"` count).
        width: Option<u32>,
        height: Option<u32>,
        alt: String,
        caption: String,
        credit: Option<String>,
    },
}
