//! The self-contained SVG in a real browser: headless Chromium, on a machine
//! without Inter, draws the SVG file as the PNG shows it, because the SVG
//! carries the subset faces it was measured with.
//!
//! Each sample is rendered to SVG and to a PNG of the same pixel size
//! (`--scale 1`); Chromium opens the SVG file in a window of that size and
//! the screenshot is compared with the PNG. The tolerance is stated in
//! [`Tolerance`]: antialiasing differs between Skia and tiny-skia, so
//! pixels may differ slightly everywhere, but no region may differ as a
//! wrong font, a missing glyph or a shifted line makes it differ. The same
//! comparison is run on an SVG without fonts to prove that it catches a
//! browser drawing the text with another font.
//!
//! Needs Debian's `chromium` and `chromium-driver`; without them it says
//! so and skips (see `common/tools.rs`).

use std::path::Path;
use std::process::Command;

#[path = "common/browser.rs"]
mod browser;
use browser::Browser;

/// An image as 8-bit RGBA rows.
struct Image {
    width: usize,
    height: usize,
    rgba: Vec<u8>,
}

fn decode(bytes: &[u8]) -> Image {
    let mut decoder = png::Decoder::new(std::io::Cursor::new(bytes));
    decoder.set_transformations(png::Transformations::EXPAND | png::Transformations::STRIP_16);
    let mut reader = decoder.read_info().expect("a PNG");
    let mut buffer = vec![0; reader.output_buffer_size().expect("a sane size")];
    let info = reader.next_frame(&mut buffer).expect("its pixels");
    let (width, height) = (info.width as usize, info.height as usize);
    let channels = info.color_type.samples();
    let mut rgba = Vec::with_capacity(width * height * 4);
    for px in buffer[..info.buffer_size()].chunks_exact(channels) {
        match channels {
            1 => rgba.extend([px[0], px[0], px[0], 255]),
            2 => rgba.extend([px[0], px[0], px[0], px[1]]),
            3 => rgba.extend([px[0], px[1], px[2], 255]),
            _ => rgba.extend(&px[..4]),
        }
    }
    Image { width, height, rgba }
}

/// How far a browser's picture may be from the PNG.
///
/// A pixel *differs* when a channel is more than [`Tolerance::PIXEL`] apart:
/// antialiased edges rarely are, a glyph drawn in another font is. The
/// picture is cut into 32 px squares; in none may more than
/// [`Tolerance::SQUARE`] of the pixels differ, and over the whole picture no
/// more than [`Tolerance::WHOLE`].
struct Tolerance;

impl Tolerance {
    const PIXEL: u8 = 96;
    const SQUARE_SIDE: usize = 32;
    const SQUARE: f64 = 0.15;
    const WHOLE: f64 = 0.01;
}

/// What a comparison found.
#[derive(Debug)]
struct Difference {
    /// The share of all pixels that differ.
    whole: f64,
    /// The largest share of differing pixels in one square, and where it is.
    worst_square: f64,
    worst_at: (usize, usize),
}

impl Difference {
    fn within_tolerance(&self) -> bool {
        self.whole <= Tolerance::WHOLE && self.worst_square <= Tolerance::SQUARE
    }
}

fn compare(shot: &Image, png: &Image) -> Difference {
    assert_eq!((shot.width, shot.height), (png.width, png.height), "the screenshot has the PNG's size");
    let side = Tolerance::SQUARE_SIDE;
    let columns = png.width.div_ceil(side);
    let mut squares = vec![0usize; columns * png.height.div_ceil(side)];
    let mut differ = 0usize;
    for y in 0..png.height {
        for x in 0..png.width {
            let i = (y * png.width + x) * 4;
            let far = (0..3).any(|c| shot.rgba[i + c].abs_diff(png.rgba[i + c]) > Tolerance::PIXEL);
            if far {
                differ += 1;
                squares[(y / side) * columns + x / side] += 1;
            }
        }
    }
    let (index, worst) = squares.iter().enumerate().max_by_key(|(_, n)| **n).map(|(i, n)| (i, *n)).unwrap_or((0, 0));
    Difference {
        whole: differ as f64 / (png.width * png.height) as f64,
        worst_square: worst as f64 / (side * side) as f64,
        worst_at: ((index % columns) * side, (index / columns) * side),
    }
}

