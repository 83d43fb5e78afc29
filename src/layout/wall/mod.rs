//! The wall layout (SPEC §4.1): a poster read from two metres. Its card
//! titles print at 18 pt or more on A2 and 24 pt or more on A1 and larger,
//! and the question rows, which need reading up close, move to sheets of
//! their own instead of shrinking the cards.
//!
//! The first sheet is the full poster without the question rows, at the
//! largest scale that fits; or, on a crowded map, that poster folded.
//! Where its cards do not fit at the wall's size even so, the first sheet
//! holds the story (the summary: title, headline, stage band, curve,
//! health, priorities) and every card follows whole, hung in columns on
//! sheets after it ([`hang`]), keeping its rank chip and the weakest and
//! strongest stage as the whole map has them. The question rows follow
//! as rows, a run of stages a sheet, at the 6 pt floor or more; where
//! those would leave a sheet bare, each stage's answers hang in columns
//! as the cards do.

mod hang;

use std::ops::Range;

use super::document::{Arrangement, Document, Page};
use super::fold::{self, FOLD_OVER};
use super::frame::Transform;
use super::geom::Size2;
use super::inputs::PosterInputs;
use super::stack::{Laid, Stacker};
use super::summary::{self, TypeFloor};
use super::{LayoutError, assemble, context::Grid, fit, stacker};
use crate::health::Extremes;
use crate::labels::Lang;
use crate::model::{Journey, Orientation, Panel, Paper, PosterSettings, Size, TouchpointId};
use crate::priorities::Priority;
use crate::units::Length;

/// The least card titles print at on a wall sheet up to A2's size.
pub const WALL_CARD_PT: f64 = 18.0;

/// The least card titles print at on a wall sheet of A1's size or more:
/// a larger sheet hangs higher and is read from further away.
pub const WALL_CARD_PT_LARGE: f64 = 24.0;

/// How far past the card-title floor the type of a hung sheet (cards,
/// or answers) may grow, as a multiple of it: twice the floor (36 pt
/// card titles on A2, 48 pt from A1) reads from across a room; larger
/// only spreads a few cards over a sheet meant to be read at a glance.
pub const WALL_TYPE_CEILING: f64 = 2.0;

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
    pub(crate) orientation: Option<Orientation>,
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
/// [`LayoutError::TooSmall`] when the story does not fit the first
/// sheet, a card with its stage's header does not fit a column of a card
/// sheet with its title at the wall's size, or one stage's answers do not
/// fit a sheet at 6 pt.
pub(crate) fn layout(wall: &Wall<'_>, page: Option<Size2>) -> Result<Document, LayoutError> {
    let PosterInputs { journey, theme, min_scale, .. } = wall.inputs;
    let card_pt = card_floor_pt(page);
    let card_scale = min_scale.max(Length::pt(card_pt).to_px() / theme.type_scale.card_title);
    let mut main = wall.inputs.stacker();
    main.left_out = vec![Panel::QUESTIONS];
    let Placed { mut document, cards_apart, unfolded } = match page {
        None => {
            let laid = main.build(Grid::natural_width(journey, theme), None, 0.0, false);
            Placed { document: grown(&main, laid, card_scale), cards_apart: false, unfolded: Vec::new() }
        }
        Some(page) => on_paper(wall, &main, page, card_scale).map_err(|e| turned(wall, &main, page, card_scale, e))?,
    };
    if shows_questions(journey) {
        let questions = match page {
            Some(page) => question_sheets(wall, page, min_scale, card_scale * WALL_TYPE_CEILING)?,
            None => vec![grown_part(wall, 0..journey.stages.len(), Part::Questions)],
        };
        append(&mut document, questions);
    }
    let folded_sheets = unfolded.len();
    // What was folded comes whole last, as the folded poster's does.
    append(&mut document, unfolded);
    document.arrangement = Arrangement::Wall { card_title_pt: card_pt, cards_apart, unfolded: folded_sheets };
    Ok(document)
}

/// The sheets that show the cards, before the question rows.
struct Placed {
    /// The first sheet (with the full list of actions when it lists
    /// only the first), then the card sheets.
    document: Document,
    /// Whether the first sheet holds the story and the cards follow it.
    cards_apart: bool,
    /// The page with in full what the first sheet folds, if it folds.
    unfolded: Vec<Page>,
}

