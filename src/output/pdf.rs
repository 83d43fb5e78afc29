//! SVG → PDF with krilla: vector, one page of exactly the poster's size,
//! text kept as text in subset fonts with ToUnicode maps (selectable and
//! searchable), and the map's title, subject, authors, date, keywords and
//! language in the document information.

use krilla::Document;
use krilla::geom::Size;
use krilla::metadata::{DateTime, Metadata};
use krilla::page::PageSettings;
use krilla_svg::{SurfaceExt, SvgSettings};

use super::png::{PngError, tree};
use crate::layout;
use crate::text::Fonts;
use crate::units::Length;

/// Why a PDF could not be made.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum PdfError {
    /// The poster has more parts than usvg reads; see
    /// [`PngError::TooManyParts`].
    #[error(
        "the poster has {parts} parts (shapes and lines of text), more than the {} that PNG and PDF \
         output can draw; split the journey into several maps, or render .svg",
        super::png::MAX_PARTS
    )]
    TooManyParts {
        /// The number of parts, counted as tags in the SVG.
        parts: usize,
    },
    /// usvg could not read the SVG (not expected for our own output).
    #[error("cannot read the SVG: {0}")]
    Svg(String),
    /// The page is too small or too large for a PDF (3 to 14,400 pt a side).
    #[error("a PDF page must be 3 to 14,400 pt a side, not {width:.0}×{height:.0} pt")]
    PageSize {
        /// The width asked for, in pt.
        width: f64,
        /// The height asked for, in pt.
        height: f64,
    },
    /// krilla could not write the document.
    #[error("cannot write the PDF: {0}")]
    Write(String),
}

/// Converts a painted page (SVG text) to a one-page PDF of the page's
/// size, with `document`'s metadata.
///
/// # Errors
/// See [`PdfError`].
pub fn pdf(svg: &str, fonts: &Fonts, document: &layout::Document) -> Result<Vec<u8>, PdfError> {
    let tree = tree(svg, fonts).map_err(|e| match e {
        PngError::Svg(m) => PdfError::Svg(m),
        PngError::TooManyParts { parts } => PdfError::TooManyParts { parts },
        other => PdfError::Svg(other.to_string()),
    })?;
    let page = document.page();
    let (width, height) = (Length::px(page.size.width).to_pt(), Length::px(page.size.height).to_pt());
    // PDF readers limit a page to 200 in (14,400 pt) a side.
    if !((3.0..=14_400.0).contains(&width) && (3.0..=14_400.0).contains(&height)) {
        return Err(PdfError::PageSize { width, height });
    }
    let (w, h) = (width as f32, height as f32);
    let size = Size::from_wh(w, h).ok_or(PdfError::PageSize { width, height })?;
    let settings = PageSettings::from_wh(w, h).ok_or(PdfError::PageSize { width, height })?;
    let mut pdf = Document::new();
    let mut pdf_page = pdf.start_page_with(settings);
    let mut surface = pdf_page.surface();
    surface
        .draw_svg(&tree, size, SvgSettings::default())
        .ok_or_else(|| PdfError::Write("the SVG could not be drawn".into()))?;
    surface.finish();
    pdf_page.finish();
    pdf.set_metadata(metadata(document));
    pdf.finish().map_err(|e| PdfError::Write(format!("{e:?}")))
}

/// The document information: title, the subtitle as subject, organisation
/// and team as authors, date, keywords, creator and language. No clock is
/// read, so the same map gives the same bytes.
fn metadata(document: &layout::Document) -> Metadata {
    let meta = &document.meta;
    let mut m = Metadata::new()
        .title(document.title.clone())
        .creator(format!("journeymap {}", env!("CARGO_PKG_VERSION")))
        .producer(format!("journeymap {} (krilla)", env!("CARGO_PKG_VERSION")))
        .keywords(meta.keywords.clone())
        .language(meta.lang.clone());
    if let Some(subject) = &meta.subject {
        m = m.description(subject.clone());
    }
    if !meta.authors.is_empty() {
        m = m.authors(meta.authors.clone());
    }
    if let Some(date) = meta.date {
        m = m.creation_date(DateTime::new(date.year).month(date.month).day(date.day));
    }
    m
}
