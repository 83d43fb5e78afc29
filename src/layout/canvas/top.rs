//! The canvas's top band: boxes for the title, persona, team, date and
//! sources, filled with what the map knows, and the key of the marks
//! drawn large enough to copy onto the notes by hand.

use super::Part;
use crate::layout::context::{Context, Font, Slot};
use crate::layout::frame::{BoxStyle, Group, Item, Stroke, Structure, Tag};
use crate::layout::geom::{Point, Rect};
use crate::layout::symbols;
use crate::model::Mark;
use crate::text::Style;
use crate::theme::Role;
use crate::units::Length;

/// How large the key draws a mark at print size, at the least.
const KEY_SYMBOL_MM: f64 = 12.0;

/// One box of the band: its id, its label's key, what the map says, and
/// its share of the width.
struct Field {
    name: &'static str,
    label: &'static str,
    value: Option<String>,
    share: f64,
}

/// The fields, in reading order.
fn fields(cx: &Context<'_>) -> Vec<Field> {
    let j = cx.journey;
    let joined = |v: &[String], sep: &str| (!v.is_empty()).then(|| v.join(sep));
    let f = |name, label, value, share| Field { name, label, value, share };
    vec![
        f("title", "canvas_title", Some(j.title.clone()).filter(|t| !t.trim().is_empty()), 3.0),
        f("persona", "canvas_persona", j.persona.clone(), 2.0),
        f("team", "canvas_team", joined(&j.team, ", "), 2.0),
        f("date", "canvas_date", j.date.map(|d| cx.labels.date(d)), 1.2),
        f("sources", "canvas_sources", joined(&j.sources, "; "), 2.0),
    ]
}

/// Lays out the band across `width`; `scale` is the page's, for the
/// key's symbols.
pub(super) fn layout(cx: &Context<'_>, width: f64, scale: f64) -> Part {
    let s = &cx.theme.space;
    let key = Key::measure(cx, scale);
    // The key stands beside the boxes when they keep most of the width,
    // else under them.
    let beside = width - key.width - s.gutter >= width * 0.55;
    let boxes_w = if beside { width - key.width - s.gutter } else { width };
    let contents = field_contents(cx, boxes_w);
    let natural = contents.iter().map(|(_, _, h)| *h).fold(key.height * f64::from(u8::from(beside)), f64::max);
    let mut items = Vec::new();
    for (rect, content, _) in contents {
        let field_rect = Rect::new(rect.x, 0.0, rect.width, natural);
        items.push(Item::Group(field_box(cx, content, field_rect)));
    }
    let (key_rect, height) = if beside {
        (Rect::new(width - key.width, 0.0, key.width, natural), natural)
    } else {
        (Rect::new(0.0, natural + s.gutter, width, key.height), natural + s.gutter + key.height)
    };
    items.push(key.draw(cx, key_rect));
    Part { items, height }
}

/// A field's box and what goes in it.
struct FieldContent {
    tag: Tag,
    items: Vec<Item>,
}

/// A field's box: the paper's surface with a border that prints in
/// greyscale.
fn field_box(cx: &Context<'_>, content: FieldContent, rect: Rect) -> Group {
    let s = &cx.theme.space;
    let style =
        BoxStyle { fill: Some(Role::Surface), stroke: Some(Stroke::solid(Role::Muted, s.hairline)), radius: s.radius };
    Group::boxed(content.tag, rect, style, content.items)
}

/// Each field's column (its x and width), content and natural height.
fn field_contents(cx: &Context<'_>, width: f64) -> Vec<(Rect, FieldContent, f64)> {
    let s = &cx.theme.space;
    let t = &cx.theme.type_scale;
    let pad = s.cell_padding;
    let fields = fields(cx);
    let shares: f64 = fields.iter().map(|f| f.share).sum();
    let room = width - (fields.len() - 1) as f64 * s.gutter;
    let label_font = cx.caption(Style::Bold);
    let meta = Font { style: Style::Regular, size: t.meta, leading: t.line_height };
    let title_font = Font { style: Style::Bold, size: t.stage, leading: t.heading_line_height };
    // Room for a line or two in marker pen when nothing is printed yet.
    let write = 2.5 * cx.line_box(meta);
    let mut x = 0.0;
    let mut out = Vec::new();
    for field in fields {
        let w = room * field.share / shares;
        let inner = Slot::new(x + pad, pad, w - 2.0 * pad);
        let label = cx.lines(&cx.labels.get(field.label).to_uppercase(), label_font, Role::Muted, inner);
        let mut items = label.items;
        let top = pad + label.height + s.unit / 2.0;
        let font = if field.name == "title" { title_font } else { meta };
        let mut body = write;
        if let Some(value) = &field.value {
            let lines = cx.lines(value, font, Role::Ink, Slot::new(inner.x, top, inner.width));
            items.extend(lines.items);
            body = body.max(lines.height);
        }
        let tag = Tag::new(format!("field-{}", field.name), "field").data("field", field.name);
        out.push((Rect::new(x, 0.0, w, 0.0), FieldContent { tag, items }, top + body + pad));
        x += w + s.gutter;
    }
    out
}

