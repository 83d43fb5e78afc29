//! Reading a map costs its size, whatever it holds: ten or a hundred times
//! the syntax errors, duplicate keys, wrong values, list items, Mermaid
//! tasks or sheet rows cost about ten or a hundred times the work, never
//! the square (issue 28: 32,000 lines of `x = ` took 17 s to check, 20,000
//! duplicate keys 22 s, a Mermaid journey of 4,000 repeated tasks 18 s).
//!
//! Work is counted, not timed: the bytes the parser and checker allocate,
//! counted per thread, the same on every
//! machine. A quadratic path that copies or collects the rest of the file
//! per item, or per error, shows up as a hundredfold rise at ten times the
//! input. Laying out is bounded by the bytes shaped (`tests/work_bound.rs`).

use std::fmt::Write;

use journeymap::interchange::csv;
use journeymap::parse::{self, Parsed, parse_bytes, parse_csv, parse_mermaid};
use journeymap::render::Renderer;
use journeymap::text::Fonts;

/// The bytes allocated on this thread while `f` runs (`allocation-counter`
/// counts per thread, so tests running beside it do not add to it).
fn allocated(f: impl FnOnce()) -> usize {
    let info = allocation_counter::measure(f);
    usize::try_from(info.bytes_total).unwrap_or(usize::MAX)
}

/// How a map is read: as `check` reads a file of its kind.
#[derive(Clone, Copy)]
enum Reader {
    Toml,
    Mermaid,
    Sheet,
}

/// The work of reading `text` and checking it as `journeymap check` does
/// (the theme and the fonts' coverage too), with a warm renderer so that
/// loading the fonts is not counted.
fn work(reader: Reader, text: &str, renderer: &Renderer) -> (usize, Parsed) {
    let mut parsed = None;
    let bytes = allocated(|| {
        let options = parse::Options::default();
        let mut p = match reader {
            Reader::Toml => parse_bytes("work.toml", text.as_bytes(), &options),
            Reader::Mermaid => parse_mermaid("work.mmd", text.as_bytes(), &options),
            Reader::Sheet => parse_csv("work.csv", text.as_bytes(), &options),
        };
        let _ = renderer.check(&mut p);
        parsed = Some(p);
    });
    (bytes, parsed.expect("set by the closure"))
}

/// The work `input` adds going from `n` to `10 n` units, and from `n` to
/// `100 n`: the fixed cost (fonts, theme, labels) cancels out. Linear work
/// makes the second about 11 times the first (99 n against 9 n units);
/// buffers that double can stretch that to about twice as much. A
/// quadratic path makes it about 100 times.
const MOST_PER_STEP: usize = 25;

fn flat(what: &str, reader: Reader, input: impl Fn(usize) -> String, units: usize, errors: bool) {
    let renderer = Renderer::new(Fonts::embedded());
    let _ = work(reader, &input(1), &renderer);
    let measured: Vec<(usize, Parsed)> =
        [1, 10, 100].iter().map(|k| work(reader, &input(units * k), &renderer)).collect();
    // The inputs must be what they claim: errors where errors are meant,
    // a valid map where not, so that the bound measures the right path.
    for (_, parsed) in &measured {
        assert_eq!(parsed.has_errors(), errors, "{what}: {:?}", parsed.diagnostics.first());
    }
    let [one, ten, hundred] = [measured[0].0, measured[1].0, measured[2].0];
    let (step, steps) = (ten.saturating_sub(one), hundred.saturating_sub(one));
    assert!(step > 0, "{what}: ten times the input cost nothing more ({one} bytes, then {ten})");
    assert!(
        steps <= step * MOST_PER_STEP,
        "{what}: {one} bytes for {units} units, {ten} for {}, {hundred} for {} ({}× the step)",
        units * 10,
        units * 100,
        steps / step
    );
}

