//! The workshop canvas (`journeymap canvas`, SPEC §6): sticky-note slots
//! of 76 mm at print size that never shrink, refusals that name a page
//! that fits, prompts in every built-in language, the poster's geometry
//! and contrast guarantees, a partly filled map printed in its slots, and
//! cut-out cards inside their crop marks.

mod common;

use journeymap::contrast;
use journeymap::labels::{Labels, Lang};
use journeymap::layout::{
    self, BlankStages, Canvas, CanvasOptions, CardSheets, Geometry, Group, Item, LayoutError, Page, Rect, SLOT_MM,
    Transform,
};
use journeymap::model::{Journey, Orientation, Paper, Size};
use journeymap::text::{Fonts, Shaper};
use journeymap::theme::{BUILTIN_NAMES, Theme};
use journeymap::units::Length;

fn airline() -> Journey {
    common::journey("samples/airline.toml", include_str!("../samples/airline.toml"))
}

fn partly_filled() -> Journey {
    common::journey("partly-filled.toml", include_str!("maps/canvas/partly-filled.toml"))
}

fn crowded() -> Journey {
    common::journey("crowded.toml", include_str!("maps/canvas/crowded.toml"))
}

fn blank(n: usize) -> Journey {
    layout::blank_journey(&BlankStages::Count(n))
}

fn options(paper: Paper, orientation: Orientation) -> CanvasOptions {
    CanvasOptions { size: Some(Size::Paper(paper)), orientation: Some(orientation), lang: None }
}

fn canvas_with(journey: &Journey, theme: &Theme, options: &CanvasOptions) -> Result<Canvas, LayoutError> {
    let fonts = Fonts::embedded();
    layout::canvas(journey, theme, &Shaper::new(&fonts), options)
}

fn canvas(journey: &Journey, paper: Paper, orientation: Orientation) -> Canvas {
    canvas_with(journey, &Theme::classic(), &options(paper, orientation))
        .unwrap_or_else(|e| panic!("{paper:?} {orientation:?}: {e}"))
}

/// A drawn thing on a page: a box by its id and class, or a text line.
#[derive(Debug, Clone)]
struct Drawn {
    id: Option<String>,
    class: String,
    /// The innermost slot it is drawn in (a slot is its own).
    slot: Option<String>,
    /// Its box on the page, in page px.
    rect: Rect,
    text: Option<String>,
}

/// Every box with an id and every text line of `page`, in page px.
fn drawn(page: &Page) -> Vec<Drawn> {
    fn walk(items: &[Item], at: Transform, slot: Option<&str>, out: &mut Vec<Drawn>) {
        for item in items {
            match item {
                Item::Text(t) => out.push(Drawn {
                    id: None,
                    class: "text".into(),
                    slot: slot.map(str::to_owned),
                    rect: at.apply_rect(t.bounds()),
                    text: Some(t.text()),
                }),
                Item::Group(g) => {
                    let inner = at.then(g.transform);
                    let tag = g.tag.as_ref();
                    let id = tag.and_then(|t| t.id.clone());
                    let is_slot = tag.is_some_and(|t| t.has_class("slot"));
                    let own = if is_slot { id.as_deref() } else { slot };
                    if let (Some(id), Some(rect)) = (&id, g.box_rect()) {
                        let class = tag.map(|t| t.class.clone()).unwrap_or_default();
                        let rect = inner.apply_rect(rect);
                        out.push(Drawn { id: Some(id.clone()), class, slot: own.map(str::to_owned), rect, text: None });
                    }
                    walk(&g.items, inner, own, out);
                }
                Item::Shape(_) => {}
            }
        }
    }
    let mut out = Vec::new();
    walk(&page.frame.items, page.transform, None, &mut out);
    out
}

fn mm(px: f64) -> f64 {
    Length::px(px).to_mm()
}

