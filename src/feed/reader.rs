//! Reading bytes into a [`Feed`], following the JSON Feed rules for readers.
//!
//! Tolerant where publishers are sloppy (BOM, `null`s, numeric ids, bare versions, `image`
//! objects, both `author` and `authors`), strict only where nothing sensible can be shown.

use std::collections::HashSet;

use super::document::{Author, Feed, Item, Version};
use super::error::FeedError;
use super::extension::{read_feed_extension, read_item_extension};
use super::json::{id_text, kind, take, take_string, Notes, Path};
use super::value::{self, Map, Value};
use crate::plain_text::{clean_line, excerpt};
use crate::timestamp::Timestamp;

/// Parses a JSON Feed 1.0 or 1.1 document.
///
/// Items without a usable `id` are dropped (see [`Feed::notes`]). An empty `items` array is
/// a valid, empty feed. It is an error when the bytes are not JSON, when there is no
/// `items` array, or when `items` has entries and none of them is usable.
pub fn parse_feed(bytes: &[u8]) -> Result<Feed, FeedError> {
    // Windows tools write a UTF-8 byte-order mark, which JSON forbids.
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let value = value::parse(bytes).map_err(|e| FeedError::NotJson {
        message: [
            e.message,
            " at line ",
            &e.line.to_string(),
            " column ",
            &e.column.to_string(),
        ]
        .concat(),
        line: e.line,
        column: e.column,
    })?;
    let mut root = match value {
        Value::Object(root) => root,
        other => {
            return Err(FeedError::NotAFeed {
                message: format!(
                    "$ is {}; expected an object with \"version\" and \"items\"",
                    kind(&other)
                ),
            })
        }
    };
    let entries = match take(&mut root, "items") {
        Some(Value::Array(entries)) => entries,
        None => {
            return Err(FeedError::NotAFeed {
                message: format!("no \"items\" array at $ (found keys: {})", key_list(&root)),
            })
        }
        Some(other) => {
            return Err(FeedError::WrongType {
                path: "$.items".to_string(),
                found: kind(&other),
                expected: "an array of items",
            })
        }
    };

    let mut notes = Notes::default();
    let items = read_items(entries, &mut notes)?;

    let version = read_version(take(&mut root, "version"));
    let title = take_string(&mut root, "title", Path::Root, &mut notes).unwrap_or_default();
    let home_page_url = take_string(&mut root, "home_page_url", Path::Root, &mut notes);
    let feed_url = take_string(&mut root, "feed_url", Path::Root, &mut notes);
    let description = take_string(&mut root, "description", Path::Root, &mut notes);
    let language = take_string(&mut root, "language", Path::Root, &mut notes);
    let authors = read_authors(&mut root, Path::Root, &mut notes);
    let extension = take(&mut root, "_news_widget")
        .and_then(|v| read_feed_extension(v, "$._news_widget", &mut notes));
    Ok(Feed {
        version,
        title,
        home_page_url,
        feed_url,
        description,
        language,
        authors,
        items,
        extension,
        notes: notes.0,
    })
}

/// Why an entry of `items` was dropped.
enum Rejection {
    /// No `id`, a `null` one, or a blank one (at this index): the case the spec names.
    NoId(usize),
    /// Anything else (not an object, an id of the wrong type), with its message.
    Unusable(String),
}

fn read_items(entries: Vec<Value>, notes: &mut Notes) -> Result<Vec<Item>, FeedError> {
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

fn read_item(entry: Value, index: usize, notes: &mut Notes) -> Result<Item, Rejection> {
    let path = Path::Item(index);
    let mut object = match entry {
        Value::Object(object) => object,
        other => {
            return Err(Rejection::Unusable(format!(
                "{path} is {}; expected an item object",
                kind(&other)
            )))
        }
    };
    let id = match id_text(object.get("id")) {
        Ok(Some(id)) => id,
        Ok(None) => return Err(Rejection::NoId(index)),
        Err(found) => {
            return Err(Rejection::Unusable(format!(
                "{path}.id is {found}; expected a string"
            )))
        }
    };
    let mut field = |key: &str| take_string(&mut object, key, path, notes);
    let url = field("url");
    let external_url = field("external_url");
    let title = field("title");
    let content_html = field("content_html");
    let content_text = field("content_text");
    let summary = field("summary");
    let banner_image = field("banner_image");
    let language = field("language");
    let date_published = read_date(&mut object, "date_published", path, notes);
    let date_modified = read_date(&mut object, "date_modified", path, notes);
    let image = read_image(&mut object, path, notes);
    let authors = read_authors(&mut object, path, notes);
    let tags = read_tags(&mut object, path, notes);
    let extension = take(&mut object, "_news_widget")
        .and_then(|v| read_item_extension(v, &format!("{path}._news_widget"), notes));
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
        extension,
    })
}

