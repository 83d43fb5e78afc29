//! Stage health (SPEC §4): what works against what hurts, stage by stage,
//! from the marks and the feeling together. Pure functions over the
//! journey.
//!
//! A touchpoint adds +1 for a strength mark and +1 for a score of 4 or 5;
//! it takes −1 for a pain mark (−2 when it is also essential) and −1 for a
//! score of 1 or 2. Marks and feeling count alike, so a stage whose car
//! park is scored 1 can never be called the strongest for its marks alone.

use std::cmp::Ordering;

use crate::model::{Journey, Mark, Stage};

/// One stage's health and its parts, counted.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct StageHealth {
    /// The stage's index on the spine.
    pub stage: usize,
    /// Touchpoints marked strength.
    pub strengths: usize,
    /// Touchpoints marked pain.
    pub pains: usize,
    /// Of those, the ones also marked essential (they count twice).
    pub essential_pains: usize,
    /// Touchpoints scored 4 or 5.
    pub felt_well: usize,
    /// Touchpoints scored 1 or 2.
    pub felt_badly: usize,
    /// The mean score of the stage's scored touchpoints, if any.
    pub mean_score: Option<f64>,
}

/// A count as a signed number, saturating far beyond any real map.
fn signed(n: usize) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX / 8)
}

impl StageHealth {
    /// The stage's health: what works (strengths, scores of 4–5) less
    /// what hurts (pains, an essential one twice, and scores of 1–2).
    pub fn health(&self) -> i64 {
        signed(self.strengths) + signed(self.felt_well)
            - signed(self.pains)
            - signed(self.essential_pains)
            - signed(self.felt_badly)
    }

    /// What counts for the stage: strengths and good feelings.
    pub fn works(&self) -> usize {
        self.strengths + self.felt_well
    }

    /// What counts against it: pains (an essential one twice) and bad
    /// feelings.
    pub fn hurts(&self) -> usize {
        self.pains + self.essential_pains + self.felt_badly
    }

    fn of(index: usize, stage: &Stage) -> StageHealth {
        let marked = |m: Mark| stage.touchpoints.iter().filter(move |t| t.has(m));
        let scores: Vec<u8> = stage.touchpoints.iter().filter_map(|t| t.score).map(|s| s.get()).collect();
        let sum: f64 = scores.iter().map(|&s| f64::from(s)).sum();
        StageHealth {
            stage: index,
            strengths: marked(Mark::Strength).count(),
            pains: marked(Mark::Pain).count(),
            essential_pains: marked(Mark::Pain).filter(|t| t.has(Mark::Essential)).count(),
            felt_well: scores.iter().filter(|&&s| s >= 4).count(),
            felt_badly: scores.iter().filter(|&&s| s <= 2).count(),
            mean_score: (!scores.is_empty()).then(|| sum / scores.len() as f64),
        }
    }
}

/// Every stage's health, in spine order.
pub fn stage_health(journey: &Journey) -> Vec<StageHealth> {
    journey.stages.iter().enumerate().map(|(i, s)| StageHealth::of(i, s)).collect()
}

/// How a named stage stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Standing {
    /// The weakest stage: the lowest health, below 0.
    Weakest,
    /// The strongest stage: the highest health, above 0.
    Strongest,
}

impl Standing {
    /// Its word in the SVG's data attributes: `weakest` or `strongest`.
    pub fn as_str(self) -> &'static str {
        match self {
            Standing::Weakest => "weakest",
            Standing::Strongest => "strongest",
        }
    }
}

/// What settled a tie for weakest or strongest.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decider {
    /// The mean feeling: lower for the weakest, higher for the strongest.
    Feeling,
    /// Equal feeling too: the earlier stage on the spine.
    Order,
}

/// A tie that had to be settled to name a stage.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tie {
    /// The stage that tied and came second.
    pub runner_up: usize,
    /// How many more stages tied besides the runner-up.
    pub more: usize,
    /// What settled it.
    pub by: Decider,
}

/// A stage the poster names, and the tie it won if there was one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Pick {
    /// The stage's index on the spine.
    pub stage: usize,
    /// The tie that decided it, to be stated on the poster.
    pub tie: Option<Tie>,
}

