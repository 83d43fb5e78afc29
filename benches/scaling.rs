//! Linear cost: parse, layout, SVG and PNG time for maps of 10, 100, 1,000
//! and 10,000 touchpoints (ten a stage). Each is reported with its
//! touchpoint count as throughput, so criterion prints touchpoints per
//! second; a step that grows faster than linearly shows as a falling rate.
//!
//! The PNG is 2,000 px wide whatever the page, so it measures the parts
//! drawn, not a page that grows with the map.
//!
//! The `inputs` group takes each kind of input that once cost more than
//! its size (issue 28) at 1×, 10× and 100×: a long word (layout), a long
//! list of concerns (parse), stages and touchpoints (parse and layout),
//! syntax errors and sections given twice (parse). Throughput is per
//! unit, so a flat rate from 1× to 100× is linear cost.
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

/// A map of one stage whose touchpoint's name is one word of `letters`.
fn long_word(letters: usize) -> String {
    let word: String = "Kundenbindungsabteilung".chars().cycle().take(letters).collect();
    format!("title = \"Word\"\n[[stage]]\nname = \"Use\"\n[[stage.touchpoint]]\nname = \"{word}\"\n")
}

/// A map of one stage with `items` concerns.
fn long_list(items: usize) -> String {
    let concerns: Vec<String> = (0..items).map(|i| format!("\"Concern {i}\"")).collect();
    format!("title = \"List\"\n[[stage]]\nname = \"Use\"\nconcerns = [{}]\n", concerns.join(", "))
}

/// A map of `n` stages of one touchpoint each.
fn stages(n: usize) -> String {
    let mut map = String::from("title = \"Stages\"\n");
    for s in 0..n {
        let _ = write!(map, "[[stage]]\nname = \"Stage {s}\"\n[[stage.touchpoint]]\nname = \"Site {s}\"\nscore = 3\n");
    }
    map
}

/// A map with `n` syntax errors (`x = ` without a value).
fn errors(n: usize) -> String {
    format!("title = \"Errors\"\n{}", "x = \n".repeat(n))
}

/// A map with `n` sections given twice (`[poster]` again and again).
fn duplicates(n: usize) -> String {
    format!("title = \"Duplicates\"\n{}", "[poster]\ntheme = \"classic\"\n".repeat(n))
}

/// Each kind of input at 1×, 10× and 100×, per unit.
fn inputs(c: &mut Criterion) {
    let theme = Theme::classic();
    let renderer = Renderer::new(Fonts::embedded());
    let parse = |text: &str| parse_str("scaling", text, &parse::Options::default());
    let mut group = c.benchmark_group("inputs");
    group.sample_size(10);
    for scale in [1usize, 10, 100] {
        let letters = 200 * scale;
        let journey = parse(&long_word(letters)).journey.expect("a valid map");
        group.throughput(Throughput::Elements(letters as u64));
        // A fresh renderer each time: a warm cache would hide the work.
        group.bench_with_input(BenchmarkId::new("word-layout", letters), &journey, |b, journey| {
            b.iter(|| Renderer::new(Fonts::embedded()).layout(black_box(journey), &theme))
        });
        for (name, units, text) in [
            ("list-parse", 250 * scale, long_list(250 * scale)),
            ("errors-parse", 100 * scale, errors(100 * scale)),
            ("duplicates-parse", 100 * scale, duplicates(100 * scale)),
        ] {
            group.throughput(Throughput::Elements(units as u64));
            group.bench_with_input(BenchmarkId::new(name, units), &text, |b, text| b.iter(|| parse(black_box(text))));
        }
        let n = 10 * scale;
        let text = stages(n);
        let journey = parse(&text).journey.expect("a valid map");
        group.throughput(Throughput::Elements(n as u64));
        group.bench_with_input(BenchmarkId::new("stages-parse", n), &text, |b, text| b.iter(|| parse(black_box(text))));
        group.bench_with_input(BenchmarkId::new("stages-layout", n), &journey, |b, journey| {
            b.iter(|| renderer.layout(black_box(journey), &theme))
        });
    }
    group.finish();
}

criterion_group!(benches, scaling, inputs);
criterion_main!(benches);
