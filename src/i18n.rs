//! The widget's own UI strings, in Simplified Chinese and English.
//!
//! Feed content is shown as written; only the words the widget adds (button labels, state
//! messages, the time and source labels) are translated. The language is chosen by
//! [`Lang::resolve`]: the `lang` attribute, else the feed's `language`, else zh-CN.

use crate::rotation::ToggleAction;

/// A UI language of the widget.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Lang {
    /// Simplified Chinese, the language of the page the widget was modelled on.
    #[default]
    ZhCn,
    /// English.
    En,
}

impl Lang {
    /// Reads a BCP 47 tag loosely by its primary subtag, ignoring case and accepting `_`:
    /// `en`, `en-US`, `EN_gb` → English; `zh`, `zh-CN`, `zh-Hans`, `zh-TW` → Chinese (only
    /// Simplified strings exist, which Traditional readers can still read). `None` otherwise.
    pub fn parse(tag: &str) -> Option<Lang> {
        let primary = tag.trim().split(['-', '_']).next().unwrap_or("");
        if primary.eq_ignore_ascii_case("zh") {
            Some(Lang::ZhCn)
        } else if primary.eq_ignore_ascii_case("en") {
            Some(Lang::En)
        } else {
            None
        }
    }

    /// The configured language if recognised, else the feed's, else zh-CN.
    pub fn resolve(configured: Option<&str>, feed_language: Option<&str>) -> Lang {
        configured
            .and_then(Lang::parse)
            .or_else(|| feed_language.and_then(Lang::parse))
            .unwrap_or_default()
    }

    /// The tag for `lang` attributes: `"zh-CN"` or `"en"`.
    pub fn tag(&self) -> &'static str {
        match self {
            Lang::ZhCn => "zh-CN",
            Lang::En => "en",
        }
    }

    /// The UI strings of this language.
    pub fn strings(&self) -> &'static Strings {
        match self {
            Lang::ZhCn => &ZH_CN,
            Lang::En => &EN,
        }
    }
}

/// Every string the widget shows or announces on its own, for one language.
#[derive(Debug)]
pub struct Strings {
    /// The rotation button's label when pressing it starts rotation.
    pub start_rotation: &'static str,
    /// The rotation button's label when pressing it stops rotation.
    pub stop_rotation: &'static str,
    /// Label of the button showing the previous slide.
    pub previous_slide: &'static str,
    /// Label of the button showing the next slide.
    pub next_slide: &'static str,
    /// `aria-roledescription` of a rotating section.
    pub carousel: &'static str,
    /// `aria-roledescription` of one slide.
    pub slide: &'static str,
    /// Shown (and announced) while the feed loads.
    pub loading: &'static str,
    /// Shown when the feed has nothing to display.
    pub empty: &'static str,
    /// Heading of the error state.
    pub error_title: &'static str,
    /// The error state's retry button.
    pub retry: &'static str,
    /// Precedes the article's tags.
    pub tags: &'static str,
    /// Stands in for a photo that failed to load (its caption stays).
    pub image_unavailable: &'static str,
    /// Precedes the publication time in the meta line.
    pub time_label: &'static str,
    /// Precedes the source in the meta line.
    pub source_label: &'static str,
    /// Goes between the time and the source when both are shown.
    pub meta_separator: &'static str,
    /// Accessible name of the sidebar landmark.
    pub sidebar: &'static str,
}

/// The source page's wording; its labels use an ASCII colon with no space ("来源:中国新闻网").
static ZH_CN: Strings = Strings {
    start_rotation: "开始轮播",
    stop_rotation: "暂停轮播",
    previous_slide: "上一组",
    next_slide: "下一组",
    carousel: "轮播",
    slide: "幻灯片",
    loading: "正在加载…",
    empty: "暂无内容",
    error_title: "内容加载失败",
    retry: "重试",
    tags: "标签:",
    image_unavailable: "图片无法显示",
    time_label: "时间:",
    source_label: "来源:",
    meta_separator: " ",
    sidebar: "更多新闻",
};

static EN: Strings = Strings {
    start_rotation: "Start rotating headlines",
    stop_rotation: "Stop rotating headlines",
    previous_slide: "Previous headlines",
    next_slide: "Next headlines",
    carousel: "carousel",
    slide: "slide",
    loading: "Loading…",
    empty: "No stories to show yet.",
    error_title: "The news could not be loaded.",
    retry: "Try again",
    tags: "Tags:",
    image_unavailable: "Image unavailable",
    time_label: "Published ",
    source_label: "Source: ",
    meta_separator: " · ",
    sidebar: "More news",
};

/// One labelled part of the meta line: `label` is UI text, `value` comes from the feed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct MetaPart<'a> {
    pub label: &'static str,
    pub value: &'a str,
}

