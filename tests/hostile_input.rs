//! Hostile input never panics, hangs or overflows the stack: wrong
//! encodings, bad bytes, invisible characters, absurd nesting, huge and
//! empty files each come back as a diagnostic located at the right line.

mod common;

use journeymap::diag::{Code, Severity};
use journeymap::parse::{MAX_NESTING, MAX_SOURCE_BYTES, Options, Parsed, parse_bytes, parse_str};

/// A small valid map: five lines, no errors.
const MAP: &str = "title = \"Flying Nordic Air\"\n\
                   [[stage]]\n\
                   name = \"Awareness\"\n  \
                   [[stage.touchpoint]]\n  \
                   name = \"Colleague recommendation\"\n";

fn bytes(input: &[u8]) -> Parsed {
    parse_bytes("map.toml", input, &Options::default())
}

fn text(input: &str) -> Parsed {
    parse_str("map.toml", input, &Options::default())
}

/// The codes of every diagnostic, in order.
fn codes(parsed: &Parsed) -> Vec<Code> {
    parsed.diagnostics.iter().map(|d| d.code).collect()
}

/// The one diagnostic with `code`; fails the test if there is not exactly one.
fn only(parsed: &Parsed, code: Code) -> journeymap::diag::Diagnostic {
    let found: Vec<_> = parsed.diagnostics.iter().filter(|d| d.code == code).collect();
    assert_eq!(found.len(), 1, "want one {code}, got {:?}", parsed.diagnostics);
    found[0].clone()
}

/// The 1-based line a diagnostic's span starts on.
fn line(parsed: &Parsed, code: Code) -> usize {
    let d = only(parsed, code);
    parsed.source().locate(d.span.start).line
}

/// Every span lies within the source text and every diagnostic says what
/// is wrong and how to fix it.
fn assert_well_formed(parsed: &Parsed) {
    let text = &parsed.source().text;
    for d in &parsed.diagnostics {
        assert!(
            d.span.start <= d.span.end && d.span.end <= text.len(),
            "{d:?} lies outside a source of {} bytes",
            text.len()
        );
        assert!(!d.message.is_empty(), "{d:?} has no message");
        assert!(d.hint().is_some(), "{d:?} has no hint");
    }
}

fn utf16(text: &str, big_endian: bool, bom: bool) -> Vec<u8> {
    let units = bom.then_some(0xFEFF).into_iter().chain(text.encode_utf16());
    if big_endian { units.flat_map(u16::to_be_bytes).collect() } else { units.flat_map(u16::to_le_bytes).collect() }
}

fn utf32(text: &str, big_endian: bool, bom: bool) -> Vec<u8> {
    let chars = bom.then_some(0xFEFF).into_iter().chain(text.chars().map(u32::from));
    if big_endian { chars.flat_map(u32::to_be_bytes).collect() } else { chars.flat_map(u32::to_le_bytes).collect() }
}

// ---------------------------------------------------------------- encoding

#[test]
fn the_valid_map_is_valid() {
    let parsed = text(MAP);
    assert!(!parsed.has_errors(), "{:?}", parsed.diagnostics);
}

#[test]
fn a_utf8_byte_order_mark_is_accepted() {
    let mut input = b"\xEF\xBB\xBF".to_vec();
    input.extend_from_slice(MAP.as_bytes());
    let parsed = bytes(&input);
    assert!(!parsed.has_errors(), "{:?}", parsed.diagnostics);
    let journey = parsed.journey.as_ref().expect("a journey despite the BOM");
    assert_eq!(journey.title, "Flying Nordic Air");
    assert!(!parsed.source().text.starts_with('\u{FEFF}'), "the BOM is dropped from the text");
    // Positions are counted without the BOM: the spine warning is on line 3.
    assert_eq!(line(&parsed, Code::ShortSpine), 3);
    assert_well_formed(&parsed);
}

#[test]
fn utf16_is_named_with_and_without_a_byte_order_mark() {
    for big_endian in [false, true] {
        for bom in [false, true] {
            let parsed = bytes(&utf16(MAP, big_endian, bom));
            let case = format!("UTF-16 big_endian={big_endian} bom={bom}");
            assert_eq!(codes(&parsed), [Code::Encoding], "{case}");
            let d = &parsed.diagnostics[0];
            assert!(d.message.contains("UTF-16"), "{case}: {}", d.message);
            assert!(parsed.journey.is_none(), "{case}");
            assert_well_formed(&parsed);
        }
    }
}

