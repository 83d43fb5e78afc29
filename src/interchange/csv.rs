//! Workshop spreadsheets: a map as CSV, one row per touchpoint, and back.
//!
//! Each row holds a touchpoint and its stage's fields (repeated on every
//! row of the stage, so the sheet can be sorted and filtered); a stage
//! without touchpoints is a row with the touchpoint columns empty. The
//! map's own fields (`map.title`…) are filled on the first row. Lists
//! (actors, team, sources) are one item a line in the cell; answers given
//! as bullets are lines starting with `• `. A cell a spreadsheet would run
//! as a formula (`=`, `+`, `-`, `@` first) gets a leading `'`, which the
//! import takes off again.
//!
//! What a CSV cannot hold is not written: `[poster]` settings, `[labels]`
//! and comments stay in the map.

use super::quoted;
use crate::diag::{Code, Diagnostic};
use crate::model::{Journey, Mark, Span, Text};

/// The stage columns, in order, before any lanes.
const STAGE_COLUMNS: [&str; 7] = ["stage", "doing", "motivation", "concerns", "alleviation", "effort", "effort_note"];

/// The touchpoint columns, in order, after the lanes.
const TOUCHPOINT_COLUMNS: [&str; 9] =
    ["touchpoint", "channel", "owner", "actors", "marks", "moment_of_truth", "score", "note", "action"];

/// The map's columns, last, filled on the first row.
const MAP_COLUMNS: [&str; 13] = [
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
];

/// A lane's column header: `lane.KEY (Title)`.
fn lane_header(key: &str, title: &str) -> String {
    format!("lane.{key} ({title})")
}

/// A map as CSV (RFC 4180, CRLF line ends, a header row). With
/// `guard_formulas`, a cell starting with `=`, `+`, `-` or `@` gets a
/// leading `'`.
pub fn write(journey: &Journey, guard_formulas: bool) -> String {
    let mut header: Vec<String> = STAGE_COLUMNS.iter().map(|c| (*c).to_owned()).collect();
    header.extend(journey.lanes.iter().map(|l| lane_header(&l.key, &l.title)));
    header.extend(TOUCHPOINT_COLUMNS.iter().chain(&MAP_COLUMNS).map(|c| (*c).to_owned()));
    let mut writer = ::csv::WriterBuilder::new().terminator(::csv::Terminator::CRLF).from_writer(Vec::new());
    let cell = |s: String| {
        if guard_formulas && s.starts_with(['=', '+', '-', '@']) { format!("'{s}") } else { s }
    };
    let _ = writer.write_record(&header);
    let mut first = true;
    for stage in &journey.stages {
        let mut stage_cells = vec![
            stage.name.clone(),
            text(stage.doing.as_ref()),
            text(stage.motivation.as_ref()),
            text(stage.concerns.as_ref()),
            text(stage.alleviation.as_ref()),
            stage.effort.map(|e| e.get().to_string()).unwrap_or_default(),
            stage.effort_note.clone().unwrap_or_default(),
        ];
        for (i, _) in journey.lanes.iter().enumerate() {
            stage_cells.push(text(stage.lanes.iter().find(|(l, _)| *l == i).map(|(_, t)| t)));
        }
        let rows: Vec<Vec<String>> = if stage.touchpoints.is_empty() {
            vec![vec![String::new(); TOUCHPOINT_COLUMNS.len()]]
        } else {
            stage
                .touchpoints
                .iter()
                .map(|t| {
                    vec![
                        t.name.clone(),
                        t.channel.clone().unwrap_or_default(),
                        t.owner.clone().unwrap_or_default(),
                        t.actors.join("\n"),
                        t.marks.iter().map(|m| m.as_str()).collect::<Vec<_>>().join(", "),
                        if t.moment_of_truth { "yes".to_owned() } else { String::new() },
                        t.score.map(|s| s.get().to_string()).unwrap_or_default(),
                        t.note.clone().unwrap_or_default(),
                        t.action.clone().unwrap_or_default(),
                    ]
                })
                .collect()
        };
        for row in rows {
            let map = if first { map_cells(journey) } else { vec![String::new(); MAP_COLUMNS.len()] };
            first = false;
            let record: Vec<String> = stage_cells.iter().cloned().chain(row).chain(map).map(cell).collect();
            let _ = writer.write_record(&record);
        }
    }
    let bytes = writer.into_inner().unwrap_or_default();
    String::from_utf8(bytes).unwrap_or_default()
}

