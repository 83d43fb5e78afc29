//! A touchpoint on a square note: printed in its slot on the canvas (its
//! marks as the poster's badges), or as a cut-out card whose badges are
//! empty outlines for the team to tick.

use crate::layout::context::{Context, Font, Lines, Slot};
use crate::layout::frame::{BoxStyle, Group, Item, Stroke, Structure, Tag};
use crate::layout::geom::{Point, Rect};
use crate::layout::regions::mark_badge;
use crate::layout::symbols::{self, Pip};
use crate::model::{Mark, Touchpoint};
use crate::text::{Style, wrap_in};
use crate::theme::Role;

/// What a note shows of its touchpoint's assessment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Face {
    /// What the map knows: badges for its marks, the star, its score.
    Printed,
    /// Empty outlines of every mark and the star, and five feeling dots,
    /// to tick in the room.
    ToTick,
}

/// Where a touchpoint stands on the spine, for its tag and its card.
#[derive(Debug, Clone, Copy)]
pub(super) struct Place<'a> {
    /// The stage's index.
    pub(super) stage: usize,
    /// The touchpoint's index in its stage.
    pub(super) index: usize,
    /// The stage's name.
    pub(super) stage_name: &'a str,
}

/// The note for `t` filling `rect`: a box tagged as the poster tags its
/// cards (`touchpoint`, `data-stage`, id `card-S-T`).
pub(super) fn note(cx: &Context<'_>, t: &Touchpoint, place: Place<'_>, rect: Rect, face: Face) -> Item {
    let s = &cx.theme.space;
    let pad = s.card_padding;
    let inner = Rect::new(rect.x + pad, rect.y + pad, rect.width - 2.0 * pad, rect.height - 2.0 * pad);
    let items = match face {
        Face::Printed => printed(cx, t, inner),
        Face::ToTick => to_tick(cx, t, place, inner),
    };
    let stroke = if t.moment_of_truth && face == Face::Printed {
        Stroke::solid(Role::MomentOfTruth, s.mot_outline)
    } else {
        Stroke::solid(Role::Muted, s.hairline)
    };
    let mut tag = Tag::new(format!("card-{}-{}", place.stage + 1, place.index + 1), "touchpoint")
        .data("stage", place.stage_name)
        .data("stage-number", (place.stage + 1).to_string())
        .data("priority", crate::priorities::Class::of(t).as_str())
        .structure(Structure::ListItem)
        .title(t.note.clone());
    if t.moment_of_truth {
        tag = tag.data("moment-of-truth", "true");
    }
    // A card cut out along its crop marks has square corners.
    let radius = if face == Face::ToTick { 0.0 } else { s.radius };
    let style = BoxStyle { fill: Some(Role::Surface), stroke: Some(stroke), radius };
    Item::Group(Group::boxed(tag, rect, style, items))
}

/// The map's assessment on top (badges left, star right), the name, the
/// channel and owner, and the score at the foot.
fn printed(cx: &Context<'_>, t: &Touchpoint, inner: Rect) -> Vec<Item> {
    let s = &cx.theme.space;
    let badge = s.badge;
    let mut items = Vec::new();
    let mut marks = t.marks.clone();
    marks.sort();
    let has_top = !marks.is_empty() || t.moment_of_truth;
    for (i, mark) in marks.iter().enumerate() {
        let x = inner.x + i as f64 * (badge + s.unit * 0.75);
        items.push(mark_badge(cx, *mark, Rect::new(x, inner.y, badge, badge)));
    }
    if t.moment_of_truth {
        items.push(symbols::star(Rect::new(inner.right() - badge, inner.y, badge, badge)));
    }
    let mut top = inner.y + if has_top { badge + s.unit / 2.0 } else { 0.0 };
    let mut bottom = inner.bottom();
    if let Some(score) = t.score {
        let pip = cx.theme.symbols.score_pip;
        let y = bottom - pip;
        let pips: Vec<Rect> = (0..5).map(|i| Rect::new(inner.x + i as f64 * pip * 1.4, y, pip, pip)).collect();
        items.push(symbols::meter("score", &pips, Pip::Dot, score.get(), Role::Score(score.get())));
        bottom = y - s.unit / 2.0;
    }
    let ts = &cx.theme.type_scale;
    let name_font = Font { style: Style::Bold, size: ts.card_title, leading: ts.heading_line_height };
    let meta: Vec<&str> = [t.channel.as_deref(), t.owner.as_deref()].into_iter().flatten().collect();
    let meta_font = cx.caption(Style::Regular);
    // The meta line keeps one line of room when there is one to show.
    let meta_room = if meta.is_empty() { 0.0 } else { cx.line_box(meta_font) + s.unit / 4.0 };
    let name =
        clipped(cx, &t.name, name_font, Role::Ink, Slot::new(inner.x, top, inner.width), bottom - top - meta_room);
    items.extend(name.items);
    top += name.height + s.unit / 4.0;
    if !meta.is_empty() {
        let lines =
            clipped(cx, &meta.join(" · "), meta_font, Role::Muted, Slot::new(inner.x, top, inner.width), bottom - top);
        items.extend(lines.items);
    }
    items
}

