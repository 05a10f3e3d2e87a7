//! The `newsctl` command: the verdicts and exit statuses partners' scripts rely on, on the
//! shared corpus of real feeds and on the default feed.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use news_widget::feed::lint::lint;
use news_widget::feed::parse_feed;

struct Run {
    status: Option<i32>,
    stdout: String,
    stderr: String,
}

fn newsctl(args: &[&str], stdin: Option<&[u8]>) -> Run {
    let mut child = Command::new(env!("CARGO_BIN_EXE_newsctl"))
        .args(args)
        .stdin(if stdin.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run newsctl");
    if let Some(bytes) = stdin {
        // A command that fails on its arguments exits without reading: a broken pipe is fine.
        let written = child.stdin.take().expect("stdin").write_all(bytes);
        if let Err(e) = written {
            assert_eq!(e.kind(), std::io::ErrorKind::BrokenPipe, "write stdin: {e}");
        }
    }
    let output = child.wait_with_output().expect("newsctl output");
    Run {
        status: output.status.code(),
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
    }
}

fn validate(files: &[&Path]) -> Run {
    let mut args = vec!["validate"];
    args.extend(files.iter().map(|f| f.to_str().expect("UTF-8 path")));
    newsctl(&args, None)
}

fn default_feed() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("static/feed.json")
}

fn corpus_paths(kind: &str) -> Vec<PathBuf> {
    let dir = common::shared_dir().join("corpus").join(kind);
    common::corpus_files(kind)
        .into_iter()
        .map(|(name, _)| dir.join(name))
        .collect()
}

// ---- validate ----------------------------------------------------------------------------

#[test]
fn the_default_feed_validates_with_what_the_widget_will_show() {
    let run = validate(&[&default_feed()]);
    assert_eq!(run.status, Some(0), "{}", run.stdout);
    assert!(run.stdout.contains("ok: article \"向新而行 浙江丽水探路山区发展“新赛道”\" (24 blocks), 2 section(s), 20 headline(s)"), "{}", run.stdout);
    assert!(
        !run.stdout.contains("warning:"),
        "the default feed is clean: {}",
        run.stdout
    );
}

#[test]
fn every_valid_corpus_feed_passes() {
    for path in corpus_paths("valid") {
        let run = validate(&[&path]);
        assert_eq!(run.status, Some(0), "{}: {}", path.display(), run.stdout);
        assert!(run.stdout.contains(": ok: article "), "{}", run.stdout);
        assert!(!run.stdout.contains(": error:"), "{}", run.stdout);
    }
}

/// Each edge file gets the reader's verdict: the unrenderable ones fail with the reader's
/// message, which names the problem (a JSON path, or a line and column), the others pass.
#[test]
fn every_unrenderable_edge_feed_fails_naming_the_problem() {
    let mut failures = 0;
    for path in corpus_paths("edge") {
        let bytes = std::fs::read(&path).expect("edge file");
        let run = validate(&[&path]);
        let name = path.display().to_string();
        match parse_feed(&bytes) {
            Ok(_) => assert_eq!(run.status, Some(0), "{name} renders: {}", run.stdout),
            Err(error) => {
                failures += 1;
                assert_eq!(run.status, Some(1), "{name} must fail: {}", run.stdout);
                let message = error.to_string();
                assert!(
                    run.stdout.contains(&format!("{name}: error: {message}\n")),
                    "{name}: {}",
                    run.stdout
                );
                assert!(
                    message.contains("$") || message.contains(" line "),
                    "{name}: the message names where: {message}"
                );
            }
        }
    }
    assert!(
        failures >= 10,
        "the edge corpus has many unrenderable feeds, saw {failures}"
    );
}

#[test]
fn a_broken_feed_fails_with_the_reason_and_position() {
    let edge = common::shared_dir().join("corpus/edge");
    let truncated = edge.join("rsparser-allthis-partial-truncated.json");
    let skipped = edge.join("gofeed-issue355-items-trailing-null.json");
    let run = validate(&[&skipped, &truncated]);
    assert_eq!(
        run.status,
        Some(1),
        "a file that cannot be shown fails the run: {}",
        run.stdout
    );
    assert!(
        run.stdout.contains("error: not JSON:") && run.stdout.contains("at line 1 column 12388"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout
            .contains("warning: $.items[1] is null; expected an item object; item skipped"),
        "skipped items are named, and do not fail the feed: {}",
        run.stdout
    );
}

#[test]
fn every_skipped_item_of_a_feed_without_usable_items_is_listed() {
    let feed = br#"{"version": "https://jsonfeed.org/version/1.1", "title": "t",
        "items": [{"title": "no id"}, null, {"id": {"x": 1}}]}"#;
    let run = newsctl(&["validate", "-"], Some(feed));
    assert_eq!(run.status, Some(1), "{}", run.stdout);
    for problem in [
        "<stdin>: error: no usable items: none of the 3 entries in $.items can be shown",
        "<stdin>: error: $.items[0] lacks an \"id\"; item skipped",
        "<stdin>: error: $.items[1] is null; expected an item object; item skipped",
        "<stdin>: error: $.items[2].id is an object; expected a string; item skipped",
    ] {
        assert!(
            run.stdout.contains(problem),
            "{problem:?} in {}",
            run.stdout
        );
    }
}

