//! The HTML tokenizer of the WHATWG standard (§13.2.5), state for state.
//!
//! It turns a string into start tags (lower-cased names, decoded attribute values, duplicate
//! attributes dropped), end tags, text, comments and doctypes, exactly as a browser's
//! tokenizer does; `tests/html5lib_tokenizer.rs` proves it against html5lib's tokenizer
//! suite. Parse errors are not reported: nothing here needs them.
//!
//! The tokenizer does not know the tree. The model builder switches it into RCDATA,
//! RAWTEXT, script data or PLAINTEXT after the start tags that need it (`textarea`, `style`,
//! `script`, …), and allows CDATA sections inside `svg`/`math`, as a browser's tree builder
//! would.

use std::borrow::Cow;
use std::collections::VecDeque;

use super::entities;

/// One token. Adjacent text is delivered as one `Text` token.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Token {
    StartTag(Tag),
    /// End tags carry only their name (their attributes are a parse error and ignored).
    EndTag(String),
    Text(String),
    Comment(String),
    Doctype(Doctype),
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Tag {
    /// ASCII lower-cased.
    pub name: String,
    /// In source order; names lower-cased; a repeated name keeps its first value.
    pub attrs: Vec<(String, String)>,
    pub self_closing: bool,
}

impl Tag {
    /// The value of attribute `name` (lower-case), if present.
    pub fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Doctype {
    pub name: Option<String>,
    pub public_id: Option<String>,
    pub system_id: Option<String>,
    pub force_quirks: bool,
}

/// The states a tree builder (or a test) may put the tokenizer in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TextState {
    Data,
    Rcdata,
    Rawtext,
    ScriptData,
    Plaintext,
    CdataSection,
}

/// Text states whose `</name>` ends them; they share the end-tag states below.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Raw {
    Rcdata,
    Rawtext,
    ScriptData,
    ScriptDataEscaped,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum State {
    Data,
    Rcdata,
    Rawtext,
    ScriptData,
    Plaintext,
    TagOpen,
    EndTagOpen,
    TagName,
    RcdataLessThan,
    RawtextLessThan,
    ScriptDataLessThan,
    RawEndTagOpen(Raw),
    RawEndTagName(Raw),
    ScriptDataEscapeStart,
    ScriptDataEscapeStartDash,
    ScriptDataEscaped,
    ScriptDataEscapedDash,
    ScriptDataEscapedDashDash,
    ScriptDataEscapedLessThan,
    ScriptDataDoubleEscapeStart,
    ScriptDataDoubleEscaped,
    ScriptDataDoubleEscapedDash,
    ScriptDataDoubleEscapedDashDash,
    ScriptDataDoubleEscapedLessThan,
    ScriptDataDoubleEscapeEnd,
    BeforeAttributeName,
    AttributeName,
    AfterAttributeName,
    BeforeAttributeValue,
    AttributeValueQuoted(char),
    AttributeValueUnquoted,
    AfterAttributeValueQuoted,
    SelfClosingStartTag,
    BogusComment,
    MarkupDeclarationOpen,
    CommentStart,
    CommentStartDash,
    Comment,
    CommentLessThan,
    CommentLessThanBang,
    CommentLessThanBangDash,
    CommentLessThanBangDashDash,
    CommentEndDash,
    CommentEnd,
    CommentEndBang,
    Doctype,
    BeforeDoctypeName,
    DoctypeName,
    AfterDoctypeName,
    AfterDoctypeKeyword(DoctypeId),
    BeforeDoctypeId(DoctypeId),
    DoctypeIdQuoted(DoctypeId, char),
    AfterDoctypePublicId,
    BetweenDoctypeIds,
    AfterDoctypeSystemId,
    BogusDoctype,
    CdataSection,
    CdataSectionBracket,
    CdataSectionEnd,
    CharacterReference,
    NamedCharacterReference,
    AmbiguousAmpersand,
    NumericCharacterReference,
    NumericReferenceStart(u32),
    NumericReference(u32),
    NumericReferenceEnd,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum DoctypeId {
    Public,
    System,
}

fn is_space(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\u{C}' | ' ')
}

/// Tokenizes a string; call [`Tokenizer::next_token`] until it returns `None`.
pub struct Tokenizer<'a> {
    input: Cow<'a, str>,
    pos: usize,
    state: State,
    /// Where a character reference returns to.
    return_state: State,
    queue: VecDeque<Token>,
    text: String,
    tag: Tag,
    is_end_tag: bool,
    attr_name: String,
    attr_value: String,
    /// Whether the attribute being read repeats an earlier one (and is to be dropped).
    has_attr: bool,
    comment: String,
    doctype: Doctype,
    buffer: String,
    char_ref: u32,
    last_start_tag: String,
    cdata_allowed: bool,
    done: bool,
}

