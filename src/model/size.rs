//! Poster sizes (SPEC §2.3): named paper, custom dimensions, or `auto`.

use std::fmt;
use std::str::FromStr;

use crate::units::Length;

/// The page the poster is drawn on.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub enum Size {
    /// The page grows to fit the content at the theme's type sizes.
    #[default]
    Auto,
    /// A named paper or screen size.
    Paper(Paper),
    /// Explicit dimensions, e.g. `800x450mm`.
    Custom {
        /// Width in `unit`s, positive and finite.
        width: f64,
        /// Height in `unit`s, positive and finite.
        height: f64,
        /// The unit both numbers are in.
        unit: Unit,
    },
}

/// Named page sizes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[allow(missing_docs)] // The names are the documentation.
pub enum Paper {
    A0,
    A1,
    A2,
    A3,
    A4,
    A5,
    A6,
    Letter,
    Legal,
    Tabloid,
    /// A 16:9 slide, 1920×1080 px.
    Slide,
}

impl Paper {
    /// Every named size, smallest last.
    pub const ALL: [Paper; 11] = [
        Paper::A0,
        Paper::A1,
        Paper::A2,
        Paper::A3,
        Paper::A4,
        Paper::A5,
        Paper::A6,
        Paper::Letter,
        Paper::Legal,
        Paper::Tabloid,
        Paper::Slide,
    ];

    /// The name used in map files.
    pub fn as_str(self) -> &'static str {
        match self {
            Paper::A0 => "A0",
            Paper::A1 => "A1",
            Paper::A2 => "A2",
            Paper::A3 => "A3",
            Paper::A4 => "A4",
            Paper::A5 => "A5",
            Paper::A6 => "A6",
            Paper::Letter => "Letter",
            Paper::Legal => "Legal",
            Paper::Tabloid => "Tabloid",
            Paper::Slide => "Slide",
        }
    }

    /// The standard paper (A0–A6, Letter, Legal, Tabloid) and orientation
    /// closest in shape and size to a page of `width`×`height` CSS px, and
    /// the factor that fits the page onto it (below 1: the page shrinks).
    pub fn closest(width: f64, height: f64) -> (Paper, Orientation, f64) {
        let mut best = (Paper::A4, Orientation::Portrait, f64::INFINITY, 1.0);
        for paper in Paper::ALL.into_iter().filter(|p| *p != Paper::Slide) {
            for orientation in [Orientation::Landscape, Orientation::Portrait] {
                let (w, h) = orient(paper.natural_px().0, paper.natural_px().1, orientation);
                // How far apart the two are, side by side, as ratios.
                let off = (w / width).max(width / w) * (h / height).max(height / h);
                if off < best.2 {
                    best = (paper, orientation, off, (w / width).min(h / height));
                }
            }
        }
        (best.0, best.1, best.3)
    }

    /// Width and height in portrait (short side first), except `Slide`,
    /// which is a landscape screen. In CSS px.
    fn natural_px(self) -> (f64, f64) {
        let mm = |w: f64, h: f64| (Length::mm(w).to_px(), Length::mm(h).to_px());
        let inch = |w: f64, h: f64| (Length::inches(w).to_px(), Length::inches(h).to_px());
        match self {
            Paper::A0 => mm(841.0, 1189.0),
            Paper::A1 => mm(594.0, 841.0),
            Paper::A2 => mm(420.0, 594.0),
            Paper::A3 => mm(297.0, 420.0),
            Paper::A4 => mm(210.0, 297.0),
            Paper::A5 => mm(148.0, 210.0),
            Paper::A6 => mm(105.0, 148.0),
            Paper::Letter => inch(8.5, 11.0),
            Paper::Legal => inch(8.5, 14.0),
            Paper::Tabloid => inch(11.0, 17.0),
            Paper::Slide => (1920.0, 1080.0),
        }
    }
}

/// The unit of a custom size.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Unit {
    /// Millimetres.
    Mm,
    /// Inches.
    In,
    /// CSS pixels (1/96 in).
    Px,
}

impl Unit {
    fn to_px(self, v: f64) -> f64 {
        match self {
            Unit::Mm => Length::mm(v),
            Unit::In => Length::inches(v),
            Unit::Px => Length::px(v),
        }
        .to_px()
    }

    fn as_str(self) -> &'static str {
        match self {
            Unit::Mm => "mm",
            Unit::In => "in",
            Unit::Px => "px",
        }
    }
}

/// The orientation of a fixed page.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, schemars::JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Orientation {
    /// Long side horizontal (the default: a spine reads left to right).
    #[default]
    Landscape,
    /// Long side vertical.
    Portrait,
}

impl Orientation {
    /// The keyword used in map files.
    pub fn as_str(self) -> &'static str {
        match self {
            Orientation::Landscape => "landscape",
            Orientation::Portrait => "portrait",
        }
    }

    /// Parses an orientation keyword.
    pub fn from_keyword(s: &str) -> Option<Orientation> {
        match s {
            "landscape" => Some(Orientation::Landscape),
            "portrait" => Some(Orientation::Portrait),
            _ => None,
        }
    }
}

/// Why a size string was not understood.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SizeError {
    /// Neither a paper name, `auto`, nor `W x H unit`.
    #[error("'{0}' is not a size")]
    Unknown(String),
    /// `W x H` with a unit other than mm, in or px.
    #[error("'{0}' is not a size unit")]
    BadUnit(String),
    /// `W x H` without a unit.
    #[error("'{0}' has no unit")]
    NoUnit(String),
    /// A dimension that is zero, negative, not a number or absurdly large.
    #[error("dimensions must be positive numbers no larger than 10 m")]
    BadNumber,
}

