//! Print furniture over a laid-out poster: bleed with crop marks for a
//! print shop, and tiles for teams without a plotter. Both are new pages
//! over the same frame, with other transforms; nothing is laid out again.
//!
//! - **Bleed** (`--bleed MM`): the page grows by the bleed and a slug for
//!   the marks on every side. The background runs into the bleed; the
//!   slug stays paper white; crop marks stand at the trim's corners,
//!   outside the bleed; the PDF gives the trim and bleed boxes.
//! - **Tiles** (`--tile A4|A3|Letter`): the poster at its size, cut into
//!   pages of the paper with a printer-safe margin; neighbours overlap by
//!   [`TILE_OVERLAP_MM`]; in the margins, cut ticks where a tile is cut and
//!   ringed ticks where the next tile's cut edge goes (so no mark is left
//!   on the assembled poster); "row r, column c of R × C" on each page, in
//!   the poster's language (see [`super::sheet_words`]).

use super::cuts::{Fitter, Grid, Keepouts};
use super::document::{Document, Page, PrintBoxes};
use super::frame::{Frame, Geometry, Group, Item, Shape, Stroke, Structure, Tag, TextLine, Transform};
use super::geom::{EPSILON, Point, Rect, Size2};
use super::sheet_words::{SheetWords, fit_title, with_title};
use crate::model::{Orientation, Paper, Size};
use crate::text::{Shaper, Style};
use crate::theme::Role;
use crate::units::Length;

/// How far neighbouring tiles overlap, in mm: room to glue or tape.
pub const TILE_OVERLAP_MM: f64 = 10.0;

/// The margin of a tile page that printers may not reach, in mm.
pub const TILE_MARGIN_MM: f64 = 10.0;

/// The most tiles a poster is cut into: beyond this, a plotter or a larger
/// paper is the answer.
pub const MAX_TILES: usize = 400;

/// The longest bleed, in mm.
pub const MAX_BLEED_MM: f64 = 25.0;

/// How long a crop mark is, in mm.
const MARK_MM: f64 = 5.0;

/// A mark's line width: 0.25 pt, the usual hairline for marks.
const MARK_PT: f64 = 0.25;

/// Why print furniture could not be added.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum PrintError {
    /// The bleed is negative, not a number, or longer than [`MAX_BLEED_MM`].
    #[error("a bleed of {0} mm is out of range: give 0 to {MAX_BLEED_MM} mm (3 mm is usual)")]
    Bleed(f64),
    /// The poster would need more than [`MAX_TILES`] tiles.
    #[error(
        "the poster would be cut into {tiles} tiles of {paper}, more than {MAX_TILES}; print on larger paper, or use --size to make the poster smaller"
    )]
    TooManyTiles {
        /// How many it would need.
        tiles: usize,
        /// The paper asked for.
        paper: String,
    },
    /// The paper cannot be tiled onto (an automatic or custom size).
    #[error("{0} cannot be tiled onto: give a paper size such as A4, A3 or Letter")]
    Paper(String),
}

/// The poster page with `bleed_mm` of bleed and crop marks around it.
///
/// # Errors
/// [`PrintError::Bleed`] for a bleed out of range.
pub fn with_bleed(document: &Document, bleed_mm: f64) -> Result<Document, PrintError> {
    if !(0.0..=MAX_BLEED_MM).contains(&bleed_mm) {
        return Err(PrintError::Bleed(bleed_mm));
    }
    let bleed = Length::mm(bleed_mm).to_px();
    let mark = Length::mm(MARK_MM).to_px();
    // Marks start a millimetre outside the bleed and end a millimetre
    // inside the page's edge.
    let gap = Length::mm(1.0).to_px();
    let slug = bleed + gap + mark + gap;
    let pages = document
        .pages
        .iter()
        .map(|page| {
            let size = Size2 { width: page.size.width + 2.0 * slug, height: page.size.height + 2.0 * slug };
            let transform = Transform::translate(slug, slug).then(page.transform);
            let trim = Rect::new(slug, slug, page.size.width, page.size.height);
            let bleed_box =
                Rect::new(slug - bleed, slug - bleed, page.size.width + 2.0 * bleed, page.size.height + 2.0 * bleed);
            let mut frame = page.frame.clone();
            let to_frame = |r: Rect| transform.inverse().apply_rect(r);
            // The slug is paper: four bands around the bleed box.
            let mut furniture =
                paper_around(size, bleed_box).into_iter().map(|r| paper_band(to_frame(r))).collect::<Vec<_>>();
            let width = Length::pt(MARK_PT).to_px();
            for (corner, (dx, dy)) in corners(trim) {
                let out = bleed + gap;
                // One mark along each edge meeting at the corner, in line
                // with the trim, outside the bleed.
                let h = (Point::new(corner.x + dx * out, corner.y), Point::new(corner.x + dx * (out + mark), corner.y));
                let v = (Point::new(corner.x, corner.y + dy * out), Point::new(corner.x, corner.y + dy * (out + mark)));
                for (a, b) in [h, v] {
                    furniture.push(line(transform, a, b, width));
                }
            }
            frame.items.push(Item::Group(Group::new(
                Some(Tag::class("crop-marks").structure(Structure::Artifact)),
                furniture,
            )));
            Page { size, transform, frame, name: page.name.clone(), print: Some(PrintBoxes { trim, bleed: bleed_box }) }
        })
        .collect();
    Ok(document.with_pages(pages))
}

