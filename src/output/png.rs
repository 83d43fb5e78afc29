//! SVG → PNG with resvg, using exactly the fonts the text was measured with.

use crate::text::Fonts;

/// The largest PNG rendered, in pixels (250 megapixels, 1 GB of RGBA).
pub const MAX_PIXELS: u64 = 250_000_000;

/// CSS px per inch: the SVG's width and height are CSS px.
const CSS_DPI: f64 = 96.0;

/// How many pixels a PNG gets.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub enum Resolution {
    /// Dots per inch at the poster's physical size (150 by default).
    Dpi(f64),
    /// A multiple of the SVG's size in CSS px.
    Scale(f64),
    /// An exact width in pixels; the height follows the aspect ratio.
    Width(u32),
    /// What the page asks for: one pixel per px on a page sized in pixels
    /// (`Slide`, `"1920x1080px"`), 150 dpi on paper. A render request
    /// settles it from the page ([`Resolution::for_page`]); left
    /// unsettled it is 150 dpi.
    #[default]
    Natural,
}

impl Resolution {
    /// The resolution a page gets: [`Resolution::Natural`] settled by
    /// whether the page is sized in pixels; any other is kept.
    pub fn for_page(self, in_pixels: bool) -> Resolution {
        match self {
            Resolution::Natural if in_pixels => Resolution::Scale(1.0),
            Resolution::Natural => Resolution::Dpi(150.0),
            other => other,
        }
    }
}

/// Why a PNG could not be made.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum PngError {
    /// The resolution is zero, negative, not a number, or so low that the
    /// image would be under a pixel a side.
    #[error("the resolution must be a positive number that gives an image of at least one pixel")]
    BadResolution,
    /// The image would exceed [`MAX_PIXELS`].
    #[error(
        "a {width}×{height} px PNG is {megapixels} megapixels, over the 250 megapixel limit; \
         lower --dpi, --scale or --width, or render .svg or .pdf, which print sharp at any size"
    )]
    TooLarge {
        /// The width asked for.
        width: u64,
        /// The height asked for.
        height: u64,
        /// Their product in millions.
        megapixels: u64,
    },
    /// The page, judged before its layout from a lower bound of its size,
    /// would make a PNG over [`MAX_PIXELS`] at this resolution.
    #[error(
        "the PNG would be at least {width}×{height} px, {megapixels} megapixels, over the 250 megapixel limit; \
         lower --dpi or --scale, give a --width, or render .svg or .pdf, which print sharp at any size"
    )]
    AtLeastTooLarge {
        /// The width at least, in pixels.
        width: u64,
        /// The height at least, in pixels.
        height: u64,
        /// Their product in millions.
        megapixels: u64,
    },
    /// The poster has more parts than usvg reads (a million nodes).
    #[error(
        "the poster has {parts} parts (shapes and lines of text), more than the {MAX_PARTS} that PNG and PDF \
         output can draw; split the journey into several maps, or render .svg"
    )]
    TooManyParts {
        /// The number of parts, counted as tags in the SVG.
        parts: usize,
    },
    /// usvg could not read the SVG (not expected for our own output).
    #[error("cannot read the SVG: {0}")]
    Svg(String),
    /// PNG encoding failed.
    #[error("cannot encode the PNG: {0}")]
    Encode(String),
}

/// Parses SVG text into a usvg tree with the given fonts and no others.
///
/// # Errors
/// [`PngError::Svg`] if the text is not SVG usvg can read.
pub fn tree(svg: &str, fonts: &Fonts) -> Result<usvg::Tree, PngError> {
    // usvg stops at a million nodes, after seconds of parsing and a GB of
    // memory, with "nodes limit reached". Every node starts with a tag, so
    // counting `<` (text holds only `&lt;`) finds such a poster at once.
    let parts = tags(svg);
    if parts > MAX_PARTS {
        return Err(PngError::TooManyParts { parts });
    }
    let options = usvg::Options { fontdb: fonts.database(), ..usvg::Options::default() };
    usvg::Tree::from_str(svg, &options).map_err(|e| PngError::Svg(e.to_string()))
}

/// The most tags an SVG may have for PNG and PDF output: usvg's limit is a
/// million nodes, and an element and its text are a node each.
pub const MAX_PARTS: usize = 1_000_000;

