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
    /// The content's language for its `lang` attribute (fonts follow it): the feed's
    /// `language`, else guessed from the script (`zh`, `ja`, `ko`, or `""` for unknown).
    /// `None` leaves the widget's language in force.
    pub language: Option<String>,
    /// Source line ("中国新闻网"); from the extension, else the authors, else the feed title.
    pub source: Option<String>,
    pub blocks: Vec<Block>,
    pub tags: Vec<String>,
}

/// One body block of an article, in reading order.
///
/// The seed's extension blocks and a publisher's `content_html` both end up here, so one
/// renderer shows both. Every string is plain text (rendered as text nodes) and every URL
/// has passed [`url_policy`](crate::url_policy).
#[derive(Clone, Debug, PartialEq)]
pub enum Block {
    Paragraph(Vec<Inline>),
    /// `level` is 2 to 6: the article's headline is the page's `h1`, so the body's highest
    /// heading level becomes 2 and the others keep their distance below it.
    Heading {
        level: u8,
        content: Vec<Inline>,
    },
    List(List),
    Quote(Vec<Block>),
    /// Preformatted text (code listings): whitespace and line breaks kept.
    Preformatted(Vec<Inline>),
    Figure(Figure),
    /// A thematic break (`<hr>`).
    Rule,
    Table(Table),
}

#[derive(Clone, Debug, PartialEq, Default)]
pub struct List {
    pub ordered: bool,
    /// The first number of an ordered list, when not 1.
    pub start: Option<i32>,
    pub items: Vec<ListItem>,
}

/// A list item holds blocks: its paragraphs and any nested lists.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct ListItem {
    pub blocks: Vec<Block>,
}

/// A simple table: an optional caption, header rows, body rows; cells hold inline content.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Table {
    pub caption: Vec<Inline>,
    pub head: Vec<TableRow>,
    pub body: Vec<TableRow>,
}

pub type TableRow = Vec<TableCell>;

#[derive(Clone, Debug, PartialEq, Default)]
pub struct TableCell {
    /// A header cell (`th`).
    pub header: bool,
    /// 1 unless the cell spans more (capped, so a hostile span cannot blow up the layout).
    pub colspan: u16,
    pub rowspan: u16,
    pub content: Vec<Inline>,
}

/// A run of inline content inside a block.
#[derive(Clone, Debug, PartialEq)]
pub enum Inline {
    Text(String),
    Styled(Style, Vec<Inline>),
    /// `href` is an absolute `http(s)` or `mailto:` URL (or, for a feed read from a relative
    /// location, a path relative to it).
    Link {
        href: String,
        content: Vec<Inline>,
    },
    LineBreak,
    /// An image inside running text; images standing alone become [`Block::Figure`]s.
    Image(Image),
}

/// The inline styles a news body uses (the corpus shows each of them).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Style {
    /// `strong`, `b`
    Strong,
    /// `em`, `i`, `cite`, `var`, `dfn`
    Emphasis,
    /// `code`, `tt`, `samp`
    Code,
    /// `kbd`
    Keyboard,
    /// `sub`
    Subscript,
    /// `sup` (footnote marks)
    Superscript,
    /// `u`, `ins`
    Underline,
    /// `s`, `strike`, `del`
    Strikethrough,
    /// `small`
    Small,
    /// `mark`
    Highlight,
    /// `q`: the browser adds the language's quotation marks.
    Quotation,
}

/// An image: a photo in a figure, or an image in running text.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Image {
    /// Absolute `http(s)` (or feed-relative) URL; `None` keeps a figure's box and caption.
    pub src: Option<String>,
    /// Candidates that passed the URL policy, resolved, `url descriptor` joined by ", ".
    pub srcset: Option<String>,
    /// Intrinsic size when the publisher gave both, so the box is reserved before the image
    /// loads (no layout shift).
    pub width: Option<u32>,
    pub height: Option<u32>,
    pub alt: String,
}

#[derive(Clone, Debug, PartialEq, Default)]
pub struct Figure {
    pub image: Image,
    /// Where the image links to (a publisher's "full size" link), if anywhere safe.
    pub link: Option<String>,
    pub caption: Vec<Inline>,
    pub credit: Option<String>,
}

impl Block {
    /// A paragraph of plain text.
    pub fn text(text: impl Into<String>) -> Block {
        Block::Paragraph(vec![Inline::Text(text.into())])
    }
}

/// The text of inline content, as a reader sees it (line breaks as spaces, image alt text
/// left out).
pub fn inline_text(content: &[Inline]) -> String {
    let mut out = String::new();
    push_inline_text(content, &mut out);
    out
}

fn push_inline_text(content: &[Inline], out: &mut String) {
    for inline in content {
        match inline {
            Inline::Text(text) => out.push_str(text),
            Inline::Styled(_, content) | Inline::Link { content, .. } => {
                push_inline_text(content, out)
            }
            Inline::LineBreak => out.push(' '),
            Inline::Image(_) => {}
        }
    }
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
    pub published: Option<Timestamp>,
    /// The item's own image (`image`, else `banner_image`), safe, for the list layout.
    pub thumbnail: Option<String>,
    /// The feed carries the story's body, so it can open in the article pane.
    pub readable: bool,
}
