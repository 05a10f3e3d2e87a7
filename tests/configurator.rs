#![cfg(not(target_arch = "wasm32"))]
//! The partner configurator's logic (`news_widget::configurator`): which attributes it
//! writes, the snippet, the iframe variant, the pre-render command, the CSP lines, and the
//! validator report it shares with `newsctl validate`.

mod common;

use news_widget::config::ATTRIBUTES;
use news_widget::configurator::{
    csp_lines, directory_of, element, iframe, image_urls, origin, prerender_command, shell_word,
    snippet, Options, Text,
};
use news_widget::feed::charset;
use news_widget::feed::lint::{report, FormatFound};
use news_widget::feed::ReadOptions;
use news_widget::i18n::Lang;
use news_widget::network::failure::Failure;

const FEED: &str = "https://news.example.com/feeds/feed.json";
const BUNDLE: &str = "https://cdn.example.net/news-widget/0.1.0/";

fn options() -> Options {
    Options::new(FEED, BUNDLE)
}

fn with(changes: &[(&str, &str)]) -> Options {
    let mut options = options();
    for (name, value) in changes {
        options.set(name, (*value).to_owned());
    }
    options
}

fn names(options: &Options) -> Vec<&'static str> {
    options.attributes().0.iter().map(|(n, _)| *n).collect()
}

#[test]
fn defaults_write_only_the_feed() {
    let (attributes, warnings) = options().attributes();
    assert_eq!(attributes, vec![("feed", FEED.to_owned())]);
    assert!(warnings.is_empty());
}

#[test]
fn each_option_changed_from_its_default_is_written() {
    let cases = [
        ("article", "item-2", "item-2"),
        ("interval", "7.5", "7.5"),
        ("lang", "en", "en"),
        ("theme", "dark", "dark"),
        ("max-headlines", "8", "8"),
        ("target", "_blank", "_blank"),
        ("refresh", "0", "0"),
        ("storage", "off", "off"),
        ("layout", "headlines", "headlines"),
        ("sections", "民生, 1", "民生, 1"),
        ("open", "page", "page"),
        ("history", "off", "off"),
    ];
    for (name, value, written) in cases {
        let (attributes, warnings) = with(&[(name, value)]).attributes();
        assert_eq!(
            attributes,
            vec![("feed", FEED.to_owned()), (name, written.to_owned())],
            "{name}={value}"
        );
        assert!(warnings.is_empty(), "{name}: {warnings:?}");
    }
}

#[test]
fn values_equal_to_the_default_are_left_out() {
    let options = with(&[
        ("interval", "6"),
        ("interval", "6.000"),
        ("theme", "auto"),
        ("target", "_self"),
        ("refresh", "300"),
        ("storage", "on"),
        ("lang", ""),
        ("layout", "page"),
        ("open", "in-place"),
        ("history", "on"),
    ]);
    assert_eq!(names(&options), vec!["feed"]);
    assert_eq!(names(&with(&[("interval", " 6 ")])), vec!["feed"]);
}

#[test]
fn values_out_of_bounds_are_left_out_with_the_widgets_warning() {
    for (name, value) in [
        ("interval", "1"),
        ("interval", "601"),
        ("max-headlines", "0"),
        ("max-headlines", "101"),
        ("refresh", "5"),
        ("refresh", "86401"),
        ("lang", "fr"),
    ] {
        let (attributes, warnings) = with(&[(name, value)]).attributes();
        assert_eq!(attributes.len(), 1, "{name}={value}");
        assert_eq!(warnings.len(), 1, "{name}={value}");
        assert_eq!(warnings[0].attribute, name);
        assert!(
            warnings[0]
                .to_string()
                .starts_with(&format!("news-widget: ignoring {name}=\"{value}\"")),
            "{}",
            warnings[0]
        );
    }
}

#[test]
fn attributes_keep_the_widgets_order() {
    let options = with(&[
        ("storage", "off"),
        ("lang", "en"),
        ("max-headlines", "3"),
        ("article", "a"),
    ]);
    assert_eq!(
        names(&options),
        vec!["feed", "article", "lang", "max-headlines", "storage"]
    );
}

#[test]
fn element_escapes_attribute_values() {
    let html = element(&[
        ("feed", "https://x.example/f.json?a=1&b=\"2\"".to_owned()),
        ("article", "<script>".to_owned()),
    ]);
    assert_eq!(
        html,
        "<news-widget feed=\"https://x.example/f.json?a=1&amp;b=&quot;2&quot;\" \
         article=\"&lt;script&gt;\"></news-widget>"
    );
}

