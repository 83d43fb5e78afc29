//! Where `diff` reads a map from: a file, standard input, or `REV:PATH`,
//! PATH as git has it at REV (read with `git show` in PATH's folder).

use std::path::Path;
use std::process::Command;

use journeymap::parse::{self, Parsed};

use crate::cli::{Failure, load};

/// Reads the map `arg` names: `-`, a file, or else `REV:PATH`.
pub(super) fn read(arg: &str) -> Result<Parsed, Failure> {
    let path = Path::new(arg);
    if arg == "-" || path.exists() {
        return load(path);
    }
    match arg.split_once(':') {
        Some((rev, file)) if !rev.is_empty() && !file.is_empty() => from_git(arg, rev, Path::new(file)),
        _ => load(path),
    }
}

/// `file` as git has it at `rev`, from the repository around `file`.
fn from_git(arg: &str, rev: &str, file: &Path) -> Result<Parsed, Failure> {
    // `git show --output=…` would write a file: a revision is never an
    // option.
    if rev.starts_with('-') {
        return Err(Failure::usage(format!("{arg}: a revision cannot start with '-'")));
    }
    let dir = file.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let Some(name) = file.file_name() else {
        return Err(Failure::usage(format!("{arg}: name a map file after the ':' (HEAD:map.toml)")));
    };
    // `./` makes the path relative to the folder git runs in, not to the
    // repository's root.
    let spec = format!("{rev}:./{}", name.to_string_lossy());
    let output = Command::new("git").arg("-C").arg(dir).args(["show", "--end-of-options"]).arg(&spec).output();
    let output = match output {
        Ok(output) => output,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Err(Failure::usage(format!(
                "cannot read {arg}: git is not installed (install the `git` package), and no file has that name"
            )));
        }
        Err(e) => return Err(Failure::io(format!("cannot run git to read {arg}"), &e)),
    };
    if !output.status.success() {
        let said = String::from_utf8_lossy(&output.stderr);
        let said = said.lines().find(|l| !l.trim().is_empty()).unwrap_or("git failed").trim();
        return Err(Failure::usage(format!(
            "cannot read {arg} from git: {said} (OLD and NEW are files, or REV:PATH inside a git repository)"
        )));
    }
    let options = parse::Options { base_dir: Some(dir.to_path_buf()) };
    Ok(if parse::is_mermaid_path(file) {
        parse::parse_mermaid(arg, &output.stdout, &options)
    } else if parse::is_csv_path(file) {
        parse::parse_csv(arg, &output.stdout, &options)
    } else {
        parse::parse_bytes(arg, &output.stdout, &options)
    })
}