#[test]
fn utf32_is_named_with_and_without_a_byte_order_mark() {
    for big_endian in [false, true] {
        for bom in [false, true] {
            let parsed = bytes(&utf32(MAP, big_endian, bom));
            let case = format!("UTF-32 big_endian={big_endian} bom={bom}");
            assert_eq!(codes(&parsed), [Code::Encoding], "{case}");
            let d = &parsed.diagnostics[0];
            assert!(d.message.contains("UTF-32"), "{case}: {}", d.message);
            assert!(parsed.journey.is_none(), "{case}");
            assert_well_formed(&parsed);
        }
    }
}

#[test]
fn invalid_utf8_is_an_encoding_error_at_its_line() {
    // Latin-1 "é" on line 3, column 12.
    let input = b"title = \"Caf\xC3\xA9\"\n[[stage]]\nname = \"Caf\xE9\"\n";
    let parsed = bytes(input);
    let d = only(&parsed, Code::Encoding);
    assert_eq!(parsed.diagnostics.len(), 1, "{:?}", parsed.diagnostics);
    let at = parsed.source().locate(d.span.start);
    assert_eq!((at.line, at.column), (3, 12), "{d:?}");
    assert!(d.message.contains("0xE9"), "{}", d.message);
    assert!(parsed.journey.is_none());
    assert_well_formed(&parsed);
}

#[test]
fn invalid_utf8_after_a_byte_order_mark_is_located_without_it() {
    let input = b"\xEF\xBB\xBFtitle = \"x\"\n\n# caf\xE9\n";
    let parsed = bytes(input);
    let d = only(&parsed, Code::Encoding);
    let at = parsed.source().locate(d.span.start);
    assert_eq!((at.line, at.column), (3, 6), "{d:?}");
    assert_well_formed(&parsed);
}

#[test]
fn an_encoding_error_span_covers_whole_characters_of_the_shown_text() {
    // The shown text replaces the bad byte with U+FFFD (three bytes); a span
    // that ends inside it cannot be sliced out of `source.text`.
    for input in [&b"title = \"x\"\n[[stage]]\nname = \"Caf\xE9\"\n"[..], b"title = \"x\"\nnote = \"\xE2\x82"] {
        let parsed = bytes(input);
        let d = only(&parsed, Code::Encoding);
        let text = &parsed.source().text;
        assert!(
            text.is_char_boundary(d.span.start) && text.is_char_boundary(d.span.end),
            "{d:?} splits a character of {text:?}"
        );
        assert_eq!(text.get(d.span.clone()), Some("\u{FFFD}"));
    }
}

#[test]
fn a_truncated_character_at_the_end_is_an_encoding_error() {
    // The first two bytes of "€" (E2 82 AC) and then the end of the file.
    let parsed = bytes(b"title = \"x\"\nnote = \"\xE2\x82");
    assert_eq!(line(&parsed, Code::Encoding), 2);
    assert_well_formed(&parsed);
}

#[test]
fn a_nul_byte_is_an_encoding_error_at_its_line() {
    let input = b"title = \"x\"\n[[stage]]\nname = \"A\0B\"\n";
    let parsed = bytes(input);
    let d = only(&parsed, Code::Encoding);
    assert_eq!(parsed.diagnostics.len(), 1, "{:?}", parsed.diagnostics);
    assert!(d.message.contains("NUL"), "{}", d.message);
    let at = parsed.source().locate(d.span.start);
    assert_eq!((at.line, at.column), (3, 10), "{d:?}");
    assert!(parsed.journey.is_none());
    assert_well_formed(&parsed);
}

#[test]
fn a_nul_byte_in_a_comment_is_still_an_encoding_error() {
    let parsed = bytes(b"title = \"x\"\n# \0\n");
    assert_eq!(line(&parsed, Code::Encoding), 2);
    assert_well_formed(&parsed);
}

// ------------------------------------------------------ invisible characters

