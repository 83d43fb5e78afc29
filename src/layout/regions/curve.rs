//! The emotion curve: the customer's feeling stage by stage. Each stage
//! with scores has one point at its mean, a thin bar from its lowest to
//! its highest score, and each touchpoint's score as a small dot in the
//! stage's column (a moment of truth as a star). A monotone cubic joins
//! the stage points, never overshooting either neighbour; across a stage
//! without scores it is dashed, never given a made-up value. The weakest
//! stage's column carries the pain tint of the health strip, and where
//! the curve's low point is another stage, that point is labelled.

use super::questions::{RowHead, label_box, row_label_in};
use super::{Region, boxed};
use crate::layout::context::{Context, Slot};
use crate::layout::frame::{BoxStyle, Geometry, Group, Item, Segment, Shape, Stroke, Structure, Tag, Transform};
use crate::layout::geom::{Point, Rect};
use crate::layout::{spline, symbols};
use crate::text::Style;
use crate::theme::Role;

/// The emotion curve, as a panel.
pub(crate) const PANEL: super::PanelRegion = super::PanelRegion {
    panel: crate::model::Panel::CURVE,
    description: "The emotion curve: each stage's mean feeling and range, with every touchpoint's score.",
    called: "the emotion curve",
    layout,
    has_data,
    // The curve is the picture people remember: it takes two shares.
    shares: |_| 2,
    side: false,
};

/// Whether the journey has anything to draw: at least one score.
pub(crate) fn has_data(cx: &Context<'_>) -> bool {
    cx.journey.touchpoints().any(|(_, t)| t.score.is_some())
}

/// A stage's place on the curve.
#[derive(Debug, Clone, Copy)]
struct StagePoint {
    stage: usize,
    at: Point,
    mean: f64,
    low: u8,
    high: u8,
}

/// The band's vertical scale: where each score sits.
#[derive(Debug, Clone, Copy)]
struct Scale {
    top: f64,
    plot_h: f64,
}

impl Scale {
    fn y(self, score: f64) -> f64 {
        self.top + (5.0 - score.clamp(1.0, 5.0)) / 4.0 * self.plot_h
    }
}

/// Sizes of the curve's marks.
#[derive(Debug, Clone, Copy)]
struct Marks {
    /// A stage point's radius.
    point: f64,
    /// A touchpoint dot's radius.
    dot: f64,
    /// The surface-coloured ring that keeps marks apart from the line.
    ring: f64,
    /// The width at a column's centre kept for the stage point: the dots
    /// stand to either side of it.
    centre: f64,
}

/// Lays out the curve band.
pub(crate) fn layout(cx: &Context<'_>) -> Region {
    let s = &cx.theme.space;
    let caption = cx.caption(Style::Regular);
    let tick_w = cx.width("5", caption);
    let head = RowHead::labelled(cx, "curve", "feeling");
    let (mut label, label_h) = row_label_in(cx, &head, 0.0, cx.grid.label.width - tick_w - s.unit);
    let columns = &cx.grid.columns;
    let (Some(first), Some(last)) = (columns.first(), columns.last()) else {
        return Region::new(cx, "curve", 0.0, Vec::new());
    };
    let marks = marks(cx);
    let low = low_point_label(cx);
    let low_label = low.as_ref().map_or(0.0, |(_, h)| *h);
    let inset = marks.point + marks.ring + s.unit / 2.0;
    // A brief page (a slide's summary) draws the band a little lower: at
    // a slide's scale it still spans more than a sixth of the screen.
    let curve_height = if cx.brief { s.curve_height * 0.85 } else { s.curve_height };
    let band_h = curve_height.max(8.0 * marks.point + 2.0 * inset) + 2.0 * cx.stretch;
    let height = label_h.max(band_h + low_label);
    let scale = Scale { top: (height - band_h - low_label) / 2.0 + inset, plot_h: band_h - 2.0 * inset };
    let band = Rect::new(first.x, 0.0, last.right() - first.x, height);

    let mut items = Vec::new();
    // A stacked page washes the whole column; a slide's lone curve
    // washes its own part.
    if let Some(weak) = cx.extremes.weakest_stage().and_then(|i| columns.get(i)).filter(|_| !cx.column_band) {
        items.push(Item::Group(symbols::weakest_wash(Rect::new(weak.x, 0.0, weak.width, height), s.radius, cx.theme)));
    }
    for score in 1..=5u8 {
        let y = scale.y(f64::from(score));
        let width = if score == 3 { s.hairline * 2.0 } else { s.hairline };
        items.push(symbols::rule(Point::new(band.x, y), Point::new(band.right(), y), Role::Rule, width));
        let line_box = cx.line_box(caption);
        let at = Point::new(cx.grid.label.right() - s.cell_padding.min(s.unit) - tick_w, y - line_box / 2.0);
        let (tick, _) = cx.line_at(&score.to_string(), caption, Role::Muted, at);
        label.push(Item::Text(tick));
    }
    let points = stage_points(cx, scale);
    // A diff poster draws the old feeling first, dashed, behind the new.
    items.extend(old_line(cx, scale, marks));
    items.extend(touchpoint_dots(cx, scale, marks));
    items.extend(ranges(cx, &points, scale));
    items.extend(line(cx, &points));
    items.extend(points.iter().map(|p| stage_point(cx, p, marks)));
    if let Some((mut label, h)) = low {
        // In the strip kept under the band, where no mark is drawn.
        label.transform = Transform::translate(0.0, (height - h).max(0.0));
        items.push(Item::Group(label));
    }
    let band_box = boxed(Tag::new("curve-band", "curve-band"), band, BoxStyle::default(), items);
    let label = label_box(cx, &head, 0.0, height, label);
    let mut region = Region::new(cx, "curve", height, vec![label, band_box]);
    region.tag = region.tag.structure(Structure::Figure(alt_text(cx, &points)));
    region.on_grid = true;
    region
}

