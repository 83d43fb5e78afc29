//! The spine: one numbered chapter header per stage, chevrons between.

use super::{Region, boxed};
use crate::layout::context::{Context, Font, Slot};
use crate::layout::frame::{BoxStyle, Geometry, Group, Item, Shape, Structure, Tag};
use crate::layout::geom::{Point, Rect};
use crate::layout::symbols;
use crate::text::Style;
use crate::theme::Role;

/// Lays out the spine.
pub(crate) fn layout(cx: &Context<'_>) -> Region {
    let s = &cx.theme.space;
    let t = &cx.theme.type_scale;
    let pad = s.cell_padding;
    let number_font = Font { style: Style::Regular, size: t.stage_number, leading: t.line_height };
    let name_font = Font { style: Style::Bold, size: name_size(cx), leading: t.heading_line_height };
    // The weakest and strongest stages say so in their headers, where the
    // eye starts.
    let extremes = cx.extremes;
    let shows_health = cx.journey.poster.panels.as_deref().is_none_or(|p| p.contains(&crate::model::Panel::HEALTH));
    // Lay out each header's content, then give all one height.
    let mut contents = Vec::new();
    let stage_word = cx.labels.get("stage").to_uppercase();
    for (i, (stage, col)) in cx.journey.stages.iter().zip(&cx.grid.columns).enumerate() {
        let stage_number = format!("{stage_word} {}", cx.first_stage + i + 1);
        let (number, nh) = cx.line_at(&stage_number, number_font, Role::SpineInk, Point::new(col.x + pad, pad));
        let name =
            cx.lines(&stage.name, name_font, Role::SpineInk, Slot::new(col.x + pad, pad + nh, col.width - 2.0 * pad));
        let mut height = nh + name.height;
        let mut tab = None;
        let mut show_number = true;
        let mut worded = true;
        if let Some(standing) = extremes.standing(i).filter(|_| shows_health) {
            let font = Font { style: Style::Bold, size: t.caption, leading: t.line_height };
            let word = cx.labels.get(if standing == crate::health::Standing::Weakest {
                "weakest_tab"
            } else {
                "strongest_tab"
            });
            // The colour travels in a small badge; the word is in ink on
            // the surface, so it reads in every theme.
            let mark = if standing == crate::health::Standing::Weakest {
                crate::model::Mark::Pain
            } else {
                crate::model::Mark::Strength
            };
            let line_box = cx.line_box(font);
            let icon = line_box * 0.8;
            let w = s.unit / 2.0 + icon + s.unit / 4.0 + cx.width(word, font) + s.unit / 2.0;
            let right = col.right() - pad;
            // Beside the stage number when there is room, else under the
            // name (every header then grows to the same height).
            let chip = if right - w >= col.x + pad + number.width + s.unit {
                Some(Rect::new(right - w, pad + (nh - line_box) / 2.0, w, line_box))
            } else if cx.brief && w <= col.width - 2.0 * pad {
                // A brief page gives the number's line to the chip: the
                // arrows already say the order, and the names stay level.
                show_number = false;
                Some(Rect::new(col.x + pad, pad + (nh - line_box) / 2.0, w, line_box))
            } else if w <= col.width - 2.0 * pad {
                let top = pad + height + s.unit / 2.0;
                height += s.unit / 2.0 + line_box;
                Some(Rect::new(col.x + pad, top, w, line_box))
            } else {
                // A column too narrow for the word keeps the badge, beside
                // the number: the wash and bar below say the rest.
                let w_icon = s.unit + icon;
                worded = false;
                if right - w_icon >= col.x + pad + number.width + s.unit / 2.0 {
                    Some(Rect::new(right - w_icon, pad + (nh - line_box) / 2.0, w_icon, line_box))
                } else {
                    let top = pad + height + s.unit / 2.0;
                    height += s.unit / 2.0 + line_box;
                    Some(Rect::new(col.x + pad, top, w_icon, line_box))
                }
            };
            if let Some(chip) = chip {
                let badge = symbols::badge(
                    mark,
                    Rect::new(chip.x + s.unit / 2.0, chip.y + (line_box - icon) / 2.0, icon, icon),
                );
                let text_x = chip.x + s.unit / 2.0 + icon + s.unit / 4.0;
                let shape = Shape::filled(Geometry::Rect { rect: chip, radius: s.radius / 2.0 }, Role::Surface);
                let mut parts = vec![Item::Shape(shape), badge];
                if worded {
                    let (line, _) = cx.line_at(word, font, Role::Ink, Point::new(text_x, chip.y));
                    parts.push(Item::Text(line));
                }
                tab = Some(Item::Group(Group::new(Some(Tag::class(format!("standing {}", standing.as_str()))), parts)));
            }
        }
        let mut items: Vec<Item> = Vec::new();
        if show_number {
            items.push(Item::Text(number));
        }
        items.extend(tab);
        items.extend(name.items);
        contents.push((items, height));
    }
    let height = contents.iter().map(|(_, h)| *h).fold(0.0, f64::max) + 2.0 * pad;
    let mut items = Vec::new();
    let stages = cx.journey.stages.len();
    for (i, ((content, _), col)) in contents.into_iter().zip(&cx.grid.columns).enumerate() {
        if i + 1 < stages {
            // An arrow in the gutter says "and then".
            let w = cx.theme.symbols.chevron.min(s.gutter);
            let h = w * 1.6;
            let x = col.right() + (s.gutter - w) / 2.0;
            items.push(symbols::chevron(Rect::new(x, (height - h) / 2.0, w, h), Role::Spine));
        }
        let tag = Tag::new(format!("stage-{}", i + 1), "stage")
            .data("stage", &cx.journey.stages[i].name)
            .data("stage-number", (i + 1).to_string())
            .structure(Structure::Heading(2));
        let style = BoxStyle { fill: Some(Role::Spine), stroke: None, radius: s.radius };
        let mut content = content;
        if shows_health && cx.extremes.weakest_stage() == Some(i) {
            // A band of the pain colour along the header's foot, inside
            // its padding: where it hurts, found from across the room and
            // tied to the tinted column below.
            let band = (pad / 2.0).min(s.unit * 0.75);
            let rect = Rect::new(col.x, height - band, col.width, band);
            content.insert(0, Item::Shape(Shape::filled(Geometry::Rect { rect, radius: band / 2.0 }, Role::Pain)));
        }
        items.push(boxed(tag, Rect::new(col.x, 0.0, col.width, height), style, content));
    }
    let mut region = Region::new(cx, "spine", height, items);
    region.on_grid = true;
    region
}