/// A map with `value` (already TOML-quoted) as the touchpoint's note on
/// line 6.
fn with_note(value: &str) -> String {
    format!(
        "title = \"x\"\n[[stage]]\nname = \"Awareness\"\n  [[stage.touchpoint]]\n  name = \"Call\"\n  note = {value}\n"
    )
}

#[test]
fn a_bidi_override_in_a_string_is_a_warning_on_its_line() {
    // Written literally: TOML allows it, and it makes "exe.txt" read "txt.exe".
    let parsed = text(&with_note("\"invoice\u{202E}txt.exe\""));
    let d = only(&parsed, Code::ControlCharacter);
    assert_eq!(d.severity(), Severity::Warning);
    assert_eq!(d.key, "note");
    assert!(d.message.contains("U+202E"), "{}", d.message);
    let at = parsed.source().locate(d.span.start);
    assert_eq!((at.line, at.column), (6, 18), "points at the character");
    assert!(parsed.journey.is_some(), "a warning does not stop the journey");
    assert_well_formed(&parsed);
}

#[test]
fn every_kind_of_invisible_control_is_a_warning_on_its_line() {
    let cases: &[(&str, &str)] = &[
        ("\"a\u{202A}b\"", "U+202A"),           // left-to-right embedding
        ("\"a\u{202D}b\"", "U+202D"),           // left-to-right override
        ("\"a\u{2066}b\"", "U+2066"),           // left-to-right isolate
        ("\"a\u{2069}b\"", "U+2069"),           // pop directional isolate
        ("\"a\u{200F}b\"", "U+200F"),           // right-to-left mark
        ("\"a\u{061C}b\"", "U+061C"),           // Arabic letter mark
        ("\"a\u{0085}b\"", "U+0085"),           // a C1 control, allowed literally by TOML
        ("\"a\\u0007b\"", "U+0007"),            // BEL, as an escape
        ("\"a\\u001Bb\"", "U+001B"),            // ESC, as an escape
        ("\"a\\u0000b\"", "U+0000"),            // NUL, as an escape
        ("\"a\\u202Eb\"", "U+202E"),            // an override, as an escape
        ("'a\u{202E}b'", "U+202E"),             // in a literal string
        ("\"\"\"\na\u{202E}b\"\"\"", "U+202E"), // in a multi-line string
    ];
    for (value, named) in cases {
        let parsed = text(&with_note(value));
        let d = only(&parsed, Code::ControlCharacter);
        assert!(d.message.contains(named), "{value}: {}", d.message);
        let at = parsed.source().locate(d.span.start);
        assert!((6..=7).contains(&at.line), "{value}: on line {} not 6", at.line);
        assert!(!parsed.has_errors(), "{value}: {:?}", parsed.diagnostics);
        assert_well_formed(&parsed);
    }
}

#[test]
fn control_characters_are_found_in_every_kind_of_text() {
    let map = "title = \"T\u{202E}\"\n\
               team = [\"Sales\", \"S\u{202E}\"]\n\
               [[lane]]\n\
               key = \"thinking\"\n\
               [[stage]]\n\
               name = \"A\u{202E}\"\n\
               doing = [\"ok\", \"b\u{202E}\"]\n\
               thinking = \"c\u{202E}\"\n  \
               [[stage.touchpoint]]\n  \
               name = \"Call\"\n  \
               marks = [\"essential\"]\n  \
               action = \"d\u{202E}\"\n";
    let parsed = text(map);
    let found: Vec<(usize, &str)> = parsed
        .diagnostics
        .iter()
        .filter(|d| d.code == Code::ControlCharacter)
        .map(|d| (parsed.source().locate(d.span.start).line, d.key.as_str()))
        .collect();
    assert_eq!(found, [(1, "title"), (2, "team"), (6, "name"), (7, "doing"), (8, "thinking"), (12, "action")]);
    assert_well_formed(&parsed);
}

#[test]
fn tabs_and_newlines_are_not_control_characters() {
    let parsed = text(&with_note("\"a\\tb\\nc\\r\\nd\tliteral tab\""));
    assert!(!codes(&parsed).contains(&Code::ControlCharacter), "{:?}", parsed.diagnostics);
}

// ------------------------------------------------------------------ nesting