#[test]
fn warnings_name_the_path_and_do_not_fail() {
    let feed = br#"{
      "version": "https://jsonfeed.org/version/1.1", "title": "t", "colour": "red",
      "_news_widget": {"article": "a", "layout": "wide",
        "sections": [{"title": "S", "items": ["b"], "order": 1}]},
      "items": [
        {"id": "a", "title": "A", "content_text": "x",
         "_news_widget": {"blocks": [
           {"type": "figure", "src": "p.jpg", "alt": "", "width": 10},
           {"type": "video", "src": "v.mp4"},
           {"type": "paragraph", "text": "y", "style": "bold"},
           {"type": "figure", "src": "javascript:alert(1)", "width": 1, "height": 1}]}},
        {"id": "b", "title": "B", "content_text": "z"}
      ]}"#;
    let run = newsctl(&["validate", "-"], Some(feed));
    assert_eq!(run.status, Some(0), "{}", run.stdout);
    for warning in [
        "warning: $.colour is not a JSON Feed key",
        "warning: $._news_widget.layout is not a key the widget knows; expected one of article, sections (ignored)",
        "warning: $._news_widget.sections[0].order is not a key the widget knows",
        "warning: $.items[0]._news_widget.blocks[0] has no height; expected the image's pixel size",
        "warning: $.items[0]._news_widget.blocks[1].type is \"video\"; expected \"paragraph\", \"heading\" or \"figure\" (block skipped)",
        "warning: $.items[0]._news_widget.blocks[2].style is not a key the widget knows",
        "warning: $.items[0]._news_widget.blocks[3] has no alt",
        "warning: $.items[0]._news_widget.blocks[3].src is \"javascript:alert(1)\"; expected an http(s) or relative URL",
    ] {
        assert!(run.stdout.contains(warning), "{warning:?} in {}", run.stdout);
    }
    assert!(
        !run.stdout.contains("blocks[0] has no alt"),
        "alt=\"\" is a decorative image: {}",
        run.stdout
    );
}

#[test]
fn lint_has_nothing_to_say_about_the_default_feed_or_about_non_feeds() {
    assert_eq!(lint(&common::default_feed_bytes()), Vec::<String>::new());
    for not_a_feed in [&b"not json"[..], b"[1, 2]", b"null", b""] {
        assert_eq!(
            lint(not_a_feed),
            Vec::<String>::new(),
            "the reader's error says it"
        );
    }
}

#[test]
fn files_that_cannot_be_read_fail_and_bad_usage_exits_2() {
    let run = validate(&[Path::new("/nonexistent/feed.json")]);
    assert_eq!(run.status, Some(1));
    assert!(
        run.stdout
            .contains("/nonexistent/feed.json: error: cannot read:"),
        "{}",
        run.stdout
    );
    for args in [
        &[][..],
        &["validate"][..],
        &["frobnicate"][..],
        &["render"][..],
    ] {
        let run = newsctl(args, None);
        assert_eq!(run.status, Some(2), "{args:?}: {}", run.stderr);
        assert!(run.stderr.contains("usage:"), "{args:?}: {}", run.stderr);
    }
}

#[test]
fn an_unreachable_url_is_an_error_not_a_hang() {
    // Port 9 on the loopback (discard) is closed on test machines: the connection is refused.
    let run = newsctl(&["validate", "http://127.0.0.1:9/feed.json"], None);
    assert_eq!(run.status, Some(1), "{}", run.stdout);
    assert!(
        run.stdout
            .contains("http://127.0.0.1:9/feed.json: error: cannot fetch:"),
        "{}",
        run.stdout
    );
}

// ---- render ------------------------------------------------------------------------------

