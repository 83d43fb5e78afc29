//! The fonts journeymap measures and draws with: Inter, compiled in, plus
//! any font files the user adds. One [`Fonts`] feeds both the shaper that
//! measures text and the `fontdb` that usvg draws from, so the two can never
//! disagree about which bytes make a glyph.

use std::path::Path;
use std::sync::Arc;

use rustybuzz::ttf_parser;
use usvg::fontdb;

static INTER_REGULAR: &[u8] = include_bytes!("../../fonts/Inter-Regular.ttf");
static INTER_BOLD: &[u8] = include_bytes!("../../fonts/Inter-Bold.ttf");
static INTER_ITALIC: &[u8] = include_bytes!("../../fonts/Inter-Italic.ttf");

/// The largest font file read (64 MiB: a full CJK collection is ~40 MiB).
pub const MAX_FONT_BYTES: u64 = 64 * 1024 * 1024;

/// The most faces read from one font collection (real ones hold a few
/// dozen at most).
pub(crate) const MAX_FACES: u32 = 256;

/// The family name every embedded face has.
pub const EMBEDDED_FAMILY: &str = "Inter";

/// The weight and slant a piece of text asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Style {
    /// Inter Regular.
    #[default]
    Regular,
    /// Inter Bold.
    Bold,
    /// Inter Italic.
    Italic,
}

impl Style {
    fn weight(self) -> u16 {
        match self {
            Style::Bold => 700,
            _ => 400,
        }
    }

    fn italic(self) -> bool {
        self == Style::Italic
    }
}

/// An index into [`Fonts::faces`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct FaceId(pub(crate) usize);

/// One loaded face and what the painter needs to name it in SVG.
#[derive(Clone)]
pub struct Face {
    /// The family name, as fontdb (and so usvg) knows it.
    pub family: String,
    /// The OpenType weight, 100–900.
    pub weight: u16,
    /// Whether it is italic or oblique.
    pub italic: bool,
    /// The font's bytes, shared with fontdb.
    data: Arc<dyn AsRef<[u8]> + Send + Sync>,
    /// The face's index in a collection (0 for a plain TTF/OTF).
    index: u32,
    /// Units per em, ascender and descender (negative), from `hhea`.
    pub(crate) metrics: VerticalMetrics,
}

impl std::fmt::Debug for Face {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Face")
            .field("family", &self.family)
            .field("weight", &self.weight)
            .field("italic", &self.italic)
            .finish_non_exhaustive()
    }
}

/// Vertical metrics in font units.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct VerticalMetrics {
    pub(crate) units_per_em: f64,
    pub(crate) ascender: f64,
    pub(crate) descender: f64,
}

impl Face {
    /// The font bytes.
    pub fn data(&self) -> &[u8] {
        (*self.data).as_ref()
    }

    /// The face index within the font file.
    pub fn index(&self) -> u32 {
        self.index
    }

    /// The font's bytes, shared rather than copied (the PDF writer embeds
    /// them).
    pub fn shared_data(&self) -> Arc<dyn AsRef<[u8]> + Send + Sync> {
        Arc::clone(&self.data)
    }
}

/// Why a user's font file could not be added.
#[derive(Debug, thiserror::Error)]
pub enum FontError {
    /// The file could not be read.
    #[error("cannot read font {path}: {source}")]
    Io {
        /// The path as given.
        path: String,
        /// The I/O error.
        source: std::io::Error,
    },
    /// The bytes are not a TrueType/OpenType font or collection.
    #[error("{0} is not a TrueType or OpenType font; --font wants a .ttf, .otf or .ttc file")]
    NotAFont(String),
    /// A collection whose header claims more faces than the file has room
    /// for, or more than the 256 faces journeymap reads from one collection.
    #[error(
        "{path} is a damaged font collection: it claims {claimed} faces, but {}; use a fresh copy, or one face as a .ttf or .otf file",
        if *claimed > MAX_FACES { format!("journeymap reads at most {MAX_FACES}") } else { format!("the file has room for {room}") }
    )]
    BadCollection {
        /// The path as given.
        path: String,
        /// The face count the header claims.
        claimed: u32,
        /// How many face offsets the file has bytes for.
        room: u64,
    },
}

