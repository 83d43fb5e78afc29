//! Themes (SPEC §7): colours, type scale and spacing, loaded from TOML.
//!
//! Built-in themes live in `themes/` and are compiled in; a user's theme is
//! a file of the same shape. Layout reads only the type scale and spacing;
//! the painter reads only the colours. Nothing else in the crate holds a
//! colour or a size literal.

mod color;

use std::path::Path;

use serde::{Deserialize, Serialize};

pub use color::{Color, SCORE_RAMP};

use crate::diag::{Code, Diagnostic, Source};
use crate::model::Mark;

/// The names of the built-in themes.
pub const BUILTIN_NAMES: &[&str] = &["classic", "dark", "print", "colour-blind-safe"];

/// The theme used when the map names none.
pub const DEFAULT_THEME: &str = "classic";

/// The TOML source of a built-in theme.
pub fn builtin(name: &str) -> Option<&'static str> {
    match name {
        "classic" => Some(include_str!("../../themes/classic.toml")),
        "dark" => Some(include_str!("../../themes/dark.toml")),
        "print" => Some(include_str!("../../themes/print.toml")),
        "colour-blind-safe" => Some(include_str!("../../themes/colour-blind-safe.toml")),
        _ => None,
    }
}

/// The largest theme file read (1 MiB; the built-ins are under 4 KiB).
pub const MAX_THEME_BYTES: u64 = 1024 * 1024;

/// Reads a small text file: a regular file (a FIFO or a device would block
/// or never end) of at most `limit` bytes, as UTF-8.
///
/// # Errors
/// An I/O error, or `InvalidData` for anything else.
pub(crate) fn read_limited(path: &Path, limit: u64) -> std::io::Result<String> {
    use std::io::{Error, ErrorKind, Read};
    let meta = std::fs::metadata(path)?;
    if !meta.is_file() {
        return Err(Error::new(ErrorKind::InvalidData, "not a regular file"));
    }
    if meta.len() > limit {
        return Err(Error::new(ErrorKind::InvalidData, format!("larger than {} KiB", limit / 1024)));
    }
    let mut bytes = Vec::new();
    std::fs::File::open(path)?.take(limit + 1).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > limit {
        return Err(Error::new(ErrorKind::InvalidData, format!("larger than {} KiB", limit / 1024)));
    }
    String::from_utf8(bytes).map_err(|_| Error::new(ErrorKind::InvalidData, "not UTF-8 text"))
}

/// Whether a theme reference is a file path rather than a built-in name.
pub fn looks_like_path(name: &str) -> bool {
    name.contains(['/', '\\']) || name.ends_with(".toml")
}

/// A whole theme.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Theme {
    /// The theme's name.
    pub name: String,
    /// One line on what it looks like.
    #[serde(default)]
    pub description: String,
    /// Colour roles.
    pub colors: Colors,
    /// Type sizes in CSS px.
    #[serde(rename = "type")]
    pub type_scale: TypeScale,
    /// Spacing in CSS px.
    pub space: Spacing,
    /// The sizes of the poster's symbols, in CSS px.
    #[serde(default)]
    pub symbols: Symbols,
    /// The file it was read from; `None` for a built-in theme. A copy of
    /// a built-in theme keeps its `name`, so messages call it by its file.
    #[serde(skip)]
    pub file: Option<String>,
}

/// The sizes of the poster's symbols, in CSS px at the natural size. A
/// theme may leave any out: the defaults are the classic theme's.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct Symbols {
    /// A score dot on a card.
    pub score_pip: f64,
    /// An effort block in the effort row.
    pub effort_pip: f64,
    /// A point of the emotion curve (a moment of truth's is half as large again).
    pub point: f64,
    /// A block of the stage-health strip.
    pub health_block: f64,
    /// The width of the chevron between stage headers.
    pub chevron: f64,
}

impl Default for Symbols {
    fn default() -> Self {
        Symbols { score_pip: 11.0, effort_pip: 14.0, point: 6.0, health_block: 16.0, chevron: 12.0 }
    }
}