/// The poster cut into tiles of `paper` (in the orientation that needs
/// fewer), in reading order, each with its label and assembly marks.
///
/// # Errors
/// [`PrintError::Paper`] for a size that is not a paper;
/// [`PrintError::TooManyTiles`] past [`MAX_TILES`].
pub fn tiles(document: &Document, shaper: &Shaper<'_>, paper: Size) -> Result<Document, PrintError> {
    let Size::Paper(sheet) = paper else { return Err(PrintError::Paper(paper.to_string())) };
    let poster = document.page();
    let margin = Length::mm(TILE_MARGIN_MM).to_px();
    let overlap = Length::mm(TILE_OVERLAP_MM).to_px();
    let grid = |orientation: Orientation| {
        let (w, h) = paper.page_px(Some(orientation)).unwrap_or((1.0, 1.0));
        let (cw, ch) = (w - 2.0 * margin, h - 2.0 * margin);
        let count = |total: f64, window: f64| {
            // Less a hair before rounding up, so rounding never adds a last
            // tile that holds only the overlap.
            if total <= window + EPSILON {
                1
            } else {
                ((total - overlap) / (window - overlap) - 1e-9).ceil().max(1.0) as usize
            }
        };
        (count(poster.size.width, cw), count(poster.size.height, ch), Size2 { width: w, height: h })
    };
    let (portrait, landscape) = (grid(Orientation::Portrait), grid(Orientation::Landscape));
    let (columns, rows, sheet_size) =
        if landscape.0 * landscape.1 < portrait.0 * portrait.1 { landscape } else { portrait };
    let total = columns * rows;
    if total > MAX_TILES {
        return Err(PrintError::TooManyTiles { tiles: total, paper: sheet.as_str().to_owned() });
    }
    let step =
        Size2 { width: sheet_size.width - 2.0 * margin - overlap, height: sheet_size.height - 2.0 * margin - overlap };
    // Where each tile's window starts on the poster; the last ends at the
    // poster's edge when the poster is larger than one window.
    let starts = |n: usize, step: f64| (0..n).map(move |i| i as f64 * step).collect::<Vec<f64>>();
    let grid = Grid {
        sheet: sheet_size,
        scale: 1.0,
        xs: starts(columns, step.width),
        ys: starts(rows, step.height),
        extent: poster.size,
    };
    Ok(document.with_pages(tile_pages(document, shaper, sheet, &grid)))
}

/// The poster scaled to the fewest tiles of `paper` its smallest text
/// allows (6 pt at print size), cut where no line of a card, cell, health
/// box or priority is cut (in the gutters between them where it can),
/// after a first page that shows how the sheets go together.
///
/// # Errors
/// As [`tiles`].
pub fn fitted_tiles(document: &Document, shaper: &Shaper<'_>, paper: Size) -> Result<Document, PrintError> {
    let Size::Paper(sheet) = paper else { return Err(PrintError::Paper(paper.to_string())) };
    let poster = document.page();
    let margin = Length::mm(TILE_MARGIN_MM).to_px();
    let size = |o: Orientation| {
        let (w, h) = paper.page_px(Some(o)).unwrap_or((1.0, 1.0));
        Size2 { width: w, height: h }
    };
    let sheets = [size(Orientation::Portrait), size(Orientation::Landscape)];
    let window = |s: Size2| Size2 { width: s.width - 2.0 * margin, height: s.height - 2.0 * margin };
    let fitter = Fitter {
        page: poster,
        keepouts: (Keepouts::of(poster, false), Keepouts::of(poster, true)),
        windows: sheets.map(window),
        sheets,
        overlap: Length::mm(TILE_OVERLAP_MM).to_px(),
    };
    let Some(grid) = fitter.fit() else {
        return Err(PrintError::TooManyTiles { tiles: MAX_TILES + 1, paper: sheet.as_str().to_owned() });
    };
    let mut pages = vec![super::assembly::page(document, shaper, sheet, &grid, sheets)];
    pages.extend(tile_pages(document, shaper, sheet, &grid));
    Ok(document.with_pages(pages))
}

