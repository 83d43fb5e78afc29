//! SVG → PNG with resvg, using exactly the fonts the text was measured with.

use crate::text::Fonts;

/// The largest PNG rendered, in pixels (250 megapixels, 1 GB of RGBA).
pub const MAX_PIXELS: u64 = 250_000_000;

/// CSS px per inch: the SVG's width and height are CSS px.
const CSS_DPI: f64 = 96.0;

/// How many pixels a PNG gets.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Resolution {
    /// Dots per inch at the poster's physical size (150 by default).
    Dpi(f64),
    /// A multiple of the SVG's size in CSS px.
    Scale(f64),
    /// An exact width in pixels; the height follows the aspect ratio.
    Width(u32),
}

impl Default for Resolution {
    fn default() -> Self {
        Resolution::Dpi(150.0)
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
         lower --dpi, --scale or --width, or render .svg, which prints sharp at any size (PDF output is planned)"
    )]
    TooLarge {
        /// The width asked for.
        width: u64,
        /// The height asked for.
        height: u64,
        /// Their product in millions.
        megapixels: u64,
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
    let options = usvg::Options { fontdb: fonts.database(), ..usvg::Options::default() };
    usvg::Tree::from_str(svg, &options).map_err(|e| PngError::Svg(e.to_string()))
}

/// The pixel size of a PNG of a `width`×`height` CSS px page.
///
/// # Errors
/// A bad resolution, or more than [`MAX_PIXELS`].
pub fn pixel_size(width: f64, height: f64, resolution: Resolution) -> Result<(u32, u32), PngError> {
    let factor = match resolution {
        Resolution::Dpi(dpi) => dpi / CSS_DPI,
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

/// Rasterises SVG text to PNG bytes. The size check happens before any
/// pixel memory is allocated.
///
/// # Errors
/// See [`PngError`].
pub fn png(svg: &str, fonts: &Fonts, resolution: Resolution) -> Result<Vec<u8>, PngError> {
    png_titled(svg, fonts, resolution, None)
}

/// [`png()`], with the image's title in an `iTXt` chunk. Either way the
/// file records its resolution in `pHYs`, so print software sizes it as
/// the poster it is.
///
/// # Errors
/// See [`PngError`].
pub fn png_titled(svg: &str, fonts: &Fonts, resolution: Resolution, title: Option<&str>) -> Result<Vec<u8>, PngError> {
    let tree = tree(svg, fonts)?;
    let size = tree.size();
    let (w, h) = pixel_size(f64::from(size.width()), f64::from(size.height()), resolution)?;
    let mut pixmap = tiny_skia::Pixmap::new(w, h).ok_or(PngError::BadResolution)?;
    // Each axis is scaled to its whole number of pixels, as resvg's CLI
    // does: the distortion is under half a pixel over the whole poster, and
    // one uniform factor would leave the last row or column half covered.
    let sx = w as f32 / size.width();
    let sy = h as f32 / size.height();
    resvg::render(&tree, tiny_skia::Transform::from_scale(sx, sy), &mut pixmap.as_mut());
    // Dots per metre, from the pixels per CSS px (96 per inch).
    let dots_per_metre = (f64::from(w) / f64::from(size.width()) * CSS_DPI / 0.0254).round();
    encode(&pixmap, dots_per_metre as u32, title)
}

/// Encodes a pixmap as PNG: straight (not premultiplied) RGBA, 8 bits,
/// balanced compression, the resolution in `pHYs` and the title in
/// `iTXt` (UTF-8).
fn encode(pixmap: &tiny_skia::Pixmap, dots_per_metre: u32, title: Option<&str>) -> Result<Vec<u8>, PngError> {
    let fail = |e: png::EncodingError| PngError::Encode(e.to_string());
    let mut data = Vec::with_capacity(pixmap.data().len());
    for pixel in pixmap.pixels() {
        let c = pixel.demultiply();
        data.extend_from_slice(&[c.red(), c.green(), c.blue(), c.alpha()]);
    }
    let mut out = Vec::with_capacity(data.len() / 8);
    let mut encoder = png::Encoder::new(&mut out, pixmap.width(), pixmap.height());
    encoder.set_color(png::ColorType::Rgba);
    encoder.set_depth(png::BitDepth::Eight);
    encoder.set_compression(png::Compression::Balanced);
    encoder.set_pixel_dims(Some(png::PixelDimensions {
        xppu: dots_per_metre,
        yppu: dots_per_metre,
        unit: png::Unit::Meter,
    }));
    if let Some(title) = title {
        encoder.add_itxt_chunk("Title".to_owned(), title.to_owned()).map_err(fail)?;
    }
    let mut writer = encoder.write_header().map_err(fail)?;
    writer.write_image_data(&data).map_err(fail)?;
    writer.finish().map_err(fail)?;
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_follow_the_resolution() {
        assert_eq!(pixel_size(960.0, 480.0, Resolution::Dpi(96.0)), Ok((960, 480)));
        assert_eq!(pixel_size(960.0, 480.0, Resolution::Dpi(192.0)), Ok((1920, 960)));
        assert_eq!(pixel_size(960.0, 480.0, Resolution::Scale(0.5)), Ok((480, 240)));
        assert_eq!(pixel_size(960.0, 480.0, Resolution::Width(100)), Ok((100, 50)));
        assert_eq!(pixel_size(960.0, 480.0, Resolution::Scale(0.0)), Err(PngError::BadResolution));
    }

    #[test]
    fn huge_requests_fail_before_allocating() {
        let e = pixel_size(2245.0, 1587.0, Resolution::Dpi(2400.0));
        assert!(matches!(e, Err(PngError::TooLarge { .. })), "{e:?}");
        assert!(matches!(pixel_size(1.0, 1.0, Resolution::Scale(1e300)), Err(PngError::TooLarge { .. })));
    }
}
