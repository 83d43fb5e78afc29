//! The map's touchpoints as cut-out cards (`canvas --cards`): sticky-note
//! squares on sheets of paper (A4 by default), as many as fit, each
//! inside its own crop marks, with the name, channel and owner printed and
//! empty outlines of the marks to tick, so a team can re-sort an existing
//! map in the room.

use super::note::{self, Face, Place};
use super::plan::SLOT_MM;
use super::{CanvasOptions, canvas_theme};
use crate::layout::context::Context;
use crate::layout::document::{Arrangement, Document, Page};
use crate::layout::frame::{Frame, Geometry, Group, Item, Shape, Stroke, Structure, Tag, Transform};
use crate::layout::geom::{Point, Rect, Size2};
use crate::layout::{LayoutError, stacker};
use crate::model::{Journey, Orientation, Paper, Size, Touchpoint, TouchpointId};
use crate::text::{Shaper, Style};
use crate::theme::{Role, Theme};
use crate::units::Length;

/// The gap between two cards, in millimetres: room for both cards' crop
/// marks without their touching.
pub const CARD_GAP_MM: f64 = 10.0;

/// A sheet's margin, which office printers leave white, in millimetres.
const MARGIN_MM: f64 = 10.0;

/// Where a crop mark starts past the card's edge, and how long it is, in
/// millimetres: the marks of two neighbours stay apart in the gap.
const MARK_OFFSET_MM: f64 = 1.5;
const MARK_MM: f64 = 3.0;

/// The cards, laid out.
#[derive(Debug, Clone, PartialEq)]
pub struct CardSheets {
    /// A page per sheet.
    pub document: Document,
    /// How many cards.
    pub cards: usize,
    /// How many a sheet holds.
    pub per_sheet: usize,
    /// The sheet in words: "A4 portrait".
    pub paper: String,
}

/// Lays out every touchpoint of `journey` as a card.
///
/// # Errors
/// [`LayoutError::NoCards`] for a map without touchpoints;
/// [`LayoutError::CanvasTooSmall`] for a sheet smaller than a card.
pub fn cards(
    journey: &Journey,
    theme: &Theme,
    shaper: &Shaper<'_>,
    options: &CanvasOptions,
) -> Result<CardSheets, LayoutError> {
    let mut journey = journey.clone();
    if let Some(lang) = options.lang {
        journey.lang = Some(lang.code().to_owned());
    }
    let count = journey.touchpoints().count();
    if count == 0 {
        return Err(LayoutError::NoCards);
    }
    let theme = canvas_theme(theme);
    let size = match options.size {
        None | Some(Size::Auto) => Size::Paper(Paper::A4),
        Some(size) => size,
    };
    let orientation = options.orientation.unwrap_or(Orientation::Portrait);
    let (width, height) = size.page_px(Some(orientation)).unwrap_or((1.0, 1.0));
    let paper = match size {
        Size::Paper(p) => format!("{} {}", p.as_str(), orientation.as_str()),
        other => other.to_string(),
    };
    let sheet = Sheet::new(&theme, Size2 { width, height });
    let per_sheet = sheet.columns * sheet.rows;
    if per_sheet == 0 {
        return Err(LayoutError::CanvasTooSmall {
            size: paper,
            detail: format!(
                "a {SLOT_MM:.0} mm card and its crop marks need {:.0} mm each way",
                SLOT_MM + 2.0 * MARGIN_MM
            ),
            suggestion: "try --size A4".to_owned(),
        });
    }
    let builder = stacker(&journey, &theme, shaper, None);
    let cx = builder.context(sheet.view.width, 0.0);
    let all: Vec<_> = journey.touchpoints().collect();
    let sheets = all.len().div_ceil(per_sheet);
    let pages =
        all.chunks(per_sheet).enumerate().map(|(n, chunk)| sheet_page(&cx, &sheet, chunk, (n + 1, sheets))).collect();
    let name = cx.labels.get("canvas_name");
    let document = Document {
        pages,
        title: if journey.title.trim().is_empty() { name.to_owned() } else { format!("{} — {name}", journey.title) },
        description: cx
            .labels
            .fill("card_sheet", &[("title", journey.title.as_str()), ("n", "1"), ("total", &sheets.to_string())]),
        anchors: Vec::new(),
        left_out: Vec::new(),
        priorities_cap: None,
        arrangement: Arrangement::Full,
        forced_breaks: cx.forced.get(),
        meta: crate::layout::meta(&journey),
        notes: Vec::new(),
        sheets: Vec::new(),
        labels: cx.labels.clone(),
    };
    Ok(CardSheets { document, cards: count, per_sheet, paper })
}

