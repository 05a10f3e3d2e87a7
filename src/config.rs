//! The `<news-widget>` element's attributes, read into a typed [`Config`].
//!
//! A partner's typo must never break the widget: an invalid value is ignored (the default is
//! used) and reported as a [`ConfigWarning`] naming the attribute, the value and what is
//! accepted. Attribute names are matched case-insensitively; other attributes (`class`,
//! `id`, `style`, …) belong to the host page and are ignored silently. An empty value counts
//! as a missing attribute, because templates often render unset options as `attr=""`.
//!
//! | attribute       | accepted                                        | default            |
//! |-----------------|-------------------------------------------------|--------------------|
//! | `feed`          | URL of a JSON Feed, relative to the page        | `feed.json`        |
//! | `article`       | `id` of the item to show as the article         | first article      |
//! | `interval`      | seconds between slides, 2 to 600, e.g. `7.5`    | `6`                |
//! | `lang`          | `zh`, `zh-CN`, `en`, `en-US`, … (any zh/en tag) | feed's, else zh-CN |
//! | `theme`         | `light`, `dark`, `auto`                         | `auto`             |
//! | `max-headlines` | whole number 1 to 100, per sidebar section      | 100                |
//! | `target`        | `_self`, `_blank` (for headline links)          | `_self`            |
//! | `refresh`       | seconds between feed refreshes, 10 to 86400; `0` turns refresh off | `300` |
//! | `storage`       | `on`, `off`: keep the last good feed in `localStorage` | `on`        |
//! | `layout`        | `page`, `article`, `headlines`, `list`          | `page`             |
//! | `sections`      | sidebar sections to show, in order: titles or 1-based positions, comma-separated | all |
//! | `open`          | `in-place` (a headline with a body opens in the article pane), `page` | `in-place` |
//! | `history`       | `on`, `off`: stories read in place get history entries | `on`          |

use crate::i18n::Lang;
use std::fmt;

/// The attributes the element reads, for the custom element's `observedAttributes`.
pub const ATTRIBUTES: [&str; 13] = [
    "feed",
    "article",
    "interval",
    "lang",
    "theme",
    "max-headlines",
    "target",
    "refresh",
    "storage",
    "layout",
    "sections",
    "open",
    "history",
];

/// Default seconds between feed refreshes (the `refresh` attribute).
pub const REFRESH_DEFAULT_S: u32 = 300;
/// Shortest refresh interval accepted, in seconds: enough for a live page, while a widget on
/// thousands of pages cannot hammer the feed server (refreshes are conditional requests,
/// and pause while the widget is hidden or scrolled away).
pub const REFRESH_MIN_S: u32 = 10;
/// Longest refresh interval accepted, in seconds (one day).
pub const REFRESH_MAX_S: u32 = 86_400;

/// Colour scheme of the widget.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Theme {
    Light,
    Dark,
    /// Follows the reader's `prefers-color-scheme`.
    #[default]
    Auto,
}

impl Theme {
    /// The attribute value naming this theme, also usable as a CSS hook.
    pub fn as_str(&self) -> &'static str {
        match self {
            Theme::Light => "light",
            Theme::Dark => "dark",
            Theme::Auto => "auto",
        }
    }
}

/// Where headline links open.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum LinkTarget {
    /// `_self`: the current browsing context.
    #[default]
    SameTab,
    /// `_blank`: a new tab (the shell adds `rel="noopener"`).
    NewTab,
}

impl LinkTarget {
    /// The value for the links' `target` attribute.
    pub fn as_str(&self) -> &'static str {
        match self {
            LinkTarget::SameTab => "_self",
            LinkTarget::NewTab => "_blank",
        }
    }
}

/// Which parts of the widget show, for the place a partner gives it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Layout {
    /// The article beside its sidebar of rotating headlines.
    #[default]
    Page,
    /// The article alone: a syndicated story inside the partner's own page.
    Article,
    /// The sidebar's rotating sections alone, for a side column from 240 px.
    Headlines,
    /// Every section's headlines as a plain list with times and thumbnails, no rotation.
    List,
}

impl Layout {
    pub const ALL: [Layout; 4] = [
        Layout::Page,
        Layout::Article,
        Layout::Headlines,
        Layout::List,
    ];

