//! Properties over generated input: arbitrary bytes and TOML-ish text never
//! panic and every diagnostic points into the source; every generated valid
//! journey parses without errors and prioritises into one ranked entry per
//! touchpoint, in the order of SPEC §3.

use journeymap::model::Mark;
use journeymap::parse::{Options, Parsed, parse_bytes, parse_str};
use journeymap::priorities::{self, Class, ListFormat};
use proptest::prelude::*;

fn config() -> ProptestConfig {
    ProptestConfig { cases: 256, ..ProptestConfig::default() }
}

/// Every diagnostic's span lies within the source; an error means no journey.
fn assert_located(parsed: &Parsed) -> Result<(), TestCaseError> {
    let len = parsed.source().text.len();
    for d in &parsed.diagnostics {
        prop_assert!(d.span.start <= d.span.end && d.span.end <= len, "{:?} lies outside a source of {} bytes", d, len);
        prop_assert!(!d.message.is_empty(), "{:?} has no message", d);
    }
    if parsed.has_errors() {
        prop_assert!(parsed.journey.is_none());
    }
    if let Some(journey) = &parsed.journey {
        // Whatever parsed, the rest of the pipeline takes it.
        let list = priorities::prioritise(journey);
        prop_assert_eq!(list.len(), journey.touchpoints().count());
        for format in [ListFormat::Table, ListFormat::Markdown, ListFormat::Csv, ListFormat::Json] {
            prop_assert!(priorities::format(&list, format).ends_with('\n'));
        }
    }
    Ok(())
}

/// A small valid map to splice junk into.
const MAP: &str = "title = \"Flying Nordic Air\"\n[[stage]]\nname = \"Awareness\"\n  [[stage.touchpoint]]\n  name = \"Call\"\n  marks = [\"essential\", \"pain\"]\n  score = 2\n";

/// Pieces of journey syntax, good and bad, to be strung together.
const FRAGMENTS: &[&str] = &[
    "title",
    "subtitle",
    "name",
    "marks",
    "score",
    "effort",
    "moment_of_truth",
    "doing",
    "concerns",
    "stage",
    "touchpoint",
    "key",
    "theme",
    "size",
    "format",
    "status",
    "\"thinking\"",
    "[[stage]]",
    "[[stage.touchpoint]]",
    "[[lane]]",
    "[poster]",
    "[stage]",
    " = ",
    "=",
    ".",
    ",",
    "\"",
    "'",
    "\"\"\"",
    "'''",
    "[",
    "]",
    "{",
    "}",
    "\n",
    "\r\n",
    "\r",
    " ",
    "\t",
    "#",
    "\\",
    "\\u202E",
    "\\u0000",
    "\\uD800",
    "\u{202E}",
    "é",
    "\u{1F600}",
    "0",
    "1",
    "3",
    "5",
    "6",
    "-3",
    "3.5",
    "inf",
    "nan",
    "0x10",
    "99999999999999999999",
    "true",
    "false",
    "2026-11-22",
    "2026-11-22T10:00:00Z",
    "\"Awareness\"",
    "\"Booking\"",
    "\"essential\"",
    "\"pain\"",
    "\"strength\"",
    "\"would-pay\"",
    "\"pian\"",
    "\"A2\"",
    "\"800x450mm\"",
    "\"classic\"",
    "\"validated\"",
    "\"\"",
    "[\"essential\", \"pain\"]",
];

fn toml_ish() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(FRAGMENTS), 0..80).prop_map(|parts| parts.concat())
}

// ------------------------------------------------------ generated journeys

/// A touchpoint as generated, before it is written as TOML.
#[derive(Debug, Clone)]
struct GenTouchpoint {
    name: String,
    marks: Vec<Mark>,
    moment_of_truth: bool,
    score: Option<u8>,
    owner: Option<String>,
    action: Option<String>,
}

#[derive(Debug, Clone)]
struct GenStage {
    name: String,
    touchpoints: Vec<GenTouchpoint>,
}

/// Any text at all, control characters and quotes included.
fn any_text() -> impl Strategy<Value = String> {
    prop::collection::vec(any::<char>(), 0..12).prop_map(String::from_iter)
}

fn touchpoint() -> impl Strategy<Value = GenTouchpoint> {
    (
        any_text(),
        prop::sample::subsequence(Mark::ALL.to_vec(), 0..=4).prop_shuffle(),
        any::<bool>(),
        prop::option::of(1u8..=5),
        prop::option::of(any_text()),
        prop::option::of(any_text()),
    )
        .prop_map(|(name, marks, moment_of_truth, score, owner, action)| GenTouchpoint {
            name,
            marks,
            moment_of_truth,
            score,
            owner,
            action,
        })
}

fn journey() -> impl Strategy<Value = Vec<GenStage>> {
    let stage = (any_text(), prop::collection::vec(touchpoint(), 0..=6))
        .prop_map(|(name, touchpoints)| GenStage { name, touchpoints });
    prop::collection::vec(stage, 1..=15).prop_map(|mut stages| {
        // Names are unique (within the journey, within a stage) and never
        // blank: an index and a colon, then anything.
        for (i, stage) in stages.iter_mut().enumerate() {
            stage.name = format!("{i}:{}", stage.name);
            for (j, t) in stage.touchpoints.iter_mut().enumerate() {
                t.name = format!("{j}:{}", t.name);
            }
        }
        stages
    })
}

