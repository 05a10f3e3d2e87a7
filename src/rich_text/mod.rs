//! Feed HTML (`content_html`) to the view model's blocks, through an allow-list.
//!
//! No HTML string ever reaches the browser: the input is tokenized here ([`tokenizer`], a
//! WHATWG tokenizer proven against html5lib's suite), the elements the allow-list names
//! become [`Block`]s and [`Inline`](crate::view_model::Inline)s, and the components render
//! those as ordinary DOM nodes. Everything else is unwrapped to its text or dropped with its
//! content (see [`builder`] for the rules, [`allow_list`] for the names). URLs pass
//! [`url_policy`](crate::url_policy) and are resolved against the base given, never against
//! the page the widget is on.

pub mod allow_list;
pub mod builder;
mod entities;
mod entities_table;
mod inline_run;
pub mod tokenizer;

use crate::view_model::{inline_text, Block};

/// The blocks of `html`. Relative URLs resolve against `base` (the item's URL, else the
/// feed's); without a base they are dropped.
pub fn html_to_blocks(html: &str, base: Option<&str>) -> Vec<Block> {
    builder::Builder::new(base).run(html)
}

/// The text of `html` on one line (blocks separated by spaces, images left out), reading no
/// further than about `max_chars` characters of text.
pub fn html_to_text(html: &str, max_chars: usize) -> String {
    let blocks = builder::Builder::text_only(None, max_chars).run(html);
    blocks_text(&blocks)
}

/// The text of blocks on one line, as a reader would read it aloud.
pub fn blocks_text(blocks: &[Block]) -> String {
    let mut line = String::new();
    push_blocks_text(blocks, &mut line);
    crate::plain_text::clean_line(&line)
}

fn push_blocks_text(blocks: &[Block], out: &mut String) {
    for block in blocks {
        out.push(' ');
        match block {
            Block::Paragraph(content)
            | Block::Heading { content, .. }
            | Block::Preformatted(content) => out.push_str(&inline_text(content)),
            Block::List(list) => list
                .items
                .iter()
                .for_each(|item| push_blocks_text(&item.blocks, out)),
            Block::Quote(blocks) => push_blocks_text(blocks, out),
            Block::Figure(figure) => out.push_str(&inline_text(&figure.caption)),
            Block::Table(table) => {
                for cell in table.head.iter().chain(&table.body).flatten() {
                    out.push(' ');
                    out.push_str(&inline_text(&cell.content));
                }
            }
            Block::Rule => {}
        }
    }
}
