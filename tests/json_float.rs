//! Float numbers in feeds: on the host Rust's `std` parses and prints them, in the browser
//! the JavaScript engine does (src/feed/value.rs). Both must give Rust's `Display` text,
//! so this suite runs in both places.
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
fn float_text_is_rust_display() {
    let thousand_zeros = ["1", &"0".repeat(300)].concat();
    for (written, text) in [
        ("1.9999999999999999e2", "200"),
        ("1.5", "1.5"),
        ("-1.5", "-1.5"),
        ("-0", "-0"),
        ("-0.0", "-0"),
        ("0.0", "0"),
        ("1e21", "1000000000000000000000"),
        ("1.5e21", "1500000000000000000000"),
        ("1e20", "100000000000000000000"),
        ("1.5e-7", "0.00000015"),
        ("-1.5e-7", "-0.00000015"),
        ("1e-6", "0.000001"),
        ("1.2345e-10", "0.00000000012345"),
        ("5e-324", &["0.", &"0".repeat(323), "5"].concat()),
        ("18446744073709551616", "18446744073709552000"),
        ("-9223372036854775809", "-9223372036854776000"),
        ("0.1", "0.1"),
        ("0.30000000000000004", "0.30000000000000004"),
        ("123.456e1", "1234.56"),
        ("1e300", &thousand_zeros),
    ] {
        assert_eq!(number(written).text(), text, "{written}");
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
    assert_eq!(number("9007199254740993").text(), "9007199254740993");
    assert_eq!(number("42").as_u64(), Some(42));
    assert_eq!(number("-42").as_u64(), None);
}
