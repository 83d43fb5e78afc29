//! What the renderer produces (SPEC §4–§5): the same map gives
//! byte-identical SVG and PNG, whichever `Fonts` instance draws it; the PNG's
//! pixel size follows the resolution (DPI, scale, width); a request over 250
//! megapixels is refused before any pixel is allocated; `transparent`
//! leaves the page background out; and the four badges read apart in
//! greyscale — different shapes, and colours that differ in grey and stand
//! off the white glyphs drawn on them.

mod common;

use journeymap::layout::{self, Document as Poster, Options, Rect};
use journeymap::model::{Journey, Mark, Paper, Size};
use journeymap::output::{self, PngError, Resolution};
use journeymap::paint::{self, SvgOptions};
use journeymap::text::Fonts;
use journeymap::theme::{BUILTIN_NAMES, Color, Theme};

fn sample(name: &str) -> Journey {
    let text = std::fs::read_to_string(name).expect("a readable map");
    common::journey(name, &text)
}

fn poster(journey: &Journey, size: Option<Size>, fonts: &Fonts) -> Poster {
    layout::layout(journey, &Theme::classic(), fonts, &Options { size, orientation: None, ..Default::default() })
        .expect("layout")
}

fn svg(poster: &Poster, fonts: &Fonts, transparent: bool) -> String {
    paint::svg(poster, &Theme::classic(), fonts, SvgOptions { transparent, ..SvgOptions::default() })
}

/// The width and height in a PNG's IHDR chunk (bytes 16..24, big-endian),
/// after checking the signature and that the first chunk is IHDR.
fn png_size(png: &[u8]) -> (u32, u32) {
    assert!(png.len() > 24, "{} bytes is no PNG", png.len());
    assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n", "PNG signature");
    assert_eq!(&png[12..16], b"IHDR", "first chunk");
    let be = |i: usize| u32::from_be_bytes([png[i], png[i + 1], png[i + 2], png[i + 3]]);
    (be(16), be(20))
}

fn render_png(svg: &str, fonts: &Fonts, resolution: Resolution) -> Vec<u8> {
    output::png(svg, fonts, resolution).unwrap_or_else(|e| panic!("{resolution:?}: {e}"))
}

#[test]
fn the_same_map_gives_the_same_bytes_with_any_fonts_instance() {
    let journey = sample("samples/airline.toml");
    let (a, b) = (Fonts::embedded(), Fonts::embedded());
    let (poster_a, poster_b) = (poster(&journey, None, &a), poster(&journey, None, &b));
    assert_eq!(poster_a, poster_b, "layout");
    let (svg_a, svg_b) = (svg(&poster_a, &a, false), svg(&poster_b, &b, false));
    assert!(svg_a == svg_b, "the SVGs differ");
    assert!(svg_a == svg(&poster_a, &a, false), "the same instance paints differently twice");

    let resolution = Resolution::Scale(0.25);
    let png_a = render_png(&svg_a, &a, resolution);
    assert!(png_a == render_png(&svg_b, &b, resolution), "the PNGs differ between Fonts instances");
    assert!(png_a == render_png(&svg_a, &a, resolution), "the PNG differs on a second render");
    // Parsing the same map again changes nothing either.
    let again = sample("samples/airline.toml");
    assert!(svg(&poster(&again, None, &b), &b, false) == svg_a, "a re-parsed map paints differently");
}

