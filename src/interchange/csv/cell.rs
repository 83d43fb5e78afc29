//! What a value looks like in a cell, and back.
//!
//! Each kind of value has a plain form a person reads and types (a list
//! one item a line, bullets as `• ` lines) and, for the values the plain
//! form cannot hold exactly (an item with a line break or spaces at its
//! ends, a paragraph that reads like bullets, an empty paragraph), a TOML
//! form: a quoted string or an array of them. The writer uses the plain
//! form only when reading it back gives the same value, so every value
//! round-trips exactly while most cells stay plain.
//!
//! Last comes the formula guard: a cell a spreadsheet would run as a
//! formula or command (starting with `=`, `+`, `-`, `@`, a tab or a
//! carriage return, as OWASP lists them) gets a leading `'`. A value that
//! itself starts with one or more `'` and then such a character gets one
//! more `'`, guard or not, so that taking one off is always right.

use crate::interchange::FORMULA_STARTS;
use crate::interchange::map_file::TextValue;
use crate::model::Text;

/// The deepest nesting a TOML form is read with: the writer's forms have
/// one level; anything deeper is plain text, never handed to the TOML
/// parser (which recurses).
const MAX_FORM_DEPTH: usize = 2;

/// A value as its cell: with `guard`, a `'` before a formula start.
pub(super) fn guard(value: String, guard: bool) -> String {
    let escaped = value.starts_with('\'') && value.trim_start_matches('\'').starts_with(FORMULA_STARTS);
    if escaped || (guard && value.starts_with(FORMULA_STARTS)) { format!("'{value}") } else { value }
}

/// A cell's value: one leading `'` before a formula start taken off.
pub(super) fn unguard(cell: &str) -> String {
    match cell.strip_prefix('\'') {
        Some(rest) if rest.trim_start_matches('\'').starts_with(FORMULA_STARTS) => rest.to_owned(),
        _ => cell.to_owned(),
    }
}

/// A paragraph or bullets as a cell; `None` as an empty one.
pub(super) fn text_cell(text: Option<&Text>) -> String {
    let Some(text) = text else { return String::new() };
    let value = TextValue::from(text);
    let plain = match text {
        Text::Paragraph(p) => p.clone(),
        Text::Bullets(items) => items.iter().map(|i| format!("• {i}")).collect::<Vec<_>>().join("\n"),
    };
    if read_text(&plain).as_ref() == Some(&value) { plain } else { toml_form(&value) }
}

/// A cell as a paragraph or bullets: a TOML string or array as written;
/// lines that all start with `• ` or `- ` as bullets; otherwise the cell
/// as it is. An empty cell (or one of spaces) is no answer.
pub(super) fn read_text(cell: &str) -> Option<TextValue> {
    if cell.trim().is_empty() {
        return None;
    }
    if let Some(value) = read_toml_form(cell) {
        return Some(value);
    }
    let lines: Vec<&str> = cell.lines().map(str::trim).filter(|l| !l.is_empty()).collect();
    let bullet = |l: &str| l.strip_prefix("• ").or_else(|| l.strip_prefix("- ")).map(|b| b.trim().to_owned());
    if lines.iter().all(|l| bullet(l).is_some()) {
        return Some(TextValue::Bullets(lines.iter().filter_map(|l| bullet(l)).collect()));
    }
    Some(TextValue::Paragraph(cell.to_owned()))
}

/// A field that may be given yet blank (the map's `lang`, which the map
/// keeps as written) as a cell: plain, or a TOML string when the plain
/// form would not read back, as for an empty one.
pub(super) fn given_cell(value: Option<&str>) -> String {
    match value {
        None => String::new(),
        Some(v) if read_given(v).as_deref() == Some(v) => v.to_owned(),
        Some(v) => escaped(v),
    }
}

/// A cell as a field that may be blank: a TOML string as written, any
/// other cell as it is; an empty cell is no value.
pub(super) fn read_given(cell: &str) -> Option<String> {
    match read_toml_form(cell) {
        _ if cell.is_empty() => None,
        Some(TextValue::Paragraph(p)) => Some(p),
        _ => Some(cell.to_owned()),
    }
}

/// A list (actors, team, sources) as a cell: one item a line.
pub(super) fn list_cell(items: &[String]) -> String {
    let plain = items.join("\n");
    if read_list(&plain) == items { plain } else { toml_form(&TextValue::Bullets(items.to_vec())) }
}

/// A cell as a list: a TOML array as written, or one item a line, trimmed,
/// blank lines left out.
pub(super) fn read_list(cell: &str) -> Vec<String> {
    if let Some(TextValue::Bullets(items)) = read_toml_form(cell) {
        return items;
    }
    cell.lines().map(str::trim).filter(|l| !l.is_empty()).map(str::to_owned).collect()
}

/// A lane's column header: `lane.KEY (Title)`, the key as a TOML string
/// when it has ` (`, a leading `"` or spaces at its ends.
pub(super) fn lane_header(key: &str, title: &str) -> String {
    let plain = format!("lane.{key} ({title})");
    if read_lane_header(&plain).is_some_and(|(k, t)| k == key && t == title) {
        plain
    } else {
        format!("lane.{} ({title})", toml_form(&TextValue::Paragraph(key.to_owned())))
    }
}

