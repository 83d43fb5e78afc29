//! What the renderer checks beyond parsing: characters no loaded font can
//! draw, and themes that cannot be loaded, both as located diagnostics.

use super::Renderer;
use crate::diag::{Code, Diagnostic, FileId, Label, Source};
use crate::model::{Journey, Span};
use crate::parse::Parsed;
use crate::theme::{self, ThemeError};

impl Renderer {
    /// One warning per field that holds characters no loaded font can
    /// draw, naming each, at the field's own line. Only text the poster
    /// shows is checked; our own labels are known to be covered.
    pub fn coverage(&self, journey: &Journey) -> Vec<Diagnostic> {
        let mut uncovered = Uncovered { shaper: self.shaper(), fields: Vec::new() };
        let j = journey;
        for (key, value) in [
            ("title", Some(&j.title)),
            ("subtitle", j.subtitle.as_ref()),
            ("persona", j.persona.as_ref()),
            ("organisation", j.organisation.as_ref()),
            ("version", j.version.as_ref()),
        ] {
            if let Some(v) = value {
                uncovered.check(key, j.spans.get(key), v);
            }
        }
        for member in &j.team {
            uncovered.check("team", j.spans.get("team"), member);
        }
        for source in &j.sources {
            uncovered.check("sources", j.spans.get("sources"), source);
        }
        for lane in &j.lanes {
            uncovered.check("title", lane.span.clone(), &lane.title);
        }
        for (key, text) in &j.labels {
            uncovered.check(key, j.spans.get("labels"), text);
        }
        if let Some(sign) = j.currency.as_deref().and_then(crate::labels::currency_sign) {
            uncovered.check("currency", j.spans.get("currency"), &sign);
        }
        for stage in &j.stages {
            uncovered.stage(j, stage);
        }
        uncovered.fields.into_iter().map(|field| missing_glyph(&field.key, field.span, &field.chars)).collect()
    }
}

/// A field with characters no font draws.
struct Field {
    key: String,
    span: Span,
    chars: Vec<char>,
}

/// The fields found so far, each once, its characters each once.
struct Uncovered<'a> {
    shaper: crate::text::Shaper<'a>,
    fields: Vec<Field>,
}

impl Uncovered<'_> {
    /// Notes the characters of `text` no font draws, under the field at
    /// `key` and `span`.
    fn check(&mut self, key: &str, span: Span, text: &str) {
        let missing = self.shaper.uncovered(text);
        if missing.is_empty() {
            return;
        }
        let at = match self.fields.iter().position(|f| f.key == key && f.span == span) {
            Some(i) => i,
            None => {
                self.fields.push(Field { key: key.to_owned(), span, chars: Vec::new() });
                self.fields.len() - 1
            }
        };
        for c in missing {
            if !self.fields[at].chars.contains(&c) {
                self.fields[at].chars.push(c);
            }
        }
    }

    /// A stage's text: its name, answers, lanes and touchpoints.
    fn stage(&mut self, j: &Journey, stage: &crate::model::Stage) {
        let at = |key: &str| stage.spans.get_or(key, &stage.span);
        self.check("name", at("name"), &stage.name);
        for q in crate::model::Question::ALL {
            if let Some(text) = stage.answer(q) {
                self.check(q.key(), at(q.key()), &text.joined());
            }
        }
        if let Some(note) = &stage.effort_note {
            self.check("effort_note", at("effort_note"), note);
        }
        for (i, lane) in j.lanes.iter().enumerate() {
            if let Some(text) = stage.lane(i) {
                self.check(&lane.key, at(&lane.key), &text.joined());
            }
        }
        for t in &stage.touchpoints {
            let at = |key: &str| t.spans.get_or(key, &t.span);
            self.check("name", at("name"), &t.name);
            for (key, value) in [("channel", &t.channel), ("owner", &t.owner)] {
                if let Some(v) = value {
                    self.check(key, at(key), v);
                }
            }
            for actor in &t.actors {
                self.check("actors", at("actors"), actor);
            }
            // The priorities panel prints the agreed action.
            if let Some(action) = &t.action {
                self.check("action", at("action"), action);
            }
        }
    }
}

fn missing_glyph(key: &str, span: Span, chars: &[char]) -> Diagnostic {
    // A control character is named by its code point only: printed, it
    // could drive the user's terminal.
    let names: Vec<String> = chars
        .iter()
        .map(|&c| if c.is_control() { format!("U+{:04X}", c as u32) } else { format!("'{c}' (U+{:04X})", c as u32) })
        .collect();
    let plural = if chars.len() == 1 { "" } else { "s" };
    Diagnostic::new(
        Code::MissingGlyph,
        span,
        key,
        format!("no loaded font can draw the character{plural} {} in '{key}'", names.join(", ")),
    )
    .with_hint("add a font that covers it with --font FILE (for example Noto Sans CJK for Chinese, Japanese or Korean)")
}

/// A theme that cannot be loaded, as a diagnostic: in the theme file when
/// the file is broken (with a label at the map's `theme` key), at the key
/// otherwise.
pub(super) fn theme_diagnostics(parsed: &mut Parsed, error: ThemeError, at: Span) -> Vec<Diagnostic> {
    vec![match error {
        ThemeError::Invalid(source, problems) => {
            // A map may name any file as its theme (`/etc/passwd`), and
            // `check` runs in CI logs: the file is quoted by its path and
            // places only. Its text is blanked (offsets, so lines and
            // columns, kept) and its problems' messages, which may echo
            // its keys and values, are replaced.
            let blank: String = source.text.bytes().map(|b| if b == b'\n' { '\n' } else { ' ' }).collect();
            let name = source.name.clone();
            let file: FileId = parsed.files.add(Source::new(source.name, blank));
            return problems
                .into_iter()
                .map(|problem| {
                    let mut d = problem.in_file(file);
                    d.code = Code::UnknownTheme;
                    d.message = format!("{name} is not a valid theme here");
                    d.hints = vec![
                        "the map could name any file, so its content is not quoted: open the file at this line and column"
                            .into(),
                    ];
                    d.key = "theme".into();
                    d.labels.push(Label { file: FileId::MAP, span: at.clone(), message: "theme chosen here".into() });
                    d
                })
                .collect();
        }
        ThemeError::Io(..) => Diagnostic::new(Code::UnknownTheme, at, "theme", error.to_string()).with_hint(
            "theme paths are relative to the map file; or use a built-in theme: ".to_owned()
                + &theme::BUILTIN_NAMES.join(", "),
        ),
        ThemeError::Unknown(_) => Diagnostic::new(Code::UnknownTheme, at, "theme", error.to_string())
            .with_hint(format!("built-in themes: {}", theme::BUILTIN_NAMES.join(", "))),
    }]
}
