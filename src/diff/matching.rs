//! Which stage and touchpoint of the old map is which of the new: the
//! `--rename` overrides, then names, then moves, then renames guessed
//! from a close name at the same place.

use std::collections::{HashMap, VecDeque};

use super::{DiffError, Rename, Shift, StageChange, StageKind};
use crate::model::{Journey, TouchpointId};

/// The pairing of two maps' stages and touchpoints. Each side maps its
/// items to the other's; an unpaired item is added or removed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Matching {
    /// Each old stage's stage in the new map.
    pub(crate) old_stage: Vec<Option<usize>>,
    /// Each new stage's stage in the old map.
    pub(crate) new_stage: Vec<Option<usize>>,
    /// Each old touchpoint's place in the new map, by stage and position.
    pub(crate) old_tp: Vec<Vec<Option<TouchpointId>>>,
    /// Each new touchpoint's place in the old map.
    pub(crate) new_tp: Vec<Vec<Option<TouchpointId>>>,
}

/// One side's link to the other, within a pair of sequences.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Link {
    /// Not paired yet.
    Free,
    /// Paired with the other side's item at this position.
    To(usize),
    /// Paired with an item outside the other sequence (a touchpoint
    /// moved to another stage): no anchor for its neighbours.
    Away,
}

/// The renames the user gave, resolved against the old map.
struct Overrides<'a> {
    stages: Vec<(usize, &'a Rename)>,
    touchpoints: Vec<(TouchpointId, &'a Rename)>,
}

impl Matching {
    /// Pairs `old` with `new`, `renames` first.
    pub(crate) fn new(old: &Journey, new: &Journey, renames: &[Rename]) -> Result<Matching, DiffError> {
        let sized = |j: &Journey| j.stages.iter().map(|s| vec![None; s.touchpoints.len()]).collect::<Vec<_>>();
        let mut m = Matching {
            old_stage: vec![None; old.stages.len()],
            new_stage: vec![None; new.stages.len()],
            old_tp: sized(old),
            new_tp: sized(new),
        };
        let overrides = resolve(old, renames)?;
        m.pair_stages(old, new, &overrides)?;
        m.pair_renamed_touchpoints(new, &overrides)?;
        m.pair_by_name(old, new);
        m.pair_moved(old, new);
        m.pair_close_touchpoints(old, new);
        Ok(m)
    }

    /// Stages: the overrides, then the same name, then a close name at
    /// the same place.
    fn pair_stages(&mut self, old: &Journey, new: &Journey, overrides: &Overrides<'_>) -> Result<(), DiffError> {
        let by_name: HashMap<&str, usize> = new.stages.iter().enumerate().map(|(j, s)| (s.name.as_str(), j)).collect();
        for &(i, rename) in &overrides.stages {
            let Some(&j) = by_name.get(rename.to.as_str()) else {
                return Err(DiffError::UnknownNew { from: rename.from.clone(), to: rename.to.clone(), what: "stage" });
            };
            if self.old_stage[i].is_some() || self.new_stage[j].is_some() {
                return Err(DiffError::Twice(rename.from.clone()));
            }
            (self.old_stage[i], self.new_stage[j]) = (Some(j), Some(i));
        }
        for (i, stage) in old.stages.iter().enumerate() {
            if self.old_stage[i].is_none()
                && let Some(&j) = by_name.get(stage.name.as_str())
                && self.new_stage[j].is_none()
            {
                (self.old_stage[i], self.new_stage[j]) = (Some(j), Some(i));
            }
        }
        let link = |v: &[Option<usize>]| v.iter().map(|x| x.map_or(Link::Free, Link::To)).collect::<Vec<_>>();
        let (mut o, mut n) = (link(&self.old_stage), link(&self.new_stage));
        by_position(&mut o, &mut n, |i, j| close(&old.stages[i].name, &new.stages[j].name));
        for (i, l) in o.into_iter().enumerate() {
            if let Link::To(j) = l {
                (self.old_stage[i], self.new_stage[j]) = (Some(j), Some(i));
            }
        }
        Ok(())
    }

    fn pair(&mut self, o: TouchpointId, n: TouchpointId) {
        self.old_tp[o.stage][o.index] = Some(n);
        self.new_tp[n.stage][n.index] = Some(o);
    }

    fn old_free(&self, o: TouchpointId) -> bool {
        self.old_tp[o.stage][o.index].is_none()
    }

    fn new_free(&self, n: TouchpointId) -> bool {
        self.new_tp[n.stage][n.index].is_none()
    }

    /// Touchpoint overrides: the new name in the stage its stage became,
    /// or else anywhere it is still free (moved and renamed at once).
    fn pair_renamed_touchpoints(&mut self, new: &Journey, overrides: &Overrides<'_>) -> Result<(), DiffError> {
        for &(o, rename) in &overrides.touchpoints {
            let named = |j: usize| {
                new.stages[j]
                    .touchpoints
                    .iter()
                    .position(|t| t.name == rename.to)
                    .map(|index| TouchpointId { stage: j, index })
            };
            let target = self.old_stage[o.stage].and_then(named).or_else(|| {
                new.touchpoints()
                    .map(|(id, _)| id)
                    .find(|&id| self.new_free(id) && new.touchpoint(id).is_some_and(|t| t.name == rename.to))
            });
            let Some(n) = target else {
                return Err(DiffError::UnknownNew {
                    from: rename.from.clone(),
                    to: rename.to.clone(),
                    what: "touchpoint",
                });
            };
            if !self.old_free(o) || !self.new_free(n) {
                return Err(DiffError::Twice(rename.from.clone()));
            }
            self.pair(o, n);
        }
        Ok(())
    }

    /// Touchpoints of paired stages with the same name.
    fn pair_by_name(&mut self, old: &Journey, new: &Journey) {
        for (i, stage) in old.stages.iter().enumerate() {
            let Some(j) = self.old_stage[i] else { continue };
            let by_name: HashMap<&str, usize> =
                new.stages[j].touchpoints.iter().enumerate().map(|(l, t)| (t.name.as_str(), l)).collect();
            for (k, t) in stage.touchpoints.iter().enumerate() {
                let o = TouchpointId { stage: i, index: k };
                if let Some(&l) = by_name.get(t.name.as_str()) {
                    let n = TouchpointId { stage: j, index: l };
                    if self.old_free(o) && self.new_free(n) {
                        self.pair(o, n);
                    }
                }
            }
        }
    }

    /// Touchpoints still free with the same name in another stage: moved.
    /// Names repeated across stages pair in spine order, first with first.
    fn pair_moved(&mut self, old: &Journey, new: &Journey) {
        let mut free: HashMap<&str, VecDeque<TouchpointId>> = HashMap::new();
        for (id, t) in new.touchpoints().filter(|(id, _)| self.new_free(*id)) {
            free.entry(t.name.as_str()).or_default().push_back(id);
        }
        for (o, t) in old.touchpoints() {
            if !self.old_free(o) {
                continue;
            }
            if let Some(n) = free.get_mut(t.name.as_str()).and_then(VecDeque::pop_front) {
                self.pair(o, n);
            }
        }
    }

    /// Touchpoints of paired stages renamed: a close name at the same
    /// place in the stage.
    fn pair_close_touchpoints(&mut self, old: &Journey, new: &Journey) {
        for i in 0..old.stages.len() {
            let Some(j) = self.old_stage[i] else { continue };
            let local = |links: &[Option<TouchpointId>], other: usize| -> Vec<Link> {
                links
                    .iter()
                    .map(|l| match l {
                        None => Link::Free,
                        Some(id) if id.stage == other => Link::To(id.index),
                        Some(_) => Link::Away,
                    })
                    .collect()
            };
            let (mut o, mut n) = (local(&self.old_tp[i], j), local(&self.new_tp[j], i));
            let (ot, nt) = (&old.stages[i].touchpoints, &new.stages[j].touchpoints);
            by_position(&mut o, &mut n, |k, l| close(&ot[k].name, &nt[l].name));
            for (k, link) in o.into_iter().enumerate() {
                let o = TouchpointId { stage: i, index: k };
                if let Link::To(l) = link
                    && self.old_free(o)
                {
                    self.pair(o, TouchpointId { stage: j, index: l });
                }
            }
        }
    }

    /// Stages added, renamed (in the new map's order) and removed (in the
    /// old map's).
    pub(crate) fn stage_changes(&self, old: &Journey, new: &Journey) -> Vec<StageChange> {
        let mut changes = Vec::new();
        for (j, stage) in new.stages.iter().enumerate() {
            let new_side = Some((j, stage.name.clone()));
            let touchpoints = stage.touchpoints.len();
            match self.new_stage[j] {
                None => changes.push(StageChange { kind: StageKind::Added, old: None, new: new_side, touchpoints }),
                Some(i) if old.stages[i].name != stage.name => changes.push(StageChange {
                    kind: StageKind::Renamed,
                    old: Some((i, old.stages[i].name.clone())),
                    new: new_side,
                    touchpoints,
                }),
                Some(_) => {}
            }
        }
        for (i, stage) in old.stages.iter().enumerate().filter(|(i, _)| self.old_stage[*i].is_none()) {
            changes.push(StageChange {
                kind: StageKind::Removed,
                old: Some((i, stage.name.clone())),
                new: None,
                touchpoints: stage.touchpoints.len(),
            });
        }
        changes
    }

    /// The paired stages in each map's order, when the orders differ.
    pub(crate) fn order(&self, old: &Journey, new: &Journey) -> Option<Shift<Vec<String>>> {
        let targets: Vec<usize> = self.old_stage.iter().flatten().copied().collect();
        if targets.windows(2).all(|w| w[0] < w[1]) {
            return None;
        }
        let names = |j: &Journey, links: &[Option<usize>]| {
            links.iter().enumerate().filter(|(_, l)| l.is_some()).map(|(i, _)| j.stages[i].name.clone()).collect()
        };
        Some(Shift { old: names(old, &self.old_stage), new: names(new, &self.new_stage) })
    }
}

/// The user's renames against the old map: a stage's name, or else
/// `stage/touchpoint` split at the `/` that names both (a stage's name
/// may hold a `/` itself).
fn resolve<'a>(old: &Journey, renames: &'a [Rename]) -> Result<Overrides<'a>, DiffError> {
    let stages: HashMap<&str, usize> = old.stages.iter().enumerate().map(|(i, s)| (s.name.as_str(), i)).collect();
    let mut overrides = Overrides { stages: Vec::new(), touchpoints: Vec::new() };
    for rename in renames {
        if let Some(&i) = stages.get(rename.from.as_str()) {
            overrides.stages.push((i, rename));
            continue;
        }
        let split = rename.from.match_indices('/').find_map(|(at, _)| {
            let i = *stages.get(rename.from[..at].trim())?;
            let name = rename.from[at + 1..].trim();
            let index = old.stages[i].touchpoints.iter().position(|t| t.name == name)?;
            Some(TouchpointId { stage: i, index })
        });
        match split {
            Some(id) => overrides.touchpoints.push((id, rename)),
            None => {
                let known = old.stages.iter().map(|s| s.name.as_str()).collect::<Vec<_>>().join(", ");
                return Err(DiffError::UnknownOld { from: rename.from.clone(), known });
            }
        }
    }
    Ok(overrides)
}

