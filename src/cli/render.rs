//! `journeymap render`: map → layout (once) → SVG → each output.

use std::path::{Path, PathBuf};

use clap::ValueEnum;
use journeymap::diag::{Code, Files, Severity};
use journeymap::layout::{self, Document, LayoutError};
use journeymap::model::{Orientation, Size};
use journeymap::output::{self, Resolution};
use journeymap::paint::{self, SvgOptions};
use journeymap::render::{self, Renderer};
use journeymap::text::Fonts;
use journeymap::theme::{Theme, ThemeError};

use super::{Failure, Outcome, Status, load, report, write_stdout};

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
    outputs: Vec<PathBuf>,
    /// Keep this owner's touchpoints at full strength and mute the others:
    /// a department's copy of the poster. The owner is matched without
    /// regard to case; an unknown one is an error that lists the owners.
    #[arg(long, value_name = "NAME", conflicts_with = "per_owner")]
    highlight_owner: Option<String>,
    /// Write one department's copy per owner into DIR, named after the
    /// owner (DIR/customer-service.png), in one run on every core. The
    /// formats follow the -o outputs (PNG when there are none).
    #[arg(long, value_name = "DIR")]
    per_owner: Option<PathBuf>,
    /// A built-in theme name or a theme file (overrides the map's `theme`).
    #[arg(long, value_name = "NAME|PATH")]
    theme: Option<String>,
    /// The page size (overrides the map's [poster] size).
    #[arg(long, value_name = "SIZE", value_parser = parse_size)]
    size: Option<Size>,
    /// The page orientation (overrides the map's).
    #[arg(long, value_enum)]
    orientation: Option<OrientationArg>,
    /// A font file to use for characters Inter cannot draw, e.g. a CJK font
    /// (repeatable). No system font is ever read otherwise.
    #[arg(long = "font", value_name = "FILE")]
    fonts: Vec<PathBuf>,
    /// PNG resolution in dots per inch at the poster's physical size [default: 150].
    #[arg(long, value_name = "N", conflicts_with_all = ["scale", "width"], allow_negative_numbers = true)]
    dpi: Option<f64>,
    /// PNG size as a multiple of the SVG's CSS px size.
    #[arg(long, value_name = "F", conflicts_with = "width", allow_negative_numbers = true)]
    scale: Option<f64>,
    /// PNG width in pixels; the height follows.
    #[arg(long, value_name = "PX")]
    width: Option<u32>,
    /// Leave the page background out (SVG and PNG).
    #[arg(long)]
    transparent: bool,
    /// Do not embed the fonts in SVG files. By default the faces the poster
    /// uses travel inside the SVG, cut down to the characters drawn (about
    /// 20 KB each), so any browser shows exactly the PNG's text; without
    /// them, viewers need Inter installed.
    #[arg(long)]
    no_embed_fonts: bool,
    /// Draw the SVG's text as glyph outlines: the file needs no font (for
    /// print shops and drawing programs); each line keeps its words in an
    /// aria-label. PNG and PDF are unchanged.
    #[arg(long)]
    text_as_paths: bool,
    /// The format written for `-o -`.
    #[arg(long, value_enum, default_value_t = Format::Svg)]
    stdout_format: Format,
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
    deck: bool,
    /// Extend the background MM millimetres past the poster's edges and
    /// draw crop marks outside it, for a print shop (3 is usual; 0–25). The
    /// PDF names the trim and bleed boxes; SVG and PNG show the marks too.
    #[arg(long, value_name = "MM", conflicts_with_all = ["tile", "per_owner", "transparent"], allow_negative_numbers = true)]
    bleed: Option<f64>,
    /// Cut the poster, at its size, into pages of this paper (A4, A3,
    /// Letter, …) in one PDF, for a team without a plotter: 10 mm margins,
    /// neighbours overlapping by 10 mm with crosses to lay on each other,
    /// cut ticks, and "row r, column c of R × C" on each page.
    #[arg(long, value_name = "PAPER", value_parser = parse_size, conflicts_with = "per_owner")]
    tile: Option<Size>,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum OrientationArg {
    Landscape,
    Portrait,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    Svg,
    Png,
    Pdf,
}

