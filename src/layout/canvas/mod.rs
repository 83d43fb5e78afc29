//! The workshop canvas (SPEC §6): the blank spine a team tapes to the
//! wall and fills in with sticky notes, and the touchpoints of a map as
//! cut-out cards to re-sort in the room.
//!
//! The canvas is a layout like the poster: frames of primitives on a page,
//! so SVG, PNG, PDF, tiles and bleed work unchanged. Its regions, top to
//! bottom: boxes for title, persona, team, date and sources beside the key
//! of the marks (`top`); the stage headers, the question rows and the
//! feeling scale (`grid`); and between them the touchpoint slots
//! (`slots`), each a 76 mm sticky note at print size (`plan`). What the
//! map already holds is printed (`note`); the rest is left to write on.
//! `cards` lays the touchpoints out as cards on sheets with crop marks.

mod cards;
mod grid;
mod note;
mod plan;
mod slots;
mod top;

pub use cards::{CARD_GAP_MM, CardSheets, cards};
pub use plan::SLOT_MM;

use super::document::{Arrangement, Document, Page};
use super::frame::{BoxStyle, Frame, Group, Item, Tag, Transform};
use super::geom::{EPSILON, Rect, Size2};
use super::{LayoutError, stacker};
use crate::labels::Lang;
use crate::model::{FieldSpans, Journey, Orientation, Paper, PosterSettings, Size, Stage, Status};
use crate::text::Shaper;
use crate::theme::Theme;
use crate::units::Length;
use plan::{Candidate, Plan};

/// The distance between two steps of the feeling scale at print size, in
/// millimetres: room for a dot in marker pen.
const FEELING_STEP_MM: f64 = 9.0;

/// The fewest slots a stage gets on a page `--size auto` picks: most
/// stages have three to six touchpoints.
const AUTO_LEAST_SLOTS: usize = 4;

/// The share of the height below the top band that a blank canvas gives
/// its slots; the question rows share the rest.
const SLOTS_SHARE: f64 = 0.6;

/// The most blank stage columns `--stages N` draws.
pub const MAX_BLANK_STAGES: usize = 30;

/// What a canvas is printed on and in which language.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct CanvasOptions {
    /// The page; `None` is A0. `Size::Auto` picks the smallest A-series
    /// paper that holds the stages (and all the map's touchpoints, if one
    /// does), else a page of A0's height as wide as they need.
    pub size: Option<Size>,
    /// The orientation; `None` is landscape for paper.
    pub orientation: Option<Orientation>,
    /// The language of the canvas's own words, over the map's.
    pub lang: Option<Lang>,
}

/// A laid-out canvas and what it holds.
#[derive(Debug, Clone, PartialEq)]
pub struct Canvas {
    /// The canvas as a one-page document.
    pub document: Document,
    /// The page in words: "A1 landscape", "1700×841 mm".
    pub page: String,
    /// The slots of each stage, in spine order.
    pub stages: Vec<StageSlots>,
}

/// The sticky-note slots of one stage column.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StageSlots {
    /// The stage's name; empty for a blank header.
    pub stage: String,
    /// Its number on the spine, from 1.
    pub number: usize,
    /// Slots side by side.
    pub across: usize,
    /// Rows of slots.
    pub down: usize,
    /// The map's touchpoints in this stage.
    pub touchpoints: usize,
    /// How many of them are printed in a slot; the rest are listed by
    /// name in the last slot.
    pub printed: usize,
}

impl StageSlots {
    /// How many slots the stage has.
    pub fn slots(&self) -> usize {
        self.across * self.down
    }

    /// The touchpoints that got no slot of their own.
    pub fn left_over(&self) -> usize {
        self.touchpoints - self.printed
    }
}

/// The stage columns of a canvas without a map: a number of blank
/// headers, or names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BlankStages {
    /// This many blank headers to write on.
    Count(usize),
    /// Headers with these names.
    Named(Vec<String>),
}

impl Default for BlankStages {
    /// About six stages, as most journeys have.
    fn default() -> Self {
        BlankStages::Count(6)
    }
}

/// Why a `--stages` value is not usable.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum BlankStagesError {
    /// A count out of range.
    #[error("{0} stages: give 1 to {MAX_BLANK_STAGES}")]
    Count(usize),
    /// A list with a blank or repeated name.
    #[error(transparent)]
    List(#[from] crate::starter::StarterError),
}

impl std::str::FromStr for BlankStages {
    type Err = BlankStagesError;