impl<'a> Tokenizer<'a> {
    pub fn new(input: &'a str) -> Self {
        // The standard's input preprocessing: CR LF and lone CR become LF.
        let input = if input.contains('\r') {
            // A loop rather than `replace("\r\n", …)`, whose substring searcher costs wasm.
            let mut normal = String::with_capacity(input.len());
            let mut chars = input.chars().peekable();
            while let Some(c) = chars.next() {
                if c == '\r' {
                    chars.next_if_eq(&'\n');
                    normal.push('\n');
                } else {
                    normal.push(c);
                }
            }
            Cow::Owned(normal)
        } else {
            Cow::Borrowed(input)
        };
        Tokenizer {
            input,
            pos: 0,
            state: State::Data,
            return_state: State::Data,
            queue: VecDeque::new(),
            text: String::new(),
            tag: Tag::default(),
            is_end_tag: false,
            attr_name: String::new(),
            attr_value: String::new(),
            has_attr: false,
            comment: String::new(),
            doctype: Doctype::default(),
            buffer: String::new(),
            char_ref: 0,
            last_start_tag: String::new(),
            cdata_allowed: false,
            done: false,
        }
    }

    /// Continues in `state` (the tree builder's switch after `<style>`, `<textarea>`, …).
    pub fn switch_to(&mut self, state: TextState) {
        self.state = match state {
            TextState::Data => State::Data,
            TextState::Rcdata => State::Rcdata,
            TextState::Rawtext => State::Rawtext,
            TextState::ScriptData => State::ScriptData,
            TextState::Plaintext => State::Plaintext,
            TextState::CdataSection => State::CdataSection,
        };
    }

    /// Sets the last start tag's name, which decides which end tag ends RCDATA and RAWTEXT.
    pub fn set_last_start_tag(&mut self, name: &str) {
        name.clone_into(&mut self.last_start_tag);
    }

    /// Whether `<![CDATA[` opens a CDATA section (only in `svg` and `math` content).
    pub fn allow_cdata(&mut self, allowed: bool) {
        self.cdata_allowed = allowed;
    }

    /// How far into the (preprocessed) input the tokenizer has read, in bytes.
    pub fn offset(&self) -> usize {
        self.pos
    }

    pub fn next_token(&mut self) -> Option<Token> {
        loop {
            if let Some(token) = self.queue.pop_front() {
                return Some(token);
            }
            if self.done {
                return None;
            }
            self.step();
        }
    }

    fn next_char(&mut self) -> Option<char> {
        let c = self.input.get(self.pos..)?.chars().next()?;
        self.pos += c.len_utf8();
        Some(c)
    }

    /// Gives `c` back to the input, to be read again in `state`.
    fn reconsume(&mut self, c: Option<char>, state: State) {
        if let Some(c) = c {
            self.pos -= c.len_utf8();
        }
        self.state = state;
    }

    fn rest(&self) -> &str {
        self.input.get(self.pos..).unwrap_or("")
    }

    fn emit_char(&mut self, c: char) {
        self.text.push(c);
    }

    fn emit_str(&mut self, s: &str) {
        self.text.push_str(s);
    }

    fn emit(&mut self, token: Token) {
        self.flush_text();
        self.queue.push_back(token);
    }

    fn flush_text(&mut self) {
        if !self.text.is_empty() {
            let text = std::mem::take(&mut self.text);
            self.queue.push_back(Token::Text(text));
        }
    }

    fn eof(&mut self) {
        self.flush_text();
        self.done = true;
    }

    fn new_tag(&mut self, is_end: bool) {
        self.tag = Tag::default();
        self.is_end_tag = is_end;
        self.has_attr = false;
    }

    fn start_attribute(&mut self) {
        self.finish_attribute();
        self.has_attr = true;
    }

