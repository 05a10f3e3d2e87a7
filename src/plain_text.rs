//! Reducing feed HTML and feed text to plain paragraphs.
//!
//! Everything this module returns is plain text, to be rendered as text nodes. Markup is
//! never passed through: tags are dropped, entities decoded, block boundaries become
//! paragraph breaks, and the content of elements whose text is not prose (`script`, `style`,
//! `template`, `noscript`, `iframe`, `object`, `svg`, …) is dropped entirely.
//!
//! The tokenizer is a single forward pass that follows the HTML tokenizer where it matters
//! for text (tag open after `<` + letter, quoted attribute values, comments, raw-text
//! elements) and is small enough for the wasm budget. An unterminated tag or comment drops
//! the rest of the input, as a browser would.

use crate::view_model::Block;

/// Reduces `content_html` to paragraphs and headings (`h1`–`h6`), in reading order.
///
/// Empty paragraphs are dropped; whitespace (including `&nbsp;`) is collapsed to single
/// spaces; control characters become spaces.
pub fn html_to_blocks(html: &str) -> Vec<Block> {
    let mut reducer = Reducer::new(usize::MAX, false);
    reducer.run(html);
    reducer.finish()
}

/// Reduces HTML (or a plain-text field that may carry markup, like a title) to one line.
pub fn html_to_line(html: &str) -> String {
    // Most titles have neither tags nor entities: skip the tokenizer for them.
    if !html.contains(['<', '&']) {
        return clean_line(html);
    }
    let mut reducer = Reducer::new(usize::MAX, true);
    reducer.run(html);
    reducer.finish_line()
}

/// The first `max_chars` characters of the text of `html`, cut as by [`excerpt`].
///
/// Stops reading once it has enough text, so a long document costs no more than its start.
pub fn html_excerpt(html: &str, max_chars: usize) -> String {
    // The budget counts characters before whitespace is collapsed; reading twice the cut
    // leaves enough text to know whether "…" is due.
    let mut reducer = Reducer::new(max_chars.saturating_mul(2).saturating_add(16), true);
    reducer.run(html);
    excerpt(&reducer.finish_line(), max_chars)
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

/// Decodes HTML character references: the common named set and every numeric form.
///
/// Unknown names are left as written. Numeric references follow the HTML rules (0x80–0x9F
/// read as Windows-1252, invalid code points become U+FFFD).
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

/// What an element means for text extraction.
#[derive(Clone, Copy, PartialEq)]
enum TagKind {
    Heading,
    /// Starts and ends a paragraph.
    Block,
    /// Table cells: separated by a space within their row's paragraph.
    Cell,
    /// Content is raw text up to the matching end tag and is dropped.
    RawText,
    /// Content is markup that is not prose; dropped up to the matching (nested) end tag.
    Hidden,
    Inline,
}

/// Element names by kind, space-separated. Lists rather than a `match`, which compiled to
/// a long chain of string comparisons in the wasm.
const TAG_KINDS: [(TagKind, &str); 5] = [
    (TagKind::Heading, "h1 h2 h3 h4 h5 h6"),
    (
        TagKind::Block,
        "address article aside blockquote br caption center dd details dialog div dl dt \
         fieldset figcaption figure footer form header hgroup hr li listing main nav ol p pre \
         section summary table tbody tfoot thead tr ul",
    ),
    (TagKind::Cell, "td th"),
    (
        TagKind::RawText,
        "script style iframe noscript noembed noframes xmp textarea title plaintext",
    ),
    (
        TagKind::Hidden,
        "template object svg math head select datalist audio video canvas applet frameset \
         button",
    ),
];

fn tag_kind(name: &str) -> TagKind {
    TAG_KINDS
        .iter()
        .find(|(_, names)| names.split(' ').any(|known| known == name))
        .map_or(TagKind::Inline, |(kind, _)| *kind)
}

/// A tag found at some `<`: its name (as written), whether it is an end tag, and where it
/// ends.
struct Tag<'a> {
    name: &'a str,
    is_end: bool,
    self_closing: bool,
    /// Byte offset just past `>`; `None` when the input ends inside the tag.
    next: Option<usize>,
}

