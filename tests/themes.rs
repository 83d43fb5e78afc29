//! The built-in themes (SPEC §7): each parses and round-trips, keeps the
//! geometry guarantees, and keeps every line of text at WCAG AA against
//! the fill actually beneath it on the laid-out poster — checked from the
//! layout's geometry on every map, and from rendered pixels on one.

mod common;

use journeymap::contrast;
use journeymap::layout::{self, Item, Options, Transform};
use journeymap::model::{Paper, Size};
use journeymap::output::{self, Resolution};
use journeymap::paint::{self, SvgOptions};
use journeymap::text::Fonts;
use journeymap::theme::{BUILTIN_NAMES, Color, Role, Theme};

fn themes() -> Vec<Theme> {
    BUILTIN_NAMES.iter().map(|n| Theme::named(n).unwrap_or_else(|| panic!("{n} parses"))).collect()
}

#[test]
fn there_are_four_themes_and_each_keeps_the_geometry_guarantees() {
    let names: Vec<String> = themes().iter().map(|t| t.name.clone()).collect();
    assert_eq!(names, ["classic", "dark", "print", "colour-blind-safe"]);
    let fonts = Fonts::embedded();
    let mut failures = Vec::new();
    for theme in themes() {
        for (name, text) in common::valid_maps() {
            let journey = common::journey(&name, &text);
            for size in [Some(Size::Auto), Some(Size::Paper(Paper::A2))] {
                let doc = layout::layout(&journey, &theme, &fonts, &Options { size, ..Default::default() })
                    .unwrap_or_else(|e| panic!("{} {name} {size:?}: {e}", theme.name));
                for v in common::violations(&doc).into_iter().chain(common::missing_text(&doc, &journey)) {
                    failures.push(format!("{} {name} {size:?}: {v}", theme.name));
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn every_line_of_text_reaches_wcag_aa_on_what_it_is_drawn_on() {
    let fonts = Fonts::embedded();
    let mut failures = Vec::new();
    let mut lines = 0;
    for theme in themes() {
        for (name, text) in common::valid_maps() {
            let journey = common::journey(&name, &text);
            for size in [Some(Size::Auto), Some(Size::Paper(Paper::Slide))] {
                let Ok(doc) = layout::layout(&journey, &theme, &fonts, &Options { size, ..Default::default() }) else {
                    continue;
                };
                let pairs = contrast::pairings(&doc, &theme);
                lines += pairs.len();
                for p in pairs.iter().filter(|p| !p.passes()) {
                    failures.push(format!(
                        "{} {name}: {} on {} is {:.2}:1 (needs {}) — {:?} in {:?}",
                        theme.name,
                        p.ink.key(),
                        p.ground.key(),
                        p.ratio,
                        p.needed,
                        p.text,
                        p.within
                    ));
                }
            }
        }
    }
    assert!(lines > 5000, "only {lines} lines measured");
    assert!(failures.is_empty(), "{} lines below AA:\n{}", failures.len(), failures.join("\n"));
}

#[test]
fn a_theme_below_aa_is_caught_with_the_pair_and_the_place() {
    let text = std::fs::read_to_string("samples/airline.toml").expect("sample");
    let journey = common::journey("airline", &text);
    let mut theme = Theme::classic();
    // Muted captions on the label column, one shade apart.
    theme.colors.muted = Color { r: 0xD8, g: 0xD3, b: 0xCA };
    let doc = layout::layout(&journey, &theme, &Fonts::embedded(), &Options::default()).expect("layout");
    let failures = contrast::failures(&doc, &theme);
    let (pair, count) = failures
        .iter()
        .find(|(p, _)| p.ink == Role::Muted && p.ground == Role::LabelBand)
        .unwrap_or_else(|| panic!("muted on label band not found in {failures:#?}"));
    assert!(pair.ratio < 1.5 && *count > 3, "{pair:?} ×{count}");
    assert!(pair.within.as_deref().is_some_and(|id| id.starts_with("label-")), "{pair:?}");
    // Accent text on a card's surface (the DRAFT chip) is measured too.
    let mut theme = Theme::classic();
    theme.colors.accent = Color { r: 0xF0, g: 0xA0, b: 0x90 };
    let draft = text.replace("status = \"validated\"", "status = \"draft\"");
    let journey = common::journey("draft", &draft);
    let doc = layout::layout(&journey, &theme, &Fonts::embedded(), &Options::default()).expect("layout");
    let failures = contrast::failures(&doc, &theme);
    assert!(failures.iter().any(|(p, _)| p.ink == Role::Accent && p.ground == Role::Surface), "{failures:#?}");
}

#[test]
fn a_pain_wash_too_dark_for_the_text_on_it_is_caught() {
    // A pain card's wash is faint; a pain colour as dark as the ink would
    // drown the card's text, and the wash must count in the measure.
    let text = std::fs::read_to_string("samples/airline.toml").expect("sample");
    let journey = common::journey("airline", &text);
    let fine = Theme::classic();
    let doc = layout::layout(&journey, &fine, &Fonts::embedded(), &Options::default()).expect("layout");
    assert!(contrast::failures(&doc, &fine).is_empty());
    let mut theme = Theme::classic();
    theme.colors.pain = Color { r: 0, g: 0, b: 0 };
    theme.colors.muted = Color { r: 0x6E, g: 0x74, b: 0x80 };
    let doc = layout::layout(&journey, &theme, &Fonts::embedded(), &Options::default()).expect("layout");
    let failures = contrast::failures(&doc, &theme);
    let on_cards = failures
        .iter()
        .find(|(p, _)| p.ground == Role::Surface && p.within.as_deref().is_some_and(|w| w.starts_with("card-")));
    assert!(on_cards.is_some(), "{failures:#?}");
    // The same muted ink passes on cards without the wash.
    let plain = text.replace("\"pain\"", "\"essential\"");
    let journey = common::journey("no pains", &plain);
    let doc = layout::layout(&journey, &theme, &Fonts::embedded(), &Options::default()).expect("layout");
    let failures = contrast::failures(&doc, &theme);
    assert!(
        !failures.iter().any(|(p, _)| p.within.as_deref().is_some_and(|w| w.starts_with("card-"))),
        "{failures:#?}"
    );
}

/// The rendered pixels agree: inside the title's line box, the pixel
/// farthest from the page colour is the ink colour, at AA contrast.
#[test]
fn rendered_pixels_show_the_measured_contrast() {
    let text = std::fs::read_to_string("samples/airline.toml").expect("sample");
    let journey = common::journey("airline", &text);
    let fonts = Fonts::embedded();
    for theme in themes() {
        let doc = layout::layout(&journey, &theme, &fonts, &Options::default()).expect("layout");
        let svg = paint::svg(&doc, &theme, &fonts, SvgOptions { embed_fonts: false, ..SvgOptions::default() });
        let scale = 1.0;
        let png = output::png(&svg, &fonts, Resolution::Scale(scale)).expect("png");
        let image = decode(&png);
        let title = doc.find("title").expect("a title");
        let mut line = None;
        title.group.items.iter().for_each(|i| {
            if let (Item::Text(t), None) = (i, &line) {
                line = Some(Transform::IDENTITY.then(title.transform).apply_rect(t.bounds()));
            }
        });
        let bounds = line.expect("a title line");
        let page = doc.page().transform.scale * scale;
        let ground = theme.colors.background;
        let ink = theme.colors.ink;
        let far = image
            .pixels_in(bounds.x * page, bounds.y * page, bounds.right() * page, bounds.bottom() * page)
            .max_by(|a, b| a.contrast(ground).partial_cmp(&b.contrast(ground)).unwrap_or(std::cmp::Ordering::Equal))
            .expect("pixels");
        let close = |a: u8, b: u8| a.abs_diff(b) <= 6;
        assert!(
            close(far.r, ink.r) && close(far.g, ink.g) && close(far.b, ink.b),
            "{}: {far} is not {ink}",
            theme.name
        );
        assert!(far.contrast(ground) >= contrast::AA_TEXT, "{}: {:.2}", theme.name, far.contrast(ground));
    }
}

/// A decoded RGBA image.
struct Image {
    width: u32,
    height: u32,
    data: Vec<u8>,
}

impl Image {
    fn pixels_in(&self, x0: f64, y0: f64, x1: f64, y1: f64) -> impl Iterator<Item = Color> + '_ {
        let (x0, y0) = (x0.max(0.0) as u32, y0.max(0.0) as u32);
        let (x1, y1) = ((x1 as u32).min(self.width), (y1 as u32).min(self.height));
        (y0..y1).flat_map(move |y| (x0..x1).map(move |x| (x, y))).map(|(x, y)| {
            let i = ((y * self.width + x) * 4) as usize;
            Color { r: self.data[i], g: self.data[i + 1], b: self.data[i + 2] }
        })
    }
}

fn decode(png: &[u8]) -> Image {
    let pixmap = tiny_skia::Pixmap::decode_png(png).expect("our PNG decodes");
    Image { width: pixmap.width(), height: pixmap.height(), data: pixmap.data().to_vec() }
}

#[test]
fn a_theme_file_with_bad_values_gets_every_problem_located() {
    let text = Theme::classic()
        .to_toml()
        .replace("body = 16.0", "body = 1e-300")
        .replace("line_height = 1.35", "line_height = 9")
        .replace("badge = 20.0", "badge = 900.0");
    let source = journeymap::diag::Source::new("brand.toml", text.clone());
    let problems = Theme::from_source(&source).expect_err("three bad values");
    let found: Vec<(String, usize)> =
        problems.iter().map(|d| (d.key.clone(), source.locate(d.span.start).line)).collect();
    let line_of = |needle: &str| text.lines().position(|l| l.starts_with(needle)).map_or(0, |i| i + 1);
    assert_eq!(
        found,
        [
            ("type.body".to_owned(), line_of("body = ")),
            ("type.line_height".to_owned(), line_of("line_height = 9")),
            ("space.badge".to_owned(), line_of("badge = "))
        ]
    );
    assert!(problems[0].message.contains("not 1e-300"), "{}", problems[0].message);
    // A broken shape is one located error.
    let broken = journeymap::diag::Source::new("b.toml", "name = \"b\"\n[colors]\nbackground = \"red\"\n");
    let problems = Theme::from_source(&broken).expect_err("not a theme");
    assert_eq!(problems.len(), 1);
    assert_eq!(broken.locate(problems[0].span.start).line, 3);
}

/// The least CIELAB lightness (L*) between any two steps of the score
/// ramp: enough to tell them apart in greyscale print and with any colour
/// vision (DESIGN.md, "Colour").
const RAMP_STEP: f64 = 8.0;

/// What is wrong with a score ramp: steps that are not in order of
/// lightness (darkest to lightest, or the reverse) or closer than
/// `RAMP_STEP` in L*.
fn ramp_problems(ramp: &[Color; 5]) -> Vec<String> {
    let l: Vec<f64> = ramp.iter().map(|c| c.lightness()).collect();
    let mut problems = Vec::new();
    let rising = l[4] > l[0];
    if !l.windows(2).all(|w| (w[1] > w[0]) == rising) {
        problems.push(format!("L* {l:.1?} is not monotone"));
    }
    for i in 0..5 {
        for j in i + 1..5 {
            if (l[i] - l[j]).abs() < RAMP_STEP {
                problems.push(format!("scores {} and {} are {:.1} apart in L*", i + 1, j + 1, (l[i] - l[j]).abs()));
            }
        }
    }
    problems
}

#[test]
fn every_score_ramp_reads_in_greyscale_as_a_sequence() {
    let mut failures = Vec::new();
    for theme in themes() {
        failures.extend(ramp_problems(&theme.colors.score).into_iter().map(|p| format!("{}: {p}", theme.name)));
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    // The classic ramp before it was redesigned: L* 38, 55, 53, 58, 43,
    // so 2, 3 and 4 print alike and 1 like 5.
    let old = ["#B2182B", "#D6604D", "#7F7F7F", "#4393C3", "#2166AC"].map(|h| Color::from_hex(h).unwrap());
    let problems = ramp_problems(&old);
    for pair in ["scores 2 and 3", "scores 2 and 4", "scores 3 and 4", "scores 1 and 5", "not monotone"] {
        assert!(problems.iter().any(|p| p.contains(pair)), "{pair} not caught: {problems:?}");
    }
}

/// No theme draws a pain or a moment of truth (the star and the frame of
/// the card to fix first) in green, the colour of "good". Green is
/// `Color::reads_as_green`: a CIELAB hue of 105°–200° with a chroma above
/// 15.
fn green_for_bad_things(theme: &Theme) -> Vec<String> {
    [Role::Pain, Role::MomentOfTruth]
        .into_iter()
        .map(|role| (role, theme.colors.get(role)))
        .filter(|(_, c)| c.reads_as_green())
        .map(|(role, c)| format!("{}: {} ({c}) reads as green", theme.name, role.key()))
        .collect()
}

#[test]
fn no_theme_draws_pains_or_moments_of_truth_in_green() {
    let failures: Vec<String> = themes().iter().flat_map(green_for_bad_things).collect();
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    // The colour-blind-safe theme's old moment-of-truth colour, Okabe–Ito
    // bluish green, is caught; so is a green pain.
    let mut theme = Theme::named("colour-blind-safe").unwrap();
    theme.colors.moment_of_truth = Color::from_hex("#009E73").unwrap();
    let mut classic = Theme::classic();
    classic.colors.pain = classic.colors.strength;
    let caught = [green_for_bad_things(&theme), green_for_bad_things(&classic)].concat();
    assert_eq!(caught.len(), 2, "{caught:?}");
    assert!(caught[0].contains("moment_of_truth (#009E73)"), "{caught:?}");
    assert!(caught[1].contains("classic: pain (#198A4A)"), "{caught:?}");
}
