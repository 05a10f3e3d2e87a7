//! Tokens to blocks: a small tree builder that keeps only what the allow-list names.
//!
//! It follows a browser's tree where that changes what a reader sees (implied ends of `li`,
//! `td`, `tr`, headings; misnested inline elements; text inside a table shown before it)
//! and is simpler where it does not. The rules, in order of precedence:
//!
//! - Dropped elements (`script`, `style`, `template`, `iframe`, `object`, `noscript`, forms,
//!   `svg`, `math`, …) are skipped with everything inside them up to their matching end tag;
//!   unclosed, they hide the rest of the input. The tokenizer is switched into raw text
//!   after `script`, `style`, `textarea`, … exactly as a browser's would be, so what counts as
//!   "inside" is what a browser sees; in `svg` and `math` CDATA sections are honoured.
//! - Block elements end the paragraph being collected. Inline styles and links apply to
//!   the content up to their end tag and never outlive the block they were opened in.
//! - A paragraph holding nothing but images (each perhaps linked) becomes figures.
//! - Nesting deeper than [`MAX_DEPTH`] blocks or [`MAX_MARKS`] inline elements is
//!   flattened, so a hostile document cannot exhaust the stack of the renderer.

use crate::url_policy::{safe_image, safe_link, safe_srcset};
use crate::view_model::{Block, Figure, Image, Inline, List, ListItem, Table, TableCell, TableRow};

use super::allow_list::{self, Kind};
use super::inline_run::{InlineRun, Mark};
use super::tokenizer::{Tag, Token, Tokenizer};

/// Open blocks beyond this depth are read as part of the block that encloses them.
pub const MAX_DEPTH: usize = 24;
/// Open inline elements beyond this are read as text of the ones already open.
pub const MAX_MARKS: usize = 12;
/// Table cells span at most this many rows or columns.
const MAX_SPAN: u16 = 64;

#[derive(Debug)]
enum Container {
    Root,
    Flow,
    Heading(u8),
    List(List),
    ListItem,
    Quote,
    Preformatted,
    Figure(Vec<Inline>),
    FigureCaption,
    Table(Table),
    TableSection { head: bool },
    TableRow(TableRow),
    TableCell(TableCell),
    TableCaption,
}

struct Open {
    container: Container,
    /// The element that opened it ("" when implied), matched by end tags.
    name: String,
    blocks: Vec<Block>,
    run: InlineRun,
    /// How many marks were open when it opened; the rest close with it.
    marks_at_open: usize,
}

/// An element whose content is being skipped.
struct Skip {
    name: String,
    depth: usize,
    foreign: bool,
}

pub struct Builder<'a> {
    base: Option<&'a str>,
    stack: Vec<Open>,
    /// Open inline elements, innermost last, and the names of the elements that opened them.
    marks: Vec<Mark>,
    mark_names: Vec<String>,
    skip: Option<Skip>,
    /// Start tags of containers not opened (too deep) whose end tags are still to come.
    flattened: usize,
    /// The highest heading seen (lowest number).
    top_heading: u8,
    /// Characters of text still wanted (for excerpts).
    chars_left: usize,
    /// Text only: images (and their alt text) are left out.
    text_only: bool,
}

impl<'a> Builder<'a> {
    pub fn new(base: Option<&'a str>) -> Self {
        Builder {
            base,
            stack: vec![open(Container::Root, "", 0, false)],
            marks: Vec::new(),
            mark_names: Vec::new(),
            skip: None,
            flattened: 0,
            top_heading: 6,
            chars_left: usize::MAX,
            text_only: false,
        }
    }

    /// For one line of text: images are left out and reading stops after about
    /// `max_chars` characters.
    pub fn text_only(base: Option<&'a str>, max_chars: usize) -> Self {
        Builder {
            chars_left: max_chars,
            text_only: true,
            ..Builder::new(base)
        }
    }

