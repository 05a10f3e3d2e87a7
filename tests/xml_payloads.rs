#![cfg(not(target_arch = "wasm32"))]
//! The hostile-HTML payloads (the project's own suite, tests/fixtures/payloads.txt, and
//! DOMPurify's, ../shared/xss) through RSS and Atom: an escaped `description`, a CDATA
//! `content:encoded` and an Atom `content type="xhtml"` give the model the same HTML gives
//! as a JSON Feed's `content_html`.

mod common;
mod payloads;

use common::model_markup::{assert_model_invariants, blocks_markup};
use news_widget::feed::{read_page, FeedError, ReadOptions};
use news_widget::view_model::Block;
use payloads::BASE;

fn article_blocks(document: &[u8]) -> Result<Vec<Block>, FeedError> {
    let page = read_page(document, &ReadOptions::default())?;
    Ok(page.article.expect("an article").blocks)
}

/// XML reads `\r\n` and `\r` as `\n`: that is the HTML an XML feed carries.
fn as_xml_reads_it(html: &str) -> String {
    html.replace("\r\n", "\n").replace('\r', "\n")
}

fn json_feed(html: &str) -> Vec<u8> {
    let item = serde_json::json!({"id": "p", "url": BASE, "content_html": html});
    serde_json::json!({"version": "https://jsonfeed.org/version/1.1", "items": [item]})
        .to_string()
        .into_bytes()
}

fn escaped(html: &str) -> String {
    html.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

fn rss_description(html: &str) -> String {
    format!(
        "<rss version=\"2.0\"><channel><title>t</title><item><guid>p</guid><link>{BASE}</link>\
             <description>{}</description></item></channel></rss>",
        escaped(html)
    )
}

fn rss_content_encoded(html: &str) -> String {
    let cdata = html.replace("]]>", "]]]]><![CDATA[>");
    format!(
        "<rss version=\"2.0\" xmlns:content=\"http://purl.org/rss/1.0/modules/content/\">\
             <channel><title>t</title><item><guid>p</guid><link>{BASE}</link>\
             <content:encoded><![CDATA[{cdata}]]></content:encoded>\
             </item></channel></rss>"
    )
}

fn atom_xhtml(html: &str) -> String {
    format!("<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>t</title><entry><id>p</id>\
             <link href=\"{BASE}\"/><content type=\"xhtml\"><div xmlns=\"http://www.w3.org/1999/xhtml\">\
             {html}</div></content></entry></feed>")
}

/// Every payload of both suites.
fn all_payloads() -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = payloads::payloads()
        .into_iter()
        .map(|p| (format!("[{}] {}", p.family, p.name), p.html))
        .collect();
    let path = common::shared_dir().join("xss/dompurify-payloads.json");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let dompurify: Vec<String> = serde_json::from_str(&text).expect("a JSON array of strings");
    assert!(
        dompurify.len() >= 200,
        "{} DOMPurify payloads",
        dompurify.len()
    );
    out.extend(
        dompurify
            .into_iter()
            .enumerate()
            .map(|(i, html)| (format!("dompurify #{i}"), html)),
    );
    out
}

#[test]
fn escaped_descriptions_and_cdata_bodies_give_the_content_html_model() {
    let mut failures = Vec::new();
    let cases = all_payloads();
    for (name, html) in &cases {
        let expected = article_blocks(&json_feed(&as_xml_reads_it(html))).expect("JSON reads");
        for (form, document) in [
            ("escaped description", rss_description(html)),
            ("CDATA content:encoded", rss_content_encoded(html)),
        ] {
            match article_blocks(document.as_bytes()) {
                Ok(blocks) => {
                    assert_model_invariants(&blocks);
                    if blocks != expected {
                        failures.push(format!(
                            "{name} via {form}:\n  xml:  {}\n  json: {}",
                            blocks_markup(&blocks),
                            blocks_markup(&expected)
                        ));
                    }
                }
                Err(error) => failures.push(format!("{name} via {form}: {error}")),
            }
        }
    }
    assert!(cases.len() > 350, "{} payloads", cases.len());
    assert!(
        failures.is_empty(),
        "{} differ:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// XHTML content must be well-formed XML: a payload that is not (half of them) makes the
/// document unreadable, with the parser's message. One that is gives a model within the
/// allow-list always, and the `content_html` model of the same markup unless XML reads the
/// markup differently from HTML: XML normalises tabs and newlines in attribute values to
/// spaces, knows only five named entities (`&Tab;`, `&colon;`, `&copy` stay text), has
/// no abrupt comments (`<!-->`), and maps `&#x80;` to a C1 control, not to `€`.
#[test]
fn xhtml_content_gives_the_content_html_model_or_a_clear_error() {
    let (mut same, mut refused) = (0, 0);
    let mut failures = Vec::new();
    for (name, html) in all_payloads() {
        match article_blocks(atom_xhtml(&html).as_bytes()) {
            Err(FeedError::NotXml { .. }) => refused += 1,
            Err(other) => failures.push(format!("{name}: unexpected error {other}")),
            Ok(blocks) => {
                assert_model_invariants(&blocks);
                let expected = article_blocks(&json_feed(&as_xml_reads_it(&html))).expect("JSON");
                if blocks == expected {
                    same += 1;
                } else {
                    failures.push(format!(
                        "{name}:\n  html: {html:?}\n  xml:  {}\n  json: {}",
                        blocks_markup(&blocks),
                        blocks_markup(&expected)
                    ));
                }
            }
        }
    }
    eprintln!(
        "xhtml: {same} the same, {refused} not well-formed, {} read differently by XML:\n{}",
        failures.len(),
        failures.join("\n")
    );
    assert!(same >= 200, "only {same} payloads gave the same model");
    assert!(failures.len() <= 25, "{} differ", failures.len());
}
