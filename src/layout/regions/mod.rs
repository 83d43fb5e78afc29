//! One module per poster region. Each is a function from the shared
//! [`Context`] to a [`Region`]: a frame in its own coordinates (`x = 0` at
//! the content's left edge, `y = 0` at the region's top) and the anchors
//! other regions and tools need. The stacker places regions; no region
//! knows where it ends up.
//!
//! A panel (a region a map can switch on or off in `[poster] panels`)
//! declares itself in its own file as a [`PanelRegion`]: its keyword, what
//! it says in the schema, how it lays out, whether it has data, its share
//! of spare height and whether it stands in the sidebar. Adding a panel is one file here, its line in
//! [`PANELS`] (the default order), and its theme colours and labels.

pub(crate) mod cards;
pub(crate) mod changes;
pub(crate) mod curve;
mod folded;
pub(crate) mod footer;
pub(crate) mod headline;
pub(crate) mod health;
pub(crate) mod legend;
pub(crate) mod priorities;
pub(crate) mod questions;
pub(crate) mod spine;
pub(crate) mod title;

use super::context::{Context, Font};
use super::document::Anchor;
use super::frame::{BoxStyle, Frame, Geometry, Group, Item, Shape, Stroke, Tag};
use super::geom::{Point, Rect};
use super::symbols;
use crate::model::{Journey, Mark, Panel};
use crate::text::Style;
use crate::theme::Role;

/// A panel region, declared in its own file: everything the parser, the
/// schema, the stacker and the page fitting need to know about it.
pub struct PanelRegion {
    /// Its keyword in `[poster] panels`.
    pub panel: Panel,
    /// What it shows, for the map's schema (editors show it).
    pub description: &'static str,
    /// What a message calls it ("the question rows").
    pub called: &'static str,
    /// Lays it out.
    pub(crate) layout: fn(&Context<'_>) -> Region,
    /// Whether it has anything to show.
    pub(crate) has_data: fn(&Context<'_>) -> bool,
    /// How many shares of a fixed page's spare height it takes.
    pub(crate) shares: fn(&Journey) -> usize,
    /// Whether it stands in the sidebar beside the grid, when there is one.
    pub(crate) side: bool,
}

impl std::fmt::Debug for PanelRegion {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PanelRegion").field("panel", &self.panel).finish_non_exhaustive()
    }
}

/// Every panel, in the default order.
pub const PANELS: [&PanelRegion; 6] =
    [&questions::PANEL, &cards::PANEL, &curve::PANEL, &health::PANEL, &priorities::PANEL, &legend::PANEL];

/// The panel named `keyword`, if there is one.
pub fn panel(keyword: &str) -> Option<&'static PanelRegion> {
    PANELS.into_iter().find(|p| p.panel.as_str() == keyword)
}

/// No share of spare height.
pub(crate) fn no_shares(_: &Journey) -> usize {
    0
}

/// A laid-out region.
pub(crate) struct Region {
    /// Its id and class names.
    pub(crate) tag: Tag,
    /// What it draws, in its own coordinates.
    pub(crate) frame: Frame,
    /// Places other regions refer to, in the region's coordinates.
    pub(crate) anchors: Vec<Anchor>,
    /// Whether it is a band of the column grid (spine, rows, cards):
    /// such bands sit a gutter apart, other regions a section apart.
    pub(crate) on_grid: bool,
}

impl Region {
    /// A region named `name` (its id and class) holding `items` within
    /// the content's width and `height`.
    pub(crate) fn new(cx: &Context<'_>, name: &str, height: f64, items: Vec<Item>) -> Region {
        let mut frame = Frame::new(super::geom::Size2 { width: cx.grid.content, height: height.max(0.0) });
        frame.items = items;
        Region { tag: Tag::new(name, format!("region {name}")), frame, anchors: Vec::new(), on_grid: false }
    }
}

/// A box with a dashed border: a slot the workshop still has to fill.
pub(crate) fn dashed(cx: &Context<'_>) -> BoxStyle {
    let s = &cx.theme.space;
    BoxStyle {
        fill: None,
        stroke: Some(Stroke { role: Role::Rule, width: s.hairline, dash: Some(s.unit / 2.0), round: false }),
        radius: s.radius,
    }
}

