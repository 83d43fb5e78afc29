//! Map file → [`Journey`], with every problem located in the source.
//!
//! The TOML is parsed into a spanned tree (`toml::de::DeTable`) and walked
//! by hand rather than deserialised with serde: serde stops at the first
//! problem, while a workshop wants all of them at once, each with its line,
//! column, key and a hint. The walk builds a best-effort journey even when
//! there are errors so that the warnings (the workshop lint) can run in the same
//! pass; the journey is handed on only when there are no errors.

mod input;
mod lint;
mod locale;
mod stages;
mod suggest;
mod syntax;
mod values;
pub(crate) mod walk;

use std::path::{Path, PathBuf};

pub use input::{MAX_NESTING, MAX_SOURCE_BYTES};

use crate::diag::{Diagnostic, Files, Severity, Source};
use crate::model::Journey;

/// Where a map comes from, for resolving relative paths in it (a theme
/// file, checked by `render::Renderer::check`).
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// The directory relative paths in the map are resolved against; `None`
    /// means the current directory (a map read from standard input).
    pub base_dir: Option<PathBuf>,
}

/// The result of reading a map: the journey when it has no errors, and
/// every diagnostic, by position.
#[derive(Debug, Clone)]
pub struct Parsed {
    /// The files the diagnostics point into: the map first
    /// ([`crate::diag::FileId::MAP`]), then any file a later check read,
    /// such as a theme.
    pub files: Files,
    /// The directory relative paths in the map resolve from (`None`: the
    /// current directory).
    pub base_dir: Option<PathBuf>,
    /// The validated journey, or `None` when any diagnostic is an error.
    pub journey: Option<Journey>,
    /// Every problem found, sorted by position.
    pub diagnostics: Vec<Diagnostic>,
}

impl Parsed {
    /// The map's own source.
    pub fn source(&self) -> &Source {
        self.files.map()
    }

    /// Whether any diagnostic is an error.
    pub fn has_errors(&self) -> bool {
        self.diagnostics.iter().any(Diagnostic::is_error)
    }

    /// Adds a diagnostic found by a later check (such as
    /// `render::Renderer::check`); an error takes the journey away.
    pub fn add(&mut self, diagnostic: Diagnostic) {
        if diagnostic.is_error() {
            self.journey = None;
        }
        let at =
            self.diagnostics.partition_point(|d| (d.file, d.span.start) <= (diagnostic.file, diagnostic.span.start));
        self.diagnostics.insert(at, diagnostic);
    }

    /// How many diagnostics have `severity`.
    pub fn count(&self, severity: Severity) -> usize {
        self.diagnostics.iter().filter(|d| d.severity() == severity).count()
    }
}

/// Parses and validates map text.
///
/// Never panics, whatever the text: problems come back as diagnostics.
pub fn parse_str(name: &str, text: &str, options: &Options) -> Parsed {
    let source = Source::new(name, text);
    let mut diagnostics = Vec::new();
    let journey = check_text(text, &mut diagnostics);
    finish(source, options, journey, diagnostics)
}

/// Decodes and parses map bytes: a UTF-8 byte order mark is accepted;
/// UTF-16, UTF-32, invalid UTF-8, NUL bytes and files over
/// [`MAX_SOURCE_BYTES`] give an error diagnostic.
pub fn parse_bytes(name: &str, bytes: &[u8], options: &Options) -> Parsed {
    match input::decode(bytes) {
        // A bare `journey` line is never TOML: it is a Mermaid diagram.
        Ok(text) if crate::interchange::mermaid::looks_like_mermaid(text) => parse_mermaid_text(name, text, options),
        Ok(text) => parse_str(name, text, options),
        Err(mut diagnostic) => {
            // Bad bytes are located (a non-empty span): keep the text so the
            // excerpt can show their line. Offsets before the first bad byte
            // survive the lossy conversion unchanged; the bad byte itself
            // becomes U+FFFD, so the span grows to cover that character.
            let shown = if diagnostic.span.is_empty() {
                String::new()
            } else {
                let text = String::from_utf8_lossy(bytes.strip_prefix(input::BOM).unwrap_or(bytes)).into_owned();
                let start = diagnostic.span.start.min(text.len());
                let end = text[start..].chars().next().map_or(start, |c| start + c.len_utf8());
                diagnostic.span = start..end;
                text
            };
            finish(Source::new(name, shown), options, None, vec![diagnostic])
        }
    }
}

/// Reads a Mermaid `journey` diagram as a map: the diagram becomes a
/// journey file's text (as `journeymap import` writes it), which is then
/// parsed like any map. Mermaid errors and what the import changed are
/// located in the diagram, a second file of [`Parsed::files`].
pub fn parse_mermaid(name: &str, bytes: &[u8], options: &Options) -> Parsed {
    match input::decode(bytes) {
        Ok(text) => parse_mermaid_text(name, text, options),
        Err(_) => parse_bytes(name, bytes, options),
    }
}

fn parse_mermaid_text(name: &str, text: &str, options: &Options) -> Parsed {
    use crate::interchange::mermaid;
    let (diagram, mut notes) = mermaid::read(text);
    let toml = diagram.map(|d| mermaid::to_toml(&d, name, &mut notes));
    imported(name, text, toml, notes, options)
}

