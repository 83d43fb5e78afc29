use super::*;
use crate::model::Journey;

/// A map from stages written as `("Stage", &["Name", "Name; score = 2; marks = [\"pain\"]"])`:
/// each touchpoint's extra keys after `;`.
fn map(stages: &[(&str, &[&str])]) -> Journey {
    let mut text = String::from("title = \"T\"\n");
    for (stage, touchpoints) in stages {
        text += &format!("[[stage]]\nname = \"{stage}\"\n");
        for t in *touchpoints {
            let mut parts = t.split(';');
            text += &format!("[[stage.touchpoint]]\nname = \"{}\"\n", parts.next().unwrap_or("").trim());
            for extra in parts {
                text += &format!("{}\n", extra.trim());
            }
        }
    }
    let parsed = crate::parse::parse_str("m.toml", &text, &Default::default());
    parsed.journey.unwrap_or_else(|| panic!("{text}\n{:#?}", parsed.diagnostics))
}

fn diff(old: &Journey, new: &Journey) -> Diff {
    compare(old, new, &[]).expect("no renames")
}

/// Each touchpoint change as `(kinds, old name, new name)`.
fn summary(d: &Diff) -> Vec<(Vec<&'static str>, Option<String>, Option<String>)> {
    d.touchpoints
        .iter()
        .map(|c| {
            let name = |p: &Option<Place>| p.as_ref().map(|p| format!("{}/{}", p.stage_name, p.name));
            (c.kinds.iter().map(|k| k.as_str()).collect(), name(&c.old), name(&c.new))
        })
        .collect()
}

fn s(x: &str) -> Option<String> {
    Some(x.to_owned())
}

fn sample(name: &str) -> Journey {
    let text = std::fs::read_to_string(format!("{}/{name}", env!("CARGO_MANIFEST_DIR"))).expect("the file");
    crate::parse::parse_str(name, &text, &Default::default()).journey.expect("valid")
}

#[test]
fn a_map_against_itself_has_no_changes() {
    for name in ["samples/airline.toml", "samples/clinic-visit.toml", "samples/saas-onboarding.toml"] {
        let j = sample(name);
        let d = diff(&j, &j);
        assert!(d.is_empty(), "{name}: {d:#?}");
        assert_eq!(format(&d, Format::Text, &Names::default()), "no changes\n");
    }
}

#[test]
fn a_close_name_at_the_same_place_is_a_rename() {
    let old = map(&[("A", &["Colleague recommendation; score = 3", "Ad"])]);
    let new = map(&[("A", &["Colleague referral; score = 3", "Ad"])]);
    assert_eq!(
        summary(&diff(&old, &new)),
        [(vec!["renamed"], s("A/Colleague recommendation"), s("A/Colleague referral"))]
    );
    // After a new card the rename is still at the same place: right
    // after its neighbour's partner.
    let inserted = map(&[("A", &["New one", "Colleague referral; score = 3", "Ad"])]);
    let kinds: Vec<_> = summary(&diff(&old, &inserted)).into_iter().map(|(k, ..)| k).collect();
    assert_eq!(kinds, [vec!["added"], vec!["renamed"]]);
}

#[test]
fn a_close_name_elsewhere_or_a_different_name_is_not_a_rename() {
    let old = map(&[("A", &["X", "Ad", "Colleague recommendation"])]);
    let new = map(&[("A", &["Colleague referral", "X", "Ad"])]);
    let kinds: Vec<_> = summary(&diff(&old, &new)).into_iter().map(|(k, ..)| k).collect();
    assert_eq!(kinds, [vec!["added"], vec!["removed"]]);
    let old = map(&[("A", &["Boarding"])]);
    let new = map(&[("A", &["Security"])]);
    let kinds: Vec<_> = summary(&diff(&old, &new)).into_iter().map(|(k, ..)| k).collect();
    assert_eq!(kinds, [vec!["added"], vec!["removed"]]);
    assert!(!matching::close("Use", "Refuse"));
    assert!(matching::close("Check-in", "Online check-in"));
    assert!(matching::close("Check in", "check-in"));
}

