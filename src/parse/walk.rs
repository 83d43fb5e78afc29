//! The walk over the spanned TOML tree that builds the journey and reports
//! every error it meets on the way.

use std::collections::HashMap;

use toml::Spanned;
use toml::de::{DeTable, DeValue};

use super::suggest::did_you_mean;
use crate::diag::{Code, Diagnostic, LineIndex};
use crate::model::{
    Date, Effort, Journey, Lane, Mark, Orientation, Panel, PosterSettings, Score, Size, Span, Stage, Status, Text,
    Touchpoint,
};
use crate::theme;

/// The most `[[lane]]`s a map may declare: each is a row on the poster.
pub(crate) const MAX_LANES: usize = 32;

/// Keys allowed at the top level.
pub(crate) const TOP_KEYS: &[&str] = &[
    "format",
    "title",
    "subtitle",
    "persona",
    "organisation",
    "team",
    "date",
    "version",
    "status",
    "sources",
    "theme",
    "poster",
    "lane",
    "stage",
];
/// Keys allowed in `[poster]`.
pub(crate) const POSTER_KEYS: &[&str] = &["size", "orientation", "panels"];
/// Keys allowed in `[[lane]]`.
pub(crate) const LANE_KEYS: &[&str] = &["key", "title"];
/// Built-in stage fields; a lane key may not shadow them.
pub(crate) const STAGE_KEYS: &[&str] =
    &["name", "doing", "motivation", "concerns", "alleviation", "effort", "effort_note", "touchpoint"];
/// Keys allowed in `[[stage.touchpoint]]`.
pub(crate) const TOUCHPOINT_KEYS: &[&str] =
    &["name", "channel", "owner", "actors", "marks", "moment_of_truth", "score", "note", "action"];

type Value<'i> = Spanned<DeValue<'i>>;

/// One `key = value` of a table, with both spans.
struct Entry<'t, 'i> {
    key: &'t str,
    key_span: Span,
    value: &'t Value<'i>,
}

impl Entry<'_, '_> {
    fn span(&self) -> Span {
        self.value.span()
    }
}

/// A table's entries in file order; fields are taken out one by one so that
/// what is left at the end is the unknown keys.
struct Fields<'t, 'i> {
    entries: Vec<Entry<'t, 'i>>,
}

impl<'t, 'i> Fields<'t, 'i> {
    fn of(table: &'t DeTable<'i>) -> Self {
        let mut entries: Vec<_> =
            table.iter().map(|(k, v)| Entry { key: k.get_ref().as_ref(), key_span: k.span(), value: v }).collect();
        entries.sort_by_key(|e| e.key_span.start);
        Fields { entries }
    }

    /// Where each value is, before any is taken.
    fn spans(&self) -> crate::model::FieldSpans {
        let mut spans = crate::model::FieldSpans::default();
        for e in &self.entries {
            spans.insert(e.key, e.span());
        }
        spans
    }

    fn take(&mut self, key: &str) -> Option<Entry<'t, 'i>> {
        let at = self.entries.iter().position(|e| e.key == key)?;
        Some(self.entries.remove(at))
    }
}

/// What a table is, for messages about unknown keys in it.
#[derive(Clone, Copy)]
enum Context {
    Top,
    Poster,
    Lane,
    Stage,
    Touchpoint,
}

impl Context {
    fn keys(self) -> &'static [&'static str] {
        match self {
            Context::Top => TOP_KEYS,
            Context::Poster => POSTER_KEYS,
            Context::Lane => LANE_KEYS,
            Context::Stage => STAGE_KEYS,
            Context::Touchpoint => TOUCHPOINT_KEYS,
        }
    }

    fn describe(self) -> &'static str {
        match self {
            Context::Top => "at the top level",
            Context::Poster => "in [poster]",
            Context::Lane => "in [[lane]]",
            Context::Stage => "in a [[stage]]",
            Context::Touchpoint => "in a [[stage.touchpoint]]",
        }
    }
}

struct Walker<'a> {
    text: &'a str,
    lines: LineIndex,
    diagnostics: &'a mut Vec<Diagnostic>,
}

