//! Painters: a [`crate::layout::Document`] → a document format. SVG here;
//! PNG is rasterised from an SVG of the same frames, its text as the
//! glyphs' outlines, in `output`, so both show exactly the same poster.
//! Painters know only the layout's primitives and draw the glyphs the
//! layout shaped.

mod glyphs;
mod svg;

pub(crate) use svg::escape_xml;
pub use svg::{MAX_EMBEDDED_FONT_BYTES, SvgOptions, embeddable, faces, svg, svg_for_raster, svg_page, travels};
