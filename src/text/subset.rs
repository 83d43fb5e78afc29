//! Cutting a face down to the characters a poster draws, for embedding.
//!
//! An SVG that carries its fonts shows the same text in every browser, but
//! three whole Inter faces are 1.4 MB of base64. A subset keeps the
//! outlines of the characters used, `cmap` (so the text stays text and can
//! be searched), the metrics, and the names and licence. Positions are not
//! left to the browser: the painter writes each character's place, kerning
//! included, so no `GPOS` is needed.
//!
//! Glyph *choice* is the font's: a contextual form (Inter's colon raised
//! between digits) or a ligature needs `GSUB`. The subsetter (skera 0.2)
//! cuts `GSUB` right for most text but not all, so [`embed`] checks its
//! work: every run is shaped with the whole face and with the subset, and
//! the subset's `GSUB` is kept only when both pick the same glyphs.
//! Otherwise the subset goes without `GSUB` when the whole face's choices
//! were one glyph a character in reading order (at worst a browser draws a
//! plain colon for a raised one), and the whole face is wanted when they
//! were not (ligatures, complex scripts, right-to-left text).
//! Hinting is dropped: resvg ignores it, and the browser's copy should too.

use std::collections::BTreeSet;
use std::panic::AssertUnwindSafe;

use rustybuzz::ttf_parser;
use skera::{DEFAULT_LAYOUT_FEATURES, Plan, SubsetFlags};
use write_fonts::read::collections::IntSet;
use write_fonts::read::{FontRef, TableProvider};
use write_fonts::types::{GlyphId, NameId, Tag};

use super::{Face, Run};

/// Why a face could not be cut down.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum SubsetError {
    /// The font file did not parse as OpenType.
    #[error("the font could not be read: {0}")]
    Unreadable(String),
    /// The subsetter refused the font.
    #[error("the font could not be subset: {0}")]
    Refused(String),
}

/// How a face travels inside an SVG.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Embedding {
    /// A subset, with each character placed by the painter.
    Subset(Vec<u8>),
    /// The text needs the whole face's layout tables (ligatures, complex
    /// or right-to-left scripts): embed it whole and let the browser shape.
    Whole,
}

/// The tables left out of every subset: harfbuzz's default list (tables a
/// browser never reads for drawing text), and `GPOS`, because the painter
/// places every character itself.
const DROPPED: [&[u8; 4]; 18] = [
    b"morx", b"mort", b"kerx", b"kern", b"JSTF", b"DSIG", b"EBDT", b"EBLC", b"EBSC", b"SVG ", b"PCLT", b"LTSH",
    b"Feat", b"Glat", b"Gloc", b"Silf", b"Sill", b"GPOS",
];

