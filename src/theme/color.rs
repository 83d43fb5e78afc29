//! An sRGB colour, written `#RRGGBB` in theme files.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// An opaque sRGB colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Color {
    /// Red, 0–255.
    pub r: u8,
    /// Green, 0–255.
    pub g: u8,
    /// Blue, 0–255.
    pub b: u8,
}

impl Color {
    /// `self` painted at `alpha` (0 to 1) over `base`, as a renderer
    /// blends it in sRGB.
    pub fn over(self, base: Color, alpha: f64) -> Color {
        let a = alpha.clamp(0.0, 1.0);
        let mix = |top: u8, under: u8| (f64::from(top) * a + f64::from(under) * (1.0 - a)).round() as u8;
        Color { r: mix(self.r, base.r), g: mix(self.g, base.g), b: mix(self.b, base.b) }
    }

    /// Parses `#RRGGBB` or `#RGB`.
    pub fn from_hex(s: &str) -> Option<Color> {
        let hex = s.strip_prefix('#')?;
        let digit = |i: usize, n: usize| u8::from_str_radix(hex.get(i..i + n)?, 16).ok();
        match hex.len() {
            6 => Some(Color { r: digit(0, 2)?, g: digit(2, 2)?, b: digit(4, 2)? }),
            3 => Some(Color { r: digit(0, 1)? * 17, g: digit(1, 1)? * 17, b: digit(2, 1)? * 17 }),
            _ => None,
        }
    }

    /// The linear-light red, green and blue, each 0 to 1.
    #[allow(clippy::disallowed_methods)] // Used for colour checks, never drawn.
    fn linear(self) -> [f64; 3] {
        let channel = |c: u8| {
            let c = f64::from(c) / 255.0;
            if c <= 0.04045 { c / 12.92 } else { ((c + 0.055) / 1.055).powf(2.4) }
        };
        [channel(self.r), channel(self.g), channel(self.b)]
    }

    /// WCAG 2 relative luminance, 0 (black) to 1 (white).
    pub fn luminance(self) -> f64 {
        let [r, g, b] = self.linear();
        0.2126 * r + 0.7152 * g + 0.0722 * b
    }

    /// CIELAB coordinates under D65 white: `[L*, a*, b*]`, lightness 0
    /// (black) to 100 (white). Lightness is what survives a greyscale
    /// printer and every kind of colour blindness, so the theme checks
    /// measure it rather than the RGB values.
    pub fn lab(self) -> [f64; 3] {
        let [r, g, b] = self.linear();
        let x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047;
        let y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
        let z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883;
        // The CIE function: a cube root, straightened near black.
        let f = |t: f64| if t > 216.0 / 24389.0 { t.cbrt() } else { (24389.0 / 27.0 * t + 16.0) / 116.0 };
        let (fx, fy, fz) = (f(x), f(y), f(z));
        [116.0 * fy - 16.0, 500.0 * (fx - fy), 200.0 * (fy - fz)]
    }

    /// CIELAB lightness L*, 0 (black) to 100 (white).
    pub fn lightness(self) -> f64 {
        self.lab()[0]
    }

    /// Whether the colour reads as green, the colour of "good": a CIELAB
    /// hue angle from 105° (just past pure yellow, at 103°) to 200° (teals
    /// and cyan, at 196°, still count: they read as green beside red) with
    /// a chroma above 15 (a grey with a green cast is still a grey). The angle is tested with cross products
    /// against the sector's edges, so no trigonometry is needed.
    pub fn reads_as_green(self) -> bool {
        // Unit vectors at 105° and 200°, written out.
        const FROM: (f64, f64) = (-0.258_819_045, 0.965_925_826);
        const TO: (f64, f64) = (-0.939_692_621, -0.342_020_143);
        let [_, a, b] = self.lab();
        let chroma_squared = a * a + b * b;
        let after_from = FROM.0 * b - FROM.1 * a >= 0.0;
        let before_to = a * TO.1 - b * TO.0 >= 0.0;
        chroma_squared > 15.0 * 15.0 && after_from && before_to
    }

    /// WCAG 2 contrast ratio against `other`, 1 to 21.
    pub fn contrast(self, other: Color) -> f64 {
        let (a, b) = (self.luminance(), other.luminance());
        (a.max(b) + 0.05) / (a.min(b) + 0.05)
    }

    /// The grey a greyscale printer would print, 0–255 (Rec. 709 luma).
    pub fn grey(self) -> f64 {
        0.2126 * f64::from(self.r) + 0.7152 * f64::from(self.g) + 0.0722 * f64::from(self.b)
    }
}

impl fmt::Display for Color {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "#{:02X}{:02X}{:02X}", self.r, self.g, self.b)
    }
}