impl Format {
    /// The library's format for this output, with the options `args` gives.
    fn render(self, args: &Args, resolution: Resolution) -> render::Format {
        match self {
            Format::Svg => render::Format::Svg(SvgOptions {
                transparent: args.transparent,
                embed_fonts: !args.no_embed_fonts,
                text_as_paths: args.text_as_paths,
            }),
            Format::Png => render::Format::Png { resolution, transparent: args.transparent },
            Format::Pdf => render::Format::Pdf,
        }
    }
}

fn parse_size(s: &str) -> Result<Size, String> {
    s.parse::<Size>().map_err(|e| format!("{e}; {}", e.hint()))
}

/// Whether an output path names a folder: one that exists, or a path
/// ending in `/`.
fn is_folder(path: &Path) -> bool {
    path.is_dir() || path.as_os_str().to_string_lossy().ends_with(std::path::MAIN_SEPARATOR)
}

/// The format an output path asks for.
fn format_of(path: &Path, stdout_format: Format) -> Result<Format, Failure> {
    if path == Path::new("-") {
        return Ok(stdout_format);
    }
    match path.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase).as_deref() {
        Some("svg") => Ok(Format::Svg),
        Some("png") => Ok(Format::Png),
        Some("pdf") => Ok(Format::Pdf),
        _ => Err(Failure::usage(format!("{}: the extension must be .svg, .png or .pdf", path.display()))),
    }
}

pub(crate) fn run(args: &Args) -> Outcome {
    let prepared = prepare(args)?;
    render(args, &prepared)
}

/// What a render needs besides the map, checked and built once: `watch`
/// and `serve` keep it, and its renderer stays warm between renders.
pub(crate) struct Prepared<'a> {
    pub(crate) renderer: Renderer,
    formats: Vec<(&'a Path, Format)>,
    resolution: Resolution,
}

/// Checks the arguments and builds the renderer (fonts, theme, page).
pub(crate) fn prepare(args: &Args) -> Result<Prepared<'_>, Failure> {
    // Check every argument before any work, so a typo costs nothing.
    let formats = if args.deck {
        deck_formats(args)?
    } else {
        args.outputs
            .iter()
            .map(|p| format_of(p, args.stdout_format).map(|f| (p.as_path(), f)))
            .collect::<Result<Vec<_>, _>>()?
    };
    // The map is never touched: an output that is the map is refused.
    if args.map != Path::new("-")
        && let Ok(map) = std::fs::canonicalize(&args.map)
    {
        for path in args.outputs.iter().filter(|p| *p != Path::new("-")) {
            if std::fs::canonicalize(path).is_ok_and(|p| p == map) {
                return Err(Failure::usage(format!(
                    "{} is the map itself; writing the poster there would replace it — choose another -o",
                    path.display()
                )));
            }
        }
    }
    if args.tile.is_some() {
        if let Some((path, _)) = formats.iter().find(|(_, f)| *f != Format::Pdf) {
            return Err(Failure::usage(format!(
                "{}: --tile writes the tiles as one PDF to print (-o tiles.pdf)",
                path.display()
            )));
        }
        if let Some(size @ (Size::Auto | Size::Custom { .. })) = args.tile {
            return Err(Failure::usage(format!("--tile {size}: give a paper size such as A4, A3 or Letter")));
        }
    }
    if let Some(mm) = args.bleed.filter(|mm| !(0.0..=layout::MAX_BLEED_MM).contains(mm)) {
        return Err(Failure::usage(layout::PrintError::Bleed(mm).to_string()));
    }
    if let Some(dir) = args.per_owner.as_deref().filter(|d| !d.is_dir()) {
        return Err(Failure::usage(format!("--per-owner: {} is not a directory", dir.display())));
    }
    if args.outputs.iter().filter(|p| p.as_os_str() == "-").count() > 1 {
        return Err(Failure::usage("only one -o may be - (standard output)"));
    }
    let resolution = match (args.dpi, args.scale, args.width) {
        (Some(d), _, _) => Resolution::Dpi(d),
        (_, Some(s), _) => Resolution::Scale(s),
        (_, _, Some(w)) => Resolution::Width(w),
        _ => Resolution::default(),
    };
    let page = layout::Options {
        size: args.size,
        orientation: args.orientation.map(|o| match o {
            OrientationArg::Landscape => Orientation::Landscape,
            OrientationArg::Portrait => Orientation::Portrait,
        }),
        highlight: args.highlight_owner.clone(),
    };
    let mut renderer = Renderer::new(load_fonts(&args.fonts)?).with_page(page);
    // A --theme path is the user's, relative to where they are; a map's
    // `theme` is relative to the map, so the map can move with its theme.
    if let Some(reference) = &args.theme {
        renderer = renderer.with_theme(Theme::resolve(reference, None).map_err(|e| theme_failure(&e))?);
    }
    Ok(Prepared { renderer, formats, resolution })
}

