//! `journeymap canvas` as a facilitator runs it: blank stage headers,
//! what the output says about the slots, refusals and their exit
//! statuses, the cards, tiles, and the language of a blank canvas.

mod common;

use std::path::Path;

use common::{code, stderr, stdout};

fn crate_file(relative: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(relative).display().to_string()
}

fn run(args: &[&str]) -> std::process::Output {
    let dir = tempfile::tempdir().expect("a temporary directory");
    common::run_in(dir.path(), args, None)
}

#[test]
fn stages_7_gives_seven_blank_numbered_headers() {
    let out = run(&["canvas", "--stages", "7", "--size", "A1", "-o", "-"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let svg = stdout(&out);
    let headers: Vec<&str> =
        svg.split("<g class=\"stage\"").skip(1).map(|h| h.split('>').next().unwrap_or("")).collect();
    assert_eq!(headers.len(), 7, "{headers:?}");
    for (i, header) in headers.iter().enumerate() {
        assert!(header.contains("data-stage=\"\""), "a blank header: {header}");
        assert!(header.contains(&format!("data-stage-number=\"{}\"", i + 1)), "{header}");
    }
    // The output says how many slots each stage has.
    let said = stderr(&out);
    assert!(said.contains("7 stages") && said.contains("sticky-note slots of 76 mm per stage"), "{said}");
}

#[test]
fn named_stages_head_their_columns() {
    let out = run(&["canvas", "--stages", "Awareness, Booking, Return", "--size", "A2", "-o", "-"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    for name in ["Awareness", "Booking", "Return"] {
        assert!(stdout(&out).contains(&format!("data-stage=\"{name}\"")), "{name}");
    }
}

#[test]
fn a_page_too_narrow_is_refused_with_a_size_and_a_tiling_that_fit() {
    let out = run(&["canvas", "--stages", "7", "--size", "A2", "--orientation", "portrait", "-o", "c.pdf"]);
    assert_eq!(code(&out), 1);
    let said = stderr(&out);
    assert!(said.contains("A2 portrait") && said.contains("76 mm"), "{said}");
    assert!(said.contains("--size A1 --orientation landscape") && said.contains("--tile A3"), "{said}");
    // What it suggests works.
    let dir = tempfile::tempdir().expect("a temporary directory");
    let args = ["canvas", "--stages", "7", "--size", "A1", "--orientation", "landscape", "--tile", "A3", "-o", "t.pdf"];
    let out = common::run_in(dir.path(), &args, None);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert!(stderr(&out).contains("pages of 297×420 mm"), "{}", stderr(&out));
    assert!(std::fs::read(dir.path().join("t.pdf")).expect("the tiles").starts_with(b"%PDF"));
}

#[test]
fn a_crowded_stage_is_named_in_a_warning() {
    let map = crate_file("tests/maps/canvas/crowded.toml");
    let out = run(&["canvas", &map, "--size", "A2", "-o", "-"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let said = stderr(&out);
    assert!(said.contains("warning: stage 2 'Checkout' has 12 touchpoints"), "{said}");
    assert!(said.contains("--cards"), "{said}");
    assert!(stdout(&out).contains("data-overflow="));
}

#[test]
fn cards_of_a_map_go_on_a4_sheets() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let map = crate_file("samples/airline.toml");
    let out = common::run_in(dir.path(), &["canvas", &map, "--cards", "-o", "cards.pdf", "-o", "cards.png"], None);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let said = stderr(&out);
    assert!(said.contains("cards: 22 touchpoints on 4 sheets of A4 portrait"), "{said}");
    assert!(said.contains("shows the first of the 4 sheets"), "{said}");
    assert!(said.contains("wrote cards.pdf (4 pages of 210×297 mm)"), "{said}");
    assert!(std::fs::read(dir.path().join("cards.png")).expect("a PNG").starts_with(b"\x89PNG"));
}

#[test]
fn what_cannot_go_together_is_a_usage_error() {
    let map = crate_file("samples/airline.toml");
    let cases: [&[&str]; 7] = [
        &["canvas", "--cards", "-o", "c.pdf"],
        &["canvas", &map, "--stages", "4", "-o", "c.pdf"],
        &["canvas", "--stages", "0", "-o", "c.pdf"],
        &["canvas", "--lang", "ja", "-o", "c.pdf"],
        &["canvas", "--stages", "4", "-o", "c.docx"],
        &["canvas", "--stages", "4", "--tile", "A3", "-o", "c.png"],
        &["canvas", &map, "--cards", "--tile", "A3", "-o", "c.pdf"],
    ];
    for args in cases {
        let out = run(args);
        assert_eq!(code(&out), 2, "{args:?}: {}", stderr(&out));
    }
    let out = run(&["canvas", crate_file("tests/maps/valid/minimal.toml").as_str(), "--cards", "-o", "c.pdf"]);
    assert_eq!(code(&out), 1, "no touchpoints: {}", stderr(&out));
    assert!(stderr(&out).contains("no touchpoints"));
}

#[test]
fn a_blank_canvas_speaks_the_language_asked() {
    let out = run(&["canvas", "--lang", "pl", "--stages", "3", "--size", "A2", "-o", "-"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let svg = stdout(&out);
    assert!(svg.contains("lang=\"pl\"") || svg.contains("Plansza warsztatowa"), "the Polish canvas");
    assert!(svg.contains("Co robią klienci?") && !svg.contains("What are customers doing?"));
}

#[test]
fn the_map_is_never_an_output() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let map = dir.path().join("map.svg");
    std::fs::write(&map, include_str!("../samples/airline.toml")).expect("a copy");
    let out = common::run_in(dir.path(), &["canvas", "map.svg", "-o", "map.svg"], None);
    assert_eq!(code(&out), 2, "{}", stderr(&out));
    assert_eq!(std::fs::read_to_string(&map).expect("the map"), include_str!("../samples/airline.toml"));
}
