//! A diff poster's own marks (SPEC §6): the "what changed" panel under the
//! title, the chips a changed card carries, and the ghost of a removed
//! card in the stage it was in. Only a diff poster draws any of them; on
//! it, an unchanged card stays as it always is.
//!
//! Every change mark is drawn in the accent colour as an outlined chip,
//! a shape no other mark uses, so changes read in greyscale too.

use super::{Region, boxed};
use crate::diff::{CardMarks, Kind, Overlay};
use crate::layout::context::{Context, Font, Slot};
use crate::layout::frame::{BoxStyle, Geometry, Group, Item, Shape, Stroke, Structure, Tag};
use crate::layout::geom::{Point, Rect};
use crate::layout::symbols;
use crate::model::{Mark, Touchpoint};
use crate::text::Style;
use crate::theme::Role;

/// The "what changed" panel: a heading and the counts in words.
pub(crate) fn layout(cx: &Context<'_>) -> Region {
    let Some(diff) = cx.diff else { return Region::new(cx, "changes", 0.0, Vec::new()) };
    let s = &cx.theme.space;
    let t = &cx.theme.type_scale;
    let width = cx.grid.content;
    let heading = Font { style: Style::Bold, size: t.card_title, leading: t.heading_line_height };
    let title = cx.lines(cx.labels.get("changes"), heading, Role::Accent, Slot::new(0.0, 0.0, width));
    let mut y = title.height + s.unit / 4.0;
    let mut items = title.items;
    let said = counts(cx, diff);
    let body = Font { style: Style::Regular, size: t.body, leading: t.line_height };
    let lines = cx.lines(&said.join(" · "), body, Role::Ink, Slot::new(0.0, y, width));
    y += lines.height;
    items.extend(lines.items);
    let mut region = Region::new(cx, "changes", y, items);
    let mut tag = region.tag.structure(Structure::Figure(said.join("; ")));
    for (kind, n) in &diff.counts {
        tag = tag.data(kind.as_str(), n.to_string());
    }
    region.tag = tag;
    region
}

/// What changed, counted in the poster's words.
fn counts(cx: &Context<'_>, diff: &Overlay) -> Vec<String> {
    let l = cx.labels;
    let n = |kind: Kind| diff.counts.iter().find(|(k, _)| *k == kind).map_or(0, |(_, n)| *n);
    let counted = [
        ("changes_stages_added", diff.stages_added),
        ("changes_stages_renamed", diff.stages_renamed),
        ("changes_added", n(Kind::Added)),
        ("changes_removed", n(Kind::Removed)),
        ("changes_score", n(Kind::Score)),
        ("changes_marks", n(Kind::Marks)),
        ("changes_moved", n(Kind::Moved)),
        ("changes_renamed", n(Kind::Renamed)),
        ("changes_rank", n(Kind::Rank)),
        ("changes_text", n(Kind::Text)),
        ("changes_health", diff.health.iter().flatten().count()),
        ("changes_edits", diff.edits),
    ];
    let mut said: Vec<String> = Vec::new();
    for (key, count) in counted.into_iter().filter(|(_, n)| *n > 0) {
        let words = l.plural(key, count);
        said.push(if key == "changes_score" {
            let (up, down) = diff.scores_up_down;
            format!("{words} (↑ {up}, ↓ {down})")
        } else {
            words
        });
    }
    for (stage, cards) in &diff.removed_stages {
        let cards = l.plural("legend_touchpoints", *cards);
        said.push(l.fill("changes_stage_removed", &[("stage", stage), ("cards", &cards)]));
    }
    if said.is_empty() {
        said.push(l.get("changes_none").to_owned());
    }
    said
}

/// The chip's padding across and down.
fn padding(cx: &Context<'_>) -> (f64, f64) {
    (cx.theme.space.unit * 0.5, cx.theme.space.unit * 0.25)
}

