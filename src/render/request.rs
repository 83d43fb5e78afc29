//! A render request: the map and everything asked of it — theme, page,
//! medium, print furniture, department copies and outputs — made in one
//! call that returns the outputs' bytes (nothing written yet) and notes.
//!
//! Every front end builds a [`Request`] and hands it to
//! [`Renderer::render`](super::Renderer::render): `render`, `watch` and
//! `serve` on the command line, and any program using the crate. Writing
//! the files is the caller's (see [`crate::output::write_all_atomic`]), so
//! a failure anywhere leaves nothing behind.

use std::fmt;
use std::path::PathBuf;

use super::OutputFormat;
use super::notes::Note;
use crate::layout::{self, Document, MAX_BLEED_MM};
use crate::model::{Orientation, Size};
use crate::parse::{self, Parsed};
use crate::theme::Theme;
use crate::units::Length;

/// A map and what to make of it.
#[derive(Debug, Clone)]
pub struct Request {
    /// The map as read; the render adds the theme's and the fonts'
    /// diagnostics to a copy, returned in [`Rendered::map`].
    pub map: Parsed,
    /// What to make of it.
    pub job: Job,
}

impl Request {
    /// A request for an already parsed map.
    pub fn new(map: Parsed, job: Job) -> Request {
        Request { map, job }
    }

    /// A request for a canvas without a map: `stages` names its columns
    /// or counts its blank headers (see [`layout::blank_journey`]).
    pub fn blank(stages: &layout::BlankStages, job: Job) -> Request {
        let map = Parsed {
            files: crate::diag::Files::new(crate::diag::Source::new("<canvas>", "")),
            base_dir: None,
            journey: Some(layout::blank_journey(stages)),
            diagnostics: Vec::new(),
        };
        Request { map, job }
    }

    /// A request for map text: `name` labels its diagnostics, and a theme
    /// file it names is read from the current directory.
    pub fn from_source(name: &str, text: &str, job: Job) -> Request {
        Request { map: parse::parse_str(name, text, &parse::Options::default()), job }
    }
}

/// What to make of a map, apart from the map: built once from the command
/// line or a program's settings, and kept for every render of a session
/// (`watch` and `serve` render the same job after every save).
#[derive(Debug, Clone, Default)]
pub struct Job {
    /// A theme to use whatever the map names (`--theme`); `None` keeps the
    /// renderer's, or else the map's.
    pub theme: Option<Theme>,
    /// The page size; `None` keeps the renderer's, or else the map's.
    pub size: Option<Size>,
    /// The orientation; `None` keeps the renderer's, or else the map's.
    pub orientation: Option<Orientation>,
    /// An owner whose touchpoints stay at full strength, the others muted
    /// (a department's copy).
    pub highlight: Option<String>,
    /// The poster's layout; `None` picks by the page (see
    /// [`layout::PosterLayout::for_size`]).
    pub layout: Option<layout::PosterLayout>,
    /// A poster, or a deck of slides.
    pub medium: Medium,
    /// Bleed and crop marks, or tiles, for printing a poster.
    pub furniture: Option<Furniture>,
    /// Tiles scaled to the fewest sheets, cut clear of text, after an
    /// assembly page (see [`layout::fitted_tiles`]); only with tiles.
    pub fit_tiles: bool,
    /// One department's copy per owner, besides the outputs.
    pub per_owner: Option<OwnerCopies>,
    /// What to produce, in order.
    pub outputs: Vec<Output>,
    /// Changes to mark on the poster (`journeymap diff`): the map is the
    /// new version, and the overlay says what changed since the old.
    pub diff: Option<std::sync::Arc<crate::diff::Overlay>>,
}

/// What the map is laid out as.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Medium {
    /// One page, the whole journey at a glance.
    #[default]
    Poster,
    /// 16:9 slides, the overview and each stage in full (see
    /// [`layout::deck`]).
    Deck,
    /// The workshop canvas: the stages, questions and sticky-note slots
    /// to fill in by hand, with what the map already holds printed (see
    /// [`layout::canvas`]).
    Canvas {
        /// The canvas's language over the map's.
        lang: Option<crate::labels::Lang>,
    },
    /// The map's touchpoints as cut-out cards with crop marks, several
    /// to a sheet (see [`layout::cards`]).
    Cards {
        /// The cards' language over the map's.
        lang: Option<crate::labels::Lang>,
    },
}

