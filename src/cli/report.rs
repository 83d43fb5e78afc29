//! Printing diagnostics: excerpts with carets for people, JSON for tools.

use std::io::{IsTerminal, Write};

use codespan_reporting::diagnostic::{Diagnostic as Report, Label, Severity as ReportSeverity};
use codespan_reporting::files::SimpleFiles;
use codespan_reporting::term::{self, termcolor};
use journeymap::diag::{Diagnostic, FileId, Files, Severity};
use journeymap::parse::Parsed;

use super::terminal::{Spelling, say, visible};

/// Whether stderr gets colour: only on a terminal, and never with NO_COLOR.
fn color_choice() -> termcolor::ColorChoice {
    if std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none() {
        termcolor::ColorChoice::Auto
    } else {
        termcolor::ColorChoice::Never
    }
}

/// The most diagnostics printed in one run (SPEC §2.2); the rest are
/// counted in one line, and the summary counts them all.
pub(crate) const MAX_SHOWN: usize = 200;

/// The most characters of a message or hint echoed; a key echoed in one
/// is cut with it.
const MAX_MESSAGE_CHARS: usize = 300;

/// The most characters of a key shown beside a caret.
const MAX_KEY_CHARS: usize = 80;

/// `text` made safe to print and cut to `max` characters with `…`: a
/// 1 MB key is echoed as its first characters.
fn cut(text: &str, max: usize) -> String {
    visible(&shorten(text, max)).into_owned()
}

/// `text` cut to `max` characters with `…` (for JSON, which escapes the
/// rest itself).
fn shorten(text: &str, max: usize) -> String {
    match text.char_indices().nth(max) {
        Some((at, _)) => format!("{}…", &text[..at]),
        None => text.to_owned(),
    }
}

/// Prints diagnostics to stderr with a source excerpt and caret each,
/// secondary labels (such as "first defined here") beside them; past
/// [`MAX_SHOWN`] the rest are counted, not printed.
pub(crate) fn human(files: &Files, diagnostics: &[Diagnostic]) {
    let hidden = diagnostics.len().saturating_sub(MAX_SHOWN);
    let diagnostics = &diagnostics[..diagnostics.len().min(MAX_SHOWN)];
    excerpts(files, diagnostics);
    if hidden > 0 {
        say!("… and {hidden} more not shown (only the first {MAX_SHOWN} are printed)");
    }
}

fn excerpts(files: &Files, diagnostics: &[Diagnostic]) {
    // codespan prints whole lines: a file with a line of megabytes would
    // take seconds and flood the terminal, so such files get excerpts cut
    // around the problem instead.
    let huge = files.iter().any(|(_, s)| s.text.lines().any(|l| l.len() > MAX_EXCERPT_LINE));
    if huge {
        plain(files, diagnostics);
        return;
    }
    let mut simple = SimpleFiles::new();
    // Excerpts show the user's text with every unsafe character written
    // visibly (an ESC in a map cannot drive the terminal); spans move with
    // the text, so carets stay under what they mark.
    let texts: Vec<(FileId, String, Shown)> =
        files.iter().map(|(id, source)| (id, visible(&source.name).into_owned(), Shown::of(&source.text))).collect();
    let ids: Vec<(FileId, usize, &Shown)> =
        texts.iter().map(|(id, name, shown)| (*id, simple.add(name.as_str(), shown.text.as_str()), shown)).collect();
    let file_of = |id: FileId| ids.iter().find(|(f, _, _)| *f == id).map(|(_, i, _)| *i);
    let clamp = |id: FileId, span: &std::ops::Range<usize>| {
        let len = files.get(id).map_or(0, |s| s.text.len());
        let span = span.start.min(len)..span.end.min(len);
        match ids.iter().find(|(f, _, _)| *f == id) {
            Some((_, _, shown)) => shown.at(span.start)..shown.at(span.end),
            None => span,
        }
    };
    let mut stderr = termcolor::StandardStream::stderr(color_choice());
    let config = term::Config::default();
    for d in diagnostics {
        let severity = match d.severity() {
            Severity::Error => ReportSeverity::Error,
            Severity::Warning => ReportSeverity::Warning,
            Severity::Hint => ReportSeverity::Help,
            Severity::Note => ReportSeverity::Note,
        };
        let label = if d.key.is_empty() { String::new() } else { format!("`{}`", cut(&d.key, MAX_KEY_CHARS)) };
        let mut labels = Vec::new();
        if let Some(file) = file_of(d.file) {
            labels.push(Label::primary(file, clamp(d.file, &d.span)).with_message(label));
        }
        for extra in &d.labels {
            if let Some(file) = file_of(extra.file) {
                labels.push(
                    Label::secondary(file, clamp(extra.file, &extra.span))
                        .with_message(cut(&extra.message, MAX_MESSAGE_CHARS)),
                );
            }
        }
        let report = Report::new(severity)
            .with_code(d.code.as_str())
            .with_message(cut(&d.message, MAX_MESSAGE_CHARS))
            .with_labels(labels)
            .with_notes(d.hints.iter().map(|h| format!("hint: {}", cut(h, MAX_MESSAGE_CHARS))).collect());
        if term::emit(&mut stderr, &config, &simple, &report).is_err() {
            // No excerpt could be drawn (stderr is gone, or the span is off
            // the text): still say what is wrong, in one plain line.
            say!("{}", one_line(files, d));
        }
    }
}

