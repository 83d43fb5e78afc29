//! Shaping: the one place text becomes glyphs.
//!
//! Each run is shaped once, here, with rustybuzz: per bidi run, in its
//! direction, with no extra features (as usvg would shape a `<tspan>`).
//! The result is kept as positioned [`Glyph`]s in the [`Run`], and every
//! backend only draws them: the SVG writes their places (or their
//! outlines), the PNG fills their outlines, the PDF shows them by id. Text
//! is split into runs by font here — never left to a viewer's fallback —
//! and each run names its face.

use std::collections::HashMap;
use std::sync::{Mutex, MutexGuard, PoisonError};

use unicode_segmentation::UnicodeSegmentation;

use super::fonts::{FaceId, Fonts, Style};

/// A piece of a line drawn with one face.
#[derive(Debug, Clone, PartialEq)]
pub struct Run {
    /// The text of the run.
    pub text: String,
    /// The face that draws it.
    pub face: FaceId,
    /// Its advance width in px at the line's size.
    pub width: f64,
    /// Its glyphs as the shaper placed them, in visual order (left to
    /// right on the page), in the face's font units.
    pub glyphs: Vec<Glyph>,
    /// Whether any part of it was shaped right to left.
    pub rtl: bool,
}

/// One shaped glyph, in font units of its run's face: scale by
/// `size / units_per_em` for px. y grows upwards, as in the font.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Glyph {
    /// The glyph's id in the face.
    pub id: u16,
    /// How far the pen moves after it.
    pub advance: i32,
    /// How far it is drawn from the pen, across.
    pub x_offset: i32,
    /// How far it is drawn from the baseline, up.
    pub y_offset: i32,
    /// The byte offset in the run's text of the first character of the
    /// cluster it draws.
    pub cluster: u32,
}

/// One line of shaped text: its runs left to right and total width.
#[derive(Debug, Clone, PartialEq)]
pub struct ShapedLine {
    /// Runs in logical order, one per change of face.
    pub runs: Vec<Run>,
    /// The sum of the runs' widths, in px.
    pub width: f64,
}

impl ShapedLine {
    /// The line's text.
    pub fn text(&self) -> String {
        self.runs.iter().map(|r| r.text.as_str()).collect()
    }
}

/// Shapes and measures text with a [`Fonts`] set.
///
/// Results are cached by text, style and size (see [`ShapeCache`]): a
/// layout measures the same words again and again, and shaping is the
/// expensive part. The cache is only ever looked up, never iterated, so it
/// cannot make output depend on hash order.
pub struct Shaper<'f> {
    fonts: &'f Fonts,
    /// One per face of `fonts`, at the same index (`None` if rustybuzz
    /// cannot read it), so a [`FaceId`] names the same face in both.
    faces: Vec<Option<rustybuzz::Face<'f>>>,
    cache: CacheRef<'f>,
}

/// Shaping results and shape plans, kept across layouts: a renderer that
/// lays out again after an edit shapes only the text that changed.
///
/// A cache belongs to one [`Fonts`] set: results name faces by index, so
/// use it only with the fonts it was filled with. It may be shared between
/// threads.
#[derive(Default)]
pub struct ShapeCache {
    lines: Mutex<HashMap<(Style, u64), HashMap<String, Shaped>>>,
    plans: Mutex<HashMap<PlanKey, std::sync::Arc<rustybuzz::ShapePlan>>>,
    /// Bytes of text shaped (not found in the cache) so far: the work a
    /// layout did, which tests hold to be linear in its input.
    work: std::sync::atomic::AtomicUsize,
}

impl std::fmt::Debug for ShapeCache {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ShapeCache").field("lines", &self.len()).finish_non_exhaustive()
    }
}

impl ShapeCache {
    /// An empty cache.
    pub fn new() -> ShapeCache {
        ShapeCache::default()
    }

    /// Forgets everything (after the fonts changed).
    pub fn clear(&self) {
        lock(&self.lines).clear();
        lock(&self.plans).clear();
    }

