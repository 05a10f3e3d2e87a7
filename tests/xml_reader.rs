#![cfg(not(target_arch = "wasm32"))]
//! The RSS and Atom reader on small documents: what each format carries, the sloppy forms
//! real feeds take (each decided and tested here), damaged items as notes with their path,
//! and hostile documents.

use news_widget::feed::{parse_feed, read_page, Feed, FeedError, ReadOptions, Version};
use news_widget::rich_text::blocks_text;
use news_widget::view_model::Page;

fn feed(xml: &str) -> Feed {
    parse_feed(xml.as_bytes()).unwrap_or_else(|e| panic!("{e}\n{xml}"))
}

fn page(xml: &str) -> Page {
    read_page(xml.as_bytes(), &ReadOptions::default()).unwrap_or_else(|e| panic!("{e}"))
}

fn error(xml: &str) -> String {
    match parse_feed(xml.as_bytes()) {
        Ok(feed) => panic!("read as a feed with {} items", feed.items.len()),
        Err(error) => error.to_string(),
    }
}

fn rss(items: &str) -> String {
    format!(
        "<?xml version=\"1.0\"?><rss version=\"2.0\" \
         xmlns:content=\"http://purl.org/rss/1.0/modules/content/\" \
         xmlns:dc=\"http://purl.org/dc/elements/1.1/\" \
         xmlns:media=\"http://search.yahoo.com/mrss/\">\
         <channel><title>News</title><link>https://news.example/</link>{items}</channel></rss>"
    )
}

fn atom(entries: &str) -> String {
    format!(
        "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>Blog</title>\
         <link href=\"https://blog.example/\"/>{entries}</feed>"
    )
}

#[test]
fn rss_item_fields_map_to_the_item() {
    let f = feed(&rss("<item><title>One &amp; two</title>\
         <link> https://news.example/1 </link><guid isPermaLink=\"false\">a-1</guid>\
         <pubDate>Sun, 19 Apr 2026 06:22:34 +0800</pubDate><author>ed@news.example (Ed Li)</author>\
         <dc:creator>Ann</dc:creator><category>World</category><category> Asia </category>\
         <description>&lt;p&gt;Short&lt;/p&gt;</description>\
         <content:encoded><![CDATA[<p>Long <b>body</b></p>]]></content:encoded>\
         <enclosure url=\"https://news.example/a.mp3\" type=\"audio/mpeg\" length=\"1\"/>\
         <media:content url=\"https://news.example/s.jpg\" medium=\"image\" width=\"140\"/>\
         <media:content url=\"https://news.example/l.jpg\" medium=\"image\" width=\"1400\"/>\
         </item>"));
    assert_eq!(f.version, Version::Rss("2.0".into()));
    let item = &f.items[0];
    assert_eq!(item.id, "a-1");
    assert_eq!(item.url.as_deref(), Some("https://news.example/1"));
    assert_eq!(item.title.as_deref(), Some("One & two"));
    assert_eq!(
        item.content_html.as_deref(),
        Some("<p>Long <b>body</b></p>")
    );
    assert_eq!(item.summary.as_deref(), Some("<p>Short</p>"));
    assert_eq!(
        item.date_published.unwrap().wall_clock(),
        "2026-04-19 06:22:34"
    );
    assert_eq!(item.date_published.unwrap().offset_minutes, Some(480));
    let names: Vec<_> = item
        .authors
        .iter()
        .filter_map(|a| a.name.as_deref())
        .collect();
    assert_eq!(names, ["Ed Li", "Ann"]);
    assert_eq!(item.tags, ["World", "Asia"]);
    assert_eq!(item.image.as_deref(), Some("https://news.example/l.jpg"));
    assert_eq!(item.attachments[0].url, "https://news.example/a.mp3");
}

#[test]
fn channel_fields_map_to_the_feed() {
    let f = feed("<rss version=\"0.91\"><channel><title>T</title><link>https://a.example/</link>\
         <description>About</description><language>zh-cn</language>\
         <image><url>https://a.example/logo.gif</url></image>\
         <atom:link xmlns:atom=\"http://www.w3.org/2005/Atom\" rel=\"self\" href=\"https://a.example/rss.xml\"/>\
         </channel></rss>");
    assert_eq!(f.version, Version::Rss("0.91".into()));
    assert_eq!(f.title, "T");
    assert_eq!(f.home_page_url.as_deref(), Some("https://a.example/"));
    assert_eq!(f.feed_url.as_deref(), Some("https://a.example/rss.xml"));
    assert_eq!(f.description.as_deref(), Some("About"));
    assert_eq!(f.language.as_deref(), Some("zh-cn"));
    assert_eq!(f.icon.as_deref(), Some("https://a.example/logo.gif"));
    // A channel without items is the empty state, not an error.
    let p = page(&rss(""));
    assert!(p.article.is_none() && p.sections.is_empty());
}

