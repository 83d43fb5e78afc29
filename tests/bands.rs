//! No poster page with an empty band over 15 % of a side (SPEC §4.1): the
//! samples at every size in both orientations, every test map at three
//! sizes, and every sheet of the wall layout. A band is a strip across the
//! whole page, or down it, that nothing drawn touches; margins count as
//! empty.
//!
//! The pages that list every action after a poster, and the unfolded
//! poster after a folded one, are lists and references that end where
//! their content ends: they are not held to it.

mod common;

use common::bands::{drawn, largest_gap};
use journeymap::layout::{
    self, Arrangement, Document, Item, Options, Page, PosterLayout, WALL_CARD_PT, WALL_CARD_PT_LARGE, WALL_TYPE_CEILING,
};
use journeymap::model::{Journey, Orientation, Paper, Size};
use journeymap::text::Fonts;
use journeymap::theme::Theme;

/// The widest band a poster page may leave empty, as a share of its side.
const BAND: f64 = 0.15;

/// Maps with nothing to lay out below their stage names: any page larger
/// than their title and stage band stands mostly blank, whatever the
/// layout does. Each is checked to be that bare.
const BARE: [&str; 1] = ["tests/maps/valid/minimal.toml"];

/// Pages whose content cannot fill their shape, each with why, checked
/// in [`exempt`]: a single stage is one column, which keeps a readable
/// measure (DESIGN: 35–60 characters a line), so on a landscape page the
/// sidebar beside it stands shorter than the spine; and a map with nothing
/// scored or marked has no story, so on a slide, where its whole poster
/// does not fit, the page holds its title and stage band alone.
const SHAPED: [(&str, Size); 3] = [
    ("tests/maps/valid/one-stage.toml", Size::Paper(Paper::A2)),
    ("tests/maps/valid/one-stage.toml", Size::Paper(Paper::Slide)),
    ("tests/maps/valid/no-marks.toml", Size::Paper(Paper::Slide)),
];

const SAMPLES: [&str; 3] = ["samples/airline.toml", "samples/clinic-visit.toml", "samples/saas-onboarding.toml"];

fn lay(journey: &Journey, options: &Options) -> Option<Document> {
    layout::layout(journey, &Theme::classic(), &Fonts::embedded(), options).ok()
}

fn at(size: Size, orientation: Option<Orientation>) -> Options {
    Options { size: Some(size), orientation, ..Default::default() }
}

/// The widest empty band of a page, as a share of the side it spans: a
/// band across either half of the page (left or right) with nothing drawn
/// in that half, or down either half (top or bottom). Halves, so that a
/// bare foot beside a full sidebar, or a bare side under a full title,
/// still counts.
fn widest_band(page: &Page) -> f64 {
    let (w, h) = (page.size.width, page.size.height);
    let rects = drawn(page);
    let mut widest: f64 = 0.0;
    for (from, to) in [(0.0, w / 2.0), (w / 2.0, w)] {
        let spans = rects.iter().filter(|r| r.x < to && r.right() > from).map(|r| (r.y, r.bottom()));
        widest = widest.max(largest_gap(spans.collect(), h) / h);
    }
    for (from, to) in [(0.0, h / 2.0), (h / 2.0, h)] {
        let spans = rects.iter().filter(|r| r.y < to && r.bottom() > from).map(|r| (r.x, r.right()));
        widest = widest.max(largest_gap(spans.collect(), w) / w);
    }
    widest
}

/// The first page of `doc`, the poster, if its widest band is over
/// [`BAND`].
fn blank_bands(name: &str, doc: &Document) -> Vec<String> {
    blank_pages(name, doc, &[0])
}

/// The pages `pages` of `doc` whose widest band is over [`BAND`].
fn blank_pages(name: &str, doc: &Document, pages: &[usize]) -> Vec<String> {
    let mut out = Vec::new();
    for (i, page) in doc.pages.iter().enumerate().filter(|(i, _)| pages.contains(i)) {
        let band = widest_band(page);
        if band > BAND {
            out.push(format!("{name}, page {} ({}): an empty band of {:.1}%", i + 1, page.name, band * 100.0));
        }
    }
    out
}

/// Whether a map is what [`SHAPED`] says: one stage, or nothing scored
/// or marked.
fn exempt(journey: &Journey) -> bool {
    let assessed = journey.stages.iter().flat_map(|s| &s.touchpoints).any(|t| t.score.is_some() || !t.marks.is_empty());
    journey.stages.len() == 1 || !assessed
}

fn is_bare(journey: &Journey) -> bool {
    journey.stages.iter().all(|s| s.touchpoints.is_empty() && s.doing.is_none() && s.motivation.is_none())
}

#[test]
fn the_samples_at_every_size_leave_no_blank_band() {
    let mut blank = Vec::new();
    for path in SAMPLES {
        let journey = common::journey(path, &std::fs::read_to_string(path).expect("a readable map"));
        for paper in Paper::ALL {
            for orientation in [Orientation::Landscape, Orientation::Portrait] {
                // Pages too small for the story are refused (tests/summary.rs).
                if let Some(doc) = lay(&journey, &at(Size::Paper(paper), Some(orientation))) {
                    blank.extend(blank_bands(&format!("{path} {paper:?} {orientation:?}"), &doc));
                }
            }
        }
    }
    assert!(blank.is_empty(), "{}", blank.join("\n"));
}

