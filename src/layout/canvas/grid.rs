//! The canvas's grid above and below the slots: the stage headers to name,
//! the question rows with their prompts and room to write, and the
//! feeling scale to dot on.

use super::Part;
use crate::layout::context::{Context, Font, Lines, Slot};
use crate::layout::frame::{BoxStyle, Geometry, Group, Item, Shape, Stroke, Structure, Tag, Transform};
use crate::layout::geom::{Point, Rect};
use crate::layout::regions::questions::{RowHead, label_box, row_label};
use crate::layout::symbols::{self, Pip};
use crate::model::{Question, Stage, Text};
use crate::text::Style;
use crate::theme::Role;

/// A cell to write in: the paper's surface with a light border.
fn cell_style(cx: &Context<'_>) -> BoxStyle {
    let s = &cx.theme.space;
    BoxStyle { fill: Some(Role::Surface), stroke: Some(Stroke::solid(Role::Rule, s.hairline)), radius: s.radius }
}

/// The stage headers: "STAGE n" on the spine's colour, and the stage's
/// name under it, or room to write one.
pub(super) fn stage_band(cx: &Context<'_>) -> Part {
    let s = &cx.theme.space;
    let t = &cx.theme.type_scale;
    let pad = s.cell_padding;
    let number_font = Font { style: Style::Bold, size: t.stage_number, leading: t.line_height };
    let name_font = Font { style: Style::Bold, size: t.stage, leading: t.heading_line_height };
    let band = cx.line_box(number_font) + s.unit;
    let word = cx.labels.get("stage").to_uppercase();
    let mut names = Vec::new();
    for (stage, col) in cx.journey.stages.iter().zip(&cx.grid.columns) {
        let slot = Slot::new(col.x + pad, band + pad, col.width - 2.0 * pad);
        names.push(cx.lines(&stage.name, name_font, Role::Ink, slot));
    }
    // Room for a name in marker pen, or the printed name if longer.
    let write = 1.6 * cx.line_box(name_font);
    let head = RowHead {
        id: "stage",
        key: "stage",
        title: cx.labels.get("stage"),
        question: Some(cx.labels.get("canvas_stage_question")),
    };
    let (label, label_h) = row_label(cx, &head, 0.0);
    let height = names.iter().map(|n| n.height).fold(write, f64::max) + band + 2.0 * pad;
    let height = height.max(label_h);
    let mut items = vec![label_box(cx, &head, 0.0, height, label)];
    let count = cx.journey.stages.len();
    for (i, (name, col)) in names.into_iter().zip(&cx.grid.columns).enumerate() {
        let top = Rect::new(col.x, 0.0, col.width, band);
        let mut content = vec![Item::Shape(Shape::filled(Geometry::Rect { rect: top, radius: s.radius }, Role::Spine))];
        let at = Point::new(col.x + pad, (band - cx.line_box(number_font)) / 2.0);
        content.push(Item::Text(cx.line_at(&format!("{word} {}", i + 1), number_font, Role::SpineInk, at).0));
        content.extend(name.items);
        let stage = &cx.journey.stages[i];
        let tag = Tag::new(format!("stage-{}", i + 1), "stage")
            .data("stage", &stage.name)
            .data("stage-number", (i + 1).to_string())
            .structure(Structure::Heading(2));
        let style = BoxStyle {
            fill: Some(Role::Surface),
            stroke: Some(Stroke::solid(Role::Spine, s.hairline * 2.0)),
            radius: s.radius,
        };
        items.push(Item::Group(Group::boxed(tag, Rect::new(col.x, 0.0, col.width, height), style, content)));
        if i + 1 < count {
            // An arrow in the gutter says "and then".
            let w = cx.theme.symbols.chevron.min(s.gutter);
            let x = col.right() + (s.gutter - w) / 2.0;
            items.push(symbols::chevron(Rect::new(x, (band - w * 1.6) / 2.0, w, w * 1.6), Role::Spine));
        }
    }
    Part { items, height }
}

/// A question row before it is given its height: its head, label and
/// each stage's cell content, laid out from a top of 0.
pub(super) struct Row {
    id: String,
    key: String,
    title: String,
    question: Option<String>,
    label: Vec<Item>,
    cells: Vec<Lines>,
    /// The least height: the label, or the tallest answer with room to
    /// add to it, or room to write.
    pub(super) least: f64,
}