    /// Bytes of text shaped so far (cache misses only): a measure of work
    /// that, unlike a clock, is the same on every machine.
    pub fn work(&self) -> usize {
        self.work.load(std::sync::atomic::Ordering::Relaxed)
    }

    /// How many distinct texts it holds; a long-running preview keeps this
    /// bounded (see [`ShapeCache::trim`]).
    pub fn len(&self) -> usize {
        lock(&self.lines).values().map(HashMap::len).sum()
    }

    /// Whether it holds nothing.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Forgets the shaped texts once there are more than `max`, keeping the
    /// shape plans: a server that renders edit after edit for hours keeps
    /// its memory bounded, and the next layout reshapes what it needs.
    pub fn trim(&self, max: usize) {
        if self.len() > max {
            lock(&self.lines).clear();
        }
    }
}

/// A lock that survives a panic in another thread: the maps only ever
/// gain complete entries, so a poisoned one is still consistent.
fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(PoisonError::into_inner)
}

enum CacheRef<'f> {
    Owned(Box<ShapeCache>),
    Shared(&'f ShapeCache),
}

impl CacheRef<'_> {
    fn get(&self) -> &ShapeCache {
        match self {
            CacheRef::Owned(c) => c,
            CacheRef::Shared(c) => c,
        }
    }
}

/// A cached shaping result: the line and the characters no face covers.
type Shaped = (ShapedLine, Vec<char>);

/// What a rustybuzz shape plan depends on: face, direction, script and
/// language (no user features: usvg passes none).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
struct PlanKey {
    face: usize,
    ltr: bool,
    script: [u8; 4],
    language: Option<String>,
}

impl<'f> Shaper<'f> {
    /// Prepares every face of `fonts` for shaping, with a cache of its own.
    pub fn new(fonts: &'f Fonts) -> Self {
        Shaper::build(fonts, CacheRef::Owned(Box::default()))
    }

    /// Prepares every face of `fonts` for shaping with a cache that
    /// outlives this shaper (see [`ShapeCache`]).
    pub fn with_cache(fonts: &'f Fonts, cache: &'f ShapeCache) -> Self {
        Shaper::build(fonts, CacheRef::Shared(cache))
    }

    fn build(fonts: &'f Fonts, cache: CacheRef<'f>) -> Self {
        let faces = fonts.faces().iter().map(|f| rustybuzz::Face::from_slice(f.data(), f.index())).collect();
        Shaper { fonts, faces, cache }
    }

