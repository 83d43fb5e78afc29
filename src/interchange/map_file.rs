//! A journey file as the imports write it: typed entries serialised with
//! the `toml` crate, so every value is quoted and escaped by the crate that
//! reads it back, never by hand.
//!
//! The field order is the README example's: the map's fields, then
//! `[[lane]]`, then each `[[stage]]` with its `[[stage.touchpoint]]`s.

use serde::Serialize;
use serde::ser::{SerializeMap, Serializer};

/// The map's top level, as written.
#[derive(Debug, Default, Serialize)]
pub(crate) struct MapFile {
    pub(crate) title: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) subtitle: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) description: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) persona: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) organisation: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub(crate) team: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) date: Option<toml::value::Datetime>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) version: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) status: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub(crate) sources: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) theme: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) lang: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) currency: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) headline: Option<String>,
    #[serde(rename = "lane", skip_serializing_if = "Vec::is_empty")]
    pub(crate) lanes: Vec<LaneEntry>,
    #[serde(rename = "stage")]
    pub(crate) stages: Vec<StageEntry>,
}

/// `[[lane]]`.
#[derive(Debug, Serialize)]
pub(crate) struct LaneEntry {
    pub(crate) key: String,
    pub(crate) title: String,
}

/// An answer: a string is a paragraph, an array bullets.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(untagged)]
pub(crate) enum TextValue {
    Paragraph(String),
    Bullets(Vec<String>),
}

impl From<&crate::model::Text> for TextValue {
    fn from(t: &crate::model::Text) -> Self {
        match t {
            crate::model::Text::Paragraph(p) => TextValue::Paragraph(p.clone()),
            crate::model::Text::Bullets(b) => TextValue::Bullets(b.clone()),
        }
    }
}

/// `[[stage]]`. Serialised by hand: the lanes' keys are the map's own, so
/// they sit between the built-in fields and the touchpoints.
#[derive(Debug, Default)]
pub(crate) struct StageEntry {
    pub(crate) name: String,
    pub(crate) doing: Option<TextValue>,
    pub(crate) motivation: Option<TextValue>,
    pub(crate) concerns: Option<TextValue>,
    pub(crate) alleviation: Option<TextValue>,
    pub(crate) effort: Option<u8>,
    pub(crate) effort_note: Option<String>,
    /// Lane key and answer, in the lanes' order.
    pub(crate) lanes: Vec<(String, TextValue)>,
    pub(crate) touchpoints: Vec<TouchpointEntry>,
}

impl Serialize for StageEntry {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry("name", &self.name)?;
        for (key, value) in [
            ("doing", &self.doing),
            ("motivation", &self.motivation),
            ("concerns", &self.concerns),
            ("alleviation", &self.alleviation),
        ] {
            if let Some(v) = value {
                map.serialize_entry(key, v)?;
            }
        }
        if let Some(e) = self.effort {
            map.serialize_entry("effort", &e)?;
        }
        if let Some(n) = &self.effort_note {
            map.serialize_entry("effort_note", n)?;
        }
        for (key, value) in &self.lanes {
            map.serialize_entry(key, value)?;
        }
        if !self.touchpoints.is_empty() {
            map.serialize_entry("touchpoint", &self.touchpoints)?;
        }
        map.end()
    }
}

/// `[[stage.touchpoint]]`.
#[derive(Debug, Default, Serialize)]
pub(crate) struct TouchpointEntry {
    pub(crate) name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) channel: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) owner: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub(crate) actors: Vec<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub(crate) marks: Vec<String>,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub(crate) moment_of_truth: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) score: Option<u8>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) note: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) action: Option<String>,
}

impl MapFile {
    /// The journey file: `comments` (each line written after `# `), a blank
    /// line, then the map.
    pub(crate) fn to_toml(&self, comments: &[&str]) -> String {
        // A comment ends at a line break: one in a file's name would make
        // the rest of it TOML.
        let line = |c: &str| c.chars().map(|ch| if ch.is_control() { ' ' } else { ch }).collect::<String>();
        let mut out: String = comments.iter().map(|c| format!("# {}\n", line(c))).collect();
        if !out.is_empty() {
            out.push('\n');
        }
        // Serialising plain strings, numbers and tables cannot fail; should
        // the crate ever refuse, the map parser reports the empty result.
        out + &toml::to_string(self).unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_map_file_reads_back_exactly() {
        let map = MapFile {
            title: "T \"q\"\r\nx".into(),
            team: vec!["a\r\nb".into(), " c ".into()],
            date: "2026-11-22".parse().ok(),
            lanes: vec![LaneEntry { key: "a b".into(), title: "A (b)".into() }],
            stages: vec![StageEntry {
                name: "S".into(),
                doing: Some(TextValue::Bullets(vec!["x\r".into()])),
                effort: Some(2),
                lanes: vec![("a b".into(), TextValue::Paragraph("\r\n".into()))],
                touchpoints: vec![TouchpointEntry { name: "t".into(), score: Some(3), ..Default::default() }],
                ..Default::default()
            }],
            ..Default::default()
        };
        let text = map.to_toml(&["from x\ntitle = \"injected\""]);
        let parsed = crate::parse::parse_str("m.toml", &text, &crate::parse::Options::default());
        let j = parsed.journey.unwrap_or_else(|| panic!("{text}\n{:?}", parsed.diagnostics));
        assert_eq!(j.title, "T \"q\"\r\nx", "{text}");
        assert_eq!(j.team, ["a\r\nb", " c "], "{text}");
        assert_eq!(j.lanes[0].title, "A (b)");
        assert_eq!(j.stages[0].lanes[0].1, crate::model::Text::Paragraph("\r\n".into()), "{text}");
        assert!(text.find("title =") < text.find("[[lane]]") && text.find("[[lane]]") < text.find("[[stage]]"));
        assert!(text.find("[[stage]]") < text.find("[[stage.touchpoint]]"), "{text}");
    }
}
