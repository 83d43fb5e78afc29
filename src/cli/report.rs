//! Printing diagnostics: excerpts with carets for people, JSON for tools.

use std::io::{IsTerminal, Write};

use codespan_reporting::diagnostic::{Diagnostic as Report, Label, Severity as ReportSeverity};
use codespan_reporting::files::SimpleFiles;
use codespan_reporting::term::{self, termcolor};
use journeymap::diag::{Diagnostic, FileId, Files, Severity};
use journeymap::parse::Parsed;
use journeymap::priorities::inert;

/// Whether stderr gets colour: only on a terminal, and never with NO_COLOR.
fn color_choice() -> termcolor::ColorChoice {
    if std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none() {
        termcolor::ColorChoice::Auto
    } else {
        termcolor::ColorChoice::Never
    }
}

/// Prints diagnostics to stderr with a source excerpt and caret each,
/// secondary labels (such as "first defined here") beside them.
pub(crate) fn human(files: &Files, diagnostics: &[Diagnostic]) {
    // An excerpt prints whole lines: a file with a line of megabytes would
    // take seconds and flood the terminal, so such files get one plain line
    // per problem instead.
    let huge = files.iter().any(|(_, s)| s.text.lines().any(|l| l.len() > MAX_EXCERPT_LINE));
    if huge {
        plain(files, diagnostics);
        return;
    }
    let mut simple = SimpleFiles::new();
    // Excerpts show the user's bytes: control characters are swapped for
    // visible ones of the same length, so spans stay true and an ESC in a
    // map cannot drive the terminal.
    let texts: Vec<(FileId, String, String)> =
        files.iter().map(|(id, source)| (id, inert(&source.name), visible(&source.text))).collect();
    let ids: Vec<(FileId, usize)> =
        texts.iter().map(|(id, name, text)| (*id, simple.add(name.as_str(), text.as_str()))).collect();
    let file_of = |id: FileId| ids.iter().find(|(f, _)| *f == id).map(|(_, i)| *i);
    let clamp = |id: FileId, span: &std::ops::Range<usize>| {
        let len = files.get(id).map_or(0, |s| s.text.len());
        span.start.min(len)..span.end.min(len)
    };
    let mut stderr = termcolor::StandardStream::stderr(color_choice());
    let config = term::Config::default();
    for d in diagnostics {
        let severity = match d.severity() {
            Severity::Error => ReportSeverity::Error,
            Severity::Warning => ReportSeverity::Warning,
            Severity::Hint => ReportSeverity::Help,
        };
        let label = if d.key.is_empty() { String::new() } else { format!("`{}`", inert(&d.key)) };
        let mut labels = Vec::new();
        if let Some(file) = file_of(d.file) {
            labels.push(Label::primary(file, clamp(d.file, &d.span)).with_message(label));
        }
        for extra in &d.labels {
            if let Some(file) = file_of(extra.file) {
                labels.push(Label::secondary(file, clamp(extra.file, &extra.span)).with_message(inert(&extra.message)));
            }
        }
        let report = Report::new(severity)
            .with_code(d.code.as_str())
            .with_message(inert(&d.message))
            .with_labels(labels)
            .with_notes(d.hints.iter().map(|h| format!("hint: {}", inert(h))).collect());
        if term::emit(&mut stderr, &config, &simple, &report).is_err() {
            // No excerpt could be drawn (stderr is gone, or the span is off
            // the text): still say what is wrong, in one plain line.
            if let Some(source) = files.get(d.file) {
                let at = source.locate(d.span.start);
                let (name, message) = (inert(&source.name), inert(&d.message));
                eprintln!("{name}:{}:{}: {}: {message}", at.line, at.column, d.severity().as_str());
            }
        }
    }
}

/// The longest line an excerpt shows, in bytes.
const MAX_EXCERPT_LINE: usize = 4096;

/// One line per problem, `file:line:column: severity[code]: message`, then
/// its hints: for files whose lines are too long to excerpt.
fn plain(files: &Files, diagnostics: &[Diagnostic]) {
    let mut out = String::new();
    for d in diagnostics {
        let Some(source) = files.get(d.file) else { continue };
        let at = source.locate(d.span.start);
        out += &format!(
            "{}:{}:{}: {}[{}]: {}\n",
            inert(&source.name),
            at.line,
            at.column,
            d.severity().as_str(),
            d.code.as_str(),
            inert(&d.message)
        );
        for hint in &d.hints {
            out += &format!("  = hint: {}\n", inert(hint));
        }
    }
    out += &format!("(excerpts left out: a line of the file is over {} KiB)\n", MAX_EXCERPT_LINE / 1024);
    let _ = std::io::stderr().write_all(out.as_bytes());
}

/// Text with every control character but line breaks and tabs swapped
/// for a visible character of the same length in UTF-8 (`?` for one byte,
/// `¿` for two), and bidi overrides for `⁇` (three bytes, like them).
fn visible(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '\n' | '\r' | '\t' => c,
            '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' => '\u{2047}',
            c if c.is_control() && c.len_utf8() == 1 => '?',
            c if c.is_control() => '\u{BF}',
            c => c,
        })
        .collect()
}

/// One line summing up a check, e.g. `map.toml: 2 errors, 1 warning`.
pub(crate) fn summary(parsed: &Parsed) -> String {
    let count = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
    let (e, w, h) = (parsed.count(Severity::Error), parsed.count(Severity::Warning), parsed.count(Severity::Hint));
    if e + w + h == 0 {
        let stages = parsed.journey.as_ref().map_or(0, |j| j.stages.len());
        let touchpoints = parsed.journey.as_ref().map_or(0, |j| j.touchpoints().count());
        return format!(
            "{}: ok ({}, {})",
            parsed.source().name,
            count(stages, "stage"),
            count(touchpoints, "touchpoint")
        );
    }
    let mut parts = vec![count(e, "error"), count(w, "warning")];
    if h > 0 {
        parts.push(count(h, "hint"));
    }
    format!("{}: {}", parsed.source().name, parts.join(", "))
}

/// Writes diagnostics to stdout as a JSON array, one object each.
pub(crate) fn json(parsed: &Parsed) -> std::io::Result<()> {
    let items: Vec<serde_json::Value> = parsed
        .diagnostics
        .iter()
        .map(|d| {
            let source = parsed.files.get(d.file).unwrap_or(parsed.source());
            let start = source.locate(d.span.start);
            let end = source.locate(d.span.end);
            serde_json::json!({
                "file": source.name,
                "line": start.line,
                "column": start.column,
                "end_line": end.line,
                "end_column": end.column,
                "severity": d.severity().as_str(),
                "code": d.code.as_str(),
                "key": d.key,
                "message": d.message,
                "hint": d.hint(),
            })
        })
        .collect();
    let mut out = std::io::stdout().lock();
    serde_json::to_writer_pretty(&mut out, &items)?;
    writeln!(out)
}
