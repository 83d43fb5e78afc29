//! A workshop sheet as a journey file: the sheet is read into rows, the
//! rows into the map's fields, its lanes, stages and touchpoints, and
//! those are written with the `toml` crate.

use std::collections::HashMap;

use super::{MAP_COLUMNS, STAGE_COLUMNS, TOUCHPOINT_COLUMNS};
use crate::diag::{Code, Diagnostic};
use crate::interchange::map_file::{LaneEntry, MapFile, StageEntry, TextValue, TouchpointEntry};
use crate::model::{Mark, Span};

/// One cell as read, and its row.
struct Cell<'r> {
    value: String,
    row: &'r Row,
}

/// A data row: its cells by column, its line and where it starts.
struct Row {
    cells: Vec<String>,
    line: u64,
    span: Span,
}

/// A column that fills a lane: its place, the lane's key and title.
struct LaneColumn {
    column: usize,
    key: String,
    title: String,
}

/// The sheet as read: the header's columns and the data rows.
struct Sheet {
    header: Vec<String>,
    /// Each column name's first place in the header.
    columns: HashMap<String, usize>,
    lanes: Vec<LaneColumn>,
    rows: Vec<Row>,
}

impl Sheet {
    /// The cell of `column` in `row`, trimmed; empty when the sheet has no
    /// such column or the row stops short of it.
    fn get(&self, row: &Row, column: &str) -> String {
        self.columns.get(column).and_then(|&i| row.cells.get(i)).map(|c| c.trim().to_owned()).unwrap_or_default()
    }
}

/// Reads a workshop CSV into a journey file's text. Errors (an unknown
/// column, a score that is not 1–5, a touchpoint without a stage) are
/// located at their row; a stage field that differs between rows of one
/// stage is a warning, the first value kept.
pub fn read(text: &str, source_name: &str) -> (Option<String>, Vec<Diagnostic>) {
    let mut diagnostics = Vec::new();
    let Some(sheet) = sheet(text, &mut diagnostics) else { return (None, diagnostics) };
    let mut map = map_fields(&sheet, &mut diagnostics);
    map.lanes = sheet.lanes.iter().map(|l| LaneEntry { key: l.key.clone(), title: l.title.clone() }).collect();
    map.stages = stages(&sheet, &mut diagnostics);
    if sheet.rows.is_empty() {
        diagnostics.push(
            Diagnostic::new(Code::CsvValue, 0..0, "stage", "the sheet has a header but no rows")
                .with_hint("add a row per touchpoint: its stage in 'stage', its name in 'touchpoint'"),
        );
    }
    if diagnostics.iter().any(Diagnostic::is_error) {
        return (None, diagnostics);
    }
    let from = format!("Imported from the workshop sheet {source_name} by `journeymap import`.");
    (Some(map.to_toml(&[&from])), diagnostics)
}

/// The sheet's header and rows; `None` when it cannot be read as a sheet.
fn sheet(text: &str, diagnostics: &mut Vec<Diagnostic>) -> Option<Sheet> {
    let mut reader = ::csv::ReaderBuilder::new()
        .has_headers(true)
        .flexible(true)
        .delimiter(delimiter(text))
        .from_reader(text.as_bytes());
    let header: Vec<String> = match reader.headers() {
        Ok(h) => h.iter().map(|c| c.trim().to_owned()).collect(),
        Err(e) => {
            diagnostics.push(csv_error(&e, text));
            return None;
        }
    };
    let header_span = 0..text.find(['\r', '\n']).unwrap_or(text.len());
    let lanes = header_columns(&header, &header_span, diagnostics);
    if !header.iter().any(|h| h == "stage") {
        diagnostics.push(
            Diagnostic::new(Code::CsvValue, header_span, "stage", "the sheet has no 'stage' column")
                .with_hint("the first row names the columns: stage, touchpoint, score, marks…"),
        );
        return None;
    }
    let rows = rows(&mut reader, text, header.len(), diagnostics)?;
    let mut columns = HashMap::new();
    for (i, name) in header.iter().enumerate() {
        columns.entry(name.clone()).or_insert(i);
    }
    Some(Sheet { header, columns, lanes, rows })
}

