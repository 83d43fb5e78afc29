//! The touchpoint row: a stack of cards per stage. A card shows its badges
//! and score on top, then its name, channel · owner and actors.

use super::questions::{RowHead, label_box, row_label};
use super::{Region, boxed, dashed};
use crate::layout::context::{Context, Font, Slot};
use crate::layout::document::{Anchor, AnchorKind};
use crate::layout::frame::{BoxStyle, Geometry, Group, Item, Shape, Stroke, Structure, Tag};
use crate::layout::geom::{Point, Rect};
use crate::layout::symbols::{self, Pip};
use crate::model::Touchpoint;
use crate::priorities::Class;
use crate::text::Style;
use crate::theme::Role;

/// The touchpoint cards, as a panel.
pub(crate) const PANEL: super::PanelRegion = super::PanelRegion {
    panel: crate::model::Panel::TOUCHPOINTS,
    description: "The touchpoint cards.",
    called: "the touchpoint cards",
    layout,
    has_data: |cx| cx.journey.touchpoints().next().is_some(),
    shares: super::no_shares,
    side: false,
};

/// Lays out the touchpoint row.
pub(crate) fn layout(cx: &Context<'_>) -> Region {
    let s = &cx.theme.space;
    let head = RowHead::labelled(cx, "touchpoints", "touchpoints");
    let (label, label_h) = row_label(cx, &head, 0.0);
    let hidden = customer_actors(cx);
    let mut items = Vec::new();
    let mut anchors = Vec::new();
    let mut bottom = label_h;
    for (i, (stage, col)) in cx.journey.stages.iter().zip(&cx.grid.columns).enumerate() {
        let mut y = 0.0;
        if stage.touchpoints.is_empty() {
            let (cell, rect) = no_touchpoints(cx, i, Slot::new(col.x, y, col.width));
            items.push(cell);
            y += rect.height + s.card_gap;
        }
        let (whole, folded) = super::folded::split(cx, i, stage);
        for index in whole {
            let Some(t) = stage.touchpoints.get(index) else { continue };
            let (card, rect) = card(cx, i, index, t, Slot::new(col.x, y, col.width), &hidden);
            anchors.push(Anchor {
                id: format!("card-{}-{}", cx.first_stage + i + 1, index + 1),
                kind: AnchorKind::Card { stage: i, index },
                rect,
            });
            items.push(card);
            y = rect.bottom() + s.card_gap;
        }
        if !folded.is_empty() {
            let more = super::folded::layout(cx, i, stage, &folded, Slot::new(col.x, y, col.width));
            items.extend(more.items);
            anchors.extend(more.anchors);
            y = more.bottom + s.card_gap;
        }
        // A diff poster shows the cards removed from the stage after its
        // own, faintly.
        let ghosts = cx.diff.map_or(&[][..], |d| d.ghosts(i));
        for (k, ghost) in ghosts.iter().enumerate() {
            let slot = Slot::new(col.x, y, col.width);
            let (item, rect) = super::changes::ghost(cx, i, k, &ghost.touchpoint, slot);
            items.push(item);
            y = rect.bottom() + s.card_gap;
        }
        bottom = bottom.max(y - s.card_gap);
    }
    items.insert(0, label_box(cx, &head, 0.0, bottom, label));
    let mut region = Region::new(cx, "touchpoints", bottom, items);
    region.tag = region.tag.structure(Structure::List);
    region.anchors = anchors;
    region.on_grid = true;
    region
}

/// The dashed cell of a stage that lists no touchpoints, in `slot`;
/// returns it and its box.
pub(crate) fn no_touchpoints(cx: &Context<'_>, stage: usize, slot: Slot) -> (Item, Rect) {
    let pad = cx.theme.space.cell_padding;
    let lines = cx.lines(
        cx.labels.get("no_touchpoints"),
        cx.caption(Style::Italic),
        Role::Muted,
        Slot::new(slot.x + pad, slot.top + pad, slot.width - 2.0 * pad),
    );
    let number = cx.first_stage + stage + 1;
    let tag = Tag::new(format!("cell-{number}-touchpoints"), "cell")
        .data("stage", &cx.journey.stages[stage].name)
        .data("stage-number", number.to_string())
        .data("row", "touchpoints");
    let rect = Rect::new(slot.x, slot.top, slot.width, lines.height + 2.0 * pad);
    (boxed(tag, rect, dashed(cx), lines.items), rect)
}

