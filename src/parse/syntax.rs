//! TOML syntax errors in the user's words. The parser says "invalid basic
//! string, expected `"`"; a workshop needs "the text of 'title' is not
//! closed", at the key, with the fix. Each common mistake becomes one error
//! that names the key or header; errors that only follow from it are left
//! out.

use std::cell::OnceCell;
use std::collections::{HashMap, HashSet};

use crate::diag::{Code, Diagnostic};
use crate::model::Span;

/// The map's lines, headers and first keys, found once for all its
/// errors: a file of thousands of mistakes costs time in proportion to
/// its size, not to its size times its mistakes.
struct Text<'t> {
    text: &'t str,
    /// The byte offset where each line starts.
    starts: Vec<usize>,
    /// Each `[header]` line: its 1-based number, the offset of its `[`,
    /// and its text.
    headers: OnceCell<Vec<(usize, usize, &'t str)>>,
    /// The first line (1-based) that sets each key.
    first_keys: OnceCell<HashMap<&'t str, usize>>,
    /// What the headers say about duplicates, found once.
    header_facts: OnceCell<HeaderFacts<'t>>,
}

/// Facts about a map's headers that every duplicate-key error asks:
/// worked out once, so that thousands of duplicates cost one pass.
struct HeaderFacts<'t> {
    /// The index (into [`Text::headers`]) of a `[[stage.touchpoint]]`
    /// that comes before the first `[[stage]]`, if one does.
    early_touchpoint: Option<usize>,
    /// The first line of each `[table]` (single brackets), by name.
    first_table: HashMap<&'t str, usize>,
}

impl<'t> Text<'t> {
    fn new(text: &'t str) -> Text<'t> {
        let starts = std::iter::once(0).chain(text.match_indices('\n').map(|(i, _)| i + 1)).collect();
        Text { text, starts, headers: OnceCell::new(), first_keys: OnceCell::new(), header_facts: OnceCell::new() }
    }

    /// The 1-based line number, start offset and text of the line
    /// holding `offset`.
    fn line_at(&self, offset: usize) -> (usize, usize, &'t str) {
        let line = self.starts.partition_point(|&s| s <= offset.min(self.text.len())).max(1);
        (line, self.starts[line - 1], self.line(line))
    }

    /// Line `n` (1-based), without its line break.
    fn line(&self, n: usize) -> &'t str {
        let Some(&start) = self.starts.get(n.wrapping_sub(1)) else { return "" };
        let end = self.starts.get(n).map_or(self.text.len(), |&next| next - 1);
        self.text.get(start..end.max(start)).unwrap_or("").trim_end_matches('\r')
    }

    fn headers(&self) -> &[(usize, usize, &'t str)] {
        self.headers.get_or_init(|| {
            (1..=self.starts.len())
                .filter_map(|n| {
                    let l = self.line(n);
                    let t = l.trim();
                    t.starts_with('[').then(|| (n, self.starts[n - 1] + (l.len() - l.trim_start().len()), t))
                })
                .collect()
        })
    }

    fn header_facts(&self) -> &HeaderFacts<'t> {
        self.header_facts.get_or_init(|| {
            let headers = self.headers();
            let squeezed = |h: &str| h.replace(' ', "");
            let first_stage = headers.iter().position(|(_, _, h)| squeezed(h) == "[[stage]]");
            let early = headers.iter().position(|(_, _, h)| squeezed(h).starts_with("[[stage.touchpoint"));
            let early_touchpoint = early.filter(|&tp| first_stage.is_some_and(|st| tp < st));
            let mut first_table = HashMap::new();
            for &(line, _, h) in headers.iter().filter(|(_, _, h)| !h.starts_with("[[")) {
                first_table.entry(h.trim_matches(['[', ']']).trim()).or_insert(line);
            }
            HeaderFacts { early_touchpoint, first_table }
        })
    }

    /// The header on line `line_no`, if that line is one.
    fn header_at(&self, line_no: usize) -> Option<(usize, usize, &'t str)> {
        let headers = self.headers();
        let i = headers.partition_point(|(l, _, _)| *l < line_no);
        headers.get(i).copied().filter(|(l, _, _)| *l == line_no)
    }

    /// The first line before `line_no` that sets `key`, if any.
    fn first_setting(&self, key: &str, line_no: usize) -> Option<usize> {
        let first = self.first_keys.get_or_init(|| {
            let mut first = HashMap::new();
            for n in 1..=self.starts.len() {
                if let Some(k) = key_of(self.line(n)) {
                    first.entry(k).or_insert(n);
                }
            }
            first
        });
        first.get(key).copied().filter(|&l| l < line_no)
    }
}

