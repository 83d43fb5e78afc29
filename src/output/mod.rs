//! The last stage: rasterising the SVG, drawing the PDF, and turning
//! output into files.
//!
//! Every file is written atomically: the bytes go to a temporary file in
//! the destination's directory, which is then renamed over the destination.
//! An interrupted or failed run leaves no partial file and keeps whatever
//! was there before.
//!
//! A file is written only over a regular file or where nothing exists: a
//! device, FIFO, socket or folder at the path is refused (renaming over it
//! would replace `/dev/null` or a pipe another program reads).

mod pdf;
mod png;
mod pptx;

use std::io::Write;
use std::path::Path;

pub use pdf::{PdfError, pdf};
pub use png::{
    BAND_ROWS, MAX_PARTS, MAX_PIXELS, PngError, PngSettings, Resolution, pixel_size, png, png_titled, png_with, tree,
};
pub use pptx::{PptxError, PptxMeta, PptxSlide, PptxTitle, SLIDE_HEIGHT_EMU, SLIDE_WIDTH_EMU, pptx};

/// Writes `bytes` to `path` atomically (see the module docs).
///
/// # Errors
/// Any I/O error; the destination is then unchanged.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    write_all_atomic(&[(path, bytes)]).map_err(|(_, e)| e)
}

/// Writes several files all or nothing: every file is first written in
/// full to a temporary file beside its destination, and only when all of
/// them are written are they renamed into place. A failure before that
/// leaves no file behind and every destination as it was.
///
/// # Errors
/// The first I/O error, naming nothing: the caller knows the paths. A
/// path where something other than a regular file exists is refused
/// (`ErrorKind::InvalidInput`) before anything is written.
pub fn write_all_atomic(files: &[(&Path, &[u8])]) -> Result<(), (usize, std::io::Error)> {
    for (i, (path, _)) in files.iter().enumerate() {
        not_special(path).map_err(|e| (i, e))?;
    }
    let mut staged = Vec::with_capacity(files.len());
    let result = (|| {
        for (i, (path, bytes)) in files.iter().enumerate() {
            staged.push(stage(path, bytes).map_err(|e| (i, e))?);
        }
        for (i, (file, (path, _))) in staged.drain(..).zip(files).enumerate() {
            let temp = file.path().to_path_buf();
            file.persist(path).map_err(|e| (i, e.error))?;
            forget_staged(&temp);
        }
        Ok(())
    })();
    // Whatever was not renamed is deleted as its handle drops.
    for file in &staged {
        forget_staged(file.path());
    }
    result
}

/// Refuses a path where something exists that is not a regular file (a
/// symbolic link counts as what it points to): a FIFO, a device, a socket
/// or a folder is never replaced by an output.
///
/// # Errors
/// [`std::io::ErrorKind::InvalidInput`], saying what is there.
pub fn not_special(path: &Path) -> std::io::Result<()> {
    let Ok(metadata) = std::fs::metadata(path) else { return Ok(()) };
    let kind = metadata.file_type();
    if kind.is_file() {
        return Ok(());
    }
    let what = if kind.is_dir() {
        "a folder"
    } else {
        #[cfg(unix)]
        {
            use std::os::unix::fs::FileTypeExt;
            if kind.is_fifo() {
                "a FIFO (named pipe)"
            } else if kind.is_char_device() || kind.is_block_device() {
                "a device"
            } else if kind.is_socket() {
                "a socket"
            } else {
                "not a regular file"
            }
        }
        #[cfg(not(unix))]
        "not a regular file"
    };
    Err(std::io::Error::new(
        std::io::ErrorKind::InvalidInput,
        format!("it is {what}; journeymap writes a file only over a regular file or where nothing exists"),
    ))
}

/// Temporary files being written, so that an interrupted run can remove
/// them (see [`remove_staged`]), and whether it has: once the run is
/// stopping, no new one is made.
static STAGED: std::sync::Mutex<(Vec<std::path::PathBuf>, bool)> = std::sync::Mutex::new((Vec::new(), false));

fn forget_staged(path: &Path) {
    let mut staged = STAGED.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
    staged.0.retain(|p| p != path);
}

/// Removes every temporary file this process is still writing. A program
/// calls it from its SIGINT/SIGTERM handler before it exits, so an
/// interrupted render leaves no `.journeymap-*.tmp` behind (a handle's own
/// clean-up does not run when a signal ends the process). Gives whether
/// there was any: a write was under way.
///
/// From then on no temporary file is made (a write fails with
/// `ErrorKind::Interrupted`): a file created between this clean-up and
/// the process's exit would be left behind.
pub fn remove_staged() -> bool {
    let mut staged = STAGED.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
    staged.1 = true;
    for path in &staged.0 {
        let _ = std::fs::remove_file(path);
    }
    !staged.0.is_empty()
}

