//! `journeymap diff`: two maps in; what changed out, as text, Markdown or
//! JSON on standard output, and as the new poster with every change
//! marked (`-o`). Exit status as diff(1): 0 the same (or no
//! `--exit-code`), 1 different with `--exit-code`, 2 trouble.

mod source;

use std::path::{Path, PathBuf};

use clap::ValueEnum;
use journeymap::diff::{self, Diff, Rename};
use journeymap::model::Size;
use journeymap::parse::Parsed;
use journeymap::render::Renderer;

use super::render::{self as render_cmd, parse_size};
use super::terminal::{Spelling, say};
use super::{Failure, Outcome, Status, report, write_stdout_as};

pub(crate) const AFTER_HELP: &str = "\
Examples:
  journeymap diff old.toml map.toml                      what changed, one line each
  journeymap diff HEAD~1:map.toml map.toml               against the last commit
  journeymap diff as-is.toml to-be.toml -o diff.png      the to-be poster with every change marked
  journeymap diff main:map.toml map.toml --format markdown > comment.md
  journeymap diff old.toml map.toml --rename \"Check in=Check-in\" --rename \"Booking/Phone=Call centre\"

Exit status (as diff): 0 the maps are the same (or --exit-code not given), 1 they differ
with --exit-code, 2 trouble (a map with errors, a bad argument, a file or git revision that
cannot be read).";

#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// The old map: a file, - for standard input, or REV:PATH for PATH as
    /// git has it at REV (HEAD~1:map.toml), read from the repository
    /// around PATH.
    old: String,
    /// The new map: a file, - for standard input, or REV:PATH.
    new: String,
    /// Settle a rename the tool cannot recognise: "Stage=New stage" or
    /// "Stage/Touchpoint=New name", old names on the left (repeatable).
    #[arg(long, value_name = "OLD=NEW", value_parser = parse_rename)]
    rename: Vec<Rename>,
    /// `text`: a line per change; `markdown`: a table per kind of change,
    /// for a pull-request comment; `json`: for scripts. Default: text,
    /// or nothing when -o writes a picture.
    #[arg(long, value_enum)]
    format: Option<DiffFormat>,
    /// Exit with 1 when the maps differ (0 when they are the same).
    #[arg(long)]
    exit_code: bool,
    /// Write the new poster with every change marked: .svg, .png or .pdf
    /// (repeatable).
    #[arg(short, long = "output", value_name = "OUT")]
    outputs: Vec<PathBuf>,
    /// A built-in theme name or a theme file, for the picture.
    #[arg(long, value_name = "NAME|PATH")]
    theme: Option<String>,
    /// The picture's page size, as for `render`.
    #[arg(long, value_name = "SIZE", value_parser = parse_size)]
    size: Option<Size>,
    /// The picture's orientation.
    #[arg(long, value_enum)]
    orientation: Option<render_cmd::OrientationArg>,
    /// The picture's layout, as for `render` (full or summary).
    #[arg(long, value_enum)]
    layout: Option<render_cmd::LayoutArg>,
    /// A font file for characters Inter cannot draw (repeatable).
    #[arg(long = "font", value_name = "FILE")]
    fonts: Vec<PathBuf>,
    /// PNG resolution in dots per inch [default: 150].
    #[arg(long, value_name = "N", conflicts_with_all = ["scale", "width"], allow_negative_numbers = true)]
    dpi: Option<f64>,
    /// PNG size as a multiple of the SVG's CSS px size.
    #[arg(long, value_name = "F", conflicts_with = "width", allow_negative_numbers = true)]
    scale: Option<f64>,
    /// PNG width in pixels.
    #[arg(long, value_name = "PX")]
    width: Option<u32>,
    /// Leave the page background out (SVG and PNG).
    #[arg(long)]
    transparent: bool,
    /// Draw the SVG's text as glyph outlines.
    #[arg(long)]
    text_as_paths: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum DiffFormat {
    Text,
    Markdown,
    Json,
}

fn parse_rename(s: &str) -> Result<Rename, String> {
    s.parse().map_err(|e: diff::DiffError| e.to_string())
}

