//! Every file in `tests/maps/invalid/` holds one real mistake and says on
//! its first line where it must be reported:
//! `# expect: <code> <line>:<column> <key>` (column 0: any column), and
//! may say on its second line what the message must contain:
//! `# message: <words>` (required for `syntax-*` files, whose whole point
//! is the wording).

use std::path::Path;

use journeymap::diag::Severity;
use journeymap::parse::parse_file;

struct Expectation {
    code: String,
    line: usize,
    column: usize,
    key: String,
    message: Option<String>,
}

fn expectation(path: &Path) -> Expectation {
    let text = std::fs::read_to_string(path).unwrap_or_default();
    let first = text.lines().next().unwrap_or_default();
    let rest = first.strip_prefix("# expect: ").unwrap_or_else(|| panic!("{}: no expectation line", path.display()));
    let parts: Vec<&str> = rest.split_whitespace().collect();
    let [code, at, key] = parts[..] else { panic!("{}: bad expectation {rest:?}", path.display()) };
    let (line, column) = at.split_once(':').unwrap_or_else(|| panic!("{}: bad position", path.display()));
    let message = text.lines().nth(1).and_then(|l| l.strip_prefix("# message: ")).map(str::to_owned);
    Expectation {
        code: code.to_owned(),
        line: line.parse().unwrap_or_default(),
        column: column.parse().unwrap_or_default(),
        key: key.to_owned(),
        message,
    }
}

#[test]
fn every_invalid_map_is_reported_at_its_line_column_and_key() {
    let mut files: Vec<_> = std::fs::read_dir("tests/maps/invalid")
        .expect("the invalid maps folder")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    files.sort();
    assert!(files.len() >= 20, "at least 20 invalid maps, found {}", files.len());
    let mut failures = Vec::new();
    for path in &files {
        let want = expectation(path);
        let parsed = parse_file(path).expect("readable");
        assert!(parsed.journey.is_none(), "{}: an invalid map must not yield a journey", path.display());
        let found: Vec<String> = parsed
            .diagnostics
            .iter()
            .map(|d| {
                let at = parsed.source().locate(d.span.start);
                format!("{} {}:{} {} «{}»", d.code, at.line, at.column, d.key, d.message)
            })
            .collect();
        // A syntax mistake is one error, not a cascade.
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or_default();
        if name.starts_with("syntax-") && parsed.diagnostics.len() != 1 {
            failures.push(format!(
                "{}: {} diagnostics for one mistake: {found:?}",
                path.display(),
                parsed.diagnostics.len()
            ));
        }
        if name.starts_with("syntax-") && want.message.is_none() {
            failures.push(format!("{}: a syntax case must say its message on line 2", path.display()));
        }
        let hit = parsed.diagnostics.iter().any(|d| {
            let at = parsed.source().locate(d.span.start);
            d.code.as_str() == want.code
                && at.line == want.line
                && (want.column == 0 || at.column == want.column)
                && (want.key == "-" || d.key == want.key)
                && want.message.as_ref().is_none_or(|m| d.message.contains(m.as_str()))
        });
        let errors = parsed.count(Severity::Error);
        if !hit || (want.code != "syntax" && errors != 1) {
            failures.push(format!(
                "{}: want {} {}:{} {} «{}», got [{}]",
                path.file_name().map(|n| n.to_string_lossy()).unwrap_or_default(),
                want.code,
                want.line,
                want.column,
                want.key,
                want.message.as_deref().unwrap_or("…"),
                found.join("; ")
            ));
        }
        for d in &parsed.diagnostics {
            assert!(
                !d.message.is_empty() && d.hint().is_some(),
                "{}: {d:?} needs a message and a hint",
                path.display()
            );
        }
    }
    assert!(failures.is_empty(), "{} mismatches:\n{}", failures.len(), failures.join("\n"));
}
