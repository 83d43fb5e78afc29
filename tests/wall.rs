//! The wall layout (SPEC §4.1): card titles at 18 pt or more on A2 and
//! 24 pt or more on A1 and A0, measured on the laid-out cards; the question
//! rows on sheets of their own; cards that do not fit beside the story on
//! sheets after it, with nothing lost and every sheet keeping the geometry
//! guarantees; and the sheets written as numbered files or PDF pages.

mod common;

use common::tools;

use journeymap::layout::{
    self, Arrangement, Document, Item, Options, Page, PosterLayout, WALL_CARD_PT, WALL_CARD_PT_LARGE,
};
use journeymap::model::{Journey, Orientation, Paper, Size};
use journeymap::text::Fonts;
use journeymap::theme::Theme;

const MAPS: [&str; 5] = [
    "samples/airline.toml",
    "samples/clinic-visit.toml",
    "samples/saas-onboarding.toml",
    "tests/maps/valid/twelve-stages.toml",
    "tests/maps/valid/german-energy.toml",
];

fn map(path: &str) -> Journey {
    common::journey(path, &std::fs::read_to_string(path).expect("a readable map"))
}

fn wall(journey: &Journey, paper: Paper, orientation: Orientation) -> Document {
    let options = Options {
        size: Some(Size::Paper(paper)),
        orientation: Some(orientation),
        layout: Some(PosterLayout::Wall),
        ..Options::default()
    };
    layout::layout(journey, &Theme::classic(), &Fonts::embedded(), &options)
        .unwrap_or_else(|e| panic!("{}: {paper:?} {orientation:?}: {e}", journey.title))
}

/// One page as a document of its own, for the checks that read the first.
fn alone(document: &Document, page: &Page) -> Document {
    let mut one = document.with_pages(vec![page.clone()]);
    one.arrangement = document.arrangement;
    one
}

/// Each card on `page`: its id, the text of its lines, and its title's
/// size at print size in points (the largest line in the card).
fn cards(page: &Page) -> Vec<(String, String, f64)> {
    page.boxes()
        .iter()
        .filter(|b| b.tag.class == "touchpoint")
        .map(|b| {
            let largest = b.group.lines().iter().map(|l| l.size).fold(0.0, f64::max);
            let pt = largest * b.transform.scale * page.transform.scale * 72.0 / 96.0;
            (b.tag.id.clone().unwrap_or_default(), b.text(), pt)
        })
        .collect()
}

/// Whether a page shows the question rows.
fn has_questions(page: &Page) -> bool {
    page.boxes().iter().any(|b| b.tag.class == "question-row" || b.tag.id.as_deref() == Some("questions"))
}

/// What breaks the wall's promises on a document: a card title under the
/// floor, a card shown twice or not at all, the question rows on the
/// first sheet or on no sheet, a sheet breaking the geometry guarantees.
fn wall_violations(document: &Document, journey: &Journey, floor: f64) -> Vec<String> {
    let mut v = Vec::new();
    let Arrangement::Wall { card_title_pt, .. } = document.arrangement else {
        return vec![format!("not a wall: {:?}", document.arrangement)];
    };
    if (card_title_pt - floor).abs() > 1e-9 {
        v.push(format!("the floor is {card_title_pt} pt, not {floor} pt"));
    }
    let mut shown: Vec<String> = Vec::new();
    for (i, page) in document.pages.iter().enumerate() {
        for (id, text, pt) in cards(page) {
            if pt < floor - 1e-6 {
                v.push(format!("sheet {}: {id} ({text:?}) at {pt:.2} pt", i + 1));
            }
            shown.push(id);
        }
        let one = alone(document, page);
        v.extend(common::violations(&one).into_iter().map(|e| format!("page {}: {e}", i + 1)));
        if i == 0 && has_questions(page) {
            v.push("the question rows are on the first sheet".to_owned());
        }
    }
    let mut expected: Vec<String> = journey
        .stages
        .iter()
        .enumerate()
        .flat_map(|(s, stage)| (0..stage.touchpoints.len()).map(move |t| format!("card-{}-{}", s + 1, t + 1)))
        .collect();
    shown.sort();
    expected.sort();
    if shown != expected {
        v.push(format!("cards shown {shown:?}, expected {expected:?}"));
    }
    if !document.pages.iter().any(has_questions) {
        v.push("no sheet shows the question rows".to_owned());
    }
    v
}

