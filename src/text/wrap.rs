//! Breaking text into lines that fit a width: at UAX #14 opportunities,
//! and between grapheme clusters for a word longer than the line.

use std::borrow::Cow;

use unicode_linebreak::{BreakOpportunity, linebreaks};

use super::fonts::Style;
use super::hyphenate;
use super::shape::{ShapedLine, Shaper};
use super::word_break::{BREAK_HYPHEN, Rough, break_glued};
use crate::labels::Lang;

/// Shaped text broken into lines.
#[derive(Debug, Clone, PartialEq)]
pub struct Wrapped {
    /// The lines, top to bottom; never wider than the width asked for
    /// (unless a single grapheme, with its break hyphen, is wider than the
    /// line: no break can help that, and the layout's tests rule it out for
    /// the column widths it allows).
    pub lines: Vec<ShapedLine>,
    /// Characters no loaded face can draw.
    pub missing: Vec<char>,
    /// Words broken between letters where the language's patterns offer
    /// no break that fits: the last resort, which `render` reports.
    pub forced: usize,
}

/// Collapses runs of white space (except newlines, which are kept as hard
/// breaks) to one space and trims each line, as SVG would show them. A
/// no-break space is kept: it glues the words on either side into one
/// (UAX #14 never breaks at it) and is printed as a space.
pub fn normalize(text: &str) -> String {
    let collapses = |c: char| c.is_whitespace() && c != NO_BREAK_SPACE;
    text.split('\n')
        .map(|line| line.split(collapses).filter(|w| !w.is_empty()).collect::<Vec<_>>().join(" "))
        .collect::<Vec<_>>()
        .join("\n")
        .trim()
        .to_owned()
}

/// Breaks `text` into lines no wider than `max_width` px at `size` px in
/// `style`. White space is normalised first (see [`normalize`]).
///
/// Lines are filled from the cached widths of their words, which is fast
/// but ignores kerning across a break opportunity; every line is then
/// shaped whole, and if any came out too wide the text is wrapped again
/// measuring each candidate line exactly. The result fits whenever the
/// widest grapheme does.
pub fn wrap(shaper: &Shaper<'_>, text: &str, style: Style, size: f64, max_width: f64) -> Wrapped {
    wrap_in(shaper, text, style, size, max_width, None)
}

/// [`wrap`], breaking a word longer than the line by the hyphenation
/// patterns of `lang` first (see [`super::hyphenate`]), and between
/// letters only where they offer no break that fits.
pub fn wrap_in(
    shaper: &Shaper<'_>,
    text: &str,
    style: Style,
    size: f64,
    max_width: f64,
    lang: Option<Lang>,
) -> Wrapped {
    let text = loosen(shaper, &normalize(text), style, size, max_width);
    let mut missing = Vec::new();
    let mut forced = 0;
    let filler = Filler { shaper, style, size, max_width, lang };
    let mut shaped = shape_lines(shaper, &filler.fill(&text, false, &mut forced), style, size, &mut missing);
    if shaped.iter().any(|l| l.width > max_width) {
        missing.clear();
        forced = 0;
        shaped = shape_lines(shaper, &filler.fill(&text, true, &mut forced), style, size, &mut missing);
    }
    Wrapped { lines: shaped, missing, forced }
}

/// Whether `word` can be broken by `lang`'s patterns into pieces that each
/// fit `max_width` (a word that fits whole needs no break and says so too).
pub fn fits_hyphenated(shaper: &Shaper<'_>, word: &str, style: Style, size: f64, max_width: f64, lang: Lang) -> bool {
    shaper.width(word, style, size) <= max_width
        || (Filler { shaper, style, size, max_width, lang: Some(lang) }).by_patterns(word).is_some()
}

/// Where a filled line's words are: how many whole segments (stretches
/// between break opportunities) it holds and the byte offsets of its last
/// two. A line that starts with a piece of a broken word counts only the
/// segments after it.
#[derive(Debug, Clone, Copy, Default)]
struct LineEnd {
    segments: usize,
    last: usize,
    before_last: usize,
}

