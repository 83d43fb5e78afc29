//! Where tiles are cut, and at what scale, for `--tile PAPER --fit`: the
//! poster shrunk to the fewest sheets its smallest text allows (never
//! under [`MIN_TEXT_PX`] at print size), cut in the gutters between
//! boxes where it can and never through a line of text in a card, a cell,
//! a health box or a priority.
//!
//! Cuts are whole lines across the poster, so a cut x must be clear of
//! every such line in every row. The grid is measured in the poster's
//! page px scaled by the fit ([`Grid::scale`]): the units a tile page
//! shows them in.

use super::document::Page;
use super::frame::Item;
use super::geom::Size2;
use super::{MIN_TEXT_PX, print::MAX_TILES};

/// How the poster is laid on the sheets.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Grid {
    /// The sheet's size, in page px.
    pub sheet: Size2,
    /// How much the poster page is scaled on the sheets (1 without `--fit`).
    pub scale: f64,
    /// Where each column starts, in scaled poster page px; each start but
    /// the first is a cut.
    pub xs: Vec<f64>,
    /// Where each row starts, as [`Grid::xs`].
    pub ys: Vec<f64>,
    /// The scaled poster page's size.
    pub extent: Size2,
}

/// The spans (open intervals, in frame coordinates, merged and sorted) a
/// cut along one axis must not cross.
#[derive(Debug, Clone, Default)]
pub(crate) struct Keepouts {
    /// Lines of text in the boxes that must stay whole.
    text: Vec<(f64, f64)>,
    /// Those lines and the boxes themselves: off them is a gutter.
    boxes: Vec<(f64, f64)>,
}

/// Whether a box's text must not be cut: cards, cells, health boxes and
/// priorities (the title and headline may span sheets).
pub(crate) fn kept_whole(id: Option<&str>, class: &str) -> bool {
    let id = id.unwrap_or("");
    ["card-", "cell-", "health-"].iter().any(|p| id.starts_with(p)) || class == "priority"
}

impl Keepouts {
    /// The keep-outs of `page`'s frame across x (`vertical` false) or y.
    pub(crate) fn of(page: &Page, vertical: bool) -> Keepouts {
        let span = |r: super::geom::Rect| if vertical { (r.y, r.bottom()) } else { (r.x, r.right()) };
        let (mut text, mut boxes) = (Vec::new(), Vec::new());
        for b in page.boxes().into_iter().filter(|b| kept_whole(b.tag.id.as_deref(), &b.tag.class)) {
            boxes.push(span(b.bounds));
            for line in b.group.lines() {
                text.push(span(b.transform.apply_rect(line.bounds())));
            }
        }
        boxes.extend(text.iter().copied());
        Keepouts { text: merge(text), boxes: merge(boxes) }
    }

    /// The furthest cut after `floor` and at or before `limit`: in a gutter
    /// when `gutters` and one lies in the far half of the reach, else
    /// clear of text; `limit` itself when no such place is found (a line
    /// longer than a sheet).
    pub(crate) fn cut(&self, floor: f64, limit: f64, gutters: bool) -> f64 {
        let gutter = last_free(&self.boxes, limit).filter(|&g| g > floor + (limit - floor) / 2.0);
        let clear = last_free(&self.text, limit).filter(|&c| c > floor);
        match (gutters, gutter, clear) {
            (true, Some(g), _) => g,
            (_, _, Some(c)) => c,
            _ => limit,
        }
    }
}

/// Sorted, overlapping spans joined.
fn merge(mut spans: Vec<(f64, f64)>) -> Vec<(f64, f64)> {
    spans.sort_by(|a, b| a.0.total_cmp(&b.0));
    let mut out: Vec<(f64, f64)> = Vec::with_capacity(spans.len());
    for (a, b) in spans {
        match out.last_mut() {
            Some(last) if a < last.1 => last.1 = last.1.max(b),
            _ => out.push((a, b)),
        }
    }
    out
}

/// The largest place at or before `limit` inside none of `spans`: `limit`,
/// or the start of the span it falls in.
fn last_free(spans: &[(f64, f64)], limit: f64) -> Option<f64> {
    let inside = spans.iter().find(|&&(a, b)| a < limit && limit < b);
    Some(inside.map_or(limit, |&(a, _)| a))
}

/// The smallest text of a frame, in frame px.
pub(crate) fn smallest_text(page: &Page) -> f64 {
    let mut smallest = f64::INFINITY;
    page.frame.walk(&mut |at, item| {
        if let Item::Text(line) = item {
            smallest = smallest.min(line.size * at.scale);
        }
    });
    smallest
}

/// What the fit works with: the poster page, its keep-outs, the sheet's
/// window and the overlap, in page px.
pub(crate) struct Fitter<'a> {
    /// The poster page.
    pub page: &'a Page,
    /// Keep-outs across x and across y.
    pub keepouts: (Keepouts, Keepouts),
    /// What a sheet shows inside its margins, in its two orientations.
    pub windows: [Size2; 2],
    /// The sheets, as the windows.
    pub sheets: [Size2; 2],
    /// How far neighbours overlap.
    pub overlap: f64,
}