    /// A number (`7`: seven blank headers) or names separated by commas.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        if let Ok(n) = s.trim().parse::<usize>() {
            return if (1..=MAX_BLANK_STAGES).contains(&n) {
                Ok(BlankStages::Count(n))
            } else {
                Err(BlankStagesError::Count(n))
            };
        }
        Ok(BlankStages::Named(crate::starter::parse_stage_list(s)?))
    }
}

/// A journey with only its stages: what a canvas without a map is laid
/// out from. Blank stages have empty names.
pub fn blank_journey(stages: &BlankStages) -> Journey {
    let names: Vec<String> = match stages {
        BlankStages::Count(n) => vec![String::new(); *n],
        BlankStages::Named(names) => names.clone(),
    };
    let stage = |name: String| Stage {
        name,
        doing: None,
        motivation: None,
        concerns: None,
        alleviation: None,
        effort: None,
        effort_note: None,
        lanes: Vec::new(),
        touchpoints: Vec::new(),
        span: 0..0,
        spans: FieldSpans::default(),
    };
    Journey {
        title: String::new(),
        subtitle: None,
        description: None,
        persona: None,
        organisation: None,
        team: Vec::new(),
        date: None,
        version: None,
        status: Status::Draft,
        sources: Vec::new(),
        theme: None,
        lang: None,
        currency: None,
        headline: None,
        labels: Vec::new(),
        poster: PosterSettings::default(),
        lanes: Vec::new(),
        stages: names.into_iter().map(stage).collect(),
        spans: FieldSpans::default(),
    }
}

/// A part of the canvas laid out from a top of 0 across the content.
pub(super) struct Part {
    pub(super) items: Vec<Item>,
    pub(super) height: f64,
}

/// Why a page cannot hold the canvas, in millimetres at print size.
#[derive(Debug, Clone, Copy)]
enum Shortfall {
    /// The stage columns need this width for a slot each.
    Narrow(f64),
    /// The rows with one row of slots need this height.
    Short(f64),
}

/// The theme the canvas is laid out with: the label column a little
/// wider, since it carries the questions the team answers.
fn canvas_theme(theme: &Theme) -> Theme {
    let mut theme = theme.clone();
    theme.space.label_width *= 1.2;
    theme
}

/// `theme` with every size and length `k` times larger (leading kept):
/// the notes in the slots are set at the sizes of the cut-out cards,
/// whatever the page, since a slot is the same sticky note on every page.
fn scaled(theme: &Theme, k: f64) -> Theme {
    let mut theme = theme.clone();
    let t = &mut theme.type_scale;
    for size in [
        &mut t.title,
        &mut t.subtitle,
        &mut t.meta,
        &mut t.stage,
        &mut t.stage_number,
        &mut t.label,
        &mut t.body,
        &mut t.card_title,
        &mut t.caption,
    ] {
        *size *= k;
    }
    let s = &mut theme.space;
    for length in [
        &mut s.unit,
        &mut s.margin,
        &mut s.gutter,
        &mut s.row_gap,
        &mut s.cell_padding,
        &mut s.card_padding,
        &mut s.card_gap,
        &mut s.radius,
        &mut s.hairline,
        &mut s.mot_outline,
        &mut s.label_width,
        &mut s.column_width,
        &mut s.badge,
        &mut s.curve_height,
        &mut s.section,
        &mut s.column_max,
        &mut s.sidebar,
        &mut s.priority_entry,
    ] {
        *length *= k;
    }
    let y = &mut theme.symbols;
    for length in [&mut y.score_pip, &mut y.effort_pip, &mut y.point, &mut y.health_block, &mut y.chevron] {
        *length *= k;
    }
    theme
}

/// How much larger than the canvas's own the notes' sizes are on a page
/// at `scale`: the cards' print sizes (the theme's natural sizes, or
/// larger if its smallest text would print under the floor).
fn note_factor(theme: &Theme, scale: f64) -> f64 {
    (super::MIN_TEXT_PX / theme.type_scale.smallest()).max(1.0) / scale
}

/// Lays out the workshop canvas for `journey` (a map, or a
/// [`blank_journey`]).
///
/// # Errors
/// [`LayoutError::CanvasTooSmall`] when the page cannot give every stage
/// column a 76 mm slot (or has no height left for one), naming a size or
/// a tiling that fits.
pub fn canvas(
    journey: &Journey,
    theme: &Theme,
    shaper: &Shaper<'_>,
    options: &CanvasOptions,
) -> Result<Canvas, LayoutError> {
    let mut journey = journey.clone();
    if let Some(lang) = options.lang {
        journey.lang = Some(lang.code().to_owned());
    }
    let theme = canvas_theme(theme);
    let size = options.size.unwrap_or(Size::Paper(Paper::A0));
    let candidate = match Candidate::of(size, options.orientation) {
        Some(candidate) => candidate,
        None => auto_page(&journey, &theme, shaper, options.orientation),
    };
    attempt(&journey, &theme, shaper, candidate).map_err(|short| refusal(&journey, &theme, shaper, candidate, short))
}