    pub fn run(mut self, html: &str) -> Vec<Block> {
        let mut tokenizer = Tokenizer::new(html);
        while self.chars_left > 0 {
            let Some(token) = tokenizer.next_token() else {
                break;
            };
            if self.skip.is_some() {
                self.skipped(token, &mut tokenizer);
                continue;
            }
            match token {
                Token::StartTag(tag) => self.start_tag(tag, &mut tokenizer),
                Token::EndTag(name) => self.end_tag(&name),
                Token::Text(text) => self.text(&text),
                Token::Comment(_) | Token::Doctype(_) => {}
            }
        }
        while self.stack.len() > 1 {
            self.close_top();
        }
        let mut root = self.stack.pop().map_or_else(Vec::new, |mut root| {
            flush(&mut root);
            root.blocks
        });
        if self.top_heading != 2 {
            shift_headings(&mut root, self.top_heading);
        }
        root
    }

    fn skipped(&mut self, token: Token, tokenizer: &mut Tokenizer<'_>) {
        let Some(skip) = self.skip.as_mut() else {
            return;
        };
        match token {
            Token::StartTag(tag) => {
                if !skip.foreign {
                    // A `<script>` inside a `<template>` still hides its text from the tags.
                    if let Some(state) = allow_list::text_state_after(&tag.name) {
                        tokenizer.switch_to(state);
                    }
                }
                let closes_itself = skip.foreign && tag.self_closing;
                if tag.name == skip.name && !closes_itself {
                    skip.depth += 1;
                }
            }
            Token::EndTag(name) if name == skip.name => {
                skip.depth -= 1;
                if skip.depth == 0 {
                    self.skip = None;
                    tokenizer.allow_cdata(false);
                }
            }
            _ => {}
        }
    }

    fn start_tag(&mut self, tag: Tag, tokenizer: &mut Tokenizer<'_>) {
        let kind = allow_list::kind(&tag.name);
        match kind {
            Kind::Dropped { foreign } => {
                // `<svg/>` is complete; HTML ignores `/` on other elements.
                if foreign && tag.self_closing {
                    return;
                }
                if foreign {
                    tokenizer.allow_cdata(true);
                } else if let Some(state) = allow_list::text_state_after(&tag.name) {
                    tokenizer.switch_to(state);
                }
                self.skip = Some(Skip {
                    name: tag.name,
                    depth: 1,
                    foreign,
                });
            }
            Kind::Ignored | Kind::Unwrapped => {}
            Kind::Styled(style) => self.open_mark(tag.name, Mark::Style(style)),
            Kind::Link => {
                // A link inside a link ends the outer one, as in a browser.
                if let Some(at) = self.marks.iter().rposition(|m| matches!(m, Mark::Link(_))) {
                    self.marks.remove(at);
                    self.mark_names.remove(at);
                }
                let href = tag.attr("href").and_then(|href| safe_link(href, self.base));
                self.open_mark(tag.name, Mark::Link(href));
            }
            Kind::LineBreak => self.line_break(),
            Kind::Image if self.text_only => {}
            Kind::Image => self.image(&tag),
            Kind::Rule => {
                self.flush_top();
                self.deliver(vec![Block::Rule]);
            }
            _ => self.open_container(kind, tag, tokenizer),
        }
    }

    fn open_mark(&mut self, name: String, mark: Mark) {
        if self.marks.len() < MAX_MARKS {
            self.marks.push(mark);
            self.mark_names.push(name);
        }
    }

    /// The innermost block's inline run and the marks open now (borrowed side by side).
    fn run_and_marks(&mut self) -> (&mut InlineRun, &[Mark]) {
        if self.stack.is_empty() {
            self.stack.push(open(Container::Root, "", 0, false));
        }
        let marks = self.marks.as_slice();
        match self.stack.last_mut() {
            Some(top) => (&mut top.run, marks),
            None => unreachable!("the stack was just made non-empty"),
        }
    }

    fn line_break(&mut self) {
        let (run, marks) = self.run_and_marks();
        run.push_line_break(marks);
    }