/// What a print shop or an office printer needs around a poster.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Furniture {
    /// The background run past the edges, with crop marks (see
    /// [`layout::with_bleed`]).
    Bleed {
        /// How far, in millimetres (0 to [`MAX_BLEED_MM`]).
        mm: f64,
    },
    /// The poster cut into overlapping pages of a paper (see
    /// [`layout::tiles`]).
    Tiles {
        /// The paper: a [`Size::Paper`].
        paper: Size,
    },
}

/// Department copies: one poster per owner, each highlighting its owner.
#[derive(Debug, Clone, PartialEq)]
pub struct OwnerCopies {
    /// The folder they go in, each named after its owner
    /// (`customer-service.png`).
    pub folder: PathBuf,
    /// The formats each copy is made in.
    pub formats: Vec<OutputFormat>,
}

/// One output asked for: where it goes and what it is.
#[derive(Debug, Clone, PartialEq)]
pub struct Output {
    /// Where it goes.
    pub target: Target,
    /// What it is.
    pub format: OutputFormat,
}

impl Output {
    /// An output of `format` to `target`.
    pub fn new(target: Target, format: OutputFormat) -> Output {
        Output { target, format }
    }
}

/// Where an output goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    /// A file.
    File(PathBuf),
    /// A folder of numbered slides (`slide-01.png`, …): a deck only.
    Folder(PathBuf),
    /// Standard output.
    Stdout,
    /// Nowhere: the caller keeps the bytes (a preview server).
    Memory,
}

impl fmt::Display for Target {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Target::File(path) | Target::Folder(path) => write!(f, "{}", path.display()),
            Target::Stdout => f.write_str("-"),
            Target::Memory => f.write_str("(memory)"),
        }
    }
}

/// A request that asks for something impossible, whatever the map.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum RequestError {
    /// Two outputs to standard output would mix.
    #[error("only one -o may be - (standard output)")]
    StdoutTwice,
    /// Tiles are pages to print: one PDF.
    #[error("{0}: --tile writes the tiles as one PDF to print (-o tiles.pdf)")]
    TilesNeedPdf(Target),
    /// Tiles need a paper, not an automatic or custom size.
    #[error("--tile {0}: give a paper size such as A4, A3 or Letter")]
    TilePaper(Size),
    /// `--fit` fits tiles: without `--tile` there are none.
    #[error("--fit fits the poster to tiles: give --tile A4 (or another paper) with it")]
    FitWithoutTiles,
    /// The bleed is negative, not a number, or too long.
    #[error("a bleed of {0} mm is out of range: give 0 to {MAX_BLEED_MM} mm (3 mm is usual)")]
    Bleed(f64),
    /// A PPTX holds slides: a deck.
    #[error("{0}: a .pptx holds a slide deck: add --deck")]
    PptxIsADeck(Target),
    /// A deck is one PDF or PPTX, or a folder of PNGs.
    #[error(
        "{0}: a deck is written as a PDF (-o deck.pdf), a PowerPoint file (-o deck.pptx) or as numbered PNGs in a folder (-o slides/)"
    )]
    DeckOutput(Target),
    /// A folder holds a deck's slides; a poster is one file.
    #[error("{0}: a folder takes a deck's slides (--deck); a poster is written to a .svg, .png or .pdf file")]
    FolderForPoster(Target),
    /// Print furniture and department copies are for posters.
    #[error("a deck has no {0}; it applies to a poster")]
    NotForDeck(&'static str),
    /// The wall layout's sheets are printed whole, each on its paper.
    #[error("the wall layout has no {0}; it applies to the full poster (--layout full)")]
    NotForWall(&'static str),
    /// The wall layout made several sheets; standard output takes one.
    #[error(
        "the wall layout makes {0} sheets and standard output takes one file: write them to files (-o wall.png writes wall.png, wall-2.png, …) or to one PDF, a page a sheet (-o wall.pdf)"
    )]
    SheetsToStdout(usize),
    /// What shrinks, highlights or splits a poster has no place on the
    /// workshop canvas or its cards.
    #[error("the workshop canvas and its cards have no {0}")]
    NotForCanvas(&'static str),
}

impl Job {
    /// The job with each PNG's [`Resolution::Natural`] settled for a page
    /// of `size`: 1:1 on a page sized in pixels, 150 dpi on paper.
    ///
    /// [`Resolution::Natural`]: crate::output::Resolution::Natural
    pub(crate) fn settled(&self, size: crate::model::Size) -> Job {
        let pixels = size.in_pixels();
        let settle = |format: &mut OutputFormat| {
            if let OutputFormat::Png { resolution, .. } = format {
                *resolution = resolution.for_page(pixels);
            }
        };
        let mut job = self.clone();
        job.outputs.iter_mut().for_each(|o| settle(&mut o.format));
        if let Some(copies) = &mut job.per_owner {
            copies.formats.iter_mut().for_each(settle);
        }
        job
    }