#[test]
fn ids_fall_back_to_the_link_then_to_the_text() {
    let f = feed(&rss(
        "<item><title>A</title><link>https://n.example/a</link><guid> </guid></item>\
         <item><title>B</title><guid>https://n.example/b</guid></item>\
         <item><title>C</title><description>only text</description></item>",
    ));
    assert_eq!(f.items[0].id, "https://n.example/a");
    assert_eq!(f.items[1].id, "https://n.example/b");
    // A permalink guid is the link when there is no <link>.
    assert_eq!(f.items[1].url.as_deref(), Some("https://n.example/b"));
    assert!(
        f.items[2].id.starts_with("urn:news-widget:item:"),
        "{}",
        f.items[2].id
    );
    assert_eq!(
        f.items[2].id,
        feed(&rss(
            "<item><title>C</title><description>only text</description></item>"
        ))
        .items[0]
            .id
    );
    assert!(
        f.notes
            .iter()
            .any(|n| n
                == "/rss/channel/item[3] has no guid and no link; its id is made from its text"),
        "{:?}",
        f.notes
    );
}

#[test]
fn a_repeated_guid_keeps_the_first_item() {
    let f = feed(&rss(
        "<item><guid>x</guid><title>1</title></item><item><guid>x</guid><title>2</title></item>",
    ));
    assert_eq!(f.items.len(), 1);
    assert_eq!(f.items[0].title.as_deref(), Some("1"));
    assert_eq!(
        f.notes,
        ["/rss/channel/item[2] repeats an earlier id; item skipped"]
    );
}

#[test]
fn an_unreadable_date_is_a_note_with_its_path_and_the_item_stays() {
    let f = feed(&rss(
        "<item><link>https://n.example/1</link></item>\
         <item><link>https://n.example/2</link></item>\
         <item><link>https://n.example/3</link><pubDate>next Tuesday</pubDate></item>",
    ));
    assert_eq!(f.items.len(), 3);
    assert!(f.items[2].date_published.is_none());
    assert_eq!(f.notes, ["/rss/channel/item[3]/pubDate \"next Tuesday\" is not a date this reader understands (ignored)"]);
}

#[test]
fn dates_in_the_forms_real_feeds_use() {
    let date = |written: &str, language: &str| {
        let xml = format!(
            "<rss><channel><language>{language}</language><item><guid>1</guid>\
             <pubDate>{written}</pubDate></item></channel></rss>"
        );
        let stamp = feed(&xml).items[0].date_published;
        stamp.map(|s| (s.wall_clock(), s.offset_minutes))
    };
    let at = |c: &str, o: Option<i16>| Some((c.to_owned(), o));
    assert_eq!(
        date("Sat, 18 Apr 2026 23:46:22 GMT", "en"),
        at("2026-04-18 23:46:22", Some(0))
    );
    assert_eq!(
        date("Sat, 18 Apr 2026 23:46 +0800", "en"),
        at("2026-04-18 23:46:00", Some(480))
    );
    assert_eq!(
        date("18 Apr 2026 23:46:22 CST", "zh-cn"),
        at("2026-04-18 23:46:22", Some(480))
    );
    assert_eq!(
        date("18 Apr 2026 23:46:22 CST", "en-us"),
        at("2026-04-18 23:46:22", Some(-360))
    );
    assert_eq!(
        date("Sa, 18 Apr 2026 23:46:22 +0200", "de"),
        at("2026-04-18 23:46:22", Some(120))
    );
    assert_eq!(
        date("2020/1/10 14:33:00", "zh-cn"),
        at("2020-01-10 14:33:00", None)
    );
    assert_eq!(
        date(" \n 2026-04-18T23:46:22Z ", "en"),
        at("2026-04-18 23:46:22", Some(0))
    );
}

#[test]
fn description_forms_escaped_cdata_raw_html_and_text() {
    let bodies = [
        "<description>&lt;p&gt;Hello &lt;em&gt;you&lt;/em&gt;&lt;/p&gt;</description>",
        "<description><![CDATA[<p>Hello <em>you</em></p>]]></description>",
        // HTML pasted in unescaped: the elements are read as the markup they are.
        "<description><p>Hello <em>you</em></p></description>",
    ];
    for body in bodies {
        let f = feed(&rss(&format!("<item><guid>1</guid>{body}</item>")));
        assert_eq!(
            f.items[0].content_html.as_deref(),
            Some("<p>Hello <em>you</em></p>"),
            "{body}"
        );
    }
    // Entities escaped twice still read as the character once.
    let p = page(&rss(
        "<item><guid>1</guid><title>Q&amp;amp;A &amp;#8212; now</title></item>",
    ));
    assert_eq!(p.article.unwrap().title, "Q&A — now");
    // Text in a raw-HTML description is text: `<` stays a character.
    let f = feed(&rss(
        "<item><guid>1</guid><description>1 &lt; 2 <br/>x</description></item>",
    ));
    assert_eq!(f.items[0].content_html.as_deref(), Some("1 &lt; 2 <br>x"));
}