/// Slots that are not 76 mm ± 1 mm square at print size.
fn wrong_slots(page: &Page) -> Vec<String> {
    let slots: Vec<Drawn> = drawn(page).into_iter().filter(|d| d.class == "slot").collect();
    let mut v: Vec<String> = slots
        .iter()
        .filter(|s| (mm(s.rect.width) - SLOT_MM).abs() > 1.0 || (mm(s.rect.height) - SLOT_MM).abs() > 1.0)
        .map(|s| format!("{:?} is {:.1}×{:.1} mm", s.id, mm(s.rect.width), mm(s.rect.height)))
        .collect();
    if slots.is_empty() {
        v.push("no slots".into());
    }
    v
}

/// Slots that overlap another slot, or a box or text line that is not
/// theirs (the row's label, a cell, the stage headers).
fn overlapping_slots(page: &Page) -> Vec<String> {
    let all = drawn(page);
    let slots: Vec<&Drawn> = all.iter().filter(|d| d.class == "slot").collect();
    let mut v = Vec::new();
    for (i, a) in slots.iter().enumerate() {
        for b in &slots[i + 1..] {
            if a.rect.overlaps(&b.rect) {
                v.push(format!("{:?} overlaps {:?}", a.id, b.id));
            }
        }
        for other in all.iter().filter(|d| d.slot.is_none() && !d.class.starts_with("region")) {
            if a.rect.overlaps(&other.rect) {
                v.push(format!(
                    "{:?} overlaps {:?} {:?}",
                    a.id,
                    other.id.as_ref().or(other.text.as_ref()),
                    other.class
                ));
            }
        }
    }
    v
}

#[test]
fn a_slot_is_76_mm_at_a0_a1_and_a2_and_overlaps_nothing() {
    let cases = [
        (airline(), Paper::A0),
        (airline(), Paper::A1),
        (partly_filled(), Paper::A2),
        (blank(6), Paper::A2),
        (blank(7), Paper::A0),
    ];
    for (journey, paper) in cases {
        let c = canvas(&journey, paper, Orientation::Landscape);
        assert_eq!(wrong_slots(c.document.page()), Vec::<String>::new(), "{paper:?}");
        assert_eq!(overlapping_slots(c.document.page()), Vec::<String>::new(), "{paper:?}");
        // Every stage gets the same slots, and as many as the note says.
        let slots = drawn(c.document.page()).iter().filter(|d| d.class == "slot").count();
        assert_eq!(slots, c.stages.iter().map(|s| s.slots()).sum::<usize>(), "{paper:?}");
    }
}

#[test]
fn the_slot_checks_catch_a_squeezed_or_misplaced_slot() {
    let mut c = canvas(&blank(5), Paper::A1, Orientation::Landscape);
    let page = &mut c.document.pages[0];
    let slot = common::group_mut(&mut page.frame.items, "slot-2-1").expect("slot 2-1");
    if let Some(Item::Shape(shape)) = slot.items.first_mut()
        && let Geometry::Rect { rect, .. } = &mut shape.geometry
    {
        rect.width *= 0.9;
    }
    assert!(!wrong_slots(page).is_empty());
    let slot = common::group_mut(&mut page.frame.items, "slot-2-1").expect("slot 2-1");
    slot.transform = Transform::translate(-400.0, 0.0);
    assert!(!overlapping_slots(page).is_empty());
}

#[test]
fn the_svg_measures_76_mm_slots_too() {
    let fonts = Fonts::embedded();
    let c = canvas(&airline(), Paper::A1, Orientation::Landscape);
    let svg = journeymap::paint::svg(&c.document, &Theme::classic(), &fonts, Default::default());
    let number = |tag: &str, name: &str| -> f64 {
        let at = tag.find(&format!(" {name}=\"")).unwrap_or_else(|| panic!("{name} in {tag}")) + name.len() + 3;
        tag[at..].split('"').next().and_then(|v| v.parse().ok()).expect("a number")
    };
    let root = &svg[..svg.find('>').expect("svg tag")];
    let view_w: f64 = root
        .split("viewBox=\"")
        .nth(1)
        .and_then(|v| v.split(' ').nth(2))
        .and_then(|w| w.parse().ok())
        .expect("viewBox");
    let per_unit = number(root, "width") / view_w;
    let mut seen = 0;
    for part in svg.split("<g class=\"slot\"").skip(1) {
        let rect =
            part.split("<rect").nth(1).and_then(|r| r.split("/>").next()).expect("a slot's first element is its rect");
        // The outline is stroked inside the slot: the slot is its outer edge.
        let outer = number(rect, "width") + number(rect, "stroke-width");
        assert!((mm(outer * per_unit) - SLOT_MM).abs() <= 1.0, "{:.2} mm", mm(outer * per_unit));
        seen += 1;
    }
    assert_eq!(seen, c.stages.iter().map(|s| s.slots()).sum::<usize>());
}

