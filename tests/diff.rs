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
    for key in
        ["old", "new", "same", "counts", "touchpoints", "stages", "order", "health", "weakest", "answers", "fields"]
    {
        assert!(keys.contains(&key), "{key} in {keys:?}");
    }
    assert_eq!(v["old"], AIRLINE);
    assert_eq!(v["counts"]["moved"], 1);
    let moved =
        v["touchpoints"].as_array().expect("a list").iter().find(|t| t["changes"] == serde_json::json!(["moved"]));
    let moved = moved.expect("the bag drop moved");
    assert_eq!(
        (moved["old"]["stage"].as_str(), moved["new"]["stage"].as_str()),
        (Some("Check-in"), Some("At the airport"))
    );
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

// ---------------------------------------------------------------- picture

/// The map every change-kind test edits: two stages, two touchpoints each.
const BASE: &str = r#"title = "Kinds"
[[stage]]
name = "Awareness"
  [[stage.touchpoint]]
  name = "Advert"
  owner = "Marketing"
  marks = ["essential", "pain"]
  score = 2
  action = "Say less"
  [[stage.touchpoint]]
  name = "Colleague recommendation"
  marks = ["strength"]
  score = 4
[[stage]]
name = "Booking"
  [[stage.touchpoint]]
  name = "Website"
  marks = ["pain"]
  score = 3
  action = "Faster search"
  [[stage.touchpoint]]
  name = "Phone"
  marks = ["pain"]
  score = 3
  action = "Call back"
"#;

