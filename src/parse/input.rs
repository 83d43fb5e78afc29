//! Guards that run before the TOML parser sees a byte: encoding, size and
//! nesting depth. Each turns hostile input into one located diagnostic
//! instead of a panic, a hang or a stack overflow.

use crate::diag::{Code, Diagnostic};

/// The largest map file accepted, in bytes (8 MiB). A 1,000-touchpoint map
/// is about 250 KiB; anything near the limit is not a journey map.
pub const MAX_SOURCE_BYTES: usize = 8 * 1024 * 1024;

/// The deepest nesting of arrays and inline tables accepted. A journey map
/// needs 3 (`stage` → `touchpoint` → `marks`); the limit keeps recursive
/// parsing and dropping of hostile input far from the stack's end.
pub const MAX_NESTING: usize = 64;

/// The UTF-8 byte order mark, accepted and dropped.
pub(super) const BOM: &[u8] = b"\xEF\xBB\xBF";

/// Turns raw bytes into text: strips a UTF-8 byte order mark and rejects
/// what is not UTF-8 with a diagnostic that says what it is and how to fix
/// it. The span of a returned diagnostic is in the bytes after any byte
/// order mark.
pub(super) fn decode(bytes: &[u8]) -> Result<&str, Diagnostic> {
    if bytes.len() > MAX_SOURCE_BYTES {
        return Err(Diagnostic::new(
            Code::TooLarge,
            0..0,
            "",
            format!("the file is larger than {} MiB, the limit for a journey map", MAX_SOURCE_BYTES / 1024 / 1024),
        )
        .with_hint("split the journey into several maps, or check that this is the right file"));
    }
    if let Some(encoding) = utf16_or_32(bytes) {
        return Err(Diagnostic::new(Code::Encoding, 0..0, "", format!("the file is {encoding}, not UTF-8"))
            .with_hint("save it as UTF-8, e.g. `iconv -f UTF-16 -t UTF-8 map.toml > map-utf8.toml`"));
    }
    let bytes = bytes.strip_prefix(BOM).unwrap_or(bytes);
    let text = match std::str::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) => {
            let at = e.valid_up_to();
            return Err(Diagnostic::new(
                Code::Encoding,
                at..at + 1,
                "",
                format!("invalid UTF-8 byte 0x{:02X}", bytes[at]),
            )
            .with_hint("save the file as UTF-8 (it may be Latin-1 or Windows-1252)"));
        }
    };
    if let Some(at) = text.find('\0') {
        return Err(Diagnostic::new(Code::Encoding, at..at + 1, "", "the file contains a NUL byte")
            .with_hint("remove it: a text file never contains NUL (is this a binary file?)"));
    }
    Ok(text)
}

/// Recognises UTF-16 and UTF-32 by their byte order marks, or by the zero
/// bytes that ASCII text has in those encodings.
fn utf16_or_32(bytes: &[u8]) -> Option<&'static str> {
    if bytes.starts_with(&[0xFF, 0xFE, 0, 0]) || bytes.starts_with(&[0, 0, 0xFE, 0xFF]) {
        return Some("UTF-32");
    }
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Some("UTF-16");
    }
    match bytes {
        [0, 0, 0, a, ..] | [a, 0, 0, 0, ..] if a.is_ascii() && *a != 0 => Some("UTF-32"),
        [0, a, ..] | [a, 0, ..] if a.is_ascii() && *a != 0 => Some("UTF-16"),
        _ => None,
    }
}

/// Finds the first place where arrays and inline tables nest deeper than
/// [`MAX_NESTING`], skipping strings and comments. This is a scan, not a
/// parse: it only has to be right about brackets, which TOML never hides
/// anywhere but in strings and comments.
pub(super) fn check_nesting(text: &str) -> Result<(), Diagnostic> {
    let bytes = text.as_bytes();
    let mut depth = 0usize;
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'[' | b'{' => {
                depth += 1;
                if depth > MAX_NESTING {
                    return Err(Diagnostic::new(
                        Code::TooDeep,
                        i..i + 1,
                        "",
                        format!("values are nested more than {MAX_NESTING} deep"),
                    )
                    .with_hint("a journey map nests at most three levels; remove the extra brackets"));
                }
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            b'#' => i = skip_to(bytes, i, b"\n").saturating_sub(1),
            b'"' | b'\'' => i = skip_string(bytes, i).saturating_sub(1),
            _ => {}
        }
        i += 1;
    }
    Ok(())
}

