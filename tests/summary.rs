//! The summary layout (SPEC §4.1): which pages get it, the type floors it
//! keeps (measured on the laid-out text, not on the theme), what it leaves
//! out and how it refuses; and a page sized in pixels giving a PNG of
//! exactly those pixels.

mod common;

use journeymap::layout::{self, Arrangement, Document, Item, Options, PosterLayout, TypeFloor};
use journeymap::model::{Journey, Orientation, Paper, Size};
use journeymap::text::Fonts;
use journeymap::theme::Theme;

const SAMPLES: [&str; 3] = ["samples/airline.toml", "samples/clinic-visit.toml", "samples/saas-onboarding.toml"];

/// The pairs of sample and page refused as too small; every other pair
/// lays out. A change here is a change in what fits, for a person to look
/// at.
const REFUSED: &[(&str, Paper, Orientation)] = &[
    ("samples/airline.toml", Paper::A5, Orientation::Portrait),
    ("samples/airline.toml", Paper::A6, Orientation::Landscape),
    ("samples/airline.toml", Paper::A6, Orientation::Portrait),
    ("samples/clinic-visit.toml", Paper::A6, Orientation::Landscape),
    ("samples/clinic-visit.toml", Paper::A6, Orientation::Portrait),
    ("samples/saas-onboarding.toml", Paper::A6, Orientation::Landscape),
    ("samples/saas-onboarding.toml", Paper::A6, Orientation::Portrait),
];

fn sample(path: &str) -> Journey {
    common::journey(path, &std::fs::read_to_string(path).expect("a readable map"))
}

fn lay(journey: &Journey, options: &Options) -> Result<Document, layout::LayoutError> {
    layout::layout(journey, &Theme::classic(), &Fonts::embedded(), options)
}

/// Every text line's size on the first page, in page px.
fn text_sizes(document: &Document) -> Vec<f64> {
    let page = document.page();
    let mut sizes = Vec::new();
    page.frame.walk(&mut |_, item| {
        if let Item::Text(line) = item {
            sizes.push(line.size * page.transform.scale);
        }
    });
    sizes
}

/// What breaks the floor the page's layout promises: the body size, set
/// from the theme, measured as the page's scale; and the smallest line
/// against the 6 pt print minimum (a screen has no print minimum).
fn floor_violations(document: &Document, size: Size) -> Vec<String> {
    let theme = Theme::classic();
    let page = document.page();
    let body_px = theme.type_scale.body * page.transform.scale;
    let pt = |px: f64| px * 72.0 / 96.0;
    let mut v = Vec::new();
    if let Arrangement::Summary { floor, .. } = document.arrangement {
        match floor {
            TypeFloor::BodyPt(min) if pt(body_px) < min - 1e-6 => {
                v.push(format!("body {:.2} pt under {min} pt", pt(body_px)));
            }
            TypeFloor::BodyPx(min) if body_px < min - 1e-6 => v.push(format!("body {body_px:.2} px under {min} px")),
            _ => {}
        }
    }
    let screen = matches!(size, Size::Paper(Paper::Slide));
    let smallest = text_sizes(document).into_iter().fold(f64::INFINITY, f64::min);
    if !screen && pt(smallest) < 6.0 - 1e-6 {
        v.push(format!("a line at {:.2} pt", pt(smallest)));
    }
    v
}

#[test]
fn every_sample_at_every_size_keeps_its_floor_or_is_refused_honestly() {
    let mut refused = Vec::new();
    let mut failures = Vec::new();
    for path in SAMPLES {
        let journey = sample(path);
        for paper in Paper::ALL {
            for orientation in [Orientation::Landscape, Orientation::Portrait] {
                let size = Size::Paper(paper);
                let options = Options { size: Some(size), orientation: Some(orientation), ..Default::default() };
                let at = format!("{path} {paper:?} {orientation:?}");
                match lay(&journey, &options) {
                    Ok(doc) => {
                        let summary = matches!(doc.arrangement, Arrangement::Summary { .. });
                        // A handout or a screen always gets the summary.
                        if PosterLayout::for_size(size) == PosterLayout::Summary && !summary {
                            failures.push(format!("{at}: a full poster on a handout or screen"));
                        }
                        failures.extend(floor_violations(&doc, size).into_iter().map(|v| format!("{at}: {v}")));
                        failures.extend(common::violations(&doc).into_iter().map(|v| format!("{at}: {v}")));
                        failures.extend(common::missing_text(&doc, &journey).into_iter().map(|v| format!("{at}: {v}")));
                    }
                    Err(e) => {
                        if let Some(wrong) = common::check_refusal(&journey, size, Some(orientation), &e) {
                            failures.push(format!("{at}: {wrong}"));
                        }
                        refused.push((path, paper, orientation));
                    }
                }
            }
        }
    }
    assert!(failures.is_empty(), "{} failures:\n{}", failures.len(), failures.join("\n"));
    assert_eq!(refused, REFUSED, "the pages refused as too small");
}

