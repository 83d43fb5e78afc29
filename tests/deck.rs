//! Slide decks (`render --deck`): 16:9 pages of 1920 × 1080 px: the
//! headline and the whole curve, the marks explained, every stage titled
//! with its finding with its answers and cards in full, and every action;
//! no text under 24 px; no slide more than a quarter empty; the poster's
//! geometry on every slide; one PDF bookmark a slide, read back with
//! poppler; the PPTX read back with python-pptx, the same bytes twice.

mod common;

use common::bands::{drawn, largest_gap};

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
fn every_slide_is_16_9_with_text_of_24_px_and_the_posters_geometry() {
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
        // The story first, titled once with the map's title; then the marks.
        assert_eq!(names[0], journey.title, "{name}: {names:?}");
        assert_eq!(names[1], labels.get("deck_marks"), "{name}: {names:?}");
        let shown = single(&deck, 0);
        let points = shown.boxes().iter().filter(|b| b.tag.class == "point").count();
        let scored = journey.stages.iter().filter(|s| s.touchpoints.iter().any(|t| t.score.is_some())).count();
        assert_eq!(points, scored, "{name}: the whole curve on the first slide");
        // Each stage has a slide titled with its finding, in spine order;
        // the weakest and strongest say so.
        let health = journeymap::health::stage_health(&journey);
        let extremes = journeymap::health::extremes(&health);
        let mut from = 0;
        for (i, stage) in journey.stages.iter().enumerate() {
            let found = names[from..].iter().position(|n| n.starts_with(&stage.name) && n.len() > stage.name.len());
            // A stage with nothing recorded has no slide of its own.
            if found.is_none() && stage.touchpoints.is_empty() {
                continue;
            }
            let at =
                found.unwrap_or_else(|| panic!("{name}: no slide for {:?} after slide {from}: {names:?}", stage.name));
            let title = names[from + at];
            let key = match extremes.standing(i) {
                Some(journeymap::health::Standing::Weakest) => Some("deck_weakest"),
                Some(journeymap::health::Standing::Strongest) => Some("deck_strongest"),
                None => None,
            };
            if let Some(key) = key {
                let said = labels.fill(key, &[("stage", &stage.name), ("details", "")]);
                assert!(title.starts_with(said.trim_end()), "{name}: {title:?} does not say {said:?}");
            }
            from += at + 1;
        }
        // Then every action, in priority order, over as many slides as needed.
        let actions = journeymap::priorities::actions(&journey);
        let at = names.iter().position(|n| *n == labels.get("priorities"));
        assert_eq!(at.is_some(), !actions.is_empty(), "{name}: {names:?}");
        let after = at.unwrap_or(names.len());
        let listed: Vec<String> = (after..deck.pages.len())
            .flat_map(|i| single(&deck, i).boxes().iter().filter_map(|b| b.tag.id.clone()).collect::<Vec<_>>())
            .filter(|id| id.starts_with("action-"))
            .collect();
        assert_eq!(listed, (1..=actions.len()).map(|r| format!("action-{r}")).collect::<Vec<_>>(), "{name}");
        assert_eq!(deck.notes.len(), deck.pages.len(), "{name}: notes for every slide");

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
    let booking = deck.pages.iter().position(|p| p.name.starts_with("Booking hurts most")).expect("a Booking slide");
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
    assert!(smallest >= MIN_SLIDE_TEXT_PX, "{said}");

    let refused = common::run_in(dir.path(), &["render", "map.toml", "--deck", "-o", "deck.svg"], None);
    assert_eq!(common::code(&refused), 2);
    assert!(common::stderr(&refused).contains("-o slides/"), "{}", common::stderr(&refused));
}

/// The largest empty band of a page as a fraction of its side: a band
/// across each half of the page with nothing drawn in that half, or a band
/// down the whole page. Margins count as empty; invisible box outlines do
/// not count as drawn.
fn largest_empty_band(page: &layout::Page) -> f64 {
    let drawn = drawn(page);
    let (w, h) = (page.size.width, page.size.height);
    let mut worst: f64 = 0.0;
    for (left, right) in [(0.0, w / 2.0), (w / 2.0, w)] {
        let spans = drawn.iter().filter(|r| r.x < right && r.right() > left).map(|r| (r.y, r.bottom()));
        worst = worst.max(largest_gap(spans.collect(), h) / h);
    }
    worst.max(largest_gap(drawn.iter().map(|r| (r.x, r.right())).collect(), w) / w)
}

