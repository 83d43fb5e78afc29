//! The render request as a library user makes it: one call returns every
//! output's bytes with its destination, nothing written, and typed notes.

use std::path::{Path, PathBuf};

use journeymap::model::{Paper, Size};
use journeymap::parse::{self, Parsed};
use journeymap::render::{
    Destination, Furniture, Job, Medium, Note, Output, OutputFormat, OwnerCopies, RenderError, Renderer, Request,
    RequestError, Target,
};
use journeymap::text::Fonts;

const SMALL: &str = r#"
title = "Flying Nordic Air"
[[stage]]
name = "Awareness"
  [[stage.touchpoint]]
  name = "Colleague recommendation"
  owner = "Marketing"
  marks = ["essential", "pain"]
  action = "Referral bonus"
[[stage]]
name = "Purchase"
  [[stage.touchpoint]]
  name = "Booking site"
  owner = "Digital"
  marks = ["strength"]
"#;

fn airline() -> Parsed {
    parse::parse_file(&Path::new(env!("CARGO_MANIFEST_DIR")).join("samples/airline.toml")).expect("the sample")
}

fn small() -> Parsed {
    parse::parse_str("small.toml", SMALL, &parse::Options::default())
}

fn file(name: &str, format: OutputFormat) -> Output {
    Output::new(Target::File(PathBuf::from(name)), format)
}

fn render(map: Parsed, job: Job) -> Result<journeymap::render::Rendered, RenderError> {
    Renderer::new(Fonts::embedded()).render(&Request::new(map, job))
}

#[test]
fn two_outputs_come_back_both_with_their_destinations_and_nothing_is_written() {
    let dir = tempfile::tempdir().expect("a folder");
    let svg = dir.path().join("map.svg");
    let job = Job {
        outputs: vec![
            Output::new(Target::File(svg.clone()), OutputFormat::svg()),
            Output::new(Target::Stdout, OutputFormat::png_width(300)),
        ],
        ..Job::default()
    };
    let rendered = render(small(), job).expect("renders");
    assert_eq!(rendered.outputs.len(), 2);
    assert_eq!(rendered.outputs[0].destination, Destination::File(svg.clone()));
    assert!(rendered.outputs[0].bytes.starts_with(b"<svg"));
    assert_eq!(rendered.outputs[1].destination, Destination::Stdout);
    assert!(rendered.stdout().is_some_and(|png| png.starts_with(b"\x89PNG")));
    assert_eq!(rendered.files(), [(svg.as_path(), rendered.outputs[0].bytes.as_slice())]);
    assert!(!svg.exists(), "the caller writes");
}

#[test]
fn per_owner_returns_one_copy_per_owner_in_each_format() {
    let job = Job {
        outputs: vec![file("all.svg", OutputFormat::svg())],
        per_owner: Some(OwnerCopies {
            folder: PathBuf::from("copies"),
            formats: vec![OutputFormat::svg(), OutputFormat::Pdf],
        }),
        ..Job::default()
    };
    let rendered = render(small(), job).expect("renders");
    let copies: Vec<_> = rendered.outputs.iter().filter(|o| o.owner.is_some()).collect();
    assert_eq!(copies.len(), 4, "two owners, two formats");
    let names: Vec<_> = copies
        .iter()
        .map(|o| match &o.destination {
            Destination::File(path) => path.clone(),
            other => panic!("a copy goes to a file, not {other:?}"),
        })
        .collect();
    assert!(names.contains(&Path::new("copies").join("marketing.svg")));
    assert!(names.contains(&Path::new("copies").join("digital.pdf")));
    assert!(copies.iter().any(|o| o.owner.as_deref() == Some("Digital") && o.bytes.starts_with(b"%PDF")));
    assert_eq!(rendered.outputs[0].owner, None, "the whole poster first");
}

#[test]
fn per_owner_of_a_map_without_owners_is_an_error() {
    let map = parse::parse_str("m.toml", "title = \"T\"\n[[stage]]\nname = \"A\"\n", &parse::Options::default());
    let copies = OwnerCopies { folder: PathBuf::from("c"), formats: vec![OutputFormat::svg()] };
    let job = Job { per_owner: Some(copies), ..Job::default() };
    assert!(matches!(render(map, job), Err(RenderError::NoOwners)));
}

#[test]
fn a_deck_request_returns_numbered_slides_and_a_note_on_them() {
    let job = Job {
        medium: Medium::Deck,
        outputs: vec![Output::new(Target::Folder(PathBuf::from("slides")), OutputFormat::png_width(192))],
        ..Job::default()
    };
    let rendered = render(small(), job).expect("renders");
    let Some(Note::Deck(deck)) = rendered.notes.first() else { panic!("a deck note: {:?}", rendered.notes) };
    assert_eq!(rendered.outputs.len(), deck.slides.len());
    assert_eq!(rendered.sheet.pages, deck.slides.len());
    assert_eq!(rendered.outputs[0].destination, Destination::File(Path::new("slides").join("slide-01.png")));
    assert!(rendered.outputs.iter().all(|o| o.bytes.starts_with(b"\x89PNG")));
    assert!(deck.smallest_px >= 18.0 - 1e-6, "no slide text under 18 px: {}", deck.smallest_px);
}

