//! Where a command's text goes: standard output, or a file it may not
//! write over without `--force`, and never over the map it read.

use std::io::Write;
use std::path::Path;

use super::{Failure, terminal};

/// Whether two paths name one file: the same device and inode, so a
/// symbolic or a hard link to the map is the map. Paths that do not both
/// exist are different files.
pub(crate) fn same_file(a: &Path, b: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        match (std::fs::metadata(a), std::fs::metadata(b)) {
            (Ok(x), Ok(y)) => x.dev() == y.dev() && x.ino() == y.ino(),
            _ => false,
        }
    }
    #[cfg(not(unix))]
    {
        matches!((std::fs::canonicalize(a), std::fs::canonicalize(b)), (Ok(x), Ok(y)) if x == y)
    }
}

/// Refuses an output that is the input map, by any path or link: no
/// command writes over its map, `--force` or not.
pub(crate) fn refuse_the_input(output: Option<&Path>, input: &Path) -> Result<(), Failure> {
    match output.filter(|o| *o != Path::new("-")) {
        Some(o) if input != Path::new("-") && same_file(o, input) => Err(Failure::usage(format!(
            "{} is the map itself; writing there would replace it — choose another -o",
            o.display()
        ))),
        _ => Ok(()),
    }
}

/// Writes a command's text to `output`, atomically and never over an
/// existing file without `force`, or to standard output (`None` or `-`).
/// Returns the path written, for the caller's message.
pub(crate) fn write_output<'p>(text: &str, output: Option<&'p Path>, force: bool) -> Result<Option<&'p Path>, Failure> {
    let Some(path) = output.filter(|p| *p != Path::new("-")) else {
        write_stdout(text.as_bytes())?;
        return Ok(None);
    };
    // Something that is no file is never replaced, --force or not.
    journeymap::output::not_special(path).map_err(|e| Failure::io(format!("cannot write {}", path.display()), &e))?;
    if path.exists() && !force {
        return Err(Failure::usage(format!(
            "{} already exists; choose another name or add --force to overwrite it",
            path.display()
        )));
    }
    journeymap::output::write_atomic(path, text.as_bytes())
        .map_err(|e| Failure::io(format!("cannot write {}", path.display()), &e))?;
    Ok(Some(path))
}

/// Writes a command's text or bytes to standard output: exactly, to a
/// file or a pipe; made safe to look at, on a terminal (see
/// [`terminal::for_stdout`]).
pub(crate) fn write_stdout(bytes: &[u8]) -> Result<(), Failure> {
    write_stdout_as(bytes, terminal::Spelling::Braces)
}

/// [`write_stdout`] for JSON, which a terminal is shown with JSON escapes.
pub(crate) fn write_stdout_as(bytes: &[u8], spelling: terminal::Spelling) -> Result<(), Failure> {
    let bytes = terminal::for_stdout(bytes, spelling, terminal::stdout_is_terminal());
    let mut out = std::io::stdout().lock();
    match out.write_all(&bytes).and_then(|()| out.flush()) {
        // The reader stopped early (`| head`): what it wanted, it has.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        other => other.map_err(|e| Failure::io("cannot write to standard output", &e)),
    }
}