    /// Checks what can be checked without the map, so that a mistake costs
    /// nothing (the command line calls this before reading the map).
    ///
    /// # Errors
    /// The first impossible thing asked, as a [`RequestError`].
    pub fn check(&self) -> Result<(), RequestError> {
        if self.outputs.iter().filter(|o| o.target == Target::Stdout).count() > 1 {
            return Err(RequestError::StdoutTwice);
        }
        match self.medium {
            Medium::Deck => self.check_deck(),
            Medium::Poster => self.check_poster(),
            Medium::Canvas { .. } | Medium::Cards { .. } => self.check_canvas(),
        }
    }

    /// A canvas is a poster's page without its copies; its slots never
    /// shrink, so tiles are cut at its size; cards carry their own marks.
    fn check_canvas(&self) -> Result<(), RequestError> {
        if self.per_owner.is_some() || self.highlight.is_some() {
            return Err(RequestError::NotForCanvas("department copies (--per-owner, --highlight-owner)"));
        }
        if self.fit_tiles {
            return Err(RequestError::NotForCanvas("--fit: it would shrink the sticky-note slots; tile at full size"));
        }
        if matches!(self.medium, Medium::Cards { .. }) && self.furniture.is_some() {
            return Err(RequestError::NotForCanvas("--bleed or --tile on the cards: they carry their own crop marks"));
        }
        self.check_poster()
    }

    fn check_deck(&self) -> Result<(), RequestError> {
        if self.furniture.is_some() {
            return Err(RequestError::NotForDeck("print furniture (--bleed, --tile)"));
        }
        if self.per_owner.is_some() {
            return Err(RequestError::NotForDeck("department copies (--per-owner)"));
        }
        for output in &self.outputs {
            let fits = match output.target {
                Target::Folder(_) => matches!(output.format, OutputFormat::Png { .. }),
                _ => matches!(output.format, OutputFormat::Pdf | OutputFormat::Pptx),
            };
            if !fits {
                return Err(RequestError::DeckOutput(output.target.clone()));
            }
        }
        Ok(())
    }

    fn check_poster(&self) -> Result<(), RequestError> {
        if self.layout == Some(layout::PosterLayout::Wall) {
            if self.furniture.is_some() {
                return Err(RequestError::NotForWall("print furniture (--bleed, --tile)"));
            }
            if self.per_owner.is_some() {
                return Err(RequestError::NotForWall("department copies (--per-owner)"));
            }
        }
        if let Some(output) = self.outputs.iter().find(|o| o.format == OutputFormat::Pptx) {
            return Err(RequestError::PptxIsADeck(output.target.clone()));
        }
        if let Some(output) = self.outputs.iter().find(|o| matches!(o.target, Target::Folder(_))) {
            return Err(RequestError::FolderForPoster(output.target.clone()));
        }
        match self.furniture {
            Some(Furniture::Tiles { paper }) => {
                if let Some(output) = self.outputs.iter().find(|o| o.format != OutputFormat::Pdf) {
                    return Err(RequestError::TilesNeedPdf(output.target.clone()));
                }
                if !matches!(paper, Size::Paper(_)) {
                    return Err(RequestError::TilePaper(paper));
                }
            }
            Some(Furniture::Bleed { mm }) if !(0.0..=MAX_BLEED_MM).contains(&mm) => {
                return Err(RequestError::Bleed(mm));
            }
            _ => {}
        }
        if self.fit_tiles && !matches!(self.furniture, Some(Furniture::Tiles { .. })) {
            return Err(RequestError::FitWithoutTiles);
        }
        Ok(())
    }

    /// Whether an SVG output carries its fonts (so a face that cannot
    /// travel is worth a note). Outlined text carries no fonts.
    pub(crate) fn svg_embeds(&self) -> bool {
        self.outputs
            .iter()
            .any(|o| matches!(o.format, OutputFormat::Svg(options) if options.embed_fonts && !options.text_as_paths))
    }
}

/// What a render made: the outputs, not yet written, and what to tell the
/// user.
#[derive(Debug, Clone)]
pub struct Rendered {
    /// The map with every diagnostic found (parsing, the theme, characters
    /// no font draws); none is an error.
    pub map: Parsed,
    /// Every output, the department copies after the outputs asked for.
    pub outputs: Vec<Produced>,
    /// Notes about the poster or deck, in the order worth reading.
    pub notes: Vec<Note>,
    /// What the outputs show.
    pub sheet: Sheet,
}

