//! The map format as a JSON Schema, for editors that complete and check
//! TOML against one (taplo, Even Better TOML).
//!
//! The types here describe the file, not the model: the model keeps
//! spans, parsed scores and resolved lanes, while an editor needs the keys
//! as written, their types and ranges, and a sentence on each. A unit test
//! holds their keys to the parser's, so the two cannot drift apart, and an
//! integration test holds `schema/journeymap.schema.json` to [`json`].

// The fields are read by the schema derive only.
#![allow(dead_code)]

use std::collections::BTreeMap;

use schemars::JsonSchema;

// The keywords come from the model itself: its enums derive their schema.
use crate::model::{Mark, Orientation, Status};

/// A customer journey map for journeymap: a spine of stages, the answers
/// to the five questions for each, and the touchpoints.
#[derive(JsonSchema)]
#[schemars(title = "journeymap map", deny_unknown_fields)]
struct Map {
    /// The format version this map is written for (1).
    format: Option<u32>,
    /// The poster's headline, e.g. "Flying Nordic Air".
    title: String,
    /// A line under the title: what the journey covers.
    subtitle: Option<String>,
    /// What the journey is about, for readers who cannot see the poster;
    /// it opens the SVG's description. Not drawn on the poster.
    description: Option<String>,
    /// Whose journey this is, e.g. "Frequent business traveller".
    persona: Option<String>,
    /// The company the journey is with.
    organisation: Option<String>,
    /// The cross-functional team that made the map.
    team: Option<Vec<String>>,
    /// When the map was made or last revised: a TOML date, no quotes
    /// (date = 2026-11-22).
    #[schemars(extend("format" = "date"))]
    date: Option<String>,
    /// A free-form version label, e.g. "1.2".
    version: Option<String>,
    /// Whether the team has validated the map; a draft poster says so.
    status: Option<Status>,
    /// Where the insight came from (interviews, surveys…), shown in the
    /// footer.
    sources: Option<Vec<String>>,
    /// A built-in theme (classic, dark, print, colour-blind-safe) or the
    /// path of a theme file, relative to the map.
    theme: Option<String>,
    /// The poster's language, a BCP 47 tag: en, de, fr, es, nl, pl, sv
    /// have built-in labels; others fall back to English words. Without
    /// it, the language the map's text is clearly written in, else English.
    lang: Option<String>,
    /// The would-pay badge's sign: an ISO 4217 code (EUR, SEK) or a short
    /// sign.
    currency: Option<String>,
    /// The sentence under the title. Without it the poster writes one from
    /// its findings (the weakest stage and the first actions); "" hides it.
    headline: Option<String>,
    /// The map's own words for the poster's labels, by label key (see
    /// `journeymap themes`).
    labels: Option<BTreeMap<String, String>>,
    /// Poster size, orientation, panels and how many priorities it lists.
    poster: Option<Poster>,
    /// Custom rows beyond the five questions, e.g. "What are they
    /// thinking?"; each stage fills one with `KEY = "…"`.
    lane: Option<Vec<Lane>>,
    /// The spine: the major stages, in journey order, each with the
    /// answers to the five questions and its touchpoints.
    #[schemars(length(min = 1))]
    stage: Vec<Stage>,
}

/// A panel's keyword: one of the panels the layout declares (see
/// `layout::PANELS`), each with its own description.
struct PanelKeyword;

impl JsonSchema for PanelKeyword {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Panel".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        let one_of: Vec<serde_json::Value> = crate::layout::PANELS
            .iter()
            .map(|p| serde_json::json!({ "const": p.panel.as_str(), "description": p.description, "type": "string" }))
            .collect();
        schemars::json_schema!({
            "description": "A region of the poster that `[poster] panels` can switch on or off.",
            "oneOf": one_of,
        })
    }
}