    fn open_container(&mut self, kind: Kind, tag: Tag, tokenizer: &mut Tokenizer<'_>) {
        self.implied_ends(kind);
        if let Some(state) = allow_list::text_state_after(&tag.name) {
            tokenizer.switch_to(state);
        }
        let in_table = self.in_table();
        let container = match kind {
            Kind::Heading(level) => {
                self.top_heading = self.top_heading.min(level);
                Container::Heading(level)
            }
            Kind::List { ordered } => Container::List(List {
                ordered,
                start: ordered
                    .then(|| tag.attr("start").and_then(parse_integer))
                    .flatten()
                    .filter(|&start| start != 1),
                items: Vec::new(),
            }),
            Kind::ListItem if self.in_list() => Container::ListItem,
            Kind::Quote => Container::Quote,
            Kind::Preformatted => Container::Preformatted,
            Kind::Figure => Container::Figure(Vec::new()),
            Kind::FigureCaption => Container::FigureCaption,
            Kind::Table => Container::Table(Table::default()),
            Kind::TableSection { head } if in_table => Container::TableSection { head },
            Kind::TableRow if in_table => Container::TableRow(Vec::new()),
            Kind::TableCell { header } if in_table => {
                if !matches!(self.top().container, Container::TableRow(_)) {
                    self.push_container(Container::TableRow(Vec::new()), String::new());
                }
                let span = |name| {
                    tag.attr(name)
                        .and_then(parse_integer)
                        .map_or(1, |n| n.clamp(1, i32::from(MAX_SPAN)) as u16)
                };
                Container::TableCell(TableCell {
                    header,
                    colspan: span("colspan"),
                    rowspan: span("rowspan"),
                    content: Vec::new(),
                })
            }
            Kind::TableCaption if in_table => Container::TableCaption,
            // `li` outside a list, table parts outside a table: read as blocks of text.
            _ => Container::Flow,
        };
        self.push_container(container, tag.name);
    }

    fn push_container(&mut self, container: Container, name: String) {
        if self.stack.len() >= MAX_DEPTH {
            self.flattened += 1;
            self.flush_top();
            return;
        }
        self.flush_top();
        let preserve = matches!(container, Container::Preformatted)
            || self.stack.iter().any(|o| o.run.preserve);
        let marks = self.marks.len();
        self.stack.push(open(container, &name, marks, preserve));
    }

    /// Start tags that end open elements: `li` ends the open item of its list, a cell the
    /// open cell, a row the open row, a heading the open heading.
    fn implied_ends(&mut self, kind: Kind) {
        let ends = |container: &Container| match kind {
            Kind::ListItem => matches!(container, Container::ListItem),
            Kind::TableCell { .. } => matches!(container, Container::TableCell(_)),
            Kind::TableRow => matches!(
                container,
                Container::TableCell(_) | Container::TableRow(_) | Container::TableCaption
            ),
            Kind::TableSection { .. } | Kind::TableCaption => matches!(
                container,
                Container::TableCell(_)
                    | Container::TableRow(_)
                    | Container::TableSection { .. }
                    | Container::TableCaption
            ),
            _ => false,
        };
        let stops = |container: &Container| match kind {
            Kind::ListItem => matches!(
                container,
                Container::List(_) | Container::Table(_) | Container::TableCell(_)
            ),
            _ => matches!(container, Container::Table(_)),
        };
        if let Kind::Heading(_) = kind {
            if matches!(self.top().container, Container::Heading(_)) {
                self.close_top();
            }
            return;
        }
        // The outermost element it ends, looking down from the innermost to a boundary:
        // `<tr>` ends the open cell and the open row.
        let mut end_at = None;
        for (at, o) in self.stack.iter().enumerate().skip(1).rev() {
            if ends(&o.container) {
                end_at = Some(at);
            } else if stops(&o.container) {
                break;
            }
        }
        if let Some(at) = end_at {
            while self.stack.len() > at {
                self.close_top();
            }
        }
    }