/// Reads the tag whose name starts at `name_start` (just after `<` or `</`).
fn read_tag(html: &str, name_start: usize, is_end: bool) -> Tag<'_> {
    let bytes = html.as_bytes();
    let mut at = name_start;
    while bytes
        .get(at)
        .is_some_and(|&b| !(b.is_ascii_whitespace() || b == b'/' || b == b'>'))
    {
        at += 1;
    }
    let name = html.get(name_start..at).unwrap_or("");
    let mut self_closing = false;
    let next = loop {
        match bytes.get(at) {
            None => break None,
            Some(b'>') => break Some(at + 1),
            Some(b'/') => {
                self_closing = true;
                at += 1;
            }
            Some(b'=') => {
                self_closing = false;
                at += 1;
                while bytes.get(at).is_some_and(u8::is_ascii_whitespace) {
                    at += 1;
                }
                // A quoted value may contain `>`; an unquoted one may contain quotes.
                if let Some(&quote) = bytes.get(at).filter(|&&b| b == b'"' || b == b'\'') {
                    match bytes
                        .get(at + 1..)
                        .and_then(|rest| rest.iter().position(|&b| b == quote))
                    {
                        Some(offset) => at += offset + 2,
                        None => break None,
                    }
                }
            }
            Some(_) => {
                self_closing = false;
                at += 1;
            }
        }
    };
    Tag {
        name,
        is_end,
        self_closing,
        next,
    }
}

/// Whether `html[at..]` starts with `name` (ASCII case-insensitive) followed by a byte that
/// ends a tag name.
fn names_match(html: &str, at: usize, name: &str) -> bool {
    let bytes = html.as_bytes();
    let Some(candidate) = bytes.get(at..at + name.len()) else {
        return false;
    };
    candidate.eq_ignore_ascii_case(name.as_bytes())
        && bytes
            .get(at + name.len())
            .is_none_or(|&b| b.is_ascii_whitespace() || b == b'/' || b == b'>')
}

/// Offset just past the end tag `</name>` at or after `from`; the input length if none.
fn skip_raw_text(html: &str, from: usize, name: &str) -> usize {
    let mut at = from;
    while let Some(lt) = find_bytes(html, at, "</") {
        let name_start = lt + 2;
        if names_match(html, name_start, name) {
            return read_tag(html, name_start, true).next.unwrap_or(html.len());
        }
        at = name_start;
    }
    html.len()
}

/// Offset just past the end tag matching an open `name` element, counting nested ones.
fn skip_hidden(html: &str, from: usize, name: &str) -> usize {
    let mut depth = 1usize;
    let mut at = from;
    while let Some(offset) = html.get(at..).and_then(|rest| rest.find('<')) {
        let lt = at + offset;
        let (is_end, name_start) = match html.as_bytes().get(lt + 1) {
            Some(b'/') => (true, lt + 2),
            _ => (false, lt + 1),
        };
        if !names_match(html, name_start, name) {
            at = lt + 1;
            continue;
        }
        let tag = read_tag(html, name_start, is_end);
        let Some(next) = tag.next else {
            return html.len();
        };
        if is_end {
            depth -= 1;
            if depth == 0 {
                return next;
            }
        } else if !tag.self_closing {
            depth += 1;
        }
        at = next;
    }
    html.len()
}

/// Collects blocks from HTML, up to a character budget.
struct Reducer {
    blocks: Vec<Block>,
    line: Line,
    in_heading: bool,
    chars_left: usize,
    /// Block boundaries become spaces in one line instead of new blocks.
    single_line: bool,
}

impl Reducer {
    fn new(max_chars: usize, single_line: bool) -> Self {
        Reducer {
            blocks: Vec::new(),
            line: Line::default(),
            in_heading: false,
            chars_left: max_chars,
            single_line,
        }
    }

    fn run(&mut self, html: &str) {
        let mut at = 0;
        while at < html.len() && self.chars_left > 0 {
            let lt = html
                .get(at..)
                .and_then(|rest| rest.find('<'))
                .map_or(html.len(), |offset| at + offset);
            self.text(html.get(at..lt).unwrap_or(""));
            if lt >= html.len() {
                break;
            }
            at = self.markup(html, lt);
        }
    }

