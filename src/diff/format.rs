//! A diff as text: lines for a terminal, Markdown for a pull-request
//! comment (a table per kind of change), JSON for scripts (see
//! [`super::json`]).

use super::{Diff, Kind, RankShift, Shift, StageKind, TouchpointChange};
use crate::model::Mark;

/// How a diff is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Format {
    /// Lines for a terminal, one per change.
    #[default]
    Text,
    /// GitHub-flavoured Markdown: a table per kind of change.
    Markdown,
    /// A JSON object for scripts (its shape is documented in the README).
    Json,
}

/// What the two maps are called in the output (their paths, or
/// `REV:PATH`); empty names leave the heading's names out.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Names {
    /// The old map's name.
    pub old: String,
    /// The new map's name.
    pub new: String,
}

/// The diff in `format`, ending with a newline. Text and Markdown write
/// every character that could drive a terminal visibly (as `\u{1b}`);
/// JSON keeps the text exact.
pub fn format(diff: &Diff, format: Format, names: &Names) -> String {
    match format {
        Format::Text => text(diff, names),
        Format::Markdown => markdown(diff, names),
        Format::Json => super::json::json(diff, names),
    }
}

/// The most characters of a value a report shows: a paragraph-long note
/// is cut with `…` (the JSON has it whole).
const MAX_SHOWN: usize = 160;

/// A value for a line or a cell: on one line, cut to [`MAX_SHOWN`]
/// characters, every unsafe character written visibly.
fn shown(s: &str) -> String {
    let flat = s.split_whitespace().collect::<Vec<_>>().join(" ");
    let cut = match flat.char_indices().nth(MAX_SHOWN) {
        Some((at, _)) => format!("{}…", &flat[..at]),
        None => flat,
    };
    crate::terminal::visible(&cut).into_owned()
}

/// A Markdown table cell: [`shown`], with `|`, `\` and the characters
/// HTML gives a meaning to escaped, so a map's text stays text in a
/// comment.
fn cell(s: &str) -> String {
    shown(s).replace('\\', "\\\\").replace('|', "\\|").replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;")
}

fn opt(s: &Option<String>) -> String {
    s.as_deref().map_or_else(|| "—".to_owned(), shown)
}

fn opt_cell(s: &Option<String>) -> String {
    s.as_deref().map_or_else(|| "—".to_owned(), cell)
}

/// A health or score change as a signed number with an arrow: "▲ +2".
fn delta(old: i64, new: i64) -> String {
    match new - old {
        d if d > 0 => format!("▲ +{d}"),
        d if d < 0 => format!("▼ −{}", d.unsigned_abs()),
        _ => "=".to_owned(),
    }
}

/// A health as the poster writes it: "+2", "−3", "0".
fn signed(n: i64) -> String {
    match n {
        n if n > 0 => format!("+{n}"),
        n if n < 0 => format!("−{}", n.unsigned_abs()),
        _ => "0".to_owned(),
    }
}

fn score(s: Option<u8>) -> String {
    s.map_or_else(|| "—".to_owned(), |s| s.to_string())
}

fn rank(r: Option<usize>) -> String {
    r.map_or_else(|| "—".to_owned(), |r| format!("#{r}"))
}

fn mean(m: Option<f64>) -> String {
    m.map_or_else(
        || "—".to_owned(),
        |m| format!("{}.{}", (m * 10.0).round() as i64 / 10, (m * 10.0).round() as i64 % 10),
    )
}

