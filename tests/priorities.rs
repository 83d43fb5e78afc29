//! The prioritised list of SPEC §3 through the library API: every class,
//! every tie-break (class, moment of truth, score, missing score, spine
//! order) and the four output formats.

use journeymap::parse::{Options, parse_str};
use journeymap::priorities::{self, Class, ListFormat};

/// A touchpoint as a test writes it.
struct Tp {
    name: &'static str,
    marks: &'static [&'static str],
    moment_of_truth: bool,
    score: Option<u8>,
}

fn tp(name: &'static str, marks: &'static [&'static str], moment_of_truth: bool, score: Option<u8>) -> Tp {
    Tp { name, marks, moment_of_truth, score }
}

/// A map with one `[[stage]]` per `(name, touchpoints)`.
fn map(stages: &[(&str, Vec<Tp>)]) -> String {
    let mut out = String::from("title = \"Priorities\"\n");
    for (stage, touchpoints) in stages {
        out += &format!("\n[[stage]]\nname = \"{stage}\"\n");
        for t in touchpoints {
            let marks: Vec<String> = t.marks.iter().map(|m| format!("\"{m}\"")).collect();
            out += &format!(
                "  [[stage.touchpoint]]\n  name = \"{}\"\n  marks = [{}]\n  moment_of_truth = {}\n  action = \"Do something\"\n",
                t.name,
                marks.join(", "),
                t.moment_of_truth
            );
            if let Some(score) = t.score {
                out += &format!("  score = {score}\n");
            }
        }
    }
    out
}

/// The touchpoint names of `text`'s prioritised list, in rank order, with
/// their classes.
fn ranked(text: &str) -> Vec<(String, Class)> {
    let parsed = parse_str("priorities.toml", text, &Options::default());
    let journey = parsed.journey.as_ref().unwrap_or_else(|| panic!("a valid map: {:?}\n{text}", parsed.diagnostics));
    let list = priorities::prioritise(journey);
    for (i, p) in list.iter().enumerate() {
        assert_eq!(p.rank, i + 1, "ranks count from 1 in list order");
        assert_eq!(p.stage, journey.stages[p.id.stage].name, "the entry names its stage");
    }
    list.iter().map(|p| (p.touchpoint.name.clone(), p.class)).collect()
}

fn names(list: &[(String, Class)]) -> Vec<&str> {
    list.iter().map(|(n, _)| n.as_str()).collect()
}

#[test]
fn every_class_by_the_first_rule_that_matches() {
    let cases: &[(&[&str], Class)] = &[
        (&["essential", "pain"], Class::Fix),
        (&["pain", "essential"], Class::Fix),
        (&["essential", "pain", "strength", "would-pay"], Class::Fix),
        (&["pain"], Class::Improve),
        (&["pain", "strength"], Class::Improve),
        (&["pain", "would-pay"], Class::Improve),
        (&["essential", "strength"], Class::Protect),
        (&["strength", "essential", "would-pay"], Class::Protect),
        (&["would-pay"], Class::Monetise),
        (&["would-pay", "essential"], Class::Monetise),
        (&["would-pay", "strength"], Class::Monetise),
        (&["essential"], Class::Maintain),
        (&["strength"], Class::Maintain),
        (&[], Class::Unassessed),
    ];
    for (marks, class) in cases {
        let text = map(&[("Awareness", vec![tp("T", marks, false, Some(3))])]);
        assert_eq!(ranked(&text), [("T".to_owned(), *class)], "marks {marks:?}");
    }
}

#[test]
fn class_names_and_order_follow_the_spec() {
    let names: Vec<&str> = Class::ALL.iter().map(|c| c.as_str()).collect();
    assert_eq!(names, ["fix", "improve", "protect", "monetise", "maintain", "unassessed"]);
    assert!(Class::ALL.windows(2).all(|w| w[0] < w[1]));
    assert!(Class::ALL.iter().all(|c| !c.meaning().is_empty()));
}

#[test]
fn tie_breaks() {
    struct Case {
        what: &'static str,
        stages: Vec<(&'static str, Vec<Tp>)>,
        order: &'static [&'static str],
    }
    let cases = [
        Case {
            what: "class order, whatever the spine order",
            stages: vec![
                (
                    "Awareness",
                    vec![
                        tp("unassessed", &[], true, Some(1)),
                        tp("maintain", &["strength"], true, Some(1)),
                        tp("monetise", &["would-pay"], true, Some(1)),
                    ],
                ),
                (
                    "Purchase",
                    vec![
                        tp("protect", &["essential", "strength"], true, Some(1)),
                        tp("improve", &["pain"], true, Some(1)),
                        tp("fix", &["essential", "pain"], true, Some(1)),
                    ],
                ),
            ],
            order: &["fix", "improve", "protect", "monetise", "maintain", "unassessed"],
        },
        Case {
            what: "class beats moment of truth and score",
            stages: vec![(
                "Awareness",
                vec![
                    tp("maintain, moment of truth, 1", &["essential"], true, Some(1)),
                    tp("fix, 5", &["essential", "pain"], false, Some(5)),
                    tp("fix, no score", &["essential", "pain"], false, None),
                ],
            )],
            order: &["fix, 5", "fix, no score", "maintain, moment of truth, 1"],
        },
        Case {
            what: "moment of truth first within a class, before score and spine order",
            stages: vec![
                ("Awareness", vec![tp("pain 1", &["pain"], false, Some(1)), tp("pain 2", &["pain"], false, Some(2))]),
                (
                    "Return",
                    vec![
                        tp("pain 5, moment of truth", &["pain"], true, Some(5)),
                        tp("pain no score, moment of truth", &["pain"], true, None),
                    ],
                ),
            ],
            order: &["pain 5, moment of truth", "pain no score, moment of truth", "pain 1", "pain 2"],
        },
        Case {
            what: "lower score first, before spine order",
            stages: vec![
                ("Awareness", vec![tp("5", &["would-pay"], false, Some(5)), tp("3", &["would-pay"], false, Some(3))]),
                (
                    "Use",
                    vec![
                        tp("4", &["would-pay"], false, Some(4)),
                        tp("1", &["would-pay"], false, Some(1)),
                        tp("2", &["would-pay"], false, Some(2)),
                    ],
                ),
            ],
            order: &["1", "2", "3", "4", "5"],
        },
        Case {
            what: "a missing score sorts after 5",
            stages: vec![
                ("Awareness", vec![tp("none", &["strength"], false, None), tp("5", &["strength"], false, Some(5))]),
                (
                    "Use",
                    vec![tp("later none", &["strength"], false, None), tp("later 1", &["strength"], false, Some(1))],
                ),
            ],
            order: &["later 1", "5", "none", "later none"],
        },
        Case {
            what: "spine order last: stage first, then position in the stage",
            stages: vec![
                (
                    "Awareness",
                    vec![
                        tp("a1", &["essential", "strength"], false, Some(3)),
                        tp("a2", &["essential", "strength"], false, Some(3)),
                    ],
                ),
                (
                    "Booking",
                    vec![
                        tp("b1", &["essential", "strength"], false, Some(3)),
                        tp("b2", &["essential", "strength"], false, Some(3)),
                        tp("b3", &["essential", "strength"], false, Some(3)),
                    ],
                ),
                ("Empty", vec![]),
                ("Return", vec![tp("r1", &["essential", "strength"], false, Some(3))]),
            ],
            order: &["a1", "a2", "b1", "b2", "b3", "r1"],
        },
        Case {
            what: "touchpoint names may repeat across stages; spine order tells them apart",
            stages: vec![
                ("Awareness", vec![tp("Website", &[], false, None)]),
                ("Booking", vec![tp("Website", &[], false, None)]),
            ],
            order: &["Website", "Website"],
        },
        Case {
            what: "all tie-breaks at once within one class",
            stages: vec![
                (
                    "Awareness",
                    vec![
                        tp("none", &["essential", "pain"], false, None),
                        tp("3", &["essential", "pain"], false, Some(3)),
                        tp("mot none", &["essential", "pain"], true, None),
                        tp("mot 4", &["essential", "pain"], true, Some(4)),
                    ],
                ),
                (
                    "Use",
                    vec![
                        tp("use 3", &["essential", "pain"], false, Some(3)),
                        tp("use mot 4", &["essential", "pain"], true, Some(4)),
                        tp("use mot 2", &["essential", "pain"], true, Some(2)),
                    ],
                ),
            ],
            order: &["use mot 2", "mot 4", "use mot 4", "mot none", "3", "use 3", "none"],
        },
    ];
    for case in &cases {
        let list = ranked(&map(&case.stages));
        assert_eq!(names(&list), case.order, "{}", case.what);
    }
}

#[test]
fn the_sample_lists_every_touchpoint_once() {
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/samples/airline.toml"))
        .expect("the airline sample");
    let list = ranked(&text);
    assert_eq!(list.len(), text.matches("[[stage.touchpoint]]").count());
    assert!(list.windows(2).all(|w| w[0].1 <= w[1].1), "classes in order: {list:?}");
}

// ------------------------------------------------------------------ formats

/// A map whose text needs escaping in every format.
const AWKWARD: &str = r#"
title = "Formats"

[[stage]]
name = "Booking, online"

  [[stage.touchpoint]]
  name = "Seat | picker"
  owner = "Digital, \"web\" team"
  marks = ["essential", "pain"]
  moment_of_truth = true
  score = 2
  action = """
Simplify the picker
and show prices"""

  [[stage.touchpoint]]
  name = "Plain"
  marks = ["strength"]

[[stage]]
name = "Return"

  [[stage.touchpoint]]
  name = "Crlf"
  marks = ["pain"]
  score = 3
  action = "first\r\nsecond"

  [[stage.touchpoint]]
  name = "Carriage"
  marks = ["pain"]
  score = 4
  action = "first\rsecond"
"#;

fn formatted(format: ListFormat) -> String {
    let parsed = parse_str("formats.toml", AWKWARD, &Options::default());
    let journey = parsed.journey.as_ref().unwrap_or_else(|| panic!("a valid map: {:?}", parsed.diagnostics));
    priorities::format(&priorities::prioritise(journey), format)
}

/// Splits text into lines at every Markdown / terminal line ending.
fn lines(text: &str) -> Vec<&str> {
    text.split("\r\n").flat_map(|l| l.split(['\r', '\n'])).collect()
}

#[test]
fn the_table_has_a_header_and_a_row_per_touchpoint() {
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/samples/airline.toml"))
        .expect("the airline sample");
    let parsed = parse_str("airline.toml", &text, &Options::default());
    let journey = parsed.journey.as_ref().expect("a valid sample");
    let list = priorities::prioritise(journey);
    let table = priorities::format(&list, ListFormat::Table);
    assert!(table.ends_with('\n'));
    let rows: Vec<&str> = table.lines().collect();
    assert_eq!(rows.len(), 1 + list.len(), "{table}");
    let header: Vec<&str> = rows[0].split_whitespace().collect();
    assert_eq!(header, ["rank", "class", "stage", "touchpoint", "mot", "score", "owner", "action"]);
    // Columns line up: each row's class and stage start where the header's do.
    let class_at = rows[0].find("class").unwrap_or_default();
    let stage_at = rows[0].find("stage").unwrap_or_default();
    for (row, p) in rows[1..].iter().zip(&list) {
        assert!(row.starts_with(&format!("{} ", p.rank)), "{row:?}");
        let chars: Vec<char> = row.chars().collect();
        let from = |at: usize| chars[at..].iter().collect::<String>();
        assert!(from(class_at).starts_with(p.class.as_str()), "{row:?}");
        assert!(from(stage_at).starts_with(p.stage), "{row:?}");
    }
}

#[test]
fn the_table_keeps_each_row_on_one_line() {
    let table = formatted(ListFormat::Table);
    assert_eq!(lines(table.trim_end_matches('\n')).len(), 1 + 4, "{table}");
}

#[test]
fn markdown_has_a_separator_row_and_escapes_pipes() {
    let md = formatted(ListFormat::Markdown);
    let rows: Vec<&str> = md.lines().collect();
    assert_eq!(rows[0], "| rank | class | stage | touchpoint | moment_of_truth | score | owner | action |");
    assert!(rows[1].starts_with("|---|"), "{}", rows[1]);
    assert_eq!(rows[1].matches("---").count(), 8);
    assert!(md.contains("Seat \\| picker"), "{md}");
    assert!(!md.contains("Seat | picker"), "{md}");
    // Every row has exactly the header's 8 cells (9 unescaped pipes).
    for row in &rows {
        let pipes = row.matches('|').count() - row.matches("\\|").count();
        assert_eq!(pipes, 9, "{row:?}");
    }
}

#[test]
fn markdown_keeps_each_row_on_one_line() {
    let md = formatted(ListFormat::Markdown);
    assert_eq!(lines(md.trim_end_matches('\n')).len(), 2 + 4, "{md:?}");
}

/// Reads RFC 4180 CSV back into records.
fn read_csv(text: &str) -> Vec<Vec<String>> {
    let mut records = Vec::new();
    let mut record = Vec::new();
    let mut field = String::new();
    let mut chars = text.chars().peekable();
    let mut quoted = false;
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => field.push(c),
            (false, '"') if field.is_empty() => quoted = true,
            (false, ',') => record.push(std::mem::take(&mut field)),
            (false, '\r') if chars.peek() == Some(&'\n') => {}
            (false, '\n') => {
                record.push(std::mem::take(&mut field));
                records.push(std::mem::take(&mut record));
            }
            (false, c) => field.push(c),
        }
    }
    assert!(!quoted && field.is_empty() && record.is_empty(), "ends with a line break");
    records
}

