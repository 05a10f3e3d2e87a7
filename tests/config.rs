#![cfg(not(target_arch = "wasm32"))]
//! The element's attributes: each one valid, invalid, missing and removed.

use news_widget::config::{Config, ConfigWarning, LinkTarget, Theme, ATTRIBUTES};
use news_widget::i18n::Lang;

fn defaults() -> Config {
    Config::default()
}

/// One attribute set on an otherwise bare element: the resulting configuration, and
/// whether it was reported.
struct Row {
    name: &'static str,
    value: &'static str,
    expect: Config,
    warns: bool,
}

fn row(name: &'static str, value: &'static str, expect: Config, warns: bool) -> Row {
    Row {
        name,
        value,
        expect,
        warns,
    }
}
const OK: bool = false;
const WARN: bool = true;

#[rustfmt::skip]
fn rows() -> Vec<Row> {
    let d = defaults;
    vec![
        // feed
        row("feed", "https://example.com/news.json", Config { feed: "https://example.com/news.json".into(), ..d() }, OK),
        row("feed", "  /feeds/a.json\n", Config { feed: "/feeds/a.json".into(), ..d() }, OK),
        row("feed", "", d(), OK),
        row("feed", "   ", d(), OK),
        // article
        row("article", "item-42", Config { article: Some("item-42".into()), ..d() }, OK),
        row("article", " spaced id ", Config { article: Some(" spaced id ".into()), ..d() }, OK),
        row("article", "", d(), OK),
        // interval
        row("interval", "6", d(), OK),
        row("interval", "2", Config { interval_ms: 2_000, ..d() }, OK),
        row("interval", "7.5", Config { interval_ms: 7_500, ..d() }, OK),
        row("interval", "2.0005", Config { interval_ms: 2_000, ..d() }, OK),
        row("interval", " 10 ", Config { interval_ms: 10_000, ..d() }, OK),
        row("interval", "600", Config { interval_ms: 600_000, ..d() }, OK),
        row("interval", "600.000", Config { interval_ms: 600_000, ..d() }, OK),
        row("interval", "12.", Config { interval_ms: 12_000, ..d() }, OK),
        row("interval", "0.5", d(), WARN),
        row("interval", "1.999", d(), WARN),
        row("interval", "600.0001", d(), WARN),
        row("interval", "601", d(), WARN),
        row("interval", "6000", d(), WARN),
        row("interval", "0", d(), WARN),
        row("interval", "-6", d(), WARN),
        row("interval", "+6", d(), WARN),
        row("interval", "6s", d(), WARN),
        row("interval", "1e1", d(), WARN),
        row("interval", "NaN", d(), WARN),
        row("interval", "inf", d(), WARN),
        row("interval", ".", d(), WARN),
        row("interval", "1.2.3", d(), WARN),
        row("interval", "٣", d(), WARN),
        row("interval", "99999999999999999999", d(), WARN),
        row("interval", "", d(), OK),
        // lang
        row("lang", "en", Config { lang: Some(Lang::En), ..d() }, OK),
        row("lang", "EN_gb", Config { lang: Some(Lang::En), ..d() }, OK),
        row("lang", "zh-Hans", Config { lang: Some(Lang::ZhCn), ..d() }, OK),
        row("lang", "fr", d(), WARN),
        row("lang", "english", d(), WARN),
        row("lang", "", d(), OK),
        // theme
        row("theme", "light", Config { theme: Theme::Light, ..d() }, OK),
        row("theme", "Dark", Config { theme: Theme::Dark, ..d() }, OK),
        row("theme", "auto", d(), OK),
        row("theme", "blue", d(), WARN),
        row("theme", "", d(), OK),
        // max-headlines
        row("max-headlines", "1", Config { max_headlines: Some(1), ..d() }, OK),
        row("max-headlines", "8", Config { max_headlines: Some(8), ..d() }, OK),
        row("max-headlines", "100", Config { max_headlines: Some(100), ..d() }, OK),
        row("max-headlines", "0", d(), WARN),
        row("max-headlines", "101", d(), WARN),
        row("max-headlines", "-1", d(), WARN),
        row("max-headlines", "2.5", d(), WARN),
        row("max-headlines", "ten", d(), WARN),
        row("max-headlines", "18446744073709551616", d(), WARN),
        row("max-headlines", "", d(), OK),
        // target
        row("target", "_blank", Config { target: LinkTarget::NewTab, ..d() }, OK),
        row("target", "_BLANK", Config { target: LinkTarget::NewTab, ..d() }, OK),
        row("target", "_self", d(), OK),
        row("target", "_top", d(), WARN),
        row("target", "blank", d(), WARN),
        row("target", "", d(), OK),
        // refresh
        row("refresh", "300", d(), OK),
        row("refresh", "0", Config { refresh_s: 0, ..d() }, OK),
        row("refresh", "10", Config { refresh_s: 10, ..d() }, OK),
        row("refresh", "30", Config { refresh_s: 30, ..d() }, OK),
        row("refresh", "86400", Config { refresh_s: 86_400, ..d() }, OK),
        row("refresh", " 60 ", Config { refresh_s: 60, ..d() }, OK),
        row("refresh", "00", Config { refresh_s: 0, ..d() }, OK),
        row("refresh", "9", d(), WARN),
        row("refresh", "1", d(), WARN),
        row("refresh", "86401", d(), WARN),
        row("refresh", "60.5", d(), WARN),
        row("refresh", "-60", d(), WARN),
        row("refresh", "+60", d(), WARN),
        row("refresh", "60s", d(), WARN),
        row("refresh", "off", d(), WARN),
        row("refresh", "99999999999999999999", d(), WARN),
        row("refresh", "", d(), OK),
        // storage
        row("storage", "off", Config { storage: false, ..d() }, OK),
        row("storage", "OFF", Config { storage: false, ..d() }, OK),
        row("storage", " off ", Config { storage: false, ..d() }, OK),
        row("storage", "on", d(), OK),
        row("storage", "false", d(), WARN),
        row("storage", "0", d(), WARN),
        row("storage", "session", d(), WARN),
        row("storage", "", d(), OK),
        // names are case-insensitive; the host's own attributes are ignored silently
        row("INTERVAL", "8", Config { interval_ms: 8_000, ..d() }, OK),
        row("Max-Headlines", "5", Config { max_headlines: Some(5), ..d() }, OK),
        row("class", "sidebar", d(), OK),
        row("style", "color: red", d(), OK),
        row("data-interval", "0", d(), OK),
        row("max_headlines", "0", d(), OK),
    ]
}

