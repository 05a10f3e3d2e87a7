//! Reading bytes into a [`Feed`], following the JSON Feed rules for readers.
//!
//! Tolerant where publishers are sloppy (BOM, `null`s, numeric ids, bare versions, `image`
//! objects, both `author` and `authors`), strict only where nothing sensible can be shown.

use std::collections::HashSet;

use serde_json::value::RawValue;

use super::document::{Attachment, Author, Feed, Item, Version};
use super::error::FeedError;
use super::extension::{read_feed_extension, read_item_extension};
use super::lenient::{Field, List};
use super::notes::{Notes, Path};
use super::sniff::Format;
use super::wire::{
    AttachmentDocument, AuthorValue, FeedDocument, Image, ItemDocument, Keys, RawItems, Tags,
};
use crate::plain_text::{clean_line, excerpt};
use crate::timestamp::Timestamp;

/// Parses a JSON Feed 1.0 or 1.1, RSS 2.0 / 0.9x, RSS 1.0 or Atom 1.0 document, told apart
/// by content ([`sniff`](super::sniff::sniff)). The bytes are UTF-8 (see
/// [`charset`](super::charset) for decoding what a feed declares).
///
/// Items without a usable `id` are dropped (see [`Feed::notes`]). An empty `items` array is
/// a valid, empty feed. It is an error when the bytes are not JSON, when there is no
/// `items` array, or when `items` has entries and none of them is usable.
pub fn parse_feed(bytes: &[u8]) -> Result<Feed, FeedError> {
    let mut notes = Notes::default();
    let mut feed = read_document(bytes, &mut notes)?;
    feed.notes = notes.0;
    Ok(feed)
}

/// A feed that cannot be shown, with what the reader noted before it gave up (each skipped
/// item and why), for validators that list every problem.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Rejected {
    pub error: FeedError,
    /// Empty in the widget's wasm, like [`Feed::notes`] (see `Notes`).
    pub notes: Vec<String>,
}

/// [`parse_feed`] for validators: on failure the notes are kept too.
pub fn check_feed(bytes: &[u8]) -> Result<Feed, Rejected> {
    let mut notes = Notes::default();
    match read_document(bytes, &mut notes) {
        Ok(mut feed) => {
            feed.notes = notes.0;
            Ok(feed)
        }
        Err(error) => Err(Rejected {
            error,
            notes: notes.0,
        }),
    }
}

/// The document; notes go to `notes` (the caller puts them in the feed).
fn read_document(bytes: &[u8], notes: &mut Notes) -> Result<Feed, FeedError> {
    match super::sniff::sniff(bytes) {
        Format::JsonFeed => read_json(bytes, notes),
        markup => super::xml::read(bytes, &markup, notes),
    }
}

fn read_json(bytes: &[u8], notes: &mut Notes) -> Result<Feed, FeedError> {
    // Windows tools write a UTF-8 byte-order mark, which JSON forbids.
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let root = match serde_json::from_slice::<Field<FeedDocument>>(bytes) {
        Ok(Field::Value(root)) => root,
        Ok(Field::Null) => return Err(not_an_object("null")),
        Ok(Field::Wrong(kind)) => return Err(not_an_object(kind.described())),
        Ok(Field::Absent) => unreachable!("a document always holds a value"),
        Err(error) => return Err(unreadable(&error)),
    };
    let entries = match root.items {
        Field::Value(RawItems(entries)) => entries,
        Field::Absent => {
            return Err(FeedError::NotAFeed {
                message: format!("no \"items\" array at $ (found keys: {})", key_list(bytes)),
            })
        }
        Field::Null => return Err(items_wrong_type("null")),
        Field::Wrong(kind) => return Err(items_wrong_type(kind.described())),
    };

    let items = read_items(entries, notes)?;

    let version = read_version(root.version);
    let mut field = |value, key| notes.string(value, Path::Root, key);
    let title = field(root.title, "title").unwrap_or_default();
    let home_page_url = field(root.home_page_url, "home_page_url");
    let feed_url = field(root.feed_url, "feed_url");
    let description = field(root.description, "description");
    let language = field(root.language, "language");
    let icon = field(root.icon, "icon");
    let authors = read_authors(root.authors, root.author, Path::Root, notes);
    let extension = read_feed_extension(root.extension, "$._news_widget", notes);
    Ok(Feed {
        version,
        title,
        home_page_url,
        feed_url,
        description,
        language,
        icon,
        authors,
        items,
        extension,
        notes: Vec::new(),
    })
}

