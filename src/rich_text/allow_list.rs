//! Which elements of feed HTML mean what, and which are dropped.
//!
//! Only the elements named here are turned into something; every other element is
//! unwrapped (its tag dropped, its content kept). No attribute is copied through: the model
//! builder reads `href`, `src`, `srcset`, `alt`, `width`, `height`, `start`, `colspan` and
//! `rowspan` where they mean something, and ignores every other (event handlers, `style`,
//! `id`, `name`, `class`, …) because the model has no place for them.

use crate::view_model::Style;

use super::tokenizer::TextState;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// Starts and ends paragraphs; its content belongs to the enclosing block (`p`, `div`,
    /// `section`, …).
    Flow,
    Heading(u8),
    List {
        ordered: bool,
    },
    ListItem,
    Quote,
    Preformatted,
    Figure,
    FigureCaption,
    Rule,
    Table,
    TableSection {
        head: bool,
    },
    TableRow,
    TableCell {
        header: bool,
    },
    TableCaption,
    Styled(Style),
    Link,
    LineBreak,
    Image,
    /// Dropped with everything inside it, up to its matching end tag. `foreign` for `svg`
    /// and `math`, whose content a browser tokenizes differently (CDATA, no raw text).
    Dropped {
        foreign: bool,
    },
    /// A void element with nothing to keep (`meta`, `input`, `source`, `wbr`, …).
    Ignored,
    /// Tag dropped, content kept (`span`, `font`, `abbr`, unknown and custom elements).
    Unwrapped,
}

/// Element names by kind, space-separated: a list costs less wasm than a 100-arm `match`.
const KINDS: &[(Kind, &str)] = &[
    (
        Kind::Flow,
        "p div section article header footer main aside nav address center hgroup details \
         summary dl dt dd search",
    ),
    (Kind::Heading(1), "h1"),
    (Kind::Heading(2), "h2"),
    (Kind::Heading(3), "h3"),
    (Kind::Heading(4), "h4"),
    (Kind::Heading(5), "h5"),
    (Kind::Heading(6), "h6"),
    (Kind::List { ordered: false }, "ul menu dir"),
    (Kind::List { ordered: true }, "ol"),
    (Kind::ListItem, "li"),
    (Kind::Quote, "blockquote"),
    (Kind::Preformatted, "pre listing xmp plaintext"),
    (Kind::Figure, "figure"),
    (Kind::FigureCaption, "figcaption"),
    (Kind::Rule, "hr"),
    (Kind::Table, "table"),
    (Kind::TableSection { head: true }, "thead"),
    (Kind::TableSection { head: false }, "tbody tfoot"),
    (Kind::TableRow, "tr"),
    (Kind::TableCell { header: false }, "td"),
    (Kind::TableCell { header: true }, "th"),
    (Kind::TableCaption, "caption"),
    (Kind::Styled(Style::Strong), "strong b"),
    (Kind::Styled(Style::Emphasis), "em i cite var dfn"),
    (Kind::Styled(Style::Code), "code tt samp"),
    (Kind::Styled(Style::Keyboard), "kbd"),
    (Kind::Styled(Style::Subscript), "sub"),
    (Kind::Styled(Style::Superscript), "sup"),
    (Kind::Styled(Style::Underline), "u ins"),
    (Kind::Styled(Style::Strikethrough), "s strike del"),
    (Kind::Styled(Style::Small), "small"),
    (Kind::Styled(Style::Highlight), "mark"),
    (Kind::Styled(Style::Quotation), "q"),
    (Kind::Link, "a"),
    (Kind::LineBreak, "br"),
    (Kind::Image, "img image"),
    (Kind::Dropped { foreign: true }, "svg math"),
    // Scripts and styles; embedded documents and plug-ins; forms; media whose fallback
    // text is not article text. (`head` and `body` are unwrapped, as a browser does inside
    // a body.)
    (
        Kind::Dropped { foreign: false },
        "script style template iframe object noscript noembed noframes frameset applet \
         form button select datalist textarea label fieldset legend output meter progress \
         audio video canvas map dialog title portal",
    ),
    (
        Kind::Ignored,
        "area base basefont bgsound col embed frame input keygen link meta param source \
         track wbr colgroup",
    ),
];

/// What element `name` (lower case, as the tokenizer gives it) is.
pub fn kind(name: &str) -> Kind {
    // Known names are short; this also keeps a hostile 1 MB tag name cheap.
    if name.len() > 10 {
        return Kind::Unwrapped;
    }
    KINDS
        .iter()
        .find(|(_, names)| names.split(' ').any(|known| known == name))
        .map_or(Kind::Unwrapped, |(kind, _)| *kind)
}

/// The tokenizer state a browser switches to after this start tag (with scripting on, as in
/// every browser that runs the widget: so `noscript` is raw text).
pub fn text_state_after(name: &str) -> Option<TextState> {
    match name {
        "script" => Some(TextState::ScriptData),
        "style" | "xmp" | "iframe" | "noembed" | "noframes" | "noscript" => {
            Some(TextState::Rawtext)
        }
        "textarea" | "title" => Some(TextState::Rcdata),
        "plaintext" => Some(TextState::Plaintext),
        _ => None,
    }
}

/// Elements that never have content or an end tag.
pub fn is_void(name: &str) -> bool {
    matches!(
        kind(name),
        Kind::Ignored | Kind::LineBreak | Kind::Image | Kind::Rule
    ) && name != "colgroup"
}
