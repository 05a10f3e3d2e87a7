#![cfg(not(target_arch = "wasm32"))]
//! Reducing content_html and content_text to plain paragraphs.

use news_widget::plain_text::{
    clean_line, decode_entities, excerpt, html_excerpt, html_to_blocks, html_to_line, text_excerpt,
    text_to_paragraphs,
};
use news_widget::view_model::Block;

fn p(text: &str) -> Block {
    Block::Paragraph(text.to_string())
}

fn h(text: &str) -> Block {
    Block::Heading(text.to_string())
}

#[test]
fn block_elements_start_paragraphs_and_headings_are_kept() {
    let cases: &[(&str, Vec<Block>)] = &[
        ("<p>One</p><p>Two</p>", vec![p("One"), p("Two")]),
        (
            "Loose text<div>in div</div>tail",
            vec![p("Loose text"), p("in div"), p("tail")],
        ),
        ("a<br>b<br/>c<BR />d", vec![p("a"), p("b"), p("c"), p("d")]),
        ("<ul><li>x</li><li>y</li></ul>", vec![p("x"), p("y")]),
        (
            "<h2>改革筑基</h2><p>正文</p><H3 class=x>Sub</H3>",
            vec![h("改革筑基"), p("正文"), h("Sub")],
        ),
        (
            "<blockquote>q</blockquote><pre>  a\n  b </pre>",
            vec![p("q"), p("a b")],
        ),
        (
            "<table><tr><td>a</td><td>b</td></tr><tr><th>c</th></tr></table>",
            vec![p("a b"), p("c")],
        ),
        ("<p>a <b>bold</b> <i>word</i>s</p>", vec![p("a bold words")]),
        (
            "<figure><img src=x.png><figcaption>Cap</figcaption></figure>",
            vec![p("Cap")],
        ),
    ];
    for (html, want) in cases {
        assert_eq!(&html_to_blocks(html), want, "{html:?}");
    }
}

#[test]
fn whitespace_collapses_and_empty_paragraphs_are_dropped() {
    assert_eq!(
        html_to_blocks("<p>  a \n\t b&nbsp;&nbsp;c </p><p>&nbsp;</p><p> </p><div></div>\n"),
        vec![p("a b c")]
    );
    assert_eq!(
        html_to_blocks("<p>\u{3000}\u{3000}丽水</p>"),
        vec![p("丽水")]
    );
    assert_eq!(html_to_blocks(""), vec![]);
}

#[test]
fn non_prose_elements_are_dropped_with_their_content() {
    for html in [
        "<p>Hello</p><script>alert('x')</script>",
        "<p>Hello</p><SCRIPT type=text/javascript>if (a < b) { document.write('<p>x</p>') }</SCRIPT >",
        "<p>Hello</p><style>p { color: red }</style>",
        "<p>Hello</p><template><p>x</p><template>y</template>z</template>",
        "<p>Hello</p><noscript><img src=x>Enable JS</noscript>",
        "<p>Hello</p><iframe src=x>fallback</iframe>",
        "<p>Hello</p><object data=x><param name=a>fallback</object>",
        "<p>Hello</p><svg><text>drawn</text><svg>inner</svg></svg>",
        "<p>Hello</p><!-- a comment with <p>markup</p> -->",
        "<p>Hello</p><![CDATA[ x ]]>",
        "<p>Hello</p><?php echo 1 ?>",
        "<p>Hello</p><script>never closed",
    ] {
        assert_eq!(html_to_blocks(html), vec![p("Hello")], "{html:?}");
    }
    assert_eq!(
        html_to_blocks("<script>x</script>Hello<script>y</script> world"),
        vec![p("Hello world")]
    );
}

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
