//! Frames: a finished layout as primitives at fixed positions.
//!
//! A [`Frame`] holds only shaped text, shapes and groups; groups carry a
//! transform and a [`Tag`] (id, class, `data-*` attributes, a title), so
//! the structure a user scripts or styles in the SVG is data, not painter
//! code. Painters walk frames and know no poster region, mark or badge: a
//! new region is a new layout module and no painter changes. Colours are
//! [`Role`]s; the theme turns them into colours when painting.

use super::geom::{Point, Rect, Size2};
use crate::text::{Run, Style};
use crate::theme::Role;

/// A piece of layout in its own coordinates, `(0, 0)` at its top left.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Frame {
    /// Its extent; its items lie inside `(0, 0)–size`.
    pub size: Size2,
    /// What is drawn, in painting order.
    pub items: Vec<Item>,
}

impl Frame {
    /// An empty frame of `size`.
    pub fn new(size: Size2) -> Frame {
        Frame { size, items: Vec::new() }
    }

    /// Adds an item on top of the others.
    pub fn push(&mut self, item: Item) {
        self.items.push(item);
    }

    /// Places `frame` with its top left at `at`, as a group with `tag`.
    pub fn push_frame(&mut self, at: Point, tag: Option<Tag>, frame: Frame) {
        let mut group = Group::new(tag, frame.items);
        group.transform = Transform::translate(at.x, at.y);
        self.items.push(Item::Group(group));
    }

    /// Visits every text line, shape and group with the transform from its
    /// coordinates to the frame's, depth first in painting order.
    pub fn walk<'a>(&'a self, visit: &mut impl FnMut(Transform, &'a Item)) {
        walk_items(&self.items, Transform::IDENTITY, visit);
    }
}

fn walk_items<'a>(items: &'a [Item], at: Transform, visit: &mut impl FnMut(Transform, &'a Item)) {
    for item in items {
        visit(at, item);
        if let Item::Group(g) = item {
            walk_items(&g.items, at.then(g.transform), visit);
        }
    }
}

/// One thing drawn.
#[derive(Debug, Clone, PartialEq)]
pub enum Item {
    /// A line of shaped text.
    Text(TextLine),
    /// A filled and/or stroked shape.
    Shape(Shape),
    /// Items moved together, with a tag for the document's structure.
    Group(Group),
}

impl Item {
    /// The rectangle the item paints, in its parent's coordinates. A
    /// group's bounds are its children's, transformed.
    pub fn bounds(&self) -> Rect {
        match self {
            Item::Text(t) => t.bounds(),
            Item::Shape(s) => s.bounds(),
            Item::Group(g) => g.transform.apply_rect(g.content_bounds()),
        }
    }
}

/// A group of items.
#[derive(Debug, Clone, PartialEq)]
pub struct Group {
    /// From the group's coordinates to its parent's.
    pub transform: Transform,
    /// What the group is, for the document's structure; `None` for a plain
    /// grouping.
    pub tag: Option<Tag>,
    /// How opaque the group is drawn, 0 to 1: 1 normally, less for the
    /// muted parts of a department's copy.
    pub opacity: f64,
    /// Its children, in painting order.
    pub items: Vec<Item>,
}

impl Group {
    /// A group in place (no transform), fully opaque.
    pub fn new(tag: Option<Tag>, items: Vec<Item>) -> Group {
        Group { transform: Transform::IDENTITY, tag, opacity: 1.0, items }
    }

    /// A box: a group whose first child is the shape that bounds it, drawn
    /// with `fill` and `stroke` and corner `radius`, then `items`. A stroke
    /// is drawn inside `rect`, so `rect` is what the box covers.
    pub fn boxed(tag: Tag, rect: Rect, style: BoxStyle, items: Vec<Item>) -> Group {
        let inset = style.stroke.map_or(0.0, |s| s.width / 2.0);
        let shape = Shape {
            geometry: Geometry::Rect {
                rect: Rect::new(rect.x + inset, rect.y + inset, rect.width - 2.0 * inset, rect.height - 2.0 * inset),
                radius: style.radius,
            },
            fill: style.fill,
            stroke: style.stroke,
        };
        let mut children = Vec::with_capacity(items.len() + 1);
        children.push(Item::Shape(shape));
        children.extend(items);
        Group::new(Some(tag), children)
    }

