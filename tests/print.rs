//! Print furniture: `--bleed MM` (background into the bleed, crop marks in
//! a white slug, trim and bleed boxes in the PDF) and `--tile PAPER` (the
//! poster at its size on pages of the paper, overlapping, with assembly
//! ticks that meet in the margins and a "row r, column c" label), read back from the
//! layout, the pixels and the PDF.

mod common;

use journeymap::layout::{self, Document, Geometry, Item, Options, Rect, TILE_MARGIN_MM, TILE_OVERLAP_MM};
use journeymap::model::{Paper, Size};
use journeymap::render::{OutputFormat, Renderer};
use journeymap::text::Fonts;
use journeymap::theme::Theme;
use journeymap::units::Length;

fn airline(renderer: &Renderer) -> Document {
    let journey = common::journey("samples/airline.toml", include_str!("../samples/airline.toml"));
    renderer.layout(&journey, &Theme::classic()).expect("A2 fits")
}

fn renderer() -> Renderer {
    Renderer::new(Fonts::embedded()).with_page(Options { size: Some(Size::Paper(Paper::A2)), ..Default::default() })
}

fn mm(px: f64) -> f64 {
    Length::px(px).to_mm()
}

#[test]
fn bleed_runs_the_background_past_the_trim_with_crop_marks_in_white_paper() {
    let renderer = renderer();
    let poster = airline(&renderer);
    let bled = layout::with_bleed(&poster, 3.0).expect("3 mm");
    let page = bled.page();
    let boxes = page.print.expect("trim and bleed boxes");
    // The trim is the poster, 594 × 420 mm; the bleed 3 mm more a side.
    assert!((mm(boxes.trim.width) - 594.0).abs() < 0.01 && (mm(boxes.trim.height) - 420.0).abs() < 0.01);
    assert!((mm(boxes.trim.x - boxes.bleed.x) - 3.0).abs() < 0.01);
    assert!((mm(boxes.bleed.width - boxes.trim.width) - 6.0).abs() < 0.01);
    assert!(boxes.bleed.x > 0.0 && boxes.bleed.right() < page.size.width, "the slug holds the marks");

    // Pixels, at 1 px a CSS px: background in the bleed, white in the
    // slug, a dark crop mark in line with the trim's left edge.
    let format = OutputFormat::Png { resolution: journeymap::output::Resolution::Scale(1.0), transparent: false };
    let png = renderer.export(&bled, &Theme::classic(), &format).expect("PNG");
    let pixmap = tiny_skia::Pixmap::decode_png(&png).expect("a PNG");
    let at = |x: f64, y: f64| {
        let p = pixmap.pixel(x as u32, y as u32).expect("inside");
        (p.red(), p.green(), p.blue())
    };
    let background = Theme::classic().colors.get(journeymap::theme::Role::Background);
    let bg = (background.r, background.g, background.b);
    let mid = boxes.trim.y + boxes.trim.height / 2.0;
    assert_eq!(at(boxes.bleed.x + 2.0, mid), bg, "the background runs into the bleed");
    assert_eq!(at(boxes.bleed.x - 4.0, mid), (255, 255, 255), "the slug is paper");
    // A 0.25 pt hairline is a third of a pixel here: grey, not black.
    let mark_x = boxes.trim.x;
    let darkest = (0..boxes.bleed.y as u32)
        .flat_map(|y| [-1.0, 0.0, 1.0].map(|dx| at(mark_x + dx, f64::from(y)).0))
        .min()
        .unwrap_or(255);
    assert!(darkest < 230, "a crop mark above the trim's left edge (darkest {darkest})");
    let none = (0..boxes.bleed.y as u32).map(|y| at(mark_x + 40.0, f64::from(y)).0).min().unwrap_or(0);
    assert_eq!(none, 255, "no mark away from the corner");

    // The PDF names the boxes (read back with poppler, when it is here).
    if !common::tools::have(&[&common::tools::PDFINFO]) {
        return;
    }
    let pdf = renderer.export(&bled, &Theme::classic(), &OutputFormat::Pdf).expect("PDF");
    let dir = tempfile::tempdir().expect("a folder");
    let path = dir.path().join("bleed.pdf");
    std::fs::write(&path, &pdf).expect("write");
    let info = common::poppler("pdfinfo", &["-box", path.to_str().expect("path")]);
    let pt = |px: f64| Length::px(px).to_pt();
    let trim = info.lines().find(|l| l.starts_with("TrimBox:")).expect("a TrimBox");
    let numbers: Vec<f64> = trim.split_whitespace().skip(1).filter_map(|n| n.parse().ok()).collect();
    assert!((numbers[0] - pt(boxes.trim.x)).abs() < 0.02, "{trim}");
    assert!((numbers[2] - numbers[0] - pt(boxes.trim.width)).abs() < 0.02, "{trim}");
    assert!(info.contains("BleedBox:"), "{info}");
}