/// A chip with `text` in the change colour, its top left at `at`, at most
/// `max_w` wide (its text wraps inside it); returns it and its box.
pub(crate) fn chip(cx: &Context<'_>, text: &str, at: Point, max_w: f64) -> (Item, Rect) {
    let font = cx.caption(Style::Bold);
    let (pad_x, pad_y) = padding(cx);
    // A hair over the measured width, so the line is never wrapped by
    // rounding alone.
    let width = (cx.width(text, font) + 2.0 * pad_x + 0.01).min(max_w);
    let lines = cx.lines(text, font, Role::Accent, Slot::new(at.x + pad_x, at.y + pad_y, width - 2.0 * pad_x));
    let rect = Rect::new(at.x, at.y, width, lines.height + 2.0 * pad_y);
    let mut items = vec![outline(cx, rect)];
    items.extend(lines.items);
    (Item::Group(Group::new(Some(Tag::class("change")), items)), rect)
}

/// The chip's outline, inside `rect`.
fn outline(cx: &Context<'_>, rect: Rect) -> Item {
    let width = cx.theme.space.hairline * 2.0;
    let inner = Rect::new(rect.x + width / 2.0, rect.y + width / 2.0, rect.width - width, rect.height - width);
    let radius = inner.height.min(cx.line_box(cx.caption(Style::Bold))) / 2.0;
    Item::Shape(Shape::stroked(Geometry::Rect { rect: inner, radius }, Stroke::solid(Role::Accent, width)))
}

/// The marks chip: "+" and the badges gained, "−" and the badges lost,
/// a star for the moment of truth, at most `max_w` wide.
fn marks_chip(cx: &Context<'_>, m: &CardMarks, at: Point, max_w: f64) -> (Item, Rect) {
    let s = &cx.theme.space;
    let font = cx.caption(Style::Bold);
    let (pad_x, pad_y) = padding(cx);
    let line = cx.line_box(font);
    let mut groups: Vec<(&str, Vec<Option<Mark>>)> = Vec::new();
    let star = |won: bool| (m.moment_of_truth == Some(won)).then_some(None);
    let gained: Vec<Option<Mark>> = m.gained.iter().map(|m| Some(*m)).chain(star(true)).collect();
    let lost: Vec<Option<Mark>> = m.lost.iter().map(|m| Some(*m)).chain(star(false)).collect();
    for (sign, list) in [("+", gained), ("−", lost)] {
        if !list.is_empty() {
            groups.push((sign, list));
        }
    }
    let gap = s.unit / 4.0;
    let signs: f64 = groups.iter().map(|(sign, _)| cx.width(sign, font) + gap).sum();
    let badges = groups.iter().map(|(_, l)| l.len()).sum::<usize>() as f64;
    let spaces = (groups.len().saturating_sub(1)) as f64 * s.unit / 2.0;
    let room = max_w - 2.0 * pad_x - signs - spaces;
    let size = (room / badges.max(1.0) - gap).min(line * 0.8).max(line / 2.0);
    let mut x = at.x + pad_x;
    let mut items = Vec::new();
    for (k, (sign, list)) in groups.iter().enumerate() {
        if k > 0 {
            x += s.unit / 2.0;
        }
        let (text, _) = cx.line_at(sign, font, Role::Accent, Point::new(x, at.y + pad_y));
        x += text.width + gap;
        items.push(Item::Text(text));
        for mark in list {
            let rect = Rect::new(x, at.y + pad_y + (line - size) / 2.0, size, size);
            items.push(match mark {
                Some(mark) => super::mark_badge(cx, *mark, rect),
                None => symbols::star(rect),
            });
            x += size + gap;
        }
    }
    let rect = Rect::new(at.x, at.y, (x - gap + pad_x - at.x).min(max_w).max(0.0), line + 2.0 * pad_y);
    items.insert(0, outline(cx, rect));
    (Item::Group(Group::new(Some(Tag::class("change marks")), items)), rect)
}