/// The card sheets on a fixed `page`, the card titles at `card_scale` or
/// more: the whole poster if it fits; else, on a crowded map, the poster
/// folded (SPEC §4.1), its cards in full on a page after the sheets; else
/// the story, then every card whole, hung in columns on sheets after it
/// ([`hang`]).
fn on_paper(wall: &Wall<'_>, main: &Stacker<'_>, page: Size2, card_scale: f64) -> Result<Placed, LayoutError> {
    if let Ok((scale, laid)) = fit(main, page, card_scale) {
        let document = assemble(main, laid, scale, page, Vec::new(), None);
        return Ok(Placed { document, cards_apart: false, unfolded: Vec::new() });
    }
    let journey = wall.inputs.journey;
    if fold::crowded(journey) {
        let mut folded = wall.inputs.stacker();
        folded.left_out = vec![Panel::QUESTIONS];
        folded.fold = Some(FOLD_OVER);
        if let Ok((scale, laid)) = fit(&folded, page, card_scale) {
            let document = assemble(&folded, laid, scale, page, Vec::new(), None);
            let name = main.labels.fill("unfolded", &[("title", &journey.title)]);
            let unfolded = vec![fold::unfolded_page(main, page.width, scale, name)];
            return Ok(Placed { document, cards_apart: false, unfolded });
        }
    }
    let mut document = story_sheet(wall, page)?;
    append(&mut document, hang::sheets(wall, page, card_scale, card_scale * WALL_TYPE_CEILING, Part::Cards)?);
    Ok(Placed { document, cards_apart: true, unfolded: Vec::new() })
}

