//! The fuzz harness: raw bytes and structured maps through the whole
//! pipeline, parse → check → layout → SVG, as `journeymap render` runs it.
//!
//! Nothing may panic, every diagnostic must lie inside its source, a map
//! with errors must yield no journey, and every valid map must lay out (at
//! auto size nothing is refused) into an SVG that usvg reads back, and go
//! out as CSV and come back the same, and out as Mermaid and come back as
//! a valid map with the same stages.
//!
//! Every valid map also goes through `diff` (against itself and against
//! an edited copy) and `canvas`.
//!
//! Inputs of adversarial size (a unit repeated 2, 20 and 200 times: many
//! stages, many errors, long lists, long words) must cost work in
//! proportion, counted in bytes allocated and bytes shaped, not timed.
//!
//! `cargo test` runs a modest number of cases. Set `JOURNEYMAP_FUZZ_CASES`
//! for many more, e.g. `JOURNEYMAP_FUZZ_CASES=20000 cargo test --release
//! --test fuzz` (see `tests/README.md`).

mod common;

use journeymap::interchange::{csv, mermaid};
use journeymap::parse::{Options, Parsed, parse_bytes};
use journeymap::render::{OutputFormat, Renderer};
use journeymap::text::Fonts;
use journeymap::theme::Theme;
use proptest::prelude::*;

