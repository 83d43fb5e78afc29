//! [`Poster`] → SVG text.
//!
//! The painter decides no position, size or colour: positions and sizes
//! come from the poster, colours from the theme. It only knows how a mark
//! is drawn (the badge shapes) and how SVG spells things. Every number is written with two decimals at
//! most, every piece of user text is escaped, and nothing outside the
//! document is referenced, so the same poster gives the same bytes anywhere.

use std::fmt::Write;

use crate::layout::{Block, BlockKind, Item, Paint, PipShape, Point, Poster, Rect, Region, TextLine};
use crate::model::Mark;
use base64::Engine;
use rustybuzz::ttf_parser;

use crate::text::{Face, Fonts};
use crate::theme::{Color, Theme};

/// Choices that change the SVG but not the layout.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SvgOptions {
    /// Leave the page background out, so the poster sits on whatever is
    /// behind it.
    pub transparent: bool,
    /// Embed the faces the poster uses as `@font-face` data, so a browser
    /// draws the text with the very fonts it was measured with (see
    /// [`embeddable`] for the faces that cannot travel). On by default;
    /// off gives a smaller file that relies on the fonts being installed.
    pub embed_fonts: bool,
}

impl Default for SvgOptions {
    fn default() -> Self {
        SvgOptions { transparent: false, embed_fonts: true }
    }
}

/// The largest face embedded in an SVG, in bytes (4 MiB): a full CJK font
/// would make a poster of tens of megabytes.
pub const MAX_EMBEDDED_FONT_BYTES: usize = 4 * 1024 * 1024;

/// Whether a face can be embedded in an SVG: browsers cannot pick a face
/// out of a font collection from a data URL, and faces over
/// [`MAX_EMBEDDED_FONT_BYTES`] are left out.
pub fn embeddable(face: &Face) -> bool {
    let collection = ttf_parser::fonts_in_collection(face.data()).is_some();
    !collection && face.data().len() <= MAX_EMBEDDED_FONT_BYTES
}

/// Paints a poster as a standalone SVG document.
pub fn svg(poster: &Poster, theme: &Theme, fonts: &Fonts, options: SvgOptions) -> String {
    let mut p = Painter { out: String::with_capacity(256 * 1024), theme, fonts, stages: &poster.stages };
    p.document(poster, options);
    p.out
}

struct Painter<'a> {
    out: String,
    theme: &'a Theme,
    fonts: &'a Fonts,
    stages: &'a [String],
}

/// Formats a coordinate with at most two decimals and no `-0`.
fn num(v: f64) -> String {
    let r = (v * 100.0).round() / 100.0;
    let r = if r == 0.0 { 0.0 } else { r };
    let s = format!("{r:.2}");
    s.trim_end_matches('0').trim_end_matches('.').to_owned()
}

/// A family name safe inside a quoted CSS string inside XML: letters,
/// digits, spaces and `-_.` only (real family names need nothing else).
fn css_family(family: &str) -> String {
    family.chars().filter(|c| c.is_alphanumeric() || matches!(c, ' ' | '-' | '_' | '.')).collect()
}

/// Escapes text for XML and drops characters XML 1.0 cannot hold.
fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(' '),
            c if (c as u32) < 0x20 || matches!(c, '\u{FFFE}' | '\u{FFFF}') => {}
            c => out.push(c),
        }
    }
    out
}