    fn end_tag(&mut self, name: &str) {
        let kind = allow_list::kind(name);
        match kind {
            Kind::Styled(_) | Kind::Link => {
                if let Some(at) = self.mark_names.iter().rposition(|n| n == name) {
                    self.marks.remove(at);
                    self.mark_names.remove(at);
                }
            }
            // `</br>` is a line break and `</p>` without a `<p>` an empty paragraph, in
            // browsers too.
            Kind::LineBreak => self.line_break(),
            Kind::Dropped { .. } | Kind::Ignored | Kind::Unwrapped | Kind::Image | Kind::Rule => {}
            _ => self.close_element(name, kind),
        }
    }

    fn close_element(&mut self, name: &str, kind: Kind) {
        // End tags do not reach out of a table (or of a list, for `li`).
        let boundary = |container: &Container| match kind {
            Kind::Table => false,
            Kind::ListItem => matches!(
                container,
                Container::List(_) | Container::Table(_) | Container::TableCell(_)
            ),
            Kind::TableCell { .. }
            | Kind::TableRow
            | Kind::TableSection { .. }
            | Kind::TableCaption => matches!(container, Container::Table(_)),
            _ => matches!(
                container,
                Container::Table(_) | Container::TableCell(_) | Container::TableCaption
            ),
        };
        let found = self
            .stack
            .iter()
            .enumerate()
            .skip(1)
            .rev()
            .find(|(_, o)| o.name == name || boundary(&o.container))
            .filter(|(_, o)| o.name == name)
            .map(|(at, _)| at);
        match found {
            Some(at) => {
                while self.stack.len() > at {
                    self.close_top();
                }
            }
            None if self.flattened > 0 => self.flattened -= 1,
            None => self.flush_top(),
        }
    }

    fn text(&mut self, text: &str) {
        // Text directly in a list belongs to an implied item; elsewhere in a table it is
        // shown before the table (collected by the table's own run).
        if matches!(self.top().container, Container::List(_))
            && text.chars().any(|c| !c.is_ascii_whitespace())
        {
            self.push_container(Container::ListItem, String::new());
        }
        let (run, marks) = self.run_and_marks();
        let kept = run.push_text(marks, text);
        self.chars_left = self.chars_left.saturating_sub(kept);
    }

    fn image(&mut self, tag: &Tag) {
        let src = tag.attr("src").and_then(|src| safe_image(src, self.base));
        let srcset = tag
            .attr("srcset")
            .and_then(|srcset| safe_srcset(srcset, self.base));
        let alt = tag.attr("alt").map(clean_text).unwrap_or_default();
        let in_figure = self
            .stack
            .iter()
            .any(|o| matches!(o.container, Container::Figure(_)));
        if src.is_none() && srcset.is_none() && !in_figure {
            // What a browser shows for an image it cannot load: its text alternative.
            let (run, marks) = self.run_and_marks();
            let kept = run.push_text(marks, &alt);
            self.chars_left = self.chars_left.saturating_sub(kept);
            return;
        }
        let (width, height) = match (
            tag.attr("width").and_then(parse_dimension),
            tag.attr("height").and_then(parse_dimension),
        ) {
            (Some(w), Some(h)) => (Some(w), Some(h)),
            _ => (None, None),
        };
        let image = Image {
            src,
            srcset,
            width,
            height,
            alt,
        };
        let (run, marks) = self.run_and_marks();
        run.push(marks, Inline::Image(image));
    }

    fn top(&mut self) -> &mut Open {
        if self.stack.is_empty() {
            self.stack.push(open(Container::Root, "", 0, false));
        }
        let last = self.stack.len() - 1;
        &mut self.stack[last]
    }

    fn in_list(&self) -> bool {
        self.stack
            .iter()
            .rev()
            .find(|o| matches!(o.container, Container::List(_) | Container::Table(_)))
            .is_some_and(|o| matches!(o.container, Container::List(_)))
    }

