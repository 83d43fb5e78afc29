//! The built `journeymap` binary: `new` writes maps that `check` accepts,
//! `check` and `priorities` keep the exit statuses of SPEC §6 (0 success,
//! 1 map errors, 2 usage, 3 input/output), data goes to standard output,
//! messages to standard error, and `-` reads standard input.

mod common;

use std::path::Path;
use std::process::Output;

use common::{code, stderr, stdout};

const AIRLINE: &str = "samples/airline.toml";
const MINIMAL: &str = "tests/maps/valid/minimal.toml";
/// `# expect: unknown-key 30:1 motivaton`
const INVALID: &str = "tests/maps/invalid/unknown-key-motivaton.toml";

/// Runs the binary from the crate's root with `args`, feeding `stdin`.
fn run(args: &[&str], stdin: Option<&[u8]>) -> Output {
    common::run_in(Path::new(env!("CARGO_MANIFEST_DIR")), args, stdin)
}

/// Runs `check --format json` and parses its standard output.
fn check_json(args: &[&str], stdin: Option<&[u8]>) -> (i32, Vec<serde_json::Value>) {
    let mut all = vec!["check", "--format", "json"];
    all.extend_from_slice(args);
    let output = run(&all, stdin);
    let json: serde_json::Value =
        serde_json::from_slice(&output.stdout).unwrap_or_else(|e| panic!("{e}: not JSON: {}", stdout(&output)));
    let items = json.as_array().expect("a JSON array").clone();
    (code(&output), items)
}

fn errors(items: &[serde_json::Value]) -> Vec<&serde_json::Value> {
    items.iter().filter(|d| d["severity"] == "error").collect()
}

// ---------------------------------------------------------------------- new

#[test]
fn new_to_stdout_piped_into_check_has_no_errors() {
    let new = run(&["new"], None);
    assert_eq!(code(&new), 0, "{}", stderr(&new));
    assert!(stdout(&new).contains("[[stage]]"));

    let check = run(&["check", "-"], Some(&new.stdout));
    assert_eq!(code(&check), 0, "{}", stderr(&check));
    assert!(!stderr(&check).contains("error["), "{}", stderr(&check));

    let (status, items) = check_json(&["-"], Some(&new.stdout));
    assert_eq!(status, 0);
    assert!(errors(&items).is_empty(), "{items:?}");
    assert!(items.iter().all(|d| d["file"] == "<stdin>"));
}

#[test]
fn new_with_stages_writes_a_file_that_check_accepts() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let path = dir.path().join("map.toml");
    let file = path.to_str().expect("a UTF-8 path");
    let new = run(&["new", "--stages", "A, B, C", "-o", file], None);
    assert_eq!(code(&new), 0, "{}", stderr(&new));
    assert!(new.stdout.is_empty(), "the map goes to the file only");

    let text = std::fs::read_to_string(&path).expect("the written map");
    let headers = text.lines().filter(|l| l.trim() == "[[stage]]").count();
    assert_eq!(headers, 3, "{text}");
    let parsed = journeymap::parse::parse_file(&path).expect("readable");
    let journey = parsed.journey.expect("no errors");
    let names: Vec<&str> = journey.stages.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(names, ["A", "B", "C"]);

    let check = run(&["check", file], None);
    assert_eq!(code(&check), 0, "{}", stderr(&check));
    let (status, items) = check_json(&[file], None);
    assert_eq!(status, 0);
    assert!(errors(&items).is_empty(), "{items:?}");
}

#[test]
fn new_stage_names_that_need_escaping_survive() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let path = dir.path().join("map.toml");
    let file = path.to_str().expect("a UTF-8 path");
    let stages = "Awareness, \"Quoted\" stage, Back\\slash, Résumé # not a comment";
    let new = run(&["new", "--stages", stages, "-o", file], None);
    assert_eq!(code(&new), 0, "{}", stderr(&new));
    let parsed = journeymap::parse::parse_file(&path).expect("readable");
    let journey = parsed.journey.expect("no errors");
    let names: Vec<&str> = journey.stages.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(names, ["Awareness", "\"Quoted\" stage", "Back\\slash", "Résumé # not a comment"]);
}