#[test]
fn png_pixel_size_follows_the_resolution() {
    let journey = sample("tests/maps/valid/minimal.toml");
    let fonts = Fonts::embedded();
    // A4 landscape is 1122.52 × 793.7 CSS px: fractional, so rounding shows.
    let poster = poster(&journey, Some(Size::Paper(Paper::A4)), &fonts);
    let (w, h) = (poster.page().size.width, poster.page().size.height);
    assert!(w.fract() != 0.0 && h.fract() != 0.0, "{w}×{h}: pick a page with fractional px");
    let svg = svg(&poster, &fonts, false);
    let round = |v: f64| v.round() as u32;
    let cases = [
        (Resolution::Dpi(96.0), (round(w), round(h))),
        (Resolution::Dpi(150.0), (round(w * 150.0 / 96.0), round(h * 150.0 / 96.0))),
        (Resolution::Dpi(72.0), (round(w * 72.0 / 96.0), round(h * 72.0 / 96.0))),
        (Resolution::Scale(0.5), (round(w * 0.5), round(h * 0.5))),
        (Resolution::Scale(1.0), (round(w), round(h))),
        (Resolution::Width(800), (800, round(h * 800.0 / w))),
        (Resolution::Width(1), (1, 1)),
    ];
    for (resolution, want) in cases {
        let png = render_png(&svg, &fonts, resolution);
        assert_eq!(png_size(&png), want, "{resolution:?} of a {w}×{h} px page");
        let pixel = output::pixel_size(w, h, resolution);
        assert_eq!(pixel, Ok(want), "pixel_size agrees with the PNG");
    }
    // The default follows the page: 150 dpi on paper, one pixel per px on
    // a page sized in pixels.
    assert_eq!(Resolution::default(), Resolution::Natural);
    assert_eq!(Resolution::Natural.for_page(false), Resolution::Dpi(150.0));
    assert_eq!(Resolution::Natural.for_page(true), Resolution::Scale(1.0));
    assert_eq!(Resolution::Width(800).for_page(true), Resolution::Width(800));
    assert_eq!(output::pixel_size(w, h, Resolution::Natural), output::pixel_size(w, h, Resolution::Dpi(150.0)));
}

#[test]
fn bad_resolutions_are_refused() {
    let journey = sample("tests/maps/valid/minimal.toml");
    let fonts = Fonts::embedded();
    let svg = svg(&poster(&journey, None, &fonts), &fonts, false);
    for resolution in [
        Resolution::Dpi(0.0),
        Resolution::Dpi(-150.0),
        Resolution::Dpi(f64::NAN),
        Resolution::Dpi(f64::INFINITY),
        Resolution::Scale(0.0),
        Resolution::Width(0),
    ] {
        assert_eq!(output::png(&svg, &fonts, resolution), Err(PngError::BadResolution), "{resolution:?}");
    }
}

#[test]
fn over_250_megapixels_is_refused_before_rendering_with_advice() {
    let journey = sample("samples/airline.toml");
    let fonts = Fonts::embedded();
    let a0_poster = poster(&journey, Some(Size::Paper(Paper::A0)), &fonts);
    let page = a0_poster.page().size;
    let svg = svg(&a0_poster, &fonts, false);
    for resolution in [Resolution::Dpi(5000.0), Resolution::Scale(1e12), Resolution::Width(u32::MAX)] {
        let result = output::png(&svg, &fonts, resolution);
        let Err(e @ PngError::TooLarge { width, height, megapixels }) = &result else {
            panic!("{resolution:?}: {:?}", result.map(|b| b.len()))
        };
        assert!(megapixels > &250 && width.saturating_mul(*height) > output::MAX_PIXELS, "{e}");
        let message = e.to_string();
        assert!(message.contains(".pdf"), "{message}");
        assert!(message.contains("--dpi"), "{message}");
        // The refusal is the size check's, which looks at the page's size
        // alone: nothing was rendered (how fast it is: the
        // `refuse-oversized-png` benchmark in benches/pipeline.rs). The
        // size read back from the SVG is an f32: the same to 1 in 100,000.
        let Err(PngError::TooLarge { width: w, height: h, .. }) =
            output::pixel_size(page.width, page.height, resolution)
        else {
            panic!("{resolution:?}: the pixel size check lets {page:?} through")
        };
        let close = |a: u64, b: u64| a.abs_diff(b) as f64 <= a as f64 * 1e-5;
        assert!(close(w, *width) && close(h, *height), "{resolution:?}: {w} × {h} against {width} × {height}");
    }
    // Just under the limit is allowed (checked without rendering).
    let a0 = Size::Paper(Paper::A0).page_px(None).expect("a fixed page");
    let at_limit = ((output::MAX_PIXELS as f64 / (a0.0 * a0.1)).sqrt() * 0.999) * 96.0;
    assert!(output::pixel_size(a0.0, a0.1, Resolution::Dpi(at_limit)).is_ok());
    assert!(output::pixel_size(a0.0, a0.1, Resolution::Dpi(at_limit * 1.01)).is_err());
}

