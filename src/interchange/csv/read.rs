//! A workshop sheet as a journey file: the sheet is read into rows with
//! each cell's place, the rows into the map's fields, its lanes, stages
//! and touchpoints, and those are written with the `toml` crate. Every
//! problem is located at its cell: the sheet's own line and column.

use std::collections::HashMap;

use super::cell::{read_given, read_list, read_text};
use super::origins::{Origins, Scope};
use super::sheet::{Cell, Row, Sheet, sheet};
use super::{MAP_COLUMNS, TOUCHPOINT_COLUMNS};
use crate::diag::{Code, Diagnostic};
use crate::interchange::map_file::{LaneEntry, MapFile, StageEntry, TouchpointEntry};
use crate::model::Mark;

/// Reads a workshop CSV into a journey file's text. Errors (an unknown
/// column, a score that is not 1–5, a touchpoint without a stage, a quote
/// never closed) are located at their cell; a stage field that differs
/// between rows of one stage is a warning, the first value kept.
pub fn read(text: &str, source_name: &str) -> (Option<String>, Vec<Diagnostic>) {
    let (imported, diagnostics) = import(text, source_name);
    (imported.map(|(toml, _)| toml), diagnostics)
}

/// [`read`], with where each value of the journey file came from.
pub(crate) fn import(text: &str, source_name: &str) -> (Option<(String, Origins)>, Vec<Diagnostic>) {
    let mut diagnostics = Vec::new();
    let Some(sheet) = sheet(text, &mut diagnostics) else { return (None, diagnostics) };
    let mut origins = Origins::default();
    let mut map = map_fields(&sheet, &mut origins, &mut diagnostics);
    for (i, lane) in sheet.lanes.iter().enumerate() {
        origins.table(Scope::Lane(i), sheet.header_spans[lane.column].clone());
        map.lanes.push(LaneEntry { key: lane.key.clone(), title: lane.title.clone() });
    }
    map.stages = stages(&sheet, &mut origins, &mut diagnostics);
    if sheet.rows.is_empty() {
        diagnostics.push(
            Diagnostic::new(
                Code::CsvValue,
                sheet.header_spans.first().cloned().unwrap_or(0..0),
                "stage",
                "the sheet has a header but no rows",
            )
            .with_hint("add a row per touchpoint: its stage in 'stage', its name in 'touchpoint'"),
        );
    }
    if diagnostics.iter().any(Diagnostic::is_error) {
        return (None, diagnostics);
    }
    let from = format!("Imported from the workshop sheet {source_name} by `journeymap import`.");
    (Some((map.to_toml(&[&from]), origins)), diagnostics)
}

/// The map's own fields: for each, the first row that gives it.
fn map_fields(sheet: &Sheet, origins: &mut Origins, diagnostics: &mut Vec<Diagnostic>) -> MapFile {
    let mut values: HashMap<&str, Cell<'_>> = HashMap::new();
    for name in MAP_COLUMNS {
        for row in &sheet.rows {
            // The language and headline are kept as written, blank or not.
            let cell = if name == "map.lang" || name == "map.headline" {
                Some(sheet.cell(row, name)).filter(|c| !c.value.is_empty())
            } else {
                sheet.text(row, name)
            };
            let Some(cell) = cell else { continue };
            match values.get(name) {
                None => {
                    values.insert(name, cell);
                }
                Some(first) if first.value != cell.value => diagnostics.push(differs(&cell, name, first.row.line)),
                Some(_) => {}
            }
        }
    }
    for (name, cell) in &values {
        origins.value(Scope::Map, name.trim_start_matches("map."), cell.span.clone());
    }
    let text = |name: &str| values.get(name).map(|c| c.value.clone());
    let word = |name: &str| values.get(name).map(|c| c.value.trim().to_owned());
    let list = |name: &str| values.get(name).map(|c| read_list(&c.value)).unwrap_or_default();
    let title = text("map.title").unwrap_or_else(|| {
        diagnostics.push(
            Diagnostic::new(
                Code::ImportChanged,
                0..0,
                "map.title",
                "the sheet has no title; the map is titled \"Untitled journey\"",
            )
            .with_hint("add a map.title column with the title on the first row, or change the title in the map"),
        );
        "Untitled journey".to_owned()
    });
    MapFile {
        title,
        subtitle: text("map.subtitle"),
        description: text("map.description"),
        persona: text("map.persona"),
        organisation: text("map.organisation"),
        team: list("map.team"),
        date: values.get("map.date").and_then(|cell| date(cell, diagnostics)),
        version: text("map.version"),
        status: word("map.status"),
        sources: list("map.sources"),
        theme: text("map.theme"),
        lang: values.get("map.lang").and_then(|c| read_given(&c.value)),
        currency: text("map.currency"),
        headline: values.get("map.headline").and_then(|c| read_given(&c.value)),
        lanes: Vec::new(),
        stages: Vec::new(),
    }
}

