//! The commented starter map `journeymap new` writes: a file that passes
//! `check` and teaches each field in the seed's own words.

use std::fmt::Write;

use crate::model::{Date, Question};

/// The spine most journeys share ("they nearly always begin with
/// AWARENESS … the final chapter is often RETURN").
pub const DEFAULT_STAGES: &[&str] = &["Awareness", "Consideration", "Purchase", "Use", "Support", "Return"];

/// Why a stage list for the starter is not usable.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum StarterError {
    /// No names at all.
    #[error("the stage list is empty")]
    Empty,
    /// A name that is blank after trimming.
    #[error("stage {0} has no name (two commas in a row?)")]
    Blank(usize),
    /// The same name twice.
    #[error("stage '{0}' is listed twice")]
    Duplicate(String),
}

/// Splits a comma-separated stage list (`"Awareness, Booking, Return"`).
///
/// # Errors
/// An empty list, a blank name or a repeated name.
pub fn parse_stage_list(list: &str) -> Result<Vec<String>, StarterError> {
    let names: Vec<String> = list.split(',').map(|s| s.trim().to_owned()).collect();
    if names.iter().all(String::is_empty) {
        return Err(StarterError::Empty);
    }
    for (i, name) in names.iter().enumerate() {
        if name.is_empty() {
            return Err(StarterError::Blank(i + 1));
        }
        if names[..i].contains(name) {
            return Err(StarterError::Duplicate(name.clone()));
        }
    }
    Ok(names)
}

/// Writes a starter map with one stage per name. Every field is present
/// and explained in a comment; answers are left empty for the team to fill,
/// so `check` lists what is still open.
pub fn starter_map<S: AsRef<str>>(stages: &[S], date: Option<Date>) -> String {
    let mut out = String::new();
    let date_line = match date {
        Some(d) => format!("{:<40}# a TOML date, no quotes\n", format!("date = {d}")),
        None => format!("{:<40}# a TOML date, no quotes\n", "# date = 2026-11-22"),
    };
    out.push_str(&format!(
        r#"#:schema journeymap.schema.json
# A customer journey map for journeymap. Render it with
#   journeymap render map.toml -o map.png
# and list what to do first with
#   journeymap priorities map.toml
#
# A journey map has a spine — the major stages a customer goes through with
# you, one column each — and, for every stage, the answers to five questions
# and the touchpoints (interactions between customer and company).

format = 1
title = "Our customer journey"          # required: the poster's headline
subtitle = ""                           # what the journey covers
persona = ""                            # whose journey this is
organisation = ""
team = []                               # the cross-functional team, e.g. ["Sales", "Support"]
{date_line}version = "0.1"
status = "draft"                        # "draft" until the team has validated it, then "validated"
sources = []                            # e.g. ["12 customer interviews, May 2026"]

[poster]
size = "auto"                           # A0–A6, Letter, Legal, Tabloid, Slide, "800x450mm", or auto
orientation = "landscape"               # or "portrait"

# There is no fixed template: declare your own rows with [[lane]], then fill
# them in each stage under their key.
# [[lane]]
# key = "thinking"
# title = "What are they thinking?"
"#
    ));
    for (i, name) in stages.iter().enumerate() {
        let name = name.as_ref();
        let _ = writeln!(out, "\n[[stage]]\nname = {}", toml_string(name));
        for q in Question::ALL {
            let _ = writeln!(out, "# {}", q.wording());
            if q == Question::Effort {
                out.push_str("# 1 (none) … 5 (very high), with a few words on why.\n");
                out.push_str("# effort = 3\neffort_note = \"\"\n");
            } else if matches!(q, Question::Concerns | Question::Alleviation) {
                let _ = writeln!(out, "{} = []   # one string per bullet", q.key());
            } else {
                let _ = writeln!(out, "{} = \"\"", q.key());
            }
        }
        if i == 0 {
            out.push_str(TOUCHPOINT_EXAMPLE);
        }
    }
    out
}

/// A literal TOML basic string, escaped.
fn toml_string(s: &str) -> String {
    toml::Value::String(s.to_owned()).to_string()
}

const TOUCHPOINT_EXAMPLE: &str = r#"
  # List every interaction (touchpoint) between the customer and the company
  # at this stage, then mark each one. Marks: "essential", "strength"
  # (performed really well from the customer's point of view), "pain" (a pain
  # point for the customer), "would-pay" (customers would pay for it).
  [[stage.touchpoint]]
  name = "First touchpoint"
  channel = ""                          # web, phone, shop, word of mouth…
  owner = ""                            # the department responsible
  actors = []
  marks = []
  moment_of_truth = false               # true for the few that matter most
  # score = 3                           # the customer's feeling, 1 (very negative) … 5 (very positive)
  note = ""
  action = ""                           # the improvement the team agreed (every pain point needs one)
"#;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stage_lists_are_checked() {
        assert_eq!(parse_stage_list(" A, B ,C"), Ok(vec!["A".into(), "B".into(), "C".into()]));
        assert_eq!(parse_stage_list(""), Err(StarterError::Empty));
        assert_eq!(parse_stage_list("A,,B"), Err(StarterError::Blank(2)));
        assert_eq!(parse_stage_list("A,B,A"), Err(StarterError::Duplicate("A".into())));
    }
}
