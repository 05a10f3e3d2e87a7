//! The partner configurator's logic (`configurator.html`): the options a partner picks, and
//! everything printed from them — the element's attributes, the snippet, the iframe variant,
//! the pre-render command, the CSP lines — plus the page's own words in zh-CN and en.
//!
//! Pure Rust, tested on the host (`tests/configurator.rs`); the page itself
//! (`src/bin/configurator-app/`) only reads the form, fetches the feed and shows these
//! strings. Nothing here is linked into the widget's own wasm (nothing there calls it).

mod csp;
mod output;
mod strings;

pub use csp::{csp_lines, image_urls, origin};
pub use output::{element, iframe, prerender_command, shell_word, snippet};
pub use strings::{advice, Text};

use crate::config::{Config, ConfigWarning, ATTRIBUTES};

/// The form: each attribute as the partner typed or chose it (`""` leaves it unset).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Options {
    /// The feed's absolute URL (the page resolves what is typed against itself).
    pub feed: String,
    /// The bundle's absolute base URL, ending in `/`: where `news-widget.js` is.
    pub bundle: String,
    pub article: String,
    pub interval: String,
    pub lang: String,
    pub theme: String,
    pub max_headlines: String,
    pub target: String,
    pub refresh: String,
    pub storage: String,
    pub layout: String,
    pub sections: String,
    pub open: String,
    pub history: String,
}

impl Options {
    /// The defaults of every attribute, for a feed and a bundle.
    pub fn new(feed: &str, bundle: &str) -> Options {
        Options {
            feed: feed.to_owned(),
            bundle: bundle.to_owned(),
            article: String::new(),
            interval: "6".to_owned(),
            lang: String::new(),
            theme: "auto".to_owned(),
            max_headlines: String::new(),
            target: "_self".to_owned(),
            refresh: "300".to_owned(),
            storage: "on".to_owned(),
            layout: "page".to_owned(),
            sections: String::new(),
            open: "in-place".to_owned(),
            history: "on".to_owned(),
        }
    }

    /// The value of attribute `name` in the form.
    pub fn get(&self, name: &str) -> &str {
        match name {
            "feed" => &self.feed,
            "article" => &self.article,
            "interval" => &self.interval,
            "lang" => &self.lang,
            "theme" => &self.theme,
            "max-headlines" => &self.max_headlines,
            "target" => &self.target,
            "refresh" => &self.refresh,
            "storage" => &self.storage,
            "layout" => &self.layout,
            "sections" => &self.sections,
            "open" => &self.open,
            "history" => &self.history,
            _ => "",
        }
    }

    /// Sets attribute `name` (one of [`ATTRIBUTES`]; others are ignored).
    pub fn set(&mut self, name: &str, value: String) {
        let field = match name {
            "feed" => &mut self.feed,
            "article" => &mut self.article,
            "interval" => &mut self.interval,
            "lang" => &mut self.lang,
            "theme" => &mut self.theme,
            "max-headlines" => &mut self.max_headlines,
            "target" => &mut self.target,
            "refresh" => &mut self.refresh,
            "storage" => &mut self.storage,
            "layout" => &mut self.layout,
            "sections" => &mut self.sections,
            "open" => &mut self.open,
            "history" => &mut self.history,
            _ => return,
        };
        *field = value;
    }

    /// The element's attributes: `feed` always, every other one only when it is valid and
    /// not the default (the widget's own rules decide both, through [`Config::apply`]), in
    /// the order of [`ATTRIBUTES`]. Invalid values are left out and returned as warnings,
    /// worded as the widget's console would word them.
    pub fn attributes(&self) -> (Vec<(&'static str, String)>, Vec<ConfigWarning>) {
        let mut attributes = Vec::new();
        let mut warnings = Vec::new();
        for name in ATTRIBUTES {
            let raw = self.get(name);
            // Item ids are compared exactly; everything else is trimmed, as the widget does.
            let value = if name == "article" { raw } else { raw.trim() };
            if name == "feed" {
                attributes.push((name, value.to_owned()));
                continue;
            }
            if value.is_empty() {
                continue;
            }
            let mut config = Config::default();
            match config.apply(name, Some(value)) {
                Some(warning) => warnings.push(warning),
                None if config != Config::default() => attributes.push((name, value.to_owned())),
                None => {}
            }
        }
        (attributes, warnings)
    }
}

/// `url` without its query and fragment, up to and including the last `/` of its path: the
/// directory the configurator page is in, which is where the bundle is.
pub fn directory_of(url: &str) -> String {
    let end = url.find(['?', '#']).unwrap_or(url.len());
    let url = &url[..end];
    match url.rfind('/') {
        // Not the `//` of `https://host`.
        Some(at) if !url[..at].ends_with('/') && !url[..at].ends_with(':') => url[..=at].to_owned(),
        _ => format!("{url}/"),
    }
}
