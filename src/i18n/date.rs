//! Publication times as each language writes them, in the publisher's offset.
//!
//! Formatted here rather than by the browser's `Intl` so that `newsctl render` on the host
//! and the wasm print the same bytes, and so no locale data ships.

use super::Lang;
use crate::timestamp::Timestamp;

/// Arabic month names as Egyptian and Gulf news sites print them.
const AR_MONTHS: [&str; 12] = [
    "يناير",
    "فبراير",
    "مارس",
    "أبريل",
    "مايو",
    "يونيو",
    "يوليو",
    "أغسطس",
    "سبتمبر",
    "أكتوبر",
    "نوفمبر",
    "ديسمبر",
];

impl Lang {
    /// The publication time as shown in the meta line: the source page's
    /// `2025-03-19 13:20:05` in Simplified Chinese and English, the calendar wording of
    /// Traditional Chinese, Japanese, Korean and Arabic news pages otherwise.
    pub fn format_time(&self, t: &Timestamp) -> String {
        let (y, mo, d, h, mi) = (t.year, t.month, t.day, t.hour, t.minute);
        match self {
            Lang::ZhCn | Lang::En => t.wall_clock(),
            Lang::ZhHant | Lang::Ja => format!("{y}年{mo}月{d}日 {h:02}:{mi:02}"),
            Lang::Ko => format!("{y}.{mo:02}.{d:02} {h:02}:{mi:02}"),
            Lang::Ar => {
                let month = AR_MONTHS[usize::from(mo.clamp(1, 12)) - 1];
                format!("{d} {month} {y}، {h:02}:{mi:02}")
            }
        }
    }
}
