//! A language tag for text whose feed does not say its language, read from its script.
//!
//! Only what typography and layout need: Chinese, Japanese and Korean text wants its own
//! fonts and punctuation; Arabic and Hebrew text runs right to left; every other script is
//! set Latin-first. So the guess is `zh`, `ja`, `ko`, `ar`, `he`, or the empty tag (HTML's
//! "language unknown"), which keeps an inherited `zh-CN` from choosing CJK fonts for an
//! English article. (Persian and Urdu are written in Arabic letters: `ar` gets their
//! direction right, which is what the tag is for here.)

/// Characters read: the start of an article decides its script.
const SAMPLE: usize = 2_000;

/// `Some("zh" | "ja" | "ko")` for text mostly in CJK scripts, `Some("ar" | "he")` for text
/// mostly in Arabic or Hebrew letters, `Some("")` for text mostly in others, `None` for text
/// without letters.
pub fn guess(text: &str) -> Option<&'static str> {
    let (mut letters, mut han, mut kana, mut hangul) = (0usize, 0usize, 0usize, 0usize);
    let (mut arabic, mut hebrew) = (0usize, 0usize);
    for c in text.chars().take(SAMPLE) {
        match c {
            '\u{600}'..='\u{6FF}'
            | '\u{750}'..='\u{77F}'
            | '\u{FB50}'..='\u{FDFF}'
            | '\u{FE70}'..='\u{FEFC}' => {
                arabic += 1;
                letters += 1
            }
            '\u{591}'..='\u{5F4}' | '\u{FB1D}'..='\u{FB4F}' => {
                hebrew += 1;
                letters += 1
            }
            '\u{3040}'..='\u{30FF}' | '\u{31F0}'..='\u{31FF}' | '\u{FF66}'..='\u{FF9D}' => {
                kana += 1
            }
            '\u{1100}'..='\u{11FF}' | '\u{3130}'..='\u{318F}' | '\u{AC00}'..='\u{D7AF}' => {
                hangul += 1
            }
            '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}' => han += 1,
            c if is_other_letter(c) => letters += 1,
            _ => {}
        }
    }
    let cjk = han + kana + hangul;
    if cjk + letters == 0 {
        return None;
    }
    // A CJK character is about a syllable, a Latin letter a fraction of one: weighing them
    // 3 to 1 compares how much is written in each.
    if cjk * 3 < letters {
        // Most letters right-to-left: a left-to-right name quoted in it stays a quote.
        return Some(if arabic * 2 > letters {
            "ar"
        } else if hebrew * 2 > letters {
            "he"
        } else {
            ""
        });
    }
    // Japanese mixes kana into its kanji; Korean is written in hangul.
    Some(if hangul > kana {
        "ko"
    } else if kana > 0 {
        "ja"
    } else {
        "zh"
    })
}

/// Letters of the alphabetic scripts a feed is likely to be written in (Latin, Greek,
/// Cyrillic, Armenian, Hebrew, Arabic, Indic, Thai, Lao): ranges rather than
/// `char::is_alphabetic`, whose Unicode tables cost wasm for no better guess.
fn is_other_letter(c: char) -> bool {
    c.is_ascii_alphabetic()
        || matches!(c, '\u{C0}'..='\u{24F}' | '\u{370}'..='\u{6FF}' | '\u{900}'..='\u{EFF}' | '\u{1E00}'..='\u{1FFF}')
            && c != '\u{D7}'
            && c != '\u{F7}'
}