/// `[poster]`: how the poster is laid out.
#[derive(JsonSchema)]
#[schemars(deny_unknown_fields)]
struct Poster {
    /// auto (the page grows to fit), a paper size (A0–A5, Letter, Legal,
    /// Tabloid, Slide) or WIDTHxHEIGHT with a unit (594x420mm, 1920x1080px).
    size: Option<String>,
    /// landscape or portrait.
    orientation: Option<Orientation>,
    /// Which panels the poster shows, in order.
    panels: Option<Vec<PanelKeyword>>,
    /// How many priorities the poster lists (8 by default; 0 hides the
    /// list).
    #[schemars(range(max = 50))]
    priorities: Option<u32>,
}

/// `[[lane]]`: a custom row.
#[derive(JsonSchema)]
#[schemars(deny_unknown_fields)]
struct Lane {
    /// The key stages use to fill this row, e.g. thinking.
    key: String,
    /// The row's label on the poster, e.g. "What are they thinking?".
    title: String,
}

/// An answer: one paragraph, or a list of bullets.
#[derive(JsonSchema)]
#[serde(untagged)]
enum Text {
    /// One paragraph.
    Paragraph(String),
    /// One bullet each.
    Bullets(Vec<String>),
}

/// `[[stage]]`: one column of the spine. Keys declared with `[[lane]]`
/// may be added, each with its answer.
#[derive(JsonSchema)]
struct Stage {
    /// The stage's name, e.g. Awareness. Unique in the map.
    name: String,
    /// What is the customer doing?
    doing: Option<Text>,
    /// What moves the customer to the next stage?
    motivation: Option<Text>,
    /// What worries or stops the customer?
    concerns: Option<Text>,
    /// What would ease those concerns?
    alleviation: Option<Text>,
    /// How hard it is to move on: 1 (none) to 5 (very high).
    #[schemars(range(min = 1, max = 5))]
    effort: Option<u8>,
    /// A word on the effort, e.g. "Needs three sites".
    effort_note: Option<String>,
    /// Every interaction between customer and company in this stage.
    touchpoint: Option<Vec<Touchpoint>>,
    /// Answers for the lanes declared with `[[lane]]`, by their key.
    #[serde(flatten)]
    lanes: BTreeMap<String, Text>,
}

/// `[[stage.touchpoint]]`: one interaction, as a card.
#[derive(JsonSchema)]
#[schemars(deny_unknown_fields)]
struct Touchpoint {
    /// The card's name, e.g. "Corporate booking tool". Unique in its stage.
    name: String,
    /// Where it happens: web, app, phone, desk…
    channel: Option<String>,
    /// The department that owns it; `render --per-owner` makes one poster
    /// per owner.
    owner: Option<String>,
    /// Who else takes part, besides the customer.
    actors: Option<Vec<String>>,
    /// essential, strength, pain, would-pay: the marks decide its priority.
    marks: Option<Vec<Mark>>,
    /// One of the few moments that most influence the customer.
    moment_of_truth: Option<bool>,
    /// The customer's feeling: 1 (very negative) to 5 (very positive).
    #[schemars(range(min = 1, max = 5))]
    score: Option<u8>,
    /// A note, shown as the card's tooltip in the SVG.
    note: Option<String>,
    /// The action the team agreed, listed with the priorities.
    action: Option<String>,
}

/// The schema as pretty-printed JSON, ending with a newline: the text of
/// `schema/journeymap.schema.json`.
pub fn json() -> String {
    let mut schema = serde_json::Value::from(schemars::schema_for!(Map));
    tidy(&mut schema);
    serde_json::to_string_pretty(&schema).unwrap_or_default() + "\n"
}