#[test]
fn notes_are_typed_values() {
    let job = Job { outputs: vec![file("a.svg", OutputFormat::svg())], ..Job::default() };
    let rendered = render(small(), job).expect("renders");
    let Some(Note::PageType(page)) = rendered.notes.first() else { panic!("{:?}", rendered.notes) };
    assert!(page.body_pt >= 6.0 && page.width_mm > 0.0);
    // An automatic size hears of the closest paper.
    assert!(rendered.notes.iter().any(|n| matches!(n, Note::ClosestPaper(_))), "{:?}", rendered.notes);
    // A fixed size does not.
    let job =
        Job { size: Some(Size::Paper(Paper::A3)), outputs: vec![file("a.svg", OutputFormat::svg())], ..Job::default() };
    let rendered = render(small(), job).expect("renders");
    assert!(!rendered.notes.iter().any(|n| matches!(n, Note::ClosestPaper(_))));
}

#[test]
fn a_bleed_request_says_so_in_its_sheet() {
    let job = Job {
        furniture: Some(Furniture::Bleed { mm: 3.0 }),
        outputs: vec![file("print.pdf", OutputFormat::Pdf)],
        ..Job::default()
    };
    let rendered = render(airline(), job).expect("renders");
    assert!(rendered.sheet.bleed_mm.is_some_and(|mm| (mm - 3.0).abs() < 0.01), "{:?}", rendered.sheet);
    assert!(rendered.outputs[0].bytes.starts_with(b"%PDF"));
}

#[test]
fn map_errors_stay_diagnostics() {
    let map = parse::parse_str("bad.toml", "title = \"T\"\n[[stage]]\nnmae = \"A\"\n", &parse::Options::default());
    let job = Job { outputs: vec![file("a.svg", OutputFormat::svg())], ..Job::default() };
    match render(map, job) {
        Err(RenderError::Map(checked)) => assert!(checked.has_errors() && !checked.diagnostics.is_empty()),
        other => panic!("expected the map's errors, got {other:?}"),
    }
}

#[test]
fn impossible_jobs_are_refused_before_any_work() {
    let tiles_as_svg = Job {
        furniture: Some(Furniture::Tiles { paper: Size::Paper(Paper::A4) }),
        outputs: vec![file("t.svg", OutputFormat::svg())],
        ..Job::default()
    };
    assert_eq!(tiles_as_svg.check(), Err(RequestError::TilesNeedPdf(Target::File("t.svg".into()))));
    let fit_alone = Job { fit_tiles: true, outputs: vec![file("t.pdf", OutputFormat::Pdf)], ..Job::default() };
    assert_eq!(fit_alone.check(), Err(RequestError::FitWithoutTiles));
    let twice = Job {
        outputs: vec![Output::new(Target::Stdout, OutputFormat::svg()), Output::new(Target::Stdout, OutputFormat::Pdf)],
        ..Job::default()
    };
    assert_eq!(twice.check(), Err(RequestError::StdoutTwice));
    let svg_deck = Job { medium: Medium::Deck, outputs: vec![file("d.svg", OutputFormat::svg())], ..Job::default() };
    assert!(matches!(render(small(), svg_deck), Err(RenderError::Request(RequestError::DeckOutput(_)))));
}

#[test]
fn the_request_theme_wins_over_the_map() {
    let theme = journeymap::theme::Theme::named("dark").expect("a built-in theme");
    let job = Job { theme: Some(theme), outputs: vec![file("a.svg", OutputFormat::svg())], ..Job::default() };
    let dark = render(small(), job).expect("renders");
    let plain =
        render(small(), Job { outputs: vec![file("a.svg", OutputFormat::svg())], ..Job::default() }).expect("renders");
    assert_ne!(dark.outputs[0].bytes, plain.outputs[0].bytes);
}

/// A PNG too large for the limit is refused from the page's lower bound,
/// before any layout: nothing is shaped. A smaller map at the same
/// resolution is drawn.
#[test]
fn an_oversized_png_is_refused_before_the_layout() {
    let stages: String = (0..10_000).map(|i| format!("[[stage]]\nname = \"Stage {i}\"\n")).collect();
    let map = parse::parse_str("wide.toml", &format!("title = \"Wide\"\n{stages}"), &parse::Options::default());
    let png = OutputFormat::Png { resolution: journeymap::output::Resolution::Dpi(150.0), transparent: false };
    let job = Job { outputs: vec![file("wide.png", png)], ..Job::default() };
    let renderer = Renderer::new(Fonts::embedded());
    let refused = renderer.render(&Request::new(map, job.clone()));
    assert!(
        matches!(refused, Err(RenderError::Png(journeymap::output::PngError::AtLeastTooLarge { .. }))),
        "{:?}",
        refused.as_ref().err()
    );
    assert_eq!(renderer.shaper().work(), 0, "no text was shaped: the layout never ran");
    assert!(renderer.render(&Request::new(small(), job)).is_ok(), "a small map at 150 dpi is drawn");
    assert!(renderer.shaper().work() > 0);
}