#[test]
fn no_slide_has_a_blank_band() {
    let mut empty = Vec::new();
    for (name, journey) in maps() {
        let deck = deck_of(&journey, &Theme::classic());
        for (i, page) in deck.pages.iter().enumerate() {
            let band = largest_empty_band(page);
            // The samples are held to a quarter. Test maps with stages
            // that record one or two answers and nothing else, or only a
            // few marks, are held to the bound that catches a blank slide
            // (a stage slide with nothing on it is 86% empty).
            let bound =
                if name.starts_with("samples/airline") || name.starts_with("samples/clinic") { 0.25 } else { 0.55 };
            if band > bound {
                empty.push(format!("{name}, slide {} ({}): an empty band of {:.0}%", i + 1, page.name, band * 100.0));
            }
        }
    }
    assert!(empty.is_empty(), "{}", empty.join("\n"));
}

#[test]
fn the_emptiness_check_catches_a_half_empty_slide() {
    let journey = common::journey("samples/airline.toml", include_str!("../samples/airline.toml"));
    let deck = deck_of(&journey, &Theme::classic());
    let booking = deck.pages.iter().find(|p| p.name.starts_with("Booking hurts most")).expect("a Booking slide");
    assert!(largest_empty_band(booking) <= 0.25);
    // The cards taken away: the right half stands empty below the title.
    let mut broken = booking.clone();
    broken
        .frame
        .items
        .retain(|item| !matches!(item, Item::Group(g) if g.tag.as_ref().is_some_and(|t| t.has_class("touchpoint"))));
    assert!(largest_empty_band(&broken) > 0.25, "{:.2}", largest_empty_band(&broken));
}

#[test]
fn the_pptx_reads_back_with_titles_notes_and_alt_text_and_is_the_same_twice() {
    let journey = common::journey("samples/airline.toml", include_str!("../samples/airline.toml"));
    let renderer = Renderer::new(Fonts::embedded());
    let theme = Theme::classic();
    let deck = renderer.deck(&journey, &theme).expect("a deck");
    let first = renderer.export(&deck, &theme, &OutputFormat::Pptx).expect("a PPTX");
    let again = renderer
        .export(&renderer.deck(&journey, &theme).expect("a deck"), &theme, &OutputFormat::Pptx)
        .expect("a PPTX");
    assert!(first == again, "two runs give the same bytes");
    if !common::tools::have_python_module("pptx", "python-pptx") {
        return;
    }
    let dir = tempfile::tempdir().expect("a folder");
    let path = dir.path().join("deck.pptx");
    std::fs::write(&path, &first).expect("write");
    let script = r#"
import json, sys, pptx
p = pptx.Presentation(sys.argv[1])
out = {"size": [p.slide_width, p.slide_height], "slides": []}
for s in p.slides:
    pics = [sh for sh in s.shapes if sh.shape_type == 13]
    out["slides"].append({
        "title": s.shapes.title.text if s.shapes.title is not None else None,
        "notes": s.notes_slide.notes_text_frame.text if s.has_notes_slide else "",
        "alt": [pic._element.nvPicPr.cNvPr.get("descr") for pic in pics],
        "picture": [[pic.width, pic.height, pic.image.content_type] for pic in pics],
    })
print(json.dumps(out))
"#;
    let out = std::process::Command::new("python3")
        .args(["-c", script, path.to_str().expect("a path")])
        .output()
        .expect("python3");
    assert!(out.status.success(), "python-pptx could not read the deck: {}", String::from_utf8_lossy(&out.stderr));
    let read: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(read["size"], serde_json::json!([12192000, 6858000]), "16:9");
    let slides = read["slides"].as_array().expect("slides");
    assert_eq!(slides.len(), deck.pages.len(), "a slide per page");
    for (i, (slide, page)) in slides.iter().zip(&deck.pages).enumerate() {
        let title = layout::slide_title(page).expect("every slide has a title").text;
        assert_eq!(slide["title"], serde_json::json!(title), "slide {}", i + 1);
        assert_eq!(slide["notes"], serde_json::json!(deck.notes[i]), "slide {}", i + 1);
        assert_eq!(slide["alt"], serde_json::json!([deck.notes[i]]), "slide {}", i + 1);
        assert_eq!(slide["picture"], serde_json::json!([[12192000, 6858000, "image/png"]]), "slide {}", i + 1);
        assert!(!deck.notes[i].is_empty());
    }
    // The picture leaves the title out: the title shows once.
    let untitled = layout::untitled(&deck.pages[3]);
    assert!(layout::slide_title(&untitled).is_none() && layout::slide_title(&deck.pages[3]).is_some());
}

