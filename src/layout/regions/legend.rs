//! The legend: what each symbol the poster uses means, with how often it
//! is used. Symbols the poster does not use are left out.

use super::{Region, boxed};
use crate::layout::context::{Context, Slot};
use crate::layout::frame::{BoxStyle, Item, Structure, Tag};
use crate::layout::geom::{Point, Rect};
use crate::layout::symbols::{self, Pip};
use crate::model::{Mark, Panel};
use crate::text::Style;
use crate::theme::Role;

/// The legend, as a panel.
pub(crate) const PANEL: super::PanelRegion = super::PanelRegion {
    panel: crate::model::Panel::LEGEND,
    description: "The badge legend.",
    called: "the legend",
    layout,
    has_data,
    shares: super::no_shares,
    side: true,
    drop_rank: Some(2),
};

/// A legend entry's symbol.
#[derive(Clone, Copy, PartialEq)]
enum Symbol {
    Badge(Mark),
    Star,
    Feeling,
    Effort,
    Rank,
}

impl Symbol {
    fn words<'a>(self, cx: &'a Context<'_>) -> &'a str {
        cx.labels.get(match self {
            Symbol::Badge(Mark::Essential) => "legend_essential",
            Symbol::Badge(Mark::Strength) => "legend_strength",
            Symbol::Badge(Mark::Pain) => "legend_pain",
            Symbol::Badge(Mark::WouldPay) => "legend_would_pay",
            Symbol::Star => "legend_moment_of_truth",
            Symbol::Feeling => "legend_feeling",
            Symbol::Effort => "legend_effort",
            Symbol::Rank => "legend_rank",
        })
    }

    /// How many touchpoints or stages carry the symbol.
    fn count(self, cx: &Context<'_>) -> usize {
        let j = cx.journey;
        match self {
            Symbol::Badge(mark) => j.touchpoints().filter(|(_, t)| t.has(mark)).count(),
            Symbol::Star => j.touchpoints().filter(|(_, t)| t.moment_of_truth).count(),
            Symbol::Feeling => j.touchpoints().filter(|(_, t)| t.score.is_some()).count(),
            Symbol::Effort => j.stages.iter().filter(|s| s.effort.is_some()).count(),
            Symbol::Rank => cx.ranked,
        }
    }

    /// The symbol's pips, or its square, with its top left at `at` in a
    /// row `badge` px high.
    fn pips(self, symbols: &crate::theme::Symbols, at: Point, badge: f64) -> Vec<Rect> {
        let (size, step) = match self {
            Symbol::Feeling => (symbols.score_pip, symbols.score_pip * 1.4),
            Symbol::Effort => (symbols.effort_pip, symbols.effort_pip * 1.35),
            Symbol::Badge(_) | Symbol::Star | Symbol::Rank => return vec![Rect::new(at.x, at.y, badge, badge)],
        };
        (0..5).map(|i| Rect::new(at.x + i as f64 * step, at.y + (badge - size) / 2.0, size, size)).collect()
    }

    fn width(self, cx: &Context<'_>, badge: f64) -> f64 {
        if self == Symbol::Rank {
            return super::cards::rank_chip(cx, 1, Point::default()).1;
        }
        let pips = self.pips(&cx.theme.symbols, Point::default(), badge);
        pips.last().map_or(0.0, |p| p.right())
    }

    fn draw(self, cx: &Context<'_>, at: Point, badge: f64) -> Item {
        let pips = self.pips(&cx.theme.symbols, at, badge);
        match self {
            Symbol::Rank => super::cards::rank_chip(cx, 1, at).0,
            Symbol::Badge(mark) => super::mark_badge(cx, mark, pips[0]),
            Symbol::Star => symbols::star(pips[0]),
            Symbol::Feeling => symbols::meter("score", &pips, Pip::Dot, 4, Role::Score(4)),
            Symbol::Effort => symbols::meter("effort", &pips, Pip::Block, 2, Role::Effort),
        }
    }
}

/// The symbols the poster uses, in legend order.
fn used(cx: &Context<'_>) -> Vec<Symbol> {
    let panels = cx.journey.poster.panels.as_deref();
    let shown = |p: Panel| panels.is_none_or(|list| list.contains(&p)) && !cx.left_out.contains(&p);
    let mut symbols: Vec<Symbol> = Vec::new();
    if shown(Panel::TOUCHPOINTS) {
        symbols.extend(Mark::ALL.into_iter().map(Symbol::Badge).chain([Symbol::Star, Symbol::Feeling]));
    }
    if shown(Panel::QUESTIONS) {
        symbols.push(Symbol::Effort);
    }
    if shown(Panel::TOUCHPOINTS) {
        symbols.push(Symbol::Rank);
    }
    symbols.retain(|s| s.count(cx) > 0);
    symbols
}

/// Whether there is anything to explain.
pub(crate) fn has_data(cx: &Context<'_>) -> bool {
    !used(cx).is_empty()
}

/// Lays out the legend, its entries in rows that wrap.
pub(crate) fn layout(cx: &Context<'_>) -> Region {
    let s = &cx.theme.space;
    let font = cx.caption(Style::Regular);
    let badge = s.badge;
    let content = cx.grid.content;
    let entries = used(cx);
    let mut items = Vec::new();
    let (mut x, mut y) = (0.0, 0.0);
    let mut row_bottom: f64 = 0.0;
    let row_h = badge.max(font.line_height());
    for (i, symbol) in entries.into_iter().enumerate() {
        let words = format!("{} · {}", symbol.words(cx), symbol.count(cx));
        let words = words.as_str();
        let sym_w = symbol.width(cx, badge);
        let text_w = cx.width(words, font).min(content - sym_w - s.unit);
        let width = sym_w + s.unit + text_w;
        if x > 0.0 && x + width > content {
            x = 0.0;
            y = row_bottom + s.unit;
        }
        let offset = ((row_h - font.line_height()) / 2.0).max(0.0);
        let lines = cx.lines(words, font, Role::Ink, Slot::new(x + sym_w + s.unit, y + offset, text_w));
        let mut content_items = vec![symbol.draw(cx, Point::new(x, y + (row_h - badge) / 2.0), badge)];
        content_items.extend(lines.items);
        let height = row_h.max(offset + lines.height);
        row_bottom = row_bottom.max(y + height);
        let rect = Rect::new(x, y, width, height);
        items.push(boxed(
            Tag::new(format!("legend-{}", i + 1), "legend-item")
                .data("count", symbol.count(cx).to_string())
                .structure(Structure::ListItem),
            rect,
            BoxStyle::default(),
            content_items,
        ));
        x += width + s.unit * 4.0;
    }
    let mut region = Region::new(cx, "legend", row_bottom, items);
    region.tag = region.tag.structure(Structure::List);
    region
}
