//! HTTP dates (RFC 9110 §5.6.7) and the `Retry-After` header (§10.2.3).
//!
//! A recipient must accept all three date formats, although servers send only the first:
//!
//! | format       | example                          |
//! |--------------|----------------------------------|
//! | IMF-fixdate  | `Sun, 06 Nov 1994 08:49:37 GMT`  |
//! | RFC 850      | `Sunday, 06-Nov-94 08:49:37 GMT` |
//! | asctime      | `Sun Nov  6 08:49:37 1994`       |
//!
//! All are UTC. The day name is not checked against the date (RFC 9110 lets recipients
//! ignore it); every numeric field is.

/// Seconds since the Unix epoch for an HTTP date, or `None` if `value` is not one.
///
/// RFC 850's two-digit years are read as 1970–2069 (00–69 → 20xx).
pub fn parse_http_date(value: &str) -> Option<i64> {
    let tokens: Vec<&str> = value.split([' ', ',']).filter(|t| !t.is_empty()).collect();
    let (day, month, year, time) = match tokens.as_slice() {
        // IMF-fixdate: day-name "," SP day SP month SP year SP time SP "GMT"
        [_, day, month, year, time, "GMT"] if year.len() == 4 => (
            number(day, 2)?,
            month_number(month)?,
            number(year, 4)?,
            *time,
        ),
        // RFC 850: day-name-l "," SP day "-" month "-" 2DIGIT SP time SP "GMT"
        [_, date, time, "GMT"] => {
            let mut parts = date.split('-');
            let day = number(parts.next()?, 2)?;
            let month = month_number(parts.next()?)?;
            let yy = parts.next().filter(|y| y.len() == 2)?;
            if parts.next().is_some() {
                return None;
            }
            let yy = number(yy, 2)?;
            let year = if yy < 70 { 2000 + yy } else { 1900 + yy };
            (day, month, year, *time)
        }
        // asctime: day-name SP month SP ( 2DIGIT / ( SP DIGIT ) ) SP time SP year
        [_, month, day, time, year] if year.len() == 4 => (
            number(day, 2)?,
            month_number(month)?,
            number(year, 4)?,
            *time,
        ),
        _ => return None,
    };
    let mut hms = time.split(':');
    let hour = number(hms.next()?, 2)?;
    let minute = number(hms.next()?, 2)?;
    let second = number(hms.next()?, 2)?;
    if hms.next().is_some() || hour > 23 || minute > 59 || second > 60 {
        return None;
    }
    if day == 0 || day > days_in_month(year, month) {
        return None;
    }
    let days = days_from_civil(i64::from(year), month, day);
    Some(days * 86_400 + i64::from(hour * 3600 + minute * 60 + second))
}

/// How long a `Retry-After` value asks the client to wait, in milliseconds, at `now_ms`
/// (milliseconds since the Unix epoch): a number of seconds, or a date (0 if it has
/// passed). `None` when the value is neither, which means "no advice".
pub fn parse_retry_after(value: &str, now_ms: u64) -> Option<u64> {
    let value = value.trim();
    if !value.is_empty() && value.bytes().all(|b| b.is_ascii_digit()) {
        // An absurd number of seconds is still "a long time", not an error.
        let seconds = value.parse::<u64>().unwrap_or(u64::MAX);
        return Some(seconds.saturating_mul(1000));
    }
    let at_ms = parse_http_date(value)?.checked_mul(1000)?;
    let now_ms = i64::try_from(now_ms).ok()?;
    Some(u64::try_from(at_ms - now_ms).unwrap_or(0))
}

/// 1 to `max_len` ASCII digits.
fn number(token: &str, max_len: usize) -> Option<u32> {
    if token.is_empty() || token.len() > max_len || !token.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    token.parse().ok()
}

/// HTTP month names are case-sensitive three-letter English abbreviations.
fn month_number(token: &str) -> Option<u32> {
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    let index = MONTHS.iter().position(|m| *m == token)?;
    u32::try_from(index + 1).ok()
}

fn days_in_month(year: u32, month: u32) -> u32 {
    match month {
        2 if year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400)) => {
            29
        }
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
fn days_from_civil(year: i64, month: u32, day: u32) -> i64 {
    let year = if month <= 2 { year - 1 } else { year };
    let era = year.div_euclid(400);
    let year_of_era = year - era * 400;
    let month = i64::from(month);
    let day_of_year =
        (153 * (if month > 2 { month - 3 } else { month + 9 }) + 2) / 5 + i64::from(day) - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}
