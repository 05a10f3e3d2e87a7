//! Placements: the `layout`, `sections`, `open` and `history` attributes, what each layout
//! shows of a page, and the headline facts the list layout and reading in place need.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use news_widget::config::{Config, Layout};
use news_widget::feed::{read_page, ReadOptions};
use news_widget::layout::{choose_sections, opens_in_place, shown};
use news_widget::prerender::prerender;
use news_widget::view_model::{Headline, Page, Section};

fn config(attributes: &[(&str, &str)]) -> Config {
    let (config, warnings) = Config::from_attributes(attributes.iter().copied());
    assert!(warnings.is_empty(), "{warnings:?}");
    config
}

fn section(title: &str, ids: &[&str]) -> Section {
    Section {
        title: title.to_owned(),
        items: ids
            .iter()
            .map(|id| Headline {
                id: (*id).to_owned(),
                title: (*id).to_owned(),
                ..Headline::default()
            })
            .collect(),
        ..Section::default()
    }
}

fn titles(sections: &[&Section]) -> Vec<String> {
    sections.iter().map(|s| s.title.clone()).collect()
}

#[test]
fn layout_attribute_takes_each_value_and_warns_on_others() {
    for layout in Layout::ALL {
        assert_eq!(config(&[("layout", layout.as_str())]).layout, layout);
    }
    assert_eq!(
        config(&[("LAYOUT", " Headlines ")]).layout,
        Layout::Headlines
    );
    assert_eq!(Config::default().layout, Layout::Page);
    let (config, warnings) = Config::from_attributes([("layout", "grid")]);
    assert_eq!(config.layout, Layout::Page);
    assert_eq!(
        warnings[0].to_string(),
        "news-widget: ignoring layout=\"grid\": expected page, article, headlines or list; using page"
    );
}

#[test]
fn sections_open_and_history_attributes() {
    assert_eq!(
        config(&[("sections", " 民生 , 2,, Sport ")]).sections,
        ["民生", "2", "Sport"]
    );
    assert!(config(&[("sections", " , ")]).sections.is_empty());
    assert!(config(&[]).open_in_place);
    assert!(!config(&[("open", "page")]).open_in_place);
    assert!(config(&[("open", "In-Place")]).open_in_place);
    assert!(!config(&[("history", "off")]).history);
    let (c, warnings) = Config::from_attributes([("open", "tab"), ("history", "no")]);
    assert!(c.open_in_place && c.history);
    assert_eq!(warnings.len(), 2);
    // Removing an attribute restores its default.
    let mut c = config(&[("layout", "list"), ("sections", "a")]);
    c.apply("layout", None);
    c.apply("sections", None);
    assert_eq!((c.layout, c.sections.len()), (Layout::Page, 0));
}

#[test]
fn sections_are_chosen_by_title_or_position_in_the_partners_order() {
    let all = [
        section("生活指南", &["a"]),
        section("民生", &["b"]),
        section("Sport", &["c"]),
    ];
    let wanted = |names: &[&str]| names.iter().map(|n| (*n).to_owned()).collect::<Vec<_>>();
    assert_eq!(
        titles(&choose_sections(&all, &wanted(&["民生", "生活指南"]))),
        ["民生", "生活指南"]
    );
    assert_eq!(
        titles(&choose_sections(&all, &wanted(&["3", "1"]))),
        ["Sport", "生活指南"]
    );
    assert_eq!(
        titles(&choose_sections(&all, &wanted(&["sport"]))),
        ["Sport"]
    );
    // Each once; unknown names and out-of-range positions are skipped.
    assert_eq!(
        titles(&choose_sections(
            &all,
            &wanted(&["民生", "2", "nope", "0", "9"])
        )),
        ["民生"]
    );
    // Nothing matches: every section, so a typo never blanks the column.
    assert_eq!(titles(&choose_sections(&all, &wanted(&["nope"]))).len(), 3);
    assert_eq!(titles(&choose_sections(&all, &[])).len(), 3);
    // A title that is a number wins over the position it spells.
    let numbered = [section("2", &["x"]), section("other", &["y"])];
    assert_eq!(titles(&choose_sections(&numbered, &wanted(&["2"]))), ["2"]);
}

#[test]
fn each_layout_shows_its_parts_of_the_seed() {
    let bytes = common::default_feed_bytes();
    let page = read_page(&bytes, &ReadOptions::default()).expect("the seed reads");
    let page_layout = shown(&page, &config(&[]));
    assert!(page_layout.article.is_some());
    assert_eq!(titles(&page_layout.sections), ["生活指南", "民生"]);
    let article = shown(&page, &config(&[("layout", "article")]));
    assert!(article.article.is_some() && article.sections.is_empty());
    for layout in ["headlines", "list"] {
        let s = shown(&page, &config(&[("layout", layout), ("sections", "民生")]));
        assert!(s.article.is_none(), "{layout}");
        assert_eq!(titles(&s.sections), ["民生"], "{layout}");
    }
    // An empty page is empty in every layout.
    for layout in Layout::ALL {
        assert!(shown(&Page::default(), &config(&[("layout", layout.as_str())])).is_empty());
    }
}

