//! The document as a small element tree, read with quick-xml under the reader's limits.
//!
//! Hostile input is bounded here: no DTD is processed (a doctype is read only for the names
//! of the entities it declares, whose references are then dropped, never expanded), only
//! the five predefined entities and character references are decoded, and nesting deeper
//! than [`MAX_DEPTH`] ends the read with a message. Other entity references (`&nbsp;`, which
//! RSS 0.91 documents take from Netscape's DTD) are kept as written, for the HTML reader to
//! decode where the text is HTML.

use quick_xml::events::{BytesStart, Event};
use quick_xml::name::ResolveResult;
use quick_xml::NsReader;

use super::super::error::FeedError;

/// Deeper than any feed nests, HTML bodies included; a document nesting deeper is hostile
/// or broken, and a tree that deep would be slow to walk.
pub(super) const MAX_DEPTH: usize = 256;

/// The vocabularies the mappers care about; every other namespace is [`Ns::Other`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Ns {
    /// No namespace, or RSS 1.0's / 0.90's own (RDF feeds put their items there).
    Plain,
    Atom,
    Dc,
    Content,
    Media,
    Rdf,
    Xhtml,
    Xml,
    Other,
}

impl Ns {
    fn of_uri(uri: &str) -> Ns {
        match uri.trim_end_matches('/') {
            "http://purl.org/rss/1.0" | "http://my.netscape.com/rdf/simple/0.9" => Ns::Plain,
            "http://www.w3.org/2005/Atom" | "http://purl.org/atom/ns#" => Ns::Atom,
            "http://purl.org/dc/elements/1.1" | "http://purl.org/dc/terms" => Ns::Dc,
            "http://purl.org/rss/1.0/modules/content" => Ns::Content,
            "http://search.yahoo.com/mrss" => Ns::Media,
            "http://www.w3.org/1999/02/22-rdf-syntax-ns#" => Ns::Rdf,
            "http://www.w3.org/1999/xhtml" => Ns::Xhtml,
            "http://www.w3.org/XML/1998/namespace" => Ns::Xml,
            _ => Ns::Other,
        }
    }

    /// A prefix used without being declared (`media:` is often forgotten): the prefix every
    /// publisher uses for it.
    fn of_undeclared_prefix(prefix: &str) -> Ns {
        match prefix {
            "atom" => Ns::Atom,
            "dc" | "dcterms" => Ns::Dc,
            "content" => Ns::Content,
            "media" => Ns::Media,
            "rdf" => Ns::Rdf,
            "xml" => Ns::Xml,
            _ => Ns::Other,
        }
    }

    fn resolved(result: ResolveResult<'_>) -> Ns {
        match result {
            ResolveResult::Unbound => Ns::Plain,
            ResolveResult::Bound(ns) => Ns::of_uri(ns.as_ref()),
            ResolveResult::Unknown(prefix) => Ns::of_undeclared_prefix(&prefix),
        }
    }
}

#[derive(Debug)]
pub(super) struct Attribute {
    pub ns: Ns,
    pub name: String,
    /// Entities decoded, whitespace normalised as XML does.
    pub value: String,
}

#[derive(Debug)]
pub(super) enum Node {
    Element(Element),
    /// Text and CDATA, entities decoded, line ends normalised.
    Text(String),
    /// An entity reference kept as written (its name, without `&` and `;`).
    Ref(String),
}

#[derive(Debug)]
pub(super) struct Element {
    pub ns: Ns,
    /// The local name (`encoded` for `content:encoded`).
    pub name: String,
    pub attributes: Vec<Attribute>,
    pub children: Vec<Node>,
}

/// A parsed document.
pub(super) struct Document {
    pub root: Element,
    /// Entities the doctype declares (their references were dropped, not expanded).
    pub declared_entities: Vec<String>,
}

/// Reads `text` into a tree; `Err` when it is not well-formed (with line and column) or
/// nests deeper than [`MAX_DEPTH`].
pub(super) fn parse(text: &str) -> Result<Document, FeedError> {
    let mut reader = NsReader::from_str(text);
    let config = reader.config_mut();
    // A raw `&` in a link (`?a=1&b=2`) is the commonest flaw of real feeds: keep it as text.
    config.allow_dangling_amp = true;
    config.check_end_names = true;
    let mut open: Vec<(Element, u64)> = Vec::new();
    let mut root = None;
    let mut declared_entities = Vec::new();
    loop {
        let start = reader.buffer_position();
        let event = match reader.read_resolved_event() {
            Ok((ns, event)) => (Ns::resolved(ns), event),
            Err(error) => {
                let at = reader.error_position();
                return Err(not_xml(text, at, &error.to_string()));
            }
        };
        match event {
            (ns, Event::Start(tag)) => {
                if open.len() >= MAX_DEPTH {
                    let message = format!("elements nested more than {MAX_DEPTH} deep");
                    return Err(not_xml(text, start, &message));
                }
                open.push((element(ns, &tag, &reader), start));
            }
            (ns, Event::Empty(tag)) => {
                let element = element(ns, &tag, &reader);
                match open.last_mut() {
                    Some((parent, _)) => parent.children.push(Node::Element(element)),
                    None => root = root.or(Some(element)),
                }
            }
            (_, Event::End(_)) => {
                let Some((element, _)) = open.pop() else {
                    continue;
                };
                match open.last_mut() {
                    Some((parent, _)) => parent.children.push(Node::Element(element)),
                    None => root = root.or(Some(element)),
                }
            }
            (_, Event::Text(content)) => push_text(&mut open, &content.xml10_content()),
            (_, Event::CData(content)) => push_text(&mut open, &normalise_eols(&content)),
            (_, Event::GeneralRef(reference)) => {
                let name = reference.into_inner();
                let Some((parent, _)) = open.last_mut() else {
                    continue;
                };
                match resolve_reference(&name) {
                    Some(c) => push_to(parent, c.encode_utf8(&mut [0; 4])),
                    None if declared_entities.iter().any(|e| *e == name) => {}
                    None => parent.children.push(Node::Ref(name.into_owned())),
                }
            }
            (_, Event::DocType(doctype)) => declared_entities = entity_names(&doctype),
            (_, Event::Eof) => break,
            _ => {}
        }
    }
    if let Some((element, at)) = open.first() {
        let message = format!("<{}> is never closed", element.name);
        return Err(not_xml(text, *at, &message));
    }
    let root = root.ok_or_else(|| not_xml(text, text.len() as u64, "no root element"))?;
    Ok(Document {
        root,
        declared_entities,
    })
}