impl Rendered {
    /// The outputs that go to files, as [`crate::output::write_all_atomic`]
    /// takes them.
    pub fn files(&self) -> Vec<(&std::path::Path, &[u8])> {
        self.outputs
            .iter()
            .filter_map(|o| match &o.destination {
                Destination::File(path) => Some((path.as_path(), o.bytes.as_slice())),
                _ => None,
            })
            .collect()
    }

    /// The bytes for standard output, if an output goes there.
    pub fn stdout(&self) -> Option<&[u8]> {
        self.outputs.iter().find(|o| o.destination == Destination::Stdout).map(|o| o.bytes.as_slice())
    }

    /// The bytes of the first output kept in memory.
    pub fn memory(&self) -> Option<&[u8]> {
        self.outputs.iter().find(|o| o.destination == Destination::Memory).map(|o| o.bytes.as_slice())
    }
}

/// One output made.
#[derive(Debug, Clone, PartialEq)]
pub struct Produced {
    /// Where it is to be written.
    pub destination: Destination,
    /// What it is.
    pub format: OutputFormat,
    /// Its bytes.
    pub bytes: Vec<u8>,
    /// The owner a department copy highlights; `None` for the outputs
    /// asked for.
    pub owner: Option<String>,
}

/// Where a made output is to be written: a folder target has become a
/// file per slide.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Destination {
    /// A file.
    File(PathBuf),
    /// Standard output.
    Stdout,
    /// The caller's to keep.
    Memory,
}

/// The pages the outputs asked for show (department copies have the same
/// size), for messages such as "wrote map.pdf (one page, 841×594 mm)".
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Sheet {
    /// How many pages (tiles, slides).
    pub pages: usize,
    /// The first page's width in CSS px.
    pub width_px: f64,
    /// The first page's height in CSS px.
    pub height_px: f64,
    /// The bleed past the trim, when the page has one, in millimetres.
    pub bleed_mm: Option<f64>,
    /// Whether every page has the first page's size (tiles, slides); a
    /// folded poster's unfolded page, or the full list of actions, may not.
    pub same_size: bool,
}

impl Sheet {
    /// The sheet of a laid-out document.
    pub(crate) fn of(document: &Document) -> Sheet {
        let page = document.page();
        Sheet {
            pages: document.pages.len(),
            width_px: page.size.width,
            height_px: page.size.height,
            bleed_mm: page.print.map(|boxes| Length::px(boxes.trim.x - boxes.bleed.x).to_mm()),
            same_size: document.pages.iter().all(|p| p.size == page.size),
        }
    }

    /// The first page's width and height in millimetres.
    pub fn size_mm(&self) -> (f64, f64) {
        (Length::px(self.width_px).to_mm(), Length::px(self.height_px).to_mm())
    }
}

/// A file name for each owner: lower-case letters and digits joined by
/// hyphens ("Customer service" → "customer-service"), unique in the set.
pub(crate) fn file_stems(owners: &[String]) -> Vec<String> {
    let mut stems: Vec<String> = Vec::new();
    for (i, owner) in owners.iter().enumerate() {
        let mut stem = String::new();
        for c in owner.chars().flat_map(char::to_lowercase) {
            if c.is_alphanumeric() {
                stem.push(c);
            } else if !stem.is_empty() && !stem.ends_with('-') {
                stem.push('-');
            }
        }
        let stem = stem.trim_end_matches('-').chars().take(60).collect::<String>();
        let mut stem = if stem.is_empty() { format!("owner-{}", i + 1) } else { stem };
        let base = stem.clone();
        let mut n = 2;
        while stems.contains(&stem) {
            stem = format!("{base}-{n}");
            n += 1;
        }
        stems.push(stem);
    }
    stems
}

/// The page options of a job over the renderer's defaults.
pub(crate) fn page_options(job: &Job, defaults: &layout::Options) -> layout::Options {
    layout::Options {
        size: job.size.or(defaults.size),
        orientation: job.orientation.or(defaults.orientation),
        highlight: job.highlight.clone().or_else(|| defaults.highlight.clone()),
        layout: job.layout.or(defaults.layout),
        diff: job.diff.clone().or_else(|| defaults.diff.clone()),
    }
}

#[cfg(test)]
mod tests {
    use super::file_stems;

    #[test]
    fn owners_become_unique_file_stems() {
        let owners = ["Customer service", "customer-service", "!!!", "Ground ops / Gate"].map(str::to_owned);
        assert_eq!(file_stems(&owners), ["customer-service", "customer-service-2", "owner-3", "ground-ops-gate"]);
    }
}
