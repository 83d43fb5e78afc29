//! Journey + theme + page size → [`Document`]: pages of frames of
//! primitives (text, shapes, tagged groups), no SVG.
//!
//! The poster is a stack of regions (SPEC §4), one module each under
//! `regions/`: title block, spine, question rows, touchpoint cards, legend,
//! footer. Each lays out a frame in its own coordinates from a shared
//! context (journey, theme, shaper, column grid); the stacker places them
//! in the order `[poster] panels` gives. Badges, stars and meters are drawn
//! into primitives by `symbols`. Every row shares one height across the
//! stages so the grid reads. Text is measured and wrapped with
//! [`crate::text`], so every line is known to fit its box before anything is
//! drawn.
//!
//! Sizing: with `auto` the layout uses the theme's natural sizes and the
//! page grows to fit. With a fixed page the layout is scaled: it finds the
//! largest scale at which the content, laid out to the page's width, also
//! fits its height, stacked or (on a wide page, when it prints larger) with
//! the priorities in a sidebar, and shares the height left over between
//! the rows. Handouts and screens (A4 and smaller, sizes in pixels) get
//! the one-page summary instead (SPEC §4.1): title, headline, stage band,
//! curve, stage health, the top priorities and the legend, with body text
//! of 9 pt on A4 or a fortieth of a slide's height; so does a larger page
//! the full poster would not fit at 6 pt, and the [`Document`] says so. If
//! even the summary does not fit, the layout fails and names a size that
//! would.
//!
//! The workshop canvas (`canvas`) is a layout of its own over the same
//! frames: the spine a team fills in by hand, with slots of a sticky
//! note's size that no page shrinks.

mod actions;
mod assembly;
mod canvas;
mod context;
mod cuts;
mod deck;
mod document;
mod fold;
mod frame;
mod geom;
mod inputs;
mod print;
mod regions;
mod sheet_words;
mod spline;

pub use regions::{PANELS, PanelRegion, panel};
mod stack;
mod summary;
mod symbols;
mod wall;

pub use canvas::{
    BlankStages, BlankStagesError, CARD_GAP_MM, Canvas, CanvasOptions, CardSheets, MAX_BLANK_STAGES, SLOT_MM,
    StageSlots, blank_journey, canvas, cards,
};
pub use deck::{MAX_SLIDE_SCALE, MIN_SLIDE_TEXT_PX, SLIDE, SLIDE_TITLE_PX, SlideTitle, deck, slide_title, untitled};
pub use document::{Anchor, AnchorKind, Arrangement, Boxed, Document, Meta, Page, PrintBoxes};
pub use fold::{FOLD_OVER, READABLE_CARD_PT};
pub use frame::{BoxStyle, Frame, Geometry, Group, Item, Segment, Shape, Stroke, Structure, Tag, TextLine, Transform};
pub use geom::{EPSILON, Point, Rect, Size2};
pub use print::{
    MAX_BLEED_MM, MAX_TILES, PrintError, TILE_MARGIN_MM, TILE_OVERLAP_MM, fitted_tiles, tiles, with_bleed,
};
pub use summary::{PosterLayout, TypeFloor};
pub use wall::{WALL_CARD_PT, WALL_CARD_PT_LARGE, WALL_TYPE_CEILING};

use crate::model::{Journey, Orientation, Size, Status};
use crate::text::{Fonts, Shaper};
use crate::theme::Theme;
use stack::Stacker;

/// The smallest text allowed at print size: 6 pt = 8 CSS px. It applies
/// to every text on the poster, captions included.
pub const MIN_TEXT_PX: f64 = 8.0;

/// The most a fixed page enlarges the theme's sizes: beyond this, a short
/// map on a big page would turn into a wall of giant letters.
pub const MAX_SCALE: f64 = 3.0;

/// Page choices that override the map's `[poster]` table.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Options {
    /// The page size; `None` keeps the map's.
    pub size: Option<Size>,
    /// The orientation; `None` keeps the map's.
    pub orientation: Option<Orientation>,
    /// Keep this owner's touchpoints at full strength and mute the rest
    /// (a department's copy of the poster).
    pub highlight: Option<String>,
    /// The layout asked for; `None` picks by the page (SPEC §4.1): the
    /// summary on A4 and smaller and on sizes in pixels, the full poster
    /// elsewhere, falling back to the summary where it would not fit.
    pub layout: Option<PosterLayout>,
    /// Changes to mark (a diff poster): what changed since an older
    /// version of the map, arranged by this map's stages and cards.
    pub diff: Option<std::sync::Arc<crate::diff::Overlay>>,
}

