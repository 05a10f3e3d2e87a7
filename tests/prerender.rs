//! Pre-rendering: the markup `newsctl render` prints, produced by the widget's own
//! components through Yew's server renderer, checked as text a reader would see.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::seed::{seed, Block};
use news_widget::prerender::prerender;

fn render(feed: &[u8], attributes: &[(&str, &str)]) -> String {
    prerender(feed, attributes, "news-widget.css")
        .expect("the feed renders")
        .html
}

fn default_markup() -> String {
    render(&common::default_feed_bytes(), &[("feed", "feed.json")])
}

/// The text nodes of `html`, entities decoded, in document order: what a reader sees.
fn text_nodes(html: &str) -> Vec<String> {
    let mut nodes = Vec::new();
    let mut text = String::new();
    let mut chars = html.chars();
    while let Some(c) = chars.next() {
        if c != '<' {
            text.push(c);
            continue;
        }
        if !text.trim().is_empty() {
            nodes.push(decode(&text));
        }
        text.clear();
        // Skip the tag, minding quoted attribute values.
        let mut quote = None;
        for c in chars.by_ref() {
            match (quote, c) {
                (None, '"' | '\'') => quote = Some(c),
                (Some(q), c) if c == q => quote = None,
                (None, '>') => break,
                _ => {}
            }
        }
    }
    nodes
}

fn decode(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        let end = rest[at..]
            .find(';')
            .map(|e| at + e)
            .expect("entity ends with ;");
        let entity = &rest[at + 1..end];
        let decoded = match entity {
            "amp" => '&',
            "lt" => '<',
            "gt" => '>',
            "quot" => '"',
            "apos" => '\'',
            _ => {
                let number = entity.strip_prefix('#').expect("a known entity");
                let code = match number.strip_prefix(['x', 'X']) {
                    Some(hex) => u32::from_str_radix(hex, 16),
                    None => number.parse(),
                };
                char::from_u32(code.expect("a number")).expect("a char")
            }
        };
        out.push(decoded);
        rest = &rest[end + 1..];
    }
    out.push_str(rest);
    out
}

/// `expected` appears in `nodes` in order (other nodes may come between).
fn assert_in_order(what: &str, nodes: &[String], expected: &[String]) {
    let mut at = 0;
    for text in expected {
        match nodes[at..].iter().position(|n| n == text) {
            Some(found) => at += found + 1,
            None => panic!(
                "{what}: {text:?} is not among the text nodes after #{at}:\n{:#?}",
                &nodes[at..]
            ),
        }
    }
}

#[test]
fn the_default_feed_prerenders_every_text_of_the_seed_in_order() {
    let (seed, markup) = (seed(), default_markup());
    let nodes = text_nodes(&markup);

    // The page prints "时间:… 来源:…"; the widget has the same labels (zh-CN).
    let source_line = format!("来源:{}", seed.source);
    let mut article = vec![seed.headline.clone(), seed.time.clone(), source_line];
    for block in &seed.blocks {
        match block {
            Block::Paragraph(text) | Block::Heading(text) => article.push(text.clone()),
            Block::Figure { caption, credit } => {
                article.push(caption.clone());
                article.push(credit.clone());
            }
        }
    }
    assert_in_order("article", &nodes, &article);

    let mut sidebar = vec![seed.guide_title.clone()];
    for (title, summary) in &seed.guide {
        sidebar.push(title.clone());
        sidebar.push(summary.clone());
    }
    sidebar.push(seed.people_title.clone());
    sidebar.extend(seed.people.iter().cloned());
    assert_in_order("sidebar", &nodes, &sidebar);
}

#[test]
fn the_same_input_gives_the_same_bytes() {
    let first = default_markup();
    for _ in 0..3 {
        assert_eq!(default_markup(), first);
    }
    let attributes = [("feed", "f.json"), ("lang", "en"), ("theme", "dark")];
    let bytes = common::default_feed_bytes();
    assert_eq!(render(&bytes, &attributes), render(&bytes, &attributes));
}