/// Actors the cards leave out: the customer, who is on every card. An
/// actor is the customer when the persona names it ("Frequent business
/// traveller" names "Traveller"), or when it is on every card that lists
/// actors (at least three).
pub(crate) fn customer_actors(cx: &Context<'_>) -> Vec<String> {
    let persona = cx.journey.persona.as_deref().unwrap_or("").to_lowercase();
    let with: Vec<&Touchpoint> = cx.journey.touchpoints().map(|(_, t)| t).filter(|t| !t.actors.is_empty()).collect();
    let mut actors: Vec<String> = with.iter().flat_map(|t| t.actors.iter()).map(|a| a.trim().to_lowercase()).collect();
    actors.sort_unstable();
    actors.dedup();
    actors
        .into_iter()
        .filter(|a| {
            let named = !a.is_empty() && persona.split_whitespace().any(|w| w == a || w.trim_end_matches('s') == a);
            let everywhere =
                with.len() >= 3 && with.iter().all(|t| t.actors.iter().any(|x| x.trim().to_lowercase() == *a));
            named || everywhere || (!persona.is_empty() && persona == *a)
        })
        .collect()
}

/// A rank chip, "#3" in the surface colour on ink, a badge high, with its
/// top left at `at`; returns the chip and its width.
pub(crate) fn rank_chip(cx: &Context<'_>, rank: usize, at: Point) -> (Item, f64) {
    rank_chip_in(cx, rank, cx.caption(Style::Bold), Rect::new(at.x, at.y, 0.0, cx.theme.space.badge))
}

/// A rank chip set in `font`, its top left and height those of `room`
/// (whose width is ignored: the chip is as wide as its number); returns
/// the chip and its width. The priorities panel sets its first actions'
/// chips larger, in the same shape as the cards'.
pub(crate) fn rank_chip_in(cx: &Context<'_>, rank: usize, font: Font, room: Rect) -> (Item, f64) {
    let text = format!("#{rank}");
    // A card's chip is a badge high with 3/8 of a unit each side of its
    // number; a taller chip keeps those proportions.
    let s = &cx.theme.space;
    let inset = s.unit * 0.375 * room.height / s.badge;
    let w = cx.width(&text, font) + 2.0 * inset;
    let chip = Rect::new(room.x, room.y, w, room.height);
    let line_box = cx.line_box(font);
    let (line, _) =
        cx.line_at(&text, font, Role::Surface, Point::new(room.x + inset, chip.center().y - line_box / 2.0));
    let shape = Shape::filled(Geometry::Rect { rect: chip, radius: room.height / 2.0 }, Role::Ink);
    let tag = Tag::class("rank").data("rank", rank.to_string());
    (Item::Group(Group::new(Some(tag), vec![Item::Shape(shape), Item::Text(line)])), w)
}

/// Whether the card belongs to the highlighted owner (always, when none is).
fn highlighted(cx: &Context<'_>, t: &Touchpoint) -> bool {
    cx.highlight.is_none_or(|owner| t.owner.as_deref().is_some_and(|o| o.trim().eq_ignore_ascii_case(owner.trim())))
}

/// A touchpoint card in `slot`; returns the card and its box.
pub(crate) fn card(
    cx: &Context<'_>,
    stage: usize,
    index: usize,
    t: &Touchpoint,
    slot: Slot,
    hidden: &[String],
) -> (Item, Rect) {
    let Slot { x, top, width } = slot;
    let s = &cx.theme.space;
    let pad = s.card_padding;
    let inner = Slot::new(x + pad, top + pad, width - 2.0 * pad);
    let rank = cx.rank_of(stage, index);
    let (mut items, y) = top_row(cx, t, rank, inner);
    let (text, mut y) = card_text(cx, t, hidden, Slot::new(inner.x, y, inner.width));
    items.extend(text);
    if let Some(changed) = cx.diff.and_then(|d| d.card(stage, index)) {
        let (chips, height) =
            super::changes::card_chips(cx, changed, Slot::new(inner.x, y + s.unit / 2.0, inner.width));
        items.extend(chips);
        y += s.unit / 2.0 + height;
    }
    let stroke = if t.moment_of_truth {
        Stroke::solid(Role::MomentOfTruth, s.mot_outline)
    } else {
        Stroke::solid(Role::Rule, s.hairline)
    };
    let rect = Rect::new(x, top, width, y + pad - top);
    if t.has(crate::model::Mark::Pain) {
        items.splice(0..0, pain_edge(cx, rect));
    }
    let style = BoxStyle { fill: Some(Role::Surface), stroke: Some(stroke), radius: s.radius };
    let mut group = crate::layout::frame::Group::boxed(card_tag(cx, stage, index, t, rank), rect, style, items);
    if !highlighted(cx, t) {
        group.opacity = MUTED;
    }
    (Item::Group(group), rect)
}

