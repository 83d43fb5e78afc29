//! One module per poster region. Each is a function from the shared
//! [`Context`] to a [`Region`]: a frame in its own coordinates (`x = 0` at
//! the content's left edge, `y = 0` at the region's top) and the anchors
//! other regions and tools need. The stacker places regions; no region
//! knows where it ends up.
//!
//! Adding a region is one file here, one line in [`super::stack`], and its
//! theme entries.

pub(crate) mod cards;
pub(crate) mod curve;
pub(crate) mod footer;
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
use crate::model::Mark;
use crate::text::Style;
use crate::theme::Role;

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