/// Colour roles: what a colour is for, not what it is.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
#[allow(missing_docs)] // Each role is documented in themes/classic.toml.
pub struct Colors {
    pub background: Color,
    pub surface: Color,
    pub ink: Color,
    pub muted: Color,
    pub rule: Color,
    pub label_band: Color,
    pub spine: Color,
    pub spine_ink: Color,
    pub accent: Color,
    pub essential: Color,
    pub strength: Color,
    pub pain: Color,
    pub would_pay: Color,
    pub moment_of_truth: Color,
    pub meter_off: Color,
    /// The feeling ramp, score 1 to 5: exactly [`SCORE_RAMP`] colours.
    #[serde(default = "default_score_ramp", deserialize_with = "color::score_ramp")]
    pub score: [Color; 5],
    /// The emotion curve's line (default: ink).
    #[serde(default)]
    pub curve: Option<Color>,
    /// Filled effort blocks (default: the spine colour).
    #[serde(default)]
    pub effort: Option<Color>,
}

/// The feeling ramp for themes that do not give one: red to blue, which
/// colour-blind readers tell apart.
fn default_score_ramp() -> [Color; 5] {
    ["#8C001A", "#A52F1A", "#77716C", "#5091C2", "#48B0E0"].map(|h| Color::from_hex(h).unwrap_or_default())
}

/// Font sizes (CSS px) and leading (multiples of the size).
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
#[allow(missing_docs)] // Each size is documented in themes/classic.toml.
pub struct TypeScale {
    pub title: f64,
    pub subtitle: f64,
    pub meta: f64,
    pub stage: f64,
    pub stage_number: f64,
    pub label: f64,
    pub body: f64,
    pub card_title: f64,
    pub caption: f64,
    pub line_height: f64,
    pub heading_line_height: f64,
}

/// Spacing, in CSS px at the poster's natural size.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
#[allow(missing_docs)] // Each length is documented in themes/classic.toml.
pub struct Spacing {
    pub unit: f64,
    pub margin: f64,
    pub gutter: f64,
    pub row_gap: f64,
    pub cell_padding: f64,
    pub card_padding: f64,
    pub card_gap: f64,
    pub radius: f64,
    pub hairline: f64,
    pub mot_outline: f64,
    pub label_width: f64,
    pub column_width: f64,
    pub badge: f64,
    #[serde(default = "default_curve_height")]
    pub curve_height: f64,
    /// Between the poster's sections (title, grid, panels, footer).
    #[serde(default = "default_section")]
    pub section: f64,
    /// The widest a stage column grows on a wide page.
    #[serde(default = "default_column_max")]
    pub column_max: f64,
    /// The width of the priorities sidebar on a wide page.
    #[serde(default = "default_sidebar")]
    pub sidebar: f64,
    /// The narrowest a priorities entry is laid out.
    #[serde(default = "default_entry")]
    pub priority_entry: f64,
}

fn default_section() -> f64 {
    32.0
}

fn default_column_max() -> f64 {
    468.0
}

fn default_sidebar() -> f64 {
    468.0
}

fn default_entry() -> f64 {
    390.0
}

fn default_curve_height() -> f64 {
    160.0
}

/// What a colour is for. Layout names roles; a theme's [`Colors`] turns
/// them into colours when painting, so one layout can be painted in any
/// palette of the same sizes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[allow(missing_docs)] // Each is the theme colour of the same name.
pub enum Role {
    Background,
    Surface,
    Ink,
    Muted,
    Rule,
    LabelBand,
    Spine,
    SpineInk,
    Accent,
    Essential,
    Strength,
    Pain,
    WouldPay,
    MomentOfTruth,
    MeterOff,
    /// The feeling ramp: score 1 to 5.
    Score(u8),
    Curve,
    Effort,
    /// The unprinted paper around a print page's bleed (white in every
    /// theme): the slug that is cut away, and a tile's margin.
    Paper,
    /// Crop, assembly and tile marks (black in every theme), as a print
    /// shop expects them.
    Registration,
}

