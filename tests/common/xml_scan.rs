//! An independent reading of an RSS, RDF or Atom document: a plain string scan, which knows
//! nothing of the reader's tree, namespaces or mapping rules. Shared by the host corpus
//! suite (tests/xml_corpus.rs) and the browser one (tests/web_xml.rs), so both compare the
//! widget with the same expectations.
#![allow(dead_code)]

/// One item as the string scan sees it.
#[derive(Debug, Default)]
pub struct Scanned {
    pub title: String,
    pub link: Option<String>,
    pub date: Option<String>,
    pub body: String,
}

/// The bytes as text, by what the corpus notes say of each file.
pub fn decode_independently(raw: &[u8]) -> String {
    let head = String::from_utf8_lossy(&raw[..raw.len().min(200)]).to_ascii_lowercase();
    let raw = raw.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(raw);
    if head.contains("encoding=\"gb2312\"") {
        encoding_rs::GBK.decode(raw).0.into_owned()
    } else if head.contains("encoding=\"iso-8859-1\"") {
        encoding_rs::WINDOWS_1252.decode(raw).0.into_owned()
    } else {
        String::from_utf8_lossy(raw).into_owned()
    }
}

/// Items (`<item>`) or entries (`<entry>`), in document order.
pub fn scan(text: &str) -> Vec<Scanned> {
    let atom = text.contains("<entry>") || text.contains("<entry ");
    let tag = if atom { "entry" } else { "item" };
    chunks(text, tag)
        .into_iter()
        .map(|chunk| {
            let element = |name: &str| inner(chunk, name);
            let title = element("title").unwrap_or_default();
            let link = if atom {
                atom_alternate(chunk)
            } else {
                element("link").map(|l| xml_decode(strip_cdata(l.trim())))
            };
            let date = ["pubDate", "dc:date", "published", "updated"]
                .iter()
                .find_map(|name| element(name))
                .map(|d| d.trim().to_owned());
            let body = [
                "content:encoded",
                "description",
                "content",
                "summary",
                "media:description",
            ]
            .iter()
            .filter_map(|name| element(name))
            .find(|body| !letters_of_markup(body).is_empty())
            .unwrap_or_default();
            Scanned {
                title: title.to_owned(),
                link,
                date,
                body: body.to_owned(),
            }
        })
        .collect()
}

/// The text between `<tag>`/`<tag …>` and `</tag>`, for each occurrence.
fn chunks<'a>(text: &'a str, tag: &str) -> Vec<&'a str> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(start) = find_start(rest, tag) {
        let after = &rest[start..];
        let close = format!("</{tag}>");
        let Some(end) = after.find(&close) else { break };
        out.push(&after[..end]);
        rest = &after[end + close.len()..];
    }
    out
}

/// Where `<tag>` or `<tag ` (not `<tags>`) starts.
fn find_start(text: &str, tag: &str) -> Option<usize> {
    let open = format!("<{tag}");
    let mut from = 0;
    while let Some(at) = text[from..].find(&open) {
        let at = from + at;
        let next = text[at + open.len()..].chars().next();
        if matches!(next, Some('>' | ' ' | '\t' | '\n' | '\r')) {
            return Some(at);
        }
        from = at + open.len();
    }
    None
}

/// The content of the first `<name …>…</name>` in `chunk`.
fn inner<'a>(chunk: &'a str, name: &str) -> Option<&'a str> {
    let start = find_start(chunk, name)?;
    let after = &chunk[start..];
    let open_end = after.find('>')?;
    if after[..open_end].ends_with('/') {
        return Some("");
    }
    let content = &after[open_end + 1..];
    Some(&content[..content.find(&format!("</{name}>"))?])
}

/// The `href` of the first `<link>` whose `rel` is `alternate` or absent.
fn atom_alternate(chunk: &str) -> Option<String> {
    let mut rest = chunk;
    while let Some(at) = find_start(rest, "link") {
        let tag_end = rest[at..].find('>')? + at;
        let tag = &rest[at..tag_end];
        let attribute = |key: &str| {
            let at = tag.find(&format!(" {key}=\""))? + key.len() + 3;
            Some(&tag[at..at + tag[at..].find('"')?])
        };
        if attribute("rel").is_none_or(|rel| rel == "alternate") {
            return attribute("href").map(xml_decode);
        }
        rest = &rest[tag_end..];
    }
    None
}

pub fn strip_cdata(text: &str) -> &str {
    text.strip_prefix("<![CDATA[")
        .and_then(|t| t.strip_suffix("]]>"))
        .unwrap_or(text)
}

/// The five predefined entities and numeric references, nothing else.
pub fn xml_decode(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        let end = rest.find(';').filter(|&e| e < 12);
        let decoded = end.and_then(|end| {
            let name = &rest[1..end];
            match name {
                "lt" => Some('<'),
                "gt" => Some('>'),
                "amp" => Some('&'),
                "quot" => Some('"'),
                "apos" => Some('\''),
                _ => {
                    let number = name.strip_prefix('#')?;
                    let code = match number.strip_prefix('x') {
                        Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                        None => number.parse().ok()?,
                    };
                    char::from_u32(code)
                }
            }
        });
        match (decoded, end) {
            (Some(c), Some(end)) => {
                out.push(c);
                rest = &rest[end + 1..];
            }
            _ => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out + rest
}

/// The letters and digits a reader sees in an HTML field written in XML: CDATA unwrapped,
/// XML entities decoded, then scripts, styles and tags removed and HTML entities decoded.
pub fn letters_of_markup(raw: &str) -> String {
    let mut text = raw.replace("<![CDATA[", "").replace("]]>", "");
    text = xml_decode(&text);
    for hidden in ["script", "style", "iframe"] {
        while let Some(start) = text.find(&format!("<{hidden}")) {
            let close = format!("</{hidden}>");
            let end = text[start..]
                .find(&close)
                .map_or(text.len(), |e| start + e + close.len());
            text.replace_range(start..end, " ");
        }
    }
    let mut plain = String::new();
    let mut in_tag = false;
    for c in text.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => in_tag = false,
            _ if !in_tag => plain.push(c),
            _ => {}
        }
    }
    letters(&drop_named_entities(&xml_decode(&plain)))
}

/// HTML's named entities (`&nbsp;`) are not letters; their names must not count as some.
fn drop_named_entities(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        let name_end = rest[1..]
            .find(|c: char| !c.is_ascii_alphanumeric())
            .map(|e| e + 1);
        match name_end {
            Some(end) if end > 1 && rest[end..].starts_with(';') => rest = &rest[end + 1..],
            _ => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out + rest
}

pub fn letters(text: &str) -> String {
    text.chars().filter(|c| c.is_alphanumeric()).collect()
}
