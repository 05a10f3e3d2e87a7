//! Body blocks and inline runs as ordinary Yew nodes.
//!
//! Every string of the model becomes a text node and every attribute set here is one the
//! model has a field for (`href`, `src`, `srcset`, `alt`, sizes, `start`, spans): there is no
//! path from feed content to markup. Links go through the same cancelable
//! `news-widget:navigate` request as headlines.

use yew::prelude::*;

use crate::components::figure::FigureView;
use crate::components::navigate::{navigate_on_click, NavigateRequest};
use crate::config::LinkTarget;
use crate::i18n::Lang;
use crate::view_model::{inline_text, Block, Image, Inline, List, Style, Table, TableCell};

/// What body content needs from the article around it.
#[derive(Clone, PartialEq)]
pub struct BodyContext {
    pub lang: Lang,
    pub target: LinkTarget,
    pub onnavigate: Callback<NavigateRequest, bool>,
}

pub fn blocks(blocks: &[Block], ctx: &BodyContext) -> Html {
    blocks.iter().map(|b| block(b, ctx)).collect()
}

fn block(block: &Block, ctx: &BodyContext) -> Html {
    match block {
        Block::Paragraph(content) => html! { <p>{ inlines(content, ctx) }</p> },
        Block::Heading { level, content } => {
            let tag = match level {
                0..=2 => "h2",
                3 => "h3",
                4 => "h4",
                5 => "h5",
                _ => "h6",
            };
            // The seed's look (accent bar) for the article's own section headings.
            let class = (*level <= 2).then_some("nw-subhead");
            html! { <@{tag} {class}>{ inlines(content, ctx) }</@> }
        }
        Block::List(list) => list_view(list, ctx),
        Block::Quote(inner) => html! { <blockquote>{ blocks(inner, ctx) }</blockquote> },
        Block::Preformatted(content) => html! { <pre>{ inlines(content, ctx) }</pre> },
        Block::Figure(figure) => html! {
            <FigureView figure={figure.clone()} ctx={ctx.clone()} />
        },
        Block::Rule => html! { <hr /> },
        Block::Table(table) => table_view(table, ctx),
    }
}

fn list_view(list: &List, ctx: &BodyContext) -> Html {
    let items: Html = list
        .items
        .iter()
        .map(|item| html! { <li>{ blocks(&item.blocks, ctx) }</li> })
        .collect();
    if list.ordered {
        html! { <ol start={list.start.map(|n| n.to_string())}>{ items }</ol> }
    } else {
        html! { <ul>{ items }</ul> }
    }
}

fn table_view(table: &Table, ctx: &BodyContext) -> Html {
    let rows = |rows: &[Vec<TableCell>]| -> Html {
        rows.iter()
            .map(|row| html! { <tr>{ for row.iter().map(|cell| cell_view(cell, ctx)) }</tr> })
            .collect()
    };
    // The wrapper scrolls a wide table sideways instead of widening the article.
    html! {
        <div class="nw-table">
            <table>
                if !table.caption.is_empty() {
                    <caption>{ inlines(&table.caption, ctx) }</caption>
                }
                if !table.head.is_empty() {
                    <thead>{ rows(&table.head) }</thead>
                }
                if !table.body.is_empty() {
                    <tbody>{ rows(&table.body) }</tbody>
                }
            </table>
        </div>
    }
}

fn cell_view(cell: &TableCell, ctx: &BodyContext) -> Html {
    let span = |n: u16| (n != 1).then(|| n.to_string());
    let tag = if cell.header { "th" } else { "td" };
    html! {
        <@{tag} colspan={span(cell.colspan)} rowspan={span(cell.rowspan)}>
            { inlines(&cell.content, ctx) }
        </@>
    }
}

pub fn inlines(content: &[Inline], ctx: &BodyContext) -> Html {
    content.iter().map(|i| inline(i, ctx)).collect()
}

fn inline(inline: &Inline, ctx: &BodyContext) -> Html {
    match inline {
        Inline::Text(text) => html! { { text.clone() } },
        Inline::Styled(style, content) => {
            let tag = match style {
                Style::Strong => "strong",
                Style::Emphasis => "em",
                Style::Code => "code",
                Style::Keyboard => "kbd",
                Style::Subscript => "sub",
                Style::Superscript => "sup",
                Style::Underline => "u",
                Style::Strikethrough => "s",
                Style::Small => "small",
                Style::Highlight => "mark",
                Style::Quotation => "q",
            };
            html! { <@{tag}>{ inlines(content, ctx) }</@> }
        }
        Inline::Link { href, content } => {
            link(href, &inline_text(content), inlines(content, ctx), ctx)
        }
        Inline::LineBreak => html! { <br /> },
        Inline::Image(image) => image_view(image, None),
    }
}

/// A body link: asks the host first (cancelable), opens where the partner chose, and never
/// lends the partner page to the target (`noopener noreferrer`) nor vouches for it
/// (`nofollow ugc`) when it opens a new tab.
pub fn link(href: &str, title: &str, content: Html, ctx: &BodyContext) -> Html {
    let onclick = navigate_on_click(&ctx.onnavigate, href, title);
    let new_tab = ctx.target == LinkTarget::NewTab && !href.starts_with("mailto:");
    html! {
        <a href={href.to_string()} {onclick}
            target={new_tab.then_some("_blank")}
            rel={if new_tab { "noopener noreferrer nofollow ugc" } else { "nofollow ugc" }}>
            { content }
        </a>
    }
}

/// An image: its box reserved from the publisher's size, loaded lazily, without sending the
/// partner page as referrer. `onerror` is the figure's fallback, when it has one.
pub fn image_view(image: &Image, onerror: Option<Callback<Event>>) -> Html {
    html! {
        <img src={image.src.clone()} srcset={image.srcset.clone()} alt={image.alt.clone()}
            width={image.width.map(|w| w.to_string())}
            height={image.height.map(|h| h.to_string())}
            loading="lazy" decoding="async" referrerpolicy="no-referrer" {onerror} />
    }
}
