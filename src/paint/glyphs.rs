//! Text as glyph outlines, from the glyphs the layout shaped.
//!
//! Two ways, for two readers. A file for people (`--text-as-paths`) keeps
//! each glyph once, as a `<path>` in `<defs>`, and places it with a
//! `<use>`: small, and each line keeps its words in an `aria-label`. A
//! file for the rasteriser writes each run as one `<path>` holding its
//! glyphs' outlines in place: usvg then reads a few hundred paths rather
//! than thousands of references, each of which it would resolve, clone
//! and parse again.

use std::collections::BTreeMap;
use std::fmt::Write;

use rustybuzz::ttf_parser::OutlineBuilder;

use super::svg::{escape, num};
use crate::layout::{Point, TextLine, Transform};
use crate::text::{FaceId, FaceTables};
use crate::theme::Color;

/// The glyph outlines a painting has used, by face index and glyph id.
pub(super) enum Outlines {
    /// Path data in font units, written once in `<defs>`.
    Reused(BTreeMap<(usize, u16), String>),
    /// Outlines in whole font units, copied into each run's path.
    Inline(BTreeMap<(usize, u16), Option<Vec<Segment>>>),
}

/// A step of an outline, in font units (y up).
#[derive(Debug, Clone, Copy)]
pub(super) enum Segment {
    Move(i32, i32),
    Line(i32, i32),
    Quad(i32, i32, i32, i32),
    Cubic(i32, i32, i32, i32, i32, i32),
    Close,
}

impl Outlines {
    pub(super) fn reused() -> Outlines {
        Outlines::Reused(BTreeMap::new())
    }

    pub(super) fn inline() -> Outlines {
        Outlines::Inline(BTreeMap::new())
    }

    /// The `<defs>` of the glyphs referenced, if they are referenced.
    pub(super) fn defs(&self, out: &mut String) {
        if let Outlines::Reused(glyphs) = self {
            out.push_str("<defs>\n");
            for ((face, glyph), d) in glyphs {
                let _ = writeln!(out, "<path id=\"g{face}-{glyph}\" d=\"{d}\"/>");
            }
            out.push_str("</defs>\n");
        }
    }

    /// A line as glyph outlines, scaled from font units (y up) to px at
    /// the line's size; `face` says which face draws a run.
    pub(super) fn line(
        &mut self,
        out: &mut String,
        tables: &FaceTables<'_>,
        face: &dyn Fn(FaceId) -> FaceId,
        fill: Color,
        line: &TextLine,
        at: Transform,
    ) {
        let origin = at.apply(Point::new(line.x, line.baseline));
        let _ = writeln!(out, "<g fill=\"{fill}\" aria-label=\"{}\">", escape(&line.text()));
        let mut x = origin.x;
        for run in &line.runs {
            let face = face(run.face);
            if let Some(upem) = tables.units_per_em(face) {
                // One transform a run, from font units (y up) to px; each
                // glyph is then placed in font units.
                let scale = line.size * at.scale / upem;
                let s = format!("{scale:.6}").trim_end_matches('0').to_owned();
                let transform = format!("matrix({s} 0 0 -{s} {} {})", num(x), num(origin.y));
                let mut pen = 0i64;
                let placed = run.glyphs.iter().map(|g| {
                    let at = (pen + i64::from(g.x_offset), i64::from(g.y_offset));
                    pen += i64::from(g.advance);
                    (g.id, at)
                });
                match self {
                    Outlines::Reused(glyphs) => reused(out, tables, glyphs, face, &transform, placed),
                    Outlines::Inline(glyphs) => inline(out, tables, glyphs, face, &transform, placed),
                }
            }
            x += run.width * at.scale;
        }
        out.push_str("</g>\n");
    }
}

/// A run as `<use>`s of the glyphs in `<defs>`.
fn reused(
    out: &mut String,
    tables: &FaceTables<'_>,
    glyphs: &mut BTreeMap<(usize, u16), String>,
    face: FaceId,
    transform: &str,
    placed: impl Iterator<Item = (u16, (i64, i64))>,
) {
    let _ = write!(out, "<g transform=\"{transform}\">");
    for (id, (gx, gy)) in placed {
        if let std::collections::btree_map::Entry::Vacant(slot) = glyphs.entry((face.0, id)) {
            // A glyph with no outline (a space) is not drawn.
            let mut d = PathData::default();
            if !tables.outline(face, id, &mut d) {
                continue;
            }
            slot.insert(d.0);
        }
        let _ = write!(out, "<use href=\"#g{}-{id}\" x=\"{gx}\"", face.0);
        if gy != 0 {
            let _ = write!(out, " y=\"{gy}\"");
        }
        out.push_str("/>");
    }
    out.push_str("</g>\n");
}

