//! The untyped JSON the reader walks, and the parser that produces it.
//!
//! The widget's own instead of `serde_json`: serde's visitor machinery, its `BTreeMap`
//! objects, float parsing and float printing were about 13 kB of the brotli'd wasm
//! (docs/size.md). The parser accepts exactly what `serde_json::from_slice` accepts and
//! reports the same errors at the same line and column (tests/json_value.rs checks it
//! against serde_json), so messages to publishers did not change.
//!
//! Floats are the one part left to the platform: [`Number::Float`] is parsed by Rust's
//! `std` on the host and by the JavaScript engine (`parseFloat`) in the browser, both
//! correctly rounded, so the widget carries no float parser of its own.

/// A JSON value. Objects keep their members in document order (see [`Map`]).
#[derive(Debug, PartialEq)]
pub enum Value {
    Null,
    Bool(bool),
    Number(Number),
    String(String),
    Array(Vec<Value>),
    Object(Map),
}

/// A JSON number, classified as serde_json does: non-negative integers that fit a `u64`,
/// negative ones that fit an `i64`, and everything else (fractions, exponents, `-0`,
/// integers too long for 64 bits) as a finite `f64`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Number {
    PosInt(u64),
    NegInt(i64),
    Float(f64),
}

impl Number {
    pub fn as_u64(&self) -> Option<u64> {
        match *self {
            Number::PosInt(n) => Some(n),
            _ => None,
        }
    }

    pub fn as_f64(&self) -> f64 {
        match *self {
            Number::PosInt(n) => n as f64,
            Number::NegInt(n) => n as f64,
            Number::Float(f) => f,
        }
    }
}

/// An object's members in document order. A repeated key is kept as written, but every
/// lookup sees only its last value, as with serde_json (whose maps keep the last).
#[derive(Debug, Default, PartialEq)]
pub struct Map(Vec<(String, Value)>);

impl Map {
    pub fn get(&self, key: &str) -> Option<&Value> {
        self.0.iter().rev().find(|(k, _)| k == key).map(|(_, v)| v)
    }

    /// Takes the key's (last) value out, leaving `null` in its place: as serde_json's
    /// `get_mut` + `Value::take`, and without shifting the members.
    pub fn take(&mut self, key: &str) -> Option<Value> {
        let (_, value) = self.0.iter_mut().rev().find(|(k, _)| k == key)?;
        Some(std::mem::replace(value, Value::Null))
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Keys in document order; a repeated key appears each time it was written.
    pub fn keys(&self) -> impl Iterator<Item = &str> {
        self.0.iter().map(|(k, _)| k.as_str())
    }
}

/// Why bytes are not JSON: serde_json's wording and position (1-based line; column counts
/// bytes and is 0 at the start of a line).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SyntaxError {
    pub message: &'static str,
    pub line: usize,
    pub column: usize,
}

const EOF_LIST: &str = "EOF while parsing a list";
const EOF_OBJECT: &str = "EOF while parsing an object";
const EOF_STRING: &str = "EOF while parsing a string";
const EOF_VALUE: &str = "EOF while parsing a value";
const EXPECTED_COLON: &str = "expected `:`";
const EXPECTED_LIST_COMMA_OR_END: &str = "expected `,` or `]`";
const EXPECTED_OBJECT_COMMA_OR_END: &str = "expected `,` or `}`";
const EXPECTED_IDENT: &str = "expected ident";
const EXPECTED_VALUE: &str = "expected value";
const INVALID_ESCAPE: &str = "invalid escape";
const INVALID_NUMBER: &str = "invalid number";
const NUMBER_OUT_OF_RANGE: &str = "number out of range";
const INVALID_CODE_POINT: &str = "invalid unicode code point";
const CONTROL_CHARACTER: &str = "control character (\\u0000-\\u001F) found while parsing a string";
const KEY_MUST_BE_STRING: &str = "key must be a string";
const LONE_SURROGATE: &str = "lone leading surrogate in hex escape";
const TRAILING_COMMA: &str = "trailing comma";
const TRAILING_CHARACTERS: &str = "trailing characters";
const END_OF_HEX_ESCAPE: &str = "unexpected end of hex escape";
const RECURSION_LIMIT: &str = "recursion limit exceeded";

/// Nesting deeper than serde_json's limit is an error rather than a stack overflow.
const MAX_DEPTH: u8 = 128;

