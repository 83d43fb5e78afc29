//! Per-stage timings of the render pipeline (parse, layout, SVG, PNG) on
//! the airline sample at A2 landscape, 150 dpi, and on a generated
//! 12-stage map with 10 cards a stage.

use std::fmt::Write;
use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use journeymap::layout::{self, Options};
use journeymap::model::{Paper, Size};
use journeymap::output::{self, Resolution};
use journeymap::paint::{self, SvgOptions};
use journeymap::parse::{self, parse_str};
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
    let options = Options { size: Some(size), orientation: None };
    let journey = parse_str(name, text, &parse::Options::default()).journey.expect("a valid map");
    let poster = layout::layout(&journey, &theme, &fonts, &options).expect("it fits");
    let svg = paint::svg(&poster, &theme, &fonts, SvgOptions::default());

    let mut group = c.benchmark_group(name);
    group.sample_size(10);
    group.bench_function("parse", |b| b.iter(|| parse_str(name, black_box(text), &parse::Options::default())));
    group.bench_function("layout", |b| b.iter(|| layout::layout(black_box(&journey), &theme, &fonts, &options)));
    group.bench_function("svg", |b| b.iter(|| paint::svg(black_box(&poster), &theme, &fonts, SvgOptions::default())));
    group.bench_function("png", |b| b.iter(|| output::png(black_box(&svg), &fonts, Resolution::Dpi(150.0))));
    group.finish();
}

fn pipeline(c: &mut Criterion) {
    let airline = std::fs::read_to_string("samples/airline.toml").expect("the airline sample");
    stages(c, "airline-A2", &airline, Size::Paper(Paper::A2));
    stages(c, "twelve-by-ten-auto", &twelve_by_ten(), Size::Auto);
}

criterion_group!(benches, pipeline);
criterion_main!(benches);
