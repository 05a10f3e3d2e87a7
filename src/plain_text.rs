//! Plain text: feed fields that are text (titles, summaries, `content_text`) on one line or
//! as paragraphs, and excerpts of them.
//!
//! Everything this module returns is plain text, to be rendered as text nodes. Fields that
//! may carry markup (titles, summaries) are read by the rich-text module's tokenizer and
//! allow-list and reduced to their text; nothing here ever passes markup through.

use crate::rich_text::html_to_text;
use crate::rich_text::tokenizer::{TextState, Token, Tokenizer};

/// Reduces HTML (or a plain-text field that may carry markup, like a title) to one line.
pub fn html_to_line(html: &str) -> String {
    // Most titles have neither tags nor entities: skip the tokenizer for them.
    if !html.contains(['<', '&']) {
        return clean_line(html);
    }
    html_to_text(html, usize::MAX)
}

/// The first `max_chars` characters of the text of `html`, cut as by [`excerpt`].
///
/// Stops reading once it has enough text, so a long document costs no more than its start.
pub fn html_excerpt(html: &str, max_chars: usize) -> String {
    // The budget counts characters before whitespace is collapsed; reading twice the cut
    // leaves enough text to know whether "…" is due.
    let line = html_to_text(html, max_chars.saturating_mul(2).saturating_add(16));
    excerpt(&line, max_chars)
}

/// Splits `content_text` into paragraphs on blank lines; single line breaks inside a
/// paragraph become spaces.
///
/// Entities are decoded because publishers often escape plain-text fields as if they were
/// HTML (`&#8617;`, `-&gt;`); tags are kept as literal text.
pub fn text_to_paragraphs(text: &str) -> Vec<String> {
    let mut paragraphs = Vec::new();
    let mut line = Line::default();
    for raw_line in text.split('\n') {
        if raw_line.trim().is_empty() {
            paragraphs.extend(line.take());
        } else {
            for_each_decoded(raw_line, |c| line.push(c));
            line.push(' ');
        }
    }
    paragraphs.extend(line.take());
    paragraphs
}

/// The first `max_chars` characters of `content_text` on one line, cut as by [`excerpt`];
/// reads no further than it needs.
pub fn text_excerpt(text: &str, max_chars: usize) -> String {
    // Twice the cut (plus slack) in characters before collapsing is enough to fill it.
    let budget = max_chars.saturating_mul(2).saturating_add(16);
    let end = text
        .char_indices()
        .nth(budget)
        .map_or(text.len(), |(at, _)| at);
    let line = text_to_paragraphs(text.get(..end).unwrap_or(text)).join(" ");
    let cut_early = end < text.len();
    let mut out = excerpt(&line, max_chars);
    if cut_early && !out.ends_with('…') {
        out.push('…');
    }
    out
}

/// Plain text as given, on one line: whitespace runs collapsed, controls removed, trimmed.
/// Nothing is decoded or stripped.
pub fn clean_line(text: &str) -> String {
    let mut line = Line::default();
    text.chars().for_each(|c| line.push(c));
    line.take().unwrap_or_default()
}

/// Decodes HTML character references as a browser does in text: the standard's full named
/// set and every numeric form; anything else (tags included) is kept as written.
pub fn decode_entities(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for_each_decoded(text, |c| out.push(c));
    out
}

/// At most `max_chars` characters of `text`, cut on a character boundary (at a space near
/// the end when there is one) and marked with "…" when something was cut.
pub fn excerpt(text: &str, max_chars: usize) -> String {
    let Some((cut, _)) = text.char_indices().nth(max_chars) else {
        return text.to_string();
    };
    let head = text.get(..cut).unwrap_or(text);
    // Prefer a word boundary, but not one so early that most of the excerpt is lost;
    // CJK text has no spaces and is simply cut.
    let head = match head.rfind(' ') {
        Some(space) if space > 0 && head.len() - space <= 60 => head.get(..space).unwrap_or(head),
        _ => head,
    };
    format!("{}…", head.trim_end())
}

/// One paragraph being collected, with whitespace collapsed as it arrives.
#[derive(Default)]
struct Line {
    text: String,
    pending_space: bool,
}

impl Line {
    fn push(&mut self, c: char) {
        // Controls become spaces rather than vanishing, so they cannot glue a literal `<`
        // to a following letter.
        if c.is_whitespace() || c.is_control() {
            self.pending_space = !self.text.is_empty();
            return;
        }
        if self.pending_space {
            self.text.push(' ');
            self.pending_space = false;
        }
        self.text.push(c);
    }

    fn take(&mut self) -> Option<String> {
        self.pending_space = false;
        let text = std::mem::take(&mut self.text);
        (!text.is_empty()).then_some(text)
    }
}

/// Calls `emit` with each character of `text`, character references decoded.
///
/// The tokenizer in its RCDATA state decodes references and never sees a tag (no end tag
/// can be "appropriate" before any start tag), which is exactly text with entities.
fn for_each_decoded(text: &str, mut emit: impl FnMut(char)) {
    if !text.contains('&') {
        text.chars().for_each(emit);
        return;
    }
    // U+0000 would come back as U+FFFD; as a control it is a space, as everywhere else here.
    let text = text.replace('\0', " ");
    let mut tokenizer = Tokenizer::new(&text);
    tokenizer.switch_to(TextState::Rcdata);
    while let Some(token) = tokenizer.next_token() {
        if let Token::Text(text) = token {
            text.chars().for_each(&mut emit);
        }
    }
}