/// The marks' sizes: as large as the theme wants, but a crowded column's
/// dots never touch.
fn marks(cx: &Context<'_>) -> Marks {
    let s = &cx.theme.space;
    let point = cx.theme.symbols.point * 1.25;
    let ring = (point * 0.3).min(s.hairline * 2.0);
    let centre = 2.0 * (point + ring + s.unit / 2.0);
    // The widest mark is a moment of truth's star: sized at the largest
    // dot, it sets the centre kept free and the spacing in the most
    // crowded column; a smaller dot only widens both.
    let largest = cx.theme.symbols.point * 0.75;
    let spacing = cx
        .journey
        .stages
        .iter()
        .zip(&cx.grid.columns)
        .map(|(st, c)| (c.width - centre - 2.0 * STAR * largest).max(0.0) / st.touchpoints.len().max(1) as f64)
        .fold(f64::INFINITY, f64::min);
    // Neighbouring stars stay a tenth of the spacing apart.
    let dot = largest.min(0.45 * spacing / STAR);
    Marks { point, dot, ring, centre: centre + 2.0 * STAR * dot }
}

/// A moment of truth's star, as a multiple of a dot's radius.
const STAR: f64 = 1.8;

/// Each scored stage's point at its column's centre and its mean.
fn stage_points(cx: &Context<'_>, scale: Scale) -> Vec<StagePoint> {
    let mut points = Vec::new();
    for (stage, (st, col)) in cx.journey.stages.iter().zip(&cx.grid.columns).enumerate() {
        let scores: Vec<u8> = st.touchpoints.iter().filter_map(|t| t.score).map(|s| s.get()).collect();
        let (Some(&low), Some(&high)) = (scores.iter().min(), scores.iter().max()) else { continue };
        let mean = scores.iter().map(|&s| f64::from(s)).sum::<f64>() / scores.len() as f64;
        points.push(StagePoint { stage, at: Point::new(col.x + col.width / 2.0, scale.y(mean)), mean, low, high });
    }
    points
}