impl Painter<'_> {
    fn color(&self, paint: Paint) -> Color {
        let c = &self.theme.colors;
        match paint {
            Paint::Background => c.background,
            Paint::Surface => c.surface,
            Paint::Ink => c.ink,
            Paint::Muted => c.muted,
            Paint::Rule => c.rule,
            Paint::LabelBand => c.label_band,
            Paint::Spine => c.spine,
            Paint::SpineInk => c.spine_ink,
            Paint::Accent => c.accent,
            Paint::Mark(Mark::Essential) => c.essential,
            Paint::Mark(Mark::Strength) => c.strength,
            Paint::Mark(Mark::Pain) => c.pain,
            Paint::Mark(Mark::WouldPay) => c.would_pay,
            Paint::MomentOfTruth => c.moment_of_truth,
            Paint::MeterOff => c.meter_off,
        }
    }

    fn document(&mut self, poster: &Poster, options: SvgOptions) {
        let (pw, ph) = (num(poster.page.width), num(poster.page.height));
        let (vw, vh) = (num(poster.view.width), num(poster.view.height));
        let _ = write!(
            self.out,
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{pw}\" height=\"{ph}\" viewBox=\"0 0 {vw} {vh}\" \
             role=\"img\" aria-labelledby=\"poster-title poster-desc\">\n\
             <title id=\"poster-title\">{}</title>\n<desc id=\"poster-desc\">{}</desc>\n",
            escape(&poster.title),
            escape(&poster.description)
        );
        if options.embed_fonts {
            self.font_faces(poster);
        }
        if !options.transparent {
            let bg = self.color(Paint::Background);
            let _ = writeln!(self.out, "<rect class=\"background\" width=\"{vw}\" height=\"{vh}\" fill=\"{bg}\"/>");
        }
        for region in &poster.regions {
            self.region(region);
        }
        self.out.push_str("</svg>\n");
    }

    /// `@font-face` rules for every embeddable face the poster's text uses,
    /// in face order. usvg skips at-rules and draws from its own font
    /// database, so the PNG does not change; browsers use these.
    fn font_faces(&mut self, poster: &Poster) {
        let faces: Vec<&Face> =
            poster.faces().into_iter().filter_map(|id| self.fonts.face(id)).filter(|f| embeddable(f)).collect();
        if faces.is_empty() {
            return;
        }
        self.out.push_str("<defs><style>\n");
        for face in faces {
            let data = base64::engine::general_purpose::STANDARD.encode(face.data());
            let _ = writeln!(
                self.out,
                "@font-face {{ font-family: '{}'; font-weight: {}; font-style: {}; src: url(data:font/ttf;base64,{data}) format('truetype'); }}",
                css_family(&face.family),
                face.weight,
                if face.italic { "italic" } else { "normal" },
            );
        }
        self.out.push_str("</style></defs>\n");
    }

    fn region(&mut self, region: &Region) {
        let _ = writeln!(self.out, "<g class=\"region {}\">", region.kind.as_str());
        for item in &region.decorations {
            self.item(item);
        }
        for block in &region.blocks {
            self.block(block);
        }
        self.out.push_str("</g>\n");
    }

    fn block(&mut self, block: &Block) {
        let (class, data) = self.block_attributes(block);
        let _ = writeln!(self.out, "<g class=\"{class}\" id=\"{}\"{data}>", escape(&block.id));
        // The first element is the rect that bounds the group. A border is
        // drawn inside the bounds, so the rect is inset by half its width.
        let r = block.rect;
        let fill = block.fill.map_or("none".to_owned(), |p| self.color(p).to_string());
        let radius = if block.radius > 0.0 { format!(" rx=\"{}\"", num(block.radius)) } else { String::new() };
        match block.stroke {
            Some(stroke) => {
                let h = stroke.width / 2.0;
                let dash = stroke.dash.map_or(String::new(), |d| format!(" stroke-dasharray=\"{}\"", num(d)));
                let _ = writeln!(
                    self.out,
                    "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\"{radius} fill=\"{fill}\" stroke=\"{}\" stroke-width=\"{}\"{dash}/>",
                    num(r.x + h),
                    num(r.y + h),
                    num(r.width - stroke.width),
                    num(r.height - stroke.width),
                    self.color(stroke.paint),
                    num(stroke.width)
                );
            }
            None => {
                // Rounded outward, so writing two decimals never makes the
                // bounds smaller than the text laid out to touch them.
                let (x0, y0) = ((r.x * 100.0).floor() / 100.0, (r.y * 100.0).floor() / 100.0);
                let (x1, y1) = ((r.right() * 100.0).ceil() / 100.0, (r.bottom() * 100.0).ceil() / 100.0);
                let _ = writeln!(
                    self.out,
                    "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\"{radius} fill=\"{fill}\"/>",
                    num(x0),
                    num(y0),
                    num(x1 - x0),
                    num(y1 - y0)
                );
            }
        }
        if let BlockKind::Card { note: Some(note), .. } = &block.kind {
            let _ = writeln!(self.out, "<title>{}</title>", escape(note));
        }
        for item in &block.items {
            self.item(item);
        }
        self.out.push_str("</g>\n");
    }

    /// The group's class and data attributes: `data-stage` is the stage's
    /// name, `data-stage-number` its 1-based place on the spine.
    fn block_attributes(&self, block: &Block) -> (&'static str, String) {
        let stage = |i: usize| {
            let name = self.stages.get(i).map(String::as_str).unwrap_or_default();
            format!(" data-stage=\"{}\" data-stage-number=\"{}\"", escape(name), i + 1)
        };
        match &block.kind {
            BlockKind::Title => ("title", String::new()),
            BlockKind::Status { draft: true } => ("status draft", String::new()),
            BlockKind::Status { draft: false } => ("status validated", String::new()),
            BlockKind::Stage { stage: i } => ("stage", stage(*i)),
            BlockKind::RowLabel { row } => ("row-label", format!(" data-row=\"{}\"", escape(row))),
            BlockKind::Cell { stage: i, row } => ("cell", format!("{} data-row=\"{}\"", stage(*i), escape(row))),
            BlockKind::Card { stage: i, class, moment_of_truth, .. } => (
                "touchpoint",
                format!(
                    "{} data-priority=\"{}\"{}",
                    stage(*i),
                    class.as_str(),
                    if *moment_of_truth { " data-moment-of-truth=\"true\"" } else { "" }
                ),
            ),
            BlockKind::LegendItem => ("legend-item", String::new()),
            BlockKind::Footer => ("footer", String::new()),
        }
    }

    fn item(&mut self, item: &Item) {
        match item {
            Item::Text(line) => self.text(line),
            Item::Badge { mark, rect } => self.badge(*mark, *rect),
            Item::Star { rect } => {
                let fill = self.color(Paint::MomentOfTruth);
                let _ = writeln!(self.out, "<path class=\"star\" d=\"{}\" fill=\"{fill}\"/>", star_path(*rect));
            }
            Item::Pips { pips, shape, level, paint } => {
                // Filled pips in the meter's colour; the rest as outlines,
                // which stay visible in greyscale print.
                let on = self.color(*paint);
                let off = self.color(Paint::MeterOff);
                for (i, pip) in pips.iter().enumerate() {
                    let filled = i < usize::from(*level);
                    let ring = pip.width.min(pip.height) * 0.12;
                    // An outline is drawn inside the pip's square.
                    let (r, inset) = if filled { (*pip, 0.0) } else { (*pip, ring / 2.0) };
                    let style = if filled {
                        format!("fill=\"{on}\"")
                    } else {
                        format!("fill=\"none\" stroke=\"{off}\" stroke-width=\"{}\"", num(ring))
                    };
                    let _ = match shape {
                        PipShape::Dot => {
                            let c = r.center();
                            writeln!(
                                self.out,
                                "<circle cx=\"{}\" cy=\"{}\" r=\"{}\" {style}/>",
                                num(c.x),
                                num(c.y),
                                num(r.width.min(r.height) / 2.0 - inset)
                            )
                        }
                        PipShape::Block => writeln!(
                            self.out,
                            "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" rx=\"{}\" {style}/>",
                            num(r.x + inset),
                            num(r.y + inset),
                            num(r.width - 2.0 * inset),
                            num(r.height - 2.0 * inset),
                            num(r.width * 0.2)
                        ),
                    };
                }
            }
            Item::Rule { from, to, paint, width } => {
                let _ = writeln!(
                    self.out,
                    "<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"{}\" stroke-width=\"{}\"/>",
                    num(from.x),
                    num(from.y),
                    num(to.x),
                    num(to.y),
                    self.color(*paint),
                    num(*width)
                );
            }
            Item::Chevron { rect, paint } => {
                let pts = [
                    Point::new(rect.x, rect.y),
                    Point::new(rect.right(), rect.center().y),
                    Point::new(rect.x, rect.bottom()),
                ];
                let _ = writeln!(self.out, "<path d=\"{}\" fill=\"{}\"/>", polygon(&pts), self.color(*paint));
            }
        }
    }

    fn text(&mut self, line: &TextLine) {
        let fill = self.color(line.paint);
        let _ = write!(
            self.out,
            "<text x=\"{}\" y=\"{}\" font-size=\"{}\" fill=\"{fill}\" xml:space=\"preserve\">",
            num(line.x),
            num(line.baseline),
            num(line.size)
        );
        // Each run names its face and starts at its measured position, so
        // usvg draws exactly what was measured, with no fallback of its own.
        let mut x = line.x;
        for run in &line.runs {
            // A face this set does not have (the poster was laid out with
            // more fonts) is named as the first face: wrong glyphs, perhaps,
            // but never a panic.
            let Some(face) = self.fonts.face(run.face).or_else(|| self.fonts.faces().first()) else { continue };
            let style = if face.italic { " font-style=\"italic\"" } else { "" };
            let _ = write!(
                self.out,
                "<tspan x=\"{}\" font-family=\"'{}'\" font-weight=\"{}\"{style}>{}</tspan>",
                num(x),
                escape(&face.family),
                face.weight,
                escape(&run.text)
            );
            x += run.width;
        }
        self.out.push_str("</text>\n");
    }

    fn badge(&mut self, mark: Mark, rect: Rect) {
        let fill = self.color(Paint::Mark(mark));
        let glyph = self.color(Paint::Surface);
        let _ = write!(self.out, "<g class=\"badge {}\">", mark.as_str());
        for shape in badge_shapes(mark, rect) {
            let _ = match shape {
                Shape::Fill(d) => write!(self.out, "<path d=\"{d}\" fill=\"{fill}\"/>"),
                Shape::Glyph(d, w) => write!(
                    self.out,
                    "<path d=\"{d}\" fill=\"none\" stroke=\"{glyph}\" stroke-width=\"{}\" stroke-linecap=\"round\" stroke-linejoin=\"round\"/>",
                    num(w)
                ),
                Shape::GlyphDot(c, r) => {
                    write!(
                        self.out,
                        "<circle cx=\"{}\" cy=\"{}\" r=\"{}\" fill=\"{glyph}\"/>",
                        num(c.x),
                        num(c.y),
                        num(r)
                    )
                }
            };
        }
        self.out.push_str("</g>\n");
    }
}