#[test]
fn snippet_has_the_preload_hints_the_loader_and_the_element() {
    let (attributes, _) = with(&[("lang", "en"), ("theme", "dark")]).attributes();
    assert_eq!(
        snippet(BUNDLE, &attributes),
        "<link rel=\"modulepreload\" href=\"https://cdn.example.net/news-widget/0.1.0/news-widget-app.js\">\n\
         <link rel=\"preload\" href=\"https://cdn.example.net/news-widget/0.1.0/news-widget-app_bg.wasm\" as=\"fetch\" type=\"application/wasm\" crossorigin>\n\
         <script type=\"module\" src=\"https://cdn.example.net/news-widget/0.1.0/news-widget.js\"></script>\n\
         \n\
         <news-widget feed=\"https://news.example.com/feeds/feed.json\" lang=\"en\" theme=\"dark\"></news-widget>"
    );
    // Without the trailing slash, the same paths.
    assert_eq!(
        snippet(BUNDLE.trim_end_matches('/'), &attributes),
        snippet(BUNDLE, &attributes)
    );
}

#[test]
fn iframe_passes_what_the_frame_page_reads() {
    let (attributes, _) =
        with(&[("lang", "en"), ("refresh", "60"), ("article", "a b&c")]).attributes();
    assert_eq!(
        iframe(BUNDLE, &attributes),
        "<iframe data-news-widget src=\"https://cdn.example.net/news-widget/0.1.0/embed.html?\
         feed=https://news.example.com/feeds/feed.json&amp;article=a%20b%26c&amp;lang=en&amp;refresh=60\"\n        \
         title=\"News\" width=\"100%\" height=\"600\"></iframe>\n\
         <script src=\"https://cdn.example.net/news-widget/0.1.0/news-widget-frame.js\" defer></script>"
    );
}

#[test]
fn prerender_command_has_every_chosen_option() {
    let (attributes, _) = with(&[
        ("lang", "en"),
        ("max-headlines", "5"),
        ("storage", "off"),
        ("refresh", "60"),
        ("article", "it's"),
    ])
    .attributes();
    let recipe = prerender_command(BUNDLE, &attributes);
    let command = recipe.lines().next().unwrap();
    assert_eq!(
        command,
        "newsctl render https://news.example.com/feeds/feed.json --article 'it'\\''s' --lang en \
         --max-headlines 5 --attr refresh=60 --attr storage=off \
         --css https://cdn.example.net/news-widget/0.1.0/news-widget.css -o widget.html"
    );
    assert!(recipe.contains(
        "<link rel=\"stylesheet\" href=\"https://cdn.example.net/news-widget/0.1.0/news-widget.css\">"
    ));
    assert!(recipe.contains(
        "<script type=\"module\" src=\"https://cdn.example.net/news-widget/0.1.0/news-widget.js\"></script>"
    ));
    // The inlined-stylesheet variant: the same options, the stylesheet from a local copy.
    assert_eq!(
        recipe.lines().last().unwrap(),
        "newsctl render https://news.example.com/feeds/feed.json --article 'it'\\''s' --lang en \
         --max-headlines 5 --attr refresh=60 --attr storage=off \
         --inline-css news-widget.css -o widget.html"
    );
    assert!(recipe.contains("download https://cdn.example.net/news-widget/0.1.0/news-widget.css"));
}

#[test]
fn shell_words_are_quoted_only_when_needed() {
    for (value, word) in [
        ("https://a.example/f.json", "https://a.example/f.json"),
        ("a b", "'a b'"),
        ("$(rm -rf ~)", "'$(rm -rf ~)'"),
        ("it's", "'it'\\''s'"),
        ("", "''"),
    ] {
        assert_eq!(shell_word(value), word, "{value}");
    }
}

#[test]
fn origins_are_read_as_browsers_compare_them() {
    for (url, expected) in [
        (
            "https://CDN.example.net/a/b.js",
            Some("https://cdn.example.net"),
        ),
        (
            "http://127.0.0.1:8080/feed.json",
            Some("http://127.0.0.1:8080"),
        ),
        ("https://a.example:443/x", Some("https://a.example")),
        ("http://a.example:80", Some("http://a.example")),
        ("https://user:pw@a.example/x", Some("https://a.example")),
        ("https://a.example?x", Some("https://a.example")),
        ("feed.json", None),
        ("/feed.json", None),
        ("javascript:alert(1)", None),
        ("data:image/png;base64,xx", None),
    ] {
        assert_eq!(origin(url).as_deref(), expected, "{url}");
    }
}