/// Why a poster cannot be laid out.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum LayoutError {
    /// The content does not fit the page without going below the 6 pt floor.
    #[error("the map does not fit on {size}: {detail}, below the {floor} it needs; {suggestion}")]
    TooSmall {
        /// The page asked for.
        size: String,
        /// How small the text would have to be, in words.
        detail: String,
        /// The floor it would break, in words ("9 pt for body text").
        floor: String,
        /// What would fit instead.
        suggestion: String,
    },
    /// A part of a slide deck (one card, one answer, the overview of one
    /// stage) does not fit a slide with its text at the slide's floor.
    #[error(
        "{what} does not fit a 1920 × 1080 slide with its text at {} px or more; shorten it, or render a poster instead of a deck",
        MIN_SLIDE_TEXT_PX
    )]
    SlideTooSmall {
        /// What does not fit, in words.
        what: String,
    },
    /// The workshop canvas does not fit the page: its sticky-note slots
    /// keep their size, so the page must grow instead.
    #[error("the canvas does not fit {size}: {detail}; slots keep the size of a sticky note, so {suggestion}")]
    CanvasTooSmall {
        /// The page asked for, in words ("A2 portrait").
        size: String,
        /// What it lacks, in words.
        detail: String,
        /// A size or tiling that fits.
        suggestion: String,
    },
    /// Cards were asked of a map without touchpoints.
    #[error("the map has no touchpoints to print as cards; the canvas (without --cards) has empty slots for them")]
    NoCards,
    /// The owner to highlight owns no touchpoint of the map.
    #[error("no touchpoint is owned by '{owner}'; the owners in this map are: {}", if known.is_empty() { "none".to_owned() } else { known.join(", ") })]
    UnknownOwner {
        /// The owner asked for.
        owner: String,
        /// The owners the map names, sorted.
        known: Vec<String>,
    },
}

/// The owners named by the map's touchpoints, sorted, each once (compared
/// without regard to case or surrounding space).
pub fn owners(journey: &Journey) -> Vec<String> {
    let mut owners: Vec<String> = Vec::new();
    for (_, t) in journey.touchpoints() {
        let Some(owner) = t.owner.as_deref().map(str::trim).filter(|o| !o.is_empty()) else { continue };
        if !owners.iter().any(|o| o.eq_ignore_ascii_case(owner)) {
            owners.push(owner.to_owned());
        }
    }
    owners.sort_by_key(|o| o.to_lowercase());
    owners
}

/// Lays out a journey with a shaper of its own. A program that lays out
/// again and again keeps its shaping cache in a
/// `render::Renderer` instead.
///
/// # Errors
/// [`LayoutError::TooSmall`] when a fixed page cannot hold even the story (cards, curve, priorities) with
/// all text at 6 pt or more.
pub fn layout(journey: &Journey, theme: &Theme, fonts: &Fonts, options: &Options) -> Result<Document, LayoutError> {
    layout_with(journey, theme, &Shaper::new(fonts), options)
}

/// A page no smaller than the one [`layout_with`] would make, found
/// without laying anything out: a fixed size is itself; an automatic page
/// is at least as wide as its columns at the theme's sizes (three or more
/// stages fill them) and as tall as its margins. A front end refuses an
/// image over its pixel limit from this before spending the layout.
pub fn page_lower_bound(journey: &Journey, theme: &Theme, options: &Options) -> Size2 {
    let size = options.size.unwrap_or(journey.poster.size);
    let orientation = options.orientation.or(journey.poster.orientation);
    if let Some((width, height)) = size.page_px(orientation) {
        return Size2 { width, height };
    }
    let s = &theme.space;
    let scale = (MIN_TEXT_PX / theme.type_scale.smallest()).max(1.0);
    let width = if journey.stages.len() >= 3 { context::Grid::natural_width(journey, theme) } else { 0.0 };
    Size2 { width: width * scale, height: 2.0 * s.margin * scale }
}

