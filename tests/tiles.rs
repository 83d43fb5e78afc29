//! `--tile PAPER --fit`: the poster shrunk to the fewest sheets its
//! smallest text allows, cut clear of every line of a card, cell, health
//! box or priority, after a page that shows how the sheets go together;
//! read back from the layout and the PDF.

mod common;

use journeymap::layout::{Document, Item, Options, Rect, TILE_MARGIN_MM};
use journeymap::model::{Paper, Size};
use journeymap::render::Renderer;
use journeymap::text::Fonts;
use journeymap::theme::Theme;
use journeymap::units::Length;

fn a1() -> (Renderer, Document) {
    let journey = common::journey("samples/airline.toml", include_str!("../samples/airline.toml"));
    let renderer = Renderer::new(Fonts::embedded())
        .with_page(Options { size: Some(Size::Paper(Paper::A1)), ..Default::default() });
    let poster = renderer.layout(&journey, &Theme::classic()).expect("A1 fits");
    (renderer, poster)
}

/// What each tile page (the assembly page aside) shows of the poster, in
/// the poster's frame coordinates.
fn windows(tiles: &Document) -> Vec<Rect> {
    let margin = Length::mm(TILE_MARGIN_MM).to_px();
    tiles.pages[1..]
        .iter()
        .map(|p| {
            let window = Rect::new(margin, margin, p.size.width - 2.0 * margin, p.size.height - 2.0 * margin);
            p.transform.inverse().apply_rect(window)
        })
        .collect()
}

/// The cuts: window edges with a neighbour before them, across x and y.
fn cuts(windows: &[Rect]) -> (Vec<f64>, Vec<f64>) {
    let first = |v: Vec<f64>| {
        let min = v.iter().copied().fold(f64::INFINITY, f64::min);
        let mut out: Vec<f64> = v.into_iter().filter(|&x| x > min + 1e-6).collect();
        out.sort_by(f64::total_cmp);
        out.dedup_by(|a, b| (*a - *b).abs() < 1e-6);
        out
    };
    (first(windows.iter().map(|w| w.x).collect()), first(windows.iter().map(|w| w.y).collect()))
}

/// Every line of a card, cell, health box or priority that a cut crosses,
/// as "id: text".
fn crossings(poster: &Document, xs: &[f64], ys: &[f64]) -> Vec<String> {
    let mut found = Vec::new();
    for b in poster.boxes() {
        let id = b.tag.id.as_deref().unwrap_or("");
        let kept = ["card-", "cell-", "health-"].iter().any(|p| id.starts_with(p)) || b.tag.class == "priority";
        if !kept {
            continue;
        }
        for line in b.group.lines() {
            let r = b.transform.apply_rect(line.bounds());
            let across = |cut: f64, a: f64, z: f64| a < cut - 1e-6 && cut + 1e-6 < z;
            if xs.iter().any(|&x| across(x, r.x, r.right())) || ys.iter().any(|&y| across(y, r.y, r.bottom())) {
                found.push(format!("{id}: {}", line.text()));
            }
        }
    }
    found
}

fn texts(frame: &journeymap::layout::Frame) -> Vec<String> {
    let mut out = Vec::new();
    frame.walk(&mut |_, item| {
        if let Item::Text(t) = item {
            out.push(t.text());
        }
    });
    out
}

#[test]
fn fitting_needs_fewer_sheets_with_no_text_under_six_points() {
    let (renderer, poster) = a1();
    let plain = renderer.tiles(&poster, Size::Paper(Paper::A4)).expect("tiles");
    let fitted = renderer.fitted_tiles(&poster, Size::Paper(Paper::A4)).expect("fitted tiles");
    let sheets = fitted.pages.len() - 1;
    eprintln!("A1 airline on A4: {} sheets at its size, {sheets} fitted", plain.pages.len());
    assert!(sheets < plain.pages.len(), "{sheets} fitted sheets, {} without --fit", plain.pages.len());
    for page in &fitted.pages[1..] {
        assert!(
            (Length::px(page.size.width).to_mm() * Length::px(page.size.height).to_mm() - 210.0 * 297.0).abs() < 1.0
        );
        let mut smallest = f64::INFINITY;
        page.frame.walk(&mut |at, item| {
            if let Item::Text(t) = item {
                smallest = smallest.min(Length::px(t.size * at.scale * page.transform.scale).to_pt());
            }
        });
        assert!(smallest >= 6.0 - 1e-9, "{}: text at {smallest:.2} pt", page.name);
    }
    // Shrunk, but no further than the floor needs: at the poster's own
    // scale it would not fit that few.
    assert!(fitted.pages[1].transform.scale < poster.page().transform.scale);
}