/// Builds a best-effort journey from the document, pushing every error.
pub(super) fn journey(doc: &DeTable<'_>, text: &str, diagnostics: &mut Vec<Diagnostic>) -> Journey {
    let mut w = Walker { text, lines: LineIndex::new(text), diagnostics };
    w.top(doc)
}

impl Walker<'_> {
    fn push(&mut self, d: Diagnostic) {
        self.diagnostics.push(d);
    }

    fn line_of(&self, offset: usize) -> usize {
        self.lines.locate(self.text, offset).line
    }

    fn top(&mut self, doc: &DeTable<'_>) -> Journey {
        let mut f = Fields::of(doc);
        let spans = f.spans();
        if let Some(e) = f.take("format") {
            if let Some(n) = self.integer(&e) {
                if n != 1 {
                    self.push(
                        Diagnostic::new(Code::BadValue, e.span(), "format", format!("unknown format version {n}"))
                            .with_hint("only format 1 exists: write `format = 1` or leave the key out"),
                    );
                }
            }
        }
        let title = match f.take("title") {
            Some(e) => {
                let title = self.string(&e);
                if title.as_deref().is_some_and(|t| t.trim().is_empty()) {
                    self.push(
                        Diagnostic::new(Code::MissingTitle, e.span(), "title", "the title is empty")
                            .with_hint("name the journey, e.g. title = \"Flying Nordic Air\""),
                    );
                }
                title.unwrap_or_default()
            }
            None => {
                self.push(
                    Diagnostic::new(Code::MissingTitle, 0..0, "title", "the map has no title")
                        .with_hint("add a line at the top: title = \"Flying Nordic Air\""),
                );
                String::new()
            }
        };
        let subtitle = f.take("subtitle").and_then(|e| self.optional(&e));
        let persona = f.take("persona").and_then(|e| self.optional(&e));
        let organisation = f.take("organisation").and_then(|e| self.optional(&e));
        let team = f.take("team").map(|e| self.strings(&e)).unwrap_or_default();
        let date = f.take("date").and_then(|e| self.date(&e));
        let version = f.take("version").and_then(|e| self.optional(&e));
        let status = f.take("status").and_then(|e| self.status(&e)).unwrap_or_default();
        let sources = f.take("sources").map(|e| self.strings(&e)).unwrap_or_default();
        let theme = f.take("theme").and_then(|e| self.theme(&e));
        let poster = f.take("poster").map(|e| self.poster(&e)).unwrap_or_default();
        let lanes = f.take("lane").map(|e| self.lanes(&e)).unwrap_or_default();
        let stages = match f.take("stage") {
            Some(e) => {
                let stages = self.stages(&e, &lanes);
                // `stage = []` (or only bad entries, already reported) is no spine.
                if stages.is_empty() && matches!(e.value.get_ref(), DeValue::Array(a) if a.is_empty()) {
                    self.push(
                        Diagnostic::new(Code::NoStages, e.span(), "stage", "the map has no stages").with_hint(
                            "add the spine: one [[stage]] table per stage, starting with name = \"Awareness\"",
                        ),
                    );
                }
                stages
            }
            None => {
                self.push(
                    Diagnostic::new(Code::NoStages, 0..0, "stage", "the map has no stages")
                        .with_hint("add the spine: one [[stage]] table per stage, starting with name = \"Awareness\""),
                );
                Vec::new()
            }
        };
        self.unknown_keys(f, Context::Top, &[]);
        Journey {
            title,
            subtitle,
            persona,
            organisation,
            team,
            date,
            version,
            status,
            sources,
            theme,
            poster,
            lanes: lanes.into_iter().map(|(lane, _)| lane).collect(),
            stages,
            spans,
        }
    }

    fn status(&mut self, e: &Entry<'_, '_>) -> Option<Status> {
        let s = self.string(e)?;
        match s.as_str() {
            "draft" => Some(Status::Draft),
            "validated" => Some(Status::Validated),
            _ => {
                self.bad_keyword(e, &s, &["draft", "validated"], "the status");
                None
            }
        }
    }

    fn theme(&mut self, e: &Entry<'_, '_>) -> Option<String> {
        let name = self.string(e)?;
        if theme::builtin(&name).is_some() {
            return Some(name);
        }
        if theme::looks_like_path(&name) {
            // A file is checked by `theme::check_reference`, not here:
            // parsing stays pure, and `render --theme` can override a map
            // whose theme file is missing.
            return Some(name);
        }
        let hint = did_you_mean(&name, theme::BUILTIN_NAMES.iter().copied()).unwrap_or_else(|| {
            format!("built-in themes: {}; or give a path to a .toml theme file", theme::BUILTIN_NAMES.join(", "))
        });
        self.push(
            Diagnostic::new(Code::UnknownTheme, e.span(), "theme", format!("unknown theme '{name}'")).with_hint(hint),
        );
        None
    }

    fn poster(&mut self, e: &Entry<'_, '_>) -> PosterSettings {
        let mut settings = PosterSettings::default();
        let Some(table) = self.table(e) else {
            return settings;
        };
        let mut f = Fields::of(table);
        if let Some(e) = f.take("size") {
            if let Some(s) = self.string(&e) {
                match s.parse::<Size>() {
                    Ok(size) => settings.size = size,
                    Err(err) => {
                        let papers = crate::model::Paper::ALL.map(|p| p.as_str());
                        let hint = did_you_mean(&s, papers.iter().copied().chain(["auto"]))
                            .unwrap_or_else(|| err.hint().to_owned());
                        self.push(Diagnostic::new(Code::BadSize, e.span(), "size", err.to_string()).with_hint(hint));
                    }
                }
            }
        }
        if let Some(e) = f.take("orientation") {
            if let Some(s) = self.string(&e) {
                match Orientation::from_keyword(&s) {
                    Some(o) => settings.orientation = Some(o),
                    None => self.bad_keyword(&e, &s, &["landscape", "portrait"], "the orientation"),
                }
            }
        }
        if let Some(e) = f.take("panels") {
            if let Some(items) = self.array(&e) {
                let mut panels = Vec::new();
                for item in items {
                    let Some(s) = self.element_string(&e, item) else {
                        continue;
                    };
                    match Panel::from_keyword(&s) {
                        Some(p) if panels.contains(&p) => {}
                        Some(p) => {
                            if matches!(p, Panel::Curve | Panel::Health | Panel::Priorities) {
                                self.push(
                                    Diagnostic::new(
                                        Code::PanelNotDrawn,
                                        item.span(),
                                        "panels",
                                        format!("this version of journeymap does not draw the '{s}' panel yet"),
                                    )
                                    .with_hint(
                                        "the poster leaves it out; `journeymap priorities` lists the priorities",
                                    ),
                                );
                            }
                            panels.push(p);
                        }
                        None => {
                            let names = Panel::ALL.map(Panel::as_str);
                            let hint = did_you_mean(&s, names.iter().copied())
                                .unwrap_or_else(|| format!("panels are: {}", names.join(", ")));
                            self.push(
                                Diagnostic::new(Code::BadValue, item.span(), "panels", format!("unknown panel '{s}'"))
                                    .with_hint(hint),
                            );
                        }
                    }
                }
                settings.panels = Some(panels);
            }
        }
        self.unknown_keys(f, Context::Poster, &[]);
        settings
    }

    /// The declared lanes, each with the span of its key's value.
    fn lanes(&mut self, e: &Entry<'_, '_>) -> Vec<(Lane, Span)> {
        let mut lanes: Vec<(Lane, Span)> = Vec::new();
        let mut tables = self.tables(e);
        if let Some((_, span)) = tables.get(MAX_LANES) {
            self.push(
                Diagnostic::new(
                    Code::TooLarge,
                    span.clone(),
                    "lane",
                    format!("{} lanes are declared; a poster holds at most {MAX_LANES}", tables.len()),
                )
                .with_hint("merge lanes, or keep the rest in another map"),
            );
            // Only the first lanes are read: the rest cannot be shown, and
            // reading thousands would make checking slow.
            tables.truncate(MAX_LANES);
        }
        for (table, span) in tables {
            let mut f = Fields::of(table);
            let key = match f.take("key") {
                Some(k) => self.string(&k).map(|s| (s, k.span())),
                None => {
                    self.push(
                        Diagnostic::new(Code::MissingName, span.clone(), "key", "this [[lane]] has no key").with_hint(
                            "add key = \"thinking\" (the key stages fill) and title = \"What are they thinking?\"",
                        ),
                    );
                    None
                }
            };
            let title = f.take("title").and_then(|t| self.string(&t));
            self.unknown_keys(f, Context::Lane, &[]);
            let Some((key, key_span)) = key else { continue };
            if STAGE_KEYS.contains(&key.as_str()) {
                self.push(
                    Diagnostic::new(
                        Code::LaneShadowsField,
                        key_span,
                        "key",
                        format!("lane key '{key}' is a built-in stage field"),
                    )
                    .with_hint(format!(
                        "choose another key, e.g. \"{key}_notes\"; built-in fields: {}",
                        STAGE_KEYS.join(", ")
                    )),
                );
                continue;
            }
            if let Some((_, first)) = lanes.iter().find(|(l, _)| l.key == key) {
                let line = self.line_of(first.start);
                self.push(
                    Diagnostic::new(Code::DuplicateLane, key_span, "key", format!("lane '{key}' is declared twice"))
                        .with_label(first.clone(), "first declared here")
                        .with_hint(format!("it is first declared on line {line}; remove one or rename it")),
                );
                continue;
            }
            let title = title.unwrap_or_else(|| default_title(&key));
            lanes.push((Lane { key, title, span: span.clone() }, key_span));
        }
        lanes
    }

    fn stages(&mut self, e: &Entry<'_, '_>, lanes: &[(Lane, Span)]) -> Vec<Stage> {
        let tables = self.tables(e);
        if tables.is_empty() && !matches!(e.value.get_ref(), DeValue::Table(_)) {
            return Vec::new();
        }
        let mut seen: HashMap<String, Span> = HashMap::new();
        let mut stages = Vec::new();
        for (table, span) in tables {
            let stage = self.stage(table, span, lanes);
            if !stage.name.is_empty() {
                if let Some(first) = seen.get(&stage.name) {
                    let line = self.line_of(first.start);
                    self.push(
                        Diagnostic::new(
                            Code::DuplicateStage,
                            stage.span.clone(),
                            "name",
                            format!("there are two stages named '{}'", stage.name),
                        )
                        .with_label(first.clone(), "first stage of that name")
                        .with_hint(format!("stage names must be unique; the first is on line {line}")),
                    );
                } else {
                    seen.insert(stage.name.clone(), stage.span.clone());
                }
            }
            stages.push(stage);
        }
        stages
    }

    fn stage(&mut self, table: &DeTable<'_>, span: Span, lanes: &[(Lane, Span)]) -> Stage {
        let mut f = Fields::of(table);
        let spans = f.spans();
        let (name, span) = self.name(&mut f, span, "[[stage]]", "Awareness");
        let doing = f.take("doing").and_then(|e| self.text(&e));
        let motivation = f.take("motivation").and_then(|e| self.text(&e));
        let concerns = f.take("concerns").and_then(|e| self.text(&e));
        let alleviation = f.take("alleviation").and_then(|e| self.text(&e));
        let effort = f.take("effort").and_then(|e| {
            let n = self.integer(&e)?;
            let effort = Effort::new(n);
            if effort.is_none() {
                self.push(
                    Diagnostic::new(
                        Code::EffortOutOfRange,
                        e.span(),
                        "effort",
                        format!("effort must be 1 to 5, not {}", self.raw(&e)),
                    )
                    .with_hint("1 means no effort to move on, 5 very high effort"),
                );
            }
            effort
        });
        let effort_note = f.take("effort_note").and_then(|e| self.optional(&e));
        let touchpoints = f.take("touchpoint").map(|e| self.touchpoints(&e)).unwrap_or_default();
        let mut answers = Vec::new();
        for (index, (lane, _)) in lanes.iter().enumerate() {
            if let Some(e) = f.take(&lane.key) {
                if let Some(text) = self.text(&e) {
                    answers.push((index, text));
                }
            }
        }
        let lane_keys: Vec<&str> = lanes.iter().map(|(l, _)| l.key.as_str()).collect();
        self.unknown_keys(f, Context::Stage, &lane_keys);
        Stage {
            name,
            doing,
            motivation,
            concerns,
            alleviation,
            effort,
            effort_note,
            lanes: answers,
            touchpoints,
            span,
            spans,
        }
    }

    fn touchpoints(&mut self, e: &Entry<'_, '_>) -> Vec<Touchpoint> {
        let mut seen: HashMap<String, Span> = HashMap::new();
        let mut touchpoints = Vec::new();
        for (table, span) in self.tables(e) {
            let t = self.touchpoint(table, span);
            if !t.name.is_empty() {
                if let Some(first) = seen.get(&t.name) {
                    let line = self.line_of(first.start);
                    self.push(
                        Diagnostic::new(
                            Code::DuplicateTouchpoint,
                            t.span.clone(),
                            "name",
                            format!("this stage has two touchpoints named '{}'", t.name),
                        )
                        .with_label(first.clone(), "first touchpoint of that name")
                        .with_hint(format!(
                            "touchpoint names must be unique within a stage; the first is on line {line}"
                        )),
                    );
                } else {
                    seen.insert(t.name.clone(), t.span.clone());
                }
            }
            touchpoints.push(t);
        }
        touchpoints
    }

    fn touchpoint(&mut self, table: &DeTable<'_>, span: Span) -> Touchpoint {
        let mut f = Fields::of(table);
        let spans = f.spans();
        let (name, span) = self.name(&mut f, span, "[[stage.touchpoint]]", "Check-in desk");
        let channel = f.take("channel").and_then(|e| self.optional(&e));
        let owner = f.take("owner").and_then(|e| self.optional(&e));
        let actors = f.take("actors").map(|e| self.strings(&e)).unwrap_or_default();
        let marks = f.take("marks").map(|e| self.marks(&e)).unwrap_or_default();
        let moment_of_truth = f.take("moment_of_truth").and_then(|e| self.boolean(&e)).unwrap_or(false);
        let score = f.take("score").and_then(|e| {
            let n = self.integer(&e)?;
            let score = Score::new(n);
            if score.is_none() {
                self.push(
                    Diagnostic::new(
                        Code::ScoreOutOfRange,
                        e.span(),
                        "score",
                        format!("score must be 1 to 5, not {}", self.raw(&e)),
                    )
                    .with_hint("1 is very negative, 3 neutral, 5 very positive"),
                );
            }
            score
        });
        let note = f.take("note").and_then(|e| self.optional(&e));
        let action = f.take("action").and_then(|e| self.optional(&e));
        self.unknown_keys(f, Context::Touchpoint, &[]);
        Touchpoint { name, channel, owner, actors, marks, moment_of_truth, score, note, action, span, spans }
    }

    fn marks(&mut self, e: &Entry<'_, '_>) -> Vec<Mark> {
        let items: Vec<&Value<'_>> = match e.value.get_ref() {
            DeValue::Array(a) => a.iter().collect(),
            _ => vec![e.value],
        };
        let mut marks = Vec::new();
        for item in items {
            let Some(s) = self.element_string(e, item) else {
                continue;
            };
            match Mark::from_keyword(&s) {
                Some(m) if marks.contains(&m) => self.push(
                    Diagnostic::new(Code::DuplicateMark, item.span(), "marks", format!("'{s}' is marked twice"))
                        .with_hint("remove the repeated mark"),
                ),
                Some(m) => marks.push(m),
                None => {
                    let names = Mark::ALL.map(Mark::as_str);
                    let hint = did_you_mean(&s, names.iter().copied())
                        .unwrap_or_else(|| format!("marks are: {}", names.join(", ")));
                    self.push(
                        Diagnostic::new(Code::UnknownMark, item.span(), "marks", format!("unknown mark '{s}'"))
                            .with_hint(hint),
                    );
                }
            }
        }
        marks
    }

    /// Takes the `name` of a stage or touchpoint; returns it (empty when
    /// missing) and the span to point at the thing (the name's value).
    fn name(&mut self, f: &mut Fields<'_, '_>, table_span: Span, header: &str, example: &str) -> (String, Span) {
        let Some(e) = f.take("name") else {
            self.push(
                Diagnostic::new(Code::MissingName, table_span.clone(), "name", format!("this {header} has no name"))
                    .with_hint(format!("add name = \"{example}\" under the {header} line")),
            );
            return (String::new(), table_span);
        };
        let name = self.string(&e).unwrap_or_default();
        if name.trim().is_empty() && matches!(e.value.get_ref(), DeValue::String(_)) {
            self.push(
                Diagnostic::new(Code::MissingName, e.span(), "name", format!("this {header} has an empty name"))
                    .with_hint(format!("write a name, e.g. name = \"{example}\"")),
            );
        }
        (name.trim().to_owned(), e.span())
    }

    fn unknown_keys(&mut self, f: Fields<'_, '_>, context: Context, lanes: &[&str]) {
        for e in f.entries {
            let known = context.keys().iter().chain(lanes.iter()).copied();
            let suggestion = did_you_mean(e.key, known);
            let is_text = matches!(e.value.get_ref(), DeValue::String(_) | DeValue::Array(_));
            let d = match (context, suggestion) {
                (_, Some(hint)) => Diagnostic::new(
                    Code::UnknownKey,
                    e.key_span,
                    e.key,
                    format!("unknown key '{}' {}", e.key, context.describe()),
                )
                .with_hint(hint),
                (Context::Stage, None) if TOUCHPOINT_KEYS.contains(&e.key) => Diagnostic::new(
                    Code::UnknownKey,
                    e.key_span,
                    e.key,
                    format!("'{}' is a touchpoint field, not a stage field", e.key),
                )
                .with_hint("move it under a [[stage.touchpoint]] of this stage"),
                (Context::Stage, None) if is_text => Diagnostic::new(
                    Code::UndeclaredLane,
                    e.key_span,
                    e.key,
                    format!("'{}' is not a stage field nor a declared lane", e.key),
                )
                .with_hint(format!(
                    "to add a custom row, declare it at the top level:\n[[lane]]\nkey = \"{}\"\ntitle = \"{}\"",
                    e.key,
                    default_title(e.key)
                )),
                (_, None) => Diagnostic::new(
                    Code::UnknownKey,
                    e.key_span,
                    e.key,
                    format!("unknown key '{}' {}", e.key, context.describe()),
                )
                .with_hint(format!("allowed keys: {}", context.keys().join(", "))),
            };
            self.push(d);
        }
    }

    /// A value as written in the source.
    fn raw(&self, e: &Entry<'_, '_>) -> &str {
        self.text.get(e.span()).unwrap_or("").trim()
    }

    fn bad_keyword(&mut self, e: &Entry<'_, '_>, got: &str, allowed: &[&str], what: &str) {
        let hint = did_you_mean(got, allowed.iter().copied())
            .unwrap_or_else(|| format!("{what} is one of: {}", allowed.join(", ")));
        self.push(
            Diagnostic::new(Code::BadValue, e.span(), e.key, format!("'{got}' is not a valid {}", e.key))
                .with_hint(hint),
        );
    }

    // Typed accessors. Each reports a wrong type at the value and returns
    // `None`, so a caller only deals with good values.

    fn wrong_type(&mut self, span: Span, key: &str, expected: &str, value: &DeValue<'_>, hint: String) {
        self.push(
            Diagnostic::new(
                Code::WrongType,
                span,
                key,
                format!("'{key}' must be {expected}, not {}", article(value.type_str())),
            )
            .with_hint(hint),
        );
    }

    fn string(&mut self, e: &Entry<'_, '_>) -> Option<String> {
        self.element_string(e, e.value)
    }

    /// A string that is `e` itself or an element of its array.
    fn element_string(&mut self, e: &Entry<'_, '_>, v: &Value<'_>) -> Option<String> {
        if let DeValue::String(s) = v.get_ref() {
            self.check_controls(s, v.span(), e.key);
            return Some(s.to_string());
        }
        let raw = self.text.get(v.span()).unwrap_or("").trim();
        let hint = match v.get_ref() {
            DeValue::Integer(_) | DeValue::Float(_) | DeValue::Boolean(_) | DeValue::Datetime(_) => {
                format!("put the text in quotes: \"{raw}\"")
            }
            _ => "write the text in quotes, e.g. \"…\"".to_owned(),
        };
        self.wrong_type(v.span(), e.key, "a string", v.get_ref(), hint);
        None
    }

    /// An optional text field: a blank string counts as absent, so a
    /// starter file's `owner = ""` shows nothing rather than an empty line.
    fn optional(&mut self, e: &Entry<'_, '_>) -> Option<String> {
        self.string(e).filter(|s| !s.trim().is_empty())
    }

    /// A string or an array of strings, as a list without blank entries.
    fn strings(&mut self, e: &Entry<'_, '_>) -> Vec<String> {
        let all: Vec<String> = match e.value.get_ref() {
            DeValue::Array(a) => a.iter().filter_map(|v| self.element_string(e, v)).collect(),
            _ => self.string(e).into_iter().collect(),
        };
        all.into_iter().filter(|s| !s.trim().is_empty()).collect()
    }

    /// A paragraph (string) or bullets (array of strings).
    fn text(&mut self, e: &Entry<'_, '_>) -> Option<Text> {
        match e.value.get_ref() {
            DeValue::Array(a) => Some(Text::Bullets(a.iter().filter_map(|v| self.element_string(e, v)).collect())),
            DeValue::String(_) => self.string(e).map(Text::Paragraph),
            other => {
                self.wrong_type(
                    e.span(),
                    e.key,
                    "text (a string, or an array of strings for bullets)",
                    other,
                    format!("write {} = \"…\" or {} = [\"…\", \"…\"]", e.key, e.key),
                );
                None
            }
        }
    }

    fn integer(&mut self, e: &Entry<'_, '_>) -> Option<i64> {
        match e.value.get_ref() {
            DeValue::Integer(i) => {
                let digits = i.as_str().replace('_', "");
                let (sign, digits) = match digits.strip_prefix('-') {
                    Some(d) => (-1, d.to_owned()),
                    None => (1, digits.trim_start_matches('+').to_owned()),
                };
                let digits = digits.trim_start_matches("0x").trim_start_matches("0o").trim_start_matches("0b");
                // Saturate: a value too large for i64 is out of range all the
                // same, and keeps its sign in the message.
                let saturated = if sign < 0 { i64::MIN } else { i64::MAX };
                Some(i64::from_str_radix(digits, i.radix()).ok().and_then(|n| n.checked_mul(sign)).unwrap_or(saturated))
            }
            other => {
                let raw = self.text.get(e.span()).unwrap_or("").trim().trim_matches('"').to_owned();
                let hint = match other {
                    DeValue::Float(_) => format!(
                        "use a whole number from 1 to 5, e.g. {} = {}",
                        e.key,
                        raw.split('.').next().unwrap_or("3")
                    ),
                    DeValue::String(_) => {
                        format!("write the number without quotes: {} = {raw}", e.key)
                    }
                    _ => format!("write a whole number, e.g. {} = 3", e.key),
                };
                self.wrong_type(e.span(), e.key, "a whole number", other, hint);
                None
            }
        }
    }

    fn boolean(&mut self, e: &Entry<'_, '_>) -> Option<bool> {
        match e.value.get_ref() {
            DeValue::Boolean(b) => Some(*b),
            other => {
                self.wrong_type(
                    e.span(),
                    e.key,
                    "true or false",
                    other,
                    format!("write {} = true (without quotes)", e.key),
                );
                None
            }
        }
    }

    fn date(&mut self, e: &Entry<'_, '_>) -> Option<Date> {
        if let DeValue::Datetime(dt) = e.value.get_ref() {
            if let (Some(d), None, None) = (dt.date, dt.time, dt.offset) {
                return Some(Date { year: d.year, month: d.month, day: d.day });
            }
            self.push(
                Diagnostic::new(Code::WrongType, e.span(), "date", "'date' must be a date without a time")
                    .with_hint("write a TOML local date, e.g. date = 2026-11-22"),
            );
            return None;
        }
        let hint = match e.value.get_ref() {
            DeValue::String(s) => format!("write the date without quotes: date = {s}"),
            _ => "write a TOML local date without quotes, e.g. date = 2026-11-22".to_owned(),
        };
        self.wrong_type(e.span(), "date", "a date", e.value.get_ref(), hint);
        None
    }

    fn array<'t, 'i>(&mut self, e: &Entry<'t, 'i>) -> Option<Vec<&'t Value<'i>>> {
        match e.value.get_ref() {
            DeValue::Array(a) => Some(a.iter().collect()),
            other => {
                self.wrong_type(e.span(), e.key, "an array", other, format!("write {} = [\"…\", \"…\"]", e.key));
                None
            }
        }
    }

    fn table<'t, 'i>(&mut self, e: &Entry<'t, 'i>) -> Option<&'t DeTable<'i>> {
        match e.value.get_ref() {
            DeValue::Table(t) => Some(t),
            other => {
                self.wrong_type(e.span(), e.key, "a table", other, format!("write it as a [{}] section", e.key));
                None
            }
        }
    }

    /// The tables of an array of tables (`[[stage]]`), each with its span.
    fn tables<'t, 'i>(&mut self, e: &Entry<'t, 'i>) -> Vec<(&'t DeTable<'i>, Span)> {
        let header = if e.key == "touchpoint" { "[[stage.touchpoint]]".to_owned() } else { format!("[[{}]]", e.key) };
        if let DeValue::Table(_) = e.value.get_ref() {
            // `[stage]` instead of `[[stage]]`: one table where a list is meant.
            self.push(
                Diagnostic::new(
                    Code::WrongType,
                    e.span(),
                    e.key,
                    format!("'{}' must be a list of tables, not one table", e.key),
                )
                .with_hint(format!("write {header} with two brackets, once for each {}", e.key)),
            );
            return Vec::new();
        }
        let Some(items) = self.array(e) else {
            return Vec::new();
        };
        let mut tables = Vec::new();
        for item in items {
            match item.get_ref() {
                DeValue::Table(t) => tables.push((t, item.span())),
                other => self.wrong_type(
                    item.span(),
                    e.key,
                    "a table",
                    other,
                    format!("write each one as a {header} section"),
                ),
            }
        }
        tables
    }

    /// Warns about characters that can disguise text on a shared poster:
    /// bidi overrides and other invisible controls.
    fn check_controls(&mut self, s: &str, span: Span, key: &str) {
        let Some(c) = s.chars().find(|&c| is_disguising(c)) else {
            return;
        };
        // Point at the character itself when it is written literally.
        let at = self
            .text
            .get(span.clone())
            .and_then(|raw| raw.find(c))
            .map_or(span.clone(), |i| span.start + i..span.start + i + c.len_utf8());
        let what = if is_bidi(c) { "a bidirectional-override character" } else { "an invisible control character" };
        self.push(
            Diagnostic::new(Code::ControlCharacter, at, key, format!("'{key}' contains {what} (U+{:04X})", c as u32))
                .with_hint("it can make text read differently from what it says; remove it unless you meant it"),
        );
    }
}

fn is_bidi(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{061C}')
}

fn is_disguising(c: char) -> bool {
    is_bidi(c) || (c.is_control() && !matches!(c, '\n' | '\t' | '\r'))
}

fn article(type_name: &str) -> String {
    match type_name.chars().next() {
        Some('a' | 'e' | 'i' | 'o' | 'u') => format!("an {type_name}"),
        _ => format!("a {type_name}"),
    }
}

/// "thinking" → "Thinking", "pain_relief" → "Pain relief".
fn default_title(key: &str) -> String {
    let words = key.replace(['_', '-'], " ");
    let mut chars = words.chars();
    chars.next().map(|c| c.to_uppercase().chain(chars).collect()).unwrap_or_default()
}