#[test]
fn seven_stages_on_a2_portrait_are_refused_with_a_page_that_fits() {
    for (paper, orientation) in [(Paper::A2, Orientation::Portrait), (Paper::A2, Orientation::Landscape)] {
        let e = canvas_with(&blank(7), &Theme::classic(), &options(paper, orientation)).expect_err("refused");
        let message = e.to_string();
        assert!(matches!(e, LayoutError::CanvasTooSmall { .. }), "{message}");
        assert!(message.contains("76 mm") && message.contains("--tile A3"), "{message}");
        // The size it names really fits, with slots of full size.
        let named: Vec<&str> = message.split("try --size ").nth(1).expect("a size").split_whitespace().collect();
        let size: Size = named[0].parse().expect("a size");
        let turned = if named.get(1) == Some(&"--orientation") { named[2].trim_end_matches(',') } else { "landscape" };
        let turned = Orientation::from_keyword(turned).expect("an orientation");
        let fits = canvas_with(
            &blank(7),
            &Theme::classic(),
            &CanvasOptions { size: Some(size), orientation: Some(turned), lang: None },
        )
        .unwrap_or_else(|e| panic!("{message}\nbut: {e}"));
        assert_eq!(wrong_slots(fits.document.page()), Vec::<String>::new());
        assert!(fits.stages.iter().all(|s| s.slots() >= 1));
    }
}

#[test]
fn a_spine_too_long_for_any_paper_is_pointed_to_a_wide_page() {
    let e =
        canvas_with(&blank(16), &Theme::classic(), &options(Paper::A0, Orientation::Landscape)).expect_err("refused");
    let message = e.to_string();
    let size = message.split("try --size ").nth(1).and_then(|s| s.split(',').next()).expect("a size");
    let size: Size = size.parse().expect("a size");
    let c = canvas_with(&blank(16), &Theme::classic(), &CanvasOptions { size: Some(size), ..Default::default() })
        .expect("the page it names fits");
    assert_eq!(wrong_slots(c.document.page()), Vec::<String>::new());
}

/// The canvas's own words: the prompts a team answers and the key.
const PROMPTS: &[&str] = &[
    "doing_question",
    "motivation_question",
    "concerns_question",
    "alleviation_question",
    "effort_question",
    "canvas_stage_question",
    "canvas_touchpoints_question",
    "canvas_feeling_question",
    "canvas_feeling_high",
    "canvas_feeling_low",
    "canvas_key",
    "canvas_essential",
    "canvas_strength",
    "canvas_pain",
    "canvas_would_pay",
    "canvas_moment_of_truth",
    "canvas_title",
    "canvas_persona",
    "canvas_team",
    "canvas_sources",
];

/// All the text of a page, without white space and break hyphens, in
/// lower case (the field labels are set in capitals).
fn squashed(page: &Page) -> String {
    let text: String = drawn(page).iter().filter_map(|d| d.text.clone()).collect::<Vec<_>>().join(" ");
    squash(&text)
}

fn squash(s: &str) -> String {
    s.split_whitespace().collect::<String>().replace(journeymap::text::BREAK_HYPHEN, "").to_lowercase()
}