impl Serialize for Color {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.to_string())
    }
}

impl<'de> Deserialize<'de> for Color {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Color, D::Error> {
        let s = String::deserialize(d)?;
        Color::from_hex(&s).ok_or_else(|| serde::de::Error::custom(format!("'{s}' is not a colour; write #RRGGBB")))
    }
}

/// How many colours a `score` ramp has: one per score, 1 to 5. Fewer
/// would leave a score without a colour; more were once read and ignored
/// (a ramp of 100,000 colours was accepted), so either is refused.
pub const SCORE_RAMP: usize = 5;

/// Reads a `score` ramp of exactly [`SCORE_RAMP`] colours; past that the
/// entries are only counted, for the message.
pub(crate) fn score_ramp<'de, D: serde::Deserializer<'de>>(d: D) -> Result<[Color; 5], D::Error> {
    struct Ramp;
    impl<'de> serde::de::Visitor<'de> for Ramp {
        type Value = [Color; 5];
        fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            write!(f, "a list of {SCORE_RAMP} colours")
        }
        fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
            let mut ramp = [Color::default(); SCORE_RAMP];
            let mut count = 0;
            while count < SCORE_RAMP {
                match seq.next_element::<Color>()? {
                    Some(c) => ramp[count] = c,
                    None => break,
                }
                count += 1;
            }
            while seq.next_element::<serde::de::IgnoredAny>()?.is_some() {
                count += 1;
            }
            if count == SCORE_RAMP {
                return Ok(ramp);
            }
            Err(serde::de::Error::custom(format!(
                "'score' has {count} colour{}; a score ramp has exactly {SCORE_RAMP}, one per score from 1 (worst) to 5 (best)",
                if count == 1 { "" } else { "s" }
            )))
        }
    }
    d.deserialize_seq(Ramp)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_prints_hex() {
        assert_eq!(Color::from_hex("#1E4B7A").map(|c| c.to_string()), Some("#1E4B7A".to_owned()));
        assert_eq!(Color::from_hex("#fff"), Some(Color { r: 255, g: 255, b: 255 }));
        assert_eq!(Color::from_hex("1E4B7A"), None);
        let black = Color { r: 0, g: 0, b: 0 };
        let white = Color { r: 255, g: 255, b: 255 };
        assert!((black.contrast(white) - 21.0).abs() < 1e-9);
    }

    fn hex(s: &str) -> Color {
        Color::from_hex(s).unwrap()
    }

    #[test]
    fn lightness_matches_published_cielab_values() {
        // Reference values from the CIE formulas (D65, 2°).
        for (colour, l, a, b) in [
            ("#FFFFFF", 100.0, 0.0, 0.0),
            ("#000000", 0.0, 0.0, 0.0),
            ("#FF0000", 53.24, 80.09, 67.20),
            ("#00FF00", 87.73, -86.18, 83.18),
            ("#0000FF", 32.30, 79.19, -107.86),
            ("#777777", 50.03, 0.0, 0.0),
        ] {
            let [gl, ga, gb] = hex(colour).lab();
            let near = |x: f64, y: f64| (x - y).abs() < 0.1;
            assert!(near(gl, l) && near(ga, a) && near(gb, b), "{colour}: {gl:.2} {ga:.2} {gb:.2}");
        }
    }

    #[test]
    fn green_is_told_from_yellow_teal_blue_red_and_grey() {
        for green in ["#00FF00", "#198A4A", "#009E73", "#36B26E", "#7FBF3F", "#2E8B57"] {
            assert!(hex(green).reads_as_green(), "{green}");
        }
        // Yellow, amber, red, blue, purple, a greenish grey, black, white.
        for other in ["#FFFF00", "#B86E00", "#F5A623", "#C4372B", "#0072B2", "#542788", "#8A9088", "#000000", "#FFFFFF"]
        {
            assert!(!hex(other).reads_as_green(), "{other}");
        }
    }

    #[test]
    fn a_score_ramp_has_exactly_five_colours() {
        let ramp = |n: usize| {
            let colours = vec!["\"#102030\""; n].join(", ");
            toml::from_str::<Ramp>(&format!("score = [{colours}]")).map_err(|e| e.message().to_owned())
        };
        assert!(ramp(5).is_ok());
        for n in [0, 4, 6, 100_000] {
            let message = ramp(n).err().unwrap_or_else(|| panic!("{n} colours were accepted"));
            assert!(message.contains(&format!("has {n} colours")) && message.contains("exactly 5"), "{message}");
        }
    }

    #[derive(Debug, serde::Deserialize)]
    struct Ramp {
        #[serde(deserialize_with = "score_ramp")]
        #[allow(dead_code)] // Read only to be refused.
        score: [Color; SCORE_RAMP],
    }
}
