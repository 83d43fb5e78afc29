//! Contrast measured on the laid-out poster (SPEC §7): every line of text
//! against the fill actually beneath it, as WCAG 2 defines contrast.
//!
//! A colour table can look fine and still put accent text on the surface
//! of a chip; measuring the layout finds every pair that is really drawn.
//! The fill beneath a line is the last filled rectangle painted before it
//! that covers the whole line, or the page's background.

use crate::layout::{Document, Geometry, Item, Rect, TextLine, Transform};
use crate::text::Style;
use crate::theme::{Role, Theme};

/// WCAG AA for body text.
pub const AA_TEXT: f64 = 4.5;
/// WCAG AA for large text: 18 pt, or 14 pt bold.
pub const AA_LARGE: f64 = 3.0;

/// One line of text and what it is drawn on.
#[derive(Debug, Clone, PartialEq)]
pub struct Pairing {
    /// The line's text.
    pub text: String,
    /// The id of the innermost box holding it, if any.
    pub within: Option<String>,
    /// The text's colour role.
    pub ink: Role,
    /// The colour role of the fill beneath it.
    pub ground: Role,
    /// Their contrast ratio, 1 to 21.
    pub ratio: f64,
    /// The ratio WCAG AA asks of text of this size and weight.
    pub needed: f64,
}

impl Pairing {
    /// Whether the pair reaches WCAG AA.
    pub fn passes(&self) -> bool {
        self.ratio + 1e-9 >= self.needed
    }
}

/// Every text line of the document's first page with the fill beneath it.
/// Lines in muted groups (a department's copy dims the other owners on
/// purpose) are left out.
pub fn pairings(document: &Document, theme: &Theme) -> Vec<Pairing> {
    let mut out = Vec::new();
    let mut fills = Vec::new();
    let within = Within { id: None, symbol: false, alpha: 1.0 };
    visit(&document.page().frame.items, Transform::IDENTITY, within, theme, &mut fills, &mut out);
    out
}

/// The pairings below WCAG AA, one per pair of roles (the first line met),
/// with how many lines share it.
pub fn failures(document: &Document, theme: &Theme) -> Vec<(Pairing, usize)> {
    let mut found: Vec<(Pairing, usize)> = Vec::new();
    for p in pairings(document, theme).into_iter().filter(|p| !p.passes()) {
        match found.iter_mut().find(|(f, _)| f.ink == p.ink && f.ground == p.ground && f.needed == p.needed) {
            Some((_, n)) => *n += 1,
            None => found.push((p, 1)),
        }
    }
    found
}

/// A filled rectangle painted so far, in frame coordinates, and how
/// opaque it was painted (a wash such as a pain tint is faint).
struct Fill {
    rect: Rect,
    role: Role,
    alpha: f64,
}

/// Where the walk is: the innermost box's id, whether the items are part
/// of a badge, and how opaque their groups make them.
#[derive(Clone, Copy)]
struct Within<'a> {
    id: Option<&'a str>,
    symbol: bool,
    alpha: f64,
}

fn visit(
    items: &[Item],
    at: Transform,
    within: Within<'_>,
    theme: &Theme,
    fills: &mut Vec<Fill>,
    out: &mut Vec<Pairing>,
) {
    for item in items {
        match item {
            Item::Shape(shape) => {
                if let (Geometry::Rect { .. } | Geometry::Circle { .. }, Some(role)) = (&shape.geometry, shape.fill) {
                    fills.push(Fill { rect: at.apply_rect(shape.geometry.bounds()), role, alpha: within.alpha });
                }
            }
            // Faded text is a department copy's muted part: left out.
            Item::Text(line) if within.alpha >= 1.0 => {
                let mut p = pair(line, at, within.id, theme, fills);
                // A sign on a badge is part of a symbol: WCAG asks 3:1 of
                // graphics.
                if within.symbol {
                    p.needed = AA_LARGE;
                }
                out.push(p);
            }
            Item::Text(_) => {}
            Item::Group(group) => {
                let tag = group.tag.as_ref();
                let inner = Within {
                    id: tag.and_then(|t| t.id.as_deref()).or(within.id),
                    symbol: within.symbol || tag.is_some_and(|t| t.has_class("badge")),
                    alpha: within.alpha * group.opacity,
                };
                visit(&group.items, at.then(group.transform), inner, theme, fills, out);
            }
        }
    }
}

fn pair(line: &TextLine, at: Transform, within: Option<&str>, theme: &Theme, fills: &[Fill]) -> Pairing {
    let bounds = at.apply_rect(line.bounds());
    // The last opaque fill beneath, then every wash painted over it.
    let under: Vec<&Fill> = fills.iter().filter(|f| f.rect.contains(&bounds)).collect();
    let base = under.iter().rposition(|f| f.alpha >= 1.0);
    let ground = base.map_or(Role::Background, |i| under[i].role);
    let washes = base.map_or(&under[..], |i| &under[i + 1..]);
    let colour = washes.iter().fold(theme.colors.get(ground), |c, f| theme.colors.get(f.role).over(c, f.alpha));
    let ratio = theme.colors.get(line.role).contrast(colour);
    // WCAG's large text: 18 pt (24 px) or 14 pt (18.67 px) bold, at the
    // theme's own sizes.
    let large = line.size >= 24.0 || (line.style == Style::Bold && line.size >= 18.66);
    Pairing {
        text: line.text(),
        within: within.map(str::to_owned),
        ink: line.role,
        ground,
        ratio,
        needed: if large { AA_LARGE } else { AA_TEXT },
    }
}
