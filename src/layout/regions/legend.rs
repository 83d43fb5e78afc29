//! The legend: each mark and symbol the poster uses, drawn as it appears
//! on a card, with what it means and how many touchpoints (or stages)
//! carry it. Symbols the poster does not use are left out.

use super::{Region, boxed};
use crate::layout::context::{Context, LIST_SEPARATOR, Lines, Slot};
use crate::layout::frame::{BoxStyle, Geometry, Group, Item, Shape, Stroke, Structure, Tag};
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
};

/// A legend entry's symbol.
#[derive(Clone, Copy, PartialEq)]
enum Symbol {
    Badge(Mark),
    /// A card marked both strength and pain: its two badges side by side.
    StrengthAndPain,
    /// A moment of truth: the card's heavy frame with the star in it.
    MomentOfTruth,
    /// The score ramp, 1 to 5, each dot in its own colour.
    Feeling,
    Effort,
    Rank,
    /// A diff poster's chip for one kind of change (a ghost for removed).
    Change(crate::diff::Kind),
    /// A diff poster's health change, "−1 → +2".
    HealthChange,
    /// A diff poster's old curve, dashed.
    OldCurve,
}

impl Symbol {
    fn words<'a>(self, cx: &'a Context<'_>) -> &'a str {
        cx.labels.get(match self {
            Symbol::Badge(Mark::Essential) => "legend_essential",
            Symbol::Badge(Mark::Strength) => "legend_strength",
            Symbol::Badge(Mark::Pain) => "legend_pain",
            Symbol::Badge(Mark::WouldPay) => "legend_would_pay",
            Symbol::StrengthAndPain => "legend_strength_and_pain",
            Symbol::MomentOfTruth => "legend_moment_of_truth",
            Symbol::Feeling => "legend_feeling",
            Symbol::Effort => "legend_effort",
            Symbol::Rank => "legend_rank",
            Symbol::Change(kind) => return cx.labels.get(&format!("legend_change_{}", kind.as_str())),
            Symbol::HealthChange => "legend_change_health",
            Symbol::OldCurve => "legend_old_curve",
        })
    }