/// A pain card's wash and left edge in the pain colour: where it hurts
/// shows from across the room, before anyone reads a badge. The edge
/// sits inside the card's padding, clear of its text.
fn pain_edge(cx: &Context<'_>, rect: Rect) -> Vec<Item> {
    let s = &cx.theme.space;
    let edge = (s.card_padding / 2.0).min(s.unit * 0.75);
    let bar = Rect::new(rect.x, rect.y, edge, rect.height);
    let shape = Shape::filled(Geometry::Rect { rect: bar, radius: edge / 2.0 }, Role::Pain);
    vec![symbols::wash(rect, s.radius, Role::Pain, PAIN_TINT), Item::Shape(shape)]
}

/// How much of the pain colour washes a pain card.
const PAIN_TINT: f64 = 0.07;

/// A card's tag: where it stands, its class, rank, moment of truth and
/// owner, and its note as the title a browser shows on hover.
pub(super) fn card_tag(cx: &Context<'_>, stage: usize, index: usize, t: &Touchpoint, rank: Option<usize>) -> Tag {
    let stage_name = &cx.journey.stages[stage].name;
    // Numbered as on the whole map: a wall sheet of later stages starts
    // past the first.
    let number = cx.first_stage + stage + 1;
    let mut tag = Tag::new(format!("card-{number}-{}", index + 1), "touchpoint")
        .data("stage", stage_name)
        .data("stage-number", number.to_string())
        .data("priority", Class::of(t).as_str())
        .structure(Structure::ListItem);
    if let Some(rank) = rank {
        tag = tag.data("rank", rank.to_string());
    }
    if t.moment_of_truth {
        tag = tag.data("moment-of-truth", "true");
    }
    if let Some(owner) = &t.owner {
        tag = tag.data("owner", owner.as_str());
    }
    if let Some(changed) = cx.diff.and_then(|d| d.card(stage, index)) {
        tag = tag.data("change", changed.data());
    }
    tag.title(t.note.clone())
}

