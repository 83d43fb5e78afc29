//! Fonts, shaping and line breaking: how big every piece of text is.
//!
//! Text is measured with rustybuzz on the very bytes resvg draws with
//! (see [`Fonts`]), split into runs by face, and broken into lines at
//! UAX #14 opportunities. The layout stage asks; the painter only repeats
//! the answers.

mod fonts;
pub mod hyphenate;
mod shape;
pub mod subset;
mod wrap;

pub use fonts::{EMBEDDED_FAMILY, Face, FaceId, FontError, Fonts, MAX_FONT_BYTES, Style};
pub use shape::{PlannedFace, Run, ShapeCache, ShapedLine, Shaper};
pub use wrap::{BREAK_HYPHEN, Wrapped, fits_hyphenated, normalize, wrap, wrap_in};