/// Lays out a journey, measuring with `shaper`.
///
/// Fitting a fixed page re-runs the regions at each trial scale (their
/// wrapping depends on the column width), but shaping comes from the
/// shaper's cache, and everything that does not depend on the scale — the
/// panel order, the description — is worked out once.
///
/// # Errors
/// [`LayoutError::TooSmall`] when a fixed page cannot hold even the story (cards, curve, priorities) with
/// all text at 6 pt or more; [`LayoutError::UnknownOwner`] when the owner
/// to highlight owns nothing.
pub fn layout_with(
    journey: &Journey,
    theme: &Theme,
    shaper: &Shaper<'_>,
    options: &Options,
) -> Result<Document, LayoutError> {
    let highlight = resolve_highlight(journey, options)?;
    let size = options.size.unwrap_or(journey.poster.size);
    let orientation = options.orientation.or(journey.poster.orientation);
    let diff = options.diff.as_deref();
    let mut builder = stacker(journey, theme, shaper, highlight.as_deref());
    builder.diff = diff;
    let min_scale = MIN_TEXT_PX / theme.type_scale.smallest();
    let inputs = inputs::PosterInputs { journey, theme, shaper, highlight: highlight.as_deref(), min_scale };
    let asked = options.layout;
    if asked == Some(PosterLayout::Wall) {
        let wall = wall::Wall { inputs, size, orientation, whole: wall::Whole::of(journey) };
        let page = size.page_px(orientation).map(|(width, height)| Size2 { width, height });
        return wall::layout(&wall, page);
    }
    let Some((page_w, page_h)) = size.page_px(orientation) else {
        return Ok(grown_page(&inputs, diff, asked == Some(PosterLayout::Summary)));
    };
    let page = Size2 { width: page_w, height: page_h };
    if asked.unwrap_or(PosterLayout::for_size(size)) == PosterLayout::Full {
        // A diff poster marks every card's change: none is folded away.
        let crowded = Some(inputs).filter(|_| diff.is_none());
        match fit(&builder, page, min_scale) {
            Ok((scale, laid)) => {
                let folded = crowded.as_ref().and_then(|c| fold::folded(c, page, Some(scale)));
                return Ok(folded.unwrap_or_else(|| assemble(&builder, laid, scale, page, Vec::new(), None)));
            }
            Err(needed) => {
                if let Some(folded) = crowded.as_ref().and_then(|c| fold::folded(c, page, None)) {
                    return Ok(folded);
                }
                // Asked for by name, the full poster is refused rather
                // than summarised.
                if asked == Some(PosterLayout::Full) {
                    return Err(summary::too_small(
                        &builder,
                        size,
                        orientation,
                        needed,
                        TypeFloor::Smallest,
                        min_scale,
                    ));
                }
            }
        }
    }
    let fell_back = asked.is_none() && PosterLayout::for_size(size) == PosterLayout::Full;
    // A map not yet assessed has no story for a summary to tell: a page
    // that takes the whole poster at the summary's floor shows that.
    if asked.is_none() && !summary::tells_a_story(journey) && diff.is_none() {
        let floor = summary::floor(size, page);
        if let Ok((scale, laid)) = fit(&builder, page, summary::floor_scale(floor, &builder, min_scale)) {
            return Ok(assemble(&builder, laid, scale, page, Vec::new(), None));
        }
    }
    summary_page(&inputs, diff, size, orientation, page, fell_back)
}

/// A page that grows to fit, at the theme's sizes: enlarged only if a
/// theme's smallest text would otherwise print under the floor.
fn grown_page(inputs: &inputs::PosterInputs<'_>, diff: Option<&crate::diff::Overlay>, summary: bool) -> Document {
    let inputs::PosterInputs { journey, theme, shaper, highlight, min_scale } = *inputs;
    let scale = min_scale.max(1.0);
    if summary {
        let story = summary::story(journey);
        let mut builder = stacker(&story, theme, shaper, highlight);
        builder.diff = diff;
        let laid = summary::grown(&mut builder);
        let page = Size2 { width: laid.frame.size.width * scale, height: laid.height * scale };
        let mut doc = assemble(&builder, laid, scale, page, Vec::new(), None);
        doc.arrangement = Arrangement::Summary { fell_back: false, brief: false, floor: TypeFloor::Smallest };
        return doc;
    }
    let mut builder = inputs.stacker();
    builder.diff = diff;
    let laid = builder.build(context::Grid::natural_width(journey, theme), None, 0.0, false);
    let page = Size2 { width: laid.frame.size.width * scale, height: laid.height * scale };
    assemble(&builder, laid, scale, page, Vec::new(), None)
}

