//! HTML character references: the standard's full named set and the numeric forms.

use super::entities_table::{BUCKETS, TABLE};

/// The longest named reference `input` starts with (the name as written, including its `;`
/// when it has one), and the one or two characters it stands for.
///
/// "Longest" is the standard's rule: `&notin;` is `∉`, `&notit;` is `¬` followed by `it;`.
pub fn longest_named(input: &str) -> Option<(&'static str, &'static str)> {
    let first = *input.as_bytes().first()?;
    let bucket = match first {
        b'A'..=b'Z' => usize::from(first - b'A'),
        b'a'..=b'z' => usize::from(first - b'a') + 26,
        _ => return None,
    };
    let start = usize::from(*BUCKETS.get(bucket)?);
    let end = usize::from(*BUCKETS.get(bucket + 1)?);
    let mut entries = TABLE.get(start..end)?;
    let mut best = None;
    while !entries.is_empty() {
        let name_len = entries.bytes().position(|b| b < 0x20)?;
        let count = usize::from(*entries.as_bytes().get(name_len)?);
        let name = entries.get(..name_len)?;
        let value_start = name_len + 1;
        let value_len: usize = entries
            .get(value_start..)?
            .chars()
            .take(count)
            .map(char::len_utf8)
            .sum();
        let value = entries.get(value_start..value_start + value_len)?;
        if input.starts_with(name) && best.is_none_or(|(b, _): (&str, &str)| b.len() < name.len()) {
            best = Some((name, value));
        }
        entries = entries.get(value_start + value_len..)?;
    }
    best
}

/// The character a numeric reference stands for, by the standard's rules: 0x80–0x9F read as
/// Windows-1252, and zero, surrogates and values past U+10FFFF become U+FFFD.
pub fn numeric(value: u32) -> char {
    const WINDOWS_1252: [u16; 32] = [
        0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
        0x2039, 0x0152, 0x8D, 0x017D, 0x8F, 0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013,
        0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178,
    ];
    let value = match value {
        0x80..=0x9F => WINDOWS_1252
            .get((value - 0x80) as usize)
            .map_or(value, |&v| u32::from(v)),
        _ => value,
    };
    match value {
        0 => '\u{FFFD}',
        v => char::from_u32(v).unwrap_or('\u{FFFD}'),
    }
}