impl Role {
    /// The role's key in a theme file's `[colors]` table.
    pub fn key(self) -> String {
        match self {
            Role::Background => "background".into(),
            Role::Surface => "surface".into(),
            Role::Ink => "ink".into(),
            Role::Muted => "muted".into(),
            Role::Rule => "rule".into(),
            Role::LabelBand => "label_band".into(),
            Role::Spine => "spine".into(),
            Role::SpineInk => "spine_ink".into(),
            Role::Accent => "accent".into(),
            Role::Essential => "essential".into(),
            Role::Strength => "strength".into(),
            Role::Pain => "pain".into(),
            Role::WouldPay => "would_pay".into(),
            Role::MomentOfTruth => "moment_of_truth".into(),
            Role::MeterOff => "meter_off".into(),
            Role::Score(n) => format!("score[{}]", n.clamp(1, 5) - 1),
            Role::Curve => "curve".into(),
            Role::Effort => "effort".into(),
            Role::Paper => "paper".into(),
            Role::Registration => "registration".into(),
        }
    }

    /// The role of a mark's badge.
    pub fn of_mark(mark: Mark) -> Role {
        match mark {
            Mark::Essential => Role::Essential,
            Mark::Strength => Role::Strength,
            Mark::Pain => Role::Pain,
            Mark::WouldPay => Role::WouldPay,
        }
    }
}

impl Colors {
    /// The colour of a role.
    pub fn get(&self, role: Role) -> Color {
        match role {
            Role::Background => self.background,
            Role::Surface => self.surface,
            Role::Ink => self.ink,
            Role::Muted => self.muted,
            Role::Rule => self.rule,
            Role::LabelBand => self.label_band,
            Role::Spine => self.spine,
            Role::SpineInk => self.spine_ink,
            Role::Accent => self.accent,
            Role::Essential => self.essential,
            Role::Strength => self.strength,
            Role::Pain => self.pain,
            Role::WouldPay => self.would_pay,
            Role::MomentOfTruth => self.moment_of_truth,
            Role::MeterOff => self.meter_off,
            Role::Score(n) => self.score[usize::from(n.clamp(1, 5)) - 1],
            Role::Curve => self.curve.unwrap_or(self.ink),
            Role::Effort => self.effort.unwrap_or(self.spine),
            Role::Paper => Color { r: 255, g: 255, b: 255 },
            Role::Registration => Color { r: 0, g: 0, b: 0 },
        }
    }
}

impl TypeScale {
    /// The smallest font size the theme uses, in px: what the 6 pt print
    /// floor applies to.
    pub fn smallest(&self) -> f64 {
        [
            self.title,
            self.subtitle,
            self.meta,
            self.stage,
            self.stage_number,
            self.label,
            self.body,
            self.card_title,
            self.caption,
        ]
        .into_iter()
        .fold(f64::INFINITY, f64::min)
    }
}

impl Theme {
    /// Parses a theme from TOML text; problems come back as located
    /// diagnostics against `source`.
    ///
    /// # Errors
    /// A TOML or type error (the first: the file's shape is wrong), or every
    /// value out of range.
    pub fn from_source(source: &Source) -> Result<Theme, Vec<Diagnostic>> {
        let theme: Theme = toml::from_str(&source.text).map_err(|e| {
            let message = e.message().trim().trim_end_matches('.').to_owned();
            vec![
                Diagnostic::new(Code::BadValue, e.span().unwrap_or(0..0), "", message)
                    .with_hint("compare with `journeymap themes --toml classic`, which lists every key"),
            ]
        })?;
        let problems = theme.validate(&source.text);
        if problems.is_empty() { Ok(theme) } else { Err(problems) }
    }

    /// The theme as a theme file: parsing it gives this theme back.
    pub fn to_toml(&self) -> String {
        // Every field is a number, a string or a colour: serialising cannot
        // fail, and the unit test round-trips every built-in theme.
        toml::to_string(self).unwrap_or_default()
    }

    /// A built-in theme by name.
    pub fn named(name: &str) -> Option<Theme> {
        let source = Source::new(format!("themes/{name}.toml"), builtin(name)?);
        Theme::from_source(&source).ok()
    }

    /// The default theme.
    pub fn classic() -> Theme {
        // The built-in theme is compiled in and checked by a unit test, so
        // this cannot fail in a released build.
        Theme::named(DEFAULT_THEME).expect("the built-in classic theme parses")
    }

