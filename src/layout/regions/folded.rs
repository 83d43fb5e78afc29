//! Folded cards (SPEC §4.1): a stage with more cards than fit readably
//! keeps the cards that matter — pains, moments of truth, ranked cards —
//! in full, and folds the rest into compact entries under a count. An
//! entry is one line: the card's badges, name and feeling, without the
//! fill, the channel, owner and actors (the unfolded page has them), so
//! a blurred poster shows which cards matter and many fit a column.

use super::boxed;
use super::cards::card_tag;
use crate::layout::context::{Context, Slot};
use crate::layout::document::{Anchor, AnchorKind};
use crate::layout::frame::{BoxStyle, Item, Stroke, Tag};
use crate::layout::geom::{Point, Rect};
use crate::layout::symbols::{self, Pip};
use crate::model::{Mark, Stage, Touchpoint};
use crate::text::Style;
use crate::theme::Role;

/// Whether a card stays whole when its stage folds.
fn matters(cx: &Context<'_>, stage: usize, index: usize, t: &Touchpoint) -> bool {
    t.has(Mark::Pain) || t.moment_of_truth || cx.rank_of(stage, index).is_some()
}

/// The stage's cards drawn whole and those folded, by index: all whole
/// unless the layout folds and the stage has more cards than it allows.
pub(crate) fn split(cx: &Context<'_>, stage: usize, s: &Stage) -> (Vec<usize>, Vec<usize>) {
    let all = 0..s.touchpoints.len();
    match cx.fold {
        Some(most) if s.touchpoints.len() > most => {
            all.partition(|&i| s.touchpoints.get(i).is_some_and(|t| matters(cx, stage, i, t)))
        }
        _ => (all.collect(), Vec::new()),
    }
}

/// What a stage's folded entries add to the row: the items, their
/// anchors, and where they end.
pub(crate) struct Folded {
    pub(crate) items: Vec<Item>,
    pub(crate) anchors: Vec<Anchor>,
    pub(crate) bottom: f64,
}

/// The count, then one compact entry per folded card, from `top` in the
/// column `x`, `width`.
pub(crate) fn layout(cx: &Context<'_>, stage: usize, s: &Stage, folded: &[usize], column: Slot) -> Folded {
    let space = &cx.theme.space;
    let Slot { x, top, width } = column;
    let count = cx.labels.plural("folded", folded.len());
    let lines = cx.lines(&count, cx.caption(Style::Italic), Role::Muted, Slot::new(x, top, width));
    let number = cx.first_stage + stage + 1;
    let tag = Tag::new(format!("folded-{number}"), "folded").data("count", folded.len().to_string());
    let head = Rect::new(x, top, width, lines.height);
    let mut items = vec![boxed(tag, head, BoxStyle::default(), lines.items)];
    let mut anchors = Vec::new();
    let mut y = head.bottom() + space.card_gap / 2.0;
    for &index in folded {
        let Some(t) = s.touchpoints.get(index) else { continue };
        let (entry, rect) = compact(cx, stage, index, t, Slot::new(x, y, width));
        anchors.push(Anchor {
            id: format!("card-{number}-{}", index + 1),
            kind: AnchorKind::Card { stage, index },
            rect,
        });
        items.push(entry);
        y = rect.bottom() + space.card_gap / 2.0;
    }
    Folded { items, anchors, bottom: y - space.card_gap / 2.0 }
}

