//! Text on its way to a terminal: the one place that decides which
//! characters a terminal must never receive raw, and how they are shown
//! instead.
//!
//! A map, a theme or a command line can hold characters that drive a
//! terminal rather than print on it: ESC and the one-byte CSI (U+009B)
//! start sequences that retitle the window (OSC 0), plant hyperlinks
//! (OSC 8) or clear the screen; bidi overrides and isolates make a line
//! read differently from what it says; zero-width controls hide text.
//! Each is written visibly instead, as `\u{202e}`, so the reader sees that
//! it is there and which it is. Line feeds and tabs stay (the formats need
//! them), and so does a carriage return right before a line feed (a CRLF
//! line end moves nothing). Data written to a file or a pipe never passes
//! through here: it stays byte-exact.

use std::borrow::Cow;

/// Whether `c` must not reach a terminal raw: C0 controls (line feed and
/// tab excepted), DEL, C1 controls, bidi overrides, isolates and marks,
/// and zero-width controls.
pub fn is_unsafe(c: char) -> bool {
    (c.is_control() && !matches!(c, '\n' | '\t'))
        || matches!(
            c,
            '\u{202A}'..='\u{202E}'
                | '\u{2066}'..='\u{2069}'
                | '\u{200E}'
                | '\u{200F}'
                | '\u{061C}'
                | '\u{200B}'..='\u{200D}'
                | '\u{2060}'
                | '\u{FEFF}'
        )
}

/// How a character is spelt visibly.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Spelling {
    /// `\u{1b}`, as Rust writes it: for text people read.
    Braces,
    /// `\u001b`, a JSON escape: inside a JSON string it means the same
    /// character, so the document stays valid and equal.
    Json,
}

/// `c` written visibly in `spelling`.
pub fn escape(c: char, spelling: Spelling) -> String {
    match spelling {
        Spelling::Braces => format!("\\u{{{:x}}}", u32::from(c)),
        // Every unsafe character is in the Basic Multilingual Plane.
        Spelling::Json => format!("\\u{:04x}", u32::from(c)),
    }
}

/// `text` safe to print on a terminal: every unsafe character (see
/// [`is_unsafe`]) written as `\u{…}`. Borrowed when there is none.
pub fn visible(text: &str) -> Cow<'_, str> {
    visible_as(text, Spelling::Braces)
}

/// [`visible`] with the spelling chosen.
pub fn visible_as(text: &str, spelling: Spelling) -> Cow<'_, str> {
    let mut changes = changes(text).peekable();
    if changes.peek().is_none() {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    let mut from = 0;
    for (at, c) in changes {
        out.push_str(&text[from..at]);
        out.push_str(&escape(c, spelling));
        from = at + c.len_utf8();
    }
    out.push_str(&text[from..]);
    Cow::Owned(out)
}

/// Where `text` holds a character [`visible`] rewrites, with the
/// character, in order: for callers that must move byte offsets (an
/// excerpt's caret) along with the text.
pub fn changes(text: &str) -> impl Iterator<Item = (usize, char)> + '_ {
    let mut chars = text.char_indices().peekable();
    std::iter::from_fn(move || {
        while let Some((at, c)) = chars.next() {
            let crlf = c == '\r' && chars.peek().is_some_and(|&(_, next)| next == '\n');
            if is_unsafe(c) && !crlf {
                return Some((at, c));
            }
        }
        None
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_class_of_control_is_written_visibly() {
        let hostile = "a\u{1b}]0;t\u{7}b\u{9b}31m\u{202e}c\u{2066}\u{200f}\u{61c}\u{200b}\u{2060}\u{feff}\u{7f}\u{0}";
        let shown = visible(hostile);
        assert!(!shown.chars().any(is_unsafe), "{shown}");
        assert_eq!(
            shown,
            "a\\u{1b}]0;t\\u{7}b\\u{9b}31m\\u{202e}c\\u{2066}\\u{200f}\\u{61c}\\u{200b}\\u{2060}\\u{feff}\\u{7f}\\u{0}"
        );
        assert_eq!(visible_as("\u{202e}", Spelling::Json), "\\u202e");
    }

    #[test]
    fn line_ends_and_tabs_stay_and_clean_text_is_borrowed() {
        assert!(matches!(visible("a\tb\nc\r\nd é 日本"), Cow::Borrowed(_)));
        // A lone carriage return would move the cursor back over the line.
        assert_eq!(visible("safe\rfake"), "safe\\u{d}fake");
        assert_eq!(visible("x\r"), "x\\u{d}");
    }

    #[test]
    fn a_json_escape_means_the_same_character() {
        let text = serde_json::to_string("a\u{9b}\u{202e}b").expect("JSON");
        let shown = visible_as(&text, Spelling::Json);
        assert!(!shown.chars().any(is_unsafe));
        let back: String = serde_json::from_str(&shown).expect("still JSON");
        assert_eq!(back, "a\u{9b}\u{202e}b");
    }
}
