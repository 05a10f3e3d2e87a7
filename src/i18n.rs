//! The widget's own UI strings, in six languages, and which one a widget speaks.
//!
//! Feed content is shown as written; only the words the widget adds (button labels, state
//! messages, the time and source labels, dates, failure messages) are translated. The
//! language is chosen by [`Lang::resolve`]; its tables are in [`ui`] and [`network`].

pub mod date;
pub mod network;
pub mod ui;

pub use network::NetworkStrings;
pub use ui::{MetaLine, MetaPart, Strings};

/// A UI language of the widget.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Lang {
    /// Simplified Chinese (zh-Hans: zh-CN, zh-SG), the language of the page the widget was
    /// modelled on.
    #[default]
    ZhCn,
    /// Traditional Chinese (zh-Hant: zh-TW, zh-HK, zh-MO).
    ZhHant,
    En,
    Ja,
    Ko,
    /// Arabic, written right to left.
    Ar,
}

/// Primary subtags of the languages written right to left that a feed is likely to be in:
/// the widget speaks only Arabic of them, but lays out any of them right to left.
const RTL: [&str; 6] = ["ar", "he", "iw", "fa", "ur", "yi"];

impl Lang {
    /// Every UI language, for tests and tools that go through them all.
    pub const ALL: [Lang; 6] = [
        Lang::ZhCn,
        Lang::ZhHant,
        Lang::En,
        Lang::Ja,
        Lang::Ko,
        Lang::Ar,
    ];

    /// Reads a BCP 47 tag, ignoring case and accepting `_`: by its primary subtag, and for
    /// Chinese by its script (`Hant`, `Hans`) or else its region (TW, HK, MO are
    /// Traditional). `zh-Hant-HK`, `zh_hk`, `en-GB`, `ja-JP`, `ar-EG` … `None` for a language
    /// the widget does not speak.
    pub fn parse(tag: &str) -> Option<Lang> {
        let mut subtags = tag.trim().split(['-', '_']);
        let primary = subtags.next().unwrap_or("").to_ascii_lowercase();
        Some(match primary.as_str() {
            "zh" => {
                let mut traditional = false;
                for subtag in subtags {
                    let subtag = subtag.to_ascii_lowercase();
                    match subtag.as_str() {
                        // An explicit script outranks any region (zh-Hans-HK is Simplified).
                        "hant" => return Some(Lang::ZhHant),
                        "hans" => return Some(Lang::ZhCn),
                        "tw" | "hk" | "mo" => traditional = true,
                        _ => {}
                    }
                }
                if traditional {
                    Lang::ZhHant
                } else {
                    Lang::ZhCn
                }
            }
            // Cantonese is read in Traditional characters in Hong Kong and Macau.
            "yue" => Lang::ZhHant,
            "en" => Lang::En,
            "ja" => Lang::Ja,
            "ko" => Lang::Ko,
            "ar" => Lang::Ar,
            _ => return None,
        })
    }

    /// The first language the widget speaks of: the `lang` attribute, the feed's
    /// `language`, the host page's `<html lang>`, the language read from the content's
    /// script; zh-CN when none is known.
    pub fn resolve(candidates: [Option<&str>; 4]) -> Lang {
        candidates
            .into_iter()
            .flatten()
            .find_map(Lang::parse)
            .unwrap_or_default()
    }

    /// The tag for `lang` attributes.
    pub fn tag(&self) -> &'static str {
        match self {
            Lang::ZhCn => "zh-CN",
            Lang::ZhHant => "zh-Hant",
            Lang::En => "en",
            Lang::Ja => "ja",
            Lang::Ko => "ko",
            Lang::Ar => "ar",
        }
    }

    /// The `dir` of text in this language.
    pub fn dir(&self) -> &'static str {
        if *self == Lang::Ar {
            "rtl"
        } else {
            "ltr"
        }
    }

    /// The UI strings of this language.
    pub fn strings(&self) -> &'static Strings {
        ui::table(*self)
    }

    /// The network states' strings of this language.
    pub fn network_strings(&self) -> &'static NetworkStrings {
        network::table(*self)
    }
}

/// The `dir` for content tagged `tag` (any language, spoken by the widget or not): `rtl`
/// for Arabic, Hebrew, Persian, Urdu, Yiddish or a tag naming the Arabic or Hebrew script,
/// `ltr` for any other non-empty tag, `None` for an empty one (language unknown: the
/// direction of what surrounds it stays).
pub fn dir_of(tag: &str) -> Option<&'static str> {
    let tag = tag.trim();
    if tag.is_empty() {
        return None;
    }
    let mut subtags = tag.split(['-', '_']);
    let primary = subtags.next().unwrap_or("");
    let rtl = RTL.iter().any(|l| l.eq_ignore_ascii_case(primary))
        || subtags.any(|s| s.eq_ignore_ascii_case("arab") || s.eq_ignore_ascii_case("hebr"));
    Some(if rtl { "rtl" } else { "ltr" })
}
