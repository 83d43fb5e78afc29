//! `journeymap canvas`: arguments → one render request for the workshop
//! canvas (or its cards) → notes and files, all written or none.

use std::path::{Path, PathBuf};

use journeymap::labels::Lang;
use journeymap::layout::BlankStages;
use journeymap::model::{Orientation, Size};
use journeymap::output::Resolution;
use journeymap::paint::SvgOptions;
use journeymap::render::{Furniture, Job, Medium, Output, OutputFormat, Renderer, Request, Target};

use super::render::{self, OrientationArg, Prepared, StdoutFormat, load_fonts, load_theme, parse_size};
use super::terminal::say;
use super::{Failure, Outcome, Status, load, refuse_the_input};

pub(crate) const AFTER_HELP: &str = "\
Examples:
  journeymap canvas --stages 7 -o canvas.pdf                 seven blank stages on A0
  journeymap canvas --stages \"Awareness,Booking,Flight\" --size A1 -o canvas.pdf
  journeymap canvas --lang de -o leinwand.pdf                a blank canvas in German
  journeymap canvas map.toml --size A1 -o canvas.png         what the map holds, printed
  journeymap canvas map.toml --size A0 --tile A3 -o tiles.pdf  A0 on A3 sheets
  journeymap canvas map.toml --cards -o cards.pdf            touchpoints as cut-out cards

Each slot is a 76 mm (3 in) sticky note at print size. A page too small for one
slot per stage is refused with a size or tiling that fits; slots never shrink.";

#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// A map whose stages, answers and touchpoints are printed; without
    /// it the canvas is blank. - reads standard input.
    pub(crate) map: Option<PathBuf>,
    /// An output file: .svg, .png or .pdf (repeatable). - writes to
    /// standard output in the format given by --stdout-format.
    #[arg(short, long = "output", value_name = "OUT", required = true)]
    pub(crate) outputs: Vec<PathBuf>,
    /// The stage columns of a blank canvas: names separated by commas
    /// ("Awareness,Booking,Return"), or a number of blank headers to write
    /// on (default 6).
    #[arg(long, value_name = "NAMES|N", conflicts_with = "map", value_parser = parse_stages)]
    pub(crate) stages: Option<BlankStages>,
    /// The language of the canvas's words (en, de, fr, es, nl, pl, sv);
    /// without it, the map's, or English for a blank canvas.
    #[arg(long, value_name = "LANG", value_parser = parse_lang)]
    pub(crate) lang: Option<Lang>,
    /// Write the map's touchpoints as cut-out cards instead: 76 mm squares
    /// with crop marks, several to a sheet (A4 unless --size says), each
    /// with its name, channel and owner and empty marks to tick.
    #[arg(long, requires = "map", conflicts_with_all = ["tile", "bleed"])]
    pub(crate) cards: bool,
    /// A built-in theme name or a theme file (overrides the map's `theme`).
    #[arg(long, value_name = "NAME|PATH")]
    pub(crate) theme: Option<String>,
    /// The page: A0 (the default), A1, A2, A3, a size such as
    /// "1700x841mm", or auto (the smallest A size that holds the stages).
    #[arg(long, value_name = "SIZE", value_parser = parse_size)]
    pub(crate) size: Option<Size>,
    /// The page orientation (landscape by default; portrait for cards).
    #[arg(long, value_enum)]
    pub(crate) orientation: Option<OrientationArg>,
    /// Print the canvas at its size on overlapping pages of this paper
    /// (A4, A3, Letter…) in one PDF, to tape together on the wall.
    #[arg(long, value_name = "PAPER", value_parser = parse_size)]
    pub(crate) tile: Option<Size>,
    /// Extend the background MM millimetres past the edges, with crop
    /// marks, for a print shop (0–25).
    #[arg(long, value_name = "MM", conflicts_with = "tile", allow_negative_numbers = true)]
    pub(crate) bleed: Option<f64>,
    /// A font file for characters Inter cannot draw (repeatable).
    #[arg(long = "font", value_name = "FILE")]
    pub(crate) fonts: Vec<PathBuf>,
    /// PNG resolution in dots per inch at print size [default: 150].
    #[arg(long, value_name = "N", conflicts_with = "width", allow_negative_numbers = true)]
    pub(crate) dpi: Option<f64>,
    /// PNG width in pixels; the height follows.
    #[arg(long, value_name = "PX")]
    pub(crate) width: Option<u32>,
    /// The format written for `-o -`.
    #[arg(long, value_enum, default_value_t = StdoutFormat::Svg)]
    pub(crate) stdout_format: StdoutFormat,
}