/// The key: a heading over the four marks and the star, each drawn large
/// with its word beneath.
struct Key {
    symbol: f64,
    entries: Vec<(Option<Mark>, String, f64)>,
    width: f64,
    height: f64,
}

impl Key {
    fn measure(cx: &Context<'_>, scale: f64) -> Key {
        let s = &cx.theme.space;
        let symbol = (Length::mm(KEY_SYMBOL_MM).to_px() / scale).max(2.0 * s.badge);
        let word_font = Self::word_font(cx);
        let words = [
            (Some(Mark::Essential), "canvas_essential"),
            (Some(Mark::Strength), "canvas_strength"),
            (Some(Mark::Pain), "canvas_pain"),
            (Some(Mark::WouldPay), "canvas_would_pay"),
            (None, "canvas_moment_of_truth"),
        ];
        let entries: Vec<(Option<Mark>, String, f64)> = words
            .iter()
            .map(|(mark, key)| {
                let word = cx.labels.get(key).to_owned();
                let w = cx.width(&word, word_font).max(symbol);
                (*mark, word, w)
            })
            .collect();
        let heading = cx.width(cx.labels.get("canvas_key"), Self::heading_font(cx));
        let row: f64 = entries.iter().map(|e| e.2).sum::<f64>() + (entries.len() - 1) as f64 * s.unit * 3.0;
        let width = row.max(heading) + 2.0 * s.cell_padding;
        let height = 2.0 * s.cell_padding
            + cx.line_box(Self::heading_font(cx))
            + s.unit
            + symbol
            + s.unit / 2.0
            + cx.line_box(word_font);
        Key { symbol, entries, width, height }
    }

    fn heading_font(cx: &Context<'_>) -> Font {
        let t = &cx.theme.type_scale;
        Font { style: Style::Bold, size: t.label, leading: t.line_height }
    }

    fn word_font(cx: &Context<'_>) -> Font {
        let t = &cx.theme.type_scale;
        Font { style: Style::Bold, size: t.label, leading: t.line_height }
    }

    /// The key in `rect`, its row of symbols centred across it.
    fn draw(&self, cx: &Context<'_>, rect: Rect) -> Item {
        let s = &cx.theme.space;
        let pad = s.cell_padding;
        let heading_font = Self::heading_font(cx);
        let word_font = Self::word_font(cx);
        let (heading, hh) =
            cx.line_at(cx.labels.get("canvas_key"), heading_font, Role::Ink, Point::new(rect.x + pad, rect.y + pad));
        let mut items = vec![Item::Text(heading)];
        let row: f64 = self.entries.iter().map(|e| e.2).sum::<f64>() + (self.entries.len() - 1) as f64 * s.unit * 3.0;
        let mut x = rect.x + (rect.width - row) / 2.0;
        let y = rect.y + pad + hh + s.unit;
        for (mark, word, w) in &self.entries {
            let square = Rect::new(x + (w - self.symbol) / 2.0, y, self.symbol, self.symbol);
            items.push(match mark {
                Some(mark) => symbols::badge(*mark, square),
                None => symbols::star(square),
            });
            let ww = cx.width(word, word_font);
            let at = Point::new(x + (w - ww) / 2.0, y + self.symbol + s.unit / 2.0);
            items.push(Item::Text(cx.line_at(word, word_font, Role::Ink, at).0));
            x += w + s.unit * 3.0;
        }
        let words: Vec<&str> = self.entries.iter().map(|e| e.1.as_str()).collect();
        let tag = Tag::new("key", "key").structure(Structure::Figure(words.join(", ")));
        let style = BoxStyle {
            fill: Some(Role::Surface),
            stroke: Some(Stroke::solid(Role::Muted, s.hairline)),
            radius: s.radius,
        };
        Item::Group(Group::boxed(tag, rect, style, items))
    }
}
