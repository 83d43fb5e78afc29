//! From `render`'s arguments to the library's render job: every argument
//! checked before the map is read, so a typo costs nothing.

use std::path::{Path, PathBuf};

use journeymap::layout::PosterLayout;
use journeymap::model::Orientation;
use journeymap::output::Resolution;
use journeymap::paint::SvgOptions;
use journeymap::render::{Furniture, Job, Medium, Output, OutputFormat, OwnerCopies, Renderer, Target};
use journeymap::text::Fonts;
use journeymap::theme::{Theme, ThemeError};

use super::args::{Args, LayoutArg, OrientationArg, StdoutFormat};
use crate::cli::{Failure, Status, report};

/// What a render needs besides the map, checked and built once: `watch`
/// keeps it, and its renderer stays warm between renders.
pub(crate) struct Prepared {
    pub(crate) renderer: Renderer,
    pub(crate) job: Job,
}

/// Checks the arguments and builds the renderer (fonts) and the job.
pub(crate) fn prepare(args: &Args) -> Result<Prepared, Failure> {
    let resolution = resolution(args);
    let outputs = args.outputs.iter().map(|path| output(args, path, resolution)).collect::<Result<Vec<_>, _>>()?;
    refuse_the_map(args)?;
    // A missing folder is made when the copies are written; something
    // else by that name is refused before any work.
    if let Some(dir) = args.per_owner.as_deref().filter(|d| d.exists() && !d.is_dir()) {
        return Err(Failure::usage(format!("--per-owner: {} is not a directory", dir.display())));
    }
    let per_owner = args.per_owner.as_ref().map(|folder| owner_copies(folder, &outputs, args, resolution));
    let mut job = Job {
        theme: None,
        size: args.size,
        orientation: args.orientation.map(|o| match o {
            OrientationArg::Landscape => Orientation::Landscape,
            OrientationArg::Portrait => Orientation::Portrait,
        }),
        highlight: args.highlight_owner.clone(),
        layout: args.layout.map(|l| match l {
            LayoutArg::Full => PosterLayout::Full,
            LayoutArg::Summary => PosterLayout::Summary,
            LayoutArg::Wall => PosterLayout::Wall,
        }),
        medium: if args.deck { Medium::Deck } else { Medium::Poster },
        furniture: match (args.bleed, args.tile) {
            (Some(mm), _) => Some(Furniture::Bleed { mm }),
            (_, Some(paper)) => Some(Furniture::Tiles { paper }),
            _ => None,
        },
        fit_tiles: args.fit,
        per_owner,
        outputs,
        diff: None,
    };
    job.check().map_err(|e| Failure::usage(e.to_string()))?;
    let renderer = Renderer::new(load_fonts(&args.fonts)?);
    // A --theme path is the user's, relative to where they are; a map's
    // `theme` is relative to the map, so the map can move with its theme.
    job.theme = args.theme.as_deref().map(load_theme).transpose()?;
    Ok(Prepared { renderer, job })
}

/// The PNG resolution asked for. Slides are screens: 1920×1080 px unless
/// the user sizes them; a poster is 150 dpi at its print size.
fn resolution(args: &Args) -> Resolution {
    match (args.dpi, args.scale, args.width) {
        (Some(d), _, _) => Resolution::Dpi(d),
        (_, Some(s), _) => Resolution::Scale(s),
        (_, _, Some(w)) => Resolution::Width(w),
        _ if args.deck => Resolution::Scale(1.0),
        _ => Resolution::default(),
    }
}

/// The output `path` asks for: its target and, from its extension, its
/// format. A deck also takes a folder, for numbered PNGs.
fn output(args: &Args, path: &Path, resolution: Resolution) -> Result<Output, Failure> {
    if path == Path::new("-") {
        let kind = match args.stdout_format {
            StdoutFormat::Svg => Kind::Svg,
            StdoutFormat::Png => Kind::Png,
            StdoutFormat::Pdf => Kind::Pdf,
        };
        return Ok(Output::new(Target::Stdout, kind.format(args, resolution)));
    }
    if args.deck && is_folder(path) {
        return Ok(Output::new(Target::Folder(path.to_path_buf()), Kind::Png.format(args, resolution)));
    }
    let kind = match path.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase).as_deref() {
        Some("svg") => Kind::Svg,
        Some("png") => Kind::Png,
        Some("pdf") => Kind::Pdf,
        Some("pptx") => Kind::Pptx,
        _ => {
            return Err(Failure::usage(format!("{}: the extension must be .svg, .png, .pdf or .pptx", path.display())));
        }
    };
    Ok(Output::new(Target::File(path.to_path_buf()), kind.format(args, resolution)))
}

/// A file format before its options.
#[derive(Clone, Copy)]
enum Kind {
    Svg,
    Png,
    Pdf,
    Pptx,
}

impl Kind {
    /// The format with the options the arguments give.
    fn format(self, args: &Args, resolution: Resolution) -> OutputFormat {
        match self {
            Kind::Svg => OutputFormat::Svg(SvgOptions {
                transparent: args.transparent,
                embed_fonts: !args.no_embed_fonts,
                text_as_paths: args.text_as_paths,
            }),
            Kind::Png => OutputFormat::Png { resolution, transparent: args.transparent },
            Kind::Pdf => OutputFormat::Pdf,
            Kind::Pptx => OutputFormat::Pptx,
        }
    }
}

/// Department copies follow the formats of the files asked for, PNG when
/// there are none.
fn owner_copies(folder: &Path, outputs: &[Output], args: &Args, resolution: Resolution) -> OwnerCopies {
    let mut formats: Vec<OutputFormat> = Vec::new();
    for output in outputs.iter().filter(|o| o.target != Target::Stdout) {
        if !formats.contains(&output.format) {
            formats.push(output.format);
        }
    }
    if formats.is_empty() {
        formats.push(Kind::Png.format(args, resolution));
    }
    OwnerCopies { folder: folder.to_path_buf(), formats }
}

/// The map is never touched: an output that is the map is refused.
fn refuse_the_map(args: &Args) -> Result<(), Failure> {
    args.outputs.iter().try_for_each(|path| crate::cli::refuse_the_input(Some(path), &args.map))
}

/// Whether an output path names a folder: one that exists, or a path
/// ending in `/`.
fn is_folder(path: &Path) -> bool {
    path.is_dir() || path.as_os_str().to_string_lossy().ends_with(std::path::MAIN_SEPARATOR)
}

/// The embedded fonts plus the user's `--font` files.
pub(crate) fn load_fonts(files: &[PathBuf]) -> Result<Fonts, Failure> {
    let mut fonts = Fonts::embedded();
    for path in files {
        // An unreadable file and one that is not a font alike: the input
        // could not be read as a font.
        fonts.add_file(path).map_err(|e| Failure { status: Status::Io, message: e.to_string() })?;
    }
    Ok(fonts)
}

/// A `--theme`: a built-in name, or a file relative to where the user is.
pub(crate) fn load_theme(reference: &str) -> Result<Theme, Failure> {
    Theme::resolve(reference, None).map_err(|e| match &e {
        ThemeError::Io(..) => Failure { status: Status::Io, message: e.to_string() },
        ThemeError::Invalid(source, d) => {
            report::human(&journeymap::diag::Files::new(source.clone()), d);
            Failure { status: Status::MapErrors, message: e.to_string() }
        }
        ThemeError::Unknown(_) => {
            Failure::usage(format!("{e}; built-in themes: {}", journeymap::theme::BUILTIN_NAMES.join(", ")))
        }
    })
}
