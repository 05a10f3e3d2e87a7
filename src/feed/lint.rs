//! What a validator says about a feed: [`report`] gathers the reader's verdict, its notes
//! and the warnings of [`lint`], for `newsctl validate` and the partner configurator alike,
//! so both show the same findings in the same words.
//!
//! [`lint`] is what the schema rejects but the widget tolerates (docs/feed-extension.md,
//! "Validating a feed"). None of it stops a feed from rendering, so none of it fails
//! `newsctl validate`. Read from the JSON itself, so every warning carries the JSON path the
//! publisher wrote. The key lists follow the extension's contract (`wire.rs` reads the same
//! keys).
//!
//! Built on the host and, with the `configurator` feature, into the configurator's wasm,
//! where the reader then keeps its notes too; never into the widget's.

use serde_json::{Map, Value};

use super::document::Version;
use super::{check_feed, normalise, FeedError, ReadOptions};
use crate::url_policy::safe_url;
use crate::view_model::Page;

/// A validator's findings for one document.
#[derive(Clone, Debug, PartialEq)]
pub struct Report {
    /// What the widget shows, when it can show the feed.
    pub page: Option<Page>,
    /// `article "…" (N blocks), S section(s), H headline(s)`, when it can.
    pub summary: Option<String>,
    /// The format the reader found and how many items it kept, when it can show the feed:
    /// a partner who pasted an RSS URL sees it was read as RSS, not guessed at.
    pub format: Option<FormatFound>,
    /// Why the widget cannot show the feed at all.
    pub error: Option<FeedError>,
    /// With `error`: every item the reader gave up on, and why.
    pub errors: Vec<String>,
    /// Without `error`: the reader's notes (items skipped, values ignored), then [`lint`]'s.
    pub warnings: Vec<String>,
}

/// Reads `bytes` as the widget does (relative URLs resolved as `options` say) and gathers
/// every finding, each starting with its JSON path where it has one.
pub fn report(bytes: &[u8], options: &ReadOptions) -> Report {
    match check_feed(bytes) {
        Err(rejected) => Report {
            page: None,
            summary: None,
            format: None,
            error: Some(rejected.error),
            errors: rejected.notes,
            warnings: Vec::new(),
        },
        Ok(feed) => {
            let page = normalise(&feed, options);
            let headlines: usize = page.sections.iter().map(|s| s.items.len()).sum();
            let article = page.article.as_ref().map_or("none".to_owned(), |a| {
                format!("\"{}\" ({} blocks)", a.title, a.blocks.len())
            });
            let summary = format!(
                "article {article}, {} section(s), {headlines} headline(s)",
                page.sections.len()
            );
            let format = FormatFound {
                name: format_name(&feed.version),
                items: feed.items.len(),
            };
            let mut warnings = feed.notes;
            warnings.extend(lint(bytes));
            Report {
                page: Some(page),
                summary: Some(summary),
                format: Some(format),
                error: None,
                errors: Vec::new(),
                warnings,
            }
        }
    }
}

/// What [`Report::format`] says: `RSS 2.0 · 20 items` (its `Display`, for newsctl; the
/// configurator words the count in its own language).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FormatFound {
    /// `RSS 2.0`, `RSS 1.0 (RDF)`, `Atom 1.0`, `JSON Feed 1.1`, …
    pub name: String,
    /// Items the reader kept (before any `max-headlines` cap).
    pub items: usize,
}

impl std::fmt::Display for FormatFound {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let unit = if self.items == 1 { "item" } else { "items" };
        write!(f, "{} · {} {unit}", self.name, self.items)
    }
}

/// The format as partners and their CMS name it. JSON Feed without a version it knows is
/// still read as JSON Feed, so it is named that, without a number.
fn format_name(version: &Version) -> String {
    match version {
        Version::Rss(number) if number.trim().is_empty() => "RSS".to_owned(),
        Version::Rss(number) => format!("RSS {}", number.trim()),
        Version::Rdf => "RSS 1.0 (RDF)".to_owned(),
        Version::Atom => "Atom 1.0".to_owned(),
        Version::V1 => "JSON Feed 1.0".to_owned(),
        Version::V1_1 => "JSON Feed 1.1".to_owned(),
        Version::Other(_) | Version::Missing => "JSON Feed".to_owned(),
    }
}

