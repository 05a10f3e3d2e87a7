//! Publication times as the publisher wrote them.
//!
//! News pages show the wall-clock time in the publisher's own offset ("2025-03-19 13:20:05"
//! for a +08:00 feed), not the reader's: so a timestamp keeps its written fields and offset
//! and is never converted to the reader's zone.

/// A calendar date and time with the offset it was written in (if any).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Timestamp {
    pub year: i32,
    pub month: u8,
    pub day: u8,
    pub hour: u8,
    pub minute: u8,
    pub second: u8,
    /// Minutes east of UTC; `None` when the feed gave no zone.
    pub offset_minutes: Option<i16>,
}

impl Timestamp {
    /// `2025-03-19 13:20:05`, the source page's style, in the publisher's offset.
    pub fn wall_clock(&self) -> String {
        format!(
            "{:04}-{:02}-{:02} {:02}:{:02}:{:02}",
            self.year, self.month, self.day, self.hour, self.minute, self.second
        )
    }
}

impl Timestamp {
    /// Reads a date as feeds actually write it, keeping the written fields and offset.
    ///
    /// Accepts RFC 3339 and its common relaxations — fractional seconds, `Z`, `±hh:mm`,
    /// `±hhmm`, `±hh`, no seconds (`2018-01-06T08:00`), no zone, a space instead of `T`
    /// (`2022-07-26 13:01:01`), a date alone — and RFC 2822
    /// (`Fri, 31 May 2019 12:17:58 -0700`, `GMT`, `UT`, North American zone names).
    /// Returns `None` for anything else or for out-of-range fields (month 13, 30 February,
    /// hour 24, …). A leap second (`:60`) is kept as written.
    pub fn parse(s: &str) -> Option<Timestamp> {
        let s = s.trim();
        let first = s.as_bytes().first()?;
        let parsed = if first.is_ascii_digit() && s.as_bytes().get(4) == Some(&b'-') {
            parse_rfc3339_like(s)
        } else {
            parse_rfc2822(s)
        }?;
        parsed.is_valid().then_some(parsed)
    }

    fn is_valid(&self) -> bool {
        (1..=12).contains(&self.month)
            && self.day >= 1
            && self.day <= days_in_month(self.year, self.month)
            && self.hour < 24
            && self.minute < 60
            && self.second <= 60
    }
}

fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        4 | 6 | 9 | 11 => 30,
        2 if year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) => 29,
        2 => 28,
        _ => 31,
    }
}

/// A cursor over ASCII bytes; any non-ASCII byte simply fails to match.
struct Cursor<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl Cursor<'_> {
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.at).copied()
    }

    fn eat(&mut self, wanted: u8) -> bool {
        let hit = self.peek() == Some(wanted);
        if hit {
            self.at += 1;
        }
        hit
    }

    /// Exactly `n` digits.
    fn digits(&mut self, n: usize) -> Option<u32> {
        let mut value = 0u32;
        for _ in 0..n {
            let digit = self.peek().filter(u8::is_ascii_digit)?;
            value = value * 10 + u32::from(digit - b'0');
            self.at += 1;
        }
        Some(value)
    }

    fn skip_digits(&mut self) -> usize {
        let start = self.at;
        while self.peek().is_some_and(|b| b.is_ascii_digit()) {
            self.at += 1;
        }
        self.at - start
    }

    fn at_end(&self) -> bool {
        self.at >= self.bytes.len()
    }
}

fn parse_rfc3339_like(s: &str) -> Option<Timestamp> {
    let mut c = Cursor {
        bytes: s.as_bytes(),
        at: 0,
    };
    let year = c.digits(4)? as i32;
    let month = two_digits(&mut c, b'-')?;
    let day = two_digits(&mut c, b'-')?;
    let mut stamp = Timestamp {
        year,
        month,
        day,
        hour: 0,
        minute: 0,
        second: 0,
        offset_minutes: None,
    };
    if c.at_end() {
        return Some(stamp);
    }
    if !(c.eat(b'T') || c.eat(b't') || c.eat(b' ')) {
        return None;
    }
    stamp.hour = c.digits(2)? as u8;
    stamp.minute = two_digits(&mut c, b':')?;
    if c.eat(b':') {
        stamp.second = c.digits(2)? as u8;
        if (c.eat(b'.') || c.eat(b',')) && c.skip_digits() == 0 {
            return None;
        }
    }
    // Some generators put a space before the zone ("13:01:01 +0000").
    c.eat(b' ');
    if c.at_end() {
        return Some(stamp);
    }
    stamp.offset_minutes = Some(zone(&mut c, s)?);
    c.at_end().then_some(stamp)
}

