//! RSS 2.0 / 0.9x, RSS 1.0 (RDF) and Atom 1.0 into the same [`Feed`] the JSON Feed reader
//! makes, so everything after the reader is the same for every format.
//!
//! [`tree`] reads the XML (quick-xml, under the reader's limits), [`rss`] and [`atom`] map
//! its elements, [`dates`] reads the dates feeds write, [`items`] holds the rules shared by
//! both mappers (ids, authors, images). A damaged part of an item is a note naming it by an
//! XPath-like path (`/rss/channel/item[3]/pubDate`); only a document with nothing to show
//! is an error.

mod atom;
mod dates;
mod items;
mod rss;
mod text;
mod tree;

use super::document::Feed;
use super::error::FeedError;
use super::notes::Notes;
use super::sniff::Format;
use crate::network::retry::POLICY;

/// Reads an XML document that [`sniff`](super::sniff::sniff) judged to be `format`.
///
/// The bytes are UTF-8 (decoded by the caller from whatever the feed declared; a declared
/// `encoding` is not looked at again). Malformed UTF-8 becomes U+FFFD rather than an error.
pub(super) fn read(bytes: &[u8], format: &Format, notes: &mut Notes) -> Result<Feed, FeedError> {
    let limit = POLICY.max_body_bytes;
    if bytes.len() as u64 > limit {
        return Err(FeedError::TooLarge {
            bytes: bytes.len(),
            limit_bytes: limit,
        });
    }
    match format {
        Format::Html => {
            return Err(FeedError::HtmlPage {
                message: "the document is a web page (<html>)".to_owned(),
            })
        }
        Format::Xml { root } => return Err(not_a_feed(root)),
        Format::JsonFeed | Format::Rss | Format::Rdf | Format::Atom => {}
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text = String::from_utf8_lossy(bytes);
    let document = tree::parse(&text)?;
    if !document.declared_entities.is_empty() {
        notes.note(|| {
            let mut names = document.declared_entities.clone();
            names.truncate(5);
            format!(
                "the doctype declares entities ({}); they are not expanded, and their \
                 references are left out (ignored)",
                names.join(", ")
            )
        });
    }
    let root = &document.root;
    use tree::Ns;
    if root.is(Ns::Plain, "rss") {
        rss::read(root, rss::Kind::Rss, notes)
    } else if root.is(Ns::Rdf, "RDF") {
        rss::read(root, rss::Kind::Rdf, notes)
    } else if root.name == "feed" && matches!(root.ns, Ns::Atom | Ns::Plain) {
        atom::read(root, notes)
    } else if root.name.eq_ignore_ascii_case("html") {
        Err(FeedError::HtmlPage {
            message: format!("the root element is <{}>", root.name),
        })
    } else {
        Err(not_a_feed(&root.name))
    }
}

/// What a document that is XML but no feed is, in its own words.
fn not_a_feed(root: &str) -> FeedError {
    let shown: String = root.chars().take(40).filter(|c| !c.is_control()).collect();
    let known = match shown.as_str() {
        "urlset" | "sitemapindex" => " (a sitemap)",
        "opml" => " (an OPML list of feeds; point the widget at one of its feeds)",
        "svg" => " (an SVG image)",
        _ => "",
    };
    let message = if shown.is_empty() {
        "no root element found".to_owned()
    } else {
        format!("the root element is <{shown}>{known}; expected <rss>, <rdf:RDF> or <feed>")
    };
    FeedError::NotXmlFeed { message }
}