/// The face count in a TrueType collection's header (`ttcf`, version,
/// count), or `None` for a single font.
fn collection_claim(bytes: &[u8]) -> Option<u32> {
    let header = bytes.get(..12)?;
    (&header[..4] == b"ttcf").then(|| u32::from_be_bytes([header[8], header[9], header[10], header[11]]))
}

/// The set of faces for one render: the three embedded Inter faces first,
/// then user fonts in the order given.
#[derive(Debug, Clone)]
pub struct Fonts {
    faces: Vec<Face>,
    database: Arc<fontdb::Database>,
}

impl Default for Fonts {
    fn default() -> Self {
        Fonts::embedded()
    }
}

impl Fonts {
    /// Only the embedded Inter faces; no system font is read.
    pub fn embedded() -> Fonts {
        let mut fonts = Fonts { faces: Vec::new(), database: Arc::new(fontdb::Database::new()) };
        for data in [INTER_REGULAR, INTER_BOLD, INTER_ITALIC] {
            // The embedded fonts are tested to parse; a failure here would
            // only drop a face, and the test suite would say so.
            let _ = fonts.add_data(Arc::new(data), "embedded Inter");
        }
        fonts
    }

    /// Adds every face of a font file (e.g. a CJK font for scripts Inter
    /// does not cover). Added faces are used for characters the embedded
    /// faces cannot draw.
    ///
    /// # Errors
    /// The file cannot be read or is not a font.
    pub fn add_file(&mut self, path: &Path) -> Result<(), FontError> {
        use std::io::{Error, ErrorKind, Read};
        let io = |source| FontError::Io { path: path.display().to_string(), source };
        // A regular file of sane size: a FIFO would block and /dev/zero
        // never end.
        let meta = std::fs::metadata(path).map_err(io)?;
        if !meta.is_file() {
            return Err(io(Error::new(ErrorKind::InvalidData, "not a regular file")));
        }
        let mut bytes = Vec::new();
        std::fs::File::open(path).map_err(io)?.take(MAX_FONT_BYTES + 1).read_to_end(&mut bytes).map_err(io)?;
        if bytes.len() as u64 > MAX_FONT_BYTES {
            return Err(io(Error::new(ErrorKind::InvalidData, format!("larger than {} MiB", MAX_FONT_BYTES >> 20))));
        }
        self.add_data(Arc::new(bytes), &path.display().to_string())
    }

    fn add_data(&mut self, data: Arc<dyn AsRef<[u8]> + Send + Sync>, name: &str) -> Result<(), FontError> {
        let bytes: &[u8] = (*data).as_ref();
        // A collection header may claim billions of faces, and fontdb
        // would try each: check the claim against the file before anyone
        // walks it.
        if let Some(claimed) = collection_claim(bytes) {
            let room = (bytes.len() as u64).saturating_sub(12) / 4;
            if u64::from(claimed) > room || claimed > MAX_FACES || claimed == 0 {
                return Err(FontError::BadCollection { path: name.to_owned(), claimed, room });
            }
        }
        let count = ttf_parser::fonts_in_collection(bytes).unwrap_or(1).min(MAX_FACES);
        let mut added = Vec::new();
        for index in 0..count {
            let Ok(face) = ttf_parser::Face::parse(bytes, index) else { continue };
            let metrics = VerticalMetrics {
                units_per_em: f64::from(face.units_per_em()),
                ascender: f64::from(face.ascender()),
                descender: f64::from(face.descender()),
            };
            added.push((index, metrics));
        }
        if added.is_empty() {
            return Err(FontError::NotAFont(name.to_owned()));
        }
        let database = Arc::make_mut(&mut self.database);
        let ids = database.load_font_source(fontdb::Source::Binary(data.clone()));
        for id in ids {
            let Some(info) = database.face(id) else { continue };
            let Some(&(index, metrics)) = added.iter().find(|(i, _)| *i == info.index) else { continue };
            let family = info.families.first().map(|(f, _)| f.clone()).unwrap_or_default();
            self.faces.push(Face {
                family,
                weight: info.weight.0,
                italic: info.style != fontdb::Style::Normal,
                data: data.clone(),
                index,
                metrics,
            });
        }
        Ok(())
    }

