//! Hyphenation by the map's language: Knuth–Liang patterns (the TeX
//! patterns, embedded by the `hyphenation` crate), with at least two
//! letters before a break and three after it.

use std::sync::OnceLock;

use hyphenation::{Hyphenator, Language, Load, Standard};

use crate::labels::Lang;

/// The fewest letters before and after a break.
pub const MINIMA: (usize, usize) = (2, 3);

/// Where a word may break, by its language's patterns: byte offsets into
/// `word`, ascending, each a character boundary with at least two letters
/// before and three after. Empty when the word has no break, or when it
/// holds anything but letters (numbers, URLs and codes are copied, not
/// read, and never hyphenated).
pub fn breaks(word: &str, lang: Lang) -> Vec<usize> {
    if word.is_empty() || !word.chars().all(char::is_alphabetic) {
        return Vec::new();
    }
    let Some(dictionary) = dictionary(lang) else { return Vec::new() };
    // The patterns want the word in lower case. Some capitals change their
    // length in UTF-8 when lowered (ẞ → ß, the Kelvin sign → k), so the
    // word is lowered one character at a time, remembering where each
    // character started in the original.
    let mut lower = String::with_capacity(word.len());
    let mut origin = Vec::with_capacity(word.len() + 1);
    for (at, c) in word.char_indices() {
        for l in c.to_lowercase() {
            for _ in 0..l.len_utf8() {
                origin.push(at);
            }
            lower.push(l);
        }
    }
    origin.push(word.len());
    let mut breaks: Vec<usize> = dictionary
        .opportunities(&lower)
        .into_iter()
        .filter_map(|b| origin.get(b).copied())
        .filter(|&b| b > 0 && b < word.len() && word.is_char_boundary(b))
        .collect();
    breaks.dedup();
    breaks
}

fn language(lang: Lang) -> Language {
    match lang {
        Lang::En => Language::EnglishUS,
        Lang::De => Language::German1996,
        Lang::Fr => Language::French,
        Lang::Es => Language::Spanish,
        Lang::Nl => Language::Dutch,
        Lang::Pl => Language::Polish,
        Lang::Sv => Language::Swedish,
    }
}

/// The language's patterns, loaded once per process.
fn dictionary(lang: Lang) -> Option<&'static Standard> {
    static LOADED: [OnceLock<Option<Standard>>; 7] = [
        OnceLock::new(),
        OnceLock::new(),
        OnceLock::new(),
        OnceLock::new(),
        OnceLock::new(),
        OnceLock::new(),
        OnceLock::new(),
    ];
    let index = Lang::ALL.iter().position(|l| *l == lang)?;
    LOADED[index]
        .get_or_init(|| {
            let mut dictionary = Standard::from_embedded(language(lang)).ok()?;
            dictionary.minima = MINIMA;
            Some(dictionary)
        })
        .as_ref()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The word with a hyphen at each break.
    fn marked(word: &str, lang: Lang) -> String {
        let mut out = String::new();
        let mut last = 0;
        for b in breaks(word, lang) {
            out.push_str(&word[last..b]);
            out.push('-');
            last = b;
        }
        out.push_str(&word[last..]);
        out
    }

    #[test]
    fn compounds_break_where_their_language_breaks_them() {
        // German compounds from the workshop maps that were broken blindly.
        let de = marked("Zählerstandsübermittlung", Lang::De);
        assert_eq!(de, "Zäh-ler-stands-über-mitt-lung");
        assert!(marked("Wechselbestätigungsschreiben", Lang::De).contains("schrei-ben"));
        assert_eq!(marked("Jahresverbrauchsabrechnung", Lang::De), "Jah-res-ver-brauchs-ab-rech-nung");
        assert_eq!(marked("Vertragsmanagementabteilung", Lang::De), "Ver-trags-ma-nage-ment-ab-tei-lung");
        // Dutch, Polish and English.
        let nl = marked("ziekenhuisopname", Lang::Nl);
        assert!(nl.contains("zie-ken") && nl.contains("huis"), "{nl}");
        assert_eq!(marked("przedsiębiorstwo", Lang::Pl), "przed-się-bior-stwo");
        assert_eq!(marked("hyphenation", Lang::En), "hy-phen-a-tion");
    }

    #[test]
    fn no_break_leaves_fewer_than_two_letters_before_or_three_after() {
        for lang in Lang::ALL {
            for word in ["Bestätigungsschreiben", "organisation", "information", "Kundenbindungsabteilungsleitung"] {
                for b in breaks(word, lang) {
                    assert!(word[..b].chars().count() >= 2 && word[b..].chars().count() >= 3, "{lang:?} {word} at {b}");
                }
            }
        }
        assert!(breaks("https://example.com", Lang::En).is_empty());
        // Capitals that shrink when lowered keep every break on a character.
        for word in ["GROẞSTADTVERKEHRSÜBERWACHUNG", "\u{212A}ELVINTEMPERATURMESSUNG", "İSTANBULREISEBÜRO"] {
            for lang in Lang::ALL {
                for b in breaks(word, lang) {
                    assert!(word.is_char_boundary(b), "{lang:?} {word} at {b}");
                }
            }
        }
        assert_eq!(breaks("SCHREIBEN", Lang::De), breaks("schreiben", Lang::De));
        assert!(breaks("2026", Lang::De).is_empty());
    }
}