    /// The fonts this shaper measures with.
    pub fn fonts(&self) -> &'f Fonts {
        self.fonts
    }

    /// Bytes of text its cache has shaped so far (see [`ShapeCache::work`]).
    pub fn work(&self) -> usize {
        self.cache.get().work()
    }

    /// The characters of `text` that no face can draw, once each, in the
    /// order met. This is the coverage check `check` runs over a map: no
    /// shaping, no layout.
    pub fn uncovered(&self, text: &str) -> Vec<char> {
        let mut missing = Vec::new();
        for c in text.chars().filter(|&c| !is_invisible(c)) {
            let covered = self.faces.iter().flatten().any(|f| f.glyph_index(c).is_some());
            if !covered && !missing.contains(&c) {
                missing.push(c);
            }
        }
        missing
    }

    /// Font units of `face` as px at `size`.
    fn px(&self, face: FaceId, units: i64, size: f64) -> f64 {
        self.fonts.face(face).map_or(0.0, |info| units as f64 * size / info.metrics.units_per_em)
    }

    /// Shapes `text` with one face, each bidi run in its direction, runs in
    /// visual order; returns the glyphs and whether any run went right to
    /// left.
    fn glyphs(&self, face: FaceId, text: &str) -> (Vec<Glyph>, bool) {
        let Some(Some(rb)) = self.faces.get(face.0) else { return (Vec::new(), false) };
        let mut glyphs = Vec::with_capacity(text.len());
        if !text.chars().any(may_be_rtl) {
            // All left-to-right: a bidi pass would yield one run; skip it.
            self.shape_run(face, rb, text, 0, true, &mut glyphs);
            return (glyphs, false);
        }
        let bidi = unicode_bidi::BidiInfo::new(text, Some(unicode_bidi::Level::ltr()));
        let mut rtl = false;
        for paragraph in &bidi.paragraphs {
            let (levels, runs) = bidi.visual_runs(paragraph, paragraph.range.clone());
            for run in runs {
                let ltr = levels.get(run.start).is_none_or(|l| l.is_ltr());
                rtl |= !ltr;
                self.shape_run(face, rb, &text[run.clone()], run.start, ltr, &mut glyphs);
            }
        }
        (glyphs, rtl)
    }

    /// Shapes one directional run and appends its glyphs, their clusters
    /// counted from `start`. This is `rustybuzz::shape` with its plan
    /// kept: building a plan costs more than shaping a short label, and
    /// the plan depends only on the key, so the glyphs are the same.
    fn shape_run(
        &self,
        face: FaceId,
        rb: &rustybuzz::Face<'_>,
        text: &str,
        start: usize,
        ltr: bool,
        glyphs: &mut Vec<Glyph>,
    ) {
        if text.is_empty() {
            return;
        }
        let mut buffer = rustybuzz::UnicodeBuffer::new();
        buffer.push_str(text);
        buffer.set_direction(if ltr { rustybuzz::Direction::LeftToRight } else { rustybuzz::Direction::RightToLeft });
        buffer.guess_segment_properties();
        let language = buffer.language();
        let key = PlanKey {
            face: face.0,
            ltr,
            script: buffer.script().tag().to_bytes(),
            language: language.as_ref().map(|l| l.as_str().to_owned()),
        };
        // The plan is shared, so the lock is held only to find it and other
        // threads shape at the same time.
        let plan = lock(&self.cache.get().plans)
            .entry(key)
            .or_insert_with(|| {
                std::sync::Arc::new(rustybuzz::ShapePlan::new(
                    rb,
                    buffer.direction(),
                    Some(buffer.script()),
                    language.as_ref(),
                    &[],
                ))
            })
            .clone();
        let output = rustybuzz::shape_with_plan(rb, &plan, buffer);
        glyphs.extend(output.glyph_infos().iter().zip(output.glyph_positions()).map(|(info, pos)| Glyph {
            id: u16::try_from(info.glyph_id).unwrap_or(0),
            advance: pos.x_advance,
            x_offset: pos.x_offset,
            y_offset: pos.y_offset,
            cluster: u32::try_from(start + info.cluster as usize).unwrap_or(u32::MAX),
        }));
    }

    /// Whether `face` has a glyph for every character of `cluster` that
    /// needs one.
    fn covers(&self, face: FaceId, cluster: &str) -> bool {
        let Some(Some(rb)) = self.faces.get(face.0) else { return false };
        cluster.chars().all(|c| is_invisible(c) || rb.glyph_index(c).is_some())
    }

    /// Splits `text` into runs by face, in `style`, and measures it.
    /// Characters no face can draw are pushed to `missing` (once each) and
    /// left in the primary face's run, where they draw as that face's
    /// "missing" box — the caller reports them.
    pub fn shape(&self, text: &str, style: Style, size: f64, missing: &mut Vec<char>) -> ShapedLine {
        let key = (style, size.to_bits());
        if let Some((line, lost)) = lock(&self.cache.get().lines).get(&key).and_then(|m| m.get(text)) {
            add_missing(missing, lost);
            return line.clone();
        }
        // Shaped without the lock, so other threads can shape meanwhile.
        let mut lost = Vec::new();
        let line = self.shape_uncached(text, style, size, &mut lost);
        add_missing(missing, &lost);
        lock(&self.cache.get().lines).entry(key).or_default().insert(text.to_owned(), (line.clone(), lost));
        line
    }

    fn shape_uncached(&self, text: &str, style: Style, size: f64, missing: &mut Vec<char>) -> ShapedLine {
        self.cache.get().work.fetch_add(text.len(), std::sync::atomic::Ordering::Relaxed);
        let chain = self.fonts.fallback_chain(style);
        let primary = chain.first().copied().unwrap_or(FaceId(0));
        let mut runs: Vec<Run> = Vec::new();
        for cluster in text.graphemes(true) {
            let face = chain.iter().copied().find(|&f| self.covers(f, cluster)).unwrap_or_else(|| {
                for c in cluster
                    .chars()
                    .filter(|&c| !is_invisible(c) && !chain.iter().any(|&f| self.covers(f, &c.to_string())))
                {
                    if !missing.contains(&c) {
                        missing.push(c);
                    }
                }
                primary
            });
            match runs.last_mut() {
                Some(run) if run.face == face => run.text.push_str(cluster),
                _ => runs.push(Run { text: cluster.to_owned(), face, width: 0.0, glyphs: Vec::new(), rtl: false }),
            }
        }
        for run in &mut runs {
            (run.glyphs, run.rtl) = self.glyphs(run.face, &run.text);
            run.width = self.px(run.face, run.glyphs.iter().map(|g| i64::from(g.advance)).sum(), size);
        }
        let width = runs.iter().map(|r| r.width).sum();
        ShapedLine { runs, width }
    }

    /// `text` cut with "…" to fit `width` px in `style` at `size`, or whole
    /// when it fits: the longest prefix that fits, found by bisection, so a
    /// title of thousands of characters costs a dozen shapings.
    pub fn ellipsize(&self, text: &str, style: Style, size: f64, width: f64) -> String {
        if self.width(text, style, size) <= width {
            return text.to_owned();
        }
        let ends: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
        let fits = |n: usize| {
            let cut = ends.get(n).map_or(text, |&end| &text[..end]);
            self.width(&format!("{}…", cut.trim_end()), style, size) <= width
        };
        let (mut lo, mut hi) = (0, ends.len());
        while lo < hi {
            let mid = (lo + hi).div_ceil(2);
            if fits(mid) { lo = mid } else { hi = mid - 1 }
        }
        let cut = ends.get(lo).map_or(text, |&end| &text[..end]);
        format!("{}…", cut.trim_end())
    }

    /// The width of `text` in `style` without keeping the runs.
    pub fn width(&self, text: &str, style: Style, size: f64) -> f64 {
        let cached =
            lock(&self.cache.get().lines).get(&(style, size.to_bits())).and_then(|m| m.get(text)).map(|(l, _)| l.width);
        cached.unwrap_or_else(|| self.shape(text, style, size, &mut Vec::new()).width)
    }

    /// Ascender and descender (positive, below the baseline) of the
    /// primary face for `style`, in px at `size`.
    pub fn extents(&self, style: Style, size: f64) -> (f64, f64) {
        let face = self.fonts.fallback_chain(style).first().copied().unwrap_or(FaceId(0));
        let Some(m) = self.fonts.face(face).map(|f| f.metrics) else { return (size * 0.8, size * 0.2) };
        (m.ascender * size / m.units_per_em, -m.descender * size / m.units_per_em)
    }
}

