//! The wall layout (SPEC §4.1): a poster read from two metres. Its card
//! titles print at 18 pt or more on A2 and 24 pt or more on A1 and larger,
//! and the question rows, which need reading up close, move to sheets of
//! their own instead of shrinking the cards.
//!
//! The first sheet is the full poster without the question rows, at the
//! largest scale that fits. Where its cards do not fit at the wall's size,
//! the first sheet holds the story (the summary: title, headline, stage
//! band, curve, health, priorities) and the cards go on sheets after it,
//! as many stages a sheet as fit, keeping their rank chips and the
//! weakest and strongest stage as the whole map has them. The question
//! rows follow in the same way, at the 6 pt floor.

use std::ops::Range;

use super::document::{Arrangement, Document, Page};
use super::frame::Transform;
use super::geom::Size2;
use super::inputs::PosterInputs;
use super::stack::{Laid, Stacker};
use super::summary::{self, TypeFloor};
use super::{LayoutError, assemble, context::Grid, fit, stacker};
use crate::health::Extremes;
use crate::labels::Lang;
use crate::model::{Journey, Panel, Paper, PosterSettings, Size, TouchpointId};
use crate::priorities::Priority;
use crate::units::Length;

/// The least card titles print at on a wall sheet up to A2's size.
pub const WALL_CARD_PT: f64 = 18.0;

/// The least card titles print at on a wall sheet of A1's size or more:
/// a larger sheet hangs higher and is read from further away.
pub const WALL_CARD_PT_LARGE: f64 = 24.0;

/// The card-title floor for a sheet of `page` px (an automatic page
/// counts as A2).
pub(crate) fn card_floor_pt(page: Option<Size2>) -> f64 {
    let Some(page) = page else { return WALL_CARD_PT };
    let (w, h) = Size::Paper(Paper::A1).page_px(None).unwrap_or((0.0, 0.0));
    // A sheet within a few per cent of A1 (Arch D, a 600 × 840 mm board)
    // is read as one.
    if page.width * page.height >= 0.95 * w * h { WALL_CARD_PT_LARGE } else { WALL_CARD_PT }
}

/// What every sheet of one wall layout shares.
pub(crate) struct Wall<'a> {
    /// The map, theme, shaper, highlight and 6 pt floor.
    pub(crate) inputs: PosterInputs<'a>,
    /// The size asked for, for messages.
    pub(crate) size: Size,
    pub(crate) orientation: Option<crate::model::Orientation>,
    /// The whole map's actions, ranks and weakest and strongest stage,
    /// and its language: worked out once for all the parts tried.
    pub(crate) whole: Whole<'a>,
}

/// What every part of a map keeps from the whole of it.
pub(crate) struct Whole<'a> {
    priorities: Vec<Priority<'a>>,
    extremes: Extremes,
    lang: Lang,
}