#[test]
fn a_bleed_out_of_range_is_refused() {
    let poster = airline(&renderer());
    for bad in [-1.0, 26.0, f64::NAN] {
        assert!(layout::with_bleed(&poster, bad).is_err(), "{bad}");
    }
    let dir = tempfile::tempdir().expect("a folder");
    std::fs::copy("samples/airline.toml", dir.path().join("map.toml")).expect("copy");
    let out = common::run_in(dir.path(), &["render", "map.toml", "--bleed", "-3", "-o", "a.pdf"], None);
    assert_eq!(common::code(&out), 2, "{}", common::stderr(&out));
    assert!(common::stderr(&out).contains("3 mm is usual"), "{}", common::stderr(&out));
}

/// The tile pages' windows on the poster, in poster page px: what each
/// page shows of it.
fn windows(tiles: &Document, poster: &Document) -> Vec<Rect> {
    let margin = Length::mm(TILE_MARGIN_MM).to_px();
    let t0 = poster.page().transform;
    tiles
        .pages
        .iter()
        .map(|p| {
            let x0 = t0.tx - p.transform.tx + margin;
            let y0 = t0.ty - p.transform.ty + margin;
            Rect::new(x0, y0, p.size.width - 2.0 * margin, p.size.height - 2.0 * margin)
        })
        .collect()
}

/// The vertical assembly ticks of a tile page, in the poster's frame
/// coordinates (which every tile shares), to 0.1 px: (x, ringed).
fn ticks(tiles: &Document, index: usize) -> Vec<(i64, bool)> {
    let page = &tiles.pages[index];
    let mut lines = Vec::new();
    let mut rings = Vec::new();
    page.frame.walk(&mut |at, item| {
        if let Item::Shape(shape) = item {
            if !shape.stroke.is_some_and(|s| s.role == journeymap::theme::Role::Registration) {
                return;
            }
            match shape.geometry {
                Geometry::Line { from, to } if (from.x - to.x).abs() < 1e-9 => {
                    lines.push((at.apply(from).x * 10.0).round() as i64);
                }
                Geometry::Circle { center, .. } => rings.push((at.apply(center).x * 10.0).round() as i64),
                _ => {}
            }
        }
    });
    lines.sort_unstable();
    lines.dedup();
    lines.into_iter().map(|x| (x, rings.contains(&x))).collect()
}

/// Whether a point of the tile page (page px) is drawn on: not paper.
fn inked(renderer: &Renderer, tiles: &Document, index: usize) -> tiny_skia::Pixmap {
    let format = OutputFormat::Png { resolution: journeymap::output::Resolution::Scale(1.0), transparent: false };
    let png = renderer.export_page(tiles, index, &Theme::classic(), &format).expect("PNG");
    tiny_skia::Pixmap::decode_png(&png).expect("a PNG")
}