/// A cut-out card: the stage it was in, the name, channel and owner, then
/// empty outlines of the four marks and the star with their words, and
/// five feeling dots, for the team to tick as it re-sorts the map.
fn to_tick(cx: &Context<'_>, t: &Touchpoint, place: Place<'_>, inner: Rect) -> Vec<Item> {
    let s = &cx.theme.space;
    let caption = cx.caption(Style::Regular);
    let bold = cx.caption(Style::Bold);
    let mut items = Vec::new();
    // The ticks at the foot first: the text above gets what is left.
    let line = cx.line_box(caption);
    let icon = line.max(s.badge);
    let rows = 3.0;
    let ticks_h = cx.line_box(bold) + s.unit / 2.0 + rows * icon + (rows - 1.0) * s.unit / 2.0;
    let ticks_top = inner.bottom() - ticks_h;
    items.extend(ticks(cx, Rect::new(inner.x, ticks_top, inner.width, ticks_h), icon));

    let stage_word = cx.labels.get("stage").to_uppercase();
    let head = if place.stage_name.is_empty() {
        format!("{stage_word} {}", place.stage + 1)
    } else {
        format!("{stage_word} {} · {}", place.stage + 1, place.stage_name)
    };
    let mut y = inner.y;
    let room = |y: f64| ticks_top - s.unit - y;
    let head = clipped(cx, &head, bold, Role::Muted, Slot::new(inner.x, y, inner.width), cx.line_box(bold));
    items.extend(head.items);
    y += head.height + s.unit / 2.0;
    let ts = &cx.theme.type_scale;
    let name_font = Font { style: Style::Bold, size: ts.card_title, leading: ts.heading_line_height };
    let details: Vec<String> = [
        t.channel.as_deref().map(|c| cx.labels.fill("card_channel", &[("channel", c)])),
        t.owner.as_deref().map(|o| cx.labels.fill("owner", &[("owner", o)])),
    ]
    .into_iter()
    .flatten()
    .collect();
    let details_room = details.len() as f64 * cx.line_box(caption);
    let name = clipped(cx, &t.name, name_font, Role::Ink, Slot::new(inner.x, y, inner.width), room(y) - details_room);
    items.extend(name.items);
    y += name.height + s.unit / 4.0;
    for detail in &details {
        let lines = clipped(cx, detail, caption, Role::Ink, Slot::new(inner.x, y, inner.width), room(y).min(line));
        items.extend(lines.items);
        y += lines.height;
    }
    items
}

