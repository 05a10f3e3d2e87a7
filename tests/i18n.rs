#![cfg(not(target_arch = "wasm32"))]
//! UI strings: language resolution, both string tables, the meta line.

use news_widget::i18n::{Lang, MetaPart};
use news_widget::rotation::ToggleAction;

#[test]
fn parse_reads_the_primary_subtag_loosely() {
    #[rustfmt::skip]
    let table: &[(&str, Option<Lang>)] = &[
        ("en", Some(Lang::En)),
        ("en-US", Some(Lang::En)),
        ("EN_gb", Some(Lang::En)),
        ("  en  ", Some(Lang::En)),
        ("zh", Some(Lang::ZhCn)),
        ("zh-CN", Some(Lang::ZhCn)),
        ("zh-Hans", Some(Lang::ZhCn)),
        ("zh-TW", Some(Lang::ZhCn)),
        ("ZH_hant_HK", Some(Lang::ZhCn)),
        ("fr", None),
        ("english", None),
        ("eng", None),
        ("zho", None),
        ("", None),
        ("-en", None),
        ("e", None),
        ("中文", None),
    ];
    for (tag, expected) in table {
        assert_eq!(Lang::parse(tag), *expected, "{tag:?}");
    }
}

#[test]
fn resolve_prefers_configuration_then_feed_then_chinese() {
    #[rustfmt::skip]
    let table: &[(Option<&str>, Option<&str>, Lang)] = &[
        (Some("en"), Some("zh-CN"), Lang::En),     // configuration wins
        (Some("zh"), Some("en-US"), Lang::ZhCn),
        (None, Some("en-US"), Lang::En),           // else the feed's language
        (None, Some("zh-Hans"), Lang::ZhCn),
        (Some("fr"), Some("en"), Lang::En),        // unknown configuration falls through
        (Some(""), Some("en"), Lang::En),
        (Some("fr"), Some("de"), Lang::ZhCn),      // nothing known: zh-CN
        (None, None, Lang::ZhCn),
        (None, Some("xx"), Lang::ZhCn),
    ];
    for (configured, feed, expected) in table {
        assert_eq!(
            Lang::resolve(*configured, *feed),
            *expected,
            "{configured:?} {feed:?}"
        );
    }
}

#[test]
fn tags_for_lang_attributes() {
    assert_eq!(Lang::ZhCn.tag(), "zh-CN");
    assert_eq!(Lang::En.tag(), "en");
    // A tag round-trips through parse.
    for lang in [Lang::ZhCn, Lang::En] {
        assert_eq!(Lang::parse(lang.tag()), Some(lang));
    }
}

#[test]
fn chinese_strings_match_the_source_page() {
    let s = Lang::ZhCn.strings();
    assert_eq!(s.toggle_label(ToggleAction::Start), "开始轮播");
    assert_eq!(s.toggle_label(ToggleAction::Stop), "暂停轮播");
    assert_eq!(s.carousel, "轮播");
    assert_eq!(s.slide, "幻灯片");
    assert_eq!(s.tags, "标签:");
}

#[test]
fn english_strings() {
    let s = Lang::En.strings();
    assert_eq!(
        s.toggle_label(ToggleAction::Start),
        "Start rotating headlines"
    );
    assert_eq!(
        s.toggle_label(ToggleAction::Stop),
        "Stop rotating headlines"
    );
    assert_eq!(s.carousel, "carousel");
    assert_eq!(s.slide, "slide");
    assert_eq!(s.tags, "Tags:");
}

#[test]
fn every_string_is_present_and_distinct_per_language() {
    for lang in [Lang::ZhCn, Lang::En] {
        let s = lang.strings();
        let all = [
            s.start_rotation,
            s.stop_rotation,
            s.previous_slide,
            s.next_slide,
            s.carousel,
            s.slide,
            s.loading,
            s.empty,
            s.error_title,
            s.retry,
            s.tags,
            s.image_unavailable,
            s.time_label,
            s.source_label,
        ];
        for (i, a) in all.iter().enumerate() {
            assert!(!a.trim().is_empty(), "{lang:?} string {i} is blank");
            for b in &all[i + 1..] {
                assert_ne!(a, b, "{lang:?} uses {a:?} twice");
            }
        }
    }
}

#[test]
fn slide_label_is_n_of_m_in_both_languages() {
    assert_eq!(Lang::ZhCn.strings().slide_label(1, 4), "1 / 4");
    assert_eq!(Lang::En.strings().slide_label(16, 16), "16 / 16");
}

#[test]
fn meta_line_in_chinese_matches_the_source_page() {
    let line = Lang::ZhCn
        .strings()
        .meta_line(Some("2025-03-19 13:20:05"), Some("中国新闻网"));
    assert_eq!(
        line.time,
        Some(MetaPart {
            label: "时间:",
            value: "2025-03-19 13:20:05"
        })
    );
    assert_eq!(
        line.source,
        Some(MetaPart {
            label: "来源:",
            value: "中国新闻网"
        })
    );
    assert_eq!(line.to_text(), "时间:2025-03-19 13:20:05 来源:中国新闻网");
}

#[test]
fn meta_line_in_english() {
    let line = Lang::En
        .strings()
        .meta_line(Some("2025-03-19 13:20:05"), Some("中国新闻网"));
    assert_eq!(
        line.to_text(),
        "Published 2025-03-19 13:20:05 · Source: 中国新闻网"
    );
}

#[test]
fn meta_line_with_missing_or_blank_parts() {
    #[rustfmt::skip]
    let table: &[(Lang, Option<&str>, Option<&str>, &str)] = &[
        (Lang::ZhCn, Some("2025-03-19 13:20:05"), None, "时间:2025-03-19 13:20:05"),
        (Lang::ZhCn, None, Some("中国新闻网"), "来源:中国新闻网"),
        (Lang::ZhCn, Some("  "), Some(" 中国新闻网 "), "来源:中国新闻网"),
        (Lang::ZhCn, None, None, ""),
        (Lang::En, Some("2025-03-19 13:20:05"), None, "Published 2025-03-19 13:20:05"),
        (Lang::En, None, Some("中国新闻网"), "Source: 中国新闻网"),
        (Lang::En, Some(""), Some(""), ""),
    ];
    for (lang, time, source, text) in table {
        let line = lang.strings().meta_line(*time, *source);
        assert_eq!(line.to_text(), *text, "{lang:?} {time:?} {source:?}");
        assert_eq!(line.is_empty(), text.is_empty());
    }
}
