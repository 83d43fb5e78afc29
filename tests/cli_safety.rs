//! The command line with hostile input: the map is never an output, map
//! text cannot drive the terminal, CSV cells never run as formulas, files
//! that never end are refused, and loose edges give clear answers.

mod common;

use common::{code, run_in, stderr, stdout};

fn temp() -> tempfile::TempDir {
    tempfile::tempdir().expect("a temporary folder")
}

fn map() -> String {
    std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/samples/saas-onboarding.toml")).expect("sample")
}

#[test]
fn the_map_is_never_an_output() {
    let dir = temp();
    std::fs::write(dir.path().join("map.svg"), map()).expect("write");
    let out = run_in(dir.path(), &["render", "map.svg", "-o", "map.svg"], None);
    assert_eq!(code(&out), 2, "{}", stderr(&out));
    assert_eq!(std::fs::read_to_string(dir.path().join("map.svg")).expect("read"), map(), "the map is untouched");
    std::fs::create_dir(dir.path().join("sub")).expect("a folder");
    let out = run_in(dir.path(), &["render", "map.svg", "-o", "./sub/../map.svg"], None);
    assert_eq!(code(&out), 2, "the same file by another path: {}", stderr(&out));
}

#[test]
fn map_text_cannot_drive_the_terminal() {
    // TOML escapes: the parsed name holds a real ESC and BEL.
    let evil = map().replacen("name = \"Peer community post\"", "name = \"Peer \\u001b]0;owned\\u0007 post\"", 1);
    assert_ne!(evil, map());
    let dir = temp();
    for format in ["table", "markdown", "csv"] {
        let out = run_in(dir.path(), &["priorities", "-", "--format", format], Some(evil.as_bytes()));
        assert_eq!(code(&out), 0);
        assert!(!stdout(&out).contains('\u{1b}') && !stdout(&out).contains('\u{7}'), "{format}: {}", stdout(&out));
    }
    let out = run_in(dir.path(), &["check", "-"], Some(evil.as_bytes()));
    assert!(!stderr(&out).contains('\u{1b}') && !stderr(&out).contains('\u{7}'), "{}", stderr(&out));
    // A message that quotes a parsed value (an unknown mark) is inert too.
    let mark = map().replacen("marks = [\"essential\"", "marks = [\"pa\\u001b[2Jin\"", 1);
    assert_ne!(mark, map());
    let out = run_in(dir.path(), &["check", "-"], Some(mark.as_bytes()));
    assert_eq!(code(&out), 1);
    assert!(stderr(&out).contains("unknown-mark") && !stderr(&out).contains('\u{1b}'), "{}", stderr(&out));
}

#[test]
fn csv_cells_never_run_as_formulas_and_markdown_pipes_stay_escaped() {
    let evil = map().replacen("name = \"Peer community post\"", "name = \"=HYPERLINK(\\\"http://x\\\")\"", 1).replacen(
        "name = \"Comparison article\"",
        "name = \"a \\\\| b\"",
        1,
    );
    let dir = temp();
    let csv = stdout(&run_in(dir.path(), &["priorities", "-", "--format", "csv"], Some(evil.as_bytes())));
    assert!(csv.contains("'=HYPERLINK") && !csv.contains(",=HYPERLINK") && !csv.contains("\"=HYPERLINK"), "{csv}");
    // The opt-out gives the text exactly as written, still inert.
    let raw = stdout(&run_in(
        dir.path(),
        &["priorities", "-", "--format", "csv", "--no-formula-guard"],
        Some(evil.as_bytes()),
    ));
    assert!(raw.contains("\"=HYPERLINK(\"\"http://x\"\")\"") && !raw.contains("'="), "{raw}");
    let md = stdout(&run_in(dir.path(), &["priorities", "-", "--format", "markdown"], Some(evil.as_bytes())));
    let row = md.lines().find(|l| l.contains("a \\\\")).expect("the row");
    assert_eq!(row.matches(" | ").count(), 7, "eight cells, the pipe escaped: {row}");
}

#[test]
fn theme_and_font_files_that_never_end_are_refused() {
    let dir = temp();
    std::fs::write(dir.path().join("map.toml"), map()).expect("write");
    // A FIFO no one writes to would block a reader forever.
    let fifo = dir.path().join("pipe");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status().expect("mkfifo runs");
    assert!(made.success());
    let fifo = fifo.to_str().expect("a UTF-8 path");
    for (flag, path) in [("--theme", "/dev/zero"), ("--font", "/dev/zero"), ("--theme", fifo), ("--font", fifo)] {
        let out = run_in(dir.path(), &["render", "map.toml", flag, path, "-o", "x.svg"], None);
        assert_eq!(code(&out), 3, "{flag} {path}: {}", stderr(&out));
        assert!(stderr(&out).contains("not a regular file"), "{}", stderr(&out));
    }
}

