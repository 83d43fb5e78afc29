//! The finished layout: every box, line of text and mark at a fixed
//! position. Painters only walk this; they measure nothing and choose no
//! sizes. Colours are named by role ([`Paint`]); a theme turns roles into
//! colours when painting.

use super::geom::{Point, Rect, Size2};
use crate::model::Mark;
use crate::parse::Diagnostic;
use crate::priorities::Class;
use crate::text::{FaceId, Run, Style};

/// A laid-out poster.
#[derive(Debug, Clone, PartialEq)]
pub struct Poster {
    /// The page size in CSS px: what the SVG's `width`/`height` say and
    /// what PNG and PDF sizes derive from.
    pub page: Size2,
    /// The layout's own coordinate space (the SVG `viewBox`), in px at the
    /// theme's natural type sizes. `page = view × scale`.
    pub view: Size2,
    /// Page px per view px: 1 for `auto`, the fit factor for fixed sizes.
    pub scale: f64,
    /// The poster's title, for the SVG `<title>` and PDF metadata.
    pub title: String,
    /// A one-paragraph description of the poster for the SVG `<desc>`.
    pub description: String,
    /// The stage names in spine order, for the blocks that refer to a
    /// stage by index.
    pub stages: Vec<String>,
    /// The regions, top to bottom.
    pub regions: Vec<Region>,
    /// Problems found while laying out, such as characters no font can draw.
    pub warnings: Vec<Diagnostic>,
}

impl Poster {
    /// The page's width and height in millimetres.
    pub fn page_mm(&self) -> (f64, f64) {
        let mm = |px: f64| px / 96.0 * 25.4;
        (mm(self.page.width), mm(self.page.height))
    }

    /// The printed size, in points, of text set at `px` view px.
    pub fn print_pt(&self, px: f64) -> f64 {
        px * self.scale * 0.75
    }

    /// The faces the poster's text is drawn with, in face order.
    pub fn faces(&self) -> Vec<FaceId> {
        let mut faces: Vec<FaceId> = self
            .regions
            .iter()
            .flat_map(|r| r.blocks.iter().flat_map(|b| &b.items).chain(&r.decorations))
            .filter_map(|i| match i {
                Item::Text(t) => Some(t.runs.iter().map(|r| r.face)),
                _ => None,
            })
            .flatten()
            .collect();
        faces.sort_unstable();
        faces.dedup();
        faces
    }

    /// Every block of every region.
    pub fn blocks(&self) -> impl Iterator<Item = &Block> {
        self.regions.iter().flat_map(|r| &r.blocks)
    }
}

/// What part of the poster a region is (SPEC §4).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RegionKind {
    /// Title, subtitle and the map's details; the DRAFT mark.
    TitleBlock,
    /// The numbered stage headers.
    Spine,
    /// One row per question lane and custom lane.
    Questions,
    /// The touchpoint cards, a stack per stage.
    Touchpoints,
    /// What the badges and meters mean.
    Legend,
    /// Sources and credits.
    Footer,
}

impl RegionKind {
    /// The class name used in SVG.
    pub fn as_str(self) -> &'static str {
        match self {
            RegionKind::TitleBlock => "title-block",
            RegionKind::Spine => "spine",
            RegionKind::Questions => "questions",
            RegionKind::Touchpoints => "touchpoints",
            RegionKind::Legend => "legend",
            RegionKind::Footer => "footer",
        }
    }
}

/// A band of the poster holding blocks that must not overlap each other.
#[derive(Debug, Clone, PartialEq)]
pub struct Region {
    /// What the region is.
    pub kind: RegionKind,
    /// Its extent; every block lies inside.
    pub rect: Rect,
    /// The boxes of the region.
    pub blocks: Vec<Block>,
    /// Marks that belong to the region rather than a box, such as the
    /// arrows between stage headers. They lie inside `rect` and overlap no
    /// block.
    pub decorations: Vec<Item>,
}

/// What a block stands for, with the data the SVG exposes.
#[derive(Debug, Clone, PartialEq)]
pub enum BlockKind {
    /// The title block's content.
    Title,
    /// The DRAFT or validated status chip.
    Status {
        /// Whether the map is still a draft.
        draft: bool,
    },
    /// A stage header on the spine.
    Stage {
        /// The stage's index.
        stage: usize,
    },
    /// A row label in the left column.
    RowLabel {
        /// A stable key for the row: a question key, a lane key, or
        /// `touchpoints`.
        row: String,
    },
    /// A question cell: one stage's answer for one row.
    Cell {
        /// The stage's index.
        stage: usize,
        /// The row's key.
        row: String,
    },
    /// A touchpoint card.
    Card {
        /// The stage's index.
        stage: usize,
        /// The touchpoint's position in its stage.
        index: usize,
        /// Its priority class.
        class: Class,
        /// Whether it is a moment of truth.
        moment_of_truth: bool,
        /// Its note, shown on hover.
        note: Option<String>,
    },
    /// One entry of the legend.
    LegendItem,
    /// The footer's text.
    Footer,
}

