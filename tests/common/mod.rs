//! Shared checks for the poster guarantees (SPEC §4), used by several test
//! files. Each returns the list of violations, empty when all is well, so
//! a failure names every problem at once.
#![allow(dead_code)] // Each test file uses a different part.

use journeymap::layout::{Poster, Rect};
use journeymap::model::Journey;
use journeymap::parse::{Options, parse_str};

/// Parses a map that must be free of errors.
pub(crate) fn journey(name: &str, text: &str) -> Journey {
    let parsed = parse_str(name, text, &Options::default());
    let errors: Vec<_> = parsed.diagnostics.iter().filter(|d| d.is_error()).collect();
    assert!(errors.is_empty(), "{name}: {errors:#?}");
    parsed.journey.expect("no errors, so a journey")
}

/// Every geometric guarantee: text and items inside their boxes, boxes
/// inside their regions, regions on the canvas, no two boxes of a region
/// overlapping, no two regions overlapping.
pub(crate) fn violations(poster: &Poster) -> Vec<String> {
    let mut v = Vec::new();
    let canvas = Rect::new(0.0, 0.0, poster.view.width, poster.view.height);
    for region in &poster.regions {
        let kind = region.kind.as_str();
        if !canvas.contains(&region.rect) {
            v.push(format!("region {kind} {:?} is off the canvas {canvas:?}", region.rect));
        }
        for item in &region.decorations {
            if !region.rect.contains(&item.bounds()) {
                v.push(format!("a decoration of {kind} lies outside it"));
            }
            for block in &region.blocks {
                if block.rect.overlaps(&item.bounds()) {
                    v.push(format!("a decoration of {kind} overlaps {}", block.id));
                }
            }
        }
        for (i, block) in region.blocks.iter().enumerate() {
            if !region.rect.contains(&block.rect) {
                v.push(format!("{} {:?} lies outside region {kind} {:?}", block.id, block.rect, region.rect));
            }
            for item in &block.items {
                let b = item.bounds();
                if !block.rect.contains(&b) {
                    let what = match item {
                        journeymap::layout::Item::Text(t) => format!("text {:?}", t.text()),
                        other => format!("{other:?}").chars().take(40).collect(),
                    };
                    v.push(format!("{what} {b:?} overflows {} {:?}", block.id, block.rect));
                }
            }
            for other in &region.blocks[i + 1..] {
                if block.rect.overlaps(&other.rect) {
                    v.push(format!("{} {:?} overlaps {} {:?}", block.id, block.rect, other.id, other.rect));
                }
            }
        }
    }
    for (i, a) in poster.regions.iter().enumerate() {
        for b in &poster.regions[i + 1..] {
            if a.rect.overlaps(&b.rect) {
                v.push(format!("regions {} and {} overlap", a.kind.as_str(), b.kind.as_str()));
            }
        }
    }
    let mut ids: Vec<&str> = poster.blocks().map(|b| b.id.as_str()).collect();
    ids.sort_unstable();
    for pair in ids.windows(2) {
        if pair[0] == pair[1] {
            v.push(format!("id {} is used twice", pair[0]));
        }
    }
    v
}

/// Nothing lost: every touchpoint name, stage name and the title appear in
/// the poster's text (white space aside, since wrapping changes it).
pub(crate) fn missing_text(poster: &Poster, journey: &Journey) -> Vec<String> {
    // Wrapping changes white space and may add break hyphens (U+2010).
    let squash = |s: &str| s.split_whitespace().collect::<String>().replace(journeymap::text::BREAK_HYPHEN, "");
    let block_text = |id: &str| -> String {
        poster.blocks().filter(|b| b.id == id).flat_map(|b| b.lines()).map(|l| squash(&l.text())).collect()
    };
    let mut v = Vec::new();
    if !block_text("title").contains(&squash(&journey.title)) {
        v.push("the title is not shown whole".to_owned());
    }
    for (i, stage) in journey.stages.iter().enumerate() {
        if !block_text(&format!("stage-{}", i + 1)).contains(&squash(&stage.name)) {
            v.push(format!("stage {:?} is not shown whole", stage.name));
        }
        for (j, t) in stage.touchpoints.iter().enumerate() {
            if !block_text(&format!("card-{}-{}", i + 1, j + 1)).contains(&squash(&t.name)) {
                v.push(format!("touchpoint {:?} is not shown whole", t.name));
            }
        }
    }
    v
}

/// Nothing lost from the cards: each card has one badge per mark, pips
/// when it has a score, and a star when it is a moment of truth.
pub(crate) fn missing_marks(poster: &Poster, journey: &Journey) -> Vec<String> {
    use journeymap::layout::Item;
    let mut v = Vec::new();
    for (i, stage) in journey.stages.iter().enumerate() {
        for (j, t) in stage.touchpoints.iter().enumerate() {
            let id = format!("card-{}-{}", i + 1, j + 1);
            let Some(card) = poster.blocks().find(|b| b.id == id) else {
                v.push(format!("{id} is missing"));
                continue;
            };
            let mut badges: Vec<_> = card
                .items
                .iter()
                .filter_map(|i| match i {
                    Item::Badge { mark, .. } => Some(*mark),
                    _ => None,
                })
                .collect();
            badges.sort();
            let mut marks = t.marks.clone();
            marks.sort();
            if badges != marks {
                v.push(format!("{id}: badges {badges:?} for marks {marks:?}"));
            }
            let pips = card.items.iter().any(|i| matches!(i, Item::Pips { .. }));
            if pips != t.score.is_some() {
                v.push(format!("{id}: score {:?} but pips drawn: {pips}", t.score));
            }
            let star = card.items.iter().any(|i| matches!(i, Item::Star { .. }));
            if star != t.moment_of_truth {
                v.push(format!("{id}: moment of truth {} but star drawn: {star}", t.moment_of_truth));
            }
        }
    }
    v
}

