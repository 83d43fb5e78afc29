//! The one-page summary (SPEC §4.1): the story of the map without its
//! cards and answers, for a handout, a slide or a page the full poster
//! would not fit.
//!
//! The summary has its own floor for body text, set by the medium rather
//! than by the 6 pt print minimum: 9 pt on A4 and larger paper, and on a
//! page in pixels a fortieth of a 16:9 slide's width (24 px at
//! 1920 × 1080), which is what reads when projected. Where even that does
//! not fit, it trims in a fixed order — the legend, then priorities
//! beyond four and three, then the title block's details and the sources
//! line, then the health strip — and the document says what went.

use super::context::Grid;
use super::document::Arrangement;
use super::geom::{EPSILON, Size2};
use super::stack::{Laid, Stacker};
use super::{Document, LayoutError, fit};
use crate::model::{Journey, Orientation, Panel, Paper, PosterSettings, Size};
use crate::theme::Theme;
use crate::units::Length;

/// A layout a render can ask for by name (`--layout`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PosterLayout {
    /// The whole poster of §4; refused, not summarised, where it does not
    /// fit when asked for by name.
    Full,
    /// The one-page story: title, headline, stage band, curve, stage
    /// health, the top priorities and the legend.
    Summary,
    /// For reading from two metres: card titles at 18 pt or more (24 pt
    /// from A1 up), the question rows on sheets of their own, and the
    /// cards on sheets after the story where they do not fit beside it.
    Wall,
}

impl PosterLayout {
    /// The layout a page gets when none is asked for: the summary on
    /// handouts (A4, A5, A6, Letter, Legal) and screens (`Slide` and sizes
    /// in pixels), the full poster elsewhere.
    pub fn for_size(size: Size) -> PosterLayout {
        let handout = matches!(size, Size::Paper(Paper::A4 | Paper::A5 | Paper::A6 | Paper::Letter | Paper::Legal));
        if handout || size.in_pixels() { PosterLayout::Summary } else { PosterLayout::Full }
    }
}

/// The least a page's body text may print at: what the floor is measured
/// on and in which unit a message states it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum TypeFloor {
    /// The full poster's floor: its smallest text at 6 pt.
    Smallest,
    /// Body text at this many points (the summary on paper).
    BodyPt(f64),
    /// Body text at this many px of the page (the summary on a screen).
    BodyPx(f64),
}

impl TypeFloor {
    /// The floor in words, e.g. "6 pt for the smallest text".
    pub fn describe(self) -> String {
        match self {
            TypeFloor::Smallest => "6 pt for its smallest text".to_owned(),
            TypeFloor::BodyPt(pt) => format!("{} pt for body text", trim_zero(pt)),
            TypeFloor::BodyPx(px) => format!("{} px for body text", trim_zero(px)),
        }
    }
}

fn trim_zero(v: f64) -> String {
    let s = format!("{v:.1}");
    s.strip_suffix(".0").map_or(s.clone(), str::to_owned)
}

/// One way of making the summary fit: what it leaves out.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Trim {
    /// Panels left out besides the cards and answers.
    panels: Vec<Panel>,
    /// The most priorities listed.
    cap: Option<usize>,
    /// Whether the title block keeps only title, headline and subtitle,
    /// and the sources line goes.
    brief: bool,
}

/// The trims in the order they are tried: each gives up less of the
/// story than the next.
fn trims() -> Vec<Trim> {
    let t = |panels: &[Panel], cap, brief| Trim { panels: panels.to_vec(), cap, brief };
    let legend = [Panel::LEGEND];
    let both = [Panel::LEGEND, Panel::HEALTH];
    vec![
        t(&[], None, false),
        t(&legend, None, false),
        t(&legend, Some(4), false),
        t(&legend, Some(3), false),
        t(&legend, Some(3), true),
        t(&both, Some(3), true),
    ]
}

/// The summary's floor on `page` for `size`: 9 pt on the handout sizes (A4,
/// Letter, Legal; only the 6 pt minimum on other paper), and a fortieth of a 16:9
/// slide's width on a page in pixels.
pub(crate) fn floor(size: Size, page: Size2) -> TypeFloor {
    if size.in_pixels() {
        return TypeFloor::BodyPx(page.width.min(page.height * 16.0 / 9.0) / 80.0);
    }
    // The handout sizes; a larger page falling back to the summary keeps
    // the print minimum, and is larger anyway.
    if matches!(size, Size::Paper(Paper::A4 | Paper::Letter | Paper::Legal)) {
        TypeFloor::BodyPt(9.0)
    } else {
        TypeFloor::Smallest
    }
}

