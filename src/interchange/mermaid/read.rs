//! Reading a diagram: Mermaid's grammar, line by line.

use super::{Diagram, Section, Task, changed, error, first_word, indent, shorten, squeeze, without_breaks};
use crate::diag::Diagnostic;
use crate::model::Span;

/// One line of the file: its text without the line break, and where it
/// starts.
struct Line<'a> {
    start: usize,
    text: &'a str,
}

impl Line<'_> {
    /// The span of the line's text after its indentation.
    fn span(&self) -> Span {
        let indent = self.text.len() - self.text.trim_start().len();
        let end = self.start + self.text.trim_end().len();
        (self.start + indent).min(end)..end
    }
}

fn lines(text: &str) -> Vec<Line<'_>> {
    let mut out = Vec::new();
    let mut start = 0;
    for raw in text.split_inclusive('\n') {
        out.push(Line { start, text: raw.trim_end_matches(['\n', '\r']) });
        start += raw.len();
    }
    out
}

/// Reads a Mermaid journey. Errors are what Mermaid itself refuses; the
/// warnings say where the import kept something Mermaid would change or
/// drop.
pub fn read(text: &str) -> (Option<Diagram>, Vec<Diagnostic>) {
    let mut reader = Reader { diagram: Diagram::default(), diagnostics: Vec::new(), directive_seen: false };
    let ok = reader.read(text);
    let failed = !ok || reader.diagnostics.iter().any(Diagnostic::is_error);
    (if failed { None } else { Some(reader.diagram) }, reader.diagnostics)
}

struct Reader {
    diagram: Diagram,
    diagnostics: Vec<Diagnostic>,
    directive_seen: bool,
}

impl Reader {
    fn read(&mut self, text: &str) -> bool {
        let lines = lines(text);
        let mut at = self.front_matter(&lines);
        // The header: comments, directives and blank lines may come first.
        loop {
            let Some(line) = lines.get(at) else {
                let end = text.len();
                self.diagnostics.push(error(
                    end..end,
                    "journey",
                    "the file has no `journey` line",
                    "a Mermaid journey starts with the line `journey`, then `title …`, `section …` and the tasks",
                ));
                return false;
            };
            at += 1;
            let t = line.text.trim();
            if t.is_empty() || self.comment(line) {
                continue;
            }
            if !first_word(t).eq_ignore_ascii_case("journey") {
                self.diagnostics.push(error(
                    line.span(),
                    "journey",
                    format!("the diagram starts with `{}` instead of the line `journey`", shorten(t)),
                    "add the line `journey` before it: a Mermaid user-journey diagram starts with that word",
                ));
                return false;
            }
            let rest = t[first_word(t).len()..].trim();
            if !rest.is_empty() {
                self.statement(line, rest, &lines, &mut at);
            }
            break;
        }
        while let Some(line) = lines.get(at) {
            at += 1;
            let t = line.text.trim();
            if t.is_empty() || self.comment(line) {
                continue;
            }
            self.statement(line, t, &lines, &mut at);
        }
        true
    }

