//! `--tile PAPER --fit` speaks the map's language: the assembly page's
//! heading, instructions, sheet labels, alt text and page name, and each
//! sheet's caption and bookmark, with none of the English words left;
//! and every caption still fits its sheet. Read back from the layout and
//! (for a German map) from the PDF.

mod common;

use journeymap::labels::{Labels, Lang};
use journeymap::layout::{Document, Item, Options, Page, Rect, Structure, TILE_MARGIN_MM, TextLine, Transform};
use journeymap::model::{Journey, Paper, Size};
use journeymap::render::Renderer;
use journeymap::text::Fonts;
use journeymap::theme::Theme;
use journeymap::units::Length;

/// The English words of the tiling's own text: any of them on a sheet of
/// another language is a label left untranslated.
const ENGLISH: &[&str] = &[
    "row",
    "rows",
    "column",
    "columns",
    "sheet",
    "sheets",
    "together",
    "labelled",
    "below",
    "ticks",
    "ringed",
    "neighbour",
    "overlap",
    "portrait",
    "landscape",
    "grid",
    "numbered",
    "small",
];

/// The airline sample at A1 in `lang`, fitted to A4.
fn airline_in(lang: Option<Lang>) -> (Document, Journey) {
    let mut journey = common::journey("samples/airline.toml", include_str!("../samples/airline.toml"));
    journey.lang = lang.map(|l| l.code().to_owned());
    (fitted(&journey), journey)
}

fn fitted(journey: &Journey) -> Document {
    let renderer = Renderer::new(Fonts::embedded())
        .with_page(Options { size: Some(Size::Paper(Paper::A1)), ..Default::default() });
    let poster = renderer.layout(journey, &Theme::classic()).expect("A1 fits");
    renderer.fitted_tiles(&poster, Size::Paper(Paper::A4)).expect("fitted tiles")
}

/// The text lines the tiling adds to `page`, each with its box in page
/// px: the assembly page's heading and sheet labels, a sheet's caption.
fn furniture(page: &Page) -> Vec<(String, Rect)> {
    let mut out = Vec::new();
    for b in page.boxes() {
        let ours = ["assembly-heading", "tile-marks"].contains(&b.tag.class.as_str())
            || b.tag.id.as_deref() == Some("assembly");
        if ours {
            for line in b.group.lines() {
                let on_page = page.transform.apply_rect(b.transform.apply_rect(line.bounds()));
                out.push((line.text(), on_page));
            }
        }
    }
    out
}

/// Every word the tiling says: its lines, the figure's alt text, and the
/// page names.
fn said(tiles: &Document) -> Vec<String> {
    let mut out: Vec<String> = tiles.pages.iter().flat_map(|p| furniture(p).into_iter().map(|(t, _)| t)).collect();
    for b in tiles.pages[0].boxes() {
        if let Some(Structure::Figure(alt)) = &b.tag.structure {
            out.push(alt.clone());
        }
    }
    out.extend(tiles.pages.iter().map(|p| p.name.clone()));
    out
}

/// The English words in `texts`, less `own` (words the language shares
/// with English: French "portrait", Dutch "overlap"); `title` is the
/// map's, whatever its language.
fn english_in(texts: &[String], title: &str, own: &[&str]) -> Vec<String> {
    let mut found = Vec::new();
    for text in texts {
        let text = text.replace(title, "");
        for word in text.split(|c: char| !c.is_alphabetic()).map(str::to_lowercase) {
            if ENGLISH.contains(&word.as_str()) && !own.contains(&word.as_str()) && !found.contains(&word) {
                found.push(word);
            }
        }
    }
    found
}

