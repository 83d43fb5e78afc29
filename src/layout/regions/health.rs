//! The stage-health strip: per stage, a diverging bar of what hurts (left
//! of a centre line: pain triangles, an essential pain drawn twice, and a
//! dot for each touchpoint felt badly) against what works (right: strength
//! checks and a dot for each felt well), its health as a signed number and
//! its parts counted in words. The weakest stage is boxed with a heavy
//! solid line and a pain tint, the strongest with a dashed line: they part
//! in greyscale. Under the strip, in plain words, any tie that decided
//! them and why a stage is not named.

use super::questions::{RowHead, label_box, row_label};
use super::{Region, boxed};
use crate::health::{Decider, Pick, StageHealth, Standing};
use crate::layout::context::{Context, Font, LIST_SEPARATOR, Slot};
use crate::layout::frame::{BoxStyle, Geometry, Group, Item, Shape, Stroke, Structure, Tag};
use crate::layout::geom::{Point, Rect};
use crate::layout::symbols;
use crate::model::Mark;
use crate::text::Style;
use crate::theme::Role;

/// The stage-health strip, as a panel.
pub(crate) const PANEL: super::PanelRegion = super::PanelRegion {
    panel: crate::model::Panel::HEALTH,
    description: "The stage-health strip: what works (strengths, good feelings) against what hurts (pains, bad feelings).",
    called: "the stage-health strip",
    layout,
    has_data,
    shares: super::no_shares,
    side: false,
};

/// Whether there is anything to show: a mark or a telling score somewhere.
pub(crate) fn has_data(cx: &Context<'_>) -> bool {
    cx.health.iter().any(|h| h.works() + h.hurts() > 0)
}

/// How much of the pain colour tints the weakest stage's box.
const TINT: f64 = 0.12;

/// Lays out the strip.
pub(crate) fn layout(cx: &Context<'_>) -> Region {
    let s = &cx.theme.space;
    let pad = s.cell_padding;
    let head = RowHead::labelled(cx, "health", "health");
    let (label, label_h) = row_label(cx, &head, 0.0);

    let cells: Vec<(Vec<Item>, f64)> = cx
        .health
        .iter()
        .zip(&cx.grid.columns)
        .map(|(h, col)| cell(cx, h, Slot::new(col.x + pad, pad, col.width - 2.0 * pad)))
        .collect();
    let cells_h = cells.iter().map(|(_, h)| h + 2.0 * pad).fold(0.0, f64::max);
    let (note, note_h) = verdict_note(cx, cells_h + s.unit / 2.0);
    let height = (cells_h + note_h).max(label_h);
    let mut items = vec![label_box(cx, &head, 0.0, height, label)];
    for ((content, _), (h, col)) in cells.into_iter().zip(cx.health.iter().zip(&cx.grid.columns)) {
        items.push(stage_box(cx, h, Rect::new(col.x, 0.0, col.width, cells_h), content));
    }
    items.extend(note);
    let mut region = Region::new(cx, "health", height, items);
    region.tag = region.tag.structure(Structure::Figure(alt_text(cx)));
    region.on_grid = true;
    region
}

/// One stage's box: its tag and data, its outline by standing.
fn stage_box(cx: &Context<'_>, h: &StageHealth, rect: Rect, content: Vec<Item>) -> Item {
    let s = &cx.theme.space;
    let i = h.stage;
    let name = cx.journey.stages.get(i).map_or("", |st| st.name.as_str());
    let mut tag = Tag::new(format!("health-{}", i + 1), "health")
        .data("stage", name)
        .data("stage-number", (cx.first_stage + i + 1).to_string())
        .data("health", h.health().to_string())
        .data("strengths", h.strengths.to_string())
        .data("pains", h.pains.to_string())
        .data("felt-well", h.felt_well.to_string())
        .data("felt-badly", h.felt_badly.to_string());
    let standing = cx.extremes.standing(i);
    if let Some(standing) = standing {
        tag = tag.data(standing.as_str(), "true");
    }
    if let Some(old) = cx.diff.and_then(|d| d.old_health(i)) {
        tag = tag.data("change", "health").data("health-old", old.to_string());
    }
    let stroke = match standing {
        Some(Standing::Weakest) => Some(Stroke::solid(Role::Pain, s.hairline * 4.0)),
        Some(Standing::Strongest) => {
            Some(Stroke { role: Role::Strength, width: s.hairline * 2.0, dash: Some(s.unit * 0.75), round: false })
        }
        None => None,
    };
    let mut items = Vec::with_capacity(content.len() + 1);
    if standing == Some(Standing::Weakest) {
        items.push(symbols::wash(rect, s.radius, Role::Pain, TINT));
    }
    items.extend(content);
    boxed(tag, rect, BoxStyle { fill: None, stroke, radius: s.radius }, items)
}