/// A map imported from another format: its journey file's text parsed
/// like any map, with what the import noticed located in the original, a
/// second file; or, when the original could not be read, its errors.
fn imported(name: &str, original: &str, toml: Option<String>, notes: Vec<Diagnostic>, options: &Options) -> Parsed {
    let Some(toml) = toml else {
        return finish(Source::new(name, original), options, None, notes);
    };
    // Said here, before anything is written: a map over the limit would
    // be refused when it is read back.
    if toml.len() > MAX_SOURCE_BYTES {
        let mut notes = notes;
        let end = original.find(['\r', '\n']).unwrap_or(original.len()).min(1);
        notes.push(
            crate::diag::Diagnostic::new(
                crate::diag::Code::TooLarge,
                0..end,
                "",
                format!(
                    "the imported map would be {:.1} MiB, more than the {} MiB limit for a journey map",
                    toml.len() as f64 / 1024.0 / 1024.0,
                    MAX_SOURCE_BYTES / 1024 / 1024
                ),
            )
            .with_hint("split it into several files (e.g. a few stages each) and import each as its own map"),
        );
        return finish(Source::new(name, original), options, None, notes);
    }
    let mut parsed = parse_str(&format!("{name} (imported)"), &toml, options);
    let id = parsed.files.add(Source::new(name, original));
    for note in notes {
        parsed.add(note.in_file(id));
    }
    parsed
}

/// Reads a workshop CSV (see [`crate::interchange::csv`]) as a map, the
/// same way as [`parse_mermaid`]: problems with the sheet are located in
/// it, a second file of [`Parsed::files`].
pub fn parse_csv(name: &str, bytes: &[u8], options: &Options) -> Parsed {
    let text = match input::decode(bytes) {
        Ok(text) => text,
        Err(_) => return parse_bytes(name, bytes, options),
    };
    let (sheet, notes) = crate::interchange::csv::import(text, name);
    let (toml, origins) = sheet.unzip();
    let mut parsed = imported(name, text, toml, notes, options);
    // The sheet is the second file when its journey file was parsed: the
    // errors found there are moved to the sheet's cells.
    let sheet = parsed.files.iter().nth(1).map(|(id, _)| id);
    if let (Some(origins), Some(sheet)) = (origins, sheet) {
        let toml = parsed.source().text.clone();
        origins.relocate(&toml, sheet, &mut parsed);
    }
    parsed
}

/// Whether a path names a workshop CSV by its extension.
pub fn is_csv_path(path: &Path) -> bool {
    path.extension().and_then(|e| e.to_str()).is_some_and(|e| e.eq_ignore_ascii_case("csv"))
}

/// Whether a path names a Mermaid diagram by its extension.
pub fn is_mermaid_path(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("mmd") || e.eq_ignore_ascii_case("mermaid"))
}

/// Reads and parses a map file; relative paths in it resolve against its
/// directory. A Mermaid diagram (`.mmd`, or any file whose first line is
/// `journey`) or a workshop sheet (`.csv`) is imported first.
///
/// # Errors
/// Only I/O errors; problems with the content are diagnostics.
pub fn parse_file(path: &Path) -> std::io::Result<Parsed> {
    let bytes = read_limited(path)?;
    let options = Options { base_dir: path.parent().map(Path::to_path_buf) };
    let name = path.display().to_string();
    if is_mermaid_path(path) {
        return Ok(parse_mermaid(&name, &bytes, &options));
    }
    if is_csv_path(path) {
        return Ok(parse_csv(&name, &bytes, &options));
    }
    Ok(parse_bytes(&name, &bytes, &options))
}

/// Reads at most one byte more than [`MAX_SOURCE_BYTES`], so a huge or
/// endless input (`/dev/zero`) is refused without reading it all.
fn read_limited(path: &Path) -> std::io::Result<Vec<u8>> {
    use std::io::Read;
    let mut bytes = Vec::new();
    std::fs::File::open(path)?.take(MAX_SOURCE_BYTES as u64 + 1).read_to_end(&mut bytes)?;
    Ok(bytes)
}

fn check_text(text: &str, diagnostics: &mut Vec<Diagnostic>) -> Option<Journey> {
    if let Err(d) = input::check_nesting(text) {
        diagnostics.push(d);
        return None;
    }
    let (document, errors) = toml::de::DeTable::parse_recoverable(text);
    if !errors.is_empty() {
        // A document that is not TOML is reported as such and nothing more:
        // recovery guesses would add errors the user did not make.
        diagnostics.extend(syntax::explain(text, &errors));
        return None;
    }
    let before = diagnostics.len();
    let journey = walk::journey(document.get_ref(), text, diagnostics);
    // Lints read the journey as the walk understood it; after an error
    // that is partial, and "stage X has no touchpoints" would only echo
    // a touchpoint list written wrongly.
    if !diagnostics[before..].iter().any(Diagnostic::is_error) {
        lint::journey(&journey, document.get_ref(), diagnostics);
        diagnostics.extend(locale::detected(&journey));
    }
    Some(journey)
}

fn finish(source: Source, options: &Options, journey: Option<Journey>, mut diagnostics: Vec<Diagnostic>) -> Parsed {
    diagnostics
        .sort_by(|a, b| (a.span.start, a.span.end, a.code.as_str()).cmp(&(b.span.start, b.span.end, b.code.as_str())));
    diagnostics.dedup();
    let journey = journey.filter(|_| !diagnostics.iter().any(Diagnostic::is_error));
    Parsed { files: Files::new(source), base_dir: options.base_dir.clone(), journey, diagnostics }
}
