//! A stage's slides: titled with what the stage found, "Stage 2 of 7 ·
//! Weakest stage" over the content, its answers to the questions on the
//! left and its cards on the right. The split between the sides and the
//! cards to a row are chosen so the slide prints largest with both sides
//! about as tall, and what is left over spreads the rows: a slide is
//! filled, not half empty. A stage too big for one slide goes on over
//! more, its rows shared evenly between them.

use super::{Block, Canvas, Slide, column, fits, fitted, paginate, stacked, too_small};
use crate::health::Standing;
use crate::layout::LayoutError;
use crate::layout::context::{Context, Font, Lines, Slot};
use crate::layout::frame::{Frame, Geometry, Item, Shape, Structure, Tag};
use crate::layout::regions::{cards, questions};
use crate::layout::stack::Stacker;
use crate::text::Style;
use crate::theme::Role;

/// How a stage's slide is arranged: the answers' share of the width and
/// the cards to a row.
#[derive(Debug, Clone, Copy)]
struct Arrangement {
    answers: f64,
    per_row: usize,
}

/// Whether a stage has cards or answers to show.
pub(super) fn has_content(builder: &Stacker<'_>, stage: usize) -> bool {
    let cx = builder.context(super::SLIDE.width, 0.0);
    questions::answers_any(&cx, stage) || cx.journey.stages.get(stage).is_some_and(|s| !s.touchpoints.is_empty())
}

/// A stage's slides.
pub(super) fn slides(builder: &Stacker<'_>, stage: usize, min_scale: f64) -> Result<Vec<Slide>, LayoutError> {
    let cx = builder.context(super::SLIDE.width, 0.0);
    let title = super::findings::finding(&cx, stage);
    let notes = super::findings::stage_notes(&cx, stage, &title);
    let has_answers = questions::answers_any(&cx, stage);
    let has_cards = cx.journey.stages.get(stage).is_some_and(|s| !s.touchpoints.is_empty());
    let shares: &[f64] = match (has_answers, has_cards) {
        (true, true) => &[0.3, 0.4, 0.5, 0.6],
        (true, false) => &[1.0],
        _ => &[0.0],
    };
    let mut best: Option<(f64, f64, Arrangement)> = None;
    for &answers in shares {
        for per_row in 1..=3 {
            if answers >= 1.0 && per_row > 2 {
                continue;
            }
            let arrangement = Arrangement { answers, per_row };
            let one = |scale: f64| one_slide(builder, stage, &title, scale, arrangement, false).map(|(_, b)| b);
            let Some((scale, balance)) = fitted(min_scale, one) else { continue };
            let score = scale * (0.6 + 0.4 * balance);
            if best.is_none_or(|(s, _, _)| score > s) {
                best = Some((score, scale, arrangement));
            }
        }
    }
    if let Some((_, scale, arrangement)) = best
        && let Some((frame, _)) = one_slide(builder, stage, &title, scale, arrangement, true)
    {
        return Ok(vec![Slide { name: title, scale, frame, notes }]);
    }
    flowed(builder, stage, &title, min_scale).map(|frames| {
        let name = &cx.journey.stages[stage].name;
        let continued = cx.labels.fill("continued", &[("stage", name)]);
        frames
            .into_iter()
            .enumerate()
            .map(|(i, frame)| Slide {
                name: if i == 0 { title.clone() } else { continued.clone() },
                scale: min_scale,
                frame,
                notes: notes.clone(),
            })
            .collect()
    })
}

/// "Stage 2 of 7 · Weakest stage" across the content.
fn kicker(cx: &Context<'_>, stage: usize, width: f64) -> Block {
    let t = &cx.theme.type_scale;
    let total = cx.journey.stages.len().to_string();
    let mut text = cx.labels.fill("stage_of", &[("n", &(stage + 1).to_string()), ("total", &total)]);
    if let Some(standing) = cx.extremes.standing(stage) {
        let key = if standing == Standing::Weakest { "weakest_stage" } else { "strongest_stage" };
        text = format!("{text} · {}", cx.labels.get(key));
    }
    let font = Font { style: Style::Bold, size: t.label, leading: t.line_height };
    let lines = cx.lines(&text, font, Role::Muted, Slot::new(0.0, 0.0, width));
    let tag = Tag::new("slide-heading", "slide-heading")
        .data("stage", &cx.journey.stages[stage].name)
        .structure(Structure::Heading(2));
    Block { tag: Some(tag), items: lines.items, width, height: lines.height }
}

/// The cards of a stage, each `width` wide.
fn card_blocks(cx: &Context<'_>, stage: usize, width: f64) -> Vec<Block> {
    let hidden = cards::customer_actors(cx);
    let Some(st) = cx.journey.stages.get(stage) else { return Vec::new() };
    st.touchpoints
        .iter()
        .enumerate()
        .map(|(index, t)| {
            let (card, rect) = cards::card(cx, stage, index, t, Slot::new(0.0, 0.0, width), &hidden);
            Block { tag: None, items: vec![card], width, height: rect.height }
        })
        .collect()
}

