//! The poster's symbols drawn as primitives: mark badges, the
//! moment-of-truth star, meter pips and the chevrons between stages.
//!
//! Badges differ in outline and glyph, not only colour, so the poster reads
//! in greyscale print and for colour-blind readers: a diamond for
//! essential, a disc with a check for strength, a warning triangle for
//! pain, a coin for would-pay. Curves use written-out
//! constants, never `sin`/`cos`, whose last bits differ between platforms.

use super::frame::{Geometry, Group, Item, Shape, Stroke, Tag};
use super::geom::{Point, Rect};
use crate::model::Mark;
use crate::theme::{Role, Theme};

/// A mark's badge filling the square `rect`, as a group classed
/// `badge <mark>`.
pub(crate) fn badge(mark: Mark, rect: Rect) -> Item {
    let c = rect.center();
    let s = rect.width.min(rect.height);
    let at = |fx: f64, fy: f64| Point::new(rect.x + fx * s, rect.y + fy * s);
    let fill = |geometry| Item::Shape(Shape::filled(geometry, Role::of_mark(mark)));
    let glyph = |geometry, width: f64| {
        Item::Shape(Shape::stroked(geometry, Stroke { role: Role::Surface, width, dash: None, round: true }))
    };
    let dot = |center, radius| Item::Shape(Shape::filled(Geometry::Circle { center, radius }, Role::Surface));
    let glyph_w = s * 0.12;
    let items = match mark {
        Mark::Essential => {
            vec![fill(Geometry::Polygon(vec![at(0.5, 0.0), at(1.0, 0.5), at(0.5, 1.0), at(0.0, 0.5)])), dot(c, s * 0.1)]
        }
        Mark::Strength => vec![
            fill(Geometry::Circle { center: c, radius: s / 2.0 }),
            glyph(Geometry::Polyline(vec![at(0.28, 0.52), at(0.44, 0.68), at(0.73, 0.36)]), glyph_w),
        ],
        Mark::Pain => vec![
            fill(Geometry::Polygon(vec![at(0.5, 0.02), at(1.0, 0.94), at(0.0, 0.94)])),
            glyph(Geometry::Line { from: at(0.5, 0.38), to: at(0.5, 0.64) }, glyph_w),
            dot(at(0.5, 0.79), s * 0.065),
        ],
        // A neutral coin: a disc with a milled ring. A map that names its
        // currency gets the sign instead (see `regions::mark_badge`).
        Mark::WouldPay => vec![
            fill(Geometry::Circle { center: c, radius: s / 2.0 }),
            glyph(Geometry::Circle { center: c, radius: s * 0.27 }, glyph_w),
        ],
    };
    Item::Group(Group::new(Some(Tag::class(format!("badge {}", mark.as_str()))), items))
}

/// A mark's badge as an empty outline filling the square `rect`, for a
/// team to tick by hand: the badge's own shape (diamond, disc, triangle,
/// coin) stroked `width` in the mark's colour, inside the square. A group
/// classed `outline <mark>`.
pub(crate) fn outline(mark: Mark, rect: Rect, width: f64) -> Item {
    let inset = width / 2.0;
    let r = Rect::new(rect.x + inset, rect.y + inset, rect.width - width, rect.height - width);
    let s = r.width.min(r.height);
    let at = |fx: f64, fy: f64| Point::new(r.x + fx * s, r.y + fy * s);
    let stroke = Stroke { role: Role::of_mark(mark), width, dash: None, round: true };
    let geometry = match mark {
        Mark::Essential => Geometry::Polygon(vec![at(0.5, 0.0), at(1.0, 0.5), at(0.5, 1.0), at(0.0, 0.5)]),
        Mark::Pain => Geometry::Polygon(vec![at(0.5, 0.02), at(1.0, 0.94), at(0.0, 0.94)]),
        Mark::Strength | Mark::WouldPay => Geometry::Circle { center: r.center(), radius: s / 2.0 },
    };
    let mut items = vec![Item::Shape(Shape::stroked(geometry, stroke))];
    // The coin keeps its milled ring, so an empty coin and an empty
    // strength disc still differ in shape.
    if mark == Mark::WouldPay {
        let ring = Stroke { width: width / 2.0, ..stroke };
        items.push(Item::Shape(Shape::stroked(Geometry::Circle { center: r.center(), radius: s * 0.27 }, ring)));
    }
    Item::Group(Group::new(Some(Tag::class(format!("outline {}", mark.as_str()))), items))
}

/// The moment-of-truth star as an empty outline filling the square
/// `rect`, stroked `width` inside it.
pub(crate) fn star_outline(rect: Rect, width: f64) -> Item {
    let inset = width / 2.0;
    let r = Rect::new(rect.x + inset, rect.y + inset, rect.width - width, rect.height - width);
    let s = r.width.min(r.height);
    let points = STAR.iter().map(|(x, y)| Point::new(r.x + x * s, r.y + (y + 0.025) * s)).collect();
    let stroke = Stroke { role: Role::MomentOfTruth, width, dash: None, round: true };
    Item::Group(Group::new(
        Some(Tag::class("outline star")),
        vec![Item::Shape(Shape::stroked(Geometry::Polygon(points), stroke))],
    ))
}

