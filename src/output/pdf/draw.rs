//! One page's frames drawn on a krilla surface, with their structure.
//!
//! The walk is the SVG painter's: groups move and fade their children,
//! shapes become paths, text lines show the glyphs the layout shaped —
//! nothing is measured or shaped here. Beside the drawing it builds the
//! page's part of the PDF's tag tree from each group's
//! [`Structure`]: headings, lists of cards and priorities, figures with
//! their alternate text, and a paragraph for each box of other text.
//! Shapes outside a figure, and print furniture, are artifacts.

use std::num::NonZeroU16;
use std::ops::Range;

use krilla::color::rgb;
use krilla::geom::{Path, PathBuilder, Point as PdfPoint};
use krilla::num::NormalizedF32;
use krilla::paint::{Fill, FillRule, LineCap, LineJoin, Stroke as PdfStroke, StrokeDash};
use krilla::surface::Surface;
use krilla::tagging::{Artifact, ArtifactType, ContentTag, ListNumbering, Node, SpanTag, Tag as PdfTag, TagGroup};
use krilla::text::{Font, GlyphId};

use crate::layout::{Geometry, Group, Item, Point, Segment, Shape, Stroke, Structure, TextLine, Transform};
use crate::text::{FaceId, Fonts, Run};
use crate::theme::{Role, Theme};

/// The faces as krilla fonts, made once a document: krilla hashes each
/// font's data when it is made.
pub(super) struct PdfFonts {
    fonts: Vec<Option<Font>>,
}

impl PdfFonts {
    pub(super) fn new(fonts: &Fonts) -> PdfFonts {
        PdfFonts { fonts: fonts.faces().iter().map(|f| Font::new(f.shared_data().into(), f.index())).collect() }
    }

    /// The font a run is drawn with: its own, or the first when the set
    /// lacks it (a document laid out with more fonts), never a panic.
    fn get(&self, face: FaceId) -> Option<&Font> {
        self.fonts.get(face.0).or(self.fonts.first()).and_then(Option::as_ref)
    }
}

/// Draws one page and gathers its structure.
pub(super) struct PageDrawer<'a, 's> {
    pub(super) surface: &'a mut Surface<'s>,
    pub(super) theme: &'a Theme,
    pub(super) fonts: &'a PdfFonts,
    /// The structure groups open around the item being drawn, innermost
    /// last; the first is the page's own.
    open: Vec<Open>,
    /// The boxes (groups with an id) around the item being drawn, by the
    /// number they were met in, innermost last.
    boxes: Vec<usize>,
    /// How many boxes have been met.
    met: usize,
}

/// A structure group being filled.
struct Open {
    group: TagGroup,
    /// What it is; `None` for a plain container (the page, a paragraph).
    structure: Option<Structure>,
    /// For a paragraph made for loose text: the box it gathers, so the
    /// box's lines read as one paragraph and the next box starts another.
    paragraph: Option<usize>,
}

impl<'a, 's> PageDrawer<'a, 's> {
    pub(super) fn new(surface: &'a mut Surface<'s>, theme: &'a Theme, fonts: &'a PdfFonts) -> PageDrawer<'a, 's> {
        let page = Open { group: TagGroup::new(PdfTag::Part), structure: None, paragraph: None };
        PageDrawer { surface, theme, fonts, open: vec![page], boxes: Vec::new(), met: 0 }
    }

    /// The page's structure, ready for the document's tag tree.
    pub(super) fn finish(mut self) -> Vec<Node> {
        while self.open.len() > 1 {
            self.close();
        }
        self.open.pop().map(|o| o.group.children).unwrap_or_default()
    }

    /// Draws `items` whose coordinates map to the page's by `at`.
    pub(super) fn items(&mut self, items: &[Item], at: Transform) {
        for item in items {
            match item {
                Item::Text(line) => self.text(line, at),
                Item::Shape(shape) => self.shape(shape, at),
                Item::Group(group) => self.group(group, at),
            }
        }
    }

