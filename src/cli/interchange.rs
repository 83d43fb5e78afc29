//! `journeymap import` and `journeymap export`: other formats in and out.

use std::io::Read;
use std::path::{Path, PathBuf};

use clap::ValueEnum;
use journeymap::diag::FileId;
use journeymap::interchange::mermaid;
use journeymap::parse;

use super::terminal::say;
use super::{Failure, Outcome, Status, load_valid, report, write_output};

/// What `export` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum ExportFormat {
    /// A Mermaid `journey` diagram: title, sections, tasks with score and
    /// actors. Everything else is left out.
    Mermaid,
    /// A workshop sheet: one row per touchpoint with its stage's fields;
    /// `import` reads it back.
    Csv,
}

fn read_input(file: &Path) -> Result<Vec<u8>, Failure> {
    let mut bytes = Vec::new();
    let limit = parse::MAX_SOURCE_BYTES as u64 + 1;
    let result = if file == Path::new("-") {
        std::io::stdin().lock().take(limit).read_to_end(&mut bytes)
    } else {
        let meta = std::fs::metadata(file).map_err(|e| Failure::io(format!("cannot read {}", file.display()), &e))?;
        if !meta.is_file() {
            // A folder or a device cannot be read as a file: an input
            // failure (3), as for a map, a theme or a font.
            return Err(Failure { status: Status::Io, message: format!("{} is not a regular file", file.display()) });
        }
        std::fs::File::open(file).and_then(|f| f.take(limit).read_to_end(&mut bytes))
    };
    result.map_err(|e| Failure::io(format!("cannot read {}", file.display()), &e))?;
    Ok(bytes)
}

/// Writes `text` as `write_output` does, then says what to do next.
fn emit(text: &str, output: Option<&Path>, force: bool) -> Result<(), Failure> {
    if let Some(path) = write_output(text, output, force)? {
        say!("wrote {}; next: journeymap check {}", path.display(), path.display());
    }
    Ok(())
}

/// `journeymap import FILE [-o MAP]`.
pub(crate) fn import(file: &Path, output: Option<&Path>, force: bool) -> Outcome {
    if output.is_some_and(|o| o != Path::new("-") && (o == file || super::same_file(o, file))) {
        return Err(Failure::usage("the map would replace the file it is imported from; choose another -o"));
    }
    let bytes = read_input(file)?;
    let name = if file == Path::new("-") { "<stdin>".to_owned() } else { file.display().to_string() };
    let text = String::from_utf8_lossy(&bytes);
    let options = parse::Options::default();
    let parsed = if parse::is_csv_path(file) {
        parse::parse_csv(&name, &bytes, &options)
    } else if parse::is_mermaid_path(file) || mermaid::looks_like_mermaid(&text) {
        parse::parse_mermaid(&name, &bytes, &options)
    } else {
        return Err(Failure::usage(format!(
            "{name} is neither a Mermaid journey (.mmd, first line `journey`) nor a workshop sheet (.csv)"
        )));
    };
    let Some(_) = &parsed.journey else {
        report::human(&parsed.files, &parsed.diagnostics);
        return Err(Failure { status: Status::MapErrors, message: report::summary(&parsed) });
    };
    // What the import changed, located in the diagram; the map's own
    // warnings (no marks yet…) are for `check`.
    let notes: Vec<_> = parsed.diagnostics.iter().filter(|d| d.file != FileId::MAP).cloned().collect();
    report::human(&parsed.files, &notes);
    emit(&parsed.source().text, output, force)?;
    let journey = parsed.journey.as_ref().map_or((0, 0), |j| (j.stages.len(), j.touchpoints().count()));
    say!(
        "imported {} stage{} and {} touchpoint{}{}",
        journey.0,
        if journey.0 == 1 { "" } else { "s" },
        journey.1,
        if journey.1 == 1 { "" } else { "s" },
        if notes.is_empty() {
            String::new()
        } else {
            format!(", {} change{} noted above", notes.len(), if notes.len() == 1 { "" } else { "s" })
        }
    );
    Ok(Status::Ok)
}

/// `journeymap export FORMAT MAP [-o OUT]`.
pub(crate) fn export(format: ExportFormat, map: &Path, output: Option<&PathBuf>, force: bool, raw: bool) -> Outcome {
    super::refuse_the_input(output.map(PathBuf::as_path), map)?;
    let parsed = load_valid(map)?;
    let Some(journey) = &parsed.journey else { return Ok(Status::MapErrors) };
    let text = match format {
        ExportFormat::Mermaid => mermaid::write(journey),
        ExportFormat::Csv => journeymap::interchange::csv::write(journey, !raw),
    };
    emit(&text, output.map(PathBuf::as_path), force)?;
    Ok(Status::Ok)
}