#[test]
fn new_never_overwrites_an_existing_file_without_force() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let path = dir.path().join("map.toml");
    let file = path.to_str().expect("a UTF-8 path");
    std::fs::write(&path, "the team's work\n").expect("write the file");

    let new = run(&["new", "-o", file], None);
    assert_eq!(code(&new), 2, "{}", stderr(&new));
    assert!(stderr(&new).contains("--force"), "{}", stderr(&new));
    assert_eq!(std::fs::read_to_string(&path).expect("the file"), "the team's work\n");

    let forced = run(&["new", "-o", file, "--force"], None);
    assert_eq!(code(&forced), 0, "{}", stderr(&forced));
    assert!(std::fs::read_to_string(&path).expect("the file").contains("[[stage]]"));
}

#[test]
fn new_rejects_bad_stage_lists_with_a_usage_error() {
    for stages in ["A,,B", "", " , ", "A,B,A"] {
        let new = run(&["new", "--stages", stages], None);
        assert_eq!(code(&new), 2, "{stages:?}: {}", stderr(&new));
        assert!(new.stdout.is_empty(), "{stages:?}: nothing written");
        assert!(stderr(&new).contains("--stages"), "{}", stderr(&new));
    }
    let blank = run(&["new", "--stages", "A,,B"], None);
    assert!(stderr(&blank).contains("stage 2"), "{}", stderr(&blank));
}

#[test]
fn new_into_a_missing_directory_is_an_io_failure() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let path = dir.path().join("no").join("such").join("map.toml");
    let new = run(&["new", "-o", path.to_str().expect("a UTF-8 path")], None);
    assert_eq!(code(&new), 3, "{}", stderr(&new));
    assert!(!path.exists());
}

// -------------------------------------------------------------------- check

#[test]
fn check_exit_statuses() {
    let cases: &[(&[&str], i32)] = &[
        (&["check", AIRLINE], 0),
        (&["check", MINIMAL], 0),
        (&["check", INVALID], 1),
        (&["check", "--strict", MINIMAL], 1),
        (&["check", "--strict", INVALID], 1),
        (&["check", "tests/maps/no-such-map.toml"], 3),
        (&["check", "tests/maps"], 3),
    ];
    for (args, want) in cases {
        let output = run(args, None);
        assert_eq!(code(&output), *want, "{args:?}: {}", stderr(&output));
    }
}

#[test]
fn check_strict_fails_on_warnings_only() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let path = dir.path().join("clean.toml");
    let file = path.to_str().expect("a UTF-8 path");
    // The airline sample is validated and complete: nothing to report.
    let strict = run(&["check", "--strict", AIRLINE], None);
    assert_eq!(code(&strict), 0, "{}", stderr(&strict));
    // A hint alone (the spine does not start with Awareness) never fails.
    let text = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("samples/airline.toml"))
        .expect("the sample")
        .replacen("name = \"Awareness\"", "name = \"Noticing\"", 1);
    std::fs::write(&path, text).expect("write the map");
    let (_, items) = check_json(&[file], None);
    let codes: Vec<&serde_json::Value> = items.iter().map(|d| &d["code"]).collect();
    assert_eq!(codes, ["first-not-awareness"]);
    let strict = run(&["check", "--strict", file], None);
    assert_eq!(code(&strict), 0, "{}", stderr(&strict));
}

#[test]
fn check_human_output_goes_to_stderr_and_names_file_line_column() {
    let output = run(&["check", INVALID], None);
    assert_eq!(code(&output), 1);
    assert!(output.stdout.is_empty(), "{}", stdout(&output));
    let err = stderr(&output);
    assert!(err.contains(&format!("{INVALID}:30:1")), "{err}");
    assert!(err.contains("unknown-key"), "{err}");
    assert!(err.contains("motivaton"), "{err}");
    assert!(err.contains("motivation"), "the hint suggests the key: {err}");
    assert!(err.contains("1 error"), "a summary line: {err}");
    assert!(!err.contains('\u{1b}'), "no colour when not a terminal");
}

