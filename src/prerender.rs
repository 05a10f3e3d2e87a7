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

/// Reads `feed` as the widget would fetch it with these element attributes (`feed`, `lang`,
/// `theme`, `article`, `max-headlines`, …) and renders the element. `stylesheet` is the
/// `href` of the bundle's `news-widget.css`, as the page will resolve it.
///
/// Relative URLs inside the feed resolve against the `feed` attribute, as in the browser.
/// `Err` when the feed cannot be shown at all (the widget would show its error state).
pub fn prerender(
    feed: &[u8],
    attributes: &[(&str, &str)],
    stylesheet: &str,
) -> Result<Prerendered, FeedError> {
    let (config, warnings) = Config::from_attributes(attributes.iter().copied());
    let options = ReadOptions {
        base_url: Some(&config.feed),
        article_id: config.article.as_deref(),
        max_headlines: config.max_headlines,
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
        prerendered: Some(Rc::new(page)),
        early: Default::default(),
    })
    .hydratable(false);
    futures::executor::block_on(renderer.render())
}

/// `<news-widget attributes…>` with `markup` in its declarative shadow root, after a
/// `<link>` to the stylesheet (a strict `style-src` would refuse an inline `<style>`).
pub fn element(attributes: &[(&str, &str)], stylesheet: &str, markup: &str) -> String {
    let mut out = String::from("<news-widget");
    for (name, value) in attributes {
        out.push(' ');
        out.push_str(&attribute_name(name));
        out.push_str("=\"");
        out.push_str(&escape_attribute(value));
        out.push('"');
    }
    out.push_str("><template shadowrootmode=\"open\"><link rel=\"stylesheet\" href=\"");
    out.push_str(&escape_attribute(stylesheet));
    out.push_str("\">");
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
