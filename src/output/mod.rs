//! The last stage: rasterising the SVG, and turning output into files.
//!
//! Every file is written atomically: the bytes go to a temporary file in
//! the destination's directory, which is then renamed over the destination.
//! An interrupted or failed run leaves no partial file and keeps whatever
//! was there before.

mod pdf;
mod png;

use std::io::Write;
use std::path::Path;

pub use pdf::{PdfError, pdf};
pub use png::{MAX_PIXELS, PngError, Resolution, pixel_size, png, png_titled, tree};

/// Writes `bytes` to `path` atomically (see the module docs).
///
/// # Errors
/// Any I/O error; the destination is then unchanged.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    stage(path, bytes)?.persist(path).map_err(|e| e.error)?;
    Ok(())
}

/// Writes several files all or nothing: every file is first written in
/// full to a temporary file beside its destination, and only when all of
/// them are written are they renamed into place. A failure before that
/// leaves no file behind and every destination as it was.
///
/// # Errors
/// The first I/O error, naming nothing: the caller knows the paths.
pub fn write_all_atomic(files: &[(&Path, &[u8])]) -> Result<(), (usize, std::io::Error)> {
    let mut staged = Vec::with_capacity(files.len());
    for (i, (path, bytes)) in files.iter().enumerate() {
        staged.push(stage(path, bytes).map_err(|e| (i, e))?);
    }
    for (i, (file, (path, _))) in staged.into_iter().zip(files).enumerate() {
        file.persist(path).map_err(|e| (i, e.error))?;
    }
    Ok(())
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
    let mut file = builder.tempfile_in(dir)?;
    file.write_all(bytes)?;
    if let Some(permissions) = existing {
        file.as_file().set_permissions(permissions)?;
    }
    file.as_file().sync_all()?;
    Ok(file)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_whole_and_leaves_no_temporary_file() -> std::io::Result<()> {
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
    fn a_missing_directory_fails_without_creating_anything() {
        let dir = tempfile::tempdir().ok();
        let path = dir.as_ref().map(|d| d.path().join("no/such/dir/out.svg")).unwrap_or_default();
        assert!(write_atomic(&path, b"x").is_err());
        assert!(!path.exists());
    }
}
