//! Laying out every region at one view width and stacking them: title,
//! spine, the panels in the order `[poster] panels` lists them, footer.

use super::context::{Context, Grid};
use super::document::Anchor;
use super::frame::{BoxStyle, Frame, Group, Item, Transform};
use super::geom::{Rect, Size2};
use super::regions::{self, Region};
use crate::model::{Journey, Panel};
use crate::text::Shaper;
use crate::theme::Theme;

/// A poster laid out at one view width, before it is put on a page.
pub(crate) struct Laid {
    /// Every region, placed.
    pub(crate) frame: Frame,
    /// The regions' anchors, in the frame's coordinates.
    pub(crate) anchors: Vec<Anchor>,
    /// The height the content needs, margins included.
    pub(crate) height: f64,
    /// Whether the content fits the view's width (see `Grid::fits`).
    pub(crate) fits_width: bool,
}

/// What the stacker needs besides the view size; fixed for all the
/// fitting passes of one layout.
pub(crate) struct Stacker<'a> {
    pub(crate) journey: &'a Journey,
    pub(crate) theme: &'a Theme,
    pub(crate) shaper: &'a Shaper<'a>,
    pub(crate) panels: Vec<Panel>,
}

impl Stacker<'_> {
    /// Lays out every region for a view `width` px wide and stacks them.
    /// With `page_height`, the footer sits at the page's foot.
    pub(crate) fn build(&self, width: f64, page_height: Option<f64>) -> Laid {
        let cx = Context {
            journey: self.journey,
            theme: self.theme,
            shaper: self.shaper,
            grid: Grid::new(self.journey, self.theme, width),
        };
        let mut body = vec![regions::title::layout(&cx), regions::spine::layout(&cx)];
        for panel in &self.panels {
            let region = match panel {
                Panel::Questions => regions::questions::layout(&cx),
                Panel::Touchpoints => regions::cards::layout(&cx),
                Panel::Legend => regions::legend::layout(&cx),
                // Not drawn yet; `check` warns about them.
                Panel::Curve | Panel::Health | Panel::Priorities => continue,
            };
            body.push(region);
        }
        let footer = regions::footer::layout(&cx);

        let s = &self.theme.space;
        let section = s.unit * 4.0;
        let mut placed = Vec::with_capacity(body.len() + 1);
        let mut y = s.margin;
        let mut previous_on_grid = None;
        for region in body {
            if let Some(on_grid) = previous_on_grid {
                y += if on_grid && region.on_grid { s.gutter } else { section };
            }
            previous_on_grid = Some(region.on_grid);
            let height = region.frame.size.height;
            placed.push((y, region));
            y += height;
        }
        y += section;
        let natural = y + footer.frame.size.height + s.margin;
        let footer_y = match page_height {
            Some(page) if page > natural => y + page - natural,
            _ => y,
        };
        placed.push((footer_y, footer));

        let mut frame = Frame::new(Size2 { width, height: natural.max(page_height.unwrap_or(0.0)) });
        let mut anchors = Vec::new();
        for (y, region) in placed {
            let at = Transform::translate(s.margin, y);
            anchors.extend(region.anchors.iter().map(|a| Anchor { rect: at.apply_rect(a.rect), ..a.clone() }));
            frame.push(place(region, at));
        }
        Laid { frame, anchors, height: natural, fits_width: cx.grid.fits }
    }
}

/// A region as a box at `at`: its first child the rect that bounds it.
fn place(region: Region, at: Transform) -> Item {
    let Region { tag, frame, .. } = region;
    let bounds = Rect::new(0.0, 0.0, frame.size.width, frame.size.height);
    let mut group = Group::boxed(tag, bounds, BoxStyle::default(), frame.items);
    group.transform = at;
    Item::Group(group)
}