std::thread_local! {
    /// Bytes the string scan has looked at on this thread: the nesting
    /// check's work, which a test holds to the size of the text.
    static SCANNED: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}

/// The index just after the end of the string starting at `start`.
fn skip_string(bytes: &[u8], start: usize) -> usize {
    let end = string_end(bytes, start);
    SCANNED.with(|n| n.set(n.get() + (end - start)));
    end
}

fn string_end(bytes: &[u8], start: usize) -> usize {
    let quote = bytes[start];
    let triple = [quote; 3];
    if bytes[start..].starts_with(&triple) {
        return skip_to_unescaped(bytes, start + 3, &triple, quote == b'"');
    }
    // A single-line string ends at its quote or, if malformed, at the
    // line's end: one scan that stops at either (scanning to the line's
    // end for every string made a list of 25,000 on one line take
    // seconds).
    let escapes = quote == b'"';
    let mut i = start + 1;
    while i < bytes.len() {
        match bytes[i] {
            b'\n' => return i + 1,
            b'\\' if escapes => {
                if bytes.get(i + 1) == Some(&b'\n') {
                    return i + 2;
                }
                i += 2;
            }
            b if b == quote => return i + 1,
            _ => i += 1,
        }
    }
    bytes.len()
}

fn skip_to(bytes: &[u8], from: usize, needle: &[u8]) -> usize {
    skip_to_unescaped(bytes, from, needle, false)
}

fn skip_to_unescaped(bytes: &[u8], from: usize, needle: &[u8], escapes: bool) -> usize {
    let end = scan_to(bytes, from, needle, escapes);
    SCANNED.with(|n| n.set(n.get() + end.saturating_sub(from)));
    end
}

fn scan_to(bytes: &[u8], mut i: usize, needle: &[u8], escapes: bool) -> usize {
    while i < bytes.len() {
        if escapes && bytes[i] == b'\\' {
            i += 2;
            continue;
        }
        if bytes[i..].starts_with(needle) {
            return i + needle.len();
        }
        i += 1;
    }
    bytes.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_a_bom() {
        assert_eq!(decode(b"\xEF\xBB\xBFtitle = 1"), Ok("title = 1"));
    }

    #[test]
    fn names_utf16_and_utf32() {
        let utf16: Vec<u8> = "title".encode_utf16().flat_map(u16::to_le_bytes).collect();
        let e = decode(&utf16).unwrap_err();
        assert!(e.message.contains("UTF-16"), "{e:?}");
        let e = decode(&[0xFF, 0xFE, 0, 0, b't', 0, 0, 0]).unwrap_err();
        assert!(e.message.contains("UTF-32"), "{e:?}");
    }

    #[test]
    fn locates_bad_bytes() {
        let e = decode(b"a = 1\nb = \"\xE9\"").unwrap_err();
        assert_eq!((e.code, e.span.start), (Code::Encoding, 11));
        let e = decode(b"a = 1\n\0").unwrap_err();
        assert_eq!(e.span.start, 6);
    }

    #[test]
    fn many_strings_on_one_line_are_scanned_once() {
        let scanned = |items: usize| {
            let list: Vec<String> = (0..items).map(|i| format!("\"Concern {i}\"")).collect();
            let text = format!("concerns = [{}]\n", list.join(", "));
            SCANNED.with(|n| n.set(0));
            assert!(check_nesting(&text).is_ok());
            (SCANNED.with(std::cell::Cell::get), text.len())
        };
        for items in [100, 1_000, 10_000] {
            let (work, len) = scanned(items);
            // Each string is looked at once: never more than the text.
            assert!(work <= len, "{items} strings: {work} bytes scanned of {len}");
        }
    }

    #[test]
    fn depth_ignores_strings_and_comments() {
        let deep = "[".repeat(MAX_NESTING + 1);
        assert!(check_nesting(&format!("a = \"{deep}\"\n# {deep}\nb = '''{deep}'''")).is_ok());
        assert!(check_nesting(&format!("a = {deep}")).is_err());
        let e = check_nesting(&format!("a = {}", "[".repeat(100_000))).unwrap_err();
        assert_eq!(e.code, Code::TooDeep);
    }
}
