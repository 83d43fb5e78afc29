//! The renderer: the one entry point every front end shares.
//!
//! A [`Renderer`] holds the fonts, an optional theme that overrides the
//! map's, page options, and the shaping cache. It is built once and kept:
//! `check`, `layout` and `export` are its methods, and a program that
//! renders again and again (watch, a preview server, a batch job) pays for
//! shaping only for text it has not measured before.
//!
//! ```
//! use journeymap::parse;
//! use journeymap::render::{Format, Renderer};
//! use journeymap::text::Fonts;
//!
//! let map = "title = \"Flying Nordic Air\"\n[[stage]]\nname = \"Awareness\"\n";
//! let mut parsed = parse::parse_str("map.toml", map, &parse::Options::default());
//! let renderer = Renderer::new(Fonts::embedded());
//! let theme = renderer.check(&mut parsed).expect("a valid theme");
//! let journey = parsed.journey.as_ref().expect("no errors");
//! let document = renderer.layout(journey, &theme).expect("auto size always fits");
//! let svg = renderer.export(&document, &theme, &Format::svg()).expect("SVG");
//! let png = renderer.export(&document, &theme, &Format::png_width(400)).expect("PNG");
//! assert!(svg.starts_with(b"<svg") && png.starts_with(b"\x89PNG"));
//! ```

use crate::diag::{Code, Diagnostic, FileId, Label};
use crate::layout::{self, Document, LayoutError};
use crate::model::{Journey, Span};
use crate::output::{self, PngError, PngSettings, Resolution};
use crate::paint::{self, SvgOptions};
use crate::parse::Parsed;
use crate::text::{Fonts, ShapeCache, Shaper};
use crate::theme::{self, DEFAULT_THEME, Theme, ThemeError};

/// Renders maps: fonts, theme choice, page options and caches, kept across
/// renders.
#[derive(Debug)]
pub struct Renderer {
    fonts: Fonts,
    cache: ShapeCache,
    theme: Option<Theme>,
    page: layout::Options,
}

/// What [`Renderer::export`] writes.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Format {
    /// An SVG document.
    Svg(SvgOptions),
    /// A one-page vector PDF of the page's size, text as text.
    Pdf,
    /// A PNG image.
    Png {
        /// Its pixel size.
        resolution: Resolution,
        /// Leave the page background out.
        transparent: bool,
    },
}

impl Format {
    /// SVG with the default options (fonts embedded, background drawn).
    pub fn svg() -> Format {
        Format::Svg(SvgOptions::default())
    }

    /// A PNG `width` pixels wide.
    pub fn png_width(width: u32) -> Format {
        Format::Png { resolution: Resolution::Width(width), transparent: false }
    }
}