#[test]
fn csv_has_the_header_and_quotes_what_needs_it() {
    let csv = formatted(ListFormat::Csv);
    assert!(csv.starts_with("rank,class,stage,touchpoint,moment_of_truth,score,owner,action\r\n"), "{csv}");
    assert!(csv.contains("\"Booking, online\""), "a comma is quoted: {csv}");
    assert!(csv.contains("\"Digital, \"\"web\"\" team\""), "quotes are doubled: {csv}");
    assert!(csv.contains("\"Simplify the picker\nand show prices\""), "a newline is quoted: {csv}");
    assert!(csv.contains("\"first\rsecond\""), "a carriage return is quoted: {csv}");
    let records = read_csv(&csv);
    assert_eq!(records.len(), 1 + 4);
    assert!(records.iter().all(|r| r.len() == 8), "{records:?}");
    assert_eq!(
        records[1],
        [
            "1",
            "fix",
            "Booking, online",
            "Seat | picker",
            "yes",
            "2",
            "Digital, \"web\" team",
            "Simplify the picker\nand show prices"
        ]
    );
    assert_eq!(records[2][3], "Crlf");
    assert_eq!(records[2][7], "first\r\nsecond");
    assert_eq!(records[4], ["4", "maintain", "Booking, online", "Plain", "", "", "", ""]);
}

