//! Shared checks for the poster guarantees (SPEC §4), used by several test
//! files. Each returns the list of violations, empty when all is well, so
//! a failure names every problem at once.
#![allow(dead_code)] // Each test file uses a different part.

use journeymap::layout::{EPSILON, Poster, Rect};
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
    let squash = |s: &str| s.split_whitespace().collect::<String>();
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

/// Whether every text line is at least `min_px` at print size.
pub(crate) fn smallest_text(poster: &Poster) -> f64 {
    poster.blocks().flat_map(|b| b.lines()).map(|l| l.size * poster.scale).fold(f64::INFINITY, f64::min)
}

/// A tolerance-aware "a ≤ b".
pub(crate) fn le(a: f64, b: f64) -> bool {
    a <= b + EPSILON
}