/// A mark's badge in `rect`. The would-pay coin carries the map's
/// currency sign when it names one (and the sign fits the coin), otherwise
/// it is the neutral coin.
pub(crate) fn mark_badge(cx: &Context<'_>, mark: Mark, rect: Rect) -> Item {
    let sign = cx.journey.currency.as_deref().and_then(crate::labels::currency_sign);
    let (Mark::WouldPay, Some(sign)) = (mark, sign) else { return symbols::badge(mark, rect) };
    let font = Font { style: Style::Bold, size: cx.theme.type_scale.caption, leading: 1.0 };
    let width = cx.width(&sign, font);
    let (ascent, descent) = cx.shaper.extents(font.style, font.size);
    // The sign is set at the caption size (never under the print floor);
    // a coin too small to hold it shows the plain coin instead.
    if width > rect.width * 0.9 || ascent + descent > rect.height * 1.2 {
        return symbols::badge(mark, rect);
    }
    let line_box = cx.line_box(font);
    let at = Point::new(rect.center().x - width / 2.0, rect.center().y - line_box / 2.0);
    let (line, _) = cx.line_at(&sign, font, Role::Surface, at);
    let disc = Shape::filled(
        Geometry::Circle { center: rect.center(), radius: rect.width.min(rect.height) / 2.0 },
        Role::WouldPay,
    );
    Item::Group(Group::new(Some(Tag::class("badge would-pay")), vec![Item::Shape(disc), Item::Text(line)]))
}

/// A box group as an item.
pub(crate) fn boxed(tag: Tag, rect: Rect, style: BoxStyle, items: Vec<Item>) -> Item {
    Item::Group(Group::boxed(tag, rect, style, items))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::{Frame, Item};
    use crate::model::Panel;
    use crate::text::{Fonts, Shaper};
    use crate::theme::Theme;

    /// A panel no one asked for, declared the way every panel is: this is
    /// all a new region needs besides its theme colours and labels.
    const TOY: PanelRegion = PanelRegion {
        panel: Panel::new("toy"),
        description: "A toy panel.",
        called: "the toy",
        layout: |cx| {
            let (line, height) = cx.line_at("Toy", cx.caption(Style::Bold), Role::Ink, Point::new(0.0, 0.0));
            Region::new(cx, "toy", height, vec![Item::Text(line)])
        },
        has_data: |_| true,
        shares: no_shares,
        side: false,
    };

    /// The ids of the page's top-level region groups, in order.
    fn regions(frame: &Frame) -> Vec<String> {
        frame
            .items
            .iter()
            .filter_map(|item| match item {
                Item::Group(g) => g.tag.as_ref().and_then(|t| t.id.clone()),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn a_panel_declared_in_one_place_is_laid_out_where_the_map_lists_it() {
        let source = include_str!("../../../samples/airline.toml");
        let parsed = crate::parse::parse_str("airline.toml", source, &crate::parse::Options::default());
        let mut journey = parsed.journey.expect("the sample parses");
        journey.poster.panels = Some(vec![Panel::CURVE, Panel::new("toy"), Panel::HEALTH]);
        let (theme, fonts) = (Theme::classic(), Fonts::embedded());
        let shaper = Shaper::new(&fonts);
        let mut stacker = crate::layout::stacker(&journey, &theme, &shaper, None);
        let with_toy: Vec<&PanelRegion> = PANELS.into_iter().chain([&TOY]).collect();
        stacker.regions = &with_toy;
        let laid = stacker.build(2000.0, None, 0.0, false);
        let ids = regions(&laid.frame);
        let at = |id: &str| ids.iter().position(|i| i == id);
        assert!(at("curve") < at("toy") && at("toy") < at("health"), "in the map's order: {ids:?}");
        // Without its declaration the stacker draws no such panel.
        stacker.regions = &PANELS;
        assert!(!regions(&stacker.build(2000.0, None, 0.0, false).frame).contains(&"toy".to_owned()));
    }
}
