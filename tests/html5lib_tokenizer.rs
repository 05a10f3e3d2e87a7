#![cfg(not(target_arch = "wasm32"))]
//! The widget's HTML tokenizer against html5lib's tokenizer conformance suite
//! (`shared/html5lib-tests/tokenizer/*.test`): tokens are compared, parse errors are not.
//!
//! Run with `cargo test --test html5lib_tokenizer -- --nocapture` to see the table the
//! README quotes. Each file must pass at least as many tests as it did when the figures were
//! written down, so a change that breaks conformance fails here.

mod common;

use std::collections::BTreeMap;

use news_widget::rich_text::tokenizer::{TextState, Token, Tokenizer};
use serde_json::Value;

/// Runs (test × initial state) passed per file when the README's figures were taken: all of
/// them except the lone-surrogate inputs (n/a) and three of the four `xmlViolation` cases,
/// which expect the XML-infoset coercion a browser does not apply.
const FLOORS: &[(&str, usize)] = &[
    ("contentModelFlags.test", 24),
    ("domjs.test", 59),
    ("entities.test", 80),
    ("escapeFlag.test", 9),
    ("namedEntities.test", 4210),
    ("numericEntities.test", 336),
    ("pendingSpecChanges.test", 1),
    ("test1.test", 69),
    ("test2.test", 45),
    ("test3.test", 1786),
    ("test4.test", 85),
    ("unicodeChars.test", 323),
    ("unicodeCharsProblematic.test", 1),
    ("xmlViolation.test", 1),
];

#[derive(Default)]
struct Tally {
    passed: usize,
    failed: usize,
    /// Inputs with lone surrogates: a Rust `&str` (and so a feed the widget reads) cannot
    /// hold them.
    not_applicable: usize,
    failures: Vec<String>,
}

#[test]
fn html5lib_tokenizer_suite() {
    let dir = common::shared_dir()
        .join("html5lib-tests")
        .join("tokenizer");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| {
            panic!(
                "html5lib tokenizer tests not found in {}: {e}",
                dir.display()
            )
        })
        .map(|entry| entry.expect("entry").path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "test"))
        .collect();
    files.sort();
    assert!(
        files.len() >= 14,
        "expected the 14 tokenizer test files in {}",
        dir.display()
    );

    let mut report =
        String::from("| file | passed | failed | n/a | pass rate |\n|---|---:|---:|---:|---:|\n");
    let (mut all_passed, mut all_run) = (0, 0);
    let mut below_floor = Vec::new();
    for path in &files {
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let json: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
        let tests = json
            .get("tests")
            .or_else(|| json.get("xmlViolationTests"))
            .and_then(Value::as_array)
            .expect("a tests array");
        let mut tally = Tally::default();
        for test in tests {
            run_test(test, &mut tally);
        }
        let run = tally.passed + tally.failed;
        all_passed += tally.passed;
        all_run += run;
        report += &format!(
            "| {name} | {} | {} | {} | {:.1} % |\n",
            tally.passed,
            tally.failed,
            tally.not_applicable,
            100.0 * tally.passed as f64 / run.max(1) as f64
        );
        for failure in tally.failures.iter().take(3) {
            eprintln!("{name}: {failure}");
        }
        let floor = FLOORS
            .iter()
            .find(|(file, _)| *file == name)
            .map_or(0, |(_, floor)| *floor);
        if tally.passed < floor {
            below_floor.push(format!("{name}: {} passed, floor {floor}", tally.passed));
        }
    }
    report += &format!(
        "| **all** | {all_passed} | {} | | {:.2} % |\n",
        all_run - all_passed,
        100.0 * all_passed as f64 / all_run as f64
    );
    println!("{report}");
    assert!(
        below_floor.is_empty(),
        "conformance regressed: {below_floor:#?}"
    );
}