/// A box: a background shape, then items drawn on it, all inside `rect`.
#[derive(Debug, Clone, PartialEq)]
pub struct Block {
    /// A unique id, stable for the same map (used as the SVG `id`).
    pub id: String,
    /// What the block is.
    pub kind: BlockKind,
    /// Its bounds; every item lies inside.
    pub rect: Rect,
    /// Its background, if drawn.
    pub fill: Option<Paint>,
    /// Its border, if drawn.
    pub stroke: Option<Stroke>,
    /// Corner radius, in px.
    pub radius: f64,
    /// What is drawn on it, in painting order.
    pub items: Vec<Item>,
}

impl Block {
    /// Every text line of the block.
    pub fn lines(&self) -> impl Iterator<Item = &TextLine> {
        self.items.iter().filter_map(|i| match i {
            Item::Text(t) => Some(t),
            _ => None,
        })
    }
}

/// A border.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Stroke {
    /// Its colour role.
    pub paint: Paint,
    /// Its width, in px; drawn inside the block's rect.
    pub width: f64,
    /// Dash length in px for a dashed border (the gaps are as long), or
    /// `None` for a solid one. Dashed marks a slot still to fill.
    pub dash: Option<f64>,
}

impl Stroke {
    /// A solid border.
    pub fn solid(paint: Paint, width: f64) -> Stroke {
        Stroke { paint, width, dash: None }
    }
}

/// How a meter draws its pips.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PipShape {
    /// Round dots: the customer's feeling (high is good).
    Dot,
    /// Rounded squares: effort (high is hard), so the two 1–5 meters never
    /// look alike.
    Block,
}

/// Colour roles (see [`crate::theme::Colors`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[allow(missing_docs)] // Each is the theme colour of the same name.
pub enum Paint {
    Background,
    Surface,
    Ink,
    Muted,
    Rule,
    LabelBand,
    Spine,
    SpineInk,
    Accent,
    Mark(Mark),
    MomentOfTruth,
    MeterOff,
}

/// Something drawn inside a block or region.
#[derive(Debug, Clone, PartialEq)]
pub enum Item {
    /// A line of text.
    Text(TextLine),
    /// A mark's badge: a shape that differs per mark, in the mark's colour.
    Badge {
        /// Which mark.
        mark: Mark,
        /// The square the badge fills.
        rect: Rect,
    },
    /// The moment-of-truth star.
    Star {
        /// The square the star fills.
        rect: Rect,
    },
    /// A row of pips, the first `level` filled, the rest drawn as outlines:
    /// effort and score.
    Pips {
        /// The square of each pip, left to right.
        pips: Vec<Rect>,
        /// Dots or blocks.
        shape: PipShape,
        /// How many are filled.
        level: u8,
        /// The filled pips' colour.
        paint: Paint,
    },
    /// A straight line.
    Rule {
        /// Start.
        from: Point,
        /// End.
        to: Point,
        /// Colour role.
        paint: Paint,
        /// Width in px.
        width: f64,
    },
    /// A right-pointing chevron filling `rect` (between stage headers).
    Chevron {
        /// Its bounds.
        rect: Rect,
        /// Colour role.
        paint: Paint,
    },
}

impl Item {
    /// The rectangle the item covers.
    pub fn bounds(&self) -> Rect {
        match self {
            Item::Text(t) => t.bounds(),
            Item::Badge { rect, .. } | Item::Star { rect } | Item::Chevron { rect, .. } => *rect,
            Item::Pips { pips, .. } => {
                pips.iter().skip(1).fold(pips.first().copied().unwrap_or_default(), |a, p| a.union(p))
            }
            Item::Rule { from, to, width, .. } => {
                let (x0, x1) = (from.x.min(to.x), from.x.max(to.x));
                let (y0, y1) = (from.y.min(to.y), from.y.max(to.y));
                let half = width / 2.0;
                if (y1 - y0) < (x1 - x0) {
                    Rect::new(x0, y0 - half, x1 - x0, y1 - y0 + *width)
                } else {
                    Rect::new(x0 - half, y0, x1 - x0 + *width, y1 - y0)
                }
            }
        }
    }
}

/// One line of text at a fixed position.
#[derive(Debug, Clone, PartialEq)]
pub struct TextLine {
    /// Left edge of the first glyph's advance.
    pub x: f64,
    /// The baseline.
    pub baseline: f64,
    /// Font size in px.
    pub size: f64,
    /// The requested style (runs may fall back to other faces).
    pub style: Style,
    /// Colour role.
    pub paint: Paint,
    /// Runs by face, left to right, with their measured widths.
    pub runs: Vec<Run>,
    /// Total advance width.
    pub width: f64,
    /// Height above the baseline the line may use (the face's ascender).
    pub ascent: f64,
    /// Depth below the baseline (the face's descender, positive).
    pub descent: f64,
}

impl TextLine {
    /// The line's box: its advance width by ascender + descender.
    pub fn bounds(&self) -> Rect {
        Rect::new(self.x, self.baseline - self.ascent, self.width, self.ascent + self.descent)
    }

    /// The line's text.
    pub fn text(&self) -> String {
        self.runs.iter().map(|r| r.text.as_str()).collect()
    }
}