/// A value in a chip: the number, or a dash for none.
fn or_dash(v: Option<String>) -> String {
    v.unwrap_or_else(|| "–".to_owned())
}

/// A chip's words for one kind of change (not the marks').
fn chip_text(cx: &Context<'_>, m: &CardMarks, kind: Kind) -> Option<String> {
    let l = cx.labels;
    Some(match kind {
        Kind::Added => l.get("change_added").to_owned(),
        Kind::Removed | Kind::Marks => return None,
        Kind::Score => {
            let (old, new) = m.score?;
            let arrow = match (old, new) {
                (Some(a), Some(b)) if b > a => "↑ ",
                (Some(a), Some(b)) if b < a => "↓ ",
                _ => "",
            };
            format!("{arrow}{} → {}", or_dash(old.map(|s| s.to_string())), or_dash(new.map(|s| s.to_string())))
        }
        Kind::Moved => l.fill("change_moved", &[("stage", m.moved_from.as_deref()?)]),
        Kind::Renamed => l.fill("change_renamed", &[("name", m.renamed_from.as_deref()?)]),
        Kind::Rank => {
            let (old, new) = m.rank?;
            let rank = |r: Option<usize>| or_dash(r.map(|r| format!("#{r}")));
            format!("{} → {}", rank(old), rank(new))
        }
        Kind::Text => {
            let fields: Vec<&str> = m.text.iter().map(|f| l.get(&format!("field_{f}"))).collect();
            l.fill("change_text", &[("fields", &fields.join(", "))])
        }
    })
}

/// A changed card's chips, flowing left to right in `slot` from its top;
/// returns them and the height they take.
pub(crate) fn card_chips(cx: &Context<'_>, m: &CardMarks, slot: Slot) -> (Vec<Item>, f64) {
    let gap = cx.theme.space.unit / 2.0;
    let (mut x, mut y, mut row_h) = (slot.x, slot.top, 0.0_f64);
    let mut items = Vec::new();
    for &kind in &m.kinds {
        let make = |at: Point, max_w: f64| match kind {
            Kind::Marks => Some(marks_chip(cx, m, at, max_w)),
            _ => chip_text(cx, m, kind).map(|text| chip(cx, &text, at, max_w)),
        };
        let Some((_, natural)) = make(Point::new(0.0, 0.0), slot.width) else { continue };
        // A chip that does not fit the rest of a row begun starts a new
        // row, where it may take the whole width.
        if x > slot.x && natural.width > slot.x + slot.width - x + 0.01 {
            y += row_h + gap;
            x = slot.x;
            row_h = 0.0;
        }
        let Some((item, rect)) = make(Point::new(x, y), slot.x + slot.width - x) else { continue };
        items.push(item);
        row_h = row_h.max(rect.height);
        x = rect.right() + gap;
    }
    let height = if items.is_empty() { 0.0 } else { y + row_h - slot.top };
    (items, height)
}

/// A removed touchpoint's ghost in `slot`: its name, faint, in a dashed
/// outline, with a "removed" chip; returns it and its box.
pub(crate) fn ghost(cx: &Context<'_>, stage: usize, k: usize, t: &Touchpoint, slot: Slot) -> (Item, Rect) {
    let s = &cx.theme.space;
    let ts = &cx.theme.type_scale;
    let pad = s.card_padding;
    let inner = Slot::new(slot.x + pad, slot.top + pad, slot.width - 2.0 * pad);
    let font = Font { style: Style::Bold, size: ts.card_title, leading: ts.heading_line_height };
    let name = cx.lines(&t.name, font, Role::Muted, inner);
    let mut items = name.items;
    let at = Point::new(inner.x, inner.top + name.height + s.unit / 2.0);
    let (chip, chip_rect) = chip(cx, cx.labels.get("change_removed"), at, inner.width);
    items.push(chip);
    let rect = Rect::new(slot.x, slot.top, slot.width, chip_rect.bottom() + pad - slot.top);
    let stage_name = cx.journey.stages.get(stage).map_or("", |st| st.name.as_str());
    let tag = Tag::new(format!("ghost-{}-{}", stage + 1, k + 1), "ghost")
        .data("stage", stage_name)
        .data("stage-number", (cx.first_stage + stage + 1).to_string())
        .data("change", Kind::Removed.as_str())
        .title(t.note.clone());
    let stroke = Stroke { role: Role::Muted, width: s.hairline, dash: Some(s.unit / 2.0), round: false };
    (boxed(tag, rect, BoxStyle { fill: None, stroke: Some(stroke), radius: s.radius }, items), rect)
}

