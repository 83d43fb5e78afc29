//! A diagram as a journey file, and a journey as a diagram.

use std::collections::{HashMap, HashSet};

use super::{Diagram, Section, changed, first_word};
use crate::diag::Diagnostic;
use crate::interchange::map_file::{MapFile, StageEntry, TouchpointEntry};
use crate::model::Journey;

/// A diagram as a journey file, with comments that say where it came
/// from. Names made unique and placeholders (a title, a stage) are
/// reported in `diagnostics`, located in the diagram.
pub fn to_toml(diagram: &Diagram, source_name: &str, diagnostics: &mut Vec<Diagnostic>) -> String {
    let title = diagram
        .title
        .clone()
        .filter(|t| !t.trim().is_empty())
        .or_else(|| diagram.acc_title.clone().filter(|t| !t.trim().is_empty()));
    let title = title.map_or_else(
        || {
            diagnostics.push(changed(
                0..0,
                "title",
                "the diagram has no title; the map is titled \"Untitled journey\"",
                "add `title My journey` to the diagram, or change the title in the map",
            ));
            "Untitled journey".to_owned()
        },
        |t| t.trim().to_owned(),
    );
    let subtitle = diagram.acc_title.as_deref().map(str::trim).filter(|a| !a.is_empty() && *a != title);
    let description = diagram.acc_descr.as_deref().map(str::trim).filter(|d| !d.is_empty());
    let map = MapFile {
        subtitle: subtitle.map(str::to_owned),
        description: description.map(str::to_owned),
        stages: stages(diagram, diagnostics),
        title,
        ..MapFile::default()
    };
    let from = format!("Imported from the Mermaid journey {source_name} by `journeymap import`.");
    map.to_toml(&[&from, "Mermaid has no marks, moments of truth, owners or actions: add them here."])
}

/// The diagram's sections as stages, their names made unique.
fn stages(diagram: &Diagram, diagnostics: &mut Vec<Diagnostic>) -> Vec<StageEntry> {
    let mut sections: Vec<&Section> =
        diagram.sections.iter().filter(|s| !(s.name.is_empty() && s.tasks.is_empty())).collect();
    let placeholder = Section { name: "Journey".to_owned(), span: 0..0, tasks: Vec::new() };
    if sections.is_empty() {
        diagnostics.push(changed(
            0..0,
            "section",
            "the diagram has no sections; the map has one stage, \"Journey\", to fill in",
            "add `section Go to work` and tasks under it, or add stages to the map",
        ));
        sections.push(&placeholder);
    }
    let mut names = UniqueNames::default();
    let mut stages = Vec::with_capacity(sections.len());
    for section in sections {
        let mut name = if section.name.is_empty() {
            diagnostics.push(changed(
                section.span.clone(),
                "section",
                "tasks before the first `section` go into a stage named \"Start\"",
                "put a `section` line above them to name their stage",
            ));
            "Start".to_owned()
        } else {
            section.name.clone()
        };
        let unique = names.claim(&name);
        if unique != name {
            diagnostics.push(changed(
                section.span.clone(),
                "section",
                format!(
                    "a second section named \"{name}\" becomes the stage \"{unique}\": stage names are unique in a map"
                ),
                "rename one of the sections, or merge them in the map",
            ));
            name = unique;
        }
        let touchpoints = touchpoints(section, &name, diagnostics);
        stages.push(StageEntry { name, touchpoints, ..StageEntry::default() });
    }
    stages
}

/// A section's tasks as touchpoints, their names made unique in it.
fn touchpoints(section: &Section, stage: &str, diagnostics: &mut Vec<Diagnostic>) -> Vec<TouchpointEntry> {
    let mut names = UniqueNames::default();
    let mut touchpoints = Vec::with_capacity(section.tasks.len());
    for task in &section.tasks {
        let mut name = if task.name.is_empty() { "Untitled task".to_owned() } else { task.name.clone() };
        let unique = names.claim(&name);
        if unique != name {
            diagnostics.push(changed(
                task.span.clone(),
                "task",
                format!("a second task named \"{name}\" in \"{stage}\" becomes \"{unique}\": touchpoint names are unique in a stage"),
                "rename one of the tasks",
            ));
            name = unique;
        }
        let mut note = Vec::new();
        if let Some(odd) = &task.odd_score {
            note.push(format!("Mermaid score: {odd}"));
        }
        if !task.extra.is_empty() {
            note.push(format!("More Mermaid fields: {}", task.extra.join(": ")));
        }
        touchpoints.push(TouchpointEntry {
            name,
            score: task.score,
            actors: task.actors.clone(),
            note: (!note.is_empty()).then(|| note.join("; ")),
            ..TouchpointEntry::default()
        });
    }
    touchpoints
}