#[test]
fn the_markup_is_a_declarative_shadow_root_with_a_stylesheet_link_and_no_inline_style() {
    let markup = default_markup();
    assert!(markup.starts_with(
        "<news-widget feed=\"feed.json\"><template shadowrootmode=\"open\">\
         <link rel=\"stylesheet\" href=\"news-widget.css\"><div "
    ));
    assert!(markup.ends_with("</div></template></news-widget>"));
    for inline in ["<style", " style=", "<script", " on"] {
        assert!(!markup.contains(inline), "{inline:?} in the markup");
    }
    // Marked static, so the stylesheet hides the controls until the wasm takes over.
    assert!(markup.contains("class=\"nw-root nw-theme-auto nw-static\""));
    // No hydration markers: the wasm replaces this markup, it does not hydrate it.
    assert!(!markup.contains("<!--"));
}

#[test]
fn the_first_slide_of_each_section_shows_and_every_headline_is_in_the_markup() {
    let markup = default_markup();
    let slides: Vec<&str> = markup.split("class=\"nw-slide\"").skip(1).collect();
    // 16 headlines with summaries in slides of 4, 4 headlines in one slide of 5.
    assert_eq!(slides.len(), 5);
    let hidden = |slide: &&str| slide.contains("hidden");
    let opening_tags: Vec<bool> = markup
        .match_indices("<div role=\"group\"")
        .map(|(at, _)| hidden(&&markup[at..at + markup[at..].find('>').unwrap()]))
        .collect();
    assert_eq!(
        opening_tags,
        [false, true, true, true],
        "生活指南: slide 1 of 4 shows"
    );
    assert!(
        markup.contains("<span aria-hidden=\"true\">1 / 4</span>"),
        "the label says slide 1"
    );
}

#[test]
fn attributes_choose_the_language_article_and_headline_count() {
    let bytes = common::default_feed_bytes();
    let english = render(
        &bytes,
        &[("feed", "f.json"), ("lang", "en"), ("max-headlines", "2")],
    );
    assert!(english.contains("lang=\"en\" dir=\"ltr\" part=\"root\""));
    assert!(
        english
            .contains("part=\"meta\" lang=\"en\" dir=\"ltr\" class=\"nw-meta\"><span>Published "),
        "English UI strings, marked as such inside the Chinese article"
    );
    assert!(
        english.contains(">Source: <bdi>中国新闻网</bdi><"),
        "the source isolated from the label around it"
    );
    let nodes = text_nodes(&english);
    assert!(nodes.contains(&"焦点访谈·足迹丨思路更新 市场广阔".to_owned()));
    assert!(
        !nodes.contains(&"蕙质兰心是什么意思啊?气质如兰什么意思?".to_owned()),
        "max-headlines=2 leaves the fourth out"
    );
}

#[test]
fn a_section_shows_at_most_100_headlines_unless_max_headlines_says_otherwise() {
    // Item 0 is the article; the other 150 fill the one default section.
    let items: Vec<String> = (0..=150)
        .map(|i| {
            format!(
                r#"{{"id": "{i}", "title": "headline {i}", "url": "https://news.example/{i}"}}"#
            )
        })
        .collect();
    let feed = format!(
        r#"{{"version": "https://jsonfeed.org/version/1.1", "title": "Many", "items": [{}]}}"#,
        items.join(", ")
    );
    let headlines = |attributes: &[(&str, &str)]| {
        let nodes = text_nodes(&render(feed.as_bytes(), attributes));
        nodes
            .into_iter()
            .filter(|n| n.starts_with("headline "))
            .collect::<Vec<_>>()
    };
    let shown = headlines(&[("feed", "f.json")]);
    assert_eq!(news_widget::config::DEFAULT_MAX_HEADLINES, 100);
    assert_eq!(
        shown.len(),
        101,
        "the article's headline and 100 in the sidebar"
    );
    assert_eq!(shown.last().map(String::as_str), Some("headline 100"));
    assert_eq!(
        headlines(&[("feed", "f.json"), ("max-headlines", "3")]).len(),
        4
    );
    // The cap is the element's, not the reader's: every item is still read (tests/corpus.rs).

    // A long body pre-renders whole, in chunks that are never lazy: the take-over must not
    // swap a laid-out chunk for a placeholder of another height.
    let body: String = (0..100).map(|i| format!("<p>paragraph {i}</p>")).collect();
    let long = serde_json::json!({"version": "https://jsonfeed.org/version/1.1", "title": "L",
        "items": [{"id": "1", "title": "Long", "content_html": body}]});
    let markup = render(long.to_string().as_bytes(), &[("feed", "f.json")]);
    assert_eq!(markup.matches("paragraph ").count(), 100, "every block");
    assert_eq!(
        markup.matches("class=\"nw-chunk\"").count(),
        5,
        "chunks of 24"
    );
    assert!(!markup.contains("nw-lazy"));
}