#[test]
fn a_poster_of_more_parts_than_usvg_reads_is_refused_at_once_with_advice() {
    let fonts = Fonts::embedded();
    let parts = output::MAX_PARTS + 1;
    let svg = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\">{}</svg>",
        "<rect width=\"1\" height=\"1\"/>".repeat(parts - 2)
    );
    // Refused by counting before usvg parses: the error is the count's.
    let result = output::png(&svg, &fonts, Resolution::Width(10));
    // The rectangles, and the root's opening and closing tags.
    assert_eq!(result, Err(PngError::TooManyParts { parts }));
    let message = result.err().map(|e| e.to_string()).unwrap_or_default();
    assert!(message.contains("split the journey") && message.contains(".svg"), "{message}");
    // One part fewer is read.
    let fewer = svg.replacen("<rect width=\"1\" height=\"1\"/>", "", 2);
    assert!(output::tree(&fewer, &fonts).is_ok());
}

#[test]
fn transparent_leaves_the_background_out_of_the_png() {
    let journey = sample("tests/maps/valid/minimal.toml");
    let fonts = Fonts::embedded();
    let poster = poster(&journey, None, &fonts);
    let background = Theme::classic().colors.background;
    for (transparent, alpha) in [(false, 255), (true, 0)] {
        let png = render_png(&svg(&poster, &fonts, transparent), &fonts, Resolution::Width(300));
        let pixmap = tiny_skia::Pixmap::decode_png(&png).expect("a PNG tiny-skia reads");
        let (w, h) = (pixmap.width(), pixmap.height());
        for (x, y) in [(0, 0), (w - 1, 0), (0, h - 1), (w - 1, h - 1)] {
            let p = pixmap.pixel(x, y).expect("a corner pixel");
            assert_eq!(p.alpha(), alpha, "transparent={transparent}: corner ({x}, {y})");
            if !transparent {
                let c = p.demultiply();
                assert_eq!((c.red(), c.green(), c.blue()), (background.r, background.g, background.b));
            }
        }
        // The poster itself is still drawn.
        assert!(pixmap.pixels().iter().any(|p| p.alpha() == 255), "transparent={transparent}: nothing drawn");
    }
}

/// Side of the square each badge is rasterised into.
const BADGE_PX: u32 = 96;

/// Rasterises the square `rect` (view units) of `tree` into a
/// `BADGE_PX`² pixmap.
fn rasterise(tree: &usvg::Tree, poster: &Poster, rect: Rect) -> tiny_skia::Pixmap {
    let mut pixmap = tiny_skia::Pixmap::new(BADGE_PX, BADGE_PX).expect("a small pixmap");
    // The tree is in page px; view px × scale = page px.
    let scale = poster.page().transform.scale;
    let k = (f64::from(BADGE_PX) / (rect.width * scale)) as f32;
    let (dx, dy) = ((-rect.x * scale) as f32 * k, (-rect.y * scale) as f32 * k);
    resvg::render(tree, tiny_skia::Transform::from_row(k, 0.0, 0.0, k, dx, dy), &mut pixmap.as_mut());
    pixmap
}

/// The badge's ink as a greyscale printer would show it: opaque pixels
/// darker than the white glyph.
fn ink(pixmap: &tiny_skia::Pixmap) -> Vec<bool> {
    pixmap
        .pixels()
        .iter()
        .map(|p| {
            let c = p.demultiply();
            let grey = Color { r: c.red(), g: c.green(), b: c.blue() }.grey();
            p.alpha() >= 128 && grey < 200.0
        })
        .collect()
}

fn intersection_over_union(a: &[bool], b: &[bool]) -> f64 {
    let both = a.iter().zip(b).filter(|(x, y)| **x && **y).count();
    let either = a.iter().zip(b).filter(|(x, y)| **x || **y).count();
    both as f64 / either.max(1) as f64
}