    fn group(&mut self, group: &Group, at: Transform) {
        let inner = at.then(group.transform);
        let faded = group.opacity < 1.0;
        if faded {
            let opacity = NormalizedF32::new(group.opacity.clamp(0.0, 1.0) as f32).unwrap_or(NormalizedF32::ONE);
            self.surface.push_opacity(opacity);
        }
        let tag = group.tag.as_ref();
        let boxed = tag.is_some_and(|t| t.id.is_some());
        if boxed {
            self.met += 1;
            self.boxes.push(self.met);
        }
        let depth = self.open.len();
        if let Some(structure) = tag.and_then(|t| t.structure.clone()) {
            self.close_paragraph();
            self.open_structure(structure);
        }
        self.items(&group.items, inner);
        while self.open.len() > depth {
            self.close();
        }
        if boxed {
            self.boxes.pop();
            if self.open.len() == depth + 1 {
                self.close_paragraph();
            }
        }
        if faded {
            self.surface.pop();
        }
    }

    /// Whether the innermost open group is the page or a list: text there
    /// needs a paragraph of its own.
    fn in_plain_container(&self) -> bool {
        self.open.last().is_some_and(|o| o.paragraph.is_none() && matches!(o.structure, None | Some(Structure::List)))
    }

    /// Closes the paragraph of loose text innermost, if that is what is
    /// open.
    fn close_paragraph(&mut self) {
        if self.open.last().is_some_and(|o| o.paragraph.is_some()) {
            self.close();
        }
    }

    fn open_structure(&mut self, structure: Structure) {
        let tag: Option<krilla::tagging::TagKind> = match &structure {
            Structure::Heading(level) => {
                let level = NonZeroU16::new(*level).unwrap_or(NonZeroU16::MIN);
                Some(PdfTag::Hn(level, None).into())
            }
            Structure::List => Some(PdfTag::L(ListNumbering::None).into()),
            Structure::ListItem => Some(PdfTag::LI.into()),
            Structure::Figure(alt) => Some(PdfTag::Figure(Some(alt.clone())).into()),
            Structure::Artifact => None,
        };
        let group = tag.map_or_else(|| TagGroup::new(PdfTag::Div), TagGroup::new);
        let item = structure == Structure::ListItem;
        self.open.push(Open { group, structure: Some(structure), paragraph: None });
        if item {
            // A list item's content is its body.
            self.open.push(Open { group: TagGroup::new(PdfTag::LBody), structure: None, paragraph: None });
        }
    }

    /// Closes the innermost group into its parent; an empty one is left
    /// out.
    fn close(&mut self) {
        let Some(done) = self.open.pop() else { return };
        if done.structure == Some(Structure::Artifact) || done.group.children.is_empty() {
            return;
        }
        if let Some(parent) = self.open.last_mut() {
            parent.group.push(done.group);
        }
    }

    /// What content drawn now is: artifact, figure content, or text.
    fn artifact(&self) -> bool {
        self.open.iter().any(|o| o.structure == Some(Structure::Artifact))
    }

    fn in_figure(&self) -> bool {
        self.open.iter().any(|o| matches!(o.structure, Some(Structure::Figure(_))))
    }