/// A refusal that names the other orientation where the cards fit the
/// sheet turned: a stage of many cards is tall, and may fit a portrait
/// sheet where it does not fit a landscape one.
fn turned(wall: &Wall<'_>, main: &Stacker<'_>, page: Size2, card_scale: f64, error: LayoutError) -> LayoutError {
    let LayoutError::TooSmall { size, detail, floor, suggestion } = error else { return error };
    let turned = Size2 { width: page.height, height: page.width };
    let square = (page.width - page.height).abs() < 1.0;
    if square || on_paper(wall, main, turned, card_scale).is_err() {
        return LayoutError::TooSmall { size, detail, floor, suggestion };
    }
    let orientation = if turned.width > turned.height { Orientation::Landscape } else { Orientation::Portrait };
    let suggestion = format!(
        "try --orientation {}, which fits them on {size}; or {}",
        orientation.as_str(),
        suggestion.trim_start_matches("try ")
    );
    LayoutError::TooSmall { size, detail, floor, suggestion }
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
fn sheets(wall: &Wall<'_>, page: Size2, scale: f64, kind: Part) -> Result<Vec<(Range<usize>, Page)>, LayoutError> {
    let n = wall.inputs.journey.stages.len();
    let fits = |range: Range<usize>| -> bool { fitted(wall, &range, page, scale, kind).is_some() };
    let mut parts: Vec<Range<usize>> = Vec::new();
    let mut start = 0;
    while start < n {
        if !fits(start..start + 1) {
            return Err(alone_too_small(wall, start, kind, page, scale));
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
        .into_iter()
        .map(|stages| {
            let (part, laid_scale, laid) = fitted(wall, &stages, page, scale, kind)
                .ok_or_else(|| alone_too_small(wall, stages.start, kind, page, scale))?;
            let page = Page {
                size: page,
                transform: Transform::scale(laid_scale),
                frame: laid.frame,
                name: part,
                print: None,
            };
            Ok((stages, page))
        })
        .collect()
}

/// How much of a sheet's height its content takes, before its rows
/// stretch, that counts as filling it.
const FILLED: f64 = 0.75;

/// The question sheets on a fixed `page`, the smallest text at `floor`
/// scale or more: the rows as on the poster, a run of stages a sheet;
/// or, where those leave a sheet bare (many stages on a tall sheet stand
/// in narrow columns of short answers, the rows stretched to its foot),
/// every stage's answers hung in columns as the cards are, up to `most`.
fn question_sheets(wall: &Wall<'_>, page: Size2, floor: f64, most: f64) -> Result<Vec<Page>, LayoutError> {
    let grid = sheets(wall, page, floor, Part::Questions);
    let filled = |sheets: &[(Range<usize>, Page)]| {
        sheets.iter().all(|(range, page)| fill(wall, range, page, Part::Questions) >= FILLED)
    };
    match grid {
        Ok(grid) if filled(&grid) => Ok(grid.into_iter().map(|(_, page)| page).collect()),
        grid => match (hang::sheets(wall, page, floor, most, Part::Questions), grid) {
            (Ok(hung), _) => Ok(hung),
            (Err(_), Ok(grid)) => Ok(grid.into_iter().map(|(_, page)| page).collect()),
            (Err(_), Err(error)) => Err(error),
        },
    }
}

/// How much of `page`'s height the sheet of the stages `range` takes at
/// its scale before its rows stretch.
fn fill(wall: &Wall<'_>, range: &Range<usize>, page: &Page, kind: Part) -> f64 {
    let part = part_journey(wall, range, kind);
    let builder = part_stacker(wall, &part, range);
    let (width, height) = (page.size.width / page.transform.scale, page.size.height / page.transform.scale);
    builder.build(width, Some(height), 0.0, false).height / height
}

/// What a sheet after the first shows of its stages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Part {
    /// Their cards.
    Cards,
    /// Their question rows.
    Questions,
}

impl Part {
    /// The panel the sheet shows.
    fn panel(self) -> Panel {
        if self == Part::Questions { Panel::QUESTIONS } else { Panel::TOUCHPOINTS }
    }

    /// The label that titles the sheet.
    fn key(self) -> &'static str {
        match self {
            Part::Cards => "wall_cards",
            Part::Questions => "wall_questions",
        }
    }
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
fn fitted(wall: &Wall<'_>, range: &Range<usize>, page: Size2, scale: f64, kind: Part) -> Option<(String, f64, Laid)> {
    let part = part_journey(wall, range, kind);
    let builder = part_stacker(wall, &part, range);
    let (scale, laid) = fit(&builder, page, scale).ok()?;
    Some((part.title.clone(), scale, laid))
}

/// The sheet for `range` on a page that grows to fit.
fn grown_part(wall: &Wall<'_>, range: Range<usize>, kind: Part) -> Page {
    let part = part_journey(wall, &range, kind);
    let builder = part_stacker(wall, &part, &range);
    let laid = builder.build(Grid::natural_width(&part, wall.inputs.theme), None, 0.0, false);
    let scale = wall.inputs.min_scale.max(1.0);
    let size = Size2 { width: laid.frame.size.width * scale, height: laid.height * scale };
    Page { size, transform: Transform::scale(scale), frame: laid.frame, name: part.title, print: None }
}

/// The map cut down to the stages `range`, showing only `panel` under a
/// title that says what the sheet holds and which stages.
fn part_journey(wall: &Wall<'_>, range: &Range<usize>, kind: Part) -> Journey {
    let journey = wall.inputs.journey;
    let lang = wall.whole.lang;
    let labels = crate::labels::Labels::new(lang, journey.labels.clone());
    let mut title = labels.fill(kind.key(), &[("title", &journey.title)]);
    if range.len() == 1 && journey.stages.len() > 1 {
        // A long stage alone on a sheet, or run on onto the next.
        let n = (range.start + 1).to_string();
        title = format!("{title} · {}", labels.fill("wall_stage", &[("n", &n)]));
    } else if range.len() < journey.stages.len() {
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
        poster: PosterSettings { panels: Some(vec![kind.panel()]), ..journey.poster.clone() },
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
fn alone_too_small(wall: &Wall<'_>, stage: usize, kind: Part, page: Size2, scale: f64) -> LayoutError {
    let name = wall.inputs.journey.stages.get(stage).map_or("", |s| s.name.as_str());
    let t = &wall.inputs.theme.type_scale;
    let (what, text, size_px, floor) = if kind == Part::Questions {
        ("answers", "its smallest text", t.smallest(), "6 pt for the smallest text".to_owned())
    } else {
        let floor = format!("{} pt for card titles", Length::px(t.card_title * scale).to_pt().round());
        ("cards", "card titles", t.card_title, floor)
    };
    // The scale the stage alone would need, to say how far off it is.
    let part = part_journey(wall, &(stage..stage + 1), kind);
    let needed = fit(&part_stacker(wall, &part, &(stage..stage + 1)), page, scale).err().flatten();
    let detail = match needed {
        Some(needed) => format!(
            "the {what} of stage '{name}' fit one sheet only with {text} at {:.1} pt",
            Length::px(size_px * needed).to_pt()
        ),
        None => format!("the {what} of stage '{name}' do not fit one sheet at any size"),
    };
    LayoutError::TooSmall {
        size: wall.size.to_string(),
        detail,
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

    /// The map `text`, read as the file `name`.
    fn parsed(name: &str, text: &str) -> Journey {
        crate::parse::parse_str(name, text, &crate::parse::Options::default()).journey.expect("a map")
    }

    /// Measured on the 101-card map: whether its cards hang, and on how
    /// many sheets, the first sheet included.
    fn hanging(wall: &Wall<'_>, page: Size2, scale: f64) -> Option<(usize, bool)> {
        let mut main = wall.inputs.stacker();
        main.left_out = vec![Panel::QUESTIONS];
        let placed = on_paper(wall, &main, page, scale).ok()?;
        Some((1 + placed.document.sheets.len(), !placed.unfolded.is_empty()))
    }

    /// Cut into runs of whole stages, the 101-card map's 22-card stage
    /// fitted no landscape A2 or A1 sheet even folded; hung in columns,
    /// every card hangs whole at every size from A2 in either
    /// orientation. On A0 the folded poster still takes one sheet; on
    /// 2000 × 1400 mm the whole poster fits one and nothing folds.
    #[test]
    fn a_crowded_map_hangs_at_every_size() {
        let journey = parsed("hundred-cards.toml", include_str!("../../../tests/maps/crowded/hundred-cards.toml"));
        let (fonts, theme) = (crate::text::Fonts::embedded(), crate::theme::Theme::classic());
        let shaper = crate::text::Shaper::new(&fonts);
        let min_scale = super::super::MIN_TEXT_PX / theme.type_scale.smallest();
        let inputs = PosterInputs { journey: &journey, theme: &theme, shaper: &shaper, highlight: None, min_scale };
        let portrait = Some(crate::model::Orientation::Portrait);
        let landscape = Some(crate::model::Orientation::Landscape);
        let mut measured = Vec::new();
        let cases = [
            ("A2", landscape, None),
            ("A2", portrait, None),
            ("A1", landscape, None),
            ("A1", portrait, None),
            ("A0", portrait, Some((1, true))),
            ("2000x1400mm", landscape, Some((1, false))),
        ];
        for (size, orientation, expected) in cases {
            let size: Size = size.parse().expect("a size");
            let wall = Wall { inputs, size, orientation, whole: Whole::of(&journey) };
            let (width, height) = size.page_px(orientation).expect("a fixed size");
            let page = Size2 { width, height };
            let scale = min_scale.max(Length::pt(card_floor_pt(Some(page))).to_px() / theme.type_scale.card_title);
            let hung = hanging(&wall, page, scale);
            measured.push(format!("{size} {orientation:?}: {hung:?}"));
            assert!(hung.is_some() && expected.is_none_or(|e| hung == Some(e)), "{measured:?}");
        }
        // For the record: cargo test -- --nocapture shows the counts.
        println!("{}", measured.join("\n"));
    }

    /// A sheet names the stages it shows: a run, or one stage alone (a
    /// long stage run on over sheets), and none when it shows them all.
    #[test]
    fn a_sheet_names_its_stages() {
        let journey = parsed("airline.toml", include_str!("../../../samples/airline.toml"));
        let (fonts, theme) = (crate::text::Fonts::embedded(), crate::theme::Theme::classic());
        let shaper = crate::text::Shaper::new(&fonts);
        let inputs =
            PosterInputs { journey: &journey, theme: &theme, shaper: &shaper, highlight: None, min_scale: 1.0 };
        let wall = Wall { inputs, size: Size::Paper(Paper::A2), orientation: None, whole: Whole::of(&journey) };
        let title = |range: Range<usize>| part_journey(&wall, &range, Part::Cards).title;
        assert_eq!(title(0..7), "Flying Nordic Air: the touchpoints");
        assert_eq!(title(0..2), "Flying Nordic Air: the touchpoints · stages 1 to 2");
        assert_eq!(title(3..4), "Flying Nordic Air: the touchpoints · stage 4");
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
