//! The canvas's page plan: the scale its type is set at, the stage
//! columns, and how many 76 mm sticky-note slots a column holds across.
//!
//! The slots are the one length the page does not choose: a slot is the
//! size of a real sticky note at print size, so a page too narrow for a
//! slot in every stage column is refused, never squeezed. Everything else
//! (type, margins, the label column) scales with the page, as the poster
//! does: its frame is the theme's natural sizes, scaled onto the paper.

use crate::layout::context::{Grid, Span1};
use crate::layout::geom::Size2;
use crate::model::{Orientation, Paper, Size};
use crate::theme::Theme;
use crate::units::Length;

/// A sticky note's side, in millimetres: the common 3 in (76 mm) square.
pub const SLOT_MM: f64 = 76.0;

/// The canvas's type is set so that body text prints at the page's short
/// side divided by this, in points: about 19 pt on A0, 13.5 pt on A1 and
/// 9.5 pt on A2, which reads from a step back at each size and leaves the
/// fixed-size slots most of the height.
const SHORT_SIDE_PER_BODY_PT: f64 = 44.0;

/// The page and its grid for one canvas.
#[derive(Debug, Clone, Copy)]
pub(super) struct Plan {
    /// Page px per frame px.
    pub(super) scale: f64,
    /// The frame's size: the page at the theme's natural sizes.
    pub(super) view: Size2,
    /// A slot's side in frame px (76 mm at print size).
    pub(super) slot: f64,
    /// The gap between two slots, in frame px.
    pub(super) gap: f64,
    /// How many slots stand side by side in a stage column.
    pub(super) across: usize,
    /// The left label column's width.
    pub(super) label: f64,
    /// A stage column's width.
    pub(super) column: f64,
    /// The number of stage columns.
    pub(super) stages: usize,
}

impl Plan {
    /// The plan for `stages` columns on a page of `page` px.
    pub(super) fn new(theme: &Theme, stages: usize, page: Size2) -> Plan {
        let s = &theme.space;
        let short_mm = Length::px(page.width.min(page.height)).to_mm();
        let body = Length::pt(short_mm / SHORT_SIDE_PER_BODY_PT).to_px();
        let floor = crate::layout::MIN_TEXT_PX / theme.type_scale.smallest();
        let scale = (body / theme.type_scale.body).max(floor);
        let view = Size2 { width: page.width / scale, height: page.height / scale };
        let slot = Length::mm(SLOT_MM).to_px() / scale;
        let gap = s.unit;
        let n = stages.max(1);
        let content = view.width - 2.0 * s.margin;
        let column = (content - s.label_width - n as f64 * s.gutter) / n as f64;
        let room = column - 2.0 * s.cell_padding + gap;
        let across = if room >= slot + gap { ((room / (slot + gap)) + 1e-9) as usize } else { 0 };
        Plan { scale, view, slot, gap, across, label: s.label_width, column, stages: n }
    }

    /// The column grid, in content coordinates (`x = 0` at the margin).
    pub(super) fn grid(&self, theme: &Theme) -> Grid {
        let s = &theme.space;
        let columns = (0..self.stages)
            .map(|i| Span1 { x: self.label + s.gutter + i as f64 * (self.column + s.gutter), width: self.column })
            .collect();
        Grid {
            fits: self.across > 0,
            content: self.view.width - 2.0 * s.margin,
            label: Span1 { x: 0.0, width: self.label },
            columns,
        }
    }

    /// The narrowest page, in millimetres at this plan's scale, whose
    /// stage columns each hold one slot.
    pub(super) fn width_needed_mm(&self, theme: &Theme) -> f64 {
        let s = &theme.space;
        let column = self.slot + 2.0 * s.cell_padding;
        let frame = 2.0 * s.margin + self.label + self.stages as f64 * (column + s.gutter);
        Length::px(frame * self.scale).to_mm()
    }

    /// The height of `rows` rows of slots with their padding, in frame px.
    pub(super) fn slots_height(&self, theme: &Theme, rows: usize) -> f64 {
        if rows == 0 {
            return 0.0;
        }
        rows as f64 * self.slot + (rows - 1) as f64 * self.gap + 2.0 * theme.space.cell_padding
    }
}

