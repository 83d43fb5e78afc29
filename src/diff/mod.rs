//! What changed between two versions of a map (SPEC §6, `diff`): which
//! stages and touchpoints are new or gone, renamed or moved, whose score,
//! marks, text or priority rank changed, how each stage's health moved,
//! and which question answers and map fields were edited. The same
//! comparison serves an as-is map against a to-be map.
//!
//! Matching, in order: `--rename` overrides; stages by name; stages
//! renamed (a close name at the same place on the spine); touchpoints by
//! stage and name; touchpoints moved to another stage (the same name,
//! unmatched where it was); touchpoints renamed (a close name at the same
//! place in a matched stage). Every step uses hash maps or looks at a
//! fixed number of neighbours, so a map of thousands of touchpoints is
//! compared in linear time.
//!
//! ```
//! use journeymap::diff::{self, Kind};
//! use journeymap::parse;
//!
//! let old = "title = \"T\"\n[[stage]]\nname = \"Awareness\"\n[[stage.touchpoint]]\nname = \"Ad\"\nscore = 2\n";
//! let new = old.replace("score = 2", "score = 4");
//! let parse = |text: &str| parse::parse_str("m.toml", text, &parse::Options::default()).journey.expect("valid");
//! let changes = diff::compare(&parse(old), &parse(&new), &[]).expect("no renames to resolve");
//! assert_eq!(changes.count(Kind::Score), 1);
//! assert!(diff::format(&changes, diff::Format::Markdown, &diff::Names::default()).contains("| Ad | 2 | 4 |"));
//! ```

mod fields;
mod format;
mod json;
mod matching;
mod overlay;
mod touchpoints;

pub use format::{Format, Names, format};
pub use overlay::{CardMarks, Ghost, Overlay};

use crate::model::{Journey, Mark, Touchpoint};
use crate::priorities::Class;

/// A kind of change to a touchpoint, in the order SPEC §6 lists them (and
/// a diff SVG's `data-change` writes them).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Kind {
    /// A touchpoint only the new map has.
    Added,
    /// A touchpoint only the old map has (a ghost on the poster).
    Removed,
    /// The score changed (or was given or taken away).
    Score,
    /// Marks or the moment of truth gained or lost.
    Marks,
    /// The touchpoint is in another stage now.
    Moved,
    /// The touchpoint has a new name.
    Renamed,
    /// Its priority rank moved among the touchpoints both maps rank, or it
    /// entered or left the list of actions.
    Rank,
    /// Its action, owner, note, channel or actors changed.
    Text,
}

impl Kind {
    /// Every kind, in SPEC order.
    pub const ALL: [Kind; 8] =
        [Kind::Added, Kind::Removed, Kind::Score, Kind::Marks, Kind::Moved, Kind::Renamed, Kind::Rank, Kind::Text];

    /// The word used in `data-change` and the JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Added => "added",
            Kind::Removed => "removed",
            Kind::Score => "score",
            Kind::Marks => "marks",
            Kind::Moved => "moved",
            Kind::Renamed => "renamed",
            Kind::Rank => "rank",
            Kind::Text => "text",
        }
    }
}

/// A value before and after.
#[derive(Debug, Clone, PartialEq)]
pub struct Shift<T> {
    /// In the old map.
    pub old: T,
    /// In the new map.
    pub new: T,
}

/// Where a touchpoint is in one of the two maps.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place {
    /// Its stage's index on that map's spine.
    pub stage: usize,
    /// Its position in the stage.
    pub index: usize,
    /// Its stage's name.
    pub stage_name: String,
    /// Its name.
    pub name: String,
}

/// Marks gained and lost.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct MarkShift {
    /// Marks the new map gives and the old did not, in legend order.
    pub gained: Vec<Mark>,
    /// Marks the old map gave and the new does not.
    pub lost: Vec<Mark>,
    /// The moment of truth, when it was gained (`Some(true)`) or lost.
    pub moment_of_truth: Option<bool>,
}

impl MarkShift {
    /// Whether nothing was gained or lost.
    pub fn is_empty(&self) -> bool {
        self.gained.is_empty() && self.lost.is_empty() && self.moment_of_truth.is_none()
    }
}

/// A priority rank before and after (`None`: not an action there).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RankShift {
    /// The rank in the old map's actions.
    pub old: Option<usize>,
    /// The rank in the new map's actions.
    pub new: Option<usize>,
    /// The class in the old map.
    pub old_class: Class,
    /// The class in the new map.
    pub new_class: Class,
}

/// A touchpoint text field that `diff` compares.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum TextField {
    /// The agreed improvement.
    Action,
    /// The department responsible.
    Owner,
    /// The note (the card's hover text).
    Note,
    /// Where it happens.
    Channel,
    /// Who takes part, joined by commas.
    Actors,
}

