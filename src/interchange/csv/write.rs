//! A journey as a workshop sheet.

use super::{MAP_COLUMNS, STAGE_COLUMNS, TOUCHPOINT_COLUMNS, lane_header};
use crate::model::{Journey, Text};

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
