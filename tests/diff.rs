//! `journeymap diff` (SPEC §6): exit statuses as diff(1), the text,
//! Markdown and JSON summaries, OLD read from git as `REV:PATH`, broken
//! maps named, and the picture: every change kind marked in the SVG's
//! `data-change` and counted in the JSON.

mod common;

use std::path::Path;
use std::process::{Command, Output};

use common::{code, stderr, stdout, tools};

const AIRLINE: &str = "samples/airline.toml";
const EDITED: &str = "tests/maps/diff/airline-edited.toml";
const INVALID: &str = "tests/maps/invalid/unknown-key-motivaton.toml";

fn run(args: &[&str]) -> Output {
    common::run_in(Path::new(env!("CARGO_MANIFEST_DIR")), args, None)
}

fn json(output: &Output) -> serde_json::Value {
    serde_json::from_slice(&output.stdout).unwrap_or_else(|e| panic!("{e}: not JSON: {}", stdout(output)))
}

#[test]
fn identical_maps_say_no_changes_and_exit_0() {
    for extra in [&[][..], &["--exit-code"][..]] {
        let mut args = vec!["diff", AIRLINE, AIRLINE];
        args.extend_from_slice(extra);
        let out = run(&args);
        assert_eq!((code(&out), stdout(&out).as_str()), (0, "no changes\n"), "{}", stderr(&out));
    }
    let out = run(&["diff", AIRLINE, AIRLINE, "--format", "json"]);
    assert_eq!(json(&out)["same"], true);
}

#[test]
fn different_maps_exit_1_only_with_exit_code() {
    let plain = run(&["diff", AIRLINE, EDITED]);
    assert_eq!(code(&plain), 0, "{}", stderr(&plain));
    assert!(stdout(&plain).contains("~ Booking › Corporate booking tool: score 2 → 4 ▲"), "{}", stdout(&plain));
    let strict = run(&["diff", AIRLINE, EDITED, "--exit-code"]);
    assert_eq!(code(&strict), 1, "{}", stderr(&strict));
    assert_eq!(strict.stdout, plain.stdout);
}

#[test]
fn markdown_has_a_table_per_kind_and_the_priority_moves() {
    let out = run(&["diff", AIRLINE, EDITED, "--format", "markdown"]);
    let md = stdout(&out);
    for table in [
        "#### New touchpoints",
        "#### Removed touchpoints",
        "#### Score changes",
        "#### Marks gained and lost",
        "#### Moved to another stage",
        "#### Renamed touchpoints",
        "#### Priority moves",
        "#### Changed text",
        "#### Stage health",
        "#### Question answers",
        "#### Status and map fields",
    ] {
        assert!(md.contains(table), "{table} missing:\n{md}");
    }
    assert!(md.contains("| Arrival | Baggage reclaim | #1 | #2 | fix |"), "{md}");
}

#[test]
fn json_has_a_stable_shape() {
    let out = run(&["diff", AIRLINE, EDITED, "--format", "json"]);
    let v = json(&out);
    let keys: Vec<&str> = v.as_object().expect("an object").keys().map(String::as_str).collect();
    for key in ["old", "new", "same", "counts", "touchpoints", "stages", "order", "health", "weakest", "answers", "fields"] {
        assert!(keys.contains(&key), "{key} in {keys:?}");
    }
    assert_eq!(v["old"], AIRLINE);
    assert_eq!(v["counts"]["moved"], 1);
    let moved = v["touchpoints"].as_array().expect("a list").iter().find(|t| t["changes"] == serde_json::json!(["moved"]));
    let moved = moved.expect("the bag drop moved");
    assert_eq!((moved["old"]["stage"].as_str(), moved["new"]["stage"].as_str()), (Some("Check-in"), Some("At the airport")));
    assert_eq!(v["weakest"], serde_json::json!({ "old": "Booking", "new": "Return" }));
}