/// The five questions and the map's lanes, measured.
pub(super) fn rows(cx: &Context<'_>) -> Vec<Row> {
    let s = &cx.theme.space;
    let pad = s.cell_padding;
    let quiet = cx.quiet();
    // Three lines of handwriting in an empty cell; a little under an
    // answer, to add to it.
    let empty = 3.0 * cx.line_box(quiet) + 2.0 * pad;
    let more = 0.75 * cx.line_box(quiet);
    let mut heads: Vec<(String, String, String, Option<String>)> = Question::ALL
        .iter()
        .map(|q| {
            let question = Some(cx.labels.get(&format!("{}_question", q.key())).to_owned());
            (q.key().to_owned(), q.key().to_owned(), cx.labels.get(q.key()).to_owned(), question)
        })
        .collect();
    for (i, lane) in cx.journey.lanes.iter().enumerate() {
        heads.push((format!("lane-{}", i + 1), lane.key.clone(), lane.title.clone(), None));
    }
    let mut out = Vec::new();
    for (r, (id, key, title, question)) in heads.into_iter().enumerate() {
        let head = RowHead { id: &id, key: &key, title: &title, question: question.as_deref() };
        let (label, label_h) = row_label(cx, &head, 0.0);
        let mut least = label_h.max(empty);
        let mut cells = Vec::new();
        for (stage, col) in cx.journey.stages.iter().zip(&cx.grid.columns) {
            let slot = Slot::new(col.x + pad, pad, col.width - 2.0 * pad);
            let lines = cell(cx, stage, r, slot);
            if lines.height > 0.0 {
                least = least.max(lines.height + 2.0 * pad + more);
            }
            cells.push(lines);
        }
        out.push(Row { id, key, title, question, label, cells, least });
    }
    out
}

/// What the map says in row `row` (the questions, then the lanes) for
/// `stage`; nothing when it is not answered. The effort row always has
/// its five blocks to tick.
fn cell(cx: &Context<'_>, stage: &Stage, row: usize, slot: Slot) -> Lines {
    let answer: Option<&Text> = match Question::ALL.get(row) {
        Some(Question::Effort) => return effort(cx, stage, slot),
        Some(q) => stage.answer(*q),
        None => stage.lane(row - Question::ALL.len()),
    };
    match answer.filter(|t| !t.is_blank()) {
        Some(text) => cx.text(text, cx.quiet(), slot),
        None => Lines { items: Vec::new(), height: 0.0 },
    }
}

/// Five blocks numbered 1 to 5, filled to the map's level if it has one,
/// and the map's note on the effort under them.
fn effort(cx: &Context<'_>, stage: &Stage, slot: Slot) -> Lines {
    let s = &cx.theme.space;
    let caption = cx.caption(Style::Regular);
    let pip = (cx.theme.symbols.effort_pip * 1.6).min(slot.width / (5.0 + 4.0 * 0.6));
    let gap = pip * 0.6;
    let pips: Vec<Rect> = (0..5).map(|i| Rect::new(slot.x + i as f64 * (pip + gap), slot.top, pip, pip)).collect();
    let level = stage.effort.map_or(0, |e| e.get());
    let mut items = vec![symbols::meter("effort", &pips, Pip::Block, level, Role::Effort)];
    for (i, rect) in pips.iter().enumerate() {
        let n = (i + 1).to_string();
        let at = Point::new(rect.center().x - cx.width(&n, caption) / 2.0, rect.bottom() + s.unit / 4.0);
        items.push(Item::Text(cx.line_at(&n, caption, Role::Muted, at).0));
    }
    let mut height = pip + s.unit / 4.0 + cx.line_box(caption);
    if let Some(note) = stage.effort_note.as_deref().filter(|n| !n.trim().is_empty()) {
        let top = slot.top + height + s.unit / 2.0;
        let lines = cx.lines(note, cx.quiet(), Role::Ink, Slot::new(slot.x, top, slot.width));
        items.extend(lines.items);
        height += s.unit / 2.0 + lines.height;
    }
    Lines { items, height }
}

