//! Writing systems that don't put spaces between words: Chinese, Japanese, Thai, Lao, Khmer
//! and Myanmar. There a word boundary can't be seen, so a muted word is looked for inside runs
//! of their letters (see [`crate::guards`]).
//! Told by explicit Unicode blocks, kept small: std's `char` knows letters from the rest but
//! not scripts, and a script crate would be a table of every script for these few.

/// The Unicode blocks whose letters are written without spaces between words.
const UNSPACED: [(char, char); 17] = [
    ('\u{0E00}', '\u{0E7F}'),   // Thai
    ('\u{0E80}', '\u{0EFF}'),   // Lao
    ('\u{1000}', '\u{109F}'),   // Myanmar
    ('\u{1780}', '\u{17FF}'),   // Khmer
    ('\u{19E0}', '\u{19FF}'),   // Khmer Symbols
    ('\u{3005}', '\u{3007}'),   // 々 〆 〇, from CJK Symbols and Punctuation
    ('\u{3040}', '\u{309F}'),   // Hiragana
    ('\u{30A0}', '\u{30FF}'),   // Katakana
    ('\u{31F0}', '\u{31FF}'),   // Katakana Phonetic Extensions
    ('\u{3400}', '\u{4DBF}'),   // CJK Unified Ideographs Extension A
    ('\u{4E00}', '\u{9FFF}'),   // CJK Unified Ideographs
    ('\u{A9E0}', '\u{A9FF}'),   // Myanmar Extended-B
    ('\u{AA60}', '\u{AA7F}'),   // Myanmar Extended-A
    ('\u{F900}', '\u{FAFF}'),   // CJK Compatibility Ideographs
    ('\u{FF66}', '\u{FF9F}'),   // Halfwidth Katakana
    ('\u{116D0}', '\u{116FF}'), // Myanmar Extended-C
    ('\u{20000}', '\u{323AF}'), // CJK Unified Ideographs Extensions B to H, and their
                                // compatibility supplement
];

/// Whether `c` belongs to a script written without spaces between words.
pub fn unspaced(c: char) -> bool {
    UNSPACED
        .iter()
        .any(|(first, last)| (*first..=*last).contains(&c))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scripts_without_spaces_are_told_from_the_rest() {
        for c in ['维', 'ヴ', 'ー', 'つ', '々', 'เ', 'ກ', 'ក', 'မ', 'ｳ', '𠀋'] {
            assert!(unspaced(c), "{c}");
        }
        // Latin, Greek, Cyrillic, Arabic, Hebrew, Devanagari and Korean put spaces between words.
        for c in ['a', 'é', 'Ω', 'ж', 'ع', 'ש', 'क', '한', '1', ' ', '、'] {
            assert!(!unspaced(c), "{c}");
        }
    }
}
