//! Painters: [`crate::layout::Poster`] → a document format. Only SVG for
//! now; PNG is rasterised from the SVG in [`crate::output`], so both show
//! exactly the same poster.

mod svg;

pub use svg::{MAX_EMBEDDED_FONT_BYTES, SvgOptions, embeddable, svg};
