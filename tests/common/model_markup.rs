//! The view model written as compact HTML-like markup, so tests can state the exact model
//! they expect in one readable string: `<p>a <a href="https://x/">b</a></p>`.
//!
//! Text is escaped (`&`, `<`, `>`), attribute values too (`&`, `"`), so two models with the
//! same markup are the same model.

use news_widget::view_model::{Block, Figure, Image, Inline, Style};

pub fn blocks_markup(blocks: &[Block]) -> String {
    let mut out = String::new();
    for block in blocks {
        block_markup(block, &mut out);
    }
    out
}

pub fn inline_markup(content: &[Inline]) -> String {
    let mut out = String::new();
    inlines(content, &mut out);
    out
}

fn block_markup(block: &Block, out: &mut String) {
    match block {
        Block::Paragraph(content) => wrap(out, "p", |out| inlines(content, out)),
        Block::Heading { level, content } => {
            let tag = format!("h{level}");
            wrap(out, &tag, |out| inlines(content, out))
        }
        Block::List(list) => {
            let tag = if list.ordered { "ol" } else { "ul" };
            out.push('<');
            out.push_str(tag);
            if let Some(start) = list.start {
                out.push_str(&format!(" start={start}"));
            }
            out.push('>');
            for item in &list.items {
                wrap(out, "li", |out| {
                    for block in &item.blocks {
                        block_markup(block, out);
                    }
                });
            }
            out.push_str(&format!("</{tag}>"));
        }
        Block::Quote(blocks) => wrap(out, "blockquote", |out| {
            for block in blocks {
                block_markup(block, out);
            }
        }),
        Block::Preformatted(content) => wrap(out, "pre", |out| inlines(content, out)),
        Block::Figure(figure) => figure_markup(figure, out),
        Block::Rule => out.push_str("<hr>"),
        Block::Table(table) => wrap(out, "table", |out| {
            if !table.caption.is_empty() {
                wrap(out, "caption", |out| inlines(&table.caption, out));
            }
            for (section, rows) in [("thead", &table.head), ("tbody", &table.body)] {
                if rows.is_empty() {
                    continue;
                }
                wrap(out, section, |out| {
                    for row in rows {
                        wrap(out, "tr", |out| {
                            for cell in row {
                                let tag = if cell.header { "th" } else { "td" };
                                out.push('<');
                                out.push_str(tag);
                                if cell.colspan != 1 {
                                    out.push_str(&format!(" colspan={}", cell.colspan));
                                }
                                if cell.rowspan != 1 {
                                    out.push_str(&format!(" rowspan={}", cell.rowspan));
                                }
                                out.push('>');
                                inlines(&cell.content, out);
                                out.push_str(&format!("</{tag}>"));
                            }
                        })
                    }
                })
            }
        }),
    }
}

fn figure_markup(figure: &Figure, out: &mut String) {
    out.push_str("<figure>");
    match &figure.link {
        Some(href) => {
            out.push_str(&format!("<a href=\"{}\">", attr(href)));
            image_markup(&figure.image, out);
            out.push_str("</a>");
        }
        None => image_markup(&figure.image, out),
    }
    if !figure.caption.is_empty() || figure.credit.is_some() {
        wrap(out, "figcaption", |out| {
            inlines(&figure.caption, out);
            if let Some(credit) = &figure.credit {
                wrap(out, "small", |out| out.push_str(&text(credit)));
            }
        });
    }
    out.push_str("</figure>");
}

fn image_markup(image: &Image, out: &mut String) {
    out.push_str("<img");
    if let Some(src) = &image.src {
        out.push_str(&format!(" src=\"{}\"", attr(src)));
    }
    if let Some(srcset) = &image.srcset {
        out.push_str(&format!(" srcset=\"{}\"", attr(srcset)));
    }
    if !image.alt.is_empty() {
        out.push_str(&format!(" alt=\"{}\"", attr(&image.alt)));
    }
    if let (Some(w), Some(h)) = (image.width, image.height) {
        out.push_str(&format!(" width={w} height={h}"));
    }
    out.push('>');
}

fn inlines(content: &[Inline], out: &mut String) {
    for inline in content {
        match inline {
            Inline::Text(t) => out.push_str(&text(t)),
            Inline::Styled(style, content) => {
                wrap(out, style_tag(*style), |out| inlines(content, out))
            }
            Inline::Link { href, content } => {
                out.push_str(&format!("<a href=\"{}\">", attr(href)));
                inlines(content, out);
                out.push_str("</a>");
            }
            Inline::LineBreak => out.push_str("<br>"),
            Inline::Image(image) => image_markup(image, out),
        }
    }
}

fn style_tag(style: Style) -> &'static str {
    match style {
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
    }
}

