#![cfg(not(target_arch = "wasm32"))]
//! UI strings: language matching and resolution, direction, every string table, dates,
//! the meta line, failure messages in one language.

use news_widget::i18n::{Lang, MetaPart};
use news_widget::rotation::ToggleAction;

#[test]
fn parse_matches_bcp47_tags_by_language_script_and_region() {
    #[rustfmt::skip]
    let table: &[(&str, Option<Lang>)] = &[
        ("en", Some(Lang::En)),
        ("en-US", Some(Lang::En)),
        ("en-GB", Some(Lang::En)),
        ("EN_gb", Some(Lang::En)),
        ("  en  ", Some(Lang::En)),
        ("zh", Some(Lang::ZhCn)),
        ("zh-CN", Some(Lang::ZhCn)),
        ("zh-SG", Some(Lang::ZhCn)),
        ("zh-Hans", Some(Lang::ZhCn)),
        ("zh-hans-cn", Some(Lang::ZhCn)),
        // The region says Traditional unless a script says otherwise.
        ("zh-TW", Some(Lang::ZhHant)),
        ("zh-HK", Some(Lang::ZhHant)),
        ("zh-mo", Some(Lang::ZhHant)),
        ("zh-Hant", Some(Lang::ZhHant)),
        ("zh-Hant-HK", Some(Lang::ZhHant)),
        ("ZH_hant_HK", Some(Lang::ZhHant)),
        ("zh-Hant-CN", Some(Lang::ZhHant)),
        ("zh-Hans-HK", Some(Lang::ZhCn)),
        ("yue-HK", Some(Lang::ZhHant)),
        ("ja", Some(Lang::Ja)),
        ("ja-JP", Some(Lang::Ja)),
        ("JA-jp", Some(Lang::Ja)),
        ("ko", Some(Lang::Ko)),
        ("ko-KR", Some(Lang::Ko)),
        ("ar", Some(Lang::Ar)),
        ("ar-EG", Some(Lang::Ar)),
        ("ar-Arab-SA", Some(Lang::Ar)),
        ("fr", None),
        ("he", None),
        ("english", None),
        ("", None),
        ("-", None),
        ("zhx", None),
        ("jap", None),
    ];
    for (tag, expected) in table {
        assert_eq!(Lang::parse(tag), *expected, "{tag:?}");
    }
}

#[test]
fn resolution_order_attribute_feed_page_script() {
    #[rustfmt::skip]
    let table: &[([Option<&str>; 4], Lang)] = &[
        ([Some("zh-HK"), Some("en"), Some("ja"), Some("ko")], Lang::ZhHant), // the attribute wins
        ([None, Some("ar"), Some("ja"), Some("ko")], Lang::Ar),              // else the feed's
        ([None, None, Some("ja-JP"), Some("ko")], Lang::Ja),                 // else the page's
        ([None, None, None, Some("ko")], Lang::Ko),                          // else the script's
        ([None, None, None, None], Lang::ZhCn),                              // else zh-CN
        // A language the widget does not speak falls through to the next.
        ([Some("fr"), Some("de"), Some("en-GB"), None], Lang::En),
        ([Some(""), None, None, Some("")], Lang::ZhCn),
        ([None, Some("xx"), None, Some("ja")], Lang::Ja),
    ];
    for (candidates, expected) in table {
        assert_eq!(Lang::resolve(*candidates), *expected, "{candidates:?}");
    }
}

#[test]
fn config_resolves_in_the_same_order() {
    use news_widget::config::Config;
    let attribute = |tag: &str| Config::from_attributes([("lang", tag)]).0;
    let page = |lang| Config {
        page_lang: Some(lang),
        ..Config::default()
    };
    #[rustfmt::skip]
    let table: &[(Config, Option<&str>, Option<&str>, Lang)] = &[
        (attribute("zh-HK"), Some("en"), Some("ja"), Lang::ZhHant),
        (page(Lang::Ja), Some("ar"), Some("ko"), Lang::Ar),
        (page(Lang::Ja), Some("fr"), Some("ko"), Lang::Ja),
        (page(Lang::Ja), None, Some("ko"), Lang::Ja),
        (Config::default(), None, Some("ko"), Lang::Ko),
        (Config::default(), None, Some(""), Lang::ZhCn),
        (Config::default(), None, None, Lang::ZhCn),
    ];
    for (config, feed, content, expected) in table {
        assert_eq!(
            config.language(*feed, *content),
            *expected,
            "{config:?} {feed:?} {content:?}"
        );
    }
}