    fn finish_attribute(&mut self) {
        if !self.has_attr {
            return;
        }
        self.has_attr = false;
        let name = std::mem::take(&mut self.attr_name);
        let value = std::mem::take(&mut self.attr_value);
        if !self.tag.attrs.iter().any(|(n, _)| *n == name) {
            self.tag.attrs.push((name, value));
        }
    }

    fn emit_tag(&mut self) {
        self.finish_attribute();
        let tag = std::mem::take(&mut self.tag);
        if self.is_end_tag {
            self.emit(Token::EndTag(tag.name));
        } else {
            self.last_start_tag.clone_from(&tag.name);
            self.emit(Token::StartTag(tag));
        }
    }

    fn emit_comment(&mut self) {
        let comment = std::mem::take(&mut self.comment);
        self.emit(Token::Comment(comment));
    }

    fn emit_doctype(&mut self, force_quirks: bool) {
        let mut doctype = std::mem::take(&mut self.doctype);
        doctype.force_quirks |= force_quirks;
        self.emit(Token::Doctype(doctype));
    }

    fn is_appropriate_end_tag(&self) -> bool {
        !self.last_start_tag.is_empty() && self.tag.name == self.last_start_tag
    }

    fn in_attribute(&self) -> bool {
        matches!(
            self.return_state,
            State::AttributeValueQuoted(_) | State::AttributeValueUnquoted
        )
    }

    /// The standard's "flush code points consumed as a character reference".
    fn flush_reference(&mut self) {
        let buffer = std::mem::take(&mut self.buffer);
        if self.in_attribute() {
            self.attr_value.push_str(&buffer);
        } else {
            self.emit_str(&buffer);
        }
    }

    /// Text states: one character of data.
    fn text_state(&mut self, c: Option<char>, less_than: Option<State>, references: bool) {
        match c {
            Some('&') if references => {
                self.return_state = self.state;
                self.state = State::CharacterReference;
            }
            Some('<') if less_than.is_some() => self.state = less_than.unwrap_or(State::Data),
            // U+0000 stays in data (the tree builder drops it) and is replaced elsewhere.
            Some('\0') if self.state != State::Data => self.emit_char('\u{FFFD}'),
            Some(c) => self.emit_char(c),
            None => self.eof(),
        }
    }