/// Whether every text line is at least `min_px` at print size.
pub(crate) fn smallest_text(poster: &Poster) -> f64 {
    poster.blocks().flat_map(|b| b.lines()).map(|l| l.size * poster.scale).fold(f64::INFINITY, f64::min)
}

/// Every map that must be valid: the samples and `tests/maps/valid`, as
/// (path, text), in a stable order.
pub(crate) fn valid_maps() -> Vec<(String, String)> {
    let mut maps = Vec::new();
    for dir in ["samples", "tests/maps/valid"] {
        let mut paths: Vec<_> = std::fs::read_dir(dir)
            .expect("map folder")
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|e| e == "toml"))
            .collect();
        paths.sort();
        for p in paths {
            maps.push((p.display().to_string(), std::fs::read_to_string(&p).expect("readable map")));
        }
    }
    maps
}

/// Runs the journeymap binary in `dir` with `args`, feeding `stdin` (or
/// nothing), without colour.
pub(crate) fn run_in(dir: &std::path::Path, args: &[&str], stdin: Option<&[u8]>) -> std::process::Output {
    use std::io::Write;
    use std::process::{Command, Stdio};
    let mut child = Command::new(env!("CARGO_BIN_EXE_journeymap"))
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .stdin(if stdin.is_some() { Stdio::piped() } else { Stdio::null() })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the journeymap binary starts");
    if let Some(input) = stdin {
        let mut pipe = child.stdin.take().expect("a stdin pipe");
        // The binary may stop reading early (an over-long input): a broken
        // pipe here is its business, judged by its exit status.
        let _ = pipe.write_all(input);
    }
    child.wait_with_output().expect("the journeymap binary runs")
}

/// The exit status of a finished run.
pub(crate) fn code(output: &std::process::Output) -> i32 {
    output.status.code().expect("an exit status, not a signal")
}

/// A run's standard output as text.
pub(crate) fn stdout(output: &std::process::Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// A run's standard error as text.
pub(crate) fn stderr(output: &std::process::Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// The guarantee as the renderer sees it: paints the poster, parses it with
/// usvg and checks that every text of every group with an id lies inside
/// the group's first rect, by usvg's own bounding boxes.
pub(crate) fn rendered_violations(
    poster: &Poster,
    theme: &journeymap::theme::Theme,
    fonts: &journeymap::text::Fonts,
) -> Vec<String> {
    use journeymap::paint::{self, SvgOptions};
    let svg = paint::svg(poster, theme, fonts, SvgOptions { embed_fonts: false, ..SvgOptions::default() });
    let tree = journeymap::output::tree(&svg, fonts).expect("our SVG parses");
    let mut violations = Vec::new();
    check_group(tree.root(), poster.scale as f32, &mut violations);
    violations
}

/// The SVG writes view coordinates to 0.01 px (a text's position may move
/// by half of that); usvg reports page coordinates, `scale` times larger.
fn usvg_contains(outer: usvg::Rect, inner: usvg::Rect, scale: f32) -> bool {
    let slack = 0.006 * scale;
    inner.left() >= outer.left() - slack
        && inner.top() >= outer.top() - slack
        && inner.right() <= outer.right() + slack
        && inner.bottom() <= outer.bottom() + slack
}

fn usvg_texts(node: &usvg::Node, out: &mut Vec<usvg::Rect>) {
    match node {
        usvg::Node::Text(t) => out.push(t.abs_bounding_box()),
        usvg::Node::Group(g) => g.children().iter().for_each(|c| usvg_texts(c, out)),
        _ => {}
    }
}

/// Checks every group with an id; returns the violations.
fn check_group(group: &usvg::Group, scale: f32, violations: &mut Vec<String>) {
    if !group.id().is_empty() {
        let bounds = group.children().iter().find_map(|c| match c {
            usvg::Node::Path(p) => Some(p.abs_bounding_box()),
            _ => None,
        });
        let mut found = Vec::new();
        group.children().iter().for_each(|c| usvg_texts(c, &mut found));
        match bounds {
            Some(rect) => {
                for t in found.iter().filter(|t| !usvg_contains(rect, **t, scale)) {
                    violations.push(format!("#{}: text {t:?} outside {rect:?}", group.id()));
                }
            }
            None if !found.is_empty() => violations.push(format!("#{}: text but no bounding rect", group.id())),
            None => {}
        }
    }
    for child in group.children() {
        if let usvg::Node::Group(g) = child {
            check_group(g, scale, violations);
        }
    }
}