impl Row {
    /// The row drawn `height` tall with its top at `y`.
    pub(super) fn draw(self, cx: &Context<'_>, y: f64, height: f64) -> Vec<Item> {
        let head = RowHead { id: &self.id, key: &self.key, title: &self.title, question: self.question.as_deref() };
        let mut label = label_box(cx, &head, 0.0, height, self.label);
        let mut items = Vec::new();
        for (i, (lines, col)) in self.cells.into_iter().zip(&cx.grid.columns).enumerate() {
            let tag = Tag::new(format!("cell-{}-{}", i + 1, self.id), "cell")
                .data("stage", &cx.journey.stages[i].name)
                .data("stage-number", (i + 1).to_string())
                .data("row", &self.key);
            let rect = Rect::new(col.x, 0.0, col.width, height);
            let mut group = Group::boxed(tag, rect, cell_style(cx), lines.items);
            group.transform = Transform::translate(0.0, y);
            items.push(Item::Group(group));
        }
        if let Item::Group(g) = &mut label {
            g.transform = Transform::translate(0.0, y);
        }
        items.insert(0, label);
        items
    }
}

/// The feeling row: per stage, five lines from 5 (very positive, at the
/// top) to 1 to dot on, numbered so they read in greyscale; a touchpoint
/// the map has scored is a dot on its line already.
/// `step` is the least distance between two lines: room for a dot in
/// marker pen at print size.
pub(super) fn feeling(cx: &Context<'_>, step: f64) -> Part {
    let s = &cx.theme.space;
    let pad = s.cell_padding;
    let head = RowHead {
        id: "feeling",
        key: "feeling",
        title: cx.labels.get("feeling"),
        question: Some(cx.labels.get("canvas_feeling_question")),
    };
    let (mut label, label_h) = row_label(cx, &head, 0.0);
    let caption = cx.caption(Style::Regular);
    let x = cx.grid.label.x + pad;
    let mut y = label_h - pad + s.unit / 2.0;
    for key in ["canvas_feeling_high", "canvas_feeling_low"] {
        let lines =
            cx.lines(cx.labels.get(key), caption, Role::Muted, Slot::new(x, y, cx.grid.label.width - 2.0 * pad));
        label.extend(lines.items);
        y += lines.height;
    }
    let bold = cx.caption(Style::Bold);
    let step = step.max(cx.line_box(bold));
    let height = (y + pad).max(4.0 * step + cx.line_box(bold) + 2.0 * pad);
    let mut items = vec![label_box(cx, &head, 0.0, height, label)];
    let step = (height - 2.0 * pad - cx.line_box(bold)) / 4.0;
    for (i, (stage, col)) in cx.journey.stages.iter().zip(&cx.grid.columns).enumerate() {
        let mut content = Vec::new();
        let number_w = cx.width("5", bold) + s.unit;
        let left = col.x + pad + number_w;
        let right = col.right() - pad;
        let level_y = |level: u8| pad + cx.line_box(bold) / 2.0 + f64::from(5 - level) * step;
        for level in 1..=5u8 {
            let ly = level_y(level);
            let at = Point::new(col.x + pad, ly - cx.line_box(bold) / 2.0);
            content.push(Item::Text(cx.line_at(&level.to_string(), bold, Role::Muted, at).0));
            // The ends of the scale are firmer than the steps between.
            let role = if level == 1 || level == 5 { Role::Muted } else { Role::Rule };
            content.push(symbols::rule(Point::new(left, ly), Point::new(right, ly), role, s.hairline));
        }
        let scored: Vec<u8> = stage.touchpoints.iter().filter_map(|t| t.score.map(|sc| sc.get())).collect();
        let radius = cx.theme.symbols.point;
        for (k, score) in scored.iter().enumerate() {
            let dx = (right - left) * (k + 1) as f64 / (scored.len() + 1) as f64;
            let center = Point::new(left + dx, level_y(*score));
            content.push(Item::Shape(Shape::filled(Geometry::Circle { center, radius }, Role::Score(*score))));
        }
        let tag = Tag::new(format!("cell-{}-feeling", i + 1), "cell")
            .data("stage", &stage.name)
            .data("stage-number", (i + 1).to_string())
            .data("row", "feeling");
        items.push(Item::Group(Group::boxed(tag, Rect::new(col.x, 0.0, col.width, height), cell_style(cx), content)));
    }
    Part { items, height }
}
