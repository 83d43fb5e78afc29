//! The walk over the spanned TOML tree that builds the journey and reports
//! every error it meets on the way.

use toml::Spanned;
use toml::de::{DeTable, DeValue};

use super::suggest::did_you_mean;
use crate::diag::{Code, Diagnostic, LineIndex};
use crate::model::{Journey, Lane, Orientation, PosterSettings, Size, Span, Status};
use crate::theme;

/// The most actions the priorities panel may list.
pub(crate) const MAX_PRIORITIES: usize = 50;

/// The most `[[lane]]`s a map may declare: each is a row on the poster.
pub(crate) const MAX_LANES: usize = 32;

/// Keys allowed at the top level.
pub(crate) const TOP_KEYS: &[&str] = &[
    "format",
    "title",
    "subtitle",
    "description",
    "persona",
    "organisation",
    "team",
    "date",
    "version",
    "status",
    "sources",
    "theme",
    "lang",
    "currency",
    "headline",
    "labels",
    "poster",
    "lane",
    "stage",
];
/// Keys allowed in `[poster]`.
pub(crate) const POSTER_KEYS: &[&str] = &["size", "orientation", "panels", "priorities"];
/// Keys allowed in `[[lane]]`.
pub(crate) const LANE_KEYS: &[&str] = &["key", "title"];
/// Built-in stage fields; a lane key may not shadow them.
pub(crate) const STAGE_KEYS: &[&str] =
    &["name", "doing", "motivation", "concerns", "alleviation", "effort", "effort_note", "touchpoint"];
/// Keys allowed in `[[stage.touchpoint]]`.
pub(crate) const TOUCHPOINT_KEYS: &[&str] =
    &["name", "channel", "owner", "actors", "marks", "moment_of_truth", "score", "note", "action"];

pub(super) type Value<'i> = Spanned<DeValue<'i>>;

/// One `key = value` of a table, with both spans.
pub(super) struct Entry<'t, 'i> {
    pub(super) key: &'t str,
    pub(super) key_span: Span,
    pub(super) value: &'t Value<'i>,
}

impl Entry<'_, '_> {
    pub(super) fn span(&self) -> Span {
        self.value.span()
    }
}

/// A table's entries in file order; fields are taken out one by one so that
/// what is left at the end is the unknown keys.
pub(super) struct Fields<'t, 'i> {
    pub(super) entries: Vec<Entry<'t, 'i>>,
}

impl<'t, 'i> Fields<'t, 'i> {
    pub(super) fn of(table: &'t DeTable<'i>) -> Self {
        let mut entries: Vec<_> =
            table.iter().map(|(k, v)| Entry { key: k.get_ref().as_ref(), key_span: k.span(), value: v }).collect();
        entries.sort_by_key(|e| e.key_span.start);
        Fields { entries }
    }

    /// Where each value is, before any is taken.
    pub(super) fn spans(&self) -> crate::model::FieldSpans {
        let mut spans = crate::model::FieldSpans::default();
        for e in &self.entries {
            spans.insert(e.key, e.span());
        }
        spans
    }

    pub(super) fn take(&mut self, key: &str) -> Option<Entry<'t, 'i>> {
        let at = self.entries.iter().position(|e| e.key == key)?;
        Some(self.entries.remove(at))
    }
}

/// What a table is, for messages about unknown keys in it.
#[derive(Clone, Copy)]
pub(super) enum Context {
    Top,
    Poster,
    Lane,
    Stage,
    Touchpoint,
}

impl Context {
    pub(super) fn keys(self) -> &'static [&'static str] {
        match self {
            Context::Top => TOP_KEYS,
            Context::Poster => POSTER_KEYS,
            Context::Lane => LANE_KEYS,
            Context::Stage => STAGE_KEYS,
            Context::Touchpoint => TOUCHPOINT_KEYS,
        }
    }

    pub(super) fn describe(self) -> &'static str {
        match self {
            Context::Top => "at the top level",
            Context::Poster => "in [poster]",
            Context::Lane => "in [[lane]]",
            Context::Stage => "in a [[stage]]",
            Context::Touchpoint => "in a [[stage.touchpoint]]",
        }
    }
}

pub(super) struct Walker<'a> {
    pub(super) text: &'a str,
    pub(super) lines: LineIndex,
    pub(super) diagnostics: &'a mut Vec<Diagnostic>,
}

/// Builds a best-effort journey from the document, pushing every error.
pub(super) fn journey(doc: &DeTable<'_>, text: &str, diagnostics: &mut Vec<Diagnostic>) -> Journey {
    let mut w = Walker { text, lines: LineIndex::new(text), diagnostics };
    w.top(doc)
}