    fn in_table(&self) -> bool {
        self.stack
            .iter()
            .any(|o| matches!(o.container, Container::Table(_)))
    }

    /// Ends the paragraph being collected in the innermost block.
    fn flush_top(&mut self) {
        flush(self.top());
    }

    /// Adds finished blocks where the innermost open block keeps them.
    fn deliver(&mut self, blocks: Vec<Block>) {
        if blocks.is_empty() {
            return;
        }
        if matches!(self.top().container, Container::List(_)) {
            // Content loose in a list joins the item before it (a nested list written
            // without its `li`), or starts one.
            let Container::List(list) = &mut self.top().container else {
                return;
            };
            match list.items.last_mut() {
                Some(item) => item.blocks.extend(blocks),
                None => list.items.push(ListItem { blocks }),
            }
            return;
        }
        self.top().blocks.extend(blocks);
    }

    fn close_top(&mut self) {
        if self.stack.len() <= 1 {
            return;
        }
        let Some(mut closing) = self.stack.pop() else {
            return;
        };
        flush(&mut closing);
        self.marks.truncate(closing.marks_at_open);
        self.mark_names.truncate(closing.marks_at_open);
        let blocks = closing.blocks;
        match closing.container {
            Container::Root | Container::Flow => self.deliver(blocks),
            Container::Heading(level) => {
                let content = flatten(blocks);
                if !content.is_empty() {
                    self.deliver(vec![Block::Heading { level, content }]);
                }
            }
            Container::List(list) => {
                let mut list = list;
                if !blocks.is_empty() {
                    list.items.push(ListItem { blocks });
                }
                if !list.items.is_empty() {
                    self.deliver(vec![Block::List(list)]);
                }
            }
            Container::ListItem => match &mut self.top().container {
                Container::List(list) => list.items.push(ListItem { blocks }),
                _ => self.deliver(blocks),
            },
            Container::Quote if !blocks.is_empty() => self.deliver(vec![Block::Quote(blocks)]),
            Container::Quote => {}
            Container::Preformatted => {
                let content = flatten(blocks);
                if !content.is_empty() {
                    self.deliver(vec![Block::Preformatted(content)]);
                }
            }
            Container::Figure(caption) => self.deliver(figure(blocks, caption)),
            Container::FigureCaption => {
                let content = flatten(blocks);
                match &mut self.top().container {
                    Container::Figure(caption) if caption.is_empty() => *caption = content,
                    _ if content.is_empty() => {}
                    _ => self.deliver(vec![Block::Paragraph(content)]),
                }
            }
            Container::Table(mut table) => {
                // Content written inside the table but outside its cells comes first.
                let mut out = blocks;
                table.head.retain(|row| !row.is_empty());
                table.body.retain(|row| !row.is_empty());
                if !table.head.is_empty() || !table.body.is_empty() {
                    out.push(Block::Table(table));
                } else if !table.caption.is_empty() {
                    out.push(Block::Paragraph(table.caption));
                }
                self.deliver(out);
            }
            Container::TableSection { .. } => self.foster(blocks),
            Container::TableRow(row) => {
                self.foster(blocks);
                let head = self
                    .stack
                    .iter()
                    .rev()
                    .find(|o| !matches!(o.container, Container::TableRow(_)))
                    .is_some_and(|o| matches!(o.container, Container::TableSection { head: true }));
                if let Some(table) = self.table() {
                    if head {
                        table.head.push(row);
                    } else {
                        table.body.push(row);
                    }
                }
            }
            Container::TableCell(mut cell) => {
                cell.content = flatten(blocks);
                match &mut self.top().container {
                    Container::TableRow(row) => row.push(cell),
                    _ => self.deliver(vec![Block::Paragraph(cell.content)]),
                }
            }
            Container::TableCaption => {
                let content = flatten(blocks);
                if let Some(table) = self.table() {
                    table.caption = content;
                }
            }
        }
    }