fn tags(svg: &str) -> usize {
    svg.bytes().filter(|&b| b == b'<').count()
}

/// The pixel size of a PNG of a `width`×`height` CSS px page.
///
/// # Errors
/// A bad resolution, or more than [`MAX_PIXELS`].
pub fn pixel_size(width: f64, height: f64, resolution: Resolution) -> Result<(u32, u32), PngError> {
    let factor = match resolution {
        Resolution::Dpi(dpi) => dpi / CSS_DPI,
        Resolution::Natural => 150.0 / CSS_DPI,
        Resolution::Scale(s) => s,
        Resolution::Width(w) => f64::from(w) / width,
    };
    if !(factor.is_finite() && factor > 0.0) {
        return Err(PngError::BadResolution);
    }
    // Under a pixel both ways is no image: say so rather than write a dot.
    if (width * factor).max(height * factor) < 0.5 {
        return Err(PngError::BadResolution);
    }
    let w = (width * factor).round().max(1.0);
    let h = (height * factor).round().max(1.0);
    // Checked in floating point first: a huge factor must not overflow.
    if w * h > MAX_PIXELS as f64 || w > f64::from(u32::MAX) || h > f64::from(u32::MAX) {
        let (w, h) = (w.min(u64::MAX as f64) as u64, h.min(u64::MAX as f64) as u64);
        return Err(PngError::TooLarge { width: w, height: h, megapixels: w.saturating_mul(h) / 1_000_000 });
    }
    Ok((w as u32, h as u32))
}

/// What a PNG holds besides its pixels, and how they are stored.
#[derive(Debug, Clone, Copy, Default)]
pub struct PngSettings<'a> {
    /// The pixel size.
    pub resolution: Resolution,
    /// The image's title, written in an `iTXt` chunk.
    pub title: Option<&'a str>,
    /// The image covers every pixel (a poster with its background): it is
    /// stored as RGB, a quarter less data to filter and compress. Anything
    /// left uncovered is shown over white.
    pub opaque: bool,
}

/// Rasterises SVG text to PNG bytes. The size check happens before any
/// pixel memory is allocated.
///
/// # Errors
/// See [`PngError`].
pub fn png(svg: &str, fonts: &Fonts, resolution: Resolution) -> Result<Vec<u8>, PngError> {
    png_with(svg, fonts, &PngSettings { resolution, ..PngSettings::default() })
}

/// [`png()`], with the image's title in an `iTXt` chunk. Either way the
/// file records its resolution in `pHYs`, so print software sizes it as
/// the poster it is.
///
/// # Errors
/// See [`PngError`].
pub fn png_titled(svg: &str, fonts: &Fonts, resolution: Resolution, title: Option<&str>) -> Result<Vec<u8>, PngError> {
    png_with(svg, fonts, &PngSettings { resolution, title, opaque: false })
}

/// Rasterises SVG text to PNG bytes with every setting named.
///
/// The image is drawn and compressed in bands of [`BAND_ROWS`] rows on
/// all cores; the whole pixmap never exists, so memory stays a few bands
/// whatever the image's size. The bands are fixed by the image, not by the
/// number of threads, so the bytes are the same on any machine.
///
/// # Errors
/// See [`PngError`].
pub fn png_with(svg: &str, fonts: &Fonts, settings: &PngSettings<'_>) -> Result<Vec<u8>, PngError> {
    let tree = tree(svg, fonts)?;
    let size = tree.size();
    let (w, h) = pixel_size(f64::from(size.width()), f64::from(size.height()), settings.resolution)?;
    let channels = if settings.opaque { Channels::Rgb } else { Channels::Rgba };
    // Each axis is scaled to its whole number of pixels, as resvg's CLI
    // does: the distortion is under half a pixel over the whole poster, and
    // one uniform factor would leave the last row or column half covered.
    let scale = tiny_skia::Transform::from_scale(w as f32 / size.width(), h as f32 / size.height());
    let raster = Raster { tree: &tree, width: w, height: h, scale, channels };
    let bands: Vec<Band> = {
        use rayon::prelude::*;
        (0..h.div_ceil(BAND_ROWS)).into_par_iter().map(|i| raster.band(i)).collect::<Result<_, _>>()?
    };
    // Dots per metre, from the pixels per CSS px (96 per inch).
    let dots_per_metre = (f64::from(w) / f64::from(size.width()) * CSS_DPI / 0.0254).round() as u32;
    write_png(&raster, &bands, dots_per_metre, settings.title)
}