/// The summary on the fixed `page` of `size`, trimmed to its floor, or
/// the refusal that names a size that fits.
fn summary_page(
    inputs: &inputs::PosterInputs<'_>,
    diff: Option<&crate::diff::Overlay>,
    size: Size,
    orientation: Option<Orientation>,
    page: Size2,
    fell_back: bool,
) -> Result<Document, LayoutError> {
    let floor = summary::floor(size, page);
    let at = SummaryAt { diff, size, orientation, page, fell_back };
    let (first, broken) = summary_in(inputs, &at, &summary::theme_for(inputs.theme, floor));
    // Narrow columns (seven stages on A4 portrait) break a stage name
    // even at the floor: less room between and inside the boxes may keep
    // every name whole.
    if broken && first.is_ok() {
        let (tight, broken) = summary_in(inputs, &at, &summary::tight_theme(inputs.theme, floor));
        if let (Ok(tight), false) = (tight, broken) {
            return Ok(tight);
        }
    }
    first
}

/// Where a summary page goes: what [`summary_in`] lays out on.
struct SummaryAt<'d> {
    diff: Option<&'d crate::diff::Overlay>,
    size: Size,
    orientation: Option<Orientation>,
    page: Size2,
    fell_back: bool,
}

/// The summary laid out with `theme`, and whether a stage name broke.
fn summary_in(
    inputs: &inputs::PosterInputs<'_>,
    at: &SummaryAt<'_>,
    theme: &Theme,
) -> (Result<Document, LayoutError>, bool) {
    let inputs::PosterInputs { journey, shaper, highlight, min_scale, .. } = *inputs;
    let SummaryAt { diff, size, orientation, page, fell_back } = *at;
    let floor = summary::floor(size, page);
    let story = summary::story(journey);
    let mut builder = stacker(&story, theme, shaper, highlight);
    builder.diff = diff;
    let broken = std::cell::Cell::new(false);
    let request = summary::Request { builder: &mut builder, page, floor, min_scale, fell_back };
    let make = |b: &Stacker<'_>, laid: stack::Laid, scale, left_out, cap| {
        broken.set(laid.names_broken);
        assemble(b, laid, scale, page, left_out, cap)
    };
    let document = summary::fit_page(request, make)
        .map_err(|needed| summary::too_small(&builder, size, orientation, needed, floor, min_scale));
    (document, broken.get())
}

/// The document of a poster laid out at `scale` on a page `page` px: the
/// poster's page, then the full list of actions when its panel shows
/// only the first.
pub(crate) fn assemble(
    builder: &Stacker<'_>,
    laid: stack::Laid,
    scale: f64,
    page: Size2,
    left_out: Vec<crate::model::Panel>,
    cap: Option<usize>,
) -> Document {
    let journey = builder.journey;
    let poster = Page {
        size: page,
        transform: frame::Transform::scale(scale),
        frame: laid.frame,
        name: journey.title.clone(),
        print: None,
    };
    let mut pages = actions::list_pages(builder, &poster);
    pages.insert(0, poster);
    Document {
        pages,
        title: journey.title.clone(),
        description: description(journey, &builder.labels, &builder.priorities),
        anchors: laid.anchors,
        left_out,
        priorities_cap: cap,
        arrangement: Arrangement::Full,
        forced_breaks: laid.forced,
        meta: meta(journey),
        notes: Vec::new(),
        sheets: Vec::new(),
        labels: builder.labels.clone(),
    }
}

/// The owner to highlight as the map spells it, for the poster to print.
fn resolve_highlight(journey: &Journey, options: &Options) -> Result<Option<String>, LayoutError> {
    let Some(owner) = &options.highlight else { return Ok(None) };
    let known = owners(journey);
    match known.iter().find(|o| o.eq_ignore_ascii_case(owner.trim())) {
        Some(canonical) => Ok(Some(canonical.clone())),
        None => Err(LayoutError::UnknownOwner { owner: owner.clone(), known }),
    }
}