#[test]
fn every_built_in_language_has_its_prompts_and_no_english_ones() {
    let english = Labels::new(Lang::En, Vec::new());
    for lang in Lang::ALL {
        let labels = Labels::new(lang, Vec::new());
        let options = CanvasOptions { lang: Some(lang), ..options(Paper::A1, Orientation::Landscape) };
        let c = canvas_with(&blank(5), &Theme::classic(), &options).expect("A1 holds five stages");
        let text = squashed(c.document.page());
        for key in PROMPTS {
            let own = labels.get(key);
            assert!(text.contains(&squash(own)), "{}: {key} {own:?} is not on the canvas", lang.code());
            if lang != Lang::En {
                let en = english.get(key);
                assert_ne!(squash(own), squash(en), "{}: {key} is the English text", lang.code());
                assert!(!text.contains(&squash(en)), "{}: the English {key} {en:?} is on the canvas", lang.code());
            }
        }
        assert_eq!(c.document.meta.lang, lang.code());
        // The check tells languages apart: German prompts are German only.
        let german = squash(Labels::new(Lang::De, Vec::new()).get("doing_question"));
        assert_eq!(text.contains(&german), lang == Lang::De, "{}", lang.code());
    }
}

#[test]
fn the_canvas_keeps_the_geometry_and_contrast_guarantees_in_every_theme() {
    let fonts = Fonts::embedded();
    for name in BUILTIN_NAMES {
        let theme = Theme::named(name).expect("a built-in theme");
        for (journey, paper) in [(airline(), Paper::A1), (partly_filled(), Paper::A2), (blank(6), Paper::A0)] {
            let c = canvas_with(&journey, &theme, &options(paper, Orientation::Landscape)).expect("fits");
            let doc = &c.document;
            assert_eq!(common::violations(doc), Vec::<String>::new(), "{name} {paper:?}");
            let failures: Vec<String> = contrast::failures(doc, &theme).iter().map(|(p, _)| format!("{p:?}")).collect();
            assert_eq!(failures, Vec::<String>::new(), "{name} {paper:?}");
            assert!(common::smallest_text(doc) >= layout::MIN_TEXT_PX - 1e-9, "{name} {paper:?}");
            if *name == "classic" {
                assert_eq!(common::rendered_violations(doc, &theme, &fonts), Vec::<String>::new(), "{paper:?}");
            }
        }
    }
}

#[test]
fn the_guarantee_checks_catch_a_broken_canvas() {
    let theme = Theme::classic();
    let mut c = canvas(&partly_filled(), Paper::A2, Orientation::Landscape);
    // A card pushed out of its slot, and a slot onto the row's label.
    let card = common::group_mut(&mut c.document.pages[0].frame.items, "card-2-1").expect("card 2-1");
    card.transform = Transform::translate(0.0, 120.0);
    assert!(!common::violations(&c.document).is_empty());
    // Muted text as light as the paper fails contrast.
    let mut faint = theme.clone();
    faint.colors.muted = faint.colors.label_band;
    assert!(!contrast::failures(&c.document, &faint).is_empty());
}

/// Each card's stage (`data-stage` of the card, and of the slot around
/// it in the SVG), read from the SVG's nesting of groups.
fn cards_in_slots(svg: &str) -> Vec<(String, Option<String>, String)> {
    let attr = |tag: &str, name: &str| {
        tag.split(&format!(" {name}=\"")).nth(1).and_then(|v| v.split('"').next()).map(str::to_owned)
    };
    let mut stack: Vec<String> = Vec::new();
    let mut found = Vec::new();
    let mut rest = svg;
    while let Some(at) = rest.find('<') {
        rest = &rest[at..];
        let end = rest.find('>').unwrap_or(rest.len() - 1);
        let tag = &rest[..=end];
        if tag.starts_with("</g") {
            stack.pop();
        } else if tag.starts_with("<g") && !tag.ends_with("/>") {
            if attr(tag, "class").as_deref() == Some("touchpoint") {
                let slot = stack.iter().rev().find(|t| attr(t, "class").as_deref() == Some("slot"));
                let slot_stage = slot.and_then(|t| attr(t, "data-stage"));
                found.push((
                    attr(tag, "id").unwrap_or_default(),
                    slot_stage,
                    attr(tag, "data-stage").unwrap_or_default(),
                ));
            }
            stack.push(tag.to_owned());
        }
        rest = &rest[end + 1..];
    }
    found
}