/// How to embed `face` for `runs`, the runs drawn with it, with the glyphs
/// the layout shaped for them: the subset is checked against those, so the
/// text is never shaped again with the whole face.
///
/// # Errors
/// The face's data is not a font the subsetter can read. A subsetter panic
/// on a damaged user font is caught and reported the same way, so a caller
/// can embed the whole face or none instead.
pub fn embed<'r>(face: &Face, runs: impl IntoIterator<Item = &'r Run> + Clone) -> Result<Embedding, SubsetError> {
    let unicodes: BTreeSet<u32> = runs.clone().into_iter().flat_map(|r| r.text.chars()).map(u32::from).collect();
    // Scripts shaped right to left or in clusters need the whole face's
    // GSUB and GPOS in the browser; the subset keeps neither faithfully.
    if unicodes.iter().filter_map(|&u| char::from_u32(u)).any(needs_layout_tables) {
        return Ok(Embedding::Whole);
    }
    let whole = Shaping::new(
        rustybuzz::Face::from_slice(face.data(), face.index())
            .ok_or_else(|| SubsetError::Unreadable("not an OpenType face".to_owned()))?,
    );
    // Each run as the layout shaped it. A mark moved off its pen position
    // cannot be repeated by the SVG, which places characters along x only.
    let shaped: Vec<(&str, Shaped)> = runs.into_iter().map(|run| (run.text.as_str(), whole.read(run))).collect();
    if shaped.iter().any(|(_, s)| s.offset) {
        return Ok(Embedding::Whole);
    }
    let with_gsub = guarded(face.data(), face.index(), &unicodes, true)?;
    if let Some(cut) = rustybuzz::Face::from_slice(&with_gsub, 0).map(Shaping::new)
        && shaped.iter().all(|(run, s)| s.glyphs == cut.shape(run).glyphs)
    {
        return Ok(Embedding::Subset(with_gsub));
    }
    // Without GSUB a browser draws each character's own glyph; that is
    // right only where the whole face drew one glyph a character, in
    // reading order.
    let one_to_one =
        |(run, s): &(&str, Shaped)| s.glyphs.iter().map(|g| g.1).eq(run.char_indices().map(|(i, _)| i as u32));
    if shaped.iter().all(one_to_one) {
        return guarded(face.data(), face.index(), &unicodes, false).map(Embedding::Subset);
    }
    Ok(Embedding::Whole)
}

/// A TrueType/OpenType font holding only the glyphs `text` needs in `face`
/// (plus `.notdef`), with the `GSUB` the subsetter makes: the raw cut the
/// tests examine, before `embed`'s checks.
#[cfg(test)]
fn subset(face: &Face, text: impl IntoIterator<Item = char>) -> Result<Vec<u8>, SubsetError> {
    let unicodes: BTreeSet<u32> = text.into_iter().map(u32::from).collect();
    guarded(face.data(), face.index(), &unicodes, true)
}

/// A run shaped: each glyph (by what tells it apart) with the byte offset
/// of its cluster. (Right-to-left text never gets here: see
/// `needs_layout_tables`.)
struct Shaped {
    glyphs: Vec<(Glyph, u32)>,
    /// Whether any glyph is offset from its pen position (a mark placed
    /// by GPOS), which positions along x alone cannot repeat.
    offset: bool,
}

/// What tells two glyphs apart across fonts: the advance and the outline.
#[derive(Clone, PartialEq)]
struct Glyph {
    advance: Option<u16>,
    outline: std::rc::Rc<[i32]>,
}

/// A face to shape with, and each glyph's outline as it is first met.
struct Shaping<'f> {
    face: super::PlannedFace<'f>,
    glyphs: std::cell::RefCell<std::collections::HashMap<u32, Glyph>>,
}