/// Parses a whole document (no byte-order mark; trailing whitespace allowed).
pub fn parse(bytes: &[u8]) -> Result<Value> {
    let mut parser = Parser {
        bytes,
        at: 0,
        depth: MAX_DEPTH,
    };
    let value = parser.value()?;
    match parser.skip_whitespace() {
        Some(_) => Err(parser.peek_error(TRAILING_CHARACTERS)),
        None => Ok(value),
    }
}

type Result<T> = std::result::Result<T, SyntaxError>;

/// A cursor over the input. Positions follow serde_json: an error "at" a byte already read
/// points just past it ([`Parser::error`]); one about the byte looked at but not taken
/// points at it ([`Parser::peek_error`]).
struct Parser<'a> {
    bytes: &'a [u8],
    at: usize,
    depth: u8,
}

impl Parser<'_> {
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.at).copied()
    }

    fn peek_or_null(&self) -> u8 {
        self.peek().unwrap_or(0)
    }

    fn next(&mut self) -> Option<u8> {
        let byte = self.peek()?;
        self.at += 1;
        Some(byte)
    }

    fn error_at(&self, message: &'static str, at: usize) -> SyntaxError {
        let before = self.bytes.get(..at).unwrap_or(self.bytes);
        let line_start = before
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(0, |newline| newline + 1);
        let line = 1 + before[..line_start].iter().filter(|&&b| b == b'\n').count();
        SyntaxError {
            message,
            line,
            column: at - line_start,
        }
    }

    fn error(&self, message: &'static str) -> SyntaxError {
        self.error_at(message, self.at)
    }

    fn peek_error(&self, message: &'static str) -> SyntaxError {
        self.error_at(message, (self.at + 1).min(self.bytes.len()))
    }

    /// Skips JSON whitespace; returns the next byte without taking it.
    fn skip_whitespace(&mut self) -> Option<u8> {
        while let Some(b' ' | b'\n' | b'\t' | b'\r') = self.peek() {
            self.at += 1;
        }
        self.peek()
    }

    fn value(&mut self) -> Result<Value> {
        let Some(peek) = self.skip_whitespace() else {
            return Err(self.peek_error(EOF_VALUE));
        };
        match peek {
            b'n' => self.ident(b"null").map(|()| Value::Null),
            b't' => self.ident(b"true").map(|()| Value::Bool(true)),
            b'f' => self.ident(b"false").map(|()| Value::Bool(false)),
            b'-' => {
                self.at += 1;
                self.number(false).map(Value::Number)
            }
            b'0'..=b'9' => self.number(true).map(Value::Number),
            b'"' => {
                self.at += 1;
                self.string().map(Value::String)
            }
            b'[' | b'{' => {
                self.depth -= 1;
                if self.depth == 0 {
                    return Err(self.peek_error(RECURSION_LIMIT));
                }
                self.at += 1;
                let value = if peek == b'[' {
                    self.array()?
                } else {
                    self.object()?
                };
                self.depth += 1;
                Ok(value)
            }
            _ => Err(self.peek_error(EXPECTED_VALUE)),
        }
    }

    /// `word` with its first byte already seen.
    fn ident(&mut self, word: &[u8]) -> Result<()> {
        self.at += 1;
        for &expected in &word[1..] {
            match self.next() {
                None => return Err(self.error(EOF_VALUE)),
                Some(byte) if byte != expected => return Err(self.error(EXPECTED_IDENT)),
                Some(_) => {}
            }
        }
        Ok(())
    }

    fn array(&mut self) -> Result<Value> {
        let mut items = Vec::new();
        loop {
            let Some(peek) = self.skip_whitespace() else {
                return Err(self.peek_error(EOF_LIST));
            };
            if peek == b']' {
                self.at += 1;
                return Ok(Value::Array(items));
            }
            if !items.is_empty() {
                if peek != b',' {
                    return Err(self.peek_error(EXPECTED_LIST_COMMA_OR_END));
                }
                self.at += 1;
                match self.skip_whitespace() {
                    Some(b']') => return Err(self.peek_error(TRAILING_COMMA)),
                    Some(_) => {}
                    None => return Err(self.peek_error(EOF_VALUE)),
                }
            }
            items.push(self.value()?);
        }
    }

    fn object(&mut self) -> Result<Value> {
        let mut members = Vec::new();
        loop {
            let Some(peek) = self.skip_whitespace() else {
                return Err(self.peek_error(EOF_OBJECT));
            };
            if peek == b'}' {
                self.at += 1;
                return Ok(Value::Object(Map(members)));
            }
            if !members.is_empty() {
                if peek != b',' {
                    return Err(self.peek_error(EXPECTED_OBJECT_COMMA_OR_END));
                }
                self.at += 1;
                match self.skip_whitespace() {
                    Some(b'"') => {}
                    Some(b'}') => return Err(self.peek_error(TRAILING_COMMA)),
                    Some(_) => return Err(self.peek_error(KEY_MUST_BE_STRING)),
                    None => return Err(self.peek_error(EOF_VALUE)),
                }
            } else if peek != b'"' {
                return Err(self.peek_error(KEY_MUST_BE_STRING));
            }
            self.at += 1;
            let key = self.string()?;
            match self.skip_whitespace() {
                Some(b':') => self.at += 1,
                Some(_) => return Err(self.peek_error(EXPECTED_COLON)),
                None => return Err(self.peek_error(EOF_OBJECT)),
            }
            members.push((key, self.value()?));
        }
    }

    /// The rest of a string whose opening quote has been taken.
    fn string(&mut self) -> Result<String> {
        let mut unescaped: Vec<u8> = Vec::new();
        let mut escaped = false;
        let mut start = self.at;
        loop {
            while let Some(byte) = self.peek() {
                if byte == b'"' || byte == b'\\' || byte < 0x20 {
                    break;
                }
                self.at += 1;
            }
            let Some(byte) = self.peek() else {
                return Err(self.error(EOF_STRING));
            };
            let run = &self.bytes[start..self.at];
            self.at += 1;
            match byte {
                b'"' => {
                    let content = if escaped {
                        unescaped.extend_from_slice(run);
                        unescaped
                    } else {
                        run.to_vec()
                    };
                    return String::from_utf8(content).map_err(|e| {
                        let mut error = self.error(INVALID_CODE_POINT);
                        let bad = e.as_bytes().len() - e.utf8_error().valid_up_to();
                        error.column = error.column.saturating_sub(bad);
                        error
                    });
                }
                b'\\' => {
                    unescaped.extend_from_slice(run);
                    escaped = true;
                    self.escape(&mut unescaped)?;
                    start = self.at;
                }
                _ => return Err(self.error(CONTROL_CHARACTER)),
            }
        }
    }

    /// One escape after its backslash, appended to `out` as UTF-8.
    fn escape(&mut self, out: &mut Vec<u8>) -> Result<()> {
        let byte = match self.next() {
            Some(byte) => byte,
            None => return Err(self.error(EOF_STRING)),
        };
        let simple = match byte {
            b'"' | b'\\' | b'/' => byte,
            b'b' => 0x08,
            b'f' => 0x0c,
            b'n' => b'\n',
            b'r' => b'\r',
            b't' => b'\t',
            b'u' => return self.unicode_escape(out),
            _ => return Err(self.error(INVALID_ESCAPE)),
        };
        out.push(simple);
        Ok(())
    }

    fn unicode_escape(&mut self, out: &mut Vec<u8>) -> Result<()> {
        let first = self.hex4()?;
        let code = match first {
            0xDC00..=0xDFFF => return Err(self.error(LONE_SURROGATE)),
            0xD800..=0xDBFF => {
                for expected in [b'\\', b'u'] {
                    match self.next() {
                        None => return Err(self.error(EOF_STRING)),
                        Some(byte) if byte != expected => return Err(self.error(END_OF_HEX_ESCAPE)),
                        Some(_) => {}
                    }
                }
                let second = self.hex4()?;
                if !(0xDC00..=0xDFFF).contains(&second) {
                    return Err(self.error(LONE_SURROGATE));
                }
                0x1_0000 + ((u32::from(first) - 0xD800) << 10) + (u32::from(second) - 0xDC00)
            }
            other => u32::from(other),
        };
        let c = char::from_u32(code).unwrap_or(char::REPLACEMENT_CHARACTER);
        out.extend_from_slice(c.encode_utf8(&mut [0; 4]).as_bytes());
        Ok(())
    }

    fn hex4(&mut self) -> Result<u16> {
        let Some(digits) = self.bytes.get(self.at..self.at + 4) else {
            self.at = self.bytes.len();
            return Err(self.error(EOF_STRING));
        };
        self.at += 4;
        let mut value = 0u16;
        for &digit in digits {
            let Some(nibble) = (digit as char).to_digit(16) else {
                return Err(self.error(INVALID_ESCAPE));
            };
            value = value << 4 | nibble as u16;
        }
        Ok(value)
    }

    /// A number whose sign (if any) has been taken; the first digit is next.
    fn number(&mut self, positive: bool) -> Result<Number> {
        let start = self.at - usize::from(!positive);
        let mut significand: u64 = 0;
        let mut fits = true;
        let mut nonzero = false;
        match self.next() {
            None => return Err(self.error(EOF_VALUE)),
            Some(b'0') => {
                if self.peek_or_null().is_ascii_digit() {
                    return Err(self.peek_error(INVALID_NUMBER));
                }
            }
            Some(first @ b'1'..=b'9') => {
                significand = u64::from(first - b'0');
                nonzero = true;
                while let digit @ b'0'..=b'9' = self.peek_or_null() {
                    self.at += 1;
                    match significand
                        .checked_mul(10)
                        .and_then(|s| s.checked_add(u64::from(digit - b'0')))
                    {
                        Some(next) if fits => significand = next,
                        _ => fits = false,
                    }
                }
            }
            Some(_) => return Err(self.error(INVALID_NUMBER)),
        }
        let mut float = !fits;
        if self.peek() == Some(b'.') {
            float = true;
            self.at += 1;
            let digits_start = self.at;
            while let digit @ b'0'..=b'9' = self.peek_or_null() {
                nonzero |= digit != b'0';
                self.at += 1;
            }
            if self.at == digits_start {
                return Err(match self.peek() {
                    Some(_) => self.peek_error(INVALID_NUMBER),
                    None => self.peek_error(EOF_VALUE),
                });
            }
        }
        if let Some(b'e' | b'E') = self.peek() {
            float = true;
            self.at += 1;
            let positive_exponent = match self.peek() {
                Some(b'+') => {
                    self.at += 1;
                    true
                }
                Some(b'-') => {
                    self.at += 1;
                    false
                }
                _ => true,
            };
            let mut exponent: i32 = match self.next() {
                None => return Err(self.error(EOF_VALUE)),
                Some(digit @ b'0'..=b'9') => i32::from(digit - b'0'),
                Some(_) => return Err(self.error(INVALID_NUMBER)),
            };
            while let digit @ b'0'..=b'9' = self.peek_or_null() {
                self.at += 1;
                match exponent
                    .checked_mul(10)
                    .and_then(|e| e.checked_add(i32::from(digit - b'0')))
                {
                    Some(next) => exponent = next,
                    // serde_json gives up here: infinity is an error, zero is zero.
                    None if nonzero && positive_exponent => {
                        return Err(self.error(NUMBER_OUT_OF_RANGE))
                    }
                    None => {
                        while self.peek_or_null().is_ascii_digit() {
                            self.at += 1;
                        }
                        let zero = if positive { 0.0 } else { -0.0 };
                        return Ok(Number::Float(zero));
                    }
                }
            }
        }
        if !float {
            if positive {
                return Ok(Number::PosInt(significand));
            }
            // `-0` and integers below i64::MIN become floats, as in serde_json.
            if significand != 0 && significand <= 1 << 63 {
                return Ok(Number::NegInt((significand as i64).wrapping_neg()));
            }
        }
        // The lexeme is ASCII by construction.
        let lexeme = std::str::from_utf8(&self.bytes[start..self.at]).unwrap_or("");
        let value = float::parse(lexeme);
        if value.is_infinite() {
            return Err(self.error(NUMBER_OUT_OF_RANGE));
        }
        Ok(Number::Float(value))
    }
}

/// Float parsing: `std` on the host, the JavaScript engine in the browser (where `std`'s
/// would add kilobytes of tables).
#[cfg(not(target_arch = "wasm32"))]
mod float {
    pub fn parse(lexeme: &str) -> f64 {
        lexeme.parse().unwrap_or(f64::NAN)
    }
}

#[cfg(target_arch = "wasm32")]
mod float {
    pub fn parse(lexeme: &str) -> f64 {
        js_sys::parse_float(lexeme)
    }
}