/// A folded card on one line: its badges (a quiet dash when it has
/// none: not assessed), its name in the caption's bold, and its feeling
/// (a pip in the score's colour and the score) at the right, in a
/// hairline box without fill. The name wraps under
/// itself only where the line cannot hold it. Where the room between
/// badges and feeling is too narrow for a word of the name, the name
/// goes under them, the column's width; in a column too narrow for
/// badges and feeling side by side, the feeling goes under the name.
fn compact(cx: &Context<'_>, stage: usize, index: usize, t: &Touchpoint, slot: Slot) -> (Item, Rect) {
    let s = &cx.theme.space;
    let pad = s.unit / 2.0;
    let inner = Slot::new(slot.x + pad, slot.top + pad, slot.width - 2.0 * pad);
    let font = cx.caption(Style::Bold);
    let row = cx.line_box(font);
    let (mut items, left) = marks(cx, t, inner, row);
    let score = t.score.map(|sc| sc.get());
    let meter_w = score.map_or(0.0, |sc| feeling_width(cx, sc));
    let right = if score.is_some() { meter_w + s.unit / 2.0 } else { 0.0 };
    let longest = t.name.split_whitespace().map(|w| cx.width(w, font)).fold(0.0, f64::max);
    let under = Slot::new(inner.x, inner.top + row, inner.width);
    let (name_slot, meter_on_top) = if left + longest + right <= inner.width {
        (Slot::new(inner.x + left, inner.top, inner.width - left - right), true)
    } else {
        (under, left + right <= inner.width)
    };
    let name = cx.lines(&t.name, font, Role::Ink, name_slot);
    let mut bottom = (inner.top + row).max(name_slot.top + name.height);
    items.extend(name.items);
    if let Some(score) = score {
        let at = if meter_on_top {
            Point::new(inner.x + inner.width - meter_w, inner.top)
        } else {
            bottom += s.unit / 4.0;
            Point::new(inner.x, bottom)
        };
        items.extend(feeling(cx, at, row, score));
        bottom = bottom.max(at.y + row);
    }
    let rect = Rect::new(slot.x, slot.top, slot.width, bottom + pad - slot.top);
    let mut tag = card_tag(cx, stage, index, t, None);
    tag.class = "touchpoint folded".to_owned();
    let style = BoxStyle { fill: None, stroke: Some(Stroke::solid(Role::Rule, s.hairline)), radius: s.radius };
    (boxed(tag, rect, style, items), rect)
}

/// A folded card's badges, a line box high, from the left of `inner`,
/// or a quiet dash in a badge's place where it has no marks (it is not
/// assessed); returns them and the width they take with the gap after.
fn marks(cx: &Context<'_>, t: &Touchpoint, inner: Slot, row: f64) -> (Vec<Item>, f64) {
    let s = &cx.theme.space;
    let (gap, after) = (s.unit / 2.0, s.unit * 0.75);
    let size = s.badge.min(row);
    if t.marks.is_empty() {
        // In a badge's place, so the names line up.
        let font = cx.caption(Style::Regular);
        let width = cx.width("—", font);
        let at = Point::new(inner.x + (size - width).max(0.0) / 2.0, inner.top);
        let (dash, _) = cx.line_at("—", font, Role::Muted, at);
        return (vec![Item::Text(dash)], size.max(width) + after);
    }
    let mut sorted = t.marks.clone();
    sorted.sort();
    let items = sorted
        .iter()
        .enumerate()
        .map(|(i, mark)| {
            let rect = Rect::new(inner.x + i as f64 * (size + gap), inner.top + (row - size) / 2.0, size, size);
            super::mark_badge(cx, *mark, rect)
        })
        .collect();
    let n = sorted.len() as f64;
    (items, n * size + (n - 1.0) * gap + after)
}

/// The width of a folded card's feeling: a pip and the score.
fn feeling_width(cx: &Context<'_>, score: u8) -> f64 {
    cx.theme.symbols.score_pip + cx.theme.space.unit / 4.0 + cx.width(&score.to_string(), cx.caption(Style::Bold))
}

/// A folded card's feeling from `at` (its left, and the top of a row
/// `row` high it is centred in): one pip in the score's colour, then the
/// score; the whole card's five pips are on the unfolded page.
fn feeling(cx: &Context<'_>, at: Point, row: f64, score: u8) -> Vec<Item> {
    let pip = cx.theme.symbols.score_pip;
    let dot = Rect::new(at.x, at.y + (row - pip) / 2.0, pip, pip);
    let meter = symbols::meter("score", &[dot], Pip::Dot, score, Role::Score(score));
    let font = cx.caption(Style::Bold);
    let number_at = Point::new(at.x + pip + cx.theme.space.unit / 4.0, at.y + (row - cx.line_box(font)) / 2.0);
    let (number, _) = cx.line_at(&score.to_string(), font, Role::Ink, number_at);
    vec![meter, Item::Text(number)]
}
