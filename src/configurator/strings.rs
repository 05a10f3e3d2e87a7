//! The configurator's own words, in Simplified Chinese and English, and what it tells a
//! partner whose feed cannot be fetched. The validator's findings are not translated: they
//! are `newsctl validate`'s messages, word for word, so a partner can search for them.

use crate::feed::lint::FormatFound;
use crate::i18n::Lang;
use crate::network::failure::Failure;

/// Every label and sentence of the configurator page, for one language.
#[derive(Debug)]
pub struct Text {
    pub title: &'static str,
    pub intro: &'static str,
    pub language_switch: &'static str,
    pub feed_heading: &'static str,
    pub feed_url: &'static str,
    pub feed_url_hint: &'static str,
    pub load: &'static str,
    pub loading: &'static str,
    pub bundle_url: &'static str,
    pub bundle_url_hint: &'static str,
    pub findings_heading: &'static str,
    pub no_findings: &'static str,
    pub errors: &'static str,
    pub warnings: &'static str,
    pub skipped: &'static str,
    pub summary: &'static str,
    pub format: &'static str,
    /// After the item count: one item, several items.
    pub item_one: &'static str,
    pub item_many: &'static str,
    pub fetch_failed: &'static str,
    pub options_heading: &'static str,
    pub article: &'static str,
    pub article_hint: &'static str,
    pub interval: &'static str,
    pub interval_hint: &'static str,
    pub lang: &'static str,
    pub lang_feed: &'static str,
    pub theme: &'static str,
    pub theme_auto: &'static str,
    pub theme_light: &'static str,
    pub theme_dark: &'static str,
    pub max_headlines: &'static str,
    pub max_headlines_hint: &'static str,
    pub target: &'static str,
    pub target_self: &'static str,
    pub target_blank: &'static str,
    pub refresh: &'static str,
    pub refresh_hint: &'static str,
    pub storage: &'static str,
    pub storage_on: &'static str,
    pub storage_off: &'static str,
    pub layout: &'static str,
    pub layout_page: &'static str,
    pub layout_article: &'static str,
    pub layout_headlines: &'static str,
    pub layout_list: &'static str,
    pub sections: &'static str,
    pub sections_hint: &'static str,
    pub open: &'static str,
    pub open_in_place: &'static str,
    pub open_page: &'static str,
    pub history: &'static str,
    pub history_on: &'static str,
    pub history_off: &'static str,
    pub ignored: &'static str,
    pub preview_heading: &'static str,
    pub width: &'static str,
    pub narrow: &'static str,
    pub wide: &'static str,
    pub backdrop: &'static str,
    pub light: &'static str,
    pub dark: &'static str,
    pub output_heading: &'static str,
    pub output_note: &'static str,
    pub snippet: &'static str,
    pub iframe: &'static str,
    pub iframe_note: &'static str,
    pub prerender: &'static str,
    pub csp: &'static str,
    pub csp_note: &'static str,
    pub copy: &'static str,
    pub copied: &'static str,
    pub copy_refused: &'static str,
}

impl Text {
    pub fn of(lang: Lang) -> &'static Text {
        match lang {
            // The configurator is for partners' developers: Chinese or English.
            Lang::ZhCn | Lang::ZhHant => &ZH_CN,
            _ => &EN,
        }
    }

    /// What the reader found, worded for the page: `RSS 2.0 · 20 items`, `RSS 2.0 · 20 条`.
    pub fn format_found(&self, found: &FormatFound) -> String {
        let unit = if found.items == 1 {
            self.item_one
        } else {
            self.item_many
        };
        format!("{} · {} {unit}", found.name, found.items)
    }
}