fn answer_blocks(cx: &Context<'_>, stage: usize, width: f64) -> Vec<Block> {
    questions::answers(cx, stage, width)
        .into_iter()
        .enumerate()
        .map(|(k, Lines { items, height })| {
            let tag = Tag::new(format!("answer-{}-{}", stage + 1, k + 1), "answer");
            Block { tag: Some(tag), items, width, height }
        })
        .collect()
}

/// Where to split `blocks` (stacked `gap` apart) into two columns, in
/// order, so the taller column is as short as it can be: the slide then
/// prints larger than with the blocks split by count, and the second
/// column is not a lone block under a bare band.
fn balanced_split(blocks: &[Block], gap: f64) -> usize {
    let tallest = |k: usize| stacked(&blocks[..k], gap).max(stacked(&blocks[k..], gap));
    (1..blocks.len()).min_by(|&a, &b| tallest(a).total_cmp(&tallest(b))).unwrap_or(blocks.len().div_ceil(2))
}

/// Blocks in rows of `per_row`, `width` wide in all, each row as tall as
/// its tallest block.
fn into_rows(blocks: Vec<Block>, per_row: usize) -> Vec<Vec<Block>> {
    let mut rows: Vec<Vec<Block>> = Vec::new();
    for block in blocks {
        match rows.last_mut() {
            Some(row) if row.len() < per_row.max(1) => row.push(block),
            _ => rows.push(vec![block]),
        }
    }
    rows
}

fn row_height(row: &[Block]) -> f64 {
    row.iter().map(|b| b.height).fold(0.0, f64::max)
}

fn rows_height(rows: &[Vec<Block>], gap: f64) -> f64 {
    rows.iter().map(|r| row_height(r)).sum::<f64>() + gap * rows.len().saturating_sub(1) as f64
}

/// Places rows from `top` at `x`, blocks `column_gap` apart across and
/// rows `gap` apart, `spare` shared out: cards grow to their row's height
/// and by up to half again, what is left goes between the rows (or
/// around a single row).
fn place_rows(frame: &mut Frame, rows: Vec<Vec<Block>>, x: f64, top: f64, (gap, column_gap): (f64, f64), spare: f64) {
    let n = rows.len();
    let spare = spare.max(0.0);
    let grow = rows.iter().map(|r| (spare / n.max(1) as f64).min(row_height(r) / 2.0)).collect::<Vec<f64>>();
    let left_over = spare - grow.iter().sum::<f64>();
    let extra = if n > 1 { left_over / (n - 1) as f64 } else { 0.0 };
    let mut y = if n == 1 { top + left_over / 2.0 } else { top };
    for (row, grow) in rows.into_iter().zip(grow) {
        let h = row_height(&row) + grow;
        let mut left = x;
        for mut block in row {
            if block.tag.is_none() {
                let by = h - block.height;
                block.items.iter_mut().for_each(|item| grow_box(item, by));
                block.height = h;
            }
            let w = block.width;
            frame.push(block.at(left, y));
            left += w + column_gap;
        }
        y += h + gap + extra;
    }
}

/// A card's box `by` px taller: every rectangle as tall as the box (its
/// surface, wash, outline and pain edge) grows with it.
fn grow_box(item: &mut Item, by: f64) {
    let Item::Group(group) = item else { return };
    let Some(rect) = group.box_rect() else { return };
    fn stretch(items: &mut [Item], rect: crate::layout::geom::Rect, by: f64) {
        for item in items {
            match item {
                Item::Shape(Shape { geometry: Geometry::Rect { rect: r, .. }, .. })
                    if (r.y - rect.y).abs() < 4.0 && (r.bottom() - rect.bottom()).abs() < 4.0 =>
                {
                    r.height += by;
                }
                Item::Group(g) if g.tag.is_none() => stretch(&mut g.items, rect, by),
                _ => {}
            }
        }
    }
    stretch(&mut group.items, rect, by);
}