/// The stacker for a journey: its labels, priorities and stage health
/// worked out once.
pub(crate) fn stacker<'a>(
    journey: &'a Journey,
    theme: &'a Theme,
    shaper: &'a Shaper<'a>,
    highlight: Option<&'a str>,
) -> Stacker<'a> {
    // The one place the poster's language is settled: written or detected
    // (SPEC §2.1), it picks the labels, and through them the dates and the
    // hyphenation patterns.
    let labels = crate::labels::Labels::new(crate::labels::Lang::of(journey), journey.labels.clone());
    let health = crate::health::stage_health(journey);
    Stacker {
        journey,
        theme,
        shaper,
        priorities: crate::priorities::actions(journey),
        extremes: crate::health::extremes(&health),
        health,
        highlight,
        left_out: Vec::new(),
        priorities_cap: None,
        labels,
        first_stage: 0,
        regions: &regions::PANELS,
        diff: None,
        footer: true,
        brief: false,
        least_column: 0.5,
        chips: None,
        whole_names: false,
        names_to_body: false,
        fold: None,
    }
}

/// Fits the stack to a fixed page at the largest scale it can: stacked,
/// or with the priorities and legend in a sidebar when that prints larger
/// (a wide page with few stages). When nothing fits at `min_scale`, the
/// scale it would need (if any fits at all).
fn fit(builder: &Stacker<'_>, page: Size2, min_scale: f64) -> Result<(f64, stack::Laid), Option<f64>> {
    if !builder.can_use_sidebar() {
        return fit_mode(builder, page, min_scale, false);
    }
    if page.width <= page.height {
        let stacked = fit_mode(builder, page, min_scale, false);
        // A short spine on a tall page keeps its columns readable and
        // leaves bare sides, which the sidebar may fill.
        let sidebar = builder.theme.space.sidebar + builder.theme.space.section;
        if !matches!(&stacked, Ok((_, laid)) if laid.spare_width >= sidebar) {
            return stacked;
        }
        return better(stacked, fit_mode(builder, page, min_scale, true));
    }
    // The two arrangements are fitted side by side: they share only the
    // shaping cache, which is made for that.
    let (stacked, sidebar) =
        rayon::join(|| fit_mode(builder, page, min_scale, false), || fit_mode(builder, page, min_scale, true));
    better(stacked, sidebar)
}

/// Of the stacked and the sidebar arrangement, the one to print.
fn better(stacked: Fitted, sidebar: Fitted) -> Fitted {
    match (stacked, sidebar) {
        // The sidebar only when it prints clearly larger: the stacked
        // poster reads in one pass from top to bottom.
        (Ok(a), Ok(b)) => Ok(if b.0 > a.0 * 1.05 { b } else { a }),
        (Ok(a), Err(_)) => Ok(a),
        (Err(_), Ok(b)) => Ok(b),
        (Err(a), Err(b)) => Err(match (a, b) {
            (Some(a), Some(b)) => Some(a.max(b)),
            (a, b) => a.or(b),
        }),
    }
}

/// A stack fitted to a page and its scale, or the scale it would need
/// (`None`: not at any).
type Fitted = Result<(f64, stack::Laid), Option<f64>>;

/// Fits one arrangement: the largest scale at which it fits, with the
/// height left over shared between the rows.
fn fit_mode(builder: &Stacker<'_>, page: Size2, min_scale: f64, sidebar: bool) -> Fitted {
    let Some(at_floor) = fits_at(builder, page, 0.0, sidebar, min_scale) else {
        let tiny = min_scale / 20.0;
        let fits = |scale: f64| fits_at(builder, page, 0.0, sidebar, scale);
        return Err(fits(tiny).map(|laid| largest_fitting(&fits, tiny, min_scale, laid).0));
    };
    Ok(grow(builder, page, 0.0, sidebar, min_scale, at_floor))
}

/// The stack laid out for `page` at `scale`, keeping `reserve` px of the
/// view free at its foot (a slide's number line); `None` when it does not
/// fit.
fn fits_at(builder: &Stacker<'_>, page: Size2, reserve: f64, sidebar: bool, scale: f64) -> Option<stack::Laid> {
    let (width, height) = (page.width / scale, page.height / scale - reserve);
    let laid = builder.build(width, Some(height), 0.0, sidebar);
    let names = !(builder.whole_names && laid.names_broken);
    (laid.fits_width && names && laid.height <= height + EPSILON).then_some(laid)
}

