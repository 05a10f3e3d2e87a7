//! The normalised view model: everything the components render, and nothing else.
//!
//! Data flows one way: feed JSON → `feed` (parsed, tolerant) → this model → components.
//! Components never see raw JSON; this module never knows about Yew.

use crate::timestamp::Timestamp;

/// One widget's worth of content: an article and the sidebar sections beside it.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Page {
    /// BCP 47 language of the content (`zh-CN`, `en`, …), from the feed's `language`.
    pub language: Option<String>,
    /// The feed's own title, used as a fallback source line.
    pub feed_title: String,
    /// `None` when the feed has items but none can be shown as an article.
    pub article: Option<Article>,
    pub sections: Vec<Section>,
}

#[derive(Clone, Debug, PartialEq, Default)]
pub struct Article {
    pub id: String,
    /// Plain text; never markup.
    pub title: String,
    /// Absolute `http(s)` URL of the original, if any and if safe.
    pub url: Option<String>,
    pub published: Option<Timestamp>,
    /// Source line ("中国新闻网"); from the extension, else the authors, else the feed title.
    pub source: Option<String>,
    pub blocks: Vec<Block>,
    pub tags: Vec<String>,
}

/// One body block of an article, in reading order.
#[derive(Clone, Debug, PartialEq)]
pub enum Block {
    Paragraph(String),
    Heading(String),
    Figure(Figure),
}

#[derive(Clone, Debug, PartialEq, Default)]
pub struct Figure {
    /// Absolute `http(s)` (or same-origin relative) image URL; `None` keeps the box and caption.
    pub src: Option<String>,
    /// Intrinsic size, so the box is reserved before the image loads (no layout shift).
    pub width: u32,
    pub height: u32,
    pub alt: String,
    pub caption: String,
    pub credit: Option<String>,
}

/// A sidebar list ("生活指南", "民生").
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Section {
    pub title: String,
    /// Whether each headline shows its summary under it.
    pub show_summaries: bool,
    pub items: Vec<Headline>,
}

#[derive(Clone, Debug, PartialEq, Default)]
pub struct Headline {
    pub id: String,
    /// Plain text; never markup. Never empty (untitled items get a text fallback).
    pub title: String,
    pub summary: Option<String>,
    /// Absolute `http(s)` URL, if any and if safe.
    pub url: Option<String>,
}