#[test]
fn card_titles_keep_the_wall_floor_and_nothing_is_lost() {
    let mut failures = Vec::new();
    for path in MAPS {
        let journey = map(path);
        for (paper, floor) in
            [(Paper::A2, WALL_CARD_PT), (Paper::A1, WALL_CARD_PT_LARGE), (Paper::A0, WALL_CARD_PT_LARGE)]
        {
            for orientation in [Orientation::Landscape, Orientation::Portrait] {
                let document = wall(&journey, paper, orientation);
                for e in wall_violations(&document, &journey, floor) {
                    failures.push(format!("{path} {paper:?} {orientation:?}: {e}"));
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn cards_that_do_not_fit_beside_the_story_follow_it_in_stage_order() {
    let journey = map("tests/maps/valid/twelve-stages.toml");
    let document = wall(&journey, Paper::A2, Orientation::Landscape);
    assert!(matches!(document.arrangement, Arrangement::Wall { cards_apart: true, .. }));
    // The first sheet tells the story; the cards come after it, stage by
    // stage, with the whole map's ranks.
    assert!(cards(document.page()).is_empty(), "the story sheet shows no cards");
    let order: Vec<String> = document.pages.iter().flat_map(cards).map(|(id, _, _)| id).collect();
    let stage = |id: &str| id.split('-').nth(1).and_then(|n| n.parse::<usize>().ok()).unwrap_or(0);
    assert!(order.windows(2).all(|w| stage(&w[0]) <= stage(&w[1])), "{order:?}");
    assert!(document.sheets.len() >= 2, "{:?}", document.sheets);
    let ranks: Vec<String> = document
        .pages
        .iter()
        .flat_map(|p| {
            p.boxes().into_iter().filter_map(|b| b.tag.data.iter().find(|(k, _)| k == "rank").map(|(_, r)| r.clone()))
        })
        .collect();
    assert!(ranks.iter().any(|r| r == "1"), "rank 1 keeps its chip: {ranks:?}");
}

#[test]
fn a_map_that_fits_keeps_one_poster_and_a_question_sheet() {
    let journey = map("samples/airline.toml");
    let document = wall(&journey, Paper::A0, Orientation::Landscape);
    assert!(matches!(document.arrangement, Arrangement::Wall { cards_apart: false, .. }));
    assert!(!cards(document.page()).is_empty());
    assert_eq!(document.sheets.len(), 1, "one question sheet: {:?}", document.sheets);
    assert!(has_questions(&document.pages[document.sheets[0]]));
}

/// The checks can fail: the same wall, its card sheet scaled down under
/// the floor, with a card dropped and the questions moved to sheet 1.
#[test]
fn the_wall_checks_catch_a_small_card_a_lost_card_and_questions_on_the_poster() {
    let journey = map("samples/clinic-visit.toml");
    let document = wall(&journey, Paper::A2, Orientation::Landscape);
    assert!(wall_violations(&document, &journey, WALL_CARD_PT).is_empty());
    let mut small = document.clone();
    for page in &mut small.pages {
        page.transform.scale *= 0.5;
    }
    assert!(wall_violations(&small, &journey, WALL_CARD_PT).iter().any(|v| v.contains(" pt")));
    let mut lost = document.clone();
    for page in &mut lost.pages {
        remove_group(&mut page.frame.items, "card-1-1");
    }
    assert!(wall_violations(&lost, &journey, WALL_CARD_PT).iter().any(|v| v.contains("cards shown")));
    let mut mixed = document.clone();
    let questions = mixed.pages[*mixed.sheets.last().expect("a question sheet")].clone();
    mixed.pages[0] = questions;
    assert!(wall_violations(&mixed, &journey, WALL_CARD_PT).iter().any(|v| v.contains("first sheet")));
}

fn remove_group(items: &mut Vec<Item>, id: &str) {
    items.retain(|i| !matches!(i, Item::Group(g) if g.tag.as_ref().and_then(|t| t.id.as_deref()) == Some(id)));
    for item in items.iter_mut() {
        if let Item::Group(g) = item {
            remove_group(&mut g.items, id);
        }
    }
}

#[test]
fn the_sheets_go_to_numbered_files_or_pdf_pages_and_never_to_standard_output() {
    let dir = std::env::temp_dir().join(format!("journeymap-wall-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("a temporary folder");
    let map = format!("{}/samples/clinic-visit.toml", env!("CARGO_MANIFEST_DIR"));
    let args = [
        "render", &map, "--layout", "wall", "--size", "A2", "--width", "600", "-o", "wall.png", "-o", "wall.svg", "-o",
        "wall.pdf",
    ];
    let out = common::run_in(&dir, &args, None);
    assert_eq!(common::code(&out), 0, "{}", common::stderr(&out));
    let err = common::stderr(&out);
    for file in ["wall.png", "wall-2.png", "wall-3.png", "wall.svg", "wall-2.svg", "wall-3.svg", "wall.pdf"] {
        assert!(dir.join(file).is_file(), "{file} was not written: {err}");
        assert!(err.contains(file), "render names {file}: {err}");
    }
    assert!(err.contains("card titles 18 pt or more"), "{err}");
    let to_stdout = common::run_in(&dir, &["render", &map, "--layout", "wall", "--size", "A2", "-o", "-"], None);
    assert_eq!(common::code(&to_stdout), 2, "{}", common::stderr(&to_stdout));
    assert!(common::stderr(&to_stdout).contains("standard output takes one file"), "{}", common::stderr(&to_stdout));
    let tiled = common::run_in(
        &dir,
        &["render", &map, "--layout", "wall", "--size", "A2", "--tile", "A4", "-o", "t.pdf"],
        None,
    );
    assert_eq!(common::code(&tiled), 2, "{}", common::stderr(&tiled));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn the_pdf_holds_every_sheet_as_a_page() {
    if !tools::have(&[&tools::PDFINFO, &tools::PDFTOTEXT]) {
        return;
    }
    let journey = map("tests/maps/valid/twelve-stages.toml");
    let document = wall(&journey, Paper::A2, Orientation::Landscape);
    let renderer = journeymap::render::Renderer::new(Fonts::embedded());
    let pdf = renderer.export(&document, &Theme::classic(), &journeymap::render::OutputFormat::Pdf).expect("a PDF");
    let info = tools::poppler("pdfinfo", &pdf, &[]);
    let pages = info.lines().find_map(|l| l.strip_prefix("Pages:")).map(str::trim);
    assert_eq!(pages, Some(document.pages.len().to_string().as_str()), "{info}");
    let text = tools::poppler("pdftotext", &pdf, &[]);
    for stage in &journey.stages {
        assert!(text.contains(stage.name.as_str()), "{} is in the PDF", stage.name);
    }
}
