//! Work per input unit stays flat: ten times the input, at most about ten
//! times the work, never the hundred times of a quadratic path. Work is
//! counted, not timed — bytes of text shaped by the layout, the same on
//! every machine — for a long word, a long list, many stages and many
//! touchpoints (issue 28: a 20,000-letter word took 146 s to render; a
//! list of 100,000 concerns 15 s to check).

use std::fmt::Write;

use journeymap::parse::{self, parse_str};
use journeymap::render::Renderer;
use journeymap::text::Fonts;
use journeymap::theme::Theme;

/// The bytes shaped laying out `map` on an automatic page, with a fresh
/// cache (nothing found in it).
fn work(map: &str) -> usize {
    let parsed = parse_str("work", map, &parse::Options::default());
    let journey = parsed.journey.unwrap_or_else(|| panic!("a valid map: {:?}", parsed.diagnostics));
    let renderer = Renderer::new(Fonts::embedded());
    renderer.layout(&journey, &Theme::classic()).expect("an automatic page fits");
    renderer.shaper().work()
}

/// `map(1)` and `map(10)`: the second holds ten times the units; its work
/// must stay under `ratio` times the first's.
fn flat(what: &str, map: impl Fn(usize) -> String, units: usize, ratio: usize) {
    let (small, large) = (work(&map(units)), work(&map(units * 10)));
    assert!(small > 0, "{what}: nothing was shaped");
    assert!(large <= small * ratio, "{what}: {small} bytes shaped for {units}, {large} for {}", units * 10);
}

fn stage(name: &str, extra: &str) -> String {
    format!(
        "[[stage]]\nname = \"{name}\"\ndoing = \"Compares offers\"\n{extra}\n\
         [[stage.touchpoint]]\nname = \"Site of {name}\"\nmarks = [\"pain\"]\nscore = 2\naction = \"Fix it\"\n"
    )
}

#[test]
fn a_long_word_costs_its_length() {
    let map = |letters: usize| {
        let word: String = "Kundenbindungsabteilung".chars().cycle().take(letters).collect();
        format!("title = \"Word\"\n{}", stage(&word, ""))
    };
    flat("a long word", map, 1_000, 14);
}

#[test]
fn a_long_list_costs_its_length() {
    let map = |items: usize| {
        let concerns: Vec<String> = (0..items).map(|i| format!("\"Hidden fee number {i}\"")).collect();
        format!("title = \"List\"\n{}", stage("Buy", &format!("concerns = [{}]", concerns.join(", "))))
    };
    flat("a long list", map, 50, 14);
}

#[test]
fn stages_and_touchpoints_cost_their_number() {
    let stages = |n: usize| {
        let mut map = String::from("title = \"Stages\"\n");
        for s in 0..n {
            map += &stage(&format!("Stage {s}"), "");
        }
        map
    };
    flat("stages", stages, 10, 14);
    let touchpoints = |n: usize| {
        let mut map = String::from("title = \"Touchpoints\"\n[[stage]]\nname = \"Use\"\n");
        for t in 0..n {
            let _ =
                write!(map, "[[stage.touchpoint]]\nname = \"Touchpoint {t}\"\nmarks = [\"essential\"]\nscore = 4\n");
        }
        map
    };
    flat("touchpoints", touchpoints, 10, 14);
}

/// The bound can fail: a map whose text grows with the square of its
/// units (n stages of n letters each) is caught.
#[test]
fn the_bound_catches_quadratic_work() {
    let square = |n: usize| {
        let mut map = String::from("title = \"Square\"\n");
        for s in 0..n {
            let words: Vec<String> = (0..n).map(|i| format!("w{s}x{i}")).collect();
            map += &stage(&words.join(" "), "");
        }
        map
    };
    let caught = std::panic::catch_unwind(|| flat("a square", square, 3, 14));
    assert!(caught.is_err(), "work that grew a hundredfold passed the bound");
}
