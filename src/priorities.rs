//! The prioritised actions (SPEC §3): each touchpoint gets one class from
//! its marks, and the list is ordered so the team knows what to do first.

use std::cmp::Ordering;

use crate::model::{Journey, Mark, Score, Touchpoint, TouchpointId};

/// What the team should do with a touchpoint, most urgent first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Class {
    /// Essential and a pain point: an essential moment that hurts. Fix first.
    Fix,
    /// A pain point that is not essential.
    Improve,
    /// Essential and a strength: done well and it matters. Do not break it.
    Protect,
    /// Customers would pay for it.
    Monetise,
    /// Essential or a strength: keep as is.
    Maintain,
    /// No marks: the team has not assessed it yet.
    Unassessed,
}

impl Class {
    /// Every class, in priority order.
    pub const ALL: [Class; 6] =
        [Class::Fix, Class::Improve, Class::Protect, Class::Monetise, Class::Maintain, Class::Unassessed];

    /// Classifies a touchpoint by the first rule of SPEC §3 that matches.
    pub fn of(t: &Touchpoint) -> Class {
        let (essential, strength, pain, pay) =
            (t.has(Mark::Essential), t.has(Mark::Strength), t.has(Mark::Pain), t.has(Mark::WouldPay));
        if essential && pain {
            Class::Fix
        } else if pain {
            Class::Improve
        } else if essential && strength {
            Class::Protect
        } else if pay {
            Class::Monetise
        } else if essential || strength {
            Class::Maintain
        } else {
            Class::Unassessed
        }
    }

    /// The lower-case name used in output.
    pub fn as_str(self) -> &'static str {
        match self {
            Class::Fix => "fix",
            Class::Improve => "improve",
            Class::Protect => "protect",
            Class::Monetise => "monetise",
            Class::Maintain => "maintain",
            Class::Unassessed => "unassessed",
        }
    }

    /// What the class means, for legends and help.
    pub fn meaning(self) -> &'static str {
        match self {
            Class::Fix => "an essential moment that hurts: fix first",
            Class::Improve => "a pain point that is not essential",
            Class::Protect => "done well and it matters: do not break it",
            Class::Monetise => "customers would pay for it",
            Class::Maintain => "keep as is",
            Class::Unassessed => "the team has not marked it yet",
        }
    }
}

/// One entry of the prioritised list.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Priority<'j> {
    /// 1-based rank in the whole list.
    pub rank: usize,
    /// The touchpoint's class.
    pub class: Class,
    /// Where the touchpoint is on the spine.
    pub id: TouchpointId,
    /// The touchpoint.
    pub touchpoint: &'j Touchpoint,
    /// The name of its stage.
    pub stage: &'j str,
}

/// Every touchpoint of the journey in priority order: by class; within a
/// class moments of truth first, then lower score first (a missing score
/// after 1–5), then spine order.
pub fn prioritise(journey: &Journey) -> Vec<Priority<'_>> {
    let mut list: Vec<Priority<'_>> = journey
        .touchpoints()
        .map(|(id, t)| Priority {
            rank: 0,
            class: Class::of(t),
            id,
            touchpoint: t,
            stage: &journey.stages[id.stage].name,
        })
        .collect();
    list.sort_by(compare);
    for (i, p) in list.iter_mut().enumerate() {
        p.rank = i + 1;
    }
    list
}

/// The actions: the prioritised list without the unassessed touchpoints
/// (SPEC §4: a touchpoint nobody has marked is never an action). They
/// sort last, so every rank is the one [`prioritise`] gives.
pub fn actions(journey: &Journey) -> Vec<Priority<'_>> {
    let mut list = prioritise(journey);
    list.retain(|p| p.class != Class::Unassessed);
    list
}

fn compare(a: &Priority<'_>, b: &Priority<'_>) -> Ordering {
    let score = |p: &Priority<'_>| p.touchpoint.score.map_or(Score::MAX + 1, Score::get);
    a.class
        .cmp(&b.class)
        .then(b.touchpoint.moment_of_truth.cmp(&a.touchpoint.moment_of_truth))
        .then(score(a).cmp(&score(b)))
        .then(a.id.cmp(&b.id))
}

