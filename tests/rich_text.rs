#![cfg(not(target_arch = "wasm32"))]
//! content_html to the block and inline model: what each kind of markup becomes.
//!
//! Models are compared as compact markup (tests/common/model_markup.rs), one string per
//! case. Hostile input has its own suite: tests/rich_text_payloads.rs.

mod common;

use common::model_markup::blocks_markup;
use news_widget::rich_text::{html_to_blocks, html_to_text};

const BASE: &str = "https://news.example/2024/story.html";

fn model(html: &str) -> String {
    blocks_markup(&html_to_blocks(html, Some(BASE)))
}

fn check(cases: &[(&str, &str)]) {
    for (html, want) in cases {
        assert_eq!(model(html), *want, "{html:?}");
    }
}

#[test]
fn paragraphs_and_block_boundaries() {
    check(&[
        ("<p>One</p><p>Two</p>", "<p>One</p><p>Two</p>"),
        (
            "Loose text<div>in div</div>tail",
            "<p>Loose text</p><p>in div</p><p>tail</p>",
        ),
        ("<p>a<p>b</p>c", "<p>a</p><p>b</p><p>c</p>"),
        (
            "<section><article><p>deep</p></article></section>",
            "<p>deep</p>",
        ),
        ("</p>a</p>b", "<p>a</p><p>b</p>"),
        ("", ""),
        ("<p> </p><p>&nbsp;</p><div></div>\n", ""),
    ]);
}

#[test]
fn whitespace_collapses_as_in_a_browser() {
    check(&[
        ("<p>  a \n\t b  </p>", "<p>a b</p>"),
        ("<p>a <b> b</b></p>", "<p>a <strong>b</strong></p>"),
        ("<p><b>a </b> b</p>", "<p><strong>a </strong>b</p>"),
        // No-break spaces are the author's: kept inside, dropped as leading indentation.
        ("<p>x&nbsp;&nbsp;y</p>", "<p>x\u{a0}\u{a0}y</p>"),
        ("<p>\u{3000}\u{3000}丽水</p>", "<p>丽水</p>"),
        ("a<br>b <br> c<br>", "<p>a<br>b<br>c</p>"),
        ("<p><br>a</p>", "<p><br>a</p>"),
        (
            "<pre>\n  code\n    more</pre>",
            "<pre>  code\n    more</pre>",
        ),
        ("<pre>\n\nkept</pre>", "<pre>\nkept</pre>"),
        // A listing inside a caption, heading or cell is running text there.
        (
            "<figure><img src=a.png><figcaption><pre>  a\n  b&nbsp;&nbsp;c</pre></figcaption></figure>",
            "<figure><img src=\"https://news.example/2024/a.png\"><figcaption> a b\u{a0}\u{a0}c</figcaption></figure>",
        ),
    ]);
}

#[test]
fn inline_styles_and_their_nesting() {
    check(&[
        (
            "<p>a <b>bold</b> <i>word</i>s</p>",
            "<p>a <strong>bold</strong> <em>word</em>s</p>",
        ),
        (
            "<p><strong>s</strong><em>e</em><code>c</code><kbd>k</kbd><sub>1</sub><sup>2</sup></p>",
            "<p><strong>s</strong><em>e</em><code>c</code><kbd>k</kbd><sub>1</sub><sup>2</sup></p>",
        ),
        (
            "<p><u>u</u><ins>i</ins><s>s</s><del>d</del><small>m</small><mark>h</mark><q>q</q></p>",
            // Adjacent runs of one style are one node.
            "<p><u>ui</u><s>sd</s><small>m</small><mark>h</mark><q>q</q></p>",
        ),
        (
            "<p><cite>c</cite> <var>v</var> <tt>t</tt> <samp>s</samp></p>",
            "<p><em>c</em> <em>v</em> <code>t</code> <code>s</code></p>",
        ),
        // Misnested: as a browser's tree.
        (
            "<p>Hello <b>bold <i>both</b> italic</i> plain</p>",
            "<p>Hello <strong>bold <em>both</em></strong><em> italic</em> plain</p>",
        ),
        // Unwrapped elements keep their text.
        (
            "<p><span class=x>s</span><font color=red>f</font><abbr title=t>a</abbr><x-custom>c</x-custom></p>",
            "<p>sfac</p>",
        ),
        // Empty styles leave nothing; styles end with their block.
        ("<p><b></b>x<i> </i></p>", "<p>x</p>"),
        (
            "<p><b>a</p><p>b</p>",
            "<p><strong>a</strong></p><p>b</p>",
        ),
    ]);
}