#[test]
fn tiles_cover_the_poster_overlapping_with_ticks_that_meet() {
    let renderer = renderer();
    let poster = airline(&renderer);
    let tiles = renderer.tiles(&poster, Size::Paper(Paper::A4)).expect("tiles");
    // A2 landscape (594 × 420 mm) on A4 with 10 mm margins and 10 mm
    // overlap: 4 columns of portrait pages, 2 rows.
    assert_eq!(tiles.pages.len(), 8);
    for page in &tiles.pages {
        assert!((mm(page.size.width) - 210.0).abs() < 0.01 && (mm(page.size.height) - 297.0).abs() < 0.01);
    }
    let windows = windows(&tiles, &poster);
    // Every point of the poster is on some tile.
    let size = poster.page().size;
    for i in 0..=20 {
        for j in 0..=20 {
            let (x, y) = (size.width * f64::from(i) / 20.0, size.height * f64::from(j) / 20.0);
            assert!(
                windows
                    .iter()
                    .any(|w| x >= w.x - 1e-6 && x <= w.right() + 1e-6 && y >= w.y - 1e-6 && y <= w.bottom() + 1e-6),
                "({x:.0}, {y:.0}) is on no tile"
            );
        }
    }
    // Neighbours overlap by exactly the overlap.
    let overlap = Length::mm(TILE_OVERLAP_MM).to_px();
    assert!((windows[0].right() - windows[1].x - overlap).abs() < 1e-6);
    assert!((windows[0].bottom() - windows[4].y - overlap).abs() < 1e-6);
    // The first tile's ringed ticks stand where the second tile's cut
    // ticks do, on the poster: lay the cut edge on the rings.
    let (a, b) = (ticks(&tiles, 0), ticks(&tiles, 1));
    let ringed: Vec<i64> = a.iter().filter(|t| t.1).map(|t| t.0).collect();
    let cut: Vec<i64> = b.iter().filter(|t| !t.1).map(|t| t.0).collect();
    assert_eq!(ringed.len(), 1, "one ringed line on tile 1: {a:?}");
    assert_eq!(ringed, cut, "tile 1's ringed ticks are tile 2's cut line: {a:?} / {b:?}");
    let t0 = poster.page().transform;
    let seam = (windows[1].x - t0.tx) / t0.scale;
    assert!((ringed[0] as f64 / 10.0 - seam).abs() < 0.11, "the cut line is tile 2's window edge");
    // No mark inside what a tile shows: the assembled poster is clean.
    let margin = Length::mm(TILE_MARGIN_MM).to_px();
    let pixmap = inked(&renderer, &tiles, 0);
    let (x, top) = (ringed[0] as f64 / 10.0 * t0.scale - (t0.tx - tiles.pages[0].transform.tx), margin);
    let mark_at = |y: f64| pixmap.pixel(x.round() as u32, y as u32).map_or(255, |p| p.red());
    assert!(mark_at(top - 4.0) < 200, "a tick in the margin");
    for (i, page) in tiles.pages.iter().enumerate() {
        // What the tile shows of the poster: its window, cut at the
        // poster's edges.
        let poster_rect = page.transform.apply_rect(poster.page().view());
        let (x0, y0) = (margin.max(poster_rect.x), margin.max(poster_rect.y));
        let x1 = (page.size.width - margin).min(poster_rect.right());
        let y1 = (page.size.height - margin).min(poster_rect.bottom());
        let window = Rect::new(x0, y0, x1 - x0, y1 - y0);
        page.frame.walk(&mut |at, item| {
            if let Item::Shape(shape) = item
                && shape.stroke.is_some_and(|s| s.role == journeymap::theme::Role::Registration)
            {
                let r = page.transform.then(at).apply_rect(shape.bounds());
                assert!(!r.overlaps(&window), "tile {}: a mark at {r:?} is inside the poster", i + 1);
            }
        });
    }
    // A tile draws only what it shows: the last column (mostly past the
    // poster's edge) holds a fraction of the poster's lines.
    let lines = |frame: &layout::Frame| {
        let mut n = 0;
        frame.walk(&mut |_, item| n += usize::from(matches!(item, Item::Text(_))));
        n
    };
    let (whole, last) = (lines(&poster.page().frame), lines(&tiles.pages[3].frame));
    assert!(last * 4 < whole, "tile 4 draws {last} of the poster's {whole} lines");
    // Each page says where it goes.
    for (i, page) in tiles.pages.iter().enumerate() {
        let (r, c) = (i / 4 + 1, i % 4 + 1);
        let mut label = String::new();
        page.frame.walk(&mut |_, item| {
            if let Item::Text(t) = item
                && t.text().contains("row ")
            {
                label = t.text();
            }
        });
        assert!(label.contains(&format!("row {r}, column {c} of 2 × 4")), "page {}: {label:?}", i + 1);
    }
}

#[test]
fn the_tiles_print_as_one_pdf_with_their_labels_as_text() {
    use common::tools::{self, PDFINFO, PDFTOTEXT};
    if !tools::have(&[&PDFINFO, &PDFTOTEXT]) {
        return;
    }
    let dir = tempfile::tempdir().expect("a folder");
    std::fs::copy("samples/airline.toml", dir.path().join("map.toml")).expect("copy");
    let out =
        common::run_in(dir.path(), &["render", "map.toml", "--size", "A2", "--tile", "A4", "-o", "tiles.pdf"], None);
    assert_eq!(common::code(&out), 0, "{}", common::stderr(&out));
    let file = dir.path().join("tiles.pdf");
    let file = file.to_str().expect("path");
    let info = common::poppler("pdfinfo", &[file]);
    assert!(info.contains("Pages:           8"), "{info}");
    assert!(info.contains("(A4)"), "{info}");
    let third = common::poppler("pdftotext", &["-f", "3", "-l", "3", file, "-"]);
    assert!(third.contains("row 1, column 3 of 2 × 4"), "{third}");

    for (args, says) in [
        (vec!["--tile", "A4", "-o", "tiles.png"], "one PDF"),
        (vec!["--tile", "auto", "-o", "tiles.pdf"], "paper size"),
    ] {
        let mut all = vec!["render", "map.toml"];
        all.extend(args);
        let out = common::run_in(dir.path(), &all, None);
        assert_eq!(common::code(&out), 2, "{all:?}: {}", common::stderr(&out));
        assert!(common::stderr(&out).contains(says), "{all:?}: {}", common::stderr(&out));
    }
}

#[test]
fn a_poster_that_needs_too_many_tiles_is_refused() {
    let journey = common::journey("samples/airline.toml", include_str!("../samples/airline.toml"));
    let size: Size = "5000 x 5000 mm".parse().expect("a custom size");
    let renderer = Renderer::new(Fonts::embedded()).with_page(Options { size: Some(size), ..Default::default() });
    let poster = renderer.layout(&journey, &Theme::classic()).expect("a big poster");
    let err = renderer.tiles(&poster, Size::Paper(Paper::A6)).expect_err("too many");
    assert!(err.to_string().contains("larger paper"), "{err}");
}
