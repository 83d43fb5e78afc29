//! Workshop spreadsheets: every sample and valid test map goes out as CSV
//! and comes back with nothing lost that a CSV can hold (everything but
//! `[poster]` settings, `[labels]` and comments); a sheet with a mistake is
//! refused at its line; a sheet edited in a spreadsheet (rows moved, a
//! formula guard) reads back as meant.

mod common;

use std::path::PathBuf;

use journeymap::diag::{Code, FileId};
use journeymap::interchange::csv;
use journeymap::model::{FieldSpans, Journey, PosterSettings};
use journeymap::parse::{self, Parsed};

fn maps() -> Vec<PathBuf> {
    let mut maps: Vec<PathBuf> = ["samples/airline.toml", "samples/saas-onboarding.toml", "samples/clinic-visit.toml"]
        .map(PathBuf::from)
        .to_vec();
    let mut valid: Vec<PathBuf> = std::fs::read_dir("tests/maps/valid")
        .expect("the valid maps")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    valid.sort();
    maps.extend(valid);
    maps
}

/// The journey without what a CSV does not carry: where things were in
/// the source, the poster settings and the label overrides.
fn content(mut j: Journey) -> Journey {
    j.spans = FieldSpans::default();
    j.poster = PosterSettings::default();
    j.labels.clear();
    for lane in &mut j.lanes {
        lane.span = 0..0;
    }
    for stage in &mut j.stages {
        stage.span = 0..0;
        stage.spans = FieldSpans::default();
        for t in &mut stage.touchpoints {
            t.span = 0..0;
            t.spans = FieldSpans::default();
        }
    }
    j
}

fn sheet(name: &str, text: &str) -> Parsed {
    parse::parse_csv(name, text.as_bytes(), &parse::Options::default())
}

#[test]
fn every_map_goes_out_as_csv_and_comes_back_whole() {
    let maps = maps();
    assert!(maps.len() >= 8, "{maps:?}");
    for path in &maps {
        let parsed = parse::parse_file(path).expect("readable");
        let original = parsed.journey.unwrap_or_else(|| panic!("{}: {:?}", path.display(), parsed.diagnostics));
        for guard in [true, false] {
            let text = csv::write(&original, guard);
            let back = sheet("round-trip.csv", &text);
            let notes: Vec<_> = back.diagnostics.iter().filter(|d| d.file != FileId::MAP).collect();
            assert!(notes.is_empty(), "{}: {notes:?}", path.display());
            let journey = back.journey.unwrap_or_else(|| panic!("{}: {:?}\n{text}", path.display(), back.diagnostics));
            assert_eq!(content(journey), content(original.clone()), "{} (guard {guard}):\n{text}", path.display());
        }
    }
}

#[test]
fn a_cell_a_spreadsheet_would_run_is_guarded_and_comes_back_as_written() {
    let map = "title = \"=HYPERLINK(\\\"http://x\\\")\"\n[[stage]]\nname = \"+1 stage\"\n  [[stage.touchpoint]]\n  name = \"@mention\"\n  note = \"-5 minutes\"\n";
    let original = parse::parse_str("m.toml", map, &parse::Options::default()).journey.expect("valid");
    let text = csv::write(&original, true);
    assert!(text.contains("'+1 stage") && text.contains("'@mention") && text.contains("'-5 minutes"), "{text}");
    assert!(!text.contains(",=HYPERLINK") && !text.contains("\"=HYPERLINK"), "{text}");
    let back = sheet("m.csv", &text).journey.expect("reads back");
    assert_eq!(content(back), content(original.clone()));
    let raw = csv::write(&original, false);
    assert!(raw.contains("\"=HYPERLINK(\"\"http://x\"\")\""), "{raw}");
}

#[test]
fn rows_of_a_stage_may_be_anywhere_and_a_disagreement_is_said() {
    let text = "stage,doing,touchpoint,score,map.title\r\n\
                Booking,Books a seat,Website,2,Trip\r\n\
                Travel,,Train,5,\r\n\
                Booking,Books a ticket,App,4,\r\n";
    let parsed = sheet("moved.csv", text);
    let journey = parsed.journey.as_ref().unwrap_or_else(|| panic!("{:?}", parsed.diagnostics));
    let names: Vec<(&str, Vec<&str>)> = journey
        .stages
        .iter()
        .map(|s| (s.name.as_str(), s.touchpoints.iter().map(|t| t.name.as_str()).collect()))
        .collect();
    assert_eq!(names, [("Booking", vec!["Website", "App"]), ("Travel", vec!["Train"])]);
    let note = parsed.diagnostics.iter().find(|d| d.code == Code::ImportChanged).expect("the disagreement");
    assert!(note.message.contains("'doing' on line 4 differs from line 2"), "{}", note.message);
    let at = parsed.files.get(note.file).expect("the sheet").locate(note.span.start);
    assert_eq!((at.line, at.column), (4, 1));
}

