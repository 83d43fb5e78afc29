//! What a deck's slides say in words: a stage slide's title is what the
//! stage found, not its name alone, and every slide says what it shows
//! for the speaker's notes and for a reader who cannot see the picture.

use crate::health::{StageHealth, Standing};
use crate::layout::context::Context;
use crate::layout::regions::headline::and_list;
use crate::layout::regions::health::one_decimal;
use crate::model::Mark;

/// A stage's finding, as its slide's title: "Booking hurts most: 2 pains,
/// feeling 2.8 of 5" for the weakest, "Arrival works best: …" for the
/// strongest, and what the counts say for the others.
pub(super) fn finding(cx: &Context<'_>, stage: usize) -> String {
    let name = cx.journey.stages.get(stage).map_or("", |s| s.name.as_str());
    let Some(h) = cx.health.get(stage) else { return name.to_owned() };
    let key = match cx.extremes.standing(stage) {
        Some(Standing::Weakest) => "deck_weakest",
        Some(Standing::Strongest) => "deck_strongest",
        None if h.pains + h.strengths == 0 && h.mean_score.is_none() => {
            return cx.labels.fill("deck_unassessed", &[("stage", name)]);
        }
        None if h.health() < 0 => "deck_hurts",
        None if h.health() > 0 => "deck_works",
        None => "deck_even",
    };
    cx.labels
        .fill(key, &[("stage", name), ("details", &details(cx, h, key == "deck_strongest" || key == "deck_works"))])
}

/// "2 pains, 1 strength, feeling 2.8 of 5": what hurts first, or what
/// works first on a stage that works.
fn details(cx: &Context<'_>, h: &StageHealth, works: bool) -> String {
    let l = cx.labels;
    let mut parts = Vec::new();
    let pains = (h.pains > 0).then(|| l.plural("pains", h.pains));
    let strengths = (h.strengths > 0).then(|| l.plural("strengths", h.strengths));
    if works {
        parts.extend(strengths);
        parts.extend(pains);
    } else {
        parts.extend(pains);
        parts.extend(strengths);
    }
    if let Some(mean) = h.mean_score {
        parts.push(l.fill("deck_feeling", &[("mean", &one_decimal(cx, mean))]));
    }
    parts.join(", ")
}

/// What a stage slide shows: its finding and each card with its marks
/// and score.
pub(super) fn stage_notes(cx: &Context<'_>, stage: usize, finding: &str) -> String {
    let Some(st) = cx.journey.stages.get(stage) else { return finding.to_owned() };
    let cards: Vec<String> = st
        .touchpoints
        .iter()
        .map(|t| {
            let mut about: Vec<String> =
                Mark::ALL.into_iter().filter(|m| t.has(*m)).map(|m| cx.labels.get(mark_key(m)).to_owned()).collect();
            if t.moment_of_truth {
                // The legend's words up to their explanation of the drawing.
                let words = cx.labels.get("legend_moment_of_truth");
                about.push(words.split(['(', ':']).next().unwrap_or(words).trim().to_owned());
            }
            if let Some(score) = t.score {
                about.push(cx.labels.fill("deck_feeling", &[("mean", &score.get().to_string())]));
            }
            if about.is_empty() { t.name.clone() } else { format!("{} ({})", t.name, about.join("; ")) }
        })
        .collect();
    let touchpoints = cx.labels.plural("legend_touchpoints", st.touchpoints.len());
    cx.labels.fill(
        "deck_notes_stage",
        &[
            ("finding", finding.trim_end_matches('.')),
            ("stage", &st.name),
            ("touchpoints", &touchpoints),
            ("list", &and_list(cx, &cards)),
        ],
    )
}

/// The legend's words for a mark.
pub(super) fn mark_key(mark: Mark) -> &'static str {
    match mark {
        Mark::Essential => "legend_essential",
        Mark::Strength => "legend_strength",
        Mark::Pain => "legend_pain",
        Mark::WouldPay => "legend_would_pay",
    }
}