fn not_an_object(found: &str) -> FeedError {
    FeedError::NotAFeed {
        message: format!("$ is {found}; expected an object with \"version\" and \"items\""),
    }
}

fn items_wrong_type(found: &'static str) -> FeedError {
    FeedError::WrongType {
        path: "$.items".to_string(),
        found,
        expected: "an array of items",
    }
}

/// serde_json's own message, which ends in "at line L column C". A syntax error is "not
/// JSON"; valid JSON that still cannot be read (a key written twice in one object) is
/// "not a JSON Feed", with the same position.
fn unreadable(error: &serde_json::Error) -> FeedError {
    let message = error.to_string();
    match error.classify() {
        serde_json::error::Category::Data => FeedError::NotAFeed { message },
        _ => FeedError::NotJson {
            message,
            line: error.line(),
            column: error.column(),
        },
    }
}

/// Why an entry of `items` was dropped.
enum Rejection {
    /// No `id`, a `null` one, or a blank one (at this index): the case the spec names.
    NoId(usize),
    /// Anything else (not an object, an id of the wrong type), with its message.
    Unusable(String),
}

fn read_items(entries: Vec<&RawValue>, notes: &mut Notes) -> Result<Vec<Item>, FeedError> {
    let entry_count = entries.len();
    let mut items = Vec::with_capacity(entry_count);
    let mut indices = Vec::with_capacity(entry_count);
    let mut first_rejection = None;
    let mut all_lack_id = true;
    for (index, entry) in entries.into_iter().enumerate() {
        match read_item(entry, index, notes) {
            Ok(item) => {
                items.push(item);
                indices.push(index);
            }
            Err(rejection) => {
                notes.note(|| match &rejection {
                    Rejection::NoId(index) => {
                        format!("{} lacks an \"id\"; item skipped", Path::Item(*index))
                    }
                    Rejection::Unusable(message) => format!("{message}; item skipped"),
                });
                all_lack_id &= matches!(rejection, Rejection::NoId(_));
                first_rejection.get_or_insert(rejection);
            }
        }
    }
    drop_repeated_ids(&mut items, &indices, notes);
    match first_rejection {
        Some(first) if items.is_empty() => Err(no_usable_items(entry_count, first, all_lack_id)),
        _ => Ok(items),
    }
}

/// Ids key the rotating lists, so a repeated id would make two headlines one: keep the
/// first item with each id. (Borrowing the ids here avoids copying every one of them.)
fn drop_repeated_ids(items: &mut Vec<Item>, indices: &[usize], notes: &mut Notes) {
    let mut seen = HashSet::with_capacity(items.len());
    let keep: Vec<bool> = items
        .iter()
        .map(|item| seen.insert(item.id.as_str()))
        .collect();
    drop(seen);
    if keep.iter().all(|&k| k) {
        return;
    }
    for (&index, _) in indices.iter().zip(&keep).filter(|(_, &k)| !k) {
        notes.note(|| {
            format!(
                "{}.id repeats an earlier id; item skipped",
                Path::Item(index)
            )
        });
    }
    let mut keep = keep.into_iter();
    items.retain(|_| keep.next().unwrap_or(true));
}

fn no_usable_items(entry_count: usize, first: Rejection, all_lack_id: bool) -> FeedError {
    let message = match first {
        Rejection::NoId(index) if all_lack_id => {
            let path = Path::Item(index);
            format!("every item in $.items lacks an \"id\" (first: {path})")
        }
        Rejection::NoId(index) => format!(
            "none of the {entry_count} entries in $.items can be shown (first: {} lacks an \"id\")",
            Path::Item(index)
        ),
        Rejection::Unusable(problem) if entry_count == 1 => {
            format!("the only entry in $.items cannot be shown: {problem}")
        }
        Rejection::Unusable(problem) => {
            format!("none of the {entry_count} entries in $.items can be shown (first: {problem})")
        }
    };
    FeedError::NoUsableItems { message }
}

