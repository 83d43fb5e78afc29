//! Other formats a journey is kept in: Mermaid `journey` diagrams and
//! workshop spreadsheets (CSV), read and written. Reading gives a journey
//! file's text, which the map parser then reads like any map, so an
//! imported map is checked as strictly as a written one.

pub mod csv;
mod map_file;
pub mod mermaid;

/// The characters that make a spreadsheet read a cell as a formula or a
/// command when they start it (OWASP's list for CSV injection): `=`, `+`,
/// `-`, `@`, a tab and a carriage return. Every CSV the tool writes puts a
/// `'` before such a cell unless asked not to.
pub(crate) const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];
