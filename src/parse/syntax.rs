//! TOML syntax errors in the user's words. The parser says "invalid basic
//! string, expected `"`"; a workshop needs "the text of 'title' is not
//! closed", at the key, with the fix. Each common mistake becomes one error
//! that names the key or header; errors that only follow from it are left
//! out.

use crate::diag::{Code, Diagnostic};
use crate::model::Span;

/// Explains the parser's errors: one diagnostic per mistake, in the order
/// met. The first error of an unclosed string or header is the only one
/// kept, since everything after it is read wrongly.
pub(super) fn explain(text: &str, errors: &[toml::de::Error]) -> Vec<Diagnostic> {
    let mut out: Vec<Diagnostic> = Vec::new();
    let mut lines_seen: Vec<usize> = Vec::new();
    for error in errors {
        let span = error.span().unwrap_or(0..0);
        let (line_no, line_start, line) = line_at(text, span.start);
        if lines_seen.contains(&line_no) {
            continue;
        }
        lines_seen.push(line_no);
        let message = error.message().trim().trim_end_matches('.').to_owned();
        let d = classify(text, &message, span, line_no, line_start, line);
        let stops = matches!(d.key.as_str(), "") || d.message.contains("not closed");
        // Several duplicates can have one cause, reported once.
        if out.iter().any(|o| o.span == d.span && o.message == d.message) {
            continue;
        }
        out.push(d);
        if stops {
            break;
        }
    }
    out
}

/// The 1-based line number, start offset and text of the line holding
/// `offset`.
fn line_at(text: &str, offset: usize) -> (usize, usize, &str) {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
    let end = text[start..].find('\n').map_or(text.len(), |i| start + i);
    (text[..start].matches('\n').count() + 1, start, text[start..end].trim_end_matches('\r'))
}

/// The key a line sets (`title = …` → `title`), if it sets one.
fn key_of(line: &str) -> Option<&str> {
    let line = line.trim_start();
    if line.starts_with(['[', '#']) || line.is_empty() {
        return None;
    }
    let end = line.find(|c: char| !(c.is_alphanumeric() || matches!(c, '_' | '-' | '.'))).unwrap_or(line.len());
    (end > 0).then(|| &line[..end])
}

fn classify(text: &str, message: &str, span: Span, line_no: usize, line_start: usize, line: &str) -> Diagnostic {
    let key = key_of(line).unwrap_or("");
    let whole_line = line_start..line_start + line.len();
    let at_key = || {
        let offset = line.find(key).unwrap_or(0);
        line_start + offset..line_start + offset + key.len()
    };
    let syntax = |span: Span, key: &str, message: String, hint: String| {
        Diagnostic::new(Code::Syntax, span, key, message).with_hint(hint)
    };
    // Typographic quotes from a word processor or a chat.
    if line.contains(['“', '”', '‘', '’', '„', '«', '»']) {
        return syntax(
            whole_line,
            key,
            format!("the value of '{key}' uses typographic quotes, which TOML does not read as quotes"),
            "type straight quotes instead: key = \"text\" (word processors and chats turn them curly)".into(),
        );
    }
    let header = line.trim_start();
    if header.starts_with('[') {
        let name = header.trim_start_matches('[').split(']').next().unwrap_or("").trim();
        let double = header.starts_with("[[");
        let closed = if double { header.trim_end().ends_with("]]") } else { header.trim_end().ends_with(']') };
        if !closed {
            let fixed = if double { format!("[[{name}]]") } else { format!("[{name}]") };
            return syntax(
                whole_line,
                name,
                format!("the header '{}' is not closed", header.trim_end()),
                format!("write {fixed}"),
            );
        }
    }
    if message.contains("duplicate key") {
        return duplicate(text, span, line_no, key, &syntax);
    }
    if message.contains("invalid basic string")
        || message.contains("invalid literal string")
        || message.contains("unterminated")
    {
        return syntax(
            at_key(),
            key,
            format!("the text of '{key}' on line {line_no} is not closed"),
            "end it with \" on the same line; for text over several lines use three quotes: \"\"\"…\"\"\"".into(),
        );
    }
    if message.contains("expected `=`") {
        return syntax(
            at_key(),
            key,
            format!("'{key}' has no '=' before its value"),
            format!("write {key} = \"…\" (a key, an equals sign, then the value)"),
        );
    }
    if message.contains("string values must be quoted") {
        let value = line.split_once('=').map_or("", |(_, v)| v.trim());
        return syntax(
            at_key(),
            key,
            format!("the value of '{key}' needs quotes around it"),
            format!("write {key} = \"{value}\""),
        );
    }
    if message.contains("invalid date") || message.contains("invalid time") {
        return syntax(
            span,
            key,
            format!("'{key}' is not a real date: {}", message.lines().next().unwrap_or(message)),
            "write the date as year-month-day without quotes, e.g. date = 2026-11-22".into(),
        );
    }
    let first = message.lines().next().unwrap_or("invalid TOML").to_owned();
    let what = if key.is_empty() { first } else { format!("in '{key}': {first}") };
    syntax(
        span,
        key,
        what,
        "see https://toml.io for the syntax; strings need quotes, keys may appear once per table".into(),
    )
}