/// One stage's bar, health and words in `slot`; returns the items and
/// their height.
fn cell(cx: &Context<'_>, h: &StageHealth, slot: Slot) -> (Vec<Item>, f64) {
    let s = &cx.theme.space;
    let (mut items, row_h) = bar(cx, h, slot);
    let mut y = slot.top + row_h + s.unit / 2.0;

    let bold = cx.caption(Style::Bold);
    let standing = cx.extremes.standing(h.stage);
    // A diff poster says what the health was: "−3 → +2".
    let before = cx.diff.and_then(|d| d.old_health(h.stage));
    let number = match before {
        Some(old) => format!("{} → {}", signed(old), signed(h.health())),
        None => signed(h.health()),
    };
    let head = head(cx, number, standing, bold, slot.width);
    let role = match (before, standing) {
        (Some(_), _) => Role::Accent,
        (None, Some(_)) => Role::Ink,
        (None, None) => Role::Muted,
    };
    let lines = cx.lines(&head, bold, role, Slot::new(slot.x, y, slot.width));
    items.extend(lines.items);
    y += lines.height;

    let words = glued_parts(cx, h, slot.width);
    if !words.is_empty() {
        // The weakest box lies on the band and its own wash: its words
        // are in full ink, which keeps them readable there and reads first.
        let ink = if standing == Some(Standing::Weakest) { Role::Ink } else { Role::Muted };
        let lines = cx.list(&words, cx.caption(Style::Regular), ink, Slot::new(slot.x, y, slot.width));
        items.extend(lines.items);
        y += lines.height;
    }
    (items, y - slot.top)
}

/// The stage's parts in words: "3 pains · 1 strength · 2 felt badly".
pub(crate) fn parts(cx: &Context<'_>, h: &StageHealth) -> String {
    counts(cx, h).join(&format!(" {LIST_SEPARATOR} "))
}

/// [`parts`] for the box, each count glued to its words with no-break
/// spaces where it fits `width`, so a line never ends on "1 felt" and
/// leaves "well" alone below.
fn glued_parts(cx: &Context<'_>, h: &StageHealth, width: f64) -> Vec<String> {
    let font = cx.caption(Style::Regular);
    // Measured with the separator glued after it, as the line holds it.
    let fits = |count: &str| cx.width(&format!("{count} {LIST_SEPARATOR}"), font) <= width;
    let glue = |count: String| if fits(&count) { glued(&count) } else { count };
    counts(cx, h).into_iter().map(glue).collect()
}

/// `words` with no-break spaces: one unit for the line breaker.
fn glued(words: &str) -> String {
    words.replace(' ', "\u{a0}")
}

/// The box's first line: its health, and the weakest or strongest stage's
/// name for it ("−3 · Weakest stage"); where that does not fit the width,
/// the number alone and the name whole on the line below, so no line
/// ends on a separator or leaves "stage" alone.
fn head(cx: &Context<'_>, number: String, standing: Option<Standing>, font: Font, width: f64) -> String {
    let key = match standing {
        Some(Standing::Weakest) => "weakest_stage",
        Some(Standing::Strongest) => "strongest_stage",
        None => return number,
    };
    let label = cx.labels.get(key);
    let one = format!("{number} {LIST_SEPARATOR} {label}");
    if cx.width(&one, font) <= width { one } else { format!("{number}\n{}", glued(label)) }
}

/// Each count in words: "3 pains", "1 strength".
fn counts(cx: &Context<'_>, h: &StageHealth) -> Vec<String> {
    let counted =
        [("pains", h.pains), ("strengths", h.strengths), ("felt_badly", h.felt_badly), ("felt_well", h.felt_well)];
    counted.iter().filter(|(_, n)| *n > 0).map(|(key, n)| cx.labels.plural(key, *n)).collect()
}

