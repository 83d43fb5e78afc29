//! Workshop spreadsheets: every sample and valid test map goes out as CSV
//! and comes back with nothing lost that a CSV can hold (everything but
//! `[poster]` settings, `[labels]` and comments); a sheet with a mistake is
//! refused at its line; a sheet edited in a spreadsheet (rows moved, a
//! formula guard) reads back as meant.

mod common;

use std::path::PathBuf;

use journeymap::diag::{Code, FileId};
use journeymap::interchange::csv;
use journeymap::parse::{self, Parsed};
use proptest::prelude::*;

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
            assert_eq!(
                common::content(journey),
                common::content(original.clone()),
                "{} (guard {guard}):\n{text}",
                path.display()
            );
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
    assert_eq!(common::content(back), common::content(original.clone()));
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
    assert_eq!((at.line, at.column), (4, 9), "at the cell");
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

/// Exports `map` as CSV (guard on and off), imports it back, and returns
/// the first difference in what a CSV carries, if any.
fn round_trip_difference(map: &str) -> Option<String> {
    let original = parse::parse_str("m.toml", map, &parse::Options::default()).journey?;
    for guard in [true, false] {
        let text = csv::write(&original, guard);
        let back = sheet("m.csv", &text);
        let Some(journey) = back.journey else {
            return Some(format!("guard {guard}: refused: {:?}\n{text:?}", back.diagnostics));
        };
        if common::content(journey.clone()) != common::content(original.clone()) {
            return Some(format!(
                "guard {guard}:\n{:?}\n!=\n{:?}\n{text:?}",
                common::content(journey),
                common::content(original)
            ));
        }
    }
    None
}

#[test]
fn every_cell_comes_back_exactly() {
    // Spaces at the ends, a lane title ending in `)`, a CRLF inside a
    // value, brackets, quotes, a paragraph that reads like bullets, an
    // empty paragraph and empty bullets, list items with line breaks.
    let map = r#"title = "  Trip \"home\"  "
subtitle = "a\r\nb"
team = [" Me ", "Cat\r\nDog", "[x]"]
sources = ["\"quoted\""]

[[lane]]
key = "thinking (inner"
title = "What (really) do they think?)"

[[lane]]
key = "feel"
title = " Feel "

[[stage]]
name = "[Booking]"
doing = "- not\n- bullets"
motivation = ""
concerns = []
alleviation = ["• one", " two ", "three\r\nfour"]
effort_note = "  spaced  "
"thinking (inner" = "\"x\""
feel = "line\r\nbreak"

  [[stage.touchpoint]]
  name = "Call (phone))"
  channel = " web "
  owner = "'=x"
  actors = ["a\nb", " c"]
  note = "\r\n"
  action = "[\"a\"]"
"#;
    assert_eq!(round_trip_difference(map), None);
}

/// Text for a field: anything but NUL (which no CSV reader takes), often
/// the characters CSV, TOML and spreadsheets treat specially.
fn any_text() -> impl Strategy<Value = String> {
    prop_oneof!["[^\\x00]{0,10}", "[ \\r\\n\\t\"',;=+@()\\[\\]{}•a\\\\-]{0,10}",]
}

fn any_text_value() -> impl Strategy<Value = Option<toml::Value>> {
    prop_oneof![
        Just(None),
        any_text().prop_map(|t| Some(toml::Value::String(t))),
        prop::collection::vec(any_text(), 0..3)
            .prop_map(|b| Some(toml::Value::Array(b.into_iter().map(toml::Value::String).collect()))),
    ]
}

