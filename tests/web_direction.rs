//! Browser tests of direction: an Arabic story reads right to left, in an Arabic or an
//! English widget, and the carousel's controls face the reader's way.
#![cfg(target_arch = "wasm32")]

mod web;

use js_sys::{Function, Reflect};
use news_widget::config::Config;
use news_widget::i18n::Lang;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;
use web::*;
use web_sys::Element;

wasm_bindgen_test_configure!(run_in_browser);

/// An Arabic feed with one article and a rotating section of two slides (six headlines).
fn arabic_feed(language: Option<&str>) -> String {
    let language = language.map_or(String::new(), |l| format!(r#""language": "{l}","#));
    let headlines: Vec<String> = (1..=6)
        .map(|i| {
            format!(
                r#"{{"id": "h{i}", "title": "عنوان رقم {i}", "url": "https://example.com/{i}"}}"#
            )
        })
        .collect();
    format!(
        r#"{{"version": "https://jsonfeed.org/version/1.1", "title": "أخبار", {language}
        "items": [{{"id": "a", "title": "افتتاح معرض الكتاب في القاهرة",
            "content_text": "افتتح معرض القاهرة الدولي للكتاب أبوابه اليوم أمام الزوار، بمشاركة مئات الناشرين من أنحاء العالم.",
            "date_published": "2025-03-19T13:20:05+02:00"}}, {}]}}"#,
        headlines.join(",")
    )
}

/// `(left, right)` of an element's or a range's box, in CSS pixels.
fn edges(target: &JsValue) -> (f64, f64) {
    let measure: Function = Reflect::get(target, &"getBoundingClientRect".into())
        .expect("getBoundingClientRect")
        .unchecked_into();
    let rect = measure.call0(target).expect("a rect");
    let side = |name: &str| Reflect::get(&rect, &name.into()).unwrap().as_f64().unwrap();
    (side("left"), side("right"))
}

/// `(left, right)` of the first character of `element`'s text.
fn first_character(element: &Element) -> (f64, f64) {
    let text = element.first_child().expect("a text node");
    let document = gloo_utils::document();
    let create: Function = Reflect::get(&document, &"createRange".into())
        .unwrap()
        .unchecked_into();
    let range = create.call0(&document).unwrap();
    for (method, offset) in [("setStart", 0), ("setEnd", 1)] {
        let set: Function = Reflect::get(&range, &method.into())
            .unwrap()
            .unchecked_into();
        set.call2(&range, &text, &offset.into()).unwrap();
    }
    edges(&range)
}

fn element(widget: &Widget, selector: &str) -> Element {
    widget
        .root
        .query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("no {selector}"))
}

fn direction(element: &Element) -> String {
    let window = web_sys::window().unwrap();
    let style: Function = Reflect::get(&window, &"getComputedStyle".into())
        .unwrap()
        .unchecked_into();
    let computed = style.call1(&window, element).unwrap();
    Reflect::get(&computed, &"direction".into())
        .unwrap()
        .as_string()
        .unwrap()
}

/// The paragraph's first character sits at its right edge, not its left.
fn assert_starts_at_the_right(paragraph: &Element) {
    let (left, right) = edges(paragraph);
    let (first_left, first_right) = first_character(paragraph);
    assert!(
        (right - first_right).abs() < 2.0 && first_left - left > 100.0,
        "first character at {first_left}..{first_right} in a paragraph at {left}..{right}"
    );
}

#[wasm_bindgen_test]
async fn an_arabic_feed_reads_right_to_left_with_mirrored_controls() {
    let widget = mount_widget(&feed_url(&arabic_feed(Some("ar")))).await;
    widget.wait_for_text("h1").await;
    let root = element(&widget, ".nw-root");
    assert_eq!(root.get_attribute("dir").as_deref(), Some("rtl"));
    assert_eq!(direction(&root), "rtl");
    assert_starts_at_the_right(&element(&widget, ".nw-chunk > p"));
    // Previous is on the right and next on the left, as an Arabic reader turns pages.
    let previous = widget
        .button_named(Lang::Ar.strings().previous_slide)
        .expect("previous");
    let next = widget
        .button_named(Lang::Ar.strings().next_slide)
        .expect("next");
    let (previous_left, _) = edges(&previous);
    let (next_left, _) = edges(&next);
    assert!(
        previous_left > next_left,
        "previous at {previous_left}, next at {next_left}"
    );
    // The rotation button, first in tab order, is first in reading order: rightmost.
    let toggle = element(&widget, ".nw-toggle");
    assert!(
        edges(&toggle).0 > previous_left,
        "the toggle comes first, on the right"
    );
    widget.unmount();
}

#[wasm_bindgen_test]
async fn an_arabic_story_in_an_english_widget_is_rtl_and_its_labels_ltr() {
    let config = Config {
        feed: feed_url(&arabic_feed(None)),
        lang: Some(Lang::En),
        ..Config::default()
    };
    let widget = mount_with(config).await;
    widget.wait_for_text("h1").await;
    assert_eq!(direction(&element(&widget, ".nw-root")), "ltr");
    // No language in the feed: the script says Arabic.
    let article = element(&widget, ".nw-article");
    assert_eq!(article.get_attribute("lang").as_deref(), Some("ar"));
    assert_eq!(direction(&article), "rtl");
    assert_starts_at_the_right(&element(&widget, ".nw-chunk > p"));
    let meta = element(&widget, ".nw-meta");
    assert_eq!(direction(&meta), "ltr", "the English meta line");
    assert!(widget
        .text_of(".nw-meta")
        .unwrap()
        .starts_with("Published "));
    // English controls: previous on the left.
    let previous = widget
        .button_named(Lang::En.strings().previous_slide)
        .expect("previous");
    let next = widget
        .button_named(Lang::En.strings().next_slide)
        .expect("next");
    assert!(edges(&previous).0 < edges(&next).0, "previous left of next");
    // Headline titles take their direction from their own text.
    assert_eq!(direction(&element(&widget, ".nw-item-title")), "rtl");
    widget.unmount();
}

#[wasm_bindgen_test]
async fn a_chinese_widget_stays_left_to_right() {
    let widget = mount_widget(&feed_url(DEFAULT_FEED)).await;
    widget.wait_for_text("h1").await;
    assert_eq!(direction(&element(&widget, ".nw-root")), "ltr");
    let paragraph = element(&widget, ".nw-chunk > p");
    let (left, _) = edges(&paragraph);
    let (first_left, _) = first_character(&paragraph);
    // Chinese paragraphs indent their first line by 2em (the stylesheet): start side left.
    assert!(
        first_left - left < 40.0,
        "first character at {first_left}, paragraph at {left}"
    );
    widget.unmount();
}