/// A TOML basic string.
fn quote(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if c < ' ' || c == '\u{7F}' => out.push_str(&format!("\\u{:04X}", u32::from(c))),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn to_toml(stages: &[GenStage]) -> String {
    let mut out = String::from("title = \"Generated\"\n");
    for stage in stages {
        out += &format!("\n[[stage]]\nname = {}\n", quote(&stage.name));
        for t in &stage.touchpoints {
            out += &format!("  [[stage.touchpoint]]\n  name = {}\n", quote(&t.name));
            let marks: Vec<String> = t.marks.iter().map(|m| quote(m.as_str())).collect();
            out += &format!("  marks = [{}]\n", marks.join(", "));
            out += &format!("  moment_of_truth = {}\n", t.moment_of_truth);
            if let Some(score) = t.score {
                out += &format!("  score = {score}\n");
            }
            if let Some(owner) = &t.owner {
                out += &format!("  owner = {}\n", quote(owner));
            }
            if let Some(action) = &t.action {
                out += &format!("  action = {}\n", quote(action));
            }
        }
    }
    out
}

/// SPEC §3's classes, written out again independently of the library.
fn expected_class(marks: &[Mark]) -> Class {
    let has = |m| marks.contains(&m);
    match (has(Mark::Essential), has(Mark::Strength), has(Mark::Pain), has(Mark::WouldPay)) {
        (true, _, true, _) => Class::Fix,
        (_, _, true, _) => Class::Improve,
        (true, true, _, _) => Class::Protect,
        (_, _, _, true) => Class::Monetise,
        (true, _, _, _) | (_, true, _, _) => Class::Maintain,
        _ => Class::Unassessed,
    }
}

/// The position of a class in SPEC §3's table.
fn class_rank(class: Class) -> usize {
    match class {
        Class::Fix => 0,
        Class::Improve => 1,
        Class::Protect => 2,
        Class::Monetise => 3,
        Class::Maintain => 4,
        Class::Unassessed => 5,
    }
}

/// The SPEC §3 sort key of the generated touchpoint at `(stage, index)`:
/// class, moment of truth first, lower score first with a missing score
/// after 5, then spine order.
fn spec_key(stages: &[GenStage], stage: usize, index: usize) -> (usize, bool, u8, usize, usize) {
    let t = &stages[stage].touchpoints[index];
    (class_rank(expected_class(&t.marks)), !t.moment_of_truth, t.score.unwrap_or(6), stage, index)
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn random_bytes_never_panic_and_are_located(
        input in prop::collection::vec(any::<u8>(), 0..2048),
    ) {
        assert_located(&parse_bytes("fuzz.toml", &input, &Options::default()))?;
    }

    #[test]
    fn junk_spliced_into_a_valid_map_never_panics_and_is_located(
        junk in prop::collection::vec(any::<u8>(), 1..64),
        at in 0..=MAP.len(),
    ) {
        let mut input = MAP.as_bytes().to_vec();
        input.splice(at..at, junk);
        assert_located(&parse_bytes("fuzz.toml", &input, &Options::default()))?;
    }

    #[test]
    fn toml_ish_text_never_panics_and_is_located(input in toml_ish()) {
        assert_located(&parse_str("fuzz.toml", &input, &Options::default()))?;
        // The same text appended to a valid map gets further into the walk.
        let longer = format!("{MAP}{input}");
        assert_located(&parse_str("fuzz.toml", &longer, &Options::default()))?;
    }

    #[test]
    fn valid_journeys_prioritise_in_spec_order(stages in journey()) {
        let text = to_toml(&stages);
        let parsed = parse_str("generated.toml", &text, &Options::default());
        let errors: Vec<_> = parsed.diagnostics.iter().filter(|d| d.is_error()).collect();
        prop_assert!(errors.is_empty(), "errors {:?} in\n{}", errors, text);
        assert_located(&parsed)?;
        let journey = parsed.journey.as_ref().ok_or_else(|| TestCaseError::fail("no journey"))?;
        prop_assert_eq!(journey.stages.len(), stages.len());

        let list = priorities::prioritise(journey);
        let total: usize = stages.iter().map(|s| s.touchpoints.len()).sum();
        prop_assert_eq!(list.len(), total);

        // Ranks are 1..=n in list order; each touchpoint appears once.
        let ranks: Vec<usize> = list.iter().map(|p| p.rank).collect();
        prop_assert_eq!(ranks, (1..=total).collect::<Vec<_>>());
        let mut ids: Vec<_> = list.iter().map(|p| (p.id.stage, p.id.index)).collect();
        ids.sort_unstable();
        ids.dedup();
        prop_assert_eq!(ids.len(), total);

        // Each entry is the generated touchpoint, classified by SPEC §3.
        for p in &list {
            let want = &stages[p.id.stage].touchpoints[p.id.index];
            prop_assert_eq!(&p.touchpoint.name, want.name.trim());
            prop_assert_eq!(p.stage, stages[p.id.stage].name.trim());
            prop_assert_eq!(p.class, expected_class(&want.marks));
            prop_assert_eq!(p.touchpoint.moment_of_truth, want.moment_of_truth);
            prop_assert_eq!(p.touchpoint.score.map(|s| s.get()), want.score);
        }

        // Every pair is in SPEC §3 order.
        for (i, a) in list.iter().enumerate() {
            for b in &list[i + 1..] {
                let (ka, kb) = (
                    spec_key(&stages, a.id.stage, a.id.index),
                    spec_key(&stages, b.id.stage, b.id.index),
                );
                prop_assert!(ka < kb, "rank {} {:?} is before rank {} {:?}", a.rank, ka, b.rank, kb);
            }
        }

        // The JSON list agrees with the library's.
        let json: serde_json::Value = serde_json::from_str(&priorities::format(&list, ListFormat::Json))
            .map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(json.as_array().map(Vec::len), Some(total));
    }
}
