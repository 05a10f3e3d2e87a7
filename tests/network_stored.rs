#![cfg(not(target_arch = "wasm32"))]
//! The stored last good feed: its key, its format, its caps, and what happens when storage
//! is full or throws.

use news_widget::network::refresh::Validators;
use news_widget::network::stored::{
    is_other_version_key, renew_after_not_modified, storage_key, to_evict, write_step, Kept,
    StoredFeed, Unusable, WriteResult, WriteStep, MAX_AGE_MS, MAX_ENTRIES, MAX_ENTRY_BYTES,
    MAX_TOTAL_BYTES,
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
fn the_saved_time_is_read_without_the_body() {
    let value = feed("{}").encode().unwrap();
    assert_eq!(StoredFeed::saved_at(&value, NOW + HOUR), Ok(NOW));
    assert_eq!(
        StoredFeed::saved_at(&value, NOW + MAX_AGE_MS + 1),
        Err(Unusable::Expired)
    );
    assert_eq!(StoredFeed::saved_at("{}", NOW), Err(Unusable::Corrupt));
}

fn kept(key: &str, bytes: usize, saved_at_ms: Option<u64>) -> Kept<'_> {
    Kept {
        key,
        bytes,
        saved_at_ms,
    }
}

#[test]
fn all_entries_together_stay_within_the_caps() {
    assert_eq!((MAX_ENTRIES, MAX_TOTAL_BYTES), (16, 2 * 1_048_576));
    // Room for everything: nothing goes, except what is unusable.
    let few = [
        kept("a", 10, Some(NOW)),
        kept("bad", 10, None),
        kept("b", 10, Some(NOW - 1)),
    ];
    assert_eq!(to_evict(&few, 10), ["bad"]);
    assert_eq!(to_evict(&[], MAX_ENTRY_BYTES), Vec::<&str>::new());

    // A URL with a changing query, one entry per visit: the new one and the 15 most
    // recently saved stay, the oldest go.
    let names: Vec<String> = (0..40).map(|i| format!("feed-{i:02}")).collect();
    let many: Vec<Kept> = names
        .iter()
        .enumerate()
        .map(|(i, k)| kept(k, 1_000, Some(NOW - 40 + i as u64)))
        .collect();
    let mut gone = to_evict(&many, 1_000);
    gone.sort();
    assert_eq!(
        gone,
        names[..40 - (MAX_ENTRIES - 1)]
            .iter()
            .map(String::as_str)
            .collect::<Vec<_>>()
    );

    // Bytes: two large feeds kept, a third large one makes room by removing the older.
    let big = MAX_ENTRY_BYTES - 100;
    let two = [
        kept("old", big, Some(NOW - 2)),
        kept("new", big, Some(NOW - 1)),
    ];
    assert_eq!(to_evict(&two, 150), Vec::<&str>::new());
    assert_eq!(to_evict(&two, big), ["old"]);
    // The largest value possible goes in whatever is stored.
    assert_eq!(to_evict(&two, MAX_ENTRY_BYTES), ["old"]);

    // Never an older entry kept in place of a newer one, even where a small old one would fit.
    let mixed = [
        kept("newest", 10, Some(NOW)),
        kept("large", MAX_ENTRY_BYTES, Some(NOW - 1)),
        kept("small-old", 10, Some(NOW - 2)),
    ];
    assert_eq!(to_evict(&mixed, MAX_ENTRY_BYTES), ["large", "small-old"]);
}

proptest! {
    #[test]
    fn what_is_kept_fits_and_is_the_newest(
        entries in proptest::collection::vec(
            (0usize..=MAX_ENTRY_BYTES, proptest::option::of(0u64..50)),
            0..40,
        ),
        bytes in 0usize..=MAX_ENTRY_BYTES,
    ) {
        let names: Vec<String> = (0..entries.len()).map(|i| format!("k{i}")).collect();
        let others: Vec<Kept> = entries
            .iter()
            .zip(&names)
            .map(|(&(b, t), k)| kept(k, b, t))
            .collect();
        let gone = to_evict(&others, bytes);
        let stays: Vec<&Kept> = others.iter().filter(|k| !gone.contains(&k.key)).collect();
        prop_assert!(stays.len() < MAX_ENTRIES);
        prop_assert!(bytes + stays.iter().map(|k| k.bytes).sum::<usize>() <= MAX_TOTAL_BYTES);
        prop_assert!(stays.iter().all(|k| k.saved_at_ms.is_some()));
        let newest_gone = others.iter().filter(|k| gone.contains(&k.key)).filter_map(|k| k.saved_at_ms).max();
        if let Some(t) = newest_gone {
            prop_assert!(stays.iter().all(|k| k.saved_at_ms >= Some(t)), "kept an older entry");
        }
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