    /// The rectangle of a box (see [`Group::boxed`]) in the group's own
    /// coordinates: its first child's bounds, when that is a rectangle.
    pub fn box_rect(&self) -> Option<Rect> {
        match self.items.first() {
            Some(Item::Shape(s @ Shape { geometry: Geometry::Rect { .. }, .. })) => Some(s.bounds()),
            _ => None,
        }
    }

    /// The union of the children's bounds, in the group's coordinates.
    pub fn content_bounds(&self) -> Rect {
        let mut bounds = self.items.iter().map(Item::bounds);
        let first = bounds.next().unwrap_or_default();
        bounds.fold(first, |a, b| a.union(&b))
    }

    /// Every text line of the group and its descendants.
    pub fn lines(&self) -> Vec<&TextLine> {
        let mut lines = Vec::new();
        walk_items(&self.items, Transform::IDENTITY, &mut |_, item| {
            if let Item::Text(t) = item {
                lines.push(t);
            }
        });
        lines
    }
}

/// How a box is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct BoxStyle {
    /// Its background, if any.
    pub fill: Option<Role>,
    /// Its border, if any, drawn inside the box.
    pub stroke: Option<Stroke>,
    /// Corner radius in px.
    pub radius: f64,
}

/// What a group stands for in the document: the SVG's `id`, `class`,
/// `data-*` attributes and `<title>`.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Tag {
    /// A unique id, stable for the same map; `None` for an anonymous group.
    pub id: Option<String>,
    /// Space-separated class names, e.g. `touchpoint` or `badge pain`.
    pub class: String,
    /// `data-*` attributes, by name without the `data-` prefix, in order.
    pub data: Vec<(String, String)>,
    /// A title, shown on hover (a card's note).
    pub title: Option<String>,
    /// What the group is in the document's logical structure, for tagged
    /// PDF and other readers that follow it; `None` for a group that only
    /// holds its children.
    pub structure: Option<Structure>,
}

/// A group's part in the document's logical structure (PDF tags), in
/// reading order, which is painting order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Structure {
    /// A heading of level 1 (the title) and up (a stage).
    Heading(u16),
    /// A list; its items are the [`Structure::ListItem`]s inside it.
    List,
    /// One item of a list (a card, a priority).
    ListItem,
    /// A picture read as a whole (the curve, the health strip), with the
    /// words that say what it shows to a reader who cannot see it.
    Figure(String),
    /// Print furniture that is no part of the content (crop marks, tile
    /// labels): readers skip it.
    Artifact,
}

impl Tag {
    /// A tag with an id and a class.
    pub fn new(id: impl Into<String>, class: impl Into<String>) -> Tag {
        Tag { id: Some(id.into()), class: class.into(), ..Tag::default() }
    }

    /// An anonymous tag with only a class.
    pub fn class(class: impl Into<String>) -> Tag {
        Tag { id: None, class: class.into(), ..Tag::default() }
    }

    /// Adds a `data-NAME` attribute.
    pub fn data(mut self, name: &str, value: impl Into<String>) -> Tag {
        self.data.push((name.to_owned(), value.into()));
        self
    }

    /// Sets the title.
    pub fn title(mut self, title: Option<String>) -> Tag {
        self.title = title;
        self
    }

    /// Sets its part in the logical structure.
    pub fn structure(mut self, structure: Structure) -> Tag {
        self.structure = Some(structure);
        self
    }

    /// Whether `class` is one of the tag's class names.
    pub fn has_class(&self, class: &str) -> bool {
        self.class.split_whitespace().any(|c| c == class)
    }

    /// The value of `data-NAME`, if set.
    pub fn get(&self, name: &str) -> Option<&str> {
        self.data.iter().find(|(n, _)| n == name).map(|(_, v)| v.as_str())
    }
}

/// A uniform scale followed by a translation: `p ↦ p × scale + (tx, ty)`.
/// Enough to place frames on a page, scale a poster to its paper, and cut
/// tiles or slides from it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Transform {
    /// Horizontal offset, in the parent's px.
    pub tx: f64,
    /// Vertical offset, in the parent's px.
    pub ty: f64,
    /// Parent px per child px.
    pub scale: f64,
}