/// Cases per property: `JOURNEYMAP_FUZZ_CASES`, or a number that keeps
/// `cargo test` quick.
fn config(default: u32) -> ProptestConfig {
    let cases = std::env::var("JOURNEYMAP_FUZZ_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(default);
    ProptestConfig { cases, failure_persistence: None, ..ProptestConfig::default() }
}

thread_local! {
    /// One warm renderer per test thread, as `watch` and `serve` keep one.
    static RENDERER: Renderer = Renderer::new(Fonts::embedded());
}

/// Runs `bytes` through the pipeline and checks every guarantee on the
/// way; `Ok(true)` when it went all the way to an SVG.
fn pipeline(bytes: &[u8]) -> Result<bool, TestCaseError> {
    let mut parsed: Parsed = parse_bytes("fuzz.toml", bytes, &Options::default());
    let theme = RENDERER.with(|renderer| renderer.check(&mut parsed));
    verify(&parsed, theme)
}

/// The guarantees for one checked map: located diagnostics with a fix;
/// errors leave no journey; a valid journey lays out at auto size into an
/// SVG that usvg reads back.
fn verify(parsed: &Parsed, theme: Option<Theme>) -> Result<bool, TestCaseError> {
    let len = parsed.source().text.len();
    for d in &parsed.diagnostics {
        prop_assert!(d.span.start <= d.span.end && d.span.end <= len, "{d:?} outside {len} bytes");
        prop_assert!(!d.message.is_empty() && d.hint().is_some(), "{d:?} needs a message and a fix");
    }
    if parsed.has_errors() {
        prop_assert!(parsed.journey.is_none(), "an error must leave no journey");
        return Ok(false);
    }
    let Some(journey) = &parsed.journey else {
        return Err(TestCaseError::fail("no errors and no journey"));
    };
    let Some(theme) = theme else { return Err(TestCaseError::fail("a valid map without a theme")) };
    RENDERER.with(|renderer| {
        let document = renderer.layout(journey, &theme).map_err(|e| TestCaseError::fail(format!("auto size: {e}")))?;
        let svg =
            renderer.export(&document, &theme, &OutputFormat::svg()).map_err(|e| TestCaseError::fail(e.to_string()))?;
        let tree = usvg::Tree::from_data(&svg, &usvg::Options::default());
        prop_assert!(tree.is_ok(), "the SVG does not read back: {:?}", tree.err());
        Ok(())
    })?;
    interchange(journey)?;
    diff_and_canvas(journey)?;
    Ok(true)
}

/// Every string of a valid map through `diff` and `canvas`: a map against
/// itself has no change; against a copy with its stages in reverse order
/// and its first card gone, the text, Markdown and JSON are made (the JSON
/// reads back, its text exact); the canvas lays out at an automatic size.
fn diff_and_canvas(journey: &journeymap::model::Journey) -> Result<(), TestCaseError> {
    use journeymap::diff::{self, Format, Names};
    let same = diff::compare(journey, journey, &[]).map_err(|e| TestCaseError::fail(e.to_string()))?;
    prop_assert!(same.is_empty(), "a map differs from itself: {:?}", same);
    let mut edited = journey.clone();
    edited.stages.reverse();
    if let Some(stage) = edited.stages.iter_mut().find(|s| !s.touchpoints.is_empty()) {
        stage.touchpoints.remove(0);
    }
    let changed = diff::compare(journey, &edited, &[]).map_err(|e| TestCaseError::fail(e.to_string()))?;
    let names = Names { old: "old.toml".into(), new: "new.toml".into() };
    for format in [Format::Text, Format::Markdown] {
        prop_assert!(!diff::format(&changed, format, &names).is_empty());
    }
    let json = diff::format(&changed, Format::Json, &names);
    let read: Result<serde_json::Value, _> = serde_json::from_str(&json);
    prop_assert!(read.is_ok(), "the diff's JSON does not read back: {json}");
    let options = journeymap::layout::CanvasOptions {
        size: Some(journeymap::model::Size::Auto),
        ..journeymap::layout::CanvasOptions::default()
    };
    RENDERER.with(|renderer| {
        let canvas = journeymap::layout::canvas(journey, &Theme::classic(), &renderer.shaper(), &options);
        prop_assert!(canvas.is_ok(), "the canvas of a valid map at an automatic size: {:?}", canvas.err());
        Ok(())
    })
}

/// Every string of a valid map through `export` and `import`: the CSV
/// comes back field for field (SPEC §6: the workshop's round trip loses
/// nothing); the Mermaid journey, which keeps less, comes back as a valid
/// map with the same stage names.
fn interchange(journey: &journeymap::model::Journey) -> Result<(), TestCaseError> {
    for guard in [true, false] {
        let sheet = csv::write(journey, guard);
        let back = journeymap::parse::parse_csv("fuzz.csv", sheet.as_bytes(), &Options::default());
        let Some(again) = back.journey else {
            return Err(TestCaseError::fail(format!("the CSV does not read back: {:?}\n{sheet}", back.diagnostics)));
        };
        prop_assert_eq!(common::content(again), common::content(journey.clone()), "CSV (guard {}):\n{}", guard, sheet);
    }
    let diagram = mermaid::write(journey);
    let back = journeymap::parse::parse_mermaid("fuzz.mmd", diagram.as_bytes(), &Options::default());
    for d in &back.diagnostics {
        prop_assert!(d.hint().is_some(), "{d:?} needs a fix");
    }
    if let Some(again) = &back.journey {
        // A Mermaid section is one line: white space folds.
        let names = |j: &journeymap::model::Journey| {
            j.stages.iter().map(|s| s.name.split_whitespace().collect::<Vec<_>>().join(" ")).collect::<Vec<_>>()
        };
        prop_assert_eq!(names(again), names(journey), "Mermaid:\n{}", diagram);
    }
    Ok(())
}

// --------------------------------------------------------------- raw bytes

/// A valid map to cut, splice and mutate.
const MAP: &str = include_str!("../samples/saas-onboarding.toml");

/// Byte edits applied to [`MAP`]: the shapes damage takes when a file is
/// cut off, pasted twice or edited in the wrong program.
#[derive(Debug, Clone)]
enum Edit {
    Truncate(usize),
    Insert(usize, Vec<u8>),
    Delete(usize, usize),
    Duplicate(usize, usize),
    Flip(usize, u8),
}

fn edit() -> impl Strategy<Value = Edit> {
    let at = 0..MAP.len();
    prop_oneof![
        at.clone().prop_map(Edit::Truncate),
        (at.clone(), prop::collection::vec(any::<u8>(), 1..16)).prop_map(|(i, b)| Edit::Insert(i, b)),
        (at.clone(), 1..64usize).prop_map(|(i, n)| Edit::Delete(i, n)),
        (at.clone(), 1..200usize).prop_map(|(i, n)| Edit::Duplicate(i, n)),
        (at, any::<u8>()).prop_map(|(i, b)| Edit::Flip(i, b)),
    ]
}

fn apply(edits: &[Edit]) -> Vec<u8> {
    let mut bytes = MAP.as_bytes().to_vec();
    for e in edits {
        let clamp = |i: usize, b: &Vec<u8>| i.min(b.len());
        match e {
            Edit::Truncate(i) => bytes.truncate(*i),
            Edit::Insert(i, more) => {
                let i = clamp(*i, &bytes);
                bytes.splice(i..i, more.iter().copied());
            }
            Edit::Delete(i, n) => {
                let i = clamp(*i, &bytes);
                let end = (i + n).min(bytes.len());
                bytes.drain(i..end);
            }
            Edit::Duplicate(i, n) => {
                let i = clamp(*i, &bytes);
                let end = (i + n).min(bytes.len());
                let copy = bytes[i..end].to_vec();
                bytes.splice(end..end, copy);
            }
            Edit::Flip(i, b) => {
                if let Some(byte) = bytes.get_mut(*i) {
                    *byte ^= b | 1;
                }
            }
        }
    }
    bytes
}

// -------------------------------------------------------- structured maps

/// Text from the alphabets maps are written in, with what breaks naive
/// code mixed in: quotes, backslashes, control characters, bidi overrides,
/// combining marks, emoji, very long words.
fn text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        4 => "[a-zA-Z]{1,9}",
        1 => "[äöüßéèñçÅØ]{1,6}",
        1 => "[αβγδεζ]{1,6}",
        1 => "[\u{0627}-\u{064a}]{1,6}",
        1 => "[\u{4e00}-\u{4e80}]{1,4}",
        1 => Just("🙂".to_owned()),
        1 => Just("\"".to_owned()),
        1 => Just("\\".to_owned()),
        1 => Just("\u{1b}[2J".to_owned()),
        1 => Just("\u{202e}".to_owned()),
        1 => Just("e\u{301}".to_owned()),
        1 => Just("\n".to_owned()),
        1 => "[a-z]{30,60}",
    ];
    prop::collection::vec(piece, 0..8).prop_map(|p| p.join(" "))
}