#[test]
fn a_partly_filled_map_prints_each_touchpoint_in_a_slot_of_its_stage() {
    let fonts = Fonts::embedded();
    let journey = partly_filled();
    let c = canvas(&journey, Paper::A2, Orientation::Landscape);
    let svg = journeymap::paint::svg(&c.document, &Theme::classic(), &fonts, Default::default());
    let cards = cards_in_slots(&svg);
    let expected: usize = journey.stages.iter().map(|s| s.touchpoints.len()).sum();
    assert_eq!(cards.len(), expected, "{cards:?}");
    for (id, slot_stage, stage) in &cards {
        assert_eq!(slot_stage.as_ref(), Some(stage), "{id} is not in a slot of its stage");
    }
    for (i, stage) in journey.stages.iter().enumerate() {
        for (j, t) in stage.touchpoints.iter().enumerate() {
            let id = format!("card-{}-{}", i + 1, j + 1);
            assert!(cards.iter().any(|(c, _, s)| *c == id && *s == stage.name), "{} lacks {id}", stage.name);
            let text = c.document.find(&id).map(|b| squash(&b.text())).unwrap_or_default();
            assert!(text.contains(&squash(&t.name)), "{id}: {text}");
        }
    }
    assert_eq!(common::missing_marks(&c.document, &journey), Vec::<String>::new());
    // What is known is printed; what is not is left empty to write on.
    let cell = |id: &str| c.document.find(id).map(|b| b.text()).unwrap_or_default();
    assert!(cell("cell-1-doing").contains("reminder"));
    assert!(cell("cell-2-concerns").contains("loans"));
    assert!(cell("cell-1-lane-1").contains("that time"));
    for empty in ["cell-1-motivation", "cell-3-doing", "cell-2-alleviation", "cell-3-lane-1"] {
        assert_eq!(cell(empty), "", "{empty}");
    }
    assert!(c.document.find("stage-3").is_some_and(|b| b.text().contains("Return")));
    assert!(cell("field-persona").contains("Lapsed reader"));
    assert!(!cell("field-team").contains(','), "an empty team box has room, not text");
}

#[test]
fn the_nesting_check_sees_a_card_outside_its_slot() {
    let svg = r#"<svg><g class="slot" data-stage="A"><rect/></g><g class="touchpoint" id="card-1-1" data-stage="A"><rect/></g>
        <g class="slot" data-stage="B"><rect/><g class="touchpoint" id="card-2-1" data-stage="A"><rect/></g></g></svg>"#;
    let found = cards_in_slots(svg);
    assert_eq!(found[0], ("card-1-1".to_owned(), None, "A".to_owned()));
    assert_eq!(found[1], ("card-2-1".to_owned(), Some("B".to_owned()), "A".to_owned()));
}

#[test]
fn a_stage_with_more_touchpoints_than_slots_says_so_and_names_the_rest() {
    let journey = crowded();
    let c = canvas(&journey, Paper::A2, Orientation::Landscape);
    let checkout = &c.stages[1];
    assert!(checkout.left_over() > 0, "{checkout:?}");
    assert_eq!(checkout.printed + 1, checkout.slots());
    let stage = &journey.stages[1];
    let listed = c.document.boxes().into_iter().find(|b| b.tag.get("overflow").is_some()).expect("an overflow slot");
    assert_eq!(listed.tag.get("stage"), Some("Checkout"));
    assert_eq!(listed.tag.get("overflow"), Some(checkout.left_over().to_string().as_str()));
    let text = squash(&listed.text());
    assert!(text.contains(&squash(&format!("+ {} more touchpoints", checkout.left_over()))), "{text}");
    // The first names that fit are listed; the printed ones are cards.
    assert!(text.contains(&squash(&stage.touchpoints[checkout.printed].name)));
    for j in 0..checkout.printed {
        assert!(c.document.find(&format!("card-2-{}", j + 1)).is_some());
    }
    assert!(c.stages.iter().filter(|s| s.number != 2).all(|s| s.left_over() == 0));
}

