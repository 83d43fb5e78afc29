//! Frames → PDF with krilla, as typst-pdf does: vector, each page of
//! exactly its page's size (a poster has one; a deck one a slide), text
//! shown as the glyphs the layout shaped, in subset fonts with ToUnicode
//! maps (selectable and searchable), tagged with the document's logical
//! structure (see [`draw`]), one outline entry a page, and the map's
//! title, subject, authors, date, keywords and language in the document
//! information.

mod draw;

use krilla::Document;
use krilla::destination::XyzDestination;
use krilla::geom::{Point, Rect, Transform as PdfTransform};
use krilla::metadata::{DateTime, Metadata};
use krilla::outline::{Outline, OutlineNode};
use krilla::page::PageSettings;
use krilla::tagging::{TagGroup, TagTree};

use crate::layout;
use crate::text::Fonts;
use crate::theme::{Role, Theme};
use crate::units::Length;

/// Why a PDF could not be made.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum PdfError {
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

/// PDF points per CSS px.
const PT_PER_PX: f64 = 0.75;

/// Draws every page of `document` into one PDF, each page of its page's
/// size, with `theme`'s colours and the glyphs of `fonts`.
///
/// # Errors
/// A page outside what PDF readers open ([`PdfError::PageSize`]), or
/// krilla refusing to write ([`PdfError::Write`]).
pub fn pdf(document: &layout::Document, theme: &Theme, fonts: &Fonts) -> Result<Vec<u8>, PdfError> {
    let mut pdf = Document::new();
    let mut outline = Outline::new();
    let mut tags = TagTree::new();
    let faces = draw::PdfFonts::new(fonts);
    for (index, page) in document.pages.iter().enumerate() {
        let mut structure = TagGroup::new(krilla::tagging::Tag::Part);
        let mut pdf_page = pdf.start_page_with(settings(page)?);
        let mut surface = pdf_page.surface();
        // CSS px to pt, then the page's view of its frame.
        let t = page.transform;
        surface.push_transform(&PdfTransform::from_row(
            (t.scale * PT_PER_PX) as f32,
            0.0,
            0.0,
            (t.scale * PT_PER_PX) as f32,
            (t.tx * PT_PER_PX) as f32,
            (t.ty * PT_PER_PX) as f32,
        ));
        let mut drawer = draw::PageDrawer::new(&mut surface, theme, &faces);
        background(&mut drawer, page);
        drawer.items(&page.frame.items, layout::Transform::IDENTITY);
        for node in drawer.finish() {
            structure.push(node);
        }
        surface.pop();
        surface.finish();
        pdf_page.finish();
        tags.push(structure);
        let name = if page.name.is_empty() { document.title.clone() } else { page.name.clone() };
        outline.push_child(OutlineNode::new(name, XyzDestination::new(index, Point::from_xy(0.0, 0.0))));
    }
    pdf.set_outline(outline);
    pdf.set_tag_tree(tags);
    pdf.set_metadata(metadata(document));
    pdf.finish().map_err(|e| PdfError::Write(format!("{e:?}")))
}

/// The page's background, over the whole view: decoration, not content.
fn background(drawer: &mut draw::PageDrawer<'_, '_>, page: &layout::Page) {
    let view = page.view();
    let shape = layout::Shape::filled(layout::Geometry::Rect { rect: view, radius: 0.0 }, Role::Background);
    drawer.items(&[layout::Item::Shape(shape)], layout::Transform::IDENTITY);
}

/// A page's size and print boxes, in pt.
fn settings(page: &layout::Page) -> Result<PageSettings, PdfError> {
    let (width, height) = (Length::px(page.size.width).to_pt(), Length::px(page.size.height).to_pt());
    // PDF readers limit a page to 200 in (14,400 pt) a side.
    if !((3.0..=14_400.0).contains(&width) && (3.0..=14_400.0).contains(&height)) {
        return Err(PdfError::PageSize { width, height });
    }
    let mut settings =
        PageSettings::from_wh(width as f32, height as f32).ok_or(PdfError::PageSize { width, height })?;
    if let Some(boxes) = page.print {
        // Where the print shop cuts, and how far the background runs.
        let pt = |r: layout::Rect| {
            let v = [r.x, r.y, r.width, r.height].map(|px| Length::px(px).to_pt() as f32);
            Rect::from_xywh(v[0], v[1], v[2], v[3])
        };
        settings = settings.with_trim_box(pt(boxes.trim)).with_bleed_box(pt(boxes.bleed));
    }
    Ok(settings)
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
