use super::*;

/// A stage with `works` strengths, `pains` plain pains and `mean` feeling.
fn h(stage: usize, strengths: usize, pains: usize, mean: Option<f64>) -> StageHealth {
    StageHealth { stage, strengths, pains, mean_score: mean, ..StageHealth::default() }
}

fn pick(stage: usize) -> Option<Pick> {
    Some(Pick { stage, tie: None })
}

#[test]
fn marks_and_feeling_count_alike() {
    let stage = StageHealth {
        stage: 0,
        strengths: 2,
        pains: 2,
        essential_pains: 1,
        felt_well: 1,
        felt_badly: 3,
        mean_score: Some(2.0),
    };
    assert_eq!(stage.health(), 2 + 1 - 2 - 1 - 3);
    assert_eq!((stage.works(), stage.hurts()), (3, 6));
}

#[test]
fn a_stage_scored_1_is_never_strongest_for_its_marks_alone() {
    // The hospital case: a car park marked strength but scored 1, felt
    // "anxious and lost".
    let source = r#"
title = "Hospital"
[[stage]]
name = "Arrival"
[[stage.touchpoint]]
name = "Car park"
marks = ["strength"]
score = 1
[[stage]]
name = "Care"
[[stage.touchpoint]]
name = "Nurse"
marks = ["strength"]
score = 4
"#;
    let journey = crate::parse::parse_str("h.toml", source, &crate::parse::Options::default()).journey.unwrap();
    let health = stage_health(&journey);
    assert_eq!(health[0].health(), 0);
    assert_eq!(health[1].health(), 2);
    assert_eq!(extremes(&health), Extremes { weakest: None, strongest: pick(1) });
}

#[test]
fn ties_for_weakest_go_to_the_lower_feeling_then_the_earlier_stage() {
    let stages = [h(0, 0, 1, Some(3.0)), h(1, 0, 1, Some(2.0)), h(2, 2, 0, None), h(3, 2, 0, Some(4.0))];
    let found = extremes(&stages);
    assert_eq!(found.weakest, Some(Pick { stage: 1, tie: Some(Tie { runner_up: 0, more: 0, by: Decider::Feeling }) }));
    assert_eq!(
        found.strongest,
        Some(Pick { stage: 3, tie: Some(Tie { runner_up: 2, more: 0, by: Decider::Feeling }) })
    );
    let even = [h(0, 0, 2, Some(2.0)), h(1, 0, 2, Some(2.0)), h(2, 0, 2, Some(2.0))];
    let found = extremes(&even).weakest;
    assert_eq!(found, Some(Pick { stage: 0, tie: Some(Tie { runner_up: 1, more: 1, by: Decider::Order }) }));
}

#[test]
fn a_stage_without_scores_counts_as_6_for_weakest_and_0_for_strongest() {
    let weak = [h(0, 0, 1, None), h(1, 0, 1, Some(5.0))];
    assert_eq!(extremes(&weak).weakest.map(|p| p.stage), Some(1), "5 is lower than no score (6)");
    let strong = [h(0, 1, 0, None), h(1, 1, 0, Some(1.0))];
    assert_eq!(extremes(&strong).strongest.map(|p| p.stage), Some(1), "1 is higher than no score (0)");
    let unscored = [h(0, 1, 0, None), h(1, 1, 0, None)];
    let tie = extremes(&unscored).strongest.and_then(|p| p.tie);
    assert_eq!(tie.map(|t| t.by), Some(Decider::Order), "two unscored stages: the earlier wins");
}

#[test]
fn a_clear_winner_states_no_tie() {
    let stages = [h(0, 0, 3, Some(1.0)), h(1, 0, 1, Some(1.0)), h(2, 3, 0, None)];
    assert_eq!(extremes(&stages), Extremes { weakest: pick(0), strongest: pick(2) });
}

#[test]
fn only_a_negative_stage_is_weakest_and_only_a_positive_one_strongest() {
    let level = [h(0, 1, 1, None), h(1, 0, 0, None)];
    assert_eq!(extremes(&level), Extremes::default(), "nothing to name at zero");
    let bad = [h(0, 0, 2, None), h(1, 1, 1, None)];
    assert_eq!(extremes(&bad), Extremes { weakest: pick(0), strongest: None }, "none above 0: no strongest");
    let good = [h(0, 2, 0, None), h(1, 1, 1, None)];
    assert_eq!(extremes(&good), Extremes { weakest: None, strongest: pick(0) }, "none below 0: no weakest");
    assert_eq!(extremes(&bad).standing(0), Some(Standing::Weakest));
    assert_eq!(extremes(&[]), Extremes::default());
}

#[test]
fn a_part_keeps_its_own_picks_renumbered() {
    let stages = [h(0, 0, 1, Some(3.0)), h(1, 0, 1, Some(2.0)), h(2, 2, 0, None), h(3, 0, 0, None)];
    let all = extremes(&stages);
    let part = all.within(1..4);
    assert_eq!(part.weakest, Some(Pick { stage: 0, tie: None }), "the tie was with a stage outside the part");
    assert_eq!(part.strongest, pick(1));
    assert_eq!(all.within(3..4), Extremes::default());
}
