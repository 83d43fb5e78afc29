//! The headline (SPEC §4): one sentence under the title, in the map's
//! language, naming where customers hurt most and what to do first —
//! checked in every built-in language, with its plural forms, and for the
//! map's own `headline`.

mod common;

use journeymap::labels::{Labels, Lang};
use journeymap::layout::{self, Document, Options};
use journeymap::text::{BREAK_HYPHEN, Fonts};
use journeymap::theme::Theme;

fn lay(text: &str) -> Document {
    let journey = common::journey("map.toml", text);
    layout::layout(&journey, &Theme::classic(), &Fonts::embedded(), &Options::default()).expect("layout")
}

fn headline(doc: &Document) -> Option<String> {
    let text = doc.find("headline")?.text();
    Some(text.split_whitespace().collect::<Vec<_>>().join(" ").replace(&format!("{BREAK_HYPHEN} "), ""))
}

/// A map with a weak second stage (an essential pain scored 1 and a pain
/// scored 2) and `actions` pains to fix, in `lang`.
fn map(lang: &str, actions: usize) -> String {
    let mut text = format!("title = \"T\"\nlang = \"{lang}\"\n");
    text += "[[stage]]\nname = \"Alpha\"\n[[stage.touchpoint]]\nname = \"Kind\"\nmarks = [\"strength\"]\nscore = 5\n";
    text += "[[stage]]\nname = \"Beta\"\n";
    for i in 0..actions {
        let marks = if i == 0 { "[\"essential\", \"pain\"]" } else { "[\"pain\"]" };
        let score = if i == 0 { 1 } else { 2 };
        text += &format!("[[stage.touchpoint]]\nname = \"Fix{i}\"\nmarks = {marks}\nscore = {score}\n");
    }
    text
}

#[test]
fn the_headline_names_the_weakest_stage_and_the_first_actions_in_every_language() {
    for lang in Lang::ALL {
        let labels = Labels::new(lang, Vec::new());
        for actions in [1, 2, 3, 5] {
            let doc = lay(&map(lang.code(), actions));
            let said = headline(&doc).unwrap_or_else(|| panic!("{lang:?}: no headline"));
            assert!(said.contains("Beta"), "{lang:?}: {said}");
            let named = actions.min(3);
            for i in 0..named {
                assert!(said.contains(&format!("Fix{i}")), "{lang:?}: {said}");
            }
            assert!(!said.contains(&format!("Fix{named}")), "{lang:?}: at most three actions: {said}");
            // "Fix" names what hurts, never the strength to keep.
            assert!(!said.contains("Kind"), "{lang:?}: {said}");
            // Its pains counted in the language's plural form.
            assert!(said.contains(&labels.plural("pains", actions)), "{lang:?} {actions}: {said}");
            if named > 1 {
                let and = format!(" {} ", labels.get("list_and"));
                assert!(said.contains(&and), "{lang:?}: the language's 'and' in {said}");
            }
            // The mean feeling, to one decimal: 1.0 for one action.
            assert!(actions > 1 || said.contains("1.0") || said.contains("1,0"), "{lang:?}: {said}");
        }
        // The forms differ where the language has them: one action, three.
        let one = headline(&lay(&map(lang.code(), 1))).unwrap_or_default();
        let three = headline(&lay(&map(lang.code(), 3))).unwrap_or_default();
        let action = |n: usize| labels.plural_fill("headline_fix", n, &[("list", "")]);
        assert!(one.contains(action(1).trim_end_matches('.').split_whitespace().next().unwrap_or("")), "{one}");
        assert!(three.contains(action(3).trim_end_matches('.').split_whitespace().next().unwrap_or("")), "{three}");
    }
}

#[test]
fn the_maps_own_headline_replaces_it_and_an_empty_one_hides_it() {
    let own = map("en", 2).replacen("title = \"T\"\n", "title = \"T\"\nheadline = \"Our own finding.\"\n", 1);
    assert_eq!(headline(&lay(&own)).as_deref(), Some("Our own finding."));
    let hidden = map("en", 2).replacen("title = \"T\"\n", "title = \"T\"\nheadline = \"\"\n", 1);
    assert_eq!(headline(&lay(&hidden)), None);
}

#[test]
fn no_mark_no_headline_and_no_weak_stage_is_said_in_words() {
    let unmarked = "title = \"T\"\n[[stage]]\nname = \"A\"\n[[stage.touchpoint]]\nname = \"One\"\n";
    assert_eq!(headline(&lay(unmarked)), None, "nothing assessed, nothing found");
    let fine = "title = \"T\"\n[[stage]]\nname = \"A\"\n[[stage.touchpoint]]\nname = \"Good\"\nmarks = [\"strength\"]\nscore = 4\n";
    let said = headline(&lay(fine)).expect("a headline");
    assert!(said.starts_with("No stage stands out as weak"), "{said}");
    assert!(said.contains("Good"), "{said}");
    assert!(!said.contains("fix"), "the first action is a strength to keep, not a fix: {said}");
}

#[test]
fn the_headline_sits_under_the_title_larger_than_the_subtitle() {
    let text = std::fs::read_to_string("samples/airline.toml").expect("sample");
    let doc = lay(&text);
    let title = doc.find("title").expect("title");
    let head = doc.find("headline").expect("headline");
    assert!(title.bounds.contains(&head.bounds), "inside the title block");
    let size = |b: &journeymap::layout::Boxed<'_>| b.group.lines().first().map_or(0.0, |l| l.size);
    let title_size = title.group.lines().first().map_or(0.0, |l| l.size);
    assert!(size(&head) < title_size, "a step under the title");
    let subtitle = title.group.lines().iter().find(|l| l.text().contains("Business trips")).map(|l| l.size);
    assert!(subtitle.is_some_and(|s| size(&head) > s), "larger than the subtitle");
}