#[test]
fn direction_of_languages_and_tags() {
    for lang in Lang::ALL {
        let want = if lang == Lang::Ar { "rtl" } else { "ltr" };
        assert_eq!(lang.dir(), want, "{lang:?}");
    }
    #[rustfmt::skip]
    let table: &[(&str, Option<&str>)] = &[
        ("ar", Some("rtl")), ("ar-EG", Some("rtl")), ("he", Some("rtl")), ("iw", Some("rtl")),
        ("fa-IR", Some("rtl")), ("UR", Some("rtl")), ("yi", Some("rtl")),
        ("az-Arab", Some("rtl")), ("pa-Arab-PK", Some("rtl")), ("jrb-Hebr", Some("rtl")),
        ("en", Some("ltr")), ("zh-CN", Some("ltr")), ("ja", Some("ltr")), ("az-Latn", Some("ltr")),
        ("ara", Some("ltr")),
        ("", None), ("  ", None),
    ];
    for (tag, want) in table {
        assert_eq!(news_widget::i18n::dir_of(tag), *want, "{tag:?}");
    }
}

#[test]
fn tags_for_lang_attributes() {
    assert_eq!(Lang::ZhCn.tag(), "zh-CN");
    assert_eq!(Lang::ZhHant.tag(), "zh-Hant");
    assert_eq!(Lang::En.tag(), "en");
    // A tag round-trips through parse.
    for lang in Lang::ALL {
        assert_eq!(Lang::parse(lang.tag()), Some(lang));
    }
}

/// Each key's placeholders must be the same in every language, or a message would lose its
/// URL or count in one of them.
fn placeholders(text: &str) -> Vec<&str> {
    let mut found: Vec<&str> = [
        "{}",
        "{url}",
        "{attempts}",
        "{seconds}",
        "{line}",
        "{column}",
        "{path}",
    ]
    .into_iter()
    .filter(|p| text.contains(p))
    .collect();
    found.sort_unstable();
    found
}

#[test]
fn no_key_is_missing_in_any_language() {
    let reference = Lang::En;
    let ui = reference.strings().entries();
    let network = reference.network_strings().entries();
    for lang in Lang::ALL {
        let strings = lang.strings().entries();
        let net = lang.network_strings().entries();
        assert_eq!(strings.len(), ui.len());
        assert_eq!(net.len(), network.len());
        for ((key, text), (_, en)) in strings.iter().zip(&ui).chain(net.iter().zip(&network)) {
            // The separator may be a space; nothing else may be blank.
            let blank = if *key == "meta_separator" {
                text.is_empty()
            } else {
                text.trim().is_empty()
            };
            assert!(!blank, "{lang:?} has no {key}");
            assert_eq!(
                placeholders(text),
                placeholders(en),
                "{lang:?} {key}: {text:?}"
            );
        }
        // The labels a reader tells apart must differ.
        for (i, (key, a)) in strings.iter().enumerate().take(14) {
            for (other, b) in &strings[i + 1..14] {
                assert_ne!(a, b, "{lang:?}: {key} and {other} are both {a:?}");
            }
        }
    }
}

