//! Nothing from a map, a theme or a command line reaches a terminal raw:
//! every command that can print map text is run on a pseudo-terminal
//! (util-linux's `script`) with a hostile map, and what the terminal
//! receives holds no control character (ESC, BEL, the one-byte CSI
//! U+009B, a bidi override, a zero-width control) — only their visible
//! spellings. A file or a pipe still gets the bytes exactly.

#[path = "common/tools.rs"]
mod tools;

use std::path::Path;
use std::process::Command;

/// An OSC 0 (window title), an OSC 8 (hyperlink), a one-byte CSI, a
/// right-to-left override and a zero-width space, as TOML escapes.
const HOSTILE: &str =
    "\\u001b]0;TITLE\\u0007\\u001b]8;;http://x\\u0007link\\u001b]8;;\\u0007\\u009b31m\\u202ezw\\u200b\\u001b[2J";

/// The same characters as an argument takes them.
const RAW: &str = "\u{1b}]0;TITLE\u{7}\u{1b}]8;;http://x\u{7}link\u{1b}]8;;\u{7}\u{9b}31m\u{202e}zw\u{200b}";

fn hostile_map(theme: &str) -> String {
    format!(
        "title = \"T{HOSTILE}\"\npersona = \"p{HOSTILE}\"\ntheme = \"{theme}\"\n\
         [[stage]]\nname = \"S{HOSTILE}\"\ndoing = \"d{HOSTILE}\"\nconcerns = [\"c{HOSTILE}\"]\n\
         [[stage.touchpoint]]\nname = \"tp{HOSTILE}\"\nowner = \"o{HOSTILE}\"\nmarks = [\"pain\"]\nscore = 1\n\
         action = \"a{HOSTILE}\"\n\
         [[stage]]\nname = \"Second\"\n[[stage.touchpoint]]\nname = \"Two\"\nowner = \"Ops\"\n\
         marks = [\"essential\"]\nscore = 4\n"
    )
}

/// The classic theme with ink on paper (contrast 1:1, so every contrast
/// warning fires) and a hostile name; `extra` is added under `[colors]`.
fn hostile_theme(extra: &str) -> String {
    let classic = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/themes/classic.toml")).expect("theme");
    let theme = classic
        .replacen("name = \"classic\"", &format!("name = \"th{HOSTILE}\""), 1)
        .replacen("ink = \"#1C2230\"", "ink = \"#F7F4EE\"", 1)
        .replacen("[colors]", &format!("[colors]\n{extra}"), 1);
    assert!(theme.contains("th\\u001b") && theme.contains("#F7F4EE\""), "the classic theme changed its lines");
    theme
}

