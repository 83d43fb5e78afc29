//! Diagnostics, the base every stage reports through: a problem's code and
//! severity, the file and byte span it is about, secondary labels ("first
//! defined here") and hints. The map parser, theme files and the command
//! line's reports all speak this one type; rendering excerpts is the CLI's
//! job.

use std::fmt;

use crate::model::Span;

/// How serious a [`Diagnostic`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    /// Something the map's author should know that is no problem, such as
    /// the language read from its text; never fails a run.
    Note,
    /// Advice that never fails a run, not even with `--strict`.
    Hint,
    /// Something the team probably wants to fix; fails `check --strict`.
    Warning,
    /// The map cannot be rendered.
    Error,
}

impl Severity {
    /// The lower-case name used in JSON output.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Note => "note",
            Severity::Hint => "hint",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

macro_rules! codes {
    ($($(#[$doc:meta])* $variant:ident = $name:literal, $severity:ident;)*) => {
        /// What kind of problem a [`Diagnostic`] reports. Each code has a
        /// stable kebab-case name (for JSON output and tests) and a
        /// severity.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum Code {
            $($(#[$doc])* $variant,)*
        }

        impl Code {
            /// Every code.
            pub const ALL: &'static [Code] = &[$(Code::$variant,)*];

            /// The stable kebab-case name, e.g. `unknown-key`.
            pub fn as_str(self) -> &'static str {
                match self { $(Code::$variant => $name,)* }
            }

            /// How serious problems of this kind are.
            pub fn severity(self) -> Severity {
                match self { $(Code::$variant => Severity::$severity,)* }
            }
        }
    };
}

codes! {
    /// The file is not valid TOML.
    Syntax = "syntax", Error;
    /// The file is not UTF-8 text (UTF-16, invalid bytes, NUL bytes).
    Encoding = "encoding", Error;
    /// The file is larger than `parse::MAX_SOURCE_BYTES`.
    TooLarge = "too-large", Error;
    /// Values are nested deeper than `parse::MAX_NESTING`.
    TooDeep = "too-deep", Error;
    /// No `title`.
    MissingTitle = "missing-title", Error;
    /// No `[[stage]]`.
    NoStages = "no-stages", Error;
    /// A stage or touchpoint without a `name`.
    MissingName = "missing-name", Error;
    /// Two stages with the same name.
    DuplicateStage = "duplicate-stage", Error;
    /// Two touchpoints with the same name in one stage.
    DuplicateTouchpoint = "duplicate-touchpoint", Error;
    /// A mark other than essential, strength, pain, would-pay.
    UnknownMark = "unknown-mark", Error;
    /// A score outside 1–5.
    ScoreOutOfRange = "score-out-of-range", Error;
    /// An effort outside 1–5.
    EffortOutOfRange = "effort-out-of-range", Error;
    /// A key the format does not know.
    UnknownKey = "unknown-key", Error;
    /// A theme that is neither built in nor an existing file.
    UnknownTheme = "unknown-theme", Error;
    /// A poster size that cannot be understood.
    BadSize = "bad-size", Error;
    /// A stage key that is not a built-in field nor a declared lane.
    UndeclaredLane = "undeclared-lane", Error;
    /// A `[[lane]]` whose key is a built-in stage field.
    LaneShadowsField = "lane-shadows-field", Error;
    /// Two `[[lane]]`s with the same key.
    DuplicateLane = "duplicate-lane", Error;
    /// A value of the wrong TOML type.
    WrongType = "wrong-type", Error;
    /// A value of the right type that is not one of the allowed ones.
    BadValue = "bad-value", Error;
    /// A stage without touchpoints.
    NoTouchpoints = "no-touchpoints", Warning;
    /// A touchpoint without marks: not yet assessed.
    Unassessed = "unassessed", Warning;
    /// A spine question left unanswered.
    Unanswered = "unanswered", Warning;
    /// No touchpoint is a moment of truth.
    NoMomentOfTruth = "no-moment-of-truth", Warning;
    /// A pain point with no agreed action.
    PainWithoutAction = "pain-without-action", Warning;
    /// Fewer than 3 stages.
    ShortSpine = "short-spine", Warning;
    /// More than 12 stages.
    LongSpine = "long-spine", Warning;
    /// The spine does not start with Awareness.
    FirstNotAwareness = "first-not-awareness", Hint;
    /// A validated map with unanswered questions.
    ValidatedUnanswered = "validated-unanswered", Warning;
    /// Bidi overrides or other invisible control characters in text.
    ControlCharacter = "control-character", Warning;
    /// The same mark twice on one touchpoint.
    DuplicateMark = "duplicate-mark", Warning;
    /// A character none of the loaded fonts can draw.
    MissingGlyph = "missing-glyph", Warning;
    /// Theme colours whose text, as laid out, is below WCAG AA contrast
    /// (`check --strict`; `render` says it as a note).
    LowContrast = "low-contrast", Warning;
    /// A `lang` without built-in labels: the poster speaks English.
    UnknownLang = "unknown-lang", Warning;
    /// No `lang`, and the map's text clearly reads as another built-in
    /// language than English, which the poster then speaks.
    DetectedLang = "detected-lang", Note;
    /// A Mermaid journey that Mermaid itself would refuse.
    MermaidSyntax = "mermaid-syntax", Error;
    /// A workshop CSV with an unknown column or a value that cannot be read.
    CsvValue = "csv-value", Error;
    /// An import kept something in another form than written: a score
    /// outside 1–5, a repeated name made unique, a placeholder title.
    ImportChanged = "import-changed", Warning;
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Which file of a [`Files`] set a span points into.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct FileId(pub(crate) u32);

impl FileId {
    /// The first file of a set: the map itself, for diagnostics made
    /// while parsing it.
    pub const MAP: FileId = FileId(0);
}

/// A secondary place a diagnostic points at, with what it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Label {
    /// The file.
    pub file: FileId,
    /// The byte range in that file.
    pub span: Span,
    /// What the place is, e.g. "first defined here".
    pub message: String,
}

/// One problem, located in its source.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// What kind of problem it is; its severity follows from it.
    pub code: Code,
    /// The file the span points into.
    pub file: FileId,
    /// The byte range in the source the problem is about.
    pub span: Span,
    /// The key the problem is about: the unknown key itself, or the key
    /// holding the bad value (e.g. `marks`).
    pub key: String,
    /// What is wrong, in lower case, without a trailing period.
    pub message: String,
    /// Other places that explain it, such as the first definition of a
    /// duplicate.
    pub labels: Vec<Label>,
    /// How to fix it, first the most useful; empty when there is nothing
    /// to say.
    pub hints: Vec<String>,
}

impl Diagnostic {
    /// A diagnostic in the map file ([`FileId::MAP`]) without a hint.
    pub fn new(code: Code, span: Span, key: impl Into<String>, message: impl Into<String>) -> Self {
        Diagnostic {
            code,
            file: FileId::MAP,
            span,
            key: key.into(),
            message: message.into(),
            labels: Vec::new(),
            hints: Vec::new(),
        }
    }

    /// Adds a hint.
    pub fn with_hint(mut self, hint: impl Into<String>) -> Self {
        self.hints.push(hint.into());
        self
    }

    /// Adds a secondary label in the same file.
    pub fn with_label(mut self, span: Span, message: impl Into<String>) -> Self {
        self.labels.push(Label { file: self.file, span, message: message.into() });
        self
    }

    /// Moves the diagnostic (and its labels in the same file) to `file`.
    pub fn in_file(mut self, file: FileId) -> Self {
        for label in self.labels.iter_mut().filter(|l| l.file == self.file) {
            label.file = file;
        }
        self.file = file;
        self
    }

    /// The first hint, if any.
    pub fn hint(&self) -> Option<&str> {
        self.hints.first().map(String::as_str)
    }

    /// The severity, from the code.
    pub fn severity(&self) -> Severity {
        self.code.severity()
    }

    /// Whether this diagnostic stops rendering.
    pub fn is_error(&self) -> bool {
        self.severity() == Severity::Error
    }
}

/// A 1-based line and column; the column counts Unicode scalar values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Location {
    /// 1-based line.
    pub line: usize,
    /// 1-based column, in characters.
    pub column: usize,
}

/// Maps byte offsets of a source text to lines and columns.
#[derive(Debug, Clone)]
pub struct LineIndex {
    line_starts: Vec<usize>,
}

impl LineIndex {
    /// Indexes `source`.
    pub fn new(source: &str) -> Self {
        let line_starts = std::iter::once(0).chain(source.match_indices('\n').map(|(i, _)| i + 1)).collect();
        LineIndex { line_starts }
    }