#[test]
fn every_language_but_english_and_chinese_has_its_own_words() {
    // A table copied from another language and left untranslated shows up here.
    for (i, a) in Lang::ALL.iter().enumerate() {
        for b in &Lang::ALL[i + 1..] {
            let same = a
                .strings()
                .entries()
                .iter()
                .zip(b.strings().entries())
                .filter(|(x, y)| x.1 == y.1 && x.1.trim().len() > 3)
                .count();
            // zh-Hans and zh-Hant share characters, not labels.
            assert!(same == 0, "{a:?} and {b:?} share {same} labels");
        }
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

#[test]
fn publication_times_per_language() {
    let t = news_widget::timestamp::Timestamp::parse("2025-03-09T08:05:07+08:00").unwrap();
    #[rustfmt::skip]
    let table: &[(Lang, &str)] = &[
        (Lang::ZhCn, "2025-03-09 08:05:07"),
        (Lang::En, "2025-03-09 08:05:07"),
        (Lang::ZhHant, "2025年3月9日 08:05"),
        (Lang::Ja, "2025年3月9日 08:05"),
        (Lang::Ko, "2025.03.09 08:05"),
        (Lang::Ar, "9 مارس 2025، 08:05"),
    ];
    for (lang, want) in table {
        assert_eq!(lang.format_time(&t), *want, "{lang:?}");
    }
}

#[test]
fn reader_failures_give_their_reason_in_the_sentence_s_language() {
    use news_widget::feed::parse_feed;
    use news_widget::network::failure::Failure;
    let url = "https://example.com/feed.json";
    let refused = |body: &str| Failure::Unreadable(parse_feed(body.as_bytes()).unwrap_err());
    let cases = [
        (refused("{\"version\": 1,"), "not-json"),
        (refused("{\"version\": \"x\"}"), "not-feed"),
        (refused("{\"items\": null}"), "not-feed"),
        (refused("{\"items\": [{\"title\": \"no id\"}]}"), "not-feed"),
        (refused("<?xml version=\"1.0\"?><rss><channel>"), "not-feed"),
        (refused("<?xml version=\"1.0\"?><urlset/>"), "not-feed"),
    ];
    for (failure, code) in &cases {
        assert_eq!(failure.code(), *code, "{failure:?}");
        for lang in Lang::ALL {
            let message = failure.message(lang, url);
            assert!(message.contains(url), "{lang:?}: {message}");
            // The reader's own English words do not leak into other languages.
            if lang != Lang::En {
                let latin: String = message
                    .replace(url, "")
                    .chars()
                    .filter(|c| c.is_ascii_lowercase())
                    .collect();
                for word in [
                    "expected",
                    "line",
                    "column",
                    "items array",
                    "none",
                    "lacks",
                    "found",
                    "root",
                ] {
                    assert!(
                        !message.replace(url, "").contains(word),
                        "{lang:?}: {message}"
                    );
                }
                assert!(
                    latin.len() < 40,
                    "{lang:?} is mostly Latin letters: {message}"
                );
            }
        }
    }
    // Paths and positions are kept as written.
    let wrong = refused("{\"items\": null}");
    assert!(
        wrong.message(Lang::Ja, url).contains("$.items"),
        "{}",
        wrong.message(Lang::Ja, url)
    );
    let syntax = refused("{\n  \"items\": [,]\n}");
    assert_eq!(
        syntax.message(Lang::ZhHant, url),
        format!("訂閱源不是有效的 JSON:第 2 行第 13 列有語法錯誤({url})")
    );
    assert_eq!(
        syntax.message(Lang::En, url),
        format!("The feed is not valid JSON: a syntax error at line 2 column 13 ({url})")
    );
}

#[test]
fn http_reasons_in_every_language() {
    use news_widget::network::failure::Failure;
    let url = "https://example.com/f";
    let zh = Failure::Http { status: 404 }.message(Lang::ZhHant, url);
    assert_eq!(zh, format!("訂閱源伺服器傳回錯誤 HTTP 404 找不到({url})"));
    let ar = Failure::Http { status: 503 }.message(Lang::Ar, url);
    assert!(ar.contains("HTTP 503 الخدمة غير متاحة"), "{ar}");
    let ko = Failure::Http { status: 599 }.message(Lang::Ko, url);
    assert!(ko.contains("HTTP 599 ("), "{ko}");
}
