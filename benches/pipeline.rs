//! Per-stage timings of the render pipeline (parse, layout, SVG, PNG, PDF) on
//! the airline sample at A2 landscape, 150 dpi, and on a generated
//! 12-stage map with 10 cards a stage; print and share (PDF at A0, the
//! slide deck, A4 tiles, bleed); and a re-render after a one-field edit
//! through a cold and a warm renderer; and the refusal of a PNG over 250
//! megapixels, which must come before any rendering (tests/render_output.rs
//! checks that it is refused; this, that it is quick).

use std::fmt::Write;
use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use journeymap::layout::{self, Options};
use journeymap::model::{Paper, Size};
use journeymap::output::{self, Resolution};
use journeymap::paint::{self, SvgOptions};
use journeymap::parse::{self, parse_str};
use journeymap::render::{OutputFormat, Renderer};
use journeymap::text::Fonts;
use journeymap::theme::Theme;

/// A 12-stage map with 10 touchpoints a stage, every field filled.
fn twelve_by_ten() -> String {
    let mut map = String::from("title = \"Twelve stages, ten cards each\"\nstatus = \"validated\"\n");
    for s in 1..=12 {
        let _ = write!(
            map,
            "\n[[stage]]\nname = \"Stage {s}\"\ndoing = \"Compares offers and reads reviews before deciding what to do next\"\n\
             motivation = \"A clear price and a trusted recommendation\"\nconcerns = [\"Hidden fees\", \"Is it reliable?\"]\n\
             alleviation = [\"All-inclusive price shown first\"]\neffort = {}\neffort_note = \"Needs three sites\"\n",
            s % 5 + 1
        );
        for t in 1..=10 {
            let _ = write!(
                map,
                "  [[stage.touchpoint]]\n  name = \"Touchpoint {t} of stage {s}\"\n  channel = \"Website\"\n  owner = \"Digital\"\n  \
                 actors = [\"Traveller\"]\n  marks = [\"essential\", \"pain\"]\n  moment_of_truth = {}\n  score = {}\n  \
                 note = \"A note\"\n  action = \"Fix it\"\n",
                t == 1,
                t % 5 + 1
            );
        }
    }
    map
}

fn stages(c: &mut Criterion, name: &str, text: &str, size: Size) {
    let fonts = Fonts::embedded();
    let theme = Theme::classic();
    let options = Options { size: Some(size), orientation: None, ..Default::default() };
    let journey = parse_str(name, text, &parse::Options::default()).journey.expect("a valid map");
    let poster = layout::layout(&journey, &theme, &fonts, &options).expect("it fits");

    let mut group = c.benchmark_group(name);
    group.sample_size(10);
    group.bench_function("parse", |b| b.iter(|| parse_str(name, black_box(text), &parse::Options::default())));
    group.bench_function("layout", |b| b.iter(|| layout::layout(black_box(&journey), &theme, &fonts, &options)));
    group.bench_function("svg", |b| b.iter(|| paint::svg(black_box(&poster), &theme, &fonts, SvgOptions::default())));
    // As `render -o x.png` makes it: one outline path a run (resvg has no
    // text to shape), opaque, so stored as RGB.
    let plain = paint::svg_for_raster(&poster, poster.page(), &theme, &fonts, false);
    let png = output::PngSettings { resolution: Resolution::Dpi(150.0), title: None, opaque: true };
    group.bench_function("png", |b| b.iter(|| output::png_with(black_box(&plain), &fonts, &png)));
    group.bench_function("pdf", |b| b.iter(|| output::pdf(black_box(&poster), &theme, &fonts)));
    group.finish();
}