#[test]
fn the_floor_check_catches_text_under_the_floor() {
    // The check measures the layout: told the page promised more than it
    // set, it must say so.
    let journey = sample("samples/saas-onboarding.toml");
    let a4 = Size::Paper(Paper::A4);
    let mut doc = lay(&journey, &Options { size: Some(a4), ..Default::default() }).expect("the summary fits A4");
    assert!(floor_violations(&doc, a4).is_empty());
    doc.arrangement = Arrangement::Summary { fell_back: false, brief: false, floor: TypeFloor::BodyPt(30.0) };
    assert!(!floor_violations(&doc, a4).is_empty(), "its body text is under 30 pt");
    doc.arrangement = Arrangement::Summary { fell_back: false, brief: false, floor: TypeFloor::BodyPx(100.0) };
    assert!(!floor_violations(&doc, a4).is_empty(), "its body text is under 100 px");
}

#[test]
fn a_slide_sets_body_text_at_24_px_and_names_its_trims() {
    let journey = sample("samples/airline.toml");
    let options = Options { size: Some(Size::Paper(Paper::Slide)), ..Default::default() };
    let doc = lay(&journey, &options).expect("the airline summary fits a slide");
    let Arrangement::Summary { fell_back, brief, floor } = doc.arrangement else { panic!("a slide is a summary") };
    assert!(!fell_back, "the summary is the slide's own layout, not a fallback");
    assert_eq!(floor, TypeFloor::BodyPx(24.0));
    // Seven stages at 24 px leave no room for the health strip and the
    // details, and the document says so for the render to report.
    assert!(brief);
    assert!(doc.left_out.contains(&journeymap::model::Panel::HEALTH), "{:?}", doc.left_out);
    assert_eq!(doc.priorities_cap, Some(3));
    assert!(doc.find("curve").is_some() && doc.find("headline").is_some() && doc.find("priorities").is_some());
    assert!(doc.find("touchpoints").is_none() && doc.find("footer").is_none());
    let smallest_body = Theme::classic().type_scale.body * doc.page().transform.scale;
    assert!(smallest_body >= 24.0, "{smallest_body}");
}

#[test]
fn a_large_page_falls_back_to_the_summary_unless_the_full_poster_is_asked_for() {
    let journey = sample("tests/maps/valid/twelve-stages.toml");
    let a3 = Options { size: Some(Size::Paper(Paper::A3)), ..Default::default() };
    let doc = lay(&journey, &a3).expect("the summary fits A3");
    assert!(matches!(doc.arrangement, Arrangement::Summary { fell_back: true, .. }), "{:?}", doc.arrangement);
    let full = Options { layout: Some(PosterLayout::Full), ..a3 };
    let err = lay(&journey, &full).expect_err("the full poster does not fit A3");
    assert!(err.to_string().contains("6 pt for its smallest text"), "{err}");
    assert_eq!(common::check_refusal(&journey, Size::Paper(Paper::A3), None, &err), None);
    // And the summary by name on a wall-sized page.
    let a1 = Options { size: Some(Size::Paper(Paper::A1)), layout: Some(PosterLayout::Summary), ..Default::default() };
    let doc = lay(&journey, &a1).expect("the summary on A1");
    assert!(matches!(doc.arrangement, Arrangement::Summary { fell_back: false, .. }));
    assert!(doc.find("card-1-1").is_none());
}

#[test]
fn a_page_in_pixels_is_a_png_of_those_pixels() {
    let dir = tempfile_dir("pixels");
    let png = dir.join("slide.png");
    let run = |args: &[&str]| {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_journeymap")).args(args).output().expect("runs");
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        String::from_utf8_lossy(&out.stderr).into_owned()
    };
    let png_arg = png.to_str().expect("utf-8 path");
    let said = run(&["render", "samples/airline.toml", "--size", "Slide", "-o", png_arg]);
    assert_eq!(png_size(&png), (1920, 1080));
    assert!(said.contains("page 1920×1080 px: body text 2"), "{said}");
    assert!(said.contains("(1920×1080 px)"), "{said}");
    run(&["render", "samples/airline.toml", "--size", "800x450px", "-o", png_arg]);
    assert_eq!(png_size(&png), (800, 450));
    // A resolution given wins.
    run(&["render", "samples/airline.toml", "--size", "Slide", "--scale", "0.5", "-o", png_arg]);
    assert_eq!(png_size(&png), (960, 540));
    // Paper keeps 150 dpi: A4 landscape is 1754 px wide.
    run(&["render", "samples/airline.toml", "--size", "A4", "-o", png_arg]);
    assert_eq!(png_size(&png).0, 1754);
    let _ = std::fs::remove_dir_all(dir);
}