/// `map.date` as a TOML date; anything but year-month-day is an error.
fn date(cell: &Cell<'_>, diagnostics: &mut Vec<Diagnostic>) -> Option<toml::value::Datetime> {
    let v = cell.value.trim();
    let shaped = v.len() == 10
        && v.chars().enumerate().all(|(i, c)| if i == 4 || i == 7 { c == '-' } else { c.is_ascii_digit() });
    let date = if shaped { v.parse::<toml::value::Datetime>().ok() } else { None };
    if date.is_none() {
        diagnostics.push(bad_cell(cell, "map.date", v, "write the date as year-month-day, e.g. 2026-11-22"));
    }
    date
}

/// The stages in the order they first appear; their rows may be anywhere.
fn stages(sheet: &Sheet, origins: &mut Origins, diagnostics: &mut Vec<Diagnostic>) -> Vec<StageEntry> {
    let mut groups: Vec<(String, Vec<&Row>)> = Vec::new();
    let mut index: HashMap<String, usize> = HashMap::new();
    for row in &sheet.rows {
        let name = sheet.word(row, "stage");
        if name.is_empty() {
            let hint = if sheet.word(row, "touchpoint").is_empty() {
                "every row names its stage in the 'stage' column"
            } else {
                "give the touchpoint's stage in the 'stage' column"
            };
            diagnostics.push(bad_cell(&sheet.cell(row, "stage"), "stage", "", hint));
            continue;
        }
        match index.get(&name) {
            Some(&i) => groups[i].1.push(row),
            None => {
                index.insert(name.clone(), groups.len());
                groups.push((name, vec![row]));
            }
        }
    }
    let mut stages = Vec::with_capacity(groups.len());
    for (i, (name, rows)) in groups.into_iter().enumerate() {
        origins.table(Scope::Stage(i), rows[0].span.clone());
        origins.value(Scope::Stage(i), "name", sheet.cell(rows[0], "stage").span);
        stages.push(stage(sheet, i, name, &rows, origins, diagnostics));
    }
    stages
}

/// One stage from its rows: its fields from the first row that gives
/// each, a touchpoint from each row that names one.
fn stage(
    sheet: &Sheet,
    index: usize,
    name: String,
    rows: &[&Row],
    origins: &mut Origins,
    diagnostics: &mut Vec<Diagnostic>,
) -> StageEntry {
    let scope = Scope::Stage(index);
    let mut first = |column: (Option<usize>, &str), key: &str, diagnostics: &mut Vec<Diagnostic>| {
        let cell = first_value(sheet, rows, column, diagnostics)?;
        origins.value(scope, key, cell.span.clone());
        Some(cell)
    };
    let mut stage = StageEntry { name, ..StageEntry::default() };
    let named = |column: &'static str| (sheet.columns.get(column).copied(), column);
    let mut answer = |column: &'static str, diagnostics: &mut Vec<Diagnostic>| {
        first(named(column), column, diagnostics).and_then(|c| read_text(&c.value))
    };
    stage.doing = answer("doing", diagnostics);
    stage.motivation = answer("motivation", diagnostics);
    stage.concerns = answer("concerns", diagnostics);
    stage.alleviation = answer("alleviation", diagnostics);
    if let Some(cell) = first(named("effort"), "effort", diagnostics) {
        stage.effort = level(&cell.value);
        if stage.effort.is_none() {
            let hint = "effort is a whole number from 1 (none) to 5 (very high)";
            diagnostics.push(bad_cell(&cell, "effort", cell.value.trim(), hint));
        }
    }
    stage.effort_note = first(named("effort_note"), "effort_note", diagnostics).map(|c| c.value);
    for lane in &sheet.lanes {
        let column = (Some(lane.column), lane.key.as_str());
        if let Some(value) = first(column, &lane.key, diagnostics).and_then(|c| read_text(&c.value)) {
            stage.lanes.push((lane.key.clone(), value));
        }
    }
    let mut names = HashMap::new();
    for row in rows {
        let scope = Scope::Touchpoint(index, stage.touchpoints.len());
        if let Some(t) = touchpoint(sheet, row, scope, &mut names, origins, diagnostics) {
            stage.touchpoints.push(t);
        }
    }
    stage
}