/// Explains the parser's errors: one diagnostic per mistake, in the order
/// met. The first error of an unclosed string or header is the only one
/// kept, since everything after it is read wrongly.
pub(super) fn explain(text: &str, errors: &[toml::de::Error]) -> Vec<Diagnostic> {
    // An unclosed list swallows the lines after it, and the parser
    // reports each of them before it says the list was never closed; the
    // mistake is on the line that opened it.
    if let Some(d) = errors.iter().find_map(|e| unclosed_list(text, e)) {
        return vec![d];
    }
    let index = Text::new(text);
    let mut out: Vec<Diagnostic> = Vec::new();
    let mut reported: HashSet<(usize, usize, String)> = HashSet::new();
    let mut lines_seen: HashSet<usize> = HashSet::new();
    // Lines of a section given twice: its keys are duplicates only
    // because the header is.
    let mut repeated_section = 0..0;
    for error in errors {
        let span = error.span().unwrap_or(0..0);
        let (line_no, line_start, line) = index.line_at(span.start);
        if repeated_section.contains(&line_no) || !lines_seen.insert(line_no) {
            continue;
        }
        if line.trim_start().starts_with('[') && error.message().contains("duplicate key") {
            repeated_section = line_no + 1..section_end(&index, line_no);
        }
        let message = error.message().trim().trim_end_matches('.').to_owned();
        let d = classify(&index, &message, span, line_no, line_start, line);
        let stops = matches!(d.key.as_str(), "") || d.message.contains("not closed");
        // Several duplicates can have one cause, reported once.
        if !reported.insert((d.span.start, d.span.end, d.message.clone())) {
            continue;
        }
        out.push(d);
        if stops {
            break;
        }
    }
    // The parser may report what follows an unclosed string before the
    // string itself: everything after the unclosed text is read wrongly,
    // so only mistakes before it are kept.
    if let Some(at) = out.iter().filter(|d| d.message.contains("not closed")).map(|d| d.span.start).min() {
        out.retain(|d| d.span.start <= at);
    }
    out
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

fn classify(index: &Text<'_>, message: &str, span: Span, line_no: usize, line_start: usize, line: &str) -> Diagnostic {
    let text = index.text;
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
    // Backticks from Markdown or a chat.
    if let Some(value) = line.split_once('=').map(|(_, v)| v.trim()).filter(|v| v.starts_with('`')) {
        let inner = value.trim_matches('`');
        return syntax(
            at_key(),
            key,
            format!("the value of '{key}' is in backticks, which TOML does not read as quotes"),
            format!("use straight double quotes: {key} = \"{inner}\""),
        );
    }
    // What the parser calls "unexpected key or value" after a complete
    // value is nearly always a comma from JSON or a bracket too many.
    if message.contains("expected newline")
        && let Some(d) = after_value(text, span.clone(), line_no, line_start, line, key)
    {
        return d;
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
        return duplicate(index, span, line_no, key, &syntax);
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
        if let Some(items) = value.strip_prefix('[').and_then(|v| v.strip_suffix(']')) {
            let quoted: Vec<String> = items
                .split(',')
                .map(str::trim)
                .filter(|i| !i.is_empty())
                .map(|i| format!("\"{}\"", i.trim_matches('"')))
                .collect();
            return syntax(
                at_key(),
                key,
                format!("the items of '{key}' need quotes around them"),
                format!("write {key} = [{}]", quoted.join(", ")),
            );
        }
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

/// A comma or closing bracket after a complete value or header: one
/// character too many, named with the fix.
fn after_value(text: &str, span: Span, line_no: usize, line_start: usize, line: &str, key: &str) -> Option<Diagnostic> {
    let extra = text.get(span.start..)?.chars().next()?;
    let header = line.trim_start().starts_with('[');
    let name = if header { line.trim().trim_matches(['[', ']']).trim() } else { key };
    let at = span.start..span.start + extra.len_utf8();
    let line_no_text = format!("line {line_no}");
    let removed = {
        let offset = span.start - line_start;
        format!("{}{}", &line[..offset.min(line.len())], line.get(offset + extra.len_utf8()..).unwrap_or(""))
    };
    let (message, hint) = match (extra, header) {
        (',', false) => (
            format!("'{key}' on {line_no_text} ends with a comma; TOML puts each key on its own line, without commas"),
            format!("remove the comma: {}", removed.trim()),
        ),
        (']', true) => (
            format!("the header '{}' on {line_no_text} has a ']' too many", line.trim()),
            format!("write {}", removed.trim()),
        ),
        (']', false) => (
            format!("the value of '{key}' on {line_no_text} has a ']' too many"),
            format!("remove one: {}", removed.trim()),
        ),
        (_, false) if !key.is_empty() => {
            let rest: String = text[span.start..].lines().next().unwrap_or("").chars().take(40).collect();
            (
                format!("'{key}' on {line_no_text} has more after its value: {}", rest.trim()),
                "a line holds one key = value; quote the whole text, or put a note after #".to_owned(),
            )
        }
        _ => return None,
    };
    Some(Diagnostic::new(Code::Syntax, at, name, message).with_hint(hint))
}

/// A list (`[ … ]`) or inline table (`{ … }`) that is never closed,
/// reported at the end of the line that opened it.
fn unclosed_list(text: &str, error: &toml::de::Error) -> Option<Diagnostic> {
    let (kind, close) = if error.message().contains("unclosed array") {
        ("list", ']')
    } else if error.message().contains("unclosed inline table") {
        ("inline table", '}')
    } else {
        return None;
    };
    let open = if close == ']' { '[' } else { '{' };
    let until = error.span().map_or(text.len(), |s| s.start).min(text.len());
    // The last line, up to the error, that sets a key to a value opened
    // but not closed on that line.
    let mut start = 0;
    let mut found = None;
    for (i, raw) in text.split_inclusive('\n').enumerate() {
        if start > until {
            break;
        }
        let line = raw.trim_end_matches(['\n', '\r']);
        if let Some((k, v)) = line.split_once('=') {
            let v = v.trim();
            if v.starts_with(open) && v.matches(open).count() > v.matches(close).count() && key_of(line).is_some() {
                found = Some((i + 1, start, line, k.trim().to_owned()));
            }
        }
        start += raw.len();
    }
    let (line_no, line_start, line, key) = found?;
    let end = line_start + line.trim_end().len();
    let fixed = format!("{}{close}", line.trim());
    Some(
        Diagnostic::new(
            Code::Syntax,
            end.saturating_sub(1)..end,
            &key,
            format!("the {kind} of '{key}' on line {line_no} is not closed"),
        )
        .with_hint(format!("end it with {close} on the same line: {fixed}")),
    )
}

/// The line after the last line of the section whose header is on
/// `header_line` (1-based): the next header or the end of the file.
fn section_end(index: &Text<'_>, header_line: usize) -> usize {
    let headers = index.headers();
    let next = headers.partition_point(|(l, _, _)| *l <= header_line);
    headers.get(next).map_or(usize::MAX, |(l, _, _)| *l)
}

/// A duplicate key or table. Its usual cause in a map is a
/// `[[stage.touchpoint]]` written before any `[[stage]]`: the touchpoint
/// then makes `stage` a table, and every `[[stage]]` after it looks like a
/// duplicate. That is reported once, at the touchpoint's header.
fn duplicate(
    index: &Text<'_>,
    span: Span,
    line_no: usize,
    key: &str,
    syntax: &dyn Fn(Span, &str, String, String) -> Diagnostic,
) -> Diagnostic {
    let text = index.text;
    let facts = index.header_facts();
    if let Some((tp_line, tp_start, tp_header)) = facts.early_touchpoint.map(|tp| index.headers()[tp]) {
        return syntax(
            tp_start..tp_start + tp_header.len(),
            "touchpoint",
            format!("the [[stage.touchpoint]] on line {tp_line} comes before any [[stage]]"),
            "move it under the [[stage]] it belongs to: each touchpoint follows its stage".into(),
        );
    }
    let this_line = index.line(line_no).trim();
    if this_line.starts_with('[') && !this_line.starts_with("[[") {
        let name = this_line.trim_matches(['[', ']']).trim();
        let first = facts.first_table.get(name).filter(|&&l| l < line_no);
        let seen = first.map_or(String::new(), |l| format!(" (first on line {l})"));
        let start = index.header_at(line_no).map_or(span.start, |(_, s, _)| s);
        return syntax(
            start..start + this_line.len(),
            name,
            format!("the section [{name}] is given twice{seen}"),
            format!("merge the two [{name}] sections into one; a section may appear once"),
        );
    }
    let name = if key.is_empty() { text.get(span.clone()).unwrap_or("").trim().to_owned() } else { key.to_owned() };
    let first = index.first_setting(&name, line_no);
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
            .map(|d| (Text::new(text).line_at(d.span.start).0, d.key.clone(), d.message.clone()))
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

    #[test]
    fn an_unclosed_string_in_a_list_is_the_one_error() {
        let text = "title = \"T\"\n[[stage]]\nname = \"A\"\nalleviation = [\"Video induction]\neffort = 2\n";
        let found = explained(text);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!((found[0].0, found[0].1.as_str()), (4, "alleviation"), "{found:?}");
    }
}