/// A TOML basic string holding `s` exactly.
fn quoted(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out += "\\\"",
            '\\' => out += "\\\\",
            '\n' => out += "\\n",
            c if c.is_control() => out += &format!("\\u{:04X}", u32::from(c)),
            c => out.push(c),
        }
    }
    out + "\""
}

/// A value that may be right, of the wrong kind, or out of range.
fn number() -> impl Strategy<Value = String> {
    prop_oneof![
        200 => (1..=5i64).prop_map(|n| n.to_string()),
        1 => (-3..=9i64).prop_map(|n| n.to_string()),
        1 => Just("\"three\"".to_owned()),
        1 => Just("2.5".to_owned()),
    ]
}

fn marks() -> impl Strategy<Value = String> {
    let mark = prop_oneof![
        10 => Just("essential"),
        10 => Just("pain"),
        10 => Just("strength"),
        10 => Just("would-pay"),
        1 => Just("pian"),
        1 => Just("would_pay"),
    ];
    prop::collection::vec(mark, 0..4)
        .prop_map(|m| format!("[{}]", m.iter().map(|m| format!("\"{m}\"")).collect::<Vec<_>>().join(", ")))
}

/// A name: usually a word and more, now and then blank.
fn name() -> impl Strategy<Value = String> {
    prop_oneof![30 => ("[A-Za-z]{1,9}", text()).prop_map(|(w, t)| format!("{w} {t}")), 1 => text()]
}

fn touchpoint() -> impl Strategy<Value = String> {
    (name(), prop::option::of(marks()), prop::option::of(number()), any::<bool>(), prop::option::of(text())).prop_map(
        |(name, marks, score, mot, action)| {
            let mut t = format!("  [[stage.touchpoint]]\n  name = {}\n", quoted(&name));
            if let Some(m) = marks {
                t += &format!("  marks = {m}\n");
            }
            if let Some(s) = score {
                t += &format!("  score = {s}\n");
            }
            if mot {
                t += "  moment_of_truth = true\n";
            }
            if let Some(a) = action {
                t += &format!("  action = {}\n", quoted(&a));
            }
            t
        },
    )
}

fn stage() -> impl Strategy<Value = String> {
    (
        name(),
        prop::option::of(text()),
        prop::option::of(number()),
        prop::collection::vec(text(), 0..3),
        prop::collection::vec(touchpoint(), 0..5),
    )
        .prop_map(|(name, doing, effort, concerns, touchpoints)| {
            let mut s = format!("[[stage]]\nname = {}\n", quoted(&name));
            if let Some(d) = doing {
                s += &format!("doing = {}\n", quoted(&d));
            }
            if let Some(e) = effort {
                s += &format!("effort = {e}\n");
            }
            if !concerns.is_empty() {
                s += &format!("concerns = [{}]\n", concerns.iter().map(|c| quoted(c)).collect::<Vec<_>>().join(", "));
            }
            s + &touchpoints.concat()
        })
}

fn poster() -> impl Strategy<Value = String> {
    let theme = prop_oneof![
        8 => Just("classic"),
        8 => Just("dark"),
        8 => Just("print"),
        8 => Just("colour-blind-safe"),
        1 => Just("clasic"),
    ];
    let lang = prop_oneof![
        4 => Just("en"),
        4 => Just("de"),
        4 => Just("fr"),
        4 => Just("es"),
        4 => Just("nl"),
        4 => Just("pl"),
        4 => Just("sv"),
        1 => Just("xx"),
    ];
    let panels = prop_oneof![
        12 => Just(None),
        4 => Just(Some("[\"curve\", \"questions\", \"touchpoints\"]")),
        4 => Just(Some("[\"priorities\", \"health\", \"legend\"]")),
        1 => Just(Some("[\"cruve\"]")),
    ];
    (theme, lang, panels).prop_map(|(theme, lang, panels)| {
        let mut p = format!("theme = \"{theme}\"\nlang = \"{lang}\"\n");
        if let Some(panels) = panels {
            p += &format!("[poster]\npanels = {panels}\n");
        }
        p
    })
}