#[test]
fn the_four_badges_differ_in_shape() {
    let journey = sample("samples/airline.toml");
    let fonts = Fonts::embedded();
    let poster = poster(&journey, None, &fonts);
    // Transparent, so only what is drawn is ink.
    let tree = output::tree(&svg(&poster, &fonts, true), &fonts).expect("usvg reads our SVG");
    let legend = poster.find("legend").expect("a legend").bounds;
    // A badge's square: as wide as its drawing, centred on it.
    let badges: Vec<(Mark, Rect)> = poster
        .boxes()
        .iter()
        .filter(|b| legend.contains(&b.bounds))
        .filter_map(|b| {
            let mark = Mark::ALL.into_iter().find(|m| b.tag.class == format!("badge {}", m.as_str()))?;
            let c = b.bounds.center();
            let side = b.bounds.width;
            Some((mark, Rect::new(c.x - side / 2.0, c.y - side / 2.0, side, side)))
        })
        .collect();
    let marks: Vec<Mark> = badges.iter().map(|(m, _)| *m).collect();
    assert_eq!(marks, Mark::ALL, "the legend shows each mark once, in order");

    let colors = Theme::classic().colors;
    let mut masks = Vec::new();
    for (mark, rect) in &badges {
        assert!((rect.width - rect.height).abs() < 1e-9, "{mark:?} badge is not square");
        let pixmap = rasterise(&tree, &poster, *rect);
        let mask = ink(&pixmap);
        let share = mask.iter().filter(|x| **x).count() as f64 / mask.len() as f64;
        assert!((0.2..0.9).contains(&share), "{mark:?}: ink covers {share:.2} of its square");
        // The ink is the mark's colour: its most common pixel.
        let want = match mark {
            Mark::Essential => colors.essential,
            Mark::Strength => colors.strength,
            Mark::Pain => colors.pain,
            Mark::WouldPay => colors.would_pay,
        };
        let exact = pixmap
            .pixels()
            .iter()
            .filter(|p| p.alpha() == 255)
            .map(|p| p.demultiply())
            .filter(|c| (c.red(), c.green(), c.blue()) == (want.r, want.g, want.b))
            .count();
        assert!(exact as f64 > 0.5 * share * mask.len() as f64, "{mark:?} is not drawn in {want}");
        // And there is a glyph: white pixels inside the badge.
        let glyph = pixmap.pixels().iter().filter(|p| p.alpha() == 255 && p.demultiply().red() > 240).count();
        assert!(glyph > 30, "{mark:?} has no visible glyph ({glyph} px)");
        masks.push((mark, mask));
    }
    for (i, (a, mask_a)) in masks.iter().enumerate() {
        for (b, mask_b) in &masks[i + 1..] {
            let iou = intersection_over_union(mask_a, mask_b);
            assert!(iou < 0.85, "{a:?} and {b:?} look alike in greyscale: IoU {iou:.2}");
        }
    }
}

#[test]
fn badge_colours_differ_in_grey_and_carry_white_glyphs_in_every_builtin_theme() {
    assert!(!BUILTIN_NAMES.is_empty());
    for name in BUILTIN_NAMES {
        let theme = Theme::named(name).unwrap_or_else(|| panic!("built-in theme {name} loads"));
        let c = &theme.colors;
        let badges =
            [("essential", c.essential), ("strength", c.strength), ("pain", c.pain), ("would-pay", c.would_pay)];
        for (i, (a, ca)) in badges.iter().enumerate() {
            // The glyph is drawn in the surface colour on the badge.
            let contrast = ca.contrast(c.surface);
            assert!(contrast >= 3.0, "{name}: {a} {ca} against surface {}: {contrast:.2}:1", c.surface);
            for (b, cb) in &badges[i + 1..] {
                let diff = (ca.grey() - cb.grey()).abs();
                assert!(diff >= 20.0, "{name}: {a} {ca} and {b} {cb} differ by {diff:.1} grey levels");
            }
        }
    }
}

