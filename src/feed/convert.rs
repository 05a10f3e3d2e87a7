//! A read feed written back as JSON Feed 1.1 (`newsctl convert`): what the widget reads
//! from an RSS or Atom document, for partners to inspect or host. Host only.
//!
//! Fields are written as the reader holds them, so reading the result gives the same page
//! (titles of RSS stay the HTML RSS readers take them to be). The `_news_widget` extension
//! is written when the source had one (a JSON Feed converted again).

use serde_json::{json, Map, Value};

use super::document::{Author, BlockSpec, Feed, Item};
use crate::timestamp::Timestamp;

/// `feed` as a JSON Feed 1.1 document.
pub fn to_json_feed(feed: &Feed) -> Value {
    let mut root = Map::new();
    root.insert("version".into(), json!("https://jsonfeed.org/version/1.1"));
    root.insert("title".into(), json!(feed.title));
    let optional = [
        ("home_page_url", &feed.home_page_url),
        ("feed_url", &feed.feed_url),
        ("description", &feed.description),
        ("language", &feed.language),
        ("icon", &feed.icon),
    ];
    insert_present(&mut root, &optional);
    if !feed.authors.is_empty() {
        root.insert("authors".into(), authors(&feed.authors));
    }
    if let Some(extension) = &feed.extension {
        let mut object = Map::new();
        if let Some(article) = &extension.article {
            object.insert("article".into(), json!(article));
        }
        if let Some(sections) = &extension.sections {
            let sections: Vec<Value> = sections
                .iter()
                .map(|s| json!({"title": s.title, "items": s.items, "summaries": s.summaries}))
                .collect();
            object.insert("sections".into(), Value::Array(sections));
        }
        root.insert("_news_widget".into(), Value::Object(object));
    }
    root.insert("items".into(), feed.items.iter().map(item).collect());
    Value::Object(root)
}

fn item(item: &Item) -> Value {
    let mut object = Map::new();
    object.insert("id".into(), json!(item.id));
    let optional = [
        ("url", &item.url),
        ("external_url", &item.external_url),
        ("title", &item.title),
        ("content_html", &item.content_html),
        ("content_text", &item.content_text),
        ("summary", &item.summary),
        ("image", &item.image),
        ("banner_image", &item.banner_image),
        ("language", &item.language),
    ];
    insert_present(&mut object, &optional);
    for (key, date) in [
        ("date_published", item.date_published),
        ("date_modified", item.date_modified),
    ] {
        if let Some(date) = date {
            object.insert(key.into(), json!(rfc3339(&date)));
        }
    }
    if !item.authors.is_empty() {
        object.insert("authors".into(), authors(&item.authors));
    }
    if !item.tags.is_empty() {
        object.insert("tags".into(), json!(item.tags));
    }
    if !item.attachments.is_empty() {
        let attachments: Vec<Value> = item
            .attachments
            .iter()
            .map(|a| {
                let mut object = Map::new();
                object.insert("url".into(), json!(a.url));
                insert_present(
                    &mut object,
                    &[("mime_type", &a.mime_type), ("title", &a.title)],
                );
                Value::Object(object)
            })
            .collect();
        object.insert("attachments".into(), Value::Array(attachments));
    }
    if let Some(extension) = &item.extension {
        let mut ext = Map::new();
        insert_present(&mut ext, &[("source", &extension.source)]);
        if let Some(blocks) = &extension.blocks {
            ext.insert("blocks".into(), blocks.iter().map(block).collect());
        }
        object.insert("_news_widget".into(), Value::Object(ext));
    }
    Value::Object(object)
}

fn block(block: &BlockSpec) -> Value {
    match block {
        BlockSpec::Paragraph(text) => json!({"type": "paragraph", "text": text}),
        BlockSpec::Heading(text) => json!({"type": "heading", "text": text}),
        BlockSpec::Figure {
            src,
            width,
            height,
            alt,
            caption,
            credit,
        } => {
            let mut object = Map::new();
            object.insert("type".into(), json!("figure"));
            insert_present(&mut object, &[("src", src), ("credit", credit)]);
            for (key, size) in [("width", width), ("height", height)] {
                if let Some(size) = size {
                    object.insert(key.into(), json!(size));
                }
            }
            object.insert("alt".into(), json!(alt));
            object.insert("caption".into(), json!(caption));
            Value::Object(object)
        }
    }
}

fn authors(authors: &[Author]) -> Value {
    authors
        .iter()
        .map(|author| {
            let mut object = Map::new();
            let fields = [
                ("name", &author.name),
                ("url", &author.url),
                ("avatar", &author.avatar),
            ];
            insert_present(&mut object, &fields);
            Value::Object(object)
        })
        .collect()
}

fn insert_present(object: &mut Map<String, Value>, fields: &[(&str, &Option<String>)]) {
    for (key, value) in fields {
        if let Some(value) = value {
            object.insert((*key).into(), json!(value));
        }
    }
}

/// RFC 3339 in the publisher's own offset; a date written without a zone stays without one
/// (the widget shows it as written).
fn rfc3339(date: &Timestamp) -> String {
    let clock = format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}",
        date.year, date.month, date.day, date.hour, date.minute, date.second
    );
    match date.offset_minutes {
        None => clock,
        Some(0) => clock + "Z",
        Some(offset) => {
            let sign = if offset < 0 { '-' } else { '+' };
            let offset = offset.unsigned_abs();
            format!("{clock}{sign}{:02}:{:02}", offset / 60, offset % 60)
        }
    }
}