/// Rows per band: small enough that a band of the widest image allowed is
/// a few tens of MB, large enough that walking the tree once per band
/// costs little.
pub const BAND_ROWS: u32 = 256;

/// The deflate level: zlib-rs at 4 compresses a poster as well as the
/// `png` crate's default did, at a fifth of the time.
const DEFLATE_LEVEL: u32 = 4;

/// How a pixel is stored.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Channels {
    Rgb,
    Rgba,
}

impl Channels {
    fn bytes(self) -> usize {
        match self {
            Channels::Rgb => 3,
            Channels::Rgba => 4,
        }
    }
}

/// One image being drawn.
struct Raster<'t> {
    tree: &'t usvg::Tree,
    width: u32,
    height: u32,
    /// CSS px to pixels.
    scale: tiny_skia::Transform,
    channels: Channels,
}

/// A band drawn, filtered and compressed: a piece of one deflate stream.
struct Band {
    /// Raw deflate data, ended by a sync flush (the last band: the final
    /// block), so the pieces join into one stream.
    deflate: Vec<u8>,
    /// Adler-32 of the filtered bytes, and their number.
    adler: u32,
    len: u64,
}

impl Raster<'_> {
    /// Draws band `index`, filters its rows and compresses them.
    fn band(&self, index: u32) -> Result<Band, PngError> {
        let top = index * BAND_ROWS;
        let rows = BAND_ROWS.min(self.height - top);
        let mut pixmap = tiny_skia::Pixmap::new(self.width, rows).ok_or(PngError::BadResolution)?;
        let transform = self.scale.post_translate(0.0, -(top as f32));
        // The whole tree for every band: tiny-skia clips what lies outside
        // cheaply. Culling nodes by their bounds was tried and saved
        // nothing measurable, and resvg's `render_node` shifts by the
        // node's corner and back, which moves hairlines by a pixel row.
        resvg::render(self.tree, transform, &mut pixmap.as_mut());
        let filtered = filter_rows(&pixmap, self.channels);
        drop(pixmap);
        let mut adler = simd_adler32::Adler32::new();
        adler.write(&filtered);
        let last = top + rows == self.height;
        let mut compress = flate2::Compress::new(flate2::Compression::new(DEFLATE_LEVEL), false);
        let mut deflate = Vec::with_capacity(filtered.len() / 4 + 1024);
        let flush = if last { flate2::FlushCompress::Finish } else { flate2::FlushCompress::Sync };
        loop {
            let consumed = compress.total_in() as usize;
            let status = compress
                .compress_vec(&filtered[consumed..], &mut deflate, flush)
                .map_err(|e| PngError::Encode(e.to_string()))?;
            let all_in = compress.total_in() as usize == filtered.len();
            // Finished: the last band's stream has ended; another band's
            // sync flush is complete when it left room in the buffer.
            let flushed = if last { status == flate2::Status::StreamEnd } else { deflate.len() < deflate.capacity() };
            if all_in && flushed {
                break;
            }
            deflate.reserve(deflate.capacity().max(64 * 1024));
        }
        Ok(Band { deflate, adler: adler.finish(), len: filtered.len() as u64 })
    }
}

/// The rows of a band as PNG scanlines: each a filter byte, then the
/// pixels unpremultiplied (RGBA) or over white (RGB), filtered with Sub,
/// which needs no other row, so bands can be filtered apart. Sub alone
/// also measured smaller and faster on posters than libpng's per-row
/// choice among Sub, Up and Paeth (airline at A2: 803 KB against 886 KB),
/// whose heuristic favours Up and Paeth on text and loses long matches.
fn filter_rows(pixmap: &tiny_skia::Pixmap, channels: Channels) -> Vec<u8> {
    let bpp = channels.bytes();
    let stride = pixmap.width() as usize * bpp;
    let mut out = Vec::with_capacity((stride + 1) * pixmap.height() as usize);
    let mut line = vec![0u8; stride];
    for row in pixmap.data().chunks_exact(pixmap.width() as usize * 4) {
        for (px, raw) in line.chunks_exact_mut(bpp).zip(row.chunks_exact(4)) {
            match channels {
                Channels::Rgb => {
                    // Premultiplied over white: colour + (1 - alpha).
                    let cover = 255 - raw[3];
                    px[0] = raw[0].saturating_add(cover);
                    px[1] = raw[1].saturating_add(cover);
                    px[2] = raw[2].saturating_add(cover);
                }
                Channels::Rgba => {
                    let c = tiny_skia::PremultipliedColorU8::from_rgba(raw[0], raw[1], raw[2], raw[3])
                        .map_or(tiny_skia::ColorU8::from_rgba(0, 0, 0, 0), |p| p.demultiply());
                    px.copy_from_slice(&[c.red(), c.green(), c.blue(), c.alpha()]);
                }
            }
        }
        out.push(1); // Sub
        out.extend_from_slice(&line[..bpp]);
        out.extend(line[bpp..].iter().zip(&line).map(|(x, left)| x.wrapping_sub(*left)));
    }
    out
}

