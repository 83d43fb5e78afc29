//! Mermaid `journey` import and export over the corpus in
//! `corpus/mermaid-journey/` (copied from `shared/corpus`; see its README):
//! every diagram Mermaid draws imports and renders, every probe Mermaid
//! refuses gives a located error, Mermaid's surprising readings come out as
//! the corpus README records them (or better, and said), and a map written
//! as Mermaid reads back to the same diagram.

mod common;

use std::path::{Path, PathBuf};

use journeymap::diag::{Code, FileId};
use journeymap::interchange::mermaid;
use journeymap::model::Journey;
use journeymap::parse::{self, Parsed};
use journeymap::render::{OutputFormat, Renderer};
use journeymap::text::Fonts;

const CORPUS: &str = "tests/corpus/mermaid-journey";

fn files(dir: &str) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{dir}: {e}"))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "mmd"))
        .collect();
    files.sort();
    files
}

fn parse(path: &Path) -> Parsed {
    parse::parse_file(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn journey(path: &Path) -> Journey {
    let parsed = parse(path);
    let errors: Vec<_> = parsed.diagnostics.iter().filter(|d| d.is_error()).collect();
    assert!(errors.is_empty(), "{}: {errors:?}", path.display());
    parsed.journey.unwrap_or_else(|| panic!("{}: no journey", path.display()))
}

#[test]
fn every_diagram_mermaid_draws_imports_and_renders() {
    let mut all = files(CORPUS);
    all.extend(files(&format!("{CORPUS}/probes/quirks")));
    assert_eq!(all.len(), 23 + 18, "the corpus: 23 diagrams from Mermaid, 18 quirks");
    let renderer = Renderer::new(Fonts::embedded());
    for path in &all {
        let mut parsed = parse(path);
        let theme = renderer.check(&mut parsed).expect("the default theme");
        let journey = parsed.journey.as_ref().unwrap_or_else(|| panic!("{}: {:?}", path.display(), parsed.diagnostics));
        let document = renderer.layout(journey, &theme).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let violations = common::violations(&document);
        assert!(violations.is_empty(), "{}: {violations:?}", path.display());
        let svg = renderer.export(&document, &theme, &OutputFormat::svg()).expect("svg");
        assert!(svg.starts_with(b"<svg"), "{}", path.display());
        // Every task is on the poster.
        let text = String::from_utf8_lossy(&svg);
        for (_, t) in journey.touchpoints() {
            let first = t.name.split_whitespace().next().unwrap_or_default();
            let first = first.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;");
            assert!(text.contains(&first), "{}: {} is not on the poster", path.display(), t.name);
        }
    }
}

/// Each probe Mermaid refuses, the line where the fix goes, and words of
/// the message.
const REFUSED: &[(&str, usize, &str)] = &[
    ("acc-descr-unclosed.mmd", 2, "never closed"),
    ("accTitle-without-colon.mmd", 2, "needs a colon"),
    ("missing-header.mmd", 1, "instead of the line `journey`"),
    ("section-keyword-alone.mmd", 2, "needs a name"),
    ("section-name-with-colon.mmd", 2, "contains `:`"),
    ("semicolon-in-actors.mmd", 3, "`;`"),
    ("task-colon-nothing-after.mmd", 3, "no score"),
    ("task-named-journey.mmd", 3, "word `journey`"),
    ("task-named-section-x.mmd", 3, "contains `:`"),
    ("task-without-score.mmd", 3, "has no score"),
];

#[test]
fn every_diagram_mermaid_refuses_gets_one_located_error_with_a_fix() {
    let invalid = files(&format!("{CORPUS}/probes/invalid"));
    assert_eq!(invalid.len(), REFUSED.len(), "a line in REFUSED for every probe");
    for path in &invalid {
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or_default();
        let &(_, line, words) =
            REFUSED.iter().find(|(n, _, _)| *n == name).unwrap_or_else(|| panic!("{name} is not in REFUSED"));
        let parsed = parse(path);
        assert!(parsed.journey.is_none(), "{name}");
        let errors: Vec<_> = parsed.diagnostics.iter().filter(|d| d.is_error()).collect();
        assert_eq!(errors.len(), 1, "{name}: {errors:?}");
        let e = errors[0];
        assert_eq!(e.code, Code::MermaidSyntax, "{name}");
        let at = parsed.files.get(e.file).expect("its file").locate(e.span.start);
        assert_eq!(at.line, line, "{name}: {e:?}");
        assert!(e.message.contains(words), "{name}: {}", e.message);
        assert!(e.hint().is_some_and(|h| !h.is_empty()), "{name}: a fix");
        assert_eq!(parsed.files.get(e.file).map(|s| s.name.as_str()), Some(path.to_str().unwrap_or_default()));
    }
}

/// What the import keeps of each quirk, beside what Mermaid keeps (the
/// corpus README's table).
#[test]
fn mermaids_surprises_are_kept_and_said() {
    let quirk = |name: &str| {
        let path = PathBuf::from(format!("{CORPUS}/probes/quirks/{name}"));
        let parsed = parse(&path);
        let notes: Vec<String> = parsed
            .diagnostics
            .iter()
            .filter(|d| d.file != FileId::MAP)
            .map(|d| format!("{} {}", d.code, d.message))
            .collect();
        (journey(&path), notes)
    };
    let names = |j: &Journey| j.stages.iter().map(|s| s.name.clone()).collect::<Vec<_>>();
    let tasks = |j: &Journey| {
        j.touchpoints()
            .map(|(_, t)| (t.name.clone(), t.score.map(|s| s.get()), t.actors.clone(), t.note.clone()))
            .collect::<Vec<_>>()
    };

    // Mermaid: sections A, B, A. A map's stage names are unique.
    let (j, notes) = quirk("duplicate-sections.mmd");
    assert_eq!(names(&j), ["A", "B", "A (2)"]);
    assert!(notes.iter().any(|n| n.contains("becomes the stage \"A (2)\"")), "{notes:?}");

    // Mermaid: scores 9, -2 and 2.5 pass unchecked; here they are notes.
    let (j, notes) = quirk("score-out-of-range.mmd");
    let t = tasks(&j);
    assert!(t.iter().all(|(_, score, _, _)| score.is_none()), "{t:?}");
    assert_eq!(t[0].3.as_deref(), Some("Mermaid score: 9"));
    assert_eq!(notes.iter().filter(|n| n.starts_with("import-changed the score")).count(), 3, "{notes:?}");

    // Mermaid: NaN.
    let (j, _) = quirk("score-not-a-number.mmd");
    assert_eq!(tasks(&j)[0].1, None);

    // Mermaid: tasks before the first section are in section "".
    let (j, notes) = quirk("task-before-section.mmd");
    assert_eq!(names(&j), ["Start", "A"]);
    assert_eq!(tasks(&j)[0].0, "Orphan");
    assert!(notes.iter().any(|n| n.contains("\"Start\"")), "{notes:?}");

    // Mermaid: the actors Dad and Child, cut at `#`; said here.
    let (j, notes) = quirk("hash-in-actor.mmd");
    assert_eq!(tasks(&j)[0].2, ["Dad", "Child"]);
    assert!(notes.iter().any(|n| n.contains("cut at `#`")), "{notes:?}");

    // Mermaid keeps `%% note` in the last actor; here it is a comment.
    let (j, notes) = quirk("trailing-percent-comment.mmd");
    assert_eq!(tasks(&j)[0].2, ["Me"]);
    assert!(notes.iter().any(|n| n.contains("comment")), "{notes:?}");

    // Mermaid drops fields after the actors; here they go to the note.
    let (j, _) = quirk("extra-colon-fields.mmd");
    assert!(tasks(&j)[0].3.as_deref().is_some_and(|n| n.starts_with("More Mermaid fields")), "{:?}", tasks(&j));

    // Mermaid: the empty actor "" and ["", "Me", ""]: empty actors are left out.
    let (j, _) = quirk("empty-actor-list.mmd");
    assert_eq!(tasks(&j)[1].2, ["Me"]);

    // As Mermaid: a `title` task sets the title, the second title wins,
    // keywords in capitals, CRLF, tabs, colons in the title, Unicode.
    let (j, notes) = quirk("task-named-title-x.mmd");
    assert_eq!(j.title, "screen: 5: Me");
    assert!(notes.iter().any(|n| n.contains("not a task")), "{notes:?}");
    assert_eq!(quirk("multiple-titles.mmd").0.title, "Second");
    assert_eq!(quirk("uppercase-keywords.mmd").0.title, "Shouting");
    assert_eq!(quirk("crlf-line-endings.mmd").0.title, "T");
    assert_eq!(tasks(&quirk("tabs-and-no-space-after-colon.mmd").0)[0].2, ["Me", "Cat"]);
    assert_eq!(quirk("title-with-colon.mmd").0.title, "Day one: the commute");
    let (j, _) = quirk("unicode-text.mmd");
    assert_eq!((j.title.as_str(), names(&j)[0].as_str()), ("Café journey — día 1", "Ankunft 🚆"));

    // From Mermaid's own tests: front matter title, accTitle, accDescr.
    let j = journey(Path::new(&format!("{CORPUS}/022-demo-frontmatter-title.mmd")));
    assert_eq!(j.title, "My working day");
    assert_eq!(j.subtitle.as_deref(), Some("Very simple journey demo"));
    assert_eq!(j.description.as_deref(), Some("2 main sections: work and home, each with just a few tasks"));
    let j = journey(Path::new(&format!("{CORPUS}/003-accdescr-multiline.mmd")));
    assert_eq!(j.description.as_deref(), Some("A user journey for\nfamily shopping"));
    assert_eq!(j.title, "Adding journey diagram functionality to mermaid");
}

/// A task as Mermaid holds it: name, score, actors.
type MermaidTask = (String, Option<u8>, Vec<String>);

/// What a round trip through Mermaid keeps: the diagram's own data.
fn diagram_of(j: &Journey) -> (String, Vec<(String, Vec<MermaidTask>)>) {
    let stages = j
        .stages
        .iter()
        .map(|s| {
            let tasks =
                s.touchpoints.iter().map(|t| (t.name.clone(), t.score.map(|s| s.get()), t.actors.clone())).collect();
            (s.name.clone(), tasks)
        })
        .collect();
    (j.title.clone(), stages)
}

#[test]
fn a_map_written_as_mermaid_reads_back_to_the_same_diagram() {
    let mut maps: Vec<PathBuf> = files(CORPUS);
    maps.extend(
        ["samples/airline.toml", "samples/saas-onboarding.toml", "samples/clinic-visit.toml"].map(PathBuf::from),
    );
    for path in &maps {
        let original = journey(path);
        let text = mermaid::write(&original);
        let parsed = parse::parse_bytes("export.mmd", text.as_bytes(), &parse::Options::default());
        let back =
            parsed.journey.as_ref().unwrap_or_else(|| panic!("{}: {text}\n{:?}", path.display(), parsed.diagnostics));
        let (mut want, got) = (diagram_of(&original), diagram_of(back));
        // A touchpoint without a score comes back with the stand-in 3.
        for (_, tasks) in &mut want.1 {
            for task in tasks.iter_mut() {
                task.1 = task.1.or(Some(3));
            }
        }
        assert_eq!(want, got, "{}:\n{text}", path.display());
        assert_eq!(back.subtitle, original.subtitle, "{}", path.display());
        assert_eq!(back.description, original.description, "{}", path.display());
    }
}

#[test]
fn names_mermaid_would_misread_are_written_so_they_read_back() {
    let text = "title = \"Day: one #1\"\n[[stage]]\nname = \"Section 1: arrival\"\n  [[stage.touchpoint]]\n  name = \"Journey home; late\"\n  score = 2\n  actors = [\"Me, myself\", \"Cat\"]\n";
    let parsed = parse::parse_str("odd.toml", text, &parse::Options::default());
    let written = mermaid::write(parsed.journey.as_ref().expect("valid"));
    let back = parse::parse_bytes("odd.mmd", written.as_bytes(), &parse::Options::default());
    let j = back.journey.unwrap_or_else(|| panic!("{written}\n{:?}", back.diagnostics));
    assert_eq!(j.stages[0].name, "Section 1 – arrival", "{written}");
    assert_eq!(j.stages[0].touchpoints[0].name, "“Journey home, late”", "{written}");
    assert_eq!(j.title, "Day: one No. 1", "{written}");
    assert_eq!(j.stages[0].touchpoints[0].actors, ["Me myself", "Cat"], "{written}");
}

#[test]
fn the_command_line_imports_exports_and_renders_a_diagram() {
    let dir = tempfile::tempdir().expect("a folder");
    let diagram = std::fs::canonicalize(format!("{CORPUS}/016-my-working-day.mmd")).expect("the corpus");
    let diagram = diagram.to_str().expect("UTF-8");
    let out = common::run_in(dir.path(), &["import", diagram, "-o", "day.toml"], None);
    assert_eq!(common::code(&out), 0, "{}", common::stderr(&out));
    assert!(common::stderr(&out).contains("imported 2 stages and 5 touchpoints"), "{}", common::stderr(&out));
    let map = std::fs::read_to_string(dir.path().join("day.toml")).expect("the map");
    assert!(map.contains("title = \"My working day\"") && map.contains("actors = [\"Me\", \"Cat\"]"), "{map}");
    // Never over an existing file without --force.
    let again = common::run_in(dir.path(), &["import", diagram, "-o", "day.toml"], None);
    assert_eq!(common::code(&again), 2);
    // Rendered straight from the diagram, and from the imported map: one poster.
    let out = common::run_in(dir.path(), &["render", diagram, "-o", "direct.svg"], None);
    assert_eq!(common::code(&out), 0, "{}", common::stderr(&out));
    let out = common::run_in(dir.path(), &["render", "day.toml", "-o", "via-map.svg"], None);
    assert_eq!(common::code(&out), 0, "{}", common::stderr(&out));
    let (direct, via) = (std::fs::read(dir.path().join("direct.svg")), std::fs::read(dir.path().join("via-map.svg")));
    assert!(direct.is_ok() && direct.ok() == via.ok(), "the same poster either way");
    // Standard input is recognised by its `journey` line.
    let text = std::fs::read(diagram).expect("read");
    let out = common::run_in(dir.path(), &["check", "-"], Some(&text));
    assert_eq!(common::code(&out), 0, "{}", common::stderr(&out));
    // And back out.
    let out = common::run_in(dir.path(), &["export", "mermaid", "day.toml"], None);
    assert_eq!(common::code(&out), 0, "{}", common::stderr(&out));
    let written = common::stdout(&out);
    assert!(written.starts_with("journey\n    title My working day\n"), "{written}");
    assert!(written.contains("      Do work: 1: Me, Cat\n"), "{written}");
    // A refused diagram: exit 1, the error at its line, no file.
    let bad = std::fs::canonicalize(format!("{CORPUS}/probes/invalid/task-without-score.mmd")).expect("probe");
    let out = common::run_in(dir.path(), &["import", bad.to_str().expect("UTF-8"), "-o", "bad.toml"], None);
    assert_eq!(common::code(&out), 1);
    assert!(common::stderr(&out).contains("task-without-score.mmd:3:3"), "{}", common::stderr(&out));
    assert!(!dir.path().join("bad.toml").exists());
}
