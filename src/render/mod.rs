//! The renderer: the one entry point every front end shares.
//!
//! A [`Renderer`] holds the fonts, an optional theme that overrides the
//! map's, page options, and the shaping cache. It is built once and kept:
//! a program that renders again and again (watch, a preview server, a
//! batch job) pays for shaping only for text it has not measured before.
//!
//! What to render is a [`Request`]: the map, and a [`Job`] saying what to
//! make of it — theme, page, poster or deck, print furniture, department
//! copies and the outputs. [`Renderer::render`] returns every output's
//! bytes with its destination, nothing written yet, and typed [`Note`]s.
//! `check`, `layout`, `deck`, `tiles` and `export` are the steps it takes,
//! public for programs that want one step alone.
//!
//! ```
//! use journeymap::parse;
//! use journeymap::render::{Job, Note, Output, OutputFormat, Renderer, Request, Target};
//! use journeymap::text::Fonts;
//!
//! let map = "title = \"Flying Nordic Air\"\n[[stage]]\nname = \"Awareness\"\n";
//! let job = Job {
//!     outputs: vec![
//!         Output::new(Target::File("map.svg".into()), OutputFormat::svg()),
//!         Output::new(Target::File("map.png".into()), OutputFormat::png_width(400)),
//!     ],
//!     ..Job::default()
//! };
//! let renderer = Renderer::new(Fonts::embedded());
//! let rendered = renderer.render(&Request::from_source("map.toml", map, job)).expect("a valid map");
//! let [svg, png] = &rendered.outputs[..] else { panic!("two outputs") };
//! assert!(svg.bytes.starts_with(b"<svg") && png.bytes.starts_with(b"\x89PNG"));
//! assert!(matches!(rendered.notes[0], Note::PageType(_)));
//! // Nothing is written: the caller writes `rendered.files()`, all or none.
//! ```

mod canvas;
mod coverage;
mod make;
mod notes;
mod request;

pub use notes::{
    CanvasSummary, CardsSummary, ClosestPaper, ContrastFailure, DeckSummary, LeftOut, Note, PageType, SheetType,
    WallSheets,
};
pub use request::{
    Destination, Furniture, Job, Medium, Output, OwnerCopies, Produced, Rendered, Request, RequestError, Sheet, Target,
};

use crate::layout::{self, Document, LayoutError};
use crate::model::Journey;
use crate::output::{self, PngError, PngSettings, Resolution};
use crate::paint::{self, SvgOptions};
use crate::parse::Parsed;
use crate::text::{Fonts, ShapeCache, Shaper};
use crate::theme::{DEFAULT_THEME, Theme, ThemeError};

/// The most shaped texts a renderer keeps between renders (a few tens of
/// MB); a render that starts with more forgets them first.
pub const MAX_CACHED_TEXTS: usize = 100_000;

/// Renders maps: fonts, theme choice, page options and caches, kept across
/// renders.
#[derive(Debug)]
pub struct Renderer {
    fonts: Fonts,
    cache: ShapeCache,
    theme: Option<Theme>,
    page: layout::Options,
}

/// What an output is: the file format, with the options that change its
/// bytes.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum OutputFormat {
    /// An SVG document.
    Svg(SvgOptions),
    /// A vector PDF, a page per page of the document, text as text.
    Pdf,
    /// A PowerPoint deck: a slide per page, each its picture with its
    /// title as text, alt text and speaker notes (see [`output::pptx`]).
    Pptx,
    /// A PNG image.
    Png {
        /// Its pixel size.
        resolution: Resolution,
        /// Leave the page background out.
        transparent: bool,
    },
}

impl OutputFormat {
    /// SVG with the default options (fonts embedded, background drawn).
    pub fn svg() -> OutputFormat {
        OutputFormat::Svg(SvgOptions::default())
    }

    /// A PNG `width` pixels wide.
    pub fn png_width(width: u32) -> OutputFormat {
        OutputFormat::Png { resolution: Resolution::Width(width), transparent: false }
    }

    /// The file name extension, without the dot, for files named by the
    /// renderer (department copies, slides).
    pub fn extension(&self) -> &'static str {
        match self {
            OutputFormat::Svg(_) => "svg",
            OutputFormat::Pdf => "pdf",
            OutputFormat::Pptx => "pptx",
            OutputFormat::Png { .. } => "png",
        }
    }
}

