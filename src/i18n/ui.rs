//! The labels, names and state messages of the widget, one table per language.

use super::Lang;
use crate::rotation::ToggleAction;

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

pub(super) fn table(lang: Lang) -> &'static Strings {
    match lang {
        Lang::ZhCn => &ZH_HANS,
        Lang::ZhHant => &ZH_HANT,
        Lang::En => &EN,
        Lang::Ja => &JA,
        Lang::Ko => &KO,
        Lang::Ar => &AR,
    }
}

/// The source page's wording; its labels use an ASCII colon with no space ("来源:中国新闻网").
static ZH_HANS: Strings = Strings {
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

/// Taiwan's and Hong Kong's usual words (載入, 投影片), in the source page's style.
static ZH_HANT: Strings = Strings {
    start_rotation: "開始輪播",
    stop_rotation: "暫停輪播",
    previous_slide: "上一組",
    next_slide: "下一組",
    carousel: "輪播",
    slide: "投影片",
    loading: "正在載入…",
    empty: "暫無內容",
    error_title: "內容載入失敗",
    retry: "重試",
    tags: "標籤:",
    image_unavailable: "圖片無法顯示",
    time_label: "時間:",
    source_label: "來源:",
    meta_separator: " ",
    sidebar: "更多新聞",
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

/// Japanese news sites label with a full-width colon (配信日時：, 出典：).
static JA: Strings = Strings {
    start_rotation: "見出しの自動切り替えを開始",
    stop_rotation: "見出しの自動切り替えを停止",
    previous_slide: "前の見出し",
    next_slide: "次の見出し",
    carousel: "カルーセル",
    slide: "スライド",
    loading: "読み込み中…",
    empty: "表示する記事はまだありません。",
    error_title: "ニュースを読み込めませんでした。",
    retry: "再試行",
    tags: "タグ：",
    image_unavailable: "画像を表示できません",
    time_label: "配信日時：",
    source_label: "出典：",
    meta_separator: "　",
    sidebar: "その他のニュース",
};

static KO: Strings = Strings {
    start_rotation: "헤드라인 자동 넘김 시작",
    stop_rotation: "헤드라인 자동 넘김 중지",
    previous_slide: "이전 헤드라인",
    next_slide: "다음 헤드라인",
    carousel: "캐러셀",
    slide: "슬라이드",
    loading: "불러오는 중…",
    empty: "아직 표시할 기사가 없습니다.",
    error_title: "뉴스를 불러오지 못했습니다.",
    retry: "다시 시도",
    tags: "태그: ",
    image_unavailable: "이미지를 표시할 수 없음",
    time_label: "입력 ",
    source_label: "출처: ",
    meta_separator: " · ",
    sidebar: "뉴스 더 보기",
};

static AR: Strings = Strings {
    start_rotation: "بدء تدوير العناوين",
    stop_rotation: "إيقاف تدوير العناوين",
    previous_slide: "العناوين السابقة",
    next_slide: "العناوين التالية",
    carousel: "عرض دوّار",
    slide: "شريحة",
    loading: "جارٍ التحميل…",
    empty: "لا توجد أخبار لعرضها بعد.",
    error_title: "تعذّر تحميل الأخبار.",
    retry: "إعادة المحاولة",
    tags: "الوسوم: ",
    image_unavailable: "الصورة غير متاحة",
    time_label: "نُشر في ",
    source_label: "المصدر: ",
    meta_separator: " · ",
    sidebar: "مزيد من الأخبار",
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
    /// Every string with its key, for the tests that check no language misses one.
    pub fn entries(&self) -> [(&'static str, &'static str); 16] {
        [
            ("start_rotation", self.start_rotation),
            ("stop_rotation", self.stop_rotation),
            ("previous_slide", self.previous_slide),
            ("next_slide", self.next_slide),
            ("carousel", self.carousel),
            ("slide", self.slide),
            ("loading", self.loading),
            ("empty", self.empty),
            ("error_title", self.error_title),
            ("retry", self.retry),
            ("tags", self.tags),
            ("image_unavailable", self.image_unavailable),
            ("time_label", self.time_label),
            ("source_label", self.source_label),
            ("meta_separator", self.meta_separator),
            ("sidebar", self.sidebar),
        ]
    }

    /// The rotation button's label: what pressing it will do (APG).
    pub fn toggle_label(&self, action: ToggleAction) -> &'static str {
        match action {
            ToggleAction::Start => self.start_rotation,
            ToggleAction::Stop => self.stop_rotation,
        }
    }

    /// The tags list's accessible name: the visible label without its colon.
    pub fn tags_name(&self) -> &'static str {
        self.tags.trim_end_matches([':', '：', ' '])
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