    fn text(&mut self, raw: &str) {
        for_each_decoded(raw, |c| {
            if self.chars_left > 0 {
                self.line.push(c);
                self.chars_left -= 1;
            }
        });
    }

    /// Handles the markup starting at `html[lt] == '<'`; returns where text resumes.
    fn markup(&mut self, html: &str, lt: usize) -> usize {
        let bytes = html.as_bytes();
        match bytes.get(lt + 1) {
            Some(b) if b.is_ascii_alphabetic() => self.tag(html, read_tag(html, lt + 1, false)),
            Some(b'/') => match bytes.get(lt + 2) {
                Some(b) if b.is_ascii_alphabetic() => self.tag(html, read_tag(html, lt + 2, true)),
                Some(_) => skip_past(html, lt + 2, ">"),
                None => {
                    self.text("</");
                    html.len()
                }
            },
            Some(b'!') if bytes.get(lt + 2..lt + 4) == Some(b"--") => {
                // `<!-->` and `<!--->` are complete (empty) comments in HTML.
                match bytes.get(lt + 4..) {
                    Some(rest) if rest.starts_with(b">") => lt + 5,
                    Some(rest) if rest.starts_with(b"->") => lt + 6,
                    _ => skip_past(html, lt + 4, "-->"),
                }
            }
            Some(b'!' | b'?') => skip_past(html, lt + 2, ">"),
            _ => {
                self.text("<");
                lt + 1
            }
        }
    }

    fn tag(&mut self, html: &str, tag: Tag<'_>) -> usize {
        let Some(next) = tag.next else {
            return html.len();
        };
        // Known names are short; anything longer is an unknown inline element.
        let lower = if tag.name.len() <= 10 {
            tag.name.to_ascii_lowercase()
        } else {
            String::new()
        };
        match (tag_kind(&lower), tag.is_end) {
            (TagKind::Heading, false) => {
                self.end_block();
                self.in_heading = true;
                next
            }
            (TagKind::Heading, true) => {
                self.end_block();
                self.in_heading = false;
                next
            }
            (TagKind::Block, _) => {
                self.end_block();
                next
            }
            (TagKind::Cell, _) => {
                self.line.push(' ');
                next
            }
            (TagKind::RawText, false) => {
                if lower == "plaintext" {
                    return html.len();
                }
                skip_raw_text(html, next, &lower)
            }
            // `<svg/>` is complete in foreign content; HTML ignores `/>` on other elements.
            (TagKind::Hidden, false)
                if tag.self_closing && matches!(lower.as_str(), "svg" | "math") =>
            {
                next
            }
            (TagKind::Hidden, false) => skip_hidden(html, next, &lower),
            _ => next,
        }
    }

    fn end_block(&mut self) {
        if self.single_line {
            self.line.push(' ');
            return;
        }
        if let Some(text) = self.line.take() {
            self.blocks.push(if self.in_heading {
                Block::Heading(text)
            } else {
                Block::Paragraph(text)
            });
        }
    }

    fn finish(mut self) -> Vec<Block> {
        self.end_block();
        self.blocks
    }

    fn finish_line(mut self) -> String {
        self.line.take().unwrap_or_default()
    }
}

/// Offset just past the next `end` at or after `from`; the input length if none.
fn skip_past(html: &str, from: usize, end: &str) -> usize {
    find_bytes(html, from, end).map_or(html.len(), |at| at + end.len())
}

/// Offset of the next `needle` at or after `from`. A plain scan: `str::find(&str)` would
/// bring the two-way searcher and its panic formatting into the wasm bundle, and our
/// needles are two or three bytes long.
fn find_bytes(haystack: &str, from: usize, needle: &str) -> Option<usize> {
    let hay = haystack.as_bytes();
    let needle = needle.as_bytes();
    let first = *needle.first()?;
    let mut at = from;
    loop {
        let candidate = at + hay.get(at..)?.iter().position(|&b| b == first)?;
        if hay.get(candidate..candidate + needle.len()) == Some(needle) {
            return Some(candidate);
        }
        at = candidate + 1;
    }
}