/// How `journeymap priorities` prints the list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ListFormat {
    /// Aligned columns for a terminal.
    #[default]
    Table,
    /// A GitHub-flavoured Markdown table, for issues and wikis.
    Markdown,
    /// RFC 4180 CSV with a header row, for spreadsheets. A cell that
    /// starts with `=`, `+`, `-`, `@`, a tab or a carriage return gets a
    /// leading `'`, so a spreadsheet shows it as text instead of running
    /// it as a formula (`=HYPERLINK(…)` in a map from someone else).
    Csv,
    /// CSV without that guard, for programs that read the cells as data
    /// and want the text exactly as written.
    CsvRaw,
    /// A JSON array of objects, for scripts.
    Json,
}

/// The columns every format shows, in order.
const COLUMNS: [&str; 8] = ["rank", "class", "stage", "touchpoint", "moment_of_truth", "score", "owner", "action"];

/// One row of cells, text as written (CSV and JSON keep line breaks).
fn row(p: &Priority<'_>) -> [String; 8] {
    let t = p.touchpoint;
    [
        p.rank.to_string(),
        p.class.as_str().to_owned(),
        p.stage.to_owned(),
        t.name.clone(),
        if t.moment_of_truth { "yes".to_owned() } else { String::new() },
        t.score.map(|s| s.get().to_string()).unwrap_or_default(),
        t.owner.clone().unwrap_or_default(),
        t.action.clone().unwrap_or_default(),
    ]
}

/// A row for formats with one touchpoint per line: line breaks become
/// spaces.
fn flat_row(p: &Priority<'_>) -> [String; 8] {
    row(p).map(|cell| cell.replace("\r\n", " ").replace(['\r', '\n'], " "))
}