/// Why a render failed.
#[derive(Debug, thiserror::Error)]
pub enum RenderError {
    /// The map or its theme has errors: the checked map holds them as
    /// diagnostics, to be shown with their excerpts.
    #[error("the map has errors")]
    Map(Box<Parsed>),
    /// The request asks for something impossible.
    #[error(transparent)]
    Request(#[from] RequestError),
    /// The theme could not be loaded.
    #[error(transparent)]
    Theme(#[from] ThemeError),
    /// The content does not fit the page, or the highlighted owner owns
    /// nothing.
    #[error(transparent)]
    Layout(#[from] LayoutError),
    /// Bleed or tiles could not be added.
    #[error(transparent)]
    Print(#[from] layout::PrintError),
    /// Department copies were asked of a map whose touchpoints have no
    /// owner.
    #[error("--per-owner: no touchpoint in the map has an owner")]
    NoOwners,
    /// The PNG could not be made.
    #[error(transparent)]
    Png(#[from] PngError),
    /// The PDF could not be made.
    #[error(transparent)]
    Pdf(#[from] output::PdfError),
    /// The PPTX could not be written.
    #[error(transparent)]
    Pptx(#[from] output::PptxError),
}

impl Renderer {
    /// A renderer with `fonts`, the map's own theme and page settings.
    pub fn new(fonts: Fonts) -> Renderer {
        Renderer { fonts, cache: ShapeCache::new(), theme: None, page: layout::Options::default() }
    }

    /// Uses `theme` whatever the map names (`render --theme`).
    #[must_use]
    pub fn with_theme(mut self, theme: Theme) -> Renderer {
        self.theme = Some(theme);
        self
    }

    /// Overrides the map's page size and orientation.
    #[must_use]
    pub fn with_page(mut self, page: layout::Options) -> Renderer {
        self.page = page;
        self
    }

    /// The fonts text is measured and drawn with.
    pub fn fonts(&self) -> &Fonts {
        &self.fonts
    }

    /// A shaper over the renderer's fonts and cache.
    pub fn shaper(&self) -> Shaper<'_> {
        Shaper::with_cache(&self.fonts, &self.cache)
    }

    /// Checks what parsing cannot: resolves the theme (once) and runs a
    /// coverage pass for characters no font can draw. Problems are added to
    /// `parsed` as located diagnostics — a broken theme file points into
    /// that file, with a label at the map's `theme` key. Returns the theme
    /// to render with, or `None` when it cannot be loaded.
    pub fn check(&self, parsed: &mut Parsed) -> Option<Theme> {
        self.check_with(parsed, None)
    }

    /// Lays the map out with `theme` and adds a `low-contrast` warning to
    /// `parsed` for each pair of colours whose text falls below WCAG AA
    /// (what `render` says as notes), for `check --strict`. A map with
    /// errors, or one that cannot be laid out, gets none.
    pub fn check_contrast(&self, parsed: &mut Parsed, theme: &Theme) {
        let Some(journey) = parsed.journey.as_ref().filter(|_| !parsed.has_errors()) else { return };
        let Ok(document) = self.layout(journey, theme) else { return };
        let at = journey.spans.get("theme");
        for warning in notes::contrast_warnings(&document, theme, at) {
            parsed.add(warning);
        }
    }

    /// [`Renderer::check`] with a request's theme, which wins over the
    /// renderer's and the map's.
    fn check_with(&self, parsed: &mut Parsed, theme: Option<&Theme>) -> Option<Theme> {
        let theme = match theme.or(self.theme.as_ref()) {
            Some(theme) => Some(theme.clone()),
            None => self.map_theme(parsed),
        };
        if let Some(journey) = &parsed.journey {
            for warning in self.coverage(journey) {
                parsed.add(warning);
            }
        }
        theme
    }

    /// The map's theme, or a diagnostic in `parsed` saying why not.
    fn map_theme(&self, parsed: &mut Parsed) -> Option<Theme> {
        let reference = match &parsed.journey {
            Some(journey) => journey.theme.clone().unwrap_or_else(|| DEFAULT_THEME.to_owned()),
            // Errors already: no theme is needed, and none is read.
            None => return None,
        };
        let at = parsed.journey.as_ref().map(|j| j.spans.get("theme")).unwrap_or_default();
        match Theme::resolve(&reference, parsed.base_dir.as_deref()) {
            Ok(theme) => Some(theme),
            Err(error) => {
                for diagnostic in coverage::theme_diagnostics(parsed, error, at) {
                    parsed.add(diagnostic);
                }
                None
            }
        }
    }

    /// Lays out `journey` with `theme` and the renderer's page options.
    ///
    /// # Errors
    /// [`LayoutError::TooSmall`] when a fixed page cannot hold the content.
    pub fn layout(&self, journey: &Journey, theme: &Theme) -> Result<Document, LayoutError> {
        layout::layout_with(journey, theme, &self.shaper(), &self.page)
    }

    /// Lays out a department's copy: `owner`'s touchpoints at full
    /// strength, the others muted.
    ///
    /// # Errors
    /// [`LayoutError::UnknownOwner`] when `owner` owns nothing, or
    /// [`LayoutError::TooSmall`].
    pub fn layout_highlighting(&self, journey: &Journey, theme: &Theme, owner: &str) -> Result<Document, LayoutError> {
        let page = layout::Options { highlight: Some(owner.to_owned()), ..self.page.clone() };
        layout::layout_with(journey, theme, &self.shaper(), &page)
    }

    /// Lays out `journey` as a 16:9 slide deck (see [`layout::deck`]); the
    /// renderer's highlighted owner applies, its page size does not.
    ///
    /// # Errors
    /// [`LayoutError::SlideTooSmall`] when a card or answer cannot fit a slide
    /// at the slide's text floor; [`LayoutError::UnknownOwner`].
    pub fn deck(&self, journey: &Journey, theme: &Theme) -> Result<Document, LayoutError> {
        layout::deck(journey, theme, &self.shaper(), &self.page)
    }

    /// Cuts a laid-out poster into printable tiles of `paper` (see
    /// [`layout::tiles`]), labelled with text shaped by this renderer.
    ///
    /// # Errors
    /// See [`layout::PrintError`].
    pub fn tiles(&self, document: &Document, paper: crate::model::Size) -> Result<Document, layout::PrintError> {
        layout::tiles(document, &self.shaper(), paper)
    }

    /// Fits a laid-out poster to the fewest tiles of `paper`, after an
    /// assembly page (see [`layout::fitted_tiles`]).
    ///
    /// # Errors
    /// As [`Renderer::tiles`].
    pub fn fitted_tiles(&self, document: &Document, paper: crate::model::Size) -> Result<Document, layout::PrintError> {
        layout::fitted_tiles(document, &self.shaper(), paper)
    }

    /// Writes a document in `format`: SVG and PNG show its first page, a
    /// PDF has all its pages.
    ///
    /// # Errors
    /// A PNG over [`output::MAX_PIXELS`] or with a bad resolution.
    pub fn export(&self, document: &Document, theme: &Theme, format: &OutputFormat) -> Result<Vec<u8>, RenderError> {
        match *format {
            OutputFormat::Pdf => Ok(output::pdf(document, theme, &self.fonts)?),
            OutputFormat::Pptx => self.pptx(document, theme),
            _ => self.export_page(document, 0, theme, format),
        }
    }

    /// A document as a PPTX: each page's picture drawn without its title
    /// (a deck's slide leaves the title's place free), the title set as
    /// text there, and the page's notes as alt text and speaker notes.
    fn pptx(&self, document: &Document, theme: &Theme) -> Result<Vec<u8>, RenderError> {
        use rayon::prelude::*;
        let untitled = document.with_pages(document.pages.iter().map(layout::untitled).collect());
        let picture = OutputFormat::Png { resolution: Resolution::Width(1920), transparent: false };
        let ink = theme.colors.get(crate::theme::Role::Ink);
        let slides = (0..document.pages.len())
            .into_par_iter()
            .map(|i| {
                let page = &document.pages[i];
                let png = self.export_page(&untitled, i, theme, &picture)?;
                let (w, h) = (page.size.width.max(1.0), page.size.height.max(1.0));
                let title = layout::slide_title(page).map(|t| output::PptxTitle {
                    text: t.text,
                    // As wide as the content and a little taller than the
                    // lines: a stand-in face's wider letters still fit.
                    rect: [
                        t.rect.x / w,
                        t.rect.y / h,
                        (w - 2.0 * t.rect.x).max(t.rect.width) / w,
                        t.rect.height * 1.25 / h,
                    ],
                    // The slide is 960 pt wide.
                    size_pt: t.size_px * 960.0 / w,
                    colour: format!("{:02X}{:02X}{:02X}", ink.r, ink.g, ink.b),
                    font: "Inter".to_owned(),
                });
                let notes = document.notes.get(i).cloned().unwrap_or_else(|| page.name.clone());
                Ok(output::PptxSlide { png, title, notes })
            })
            .collect::<Result<Vec<_>, RenderError>>()?;
        let meta = output::PptxMeta {
            title: document.title.clone(),
            authors: document.meta.authors.clone(),
            lang: document.meta.lang.clone(),
        };
        Ok(output::pptx(&slides, &meta)?)
    }

    /// Writes page `index` of a document (a slide of a deck) in `format`;
    /// a PDF of that page alone.
    ///
    /// # Errors
    /// As for [`Renderer::export`]. A page past the end draws the first.
    pub fn export_page(
        &self,
        document: &Document,
        index: usize,
        theme: &Theme,
        format: &OutputFormat,
    ) -> Result<Vec<u8>, RenderError> {
        let page = document.pages.get(index).unwrap_or(document.page());
        match *format {
            OutputFormat::Svg(options) => Ok(paint::svg_page(document, page, theme, &self.fonts, options).into_bytes()),
            OutputFormat::Pdf | OutputFormat::Pptx => {
                let mut one = document.with_pages(vec![page.clone()]);
                one.notes = document.notes.get(index).cloned().into_iter().collect();
                self.export(&one, theme, format)
            }
            OutputFormat::Png { resolution, transparent } => {
                // The pixel size is known from the layout: refuse before
                // painting anything.
                output::pixel_size(page.size.width, page.size.height, resolution)?;
                // The glyphs were shaped in layout: resvg is handed their
                // outlines to fill and has no text left to shape.
                let svg = paint::svg_for_raster(document, page, theme, &self.fonts, transparent);
                let settings = PngSettings { resolution, title: Some(&document.title), opaque: !transparent };
                Ok(output::png_with(&svg, &self.fonts, &settings)?)
            }
        }
    }
}