#[test]
fn arrays_nested_100000_deep_are_too_deep_without_overflowing_the_stack() {
    let n = 100_000;
    let input = format!("title = \"x\"\na = {}1{}\n", "[".repeat(n), "]".repeat(n));
    let parsed = text(&input);
    assert_eq!(codes(&parsed), [Code::TooDeep]);
    let d = &parsed.diagnostics[0];
    let at = parsed.source().locate(d.span.start);
    // The first bracket past the limit: column 5 is the first bracket.
    assert_eq!((at.line, at.column), (2, 5 + MAX_NESTING), "{d:?}");
    assert_well_formed(&parsed);
}

#[test]
fn unclosed_arrays_nested_100000_deep_are_too_deep() {
    let parsed = bytes(format!("a = {}", "[".repeat(100_000)).as_bytes());
    assert_eq!(codes(&parsed), [Code::TooDeep]);
    assert_well_formed(&parsed);
}

#[test]
fn inline_tables_nested_100000_deep_are_too_deep() {
    let n = 100_000;
    let input = format!("title = \"x\"\n\na = {}1{}\n", "{a=".repeat(n), "}".repeat(n));
    let parsed = text(&input);
    assert_eq!(codes(&parsed), [Code::TooDeep]);
    assert_eq!(line(&parsed, Code::TooDeep), 3);
    assert_well_formed(&parsed);
}

#[test]
fn mixed_arrays_and_inline_tables_nested_deep_are_too_deep() {
    let parsed = text(&format!("a = {}", "[{a=".repeat(50_000)));
    assert_eq!(codes(&parsed), [Code::TooDeep]);
    assert_well_formed(&parsed);
}

#[test]
fn nesting_up_to_the_limit_is_left_to_the_schema() {
    let n = MAX_NESTING;
    let at_limit = format!("{MAP}x = {}1{}\n", "[".repeat(n), "]".repeat(n));
    let parsed = text(&at_limit);
    assert!(!codes(&parsed).contains(&Code::TooDeep), "{:?}", parsed.diagnostics);
    // `x` is not a key of a journey map, so it is still an error.
    assert!(codes(&parsed).contains(&Code::UnknownKey), "{:?}", parsed.diagnostics);

    let n = MAX_NESTING + 1;
    let over = format!("{MAP}x = {}1{}\n", "[".repeat(n), "]".repeat(n));
    assert_eq!(codes(&text(&over)), [Code::TooDeep]);
}

#[test]
fn brackets_in_strings_and_comments_do_not_count_as_nesting() {
    let deep = "[{".repeat(MAX_NESTING);
    let input =
        format!("{MAP}  note = \"{deep}\"\n  action = '{deep}'\n  # {deep}\n  channel = \"\"\"\n{deep}\"\"\"\n");
    let parsed = text(&input);
    assert!(!parsed.has_errors(), "{:?}", parsed.diagnostics);
}

#[test]
fn dotted_keys_100000_deep_do_not_overflow_the_stack() {
    // Dotted keys and table headers nest tables without a single bracket of
    // nesting. The check runs on a thread with a 2 MiB stack, the size a
    // test thread (and a small server worker) gets.
    let key = vec!["a"; 100_000].join(".");
    for input in [format!("{key} = 1\n"), format!("[{key}]\n")] {
        let parsed = std::thread::Builder::new()
            .stack_size(2 * 1024 * 1024)
            .spawn(move || text(&input))
            .expect("a thread")
            .join()
            .expect("no panic");
        assert!(parsed.has_errors(), "{:?}", codes(&parsed));
        assert_well_formed(&parsed);
    }
}

// -------------------------------------------------------------------- size

#[test]
fn a_file_over_the_size_limit_is_too_large() {
    let mut input = MAP.as_bytes().to_vec();
    input.resize(MAX_SOURCE_BYTES + 1, b' ');
    let parsed = bytes(&input);
    assert_eq!(codes(&parsed), [Code::TooLarge]);
    let d = &parsed.diagnostics[0];
    assert!(d.message.contains("8 MiB"), "{}", d.message);
    assert!(parsed.journey.is_none());
    assert_well_formed(&parsed);
}

#[test]
fn a_file_at_the_size_limit_is_read() {
    let mut input = MAP.as_bytes().to_vec();
    input.push(b'#');
    input.resize(MAX_SOURCE_BYTES, b'x');
    let parsed = bytes(&input);
    assert!(!parsed.has_errors(), "{:?}", codes(&parsed));
}