/// `bytes` in a temporary file beside `path`, with the permissions `path`
/// will keep (see [`write_atomic`]).
fn stage(path: &Path, bytes: &[u8]) -> std::io::Result<tempfile::NamedTempFile> {
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let existing = std::fs::metadata(path).ok().map(|m| m.permissions());
    let mut builder = tempfile::Builder::new();
    builder.prefix(".journeymap-").suffix(".tmp");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    // Made and listed under one lock: an interrupt's clean-up either sees
    // the file or runs before it exists, and then it is never made.
    let mut file = {
        let mut staged = STAGED.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        if staged.1 {
            return Err(std::io::Error::new(std::io::ErrorKind::Interrupted, "the run is stopping"));
        }
        let file = builder.tempfile_in(dir)?;
        staged.0.push(file.path().to_path_buf());
        file
    };
    let written = (|| {
        file.write_all(bytes)?;
        if let Some(permissions) = existing {
            file.as_file().set_permissions(permissions)?;
        }
        file.as_file().sync_all()
    })();
    if let Err(e) = written {
        forget_staged(file.path());
        return Err(e);
    }
    Ok(file)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `remove_staged` reaches every file this process stages: the tests
    /// that stage files take turns.
    static TURN: std::sync::Mutex<()> = std::sync::Mutex::new(());

    fn turn() -> std::sync::MutexGuard<'static, ()> {
        TURN.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// Undoes [`remove_staged`]'s stop, for the tests that follow.
    fn resume() {
        STAGED.lock().unwrap_or_else(std::sync::PoisonError::into_inner).1 = false;
    }

    #[test]
    fn replaces_whole_and_leaves_no_temporary_file() -> std::io::Result<()> {
        let _turn = turn();
        let dir = tempfile::tempdir()?;
        let path = dir.path().join("out.svg");
        write_atomic(&path, b"first")?;
        write_atomic(&path, b"second")?;
        assert_eq!(std::fs::read(&path)?, b"second");
        let names: Vec<_> = std::fs::read_dir(dir.path())?.filter_map(Result::ok).map(|e| e.file_name()).collect();
        assert_eq!(names, vec![std::ffi::OsString::from("out.svg")]);
        Ok(())
    }

    #[test]
    fn several_files_are_written_all_or_nothing() -> std::io::Result<()> {
        let _turn = turn();
        let dir = tempfile::tempdir()?;
        let ok = dir.path().join("ok.svg");
        let bad = dir.path().join("no/such/dir/x.png");
        let failed = write_all_atomic(&[(&ok, b"svg"), (&bad, b"png")]);
        assert!(matches!(failed, Err((1, _))));
        let names: Vec<_> = std::fs::read_dir(dir.path())?.filter_map(Result::ok).collect();
        assert!(names.is_empty(), "nothing written, no temporary left: {names:?}");
        write_all_atomic(&[(&ok, b"svg")]).map_err(|(_, e)| e)?;
        assert_eq!(std::fs::read(&ok)?, b"svg");
        Ok(())
    }

    #[test]
    fn an_interrupted_write_can_remove_its_temporary_files() -> std::io::Result<()> {
        let _turn = turn();
        let dir = tempfile::tempdir()?;
        let file = stage(&dir.path().join("out.png"), b"half a poster")?;
        let temp = file.path().to_path_buf();
        assert!(temp.exists());
        remove_staged();
        assert!(!temp.exists(), "the signal handler's clean-up removed it");
        forget_staged(&temp);
        drop(file);
        // Between the clean-up and the exit, the run makes no new file.
        let late = write_atomic(&dir.path().join("late.svg"), b"after the signal").err().map(|e| e.kind());
        resume();
        assert_eq!(late, Some(std::io::ErrorKind::Interrupted));
        assert_eq!(std::fs::read_dir(dir.path())?.count(), 0);
        Ok(())
    }

    #[test]
    fn refuses_to_replace_a_folder_or_a_device() {
        let _turn = turn();
        let dir = tempfile::tempdir().ok();
        let folder = dir.as_ref().map(|d| d.path().to_path_buf()).unwrap_or_default();
        let error = write_atomic(&folder, b"x").err().map(|e| e.kind());
        assert_eq!(error, Some(std::io::ErrorKind::InvalidInput));
        assert!(folder.is_dir());
        #[cfg(unix)]
        {
            let error = write_atomic(Path::new("/dev/null"), b"x").err().map(|e| e.to_string()).unwrap_or_default();
            assert!(error.contains("a device"), "{error}");
        }
    }

    #[test]
    fn a_missing_directory_fails_without_creating_anything() {
        let _turn = turn();
        let dir = tempfile::tempdir().ok();
        let path = dir.as_ref().map(|d| d.path().join("no/such/dir/out.svg")).unwrap_or_default();
        assert!(write_atomic(&path, b"x").is_err());
        assert!(!path.exists());
    }
}