#[test]
fn a_rename_the_tool_cannot_guess_is_given() {
    let old = map(&[("Stage/one", &["Boarding"]), ("B", &[])]);
    let new = map(&[("Stage/one", &["Security"]), ("B", &[])]);
    let rename: Rename = "Stage/one/Boarding = Security".parse().expect("a rename");
    let d = compare(&old, &new, &[rename]).expect("resolved");
    assert_eq!(summary(&d), [(vec!["renamed"], s("Stage/one/Boarding"), s("Stage/one/Security"))]);
    // A stage, and a touchpoint of it, renamed at once.
    let new = map(&[("Gate", &["Security"]), ("B", &[])]);
    let renames = ["Stage/one=Gate", "Stage/one/Boarding=Security"].map(|r| r.parse::<Rename>().expect("a rename"));
    let d = compare(&old, &new, &renames).expect("resolved");
    assert_eq!(d.stages.len(), 1);
    assert_eq!(d.stages[0].kind, StageKind::Renamed);
    assert_eq!(summary(&d), [(vec!["renamed"], s("Stage/one/Boarding"), s("Gate/Security"))]);
}

#[test]
fn renames_that_cannot_be_resolved_are_errors() {
    let old = map(&[("A", &["X"])]);
    let new = map(&[("B", &["Y"])]);
    let err = |r: &[&str]| {
        let r: Vec<Rename> = r.iter().map(|r| r.parse().expect("syntax")).collect();
        compare(&old, &new, &r).expect_err("refused")
    };
    assert!(matches!(err(&["Nope=B"]), DiffError::UnknownOld { .. }));
    assert!(matches!(err(&["A=Nope"]), DiffError::UnknownNew { what: "stage", .. }));
    assert!(matches!(err(&["A/X=Nope"]), DiffError::UnknownNew { what: "touchpoint", .. }));
    assert!(matches!(err(&["A=B", "A=B"]), DiffError::Twice(_)));
    assert!(matches!("A".parse::<Rename>(), Err(DiffError::RenameSyntax(_))));
    assert!(matches!("=B".parse::<Rename>(), Err(DiffError::RenameSyntax(_))));
    assert!(err(&["Nope=B"]).to_string().contains("its stages are: A"));
}

#[test]
fn a_renamed_stage_keeps_its_touchpoints() {
    let old = map(&[("Awareness", &["Ad"]), ("Check in", &["Desk", "Bag drop; score = 2"]), ("Flight", &[])]);
    let new = map(&[("Awareness", &["Ad"]), ("Check-in", &["Desk", "Bag drop; score = 4"]), ("Flight", &[])]);
    let d = diff(&old, &new);
    assert_eq!(
        d.stages,
        [StageChange {
            kind: StageKind::Renamed,
            old: Some((1, "Check in".into())),
            new: Some((1, "Check-in".into())),
            touchpoints: 2
        }]
    );
    assert_eq!(summary(&d), [(vec!["score"], s("Check in/Bag drop"), s("Check-in/Bag drop"))]);
}

#[test]
fn a_stage_split_in_two_moves_its_touchpoints() {
    let old = map(&[("Awareness", &["Ad"]), ("Booking", &["A", "B", "C", "D"]), ("Flight", &["F"])]);
    let new = map(&[("Awareness", &["Ad"]), ("Search", &["A", "B"]), ("Payment", &["C", "D"]), ("Flight", &["F"])]);
    let d = diff(&old, &new);
    let kinds: Vec<(StageKind, Option<String>)> =
        d.stages.iter().map(|c| (c.kind, c.new.clone().or(c.old.clone()).map(|(_, n)| n))).collect();
    assert_eq!(
        kinds,
        [(StageKind::Added, s("Search")), (StageKind::Added, s("Payment")), (StageKind::Removed, s("Booking"))]
    );
    assert_eq!(
        summary(&d),
        [
            (vec!["moved"], s("Booking/A"), s("Search/A")),
            (vec!["moved"], s("Booking/B"), s("Search/B")),
            (vec!["moved"], s("Booking/C"), s("Payment/C")),
            (vec!["moved"], s("Booking/D"), s("Payment/D")),
        ]
    );
}