/// Why a render failed. Problems with the map itself are diagnostics
/// (see [`Renderer::check`]), not errors.
#[derive(Debug, thiserror::Error)]
pub enum RenderError {
    /// The theme could not be loaded.
    #[error(transparent)]
    Theme(#[from] ThemeError),
    /// The content does not fit the page.
    #[error(transparent)]
    Layout(#[from] LayoutError),
    /// The PNG could not be made.
    #[error(transparent)]
    Png(#[from] PngError),
    /// The PDF could not be made.
    #[error(transparent)]
    Pdf(#[from] output::PdfError),
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
        let theme = match &self.theme {
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
                for diagnostic in theme_diagnostics(parsed, error, at) {
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

    /// Writes a document in `format`: SVG and PNG show its first page, a
    /// PDF has all its pages.
    ///
    /// # Errors
    /// A PNG over [`output::MAX_PIXELS`] or with a bad resolution.
    pub fn export(&self, document: &Document, theme: &Theme, format: &Format) -> Result<Vec<u8>, RenderError> {
        match *format {
            Format::Pdf => Ok(output::pdf(document, theme, &self.fonts)?),
            _ => self.export_page(document, 0, theme, format),
        }
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
        format: &Format,
    ) -> Result<Vec<u8>, RenderError> {
        let page = document.pages.get(index).unwrap_or(document.page());
        match *format {
            Format::Svg(options) => Ok(paint::svg_page(document, page, theme, &self.fonts, options).into_bytes()),
            Format::Pdf => {
                let one = document.with_pages(vec![page.clone()]);
                self.export(&one, theme, format)
            }
            Format::Png { resolution, transparent } => {
                // The pixel size is known from the layout: refuse before
                // painting anything.
                output::pixel_size(page.size.width, page.size.height, resolution)?;
                // The glyphs were shaped in layout: resvg is handed their
                // outlines to fill and has no text left to shape.
                let svg = paint::svg_page(
                    document,
                    page,
                    theme,
                    &self.fonts,
                    SvgOptions { transparent, embed_fonts: false, text_as_paths: true },
                );
                let settings = PngSettings { resolution, title: Some(&document.title), opaque: !transparent };
                Ok(output::png_with(&svg, &self.fonts, &settings)?)
            }
        }
    }

    /// One warning per field that holds characters no loaded font can
    /// draw, naming each, at the field's own line. Only text the poster
    /// shows is checked; our own labels are known to be covered.
    pub fn coverage(&self, journey: &Journey) -> Vec<Diagnostic> {
        let shaper = self.shaper();
        let mut fields: Vec<(String, Span, Vec<char>)> = Vec::new();
        let mut check = |key: &str, span: Span, text: &str| {
            let missing = shaper.uncovered(text);
            if missing.is_empty() {
                return;
            }
            let at = match fields.iter().position(|(k, s, _)| k == key && *s == span) {
                Some(i) => i,
                None => {
                    fields.push((key.to_owned(), span, Vec::new()));
                    fields.len() - 1
                }
            };
            for c in missing {
                if !fields[at].2.contains(&c) {
                    fields[at].2.push(c);
                }
            }
        };
        let j = journey;
        for (key, value) in [
            ("title", Some(&j.title)),
            ("subtitle", j.subtitle.as_ref()),
            ("persona", j.persona.as_ref()),
            ("organisation", j.organisation.as_ref()),
            ("version", j.version.as_ref()),
        ] {
            if let Some(v) = value {
                check(key, j.spans.get(key), v);
            }
        }
        for member in &j.team {
            check("team", j.spans.get("team"), member);
        }
        for source in &j.sources {
            check("sources", j.spans.get("sources"), source);
        }
        for lane in &j.lanes {
            check("title", lane.span.clone(), &lane.title);
        }
        for (key, text) in &j.labels {
            check(key, j.spans.get("labels"), text);
        }
        if let Some(sign) = j.currency.as_deref().and_then(crate::labels::currency_sign) {
            check("currency", j.spans.get("currency"), &sign);
        }
        for stage in &j.stages {
            let at = |key: &str| stage.spans.get_or(key, &stage.span);
            check("name", at("name"), &stage.name);
            for q in crate::model::Question::ALL {
                if let Some(text) = stage.answer(q) {
                    check(q.key(), at(q.key()), &text.joined());
                }
            }
            if let Some(note) = &stage.effort_note {
                check("effort_note", at("effort_note"), note);
            }
            for (i, lane) in j.lanes.iter().enumerate() {
                if let Some(text) = stage.lane(i) {
                    check(&lane.key, at(&lane.key), &text.joined());
                }
            }
            for t in &stage.touchpoints {
                let at = |key: &str| t.spans.get_or(key, &t.span);
                check("name", at("name"), &t.name);
                for (key, value) in [("channel", &t.channel), ("owner", &t.owner)] {
                    if let Some(v) = value {
                        check(key, at(key), v);
                    }
                }
                for actor in &t.actors {
                    check("actors", at("actors"), actor);
                }
                // The priorities panel prints the agreed action.
                if let Some(action) = &t.action {
                    check("action", at("action"), action);
                }
            }
        }
        fields.into_iter().map(|(key, span, chars)| missing_glyph(&key, span, &chars)).collect()
    }
}

fn missing_glyph(key: &str, span: Span, chars: &[char]) -> Diagnostic {
    // A control character is named by its code point only: printed, it
    // could drive the user's terminal.
    let names: Vec<String> = chars
        .iter()
        .map(|&c| if c.is_control() { format!("U+{:04X}", c as u32) } else { format!("'{c}' (U+{:04X})", c as u32) })
        .collect();
    let plural = if chars.len() == 1 { "" } else { "s" };
    Diagnostic::new(
        Code::MissingGlyph,
        span,
        key,
        format!("no loaded font can draw the character{plural} {} in '{key}'", names.join(", ")),
    )
    .with_hint("add a font that covers it with --font FILE (for example Noto Sans CJK for Chinese, Japanese or Korean)")
}

/// A theme that cannot be loaded, as a diagnostic: in the theme file when
/// the file is broken (with a label at the map's `theme` key), at the key
/// otherwise.
fn theme_diagnostics(parsed: &mut Parsed, error: ThemeError, at: Span) -> Vec<Diagnostic> {
    vec![match error {
        ThemeError::Invalid(source, problems) => {
            let file: FileId = parsed.files.add(source);
            return problems
                .into_iter()
                .map(|problem| {
                    let mut d = problem.in_file(file);
                    d.code = Code::UnknownTheme;
                    d.labels.push(Label { file: FileId::MAP, span: at.clone(), message: "theme chosen here".into() });
                    d
                })
                .collect();
        }
        ThemeError::Io(..) => Diagnostic::new(Code::UnknownTheme, at, "theme", error.to_string()).with_hint(
            "theme paths are relative to the map file; or use a built-in theme: ".to_owned()
                + &theme::BUILTIN_NAMES.join(", "),
        ),
        ThemeError::Unknown(_) => Diagnostic::new(Code::UnknownTheme, at, "theme", error.to_string())
            .with_hint(format!("built-in themes: {}", theme::BUILTIN_NAMES.join(", "))),
    }]
}
