//! Pre-rendering (host only): the widget's markup for a feed, rendered by the same Yew
//! components the wasm runs, through Yew's server renderer, and wrapped as the element's
//! declarative shadow root so a browser shows the article before, or without, any script.
//!
//! ```text
//! <news-widget feed="feed.json"><template shadowrootmode="open">
//!   <link rel="stylesheet" href="news-widget.css"><div class="nw-root … nw-static" …>…</div>
//! </template></news-widget>
//! ```
//!
//! The output is deterministic: the first slide of every section, fixed ARIA ids, no clock,
//! so the same feed and attributes always give the same bytes. Feed text only reaches the
//! markup through Yew's renderer, which escapes every text and attribute value; the
//! element's own attributes are escaped here.

use std::rc::Rc;

use yew::{Callback, ServerRenderer};

use crate::components::app::{App, AppProps};
use crate::config::{Config, ConfigWarning};
use crate::feed::{read_page, FeedError, ReadOptions};
use crate::view_model::Page;

/// A pre-rendered `<news-widget>` element.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Prerendered {
    /// `<news-widget …><template shadowrootmode="open">…</template></news-widget>`.
    pub html: String,
    /// Attribute values the widget ignores (the same messages the browser console shows).
    pub warnings: Vec<ConfigWarning>,
}

/// How the shadow root gets the widget's stylesheet.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stylesheet<'a> {
    /// `<link rel="stylesheet" href=…>`: the `href` of the bundle's `news-widget.css`, as the
    /// page will resolve it. Works under any `style-src` that allows the bundle's origin, and
    /// the page should link it in `<head>` too, so nothing is painted before it arrives.
    Link(&'a str),
    /// `<style>` with this text: no request before the first paint. A page with a
    /// `Content-Security-Policy` must allow it by its hash ([`style_hash`]).
    Inline(InlineCss<'a>),
}

/// Stylesheet text that can go in a `<style>` element as it is: it cannot end the element
/// early (no `</style`), so the text the page hashes is the text the browser applies.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct InlineCss<'a>(&'a str);

impl<'a> InlineCss<'a> {
    pub fn new(css: &'a str) -> Result<Self, InlineStyleError> {
        if css.to_ascii_lowercase().contains("</style") {
            Err(InlineStyleError)
        } else {
            Ok(InlineCss(css))
        }
    }

    pub fn text(&self) -> &'a str {
        self.0
    }
}

/// Why a stylesheet cannot be inlined.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InlineStyleError;

impl std::fmt::Display for InlineStyleError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("the stylesheet contains \"</style\", which would end an inline <style>")
    }
}

/// The CSP source that allows an inline `<style>` holding exactly `css`:
/// `'sha256-…'` (base64 of the SHA-256 of its UTF-8 text), for `style-src`.
pub fn style_hash(css: &str) -> String {
    use base64::Engine as _;
    use sha2::Digest as _;
    let digest = sha2::Sha256::digest(css.as_bytes());
    format!(
        "'sha256-{}'",
        base64::engine::general_purpose::STANDARD.encode(digest)
    )
}

/// Reads `feed` as the widget would fetch it with these element attributes (`feed`, `lang`,
/// `theme`, `article`, `max-headlines`, …) and renders the element, with a `<link>` to the
/// stylesheet at `stylesheet` (see [`prerender_with`]).
///
/// Relative URLs inside the feed resolve against the `feed` attribute, as in the browser.
/// `Err` when the feed cannot be shown at all (the widget would show its error state).
pub fn prerender(
    feed: &[u8],
    attributes: &[(&str, &str)],
    stylesheet: &str,
) -> Result<Prerendered, FeedError> {
    prerender_with(feed, attributes, Stylesheet::Link(stylesheet))
}

/// [`prerender`] with the stylesheet linked or inlined.
pub fn prerender_with(
    feed: &[u8],
    attributes: &[(&str, &str)],
    stylesheet: Stylesheet<'_>,
) -> Result<Prerendered, FeedError> {
    let (config, warnings) = Config::from_attributes(attributes.iter().copied());
    let options = ReadOptions {
        base_url: Some(&config.feed),
        article_id: config.article.as_deref(),
        max_headlines: config.max_headlines,
        every_item: !config.layout.shows_article(),
    };
    let page = read_page(feed, &options)?;
    let markup = render_markup(page, config);
    Ok(Prerendered {
        html: element(attributes, stylesheet, &markup),
        warnings,
    })
}

/// The markup the widget's `App` component renders for `page`: what goes inside the shadow
/// root. No hydration markers: the wasm replaces this markup rather than hydrating it.
pub fn render_markup(page: Page, config: Config) -> String {
    // The renderer builds the props on its own thread; `Page` and `Config` are `Send`, the
    // props (with `Rc`s and callbacks) are made there.
    let renderer = ServerRenderer::<App>::with_props(move || AppProps {
        config,
        id_prefix: "nw".into(),
        onstatus: Callback::noop(),
        onnavigate: Callback::from(|_| true),
        onread: Callback::noop(),
        prerendered: Some(Rc::new(page)),
        early: Default::default(),
    })
    .hydratable(false);
    futures::executor::block_on(renderer.render())
}

/// `<news-widget attributes…>` with `markup` in its declarative shadow root, after the
/// stylesheet: a `<link>` by default, since a strict `style-src` refuses an inline `<style>`
/// unless the page's policy names its hash.
pub fn element(attributes: &[(&str, &str)], stylesheet: Stylesheet<'_>, markup: &str) -> String {
    let mut out = String::from("<news-widget");
    for (name, value) in attributes {
        out.push(' ');
        out.push_str(&attribute_name(name));
        out.push_str("=\"");
        out.push_str(&escape_attribute(value));
        out.push('"');
    }
    out.push_str("><template shadowrootmode=\"open\">");
    match stylesheet {
        Stylesheet::Link(href) => {
            out.push_str("<link rel=\"stylesheet\" href=\"");
            out.push_str(&escape_attribute(href));
            out.push_str("\">");
        }
        Stylesheet::Inline(css) => {
            out.push_str("<style>");
            out.push_str(css.text());
            out.push_str("</style>");
        }
    }
    out.push_str(markup);
    out.push_str("</template></news-widget>");
    out
}

/// An attribute name as HTML allows it: lowercase, without the characters that would end
/// or break the tag (whitespace, quotes, `=`, `<`, `>`, `/`, controls).
fn attribute_name(name: &str) -> String {
    name.chars()
        .filter(|c| !c.is_whitespace() && !c.is_control() && !"\"'=<>/`".contains(*c))
        .flat_map(char::to_lowercase)
        .collect()
}

/// A double-quoted attribute value: `&` and `"` escaped (and `<`, `>`, `'` for any tool
/// that reads the HTML less carefully than a browser).
pub fn escape_attribute(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for c in value.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            c => out.push(c),
        }
    }
    out
}
