//! A diff as JSON for scripts. The shape is stable (README, `journeymap
//! diff`): new keys may be added, none is renamed or removed.

use serde_json::{Value, json};

use super::{Diff, Kind, Names, Place, StageKind, TouchpointChange};

fn place(p: &Option<Place>) -> Value {
    p.as_ref().map_or(
        Value::Null,
        |p| json!({ "stage": p.stage_name, "stage_number": p.stage + 1, "position": p.index + 1, "name": p.name }),
    )
}

/// A mean to two decimals, so a script compares what a person reads.
fn mean(m: Option<f64>) -> Value {
    m.map_or(Value::Null, |m| json!((m * 100.0).round() / 100.0))
}

fn touchpoint(c: &TouchpointChange) -> Value {
    json!({
        "changes": c.kinds.iter().map(|k| k.as_str()).collect::<Vec<_>>(),
        "old": place(&c.old),
        "new": place(&c.new),
        "score": c.score.as_ref().map(|s| json!({ "old": s.old, "new": s.new })),
        "marks": {
            "gained": c.marks.gained.iter().map(|m| m.as_str()).collect::<Vec<_>>(),
            "lost": c.marks.lost.iter().map(|m| m.as_str()).collect::<Vec<_>>(),
            "moment_of_truth": c.marks.moment_of_truth,
        },
        "rank": c.rank.map(|r| json!({
            "old": r.old, "new": r.new, "old_class": r.old_class.as_str(), "new_class": r.new_class.as_str(),
        })),
        "text": c.text.iter().map(|t| json!({ "field": t.field.as_str(), "old": t.old, "new": t.new })).collect::<Vec<_>>(),
    })
}

fn counts(diff: &Diff) -> Value {
    let mut counts = serde_json::Map::new();
    for kind in Kind::ALL {
        counts.insert(kind.as_str().to_owned(), json!(diff.count(kind)));
    }
    for kind in [StageKind::Added, StageKind::Removed, StageKind::Renamed] {
        let n = diff.stages.iter().filter(|s| s.kind == kind).count();
        counts.insert(format!("stages_{}", kind.as_str()), json!(n));
    }
    counts.insert("health".to_owned(), json!(diff.health.len()));
    counts.insert("answers".to_owned(), json!(diff.answers.len()));
    counts.insert("fields".to_owned(), json!(diff.fields.len()));
    Value::Object(counts)
}

/// The diff as a pretty-printed JSON object, ending with a newline.
pub(super) fn json(diff: &Diff, names: &Names) -> String {
    let side = |s: &Option<(usize, String)>| {
        s.as_ref().map_or(Value::Null, |(i, name)| json!({ "stage_number": i + 1, "name": name }))
    };
    let shift = |s: &Option<super::Shift<Option<String>>>| s.as_ref().map(|s| json!({ "old": s.old, "new": s.new }));
    let value = json!({
        "old": names.old,
        "new": names.new,
        "same": diff.is_empty(),
        "counts": counts(diff),
        "touchpoints": diff.touchpoints.iter().map(touchpoint).collect::<Vec<_>>(),
        "stages": diff.stages.iter().map(|s| json!({
            "change": s.kind.as_str(), "old": side(&s.old), "new": side(&s.new), "touchpoints": s.touchpoints,
        })).collect::<Vec<_>>(),
        "order": diff.order.as_ref().map(|o| json!({ "old": o.old, "new": o.new })),
        "health": diff.health.iter().map(|h| json!({
            "stage": h.name, "stage_number": h.stage + 1, "old": h.health.old, "new": h.health.new,
            "old_mean": mean(h.mean.old), "new_mean": mean(h.mean.new),
        })).collect::<Vec<_>>(),
        "weakest": shift(&diff.weakest),
        "strongest": shift(&diff.strongest),
        "answers": diff.answers.iter().map(|a| json!({
            "stage": a.stage, "question": a.question, "old": a.old, "new": a.new,
        })).collect::<Vec<_>>(),
        "fields": diff.fields.iter().map(|f| json!({ "field": f.field, "old": f.old, "new": f.new })).collect::<Vec<_>>(),
    });
    serde_json::to_string_pretty(&value).unwrap_or_else(|_| "{}".to_owned()) + "\n"
}
