//! Browser tests of RSS 2.0, RSS 1.0 and Atom: every document of the shared corpus
//! (`corpus/xml/`, exact bytes as served) and the transcoded fixtures, fetched by the real
//! widget from a local `blob:` URL with a wrong Content-Type, decoded by the browser's
//! `TextDecoder` where they are not UTF-8, and rendered by the real components. The headline
//! and every headline of the sidebar (title and link, in order) are compared with an
//! independent string scan of the same bytes (tests/common/xml_scan.rs), as the host suite
//! does; tests/xml_corpus.rs checks this file names every corpus file.
#![cfg(target_arch = "wasm32")]

mod web;
#[path = "common/xml_scan.rs"]
mod xml_scan;

use js_sys::{Array, Uint8Array};
use news_widget::config::DEFAULT_MAX_HEADLINES;
use wasm_bindgen_test::*;
use web::*;
use web_sys::{Blob, BlobPropertyBag, Url};
use xml_scan::{decode_independently, letters, letters_of_markup, scan, Scanned};

wasm_bindgen_test_configure!(run_in_browser);

/// The corpus is embedded at build time (the browser has no file system); it lives beside
/// the checkout, as tests/common finds it for the host suites.
macro_rules! corpus {
    ($name:literal) => {
        include_bytes!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../shared/corpus/xml/",
            $name
        ))
    };
}

macro_rules! fixture {
    ($name:literal) => {
        include_bytes!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/encodings/",
            $name
        ))
    };
}

/// What feed servers get wrong, in turn: none of these says "XML feed", and none names a
/// charset, so the XML declaration (or the BOM) must decide.
const WRONG_TYPES: [&str; 4] = ["application/octet-stream", "text/html", "text/plain", ""];

/// A local `blob:` URL serving `bytes` as `content_type`.
fn bytes_url(bytes: &[u8], content_type: &str) -> String {
    let parts = Array::of1(&Uint8Array::from(bytes));
    let options = BlobPropertyBag::new();
    options.set_type(content_type);
    let blob = Blob::new_with_u8_array_sequence_and_options(&parts, &options).expect("blob");
    Url::create_object_url_with_blob(&blob).expect("object URL")
}