/// A face that keeps a shaping plan for each direction, script and
/// language it meets: for the subsetter's check, which shapes every run
/// of a poster with the cut-down font it made, to prove it picks the
/// glyphs the layout's shaping picked.
pub(crate) struct PlannedFace<'a> {
    /// The face.
    pub(crate) face: rustybuzz::Face<'a>,
    plans: std::cell::RefCell<HashMap<PlannedKey, rustybuzz::ShapePlan>>,
}

/// What a shaping plan depends on besides the face: direction, script and
/// language.
type PlannedKey = (u8, [u8; 4], Option<String>);

impl<'a> PlannedFace<'a> {
    /// Plans are made as they are needed.
    pub(crate) fn new(face: rustybuzz::Face<'a>) -> PlannedFace<'a> {
        PlannedFace { face, plans: Default::default() }
    }

    /// Shapes a buffer whose segment properties are set, with no features
    /// beyond the defaults: `rustybuzz::shape` with its plan kept.
    pub(crate) fn shape(&self, buffer: rustybuzz::UnicodeBuffer) -> rustybuzz::GlyphBuffer {
        let direction = match buffer.direction() {
            rustybuzz::Direction::LeftToRight => 0,
            rustybuzz::Direction::RightToLeft => 1,
            rustybuzz::Direction::TopToBottom => 2,
            _ => 3,
        };
        let language = buffer.language();
        let key = (direction, buffer.script().tag().to_bytes(), language.as_ref().map(|l| l.as_str().to_owned()));
        let mut plans = self.plans.borrow_mut();
        let plan = plans.entry(key).or_insert_with(|| {
            rustybuzz::ShapePlan::new(&self.face, buffer.direction(), Some(buffer.script()), language.as_ref(), &[])
        });
        rustybuzz::shape_with_plan(&self.face, plan, buffer)
    }
}

fn add_missing(missing: &mut Vec<char>, found: &[char]) {
    for &c in found {
        if !missing.contains(&c) {
            missing.push(c);
        }
    }
}

/// Whether a character could start a right-to-left run (Hebrew, Arabic and
/// the other RTL blocks, or an explicit bidi control).
fn may_be_rtl(c: char) -> bool {
    matches!(c, '\u{0590}'..='\u{08FF}' | '\u{200F}' | '\u{202B}' | '\u{202E}' | '\u{2067}' | '\u{FB1D}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFF}' | '\u{10800}'..='\u{10FFF}' | '\u{1E800}'..='\u{1EFFF}')
}

/// Characters that draw nothing, which no face needs to cover: spaces,
/// joiners, variation selectors and other format characters.
fn is_invisible(c: char) -> bool {
    c.is_whitespace()
        || matches!(c, '\u{200B}'..='\u{200F}' | '\u{2060}'..='\u{206F}' | '\u{FE00}'..='\u{FE0F}' | '\u{FEFF}' | '\u{202A}'..='\u{202E}' | '\u{061C}' | '\u{00AD}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widths_add_up_and_scale() {
        let fonts = Fonts::embedded();
        let s = Shaper::new(&fonts);
        let w16 = s.width("Moments of truth", Style::Regular, 16.0);
        let w32 = s.width("Moments of truth", Style::Regular, 32.0);
        assert!(w16 > 100.0 && w16 < 140.0, "{w16}");
        assert!((w32 - 2.0 * w16).abs() < 1e-9);
        assert!(s.width("Bold", Style::Bold, 16.0) > s.width("Bold", Style::Regular, 16.0));
    }

    #[test]
    fn ellipsized_text_fits_and_keeps_what_fits() {
        let fonts = Fonts::embedded();
        let s = Shaper::new(&fonts);
        assert_eq!(s.ellipsize("Short", Style::Regular, 16.0, 500.0), "Short");
        let long = "A very long title ".repeat(400);
        let cut = s.ellipsize(&long, Style::Regular, 16.0, 300.0);
        assert!(cut.ends_with('…') && s.width(&cut, Style::Regular, 16.0) <= 300.0, "{cut}");
        assert!(cut.chars().count() > 20, "as much as fits is kept: {cut}");
    }

    #[test]
    fn missing_characters_are_named() {
        let fonts = Fonts::embedded();
        let s = Shaper::new(&fonts);
        let mut missing = Vec::new();
        let line = s.shape("Café 東京 Ωμέγα", Style::Regular, 16.0, &mut missing);
        assert_eq!(missing, vec!['東', '京']);
        assert_eq!(line.text(), "Café 東京 Ωμέγα");
    }

    #[test]
    fn a_trimmed_cache_stays_within_its_bound() {
        let fonts = Fonts::embedded();
        let cache = ShapeCache::new();
        let s = Shaper::with_cache(&fonts, &cache);
        for n in 0..50 {
            s.width(&format!("edit {n}"), Style::Regular, 16.0);
            cache.trim(20);
            assert!(cache.len() <= 21, "{} after {n} edits", cache.len());
        }
        // Under the bound nothing is forgotten.
        let before = cache.len();
        cache.trim(100);
        assert_eq!(cache.len(), before);
        assert!(cache.work() > 0);
    }
}