/// What LibreOffice makes of a PPTX: it converts the deck to PDF, as a
/// user opening it would see it, and the PDF must have a page per slide
/// with every slide's title in it as text.
fn office_problems(deck: &Document, pptx: &[u8]) -> Vec<String> {
    let office = common::tools::find(&common::tools::SOFFICE).expect("checked by the caller");
    let dir = tempfile::tempdir().expect("a folder");
    let path = dir.path().join("deck.pptx");
    std::fs::write(&path, pptx).expect("write");
    // A profile of its own, so a desktop session's LibreOffice neither
    // blocks nor changes the run.
    let profile = format!("-env:UserInstallation=file://{}", dir.path().join("profile").display());
    let done = std::process::Command::new(office)
        .arg(profile)
        .args(["--headless", "--convert-to", "pdf", "--outdir"])
        .arg(dir.path())
        .arg(&path)
        .output()
        .expect("LibreOffice runs");
    let Ok(pdf) = std::fs::read(dir.path().join("deck.pdf")) else {
        return vec![format!("LibreOffice made no PDF: {}", String::from_utf8_lossy(&done.stderr))];
    };
    let mut problems = Vec::new();
    let info = common::tools::poppler("pdfinfo", &pdf, &[]);
    let pages = info.lines().find_map(|l| l.strip_prefix("Pages:")).map(|n| n.trim().to_owned());
    if pages != Some(deck.pages.len().to_string()) {
        problems.push(format!("{pages:?} pages for {} slides", deck.pages.len()));
    }
    let text = common::tools::poppler("pdftotext", &pdf, &[]).split_whitespace().collect::<Vec<_>>().join(" ");
    for (i, page) in deck.pages.iter().enumerate() {
        let title = layout::slide_title(page).expect("a title").text;
        let title = title.split_whitespace().collect::<Vec<_>>().join(" ");
        if !text.contains(&title) {
            problems.push(format!("slide {}: title {title:?} not shown", i + 1));
        }
    }
    problems
}

#[test]
fn the_pptx_opens_in_libreoffice_with_every_slide_and_its_title() {
    use common::tools::{PDFINFO, PDFTOTEXT, SOFFICE, have};
    if !have(&[&SOFFICE, &PDFINFO, &PDFTOTEXT]) {
        return;
    }
    let journey = common::journey("samples/airline.toml", include_str!("../samples/airline.toml"));
    let renderer = Renderer::new(Fonts::embedded());
    let theme = Theme::classic();
    let deck = renderer.deck(&journey, &theme).expect("a deck");
    let pptx = renderer.export(&deck, &theme, &OutputFormat::Pptx).expect("a PPTX");
    let problems = office_problems(&deck, &pptx);
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    // The check fails on a deck that lost its end.
    let cut = &pptx[..pptx.len() / 2];
    assert!(!office_problems(&deck, cut).is_empty(), "a half deck passes");
}

