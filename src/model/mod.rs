//! The typed journey: what a map file means once it has been parsed and
//! validated.
//!
//! Every value here is valid by construction — a [`Score`] is 1–5, a [`Mark`]
//! is one of four, stage names are unique — so later stages (priorities,
//! layout, painting) have no error paths for bad input. The parser in
//! `parse` is the only place that builds these types from text.

mod size;

pub use size::{Orientation, Paper, Size, SizeError, Unit};

use std::fmt;
use std::ops::Range;

/// A byte range in the map's source text, kept so that later stages (for
/// example a render-time warning about a missing glyph) can point back at
/// the line that produced a value.
pub type Span = Range<usize>;

/// A whole customer journey map: the spine of stages, their touchpoints and
/// the information the poster's title block shows.
#[derive(Debug, Clone, PartialEq)]
pub struct Journey {
    /// The poster's headline. Never empty.
    pub title: String,
    /// A line under the title, e.g. the journey's scope.
    pub subtitle: Option<String>,
    /// What the journey is about, for readers who cannot see the poster
    /// (a Mermaid diagram's `accDescr`): it opens the SVG's `<desc>`. Not
    /// drawn on the poster.
    pub description: Option<String>,
    /// Whose journey this is, e.g. "Frequent business traveller".
    pub persona: Option<String>,
    /// The company the journey is with.
    pub organisation: Option<String>,
    /// The cross-functional team that made the map.
    pub team: Vec<String>,
    /// When the map was made or last revised.
    pub date: Option<Date>,
    /// A free-form version label, e.g. "1.2".
    pub version: Option<String>,
    /// Whether the team has validated the map (a draft poster says so).
    pub status: Status,
    /// Where the insight came from (interviews, surveys…), shown in the footer.
    pub sources: Vec<String>,
    /// The theme the map asks for, if any (built-in name or a path relative
    /// to the map file). `None` means the default theme.
    pub theme: Option<String>,
    /// The poster's language (a BCP 47 tag such as `de`), for its own
    /// words, dates and hyphenation, as written. `None`: the language is
    /// read from the map's text (see [`crate::labels::Lang::of`]).
    pub lang: Option<String>,
    /// The would-pay badge's sign: an ISO 4217 code or a short sign.
    /// `None` draws a neutral coin.
    pub currency: Option<String>,
    /// The sentence under the title, replacing the one the poster writes
    /// from its findings; `Some("")` hides it. `None` lets the poster
    /// write it.
    pub headline: Option<String>,
    /// The map's own words for the poster's labels, by key (`[labels]`).
    pub labels: Vec<(String, String)>,
    /// Poster size, orientation and panels.
    pub poster: PosterSettings,
    /// Custom rows declared with `[[lane]]`, in file order.
    pub lanes: Vec<Lane>,
    /// The spine: the major stages, in journey order. Never empty.
    pub stages: Vec<Stage>,
    /// Where the top-level values are in the source.
    pub spans: FieldSpans,
}

/// Where each value of a table (`title`, `doing`, `owner`…) is in the
/// source, so a later problem with it, such as a character no font can
/// draw, can point at its line.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct FieldSpans(Vec<(String, Span)>);

impl FieldSpans {
    /// The span of `key`'s value, or an empty span at the start of the
    /// file when the key is absent.
    pub fn get(&self, key: &str) -> Span {
        self.get_or(key, &(0..0))
    }

    /// The span of `key`'s value, or `fallback` when the key is absent.
    pub fn get_or(&self, key: &str, fallback: &Span) -> Span {
        self.0.iter().find(|(k, _)| k == key).map_or_else(|| fallback.clone(), |(_, s)| s.clone())
    }

    /// Records where `key`'s value is.
    pub fn insert(&mut self, key: impl Into<String>, span: Span) {
        self.0.push((key.into(), span));
    }
}