fn map_cells(j: &Journey) -> Vec<String> {
    let o = |v: &Option<String>| v.clone().unwrap_or_default();
    vec![
        j.title.clone(),
        o(&j.subtitle),
        o(&j.description),
        o(&j.persona),
        o(&j.organisation),
        j.team.join("\n"),
        j.date.map(|d| d.to_string()).unwrap_or_default(),
        o(&j.version),
        j.status.as_str().to_owned(),
        j.sources.join("\n"),
        o(&j.theme),
        o(&j.lang),
        o(&j.currency),
    ]
}

/// A paragraph as it is; bullets one a line, each after `• `.
fn text(t: Option<&Text>) -> String {
    match t {
        None => String::new(),
        Some(Text::Paragraph(p)) => p.clone(),
        Some(Text::Bullets(items)) => items.iter().map(|i| format!("• {i}")).collect::<Vec<_>>().join("\n"),
    }
}

/// One cell as read, and where its row starts.
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

/// Reads a workshop CSV into a journey file's text. Errors (an unknown
/// column, a score that is not 1–5, a touchpoint without a stage) are
/// located at their row; a stage field that differs between rows of one
/// stage is a warning, the first value kept.
pub fn read(text: &str, source_name: &str) -> (Option<String>, Vec<Diagnostic>) {
    let mut diagnostics = Vec::new();
    let mut reader = ::csv::ReaderBuilder::new()
        .has_headers(true)
        .flexible(true)
        .delimiter(delimiter(text))
        .from_reader(text.as_bytes());
    let header: Vec<String> = match reader.headers() {
        Ok(h) => h.iter().map(|c| c.trim().to_owned()).collect(),
        Err(e) => {
            diagnostics.push(csv_error(&e, text));
            return (None, diagnostics);
        }
    };
    let header_span = 0..text.find(['\r', '\n']).unwrap_or(text.len());
    let mut lanes: Vec<(usize, String, String)> = Vec::new();
    for (i, name) in header.iter().enumerate() {
        if let Some(lane) = name.strip_prefix("lane.") {
            let (key, title) = match lane.split_once(" (") {
                Some((k, t)) => (k.trim(), t.trim_end_matches(')').trim()),
                None => (lane.trim(), lane.trim()),
            };
            lanes.push((i, key.to_owned(), title.to_owned()));
        } else if !name.is_empty()
            && !STAGE_COLUMNS.contains(&name.as_str())
            && !TOUCHPOINT_COLUMNS.contains(&name.as_str())
            && !MAP_COLUMNS.contains(&name.as_str())
        {
            diagnostics.push(
                Diagnostic::new(Code::CsvValue, header_span.clone(), name, format!("unknown column '{name}'"))
                    .with_hint(format!(
                        "the columns are {}, lane.KEY (Title) for a custom row, and map.title…",
                        STAGE_COLUMNS.iter().chain(&TOUCHPOINT_COLUMNS).copied().collect::<Vec<_>>().join(", ")
                    )),
            );
        }
    }
    if !header.iter().any(|h| h == "stage") {
        diagnostics.push(
            Diagnostic::new(Code::CsvValue, header_span, "stage", "the sheet has no 'stage' column")
                .with_hint("the first row names the columns: stage, touchpoint, score, marks…"),
        );
        return (None, diagnostics);
    }
    let mut rows = Vec::new();
    for record in reader.records() {
        match record {
            Ok(r) => {
                // With CRLF the position can point at the previous line's
                // `\n`: the record starts after it.
                let mut start = r.position().map_or(0, |p| p.byte() as usize).min(text.len());
                while text[start..].starts_with(['\r', '\n']) {
                    start += 1;
                }
                // Counted here: a quoted cell may hold line breaks.
                let line = text[..start].matches('\n').count() as u64 + 1;
                let end = text[start..].find(['\r', '\n']).map_or(text.len(), |i| start + i);
                let cells: Vec<String> = r.iter().map(unguard).collect();
                if cells.iter().all(|c| c.trim().is_empty()) {
                    continue;
                }
                let row = Row { cells, line, span: start..end };
                if row.cells[header.len().min(row.cells.len())..].iter().any(|c| !c.trim().is_empty()) {
                    diagnostics.push(
                        Diagnostic::new(
                            Code::CsvValue,
                            row.span.clone(),
                            "csv",
                            format!(
                                "line {line} has {} cells, more than the {} columns of the header",
                                row.cells.len(),
                                header.len()
                            ),
                        )
                        .with_hint("name the extra column in the first row, or move the cell into its column"),
                    );
                }
                rows.push(row);
            }
            Err(e) => {
                diagnostics.push(csv_error(&e, text));
                return (None, diagnostics);
            }
        }
    }
    let col = |name: &str| header.iter().position(|h| h == name);
    let get = |row: &Row, name: &str| {
        col(name).and_then(|i| row.cells.get(i)).map(|c| c.trim().to_owned()).unwrap_or_default()
    };
    let mut toml = format!("# Imported from the workshop sheet {source_name} by `journeymap import`.\n\n");
    // The map's fields: the first row that gives each.
    let mut map_values: Vec<(&str, Cell<'_>)> = Vec::new();
    for name in MAP_COLUMNS {
        for row in &rows {
            let value = get(row, name);
            if value.is_empty() {
                continue;
            }
            match map_values.iter().find(|(n, _)| *n == name) {
                None => map_values.push((name, Cell { value, row })),
                Some((_, first)) if first.value != value => diagnostics.push(differs(row, name, first.row.line)),
                Some(_) => {}
            }
        }
    }
    let map_value = |name: &str| map_values.iter().find(|(n, _)| *n == name).map(|(_, c)| c);
    match map_value("map.title") {
        Some(title) => toml += &format!("title = {}\n", quoted(&title.value)),
        None => {
            diagnostics.push(
                Diagnostic::new(
                    Code::ImportChanged,
                    0..0,
                    "map.title",
                    "the sheet has no title; the map is titled \"Untitled journey\"",
                )
                .with_hint("add a map.title column with the title on the first row, or change the title in the map"),
            );
            toml += "title = \"Untitled journey\"\n";
        }
    }
    for (name, key) in [
        ("map.subtitle", "subtitle"),
        ("map.description", "description"),
        ("map.persona", "persona"),
        ("map.organisation", "organisation"),
        ("map.version", "version"),
        ("map.theme", "theme"),
        ("map.lang", "lang"),
        ("map.currency", "currency"),
        ("map.status", "status"),
    ] {
        if let Some(cell) = map_value(name) {
            toml += &format!("{key} = {}\n", quoted(&cell.value));
        }
    }
    for (name, key) in [("map.team", "team"), ("map.sources", "sources")] {
        if let Some(cell) = map_value(name) {
            toml += &format!("{key} = {}\n", list(&cell.value));
        }
    }
    if let Some(cell) = map_value("map.date") {
        let ok = cell.value.len() == 10
            && cell
                .value
                .chars()
                .enumerate()
                .all(|(i, c)| if i == 4 || i == 7 { c == '-' } else { c.is_ascii_digit() });
        if ok {
            toml += &format!("date = {}\n", cell.value);
        } else {
            diagnostics.push(bad_cell(
                cell.row,
                "map.date",
                &cell.value,
                "write the date as year-month-day, e.g. 2026-11-22",
            ));
        }
    }
    for (_, key, title) in &lanes {
        toml += &format!("\n[[lane]]\nkey = {}\ntitle = {}\n", quoted(key), quoted(title));
    }
    // Stages in the order they first appear; their rows may be anywhere.
    let mut stages: Vec<(String, Vec<&Row>)> = Vec::new();
    for row in &rows {
        let name = get(row, "stage");
        if name.is_empty() {
            if !get(row, "touchpoint").is_empty() {
                diagnostics.push(bad_cell(row, "stage", "", "give the touchpoint's stage in the 'stage' column"));
            } else {
                diagnostics.push(bad_cell(row, "stage", "", "every row names its stage in the 'stage' column"));
            }
            continue;
        }
        match stages.iter_mut().find(|(n, _)| *n == name) {
            Some((_, rows)) => rows.push(row),
            None => stages.push((name, vec![row])),
        }
    }
    for (name, stage_rows) in &stages {
        toml += &format!("\n[[stage]]\nname = {}\n", quoted(name));
        for column in ["doing", "motivation", "concerns", "alleviation", "effort", "effort_note"] {
            let Some(cell) = first_value(stage_rows, column, &get, &mut diagnostics) else { continue };
            match column {
                "effort" => match level(&cell.value) {
                    Some(n) => toml += &format!("effort = {n}\n"),
                    None => diagnostics.push(bad_cell(
                        cell.row,
                        "effort",
                        &cell.value,
                        "effort is a whole number from 1 (none) to 5 (very high)",
                    )),
                },
                "effort_note" => toml += &format!("effort_note = {}\n", quoted(&cell.value)),
                _ => toml += &format!("{column} = {}\n", text_value(&cell.value)),
            }
        }
        for (i, key, _) in &lanes {
            let Some(cell) = first_value(stage_rows, &header[*i], &get, &mut diagnostics) else { continue };
            toml += &format!("{} = {}\n", bare_or_quoted(key), text_value(&cell.value));
        }
        for row in stage_rows {
            let name = get(row, "touchpoint");
            if name.is_empty() {
                let stray = TOUCHPOINT_COLUMNS[1..].iter().find(|c| !get(row, c).is_empty());
                if let Some(column) = stray {
                    diagnostics.push(bad_cell(row, "touchpoint", "", &format!("this row fills '{column}' but names no touchpoint; give it a name in the 'touchpoint' column")));
                }
                continue;
            }
            toml += &format!("\n  [[stage.touchpoint]]\n  name = {}\n", quoted(&name));
            for column in ["channel", "owner", "note", "action"] {
                let value = get(row, column);
                if !value.is_empty() {
                    toml += &format!("  {column} = {}\n", quoted(&value));
                }
            }
            let actors = get(row, "actors");
            if !actors.is_empty() {
                toml += &format!("  actors = {}\n", list(&actors));
            }
            let marks = get(row, "marks");
            if !marks.is_empty() {
                let words: Vec<String> =
                    marks.split([',', '\n', ';']).map(|m| m.trim().to_lowercase()).filter(|m| !m.is_empty()).collect();
                match words.iter().find(|w| Mark::from_keyword(w).is_none()) {
                    Some(bad) => diagnostics.push(bad_cell(
                        row,
                        "marks",
                        bad,
                        "marks are essential, strength, pain and would-pay, separated by commas",
                    )),
                    None => {
                        toml +=
                            &format!("  marks = [{}]\n", words.iter().map(|w| quoted(w)).collect::<Vec<_>>().join(", "))
                    }
                }
            }
            match get(row, "moment_of_truth").to_lowercase().as_str() {
                "" | "no" | "false" | "0" => {}
                "yes" | "true" | "x" | "1" => toml += "  moment_of_truth = true\n",
                other => diagnostics.push(bad_cell(
                    row,
                    "moment_of_truth",
                    other,
                    "write yes for a moment of truth, or leave the cell empty",
                )),
            }
            let score = get(row, "score");
            if !score.is_empty() {
                match level(&score) {
                    Some(n) => toml += &format!("  score = {n}\n"),
                    None => diagnostics.push(bad_cell(
                        row,
                        "score",
                        &score,
                        "the score is a whole number from 1 (very negative) to 5 (very positive)",
                    )),
                }
            }
        }
    }
    if rows.is_empty() {
        diagnostics.push(
            Diagnostic::new(Code::CsvValue, 0..0, "stage", "the sheet has a header but no rows")
                .with_hint("add a row per touchpoint: its stage in 'stage', its name in 'touchpoint'"),
        );
    }
    let failed = diagnostics.iter().any(Diagnostic::is_error);
    (if failed { None } else { Some(toml) }, diagnostics)
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
    rows: &[&'r Row],
    column: &str,
    get: &impl Fn(&Row, &str) -> String,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<Cell<'r>> {
    let mut first: Option<Cell<'r>> = None;
    for row in rows {
        let value = get(row, column);
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

/// A cell with the formula guard taken off: `'=x` → `=x`.
fn unguard(cell: &str) -> String {
    match cell.strip_prefix('\'') {
        Some(rest) if rest.starts_with(['=', '+', '-', '@']) => rest.to_owned(),
        _ => cell.to_owned(),
    }
}

/// A 1–5 level, also as a spreadsheet writes whole numbers (`4.0`).
fn level(value: &str) -> Option<u8> {
    let v = value.trim();
    let v = v.strip_suffix(".0").unwrap_or(v);
    v.parse::<u8>().ok().filter(|n| (1..=5).contains(n))
}

fn bare_or_quoted(key: &str) -> String {
    if !key.is_empty() && key.chars().all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-') {
        key.to_owned()
    } else {
        quoted(key)
    }
}

/// One item a line, as a TOML array.
fn list(cell: &str) -> String {
    let items: Vec<String> = cell.lines().map(str::trim).filter(|l| !l.is_empty()).map(quoted).collect();
    format!("[{}]", items.join(", "))
}

/// A paragraph as a string; lines that all start with `• ` or `- ` as
/// bullets.
fn text_value(cell: &str) -> String {
    let lines: Vec<&str> = cell.lines().map(str::trim).filter(|l| !l.is_empty()).collect();
    let bullet = |l: &str| l.strip_prefix("• ").or_else(|| l.strip_prefix("- ")).map(str::to_owned);
    if !lines.is_empty() && lines.iter().all(|l| bullet(l).is_some()) {
        let items: Vec<String> = lines.iter().filter_map(|l| bullet(l)).map(|b| quoted(&b)).collect();
        format!("[{}]", items.join(", "))
    } else {
        quoted(cell)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_round_trip_through_their_spreadsheet_forms() {
        assert_eq!(unguard("'=HYPERLINK(x)"), "=HYPERLINK(x)");
        assert_eq!(unguard("'quoted"), "'quoted");
        assert_eq!(level("4.0"), Some(4));
        assert_eq!(level("6"), None);
        assert_eq!(text_value("• one\n• two"), "[\"one\", \"two\"]");
        // A paragraph with a line break stays one string (written as TOML
        // sees fit) and reads back as written.
        let paragraph: toml::Table = toml::from_str(&format!("v = {}", text_value("one\n• two"))).expect("TOML");
        assert_eq!(paragraph["v"].as_str(), Some("one\n• two"));
        assert_eq!(list("Me\n\nCat "), "[\"Me\", \"Cat\"]");
        assert_eq!(delimiter("stage;touchpoint;note\nA;B;one, two"), b';');
        assert_eq!(delimiter("stage\ttouchpoint\nA\tB"), b'\t');
        assert_eq!(delimiter("stage,touchpoint,note\nA,B,x;y"), b',');
    }
}