/// The touchpoint a row names; a row that fills touchpoint columns but
/// names none, or names one a row before it named, is an error.
fn touchpoint(
    sheet: &Sheet,
    row: &Row,
    scope: Scope,
    names: &mut HashMap<String, u64>,
    origins: &mut Origins,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<TouchpointEntry> {
    let name = sheet.cell(row, "touchpoint");
    if name.value.trim().is_empty() {
        if let Some(column) = TOUCHPOINT_COLUMNS[1..].iter().find(|c| !sheet.word(row, c).is_empty()) {
            let hint =
                format!("this row fills '{column}' but names no touchpoint; give it a name in the 'touchpoint' column");
            diagnostics.push(bad_cell(&name, "touchpoint", "", &hint));
        }
        return None;
    }
    if let Some(first) = names.get(name.value.trim()) {
        diagnostics.push(
            Diagnostic::new(
                Code::CsvValue,
                name.span.clone(),
                "touchpoint",
                format!(
                    "line {}: the stage already has a touchpoint named '{}' on line {first}",
                    row.line,
                    name.value.trim()
                ),
            )
            .with_hint("touchpoint names are unique within a stage: rename one of them"),
        );
        return None;
    }
    names.insert(name.value.trim().to_owned(), row.line);
    origins.table(scope, row.span.clone());
    for column in TOUCHPOINT_COLUMNS {
        let key = if column == "touchpoint" { "name" } else { column };
        origins.value(scope, key, sheet.cell(row, column).span);
    }
    let optional = |column: &str| sheet.text(row, column).map(|c| c.value);
    Some(TouchpointEntry {
        name: name.value.trim().to_owned(),
        channel: optional("channel"),
        owner: optional("owner"),
        actors: read_list(&sheet.cell(row, "actors").value),
        marks: marks(&sheet.cell(row, "marks"), diagnostics),
        moment_of_truth: moment_of_truth(&sheet.cell(row, "moment_of_truth"), diagnostics),
        score: score(&sheet.cell(row, "score"), diagnostics),
        note: optional("note"),
        action: optional("action"),
    })
}

/// The marks cell as keywords; an unknown one is an error.
fn marks(cell: &Cell<'_>, diagnostics: &mut Vec<Diagnostic>) -> Vec<String> {
    let words: Vec<String> =
        cell.value.split([',', '\n', ';']).map(|m| m.trim().to_lowercase()).filter(|m| !m.is_empty()).collect();
    match words.iter().find(|w| Mark::from_keyword(w).is_none()) {
        Some(bad) => {
            let hint = "marks are essential, strength, pain and would-pay, separated by commas";
            diagnostics.push(bad_cell(cell, "marks", bad, hint));
            Vec::new()
        }
        None => words,
    }
}

fn moment_of_truth(cell: &Cell<'_>, diagnostics: &mut Vec<Diagnostic>) -> bool {
    match cell.value.trim().to_lowercase().as_str() {
        "" | "no" | "false" | "0" => false,
        "yes" | "true" | "x" | "1" => true,
        other => {
            let hint = "write yes for a moment of truth, or leave the cell empty";
            diagnostics.push(bad_cell(cell, "moment_of_truth", other, hint));
            false
        }
    }
}

fn score(cell: &Cell<'_>, diagnostics: &mut Vec<Diagnostic>) -> Option<u8> {
    let written = cell.value.trim();
    if written.is_empty() {
        return None;
    }
    let level = level(written);
    if level.is_none() {
        let hint = "the score is a whole number from 1 (very negative) to 5 (very positive)";
        diagnostics.push(bad_cell(cell, "score", written, hint));
    }
    level
}

/// The first non-blank value of `column` among a stage's rows; a
/// different value on a later row is reported.
fn first_value<'r>(
    sheet: &Sheet,
    rows: &[&'r Row],
    (at, column): (Option<usize>, &str),
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<Cell<'r>> {
    let mut first: Option<Cell<'r>> = None;
    for row in rows {
        let Some(cell) = sheet.text_at(row, at) else { continue };
        match &first {
            None => first = Some(cell),
            Some(f) if f.value != cell.value => diagnostics.push(differs(&cell, column, f.row.line)),
            Some(_) => {}
        }
    }
    first
}

fn differs(cell: &Cell<'_>, column: &str, first_line: u64) -> Diagnostic {
    Diagnostic::new(
        Code::ImportChanged,
        cell.span.clone(),
        column,
        format!(
            "'{column}' on line {} differs from line {first_line} of the same stage; the first is kept",
            cell.row.line
        ),
    )
    .with_hint("a stage's fields are the same on each of its rows: correct one of them")
}

fn bad_cell(cell: &Cell<'_>, column: &str, value: &str, hint: &str) -> Diagnostic {
    let message = if value.is_empty() {
        format!("line {}: '{column}' is empty", cell.row.line)
    } else {
        format!("line {}: '{column}' cannot be '{value}'", cell.row.line)
    };
    Diagnostic::new(Code::CsvValue, cell.span.clone(), column, message).with_hint(hint)
}

/// A 1–5 level, also as a spreadsheet writes whole numbers (`4.0`).
fn level(value: &str) -> Option<u8> {
    let v = value.trim();
    let v = v.strip_suffix(".0").unwrap_or(v);
    v.parse::<u8>().ok().filter(|n| (1..=5).contains(n))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn levels_are_read_as_spreadsheets_write_them() {
        assert_eq!(level("4.0"), Some(4));
        assert_eq!(level("6"), None);
    }
}