/// Every scored touchpoint as a small dot in its score's colour, spread
/// across its stage's column in card order; a moment of truth as a star.
fn touchpoint_dots(cx: &Context<'_>, scale: Scale, marks: Marks) -> Vec<Item> {
    let mut items = Vec::new();
    for (stage, (st, col)) in cx.journey.stages.iter().zip(&cx.grid.columns).enumerate() {
        let n = st.touchpoints.len() as f64;
        for (index, t) in st.touchpoints.iter().enumerate() {
            let Some(score) = t.score.map(|s| s.get()) else { continue };
            // Spread over the column less its centre, which the stage's
            // point and range take.
            let side = (col.width - marks.centre).max(0.0);
            let mut x = side * (index as f64 + 0.5) / n;
            if x >= side / 2.0 {
                x += marks.centre;
            }
            let at = Point::new(col.x + x, scale.y(f64::from(score)));
            let mark = if t.moment_of_truth {
                let r = marks.dot * STAR;
                symbols::star(Rect::new(at.x - r, at.y - r, 2.0 * r, 2.0 * r))
            } else {
                Item::Shape(Shape {
                    geometry: Geometry::Circle { center: at, radius: marks.dot },
                    fill: Some(Role::Score(score)),
                    stroke: Some(Stroke::solid(Role::Surface, marks.ring / 2.0)),
                })
            };
            let class = if t.moment_of_truth { "dot moment-of-truth" } else { "dot" };
            let mut tag = Tag::class(class)
                .data("card", format!("card-{}-{}", stage + 1, index + 1))
                .data("score", score.to_string());
            tag.title = Some(format!("{}: {score}", t.name));
            items.push(Item::Group(Group::new(Some(tag), vec![mark])));
        }
    }
    items
}

/// Each stage's range: a thin bar from its lowest to its highest score.
fn ranges(cx: &Context<'_>, points: &[StagePoint], scale: Scale) -> Vec<Item> {
    let width = cx.theme.space.hairline * 2.0;
    points
        .iter()
        .filter(|p| p.high > p.low)
        .map(|p| {
            let (top, bottom) = (scale.y(f64::from(p.high)), scale.y(f64::from(p.low)));
            let bar = Shape::stroked(
                Geometry::Line { from: Point::new(p.at.x, top), to: Point::new(p.at.x, bottom) },
                Stroke { role: Role::Muted, width, dash: None, round: true },
            );
            let mut group = Group::new(None, vec![Item::Shape(bar)]);
            // Quieter than the line: the spread, not the story.
            group.opacity = 0.6;
            Item::Group(group)
        })
        .collect()
}

/// The monotone cubic through the stage points: solid between
/// neighbouring stages, dashed across stages without scores.
fn line(cx: &Context<'_>, points: &[StagePoint]) -> Vec<Item> {
    let s = &cx.theme.space;
    let at: Vec<Point> = points.iter().map(|p| p.at).collect();
    let segments = spline::monotone(&at);
    let (mut solid, mut dashed) = (Vec::new(), Vec::new());
    for (k, piece) in segments.iter().skip(1).enumerate() {
        let bridged = points[k + 1].stage > points[k].stage + 1;
        let path = if bridged { &mut dashed } else { &mut solid };
        path.push(Segment::Move(at[k]));
        path.push(*piece);
    }
    let stroke = Stroke { role: Role::Curve, width: s.hairline * 4.0, dash: None, round: true };
    let mut items = Vec::new();
    if !solid.is_empty() {
        items.push(Item::Shape(Shape::stroked(Geometry::Path(solid), stroke)));
    }
    if !dashed.is_empty() {
        let dash = Stroke { width: s.hairline * 2.0, dash: Some(s.unit), round: false, ..stroke };
        items.push(Item::Shape(Shape::stroked(Geometry::Path(dashed), dash)));
    }
    items
}

/// On a diff poster, the old map's curve: each stage's old mean as a
/// ring, joined by a dashed monotone cubic, quieter than the new line.
fn old_line(cx: &Context<'_>, scale: Scale, marks: Marks) -> Vec<Item> {
    let Some(diff) = cx.diff else { return Vec::new() };
    let s = &cx.theme.space;
    let at: Vec<Point> = diff
        .old_means
        .iter()
        .zip(&cx.grid.columns)
        .filter_map(|(mean, col)| Some(Point::new(col.x + col.width / 2.0, scale.y((*mean)?))))
        .collect();
    let mut items = Vec::new();
    let segments = spline::monotone(&at);
    let mut path = Vec::new();
    for (k, piece) in segments.iter().skip(1).enumerate() {
        path.push(Segment::Move(at[k]));
        path.push(*piece);
    }
    let stroke = Stroke { role: Role::Muted, width: s.hairline * 3.0, dash: Some(s.unit * 0.75), round: false };
    if !path.is_empty() {
        items.push(Item::Shape(Shape::stroked(Geometry::Path(path), stroke)));
    }
    let ring = Stroke { dash: None, width: s.hairline * 2.0, ..stroke };
    for p in at {
        items.push(Item::Shape(Shape::stroked(Geometry::Circle { center: p, radius: marks.point * 0.7 }, ring)));
    }
    if items.is_empty() {
        return Vec::new();
    }
    vec![Item::Group(Group::new(None, items))]
}