/// Mounts the widget on `bytes` and checks what it shows against `expected`.
async fn renders_as_scanned(name: &str, bytes: &[u8], content_type: &str, expected: &[Scanned]) {
    assert!(
        expected.len() > 1,
        "{name}: the scan found {} items",
        expected.len()
    );
    let url = bytes_url(bytes, content_type);
    let widget = mount_widget(&url).await;
    let headline = widget.wait_for_text(".nw-headline").await;
    let mut failures = Vec::new();
    let (first, rest) = expected.split_first().expect("items");
    // Without `max-headlines` the widget shows at most this many (The Japan Times has 117).
    let rest = &rest[..rest.len().min(DEFAULT_MAX_HEADLINES)];
    if letters(&headline) != letters_of_markup(&first.title) {
        failures.push(format!("headline {headline:?}, want {:?}", first.title));
    }
    let headline_link = widget.hrefs(".nw-headline a").pop();
    check_link(&headline_link, &first.link, "headline", &mut failures);
    let body = letters_of_markup(&first.body);
    let start: String = body.chars().take(16).collect();
    let shown = letters(&widget.text_of("[part=body]").unwrap_or_default());
    if !shown.contains(&start) {
        failures.push(format!(
            "body starts {start:?}, shows {:?}",
            shown.chars().take(60).collect::<String>()
        ));
    }

    let titles = widget.all_text(".nw-section .nw-item-title");
    let links = widget.hrefs_or_none(".nw-section .nw-item-title");
    if titles.len() != rest.len() {
        failures.push(format!("{} headlines, want {}", titles.len(), rest.len()));
    }
    for (index, ((title, link), want)) in titles.iter().zip(&links).zip(rest).enumerate() {
        let what = format!("headline {}", index + 1);
        if letters(title) != letters_of_markup(&want.title) {
            failures.push(format!("{what}: {title:?}, want {:?}", want.title));
        }
        check_link(link, &want.link, &what, &mut failures);
    }
    widget.unmount();
    Url::revoke_object_url(&url).expect("revoke");
    assert!(
        failures.is_empty(),
        "{name} (served as {content_type:?}): {} differences:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// The link as written, or, for a root-relative one (GitHub's), resolved to an absolute URL
/// ending in it.
fn check_link(got: &Option<String>, want: &Option<String>, what: &str, failures: &mut Vec<String>) {
    let matches = match (got, want) {
        (Some(got), Some(want)) if want.starts_with('/') => {
            got.starts_with("https://") && got.ends_with(want.as_str())
        }
        (got, want) => got == want,
    };
    if !matches {
        failures.push(format!("{what} link {got:?}, want {want:?}"));
    }
}

trait Links {
    fn hrefs(&self, selector: &str) -> Vec<String>;
    fn hrefs_or_none(&self, selector: &str) -> Vec<Option<String>>;
}

impl Links for Widget {
    fn hrefs(&self, selector: &str) -> Vec<String> {
        self.hrefs_or_none(selector).into_iter().flatten().collect()
    }

    /// The `href` of each match (`None` for a title shown without a link).
    fn hrefs_or_none(&self, selector: &str) -> Vec<Option<String>> {
        let nodes = self.root.query_selector_all(selector).expect("selector");
        (0..nodes.length())
            .filter_map(|i| nodes.item(i))
            .filter_map(|n| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(n).ok())
            .map(|e| e.get_attribute("href"))
            .collect()
    }
}

async fn corpus_file(name: &str, bytes: &[u8], index: usize) {
    let expected = scan(&decode_independently(bytes));
    renders_as_scanned(
        name,
        bytes,
        WRONG_TYPES[index % WRONG_TYPES.len()],
        &expected,
    )
    .await;
}

/// One test per corpus file, so a failure names its feed.
macro_rules! corpus_tests {
    ($($index:literal $test:ident $name:literal;)*) => {$(
        #[wasm_bindgen_test]
        async fn $test() {
            corpus_file($name, corpus!($name), $index).await;
        }
    )*};
}

corpus_tests! {
    1 chinanews_scroll_news "01-chinanews-scroll-news.xml";
    2 oschina_news "02-oschina-news.xml";
    3 geekpark "03-geekpark.xml";
    4 ruanyifeng_atom "04-ruanyifeng-atom.xml";
    5 steachs_zh_tw "05-steachs-zh-tw.xml";
    6 dapenti "06-dapenti.xml";
    7 kc0011_gb2312 "07-kc0011-gb2312.xml";
    8 guardian "08-guardian.xml";
    9 nytimes "09-nytimes.xml";
    10 minutos_rdf "10-20minutos-rdf.xml";
    11 youtube_atom "11-youtube-atom.xml";
    12 daringfireball_atom "12-daringfireball-atom.xml";
    13 lemonde "13-lemonde.xml";
    14 japantimes "14-japantimes.xml";
    15 gulp_github_releases_atom "15-gulp-github-releases-atom.xml";
    16 google_testing_blog_blogger "16-google-testing-blog-blogger.xml";
    17 medium_emarley "17-medium-emarley.xml";
    18 jn_iso_8859_1 "18-jn-iso-8859-1.xml";
    19 ctvnews_bom "19-ctvnews-bom.xml";
    20 biorxiv_rdf "20-biorxiv-rdf.xml";
}

#[wasm_bindgen_test]
async fn gb18030_shows_what_its_utf8_original_says() {
    // The expectation comes from the UTF-8 original, not from decoding the fixture: the
    // browser's decoding is what is under test.
    let original = corpus!("01-chinanews-scroll-news.xml");
    let expected = scan(std::str::from_utf8(original).expect("UTF-8"));
    let bytes = fixture!("chinanews-gb18030.xml");
    assert!(
        std::str::from_utf8(std::hint::black_box(bytes)).is_err(),
        "the fixture is not UTF-8"
    );
    renders_as_scanned("chinanews-gb18030.xml", bytes, "text/html", &expected).await;
}

#[wasm_bindgen_test]
async fn big5_named_by_the_http_charset_is_decoded_by_the_browser() {
    let bytes = fixture!("steachs-big5.xml");
    let expected = scan(&encoding_rs::BIG5.decode(bytes).0);
    renders_as_scanned(
        "steachs-big5.xml",
        bytes,
        "text/html; charset=Big5",
        &expected,
    )
    .await;
}

#[wasm_bindgen_test]
async fn utf16_with_a_bom_is_decoded_by_the_browser() {
    let original = corpus!("01-chinanews-scroll-news.xml");
    let expected = scan(std::str::from_utf8(original).expect("UTF-8"));
    let bytes = fixture!("chinanews-utf16le.xml");
    renders_as_scanned("chinanews-utf16le.xml", bytes, "application/xml", &expected).await;
}
