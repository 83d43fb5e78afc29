//! Folded cards (SPEC §4.1): a stage with more cards than fit readably
//! keeps the cards that matter — pains, moments of truth, ranked cards —
//! in full, and folds the rest into compact entries under a count. An
//! entry keeps the card's badges, feeling and name, without the fill,
//! the channel, owner and actors (the PDF's unfolded page has them), so
//! a blurred poster shows which cards matter.

use super::boxed;
use super::cards::{card_tag, top_row};
use crate::layout::context::{Context, Slot};
use crate::layout::document::{Anchor, AnchorKind};
use crate::layout::frame::{BoxStyle, Item, Stroke, Tag};
use crate::layout::geom::Rect;
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

/// A folded card: badges and feeling on top, the name under them in the
/// caption's bold, in a hairline box without fill.
fn compact(cx: &Context<'_>, stage: usize, index: usize, t: &Touchpoint, slot: Slot) -> (Item, Rect) {
    let s = &cx.theme.space;
    let pad = s.unit / 2.0;
    let inner = Slot::new(slot.x + pad, slot.top + pad, slot.width - 2.0 * pad);
    let (mut items, y) = top_row(cx, t, None, inner);
    let name = cx.lines(&t.name, cx.caption(Style::Bold), Role::Ink, Slot::new(inner.x, y - s.unit / 4.0, inner.width));
    let bottom = y - s.unit / 4.0 + name.height;
    items.extend(name.items);
    let rect = Rect::new(slot.x, slot.top, slot.width, bottom + pad - slot.top);
    let mut tag = card_tag(cx, stage, index, t, None);
    tag.class = "touchpoint folded".to_owned();
    let style = BoxStyle { fill: None, stroke: Some(Stroke::solid(Role::Rule, s.hairline)), radius: s.radius };
    (boxed(tag, rect, style, items), rect)
}