/// Lines of the tiling that leave their page's printable area (10 mm in
/// from each edge), or on the assembly page run into the poster in small.
fn out_of_place(tiles: &Document) -> Vec<String> {
    let margin = Length::mm(TILE_MARGIN_MM).to_px();
    let mut found = Vec::new();
    for (i, page) in tiles.pages.iter().enumerate() {
        for (text, r) in furniture(page) {
            if r.x < margin - 1e-6 || r.right() > page.size.width - margin + 1e-6 {
                found.push(format!("page {}: {text:?} from {:.1} to {:.1} px", i + 1, r.x, r.right()));
            }
        }
    }
    let first = &tiles.pages[0];
    let poster = first.boxes().into_iter().find(|b| b.tag.class == "assembly-poster").map(|b| b.bounds);
    let heading = first.boxes().into_iter().find(|b| b.tag.class == "assembly-heading").map(|b| b.bounds);
    if let (Some(poster), Some(heading)) = (poster, heading)
        && heading.bottom() > poster.y + 1e-6
    {
        found.push(format!("the heading reaches {:.1} px, the poster starts at {:.1}", heading.bottom(), poster.y));
    }
    found
}

#[test]
fn every_language_tiles_in_its_own_words() {
    for lang in Lang::ALL.into_iter().filter(|&l| l != Lang::En) {
        let (tiles, journey) = airline_in(Some(lang));
        let texts = said(&tiles);
        let own: &[&str] = match lang {
            Lang::Fr => &["portrait"],
            Lang::Nl => &["overlap"],
            _ => &[],
        };
        let english = english_in(&texts, &journey.title, own);
        assert!(english.is_empty(), "{}: English left: {english:?} in {texts:#?}", lang.code());
        // Each sheet names itself as the assembly page names it.
        let labels = Labels::new(lang, Vec::new());
        let heading: Vec<String> = furniture(&tiles.pages[0]).into_iter().map(|(t, _)| t).collect();
        for (i, page) in tiles.pages[1..].iter().enumerate() {
            let caption: Vec<String> = furniture(page).into_iter().map(|(t, _)| t).collect();
            let label = caption.iter().find_map(|c| heading.iter().find(|h| c.contains(h.as_str())));
            assert!(label.is_some(), "{}: sheet {} {caption:?} is not on {heading:?}", lang.code(), i + 1);
        }
        assert_eq!(tiles.pages[0].name, labels.get("tiles_page"), "{}", lang.code());
        let problems = out_of_place(&tiles);
        assert!(problems.is_empty(), "{}: {problems:#?}", lang.code());
    }
}

#[test]
fn german_and_french_say_it_as_written() {
    let (de, _) = airline_in(Some(Lang::De));
    let sheets = de.pages.len() - 1;
    let first: Vec<String> = furniture(&de.pages[0]).into_iter().map(|(t, _)| t).collect();
    let all = first.join(" / ");
    assert!(all.contains(&format!("so werden die {sheets} Blätter zusammengesetzt")), "{all}");
    assert!(all.contains("2 Reihen × 2 Spalten, Format A4 quer"), "{all}");
    assert!(all.contains("Marken mit Ring des Nachbarblatts legen (10 mm Überlappung)"), "{all}");
    assert!(first.iter().any(|t| t == "Reihe 2, Spalte 1"), "{first:?}");
    assert_eq!(de.pages[2].name, "Reihe 1, Spalte 2");
    let caption: Vec<String> = furniture(&de.pages[2]).into_iter().map(|(t, _)| t).collect();
    assert!(caption.contains(&"Flying Nordic Air · Reihe 1, Spalte 2 von 2 × 2 · A4 quer".to_owned()), "{caption:?}");

    let (fr, _) = airline_in(Some(Lang::Fr));
    let all = furniture(&fr.pages[0]).into_iter().map(|(t, _)| t).collect::<Vec<_>>().join(" / ");
    assert!(all.contains(&format!("comment assembler les {sheets} feuilles")), "{all}");
    assert!(all.contains("2 lignes × 2 colonnes en A4 paysage"), "{all}");
    assert!(all.contains("ligne 1, colonne 1"), "{all}");
    assert!(all.contains("(10 mm de recouvrement)"), "{all}");
    assert_eq!(fr.pages[4].name, "Ligne 2, colonne 2");
}