/// How empty a slide looks: the largest rectangle inside its margins
/// (where its title starts) that nothing drawn touches, as a share of the
/// area inside the margins. Gaps between lines, between cards and the
/// ragged ends of lines are thin and do not count; a bare half of a
/// column, a missing row or a blank foot does.
fn emptiness(page: &layout::Page) -> f64 {
    let margin = layout::slide_title(page).map_or(0.0, |t| t.rect.x);
    let (x0, y0, x1, y1) = (margin, margin, page.size.width - margin, page.size.height - margin);
    let rects: Vec<layout::Rect> =
        drawn(page).into_iter().filter(|r| r.x < x1 && r.right() > x0 && r.y < y1 && r.bottom() > y0).collect();
    // The edges cut the area into cells, each either touched or free.
    let cuts = |lo: f64, hi: f64, edges: &mut dyn Iterator<Item = f64>| {
        let mut v: Vec<f64> = edges.map(|e| e.clamp(lo, hi)).chain([lo, hi]).collect();
        v.sort_by(f64::total_cmp);
        v.dedup_by(|a, b| (*a - *b).abs() < 1e-6);
        v
    };
    let xs = cuts(x0, x1, &mut rects.iter().flat_map(|r| [r.x, r.right()]));
    let ys = cuts(y0, y1, &mut rects.iter().flat_map(|r| [r.y, r.bottom()]));
    let (nx, ny) = (xs.len() - 1, ys.len() - 1);
    let mut free = vec![vec![true; nx]; ny];
    for r in &rects {
        let (cx0, cx1) = (xs.partition_point(|x| *x < r.x - 1e-6), xs.partition_point(|x| *x < r.right() - 1e-6));
        let (cy0, cy1) = (ys.partition_point(|y| *y < r.y - 1e-6), ys.partition_point(|y| *y < r.bottom() - 1e-6));
        for row in free.iter_mut().take(cy1.min(ny)).skip(cy0) {
            row.iter_mut().take(cx1.min(nx)).skip(cx0).for_each(|c| *c = false);
        }
    }
    // For each pair of rows, the widest run of columns free in all of them.
    let mut best: f64 = 0.0;
    for top in 0..ny {
        let mut open = vec![true; nx];
        for bottom in top..ny {
            let height = ys[bottom + 1] - ys[top];
            let mut run = 0.0;
            for ((o, f), x) in open.iter_mut().zip(&free[bottom]).zip(xs.windows(2)) {
                *o = *o && *f;
                run = if *o { run + x[1] - x[0] } else { 0.0 };
                best = best.max(run * height);
            }
        }
    }
    best / ((x1 - x0) * (y1 - y0))
}

#[test]
fn no_slide_is_more_than_a_quarter_empty() {
    let mut empty = Vec::new();
    for (name, journey) in maps() {
        let deck = deck_of(&journey, &Theme::classic());
        for (i, page) in deck.pages.iter().enumerate() {
            let bare = emptiness(page);
            println!("{name}, slide {}: {:.1}% empty", i + 1, bare * 100.0);
            if bare > 0.25 {
                empty.push(format!("{name}, slide {} ({}): {:.0}% empty", i + 1, page.name, bare * 100.0));
            }
        }
    }
    assert!(empty.is_empty(), "{}", empty.join("\n"));
}

#[test]
fn the_quarter_check_catches_a_slide_with_content_taken_away() {
    let journey = common::journey("samples/airline.toml", include_str!("../samples/airline.toml"));
    let deck = deck_of(&journey, &Theme::classic());
    let booking = deck.pages.iter().find(|p| p.name.starts_with("Booking hurts most")).expect("a Booking slide");
    assert!(emptiness(booking) <= 0.25, "{:.2}", emptiness(booking));
    // The cards taken away: their side of the slide stands bare.
    let mut broken = booking.clone();
    broken
        .frame
        .items
        .retain(|item| !matches!(item, Item::Group(g) if g.tag.as_ref().is_some_and(|t| t.has_class("touchpoint"))));
    assert!(emptiness(&broken) > 0.25, "{:.2}", emptiness(&broken));
    // The last row of priorities taken away: the foot of the slide is bare.
    let first = deck.pages.iter().find(|p| p.name == "Priorities: what to do first").expect("a priorities slide");
    let mut broken = first.clone();
    let list = common::group_mut(&mut broken.frame.items, "actions").expect("the list");
    let keep = list.items.len() / 2;
    list.items.truncate(keep);
    assert!(emptiness(&broken) > 0.25, "{:.2} with {keep} entries left", emptiness(&broken));
    // A slide with nothing on it is all empty.
    let mut bare = booking.clone();
    bare.frame.items.clear();
    assert!(emptiness(&bare) > 0.99);
}
