//! Mermaid `journey` diagrams, read into a journey file and written from
//! one.
//!
//! The reader follows Mermaid's own grammar (`journey.jison` and the
//! pipeline before it: front matter, `%%{init}%%` directives and comments
//! removed, CRLF read as LF), so a diagram Mermaid draws is imported, and
//! one Mermaid refuses gets a located error with a fix. Where Mermaid
//! changes data silently (a score of 9, a second section of the same name,
//! text after `#`), the import keeps what it can and says what it did.

use super::quoted;
use crate::diag::{Code, Diagnostic};
use crate::model::{Journey, Span};

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

fn error(span: Span, key: &str, message: impl Into<String>, hint: impl Into<String>) -> Diagnostic {
    Diagnostic::new(Code::MermaidSyntax, span, key, message).with_hint(hint)
}

fn changed(span: Span, key: &str, message: impl Into<String>, hint: impl Into<String>) -> Diagnostic {
    Diagnostic::new(Code::ImportChanged, span, key, message).with_hint(hint)
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

/// A diagram as a journey file, with comments that say where it came
/// from. Names made unique and placeholders (a title, a stage) are
/// reported in `diagnostics`, located in the diagram.
pub fn to_toml(diagram: &Diagram, source_name: &str, diagnostics: &mut Vec<Diagnostic>) -> String {
    let mut out = format!("# Imported from the Mermaid journey {source_name} by `journeymap import`.\n");
    out += "# Mermaid has no marks, moments of truth, owners or actions: add them here.\n\n";
    let title = diagram
        .title
        .clone()
        .filter(|t| !t.trim().is_empty())
        .or_else(|| diagram.acc_title.clone().filter(|t| !t.trim().is_empty()));
    let title = title.unwrap_or_else(|| {
        diagnostics.push(changed(
            0..0,
            "title",
            "the diagram has no title; the map is titled \"Untitled journey\"",
            "add `title My journey` to the diagram, or change the title in the map",
        ));
        "Untitled journey".to_owned()
    });
    out += &format!("title = {}\n", quoted(title.trim()));
    if let Some(acc) = diagram.acc_title.as_deref().map(str::trim).filter(|a| !a.is_empty() && *a != title.trim()) {
        out += &format!("subtitle = {}  # accTitle\n", quoted(acc));
    }
    if let Some(descr) = diagram.acc_descr.as_deref().map(str::trim).filter(|d| !d.is_empty()) {
        out += &format!("description = {}  # accDescr\n", quoted(descr));
    }
    let mut sections: Vec<Section> =
        diagram.sections.iter().filter(|s| !(s.name.is_empty() && s.tasks.is_empty())).cloned().collect();
    if sections.is_empty() {
        diagnostics.push(changed(
            0..0,
            "section",
            "the diagram has no sections; the map has one stage, \"Journey\", to fill in",
            "add `section Go to work` and tasks under it, or add stages to the map",
        ));
        sections.push(Section { name: "Journey".to_owned(), span: 0..0, tasks: Vec::new() });
    }
    let mut names: Vec<String> = Vec::new();
    for section in &sections {
        let mut name = if section.name.is_empty() {
            diagnostics.push(changed(
                section.span.clone(),
                "section",
                "tasks before the first `section` go into a stage named \"Start\"",
                "put a `section` line above them to name their stage",
            ));
            "Start".to_owned()
        } else {
            section.name.clone()
        };
        let unique = unique_name(&name, &names);
        if unique != name {
            diagnostics.push(changed(
                section.span.clone(),
                "section",
                format!(
                    "a second section named \"{name}\" becomes the stage \"{unique}\": stage names are unique in a map"
                ),
                "rename one of the sections, or merge them in the map",
            ));
            name = unique;
        }
        names.push(name.clone());
        out += &format!("\n[[stage]]\nname = {}\n", quoted(&name));
        let mut tasks: Vec<String> = Vec::new();
        for task in &section.tasks {
            let mut tname = if task.name.is_empty() { "Untitled task".to_owned() } else { task.name.clone() };
            let unique = unique_name(&tname, &tasks);
            if unique != tname {
                diagnostics.push(changed(
                    task.span.clone(),
                    "task",
                    format!("a second task named \"{tname}\" in \"{name}\" becomes \"{unique}\": touchpoint names are unique in a stage"),
                    "rename one of the tasks",
                ));
                tname = unique;
            }
            tasks.push(tname.clone());
            out += &format!("\n  [[stage.touchpoint]]\n  name = {}\n", quoted(&tname));
            if let Some(score) = task.score {
                out += &format!("  score = {score}\n");
            }
            if !task.actors.is_empty() {
                let actors: Vec<String> = task.actors.iter().map(|a| quoted(a)).collect();
                out += &format!("  actors = [{}]\n", actors.join(", "));
            }
            let mut note = Vec::new();
            if let Some(odd) = &task.odd_score {
                note.push(format!("Mermaid score: {odd}"));
            }
            if !task.extra.is_empty() {
                note.push(format!("More Mermaid fields: {}", task.extra.join(": ")));
            }
            if !note.is_empty() {
                out += &format!("  note = {}\n", quoted(&note.join("; ")));
            }
        }
    }
    out
}

/// `name`, or `name (2)`, `name (3)`… if `taken` has it.
fn unique_name(name: &str, taken: &[String]) -> String {
    if !taken.iter().any(|t| t == name) {
        return name.to_owned();
    }
    (2..).map(|n| format!("{name} ({n})")).find(|c| !taken.iter().any(|t| t == c)).unwrap_or_default()
}

/// A journey as a Mermaid `journey` diagram: the title, the subtitle as
/// `accTitle`, the description as `accDescr`, each stage a section and each
/// touchpoint a task with its score and actors. Everything else (marks,
/// moments of truth, channels, owners, notes, actions, the spine's
/// questions, lanes and the poster settings) has no place in Mermaid and is
/// left out; a touchpoint without a score gets 3, said in a comment above
/// it, since Mermaid needs one.
pub fn write(journey: &Journey) -> String {
    let mut out = String::from("journey\n");
    out += &format!("    title {}\n", clean(&journey.title, true));
    if let Some(sub) = &journey.subtitle {
        out += &format!("    accTitle: {}\n", clean(sub, true));
    }
    if let Some(descr) = &journey.description {
        let lines: Vec<String> = descr.lines().map(|l| l.replace('}', ")")).collect();
        if lines.len() > 1 {
            out += "    accDescr {\n";
            for l in lines {
                out += &format!("        {}\n", l.trim());
            }
            out += "    }\n";
        } else {
            out += &format!("    accDescr: {}\n", clean(descr, true));
        }
    }
    for stage in &journey.stages {
        // After `section ` a keyword is just a word: no quoting needed.
        out += &format!("    section {}\n", clean(&stage.name, false));
        for t in &stage.touchpoints {
            let score = match t.score {
                Some(s) => s.get().to_string(),
                None => {
                    out += &format!("      %% {} has no score in the map; 3 stands in for it\n", clean(&t.name, true));
                    "3".to_owned()
                }
            };
            let actors: Vec<String> = t.actors.iter().map(|a| clean(a, false).replace(',', " ")).collect();
            let name = safe_start(&clean(&t.name, false));
            if actors.is_empty() {
                out += &format!("      {name}: {score}\n");
            } else {
                out += &format!("      {name}: {score}: {}\n", actors.join(", "));
            }
        }
    }
    out
}

/// Text Mermaid reads back as written: no line breaks, and none of the
/// characters its lexer stops at (`:` but in accessibility text, `#`, `;`).
fn clean(text: &str, colon_ok: bool) -> String {
    let one_line = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut out = one_line.replace('#', "No. ").replace(';', ",").replace("%%", "%");
    if !colon_ok {
        out = out.replace(':', " –");
    }
    out
}

/// A name that does not start with one of Mermaid's keywords, which would
/// make the line a header, a title or a section: such a name is quoted.
fn safe_start(name: &str) -> String {
    let word = first_word(name).to_ascii_lowercase();
    if ["journey", "title", "section", "acctitle", "accdescr"].contains(&word.as_str()) || name.is_empty() {
        format!("“{name}”")
    } else {
        name.to_owned()
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

    #[test]
    fn written_names_read_back_unchanged_in_meaning() {
        assert_eq!(safe_start("Section review"), "“Section review”");
        assert_eq!(clean("Day 1: Morning #2; later", false), "Day 1 – Morning No. 2, later");
    }
}