static EN: Text = Text {
    title: "news-widget configurator",
    intro: "Check your feed, choose the options, preview the widget and copy the code for your page. Everything happens in this page: nothing is sent anywhere except the request for your feed.",
    language_switch: "中文",
    feed_heading: "1. Feed",
    feed_url: "Feed URL",
    feed_url_hint: "A JSON Feed (1.0 or 1.1). Relative addresses are read against this page.",
    load: "Check feed",
    loading: "Loading the feed…",
    bundle_url: "Bundle URL",
    bundle_url_hint: "Where news-widget.js is hosted (a versioned path); the snippet and the CSP use it.",
    findings_heading: "What the validator found",
    no_findings: "No findings: the widget shows this feed as it is.",
    errors: "Errors (the widget cannot show this feed)",
    warnings: "Warnings (the widget shows the feed, but look at these)",
    skipped: "items skipped",
    summary: "The widget will show",
    format: "Format found",
    item_one: "item",
    item_many: "items",
    fetch_failed: "The feed could not be loaded",
    options_heading: "2. Options",
    article: "Article (item id)",
    article_hint: "Empty: the feed's choice (its first article).",
    interval: "Seconds per headline slide",
    interval_hint: "2 to 600; default 6.",
    lang: "Language",
    lang_feed: "Automatic: the feed's language, else the page's, else the text's script",
    theme: "Theme",
    theme_auto: "Auto (follows the reader's setting)",
    theme_light: "Light",
    theme_dark: "Dark",
    max_headlines: "Headlines per sidebar section",
    max_headlines_hint: "1 to 100; empty shows up to 100.",
    target: "Headline links open in",
    target_self: "The same tab (_self)",
    target_blank: "A new tab (_blank)",
    refresh: "Seconds between feed refreshes",
    refresh_hint: "0 (off) or 10 to 86400; default 300.",
    storage: "Keep the last good feed in the reader's browser",
    storage_on: "On",
    storage_off: "Off",
    layout: "Layout",
    layout_page: "Article beside its headlines (page)",
    layout_article: "The article alone (article)",
    layout_headlines: "Rotating headlines for a side column (headlines)",
    layout_list: "A plain list of headlines (list)",
    sections: "Sidebar sections",
    sections_hint: "Titles or positions, comma-separated (\u{201c}民生, 1\u{201d}); empty shows every section.",
    open: "A headline whose story the feed carries",
    open_in_place: "Opens in the article pane (in-place)",
    open_page: "Leaves for the story's page (page)",
    history: "Stories read in place join the browser's history",
    history_on: "On: Back returns to the previous story",
    history_off: "Off",
    ignored: "Ignored, the widget would use its default",
    preview_heading: "4. Preview",
    width: "Width",
    narrow: "Narrow (360 px)",
    wide: "Wide",
    backdrop: "Page background",
    light: "Light",
    dark: "Dark",
    output_heading: "3. Code for your page",
    output_note: "Attributes left at their defaults are not written.",
    snippet: "Snippet",
    iframe: "Iframe variant (for pages that cannot allow 'wasm-unsafe-eval')",
    iframe_note: "The iframe page does not read refresh or storage: it uses their defaults.",
    prerender: "Pre-rendered: the article in your page's HTML, before any script",
    csp: "Content-Security-Policy lines this configuration needs",
    csp_note: "Add these origins to your page's policy; no 'unsafe-inline' or 'unsafe-eval' is needed.",
    copy: "Copy",
    copied: "Copied.",
    copy_refused: "The browser refused to copy: the text is selected, press Ctrl+C (⌘C).",
};

static ZH_CN: Text = Text {
    title: "news-widget 配置器",
    intro: "检查订阅源、选择选项、预览组件,并复制放进页面的代码。一切都在本页完成:除了请求您的订阅源,不向任何地方发送任何内容。",
    language_switch: "English",
    feed_heading: "1. 订阅源",
    feed_url: "订阅源地址",
    feed_url_hint: "JSON Feed(1.0 或 1.1)。相对地址按本页地址解析。",
    load: "检查订阅源",
    loading: "正在加载订阅源…",
    bundle_url: "组件包地址",
    bundle_url_hint: "news-widget.js 所在的地址(带版本号的路径);代码和 CSP 都用它。",
    findings_heading: "校验结果",
    no_findings: "没有发现问题:组件会原样显示这个订阅源。",
    errors: "错误(组件无法显示这个订阅源)",
    warnings: "警告(组件可以显示,但请检查这些问题)",
    skipped: "条目被跳过",
    summary: "组件将显示",
    format: "识别的格式",
    item_one: "条",
    item_many: "条",
    fetch_failed: "无法加载订阅源",
    options_heading: "2. 选项",
    article: "正文(条目 id)",
    article_hint: "留空:由订阅源决定(第一篇文章)。",
    interval: "标题轮播间隔(秒)",
    interval_hint: "2 到 600;默认 6。",
    lang: "界面语言",
    lang_feed: "自动:依次跟随订阅源、页面与正文文字的语言",
    theme: "主题",
    theme_auto: "自动(跟随读者设置)",
    theme_light: "浅色",
    theme_dark: "深色",
    max_headlines: "每个侧栏栏目的标题数",
    max_headlines_hint: "1 到 100;留空最多显示 100 条。",
    target: "标题链接打开方式",
    target_self: "当前标签页(_self)",
    target_blank: "新标签页(_blank)",
    refresh: "订阅源刷新间隔(秒)",
    refresh_hint: "0(关闭)或 10 到 86400;默认 300。",
    storage: "在读者浏览器中保留上次成功加载的订阅源",
    storage_on: "开启",
    storage_off: "关闭",
    layout: "布局",
    layout_page: "正文与标题栏并排(page)",
    layout_article: "只显示正文(article)",
    layout_headlines: "侧栏轮播标题(headlines)",
    layout_list: "标题列表(list)",
    sections: "侧栏栏目",
    sections_hint: "栏目标题或序号,以逗号分隔(\u{201c}民生, 1\u{201d});留空显示全部栏目。",
    open: "信息源带有全文的标题",
    open_in_place: "在正文区打开(in-place)",
    open_page: "前往原文页面(page)",
    history: "在页内阅读的文章记入浏览器历史",
    history_on: "开启:后退回到上一篇",
    history_off: "关闭",
    ignored: "已忽略,组件将使用默认值",
    preview_heading: "4. 预览",
    width: "宽度",
    narrow: "窄(360 像素)",
    wide: "宽",
    backdrop: "页面背景",
    light: "浅色",
    dark: "深色",
    output_heading: "3. 放进页面的代码",
    output_note: "取默认值的属性不会写出。",
    snippet: "代码片段",
    iframe: "iframe 版本(适用于不能允许 'wasm-unsafe-eval' 的页面)",
    iframe_note: "iframe 页面不读取 refresh 和 storage,使用它们的默认值。",
    prerender: "预渲染:脚本运行前,正文已在页面 HTML 中",
    csp: "此配置需要的内容安全策略(CSP)",
    csp_note: "把这些来源加入页面的策略;不需要 'unsafe-inline' 或 'unsafe-eval'。",
    copy: "复制",
    copied: "已复制。",
    copy_refused: "浏览器拒绝了复制:文字已选中,请按 Ctrl+C(⌘C)。",
};

