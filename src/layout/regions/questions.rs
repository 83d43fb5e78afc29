//! The question rows: the five spine questions and the map's custom
//! lanes, a label on the left and one cell per stage, every cell of a row
//! one height.

use super::{Region, boxed, dashed};
use crate::layout::context::{Context, Font, Lines, Slot};
use crate::layout::frame::{BoxStyle, Item, Tag};
use crate::layout::geom::{Point, Rect};
use crate::layout::symbols::{self, Pip};
use crate::model::{Lane, Question, Stage};
use crate::text::Style;
use crate::theme::Role;

/// The question rows, as a panel.
pub(crate) const PANEL: super::PanelRegion = super::PanelRegion {
    panel: crate::model::Panel::QUESTIONS,
    description: "The question lanes (doing, motivation, concerns, alleviation, effort and custom lanes).",
    called: "the question rows",
    layout,
    has_data,
    // Each row shares spare height.
    shares: |j| crate::model::Question::ALL.len() + j.lanes.len(),
    side: false,
    // The record of the workshop's answers goes first on a small page.
};

/// Whether any stage answered a question or a custom lane exists.
fn has_data(cx: &Context<'_>) -> bool {
    let j = cx.journey;
    !j.lanes.is_empty()
        || j.stages.iter().any(|s| {
            crate::model::Question::ALL.into_iter().any(|q| s.is_answered(q))
                || s.effort.is_some()
                || s.effort_note.is_some()
        })
}

/// A row of the grid.
enum Row<'j> {
    Question(Question),
    Lane(usize, &'j Lane),
}

impl Row<'_> {
    /// The row's key: a question key or a lane key.
    fn key(&self) -> &str {
        match self {
            Row::Question(q) => q.key(),
            Row::Lane(_, lane) => &lane.key,
        }
    }

    /// The row's part of SVG ids: the question key, or `lane-N`.
    fn id(&self) -> String {
        match self {
            Row::Question(q) => q.key().to_owned(),
            Row::Lane(i, _) => format!("lane-{}", i + 1),
        }
    }
}

/// What a row label says.
pub(crate) struct RowHead<'q> {
    /// The id suffix: `label-<id>`.
    pub(crate) id: &'q str,
    /// The row's key, for `data-row`.
    pub(crate) key: &'q str,
    pub(crate) title: &'q str,
    pub(crate) question: Option<&'q str>,
}

