//! Other formats a journey is kept in: Mermaid `journey` diagrams and
//! workshop spreadsheets (CSV), read and written. Reading gives a journey
//! file's text, which the map parser then reads like any map, so an
//! imported map is checked as strictly as a written one.

pub mod csv;
mod map_file;
pub mod mermaid;