fn wrap(out: &mut String, tag: &str, inner: impl FnOnce(&mut String)) {
    out.push('<');
    out.push_str(tag);
    out.push('>');
    inner(out);
    out.push_str("</");
    out.push_str(tag);
    out.push('>');
}

fn text(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

fn attr(s: &str) -> String {
    s.replace('&', "&amp;").replace('"', "&quot;")
}

/// Every text and every URL in a model, for invariant checks: `(texts, links, images)`.
#[derive(Default, Debug)]
pub struct ModelStrings {
    pub texts: Vec<String>,
    pub links: Vec<String>,
    pub images: Vec<String>,
}

pub fn model_strings(blocks: &[Block]) -> ModelStrings {
    let mut strings = ModelStrings::default();
    for block in blocks {
        collect_block(block, &mut strings);
    }
    strings
}

fn collect_block(block: &Block, s: &mut ModelStrings) {
    match block {
        Block::Paragraph(content)
        | Block::Heading { content, .. }
        | Block::Preformatted(content) => collect_inlines(content, s),
        Block::List(list) => list
            .items
            .iter()
            .flat_map(|item| &item.blocks)
            .for_each(|b| collect_block(b, s)),
        Block::Quote(blocks) => blocks.iter().for_each(|b| collect_block(b, s)),
        Block::Figure(figure) => {
            collect_image(&figure.image, s);
            s.links.extend(figure.link.clone());
            collect_inlines(&figure.caption, s);
            s.texts.extend(figure.credit.clone());
        }
        Block::Rule => {}
        Block::Table(table) => {
            collect_inlines(&table.caption, s);
            for cell in table.head.iter().chain(&table.body).flatten() {
                collect_inlines(&cell.content, s);
            }
        }
    }
}

fn collect_image(image: &Image, s: &mut ModelStrings) {
    s.images.extend(image.src.clone());
    if let Some(srcset) = &image.srcset {
        for candidate in srcset.split(", ") {
            s.images
                .push(candidate.split(' ').next().unwrap_or("").to_string());
        }
    }
    s.texts.push(image.alt.clone());
}

fn collect_inlines(content: &[Inline], s: &mut ModelStrings) {
    for inline in content {
        match inline {
            Inline::Text(t) => s.texts.push(t.clone()),
            Inline::Styled(_, content) => collect_inlines(content, s),
            Inline::Link { href, content } => {
                s.links.push(href.clone());
                collect_inlines(content, s);
            }
            Inline::LineBreak => {}
            Inline::Image(image) => collect_image(image, s),
        }
    }
}

/// Whether a URL from the model is one the policy allows: absolute `http(s)` (or `mailto:`
/// for links) with nothing a browser would strip or reinterpret, or a scheme-less relative
/// reference.
pub fn is_allowed_url(url: &str, mailto: bool) -> bool {
    let lower = url.to_ascii_lowercase();
    let scheme = url
        .split_once(':')
        .map(|(before, _)| before)
        .filter(|before| {
            before.starts_with(|c: char| c.is_ascii_alphabetic())
                && before
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
        });
    let scheme_ok = match scheme {
        None => true,
        Some(_) => {
            lower.starts_with("http://")
                || lower.starts_with("https://")
                || (mailto && lower.starts_with("mailto:"))
        }
    };
    scheme_ok
        && !url.is_empty()
        && !url
            .chars()
            .any(|c| c.is_control() || c.is_whitespace() || c == '\\')
}

/// The invariants every model holds, whatever the input: allowed URLs only, no controls in
/// text outside preformatted blocks.
pub fn assert_model_invariants(blocks: &[Block]) {
    let strings = model_strings(blocks);
    for link in &strings.links {
        assert!(
            is_allowed_url(link, true),
            "unsafe link {link:?} in {blocks:?}"
        );
    }
    for image in &strings.images {
        assert!(
            is_allowed_url(image, false),
            "unsafe image {image:?} in {blocks:?}"
        );
    }
    for text in prose_texts(blocks) {
        assert!(
            !text.chars().any(char::is_control),
            "control character in {text:?}"
        );
    }
}

/// Texts outside `pre` (where newlines, tabs and runs of spaces are content).
pub fn prose_texts(blocks: &[Block]) -> Vec<String> {
    let mut prose = Vec::new();
    collect_prose(blocks, &mut prose);
    prose
}

fn collect_prose(blocks: &[Block], out: &mut Vec<String>) {
    for block in blocks {
        match block {
            Block::Preformatted(_) => {}
            Block::Quote(blocks) => collect_prose(blocks, out),
            Block::List(list) => list
                .items
                .iter()
                .for_each(|item| collect_prose(&item.blocks, out)),
            other => out.extend(model_strings(std::slice::from_ref(other)).texts),
        }
    }
}
