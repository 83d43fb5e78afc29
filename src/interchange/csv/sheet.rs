//! The sheet as records: its separator, header and rows, each cell with
//! its place in the text, so that every problem can be shown at its cell.

use std::collections::HashMap;

use super::cell::{read_lane_header, unguard};
use super::{MAP_COLUMNS, STAGE_COLUMNS, TOUCHPOINT_COLUMNS};
use crate::diag::{Code, Diagnostic};
use crate::model::Span;

/// One cell as read: its value (formula guard off) and where it is.
pub(super) struct Cell<'r> {
    pub(super) value: String,
    pub(super) row: &'r Row,
    pub(super) span: Span,
}

/// A data row: its cells by column, each cell's span, its line and where
/// it starts.
pub(super) struct Row {
    cells: Vec<String>,
    spans: Vec<Span>,
    pub(super) line: u64,
    pub(super) span: Span,
}

/// A column that fills a lane: its place, the lane's key and title.
pub(super) struct LaneColumn {
    pub(super) column: usize,
    pub(super) key: String,
    pub(super) title: String,
}

/// The sheet as read: the header's columns and the data rows.
pub(super) struct Sheet {
    /// Each column name's first place in the header.
    pub(super) columns: HashMap<String, usize>,
    /// Each header cell's span.
    pub(super) header_spans: Vec<Span>,
    pub(super) lanes: Vec<LaneColumn>,
    pub(super) rows: Vec<Row>,
}

impl Sheet {
    /// The cell of `column` in `row` as written; empty when the sheet has
    /// no such column or the row stops short of it.
    pub(super) fn cell<'r>(&self, row: &'r Row, column: &str) -> Cell<'r> {
        self.cell_at(row, self.columns.get(column).copied())
    }

    /// The cell at column `at`, as [`Sheet::cell`].
    pub(super) fn cell_at<'r>(&self, row: &'r Row, at: Option<usize>) -> Cell<'r> {
        let value = at.and_then(|i| row.cells.get(i)).cloned().unwrap_or_default();
        let span = at.and_then(|i| row.spans.get(i)).cloned().unwrap_or_else(|| row.span.clone());
        Cell { value, row, span }
    }

    /// A cell that holds text: `None` when blank.
    pub(super) fn text<'r>(&self, row: &'r Row, column: &str) -> Option<Cell<'r>> {
        self.text_at(row, self.columns.get(column).copied())
    }

    /// The cell at column `at`, as [`Sheet::text`].
    pub(super) fn text_at<'r>(&self, row: &'r Row, at: Option<usize>) -> Option<Cell<'r>> {
        Some(self.cell_at(row, at)).filter(|c| !c.value.trim().is_empty())
    }

    /// A keyword or number cell, trimmed.
    pub(super) fn word(&self, row: &Row, column: &str) -> String {
        self.cell(row, column).value.trim().to_owned()
    }
}

/// The sheet's header and rows; `None` when it cannot be read as a sheet.
pub(super) fn sheet(text: &str, diagnostics: &mut Vec<Diagnostic>) -> Option<Sheet> {
    let delimiter = delimiter(text);
    let mut reader =
        ::csv::ReaderBuilder::new().has_headers(true).flexible(true).delimiter(delimiter).from_reader(text.as_bytes());
    let header: Vec<String> = match reader.headers() {
        Ok(h) => h.iter().map(str::to_owned).collect(),
        Err(e) => {
            diagnostics.push(csv_error(&e, text));
            return None;
        }
    };
    let header_spans = match cell_spans(text, 0, delimiter) {
        Ok((spans, _)) => spans,
        Err(at) => {
            diagnostics.push(unclosed(text, at));
            return None;
        }
    };
    let line_span = 0..text.find(['\r', '\n']).unwrap_or(text.len());
    let span = |i: usize| header_spans.get(i).cloned().unwrap_or_else(|| line_span.clone());
    let lanes = header_columns(&header, &span, diagnostics);
    let mut columns = HashMap::new();
    for (i, name) in header.iter().enumerate() {
        let name = if lanes.iter().any(|l| l.column == i) { name.clone() } else { name.trim().to_owned() };
        columns.entry(name).or_insert(i);
    }
    if !columns.contains_key("stage") {
        diagnostics.push(
            Diagnostic::new(Code::CsvValue, line_span, "stage", "the sheet has no 'stage' column")
                .with_hint("the first row names the columns: stage, touchpoint, score, marks…"),
        );
        return None;
    }
    let rows = rows(&mut reader, text, delimiter, header.len(), diagnostics)?;
    Some(Sheet { columns, header_spans, lanes, rows })
}

