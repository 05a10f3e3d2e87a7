#![cfg(not(target_arch = "wasm32"))]
//! The URL allow-list and relative resolution.

use news_widget::url_policy::safe_url;

const BASE: &str = "https://example.org/blog/feed.json";

#[test]
fn absolute_http_and_https_are_kept() {
    for (raw, want) in [
        ("https://example.org/a?b=1#c", "https://example.org/a?b=1#c"),
        ("http://example.org", "http://example.org"),
        ("HTTPS://Example.org/x", "https://Example.org/x"),
        ("  https://example.org/x \n", "https://example.org/x"),
        (
            "https://user@example.org:8080/x",
            "https://user@example.org:8080/x",
        ),
        ("https://[::1]/x", "https://[::1]/x"),
        ("https://例え.jp/パス", "https://例え.jp/パス"),
    ] {
        assert_eq!(safe_url(raw, None).as_deref(), Some(want), "{raw:?}");
        assert_eq!(
            safe_url(raw, Some(BASE)).as_deref(),
            Some(want),
            "{raw:?} with base"
        );
    }
}

#[test]
fn relative_references_resolve_against_an_http_base() {
    for (raw, want) in [
        ("//cdn.example.net/i.png", "https://cdn.example.net/i.png"),
        ("/2016/12/a.jpg", "https://example.org/2016/12/a.jpg"),
        ("img/a.svg", "https://example.org/blog/img/a.svg"),
        ("./img/a.svg", "https://example.org/blog/img/a.svg"),
        ("../a", "https://example.org/a"),
        ("../../../../a", "https://example.org/a"),
        ("a/./b/../c", "https://example.org/blog/a/c"),
        ("a/..", "https://example.org/blog/"),
        ("?page=2", "https://example.org/blog/feed.json?page=2"),
        ("#top", "https://example.org/blog/feed.json#top"),
        ("x/y:z", "https://example.org/blog/x/y:z"),
    ] {
        assert_eq!(safe_url(raw, Some(BASE)).as_deref(), Some(want), "{raw:?}");
    }
    assert_eq!(
        safe_url("x", Some("http://example.org")).as_deref(),
        Some("http://example.org/x"),
        "a base with an empty path acts as /"
    );
    assert_eq!(
        safe_url("//h.example/x", Some("http://example.org/")).as_deref(),
        Some("http://h.example/x"),
        "protocol-relative takes the base's scheme"
    );
}

#[test]
fn without_a_usable_base_relative_references_stay_relative() {
    for base in [
        None,
        Some("//cdn.example/f.json"),
        Some("javascript:alert(1)"),
        Some(""),
    ] {
        for raw in [
            "img/a.svg",
            "/2020/08/07/post.html",
            "//cdn.example.net/i.png",
            "../a",
        ] {
            assert_eq!(
                safe_url(raw, base).as_deref(),
                Some(raw),
                "{raw:?} with {base:?}"
            );
        }
    }
}

#[test]
fn other_schemes_are_rejected_however_written() {
    for raw in [
        "javascript:alert(1)",
        "JaVaScRiPt:alert(1)",
        " \u{1}\t javascript:alert(1)",
        "\u{0}javascript:alert(1)",
        "vbscript:msgbox",
        "data:text/html,<script>alert(1)</script>",
        "data:image/svg+xml;base64,AAAA",
        "file:///etc/passwd",
        "mailto:someone@example.org",
        "ftp://example.org/x",
        "blob:https://example.org/uuid",
        "http:example.org",
        "https:/example.org",
        "https://",
        "https:///x",
        "C:\\Windows",
    ] {
        assert_eq!(safe_url(raw, None), None, "{raw:?}");
        assert_eq!(safe_url(raw, Some(BASE)), None, "{raw:?} with base");
    }
}

#[test]
fn control_characters_whitespace_and_backslashes_inside_are_rejected() {
    for raw in [
        "java\tscript:alert(1)",
        "java\nscript:alert(1)",
        "https://example.org/a b",
        "https://example.org/a\u{0}b",
        "https://example.org/\u{7f}",
        "https://example.org/\u{85}",
        "https://example.org/\u{a0}",
        "/a\u{3000}b",
        "https:\\\\evil.example",
        "\\\\evil.example/x",
        "/\\evil.example",
        "https://example.org/\u{202e}gpj.exe",
        "https://exa\u{200b}mple.org/",
        "",
        "   ",
    ] {
        assert_eq!(safe_url(raw, Some(BASE)), None, "{raw:?}");
    }
}

#[test]
fn a_relative_base_places_relative_paths_beside_the_feed() {
    for (raw, base, want) in [
        ("img/a.svg", "/news/feed.json", "/news/img/a.svg"),
        ("img/a.svg", "feeds/feed.json?v=2#x", "feeds/img/a.svg"),
        ("img/a.svg", "feed.json", "img/a.svg"),
        ("../a.png", "/news/feed.json", "/news/../a.png"),
        ("/root.png", "/news/feed.json", "/root.png"),
        (
            "//cdn.example/x.png",
            "/news/feed.json",
            "//cdn.example/x.png",
        ),
        ("?page=2", "/news/feed.json?v=1", "/news/feed.json?page=2"),
        (
            "https://example.org/x",
            "/news/feed.json",
            "https://example.org/x",
        ),
    ] {
        assert_eq!(
            safe_url(raw, Some(base)).as_deref(),
            Some(want),
            "{raw:?} + {base:?}"
        );
    }
    assert_eq!(
        safe_url("javascript:alert(1)", Some("/news/feed.json")),
        None
    );
}