fn read_version(value: Option<Value>) -> Version {
    let Some(Value::String(written)) = value else {
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

fn read_date(object: &mut Map, key: &str, path: Path<'_>, notes: &mut Notes) -> Option<Timestamp> {
    let written = take_string(object, key, path, notes)?;
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

/// `image` is a URL string per the spec; some generators write `{"url": …, "type": …}`.
fn read_image(object: &mut Map, path: Path<'_>, notes: &mut Notes) -> Option<String> {
    match take(object, "image")? {
        Value::String(url) if !url.trim().is_empty() => Some(url),
        Value::Object(mut image) => match take(&mut image, "url") {
            Some(Value::String(url)) if !url.trim().is_empty() => Some(url),
            _ => None,
        },
        Value::String(_) | Value::Null => None,
        other => {
            notes.ignored(path, "image", &other, "a URL string");
            None
        }
    }
}

/// `authors` (1.1) when it names anyone, else the deprecated `author` (1.0).
fn read_authors(object: &mut Map, path: Path<'_>, notes: &mut Notes) -> Vec<Author> {
    let mut authors = Vec::new();
    match take(object, "authors") {
        Some(Value::Array(entries)) => {
            // null entries are a known generator bug (gofeed #355); skip them quietly.
            for entry in entries {
                authors.extend(read_author(entry));
            }
        }
        None | Some(Value::Null) => {}
        Some(other) => notes.ignored(path, "authors", &other, "an array of authors"),
    }
    let legacy = take(object, "author");
    if authors.is_empty() {
        match legacy {
            Some(value @ (Value::Object(_) | Value::String(_))) => {
                authors.extend(read_author(value))
            }
            None | Some(Value::Null) => {}
            Some(other) => notes.ignored(path, "author", &other, "an author object"),
        }
    }
    authors
}

fn read_author(value: Value) -> Option<Author> {
    let mut ignored = Notes::default();
    let author = match value {
        Value::Object(mut object) => Author {
            name: take_string(&mut object, "name", Path::Root, &mut ignored),
            url: take_string(&mut object, "url", Path::Root, &mut ignored),
            avatar: take_string(&mut object, "avatar", Path::Root, &mut ignored),
        },
        // Not the spec, but unambiguous.
        Value::String(name) if !name.trim().is_empty() => Author {
            name: Some(name),
            ..Author::default()
        },
        _ => return None,
    };
    (author.name.is_some() || author.url.is_some() || author.avatar.is_some()).then_some(author)
}

fn read_tags(object: &mut Map, path: Path<'_>, notes: &mut Notes) -> Vec<String> {
    match take(object, "tags") {
        Some(Value::Array(entries)) => {
            let mut tags = Vec::with_capacity(entries.len());
            for entry in entries {
                match entry {
                    Value::String(tag) if !tag.trim().is_empty() => tags.push(tag),
                    _ => {}
                }
            }
            tags
        }
        Some(Value::String(tag)) if !tag.trim().is_empty() => vec![tag],
        None | Some(Value::Null | Value::String(_)) => Vec::new(),
        Some(other) => {
            notes.ignored(path, "tags", &other, "an array of strings");
            Vec::new()
        }
    }
}

/// The top-level keys, for "not a JSON Feed" messages; capped and cleaned because the
/// document is hostile and the message may be shown. Sorted and without repeats, so the
/// message does not depend on how the publisher ordered the document.
fn key_list(root: &Map) -> String {
    const SHOWN: usize = 8;
    let distinct: HashSet<&str> = root.keys().collect();
    if distinct.is_empty() {
        return "none".to_string();
    }
    // The first few in order by repeated minimum: no sort code for an error message.
    let mut list: Vec<String> = Vec::new();
    let mut previous: Option<&str> = None;
    while list.len() < SHOWN {
        let Some(next) = distinct
            .iter()
            .copied()
            .filter(|key| previous.is_none_or(|p| *key > p))
            .min()
        else {
            break;
        };
        list.push(excerpt(&clean_line(next), 40));
        previous = Some(next);
    }
    if distinct.len() > SHOWN {
        list.push(format!("… {} more", distinct.len() - SHOWN));
    }
    list.join(", ")
}