/// Where tile `i` of `starts` ends on the scaled poster: its neighbour's
/// cut and the overlap past it, or the poster's edge.
pub(crate) fn tile_end(starts: &[f64], i: usize, total: f64) -> f64 {
    starts.get(i + 1).map_or(total, |next| (next + Length::mm(TILE_OVERLAP_MM).to_px()).min(total))
}

/// The tile pages of `grid`, in reading order.
fn tile_pages(document: &Document, shaper: &Shaper<'_>, paper: Paper, grid: &Grid) -> Vec<Page> {
    let poster = document.page();
    let margin = Length::mm(TILE_MARGIN_MM).to_px();
    let (rows, columns) = (grid.ys.len(), grid.xs.len());
    let sheet_size = grid.sheet;
    let window = Size2 { width: sheet_size.width - 2.0 * margin, height: sheet_size.height - 2.0 * margin };
    let t = poster.transform;
    let f = grid.scale;
    let words = SheetWords::new(&document.labels, paper, sheet_size, rows, columns);
    // The title is cut once, to leave room for the longest rest of the
    // line, so that every sheet shows the same title.
    let longest = |title: &str| words.caption(title, rows, columns);
    let title =
        fit_title(shaper, &document.title, longest, CAPTION_PX, window.width).unwrap_or_else(|| document.title.clone());
    let mut pages = Vec::with_capacity(rows * columns);
    for (r, &y0) in grid.ys.iter().enumerate() {
        for (c, &x0) in grid.xs.iter().enumerate() {
            let transform = Transform { scale: f * t.scale, tx: f * t.tx - x0 + margin, ty: f * t.ty - y0 + margin };
            // The window up to the next tile's cut and the overlap, less
            // what lies past the poster's edge: the rest stays paper.
            let shown = Rect::new(
                margin,
                margin,
                (tile_end(&grid.xs, c, grid.extent.width) - x0).min(window.width),
                (tile_end(&grid.ys, r, grid.extent.height) - y0).min(window.height),
            );
            // Only what the tile shows is drawn on it: a tile page holds a
            // part of the poster, not all of it under paper.
            let mut frame = Frame {
                size: poster.frame.size,
                items: cull(&poster.frame.items, transform.inverse().apply_rect(shown)),
            };
            let mut furniture: Vec<Item> = paper_around(sheet_size, shown)
                .into_iter()
                .map(|rect| paper_band(transform.inverse().apply_rect(rect)))
                .collect();
            let next = (grid.xs.get(c + 1).map(|x| margin + x - x0), grid.ys.get(r + 1).map(|y| margin + y - y0));
            assembly_marks(&mut furniture, transform, shown, (c > 0, r > 0), next);
            let label = with_title(shaper, &title, |t| words.caption(t, r + 1, c + 1), CAPTION_PX, window.width);
            furniture.push(caption(shaper, &label, transform, Point::new(margin, Length::mm(3.0).to_px())));
            frame.items.push(Item::Group(Group::new(
                Some(Tag::class("tile-marks").structure(Structure::Artifact)),
                furniture,
            )));
            pages.push(Page { size: sheet_size, transform, frame, name: words.page_name(r + 1, c + 1), print: None });
        }
    }
    pages
}

/// Assembly marks, all in the margin, so none is left on the finished
/// poster. Cut ticks stand at this tile's window edge where a neighbour
/// lies to the left or above (`cut`): cut there. Ringed ticks stand where
/// the next tile's window begins (`next`, in page px): lay that tile's cut
/// edge on them. In the poster's coordinates a tile's ringed ticks and
/// its neighbour's cut ticks are the same line.
fn assembly_marks(
    furniture: &mut Vec<Item>,
    transform: Transform,
    shown: Rect,
    cut: (bool, bool),
    next: (Option<f64>, Option<f64>),
) {
    let width = Length::pt(MARK_PT).to_px();
    let tick = Length::mm(3.0).to_px();
    let ring_r = Length::mm(0.8).to_px();
    let (left, top, right, bottom) = (shown.x, shown.y, shown.right(), shown.bottom());
    let vertical = |x: f64, ringed: bool, furniture: &mut Vec<Item>| {
        for (a, b) in [(top - tick, top), (bottom, bottom + tick)] {
            furniture.push(line(transform, Point::new(x, a), Point::new(x, b), width));
        }
        if ringed {
            furniture.push(ring(transform, Point::new(x, top - tick - ring_r), ring_r, width));
            furniture.push(ring(transform, Point::new(x, bottom + tick + ring_r), ring_r, width));
        }
    };
    if cut.0 {
        vertical(left, false, furniture);
    }
    if let Some(x) = next.0 {
        vertical(x, true, furniture);
    }
    let horizontal = |y: f64, ringed: bool, furniture: &mut Vec<Item>| {
        for (a, b) in [(left - tick, left), (right, right + tick)] {
            furniture.push(line(transform, Point::new(a, y), Point::new(b, y), width));
        }
        if ringed {
            furniture.push(ring(transform, Point::new(left - tick - ring_r, y), ring_r, width));
            furniture.push(ring(transform, Point::new(right + tick + ring_r, y), ring_r, width));
        }
    };
    if cut.1 {
        horizontal(top, false, furniture);
    }
    if let Some(y) = next.1 {
        horizontal(y, true, furniture);
    }
}