fn element(ns: Ns, tag: &BytesStart<'_>, reader: &NsReader<&[u8]>) -> Element {
    let name = tag.local_name();
    let mut attributes = Vec::new();
    // A broken attribute ends the element's attribute list; the element itself is kept.
    for attribute in tag.attributes().with_checks(false).map_while(Result::ok) {
        let key = attribute.key;
        if key.as_ref().starts_with("xmlns") {
            continue;
        }
        let (resolved, local) = reader.resolver().resolve_attribute(key);
        let ns = match resolved {
            // An attribute without a prefix has no namespace, whatever the default is.
            ResolveResult::Unbound => Ns::Plain,
            other => Ns::resolved(other),
        };
        attributes.push(Attribute {
            ns,
            name: local.as_ref().to_owned(),
            value: attribute_value(&attribute.value),
        });
    }
    Element {
        ns,
        name: name.as_ref().to_owned(),
        attributes,
        children: Vec::new(),
    }
}

fn push_text(open: &mut [(Element, u64)], text: &str) {
    if let Some((parent, _)) = open.last_mut() {
        push_to(parent, text);
    }
}

/// Adjacent text (split by references and CDATA sections) is kept as one node.
fn push_to(parent: &mut Element, text: &str) {
    if let Some(Node::Text(last)) = parent.children.last_mut() {
        last.push_str(text);
    } else {
        parent.children.push(Node::Text(text.to_owned()));
    }
}

/// Copies only when there is a carriage return: a CDATA body is most of a feed's bytes.
fn normalise_eols(text: &str) -> std::borrow::Cow<'_, str> {
    if text.contains('\r') {
        text.replace("\r\n", "\n").replace('\r', "\n").into()
    } else {
        text.into()
    }
}

/// The five predefined entities and character references; `None` for any other name. A
/// char, not a string: an escaped HTML body is mostly references, one event each.
fn resolve_reference(name: &str) -> Option<char> {
    let c = match name {
        "lt" => '<',
        "gt" => '>',
        "amp" => '&',
        "quot" => '"',
        "apos" => '\'',
        _ => {
            let number = name.strip_prefix('#')?;
            let code = match number.strip_prefix(['x', 'X']) {
                Some(hex) => u32::from_str_radix(hex, 16).ok(),
                None => number.parse().ok(),
            };
            // NUL, surrogates and out-of-range numbers: what browsers show instead.
            code.filter(|&c| c != 0)
                .and_then(char::from_u32)
                .unwrap_or('\u{FFFD}')
        }
    };
    Some(c)
}

/// An attribute value as XML reads it: references decoded (others kept as written), tabs
/// and line ends as spaces.
fn attribute_value(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    let mut rest = raw;
    while let Some(at) = rest.find(['&', '\t', '\n', '\r']) {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        if !rest.starts_with('&') {
            if !rest.starts_with("\r\n") {
                out.push(' ');
            }
            rest = &rest[1..];
            continue;
        }
        let decoded = rest[1..]
            .find(';')
            .filter(|&end| end <= 32)
            .and_then(|end| Some((resolve_reference(&rest[1..=end])?, end + 2)));
        match decoded {
            Some((c, length)) => {
                out.push(c);
                rest = &rest[length..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// The names of `<!ENTITY name …>` declarations in a doctype's internal subset (parameter
/// entities, `<!ENTITY % name …>`, never appear in content and are left out).
fn entity_names(doctype: &str) -> Vec<String> {
    doctype
        .split("<!ENTITY")
        .skip(1)
        .filter_map(|declaration| {
            let name = declaration.split_whitespace().next()?;
            (name != "%").then(|| name.to_owned())
        })
        .collect()
}

/// "… at line L column C", counted in characters as editors do.
fn not_xml(text: &str, at: u64, problem: &str) -> FeedError {
    let at = usize::try_from(at).unwrap_or(usize::MAX).min(text.len());
    let before = text.get(..at).unwrap_or(text);
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    FeedError::NotXml {
        message: format!("{problem} at line {line} column {column}"),
        line,
        column,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn attribute_values_decode_like_xml() {
        assert_eq!(attribute_value("a&amp;b&#x41;&#66;\tc"), "a&bAB c");
        assert_eq!(attribute_value("?a=1&b=2"), "?a=1&b=2");
        assert_eq!(attribute_value("&nbsp;"), "&nbsp;");
    }

    #[test]
    fn entity_declarations_are_named_not_expanded() {
        let doctype =
            "lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;\"><!ENTITY % p \"x\">]";
        assert_eq!(entity_names(doctype), ["lol", "lol2"]);
    }
}