/// The diverging bar: hurts to the left of the centre line, works to the
/// right, each side's count at its end. Returns its items and height.
fn bar(cx: &Context<'_>, h: &StageHealth, slot: Slot) -> (Vec<Item>, f64) {
    let s = &cx.theme.space;
    let caption = cx.caption(Style::Bold);
    let centre = slot.x + slot.width / 2.0;
    let digits = h.hurts().max(h.works()).max(10).to_string();
    let count_w = cx.width(&digits, caption) + s.unit / 2.0;
    let half = (slot.width / 2.0 - count_w - s.unit / 2.0).max(0.0);
    let most = h.hurts().max(h.works()).max(1) as f64;
    // Blocks of the theme's badge size, smaller when a stage has many.
    let step = cx.theme.symbols.health_block.min(half / most);
    let block = step * 0.85;
    let row_h = caption.line_height().max(block);
    let block_y = slot.top + (row_h - block) / 2.0;
    let mut items =
        vec![symbols::rule(Point::new(centre, slot.top), Point::new(centre, slot.top + row_h), Role::Ink, s.hairline)];

    let stage = cx.journey.stages.get(h.stage);
    let scores = |keep: fn(u8) -> bool| -> Vec<u8> {
        stage.map_or_else(Vec::new, |st| {
            st.touchpoints.iter().filter_map(|t| t.score).map(|s| s.get()).filter(|&s| keep(s)).collect()
        })
    };
    let hurts: Vec<Block> = std::iter::repeat_n(Block::Mark(Mark::Pain), h.pains + h.essential_pains)
        .chain(scores(|s| s <= 2).into_iter().map(Block::Feeling))
        .collect();
    let works: Vec<Block> = std::iter::repeat_n(Block::Mark(Mark::Strength), h.strengths)
        .chain(scores(|s| s >= 4).into_iter().map(Block::Feeling))
        .collect();
    for (blocks, leftward) in [(hurts, true), (works, false)] {
        for (k, b) in blocks.iter().enumerate() {
            let offset = s.unit / 4.0 + k as f64 * step;
            let x = if leftward { centre - offset - block } else { centre + offset };
            items.push(b.draw(Rect::new(x, block_y, block, block), leftward));
        }
        let text = blocks.len().to_string();
        let w = cx.width(&text, caption);
        let reach = s.unit / 4.0 + blocks.len() as f64 * step + s.unit / 2.0;
        let x = if leftward { centre - reach - w } else { centre + reach };
        let (line, _) =
            cx.line_at(&text, caption, Role::Ink, Point::new(x, slot.top + (row_h - caption.line_height()) / 2.0));
        items.push(Item::Text(line));
    }
    (items, row_h)
}

/// One block of the bar.
#[derive(Debug, Clone, Copy)]
enum Block {
    /// A pain or a strength, as its badge.
    Mark(Mark),
    /// A touchpoint felt badly or well: a dot in its score's colour, the
    /// curve's own symbol.
    Feeling(u8),
}

impl Block {
    fn draw(self, rect: Rect, leftward: bool) -> Item {
        let class = if leftward { "block hurts" } else { "block works" };
        let item = match self {
            Block::Mark(mark) => symbols::badge(mark, rect),
            Block::Feeling(score) => Item::Shape(Shape {
                geometry: Geometry::Circle { center: rect.center(), radius: rect.width * 0.4 },
                fill: Some(Role::Score(score)),
                stroke: Some(Stroke::solid(Role::Ink, rect.width * 0.06)),
            }),
        };
        Item::Group(Group::new(Some(Tag::class(class)), vec![item]))
    }
}

/// The sentences under the strip, from `top`: the rule, any tie that
/// decided the weakest or strongest stage, and why a stage is not named.
/// Returns the items and the height they take.
fn verdict_note(cx: &Context<'_>, top: f64) -> (Vec<Item>, f64) {
    let said = verdict_sentences(cx);
    let (Some(first), Some(last)) = (cx.grid.columns.first(), cx.grid.columns.last()) else { return (Vec::new(), 0.0) };
    let pad = cx.theme.space.cell_padding;
    let slot = Slot::new(first.x + pad, top, last.right() - first.x - 2.0 * pad);
    let lines = cx.lines(&said.join(" "), cx.caption(Style::Italic), Role::Muted, slot);
    let height = lines.height + cx.theme.space.unit / 2.0;
    let rect = Rect::new(slot.x, top, slot.width, lines.height);
    (vec![boxed(Tag::new("health-verdict", "health-verdict"), rect, BoxStyle::default(), lines.items)], height)
}