    /// Every face, embedded first.
    pub fn faces(&self) -> &[Face] {
        &self.faces
    }

    /// The face with `id`, or `None` for an id from another font set (a
    /// poster laid out with `--font` faces but painted without them).
    pub fn face(&self, id: FaceId) -> Option<&Face> {
        self.faces.get(id.0)
    }

    /// The font database usvg draws with: exactly these faces.
    pub fn database(&self) -> Arc<fontdb::Database> {
        self.database.clone()
    }

    /// The faces to try for `style`, best first: the matching embedded face,
    /// then the user's faces (closest style first), then the other embedded
    /// faces.
    pub(crate) fn fallback_chain(&self, style: Style) -> Vec<FaceId> {
        let distance = |f: &Face| (u16::abs_diff(f.weight, style.weight()), f.italic != style.italic());
        let (mut embedded, mut user): (Vec<usize>, Vec<usize>) =
            (0..self.faces.len()).partition(|&i| self.faces[i].family == EMBEDDED_FAMILY && i < 3);
        embedded.sort_by_key(|&i| distance(&self.faces[i]));
        user.sort_by_key(|&i| distance(&self.faces[i]));
        let first = embedded.first().copied();
        first.into_iter().chain(user).chain(embedded.into_iter().skip(1)).map(FaceId).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_embedded_faces_are_loaded() {
        let fonts = Fonts::embedded();
        assert_eq!(fonts.database().len(), 3, "no system font may be read");
        let names: Vec<_> = fonts.faces().iter().map(|f| (f.family.as_str(), f.weight, f.italic)).collect();
        assert_eq!(names, [("Inter", 400, false), ("Inter", 700, false), ("Inter", 400, true)]);
    }

    #[test]
    fn styles_pick_their_face_first() {
        let fonts = Fonts::embedded();
        assert_eq!(fonts.fallback_chain(Style::Bold)[0], FaceId(1));
        assert_eq!(fonts.fallback_chain(Style::Italic)[0], FaceId(2));
        assert_eq!(fonts.fallback_chain(Style::Regular)[0], FaceId(0));
    }

    #[test]
    fn a_non_font_is_refused() {
        let mut fonts = Fonts::embedded();
        assert!(matches!(fonts.add_data(Arc::new(b"not a font".to_vec()), "x"), Err(FontError::NotAFont(_))));
        assert_eq!(fonts.faces().len(), 3);
    }

    fn collection(claimed: u32, offsets: usize) -> Arc<Vec<u8>> {
        let mut bytes = b"ttcf\0\x01\0\0".to_vec();
        bytes.extend(claimed.to_be_bytes());
        bytes.extend(std::iter::repeat_n(0, offsets * 4));
        Arc::new(bytes)
    }

    #[test]
    fn a_collection_claiming_more_faces_than_it_holds_is_refused_at_once() {
        let mut fonts = Fonts::embedded();
        let started = std::time::Instant::now();
        // 76 bytes claiming four billion faces: room for 16 offsets.
        let err = fonts.add_data(collection(4_000_000_000, 16), "huge.ttc").expect_err("refused");
        assert!(matches!(err, FontError::BadCollection { claimed: 4_000_000_000, room: 16, .. }), "{err:?}");
        assert!(err.to_string().contains("claims 4000000000 faces"), "{err}");
        // Room for every offset, but more faces than any real collection.
        let err = fonts.add_data(collection(MAX_FACES + 1, MAX_FACES as usize + 1), "many.ttc").expect_err("refused");
        assert!(err.to_string().contains("at most 256"), "{err}");
        // An honest header whose faces are not fonts is still not a font.
        let err = fonts.add_data(collection(2, 2), "empty.ttc").expect_err("refused");
        assert!(matches!(err, FontError::NotAFont(_)), "{err:?}");
        assert!(started.elapsed().as_millis() < 1000);
        assert_eq!(fonts.faces().len(), 3);
    }
}
