//! `render`'s arguments, as clap reads them.

use std::path::PathBuf;

use clap::ValueEnum;
use journeymap::model::Size;

pub(crate) const AFTER_HELP: &str = "\
Examples:
  journeymap render map.toml -o map.png                      PNG at 150 dpi
  journeymap render map.toml -o map.svg -o map.png           lay out once, write both
  journeymap render map.toml --size A1 -o print.pdf          a vector PDF for the print shop
  journeymap render map.toml --size A2 -o poster.png         fit an A2 landscape page
  journeymap render map.toml --width 1200 -o preview.png     a 1200 px wide preview
  journeymap render map.toml --font NotoSansJP.ttf -o jp.svg add a font for Japanese
  journeymap render map.toml --highlight-owner Sales -o s.png Sales's copy: the rest muted
  journeymap render map.toml --per-owner copies/             one PNG per owner, on every core
  journeymap render - -o - < map.toml > map.svg              standard input to standard output

Sizes: A0–A6, Letter, Legal, Tabloid, Slide (1920×1080 px), \"W x H unit\" (mm, in, px), or auto.";

#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// The map file, or - for standard input.
    pub(crate) map: PathBuf,
    /// An output file: .svg, .png or .pdf (repeatable). - writes to standard
    /// output in the format given by --stdout-format.
    #[arg(short, long = "output", value_name = "OUT", required_unless_present = "per_owner")]
    pub(crate) outputs: Vec<PathBuf>,
    /// Keep this owner's touchpoints at full strength and mute the others:
    /// a department's copy of the poster. The owner is matched without
    /// regard to case; an unknown one is an error that lists the owners.
    #[arg(long, value_name = "NAME", conflicts_with = "per_owner")]
    pub(crate) highlight_owner: Option<String>,
    /// Write one department's copy per owner into DIR, named after the
    /// owner (DIR/customer-service.png), in one run on every core. The
    /// formats follow the -o outputs (PNG when there are none).
    #[arg(long, value_name = "DIR")]
    pub(crate) per_owner: Option<PathBuf>,
    /// A built-in theme name or a theme file (overrides the map's `theme`).
    #[arg(long, value_name = "NAME|PATH")]
    pub(crate) theme: Option<String>,
    /// The page size (overrides the map's [poster] size).
    #[arg(long, value_name = "SIZE", value_parser = parse_size)]
    pub(crate) size: Option<Size>,
    /// The page orientation (overrides the map's).
    #[arg(long, value_enum)]
    pub(crate) orientation: Option<OrientationArg>,
    /// The layout: `full`, the whole poster (refused where it does not fit
    /// at 6 pt); `summary`, one page that tells the story (title,
    /// headline, stages, curve, health, top priorities, legend); or
    /// `wall`, for reading from two metres: card titles at 18 pt or more
    /// (24 pt from A1 up), the question rows on a sheet of their own (PDF
    /// page 2, or OUT-2.png beside OUT.png), and the cards on sheets after
    /// the story where they do not fit beside it. Without it: the summary
    /// on A4, A5, A6, Letter, Legal and sizes in px, and wherever the full
    /// poster would not fit; the full poster elsewhere.
    #[arg(long, value_enum)]
    pub(crate) layout: Option<LayoutArg>,
    /// A font file to use for characters Inter cannot draw, e.g. a CJK font
    /// (repeatable). No system font is ever read otherwise.
    #[arg(long = "font", value_name = "FILE")]
    pub(crate) fonts: Vec<PathBuf>,
    /// PNG resolution in dots per inch at the poster's physical size [default: 150].
    #[arg(long, value_name = "N", conflicts_with_all = ["scale", "width"], allow_negative_numbers = true)]
    pub(crate) dpi: Option<f64>,
    /// PNG size as a multiple of the SVG's CSS px size.
    #[arg(long, value_name = "F", conflicts_with = "width", allow_negative_numbers = true)]
    pub(crate) scale: Option<f64>,
    /// PNG width in pixels; the height follows.
    #[arg(long, value_name = "PX")]
    pub(crate) width: Option<u32>,
    /// Leave the page background out (SVG and PNG).
    #[arg(long)]
    pub(crate) transparent: bool,
    /// Do not embed the fonts in SVG files. By default the faces the poster
    /// uses travel inside the SVG, cut down to the characters drawn (about
    /// 20 KB each), so any browser shows exactly the PNG's text; without
    /// them, viewers need Inter installed.
    #[arg(long)]
    pub(crate) no_embed_fonts: bool,
    /// Draw the SVG's text as glyph outlines: the file needs no font (for
    /// print shops and drawing programs); each line keeps its words in an
    /// aria-label. PNG and PDF are unchanged.
    #[arg(long)]
    pub(crate) text_as_paths: bool,
    /// The format written for `-o -`.
    #[arg(long, value_enum, default_value_t = StdoutFormat::Svg)]
    pub(crate) stdout_format: StdoutFormat,
    /// Write a 16:9 slide deck instead of a poster: an overview (spine,
    /// curve, health), each stage with its answers and cards in full, and
    /// the priorities, with no text under 18 px at 1920×1080. `-o deck.pdf`
    /// writes one PDF (a bookmark a slide); `-o slides/` writes numbered
    /// PNGs (slides/slide-01.png, …) at 1920×1080 unless --width or
    /// --scale says otherwise.
    #[arg(
        long,
        conflicts_with_all = ["per_owner", "size", "orientation", "dpi", "bleed", "tile", "text_as_paths", "no_embed_fonts"]
    )]
    pub(crate) deck: bool,
    /// Extend the background MM millimetres past the poster's edges and
    /// draw crop marks outside it, for a print shop (3 is usual; 0–25). The
    /// PDF names the trim and bleed boxes; SVG and PNG show the marks too.
    #[arg(long, value_name = "MM", conflicts_with_all = ["tile", "per_owner", "transparent"], allow_negative_numbers = true)]
    pub(crate) bleed: Option<f64>,
    /// Cut the poster, at its size, into pages of this paper (A4, A3,
    /// Letter, …) in one PDF, for a team without a plotter: 10 mm margins,
    /// neighbours overlapping by 10 mm with crosses to lay on each other,
    /// cut ticks, and "row r, column c of R × C" on each page.
    #[arg(long, value_name = "PAPER", value_parser = parse_size, conflicts_with = "per_owner")]
    pub(crate) tile: Option<Size>,
    /// With --tile: shrink the poster to the fewest sheets its smallest
    /// text allows (6 pt), cut between boxes and never through a line of
    /// a card or cell, and put a page first that shows how the sheets go
    /// together.
    #[arg(long, requires = "tile")]
    pub(crate) fit: bool,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub(crate) enum LayoutArg {
    Full,
    Summary,
    Wall,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub(crate) enum OrientationArg {
    Landscape,
    Portrait,
}

/// The format written for `-o -`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum StdoutFormat {
    Svg,
    Png,
    Pdf,
}

