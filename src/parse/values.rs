//! Reading values out of the spanned TOML tree: strings, text, numbers,
//! dates, arrays and tables, each with a located error when the type is
//! wrong, and the unknown-key and control-character checks.

use toml::de::{DeTable, DeValue};

use super::suggest::did_you_mean;
use super::walk::{Context, Entry, Fields, TOUCHPOINT_KEYS, Value, Walker, default_title};
use crate::diag::{Code, Diagnostic};
use crate::model::{Date, Span, Text};

impl Walker<'_> {
    pub(super) fn unknown_keys(&mut self, f: Fields<'_, '_>, context: Context, lanes: &[&str]) {
        for e in f.entries {
            let known = context.keys().iter().chain(lanes.iter()).copied();
            let suggestion = did_you_mean(e.key, known);
            let is_text = matches!(e.value.get_ref(), DeValue::String(_) | DeValue::Array(_));
            let d = match (context, suggestion) {
                (_, Some(hint)) => Diagnostic::new(
                    Code::UnknownKey,
                    e.key_span,
                    e.key,
                    format!("unknown key '{}' {}", e.key, context.describe()),
                )
                .with_hint(hint),
                (Context::Stage, None) if TOUCHPOINT_KEYS.contains(&e.key) => Diagnostic::new(
                    Code::UnknownKey,
                    e.key_span,
                    e.key,
                    format!("'{}' is a touchpoint field, not a stage field", e.key),
                )
                .with_hint("move it under a [[stage.touchpoint]] of this stage"),
                (Context::Stage, None) if is_text => Diagnostic::new(
                    Code::UndeclaredLane,
                    e.key_span,
                    e.key,
                    format!("'{}' is not a stage field nor a declared lane", e.key),
                )
                .with_hint(format!(
                    "to add a custom row, declare it at the top level:\n[[lane]]\nkey = \"{}\"\ntitle = \"{}\"",
                    e.key,
                    default_title(e.key)
                )),
                (_, None) => Diagnostic::new(
                    Code::UnknownKey,
                    e.key_span,
                    e.key,
                    format!("unknown key '{}' {}", e.key, context.describe()),
                )
                .with_hint(format!("allowed keys: {}", context.keys().join(", "))),
            };
            self.push(d);
        }
    }

    /// A value as written in the source.
    pub(super) fn raw(&self, e: &Entry<'_, '_>) -> &str {
        self.text.get(e.span()).unwrap_or("").trim()
    }

    pub(super) fn bad_keyword(&mut self, e: &Entry<'_, '_>, got: &str, allowed: &[&str], what: &str) {
        let hint = did_you_mean(got, allowed.iter().copied())
            .unwrap_or_else(|| format!("{what} is one of: {}", allowed.join(", ")));
        self.push(
            Diagnostic::new(Code::BadValue, e.span(), e.key, format!("'{got}' is not a valid {}", e.key))
                .with_hint(hint),
        );
    }

    // Typed accessors. Each reports a wrong type at the value and returns
    // `None`, so a caller only deals with good values.

    pub(super) fn wrong_type(&mut self, span: Span, key: &str, expected: &str, value: &DeValue<'_>, hint: String) {
        self.push(
            Diagnostic::new(
                Code::WrongType,
                span,
                key,
                format!("'{key}' must be {expected}, not {}", article(value.type_str())),
            )
            .with_hint(hint),
        );
    }

    pub(super) fn string(&mut self, e: &Entry<'_, '_>) -> Option<String> {
        self.element_string(e, e.value)
    }

    /// A string that is `e` itself or an element of its array.
    pub(super) fn element_string(&mut self, e: &Entry<'_, '_>, v: &Value<'_>) -> Option<String> {
        if let DeValue::String(s) = v.get_ref() {
            self.check_controls(s, v.span(), e.key);
            return Some(s.to_string());
        }
        let raw = self.text.get(v.span()).unwrap_or("").trim();
        let hint = match v.get_ref() {
            DeValue::Integer(_) | DeValue::Float(_) | DeValue::Boolean(_) | DeValue::Datetime(_) => {
                format!("put the text in quotes: \"{raw}\"")
            }
            _ => "write the text in quotes, e.g. \"…\"".to_owned(),
        };
        self.wrong_type(v.span(), e.key, "a string", v.get_ref(), hint);
        None
    }

    /// An optional text field: a blank string counts as absent, so a
    /// starter file's `owner = ""` shows nothing rather than an empty line.
    pub(super) fn optional(&mut self, e: &Entry<'_, '_>) -> Option<String> {
        self.string(e).filter(|s| !s.trim().is_empty())
    }

    /// A string or an array of strings, as a list without blank entries.
    pub(super) fn strings(&mut self, e: &Entry<'_, '_>) -> Vec<String> {
        let all: Vec<String> = match e.value.get_ref() {
            DeValue::Array(a) => a.iter().filter_map(|v| self.element_string(e, v)).collect(),
            _ => self.string(e).into_iter().collect(),
        };
        all.into_iter().filter(|s| !s.trim().is_empty()).collect()
    }

    /// A paragraph (string) or bullets (array of strings).
    pub(super) fn text(&mut self, e: &Entry<'_, '_>) -> Option<Text> {
        match e.value.get_ref() {
            DeValue::Array(a) => Some(Text::Bullets(a.iter().filter_map(|v| self.element_string(e, v)).collect())),
            DeValue::String(_) => self.string(e).map(Text::Paragraph),
            other => {
                self.wrong_type(
                    e.span(),
                    e.key,
                    "text (a string, or an array of strings for bullets)",
                    other,
                    format!("write {} = \"…\" or {} = [\"…\", \"…\"]", e.key, e.key),
                );
                None
            }
        }
    }

    pub(super) fn integer(&mut self, e: &Entry<'_, '_>) -> Option<i64> {
        match e.value.get_ref() {
            DeValue::Integer(i) => {
                let digits = i.as_str().replace('_', "");
                let (sign, digits) = match digits.strip_prefix('-') {
                    Some(d) => (-1, d.to_owned()),
                    None => (1, digits.trim_start_matches('+').to_owned()),
                };
                let digits = digits.trim_start_matches("0x").trim_start_matches("0o").trim_start_matches("0b");
                // Saturate: a value too large for i64 is out of range all the
                // same, and keeps its sign in the message.
                let saturated = if sign < 0 { i64::MIN } else { i64::MAX };
                Some(i64::from_str_radix(digits, i.radix()).ok().and_then(|n| n.checked_mul(sign)).unwrap_or(saturated))
            }
            other => {
                let raw = self.text.get(e.span()).unwrap_or("").trim().trim_matches('"').to_owned();
                let hint = match other {
                    DeValue::Float(_) => format!(
                        "use a whole number from 1 to 5, e.g. {} = {}",
                        e.key,
                        raw.split('.').next().unwrap_or("3")
                    ),
                    DeValue::String(_) => {
                        format!("write the number without quotes: {} = {raw}", e.key)
                    }
                    _ => format!("write a whole number, e.g. {} = 3", e.key),
                };
                self.wrong_type(e.span(), e.key, "a whole number", other, hint);
                None
            }
        }
    }

    pub(super) fn boolean(&mut self, e: &Entry<'_, '_>) -> Option<bool> {
        match e.value.get_ref() {
            DeValue::Boolean(b) => Some(*b),
            other => {
                self.wrong_type(
                    e.span(),
                    e.key,
                    "true or false",
                    other,
                    format!("write {} = true (without quotes)", e.key),
                );
                None
            }
        }
    }

    pub(super) fn date(&mut self, e: &Entry<'_, '_>) -> Option<Date> {
        if let DeValue::Datetime(dt) = e.value.get_ref() {
            if let (Some(d), None, None) = (dt.date, dt.time, dt.offset) {
                return Some(Date { year: d.year, month: d.month, day: d.day });
            }
            self.push(
                Diagnostic::new(Code::WrongType, e.span(), "date", "'date' must be a date without a time")
                    .with_hint("write a TOML local date, e.g. date = 2026-11-22"),
            );
            return None;
        }
        let hint = match e.value.get_ref() {
            DeValue::String(s) => format!("write the date without quotes: date = {s}"),
            _ => "write a TOML local date without quotes, e.g. date = 2026-11-22".to_owned(),
        };
        self.wrong_type(e.span(), "date", "a date", e.value.get_ref(), hint);
        None
    }

    pub(super) fn array<'t, 'i>(&mut self, e: &Entry<'t, 'i>) -> Option<Vec<&'t Value<'i>>> {
        match e.value.get_ref() {
            DeValue::Array(a) => Some(a.iter().collect()),
            other => {
                self.wrong_type(e.span(), e.key, "an array", other, format!("write {} = [\"…\", \"…\"]", e.key));
                None
            }
        }
    }

    pub(super) fn table<'t, 'i>(&mut self, e: &Entry<'t, 'i>) -> Option<&'t DeTable<'i>> {
        match e.value.get_ref() {
            DeValue::Table(t) => Some(t),
            other => {
                self.wrong_type(e.span(), e.key, "a table", other, format!("write it as a [{}] section", e.key));
                None
            }
        }
    }

    /// The tables of an array of tables (`[[stage]]`), each with its span.
    pub(super) fn tables<'t, 'i>(&mut self, e: &Entry<'t, 'i>) -> Vec<(&'t DeTable<'i>, Span)> {
        let header = if e.key == "touchpoint" { "[[stage.touchpoint]]".to_owned() } else { format!("[[{}]]", e.key) };
        if let DeValue::Table(_) = e.value.get_ref() {
            // `[stage]` instead of `[[stage]]`: one table where a list is meant.
            self.push(
                Diagnostic::new(
                    Code::WrongType,
                    e.span(),
                    e.key,
                    format!("'{}' must be a list of tables, not one table", e.key),
                )
                .with_hint(format!("write {header} with two brackets, once for each {}", e.key)),
            );
            return Vec::new();
        }
        let Some(items) = self.array(e) else {
            return Vec::new();
        };
        let mut tables = Vec::new();
        for item in items {
            match item.get_ref() {
                DeValue::Table(t) => tables.push((t, item.span())),
                other => self.wrong_type(
                    item.span(),
                    e.key,
                    "a table",
                    other,
                    format!("write each one as a {header} section"),
                ),
            }
        }
        tables
    }

    /// Warns about characters that can disguise text on a shared poster:
    /// bidi overrides and other invisible controls.
    pub(super) fn check_controls(&mut self, s: &str, span: Span, key: &str) {
        let Some(c) = s.chars().find(|&c| is_disguising(c)) else {
            return;
        };
        // Point at the character itself when it is written literally.
        let at = self
            .text
            .get(span.clone())
            .and_then(|raw| raw.find(c))
            .map_or(span.clone(), |i| span.start + i..span.start + i + c.len_utf8());
        let what = if is_bidi(c) { "a bidirectional-override character" } else { "an invisible control character" };
        self.push(
            Diagnostic::new(Code::ControlCharacter, at, key, format!("'{key}' contains {what} (U+{:04X})", c as u32))
                .with_hint("it can make text read differently from what it says; remove it unless you meant it"),
        );
    }
}

fn is_bidi(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{061C}')
}

fn is_disguising(c: char) -> bool {
    is_bidi(c) || (c.is_control() && !matches!(c, '\n' | '\t' | '\r'))
}

fn article(type_name: &str) -> String {
    match type_name.chars().next() {
        Some('a' | 'e' | 'i' | 'o' | 'u') => format!("an {type_name}"),
        _ => format!("a {type_name}"),
    }
}
