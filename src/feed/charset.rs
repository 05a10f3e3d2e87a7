//! Which character encoding a feed's bytes are in, decided as XML readers and browsers do:
//! a byte-order mark, then the HTTP `charset`, then the XML declaration, else UTF-8.
//!
//! Pure: it only names the encoding (a WHATWG label, lower case). The bytes are decoded by
//! the browser's `TextDecoder` in the widget (`src/fetch.rs`), so no decoding tables ship in
//! the wasm, and by `encoding_rs` on the host ([`decode`], for newsctl and the tests).

/// Where the decision came from (for validators, and so a wrong guess can be explained).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Source {
    ByteOrderMark,
    HttpCharset,
    XmlDeclaration,
    /// Nothing said otherwise: UTF-8 (also for every JSON document, which RFC 8259 makes
    /// UTF-8 whatever the server's header says).
    Default,
}

/// The encoding to decode a feed with.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Charset {
    /// A WHATWG encoding label, lower case (`utf-8`, `gb2312`, `big5`, `utf-16le`, …), as
    /// `TextDecoder` and `encoding_rs` take it.
    pub label: String,
    pub source: Source,
}

impl Charset {
    /// UTF-8 needs no decoding: the readers take its bytes as they are.
    pub fn is_utf8(&self) -> bool {
        matches!(
            self.label.as_str(),
            "utf-8"
                | "utf8"
                | "unicode-1-1-utf-8"
                | "unicode11utf8"
                | "unicode20utf8"
                | "x-unicode20utf8"
        )
    }
}

/// The encoding of `bytes`, given the response's `Content-Type` header if there was one.
pub fn detect(bytes: &[u8], content_type: Option<&str>) -> Charset {
    let decided = |label: &str, source| Charset {
        label: label.to_owned(),
        source,
    };
    match bytes {
        [0xEF, 0xBB, 0xBF, ..] => return decided("utf-8", Source::ByteOrderMark),
        [0xFF, 0xFE, ..] => return decided("utf-16le", Source::ByteOrderMark),
        [0xFE, 0xFF, ..] => return decided("utf-16be", Source::ByteOrderMark),
        _ => {}
    }
    let first = bytes.iter().find(|b| !b.is_ascii_whitespace());
    match (first, bytes) {
        // Markup in UTF-16 without a mark: `<` then a zero byte, or the other way round.
        (Some(0), [0, b'<', ..]) => return decided("utf-16be", Source::Default),
        (Some(b'<'), [b'<', 0, ..]) => return decided("utf-16le", Source::Default),
        (Some(b'<'), _) => {}
        _ => return decided("utf-8", Source::Default),
    }
    if let Some(label) = content_type.and_then(http_charset) {
        return decided(&label, Source::HttpCharset);
    }
    match declared_encoding(bytes) {
        // A declaration readable as ASCII cannot be UTF-16: the publisher's tool copied it.
        Some(label) if !label.starts_with("utf-16") => decided(&label, Source::XmlDeclaration),
        _ => decided("utf-8", Source::Default),
    }
}

/// The `charset` parameter of a `Content-Type` value, when it is a plausible label.
fn http_charset(content_type: &str) -> Option<String> {
    content_type.split(';').skip(1).find_map(|parameter| {
        let (name, value) = parameter.split_once('=')?;
        if !name.trim().eq_ignore_ascii_case("charset") {
            return None;
        }
        label(value.trim().trim_matches(['"', '\'']))
    })
}

/// The `encoding` of an XML declaration at the very start of `bytes`.
fn declared_encoding(bytes: &[u8]) -> Option<String> {
    let start = bytes.iter().position(|b| !b.is_ascii_whitespace())?;
    let rest = bytes.get(start..)?.strip_prefix(b"<?xml")?;
    let end = rest.windows(2).position(|w| w == b"?>")?;
    let declaration = std::str::from_utf8(&rest[..end]).ok()?;
    let at = declaration.find("encoding")?;
    let value = declaration[at + "encoding".len()..]
        .trim_start()
        .strip_prefix('=')?;
    let value = value.trim_start();
    let quote = value.chars().next().filter(|q| *q == '"' || *q == '\'')?;
    let inner = &value[1..];
    label(&inner[..inner.find(quote)?])
}

/// A label as the decoders take it: lower case, and only the characters labels have, so a
/// hostile header cannot smuggle anything into a `TextDecoder` call or a message.
fn label(written: &str) -> Option<String> {
    let label = written.trim().to_ascii_lowercase();
    let shaped = !label.is_empty()
        && label.len() <= 40
        && label
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b':'));
    shaped.then_some(label)
}

/// `bytes` as UTF-8, decoded from the encoding [`detect`] names (host only: the widget uses
/// the browser's `TextDecoder`). A label the decoder does not know is read as UTF-8;
/// malformed sequences become U+FFFD, as in the browser.
#[cfg(not(target_arch = "wasm32"))]
pub fn decode<'a>(bytes: &'a [u8], content_type: Option<&str>) -> std::borrow::Cow<'a, [u8]> {
    let charset = detect(bytes, content_type);
    if charset.is_utf8() {
        return bytes.into();
    }
    let Some(encoding) = encoding_rs::Encoding::for_label(charset.label.as_bytes()) else {
        return bytes.into();
    };
    let (text, _, _) = encoding.decode(bytes);
    std::borrow::Cow::Owned(text.into_owned().into_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decision_order() {
        let gb = b"<?xml version=\"1.0\" encoding=\"GB2312\"?><rss/>";
        let cases: &[(&[u8], Option<&str>, &str, Source)] = &[
            (
                b"\xEF\xBB\xBF<?xml encoding='gbk'?>",
                Some("text/xml; charset=big5"),
                "utf-8",
                Source::ByteOrderMark,
            ),
            (b"\xFF\xFE<\0", None, "utf-16le", Source::ByteOrderMark),
            (b"\xFE\xFF\0<", None, "utf-16be", Source::ByteOrderMark),
            (
                gb,
                Some("text/xml; charset=\"Big5\""),
                "big5",
                Source::HttpCharset,
            ),
            (gb, Some("text/xml"), "gb2312", Source::XmlDeclaration),
            (gb, None, "gb2312", Source::XmlDeclaration),
            (
                b"\n\n<?xml version='1.0' encoding='Shift_JIS' ?><rss/>",
                None,
                "shift_jis",
                Source::XmlDeclaration,
            ),
            (
                b"<?xml version=\"1.0\"?><rss/>",
                None,
                "utf-8",
                Source::Default,
            ),
            (
                b"<rss/>",
                Some("text/xml; charset=<script>"),
                "utf-8",
                Source::Default,
            ),
            (
                b"<?xml version=\"1.0\" encoding=\"UTF-16\"?><rss/>",
                None,
                "utf-8",
                Source::Default,
            ),
            (
                b"{\"items\": []}",
                Some("application/json; charset=iso-8859-1"),
                "utf-8",
                Source::Default,
            ),
            (b"<\0r\0", None, "utf-16le", Source::Default),
        ];
        for (bytes, header, label, source) in cases {
            let charset = detect(bytes, *header);
            assert_eq!(
                (charset.label.as_str(), charset.source),
                (*label, *source),
                "{:?}",
                String::from_utf8_lossy(bytes)
            );
        }
    }
}
