//! The priorities panel: the top of the SPEC §3 list — rank, a class chip
//! in the badges' visual vocabulary, stage › touchpoint, owner and the
//! agreed action — and how many more there are. Only assessed touchpoints
//! are actions: the context's list leaves the unassessed out.

use super::{Region, boxed};
use crate::layout::context::{Context, Font, Slot};
use crate::layout::frame::{BoxStyle, Geometry, Group, Item, Shape, Stroke, Structure, Tag};
use crate::layout::geom::{Point, Rect};
use crate::layout::symbols;
use crate::model::Mark;
use crate::priorities::{Class, Priority};
use crate::text::Style;
use crate::theme::Role;

/// The prioritised actions, as a panel.
pub(crate) const PANEL: super::PanelRegion = super::PanelRegion {
    panel: crate::model::Panel::PRIORITIES,
    description: "The prioritised actions.",
    called: "the priorities",
    layout,
    has_data,
    shares: super::no_shares,
    side: true,
};

/// Whether the panel has anything to list.
pub(crate) fn has_data(cx: &Context<'_>) -> bool {
    cx.journey.poster.priorities > 0 && !cx.priorities.is_empty()
}

/// The marks a class chip shows: the class's own recipe, so "fix" looks
/// like essential and pain together.
pub(crate) fn chip_marks(class: Class) -> &'static [Mark] {
    match class {
        Class::Fix => &[Mark::Essential, Mark::Pain],
        Class::Improve => &[Mark::Pain],
        Class::Protect => &[Mark::Essential, Mark::Strength],
        Class::Monetise => &[Mark::WouldPay],
        Class::Maintain => &[Mark::Strength],
        Class::Unassessed => &[],
    }
}

/// A class chip at `at` (top left), `height` tall: its badges then the
/// class's name; returns the chip and its width.
pub(crate) fn class_chip(cx: &Context<'_>, class: Class, at: Point, height: f64) -> (Item, f64) {
    let s = &cx.theme.space;
    let font = cx.caption(Style::Bold);
    let badge = (height - s.unit / 2.0).min(s.badge);
    let pad = s.unit / 2.0;
    let mut items = Vec::new();
    let mut x = at.x + pad;
    let marks = chip_marks(class);
    if marks.is_empty() {
        // Not yet marked: an empty dashed ring, the absence of a badge.
        let ring = Stroke { role: Role::Muted, width: s.hairline, dash: Some(badge / 6.0), round: false };
        let circle = Geometry::Circle {
            center: Point::new(x + badge / 2.0, at.y + height / 2.0),
            radius: (badge - s.hairline) / 2.0,
        };
        items.push(Item::Shape(Shape::stroked(circle, ring)));
        x += badge + s.unit / 4.0;
    }
    for mark in marks {
        items.push(super::mark_badge(cx, *mark, Rect::new(x, at.y + (height - badge) / 2.0, badge, badge)));
        x += badge + s.unit / 4.0;
    }
    let name = class_name(cx, class);
    let line_box = cx.line_box(font);
    let (line, _) = cx.line_at(name, font, Role::Ink, Point::new(x + s.unit / 4.0, at.y + (height - line_box) / 2.0));
    let width = x + s.unit / 4.0 + line.width + pad - at.x;
    items.push(Item::Text(line));
    let chip = Group::new(Some(Tag::class(format!("class-chip {}", class.as_str()))), items);
    (Item::Group(chip), width)
}

/// The class's name as the poster prints it, in the map's language.
pub(crate) fn class_name<'a>(cx: &'a Context<'_>, class: Class) -> &'a str {
    cx.labels.get(class.as_str())
}