fn read_item(entry: &RawValue, index: usize, notes: &mut Notes) -> Result<Item, Rejection> {
    let path = Path::Item(index);
    // from_slice like the document itself: one serde_json reader in the wasm, not two.
    let item = match serde_json::from_slice::<Field<ItemDocument>>(entry.get().as_bytes()) {
        Ok(Field::Value(item)) => item,
        Ok(Field::Null) => return Err(not_an_item(path, "null")),
        Ok(Field::Wrong(kind)) => return Err(not_an_item(path, kind.described())),
        Ok(Field::Absent) => unreachable!("an array entry always holds a value"),
        // Only a key written twice gets here: the text was checked as JSON already.
        Err(error) => {
            return Err(Rejection::Unusable(format!(
                "{path} cannot be read: {error}"
            )))
        }
    };
    let id = match item.id.text() {
        Ok(Some(id)) => id,
        // Generators that write `"id": ""` for every item still give each its URL, which is
        // what readers key such items on.
        Ok(None) => match &item.url {
            Field::Value(url) if !url.trim().is_empty() => {
                notes.note(|| format!("{path} has no \"id\"; its \"url\" is used as its id"));
                url.trim().to_owned()
            }
            _ => return Err(Rejection::NoId(index)),
        },
        Err(found) => {
            return Err(Rejection::Unusable(format!(
                "{path}.id is {found}; expected a string"
            )))
        }
    };
    let mut field = |value, key| notes.string(value, path, key);
    let url = field(item.url, "url");
    let external_url = field(item.external_url, "external_url");
    let title = field(item.title, "title");
    let content_html = field(item.content_html, "content_html");
    let content_text = field(item.content_text, "content_text");
    let summary = field(item.summary, "summary");
    let banner_image = field(item.banner_image, "banner_image");
    let language = field(item.language, "language");
    let date_published = read_date(item.date_published, "date_published", path, notes);
    let date_modified = read_date(item.date_modified, "date_modified", path, notes);
    let image = read_image(item.image, path, notes);
    let authors = read_authors(item.authors, item.author, path, notes);
    let tags = read_tags(item.tags, path, notes);
    let attachments = read_attachments(item.attachments, path, notes);
    let extension = read_item_extension(item.extension, &format!("{path}._news_widget"), notes);
    Ok(Item {
        id,
        url,
        external_url,
        title,
        content_html,
        content_text,
        summary,
        image,
        banner_image,
        date_published,
        date_modified,
        authors,
        tags,
        language,
        attachments,
        extension,
        content_base: None,
    })
}

fn not_an_item(path: Path<'_>, found: &str) -> Rejection {
    Rejection::Unusable(format!("{path} is {found}; expected an item object"))
}

fn read_version(field: Field<String>) -> Version {
    let Field::Value(written) = field else {
        return Version::Missing;
    };
    let lower = written.trim().trim_end_matches('/').to_ascii_lowercase();
    let number = lower
        .strip_prefix("https://")
        .or_else(|| lower.strip_prefix("http://"))
        .map(|rest| rest.strip_prefix("jsonfeed.org/version/").unwrap_or(""))
        .unwrap_or(&lower);
    match number {
        "1" | "1.0" => Version::V1,
        "1.1" => Version::V1_1,
        _ => Version::Other(written),
    }
}

fn read_date(
    field: Field<String>,
    key: &str,
    path: Path<'_>,
    notes: &mut Notes,
) -> Option<Timestamp> {
    let written = notes.string(field, path, key)?;
    let parsed = Timestamp::parse(&written);
    if parsed.is_none() {
        notes.note(|| {
            format!(
                "{path}.{key} \"{}\" is not a date this reader understands (ignored)",
                excerpt(&clean_line(&written), 40)
            )
        });
    }
    parsed
}

fn read_image(field: Field<Image>, path: Path<'_>, notes: &mut Notes) -> Option<String> {
    let url = match field {
        Field::Value(Image::Url(url)) => url,
        Field::Value(Image::Object(image)) => image.url.value()?,
        Field::Absent | Field::Null => return None,
        Field::Wrong(kind) => {
            notes.ignored(path, "image", kind, "a URL string");
            return None;
        }
    };
    (!url.trim().is_empty()).then_some(url)
}