impl Fitter<'_> {
    /// The grid with the fewest sheets at a scale whose smallest text
    /// prints at [`MIN_TEXT_PX`] or more, enlarged as far as that many
    /// sheets allow (never past the poster's own size); `None` when every
    /// way needs more than [`MAX_TILES`].
    pub(crate) fn fit(&self) -> Option<Grid> {
        let t = self.page.transform;
        let smallest = smallest_text(self.page) * t.scale;
        let low = if smallest.is_finite() && smallest > 0.0 { (MIN_TEXT_PX / smallest).min(1.0) } else { 1.0 };
        let mut best: Option<(usize, bool, Grid)> = None;
        for sheet in 0..2 {
            for gutters in [true, false] {
                let Some(at_low) = self.grid(sheet, low, gutters) else { continue };
                let count = at_low.xs.len() * at_low.ys.len();
                let grown = self.grow(sheet, gutters, low, count).unwrap_or(at_low);
                // Fewest sheets; then cuts in gutters; then the larger print.
                let better = best.as_ref().is_none_or(|(n, g, b)| {
                    count < *n || (count == *n && (gutters && !g || gutters == *g && grown.scale > b.scale))
                });
                if better {
                    best = Some((count, gutters, grown));
                }
            }
        }
        best.map(|(_, _, grid)| grid)
    }

    /// The largest scale up to 1 at which the grid still needs at most
    /// `count` sheets, by bisection from `low`.
    fn grow(&self, sheet: usize, gutters: bool, low: f64, count: usize) -> Option<Grid> {
        let fits = |scale: f64| self.grid(sheet, scale, gutters).filter(|g| g.xs.len() * g.ys.len() <= count);
        if let Some(whole) = fits(1.0) {
            return Some(whole);
        }
        let (mut lo, mut hi) = (low, 1.0);
        let mut found = fits(lo)?;
        for _ in 0..40 {
            let mid = (lo + hi) / 2.0;
            match fits(mid) {
                Some(grid) => {
                    lo = mid;
                    found = grid;
                }
                None => hi = mid,
            }
        }
        Some(found)
    }

    /// The grid on sheet `sheet` with the poster page scaled by `scale`.
    pub(crate) fn grid(&self, sheet: usize, scale: f64, gutters: bool) -> Option<Grid> {
        let t = self.page.transform;
        let window = self.windows[sheet];
        let extent = Size2 { width: self.page.size.width * scale, height: self.page.size.height * scale };
        // Scaled page px are frame coordinates times `k` plus an offset.
        let k = scale * t.scale;
        let xs = self.starts(extent.width, window.width, &self.keepouts.0, gutters, (scale * t.tx, k))?;
        let ys = self.starts(extent.height, window.height, &self.keepouts.1, gutters, (scale * t.ty, k))?;
        (xs.len() * ys.len() <= MAX_TILES).then(|| Grid { sheet: self.sheets[sheet], scale, xs, ys, extent })
    }

    /// Where the sheets along one axis start: each as far on as the one
    /// before reaches less the overlap, pulled back to a place the cut
    /// may go. A scaled page coordinate is a frame coordinate times
    /// `map.1` plus `map.0`.
    fn starts(&self, total: f64, window: f64, keepouts: &Keepouts, gutters: bool, map: (f64, f64)) -> Option<Vec<f64>> {
        let (offset, k) = map;
        let mut starts = vec![0.0];
        while let Some(&start) = starts.last() {
            if start + window >= total || starts.len() > MAX_TILES {
                break;
            }
            let limit = start + window - self.overlap;
            let floor = start + self.overlap;
            if limit <= floor {
                return None;
            }
            let cut = keepouts.cut((floor - offset) / k, (limit - offset) / k, gutters) * k + offset;
            starts.push(cut.clamp(floor, limit));
        }
        (starts.len() <= MAX_TILES).then_some(starts)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cut_goes_to_a_gutter_in_reach_else_beside_the_text() {
        let k =
            Keepouts { text: merge(vec![(10.0, 12.0), (40.0, 44.0)]), boxes: merge(vec![(5.0, 20.0), (30.0, 50.0)]) };
        // 45 is in a box, past its text: the gutter at 30 is in the far
        // half of 0..45; without gutters, 45 itself is clear of text.
        assert_eq!(k.cut(0.0, 45.0, true), 30.0);
        assert_eq!(k.cut(0.0, 45.0, false), 45.0);
        // 42 is in a line: back to its start.
        assert_eq!(k.cut(0.0, 42.0, false), 40.0);
        // A gutter too near the last cut is passed over.
        assert_eq!(k.cut(25.0, 45.0, true), 45.0);
        // No place at all: the limit.
        assert_eq!(k.cut(41.0, 43.0, false), 43.0);
    }

    #[test]
    fn spans_merge_when_they_overlap() {
        assert_eq!(merge(vec![(3.0, 5.0), (0.0, 4.0), (6.0, 7.0)]), vec![(0.0, 5.0), (6.0, 7.0)]);
    }
}