#[test]
fn sheets_as_spreadsheets_save_them_are_read() {
    // Excel's "CSV UTF-8" starts with a byte order mark; in languages with
    // a decimal comma it separates with semicolons; a copy from a sheet
    // into a text file is tab-separated.
    for text in [
        "\u{feff}stage,touchpoint,score\r\nArrival,Check-in,4\r\n",
        "stage;touchpoint;score;note\r\nArrival;Check-in;4;quick, friendly\r\n",
        "stage\ttouchpoint\tscore\nArrival\tCheck-in\t4\n",
    ] {
        let parsed = sheet("saved.csv", text);
        let journey = parsed.journey.as_ref().unwrap_or_else(|| panic!("{text:?}: {:?}", parsed.diagnostics));
        let t = &journey.stages[0].touchpoints[0];
        assert_eq!(
            (journey.stages[0].name.as_str(), t.name.as_str(), t.score.map(|s| s.get())),
            ("Arrival", "Check-in", Some(4))
        );
    }
    let parsed = sheet("semi.csv", "stage;touchpoint;note\nA;B;quick, friendly\n");
    assert_eq!(parsed.journey.expect("valid").stages[0].touchpoints[0].note.as_deref(), Some("quick, friendly"));
}

#[test]
fn a_sheet_with_a_mistake_is_refused_at_its_line_with_a_fix() {
    for (text, line, words) in [
        ("stage,touchpoint,scroe\nA,Call,3\n", 1, "unknown column 'scroe'"),
        ("stage,touchpoint,score\nA,Call,3\nA,Mail,7\n", 3, "'score' cannot be '7'"),
        ("stage,touchpoint,marks\nA,Call,\"pain, pian\"\n", 2, "'marks' cannot be 'pian'"),
        ("stage,touchpoint\nA,Call\n,Mail\n", 3, "'stage' is empty"),
        ("stage,touchpoint,moment_of_truth\nA,Call,maybe\n", 2, "'moment_of_truth' cannot be 'maybe'"),
        ("touchpoint,score\nCall,3\n", 1, "no 'stage' column"),
        ("stage,map.date\nA,22/11/2026\n", 2, "'map.date' cannot be"),
        ("stage,touchpoint\nA,Call,oops\n", 2, "more than the 2 columns"),
    ] {
        let parsed = sheet("bad.csv", text);
        assert!(parsed.journey.is_none(), "{text:?}");
        let e = parsed.diagnostics.iter().find(|d| d.is_error()).unwrap_or_else(|| panic!("{text:?}: no error"));
        let source = parsed.files.get(e.file).expect("its file");
        assert_eq!(source.name, "bad.csv", "{text:?}: located in the sheet");
        assert_eq!(source.locate(e.span.start).line, line, "{text:?}: {e:?}");
        assert!(e.message.contains(words), "{text:?}: {}", e.message);
        assert!(e.hint().is_some_and(|h| !h.is_empty()), "{text:?}");
    }
}

#[test]
fn the_command_line_exports_and_imports_a_sheet() {
    let dir = tempfile::tempdir().expect("a folder");
    let airline = std::fs::canonicalize("samples/airline.toml").expect("sample");
    let out = common::run_in(dir.path(), &["export", "csv", airline.to_str().expect("UTF-8"), "-o", "w.csv"], None);
    assert_eq!(common::code(&out), 0, "{}", common::stderr(&out));
    let out = common::run_in(dir.path(), &["import", "w.csv", "-o", "w.toml"], None);
    assert_eq!(common::code(&out), 0, "{}", common::stderr(&out));
    assert!(common::stderr(&out).contains("imported 7 stages and 22 touchpoints"), "{}", common::stderr(&out));
    // The sheet renders directly too.
    let out = common::run_in(dir.path(), &["render", "w.csv", "-o", "w.svg"], None);
    assert_eq!(common::code(&out), 0, "{}", common::stderr(&out));
    let out = common::run_in(dir.path(), &["check", "w.toml"], None);
    assert_eq!(common::code(&out), 0, "{}", common::stderr(&out));
}