/// A straight mark on the page: x0, y0, x1, y1 in page px.
type Segment = (f64, f64, f64, f64);

/// Cards whose crop marks do not frame them: each of its eight marks
/// must carry one of its edges on, outside it, at a corner.
fn unframed_cards(page: &Page) -> Vec<String> {
    let cards: Vec<Drawn> = drawn(page).into_iter().filter(|d| d.class == "touchpoint").collect();
    let mut marks: Vec<(String, Vec<Segment>)> = Vec::new();
    page.frame.walk(&mut |at, item| {
        if let Item::Group(Group { tag: Some(tag), items, .. }) = item
            && tag.has_class("crop-mark")
        {
            let card = tag.get("card").unwrap_or_default().to_owned();
            let lines = items.iter().filter_map(|i| match i {
                Item::Shape(s) => match s.geometry {
                    Geometry::Line { from, to } => {
                        let (a, b) = (page.transform.then(at).apply(from), page.transform.then(at).apply(to));
                        Some((a.x, a.y, b.x, b.y))
                    }
                    _ => None,
                },
                _ => None,
            });
            match marks.iter_mut().find(|(c, _)| *c == card) {
                Some((_, found)) => found.extend(lines),
                None => marks.push((card, lines.collect())),
            }
        }
    });
    let near = |a: f64, b: f64| (a - b).abs() < 1e-6;
    let mut v = Vec::new();
    for card in &cards {
        let id = card.id.clone().unwrap_or_default();
        let Some((_, lines)) = marks.iter().find(|(c, _)| *c == id) else {
            v.push(format!("{id} has no crop marks"));
            continue;
        };
        let r = card.rect;
        let on_edge = |&(x0, y0, x1, y1): &Segment| {
            let horizontal = near(y0, y1) && (near(y0, r.y) || near(y0, r.bottom()));
            let vertical = near(x0, x1) && (near(x0, r.x) || near(x0, r.right()));
            let outside_x = x0.max(x1) <= r.x + 1e-6 || x0.min(x1) >= r.right() - 1e-6;
            let outside_y = y0.max(y1) <= r.y + 1e-6 || y0.min(y1) >= r.bottom() - 1e-6;
            (horizontal && outside_x) || (vertical && outside_y)
        };
        if lines.len() != 8 || !lines.iter().all(on_edge) {
            v.push(format!("{id}: marks {lines:?} do not frame {r:?}"));
        }
        for other in cards.iter().filter(|o| o.id != card.id) {
            if other.rect.overlaps(&r) {
                v.push(format!("{id} overlaps {:?}", other.id));
            }
            let crosses = lines.iter().any(|&(x0, y0, x1, y1)| {
                other.rect.overlaps(&Rect::new(x0.min(x1), y0.min(y1), (x1 - x0).abs(), (y1 - y0).abs()).grow())
            });
            if crosses {
                v.push(format!("{id}'s marks cross {:?}", other.id));
            }
        }
    }
    v
}

trait Grow {
    fn grow(self) -> Rect;
}

impl Grow for Rect {
    /// A line's zero-width box widened a hair, so overlap can see it.
    fn grow(self) -> Rect {
        Rect::new(self.x - 0.01, self.y - 0.01, self.width + 0.02, self.height + 0.02)
    }
}

fn cards_of(journey: &Journey) -> CardSheets {
    let fonts = Fonts::embedded();
    layout::cards(journey, &Theme::classic(), &Shaper::new(&fonts), &CanvasOptions::default()).expect("cards")
}