impl<'q> RowHead<'q> {
    /// The head of a row whose title and question are the poster's labels
    /// `label` and `label_question`.
    pub(crate) fn labelled(cx: &'q Context<'_>, id: &'q str, label: &str) -> RowHead<'q> {
        RowHead {
            id,
            key: id,
            title: cx.labels.get(label),
            question: Some(cx.labels.get(&format!("{label}_question"))),
        }
    }
}

/// A row label in the left column with its top at `top`; returns the
/// label's content and its natural height. The caller gives it the row's
/// height.
pub(crate) fn row_label(cx: &Context<'_>, head: &RowHead<'_>, top: f64) -> (Vec<Item>, f64) {
    row_label_in(cx, head, top, cx.grid.label.width)
}

/// A row label whose text keeps to the first `width` px of the label
/// column (the rest holds something else, such as a scale).
pub(crate) fn row_label_in(cx: &Context<'_>, head: &RowHead<'_>, top: f64, width: f64) -> (Vec<Item>, f64) {
    let s = &cx.theme.space;
    let t = &cx.theme.type_scale;
    let pad = s.cell_padding;
    let x = cx.grid.label.x + pad;
    let width = width - 2.0 * pad;
    let label_font = Font { style: Style::Bold, size: t.label, leading: t.line_height };
    let title = cx.lines(head.title, label_font, Role::Ink, Slot::new(x, top + pad, width));
    let mut items = title.items;
    let mut h = title.height;
    // A brief page lets the row's name stand alone.
    if let Some(q) = head.question.filter(|_| !cx.brief) {
        let more =
            cx.lines(q, cx.caption(Style::Italic), Role::Muted, Slot::new(x, top + pad + h + s.unit / 4.0, width));
        items.extend(more.items);
        h += more.height + s.unit / 4.0;
    }
    (items, h + 2.0 * pad)
}

/// The label box of a row `height` tall.
pub(crate) fn label_box(cx: &Context<'_>, head: &RowHead<'_>, top: f64, height: f64, items: Vec<Item>) -> Item {
    let s = &cx.theme.space;
    let tag = Tag::new(format!("label-{}", head.id), "row-label").data("row", head.key);
    let style = BoxStyle { fill: Some(Role::LabelBand), stroke: None, radius: s.radius };
    boxed(tag, Rect::new(cx.grid.label.x, top, cx.grid.label.width, height), style, items)
}

/// Lays out the question rows.
pub(crate) fn layout(cx: &Context<'_>) -> Region {
    let s = &cx.theme.space;
    let pad = s.cell_padding;
    let rows: Vec<Row<'_>> = Question::ALL
        .into_iter()
        .map(Row::Question)
        .chain(cx.journey.lanes.iter().enumerate().map(|(i, l)| Row::Lane(i, l)))
        .collect();
    let mut items = Vec::new();
    let mut y = 0.0;
    for (r, row) in rows.iter().enumerate() {
        if r > 0 {
            // A hairline between rows, in the middle of the gap, keeps the
            // rows apart now that answers have no boxes.
            let rule_y = y - s.row_gap / 2.0;
            let span = cx.grid.columns.first().map_or(0.0, |c| c.x)..cx.grid.columns.last().map_or(0.0, |c| c.right());
            items.push(symbols::rule(
                Point::new(span.start, rule_y),
                Point::new(span.end, rule_y),
                Role::Rule,
                s.hairline,
            ));
        }
        let (title, question) = match row {
            Row::Question(q) => {
                (cx.labels.get(q.key()).to_owned(), Some(cx.labels.get(&format!("{}_question", q.key()))))
            }
            Row::Lane(_, lane) => (lane.title.clone(), None),
        };
        let id = row.id();
        let head = RowHead { id: &id, key: row.key(), title: &title, question };
        let (label, label_h) = row_label(cx, &head, y);
        let mut cells = Vec::new();
        for (stage, col) in cx.journey.stages.iter().zip(&cx.grid.columns) {
            let content = cell_content(cx, stage, row, Slot::new(col.x + pad, y + pad, col.width - 2.0 * pad));
            cells.push((content.height + 2.0 * pad, content.items, is_answered(stage, row)));
        }
        let height = cells.iter().map(|c| c.0).fold(label_h, f64::max) + cx.stretch;
        items.push(label_box(cx, &head, y, height, label));
        for (i, ((_, content, answered), col)) in cells.into_iter().zip(&cx.grid.columns).enumerate() {
            // Answers sit on the paper so the white cards below stand out;
            // a gap is a dashed slot the workshop still has to fill.
            let style = if answered { BoxStyle { radius: s.radius, ..BoxStyle::default() } } else { dashed(cx) };
            // Numbered as on the whole map, as the cards are.
            let number = cx.first_stage + i + 1;
            let tag = Tag::new(format!("cell-{number}-{id}"), "cell")
                .data("stage", &cx.journey.stages[i].name)
                .data("stage-number", number.to_string())
                .data("row", row.key());
            items.push(boxed(tag, Rect::new(col.x, y, col.width, height), style, content));
        }
        y += height + s.row_gap;
    }
    let height = (y - s.row_gap).max(0.0);
    let mut region = Region::new(cx, "questions", height, items);
    region.on_grid = true;
    region
}

/// The rows stage `stage` answers, each as a block `width` wide with its
/// top at 0: the row's title in bold over the answer. For a deck's stage
/// slide, where one stage's answers stand as a list instead of a column
/// of the grid. Unanswered rows are left out: a slide shows what the
/// workshop found (the poster shows its gaps).
pub(crate) fn answers(cx: &Context<'_>, stage: usize, width: f64) -> Vec<Lines> {
    answered_rows(cx, stage, width).into_iter().map(|a| a.lines).collect()
}

/// One row's answer of a stage, as [`answered_rows`] lays it out.
pub(crate) struct Answer {
    /// The row's part of ids: a question key, or `lane-N`.
    pub(crate) id: String,
    /// The row's key, for `data-row`: a question key or the lane's key.
    pub(crate) key: String,
    /// The row's title over the answer.
    pub(crate) lines: Lines,
}

/// [`answers`], each with its row's id and key: the wall hangs them as
/// cells of the grid.
pub(crate) fn answered_rows(cx: &Context<'_>, stage: usize, width: f64) -> Vec<Answer> {
    let Some(st) = cx.journey.stages.get(stage) else { return Vec::new() };
    let t = &cx.theme.type_scale;
    let rows = Question::ALL
        .into_iter()
        .map(Row::Question)
        .chain(cx.journey.lanes.iter().enumerate().map(|(i, l)| Row::Lane(i, l)));
    let mut blocks = Vec::new();
    for row in rows.filter(|r| is_answered(st, r)) {
        let title = match &row {
            Row::Question(q) => cx.labels.get(q.key()).to_owned(),
            Row::Lane(_, lane) => lane.title.clone(),
        };
        let font = Font { style: Style::Bold, size: t.label, leading: t.line_height };
        let head = cx.lines(&title, font, Role::Muted, Slot::new(0.0, 0.0, width));
        let top = head.height + cx.theme.space.unit / 4.0;
        let content = cell_content(cx, st, &row, Slot::new(0.0, top, width));
        let mut items = head.items;
        items.extend(content.items);
        let lines = Lines { items, height: top + content.height };
        blocks.push(Answer { id: row.id(), key: row.key().to_owned(), lines });
    }
    blocks
}

/// Whether stage `stage` answers any row: whether [`answers`] has blocks,
/// without laying them out.
pub(crate) fn answers_any(cx: &Context<'_>, stage: usize) -> bool {
    let Some(st) = cx.journey.stages.get(stage) else { return false };
    Question::ALL.into_iter().map(Row::Question).any(|r| is_answered(st, &r))
        || cx.journey.lanes.iter().enumerate().any(|(i, l)| is_answered(st, &Row::Lane(i, l)))
}

/// Whether a stage answers a row (for effort: a level or a note).
fn is_answered(stage: &Stage, row: &Row<'_>) -> bool {
    match row {
        Row::Question(Question::Effort) => stage.effort.is_some() || stage.effort_note.is_some(),
        Row::Question(q) => stage.is_answered(*q),
        Row::Lane(i, _) => stage.lane(*i).is_some_and(|t| !t.is_blank()),
    }
}

fn cell_content(cx: &Context<'_>, stage: &Stage, row: &Row<'_>, slot: Slot) -> Lines {
    let answer = match row {
        Row::Question(Question::Effort) => return effort(cx, stage, slot),
        Row::Question(q) => stage.answer(*q),
        Row::Lane(i, _) => stage.lane(*i),
    };
    match answer.filter(|t| !t.is_blank()) {
        Some(text) => cx.text(text, cx.quiet(), slot),
        None => cx.unanswered(slot),
    }
}

/// The effort meter (five blocks, `level` filled) with its note below.
fn effort(cx: &Context<'_>, stage: &Stage, slot: Slot) -> Lines {
    let Slot { x, top, width } = slot;
    let s = &cx.theme.space;
    let Some(effort) = stage.effort else {
        let mut lines = cx.unanswered(slot);
        if let Some(note) = &stage.effort_note {
            let more = cx.lines(note, cx.quiet(), Role::Muted, Slot::new(x, top + lines.height, width));
            lines.items.extend(more.items);
            lines.height += more.height;
        }
        return lines;
    };
    let font = cx.caption(Style::Bold);
    // Five pips and four gaps of 0.35 pip; shrink them in narrow columns.
    let pip = cx.theme.symbols.effort_pip.min(width / (5.0 + 4.0 * 0.35));
    let gap = pip * 0.35;
    let row_h = font.line_height().max(pip);
    let pips: Vec<Rect> =
        (0..5).map(|i| Rect::new(x + i as f64 * (pip + gap), top + (row_h - pip) / 2.0, pip, pip)).collect();
    let after = x + 5.0 * pip + 4.0 * gap + s.unit;
    let mut items = vec![symbols::meter("effort", &pips, Pip::Block, effort.get(), Role::Effort)];
    let label = cx.labels.fill("effort_level", &[("n", &effort.get().to_string())]);
    if after + cx.width(&label, font) <= x + width {
        let (line, _) =
            cx.line_at(&label, font, Role::Muted, Point::new(after, top + (row_h - font.line_height()) / 2.0));
        items.push(Item::Text(line));
    }
    let mut height = row_h;
    if let Some(note) = &stage.effort_note {
        let more = cx.lines(note, cx.quiet(), Role::Muted, Slot::new(x, top + height + s.unit / 2.0, width));
        items.extend(more.items);
        height += more.height + s.unit / 2.0;
    }
    Lines { items, height }
}