/// Adler-32 of two byte runs joined, from theirs (zlib's
/// `adler32_combine`): each band sums its own bytes in parallel.
fn adler_combine(first: u32, second: u32, second_len: u64) -> u32 {
    const BASE: u64 = 65521;
    let rem = second_len % BASE;
    let (a1, b1) = (u64::from(first & 0xffff), u64::from(first >> 16));
    let (a2, b2) = (u64::from(second & 0xffff), u64::from(second >> 16));
    let a = (a1 + a2 + BASE - 1) % BASE;
    let b = (rem * a1 % BASE + b1 + b2 + BASE - rem) % BASE;
    ((b << 16) | a) as u32
}

/// Writes the PNG: header chunks, the bands as one zlib stream in `IDAT`
/// chunks, then `IEND`.
fn write_png(
    raster: &Raster<'_>,
    bands: &[Band],
    dots_per_metre: u32,
    title: Option<&str>,
) -> Result<Vec<u8>, PngError> {
    let fail = |e: png::EncodingError| PngError::Encode(e.to_string());
    let compressed: usize = bands.iter().map(|b| b.deflate.len()).sum();
    let mut out = Vec::with_capacity(compressed + 1024);
    let mut encoder = png::Encoder::new(&mut out, raster.width, raster.height);
    encoder.set_color(match raster.channels {
        Channels::Rgb => png::ColorType::Rgb,
        Channels::Rgba => png::ColorType::Rgba,
    });
    encoder.set_depth(png::BitDepth::Eight);
    encoder.set_pixel_dims(Some(png::PixelDimensions {
        xppu: dots_per_metre,
        yppu: dots_per_metre,
        unit: png::Unit::Meter,
    }));
    if let Some(title) = title {
        encoder.add_itxt_chunk("Title".to_owned(), title.to_owned()).map_err(fail)?;
    }
    let mut writer = encoder.write_header().map_err(fail)?;
    let adler = bands.iter().fold(1, |sum, b| adler_combine(sum, b.adler, b.len));
    // A zlib stream: header (deflate, 32 KiB window, "fast" level), the
    // bands' deflate data, the Adler-32 of everything filtered.
    let mut stream = Vec::with_capacity(compressed + 6);
    stream.extend_from_slice(&[0x78, 0x5e]);
    for band in bands {
        stream.extend_from_slice(&band.deflate);
    }
    stream.extend_from_slice(&adler.to_be_bytes());
    for chunk in stream.chunks(1 << 20) {
        writer.write_chunk(png::chunk::IDAT, chunk).map_err(fail)?;
    }
    // The writer ends the file with IEND when it is dropped; writing to a
    // Vec cannot fail.
    drop(writer);
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn adler_of_joined_runs_comes_from_theirs() {
        let data: Vec<u8> = (0..200_000u32).map(|i| (i * 7 % 251) as u8).collect();
        let whole = simd_adler32::adler32(&data.as_slice());
        for cut in [0, 1, 65_520, 65_521, 100_000, 200_000] {
            let (a, b) = data.split_at(cut);
            let joined = adler_combine(simd_adler32::adler32(&a), simd_adler32::adler32(&b), b.len() as u64);
            assert_eq!(joined, whole, "cut at {cut}");
        }
        // A wrong length gives a wrong sum: the check can fail.
        let (a, b) = data.split_at(1000);
        assert_ne!(adler_combine(simd_adler32::adler32(&a), simd_adler32::adler32(&b), 5), whole);
    }
}
