//! The legend: what each badge, the star and the two meters mean.

use super::{Region, boxed};
use crate::layout::context::{Context, Slot};
use crate::layout::frame::{BoxStyle, Item, Tag};
use crate::layout::geom::{Point, Rect};
use crate::layout::symbols::{self, Pip};
use crate::model::Mark;
use crate::text::Style;
use crate::theme::Role;

/// A legend entry's symbol.
#[derive(Clone, Copy)]
enum Symbol {
    Badge(Mark),
    Star,
    Feeling,
    Effort,
}

impl Symbol {
    fn words(self) -> &'static str {
        match self {
            Symbol::Badge(Mark::Essential) => "Essential to the customer",
            Symbol::Badge(Mark::Strength) => "Strength: performed really well",
            Symbol::Badge(Mark::Pain) => "Pain point for the customer",
            Symbol::Badge(Mark::WouldPay) => "Customers would pay for it",
            Symbol::Star => "Moment of truth: matters most to the customer",
            Symbol::Feeling => "Customer feeling, 1 (very negative) to 5 (very positive)",
            Symbol::Effort => "Effort to move on, 1 (none) to 5 (very high)",
        }
    }

    /// The symbol's pips, or its square, with its top left at `at` in a
    /// row `badge` px high.
    fn pips(self, at: Point, badge: f64) -> Vec<Rect> {
        let (size, step) = match self {
            Symbol::Feeling => (badge * 0.55, badge * 0.55 * 1.4),
            Symbol::Effort => (badge * 0.7, badge * 0.7 * 1.35),
            Symbol::Badge(_) | Symbol::Star => return vec![Rect::new(at.x, at.y, badge, badge)],
        };
        (0..5).map(|i| Rect::new(at.x + i as f64 * step, at.y + (badge - size) / 2.0, size, size)).collect()
    }

    fn width(self, badge: f64) -> f64 {
        let pips = self.pips(Point::default(), badge);
        pips.last().map_or(0.0, |p| p.right())
    }

    fn draw(self, at: Point, badge: f64) -> Item {
        let pips = self.pips(at, badge);
        match self {
            Symbol::Badge(mark) => symbols::badge(mark, pips[0]),
            Symbol::Star => symbols::star(pips[0]),
            Symbol::Feeling => symbols::meter("score", &pips, Pip::Dot, 4, Role::Ink),
            Symbol::Effort => symbols::meter("effort", &pips, Pip::Block, 2, Role::Spine),
        }
    }
}

/// Lays out the legend, its entries in rows that wrap.
pub(crate) fn layout(cx: &Context<'_>) -> Region {
    let s = &cx.theme.space;
    let font = cx.caption(Style::Regular);
    let badge = s.badge;
    let content = cx.grid.content;
    let entries = Mark::ALL.into_iter().map(Symbol::Badge).chain([Symbol::Star, Symbol::Feeling, Symbol::Effort]);
    let mut items = Vec::new();
    let (mut x, mut y) = (0.0, 0.0);
    let mut row_bottom: f64 = 0.0;
    let row_h = badge.max(font.line_height());
    for (i, symbol) in entries.enumerate() {
        let words = symbol.words();
        let sym_w = symbol.width(badge);
        let text_w = cx.width(words, font).min(content - sym_w - s.unit);
        let width = sym_w + s.unit + text_w;
        if x > 0.0 && x + width > content {
            x = 0.0;
            y = row_bottom + s.unit;
        }
        let offset = ((row_h - font.line_height()) / 2.0).max(0.0);
        let lines = cx.lines(words, font, Role::Ink, Slot::new(x + sym_w + s.unit, y + offset, text_w));
        let mut content_items = vec![symbol.draw(Point::new(x, y + (row_h - badge) / 2.0), badge)];
        content_items.extend(lines.items);
        let height = row_h.max(offset + lines.height);
        row_bottom = row_bottom.max(y + height);
        let rect = Rect::new(x, y, width, height);
        items.push(boxed(
            Tag::new(format!("legend-{}", i + 1), "legend-item"),
            rect,
            BoxStyle::default(),
            content_items,
        ));
        x += width + s.unit * 4.0;
    }
    Region::new(cx, "legend", row_bottom, items)
}
