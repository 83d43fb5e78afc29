//! [`Document`] → SVG text.
//!
//! The painter knows only primitives: text lines, shapes and tagged
//! groups. It decides no position, size or colour: positions and sizes come
//! from the frame, colours from the theme's roles. A new poster region
//! never changes it. Every number is written with two decimals at most,
//! every piece of user text is escaped, and nothing outside the document is
//! referenced, so the same document gives the same bytes anywhere.

use std::collections::BTreeMap;
use std::fmt::Write;

use base64::Engine;
use rustybuzz::ttf_parser;

use super::glyphs::Outlines;
use crate::layout::{Document, Geometry, Group, Item, Page, Point, Segment, Shape, Stroke, Tag, TextLine, Transform};
use crate::text::subset::Embedding;
use crate::text::{Face, FaceId, FaceTables, Fonts, Run};
use crate::theme::{Color, Role, Theme};

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
    /// Draw the text as glyph outlines, one `<path>` a glyph in `<defs>`
    /// and a `<use>` where it stands: the file needs no font at all (for
    /// print shops and drawing programs), and each line keeps its words in
    /// an `aria-label`. No fonts are embedded then.
    pub text_as_paths: bool,
}

impl Default for SvgOptions {
    fn default() -> Self {
        SvgOptions { transparent: false, embed_fonts: true, text_as_paths: false }
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

/// Paints a document's first page as a standalone SVG document.
pub fn svg(document: &Document, theme: &Theme, fonts: &Fonts, options: SvgOptions) -> String {
    svg_page(document, document.page(), theme, fonts, options)
}

/// Paints one page of a document (a slide of a deck) as a standalone SVG
/// document.
pub fn svg_page(document: &Document, page: &Page, theme: &Theme, fonts: &Fonts, options: SvgOptions) -> String {
    let outlines = options.text_as_paths.then(Outlines::reused);
    paint(document, page, theme, fonts, options, outlines)
}

/// Paints one page for rasterising: the text as one outline path a run,
/// in place, so the rasteriser has no text to shape and no glyph to look
/// up (a poster's thousands of `<use>` references cost usvg more than
/// the paths themselves). Not for people: the file is larger and the
/// words are only in labels.
pub fn svg_for_raster(document: &Document, page: &Page, theme: &Theme, fonts: &Fonts, transparent: bool) -> String {
    let options = SvgOptions { transparent, embed_fonts: false, text_as_paths: true };
    paint(document, page, theme, fonts, options, Some(Outlines::inline()))
}

fn paint(
    document: &Document,
    page: &Page,
    theme: &Theme,
    fonts: &Fonts,
    options: SvgOptions,
    outlines: Option<Outlines>,
) -> String {
    let tables = FaceTables::new(fonts);
    let placed = vec![options.embed_fonts && !options.text_as_paths; fonts.faces().len()];
    let mut p = Painter { out: String::with_capacity(256 * 1024), theme, fonts, tables, outlines, placed };
    p.document(document, page, options);
    p.out
}

struct Painter<'a> {
    out: String,
    theme: &'a Theme,
    fonts: &'a Fonts,
    /// The faces' glyph tables, for outlines and character places.
    tables: FaceTables<'a>,
    /// With `text_as_paths`: the glyph outlines used.
    outlines: Option<Outlines>,
    /// By face: whether each character gets its place written (see
    /// [`FaceTables::char_places`]); off for a face the browser shapes
    /// itself from its whole tables.
    placed: Vec<bool>,
}

/// Formats a coordinate with at most two decimals and no `-0`.
pub(super) fn num(v: f64) -> String {
    let r = (v * 100.0).round() / 100.0;
    let r = if r == 0.0 { 0.0 } else { r };
    let s = format!("{r:.2}");
    s.trim_end_matches('0').trim_end_matches('.').to_owned()
}

/// A family name as a single-quoted CSS string inside XML: the name itself
/// (so it matches the name each text run gives, "M+ 1p" included), with
/// backslashes and quotes escaped for CSS and markup escaped for XML.
fn css_family(family: &str) -> String {
    let css: String = family
        .chars()
        .flat_map(|c| match c {
            '\\' | '\'' => vec!['\\', c],
            c => vec![c],
        })
        .collect();
    escape(&css)
}

/// Escapes text for XML and drops characters XML 1.0 cannot hold; a tab
/// or line break becomes a space (an SVG text line is one line).
pub(super) fn escape(s: &str) -> String {
    escape_xml(s, false)
}

/// Escapes text for XML and drops characters XML 1.0 cannot hold; tabs
/// and line breaks are kept with `keep_breaks` (a PPTX note), else they
/// become spaces.
pub(crate) fn escape_xml(s: &str, keep_breaks: bool) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(if keep_breaks { c } else { ' ' }),
            c if (c as u32) < 0x20 || matches!(c, '\u{FFFE}' | '\u{FFFF}') => {}
            c => out.push(c),
        }
    }
    out
}