#[test]
fn names_repeated_across_stages_pair_within_their_stage() {
    let old = map(&[("A", &["Email; score = 3", "X"]), ("B", &["Email; score = 3", "Y"])]);
    let new = map(&[("B", &["Email; score = 5", "Y"]), ("A", &["Email; score = 3", "X"])]);
    let d = diff(&old, &new);
    assert_eq!(summary(&d), [(vec!["score"], s("B/Email"), s("B/Email"))]);
    // One of them moved to a new stage: the one whose stage lost it.
    let new = map(&[("A", &["X"]), ("B", &["Email; score = 3", "Y"]), ("C", &["Email; score = 3"])]);
    assert_eq!(summary(&diff(&old, &new)), [(vec!["moved"], s("A/Email"), s("C/Email"))]);
}

#[test]
fn reordered_stages_match_by_name_and_the_order_is_reported() {
    let old = map(&[("A", &["X"]), ("B", &["Y"]), ("C", &["Z"])]);
    let new = map(&[("A", &["X"]), ("C", &["Z"]), ("B", &["Y"])]);
    let d = diff(&old, &new);
    assert!(d.touchpoints.is_empty() && d.stages.is_empty(), "{d:#?}");
    let order = d.order.expect("reordered");
    assert_eq!((order.old.join(","), order.new.join(",")), ("A,B,C".to_owned(), "A,C,B".to_owned()));
    assert!(format(&diff(&old, &new), Format::Text, &Names::default()).contains("order: A, B, C → A, C, B"));
}

#[test]
fn a_touchpoint_moved_between_stages() {
    let old = map(&[("A", &["X", "Y; score = 2"]), ("B", &["Z"])]);
    let new = map(&[("A", &["X"]), ("B", &["Z", "Y; score = 2"])]);
    assert_eq!(summary(&diff(&old, &new)), [(vec!["moved"], s("A/Y"), s("B/Y"))]);
}

#[test]
fn every_kind_of_touchpoint_change_is_found() {
    let old = map(&[(
        "A",
        &[
            "Gone; marks = [\"pain\"]",
            "Feel; score = 2",
            "Mark; marks = [\"pain\"]",
            "Said; owner = \"Sales\"; note = \"n\"",
        ],
    )]);
    let new = map(&[(
        "A",
        &[
            "Feel; score = 4",
            "Mark; marks = [\"strength\"]; moment_of_truth = true",
            "Said; owner = \"Service\"; note = \"n\"",
            "Fresh",
        ],
    )]);
    let d = diff(&old, &new);
    let c = |name: &str| d.touchpoints.iter().find(|c| c.touchpoint.name == name).expect(name);
    assert_eq!(c("Feel").score, Some(Shift { old: Some(2), new: Some(4) }));
    assert_eq!(
        c("Mark").marks,
        MarkShift { gained: vec![Mark::Strength], lost: vec![Mark::Pain], moment_of_truth: Some(true) }
    );
    assert_eq!(c("Said").text, [TextShift { field: TextField::Owner, old: s("Sales"), new: s("Service") }]);
    assert_eq!(c("Fresh").kinds, [Kind::Added]);
    assert_eq!(c("Gone").kinds, [Kind::Removed]);
    // "Gone" was the only action; "Mark" (pain → strength) stays one.
    assert!(c("Mark").kinds.contains(&Kind::Marks));
    assert_eq!(d.count(Kind::Score), 1);
}