/// The scale at which `floor` holds for the theme's type.
pub(crate) fn floor_scale(floor: TypeFloor, builder: &Stacker<'_>, min_scale: f64) -> f64 {
    let body = builder.theme.type_scale.body;
    match floor {
        TypeFloor::Smallest => min_scale,
        TypeFloor::BodyPt(pt) => min_scale.max(Length::pt(pt).to_px() / body),
        TypeFloor::BodyPx(px) => min_scale.max(px / body),
    }
}

/// The theme the summary lays out with: a narrower label column, and on a
/// screen margins a third narrower, since a projected slide has no printer's edge to keep clear
/// and every line of height counts at 24 px.
pub(crate) fn theme_for(theme: &Theme, floor: TypeFloor) -> Theme {
    let mut theme = theme.clone();
    // The label column holds row names and the curve's scale, no answers.
    theme.space.label_width *= 0.8;
    if let TypeFloor::BodyPx(_) = floor {
        theme.space.margin *= 2.0 / 3.0;
    }
    theme
}

/// [`theme_for`] with less room between and inside the boxes: gutters
/// and cell padding a third narrower, which gives each of seven columns
/// on A4 portrait about a sixth more room for its name. For a page whose
/// columns are too narrow to keep every stage name whole at the floor.
/// The label column keeps its width: its row descriptions would break.
pub(crate) fn tight_theme(theme: &Theme, floor: TypeFloor) -> Theme {
    let mut theme = theme_for(theme, floor);
    theme.space.gutter *= 2.0 / 3.0;
    theme.space.cell_padding *= 2.0 / 3.0;
    theme
}

/// The journey the summary lays out: its own fixed set of panels,
/// whatever the map lists (SPEC §4.1).
pub(crate) fn story(journey: &Journey) -> Journey {
    Journey { poster: PosterSettings { panels: None, ..journey.poster.clone() }, ..journey.clone() }
}

/// Whether the map has a story for the summary to tell: a touchpoint
/// scored, marked or given an action. Without one the summary would be a
/// title over a band of stage names.
pub(crate) fn tells_a_story(journey: &Journey) -> bool {
    let touchpoints = journey.stages.iter().flat_map(|s| &s.touchpoints);
    touchpoints.into_iter().any(|t| t.score.is_some() || !t.marks.is_empty() || t.moment_of_truth || t.action.is_some())
}

/// What a page in the summary needs from its caller: the page, the
/// floor, and how to turn a fitted stack into the document.
pub(crate) struct Request<'r, 'a> {
    pub(crate) builder: &'r mut Stacker<'a>,
    pub(crate) page: Size2,
    pub(crate) floor: TypeFloor,
    pub(crate) min_scale: f64,
    pub(crate) fell_back: bool,
}