#[test]
fn no_line_of_a_card_or_cell_crosses_a_cut_and_the_sheets_cover_the_poster() {
    let (renderer, poster) = a1();
    let fitted = renderer.fitted_tiles(&poster, Size::Paper(Paper::A4)).expect("fitted tiles");
    let windows = windows(&fitted);
    let (xs, ys) = cuts(&windows);
    assert!(!xs.is_empty() && !ys.is_empty(), "cut both ways: {xs:?} {ys:?}");
    let crossed = crossings(&poster, &xs, &ys);
    assert!(crossed.is_empty(), "lines cut: {crossed:?}");
    let view = poster.page().view();
    for i in 0..=30 {
        for j in 0..=30 {
            let x = view.x + view.width * f64::from(i) / 30.0;
            let y = view.y + view.height * f64::from(j) / 30.0;
            let on = windows
                .iter()
                .any(|w| x >= w.x - 1e-6 && x <= w.right() + 1e-6 && y >= w.y - 1e-6 && y <= w.bottom() + 1e-6);
            assert!(on, "({x}, {y}) is on no sheet: {view:?} {windows:?}");
        }
    }
}

#[test]
fn the_check_reports_a_cut_through_a_card() {
    let (_, poster) = a1();
    let card = poster.find("card-1-1").expect("a card");
    let line = card.transform.apply_rect(card.group.lines()[0].bounds());
    let through = crossings(&poster, &[line.x + line.width / 2.0], &[]);
    assert!(through.iter().any(|c| c.starts_with("card-1-1")), "{through:?}");
    let across = crossings(&poster, &[], &[line.y + line.height / 2.0]);
    assert!(across.iter().any(|c| c.starts_with("card-1-1")), "{across:?}");
}

#[test]
fn the_assembly_page_comes_first_and_names_every_sheet() {
    let (renderer, poster) = a1();
    let fitted = renderer.fitted_tiles(&poster, Size::Paper(Paper::A4)).expect("fitted tiles");
    let first = texts(&fitted.pages[0].frame);
    let sheets = fitted.pages.len() - 1;
    assert!(first.iter().any(|t| t.contains(&format!("how the {sheets} sheets go together"))), "{first:?}");
    for page in &fitted.pages[1..] {
        // "Row 2, column 3" names the page; its label and the assembly
        // page say "row 2, column 3".
        let label = page.name.to_lowercase();
        assert!(first.iter().any(|t| t == &label), "{label} is not on the assembly page: {first:?}");
        assert!(texts(&page.frame).iter().any(|t| t.contains(&label)), "{label} is not on its sheet");
    }
    let figure = fitted.pages[0].boxes().into_iter().find(|b| b.tag.id.as_deref() == Some("assembly"));
    let figure = figure.expect("the grid as a figure");
    assert!(matches!(&figure.tag.structure, Some(journeymap::layout::Structure::Figure(alt)) if alt.contains("rows")));
}

#[test]
fn fit_writes_one_pdf_with_the_assembly_page_first() {
    use common::tools::{self, PDFINFO, PDFTOTEXT};
    let dir = tempfile::tempdir().expect("a folder");
    std::fs::copy("samples/airline.toml", dir.path().join("map.toml")).expect("copy");
    let out = common::run_in(dir.path(), &["render", "map.toml", "--fit", "-o", "tiles.pdf"], None);
    assert_eq!(common::code(&out), 2, "--fit needs --tile: {}", common::stderr(&out));
    if !tools::have(&[&PDFINFO, &PDFTOTEXT]) {
        return;
    }
    let args = ["render", "map.toml", "--size", "A1", "--tile", "A4", "--fit", "-o", "tiles.pdf"];
    let out = common::run_in(dir.path(), &args, None);
    assert_eq!(common::code(&out), 0, "{}", common::stderr(&out));
    let file = dir.path().join("tiles.pdf");
    let file = file.to_str().expect("path");
    let info = common::poppler("pdfinfo", &[file]);
    let pages: usize =
        info.lines().find_map(|l| l.strip_prefix("Pages:")).and_then(|n| n.trim().parse().ok()).expect("a page count");
    let first = common::poppler("pdftotext", &["-f", "1", "-l", "1", file, "-"]);
    assert!(first.contains(&format!("how the {} sheets go together", pages - 1)), "{first}");
    assert!(first.contains("row 1, column 1"), "{first}");
    let last = common::poppler("pdftotext", &["-f", &pages.to_string(), "-l", &pages.to_string(), file, "-"]);
    assert!(last.contains("row "), "{last}");
}