/// What the feed's server must do about `failure`, in `lang`. `cors`: the server answered
/// an opaque probe, so the browser only hid the answer (rather than no answer at all).
/// `page_origin` is this page's origin, one value `Access-Control-Allow-Origin` may take.
pub fn advice(failure: &Failure, cors: bool, lang: Lang, page_origin: &str) -> String {
    let en = lang == Lang::En;
    let allow = format!("Access-Control-Allow-Origin: * (或 {page_origin})");
    let allow_en = format!("Access-Control-Allow-Origin: * (or {page_origin})");
    match failure {
        Failure::Network if cors => {
            if en {
                format!("The server answered, but without CORS permission, so the browser hid the answer from this page, as it would from the widget on your pages. The feed's server must send the header {allow_en} with the feed.")
            } else {
                format!("服务器有应答,但没有跨域(CORS)许可,浏览器因此不让本页读取它(您页面上的组件同样读不到)。订阅源服务器必须随订阅源发送响应头 {allow}。")
            }
        }
        Failure::Network => {
            if en {
                format!("No answer at all: the address may be wrong, the server down, or its certificate invalid; or the browser blocked the answer (CORS). Check the address; a feed on another origin must be served with {allow_en}.")
            } else {
                format!("完全没有应答:地址可能有误、服务器未运行或证书无效;也可能应答被浏览器的跨域(CORS)规则拦截。请检查地址;其他来源上的订阅源必须带响应头 {allow}。")
            }
        }
        Failure::Http { status: 404 | 410 } => {
            if en {
                "There is no feed at this address. Check the URL; the server must answer 200 with the feed.".to_owned()
            } else {
                "此地址没有订阅源。请检查地址;服务器必须以 200 状态返回订阅源。".to_owned()
            }
        }
        Failure::Http { status: 401 | 403 } => {
            if en {
                "The server refuses to give the feed to a browser that has not logged in. Readers are not logged in to your server: the feed must be public.".to_owned()
            } else {
                "服务器拒绝把订阅源交给未登录的浏览器。读者并未登录您的服务器:订阅源必须公开。"
                    .to_owned()
            }
        }
        Failure::Http { .. } => {
            if en {
                "The server must answer 200 with the feed. Look at the server's logs for this request.".to_owned()
            } else {
                "服务器必须以 200 状态返回订阅源。请查看服务器关于此请求的日志。".to_owned()
            }
        }
        Failure::NotJson { html: true, .. } => {
            if en {
                "The address answers with a web page (a login page, an error page, or the site's home page). It must return the JSON Feed itself, as Content-Type: application/feed+json (or application/json).".to_owned()
            } else {
                "此地址返回的是网页(登录页、错误页或网站首页),必须返回 JSON Feed 本身,Content-Type 为 application/feed+json(或 application/json)。".to_owned()
            }
        }
        Failure::NotJson { .. } => {
            if en {
                "The answer must be JSON (see the position above), served as application/feed+json."
                    .to_owned()
            } else {
                "应答必须是 JSON(位置见上),以 application/feed+json 发送。".to_owned()
            }
        }
        Failure::NotFeed { .. } | Failure::Unreadable(_) => {
            if en {
                "The answer is JSON but not a JSON Feed the widget can show: see the errors below, and https://www.jsonfeed.org/version/1.1/.".to_owned()
            } else {
                "应答是 JSON,但不是组件能显示的 JSON Feed:请看下面的错误,以及 https://www.jsonfeed.org/version/1.1/。".to_owned()
            }
        }
        Failure::TooLarge { .. } => {
            if en {
                "Publish fewer or shorter items: the widget shows one article and a few headlines."
                    .to_owned()
            } else {
                "请减少条目数量或缩短内容:组件只显示一篇正文和若干标题。".to_owned()
            }
        }
        Failure::TimedOut { .. } | Failure::Interrupted => {
            if en {
                "The server must send the whole feed within 10 s; serve it as a static file or from a cache.".to_owned()
            } else {
                "服务器必须在 10 秒内发送完整的订阅源;请以静态文件或缓存提供。".to_owned()
            }
        }
        Failure::Offline => {
            if en {
                "This browser is offline; try again when it is connected.".to_owned()
            } else {
                "本浏览器处于离线状态;联网后再试。".to_owned()
            }
        }
    }
}