/// A map with arbitrary text in every string field a CSV carries, as TOML
/// (written with the `toml` crate, so any text is escaped right).
fn any_map() -> impl Strategy<Value = String> {
    let map_fields = prop::collection::vec(any_text(), 11);
    let lists = (prop::collection::vec(any_text(), 0..3), prop::collection::vec(any_text(), 0..3));
    let lanes = prop::collection::vec((any_text(), any_text()), 0..3);
    let touchpoint = (
        prop::collection::vec(any_text(), 5),
        prop::collection::vec(any_text(), 0..3),
        prop::option::of(1u8..=5),
        any::<bool>(),
    );
    let stage = (
        any_text(),
        prop::collection::vec(any_text_value(), 4),
        prop::collection::vec(any_text_value(), 3),
        any_text(),
        prop::option::of(1u8..=5),
        prop::collection::vec(touchpoint, 0..3),
    );
    (map_fields, lists, lanes, prop::collection::vec(stage, 1..4)).prop_map(
        |(fields, (team, sources), lanes, stages)| {
            use toml::Value::{Array, Integer, String as S};
            let mut map = toml::Table::new();
            for (key, value) in
                ["title", "subtitle", "description", "persona", "organisation", "version", "lang"].iter().zip(&fields)
            {
                map.insert((*key).to_owned(), S(value.clone()));
            }
            // A theme is built in or a path; a currency a code or a short
            // sign.
            let theme = if fields[7].len() % 2 == 0 { "dark".to_owned() } else { format!("{}.toml", fields[7]) };
            map.insert("theme".into(), S(theme));
            map.insert("currency".into(), S(fields[8].chars().take(3).collect()));
            // Any headline, the empty one (which hides it) too.
            map.insert("headline".into(), S(fields[10].clone()));
            map.insert("status".into(), S(if fields[9].len() % 2 == 0 { "draft" } else { "validated" }.into()));
            map.insert("team".into(), Array(team.into_iter().map(S).collect()));
            map.insert("sources".into(), Array(sources.into_iter().map(S).collect()));
            let lane_keys: Vec<String> = lanes.iter().enumerate().map(|(i, (k, _))| format!("{k}{i}")).collect();
            let lane_tables = lanes.iter().zip(&lane_keys).map(|((_, title), key)| {
                let mut t = toml::Table::new();
                t.insert("key".into(), S(key.clone()));
                t.insert("title".into(), S(title.clone()));
                toml::Value::Table(t)
            });
            map.insert("lane".into(), Array(lane_tables.collect()));
            let stage_tables =
                stages.into_iter().enumerate().map(|(i, (name, answers, lane_answers, note, effort, tps))| {
                    let mut t = toml::Table::new();
                    t.insert("name".into(), S(format!("{name}{i}")));
                    for (key, value) in ["doing", "motivation", "concerns", "alleviation"].iter().zip(answers) {
                        if let Some(v) = value {
                            t.insert((*key).to_owned(), v);
                        }
                    }
                    for (key, value) in lane_keys.iter().zip(lane_answers) {
                        if let Some(v) = value {
                            t.insert(key.clone(), v);
                        }
                    }
                    t.insert("effort_note".into(), S(note));
                    if let Some(e) = effort {
                        t.insert("effort".into(), Integer(e.into()));
                    }
                    let touchpoints = tps.into_iter().enumerate().map(|(j, (texts, actors, score, moment))| {
                        let mut tp = toml::Table::new();
                        tp.insert("name".into(), S(format!("{}{j}", texts[0])));
                        for (key, value) in ["channel", "owner", "note", "action"].iter().zip(&texts[1..]) {
                            tp.insert((*key).to_owned(), S(value.clone()));
                        }
                        tp.insert("actors".into(), Array(actors.into_iter().map(S).collect()));
                        if let Some(s) = score {
                            tp.insert("score".into(), Integer(s.into()));
                        }
                        tp.insert("moment_of_truth".into(), toml::Value::Boolean(moment));
                        tp.insert("marks".into(), Array(vec![S("pain".into())]));
                        toml::Value::Table(tp)
                    });
                    t.insert("touchpoint".into(), Array(touchpoints.collect()));
                    toml::Value::Table(t)
                });
            map.insert("stage".into(), Array(stage_tables.collect()));
            toml::to_string(&map).unwrap_or_default()
        },
    )
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, failure_persistence: None, ..ProptestConfig::default() })]

    /// Whatever text a map holds, its sheet reads back to the same map.
    #[test]
    fn any_map_comes_back_exactly_from_its_sheet(map in any_map()) {
        let parsed = parse::parse_str("m.toml", &map, &parse::Options::default());
        // Text the map format itself refuses (a blank title) is not a map
        // to export.
        prop_assume!(parsed.journey.is_some());
        prop_assert_eq!(round_trip_difference(&map), None);
    }
}