impl Default for Transform {
    fn default() -> Self {
        Transform::IDENTITY
    }
}

impl Transform {
    /// Leaves everything where it is.
    pub const IDENTITY: Transform = Transform { tx: 0.0, ty: 0.0, scale: 1.0 };

    /// A move by `(tx, ty)`.
    pub const fn translate(tx: f64, ty: f64) -> Transform {
        Transform { tx, ty, scale: 1.0 }
    }

    /// A uniform scale about the origin.
    pub const fn scale(scale: f64) -> Transform {
        Transform { tx: 0.0, ty: 0.0, scale }
    }

    /// `self` after `inner`: maps a point of `inner`'s child space straight
    /// to `self`'s parent space.
    pub fn then(self, inner: Transform) -> Transform {
        Transform {
            tx: self.tx + inner.tx * self.scale,
            ty: self.ty + inner.ty * self.scale,
            scale: self.scale * inner.scale,
        }
    }

    /// Whether it only moves (no scale).
    pub fn is_translation(self) -> bool {
        self.scale == 1.0
    }

    /// Maps a point.
    pub fn apply(self, p: Point) -> Point {
        Point::new(p.x * self.scale + self.tx, p.y * self.scale + self.ty)
    }

    /// Maps a rectangle.
    pub fn apply_rect(self, r: Rect) -> Rect {
        let p = self.apply(Point::new(r.x, r.y));
        Rect::new(p.x, p.y, r.width * self.scale, r.height * self.scale)
    }

    /// The transform that undoes this one (for a non-zero scale): from a
    /// page's coordinates back to its frame's.
    pub fn inverse(self) -> Transform {
        Transform { tx: -self.tx / self.scale, ty: -self.ty / self.scale, scale: 1.0 / self.scale }
    }
}

/// A shape with its paint.
#[derive(Debug, Clone, PartialEq)]
pub struct Shape {
    /// Its outline.
    pub geometry: Geometry,
    /// Its fill, if any.
    pub fill: Option<Role>,
    /// Its stroke, if any, centred on the outline.
    pub stroke: Option<Stroke>,
}

impl Shape {
    /// A filled shape.
    pub fn filled(geometry: Geometry, role: Role) -> Shape {
        Shape { geometry, fill: Some(role), stroke: None }
    }

    /// A stroked shape.
    pub fn stroked(geometry: Geometry, stroke: Stroke) -> Shape {
        Shape { geometry, fill: None, stroke: Some(stroke) }
    }

    /// What it paints: its outline's bounds grown by half the stroke (a
    /// straight line with square-cut ends grows only across its length).
    pub fn bounds(&self) -> Rect {
        let r = self.geometry.bounds();
        let half = self.stroke.map_or(0.0, |s| s.width / 2.0);
        let (hx, hy) = match (&self.geometry, self.stroke) {
            (Geometry::Line { from, to }, Some(Stroke { round: false, .. })) => {
                let (dx, dy) = (to.x - from.x, to.y - from.y);
                // `sqrt` is correctly rounded on every platform.
                let length = (dx * dx + dy * dy).sqrt();
                if length > 0.0 { (half * dy.abs() / length, half * dx.abs() / length) } else { (half, half) }
            }
            _ => (half, half),
        };
        Rect::new(r.x - hx, r.y - hy, r.width + 2.0 * hx, r.height + 2.0 * hy)
    }
}

/// An outline.
#[derive(Debug, Clone, PartialEq)]
pub enum Geometry {
    /// A rectangle with rounded corners of `radius` (0 for square).
    Rect {
        /// The rectangle.
        rect: Rect,
        /// Corner radius in px.
        radius: f64,
    },
    /// A circle.
    Circle {
        /// Its centre.
        center: Point,
        /// Its radius in px.
        radius: f64,
    },
    /// A straight line.
    Line {
        /// Start.
        from: Point,
        /// End.
        to: Point,
    },
    /// An open chain of straight lines.
    Polyline(Vec<Point>),
    /// A closed chain of straight lines.
    Polygon(Vec<Point>),
    /// A path of lines and cubic Béziers.
    Path(Vec<Segment>),
}

