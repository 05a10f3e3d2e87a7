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
