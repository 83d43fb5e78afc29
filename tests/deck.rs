//! Slide decks (`render --deck`): 16:9 pages of 1920 × 1080 px, an
//! overview, every stage with its answers and cards in full, and the
//! priorities; no text under 18 px; the poster's geometry on every slide;
//! one PDF bookmark a slide, read back with poppler.

mod common;

use journeymap::layout::{self, Document, Item, MIN_SLIDE_TEXT_PX, Options, SLIDE};
use journeymap::model::Journey;
use journeymap::render::{OutputFormat, Renderer};
use journeymap::text::Fonts;
use journeymap::theme::Theme;

fn deck_of(journey: &Journey, theme: &Theme) -> Document {
    layout::deck(journey, theme, &journeymap::text::Shaper::new(&Fonts::embedded()), &Options::default())
        .expect("a deck")
}

/// One page of a deck as a document of its own, for the poster checks.
fn single(deck: &Document, index: usize) -> Document {
    deck.with_pages(vec![deck.pages[index].clone()])
}

fn smallest_text(page: &layout::Page) -> f64 {
    let mut smallest = f64::INFINITY;
    page.frame.walk(&mut |at, item| {
        if let Item::Text(t) = item {
            smallest = smallest.min(t.size * at.scale * page.transform.scale);
        }
    });
    smallest
}

/// A map whose one stage holds more than a slide: 24 cards.
fn crowded() -> Journey {
    let mut map = String::from("title = \"Crowded\"\n[[stage]]\nname = \"Everything at once\"\n");
    map.push_str("doing = \"Tries every channel the company offers, one after another, in one long afternoon\"\n");
    map.push_str("concerns = [\"Too many steps\", \"Nobody answers\", \"Forms ask the same things twice\"]\n");
    for i in 1..=24 {
        map.push_str(&format!(
            "  [[stage.touchpoint]]\n  name = \"Touchpoint number {i} with a longer name\"\n  channel = \"Web\"\n  \
             owner = \"Team {}\"\n  marks = [\"pain\"]\n  score = {}\n",
            i % 3,
            1 + i % 5
        ));
    }
    map.push_str("[[stage]]\nname = \"After\"\n");
    common::journey("crowded.toml", &map)
}

fn maps() -> Vec<(String, Journey)> {
    let mut maps: Vec<(String, Journey)> =
        ["samples/airline.toml", "samples/saas-onboarding.toml", "samples/clinic-visit.toml"]
            .into_iter()
            .chain(["tests/maps/valid/twelve-stages.toml", "tests/maps/valid/german-energy.toml"])
            .map(|p| (p.to_owned(), common::journey(p, &std::fs::read_to_string(p).expect("map"))))
            .collect();
    maps.push(("crowded".to_owned(), crowded()));
    maps
}

#[test]
fn every_slide_is_16_9_with_text_of_18_px_and_the_posters_geometry() {
    for theme in journeymap::theme::BUILTIN_NAMES.iter().map(|n| Theme::named(n).expect("a theme")) {
        for (name, journey) in maps() {
            let deck = deck_of(&journey, &theme);
            for (i, page) in deck.pages.iter().enumerate() {
                let at = format!("{name}, {}, slide {} ({})", theme.name, i + 1, page.name);
                assert_eq!((page.size.width, page.size.height), (SLIDE.width, SLIDE.height), "{at}");
                let smallest = smallest_text(page);
                assert!(smallest >= MIN_SLIDE_TEXT_PX - 1e-6, "{at}: text at {smallest:.1} px");
                let v = common::violations(&single(&deck, i));
                assert!(v.is_empty(), "{at}:\n{}", v.join("\n"));
            }
        }
    }
}