/// Lays out the panel: a heading, then the entries in as many columns as
/// fit at a readable width, ranked down each column.
pub(crate) fn layout(cx: &Context<'_>) -> Region {
    let s = &cx.theme.space;
    let t = &cx.theme.type_scale;
    let content = cx.grid.content;
    let shown = cx.ranked;
    let heading_font = Font { style: Style::Bold, size: t.stage, leading: t.heading_line_height };
    let heading = cx.lines(cx.labels.get("priorities"), heading_font, Role::Ink, Slot::new(0.0, 0.0, content));
    let mut items = heading.items;
    let mut y0 = heading.height;
    // A brief page keeps the heading and lets the ranks speak.
    if !cx.brief {
        let intro = cx.lines(
            cx.labels.get("priorities_intro"),
            cx.caption(Style::Italic),
            Role::Muted,
            Slot::new(0.0, heading.height + s.unit / 4.0, content),
        );
        y0 += s.unit / 4.0 + intro.height;
        items.extend(intro.items);
    }
    // A department's copy says which of the listed actions are theirs.
    if let Some(owner) = cx.highlight {
        let theirs: Vec<String> = cx
            .priorities
            .iter()
            .take(shown)
            .filter(|p| p.touchpoint.owner.as_deref().is_some_and(|o| o.trim().eq_ignore_ascii_case(owner)))
            .map(|p| format!("#{}", p.rank))
            .collect();
        let list = if theirs.is_empty() { cx.labels.get("none_listed").to_owned() } else { theirs.join(", ") };
        let text = cx.labels.fill("owner_priorities", &[("owner", owner), ("list", &list)]);
        let font = Font { style: Style::Bold, size: t.body, leading: t.line_height };
        let lines = cx.lines(&text, font, Role::Ink, Slot::new(0.0, y0 + s.unit / 2.0, content));
        y0 += s.unit / 2.0 + lines.height;
        items.extend(lines.items);
    }
    y0 += if cx.brief { s.unit } else { s.unit * 1.5 };

    // Columns of entries about one and a half stage columns wide.
    // A brief page sets its few entries side by side.
    let narrowest = if cx.brief { s.priority_entry * 0.75 } else { s.priority_entry };
    let min_entry = narrowest.min(content);
    let per_row = ((content + s.gutter) / (min_entry + s.gutter)).floor().max(1.0) as usize;
    let per_row = per_row.min(shown.max(1));
    let rows = shown.div_ceil(per_row);
    // As few columns as the rows need, so every column is full width.
    let per_row = shown.div_ceil(rows.max(1)).max(1);
    for row in 0..rows {
        // A short last row shares the width out, rather than leave a
        // hole beside its entries.
        let in_row = per_row.min(shown - row * per_row);
        let entry_w = crate::layout::geom::column_width(content, s.gutter, in_row);
        let mut entries = Vec::new();
        for col in 0..in_row {
            // Ranked across each row, as a page is read.
            let i = row * per_row + col;
            let Some(p) = cx.priorities.get(i).filter(|_| i < shown) else { continue };
            let x = col as f64 * (entry_w + s.gutter);
            entries.push((x, p, entry(cx, p, Slot::new(x, y0, entry_w))));
        }
        let height = entries.iter().map(|(_, _, (_, h))| *h).fold(0.0, f64::max);
        for (x, p, (content, _)) in entries {
            let rect = Rect::new(x, y0, entry_w, height);
            items.push(Item::Group(entry_box(cx, p, format!("priority-{}", p.rank), rect, content)));
        }
        y0 += height + s.card_gap;
    }
    let more = cx.priorities.len() - shown;
    let mut height = y0 - s.card_gap;
    if more > 0 {
        // The same words on every medium: the poster is one picture in
        // SVG, PNG and PDF; the PDF's list pages say themselves what they
        // hold.
        let text = cx.labels.plural("more", more);
        let lines =
            cx.lines(&text, cx.caption(Style::Italic), Role::Muted, Slot::new(0.0, y0 - s.card_gap + s.unit, content));
        height = y0 - s.card_gap + s.unit + lines.height;
        let rect = Rect::new(0.0, y0 - s.card_gap + s.unit, content, lines.height);
        items.push(boxed(Tag::new("priorities-more", "more"), rect, BoxStyle::default(), lines.items));
    }
    let mut region = Region::new(cx, "priorities", height, items);
    region.tag = region.tag.structure(Structure::List);
    region
}