/// The rule in plain words, then the tie and "none named" sentences, in
/// the map's language.
pub(crate) fn verdict_sentences(cx: &Context<'_>) -> Vec<String> {
    let mut said = vec![cx.labels.get("health_rule").to_owned()];
    let e = cx.extremes;
    match e.weakest {
        Some(pick) => said.extend(tie(cx, pick, Standing::Weakest)),
        None => said.push(cx.labels.get("no_weakest").to_owned()),
    }
    match e.strongest {
        Some(pick) => said.extend(tie(cx, pick, Standing::Strongest)),
        None => said.push(cx.labels.get("no_strongest").to_owned()),
    }
    said
}

/// The sentence that states the tie `pick` won, if it won one.
fn tie(cx: &Context<'_>, pick: Pick, standing: Standing) -> Option<String> {
    let t = pick.tie?;
    let name = |i: usize| cx.journey.stages.get(i).map_or("", |s| s.name.as_str());
    let mean = |i: usize| {
        cx.health
            .get(i)
            .and_then(|h| h.mean_score)
            .map_or_else(|| cx.labels.get("no_score").to_owned(), |m| one_decimal(cx, m))
    };
    let mut others = name(t.runner_up).to_owned();
    if t.more > 0 {
        others = cx.labels.fill("and_more", &[("stage", &others), ("n", &t.more.to_string())]);
    }
    let key = match (standing, t.by) {
        (Standing::Weakest, Decider::Feeling) => "tie_weakest_feeling",
        (Standing::Weakest, Decider::Order) => "tie_weakest_order",
        (Standing::Strongest, Decider::Feeling) => "tie_strongest_feeling",
        (Standing::Strongest, Decider::Order) => "tie_strongest_order",
    };
    let n = signed(cx.health.get(pick.stage).map_or(0, StageHealth::health));
    Some(cx.labels.fill(
        key,
        &[
            ("stage", name(pick.stage)),
            ("other", &others),
            ("n", &n),
            ("mean", &mean(pick.stage)),
            ("other_mean", &mean(t.runner_up)),
        ],
    ))
}

/// A mean score to one decimal in the map's language ("2.8", "2,8"),
/// from whole tenths, so no platform formats it differently.
pub(crate) fn one_decimal(cx: &Context<'_>, mean: f64) -> String {
    let tenths = (mean * 10.0).round() as i64;
    let comma = cx.labels.lang() != crate::labels::Lang::En;
    format!("{}{}{}", tenths / 10, if comma { ',' } else { '.' }, tenths % 10)
}

/// A health with its sign, a true minus for negatives.
pub(crate) fn signed(n: i64) -> String {
    match n {
        n if n > 0 => format!("+{n}"),
        n if n < 0 => format!("\u{2212}{}", n.unsigned_abs()),
        _ => "0".to_owned(),
    }
}

/// What the strip shows, in words, for a reader who cannot see it: each
/// stage's health and parts, which stand out, and the verdict sentences.
fn alt_text(cx: &Context<'_>) -> String {
    let stages: Vec<String> = cx
        .health
        .iter()
        .filter_map(|h| {
            let name = &cx.journey.stages.get(h.stage)?.name;
            let standing = cx
                .extremes
                .standing(h.stage)
                .map_or(String::new(), |w| format!(" ({})", cx.labels.get(&format!("{}_stage", w.as_str()))));
            let words = parts(cx, h);
            let words = if words.is_empty() { String::new() } else { format!(": {words}") };
            Some(format!("{name} {}{standing}{words}", signed(h.health())))
        })
        .collect();
    let mut text = format!("{}: {}.", cx.labels.get("health"), stages.join("; "));
    for sentence in verdict_sentences(cx).iter().skip(1) {
        text.push(' ');
        text.push_str(sentence);
    }
    text
}