fn marks(list: &[Mark], mot: Option<bool>, wanted: bool) -> String {
    let mut words: Vec<&str> = list.iter().map(|m| m.as_str()).collect();
    if mot == Some(wanted) {
        words.push("moment of truth");
    }
    if words.is_empty() { "—".to_owned() } else { words.join(", ") }
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// The counts, in words: "2 new touchpoints · 1 score changed · …".
pub(crate) fn counts(diff: &Diff) -> Vec<String> {
    let n = |k| diff.count(k);
    let stages = |k: StageKind| diff.stages.iter().filter(|s| s.kind == k).count();
    let all = [
        (stages(StageKind::Added), "new stage", "new stages"),
        (stages(StageKind::Removed), "stage removed", "stages removed"),
        (stages(StageKind::Renamed), "stage renamed", "stages renamed"),
        (n(Kind::Added), "new touchpoint", "new touchpoints"),
        (n(Kind::Removed), "touchpoint removed", "touchpoints removed"),
        (n(Kind::Score), "score changed", "scores changed"),
        (n(Kind::Marks), "card with marks changed", "cards with marks changed"),
        (n(Kind::Moved), "touchpoint moved", "touchpoints moved"),
        (n(Kind::Renamed), "touchpoint renamed", "touchpoints renamed"),
        (n(Kind::Rank), "priority moved", "priorities moved"),
        (n(Kind::Text), "card with text changed", "cards with text changed"),
        (diff.health.len(), "stage's health changed", "stages' health changed"),
        (diff.answers.len(), "answer changed", "answers changed"),
        (diff.fields.len(), "map field changed", "map fields changed"),
    ];
    all.iter().filter(|(n, ..)| *n > 0).map(|(n, one, many)| plural(*n, one, many)).collect()
}

fn heading(names: &Names) -> String {
    if names.old.is_empty() && names.new.is_empty() {
        "What changed".to_owned()
    } else {
        format!("What changed: {} → {}", shown(&names.old), shown(&names.new))
    }
}

fn where_(c: &TouchpointChange) -> String {
    c.place().map_or_else(String::new, |p| format!("{} › {}", shown(&p.stage_name), shown(&p.name)))
}

/// What a touchpoint's change says, after its name, for the text lines.
fn details(c: &TouchpointChange) -> Vec<String> {
    let mut out = Vec::new();
    if c.is(Kind::Added) || c.is(Kind::Removed) {
        let t = &c.touchpoint;
        let mut said = vec![if c.is(Kind::Added) { "new" } else { "removed" }.to_owned()];
        let m: Vec<&str> = t.marks.iter().map(|m| m.as_str()).collect();
        if !m.is_empty() {
            said.push(m.join(", "));
        }
        if let Some(s) = t.score {
            said.push(format!("score {}", s.get()));
        }
        if let Some(r) = c.rank.and_then(|r| r.new.or(r.old)) {
            said.push(format!("rank #{r}"));
        }
        out.push(said.join("; "));
    }
    if let Some(Shift { old, new }) = c.score {
        let arrow = match (old, new) {
            (Some(a), Some(b)) if b > a => " ▲",
            (Some(a), Some(b)) if b < a => " ▼",
            _ => "",
        };
        out.push(format!("score {} → {}{arrow}", score(old), score(new)));
    }
    if !c.marks.is_empty() {
        let mut said = Vec::new();
        let gained = marks(&c.marks.gained, c.marks.moment_of_truth, true);
        let lost = marks(&c.marks.lost, c.marks.moment_of_truth, false);
        if gained != "—" {
            said.push(format!("gained {gained}"));
        }
        if lost != "—" {
            said.push(format!("lost {lost}"));
        }
        out.push(said.join(", "));
    }
    if c.is(Kind::Moved)
        && let Some(old) = &c.old
    {
        out.push(format!("moved from {}", shown(&old.stage_name)));
    }
    if c.is(Kind::Renamed)
        && let Some(old) = &c.old
    {
        out.push(format!("renamed from \"{}\"", shown(&old.name)));
    }
    if let (true, Some(RankShift { old, new, .. })) = (c.is(Kind::Rank), c.rank) {
        out.push(format!("priority {} → {}", rank(old), rank(new)));
    }
    for t in &c.text {
        out.push(format!("{} {} → {}", t.field.as_str(), quoted(&t.old), quoted(&t.new)));
    }
    out
}

fn quoted(s: &Option<String>) -> String {
    s.as_deref().map_or_else(|| "—".to_owned(), |s| format!("\"{}\"", shown(s)))
}

fn text(diff: &Diff, names: &Names) -> String {
    if diff.is_empty() {
        return "no changes\n".to_owned();
    }
    let mut out = format!("{}\n  {}\n", heading(names), counts(diff).join(" · "));
    let mut section = |title: &str, lines: Vec<String>| {
        if !lines.is_empty() {
            out += &format!("\n{title}\n");
            for line in lines {
                out += &format!("  {line}\n");
            }
        }
    };
    section("Stages", stage_lines(diff));
    let touchpoints = diff
        .touchpoints
        .iter()
        .map(|c| {
            let sign = if c.is(Kind::Added) {
                '+'
            } else if c.is(Kind::Removed) {
                '-'
            } else {
                '~'
            };
            format!("{sign} {}: {}", where_(c), details(c).join("; "))
        })
        .collect();
    section("Touchpoints", touchpoints);
    section("Stage health", health_lines(diff));
    let answers = diff
        .answers
        .iter()
        .map(|a| format!("{} · {}: {} → {}", shown(&a.stage), shown(&a.question), quoted(&a.old), quoted(&a.new)));
    section("Question answers", answers.collect());
    let fields = diff.fields.iter().map(|f| format!("{}: {} → {}", shown(&f.field), quoted(&f.old), quoted(&f.new)));
    section("Map", fields.collect());
    out
}

fn stage_lines(diff: &Diff) -> Vec<String> {
    let mut lines: Vec<String> = diff
        .stages
        .iter()
        .map(|s| {
            let name = |side: &Option<(usize, String)>| side.as_ref().map_or_else(String::new, |(_, n)| shown(n));
            let n = plural(s.touchpoints, "touchpoint", "touchpoints");
            match s.kind {
                StageKind::Added => format!("+ {} (new, {n})", name(&s.new)),
                StageKind::Removed => format!("- {} (removed, had {n})", name(&s.old)),
                StageKind::Renamed => format!("~ {} → {} (renamed)", name(&s.old), name(&s.new)),
            }
        })
        .collect();
    if let Some(order) = &diff.order {
        let join = |v: &[String]| v.iter().map(|s| shown(s)).collect::<Vec<_>>().join(", ");
        lines.push(format!("order: {} → {}", join(&order.old), join(&order.new)));
    }
    lines
}

fn health_lines(diff: &Diff) -> Vec<String> {
    let mut lines: Vec<String> = diff
        .health
        .iter()
        .map(|h| {
            format!(
                "{}: {} → {} {} (feeling {} → {})",
                shown(&h.name),
                signed(h.health.old),
                signed(h.health.new),
                delta(h.health.old, h.health.new),
                mean(h.mean.old),
                mean(h.mean.new)
            )
        })
        .collect();
    for (word, shift) in [("Weakest stage", &diff.weakest), ("Strongest stage", &diff.strongest)] {
        if let Some(s) = shift {
            lines.push(format!("{word}: {} → {}", opt(&s.old), opt(&s.new)));
        }
    }
    lines
}

/// A Markdown table: a heading, the header row and the rows; nothing
/// when there are no rows.
fn table(out: &mut String, title: &str, header: &[&str], rows: Vec<Vec<String>>) {
    if rows.is_empty() {
        return;
    }
    *out += &format!("\n#### {title}\n\n| {} |\n|{}\n", header.join(" | "), "---|".repeat(header.len()));
    for row in rows {
        *out += &format!("| {} |\n", row.join(" | "));
    }
}

fn markdown(diff: &Diff, names: &Names) -> String {
    let mut out = format!("### {}\n\n", cell(&heading(names)));
    if diff.is_empty() {
        return out + "no changes\n";
    }
    out += &format!("**{}**\n", counts(diff).join(" · "));
    let stage_of = |c: &TouchpointChange| c.place().map_or_else(String::new, |p| cell(&p.stage_name));
    let name_of = |c: &TouchpointChange| c.place().map_or_else(String::new, |p| cell(&p.name));
    let one_sided = |kind: Kind| -> Vec<Vec<String>> {
        diff.of(kind)
            .map(|c| {
                let t = &c.touchpoint;
                let r = c.rank.and_then(|r| r.new.or(r.old));
                let m: Vec<&str> = t.marks.iter().map(|m| m.as_str()).collect();
                let m = if m.is_empty() { "—".to_owned() } else { m.join(", ") };
                vec![stage_of(c), name_of(c), m, score(t.score.map(|s| s.get())), rank(r)]
            })
            .collect()
    };
    table(&mut out, "New touchpoints", &["Stage", "Touchpoint", "Marks", "Score", "Rank"], one_sided(Kind::Added));
    table(
        &mut out,
        "Removed touchpoints",
        &["Stage", "Touchpoint", "Marks", "Score", "Rank"],
        one_sided(Kind::Removed),
    );
    let scores = diff.of(Kind::Score).filter_map(|c| {
        let s = c.score.as_ref()?;
        let change = match (s.old, s.new) {
            (Some(a), Some(b)) => delta(i64::from(a), i64::from(b)),
            _ => "—".to_owned(),
        };
        Some(vec![stage_of(c), name_of(c), score(s.old), score(s.new), change])
    });
    table(&mut out, "Score changes", &["Stage", "Touchpoint", "Old", "New", "Change"], scores.collect());
    let mark_rows = diff.of(Kind::Marks).map(|c| {
        let m = &c.marks;
        vec![
            stage_of(c),
            name_of(c),
            marks(&m.gained, m.moment_of_truth, true),
            marks(&m.lost, m.moment_of_truth, false),
        ]
    });
    table(&mut out, "Marks gained and lost", &["Stage", "Touchpoint", "Gained", "Lost"], mark_rows.collect());
    let stage_name = |p: &Option<super::Place>| p.as_ref().map_or_else(String::new, |p| cell(&p.stage_name));
    let moved = diff.of(Kind::Moved).map(|c| vec![name_of(c), stage_name(&c.old), stage_name(&c.new)]);
    table(&mut out, "Moved to another stage", &["Touchpoint", "From", "To"], moved.collect());
    let old_name = |c: &TouchpointChange| c.old.as_ref().map_or_else(String::new, |p| cell(&p.name));
    let renamed = diff.of(Kind::Renamed).map(|c| vec![stage_of(c), old_name(c), name_of(c)]);
    table(&mut out, "Renamed touchpoints", &["Stage", "Old name", "New name"], renamed.collect());
    let ranks = diff.of(Kind::Rank).filter_map(|c| {
        let r = c.rank?;
        let class = if r.old_class == r.new_class {
            r.new_class.as_str().to_owned()
        } else {
            format!("{} → {}", r.old_class.as_str(), r.new_class.as_str())
        };
        Some(vec![stage_of(c), name_of(c), rank(r.old), rank(r.new), class])
    });
    table(&mut out, "Priority moves", &["Stage", "Touchpoint", "Old rank", "New rank", "Class"], ranks.collect());
    let texts = diff.of(Kind::Text).flat_map(|c| {
        c.text.iter().map(move |t| {
            vec![stage_of(c), name_of(c), t.field.as_str().to_owned(), opt_cell(&t.old), opt_cell(&t.new)]
        })
    });
    table(&mut out, "Changed text", &["Stage", "Touchpoint", "Field", "Old", "New"], texts.collect());
    markdown_rest(diff, &mut out);
    out
}

/// Stage health, the stages themselves, answers and map fields.
fn markdown_rest(diff: &Diff, out: &mut String) {
    let health = diff.health.iter().map(|h| {
        let feeling = format!("{} → {}", mean(h.mean.old), mean(h.mean.new));
        vec![cell(&h.name), signed(h.health.old), signed(h.health.new), delta(h.health.old, h.health.new), feeling]
    });
    let mut health: Vec<Vec<String>> = health.collect();
    for (word, shift) in [("**Weakest stage**", &diff.weakest), ("**Strongest stage**", &diff.strongest)] {
        if let Some(s) = shift {
            health.push(vec![word.to_owned(), opt_cell(&s.old), opt_cell(&s.new), String::new(), String::new()]);
        }
    }
    table(out, "Stage health", &["Stage", "Old", "New", "Change", "Feeling"], health);
    let side = |s: &Option<(usize, String)>| s.as_ref().map_or_else(|| "—".to_owned(), |(_, n)| cell(n));
    let mut stages: Vec<Vec<String>> = diff
        .stages
        .iter()
        .map(|s| vec![s.kind.as_str().to_owned(), side(&s.old), side(&s.new), s.touchpoints.to_string()])
        .collect();
    if let Some(order) = &diff.order {
        let join = |v: &[String]| v.iter().map(|s| cell(s)).collect::<Vec<_>>().join(", ");
        stages.push(vec!["reordered".to_owned(), join(&order.old), join(&order.new), String::new()]);
    }
    table(out, "Stages", &["Change", "Old", "New", "Touchpoints"], stages);
    let answers =
        diff.answers.iter().map(|a| vec![cell(&a.stage), cell(&a.question), opt_cell(&a.old), opt_cell(&a.new)]);
    table(out, "Question answers", &["Stage", "Question", "Old", "New"], answers.collect());
    let fields = diff.fields.iter().map(|f| vec![cell(&f.field), opt_cell(&f.old), opt_cell(&f.new)]);
    table(out, "Status and map fields", &["Field", "Old", "New"], fields.collect());
}