/// Re-rendering after an edit (layout + SVG): a cold renderer measures
/// every string again; a warm one, as `watch` and `serve` keep it, shapes
/// only the edited field. Each iteration changes one card's name to text
/// never seen before.
fn rerender(c: &mut Criterion, text: &str) {
    let parsed = parse_str("airline", text, &parse::Options::default());
    let journey = parsed.journey.expect("a valid map");
    let theme = Theme::classic();
    let page = Options { size: Some(Size::Paper(Paper::A2)), orientation: None, ..Default::default() };
    let edit = |n: u64| {
        let mut edited = journey.clone();
        edited.stages[1].touchpoints[0].name = format!("Fare comparison, edit {n}");
        edited
    };
    let mut group = c.benchmark_group("airline-A2-rerender");
    group.sample_size(10);
    let mut n = 0;
    group.bench_function("cold", |b| {
        b.iter(|| {
            n += 1;
            let renderer = Renderer::new(Fonts::embedded()).with_page(page.clone());
            let document = renderer.layout(&edit(n), &theme).expect("it fits");
            renderer.export(&document, &theme, &OutputFormat::svg()).expect("svg")
        })
    });
    let warm = Renderer::new(Fonts::embedded()).with_page(page.clone());
    let first = warm.layout(&journey, &theme).expect("it fits");
    black_box(warm.export(&first, &theme, &OutputFormat::svg()).expect("svg"));
    group.bench_function("warm", |b| {
        b.iter(|| {
            n += 1;
            let document = warm.layout(&edit(n), &theme).expect("it fits");
            warm.export(&document, &theme, &OutputFormat::svg()).expect("svg")
        })
    });
    group.finish();
}

/// Print and share: the PDF of the airline poster at A0, its slide deck
/// (layout and PDF), its A2 poster cut into A4 tiles, and with 3 mm bleed.
fn print(c: &mut Criterion, text: &str) {
    let journey = parse_str("airline", text, &parse::Options::default()).journey.expect("a valid map");
    let theme = Theme::classic();
    let at = |paper: Paper| {
        Renderer::new(Fonts::embedded()).with_page(Options {
            size: Some(Size::Paper(paper)),
            orientation: None,
            ..Default::default()
        })
    };
    let mut group = c.benchmark_group("airline-print");
    group.sample_size(10);
    let a0 = at(Paper::A0);
    let poster = a0.layout(&journey, &theme).expect("it fits");
    group.bench_function("pdf-A0", |b| b.iter(|| a0.export(black_box(&poster), &theme, &OutputFormat::Pdf)));
    let a2 = at(Paper::A2);
    group.bench_function("deck-layout", |b| b.iter(|| a2.deck(black_box(&journey), &theme)));
    let deck = a2.deck(&journey, &theme).expect("a deck");
    group.bench_function("deck-pdf", |b| b.iter(|| a2.export(black_box(&deck), &theme, &OutputFormat::Pdf)));
    let poster = a2.layout(&journey, &theme).expect("it fits");
    let tiles = a2.tiles(&poster, Size::Paper(Paper::A4)).expect("tiles");
    group.bench_function("tiles-A4-pdf", |b| b.iter(|| a2.export(black_box(&tiles), &theme, &OutputFormat::Pdf)));
    let bled = layout::with_bleed(&poster, 3.0).expect("bleed");
    group.bench_function("bleed-pdf", |b| b.iter(|| a2.export(black_box(&bled), &theme, &OutputFormat::Pdf)));
    group.finish();
}

/// A 5000 dpi PNG of the A0 poster is refused on its size alone.
fn refusal(c: &mut Criterion, text: &str) {
    let journey = parse_str("airline", text, &parse::Options::default()).journey.expect("a valid map");
    let (theme, fonts) = (Theme::classic(), Fonts::embedded());
    let options = Options { size: Some(Size::Paper(Paper::A0)), orientation: None, ..Default::default() };
    let poster = layout::layout(&journey, &theme, &fonts, &options).expect("it fits");
    let svg = paint::svg(&poster, &theme, &fonts, SvgOptions::default());
    assert!(output::png(&svg, &fonts, Resolution::Dpi(5000.0)).is_err(), "over 250 megapixels");
    let mut group = c.benchmark_group("airline-A0");
    group.sample_size(10);
    group.bench_function("refuse-oversized-png", |b| {
        b.iter(|| output::png(black_box(&svg), &fonts, Resolution::Dpi(5000.0)))
    });
    group.finish();
}

fn pipeline(c: &mut Criterion) {
    let airline = std::fs::read_to_string("samples/airline.toml").expect("the airline sample");
    stages(c, "airline-A2", &airline, Size::Paper(Paper::A2));
    print(c, &airline);
    stages(c, "twelve-by-ten-auto", &twelve_by_ten(), Size::Auto);
    rerender(c, &airline);
    refusal(c, &airline);
}

criterion_group!(benches, pipeline);
criterion_main!(benches);