/// `authors` (1.1) when it names anyone, else the deprecated `author` (1.0).
fn read_authors(
    authors: Field<List<AuthorValue>>,
    legacy: Field<AuthorValue>,
    path: Path<'_>,
    notes: &mut Notes,
) -> Vec<Author> {
    let mut found = Vec::new();
    match authors {
        // null entries are a known generator bug (gofeed #355); skip them quietly.
        Field::Value(List(entries)) => found.extend(
            entries
                .into_iter()
                .filter_map(|e| e.value().and_then(read_author)),
        ),
        Field::Absent | Field::Null => {}
        Field::Wrong(kind) => notes.ignored(path, "authors", kind, "an array of authors"),
    }
    if found.is_empty() {
        match legacy {
            Field::Value(author) => found.extend(read_author(author)),
            Field::Absent | Field::Null => {}
            Field::Wrong(kind) => notes.ignored(path, "author", kind, "an author object"),
        }
    }
    found
}

fn read_author(value: AuthorValue) -> Option<Author> {
    let present = |field: Field<String>| field.value().filter(|text| !text.trim().is_empty());
    let author = match value {
        AuthorValue::Object(author) => Author {
            name: present(author.name),
            url: present(author.url),
            avatar: present(author.avatar),
        },
        AuthorValue::Name(name) => Author {
            name: present(Field::Value(name)),
            ..Author::default()
        },
    };
    (author.name.is_some() || author.url.is_some() || author.avatar.is_some()).then_some(author)
}

fn read_tags(field: Field<Tags>, path: Path<'_>, notes: &mut Notes) -> Vec<String> {
    match field {
        Field::Value(Tags(tags)) => tags,
        Field::Absent | Field::Null => Vec::new(),
        Field::Wrong(kind) => {
            notes.ignored(path, "tags", kind, "an array of strings");
            Vec::new()
        }
    }
}

/// Attachments with a URL; entries without one are skipped quietly, as readers of
/// podcasts do.
fn read_attachments(
    field: Field<List<AttachmentDocument>>,
    path: Path<'_>,
    notes: &mut Notes,
) -> Vec<Attachment> {
    let entries = match field {
        Field::Value(List(entries)) => entries,
        Field::Absent | Field::Null => return Vec::new(),
        Field::Wrong(kind) => {
            notes.ignored(path, "attachments", kind, "an array of attachments");
            return Vec::new();
        }
    };
    let present = |field: Field<String>| field.value().filter(|text| !text.trim().is_empty());
    entries
        .into_iter()
        .filter_map(Field::value)
        .filter_map(|attachment| {
            Some(Attachment {
                url: present(attachment.url)?,
                mime_type: present(attachment.mime_type),
                title: present(attachment.title),
            })
        })
        .collect()
}

/// The top-level keys, for "not a JSON Feed" messages; capped and cleaned because the
/// document is hostile and the message may be shown. Sorted and without repeats, so the
/// message does not depend on how the publisher ordered the document. Only called on that
/// error path, so reading the document a second time costs nothing on good feeds.
fn key_list(bytes: &[u8]) -> String {
    const SHOWN: usize = 8;
    let keys = match serde_json::from_slice::<Field<Keys>>(bytes) {
        Ok(Field::Value(Keys(keys))) => keys,
        _ => Vec::new(),
    };
    // Without repeats through the same `HashSet<&str>` as the ids, and the first few in
    // order by selection (at most SHOWN passes): a sort's code would be in the wasm only
    // for this message (docs/size.md).
    let mut seen = HashSet::with_capacity(keys.len());
    let distinct: Vec<&str> = keys
        .iter()
        .map(String::as_str)
        .filter(|key| seen.insert(*key))
        .collect();
    if distinct.is_empty() {
        return "none".to_string();
    }
    let mut first: Vec<&str> = Vec::with_capacity(SHOWN);
    while first.len() < SHOWN {
        let after = first.last().copied();
        let next = distinct
            .iter()
            .copied()
            .filter(|key| after.is_none_or(|after| *key > after))
            .min();
        match next {
            Some(key) => first.push(key),
            None => break,
        }
    }
    let mut list: Vec<String> = first
        .iter()
        .map(|key| excerpt(&clean_line(key), 40))
        .collect();
    if distinct.len() > SHOWN {
        list.push(format!("… {} more", distinct.len() - SHOWN));
    }
    list.join(", ")
}
