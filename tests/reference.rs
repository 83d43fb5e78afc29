//! Reference images, as resvg keeps them: a few posters rendered to PNG
//! 600 px wide through the library and compared pixel by pixel with
//! `tests/reference/NAME.png`, which a person has looked at.
//!
//! The geometry tests say that nothing overlaps and nothing is lost; these
//! say that the poster still looks as it did — colours, weights, badges,
//! the curve — and make every visible change a reviewed change of a file.
//!
//! Tolerance: a pixel counts as different when one of its channels is more
//! than [`CHANNEL_TOLERANCE`] (2 of 255) off, which absorbs the last-bit
//! rounding of antialiasing on another CPU; at most [`MAX_DIFFERING`]
//! (0.1 %) of a poster's pixels may differ, about 250 on a 600 × 424 A2
//! poster: a moved line of text or a changed colour is far more.
//!
//! `UPDATE_REFS=1 cargo test --test reference` rewrites the references
//! instead of comparing; look at them before committing. On a failure the
//! test writes `target/reference-diff/NAME.png`: expected | diff | actual
//! side by side, the differing pixels red in the middle.

mod common;

use std::path::{Path, PathBuf};

use journeymap::render::{OutputFormat, Renderer};
use journeymap::text::Fonts;
use journeymap::theme::Theme;
use tiny_skia::Pixmap;

/// The posters' width in pixels: small enough for the repository, large
/// enough that a badge or a line of text is many pixels.
const WIDTH: u32 = 600;
/// A channel this far off (of 255) is not a difference.
const CHANNEL_TOLERANCE: u8 = 2;
/// The share of a poster's pixels that may differ.
const MAX_DIFFERING: f64 = 0.001;

/// Renders `map` in the built-in `theme` at the map's own page size.
fn render(map: &str, theme: &str) -> Vec<u8> {
    let journey = common::journey(map, &std::fs::read_to_string(map).expect("a readable map"));
    let theme = Theme::named(theme).expect("a built-in theme");
    let renderer = Renderer::new(Fonts::embedded());
    let document = renderer.layout(&journey, &theme).expect("the map's own size fits");
    renderer.export(&document, &theme, &OutputFormat::png_width(WIDTH)).expect("a PNG")
}

/// Renders `map` and compares it with `tests/reference/NAME.png`, or
/// rewrites that file when `UPDATE_REFS=1`.
fn check(name: &str, map: &str, theme: &str) {
    let actual = render(map, theme);
    let reference = Path::new("tests/reference").join(format!("{name}.png"));
    if std::env::var_os("UPDATE_REFS").is_some_and(|v| v == "1") {
        std::fs::write(&reference, &actual).expect("write the reference");
        return;
    }
    let expected = std::fs::read(&reference).unwrap_or_else(|e| {
        panic!("{}: {e}; make it with UPDATE_REFS=1 cargo test --test reference, and look at it", reference.display())
    });
    let expected = Pixmap::decode_png(&expected).expect("the reference is a PNG");
    let actual = Pixmap::decode_png(&actual).expect("we wrote a PNG");
    if let Err(problem) = compare(&expected, &actual) {
        let diff = diff_path(name);
        side_by_side(&expected, &actual).save_png(&diff).expect("write the diff image");
        panic!(
            "{name} ({map}, {theme}) differs from {}: {problem}; see {} (expected | diff | actual); \
             if the change is meant, UPDATE_REFS=1 cargo test --test reference",
            reference.display(),
            diff.display()
        );
    }
}

/// `target/reference-diff/NAME.png`, its folder made.
fn diff_path(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("target").join("reference-diff");
    std::fs::create_dir_all(&dir).expect("the diff folder");
    dir.join(format!("{name}.png"))
}

/// How far apart two pixels are: the largest channel difference.
fn distance(a: &[u8], b: &[u8]) -> u8 {
    a.iter().zip(b).map(|(x, y)| x.abs_diff(*y)).max().unwrap_or(0)
}

/// Whether `actual` matches `expected` within the tolerance; what differs
/// if not.
fn compare(expected: &Pixmap, actual: &Pixmap) -> Result<(), String> {
    let (we, he, wa, ha) = (expected.width(), expected.height(), actual.width(), actual.height());
    if (we, he) != (wa, ha) {
        return Err(format!("{wa} × {ha} px instead of {we} × {he}"));
    }
    let pairs = expected.data().chunks_exact(4).zip(actual.data().chunks_exact(4));
    let differing = pairs.filter(|(a, b)| distance(a, b) > CHANNEL_TOLERANCE).count();
    let total = expected.data().len() / 4;
    let allowed = (total as f64 * MAX_DIFFERING).floor() as usize;
    if differing > allowed {
        return Err(format!(
            "{differing} of {total} pixels differ by more than {CHANNEL_TOLERANCE} (at most {allowed} may)"
        ));
    }
    Ok(())
}