#[test]
fn syntax_errors_cost_their_number() {
    flat("values left out", Reader::Toml, |n| format!("title = \"Errors\"\n{}", "x = \n".repeat(n)), 100, true);
    flat("unclosed lists", Reader::Toml, |n| format!("title = \"Errors\"\n{}", "x = [1\n".repeat(n)), 100, true);
    flat("stray words", Reader::Toml, |n| format!("title = \"Errors\"\n{}", "what is this\n".repeat(n)), 100, true);
}

#[test]
fn duplicate_keys_cost_their_number() {
    flat(
        "duplicate keys",
        Reader::Toml,
        |n| format!("title = \"Keys\"\n{}", "title = \"Again\"\n".repeat(n)),
        100,
        true,
    );
    let tables = |n: usize| format!("title = \"Tables\"\n{}", "[poster]\ntheme = \"classic\"\n".repeat(n));
    flat("duplicate tables", Reader::Toml, tables, 100, true);
}

#[test]
fn wrong_values_cost_their_number() {
    let scores = |n: usize| {
        let mut map = String::from("title = \"Values\"\n[[stage]]\nname = \"Use\"\n");
        for t in 0..n {
            let _ =
                write!(map, "[[stage.touchpoint]]\nname = \"Card {t}\"\nscore = 9\nmarks = [\"shiny\"]\ncolour = 1\n");
        }
        map
    };
    flat("wrong values", Reader::Toml, scores, 20, true);
}

#[test]
fn long_lists_and_many_cards_cost_their_length() {
    let list = |n: usize| {
        let concerns: Vec<String> = (0..n).map(|i| format!("\"Hidden fee number {i}\"")).collect();
        format!("title = \"List\"\n[[stage]]\nname = \"Buy\"\nconcerns = [{}]\n", concerns.join(", "))
    };
    flat("a long list", Reader::Toml, list, 100, false);
    let cards = |n: usize| {
        let mut map = String::from("title = \"Cards\"\n[[stage]]\nname = \"Use\"\n");
        for t in 0..n {
            let _ = write!(map, "[[stage.touchpoint]]\nname = \"Card {t}\"\nscore = 4\nmarks = [\"pain\"]\n");
        }
        map
    };
    flat("many cards", Reader::Toml, cards, 20, false);
}

#[test]
fn imports_cost_their_size() {
    // The same task name again and again: every repeat is renamed, which
    // once searched all the names taken so far for each one.
    let repeated = |n: usize| format!("journey\ntitle Repeats\nsection Use\n{}", "  Pay: 3: Me\n".repeat(n));
    flat("repeated Mermaid tasks", Reader::Mermaid, repeated, 20, false);
    let sheet = |n: usize| {
        let mut map = String::from("title = \"Sheet\"\n[[stage]]\nname = \"Use\"\n");
        for t in 0..n {
            let _ = write!(map, "[[stage.touchpoint]]\nname = \"Card {t}\"\nchannel = \"App\"\nscore = 3\n");
        }
        let journey = parse::parse_str("sheet.toml", &map, &parse::Options::default()).journey.expect("valid");
        csv::write(&journey, true)
    };
    flat("sheet rows", Reader::Sheet, sheet, 20, false);
}

/// The bound can fail: a reader handed a file whose size grows with the
/// square of its units (n stages, each holding n concerns) is caught.
#[test]
fn the_bound_catches_quadratic_work() {
    let square = |n: usize| {
        let mut map = String::from("title = \"Square\"\n");
        for s in 0..n {
            let concerns: Vec<String> = (0..n).map(|i| format!("\"c{i}\"")).collect();
            let _ = write!(map, "[[stage]]\nname = \"S{s}\"\nconcerns = [{}]\n", concerns.join(","));
        }
        map
    };
    let caught = std::panic::catch_unwind(|| flat("a square", Reader::Toml, square, 3, false));
    assert!(caught.is_err(), "work that grew with the square passed the bound");
}
