//! Laying out every region at one view width and stacking them: title,
//! spine, the panels in the order `[poster] panels` lists them, footer.

use super::context::{Context, Grid};
use super::document::Anchor;
use super::frame::{BoxStyle, Frame, Group, Item, Transform};
use super::geom::{Rect, Size2};
use super::regions::{self, Region};
use crate::model::{Journey, Panel, Question};
use crate::priorities::Priority;
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
    /// Every touchpoint in SPEC §3 order.
    pub(crate) priorities: Vec<Priority<'a>>,
    /// The owner to highlight, if any.
    pub(crate) highlight: Option<&'a str>,
}

impl Stacker<'_> {
    /// The context for a view `width` px wide.
    fn context(&self, width: f64, stretch: f64) -> Context<'_> {
        let mut cx = Context {
            journey: self.journey,
            theme: self.theme,
            shaper: self.shaper,
            priorities: &self.priorities,
            ranked: 0,
            highlight: self.highlight,
            stretch,
            grid: Grid::new(self.journey, self.theme, width),
        };
        if self.panels(&cx).contains(&Panel::Priorities) {
            cx.ranked = self.journey.poster.priorities.min(self.priorities.len());
        }
        cx
    }

    /// The panels to show, in order: the map's list, or every panel, in
    /// either case only those with something to show.
    fn panels(&self, cx: &Context<'_>) -> Vec<Panel> {
        let listed = self.journey.poster.panels.clone().unwrap_or_else(|| Panel::ALL.to_vec());
        listed.into_iter().filter(|p| has_data(cx, *p)).collect()
    }

    /// How many rows share spare height on a fixed page.
    pub(crate) fn stretchable(&self) -> usize {
        let cx = self.context(Grid::natural_width(self.journey, self.theme), 0.0);
        self.panels(&cx)
            .iter()
            .map(|p| match p {
                Panel::Questions => Question::ALL.len() + self.journey.lanes.len(),
                // The curve reads better taller: it takes two shares.
                Panel::Curve => 2,
                Panel::Touchpoints | Panel::Health | Panel::Priorities | Panel::Legend => 0,
            })
            .sum()
    }

    /// Lays out every region for a view `width` px wide and stacks them.
    /// With `page_height`, the footer sits at the page's foot; each
    /// stretchable row grows by `stretch` px.
    pub(crate) fn build(&self, width: f64, page_height: Option<f64>, stretch: f64) -> Laid {
        let cx = self.context(width, stretch);
        let mut body = vec![regions::title::layout(&cx), regions::spine::layout(&cx)];
        for panel in self.panels(&cx) {
            body.push(match panel {
                Panel::Questions => regions::questions::layout(&cx),
                Panel::Touchpoints => regions::cards::layout(&cx),
                Panel::Curve => regions::curve::layout(&cx),
                Panel::Health => regions::health::layout(&cx),
                Panel::Priorities => regions::priorities::layout(&cx),
                Panel::Legend => regions::legend::layout(&cx),
            });
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

        // A page grown to fit is as wide as its content; on a fixed page
        // content narrower than the page is centred.
        let (width, left) = match page_height {
            None => (cx.grid.content + 2.0 * s.margin, s.margin),
            Some(_) => (width, s.margin + (width - 2.0 * s.margin - cx.grid.content).max(0.0) / 2.0),
        };
        let mut frame = Frame::new(Size2 { width, height: natural.max(page_height.unwrap_or(0.0)) });
        let mut anchors = Vec::new();
        for (y, region) in placed {
            let at = Transform::translate(left, y);
            anchors.extend(region.anchors.iter().map(|a| Anchor { rect: at.apply_rect(a.rect), ..a.clone() }));
            frame.push(place(region, at));
        }
        Laid { frame, anchors, height: natural, fits_width: cx.grid.fits }
    }
}

/// Whether a panel has anything to show.
fn has_data(cx: &Context<'_>, panel: Panel) -> bool {
    let j = cx.journey;
    match panel {
        Panel::Questions => {
            !j.lanes.is_empty()
                || j.stages.iter().any(|s| {
                    Question::ALL.into_iter().any(|q| s.is_answered(q)) || s.effort.is_some() || s.effort_note.is_some()
                })
        }
        Panel::Touchpoints => j.touchpoints().next().is_some(),
        Panel::Curve => regions::curve::has_data(cx),
        Panel::Health => regions::health::has_data(cx),
        Panel::Priorities => regions::priorities::has_data(cx),
        Panel::Legend => regions::legend::has_data(cx),
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