/// An entry as a box at `rect` holding its `content` (from [`entry`]):
/// tagged with its rank and class, and muted on a department's copy when
/// another owner's.
pub(crate) fn entry_box(cx: &Context<'_>, p: &Priority<'_>, id: String, rect: Rect, content: Vec<Item>) -> Group {
    let s = &cx.theme.space;
    let tag = Tag::new(id, "priority")
        .data("rank", p.rank.to_string())
        .data("class", p.class.as_str())
        .data("card", format!("card-{}-{}", p.id.stage + 1, p.id.index + 1))
        .structure(Structure::ListItem);
    let style =
        BoxStyle { fill: Some(Role::Surface), stroke: Some(Stroke::solid(Role::Rule, s.hairline)), radius: s.radius };
    let mut entry = Group::boxed(tag, rect, style, content);
    let theirs =
        p.touchpoint.owner.as_deref().is_some_and(|o| cx.highlight.is_none_or(|h| o.trim().eq_ignore_ascii_case(h)));
    if cx.highlight.is_some() && !theirs {
        entry.opacity = 0.3;
    }
    entry
}

/// One entry's content in `slot`: rank and class chip, stage › touchpoint,
/// owner, action. Returns the items and the entry's height.
pub(crate) fn entry(cx: &Context<'_>, p: &Priority<'_>, slot: Slot) -> (Vec<Item>, f64) {
    let s = &cx.theme.space;
    let t = &cx.theme.type_scale;
    let pad = s.card_padding;
    let x = slot.x + pad;
    let width = slot.width - 2.0 * pad;
    let mut items = Vec::new();
    let mut y = slot.top + pad;

    // The actions the headline names lead the list: their rank chips are
    // set at the card titles' size, the rest as on the cards.
    let lead = super::headline::names_rank(cx, p.rank);
    let rank_font = if lead {
        Font { style: Style::Bold, size: t.card_title, leading: t.heading_line_height }
    } else {
        cx.caption(Style::Bold)
    };
    let chip_h = if lead { cx.line_box(rank_font) + s.unit / 2.0 } else { s.badge };
    let (rank_chip, rank_w) = super::cards::rank_chip_in(cx, p.rank, rank_font, Rect::new(x, y, 0.0, chip_h));
    items.push(rank_chip);
    let row_h = chip_h.max(s.badge);
    let (chip, chip_w) = class_chip(cx, p.class, Point::new(x + rank_w + s.unit, y), row_h);
    items.push(chip);
    // The star only where it clears the chip; the card keeps it anyway.
    let star_x = x + width - s.badge;
    if p.touchpoint.moment_of_truth && x + rank_w + s.unit + chip_w + s.unit <= star_x {
        items.push(symbols::star(Rect::new(x + width - s.badge, y + (row_h - s.badge) / 2.0, s.badge, s.badge)));
    }
    y += row_h + s.unit / 2.0;

    let title = format!("{} › {}", p.stage, p.touchpoint.name);
    let name_font = Font { style: Style::Bold, size: t.body, leading: t.heading_line_height };
    let lines = cx.lines(&title, name_font, Role::Ink, Slot::new(x, y, width));
    items.extend(lines.items);
    y += lines.height;
    if let Some(owner) = &p.touchpoint.owner {
        let lines = cx.lines(
            &cx.labels.fill("owner", &[("owner", owner)]),
            cx.caption(Style::Regular),
            Role::Muted,
            Slot::new(x, y + s.unit / 4.0, width),
        );
        items.extend(lines.items);
        y += lines.height + s.unit / 4.0;
    }
    y += s.unit / 2.0;
    // The action is what the entry is for: it reads largest, and the
    // leading actions' in bold, larger than the rest.
    let (style, size) = if lead { (Style::Bold, t.card_title) } else { (Style::Regular, t.body) };
    let action_font = Font { style, size, leading: t.line_height };
    let lines = match &p.touchpoint.action {
        Some(action) => cx.lines(action, action_font, Role::Ink, Slot::new(x, y, width)),
        None => cx.lines(cx.labels.get("no_action"), cx.caption(Style::Italic), Role::Muted, Slot::new(x, y, width)),
    };
    items.extend(lines.items);
    y += lines.height;
    (items, y + pad - slot.top)
}