    /// The location of byte `offset` in `source` (clamped to the text, and to
    /// a character boundary).
    pub fn locate(&self, source: &str, offset: usize) -> Location {
        let mut offset = offset.min(source.len());
        while !source.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.line_starts.partition_point(|&s| s <= offset) - 1;
        let start = self.line_starts[line];
        let column = source[start..offset].chars().count() + 1;
        Location { line: line + 1, column }
    }
}

/// A source text with its name, as diagnostics need it.
#[derive(Debug, Clone)]
pub struct Source {
    /// The name shown in messages: the path as given, or `<stdin>`.
    pub name: String,
    /// The decoded text (without a byte order mark). When the bytes are not
    /// UTF-8, the text up to and past the first bad byte with that byte
    /// replaced (so the excerpt can show its line); empty when the whole
    /// file is refused (UTF-16, UTF-32, too large).
    pub text: String,
    lines: LineIndex,
}

impl Source {
    /// Wraps text under a display name.
    pub fn new(name: impl Into<String>, text: impl Into<String>) -> Self {
        let text = text.into();
        let lines = LineIndex::new(&text);
        Source { name: name.into(), text, lines }
    }

    /// The 1-based line and column of a byte offset.
    pub fn locate(&self, offset: usize) -> Location {
        self.lines.locate(&self.text, offset)
    }
}

/// The files a set of diagnostics points into: the map first
/// ([`FileId::MAP`]), then any theme file or import source met on the way.
#[derive(Debug, Clone)]
pub struct Files {
    map: Source,
    others: Vec<Source>,
}

impl Files {
    /// A set holding the map, which gets [`FileId::MAP`].
    pub fn new(map: Source) -> Files {
        Files { map, others: Vec::new() }
    }