impl<'f> Shaping<'f> {
    fn new(face: rustybuzz::Face<'f>) -> Shaping<'f> {
        Shaping { face: super::PlannedFace::new(face), glyphs: Default::default() }
    }

    fn glyph(&self, id: u32) -> Glyph {
        let mut known = self.glyphs.borrow_mut();
        known
            .entry(id)
            .or_insert_with(|| {
                let gid = ttf_parser::GlyphId(u16::try_from(id).unwrap_or(0));
                let mut outline = Outline::default();
                let _ = self.face.face.outline_glyph(gid, &mut outline);
                Glyph { advance: self.face.face.glyph_hor_advance(gid), outline: outline.0.into() }
            })
            .clone()
    }

    /// A run as the layout shaped it, its glyphs told apart as
    /// [`Shaping::shape`] tells them.
    fn read(&self, run: &Run) -> Shaped {
        let glyphs = run.glyphs.iter().map(|g| (self.glyph(u32::from(g.id)), g.cluster)).collect();
        let offset = run.glyphs.iter().any(|g| g.x_offset != 0 || g.y_offset != 0);
        Shaped { glyphs, offset }
    }

    /// Shapes `text` with this face: the subset, whose choices are checked
    /// against the layout's.
    fn shape(&self, text: &str) -> Shaped {
        let mut buffer = rustybuzz::UnicodeBuffer::new();
        buffer.push_str(text);
        buffer.guess_segment_properties();
        let shaped = self.face.shape(buffer);
        let glyphs = shaped.glyph_infos().iter().map(|info| (self.glyph(info.glyph_id), info.cluster)).collect();
        let offset = shaped.glyph_positions().iter().any(|p| p.x_offset != 0 || p.y_offset != 0);
        Shaped { glyphs, offset }
    }
}

/// Whether the subset picks the whole face's glyphs for `run` (the tests'
/// view of the check `embed` makes).
#[cfg(test)]
fn same_glyphs(whole: &Shaping<'_>, cut: &Shaping<'_>, run: &str) -> bool {
    whole.shape(run).glyphs == cut.shape(run).glyphs
}

/// Whether a character belongs to a script shaped right to left or in
/// clusters (Hebrew, Arabic, Syriac, Thaana, N'Ko, the Indic scripts, Thai,
/// Lao, Tibetan, Myanmar, Khmer, Mongolian, and the presentation forms), or
/// is a bidi control.
fn needs_layout_tables(c: char) -> bool {
    matches!(
        c,
        '\u{0590}'..='\u{08FF}'
            | '\u{0900}'..='\u{0DFF}'
            | '\u{0E00}'..='\u{0FFF}'
            | '\u{1000}'..='\u{109F}'
            | '\u{1780}'..='\u{18AF}'
            | '\u{1A00}'..='\u{1CFF}'
            | '\u{A800}'..='\u{A8FF}'
            | '\u{A980}'..='\u{AAFF}'
            | '\u{FB1D}'..='\u{FDFF}'
            | '\u{FE70}'..='\u{FEFF}'
            | '\u{200E}'..='\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2066}'..='\u{2069}'
            | '\u{10800}'..='\u{10FFF}'
            | '\u{11000}'..='\u{11FFF}'
            | '\u{1E800}'..='\u{1EFFF}'
    )
}

/// A glyph outline's points, rounded to font units.
#[derive(Default)]
struct Outline(Vec<i32>);

impl ttf_parser::OutlineBuilder for Outline {
    fn move_to(&mut self, x: f32, y: f32) {
        self.0.extend([1, x as i32, y as i32]);
    }
    fn line_to(&mut self, x: f32, y: f32) {
        self.0.extend([2, x as i32, y as i32]);
    }
    fn quad_to(&mut self, x1: f32, y1: f32, x: f32, y: f32) {
        self.0.extend([3, x1 as i32, y1 as i32, x as i32, y as i32]);
    }
    fn curve_to(&mut self, x1: f32, y1: f32, x2: f32, y2: f32, x: f32, y: f32) {
        self.0.extend([4, x1 as i32, y1 as i32, x2 as i32, y2 as i32, x as i32, y as i32]);
    }
    fn close(&mut self) {
        self.0.push(5);
    }
}

fn guarded(data: &[u8], index: u32, unicodes: &BTreeSet<u32>, gsub: bool) -> Result<Vec<u8>, SubsetError> {
    std::panic::catch_unwind(AssertUnwindSafe(|| cut(data, index, unicodes, gsub)))
        .unwrap_or_else(|_| Err(SubsetError::Refused("the subsetter stopped on this font".to_owned())))
}

fn cut(data: &[u8], index: u32, unicodes: &BTreeSet<u32>, gsub: bool) -> Result<Vec<u8>, SubsetError> {
    let font = FontRef::from_index(data, index).map_err(|e| SubsetError::Unreadable(e.to_string()))?;
    // The subsetter expects the tables every font has; a damaged user font
    // is refused here rather than deep inside it.
    let unreadable = |e: write_fonts::read::ReadError| SubsetError::Unreadable(e.to_string());
    font.maxp().map_err(unreadable)?;
    font.head().map_err(unreadable)?;
    font.hhea().map_err(unreadable)?;
    font.hmtx().map_err(unreadable)?;
    font.cmap().map_err(unreadable)?;
    let mut glyphs = IntSet::<GlyphId>::empty();
    glyphs.insert(GlyphId::NOTDEF);
    let mut chars = IntSet::<u32>::empty();
    chars.extend(unicodes.iter().copied());
    let mut drop: IntSet<Tag> = DROPPED.iter().map(|t| Tag::new(t)).collect();
    if !gsub {
        drop.extend([Tag::new(b"GSUB"), Tag::new(b"GDEF")]);
    }
    let mut scripts = IntSet::<Tag>::empty();
    scripts.invert();
    let mut features = IntSet::<Tag>::empty();
    features.extend(DEFAULT_LAYOUT_FEATURES.iter().copied());
    // The family, style and licence names (IDs 0–6) in English: the
    // copyright and licence travel with the glyphs.
    let mut names = IntSet::<NameId>::empty();
    names.insert_range(NameId::from(0)..=NameId::from(6));
    let mut languages = IntSet::<u16>::empty();
    languages.insert(0x0409);
    let flags = SubsetFlags::SUBSET_FLAGS_NO_HINTING | SubsetFlags::SUBSET_FLAGS_NOTDEF_OUTLINE;
    let plan = Plan::new(&glyphs, &chars, &font, flags, &drop, &scripts, &features, &names, &languages);
    skera::subset_font(&font, &plan).map_err(|e| SubsetError::Refused(e.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each text as the layout shapes it in the regular face (face 0).
    fn shaped<'t>(fonts: &Fonts, texts: impl IntoIterator<Item = &'t str>) -> Vec<Run> {
        let shaper = crate::text::Shaper::new(fonts);
        texts
            .into_iter()
            .flat_map(|t| shaper.shape(t, crate::text::Style::Regular, 16.0, &mut Vec::new()).runs)
            .inspect(|r| assert_eq!(r.face, crate::text::FaceId(0), "{:?} in the regular face", r.text))
            .collect()
    }
    use crate::text::Fonts;

    #[test]
    fn a_subset_is_small_and_keeps_the_characters_and_their_forms() {
        let fonts = Fonts::embedded();
        let face = &fonts.faces()[0];
        let small = subset(face, "AVATAR Wave".chars()).expect("Inter subsets");
        assert!(small.len() < 20_000, "{} bytes", small.len());
        let cut = rustybuzz::Face::from_slice(&small, 0).expect("the subset parses");
        let whole = rustybuzz::Face::from_slice(face.data(), face.index()).expect("Inter parses");
        for c in "AVTRWave ".chars() {
            assert!(cut.glyph_index(c).is_some(), "{c:?} kept");
        }
        assert!(cut.glyph_index('x').is_none(), "x is not used, so not kept");
        // Shaped with the subset's GSUB, the same glyphs come out (told by
        // their advances and outlines' boxes): contextual forms survive.
        let glyphs = |f: &rustybuzz::Face<'_>| {
            let mut buffer = rustybuzz::UnicodeBuffer::new();
            buffer.push_str("10:30 AVATAR");
            let out = rustybuzz::shape(f, &[], buffer);
            out.glyph_infos()
                .iter()
                .map(|i| {
                    let g = rustybuzz::ttf_parser::GlyphId(u16::try_from(i.glyph_id).unwrap_or(0));
                    (f.glyph_hor_advance(g), f.glyph_bounding_box(g))
                })
                .collect::<Vec<_>>()
        };
        let small = subset(face, "10:30 AVATAR".chars()).expect("Inter subsets");
        let cut = rustybuzz::Face::from_slice(&small, 0).expect("the subset parses");
        assert_eq!(glyphs(&cut), glyphs(&whole));
        let mut buffer = rustybuzz::UnicodeBuffer::new();
        buffer.push_str("10:30");
        let shaped = rustybuzz::shape(&whole, &[], buffer);
        let nominal = whole.glyph_index(':').map(|g| u32::from(g.0));
        assert_ne!(shaped.glyph_infos().get(2).map(|i| i.glyph_id), nominal, "the sample must use a contextual form");
    }

    #[test]
    fn a_subset_whose_gsub_picks_other_glyphs_goes_without_it() {
        let fonts = Fonts::embedded();
        let face = &fonts.faces()[0];
        // skera 0.2 raises this hyphen although a lowercase letter precedes
        // it; the check catches that and leaves GSUB out.
        let runs = ["Wi-Fi too slow for e-mail"];
        let raw = subset(face, runs[0].chars()).expect("Inter subsets");
        let whole = Shaping::new(rustybuzz::Face::from_slice(face.data(), 0).expect("Inter"));
        let cut = Shaping::new(rustybuzz::Face::from_slice(&raw, 0).expect("the subset"));
        assert!(!same_glyphs(&whole, &cut, runs[0]), "the check can fail");
        let Ok(Embedding::Subset(data)) = embed(face, &shaped(&fonts, runs)) else { panic!("a subset") };
        let chosen = ttf_parser::Face::parse(&data, 0).expect("the subset");
        assert!(chosen.tables().gsub.is_none(), "GSUB left out");
        assert!(chosen.tables().gpos.is_none(), "GPOS is never kept");
        // Where the subset's GSUB is right it stays.
        let Ok(Embedding::Subset(data)) = embed(face, &shaped(&fonts, ["10:30 AVATAR"])) else { panic!("a subset") };
        assert!(ttf_parser::Face::parse(&data, 0).expect("the subset").tables().gsub.is_some());
    }

    #[test]
    fn text_that_needs_the_layout_tables_wants_the_whole_face() {
        let fonts = Fonts::embedded();
        let face = &fonts.faces()[0];
        // Two characters that become one glyph (a base and a combining
        // mark that Inter composes) are not one glyph a character.
        let runs = ["Cafe\u{301}"];
        let whole = Shaping::new(rustybuzz::Face::from_slice(face.data(), 0).expect("Inter"));
        assert_ne!(whole.shape(runs[0]).glyphs.len(), runs[0].chars().count(), "the sample composes");
        match embed(face, &shaped(&fonts, runs)) {
            Ok(Embedding::Subset(data)) => {
                let cut = Shaping::new(rustybuzz::Face::from_slice(&data, 0).expect("the subset"));
                assert!(same_glyphs(&whole, &cut, runs[0]), "a subset only if its GSUB is proven right");
            }
            other => assert_eq!(other, Ok(Embedding::Whole)),
        }
    }

    #[test]
    fn right_to_left_and_clustered_scripts_want_the_whole_face() {
        let fonts = Fonts::embedded();
        let face = &fonts.faces()[0];
        for run in ["Order \u{05D0}\u{05D1}", "Step \u{0939}\u{093F}", "a\u{202E}b"] {
            assert_eq!(embed(face, &shaped(&fonts, [run])), Ok(Embedding::Whole), "{run:?}");
        }
        assert!(matches!(embed(face, &shaped(&fonts, ["Plain Latin"])), Ok(Embedding::Subset(_))));
    }

    #[test]
    fn subsets_are_deterministic() {
        let fonts = Fonts::embedded();
        let face = &fonts.faces()[1];
        let a = subset(face, "Deterministic 10:30 → fi".chars());
        let b = subset(face, "fi → 10:30 Deterministic".chars());
        assert_eq!(a, b);
    }

    #[test]
    fn garbage_is_an_error_not_a_panic() {
        let unicodes = BTreeSet::from([u32::from('a')]);
        assert!(guarded(b"OTTO\0\x01\0\0\0\0\0\0garbage", 0, &unicodes, true).is_err());
        assert!(guarded(b"", 0, &unicodes, false).is_err());
    }
}