impl Walker<'_> {
    pub(super) fn push(&mut self, d: Diagnostic) {
        self.diagnostics.push(d);
    }

    pub(super) fn line_of(&self, offset: usize) -> usize {
        self.lines.locate(self.text, offset).line
    }

    pub(super) fn top(&mut self, doc: &DeTable<'_>) -> Journey {
        let mut f = Fields::of(doc);
        let spans = f.spans();
        if let Some(e) = f.take("format")
            && let Some(n) = self.integer(&e)
            && n != 1
        {
            self.push(
                Diagnostic::new(Code::BadValue, e.span(), "format", format!("unknown format version {n}"))
                    .with_hint("only format 1 exists: write `format = 1` or leave the key out"),
            );
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
        let description = f.take("description").and_then(|e| self.optional(&e));
        let persona = f.take("persona").and_then(|e| self.optional(&e));
        let organisation = f.take("organisation").and_then(|e| self.optional(&e));
        let team = f.take("team").map(|e| self.strings(&e)).unwrap_or_default();
        let date = f.take("date").and_then(|e| self.date(&e));
        let version = f.take("version").and_then(|e| self.optional(&e));
        let status = f.take("status").and_then(|e| self.status(&e)).unwrap_or_default();
        let sources = f.take("sources").map(|e| self.strings(&e)).unwrap_or_default();
        let theme = f.take("theme").and_then(|e| self.theme(&e));
        let lang = f.take("lang").and_then(|e| self.lang(&e));
        let currency = f.take("currency").and_then(|e| self.currency(&e));
        let headline = f.take("headline").and_then(|e| self.string(&e));
        let labels = f.take("labels").map(|e| self.labels(&e)).unwrap_or_default();
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
            description,
            persona,
            organisation,
            team,
            date,
            version,
            status,
            sources,
            theme,
            lang,
            currency,
            headline,
            labels,
            poster,
            lanes: lanes.into_iter().map(|(lane, _)| lane).collect(),
            stages,
            spans,
        }
    }

    pub(super) fn status(&mut self, e: &Entry<'_, '_>) -> Option<Status> {
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

    pub(super) fn theme(&mut self, e: &Entry<'_, '_>) -> Option<String> {
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

    pub(super) fn poster(&mut self, e: &Entry<'_, '_>) -> PosterSettings {
        let mut settings = PosterSettings::default();
        let Some(table) = self.table(e) else {
            return settings;
        };
        let mut f = Fields::of(table);
        if let Some(e) = f.take("size")
            && let Some(s) = self.string(&e)
        {
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
        if let Some(e) = f.take("orientation")
            && let Some(s) = self.string(&e)
        {
            match Orientation::from_keyword(&s) {
                Some(o) => settings.orientation = Some(o),
                None => self.bad_keyword(&e, &s, &["landscape", "portrait"], "the orientation"),
            }
        }
        if let Some(e) = f.take("panels")
            && let Some(items) = self.array(&e)
        {
            let mut panels = Vec::new();
            for item in items {
                let Some(s) = self.element_string(&e, item) else {
                    continue;
                };
                match crate::layout::panel(&s).map(|p| p.panel) {
                    Some(p) if panels.contains(&p) => {}
                    Some(p) => panels.push(p),
                    None => {
                        let names = crate::layout::PANELS.map(|p| p.panel.as_str());
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
        if let Some(e) = f.take("priorities")
            && let Some(n) = self.integer(&e)
        {
            match usize::try_from(n).ok().filter(|n| *n <= MAX_PRIORITIES) {
                Some(n) => settings.priorities = n,
                None => self.push(
                    Diagnostic::new(
                        Code::BadValue,
                        e.span(),
                        "priorities",
                        format!("priorities must be 0 to {MAX_PRIORITIES}, not {}", self.raw(&e)),
                    )
                    .with_hint("how many actions the priorities panel lists; 0 hides the panel"),
                ),
            }
        }
        self.unknown_keys(f, Context::Poster, &[]);
        settings
    }

    /// The declared lanes, each with the span of its key's value.
    pub(super) fn lanes(&mut self, e: &Entry<'_, '_>) -> Vec<(Lane, Span)> {
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
            if key.trim().is_empty() {
                self.push(
                    Diagnostic::new(Code::BadValue, key_span, "key", "a lane's key cannot be empty")
                        .with_hint("name the key stages fill in, e.g. key = \"thinking\""),
                );
                continue;
            }
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
}

/// "thinking" → "Thinking", "pain_relief" → "Pain relief".
pub(super) fn default_title(key: &str) -> String {
    let words = key.replace(['_', '-'], " ");
    let mut chars = words.chars();
    chars.next().map(|c| c.to_uppercase().chain(chars).collect()).unwrap_or_default()
}
