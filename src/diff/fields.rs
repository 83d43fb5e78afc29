//! What changed besides the touchpoints: each paired stage's health and
//! the weakest and strongest stage, the stages' question answers, and
//! the map's own fields.

use std::collections::HashMap;

use super::matching::Matching;
use super::{AnswerChange, Diff, FieldChange, HealthChange, Shift};
use crate::health::{self, Pick};
use crate::model::{Journey, Question, Stage, Text};

/// Each paired stage whose health changed, and the weakest and strongest
/// stage when another stage holds the title now.
pub(super) fn health(old: &Journey, new: &Journey, m: &Matching, diff: &mut Diff) {
    let (before, after) = (health::stage_health(old), health::stage_health(new));
    for (j, h) in after.iter().enumerate() {
        let Some(o) = m.new_stage[j].and_then(|i| before.get(i)) else { continue };
        if o.health() != h.health() {
            diff.health.push(HealthChange {
                stage: j,
                name: new.stages[j].name.clone(),
                health: Shift { old: o.health(), new: h.health() },
                mean: Shift { old: o.mean_score, new: h.mean_score },
            });
        }
    }
    let (e0, e1) = (health::extremes(&before), health::extremes(&after));
    let standing = |a: Option<Pick>, b: Option<Pick>| {
        let moved = a.map(|p| m.old_stage[p.stage]) != b.map(|p| Some(p.stage));
        moved.then(|| Shift {
            old: a.map(|p| old.stages[p.stage].name.clone()),
            new: b.map(|p| new.stages[p.stage].name.clone()),
        })
    };
    diff.weakest = standing(e0.weakest, e1.weakest);
    diff.strongest = standing(e0.strongest, e1.strongest);
}

/// A stage's answers by key: the four text questions, effort, its note
/// and the custom lanes (by the lane's key).
fn answers_of<'a>(j: &'a Journey, stage: &'a Stage) -> Vec<(&'a str, Option<String>)> {
    let text = |t: Option<&Text>| t.filter(|t| !t.is_blank()).map(Text::joined);
    let mut out: Vec<(&str, Option<String>)> = Question::ALL
        .into_iter()
        .filter(|q| *q != Question::Effort)
        .map(|q| (q.key(), text(stage.answer(q))))
        .collect();
    out.push(("effort", stage.effort.map(|e| e.get().to_string())));
    out.push(("effort_note", stage.effort_note.clone()));
    for (lane, answer) in &stage.lanes {
        if let Some(l) = j.lanes.get(*lane) {
            out.push((l.key.as_str(), text(Some(answer))));
        }
    }
    out
}

/// The changed answers of paired stages, in the new map's order.
pub(super) fn answers(old: &Journey, new: &Journey, m: &Matching) -> Vec<AnswerChange> {
    let mut out = Vec::new();
    for (j, stage) in new.stages.iter().enumerate() {
        let Some(i) = m.new_stage[j] else { continue };
        let before = answers_of(old, &old.stages[i]);
        let after = answers_of(new, stage);
        for (key, old, new) in changed(&before, &after) {
            out.push(AnswerChange { stage: stage.name.clone(), question: key, old, new });
        }
    }
    out
}

/// The keys whose values differ, the new side's keys first in their
/// order, then those only the old side has.
fn changed(
    before: &[(&str, Option<String>)],
    after: &[(&str, Option<String>)],
) -> Vec<(String, Option<String>, Option<String>)> {
    let old: HashMap<&str, &Option<String>> = before.iter().map(|(k, v)| (*k, v)).collect();
    let new: HashMap<&str, &Option<String>> = after.iter().map(|(k, v)| (*k, v)).collect();
    let mut out = Vec::new();
    for (key, value) in after {
        let was = old.get(key).copied().cloned().flatten();
        if was != *value {
            out.push(((*key).to_owned(), was, value.clone()));
        }
    }
    for (key, value) in before.iter().filter(|(k, _)| !new.contains_key(k)) {
        if value.is_some() {
            out.push(((*key).to_owned(), value.clone(), None));
        }
    }
    out
}

/// The map's fields as text, by key: status first.
fn fields_of(j: &Journey) -> Vec<(String, Option<String>)> {
    let list = |v: &[String], sep: &str| (!v.is_empty()).then(|| v.join(sep));
    let mut out: Vec<(String, Option<String>)> = vec![
        ("status".into(), Some(j.status.as_str().to_owned())),
        ("title".into(), Some(j.title.clone())),
        ("subtitle".into(), j.subtitle.clone()),
        ("description".into(), j.description.clone()),
        ("persona".into(), j.persona.clone()),
        ("organisation".into(), j.organisation.clone()),
        ("team".into(), list(&j.team, ", ")),
        ("date".into(), j.date.map(|d| d.to_string())),
        ("version".into(), j.version.clone()),
        ("sources".into(), list(&j.sources, "; ")),
        ("theme".into(), j.theme.clone()),
        ("lang".into(), j.lang.clone()),
        ("currency".into(), j.currency.clone()),
        ("headline".into(), j.headline.clone()),
        ("poster.size".into(), Some(j.poster.size.to_string())),
        ("poster.orientation".into(), j.poster.orientation.map(|o| o.as_str().to_owned())),
        (
            "poster.panels".into(),
            j.poster.panels.as_ref().map(|p| p.iter().map(|p| p.as_str()).collect::<Vec<_>>().join(", ")),
        ),
        ("poster.priorities".into(), Some(j.poster.priorities.to_string())),
    ];
    out.extend(j.lanes.iter().map(|l| (format!("lane.{}", l.key), Some(l.title.clone()))));
    out.extend(j.labels.iter().map(|(k, v)| (format!("labels.{k}"), Some(v.clone()))));
    out
}

/// The map's changed fields: status, then the rest in file order.
pub(super) fn map_fields(old: &Journey, new: &Journey) -> Vec<FieldChange> {
    let (before, after) = (fields_of(old), fields_of(new));
    changed(&borrowed(&before), &borrowed(&after))
        .into_iter()
        .map(|(field, old, new)| FieldChange { field, old, new })
        .collect()
}

fn borrowed(v: &[(String, Option<String>)]) -> Vec<(&str, Option<String>)> {
    v.iter().map(|(k, v)| (k.as_str(), v.clone())).collect()
}