/// Calls `emit` with each character of `text`, character references decoded.
fn for_each_decoded(text: &str, mut emit: impl FnMut(char)) {
    let mut rest = text;
    while let Some(amp) = rest.find('&') {
        rest.get(..amp).unwrap_or("").chars().for_each(&mut emit);
        let after = rest.get(amp + 1..).unwrap_or("");
        match decode_reference(after) {
            Some((c, used)) => {
                emit(c);
                rest = after.get(used..).unwrap_or("");
            }
            None => {
                emit('&');
                rest = after;
            }
        }
    }
    rest.chars().for_each(emit);
}

/// Decodes the reference that follows an `&`; returns the character and the bytes used.
fn decode_reference(after_amp: &str) -> Option<(char, usize)> {
    let bytes = after_amp.as_bytes();
    if bytes.first() == Some(&b'#') {
        let (radix, digits_start) = match bytes.get(1) {
            Some(b'x' | b'X') => (16, 2),
            _ => (10, 1),
        };
        let mut value: u32 = 0;
        let mut at = digits_start;
        while let Some(digit) = bytes.get(at).and_then(|&b| (b as char).to_digit(radix)) {
            // Saturate past the Unicode range instead of overflowing on long digit runs.
            value = value
                .saturating_mul(radix)
                .saturating_add(digit)
                .min(0x11_0000);
            at += 1;
        }
        if at == digits_start {
            return None;
        }
        if bytes.get(at) == Some(&b';') {
            at += 1;
        }
        return Some((numeric_reference(value), at));
    }
    let name_len = bytes
        .iter()
        .take(32)
        .take_while(|b| b.is_ascii_alphanumeric())
        .count();
    let name = after_amp.get(..name_len)?;
    if bytes.get(name_len) == Some(&b';') {
        return named_reference(name).map(|c| (c, name_len + 1));
    }
    // Browsers also accept these few without the semicolon, even run into following
    // letters ("&lt3" is "<3"), and publishers rely on it.
    ["quot", "nbsp", "amp", "lt", "gt"]
        .into_iter()
        .find(|legacy| name.starts_with(legacy))
        .and_then(|legacy| named_reference(legacy).map(|c| (c, legacy.len())))
}

fn numeric_reference(value: u32) -> char {
    const WINDOWS_1252: [u32; 32] = [
        0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
        0x2039, 0x0152, 0x8D, 0x017D, 0x8F, 0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013,
        0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178,
    ];
    let value = match value {
        0x80..=0x9F => WINDOWS_1252
            .get((value - 0x80) as usize)
            .copied()
            .unwrap_or(value),
        _ => value,
    };
    match value {
        0 => '\u{FFFD}',
        v => char::from_u32(v).unwrap_or('\u{FFFD}'),
    }
}