#[test]
fn check_json_prints_located_objects_on_stdout() {
    let (status, items) = check_json(&[INVALID], None);
    assert_eq!(status, 1);
    assert!(!items.is_empty());
    for item in &items {
        for key in ["file", "line", "column", "end_line", "end_column", "severity", "code", "message", "hint"] {
            assert!(item.get(key).is_some(), "{key} missing in {item}");
        }
        assert_eq!(item["file"], INVALID);
        assert!(item["line"].as_u64().is_some_and(|n| n >= 1), "{item}");
        assert!(item["column"].as_u64().is_some_and(|n| n >= 1), "{item}");
        assert!(item["end_line"].as_u64() >= item["line"].as_u64(), "{item}");
        assert!(["error", "warning", "hint"].contains(&item["severity"].as_str().unwrap_or_default()), "{item}");
    }
    let unknown = items.iter().find(|d| d["code"] == "unknown-key").expect("the unknown key");
    assert_eq!((&unknown["line"], &unknown["column"]), (&serde_json::json!(30), &serde_json::json!(1)));
    assert_eq!(unknown["end_column"], 10, "the span covers `motivaton`");
    assert_eq!(unknown["severity"], "error");
    assert_eq!(unknown["key"], "motivaton");

    let output = run(&["check", "--format", "json", INVALID], None);
    assert!(!stderr(&output).contains("error["), "JSON mode prints no human report");
}

#[test]
fn check_json_of_a_clean_map_is_an_empty_array() {
    let text = std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join(AIRLINE)).expect("the sample");
    let (status, items) = check_json(&["-"], Some(&text));
    assert_eq!(status, 0);
    assert!(items.is_empty(), "{items:?}");
}

#[test]
fn check_reads_stdin_for_dash() {
    let text = std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join(INVALID)).expect("the map");
    let output = run(&["check", "-"], Some(&text));
    assert_eq!(code(&output), 1);
    assert!(stderr(&output).contains("<stdin>:30:1"), "{}", stderr(&output));

    let empty = run(&["check", "-"], Some(b""));
    assert_eq!(code(&empty), 1);
    assert!(stderr(&empty).contains("missing-title"));
    assert!(stderr(&empty).contains("no-stages"));
}

#[test]
fn check_reports_hostile_input_without_crashing() {
    let cases: &[(&[u8], &str)] = &[
        (b"\xFF\xFEt\0i\0t\0l\0e\0", "UTF-16"),
        (b"title = \"caf\xE9\"\n", "encoding"),
        (b"title = \"a\0b\"\n", "encoding"),
    ];
    for (input, says) in cases {
        let output = run(&["check", "-"], Some(input));
        assert_eq!(code(&output), 1, "{}", stderr(&output));
        assert!(stderr(&output).contains(says), "{}", stderr(&output));
    }
    let deep = format!("title = \"x\"\na = {}", "[".repeat(100_000));
    let output = run(&["check", "-"], Some(deep.as_bytes()));
    assert_eq!(code(&output), 1);
    assert!(stderr(&output).contains("too-deep"), "{}", stderr(&output));

    let huge = vec![b'#'; journeymap::parse::MAX_SOURCE_BYTES + 10];
    let output = run(&["check", "-"], Some(&huge));
    assert_eq!(code(&output), 1);
    assert!(stderr(&output).contains("too-large"), "{}", stderr(&output));
}

// --------------------------------------------------------------- priorities

