//! The first page of fitted tiles: how the sheets go together. The poster
//! in small with the sheet grid drawn over it, each sheet labelled as the
//! sheet itself is ("row r, column c"), under lines that say what to do
//! with them, all in the poster's language.

use super::cuts::Grid;
use super::document::{Document, Page};
use super::frame::{Frame, Geometry, Group, Item, Shape, Stroke, Structure, Tag, Transform};
use super::geom::{Point, Rect, Size2};
use super::print::{CAPTION_PX, TILE_MARGIN_MM, TILE_OVERLAP_MM, caption, paper_band, tile_end};
use super::sheet_words::{SheetWords, with_title};
use crate::model::Paper;
use crate::text::{Shaper, Style};
use crate::theme::Role;
use crate::units::Length;

/// The assembly page for `grid`, on the sheet (of `sheets`, portrait and
/// landscape) that holds the poster's shape best.
pub(crate) fn page(document: &Document, shaper: &Shaper<'_>, paper: Paper, grid: &Grid, sheets: [Size2; 2]) -> Page {
    let poster = document.page();
    let size = if grid.extent.width > grid.extent.height { sheets[1] } else { sheets[0] };
    let margin = Length::mm(TILE_MARGIN_MM).to_px();
    let (rows, columns) = (grid.ys.len(), grid.xs.len());
    let words = SheetWords::new(&document.labels, paper, grid.sheet, rows, columns);
    let room = size.width - 2.0 * margin;
    // The title gives way on the first line; what to do with the sheets
    // is wrapped, never cut.
    let mut lines = vec![with_title(shaper, &document.title, |t| words.heading(t), CAPTION_PX, room)];
    lines.extend(words.wrap(shaper, &words.grid(), CAPTION_PX, room));
    lines.extend(words.wrap(shaper, &words.cut(TILE_OVERLAP_MM), CAPTION_PX, room));
    let line_px = CAPTION_PX * 1.5;
    let mut heading = Vec::new();
    for (i, text) in lines.iter().enumerate() {
        let at = Point::new(margin, margin + line_px * (i as f64 + 0.5));
        heading.push(caption(shaper, text, Transform::IDENTITY, at));
    }
    // The thumbnail fills the rest, centred across.
    let top = margin + line_px * (lines.len() as f64 + 0.5);
    let (avail_w, avail_h) = (room, size.height - top - margin);
    let s = (avail_w / grid.extent.width).min(avail_h / grid.extent.height);
    let origin = Point::new(margin + (avail_w - grid.extent.width * s) / 2.0, top);
    let t = poster.transform;
    let f = grid.scale * s;
    let thumb = Transform { scale: f * t.scale, tx: origin.x + f * t.tx, ty: origin.y + f * t.ty };
    let mut small =
        vec![Item::Shape(Shape::filled(Geometry::Rect { rect: poster.view(), radius: 0.0 }, Role::Background))];
    small.extend(poster.frame.items.iter().cloned());
    let mut poster_group = Group::new(Some(Tag::class("assembly-poster").structure(Structure::Artifact)), small);
    poster_group.transform = thumb;
    let on_page = |x: f64, y: f64| Point::new(origin.x + x * s, origin.y + y * s);
    let mut marks = Vec::new();
    for (r, &y0) in grid.ys.iter().enumerate() {
        for (c, &x0) in grid.xs.iter().enumerate() {
            // What of the poster this sheet adds: from its cuts to the next.
            let (x1, y1) = (cut_end(&grid.xs, c, grid.extent.width), cut_end(&grid.ys, r, grid.extent.height));
            let (a, b) = (on_page(x0, y0), on_page(x1, y1));
            let cell = Rect::new(a.x, a.y, b.x - a.x, b.y - a.y);
            let stroke = Stroke::solid(Role::Registration, Length::pt(1.0).to_px());
            marks.push(Item::Shape(Shape::stroked(Geometry::Rect { rect: cell, radius: 0.0 }, stroke)));
            marks.extend(label(shaper, &words, &words.cell(r + 1, c + 1), cell));
        }
    }
    let figure = Structure::Figure(words.alt());
    let grid_group = Group::new(Some(Tag::new("assembly", "assembly").structure(figure)), marks);
    let mut items = vec![paper_band(Rect::new(0.0, 0.0, size.width, size.height))];
    items.push(Item::Group(Group::new(Some(Tag::class("assembly-heading").structure(Structure::Artifact)), heading)));
    items.push(Item::Group(poster_group));
    items.push(Item::Group(grid_group));
    Page { size, transform: Transform::IDENTITY, frame: Frame { size, items }, name: words.page(), print: None }
}