    /// The entry's `data-symbol`, for scripts that read the SVG.
    fn name(self) -> &'static str {
        match self {
            Symbol::Badge(mark) => mark.as_str(),
            Symbol::StrengthAndPain => "strength-and-pain",
            Symbol::MomentOfTruth => "moment-of-truth",
            Symbol::Feeling => "score",
            Symbol::Effort => "effort",
            Symbol::Rank => "rank",
            Symbol::Change(kind) => kind.as_str(),
            Symbol::HealthChange => "health-change",
            Symbol::OldCurve => "old-curve",
        }
    }

    /// How many touchpoints or stages carry the symbol.
    fn count(self, cx: &Context<'_>) -> usize {
        let j = cx.journey;
        match self {
            Symbol::Badge(mark) => j.touchpoints().filter(|(_, t)| t.has(mark)).count(),
            Symbol::StrengthAndPain => {
                j.touchpoints().filter(|(_, t)| t.has(Mark::Strength) && t.has(Mark::Pain)).count()
            }
            Symbol::MomentOfTruth => j.touchpoints().filter(|(_, t)| t.moment_of_truth).count(),
            Symbol::Feeling => j.touchpoints().filter(|(_, t)| t.score.is_some()).count(),
            Symbol::Effort => j.stages.iter().filter(|s| s.effort.is_some()).count(),
            Symbol::Rank => cx.ranked,
            Symbol::Change(kind) => cx.diff.map_or(0, |d| d.counts.iter().find(|(k, _)| *k == kind).map_or(0, |c| c.1)),
            Symbol::HealthChange => cx.diff.map_or(0, |d| d.health.iter().flatten().count()),
            Symbol::OldCurve => cx.diff.map_or(0, |d| d.old_means.iter().flatten().count()),
        }
    }

    /// The count in words: "9 touchpoints", "5 stages".
    fn counted(self, cx: &Context<'_>) -> String {
        let stages = matches!(self, Symbol::Effort | Symbol::HealthChange | Symbol::OldCurve);
        let key = if stages { "legend_stages" } else { "legend_touchpoints" };
        cx.labels.plural(key, self.count(cx))
    }

    /// The pips of a meter or ramp, left to right, with their top left at
    /// `at` in a row `badge` px high.
    fn pips(self, cx: &Context<'_>, at: Point, badge: f64) -> Vec<Rect> {
        let symbols = &cx.theme.symbols;
        let (size, step) = match self {
            Symbol::Effort => (symbols.effort_pip, symbols.effort_pip * 1.35),
            _ => (symbols.score_pip, symbols.score_pip * 1.4),
        };
        (0..5).map(|i| Rect::new(at.x + i as f64 * step, at.y + (badge - size) / 2.0, size, size)).collect()
    }

    /// The symbol's width and height.
    fn size(self, cx: &Context<'_>) -> (f64, f64) {
        let s = &cx.theme.space;
        let badge = s.badge;
        match self {
            Symbol::Badge(_) => (badge, badge),
            Symbol::StrengthAndPain => (2.0 * badge + s.unit * 0.75, badge),
            Symbol::MomentOfTruth => (2.0 * badge + s.unit / 2.0, badge + s.unit / 2.0),
            Symbol::Feeling | Symbol::Effort => {
                (self.pips(cx, Point::default(), badge).last().map_or(0.0, |p| p.right()), badge)
            }
            Symbol::Rank => (super::cards::rank_chip(cx, 1, Point::default()).1, badge),
            Symbol::Change(_) | Symbol::HealthChange | Symbol::OldCurve => {
                let r = super::changes::sample(cx, self.change_sample(), Point::default());
                (r.1.width, r.1.height)
            }
        }
    }

    /// The symbol with its top left at `at`, centred in a row `row` px high.
    fn draw(self, cx: &Context<'_>, at: Point, row: f64) -> Item {
        let s = &cx.theme.space;
        let badge = s.badge;
        let (w, h) = self.size(cx);
        let at = Point::new(at.x, at.y + (row - h) / 2.0);
        let square = Rect::new(at.x, at.y, badge, badge);
        match self {
            Symbol::Rank => super::cards::rank_chip(cx, 1, at).0,
            Symbol::Badge(mark) => super::mark_badge(cx, mark, square),
            Symbol::StrengthAndPain => {
                let second = Rect::new(at.x + w - badge, at.y, badge, badge);
                let badges =
                    vec![super::mark_badge(cx, Mark::Strength, square), super::mark_badge(cx, Mark::Pain, second)];
                Item::Group(Group::new(Some(Tag::class("badges strength-and-pain")), badges))
            }
            Symbol::MomentOfTruth => frame_and_star(cx, Rect::new(at.x, at.y, w, h)),
            Symbol::Feeling => {
                let dots = self.pips(cx, at, badge).into_iter().zip(1..=5u8).map(|(pip, score)| {
                    let dot = Geometry::Circle { center: pip.center(), radius: pip.width.min(pip.height) / 2.0 };
                    Item::Shape(Shape::filled(dot, Role::Score(score)))
                });
                Item::Group(Group::new(Some(Tag::class("ramp score")), dots.collect()))
            }
            Symbol::Effort => symbols::meter("effort", &self.pips(cx, at, badge), Pip::Block, 2, Role::Effort),
            Symbol::Change(_) | Symbol::HealthChange | Symbol::OldCurve => {
                super::changes::sample(cx, self.change_sample(), at).0
            }
        }
    }

    /// Which change sample a diff poster's entry draws.
    fn change_sample(self) -> super::changes::Sample {
        match self {
            Symbol::Change(kind) => super::changes::Sample::Chip(kind),
            Symbol::HealthChange => super::changes::Sample::Health,
            _ => super::changes::Sample::OldCurve,
        }
    }
}

/// A moment of truth as a card shows it, in `rect`: the card's surface in
/// the heavy moment-of-truth outline, the star in its top right corner.
fn frame_and_star(cx: &Context<'_>, rect: Rect) -> Item {
    let s = &cx.theme.space;
    let line = s.mot_outline;
    // The outline is centred on its path: inset by half of it, it stays
    // inside the symbol's box.
    let outline = Rect::new(rect.x + line / 2.0, rect.y + line / 2.0, rect.width - line, rect.height - line);
    let card = Shape {
        geometry: Geometry::Rect { rect: outline, radius: s.radius },
        fill: Some(Role::Surface),
        stroke: Some(Stroke::solid(Role::MomentOfTruth, line)),
    };
    let inset = line + s.unit / 4.0;
    let star = rect.height - 2.0 * inset;
    let star = symbols::star(Rect::new(rect.right() - inset - star, rect.y + inset, star, star));
    Item::Group(Group::new(Some(Tag::class("frame moment-of-truth")), vec![Item::Shape(card), star]))
}

/// An entry's words wrapped into `slot`, then its count after the last
/// line behind a separator ("· 9 touchpoints"), or on a line of its own
/// without one when it does not fit there: a count is never broken, and
/// no line ends on a separator with nothing after it.
fn text(cx: &Context<'_>, (words, counted): (&str, &str), slot: Slot) -> Lines {
    let font = cx.caption(Style::Regular);
    let mut lines = cx.lines(words, font, Role::Ink, slot);
    let line_h = cx.line_box(font);
    let last_right = match lines.items.last() {
        Some(Item::Text(line)) => line.bounds().right(),
        _ => slot.x,
    };
    let after = last_right + cx.width(" ", font);
    let behind = format!("{LIST_SEPARATOR} {counted}");
    let (count, at) = if after + cx.width(&behind, font) <= slot.x + slot.width + 0.01 {
        (behind.as_str(), Point::new(after, slot.top + lines.height - line_h))
    } else {
        lines.height += line_h;
        (counted, Point::new(slot.x, slot.top + lines.height - line_h))
    };
    lines.items.push(Item::Text(cx.line_at(count, font, Role::Ink, at).0));
    lines
}