impl TextField {
    /// Every field, in the order they are reported.
    pub const ALL: [TextField; 5] =
        [TextField::Action, TextField::Owner, TextField::Note, TextField::Channel, TextField::Actors];

    /// The map file's key.
    pub fn as_str(self) -> &'static str {
        match self {
            TextField::Action => "action",
            TextField::Owner => "owner",
            TextField::Note => "note",
            TextField::Channel => "channel",
            TextField::Actors => "actors",
        }
    }

    /// The field's value in `t`, `None` when it is not set.
    pub fn of(self, t: &Touchpoint) -> Option<String> {
        match self {
            TextField::Action => t.action.clone(),
            TextField::Owner => t.owner.clone(),
            TextField::Note => t.note.clone(),
            TextField::Channel => t.channel.clone(),
            TextField::Actors => (!t.actors.is_empty()).then(|| t.actors.join(", ")),
        }
    }
}

/// A changed text field of a touchpoint.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TextShift {
    /// Which field.
    pub field: TextField,
    /// Its old value.
    pub old: Option<String>,
    /// Its new value.
    pub new: Option<String>,
}

/// One touchpoint that changed: added, removed, or matched with changes.
#[derive(Debug, Clone, PartialEq)]
pub struct TouchpointChange {
    /// What changed, in [`Kind::ALL`] order, each once.
    pub kinds: Vec<Kind>,
    /// Where it was (`None` for an added touchpoint).
    pub old: Option<Place>,
    /// Where it is (`None` for a removed touchpoint).
    pub new: Option<Place>,
    /// The touchpoint as the new map has it (the old map's, when removed).
    pub touchpoint: Touchpoint,
    /// The score before and after, when it changed.
    pub score: Option<Shift<Option<u8>>>,
    /// Marks gained and lost.
    pub marks: MarkShift,
    /// The priority rank before and after, when it moved (see
    /// [`Kind::Rank`]); for an added or removed action, its one rank.
    pub rank: Option<RankShift>,
    /// Text fields that changed.
    pub text: Vec<TextShift>,
}

impl TouchpointChange {
    /// Whether the change is of `kind`.
    pub fn is(&self, kind: Kind) -> bool {
        self.kinds.contains(&kind)
    }

    /// The place it is reported at: where it is, or where it was (every
    /// change has one or both).
    pub fn place(&self) -> Option<&Place> {
        self.new.as_ref().or(self.old.as_ref())
    }
}

/// What happened to a stage.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum StageKind {
    /// Only the new map has it.
    Added,
    /// Only the old map has it.
    Removed,
    /// It has a new name.
    Renamed,
}

impl StageKind {
    /// Its word in the JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            StageKind::Added => "added",
            StageKind::Removed => "removed",
            StageKind::Renamed => "renamed",
        }
    }
}

/// A stage added, removed or renamed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StageChange {
    /// What happened.
    pub kind: StageKind,
    /// Its index and name in the old map.
    pub old: Option<(usize, String)>,
    /// Its index and name in the new map.
    pub new: Option<(usize, String)>,
    /// How many touchpoints it holds (in the new map, or the old when
    /// removed).
    pub touchpoints: usize,
}

/// A stage whose health changed (SPEC §4, stage health).
#[derive(Debug, Clone, PartialEq)]
pub struct HealthChange {
    /// The stage's index in the new map.
    pub stage: usize,
    /// Its name in the new map.
    pub name: String,
    /// Its health before and after.
    pub health: Shift<i64>,
    /// Its mean feeling before and after (`None`: no scores).
    pub mean: Shift<Option<f64>>,
}

/// A changed answer to one of a stage's questions or custom lanes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AnswerChange {
    /// The stage's name in the new map.
    pub stage: String,
    /// The stage key: `doing`, `motivation`, `concerns`, `alleviation`,
    /// `effort`, `effort_note` or a custom lane's key.
    pub question: String,
    /// The old answer (bullets joined by line breaks).
    pub old: Option<String>,
    /// The new answer.
    pub new: Option<String>,
}

/// A changed field of the map itself (`status`, `title`, `[poster]`…).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldChange {
    /// Its key as the map file writes it (`status`, `poster.size`,
    /// `labels.stage`, `lane.thinking`).
    pub field: String,
    /// The old value, as text.
    pub old: Option<String>,
    /// The new value, as text.
    pub new: Option<String>,
}