/// The lanes the header declares; an unknown column is an error.
fn header_columns(header: &[String], span: &Span, diagnostics: &mut Vec<Diagnostic>) -> Vec<LaneColumn> {
    let mut lanes = Vec::new();
    for (column, name) in header.iter().enumerate() {
        if let Some(lane) = name.strip_prefix("lane.") {
            let (key, title) = match lane.split_once(" (") {
                Some((k, t)) => (k.trim(), t.trim_end_matches(')').trim()),
                None => (lane.trim(), lane.trim()),
            };
            lanes.push(LaneColumn { column, key: key.to_owned(), title: title.to_owned() });
        } else if !name.is_empty()
            && !STAGE_COLUMNS.contains(&name.as_str())
            && !TOUCHPOINT_COLUMNS.contains(&name.as_str())
            && !MAP_COLUMNS.contains(&name.as_str())
        {
            diagnostics.push(
                Diagnostic::new(Code::CsvValue, span.clone(), name, format!("unknown column '{name}'")).with_hint(
                    format!(
                        "the columns are {}, lane.KEY (Title) for a custom row, and map.title…",
                        STAGE_COLUMNS.iter().chain(&TOUCHPOINT_COLUMNS).copied().collect::<Vec<_>>().join(", ")
                    ),
                ),
            );
        }
    }
    lanes
}

/// The data rows, blank ones left out; a row with cells beyond the
/// header's columns is an error. `None` when the CSV itself is broken.
fn rows(
    reader: &mut ::csv::Reader<&[u8]>,
    text: &str,
    columns: usize,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<Vec<Row>> {
    let mut rows = Vec::new();
    for record in reader.records() {
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                diagnostics.push(csv_error(&e, text));
                return None;
            }
        };
        let row = row(&record, text);
        if row.cells.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        if row.cells[columns.min(row.cells.len())..].iter().any(|c| !c.trim().is_empty()) {
            diagnostics.push(
                Diagnostic::new(
                    Code::CsvValue,
                    row.span.clone(),
                    "csv",
                    format!(
                        "line {} has {} cells, more than the {columns} columns of the header",
                        row.line,
                        row.cells.len(),
                    ),
                )
                .with_hint("name the extra column in the first row, or move the cell into its column"),
            );
        }
        rows.push(row);
    }
    Some(rows)
}

/// A record with its line and span in the text.
fn row(record: &::csv::StringRecord, text: &str) -> Row {
    // With CRLF the position can point at the previous line's `\n`: the
    // record starts after it.
    let mut start = record.position().map_or(0, |p| p.byte() as usize).min(text.len());
    while text[start..].starts_with(['\r', '\n']) {
        start += 1;
    }
    // Counted here: a quoted cell may hold line breaks.
    let line = text[..start].matches('\n').count() as u64 + 1;
    let end = text[start..].find(['\r', '\n']).map_or(text.len(), |i| start + i);
    Row { cells: record.iter().map(super::unguard).collect(), line, span: start..end }
}

/// The map's own fields: for each, the first row that gives it.
fn map_fields(sheet: &Sheet, diagnostics: &mut Vec<Diagnostic>) -> MapFile {
    let mut values: HashMap<&str, Cell<'_>> = HashMap::new();
    for name in MAP_COLUMNS {
        for row in &sheet.rows {
            let value = sheet.get(row, name);
            if value.is_empty() {
                continue;
            }
            match values.get(name) {
                None => {
                    values.insert(name, Cell { value, row });
                }
                Some(first) if first.value != value => diagnostics.push(differs(row, name, first.row.line)),
                Some(_) => {}
            }
        }
    }
    let text = |name: &str| values.get(name).map(|c| c.value.clone());
    let list = |name: &str| values.get(name).map(|c| list(&c.value)).unwrap_or_default();
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
        status: text("map.status"),
        sources: list("map.sources"),
        theme: text("map.theme"),
        lang: text("map.lang"),
        currency: text("map.currency"),
        lanes: Vec::new(),
        stages: Vec::new(),
    }
}

/// `map.date` as a TOML date; anything but year-month-day is an error.
fn date(cell: &Cell<'_>, diagnostics: &mut Vec<Diagnostic>) -> Option<toml::value::Datetime> {
    let v = &cell.value;
    let shaped = v.len() == 10
        && v.chars().enumerate().all(|(i, c)| if i == 4 || i == 7 { c == '-' } else { c.is_ascii_digit() });
    let date = if shaped { v.parse::<toml::value::Datetime>().ok() } else { None };
    if date.is_none() {
        diagnostics.push(bad_cell(cell.row, "map.date", v, "write the date as year-month-day, e.g. 2026-11-22"));
    }
    date
}