/// Expected | diff | actual, 8 grey pixels apart. In the diff a pixel off
/// by more than the tolerance is red, the stronger the further off; the
/// rest is the expected image faded, to show where the red lies.
fn side_by_side(expected: &Pixmap, actual: &Pixmap) -> Pixmap {
    const GAP: u32 = 8;
    let (w, h) = (expected.width().max(actual.width()), expected.height().max(actual.height()));
    let mut out = Pixmap::new(3 * w + 2 * GAP, h).expect("a non-empty image");
    out.fill(tiny_skia::Color::from_rgba8(128, 128, 128, 255));
    let at = |p: &Pixmap, x: u32, y: u32| -> Option<[u8; 4]> {
        (x < p.width() && y < p.height()).then(|| {
            let i = 4 * (y * p.width() + x) as usize;
            [p.data()[i], p.data()[i + 1], p.data()[i + 2], p.data()[i + 3]]
        })
    };
    let width = out.width();
    let data = out.data_mut();
    let mut put = |x: u32, y: u32, rgba: [u8; 4]| {
        let i = 4 * (y * width + x) as usize;
        data[i..i + 4].copy_from_slice(&rgba);
    };
    for y in 0..h {
        for x in 0..w {
            let (e, a) = (at(expected, x, y), at(actual, x, y));
            let middle = match (e, a) {
                (Some(e), Some(a)) if distance(&e, &a) <= CHANNEL_TOLERANCE => {
                    let grey = 200 + (u16::from(e[0]) + u16::from(e[1]) + u16::from(e[2])) / 3 * 55 / 255;
                    let grey = u8::try_from(grey).unwrap_or(255);
                    [grey, grey, grey, 255]
                }
                (Some(e), Some(a)) => [128u8.saturating_add(distance(&e, &a) / 2), 0, 0, 255],
                _ => [255, 0, 0, 255],
            };
            e.into_iter().for_each(|e| put(x, y, e));
            put(w + GAP + x, y, middle);
            a.into_iter().for_each(|a| put(2 * (w + GAP) + x, y, a));
        }
    }
    out
}

#[test]
fn airline_in_the_classic_theme() {
    // The README's sample: A2, every panel, validated.
    check("airline-classic", "samples/airline.toml", "classic");
}

#[test]
fn saas_onboarding_in_the_dark_theme() {
    // A draft at auto size on a dark page.
    check("saas-onboarding-dark", "samples/saas-onboarding.toml", "dark");
}

#[test]
fn clinic_visit_in_the_print_theme() {
    check("clinic-visit-print", "samples/clinic-visit.toml", "print");
}

#[test]
fn long_words_in_the_colour_blind_safe_theme() {
    // Words too long for a card, broken with hyphens.
    check("long-words-colour-blind-safe", "tests/maps/valid/long-words.toml", "colour-blind-safe");
}

#[test]
fn german_energy_in_german() {
    // German labels and long compounds, a draft on A2.
    check("german-energy-classic", "tests/maps/valid/german-energy.toml", "classic");
}

/// A `w` × `h` image of one colour.
fn plain(w: u32, h: u32, rgb: [u8; 3]) -> Pixmap {
    let mut p = Pixmap::new(w, h).expect("a size");
    p.fill(tiny_skia::Color::from_rgba8(rgb[0], rgb[1], rgb[2], 255));
    p
}

/// Sets the first `n` pixels of `p` to `rgb`.
fn paint_pixels(p: &mut Pixmap, n: usize, rgb: [u8; 3]) {
    for px in p.data_mut().chunks_exact_mut(4).take(n) {
        px.copy_from_slice(&[rgb[0], rgb[1], rgb[2], 255]);
    }
}

#[test]
fn the_comparison_allows_the_stated_tolerance_and_no_more() {
    // 100 × 100: 0.1 % is 10 pixels.
    let white = plain(100, 100, [255, 255, 255]);
    assert_eq!(compare(&white, &plain(100, 100, [253, 254, 255])), Ok(()), "2 levels everywhere is no difference");
    assert!(compare(&white, &plain(100, 100, [252, 255, 255])).is_err(), "3 levels everywhere is");
    let mut ten = white.clone();
    paint_pixels(&mut ten, 10, [0, 0, 0]);
    assert_eq!(compare(&white, &ten), Ok(()), "10 pixels of 10,000 may differ");
    let mut eleven = white.clone();
    paint_pixels(&mut eleven, 11, [0, 0, 0]);
    let said = compare(&white, &eleven).expect_err("11 may not");
    assert!(said.contains("11 of 10000 pixels"), "{said}");
    let said = compare(&white, &plain(100, 101, [255, 255, 255])).expect_err("another size");
    assert!(said.contains("100 × 101"), "{said}");
}

#[test]
fn a_reference_with_a_line_drawn_on_it_is_reported_with_a_diff_image() {
    let bytes = std::fs::read("tests/reference/airline-classic.png").expect("the airline reference");
    let expected = Pixmap::decode_png(&bytes).expect("a PNG");
    assert_eq!(compare(&expected, &expected), Ok(()));
    // A one-pixel black line down the middle: a few hundred pixels of a
    // quarter million, as a shifted rule or a lost letter would be.
    let mut actual = expected.clone();
    let (w, h) = (actual.width(), actual.height());
    for y in 0..h {
        let i = 4 * (y * w + w / 2) as usize;
        actual.data_mut()[i..i + 4].copy_from_slice(&[0, 0, 0, 255]);
    }
    assert!(compare(&expected, &actual).is_err(), "a line across the poster is a difference");
    let diff = side_by_side(&expected, &actual);
    assert_eq!((diff.width(), diff.height()), (3 * w + 16, h));
    let middle = |x: u32, y: u32| diff.pixel(w + 8 + x, y).map(|c| (c.red(), c.green(), c.blue()));
    let on_line = (0..h).filter(|&y| middle(w / 2, y).is_some_and(|(r, g, b)| r >= 128 && g == 0 && b == 0));
    assert!(on_line.count() > 0, "the line is red in the diff");
    assert!(middle(w / 2 + 1, 0).is_some_and(|(r, g, _)| r == g), "beside it, grey");
}
