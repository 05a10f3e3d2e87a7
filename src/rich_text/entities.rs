//! HTML character references: the standard's full named set and the numeric forms.

use super::entities_table::{BUCKETS, TABLE};

/// The longest named reference `input` starts with: how many bytes of `input` it takes (its
/// `;` included) and the one or two characters it stands for.
///
/// "Longest" is the standard's rule: `&notin;` is `∉`, `&notit;` is `¬` followed by `it;`.
/// A name counts without its `;` only for the legacy names that allow it (`&amp`, `&copy`).
pub fn longest_named(input: &str) -> Option<(usize, &'static str)> {
    let first = *input.as_bytes().first()?;
    let bucket = match first {
        b'A'..=b'Z' => usize::from(first - b'A'),
        b'a'..=b'z' => usize::from(first - b'a') + 26,
        _ => return None,
    };
    let end = usize::from(*BUCKETS.get(bucket + 1)?);
    let mut at = usize::from(*BUCKETS.get(bucket)?);
    let table = TABLE.as_bytes();
    let input = input.as_bytes();
    // The entries are front-coded: each name is rebuilt from the one before it.
    let mut name = [0u8; 32];
    let mut best = None;
    while at < end {
        let shared = usize::from(*table.get(at)?);
        let suffix_start = at + 1;
        let suffix_len = table
            .get(suffix_start..end)?
            .iter()
            .position(|&b| b < 0x20)?;
        let name_len = shared + suffix_len;
        name.get_mut(shared..name_len)?
            .copy_from_slice(table.get(suffix_start..suffix_start + suffix_len)?);
        let flag = *table.get(suffix_start + suffix_len)?;
        let value_start = suffix_start + suffix_len + 1;
        let value_len: usize = TABLE
            .get(value_start..)?
            .chars()
            .take(usize::from(flag & 3))
            .map(char::len_utf8)
            .sum();
        let candidate = name.get(..name_len)?;
        // Names are sorted: once one sorts after the input (and is not a prefix of it), no
        // later one can match.
        if let Some((c, i)) = candidate.iter().zip(input).find(|(c, i)| c != i) {
            if c > i {
                break;
            }
        }
        if input.starts_with(candidate) {
            let used = match input.get(name_len) {
                Some(b';') => Some(name_len + 1),
                _ if flag & 4 != 0 => Some(name_len),
                _ => None,
            };
            if let Some(used) = used.filter(|&u| best.is_none_or(|(b, _)| b < u)) {
                best = Some((used, TABLE.get(value_start..value_start + value_len)?));
            }
        }
        at = value_start + value_len;
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
