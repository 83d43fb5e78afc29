//! The headline (SPEC §4): one sentence under the title that says what the
//! poster found, in the map's language: where customers hurt most (the
//! weakest stage, its pains and its mean feeling) and what to do first
//! (the first three actions by touchpoint name). The map's `headline`
//! replaces it and `headline = ""` hides it; a map with no mark has no
//! finding to state, so no headline.

use super::boxed;
use crate::layout::context::{Context, Font, Slot};
use crate::layout::frame::{BoxStyle, Item, Tag};
use crate::layout::geom::Rect;
use crate::priorities::Class;
use crate::text::Style;
use crate::theme::Role;

/// How many actions the sentence names at most.
const NAMED: usize = 3;

/// The headline's sentence, if the poster has one.
pub(crate) fn sentence(cx: &Context<'_>) -> Option<String> {
    if let Some(own) = &cx.journey.headline {
        return (!own.trim().is_empty()).then(|| own.clone());
    }
    let (key, actions) = named(cx);
    if actions.is_empty() {
        return None;
    }
    let l = cx.labels;
    let finding = match cx.extremes.weakest {
        Some(pick) => {
            let h = cx.health.get(pick.stage)?;
            let mut details = Vec::new();
            if h.pains > 0 {
                details.push(l.plural("pains", h.pains));
            }
            if let Some(mean) = h.mean_score {
                details.push(l.fill("headline_mean", &[("mean", &super::health::one_decimal(cx, mean))]));
            }
            let stage = cx.journey.stages.get(pick.stage).map_or("", |s| s.name.as_str());
            l.fill("headline_hurt", &[("stage", stage), ("details", &and_list(cx, &details))])
        }
        None => l.get("headline_no_weak").to_owned(),
    };
    let names: Vec<String> = actions.iter().map(|p| p.touchpoint.name.clone()).collect();
    let action = l.plural_fill(key, names.len(), &[("list", &and_list(cx, &names))]);
    Some(l.fill("headline", &[("finding", &finding), ("action", &action)]))
}

/// The actions the sentence names, with the label that says them: "fix"
/// names only what hurts; a map with no pain names its first actions of
/// any kind instead.
fn named<'a>(cx: &'a Context<'_>) -> (&'static str, Vec<&'a crate::priorities::Priority<'a>>) {
    let assessed = || cx.priorities.iter().filter(|p| p.class != Class::Unassessed);
    let fixes: Vec<_> = assessed().filter(|p| matches!(p.class, Class::Fix | Class::Improve)).take(NAMED).collect();
    if fixes.is_empty() { ("headline_act", assessed().take(NAMED).collect()) } else { ("headline_fix", fixes) }
}

/// Whether the action ranked `rank` is one the headline names (whether
/// the map's own sentence replaces it or not): those lead the priorities.
pub(crate) fn names_rank(cx: &Context<'_>, rank: usize) -> bool {
    // Ranks start at 1 and the named actions are the list's first, so
    // only the first few need the search (which may read the whole list).
    rank <= NAMED && named(cx).1.iter().any(|p| p.rank == rank)
}

/// "a", "a and b", "a, b and c", with the language's "and".
pub(crate) fn and_list(cx: &Context<'_>, items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} {} {last}", init.join(", "), cx.labels.get("list_and")),
    }
}

/// The headline's font: large, in ink, a step under the title (half as
/// large again as the subtitle: with the title's 52 px and the subtitle's
/// 20 px, 30 px), so it reads from across the room right after the title.
pub(crate) fn font(cx: &Context<'_>) -> Font {
    let t = &cx.theme.type_scale;
    // A brief page (a slide's summary) keeps the sentence to two lines
    // where it can: a quarter over body text still leads the page.
    let size = if cx.brief { t.body * 1.25 } else { t.subtitle * 1.5 };
    Font { style: Style::Bold, size, leading: t.heading_line_height + 0.1 }
}

/// The headline laid out from `top` in `width`, as the box group
/// `<g class="headline">`; its height with the space under it.
pub(crate) fn layout_at(cx: &Context<'_>, top: f64, width: f64) -> Option<(Item, f64)> {
    let text = sentence(cx)?;
    let lines = cx.lines(&text, font(cx), Role::Ink, Slot::new(0.0, top, width));
    let height = lines.height;
    let tag = Tag::new("headline", "headline");
    Some((boxed(tag, Rect::new(0.0, top, width, height), BoxStyle::default(), lines.items), height))
}