/// A diagnostic on one line, `file:line:column: severity[code]: message`,
/// safe to print: for when no excerpt can be drawn, and for the preview
/// page.
pub(crate) fn one_line(files: &Files, d: &Diagnostic) -> String {
    let (name, at) = files.get(d.file).map_or((String::new(), (0, 0)), |s| {
        let at = s.locate(d.span.start);
        (visible(&s.name).into_owned(), (at.line, at.column))
    });
    let message = cut(&d.message, MAX_MESSAGE_CHARS);
    format!("{name}:{}:{}: {}[{}]: {message}", at.0, at.1, d.severity().as_str(), d.code.as_str())
}

/// The longest line an excerpt shows whole, in bytes.
const MAX_EXCERPT_LINE: usize = 4096;

/// How many characters of a long line an excerpt shows on either side of
/// the problem.
const CONTEXT_CHARS: usize = 60;

/// Excerpts for files with lines too long to print whole: each shows only
/// the characters around the problem, cut with `…`, under the true line
/// and column. Printing a 7 MB line would take seconds and flood the
/// terminal; the part that matters fits on one screen line.
fn plain(files: &Files, diagnostics: &[Diagnostic]) {
    let mut out = String::new();
    for d in diagnostics {
        let Some(source) = files.get(d.file) else { continue };
        let at = source.locate(d.span.start);
        out += &format!("{}[{}]: {}\n", d.severity().as_str(), d.code.as_str(), cut(&d.message, MAX_MESSAGE_CHARS));
        out += &format!("  ┌─ {}:{}:{}\n", visible(&source.name), at.line, at.column);
        let excerpt = Excerpt::around(&source.text, d.span.clone());
        let number = at.line.to_string();
        let gutter = " ".repeat(number.len());
        let label = if d.key.is_empty() { String::new() } else { format!(" `{}`", cut(&d.key, MAX_KEY_CHARS)) };
        out += &format!("{gutter} │\n{number} │ {}\n", excerpt.text);
        out += &format!("{gutter} │ {}{}{label}\n", " ".repeat(excerpt.caret_at), "^".repeat(excerpt.caret_len));
        for hint in &d.hints {
            out += &format!("{gutter} = hint: {}\n", cut(hint, MAX_MESSAGE_CHARS));
        }
        out += "\n";
    }
    let _ = std::io::stderr().write_all(out.as_bytes());
}

/// A window of one source line around a span, made safe to print.
struct Excerpt {
    /// The window, with `…` where the line was cut.
    text: String,
    /// Characters before the first caret.
    caret_at: usize,
    /// Number of carets (at least one, at most [`CONTEXT_CHARS`]).
    caret_len: usize,
}