const PLAIN_FEED: &str = r#"{
  "version": "https://jsonfeed.org/version/1.1",
  "title": "Plain",
  "items": [
    {"id": "1", "url": "https://example.com/1", "title": "One", "content_html": "<p>Body one</p>",
     "date_published": "2026-12-01T08:30:00+08:00", "image": "https://example.com/1.jpg"},
    {"id": "2", "url": "https://example.com/2", "title": "Two", "summary": "Only a summary",
     "banner_image": "javascript:alert(1)"},
    {"id": "3", "title": "Three", "content_text": "Body three", "banner_image": "/3.jpg"}
  ]
}"#;

#[test]
fn a_feed_without_sections_gets_one_section_and_in_headline_layouts_keeps_every_item() {
    let read = |every_item| {
        read_page(
            PLAIN_FEED.as_bytes(),
            &ReadOptions {
                base_url: Some("https://example.com/feed.json"),
                every_item,
                ..ReadOptions::default()
            },
        )
        .expect("reads")
    };
    let ids = |page: &Page| -> Vec<String> {
        page.sections[0]
            .items
            .iter()
            .map(|h| h.id.clone())
            .collect()
    };
    // Beside the article, the sidebar holds the other items; alone, the headlines hold all.
    assert_eq!(ids(&read(false)), ["2", "3"]);
    assert_eq!(ids(&read(true)), ["1", "2", "3"]);
    let items = &read(true).sections[0].items;
    // Time, thumbnail (safe URLs only, resolved) and whether the story can be read in place.
    assert_eq!(
        items[0].published.map(|t| t.wall_clock()).as_deref(),
        Some("2026-12-01 08:30:00")
    );
    assert_eq!(
        items[0].thumbnail.as_deref(),
        Some("https://example.com/1.jpg")
    );
    assert_eq!(items[1].thumbnail, None);
    assert_eq!(
        items[2].thumbnail.as_deref(),
        Some("https://example.com/3.jpg")
    );
    assert_eq!(
        items.iter().map(|h| h.readable).collect::<Vec<_>>(),
        [true, false, true]
    );
}

#[test]
fn only_the_page_layout_reads_in_place_and_only_stories_the_feed_carries() {
    assert!(opens_in_place(&config(&[]), true));
    assert!(!opens_in_place(&config(&[]), false));
    assert!(!opens_in_place(&config(&[("open", "page")]), true));
    for layout in ["article", "headlines", "list"] {
        assert!(
            !opens_in_place(&config(&[("layout", layout)]), true),
            "{layout}"
        );
    }
}

fn render(attributes: &[(&str, &str)]) -> String {
    prerender(PLAIN_FEED.as_bytes(), attributes, "news-widget.css")
        .expect("renders")
        .html
}

#[test]
fn each_layout_pre_renders_with_its_own_markup() {
    let page = render(&[("feed", "https://example.com/feed.json")]);
    assert!(
        page.contains("nw-layout-page")
            && page.contains("nw-article")
            && page.contains("nw-sidebar")
    );
    // Readable headlines keep the original as their address (new tab, copy link) and open
    // in place on a plain click; unreadable ones are plain links.
    assert!(page.contains(r#"href="https://example.com/2""#));
    let article = render(&[("layout", "article")]);
    assert!(article.contains("nw-layout-article") && article.contains("nw-article"));
    assert!(!article.contains("nw-sidebar") && !article.contains("Two"));
    let headlines = render(&[("layout", "headlines")]);
    assert!(headlines.contains("nw-layout-headlines") && headlines.contains("nw-sidebar"));
    assert!(!headlines.contains("nw-article") && headlines.contains(">One<"));
    let list = render(&[
        ("layout", "list"),
        ("feed", "https://example.com/feed.json"),
    ]);
    assert!(
        list.contains("nw-layout-list") && list.contains("nw-lists") && !list.contains("nw-slides")
    );
    assert!(list.contains(r#"datetime="2026-12-01T08:30:00+08:00" class="nw-entry-time">2026-12-01 08:30:00</time>"#), "{list}");
    assert!(list.contains(r#"src="https://example.com/1.jpg""#) && list.contains(r#"alt="""#));
    assert!(!list.contains("javascript:"));
}