/// Everything that changed between two maps.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Diff {
    /// Stages added, removed or renamed: renamed and added in the new
    /// map's order, then removed in the old map's.
    pub stages: Vec<StageChange>,
    /// The order of the stages both maps have, when it changed (each by
    /// its name in that map).
    pub order: Option<Shift<Vec<String>>>,
    /// Touchpoints that changed, in the new map's spine order; removed
    /// ones after the touchpoints of the stage they were in (or at the
    /// end, for a stage that is gone).
    pub touchpoints: Vec<TouchpointChange>,
    /// Stages both maps have whose health changed, in the new map's order.
    pub health: Vec<HealthChange>,
    /// The weakest stage by name before and after, when it is another
    /// stage now (`None`: no stage named weakest).
    pub weakest: Option<Shift<Option<String>>>,
    /// The strongest stage, likewise.
    pub strongest: Option<Shift<Option<String>>>,
    /// Changed question answers of stages both maps have.
    pub answers: Vec<AnswerChange>,
    /// Changed fields of the map: status first, then the rest.
    pub fields: Vec<FieldChange>,
    /// Each new stage's stage in the old map (`None`: added), for
    /// drawing the old map over the new.
    pub paired: Vec<Option<usize>>,
}

impl Diff {
    /// Whether the two maps are the same in every way `diff` compares.
    pub fn is_empty(&self) -> bool {
        self.stages.is_empty()
            && self.order.is_none()
            && self.touchpoints.is_empty()
            && self.health.is_empty()
            && self.weakest.is_none()
            && self.strongest.is_none()
            && self.answers.is_empty()
            && self.fields.is_empty()
    }

    /// How many touchpoints changed in `kind`.
    pub fn count(&self, kind: Kind) -> usize {
        self.touchpoints.iter().filter(|c| c.is(kind)).count()
    }

    /// The touchpoints changed in `kind`, in report order.
    pub fn of(&self, kind: Kind) -> impl Iterator<Item = &TouchpointChange> {
        self.touchpoints.iter().filter(move |c| c.is(kind))
    }
}

/// A rename the tool cannot guess, as `--rename` gives it: `Stage=New
/// stage` renames a stage, `Stage/Touchpoint=New name` a touchpoint (the
/// old map's names on the left).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rename {
    /// The left side: an old stage's name, or `stage/touchpoint`.
    pub from: String,
    /// The new name.
    pub to: String,
}

impl std::str::FromStr for Rename {
    type Err = DiffError;

    /// Reads `OLD=NEW`: split at the first `=`, each side trimmed and not
    /// empty.
    fn from_str(s: &str) -> Result<Rename, DiffError> {
        let bad = || DiffError::RenameSyntax(s.to_owned());
        let (from, to) = s.split_once('=').ok_or_else(bad)?;
        let (from, to) = (from.trim(), to.trim());
        if from.is_empty() || to.is_empty() {
            return Err(bad());
        }
        Ok(Rename { from: from.to_owned(), to: to.to_owned() })
    }
}

/// Why two maps cannot be compared as asked.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DiffError {
    /// A rename is not `OLD=NEW`.
    #[error("'{0}' is not a rename: write \"Stage=New stage\" or \"Stage/Touchpoint=New name\"")]
    RenameSyntax(String),
    /// A rename names a stage or touchpoint the old map does not have.
    #[error("the old map has no stage or touchpoint '{from}'; its stages are: {known}")]
    UnknownOld {
        /// The left side as given.
        from: String,
        /// The old map's stage names, joined.
        known: String,
    },
    /// A rename names a stage or touchpoint the new map does not have.
    #[error("the new map has no {what} '{to}' for the rename of '{from}'")]
    UnknownNew {
        /// The left side as given.
        from: String,
        /// The new name asked for.
        to: String,
        /// "stage" or "touchpoint".
        what: &'static str,
    },
    /// Two renames claim one stage or touchpoint.
    #[error("'{0}' is renamed twice, or two renames give the same new name")]
    Twice(String),
}

/// Compares `old` with `new`; `renames` settle what matching cannot.
///
/// # Errors
/// A rename that names something neither map has, or claims a stage or
/// touchpoint twice.
pub fn compare(old: &Journey, new: &Journey, renames: &[Rename]) -> Result<Diff, DiffError> {
    let matching = matching::Matching::new(old, new, renames)?;
    let mut diff = Diff {
        stages: matching.stage_changes(old, new),
        order: matching.order(old, new),
        touchpoints: touchpoints::changes(old, new, &matching),
        paired: matching.new_stage.clone(),
        ..Diff::default()
    };
    fields::health(old, new, &matching, &mut diff);
    diff.answers = fields::answers(old, new, &matching);
    diff.fields = fields::map_fields(old, new);
    Ok(diff)
}

#[cfg(test)]
mod tests;
