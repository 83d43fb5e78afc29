//! The touchpoint row: a stack of cards per stage. A card shows its badges
//! and score on top, then its name, channel · owner and actors.

use super::questions::{RowHead, label_box, row_label};
use super::{Region, boxed, dashed};
use crate::layout::context::{Context, Font, Slot};
use crate::layout::document::{Anchor, AnchorKind};
use crate::layout::frame::{BoxStyle, Item, Stroke, Tag};
use crate::layout::geom::{Point, Rect};
use crate::layout::symbols::{self, Pip};
use crate::model::Touchpoint;
use crate::priorities::Class;
use crate::text::Style;
use crate::theme::Role;

/// Lays out the touchpoint row.
pub(crate) fn layout(cx: &Context<'_>) -> Region {
    let s = &cx.theme.space;
    let head = RowHead {
        id: "touchpoints",
        key: "touchpoints",
        title: "Touchpoints",
        question: Some("Every interaction, marked by the team"),
    };
    let (label, label_h) = row_label(cx, &head, 0.0);
    let mut items = Vec::new();
    let mut anchors = Vec::new();
    let mut bottom = label_h;
    for (i, (stage, col)) in cx.journey.stages.iter().zip(&cx.grid.columns).enumerate() {
        let mut y = 0.0;
        if stage.touchpoints.is_empty() {
            let pad = s.cell_padding;
            let lines = cx.lines(
                "— no touchpoints listed",
                cx.caption(Style::Italic),
                Role::Muted,
                Slot::new(col.x + pad, y + pad, col.width - 2.0 * pad),
            );
            let tag = Tag::new(format!("cell-{}-touchpoints", i + 1), "cell")
                .data("stage", &stage.name)
                .data("stage-number", (i + 1).to_string())
                .data("row", "touchpoints");
            let rect = Rect::new(col.x, y, col.width, lines.height + 2.0 * pad);
            items.push(boxed(tag, rect, dashed(cx), lines.items));
            y += rect.height + s.card_gap;
        }
        for (index, t) in stage.touchpoints.iter().enumerate() {
            let (card, rect) = card(cx, i, index, t, Slot::new(col.x, y, col.width));
            anchors.push(Anchor {
                id: format!("card-{}-{}", i + 1, index + 1),
                kind: AnchorKind::Card { stage: i, index },
                rect,
            });
            items.push(card);
            y = rect.bottom() + s.card_gap;
        }
        bottom = bottom.max(y - s.card_gap);
    }
    items.insert(0, label_box(cx, &head, 0.0, bottom, label));
    let mut region = Region::new(cx, "touchpoints", bottom, items);
    region.anchors = anchors;
    region.on_grid = true;
    region
}

/// A touchpoint card in `slot`; returns the card and its box.
fn card(cx: &Context<'_>, stage: usize, index: usize, t: &Touchpoint, slot: Slot) -> (Item, Rect) {
    let Slot { x, top, width } = slot;
    let s = &cx.theme.space;
    let ts = &cx.theme.type_scale;
    let pad = s.card_padding;
    let inner_x = x + pad;
    let inner_w = width - 2.0 * pad;
    let mut items = Vec::new();
    let mut y = top + pad;

    // Top row: the star and the score at the right, badges from the left.
    // Badges that do not fit wrap onto further rows, and a score that does
    // not fit gets a row of its own: a mark is never left out.
    let badge = s.badge;
    let mut right = inner_x + inner_w;
    if t.moment_of_truth && inner_w >= badge {
        right -= badge;
        items.push(symbols::star(Rect::new(right, y, badge, badge)));
        right -= s.unit;
    }
    let pip = badge * 0.55;
    let pip_gap = pip * 0.4;
    let pips_width = 5.0 * pip + 4.0 * pip_gap;
    let score_pips = |x0: f64, row: f64, level: u8| {
        let pips: Vec<Rect> =
            (0..5).map(|i| Rect::new(x0 + i as f64 * (pip + pip_gap), row + (badge - pip) / 2.0, pip, pip)).collect();
        symbols::meter("score", &pips, Pip::Dot, level, Role::Ink)
    };
    let mut score_left = t.score;
    if let Some(score) = t.score {
        if right - pips_width >= inner_x + badge {
            items.push(score_pips(right - pips_width, y, score.get()));
            right -= pips_width + s.unit;
            score_left = None;
        }
    }
    // Badges in legend order, whatever order the file lists them in, so the
    // same mark sits in the same place on every card.
    let mut marks = t.marks.clone();
    marks.sort();
    let (mut bx, mut row_y, mut limit) = (inner_x, y, right);
    for mark in marks {
        if bx > inner_x && bx + badge > limit {
            (bx, row_y, limit) = (inner_x, row_y + badge + s.unit / 2.0, inner_x + inner_w);
        }
        items.push(symbols::badge(mark, Rect::new(bx, row_y, badge, badge)));
        bx += badge + s.unit * 0.75;
    }
    if let Some(score) = score_left {
        row_y += badge + s.unit / 2.0;
        items.push(score_pips(inner_x, row_y, score.get()));
    }
    if t.marks.is_empty() {
        let font = cx.caption(Style::Italic);
        let label = "not assessed";
        if inner_x + cx.width(label, font) <= right {
            let at = Point::new(inner_x, y + (badge - font.line_height()) / 2.0);
            items.push(Item::Text(cx.line_at(label, font, Role::Muted, at).0));
        }
    }
    if !items.is_empty() {
        y = row_y + badge + s.unit;
    }

    let name_font = Font { style: Style::Bold, size: ts.card_title, leading: ts.heading_line_height };
    let name = cx.lines(&t.name, name_font, Role::Ink, Slot::new(inner_x, y, inner_w));
    items.extend(name.items);
    y += name.height;

    let meta: Vec<&str> = [t.channel.as_deref(), t.owner.as_deref()].into_iter().flatten().collect();
    if !meta.is_empty() {
        let lines = cx.lines(
            &meta.join(" · "),
            cx.caption(Style::Regular),
            Role::Muted,
            Slot::new(inner_x, y + s.unit / 4.0, inner_w),
        );
        items.extend(lines.items);
        y += lines.height + s.unit / 4.0;
    }
    if !t.actors.is_empty() {
        let text = format!("With {}", t.actors.join(", "));
        let lines = cx.lines(&text, cx.caption(Style::Italic), Role::Muted, Slot::new(inner_x, y, inner_w));
        items.extend(lines.items);
        y += lines.height;
    }
    let stroke = if t.moment_of_truth {
        Stroke::solid(Role::MomentOfTruth, s.mot_outline)
    } else {
        Stroke::solid(Role::Rule, s.hairline)
    };
    let stage_name = &cx.journey.stages[stage].name;
    let mut tag = Tag::new(format!("card-{}-{}", stage + 1, index + 1), "touchpoint")
        .data("stage", stage_name)
        .data("stage-number", (stage + 1).to_string())
        .data("priority", Class::of(t).as_str());
    if t.moment_of_truth {
        tag = tag.data("moment-of-truth", "true");
    }
    let tag = tag.title(t.note.clone());
    let rect = Rect::new(x, top, width, y + pad - top);
    let style = BoxStyle { fill: Some(Role::Surface), stroke: Some(stroke), radius: s.radius };
    (boxed(tag, rect, style, items), rect)
}
