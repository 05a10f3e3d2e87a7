#![cfg(not(target_arch = "wasm32"))]
//! Publication times as feeds write them.

use news_widget::timestamp::Timestamp;

fn at(
    (year, month, day): (i32, u8, u8),
    (hour, minute, second): (u8, u8, u8),
    offset_minutes: Option<i16>,
) -> Timestamp {
    Timestamp {
        year,
        month,
        day,
        hour,
        minute,
        second,
        offset_minutes,
    }
}

#[test]
fn rfc3339_and_its_relaxations_parse() {
    for (written, want) in [
        (
            "2025-03-19T13:20:05+08:00",
            at((2025, 3, 19), (13, 20, 5), Some(480)),
        ),
        (
            "2010-02-07T14:04:00-05:00",
            at((2010, 2, 7), (14, 4, 0), Some(-300)),
        ),
        (
            "2019-10-12T07:20:50.52Z",
            at((2019, 10, 12), (7, 20, 50), Some(0)),
        ),
        (
            "2023-07-08T16:56:07.000Z",
            at((2023, 7, 8), (16, 56, 7), Some(0)),
        ),
        (
            "2023-07-08t16:56:07z",
            at((2023, 7, 8), (16, 56, 7), Some(0)),
        ),
        (
            "2016-02-09T14:22:00+0530",
            at((2016, 2, 9), (14, 22, 0), Some(330)),
        ),
        (
            "2016-02-09T14:22:00-07",
            at((2016, 2, 9), (14, 22, 0), Some(-420)),
        ),
        ("2018-01-06T08:00", at((2018, 1, 6), (8, 0, 0), None)),
        ("2018-01-06T08:00Z", at((2018, 1, 6), (8, 0, 0), Some(0))),
        ("2022-07-26 13:01:01", at((2022, 7, 26), (13, 1, 1), None)),
        (
            "2022-07-26 13:01:01 +0000",
            at((2022, 7, 26), (13, 1, 1), Some(0)),
        ),
        ("2022-07-26", at((2022, 7, 26), (0, 0, 0), None)),
        (
            " 2024-02-29T23:59:60Z ",
            at((2024, 2, 29), (23, 59, 60), Some(0)),
        ),
    ] {
        assert_eq!(Timestamp::parse(written), Some(want), "{written:?}");
    }
}

#[test]
fn rfc2822_parses() {
    for (written, want) in [
        (
            "Fri, 31 May 2019 12:17:58 -0700",
            at((2019, 5, 31), (12, 17, 58), Some(-420)),
        ),
        (
            "Mon, 26 Jun 2017 19:40:58 GMT",
            at((2017, 6, 26), (19, 40, 58), Some(0)),
        ),
        (
            "26 Jun 2017 19:40 UT",
            at((2017, 6, 26), (19, 40, 0), Some(0)),
        ),
        (
            "Tue, 1 Jan 02 00:00:00 EST",
            at((2002, 1, 1), (0, 0, 0), Some(-300)),
        ),
        (
            "Tue, 01 January 1999 23:59:59 +0100",
            at((1999, 1, 1), (23, 59, 59), Some(60)),
        ),
        (
            "Thu, 7 Sept 2023 10:00:00 PDT",
            at((2023, 9, 7), (10, 0, 0), Some(-420)),
        ),
        (
            "Wed, 02 Oct 2002 08:00:00 -0000 (UTC)",
            at((2002, 10, 2), (8, 0, 0), Some(0)),
        ),
        (
            "Wed, 02 Oct 2002 08:00:00 XYZ",
            at((2002, 10, 2), (8, 0, 0), None),
        ),
        (
            "Wed, 02 Oct 2002 08:00:00",
            at((2002, 10, 2), (8, 0, 0), None),
        ),
    ] {
        assert_eq!(Timestamp::parse(written), Some(want), "{written:?}");
    }
}

#[test]
fn out_of_range_fields_and_junk_are_rejected() {
    for written in [
        "",
        "yesterday",
        "2019-13-01",
        "2019-00-10",
        "2019-02-29",
        "1900-02-29",
        "2019-04-31",
        "2019-01-00",
        "2019-01-01T24:00",
        "2019-01-01T23:60",
        "2019-01-01T23:59:61",
        "2019-01-01T10:00+24:00",
        "2019-01-01T10:00+05:60",
        "2019-01-01T10:00:00.Z",
        "2019-01-01T10:00:00Z junk",
        "2019-1-1",
        "20190101",
        "2019-01-01X10:00",
        "31 Foo 2019 12:00:00 GMT",
        "31 Junk 2019 12:00:00 GMT",
        "31 Feb 2019 12:00:00 GMT",
        "Fri, 31 May 2019 25:00:00 GMT",
        "Fri, 31 May 2019 12:00:00 +0700 trailing",
        "Fri, 31 May 2019",
        "٢٠١٩-٠١-٠١",
    ] {
        assert_eq!(Timestamp::parse(written), None, "{written:?}");
    }
    assert!(
        Timestamp::parse("2000-02-29").is_some(),
        "2000 is a leap year"
    );
}

#[test]
fn wall_clock_keeps_the_written_offset() {
    let stamp = Timestamp::parse("2025-03-19T13:20:05+08:00").expect("parses");
    assert_eq!(stamp.wall_clock(), "2025-03-19 13:20:05");
}