fn render(map: &Path, out: &Path, extra: &[&str]) {
    let status = Command::new(env!("CARGO_BIN_EXE_journeymap"))
        .arg("render")
        .arg(map)
        .arg("-o")
        .arg(out)
        .args(extra)
        .stderr(std::process::Stdio::null())
        .status()
        .expect("journeymap runs");
    assert!(status.success(), "render {} {extra:?}", map.display());
}

fn file_url(path: &Path) -> String {
    format!("file://{}", path.display())
}

#[test]
fn the_svg_in_a_browser_without_inter_looks_like_the_png() {
    let dir = tempfile::tempdir().expect("a folder");
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    // One window size for all: every sample at A2 landscape is 2245 × 1587 px.
    let (width, height) = (2245, 1587);
    let Some(browser) = Browser::start_sized(&dir.path().join("profile"), width, height) else { return };
    let viewport = browser.run("return [window.innerWidth, window.innerHeight];");
    assert_eq!(viewport, serde_json::json!([width, height]), "the window is the poster's size");

    // The samples, and maps with long German compounds (hyphenated) and
    // Polish diacritics.
    let maps = ["samples/airline", "samples/saas-onboarding", "samples/clinic-visit"]
        .into_iter()
        .chain(["tests/maps/valid/german-energy", "tests/maps/valid/polish-insurance"]);
    for path in maps {
        let map = root.join(format!("{path}.toml"));
        let name = path.rsplit('/').next().unwrap_or(path);
        let svg = dir.path().join(format!("{name}.svg"));
        let png = dir.path().join(format!("{name}.png"));
        let bare = dir.path().join(format!("{name}-no-fonts.svg"));
        let args = ["--size", "A2", "--orientation", "landscape"];
        render(&map, &svg, &args);
        render(&map, &png, &[&args[..], &["--scale", "1"]].concat());
        render(&map, &bare, &[&args[..], &["--no-embed-fonts"]].concat());
        let expected = decode(&std::fs::read(&png).expect("the PNG"));
        assert_eq!((expected.width, expected.height), (width as usize, height as usize), "{name} at A2");

        browser.open(&file_url(&svg));
        browser.wait_for_fonts();
        let faces = browser.run("return document.fonts.size;");
        let rules = std::fs::read_to_string(&svg).expect("the SVG").matches("@font-face").count();
        assert_eq!(faces, serde_json::json!(rules), "{name}: every embedded face is loaded");
        let shot = decode(&browser.screenshot());
        let found = compare(&shot, &expected);
        eprintln!("{name}: with its fonts {found:?}");
        if !found.within_tolerance() {
            let keep = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("{name}-browser.png"));
            let _ = std::fs::write(&keep, browser.screenshot());
            let (x, y) = found.worst_at;
            panic!(
                "{name}: the browser's picture ({}) is not the PNG's, worst at x {x}, y {y}: {found:?}",
                keep.display()
            );
        }

        // The check can fail: the same SVG without its fonts is drawn in
        // the browser's fallback font, and that is caught.
        browser.open(&file_url(&bare));
        browser.wait_for_fonts();
        let fallback = compare(&decode(&browser.screenshot()), &expected);
        eprintln!("{name}: without fonts {fallback:?}");
        assert!(!fallback.within_tolerance(), "{name}: a fallback font passed the comparison: {fallback:?}");
    }
}

#[test]
fn the_comparison_sees_a_shifted_line() {
    // A synthetic check of the checker: a picture against itself passes, and
    // against a copy with one band of "text" moved by 3 px does not.
    let (width, height) = (256, 128);
    let mut rgba = vec![255u8; width * height * 4];
    for y in 40..52 {
        for x in (20..200).filter(|x| x % 4 < 2) {
            let i = (y * width + x) * 4;
            rgba[i..i + 3].copy_from_slice(&[20, 20, 20]);
        }
    }
    let picture = Image { width, height, rgba: rgba.clone() };
    let same = Image { width, height, rgba: rgba.clone() };
    assert!(compare(&same, &picture).within_tolerance());
    let mut moved = vec![255u8; width * height * 4];
    for y in 0..height {
        for x in 3..width {
            let (from, to) = ((y * width + x - 3) * 4, (y * width + x) * 4);
            moved[to..to + 4].copy_from_slice(&rgba[from..from + 4]);
        }
    }
    let shifted = Image { width, height, rgba: moved };
    assert!(!compare(&shifted, &picture).within_tolerance());
}
