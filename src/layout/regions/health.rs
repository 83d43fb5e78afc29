//! The stage-health strip: per stage, pain points to the left of a centre
//! line as small warning triangles and strengths to the right as small
//! check discs — shapes that part in greyscale — an essential pain drawn
//! twice, as it counts twice; the balance; the weakest and strongest
//! stages outlined and named.

use super::questions::{RowHead, label_box, row_label};
use super::{Region, boxed};
use crate::health::{self, StageHealth};
use crate::layout::context::{Context, Font, Slot};
use crate::layout::frame::{BoxStyle, Group, Item, Stroke, Structure, Tag};
use crate::layout::geom::{Point, Rect};
use crate::layout::symbols;
use crate::model::Mark;
use crate::text::Style;
use crate::theme::Role;

/// The stage-health strip, as a panel.
pub(crate) const PANEL: super::PanelRegion = super::PanelRegion {
    panel: crate::model::Panel::HEALTH,
    description: "The stage-health strip, strengths against pain points.",
    called: "the stage-health strip",
    layout,
    has_data,
    shares: super::no_shares,
    side: false,
    drop_rank: Some(3),
};

/// Whether there is anything to show: a strength or a pain somewhere.
pub(crate) fn has_data(cx: &Context<'_>) -> bool {
    cx.health.iter().any(|h| h.strengths + h.pains > 0)
}

/// Lays out the strip.
pub(crate) fn layout(cx: &Context<'_>) -> Region {
    let s = &cx.theme.space;
    let pad = s.cell_padding;
    let stages = cx.health;
    let extremes = cx.extremes;
    let name = |i: usize| cx.journey.stages.get(i).map_or("", |st| st.name.as_str());
    let head = RowHead::labelled(cx, "health", "health");
    let (label, label_h) = row_label(cx, &head, 0.0);

    let cells: Vec<(Vec<Item>, f64)> = stages
        .iter()
        .zip(&cx.grid.columns)
        .map(|(h, col)| cell(cx, h, extremes, Slot::new(col.x + pad, pad, col.width - 2.0 * pad)))
        .collect();
    let height = cells.iter().map(|(_, h)| h + 2.0 * pad).fold(label_h, f64::max);
    let mut items = vec![label_box(cx, &head, 0.0, height, label)];
    for ((content, _), (h, col)) in cells.into_iter().zip(stages.iter().zip(&cx.grid.columns)) {
        let i = h.stage;
        let standing = extremes.standing(i).map(|w| (if w == "weakest" { Role::Pain } else { Role::Strength }, w));
        let mut tag = Tag::new(format!("health-{}", i + 1), "health")
            .data("stage", name(i))
            .data("stage-number", (i + 1).to_string())
            .data("strengths", h.strengths.to_string())
            .data("pains", h.pains.to_string())
            .data("balance", h.balance().to_string());
        if let Some((_, word)) = standing {
            tag = tag.data("standing", word);
        }
        let style = BoxStyle {
            fill: None,
            stroke: standing.map(|(role, _)| Stroke::solid(role, s.hairline * 2.0)),
            radius: s.radius,
        };
        items.push(boxed(tag, Rect::new(col.x, 0.0, col.width, height), style, content));
    }
    let mut region = Region::new(cx, "health", height, items);
    region.tag = region.tag.structure(Structure::Figure(alt_text(cx)));
    region.on_grid = true;
    region
}

/// One stage's bars, counts and verdict in `slot`; returns the items and
/// their height.
fn cell(cx: &Context<'_>, h: &StageHealth, extremes: health::Extremes, slot: Slot) -> (Vec<Item>, f64) {
    let s = &cx.theme.space;
    let caption = cx.caption(Style::Bold);
    let mut items = Vec::new();
    let centre = slot.x + slot.width / 2.0;
    let digits = (h.pains + h.essential_pains).max(h.strengths).max(10).to_string();
    let count_w = cx.width(&digits, caption) + s.unit / 2.0;
    let half = (slot.width / 2.0 - count_w - s.unit / 2.0).max(0.0);
    // An essential pain is drawn twice: the blocks add up to the balance.
    let pain_blocks = h.pains + h.essential_pains;
    let most = pain_blocks.max(h.strengths).max(1) as f64;
    // Blocks of the theme's badge size, smaller when a stage has many.
    let step = cx.theme.symbols.health_block.min(half / most);
    let block = step * 0.85;
    let row_h = caption.line_height().max(block);
    let block_y = slot.top + (row_h - block) / 2.0;

    items.push(symbols::rule(
        Point::new(centre, slot.top),
        Point::new(centre, slot.top + row_h),
        Role::Ink,
        s.hairline,
    ));
    let mut bar = |count: usize, mark: Mark, leftward: bool| {
        for k in 0..count {
            let offset = s.unit / 4.0 + k as f64 * step;
            let x = if leftward { centre - offset - block } else { centre + offset };
            let badge = symbols::badge(mark, Rect::new(x, block_y, block, block));
            items.push(Item::Group(Group::new(
                Some(Tag::class(if leftward { "block pain" } else { "block strength" })),
                vec![badge],
            )));
        }
        let text = count.to_string();
        let w = cx.width(&text, caption);
        let x = if leftward {
            centre - s.unit / 4.0 - count as f64 * step - s.unit / 2.0 - w
        } else {
            centre + s.unit / 4.0 + count as f64 * step + s.unit / 2.0
        };
        let (line, _) =
            cx.line_at(&text, caption, Role::Ink, Point::new(x, slot.top + (row_h - caption.line_height()) / 2.0));
        items.push(Item::Text(line));
    };
    bar(pain_blocks, Mark::Pain, true);
    bar(h.strengths, Mark::Strength, false);

    let mut y = slot.top + row_h + s.unit / 2.0;
    let font = cx.caption(Style::Regular);
    let verdict = match extremes.standing(h.stage) {
        Some("weakest") => Some(cx.labels.get("weakest_stage")),
        Some(_) => Some(cx.labels.get("strongest_stage")),
        None => None,
    };
    let balance = cx.labels.fill("balance", &[("n", &signed(h.balance()))]);
    let text = verdict.map_or(balance.clone(), |v| format!("{v} · {balance}"));
    let style = if verdict.is_some() { Style::Bold } else { Style::Regular };
    let lines = cx.lines(
        &text,
        Font { style, ..font },
        if verdict.is_some() { Role::Ink } else { Role::Muted },
        Slot::new(slot.x, y, slot.width),
    );
    items.extend(lines.items);
    y += lines.height;
    (items, y - slot.top)
}

/// A balance with its sign, a true minus for negatives.
pub(crate) fn signed(n: i64) -> String {
    match n {
        n if n > 0 => format!("+{n}"),
        n if n < 0 => format!("\u{2212}{}", n.unsigned_abs()),
        _ => "0".to_owned(),
    }
}

/// What the strip shows, in words, for a reader who cannot see it: each
/// stage's strengths and pains, and which stand out.
fn alt_text(cx: &Context<'_>) -> String {
    let stages: Vec<String> = cx
        .health
        .iter()
        .filter_map(|h| {
            let name = &cx.journey.stages.get(h.stage)?.name;
            let standing = cx
                .extremes
                .standing(h.stage)
                .map_or(String::new(), |w| format!(" ({})", cx.labels.get(&format!("{w}_stage"))));
            Some(format!("{name} {:+}{standing}", h.balance()))
        })
        .collect();
    format!("{}: {}", cx.labels.get("health"), stages.join(", "))
}
