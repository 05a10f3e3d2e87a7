//! Which format a document is, judged by its first bytes, never by its file name or
//! `Content-Type` (feed servers send `text/html` for RSS and `application/xml` for JSON).

/// What a document looks like from its start.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Format {
    /// Not markup: read as JSON Feed (the JSON reader names what is wrong, if anything).
    JsonFeed,
    /// `<rss>`: RSS 2.0 or 0.9x.
    Rss,
    /// `<rdf:RDF>`: RSS 1.0 or 0.90.
    Rdf,
    /// `<feed>` in the Atom namespace (1.0 or the older 0.3), or in none.
    Atom,
    /// An HTML page: a doctype or root `html`.
    Html,
    /// Some other XML document; `root` is its root element's name as written (`urlset`).
    Xml { root: String },
}

/// How far into a document the root element is looked for: prologs (declaration,
/// stylesheets, comments, a doctype) are short, and a hostile one must not make this slow.
const SCAN_LIMIT: usize = 64 * 1024;

/// The format of `bytes`: after a byte-order mark and whitespace, markup is XML (or HTML),
/// anything else JSON. Works on UTF-8 and UTF-16 alike (the prolog is ASCII in both).
pub fn sniff(bytes: &[u8]) -> Format {
    let ascii = ascii_prolog(bytes);
    let mut rest = ascii.trim_ascii_start();
    if !rest.starts_with(b"<") {
        return Format::JsonFeed;
    }
    loop {
        rest = rest.trim_ascii_start();
        let skipped = if rest.starts_with(b"<?") {
            after(rest, b"?>")
        } else if rest.starts_with(b"<!--") {
            after(rest, b"-->")
        } else if starts_with_ignore_case(rest, b"<!doctype") {
            let name = rest[9..].trim_ascii_start();
            if starts_with_ignore_case(name, b"html") {
                return Format::Html;
            }
            after_doctype(rest)
        } else if rest.starts_with(b"<") {
            return root_format(&rest[1..]);
        } else {
            // Text before the root: not a document any format allows; the XML reader says
            // where it breaks.
            return Format::Xml {
                root: String::new(),
            };
        };
        match skipped {
            Some(next) => rest = next,
            None => {
                return Format::Xml {
                    root: String::new(),
                }
            }
        }
    }
}

/// The prolog as ASCII bytes: a UTF-8 byte-order mark dropped, UTF-16 (with or without a
/// mark) reduced to its low bytes.
fn ascii_prolog(bytes: &[u8]) -> std::borrow::Cow<'_, [u8]> {
    let head = &bytes[..bytes.len().min(SCAN_LIMIT)];
    let every_other = |start: usize| head.iter().skip(start).step_by(2).copied().collect();
    match head {
        [0xEF, 0xBB, 0xBF, rest @ ..] => rest.into(),
        [0xFF, 0xFE, ..] => std::borrow::Cow::Owned(every_other(2)),
        [0xFE, 0xFF, ..] => std::borrow::Cow::Owned(every_other(3)),
        [b'<', 0, ..] => std::borrow::Cow::Owned(every_other(0)),
        [0, b'<', ..] => std::borrow::Cow::Owned(every_other(1)),
        _ => head.into(),
    }
}

fn after<'a>(text: &'a [u8], end: &[u8]) -> Option<&'a [u8]> {
    text.windows(end.len())
        .position(|w| w == end)
        .map(|at| &text[at + end.len()..])
}

/// Past `<!DOCTYPE …>`, whose internal subset (`[…]`) may hold `>` characters.
fn after_doctype(text: &[u8]) -> Option<&[u8]> {
    let mut in_subset = false;
    for (at, &byte) in text.iter().enumerate() {
        match byte {
            b'[' => in_subset = true,
            b']' => in_subset = false,
            b'>' if !in_subset => return Some(&text[at + 1..]),
            _ => {}
        }
    }
    None
}

fn starts_with_ignore_case(text: &[u8], prefix: &[u8]) -> bool {
    text.len() >= prefix.len() && text[..prefix.len()].eq_ignore_ascii_case(prefix)
}

/// The format a root start tag (`tag` is what follows its `<`) says.
fn root_format(tag: &[u8]) -> Format {
    let name_end = tag
        .iter()
        .position(|b| b.is_ascii_whitespace() || matches!(b, b'>' | b'/'))
        .unwrap_or(tag.len());
    let name = String::from_utf8_lossy(&tag[..name_end]).into_owned();
    let local = name.rsplit(':').next().unwrap_or_default();
    let tag_end = tag.iter().position(|&b| b == b'>').unwrap_or(tag.len());
    let attributes = &tag[name_end..tag_end];
    match local {
        "rss" => Format::Rss,
        "RDF" => Format::Rdf,
        "feed" if atom_or_no_namespace(&name, attributes) => Format::Atom,
        _ if local.eq_ignore_ascii_case("html") => Format::Html,
        _ => Format::Xml { root: name },
    }
}

/// A `feed` root is Atom when its namespace is Atom's (1.0 or 0.3), or when it declares
/// none: publishers who forget the namespace still mean Atom.
fn atom_or_no_namespace(name: &str, attributes: &[u8]) -> bool {
    let text = String::from_utf8_lossy(attributes);
    let declaration = match name.split_once(':') {
        Some((prefix, _)) => format!("xmlns:{prefix}"),
        None => "xmlns".to_owned(),
    };
    let namespace = text.split_ascii_whitespace().find_map(|pair| {
        let (key, value) = pair.split_once('=')?;
        (key == declaration).then(|| value.trim_matches(['"', '\'', '/', '>']).to_owned())
    });
    match namespace {
        None => true,
        Some(ns) => ns == "http://www.w3.org/2005/Atom" || ns == "http://purl.org/atom/ns#",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_by_content() {
        let cases: &[(&[u8], Format)] = &[
            (b"{\"items\": []}", Format::JsonFeed),
            (b"\xEF\xBB\xBF  {}", Format::JsonFeed),
            (b"", Format::JsonFeed),
            (
                b"\n\n\n<?xml version=\"1.0\"?>\n<rss version=\"2.0\">",
                Format::Rss,
            ),
            (
                b"<?xml version='1.0'?><?xml-stylesheet href='a.css'?><!-- x --><rss>",
                Format::Rss,
            ),
            (b"<rdf:RDF xmlns:rdf=\"x\">", Format::Rdf),
            (
                b"<feed xmlns=\"http://www.w3.org/2005/Atom\">",
                Format::Atom,
            ),
            (b"<feed>", Format::Atom),
            (
                b"<atom:feed xmlns:atom=\"http://www.w3.org/2005/Atom\">",
                Format::Atom,
            ),
            (
                b"<feed xmlns=\"http://example.com/other\">",
                Format::Xml {
                    root: "feed".into(),
                },
            ),
            (b"<!DOCTYPE html><html>", Format::Html),
            (b"<HTML><body>", Format::Html),
            (
                b"<?xml version=\"1.0\"?><urlset xmlns=\"http://www.sitemaps.org/\">",
                Format::Xml {
                    root: "urlset".into(),
                },
            ),
            (b"<!DOCTYPE rss [<!ENTITY a \"<b>\">]><rss>", Format::Rss),
            (b"\xFF\xFE<\0r\0s\0s\0>\0", Format::Rss),
            (b"\xFE\xFF\0<\0f\0e\0e\0d\0>", Format::Atom),
        ];
        for (bytes, expected) in cases {
            assert_eq!(
                &sniff(bytes),
                expected,
                "{:?}",
                String::from_utf8_lossy(bytes)
            );
        }
    }
}