#[test]
fn the_deck_tells_the_whole_story_overview_stages_priorities() {
    for (name, journey) in maps() {
        let deck = deck_of(&journey, &Theme::classic());
        let names: Vec<&str> = deck.pages.iter().map(|p| p.name.as_str()).collect();
        let lang = journey.lang.as_deref().and_then(journeymap::labels::Lang::from_tag).unwrap_or_default();
        let labels = journeymap::labels::Labels::new(lang, journey.labels.clone());
        assert!(names[0].starts_with(labels.get("overview")), "{name}: {names:?}");
        // Each stage has a slide of its own name, in spine order.
        let mut from = 0;
        for stage in &journey.stages {
            let at = names[from..]
                .iter()
                .position(|n| *n == stage.name)
                .unwrap_or_else(|| panic!("{name}: no slide for {:?} after slide {from}: {names:?}", stage.name));
            from += at + 1;
        }
        // The priorities slide when there are actions, then only slides
        // listing all of them, when it shows only the first.
        let actions = journeymap::priorities::actions(&journey);
        let at = names.iter().position(|n| *n == labels.get("priorities"));
        assert_eq!(at.is_some(), !actions.is_empty(), "{name}: {names:?}");
        let after = at.map_or(names.len(), |at| at + 1);
        let all = labels.fill("actions_all", &[("n", &actions.len().to_string())]);
        assert!(names[after..].iter().all(|n| n.starts_with(&all)), "{name}: {names:?}");
        let listed: Vec<String> = (after..deck.pages.len())
            .flat_map(|i| single(&deck, i).boxes().iter().filter_map(|b| b.tag.id.clone()).collect::<Vec<_>>())
            .filter(|id| id.starts_with("action-"))
            .collect();
        if after < names.len() {
            assert_eq!(listed, (1..=actions.len()).map(|r| format!("action-{r}")).collect::<Vec<_>>(), "{name}");
        }

        // Every card is on exactly one slide, with its name.
        for (s, stage) in journey.stages.iter().enumerate() {
            for (t, touchpoint) in stage.touchpoints.iter().enumerate() {
                let id = format!("card-{}-{}", s + 1, t + 1);
                let on: Vec<usize> = (0..deck.pages.len()).filter(|&i| single(&deck, i).find(&id).is_some()).collect();
                assert_eq!(on.len(), 1, "{name}: {id} is on slides {on:?}");
                let text = single(&deck, on[0]).find(&id).map(|b| b.text()).unwrap_or_default();
                // Wrapping changes white space and may add break hyphens.
                let squash =
                    |s: &str| s.split_whitespace().collect::<String>().replace(journeymap::text::BREAK_HYPHEN, "");
                assert!(squash(&text).contains(&squash(&touchpoint.name)), "{name}: {id} says {text:?}");
            }
        }
    }
}

#[test]
fn a_wide_map_is_shown_in_parts_that_number_stages_as_the_map_does() {
    let path = "tests/maps/valid/twelve-stages.toml";
    let journey = common::journey(path, &std::fs::read_to_string(path).expect("map"));
    let deck = deck_of(&journey, &Theme::classic());
    let overviews: Vec<&layout::Page> = deck.pages.iter().filter(|p| p.name.starts_with("Overview")).collect();
    assert!(overviews.len() >= 2, "12 stages do not fit one slide at 18 px");
    let last = overviews.last().expect("parts");
    let mut numbers = Vec::new();
    last.frame.walk(&mut |_, item| {
        if let Item::Text(t) = item
            && let Some(n) = t.text().strip_prefix("STAGE ")
        {
            numbers.push(n.parse::<usize>().expect("a number"));
        }
    });
    assert_eq!(numbers.last(), Some(&12), "the last part ends with stage 12: {numbers:?}");
    assert!(numbers[0] > 1, "the last part does not start again at 1: {numbers:?}");
}

#[test]
fn a_crowded_stage_goes_on_over_more_slides() {
    let deck = deck_of(&crowded(), &Theme::classic());
    let names: Vec<&str> = deck.pages.iter().map(|p| p.name.as_str()).collect();
    let continued = names.iter().filter(|n| n.starts_with("Everything at once (continued)")).count();
    assert!(continued >= 1, "{names:?}");
}

#[test]
fn the_checks_catch_small_text_and_overlaps_on_a_slide() {
    let journey = common::journey("samples/airline.toml", include_str!("../samples/airline.toml"));
    let deck = deck_of(&journey, &Theme::classic());
    let booking = deck.pages.iter().position(|p| p.name == "Booking").expect("a Booking slide");
    let mut broken = single(&deck, booking);
    broken.pages[0].transform = layout::Transform::scale(broken.pages[0].transform.scale * 0.5);
    assert!(smallest_text(&broken.pages[0]) < MIN_SLIDE_TEXT_PX);
    let mut broken = single(&deck, booking);
    let card = common::group_mut(&mut broken.pages[0].frame.items, "card-2-2").expect("the second card");
    card.transform = layout::Transform::translate(-200.0, 0.0).then(card.transform);
    assert!(!common::violations(&broken).is_empty(), "a card moved onto the first is caught");
}