#[test]
fn csp_lines_name_the_bundle_the_feed_and_the_images() {
    let images = vec![
        "https://img.example.org/a.jpg".to_owned(),
        "https://img.example.org/b.jpg".to_owned(),
        "https://cdn.example.net/news-widget/0.1.0/img/c.svg".to_owned(),
    ];
    assert_eq!(
        csp_lines(BUNDLE, FEED, &images),
        vec![
            "script-src https://cdn.example.net 'wasm-unsafe-eval';",
            "style-src https://cdn.example.net;",
            "connect-src https://cdn.example.net https://news.example.com;",
            "img-src https://img.example.org https://cdn.example.net;",
        ]
    );
    // The feed beside the bundle: one origin; no images: img-src is the page's business.
    assert_eq!(
        csp_lines(BUNDLE, "https://cdn.example.net/feed.json", &[]),
        vec![
            "script-src https://cdn.example.net 'wasm-unsafe-eval';",
            "style-src https://cdn.example.net;",
            "connect-src https://cdn.example.net;",
        ]
    );
    assert_eq!(
        csp_lines("news-widget/", "feed.json", &[])[0],
        "script-src 'self' 'wasm-unsafe-eval';"
    );
}

#[test]
fn image_urls_come_from_the_feeds_figures_and_inline_images() {
    let feed = br#"{"version":"https://jsonfeed.org/version/1.1","title":"t","items":[
        {"id":"1","title":"a","content_html":"<p>x <img src=\"in/line.png\" alt=\"\"></p><figure><img src=\"https://img.example.org/p.jpg\" srcset=\"https://img2.example.org/p2.jpg 2x\" alt=\"p\"><figcaption>c</figcaption></figure>"}]}"#;
    let read = report(
        feed,
        &ReadOptions {
            base_url: Some(FEED),
            ..ReadOptions::default()
        },
    );
    let urls = image_urls(read.page.as_ref().expect("a page"));
    assert_eq!(
        urls,
        vec![
            "https://news.example.com/feeds/in/line.png",
            "https://img.example.org/p.jpg",
            "https://img2.example.org/p2.jpg",
        ]
    );
}

#[test]
fn directory_of_a_page_is_its_bundle_base() {
    for (page, dir) in [
        (
            "http://127.0.0.1:8080/configurator.html?lang=en#x",
            "http://127.0.0.1:8080/",
        ),
        (
            "https://cdn.example.net/news-widget/0.1.0/configurator.html",
            BUNDLE,
        ),
        ("https://cdn.example.net", "https://cdn.example.net/"),
        ("https://cdn.example.net/", "https://cdn.example.net/"),
    ] {
        assert_eq!(directory_of(page), dir, "{page}");
    }
}

#[test]
fn the_report_has_newsctls_findings() {
    // A clean feed: no findings.
    let clean = report(
        br#"{"version":"https://jsonfeed.org/version/1.1","title":"t","items":[{"id":"1","title":"Hi","content_text":"x"}]}"#,
        &ReadOptions::default(),
    );
    assert!(clean.error.is_none());
    assert!(clean.errors.is_empty() && clean.warnings.is_empty());
    assert_eq!(
        clean.summary.as_deref(),
        Some("article \"Hi\" (1 blocks), 0 section(s), 0 headline(s)")
    );
    // Skipped items and lint warnings, with their JSON paths.
    let warned = report(
        br#"{"version":"https://jsonfeed.org/version/1.1","title":"t","extra":1,"items":[{"id":"1","title":"Hi"},null]}"#,
        &ReadOptions::default(),
    );
    assert_eq!(
        warned.warnings,
        vec![
            "$.items[1] is null; expected an item object; item skipped",
            "$.extra is not a JSON Feed key; expected a spec key, or an extension starting with \"_\" (ignored)",
        ]
    );
    // A feed that cannot be shown: the error and the notes.
    let broken = report(
        br#"{"version":"https://jsonfeed.org/version/1.1","items":[{"title":"x"}]}"#,
        &ReadOptions::default(),
    );
    assert!(broken.page.is_none() && broken.summary.is_none());
    assert!(broken.error.is_some());
    assert_eq!(
        broken.errors,
        vec!["$.items[0] lacks an \"id\"; item skipped"]
    );
}

