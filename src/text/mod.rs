//! Fonts, shaping and line breaking: how big every piece of text is.
//!
//! Text is shaped once, with rustybuzz, split into runs by face, and
//! broken into lines at UAX #14 opportunities; each [`Run`] keeps its
//! positioned [`Glyph`]s. The layout stage asks; every backend only draws
//! the glyphs it was given ([`FaceTables`] reads their outlines and
//! places). Shaping happens nowhere else.

mod fonts;
pub mod hyphenate;
mod shape;
pub mod subset;
mod tables;
mod word_break;
mod wrap;

pub use fonts::{EMBEDDED_FAMILY, Face, FaceId, FontError, Fonts, MAX_FONT_BYTES, Style};
pub(crate) use shape::PlannedFace;
pub use shape::{Glyph, Run, ShapeCache, ShapedLine, Shaper};
pub use tables::FaceTables;
pub use word_break::BREAK_HYPHEN;
pub use wrap::{Wrapped, fits_hyphenated, normalize, wrap, wrap_in};