/// A card's top row in `inner` (the card less its padding): rank chip
/// and badges from the left, the score and the star at the right. Badges
/// stay on one row (smaller if they must); a score or a "not assessed"
/// that does not fit gets a row below. Returns the items and where the
/// text below them starts.
pub(super) fn top_row(cx: &Context<'_>, t: &Touchpoint, rank: Option<usize>, inner: Slot) -> (Vec<Item>, f64) {
    let s = &cx.theme.space;
    let (inner_x, inner_w, y) = (inner.x, inner.width, inner.top);
    let inner_right = inner_x + inner_w;
    let badge = s.badge;
    let caption_bold = cx.caption(Style::Bold);
    let mut items = Vec::new();
    let rank_text = rank.map(|r| format!("#{r}"));
    let rank_w = rank_text.as_ref().map_or(0.0, |r| cx.width(r, caption_bold) + s.unit * 0.75 + s.unit / 4.0);
    let star_w = if t.moment_of_truth { badge + s.unit } else { 0.0 };
    let pip = cx.theme.symbols.score_pip;
    let pip_gap = pip * 0.4;
    let score_text = t.score.map(|sc| sc.get().to_string());
    let score_w = score_text
        .as_ref()
        .map_or(0.0, |n| 5.0 * pip + 4.0 * pip_gap + s.unit / 2.0 + cx.width(n, caption_bold) + s.unit);
    let mut marks = t.marks.clone();
    marks.sort();
    let gap = s.unit * 0.75;
    let badges_w =
        |size: f64| if marks.is_empty() { 0.0 } else { marks.len() as f64 * size + (marks.len() - 1) as f64 * gap };
    let unassessed = cx.labels.get("not_assessed");
    let unassessed_font = cx.caption(Style::Italic);
    let left_w = |size: f64| {
        rank_w
            + if marks.is_empty() {
                cx.width(unassessed, unassessed_font)
            } else {
                badges_w(size) + if rank_w > 0.0 { s.unit / 2.0 } else { 0.0 }
            }
    };
    let score_on_top = left_w(badge) + s.unit + score_w + star_w <= inner_w;
    let right_w = star_w + if score_on_top { score_w } else { 0.0 };
    let room = inner_w - right_w - rank_w;
    let size = if marks.is_empty() || badges_w(badge) <= room {
        badge
    } else {
        ((room - (marks.len() - 1) as f64 * gap) / marks.len() as f64).max(badge * 0.5)
    };
    let row_h = badge;

    let mut lx = inner_x;
    if let (Some(rank), Some(_)) = (rank, &rank_text) {
        items.push(rank_chip(cx, rank, Point::new(lx, y + (row_h - badge) / 2.0)).0);
        lx += rank_w + s.unit / 4.0;
    }
    let mut right = inner_right;
    if t.moment_of_truth && inner_w >= badge {
        right -= badge;
        items.push(symbols::star(Rect::new(right, y + (row_h - badge) / 2.0, badge, badge)));
        right -= s.unit;
    }
    let score_item = |x0: f64, row: f64, score: u8, text: &str| {
        let pips: Vec<Rect> =
            (0..5).map(|i| Rect::new(x0 + i as f64 * (pip + pip_gap), row + (row_h - pip) / 2.0, pip, pip)).collect();
        let meter = symbols::meter("score", &pips, Pip::Dot, score, Role::Score(score));
        let line_box = cx.line_box(caption_bold);
        let at = Point::new(x0 + 5.0 * pip + 4.0 * pip_gap + s.unit / 2.0, row + row_h / 2.0 - line_box / 2.0);
        let (number, _) = cx.line_at(text, caption_bold, Role::Ink, at);
        vec![meter, Item::Text(number)]
    };
    let mut below = y + row_h + s.unit / 2.0;
    if let (Some(score), Some(text)) = (t.score, &score_text) {
        if score_on_top {
            items.extend(score_item(right - (score_w - s.unit), y, score.get(), text));
        } else {
            items.extend(score_item(inner_x, below, score.get(), text));
            below += row_h + s.unit / 2.0;
        }
    }
    if marks.is_empty() {
        let lh = unassessed_font.line_height();
        let fits_top = lx + cx.width(unassessed, unassessed_font) <= right - if score_on_top { score_w } else { 0.0 };
        let at = if fits_top {
            Point::new(lx, y + (row_h - lh) / 2.0)
        } else {
            let at = Point::new(inner_x, below);
            below += lh + s.unit / 2.0;
            at
        };
        items.push(Item::Text(cx.line_at(unassessed, unassessed_font, Role::Muted, at).0));
    }
    for (i, mark) in marks.iter().enumerate() {
        let bx = lx + i as f64 * (size + gap);
        items.push(super::mark_badge(cx, *mark, Rect::new(bx, y + (row_h - size) / 2.0, size, size)));
    }
    (items, below + s.unit / 2.0)
}

/// A card's name, channel · owner and actors (less those `hidden`) in
/// `slot`; returns the lines and where they end.
fn card_text(cx: &Context<'_>, t: &Touchpoint, hidden: &[String], slot: Slot) -> (Vec<Item>, f64) {
    let s = &cx.theme.space;
    let ts = &cx.theme.type_scale;
    let (inner_x, inner_w, mut y) = (slot.x, slot.width, slot.top);
    let mut items = Vec::new();
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
    let actors: Vec<&str> =
        t.actors.iter().map(String::as_str).filter(|a| !hidden.contains(&a.trim().to_lowercase())).collect();
    if !actors.is_empty() {
        let text = cx.labels.fill("with_actors", &[("actors", &actors.join(", "))]);
        let lines = cx.lines(&text, cx.caption(Style::Italic), Role::Muted, Slot::new(inner_x, y, inner_w));
        items.extend(lines.items);
        y += lines.height;
    }
    (items, y)
}

/// How strongly a card of another department shows in a department's copy.
const MUTED: f64 = 0.3;
