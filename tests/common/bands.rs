//! How much of a page stands blank: what is drawn on it, and the widest
//! band across or down it that nothing drawn touches. Shared by the poster
//! and deck checks (SPEC §4.1: no poster page with an empty band over 15 %
//! of a side, no slide more than a quarter empty).

use journeymap::layout::{Item, Page, Rect, Transform};

/// What is drawn on a page, in page px: text lines and the shapes with a
/// fill or an outline (an invisible box does not count as drawn, nor does
/// a backdrop: a wash over a bare stretch leaves it bare).
pub(crate) fn drawn(page: &Page) -> Vec<Rect> {
    let mut drawn: Vec<Rect> = Vec::new();
    collect(&page.frame.items, page.transform, &mut drawn);
    drawn
}

fn collect(items: &[Item], at: Transform, drawn: &mut Vec<Rect>) {
    for item in items {
        match item {
            Item::Group(g) if g.tag.as_ref().is_some_and(|t| t.has_class("backdrop")) => {}
            Item::Group(g) => collect(&g.items, at.then(g.transform), drawn),
            Item::Text(t) => drawn.push(at.apply_rect(t.bounds())),
            Item::Shape(s) if s.fill.is_some() || s.stroke.is_some() => drawn.push(at.apply_rect(s.bounds())),
            _ => {}
        }
    }
}

/// The longest stretch of `0..side` that no span covers.
pub(crate) fn largest_gap(mut spans: Vec<(f64, f64)>, side: f64) -> f64 {
    spans.sort_by(|a, b| a.0.total_cmp(&b.0));
    let (mut reached, mut gap): (f64, f64) = (0.0, 0.0);
    for (start, end) in spans {
        gap = gap.max(start.min(side) - reached);
        reached = reached.max(end);
    }
    gap.max(side - reached)
}
