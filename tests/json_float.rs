//! Float numbers in feeds: on the host Rust's `std` parses them, in the browser the
//! JavaScript engine does (src/feed/value.rs). Both must round the same way, so this suite
//! runs in both places.
#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::*;

use news_widget::feed::value::{self, Number, Value};

#[cfg(target_arch = "wasm32")]
wasm_bindgen_test_configure!(run_in_browser);

fn number(written: &str) -> Number {
    match value::parse(written.as_bytes()) {
        Ok(Value::Number(n)) => n,
        other => panic!("{written} should be a number: {other:?}"),
    }
}

#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn floats_parse_correctly_rounded() {
    assert_eq!(number("0.1").as_f64(), 0.1);
    assert_eq!(number("6.4e2").as_f64(), 640.0);
    assert_eq!(
        number("2.2250738585072014e-308").as_f64(),
        f64::MIN_POSITIVE
    );
    assert_eq!(number("1.7976931348623157e308").as_f64(), f64::MAX);
    assert!(number("-0").as_f64().is_sign_negative());
    assert_eq!(number("1.9999999999999999e2").as_f64(), 200.0);
    assert_eq!(
        number("18446744073709551616").as_f64(),
        18446744073709551616.0
    );
    assert_eq!(number("1.5e-7").as_f64(), 1.5e-7);
    assert_eq!(number("5e-324").as_f64(), 5e-324);
}

#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn out_of_range_floats_are_errors_with_a_position() {
    for (written, column) in [("1e400", 5), ("[1.8e308]", 8), ("1e99999999999", 12)] {
        let error = value::parse(written.as_bytes()).expect_err(written);
        assert_eq!(
            (error.message, error.line, error.column),
            ("number out of range", 1, column),
            "{written}"
        );
    }
}

#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn integers_stay_exact() {
    assert_eq!(number("18446744073709551615"), Number::PosInt(u64::MAX));
    assert_eq!(number("-9223372036854775808"), Number::NegInt(i64::MIN));
    assert_eq!(
        number("9007199254740993"),
        Number::PosInt(9_007_199_254_740_993)
    );
    assert_eq!(number("42").as_u64(), Some(42));
    assert_eq!(number("-42").as_u64(), None);
}