/// A run as one path of its glyphs' outlines, each moved to its place.
fn inline(
    out: &mut String,
    tables: &FaceTables<'_>,
    glyphs: &mut BTreeMap<(usize, u16), Option<Vec<Segment>>>,
    face: FaceId,
    transform: &str,
    placed: impl Iterator<Item = (u16, (i64, i64))>,
) {
    let mut d = String::new();
    for (id, (gx, gy)) in placed {
        let outline = glyphs.entry((face.0, id)).or_insert_with(|| {
            let mut segments = Segments::default();
            tables.outline(face, id, &mut segments).then_some(segments.0)
        });
        let Some(segments) = outline else { continue };
        let (dx, dy) = (i32::try_from(gx).unwrap_or(0), i32::try_from(gy).unwrap_or(0));
        for segment in segments.iter() {
            // Written digit by digit: a poster's runs hold some 100,000
            // numbers, and `write!` spends most of its time formatting.
            let (verb, points): (char, &[(i32, i32)]) = match segment {
                Segment::Move(x, y) => ('M', &[(*x, *y)]),
                Segment::Line(x, y) => ('L', &[(*x, *y)]),
                Segment::Quad(x1, y1, x, y) => ('Q', &[(*x1, *y1), (*x, *y)]),
                Segment::Cubic(x1, y1, x2, y2, x, y) => ('C', &[(*x1, *y1), (*x2, *y2), (*x, *y)]),
                Segment::Close => ('Z', &[]),
            };
            d.push(verb);
            for (i, (x, y)) in points.iter().enumerate() {
                if i > 0 {
                    d.push(' ');
                }
                push_int(&mut d, x + dx);
                d.push(' ');
                push_int(&mut d, y + dy);
            }
        }
    }
    if !d.is_empty() {
        let _ = writeln!(out, "<path transform=\"{transform}\" d=\"{d}\"/>");
    }
}

/// Appends `n` in decimal.
fn push_int(out: &mut String, n: i32) {
    if n < 0 {
        out.push('-');
    }
    let mut digits = [0u8; 10];
    let mut v = n.unsigned_abs();
    let mut at = digits.len();
    loop {
        at -= 1;
        digits[at] = b'0' + (v % 10) as u8;
        v /= 10;
        if v == 0 {
            break;
        }
    }
    out.extend(digits[at..].iter().map(|&b| char::from(b)));
}

/// A glyph's outline as SVG path data, in font units (y up).
#[derive(Default)]
struct PathData(String);

impl OutlineBuilder for PathData {
    fn move_to(&mut self, x: f32, y: f32) {
        let _ = write!(self.0, "M{} {}", num(f64::from(x)), num(f64::from(y)));
    }
    fn line_to(&mut self, x: f32, y: f32) {
        let _ = write!(self.0, "L{} {}", num(f64::from(x)), num(f64::from(y)));
    }
    fn quad_to(&mut self, x1: f32, y1: f32, x: f32, y: f32) {
        let (x1, y1, x, y) = (f64::from(x1), f64::from(y1), f64::from(x), f64::from(y));
        let _ = write!(self.0, "Q{} {} {} {}", num(x1), num(y1), num(x), num(y));
    }
    fn curve_to(&mut self, x1: f32, y1: f32, x2: f32, y2: f32, x: f32, y: f32) {
        let p = [x1, y1, x2, y2, x, y].map(|v| num(f64::from(v)));
        let _ = write!(self.0, "C{} {} {} {} {} {}", p[0], p[1], p[2], p[3], p[4], p[5]);
    }
    fn close(&mut self) {
        self.0.push('Z');
    }
}

/// A glyph's outline as segments in whole font units (TrueType outlines
/// are whole already; a CFF point moves by under a unit, 1/2048 em).
#[derive(Default)]
struct Segments(Vec<Segment>);

/// A coordinate in whole font units.
fn unit(v: f32) -> i32 {
    v.round() as i32
}

impl OutlineBuilder for Segments {
    fn move_to(&mut self, x: f32, y: f32) {
        self.0.push(Segment::Move(unit(x), unit(y)));
    }
    fn line_to(&mut self, x: f32, y: f32) {
        self.0.push(Segment::Line(unit(x), unit(y)));
    }
    fn quad_to(&mut self, x1: f32, y1: f32, x: f32, y: f32) {
        self.0.push(Segment::Quad(unit(x1), unit(y1), unit(x), unit(y)));
    }
    fn curve_to(&mut self, x1: f32, y1: f32, x2: f32, y2: f32, x: f32, y: f32) {
        self.0.push(Segment::Cubic(unit(x1), unit(y1), unit(x2), unit(y2), unit(x), unit(y)));
    }
    fn close(&mut self) {
        self.0.push(Segment::Close);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn integers_are_written_as_display_writes_them() {
        for n in [0, 7, -7, 10, -10, 1234, -98765, i32::MAX, i32::MIN] {
            let mut s = String::new();
            push_int(&mut s, n);
            assert_eq!(s, n.to_string());
        }
    }
}