#[test]
fn render_prints_the_element_with_its_attributes_and_stylesheet() {
    let feed = default_feed();
    let run = newsctl(
        &[
            "render",
            feed.to_str().unwrap(),
            "--feed",
            "feed.json",
            "--lang",
            "en",
            "--theme",
            "dark",
            "--max-headlines",
            "8",
            "--attr",
            "id=widget-zh",
            "--css",
            "/cdn/news-widget.css",
        ],
        None,
    );
    assert_eq!(run.status, Some(0), "{}", run.stderr);
    assert!(run.stdout.starts_with(
        "<news-widget feed=\"feed.json\" lang=\"en\" theme=\"dark\" max-headlines=\"8\" id=\"widget-zh\">\
         <template shadowrootmode=\"open\"><link rel=\"stylesheet\" href=\"/cdn/news-widget.css\">"
    ), "{}", &run.stdout[..300.min(run.stdout.len())]);
    assert!(run.stdout.ends_with("</template></news-widget>\n"));
    assert!(
        run.stdout.contains("nw-theme-dark"),
        "theme reaches the markup"
    );
    assert!(run
        .stdout
        .contains(" lang=\"en\" dir=\"ltr\" part=\"root\""));
}

#[test]
fn render_can_inline_the_stylesheet_and_prints_its_csp_hash() {
    let feed = default_feed();
    let css_path = Path::new(env!("CARGO_MANIFEST_DIR")).join("static/news-widget.css");
    let css = std::fs::read_to_string(&css_path).expect("the stylesheet");
    let run = newsctl(
        &[
            "render",
            feed.to_str().unwrap(),
            "--feed",
            "feed.json",
            "--inline-css",
            css_path.to_str().unwrap(),
        ],
        None,
    );
    assert_eq!(run.status, Some(0), "{}", run.stderr);
    let opening = "<news-widget feed=\"feed.json\"><template shadowrootmode=\"open\"><style>";
    assert!(run.stdout.starts_with(opening), "{}", &run.stdout[..200]);
    let inlined = &run.stdout[opening.len()..];
    assert!(
        inlined.starts_with(
            &(css.clone()
                + "</style><div lang=\"zh-CN\" dir=\"ltr\" part=\"root\" class=\"nw-root")
        ),
        "the file's exact text, then the widget"
    );
    assert!(!run.stdout.contains("<link"), "no stylesheet link");
    let hash = news_widget::prerender::style_hash(&css);
    assert!(
        run.stderr.contains(&format!("style-src {hash}")),
        "the CSP hash: {}",
        run.stderr
    );

    let both = newsctl(
        &[
            "render",
            feed.to_str().unwrap(),
            "--css",
            "a.css",
            "--inline-css",
            "b.css",
        ],
        None,
    );
    assert_eq!(both.status, Some(2), "{}", both.stderr);
    let missing = newsctl(
        &[
            "render",
            feed.to_str().unwrap(),
            "--inline-css",
            "/no/such.css",
        ],
        None,
    );
    assert_eq!(missing.status, Some(1), "{}", missing.stderr);
    assert!(
        missing.stderr.contains("/no/such.css"),
        "{}",
        missing.stderr
    );
}

#[test]
fn render_from_stdin_needs_the_feed_url_and_reports_bad_attributes() {
    let bytes = common::default_feed_bytes();
    let run = newsctl(&["render", "-"], Some(&bytes));
    assert_eq!(run.status, Some(2), "{}", run.stderr);
    assert!(run.stderr.contains("--feed URL"), "{}", run.stderr);

    let run = newsctl(
        &["render", "-", "--feed", "f.json", "--interval", "0.5"],
        Some(&bytes),
    );
    assert_eq!(run.status, Some(0), "{}", run.stderr);
    assert!(
        run.stderr.contains(
            "news-widget: ignoring interval=\"0.5\": expected seconds between 2 and 600; using 6"
        ),
        "the widget's own warning: {}",
        run.stderr
    );
}

#[test]
fn render_of_an_unreadable_feed_fails_with_the_reason() {
    let run = newsctl(
        &["render", "-", "--feed", "f.json"],
        Some(b"{\"items\": null}"),
    );
    assert_eq!(run.status, Some(1));
    assert!(run.stdout.is_empty());
    assert!(
        run.stderr
            .contains("error: $.items is null; expected an array of items"),
        "{}",
        run.stderr
    );
}

#[test]
fn render_writes_the_same_bytes_to_a_file() {
    let feed = default_feed();
    let feed = feed.to_str().unwrap();
    let out = std::env::temp_dir().join(format!("newsctl-test-{}/w.html", std::process::id()));
    let run = newsctl(
        &[
            "render",
            feed,
            "-o",
            out.to_str().unwrap(),
            "--feed",
            "feed.json",
        ],
        None,
    );
    assert_eq!(run.status, Some(0), "{}", run.stderr);
    let written = std::fs::read_to_string(&out).expect("written file");
    let printed = newsctl(&["render", feed, "--feed", "feed.json"], None).stdout;
    assert_eq!(written, printed);
    let _ = std::fs::remove_dir_all(out.parent().unwrap());
}

