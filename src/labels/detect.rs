//! The map's language when it does not say (SPEC §2.1): read from its
//! text by `whatlang`'s trigram and alphabet statistics, which are
//! deterministic (no randomness, no hash order) and pure Rust.
//!
//! A guess is taken only when it is clearly right: enough letters to
//! judge, a detection the crate calls reliable, and a language the poster
//! speaks. Anything less leaves the poster in English, as before there was
//! detection; a wrong language would be worse than none.

use super::Lang;
use crate::model::{Journey, Text};

/// The most characters of the map's text read. Trigram statistics settle
/// long before this, and it keeps detection cheap for any map.
pub const SAMPLE_CHARS: usize = 4_000;

/// The fewest letters worth a guess: about fifteen words. Fewer, and a
/// title and a few stage names could read as any language.
pub const MIN_LETTERS: usize = 80;

/// The language a map without `lang` is written in, when its text says so
/// clearly and the poster speaks it; `None` for a map that has `lang`
/// (which is never second-guessed) or whose language is unclear.
pub fn detect(journey: &Journey) -> Option<Lang> {
    if journey.lang.is_some() {
        return None;
    }
    detect_text(&sample(journey))
}

/// The built-in language `text` is clearly written in, if any.
pub fn detect_text(text: &str) -> Option<Lang> {
    let text: String = text.chars().take(SAMPLE_CHARS).collect();
    // Long compounds, codes and URLs are few words but many trigrams: a
    // map of English sentences around German compounds reads as German by
    // trigrams alone. The ordinary words must say the same.
    let ordinary: String =
        text.split(char::is_whitespace).filter(|w| w.chars().count() <= ORDINARY_WORD).collect::<Vec<_>>().join(" ");
    let lang = reliable(&text)?;
    (reliable(&ordinary)? == lang).then_some(lang)
}

/// The longest word that counts as an ordinary one, in characters.
const ORDINARY_WORD: usize = 16;

/// What `whatlang` reads `text` as, when there are letters enough to
/// judge, it says it is reliable and the language is built in.
fn reliable(text: &str) -> Option<Lang> {
    if text.chars().filter(|c| c.is_alphabetic()).count() < MIN_LETTERS {
        return None;
    }
    let info = whatlang::detect(text).filter(whatlang::Info::is_reliable)?;
    match info.lang() {
        whatlang::Lang::Eng => Some(Lang::En),
        whatlang::Lang::Deu => Some(Lang::De),
        whatlang::Lang::Fra => Some(Lang::Fr),
        whatlang::Lang::Spa => Some(Lang::Es),
        whatlang::Lang::Nld => Some(Lang::Nl),
        whatlang::Lang::Pol => Some(Lang::Pl),
        whatlang::Lang::Swe => Some(Lang::Sv),
        _ => None,
    }
}

/// The map's prose, one piece a line, cut at [`SAMPLE_CHARS`]: the title
/// and the words the team wrote about the journey. Names of channels,
/// owners and actors are left out: they are short, often borrowed
/// ("App", "Web", "Key account") and say little about the language.
fn sample(journey: &Journey) -> String {
    let mut sample = Sample::default();
    let j = journey;
    for text in std::iter::once(&j.title).chain([&j.subtitle, &j.description, &j.persona].into_iter().flatten()) {
        sample.push(text);
    }
    for lane in &j.lanes {
        sample.push(&lane.title);
    }
    for stage in &j.stages {
        sample.push(&stage.name);
        let answers = [&stage.doing, &stage.motivation, &stage.concerns, &stage.alleviation];
        for text in answers.into_iter().flatten().chain(stage.lanes.iter().map(|(_, t)| t)) {
            sample.text(text);
        }
        if let Some(note) = &stage.effort_note {
            sample.push(note);
        }
        for t in &stage.touchpoints {
            for text in [Some(&t.name), t.note.as_ref(), t.action.as_ref()].into_iter().flatten() {
                sample.push(text);
            }
        }
        if sample.full() {
            break;
        }
    }
    sample.text
}

/// The sample being gathered: stops taking text at [`SAMPLE_CHARS`], so
/// gathering costs no more than the sample, however large the map.
#[derive(Default)]
struct Sample {
    text: String,
    chars: usize,
}

impl Sample {
    fn full(&self) -> bool {
        self.chars >= SAMPLE_CHARS
    }

    fn push(&mut self, piece: &str) {
        for c in piece.chars().chain(['\n']) {
            if self.full() {
                return;
            }
            self.text.push(c);
            self.chars += 1;
        }
    }

    fn text(&mut self, text: &Text) {
        match text {
            Text::Paragraph(p) => self.push(p),
            Text::Bullets(bullets) => bullets.iter().for_each(|b| self.push(b)),
        }
    }
}