fn run_test(test: &Value, tally: &mut Tally) {
    let description = test["description"].as_str().unwrap_or("?");
    let double_escaped = test["doubleEscaped"].as_bool().unwrap_or(false);
    let Some(input) = unescape(test["input"].as_str().unwrap(), double_escaped) else {
        tally.not_applicable += 1;
        return;
    };
    let Some(expected) = expected_tokens(&test["output"], double_escaped) else {
        tally.not_applicable += 1;
        return;
    };
    let states: Vec<&str> = test["initialStates"]
        .as_array()
        .map(|states| states.iter().filter_map(Value::as_str).collect())
        .unwrap_or_else(|| vec!["Data state"]);
    for state in states {
        let mut tokenizer = Tokenizer::new(&input);
        tokenizer.switch_to(match state {
            "Data state" => TextState::Data,
            "PLAINTEXT state" => TextState::Plaintext,
            "RCDATA state" => TextState::Rcdata,
            "RAWTEXT state" => TextState::Rawtext,
            "Script data state" => TextState::ScriptData,
            "CDATA section state" => TextState::CdataSection,
            other => panic!("unknown initial state {other}"),
        });
        if let Some(last) = test["lastStartTag"].as_str() {
            tokenizer.set_last_start_tag(last);
        }
        let mut actual = Vec::new();
        while let Some(token) = tokenizer.next_token() {
            actual.push(token_json(token));
        }
        let actual = coalesce(actual);
        if actual == expected {
            tally.passed += 1;
        } else {
            tally.failed += 1;
            tally.failures.push(format!(
                "{description} [{state}] input {input:?}\n  want {expected:?}\n  got  {actual:?}"
            ));
        }
    }
}

/// A token in the suite's JSON shape.
fn token_json(token: Token) -> Value {
    use serde_json::json;
    match token {
        Token::StartTag(tag) => {
            let attrs: serde_json::Map<String, Value> = tag
                .attrs
                .into_iter()
                .map(|(name, value)| (name, Value::String(value)))
                .collect();
            if tag.self_closing {
                json!(["StartTag", tag.name, attrs, true])
            } else {
                json!(["StartTag", tag.name, attrs])
            }
        }
        Token::EndTag(name) => json!(["EndTag", name]),
        Token::Text(text) => json!(["Character", text]),
        Token::Comment(text) => json!(["Comment", text]),
        Token::Doctype(d) => json!(["DOCTYPE", d.name, d.public_id, d.system_id, !d.force_quirks]),
    }
}

fn expected_tokens(output: &Value, double_escaped: bool) -> Option<Vec<Value>> {
    let mut tokens = Vec::new();
    for token in output.as_array()? {
        tokens.push(if double_escaped {
            unescape_value(token)?
        } else {
            token.clone()
        });
    }
    Some(coalesce(tokens))
}

fn unescape_value(value: &Value) -> Option<Value> {
    Some(match value {
        Value::String(s) => Value::String(unescape(s, true)?),
        Value::Array(items) => {
            Value::Array(items.iter().map(unescape_value).collect::<Option<_>>()?)
        }
        Value::Object(map) => Value::Object(
            map.iter()
                .map(|(k, v)| Some((unescape(k, true)?, unescape_value(v)?)))
                .collect::<Option<_>>()?,
        ),
        other => other.clone(),
    })
}

/// The suite's second round of `\uHHHH` unescaping; `None` when it yields a lone surrogate.
fn unescape(s: &str, double_escaped: bool) -> Option<String> {
    if !double_escaped {
        return Some(s.to_string());
    }
    let mut units: Vec<u16> = Vec::new();
    let mut rest = s;
    while let Some(at) = rest.find("\\u") {
        units.extend(rest[..at].encode_utf16());
        let hex = rest.get(at + 2..at + 6)?;
        units.push(u16::from_str_radix(hex, 16).ok()?);
        rest = &rest[at + 6..];
    }
    units.extend(rest.encode_utf16());
    String::from_utf16(&units).ok()
}

/// Adjacent character tokens as one, attributes compared as a map.
fn coalesce(tokens: Vec<Value>) -> Vec<Value> {
    let mut out: Vec<Value> = Vec::new();
    for token in tokens {
        if token[0] == "Character" {
            if let Some(last) = out.last_mut().filter(|last| last[0] == "Character") {
                let joined = format!(
                    "{}{}",
                    last[1].as_str().unwrap(),
                    token[1].as_str().unwrap()
                );
                last[1] = Value::String(joined);
                continue;
            }
        }
        if token[0] == "StartTag" {
            let attrs: BTreeMap<String, Value> = token[2]
                .as_object()
                .map(|m| m.iter().map(|(k, v)| (k.clone(), v.clone())).collect())
                .unwrap_or_default();
            let mut normal = token.as_array().unwrap().clone();
            normal[2] = serde_json::to_value(attrs).unwrap();
            out.push(Value::Array(normal));
            continue;
        }
        out.push(token);
    }
    out
}
