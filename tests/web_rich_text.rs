//! Browser tests of rich article bodies: the whole hostile payload suite rendered through the
//! real components, and a real publisher's body as a reader sees it.
#![cfg(target_arch = "wasm32")]

mod payloads;
mod web;

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use gloo_events::EventListener;
use news_widget::components::article::ArticleView;
use news_widget::components::navigate::NavigateRequest;
use news_widget::config::{Config, LinkTarget};
use news_widget::i18n::Lang;
use news_widget::rich_text::html_to_blocks;
use news_widget::view_model::Article;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web::*;
use web_sys::{Element, HtmlElement};
use yew::prelude::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen(inline_js = r#"
export function install_probe() {
  window.__nwPwned = 0;
  window.nwpwn = () => { window.__nwPwned += 1; };
}
export function probe_calls() { return window.__nwPwned; }
export function record_images() {
  window.__nwImages = [];
  const seen = (node) => {
    if (node.nodeType !== 1) return;
    if (node.tagName === "IMG") window.__nwImages.push(node);
    for (const img of node.querySelectorAll("img")) window.__nwImages.push(img);
  };
  window.__nwImageObserver = new MutationObserver((records) => {
    for (const record of records) record.addedNodes.forEach(seen);
  });
  window.__nwImageObserver.observe(document.body, { childList: true, subtree: true });
}
export function recorded_images() {
  window.__nwImageObserver.disconnect();
  return window.__nwImages;
}
"#)]
extern "C" {
    fn install_probe();
    fn probe_calls() -> u32;
    /// Keeps every `<img>` added to the page from now on, so its attributes can be read even
    /// after a failed load has replaced it (which, from a refused origin, is at once).
    fn record_images();
    fn recorded_images() -> Vec<Element>;
}

#[derive(Properties, PartialEq)]
struct ArticlesProps {
    articles: Vec<Article>,
    target: LinkTarget,
    onnavigate: Callback<NavigateRequest, bool>,
}

/// Every payload as its own article, side by side, through the widget's own `ArticleView`.
#[function_component]
fn Articles(props: &ArticlesProps) -> Html {
    html! {
        <div class="nw-root" lang="en">
            { for props.articles.iter().map(|article| html! {
                <ArticleView article={article.clone()} lang={Lang::En} target={props.target}
                    onnavigate={props.onnavigate.clone()} />
            }) }
        </div>
    }
}

/// Attributes an element in a rendered body may carry, whatever the feed said.
const ALLOWED_ATTRIBUTES: &[&str] = &[
    "href",
    "target",
    "rel",
    "src",
    "srcset",
    "alt",
    "width",
    "height",
    "loading",
    "decoding",
    "referrerpolicy",
    "start",
    "colspan",
    "rowspan",
    "class",
    "part",
    "role",
    "aria-label",
    "aria-hidden",
    "lang",
    "datetime",
    "dir",
    "tabindex",
];
/// Elements a rendered body may contain.
const ALLOWED_ELEMENTS: &[&str] = &[
    "ARTICLE",
    "H1",
    "H2",
    "H3",
    "H4",
    "H5",
    "H6",
    "P",
    "SPAN",
    "TIME",
    "DIV",
    "UL",
    "OL",
    "LI",
    "BLOCKQUOTE",
    "PRE",
    "FIGURE",
    "FIGCAPTION",
    "IMG",
    "CANVAS",
    "SMALL",
    "HR",
    "TABLE",
    "CAPTION",
    "THEAD",
    "TBODY",
    "TR",
    "TH",
    "TD",
    "A",
    "STRONG",
    "EM",
    "CODE",
    "KBD",
    "SUB",
    "SUP",
    "U",
    "S",
    "MARK",
    "Q",
    "BR",
];

fn is_allowed_url(url: &str, mailto: bool) -> bool {
    let lower = url.to_ascii_lowercase();
    lower.starts_with("https://")
        || lower.starts_with("http://")
        || (mailto && lower.starts_with("mailto:"))
}

fn elements(root: &Element, selector: &str) -> Vec<Element> {
    let nodes = root.query_selector_all(selector).expect("selector");
    (0..nodes.length())
        .filter_map(|i| nodes.item(i))
        .filter_map(|n| n.dyn_into::<Element>().ok())
        .collect()
}

/// Every element is one the renderer makes, with attributes it sets, and URLs the policy
/// allows.
fn assert_body_is_clean(root: &Element) {
    for element in elements(root, "*") {
        let tag = element.tag_name();
        assert!(
            ALLOWED_ELEMENTS.contains(&tag.as_str()),
            "element <{tag}> rendered"
        );
        for name in element
            .get_attribute_names()
            .iter()
            .filter_map(|n| n.as_string())
        {
            assert!(
                ALLOWED_ATTRIBUTES.contains(&name.as_str()),
                "<{tag} {name}> rendered"
            );
        }
        // Direction is the widget's keyword, never a feed's free text; only the headline
        // takes focus (reading in place), and never a place in the tab order.
        if let Some(dir) = element.get_attribute("dir") {
            assert!(
                ["auto", "ltr", "rtl"].contains(&dir.as_str()),
                "<{tag} dir={dir:?}>"
            );
        }
        if let Some(index) = element.get_attribute("tabindex") {
            assert!(tag == "H1" && index == "-1", "<{tag} tabindex={index:?}>");
        }
        if let Some(href) = element.get_attribute("href") {
            assert!(is_allowed_url(&href, true), "href {href:?}");
        }
        if let Some(src) = element.get_attribute("src") {
            assert!(is_allowed_url(&src, false), "src {src:?}");
        }
        if let Some(srcset) = element.get_attribute("srcset") {
            for candidate in srcset.split(", ") {
                let url = candidate.split(' ').next().unwrap_or("");
                assert!(is_allowed_url(url, false), "srcset candidate {url:?}");
            }
        }
    }
}

#[wasm_bindgen_test]
async fn the_payload_suite_renders_with_no_script_run_no_error_and_no_violation() {
    install_probe();
    let document = gloo_utils::document();
    let window = gloo_utils::window();
    let errors = Rc::new(Cell::new(0u32));
    let violations = Rc::new(Cell::new(0u32));
    let _error_listener = {
        let errors = Rc::clone(&errors);
        // Not capturing: script errors reach the window, resource load errors (the payloads'
        // images, which 404 here) do not.
        EventListener::new(&window, "error", move |_| errors.set(errors.get() + 1))
    };
    let _violation_listener = {
        let violations = Rc::clone(&violations);
        EventListener::new(&document, "securitypolicyviolation", move |_| {
            violations.set(violations.get() + 1)
        })
    };

    // Relative URLs resolve on the test server, so no payload reaches the network.
    let base = format!(
        "{}/payloads/story.html",
        window.location().origin().unwrap()
    );
    let cases = payloads::payloads();
    assert!(cases.len() >= 150);
    let articles: Vec<Article> = cases
        .iter()
        .enumerate()
        .map(|(i, case)| Article {
            id: i.to_string(),
            title: case.name.clone(),
            blocks: html_to_blocks(&case.html, Some(&base)),
            ..Article::default()
        })
        .collect();
    let navigations = Rc::new(RefCell::new(Vec::<String>::new()));
    let onnavigate = {
        let navigations = Rc::clone(&navigations);
        // The host cancels every navigation: the test page must stay.
        Callback::from(move |request: NavigateRequest| {
            navigations.borrow_mut().push(request.url);
            false
        })
    };

    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    let props = yew::props!(ArticlesProps {
        articles,
        target: LinkTarget::NewTab,
        onnavigate,
    });
    let handle = yew::Renderer::<Articles>::with_root_and_props(root.clone(), props).render();
    yew::scheduler::flush().await;
    assert_eq!(
        elements(&root, "article").len(),
        cases.len(),
        "one article per payload"
    );
    assert_body_is_clean(&root);

    // Load every image now (they are lazy), then wait until each has loaded or failed: a
    // payload's handler, had it survived, would have run by then.
    let images = elements(&root, "img");
    assert!(images.len() > 40, "{} images", images.len());
    // Every source (checked above) is moved to a port both browsers refuse to fetch from, path
    // kept: nothing leaves the machine, nothing waits on a server, and each image still ends
    // in an error event, which is what a surviving handler would run on.
    for image in &images {
        image.set_attribute("loading", "eager").unwrap();
        for name in ["srcset", "src"] {
            if let Some(value) = image.get_attribute(name) {
                image.set_attribute(name, &refused(&value)).unwrap();
            }
        }
    }
    wait_until_settled(&root).await;

    // Click every link: each asks the host first (which cancels), none runs anything.
    let links = elements(&root, ".nw-body a");
    assert!(links.len() > 10, "{} links", links.len());
    for link in &links {
        link.unchecked_ref::<HtmlElement>().click();
    }
    yew::scheduler::flush().await;
    assert_eq!(navigations.borrow().len(), links.len());
    for url in navigations.borrow().iter() {
        assert!(is_allowed_url(url, true), "navigation to {url:?}");
    }
    for link in &links {
        assert_eq!(
            link.get_attribute("target").as_deref(),
            Some("_blank").filter(|_| !link
                .get_attribute("href")
                .unwrap_or_default()
                .starts_with("mailto:"))
        );
    }

    assert_eq!(probe_calls(), 0, "a payload ran script");
    assert_eq!(
        errors.get(),
        0,
        "script errors while rendering the payloads"
    );
    assert_eq!(
        violations.get(),
        0,
        "CSP violations while rendering the payloads"
    );
    handle.destroy();
    root.remove();
}

/// An origin whose requests fail at once: port 9 is on both browsers' list of blocked ports.
const REFUSED_ORIGIN: &str = "http://127.0.0.1:9";

/// `value` (a URL or a srcset) with every `http(s)://host` replaced by [`REFUSED_ORIGIN`].
fn refused(value: &str) -> String {
    value
        .split(", ")
        .map(|candidate| {
            let rest = candidate
                .strip_prefix("https://")
                .or_else(|| candidate.strip_prefix("http://"));
            match rest.and_then(|rest| rest.find('/').map(|slash| &rest[slash..])) {
                Some(path) => format!("{REFUSED_ORIGIN}{path}"),
                None => candidate.to_owned(),
            }
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// Polls (flushing Yew) until every image has loaded or failed, against a deadline.
async fn wait_until_settled(root: &Element) {
    let start = js_sys::Date::now();
    loop {
        yew::scheduler::flush().await;
        let pending = elements(root, "img")
            .into_iter()
            // `complete` read by reflection: web-sys's HtmlImageElement is not a feature the
            // widget needs.
            .filter(|img| {
                !js_sys::Reflect::get(img, &"complete".into())
                    .ok()
                    .and_then(|c| c.as_bool())
                    .unwrap_or(true)
            })
            .map(|img| img.outer_html())
            .collect::<Vec<_>>();
        if pending.is_empty() {
            return;
        }
        assert!(
            js_sys::Date::now() - start < 20_000.0,
            "images neither loaded nor failed: {pending:?}"
        );
        gloo_timers::future::sleep(std::time::Duration::from_millis(20)).await;
    }
}

const RICH_FEED: &str = r#"{"version":"https://jsonfeed.org/version/1.1","title":"Rich","language":"en",
  "home_page_url":"https://blog.example/","items":[{"id":"1","title":"A rich body",
  "url":"https://blog.example/2024/rich.html",
  "content_html":"<p>Read <a href=\"/about\">about us</a>, <em>then</em> <strong>decide</strong>.</p><ul><li>one</li><li>two<ol><li>nested</li></ol></li></ul><figure><img src=\"img/photo.jpg\" width=\"800\" height=\"600\" alt=\"A photo\"><figcaption>A caption with <a href=\"https://other.example/\">a link</a></figcaption></figure><blockquote><p>Quoted</p></blockquote><pre>line 1\n  line 2</pre><h2>Sub</h2><table><tr><th>k</th><td>v</td></tr></table><script>nwpwn()</script>"}]}"#;

#[wasm_bindgen_test]
async fn a_rich_body_shows_links_lists_figures_and_tables() {
    install_probe();
    // The publisher is an origin whose requests fail at once, so the photo fails here, without
    // a network or a server.
    let origin = REFUSED_ORIGIN;
    let config = Config {
        feed: feed_url(&RICH_FEED.replace("https://blog.example", origin)),
        target: LinkTarget::NewTab,
        ..Config::default()
    };
    record_images();
    let widget = mount_with(config).await;
    widget.wait_for_text("h1").await;
    let body = widget
        .root
        .query_selector(".nw-body")
        .unwrap()
        .expect("body");
    assert_body_is_clean(&body);
    let link = body.query_selector("p a").unwrap().expect("a link");
    assert_eq!(
        link.get_attribute("href").as_deref(),
        Some(format!("{origin}/about").as_str())
    );
    assert_eq!(link.get_attribute("target").as_deref(), Some("_blank"));
    assert_eq!(
        link.get_attribute("rel").as_deref(),
        Some("noopener noreferrer nofollow ugc")
    );
    assert_eq!(widget.all_text(".nw-body em"), ["then"]);
    assert_eq!(widget.all_text(".nw-body strong"), ["decide"]);
    assert_eq!(widget.all_text(".nw-body ul > li > ol > li"), ["nested"]);
    let photo = format!("{origin}/2024/img/photo.jpg");
    let img = recorded_images()
        .into_iter()
        .find(|img| img.get_attribute("src").as_deref() == Some(photo.as_str()))
        .expect("the photo rendered as an <img>");
    for (name, value) in [
        ("src", photo.as_str()),
        ("width", "800"),
        ("height", "600"),
        ("alt", "A photo"),
        ("loading", "lazy"),
        ("decoding", "async"),
        ("referrerpolicy", "no-referrer"),
    ] {
        assert_eq!(
            img.get_attribute(name).as_deref(),
            Some(value),
            "img {name}"
        );
    }
    assert_eq!(widget.all_text("figcaption a"), ["a link"]);
    assert_eq!(widget.all_text(".nw-body blockquote"), ["Quoted"]);
    assert_eq!(widget.all_text(".nw-body pre"), ["line 1\n  line 2"]);
    assert_eq!(widget.all_text(".nw-body h2"), ["Sub"]);
    assert_eq!(widget.all_text(".nw-body th"), ["k"]);
    assert!(!widget.text().contains("nwpwn"));
    // The image cannot load here: its figure keeps a box of its proportions and the caption.
    widget
        .wait_until("the broken image replaced", |w| {
            w.root
                .query_selector("figure .nw-img-missing canvas")
                .ok()
                .flatten()
                .is_some()
        })
        .await;
    let canvas = widget
        .root
        .query_selector("figure canvas")
        .unwrap()
        .unwrap();
    assert_eq!(canvas.get_attribute("width").as_deref(), Some("800"));
    assert_eq!(widget.all_text("figcaption"), ["A caption with a link"]);
    assert_eq!(probe_calls(), 0);
    widget.unmount();
}

/// The control for the suite above: a handler that does reach the DOM (set here by the test
/// itself, never by the widget) is seen by the probe, so a zero there means something.
#[wasm_bindgen_test]
async fn the_probe_sees_a_handler_that_runs() {
    install_probe();
    let document = gloo_utils::document();
    let img = document.create_element("img").unwrap();
    img.set_attribute("onerror", "nwpwn()").unwrap();
    img.set_attribute("src", "/payloads/missing.png").unwrap();
    document.body().unwrap().append_child(&img).unwrap();
    let start = js_sys::Date::now();
    while probe_calls() == 0 {
        assert!(
            js_sys::Date::now() - start < 10_000.0,
            "the probe never ran"
        );
        gloo_timers::future::sleep(std::time::Duration::from_millis(10)).await;
    }
    img.remove();
    install_probe();
}

#[wasm_bindgen(inline_js = r#"
export function glyph_width(root, glyph) {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const at = node.data.indexOf(glyph);
    if (at < 0) continue;
    const range = document.createRange();
    range.setStart(node, at);
    range.setEnd(node, at + glyph.length);
    const size = parseFloat(getComputedStyle(node.parentElement).fontSize);
    return range.getBoundingClientRect().width / size;
  }
  return -1;
}
"#)]
extern "C" {
    /// The width of `glyph`'s first occurrence under `root`, in ems of its font size.
    fn glyph_width(root: &Element, glyph: &str) -> f64;
}

#[wasm_bindgen_test]
async fn an_english_apostrophe_is_proportional_even_in_a_chinese_widget() {
    // No language declared and none configured: the widget's UI is zh-CN, the article's
    // script is Latin, so its fonts are Latin first and "’" is not a full-width CJK glyph.
    let feed = r#"{"version":"https://jsonfeed.org/version/1.1","title":"t","items":[
        {"id":"1","title":"Ueda’s first game","content_html":"<p>Fumito Ueda’s first game, Ico, was a beautiful, moody masterpiece.</p>"}]}"#;
    let widget = mount_widget(&feed_url(feed)).await;
    widget.wait_for_text("h1").await;
    let article = widget
        .root
        .query_selector("article")
        .unwrap()
        .expect("article");
    assert_eq!(article.get_attribute("lang").as_deref(), Some(""));
    let body = widget
        .root
        .query_selector(".nw-body")
        .unwrap()
        .expect("body");
    let width = glyph_width(&body, "’");
    assert!(width > 0.0 && width < 0.5, "’ is {width} em wide");
    widget.unmount();
}