/// Pairs free items of two sequences that sit at the same place and
/// `close` accepts: the same position, or right after the partner of
/// the item before (a forward pass), or right before the partner of the
/// item after (a backward pass). Each item looks at two places, so the
/// cost is linear.
fn by_position(old: &mut [Link], new: &mut [Link], close: impl Fn(usize, usize) -> bool) {
    let try_pair = |old: &mut [Link], new: &mut [Link], i: usize, neighbour: Option<usize>| {
        for j in [Some(i), neighbour].into_iter().flatten() {
            if new.get(j) == Some(&Link::Free) && close(i, j) {
                (old[i], new[j]) = (Link::To(j), Link::To(i));
                return;
            }
        }
    };
    for i in 0..old.len() {
        if old[i] == Link::Free {
            let after = i.checked_sub(1).and_then(|p| match old[p] {
                Link::To(j) => Some(j + 1),
                _ => None,
            });
            try_pair(old, new, i, after);
        }
    }
    for i in (0..old.len()).rev() {
        if old[i] == Link::Free {
            let before = match old.get(i + 1) {
                Some(Link::To(j)) => j.checked_sub(1),
                _ => None,
            };
            try_pair(old, new, i, before);
        }
    }
}

/// The most characters of a name compared letter by letter: names are
/// short; a pasted paragraph is compared by its start.
const COMPARED_CHARS: usize = 120;

/// Whether two names are close enough to be one renamed: they share most
/// of their words ("Check-in" and "Online check-in"), or most of their
/// letters ("Check in" and "Check-in", "Colleague referal").
pub(crate) fn close(a: &str, b: &str) -> bool {
    let norm = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase();
    let (a, b) = (norm(a), norm(b));
    if a.is_empty() || b.is_empty() {
        return false;
    }
    let words = |s: &str| {
        let mut w: Vec<String> =
            s.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_owned).collect();
        w.sort_unstable();
        w.dedup();
        w
    };
    let (wa, wb) = (words(&a), words(&b));
    let shared = wa.iter().filter(|w| wb.binary_search(w).is_ok()).count();
    if !wa.is_empty() && !wb.is_empty() && 2 * shared * 2 >= wa.len() + wb.len() && shared > 0 {
        return true;
    }
    let cut = |s: &str| s.chars().take(COMPARED_CHARS).collect::<String>();
    strsim::normalized_levenshtein(&cut(&a), &cut(&b)) >= 0.6
}