/// How many unknown columns are reported, at most.
const MAX_UNKNOWN_COLUMNS: usize = 20;

/// The lanes the header declares; an unknown column, or a lane key that
/// is empty, built in or repeated, is an error at its header cell.
fn header_columns(
    header: &[String],
    span: &dyn Fn(usize) -> Span,
    diagnostics: &mut Vec<Diagnostic>,
) -> Vec<LaneColumn> {
    let mut lanes: Vec<LaneColumn> = Vec::new();
    let mut keys = std::collections::HashSet::new();
    // A few unknown columns are a typo each; thousands are not a sheet.
    let mut unknown = 0;
    for (column, name) in header.iter().enumerate() {
        if let Some((key, title)) = read_lane_header(name) {
            let problem = if key.trim().is_empty() {
                Some("a lane's key cannot be empty".to_owned())
            } else if crate::parse::walk::STAGE_KEYS.contains(&key.as_str()) {
                Some(format!("lane key '{key}' is a built-in stage field"))
            } else if !keys.insert(key.clone()) {
                Some(format!("the lane key '{key}' is in two columns"))
            } else {
                None
            };
            match problem {
                Some(message) => diagnostics.push(
                    Diagnostic::new(Code::CsvValue, span(column), "lane", message)
                        .with_hint("name each lane column lane.KEY (Title) with its own key, e.g. lane.thinking (What are they thinking?)"),
                ),
                None => lanes.push(LaneColumn { column, key, title }),
            }
            continue;
        }
        let name = name.trim();
        if !name.is_empty()
            && unknown < MAX_UNKNOWN_COLUMNS
            && !STAGE_COLUMNS.contains(&name)
            && !TOUCHPOINT_COLUMNS.contains(&name)
            && !MAP_COLUMNS.contains(&name)
        {
            unknown += 1;
            diagnostics.push(
                Diagnostic::new(Code::CsvValue, span(column), name, format!("unknown column '{name}'")).with_hint(
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
    delimiter: u8,
    columns: usize,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<Vec<Row>> {
    let mut rows = Vec::new();
    // Lines are counted from one row to the next, not from the start.
    let mut counted = (0, 1);
    for record in reader.records() {
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                diagnostics.push(csv_error(&e, text));
                return None;
            }
        };
        let row = match row(&record, text, delimiter, &mut counted) {
            Ok(row) => row,
            Err(at) => {
                diagnostics.push(unclosed(text, at));
                return None;
            }
        };
        if row.cells.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        if let Some(extra) = row.cells.iter().skip(columns).position(|c| !c.trim().is_empty()) {
            let span = row.spans.get(columns + extra).cloned().unwrap_or_else(|| row.span.clone());
            diagnostics.push(
                Diagnostic::new(
                    Code::CsvValue,
                    span,
                    "csv",
                    format!(
                        "line {} has {} cells, more than the {columns} columns of the header",
                        row.line,
                        row.cells.len()
                    ),
                )
                .with_hint("name the extra column in the first row, or move the cell into its column"),
            );
        }
        rows.push(row);
    }
    Some(rows)
}

/// A record with its line, its cells' spans and its span in the text;
/// `Err` with the offset of a quote that is never closed.
fn row(record: &::csv::StringRecord, text: &str, delimiter: u8, counted: &mut (usize, u64)) -> Result<Row, usize> {
    // With CRLF the position can point at the previous line's `\n`: the
    // record starts after it.
    let mut start = record.position().map_or(0, |p| p.byte() as usize).min(text.len());
    while text[start..].starts_with(['\r', '\n']) {
        start += 1;
    }
    let (from, line) = *counted;
    let line = line + text[from.min(start)..start].matches('\n').count() as u64;
    *counted = (start, line);
    let (spans, end) = cell_spans(text, start, delimiter)?;
    Ok(Row { cells: record.iter().map(unguard).collect(), spans, line, span: start..end })
}

/// Where each cell of the record at `start` is, read as RFC 4180 reads it,
/// and where the record ends; `Err` with the offset of a quote that opens
/// a cell and is never closed (a CSV reader would take the rest of the
/// file as that one cell).
fn cell_spans(text: &str, start: usize, delimiter: u8) -> Result<(Vec<Span>, usize), usize> {
    let bytes = text.as_bytes();
    let mut spans = Vec::new();
    let mut at = start;
    loop {
        let cell_start = at;
        if bytes.get(at) == Some(&b'"') {
            at += 1;
            loop {
                match bytes.get(at) {
                    None => return Err(cell_start),
                    Some(b'"') if bytes.get(at + 1) == Some(&b'"') => at += 2,
                    Some(b'"') => {
                        at += 1;
                        break;
                    }
                    Some(_) => at += 1,
                }
            }
        }
        while let Some(&b) = bytes.get(at) {
            if b == delimiter || b == b'\r' || b == b'\n' {
                break;
            }
            at += 1;
        }
        spans.push(cell_start..at);
        if bytes.get(at) != Some(&delimiter) {
            return Ok((spans, at));
        }
        at += 1;
    }
}

/// The sheet's separator, from its header row: a comma, or the semicolon
/// a spreadsheet in a language with decimal commas writes, or a tab.
/// Only characters outside quoted cells count: a lane's title may hold
/// any of them.
fn delimiter(text: &str) -> u8 {
    let (mut quoted, mut counts) = (false, [0usize; 3]);
    for c in text.chars() {
        match c {
            '"' => quoted = !quoted,
            '\r' | '\n' if !quoted => break,
            ',' if !quoted => counts[0] += 1,
            ';' if !quoted => counts[1] += 1,
            '\t' if !quoted => counts[2] += 1,
            _ => {}
        }
    }
    [(b';', counts[1]), (b'\t', counts[2])]
        .into_iter()
        .filter(|&(_, n)| n > counts[0])
        .max_by_key(|&(_, n)| n)
        .map_or(b',', |(d, _)| d)
}

fn csv_error(e: &::csv::Error, text: &str) -> Diagnostic {
    let at = e.position().map_or(0, |p| (p.byte() as usize).min(text.len()));
    Diagnostic::new(Code::CsvValue, at..at, "csv", format!("the file is not CSV a spreadsheet writes: {e}"))
        .with_hint("save the sheet as CSV (UTF-8) from the spreadsheet")
}

fn unclosed(text: &str, at: usize) -> Diagnostic {
    let line = text[..at].matches('\n').count() + 1;
    Diagnostic::new(
        Code::CsvValue,
        at..at + 1,
        "csv",
        format!(
            "the quote that opens this cell on line {line} is never closed, so the rest of the file would be one cell"
        ),
    )
    .with_hint("end the cell with a closing quote (\"), and write a quote inside a cell as two (\"\")")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sheets_are_read_as_spreadsheets_write_them() {
        assert_eq!(delimiter("stage;touchpoint;note\nA;B;one, two"), b';');
        assert_eq!(delimiter("stage\ttouchpoint\nA\tB"), b'\t');
        assert_eq!(delimiter("stage,touchpoint,note\nA,B,x;y"), b',');
        assert_eq!(delimiter("stage,\"a;b;c;d\",touchpoint\nA,B,x"), b',');
        assert_eq!(cell_spans("a,\"b,\"\"c\",d\r\ne", 0, b','), Ok((vec![0..1, 2..9, 10..11], 11)));
        assert_eq!(cell_spans("a,\"b\nc", 0, b','), Err(2));
    }
}
