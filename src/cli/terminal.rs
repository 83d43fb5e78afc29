//! Everything the command line prints goes through here, on its way to a
//! person: messages on stderr always, standard output when it is a
//! terminal. What is unsafe and how it is shown is decided once, in
//! [`journeymap::terminal`]; a file or a pipe gets the bytes exactly.

use std::io::{IsTerminal, Write};

pub(crate) use journeymap::terminal::{Spelling, visible};

/// Prints a message line to stderr, every unsafe character written
/// visibly: messages echo map text, theme text and command-line
/// arguments, any of which can hold an ESC.
macro_rules! say {
    ($($arg:tt)*) => {
        $crate::cli::terminal::say_line(&format!($($arg)*))
    };
}
pub(crate) use say;

/// See [`say!`].
pub(crate) fn say_line(text: &str) {
    let mut line = visible(text).into_owned();
    line.push('\n');
    let _ = std::io::stderr().lock().write_all(line.as_bytes());
}

/// Whether standard output is a terminal: then what is written there is
/// made safe first.
pub(crate) fn stdout_is_terminal() -> bool {
    std::io::stdout().is_terminal()
}

/// `bytes` as they may reach standard output: unchanged for a file or a
/// pipe; on a terminal, every unsafe character written visibly (JSON
/// with JSON escapes, so it stays valid), and bytes that are not UTF-8
/// (a PNG) shown as `\x89`.
pub(crate) fn for_stdout(bytes: &[u8], spelling: Spelling, terminal: bool) -> std::borrow::Cow<'_, [u8]> {
    if !terminal {
        return std::borrow::Cow::Borrowed(bytes);
    }
    let mut out = String::with_capacity(bytes.len());
    for chunk in bytes.utf8_chunks() {
        out.push_str(&journeymap::terminal::visible_as(chunk.valid(), spelling));
        for byte in chunk.invalid() {
            out.push_str(&format!("\\x{byte:02x}"));
        }
    }
    std::borrow::Cow::Owned(out.into_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pipe_gets_the_bytes_and_a_terminal_sees_them() {
        let data = "name,\u{1b}]0;t\u{7}\u{202e}\r\n".as_bytes();
        assert_eq!(&*for_stdout(data, Spelling::Braces, false), data);
        let shown = for_stdout(data, Spelling::Braces, true);
        assert_eq!(std::str::from_utf8(&shown).ok(), Some("name,\\u{1b}]0;t\\u{7}\\u{202e}\r\n"));
        let png = [0x89, b'P', b'N', b'G', 0x1b, 0x0d];
        assert_eq!(&*for_stdout(&png, Spelling::Braces, true), b"\\x89PNG\\u{1b}\\u{d}");
    }
}