/// What line filling measures with.
struct Filler<'a, 's> {
    shaper: &'a Shaper<'s>,
    style: Style,
    size: f64,
    max_width: f64,
    lang: Option<Lang>,
}

fn shape_lines(
    shaper: &Shaper<'_>,
    lines: &[String],
    style: Style,
    size: f64,
    missing: &mut Vec<char>,
) -> Vec<ShapedLine> {
    lines.iter().map(|l| shaper.shape(printed(l).trim_matches(['\n', ' ']), style, size, missing)).collect()
}

/// `text` with the no-break spaces of any glued phrase wider than the
/// line made plain spaces: glue keeps words together only where they fit
/// together, and never forces a phrase to break between letters.
fn loosen(shaper: &Shaper<'_>, text: &str, style: Style, size: f64, max_width: f64) -> String {
    if !text.contains(NO_BREAK_SPACE) {
        return text.to_owned();
    }
    let too_wide = |phrase: &str| shaper.width(&printed(phrase), style, size) > max_width;
    let mut out = String::with_capacity(text.len());
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            out.push('\n');
        }
        for (j, phrase) in line.split(' ').enumerate() {
            if j > 0 {
                out.push(' ');
            }
            if phrase.contains(NO_BREAK_SPACE) && too_wide(phrase) {
                out.push_str(&printed(phrase));
            } else {
                out.push_str(phrase);
            }
        }
    }
    out
}

/// The space that keeps two words on one line (see [`normalize`]).
const NO_BREAK_SPACE: char = '\u{a0}';

/// `text` as it is printed and measured: a no-break space has done its
/// work once the lines are broken, and is a plain space in the output,
/// so a reader who copies the text gets the words they see.
fn printed(text: &str) -> Cow<'_, str> {
    if text.contains(NO_BREAK_SPACE) { Cow::Owned(text.replace(NO_BREAK_SPACE, " ")) } else { Cow::Borrowed(text) }
}

impl Filler<'_, '_> {
    /// Greedy line filling at UAX #14 break opportunities. With `exact`, each
    /// candidate line is shaped whole; otherwise its width is the sum of its
    /// segments' widths.
    fn fill(&self, text: &str, exact: bool, forced: &mut usize) -> Vec<String> {
        let Filler { shaper, style, size, max_width, .. } = *self;
        let width = |s: &str| shaper.width(&printed(s), style, size);
        let mut lines: Vec<String> = Vec::new();
        let mut line = String::new();
        let mut line_width = 0.0;
        let mut start = 0;
        // Whole segments on `line` and where its last one starts; the same
        // for the line before when a soft break ended it.
        let mut ends = LineEnd::default();
        let mut before: Option<LineEnd> = None;
        for (end, opportunity) in opportunities(text) {
            let segment = &text[start..end];
            start = end;
            let fits = if exact {
                width(format!("{line}{segment}").trim_end()) <= max_width
            } else {
                line_width + width(segment.trim_end()) <= max_width
            };
            if fits {
                ends = LineEnd { segments: ends.segments + 1, last: line.len(), before_last: ends.last };
                line.push_str(segment);
                line_width += width(segment);
            } else {
                if !line.trim().is_empty() {
                    before = Some(ends);
                    lines.push(std::mem::take(&mut line));
                }
                line.clear();
                ends = LineEnd { segments: 1, last: 0, before_last: 0 };
                if width(segment.trim_end()) <= max_width {
                    line.push_str(segment);
                } else {
                    // A word longer than the line: break it by the language's
                    // patterns, or between graphemes as the last resort.
                    let mut pieces = match self.by_patterns(segment) {
                        Some(pieces) => pieces,
                        None => {
                            let pieces = break_glued(shaper, segment, style, size, max_width);
                            *forced += usize::from(pieces.iter().any(|p| p.ends_with(BREAK_HYPHEN)));
                            pieces
                        }
                    };
                    line = pieces.pop().unwrap_or_default();
                    lines.extend(pieces);
                    (ends, before) = (LineEnd::default(), None);
                }
                line_width = width(&line);
            }
            if opportunity == BreakOpportunity::Mandatory && end < text.len() {
                lines.push(std::mem::take(&mut line));
                line_width = 0.0;
                (ends, before) = (LineEnd::default(), None);
            }
        }
        if !line.trim().is_empty() || lines.is_empty() {
            lines.push(line);
        }
        if ends.segments == 1 {
            self.no_lone_last_word(&mut lines, before);
        }
        lines
    }