/// The items (in frame coordinates) that reach into `window`: groups keep
/// their transform, tag and (for a box) their bounding rect, and lose the
/// children outside; a group left with nothing is dropped.
fn cull(items: &[Item], window: Rect) -> Vec<Item> {
    let mut kept = Vec::new();
    for item in items {
        match item {
            Item::Group(group) => {
                if !group.transform.apply_rect(group.content_bounds()).overlaps(&window) {
                    continue;
                }
                let inner = group.transform.inverse().apply_rect(window);
                let boxed = group.box_rect().is_some();
                let mut children = Vec::with_capacity(group.items.len());
                for (i, child) in group.items.iter().enumerate() {
                    if i == 0 && boxed {
                        children.push(child.clone());
                    } else {
                        children.extend(cull(std::slice::from_ref(child), inner));
                    }
                }
                if !children.is_empty() {
                    kept.push(Item::Group(Group {
                        transform: group.transform,
                        tag: group.tag.clone(),
                        opacity: group.opacity,
                        items: children,
                    }));
                }
            }
            other if other.bounds().overlaps(&window) => kept.push(other.clone()),
            _ => {}
        }
    }
    kept
}

/// The four bands of `page` outside `inner`.
fn paper_around(page: Size2, inner: Rect) -> [Rect; 4] {
    [
        Rect::new(0.0, 0.0, page.width, inner.y),
        Rect::new(0.0, inner.bottom(), page.width, page.height - inner.bottom()),
        Rect::new(0.0, inner.y, inner.x, inner.height),
        Rect::new(inner.right(), inner.y, page.width - inner.right(), inner.height),
    ]
}

pub(crate) fn paper_band(rect: Rect) -> Item {
    Item::Shape(Shape::filled(Geometry::Rect { rect, radius: 0.0 }, Role::Paper))
}

/// The trim's corners, each with the way out of the trim along x and y.
fn corners(trim: Rect) -> [(Point, (f64, f64)); 4] {
    [
        (Point::new(trim.x, trim.y), (-1.0, -1.0)),
        (Point::new(trim.right(), trim.y), (1.0, -1.0)),
        (Point::new(trim.x, trim.bottom()), (-1.0, 1.0)),
        (Point::new(trim.right(), trim.bottom()), (1.0, 1.0)),
    ]
}

/// A mark from `a` to `b` in page px, `width` page px wide, as an item in
/// frame coordinates.
fn line(t: Transform, a: Point, b: Point, width: f64) -> Item {
    let to_frame = t.inverse();
    let geometry = Geometry::Line { from: to_frame.apply(a), to: to_frame.apply(b) };
    Item::Shape(Shape::stroked(geometry, Stroke::solid(Role::Registration, width / t.scale)))
}

/// A ring around `center` in page px, drawn as [`line`] draws.
fn ring(t: Transform, center: Point, radius: f64, width: f64) -> Item {
    let geometry = Geometry::Circle { center: t.inverse().apply(center), radius: radius / t.scale };
    Item::Shape(Shape::stroked(geometry, Stroke::solid(Role::Registration, width / t.scale)))
}

/// The tile label's size: 9 pt, in page px.
pub(crate) const CAPTION_PX: f64 = 12.0;

/// A one-line label at [`CAPTION_PX`] on the page, its line box centred on
/// `at.y`; the caller has made it fit.
pub(crate) fn caption(shaper: &Shaper<'_>, text: &str, t: Transform, at: Point) -> Item {
    let size = CAPTION_PX / t.scale;
    let shaped = shaper.shape(text, Style::Regular, size, &mut Vec::new());
    let (ascent, descent) = shaper.extents(Style::Regular, size);
    let at = t.inverse().apply(at);
    Item::Text(TextLine {
        x: at.x,
        baseline: at.y + (ascent - descent) / 2.0,
        size,
        style: Style::Regular,
        role: Role::Registration,
        width: shaped.width,
        runs: shaped.runs,
        ascent,
        descent,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paper_bands_cover_the_page_outside_the_window() {
        let page = Size2 { width: 100.0, height: 50.0 };
        let inner = Rect::new(10.0, 5.0, 70.0, 30.0);
        let area: f64 = paper_around(page, inner).iter().map(|r| r.width * r.height).sum();
        assert!((area + inner.width * inner.height - page.width * page.height).abs() < 1e-9);
    }
}