    /// Resolves a theme reference: a built-in name, or a file path
    /// relative to `base`.
    ///
    /// # Errors
    /// An unknown name, an unreadable file or an invalid theme file.
    pub fn resolve(reference: &str, base: Option<&Path>) -> Result<Theme, ThemeError> {
        if let Some(text) = builtin(reference) {
            let source = Source::new(format!("themes/{reference}.toml"), text);
            return Theme::from_source(&source).map_err(|d| ThemeError::Invalid(source, d));
        }
        if !looks_like_path(reference) {
            return Err(ThemeError::Unknown(reference.to_owned()));
        }
        let path = base.map_or_else(|| reference.into(), |b| b.join(reference));
        let text = read_limited(&path, MAX_THEME_BYTES).map_err(|e| ThemeError::Io(path.display().to_string(), e))?;
        let source = Source::new(path.display().to_string(), text);
        let mut theme = Theme::from_source(&source).map_err(|d| ThemeError::Invalid(source.clone(), d))?;
        theme.file = Some(source.name);
        Ok(theme)
    }

    /// What messages call the theme: its file, when it was read from one
    /// (`brand.toml`, even when it says `name = "classic"`), else its name.
    pub fn label(&self) -> &str {
        self.file.as_deref().unwrap_or(&self.name)
    }

    /// Every length and ratio in range; each problem located at its value
    /// in `text`.
    fn validate(&self, text: &str) -> Vec<Diagnostic> {
        let t = &self.type_scale;
        let s = &self.space;
        // Type from 4 px (3 pt) to 400 px; leading from 0.8 to 3 times the
        // size; the grid's widths within what a page can hold.
        let checks: [(&str, &str, f64, f64, f64); 38] = [
            ("type", "title", t.title, 4.0, 400.0),
            ("type", "subtitle", t.subtitle, 4.0, 400.0),
            ("type", "meta", t.meta, 4.0, 400.0),
            ("type", "stage", t.stage, 4.0, 400.0),
            ("type", "stage_number", t.stage_number, 4.0, 400.0),
            ("type", "label", t.label, 4.0, 400.0),
            ("type", "body", t.body, 4.0, 400.0),
            ("type", "card_title", t.card_title, 4.0, 400.0),
            ("type", "caption", t.caption, 4.0, 400.0),
            ("type", "line_height", t.line_height, 0.8, 3.0),
            ("type", "heading_line_height", t.heading_line_height, 0.8, 3.0),
            ("space", "unit", s.unit, 1.0, 100.0),
            ("space", "margin", s.margin, 0.0, 1000.0),
            ("space", "gutter", s.gutter, 0.0, 500.0),
            ("space", "row_gap", s.row_gap, 0.0, 500.0),
            ("space", "cell_padding", s.cell_padding, 0.0, 200.0),
            ("space", "card_padding", s.card_padding, 0.0, 200.0),
            ("space", "card_gap", s.card_gap, 0.0, 500.0),
            ("space", "radius", s.radius, 0.0, 100.0),
            ("space", "hairline", s.hairline, 0.0, 50.0),
            ("space", "mot_outline", s.mot_outline, 0.0, 50.0),
            ("space", "label_width", s.label_width, 20.0, 2000.0),
            ("space", "column_width", s.column_width, 40.0, 4000.0),
            ("space", "badge", s.badge, 4.0, 200.0),
            ("space", "curve_height", s.curve_height, 20.0, 4000.0),
            ("space", "cell_padding", s.cell_padding, 0.0, s.column_width / 4.0),
            ("space", "card_padding", s.card_padding, 0.0, s.column_width / 4.0),
            ("space", "badge", s.badge, 4.0, s.column_width / 4.0),
            ("space", "cell_padding", s.cell_padding, 0.0, s.label_width / 3.0),
            ("space", "section", s.section, 0.0, 1000.0),
            ("space", "column_max", s.column_max, s.column_width, 8000.0),
            ("space", "sidebar", s.sidebar, 100.0, 4000.0),
            ("space", "priority_entry", s.priority_entry, 100.0, 4000.0),
            ("symbols", "score_pip", self.symbols.score_pip, 2.0, 100.0),
            ("symbols", "effort_pip", self.symbols.effort_pip, 2.0, 100.0),
            ("symbols", "point", self.symbols.point, 1.0, 100.0),
            ("symbols", "health_block", self.symbols.health_block, 2.0, 100.0),
            ("symbols", "chevron", self.symbols.chevron, 0.0, 200.0),
        ];
        let mut problems: Vec<Diagnostic> = Vec::new();
        for (table, key, value, lo, hi) in checks {
            if value.is_finite() && (lo..=hi).contains(&value) {
                continue;
            }
            let name = format!("{table}.{key}");
            if problems.iter().any(|d| d.key == name) {
                continue;
            }
            let unit = if key.contains("line_height") { " times the size" } else { " px" };
            let span = value_span(text, table, key);
            // Quoted as written: 1e-300 stays 1e-300.
            let written =
                text.get(span.clone()).filter(|w| !w.is_empty()).map_or_else(|| value.to_string(), str::to_owned);
            problems.push(
                Diagnostic::new(
                    Code::BadValue,
                    span,
                    name.clone(),
                    format!("'{name}' must be from {lo} to {hi}{unit}, not {written}"),
                )
                .with_hint(
                    "lengths are CSS px (1/96 in) at the poster's natural size; see `journeymap themes --toml classic`",
                ),
            );
        }
        problems
    }
}