fn tempfile_dir(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("journeymap-summary-{name}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("a temporary folder");
    dir
}

/// A PNG's width and height, from its IHDR chunk.
fn png_size(path: &std::path::Path) -> (u32, u32) {
    let bytes = std::fs::read(path).expect("the PNG");
    let be = |at: usize| u32::from_be_bytes([bytes[at], bytes[at + 1], bytes[at + 2], bytes[at + 3]]);
    (be(16), be(20))
}

/// The words of stage names that no single line on the page holds whole:
/// a name broken across lines ("Aware-" over "ness").
fn broken_names(doc: &Document, journey: &Journey) -> Vec<String> {
    let page = doc.page();
    let mut lines = Vec::new();
    page.frame.walk(&mut |_, item| {
        if let Item::Text(line) = item {
            lines.push(line.text());
        }
    });
    let words = journey.stages.iter().flat_map(|s| s.name.split_whitespace());
    words.filter(|w| !lines.iter().any(|l| l.contains(*w))).map(str::to_owned).collect()
}

#[test]
fn the_summary_grows_its_type_only_as_far_as_stage_names_stay_whole() {
    let mut broken = Vec::new();
    for path in SAMPLES {
        let journey = sample(path);
        // A4 and Letter portrait too: seven stages there keep "Awareness"
        // whole only with the tighter gutters and padding.
        for (size, orientation) in [
            (Size::Paper(Paper::Slide), None),
            (Size::Paper(Paper::A4), Some(Orientation::Landscape)),
            (Size::Paper(Paper::A4), Some(Orientation::Portrait)),
            (Size::Paper(Paper::Letter), Some(Orientation::Landscape)),
            (Size::Paper(Paper::Letter), Some(Orientation::Portrait)),
            (Size::Paper(Paper::A3), Some(Orientation::Portrait)),
        ] {
            let options = Options { size: Some(size), orientation, ..Default::default() };
            let doc = lay(&journey, &options).expect("the summary fits");
            broken.extend(broken_names(&doc, &journey).into_iter().map(|w| format!("{path} {size:?}: {w}")));
        }
    }
    assert!(broken.is_empty(), "stage names broken: {broken:?}");
    // The check sees a name that cannot stay whole even at the floor.
    let mut journey = sample("samples/airline.toml");
    journey.stages[0].name = "Donaudampfschifffahrtsgesellschaftskapitänswitwe".to_owned();
    let a4 =
        Options { size: Some(Size::Paper(Paper::A4)), orientation: Some(Orientation::Landscape), ..Default::default() };
    let doc = lay(&journey, &a4).expect("the summary fits");
    assert_eq!(broken_names(&doc, &journey), ["Donaudampfschifffahrtsgesellschaftskapitänswitwe"]);
}

#[test]
fn a_map_not_yet_assessed_prints_its_whole_poster_on_a_handout() {
    let a4 =
        Options { size: Some(Size::Paper(Paper::A4)), orientation: Some(Orientation::Portrait), ..Default::default() };
    let path = "tests/maps/valid/no-marks.toml";
    let mut journey = sample(path);
    let doc = lay(&journey, &a4).expect("fits A4");
    assert!(common::has_cards(&doc), "the whole poster, with its cards");
    assert!(!matches!(doc.arrangement, Arrangement::Summary { .. }));
    // At the summary's floor: 9 pt body text on A4.
    let body_pt = Theme::classic().type_scale.body * doc.page().transform.scale * 72.0 / 96.0;
    assert!(body_pt >= 9.0 - 1e-6, "body text {body_pt:.2} pt");
    // One touchpoint scored, the map has a story: the handout is the summary.
    journey.stages[0].touchpoints[0].score = Some(journeymap::model::Score::new(2).expect("a score"));
    let doc = lay(&journey, &a4).expect("fits A4");
    assert!(matches!(doc.arrangement, Arrangement::Summary { .. }) && !common::has_cards(&doc));
}