impl Excerpt {
    fn around(text: &str, span: std::ops::Range<usize>) -> Excerpt {
        let floor = |mut i: usize| {
            i = i.min(text.len());
            while !text.is_char_boundary(i) {
                i -= 1;
            }
            i
        };
        let start = floor(span.start);
        let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
        let line_end = text[start..].find('\n').map_or(text.len(), |i| start + i);
        let end = floor(span.end.max(start)).min(line_end);
        let before: Vec<char> = text[line_start..start].chars().rev().take(CONTEXT_CHARS + 1).collect();
        let marked: Vec<char> = text[start..end].chars().take(CONTEXT_CHARS).collect();
        let after: Vec<char> = text[start..line_end].chars().skip(marked.len()).take(CONTEXT_CHARS + 1).collect();
        let cut_before = before.len() > CONTEXT_CHARS;
        let mut head = String::from(if cut_before { "…" } else { "" });
        head.extend(before.iter().take(CONTEXT_CHARS).rev());
        let head = visible(&head).into_owned();
        let marked = visible(&marked.iter().collect::<String>()).into_owned();
        let mut tail: String = after.iter().take(CONTEXT_CHARS).collect();
        if after.len() > CONTEXT_CHARS {
            tail.push('…');
        }
        let tail = visible(tail.trim_end_matches('\r')).into_owned();
        // Counted after the escapes: the carets sit under the marked text
        // as shown.
        Excerpt {
            caret_at: head.chars().count(),
            caret_len: marked.chars().count().max(1),
            text: head + &marked + &tail,
        }
    }
}

/// A source's text as an excerpt shows it (see [`visible`]), with where
/// each byte of the original went.
struct Shown {
    text: String,
    /// Each rewritten character: its offset in the original and how many
    /// bytes longer the text is after it.
    moves: Vec<(usize, usize)>,
}

impl Shown {
    fn of(text: &str) -> Shown {
        let mut moves = Vec::new();
        let mut grown = 0;
        for (at, c) in journeymap::terminal::changes(text) {
            grown += journeymap::terminal::escape(c, Spelling::Braces).len() - c.len_utf8();
            moves.push((at, grown));
        }
        Shown { text: visible(text).into_owned(), moves }
    }

    /// Where byte `offset` of the original is in the shown text (a
    /// rewritten character's own offset maps to the start of its escape).
    fn at(&self, offset: usize) -> usize {
        let before = self.moves.partition_point(|&(at, _)| at < offset);
        offset + before.checked_sub(1).map_or(0, |i| self.moves[i].1)
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
                "key": shorten(&d.key, MAX_KEY_CHARS),
                "message": shorten(&d.message, MAX_MESSAGE_CHARS),
                "hint": d.hint().map(|h| shorten(h, MAX_MESSAGE_CHARS)),
            })
        })
        .collect();
    let mut text = serde_json::to_string_pretty(&items).map_err(std::io::Error::other)?;
    text.push('\n');
    super::write_stdout_as(text.as_bytes(), Spelling::Json).map_err(|f| std::io::Error::other(f.message))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_line_is_cut_around_the_problem() {
        let text = format!("title = \"{}x{}\"\n", "a".repeat(10_000), "b".repeat(10_000));
        let at = text.find('x').expect("the marker");
        let excerpt = Excerpt::around(&text, at..at + 1);
        assert!(excerpt.text.chars().count() <= 2 * CONTEXT_CHARS + 3, "{}", excerpt.text);
        assert!(excerpt.text.starts_with('…') && excerpt.text.ends_with('…'));
        assert_eq!(excerpt.text.chars().nth(excerpt.caret_at), Some('x'));
        assert_eq!(excerpt.caret_len, 1);
    }

    #[test]
    fn a_short_line_is_shown_whole_and_made_inert() {
        let text = "title = \"a\u{1b}]0;owned\u{7}b\"\nnext\n";
        let excerpt = Excerpt::around(text, 0..5);
        assert_eq!(excerpt.text, "title = \"a\\u{1b}]0;owned\\u{7}b\"");
        assert_eq!((excerpt.caret_at, excerpt.caret_len), (0, 5));
    }

    #[test]
    fn carets_stay_under_what_they_mark_after_an_escape() {
        let text = "a = \"\u{202e}\u{9b}x\"\n";
        let at = text.find('x').expect("the marker");
        let excerpt = Excerpt::around(text, at..at + 1);
        assert_eq!(excerpt.text.chars().nth(excerpt.caret_at), Some('x'), "{}", excerpt.text);
        let shown = Shown::of(text);
        assert_eq!(shown.text.get(shown.at(at)..shown.at(at + 1)), Some("x"), "{}", shown.text);
        assert_eq!(shown.at(0), 0);
        assert!(!shown.text.chars().any(journeymap::terminal::is_unsafe));
    }
}