    /// Moves the last word of the line before down to a last line that
    /// holds one word alone ("Agency booking check- / in" becomes "Agency
    /// booking / check-in"), when the two fit together and the line before
    /// keeps two words. Two capitalised words ending the line are likely
    /// a name ("Nordic Air"): they move together or not at all. The number
    /// of lines stays the same, so nothing around the text moves.
    fn no_lone_last_word(&self, lines: &mut [String], before: Option<LineEnd>) {
        let Some(end) = before.filter(|b| b.segments >= 3) else { return };
        let [.., above, alone] = lines else { return };
        if alone.trim_end().contains(char::is_whitespace) {
            // Words glued by no-break spaces are a phrase, not a lone word.
            return;
        }
        let capital = |s: &str| s.chars().next().is_some_and(char::is_uppercase);
        let name = capital(&above[end.last..]) && capital(&above[end.before_last..end.last]);
        let last = match (name, end.segments) {
            (false, _) => end.last,
            (true, 4..) => end.before_last,
            (true, _) => return,
        };
        let joined = format!("{}{alone}", &above[last..]);
        if self.shaper.width(&printed(joined.trim_end()), self.style, self.size) <= self.max_width {
            above.truncate(last);
            *alone = joined;
        }
    }

    /// Breaks a word longer than the line at its language's hyphenation
    /// points, each piece as full as fits; `None` when there is no language,
    /// no break point, or no break that makes every piece fit.
    ///
    /// Linear in the word's length: each piece tries the break points after
    /// its start in order and stops at the first that no longer fits, and
    /// whether the rest fits is first judged from summed letter widths.
    fn by_patterns(&self, segment: &str) -> Option<Vec<String>> {
        let lang = self.lang?;
        let width = |s: &str| self.shaper.width(s, self.style, self.size);
        let word = segment.trim_end();
        let trailing = &segment[word.len()..];
        // The letters of the word, without punctuation around them.
        let start = word.find(char::is_alphabetic)?;
        let end = word.char_indices().rev().find(|(_, c)| c.is_alphabetic()).map(|(i, c)| i + c.len_utf8())?;
        let breaks: Vec<usize> = hyphenate::breaks(&word[start..end], lang).into_iter().map(|b| b + start).collect();
        if breaks.is_empty() {
            return None;
        }
        let rough = Rough::new(self.shaper, word, self.style, self.size);
        let mut pieces = Vec::new();
        let (mut from, mut next) = (0, 0);
        while !rough.fits(from, word.len(), self.max_width, &width) {
            let mut best = None;
            while let Some(&b) = breaks.get(next) {
                if b > from && width(&format!("{}{BREAK_HYPHEN}", &word[from..b])) > self.max_width {
                    break;
                }
                best = Some(b).filter(|&b| b > from).or(best);
                next += 1;
            }
            let best = best?;
            pieces.push(format!("{}{BREAK_HYPHEN}", &word[from..best]));
            from = best;
        }
        pieces.push(format!("{}{trailing}", &word[from..]));
        Some(pieces)
    }
}

/// Whether `segment` (a stretch between two break opportunities) is only
/// a separator between words, such as the "·" of "Ground operations ·
/// Customer service".
fn is_separator(segment: &str) -> bool {
    let mark = segment.trim();
    !mark.is_empty() && mark.chars().all(|c| SEPARATORS.contains(&c))
}