/// One size for every stage name: the theme's, or smaller so that no word
/// of any name has to break (a designer sets a long "Consideration" one
/// notch down rather than splitting it), but never below body text.
/// Widths scale linearly with size, so the size is exact.
fn name_size(cx: &Context<'_>) -> f64 {
    let t = &cx.theme.type_scale;
    let available = cx.grid.columns.first().map_or(0.0, |c| c.width) - 2.0 * cx.theme.space.cell_padding;
    let words: Vec<&str> = cx.journey.stages.iter().flat_map(|stage| stage.name.split_whitespace()).collect();
    let widest = |size: f64, words: &mut dyn Iterator<Item = &&str>| {
        words.map(|word| cx.shaper.width(word, Style::Bold, size)).fold(0.0, f64::max)
    };
    let floor = t.body.min(t.stage);
    let all = widest(t.stage, &mut words.iter());
    if all <= available || all <= 0.0 {
        return t.stage;
    }
    // Whole words at a size at most one notch (a fifth) smaller…
    // A thousandth under the exact size: rounding must not push the
    // widest word over the width it was sized to and break it.
    let whole = t.stage * available / all * 0.999;
    // The summary (and a brief page, a slide's) sets whole names down to
    // body size before it breaks one: its columns are narrow for the
    // type, and hold no card titles for the names to outrank.
    let notch = if cx.names_to_body { floor } else { (t.stage * 0.8).max(floor) };
    if whole >= notch {
        return whole;
    }
    // …else one notch smaller, with the words too long for it broken by
    // the language's patterns; only a word the patterns cannot break
    // shrinks every name further.
    cx.names_broken.set(true);
    let lang = cx.labels.lang();
    let mut unbreakable =
        words.iter().filter(|w| !crate::text::fits_hyphenated(cx.shaper, w, Style::Bold, notch, available, lang));
    let stubborn = widest(t.stage, &mut unbreakable);
    if stubborn <= 0.0 {
        return notch;
    }
    (t.stage * available / stubborn).clamp(floor, notch)
}
