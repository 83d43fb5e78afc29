//! Linear cost: parse, layout, SVG and PNG time for maps of 10, 100, 1,000
//! and 10,000 touchpoints (ten a stage). Each is reported with its
//! touchpoint count as throughput, so criterion prints touchpoints per
//! second; a step that grows faster than linearly shows as a falling rate.
//!
//! The PNG is 2,000 px wide whatever the page, so it measures the parts
//! drawn, not a page that grows with the map.
//!
//! `cargo bench --bench scaling`; `-- --quick` for a first look.

use std::fmt::Write;
use std::hint::black_box;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use journeymap::output::{PngSettings, Resolution};
use journeymap::paint::{self, SvgOptions};
use journeymap::parse::{self, parse_str};
use journeymap::render::Renderer;
use journeymap::text::Fonts;
use journeymap::theme::Theme;

/// A map of `touchpoints` cards, ten a stage, every field filled.
fn map(touchpoints: usize) -> String {
    let mut map = String::from("title = \"Scaling\"\nstatus = \"validated\"\n");
    for s in 0..touchpoints.div_ceil(10) {
        let _ = write!(
            map,
            "\n[[stage]]\nname = \"Stage {s}\"\ndoing = \"Compares offers and reads reviews\"\n\
             concerns = [\"Hidden fees\"]\neffort = {}\n",
            s % 5 + 1
        );
        for t in 0..10.min(touchpoints - s * 10) {
            let _ = write!(
                map,
                "  [[stage.touchpoint]]\n  name = \"Touchpoint {t} of stage {s}\"\n  channel = \"Website\"\n  \
                 marks = [\"essential\", \"pain\"]\n  score = {}\n  action = \"Fix it\"\n",
                t % 5 + 1
            );
        }
    }
    map
}

fn scaling(c: &mut Criterion) {
    let theme = Theme::classic();
    let renderer = Renderer::new(Fonts::embedded());
    let mut group = c.benchmark_group("scaling");
    group.sample_size(10);
    for n in [10usize, 100, 1_000, 10_000] {
        let text = map(n);
        let journey = parse_str("scaling", &text, &parse::Options::default()).journey.expect("a valid map");
        let document = renderer.layout(&journey, &theme).expect("auto size fits");
        let svg =
            paint::svg(&document, &theme, renderer.fonts(), SvgOptions { embed_fonts: false, ..SvgOptions::default() });
        group.throughput(Throughput::Elements(n as u64));
        group.bench_with_input(BenchmarkId::new("parse", n), &text, |b, text| {
            b.iter(|| parse_str("scaling", black_box(text), &parse::Options::default()))
        });
        group.bench_with_input(BenchmarkId::new("layout", n), &journey, |b, journey| {
            b.iter(|| renderer.layout(black_box(journey), &theme))
        });
        group.bench_with_input(BenchmarkId::new("svg", n), &document, |b, document| {
            b.iter(|| paint::svg(black_box(document), &theme, renderer.fonts(), SvgOptions::default()))
        });
        let settings = PngSettings { resolution: Resolution::Width(2000), title: None, opaque: true };
        group.bench_with_input(BenchmarkId::new("png", n), &svg, |b, svg| {
            b.iter(|| journeymap::output::png_with(black_box(svg), renderer.fonts(), &settings))
        });
    }
    group.finish();
}

criterion_group!(benches, scaling);
criterion_main!(benches);
