//! The hostile-HTML payload suite (tests/fixtures/payloads.txt), parsed for the host and
//! browser tests.
#![allow(dead_code)]

pub const SOURCE: &str = include_str!("../fixtures/payloads.txt");

/// The base every payload's relative URLs resolve against in the expected models.
pub const BASE: &str = "https://news.example/2024/story.html";

#[derive(Debug, Clone)]
pub struct Payload {
    pub family: String,
    pub name: String,
    pub html: String,
    /// The exact model, as compact markup.
    pub expected: String,
}

/// Every case of the suite, in file order. Panics on a malformed file: a case silently
/// skipped would be a case silently untested.
pub fn payloads() -> Vec<Payload> {
    let mut out = Vec::new();
    let mut family = String::new();
    let mut lines = SOURCE.lines().enumerate();
    while let Some((number, line)) = lines.next() {
        if line.is_empty() || line.starts_with("//") {
            continue;
        }
        if let Some(name) = line.strip_prefix("## ") {
            family = name.to_string();
            continue;
        }
        let name = line.strip_prefix("> ").unwrap_or_else(|| {
            panic!(
                "payloads.txt:{}: expected \"> name\", got {line:?}",
                number + 1
            )
        });
        let (_, html) = lines.next().expect("an HTML line after the name");
        let (_, expected) = lines.next().expect("an expected line after the HTML");
        let expected = expected
            .strip_prefix("= ")
            .or_else(|| (expected == "=").then_some(""))
            .unwrap_or_else(|| panic!("payloads.txt:{}: expected \"= model\"", number + 3));
        assert!(
            !family.is_empty(),
            "payloads.txt:{}: case before any family",
            number + 1
        );
        out.push(Payload {
            family: family.clone(),
            name: name.to_string(),
            html: unescape(html),
            expected: unescape(expected),
        });
    }
    out
}

/// `\n \t \r \0 \\ \u{HEX}` as the characters they name.
pub fn unescape(line: &str) -> String {
    let mut out = String::new();
    let mut chars = line.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n') => out.push('\n'),
            Some('t') => out.push('\t'),
            Some('r') => out.push('\r'),
            Some('0') => out.push('\0'),
            Some('\\') => out.push('\\'),
            Some('u') => {
                let rest: String = chars.by_ref().take_while(|&c| c != '}').collect();
                let hex = rest.strip_prefix('{').expect("\\u{HEX}");
                let code = u32::from_str_radix(hex, 16).expect("hex digits");
                out.push(char::from_u32(code).expect("a Unicode scalar value"));
            }
            other => panic!("unknown escape \\{other:?} in payloads.txt"),
        }
    }
    out
}

/// The inverse of [`unescape`] for writing expected models into the file.
pub fn escape(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            '\0' => out.push_str("\\0"),
            c if c.is_control()
                || matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2028}' | '\u{2029}' | '\u{FEFF}' | '\u{FFFD}' | '\u{A0}' | '\u{2002}'..='\u{2009}' | '\u{301}') =>
            {
                out.push_str(&format!("\\u{{{:X}}}", c as u32))
            }
            c => out.push(c),
        }
    }
    out
}