/// `command` run by `script` on a pseudo-terminal: what the terminal got,
/// stdout and stderr together.
fn on_a_terminal(dir: &Path, args: &[&str]) -> String {
    let quote = |a: &str| format!("'{}'", a.replace('\'', "'\\''"));
    let line: Vec<String> =
        std::iter::once(env!("CARGO_BIN_EXE_journeymap")).chain(args.iter().copied()).map(quote).collect();
    let out = Command::new("script")
        .args(["-qec", &line.join(" "), "/dev/null"])
        .current_dir(dir)
        // Our own colours are escapes too; the map's must not be.
        .env("NO_COLOR", "1")
        .output()
        .expect("script runs");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn no_command_prints_a_control_character_on_a_terminal() {
    if !tools::have(&[&tools::SCRIPT]) {
        return;
    }
    let dir = tempfile::tempdir().expect("a temporary folder");
    let write = |name: &str, text: &str| std::fs::write(dir.path().join(name), text).expect("write");
    write("map.toml", &hostile_map("theme.toml"));
    write("theme.toml", &hostile_theme(""));
    write("keys.toml", &hostile_theme(&format!("\"k{HOSTILE}\" = \"#000000\"")));
    write("colour.toml", &hostile_theme("").replacen("accent = \"#A8432F\"", &format!("accent = \"#A8{HOSTILE}\""), 1));
    let exported = Command::new(env!("CARGO_BIN_EXE_journeymap"))
        .args(["export", "mermaid", "map.toml", "-o", "map.mmd"])
        .current_dir(dir.path())
        .output()
        .expect("export runs");
    assert!(exported.status.success(), "{}", String::from_utf8_lossy(&exported.stderr));
    let owner = format!("x{RAW}");
    let path = format!("missing/{RAW}.svg");
    let theme = format!("{RAW}.toml");
    let size = format!("A9{RAW}");
    let commands: Vec<Vec<&str>> = vec![
        vec!["check", "map.toml"],
        vec!["check", "--strict", "map.toml"],
        vec!["check", "--format", "json", "map.toml"],
        vec!["priorities", "map.toml"],
        vec!["priorities", "map.toml", "--format", "markdown"],
        vec!["priorities", "map.toml", "--format", "csv"],
        vec!["priorities", "map.toml", "--format", "json"],
        vec!["export", "csv", "map.toml"],
        vec!["export", "mermaid", "map.toml"],
        vec!["import", "map.mmd"],
        vec!["render", "map.toml", "-o", "poster.svg"],
        vec!["render", "map.toml", "-o", "-"],
        vec!["render", "map.toml", "--highlight-owner", "nobody", "-o", "poster.svg"],
        vec!["render", "map.toml", "--theme", "keys.toml", "-o", "poster.svg"],
        vec!["render", "map.toml", "--theme", "colour.toml", "-o", "poster.svg"],
        vec!["render", "map.toml", "--highlight-owner", &owner, "-o", "poster.svg"],
        vec!["render", "map.toml", "-o", &path],
        vec!["render", "map.toml", "--theme", &theme, "-o", "poster.svg"],
        vec!["render", "map.toml", "--size", &size, "-o", "poster.svg"],
        vec!["render", "map.toml", "--tile", &size, "-o", "poster.pdf"],
    ];
    let mut leaks = Vec::new();
    for args in &commands {
        let shown = on_a_terminal(dir.path(), args);
        // A pseudo-terminal turns each line feed into CRLF: undone first,
        // so a CRLF the command wrote (CSV's) is still seen as one.
        let shown = shown.replace("\r\n", "\n");
        let raw: Vec<String> =
            journeymap::terminal::changes(&shown).map(|(_, c)| format!("U+{:04X}", u32::from(c))).collect();
        if !raw.is_empty() {
            leaks.push(format!("{args:?}: {raw:?}\n{shown}"));
        }
        // Each printed the hostile text, visibly: the check saw something.
        // (clap drops the ESC sequences of an argument it refuses, and
        // shows the rest.)
        let lower = shown.to_lowercase();
        assert!(lower.contains("\\u{") || lower.contains("\\u00"), "{args:?} showed no escape:\n{shown}");
    }
    assert!(leaks.is_empty(), "raw control characters reached the terminal:\n{}", leaks.join("\n"));
}

#[test]
fn a_pipe_and_a_file_get_the_bytes_exactly() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    std::fs::write(dir.path().join("map.toml"), hostile_map("classic")).expect("write");
    for format in ["csv", "mermaid"] {
        let piped = Command::new(env!("CARGO_BIN_EXE_journeymap"))
            .args(["export", format, "map.toml"])
            .current_dir(dir.path())
            .output()
            .expect("export runs");
        let text = String::from_utf8(piped.stdout).expect("UTF-8");
        // Mermaid cannot hold `;` or `:` in a name, and rewrites them; the
        // controls themselves pass as they are.
        assert!(
            ["\u{1b}]", "\u{7}", "\u{9b}", "\u{202e}", "\u{200b}"].iter().all(|c| text.contains(c)),
            "{format}: the pipe got the text as written:\n{text}"
        );
        let out = dir.path().join(format!("out.{format}"));
        let written = Command::new(env!("CARGO_BIN_EXE_journeymap"))
            .args(["export", format, "map.toml", "-o"])
            .arg(&out)
            .current_dir(dir.path())
            .output()
            .expect("export runs");
        assert!(written.status.success());
        assert_eq!(std::fs::read_to_string(&out).expect("read"), text, "{format}: the file holds what the pipe got");
    }
}