/// Reads the map and writes every output with a prepared renderer.
pub(crate) fn render(args: &Args, prepared: &Prepared<'_>) -> Outcome {
    let Prepared { renderer, formats, resolution } = prepared;
    let resolution = *resolution;
    let mut parsed = load(&args.map)?;
    let theme = renderer.check(&mut parsed);
    if parsed.has_errors() {
        report::human(&parsed.files, &parsed.diagnostics);
        return Err(Failure { status: Status::MapErrors, message: report::summary(&parsed) });
    }
    let (Some(journey), Some(theme)) = (&parsed.journey, theme) else { return Ok(Status::MapErrors) };
    // Characters that would draw as boxes are worth the full excerpt; the
    // workshop's open ends are counted and left to `check`.
    let (glyphs, others): (Vec<_>, Vec<_>) =
        parsed.diagnostics.iter().cloned().partition(|d| d.code == Code::MissingGlyph);
    report::human(&parsed.files, &glyphs);
    let warnings = others.iter().filter(|d| d.severity() == Severity::Warning).count();
    if warnings > 0 {
        eprintln!(
            "{}: {warnings} warning{} (see `journeymap check {}`)",
            parsed.source().name,
            if warnings == 1 { "" } else { "s" },
            args.map.display()
        );
    }

    if args.deck {
        return render_deck(args, prepared, journey, &theme);
    }
    let document = renderer.layout(journey, &theme).map_err(|e| layout_failure(&e))?;
    // What the fit did to the type, so the user can judge legibility
    // before printing (6 pt is the floor; ~12 pt reads at arm's length).
    let (w, h) = document.page().size_mm();
    let t = &theme.type_scale;
    eprintln!(
        "page {w:.0}×{h:.0} mm: body text {:.1} pt, card titles {:.1} pt, smallest {:.1} pt",
        document.print_pt(t.body),
        document.print_pt(t.card_title),
        document.print_pt(t.smallest())
    );
    // Contrast as drawn: the built-in themes are tested to pass; a user's
    // theme hears about every pair below WCAG AA, and where it is.
    for (p, more) in journeymap::contrast::failures(&document, &theme) {
        let (ink, ground) = (theme.colors.get(p.ink), theme.colors.get(p.ground));
        let within = p.within.as_deref().map_or(String::new(), |id| format!(" in #{id}"));
        let others = if more > 1 { format!(" (and {} more lines)", more - 1) } else { String::new() };
        eprintln!(
            "warning: theme '{}': {} text ({ink}) on {} ({ground}) has a contrast of {:.1}:1, below WCAG AA {:.1}:1 — \
             e.g. \"{}\"{within}{others}",
            theme.name,
            p.ink.key(),
            p.ground.key(),
            p.ratio,
            p.needed,
            p.text.chars().take(40).collect::<String>(),
        );
    }
    if document.forced_breaks > 0 {
        let n = document.forced_breaks;
        eprintln!(
            "note: {n} word{} broken between letters, where the language's hyphenation patterns have no break that fits \
             (set `lang` to the map's language, or give the poster more room)",
            if n == 1 { " was" } else { "s were" }
        );
    }
    if !document.left_out.is_empty() || document.priorities_cap.is_some() {
        let mut names: Vec<String> = document
            .left_out
            .iter()
            .map(|p| match p {
                journeymap::model::Panel::Questions => "the question rows",
                journeymap::model::Panel::Legend => "the legend",
                journeymap::model::Panel::Health => "the stage-health strip",
                other => other.as_str(),
            })
            .map(str::to_owned)
            .collect();
        if let Some(cap) = document.priorities_cap {
            names.push(format!("all but the top {cap} priorities"));
        }
        eprintln!(
            "note: the page has no room for {} with text at 6 pt or more, so they are left out; \
             a larger --size, or --size auto, shows everything",
            names.join(" and ")
        );
    }
    if args.size.unwrap_or(journey.poster.size) == Size::Auto {
        let page = document.page();
        let (paper, orientation, fit) = journeymap::model::Paper::closest(page.size.width, page.size.height);
        eprintln!(
            "closest standard size: {} {}; scaled to fit it, body text would print at {:.1} pt and card titles at {:.1} pt",
            paper.as_str(),
            orientation.as_str(),
            document.print_pt(t.body) * fit,
            document.print_pt(t.card_title) * fit
        );
    }
    // Outlined text carries no fonts, so none can fail to travel.
    let embeds = !args.no_embed_fonts && !args.text_as_paths;
    if embeds && formats.iter().any(|(_, f)| *f == Format::Svg) {
        warn_unembeddable(renderer, &document);
    }

    // Print furniture goes on last: the notes above are about the poster,
    // not the sheets it is printed on.
    let document = match (args.bleed, args.tile) {
        (Some(mm), _) => layout::with_bleed(&document, mm).map_err(|e| Failure::usage(e.to_string()))?,
        (_, Some(paper)) => renderer.tiles(&document, paper).map_err(|e| Failure::usage(e.to_string()))?,
        _ => document,
    };
    // Make every output before writing any: a failure leaves nothing
    // behind. Each format is made once, from the one layout, and the
    // formats are made side by side (the PNG's bands share the cores).
    let mut kinds: Vec<Format> = Vec::new();
    for (_, format) in formats {
        if !kinds.contains(format) {
            kinds.push(*format);
        }
    }
    let made: Vec<Result<Vec<u8>, Failure>> = {
        use rayon::prelude::*;
        kinds
            .par_iter()
            .map(|format| {
                let format = format.render(args, resolution);
                renderer.export(&document, &theme, &format).map_err(|e| Failure::usage(e.to_string()))
            })
            .collect()
    };
    let mut outputs: Vec<(Format, Vec<u8>)> = Vec::new();
    for (format, bytes) in kinds.into_iter().zip(made) {
        outputs.push((format, bytes?));
    }
    let files: Vec<(&Path, Format, Vec<u8>)> = formats
        .iter()
        .map(|&(path, format)| {
            let bytes = outputs.iter().find(|(f, _)| *f == format).map(|(_, b)| b.clone()).unwrap_or_default();
            (path, format, bytes)
        })
        .collect();
    // Department copies are made too before anything is written.
    let mut copies = Vec::new();
    if let Some(dir) = &args.per_owner {
        let mut kinds: Vec<Format> = Vec::new();
        for (_, format) in formats.iter().filter(|(p, _)| *p != Path::new("-")) {
            if !kinds.contains(format) {
                kinds.push(*format);
            }
        }
        if kinds.is_empty() {
            kinds.push(Format::Png);
        }
        copies = per_owner(renderer, journey, &theme, dir, &kinds, args, resolution)?;
    }
    // All files or none: a failure leaves no file behind.
    let on_disk: Vec<(&Path, &[u8])> = files
        .iter()
        .filter(|(p, _, _)| *p != Path::new("-"))
        .map(|(p, _, b)| (*p, b.as_slice()))
        .chain(copies.iter().map(|(p, b)| (p.as_path(), b.as_slice())))
        .collect();
    write_all(&on_disk)?;
    for (path, format, bytes) in &files {
        if *path == Path::new("-") {
            write_stdout(bytes)?;
            continue;
        }
        let detail = match format {
            Format::Svg => format!("{:.0}×{:.0} px page", document.page().size.width, document.page().size.height),
            Format::Png => png_detail(&document, resolution),
            Format::Pdf if document.pages.len() > 1 => {
                let (w, h) = document.page().size_mm();
                format!("{} pages of {w:.0}×{h:.0} mm", document.pages.len())
            }
            Format::Pdf => {
                let (w, h) = document.page().size_mm();
                match document.page().print {
                    Some(boxes) => format!(
                        "one page, {w:.0}×{h:.0} mm with {:.0} mm bleed and crop marks",
                        journeymap::units::Length::px(boxes.trim.x - boxes.bleed.x).to_mm()
                    ),
                    None => format!("one page, {w:.0}×{h:.0} mm"),
                }
            }
        };
        eprintln!("wrote {} ({detail})", path.display());
    }
    for (path, _) in &copies {
        eprintln!("wrote {}", path.display());
    }
    Ok(Status::Ok)
}