/// `--stages`: a count or names.
fn parse_stages(s: &str) -> Result<BlankStages, String> {
    s.parse().map_err(|e: journeymap::layout::BlankStagesError| e.to_string())
}

/// `--lang`: a built-in language's tag.
fn parse_lang(s: &str) -> Result<Lang, String> {
    Lang::from_tag(s).ok_or_else(|| {
        let codes: Vec<&str> = Lang::ALL.iter().map(|l| l.code()).collect();
        format!("'{s}' is not a built-in language; give one of {}", codes.join(", "))
    })
}

pub(crate) fn run(args: &Args) -> Outcome {
    let resolution = match (args.dpi, args.width) {
        (Some(d), _) => Resolution::Dpi(d),
        (_, Some(w)) => Resolution::Width(w),
        _ => Resolution::default(),
    };
    let outputs = args.outputs.iter().map(|path| output(args, path, resolution)).collect::<Result<Vec<_>, _>>()?;
    if let Some(map) = &args.map {
        args.outputs.iter().try_for_each(|path| refuse_the_input(Some(path), map))?;
    }
    let mut job = Job {
        size: args.size,
        orientation: args.orientation.map(|o| match o {
            OrientationArg::Landscape => Orientation::Landscape,
            OrientationArg::Portrait => Orientation::Portrait,
        }),
        medium: if args.cards { Medium::Cards { lang: args.lang } } else { Medium::Canvas { lang: args.lang } },
        furniture: match (args.bleed, args.tile) {
            (Some(mm), _) => Some(Furniture::Bleed { mm }),
            (_, Some(paper)) => Some(Furniture::Tiles { paper }),
            _ => None,
        },
        outputs,
        ..Job::default()
    };
    job.check().map_err(|e| Failure::usage(e.to_string()))?;
    let renderer = Renderer::new(load_fonts(&args.fonts)?);
    job.theme = args.theme.as_deref().map(load_theme).transpose()?;
    let request = match &args.map {
        Some(map) => Request::new(load(map)?, job.clone()),
        None => Request::blank(&args.stages.clone().unwrap_or_default(), job.clone()),
    };
    let rendered = renderer.render(&request).map_err(|e| render::failure(&e))?;
    if let Some(map) = &args.map {
        render::report_warnings(map, &rendered.map);
    }
    for text in rendered.notes.iter().filter_map(render::messages::note) {
        say!("{text}");
    }
    let one_page = job.outputs.iter().any(|o| !matches!(o.format, OutputFormat::Pdf));
    if rendered.sheet.pages > 1 && one_page && job.furniture.is_none() {
        say!(
            "note: an SVG or PNG shows the first of the {} sheets; a PDF (-o cards.pdf) holds them all",
            rendered.sheet.pages
        );
    }
    render::write(&Prepared { renderer, job }, &rendered)?;
    Ok(Status::Ok)
}

/// The output `path` asks for: its target and, from its extension, its
/// format.
fn output(args: &Args, path: &Path, resolution: Resolution) -> Result<Output, Failure> {
    let svg = OutputFormat::Svg(SvgOptions::default());
    let png = OutputFormat::Png { resolution, transparent: false };
    if path == Path::new("-") {
        let format = match args.stdout_format {
            StdoutFormat::Svg => svg,
            StdoutFormat::Png => png,
            StdoutFormat::Pdf => OutputFormat::Pdf,
        };
        return Ok(Output::new(Target::Stdout, format));
    }
    let format = match path.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase).as_deref() {
        Some("svg") => svg,
        Some("png") => png,
        Some("pdf") => OutputFormat::Pdf,
        _ => return Err(Failure::usage(format!("{}: the extension must be .svg, .png or .pdf", path.display()))),
    };
    Ok(Output::new(Target::File(path.to_path_buf()), format))
}
