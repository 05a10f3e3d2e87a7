//! Dates as RSS and Atom feeds write them, on top of [`Timestamp::parse`] (RFC 3339 and
//! RFC 822 in English): day names in other languages or none, zone names beyond the North
//! American ones, `CST` in a Chinese feed, and the `2020/1/10 14:33:00` of Chinese forum
//! software.

use crate::timestamp::Timestamp;

/// Zone names seen in real feeds that RFC 822 does not define, in minutes east of UTC.
/// `IST` (India, Ireland, Israel) is left out: no offset is right for all of its readers.
const ZONES: [(&str, i16); 14] = [
    ("BST", 60),
    ("CET", 60),
    ("CEST", 120),
    ("MET", 60),
    ("MEST", 120),
    ("EET", 120),
    ("EEST", 180),
    ("MSK", 180),
    ("HKT", 480),
    ("SGT", 480),
    ("JST", 540),
    ("KST", 540),
    ("AEST", 600),
    ("AEDT", 660),
];

/// China Standard Time, which Chinese publishers write as `CST` (RFC 822's `CST` is US
/// Central time, 14 hours away).
const CHINA_STANDARD_TIME: i16 = 480;

/// The date `written` names, or `None`. `chinese` says the feed is in Chinese, where `CST`
/// is China's zone.
pub(super) fn parse_date(written: &str, chinese: bool) -> Option<Timestamp> {
    let text = written.split_whitespace().collect::<Vec<_>>().join(" ");
    if let Some(stamp) = slashed(&text) {
        return Some(stamp);
    }
    // A leading word that is not a number is a day name, in whatever language.
    let start = text.find(|c: char| c.is_ascii_digit())?;
    let head = &text[..start];
    let rest = if head.trim_end().ends_with(',') || !head.trim().is_empty() {
        &text[start..]
    } else {
        text.as_str()
    };
    let (rest, zone) = match rest.rsplit_once(' ') {
        Some((before, name)) => match zone_offset(name, chinese) {
            Some(offset) => (before, Some(offset)),
            None => (rest, None),
        },
        None => (rest, None),
    };
    let mut stamp = Timestamp::parse(rest)?;
    if zone.is_some() {
        stamp.offset_minutes = zone;
    }
    Some(stamp)
}

fn zone_offset(name: &str, chinese: bool) -> Option<i16> {
    let upper = name.to_ascii_uppercase();
    if upper == "CST" && chinese {
        return Some(CHINA_STANDARD_TIME);
    }
    ZONES
        .iter()
        .find(|(zone, _)| *zone == upper)
        .map(|(_, offset)| *offset)
}

/// `YYYY/M/D H:MM[:SS]` (or with `-`, single-digit fields), without a zone: the publisher's
/// local time, kept as written.
fn slashed(text: &str) -> Option<Timestamp> {
    let (date, time) = text.split_once(' ').unwrap_or((text, ""));
    let mut parts = date.split('/');
    let year: i32 = parts
        .next()?
        .parse()
        .ok()
        .filter(|y| (1000..=9999).contains(y))?;
    let month: u8 = parts.next()?.parse().ok()?;
    let day: u8 = parts.next()?.parse().ok()?;
    if parts.next().is_some() {
        return None;
    }
    let mut clock = time.split(':');
    let mut field = || -> Option<u8> {
        match clock.next() {
            None | Some("") => Some(0),
            Some(value) => value.parse().ok(),
        }
    };
    let (hour, minute, second) = (field()?, field()?, field()?);
    if clock.next().is_some() {
        return None;
    }
    let iso = format!("{year:04}-{month:02}-{day:02}T{hour:02}:{minute:02}:{second:02}");
    Timestamp::parse(&iso)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shown(written: &str, chinese: bool) -> Option<(String, Option<i16>)> {
        parse_date(written, chinese).map(|t| (t.wall_clock(), t.offset_minutes))
    }

    #[test]
    fn real_feed_dates() {
        let at = |clock: &str, offset: Option<i16>| Some((clock.to_owned(), offset));
        let cases = [
            (
                "Sun, 19 Apr 2026 06:22:34 +0800",
                false,
                at("2026-04-19 06:22:34", Some(480)),
            ),
            (
                "Sun, 19 Apr 2026 06:22:34 GMT",
                false,
                at("2026-04-19 06:22:34", Some(0)),
            ),
            (
                "Sat, 7 Jan 2017 09:40:00 -0500",
                false,
                at("2017-01-07 09:40:00", Some(-300)),
            ),
            (
                "Sat, 07 Jan 2017 09:40 -0500",
                false,
                at("2017-01-07 09:40:00", Some(-300)),
            ),
            (
                "07 Jan 2017 09:40:00 +0100",
                false,
                at("2017-01-07 09:40:00", Some(60)),
            ),
            ("Mié, 10 Ene 2018 10:00:00 +0100", false, None),
            (
                "Mi, 10 Jan 2018 10:00:00 +0100",
                false,
                at("2018-01-10 10:00:00", Some(60)),
            ),
            (
                "星期三, 10 Jan 2018 10:00:00 +0800",
                false,
                at("2018-01-10 10:00:00", Some(480)),
            ),
            (
                "Wed, 10 Jan 2018 10:00:00 CST",
                true,
                at("2018-01-10 10:00:00", Some(480)),
            ),
            (
                "Wed, 10 Jan 2018 10:00:00 CST",
                false,
                at("2018-01-10 10:00:00", Some(-360)),
            ),
            (
                "Wed, 10 Jan 2018 10:00:00 CEST",
                false,
                at("2018-01-10 10:00:00", Some(120)),
            ),
            (
                "  Wed,  10 Jan 2018\n 10:00:00 GMT ",
                false,
                at("2018-01-10 10:00:00", Some(0)),
            ),
            ("2020/1/10 14:33:00", false, at("2020-01-10 14:33:00", None)),
            ("2020/1/10", false, at("2020-01-10 00:00:00", None)),
            ("2019-08-27", false, at("2019-08-27 00:00:00", None)),
            (
                "2017-06-01T12:00:00.123-07:00",
                false,
                at("2017-06-01 12:00:00", Some(-420)),
            ),
            ("yesterday", false, None),
            ("2020/13/10 14:33", false, None),
            ("", false, None),
        ];
        for (written, chinese, expected) in cases {
            assert_eq!(shown(written, chinese), expected, "{written:?}");
        }
    }
}