/// The stages the poster names: the weakest and the strongest.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Extremes {
    /// The weakest stage, when some stage's health is below zero.
    pub weakest: Option<Pick>,
    /// The strongest stage, when some stage's health is above zero.
    pub strongest: Option<Pick>,
}

impl Extremes {
    /// How the stage stands, if it is named.
    pub fn standing(&self, stage: usize) -> Option<Standing> {
        if self.weakest.is_some_and(|p| p.stage == stage) {
            Some(Standing::Weakest)
        } else if self.strongest.is_some_and(|p| p.stage == stage) {
            Some(Standing::Strongest)
        } else {
            None
        }
    }

    /// The weakest stage's index, if one is named.
    pub fn weakest_stage(&self) -> Option<usize> {
        self.weakest.map(|p| p.stage)
    }

    /// The strongest stage's index, if one is named.
    pub fn strongest_stage(&self) -> Option<usize> {
        self.strongest.map(|p| p.stage)
    }

    /// The picks among the stages `range`, renumbered from its start (a
    /// part of a deck's overview); a tie with a stage outside it is kept
    /// only as far as it stays inside.
    pub fn within(&self, range: std::ops::Range<usize>) -> Extremes {
        let shift = |p: Option<Pick>| {
            let p = p.filter(|p| range.contains(&p.stage))?;
            let tie = p
                .tie
                .filter(|t| range.contains(&t.runner_up))
                .map(|t| Tie { runner_up: t.runner_up - range.start, ..t });
            Some(Pick { stage: p.stage - range.start, tie })
        };
        Extremes { weakest: shift(self.weakest), strongest: shift(self.strongest) }
    }
}

/// The weakest and the strongest stage (SPEC §4).
///
/// The weakest has the lowest health; ties go to the lower mean score (a
/// stage without scores counting as 6, after every scored one), then the
/// earlier stage. The strongest has the highest health; ties go to the
/// higher mean score (no scores counting as 0), then the earlier stage. A
/// stage is named weakest only when its health is below zero and
/// strongest only when it is above: a poster that calls a stage with
/// nothing to its credit "strongest" misleads.
pub fn extremes(health: &[StageHealth]) -> Extremes {
    let weakest = pick(health, |a, b| {
        a.health().cmp(&b.health()).then_with(|| by_mean(a.mean_score.unwrap_or(6.0), b.mean_score.unwrap_or(6.0)))
    })
    .filter(|p| health[p.stage].health() < 0);
    let strongest = pick(health, |a, b| {
        b.health().cmp(&a.health()).then_with(|| by_mean(b.mean_score.unwrap_or(0.0), a.mean_score.unwrap_or(0.0)))
    })
    .filter(|p| health[p.stage].health() > 0);
    Extremes { weakest, strongest }
}

fn by_mean(a: f64, b: f64) -> Ordering {
    a.partial_cmp(&b).unwrap_or(Ordering::Equal)
}

/// The first stage by `order` (health, then feeling; the spine breaks
/// what is left), with the tie it won, if any. One pass: linear in the
/// number of stages.
fn pick(health: &[StageHealth], order: impl Fn(&StageHealth, &StageHealth) -> Ordering) -> Option<Pick> {
    let mut best: Option<&StageHealth> = None;
    let mut second: Option<&StageHealth> = None;
    for h in health {
        match best {
            Some(b) if order(h, b) != Ordering::Less => {
                if second.is_none_or(|s| order(h, s) == Ordering::Less) {
                    second = Some(h);
                }
            }
            _ => {
                second = best;
                best = Some(h);
            }
        }
    }
    let best = best?;
    let tied: Vec<&StageHealth> =
        health.iter().filter(|h| h.stage != best.stage && h.health() == best.health()).collect();
    let tie = second.filter(|s| s.health() == best.health()).map(|s| Tie {
        runner_up: s.stage,
        more: tied.len().saturating_sub(1),
        by: if order(best, s) == Ordering::Equal { Decider::Order } else { Decider::Feeling },
    });
    Some(Pick { stage: best.stage, tie })
}

#[cfg(test)]
mod tests;