/// "Tick what applies" over two columns of outlines with their words: the
/// four marks and the star, then the feeling dots 1–5.
fn ticks(cx: &Context<'_>, area: Rect, icon: f64) -> Vec<Item> {
    let s = &cx.theme.space;
    let caption = cx.caption(Style::Regular);
    let bold = cx.caption(Style::Bold);
    let (heading, _) = cx.line_at(cx.labels.get("card_tick"), bold, Role::Muted, Point::new(area.x, area.y));
    let mut items = vec![Item::Text(heading)];
    let top = area.y + cx.line_box(bold) + s.unit / 2.0;
    let half = (area.width - s.unit) / 2.0;
    let stroke = (s.hairline * 1.5).max(icon * 0.08);
    let words = [
        ("canvas_essential", Some(Mark::Essential)),
        ("canvas_strength", Some(Mark::Strength)),
        ("canvas_pain", Some(Mark::Pain)),
        ("canvas_would_pay", Some(Mark::WouldPay)),
        ("canvas_moment_of_truth", None),
    ];
    for (i, (key, mark)) in words.iter().enumerate() {
        let (col, row) = (i / 3, i % 3);
        let x = area.x + col as f64 * (half + s.unit);
        let y = top + row as f64 * (icon + s.unit / 2.0);
        let square = Rect::new(x, y, icon, icon);
        items.push(match mark {
            Some(mark) => symbols::outline(*mark, square, stroke),
            None => symbols::star_outline(square, stroke),
        });
        let text_x = x + icon + s.unit / 2.0;
        let word = cx.shaper.ellipsize(cx.labels.get(key), caption.style, caption.size, x + half - text_x);
        let at = Point::new(text_x, y + (icon - cx.line_box(caption)) / 2.0);
        items.push(Item::Text(cx.line_at(&word, caption, Role::Ink, at).0));
    }
    // The feeling dots take the last place: the word, then five rings.
    let x = area.x + half + s.unit;
    let y = top + 2.0 * (icon + s.unit / 2.0);
    let word = cx.labels.get("feeling");
    let word_w = cx.width(word, caption);
    let at = Point::new(x, y + (icon - cx.line_box(caption)) / 2.0);
    let dot = (icon * 0.7).min((half - word_w - s.unit) / 6.0).max(0.0);
    if dot >= s.unit / 2.0 {
        items.push(Item::Text(cx.line_at(word, caption, Role::Ink, at).0));
        let x0 = x + word_w + s.unit / 2.0;
        let pips: Vec<Rect> =
            (0..5).map(|i| Rect::new(x0 + i as f64 * dot * 1.2, y + (icon - dot) / 2.0, dot, dot)).collect();
        items.push(symbols::meter("score", &pips, Pip::Dot, 0, Role::Score(3)));
    }
    items
}

/// `text` wrapped into `slot` in as many lines as `height` holds (at
/// least one), the last cut with "…" when the text runs on.
pub(super) fn clipped(cx: &Context<'_>, text: &str, font: Font, role: Role, slot: Slot, height: f64) -> Lines {
    let line = cx.line_box(font);
    let most = ((height / line) + 1e-9).max(1.0) as usize;
    let wrapped = wrap_in(cx.shaper, text, font.style, font.size, slot.width, Some(cx.labels.lang()));
    cx.forced.set(cx.forced.get() + wrapped.forced);
    let mut texts: Vec<String> = wrapped.lines.iter().map(crate::text::ShapedLine::text).collect();
    if texts.len() > most {
        // The lines that do not fit are joined back into words (a line
        // broken at a hyphenation point joins without a space) and cut.
        let mut rest = String::new();
        for part in &texts[most - 1..] {
            match rest.strip_suffix(crate::text::BREAK_HYPHEN) {
                Some(stem) => rest = format!("{stem}{part}"),
                None if rest.is_empty() => rest.push_str(part),
                None => rest = format!("{rest} {part}"),
            }
        }
        texts.truncate(most - 1);
        texts.push(cx.shaper.ellipsize(&rest, font.style, font.size, slot.width));
    }
    let mut items = Vec::with_capacity(texts.len());
    let mut y = slot.top;
    for text in &texts {
        let (l, h) = cx.line_at(text, font, role, Point::new(slot.x, y));
        items.push(Item::Text(l));
        y += h;
    }
    Lines { items, height: y - slot.top }
}