#[test]
fn every_map_at_three_sizes_leaves_no_blank_band() {
    let sizes = [
        (Size::Paper(Paper::A2), None),
        (Size::Paper(Paper::A4), Some(Orientation::Portrait)),
        (Size::Paper(Paper::Slide), None),
    ];
    let mut blank = Vec::new();
    for (name, text) in common::valid_maps() {
        let journey = common::journey(&name, &text);
        if BARE.contains(&name.as_str()) {
            assert!(is_bare(&journey), "{name} is held exempt as bare but has content");
            continue;
        }
        for (size, orientation) in sizes {
            if SHAPED.contains(&(name.as_str(), size)) {
                assert!(exempt(&journey), "{name} is held exempt at {size:?} but is neither one stage nor unassessed");
                continue;
            }
            if let Some(doc) = lay(&journey, &at(size, orientation)) {
                blank.extend(blank_bands(&format!("{name} {size:?} {orientation:?}"), &doc));
            }
        }
    }
    assert!(blank.is_empty(), "{}", blank.join("\n"));
}

/// Whether a wall sheet's type is set at its ceiling ([`WALL_TYPE_CEILING`]
/// times the card-title floor): a sheet of a few short answers cannot
/// grow further to fill an A0 sheet, and is not held to the band.
fn at_ceiling(page: &Page, floor_pt: f64) -> bool {
    let card_title_pt = Theme::classic().type_scale.card_title * page.transform.scale * 72.0 / 96.0;
    card_title_pt >= WALL_TYPE_CEILING * floor_pt - 1e-6
}

/// Every sheet of the wall that hangs (the story, the card sheets and the
/// question sheets; not the unfolded poster after a folded one), for four
/// maps at A2, A1 and A0 in both orientations: the card sheets hang their
/// cards in columns that fill the sheet however unevenly the cards fall
/// between the stages (the twelve-stage map has ten in one stage and none
/// in five).
#[test]
fn every_wall_sheet_leaves_no_blank_band() {
    let mut blank = Vec::new();
    let maps = [
        "samples/airline.toml",
        "samples/clinic-visit.toml",
        "tests/maps/valid/twelve-stages.toml",
        "tests/maps/crowded/hundred-cards.toml",
    ];
    for path in maps {
        let journey = common::journey(path, &std::fs::read_to_string(path).expect("a readable map"));
        for paper in [Paper::A2, Paper::A1, Paper::A0] {
            for orientation in [Orientation::Landscape, Orientation::Portrait] {
                let options = Options { layout: Some(PosterLayout::Wall), ..at(Size::Paper(paper), Some(orientation)) };
                let doc = lay(&journey, &options).expect("a wall");
                let Arrangement::Wall { unfolded, .. } = doc.arrangement else { panic!("{path}: not a wall") };
                // The first sheet's further pages list every action: a
                // list ends where its entries end.
                let hanging = doc.pages.len() - unfolded;
                let floor = if paper == Paper::A2 { WALL_CARD_PT } else { WALL_CARD_PT_LARGE };
                let sheets: Vec<usize> = std::iter::once(0)
                    .chain(doc.sheets.iter().copied())
                    .filter(|&i| i < hanging && !at_ceiling(&doc.pages[i], floor))
                    .collect();
                blank.extend(blank_pages(&format!("{path} wall {paper:?} {orientation:?}"), &doc, &sheets));
            }
        }
    }
    assert!(blank.is_empty(), "{}", blank.join("\n"));
}

#[test]
fn the_band_check_catches_a_poster_with_a_region_taken_away() {
    let journey = common::journey("samples/airline.toml", include_str!("../samples/airline.toml"));
    let doc = lay(&journey, &at(Size::Paper(Paper::A2), None)).expect("a poster");
    assert!(blank_bands("airline", &doc).is_empty());
    // Without its question rows, a band opens under the stage names.
    let mut broken = doc.clone();
    broken.pages[0].frame.items.retain(
        |item| !matches!(item, Item::Group(g) if g.tag.as_ref().is_some_and(|t| t.id.as_deref() == Some("questions"))),
    );
    assert!(!blank_bands("airline", &broken).is_empty(), "{:.2}", widest_band(&broken.pages[0]));
    // And the sample is none of the exemptions.
    assert!(!is_bare(&journey) && !exempt(&journey));
}

/// The wall's check can fail too: the twelve-stage map's card sheet on
/// A1 with its cards taken away (its title kept) is bare, and is not
/// taken for a sheet at its type's ceiling.
#[test]
fn the_band_check_catches_a_wall_sheet_with_its_cards_taken_away() {
    let path = "tests/maps/valid/twelve-stages.toml";
    let journey = common::journey(path, &std::fs::read_to_string(path).expect("a readable map"));
    let options = Options { layout: Some(PosterLayout::Wall), ..at(Size::Paper(Paper::A1), None) };
    let doc = lay(&journey, &options).expect("a wall");
    let cards = doc.sheets[0];
    assert!(blank_pages("twelve", &doc, &[cards]).is_empty());
    assert!(!at_ceiling(&doc.pages[cards], WALL_CARD_PT_LARGE));
    let mut broken = doc.clone();
    broken.pages[cards].frame.items.truncate(1);
    assert!(!blank_pages("twelve", &broken, &[cards]).is_empty());
}
