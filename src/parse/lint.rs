//! Warnings: the seed's workshop advice, checked on the journey.
//!
//! "For each stage on the spine … list all the touchpoints", "go through
//! every touchpoint and mark them", "identify the most important ones", "they
//! nearly always begin with AWARENESS" — each becomes a check that points at
//! the stage or touchpoint concerned.

use toml::de::DeTable;

use crate::diag::{Code, Diagnostic};
use crate::model::{Journey, Mark, Question, Status};

/// The fewest and most stages a spine usually has ("half a dozen or so").
const SPINE_STAGES: std::ops::RangeInclusive<usize> = 3..=12;

pub(super) fn journey(journey: &Journey, doc: &DeTable<'_>, out: &mut Vec<Diagnostic>) {
    let Some(first) = journey.stages.first() else {
        return;
    };
    let n = journey.stages.len();
    if n < *SPINE_STAGES.start() {
        out.push(
            Diagnostic::new(
                Code::ShortSpine,
                first.span.clone(),
                "stage",
                format!("the spine has only {n} stage{}", plural(n)),
            )
            .with_hint("a spine usually has about six stages, from Awareness to Return"),
        );
    }
    if n > *SPINE_STAGES.end() {
        let twelfth = &journey.stages[SPINE_STAGES.end() - 1];
        out.push(
            Diagnostic::new(Code::LongSpine, twelfth.span.clone(), "stage", format!("the spine has {n} stages"))
                .with_hint("more than 12 chapters is hard to read; merge stages that the customer sees as one"),
        );
    }
    if !first.name.eq_ignore_ascii_case("awareness") && !first.name.is_empty() {
        out.push(
            Diagnostic::new(
                Code::FirstNotAwareness,
                first.span.clone(),
                "name",
                format!("the spine starts with '{}' rather than Awareness", first.name),
            )
            .with_hint("journeys nearly always begin with how the customer becomes aware of you"),
        );
    }

    let mut unanswered_stages = 0;
    for stage in &journey.stages {
        let missing: Vec<&str> =
            Question::ALL.into_iter().filter(|&q| !stage.is_answered(q)).map(Question::key).collect();
        if let Some(&first_missing) = missing.first() {
            unanswered_stages += 1;
            let question = Question::ALL.into_iter().find(|q| q.key() == first_missing).map_or("", Question::wording);
            out.push(
                Diagnostic::new(
                    Code::Unanswered,
                    stage.span.clone(),
                    first_missing,
                    format!("stage '{}' leaves unanswered: {}", stage.name, missing.join(", ")),
                )
                .with_hint(format!("ask the team: {question}")),
            );
        }
        if stage.touchpoints.is_empty() {
            out.push(
                Diagnostic::new(
                    Code::NoTouchpoints,
                    stage.span.clone(),
                    "touchpoint",
                    format!("stage '{}' has no touchpoints", stage.name),
                )
                .with_hint("list every interaction between the customer and the company at this stage"),
            );
        }
        for t in &stage.touchpoints {
            if t.marks.is_empty() {
                out.push(
                    Diagnostic::new(
                        Code::Unassessed,
                        t.span.clone(),
                        "marks",
                        format!("touchpoint '{}' has no marks", t.name),
                    )
                    .with_hint(
                        "mark it: is it essential, a strength, a pain point, something customers would pay for?",
                    ),
                );
            }
            if t.has(Mark::Pain) && t.action.as_deref().is_none_or(|a| a.trim().is_empty()) {
                out.push(
                    Diagnostic::new(
                        Code::PainWithoutAction,
                        t.span.clone(),
                        "action",
                        format!("pain point '{}' has no action", t.name),
                    )
                    .with_hint("agree what will be done about it and write it as action = \"…\""),
                );
            }
        }
    }
    if !journey.stages.iter().flat_map(|s| &s.touchpoints).any(|t| t.moment_of_truth) {
        out.push(
            Diagnostic::new(
                Code::NoMomentOfTruth,
                0..0,
                "moment_of_truth",
                "no touchpoint is marked as a moment of truth",
            )
            .with_hint("identify the few that most influence the customer and set moment_of_truth = true"),
        );
    }
    if journey.status == Status::Validated && unanswered_stages > 0 {
        let span = doc.get("status").map_or(0..0, |v| v.span());
        out.push(
            Diagnostic::new(
                Code::ValidatedUnanswered,
                span,
                "status",
                format!(
                    "the map is marked validated but {unanswered_stages} stage{} still {} unanswered questions",
                    plural(unanswered_stages),
                    if unanswered_stages == 1 { "has" } else { "have" }
                ),
            )
            .with_hint("answer them, or set status = \"draft\" until the team agrees"),
        );
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}