impl Geometry {
    /// The bounds of the outline (for a path, of its points and control
    /// points: a Bézier stays inside their hull).
    pub fn bounds(&self) -> Rect {
        let points: Vec<Point> = match self {
            Geometry::Rect { rect, .. } => return *rect,
            Geometry::Circle { center, radius } => {
                return Rect::new(center.x - radius, center.y - radius, 2.0 * radius, 2.0 * radius);
            }
            Geometry::Line { from, to } => vec![*from, *to],
            Geometry::Polyline(p) | Geometry::Polygon(p) => p.clone(),
            Geometry::Path(segments) => segments
                .iter()
                .flat_map(|s| match *s {
                    Segment::Move(p) | Segment::Line(p) => vec![p],
                    Segment::Cubic(a, b, c) => vec![a, b, c],
                    Segment::Close => vec![],
                })
                .collect(),
        };
        bounds_of(&points)
    }
}

fn bounds_of(points: &[Point]) -> Rect {
    let Some(first) = points.first() else { return Rect::default() };
    let (mut x0, mut y0, mut x1, mut y1) = (first.x, first.y, first.x, first.y);
    for p in points {
        (x0, y0, x1, y1) = (x0.min(p.x), y0.min(p.y), x1.max(p.x), y1.max(p.y));
    }
    Rect::new(x0, y0, x1 - x0, y1 - y0)
}

/// A step of a [`Geometry::Path`].
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Segment {
    /// Starts a new subpath.
    Move(Point),
    /// A straight line to the point.
    Line(Point),
    /// A cubic Bézier through two control points to the last point.
    Cubic(Point, Point, Point),
    /// Closes the subpath.
    Close,
}

/// A stroke.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Stroke {
    /// Its colour role.
    pub role: Role,
    /// Its width in px.
    pub width: f64,
    /// Dash length in px (the gaps are as long), or `None` for solid.
    pub dash: Option<f64>,
    /// Round caps and joins (for glyph strokes such as a check mark).
    pub round: bool,
}

impl Stroke {
    /// A solid stroke with square ends.
    pub fn solid(role: Role, width: f64) -> Stroke {
        Stroke { role, width, dash: None, round: false }
    }
}

/// One line of shaped text at a fixed position.
#[derive(Debug, Clone, PartialEq)]
pub struct TextLine {
    /// Left edge of the first glyph's advance.
    pub x: f64,
    /// The baseline.
    pub baseline: f64,
    /// Font size in px.
    pub size: f64,
    /// The requested style (runs may fall back to other faces).
    pub style: Style,
    /// Colour role.
    pub role: Role,
    /// Runs by face, left to right, with their measured widths.
    pub runs: Vec<Run>,
    /// Total advance width.
    pub width: f64,
    /// Height above the baseline the line may use (the face's ascender).
    pub ascent: f64,
    /// Depth below the baseline (the face's descender, positive).
    pub descent: f64,
}

impl TextLine {
    /// The line's box: its advance width by ascender + descender.
    pub fn bounds(&self) -> Rect {
        Rect::new(self.x, self.baseline - self.ascent, self.width, self.ascent + self.descent)
    }

    /// The line's text.
    pub fn text(&self) -> String {
        self.runs.iter().map(|r| r.text.as_str()).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn transforms_compose_outer_then_inner() {
        let page = Transform::scale(2.0);
        let region = Transform::translate(10.0, 20.0);
        let both = page.then(region);
        assert_eq!(both.apply(Point::new(1.0, 1.0)), Point::new(22.0, 42.0));
        assert_eq!(both.apply(Point::new(1.0, 1.0)), page.apply(region.apply(Point::new(1.0, 1.0))));
    }

    #[test]
    fn a_box_starts_with_its_bounds_and_keeps_its_stroke_inside() {
        let rect = Rect::new(0.0, 0.0, 100.0, 50.0);
        let style = BoxStyle { fill: None, stroke: Some(Stroke::solid(Role::Rule, 4.0)), radius: 2.0 };
        let g = Group::boxed(Tag::new("a", "cell"), rect, style, vec![]);
        assert_eq!(g.box_rect(), Some(rect));
        assert_eq!(Item::Group(g).bounds(), rect);
    }
}
