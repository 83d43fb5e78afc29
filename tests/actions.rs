//! Words for the wall (SPEC §4, Priorities): the priorities panel lists
//! only assessed touchpoints and says how many more actions there are in
//! plain words; the printed text of every sample and valid test map holds
//! no command line, no backtick and no internal term ("balance"); a PDF
//! whose panel does not show every action carries them all on list pages
//! after the poster (read back with poppler when it is installed, see
//! `common/tools.rs`).

mod common;

use common::tools::{self, PDFINFO, PDFTOTEXT};
use journeymap::layout::{self, Document, Options};
use journeymap::model::{Journey, Paper, Size};
use journeymap::paint::{self, SvgOptions};
use journeymap::render::{OutputFormat, Renderer};
use journeymap::text::Fonts;
use journeymap::theme::Theme;
use usvg::roxmltree;

/// Every sample and valid test map, with its text.
fn maps() -> Vec<(String, String)> {
    let mut paths: Vec<String> = Vec::new();
    for dir in ["samples", "tests/maps/valid"] {
        for entry in std::fs::read_dir(dir).expect("the folder") {
            let path = entry.expect("an entry").path();
            if path.extension().is_some_and(|e| e == "toml") {
                paths.push(path.display().to_string());
            }
        }
    }
    paths.sort();
    paths.into_iter().map(|p| (p.clone(), std::fs::read_to_string(&p).expect("map"))).collect()
}

fn layout_at(journey: &Journey, size: Option<Size>) -> Document {
    let options = Options { size, ..Default::default() };
    layout::layout(journey, &Theme::classic(), &Fonts::embedded(), &options).expect("layout")
}

/// The text a reader sees: the content of every `<text>` of the SVG.
fn printed_text(svg: &str) -> Vec<String> {
    let doc = roxmltree::Document::parse(svg).expect("well-formed SVG");
    doc.descendants()
        .filter(|n| n.has_tag_name("text"))
        .map(|n| n.descendants().filter(|d| d.is_text()).filter_map(|d| d.text()).collect::<String>())
        .collect()
}

/// The printed texts that hold a command line, a backtick or an internal
/// term.
fn jargon(svg: &str) -> Vec<String> {
    printed_text(svg)
        .into_iter()
        .filter(|t| {
            let lower = t.to_lowercase();
            t.contains('`') || lower.contains("journeymap ") || lower.contains("balance")
        })
        .collect()
}

#[test]
fn no_poster_prints_a_command_line_or_an_internal_term() {
    let fonts = Fonts::embedded();
    for (path, text) in maps() {
        let journey = common::journey(&path, &text);
        for size in [None, Some(Size::Paper(Paper::A3))] {
            let doc = layout_at(&journey, size);
            let svg = paint::svg(&doc, &Theme::classic(), &fonts, SvgOptions::default());
            assert!(!printed_text(&svg).is_empty(), "{path}: the check reads the poster's text");
            assert_eq!(jargon(&svg), Vec::<String>::new(), "{path} at {size:?}");
        }
    }
}

#[test]
fn no_slide_of_a_deck_prints_a_command_line_or_an_internal_term() {
    let fonts = Fonts::embedded();
    let shaper = journeymap::text::Shaper::new(&fonts);
    for (path, text) in maps() {
        let journey = common::journey(&path, &text);
        let Ok(deck) = layout::deck(&journey, &Theme::classic(), &shaper, &Options::default()) else { continue };
        for (i, page) in deck.pages.iter().enumerate() {
            let svg = paint::svg_page(&deck, page, &Theme::classic(), &fonts, SvgOptions::default());
            assert_eq!(jargon(&svg), Vec::<String>::new(), "{path}, slide {}", i + 1);
        }
        // The speaker notes and alt text are read out too.
        for note in &deck.notes {
            assert!(!note.contains('`') && !note.to_lowercase().contains("journeymap "), "{path}: {note}");
        }
    }
}