    fn step(&mut self) {
        let c = self.next_char();
        match self.state {
            State::Data => self.text_state(c, Some(State::TagOpen), true),
            State::Rcdata => self.text_state(c, Some(State::RcdataLessThan), true),
            State::Rawtext => self.text_state(c, Some(State::RawtextLessThan), false),
            State::ScriptData => self.text_state(c, Some(State::ScriptDataLessThan), false),
            State::Plaintext => self.text_state(c, None, false),
            State::TagOpen => match c {
                Some('!') => self.state = State::MarkupDeclarationOpen,
                Some('/') => self.state = State::EndTagOpen,
                Some(c) if c.is_ascii_alphabetic() => {
                    self.new_tag(false);
                    self.reconsume(Some(c), State::TagName);
                }
                Some('?') => {
                    self.comment.clear();
                    self.reconsume(c, State::BogusComment);
                }
                None => {
                    self.emit_char('<');
                    self.eof();
                }
                Some(_) => {
                    self.emit_char('<');
                    self.reconsume(c, State::Data);
                }
            },
            State::EndTagOpen => match c {
                Some(c) if c.is_ascii_alphabetic() => {
                    self.new_tag(true);
                    self.reconsume(Some(c), State::TagName);
                }
                Some('>') => self.state = State::Data,
                None => {
                    self.emit_str("</");
                    self.eof();
                }
                Some(_) => {
                    self.comment.clear();
                    self.reconsume(c, State::BogusComment);
                }
            },
            State::TagName => match c {
                Some(c) if is_space(c) => self.state = State::BeforeAttributeName,
                Some('/') => self.state = State::SelfClosingStartTag,
                Some('>') => {
                    self.state = State::Data;
                    self.emit_tag();
                }
                Some('\0') => self.tag.name.push('\u{FFFD}'),
                Some(c) => self.tag.name.push(c.to_ascii_lowercase()),
                None => self.eof(),
            },
            State::RcdataLessThan => self.raw_less_than(c, Raw::Rcdata),
            State::RawtextLessThan => self.raw_less_than(c, Raw::Rawtext),
            State::ScriptDataLessThan => match c {
                Some('!') => {
                    self.state = State::ScriptDataEscapeStart;
                    self.emit_str("<!");
                }
                _ => self.raw_less_than(c, Raw::ScriptData),
            },
            State::RawEndTagOpen(raw) => match c {
                Some(c) if c.is_ascii_alphabetic() => {
                    self.new_tag(true);
                    self.reconsume(Some(c), State::RawEndTagName(raw));
                }
                _ => {
                    self.emit_str("</");
                    self.reconsume(c, raw_state(raw));
                }
            },
            State::RawEndTagName(raw) => self.raw_end_tag_name(c, raw),
            State::ScriptDataEscapeStart | State::ScriptDataEscapeStartDash => match c {
                Some('-') => {
                    self.state = if self.state == State::ScriptDataEscapeStart {
                        State::ScriptDataEscapeStartDash
                    } else {
                        State::ScriptDataEscapedDashDash
                    };
                    self.emit_char('-');
                }
                _ => self.reconsume(c, State::ScriptData),
            },
            State::ScriptDataEscaped
            | State::ScriptDataEscapedDash
            | State::ScriptDataEscapedDashDash => self.script_escaped(c, false),
            State::ScriptDataDoubleEscaped
            | State::ScriptDataDoubleEscapedDash
            | State::ScriptDataDoubleEscapedDashDash => self.script_escaped(c, true),
            State::ScriptDataEscapedLessThan => match c {
                Some('/') => {
                    self.buffer.clear();
                    self.state = State::RawEndTagOpen(Raw::ScriptDataEscaped);
                }
                Some(c) if c.is_ascii_alphabetic() => {
                    self.buffer.clear();
                    self.emit_char('<');
                    self.reconsume(Some(c), State::ScriptDataDoubleEscapeStart);
                }
                _ => {
                    self.emit_char('<');
                    self.reconsume(c, State::ScriptDataEscaped);
                }
            },
            State::ScriptDataDoubleEscapeStart | State::ScriptDataDoubleEscapeEnd => {
                let starting = self.state == State::ScriptDataDoubleEscapeStart;
                let (escaped, double) = (State::ScriptDataEscaped, State::ScriptDataDoubleEscaped);
                match c {
                    Some(c) if is_space(c) || c == '/' || c == '>' => {
                        let is_script = self.buffer == "script";
                        self.state = match (starting, is_script) {
                            (true, true) | (false, false) => double,
                            (true, false) | (false, true) => escaped,
                        };
                        self.emit_char(c);
                    }
                    Some(c) if c.is_ascii_alphabetic() => {
                        self.buffer.push(c.to_ascii_lowercase());
                        self.emit_char(c);
                    }
                    _ => self.reconsume(c, if starting { escaped } else { double }),
                }
            }
            State::ScriptDataDoubleEscapedLessThan => match c {
                Some('/') => {
                    self.buffer.clear();
                    self.state = State::ScriptDataDoubleEscapeEnd;
                    self.emit_char('/');
                }
                _ => self.reconsume(c, State::ScriptDataDoubleEscaped),
            },
            State::BeforeAttributeName => match c {
                Some(c) if is_space(c) => {}
                Some('/' | '>') | None => self.reconsume(c, State::AfterAttributeName),
                Some('=') => {
                    self.start_attribute();
                    self.attr_name.push('=');
                    self.state = State::AttributeName;
                }
                Some(_) => {
                    self.start_attribute();
                    self.reconsume(c, State::AttributeName);
                }
            },
            State::AttributeName => match c {
                Some(c) if is_space(c) || c == '/' || c == '>' => {
                    self.reconsume(Some(c), State::AfterAttributeName)
                }
                None => self.reconsume(c, State::AfterAttributeName),
                Some('=') => self.state = State::BeforeAttributeValue,
                Some('\0') => self.attr_name.push('\u{FFFD}'),
                Some(c) => self.attr_name.push(c.to_ascii_lowercase()),
            },
            State::AfterAttributeName => match c {
                Some(c) if is_space(c) => {}
                Some('/') => self.state = State::SelfClosingStartTag,
                Some('=') => self.state = State::BeforeAttributeValue,
                Some('>') => {
                    self.state = State::Data;
                    self.emit_tag();
                }
                None => self.eof(),
                Some(_) => {
                    self.start_attribute();
                    self.reconsume(c, State::AttributeName);
                }
            },
            State::BeforeAttributeValue => match c {
                Some(c) if is_space(c) => {}
                Some(q @ ('"' | '\'')) => self.state = State::AttributeValueQuoted(q),
                Some('>') => {
                    self.state = State::Data;
                    self.emit_tag();
                }
                _ => self.reconsume(c, State::AttributeValueUnquoted),
            },
            State::AttributeValueQuoted(quote) => match c {
                Some(c) if c == quote => self.state = State::AfterAttributeValueQuoted,
                Some('&') => {
                    self.return_state = self.state;
                    self.state = State::CharacterReference;
                }
                Some('\0') => self.attr_value.push('\u{FFFD}'),
                Some(c) => self.attr_value.push(c),
                None => self.eof(),
            },
            State::AttributeValueUnquoted => match c {
                Some(c) if is_space(c) => self.state = State::BeforeAttributeName,
                Some('&') => {
                    self.return_state = self.state;
                    self.state = State::CharacterReference;
                }
                Some('>') => {
                    self.state = State::Data;
                    self.emit_tag();
                }
                Some('\0') => self.attr_value.push('\u{FFFD}'),
                Some(c) => self.attr_value.push(c),
                None => self.eof(),
            },
            State::AfterAttributeValueQuoted => match c {
                Some(c) if is_space(c) => self.state = State::BeforeAttributeName,
                Some('/') => self.state = State::SelfClosingStartTag,
                Some('>') => {
                    self.state = State::Data;
                    self.emit_tag();
                }
                None => self.eof(),
                Some(_) => self.reconsume(c, State::BeforeAttributeName),
            },
            State::SelfClosingStartTag => match c {
                Some('>') => {
                    self.tag.self_closing = true;
                    self.state = State::Data;
                    self.emit_tag();
                }
                None => self.eof(),
                Some(_) => self.reconsume(c, State::BeforeAttributeName),
            },
            State::BogusComment => match c {
                Some('>') => {
                    self.state = State::Data;
                    self.emit_comment();
                }
                Some('\0') => self.comment.push('\u{FFFD}'),
                Some(c) => self.comment.push(c),
                None => {
                    self.emit_comment();
                    self.eof();
                }
            },
            State::MarkupDeclarationOpen => {
                self.reconsume(c, State::MarkupDeclarationOpen);
                self.markup_declaration_open();
            }
            State::CommentStart => match c {
                Some('-') => self.state = State::CommentStartDash,
                Some('>') => {
                    self.state = State::Data;
                    self.emit_comment();
                }
                _ => self.reconsume(c, State::Comment),
            },
            State::CommentStartDash => match c {
                Some('-') => self.state = State::CommentEnd,
                Some('>') => {
                    self.state = State::Data;
                    self.emit_comment();
                }
                None => {
                    self.emit_comment();
                    self.eof();
                }
                Some(_) => {
                    self.comment.push('-');
                    self.reconsume(c, State::Comment);
                }
            },
            State::Comment => match c {
                Some('<') => {
                    self.comment.push('<');
                    self.state = State::CommentLessThan;
                }
                Some('-') => self.state = State::CommentEndDash,
                Some('\0') => self.comment.push('\u{FFFD}'),
                Some(c) => self.comment.push(c),
                None => {
                    self.emit_comment();
                    self.eof();
                }
            },
            State::CommentLessThan => match c {
                Some('!') => {
                    self.comment.push('!');
                    self.state = State::CommentLessThanBang;
                }
                Some('<') => self.comment.push('<'),
                _ => self.reconsume(c, State::Comment),
            },
            State::CommentLessThanBang => match c {
                Some('-') => self.state = State::CommentLessThanBangDash,
                _ => self.reconsume(c, State::Comment),
            },
            State::CommentLessThanBangDash => match c {
                Some('-') => self.state = State::CommentLessThanBangDashDash,
                _ => self.reconsume(c, State::CommentEndDash),
            },
            State::CommentLessThanBangDashDash => self.reconsume(c, State::CommentEnd),
            State::CommentEndDash => match c {
                Some('-') => self.state = State::CommentEnd,
                None => {
                    self.emit_comment();
                    self.eof();
                }
                Some(_) => {
                    self.comment.push('-');
                    self.reconsume(c, State::Comment);
                }
            },
            State::CommentEnd => match c {
                Some('>') => {
                    self.state = State::Data;
                    self.emit_comment();
                }
                Some('!') => self.state = State::CommentEndBang,
                Some('-') => self.comment.push('-'),
                None => {
                    self.emit_comment();
                    self.eof();
                }
                Some(_) => {
                    self.comment.push_str("--");
                    self.reconsume(c, State::Comment);
                }
            },
            State::CommentEndBang => match c {
                Some('-') => {
                    self.comment.push_str("--!");
                    self.state = State::CommentEndDash;
                }
                Some('>') => {
                    self.state = State::Data;
                    self.emit_comment();
                }
                None => {
                    self.emit_comment();
                    self.eof();
                }
                Some(_) => {
                    self.comment.push_str("--!");
                    self.reconsume(c, State::Comment);
                }
            },
            State::Doctype => match c {
                Some(c) if is_space(c) => self.state = State::BeforeDoctypeName,
                None => {
                    self.doctype = Doctype::default();
                    self.emit_doctype(true);
                    self.eof();
                }
                _ => self.reconsume(c, State::BeforeDoctypeName),
            },
            State::BeforeDoctypeName => match c {
                Some(c) if is_space(c) => {}
                Some('>') => {
                    self.doctype = Doctype::default();
                    self.state = State::Data;
                    self.emit_doctype(true);
                }
                None => {
                    self.doctype = Doctype::default();
                    self.emit_doctype(true);
                    self.eof();
                }
                Some(c) => {
                    self.doctype = Doctype {
                        name: Some(String::new()),
                        ..Doctype::default()
                    };
                    self.reconsume(Some(c), State::DoctypeName);
                }
            },
            State::DoctypeName => match c {
                Some(c) if is_space(c) => self.state = State::AfterDoctypeName,
                Some('>') => {
                    self.state = State::Data;
                    self.emit_doctype(false);
                }
                None => {
                    self.emit_doctype(true);
                    self.eof();
                }
                Some(c) => {
                    let c = if c == '\0' {
                        '\u{FFFD}'
                    } else {
                        c.to_ascii_lowercase()
                    };
                    self.doctype.name.get_or_insert_with(String::new).push(c);
                }
            },
            State::AfterDoctypeName => match c {
                Some(c) if is_space(c) => {}
                Some('>') => {
                    self.state = State::Data;
                    self.emit_doctype(false);
                }
                None => {
                    self.emit_doctype(true);
                    self.eof();
                }
                Some(c) => {
                    self.reconsume(Some(c), State::AfterDoctypeName);
                    let keyword = self.rest().get(..6).unwrap_or("");
                    if keyword.eq_ignore_ascii_case("public") {
                        self.pos += 6;
                        self.state = State::AfterDoctypeKeyword(DoctypeId::Public);
                    } else if keyword.eq_ignore_ascii_case("system") {
                        self.pos += 6;
                        self.state = State::AfterDoctypeKeyword(DoctypeId::System);
                    } else {
                        self.doctype.force_quirks = true;
                        self.state = State::BogusDoctype;
                        self.pos += c.len_utf8();
                    }
                }
            },
            State::AfterDoctypeKeyword(id) => match c {
                Some(c) if is_space(c) => self.state = State::BeforeDoctypeId(id),
                _ => self.doctype_id_start(c, id),
            },
            State::BeforeDoctypeId(id) => match c {
                Some(c) if is_space(c) => {}
                _ => self.doctype_id_start(c, id),
            },
            State::DoctypeIdQuoted(id, quote) => match c {
                Some(c) if c == quote => {
                    self.state = match id {
                        DoctypeId::Public => State::AfterDoctypePublicId,
                        DoctypeId::System => State::AfterDoctypeSystemId,
                    }
                }
                Some('>') => {
                    self.state = State::Data;
                    self.emit_doctype(true);
                }
                None => {
                    self.emit_doctype(true);
                    self.eof();
                }
                Some(c) => {
                    let c = if c == '\0' { '\u{FFFD}' } else { c };
                    let field = match id {
                        DoctypeId::Public => &mut self.doctype.public_id,
                        DoctypeId::System => &mut self.doctype.system_id,
                    };
                    field.get_or_insert_with(String::new).push(c);
                }
            },
            State::AfterDoctypePublicId | State::BetweenDoctypeIds => match c {
                Some(c) if is_space(c) => self.state = State::BetweenDoctypeIds,
                Some('>') => {
                    self.state = State::Data;
                    self.emit_doctype(false);
                }
                Some(q @ ('"' | '\'')) => {
                    self.doctype.system_id = Some(String::new());
                    self.state = State::DoctypeIdQuoted(DoctypeId::System, q);
                }
                None => {
                    self.emit_doctype(true);
                    self.eof();
                }
                Some(_) => {
                    self.doctype.force_quirks = true;
                    self.reconsume(c, State::BogusDoctype);
                }
            },
            State::AfterDoctypeSystemId => match c {
                Some(c) if is_space(c) => {}
                Some('>') => {
                    self.state = State::Data;
                    self.emit_doctype(false);
                }
                None => {
                    self.emit_doctype(true);
                    self.eof();
                }
                Some(_) => self.reconsume(c, State::BogusDoctype),
            },
            State::BogusDoctype => match c {
                Some('>') => {
                    self.state = State::Data;
                    self.emit_doctype(false);
                }
                None => {
                    self.emit_doctype(false);
                    self.eof();
                }
                Some(_) => {}
            },
            State::CdataSection => match c {
                Some(']') => self.state = State::CdataSectionBracket,
                Some(c) => self.emit_char(c),
                None => self.eof(),
            },
            State::CdataSectionBracket => match c {
                Some(']') => self.state = State::CdataSectionEnd,
                _ => {
                    self.emit_char(']');
                    self.reconsume(c, State::CdataSection);
                }
            },
            State::CdataSectionEnd => match c {
                Some(']') => self.emit_char(']'),
                Some('>') => self.state = State::Data,
                _ => {
                    self.emit_str("]]");
                    self.reconsume(c, State::CdataSection);
                }
            },
            State::CharacterReference => {
                self.buffer.clear();
                self.buffer.push('&');
                match c {
                    Some(c) if c.is_ascii_alphanumeric() => {
                        self.reconsume(Some(c), State::NamedCharacterReference)
                    }
                    Some('#') => {
                        self.buffer.push('#');
                        self.state = State::NumericCharacterReference;
                    }
                    _ => {
                        self.flush_reference();
                        self.reconsume(c, self.return_state);
                    }
                }
            }
            State::NamedCharacterReference => {
                self.reconsume(c, State::NamedCharacterReference);
                self.named_reference();
            }
            State::AmbiguousAmpersand => match c {
                Some(c) if c.is_ascii_alphanumeric() => {
                    if self.in_attribute() {
                        self.attr_value.push(c);
                    } else {
                        self.emit_char(c);
                    }
                }
                _ => self.reconsume(c, self.return_state),
            },
            State::NumericCharacterReference => {
                self.char_ref = 0;
                match c {
                    Some(x @ ('x' | 'X')) => {
                        self.buffer.push(x);
                        self.state = State::NumericReferenceStart(16);
                    }
                    _ => self.reconsume(c, State::NumericReferenceStart(10)),
                }
            }
            State::NumericReferenceStart(radix) => match c {
                Some(d) if d.is_digit(radix) => {
                    self.reconsume(Some(d), State::NumericReference(radix))
                }
                _ => {
                    self.flush_reference();
                    self.reconsume(c, self.return_state);
                }
            },
            State::NumericReference(radix) => match c.and_then(|d| d.to_digit(radix)) {
                Some(digit) => {
                    // Saturates past the Unicode range rather than overflowing.
                    self.char_ref = self
                        .char_ref
                        .saturating_mul(radix)
                        .saturating_add(digit)
                        .min(0x11_0000);
                }
                None if c == Some(';') => self.state = State::NumericReferenceEnd,
                None => self.reconsume(c, State::NumericReferenceEnd),
            },
            State::NumericReferenceEnd => {
                self.reconsume(c, State::NumericReferenceEnd);
                self.buffer.clear();
                self.buffer.push(entities::numeric(self.char_ref));
                self.flush_reference();
                self.state = self.return_state;
            }
        }
    }

