#![cfg(not(target_arch = "wasm32"))]
//! The stored last good feed: its key, its format, its caps, and what happens when storage
//! is full or throws.

use news_widget::network::refresh::Validators;
use news_widget::network::stored::{
    is_other_version_key, renew_after_not_modified, storage_key, write_step, StoredFeed, Unusable,
    WriteResult, WriteStep, MAX_AGE_MS, MAX_ENTRY_BYTES,
};
use proptest::prelude::*;

const NOW: u64 = 1_700_000_000_000;
const HOUR: u64 = 3_600_000;

fn feed(body: &str) -> StoredFeed {
    StoredFeed {
        saved_at_ms: NOW,
        validators: Validators::from_headers(Some("\"v1\""), Some("Wed, 21 Oct 2015 07:28:00 GMT")),
        body: body.to_owned(),
    }
}

#[test]
fn one_versioned_key_per_feed_url() {
    assert_eq!(
        storage_key("https://example.com/feed.json"),
        "news-widget:v1:https://example.com/feed.json"
    );
    assert_ne!(
        storage_key("https://example.com/feed.json?lang=en"),
        storage_key("https://example.com/feed.json")
    );
    #[rustfmt::skip]
    let table = [
        ("news-widget:v0:https://example.com/feed.json", true),
        ("news-widget:v2:https://example.com/feed.json", true),
        ("news-widget:legacy", true),
        ("news-widget:v1:https://example.com/feed.json", false),
        ("news-widget:v10:https://x", true),
        ("partner-key", false),
        ("", false),
    ];
    for (key, other) in table {
        assert_eq!(is_other_version_key(key), other, "{key}");
    }
}

#[test]
fn the_value_is_readable_and_round_trips() {
    let stored = feed("{\"version\":\"https://jsonfeed.org/version/1.1\",\"items\":[]}\n");
    let value = stored.encode().unwrap();
    assert_eq!(
        value,
        "news-widget-feed 1\nsaved 1700000000000\netag \"v1\"\nlast-modified Wed, 21 Oct 2015 07:28:00 GMT\n\n\
         {\"version\":\"https://jsonfeed.org/version/1.1\",\"items\":[]}\n"
    );
    assert_eq!(StoredFeed::decode(&value, NOW + HOUR), Ok(stored));
    let bare = StoredFeed {
        validators: Validators::default(),
        ..feed("{\"items\":[]}")
    };
    assert_eq!(StoredFeed::decode(&bare.encode().unwrap(), NOW), Ok(bare));
    // A body with blank lines and Chinese text is kept byte for byte.
    let text = feed("{\n\n\"title\": \"向新而行\"\n\n}");
    assert_eq!(StoredFeed::decode(&text.encode().unwrap(), NOW), Ok(text));
}

#[test]
fn entries_over_the_cap_are_not_stored() {
    let overhead = feed("").encode().unwrap().len();
    let fits = feed(&"x".repeat(MAX_ENTRY_BYTES - overhead));
    assert_eq!(fits.encode().map(|v| v.len()), Some(MAX_ENTRY_BYTES));
    assert_eq!(
        feed(&"x".repeat(MAX_ENTRY_BYTES - overhead + 1)).encode(),
        None
    );
    // The cap counts UTF-8 bytes: 3 per Chinese character.
    assert_eq!(feed(&"新".repeat(MAX_ENTRY_BYTES / 3)).encode(), None);
    assert_eq!(MAX_ENTRY_BYTES, 1_048_576);
}

#[test]
fn unusable_values_are_recognised() {
    let good = feed("{}").encode().unwrap();
    #[rustfmt::skip]
    let table: Vec<(String, Unusable)> = vec![
        (String::new(), Unusable::Corrupt),
        ("{\"items\":[]}".into(), Unusable::Corrupt),
        ("news-widget-feed 2\nsaved 1\n\n{}".into(), Unusable::Corrupt),
        ("news-widget-feed 1\nsaved 1700000000000\n\n".into(), Unusable::Corrupt),
        ("news-widget-feed 1\nsaved 1700000000000\n\n   ".into(), Unusable::Corrupt),
        ("news-widget-feed 1\n\n{}".into(), Unusable::Corrupt),
        ("news-widget-feed 1\nsaved soon\n\n{}".into(), Unusable::Corrupt),
        ("news-widget-feed 1\nsaved -5\n\n{}".into(), Unusable::Corrupt),
        ("news-widget-feed 1\nsaved 99999999999999999999999\n\n{}".into(), Unusable::Corrupt),
        ("news-widget-feed 1\nsaved 1700000000000\ncolour blue\n\n{}".into(), Unusable::Corrupt),
        ("news-widget-feed 1\nsaved 1700000000000\netag\n\n{}".into(), Unusable::Corrupt),
        (good[..good.len() - 3].to_owned(), Unusable::Corrupt),
        (format!("news-widget-feed 1\nsaved {}\n\n{{}}", NOW - MAX_AGE_MS - 1), Unusable::Expired),
        (format!("news-widget-feed 1\nsaved {}\n\n{{}}", NOW + 60_001), Unusable::Expired),
    ];
    for (value, why) in table {
        assert_eq!(StoredFeed::decode(&value, NOW), Err(why), "{value:?}");
    }
    for saved in [NOW - MAX_AGE_MS, NOW + 60_000, NOW] {
        let value = format!("news-widget-feed 1\nsaved {saved}\n\n{{}}");
        assert!(StoredFeed::decode(&value, NOW).is_ok(), "saved at {saved}");
    }
}

#[test]
fn a_304_renews_the_entry_at_most_hourly() {
    assert!(!renew_after_not_modified(NOW, NOW));
    assert!(!renew_after_not_modified(NOW, NOW + HOUR - 1));
    assert!(renew_after_not_modified(NOW, NOW + HOUR));
    assert!(!renew_after_not_modified(NOW + 5, NOW), "clock went back");
}

#[test]
fn full_or_throwing_storage() {
    #[rustfmt::skip]
    let table = [
        (WriteResult::Written, 1, WriteStep::Done),
        (WriteResult::Written, 2, WriteStep::Done),
        (WriteResult::Full, 1, WriteStep::MakeRoomAndRetry),
        (WriteResult::Full, 2, WriteStep::GiveUp),
        (WriteResult::Threw, 1, WriteStep::GiveUp),
        (WriteResult::Threw, 2, WriteStep::GiveUp),
    ];
    for (result, tries, step) in table {
        assert_eq!(write_step(result, tries), step, "{result:?} on try {tries}");
    }
}

proptest! {
    #[test]
    fn any_stored_text_is_read_or_refused_without_panicking(text in "\\PC{0,200}", now in any::<u64>()) {
        let _ = StoredFeed::decode(&text, now);
    }

    #[test]
    fn what_is_written_is_what_is_read(
        body in "\\PC{1,200}",
        etag in proptest::option::of("[ -~]{1,20}"),
        saved in 0u64..NOW,
    ) {
        prop_assume!(!body.trim().is_empty());
        let stored = StoredFeed {
            saved_at_ms: saved,
            validators: Validators::from_headers(etag.as_deref(), None),
            body,
        };
        let value = stored.encode().unwrap();
        prop_assert_eq!(StoredFeed::decode(&value, saved), Ok(stored));
    }
}