/// From a stack that fits at `min_scale`, the largest scale at which it
/// fits, with the height left over shared between the rows, so the page is
/// filled rather than blank at the foot.
fn grow(
    builder: &Stacker<'_>,
    page: Size2,
    reserve: f64,
    sidebar: bool,
    min_scale: f64,
    at_floor: stack::Laid,
) -> (f64, stack::Laid) {
    let fits = |scale: f64| fits_at(builder, page, reserve, sidebar, scale);
    let (scale, laid) = largest_fitting(&fits, min_scale, MAX_SCALE.max(min_scale), at_floor);
    let (view_w, view_h) = (page.width / scale, page.height / scale - reserve);
    let rows = builder.stretchable();
    let spare = view_h - laid.height + laid.slack;
    if rows > 0 && spare > 0.5 {
        let stretched = builder.build(view_w, Some(view_h), spare / rows as f64, sidebar);
        if stretched.height <= view_h + EPSILON {
            return (scale, stretched);
        }
    }
    (scale, laid)
}

/// Bisects for the largest scale in `lo..=hi` at which `fits` succeeds,
/// given that it succeeds at `lo` with the result `at_lo`.
/// Fitting is monotone enough in the scale — a narrower view only ever
/// wraps more — for bisection to converge.
fn largest_fitting<T>(fits: &impl Fn(f64) -> Option<T>, mut lo: f64, mut hi: f64, at_lo: T) -> (f64, T) {
    if let Some(laid) = fits(hi) {
        return (hi, laid);
    }
    let mut best = at_lo;
    // Ten halvings pin the scale to 0.2 % of the range: finer than a
    // printer can show.
    for _ in 0..10 {
        let mid = (lo + hi) / 2.0;
        match fits(mid) {
            Some(laid) => {
                lo = mid;
                best = laid;
            }
            None => hi = mid,
        }
    }
    (lo, best)
}

/// The document information a PDF carries.
fn meta(journey: &Journey) -> document::Meta {
    let mut keywords = vec!["customer journey map".to_owned()];
    keywords.extend(journey.stages.iter().map(|s| s.name.clone()));
    document::Meta {
        subject: journey.subtitle.clone(),
        authors: journey.organisation.iter().chain(&journey.team).cloned().collect(),
        keywords,
        date: journey.date,
        lang: journey.lang.clone().unwrap_or_else(|| crate::labels::Lang::of(journey).code().to_owned()),
    }
}

/// A one-paragraph description of the poster, for the SVG `<desc>`, in
/// the poster's language.
fn description(
    journey: &Journey,
    labels: &crate::labels::Labels,
    priorities: &[crate::priorities::Priority<'_>],
) -> String {
    let stages: Vec<&str> = journey.stages.iter().map(|s| s.name.as_str()).collect();
    let touchpoints = journey.touchpoints().count().to_string();
    let moments = journey.touchpoints().filter(|(_, t)| t.moment_of_truth).count().to_string();
    let n = stages.len().to_string();
    let joined = stages.join(", ");
    let mut values =
        vec![("n", n.as_str()), ("stages", joined.as_str()), ("touchpoints", &touchpoints), ("moments", &moments)];
    let key = match &journey.persona {
        Some(p) => {
            values.push(("persona", p.as_str()));
            "description_persona"
        }
        None => "description",
    };
    let mut d = labels.fill(key, &values);
    // The first three actions, for a reader who cannot see the poster.
    let top: Vec<String> = priorities
        .iter()
        .take(3)
        .map(|p| {
            let what = format!("{} › {}", p.stage, p.touchpoint.name);
            match &p.touchpoint.action {
                Some(action) => format!("{}. {what}: {action}", p.rank),
                None => format!("{}. {what}", p.rank),
            }
        })
        .collect();
    if !top.is_empty() && journey.poster.priorities > 0 {
        d.push(' ');
        d.push_str(&labels.fill("description_top", &[("list", &top.join("; "))]));
    }
    if journey.status == Status::Draft {
        d.push(' ');
        d.push_str(labels.get("description_draft"));
    }
    // The map's own description comes first: it says what the journey is
    // about; the summary says what the poster shows.
    match &journey.description {
        Some(own) => format!("{} {d}", own.trim_end()),
        None => d,
    }
}