    /// The attribute value, also the root's CSS hook (`nw-layout-page`, …).
    pub fn as_str(&self) -> &'static str {
        match self {
            Layout::Page => "page",
            Layout::Article => "article",
            Layout::Headlines => "headlines",
            Layout::List => "list",
        }
    }

    /// Whether this layout shows an article (else every item is a headline).
    pub fn shows_article(&self) -> bool {
        matches!(self, Layout::Page | Layout::Article)
    }

    /// Whether this layout shows headline sections.
    pub fn shows_sections(&self) -> bool {
        !matches!(self, Layout::Article)
    }
}

/// One widget's configuration. `Default` is what an element without attributes gets.
#[derive(Clone, Debug, PartialEq)]
pub struct Config {
    /// Feed URL as written; resolved against the page by the fetch.
    pub feed: String,
    /// Item `id` to show as the article; `None` lets the view model pick.
    pub article: Option<String>,
    /// Time each slide shows, in milliseconds (2 000 to 600 000).
    pub interval_ms: u32,
    /// UI language chosen by the partner; `None` follows the feed (see [`Config::language`]).
    pub lang: Option<Lang>,
    /// The host page's `<html lang>`, when the widget speaks it: read by the shell, not an
    /// attribute of the element.
    pub page_lang: Option<Lang>,
    pub theme: Theme,
    /// Most headlines shown per sidebar section (1 to 100); `None` shows up to [`crate::feed::DEFAULT_MAX_HEADLINES`].
    pub max_headlines: Option<usize>,
    pub target: LinkTarget,
    /// Seconds between feed refreshes ([`REFRESH_MIN_S`] to [`REFRESH_MAX_S`]); 0 is off.
    pub refresh_s: u32,
    /// Whether the last good feed is kept in `localStorage` (see `network::stored`).
    pub storage: bool,
    pub layout: Layout,
    /// Sections to show, in this order (titles or 1-based positions); empty shows all.
    pub sections: Vec<String>,
    /// Whether a headline whose story the feed carries opens in the article pane.
    pub open_in_place: bool,
    /// Whether stories read in place push history entries (Back returns to the last one).
    pub history: bool,
}

/// Headlines per section when the partner sets no `max-headlines`: the attribute's own upper
/// bound (20 slides). A feed of 5,000 items would otherwise put a carousel of 1,000 slides that
/// nobody can page through in the DOM (≈ 130 ms of the first render in Chromium, `make bench`).
/// The reader itself keeps every item (`newsctl validate` counts them all).
pub const DEFAULT_MAX_HEADLINES: usize = 100;

impl Default for Config {
    fn default() -> Self {
        Config {
            feed: "feed.json".to_owned(),
            article: None,
            interval_ms: 6_000,
            lang: None,
            page_lang: None,
            theme: Theme::Auto,
            max_headlines: Some(DEFAULT_MAX_HEADLINES),
            target: LinkTarget::SameTab,
            refresh_s: REFRESH_DEFAULT_S,
            storage: true,
            layout: Layout::Page,
            sections: Vec::new(),
            open_in_place: true,
            history: true,
        }
    }
}

/// An attribute value that was ignored. `Display` gives the console message, e.g.
/// `news-widget: ignoring interval="0.5": expected seconds between 2 and 600; using 6`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConfigWarning {
    /// The attribute's name, lowercase.
    pub attribute: &'static str,
    /// The value as the partner wrote it.
    pub value: String,
    /// What the attribute accepts.
    pub expected: &'static str,
    /// What is used instead.
    pub fallback: &'static str,
}

impl fmt::Display for ConfigWarning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // The cut keeps a pasted blob from flooding the console.
        let mut shown: String = self.value.chars().take(80).collect();
        if shown.len() < self.value.len() {
            shown.push('…');
        }
        f.write_str(
            &[
                "news-widget: ignoring ",
                self.attribute,
                "=",
                &quoted(&shown),
                ": expected ",
                self.expected,
                "; using ",
                self.fallback,
            ]
            .concat(),
        )
    }
}

