//! Reading the widget's `_news_widget` extension (contract: docs/feed-extension.md).
//!
//! Unknown keys and unknown block types are ignored, as JSON Feed asks of extensions; a
//! value of the wrong type is noted and treated as absent.

use super::document::{BlockSpec, FeedExtension, ItemExtension, SectionSpec};
use super::lenient::{Field, List};
use super::notes::{Notes, Path};
use super::wire::{BlockDocument, FeedExtensionDocument, ItemExtensionDocument, SectionDocument};

/// Reads the feed-level object; `None` (noted) when it is not an object.
pub(super) fn read_feed_extension(
    field: Field<FeedExtensionDocument>,
    path: &str,
    notes: &mut Notes,
) -> Option<FeedExtension> {
    let document = expect_object(field, path, notes)?;
    let article = match document.article.text() {
        Ok(id) => id,
        Err(found) => {
            notes.note(|| format!("{path}.article is {found}; expected an item id (ignored)"));
            None
        }
    };
    let sections = match document.sections {
        Field::Absent | Field::Null => None,
        Field::Value(List(entries)) => {
            let mut sections = Vec::with_capacity(entries.len());
            for (i, entry) in entries.into_iter().enumerate() {
                sections.extend(read_section(entry, &format!("{path}.sections[{i}]"), notes));
            }
            Some(sections)
        }
        Field::Wrong(kind) => {
            notes.ignored(Path::Other(path), "sections", kind, "an array of sections");
            None
        }
    };
    Some(FeedExtension { article, sections })
}

fn read_section(
    field: Field<SectionDocument>,
    path: &str,
    notes: &mut Notes,
) -> Option<SectionSpec> {
    let section = expect_object(field, path, notes)?;
    let title = notes
        .string(section.title, Path::Other(path), "title")
        .unwrap_or_default();
    let items = match section.items {
        Field::Value(List(ids)) => ids
            .into_iter()
            .filter_map(|id| id.text().ok().flatten())
            .collect(),
        Field::Absent | Field::Null => Vec::new(),
        Field::Wrong(kind) => {
            notes.ignored(Path::Other(path), "items", kind, "an array of item ids");
            Vec::new()
        }
    };
    let summaries = match section.summaries {
        Field::Value(on) => on,
        Field::Absent | Field::Null => false,
        Field::Wrong(kind) => {
            notes.ignored(Path::Other(path), "summaries", kind, "true or false");
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
    field: Field<ItemExtensionDocument>,
    path: &str,
    notes: &mut Notes,
) -> Option<ItemExtension> {
    let document = expect_object(field, path, notes)?;
    let source = notes.string(document.source, Path::Other(path), "source");
    let blocks = match document.blocks {
        Field::Absent | Field::Null => None,
        Field::Value(List(entries)) => {
            let mut blocks = Vec::with_capacity(entries.len());
            for (i, entry) in entries.into_iter().enumerate() {
                blocks.extend(read_block(entry, &format!("{path}.blocks[{i}]"), notes));
            }
            Some(blocks)
        }
        Field::Wrong(kind) => {
            notes.ignored(Path::Other(path), "blocks", kind, "an array of blocks");
            None
        }
    };
    Some(ItemExtension { source, blocks })
}

fn read_block(field: Field<BlockDocument>, path: &str, notes: &mut Notes) -> Option<BlockSpec> {
    let block = expect_object(field, path, notes)?;
    let at = Path::Other(path);
    let block_type = notes.string(block.kind, at, "type")?;
    match block_type.as_str() {
        "paragraph" => notes
            .string(block.text, at, "text")
            .map(BlockSpec::Paragraph),
        "heading" => notes.string(block.text, at, "text").map(BlockSpec::Heading),
        "figure" => Some(BlockSpec::Figure {
            src: notes.string(block.src, at, "src"),
            width: block.width.value().and_then(|d| d.0),
            height: block.height.value().and_then(|d| d.0),
            alt: notes.string(block.alt, at, "alt").unwrap_or_default(),
            caption: notes
                .string(block.caption, at, "caption")
                .unwrap_or_default(),
            credit: notes.string(block.credit, at, "credit"),
        }),
        // Newer writers may add block types; older readers skip them.
        _ => None,
    }
}

/// The object, or `None` with a note when something else was there. An absent key never
/// reaches here (callers only call this for keys that are present).
fn expect_object<T>(field: Field<T>, path: &str, notes: &mut Notes) -> Option<T> {
    match field {
        Field::Value(object) => Some(object),
        Field::Absent => None,
        Field::Null => {
            notes.note(|| format!("{path} is null; expected an object (ignored)"));
            None
        }
        Field::Wrong(kind) => {
            notes.note(|| {
                format!(
                    "{path} is {}; expected an object (ignored)",
                    kind.described()
                )
            });
            None
        }
    }
}