/// A header cell as a lane's key and title; `None` when it is not a lane
/// column. Without ` (Title)` the key is the title too.
pub(super) fn read_lane_header(cell: &str) -> Option<(String, String)> {
    let lane = cell.trim_start().strip_prefix("lane.")?;
    let (key, rest) = match quoted_prefix(lane) {
        Some((key, rest)) => (key, rest),
        None => match lane.split_once(" (") {
            Some((key, title)) => (key.trim().to_owned(), format!(" ({title}")),
            None => (lane.trim().to_owned(), String::new()),
        },
    };
    let title = match rest.strip_prefix(" (") {
        Some(title) => title.strip_suffix(')').unwrap_or(title).to_owned(),
        None => key.clone(),
    };
    Some((key, title))
}

/// A TOML basic string at the start of `text`, read, and what follows it.
fn quoted_prefix(text: &str) -> Option<(String, String)> {
    let mut chars = text.char_indices();
    if chars.next()?.1 != '"' {
        return None;
    }
    let mut escaped = false;
    let end = chars.find(|&(_, c)| {
        let close = c == '"' && !escaped;
        escaped = c == '\\' && !escaped;
        close
    })?;
    let Some(TextValue::Paragraph(key)) = read_toml_form(&text[..=end.0]) else { return None };
    Some((key, text[end.0 + 1..].to_owned()))
}

/// A value in its TOML form: a string with every line break escaped, or
/// an array of such strings.
fn toml_form(value: &TextValue) -> String {
    match value {
        TextValue::Paragraph(p) => escaped(p),
        TextValue::Bullets(items) => format!("[{}]", items.iter().map(|i| escaped(i)).collect::<Vec<_>>().join(", ")),
    }
}

/// A TOML basic string on one line: `"`, `\` and control characters
/// escaped, so a CRLF inside comes back as CRLF.
fn escaped(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => out.push_str(&format!("\\u{:04X}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A cell that is wholly a TOML string or array of strings, read; `None`
/// for any other cell, which is then plain text.
fn read_toml_form(cell: &str) -> Option<TextValue> {
    if !cell.starts_with(['"', '[']) || depth(cell) > MAX_FORM_DEPTH {
        return None;
    }
    let table: toml::Table = toml::from_str(&format!("v = {cell}")).ok()?;
    if table.len() != 1 {
        return None;
    }
    match table.get("v")? {
        toml::Value::String(s) => Some(TextValue::Paragraph(s.clone())),
        toml::Value::Array(items) => {
            items.iter().map(|i| i.as_str().map(str::to_owned)).collect::<Option<Vec<_>>>().map(TextValue::Bullets)
        }
        _ => None,
    }
}

/// How deep brackets and braces nest outside strings, to keep hostile
/// cells away from the recursive TOML parser.
fn depth(cell: &str) -> usize {
    let (mut depth, mut deepest) = (0usize, 0usize);
    let mut quote: Option<char> = None;
    let mut escaped = false;
    for c in cell.chars() {
        match quote {
            Some(q) => {
                if c == q && !escaped {
                    quote = None;
                }
                escaped = q == '"' && c == '\\' && !escaped;
            }
            None => match c {
                '"' | '\'' => quote = Some(c),
                '[' | '{' => {
                    depth += 1;
                    deepest = deepest.max(depth);
                }
                ']' | '}' => depth = depth.saturating_sub(1),
                _ => {}
            },
        }
    }
    deepest
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_where_plain_reads_back_else_toml() {
        assert_eq!(text_cell(Some(&Text::Bullets(vec!["one".into(), "two".into()]))), "• one\n• two");
        assert_eq!(text_cell(Some(&Text::Paragraph("- a\n- b".into()))), "\"- a\\n- b\"");
        assert_eq!(text_cell(Some(&Text::Paragraph(String::new()))), "\"\"");
        assert_eq!(text_cell(Some(&Text::Bullets(Vec::new()))), "[]");
        assert_eq!(list_cell(&["Me".into(), "Cat".into()]), "Me\nCat");
        assert_eq!(list_cell(&[" Me".into(), "a\r\nb".into()]), "[\" Me\", \"a\\r\\nb\"]");
        assert_eq!(read_list("Me\n\nCat "), ["Me", "Cat"]);
        assert_eq!(lane_header("k", "A (b)"), "lane.k (A (b))");
        assert_eq!(read_lane_header("lane.k (A (b))"), Some(("k".into(), "A (b)".into())));
        assert_eq!(lane_header("a (b", "T"), "lane.\"a (b\" (T)");
        assert_eq!(read_lane_header("lane.\"a (b\" (T)"), Some(("a (b".into(), "T".into())));
        assert_eq!(read_lane_header("lane.thinking"), Some(("thinking".into(), "thinking".into())));
        assert_eq!(depth("[[[\"[[\"]]]"), 3);
        assert_eq!(read_text(&"[".repeat(100_000)), Some(TextValue::Paragraph("[".repeat(100_000))));
    }

    #[test]
    fn the_guard_comes_off_exactly() {
        for value in ["=1+1", "+1", "-5 minutes", "@x", "\tx", "\rx", "'=x", "''-x", "'quoted", "plain", "'"] {
            for on in [true, false] {
                assert_eq!(unguard(&guard(value.to_owned(), on)), value, "{value:?} guard {on}");
            }
            assert!(!guard(value.to_owned(), true).starts_with(FORMULA_STARTS), "{value:?}");
        }
        assert_eq!(unguard("'quoted"), "'quoted");
    }
}