/// SPEC §5: the used faces travel inside the SVG, cut down to the glyphs
/// drawn, so a browser draws the text with the fonts it was measured with;
/// usvg ignores them, so the PNG is the same either way.
#[test]
fn the_svg_carries_a_subset_of_each_face_it_uses() {
    use base64::Engine;
    let journey = sample("samples/airline.toml");
    let fonts = Fonts::embedded();
    let poster = poster(&journey, None, &fonts);
    let with = paint::svg(&poster, &Theme::classic(), &fonts, SvgOptions::default());
    let without =
        paint::svg(&poster, &Theme::classic(), &fonts, SvgOptions { embed_fonts: false, ..SvgOptions::default() });
    assert!(with.len() <= 250 * 1024, "the airline SVG is {} bytes, over 250 KB", with.len());

    // Every character each face draws, and a kerned line of it.
    let mut drawn: std::collections::BTreeMap<journeymap::text::FaceId, String> = Default::default();
    poster.page().frame.walk(&mut |_, item| {
        if let journeymap::layout::Item::Text(line) = item {
            for run in &line.runs {
                let text = drawn.entry(run.face).or_default();
                text.push_str(&run.text);
                text.push('\n');
            }
        }
    });
    let used = paint::faces(poster.page());
    assert_eq!(used.len(), 3, "the airline poster uses Regular, Bold and Italic");
    assert_eq!(with.matches("@font-face").count(), used.len());
    for id in used {
        let face = fonts.face(id).expect("a face of this set");
        let style = if face.italic { "italic" } else { "normal" };
        let head = format!(
            "font-family: 'Inter'; font-weight: {}; font-style: {style}; src: url(data:font/ttf;base64,",
            face.weight
        );
        let start = with.find(&head).unwrap_or_else(|| panic!("no rule for {face:?}")) + head.len();
        let end = start + with[start..].find(')').expect("the url ends");
        let data = base64::engine::general_purpose::STANDARD.decode(&with[start..end]).expect("valid base64");
        assert!(data.len() * 4 < face.data().len(), "{face:?}: a subset, {} bytes", data.len());
        let subset = rustybuzz::Face::from_slice(&data, 0).expect("the subset is a font");
        let whole = rustybuzz::Face::from_slice(face.data(), face.index()).expect("the face");
        let text = &drawn[&id];
        for c in text.chars().filter(|c| whole.glyph_index(*c).is_some()) {
            assert!(subset.glyph_index(c).is_some(), "{face:?}: {c:?} is drawn but not embedded");
        }
        // The browser shapes with the subset: the same advances, kerning
        // and contextual forms included, as the whole face gave.
        // Line by line, the browser picks the glyphs the layout picked: with
        // the subset's GSUB when it kept one, else each character's plain
        // glyph (told apart by advance and outline box). Positions come
        // from the SVG, not from the font.
        let glyphs = |f: &rustybuzz::Face<'_>, line: &str, gsub: bool| {
            let id = |g: u32| rustybuzz::ttf_parser::GlyphId(g as u16);
            let ids: Vec<u32> = if gsub {
                let mut buffer = rustybuzz::UnicodeBuffer::new();
                buffer.push_str(line);
                rustybuzz::shape(f, &[], buffer).glyph_infos().iter().map(|i| i.glyph_id).collect()
            } else {
                line.chars().map(|c| f.glyph_index(c).map_or(0, |g| u32::from(g.0))).collect()
            };
            ids.into_iter().map(|g| (f.glyph_hor_advance(id(g)), f.glyph_bounding_box(id(g)))).collect::<Vec<_>>()
        };
        let gsub = subset.tables().gsub.is_some();
        assert!(subset.tables().gpos.is_none(), "{face:?}: positions are the SVG's, not GPOS's");
        let mut plain = 0;
        for line in text.split('\n') {
            let (browser, layout) = (glyphs(&subset, line, gsub), glyphs(&whole, line, true));
            if gsub {
                assert_eq!(browser, layout, "{face:?}: {line:?} shaped alike");
            } else {
                assert_eq!(browser.len(), layout.len(), "{face:?}: {line:?} one glyph a character");
                plain += browser.iter().zip(&layout).filter(|(a, b)| a != b).count();
            }
        }
        // Without GSUB only contextual forms (a raised colon or hyphen) are lost.
        assert!(plain <= 8, "{face:?}: {plain} contextual forms drawn plain");
    }
    assert!(!without.contains("<style") && !without.contains("@font-face"));

    // usvg skips the @font-face rules, and each character is placed where
    // the plain SVG's shaping put it: the same picture. (usvg shapes each
    // placed character alone, so a contextual form, such as the colon
    // raised between digits, may fall back to its plain glyph.)
    let decode = |svg: &str| {
        let png = render_png(svg, &fonts, Resolution::Width(1200));
        tiny_skia::Pixmap::decode_png(&png).expect("a PNG").data().to_vec()
    };
    let (with, without) = (decode(&with), decode(&without));
    let differ = with
        .chunks(4)
        .zip(without.chunks(4))
        .filter(|(a, b)| a.iter().zip(*b).any(|(x, y)| x.abs_diff(*y) > 64))
        .count();
    eprintln!("{differ} of {} pixels differ", with.len() / 4);
    assert!(differ * 10_000 < with.len() / 4, "{differ} of {} pixels differ", with.len() / 4);
}