/// A deck's outputs: PDF files and folders (for numbered PNGs).
fn deck_formats(args: &Args) -> Result<Vec<(&Path, Format)>, Failure> {
    args.outputs
        .iter()
        .map(|p| {
            if is_folder(p) {
                return Ok((p.as_path(), Format::Png));
            }
            match format_of(p, args.stdout_format)? {
                Format::Pdf => Ok((p.as_path(), Format::Pdf)),
                _ => Err(Failure::usage(format!(
                    "{}: a deck is written as a PDF (-o deck.pdf) or as numbered PNGs in a folder (-o slides/)",
                    p.display()
                ))),
            }
        })
        .collect()
}

/// `render --deck`: the slides, laid out once, as a PDF and/or a folder of
/// numbered PNGs, all written or none.
fn render_deck(args: &Args, prepared: &Prepared<'_>, journey: &journeymap::model::Journey, theme: &Theme) -> Outcome {
    let Prepared { renderer, formats, .. } = prepared;
    let deck = renderer.deck(journey, theme).map_err(|e| layout_failure(&e))?;
    let smallest = deck.pages.iter().map(|p| p.transform.scale).fold(f64::INFINITY, f64::min);
    eprintln!(
        "deck: {} slides of 1920×1080 px ({}); smallest text {:.0} px",
        deck.pages.len(),
        deck.pages.iter().map(|p| p.name.as_str()).collect::<Vec<_>>().join(", "),
        theme.type_scale.smallest() * smallest
    );
    // Slides are screens: 1920×1080 px unless the user sizes them.
    let resolution = match (args.scale, args.width) {
        (Some(s), _) => Resolution::Scale(s),
        (_, Some(w)) => Resolution::Width(w),
        _ => Resolution::Scale(1.0),
    };
    let digits = deck.pages.len().to_string().len().max(2);
    // Each format is made once, however many outputs ask for it.
    let wants = |format: Format| formats.iter().any(|(_, f)| *f == format);
    let slides: Vec<Vec<u8>> = if wants(Format::Png) {
        use rayon::prelude::*;
        let png = render::Format::Png { resolution, transparent: args.transparent };
        (0..deck.pages.len())
            .into_par_iter()
            .map(|i| renderer.export_page(&deck, i, theme, &png).map_err(|e| Failure::usage(e.to_string())))
            .collect::<Result<_, _>>()?
    } else {
        Vec::new()
    };
    let pdf = if wants(Format::Pdf) {
        renderer.export(&deck, theme, &render::Format::Pdf).map_err(|e| Failure::usage(e.to_string()))?
    } else {
        Vec::new()
    };
    let mut files: Vec<(PathBuf, &[u8])> = Vec::new();
    let mut stdout = None;
    for &(path, format) in formats {
        match format {
            Format::Png => {
                for (i, bytes) in slides.iter().enumerate() {
                    files.push((path.join(format!("slide-{:0digits$}.png", i + 1)), bytes));
                }
            }
            _ if path == Path::new("-") => stdout = Some(&pdf),
            _ => files.push((path.to_path_buf(), &pdf)),
        }
    }
    for (path, _) in formats.iter().filter(|(_, f)| *f == Format::Png) {
        std::fs::create_dir_all(path)
            .map_err(|e| Failure::io(format!("cannot make the folder {}", path.display()), &e))?;
    }
    let on_disk: Vec<(&Path, &[u8])> = files.iter().map(|(p, b)| (p.as_path(), *b)).collect();
    write_all(&on_disk)?;
    if let Some(bytes) = stdout {
        write_stdout(bytes)?;
    }
    for &(path, format) in formats.iter().filter(|(p, _)| *p != Path::new("-")) {
        match format {
            Format::Png => eprintln!("wrote {} slides to {}", deck.pages.len(), path.display()),
            _ => eprintln!("wrote {} ({} pages of 1440×810 pt, a bookmark each)", path.display(), deck.pages.len()),
        }
    }
    Ok(Status::Ok)
}

