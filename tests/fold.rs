//! Large maps fold (SPEC §4.1): on a page where every card whole would
//! print too small to read from a distance, a crowded stage keeps its
//! pains, moments of truth and ranked cards whole and folds the rest into
//! short entries under a count, one line each; nothing is lost (each
//! folded card keeps its badges, feeling and name, and the PDF's last
//! page is the unfolded poster); maps that are not crowded never fold.

mod common;

use journeymap::layout::{self, Document, Item, Options, Page, READABLE_CARD_PT, Shape};
use journeymap::model::{Journey, Mark, Orientation, Paper, Size};
use journeymap::text::Fonts;
use journeymap::theme::Theme;

const CROWDED: &str = "tests/maps/crowded/hundred-cards.toml";

fn map(path: &str) -> Journey {
    common::journey(path, &std::fs::read_to_string(path).expect("a readable map"))
}

fn on(journey: &Journey, paper: Paper) -> Document {
    let options =
        Options { size: Some(Size::Paper(paper)), orientation: Some(Orientation::Landscape), ..Options::default() };
    layout::layout(journey, &Theme::classic(), &Fonts::embedded(), &options).expect("it fits")
}

/// Each card box on `page`: its stage and index (from its id), whether it
/// is folded, and whether it has a fill.
fn cards(page: &Page) -> Vec<(usize, usize, bool, bool)> {
    page.boxes()
        .iter()
        .filter(|b| b.tag.class.starts_with("touchpoint"))
        .filter_map(|b| {
            let id = b.tag.id.as_deref()?;
            let mut parts = id.strip_prefix("card-")?.split('-').map(|n| n.parse::<usize>().ok());
            let (stage, index) = (parts.next()??, parts.next()??);
            let filled = matches!(b.group.items.first(), Some(Item::Shape(Shape { fill: Some(_), .. })));
            Some((stage - 1, index - 1, b.tag.class.contains("folded"), filled))
        })
        .collect()
}

/// What breaks the folding promises on the first page: a card that
/// matters folded, a folded card drawn like a whole one, a stage folded
/// that is not crowded, a card lost.
fn fold_violations(document: &Document, journey: &Journey) -> Vec<String> {
    let mut v = Vec::new();
    let ranked: Vec<String> = document
        .boxes()
        .iter()
        .filter(|b| b.tag.class == "touchpoint" && b.tag.data.iter().any(|(k, _)| k == "rank"))
        .filter_map(|b| b.tag.id.clone())
        .collect();
    for (stage, index, folded, filled) in cards(document.page()) {
        let Some(t) = journey.stages.get(stage).and_then(|s| s.touchpoints.get(index)) else {
            v.push(format!("card {stage}/{index} is not in the map"));
            continue;
        };
        let id = format!("card-{}-{}", stage + 1, index + 1);
        if folded && (t.has(Mark::Pain) || t.moment_of_truth || ranked.contains(&id)) {
            v.push(format!("{id} ({}) matters but is folded", t.name));
        }
        if folded && filled {
            v.push(format!("{id} is folded but filled like a whole card"));
        }
        if folded && journey.stages[stage].touchpoints.len() <= layout::FOLD_OVER {
            v.push(format!("{id} is folded in a stage of {} cards", journey.stages[stage].touchpoints.len()));
        }
    }
    v.extend(common::missing_text(document, journey));
    v.extend(common::missing_marks(document, journey));
    v.extend(common::violations(document));
    v
}

fn folded_count(document: &Document) -> usize {
    cards(document.page()).iter().filter(|c| c.2).count()
}

#[test]
fn a_crowded_map_folds_what_matters_least_and_prints_its_cards_larger() {
    let journey = map(CROWDED);
    assert_eq!(journey.touchpoints().count(), 101);
    let document = on(&journey, Paper::A1);
    assert!(folded_count(&document) > 0, "the 101-card map folds on A1");
    let v = fold_violations(&document, &journey);
    assert!(v.is_empty(), "{}", v.join("\n"));
    // Folding was worth it: the card titles print at a readable size.
    let card_pt = document.print_pt(Theme::classic().type_scale.card_title);
    assert!(card_pt >= READABLE_CARD_PT - 1e-6, "card titles at {card_pt:.1} pt");
    // The last page is the whole poster, every card whole.
    let last = document.pages.last().expect("pages");
    let whole = cards(last);
    assert_eq!(whole.len(), 101, "the unfolded page has every card");
    assert!(whole.iter().all(|c| !c.2), "nothing is folded on the unfolded page");
    assert!(last.size.height > document.page().size.height, "the unfolded page grows to fit it");
    let scale = |p: &Page| p.transform.scale;
    assert_eq!(scale(last), scale(document.page()), "at the same type size");
}

#[test]
fn maps_that_are_not_crowded_never_fold() {
    for path in ["samples/airline.toml", "samples/clinic-visit.toml", "tests/maps/valid/twelve-stages.toml"] {
        let journey = map(path);
        for paper in [Paper::A0, Paper::A1, Paper::A2, Paper::A3] {
            let document = on(&journey, paper);
            assert_eq!(folded_count(&document), 0, "{path} on {paper:?}");
        }
    }
    // Nor a crowded one where its cards read well whole: grown to fit.
    let journey = map(CROWDED);
    let auto = layout::layout(&journey, &Theme::classic(), &Fonts::embedded(), &Options::default()).expect("auto");
    assert_eq!(folded_count(&auto), 0);
}