fn two_digits(c: &mut Cursor<'_>, separator: u8) -> Option<u8> {
    if !c.eat(separator) {
        return None;
    }
    c.digits(2).map(|v| v as u8)
}

/// `Z`, `±hh:mm`, `±hhmm`, `±hh`, or a zone name; leaves the cursor after it.
fn zone(c: &mut Cursor<'_>, s: &str) -> Option<i16> {
    let sign: i16 = match c.peek()? {
        b'+' => 1,
        b'-' => -1,
        _ => {
            let name = s.get(c.at..)?;
            c.at = c.bytes.len();
            return named_zone(name);
        }
    };
    c.at += 1;
    let hours = c.digits(2)?;
    let minutes = if c.at_end() {
        0
    } else {
        c.eat(b':');
        c.digits(2)?
    };
    if hours > 23 || minutes > 59 {
        return None;
    }
    Some(sign * (hours * 60 + minutes) as i16)
}

fn named_zone(name: &str) -> Option<i16> {
    let hours = match name.to_ascii_uppercase().as_str() {
        "Z" | "UT" | "UTC" | "GMT" => 0,
        "EST" => -5,
        "EDT" | "AST" => -4,
        "CST" => -6,
        "CDT" => -5,
        "MST" => -7,
        "MDT" => -6,
        "PST" => -8,
        "PDT" => -7,
        _ => return None,
    };
    Some(hours * 60)
}

/// `[Day,] DD Mon YYYY HH:MM[:SS] [zone]`, tolerant of extra spaces and a trailing comment.
fn parse_rfc2822(s: &str) -> Option<Timestamp> {
    let mut tokens = s
        .split(|c: char| c.is_ascii_whitespace() || c == ',')
        .filter(|t| !t.is_empty())
        .peekable();
    if tokens
        .peek()
        .is_some_and(|t| t.bytes().all(|b| b.is_ascii_alphabetic()))
    {
        tokens.next();
    }
    let day = small_number(tokens.next()?, 2)? as u8;
    let month = month_number(tokens.next()?)?;
    let year_token = tokens.next()?;
    let year = match (year_token.len(), small_number(year_token, 4)?) {
        // RFC 2822 §4.3: two-digit years below 50 are 20xx.
        (2, y) if y < 50 => 2000 + y,
        (2, y) => 1900 + y,
        (4, y) => y,
        _ => return None,
    } as i32;
    let mut time = tokens.next()?.split(':');
    let hour = small_number(time.next()?, 2)? as u8;
    let minute = small_number(time.next()?, 2)? as u8;
    let second = match time.next() {
        Some(t) => small_number(t, 2)? as u8,
        None => 0,
    };
    if time.next().is_some() {
        return None;
    }
    let offset_minutes = match tokens.next() {
        None => None,
        Some(z) if z.starts_with('(') => None,
        Some(z) => {
            let mut c = Cursor {
                bytes: z.as_bytes(),
                at: 0,
            };
            let offset = zone(&mut c, z);
            if offset.is_none() && !z.bytes().all(|b| b.is_ascii_alphabetic()) {
                return None;
            }
            // RFC 2822 says unknown zone names mean "offset unknown", not "invalid date".
            offset
        }
    };
    // Only a parenthesised comment ("(PDT)") may follow the zone.
    if tokens.next().is_some_and(|t| !t.starts_with('(')) {
        return None;
    }
    Some(Timestamp {
        year,
        month,
        day,
        hour,
        minute,
        second,
        offset_minutes,
    })
}

/// 1 to `max_len` ASCII digits.
fn small_number(token: &str, max_len: usize) -> Option<u32> {
    if token.is_empty() || token.len() > max_len || !token.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    token.parse().ok()
}

fn month_number(token: &str) -> Option<u8> {
    const MONTHS: [&str; 12] = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    let lower = token.to_ascii_lowercase();
    // "Jun", "June" and the common "Sept" abbreviation; not any word that starts like a month.
    let index = MONTHS.iter().position(|m| {
        lower.len() >= 3
            && m.starts_with(lower.as_str())
            && (lower.len() == 3 || lower.len() == m.len() || lower == "sept")
    })?;
    u8::try_from(index + 1).ok()
}