#[test]
fn mermaid_diagrams_compare_like_maps() {
    let out = run(&["diff", "tests/maps/diff/day-old.mmd", "tests/maps/diff/day-new.mmd", "--format", "json"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let v = json(&out);
    assert_eq!((v["counts"]["score"].as_u64(), v["counts"]["added"].as_u64()), (Some(1), Some(1)), "{v:#}");
}

#[test]
fn a_broken_old_or_new_map_is_trouble_named_by_its_file() {
    for args in [["diff", INVALID, AIRLINE], ["diff", AIRLINE, INVALID]] {
        let out = run(&args);
        assert_eq!(code(&out), 2, "{}", stderr(&out));
        let err = stderr(&out);
        assert!(err.contains("error[unknown-key]"), "reported as check does: {err}");
        assert!(err.contains(&format!("error: {INVALID} has errors")), "{err}");
        assert!(stdout(&out).is_empty());
    }
    let missing = run(&["diff", "no-such-map.toml", AIRLINE]);
    assert_eq!(code(&missing), 2, "{}", stderr(&missing));
    assert!(stderr(&missing).contains("no-such-map.toml"));
}

#[test]
fn bad_arguments_are_trouble() {
    let rename = run(&["diff", AIRLINE, EDITED, "--rename", "Nowhere=Somewhere"]);
    assert_eq!(code(&rename), 2);
    assert!(stderr(&rename).contains("the old map has no stage or touchpoint 'Nowhere'"), "{}", stderr(&rename));
    let syntax = run(&["diff", AIRLINE, EDITED, "--rename", "no equals sign"]);
    assert_eq!(code(&syntax), 2);
    let over_input = run(&["diff", AIRLINE, EDITED, "-o", EDITED]);
    assert_eq!(code(&over_input), 2);
    assert!(stderr(&over_input).contains("is the map itself"), "{}", stderr(&over_input));
    let both_stdin = run(&["diff", "-", "-"]);
    assert_eq!(code(&both_stdin), 2);
}

#[test]
fn a_rename_settles_what_the_tool_cannot_guess() {
    let guessed = json(&run(&["diff", AIRLINE, EDITED, "--format", "json"]));
    assert_eq!(guessed["counts"]["renamed"], 1);
    // Told that the removed check-in became the new power sockets (it
    // did not; the tool believes what it is told), both sides pair up.
    let told = run(&[
        "diff",
        AIRLINE,
        EDITED,
        "--format",
        "json",
        "--rename",
        "Check-in/Agency booking check-in=Seat-back power",
    ]);
    let told = json(&told);
    assert_eq!((told["counts"]["added"].as_u64(), told["counts"]["removed"].as_u64()), (Some(0), Some(0)), "{told:#}");
}

/// Runs git in `dir`, as a test's own user.
fn git(dir: &Path, args: &[&str]) {
    let out = Command::new("git")
        .args(["-c", "user.name=Test", "-c", "user.email=test@example.com", "-c", "commit.gpgsign=false"])
        .args(args)
        .current_dir(dir)
        .output()
        .expect("git runs");
    assert!(out.status.success(), "git {args:?}: {}", String::from_utf8_lossy(&out.stderr));
}

#[test]
fn old_is_read_from_git_as_rev_colon_path() {
    if !tools::have(&[&tools::GIT]) {
        return;
    }
    let dir = tempfile::tempdir().expect("a folder");
    let maps = dir.path().join("maps");
    std::fs::create_dir(&maps).expect("a subfolder");
    let map = maps.join("map.toml");
    std::fs::copy(AIRLINE, &map).expect("copy");
    git(dir.path(), &["init", "-q"]);
    git(dir.path(), &["add", "."]);
    git(dir.path(), &["commit", "-q", "-m", "first"]);
    std::fs::copy(EDITED, &map).expect("edit");
    let map = map.to_str().expect("UTF-8");
    // From anywhere: the path is relative to where we are, git runs in
    // the map's folder.
    let out = run(&["diff", &format!("HEAD:{map}"), map, "--format", "json", "--exit-code"]);
    assert_eq!(code(&out), 1, "{}", stderr(&out));
    let v = json(&out);
    assert_eq!(v["old"], format!("HEAD:{map}"));
    assert_eq!(v["counts"]["score"], 4);
    // Inside the repository, with a path relative to it.
    let inside = common::run_in(dir.path(), &["diff", "HEAD:maps/map.toml", "maps/map.toml", "--exit-code"], None);
    assert_eq!(code(&inside), 1, "{}", stderr(&inside));
    // A revision the repository does not have, or no repository at all.
    let missing = run(&["diff", &format!("HEAD~5:{map}"), map]);
    assert_eq!(code(&missing), 2);
    assert!(stderr(&missing).contains(&format!("cannot read HEAD~5:{map} from git")), "{}", stderr(&missing));
    let elsewhere = tempfile::tempdir().expect("a folder");
    let lone = elsewhere.path().join("map.toml");
    std::fs::copy(AIRLINE, &lone).expect("copy");
    let lone = lone.to_str().expect("UTF-8");
    let no_repo = run(&["diff", &format!("HEAD:{lone}"), lone]);
    assert_eq!(code(&no_repo), 2);
    assert!(stderr(&no_repo).to_lowercase().contains("not a git repository"), "{}", stderr(&no_repo));
    // A revision is never an option to git.
    let option = run(&["diff", "--", &format!("--output=x:{map}"), map]);
    assert_eq!(code(&option), 2);
    assert!(stderr(&option).contains("a revision cannot start with '-'"), "{}", stderr(&option));
}
