#![cfg(not(target_arch = "wasm32"))]
//! The widget's JSON parser against serde_json, which it replaced: the same documents are
//! accepted with the same values, and the same documents are rejected with the same
//! message at the same line and column.

use news_widget::feed::value::{self, Map, Number, Value};
use proptest::prelude::*;

/// The parser's answer in serde_json's terms: the value, or the error's text.
fn ours(bytes: &[u8]) -> Result<serde_json::Value, String> {
    value::parse(bytes)
        .map(to_serde)
        .map_err(|e| format!("{} at line {} column {}", e.message, e.line, e.column))
}

fn serde(bytes: &[u8]) -> Result<serde_json::Value, String> {
    serde_json::from_slice(bytes).map_err(|e| e.to_string())
}

fn to_serde(value: Value) -> serde_json::Value {
    match value {
        Value::Null => serde_json::Value::Null,
        Value::Bool(b) => serde_json::Value::Bool(b),
        Value::Number(Number::PosInt(n)) => n.into(),
        Value::Number(Number::NegInt(n)) => n.into(),
        Value::Number(Number::Float(f)) => serde_json::Number::from_f64(f)
            .map(serde_json::Value::Number)
            .expect("finite"),
        Value::String(s) => serde_json::Value::String(s),
        Value::Array(items) => serde_json::Value::Array(items.into_iter().map(to_serde).collect()),
        Value::Object(mut map) => {
            // Later duplicates win, as in serde_json's map.
            let keys: Vec<String> = map.keys().map(str::to_owned).collect();
            let mut object = serde_json::Map::new();
            for key in keys {
                if object.contains_key(&key) {
                    continue;
                }
                if let Some(value) = map.take(&key) {
                    object.insert(key, to_serde(value));
                }
            }
            serde_json::Value::Object(object)
        }
    }
}

/// Same outcome, and for floats the same bits (serde_json's `float_roundtrip` is on in the
/// dev-dependency, so both sides round correctly).
fn assert_same(bytes: &[u8]) {
    let (ours, serde) = (ours(bytes), serde(bytes));
    let same = match (&ours, &serde) {
        (Ok(a), Ok(b)) => same_value(a, b),
        (a, b) => a == b,
    };
    assert!(
        same,
        "input {:?}\n ours: {ours:?}\nserde: {serde:?}",
        String::from_utf8_lossy(bytes)
    );
}

fn same_value(a: &serde_json::Value, b: &serde_json::Value) -> bool {
    use serde_json::Value as V;
    match (a, b) {
        (V::Number(x), V::Number(y)) => match (x.as_f64(), y.as_f64()) {
            _ if x.is_f64() != y.is_f64() => false,
            (Some(x), Some(y)) if x.is_nan() || y.is_nan() => false,
            (Some(x), Some(y)) => x.to_bits() == y.to_bits() || (x == y && x != 0.0),
            _ => x == y,
        },
        (V::Array(x), V::Array(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(a, b)| same_value(a, b))
        }
        (V::Object(x), V::Object(y)) => {
            x.len() == y.len()
                && x.iter()
                    .zip(y)
                    .all(|((ka, va), (kb, vb))| ka == kb && same_value(va, vb))
        }
        _ => a == b,
    }
}

#[test]
fn every_error_matches_serde_json() {
    let cases: &[&[u8]] = &[
        b"",
        b"   ",
        b"\n\n  ",
        b"nul",
        b"nulx",
        b"tru",
        b"fals",
        b"falsy",
        b"x",
        b"[",
        b"[1",
        b"[1,",
        b"[1,]",
        b"[1 2]",
        b"[,1]",
        b"{",
        b"{\"a\"",
        b"{\"a\":",
        b"{\"a\" 1}",
        b"{\"a\":1,}",
        b"{\"a\":1 \"b\":2}",
        b"{1:2}",
        b"{\"a\":1,2}",
        b"{\"a\":1,",
        b"{,}",
        b"\"abc",
        b"\"a\\",
        b"\"a\\q\"",
        b"\"a\\u12\"",
        b"\"a\\u12",
        b"\"a\\u12g4\"",
        b"\"\\ud800\"",
        b"\"\\ud800\\u0041\"",
        b"\"\\ud800x\"",
        b"\"\\ud800\\x\"",
        b"\"\\ud800",
        b"\"\\ud800\\",
        b"\"\\udc00\"",
        b"\"\\ud83d\\ude00\"",
        b"\"tab\there\"",
        b"\"nl\nhere\"",
        b"\"\xff\"",
        b"\"ok\xc3\"",
        b"\"\\n\xe2\x82\"",
        b"\"caf\xc3\xa9\"",
        b"-",
        b"-x",
        b"01",
        b"-01",
        b"1.",
        b"1.x",
        b"1e",
        b"1e+",
        b"1ex",
        b"1e400",
        b"-1e400",
        b"1e-400",
        b"0e400",
        b"1e99999999999",
        b"1e-99999999999",
        b"0e99999999999",
        b"0.000e99999999999",
        b"1.7976931348623157e308",
        b"1.7976931348623159e308",
        b"18446744073709551615",
        b"18446744073709551616",
        b"-9223372036854775808",
        b"-9223372036854775809",
        b"-0",
        b"-0.0",
        b"1.9999999999999999e2",
        b"123456789012345678901234567890",
        b"0.1",
        b"2.5E-3",
        b"1 2",
        b"{} x",
        b"[]]",
        b"{\"a\":1}\n\n  }",
        b"{\"a\":1, \"a\":2}",
        b"\xef\xbb\xbf{}",
        b"[\n  1,\n  2\n  3\n]",
        b"{\"items\": [\n{\"id\": \"1\", \"title\": \"unterminated",
        b"{\"items\": [{\"id\": NaN}]}",
    ];
    for case in cases {
        assert_same(case);
    }
}