fn map() -> impl Strategy<Value = String> {
    let stages =
        prop_oneof![1 => Just(0..1usize), 20 => Just(1..6usize)].prop_flat_map(|n| prop::collection::vec(stage(), n));
    (name(), poster(), stages)
        .prop_map(|(title, poster, stages)| format!("title = {}\n{poster}\n{}", quoted(&title), stages.concat()))
}

proptest! {
    #![proptest_config(config(64))]

    #[test]
    fn any_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..512)) {
        pipeline(&bytes)?;
    }

    #[test]
    fn a_damaged_map_never_panics(edits in prop::collection::vec(edit(), 1..6)) {
        pipeline(&apply(&edits))?;
    }
}

// -------------------------------------------------------- adversarial sizes

/// The bytes allocated reading and checking `text` as `check` does:
/// work counted per thread, the same on every machine.
/// Whether the map had errors tells which path was measured.
fn read_work(text: &str) -> (u64, bool) {
    let mut errors = false;
    let work = allocation_counter::measure(|| {
        let mut parsed = parse_bytes("fuzz.toml", text.as_bytes(), &Options::default());
        let _ = RENDERER.with(|renderer| renderer.check(&mut parsed));
        errors = parsed.has_errors();
    });
    (work.bytes_total, errors)
}

/// The bytes shaped laying out `text`, when it is a valid map, with a
/// fresh renderer (a warm cache would hide the work).
fn layout_work(text: &str) -> Option<u64> {
    let mut parsed = parse_bytes("fuzz.toml", text.as_bytes(), &Options::default());
    let renderer = Renderer::new(Fonts::embedded());
    let theme = renderer.check(&mut parsed)?;
    renderer.layout(parsed.journey.as_ref()?, &theme).ok()?;
    u64::try_from(renderer.shaper().work()).ok()
}

/// The work at 2×, 20× and 200× a unit is linear: going to 200× adds at
/// most 25 times what going to 20× added (linear work adds 11 times,
/// a quadratic path about 100 times). The fixed cost cancels out.
fn linear(what: &str, work: [u64; 3]) -> Result<(), TestCaseError> {
    let [one, ten, hundred] = work;
    let (step, steps) = (ten.saturating_sub(one), hundred.saturating_sub(one));
    prop_assert!(step > 0, "{}: ten times the input cost nothing more ({:?})", what, work);
    prop_assert!(steps <= step * 25, "{}: {:?} is {}× the step", what, work, steps / step);
    Ok(())
}

/// The work at 20×, 200× and 400× a unit is linear: doubling from 200×
/// to 400× adds at most twice what going from 20× to 200× added (linear
/// work adds about 1.1 times, a quadratic path about 3 times).
fn doubling(what: &str, work: [u64; 3]) -> Result<(), TestCaseError> {
    let [small, large, double] = work;
    let (step, last) = (large.saturating_sub(small), double.saturating_sub(large));
    prop_assert!(step > 0, "{}: ten times the input cost nothing more ({:?})", what, work);
    prop_assert!(last <= step * 2, "{}: {:?}: doubling added {}× the step", what, work, last as f64 / step as f64);
    Ok(())
}

/// A generated unit of input to repeat: a stage (valid or not), a line
/// of the sample damaged by an edit, or a list item.
#[derive(Debug, Clone)]
enum Unit {
    Stage(String),
    Line(Vec<u8>),
    Item(String),
}

impl Unit {
    /// A map holding `n` of the unit: `n` stages, `n` damaged lines, or
    /// a list of `n` concerns.
    fn map(&self, n: usize) -> String {
        match self {
            Unit::Stage(s) => format!("title = \"Many\"\n{}", s.repeat(n)),
            Unit::Line(line) => format!("title = \"Lines\"\n{}", String::from_utf8_lossy(line).repeat(n)),
            Unit::Item(i) => {
                let items = vec![quoted(i); n].join(", ");
                format!("title = \"List\"\n[[stage]]\nname = \"Buy\"\nconcerns = [{items}]\n")
            }
        }
    }
}