/// Where tile `i` stops adding to the poster: the next tile's cut, or the
/// poster's edge.
fn cut_end(starts: &[f64], i: usize, total: f64) -> f64 {
    starts.get(i + 1).copied().unwrap_or(total).min(tile_end(starts, i, total))
}

/// A sheet's label centred in its cell, on a patch of paper so it reads
/// over the poster; broken into lines where it is wider than the cell.
fn label(shaper: &Shaper<'_>, words: &SheetWords<'_>, text: &str, cell: Rect) -> Vec<Item> {
    let pad = CAPTION_PX / 3.0;
    let lines = if shaper.width(text, Style::Regular, CAPTION_PX) + 2.0 * pad <= cell.width {
        vec![text.to_owned()]
    } else {
        words.wrap(shaper, text, CAPTION_PX, (cell.width - 2.0 * pad).max(CAPTION_PX))
    };
    let widths: Vec<f64> = lines.iter().map(|l| shaper.width(l, Style::Regular, CAPTION_PX)).collect();
    let widest = widths.iter().copied().fold(0.0, f64::max);
    let line_px = CAPTION_PX * 1.5;
    let top = cell.y + cell.height / 2.0 - line_px * lines.len() as f64 / 2.0;
    let patch =
        Rect::new(cell.x + (cell.width - widest) / 2.0 - pad, top, widest + 2.0 * pad, line_px * lines.len() as f64);
    let mut items = vec![paper_band(patch)];
    for (i, (line, width)) in lines.iter().zip(&widths).enumerate() {
        let at = Point::new(cell.x + (cell.width - width) / 2.0, top + line_px * (i as f64 + 0.5));
        items.push(caption(shaper, line, Transform::IDENTITY, at));
    }
    items
}

#[cfg(test)]
mod tests {
    use super::super::frame::TextLine;
    use super::*;
    use crate::labels::{Labels, Lang};
    use crate::text::Fonts;

    #[test]
    fn a_label_wider_than_its_cell_is_broken_into_lines_inside_it() {
        let fonts = Fonts::embedded();
        let shaper = Shaper::new(&fonts);
        let labels = Labels::new(Lang::De, Vec::new());
        let words = SheetWords::new(&labels, Paper::A4, Size2 { width: 297.0, height: 210.0 }, 12, 14);
        let text = words.cell(12, 14);
        let width = shaper.width(&text, Style::Regular, CAPTION_PX);
        let cell = Rect::new(100.0, 100.0, width * 0.7, 200.0);
        let items = label(&shaper, &words, &text, cell);
        let lines: Vec<&TextLine> =
            items.iter().filter_map(|i| if let Item::Text(t) = i { Some(t) } else { None }).collect();
        assert_eq!(lines.len(), 2, "{text} in two lines");
        assert_eq!(
            lines.iter().map(|l| l.runs.iter().map(|r| r.text.as_str()).collect::<String>()).collect::<Vec<_>>(),
            ["Reihe 12,", "Spalte 14"]
        );
        for line in &lines {
            let r = line.bounds();
            assert!(r.x >= cell.x && r.right() <= cell.right(), "{r:?} outside {cell:?}");
        }
        // A label that fits stays one line.
        let wide = Rect::new(0.0, 0.0, width * 2.0, 100.0);
        assert_eq!(label(&shaper, &words, &text, wide).len(), 2, "a patch and one line");
    }
}