/// What a legend entry of a diff poster shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Sample {
    /// A card's chip for a kind of change; a small ghost for removed.
    Chip(Kind),
    /// A health change as the strip writes it.
    Health,
    /// A stretch of the old curve.
    OldCurve,
}

/// A legend's sample of a change mark with its top left at `at`, drawn
/// as the poster draws it; returns it and its box.
pub(crate) fn sample(cx: &Context<'_>, sample: Sample, at: Point) -> (Item, Rect) {
    let s = &cx.theme.space;
    let l = cx.labels;
    let text = match sample {
        Sample::Chip(Kind::Added) => l.get("change_added").to_owned(),
        Sample::Chip(Kind::Score) => "↑ 2 → 4".to_owned(),
        Sample::Chip(Kind::Marks) => {
            let m = CardMarks {
                kinds: vec![Kind::Marks],
                score: None,
                gained: vec![Mark::Strength],
                lost: vec![Mark::Pain],
                moment_of_truth: None,
                moved_from: None,
                renamed_from: None,
                rank: None,
                text: Vec::new(),
            };
            return marks_chip(cx, &m, at, f64::INFINITY);
        }
        Sample::Chip(Kind::Moved) => l.fill("change_moved", &[("stage", "…")]),
        Sample::Chip(Kind::Renamed) => l.fill("change_renamed", &[("name", "…")]),
        Sample::Chip(Kind::Rank) => "#3 → #1".to_owned(),
        Sample::Chip(Kind::Text) => l.fill("change_text", &[("fields", "…")]),
        Sample::Chip(Kind::Removed) => {
            let rect = Rect::new(at.x, at.y, 2.0 * s.badge, s.badge);
            let stroke = Stroke { role: Role::Muted, width: s.hairline, dash: Some(s.unit / 2.0), round: false };
            let inner = Rect::new(
                rect.x + s.hairline / 2.0,
                rect.y + s.hairline / 2.0,
                rect.width - s.hairline,
                rect.height - s.hairline,
            );
            let shape = Shape::stroked(Geometry::Rect { rect: inner, radius: s.radius }, stroke);
            return (Item::Group(Group::new(Some(Tag::class("ghost-sample")), vec![Item::Shape(shape)])), rect);
        }
        Sample::Health => {
            let font = cx.caption(Style::Bold);
            let text = "−1 → +2";
            let (line, h) = cx.line_at(text, font, Role::Accent, at);
            let rect = Rect::new(at.x, at.y, line.width, h);
            return (Item::Group(Group::new(Some(Tag::class("health-change")), vec![Item::Text(line)])), rect);
        }
        Sample::OldCurve => {
            let rect = Rect::new(at.x, at.y, 3.0 * s.badge, s.badge);
            let y = rect.center().y;
            let stroke = Stroke { role: Role::Muted, width: s.hairline * 3.0, dash: Some(s.unit * 0.75), round: false };
            let line =
                Shape::stroked(Geometry::Line { from: Point::new(rect.x, y), to: Point::new(rect.right(), y) }, stroke);
            return (Item::Group(Group::new(Some(Tag::class("old-curve")), vec![Item::Shape(line)])), rect);
        }
    };
    chip(cx, &text, at, f64::INFINITY)
}
