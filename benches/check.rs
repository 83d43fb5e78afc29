//! How long `journeymap check` takes on a large map: 100 stages and 1,000
//! touchpoints with every field filled, parsed and validated by
//! [`parse::parse_str`] (decoding, the nesting guard, the TOML parse, the
//! walk and the lint); and importing a Mermaid journey of 20,000 tasks of
//! one name, which once took minutes. A map with two lines of 3.5 MB
//! and a syntax error at the end of one, whose message must be cut around
//! the problem (tests/hostile_input.rs checks the message; this, how long
//! it takes).

use std::fmt::Write;
use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use journeymap::parse::{self, Options};

const STAGES: usize = 100;
const TOUCHPOINTS_PER_STAGE: usize = 10;

/// A map with `STAGES` stages of `TOUCHPOINTS_PER_STAGE` touchpoints each,
/// every field of SPEC §2 present.
fn large_map() -> String {
    let mut out = String::from(
        r#"format = 1
title = "Flying Nordic Air"
subtitle = "Business trips between Copenhagen and Stockholm"
persona = "Frequent business traveller"
organisation = "Nordic Air"
team = ["Customer experience", "Sales", "Digital", "Ground operations"]
date = 2026-11-22
version = "1.2"
status = "validated"
sources = ["14 customer interviews, October 2026", "Net Promoter survey Q3 2026"]
theme = "classic"

[poster]
size = "A0"
orientation = "landscape"
panels = ["questions", "touchpoints", "curve", "health", "priorities", "legend"]

[[lane]]
key = "thinking"
title = "What are they thinking?"

[[lane]]
key = "feeling"
title = "How do they feel?"
"#,
    );
    let marks = [
        r#"["essential", "pain"]"#,
        r#"["pain"]"#,
        r#"["essential", "strength"]"#,
        r#"["would-pay"]"#,
        r#"["strength"]"#,
        r#"["essential", "strength", "would-pay"]"#,
    ];
    for s in 0..STAGES {
        let _ = write!(
            out,
            r#"
[[stage]]
name = "Stage {s}"
doing = "Compares three sites before choosing a flight for stage {s}."
motivation = "A client meeting that cannot be done on a video call."
concerns = ["Is the train cheaper door to door?", "Will the early flight leave on time?"]
alleviation = ["Door-to-door time comparison on the fare page", "Published punctuality"]
effort = {effort}
effort_note = "Needs to compare three sites."
thinking = "Do I really have to be there in person?"
feeling = ["Rushed", "Hopeful"]
"#,
            effort = s % 5 + 1,
        );
        for t in 0..TOUCHPOINTS_PER_STAGE {
            let _ = write!(
                out,
                r#"
  [[stage.touchpoint]]
  name = "Touchpoint {s}.{t}"
  channel = "Web"
  owner = "Digital"
  actors = ["Traveller", "Travel manager"]
  marks = {marks}
  moment_of_truth = {mot}
  score = {score}
  note = "Most trips start with a colleague's story about the 07:05 flight."
  action = "Show the door-to-door time next to every fare"
"#,
                marks = marks[(s + t) % marks.len()],
                mot = t == 0,
                score = (s * 7 + t) % 5 + 1,
            );
        }
    }
    out
}

fn check(c: &mut Criterion) {
    let map = large_map();
    let options = Options::default();
    let parsed = parse::parse_str("large.toml", &map, &options);
    let journey = parsed.journey.as_ref().unwrap_or_else(|| {
        panic!("the generated map must be valid: {:?}", parsed.diagnostics.iter().find(|d| d.is_error()))
    });
    assert_eq!(journey.stages.len(), STAGES);
    assert_eq!(journey.touchpoints().count(), STAGES * TOUCHPOINTS_PER_STAGE);

    c.bench_function("check 100 stages, 1000 touchpoints", |b| {
        b.iter(|| parse::parse_str(black_box("large.toml"), black_box(&map), &options))
    });

    // Importing a Mermaid journey whose tasks all have one name: each
    // repeat gets the next free `name (n)`, in constant time.
    let diagram = repeated_tasks(REPEATED_TASKS);
    c.bench_function("import Mermaid, 20000 tasks of one name", |b| {
        b.iter(|| parse::parse_mermaid(black_box("repeated.mmd"), black_box(diagram.as_bytes()), &options))
    });

    // Thousands of syntax errors: each is explained from one index of the
    // file's lines, headers and keys, so the cost per error stays flat
    // from 2,000 to 20,000.
    for n in [2_000, 20_000] {
        let broken = format!("title = \"T\"\n[[stage]]\nname = \"A\"\n{}", "doing = \"x\"\n".repeat(n));
        c.bench_function(&format!("check {n} duplicate keys"), |b| {
            b.iter(|| parse::parse_str(black_box("dups.toml"), black_box(&broken), &options))
        });
    }
}

const REPEATED_TASKS: usize = 20_000;

/// A Mermaid journey of one section with `n` tasks named alike.
fn repeated_tasks(n: usize) -> String {
    let mut out = String::from("journey\n  title Repeats\n  section Same\n");
    for _ in 0..n {
        out += "    Make tea: 5: Me\n";
    }
    out
}

/// A syntax error at the end of a 3.5 MB line, after another such line.
fn huge_lines(c: &mut Criterion) {
    let map = format!(
        "title = \"t\"\nnote = \"{}\"\n[[stage]]\nname = \"Awareness\"\ndoing = \"{}\" junk\n",
        "x".repeat(3_500_000),
        "y".repeat(3_500_000)
    );
    let options = Options::default();
    assert!(parse::parse_str("huge.toml", &map, &options).journey.is_none(), "the junk is an error");
    let mut group = c.benchmark_group("check a line of megabytes");
    group.sample_size(10);
    group.bench_function("7 MB, one error", |b| b.iter(|| parse::parse_str("huge.toml", black_box(&map), &options)));
    group.finish();
}

criterion_group!(benches, check, huge_lines);
criterion_main!(benches);
