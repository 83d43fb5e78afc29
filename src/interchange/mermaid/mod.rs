//! Mermaid `journey` diagrams, read into a journey file and written from
//! one.
//!
//! The reader follows Mermaid's own grammar (`journey.jison` and the
//! pipeline before it: front matter, `%%{init}%%` directives and comments
//! removed, CRLF read as LF), so a diagram Mermaid draws is imported, and
//! one Mermaid refuses gets a located error with a fix. Where Mermaid
//! changes data silently (a score of 9, a second section of the same name,
//! text after `#`), the import keeps what it can and says what it did.

mod read;
mod write;

pub use read::read;
pub use write::{to_toml, write};

use crate::diag::{Code, Diagnostic};
use crate::model::Span;

/// A diagram as read: what Mermaid keeps of it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Diagram {
    /// `title …`, or the front matter's `title:`.
    pub title: Option<String>,
    /// `accTitle: …`.
    pub acc_title: Option<String>,
    /// `accDescr: …` or `accDescr { … }`.
    pub acc_descr: Option<String>,
    /// The sections in order; tasks before the first section are in one
    /// with an empty name.
    pub sections: Vec<Section>,
}

/// `section NAME` and its tasks.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Section {
    /// The name as written, line breaks (`<br>`) read as spaces.
    pub name: String,
    /// Where the `section` line is (empty for tasks before any section).
    pub span: Span,
    /// The tasks in order.
    pub tasks: Vec<Task>,
}

/// `NAME: SCORE: ACTOR, ACTOR`.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Task {
    /// The name as written up to the first colon, trimmed.
    pub name: String,
    /// Where the line is.
    pub span: Span,
    /// The score when it is a whole number from 1 to 5.
    pub score: Option<u8>,
    /// The score as written, when it is not a whole number from 1 to 5.
    pub odd_score: Option<String>,
    /// The actors, trimmed, empty ones left out.
    pub actors: Vec<String>,
    /// Fields after the actors, which Mermaid ignores.
    pub extra: Vec<String>,
}

/// Whether text looks like a Mermaid journey: its first line that is not
/// blank, a comment, a directive or front matter is `journey`.
pub fn looks_like_mermaid(text: &str) -> bool {
    let mut in_front = false;
    for (i, line) in text.lines().enumerate() {
        let t = line.trim();
        if t == "---" && (i == 0 || in_front || text.lines().take(i).all(|l| l.trim().is_empty())) {
            in_front = !in_front;
            continue;
        }
        if in_front || t.is_empty() || t.starts_with("%%") {
            continue;
        }
        // `journey = …` would be a TOML key, not a diagram's header.
        return first_word(t).eq_ignore_ascii_case("journey") && !t.contains('=');
    }
    false
}

fn indent(line: &str) -> usize {
    line.len() - line.trim_start().len()
}

fn first_word(line: &str) -> &str {
    line.split(|c: char| c.is_whitespace() || c == ':' || c == '{').next().unwrap_or("")
}

fn error(span: Span, key: &str, message: impl Into<String>, hint: impl Into<String>) -> Diagnostic {
    Diagnostic::new(Code::MermaidSyntax, span, key, message).with_hint(hint)
}

fn changed(span: Span, key: &str, message: impl Into<String>, hint: impl Into<String>) -> Diagnostic {
    Diagnostic::new(Code::ImportChanged, span, key, message).with_hint(hint)
}

/// Text with runs of white space as one space, as Mermaid's drawing shows
/// it.
fn squeeze(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// `<br>`, `<br/>`, `</br />` and the like, which Mermaid draws as line
/// breaks, read as spaces: stage and card names wrap by themselves.
fn without_breaks(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(i) = rest.find('<') {
        let tag = &rest[i..];
        let end = tag.find('>').map(|e| e + 1);
        let is_break = end.is_some_and(|e| {
            let inner: String = tag[1..e - 1].chars().filter(|c| !c.is_whitespace() && *c != '/').collect();
            inner.eq_ignore_ascii_case("br")
        });
        match (is_break, end) {
            (true, Some(e)) => {
                out.push_str(rest[..i].trim_end());
                out.push(' ');
                rest = tag[e..].trim_start();
            }
            _ => {
                out.push_str(&rest[..=i]);
                rest = &rest[i + 1..];
            }
        }
    }
    out.push_str(rest);
    squeeze(&out)
}

fn shorten(text: &str) -> String {
    let t: String = text.chars().take(60).collect();
    if t.len() < text.len() { format!("{t}…") } else { t }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_diagram_is_told_from_a_map_by_its_first_line() {
        assert!(looks_like_mermaid("\n%% a comment\njourney\n  title T\n"));
        assert!(looks_like_mermaid("---\ntitle: T\n---\nJOURNEY\n"));
        assert!(!looks_like_mermaid("journey = \"x\"\ntitle = \"T\"\n"));
        assert!(!looks_like_mermaid("# A map\ntitle = \"T\"\n"));
    }

    #[test]
    fn breaks_in_names_become_spaces() {
        assert_eq!(without_breaks("Line1<br>Line2<br/>Line3</br />Line4<br\t/>Line5"), "Line1 Line2 Line3 Line4 Line5");
        assert_eq!(without_breaks("a < b <i>c</i>"), "a < b <i>c</i>");
    }
}