/// Part of a badge: its filled silhouette in the mark's colour, or a glyph
/// drawn on it in the surface colour.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Shape {
    /// A filled outline (path data).
    Fill(String),
    /// A stroked glyph (path data, stroke width).
    Glyph(String, f64),
    /// A filled dot (centre, radius).
    GlyphDot(Point, f64),
}

/// The shapes that make a mark's badge inside `rect`: a diamond for
/// essential, a disc with a check for strength, a warning triangle for
/// pain, a coin with a currency sign for would-pay. They differ in outline
/// and glyph so the poster reads in greyscale and for colour-blind readers.
pub(crate) fn badge_shapes(mark: Mark, rect: Rect) -> Vec<Shape> {
    let c = rect.center();
    let s = rect.width.min(rect.height);
    let at = |fx: f64, fy: f64| Point::new(rect.x + fx * s, rect.y + fy * s);
    let glyph_w = s * 0.12;
    match mark {
        Mark::Essential => vec![
            Shape::Fill(polygon(&[at(0.5, 0.0), at(1.0, 0.5), at(0.5, 1.0), at(0.0, 0.5)])),
            Shape::GlyphDot(c, s * 0.1),
        ],
        Mark::Strength => vec![
            Shape::Fill(circle_path(c, s / 2.0)),
            Shape::Glyph(polyline(&[at(0.28, 0.52), at(0.44, 0.68), at(0.73, 0.36)]), glyph_w),
        ],
        Mark::Pain => vec![
            Shape::Fill(polygon(&[at(0.5, 0.02), at(1.0, 0.94), at(0.0, 0.94)])),
            Shape::Glyph(polyline(&[at(0.5, 0.38), at(0.5, 0.64)]), glyph_w),
            Shape::GlyphDot(at(0.5, 0.79), s * 0.065),
        ],
        // A coin with a currency sign: an open "C" (its ends at ±45°,
        // written out as 1/√2 rather than computed with sin/cos) crossed by
        // two bars, like €.
        Mark::WouldPay => {
            let r = s * 0.24;
            let d = r * std::f64::consts::FRAC_1_SQRT_2;
            let (cx, cy) = (c.x + s * 0.04, c.y);
            let arc =
                format!("M{} {} A{r} {r} 0 1 0 {} {}", num(cx + d), num(cy - d), num(cx + d), num(cy + d), r = num(r));
            let bar = |dy: f64| polyline(&[Point::new(cx - r - s * 0.1, cy + dy), Point::new(cx + s * 0.06, cy + dy)]);
            vec![
                Shape::Fill(circle_path(c, s / 2.0)),
                Shape::Glyph(arc, glyph_w * 0.9),
                Shape::Glyph(bar(-s * 0.06), glyph_w * 0.8),
                Shape::Glyph(bar(s * 0.06), glyph_w * 0.8),
            ]
        }
    }
}

