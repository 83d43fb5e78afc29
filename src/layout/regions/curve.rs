//! The emotion curve: the customer's feeling through the journey, one point
//! per scored touchpoint in its stage's column in card order, joined by a
//! monotone cubic that never leaves the 1–5 band, broken where a
//! touchpoint has no score.

use super::questions::{RowHead, label_box, row_label_in};
use super::{Region, boxed};
use crate::layout::context::Context;
use crate::layout::frame::{BoxStyle, Geometry, Group, Item, Segment, Shape, Stroke, Structure, Tag};
use crate::layout::geom::{Point, Rect};
use crate::layout::symbols;
use crate::text::Style;
use crate::theme::Role;

/// The emotion curve, as a panel.
pub(crate) const PANEL: super::PanelRegion = super::PanelRegion {
    panel: crate::model::Panel::CURVE,
    description: "The emotion curve through the touchpoints' scores.",
    called: "the emotion curve",
    layout,
    has_data,
    // The curve reads better taller: it takes two shares.
    shares: |_| 2,
    side: false,
    drop_rank: None,
};

/// A scored touchpoint on the curve.
#[derive(Debug, Clone, Copy)]
struct Dot {
    at: Point,
    score: u8,
    moment_of_truth: bool,
    stage: usize,
    index: usize,
}

/// Whether the journey has anything to draw: at least one score.
pub(crate) fn has_data(cx: &Context<'_>) -> bool {
    cx.journey.touchpoints().any(|(_, t)| t.score.is_some())
}

/// Lays out the curve band.
pub(crate) fn layout(cx: &Context<'_>) -> Region {
    let s = &cx.theme.space;
    let caption = cx.caption(Style::Regular);
    // Score ticks at the right of the label column, on the band's lines.
    let tick_w = cx.width("5", caption);
    let head = RowHead::labelled(cx, "curve", "feeling");
    let (mut label, label_h) = row_label_in(cx, &head, 0.0, cx.grid.label.width - tick_w - s.unit);

    let columns = &cx.grid.columns;
    let (Some(first), Some(last)) = (columns.first(), columns.last()) else {
        return Region::new(cx, "curve", 0.0, Vec::new());
    };
    // The points' radius: as large as the theme wants, but never so large
    // that neighbours in a crowded column touch.
    let crowd = cx.journey.stages.iter().zip(columns).map(|(st, c)| c.width / st.touchpoints.len().max(1) as f64);
    let spacing = crowd.fold(f64::INFINITY, f64::min);
    let radius = cx.theme.symbols.point.min(spacing * 0.45 / 1.5);
    let big = radius * 1.5;
    let ring = (radius * 0.3).min(s.hairline * 2.0);
    let inset = big + ring + s.unit / 2.0;
    let band_h = s.curve_height.max(4.0 * (big + ring) + 2.0 * inset) + 2.0 * cx.stretch;
    let height = label_h.max(band_h);
    let top = (height - band_h) / 2.0 + inset;
    let plot_h = band_h - 2.0 * inset;
    let y_of = |score: u8| top + f64::from(5 - score.clamp(1, 5)) / 4.0 * plot_h;

    // Guides and ticks: one hairline per score, 3 (neutral) stronger.
    let band = Rect::new(first.x, 0.0, last.right() - first.x, height);
    let mut items = Vec::new();
    for score in 1..=5u8 {
        let y = y_of(score);
        let width = if score == 3 { s.hairline * 2.0 } else { s.hairline };
        items.push(symbols::rule(Point::new(band.x, y), Point::new(band.right(), y), Role::Rule, width));
        // A line box is centred on its ink, so its top is half a box above.
        let line_box = cx.line_box(caption);
        let at = Point::new(cx.grid.label.right() - s.cell_padding.min(s.unit) - tick_w, y - line_box / 2.0);
        let (tick, _) = cx.line_at(&score.to_string(), caption, Role::Muted, at);
        label.push(Item::Text(tick));
    }

    let dots = dots(cx, &y_of);
    for run in runs(cx, &dots) {
        if run.len() > 1 {
            let stroke = Stroke { role: Role::Curve, width: s.hairline * 3.0, dash: None, round: true };
            items.push(Item::Shape(Shape::stroked(Geometry::Path(monotone(&run)), stroke)));
        }
    }
    for dot in &dots {
        let r = if dot.moment_of_truth { big } else { radius };
        let circle = Shape {
            geometry: Geometry::Circle { center: dot.at, radius: r },
            fill: Some(Role::Score(dot.score)),
            stroke: Some(Stroke::solid(Role::Surface, ring)),
        };
        let mut tag = Tag::class(if dot.moment_of_truth { "point moment-of-truth" } else { "point" })
            .data("card", format!("card-{}-{}", dot.stage + 1, dot.index + 1))
            .data("score", dot.score.to_string());
        tag.title =
            cx.journey.stages[dot.stage].touchpoints.get(dot.index).map(|t| format!("{}: {}", t.name, dot.score));
        items.push(Item::Group(Group::new(Some(tag), vec![Item::Shape(circle)])));
    }
    let band_box = boxed(Tag::new("curve-band", "curve-band"), band, BoxStyle::default(), items);
    let label = label_box(cx, &head, 0.0, height, label);
    let mut region = Region::new(cx, "curve", height, vec![label, band_box]);
    region.tag = region.tag.structure(Structure::Figure(alt_text(cx)));
    region.on_grid = true;
    region
}