#[test]
fn cards_sit_inside_their_crop_marks_several_to_an_a4_sheet() {
    let journey = airline();
    let sheets = cards_of(&journey);
    let total = journey.touchpoints().count();
    assert_eq!(sheets.cards, total);
    assert!(sheets.per_sheet >= 4, "{}", sheets.per_sheet);
    assert_eq!(sheets.document.pages.len(), total.div_ceil(sheets.per_sheet));
    let mut seen = 0;
    for page in &sheets.document.pages {
        let (w, h) = page.size_mm();
        assert!((w - 210.0).abs() < 0.5 && (h - 297.0).abs() < 0.5, "A4 portrait: {w}×{h}");
        assert_eq!(unframed_cards(page), Vec::<String>::new());
        for card in drawn(page).iter().filter(|d| d.class == "touchpoint") {
            assert!((mm(card.rect.width) - SLOT_MM).abs() < 1.0, "a card is a sticky note's size");
            // Inside the sheet's printable area (10 mm).
            let margin = Length::mm(9.9).to_px();
            let area = Rect::new(margin, margin, page.size.width - 2.0 * margin, page.size.height - 2.0 * margin);
            assert!(area.contains(&card.rect), "{:?}", card.id);
            seen += 1;
        }
        let doc = sheets.document.with_pages(vec![page.clone()]);
        assert_eq!(common::violations(&doc), Vec::<String>::new());
        assert!(contrast::failures(&doc, &Theme::classic()).is_empty());
    }
    assert_eq!(seen, total);
    // Each card has its name, channel and owner, and outlines to tick.
    let first = sheets.document.find("card-1-1").expect("the first card");
    let text = squash(&first.text());
    let t = &journey.stages[0].touchpoints[0];
    for part in [&t.name, t.channel.as_ref().unwrap(), t.owner.as_ref().unwrap()] {
        assert!(text.contains(&squash(part)), "{text} lacks {part}");
    }
    let outlines = common::symbols(first.group).into_iter().filter(|c| c.starts_with("outline ")).count();
    assert_eq!(outlines, 5, "four marks and the star");
}

#[test]
fn the_crop_mark_check_catches_a_card_out_of_its_marks() {
    let mut sheets = cards_of(&airline());
    let page = &mut sheets.document.pages[0];
    let card = common::group_mut(&mut page.frame.items, "card-1-2").expect("card 1-2");
    card.transform = Transform::translate(4.0, 0.0);
    assert!(!unframed_cards(page).is_empty());
}

#[test]
fn a_map_without_touchpoints_has_no_cards() {
    let fonts = Fonts::embedded();
    let e = layout::cards(&blank(3), &Theme::classic(), &Shaper::new(&fonts), &CanvasOptions::default());
    assert_eq!(e.err(), Some(LayoutError::NoCards));
}

#[test]
fn blank_stages_are_a_count_or_names() {
    assert_eq!("7".parse::<BlankStages>(), Ok(BlankStages::Count(7)));
    assert_eq!("A, B".parse::<BlankStages>(), Ok(BlankStages::Named(vec!["A".into(), "B".into()])));
    assert!("0".parse::<BlankStages>().is_err());
    assert!("99".parse::<BlankStages>().is_err());
    assert!("A,,B".parse::<BlankStages>().is_err());
    assert!("A,A".parse::<BlankStages>().is_err());
}

#[test]
fn canvases_are_byte_identical_across_runs() {
    let fonts = Fonts::embedded();
    let svg = || {
        let c = canvas(&airline(), Paper::A1, Orientation::Landscape);
        journeymap::paint::svg(&c.document, &Theme::classic(), &fonts, Default::default())
    };
    assert_eq!(svg(), svg());
}

#[test]
fn every_valid_map_lays_out_as_a_canvas_and_as_cards() {
    let auto = CanvasOptions { size: Some(Size::Auto), ..CanvasOptions::default() };
    for (path, text) in common::valid_maps() {
        let journey = common::journey(&path, &text);
        let c = canvas_with(&journey, &Theme::classic(), &auto).unwrap_or_else(|e| panic!("{path}: {e}"));
        assert_eq!(common::violations(&c.document), Vec::<String>::new(), "{path}");
        assert_eq!(wrong_slots(c.document.page()), Vec::<String>::new(), "{path}");
        if journey.touchpoints().next().is_some() {
            for page in &cards_of(&journey).document.pages {
                assert_eq!(unframed_cards(page), Vec::<String>::new(), "{path}");
            }
        }
    }
}
