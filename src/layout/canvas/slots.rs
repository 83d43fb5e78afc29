//! The touchpoint row: in each stage column, slots the size of a sticky
//! note, left to right and top to bottom, the map's touchpoints printed
//! in the first of them. A stage with more touchpoints than slots lists
//! the rest by name in its last slot rather than leaving them out.

use super::note::{self, Face, Place};
use super::plan::Plan;
use super::{Part, StageSlots};
use crate::layout::context::{Context, Slot};
use crate::layout::frame::{BoxStyle, Group, Item, Stroke, Structure, Tag};
use crate::layout::geom::Rect;
use crate::layout::regions::questions::{RowHead, label_box, row_label};
use crate::text::Style;
use crate::theme::Role;

/// The row's label.
fn head<'a>(cx: &'a Context<'_>) -> RowHead<'a> {
    RowHead {
        id: "touchpoints",
        key: "touchpoints",
        title: cx.labels.get("touchpoints"),
        question: Some(cx.labels.get("canvas_touchpoints_question")),
    }
}

/// The label's natural height: the row is never shorter.
pub(super) fn label_height(cx: &Context<'_>) -> f64 {
    row_label(cx, &head(cx), 0.0).1
}

/// A slot's outline: dashed, dark enough to print in greyscale.
fn slot_style(cx: &Context<'_>) -> BoxStyle {
    let s = &cx.theme.space;
    BoxStyle {
        fill: None,
        stroke: Some(Stroke { role: Role::Muted, width: s.hairline * 1.5, dash: Some(s.unit), round: false }),
        radius: s.radius,
    }
}

/// The row with `down` rows of `plan.across` slots per stage, `height`
/// tall; what each stage got.
/// The notes are set with `notes`, a context at the cards' print sizes.
pub(super) fn layout(
    cx: &Context<'_>,
    notes: &Context<'_>,
    plan: &Plan,
    down: usize,
    height: f64,
) -> (Part, Vec<StageSlots>) {
    let s = &cx.theme.space;
    let head = head(cx);
    let (label, _) = row_label(cx, &head, 0.0);
    let mut items = vec![label_box(cx, &head, 0.0, height, label)];
    let mut stages = Vec::new();
    let across = plan.across;
    let total = across * down;
    for (i, (stage, col)) in cx.journey.stages.iter().zip(&cx.grid.columns).enumerate() {
        let row_w = across as f64 * plan.slot + (across - 1) as f64 * plan.gap;
        let x0 = col.x + (col.width - row_w) / 2.0;
        let count = stage.touchpoints.len();
        let printed = if count > total { total.saturating_sub(1) } else { count };
        for n in 0..total {
            let rect = Rect::new(
                x0 + (n % across) as f64 * (plan.slot + plan.gap),
                s.cell_padding + (n / across) as f64 * (plan.slot + plan.gap),
                plan.slot,
                plan.slot,
            );
            let mut tag = Tag::new(format!("slot-{}-{}", i + 1, n + 1), "slot")
                .data("stage", &stage.name)
                .data("stage-number", (i + 1).to_string())
                .data("slot", (n + 1).to_string())
                .structure(Structure::ListItem);
            let mut content = Vec::new();
            if let Some(t) = stage.touchpoints.get(n).filter(|_| n < printed) {
                let inset = s.unit / 2.0;
                let card =
                    Rect::new(rect.x + inset, rect.y + inset, rect.width - 2.0 * inset, rect.height - 2.0 * inset);
                let place = Place { stage: i, index: n, stage_name: &stage.name };
                content.push(note::note(notes, t, place, card, Face::Printed));
            } else if n == printed && count > printed {
                tag = tag.data("overflow", (count - printed).to_string());
                content.extend(overflow(notes, stage, printed, rect));
            }
            items.push(Item::Group(Group::boxed(tag, rect, slot_style(cx), content)));
        }
        stages.push(StageSlots { stage: stage.name.clone(), number: i + 1, across, down, touchpoints: count, printed });
    }
    (Part { items, height }, stages)
}

/// The last slot of a stage whose touchpoints do not all fit: how many
/// more there are, and their names, as many as the slot holds.
fn overflow(cx: &Context<'_>, stage: &crate::model::Stage, printed: usize, rect: Rect) -> Vec<Item> {
    let s = &cx.theme.space;
    let pad = s.card_padding;
    let rest = &stage.touchpoints[printed..];
    let heading = cx.labels.plural("canvas_more", rest.len());
    let width = rect.width - 2.0 * pad;
    let bold = cx.caption(Style::Bold);
    let lines = cx.lines(&heading, bold, Role::Ink, Slot::new(rect.x + pad, rect.y + pad, width));
    let mut items = lines.items;
    let mut y = rect.y + pad + lines.height + s.unit / 4.0;
    let regular = cx.caption(Style::Regular);
    let bottom = rect.bottom() - pad;
    for t in rest {
        let room = bottom - y;
        if room < cx.line_box(regular) {
            break;
        }
        let name = note::clipped(
            cx,
            &format!("• {}", t.name),
            regular,
            Role::Ink,
            Slot::new(rect.x + pad, y, width),
            room.min(2.0 * cx.line_box(regular)),
        );
        items.extend(name.items);
        y += name.height;
    }
    items
}