#[test]
fn a_file_over_the_size_limit_on_disk_is_too_large() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let path = dir.path().join("huge.toml");
    std::fs::write(&path, vec![b'#'; MAX_SOURCE_BYTES + 4096]).expect("write the file");
    let parsed = journeymap::parse::parse_file(&path).expect("readable");
    assert_eq!(codes(&parsed), [Code::TooLarge]);
}

// ------------------------------------------------------------------- empty

#[test]
fn an_empty_file_has_no_title_and_no_stages() {
    for parsed in [bytes(b""), text("")] {
        let mut found = codes(&parsed);
        found.sort_by_key(|c| c.as_str());
        assert_eq!(found, [Code::MissingTitle, Code::NoStages]);
        for d in &parsed.diagnostics {
            let at = parsed.source().locate(d.span.start);
            assert_eq!((at.line, at.column), (1, 1), "{d:?}");
        }
        assert!(parsed.journey.is_none());
        assert_well_formed(&parsed);
    }
}

#[test]
fn a_file_of_whitespace_and_comments_has_no_title_and_no_stages() {
    let inputs: &[&[u8]] = &[
        b"   \n\n\t\n",
        b"# just a comment\n",
        b"\r\n# a comment\r\n   # another\r\n\t\r\n",
        b"\xEF\xBB\xBF\n# after a byte order mark\n",
        b"# no newline at the end",
    ];
    for input in inputs {
        let parsed = bytes(input);
        let mut found = codes(&parsed);
        found.sort_by_key(|c| c.as_str());
        assert_eq!(found, [Code::MissingTitle, Code::NoStages], "{:?}", String::from_utf8_lossy(input));
        assert_well_formed(&parsed);
    }
}

// ----------------------------------------------------------- assorted junk

#[test]
fn assorted_junk_never_panics_and_is_located() {
    let inputs: &[&str] = &[
        "title = \"unclosed",
        "title = '''never closed\n[[stage]]\n",
        "[[stage]\nname = \"A\"",
        "[[stage.touchpoint]]\nname = \"orphan\"",
        "title = \"x\"\n[[stage]]\nname = \"A\"\n[[stage.touchpoint]]\nscore = 99999999999999999999",
        "title = \"x\"\n[[stage]]\nname = \"A\"\n[[stage.touchpoint]]\nname = \"t\"\nscore = -9223372036854775808",
        "title = \"x\"\n[[stage]]\nname = \"A\"\n[[stage.touchpoint]]\nname = \"t\"\nscore = 0x7FFFFFFFFFFFFFFF",
        "title = \"x\"\n[[stage]]\nname = \"A\"\n[[stage.touchpoint]]\nname = \"t\"\nscore = 3.5\neffort = inf",
        "title = \"x\"\nstage = 3",
        "title = \"x\"\nstage = [1, \"two\", {name = \"A\"}]",
        "title = \"x\"\nstage = {name = \"A\"}",
        "title = \"x\"\n[stage]\nname = \"A\"",
        "title = \"x\"\n[[stage]]\nname = \"A\"\ntouchpoint = \"nope\"",
        "title = \"x\"\n[[stage]]\nname = \"A\"\n[[stage.touchpoint]]\nname = \"t\"\nmarks = [[\"pain\"]]",
        "title = \"x\"\n[[stage]]\nname = \"A\"\n[[stage.touchpoint]]\nname = \"t\"\nmarks = \"pain\"",
        "title = [\"x\"]\ndate = 2026-13-45\n[[stage]]\nname = 5",
        "title = \"x\"\ndate = 2026-11-22T10:00:00Z\n[[stage]]\nname = \"\"",
        "title = \"x\"\n[poster]\nsize = \"999999999999x1mm\"\npanels = [\"curve\", 3]\n[[stage]]\nname = \"A\"",
        "title = \"x\"\n[[lane]]\n[[lane]]\nkey = 1\n[[stage]]\nname = \"A\"",
        "title = \"x\"\ntheme = \"../../../../etc/passwd\"\n[[stage]]\nname = \"A\"",
        "title = \"é\"\n\u{1F600} = 1\n[[stage]]\nname = \"A\"",
        "\"\u{202E}title\" = \"x\"",
        "]]]]}}}}\n[[[[",
        "title = \"x\"\n\"a\\\"b\" = \"[[[[[[\"\n",
        "=",
        "\n\n\n\r",
        "title = \"x\" # \u{202E}\n",
    ];
    for input in inputs {
        let parsed = text(input);
        assert!(!parsed.diagnostics.is_empty(), "{input:?}: no diagnostics at all");
        assert_well_formed(&parsed);
        if parsed.has_errors() {
            assert!(parsed.journey.is_none(), "{input:?}");
        }
    }
}

