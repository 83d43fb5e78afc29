//! Property tests for the layout guarantees on generated journeys: random
//! stage and card counts, text lengths, scripts, page sizes and
//! orientations. Whatever the input, a poster either keeps every guarantee
//! or (on a fixed page only) fails with a size that fits.

mod common;

use journeymap::layout::{self, MIN_TEXT_PX, Options};
use journeymap::model::{
    Effort, Journey, Lane, Mark, Orientation, Paper, PosterSettings, Score, Size, Stage, Status, Text, Touchpoint,
};
use journeymap::text::Fonts;
use journeymap::theme::Theme;
use proptest::prelude::*;

const WORDS: &[&str] = &[
    "the",
    "customer",
    "books",
    "a",
    "flight",
    "Awareness",
    "check-in",
    "Øresund",
    "Straße",
    "naïve",
    "Γνωριμία",
    "υπηρεσία",
    "Знакомство",
    "сервисом",
    "2,310",
    "—",
    "(n = 14)",
    "e-mail",
    "Wi-Fi",
    "Donaudampfschifffahrtsgesellschaftskapitänswitwe",
    "https://example.com/a/very/long/path?q=1",
    "Превысокомногорассмотрительствующий",
    "ffi",
    "AVAVAV",
    "“quoted”",
    "x",
];

fn text(max_words: usize) -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(WORDS), 1..=max_words).prop_map(|w| w.join(" "))
}

fn answer() -> impl Strategy<Value = Option<Text>> {
    prop_oneof![
        Just(None),
        text(25).prop_map(|t| Some(Text::Paragraph(t))),
        prop::collection::vec(text(12), 1..4).prop_map(|b| Some(Text::Bullets(b))),
    ]
}

fn touchpoint() -> impl Strategy<Value = Touchpoint> {
    (
        text(6),
        prop::option::of(text(3)),
        prop::option::of(text(3)),
        prop::collection::vec(text(2), 0..3),
        prop::sample::subsequence(Mark::ALL.to_vec(), 0..=4),
        any::<bool>(),
        prop::option::of(1i64..=5),
    )
        .prop_map(|(name, channel, owner, actors, marks, moment_of_truth, score)| Touchpoint {
            name,
            channel,
            owner,
            actors,
            marks,
            moment_of_truth,
            score: score.and_then(Score::new),
            note: None,
            action: None,
            span: 0..0,
            spans: Default::default(),
        })
}

fn stage(lanes: usize) -> impl Strategy<Value = Stage> {
    (
        text(4),
        answer(),
        answer(),
        answer(),
        answer(),
        prop::option::of(1i64..=5),
        prop::option::of(text(10)),
        prop::collection::vec(touchpoint(), 0..=11),
        prop::collection::vec(answer(), lanes),
    )
        .prop_map(
            |(name, doing, motivation, concerns, alleviation, effort, effort_note, touchpoints, lane_answers)| {
                let mut touchpoints = touchpoints;
                // Names are unique within a stage, as validation guarantees.
                for (i, t) in touchpoints.iter_mut().enumerate() {
                    t.name = format!("{} {i}", t.name);
                }
                Stage {
                    name,
                    doing,
                    motivation,
                    concerns,
                    alleviation,
                    effort: effort.and_then(Effort::new),
                    effort_note,
                    lanes: lane_answers.into_iter().enumerate().filter_map(|(i, a)| a.map(|a| (i, a))).collect(),
                    touchpoints,
                    span: 0..0,
                    spans: Default::default(),
                }
            },
        )
}

fn journey() -> impl Strategy<Value = Journey> {
    (0usize..=2)
        .prop_flat_map(|lanes| {
            let langs = prop::sample::select(vec!["en", "de", "fr", "es", "nl", "pl", "sv"]);
            (Just(lanes), text(12), prop::collection::vec(stage(lanes), 1..=14), any::<bool>(), langs)
        })
        .prop_map(|(lanes, title, stages, draft, lang)| {
            let mut stages = stages;
            for (i, s) in stages.iter_mut().enumerate() {
                s.name = format!("{} {}", s.name, i + 1);
            }
            Journey {
                description: None,
                title,
                subtitle: None,
                persona: Some("Frequent business traveller".into()),
                organisation: None,
                team: vec![],
                date: None,
                version: None,
                status: if draft { Status::Draft } else { Status::Validated },
                sources: vec!["14 interviews".into()],
                theme: None,
                // Every language's labels must keep the guarantees too.
                lang: Some(lang.to_owned()),
                currency: if draft { Some("SEK".into()) } else { None },
                headline: None,
                labels: vec![],
                poster: PosterSettings::default(),
                lanes: (0..lanes)
                    .map(|i| Lane { key: format!("lane{i}"), title: format!("Custom lane {i}"), span: 0..0 })
                    .collect(),
                stages,
                spans: Default::default(),
            }
        })
}

fn size() -> impl Strategy<Value = Size> {
    prop_oneof![
        Just(Size::Auto),
        prop::sample::select(Paper::ALL.to_vec()).prop_map(Size::Paper),
        (200.0f64..3000.0, 200.0f64..3000.0).prop_map(|(w, h)| Size::Custom {
            width: w,
            height: h,
            unit: journeymap::model::Unit::Px
        }),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    #[test]
    fn generated_posters_keep_every_guarantee(
        journey in journey(),
        size in size(),
        portrait in any::<bool>(),
    ) {
        let orientation = portrait.then_some(Orientation::Portrait);
        let options = Options { size: Some(size), orientation, ..Default::default() };
        match layout::layout(&journey, &Theme::classic(), &Fonts::embedded(), &options) {
            Ok(poster) => {
                let v: Vec<String> = common::violations(&poster)
                    .into_iter()
                    .chain(common::missing_text(&poster, &journey)).chain(common::missing_marks(&poster, &journey))
                    .chain(common::rendered_violations(&poster, &Theme::classic(), &Fonts::embedded()))
                    .collect();
                prop_assert!(v.is_empty(), "{} violations:\n{}", v.len(), v.join("\n"));
                prop_assert!(common::smallest_text(&poster) >= MIN_TEXT_PX - 1e-9);
            }
            Err(e) => {
                prop_assert!(size != Size::Auto, "auto never fails");
                let wrong = common::check_refusal(&journey, size, orientation, &e);
                prop_assert!(wrong.is_none(), "{}", wrong.unwrap_or_default());
            }
        }
    }
}