/// Names already given in one scope (the map's stages, a stage's
/// touchpoints), handing out `name (2)`, `name (3)`… for a repeat. Each
/// name remembers the next number to try, so n repeats cost O(n), not the
/// O(n³) of searching a list from `(2)` up each time.
#[derive(Debug, Default)]
struct UniqueNames {
    taken: HashSet<String>,
    /// For each repeated name, the next number to try.
    next: HashMap<String, usize>,
    /// How many names were looked up, for the test that bounds the work.
    probes: usize,
}

impl UniqueNames {
    /// `name`, or `name (2)`, `name (3)`… if it is taken; the result is
    /// taken from then on.
    fn claim(&mut self, name: &str) -> String {
        self.probes += 1;
        if self.taken.insert(name.to_owned()) {
            return name.to_owned();
        }
        let next = self.next.entry(name.to_owned()).or_insert(2);
        loop {
            let candidate = format!("{name} ({next})");
            *next += 1;
            self.probes += 1;
            if self.taken.insert(candidate.clone()) {
                return candidate;
            }
        }
    }
}

/// A journey as a Mermaid `journey` diagram: the title, the subtitle as
/// `accTitle`, the description as `accDescr`, each stage a section and each
/// touchpoint a task with its score and actors. Everything else (marks,
/// moments of truth, channels, owners, notes, actions, the spine's
/// questions, lanes and the poster settings) has no place in Mermaid and is
/// left out; a touchpoint without a score gets 3, said in a comment above
/// it, since Mermaid needs one.
pub fn write(journey: &Journey) -> String {
    let mut out = String::from("journey\n");
    out += &format!("    title {}\n", clean(&journey.title, true));
    if let Some(sub) = &journey.subtitle {
        out += &format!("    accTitle: {}\n", clean(sub, true));
    }
    if let Some(descr) = &journey.description {
        let lines: Vec<String> = descr.lines().map(|l| l.replace('}', ")")).collect();
        if lines.len() > 1 {
            out += "    accDescr {\n";
            for l in lines {
                out += &format!("        {}\n", l.trim());
            }
            out += "    }\n";
        } else {
            out += &format!("    accDescr: {}\n", clean(descr, true));
        }
    }
    for stage in &journey.stages {
        // After `section ` a keyword is just a word: no quoting needed.
        out += &format!("    section {}\n", clean(&stage.name, false));
        for t in &stage.touchpoints {
            let score = match t.score {
                Some(s) => s.get().to_string(),
                None => {
                    out += &format!("      %% {} has no score in the map; 3 stands in for it\n", clean(&t.name, true));
                    "3".to_owned()
                }
            };
            let actors: Vec<String> = t.actors.iter().map(|a| clean(a, false).replace(',', " ")).collect();
            let name = safe_start(&clean(&t.name, false));
            if actors.is_empty() {
                out += &format!("      {name}: {score}\n");
            } else {
                out += &format!("      {name}: {score}: {}\n", actors.join(", "));
            }
        }
    }
    out
}

/// Text Mermaid reads back as written: no line breaks, and none of the
/// characters its lexer stops at (`:` but in accessibility text, `#`, `;`).
fn clean(text: &str, colon_ok: bool) -> String {
    let one_line = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut out = one_line.replace('#', "No. ").replace(';', ",").replace("%%", "%");
    if !colon_ok {
        out = out.replace(':', " –");
    }
    out
}

/// A name that does not start with one of Mermaid's keywords, which would
/// make the line a header, a title or a section: such a name is quoted.
fn safe_start(name: &str) -> String {
    let word = first_word(name).to_ascii_lowercase();
    if ["journey", "title", "section", "acctitle", "accdescr"].contains(&word.as_str()) || name.is_empty() {
        format!("“{name}”")
    } else {
        name.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn written_names_read_back_unchanged_in_meaning() {
        assert_eq!(safe_start("Section review"), "“Section review”");
        assert_eq!(clean("Day 1: Morning #2; later", false), "Day 1 – Morning No. 2, later");
    }

    #[test]
    fn repeated_names_cost_a_bounded_number_of_probes() {
        // Each repeat of a name gets the next free `name (n)`: a few
        // probes each, however many came before, so an import of n
        // repeated tasks is linear.
        let mut names = UniqueNames::default();
        let n = 300;
        names.claim("Same (3)");
        for _ in 0..n {
            names.claim("Same");
        }
        assert_eq!(names.claim("Same"), format!("Same ({})", n + 2));
        assert!(names.probes <= 3 * (n + 2), "{} probes for {} names", names.probes, n + 2);
    }
}
