//! The JSON Feed document as serde reads it: one `#[derive(Deserialize)]` type per object of
//! the spec and of the `_news_widget` extension, every member a tolerant [`Field`].
//!
//! Unknown keys (other extensions, fields of later versions) are ignored by the derived
//! code, as the spec asks. The items are kept as raw JSON text and read one by one
//! ([`RawItems`]), so a damaged item costs a note instead of the whole feed.

use serde::de::{MapAccess, SeqAccess};
use serde::Deserialize;
use serde_json::value::RawValue;

use super::lenient::{accept_object, Accept, Dimension, Field, Id, List};

/// The top-level object.
#[derive(Deserialize, Default)]
#[serde(default)]
pub(super) struct FeedDocument<'a> {
    pub version: Field<String>,
    pub title: Field<String>,
    pub home_page_url: Field<String>,
    pub feed_url: Field<String>,
    pub description: Field<String>,
    pub language: Field<String>,
    pub icon: Field<String>,
    pub authors: Field<List<AuthorValue>>,
    pub author: Field<AuthorValue>,
    #[serde(borrow)]
    pub items: Field<RawItems<'a>>,
    #[serde(rename = "_news_widget")]
    pub extension: Field<FeedExtensionDocument>,
}

impl<'de: 'a, 'a> Accept<'de> for FeedDocument<'a> {
    fn object<A: MapAccess<'de>>(map: A) -> Result<Option<Self>, A::Error> {
        Deserialize::deserialize(serde::de::value::MapAccessDeserializer::new(map)).map(Some)
    }
}

/// The `items` array, each entry still JSON text.
#[derive(Default)]
pub(super) struct RawItems<'a>(pub Vec<&'a RawValue>);

impl<'de: 'a, 'a> Accept<'de> for RawItems<'a> {
    fn array<A: SeqAccess<'de>>(mut seq: A) -> Result<Option<Self>, A::Error> {
        let mut entries = Vec::with_capacity(seq.size_hint().unwrap_or(0));
        while let Some(entry) = seq.next_element::<&'a RawValue>()? {
            entries.push(entry);
        }
        Ok(Some(RawItems(entries)))
    }
}

/// The keys of an object, values skipped: for the message about a document that is not a
/// feed. (A `Vec` rather than a map type keeps one more monomorph out of the wasm.)
pub(super) struct Keys(pub Vec<String>);

impl<'de> Accept<'de> for Keys {
    fn object<A: MapAccess<'de>>(mut map: A) -> Result<Option<Self>, A::Error> {
        let mut keys = Vec::new();
        while let Some(key) = map.next_key::<String>()? {
            map.next_value::<serde::de::IgnoredAny>()?;
            keys.push(key);
        }
        Ok(Some(Keys(keys)))
    }
}

/// One item.
#[derive(Deserialize, Default)]
#[serde(default)]
pub(super) struct ItemDocument {
    pub id: Field<Id>,
    pub url: Field<String>,
    pub external_url: Field<String>,
    pub title: Field<String>,
    pub content_html: Field<String>,
    pub content_text: Field<String>,
    pub summary: Field<String>,
    pub image: Field<Image>,
    pub banner_image: Field<String>,
    pub date_published: Field<String>,
    pub date_modified: Field<String>,
    pub authors: Field<List<AuthorValue>>,
    pub author: Field<AuthorValue>,
    pub tags: Field<Tags>,
    pub language: Field<String>,
    pub attachments: Field<List<AttachmentDocument>>,
    #[serde(rename = "_news_widget")]
    pub extension: Field<ItemExtensionDocument>,
}

/// An author object, or (not the spec, but unambiguous) a bare name.
pub(super) enum AuthorValue {
    Object(AuthorDocument),
    Name(String),
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub(super) struct AuthorDocument {
    pub name: Field<String>,
    pub url: Field<String>,
    pub avatar: Field<String>,
}

impl<'de> Accept<'de> for AuthorValue {
    fn string(text: String) -> Option<Self> {
        Some(AuthorValue::Name(text))
    }
    fn object<A: MapAccess<'de>>(map: A) -> Result<Option<Self>, A::Error> {
        Ok(AuthorDocument::object(map)?.map(AuthorValue::Object))
    }
}

/// `image` is a URL string per the spec; some generators write `{"url": …, "type": …}`.
pub(super) enum Image {
    Url(String),
    Object(ImageDocument),
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub(super) struct ImageDocument {
    pub url: Field<String>,
}

impl<'de> Accept<'de> for Image {
    fn string(text: String) -> Option<Self> {
        Some(Image::Url(text))
    }
    fn object<A: MapAccess<'de>>(map: A) -> Result<Option<Self>, A::Error> {
        Ok(ImageDocument::object(map)?.map(Image::Object))
    }
}

/// Non-blank string tags; a single string counts as one tag.
pub(super) struct Tags(pub Vec<String>);

impl<'de> Accept<'de> for Tags {
    fn string(text: String) -> Option<Self> {
        Some(Tags(non_blank(text).into_iter().collect()))
    }
    fn array<A: SeqAccess<'de>>(seq: A) -> Result<Option<Self>, A::Error> {
        let entries = List::<String>::array(seq)?.map_or_else(Vec::new, |list| list.0);
        let tags = entries
            .into_iter()
            .filter_map(|entry| entry.value().and_then(non_blank))
            .collect();
        Ok(Some(Tags(tags)))
    }
}

fn non_blank(text: String) -> Option<String> {
    (!text.trim().is_empty()).then_some(text)
}

/// An attachment (podcast episode, PDF, …).
#[derive(Deserialize, Default)]
#[serde(default)]
pub(super) struct AttachmentDocument {
    pub url: Field<String>,
    pub mime_type: Field<String>,
    pub title: Field<String>,
}

/// The feed-level `_news_widget` object.
#[derive(Deserialize, Default)]
#[serde(default)]
pub(super) struct FeedExtensionDocument {
    pub article: Field<Id>,
    pub sections: Field<List<SectionDocument>>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub(super) struct SectionDocument {
    pub title: Field<String>,
    pub items: Field<List<Id>>,
    pub summaries: Field<bool>,
}

/// The item-level `_news_widget` object.
#[derive(Deserialize, Default)]
#[serde(default)]
pub(super) struct ItemExtensionDocument {
    pub source: Field<String>,
    pub blocks: Field<List<BlockDocument>>,
}

/// A structured body block; which members matter depends on `type`.
#[derive(Deserialize, Default)]
#[serde(default)]
pub(super) struct BlockDocument {
    #[serde(rename = "type")]
    pub kind: Field<String>,
    pub text: Field<String>,
    pub src: Field<String>,
    pub width: Field<Dimension>,
    pub height: Field<Dimension>,
    pub alt: Field<String>,
    pub caption: Field<String>,
    pub credit: Field<String>,
}

accept_object!(
    ItemDocument,
    AuthorDocument,
    ImageDocument,
    AttachmentDocument,
    FeedExtensionDocument,
    SectionDocument,
    ItemExtensionDocument,
    BlockDocument,
);