impl<'a> Whole<'a> {
    /// The whole of `journey`.
    pub(crate) fn of(journey: &'a Journey) -> Whole<'a> {
        Whole {
            priorities: crate::priorities::actions(journey),
            extremes: crate::health::extremes(&crate::health::stage_health(journey)),
            lang: Lang::of(journey),
        }
    }
}

/// Lays out the wall sheets on `page` (`None`: each sheet grows to fit).
///
/// # Errors
/// [`LayoutError::TooSmall`] when one stage's cards do not fit a sheet
/// with their titles at the wall's size, or its answers at 6 pt.
pub(crate) fn layout(wall: &Wall<'_>, page: Option<Size2>) -> Result<Document, LayoutError> {
    let card_pt = card_floor_pt(page);
    let card_scale = wall.inputs.min_scale.max(Length::pt(card_pt).to_px() / wall.inputs.theme.type_scale.card_title);
    let mut main = wall.inputs.stacker();
    main.left_out = vec![Panel::QUESTIONS];
    let (mut document, cards_apart) = match page {
        None => {
            let laid = main.build(Grid::natural_width(wall.inputs.journey, wall.inputs.theme), None, 0.0, false);
            (grown(&main, laid, card_scale), false)
        }
        Some(page) => match fit(&main, page, card_scale) {
            Ok((scale, laid)) => (assemble(&main, laid, scale, page, Vec::new(), None), false),
            Err(_) => {
                let mut story = story_sheet(wall, page)?;
                let cards = sheets(wall, page, card_scale, Panel::TOUCHPOINTS)?;
                append(&mut story, cards);
                (story, true)
            }
        },
    };
    if shows_questions(wall.inputs.journey) {
        let questions = match page {
            Some(page) => sheets(wall, page, wall.inputs.min_scale, Panel::QUESTIONS)?,
            None => vec![grown_part(wall, 0..wall.inputs.journey.stages.len(), Panel::QUESTIONS)],
        };
        append(&mut document, questions);
    }
    document.arrangement = Arrangement::Wall { card_title_pt: card_pt, cards_apart };
    Ok(document)
}

/// Whether the map shows question rows (listed, or every panel) and has
/// an answer to show.
fn shows_questions(journey: &Journey) -> bool {
    let listed = journey.poster.panels.as_deref().is_none_or(|p| p.contains(&Panel::QUESTIONS));
    listed
        && (!journey.lanes.is_empty()
            || journey.stages.iter().any(|s| {
                crate::model::Question::ALL.into_iter().any(|q| s.is_answered(q))
                    || s.effort.is_some()
                    || s.effort_note.is_some()
            }))
}

/// Adds `pages` to `document` as sheets of their own.
fn append(document: &mut Document, pages: Vec<Page>) {
    for page in pages {
        document.sheets.push(document.pages.len());
        document.pages.push(page);
    }
}

/// A poster grown to fit at `scale`: an automatic page.
fn grown(builder: &Stacker<'_>, laid: Laid, scale: f64) -> Document {
    let page = Size2 { width: laid.frame.size.width * scale, height: laid.height * scale };
    assemble(builder, laid, scale, page, Vec::new(), None)
}

/// The first sheet when the cards go on their own: the summary of the
/// whole map at the page's largest scale.
fn story_sheet(wall: &Wall<'_>, page: Size2) -> Result<Document, LayoutError> {
    let story = summary::story(wall.inputs.journey);
    let theme = summary::theme_for(wall.inputs.theme, TypeFloor::Smallest);
    let mut builder = stacker(&story, &theme, wall.inputs.shaper, wall.inputs.highlight);
    let request = summary::Request {
        builder: &mut builder,
        page,
        floor: TypeFloor::Smallest,
        min_scale: wall.inputs.min_scale,
        fell_back: false,
    };
    let make = |b: &Stacker<'_>, laid, scale, left_out, cap| assemble(b, laid, scale, page, left_out, cap);
    summary::fit_page(request, make).map_err(|needed| {
        summary::too_small(&builder, wall.size, wall.orientation, needed, TypeFloor::Smallest, wall.inputs.min_scale)
    })
}

/// The sheets that show `panel` for every stage at `scale` or more: as
/// many stages a sheet as fit, then evened out across the same number of
/// sheets where that fits too. Each count is found by doubling the stages
/// tried, then halving back, so a long map costs about its length times
/// its logarithm in part layouts.
fn sheets(wall: &Wall<'_>, page: Size2, scale: f64, panel: Panel) -> Result<Vec<Page>, LayoutError> {
    let n = wall.inputs.journey.stages.len();
    let fits = |range: Range<usize>| -> bool { fitted(wall, &range, page, scale, panel).is_some() };
    let mut parts: Vec<Range<usize>> = Vec::new();
    let mut start = 0;
    while start < n {
        if !fits(start..start + 1) {
            return Err(alone_too_small(wall, start, panel, scale));
        }
        let (mut good, mut step, mut bad) = (start + 1, 1, None);
        while good < n {
            let next = (good + step).min(n);
            if fits(start..next) {
                good = next;
                step *= 2;
            } else {
                bad = Some(next);
                break;
            }
        }
        if let Some(mut bad) = bad {
            while bad - good > 1 {
                let mid = good + (bad - good) / 2;
                if fits(start..mid) { good = mid } else { bad = mid }
            }
        }
        parts.push(start..good);
        start = good;
    }
    let even = even_split(n, parts.len());
    if even != parts && even.iter().all(|r| fits(r.clone())) {
        parts = even;
    }
    parts
        .iter()
        .map(|range| {
            let (part, laid_scale, laid) = fitted(wall, range, page, scale, panel)
                .ok_or_else(|| alone_too_small(wall, range.start, panel, scale))?;
            Ok(Page { size: page, transform: Transform::scale(laid_scale), frame: laid.frame, name: part, print: None })
        })
        .collect()
}

/// `n` stages in `k` runs whose lengths differ by one at most.
fn even_split(n: usize, k: usize) -> Vec<Range<usize>> {
    let k = k.max(1);
    let mut start = 0;
    (0..k)
        .map(|i| {
            let len = n / k + usize::from(i < n % k);
            let range = start..start + len;
            start += len;
            range
        })
        .collect()
}

/// The sheet showing `panel` for the stages `range`, fitted to `page` at
/// `scale` or more: its name, scale and stack.
fn fitted(wall: &Wall<'_>, range: &Range<usize>, page: Size2, scale: f64, panel: Panel) -> Option<(String, f64, Laid)> {
    let part = part_journey(wall, range, panel);
    let builder = part_stacker(wall, &part, range);
    let (scale, laid) = fit(&builder, page, scale).ok()?;
    Some((part.title.clone(), scale, laid))
}

/// The sheet for `range` on a page that grows to fit.
fn grown_part(wall: &Wall<'_>, range: Range<usize>, panel: Panel) -> Page {
    let part = part_journey(wall, &range, panel);
    let builder = part_stacker(wall, &part, &range);
    let laid = builder.build(Grid::natural_width(&part, wall.inputs.theme), None, 0.0, false);
    let scale = wall.inputs.min_scale.max(1.0);
    let size = Size2 { width: laid.frame.size.width * scale, height: laid.height * scale };
    Page { size, transform: Transform::scale(scale), frame: laid.frame, name: part.title, print: None }
}

/// The map cut down to the stages `range`, showing only `panel` under a
/// title that says what the sheet holds and which stages.
fn part_journey(wall: &Wall<'_>, range: &Range<usize>, panel: Panel) -> Journey {
    let journey = wall.inputs.journey;
    let lang = wall.whole.lang;
    let labels = crate::labels::Labels::new(lang, journey.labels.clone());
    let key = if panel == Panel::QUESTIONS { "wall_questions" } else { "wall_cards" };
    let mut title = labels.fill(key, &[("title", &journey.title)]);
    if range.len() < journey.stages.len() {
        let (from, to) = ((range.start + 1).to_string(), range.end.to_string());
        title = format!("{title} · {}", labels.fill("wall_stages", &[("from", &from), ("to", &to)]));
    }
    Journey {
        title,
        subtitle: None,
        persona: None,
        // The headline speaks for the whole map, on the first sheet.
        headline: Some(String::new()),
        // A part's text could read as another language than the whole.
        lang: Some(lang.code().to_owned()),
        stages: journey.stages.get(range.clone()).unwrap_or_default().to_vec(),
        poster: PosterSettings { panels: Some(vec![panel]), ..journey.poster.clone() },
        ..without_stages(journey)
    }
}

/// The map's fields without its stages: a part copies only its own.
fn without_stages(journey: &Journey) -> Journey {
    Journey {
        title: journey.title.clone(),
        subtitle: journey.subtitle.clone(),
        description: journey.description.clone(),
        persona: journey.persona.clone(),
        organisation: journey.organisation.clone(),
        team: journey.team.clone(),
        date: journey.date,
        version: journey.version.clone(),
        status: journey.status,
        sources: journey.sources.clone(),
        theme: journey.theme.clone(),
        lang: journey.lang.clone(),
        currency: journey.currency.clone(),
        headline: journey.headline.clone(),
        labels: journey.labels.clone(),
        poster: journey.poster.clone(),
        lanes: journey.lanes.clone(),
        stages: Vec::new(),
        spans: journey.spans.clone(),
    }
}

/// The stacker for a part: brief title, no footer, the stage numbers,
/// rank chips and weakest and strongest stage of the whole map.
fn part_stacker<'a>(wall: &Wall<'a>, part: &'a Journey, range: &Range<usize>) -> Stacker<'a> {
    let mut builder = stacker(part, wall.inputs.theme, wall.inputs.shaper, wall.inputs.highlight);
    let listed = if wall.inputs.journey.poster.panels.as_deref().is_none_or(|p| p.contains(&Panel::PRIORITIES)) {
        wall.inputs.journey.poster.priorities
    } else {
        0
    };
    let shift =
        |p: &Priority<'a>| Priority { id: TouchpointId { stage: p.id.stage - range.start, index: p.id.index }, ..*p };
    builder.priorities =
        wall.whole.priorities.iter().filter(|p| p.rank <= listed && range.contains(&p.id.stage)).map(shift).collect();
    builder.chips = Some(builder.priorities.len());
    builder.extremes = shifted(wall.whole.extremes, range);
    builder.first_stage = range.start;
    builder.brief = true;
    builder.footer = false;
    builder
}

/// The whole map's weakest and strongest stage, numbered within `range`.
fn shifted(extremes: Extremes, range: &Range<usize>) -> Extremes {
    let within = |pick: Option<crate::health::Pick>| {
        pick.filter(|p| range.contains(&p.stage)).map(|p| crate::health::Pick { stage: p.stage - range.start, ..p })
    };
    Extremes { weakest: within(extremes.weakest), strongest: within(extremes.strongest) }
}

/// The refusal when one stage's cards (or answers) alone do not fit.
fn alone_too_small(wall: &Wall<'_>, stage: usize, panel: Panel, scale: f64) -> LayoutError {
    let name = wall.inputs.journey.stages.get(stage).map_or("", |s| s.name.as_str());
    let what = if panel == Panel::QUESTIONS { "answers" } else { "cards" };
    let t = &wall.inputs.theme.type_scale;
    let (size_px, floor) = if panel == Panel::QUESTIONS {
        (t.smallest(), "6 pt for the smallest text".to_owned())
    } else {
        (t.card_title, format!("{} pt for card titles", Length::px(t.card_title * scale).to_pt().round()))
    };
    LayoutError::TooSmall {
        size: wall.size.to_string(),
        detail: format!(
            "the {what} of stage '{name}' do not fit one sheet with text of {:.1} pt",
            Length::px(size_px * scale).to_pt()
        ),
        floor,
        suggestion: "try a larger --size, or --size auto, which grows the sheets to fit".to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn runs_are_even_and_cover_every_stage() {
        assert_eq!(even_split(7, 3), vec![0..3, 3..5, 5..7]);
        assert_eq!(even_split(6, 2), vec![0..3, 3..6]);
        assert_eq!(even_split(1, 1), vec![0..1]);
    }

    #[test]
    fn a1_and_larger_keep_24_pt() {
        let px = |p: Paper| {
            let (width, height) = Size::Paper(p).page_px(None).unwrap_or_default();
            Some(Size2 { width, height })
        };
        assert_eq!(card_floor_pt(px(Paper::A2)), WALL_CARD_PT);
        assert_eq!(card_floor_pt(px(Paper::A1)), WALL_CARD_PT_LARGE);
        assert_eq!(card_floor_pt(px(Paper::A0)), WALL_CARD_PT_LARGE);
        assert_eq!(card_floor_pt(px(Paper::A3)), WALL_CARD_PT);
        assert_eq!(card_floor_pt(None), WALL_CARD_PT);
    }
}