/// The line under the headline, in parts so the component can mark them up (the time in a
/// `<time>` element). Render `time`, then `separator` if both are present, then `source`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct MetaLine<'a> {
    pub time: Option<MetaPart<'a>>,
    pub source: Option<MetaPart<'a>>,
    pub separator: &'static str,
}

impl MetaLine<'_> {
    /// True when there is neither a time nor a source: render no line at all.
    pub fn is_empty(&self) -> bool {
        self.time.is_none() && self.source.is_none()
    }

    /// The line as plain text, e.g. `时间:2025-03-19 13:20:05 来源:中国新闻网`.
    pub fn to_text(&self) -> String {
        let part = |p: Option<MetaPart>| p.map(|p| [p.label, p.value].concat());
        match (part(self.time), part(self.source)) {
            (Some(time), Some(source)) => [time.as_str(), self.separator, &source].concat(),
            (Some(one), None) | (None, Some(one)) => one,
            (None, None) => String::new(),
        }
    }
}

impl Strings {
    /// The rotation button's label: what pressing it will do (APG).
    pub fn toggle_label(&self, action: ToggleAction) -> &'static str {
        match action {
            ToggleAction::Start => self.start_rotation,
            ToggleAction::Stop => self.stop_rotation,
        }
    }

    /// `aria-label` of a slide: `"2 / 4"` for the second of four (1-based), in any language.
    pub fn slide_label(&self, position: usize, total: usize) -> String {
        format!("{position} / {total}")
    }

    /// The time and source line. Blank values are left out rather than shown as a bare label.
    pub fn meta_line<'a>(&self, time: Option<&'a str>, source: Option<&'a str>) -> MetaLine<'a> {
        let part = |label, value: Option<&'a str>| {
            let value = value?.trim();
            (!value.is_empty()).then_some(MetaPart { label, value })
        };
        MetaLine {
            time: part(self.time_label, time),
            source: part(self.source_label, source),
            separator: self.meta_separator,
        }
    }
}

/// The words of the network states: the "possibly out of date" mark and one message per way
/// a feed request can end (see [`crate::network::failure::Failure::message`]). `{}` is the
/// detail (status, reader's message, size in MB), `{url}` the feed URL.
#[derive(Debug)]
pub struct NetworkStrings {
    /// The small mark beside content kept after a failed update.
    pub stale: &'static str,
    /// The mark's accessible label, saying why.
    pub stale_label: &'static str,
    pub http_status: &'static str,
    pub html_page: &'static str,
    pub not_json: &'static str,
    pub not_feed: &'static str,
    pub too_large: &'static str,
    /// `{attempts}` and `{seconds}` instead of `{}`.
    pub timed_out: &'static str,
    pub offline: &'static str,
    pub network: &'static str,
    pub interrupted: &'static str,
}

static ZH_CN_NETWORK: NetworkStrings = NetworkStrings {
    stale: "可能不是最新",
    stale_label: "内容可能不是最新:最近一次更新失败",
    http_status: "订阅源服务器返回错误 HTTP {}({url})",
    html_page: "订阅源地址返回的是网页(HTML),不是订阅源({url})",
    not_json: "订阅源不是有效的 JSON:{}({url})",
    not_feed: "该文件不是可用的订阅源(JSON Feed、RSS 或 Atom):{}({url})",
    too_large: "订阅源大于 {} MB,未加载({url})",
    timed_out: "订阅源服务器响应超时:{seconds} 秒内尝试 {attempts} 次({url})",
    offline: "网络已断开,连接恢复后将自动加载({url})",
    network: "无法连接订阅源服务器:连接失败,或被服务器的跨域(CORS)设置阻止({url})",
    interrupted: "订阅源下载中断,内容不完整({url})",
};

static EN_NETWORK: NetworkStrings = NetworkStrings {
    stale: "May be out of date",
    stale_label: "These stories may be out of date: the latest update failed",
    http_status: "The feed server answered with an error: HTTP {} ({url})",
    html_page: "The feed address returned a web page (HTML), not a feed ({url})",
    not_json: "The feed is not valid JSON: {} ({url})",
    not_feed: "The file is not a usable news feed (JSON Feed, RSS or Atom): {} ({url})",
    too_large: "The feed is larger than {} MB and was not loaded ({url})",
    timed_out: "The feed server did not answer in time: {attempts} attempts in {seconds} s ({url})",
    offline: "You are offline; the news will load when the connection is back ({url})",
    network: "The feed server could not be reached: the connection failed or the server's CORS settings block this page ({url})",
    interrupted: "The feed download broke off before it was complete ({url})",
};

impl Lang {
    /// The network states' strings of this language.
    pub fn network_strings(&self) -> &'static NetworkStrings {
        match self {
            Lang::ZhCn => &ZH_CN_NETWORK,
            Lang::En => &EN_NETWORK,
        }
    }
}
