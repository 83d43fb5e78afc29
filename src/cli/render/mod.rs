//! `journeymap render`: arguments → one render request → diagnostics,
//! notes and files, all written or none.

mod args;
mod job;
pub(crate) mod messages;

use std::path::Path;

use journeymap::diag::{Code, Severity};
use journeymap::layout::{LayoutError, PrintError};
use journeymap::output::{self, PdfError, PngError};
use journeymap::parse::Parsed;
use journeymap::render::{RenderError, Rendered, Request, Target};
use journeymap::theme::ThemeError;

pub(crate) use args::{AFTER_HELP, Args, LayoutArg, OrientationArg, Picture, StdoutFormat, parse_size};
pub(crate) use job::{Prepared, load_fonts, load_theme, prepare};

use super::terminal::say;
use super::{Failure, Outcome, Status, load, report, write_stdout};

pub(crate) fn run(args: &Args) -> Outcome {
    let prepared = prepare(args)?;
    render(args, &prepared)
}

/// Reads the map and renders the prepared job: diagnostics and notes to
/// the terminal, then every output written, or none.
pub(crate) fn render(args: &Args, prepared: &Prepared) -> Outcome {
    let map = load(&args.map)?;
    let rendered = prepared.renderer.render(&Request::new(map, prepared.job.clone())).map_err(|e| failure(&e))?;
    report_warnings(&args.map, &rendered.map);
    finish(prepared, &rendered)
}

/// Renders a map already read and checked (`diff`, which has reported
/// its diagnostics): notes, then every output written, or none.
pub(crate) fn render_parsed(prepared: &Prepared, map: Parsed) -> Outcome {
    let rendered = prepared.renderer.render(&Request::new(map, prepared.job.clone())).map_err(|e| failure(&e))?;
    finish(prepared, &rendered)
}

/// Says the render's notes and writes its outputs.
fn finish(prepared: &Prepared, rendered: &Rendered) -> Outcome {
    for text in rendered.notes.iter().filter_map(messages::note) {
        say!("{text}");
    }
    write(prepared, rendered)?;
    Ok(Status::Ok)
}

/// Characters that would draw as boxes are worth the full excerpt; the
/// workshop's open ends are counted and left to `check`; notes about the
/// map (the language read from its text) take a line each.
pub(crate) fn report_warnings(map: &Path, parsed: &Parsed) {
    let (glyphs, others): (Vec<_>, Vec<_>) =
        parsed.diagnostics.iter().cloned().partition(|d| d.code == Code::MissingGlyph);
    report::human(&parsed.files, &glyphs);
    for note in others.iter().filter(|d| d.severity() == Severity::Note) {
        say!("{}", messages::map_note(note));
    }
    let warnings = others.iter().filter(|d| d.severity() == Severity::Warning).count();
    if warnings > 0 {
        say!(
            "{}: {warnings} warning{} (see `journeymap check {}`)",
            parsed.source().name,
            if warnings == 1 { "" } else { "s" },
            map.display()
        );
    }
}

/// Writes every file or none (folders for slides made first), then
/// standard output, then says what was written.
pub(crate) fn write(prepared: &Prepared, rendered: &Rendered) -> Result<(), Failure> {
    let job = &prepared.job;
    let folders = job.outputs.iter().filter_map(|o| match &o.target {
        Target::Folder(dir) => Some(dir.as_path()),
        _ => None,
    });
    for dir in folders.chain(job.per_owner.as_ref().map(|c| c.folder.as_path())) {
        std::fs::create_dir_all(dir)
            .map_err(|e| Failure::io(format!("cannot make the folder {}", dir.display()), &e))?;
    }
    write_all(&rendered.files())?;
    if let Some(bytes) = rendered.stdout() {
        write_stdout(bytes)?;
    }
    for line in messages::wrote(job.medium, &job.outputs, rendered) {
        say!("{line}");
    }
    Ok(())
}

/// Writes every file or none, naming the one that failed.
fn write_all(on_disk: &[(&Path, &[u8])]) -> Result<(), Failure> {
    output::write_all_atomic(on_disk).map_err(|(i, e)| {
        let path = on_disk.get(i).map_or_else(String::new, |(p, _)| p.display().to_string());
        Failure::io(format!("cannot write {path} (no file was written)"), &e)
    })?;
    super::outputs_in_place();
    Ok(())
}

/// A failed render as a message and an exit status (SPEC §6): 1 for the
/// map or theme (a map that cannot fit the page included), 2 for what was
/// asked (a PNG over the pixel limit included), 3 for input and output.
/// A map's errors are shown with their excerpts first.
pub(crate) fn failure(e: &RenderError) -> Failure {
    let status = match e {
        RenderError::Map(parsed) => {
            report::human(&parsed.files, &parsed.diagnostics);
            return Failure { status: Status::MapErrors, message: report::summary(parsed) };
        }
        RenderError::Theme(ThemeError::Io(..)) => Status::Io,
        RenderError::Theme(ThemeError::Invalid(..)) => Status::MapErrors,
        RenderError::Layout(
            LayoutError::TooSmall { .. }
            | LayoutError::SlideTooSmall { .. }
            | LayoutError::CanvasTooSmall { .. }
            | LayoutError::NoCards,
        ) => Status::MapErrors,
        RenderError::Png(PngError::TooManyParts { .. }) => Status::MapErrors,
        RenderError::Png(PngError::Svg(_) | PngError::Encode(_))
        | RenderError::Pdf(PdfError::Write(_))
        | RenderError::Pptx(_) => Status::Io,
        RenderError::Theme(ThemeError::Unknown(_))
        | RenderError::Request(_)
        | RenderError::Layout(LayoutError::UnknownOwner { .. })
        | RenderError::Print(PrintError::Bleed(_) | PrintError::TooManyTiles { .. } | PrintError::Paper(_))
        | RenderError::NoOwners
        | RenderError::Png(PngError::BadResolution | PngError::TooLarge { .. } | PngError::AtLeastTooLarge { .. })
        | RenderError::Pdf(PdfError::PageSize { .. }) => Status::Usage,
    };
    Failure { status, message: e.to_string() }
}