#[test]
fn a_new_action_at_the_top_moves_no_other_rank() {
    let old = map(&[("A", &["P; marks = [\"pain\"]", "Q; marks = [\"strength\"]"])]);
    let new = map(&[(
        "A",
        &["New; marks = [\"essential\", \"pain\"]", "P; marks = [\"pain\"]", "Q; marks = [\"strength\"]"],
    )]);
    assert_eq!(summary(&diff(&old, &new)), [(vec!["added"], None, s("A/New"))]);
    // Two that swap places both moved.
    let swapped = map(&[("A", &["P; marks = [\"strength\"]", "Q; marks = [\"pain\"]"])]);
    let d = diff(&old, &swapped);
    assert_eq!(d.count(Kind::Rank), 2, "{d:#?}");
    let p = d.touchpoints.iter().find(|c| c.touchpoint.name == "P").and_then(|c| c.rank).expect("P moved");
    assert_eq!((p.old, p.new, p.old_class, p.new_class), (Some(1), Some(2), Class::Improve, Class::Maintain));
    // An unassessed touchpoint marked for the first time enters the list.
    let marked = map(&[("A", &["P; marks = [\"pain\"]", "Q; marks = [\"strength\"]", "R; marks = [\"essential\"]"])]);
    let unmarked = map(&[("A", &["P; marks = [\"pain\"]", "Q; marks = [\"strength\"]", "R"])]);
    let d = diff(&unmarked, &marked);
    assert_eq!(summary(&d), [(vec!["marks", "rank"], s("A/R"), s("A/R"))]);
}

#[test]
fn health_answers_and_map_fields_are_compared() {
    let old = sample("samples/airline.toml");
    let mut new = old.clone();
    new.status = crate::model::Status::Draft;
    new.stages[1].concerns = Some(crate::model::Text::Paragraph("Price".into()));
    new.stages[0].touchpoints[0].score = crate::model::Score::new(1);
    let d = diff(&old, &new);
    assert_eq!(d.fields[0], FieldChange { field: "status".into(), old: s("validated"), new: s("draft") });
    assert_eq!(d.answers.len(), 1);
    assert_eq!((d.answers[0].question.as_str(), d.answers[0].new.as_deref()), ("concerns", Some("Price")));
    assert_eq!(d.health.len(), 1, "{:#?}", d.health);
    assert_eq!(d.health[0].name, old.stages[0].name);
    assert!(d.health[0].health.new < d.health[0].health.old);
}

/// A diff seen from the other side: added is removed, old is new.
fn mirrored(d: &Diff) -> Vec<String> {
    let mut out: Vec<String> = d
        .touchpoints
        .iter()
        .map(|c| {
            let mut kinds: Vec<Kind> = c
                .kinds
                .iter()
                .map(|k| match k {
                    Kind::Added => Kind::Removed,
                    Kind::Removed => Kind::Added,
                    k => *k,
                })
                .collect();
            kinds.sort();
            let score = c.score.as_ref().map(|s| (s.new, s.old));
            let m = &c.marks;
            let rank = c.rank.map(|r| (r.new, r.old, r.new_class, r.old_class));
            let text: Vec<_> = c.text.iter().map(|t| (t.field, t.new.clone(), t.old.clone())).collect();
            format!(
                "{kinds:?} {:?} {:?} {score:?} {:?} {:?} {:?} {rank:?} {text:?}",
                c.new,
                c.old,
                m.lost,
                m.gained,
                m.moment_of_truth.map(|b| !b)
            )
        })
        .collect();
    out.extend(d.stages.iter().map(|s| format!("stage {:?} {:?}", s.new, s.old)));
    out.extend(d.health.iter().map(|h| format!("health {} {}", h.health.new, h.health.old)));
    out.extend(d.fields.iter().map(|f| format!("field {} {:?} {:?}", f.field, f.new, f.old)));
    out.sort();
    out
}

fn plain(d: &Diff) -> Vec<String> {
    let mut out: Vec<String> = d
        .touchpoints
        .iter()
        .map(|c| {
            let score = c.score.as_ref().map(|s| (s.old, s.new));
            let m = &c.marks;
            let rank = c.rank.map(|r| (r.old, r.new, r.old_class, r.new_class));
            let text: Vec<_> = c.text.iter().map(|t| (t.field, t.old.clone(), t.new.clone())).collect();
            format!(
                "{:?} {:?} {:?} {score:?} {:?} {:?} {:?} {rank:?} {text:?}",
                c.kinds, c.old, c.new, m.gained, m.lost, m.moment_of_truth
            )
        })
        .collect();
    out.extend(d.stages.iter().map(|s| format!("stage {:?} {:?}", s.old, s.new)));
    out.extend(d.health.iter().map(|h| format!("health {} {}", h.health.old, h.health.new)));
    out.extend(d.fields.iter().map(|f| format!("field {} {:?} {:?}", f.field, f.old, f.new)));
    out.sort();
    out
}