    /// Blocks found between table parts go before the table, as a browser shows them.
    fn foster(&mut self, blocks: Vec<Block>) {
        if blocks.is_empty() {
            return;
        }
        if let Some(open) = self
            .stack
            .iter_mut()
            .rev()
            .find(|o| matches!(o.container, Container::Table(_)))
        {
            open.blocks.extend(blocks);
        }
    }

    fn table(&mut self) -> Option<&mut Table> {
        self.stack
            .iter_mut()
            .rev()
            .find_map(|o| match &mut o.container {
                Container::Table(table) => Some(table),
                _ => None,
            })
    }
}

fn open(container: Container, name: &str, marks_at_open: usize, preserve: bool) -> Open {
    Open {
        container,
        name: name.to_string(),
        blocks: Vec::new(),
        run: InlineRun::preserving(preserve),
        marks_at_open,
    }
}

/// Ends the paragraph being collected in `open`: images standing alone become figures.
fn flush(open: &mut Open) {
    if open.run.is_empty() {
        return;
    }
    let preserve = open.run.preserve;
    let content = std::mem::replace(&mut open.run, InlineRun::preserving(preserve)).finish();
    // Inside `pre` the next text continues the listing: no newline is skipped again.
    open.run.skip_newline = false;
    if content.is_empty() {
        return;
    }
    match standalone_images(&content) {
        Some(figures) => open.blocks.extend(figures),
        None => open.blocks.push(Block::Paragraph(content)),
    }
}

/// The figures a paragraph of images (each perhaps inside a link) stands for, if that is
/// all it holds.
fn standalone_images(content: &[Inline]) -> Option<Vec<Block>> {
    let mut figures = Vec::new();
    for inline in content {
        match inline {
            Inline::Image(image) => figures.push(Block::Figure(Figure {
                image: image.clone(),
                ..Figure::default()
            })),
            Inline::Link { href, content } => match content.as_slice() {
                [Inline::Image(image)] => figures.push(Block::Figure(Figure {
                    image: image.clone(),
                    link: Some(href.clone()),
                    ..Figure::default()
                })),
                _ => return None,
            },
            Inline::LineBreak => {}
            Inline::Text(text) if text.trim_matches(' ').is_empty() => {}
            _ => return None,
        }
    }
    (!figures.is_empty()).then_some(figures)
}

/// A `<figure>`: its caption goes with its (last) image; without one, the caption is a
/// paragraph after the figure's other content.
fn figure(mut blocks: Vec<Block>, caption: Vec<Inline>) -> Vec<Block> {
    if caption.is_empty() {
        return blocks;
    }
    match blocks.iter_mut().rev().find_map(|b| match b {
        Block::Figure(figure) if figure.caption.is_empty() => Some(figure),
        _ => None,
    }) {
        Some(figure) => figure.caption = caption,
        None => blocks.push(Block::Paragraph(caption)),
    }
    blocks
}

/// `content` with every run of HTML whitespace (newlines included) made one space; no-break
/// spaces are the author's and stay.
fn collapse_whitespace(content: Vec<Inline>) -> Vec<Inline> {
    content
        .into_iter()
        .map(|inline| match inline {
            Inline::Text(text) => {
                let mut collapsed = String::with_capacity(text.len());
                let mut in_space = false;
                for c in text.chars() {
                    if matches!(c, ' ' | '\t' | '\n' | '\x0c' | '\r') {
                        if !in_space {
                            collapsed.push(' ');
                        }
                        in_space = true;
                    } else {
                        collapsed.push(c);
                        in_space = false;
                    }
                }
                Inline::Text(collapsed)
            }
            Inline::Styled(style, content) => Inline::Styled(style, collapse_whitespace(content)),
            Inline::Link { href, content } => Inline::Link {
                href,
                content: collapse_whitespace(content),
            },
            other => other,
        })
        .collect()
}