impl Journey {
    /// Iterates over every touchpoint with the index of its stage and its
    /// position within that stage, in spine order.
    pub fn touchpoints(&self) -> impl Iterator<Item = (TouchpointId, &Touchpoint)> {
        self.stages.iter().enumerate().flat_map(|(stage, s)| {
            s.touchpoints.iter().enumerate().map(move |(index, t)| (TouchpointId { stage, index }, t))
        })
    }

    /// The touchpoint at `id`, if it exists.
    pub fn touchpoint(&self, id: TouchpointId) -> Option<&Touchpoint> {
        self.stages.get(id.stage)?.touchpoints.get(id.index)
    }
}

/// Where a touchpoint sits on the spine: its stage's index and its position
/// within the stage (both 0-based).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct TouchpointId {
    /// Index of the stage in [`Journey::stages`].
    pub stage: usize,
    /// Index of the touchpoint in [`Stage::touchpoints`].
    pub index: usize,
}

/// A TOML local date (`date = 2026-11-22`), kept as written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    /// The year, e.g. 2026.
    pub year: u16,
    /// The month, 1–12.
    pub month: u8,
    /// The day of the month, 1–31.
    pub day: u8,
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// Whether the map is still being worked on or has been validated by the
/// team (the seed: "when you have your journey map validated, make it look
/// pretty and share it").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, schemars::JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// Work in progress: the poster carries a visible DRAFT mark.
    #[default]
    Draft,
    /// Agreed by the team.
    Validated,
}

impl Status {
    /// The keyword used in map files.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Draft => "draft",
            Status::Validated => "validated",
        }
    }
}

/// How many actions the priorities panel lists when the map does not say.
pub const DEFAULT_PRIORITIES: usize = 8;

/// How the poster is laid out on the page.
#[derive(Debug, Clone, PartialEq)]
pub struct PosterSettings {
    /// The page size; [`Size::Auto`] grows the page to fit.
    pub size: Size,
    /// The orientation, if the file names one. `None` means landscape for
    /// named paper sizes and the size as written for custom sizes.
    pub orientation: Option<Orientation>,
    /// Which panels to show, in this order. `None` shows every panel that
    /// has data, in the layout's default order.
    pub panels: Option<Vec<Panel>>,
    /// How many actions the priorities panel lists; 0 hides it.
    pub priorities: usize,
}

impl Default for PosterSettings {
    fn default() -> Self {
        PosterSettings { size: Size::Auto, orientation: None, panels: None, priorities: DEFAULT_PRIORITIES }
    }
}

/// A region of the poster that `[poster] panels` can switch on or off,
/// named by its keyword. Which panels exist is the layout's to say: each
/// panel region declares itself in its own file (see
/// `layout::regions::PanelRegion`), and `layout::panel` finds one by its
/// keyword.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Panel(&'static str);

impl Panel {
    /// The question lanes (doing, motivation, concerns, alleviation,
    /// effort and custom lanes).
    pub const QUESTIONS: Panel = Panel("questions");
    /// The touchpoint cards.
    pub const TOUCHPOINTS: Panel = Panel("touchpoints");
    /// The emotion curve.
    pub const CURVE: Panel = Panel("curve");
    /// The stage-health strip.
    pub const HEALTH: Panel = Panel("health");
    /// The prioritised actions.
    pub const PRIORITIES: Panel = Panel("priorities");
    /// The badge legend.
    pub const LEGEND: Panel = Panel("legend");

    /// The panel named `keyword` (a region declares its own).
    pub const fn new(keyword: &'static str) -> Panel {
        Panel(keyword)
    }

    /// The keyword used in map files.
    pub fn as_str(self) -> &'static str {
        self.0
    }
}

impl serde::Serialize for Panel {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.0)
    }
}

/// A custom row declared with `[[lane]]` ("there is no fixed template").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Lane {
    /// The key stages use to fill this lane, e.g. `thinking`.
    pub key: String,
    /// The row label on the poster, e.g. "What are they thinking?".
    pub title: String,
    /// Where the lane's declaration is in the source.
    pub span: Span,
}