/// Formats the list; the text ends with a newline (JSON and CSV included).
pub fn format(list: &[Priority<'_>], format: ListFormat) -> String {
    match format {
        ListFormat::Table => table(list),
        ListFormat::Markdown => markdown(list),
        ListFormat::Csv => csv(list, true),
        ListFormat::CsvRaw => csv(list, false),
        ListFormat::Json => json(list),
    }
}

/// Text safe to print on a terminal or open in a spreadsheet: what
/// [`crate::terminal::visible`] writes (an ESC that could retitle a
/// terminal as `\u{1b}`), every format but JSON being a report to read.
/// A carriage return stays, as a CSV cell may hold one; the command line
/// shows it visibly on a terminal.
fn inert(s: &str) -> String {
    s.split('\r').map(crate::terminal::visible).collect::<Vec<_>>().join("\r")
}

fn table(list: &[Priority<'_>]) -> String {
    let rows: Vec<[String; 8]> = list.iter().map(|p| flat_row(p).map(|c| inert(&c))).collect();
    let header = COLUMNS.map(|c| if c == "moment_of_truth" { "mot".to_owned() } else { c.to_owned() });
    let mut widths = header.clone().map(|h| h.chars().count());
    for r in &rows {
        for (w, cell) in widths.iter_mut().zip(r) {
            *w = (*w).max(cell.chars().count());
        }
    }
    let line = |cells: &[String; 8]| {
        let padded: Vec<String> =
            cells.iter().zip(widths).map(|(c, w)| format!("{c}{}", " ".repeat(w - c.chars().count()))).collect();
        padded.join("  ").trim_end().to_owned() + "\n"
    };
    std::iter::once(&header).chain(&rows).map(line).collect()
}

fn markdown(list: &[Priority<'_>]) -> String {
    // Backslashes first, so a `\|` in the text cannot undo the escape.
    let escape = |s: &str| inert(&s.replace('\\', "\\\\").replace('|', "\\|").replace('\n', " "));
    let mut out = format!("| {} |\n|{}\n", COLUMNS.join(" | "), "---|".repeat(COLUMNS.len()));
    for p in list {
        let cells: Vec<String> = flat_row(p).iter().map(|c| escape(c)).collect();
        out += &format!("| {} |\n", cells.join(" | "));
    }
    out
}

fn csv(list: &[Priority<'_>], guard_formulas: bool) -> String {
    let quote = |s: &str| {
        let s = inert(s);
        let guard = guard_formulas && s.starts_with(crate::interchange::FORMULA_STARTS);
        let s = if guard { format!("'{s}") } else { s };
        if s.contains([',', '"', '\n', '\r']) { format!("\"{}\"", s.replace('"', "\"\"")) } else { s }
    };
    let mut out = COLUMNS.join(",") + "\r\n";
    for p in list {
        let cells: Vec<String> = row(p).iter().map(|c| quote(c)).collect();
        out += &(cells.join(",") + "\r\n");
    }
    out
}

fn json(list: &[Priority<'_>]) -> String {
    let items: Vec<serde_json::Value> = list
        .iter()
        .map(|p| {
            let t = p.touchpoint;
            serde_json::json!({
                "rank": p.rank,
                "class": p.class.as_str(),
                "stage": p.stage,
                "touchpoint": t.name,
                "moment_of_truth": t.moment_of_truth,
                "score": t.score.map(Score::get),
                "marks": t.marks.iter().map(|m| m.as_str()).collect::<Vec<_>>(),
                "owner": t.owner,
                "channel": t.channel,
                "action": t.action,
            })
        })
        .collect();
    serde_json::to_string_pretty(&items).unwrap_or_else(|_| "[]".to_owned()) + "\n"
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tp(marks: &[Mark]) -> Touchpoint {
        Touchpoint {
            name: String::new(),
            channel: None,
            owner: None,
            actors: vec![],
            marks: marks.to_vec(),
            moment_of_truth: false,
            score: None,
            note: None,
            action: None,
            span: 0..0,
            spans: Default::default(),
        }
    }

    #[test]
    fn csv_cells_that_start_a_formula_or_command_are_guarded() {
        let map = "title = \"T\"\n[[stage]]\nname = \"S\"\n  [[stage.touchpoint]]\n  name = \"C\"\n  owner = \"\\tcmd\"\n  marks = [\"essential\", \"pain\"]\n  action = \"\\r=1\"\n";
        let journey = crate::parse::parse_str("m.toml", map, &Default::default()).journey.expect("valid");
        let guarded = format(&prioritise(&journey), ListFormat::Csv);
        assert!(guarded.contains("'\tcmd") && guarded.contains("'\r=1"), "{guarded:?}");
        let raw = format(&prioritise(&journey), ListFormat::CsvRaw);
        assert!(raw.contains("\tcmd") && !raw.contains("'\tcmd"), "{raw:?}");
    }

    #[test]
    fn actions_leave_out_the_unassessed_and_keep_their_ranks() {
        let map = "title = \"T\"\n[[stage]]\nname = \"S\"\n  [[stage.touchpoint]]\n  name = \"A\"\n  [[stage.touchpoint]]\n  name = \"B\"\n  marks = [\"pain\"]\n  [[stage.touchpoint]]\n  name = \"C\"\n  marks = [\"strength\"]\n";
        let journey = crate::parse::parse_str("m.toml", map, &Default::default()).journey.expect("valid");
        assert_eq!(prioritise(&journey).len(), 3);
        let actions = actions(&journey);
        let names: Vec<(usize, &str)> = actions.iter().map(|p| (p.rank, p.touchpoint.name.as_str())).collect();
        assert_eq!(names, [(1, "B"), (2, "C")]);
        assert!(actions.iter().all(|p| p.class != Class::Unassessed));
    }

    #[test]
    fn first_matching_rule_wins() {
        use Mark::*;
        let cases: &[(&[Mark], Class)] = &[
            (&[Essential, Pain], Class::Fix),
            (&[Essential, Pain, Strength, WouldPay], Class::Fix),
            (&[Pain], Class::Improve),
            (&[Pain, WouldPay, Strength], Class::Improve),
            (&[Essential, Strength], Class::Protect),
            (&[Essential, Strength, WouldPay], Class::Protect),
            (&[WouldPay], Class::Monetise),
            (&[WouldPay, Essential], Class::Monetise),
            (&[Essential], Class::Maintain),
            (&[Strength], Class::Maintain),
            (&[], Class::Unassessed),
        ];
        for (marks, class) in cases {
            assert_eq!(Class::of(&tp(marks)), *class, "{marks:?}");
        }
    }
}