#[test]
fn an_inline_stylesheet_is_hashed_for_csp_and_cannot_end_its_element() {
    use news_widget::prerender::{prerender_with, style_hash, InlineCss, Stylesheet};
    // Known answers (SHA-256 test vectors, base64): the hash is the one browsers compute.
    assert_eq!(
        style_hash(""),
        "'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='"
    );
    assert_eq!(
        style_hash("abc"),
        "'sha256-ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0='"
    );
    for bad in [
        "a{}</style><script>x()</script>",
        "</STYLE >",
        "p{} </sTyLe",
    ] {
        assert!(InlineCss::new(bad).is_err(), "{bad:?}");
    }
    let css = InlineCss::new(".nw-root { color: red }").expect("plain CSS");
    let html = prerender_with(
        &common::default_feed_bytes(),
        &[("feed", "feed.json")],
        Stylesheet::Inline(css),
    )
    .expect("renders")
    .html;
    assert!(html.starts_with(
        "<news-widget feed=\"feed.json\"><template shadowrootmode=\"open\">\
         <style>.nw-root { color: red }</style><div lang=\"zh-CN\" dir=\"ltr\" part=\"root\" class=\"nw-root"
    ));
    assert!(!html.contains("<link"));
}

#[test]
fn feed_content_and_attributes_are_escaped() {
    let hostile = br#"{"version": "https://jsonfeed.org/version/1.1",
      "title": "<b>feed</b>",
      "items": [
        {"id": "1", "title": "\"> &lt;script&gt;alert(1)&lt;/script&gt;", "url": "https://e.example/?a=1&b=\"2\"",
         "content_text": "<img src=x onerror=alert(1)> & more"},
        {"id": "2", "title": "two", "url": "javascript:alert(2)", "content_text": "b"}
      ]}"#;
    let markup = render(
        hostile,
        &[
            ("feed", "a\"b.json"),
            ("data-x", "<'&>"),
            ("bad name\"=", "v"),
        ],
    );
    assert!(!markup.contains("<script"), "{markup}");
    assert!(!markup.contains("<img src=x"), "{markup}");
    assert!(
        !markup.contains("javascript:"),
        "unsafe URLs are dropped: {markup}"
    );
    assert!(markup.starts_with(
        "<news-widget feed=\"a&quot;b.json\" data-x=\"&lt;&#39;&amp;&gt;\" badname=\"v\">"
    ));
    let nodes = text_nodes(&markup);
    // Titles are HTML in JSON Feed: the entities become text, shown as written.
    assert!(
        nodes.contains(&"\"> <script>alert(1)</script>".to_owned()),
        "{nodes:?}"
    );
    assert!(nodes.contains(&"<img src=x onerror=alert(1)> & more".to_owned()));
    assert!(
        markup.contains("href=\"https://e.example/?a=1&amp;b=%222%22\"")
            || markup.contains("href=\"https://e.example/?a=1&amp;b=&quot;2&quot;\""),
        "{markup}"
    );
}

#[test]
fn an_empty_feed_prerenders_the_empty_state_and_a_broken_one_is_an_error() {
    let empty = render(
        br#"{"version": "1.1", "title": "t", "items": []}"#,
        &[("feed", "f")],
    );
    assert!(empty.contains("part=\"empty\""), "{empty}");
    let error = prerender(b"{\"items\": 3}", &[], "x.css").unwrap_err();
    assert_eq!(
        error.to_string(),
        "$.items is a number; expected an array of items"
    );
}