#[test]
fn each_attribute_alone() {
    let mut failures = Vec::new();
    for r in rows() {
        let (config, warnings) = Config::from_attributes([(r.name, r.value)]);
        if config != r.expect {
            failures.push(format!("{}={:?}: got {:?}", r.name, r.value, config));
        }
        if warnings.len() != usize::from(r.warns) {
            failures.push(format!("{}={:?}: warnings {:?}", r.name, r.value, warnings));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn each_attribute_changed_then_removed() {
    for r in rows() {
        // Start with every attribute set to a non-default value, so that "an invalid value
        // restores the default" cannot pass by keeping the old value.
        let mut config = busy();
        let warning = config.apply(r.name, Some(r.value));
        assert_eq!(warning.is_some(), r.warns, "{}={:?}", r.name, r.value);
        assert_eq!(
            config,
            with_field(busy(), r.name, &r.expect),
            "{}={:?} changed more or less than its own field",
            r.name,
            r.value
        );
        // Removing the attribute restores its default and never warns.
        assert_eq!(config.apply(r.name, None), None, "{} removed", r.name);
        assert_eq!(
            config,
            with_field(busy(), r.name, &defaults()),
            "{} removed",
            r.name
        );
    }
}

/// `base` with the field read from attribute `name` taken from `source` (unchanged for
/// attributes the widget does not read).
fn with_field(mut base: Config, name: &str, source: &Config) -> Config {
    match name.to_ascii_lowercase().as_str() {
        "feed" => base.feed = source.feed.clone(),
        "article" => base.article = source.article.clone(),
        "interval" => base.interval_ms = source.interval_ms,
        "lang" => base.lang = source.lang,
        "theme" => base.theme = source.theme,
        "max-headlines" => base.max_headlines = source.max_headlines,
        "target" => base.target = source.target,
        "refresh" => base.refresh_s = source.refresh_s,
        "storage" => base.storage = source.storage,
        "layout" => base.layout = source.layout,
        "sections" => base.sections = source.sections.clone(),
        "open" => base.open_in_place = source.open_in_place,
        "history" => base.history = source.history,
        _ => {}
    }
    base
}

fn busy_attributes() -> Vec<(&'static str, &'static str)> {
    vec![
        ("feed", "https://example.com/f.json"),
        ("article", "a1"),
        ("interval", "9"),
        ("lang", "en"),
        ("theme", "dark"),
        ("max-headlines", "3"),
        ("target", "_blank"),
        ("refresh", "45"),
        ("storage", "off"),
        ("layout", "headlines"),
        ("sections", "民生,1"),
        ("open", "page"),
        ("history", "off"),
    ]
}

fn busy() -> Config {
    let (config, warnings) = Config::from_attributes(busy_attributes());
    assert!(warnings.is_empty());
    config
}

#[test]
fn busy_configuration_sets_every_field() {
    assert_eq!(
        busy(),
        Config {
            feed: "https://example.com/f.json".into(),
            article: Some("a1".into()),
            interval_ms: 9_000,
            lang: Some(Lang::En),
            page_lang: None,
            theme: Theme::Dark,
            max_headlines: Some(3),
            target: LinkTarget::NewTab,
            refresh_s: 45,
            storage: false,
            layout: news_widget::config::Layout::Headlines,
            sections: vec!["民生".into(), "1".into()],
            open_in_place: false,
            history: false,
        }
    );
}

#[test]
fn missing_attributes_give_the_defaults() {
    let (config, warnings) = Config::from_attributes([]);
    assert!(warnings.is_empty());
    assert_eq!(
        config,
        Config {
            feed: "feed.json".into(),
            article: None,
            interval_ms: 6_000,
            lang: None,
            page_lang: None,
            theme: Theme::Auto,
            max_headlines: Some(100),
            target: LinkTarget::SameTab,
            refresh_s: 300,
            storage: true,
            layout: news_widget::config::Layout::Page,
            sections: Vec::new(),
            open_in_place: true,
            history: true,
        }
    );
}

#[test]
fn warning_message_names_attribute_value_and_what_is_accepted() {
    #[rustfmt::skip]
    let table = [
        ("interval", "0.5", r#"news-widget: ignoring interval="0.5": expected seconds between 2 and 600; using 6"#),
        ("lang", "fr", r#"news-widget: ignoring lang="fr": expected a tag of zh-Hans, zh-Hant, en, ja, ko or ar (zh-CN, zh-HK, en-GB, ja-JP …); using the feed's language"#),
        ("theme", "blue", r#"news-widget: ignoring theme="blue": expected light, dark or auto; using auto"#),
        ("max-headlines", "0", r#"news-widget: ignoring max-headlines="0": expected a whole number from 1 to 100; using 100 headlines"#),
        ("TARGET", "_top", r#"news-widget: ignoring target="_top": expected _self or _blank; using _self"#),
        ("refresh", "5", r#"news-widget: ignoring refresh="5": expected 0 (off) or whole seconds from 10 to 86400; using 300"#),
        ("storage", "no", r#"news-widget: ignoring storage="no": expected on or off; using on"#),
        ("theme", "say \"hi\"\n", r#"news-widget: ignoring theme="say \"hi\"\n": expected light, dark or auto; using auto"#),
    ];
    for (name, value, message) in table {
        let (_, warnings) = Config::from_attributes([(name, value)]);
        let texts: Vec<String> = warnings.iter().map(ConfigWarning::to_string).collect();
        assert_eq!(texts, [message]);
    }
}

/// The value is quoted as Rust's `{:?}` would (config.rs spells the escaping out to keep
/// Unicode tables out of the wasm); invisible characters must not reach the console raw.
#[test]
fn warning_quotes_the_value_as_debug_does() {
    for value in [
        "plain",
        "say \"hi\"\n",
        "back\\slash 'single'",
        "\u{0}\u{1}\u{1b}\u{7f}\u{85}\u{9f}x",
        "\u{200b}\u{200e}\u{202e}\u{2066}\u{2069}\u{feff}\u{2028}\u{2029}x",
        "浙江 é ñ 😀 ½",
        "tab\tcr\r",
        "soft\u{ad}hyphen",
    ] {
        let (_, warnings) = Config::from_attributes([("theme", value)]);
        let expected = format!(
            "news-widget: ignoring theme={value:?}: expected light, dark or auto; using auto"
        );
        assert_eq!(warnings[0].to_string(), expected);
    }
}

#[test]
fn warning_keeps_the_raw_value_and_cuts_long_ones_in_the_message() {
    let long = "x".repeat(500);
    let (_, warnings) = Config::from_attributes([("theme", long.as_str())]);
    assert_eq!(warnings[0].value, long);
    assert_eq!(warnings[0].attribute, "theme");
    let message = warnings[0].to_string();
    assert!(
        message.contains(&format!("\"{}…\"", "x".repeat(80))),
        "{message}"
    );
    assert!(message.len() < 200);
}

#[test]
fn every_invalid_value_in_a_set_is_reported_and_the_rest_applies() {
    let (config, warnings) = Config::from_attributes([
        ("interval", "fast"),
        ("theme", "dark"),
        ("class", "x"),
        ("target", "_parent"),
    ]);
    assert_eq!(
        config,
        Config {
            theme: Theme::Dark,
            ..defaults()
        }
    );
    let names: Vec<&str> = warnings.iter().map(|w| w.attribute).collect();
    assert_eq!(names, ["interval", "target"]);
}

#[test]
fn a_repeated_attribute_takes_its_last_value() {
    let (config, _) = Config::from_attributes([("interval", "3"), ("Interval", "4")]);
    assert_eq!(config.interval_ms, 4_000);
}

#[test]
fn observed_attributes_are_the_ones_read() {
    for name in ATTRIBUTES {
        let mut config = defaults();
        // Any value either changes the field or is reported: nothing is read unnoticed.
        let warned = config.apply(name, Some("___")).is_some();
        assert!(warned || config != defaults(), "{name}");
    }
}

#[test]
fn language_follows_the_attribute_then_the_feed() {
    let configured = Config {
        lang: Some(Lang::En),
        ..defaults()
    };
    assert_eq!(configured.language(Some("zh-CN"), None), Lang::En);
    assert_eq!(defaults().language(Some("en-US"), None), Lang::En);
    assert_eq!(defaults().language(Some("de"), None), Lang::ZhCn);
    assert_eq!(defaults().language(None, None), Lang::ZhCn);
}

#[test]
fn enum_values_round_trip_as_attribute_text() {
    for theme in [Theme::Light, Theme::Dark, Theme::Auto] {
        let (config, _) = Config::from_attributes([("theme", theme.as_str())]);
        assert_eq!(config.theme, theme);
    }
    for target in [LinkTarget::SameTab, LinkTarget::NewTab] {
        let (config, _) = Config::from_attributes([("target", target.as_str())]);
        assert_eq!(config.target, target);
    }
}

mod never_panics {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn on_any_attribute_text(
            name in prop_oneof![
                proptest::sample::select(ATTRIBUTES.to_vec()).prop_map(str::to_owned),
                "\\PC{0,12}",
            ],
            value in "\\PC{0,40}|[0-9.]{0,12}",
        ) {
            let (config, warnings) = Config::from_attributes([(name.as_str(), value.as_str())]);
            prop_assert!(warnings.len() <= 1);
            prop_assert!((2_000..=600_000).contains(&config.interval_ms));
            prop_assert!(config.max_headlines.is_none_or(|n| (1..=100).contains(&n)));
            prop_assert!(config.refresh_s == 0 || (10..=86_400).contains(&config.refresh_s));
            for w in &warnings {
                prop_assert!(w.to_string().starts_with("news-widget: ignoring "));
            }
        }
    }
}