/// Named references, sorted by name (byte order) for binary search: a table costs far less
/// wasm than a `match` over strings.
const NAMED: &[(&str, char)] = &[
    ("AElig", 'Æ'),
    ("AMP", '&'),
    ("Aacute", 'Á'),
    ("Acirc", 'Â'),
    ("Agrave", 'À'),
    ("Aring", 'Å'),
    ("Atilde", 'Ã'),
    ("Auml", 'Ä'),
    ("Ccedil", 'Ç'),
    ("Dagger", '‡'),
    ("Eacute", 'É'),
    ("Ecirc", 'Ê'),
    ("Egrave", 'È'),
    ("Euml", 'Ë'),
    ("GT", '>'),
    ("Iacute", 'Í'),
    ("Icirc", 'Î'),
    ("Igrave", 'Ì'),
    ("Iuml", 'Ï'),
    ("LT", '<'),
    ("Ntilde", 'Ñ'),
    ("OElig", 'Œ'),
    ("Oacute", 'Ó'),
    ("Ocirc", 'Ô'),
    ("Ograve", 'Ò'),
    ("Omega", 'Ω'),
    ("Oslash", 'Ø'),
    ("Otilde", 'Õ'),
    ("Ouml", 'Ö'),
    ("Prime", '″'),
    ("QUOT", '"'),
    ("Scaron", 'Š'),
    ("Uacute", 'Ú'),
    ("Ucirc", 'Û'),
    ("Ugrave", 'Ù'),
    ("Uuml", 'Ü'),
    ("Yacute", 'Ý'),
    ("Yuml", 'Ÿ'),
    ("aacute", 'á'),
    ("acirc", 'â'),
    ("acute", '´'),
    ("aelig", 'æ'),
    ("agrave", 'à'),
    ("alpha", 'α'),
    ("amp", '&'),
    ("apos", '\''),
    ("aring", 'å'),
    ("asymp", '≈'),
    ("atilde", 'ã'),
    ("auml", 'ä'),
    ("bdquo", '„'),
    ("beta", 'β'),
    ("brvbar", '¦'),
    ("bull", '•'),
    ("ccedil", 'ç'),
    ("cedil", '¸'),
    ("cent", '¢'),
    ("check", '✓'),
    ("circ", 'ˆ'),
    ("copy", '©'),
    ("curren", '¤'),
    ("dagger", '†'),
    ("darr", '↓'),
    ("deg", '°'),
    ("delta", 'δ'),
    ("divide", '÷'),
    ("eacute", 'é'),
    ("ecirc", 'ê'),
    ("egrave", 'è'),
    ("emsp", '\u{2003}'),
    ("ensp", '\u{2002}'),
    ("euml", 'ë'),
    ("euro", '€'),
    ("fnof", 'ƒ'),
    ("frac12", '½'),
    ("frac14", '¼'),
    ("frac34", '¾'),
    ("gamma", 'γ'),
    ("ge", '≥'),
    ("gt", '>'),
    ("harr", '↔'),
    ("hearts", '♥'),
    ("hellip", '…'),
    ("iacute", 'í'),
    ("icirc", 'î'),
    ("iexcl", '¡'),
    ("igrave", 'ì'),
    ("infin", '∞'),
    ("iquest", '¿'),
    ("iuml", 'ï'),
    ("laquo", '«'),
    ("larr", '←'),
    ("ldquo", '“'),
    ("le", '≤'),
    ("lrm", '\u{200E}'),
    ("lsaquo", '‹'),
    ("lsquo", '‘'),
    ("lt", '<'),
    ("macr", '¯'),
    ("mdash", '—'),
    ("micro", 'µ'),
    ("middot", '·'),
    ("minus", '−'),
    ("mu", 'μ'),
    ("nbsp", '\u{A0}'),
    ("ndash", '–'),
    ("ne", '≠'),
    ("not", '¬'),
    ("ntilde", 'ñ'),
    ("oacute", 'ó'),
    ("ocirc", 'ô'),
    ("oelig", 'œ'),
    ("ograve", 'ò'),
    ("ordf", 'ª'),
    ("ordm", 'º'),
    ("oslash", 'ø'),
    ("otilde", 'õ'),
    ("ouml", 'ö'),
    ("para", '¶'),
    ("permil", '‰'),
    ("pi", 'π'),
    ("plusmn", '±'),
    ("pound", '£'),
    ("prime", '′'),
    ("quot", '"'),
    ("raquo", '»'),
    ("rarr", '→'),
    ("rdquo", '”'),
    ("reg", '®'),
    ("rlm", '\u{200F}'),
    ("rsaquo", '›'),
    ("rsquo", '’'),
    ("sbquo", '‚'),
    ("scaron", 'š'),
    ("sect", '§'),
    ("shy", '\u{AD}'),
    ("star", '☆'),
    ("sup1", '¹'),
    ("sup2", '²'),
    ("sup3", '³'),
    ("szlig", 'ß'),
    ("thinsp", '\u{2009}'),
    ("tilde", '˜'),
    ("times", '×'),
    ("trade", '™'),
    ("uacute", 'ú'),
    ("uarr", '↑'),
    ("ucirc", 'û'),
    ("ugrave", 'ù'),
    ("uml", '¨'),
    ("uuml", 'ü'),
    ("yacute", 'ý'),
    ("yen", '¥'),
    ("yuml", 'ÿ'),
    ("zwj", '\u{200D}'),
    ("zwnj", '\u{200C}'),
];

fn named_reference(name: &str) -> Option<char> {
    NAMED
        .binary_search_by(|(candidate, _)| candidate.as_bytes().cmp(name.as_bytes()))
        .ok()
        .and_then(|index| NAMED.get(index))
        .map(|&(_, c)| c)
}