/// The widget's words for each UI language in the pre-rendered default feed: labels,
/// accessible names, roledescriptions, the date, the root's `lang` and `dir`.
#[test]
fn every_ui_language_prerenders_its_own_words() {
    let bytes = common::default_feed_bytes();
    #[rustfmt::skip]
    let table: &[(&str, &str, &[&str])] = &[
        ("zh-CN", "lang=\"zh-CN\" dir=\"ltr\" part=\"root\"", &[">暂停轮播<", "aria-label=\"更多新闻\"", "aria-roledescription=\"轮播\"", ">时间:<time", ">2025-03-19 13:20:05<", ">来源:中国新闻网<"]),
        ("zh-HK", "lang=\"zh-Hant\" dir=\"ltr\" part=\"root\"", &[">暫停輪播<", "aria-label=\"更多新聞\"", "aria-roledescription=\"投影片\"", ">時間:<time", ">2025年3月19日 13:20<", "來源:<bdi>中国新闻网</bdi>", "aria-label=\"上一組\""]),
        ("zh-Hant-TW", "lang=\"zh-Hant\" dir=\"ltr\" part=\"root\"", &[">暫停輪播<"]),
        ("en-GB", "lang=\"en\" dir=\"ltr\" part=\"root\"", &[">Stop rotating headlines<", "aria-label=\"More news\"", "aria-roledescription=\"carousel\""]),
        ("ja-JP", "lang=\"ja\" dir=\"ltr\" part=\"root\"", &[">見出しの自動切り替えを停止<", "aria-label=\"その他のニュース\"", ">配信日時：<time", ">2025年3月19日 13:20<", "aria-label=\"前の見出し\""]),
        ("ko", "lang=\"ko\" dir=\"ltr\" part=\"root\"", &[">헤드라인 자동 넘김 중지<", "aria-label=\"뉴스 더 보기\"", ">2025.03.19 13:20<", "aria-roledescription=\"슬라이드\""]),
        ("ar", "lang=\"ar\" dir=\"rtl\" part=\"root\"", &[">إيقاف تدوير العناوين<", "aria-label=\"مزيد من الأخبار\"", ">19 مارس 2025، 13:20<", "aria-label=\"العناوين التالية\"", "part=\"meta\" lang=\"ar\" dir=\"rtl\""]),
    ];
    for (tag, root, words) in table {
        let html = render(&bytes, &[("feed", "feed.json"), ("lang", tag)]);
        assert!(html.contains(root), "{tag}: {root}");
        for word in *words {
            assert!(html.contains(word), "{tag}: {word} not in the markup");
        }
        // The Chinese article keeps its own language and direction in every widget.
        assert!(
            html.contains("part=\"article\" lang=\"zh-CN\" dir=\"ltr\""),
            "{tag}"
        );
        // "n / m" is the same in every language.
        assert!(html.contains("aria-label=\"1 / 4\""), "{tag}");
    }
}

/// An Arabic feed reads right to left in any widget, with the widget's own words in the
/// widget's direction; its headlines take their direction from their own text.
#[test]
fn an_arabic_feed_is_right_to_left_and_the_english_labels_are_not() {
    let feed = r#"{"version": "https://jsonfeed.org/version/1.1", "title": "أخبار", "language": "ar",
        "items": [
          {"id": "1", "title": "عنوان الخبر", "content_text": "نص الخبر.", "date_published": "2025-03-19T13:20:05+03:00",
           "_news_widget": {"source": "وكالة الأنباء"}},
          {"id": "2", "title": "خبر ثان", "url": "https://example.com/2"}
        ]}"#;
    let arabic = render(feed.as_bytes(), &[("feed", "f.json")]);
    assert!(
        arabic.contains("lang=\"ar\" dir=\"rtl\" part=\"root\""),
        "the feed's language: {arabic}"
    );
    assert!(arabic.contains("part=\"article\" lang=\"ar\" dir=\"rtl\""));
    let english = render(feed.as_bytes(), &[("feed", "f.json"), ("lang", "en")]);
    assert!(english.contains("lang=\"en\" dir=\"ltr\" part=\"root\""));
    assert!(
        english.contains("part=\"article\" lang=\"ar\" dir=\"rtl\""),
        "{english}"
    );
    assert!(english.contains("part=\"meta\" lang=\"en\" dir=\"ltr\""));
    assert!(english.contains("dir=\"auto\""), "headline titles isolated");
    // No language in the feed: the script says Arabic.
    let unlabelled = feed.replace(r#""language": "ar","#, "");
    let guessed = render(unlabelled.as_bytes(), &[("feed", "f.json")]);
    assert!(
        guessed.contains("lang=\"ar\" dir=\"rtl\" part=\"root\""),
        "{guessed}"
    );
}
