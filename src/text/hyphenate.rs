//! Hyphenation by the map's language: Knuth–Liang patterns (the TeX
//! patterns, as the `hyphenation` crate compiles them), with at least two
//! letters before a break and three after it. A Greek or Cyrillic word in
//! a map of another language (a Greek name in a Polish map) is broken by
//! its own script's patterns.
//!
//! Only the dictionaries journeymap uses are compiled in (the seven
//! languages, Greek, Russian and Ukrainian: 0.5 MB, from `hyphenation/`),
//! not the crate's eighty (3 MB).

use std::sync::OnceLock;

use hyphenation::{Hyphenator, Language, Load, Standard};

use crate::labels::Lang;

/// The patterns a word is broken by: a map language's, or a script's.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Patterns {
    Map(Lang),
    Greek,
    Russian,
    Ukrainian,
}

impl Patterns {
    /// Every dictionary compiled in, in a fixed order (an index into the
    /// loaded dictionaries).
    const ALL: [Patterns; 10] = [
        Patterns::Map(Lang::En),
        Patterns::Map(Lang::De),
        Patterns::Map(Lang::Fr),
        Patterns::Map(Lang::Es),
        Patterns::Map(Lang::Nl),
        Patterns::Map(Lang::Pl),
        Patterns::Map(Lang::Sv),
        Patterns::Greek,
        Patterns::Russian,
        Patterns::Ukrainian,
    ];

    /// The patterns for `word` in a map in `lang`: its script's when most
    /// of its letters are Greek or Cyrillic (a Latin "o" typed among Greek
    /// letters does not make a Greek word Polish), otherwise the map's.
    fn for_word(word: &str, lang: Lang) -> Patterns {
        let greek = |c: char| matches!(c, '\u{0370}'..='\u{03FF}' | '\u{1F00}'..='\u{1FFF}');
        let cyrillic = |c: char| matches!(c, '\u{0400}'..='\u{04FF}');
        let letters = word.chars().filter(|c| c.is_alphabetic()).count();
        let most = |script: &dyn Fn(char) -> bool| word.chars().filter(|&c| script(c)).count() * 2 > letters;
        if most(&greek) {
            Patterns::Greek
        } else if most(&cyrillic) {
            // Letters Russian does not have mark a Ukrainian word.
            if word.chars().any(|c| "ІіЇїЄєҐґ".contains(c)) { Patterns::Ukrainian } else { Patterns::Russian }
        } else {
            Patterns::Map(lang)
        }
    }

    fn language(self) -> Language {
        match self {
            Patterns::Map(Lang::En) => Language::EnglishUS,
            Patterns::Map(Lang::De) => Language::German1996,
            Patterns::Map(Lang::Fr) => Language::French,
            Patterns::Map(Lang::Es) => Language::Spanish,
            Patterns::Map(Lang::Nl) => Language::Dutch,
            Patterns::Map(Lang::Pl) => Language::Polish,
            Patterns::Map(Lang::Sv) => Language::Swedish,
            Patterns::Greek => Language::GreekMono,
            Patterns::Russian => Language::Russian,
            Patterns::Ukrainian => Language::Ukrainian,
        }
    }

    /// The compiled dictionary's bytes.
    fn bytes(self) -> &'static [u8] {
        match self {
            Patterns::Map(Lang::En) => include_bytes!("../../hyphenation/en-us.standard.bincode"),
            Patterns::Map(Lang::De) => include_bytes!("../../hyphenation/de-1996.standard.bincode"),
            Patterns::Map(Lang::Fr) => include_bytes!("../../hyphenation/fr.standard.bincode"),
            Patterns::Map(Lang::Es) => include_bytes!("../../hyphenation/es.standard.bincode"),
            Patterns::Map(Lang::Nl) => include_bytes!("../../hyphenation/nl.standard.bincode"),
            Patterns::Map(Lang::Pl) => include_bytes!("../../hyphenation/pl.standard.bincode"),
            Patterns::Map(Lang::Sv) => include_bytes!("../../hyphenation/sv.standard.bincode"),
            Patterns::Greek => include_bytes!("../../hyphenation/el-monoton.standard.bincode"),
            Patterns::Russian => include_bytes!("../../hyphenation/ru.standard.bincode"),
            Patterns::Ukrainian => include_bytes!("../../hyphenation/uk.standard.bincode"),
        }
    }
}