#[test]
fn atom_text_constructs_follow_their_type() {
    let f = feed(&atom("<entry><id>e1</id><title type=\"text\">a &lt;b&gt; c</title>\
         <link rel=\"alternate\" type=\"text/html\" href=\"https://blog.example/1\"/>\
         <link rel=\"related\" href=\"https://other.example/\"/>\
         <link rel=\"enclosure\" type=\"image/png\" href=\"https://blog.example/p.png\"/>\
         <published>2017-06-27T00:54:17Z</published><updated>2017-06-28T00:00:00Z</updated>\
         <author><name>Jo</name></author><category term=\"rust\"/>\
         <summary type=\"html\">&lt;p&gt;sum&lt;/p&gt;</summary>\
         <content type=\"xhtml\"><div xmlns=\"http://www.w3.org/1999/xhtml\"><p>Hi <a href=\"/x\">x</a></p></div></content>\
         </entry>"));
    assert_eq!(f.version, Version::Atom);
    let e = &f.items[0];
    assert_eq!(e.id, "e1");
    assert_eq!(e.title.as_deref(), Some("a &lt;b&gt; c"));
    assert_eq!(e.url.as_deref(), Some("https://blog.example/1"));
    assert_eq!(e.external_url.as_deref(), Some("https://other.example/"));
    assert_eq!(e.image.as_deref(), Some("https://blog.example/p.png"));
    assert_eq!(
        e.content_html.as_deref(),
        Some("<p>Hi <a href=\"/x\">x</a></p>")
    );
    assert_eq!(e.summary.as_deref(), Some("<p>sum</p>"));
    assert_eq!(e.tags, ["rust"]);
    assert_eq!(e.authors[0].name.as_deref(), Some("Jo"));
    assert!(e.date_published.is_some() && e.date_modified.is_some());
    let p = page(&atom(
        "<entry><id>e1</id><title type=\"text\">a &lt;b&gt; c</title></entry>",
    ));
    assert_eq!(p.article.unwrap().title, "a <b> c");
    // type="text" content is plain text, paragraphs and all.
    let f = feed(&atom(
        "<entry><id>1</id><content>x &lt;y&gt;</content></entry>",
    ));
    assert_eq!(f.items[0].content_text.as_deref(), Some("x <y>"));
    assert_eq!(f.items[0].content_html, None);
}

#[test]
fn atom_without_its_namespace_is_still_atom() {
    let f = feed("\n\n<feed><title>T</title><entry><id>1</id><title>One</title></entry></feed>");
    assert_eq!(f.version, Version::Atom);
    assert_eq!(f.items[0].title.as_deref(), Some("One"));
}

#[test]
fn rdf_items_sit_beside_the_channel() {
    let f = feed("<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\" \
         xmlns=\"http://purl.org/rss/1.0/\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\
         <channel rdf:about=\"https://r.example/\"><title>R</title><link>https://r.example/</link></channel>\
         <item rdf:about=\"https://r.example/1\"><title>One</title><dc:date>2019-08-27</dc:date></item>\
         </rdf:RDF>");
    assert_eq!(f.version, Version::Rdf);
    assert_eq!(f.items[0].id, "https://r.example/1");
    assert_eq!(f.items[0].url.as_deref(), Some("https://r.example/1"));
    assert_eq!(
        f.items[0].date_published.unwrap().wall_clock(),
        "2019-08-27 00:00:00"
    );
}

#[test]
fn relative_links_resolve_against_xml_base_the_item_then_the_feed_url() {
    let xml = "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:base=\"https://b.example/blog/\">\
         <entry><id>1</id><link href=\"2024/post.html\"/>\
         <content type=\"html\" xml:base=\"https://cdn.example/img/\">&lt;img src=\"a.png\" alt=\"\"&gt;</content></entry></feed>";
    let f = feed(xml);
    assert_eq!(
        f.items[0].url.as_deref(),
        Some("https://b.example/blog/2024/post.html")
    );
    let p = page(xml);
    let article = p.article.unwrap();
    let images = format!("{:?}", article.blocks);
    assert!(images.contains("https://cdn.example/img/a.png"), "{images}");
    // Without xml:base a relative link resolves against where the feed came from.
    let xml = rss("<item><guid>1</guid><link>/news/1.html</link></item>");
    let options = ReadOptions {
        base_url: Some("https://feeds.example/rss.xml"),
        ..ReadOptions::default()
    };
    let p = read_page(xml.as_bytes(), &options).unwrap();
    assert_eq!(
        p.article.unwrap().url.as_deref(),
        Some("https://feeds.example/news/1.html")
    );
}