#[test]
fn the_most_negative_score_is_reported_as_written() {
    let parsed = text(&format!("{MAP}  score = -9223372036854775808\n"));
    let d = only(&parsed, Code::ScoreOutOfRange);
    assert!(d.message.contains("-9223372036854775808"), "the message names the value as written: {}", d.message);
    assert_eq!(parsed.source().locate(d.span.start).line, 6);
}

mod huge_lines {
    use super::common::{code, run_in, stderr};

    #[test]
    fn a_line_of_megabytes_is_cut_around_the_problem() {
        let map = format!(
            "title = \"t\"\nnote = \"{}\"\n[[stage]]\nname = \"Awareness\"\ndoing = \"{}\" junk\n",
            "x".repeat(3_500_000),
            "y".repeat(3_500_000)
        );
        let dir = tempfile::tempdir().expect("a folder");
        let out = run_in(dir.path(), &["check", "-"], Some(map.as_bytes()));
        assert_eq!(code(&out), 1, "junk after a value");
        let err = stderr(&out);
        assert!(err.len() < 2_000, "{} bytes of messages for a 7 MB file", err.len());
        assert!(err.contains("<stdin>:5:3500012"), "the true line and column: {err}");
        let excerpt = err.lines().find(|l| l.starts_with("5 │")).expect("an excerpt of line 5");
        assert!(excerpt.starts_with("5 │ …") && excerpt.ends_with("\" junk"), "{excerpt}");
        assert!(excerpt.chars().count() < 140, "{excerpt}");
        // How fast: `check a line of megabytes` in benches/check.rs (no
        // wall-clock limit here, which a busy machine would break).
    }
}

mod huge_maps {
    use super::common::{code, run_in, stderr};

    #[test]
    fn ten_thousand_stages_lay_out_and_an_oversized_png_is_refused_with_advice() {
        let mut map = String::from("title = \"Ten thousand stages\"\n");
        for i in 0..10_000 {
            map += &format!("[[stage]]\nname = \"Stage {i}\"\ndoing = \"Does thing {i}\"\n");
        }
        let dir = tempfile::tempdir().expect("a folder");
        std::fs::write(dir.path().join("map.toml"), &map).expect("write");
        let out = run_in(dir.path(), &["render", "map.toml", "-o", "x.svg", "-o", "x.png"], None);
        // Laid out (a page millions of px wide), then the PNG is refused
        // by its pixel count before any drawing, and so nothing is written.
        assert_eq!(code(&out), 2, "{}", stderr(&out));
        let err = stderr(&out);
        assert!(err.contains("over the 250 megapixel limit") && err.contains("--dpi"), "{err}");
        let left: Vec<_> = std::fs::read_dir(dir.path()).expect("list").filter_map(|e| e.ok()).collect();
        assert_eq!(left.len(), 1, "only the map: {left:?}");
    }

    #[test]
    fn a_five_megabyte_title_gets_the_pixel_refusal_not_an_out_of_memory_abort() {
        // Once the pixel check ran only after usvg had read the whole SVG,
        // and this died of memory under a 4 GB limit.
        let map = format!("title = \"{}\"\n[[stage]]\nname = \"Awareness\"\n", "word ".repeat(1_000_000));
        let dir = tempfile::tempdir().expect("a folder");
        std::fs::write(dir.path().join("map.toml"), &map).expect("write");
        let out = run_in(dir.path(), &["render", "map.toml", "-o", "x.png"], None);
        assert_eq!(code(&out), 2, "{}", stderr(&out));
        assert!(stderr(&out).contains("over the 250 megapixel limit"), "{}", stderr(&out));
    }
}
