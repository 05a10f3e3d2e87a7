#![cfg(not(target_arch = "wasm32"))]
//! Feeds in the encodings publishers declare: the fixtures (made from the corpus by
//! scripts/make-encoding-fixtures.py) read exactly as their UTF-8 originals once decoded
//! in the order BOM, HTTP charset, XML declaration, UTF-8.

mod common;

use news_widget::feed::charset::{decode, detect, Source};
use news_widget::feed::{read_page, ReadOptions};
use news_widget::view_model::Page;

/// Keep in step with scripts/make-encoding-fixtures.py.
const BIG5_STAND_INS: [(&str, &str); 4] = [
    ("\u{2122}", "(TM)"),
    ("\u{ae}", "(R)"),
    ("\u{ff5e}", "~"),
    ("\u{a0}", " "),
];

fn fixture(name: &str) -> Vec<u8> {
    let path = format!(
        "{}/tests/fixtures/encodings/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn corpus(name: &str) -> Vec<u8> {
    let (_, bytes) = common::xml_corpus_files()
        .into_iter()
        .find(|(file, _)| file == name)
        .unwrap_or_else(|| panic!("corpus/xml/{name} is missing"));
    bytes
}

fn page(bytes: &[u8]) -> Page {
    read_page(bytes, &ReadOptions::default()).expect("reads")
}

#[test]
fn gb18030_reads_as_its_utf8_original() {
    let bytes = fixture("chinanews-gb18030.xml");
    let charset = detect(&bytes, None);
    assert_eq!(
        (charset.label.as_str(), charset.source),
        ("gb18030", Source::XmlDeclaration)
    );
    let original = page(&corpus("01-chinanews-scroll-news.xml"));
    assert_eq!(page(&decode(&bytes, None)), original);
    assert_eq!(page(&decode(&bytes, Some("text/xml"))), original);
    // Not decoded, the same bytes are mojibake: the comparison above can fail.
    assert_ne!(page(&bytes), original);
}

#[test]
fn big5_reads_as_its_utf8_original() {
    let bytes = fixture("steachs-big5.xml");
    assert_eq!(detect(&bytes, None).label, "big5");
    let mut original = String::from_utf8(corpus("05-steachs-zh-tw.xml")).expect("UTF-8");
    for (character, stand_in) in BIG5_STAND_INS {
        original = original.replace(character, stand_in);
    }
    let read = page(&decode(&bytes, None));
    assert_eq!(read, page(original.as_bytes()));
    assert!(
        read.feed_title.starts_with("就是教不落"),
        "{}",
        read.feed_title
    );
}

#[test]
fn utf16_with_a_byte_order_mark_reads_as_utf8() {
    let bytes = fixture("chinanews-utf16le.xml");
    let charset = detect(&bytes, Some("text/xml; charset=gbk"));
    assert_eq!(
        (charset.label.as_str(), charset.source),
        ("utf-16le", Source::ByteOrderMark)
    );
    assert_eq!(
        page(&decode(&bytes, None)),
        page(&corpus("01-chinanews-scroll-news.xml"))
    );
}

#[test]
fn the_http_charset_outranks_the_declaration() {
    let bytes = fixture("chinanews-gb18030.xml");
    let original = page(&corpus("01-chinanews-scroll-news.xml"));
    // The server is believed over the document, as XML over HTTP says; here it is wrong.
    let charset = detect(&bytes, Some("application/rss+xml; charset=Big5"));
    assert_eq!(
        (charset.label.as_str(), charset.source),
        ("big5", Source::HttpCharset)
    );
    assert_ne!(
        page(&decode(&bytes, Some("application/rss+xml; charset=Big5"))),
        original
    );
    assert_eq!(
        page(&decode(
            &bytes,
            Some("application/rss+xml; charset=gb18030")
        )),
        original
    );
}

#[test]
fn legacy_encodings_of_the_corpus_decode() {
    let gb2312 = page(&decode(&corpus("07-kc0011-gb2312.xml"), None));
    assert!(
        gb2312.feed_title.starts_with("投资资讯网交易在线"),
        "{}",
        gb2312.feed_title
    );
    let latin1 = page(&decode(&corpus("18-jn-iso-8859-1.xml"), None));
    assert_eq!(latin1.feed_title, "Jornal de Notícias - Últimas Notícias");
}