#[test]
fn a_to_b_and_b_to_a_are_mirror_images() {
    let pairs = [
        (map(&[("A", &["X", "Y; score = 2"]), ("B", &["Z"])]), map(&[("A", &["X"]), ("B", &["Z", "Y; score = 5"])])),
        (
            map(&[("Awareness", &["Ad"]), ("Booking", &["A", "B; marks = [\"pain\"]", "C", "D"])]),
            map(&[("Awareness", &["Ad; marks = [\"strength\"]"]), ("Search", &["A", "B"]), ("Payment", &["C", "D"])]),
        ),
        (
            map(&[("A", &["P; marks = [\"pain\"]", "Q; marks = [\"strength\"]", "Colleague recommendation"])]),
            map(&[("A", &["P; marks = [\"strength\"]", "Q; marks = [\"pain\"]", "Colleague referral"])]),
        ),
        (sample("samples/airline.toml"), sample("tests/maps/diff/airline-edited.toml")),
    ];
    for (a, b) in &pairs {
        let (ab, ba) = (diff(a, b), diff(b, a));
        assert!(!ab.is_empty());
        assert_eq!(mirrored(&ab), plain(&ba));
        assert_eq!(ab.count(Kind::Added), ba.count(Kind::Removed));
    }
}

#[test]
fn thousands_of_touchpoints_compare_without_pairing_each_with_each() {
    // Every name changed and every card in a new place: the positional
    // guess looks at two places per card, so this stays quick.
    let names: Vec<String> = (0..4000).map(|i| format!("Touchpoint number {i}")).collect();
    let renamed: Vec<String> = (0..4000).map(|i| format!("Step {i} of many")).collect();
    let a: Vec<&str> = names.iter().map(String::as_str).collect();
    let b: Vec<&str> = renamed.iter().map(String::as_str).collect();
    let d = diff(&map(&[("A", &a)]), &map(&[("A", &b)]));
    assert_eq!(d.count(Kind::Added) + d.count(Kind::Renamed), 4000);
}

#[test]
fn markdown_and_json_say_the_same() {
    let (a, b) = (sample("samples/airline.toml"), sample("tests/maps/diff/airline-edited.toml"));
    let d = diff(&a, &b);
    let names = Names { old: "old.toml".into(), new: "new.toml".into() };
    let md = format(&d, Format::Markdown, &names);
    assert!(md.starts_with("### What changed: old.toml → new.toml"), "{md}");
    for title in ["#### Score changes", "#### Priority moves", "#### Stage health", "#### Status and map fields"] {
        assert!(md.contains(title), "{title} in\n{md}");
    }
    let value: serde_json::Value = serde_json::from_str(&format(&d, Format::Json, &names)).expect("JSON");
    assert_eq!(value["counts"]["score"], d.count(Kind::Score));
    assert_eq!(value["touchpoints"].as_array().map(Vec::len), Some(d.touchpoints.len()));
    assert_eq!(value["same"], false);
}

#[test]
fn text_that_could_drive_a_terminal_or_a_comment_stays_text() {
    let old = map(&[("A", &["X; owner = \"a\""])]);
    let mut new = old.clone();
    new.stages[0].touchpoints[0].owner = Some("b\u{1b}]0;pwned\u{7} <img src=x> | y".into());
    let d = diff(&old, &new);
    let md = format(&d, Format::Markdown, &Names::default());
    // The escape's backslash is itself escaped: the comment shows `\u{1b}`.
    assert!(md.contains("\\\\u{1b}]0;pwned\\\\u{7} &lt;img src=x&gt; \\| y"), "{md}");
    assert!(!md.contains('\u{1b}'));
    assert!(!format(&d, Format::Text, &Names::default()).contains('\u{1b}'));
    assert!(format(&d, Format::Json, &Names::default()).contains("\\u001b"));
}