    /// The map's source.
    pub fn map(&self) -> &Source {
        &self.map
    }

    /// Adds a file and returns its id.
    pub fn add(&mut self, source: Source) -> FileId {
        self.others.push(source);
        FileId(u32::try_from(self.others.len()).unwrap_or(u32::MAX))
    }

    /// The file with `id`, if this set has it.
    pub fn get(&self, id: FileId) -> Option<&Source> {
        match id.0 {
            0 => Some(&self.map),
            n => self.others.get(n as usize - 1),
        }
    }

    /// Every file with its id, in the order added.
    pub fn iter(&self) -> impl Iterator<Item = (FileId, &Source)> {
        std::iter::once(&self.map)
            .chain(&self.others)
            .enumerate()
            .map(|(i, s)| (FileId(u32::try_from(i).unwrap_or(u32::MAX)), s))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locates_in_characters() {
        let src = "a = 1\nbé = \"x\"\n";
        let idx = LineIndex::new(src);
        assert_eq!(idx.locate(src, 0), Location { line: 1, column: 1 });
        let quote = src.find('"').unwrap_or_default();
        assert_eq!(idx.locate(src, quote), Location { line: 2, column: 6 });
        assert_eq!(idx.locate(src, 999), Location { line: 3, column: 1 });
    }

    #[test]
    fn codes_are_unique() {
        let mut names: Vec<_> = Code::ALL.iter().map(|c| c.as_str()).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), Code::ALL.len());
    }
}