/// A duplicate key or table. Its usual cause in a map is a
/// `[[stage.touchpoint]]` written before any `[[stage]]`: the touchpoint
/// then makes `stage` a table, and every `[[stage]]` after it looks like a
/// duplicate. That is reported once, at the touchpoint's header.
fn duplicate(
    text: &str,
    span: Span,
    line_no: usize,
    key: &str,
    syntax: &dyn Fn(Span, &str, String, String) -> Diagnostic,
) -> Diagnostic {
    let headers: Vec<(usize, usize, &str)> = text
        .split_inclusive('\n')
        .scan(0, |at, l| {
            let start = *at;
            *at += l.len();
            Some((start, l))
        })
        .enumerate()
        .filter_map(|(i, (start, l))| {
            let t = l.trim();
            t.starts_with('[').then(|| (i + 1, start + (l.len() - l.trim_start().len()), t))
        })
        .collect();
    let first_stage = headers.iter().position(|(_, _, h)| h.replace(' ', "") == "[[stage]]");
    let early = headers.iter().position(|(_, _, h)| h.replace(' ', "").starts_with("[[stage.touchpoint"));
    if let (Some(tp), Some(st)) = (early, first_stage) {
        if tp < st {
            let (tp_line, tp_start, tp_header) = headers[tp];
            return syntax(
                tp_start..tp_start + tp_header.len(),
                "touchpoint",
                format!("the [[stage.touchpoint]] on line {tp_line} comes before any [[stage]]"),
                "move it under the [[stage]] it belongs to: each touchpoint follows its stage".into(),
            );
        }
    }
    let name = if key.is_empty() { text.get(span.clone()).unwrap_or("").trim().to_owned() } else { key.to_owned() };
    let first = text
        .lines()
        .enumerate()
        .find(|(i, l)| *i + 1 < line_no && key_of(l) == Some(name.as_str()))
        .map(|(i, _)| i + 1);
    let seen = first.map_or(String::new(), |l| format!(" (first on line {l})"));
    syntax(
        span,
        &name,
        format!("'{name}' is given twice in the same table{seen}"),
        "keep one of them: a key may appear once per table".into(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn explained(text: &str) -> Vec<(usize, String, String)> {
        let (_, errors) = toml::de::DeTable::parse_recoverable(text);
        explain(text, &errors)
            .into_iter()
            .map(|d| (line_at(text, d.span.start).0, d.key.clone(), d.message.clone()))
            .collect()
    }

    #[test]
    fn common_mistakes_are_named_once_in_the_users_words() {
        let cases: [(&str, usize, &str, &str); 8] = [
            ("title = \"Flying\n[[stage]]\nname = \"A\"\n", 1, "title", "is not closed"),
            ("title = “Flying”\n[[stage]]\nname = \"A\"\n", 1, "title", "typographic quotes"),
            ("title \"Flying\"\n[[stage]]\nname = \"A\"\n", 1, "title", "has no '='"),
            ("title = Flying Nordic\n[[stage]]\nname = \"A\"\n", 1, "title", "needs quotes"),
            ("title = \"t\"\n[[stage]\nname = \"A\"\n", 2, "stage", "is not closed"),
            (
                "title = \"t\"\ntitle = \"u\"\n[[stage]]\nname = \"A\"\n",
                2,
                "title",
                "given twice in the same table (first on line 1)",
            ),
            ("title = \"t\"\ndate = 2026-13-45\n[[stage]]\nname = \"A\"\n", 2, "date", "not a real date"),
            (
                "title = \"t\"\n[[stage.touchpoint]]\nname = \"x\"\n[[stage]]\nname = \"A\"\n[[stage]]\nname = \"B\"\n",
                2,
                "touchpoint",
                "comes before any [[stage]]",
            ),
        ];
        for (text, line, key, message) in cases {
            let found = explained(text);
            assert_eq!(found.len(), 1, "{text:?}: one error, not {found:?}");
            let (l, k, m) = &found[0];
            assert_eq!((*l, k.as_str()), (line, key), "{text:?}: {m}");
            assert!(m.contains(message), "{text:?}: {m}");
        }
    }
}