#[test]
fn the_checks_flag_english_and_a_caption_off_its_sheet() {
    let (en, journey) = airline_in(Some(Lang::En));
    let english = english_in(&said(&en), &journey.title, &[]);
    for word in ["row", "column", "sheets", "together", "overlap", "landscape", "grid"] {
        assert!(english.contains(&word.to_owned()), "{word} not flagged: {english:?}");
    }
    // An allowed word of the language's own is not flagged.
    assert!(!english_in(&["A4 portrait".into()], "", &["portrait"]).contains(&"portrait".to_owned()));
    // The title is the map's: an English title on a German map is not
    // the tiling's English.
    assert!(english_in(&["Row row · Reihe 1".into()], "Row row", &[]).is_empty());

    let (mut de, _) = airline_in(Some(Lang::De));
    assert!(out_of_place(&de).is_empty());
    let nudged = nudge_caption(&mut de.pages[1]);
    assert!(nudged, "a caption to move");
    let problems = out_of_place(&de);
    assert!(problems.iter().any(|p| p.starts_with("page 2")), "{problems:?}");
    // A heading run down into the poster in small.
    for item in &mut de.pages[0].frame.items {
        if let Item::Group(g) = item
            && g.tag.as_ref().is_some_and(|t| t.class == "assembly-heading")
        {
            g.transform = Transform::translate(0.0, 100.0);
        }
    }
    let problems = out_of_place(&de);
    assert!(problems.iter().any(|p| p.starts_with("the heading reaches")), "{problems:?}");
}

/// Moves a sheet's caption a page's width to the right.
fn nudge_caption(page: &mut Page) -> bool {
    let shift = page.size.width / page.transform.scale;
    let Some(Item::Group(marks)) = page.frame.items.last_mut() else { return false };
    let Some(Item::Text(line)) = marks.items.iter_mut().rev().find(|i| matches!(i, Item::Text(_))) else {
        return false;
    };
    let line: &mut TextLine = line;
    line.x += shift;
    true
}

#[test]
fn a_german_map_tiles_in_german_in_the_pdf() {
    use common::tools::{self, PDFINFO, PDFTOTEXT};
    let text = include_str!("maps/valid/german-energy.toml");
    let journey = common::journey("german-energy.toml", text);
    let tiles = fitted(&journey);
    let english = english_in(&said(&tiles), &journey.title, &[]);
    assert!(english.is_empty(), "{english:?}");
    assert!(out_of_place(&tiles).is_empty(), "{:#?}", out_of_place(&tiles));
    if !tools::have(&[&PDFINFO, &PDFTOTEXT]) {
        return;
    }
    let dir = tempfile::tempdir().expect("a folder");
    std::fs::write(dir.path().join("map.toml"), text).expect("write");
    let args = ["render", "map.toml", "--size", "A1", "--tile", "A4", "--fit", "-o", "tiles.pdf"];
    let out = common::run_in(dir.path(), &args, None);
    assert_eq!(common::code(&out), 0, "{}", common::stderr(&out));
    let file = dir.path().join("tiles.pdf");
    let file = file.to_str().expect("path");
    let first = common::poppler("pdftotext", &["-f", "1", "-l", "1", file, "-"]);
    // pdftotext may break a label over the thumbnail beneath it into two
    // lines: read the words, not its lines.
    let first = first.split_whitespace().collect::<Vec<_>>().join(" ");
    let sheets = tiles.pages.len() - 1;
    assert!(first.contains(&format!("so werden die {sheets} Blätter zusammengesetzt")), "{first}");
    assert!(first.contains("Reihe 1, Spalte 1") && !first.contains("row 1"), "{first}");
    let n = (sheets + 1).to_string();
    let last = common::poppler("pdftotext", &["-f", &n, "-l", &n, file, "-"]);
    let name = tiles.pages.last().map(|p| p.name.clone()).unwrap_or_default();
    assert!(last.contains(&name) && last.contains(" · A4 "), "{name}: {last}");
}