/// A stage's point, tagged with its stage and mean.
fn stage_point(cx: &Context<'_>, p: &StagePoint, marks: Marks) -> Item {
    let name = cx.journey.stages.get(p.stage).map_or("", |s| s.name.as_str());
    let circle = Shape {
        geometry: Geometry::Circle { center: p.at, radius: marks.point },
        fill: Some(Role::Curve),
        stroke: Some(Stroke::solid(Role::Surface, marks.ring)),
    };
    let tag = Tag::new(format!("curve-{}", p.stage + 1), "point")
        .data("stage", name)
        .data("stage-number", (cx.first_stage + p.stage + 1).to_string())
        .data("mean", format!("{:.2}", p.mean))
        .data("low", p.low.to_string())
        .data("high", p.high.to_string())
        .title(Some(format!("{name}: {}", super::health::one_decimal(cx, p.mean))));
    let r = marks.point + marks.ring;
    let bounds = Rect::new(p.at.x - r, p.at.y - r, 2.0 * r, 2.0 * r);
    boxed(tag, bounds, BoxStyle::default(), vec![Item::Shape(circle)])
}

/// The curve's low point: the stage with the lowest mean; among equal
/// means the weakest stage, then the earlier one (a low point shared with
/// the weakest stage needs no second label).
fn low_stage(cx: &Context<'_>) -> Option<usize> {
    let weakest = cx.extremes.weakest_stage();
    let scored = cx.health.iter().filter_map(|h| Some((h.stage, h.mean_score?)));
    let lowest = scored.clone().map(|(_, m)| m).fold(f64::INFINITY, f64::min);
    let mut at_lowest = scored.filter(|&(_, m)| m <= lowest).map(|(i, _)| i);
    let first = at_lowest.next()?;
    Some(if weakest == Some(first) || at_lowest.any(|i| Some(i) == weakest) { weakest.unwrap_or(first) } else { first })
}

/// The low point's label when the weakest stage is another stage (so the
/// poster shows both), in its stage's column with its top at 0, and its
/// height; the caller moves it into the strip kept under the band.
fn low_point_label(cx: &Context<'_>) -> Option<(Group, f64)> {
    let low = low_stage(cx)?;
    if cx.extremes.weakest_stage().is_none_or(|w| w == low) {
        return None;
    }
    let col = cx.grid.columns.get(low)?;
    let name = cx.journey.stages.get(low)?.name.as_str();
    // The mean beside the name: the headline gives the weakest stage's
    // mean, so the reader sees why the two stages differ.
    let mean = cx.health.iter().find(|h| h.stage == low).and_then(|h| h.mean_score)?;
    let mean = super::health::one_decimal(cx, mean);
    let text = cx.labels.fill("curve_low", &[("stage", name), ("mean", &mean)]);
    let pad = cx.theme.space.cell_padding / 2.0;
    let slot = Slot::new(col.x + pad, 0.0, col.width - 2.0 * pad);
    let lines = cx.lines(&text, cx.caption(Style::Bold), Role::Ink, slot);
    let rect = Rect::new(slot.x, 0.0, slot.width, lines.height);
    Some((Group::boxed(Tag::new("curve-low", "low-point"), rect, BoxStyle::default(), lines.items), lines.height))
}

/// What the curve shows, in words, for a reader who cannot see it: each
/// scored stage's mean feeling on the 1–5 scale, and its range.
fn alt_text(cx: &Context<'_>, points: &[StagePoint]) -> String {
    let means: Vec<String> = points
        .iter()
        .filter_map(|p| {
            let name = &cx.journey.stages.get(p.stage)?.name;
            let mean = super::health::one_decimal(cx, p.mean);
            Some(if p.high > p.low {
                format!("{name} {mean} ({}–{})", p.low, p.high)
            } else {
                format!("{name} {mean}")
            })
        })
        .collect();
    format!("{} (1–5): {}", cx.labels.get("feeling"), means.join(", "))
}