/// A class or `data-*` name safe as an XML attribute name: ASCII letters,
/// digits and `-` only.
fn attribute_name(name: &str) -> String {
    name.chars().filter(|c| c.is_ascii_alphanumeric() || *c == '-').collect()
}

/// The index of the face a run is drawn with: its own, or the first when
/// the set lacks it (the document was laid out with more fonts): wrong
/// glyphs, perhaps, but never a panic.
fn drawn_face(fonts: &Fonts, id: FaceId) -> usize {
    if fonts.face(id).is_some() { id.0 } else { 0 }
}

/// The runs each face draws on a page, one for each distinct text, by
/// face index.
fn runs_by_face<'p>(page: &'p Page, fonts: &Fonts) -> BTreeMap<usize, Vec<&'p Run>> {
    let mut used: BTreeMap<usize, BTreeMap<&str, &Run>> = BTreeMap::new();
    page.frame.walk(&mut |_, item| {
        if let Item::Text(t) = item {
            for run in &t.runs {
                used.entry(drawn_face(fonts, run.face)).or_default().entry(run.text.as_str()).or_insert(run);
            }
        }
    });
    used.into_iter().map(|(face, runs)| (face, runs.into_values().collect())).collect()
}

/// Whether a face the page uses travels inside its SVG, as a subset or
/// whole (see [`embeddable`]).
pub fn travels(page: &Page, fonts: &Fonts, id: FaceId) -> bool {
    let Some(face) = fonts.face(id) else { return false };
    if embeddable(face) {
        return true;
    }
    let runs = runs_by_face(page, fonts).remove(&id.0).unwrap_or_default();
    matches!(crate::text::subset::embed(face, runs.iter().copied()), Ok(Embedding::Subset(_)))
}

/// The faces a page's text is drawn with, in face order.
pub fn faces(page: &Page) -> Vec<FaceId> {
    let mut faces = Vec::new();
    page.frame.walk(&mut |_, item| {
        if let Item::Text(t) = item {
            faces.extend(t.runs.iter().map(|r| r.face));
        }
    });
    faces.sort_unstable();
    faces.dedup();
    faces
}

