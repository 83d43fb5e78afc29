//! Breaking a word longer than its line: between grapheme clusters,
//! linear in the word's length, with a hyphen between letters and at
//! least three letters on the last piece.

use unicode_segmentation::UnicodeSegmentation;

use super::fonts::Style;
use super::shape::Shaper;
use super::wrap::SEPARATORS;

/// [`break_word`] for a segment that may end in a glued separator ("IT ·
/// "): the word is broken alone and the separator joins its last piece,
/// which gives up letters to the line before until the two fit together.
/// Only a separator wider than the line could then stand alone.
pub(super) fn break_glued(shaper: &Shaper<'_>, segment: &str, style: Style, size: f64, max_width: f64) -> Vec<String> {
    let word_end = segment
        .trim_end()
        .char_indices()
        .rev()
        .find(|&(_, c)| !c.is_whitespace() && !SEPARATORS.contains(&c))
        .map_or(0, |(i, c)| i + c.len_utf8());
    let (word, tail) = segment.split_at(word_end);
    if word.is_empty() || !tail.starts_with(char::is_whitespace) || tail.trim().is_empty() {
        return break_word(shaper, segment, style, size, max_width);
    }
    let fits = |s: &str| shaper.width(s.trim_end(), style, size) <= max_width;
    let mut pieces = break_word(shaper, word, style, size, max_width);
    let last = pieces.pop().unwrap_or_default();
    let letters: Vec<&str> = last.graphemes(true).collect();
    // The most letters the separator's line can keep: all of them when
    // they fit together, else as many as fit, at least one.
    let mut split = 0;
    while split + 1 < letters.len() && !fits(&format!("{}{tail}", letters[split..].concat())) {
        split += 1;
    }
    let (stem, moved) = (letters[..split].concat(), letters[split..].concat());
    if !stem.is_empty() {
        let letter = |s: &str| s.chars().next_back().is_some_and(char::is_alphabetic);
        let hyphen = !copied(word) && letter(&stem) && moved.chars().next().is_some_and(char::is_alphabetic);
        pieces.push(if hyphen { format!("{stem}{BREAK_HYPHEN}") } else { stem });
    }
    pieces.push(format!("{moved}{tail}"));
    pieces
}

/// Summed widths of a word's grapheme clusters, each shaped alone: a cheap
/// estimate of any stretch of the word that kerning changes by a few per
/// cent at most, so only a stretch close to the line's width is shaped
/// whole. It keeps breaking a long word linear in its length.
pub(super) struct Rough<'w> {
    word: &'w str,
    /// Byte offset of each cluster's start, and the word's end.
    starts: Vec<usize>,
    /// The summed widths up to each entry of `starts`.
    sums: Vec<f64>,
}

impl<'w> Rough<'w> {
    pub(super) fn new(shaper: &Shaper<'_>, word: &'w str, style: Style, size: f64) -> Rough<'w> {
        let mut starts = Vec::with_capacity(word.len() + 1);
        let mut sums = Vec::with_capacity(word.len() + 1);
        let mut sum = 0.0;
        for (at, g) in word.grapheme_indices(true) {
            starts.push(at);
            sums.push(sum);
            sum += shaper.width(g, style, size);
        }
        starts.push(word.len());
        sums.push(sum);
        Rough { word, starts, sums }
    }

    /// The summed width of `word[from..to]` (both cluster boundaries).
    fn estimate(&self, from: usize, to: usize) -> f64 {
        let at = |b: usize| self.sums[self.starts.partition_point(|&s| s < b).min(self.sums.len() - 1)];
        at(to) - at(from)
    }

    /// Whether `word[from..to]` fits `max_width`: shaped whole only when
    /// the estimate is within reach of the line's width.
    pub(super) fn fits(&self, from: usize, to: usize, max_width: f64, width: &impl Fn(&str) -> f64) -> bool {
        self.estimate(from, to) <= max_width * 1.5 && width(&self.word[from..to]) <= max_width
    }
}

/// The hyphen added where a word is broken: U+2010, so it can never be
/// mistaken for a hyphen the author wrote.
pub const BREAK_HYPHEN: char = '\u{2010}';

/// Whether a word is a URL, path or address: copied, not read, so never
/// given a hyphen.
fn copied(word: &str) -> bool {
    word.contains(['/', '@', '\\']) || word.contains("www.")
}

/// Splits a word into pieces that each fit, between grapheme clusters. A
/// piece holds at least one cluster, so a single cluster wider than the
/// line (which no break can help) still makes progress. A break between
/// two letters gets a [`BREAK_HYPHEN`], measured as part of its piece; a
/// break next to anything else (the `/` and `.` of a URL, digits) does not.
fn break_word(shaper: &Shaper<'_>, word: &str, style: Style, size: f64, max_width: f64) -> Vec<String> {
    let hyphenate = !copied(word);
    let is_letter = |g: &str| hyphenate && g.chars().next().is_some_and(char::is_alphabetic);
    let rough = Rough::new(shaper, word, style, size);
    let hyphen_w = shaper.width(&BREAK_HYPHEN.to_string(), style, size);
    let mut pieces = Vec::new();
    let mut piece = String::new();
    let mut piece_start = 0;
    let mut graphemes = word.grapheme_indices(true).peekable();
    while let Some((at, g)) = graphemes.next() {
        let next = graphemes.peek().map(|&(_, n)| n);
        // The piece must still fit with a hyphen if it might end here.
        let hyphen = next.is_some_and(|n| is_letter(g) && is_letter(n));
        let end = at + g.len();
        // Well inside the line by the summed widths: no need to shape.
        let surely = rough.estimate(piece_start, end) + hyphen_w <= max_width * 0.8;
        let too_wide = !piece.is_empty()
            && !surely
            && shaper.width(
                format!("{piece}{g}{}", if hyphen { BREAK_HYPHEN.to_string() } else { String::new() }).trim_end(),
                style,
                size,
            ) > max_width;
        if too_wide {
            let previous = piece.chars().last().map(|c| c.to_string()).unwrap_or_default();
            if is_letter(&previous) && is_letter(g) {
                piece.push(BREAK_HYPHEN);
            }
            pieces.push(std::mem::take(&mut piece));
            piece_start = at;
        }
        piece.push_str(g);
    }
    pieces.push(piece);
    keep_three_at_the_end(shaper, &mut pieces, style, size, max_width);
    pieces
}

/// A word broken to leave one or two letters on the last line ("Considerati‐
/// on") reads badly: move letters down from the piece before, while both
/// still fit, until the last piece has three.
fn keep_three_at_the_end(shaper: &Shaper<'_>, pieces: &mut [String], style: Style, size: f64, max_width: f64) {
    let [.., before, last] = pieces else { return };
    let Some(stem) = before.strip_suffix(BREAK_HYPHEN) else { return };
    let mut stem: Vec<&str> = stem.graphemes(true).collect();
    let mut tail: Vec<String> = last.graphemes(true).map(str::to_owned).collect();
    let letter = |g: &str| g.chars().next().is_some_and(char::is_alphabetic);
    while tail.len() < 3 && stem.len() > 3 && stem.last().is_some_and(|g| letter(g)) {
        let moved = stem.pop().unwrap_or_default();
        let candidate_tail = format!("{moved}{}", tail.concat());
        if shaper.width(&candidate_tail, style, size) > max_width {
            stem.push(moved);
            break;
        }
        tail.insert(0, moved.to_owned());
    }
    *before = format!("{}{BREAK_HYPHEN}", stem.concat());
    *last = tail.concat();
}