    fn raw_less_than(&mut self, c: Option<char>, raw: Raw) {
        match c {
            Some('/') => {
                self.buffer.clear();
                self.state = State::RawEndTagOpen(raw);
            }
            _ => {
                self.emit_char('<');
                self.reconsume(c, raw_state(raw));
            }
        }
    }

    fn raw_end_tag_name(&mut self, c: Option<char>, raw: Raw) {
        match c {
            Some(c) if (is_space(c) || c == '/' || c == '>') && self.is_appropriate_end_tag() => {
                match c {
                    '/' => self.state = State::SelfClosingStartTag,
                    '>' => {
                        self.state = State::Data;
                        self.emit_tag();
                    }
                    _ => self.state = State::BeforeAttributeName,
                }
            }
            Some(c) if c.is_ascii_alphabetic() => {
                self.tag.name.push(c.to_ascii_lowercase());
                self.buffer.push(c);
            }
            _ => {
                self.emit_str("</");
                let buffer = std::mem::take(&mut self.buffer);
                self.emit_str(&buffer);
                self.reconsume(c, raw_state(raw));
            }
        }
    }

    /// The six escaped and double-escaped script data states, which differ only in where a
    /// `<` leads and whether it is emitted at once.
    fn script_escaped(&mut self, c: Option<char>, double: bool) {
        let (plain, dash, dash_dash, less_than) = if double {
            (
                State::ScriptDataDoubleEscaped,
                State::ScriptDataDoubleEscapedDash,
                State::ScriptDataDoubleEscapedDashDash,
                State::ScriptDataDoubleEscapedLessThan,
            )
        } else {
            (
                State::ScriptDataEscaped,
                State::ScriptDataEscapedDash,
                State::ScriptDataEscapedDashDash,
                State::ScriptDataEscapedLessThan,
            )
        };
        match c {
            Some('-') => {
                self.state = if self.state == plain { dash } else { dash_dash };
                self.emit_char('-');
            }
            Some('<') => {
                self.state = less_than;
                if double {
                    self.emit_char('<');
                }
            }
            Some('>') if self.state == dash_dash => {
                self.state = State::ScriptData;
                self.emit_char('>');
            }
            Some(c) => {
                self.state = plain;
                self.emit_char(if c == '\0' { '\u{FFFD}' } else { c });
            }
            None => self.eof(),
        }
    }

