//! Painters: a [`crate::layout::Document`] → a document format. SVG here;
//! PNG is rasterised from the SVG in `output`, so both show
//! exactly the same poster. Painters know only the layout's primitives.

mod svg;

pub use svg::{MAX_EMBEDDED_FONT_BYTES, SvgOptions, embeddable, faces, svg, svg_page, travels};
