//! Stage health (SPEC §4): where the company is strong and where it is
//! weak, stage by stage, from the marks. Pure functions over the journey.

use std::cmp::Ordering;

use crate::model::{Journey, Mark, Stage};

/// The marks of one stage, counted.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct StageHealth {
    /// The stage's index on the spine.
    pub stage: usize,
    /// Touchpoints marked strength.
    pub strengths: usize,
    /// Of those, the ones also marked essential.
    pub essential_strengths: usize,
    /// Touchpoints marked pain.
    pub pains: usize,
    /// Of those, the ones also marked essential.
    pub essential_pains: usize,
    /// The mean score of the stage's scored touchpoints, if any.
    pub mean_score: Option<f64>,
}

impl StageHealth {
    /// Strengths minus pains, an essential pain counting twice.
    pub fn balance(&self) -> i64 {
        let count = |n: usize| i64::try_from(n).unwrap_or(i64::MAX / 4);
        count(self.strengths) - count(self.pains) - count(self.essential_pains)
    }

    fn of(index: usize, stage: &Stage) -> StageHealth {
        let marked = |m: Mark| stage.touchpoints.iter().filter(move |t| t.has(m));
        let scores: Vec<f64> = stage.touchpoints.iter().filter_map(|t| t.score).map(|s| f64::from(s.get())).collect();
        StageHealth {
            stage: index,
            strengths: marked(Mark::Strength).count(),
            essential_strengths: marked(Mark::Strength).filter(|t| t.has(Mark::Essential)).count(),
            pains: marked(Mark::Pain).count(),
            essential_pains: marked(Mark::Pain).filter(|t| t.has(Mark::Essential)).count(),
            mean_score: (!scores.is_empty()).then(|| scores.iter().sum::<f64>() / scores.len() as f64),
        }
    }
}

/// Every stage's health, in spine order.
pub fn stage_health(journey: &Journey) -> Vec<StageHealth> {
    journey.stages.iter().enumerate().map(|(i, s)| StageHealth::of(i, s)).collect()
}

/// The stages the poster names: the weakest and the strongest.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Extremes {
    /// The weakest stage, when some stage's balance is below zero.
    pub weakest: Option<usize>,
    /// The strongest stage, when some stage's balance is above zero.
    pub strongest: Option<usize>,
}

impl Extremes {
    /// How the stage stands, if it is named: `"weakest"` or `"strongest"`.
    pub fn standing(&self, stage: usize) -> Option<&'static str> {
        if self.weakest == Some(stage) {
            Some("weakest")
        } else if self.strongest == Some(stage) {
            Some("strongest")
        } else {
            None
        }
    }
}

/// The weakest and the strongest stage (SPEC §4).
///
/// The weakest has the lowest balance; ties go to the lower mean score (a
/// stage without scores after any that has one), then the earlier stage.
/// The strongest has the highest balance; ties go to the higher mean
/// score, then the earlier stage. A stage is named weakest only when its
/// balance is below zero and strongest only when it is above: a poster
/// that calls a stage with nothing to its credit "strongest" misleads.
pub fn extremes(health: &[StageHealth]) -> Extremes {
    // A missing mean sorts as if it were neither low nor high.
    let mean = |h: &StageHealth, missing: f64| h.mean_score.unwrap_or(missing);
    let weakest = health
        .iter()
        .min_by(|a, b| {
            a.balance()
                .cmp(&b.balance())
                .then(mean(a, f64::INFINITY).partial_cmp(&mean(b, f64::INFINITY)).unwrap_or(Ordering::Equal))
                .then(a.stage.cmp(&b.stage))
        })
        .filter(|h| h.balance() < 0);
    let strongest = health
        .iter()
        .min_by(|a, b| {
            b.balance()
                .cmp(&a.balance())
                .then(mean(b, f64::NEG_INFINITY).partial_cmp(&mean(a, f64::NEG_INFINITY)).unwrap_or(Ordering::Equal))
                .then(a.stage.cmp(&b.stage))
        })
        .filter(|h| h.balance() > 0);
    Extremes { weakest: weakest.map(|h| h.stage), strongest: strongest.map(|h| h.stage) }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn h(stage: usize, strengths: usize, pains: usize, essential_pains: usize, mean: Option<f64>) -> StageHealth {
        StageHealth { stage, strengths, essential_strengths: 0, pains, essential_pains, mean_score: mean }
    }

    #[test]
    fn an_essential_pain_counts_twice() {
        assert_eq!(h(0, 2, 2, 1, None).balance(), -1);
    }

    #[test]
    fn ties_go_to_the_mean_score_then_the_earlier_stage() {
        let stages =
            [h(0, 0, 1, 0, Some(3.0)), h(1, 0, 1, 0, Some(2.0)), h(2, 2, 0, 0, None), h(3, 2, 0, 0, Some(4.0))];
        assert_eq!(extremes(&stages), Extremes { weakest: Some(1), strongest: Some(3) });
        let even = [h(0, 1, 0, 0, None), h(1, 1, 0, 0, None)];
        assert_eq!(extremes(&even).strongest, Some(0), "then the earlier stage");
    }

    #[test]
    fn only_a_negative_stage_is_weakest_and_only_a_positive_one_strongest() {
        let level = [h(0, 1, 1, 0, None), h(1, 0, 0, 0, None)];
        assert_eq!(extremes(&level), Extremes::default(), "nothing to name at zero");
        let bad = [h(0, 0, 2, 0, None), h(1, 1, 1, 0, None)];
        assert_eq!(extremes(&bad), Extremes { weakest: Some(0), strongest: None });
        assert_eq!(extremes(&bad).standing(0), Some("weakest"));
    }
}