/// Every scored touchpoint's point, in journey order.
fn dots(cx: &Context<'_>, y_of: &impl Fn(u8) -> f64) -> Vec<Dot> {
    let mut dots = Vec::new();
    for (stage, (st, col)) in cx.journey.stages.iter().zip(&cx.grid.columns).enumerate() {
        let n = st.touchpoints.len() as f64;
        for (index, t) in st.touchpoints.iter().enumerate() {
            let Some(score) = t.score else { continue };
            let x = col.x + col.width * (index as f64 + 0.5) / n;
            dots.push(Dot {
                at: Point::new(x, y_of(score.get())),
                score: score.get(),
                moment_of_truth: t.moment_of_truth,
                stage,
                index,
            });
        }
    }
    dots
}

/// The dots split where a touchpoint has no score: the curve never
/// invents a value for it.
fn runs(cx: &Context<'_>, dots: &[Dot]) -> Vec<Vec<Point>> {
    let mut runs: Vec<Vec<Point>> = vec![Vec::new()];
    let mut next = dots.iter().peekable();
    for st in &cx.journey.stages {
        // A stage without touchpoints has no feeling to draw through.
        if st.touchpoints.is_empty() {
            runs.push(Vec::new());
        }
        for t in &st.touchpoints {
            match t.score {
                Some(_) => {
                    if let Some(dot) = next.next()
                        && let Some(run) = runs.last_mut()
                    {
                        run.push(dot.at);
                    }
                }
                None => runs.push(Vec::new()),
            }
        }
    }
    runs.retain(|r| !r.is_empty());
    runs
}

/// A monotone cubic through `points` (x strictly increasing), as Bézier
/// segments: Steffen's method, whose slopes keep every piece between its
/// two points, so the curve never overshoots a score or leaves the band.
/// Only arithmetic: the same bytes on every platform.
pub(crate) fn monotone(points: &[Point]) -> Vec<Segment> {
    let n = points.len();
    let mut segments = Vec::with_capacity(n);
    let Some(&start) = points.first() else { return segments };
    segments.push(Segment::Move(start));
    if n < 2 {
        return segments;
    }
    let h: Vec<f64> = points.windows(2).map(|w| w[1].x - w[0].x).collect();
    let d: Vec<f64> =
        points.windows(2).zip(&h).map(|(w, h)| if *h > 0.0 { (w[1].y - w[0].y) / h } else { 0.0 }).collect();
    let mut m = vec![0.0; n];
    m[0] = d[0];
    m[n - 1] = d[n - 2];
    for k in 1..n - 1 {
        let (d0, d1) = (d[k - 1], d[k]);
        if d0 * d1 <= 0.0 {
            continue;
        }
        let p = (d0 * h[k] + d1 * h[k - 1]) / (h[k - 1] + h[k]);
        m[k] = d0.signum() * (2.0 * d0.abs().min(d1.abs())).min(0.5 * p.abs());
    }
    // An end slope may not exceed three times its secant (the monotone
    // region of a cubic Hermite piece).
    for (k, dk) in [(0, d[0]), (n - 1, d[n - 2])] {
        if m[k].abs() > 3.0 * dk.abs() {
            m[k] = 3.0 * dk;
        }
    }
    for k in 0..n - 1 {
        let (a, b) = (points[k], points[k + 1]);
        let third = h[k] / 3.0;
        segments.push(Segment::Cubic(
            Point::new(a.x + third, a.y + m[k] * third),
            Point::new(b.x - third, b.y - m[k + 1] * third),
            b,
        ));
    }
    segments
}

/// What the curve shows, in words, for a reader who cannot see it: each
/// scored stage's mean feeling on the 1–5 scale, in the row's own label.
fn alt_text(cx: &Context<'_>) -> String {
    let means: Vec<String> = cx
        .health
        .iter()
        .filter_map(|h| Some(format!("{} {:.1}", cx.journey.stages.get(h.stage)?.name, h.mean_score?)))
        .collect();
    format!("{} (1–5): {}", cx.labels.get("feeling"), means.join(", "))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Samples a Bézier segment at `t`.
    fn at(p0: Point, p1: Point, p2: Point, p3: Point, t: f64) -> Point {
        let u = 1.0 - t;
        let (a, b, c, d) = (u * u * u, 3.0 * u * u * t, 3.0 * u * t * t, t * t * t);
        Point::new(a * p0.x + b * p1.x + c * p2.x + d * p3.x, a * p0.y + b * p1.y + c * p2.y + d * p3.y)
    }

    #[test]
    fn the_curve_never_leaves_the_range_of_its_neighbours() {
        let ys = [5.0, 1.0, 5.0, 5.0, 1.0, 2.0, 4.0, 1.0, 1.0, 5.0];
        let points: Vec<Point> =
            ys.iter().enumerate().map(|(i, y)| Point::new(i as f64 * (1.0 + (i % 3) as f64), *y)).collect();
        let segments = monotone(&points);
        let mut from = points[0];
        for (k, s) in segments.iter().skip(1).enumerate() {
            let Segment::Cubic(p1, p2, p3) = *s else { panic!("cubic expected") };
            let (lo, hi) = (points[k].y.min(points[k + 1].y), points[k].y.max(points[k + 1].y));
            for i in 0..=50 {
                let p = at(from, p1, p2, p3, f64::from(i) / 50.0);
                assert!(p.y >= lo - 1e-9 && p.y <= hi + 1e-9, "segment {k} leaves [{lo}, {hi}]: {p:?}");
            }
            from = p3;
        }
    }

    #[test]
    fn one_point_is_no_curve() {
        assert_eq!(monotone(&[Point::new(1.0, 1.0)]).len(), 1);
        assert!(monotone(&[]).is_empty());
    }
}