#[test]
fn links_resolve_against_the_base() {
    check(&[
        (
            r##"<p><a href="/x">root</a> <a href="y">rel</a> <a href="#f">frag</a> <a href="//cdn.example/z">proto</a></p>"##,
            r##"<p><a href="https://news.example/x">root</a> <a href="https://news.example/2024/y">rel</a> <a href="https://news.example/2024/story.html#f">frag</a> <a href="https://cdn.example/z">proto</a></p>"##,
        ),
        (
            r#"<p><a href="HTTPS://a.example/p?q=1&amp;r=2">abs</a> <a href="mailto:desk@news.example">mail</a></p>"#,
            r#"<p><a href="https://a.example/p?q=1&amp;r=2">abs</a> <a href="mailto:desk@news.example">mail</a></p>"#,
        ),
        // No href, or a refused one: the text stays, unlinked.
        (
            "<p><a>anchor</a> <a name=x>named</a> <a href=\"tel:+1\">tel</a></p>",
            "<p>anchor named tel</p>",
        ),
        // A link inside a link ends the outer one.
        (
            r#"<p><a href="/a">one <a href="/b">two</a> three</a></p>"#,
            r#"<p><a href="https://news.example/a">one </a><a href="https://news.example/b">two</a> three</p>"#,
        ),
        // Links may hold blocks (HTML5).
        (
            r#"<a href="https://a.example/"><p>block in link</p></a>"#,
            r#"<p><a href="https://a.example/">block in link</a></p>"#,
        ),
        (
            r#"<p><a href="/x"><b>bold</b> link</a></p>"#,
            r#"<p><a href="https://news.example/x"><strong>bold</strong> link</a></p>"#,
        ),
    ]);
}