/// Blocks read as one line of inline content (in a heading, cell or caption), separated by
/// line breaks.
fn flatten(blocks: Vec<Block>) -> Vec<Inline> {
    let mut out = Vec::new();
    for block in blocks {
        if !out.is_empty() {
            out.push(Inline::LineBreak);
        }
        match block {
            Block::Paragraph(content) | Block::Heading { content, .. } => out.extend(content),
            // A listing inside a heading, cell or caption becomes running text there, so its
            // kept whitespace collapses as everywhere else in running text.
            Block::Preformatted(content) => out.extend(collapse_whitespace(content)),
            Block::Figure(figure) => {
                let image = Inline::Image(figure.image);
                out.push(match figure.link {
                    Some(href) => Inline::Link {
                        href,
                        content: vec![image],
                    },
                    None => image,
                });
                if !figure.caption.is_empty() {
                    out.push(Inline::LineBreak);
                    out.extend(figure.caption);
                }
            }
            Block::List(list) => {
                let items: Vec<Block> = list
                    .items
                    .into_iter()
                    .map(|item| Block::Paragraph(flatten(item.blocks)))
                    .collect();
                out.extend(flatten(items));
            }
            Block::Quote(blocks) => out.extend(flatten(blocks)),
            Block::Table(table) => {
                let rows: Vec<Block> = table
                    .head
                    .into_iter()
                    .chain(table.body)
                    .map(|row| {
                        let mut line = Vec::new();
                        for cell in row {
                            if !line.is_empty() {
                                line.push(Inline::Text(" ".into()));
                            }
                            line.extend(cell.content);
                        }
                        Block::Paragraph(line)
                    })
                    .collect();
                out.extend(flatten(rows));
            }
            Block::Rule => {}
        }
    }
    if matches!(out.last(), Some(Inline::LineBreak)) {
        out.pop();
    }
    out
}

/// Moves every heading so that the body's highest one (`top`) is an `h2` and the others
/// keep their distance below it, down to `h6`.
fn shift_headings(blocks: &mut [Block], top: u8) {
    for block in blocks {
        match block {
            Block::Heading { level, .. } => *level = (*level + 2).saturating_sub(top).clamp(2, 6),
            Block::Quote(blocks) => shift_headings(blocks, top),
            Block::List(list) => {
                for item in &mut list.items {
                    shift_headings(&mut item.blocks, top);
                }
            }
            _ => {}
        }
    }
}

/// An attribute's text on one line, without controls.
fn clean_text(text: &str) -> String {
    crate::plain_text::clean_line(text)
}

/// The HTML rules for integers (`start`, `colspan`): optional spaces and sign, digits.
fn parse_integer(raw: &str) -> Option<i32> {
    let s = raw.trim_start_matches(|c: char| c.is_ascii_whitespace());
    let (negative, digits) = match s.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, s.strip_prefix('+').unwrap_or(s)),
    };
    let value = leading_number(digits)?;
    // Nine digits fit an i32; longer numbers are not a list's start or a cell's span.
    let value = i32::try_from(value).ok().filter(|v| *v < 1_000_000_000)?;
    Some(if negative { -value } else { value })
}

/// An image dimension in CSS pixels: digits (optionally followed by `px`), 1 to 10,000.
fn parse_dimension(raw: &str) -> Option<u32> {
    let s = raw.trim_matches(|c: char| c.is_ascii_whitespace());
    let s = s.strip_suffix("px").unwrap_or(s);
    if s.is_empty() || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    leading_number(s).filter(|n| (1..=10_000).contains(n))
}

/// The number the leading ASCII digits spell (saturating), `None` without digits. By hand:
/// `str::parse` brings its error formatting into the wasm.
fn leading_number(s: &str) -> Option<u32> {
    let mut value: Option<u32> = None;
    for digit in s.bytes().map_while(|b| (b as char).to_digit(10)) {
        value = Some(value.unwrap_or(0).saturating_mul(10).saturating_add(digit));
    }
    value
}
