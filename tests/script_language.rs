#![cfg(not(target_arch = "wasm32"))]
//! The content language guessed from the script, for feeds that do not declare one, and the
//! article's `language` as the components get it.

mod common;

use news_widget::feed::{read_page, ReadOptions};
use news_widget::script_language::guess;

#[test]
fn the_script_decides() {
    for (text, want) in [
        (
            "Fumito Ueda’s first game, Ico, was a beautiful, moody masterpiece.",
            Some(""),
        ),
        ("Ein Kaffee, bitte. Schmeckt's?", Some("")),
        ("Привет, мир", Some("")),
        ("向新而行 浙江丽水探路山区发展“新赛道”", Some("zh")),
        ("JavaScriptの新しい機能について", Some("ja")),
        ("東京都", Some("zh")),
        ("안녕하세요 세계", Some("ko")),
        // A Chinese article quoting English names is still Chinese.
        ("苹果公司发布 iPhone 与 MacBook 新品,售价", Some("zh")),
        // An English article with one Chinese word is English.
        ("The word 丽水 names a city in Zhejiang province.", Some("")),
        ("", None),
        ("12:00 — 3.5 %", None),
        // Right-to-left scripts, for the article's direction.
        ("مرحبا بالعالم", Some("ar")),
        ("گزارش خبرگزاری از تهران", Some("ar")),
        ("שלום עולם", Some("he")),
        (
            "أعلنت شركة Apple عن iPhone جديد اليوم في مؤتمرها",
            Some("ar"),
        ),
        ("The word مرحبا means hello in Arabic.", Some("")),
    ] {
        assert_eq!(guess(text), want, "{text:?}");
    }
}

fn article_language(file: &str) -> Option<String> {
    let bytes = common::corpus_files("valid")
        .into_iter()
        .find(|(name, _)| name == file)
        .expect("corpus file")
        .1;
    read_page(&bytes, &ReadOptions::default())
        .expect("reads")
        .article
        .expect("article")
        .language
}

#[test]
fn articles_carry_their_language() {
    // Declared by the feed.
    assert_eq!(
        article_language("rsparser-3960-german-v1.1-extensions.json").as_deref(),
        Some("de-DE")
    );
    let seed = read_page(&common::default_feed_bytes(), &ReadOptions::default()).unwrap();
    assert_eq!(seed.article.unwrap().language.as_deref(), Some("zh-CN"));
    // Guessed: English, Japanese and Chinese feeds that do not say.
    assert_eq!(
        article_language("jsonfeednet-hypercritical-v1-big.json").as_deref(),
        Some("")
    );
    assert_eq!(
        article_language("jser-watchlist-japanese-v1-image-is-object.json").as_deref(),
        Some("ja")
    );
    assert_eq!(
        article_language("azu-techblog-japanese-v1-big-image-is-object.json").as_deref(),
        Some("ja")
    );
    assert_eq!(
        article_language("eryajf-chinese-v1-summary-only-no-date-published.json").as_deref(),
        Some("zh")
    );
}