/// Writes every file or none, naming the one that failed.
fn write_all(on_disk: &[(&Path, &[u8])]) -> Result<(), Failure> {
    output::write_all_atomic(on_disk).map_err(|(i, e)| {
        let path = on_disk.get(i).map_or_else(String::new, |(p, _)| p.display().to_string());
        Failure::io(format!("cannot write {path} (no file was written)"), &e)
    })
}

fn layout_failure(e: &LayoutError) -> Failure {
    match e {
        LayoutError::TooSmall { .. } | LayoutError::SlideTooSmall { .. } => {
            Failure { status: Status::MapErrors, message: e.to_string() }
        }
        LayoutError::UnknownOwner { .. } => Failure::usage(e.to_string()),
    }
}

/// One department's copy: its bytes in each format asked for.
type OwnerCopy = Vec<(Format, Vec<u8>)>;

/// One department's copy per owner, made on every core, as the files to
/// write.
fn per_owner(
    renderer: &Renderer,
    journey: &journeymap::model::Journey,
    theme: &Theme,
    dir: &Path,
    kinds: &[Format],
    args: &Args,
    resolution: Resolution,
) -> Result<Vec<(PathBuf, Vec<u8>)>, Failure> {
    let owners = layout::owners(journey);
    if owners.is_empty() {
        return Err(Failure::usage("--per-owner: no touchpoint in the map has an owner"));
    }
    let names = file_stems(&owners);
    let make = |owner: &str| -> Result<OwnerCopy, Failure> {
        let document = renderer.layout_highlighting(journey, theme, owner).map_err(|e| layout_failure(&e))?;
        kinds
            .iter()
            .map(|kind| {
                let format = kind.render(args, resolution);
                let bytes = renderer.export(&document, theme, &format).map_err(|e| Failure::usage(e.to_string()))?;
                Ok((*kind, bytes))
            })
            .collect()
    };
    let threads = std::thread::available_parallelism().map_or(1, usize::from).min(owners.len()).max(1);
    let chunk = owners.len().div_ceil(threads);
    let made: Vec<Result<OwnerCopy, Failure>> = std::thread::scope(|scope| {
        let handles: Vec<_> = owners
            .chunks(chunk)
            .map(|part| scope.spawn(move || part.iter().map(|o| make(o)).collect::<Vec<_>>()))
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap_or_else(|_| vec![Err(Failure::usage("a render thread failed"))]))
            .collect()
    });
    let mut files = Vec::new();
    for (stem, outputs) in names.iter().zip(made) {
        for (kind, bytes) in outputs? {
            let extension = match kind {
                Format::Svg => "svg",
                Format::Png => "png",
                Format::Pdf => "pdf",
            };
            files.push((dir.join(format!("{stem}.{extension}")), bytes));
        }
    }
    Ok(files)
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