#[test]
fn json_is_an_array_of_objects_with_every_field() {
    let json: serde_json::Value = serde_json::from_str(&formatted(ListFormat::Json)).expect("valid JSON");
    let items = json.as_array().expect("an array");
    assert_eq!(items.len(), 4);
    for item in items {
        for key in ["rank", "stage", "touchpoint", "class", "moment_of_truth", "score", "owner", "action"] {
            assert!(item.get(key).is_some(), "{key} missing in {item}");
        }
        assert!(item["moment_of_truth"].is_boolean(), "{item}");
        assert!(item["score"].is_u64() || item["score"].is_null(), "{item}");
    }
    let first = &items[0];
    assert_eq!(first["rank"], 1);
    assert_eq!(first["class"], "fix");
    assert_eq!(first["stage"], "Booking, online");
    assert_eq!(first["touchpoint"], "Seat | picker");
    assert_eq!(first["moment_of_truth"], true);
    assert_eq!(first["score"], 2);
    assert_eq!(first["owner"], "Digital, \"web\" team");
    assert_eq!(first["action"], "Simplify the picker\nand show prices");
    let last = &items[3];
    assert_eq!(last["touchpoint"], "Plain");
    assert!(last["score"].is_null() && last["owner"].is_null() && last["action"].is_null());
}

#[test]
fn an_empty_list_still_has_its_headers() {
    let text = "title = \"Empty\"\n[[stage]]\nname = \"Awareness\"\n";
    let parsed = parse_str("empty.toml", text, &Options::default());
    let journey = parsed.journey.as_ref().expect("a valid map");
    let list = priorities::prioritise(journey);
    assert!(list.is_empty());
    assert_eq!(
        priorities::format(&list, ListFormat::Csv),
        "rank,class,stage,touchpoint,moment_of_truth,score,owner,action\r\n"
    );
    assert_eq!(priorities::format(&list, ListFormat::Json).trim(), "[]");
    assert_eq!(priorities::format(&list, ListFormat::Markdown).lines().count(), 2);
    assert!(priorities::format(&list, ListFormat::Table).starts_with("rank"));
}