fn unit() -> impl Strategy<Value = Unit> {
    let lines: Vec<&str> = MAP.lines().filter(|l| !l.trim().is_empty()).collect();
    let line = (prop::sample::select(lines), any::<prop::sample::Index>(), 1..4u8).prop_map(|(l, at, flip)| {
        let mut bytes = format!("{l}\n").into_bytes();
        let i = at.index(bytes.len() - 1);
        bytes[i] ^= flip;
        Unit::Line(bytes)
    });
    prop_oneof![stage().prop_map(Unit::Stage), line, text().prop_map(Unit::Item)]
}

proptest! {
    #![proptest_config(config(16))]

    /// Many stages, many errors, long lists: reading costs their size.
    #[test]
    fn reading_costs_the_size_of_any_input(unit in unit()) {
        // Two units at least: one stage alone is valid where two of the
        // same name are not, and the bound compares like with like.
        let [a, b, c] = [2, 20, 200].map(|k| read_work(&unit.map(k)));
        prop_assume!(a.1 == b.1 && b.1 == c.1, "the path changed with the size");
        linear(&format!("{unit:?}"), [a.0, b.0, c.0])?;
    }

    /// A long word of any script is laid out at the cost of its length.
    #[test]
    fn a_long_word_of_any_text_costs_its_length(piece in "[a-zA-Zäöüß\u{0627}-\u{064a}\u{4e00}-\u{4e80}]{1,8}") {
        let map = |k: usize| {
            format!("title = \"Word\"\n[[stage]]\nname = {}\n[[stage.touchpoint]]\nname = \"Pay\"\n", quoted(&piece.repeat(5 * k)))
        };
        // From 20 repeats up, not 2: a short word can take a costlier
        // path than a long one (a name that fits whole is shaped at more
        // sizes), which makes the first step look cheap ("一a一一" shaped
        // 2,602 bytes at 2 repeats and 2,822 at 20).
        let work = [20, 200, 400].map(|k| layout_work(&map(k)));
        let Some(work) = work.into_iter().collect::<Option<Vec<u64>>>() else {
            return Err(TestCaseError::fail(format!("{piece:?}: a long word must lay out")));
        };
        doubling(&piece, [work[0], work[1], work[2]])?;
    }
}

/// Most generated maps are valid, so the layout and the painter get real
/// work; the run checks that they did.
#[test]
fn structured_maps_go_all_the_way_or_are_refused_with_a_fix() {
    let config = config(48);
    let mut runner = proptest::test_runner::TestRunner::new(config.clone());
    let laid_out = std::cell::Cell::new(0u32);
    let result = runner.run(&map(), |map| {
        if pipeline(map.as_bytes())? {
            laid_out.set(laid_out.get() + 1);
        }
        Ok(())
    });
    if let Err(e) = result {
        panic!("{e}");
    }
    assert!(laid_out.get() * 3 >= config.cases, "only {} of {} maps were laid out", laid_out.get(), config.cases);
}

/// The harness must be able to fail: a sample passes, and the same checks
/// catch a diagnostic moved outside its source, one without a fix, and a
/// valid map whose theme went missing.
#[test]
fn the_harness_can_fail() {
    assert!(pipeline(MAP.as_bytes()).is_ok());
    let parsed = || parse_bytes("fuzz.toml", b"title = 5\n", &Options::default());
    let mut outside = parsed();
    let len = outside.source().text.len();
    outside.diagnostics[0].span = len + 1..len + 2;
    assert!(verify(&outside, None).is_err());
    let mut no_fix = parsed();
    no_fix.diagnostics[0].hints.clear();
    assert!(verify(&no_fix, None).is_err());
    let valid = parse_bytes("fuzz.toml", MAP.as_bytes(), &Options::default());
    assert!(verify(&valid, None).is_err());
    // Work that grows with the square of the input, or not at all.
    assert!(linear("linear", [1_000, 10_000, 100_000]).is_ok());
    assert!(linear("square", [1_000, 100_000, 10_000_000]).is_err());
    assert!(linear("flat", [1_000, 1_000, 1_000]).is_err());
}

/// The bounds fail a quadratic cost: work that grows with the square of
/// the input is caught by both checks, and linear work passes them.
#[test]
fn the_linearity_checks_catch_quadratic_work() {
    let square = |k: u64| 100 + k * k;
    let line = |k: u64| 2_000 + 50 * k;
    assert!(linear("square", [2, 20, 200].map(square)).is_err());
    assert!(doubling("square", [20, 200, 400].map(square)).is_err());
    assert!(linear("line", [2, 20, 200].map(line)).is_ok());
    assert!(doubling("line", [20, 200, 400].map(line)).is_ok());
}