#[test]
fn fetch_advice_names_what_the_server_must_send() {
    use news_widget::configurator::advice;
    let origin = "https://config.example";
    let cors = advice(&Failure::Network, true, Lang::En, origin);
    assert!(
        cors.contains("Access-Control-Allow-Origin: * (or https://config.example)"),
        "{cors}"
    );
    assert!(cors.contains("CORS"));
    let zh = advice(&Failure::Network, true, Lang::ZhCn, origin);
    assert!(
        zh.contains("Access-Control-Allow-Origin") && zh.contains("跨域"),
        "{zh}"
    );
    let network = advice(&Failure::Network, false, Lang::En, origin);
    assert!(network.contains("No answer at all"), "{network}");
    let missing = advice(&Failure::Http { status: 404 }, false, Lang::En, origin);
    assert!(missing.contains("no feed at this address"), "{missing}");
    let html = advice(
        &Failure::NotJson {
            html: true,
            reason: String::new(),
        },
        false,
        Lang::En,
        origin,
    );
    assert!(html.contains("application/feed+json"), "{html}");
    // The first sentence is the widget's own message, which names the status.
    assert!(Failure::Http { status: 404 }
        .message(Lang::En, FEED)
        .contains("HTTP 404"));
}

#[test]
fn the_report_names_the_format_found_and_its_items_for_every_corpus_feed() {
    // The corpus notes (SOURCES.tsv) say each file's format and item count, independently
    // of the reader.
    let sources = std::fs::read_to_string(common::shared_dir().join("corpus/xml/SOURCES.tsv"))
        .expect("SOURCES.tsv");
    let notes: Vec<(&str, &str, usize)> = sources
        .lines()
        .skip(1)
        .map(|line| {
            let fields: Vec<&str> = line.split('\t').collect();
            (fields[0], fields[1], fields[7].parse().expect("items"))
        })
        .collect();
    let files = common::xml_corpus_files();
    assert_eq!(notes.len(), files.len(), "SOURCES.tsv notes every file");
    for ((name, raw), (noted, format, items)) in files.iter().zip(&notes) {
        assert_eq!(name, noted);
        let expected = match *format {
            "rss2" => "RSS 2.0",
            "rdf" => "RSS 1.0 (RDF)",
            "atom" => "Atom 1.0",
            other => panic!("{name}: format {other}"),
        };
        let found = report(&charset::decode(raw, None), &ReadOptions::default()).format;
        assert_eq!(
            found,
            Some(FormatFound {
                name: expected.to_owned(),
                items: *items,
            }),
            "{name}"
        );
    }
}

#[test]
fn the_format_found_is_worded_in_the_pages_language() {
    let chinanews = common::xml_corpus_files()
        .into_iter()
        .find(|(name, _)| name == "01-chinanews-scroll-news.xml")
        .expect("chinanews' RSS");
    let found = report(&chinanews.1, &ReadOptions::default())
        .format
        .expect("a format");
    assert_eq!(found.to_string(), "RSS 2.0 · 30 items");
    assert_eq!(
        Text::of(Lang::En).format_found(&found),
        "RSS 2.0 · 30 items"
    );
    assert_eq!(Text::of(Lang::ZhCn).format_found(&found), "RSS 2.0 · 30 条");
    let json = report(&common::default_feed_bytes(), &ReadOptions::default()).format;
    assert_eq!(
        json.map(|f| f.to_string()).as_deref(),
        Some("JSON Feed 1.1 · 21 items")
    );
    let one = FormatFound {
        name: "Atom 1.0".to_owned(),
        items: 1,
    };
    assert_eq!(Text::of(Lang::En).format_found(&one), "Atom 1.0 · 1 item");
    // A feed the widget cannot show names no format: its error says what it found.
    let broken = report(b"<urlset/>", &ReadOptions::default());
    assert_eq!(broken.format, None);
}

#[test]
fn every_widget_attribute_is_an_option_of_the_form() {
    // A new attribute the form does not offer would silently never reach the snippet.
    let mut options = Options::new(FEED, "https://cdn.example/nw/");
    for name in ATTRIBUTES {
        options.set(name, "x-probe".to_owned());
        assert_eq!(
            options.get(name),
            "x-probe",
            "{name} is not a field of the form"
        );
    }
}

#[test]
fn the_prerender_command_passes_layout_and_sections_and_leaves_open_and_history_to_the_page() {
    let (attributes, _) = with(&[
        ("layout", "list"),
        ("sections", "民生"),
        ("open", "page"),
        ("history", "off"),
    ])
    .attributes();
    let command = prerender_command("https://cdn.example/nw/", &attributes);
    assert!(
        command.contains("--layout list --sections '民生'"),
        "{command}"
    );
    assert!(
        command.contains("--attr open=page --attr history=off"),
        "{command}"
    );
}
