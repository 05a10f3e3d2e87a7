#![cfg(not(target_arch = "wasm32"))]
//! Plain text: titles and summaries on one line, content_text as paragraphs, excerpts,
//! entities. (content_html to blocks: tests/rich_text.rs.)

use news_widget::plain_text::{
    clean_line, decode_entities, excerpt, html_excerpt, html_to_line, text_excerpt,
    text_to_paragraphs,
};

#[test]
fn tags_are_read_like_a_browser_reads_them() {
    for (html, want) in [
        ("<a title='x > y' href=\"a>b\">link</a>", "link"),
        ("<a href=x\"y>link</a>", "link"),
        ("1 < 2 and 3 <= 4", "1 < 2 and 3 <= 4"),
        ("a <3 b", "a <3 b"),
        ("x</ >y", "xy"),
        ("x<!-->y", "xy"),
        ("x<!--->y", "xy"),
        ("tail <b", "tail"),
        ("tail <a href='never closed>", "tail"),
        ("tail </", "tail </"),
        ("<custom-element>text</custom-element>", "text"),
    ] {
        assert_eq!(html_to_line(html), want, "{html:?}");
    }
}

#[test]
fn entities_are_decoded() {
    for (raw, want) in [
        ("&amp; &lt; &gt; &quot; &apos;", "& < > \" '"),
        ("&#8216;Jokes&#8217;", "‘Jokes’"),
        ("&rsquo;&ldquo;&rdquo;&hellip;&mdash;&ndash;", "’“”…—–"),
        ("&#x1F600; &#X41;", "😀 A"),
        ("&#150; &#146;", "– ’"),
        ("&#0; &#xD800; &#99999999999;", "\u{FFFD} \u{FFFD} \u{FFFD}"),
        ("AT&T &unknown; & &#; &#x;", "AT&T &unknown; & &#; &#x;"),
        ("&amp &lt3", "& <3"),
        ("&eacute;t&eacute; &Uuml;ber &szlig;", "été Über ß"),
        ("&#65&#66", "AB"),
        (
            "&AElig;&Yuml;&yuml;&zwnj;&OElig;&Prime;&prime;",
            "ÆŸÿ\u{200C}Œ″′",
        ),
        ("&AMP;&QUOT;&Amp;", "&\"&Amp;"),
    ] {
        assert_eq!(decode_entities(raw), want, "{raw:?}");
    }
    assert_eq!(
        html_to_line("Don&#8217;t &amp;amp; <b>panic</b>"),
        "Don’t &amp; panic"
    );
}

#[test]
fn content_text_splits_on_blank_lines() {
    assert_eq!(
        text_to_paragraphs("Cats are neat. \n\nhttps://example.org/cats"),
        vec!["Cats are neat.", "https://example.org/cats"]
    );
    assert_eq!(
        text_to_paragraphs("one\nline\r\n\r\n  \n two &amp; <b>three</b>\n"),
        vec!["one line", "two & <b>three</b>"]
    );
    assert_eq!(text_to_paragraphs("\n\n \n"), Vec::<String>::new());
}

#[test]
fn excerpts_cut_on_char_boundaries() {
    assert_eq!(excerpt("short", 80), "short");
    assert_eq!(excerpt("one two three", 9), "one two…");
    assert_eq!(excerpt("浙江丽水探路山区发展", 4), "浙江丽水…");
    assert_eq!(
        html_excerpt("<p>one two</p><p>three four</p>", 12),
        "one two…"
    );
    assert_eq!(html_excerpt("<style>x</style><p>ok</p>", 80), "ok");
    assert_eq!(text_excerpt("one\ntwo\n\nthree", 80), "one two three");
    assert_eq!(text_excerpt(&"长".repeat(200_000), 3), "长长长…");
    let long = format!("<p>{}</p>", "长".repeat(200_000));
    assert_eq!(html_excerpt(&long, 80).chars().count(), 81);
}

#[test]
fn clean_line_collapses_without_decoding() {
    assert_eq!(
        clean_line("  a \u{0} b\n&amp; <i>c</i> "),
        "a b &amp; <i>c</i>"
    );
}