#[test]
fn loose_edges_give_clear_answers() {
    let dir = temp();
    std::fs::write(dir.path().join("map.toml"), map()).expect("write");
    for dpi in ["-5", "1e-30", "0"] {
        let out = run_in(dir.path(), &["render", "map.toml", "--dpi", dpi, "-o", "x.png"], None);
        assert_eq!(code(&out), 2, "--dpi {dpi}: {}", stderr(&out));
        assert!(stderr(&out).contains("positive number"), "{}", stderr(&out));
    }
    assert!(!dir.path().join("x.png").exists());
    let lane = "title = \"t\"\n[[lane]]\nkey = \"\"\n[[stage]]\nname = \"Awareness\"\n";
    let out = run_in(dir.path(), &["check", "-"], Some(lane.as_bytes()));
    assert_eq!(code(&out), 1, "an empty lane key is an error: {}", stderr(&out));
}

/// A copy of the classic theme with grey text: it says `name = "classic"`.
fn grey_copy() -> String {
    let classic = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/themes/classic.toml")).expect("theme");
    let grey = classic.replacen("ink = \"#1C2230\"", "ink = \"#999999\"", 1);
    assert_ne!(grey, classic, "the classic theme changed its ink line");
    grey
}

#[test]
fn check_strict_holds_the_theme_to_contrast_and_names_it_by_its_file() {
    let dir = temp();
    std::fs::write(dir.path().join("brand.toml"), grey_copy()).expect("write");
    std::fs::write(dir.path().join("map.toml"), format!("theme = \"brand.toml\"\n{}", map())).expect("write");
    // A plain check is a parse: it passes.
    assert_eq!(code(&run_in(dir.path(), &["check", "map.toml"], None)), 0);
    let out = run_in(dir.path(), &["check", "--strict", "map.toml"], None);
    assert_eq!(code(&out), 1, "the CI recipe catches it: {}", stderr(&out));
    let text = stderr(&out);
    assert!(text.contains("low-contrast") && text.contains("theme 'brand.toml'"), "{text}");
    assert!(!text.contains("theme 'classic'"), "the copy is named by its file: {text}");
    let json = stdout(&run_in(dir.path(), &["check", "--strict", "--format", "json", "map.toml"], None));
    assert!(json.contains("\"code\": \"low-contrast\""), "{json}");
    // render says the same, by the same name.
    let out = run_in(dir.path(), &["render", "map.toml", "-o", "poster.svg"], None);
    assert!(
        stderr(&out).contains("theme 'brand.toml'") && !stderr(&out).contains("theme 'classic'"),
        "{}",
        stderr(&out)
    );
    // The sample in a built-in theme passes --strict's contrast.
    std::fs::write(dir.path().join("plain.toml"), map()).expect("write");
    let out = run_in(dir.path(), &["check", "--strict", "--format", "json", "plain.toml"], None);
    assert!(!stdout(&out).contains("low-contrast"), "{}", stdout(&out));
}

#[test]
fn a_score_ramp_of_any_length_but_five_is_refused() {
    let dir = temp();
    std::fs::write(dir.path().join("map.toml"), map()).expect("write");
    let classic = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/themes/classic.toml")).expect("theme");
    let line = classic.lines().find(|l| l.starts_with("score = [")).expect("the ramp line");
    for n in [6usize, 100_000] {
        let ramp = format!("score = [{}]", vec!["\"#000\""; n].join(","));
        std::fs::write(dir.path().join("ramp.toml"), classic.replacen(line, &ramp, 1)).expect("write");
        let out = run_in(dir.path(), &["render", "map.toml", "--theme", "ramp.toml", "-o", "poster.svg"], None);
        assert_eq!(code(&out), 1, "{n} colours: {}", stderr(&out));
        assert!(stderr(&out).contains(&format!("'score' has {n} colours")), "{}", stderr(&out));
        assert!(stderr(&out).contains("exactly 5"), "{}", stderr(&out));
        assert!(!dir.path().join("poster.svg").exists());
    }
}

#[test]
fn a_render_with_an_odd_font_leaves_no_temporary_file() {
    let dir = temp();
    std::fs::write(dir.path().join("map.toml"), map().replacen("title = \"", "title = \"ქართული ∮ ", 1))
        .expect("write");
    let inter = std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/fonts/Inter-Regular.ttf")).expect("font");
    // Loadable but strange: cut short, and with its outlines scrambled
    // (the PDF's subsetter may refuse it late, after the PNG is drawn).
    let mut scrambled = inter.clone();
    for i in (scrambled.len() / 3..scrambled.len() / 2).step_by(97) {
        scrambled[i] ^= 0x5a;
    }
    std::fs::write(dir.path().join("short.ttf"), &inter[..inter.len() * 9 / 10]).expect("write");
    std::fs::write(dir.path().join("scrambled.ttf"), &scrambled).expect("write");
    for font in ["short.ttf", "scrambled.ttf"] {
        let args = ["render", "map.toml", "--font", font, "-o", "a.svg", "-o", "a.png", "-o", "a.pdf"];
        let out = run_in(dir.path(), &args, None);
        let left: Vec<String> = std::fs::read_dir(dir.path())
            .expect("list")
            .filter_map(Result::ok)
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|n| n.starts_with(".journeymap-"))
            .collect();
        assert!(left.is_empty(), "{font} (exit {}): {left:?}\n{}", code(&out), stderr(&out));
    }
}
