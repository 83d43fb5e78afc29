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
use journeymap::model::{Journey, Mark, Orientation, Paper, Size};
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
    // The rows as on the poster, or each stage's answers hung in columns.
    page.boxes().iter().any(|b| b.tag.class.split_whitespace().any(|c| c == "questions"))
}

/// Each folded entry on `page`: its id and the text of its lines.
fn entries(page: &Page) -> Vec<(String, String)> {
    page.boxes()
        .iter()
        .filter(|b| b.tag.class == "touchpoint folded")
        .map(|b| (b.tag.id.clone().unwrap_or_default(), b.text()))
        .collect()
}

/// Every card of the map by id, "card-2-7", with its stage and card.
fn every_card(journey: &Journey) -> Vec<(String, &journeymap::model::Stage, &journeymap::model::Touchpoint)> {
    journey
        .stages
        .iter()
        .enumerate()
        .flat_map(|(s, stage)| {
            stage.touchpoints.iter().enumerate().map(move |(t, tp)| (format!("card-{}-{}", s + 1, t + 1), stage, tp))
        })
        .collect()
}

/// What breaks the wall's promises on a document: a card title under the
/// floor, a card shown twice or not at all on the sheets that hang, the
/// question rows on the first sheet or on no sheet, a sheet breaking the
/// geometry guarantees; and where the wall folds (SPEC §4.1), a card that
/// matters folded, a stage folded that is not crowded, or a folded card
/// not whole on the unfolded sheets at the end.
fn wall_violations(document: &Document, journey: &Journey, floor: f64) -> Vec<String> {
    let mut v = Vec::new();
    let Arrangement::Wall { card_title_pt, unfolded, .. } = document.arrangement else {
        return vec![format!("not a wall: {:?}", document.arrangement)];
    };
    if (card_title_pt - floor).abs() > 1e-9 {
        v.push(format!("the floor is {card_title_pt} pt, not {floor} pt"));
    }
    let hanging = document.pages.len().saturating_sub(unfolded);
    let (mut shown, mut folded, mut whole_after) = (Vec::new(), Vec::new(), Vec::new());
    for (i, page) in document.pages.iter().enumerate() {
        for (id, text, pt) in cards(page) {
            if pt < floor - 1e-6 {
                v.push(format!("sheet {}: {id} ({text:?}) at {pt:.2} pt", i + 1));
            }
            if i < hanging { shown.push(id) } else { whole_after.push(id) }
        }
        for (id, _) in entries(page) {
            if i < hanging { folded.push(id) } else { v.push(format!("{id} is folded on an unfolded sheet")) }
        }
        let one = alone(document, page);
        v.extend(common::violations(&one).into_iter().map(|e| format!("page {}: {e}", i + 1)));
        if i == 0 && has_questions(page) {
            v.push("the question rows are on the first sheet".to_owned());
        }
    }
    let ranked = |id: &str| {
        document
            .pages
            .iter()
            .flat_map(Page::boxes)
            .any(|b| b.tag.id.as_deref() == Some(id) && b.tag.data.iter().any(|(k, _)| k == "rank"))
    };
    for (id, stage, t) in every_card(journey).into_iter().filter(|(id, ..)| folded.contains(id)) {
        if t.has(Mark::Pain) || t.moment_of_truth || ranked(&id) {
            v.push(format!("{id} ({}) matters but is folded", t.name));
        }
        if stage.touchpoints.len() <= layout::FOLD_OVER {
            v.push(format!("{id} is folded in a stage of {} cards", stage.touchpoints.len()));
        }
        if !whole_after.contains(&id) {
            v.push(format!("{id} ({}) is folded and not whole on an unfolded sheet", t.name));
        }
    }
    if folded.is_empty() != (unfolded == 0) {
        v.push(format!("{} cards folded, {unfolded} unfolded sheets", folded.len()));
    }
    shown.extend(folded);
    let mut expected: Vec<String> = every_card(journey).into_iter().map(|(id, ..)| id).collect();
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

const CROWDED: &str = "tests/maps/crowded/hundred-cards.toml";

/// Lays out a wall on a size written as `--size` takes it.
fn wall_on(journey: &Journey, size: &str, orientation: Orientation) -> Document {
    let options = Options {
        size: Some(size.parse().expect("a size")),
        orientation: Some(orientation),
        layout: Some(PosterLayout::Wall),
        ..Options::default()
    };
    layout::layout(journey, &Theme::classic(), &Fonts::embedded(), &options)
        .unwrap_or_else(|e| panic!("{size} {orientation:?}: {e}"))
}

/// The sheets that hang (all but the unfolded ones at the end).
fn hanging(document: &Document) -> usize {
    let Arrangement::Wall { unfolded, .. } = document.arrangement else { return document.pages.len() };
    document.pages.len() - unfolded
}

/// The 101-card map on the wall: folded on one sheet, story and cards,
/// where that fits (1400 × 1000 mm), each folded card whole on an
/// unfolded sheet at the end at the same type size; else every card
/// whole, hung in columns on the sheets after the story, its 22-card
/// stage running on from column to column, on A2 and A1 in either
/// orientation (cut into runs of whole stages, that stage fitted no
/// landscape A2 or A1 sheet even folded).
#[test]
fn a_crowded_map_folds_on_one_sheet_or_hangs_every_card_whole() {
    let journey = map(CROWDED);
    let cases = [
        ("1400x1000mm", Orientation::Landscape, WALL_CARD_PT_LARGE, false, 1),
        ("A2", Orientation::Portrait, WALL_CARD_PT, true, 0),
        ("A2", Orientation::Landscape, WALL_CARD_PT, true, 0),
        ("A1", Orientation::Landscape, WALL_CARD_PT_LARGE, true, 0),
    ];
    let mut failures = Vec::new();
    for (size, orientation, floor, apart, unfolded_sheets) in cases {
        let document = wall_on(&journey, size, orientation);
        let at = format!("{size} {orientation:?}");
        failures.extend(wall_violations(&document, &journey, floor).into_iter().map(|e| format!("{at}: {e}")));
        let Arrangement::Wall { cards_apart, unfolded, .. } = document.arrangement else { unreachable!() };
        assert_eq!((cards_apart, unfolded), (apart, unfolded_sheets), "{at}");
        // Every unfolded sheet is a sheet of its own, a file beside the
        // first; and at the type size of the sheet that folds its cards.
        let n = document.pages.len();
        assert!(document.sheets.ends_with(&((n - unfolded)..n).collect::<Vec<_>>()), "{at}: {:?}", document.sheets);
        let folding: Vec<f64> = document.pages[..hanging(&document)]
            .iter()
            .filter(|p| !entries(p).is_empty())
            .map(|p| p.transform.scale)
            .collect();
        let whole: Vec<f64> = document.pages[hanging(&document)..].iter().map(|p| p.transform.scale).collect();
        assert_eq!(folding, whole, "{at}");
        // An entry keeps the card's name.
        for (id, text) in document.pages.iter().flat_map(entries) {
            let (_, _, t) = every_card(&journey).into_iter().find(|c| c.0 == id).expect("a card of the map");
            let squash = |s: &str| s.split_whitespace().collect::<String>();
            assert!(squash(&text).contains(&squash(&t.name)), "{at}: {id} shows {text:?}");
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// A stage longer than a column runs on into the next column, and onto
/// the next sheet, under its header again: the first header is the
/// stage's heading (with its id), the others repeat it for the reader
/// and are neither (class `stage-again`). Its cards stay in order.
#[test]
fn a_long_stage_runs_on_under_its_header_again() {
    let journey = map(CROWDED);
    let document = wall_on(&journey, "A2", Orientation::Landscape);
    let compare = journey.stages.iter().position(|s| s.name == "Compare").expect("the Compare stage") + 1;
    let number = compare.to_string();
    let headers: Vec<bool> = (document.pages.iter())
        .filter(|page| !cards(page).is_empty())
        .flat_map(Page::boxes)
        .filter(|b| {
            b.tag.class.starts_with("stage") && b.tag.data.iter().any(|(k, v)| k == "stage-number" && *v == number)
        })
        .map(|b| b.tag.class == "stage" && b.tag.id.is_some() && b.tag.structure.is_some())
        .collect();
    assert!(headers.len() >= 3, "22 cards take three columns or more on A2: {headers:?}");
    assert!(headers[0] && headers[1..].iter().all(|h| !h), "{headers:?}");
    let order: Vec<String> = document.pages.iter().flat_map(cards).map(|(id, ..)| id).collect();
    let prefix = format!("card-{compare}-");
    let own: Vec<usize> = order.iter().filter_map(|id| id.strip_prefix(&prefix)?.parse().ok()).collect();
    assert_eq!(own, (1..=journey.stages[compare - 1].touchpoints.len()).collect::<Vec<_>>());
}

/// The checks can fail on a folded wall: an unfolded sheet dropped, a
/// pain card folded, an entry lost, and the sheets shrunk under the floor.
#[test]
fn the_folded_wall_checks_catch_a_missing_unfolded_sheet_a_folded_pain_and_a_lost_entry() {
    let journey = map(CROWDED);
    let document = wall_on(&journey, "1400x1000mm", Orientation::Landscape);
    let floor = WALL_CARD_PT_LARGE;
    assert!(wall_violations(&document, &journey, floor).is_empty());

    let mut dropped = document.clone();
    dropped.pages.pop();
    assert!(wall_violations(&dropped, &journey, floor).iter().any(|v| v.contains("not whole on an unfolded sheet")));

    let pain = cards(document.page())
        .into_iter()
        .map(|(id, ..)| id)
        .find(|id| every_card(&journey).iter().any(|(c, _, t)| c == id && t.has(Mark::Pain)))
        .expect("a whole pain card");
    let mut folded_pain = document.clone();
    let group = common::group_mut(&mut folded_pain.pages[0].frame.items, &pain).expect("the card");
    group.tag.as_mut().expect("a tag").class = "touchpoint folded".into();
    assert!(wall_violations(&folded_pain, &journey, floor).iter().any(|v| v.contains("matters but is folded")));

    let (entry, _) = entries(document.page()).into_iter().next().expect("an entry");
    let mut lost = document.clone();
    remove_group(&mut lost.pages[0].frame.items, &entry);
    assert!(wall_violations(&lost, &journey, floor).iter().any(|v| v.contains("cards shown")));

    let mut small = document.clone();
    for page in &mut small.pages {
        page.transform.scale *= 0.8;
    }
    assert!(wall_violations(&small, &journey, floor).iter().any(|v| v.contains(" pt")));
}

/// A folded wall writes its unfolded sheet as the next numbered file and
/// says what it folded.
#[test]
fn a_folded_wall_writes_its_unfolded_sheet_as_a_file_and_says_so() {
    let dir = std::env::temp_dir().join(format!("journeymap-wall-fold-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("a temporary folder");
    let map = format!("{}/{CROWDED}", env!("CARGO_MANIFEST_DIR"));
    let args = ["render", &map, "--layout", "wall", "--size", "1400x1000mm", "-o", "w.svg"];
    let out = common::run_in(&dir, &args, None);
    let err = common::stderr(&out);
    assert_eq!(common::code(&out), 0, "{err}");
    for file in ["w.svg", "w-2.svg", "w-3.svg"] {
        assert!(dir.join(file).is_file(), "{file} was not written: {err}");
    }
    assert!(!dir.join("w-4.svg").exists(), "{err}");
    let unfolded = std::fs::read_to_string(dir.join("w-3.svg")).expect("the unfolded sheet");
    let whole = unfolded.matches("<g class=\"touchpoint\"").count();
    assert!(whole == 101 && !unfolded.contains("touchpoint folded"), "w-3.svg: {whole} cards whole");
    assert!(err.contains("fold 70 others") && err.contains("the last sheet"), "{err}");
    let _ = std::fs::remove_dir_all(&dir);
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
