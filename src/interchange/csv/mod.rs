//! Workshop spreadsheets: a map as CSV, one row per touchpoint, and back.
//!
//! Each row holds a touchpoint and its stage's fields (repeated on every
//! row of the stage, so the sheet can be sorted and filtered); a stage
//! without touchpoints is a row with the touchpoint columns empty. The
//! map's own fields (`map.title`…) are filled on the first row. Lists
//! (actors, team, sources) are one item a line in the cell; answers given
//! as bullets are lines starting with `• `; a value those plain forms
//! cannot hold exactly is written in its TOML form (see `cell`), so every
//! value comes back exactly. A cell a spreadsheet would run as a formula
//! (`=`, `+`, `-`, `@`, a tab or a carriage return first) gets a leading
//! `'`, which the import takes off again.
//!
//! What a CSV cannot hold is not written: `[poster]` settings, `[labels]`
//! and comments stay in the map.

mod cell;
mod origins;
mod read;
mod sheet;
mod write;

pub(crate) use read::import;
pub use read::read;
pub use write::write;

/// The stage columns, in order, before any lanes.
const STAGE_COLUMNS: [&str; 7] = ["stage", "doing", "motivation", "concerns", "alleviation", "effort", "effort_note"];

/// The touchpoint columns, in order, after the lanes.
const TOUCHPOINT_COLUMNS: [&str; 9] =
    ["touchpoint", "channel", "owner", "actors", "marks", "moment_of_truth", "score", "note", "action"];

/// The map's columns, last, filled on the first row.
const MAP_COLUMNS: [&str; 14] = [
    "map.title",
    "map.subtitle",
    "map.description",
    "map.persona",
    "map.organisation",
    "map.team",
    "map.date",
    "map.version",
    "map.status",
    "map.sources",
    "map.theme",
    "map.lang",
    "map.currency",
    "map.headline",
];