/// Text that answers a question: a paragraph or a list of bullets.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Text {
    /// A string value: one paragraph.
    Paragraph(String),
    /// An array of strings: one bullet each.
    Bullets(Vec<String>),
}

impl Text {
    /// Whether there is nothing to show (an empty string or no bullets with
    /// any text).
    pub fn is_blank(&self) -> bool {
        match self {
            Text::Paragraph(p) => p.trim().is_empty(),
            Text::Bullets(b) => b.iter().all(|s| s.trim().is_empty()),
        }
    }

    /// All of the text in one string, bullets joined by newlines.
    pub fn joined(&self) -> String {
        match self {
            Text::Paragraph(p) => p.clone(),
            Text::Bullets(b) => b.join("\n"),
        }
    }
}

/// One of the five spine questions the seed asks for every stage.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Question {
    /// What are customers doing at this stage?
    Doing,
    /// What would motivate a customer to move to the next stage?
    Motivation,
    /// What are customers' concerns and uncertainties? What barriers might
    /// prevent them moving on?
    Concerns,
    /// What would alleviate these barriers, concerns and uncertainties?
    Alleviation,
    /// What effort is required to move to the next stage?
    Effort,
}

impl Question {
    /// The five questions, in the seed's order.
    pub const ALL: [Question; 5] =
        [Question::Doing, Question::Motivation, Question::Concerns, Question::Alleviation, Question::Effort];

    /// The stage key that answers this question.
    pub fn key(self) -> &'static str {
        match self {
            Question::Doing => "doing",
            Question::Motivation => "motivation",
            Question::Concerns => "concerns",
            Question::Alleviation => "alleviation",
            Question::Effort => "effort",
        }
    }

    /// The question in the seed's words, for starter files and messages.
    pub fn wording(self) -> &'static str {
        match self {
            Question::Doing => "What are customers doing at this stage?",
            Question::Motivation => "What would motivate a customer to move to the next stage?",
            Question::Concerns => {
                "What are customers' concerns and uncertainties at this stage? \
                 What barriers might prevent them moving to the next stage?"
            }
            Question::Alleviation => "What would alleviate these barriers, concerns and uncertainties?",
            Question::Effort => "What effort is required by the customer in moving to the next stage?",
        }
    }

    /// The short row label the poster shows.
    pub fn label(self) -> &'static str {
        match self {
            Question::Doing => "Doing",
            Question::Motivation => "Motivation",
            Question::Concerns => "Concerns",
            Question::Alleviation => "Alleviation",
            Question::Effort => "Effort",
        }
    }
}

/// One chapter of the spine: a major stage the customer goes through.
#[derive(Debug, Clone, PartialEq)]
pub struct Stage {
    /// The stage's name, unique in the journey.
    pub name: String,
    /// What are customers doing at this stage?
    pub doing: Option<Text>,
    /// What would motivate them to move to the next stage?
    pub motivation: Option<Text>,
    /// Concerns, uncertainties and barriers.
    pub concerns: Option<Text>,
    /// What would alleviate the concerns.
    pub alleviation: Option<Text>,
    /// Effort needed to move to the next stage.
    pub effort: Option<Effort>,
    /// A few words on the effort.
    pub effort_note: Option<String>,
    /// Answers for the declared custom lanes, as `(lane index, text)` in
    /// lane order.
    pub lanes: Vec<(usize, Text)>,
    /// The interactions between customer and company at this stage.
    pub touchpoints: Vec<Touchpoint>,
    /// Where the stage's name is in the source (its table when unnamed).
    pub span: Span,
    /// Where each of the stage's values is in the source.
    pub spans: FieldSpans,
}

impl Stage {
    /// The answer to a text question (`None` for [`Question::Effort`], which
    /// is a level, see [`Stage::effort`]).
    pub fn answer(&self, question: Question) -> Option<&Text> {
        match question {
            Question::Doing => self.doing.as_ref(),
            Question::Motivation => self.motivation.as_ref(),
            Question::Concerns => self.concerns.as_ref(),
            Question::Alleviation => self.alleviation.as_ref(),
            Question::Effort => None,
        }
    }