#[test]
fn raw_ampersands_and_control_characters_do_not_lose_the_feed() {
    let f = feed(&rss(
        "<item><link>https://mp.example/s?a=1&b=2</link><title>x\u{8}y</title></item>",
    ));
    assert_eq!(
        f.items[0].url.as_deref(),
        Some("https://mp.example/s?a=1&b=2")
    );
    assert_eq!(
        page(&rss("<item><guid>1</guid><title>x\u{8}y</title></item>"))
            .article
            .unwrap()
            .title
            .chars()
            .filter(|c| c.is_control())
            .count(),
        0
    );
}

#[test]
fn html_entities_of_rss_091_are_left_to_the_html_reader() {
    let p = page(&rss("<item><guid>1</guid><title>a&nbsp;b&mdash;c</title><description>x&nbsp;y</description></item>"));
    let article = p.article.unwrap();
    // (A no-break space reads as a space on one line.)
    assert_eq!(article.title, "a b—c");
    assert_eq!(blocks_text(&article.blocks), "x y");
}

#[test]
fn documents_that_are_not_feeds_say_what_they_are() {
    let cases = [
        ("<?xml version=\"1.0\"?><urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\"><url/></urlset>",
         "not an RSS or Atom feed: the root element is <urlset> (a sitemap); expected <rss>, <rdf:RDF> or <feed>"),
        ("<!DOCTYPE html>\n<html><head><title>Login</title></head></html>",
         "an HTML page, not a feed: the document is a web page (<html>)"),
        ("<rss version=\"2.0\"></rss>", "not an RSS or Atom feed: /rss has no <channel>"),
        ("<rss><channel><item><title>x</title></channel></rss>",
         "not well-formed XML: "),
        ("<rss><channel><item><title>x</title>", "not well-formed XML: <rss> is never closed at line 1 column 1"),
        ("<rss><channel><title a=\"1></channel></rss>", "not well-formed XML: "),
    ];
    for (xml, expected) in cases {
        let message = error(xml);
        assert!(
            message.starts_with(expected),
            "{xml}\n  got: {message}\n want: {expected}"
        );
    }
    assert!(matches!(
        parse_feed(cases[3].0.as_bytes()),
        Err(FeedError::NotXml { line: 1, .. })
    ));
}

#[test]
fn nesting_deeper_than_the_limit_is_refused_quickly() {
    let depth = 100_000;
    let xml = format!(
        "<rss><channel><item><description>{}{}</description></item></channel></rss>",
        "<b>".repeat(depth),
        "</b>".repeat(depth)
    );
    let message = error(&xml);
    assert!(
        message.starts_with(
            "not well-formed XML: elements nested more than 256 deep at line 1 column"
        ),
        "{message}"
    );
}

#[test]
fn billion_laughs_expands_nothing() {
    let mut doctype = String::from("<!DOCTYPE rss [<!ENTITY lol \"lol\">");
    for level in 1..=9 {
        let previous = if level == 1 {
            "lol".to_owned()
        } else {
            format!("lol{}", level - 1)
        };
        doctype.push_str(&format!(
            "<!ENTITY lol{level} \"{}\">",
            format!("&{previous};").repeat(10)
        ));
    }
    doctype.push_str("]>");
    let xml = format!("{doctype}<rss><channel><title>&lol9;</title><item><guid>1</guid><title>Hi &lol9;</title></item></channel></rss>");
    let f = feed(&xml);
    assert_eq!(f.items[0].title.as_deref(), Some("Hi "));
    assert_eq!(f.title, "");
    assert!(
        f.notes[0].starts_with(
            "the doctype declares entities (lol, lol1, lol2, lol3, lol4); they are not expanded"
        ),
        "{:?}",
        f.notes
    );
}

#[test]
fn external_entities_are_never_fetched_or_read() {
    let xml = "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">\
         <!ENTITY remote SYSTEM \"https://attacker.example/x\">]>\
         <rss><channel><item><guid>1</guid><title>a&xxe;b&remote;c</title></item></channel></rss>";
    let f = feed(xml);
    assert_eq!(f.items[0].title.as_deref(), Some("abc"));
    assert!(f.notes[0].contains("xxe, remote"), "{:?}", f.notes);
}

#[test]
fn documents_over_the_cap_are_refused() {
    let big = rss(&"<item><title>x</title></item>".repeat(200_000));
    assert!(big.len() > 5 * 1024 * 1024);
    let message = error(&big);
    assert!(
        message.ends_with("feeds are read up to 5242880 bytes"),
        "{message}"
    );
}