/// For `--size auto`: the smallest paper that gives every stage room for
/// its touchpoints and at least [`AUTO_LEAST_SLOTS`] notes, else the
/// smallest that holds the stages, else a page as wide as they need.
fn auto_page(journey: &Journey, theme: &Theme, shaper: &Shaper<'_>, orientation: Option<Orientation>) -> Candidate {
    let papers: Vec<Candidate> = plan::papers(orientation.unwrap_or_default())
        .into_iter()
        .filter(|c| orientation.is_none_or(|o| c.orientation == o))
        .collect();
    let fitted: Vec<(Candidate, Canvas)> =
        papers.iter().filter_map(|c| attempt(journey, theme, shaper, *c).ok().map(|canvas| (*c, canvas))).collect();
    let roomy = |s: &StageSlots| s.left_over() == 0 && s.slots() >= AUTO_LEAST_SLOTS;
    if let Some((c, _)) = fitted.iter().find(|(_, canvas)| canvas.stages.iter().all(roomy)) {
        return *c;
    }
    if let Some((c, _)) = fitted.first() {
        return *c;
    }
    let a0 = Candidate::of(Size::Paper(Paper::A0), Some(Orientation::Landscape)).map(|c| c.page);
    let needed = a0.map_or(0.0, |page| Plan::new(theme, journey.stages.len(), page).width_needed_mm(theme));
    plan::wide_page(needed)
}

/// The refusal for `candidate`, naming what would fit.
fn refusal(
    journey: &Journey,
    theme: &Theme,
    shaper: &Shaper<'_>,
    candidate: Candidate,
    short: Shortfall,
) -> LayoutError {
    let (w, h) = (Length::px(candidate.page.width).to_mm(), Length::px(candidate.page.height).to_mm());
    let n = journey.stages.len();
    let detail = match short {
        Shortfall::Narrow(needed) => format!(
            "{n} stage column{} with a {SLOT_MM:.0} mm sticky-note slot each need{} {needed:.0} mm across, and the page is {w:.0} mm wide",
            if n == 1 { "" } else { "s" },
            if n == 1 { "s" } else { "" },
        ),
        Shortfall::Short(needed) => format!(
            "the title, stage, question and feeling rows with one row of {SLOT_MM:.0} mm slots need {needed:.0} mm down, and the page is {h:.0} mm high"
        ),
    };
    let orientation = candidate.orientation;
    let fits = plan::papers(orientation)
        .into_iter()
        .filter(|c| *c != candidate)
        .find(|c| attempt(journey, theme, shaper, *c).is_ok());
    let suggestion = match fits {
        Some(c) => format!("try {}, or print it at that size on A3 sheets: {} --tile A3", c.options(), c.options()),
        None => {
            let a0 = Candidate::of(Size::Paper(Paper::A0), Some(Orientation::Landscape)).map(|c| c.page);
            let needed = a0.map_or(0.0, |page| Plan::new(theme, n, page).width_needed_mm(theme));
            let wide = plan::wide_page(needed);
            if attempt(journey, theme, shaper, wide).is_ok() {
                format!(
                    "no standard paper is wide enough: try {}, printed on A3 sheets with --tile A3, or on a plotter's roll",
                    wide.options()
                )
            } else {
                "give the canvas fewer stages or lanes".to_owned()
            }
        }
    };
    LayoutError::CanvasTooSmall { size: candidate.describe(), detail, suggestion }
}