#[test]
fn priorities_json_parses_and_lists_every_touchpoint() {
    let output = run(&["priorities", AIRLINE, "--format", "json"], None);
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON");
    let items = json.as_array().expect("an array");
    let text = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(AIRLINE)).expect("the sample");
    assert_eq!(items.len(), text.matches("[[stage.touchpoint]]").count());
    assert_eq!(items[0]["rank"], 1);
    assert_eq!(items[0]["class"], "fix");
}

#[test]
fn priorities_in_every_format() {
    let want: &[(&str, &str)] = &[
        ("table", "rank  class"),
        ("markdown", "| rank | class |"),
        ("csv", "rank,class,stage,touchpoint,moment_of_truth,score,owner,action\r\n"),
        ("json", "["),
    ];
    for (format, starts) in want {
        let output = run(&["priorities", AIRLINE, "--format", format], None);
        assert_eq!(code(&output), 0, "{format}: {}", stderr(&output));
        assert!(stdout(&output).starts_with(starts), "{format}: {}", stdout(&output));
    }
    let default = run(&["priorities", AIRLINE], None);
    let table = run(&["priorities", AIRLINE, "--format", "table"], None);
    assert_eq!(default.stdout, table.stdout, "the table is the default");
}

#[test]
fn priorities_reads_stdin_for_dash() {
    let text = std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join(AIRLINE)).expect("the sample");
    let piped = run(&["priorities", "-", "--format", "csv"], Some(&text));
    let named = run(&["priorities", AIRLINE, "--format", "csv"], None);
    assert_eq!(code(&piped), 0, "{}", stderr(&piped));
    assert_eq!(piped.stdout, named.stdout);
}

#[test]
fn priorities_of_an_invalid_map_fail_with_the_errors_on_stderr() {
    let output = run(&["priorities", INVALID], None);
    assert_eq!(code(&output), 1);
    assert!(output.stdout.is_empty(), "{}", stdout(&output));
    assert!(stderr(&output).contains(&format!("{INVALID}:30:1")), "{}", stderr(&output));

    let missing = run(&["priorities", "tests/maps/no-such-map.toml"], None);
    assert_eq!(code(&missing), 3);
    let bad = run(&["priorities", AIRLINE, "--format", "xml"], None);
    assert_eq!(code(&bad), 2);
}

#[test]
fn check_reports_characters_no_font_can_draw() {
    let map = "title = \"東京 journey\"\n[[stage]]\nname = \"Awareness\"\n";
    let out = run(&["check", "-", "--format", "json"], Some(map.as_bytes()));
    assert_eq!(code(&out), 0, "a warning, not an error");
    let items: serde_json::Value = serde_json::from_str(&stdout(&out)).expect("JSON");
    let glyph = items
        .as_array()
        .and_then(|a| a.iter().find(|d| d["code"] == "missing-glyph"))
        .unwrap_or_else(|| panic!("no missing-glyph warning in {items}"));
    assert_eq!((glyph["line"].as_u64(), glyph["key"].as_str()), (Some(1), Some("title")));
    assert!(glyph["message"].as_str().is_some_and(|m| m.contains("U+6771")), "{glyph}");
    let strict = run(&["check", "-", "--strict"], Some(map.as_bytes()));
    assert_eq!(code(&strict), 1, "--strict fails on it");
}

#[test]
fn themes_lists_the_built_ins_and_prints_one_as_a_theme_file() {
    let out = run(&["themes"], None);
    assert_eq!(code(&out), 0);
    let text = stdout(&out);
    for name in ["classic", "dark", "print", "colour-blind-safe"] {
        assert!(text.lines().any(|l| l.starts_with(name) && l.contains('#')), "{name} in {text}");
    }
    assert!(!text.contains('\u{1b}'), "no colour codes when piped");
    let toml = run(&["themes", "--toml", "dark"], None);
    assert_eq!(code(&toml), 0);
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = dir.path().join("mine.toml");
    std::fs::write(&path, stdout(&toml)).expect("write");
    let map = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/samples/airline.toml")).expect("sample");
    let svg = dir.path().join("a.svg");
    let theme = path.display().to_string();
    let out = common::run_in(dir.path(), &["render", "-", "--theme", &theme, "-o", "a.svg"], Some(map.as_bytes()));
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert!(std::fs::read_to_string(svg).is_ok_and(|s| s.contains("#14181F")), "the dark page colour");
    assert_eq!(code(&run(&["themes", "--toml", "nope"], None)), 2);
}