/// A page the canvas may be tried on: its size, orientation and px.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Candidate {
    pub(super) size: Size,
    pub(super) orientation: Orientation,
    pub(super) page: Size2,
}

impl Candidate {
    /// `size` in `orientation` (landscape when `None`), if it has a size.
    pub(super) fn of(size: Size, orientation: Option<Orientation>) -> Option<Candidate> {
        let (width, height) = size.page_px(orientation)?;
        let orientation =
            orientation.unwrap_or(if width >= height { Orientation::Landscape } else { Orientation::Portrait });
        Some(Candidate { size, orientation, page: Size2 { width, height } })
    }

    /// The page in words: "A1 landscape", or "1700×841 mm".
    pub(super) fn describe(&self) -> String {
        match self.size {
            Size::Paper(p) => format!("{} {}", p.as_str(), self.orientation.as_str()),
            _ => {
                let (w, h) = (Length::px(self.page.width).to_mm(), Length::px(self.page.height).to_mm());
                format!("{w:.0}×{h:.0} mm")
            }
        }
    }

    /// The options that ask for this page on the command line.
    pub(super) fn options(&self) -> String {
        match self.size {
            Size::Paper(p) => format!("--size {} --orientation {}", p.as_str(), self.orientation.as_str()),
            other => format!("--size {other}"),
        }
    }
}

/// The standard papers a canvas is tried on, smallest first, each in
/// `first` orientation before the other.
pub(super) fn papers(first: Orientation) -> Vec<Candidate> {
    let other = match first {
        Orientation::Landscape => Orientation::Portrait,
        Orientation::Portrait => Orientation::Landscape,
    };
    [Paper::A3, Paper::A2, Paper::A1, Paper::A0]
        .into_iter()
        .flat_map(|p| [first, other].map(|o| Candidate::of(Size::Paper(p), Some(o))))
        .flatten()
        .collect()
}

/// A page of A0's height (841 mm) wide enough for a canvas that needs
/// `width_mm`, rounded up to the next 10 mm: what a roll of paper or
/// tiles give when no standard sheet is wide enough.
pub(super) fn wide_page(width_mm: f64) -> Candidate {
    let width = ((width_mm / 10.0).ceil() * 10.0).max(841.0);
    let size = Size::Custom { width, height: 841.0, unit: crate::model::Unit::Mm };
    let page = Size2 { width: Length::mm(width).to_px(), height: Length::mm(841.0).to_px() };
    Candidate { size, orientation: Orientation::Landscape, page }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(paper: Paper, o: Orientation) -> Size2 {
        let (width, height) = Size::Paper(paper).page_px(Some(o)).unwrap();
        Size2 { width, height }
    }

    #[test]
    fn a_slot_is_76_mm_on_every_page() {
        let theme = Theme::classic();
        for paper in [Paper::A0, Paper::A1, Paper::A2, Paper::A3] {
            let plan = Plan::new(&theme, 5, page(paper, Orientation::Landscape));
            let mm = Length::px(plan.slot * plan.scale).to_mm();
            assert!((mm - SLOT_MM).abs() < 1e-9, "{paper:?}: {mm}");
        }
    }

    #[test]
    fn seven_stages_do_not_fit_across_a2_portrait_but_do_across_a1_landscape() {
        let theme = Theme::classic();
        let narrow = Plan::new(&theme, 7, page(Paper::A2, Orientation::Portrait));
        assert_eq!(narrow.across, 0);
        assert!(narrow.width_needed_mm(&theme) > 420.0);
        let wide = Plan::new(&theme, 7, page(Paper::A1, Orientation::Landscape));
        assert!(wide.across >= 1);
        assert!(wide.width_needed_mm(&theme) <= 841.0);
    }

    #[test]
    fn a_wide_page_is_a0_high_and_never_narrower_than_a0() {
        let p = wide_page(1234.5);
        assert_eq!(p.describe(), "1240×841 mm");
        assert_eq!(wide_page(100.0).describe(), "841×841 mm");
    }
}