/// The canvas on `candidate`'s page, or why it does not fit.
fn attempt(journey: &Journey, theme: &Theme, shaper: &Shaper<'_>, candidate: Candidate) -> Result<Canvas, Shortfall> {
    let plan = Plan::new(theme, journey.stages.len(), candidate.page);
    if plan.across == 0 {
        return Err(Shortfall::Narrow(plan.width_needed_mm(theme)));
    }
    let builder = stacker(journey, theme, shaper, None);
    let mut cx = builder.context(plan.view.width, 0.0);
    cx.grid = plan.grid(theme);
    let s = &theme.space;
    let top = top::layout(&cx, cx.grid.content, plan.scale);
    let band = grid::stage_band(&cx);
    let rows = grid::rows(&cx);
    let feeling = grid::feeling(&cx, Length::mm(FEELING_STEP_MM).to_px() / plan.scale);
    let tp_label = slots::label_height(&cx);
    let slots_h = |down: usize| plan.slots_height(theme, down).max(tp_label);
    // Top band, a section's gap, the stage band, then rows a row's gap
    // apart: the questions, the slots and the feeling scale.
    let fixed =
        2.0 * s.margin + top.height + s.section + band.height + (rows.len() + 2) as f64 * s.row_gap + feeling.height;
    let least: f64 = rows.iter().map(|r| r.least).sum();
    let free = plan.view.height - fixed - least;
    let most = (1..).take_while(|&d| slots_h(d) <= free + EPSILON).last().unwrap_or(0);
    if most == 0 {
        return Err(Shortfall::Short(Length::px((fixed + least + slots_h(1)) * plan.scale).to_mm()));
    }
    // Enough rows for the map's touchpoints, and slots in most of the
    // height in any case; the questions share what is left.
    let tallest = journey.stages.iter().map(|st| st.touchpoints.len()).max().unwrap_or(0);
    let needed = tallest.div_ceil(plan.across);
    let share = ((SLOTS_SHARE * (plan.view.height - fixed) - 2.0 * s.cell_padding + plan.gap) / (plan.slot + plan.gap))
        .max(1.0);
    let down = needed.max(share as usize).clamp(1, most);
    let spare = free - slots_h(down);
    let stretch = if rows.is_empty() { 0.0 } else { spare / rows.len() as f64 };

    let note_theme = scaled(theme, note_factor(theme, plan.scale));
    let note_builder = stacker(journey, &note_theme, shaper, None);
    let note_cx = note_builder.context(plan.view.width, 0.0);
    let (slots, stages) = slots::layout(&cx, &note_cx, &plan, down, slots_h(down));
    cx.forced.set(cx.forced.get() + note_cx.forced.get());
    let mut parts = vec![("canvas-header", top, s.section), ("stages", band, s.row_gap)];
    let mut grid_items = Vec::new();
    let mut y = 0.0;
    for row in rows {
        let h = row.least + stretch;
        grid_items.extend(row.draw(&cx, y, h));
        y += h + s.row_gap;
    }
    parts.push(("questions", Part { items: grid_items, height: (y - s.row_gap).max(0.0) }, s.row_gap));
    parts.push(("touchpoints", slots, s.row_gap));
    parts.push(("feeling", feeling, 0.0));
    let frame = stack(parts, plan.view, cx.grid.content, s.margin);
    let document = document(journey, &cx, frame, candidate, plan.scale);
    Ok(Canvas { document, page: candidate.describe(), stages })
}

/// The parts top down from the margin, each a region box `gap` above the
/// next.
fn stack(parts: Vec<(&str, Part, f64)>, view: Size2, width: f64, margin: f64) -> Frame {
    let mut frame = Frame::new(view);
    let mut y = margin;
    for (name, part, gap) in parts {
        let tag = Tag::new(name, format!("region {name}"));
        let mut group = Group::boxed(tag, Rect::new(0.0, 0.0, width, part.height), BoxStyle::default(), part.items);
        group.transform = Transform::translate(margin, y);
        frame.push(Item::Group(group));
        y += part.height + gap;
    }
    frame
}

/// The canvas as a document of one page.
fn document(
    journey: &Journey,
    cx: &super::context::Context<'_>,
    frame: Frame,
    candidate: Candidate,
    scale: f64,
) -> Document {
    let name = cx.labels.get("canvas_name").to_owned();
    let title = match journey.title.trim() {
        "" => name.clone(),
        title => format!("{title} — {name}"),
    };
    let stage_word = cx.labels.get("stage");
    let stages: Vec<String> = journey
        .stages
        .iter()
        .enumerate()
        .map(|(i, s)| if s.name.is_empty() { format!("{stage_word} {}", i + 1) } else { s.name.clone() })
        .collect();
    let page =
        Page { size: candidate.page, transform: Transform::scale(scale), frame, name: name.clone(), print: None };
    Document {
        pages: vec![page],
        title,
        description: format!("{name}: {}.", stages.join(", ")),
        anchors: Vec::new(),
        left_out: Vec::new(),
        priorities_cap: None,
        arrangement: Arrangement::Full,
        forced_breaks: cx.forced.get(),
        meta: super::meta(journey),
        notes: Vec::new(),
        sheets: Vec::new(),
        labels: cx.labels.clone(),
    }
}
