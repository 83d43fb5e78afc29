//! What changed on each touchpoint: added, removed, or, for a pair, its
//! score, marks, stage, name, priority rank and text.

use super::matching::Matching;
use super::{Kind, MarkShift, Place, RankShift, Shift, TextField, TextShift, TouchpointChange};
use crate::model::{Journey, Mark, Touchpoint, TouchpointId};
use crate::priorities::{self, Class};

/// Ranks by touchpoint, for one map.
type RankTable = Vec<Vec<Option<usize>>>;

/// Both maps' priority ranks, and each paired action's rank among the
/// actions both maps have ("compact"): a rank moves when that changes,
/// so a new action at the top does not mark every card below it.
struct Ranks {
    old: RankTable,
    new: RankTable,
    old_compact: RankTable,
    new_compact: RankTable,
}

impl Ranks {
    fn new(old: &Journey, new: &Journey, m: &Matching) -> Ranks {
        let table = |j: &Journey| -> RankTable {
            let mut t: RankTable = j.stages.iter().map(|s| vec![None; s.touchpoints.len()]).collect();
            for p in priorities::actions(j) {
                t[p.id.stage][p.id.index] = Some(p.rank);
            }
            t
        };
        let (old_ranks, new_ranks) = (table(old), table(new));
        let compact = |j: &Journey, links: &[Vec<Option<TouchpointId>>], other: &RankTable| -> RankTable {
            let mut t: RankTable = j.stages.iter().map(|s| vec![None; s.touchpoints.len()]).collect();
            let mut n = 0;
            for p in priorities::actions(j) {
                let partner = links[p.id.stage][p.id.index];
                if partner.is_some_and(|o| other[o.stage][o.index].is_some()) {
                    n += 1;
                    t[p.id.stage][p.id.index] = Some(n);
                }
            }
            t
        };
        Ranks {
            old_compact: compact(old, &m.old_tp, &new_ranks),
            new_compact: compact(new, &m.new_tp, &old_ranks),
            old: old_ranks,
            new: new_ranks,
        }
    }
}

fn place(j: &Journey, id: TouchpointId, t: &Touchpoint) -> Place {
    Place { stage: id.stage, index: id.index, stage_name: j.stages[id.stage].name.clone(), name: t.name.clone() }
}

/// Every touchpoint that changed, in the new map's spine order, each
/// stage's removed touchpoints after its own, then those of removed
/// stages.
pub(super) fn changes(old: &Journey, new: &Journey, m: &Matching) -> Vec<TouchpointChange> {
    let ranks = Ranks::new(old, new, m);
    let mut removed_in: Vec<Vec<TouchpointId>> = vec![Vec::new(); new.stages.len()];
    let mut removed_with_stage = Vec::new();
    for (id, _) in old.touchpoints().filter(|(id, _)| m.old_tp[id.stage][id.index].is_none()) {
        match m.old_stage[id.stage] {
            Some(j) => removed_in[j].push(id),
            None => removed_with_stage.push(id),
        }
    }
    let mut out = Vec::new();
    for (j, stage) in new.stages.iter().enumerate() {
        for (l, t) in stage.touchpoints.iter().enumerate() {
            let id = TouchpointId { stage: j, index: l };
            match m.new_tp[j][l] {
                None => out.push(one_sided(new, id, t, Side::New, &ranks)),
                Some(o) => out.extend(paired(old, new, (o, id), m.old_stage[o.stage] != Some(j), &ranks)),
            }
        }
        for &o in &removed_in[j] {
            if let Some(t) = old.touchpoint(o) {
                out.push(one_sided(old, o, t, Side::Old, &ranks));
            }
        }
    }
    for o in removed_with_stage {
        if let Some(t) = old.touchpoint(o) {
            out.push(one_sided(old, o, t, Side::Old, &ranks));
        }
    }
    out
}

/// Which map an unpaired touchpoint is in.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Side {
    Old,
    New,
}

/// An added (`Side::New`) or removed touchpoint.
fn one_sided(j: &Journey, id: TouchpointId, t: &Touchpoint, side: Side, ranks: &Ranks) -> TouchpointChange {
    let table = if side == Side::New { &ranks.new } else { &ranks.old };
    let class = Class::of(t);
    let rank = table[id.stage][id.index].map(|r| {
        let (old, new) = if side == Side::New { (None, Some(r)) } else { (Some(r), None) };
        RankShift { old, new, old_class: class, new_class: class }
    });
    let at = Some(place(j, id, t));
    let (kind, old, new) = if side == Side::New { (Kind::Added, None, at) } else { (Kind::Removed, at, None) };
    TouchpointChange {
        kinds: vec![kind],
        old,
        new,
        touchpoint: t.clone(),
        score: None,
        marks: MarkShift::default(),
        rank,
        text: Vec::new(),
    }
}

/// A paired touchpoint's changes (`moved`: its old stage is not paired
/// with its new one), `None` when there are none.
fn paired(
    old: &Journey,
    new: &Journey,
    (o, n): (TouchpointId, TouchpointId),
    moved: bool,
    ranks: &Ranks,
) -> Option<TouchpointChange> {
    let (a, b) = (old.touchpoint(o)?, new.touchpoint(n)?);
    let mut kinds = Vec::new();
    let score = (a.score != b.score).then(|| Shift { old: a.score.map(|s| s.get()), new: b.score.map(|s| s.get()) });
    if score.is_some() {
        kinds.push(Kind::Score);
    }
    let marks = mark_shift(a, b);
    if !marks.is_empty() {
        kinds.push(Kind::Marks);
    }
    if moved {
        kinds.push(Kind::Moved);
    }
    if a.name != b.name {
        kinds.push(Kind::Renamed);
    }
    let (ro, rn) = (ranks.old[o.stage][o.index], ranks.new[n.stage][n.index]);
    let compact = (ranks.old_compact[o.stage][o.index], ranks.new_compact[n.stage][n.index]);
    let rank_moved = ro.is_some() != rn.is_some() || compact.0 != compact.1;
    let rank = rank_moved.then(|| RankShift { old: ro, new: rn, old_class: Class::of(a), new_class: Class::of(b) });
    if rank.is_some() {
        kinds.push(Kind::Rank);
    }
    let text: Vec<TextShift> = TextField::ALL
        .into_iter()
        .filter_map(|field| {
            let (x, y) = (field.of(a), field.of(b));
            (x != y).then_some(TextShift { field, old: x, new: y })
        })
        .collect();
    if !text.is_empty() {
        kinds.push(Kind::Text);
    }
    if kinds.is_empty() {
        return None;
    }
    kinds.sort_unstable();
    Some(TouchpointChange {
        kinds,
        old: Some(place(old, o, a)),
        new: Some(place(new, n, b)),
        touchpoint: b.clone(),
        score,
        marks,
        rank,
        text,
    })
}

/// Marks gained and lost, in legend order, and the moment of truth.
fn mark_shift(a: &Touchpoint, b: &Touchpoint) -> MarkShift {
    MarkShift {
        gained: Mark::ALL.into_iter().filter(|m| b.has(*m) && !a.has(*m)).collect(),
        lost: Mark::ALL.into_iter().filter(|m| a.has(*m) && !b.has(*m)).collect(),
        moment_of_truth: (a.moment_of_truth != b.moment_of_truth).then_some(b.moment_of_truth),
    }
}