/// A size as `--size` and `--tile` take it, with the hint on what sizes
/// there are.
pub(crate) fn parse_size(s: &str) -> Result<Size, String> {
    s.parse::<Size>().map_err(|e| format!("{e}; {}", e.hint()))
}

/// The picture options another command (`diff`) takes, for a render of
/// its own.
pub(crate) struct Picture {
    pub(crate) map: PathBuf,
    pub(crate) outputs: Vec<PathBuf>,
    pub(crate) theme: Option<String>,
    pub(crate) size: Option<Size>,
    pub(crate) orientation: Option<OrientationArg>,
    pub(crate) layout: Option<LayoutArg>,
    pub(crate) fonts: Vec<PathBuf>,
    pub(crate) dpi: Option<f64>,
    pub(crate) scale: Option<f64>,
    pub(crate) width: Option<u32>,
    pub(crate) transparent: bool,
    pub(crate) text_as_paths: bool,
}

impl Args {
    /// `render`'s arguments for a poster with `picture`'s options and
    /// nothing else (no deck, tiles or department copies).
    pub(crate) fn for_picture(p: Picture) -> Args {
        Args {
            map: p.map,
            outputs: p.outputs,
            highlight_owner: None,
            per_owner: None,
            theme: p.theme,
            size: p.size,
            orientation: p.orientation,
            layout: p.layout,
            fonts: p.fonts,
            dpi: p.dpi,
            scale: p.scale,
            width: p.width,
            transparent: p.transparent,
            no_embed_fonts: false,
            text_as_paths: p.text_as_paths,
            stdout_format: StdoutFormat::Svg,
            deck: false,
            bleed: None,
            tile: None,
            fit: false,
        }
    }
}