/// The checks can fail: a pain card marked as folded, a folded card
/// given a fill, and a card removed are each caught.
#[test]
fn the_fold_checks_catch_a_folded_pain_a_filled_entry_and_a_lost_card() {
    let journey = map(CROWDED);
    let document = on(&journey, Paper::A1);
    let pain = cards(document.page())
        .into_iter()
        .find(|&(s, i, folded, _)| !folded && journey.stages[s].touchpoints[i].has(Mark::Pain))
        .expect("a whole pain card");
    let id = format!("card-{}-{}", pain.0 + 1, pain.1 + 1);
    let mut broken = document.clone();
    let group = common::group_mut(&mut broken.pages[0].frame.items, &id).expect("the card");
    group.tag.as_mut().expect("a tag").class = "touchpoint folded".into();
    assert!(fold_violations(&broken, &journey).iter().any(|v| v.contains("matters but is folded")));

    let entry = cards(document.page()).into_iter().find(|c| c.2).expect("a folded entry");
    let mut filled = document.clone();
    let id = format!("card-{}-{}", entry.0 + 1, entry.1 + 1);
    let group = common::group_mut(&mut filled.pages[0].frame.items, &id).expect("the entry");
    if let Some(Item::Shape(shape)) = group.items.first_mut() {
        shape.fill = Some(journeymap::theme::Role::Surface);
    }
    assert!(fold_violations(&filled, &journey).iter().any(|v| v.contains("filled like a whole card")));

    let mut lost = document.clone();
    let group = common::group_mut(&mut lost.pages[0].frame.items, &id).expect("the entry");
    group.items.retain(|i| !matches!(i, Item::Text(_)));
    assert!(!fold_violations(&lost, &journey).is_empty());
}

/// What keeps a folded entry from being one line: its badges, name and
/// feeling not side by side on one row, or the box two lines high. Empty
/// when the entry is one line.
fn not_one_line(page: &Page, id: &str) -> Vec<String> {
    let Some(entry) = page.boxes().into_iter().find(|b| b.tag.id.as_deref() == Some(id)) else {
        return vec![format!("{id} is missing")];
    };
    let mut v = Vec::new();
    // The box's own rectangle comes first; the rest is its content.
    let content: Vec<journeymap::layout::Rect> = entry.group.items.iter().skip(1).map(Item::bounds).collect();
    let top = content.iter().map(|r| r.y).fold(f64::NEG_INFINITY, f64::max);
    let bottom = content.iter().map(|r| r.bottom()).fold(f64::INFINITY, f64::min);
    if top >= bottom {
        v.push(format!("{id}: its badges, name and feeling are not on one row"));
    }
    let lines = entry.group.lines();
    let line = lines.iter().map(|l| l.bounds().height).fold(0.0, f64::max);
    if entry.bounds.height >= 2.0 * line {
        v.push(format!("{id}: {:.1} px high, two lines of {line:.1} px or more", entry.bounds.height));
    }
    v
}

/// A folded entry with a short name is one line: badges, name and
/// feeling side by side, a box one line high; a long name wraps onto
/// more lines rather than being cut, with nothing lost.
#[test]
fn a_folded_entry_is_one_line_and_a_long_name_wraps_whole() {
    let journey = map(CROWDED);
    let document = on(&journey, Paper::A1);
    let entries: Vec<String> = cards(document.page())
        .into_iter()
        .filter(|c| c.2)
        .map(|(s, i, ..)| format!("card-{}-{}", s + 1, i + 1))
        .collect();
    assert!(entries.len() >= 70, "{} entries", entries.len());
    let v: Vec<String> = entries.iter().flat_map(|id| not_one_line(document.page(), id)).collect();
    assert!(v.is_empty(), "{}", v.join("\n"));

    // The check can fail: the same entry with its name moved under its
    // badges is two rows.
    let id = &entries[0];
    let mut two_rows = document.clone();
    let group = common::group_mut(&mut two_rows.pages[0].frame.items, id).expect("the entry");
    let height = group.lines().iter().map(|l| l.bounds().height).fold(0.0, f64::max);
    for item in &mut group.items {
        if let Item::Text(line) = item
            && line.text() != "—"
            && line.text().parse::<u8>().is_err()
        {
            line.baseline += height * 1.5;
        }
    }
    assert!(!not_one_line(two_rows.page(), id).is_empty(), "the moved name is caught");
    let mut tall = document.clone();
    let group = common::group_mut(&mut tall.pages[0].frame.items, id).expect("the entry");
    if let Some(Item::Shape(Shape { geometry: journeymap::layout::Geometry::Rect { rect, .. }, .. })) =
        group.items.first_mut()
    {
        rect.height *= 2.0;
    }
    assert!(not_one_line(tall.page(), id).iter().any(|v| v.contains("two lines")), "the tall box is caught");

    // A name too long for the line wraps, whole.
    let (stage, index) = id
        .strip_prefix("card-")
        .and_then(|r| r.split_once('-'))
        .and_then(|(s, i)| Some((s.parse::<usize>().ok()? - 1, i.parse::<usize>().ok()? - 1)))
        .expect("an id");
    let mut long = journey.clone();
    long.stages[stage].touchpoints[index].name =
        "A confirmation letter sent by post after the order, with the engineer's visit booked".to_owned();
    let document = on(&long, Paper::A1);
    let entry = document.find(id).expect("the entry");
    // Its lines less the score and the dash of a card not assessed.
    let name_lines = entry.group.lines().iter().filter(|l| l.text() != "—" && l.text().parse::<u8>().is_err()).count();
    assert!(name_lines >= 2, "the long name wraps: {:?}", entry.text());
    let v = fold_violations(&document, &long);
    assert!(v.is_empty(), "{}", v.join("\n"));
}
