//! What a diff poster marks, arranged by the new map's stages and cards:
//! the layout reads it beside the new journey and draws change badges,
//! ghosts, the old curve, health changes and the "what changed" panel.

use super::{Diff, Kind, StageKind};
use crate::model::{Journey, Mark, Touchpoint};

/// What changed on one card of the new map.
#[derive(Debug, Clone, PartialEq)]
pub struct CardMarks {
    /// What changed, in [`Kind::ALL`] order (never `Removed`).
    pub kinds: Vec<Kind>,
    /// The score before and after, when it changed.
    pub score: Option<(Option<u8>, Option<u8>)>,
    /// Marks gained.
    pub gained: Vec<Mark>,
    /// Marks lost.
    pub lost: Vec<Mark>,
    /// The moment of truth gained (`Some(true)`) or lost.
    pub moment_of_truth: Option<bool>,
    /// The stage it came from, when it moved.
    pub moved_from: Option<String>,
    /// Its old name, when renamed.
    pub renamed_from: Option<String>,
    /// Its priority rank before and after, when it moved.
    pub rank: Option<(Option<usize>, Option<usize>)>,
    /// The text fields that changed, by key (`action`, `owner`…).
    pub text: Vec<&'static str>,
}

impl CardMarks {
    /// The `data-change` value: the kinds, space-separated.
    pub fn data(&self) -> String {
        self.kinds.iter().map(|k| k.as_str()).collect::<Vec<_>>().join(" ")
    }
}

/// A touchpoint the new map no longer has, drawn faintly in the stage it
/// was in.
#[derive(Debug, Clone, PartialEq)]
pub struct Ghost {
    /// The touchpoint as the old map had it.
    pub touchpoint: Touchpoint,
}

/// A diff arranged for drawing over the new map.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Overlay {
    /// Per new stage, per card: what changed (`None`: nothing).
    pub cards: Vec<Vec<Option<CardMarks>>>,
    /// Per new stage: the touchpoints removed from it.
    pub ghosts: Vec<Vec<Ghost>>,
    /// Per new stage: its health in the old map, when it changed.
    pub health: Vec<Option<i64>>,
    /// Per new stage: the old map's mean feeling for it (`None`: a new
    /// stage, or no scores then), for the curve drawn behind.
    pub old_means: Vec<Option<f64>>,
    /// Stages the new map no longer has, with how many touchpoints went
    /// with them.
    pub removed_stages: Vec<(String, usize)>,
    /// How many touchpoints changed, by kind, in [`Kind::ALL`] order.
    pub counts: Vec<(Kind, usize)>,
    /// How many stages were added.
    pub stages_added: usize,
    /// How many stages were renamed.
    pub stages_renamed: usize,
    /// How many scores went up and down.
    pub scores_up_down: (usize, usize),
    /// Question answers and map fields changed (told in the text output;
    /// the panel counts them).
    pub edits: usize,
}

impl Overlay {
    /// `diff` of `old` arranged by the new map's stages and cards (the
    /// new map is the one the diff was made against).
    pub fn new(old: &Journey, diff: &Diff) -> Overlay {
        let mut overlay = Overlay::default();
        let mut new_of_old = vec![None; old.stages.len()];
        for (j, i) in diff.paired.iter().enumerate() {
            if let Some(slot) = i.and_then(|i| new_of_old.get_mut(i)) {
                *slot = Some(j);
            }
        }
        for c in &diff.touchpoints {
            if let Some(p) = &c.new {
                let cards = grow(&mut overlay.cards, p.stage);
                if cards.len() <= p.index {
                    cards.resize(p.index + 1, None);
                }
                cards[p.index] = Some(card(c));
            } else if let Some(p) = &c.old {
                // A removed card is a ghost in the stage its stage became.
                if let Some(j) = new_of_old.get(p.stage).copied().flatten() {
                    grow(&mut overlay.ghosts, j).push(Ghost { touchpoint: c.touchpoint.clone() });
                }
            }
        }
        for h in &diff.health {
            let health = grow_with(&mut overlay.health, h.stage, None);
            *health = Some(h.health.old);
        }
        let before = crate::health::stage_health(old);
        overlay.old_means = diff.paired.iter().map(|i| i.and_then(|i| before.get(i)?.mean_score)).collect();
        for s in &diff.stages {
            match (s.kind, &s.old) {
                (StageKind::Removed, Some((_, name))) => overlay.removed_stages.push((name.clone(), s.touchpoints)),
                (StageKind::Added, _) => overlay.stages_added += 1,
                (StageKind::Renamed, _) => overlay.stages_renamed += 1,
                _ => {}
            }
        }
        overlay.counts = Kind::ALL.into_iter().map(|k| (k, diff.count(k))).filter(|(_, n)| *n > 0).collect();
        let moved = |up: bool| {
            diff.of(Kind::Score)
                .filter_map(|c| c.score.as_ref())
                .filter(|s| matches!((s.old, s.new), (Some(a), Some(b)) if (b > a) == up))
                .count()
        };
        overlay.scores_up_down = (moved(true), moved(false));
        overlay.edits = diff.answers.len() + diff.fields.len();
        overlay
    }

    /// What changed on the new map's card `index` of stage `stage`.
    pub fn card(&self, stage: usize, index: usize) -> Option<&CardMarks> {
        self.cards.get(stage)?.get(index)?.as_ref()
    }

    /// The touchpoints removed from the new map's stage `stage`.
    pub fn ghosts(&self, stage: usize) -> &[Ghost] {
        self.ghosts.get(stage).map_or(&[], Vec::as_slice)
    }

    /// The new map's stage `stage`'s old health, when it changed.
    pub fn old_health(&self, stage: usize) -> Option<i64> {
        self.health.get(stage).copied().flatten()
    }

    /// Whether anything changed.
    pub fn is_empty(&self) -> bool {
        self.counts.is_empty()
            && self.removed_stages.is_empty()
            && self.stages_added == 0
            && self.stages_renamed == 0
            && self.health.iter().all(Option::is_none)
            && self.edits == 0
    }
}

/// The entry `i` of `v`, made (empty) if `v` is shorter.
fn grow<T: Default + Clone>(v: &mut Vec<T>, i: usize) -> &mut T {
    grow_with(v, i, T::default())
}

fn grow_with<T: Clone>(v: &mut Vec<T>, i: usize, fill: T) -> &mut T {
    if v.len() <= i {
        v.resize(i + 1, fill);
    }
    &mut v[i]
}

fn card(c: &super::TouchpointChange) -> CardMarks {
    CardMarks {
        kinds: c.kinds.clone(),
        score: c.score.as_ref().map(|s| (s.old, s.new)),
        gained: c.marks.gained.clone(),
        lost: c.marks.lost.clone(),
        moment_of_truth: c.marks.moment_of_truth,
        moved_from: c.is(Kind::Moved).then(|| c.old.as_ref().map(|p| p.stage_name.clone())).flatten(),
        renamed_from: c.is(Kind::Renamed).then(|| c.old.as_ref().map(|p| p.name.clone())).flatten(),
        rank: c.is(Kind::Rank).then(|| c.rank.map(|r| (r.old, r.new))).flatten(),
        text: c.text.iter().map(|t| t.field.as_str()).collect(),
    }
}