#[test]
fn the_jargon_check_catches_a_command_line() {
    let svg = r#"<svg xmlns="http://www.w3.org/2000/svg"><text x="0" y="0">+ 12 more: run `journeymap priorities`</text><text>Weakest stage (balance −2)</text><text>Made with journeymap</text></svg>"#;
    assert_eq!(jargon(svg).len(), 2, "{:?}", jargon(svg));
    assert_eq!(
        jargon(r#"<svg xmlns="http://www.w3.org/2000/svg"><text>run journeymap priorities</text></svg>"#).len(),
        1
    );
}

/// A map with `unmarked` touchpoints and then `assessed` marked ones,
/// ten to a stage.
fn map_with(assessed: usize, unmarked: usize) -> String {
    let mut map = String::from("title = \"Counting\"\n");
    for i in 0..unmarked + assessed {
        if i % 10 == 0 {
            map += &format!("[[stage]]\nname = \"Stage {}\"\n", i / 10 + 1);
        }
        map += &match i.checked_sub(unmarked) {
            None => format!("  [[stage.touchpoint]]\n  name = \"Unmarked {i}\"\n"),
            Some(i) => format!(
                "  [[stage.touchpoint]]\n  name = \"Marked {i}\"\n  marks = [\"pain\"]\n  owner = \"Ops\"\n  action = \"Do thing {i}\"\n"
            ),
        };
    }
    map
}

/// The texts of the boxes whose class is `class`, on the first page.
fn texts_of(doc: &Document, class: &str) -> Vec<String> {
    doc.boxes().iter().filter(|b| b.tag.class.split(' ').any(|c| c == class)).map(|b| b.text()).collect()
}

#[test]
fn the_panel_lists_only_assessed_touchpoints_and_counts_the_rest_as_actions() {
    // 11 actions and 6 unmarked: the panel shows 8, "+ 3 more actions".
    let journey = common::journey("m.toml", &map_with(11, 6));
    let doc = layout_at(&journey, None);
    let entries = texts_of(&doc, "priority");
    assert_eq!(entries.len(), 8, "{entries:?}");
    assert!(entries.iter().all(|e| e.contains("Marked") && !e.contains("Unmarked")), "{entries:?}");
    assert_eq!(texts_of(&doc, "more"), ["+ 3 more actions"]);
    // Only the cards of listed actions carry a rank; no unmarked one does.
    let mut ranked = 0;
    for b in doc.boxes().iter().filter(|b| b.tag.class.split(' ').any(|c| c == "touchpoint")) {
        if b.tag.data.iter().any(|(k, _)| k == "rank") {
            assert!(!b.text().contains("Unmarked"), "{}", b.text());
            ranked += 1;
        }
    }
    assert_eq!(ranked, 8);
    // One more action than shown is one, in the singular.
    let doc = layout_at(&common::journey("m.toml", &map_with(9, 6)), None);
    assert_eq!(texts_of(&doc, "more"), ["+ 1 more action"]);
    // All shown: no line, and no list pages.
    let doc = layout_at(&common::journey("m.toml", &map_with(8, 6)), None);
    assert_eq!(texts_of(&doc, "more"), Vec::<String>::new());
    assert_eq!(doc.pages.len(), 1);
}

#[test]
fn nothing_assessed_means_no_panel() {
    for unmarked in [1, 5] {
        let doc = layout_at(&common::journey("m.toml", &map_with(0, unmarked)), None);
        assert!(doc.find("priorities").is_none(), "{unmarked} unmarked touchpoints");
        assert_eq!(doc.pages.len(), 1);
    }
    let doc = layout_at(&common::journey("m.toml", &map_with(1, 1)), None);
    assert!(doc.find("priorities").is_some(), "one action is a panel");
}

#[test]
fn the_list_pages_hold_every_action_in_order_within_their_boxes() {
    let journey = common::journey("m.toml", &map_with(60, 3));
    for size in [None, Some(Size::Paper(Paper::A1))] {
        let doc = layout_at(&journey, size);
        assert!(doc.pages.len() >= 2, "{size:?}");
        let mut ranks = Vec::new();
        for page in &doc.pages[1..] {
            let one = doc.with_pages(vec![page.clone()]);
            assert_eq!(common::violations(&one), Vec::<String>::new(), "{size:?} {}", page.name);
            assert_eq!(page.size, doc.page().size, "the poster's paper");
            for b in one.boxes().iter().filter(|b| b.tag.class == "priority") {
                ranks.extend(
                    b.tag.data.iter().filter(|(k, _)| k == "rank").map(|(_, v)| v.parse::<usize>().expect("rank")),
                );
                assert!(!b.text().contains("Unmarked"));
            }
        }
        assert_eq!(ranks, (1..=60).collect::<Vec<_>>(), "{size:?}");
        let first = doc.with_pages(vec![doc.pages[1].clone()]);
        assert_eq!(texts_of(&first, "actions-heading"), ["All actions, in priority order (60)"]);
    }
}

#[test]
fn the_pdf_carries_the_full_list_after_the_poster() {
    if !tools::have(&[&PDFINFO, &PDFTOTEXT]) {
        return;
    }
    let journey = common::journey("m.toml", &map_with(40, 2));
    let renderer = Renderer::new(Fonts::embedded()).with_page(Options::default());
    let doc = renderer.layout(&journey, &Theme::classic()).expect("layout");
    let pdf = renderer.export(&doc, &Theme::classic(), &OutputFormat::Pdf).expect("pdf");
    let info = tools::poppler("pdfinfo", &pdf, &[]);
    let pages = info.lines().find_map(|l| l.strip_prefix("Pages:")).map(str::trim);
    assert_eq!(pages, Some(doc.pages.len().to_string().as_str()), "{info}");
    assert!(doc.pages.len() >= 2);
    let last = doc.pages.len().to_string();
    let list = tools::poppler("pdftotext", &pdf, &["-f", "2", "-l", &last]);
    let squash = |t: &str| t.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(squash(&list).contains("All actions, in priority order (40)"), "{list}");
    assert!(list.contains("Do thing 39") && list.contains("Do thing 0"), "the first and last actions: {list}");
    assert!(!list.contains("Unmarked"), "{list}");
    // The list page's heading is an H1 and its entries a list.
    let structure = tools::poppler("pdfinfo", &pdf, &["-struct"]);
    let count = |tag: &str| structure.lines().filter(|l| l.split_whitespace().next() == Some(tag)).count();
    assert!(count("H1") >= 2 && count("L") >= 2, "{structure}");
    assert!(count("LI") >= 40 + 8, "{structure}");
    // An SVG is the poster alone.
    let svg = renderer.export(&doc, &Theme::classic(), &OutputFormat::Svg(SvgOptions::default())).expect("svg");
    assert!(!String::from_utf8_lossy(&svg).contains("All actions"));
}