/// Marks that stand between words as separators: a line never starts
/// with one, nor holds one alone (SPEC §2.1).
pub(super) const SEPARATORS: [char; 9] = ['·', '•', '|', '–', '—', '∙', '⋅', '‧', '/'];

/// The UAX #14 break opportunities of `text`, less those before a
/// separator between words: a separator is glued to the word before it,
/// so it ends that word's line rather than starting the next or standing
/// alone. A separator after a hard break stays where the author put it.
fn opportunities(text: &str) -> Vec<(usize, BreakOpportunity)> {
    let all: Vec<(usize, BreakOpportunity)> = linebreaks(text).collect();
    let mut kept = Vec::with_capacity(all.len());
    for (i, &(end, opportunity)) in all.iter().enumerate() {
        let next = all.get(i + 1).map(|&(to, _)| &text[end..to]);
        if !(opportunity == BreakOpportunity::Allowed && next.is_some_and(is_separator)) {
            kept.push((end, opportunity));
        }
    }
    kept
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::Fonts;

    #[test]
    fn lines_fit_and_keep_every_word() {
        let fonts = Fonts::embedded();
        let s = Shaper::new(&fonts);
        let text = "Hears colleagues complain about the early flight to Stockholm and wonders";
        let w = wrap(&s, text, Style::Regular, 16.0, 160.0);
        assert!(w.lines.len() > 2);
        for l in &w.lines {
            assert!(l.width <= 160.0, "{} is {}", l.text(), l.width);
        }
        let joined: Vec<String> = w.lines.iter().map(ShapedLine::text).collect();
        assert_eq!(joined.join(" "), text);
    }

    #[test]
    fn long_words_break_between_graphemes() {
        let fonts = Fonts::embedded();
        let s = Shaper::new(&fonts);
        let word = "Donaudampfschifffahrtsgesellschaftskapitänswitwe";
        let w = wrap(&s, word, Style::Bold, 16.0, 100.0);
        assert!(w.lines.len() >= 3);
        assert!(w.lines.iter().all(|l| l.width <= 100.0));
        let texts: Vec<String> = w.lines.iter().map(ShapedLine::text).collect();
        assert!(texts[..texts.len() - 1].iter().all(|t| t.ends_with(BREAK_HYPHEN)), "{texts:?}");
        assert_eq!(texts.concat().replace(BREAK_HYPHEN, ""), word);

        // No hyphen anywhere in a URL.
        let url = "https://example.com/a/very/long/path/2026/11/24/index.html";
        let w = wrap(&s, url, Style::Regular, 16.0, 90.0);
        let joined: String = w.lines.iter().map(ShapedLine::text).collect();
        assert!(w.lines.iter().all(|l| l.width <= 90.0));
        assert_eq!(joined, url);
    }

    #[test]
    fn a_broken_word_leaves_at_least_three_letters_on_its_last_line() {
        let fonts = Fonts::embedded();
        let s = Shaper::new(&fonts);
        let word = "Consideration";
        // Just too narrow for the whole word: greedy filling would leave "on".
        let width = s.width("Considerati\u{2010}", Style::Bold, 26.0) + 0.5;
        let w = wrap(&s, word, Style::Bold, 26.0, width);
        let texts: Vec<String> = w.lines.iter().map(ShapedLine::text).collect();
        assert_eq!(texts.len(), 2, "{texts:?}");
        assert!(texts[1].chars().count() >= 3, "{texts:?}");
        assert!(w.lines.iter().all(|l| l.width <= width), "{texts:?}");
        assert_eq!(texts.concat().replace(BREAK_HYPHEN, ""), word);
    }

    #[test]
    fn newlines_are_hard_breaks_and_space_collapses() {
        let fonts = Fonts::embedded();
        let s = Shaper::new(&fonts);
        let w = wrap(&s, "one   two\nthree", Style::Regular, 16.0, 1000.0);
        let texts: Vec<String> = w.lines.iter().map(ShapedLine::text).collect();
        assert_eq!(texts, ["one two", "three"]);
    }

    /// The lines `text` wraps into at `width`, as text.
    fn lines_of(s: &Shaper<'_>, text: &str, style: Style, size: f64, width: f64) -> Vec<String> {
        wrap(s, text, style, size, width).lines.iter().map(ShapedLine::text).collect()
    }

    /// A last line never holds one word alone when the word before it can
    /// join it; the line count, and so the layout, stays the same.
    #[test]
    fn a_last_line_keeps_two_words_when_they_fit() {
        let fonts = Fonts::embedded();
        let s = Shaper::new(&fonts);
        // A width where greedy filling leaves "in" alone.
        let width = s.width("Agency booking check-", Style::Bold, 20.0) + 1.0;
        assert_eq!(lines_of(&s, "Agency booking check-in", Style::Bold, 20.0, width), ["Agency booking", "check-in"]);
        // Two words on the line before: moving one would leave it alone.
        let width = s.width("Agency booking", Style::Bold, 20.0) + 1.0;
        assert_eq!(lines_of(&s, "Agency booking check", Style::Bold, 20.0, width), ["Agency booking", "check"]);
        // A name is not split to keep the last word company.
        let width = s.width("or the Nordic Air", Style::Regular, 16.0) + 1.0;
        assert_eq!(lines_of(&s, "or the Nordic Air app.", Style::Regular, 16.0, width), ["or the", "Nordic Air app."]);
        // A hard break is the author's: the word after it stays alone.
        assert_eq!(lines_of(&s, "one two three\nfour", Style::Regular, 16.0, 1000.0), ["one two three", "four"]);
    }

    /// A no-break space keeps its words on one line and is printed as a
    /// space; it is not collapsed with the spaces around it.
    #[test]
    fn a_no_break_space_glues_words_and_prints_as_a_space() {
        let fonts = Fonts::embedded();
        let s = Shaper::new(&fonts);
        let glued = "2 pains · 1 strength · 1\u{a0}felt\u{a0}well";
        let width = s.width("2 pains · 1 strength · 1 felt", Style::Regular, 16.0) + 1.0;
        assert_eq!(lines_of(&s, glued, Style::Regular, 16.0, width), ["2 pains · 1 strength ·", "1 felt well"]);
        let spaced = lines_of(&s, &glued.replace('\u{a0}', " "), Style::Regular, 16.0, width);
        assert_eq!(spaced, ["2 pains · 1 strength · 1", "felt well"], "without the glue the phrase splits");
        assert_eq!(normalize("a \u{a0} b"), "a \u{a0} b");
        // A glued phrase wider than the line breaks at its spaces, never
        // between letters, and no line starts with a space.
        let width = s.width("2 strengths", Style::Regular, 16.0) - 1.0;
        let w = wrap(&s, "2\u{a0}strengths · 1\u{a0}felt\u{a0}well", Style::Regular, 16.0, width);
        let texts: Vec<String> = w.lines.iter().map(ShapedLine::text).collect();
        assert_eq!(texts, ["2", "strengths ·", "1 felt well"]);
        assert_eq!(w.forced, 0);
    }

    /// Breaking a long word costs work in proportion to its length: ten
    /// times the letters, about ten times the text shaped, never the
    /// hundred times of a quadratic break (a 20,000-letter word once took
    /// minutes). Work is counted in bytes shaped, the same on any machine.
    #[test]
    fn breaking_a_long_word_is_linear_in_its_length() {
        let fonts = Fonts::embedded();
        for lang in [None, Some(Lang::De), Some(Lang::En)] {
            let work = |letters: usize| {
                let shaper = Shaper::new(&fonts);
                let word: String = "Kundenbindungsabteilung".chars().cycle().take(letters).collect();
                let w = wrap_in(&shaper, &word, Style::Bold, 16.0, 180.0, lang);
                assert!(w.lines.iter().all(|l| l.width <= 180.0), "{lang:?}: every piece fits");
                let joined: String = w.lines.iter().map(ShapedLine::text).collect::<String>().replace(BREAK_HYPHEN, "");
                assert_eq!(joined, word, "{lang:?}: nothing lost");
                shaper.work()
            };
            let (small, large) = (work(1_000), work(10_000));
            assert!(large <= small * 14, "{lang:?}: {small} bytes shaped for 1,000 letters, {large} for 10,000");
        }
    }

    /// A separator between words ("·", "|", "•", "–", "—") ends the line
    /// of the word before it: over every width, from a few letters to the
    /// whole text, no line starts with one or holds one alone, and no
    /// word is lost.
    #[test]
    fn a_separator_never_starts_a_line_nor_stands_alone() {
        let fonts = Fonts::embedded();
        let s = Shaper::new(&fonts);
        let texts = [
            "Ground operations · Customer service",
            "IT · Sales | Service • Web – App — Shop",
            "Kundenservice · Zählerstandsübermittlung · Abrechnung",
        ];
        for text in texts {
            let full = s.width(text, Style::Bold, 16.0);
            for lang in [None, Some(Lang::En), Some(Lang::De)] {
                for width in (30..=full.ceil() as usize + 2).map(|w| w as f64) {
                    let w = wrap_in(&s, text, Style::Bold, 16.0, width, lang);
                    let lines: Vec<String> = w.lines.iter().map(ShapedLine::text).collect();
                    for line in &lines {
                        let first = line.trim_start().chars().next();
                        assert!(
                            !first.is_some_and(|c| SEPARATORS.contains(&c)),
                            "{lang:?} at {width}: {line:?} starts with a separator in {lines:?}"
                        );
                    }
                    let kept: String = lines.concat().replace([BREAK_HYPHEN, ' '], "");
                    assert_eq!(kept, text.replace(' ', ""), "{lang:?} at {width}: {lines:?}");
                    assert!(w.lines.iter().all(|l| l.width <= width), "{lang:?} at {width}: {lines:?}");
                }
            }
        }
        // Where the author puts one after a hard break, it stays.
        let w = wrap(&s, "Sales\n· Service", Style::Regular, 16.0, 1000.0);
        assert_eq!(w.lines.iter().map(ShapedLine::text).collect::<Vec<_>>(), ["Sales", "· Service"]);
    }

    /// A Greek word in a Polish map breaks where Greek syllables do
    /// (Πα-ρα-κο-λού-θηση), at every width its syllables fit, never
    /// between letters as if it were Polish.
    #[test]
    fn a_greek_word_in_a_polish_map_breaks_at_its_syllables() {
        let fonts = Fonts::embedded();
        let s = Shaper::new(&fonts);
        let word = "Παρακολούθηση";
        let syllables = ["Πα", "ρα", "κο", "λού", "θηση"];
        let boundaries: Vec<usize> = syllables
            .iter()
            .scan(0, |at, syllable| {
                *at += syllable.len();
                Some(*at)
            })
            .collect();
        let widest =
            syllables.iter().map(|p| s.width(&format!("{p}{BREAK_HYPHEN}"), Style::Bold, 16.0)).fold(0.0, f64::max);
        let full = s.width(word, Style::Bold, 16.0);
        let mut broken = 0;
        for width in (widest.ceil() as usize..=full.ceil() as usize + 1).map(|w| w as f64) {
            let w = wrap_in(&s, word, Style::Bold, 16.0, width, Some(Lang::Pl));
            let lines: Vec<String> = w.lines.iter().map(ShapedLine::text).collect();
            assert_eq!(w.forced, 0, "at {width}: {lines:?}");
            assert!(w.missing.is_empty(), "the fonts draw Greek");
            let mut at = 0;
            for line in &lines[..lines.len() - 1] {
                at += line.trim_end_matches(BREAK_HYPHEN).len();
                assert!(boundaries.contains(&at), "at {width}: {lines:?} breaks inside a syllable");
            }
            assert_eq!(lines.concat().replace(BREAK_HYPHEN, ""), word);
            broken += usize::from(lines.len() > 1);
        }
        assert!(broken > 0, "some widths break the word");
    }
}
