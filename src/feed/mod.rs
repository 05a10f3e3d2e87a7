//! The feed reader: JSON Feed 1.0/1.1 bytes in, [`Page`] out.
//!
//! Two steps, each usable alone: [`parse_feed`] reads the document with serde_json into a
//! typed [`Feed`] following the spec's rules for readers (and the `_news_widget` extension);
//! [`normalise`] turns that into the view model, with plain text and safe URLs only.
//! [`read_page`] does both and is what the widget calls.
//!
//! Pure Rust, no DOM: everything here is tested on the host.

pub mod charset;
// newsctl convert; never in the wasm.
#[cfg(not(target_arch = "wasm32"))]
pub mod convert;
mod document;
mod error;
mod extension;
mod lenient;
// Host (newsctl, tests) and the configurator's wasm; never the widget's.
#[cfg(any(not(target_arch = "wasm32"), feature = "configurator"))]
pub mod lint;
mod normalise;
mod notes;
mod reader;
pub mod sniff;
mod wire;
mod xml;

pub use document::{
    Attachment, Author, BlockSpec, Feed, FeedExtension, Item, ItemExtension, SectionSpec, Version,
};
pub use error::FeedError;
pub use normalise::normalise;
pub use reader::{check_feed, parse_feed, Rejected};

use crate::view_model::Page;

/// How to read a feed for one widget instance.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ReadOptions<'a> {
    /// The URL the feed was fetched from, ideally absolute; relative URLs in the feed
    /// resolve against it. A relative one (`/news/feed.json`) still places relative paths
    /// beside the feed. Without it, item links fall back to the feed's own absolute
    /// `feed_url`/`home_page_url`, and other relative URLs stay relative (the browser
    /// resolves them against the page).
    pub base_url: Option<&'a str>,
    /// Show this item as the article instead of the feed's choice; an id the feed does not
    /// have falls back to the feed's choice.
    pub article_id: Option<&'a str>,
    /// At most this many headlines per section.
    pub max_headlines: Option<usize>,
    /// The default section (a feed without declared sections) holds every item, the
    /// article's too: for layouts that show no article.
    pub every_item: bool,
}

/// Reads a JSON Feed document into the page the widget renders.
///
/// `Err` only when nothing can be shown: the bytes are not JSON, the JSON is not a JSON
/// Feed, or it has items and none is usable. The error's text says what and where. A feed
/// with `"items": []` is `Ok`, with no article and no sections (the empty state).
pub fn read_page(bytes: &[u8], options: &ReadOptions) -> Result<Page, FeedError> {
    parse_feed(bytes).map(|feed| normalise(&feed, options))
}