/// `value` in double quotes, with quotes, backslashes, control characters and invisible
/// formatting characters escaped as Rust's `{:?}` writes them, so the console shows exactly
/// what was written. `{:?}` itself would bring Unicode printability tables into the wasm.
fn quoted(value: &str) -> String {
    let mut out = String::from("\"");
    for c in value.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\0' => out.push_str("\\0"),
            c if c.is_control()
                || matches!(c, '\u{AD}' | '\u{200B}'..='\u{200F}' | '\u{2028}'..='\u{202E}'
                    | '\u{2060}'..='\u{2069}' | '\u{FEFF}') =>
            {
                out.push_str("\\u{");
                let code = c as u32;
                let digits = (32 - code.leading_zeros()).div_ceil(4).max(1);
                for shift in (0..digits).rev() {
                    let nibble = (code >> (shift * 4)) & 0xF;
                    out.push(char::from_digit(nibble, 16).unwrap_or('0'));
                }
                out.push('}');
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

impl Config {
    /// The configuration for an element's attributes (name, value pairs in any order), with
    /// a warning for each ignored value. A repeated attribute takes its last value.
    pub fn from_attributes<'a>(
        attrs: impl IntoIterator<Item = (&'a str, &'a str)>,
    ) -> (Config, Vec<ConfigWarning>) {
        let mut config = Config::default();
        let warnings = attrs
            .into_iter()
            .filter_map(|(name, value)| config.apply(name, Some(value)))
            .collect();
        (config, warnings)
    }

    /// Applies one attribute change (`None`: the attribute was removed, so its default
    /// returns). An invalid value also restores the default, so the configuration always
    /// follows the element's current attributes, and returns a warning.
    pub fn apply(&mut self, name: &str, value: Option<&str>) -> Option<ConfigWarning> {
        let name = *ATTRIBUTES.iter().find(|a| a.eq_ignore_ascii_case(name))?;
        let raw = value.filter(|v| !v.is_empty());
        // HTML strips ASCII whitespace around URLs and keywords; an all-blank value is unset.
        let trimmed = raw.map(str::trim_ascii).filter(|v| !v.is_empty());
        let d = Config::default();
        let valid = match name {
            "feed" => {
                self.feed = trimmed.map_or(d.feed, str::to_owned);
                true
            }
            // Item ids are compared exactly, so they are not trimmed.
            "article" => {
                self.article = raw.map(str::to_owned);
                true
            }
            "interval" => set(
                &mut self.interval_ms,
                trimmed,
                d.interval_ms,
                parse_interval,
            ),
            "lang" => set(&mut self.lang, trimmed, d.lang, |v| {
                Lang::parse(v).map(Some)
            }),
            "theme" => set(&mut self.theme, trimmed, d.theme, parse_theme),
            "max-headlines" => set(&mut self.max_headlines, trimmed, d.max_headlines, |v| {
                v.parse().ok().filter(|n| (1..=100).contains(n)).map(Some)
            }),
            "refresh" => set(&mut self.refresh_s, trimmed, d.refresh_s, parse_refresh),
            "storage" => set(&mut self.storage, trimmed, d.storage, parse_switch),
            "layout" => set(&mut self.layout, trimmed, d.layout, parse_layout),
            "sections" => {
                self.sections = trimmed.map_or(d.sections, parse_sections);
                true
            }
            "open" => set(&mut self.open_in_place, trimmed, d.open_in_place, |v| {
                parse_keyword(v, &[("in-place", true), ("page", false)])
            }),
            "history" => set(&mut self.history, trimmed, d.history, parse_switch),
            _ => set(&mut self.target, trimmed, d.target, parse_target),
        };
        if valid {
            return None;
        }
        let (expected, fallback) = match name {
            "interval" => ("seconds between 2 and 600", "6"),
            "lang" => (
                "a tag of zh-Hans, zh-Hant, en, ja, ko or ar (zh-CN, zh-HK, en-GB, ja-JP …)",
                "the feed's language",
            ),
            "theme" => ("light, dark or auto", "auto"),
            "max-headlines" => ("a whole number from 1 to 100", "100 headlines"),
            "refresh" => ("0 (off) or whole seconds from 10 to 86400", "300"),
            "storage" | "history" => ("on or off", "on"),
            "layout" => ("page, article, headlines or list", "page"),
            "open" => ("in-place or page", "in-place"),
            _ => ("_self or _blank", "_self"),
        };
        Some(ConfigWarning {
            attribute: name,
            value: value.unwrap_or_default().to_owned(),
            expected,
            fallback,
        })
    }

    /// The UI language: the `lang` attribute if given, else the feed's `language`, else the
    /// host page's, else the one `content_language` (read from the script) names, else
    /// zh-CN.
    pub fn language(&self, feed_language: Option<&str>, content_language: Option<&str>) -> Lang {
        self.lang
            .or_else(|| feed_language.and_then(Lang::parse))
            .or(self.page_lang)
            .or_else(|| content_language.and_then(Lang::parse))
            .unwrap_or_default()
    }
}

/// Sets `field` from `value`, or to its default when the value is missing or invalid;
/// returns false only for an invalid value.
fn set<T>(
    field: &mut T,
    value: Option<&str>,
    default: T,
    parse: impl Fn(&str) -> Option<T>,
) -> bool {
    let parsed = value.map(parse);
    let valid = !matches!(parsed, Some(None));
    *field = parsed.flatten().unwrap_or(default);
    valid
}

/// Seconds with an optional fraction (`6`, `7.5`, `.5`) to milliseconds, if within 2–600 s.
/// Integer arithmetic only: float parsing would add kilobytes to the wasm.
fn parse_interval(v: &str) -> Option<u32> {
    let (whole, fraction) = v.split_once('.').unwrap_or((v, ""));
    let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if whole.len() + fraction.len() == 0 || !digits(whole) || !digits(fraction) {
        return None;
    }
    let mut ms: u32 = 0;
    for b in whole.bytes() {
        ms = ms.checked_mul(10)?.checked_add(u32::from(b - b'0'))?;
    }
    ms = ms.checked_mul(1000)?;
    for (b, scale) in fraction.bytes().zip([100, 10, 1]) {
        ms = ms.checked_add(u32::from(b - b'0') * scale)?;
    }
    // Digits past milliseconds are dropped, but any of them still puts 600 s over the limit.
    let beyond_ms = fraction.bytes().skip(3).any(|b| b != b'0');
    (ms >= 2_000 && (ms < 600_000 || ms == 600_000 && !beyond_ms)).then_some(ms)
}

/// Whole seconds: 0 (off) or within the refresh bounds.
fn parse_refresh(v: &str) -> Option<u32> {
    if v.is_empty() || v.len() > 9 || !v.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let seconds: u32 = v.parse().ok()?;
    (seconds == 0 || (REFRESH_MIN_S..=REFRESH_MAX_S).contains(&seconds)).then_some(seconds)
}

fn parse_switch(v: &str) -> Option<bool> {
    if v.eq_ignore_ascii_case("on") {
        Some(true)
    } else if v.eq_ignore_ascii_case("off") {
        Some(false)
    } else {
        None
    }
}

fn parse_keyword<T: Copy>(v: &str, table: &[(&str, T)]) -> Option<T> {
    table
        .iter()
        .find(|(name, _)| name.eq_ignore_ascii_case(v))
        .map(|&(_, value)| value)
}

fn parse_layout(v: &str) -> Option<Layout> {
    Layout::ALL
        .into_iter()
        .find(|l| l.as_str().eq_ignore_ascii_case(v))
}

/// Comma-separated names, each trimmed; empty names dropped (a trailing comma is harmless).
fn parse_sections(v: &str) -> Vec<String> {
    v.split(',')
        .map(str::trim)
        .filter(|name| !name.is_empty())
        .map(str::to_owned)
        .collect()
}

fn parse_theme(v: &str) -> Option<Theme> {
    [Theme::Light, Theme::Dark, Theme::Auto]
        .into_iter()
        .find(|t| t.as_str().eq_ignore_ascii_case(v))
}

fn parse_target(v: &str) -> Option<LinkTarget> {
    [LinkTarget::SameTab, LinkTarget::NewTab]
        .into_iter()
        .find(|t| t.as_str().eq_ignore_ascii_case(v))
}
