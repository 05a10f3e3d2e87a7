//! Rules both mappers share: ids, repeated ids, authors, images, `xml:base`, dates.

use std::collections::HashSet;
use std::fmt;

use super::super::document::{Attachment, Author, Item};
use super::super::notes::Notes;
use super::dates::parse_date;
use super::tree::{Element, Ns};
use crate::plain_text::{clean_line, excerpt};
use crate::timestamp::Timestamp;
use crate::url_policy::safe_url;

/// The base in effect inside `element`: its `xml:base` resolved against `parent`'s, else
/// `parent`'s. `None` while no `xml:base` was seen (links then resolve as JSON Feed's do:
/// against the item, the feed URL).
pub(super) fn base_in(element: &Element, parent: Option<&str>) -> Option<String> {
    match element.attr_in(Ns::Xml, "base").map(str::trim) {
        Some(base) if !base.is_empty() => {
            safe_url(base, parent).or_else(|| parent.map(str::to_owned))
        }
        _ => parent.map(str::to_owned),
    }
}

/// A link as written (trimmed), resolved against `base` when there is one.
pub(super) fn link(written: &str, base: Option<&str>) -> Option<String> {
    let written = written.trim();
    if written.is_empty() {
        return None;
    }
    Some(
        base.and_then(|base| safe_url(written, Some(base)))
            .unwrap_or_else(|| written.to_owned()),
    )
}

/// An id for an item that has neither `guid`/`id` nor a link: a hash of what it says, so
/// the same item keeps its id from one refresh to the next (the rotation and the `article`
/// attribute key on it).
pub(super) fn content_id(item: &Item) -> String {
    // FNV-1a: stable across builds and platforms, unlike the standard library's hasher.
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    let parts = [
        &item.title,
        &item.content_html,
        &item.content_text,
        &item.summary,
    ];
    for part in parts.into_iter().flatten() {
        for byte in part.bytes().chain([0]) {
            hash = (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3);
        }
    }
    format!("urn:news-widget:item:{hash:016x}")
}

/// Where an item is, as its notes name it (`/rss/channel/item[3]`): formatted only when a
/// note is written, so clean feeds (and the widget, which keeps no notes) build no paths.
#[derive(Clone, Copy)]
pub(super) struct ItemPath {
    pub parent: &'static str,
    pub element: &'static str,
    /// From 0; the path counts from 1, as XPath does.
    pub index: usize,
}

impl fmt::Display for ItemPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}[{}]", self.parent, self.element, self.index + 1)
    }
}

/// Ids key the rotating lists, so the first item with each id is kept, as the JSON reader
/// does. `path(i)` names entry `i` for the note.
pub(super) fn drop_repeated_ids(
    items: &mut Vec<(usize, Item)>,
    path: impl Fn(usize) -> ItemPath,
    notes: &mut Notes,
) {
    // Borrowed ids: the same `HashSet<&str>` instance as the JSON reader's, no copies.
    let mut seen = HashSet::with_capacity(items.len());
    let keep: Vec<bool> = items
        .iter()
        .map(|(_, item)| seen.insert(item.id.as_str()))
        .collect();
    drop(seen);
    let mut keep = keep.into_iter();
    items.retain(|(index, _)| {
        let kept = keep.next().unwrap_or(true);
        if !kept {
            notes.note(|| format!("{} repeats an earlier id; item skipped", path(*index)));
        }
        kept
    });
}

/// A date element, or a note naming it when it cannot be read (the item stays).
pub(super) fn date(
    element: Option<&Element>,
    chinese: bool,
    path: impl FnOnce() -> String,
    notes: &mut Notes,
) -> Option<Timestamp> {
    let written = element?.trimmed()?;
    let parsed = parse_date(&written, chinese);
    if parsed.is_none() {
        notes.note(|| {
            format!(
                "{} \"{}\" is not a date this reader understands (ignored)",
                path(),
                excerpt(&clean_line(&written), 40)
            )
        });
    }
    parsed
}

/// An RSS `author` or `managingEditor`: `mail@example.com (Name)`, `Name <mail@…>` or a
/// bare name. A bare address is left out: the source line shows names, not mailboxes.
pub(super) fn person(written: &str) -> Option<Author> {
    let written = written.trim();
    let name = if let (Some(open), true) = (written.find('('), written.ends_with(')')) {
        &written[open + 1..written.len() - 1]
    } else if let (Some(open), true) = (written.find('<'), written.ends_with('>')) {
        &written[..open]
    } else if written.contains('@') && !written.contains(' ') {
        ""
    } else {
        written
    };
    let name = name.trim();
    (!name.is_empty()).then(|| Author {
        name: Some(name.to_owned()),
        ..Author::default()
    })
}

/// Whether a media type or, without one, a URL's file name says "image".
pub(super) fn is_image(media_type: Option<&str>, url: &str) -> bool {
    match media_type.map(str::trim).filter(|t| !t.is_empty()) {
        Some(media_type) => media_type.to_ascii_lowercase().starts_with("image/"),
        None => {
            let path = url
                .split(['?', '#'])
                .next()
                .unwrap_or_default()
                .to_ascii_lowercase();
            [".jpg", ".jpeg", ".png", ".gif", ".webp", ".avif"]
                .iter()
                .any(|ext| path.ends_with(ext))
        }
    }
}

/// The item's picture from Media RSS: the widest image of `media:content` (Guardian-style
/// feeds give several sizes), else a `media:thumbnail`; `media:group` is looked into too.
pub(super) fn media_image(item: &Element, base: Option<&str>) -> Option<String> {
    let groups = std::iter::once(item).chain(item.children_named(Ns::Media, "group"));
    let mut best: Option<(u32, String)> = None;
    let mut thumbnail = None;
    for holder in groups {
        for content in holder.children_named(Ns::Media, "content") {
            let Some(url) = content.attr("url").and_then(|u| link(u, base)) else {
                continue;
            };
            let medium = content.attr("medium");
            let image = match medium {
                Some(medium) => medium.eq_ignore_ascii_case("image"),
                None => is_image(content.attr("type"), &url),
            };
            let width = content
                .attr("width")
                .and_then(|w| w.trim().parse().ok())
                .unwrap_or(0);
            if image && best.as_ref().is_none_or(|(w, _)| width > *w) {
                best = Some((width, url));
            }
        }
        if thumbnail.is_none() {
            thumbnail = holder
                .child(Ns::Media, "thumbnail")
                .and_then(|t| t.attr("url"))
                .and_then(|u| link(u, base));
        }
    }
    best.map(|(_, url)| url).or(thumbnail)
}

/// An enclosure that is not an image (a podcast episode, a PDF), as JSON Feed's attachment.
pub(super) fn attachment(url: String, media_type: Option<&str>) -> Attachment {
    Attachment {
        url,
        mime_type: media_type
            .map(str::trim)
            .filter(|t| !t.is_empty())
            .map(str::to_owned),
        title: None,
    }
}

/// Non-blank, trimmed.
pub(super) fn present(text: String) -> Option<String> {
    (!text.trim().is_empty()).then_some(text)
}