/// Walks a PNG's chunks: (type, data).
fn chunks(png: &[u8]) -> Vec<(String, Vec<u8>)> {
    let mut out = Vec::new();
    let mut at = 8;
    while at + 8 <= png.len() {
        let len = u32::from_be_bytes([png[at], png[at + 1], png[at + 2], png[at + 3]]) as usize;
        let kind = String::from_utf8_lossy(&png[at + 4..at + 8]).into_owned();
        out.push((kind, png[at + 8..(at + 8 + len).min(png.len())].to_vec()));
        at += 12 + len;
    }
    out
}

#[test]
fn the_png_records_its_resolution_and_title() {
    let journey = sample("samples/airline.toml");
    let renderer = journeymap::render::Renderer::new(Fonts::embedded());
    let theme = Theme::classic();
    let doc = renderer.layout(&journey, &theme).expect("layout");
    for (dpi, expected) in [(150.0, 5906), (300.0, 11811)] {
        let format = journeymap::render::OutputFormat::Png { resolution: Resolution::Dpi(dpi), transparent: false };
        let png = renderer.export(&doc, &theme, &format).expect("png");
        let chunks = chunks(&png);
        let phys = chunks.iter().find(|(k, _)| k == "pHYs").expect("a pHYs chunk");
        let ppm = u32::from_be_bytes([phys.1[0], phys.1[1], phys.1[2], phys.1[3]]);
        assert!((i64::from(ppm) - expected).abs() <= 2, "{dpi} dpi is {expected} dots per metre, not {ppm}");
        assert_eq!(phys.1[8], 1, "the unit is the metre");
        let title = chunks.iter().find(|(k, _)| k == "iTXt").expect("an iTXt chunk");
        assert!(title.1.starts_with(b"Title\0") && title.1.ends_with(b"Flying Nordic Air"), "{:?}", title.1);
    }
}

/// The image data of a PNG, inflated by zlib-rs, which checks the Adler-32
/// that the bands' sums were combined into; then unfiltered.
fn pixels(png: &[u8]) -> (u32, u32, usize, Vec<u8>) {
    use std::io::Read;
    let (w, h) = png_size(png);
    let chunks = chunks(png);
    let ihdr = &chunks[0].1;
    let bpp = match ihdr[9] {
        2 => 3,
        6 => 4,
        other => panic!("colour type {other}"),
    };
    let idat: Vec<u8> = chunks.iter().filter(|(k, _)| k == "IDAT").flat_map(|(_, d)| d.clone()).collect();
    let mut raw = Vec::new();
    flate2::read::ZlibDecoder::new(idat.as_slice()).read_to_end(&mut raw).expect("a zlib stream whose checksum holds");
    let stride = w as usize * bpp;
    assert_eq!(raw.len(), (stride + 1) * h as usize, "one filter byte and one row per line");
    let mut out = vec![0u8; stride * h as usize];
    for y in 0..h as usize {
        let line = &raw[y * (stride + 1)..(y + 1) * (stride + 1)];
        for x in 0..stride {
            let left = if x >= bpp { out[y * stride + x - bpp] } else { 0 };
            let up = if y > 0 { out[(y - 1) * stride + x] } else { 0 };
            out[y * stride + x] = match line[0] {
                0 => line[1 + x],
                1 => line[1 + x].wrapping_add(left),
                2 => line[1 + x].wrapping_add(up),
                f => panic!("filter {f} is not written by journeymap"),
            };
        }
    }
    (w, h, bpp, out)
}