#[test]
fn relative_urls_need_a_base() {
    let blocks = html_to_blocks(
        r#"<p><a href="/x">a</a> <img src="i.png" alt="i"></p>"#,
        None,
    );
    assert_eq!(blocks_markup(&blocks), "<p>a i</p>");
    let blocks = html_to_blocks(r#"<p><a href="https://a.example/">a</a></p>"#, None);
    assert_eq!(
        blocks_markup(&blocks),
        r#"<p><a href="https://a.example/">a</a></p>"#
    );
}

#[test]
fn headings_map_onto_the_article_levels() {
    check(&[
        (
            "<h1>T</h1><h2>S</h2><h4>x</h4>",
            "<h2>T</h2><h3>S</h3><h5>x</h5>",
        ),
        ("<h3>c</h3><h4>d</h4>", "<h2>c</h2><h3>d</h3>"),
        ("<h1>a</h1><h6>deep</h6>", "<h2>a</h2><h6>deep</h6>"),
        ("<h2>a<h3>b</h3>", "<h2>a</h2><h3>b</h3>"),
        ("<h2>a <p>b</p></h2>", "<h2>a<br>b</h2>"),
        ("<h2> </h2><p>x</p>", "<p>x</p>"),
    ]);
}

#[test]
fn lists_nest() {
    check(&[
        (
            "<ul><li>one<li>two<ul><li>nested</ul><li>three</ul>",
            "<ul><li><p>one</p></li><li><p>two</p><ul><li><p>nested</p></li></ul></li><li><p>three</p></li></ul>",
        ),
        (
            "<ol start=3><li><p>p1</p><p>p2</p></li></ol>",
            "<ol start=3><li><p>p1</p><p>p2</p></li></ol>",
        ),
        ("<ol start=1><li>a</ol>", "<ol><li><p>a</p></li></ol>"),
        ("<ol start=x><li>a</ol>", "<ol><li><p>a</p></li></ol>"),
        ("<ol start=-2><li>a</ol>", "<ol start=-2><li><p>a</p></li></ol>"),
        // A nested list written without its li joins the item before it.
        (
            "<ul><li>a</li><ul><li>b</li></ul></ul>",
            "<ul><li><p>a</p><ul><li><p>b</p></li></ul></li></ul>",
        ),
        (
            "<ul>loose<li>a</li></ul>",
            "<ul><li><p>loose</p></li><li><p>a</p></li></ul>",
        ),
        ("<li>stray item</li>", "<p>stray item</p>"),
        ("<ul> </ul><ol></ol>", ""),
        (
            "<menu><li>m</li></menu><dl><dt>term<dd>definition</dl>",
            "<ul><li><p>m</p></li></ul><p>term</p><p>definition</p>",
        ),
    ]);
}

#[test]
fn quotes_code_and_rules() {
    check(&[
        (
            "<blockquote><p>q</p>text</blockquote><hr><p>x</p>",
            "<blockquote><p>q</p><p>text</p></blockquote><hr><p>x</p>",
        ),
        (
            "<blockquote><blockquote>deep</blockquote></blockquote>",
            "<blockquote><blockquote><p>deep</p></blockquote></blockquote>",
        ),
        (
            "<pre><code class=\"language-rust\">fn main() {\n    <span style=c>x</span> &lt; y\n}</code></pre>",
            "<pre><code>fn main() {\n    x &lt; y\n}</code></pre>",
        ),
        ("<xmp><b>raw</b></xmp>", "<pre>&lt;b&gt;raw&lt;/b&gt;</pre>"),
        ("<listing>\nl</listing>", "<pre>l</pre>"),
        ("<plaintext><b>raw to the end", "<pre>&lt;b&gt;raw to the end</pre>"),
        ("<p>a<hr>b", "<p>a</p><hr><p>b</p>"),
    ]);
}

#[test]
fn images_and_figures() {
    check(&[
        // Hypercritical's header image: alone in its div, so a figure.
        (
            r#"<div class="image header"><img src="/2016/i.jpg" width="640" height="360" alt="The Last"/></div>"#,
            r#"<figure><img src="https://news.example/2016/i.jpg" alt="The Last" width=640 height=360></figure>"#,
        ),
        (
            r#"<figure><a href="big.jpg"><img src="s.jpg" srcset="a.jpg 1x, javascript:x 2x, b.jpg 3x"></a><figcaption>Cap <em>tion</em></figcaption></figure>"#,
            r#"<figure><a href="https://news.example/2024/big.jpg"><img src="https://news.example/2024/s.jpg" srcset="https://news.example/2024/a.jpg 1x, https://news.example/2024/b.jpg 3x"></a><figcaption>Cap <em>tion</em></figcaption></figure>"#,
        ),
        // An image in running text stays inline.
        (
            r#"<p>icon <img src="i.png" width="16" height="16"> text</p>"#,
            r#"<p>icon <img src="https://news.example/2024/i.png" width=16 height=16> text</p>"#,
        ),
        // Sizes only when both are plain pixel numbers.
        (
            r#"<p><img src="a.png" width="100%" height="20"><img src="b.png" width="30px" height=" 40 "></p>"#,
            r#"<figure><img src="https://news.example/2024/a.png"></figure><figure><img src="https://news.example/2024/b.png" width=30 height=40></figure>"#,
        ),
        // A refused image outside a figure is its alt text; inside one it keeps the box and
        // the caption.
        (
            r#"<p>see <img src="data:image/png;base64,AAAA" alt="chart"></p>"#,
            "<p>see chart</p>",
        ),
        (
            r#"<figure><img src="javascript:x" alt="a"><figcaption>kept</figcaption></figure>"#,
            r#"<figure><img alt="a"><figcaption>kept</figcaption></figure>"#,
        ),
        (
            "<figure><blockquote>quoted</blockquote><figcaption>who</figcaption></figure>",
            "<blockquote><p>quoted</p></blockquote><p>who</p>",
        ),
        (
            "<figcaption>stray caption</figcaption>",
            "<p>stray caption</p>",
        ),
        (
            r#"<picture><source srcset="x.webp"><img src="x.jpg" alt="p"></picture>"#,
            r#"<figure><img src="https://news.example/2024/x.jpg" alt="p"></figure>"#,
        ),
    ]);
}

#[test]
fn simple_tables() {
    check(&[
        (
            "<table><caption>C</caption><thead><tr><th>a<th>b</thead><tbody><tr><td colspan=2>c</td></tr></table>",
            "<table><caption>C</caption><thead><tr><th>a</th><th>b</th></tr></thead><tbody><tr><td colspan=2>c</td></tr></tbody></table>",
        ),
        (
            "<table><tr><td>1<td>2<tr><td>3</table>",
            "<table><tbody><tr><td>1</td><td>2</td></tr><tr><td>3</td></tr></tbody></table>",
        ),
        (
            "<table><td>no row</td></table>",
            "<table><tbody><tr><td>no row</td></tr></tbody></table>",
        ),
        // Text misplaced in a table is shown before it, as in a browser.
        (
            "<table>before<tr><td>x</td></tr></table>after",
            "<p>before</p><table><tbody><tr><td>x</td></tr></tbody></table><p>after</p>",
        ),
        (
            "<table><tr><td><p>a</p><p>b</p></td><td rowspan=9999 colspan=0>c</td></tr></table>",
            "<table><tbody><tr><td>a<br>b</td><td rowspan=64>c</td></tr></tbody></table>",
        ),
        ("<table><tr></tr></table>", ""),
        ("<td>cell outside a table</td>", "<p>cell outside a table</p>"),
    ]);
}

#[test]
fn dropped_elements_take_their_content() {
    for html in [
        "<p>Hello</p><script>alert('x')</script>",
        "<p>Hello</p><SCRIPT type=text/javascript>if (a < b) { document.write('<p>x</p>') }</SCRIPT >",
        "<p>Hello</p><style>p { color: red }</style>",
        "<p>Hello</p><template><p>x</p><template>y</template>z</template>",
        "<p>Hello</p><noscript><b>Enable JS</b></noscript>",
        "<p>Hello</p><iframe src=x>fallback</iframe>",
        "<p>Hello</p><object data=x><param name=a>fallback</object>",
        "<p>Hello</p><svg><text>drawn</text><svg>inner</svg></svg>",
        "<p>Hello</p><math><mi>x</mi></math>",
        "<p>Hello</p><form><p>in form</p><input value=x></form>",
        "<p>Hello</p><select><option>a</select><textarea>t</textarea><button>b</button>",
        "<p>Hello</p><video src=x>fallback</video><audio>a</audio><canvas>c</canvas>",
        "<p>Hello</p><!-- a comment with <p>markup</p> -->",
        "<p>Hello</p><![CDATA[ x ]]>",
        "<p>Hello</p><?php echo 1 ?>",
        "<p>Hello</p><!DOCTYPE html><meta charset=utf-8><link rel=x>",
        "<p>Hello</p><script>never closed",
        "<title>t</title><p>Hello</p>",
    ] {
        assert_eq!(model(html), "<p>Hello</p>", "{html:?}");
    }
    assert_eq!(
        model("<script>x</script>Hello<script>y</script> world"),
        "<p>Hello world</p>"
    );
    assert_eq!(model("<svg/>kept<math/>"), "<p>kept</p>");
}

#[test]
fn hostile_nesting_is_flattened_not_fatal() {
    let deep = "<blockquote>".repeat(10_000) + "bottom" + &"</blockquote>".repeat(10_000);
    let markup = model(&deep);
    assert!(markup.contains("bottom"));
    assert!(markup.matches("<blockquote>").count() <= 24);
    let styles = "<b><i>".repeat(5_000) + "x";
    assert!(model(&styles).contains('x'));
    let lists = "<ul><li>".repeat(5_000) + "item";
    assert!(model(&lists).contains("item"));
}

#[test]
fn text_of_html_on_one_line() {
    assert_eq!(
        html_to_text(
            "<h2>A</h2><p>b <b>c</b></p><ul><li>d</ul><script>e</script>",
            1000
        ),
        "A b c d"
    );
    // Reading stops once the budget is spent (after the text token that spent it).
    assert_eq!(html_to_text("<p>one two</p><p>three</p>", 3), "one two");
}