/// The symbols the poster uses, in legend order.
fn used(cx: &Context<'_>) -> Vec<Symbol> {
    let panels = cx.journey.poster.panels.as_deref();
    let shown = |p: Panel| panels.is_none_or(|list| list.contains(&p)) && !cx.left_out.contains(&p);
    let mut symbols: Vec<Symbol> = Vec::new();
    // The marks are drawn on the cards, and without cards (the summary)
    // on the priorities and, as colours and stars, on the curve.
    if shown(Panel::TOUCHPOINTS) || shown(Panel::PRIORITIES) || shown(Panel::CURVE) {
        symbols.extend([Mark::Essential, Mark::Strength, Mark::Pain].map(Symbol::Badge));
        symbols.extend([
            Symbol::StrengthAndPain,
            Symbol::Badge(Mark::WouldPay),
            Symbol::MomentOfTruth,
            Symbol::Feeling,
        ]);
    }
    if shown(Panel::QUESTIONS) {
        symbols.push(Symbol::Effort);
    }
    if shown(Panel::TOUCHPOINTS) {
        symbols.push(Symbol::Rank);
    }
    // A diff poster explains its change marks where they are drawn.
    if cx.diff.is_some() {
        if shown(Panel::TOUCHPOINTS) {
            symbols.extend(crate::diff::Kind::ALL.map(Symbol::Change));
        }
        if shown(Panel::HEALTH) {
            symbols.push(Symbol::HealthChange);
        }
        if shown(Panel::CURVE) {
            symbols.push(Symbol::OldCurve);
        }
    }
    symbols.retain(|s| s.count(cx) > 0);
    symbols
}

/// A legend entry for a slide of its own: the symbol drawn with its top
/// left at the origin, its size, its words and its count in words.
pub(crate) struct Explained {
    pub(crate) symbol: Item,
    pub(crate) size: (f64, f64),
    pub(crate) words: String,
    pub(crate) counted: String,
    /// Its `data-symbol`.
    pub(crate) name: &'static str,
}

/// Every entry the poster's legend would show, drawn as on the poster.
pub(crate) fn explained(cx: &Context<'_>) -> Vec<Explained> {
    used(cx)
        .into_iter()
        .map(|symbol| {
            let size = symbol.size(cx);
            Explained {
                symbol: symbol.draw(cx, Point::default(), size.1),
                size,
                words: symbol.words(cx).to_owned(),
                counted: symbol.counted(cx),
                name: symbol.name(),
            }
        })
        .collect()
}

/// Whether there is anything to explain.
pub(crate) fn has_data(cx: &Context<'_>) -> bool {
    !used(cx).is_empty()
}

/// Lays out the legend, its entries in rows that wrap. Every row is as
/// high as the tallest symbol, so the texts of a row share a baseline.
pub(crate) fn layout(cx: &Context<'_>) -> Region {
    let s = &cx.theme.space;
    let font = cx.caption(Style::Regular);
    let content = cx.grid.content;
    let entries = used(cx);
    let mut items = Vec::new();
    let (mut x, mut y) = (0.0, 0.0);
    let mut row_bottom: f64 = 0.0;
    let row_h = entries.iter().map(|e| e.size(cx).1).fold(font.line_height(), f64::max);
    for (i, symbol) in entries.into_iter().enumerate() {
        let (words, counted) = (symbol.words(cx), symbol.counted(cx));
        let sym_w = symbol.size(cx).0;
        let whole = cx.width(&format!("{words} {LIST_SEPARATOR} {counted}"), font);
        let text_w = whole.min(content - sym_w - s.unit).max(cx.width(&counted, font));
        let width = sym_w + s.unit + text_w;
        if x > 0.0 && x + width > content {
            x = 0.0;
            y = row_bottom + s.unit;
        }
        let offset = ((row_h - font.line_height()) / 2.0).max(0.0);
        let lines = text(cx, (words, &counted), Slot::new(x + sym_w + s.unit, y + offset, text_w));
        let mut content_items = vec![symbol.draw(cx, Point::new(x, y), row_h)];
        content_items.extend(lines.items);
        let height = row_h.max(offset + lines.height);
        row_bottom = row_bottom.max(y + height);
        let rect = Rect::new(x, y, width, height);
        items.push(boxed(
            Tag::new(format!("legend-{}", i + 1), "legend-item")
                .data("symbol", symbol.name())
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