/// Lays out the summary on a fixed page, trimming until it fits; the
/// scale it would need when nothing does.
pub(crate) fn fit_page(
    request: Request<'_, '_>,
    make: impl Fn(&Stacker<'_>, Laid, f64, Vec<Panel>, Option<usize>) -> Document,
) -> Result<Document, Option<f64>> {
    let Request { builder, page, floor, min_scale, fell_back } = request;
    let scale = floor_scale(floor, builder, min_scale);
    let listed = builder.journey.poster.priorities.min(builder.priorities.len());
    let mut needed = None;
    for trim in trims() {
        apply(builder, &trim);
        // Type grows only as far as every stage name stays whole, unless
        // a name breaks even at the floor.
        builder.whole_names = true;
        let whole = fit(builder, page, scale);
        builder.whole_names = false;
        match whole.or_else(|_| fit(builder, page, scale)) {
            Ok((scale, laid)) => {
                let cap = trim.cap.filter(|c| *c < listed);
                let mut document = make(builder, laid, scale, trim.panels, cap);
                document.arrangement = Arrangement::Summary { fell_back, brief: trim.brief, floor };
                return Ok(document);
            }
            Err(n) => needed = n,
        }
    }
    Err(needed)
}

/// The summary on a page that grows to fit, at the theme's sizes.
pub(crate) fn grown(builder: &mut Stacker<'_>) -> Laid {
    apply(builder, &trims()[0]);
    builder.build(Grid::natural_width(builder.journey, builder.theme), None, 0.0, false)
}

fn apply(builder: &mut Stacker<'_>, trim: &Trim) {
    builder.left_out = [Panel::QUESTIONS, Panel::TOUCHPOINTS].into_iter().chain(trim.panels.iter().copied()).collect();
    builder.priorities_cap = trim.cap;
    builder.brief = trim.brief;
    builder.footer = !trim.brief;
    builder.least_column = 0.27;
    builder.names_to_body = true;
}

/// The refusal for a page too small, naming a size that fits.
pub(crate) fn too_small(
    builder: &Stacker<'_>,
    size: Size,
    orientation: Option<Orientation>,
    needed: Option<f64>,
    floor: TypeFloor,
    min_scale: f64,
) -> LayoutError {
    let t = &builder.theme.type_scale;
    let detail = match (needed, floor) {
        (Some(scale), TypeFloor::Smallest) => {
            format!("its smallest text would be {:.1} pt at print size", Length::px(t.smallest() * scale).to_pt())
        }
        (Some(scale), TypeFloor::BodyPt(_)) => {
            format!("its body text would be {:.1} pt at print size", Length::px(t.body * scale).to_pt())
        }
        (Some(scale), TypeFloor::BodyPx(_)) => format!("its body text would be {:.1} px", t.body * scale),
        (None, _) => "it does not fit even with the smallest text".to_owned(),
    };
    LayoutError::TooSmall {
        size: size.to_string(),
        detail,
        floor: floor.describe(),
        suggestion: suggestion(builder, size, orientation, min_scale),
    }
}

/// The smallest paper, in the orientation asked, on which `builder`'s
/// layout fits at the floor that paper keeps (the summary's own floor on
/// a handout, `min_scale` elsewhere). A page in pixels that the summary
/// cannot hold points to the deck, which gives each stage its own slide.
fn suggestion(builder: &Stacker<'_>, size: Size, orientation: Option<Orientation>, min_scale: f64) -> String {
    if size.in_pixels() {
        return "a deck (--deck) gives each stage a slide of its own, or try --size auto".to_owned();
    }
    let summary = builder.left_out.contains(&Panel::TOUCHPOINTS);
    let papers = [Paper::A6, Paper::A5, Paper::A4, Paper::A3, Paper::A2, Paper::A1, Paper::A0];
    for paper in papers {
        let candidate = Size::Paper(paper);
        let Some((w, h)) = candidate.page_px(orientation) else { continue };
        let scale = if summary {
            floor_scale(floor(candidate, Size2 { width: w, height: h }), builder, min_scale)
        } else {
            min_scale
        };
        let laid = builder.build(w / scale, Some(h / scale), 0.0, false);
        if candidate != size && laid.fits_width && laid.height <= h / scale + EPSILON {
            let turn = orientation.map_or(String::new(), |o| format!(" --orientation {}", o.as_str()));
            return format!("try --size {}{turn}, or --size auto", paper.as_str());
        }
    }
    "try --size auto, which grows the page to fit".to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn handouts_and_screens_get_the_summary() {
        for paper in [Paper::A4, Paper::A5, Paper::A6, Paper::Letter, Paper::Legal, Paper::Slide] {
            assert_eq!(PosterLayout::for_size(Size::Paper(paper)), PosterLayout::Summary, "{paper:?}");
        }
        for paper in [Paper::A0, Paper::A1, Paper::A2, Paper::A3, Paper::Tabloid] {
            assert_eq!(PosterLayout::for_size(Size::Paper(paper)), PosterLayout::Full, "{paper:?}");
        }
        let px = Size::Custom { width: 800.0, height: 450.0, unit: crate::model::Unit::Px };
        assert_eq!(PosterLayout::for_size(px), PosterLayout::Summary);
        let mm = Size::Custom { width: 800.0, height: 450.0, unit: crate::model::Unit::Mm };
        assert_eq!(PosterLayout::for_size(mm), PosterLayout::Full);
    }

    #[test]
    fn the_slide_floor_is_24_px_and_a4_9_pt() {
        let slide = Size2 { width: 1920.0, height: 1080.0 };
        assert_eq!(floor(Size::Paper(Paper::Slide), slide), TypeFloor::BodyPx(24.0));
        let (w, h) = Size::Paper(Paper::A4).page_px(None).unwrap();
        assert_eq!(floor(Size::Paper(Paper::A4), Size2 { width: w, height: h }), TypeFloor::BodyPt(9.0));
        let (w, h) = Size::Paper(Paper::A6).page_px(None).unwrap();
        assert_eq!(floor(Size::Paper(Paper::A6), Size2 { width: w, height: h }), TypeFloor::Smallest);
    }

    #[test]
    fn each_trim_gives_up_more_than_the_one_before() {
        let trims = trims();
        for pair in trims.windows(2) {
            let (a, b) = (&pair[0], &pair[1]);
            assert!(a.panels.iter().all(|p| b.panels.contains(p)), "{a:?} then {b:?}");
            assert!(b.cap.unwrap_or(usize::MAX) <= a.cap.unwrap_or(usize::MAX));
            assert!(b.brief || !a.brief);
            assert_ne!(a, b);
        }
        // The stage band and the curve are never given up.
        assert!(trims.iter().all(|t| !t.panels.contains(&Panel::CURVE)));
    }
}