/// The fewest letters before and after a break.
pub const MINIMA: (usize, usize) = (2, 3);

/// Combining marks: a word typed with its accents apart ("ο" and U+0301
/// for "ό", as some keyboards and file systems store it) is still a word.
fn is_mark(c: char) -> bool {
    matches!(c, '\u{0300}'..='\u{036F}' | '\u{1AB0}'..='\u{1AFF}' | '\u{1DC0}'..='\u{1DFF}' | '\u{20D0}'..='\u{20FF}' | '\u{FE20}'..='\u{FE2F}')
}

/// Where a word may break, by its language's patterns: byte offsets into
/// `word`, ascending, each a character boundary with at least two letters
/// before and three after, never between a letter and its accent. Empty
/// when the word has no break, or when it holds anything but letters and
/// their accents (numbers, URLs and codes are copied, not read, and never
/// hyphenated).
pub fn breaks(word: &str, lang: Lang) -> Vec<usize> {
    let letter = |c: char| c.is_alphabetic() || is_mark(c);
    if word.is_empty() || !word.chars().all(letter) || word.starts_with(is_mark) {
        return Vec::new();
    }
    let Some(dictionary) = dictionary(Patterns::for_word(word, lang)) else { return Vec::new() };
    // The patterns want the word in lower case. Some capitals change their
    // length in UTF-8 when lowered (ẞ → ß, the Kelvin sign → k), so the
    // word is lowered one character at a time, remembering where each
    // character started in the original.
    let mut lower = String::with_capacity(word.len());
    let mut origin = Vec::with_capacity(word.len() + 1);
    // Accents typed apart are left out: the patterns know letters, and
    // a break before a letter lands after the accents of the one before.
    for (at, c) in word.char_indices().filter(|&(_, c)| !is_mark(c)) {
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
        .filter(|&b| b > 0 && b < word.len() && word.is_char_boundary(b) && !word[b..].starts_with(is_mark))
        .collect();
    breaks.dedup();
    breaks
}

/// A dictionary, loaded once per process.
fn dictionary(patterns: Patterns) -> Option<&'static Standard> {
    static LOADED: [OnceLock<Option<Standard>>; 10] = [const { OnceLock::new() }; 10];
    let index = Patterns::ALL.iter().position(|p| *p == patterns)?;
    LOADED[index]
        .get_or_init(|| {
            let mut dictionary = Standard::from_reader(patterns.language(), &mut patterns.bytes()).ok()?;
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

    #[test]
    fn every_compiled_dictionary_loads_and_breaks() {
        for patterns in Patterns::ALL {
            assert!(dictionary(patterns).is_some(), "{patterns:?} loads");
        }
        // A Greek name in a Polish map, and Russian and Ukrainian words,
        // break by their own script's patterns.
        assert!(!breaks("Θεσσαλονίκη", Lang::Pl).is_empty(), "Greek");
        // Greek syllables, whatever the map's language; the last two
        // letters stay together (three after a break at least).
        for lang in [Lang::Pl, Lang::En] {
            assert_eq!(marked("Παρακολούθηση", lang), "Πα-ρα-κο-λού-θηση", "{lang:?}");
            assert_eq!(marked("ΠΑΡΑΚΟΛΟΥΘΗΣΗ", lang), "ΠΑ-ΡΑ-ΚΟ-ΛΟΥ-ΘΗΣΗ", "{lang:?}");
            // Its accent typed apart, and a Latin "o" among the Greek
            // letters: still Greek syllables, never a break between
            // letters as the last resort.
            assert_eq!(marked("Παρακολου\u{301}θηση", lang), "Πα-ρα-κο-λου\u{301}-θηση", "{lang:?}");
            // (The patterns do not know the "o": one break fewer, none wrong.)
            assert_eq!(marked("Παρακoλούθηση", lang), "Πα-ρα-κoλού-θηση", "{lang:?}");
        }
        assert!(!breaks("достопримечательность", Lang::En).is_empty(), "Russian");
        assert_eq!(Patterns::for_word("їжачок", Lang::De), Patterns::Ukrainian);
        assert_eq!(Patterns::for_word("Straße", Lang::De), Patterns::Map(Lang::De));
    }
}