    /// Runs `draw` as tagged content: `text` (a span) or a graphic, filed
    /// into the innermost group, or as an artifact the reader skips.
    fn tagged(&mut self, text: bool, draw: impl FnOnce(&mut Surface<'s>)) {
        let content = !self.artifact() && (text || self.in_figure());
        if !content {
            let kind = if self.artifact() { ArtifactType::Page } else { ArtifactType::Layout };
            self.surface.start_tagged(ContentTag::Artifact(Artifact::with_kind(kind)));
            draw(self.surface);
            self.surface.end_tagged();
            return;
        }
        if text {
            // Loose text joins its box's paragraph, or starts one.
            let here = self.boxes.last().copied();
            let open = self.open.last().and_then(|o| o.paragraph);
            if open.is_some() && open != here {
                self.close();
            }
            if self.in_plain_container() {
                let paragraph = Some(here.unwrap_or(0));
                self.open.push(Open { group: TagGroup::new(PdfTag::P), structure: None, paragraph });
            }
        }
        let tag = if text { ContentTag::Span(SpanTag::empty()) } else { ContentTag::Other };
        let id = self.surface.start_tagged(tag);
        draw(self.surface);
        self.surface.end_tagged();
        if let Some(open) = self.open.last_mut() {
            open.group.push(id);
        }
    }

    fn fill(&self, role: Role) -> Fill {
        let c = self.theme.colors.get(role);
        Fill { paint: rgb::Color::new(c.r, c.g, c.b).into(), opacity: NormalizedF32::ONE, rule: FillRule::NonZero }
    }

    fn stroke(&self, stroke: Stroke, scale: f64) -> PdfStroke {
        let c = self.theme.colors.get(stroke.role);
        PdfStroke {
            paint: rgb::Color::new(c.r, c.g, c.b).into(),
            width: (stroke.width * scale) as f32,
            line_cap: if stroke.round { LineCap::Round } else { LineCap::Butt },
            line_join: if stroke.round { LineJoin::Round } else { LineJoin::Miter },
            dash: stroke.dash.map(|d| StrokeDash { array: vec![(d * scale) as f32; 2], offset: 0.0 }),
            ..PdfStroke::default()
        }
    }

    fn shape(&mut self, shape: &Shape, at: Transform) {
        let Some(path) = path(&shape.geometry, at) else { return };
        let fill = shape.fill.map(|role| self.fill(role));
        let stroke = shape.stroke.map(|s| self.stroke(s, at.scale));
        if fill.is_none() && stroke.is_none() {
            return;
        }
        self.tagged(false, |surface| {
            surface.set_fill(fill);
            surface.set_stroke(stroke);
            surface.draw_path(&path);
        });
    }

    fn text(&mut self, line: &TextLine, at: Transform) {
        let origin = at.apply(Point::new(line.x, line.baseline));
        let size = (line.size * at.scale) as f32;
        let fill = self.fill(line.role);
        let fonts = self.fonts;
        self.tagged(true, |surface| {
            surface.set_fill(Some(fill));
            surface.set_stroke(None);
            let mut x = origin.x;
            for run in &line.runs {
                if let Some(font) = fonts.get(run.face) {
                    let glyphs = glyphs(run, font.units_per_em());
                    let start = PdfPoint::from_xy(x as f32, origin.y as f32);
                    surface.draw_glyphs(start, &glyphs, font.clone(), &run.text, size, false);
                }
                x += run.width * at.scale;
            }
        });
    }
}

/// A shaped glyph as krilla reads it: advances and offsets per em, and
/// the text its cluster stands for (so the PDF's text can be copied).
#[derive(Debug, Clone)]
struct PdfGlyph {
    id: u16,
    advance: f32,
    x_offset: f32,
    y_offset: f32,
    text: Range<usize>,
}

impl krilla::text::Glyph for PdfGlyph {
    fn glyph_id(&self) -> GlyphId {
        GlyphId::new(u32::from(self.id))
    }
    fn text_range(&self) -> Range<usize> {
        self.text.clone()
    }
    fn x_advance(&self, size: f32) -> f32 {
        self.advance * size
    }
    fn x_offset(&self, size: f32) -> f32 {
        self.x_offset * size
    }
    fn y_offset(&self, size: f32) -> f32 {
        self.y_offset * size
    }
    fn y_advance(&self, _: f32) -> f32 {
        0.0
    }
    fn location(&self) -> Option<krilla::surface::Location> {
        None
    }
}

/// A run's glyphs for krilla. A glyph's text is its cluster: from its
/// first byte to the next cluster's, whichever direction the run went.
fn glyphs(run: &Run, units_per_em: f32) -> Vec<PdfGlyph> {
    let mut starts: Vec<usize> = run.glyphs.iter().map(|g| g.cluster as usize).collect();
    starts.sort_unstable();
    starts.dedup();
    let end_of = |start: usize| {
        let next = starts.partition_point(|&s| s <= start);
        starts.get(next).copied().unwrap_or(run.text.len())
    };
    let per_em = |units: i32| units as f32 / units_per_em;
    run.glyphs
        .iter()
        .map(|g| {
            let start = (g.cluster as usize).min(run.text.len());
            PdfGlyph {
                id: g.id,
                advance: per_em(g.advance),
                x_offset: per_em(g.x_offset),
                y_offset: per_em(g.y_offset),
                text: start..end_of(start).max(start),
            }
        })
        .collect()
}

/// The bézier handle length for a quarter circle, as a share of the
/// radius.
const KAPPA: f64 = 0.552_284_749_8;

/// An outline as a krilla path in page coordinates; `None` for one with
/// no extent (krilla refuses those).
fn path(geometry: &Geometry, at: Transform) -> Option<Path> {
    let mut b = PathBuilder::new();
    let p = |q: Point| {
        let q = at.apply(q);
        (q.x as f32, q.y as f32)
    };
    match geometry {
        Geometry::Rect { rect, radius } => {
            let r = radius.min(rect.width / 2.0).min(rect.height / 2.0).max(0.0);
            rounded_rect(&mut b, [rect.x, rect.y, rect.right(), rect.bottom()], r, &p);
        }
        Geometry::Circle { center, radius } => {
            let (c, r) = (*center, *radius);
            rounded_rect(&mut b, [c.x - r, c.y - r, c.x + r, c.y + r], r, &p);
        }
        Geometry::Line { from, to } => {
            let ((x0, y0), (x1, y1)) = (p(*from), p(*to));
            b.move_to(x0, y0);
            b.line_to(x1, y1);
        }
        Geometry::Polyline(points) | Geometry::Polygon(points) => {
            for (i, q) in points.iter().enumerate() {
                let (x, y) = p(*q);
                if i == 0 { b.move_to(x, y) } else { b.line_to(x, y) }
            }
            if matches!(geometry, Geometry::Polygon(_)) {
                b.close();
            }
        }
        Geometry::Path(segments) => {
            for segment in segments {
                match *segment {
                    Segment::Move(a) => {
                        let (x, y) = p(a);
                        b.move_to(x, y);
                    }
                    Segment::Line(a) => {
                        let (x, y) = p(a);
                        b.line_to(x, y);
                    }
                    Segment::Cubic(c1, c2, e) => {
                        let ((x1, y1), (x2, y2), (x, y)) = (p(c1), p(c2), p(e));
                        b.cubic_to(x1, y1, x2, y2, x, y);
                    }
                    Segment::Close => b.close(),
                }
            }
        }
    }
    b.finish()
}

/// A rectangle `[left, top, right, bottom]` with corners of radius `r`
/// (a circle when `r` is half its side), clockwise from the top left.
fn rounded_rect(b: &mut PathBuilder, [x0, y0, x1, y1]: [f64; 4], r: f64, p: &impl Fn(Point) -> (f32, f32)) {
    let k = r * (1.0 - KAPPA);
    let pt = |x: f64, y: f64| p(Point::new(x, y));
    // Each side: where its straight part ends, then the corner's two
    // handles and where the corner ends.
    let sides = [
        [(x1 - r, y0), (x1 - k, y0), (x1, y0 + k), (x1, y0 + r)],
        [(x1, y1 - r), (x1, y1 - k), (x1 - k, y1), (x1 - r, y1)],
        [(x0 + r, y1), (x0 + k, y1), (x0, y1 - k), (x0, y1 - r)],
        [(x0, y0 + r), (x0, y0 + k), (x0 + k, y0), (x0 + r, y0)],
    ];
    let (sx, sy) = pt(x0 + r, y0);
    b.move_to(sx, sy);
    for [line, c1, c2, end] in sides {
        let (lx, ly) = pt(line.0, line.1);
        b.line_to(lx, ly);
        if r > 0.0 {
            let ((ax, ay), (bx, by), (ex, ey)) = (pt(c1.0, c1.1), pt(c2.0, c2.1), pt(end.0, end.1));
            b.cubic_to(ax, ay, bx, by, ex, ey);
        }
    }
    b.close();
}