/// Runs `diff`; every failure is trouble, exit status 2 (SPEC §6).
pub(crate) fn run(args: &Args) -> Outcome {
    compare(args).map_err(|f| Failure { status: Status::Usage, ..f })
}

fn compare(args: &Args) -> Outcome {
    if args.old == "-" && args.new == "-" {
        return Err(Failure::usage("only one of OLD and NEW can be - (standard input)"));
    }
    let prepared = picture_job(args)?;
    let fonts = super::render::load_fonts(&args.fonts)?;
    let renderer = Renderer::new(fonts);
    let old = checked(&renderer, &args.old)?;
    let new = checked(&renderer, &args.new)?;
    let (Some(a), Some(b)) = (&old.journey, &new.journey) else {
        return Err(Failure::usage("a map has errors"));
    };
    let changes = diff::compare(a, b, &args.rename).map_err(|e| Failure::usage(format!("--rename: {e}")))?;
    let format = match args.format {
        Some(DiffFormat::Text) => Some(diff::Format::Text),
        Some(DiffFormat::Markdown) => Some(diff::Format::Markdown),
        Some(DiffFormat::Json) => Some(diff::Format::Json),
        None if args.outputs.is_empty() => Some(diff::Format::Text),
        None => None,
    };
    if let Some(format) = format {
        let names = diff::Names { old: args.old.clone(), new: args.new.clone() };
        let spelling = if format == diff::Format::Json { Spelling::Json } else { Spelling::Braces };
        write_stdout_as(diff::format(&changes, format, &names).as_bytes(), spelling)?;
    }
    if let Some(prepared) = prepared {
        picture(prepared, new, a, &changes)?;
    }
    Ok(if args.exit_code && !changes.is_empty() { Status::MapErrors } else { Status::Ok })
}

/// Reads a map and reports its diagnostics as `check` does; a map with
/// errors is trouble, named.
fn checked(renderer: &Renderer, arg: &str) -> Result<Parsed, Failure> {
    let mut parsed = source::read(arg)?;
    renderer.check(&mut parsed);
    if !parsed.diagnostics.is_empty() {
        report::human(&parsed.files, &parsed.diagnostics);
        say!("{}", report::summary(&parsed));
    }
    if parsed.has_errors() || parsed.journey.is_none() {
        return Err(Failure::usage(format!("{arg} has errors (above); fix them to compare the maps")));
    }
    Ok(parsed)
}

/// The picture's render job, checked before any map is read; `None`
/// without `-o`.
fn picture_job(args: &Args) -> Result<Option<render_cmd::Prepared>, Failure> {
    if args.outputs.is_empty() {
        return Ok(None);
    }
    if matches!(args.layout, Some(render_cmd::LayoutArg::Wall)) {
        // The wall's sheets split the map by stage; its change marks are
        // made for the whole poster.
        return Err(Failure::usage(
            "--layout wall: a diff is drawn on the full poster or the summary; give --layout full or summary",
        ));
    }
    for output in &args.outputs {
        if output == Path::new("-") {
            return Err(Failure::usage("-o -: the summary goes to standard output; write the picture to a file"));
        }
        for input in [&args.old, &args.new] {
            super::refuse_the_input(Some(output), Path::new(input))?;
        }
    }
    let render_args = render_cmd::Args::for_picture(render_cmd::Picture {
        map: PathBuf::from(&args.new),
        outputs: args.outputs.clone(),
        theme: args.theme.clone(),
        size: args.size,
        orientation: args.orientation,
        layout: args.layout,
        fonts: args.fonts.clone(),
        dpi: args.dpi,
        scale: args.scale,
        width: args.width,
        transparent: args.transparent,
        text_as_paths: args.text_as_paths,
    });
    render_cmd::prepare(&render_args).map(Some)
}

/// Renders the new map with the changes marked and writes the files.
fn picture(
    mut prepared: render_cmd::Prepared,
    new: Parsed,
    old: &journeymap::model::Journey,
    changes: &Diff,
) -> Result<(), Failure> {
    prepared.job.diff = Some(std::sync::Arc::new(diff::Overlay::new(old, changes)));
    render_cmd::render_parsed(&prepared, new).map(|_| ())
}