#[test]
fn a_sheet_with_a_mistake_is_refused_at_its_cell() {
    // (sheet, line, column, words): the column is the cell's first
    // character, counted from 1.
    for (text, line, column, words) in [
        ("stage,touchpoint,scroe\nA,Call,3\n", 1, 18, "unknown column 'scroe'"),
        ("stage,touchpoint,score\nA,Call,3\nA,Mail,7\n", 3, 8, "'score' cannot be '7'"),
        ("stage,touchpoint,marks\nA,Call,\"pain, pian\"\n", 2, 8, "'marks' cannot be 'pian'"),
        ("stage,touchpoint\nA,Call\n,Mail\n", 3, 1, "'stage' is empty"),
        ("stage,touchpoint,note\nA,Call,ok\nA,Call,again\n", 3, 3, "already has a touchpoint named 'Call'"),
        ("stage,touchpoint\nA,Call,oops\n", 2, 8, "more than the 2 columns"),
        ("stage,lane.name (Name)\nA,x\n", 1, 7, "built-in stage field"),
        // Found by the map parser in the journey file the import wrote,
        // and reported at the sheet's cell.
        ("stage,touchpoint,score,map.status\nA,Call,3,finished\n", 2, 10, "finished"),
        // An unclosed quote would swallow the rest of the file.
        ("stage,touchpoint,score,marks\r\nA,\"t1,3,pain\r\nB,t2,4,\r\n", 2, 3, "never closed"),
    ] {
        let parsed = sheet("bad.csv", text);
        assert!(parsed.journey.is_none(), "{text:?}");
        let e = parsed.diagnostics.iter().find(|d| d.is_error()).unwrap_or_else(|| panic!("{text:?}: no error"));
        let source = parsed.files.get(e.file).expect("its file");
        assert_eq!(source.name, "bad.csv", "{text:?}: located in the sheet: {e:?}");
        let at = source.locate(e.span.start);
        assert_eq!((at.line, at.column), (line, column), "{text:?}: {e:?}");
        assert!(e.message.contains(words), "{text:?}: {}", e.message);
        assert!(e.hint().is_some_and(|h| !h.is_empty()), "{text:?}");
    }
}

#[test]
fn an_import_larger_than_a_map_may_be_is_refused_before_it_is_written() {
    // A 5 MiB sheet whose one list cell becomes 12 MiB of TOML.
    let text = format!("stage,touchpoint,actors\r\nA,T,\"{}\"\r\n", "a\n".repeat(2_500_000));
    assert!(text.len() < parse::MAX_SOURCE_BYTES);
    let parsed = sheet("big.csv", &text);
    assert!(parsed.journey.is_none());
    let e = parsed.diagnostics.iter().find(|d| d.is_error()).expect("an error");
    assert_eq!((e.code, parsed.files.get(e.file).map(|f| f.name.as_str())), (Code::TooLarge, Some("big.csv")), "{e:?}");
    assert!(e.message.contains("8 MiB") && e.hint().is_some(), "{}", e.message);
    let dir = tempfile::tempdir().expect("a folder");
    std::fs::write(dir.path().join("big.csv"), &text).expect("written");
    let out = common::run_in(dir.path(), &["import", "big.csv", "-o", "big.toml"], None);
    assert_ne!(common::code(&out), 0, "{}", common::stderr(&out));
    assert!(common::stderr(&out).contains("big.csv:1:1"), "{}", common::stderr(&out));
    assert!(!dir.path().join("big.toml").exists(), "nothing is written");
}