impl SizeError {
    /// A hint on how to write a size.
    pub fn hint(&self) -> &'static str {
        match self {
            SizeError::BadUnit(_) | SizeError::NoUnit(_) => "the unit is mm, in or px, e.g. \"800x450mm\"",
            _ => "use A0–A6, Letter, Legal, Tabloid, Slide, auto, or \"W x H unit\" such as \"800x450mm\"",
        }
    }
}

impl FromStr for Size {
    type Err = SizeError;

    /// Parses `auto`, a paper name (case-insensitive) or `W x H unit`
    /// (`800x450mm`, `11 x 17 in`, `1920x1080px`).
    fn from_str(s: &str) -> Result<Size, SizeError> {
        let t = s.trim();
        if t.eq_ignore_ascii_case("auto") {
            return Ok(Size::Auto);
        }
        if let Some(p) = Paper::ALL.into_iter().find(|p| p.as_str().eq_ignore_ascii_case(t)) {
            return Ok(Size::Paper(p));
        }
        let lower = t.to_ascii_lowercase();
        let Some((w, rest)) = lower.split_once('x') else {
            return Err(SizeError::Unknown(s.to_owned()));
        };
        let rest = rest.trim();
        let split =
            rest.find(|c: char| c.is_ascii_alphabetic()).ok_or_else(|| SizeError::NoUnit(s.trim().to_owned()))?;
        let (h, unit) = rest.split_at(split);
        let number = |n: &str| n.trim().parse::<f64>().map_err(|_| SizeError::Unknown(s.to_owned()));
        let (width, height) = (number(w)?, number(h)?);
        let unit = match unit.trim() {
            "mm" => Unit::Mm,
            "in" => Unit::In,
            "px" => Unit::Px,
            other => return Err(SizeError::BadUnit(other.to_owned())),
        };
        // Ten metres a side, in the size's own unit.
        let limit = Length::mm(10_000.0).to_px() / unit.to_px(1.0);
        let ok = |v: f64| v.is_finite() && v > 0.0 && v <= limit;
        if !ok(width) || !ok(height) {
            return Err(SizeError::BadNumber);
        }
        Ok(Size::Custom { width, height, unit })
    }
}

impl fmt::Display for Size {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Size::Auto => f.write_str("auto"),
            Size::Paper(p) => f.write_str(p.as_str()),
            Size::Custom { width, height, unit } => {
                write!(f, "{width}x{height}{}", unit.as_str())
            }
        }
    }
}

impl Size {
    /// Whether the page is a screen sized in pixels (`Slide`,
    /// `"1920x1080px"`): its PNG is one pixel per px, its type is judged in
    /// px, and it gets the summary by default.
    pub fn in_pixels(self) -> bool {
        matches!(self, Size::Paper(Paper::Slide) | Size::Custom { unit: Unit::Px, .. })
    }

    /// The page's width and height in CSS px, or `None` for [`Size::Auto`].
    ///
    /// Named paper is turned to `orientation` (landscape when `None`);
    /// a custom size is taken as written unless an orientation is given.
    pub fn page_px(self, orientation: Option<Orientation>) -> Option<(f64, f64)> {
        let (w, h) = match self {
            Size::Auto => return None,
            Size::Paper(p) => {
                let (w, h) = p.natural_px();
                return Some(orient(w, h, orientation.unwrap_or_default()));
            }
            Size::Custom { width, height, unit } => (unit.to_px(width), unit.to_px(height)),
        };
        Some(match orientation {
            Some(o) => orient(w, h, o),
            None => (w, h),
        })
    }
}

fn orient(w: f64, h: f64, o: Orientation) -> (f64, f64) {
    let (short, long) = if w <= h { (w, h) } else { (h, w) };
    match o {
        Orientation::Landscape => (long, short),
        Orientation::Portrait => (short, long),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_every_form() {
        assert_eq!("auto".parse(), Ok(Size::Auto));
        assert_eq!("a2".parse(), Ok(Size::Paper(Paper::A2)));
        assert_eq!("Slide".parse(), Ok(Size::Paper(Paper::Slide)));
        assert_eq!("800x450mm".parse(), Ok(Size::Custom { width: 800.0, height: 450.0, unit: Unit::Mm }));
        assert_eq!("11 x 17 in".parse(), Ok(Size::Custom { width: 11.0, height: 17.0, unit: Unit::In }));
        assert!(matches!("A9".parse::<Size>(), Err(SizeError::Unknown(_))));
        assert!(matches!("800x450cm".parse::<Size>(), Err(SizeError::BadUnit(_))));
        assert!(matches!("0x450mm".parse::<Size>(), Err(SizeError::BadNumber)));
        assert!(matches!("1e9x450mm".parse::<Size>(), Err(SizeError::BadNumber)));
        assert!(matches!("NaNx4mm".parse::<Size>(), Err(SizeError::BadNumber)));
    }

    #[test]
    fn orientation_turns_the_page() {
        let (w, h) = Size::Paper(Paper::A4).page_px(None).unwrap_or_default();
        assert!(w > h, "paper defaults to landscape");
        let (w, h) = Size::Paper(Paper::A4).page_px(Some(Orientation::Portrait)).unwrap_or_default();
        assert!((w - 793.7).abs() < 0.1 && (h - 1122.5).abs() < 0.1);
        assert_eq!(Size::Paper(Paper::Slide).page_px(None), Some((1920.0, 1080.0)));
    }
}