/// A stage on one slide at `scale`, arranged as `arrangement`; with
/// `spread`, the rows share the height left over. The frame, and how
/// near the two sides' heights are (1 when equal).
fn one_slide(
    builder: &Stacker<'_>,
    stage: usize,
    title: &str,
    scale: f64,
    arrangement: Arrangement,
    spread: bool,
) -> Option<(Frame, f64)> {
    let mut canvas = Canvas::new(builder, scale, title);
    let cx = &canvas.cx;
    let s = &cx.theme.space;
    let (margin, content) = (s.margin, canvas.content());
    let head = kicker(cx, stage, content);
    let top = canvas.top + head.height + s.unit * 1.5;
    let room = canvas.bottom - top;
    canvas.frame.push(head.at(margin, canvas.top));
    let between = s.section;
    let (answers_w, cards_x) = match arrangement.answers {
        a if a >= 1.0 => (content, margin),
        a if a <= 0.0 => (0.0, margin),
        a => ((content - between) * a, margin + (content - between) * a + between),
    };
    // Answers alone take two columns, so both halves of the slide hold
    // something.
    let split = arrangement.answers >= 1.0 && arrangement.per_row > 1;
    let answers_w = if split { (content - between) / 2.0 } else { answers_w };
    let mut answers = answer_blocks(cx, stage, answers_w);
    let second = if split { answers.split_off(balanced_split(&answers, s.unit * 1.5)) } else { Vec::new() };
    let answers_h = stacked(&answers, s.unit * 1.5).max(stacked(&second, s.unit * 1.5));
    let cards_w = content - (cards_x - margin);
    let per_row = arrangement.per_row;
    let card_w = crate::layout::geom::column_width(cards_w, s.gutter, per_row);
    let rows = if arrangement.answers >= 1.0 { Vec::new() } else { into_rows(card_blocks(cx, stage, card_w), per_row) };
    if rows.first().is_some_and(|r| r.len() < per_row && per_row > 1) || (split && second.is_empty()) {
        // Fewer cards than the row holds: a narrower arrangement says it.
        return None;
    }
    let cards_h = rows_height(&rows, s.gutter);
    if !fits(answers_h, room) || !fits(cards_h, room) || !canvas.clean() || card_w < s.column_width * 0.5 {
        return None;
    }
    let (tall, short) = (answers_h.max(cards_h), answers_h.min(cards_h));
    let balance = match (split, answers.is_empty() || rows.is_empty()) {
        (true, _) => stacked(&second, s.unit * 1.5).min(stacked(&answers, s.unit * 1.5)) / tall.max(1.0),
        // One side empty: the other half of the slide stands bare.
        (false, true) => 0.0,
        (false, false) => short / tall.max(1.0),
    };
    let spare = |h: f64| if spread { room - h } else { 0.0 };
    let (items, _) = column(answers, margin, top, s.unit * 1.5, spare(answers_h));
    canvas.frame.items.extend(items);
    let second_h = stacked(&second, s.unit * 1.5);
    // A lone answer in the second column stands at the top, level with
    // the first: centred, the bare band above it would join the title's.
    let second_spare = if second.len() == 1 { 0.0 } else { spare(second_h) };
    let (items, _) = column(second, margin + answers_w + between, top, s.unit * 1.5, second_spare);
    canvas.frame.items.extend(items);
    place_rows(&mut canvas.frame, rows, cards_x, top, (s.gutter, s.gutter), spare(cards_h));
    Some((canvas.frame, balance))
}

/// A stage too big for one slide, at the floor: the answers two to a row,
/// then the cards three to a row, the rows shared evenly between as few
/// slides as hold them.
fn flowed(builder: &Stacker<'_>, stage: usize, title: &str, scale: f64) -> Result<Vec<Frame>, LayoutError> {
    let probe = Canvas::new(builder, scale, title);
    let cx = &probe.cx;
    let s = &cx.theme.space;
    let content = probe.content();
    let stage_name = &cx.journey.stages[stage].name;
    let continued = cx.labels.fill("continued", &[("stage", stage_name)]);
    let half = (content - s.gutter) / 2.0;
    let card_w = (content - 2.0 * s.gutter) / 3.0;
    let mut rows = into_rows(answer_blocks(cx, stage, half), 2);
    rows.extend(into_rows(card_blocks(cx, stage, card_w), 3));
    let later = Canvas::new(builder, scale, &continued);
    let head_h = kicker(cx, stage, content).height + s.unit * 1.5;
    let rooms = [probe.room() - head_h, later.room() - head_h];
    if !probe.clean() || rows.iter().any(|r| !fits(row_height(r), rooms[0].min(rooms[1]))) {
        return Err(too_small(&format!("a card or answer of the stage '{stage_name}'")));
    }
    // As few slides as hold the rows, then the rows shared evenly.
    let heights: Vec<f64> = rows.iter().map(|r| row_height(r)).collect();
    let counts = paginate(&heights, rooms, s.gutter);
    let mut frames = Vec::new();
    let mut rows = rows.into_iter();
    for (i, count) in counts.into_iter().enumerate() {
        let mut canvas = Canvas::new(builder, scale, if i == 0 { title } else { &continued });
        let head = kicker(&canvas.cx, stage, content);
        let top = canvas.top + head_h;
        canvas.frame.push(head.at(s.margin, canvas.top));
        let taken: Vec<Vec<Block>> = rows.by_ref().take(count).collect();
        let spare = canvas.bottom - top - rows_height(&taken, s.gutter);
        place_rows(&mut canvas.frame, taken, s.margin, top, (s.gutter, s.gutter), spare);
        frames.push(canvas.frame);
    }
    if frames.is_empty() {
        frames.push(probe.frame);
    }
    Ok(frames)
}