    fn markup_declaration_open(&mut self) {
        let rest = self.rest();
        if rest.starts_with("--") {
            self.pos += 2;
            self.comment.clear();
            self.state = State::CommentStart;
        } else if rest
            .get(..7)
            .is_some_and(|s| s.eq_ignore_ascii_case("doctype"))
        {
            self.pos += 7;
            self.state = State::Doctype;
        } else if rest.starts_with("[CDATA[") {
            self.pos += 7;
            if self.cdata_allowed {
                self.state = State::CdataSection;
            } else {
                "[CDATA[".clone_into(&mut self.comment);
                self.state = State::BogusComment;
            }
        } else {
            self.comment.clear();
            self.state = State::BogusComment;
        }
    }

    fn doctype_id_start(&mut self, c: Option<char>, id: DoctypeId) {
        match c {
            Some(q @ ('"' | '\'')) => {
                let field = match id {
                    DoctypeId::Public => &mut self.doctype.public_id,
                    DoctypeId::System => &mut self.doctype.system_id,
                };
                *field = Some(String::new());
                self.state = State::DoctypeIdQuoted(id, q);
            }
            Some('>') => {
                self.state = State::Data;
                self.emit_doctype(true);
            }
            None => {
                self.emit_doctype(true);
                self.eof();
            }
            Some(_) => {
                self.doctype.force_quirks = true;
                self.reconsume(c, State::BogusDoctype);
            }
        }
    }

    fn named_reference(&mut self) {
        let Some((used, value)) = entities::longest_named(self.rest()) else {
            // No name matches: the `&` stays literal and the letters are read as text.
            self.flush_reference();
            self.state = State::AmbiguousAmpersand;
            return;
        };
        let name = self.rest().get(..used).unwrap_or("");
        let historical = self.in_attribute()
            && !name.ends_with(';')
            && self
                .rest()
                .get(used..)
                .and_then(|after| after.chars().next())
                .is_some_and(|n| n == '=' || n.is_ascii_alphanumeric());
        if historical {
            // `href="?a=1&copy=2"` keeps `&copy`: old pages relied on it.
            let name = name.to_string();
            self.buffer.push_str(&name);
        } else {
            self.buffer.clear();
            self.buffer.push_str(value);
        }
        self.pos += used;
        self.flush_reference();
        self.state = self.return_state;
    }
}

fn raw_state(raw: Raw) -> State {
    match raw {
        Raw::Rcdata => State::Rcdata,
        Raw::Rawtext => State::Rawtext,
        Raw::ScriptData => State::ScriptData,
        Raw::ScriptDataEscaped => State::ScriptDataEscaped,
    }
}
