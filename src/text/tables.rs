//! Reading shaped glyphs back out of their faces: outlines for the
//! backends that draw glyphs as paths, and where each character of a run
//! stands for the backends that write text as text. Nothing here shapes:
//! the glyphs come from [`Run::glyphs`], placed once by the shaper.

use rustybuzz::ttf_parser;

use super::fonts::{FaceId, Fonts};
use super::shape::Run;

/// The loaded faces, parsed for their glyph tables.
pub struct FaceTables<'f> {
    faces: Vec<Option<ttf_parser::Face<'f>>>,
}

impl<'f> FaceTables<'f> {
    /// Parses every face of `fonts` (a face that does not parse draws
    /// nothing).
    pub fn new(fonts: &'f Fonts) -> FaceTables<'f> {
        FaceTables { faces: fonts.faces().iter().map(|f| ttf_parser::Face::parse(f.data(), f.index()).ok()).collect() }
    }

    fn face(&self, id: FaceId) -> Option<&ttf_parser::Face<'f>> {
        self.faces.get(id.0).and_then(Option::as_ref)
    }

    /// The face's units per em, or `None` when it did not parse.
    pub fn units_per_em(&self, id: FaceId) -> Option<f64> {
        self.face(id).map(|f| f64::from(f.units_per_em()))
    }

    /// Feeds the outline of glyph `glyph` of `face` to `builder`, in font
    /// units (y up); `false` for a glyph with no outline (a space).
    pub fn outline(&self, face: FaceId, glyph: u16, builder: &mut dyn ttf_parser::OutlineBuilder) -> bool {
        self.face(face).is_some_and(|f| f.outline_glyph(ttf_parser::GlyphId(glyph), builder).is_some())
    }

    /// Where each character of a left-to-right run starts, in font units
    /// from the run's start, as the shaper placed it, up to the last one
    /// that kerning or a contextual form moved off the plain advances;
    /// characters after it flow by the advances alone. `None` for a run
    /// shaped right to left, which a browser places better from the whole
    /// run, or a face that does not parse.
    ///
    /// An SVG whose embedded subsets carry no `GPOS` lays a run out by
    /// plain advances; these places put back what kerning did, and pin the
    /// text where it was measured in any viewer, with or without the font.
    pub fn char_places(&self, run: &Run) -> Option<Vec<i32>> {
        let face = self.face(run.face)?;
        if run.rtl {
            return None;
        }
        let mut places = Vec::with_capacity(run.text.len());
        let mut last_moved = 0;
        let (mut flow, mut at) = (0i64, 0i64);
        let mut pen = 0i64;
        let mut glyphs = run.glyphs.iter().peekable();
        for (offset, c) in run.text.char_indices() {
            // A character that starts a cluster is where its first glyph
            // is; one inside a cluster (a ligature's second letter) goes
            // with it.
            if let Some(g) = glyphs.peek().filter(|g| g.cluster as usize == offset) {
                at = pen + i64::from(g.x_offset);
            }
            while let Some(g) = glyphs.next_if(|g| g.cluster as usize <= offset) {
                pen += i64::from(g.advance);
            }
            if (at - flow).abs() > 0 {
                last_moved = places.len() + 1;
            }
            places.push(i32::try_from(at).unwrap_or(i32::MAX));
            let advance = face.glyph_index(c).and_then(|g| face.glyph_hor_advance(g)).unwrap_or(0);
            flow = at + i64::from(advance);
        }
        places.truncate(last_moved);
        Some(places)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::{Shaper, Style};

    #[test]
    fn kerned_characters_are_placed_and_plain_ones_flow() {
        let fonts = Fonts::embedded();
        let shaper = Shaper::new(&fonts);
        let tables = FaceTables::new(&fonts);
        let line = shaper.shape("AVAV x", Style::Regular, 16.0, &mut Vec::new());
        let places = tables.char_places(&line.runs[0]).expect("left to right");
        // "AV" kerns in Inter: the V is pulled left of A's plain advance.
        assert!(places.len() >= 2, "{places:?}");
        let a = fonts.faces()[0].data();
        let face = ttf_parser::Face::parse(a, 0).expect("Inter");
        let plain = face.glyph_index('A').and_then(|g| face.glyph_hor_advance(g)).map(i32::from);
        assert!(Some(places[1]) < plain, "{places:?} against {plain:?}");
        // Text with nothing kerned needs no places at all.
        let plain_line = shaper.shape("x", Style::Regular, 16.0, &mut Vec::new());
        assert_eq!(tables.char_places(&plain_line.runs[0]), Some(vec![]));
    }
}