/// Sheet `n` of `total` with its cards and their crop marks, under a line
/// that says what the sheet is.
fn sheet_page(
    cx: &Context<'_>,
    sheet: &Sheet,
    cards: &[(TouchpointId, &Touchpoint)],
    (n, total): (usize, usize),
) -> Page {
    let journey = cx.journey;
    let heading = cx
        .labels
        .fill("card_sheet", &[("title", journey.title.as_str()), ("n", &n.to_string()), ("total", &total.to_string())]);
    let mut frame = Frame::new(sheet.view);
    let caption = cx.caption(Style::Regular);
    let text = cx.shaper.ellipsize(&heading, caption.style, caption.size, sheet.view.width - 2.0 * sheet.margin);
    let (line, _) = cx.line_at(&text, caption, Role::Muted, Point::new(sheet.margin, sheet.margin));
    frame.push(Item::Group(Group::new(Some(Tag::class("sheet-heading")), vec![Item::Text(line)])));
    for (k, (id, t)) in cards.iter().enumerate() {
        let rect = sheet.card(k);
        let place = Place { stage: id.stage, index: id.index, stage_name: &journey.stages[id.stage].name };
        frame.push(note::note(cx, t, place, rect, Face::ToTick));
        frame.items.extend(crop_marks(&format!("card-{}-{}", id.stage + 1, id.index + 1), rect, sheet.scale));
    }
    Page { size: sheet.page, transform: Transform::scale(sheet.scale), frame, name: heading, print: None }
}

/// A sheet's grid of cards, in frame px.
struct Sheet {
    /// The paper, in page px.
    page: Size2,
    scale: f64,
    view: Size2,
    margin: f64,
    card: f64,
    gap: f64,
    columns: usize,
    rows: usize,
    /// The top left of the first card.
    origin: Point,
}

impl Sheet {
    fn new(theme: &Theme, page: Size2) -> Sheet {
        // The sheet is printed at its size; a theme whose smallest text
        // would fall under the floor is enlarged, the cards are not.
        let scale = (crate::layout::MIN_TEXT_PX / theme.type_scale.smallest()).max(1.0);
        let view = Size2 { width: page.width / scale, height: page.height / scale };
        let mm = |v: f64| Length::mm(v).to_px() / scale;
        let (margin, card, gap) = (mm(MARGIN_MM), mm(SLOT_MM), mm(CARD_GAP_MM));
        // A line for the sheet's heading, then the cards.
        let top = margin + theme.type_scale.caption * 2.0 + gap / 2.0;
        let fit = |room: f64| if room >= card { ((room + gap) / (card + gap) + 1e-9) as usize } else { 0 };
        let columns = fit(view.width - 2.0 * margin);
        let rows = fit(view.height - top - margin);
        let used = columns as f64 * card + columns.saturating_sub(1) as f64 * gap;
        let origin = Point::new((view.width - used) / 2.0, top);
        Sheet { page, scale, view, margin, card, gap, columns, rows, origin }
    }

    /// The `k`th card's square, row by row.
    fn card(&self, k: usize) -> Rect {
        let (row, col) = (k / self.columns, k % self.columns);
        let step = self.card + self.gap;
        Rect::new(self.origin.x + col as f64 * step, self.origin.y + row as f64 * step, self.card, self.card)
    }
}

/// The card's crop marks: at each corner, its two edges carried on
/// outside the card, clear of it, in registration black. Each mark is a
/// group of its own (`crop-mark`, `data-card`), so that no mark's box
/// covers a card.
fn crop_marks(card: &str, rect: Rect, scale: f64) -> Vec<Item> {
    let mm = |v: f64| Length::mm(v).to_px() / scale;
    let (from, to) = (mm(MARK_OFFSET_MM), mm(MARK_OFFSET_MM + MARK_MM));
    let stroke = Stroke::solid(Role::Registration, Length::pt(0.25).to_px() / scale);
    let mut items = Vec::new();
    for (corner, (dx, dy)) in [
        (Point::new(rect.x, rect.y), (-1.0, -1.0)),
        (Point::new(rect.right(), rect.y), (1.0, -1.0)),
        (Point::new(rect.x, rect.bottom()), (-1.0, 1.0)),
        (Point::new(rect.right(), rect.bottom()), (1.0, 1.0)),
    ] {
        let along_x = (Point::new(corner.x + dx * from, corner.y), Point::new(corner.x + dx * to, corner.y));
        let along_y = (Point::new(corner.x, corner.y + dy * from), Point::new(corner.x, corner.y + dy * to));
        for (a, b) in [along_x, along_y] {
            let line = Item::Shape(Shape::stroked(Geometry::Line { from: a, to: b }, stroke));
            let tag = Tag::class("crop-mark").data("card", card).structure(Structure::Artifact);
            items.push(Item::Group(Group::new(Some(tag), vec![line])));
        }
    }
    items
}