/// A faint wash of `role` over `rect` at `opacity`: a pain tint that
/// shows where it hurts from across the room. Untagged, so it lies under
/// the marks rather than counting as one.
pub(crate) fn wash(rect: Rect, radius: f64, role: Role, opacity: f64) -> Item {
    Item::Group(wash_group(rect, radius, role, opacity))
}

/// [`wash`] as a group, for a caller that tags it.
fn wash_group(rect: Rect, radius: f64, role: Role, opacity: f64) -> Group {
    let mut group = Group::new(None, vec![Item::Shape(Shape::filled(Geometry::Rect { rect, radius }, role))]);
    group.opacity = opacity;
    group
}

/// The weakest stage's wash over `rect`: the page's band down its column,
/// or on a slide that shows the curve alone, the curve's part of it.
/// Stronger on a dark page, where the same share of the pain colour
/// moves the page by fewer grey levels: 12 % moves the light themes'
/// paper 16 to 25 levels, the dark theme's slate 13, which a squint lost.
pub(crate) fn weakest_wash(rect: Rect, radius: f64, theme: &Theme) -> Group {
    let dark = theme.colors.background.luminance() < DARK_PAGE;
    wash_group(rect, radius, Role::Pain, if dark { 0.2 } else { 0.12 })
}

/// The relative luminance under which a page counts as dark: the dark
/// theme's slate is 0.009, the lightest paper 1.
const DARK_PAGE: f64 = 0.18;

/// The star's vertices in a unit square, written out rather than computed
/// with `sin`/`cos`.
const STAR: [(f64, f64); 10] = [
    (0.5, 0.0),
    (0.6176, 0.3382),
    (0.9755, 0.3455),
    (0.6902, 0.5618),
    (0.7939, 0.9045),
    (0.5, 0.7),
    (0.2061, 0.9045),
    (0.3098, 0.5618),
    (0.0245, 0.3455),
    (0.3824, 0.3382),
];

/// The moment-of-truth star filling the square `rect`.
pub(crate) fn star(rect: Rect) -> Item {
    let s = rect.width.min(rect.height);
    let points = STAR.iter().map(|(x, y)| Point::new(rect.x + x * s, rect.y + (y + 0.025) * s)).collect();
    Item::Group(Group::new(
        Some(Tag::class("star")),
        vec![Item::Shape(Shape::filled(Geometry::Polygon(points), Role::MomentOfTruth))],
    ))
}

/// How a meter draws its pips.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Pip {
    /// Round dots: the customer's feeling (high is good).
    Dot,
    /// Rounded squares: effort (high is hard), so the two 1–5 meters never
    /// look alike.
    Block,
}

/// A meter: one pip per square of `pips`, the first `level` filled with
/// `role`, the rest as outlines, which stay visible in greyscale print.
/// A group classed `meter <class>` with `data-level`.
pub(crate) fn meter(class: &str, pips: &[Rect], shape: Pip, level: u8, role: Role) -> Item {
    let mut items = Vec::with_capacity(pips.len());
    for (i, pip) in pips.iter().enumerate() {
        let filled = i < usize::from(level);
        let ring = pip.width.min(pip.height) * 0.12;
        // An outline is drawn inside the pip's square.
        let inset = if filled { 0.0 } else { ring / 2.0 };
        let geometry = match shape {
            Pip::Dot => Geometry::Circle { center: pip.center(), radius: pip.width.min(pip.height) / 2.0 - inset },
            Pip::Block => Geometry::Rect {
                rect: Rect::new(pip.x + inset, pip.y + inset, pip.width - 2.0 * inset, pip.height - 2.0 * inset),
                radius: pip.width * 0.2,
            },
        };
        items.push(Item::Shape(if filled {
            Shape::filled(geometry, role)
        } else {
            Shape::stroked(geometry, Stroke::solid(Role::MeterOff, ring))
        }));
    }
    Item::Group(Group::new(Some(Tag::class(format!("meter {class}")).data("level", level.to_string())), items))
}

/// A right-pointing chevron filling `rect` ("and then", between stages).
pub(crate) fn chevron(rect: Rect, role: Role) -> Item {
    let points =
        vec![Point::new(rect.x, rect.y), Point::new(rect.right(), rect.center().y), Point::new(rect.x, rect.bottom())];
    Item::Shape(Shape::filled(Geometry::Polygon(points), role))
}

/// A straight rule from `from` to `to`.
pub(crate) fn rule(from: Point, to: Point, role: Role, width: f64) -> Item {
    Item::Shape(Shape::stroked(Geometry::Line { from, to }, Stroke::solid(role, width)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_badge_stays_inside_its_square() {
        let rect = Rect::new(10.0, 10.0, 20.0, 20.0);
        for mark in Mark::ALL {
            let b = badge(mark, rect).bounds();
            assert!(rect.contains(&b), "{mark:?}: {b:?}");
        }
        assert!(rect.contains(&star(rect).bounds()));
        for mark in Mark::ALL {
            let o = outline(mark, rect, 2.0).bounds();
            assert!(rect.contains(&o), "{mark:?} outline: {o:?}");
        }
        assert!(rect.contains(&star_outline(rect, 2.0).bounds()));
    }
}
