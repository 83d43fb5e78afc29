//! The slide that explains the marks: each badge, the moment of truth's
//! star and the score colours drawn as a card shows them, larger, with
//! what they mean in words and how many touchpoints carry them; then how
//! a stage is named weakest or strongest. The legend's own drawing and
//! words, so the slide and the poster never disagree.

use super::{Block, Canvas, Slide, column, fits, fitted, stacked};
use crate::layout::context::{Font, Slot};
use crate::layout::frame::{Group, Item, Structure, Tag, Transform};
use crate::layout::regions::headline::and_list;
use crate::layout::regions::legend;
use crate::layout::stack::Stacker;
use crate::text::Style;
use crate::theme::Role;

/// How much larger than on a card the symbols are drawn.
const SYMBOL_SCALE: f64 = 1.6;

/// The marks slide, when the map uses any mark.
pub(super) fn slide(builder: &Stacker<'_>, min_scale: f64) -> Option<Slide> {
    let title = builder.labels.get("deck_marks").to_owned();
    let (scale, _) = fitted(min_scale, |scale| at(builder, scale, &title, false))?;
    let (frame, notes) = at(builder, scale, &title, true)?;
    Some(Slide { name: title, scale, frame, notes })
}

/// The slide at `scale`, its rows spread over the band with `spread`.
fn at(builder: &Stacker<'_>, scale: f64, title: &str, spread: bool) -> Option<(crate::layout::frame::Frame, String)> {
    let mut canvas = Canvas::new(builder, scale, title);
    let cx = &canvas.cx;
    let entries = legend::explained(cx);
    if entries.is_empty() {
        return None;
    }
    let s = &cx.theme.space;
    let t = &cx.theme.type_scale;
    let (margin, gutter) = (s.margin, s.section);
    let half = (canvas.content() - gutter) / 2.0;
    let per_column = entries.len().div_ceil(2);
    // Each column's words start after its own widest symbol.
    let text_xs: Vec<f64> = entries
        .chunks(per_column)
        .map(|c| c.iter().map(|e| e.size.0 * SYMBOL_SCALE).fold(0.0, f64::max) + s.unit * 2.0)
        .collect();
    let body = Font { style: Style::Regular, size: t.body, leading: t.line_height };
    let mut said = Vec::new();
    let blocks: Vec<Block> = entries
        .into_iter()
        .enumerate()
        .map(|(i, e)| {
            let text_x = text_xs.get(i / per_column).copied().unwrap_or_default();
            said.push(format!("{} ({})", e.words, e.counted));
            let words = cx.lines(&e.words, body, Role::Ink, Slot::new(text_x, 0.0, half - text_x));
            let count = cx.lines(
                &e.counted,
                cx.caption(Style::Regular),
                Role::Muted,
                Slot::new(text_x, words.height, half - text_x),
            );
            let text_h = words.height + count.height;
            let symbol_h = e.size.1 * SYMBOL_SCALE;
            let height = text_h.max(symbol_h);
            let mut symbol = Group::new(Some(Tag::class("symbol")), vec![e.symbol]);
            symbol.transform = Transform { tx: 0.0, ty: (height - symbol_h) / 2.0, scale: SYMBOL_SCALE };
            let mut items = vec![Item::Group(symbol)];
            items.extend(words.items);
            items.extend(count.items);
            let tag =
                Tag::new(format!("mark-{}", e.name), "mark").data("symbol", e.name).structure(Structure::ListItem);
            Block { tag: Some(tag), items, width: half, height }
        })
        .collect();
    let rule = cx.lines(
        cx.labels.get("health_rule"),
        cx.caption(Style::Italic),
        Role::Muted,
        Slot::new(0.0, 0.0, canvas.content()),
    );
    let rule_h = rule.height;
    let mut left = blocks;
    let right = left.split_off(per_column);
    let room = canvas.room() - rule_h - s.section;
    let gap = s.unit * 2.0;
    let tallest = stacked(&left, gap).max(stacked(&right, gap));
    if !fits(tallest, room) || !canvas.clean() {
        return None;
    }
    let (top, bottom, content) = (canvas.top, canvas.bottom, canvas.content());
    for (x, blocks) in [(margin, left), (margin + half + gutter, right)] {
        let spare = if spread { room - stacked(&blocks, gap) } else { 0.0 };
        let (items, _) = column(blocks, x, top, gap, spare);
        canvas.frame.items.extend(items);
    }
    let rule_y = if spread { bottom - rule_h } else { top + tallest + s.section };
    let block =
        Block { tag: Some(Tag::new("health-rule", "health-rule")), items: rule.items, width: content, height: rule_h };
    canvas.frame.push(block.at(margin, rule_y));
    let notes = cx.labels.fill("deck_notes_marks", &[("list", &and_list(cx, &said))]);
    Some((canvas.frame, notes))
}