    /// Whether the team answered `question` for this stage.
    pub fn is_answered(&self, question: Question) -> bool {
        match question {
            Question::Effort => self.effort.is_some(),
            q => self.answer(q).is_some_and(|t| !t.is_blank()),
        }
    }

    /// The answer for the custom lane with index `lane`, if any.
    pub fn lane(&self, lane: usize) -> Option<&Text> {
        self.lanes.iter().find(|(i, _)| *i == lane).map(|(_, t)| t)
    }
}

/// An interaction between the customer and the company.
#[derive(Debug, Clone, PartialEq)]
pub struct Touchpoint {
    /// The touchpoint's name, unique within its stage.
    pub name: String,
    /// Where it happens: web, phone, shop, word of mouth…
    pub channel: Option<String>,
    /// The department responsible.
    pub owner: Option<String>,
    /// Who takes part.
    pub actors: Vec<String>,
    /// The team's assessment, without duplicates, in file order.
    pub marks: Vec<Mark>,
    /// Whether this is one of the moments of truth that matter most.
    pub moment_of_truth: bool,
    /// How the customer feels here, 1 (very negative) to 5 (very positive).
    pub score: Option<Score>,
    /// Context, shown on hover in the SVG.
    pub note: Option<String>,
    /// The improvement the team agreed.
    pub action: Option<String>,
    /// Where the touchpoint's name is in the source (its table when unnamed).
    pub span: Span,
    /// Where each of the touchpoint's values is in the source.
    pub spans: FieldSpans,
}

impl Touchpoint {
    /// Whether the touchpoint carries `mark`.
    pub fn has(&self, mark: Mark) -> bool {
        self.marks.contains(&mark)
    }
}

/// The four ways the seed says to mark a touchpoint.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, schemars::JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Mark {
    /// Essential to the customer.
    Essential,
    /// Performed really well from the customer's point of view.
    Strength,
    /// A pain point for the customer.
    Pain,
    /// Customers would be prepared to pay for it.
    WouldPay,
}

impl Mark {
    /// All marks, in legend order.
    pub const ALL: [Mark; 4] = [Mark::Essential, Mark::Strength, Mark::Pain, Mark::WouldPay];

    /// The keyword used in map files.
    pub fn as_str(self) -> &'static str {
        match self {
            Mark::Essential => "essential",
            Mark::Strength => "strength",
            Mark::Pain => "pain",
            Mark::WouldPay => "would-pay",
        }
    }

    /// Parses a mark keyword.
    pub fn from_keyword(s: &str) -> Option<Mark> {
        Mark::ALL.into_iter().find(|m| m.as_str() == s)
    }
}

/// A level from 1 to 5, valid by construction.
macro_rules! level {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub struct $name(u8);

        impl $name {
            /// The lowest level.
            pub const MIN: u8 = 1;
            /// The highest level.
            pub const MAX: u8 = 5;

            /// Returns `None` unless `value` is within 1–5.
            pub fn new(value: i64) -> Option<Self> {
                (i64::from(Self::MIN)..=i64::from(Self::MAX))
                    .contains(&value)
                    .then(|| Self(value as u8))
            }

            /// The level, 1–5.
            pub fn get(self) -> u8 {
                self.0
            }
        }
    };
}

level!(
    /// How the customer feels at a touchpoint: 1 (very negative) to 5 (very
    /// positive).
    Score
);

level!(
    /// The effort a customer needs to move to the next stage: 1 (none) to 5
    /// (very high).
    Effort
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn levels_hold_only_one_to_five() {
        assert!(Score::new(0).is_none());
        assert!(Score::new(6).is_none());
        assert!(Score::new(-3).is_none());
        assert_eq!(Score::new(1).map(Score::get), Some(1));
        assert_eq!(Effort::new(5).map(Effort::get), Some(5));
    }

    #[test]
    fn keywords_round_trip() {
        for m in Mark::ALL {
            assert_eq!(Mark::from_keyword(m.as_str()), Some(m));
        }
    }
}
