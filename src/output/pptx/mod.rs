//! PPTX decks: a PowerPoint file written by hand as Office Open XML in a
//! zip, one slide per deck page. Each slide is the page's picture (a PNG
//! drawn without the title), its title as a real title placeholder where
//! the picture left room for it, alt text on the picture and speaker
//! notes, both saying what the slide shows. PowerPoint, Keynote,
//! LibreOffice and Google Slides open it, and the title can be edited
//! and searched like any other.
//!
//! The file is byte-identical run to run: parts are written in a fixed
//! order with fixed timestamps (1980-01-01, the zip format's first day)
//! and fixed permissions, and nothing in them depends on the clock.

mod parts;
mod slide;

use std::io::{Cursor, Write};

use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, DateTime, ZipWriter};

/// The slide's width in EMU (English Metric Units, 914 400 an inch):
/// 13.333 in, PowerPoint's 16:9.
pub const SLIDE_WIDTH_EMU: i64 = 12_192_000;
/// The slide's height in EMU: 7.5 in.
pub const SLIDE_HEIGHT_EMU: i64 = 6_858_000;

/// One slide to write.
#[derive(Debug, Clone, PartialEq)]
pub struct PptxSlide {
    /// The slide's picture, a PNG of the whole 16:9 slide.
    pub png: Vec<u8>,
    /// The title set as text over the picture, if the slide has one.
    pub title: Option<PptxTitle>,
    /// What the slide shows, in words: the picture's alt text and the
    /// speaker notes.
    pub notes: String,
}

/// A slide's title: its words, where it goes and how it is set.
#[derive(Debug, Clone, PartialEq)]
pub struct PptxTitle {
    /// The words.
    pub text: String,
    /// Its box as fractions of the slide's width and height: left, top,
    /// width, height.
    pub rect: [f64; 4],
    /// Its type size in points on the 13.333 × 7.5 in slide.
    pub size_pt: f64,
    /// Its colour, as six hex digits.
    pub colour: String,
    /// The typeface's name.
    pub font: String,
}

/// What the whole file says about itself.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct PptxMeta {
    /// The deck's title.
    pub title: String,
    /// Its authors (the organisation and the team).
    pub authors: Vec<String>,
    /// Its BCP 47 language.
    pub lang: String,
}

/// Why a PPTX could not be written.
#[derive(Debug, thiserror::Error)]
pub enum PptxError {
    /// The zip writer failed (in memory: only on a broken invariant).
    #[error("could not write the PPTX: {0}")]
    Zip(#[from] zip::result::ZipError),
    /// Writing into the zip failed.
    #[error("could not write the PPTX: {0}")]
    Io(#[from] std::io::Error),
}

/// The deck as a PPTX file's bytes.
///
/// # Errors
/// [`PptxError`] when the zip cannot be written.
pub fn pptx(slides: &[PptxSlide], meta: &PptxMeta) -> Result<Vec<u8>, PptxError> {
    let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default()
        .compression_method(CompressionMethod::Deflated)
        .last_modified_time(DateTime::default())
        .unix_permissions(0o644);
    // A PNG is compressed already: stored as it is.
    let stored = options.compression_method(CompressionMethod::Stored);
    let n = slides.len();
    let mut put = |name: &str, bytes: &[u8], how: SimpleFileOptions| -> Result<(), PptxError> {
        zip.start_file(name, how)?;
        zip.write_all(bytes)?;
        Ok(())
    };
    // [Content_Types].xml first, as Office writes it.
    put("[Content_Types].xml", parts::content_types(n).as_bytes(), options)?;
    put("_rels/.rels", parts::ROOT_RELS.as_bytes(), options)?;
    put("docProps/app.xml", parts::app(n).as_bytes(), options)?;
    put("docProps/core.xml", parts::core(meta).as_bytes(), options)?;
    put("ppt/presentation.xml", parts::presentation(n).as_bytes(), options)?;
    put("ppt/_rels/presentation.xml.rels", parts::presentation_rels(n).as_bytes(), options)?;
    put("ppt/presProps.xml", parts::PRES_PROPS.as_bytes(), options)?;
    put("ppt/viewProps.xml", parts::VIEW_PROPS.as_bytes(), options)?;
    put("ppt/tableStyles.xml", parts::TABLE_STYLES.as_bytes(), options)?;
    put("ppt/theme/theme1.xml", parts::theme("Deck").as_bytes(), options)?;
    put("ppt/theme/theme2.xml", parts::theme("Notes").as_bytes(), options)?;
    put("ppt/slideMasters/slideMaster1.xml", parts::SLIDE_MASTER.as_bytes(), options)?;
    put("ppt/slideMasters/_rels/slideMaster1.xml.rels", parts::SLIDE_MASTER_RELS.as_bytes(), options)?;
    put("ppt/slideLayouts/slideLayout1.xml", parts::SLIDE_LAYOUT.as_bytes(), options)?;
    put("ppt/slideLayouts/_rels/slideLayout1.xml.rels", parts::SLIDE_LAYOUT_RELS.as_bytes(), options)?;
    put("ppt/notesMasters/notesMaster1.xml", parts::NOTES_MASTER.as_bytes(), options)?;
    put("ppt/notesMasters/_rels/notesMaster1.xml.rels", parts::NOTES_MASTER_RELS.as_bytes(), options)?;
    for (i, s) in slides.iter().enumerate() {
        let k = i + 1;
        put(&format!("ppt/slides/slide{k}.xml"), slide::slide(s, &meta.lang).as_bytes(), options)?;
        put(&format!("ppt/slides/_rels/slide{k}.xml.rels"), slide::slide_rels(k).as_bytes(), options)?;
        put(&format!("ppt/notesSlides/notesSlide{k}.xml"), slide::notes(s, &meta.lang).as_bytes(), options)?;
        put(&format!("ppt/notesSlides/_rels/notesSlide{k}.xml.rels"), slide::notes_rels(k).as_bytes(), options)?;
        put(&format!("ppt/media/image{k}.png"), &s.png, stored)?;
    }
    Ok(zip.finish()?.into_inner())
}

/// `text` with the five characters XML reserves escaped, line breaks kept
/// (speaker notes have paragraphs), and the control characters XML 1.0
/// cannot hold dropped: the SVG painter's escaping.
pub(crate) fn escape(text: &str) -> String {
    crate::paint::escape_xml(text, true)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn deck() -> Vec<PptxSlide> {
        let title = PptxTitle {
            text: "Booking hurts most & <why>".into(),
            rect: [0.03, 0.04, 0.94, 0.1],
            size_pt: 30.0,
            colour: "1C2230".into(),
            font: "Inter".into(),
        };
        vec![PptxSlide { png: vec![0x89, b'P', b'N', b'G'], title: Some(title), notes: "What \"it\" shows".into() }]
    }

    #[test]
    fn the_same_deck_gives_the_same_bytes() {
        let meta = PptxMeta { title: "T".into(), authors: vec!["A".into()], lang: "en".into() };
        let a = pptx(&deck(), &meta).expect("a file");
        let b = pptx(&deck(), &meta).expect("a file");
        assert_eq!(a, b);
        assert!(a.starts_with(b"PK\x03\x04"));
        // Another title changes the file: the check can fail.
        let mut other = deck();
        if let Some(t) = other[0].title.as_mut() {
            t.text.push('!');
        }
        assert_ne!(pptx(&other, &meta).expect("a file"), a);
    }

    #[test]
    fn text_is_escaped_for_xml() {
        assert_eq!(escape("a & <b> \"c\" 'd'\u{1}"), "a &amp; &lt;b&gt; &quot;c&quot; &apos;d&apos;");
    }
}