#[test]
fn check_reports_an_action_no_font_can_draw_and_a_short_months_label() {
    let months = "title = \"t\"\n[labels]\nmonths = \"Jan|Feb\"\n[[stage]]\nname = \"Awareness\"\n";
    let (status, items) = check_json(&["-"], Some(months.as_bytes()));
    assert_eq!(status, 1, "twelve months are needed: an error");
    assert!(items.iter().any(|d| d["code"] == "bad-value" && d["key"] == "months" && d["line"] == 3), "{items:?}");
    let action = "title = \"t\"\n[[stage]]\nname = \"Awareness\"\n  [[stage.touchpoint]]\n  name = \"Ad\"\n  marks = [\"pain\"]\n  action = \"联系客服\"\n";
    let (status, items) = check_json(&["-"], Some(action.as_bytes()));
    assert_eq!(status, 0, "a warning");
    assert!(items.iter().any(|d| d["code"] == "missing-glyph" && d["key"] == "action" && d["line"] == 7), "{items:?}");
}

/// A map without `lang` whose text is German (or Polish) speaks it, and
/// `check` and `render` say so as a note that `--strict` lets pass; a map
/// with `lang` gets no note.
#[test]
fn a_map_without_lang_is_read_for_its_language_and_says_so() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    for (map, code_name, name) in [("german-energy", "de", "German"), ("polish-insurance", "pl", "Polish")] {
        let text = std::fs::read_to_string(root.join(format!("tests/maps/valid/{map}.toml"))).expect("the map");
        let written = format!("lang = \"{code_name}\"\n");
        assert!(text.contains(&written), "{map} has a lang line to take out");
        let path = dir.path().join(format!("{map}.toml"));
        std::fs::write(&path, text.replace(&written, "")).expect("write the map");
        let file = path.to_str().expect("a UTF-8 path");

        let strict = run(&["check", "--strict", file], None);
        assert_eq!(code(&strict), 0, "a note never fails --strict: {}", stderr(&strict));
        let said = format!("the map reads as {name} ({code_name})");
        assert!(stderr(&strict).contains(&said) && stderr(&strict).contains("note"), "{}", stderr(&strict));
        assert!(stderr(&strict).contains(&format!("lang = \"{code_name}\"")), "{}", stderr(&strict));
        let (_, items) = check_json(&[file], None);
        let notes: Vec<_> = items.iter().filter(|d| d["code"] == "detected-lang").collect();
        assert_eq!(notes.len(), 1, "{items:?}");
        assert_eq!(notes[0]["severity"], "note");

        let svg = dir.path().join(format!("{map}.svg"));
        let render = run(&["render", file, "-o", svg.to_str().expect("a UTF-8 path")], None);
        assert_eq!(code(&render), 0, "{}", stderr(&render));
        assert!(stderr(&render).contains(&format!("note: {said}")), "{}", stderr(&render));
        // The poster's own words follow: the same poster as with `lang`.
        let with_lang = dir.path().join(format!("{map}-lang.svg"));
        let original = format!("tests/maps/valid/{map}.toml");
        let render = run(&["render", &original, "-o", with_lang.to_str().expect("a UTF-8 path")], None);
        assert!(!stderr(&render).contains("reads as"), "{}", stderr(&render));
        assert_eq!(std::fs::read(&svg).expect("svg"), std::fs::read(&with_lang).expect("svg"), "{map}");
    }
    // An English map says nothing about its language.
    let plain = run(&["check", AIRLINE], None);
    assert!(!stderr(&plain).contains("reads as"), "{}", stderr(&plain));
}