/// Fits the generated schema to TOML and to editors: TOML has no null
/// (an absent key is how a value is left out), so the `null` schemars adds
/// for an `Option` goes; and descriptions come from doc comments wrapped
/// at 80 columns, which an editor's tooltip wraps itself.
fn tidy(value: &mut serde_json::Value) {
    use serde_json::Value;
    match value {
        Value::Object(map) => {
            if let Some(Value::Array(types)) = map.get_mut("type") {
                types.retain(|t| t != "null");
                if types.len() == 1 {
                    let only = types.remove(0);
                    map.insert("type".to_owned(), only);
                }
            }
            if let Some(Value::Array(any)) = map.get_mut("anyOf") {
                any.retain(|s| s.get("type") != Some(&Value::String("null".to_owned())));
                if any.len() == 1 {
                    let only = any.remove(0);
                    map.remove("anyOf");
                    if let Value::Object(inner) = only {
                        map.extend(inner);
                    }
                }
            }
            for (key, v) in map.iter_mut() {
                match v {
                    Value::String(s) if key == "description" => *s = s.replace('\n', " "),
                    other => tidy(other),
                }
            }
        }
        Value::Array(items) => items.iter_mut().for_each(tidy),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::walk::{LANE_KEYS, POSTER_KEYS, STAGE_KEYS, TOP_KEYS, TOUCHPOINT_KEYS};

    fn keys(schema: &serde_json::Value, pointer: &str) -> Vec<String> {
        let mut keys: Vec<String> = schema
            .pointer(pointer)
            .and_then(serde_json::Value::as_object)
            .unwrap_or_else(|| panic!("{pointer} in the schema"))
            .keys()
            .cloned()
            .collect();
        keys.sort();
        keys
    }

    fn sorted(list: &[&str]) -> Vec<String> {
        let mut v: Vec<String> = list.iter().map(|s| (*s).to_owned()).collect();
        v.sort();
        v
    }

    #[test]
    fn the_schema_has_exactly_the_keys_the_parser_reads() {
        let schema: serde_json::Value = serde_json::from_str(&json()).expect("JSON");
        assert_eq!(keys(&schema, "/properties"), sorted(TOP_KEYS));
        assert_eq!(keys(&schema, "/$defs/Poster/properties"), sorted(POSTER_KEYS));
        assert_eq!(keys(&schema, "/$defs/Lane/properties"), sorted(LANE_KEYS));
        assert_eq!(keys(&schema, "/$defs/Stage/properties"), sorted(STAGE_KEYS));
        assert_eq!(keys(&schema, "/$defs/Touchpoint/properties"), sorted(TOUCHPOINT_KEYS));
        // A stage takes lane keys beside its own; nothing else does.
        assert!(schema.pointer("/$defs/Stage/additionalProperties").is_some_and(|v| v.is_object()));
        for table in ["", "/$defs/Poster", "/$defs/Lane", "/$defs/Touchpoint"] {
            let extra = schema.pointer(&format!("{table}/additionalProperties"));
            assert_eq!(extra, Some(&serde_json::Value::Bool(false)), "{table}");
        }
    }

    #[test]
    fn keywords_and_ranges_are_the_parsers() {
        let schema: serde_json::Value = serde_json::from_str(&json()).expect("JSON");
        let marks = schema.pointer("/$defs/Mark/oneOf").and_then(|v| v.as_array()).expect("marks");
        let names: Vec<&str> = marks
            .iter()
            .filter_map(|m| m.pointer("/const").or_else(|| m.pointer("/enum/0")))
            .filter_map(|v| v.as_str())
            .collect();
        let want: Vec<&str> = crate::model::Mark::ALL.iter().map(|m| m.as_str()).collect();
        assert_eq!(names.len(), want.len(), "{marks:?}");
        for m in want {
            assert!(names.contains(&m), "{m}");
        }
        let panels = schema.pointer("/$defs/Panel/oneOf").and_then(|v| v.as_array()).map_or(0, Vec::len);
        assert_eq!(panels, crate::layout::PANELS.len());
        let score = schema.pointer("/$defs/Touchpoint/properties/score").expect("score");
        assert!(score.to_string().contains("\"maximum\":5") && score.to_string().contains("\"minimum\":1"), "{score}");
    }
}
