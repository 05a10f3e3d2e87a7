//! The JSON Feed document as serde reads it: one lenient object type per object of the spec
//! and of the `_news_widget` extension, every member a tolerant [`Field`].
//!
//! Unknown keys (other extensions, fields of later versions) are ignored, as the spec asks.
//! The items are kept as raw JSON text and read one by one ([`RawItems`]), so a damaged item
//! costs a note instead of the whole feed. (The object types are not `#[derive(Deserialize)]`:
//! each derived type is its own copy of the reader in the wasm; see [`lenient_object`].)

use serde_json::value::RawValue;

use super::lenient::{lenient_object, Accept, Dimension, Entry, Field, Id, List, Member};

lenient_object! {
    /// The top-level object.
    pub(super) struct FeedDocument<'de> {
        pub version: Field<String>,
        pub title: Field<String>,
        pub home_page_url: Field<String>,
        pub feed_url: Field<String>,
        pub description: Field<String>,
        pub language: Field<String>,
        pub icon: Field<String>,
        pub authors: Field<List<AuthorValue>>,
        pub author: Field<AuthorValue>,
        pub items: Field<RawItems<'de>>,
        #[rename = "_news_widget"]
        pub extension: Field<FeedExtensionDocument>,
    }
}

/// The `items` array, each entry still JSON text.
#[derive(Default)]
pub(super) struct RawItems<'a>(pub Vec<&'a RawValue>);

impl<'de> Accept<'de> for RawItems<'de> {
    fn array() -> Option<Self> {
        Some(RawItems(Vec::new()))
    }
    fn entry(&mut self) -> Entry<'_, 'de> {
        Entry::Raw(&mut self.0)
    }
}

/// The keys of an object, values skipped: for the message about a document that is not a
/// feed. (A `Vec` rather than a map type keeps one more monomorph out of the wasm.)
pub(super) struct Keys(pub Vec<String>);

impl<'de> Accept<'de> for Keys {
    fn object() -> Option<Self> {
        Some(Keys(Vec::new()))
    }
    fn member(&mut self, key: &str) -> Member<'_, 'de> {
        self.0.push(key.to_owned());
        Member::Skip
    }
}

lenient_object! {
    /// One item.
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
        #[rename = "_news_widget"]
        pub extension: Field<ItemExtensionDocument>,
    }
}

/// An author object, or (not the spec, but unambiguous) a bare name.
pub(super) enum AuthorValue {
    Object(AuthorDocument),
    Name(String),
}

lenient_object! {
    pub(super) struct AuthorDocument {
        pub name: Field<String>,
        pub url: Field<String>,
        pub avatar: Field<String>,
    }
}

impl<'de> Accept<'de> for AuthorValue {
    fn string(text: String) -> Option<Self> {
        Some(AuthorValue::Name(text))
    }
    fn object() -> Option<Self> {
        AuthorDocument::object().map(AuthorValue::Object)
    }
    fn member(&mut self, key: &str) -> Member<'_, 'de> {
        match self {
            AuthorValue::Object(author) => author.member(key),
            AuthorValue::Name(_) => Member::Skip,
        }
    }
}

/// `image` is a URL string per the spec; some generators write `{"url": …, "type": …}`.
pub(super) enum Image {
    Url(String),
    Object(ImageDocument),
}

lenient_object! {
    pub(super) struct ImageDocument {
        pub url: Field<String>,
    }
}

impl<'de> Accept<'de> for Image {
    fn string(text: String) -> Option<Self> {
        Some(Image::Url(text))
    }
    fn object() -> Option<Self> {
        ImageDocument::object().map(Image::Object)
    }
    fn member(&mut self, key: &str) -> Member<'_, 'de> {
        match self {
            Image::Object(image) => image.member(key),
            Image::Url(_) => Member::Skip,
        }
    }
}

/// Non-blank string tags; a single string counts as one tag. Entries of other types are
/// skipped quietly.
pub(super) struct Tags(pub Vec<String>);

impl<'de> Accept<'de> for Tags {
    fn string(text: String) -> Option<Self> {
        Some(Tags(non_blank(text).into_iter().collect()))
    }
    fn array() -> Option<Self> {
        Some(Tags(Vec::new()))
    }
    fn entry(&mut self) -> Entry<'_, 'de> {
        self.0.push(String::new());
        match self.0.last_mut() {
            Some(tag) => Entry::Value(tag),
            None => Entry::Skip,
        }
    }
    /// Entries that were not strings are still the empty text they started as.
    fn close(&mut self) {
        self.0.retain(|tag| !tag.trim().is_empty());
    }
}

fn non_blank(text: String) -> Option<String> {
    (!text.trim().is_empty()).then_some(text)
}

lenient_object! {
    /// An attachment (podcast episode, PDF, …).
    pub(super) struct AttachmentDocument {
        pub url: Field<String>,
        pub mime_type: Field<String>,
        pub title: Field<String>,
    }
}

lenient_object! {
    /// The feed-level `_news_widget` object.
    pub(super) struct FeedExtensionDocument {
        pub article: Field<Id>,
        pub sections: Field<List<SectionDocument>>,
    }
}

lenient_object! {
    pub(super) struct SectionDocument {
        pub title: Field<String>,
        pub items: Field<List<Id>>,
        pub summaries: Field<bool>,
    }
}

lenient_object! {
    /// The item-level `_news_widget` object.
    pub(super) struct ItemExtensionDocument {
        pub source: Field<String>,
        pub blocks: Field<List<BlockDocument>>,
    }
}

lenient_object! {
    /// A structured body block; which members matter depends on `type`.
    pub(super) struct BlockDocument {
        #[rename = "type"]
        pub kind: Field<String>,
        pub text: Field<String>,
        pub src: Field<String>,
        pub width: Field<Dimension>,
        pub height: Field<Dimension>,
        pub alt: Field<String>,
        pub caption: Field<String>,
        pub credit: Field<String>,
    }
}