/// Says which faces cannot travel inside the SVG.
fn warn_unembeddable(renderer: &Renderer, document: &Document) {
    for id in paint::faces(document.page()) {
        let Some(face) = renderer.fonts().face(id) else { continue };
        if !paint::travels(document.page(), renderer.fonts(), id) {
            eprintln!(
                "note: the font '{}' is not embedded in the SVG (it cannot be cut down to the characters \
                 used, and it is a font collection or over {} MiB); viewers of the SVG need it installed",
                face.family,
                paint::MAX_EMBEDDED_FONT_BYTES / 1024 / 1024
            );
        }
    }
}

/// The embedded fonts plus the user's `--font` files.
pub(crate) fn load_fonts(files: &[PathBuf]) -> Result<Fonts, Failure> {
    let mut fonts = Fonts::embedded();
    for path in files {
        fonts.add_file(path).map_err(|e| Failure { status: Status::Io, message: e.to_string() })?;
    }
    Ok(fonts)
}

fn png_detail(document: &Document, resolution: Resolution) -> String {
    let page = document.page();
    match output::pixel_size(page.size.width, page.size.height, resolution) {
        Ok((w, h)) => format!("{w}×{h} px"),
        Err(e) => e.to_string(),
    }
}

fn theme_failure(e: &ThemeError) -> Failure {
    match e {
        ThemeError::Io(..) => Failure { status: Status::Io, message: e.to_string() },
        ThemeError::Invalid(source, d) => {
            report::human(&Files::new(source.clone()), d);
            Failure { status: Status::MapErrors, message: e.to_string() }
        }
        ThemeError::Unknown(_) => {
            Failure::usage(format!("{e}; built-in themes: {}", journeymap::theme::BUILTIN_NAMES.join(", ")))
        }
    }
}
