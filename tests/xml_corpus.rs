#![cfg(not(target_arch = "wasm32"))]
//! Every RSS, RDF and Atom document of the shared corpus (`corpus/xml/`, exact bytes as
//! their publishers served them) is read, and each item's title, link, date and body text
//! are compared with an independent reading of the same file: a plain string scan written
//! here, which knows nothing of the reader's tree, namespaces or mapping rules.

mod common;

use news_widget::feed::{charset, parse_feed, read_page, ReadOptions};
use news_widget::rich_text::blocks_text;
use news_widget::view_model::Article;

/// One item as the string scan sees it.
#[derive(Debug, Default)]
struct Scanned {
    title: String,
    link: Option<String>,
    date: Option<String>,
    body: String,
}

#[test]
fn every_corpus_feed_shows_every_item_as_written() {
    let files = common::xml_corpus_files();
    assert_eq!(files.len(), 20, "the corpus has 20 XML feeds");
    let mut failures = Vec::new();
    let mut checked = 0;
    for (name, raw) in &files {
        let text = decode_independently(raw);
        let scanned = scan(&text);
        assert!(!scanned.is_empty(), "{name}: the scan found no items");
        let bytes = charset::decode(raw, None);
        let feed = parse_feed(&bytes).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(feed.items.len(), scanned.len(), "{name}: item count");
        for (index, (item, expected)) in feed.items.iter().zip(&scanned).enumerate() {
            let options = ReadOptions {
                article_id: Some(&item.id),
                ..ReadOptions::default()
            };
            let page = read_page(&bytes, &options).expect("reads");
            let article = page.article.expect("an article");
            assert_eq!(article.id, item.id);
            let mut fail = |what: &str, got: String, want: String| {
                failures.push(format!(
                    "{name} item {}: {what}\n  got:  {got}\n  want: {want}",
                    index + 1
                ));
            };
            if letters(&article.title) != letters_of_markup(&expected.title) {
                fail("title", article.title.clone(), expected.title.clone());
            }
            // A root-relative link (GitHub's) resolves against the feed's own absolute URL.
            let link_matches = match (&article.url, &expected.link) {
                (Some(got), Some(want)) if want.starts_with('/') => {
                    got.starts_with("https://") && got.ends_with(want.as_str())
                }
                (got, want) => got == want,
            };
            if !link_matches {
                fail(
                    "link",
                    format!("{:?}", article.url),
                    format!("{:?}", expected.link),
                );
            }
            check_date(&article, expected, &mut fail);
            let body = letters_of_markup(&expected.body);
            let start: String = body.chars().take(16).collect();
            let shown = letters(&blocks_text(&article.blocks));
            // A body with no text (FeedBurner's tracking pixel alone) shows none.
            if !shown.contains(&start) || start.is_empty() != shown.is_empty() {
                fail("body", shown.chars().take(60).collect(), start);
            }
            checked += 1;
        }
    }
    assert!(
        failures.is_empty(),
        "{} differences:\n{}",
        failures.len(),
        failures.join("\n")
    );
    assert!(checked > 600, "only {checked} items checked");
}

fn check_date(article: &Article, expected: &Scanned, fail: &mut impl FnMut(&str, String, String)) {
    match (&expected.date, article.published) {
        (None, None) => {}
        (Some(written), Some(stamp)) => {
            let year = stamp.year.to_string();
            let day = stamp.day.to_string();
            let day_written = written.contains(&format!(" {day} "))
                || written.contains(&format!("0{day} "))
                || written.contains(&format!("-{:02}", stamp.day))
                || written.contains(&format!("/{day} "));
            if !written.contains(&year) || !day_written {
                fail("date", stamp.wall_clock(), written.clone());
            }
        }
        (written, stamp) => fail("date", format!("{stamp:?}"), format!("{written:?}")),
    }
}

/// The bytes as text, by what the corpus notes say of each file.
fn decode_independently(raw: &[u8]) -> String {
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
fn scan(text: &str) -> Vec<Scanned> {
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

fn strip_cdata(text: &str) -> &str {
    text.strip_prefix("<![CDATA[")
        .and_then(|t| t.strip_suffix("]]>"))
        .unwrap_or(text)
}

/// The five predefined entities and numeric references, nothing else.
fn xml_decode(text: &str) -> String {
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
fn letters_of_markup(raw: &str) -> String {
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

fn letters(text: &str) -> String {
    text.chars().filter(|c| c.is_alphanumeric()).collect()
}