impl Painter<'_> {
    fn color(&self, role: Role) -> Color {
        self.theme.colors.get(role)
    }

    fn document(&mut self, document: &Document, page: &Page, options: SvgOptions) {
        let view = page.view();
        let (pw, ph) = (num(page.size.width), num(page.size.height));
        let viewbox = format!("{} {} {} {}", num(view.x), num(view.y), num(view.width), num(view.height));
        let _ = write!(
            self.out,
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{pw}\" height=\"{ph}\" viewBox=\"{viewbox}\" \
             role=\"img\" aria-labelledby=\"poster-title poster-desc\">\n\
             <title id=\"poster-title\">{}</title>\n<desc id=\"poster-desc\">{}</desc>\n",
            escape(&document.title),
            escape(&document.description)
        );
        if options.embed_fonts && !options.text_as_paths {
            self.font_faces(page);
        }
        if !options.transparent {
            let bg = self.color(Role::Background);
            let _ = writeln!(
                self.out,
                "<rect class=\"background\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{bg}\"/>",
                num(view.x),
                num(view.y),
                num(view.width),
                num(view.height)
            );
        }
        self.items(&page.frame.items, Transform::IDENTITY);
        if let Some(outlines) = &self.outlines {
            outlines.defs(&mut self.out);
        }
        self.out.push_str("</svg>\n");
    }

    /// `@font-face` rules for every face the page's text uses, in face
    /// order, each cut down to the characters drawn with it (see
    /// [`crate::text::subset`]); a face whose text needs its whole layout
    /// tables, or that the subsetter cannot read, is embedded whole when
    /// [`embeddable`], and its characters are not placed one by one.
    /// usvg skips at-rules and draws from its own font database; browsers
    /// use these.
    fn font_faces(&mut self, page: &Page) {
        let mut rules = String::new();
        for (index, runs) in runs_by_face(page, self.fonts) {
            let Some(face) = self.fonts.faces().get(index) else { continue };
            let data = match crate::text::subset::embed(face, runs.iter().copied()) {
                Ok(Embedding::Subset(data)) => data,
                Ok(Embedding::Whole) | Err(_) => {
                    // The browser shapes this face with its own tables.
                    if let Some(placed) = self.placed.get_mut(index) {
                        *placed = false;
                    }
                    if !embeddable(face) {
                        continue;
                    }
                    face.data().to_vec()
                }
            };
            let data = base64::engine::general_purpose::STANDARD.encode(data);
            let _ = writeln!(
                rules,
                "@font-face {{ font-family: '{}'; font-weight: {}; font-style: {}; src: url(data:font/ttf;base64,{data}) format('truetype'); }}",
                css_family(&face.family),
                face.weight,
                if face.italic { "italic" } else { "normal" },
            );
        }
        if !rules.is_empty() {
            let _ = write!(self.out, "<defs><style>\n{rules}</style></defs>\n");
        }
    }

    /// Paints items whose coordinates map to the output's by `at`. A
    /// translation is written into the coordinates themselves (so a card's
    /// `x` and `y` in the SVG are where it is on the poster); a scale
    /// becomes a `transform` attribute.
    fn items(&mut self, items: &[Item], at: Transform) {
        for item in items {
            match item {
                Item::Text(line) => self.text(line, at),
                Item::Shape(shape) => self.shape(shape, at, false),
                Item::Group(group) => self.group(group, at),
            }
        }
    }

    fn group(&mut self, group: &Group, at: Transform) {
        let inner = at.then(group.transform);
        let (inner, attribute) = if inner.is_translation() {
            (inner, String::new())
        } else {
            let t = inner;
            (
                Transform::IDENTITY,
                format!(" transform=\"matrix({} 0 0 {} {} {})\"", num(t.scale), num(t.scale), num(t.tx), num(t.ty)),
            )
        };
        self.out.push_str("<g");
        if let Some(tag) = &group.tag {
            self.tag_attributes(tag);
        }
        self.out.push_str(&attribute);
        if group.opacity < 1.0 {
            let _ = write!(self.out, " opacity=\"{}\"", num(group.opacity.max(0.0)));
        }
        self.out.push_str(">\n");
        let mut rest = group.items.as_slice();
        // A box's first child is its bounding rect, and its title follows
        // it, so the rect stays the group's first element.
        if let (Some(tag), Some(_), Some((Item::Shape(first), tail))) =
            (&group.tag, group.box_rect(), group.items.split_first())
        {
            self.shape(first, inner, true);
            if let Some(title) = &tag.title {
                let _ = writeln!(self.out, "<title>{}</title>", escape(title));
            }
            rest = tail;
        } else if let Some(title) = group.tag.as_ref().and_then(|t| t.title.as_ref()) {
            let _ = writeln!(self.out, "<title>{}</title>", escape(title));
        }
        self.items(rest, inner);
        self.out.push_str("</g>\n");
    }

    fn tag_attributes(&mut self, tag: &Tag) {
        let class: Vec<String> = tag.class.split_whitespace().map(attribute_name).collect();
        if !class.is_empty() {
            let _ = write!(self.out, " class=\"{}\"", class.join(" "));
        }
        if let Some(id) = &tag.id {
            let _ = write!(self.out, " id=\"{}\"", escape(id));
        }
        for (name, value) in &tag.data {
            let _ = write!(self.out, " data-{}=\"{}\"", attribute_name(name), escape(value));
        }
    }

    /// Paints a shape. `bounds` marks a box's bounding rect: without a
    /// stroke it is rounded outward, so writing two decimals never makes
    /// the bounds smaller than the text laid out to touch them.
    fn shape(&mut self, shape: &Shape, at: Transform, bounds: bool) {
        let paint = self.paint_attributes(shape);
        let p = |pt: Point| at.apply(pt);
        let _ = match &shape.geometry {
            Geometry::Rect { rect, radius } => {
                let r = at.apply_rect(*rect);
                let (x0, y0, x1, y1) = if bounds && shape.stroke.is_none() {
                    (
                        (r.x * 100.0).floor() / 100.0,
                        (r.y * 100.0).floor() / 100.0,
                        (r.right() * 100.0).ceil() / 100.0,
                        (r.bottom() * 100.0).ceil() / 100.0,
                    )
                } else {
                    (r.x, r.y, r.right(), r.bottom())
                };
                let rx = if *radius > 0.0 { format!(" rx=\"{}\"", num(radius * at.scale)) } else { String::new() };
                writeln!(
                    self.out,
                    "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\"{rx}{paint}/>",
                    num(x0),
                    num(y0),
                    num(x1 - x0),
                    num(y1 - y0)
                )
            }
            Geometry::Circle { center, radius } => {
                let c = p(*center);
                writeln!(
                    self.out,
                    "<circle cx=\"{}\" cy=\"{}\" r=\"{}\"{paint}/>",
                    num(c.x),
                    num(c.y),
                    num(radius * at.scale)
                )
            }
            Geometry::Line { from, to } => {
                let (a, b) = (p(*from), p(*to));
                writeln!(
                    self.out,
                    "<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\"{paint}/>",
                    num(a.x),
                    num(a.y),
                    num(b.x),
                    num(b.y)
                )
            }
            Geometry::Polyline(points) => {
                writeln!(self.out, "<path d=\"{}\"{paint}/>", polyline(points.iter().map(|&q| p(q))))
            }
            Geometry::Polygon(points) => {
                writeln!(self.out, "<path d=\"{} Z\"{paint}/>", polyline(points.iter().map(|&q| p(q))))
            }
            Geometry::Path(segments) => {
                let mut d = String::new();
                for segment in segments {
                    if !d.is_empty() {
                        d.push(' ');
                    }
                    let _ = match *segment {
                        Segment::Move(a) => write!(d, "M{} {}", num(p(a).x), num(p(a).y)),
                        Segment::Line(a) => write!(d, "L{} {}", num(p(a).x), num(p(a).y)),
                        Segment::Cubic(a, b, c) => {
                            let (a, b, c) = (p(a), p(b), p(c));
                            write!(d, "C{} {} {} {} {} {}", num(a.x), num(a.y), num(b.x), num(b.y), num(c.x), num(c.y))
                        }
                        Segment::Close => write!(d, "Z"),
                    };
                }
                writeln!(self.out, "<path d=\"{d}\"{paint}/>")
            }
        };
    }

    /// ` fill=… stroke=…` for a shape.
    fn paint_attributes(&self, shape: &Shape) -> String {
        let mut out = match shape.fill {
            Some(role) => format!(" fill=\"{}\"", self.color(role)),
            None => " fill=\"none\"".to_owned(),
        };
        if let Some(Stroke { role, width, dash, round }) = shape.stroke {
            let _ = write!(out, " stroke=\"{}\" stroke-width=\"{}\"", self.color(role), num(width));
            if let Some(d) = dash {
                let _ = write!(out, " stroke-dasharray=\"{}\"", num(d));
            }
            if round {
                out.push_str(" stroke-linecap=\"round\" stroke-linejoin=\"round\"");
            }
        }
        out
    }

    fn text(&mut self, line: &TextLine, at: Transform) {
        let fill = self.color(line.role);
        if let Some(outlines) = self.outlines.as_mut() {
            let face = |id: FaceId| FaceId(drawn_face(self.fonts, id));
            outlines.line(&mut self.out, &self.tables, &face, fill, line, at);
            return;
        }
        let origin = at.apply(Point::new(line.x, line.baseline));
        let _ = write!(
            self.out,
            "<text x=\"{}\" y=\"{}\" font-size=\"{}\" fill=\"{fill}\" xml:space=\"preserve\">",
            num(origin.x),
            num(origin.y),
            num(line.size * at.scale)
        );
        // Each run names its face and starts at its measured position, so
        // usvg draws exactly what was measured, with no fallback of its own.
        let mut x = origin.x;
        for run in &line.runs {
            let index = drawn_face(self.fonts, run.face);
            let Some(face) = self.fonts.faces().get(index) else { continue };
            let style = if face.italic { " font-style=\"italic\"" } else { "" };
            let mut places = num(x);
            let upem = self.tables.units_per_em(FaceId(index)).filter(|_| self.placed.get(index) == Some(&true));
            if let Some(upem) = upem {
                let scale = line.size * at.scale / upem;
                for p in self.tables.char_places(run).unwrap_or_default().iter().skip(1) {
                    places.push(' ');
                    places.push_str(&num(x + f64::from(*p) * scale));
                }
            }
            let _ = write!(
                self.out,
                "<tspan x=\"{places}\" font-family=\"'{}'\" font-weight=\"{}\"{style}>{}</tspan>",
                escape(&face.family),
                face.weight,
                escape(&run.text)
            );
            x += run.width * at.scale;
        }
        self.out.push_str("</text>\n");
    }
}

fn polyline(points: impl Iterator<Item = Point>) -> String {
    let mut d = String::new();
    for (i, p) in points.enumerate() {
        let _ = write!(d, "{}{} {}", if i == 0 { "M" } else { " L" }, num(p.x), num(p.y));
    }
    d
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
    fn family_names_are_kept_and_escaped() {
        assert_eq!(css_family("M+ 1p"), "M+ 1p");
        assert_eq!(css_family("O'Neil <Sans>"), "O\\&apos;Neil &lt;Sans&gt;");
    }

    #[test]
    fn text_is_escaped_and_xml_safe() {
        assert_eq!(escape("a<b & \"c\"\u{1}"), "a&lt;b &amp; &quot;c&quot;");
    }
}