#[test]
fn the_deck_pdf_has_a_bookmark_a_slide_and_is_tagged() {
    use common::tools::{self, PDFINFO, PDFTOHTML, PDFTOTEXT};
    if !tools::have(&[&PDFINFO, &PDFTOHTML, &PDFTOTEXT]) {
        return;
    }
    let journey = common::journey("samples/airline.toml", include_str!("../samples/airline.toml"));
    let renderer = Renderer::new(Fonts::embedded());
    let theme = Theme::classic();
    let deck = renderer.deck(&journey, &theme).expect("a deck");
    let pdf = renderer.export(&deck, &theme, &OutputFormat::Pdf).expect("a PDF");
    let dir = tempfile::tempdir().expect("a folder");
    let path = dir.path().join("deck.pdf");
    std::fs::write(&path, &pdf).expect("write");
    let file = path.to_str().expect("a path");
    let info = common::poppler("pdfinfo", &[file]);
    assert!(info.contains(&format!("Pages:           {}", deck.pages.len())), "{info}");
    assert!(info.contains("Page size:       1440 x 810 pts"), "{info}");
    assert!(info.contains("Tagged:          yes"), "{info}");
    let structure = common::poppler("pdfinfo", &["-struct", file]);
    // Each slide is a part of the document; every stage slide is headed.
    let count = |tag: &str| structure.lines().filter(|l| l.split_whitespace().next() == Some(tag)).count();
    assert_eq!(count("Part"), deck.pages.len(), "{structure}");
    assert!(count("H1") >= journey.stages.len(), "{structure}");
    let xml = common::poppler("pdftohtml", &["-xml", "-stdout", "-i", "-q", file]);
    let outline: Vec<&str> = xml
        .lines()
        .filter_map(|l| l.trim().strip_prefix("<item page=\""))
        .filter_map(|l| l.split_once("\">").and_then(|(_, rest)| rest.strip_suffix("</item>")))
        .collect();
    let names: Vec<String> = deck.pages.iter().map(|p| p.name.replace('&', "&amp;")).collect();
    assert_eq!(outline, names, "one bookmark a slide, named as the slide");
    // Every card name is text in the PDF.
    let text = common::poppler("pdftotext", &[file, "-"]);
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    for (_, t) in journey.touchpoints() {
        assert!(flat.contains(&t.name), "{} is not text in the deck", t.name);
    }
}

#[test]
fn render_deck_writes_a_pdf_and_numbered_slides_and_refuses_other_formats() {
    let dir = tempfile::tempdir().expect("a folder");
    std::fs::copy("samples/airline.toml", dir.path().join("map.toml")).expect("copy");
    let out = common::run_in(dir.path(), &["render", "map.toml", "--deck", "-o", "deck.pdf", "-o", "slides/"], None);
    assert_eq!(common::code(&out), 0, "{}", common::stderr(&out));
    let mut slides: Vec<String> = std::fs::read_dir(dir.path().join("slides"))
        .expect("the folder")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    slides.sort();
    assert!(slides.len() >= 9 && slides[0] == "slide-01.png", "{slides:?}");
    let png = std::fs::read(dir.path().join("slides").join(&slides[1])).expect("a slide");
    let pixmap = tiny_skia::Pixmap::decode_png(&png).expect("a PNG");
    assert_eq!((pixmap.width(), pixmap.height()), (1920, 1080));
    assert!(dir.path().join("deck.pdf").is_file());
    let said = common::stderr(&out);
    let smallest: f64 = said
        .split("smallest text ")
        .nth(1)
        .and_then(|rest| rest.split(" px").next())
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("no smallest text in {said}"));
    assert!(smallest >= 18.0, "{said}");

    let refused = common::run_in(dir.path(), &["render", "map.toml", "--deck", "-o", "deck.svg"], None);
    assert_eq!(common::code(&refused), 2);
    assert!(common::stderr(&refused).contains("-o slides/"), "{}", common::stderr(&refused));
}