fn polygon(points: &[Point]) -> String {
    polyline(points) + " Z"
}

fn polyline(points: &[Point]) -> String {
    let mut d = String::new();
    for (i, p) in points.iter().enumerate() {
        let _ = write!(d, "{}{} {}", if i == 0 { "M" } else { " L" }, num(p.x), num(p.y));
    }
    d
}

/// A circle as two arcs (a path, so badges are all paths).
fn circle_path(c: Point, r: f64) -> String {
    format!(
        "M{} {} A{r} {r} 0 1 0 {} {} A{r} {r} 0 1 0 {} {} Z",
        num(c.x - r),
        num(c.y),
        num(c.x + r),
        num(c.y),
        num(c.x - r),
        num(c.y),
        r = num(r)
    )
}

/// A five-pointed star filling `rect`. The unit vertices are written out
/// rather than computed with `sin`/`cos`, whose last bits differ between
/// platforms' maths libraries.
fn star_path(rect: Rect) -> String {
    const UNIT: [(f64, f64); 10] = [
        (0.5, 0.0),
        (0.6176, 0.3382),
        (0.9755, 0.3455),
        (0.6902, 0.5618),
        (0.7939, 0.9045),
        (0.5, 0.7),
        (0.2061, 0.9045),
        (0.3098, 0.5618),
        (0.0245, 0.3455),
        (0.3824, 0.3382),
    ];
    let s = rect.width.min(rect.height);
    let pts: Vec<Point> = UNIT.iter().map(|(x, y)| Point::new(rect.x + x * s, rect.y + (y + 0.025) * s)).collect();
    polygon(&pts)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_fixed_and_short() {
        assert_eq!(num(1.0), "1");
        assert_eq!(num(1.005_1), "1.01");
        assert_eq!(num(-0.001), "0");
        assert_eq!(num(12.5), "12.5");
    }

    #[test]
    fn text_is_escaped_and_xml_safe() {
        assert_eq!(escape("a<b & \"c\"\u{1}"), "a&lt;b &amp; &quot;c&quot;");
    }
}