    /// Front matter between `---` lines at the start: its `title:` is the
    /// diagram's title; the rest is Mermaid's rendering configuration.
    /// Returns the index of the first line after it.
    fn front_matter(&mut self, lines: &[Line<'_>]) -> usize {
        let Some(open) = lines.iter().position(|l| !l.text.trim().is_empty()) else { return 0 };
        if lines[open].text.trim() != "---" {
            return 0;
        }
        let Some(close) = lines[open + 1..].iter().position(|l| l.text.trim() == "---").map(|i| open + 1 + i) else {
            self.diagnostics.push(error(
                lines[open].span(),
                "---",
                "the front matter that starts here is never closed",
                "end it with a line `---` before `journey`",
            ));
            return lines.len();
        };
        // Mermaid dedents a diagram before reading it: top-level keys are
        // at the indentation of the opening `---`, nested ones deeper.
        let base = indent(lines[open].text);
        let mut skipped = Vec::new();
        for line in &lines[open + 1..close] {
            if indent(line.text) > base || line.text.trim().is_empty() || line.text.trim_start().starts_with('#') {
                continue;
            }
            match line.text.split_once(':') {
                Some((key, value)) if key.trim() == "title" => {
                    let value = value.trim().trim_matches(['"', '\'']).trim();
                    if !value.is_empty() {
                        self.diagram.title = Some(value.to_owned());
                    }
                }
                Some((key, _)) => skipped.push((key.trim().to_owned(), line.span())),
                None => skipped.push((line.text.trim().to_owned(), line.span())),
            }
        }
        if let Some((key, span)) = skipped.first() {
            let keys: Vec<&str> = skipped.iter().map(|(k, _)| k.as_str()).collect();
            self.diagnostics.push(changed(
                span.clone(),
                key,
                format!("front matter `{}` is Mermaid's drawing configuration and is not imported", keys.join("`, `")),
                "the poster's look comes from a journeymap theme: `theme = \"dark\"` in the map",
            ));
        }
        close + 1
    }

    /// Skips a comment or directive line, saying so for a directive.
    fn comment(&mut self, line: &Line<'_>) -> bool {
        let t = line.text.trim();
        if t.starts_with("%%{") {
            if !self.directive_seen {
                self.directive_seen = true;
                self.diagnostics.push(changed(
                    line.span(),
                    "%%{",
                    "the `%%{init}%%` directive is Mermaid's drawing configuration and is not imported",
                    "the poster's look comes from a journeymap theme: `theme = \"dark\"` in the map",
                ));
            }
            return true;
        }
        t.starts_with("%%") || t.starts_with('#')
    }

    /// One statement: title, accTitle, accDescr, section or task.
    fn statement(&mut self, line: &Line<'_>, text: &str, lines: &[Line<'_>], at: &mut usize) {
        let text = self.without_comment(line, text);
        if text.is_empty() {
            return;
        }
        let word = first_word(text);
        let span = line.span();
        match word.to_ascii_lowercase().as_str() {
            "journey" => self.diagnostics.push(error(
                span,
                "journey",
                format!(
                    "`{}` starts with the word `journey`, which Mermaid reads as the diagram's header",
                    shorten(text)
                ),
                "reword it so it does not start with `journey`, e.g. `Trip home: 3: Me`",
            )),
            "acctitle" => {
                let rest = text[word.len()..].trim_start();
                match rest.strip_prefix(':') {
                    Some(value) => self.diagram.acc_title = Some(value.trim().to_owned()),
                    None => self.diagnostics.push(error(
                        span,
                        "accTitle",
                        "`accTitle` needs a colon before its text",
                        format!("write `accTitle: {}`", rest.trim()),
                    )),
                }
            }
            "accdescr" => self.acc_descr(line, text[word.len()..].trim_start(), lines, at),
            "title" if text.len() > word.len() && text[word.len()..].starts_with(char::is_whitespace) => {
                let value = squeeze(&text[word.len()..]);
                let in_section = !self.diagram.sections.is_empty();
                if in_section && value.contains(':') {
                    self.diagnostics.push(changed(
                        span.clone(),
                        "title",
                        format!(
                            "`{}` starts with the word `title`, so Mermaid reads it as the diagram's title, not a task",
                            shorten(text)
                        ),
                        "if it is a task, reword it so it does not start with `title`, e.g. `Opening screen: 5: Me`",
                    ));
                } else if self.diagram.title.is_some() {
                    self.diagnostics.push(changed(
                        span.clone(),
                        "title",
                        "a second `title` replaces the first, as in Mermaid",
                        "keep one `title` line",
                    ));
                }
                self.diagram.title = Some(value);
            }
            "section" => self.section(line, text, word),
            _ => self.task(line, text),
        }
    }

