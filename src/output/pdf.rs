//! SVG → PDF with krilla: vector, each page of exactly its page's size
//! (a poster has one; a deck one a slide),
//! text kept as text in subset fonts with ToUnicode maps (selectable and
//! searchable), and the map's title, subject, authors, date, keywords and
//! language in the document information.

use krilla::Document;
use krilla::destination::XyzDestination;
use krilla::geom::{Point, Rect, Size};
use krilla::metadata::{DateTime, Metadata};
use krilla::outline::{Outline, OutlineNode};
use krilla::page::PageSettings;
use krilla::tagging::{ContentTag, Tag, TagGroup, TagTree};
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
    #[error(
        "a PDF page must be 3 to 14,400 pt (5.08 m) a side, not {width:.0}×{height:.0} pt; render at a smaller --size, with less --bleed, or cut it into --tile pages"
    )]
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

/// Converts a painted page (SVG text of the document's first page) to a
/// one-page PDF of that page's size, with `document`'s metadata.
///
/// # Errors
/// See [`PdfError`].
pub fn pdf(svg: &str, fonts: &Fonts, document: &layout::Document) -> Result<Vec<u8>, PdfError> {
    if document.pages.len() == 1 {
        return pdf_pages(&[svg], fonts, document);
    }
    let first = document.with_pages(vec![document.page().clone()]);
    pdf_pages(&[svg], fonts, &first)
}

/// Converts painted pages (SVG text, one a page of `document`, in order)
/// to a PDF: each page of its page's size, one outline entry a page (named
/// as the page is), and tagged, each page one figure whose alternate text
/// is the document's summary (a poster) or the page's name (a deck).
///
/// # Errors
/// See [`PdfError`].
pub fn pdf_pages(svgs: &[&str], fonts: &Fonts, document: &layout::Document) -> Result<Vec<u8>, PdfError> {
    if svgs.len() != document.pages.len() {
        return Err(PdfError::Write(format!(
            "{} pages painted for a document of {}",
            svgs.len(),
            document.pages.len()
        )));
    }
    let mut pdf = Document::new();
    let mut outline = Outline::new();
    let mut tags = TagTree::new();
    for (index, (svg, page)) in svgs.iter().zip(&document.pages).enumerate() {
        let tree = tree(svg, fonts).map_err(|e| match e {
            PngError::Svg(m) => PdfError::Svg(m),
            PngError::TooManyParts { parts } => PdfError::TooManyParts { parts },
            other => PdfError::Svg(other.to_string()),
        })?;
        let (width, height) = (Length::px(page.size.width).to_pt(), Length::px(page.size.height).to_pt());
        // PDF readers limit a page to 200 in (14,400 pt) a side.
        if !((3.0..=14_400.0).contains(&width) && (3.0..=14_400.0).contains(&height)) {
            return Err(PdfError::PageSize { width, height });
        }
        let (w, h) = (width as f32, height as f32);
        let size = Size::from_wh(w, h).ok_or(PdfError::PageSize { width, height })?;
        let mut settings = PageSettings::from_wh(w, h).ok_or(PdfError::PageSize { width, height })?;
        if let Some(boxes) = page.print {
            // Where the print shop cuts, and how far the background runs.
            let pt = |r: layout::Rect| {
                let v = [r.x, r.y, r.width, r.height].map(|px| Length::px(px).to_pt() as f32);
                Rect::from_xywh(v[0], v[1], v[2], v[3])
            };
            settings = settings.with_trim_box(pt(boxes.trim)).with_bleed_box(pt(boxes.bleed));
        }
        let mut pdf_page = pdf.start_page_with(settings);
        let mut surface = pdf_page.surface();
        let id = surface.start_tagged(ContentTag::Other);
        surface
            .draw_svg(&tree, size, SvgSettings::default())
            .ok_or_else(|| PdfError::Write("the SVG could not be drawn".into()))?;
        surface.end_tagged();
        surface.finish();
        pdf_page.finish();
        let alt = if document.pages.len() == 1 { document.description.clone() } else { page.name.clone() };
        let mut figure = TagGroup::new(Tag::Figure(Some(alt)));
        figure.push(id);
        tags.push(figure);
        let name = if page.name.is_empty() { document.title.clone() } else { page.name.clone() };
        outline.push_child(OutlineNode::new(name, XyzDestination::new(index, Point::from_xy(0.0, 0.0))));
    }
    pdf.set_outline(outline);
    pdf.set_tag_tree(tags);
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
