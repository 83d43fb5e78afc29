//! Lengths and their units: the one place that knows a CSS px is 1/96 in,
//! a point 1/72 in and an inch 25.4 mm.
//!
//! Layout works in CSS px (SVG user units) throughout; a [`Length`] is what
//! crosses into the world of paper and printers: page sizes in mm, type in
//! pt, raster resolutions in dots per inch.

use std::fmt;

/// CSS px per inch: SVG user units are CSS px.
pub const PX_PER_INCH: f64 = 96.0;
/// Millimetres per inch.
pub const MM_PER_INCH: f64 = 25.4;
/// Typographic points per inch (PDF's unit too).
pub const PT_PER_INCH: f64 = 72.0;

/// A length, stored in CSS px.
#[derive(Debug, Clone, Copy, PartialEq, PartialOrd, Default)]
pub struct Length(f64);

impl Length {
    /// Zero.
    pub const ZERO: Length = Length(0.0);

    /// A length of `v` CSS px.
    pub const fn px(v: f64) -> Length {
        Length(v)
    }

    /// A length of `v` millimetres.
    pub fn mm(v: f64) -> Length {
        Length(v / MM_PER_INCH * PX_PER_INCH)
    }

    /// A length of `v` inches.
    pub fn inches(v: f64) -> Length {
        Length(v * PX_PER_INCH)
    }

    /// A length of `v` points.
    pub fn pt(v: f64) -> Length {
        Length(v / PT_PER_INCH * PX_PER_INCH)
    }

    /// The length in CSS px.
    pub const fn to_px(self) -> f64 {
        self.0
    }

    /// The length in millimetres.
    pub fn to_mm(self) -> f64 {
        self.0 / PX_PER_INCH * MM_PER_INCH
    }

    /// The length in inches.
    pub fn to_inches(self) -> f64 {
        self.0 / PX_PER_INCH
    }

    /// The length in points.
    pub fn to_pt(self) -> f64 {
        self.0 / PX_PER_INCH * PT_PER_INCH
    }

    /// How many device pixels the length covers at `dpi` dots per inch.
    pub fn to_dots(self, dpi: f64) -> f64 {
        self.to_inches() * dpi
    }
}

impl std::ops::Mul<f64> for Length {
    type Output = Length;
    fn mul(self, factor: f64) -> Length {
        Length(self.0 * factor)
    }
}

impl fmt::Display for Length {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:.0} px", self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn units_convert_both_ways() {
        assert!((Length::mm(25.4).to_px() - 96.0).abs() < 1e-12);
        assert!((Length::pt(72.0).to_inches() - 1.0).abs() < 1e-12);
        assert!((Length::px(16.0).to_pt() - 12.0).abs() < 1e-12);
        assert!((Length::mm(210.0).to_mm() - 210.0).abs() < 1e-12);
        assert!((Length::inches(2.0).to_dots(150.0) - 300.0).abs() < 1e-12);
    }
}
