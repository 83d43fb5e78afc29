//! A journey as a workshop sheet.

use super::cell::{given_cell, guard, lane_header, list_cell, text_cell};
use super::{MAP_COLUMNS, STAGE_COLUMNS, TOUCHPOINT_COLUMNS};
use crate::model::{Journey, Stage, Touchpoint};

/// A map as CSV (RFC 4180, CRLF line ends, a header row), every value as
/// its cell (see the module's notes). With `guard_formulas`, a cell
/// starting with `=`, `+`, `-`, `@`, a tab or a carriage return gets a
/// leading `'`, which the import takes off again.
pub fn write(journey: &Journey, guard_formulas: bool) -> String {
    let mut header: Vec<String> = STAGE_COLUMNS.iter().map(|c| (*c).to_owned()).collect();
    header.extend(journey.lanes.iter().map(|l| lane_header(&l.key, &l.title)));
    header.extend(TOUCHPOINT_COLUMNS.iter().chain(&MAP_COLUMNS).map(|c| (*c).to_owned()));
    let mut writer = ::csv::WriterBuilder::new().terminator(::csv::Terminator::CRLF).from_writer(Vec::new());
    // Writing to a Vec cannot fail.
    let _ = writer.write_record(&header);
    let mut first = true;
    for stage in &journey.stages {
        let stage_cells = stage_cells(journey, stage);
        let rows: Vec<Vec<String>> = if stage.touchpoints.is_empty() {
            vec![vec![String::new(); TOUCHPOINT_COLUMNS.len()]]
        } else {
            stage.touchpoints.iter().map(touchpoint_cells).collect()
        };
        for row in rows {
            let map = if first { map_cells(journey) } else { vec![String::new(); MAP_COLUMNS.len()] };
            first = false;
            let record = stage_cells.iter().cloned().chain(row).chain(map).map(|c| guard(c, guard_formulas));
            let _ = writer.write_record(record.collect::<Vec<_>>());
        }
    }
    let bytes = writer.into_inner().unwrap_or_default();
    String::from_utf8(bytes).unwrap_or_default()
}

/// The stage's columns and its lanes'.
fn stage_cells(journey: &Journey, stage: &Stage) -> Vec<String> {
    let mut cells = vec![
        stage.name.clone(),
        text_cell(stage.doing.as_ref()),
        text_cell(stage.motivation.as_ref()),
        text_cell(stage.concerns.as_ref()),
        text_cell(stage.alleviation.as_ref()),
        stage.effort.map(|e| e.get().to_string()).unwrap_or_default(),
        stage.effort_note.clone().unwrap_or_default(),
    ];
    for (i, _) in journey.lanes.iter().enumerate() {
        cells.push(text_cell(stage.lanes.iter().find(|(l, _)| *l == i).map(|(_, t)| t)));
    }
    cells
}

fn touchpoint_cells(t: &Touchpoint) -> Vec<String> {
    vec![
        t.name.clone(),
        t.channel.clone().unwrap_or_default(),
        t.owner.clone().unwrap_or_default(),
        list_cell(&t.actors),
        t.marks.iter().map(|m| m.as_str()).collect::<Vec<_>>().join(", "),
        if t.moment_of_truth { "yes".to_owned() } else { String::new() },
        t.score.map(|s| s.get().to_string()).unwrap_or_default(),
        t.note.clone().unwrap_or_default(),
        t.action.clone().unwrap_or_default(),
    ]
}

fn map_cells(j: &Journey) -> Vec<String> {
    let o = |v: &Option<String>| v.clone().unwrap_or_default();
    vec![
        j.title.clone(),
        o(&j.subtitle),
        o(&j.description),
        o(&j.persona),
        o(&j.organisation),
        list_cell(&j.team),
        j.date.map(|d| d.to_string()).unwrap_or_default(),
        o(&j.version),
        j.status.as_str().to_owned(),
        list_cell(&j.sources),
        o(&j.theme),
        given_cell(j.lang.as_deref()),
        o(&j.currency),
        given_cell(j.headline.as_deref()),
    ]
}
