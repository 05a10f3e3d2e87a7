//! Reading the widget's `_news_widget` extension (contract: `notes/extension-spec.md`).
//!
//! Unknown keys and unknown block types are ignored, as JSON Feed asks of extensions; a
//! value of the wrong type is noted and treated as absent.

use super::document::{BlockSpec, FeedExtension, ItemExtension, SectionSpec};
use super::json::{id_text, kind, take, take_string, Notes, Path};
use super::value::{Map, Value};

/// Reads the feed-level object; `None` (noted) when it is not an object.
pub(super) fn read_feed_extension(
    value: Value,
    path: &str,
    notes: &mut Notes,
) -> Option<FeedExtension> {
    let mut object = expect_object(value, path, notes)?;
    let article = match id_text(object.get("article")) {
        Ok(id) => id,
        Err(found) => {
            notes.note(|| format!("{path}.article is {found}; expected an item id (ignored)"));
            None
        }
    };
    let sections = match take(&mut object, "sections") {
        None | Some(Value::Null) => None,
        Some(Value::Array(entries)) => {
            let mut sections = Vec::with_capacity(entries.len());
            for (i, entry) in entries.into_iter().enumerate() {
                sections.extend(read_section(entry, &format!("{path}.sections[{i}]"), notes));
            }
            Some(sections)
        }
        Some(other) => {
            notes.ignored(
                Path::Other(path),
                "sections",
                &other,
                "an array of sections",
            );
            None
        }
    };
    Some(FeedExtension { article, sections })
}

fn read_section(value: Value, path: &str, notes: &mut Notes) -> Option<SectionSpec> {
    let mut object = expect_object(value, path, notes)?;
    let title = take_string(&mut object, "title", Path::Other(path), notes).unwrap_or_default();
    let items = match take(&mut object, "items") {
        Some(Value::Array(ids)) => {
            let mut items = Vec::with_capacity(ids.len());
            for id in &ids {
                items.extend(id_text(Some(id)).ok().flatten());
            }
            items
        }
        None | Some(Value::Null) => Vec::new(),
        Some(other) => {
            notes.ignored(Path::Other(path), "items", &other, "an array of item ids");
            Vec::new()
        }
    };
    let summaries = match take(&mut object, "summaries") {
        Some(Value::Bool(on)) => on,
        None | Some(Value::Null) => false,
        Some(other) => {
            notes.ignored(Path::Other(path), "summaries", &other, "true or false");
            false
        }
    };
    Some(SectionSpec {
        title,
        items,
        summaries,
    })
}

/// Reads the item-level object; `None` (noted) when it is not an object.
pub(super) fn read_item_extension(
    value: Value,
    path: &str,
    notes: &mut Notes,
) -> Option<ItemExtension> {
    let mut object = expect_object(value, path, notes)?;
    let source = take_string(&mut object, "source", Path::Other(path), notes);
    let blocks = match take(&mut object, "blocks") {
        None | Some(Value::Null) => None,
        Some(Value::Array(entries)) => {
            let mut blocks = Vec::with_capacity(entries.len());
            for (i, entry) in entries.into_iter().enumerate() {
                blocks.extend(read_block(entry, &format!("{path}.blocks[{i}]"), notes));
            }
            Some(blocks)
        }
        Some(other) => {
            notes.ignored(Path::Other(path), "blocks", &other, "an array of blocks");
            None
        }
    };
    Some(ItemExtension { source, blocks })
}

fn read_block(value: Value, path: &str, notes: &mut Notes) -> Option<BlockSpec> {
    let mut object = expect_object(value, path, notes)?;
    let block_type = take_string(&mut object, "type", Path::Other(path), notes)?;
    let mut text = || take_string(&mut object, "text", Path::Other(path), notes);
    match block_type.as_str() {
        "paragraph" => text().map(BlockSpec::Paragraph),
        "heading" => text().map(BlockSpec::Heading),
        "figure" => Some(BlockSpec::Figure {
            src: take_string(&mut object, "src", Path::Other(path), notes),
            width: dimension(object.get("width")),
            height: dimension(object.get("height")),
            alt: take_string(&mut object, "alt", Path::Other(path), notes).unwrap_or_default(),
            caption: take_string(&mut object, "caption", Path::Other(path), notes)
                .unwrap_or_default(),
            credit: take_string(&mut object, "credit", Path::Other(path), notes),
        }),
        // Newer writers may add block types; older readers skip them.
        _ => None,
    }
}

/// A positive integer size; `640`, `640.0` and `"640"` all count.
fn dimension(value: Option<&Value>) -> Option<u32> {
    let n = match value? {
        Value::Number(n) => match n.as_u64() {
            Some(n) => n,
            None => Some(n.as_f64())
                .filter(|f| f.fract() == 0.0 && *f >= 1.0 && *f <= f64::from(u32::MAX))?
                as u64,
        },
        Value::String(s) => s.trim().parse().ok()?,
        _ => return None,
    };
    u32::try_from(n).ok().filter(|n| *n > 0)
}

fn expect_object(value: Value, path: &str, notes: &mut Notes) -> Option<Map> {
    match value {
        Value::Object(object) => Some(object),
        other => {
            notes.note(|| format!("{path} is {}; expected an object (ignored)", kind(&other)));
            None
        }
    }
}