/// Diffs BASE against `new` with a picture: the SVG and the JSON.
fn picture(new: &str) -> (String, serde_json::Value) {
    let dir = tempfile::tempdir().expect("a folder");
    let (old_path, new_path, svg) =
        (dir.path().join("old.toml"), dir.path().join("new.toml"), dir.path().join("d.svg"));
    std::fs::write(&old_path, BASE).expect("write");
    std::fs::write(&new_path, new).expect("write");
    let p = |p: &Path| p.to_str().expect("UTF-8").to_owned();
    let out = run(&["diff", &p(&old_path), &p(&new_path), "--format", "json", "-o", &p(&svg)]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    (std::fs::read_to_string(&svg).expect("the SVG"), json(&out))
}

/// The `data-change` of the group with `id`, if it has one.
fn change_of(svg: &str, id: &str) -> Option<String> {
    let at = svg.find(&format!("id=\"{id}\""))?;
    let end = at + svg[at..].find('>')?;
    let tag = &svg[at..end];
    let from = tag.find("data-change=\"")? + "data-change=\"".len();
    Some(tag[from..from + tag[from..].find('"')?].to_owned())
}

/// Every `data-change` in the SVG, with its group's id.
fn changes(svg: &str) -> Vec<(String, String)> {
    svg.match_indices("data-change=\"")
        .filter_map(|(at, _)| {
            let start = svg[..at].rfind("<g")?;
            let tag = &svg[start..at];
            let id = tag.find("id=\"").map(|i| &tag[i + 4..])?;
            let value = &svg[at + 13..];
            Some((id[..id.find('"')?].to_owned(), value[..value.find('"')?].to_owned()))
        })
        .collect()
}

fn kinds(v: &serde_json::Value) -> Vec<(String, Vec<String>)> {
    v["touchpoints"]
        .as_array()
        .expect("touchpoints")
        .iter()
        .map(|t| {
            let place = if t["new"].is_null() { &t["old"] } else { &t["new"] };
            let words = t["changes"].as_array().expect("changes").iter().filter_map(|c| c.as_str().map(str::to_owned));
            (place["name"].as_str().unwrap_or_default().to_owned(), words.collect())
        })
        .collect()
}

#[test]
fn an_unchanged_map_marks_nothing() {
    let (svg, v) = picture(BASE);
    assert!(changes(&svg).is_empty(), "{:?}", changes(&svg));
    assert_eq!(v["same"], true);
    assert!(svg.contains("id=\"changes\""), "the panel says nothing changed");
}

#[test]
fn a_new_card_is_marked_added() {
    let (svg, v) = picture(&format!("{BASE}  [[stage.touchpoint]]\n  name = \"Chat\"\n  score = 4\n"));
    assert_eq!(change_of(&svg, "card-2-3").as_deref(), Some("added"));
    assert_eq!(kinds(&v), [("Chat".to_owned(), vec!["added".to_owned()])]);
}

#[test]
fn a_removed_card_is_a_ghost_in_its_stage() {
    let new = BASE.replace(
        "  [[stage.touchpoint]]\n  name = \"Phone\"\n  marks = [\"pain\"]\n  score = 3\n  action = \"Call back\"\n",
        "",
    );
    let (svg, v) = picture(&new);
    assert_eq!(change_of(&svg, "ghost-2-1").as_deref(), Some("removed"));
    assert!(svg.contains("data-stage=\"Booking\""));
    assert_eq!(kinds(&v), [("Phone".to_owned(), vec!["removed".to_owned()])]);
    assert_eq!(v["counts"]["removed"], 1);
}

#[test]
fn a_score_change_is_marked_on_its_card_and_its_stage_health() {
    let new = BASE.replace(
        "name = \"Website\"\n  marks = [\"pain\"]\n  score = 3",
        "name = \"Website\"\n  marks = [\"pain\"]\n  score = 5",
    );
    let (svg, v) = picture(&new);
    assert!(change_of(&svg, "card-2-1").is_some_and(|c| c.split(' ').any(|w| w == "score")), "{:?}", changes(&svg));
    assert_eq!(change_of(&svg, "health-2").as_deref(), Some("health"));
    assert_eq!(change_of(&svg, "health-1"), None, "unchanged stages stay quiet");
    assert_eq!(v["touchpoints"][0]["score"], serde_json::json!({ "old": 3, "new": 5 }));
    assert_eq!(v["health"][0]["stage"], "Booking");
}

#[test]
fn marks_gained_and_lost_are_marked() {
    let new = BASE.replace("marks = [\"strength\"]", "marks = [\"strength\", \"essential\"]\n  moment_of_truth = true");
    let (svg, v) = picture(&new);
    assert!(change_of(&svg, "card-1-2").is_some_and(|c| c.starts_with("marks")), "{:?}", changes(&svg));
    assert_eq!(
        v["touchpoints"][0]["marks"],
        serde_json::json!({ "gained": ["essential"], "lost": [], "moment_of_truth": true })
    );
}

#[test]
fn a_card_moved_to_another_stage_is_marked_moved() {
    let phone =
        "  [[stage.touchpoint]]\n  name = \"Phone\"\n  marks = [\"pain\"]\n  score = 3\n  action = \"Call back\"\n";
    let new = BASE
        .replace(phone, "")
        .replace("[[stage]]\nname = \"Booking\"", &format!("{phone}[[stage]]\nname = \"Booking\""));
    let (svg, v) = picture(&new);
    // Earlier on the spine now, it also passed Website in the priorities.
    assert_eq!(change_of(&svg, "card-1-3").as_deref(), Some("moved rank"), "{:?}", changes(&svg));
    assert_eq!(kinds(&v)[0], ("Phone".to_owned(), vec!["moved".to_owned(), "rank".to_owned()]));
    let moved = v["touchpoints"][0].clone();
    assert_eq!((moved["old"]["stage"].as_str(), moved["new"]["stage"].as_str()), (Some("Booking"), Some("Awareness")));
    assert!(svg.contains("From Booking"), "the chip names the stage it came from");
}

#[test]
fn a_renamed_card_is_marked_renamed() {
    let (svg, v) = picture(&BASE.replace("Colleague recommendation", "Colleague referral"));
    assert_eq!(change_of(&svg, "card-1-2").as_deref(), Some("renamed"));
    assert_eq!(kinds(&v), [("Colleague referral".to_owned(), vec!["renamed".to_owned()])]);
}

#[test]
fn a_priority_that_moved_is_marked_rank() {
    // Website and Phone are alike but for their place on the spine: put
    // Phone's stage first and it passes Website.
    let new = BASE.replace("[[stage]]\nname = \"Awareness\"", "[[stage]]\nname = \"Intro\"").replace(
        "name = \"Phone\"\n  marks = [\"pain\"]\n  score = 3",
        "name = \"Phone\"\n  marks = [\"pain\"]\n  moment_of_truth = true\n  score = 3",
    );
    let (svg, v) = picture(&new);
    let phone = change_of(&svg, "card-2-2").expect("Phone changed");
    assert!(phone.split(' ').any(|w| w == "rank") && phone.split(' ').any(|w| w == "marks"), "{phone}");
    let website = change_of(&svg, "card-2-1").expect("Website moved down");
    assert_eq!(website, "rank", "{:?}", changes(&svg));
    let moved: Vec<_> = kinds(&v).into_iter().filter(|(_, k)| k.contains(&"rank".to_owned())).collect();
    assert_eq!(moved.len(), 2, "{moved:?}");
}

#[test]
fn changed_text_is_marked_text() {
    let (svg, v) = picture(&BASE.replace("owner = \"Marketing\"", "owner = \"Brand\""));
    assert_eq!(change_of(&svg, "card-1-1").as_deref(), Some("text"));
    assert_eq!(
        v["touchpoints"][0]["text"],
        serde_json::json!([{ "field": "owner", "old": "Marketing", "new": "Brand" }])
    );
}

#[test]
fn several_changes_on_one_card_are_space_separated_in_spec_order() {
    let new = BASE.replace(
        "name = \"Advert\"\n  owner = \"Marketing\"\n  marks = [\"essential\", \"pain\"]\n  score = 2",
        "name = \"Advert\"\n  owner = \"Brand\"\n  marks = [\"essential\", \"strength\"]\n  score = 4",
    );
    let (svg, _) = picture(&new);
    assert_eq!(change_of(&svg, "card-1-1").as_deref(), Some("score marks rank text"));
}

// --------------------------------------------------------------- geometry

/// A copy of `j` after a round of work: a score, marks and an owner
/// changed, a card added, one renamed, one moved to the first stage, the
/// last stage's last card removed, and the version bumped.
fn edited(j: &journeymap::model::Journey) -> journeymap::model::Journey {
    use journeymap::model::{Mark, Score};
    let mut e = j.clone();
    e.version = Some("next".into());
    if let Some(t) = e.stages.iter_mut().flat_map(|s| s.touchpoints.iter_mut()).next() {
        t.score = Score::new(if t.score.map(Score::get) == Some(5) { 1 } else { 5 });
        if t.has(Mark::Pain) {
            t.marks.retain(|m| *m != Mark::Pain)
        } else {
            t.marks.push(Mark::Pain)
        }
        t.owner = Some("A department with a long name".into());
    }
    if let Some(t) = e.stages[0].touchpoints.get_mut(1) {
        t.name.push_str(" (renamed)");
    }
    if e.stages.len() > 1 && !e.stages[1].touchpoints.is_empty() {
        let moved = e.stages[1].touchpoints.remove(0);
        if !e.stages[0].touchpoints.iter().any(|t| t.name == moved.name) {
            e.stages[0].touchpoints.push(moved);
        }
    }
    let last = e.stages.len() - 1;
    e.stages[last].touchpoints.pop();
    if let Some(mut fresh) = j.touchpoints().next().map(|(_, t)| t.clone()) {
        fresh.name = "A touchpoint the team found in the last round of interviews".into();
        e.stages[last].touchpoints.push(fresh);
    }
    e
}

#[test]
fn diff_posters_keep_the_geometry_guarantees() {
    use journeymap::layout::{self, Options};
    use journeymap::model::{Orientation, Paper, Size};
    let fonts = journeymap::text::Fonts::embedded();
    let theme = journeymap::theme::Theme::classic();
    let sizes = [
        None,
        Some(Size::Paper(Paper::A0)),
        Some(Size::Paper(Paper::A2)),
        Some(Size::Paper(Paper::A4)),
        Some(Size::Paper(Paper::Slide)),
    ];
    let mut failures = Vec::new();
    let mut marked = 0;
    for (name, text) in common::valid_maps() {
        let old = common::journey(&name, &text);
        let new = edited(&old);
        let changes = journeymap::diff::compare(&old, &new, &[]).expect("no renames");
        let overlay = std::sync::Arc::new(journeymap::diff::Overlay::new(&old, &changes));
        for size in sizes {
            for orientation in [None, Some(Orientation::Portrait)] {
                let options = Options { size, orientation, diff: Some(overlay.clone()), ..Default::default() };
                let Ok(poster) = layout::layout(&new, &theme, &fonts, &options) else {
                    // A page too small for the map is refused as for any poster.
                    assert!(size.is_some_and(|s| s != Size::Paper(Paper::A0)), "{name} {size:?}");
                    continue;
                };
                marked += poster.boxes().iter().filter(|b| b.tag.get("change").is_some()).count();
                for v in common::violations(&poster).into_iter().chain(common::missing_text(&poster, &new)) {
                    failures.push(format!("{name} {size:?} {orientation:?}: {v}"));
                }
                if common::smallest_text(&poster) < layout::MIN_TEXT_PX - 1e-9 {
                    failures.push(format!("{name} {size:?}: text below the print floor"));
                }
            }
        }
    }
    assert!(failures.is_empty(), "{} violations:\n{}", failures.len(), failures.join("\n"));
    assert!(marked > 50, "the edits are marked: {marked}");
}

#[test]
fn the_geometry_check_sees_a_broken_diff_poster() {
    // The checker must be able to fail: a chip pushed out of its card is
    // caught.
    use journeymap::layout::{self, Item, Options};
    let old = common::journey(AIRLINE, &std::fs::read_to_string(AIRLINE).expect("sample"));
    let new = common::journey(EDITED, &std::fs::read_to_string(EDITED).expect("edited"));
    let changes = journeymap::diff::compare(&old, &new, &[]).expect("no renames");
    let overlay = std::sync::Arc::new(journeymap::diff::Overlay::new(&old, &changes));
    let options = Options { diff: Some(overlay), ..Default::default() };
    let mut poster =
        layout::layout(&new, &journeymap::theme::Theme::classic(), &journeymap::text::Fonts::embedded(), &options)
            .expect("auto fits");
    assert!(common::violations(&poster).is_empty());
    let mut moved = false;
    fn push_chips(items: &mut [Item], moved: &mut bool) {
        for item in items {
            if let Item::Group(g) = item {
                if g.tag.as_ref().is_some_and(|t| t.has_class("change")) && !*moved {
                    g.transform = journeymap::layout::Transform::translate(0.0, 500.0);
                    *moved = true;
                }
                push_chips(&mut g.items, moved);
            }
        }
    }
    push_chips(&mut poster.pages[0].frame.items, &mut moved);
    assert!(moved && !common::violations(&poster).is_empty());
}

#[test]
fn a_diff_picture_is_the_same_bytes_every_time() {
    let dir = tempfile::tempdir().expect("a folder");
    let made: Vec<Vec<Vec<u8>>> = (0..2)
        .map(|i| {
            let (svg, png) = (dir.path().join(format!("{i}.svg")), dir.path().join(format!("{i}.png")));
            let (s, p) = (svg.to_str().expect("UTF-8"), png.to_str().expect("UTF-8"));
            let out = run(&["diff", AIRLINE, EDITED, "-o", s, "-o", p, "--width", "600"]);
            assert_eq!(code(&out), 0, "{}", stderr(&out));
            assert!(stdout(&out).is_empty(), "with -o and no --format, only the picture");
            vec![std::fs::read(&svg).expect("SVG"), std::fs::read(&png).expect("PNG")]
        })
        .collect();
    assert!(made[0] == made[1]);
}