/// The keys of the JSON Feed 1.1 top-level object, and 1.0's `author` and `hubs`.
const FEED_KEYS: [&str; 14] = [
    "version",
    "title",
    "home_page_url",
    "feed_url",
    "description",
    "user_comment",
    "next_url",
    "icon",
    "favicon",
    "authors",
    "author",
    "language",
    "expired",
    "hubs",
];
const FEED_EXTENSION_KEYS: [&str; 2] = ["article", "sections"];
const SECTION_KEYS: [&str; 3] = ["title", "items", "summaries"];
const ITEM_EXTENSION_KEYS: [&str; 2] = ["source", "blocks"];
const TEXT_BLOCK_KEYS: [&str; 2] = ["type", "text"];
const FIGURE_KEYS: [&str; 7] = ["type", "src", "width", "height", "alt", "caption", "credit"];

/// Warnings for a document, each starting with its JSON path. Nothing for a document that
/// is not JSON or not an object: the reader's error says that.
pub fn lint(bytes: &[u8]) -> Vec<String> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let Ok(Value::Object(root)) = serde_json::from_slice::<Value>(bytes) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for key in root.keys() {
        if !key.starts_with('_') && key != "items" && !FEED_KEYS.contains(&key.as_str()) {
            out.push(format!(
                "$.{key} is not a JSON Feed key; expected a spec key, or an extension starting \
                 with \"_\" (ignored)"
            ));
        }
    }
    if let Some(Value::Object(extension)) = root.get("_news_widget") {
        feed_extension(extension, &mut out);
    }
    if let Some(Value::Array(items)) = root.get("items") {
        for (i, item) in items.iter().enumerate() {
            if let Some(Value::Object(extension)) = item.get("_news_widget") {
                item_extension(extension, &format!("$.items[{i}]._news_widget"), &mut out);
            }
        }
    }
    out
}

fn feed_extension(extension: &Map<String, Value>, out: &mut Vec<String>) {
    unknown_keys(extension, "$._news_widget", &FEED_EXTENSION_KEYS, out);
    if let Some(Value::Array(sections)) = extension.get("sections") {
        for (i, section) in sections.iter().enumerate() {
            if let Value::Object(section) = section {
                let path = format!("$._news_widget.sections[{i}]");
                unknown_keys(section, &path, &SECTION_KEYS, out);
            }
        }
    }
}

fn item_extension(extension: &Map<String, Value>, path: &str, out: &mut Vec<String>) {
    unknown_keys(extension, path, &ITEM_EXTENSION_KEYS, out);
    let Some(Value::Array(blocks)) = extension.get("blocks") else {
        return;
    };
    for (i, block) in blocks.iter().enumerate() {
        let Value::Object(block) = block else {
            continue;
        };
        let path = format!("{path}.blocks[{i}]");
        match block.get("type").and_then(Value::as_str) {
            Some("paragraph" | "heading") => unknown_keys(block, &path, &TEXT_BLOCK_KEYS, out),
            Some("figure") => figure(block, &path, out),
            Some(other) => out.push(format!(
                "{path}.type is {}; expected \"paragraph\", \"heading\" or \"figure\" (block \
                 skipped)",
                quoted(other)
            )),
            // A missing or non-string type is in the reader's notes.
            None => {}
        }
    }
}

fn figure(block: &Map<String, Value>, path: &str, out: &mut Vec<String>) {
    unknown_keys(block, path, &FIGURE_KEYS, out);
    let size = |key: &str| block.get(key).and_then(Value::as_u64).filter(|&n| n >= 1);
    let missing: Vec<&str> = ["width", "height"]
        .into_iter()
        .filter(|key| size(key).is_none())
        .collect();
    if !missing.is_empty() {
        out.push(format!(
            "{path} has no {}; expected the image's pixel size, which reserves its box before \
             it loads (the widget guesses a 16:9 box, and the page may jump)",
            missing.join(" or ")
        ));
    }
    if !block.contains_key("alt") {
        out.push(format!(
            "{path} has no alt; expected a text alternative (\"\" for a decorative image)"
        ));
    }
    if let Some(Value::String(src)) = block.get("src") {
        if safe_url(src, None).is_none() {
            out.push(format!(
                "{path}.src is {}; expected an http(s) or relative URL (image dropped, caption \
                 kept)",
                quoted(src)
            ));
        }
    }
}

fn unknown_keys(object: &Map<String, Value>, path: &str, known: &[&str], out: &mut Vec<String>) {
    for key in object.keys() {
        if !known.contains(&key.as_str()) {
            out.push(format!(
                "{path}.{key} is not a key the widget knows; expected one of {} (ignored)",
                known.join(", ")
            ));
        }
    }
}

/// A value in double quotes, cut so a pasted blob cannot flood the report.
fn quoted(value: &str) -> String {
    let mut shown: String = value.chars().take(60).collect();
    if shown.len() < value.len() {
        shown.push('…');
    }
    format!("{shown:?}")
}