#[test]
fn the_banded_png_is_the_whole_picture_and_the_same_on_any_number_of_threads() {
    let journey = sample("samples/airline.toml");
    let renderer = journeymap::render::Renderer::new(Fonts::embedded());
    let theme = Theme::classic();
    let doc = renderer.layout(&journey, &theme).expect("layout");
    // 1,400 px wide: about 990 rows, four bands, the last one short.
    let format = journeymap::render::OutputFormat::Png { resolution: Resolution::Width(1400), transparent: false };
    let on = |threads: usize| {
        let pool = rayon::ThreadPoolBuilder::new().num_threads(threads).build().expect("a pool");
        pool.install(|| renderer.export(&doc, &theme, &format).expect("png"))
    };
    let one = on(1);
    assert!(one == on(2) && one == on(3), "the bytes depend on the number of threads");
    let (w, h, bpp, banded) = pixels(&one);
    assert_eq!(bpp, 3, "an opaque poster is stored as RGB");
    assert!(h > 3 * output::BAND_ROWS, "{h} rows: too few bands to test");

    // The same tree drawn whole, in one pixmap, as resvg's CLI would.
    let svg = paint::svg(&doc, &theme, renderer.fonts(), SvgOptions::default());
    let tree = output::tree(&svg, renderer.fonts()).expect("tree");
    let mut whole = tiny_skia::Pixmap::new(w, h).expect("pixmap");
    let (sx, sy) = (w as f32 / tree.size().width(), h as f32 / tree.size().height());
    resvg::render(&tree, tiny_skia::Transform::from_scale(sx, sy), &mut whole.as_mut());
    let mut differ = 0;
    for (i, p) in whole.pixels().iter().enumerate() {
        let c = p.demultiply();
        let d = [c.red(), c.green(), c.blue()].iter().zip(&banded[i * 3..i * 3 + 3]).map(|(a, b)| a.abs_diff(*b)).max();
        if d.unwrap_or(0) > 16 {
            differ += 1;
        }
    }
    // Bands shift the geometry by whole rows, which can move an
    // antialiased edge's rounding, never a shape.
    let share = f64::from(differ) / f64::from(w * h);
    assert!(share < 5e-4, "{differ} of {} pixels differ visibly", w * h);

    // A transparent poster keeps its alpha channel, unpremultiplied.
    let clear = journeymap::render::OutputFormat::Png { resolution: Resolution::Width(400), transparent: true };
    let (_, _, bpp, rgba) = pixels(&renderer.export(&doc, &theme, &clear).expect("png"));
    assert_eq!(bpp, 4);
    assert_eq!(rgba[3], 0, "the corner is clear");
    assert!(rgba.chunks(4).any(|p| p[3] == 255), "the poster is drawn");
}

#[test]
fn text_as_paths_draws_the_same_poster_without_any_font() {
    let journey = sample("samples/airline.toml");
    let fonts = Fonts::embedded();
    let poster = poster(&journey, None, &fonts);
    let theme = Theme::classic();
    let text = paint::svg(&poster, &theme, &fonts, SvgOptions { embed_fonts: false, ..SvgOptions::default() });
    let paths = paint::svg(&poster, &theme, &fonts, SvgOptions { text_as_paths: true, ..SvgOptions::default() });
    assert!(!paths.contains("<text") && !paths.contains("@font-face"), "no text, no font");
    assert!(paths.contains("aria-label=\"Flying Nordic Air\""), "each line keeps its words");
    // Drawn by usvg with no font at all, the outlines are the text as
    // drawn with the fonts.
    let no_fonts =
        usvg::Options { fontdb: std::sync::Arc::new(usvg::fontdb::Database::new()), ..usvg::Options::default() };
    let outlined = usvg::Tree::from_str(&paths, &no_fonts).expect("the outlined SVG");
    let written = output::tree(&text, &fonts).expect("the text SVG");
    let draw = |tree: &usvg::Tree| {
        let (w, h) = (1200, (1200.0 * tree.size().height() / tree.size().width()) as u32);
        let mut pixmap = tiny_skia::Pixmap::new(w, h).expect("pixmap");
        let s = w as f32 / tree.size().width();
        resvg::render(tree, tiny_skia::Transform::from_scale(s, s), &mut pixmap.as_mut());
        pixmap
    };
    let (a, b) = (draw(&outlined), draw(&written));
    let ink = a.pixels().iter().filter(|p| p.red() < 128).count();
    let differ = a
        .pixels()
        .iter()
        .zip(b.pixels())
        .filter(|(p, q)| {
            p.red().abs_diff(q.red()).max(p.green().abs_diff(q.green())).max(p.blue().abs_diff(q.blue())) > 64
        })
        .count();
    assert!(ink > 10_000, "the outlines draw: {ink} dark pixels");
    assert!(differ * 1000 < a.pixels().len(), "{differ} pixels differ");
}
