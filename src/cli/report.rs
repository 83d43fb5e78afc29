//! Printing diagnostics: excerpts with carets for people, JSON for tools.

use std::io::{IsTerminal, Write};

use codespan_reporting::diagnostic::{Diagnostic as Report, Label, Severity as ReportSeverity};
use codespan_reporting::files::SimpleFile;
use codespan_reporting::term::{self, termcolor};
use journeymap::parse::{Diagnostic, Parsed, Severity, Source};

/// Whether stderr gets colour: only on a terminal, and never with NO_COLOR.
fn color_choice() -> termcolor::ColorChoice {
    if std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none() {
        termcolor::ColorChoice::Auto
    } else {
        termcolor::ColorChoice::Never
    }
}

/// Prints diagnostics to stderr with a source excerpt and caret each.
pub(crate) fn human(source: &Source, diagnostics: &[Diagnostic]) {
    let file = SimpleFile::new(source.name.as_str(), source.text.as_str());
    let mut stderr = termcolor::StandardStream::stderr(color_choice());
    let config = term::Config::default();
    for d in diagnostics {
        let severity = match d.severity() {
            Severity::Error => ReportSeverity::Error,
            Severity::Warning => ReportSeverity::Warning,
            Severity::Hint => ReportSeverity::Help,
        };
        let span = d.span.start.min(source.text.len())..d.span.end.min(source.text.len());
        let label = if d.key.is_empty() { String::new() } else { format!("`{}`", d.key) };
        let mut report = Report::new(severity)
            .with_code(d.code.as_str())
            .with_message(&d.message)
            .with_labels(vec![Label::primary((), span).with_message(label)]);
        if let Some(hint) = &d.hint {
            report = report.with_notes(vec![format!("hint: {hint}")]);
        }
        if term::emit(&mut stderr, &config, &file, &report).is_err() {
            // No excerpt could be drawn (stderr is gone, or the span is off
            // the text): still say what is wrong, in one plain line.
            let at = source.locate(d.span.start);
            eprintln!("{}:{}:{}: {}: {}", source.name, at.line, at.column, d.severity().as_str(), d.message);
        }
    }
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
            parsed.source.name,
            count(stages, "stage"),
            count(touchpoints, "touchpoint")
        );
    }
    let mut parts = vec![count(e, "error"), count(w, "warning")];
    if h > 0 {
        parts.push(count(h, "hint"));
    }
    format!("{}: {}", parsed.source.name, parts.join(", "))
}

/// Writes diagnostics to stdout as a JSON array, one object each.
pub(crate) fn json(parsed: &Parsed) -> std::io::Result<()> {
    let items: Vec<serde_json::Value> = parsed
        .diagnostics
        .iter()
        .map(|d| {
            let start = parsed.source.locate(d.span.start);
            let end = parsed.source.locate(d.span.end);
            serde_json::json!({
                "file": parsed.source.name,
                "line": start.line,
                "column": start.column,
                "end_line": end.line,
                "end_column": end.column,
                "severity": d.severity().as_str(),
                "code": d.code.as_str(),
                "key": d.key,
                "message": d.message,
                "hint": d.hint,
            })
        })
        .collect();
    let mut out = std::io::stdout().lock();
    serde_json::to_writer_pretty(&mut out, &items)?;
    writeln!(out)
}