#[test]
fn the_depth_limit_matches_serde_json() {
    for depth in [126, 127, 128, 129, 200] {
        let nested = "[".repeat(depth) + &"]".repeat(depth);
        assert_same(nested.as_bytes());
        let objects = "{\"a\":".repeat(depth) + "1" + &"}".repeat(depth);
        assert_same(objects.as_bytes());
    }
}

#[test]
fn repeated_keys_keep_the_last_value() {
    let Ok(Value::Object(mut map)) = value::parse(br#"{"a": 1, "b": 2, "a": 3}"#) else {
        panic!("an object");
    };
    assert_eq!(map.get("a"), Some(&Value::Number(Number::PosInt(3))));
    assert_eq!(map.take("a"), Some(Value::Number(Number::PosInt(3))));
    assert_eq!(
        map.get("a"),
        Some(&Value::Null),
        "taking leaves null, as serde's take"
    );
    assert_eq!(map.keys().collect::<Vec<_>>(), ["a", "b", "a"]);
    assert!(!map.is_empty());
    assert!(Map::default().is_empty());
}

/// 1,000 cases by default: each is cheap. `PROPTEST_CASES=100000` digs deeper.
fn config() -> ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(1000);
    ProptestConfig::with_cases(cases)
}

/// Pieces JSON is made of, and the ways it goes wrong.
fn token() -> impl Strategy<Value = Vec<u8>> {
    prop::sample::select(vec![
        "{",
        "}",
        "[",
        "]",
        ",",
        ":",
        "\"",
        "\"a\"",
        "\"key\":",
        "\\",
        "\\u",
        "\\ud800",
        "\\udc00",
        "\\n",
        "\\x",
        "u",
        "0",
        "1",
        "9",
        "-",
        ".",
        "e",
        "E",
        "+",
        "00",
        "1e400",
        "18446744073709551616",
        "-9223372036854775809",
        " ",
        "\n",
        "\t",
        "\r",
        "null",
        "nul",
        "true",
        "false",
        "fals",
        "x",
        "\u{1}",
        "\u{1f}",
        "é",
        "漢",
        "😀",
    ])
    .prop_map(|t| t.as_bytes().to_vec())
    .boxed()
    .prop_union(
        prop::sample::select(vec![0xffu8, 0xc3, 0xe2, 0x82, 0x80, 0xed, 0xa0])
            .prop_map(|b| vec![b])
            .boxed(),
    )
}

fn serde_value() -> impl Strategy<Value = serde_json::Value> {
    let leaf = prop_oneof![
        Just(serde_json::Value::Null),
        any::<bool>().prop_map(serde_json::Value::Bool),
        any::<i64>().prop_map(serde_json::Value::from),
        any::<u64>().prop_map(serde_json::Value::from),
        any::<f64>()
            .prop_filter("finite", |f| f.is_finite())
            .prop_map(serde_json::Value::from),
        ".{0,12}".prop_map(serde_json::Value::String),
    ];
    leaf.prop_recursive(4, 32, 5, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..5).prop_map(serde_json::Value::Array),
            prop::collection::vec(("[a-c]{1,2}", inner), 0..5)
                .prop_map(|pairs| serde_json::Value::Object(pairs.into_iter().collect())),
        ]
    })
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn token_soup_matches_serde_json(tokens in prop::collection::vec(token(), 0..24)) {
        assert_same(&tokens.concat());
    }

    #[test]
    fn valid_documents_match_serde_json(value in serde_value(), pretty in any::<bool>()) {
        let text = if pretty {
            serde_json::to_vec_pretty(&value).expect("serialises")
        } else {
            serde_json::to_vec(&value).expect("serialises")
        };
        assert_same(&text);
    }

    #[test]
    fn damaged_documents_match_serde_json(
        value in serde_value(),
        cut in any::<prop::sample::Index>(),
        insert in any::<prop::sample::Index>(),
        byte in any::<u8>(),
    ) {
        let text = serde_json::to_vec_pretty(&value).expect("serialises");
        let at = cut.index(text.len() + 1);
        assert_same(&text[..at]);
        let mut changed = text.clone();
        changed.insert(insert.index(text.len() + 1), byte);
        assert_same(&changed);
        if !text.is_empty() {
            let mut removed = text.clone();
            removed.remove(insert.index(text.len()));
            assert_same(&removed);
        }
    }

    #[test]
    fn arbitrary_bytes_match_serde_json(bytes in prop::collection::vec(any::<u8>(), 0..64)) {
        assert_same(&bytes);
    }
}