impl Lang {
    /// The language a poster of `journey` speaks: its `lang` when written
    /// (English when that names no built-in language), otherwise the
    /// language its text is clearly written in, otherwise English. Labels,
    /// hyphenation and dates all follow it.
    pub fn of(journey: &Journey) -> Lang {
        match &journey.lang {
            Some(tag) => Lang::from_tag(tag).unwrap_or_default(),
            None => detect(journey).unwrap_or_default(),
        }
    }

    /// The language's name in English, for messages.
    pub fn name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::De => "German",
            Lang::Fr => "French",
            Lang::Es => "Spanish",
            Lang::Nl => "Dutch",
            Lang::Pl => "Polish",
            Lang::Sv => "Swedish",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::{Options, parse_str};

    /// The journey of a map's text, with its `lang` line taken out.
    fn without_lang(text: &str) -> Journey {
        let text: String = text.lines().filter(|l| !l.starts_with("lang =")).map(|l| format!("{l}\n")).collect();
        let journey = parse_str("map.toml", &text, &Options::default()).journey.expect("a valid map");
        assert_eq!(journey.lang, None, "the lang line is gone");
        journey
    }

    const GERMAN: &str = include_str!("../../tests/maps/valid/german-energy.toml");
    const POLISH: &str = include_str!("../../tests/maps/valid/polish-insurance.toml");

    #[test]
    fn the_test_maps_read_as_their_languages() {
        assert_eq!(detect(&without_lang(GERMAN)), Some(Lang::De));
        assert_eq!(detect(&without_lang(POLISH)), Some(Lang::Pl));
        assert_eq!(Lang::of(&without_lang(GERMAN)), Lang::De);
        for sample in [
            include_str!("../../samples/airline.toml"),
            include_str!("../../samples/clinic-visit.toml"),
            include_str!("../../samples/saas-onboarding.toml"),
            include_str!("../../tests/maps/valid/twelve-stages.toml"),
            // English sentences around German compounds, Greek and Russian:
            // trigrams alone read it as German, its ordinary words do not.
            include_str!("../../tests/maps/valid/long-words.toml"),
        ] {
            let journey = without_lang(sample);
            assert!(matches!(detect(&journey), Some(Lang::En) | None), "{}", journey.title);
            assert_eq!(Lang::of(&journey), Lang::En, "{}", journey.title);
        }
    }

    #[test]
    fn a_written_lang_is_never_second_guessed() {
        let journey = parse_str("m.toml", GERMAN, &Options::default()).journey.expect("valid");
        assert_eq!(detect(&journey), None);
        assert_eq!(Lang::of(&journey), Lang::De);
        let english = GERMAN.replace("lang = \"de\"", "lang = \"en\"");
        let journey = parse_str("m.toml", &english, &Options::default()).journey.expect("valid");
        assert_eq!((detect(&journey), Lang::of(&journey)), (None, Lang::En));
        // A tag without built-in labels is English, not the text's language.
        let italian = GERMAN.replace("lang = \"de\"", "lang = \"it\"");
        let journey = parse_str("m.toml", &italian, &Options::default()).journey.expect("valid");
        assert_eq!(Lang::of(&journey), Lang::En);
    }

    #[test]
    fn too_little_text_or_another_language_stays_english() {
        // A title and two stage names: too few letters to judge.
        let short = "title = \"Stromanbieterwechsel\"\n[[stage]]\nname = \"Aufmerksamkeit\"\n\
                     [[stage]]\nname = \"Vertragsabschluss\"\n";
        let journey = parse_str("m.toml", short, &Options::default()).journey.expect("valid");
        assert_eq!(detect(&journey), None);
        assert_eq!(Lang::of(&journey), Lang::En);
        // Italian is no built-in language: no guess at a neighbour.
        let italian = "Il cliente confronta le tariffe sul portale e legge le recensioni degli altri \
                       clienti prima di scegliere il nuovo fornitore di energia elettrica per la casa";
        assert_eq!(detect_text(italian), None);
        assert_eq!(detect_text("Sprawdza warunki ubezpieczenia po kolizji"), None, "under the letter floor");
    }

    #[test]
    fn the_sample_is_capped() {
        let mut map = String::from("title = \"Wechsel\"\n");
        for i in 0..400 {
            map += &format!(
                "[[stage]]\nname = \"Abschnitt {i}\"\ndoing = \"Vergleicht Tarife im Vergleichsportal und liest Erfahrungsberichte\"\n"
            );
        }
        let journey = parse_str("m.toml", &map, &Options::default()).journey.expect("valid");
        assert_eq!(sample(&journey).chars().count(), SAMPLE_CHARS);
        assert_eq!(detect(&journey), Some(Lang::De));
    }
}