/// The stages in the order they first appear; their rows may be anywhere.
fn stages(sheet: &Sheet, diagnostics: &mut Vec<Diagnostic>) -> Vec<StageEntry> {
    let mut groups: Vec<(String, Vec<&Row>)> = Vec::new();
    let mut index: HashMap<String, usize> = HashMap::new();
    for row in &sheet.rows {
        let name = sheet.get(row, "stage");
        if name.is_empty() {
            let hint = if sheet.get(row, "touchpoint").is_empty() {
                "every row names its stage in the 'stage' column"
            } else {
                "give the touchpoint's stage in the 'stage' column"
            };
            diagnostics.push(bad_cell(row, "stage", "", hint));
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
    groups.into_iter().map(|(name, rows)| stage(sheet, name, &rows, diagnostics)).collect()
}

/// One stage from its rows: its fields from the first row that gives
/// each, a touchpoint from each row that names one.
fn stage(sheet: &Sheet, name: String, rows: &[&Row], diagnostics: &mut Vec<Diagnostic>) -> StageEntry {
    let mut stage = StageEntry { name, ..StageEntry::default() };
    let answer = |column: &str, diagnostics: &mut Vec<Diagnostic>| {
        first_value(sheet, rows, column, diagnostics).map(|c| text_value(&c.value))
    };
    stage.doing = answer("doing", diagnostics);
    stage.motivation = answer("motivation", diagnostics);
    stage.concerns = answer("concerns", diagnostics);
    stage.alleviation = answer("alleviation", diagnostics);
    if let Some(cell) = first_value(sheet, rows, "effort", diagnostics) {
        stage.effort = level(&cell.value);
        if stage.effort.is_none() {
            let hint = "effort is a whole number from 1 (none) to 5 (very high)";
            diagnostics.push(bad_cell(cell.row, "effort", &cell.value, hint));
        }
    }
    stage.effort_note = first_value(sheet, rows, "effort_note", diagnostics).map(|c| c.value);
    for lane in &sheet.lanes {
        if let Some(cell) = first_value(sheet, rows, &sheet.header[lane.column], diagnostics) {
            stage.lanes.push((lane.key.clone(), text_value(&cell.value)));
        }
    }
    stage.touchpoints = rows.iter().filter_map(|row| touchpoint(sheet, row, diagnostics)).collect();
    stage
}

/// The touchpoint a row names; a row that fills touchpoint columns but
/// names none is an error.
fn touchpoint(sheet: &Sheet, row: &Row, diagnostics: &mut Vec<Diagnostic>) -> Option<TouchpointEntry> {
    let get = |column: &str| sheet.get(row, column);
    let optional = |column: &str| Some(get(column)).filter(|v| !v.is_empty());
    let name = get("touchpoint");
    if name.is_empty() {
        if let Some(column) = TOUCHPOINT_COLUMNS[1..].iter().find(|c| !get(c).is_empty()) {
            let hint =
                format!("this row fills '{column}' but names no touchpoint; give it a name in the 'touchpoint' column");
            diagnostics.push(bad_cell(row, "touchpoint", "", &hint));
        }
        return None;
    }
    let moment_of_truth = match get("moment_of_truth").to_lowercase().as_str() {
        "" | "no" | "false" | "0" => false,
        "yes" | "true" | "x" | "1" => true,
        other => {
            let hint = "write yes for a moment of truth, or leave the cell empty";
            diagnostics.push(bad_cell(row, "moment_of_truth", other, hint));
            false
        }
    };
    let score = optional("score").and_then(|score| {
        let level = level(&score);
        if level.is_none() {
            let hint = "the score is a whole number from 1 (very negative) to 5 (very positive)";
            diagnostics.push(bad_cell(row, "score", &score, hint));
        }
        level
    });
    Some(TouchpointEntry {
        name,
        channel: optional("channel"),
        owner: optional("owner"),
        actors: list(&get("actors")),
        marks: marks(row, &get("marks"), diagnostics),
        moment_of_truth,
        score,
        note: optional("note"),
        action: optional("action"),
    })
}

/// The marks cell as keywords; an unknown one is an error.
fn marks(row: &Row, cell: &str, diagnostics: &mut Vec<Diagnostic>) -> Vec<String> {
    let words: Vec<String> =
        cell.split([',', '\n', ';']).map(|m| m.trim().to_lowercase()).filter(|m| !m.is_empty()).collect();
    match words.iter().find(|w| Mark::from_keyword(w).is_none()) {
        Some(bad) => {
            let hint = "marks are essential, strength, pain and would-pay, separated by commas";
            diagnostics.push(bad_cell(row, "marks", bad, hint));
            Vec::new()
        }
        None => words,
    }
}

/// The sheet's separator, from its header row: a comma, or the semicolon
/// a spreadsheet in a language with decimal commas writes, or a tab.
fn delimiter(text: &str) -> u8 {
    let header = text.lines().next().unwrap_or("");
    let count = |c: char| header.matches(c).count();
    [(b';', count(';')), (b'\t', count('\t'))]
        .into_iter()
        .filter(|&(_, n)| n > count(','))
        .max_by_key(|&(_, n)| n)
        .map_or(b',', |(d, _)| d)
}

/// The first non-empty value of `column` among a stage's rows; a different
/// value on a later row is reported.
fn first_value<'r>(
    sheet: &Sheet,
    rows: &[&'r Row],
    column: &str,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<Cell<'r>> {
    let mut first: Option<Cell<'r>> = None;
    for row in rows {
        let value = sheet.get(row, column);
        if value.is_empty() {
            continue;
        }
        match &first {
            None => first = Some(Cell { value, row }),
            Some(f) if f.value != value => diagnostics.push(differs(row, column, f.row.line)),
            Some(_) => {}
        }
    }
    first
}

fn differs(row: &Row, column: &str, first_line: u64) -> Diagnostic {
    Diagnostic::new(
        Code::ImportChanged,
        row.span.clone(),
        column,
        format!("'{column}' on line {} differs from line {first_line} of the same stage; the first is kept", row.line),
    )
    .with_hint("a stage's fields are the same on each of its rows: correct one of them")
}

fn bad_cell(row: &Row, column: &str, value: &str, hint: &str) -> Diagnostic {
    let message = if value.is_empty() {
        format!("line {}: '{column}' is empty", row.line)
    } else {
        format!("line {}: '{column}' cannot be '{value}'", row.line)
    };
    Diagnostic::new(Code::CsvValue, row.span.clone(), column, message).with_hint(hint)
}

fn csv_error(e: &::csv::Error, text: &str) -> Diagnostic {
    let at = e.position().map_or(0, |p| (p.byte() as usize).min(text.len()));
    Diagnostic::new(Code::CsvValue, at..at, "csv", format!("the file is not CSV a spreadsheet writes: {e}"))
        .with_hint("save the sheet as CSV (UTF-8) from the spreadsheet")
}

/// A 1–5 level, also as a spreadsheet writes whole numbers (`4.0`).
fn level(value: &str) -> Option<u8> {
    let v = value.trim();
    let v = v.strip_suffix(".0").unwrap_or(v);
    v.parse::<u8>().ok().filter(|n| (1..=5).contains(n))
}

/// One item a line.
fn list(cell: &str) -> Vec<String> {
    cell.lines().map(str::trim).filter(|l| !l.is_empty()).map(str::to_owned).collect()
}

/// A paragraph; lines that all start with `• ` or `- ` as bullets.
fn text_value(cell: &str) -> TextValue {
    let lines: Vec<&str> = cell.lines().map(str::trim).filter(|l| !l.is_empty()).collect();
    let bullet = |l: &str| l.strip_prefix("• ").or_else(|| l.strip_prefix("- ")).map(str::to_owned);
    if !lines.is_empty() && lines.iter().all(|l| bullet(l).is_some()) {
        TextValue::Bullets(lines.iter().filter_map(|l| bullet(l)).collect())
    } else {
        TextValue::Paragraph(cell.to_owned())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_round_trip_through_their_spreadsheet_forms() {
        assert_eq!(level("4.0"), Some(4));
        assert_eq!(level("6"), None);
        assert_eq!(text_value("• one\n• two"), TextValue::Bullets(vec!["one".into(), "two".into()]));
        assert_eq!(text_value("one\n• two"), TextValue::Paragraph("one\n• two".into()));
        assert_eq!(list("Me\n\nCat "), ["Me", "Cat"]);
        assert_eq!(delimiter("stage;touchpoint;note\nA;B;one, two"), b';');
        assert_eq!(delimiter("stage\ttouchpoint\nA\tB"), b'\t');
        assert_eq!(delimiter("stage,touchpoint,note\nA,B,x;y"), b',');
    }
}