    /// Cuts a comment off a statement: text after `#` (Mermaid does the
    /// same) or after ` %%` (which Mermaid would keep in the last actor).
    fn without_comment<'t>(&mut self, line: &Line<'_>, text: &'t str) -> &'t str {
        let mut text = text;
        if let Some(i) = text.find('#') {
            let glued = text[..i].chars().next_back().is_some_and(|c| !c.is_whitespace());
            if glued {
                let at = line.start + line.text.find('#').unwrap_or(0);
                self.diagnostics.push(changed(
                    at..at + 1,
                    "#",
                    format!("`{}` is cut at `#`: Mermaid reads the rest of the line as a comment", shorten(text)),
                    "write the text without `#` (e.g. `Child 1`), or keep the cut",
                ));
            }
            text = text[..i].trim_end();
        }
        if let Some(i) = text.find("%%").filter(|&i| i > 0) {
            let at = line.start + line.text.find("%%").unwrap_or(0);
            self.diagnostics.push(changed(
                at..at + 2,
                "%%",
                format!("`{}` is read as a comment", shorten(&text[i..])),
                "Mermaid would keep it as part of the last actor; put comments on a line of their own",
            ));
            text = text[..i].trim_end();
        }
        text
    }

    fn acc_descr(&mut self, line: &Line<'_>, rest: &str, lines: &[Line<'_>], at: &mut usize) {
        if let Some(value) = rest.strip_prefix(':') {
            self.diagram.acc_descr = Some(value.trim().to_owned());
            return;
        }
        let Some(body) = rest.strip_prefix('{') else {
            self.diagnostics.push(error(
                line.span(),
                "accDescr",
                "`accDescr` needs a colon or a `{` before its text",
                "write `accDescr: one line`, or `accDescr {` then lines of text and a closing `}`",
            ));
            return;
        };
        // Everything up to the first `}`, over as many lines as it takes.
        let mut parts: Vec<String> = Vec::new();
        let mut current = body.to_owned();
        loop {
            if let Some(end) = current.find('}') {
                parts.push(current[..end].to_owned());
                let after = current[end + 1..].trim().to_owned();
                let text: Vec<&str> = parts.iter().map(|p| p.trim()).filter(|p| !p.is_empty()).collect();
                self.diagram.acc_descr = Some(text.join("\n"));
                if !after.is_empty() {
                    // `}title …` on one line, as Mermaid accepts.
                    let here = lines.get(at.saturating_sub(1)).unwrap_or(line);
                    self.statement(here, &after, lines, at);
                }
                return;
            }
            parts.push(current);
            let Some(next) = lines.get(*at) else {
                self.diagnostics.push(error(
                    line.span(),
                    "accDescr",
                    "the `accDescr {` block is never closed",
                    "end the description with `}`",
                ));
                return;
            };
            *at += 1;
            current = next.text.to_owned();
        }
    }

    fn section(&mut self, line: &Line<'_>, text: &str, word: &str) {
        let name = text[word.len()..].trim();
        let span = line.span();
        if name.is_empty() {
            self.diagnostics.push(error(
                span,
                "section",
                "`section` needs a name on the same line",
                "write `section Go to work`",
            ));
            return;
        }
        if name.contains(':') {
            let task_like = name.split(':').nth(1).is_some_and(|s| s.trim().parse::<f64>().is_ok());
            let hint = if task_like {
                format!(
                    "a line starting with the word `section` starts a section; if `{}` is a task, reword it so it does not start with `section`",
                    shorten(text)
                )
            } else {
                format!("write it without the colon, e.g. `section {}`", name.replacen(':', " –", 1))
            };
            self.diagnostics.push(error(
                span,
                "section",
                format!("the section name `{}` contains `:`, which Mermaid does not allow", shorten(name)),
                hint,
            ));
            return;
        }
        self.diagram.sections.push(Section { name: without_breaks(name), span, tasks: Vec::new() });
    }

    fn task(&mut self, line: &Line<'_>, text: &str) {
        let span = line.span();
        if text.contains(';') {
            let at = line.start + line.text.find(';').unwrap_or(0);
            self.diagnostics.push(error(
                at..at + 1,
                "task",
                "Mermaid does not allow `;` in a journey",
                "separate actors with commas: `Make tea: 5: Me, Cat`",
            ));
            return;
        }
        let Some((name, data)) = text.split_once(':') else {
            self.diagnostics.push(error(
                span,
                "task",
                format!("the task `{}` has no score", shorten(text)),
                format!("write `{}: 3: Me` (a score from 1 to 5, then the actors)", text.trim()),
            ));
            return;
        };
        if data.trim().is_empty() {
            self.diagnostics.push(error(
                span,
                "task",
                format!("the task `{}` has a colon but no score after it", shorten(name.trim())),
                format!("write `{}: 3: Me` (a score from 1 to 5, then the actors)", name.trim()),
            ));
            return;
        }
        let mut fields = data.split(':');
        let written = fields.next().unwrap_or("").trim();
        let actors: Vec<String> =
            fields.next().map(|a| a.split(',').map(squeeze).filter(|a| !a.is_empty()).collect()).unwrap_or_default();
        let extra: Vec<String> = fields.map(|f| f.trim().to_owned()).filter(|f| !f.is_empty()).collect();
        let name = without_breaks(name.trim());
        let score = written.parse::<u8>().ok().filter(|s| (1..=5).contains(s));
        let odd_score = score.is_none().then(|| written.to_owned());
        if let Some(odd) = &odd_score {
            self.diagnostics.push(changed(
                span.clone(),
                "score",
                format!("the score `{odd}` of `{}` is not a whole number from 1 to 5; it is imported without a score", shorten(&name)),
                "the original is kept in the touchpoint's note; give it a score from 1 (very negative) to 5 (very positive)",
            ));
        }
        if !extra.is_empty() {
            self.diagnostics.push(changed(
                span.clone(),
                "task",
                format!("`{}` has fields after its actors, which Mermaid ignores", shorten(&name)),
                "they are kept in the touchpoint's note",
            ));
        }
        if self.diagram.sections.is_empty() {
            self.diagram.sections.push(Section {
                name: String::new(),
                span: span.start..span.start,
                tasks: Vec::new(),
            });
        }
        if let Some(section) = self.diagram.sections.last_mut() {
            section.tasks.push(Task { name, span, score, odd_score, actors, extra });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read_ok(text: &str) -> Diagram {
        let (diagram, diagnostics) = read(text);
        diagram.unwrap_or_else(|| panic!("{text:?}: {diagnostics:?}"))
    }

    #[test]
    fn tasks_scores_and_actors_are_read_as_mermaid_reads_them() {
        let d =
            read_ok("journey\ntitle My day\nsection Go to work\n  Make tea: 5: Me\n  Do work:1:Me, Cat\n  Rest: 3\n");
        assert_eq!(d.title.as_deref(), Some("My day"));
        let tasks = &d.sections[0].tasks;
        assert_eq!(
            (tasks[0].name.as_str(), tasks[0].score, tasks[0].actors.clone()),
            ("Make tea", Some(5), vec!["Me".to_owned()])
        );
        assert_eq!(tasks[1].actors, ["Me", "Cat"]);
        assert!(tasks[2].actors.is_empty());
    }

    #[test]
    fn what_mermaid_refuses_is_an_error_at_its_line() {
        for (text, line, words) in [
            ("title My day\nsection A\n", 1, "instead of the line `journey`"),
            ("journey\nsection A\n  Make tea\n", 3, "has no score"),
            ("journey\nsection A\n  Make tea:\n", 3, "colon but no score"),
            ("journey\nsection A\n  Make tea: 5: Me; Cat\n", 3, "`;`"),
            ("journey\nsection Day 1: Morning\n", 2, "contains `:`"),
            ("journey\nsection\n  Make tea: 5: Me\n", 2, "needs a name"),
            ("journey\nsection Commute\n  Journey home: 3: Me\n", 3, "word `journey`"),
            ("journey\naccDescr {\n  never closed\n", 2, "never closed"),
            ("journey\naccTitle The title\n", 2, "needs a colon"),
        ] {
            let (diagram, diagnostics) = read(text);
            assert!(diagram.is_none(), "{text:?}");
            let errors: Vec<_> = diagnostics.iter().filter(|d| d.is_error()).collect();
            assert_eq!(errors.len(), 1, "{text:?}: {errors:?}");
            let at = text[..errors[0].span.start].matches('\n').count() + 1;
            assert_eq!(at, line, "{text:?}: {errors:?}");
            assert!(errors[0].message.contains(words), "{text:?}: {}", errors[0].message);
        }
    }
}