/// Where `[table] key`'s value is in a theme file's text (the start of the
/// file if it cannot be found).
fn value_span(text: &str, table: &str, key: &str) -> std::ops::Range<usize> {
    let (document, _) = toml::de::DeTable::parse_recoverable(text);
    let found = document.get_ref().get(table).and_then(|t| match t.get_ref() {
        toml::de::DeValue::Table(t) => t.get(key).map(|v| v.span()),
        _ => None,
    });
    found.unwrap_or(0..0)
}

/// Why a theme could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum ThemeError {
    /// Not a built-in name and not a path.
    #[error("unknown theme '{0}'")]
    Unknown(String),
    /// The theme file could not be read.
    #[error("cannot read theme file {0}: {1}")]
    Io(String, #[source] std::io::Error),
    /// The theme file is not a valid theme.
    #[error("invalid theme {}: {}", .0.name, .1.first().map_or("", |d| d.message.as_str()))]
    Invalid(Source, Vec<Diagnostic>),
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_builtin_theme_round_trips_through_its_toml() {
        for name in BUILTIN_NAMES {
            let theme = Theme::named(name).unwrap_or_else(|| panic!("{name}"));
            let text = theme.to_toml();
            let again = Theme::from_source(&Source::new("again.toml", text.clone()));
            assert_eq!(again.as_ref().ok(), Some(&theme), "{name}:\n{text}");
        }
    }

    #[test]
    fn every_builtin_theme_parses() {
        for name in BUILTIN_NAMES {
            let source = Source::new(*name, builtin(name).unwrap_or_default());
            let theme = Theme::from_source(&source);
            assert!(theme.is_ok(), "{name}: {theme:?}");
        }
    }

    /// SPEC §7: body text keeps WCAG AA contrast (4.5:1) against what it
    /// sits on, in every built-in theme.
    #[test]
    fn builtin_themes_keep_body_text_readable() {
        for name in BUILTIN_NAMES {
            let Some(t) = Theme::named(name) else { panic!("{name} does not parse") };
            let c = &t.colors;
            let pairs = [
                ("ink on surface", c.ink, c.surface),
                ("ink on background", c.ink, c.background),
                ("muted on surface", c.muted, c.surface),
                ("muted on background", c.muted, c.background),
                ("muted on label band", c.muted, c.label_band),
                ("ink on label band", c.ink, c.label_band),
                ("spine ink on spine", c.spine_ink, c.spine),
                ("accent on background", c.accent, c.background),
            ];
            for (what, fg, bg) in pairs {
                let ratio = fg.contrast(bg);
                assert!(ratio >= 4.5, "{name}: {what} is {ratio:.2}:1");
            }
        }
    }
}