#[test]
fn render_can_put_the_element_into_a_page() {
    let feed = default_feed();
    let page = Path::new(env!("CARGO_MANIFEST_DIR")).join("static/embed.html");
    let run = newsctl(
        &[
            "render",
            feed.to_str().unwrap(),
            "--feed",
            "feed.json",
            "--page",
            page.to_str().unwrap(),
        ],
        None,
    );
    assert_eq!(run.status, Some(0), "{}", run.stderr);
    let template = std::fs::read_to_string(&page).unwrap();
    let element = newsctl(
        &["render", feed.to_str().unwrap(), "--feed", "feed.json"],
        None,
    )
    .stdout;
    let (before, after) = template
        .split_once("<body>")
        .expect("embed.html has <body>");
    assert_eq!(run.stdout, format!("{before}<body>\n{element}{after}"));

    let no_body = std::env::temp_dir().join(format!("newsctl-nobody-{}.html", std::process::id()));
    std::fs::write(&no_body, "<p>no body tag</p><bodyguard>").unwrap();
    let run = newsctl(
        &[
            "render",
            feed.to_str().unwrap(),
            "--page",
            no_body.to_str().unwrap(),
        ],
        None,
    );
    let _ = std::fs::remove_file(&no_body);
    assert_eq!(run.status, Some(1));
    assert!(run.stderr.contains("has no <body> tag"), "{}", run.stderr);
}

fn xml_corpus_path(name: &str) -> PathBuf {
    common::shared_dir().join("corpus/xml").join(name)
}

#[test]
fn validate_and_render_read_rss_rdf_and_atom_in_their_encodings() {
    let names = [
        "01-chinanews-scroll-news.xml",
        "07-kc0011-gb2312.xml",
        "10-20minutos-rdf.xml",
        "12-daringfireball-atom.xml",
    ];
    let paths: Vec<PathBuf> = names.iter().map(|n| xml_corpus_path(n)).collect();
    let refs: Vec<&Path> = paths.iter().map(PathBuf::as_path).collect();
    let run = validate(&refs);
    assert_eq!(run.status, Some(0), "{}{}", run.stdout, run.stderr);
    assert!(run.stdout.contains("01-chinanews-scroll-news.xml: ok: article \"英媒称霍尔木兹海峡航运再次停滞\" (1 blocks), 1 section(s), 29 headline(s)"), "{}", run.stdout);
    assert!(
        run.stdout
            .contains("07-kc0011-gb2312.xml: ok: article \"建国35周年纪念，华表，和平鸽\""),
        "{}",
        run.stdout
    );
    let rendered = newsctl(
        &["render", paths[1].to_str().unwrap(), "--feed", "kc.xml"],
        None,
    );
    assert_eq!(rendered.status, Some(0), "{}", rendered.stderr);
    assert!(
        rendered.stdout.contains("建国35周年纪念，华表，和平鸽"),
        "{}",
        rendered.stdout
    );
}

#[test]
fn validate_names_what_a_non_feed_document_is() {
    let run = newsctl(
        &["validate", "-"],
        Some(b"<?xml version=\"1.0\"?><urlset><url/></urlset>"),
    );
    assert_eq!(run.status, Some(1));
    assert!(
        run.stdout.contains(
            "<stdin>: error: not an RSS or Atom feed: the root element is <urlset> (a sitemap)"
        ),
        "{}",
        run.stdout
    );
}

#[test]
fn convert_writes_the_json_feed_the_widget_reads() {
    let path = xml_corpus_path("07-kc0011-gb2312.xml");
    let run = newsctl(&["convert", path.to_str().unwrap()], None);
    assert_eq!(run.status, Some(0), "{}", run.stderr);
    let json: serde_json::Value = serde_json::from_str(&run.stdout).expect("JSON");
    assert_eq!(json["version"], "https://jsonfeed.org/version/1.1");
    assert_eq!(json["items"][0]["title"], "建国35周年纪念，华表，和平鸽");
    assert_eq!(json["items"][0]["date_published"], "2020-01-10T14:33:00");
    let feed = parse_feed(run.stdout.as_bytes()).expect("the output reads as a JSON Feed");
    assert_eq!(feed.items.len(), 20);
    let bad = newsctl(&["convert", "-"], Some(b"<html><body>login</body></html>"));
    assert_eq!(bad.status, Some(1));
    assert!(
        bad.stderr.contains("error: an HTML page, not a feed"),
        "{}",
        bad.stderr
    );
}
