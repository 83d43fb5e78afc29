//! The programs a few tests read our output back with — poppler's PDF
//! tools, Chromium and chromedriver — looked up on `PATH`, so that
//! `cargo test` passes on a fresh machine without them.
//!
//! A test whose tool is missing prints one line naming the Debian package
//! that provides it and returns early: it passes, having checked nothing.
//! With `JOURNEYMAP_REQUIRE_TOOLS=1` (which `.ci/run` sets) a missing tool
//! fails the test with the same words instead, so CI never skips a check
//! without saying so. Included by path (`#[path = "common/tools.rs"]` or
//! through `common/mod.rs`) from the test files that need it.
#![allow(dead_code)] // Each test file uses a different part.

use std::ffi::OsStr;
use std::path::PathBuf;

/// A program some tests run, by the names it goes by and the Debian
/// package that installs it.
#[derive(Debug)]
pub(crate) struct Tool {
    /// The names to look for on `PATH`, the preferred one first.
    pub(crate) names: &'static [&'static str],
    /// The Debian (and Ubuntu) package that provides it.
    pub(crate) package: &'static str,
}

pub(crate) const PDFINFO: Tool = Tool { names: &["pdfinfo"], package: "poppler-utils" };
pub(crate) const PDFTOTEXT: Tool = Tool { names: &["pdftotext"], package: "poppler-utils" };
pub(crate) const PDFTOHTML: Tool = Tool { names: &["pdftohtml"], package: "poppler-utils" };
pub(crate) const PDFFONTS: Tool = Tool { names: &["pdffonts"], package: "poppler-utils" };
pub(crate) const PDFTOPPM: Tool = Tool { names: &["pdftoppm"], package: "poppler-utils" };
/// Debian calls it `chromium`, Ubuntu `chromium-browser`; Google's build
/// works as well.
pub(crate) const CHROMIUM: Tool =
    Tool { names: &["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"], package: "chromium" };
/// `script` runs a command on a pseudo-terminal (util-linux's, shipped
/// in Debian's bsdutils).
pub(crate) const SCRIPT: Tool = Tool { names: &["script"], package: "bsdutils" };
pub(crate) const CHROMEDRIVER: Tool = Tool { names: &["chromedriver"], package: "chromium-driver" };
/// LibreOffice, an office suite that opens our PPTX decks as a user's
/// would (`soffice --headless --convert-to pdf`).
pub(crate) const SOFFICE: Tool = Tool { names: &["soffice", "libreoffice"], package: "libreoffice-impress" };
/// `diff REV:PATH` reads a map's history with git.
pub(crate) const GIT: Tool = Tool { names: &["git"], package: "git" };

/// The variable that turns a missing tool into a failure.
pub(crate) const REQUIRE: &str = "JOURNEYMAP_REQUIRE_TOOLS";

/// Where `tool` is on `PATH`, if it is there.
pub(crate) fn find(tool: &Tool) -> Option<PathBuf> {
    find_in(tool, std::env::var_os("PATH").as_deref().unwrap_or_default())
}

/// Where `tool` is in the folders of `search` (a `PATH`-style list).
pub(crate) fn find_in(tool: &Tool, search: &OsStr) -> Option<PathBuf> {
    tool.names.iter().find_map(|name| std::env::split_paths(search).map(|dir| dir.join(name)).find(|p| is_program(p)))
}

fn is_program(path: &std::path::Path) -> bool {
    let Ok(meta) = std::fs::metadata(path) else { return false };
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        meta.is_file() && meta.permissions().mode() & 0o111 != 0
    }
    #[cfg(not(unix))]
    {
        meta.is_file()
    }
}

/// Whether every tool is on `PATH`. When one is missing: with
/// `JOURNEYMAP_REQUIRE_TOOLS=1` this panics; otherwise it prints one line
/// saying what to install and gives `false`, and the test should return.
pub(crate) fn have(tools: &[&Tool]) -> bool {
    let required = std::env::var_os(REQUIRE).is_some_and(|v| v == "1");
    // Straight to the process's stderr, not eprintln!: the test harness
    // captures eprintln! of a passing test, and a skip must be seen.
    decide(tools, std::env::var_os("PATH").as_deref().unwrap_or_default(), required, &mut std::io::stderr())
}

/// [`have`] with the search path, the choice and where to say it given,
/// for its own test.
pub(crate) fn decide(tools: &[&Tool], search: &OsStr, required: bool, say: &mut dyn std::io::Write) -> bool {
    let missing: Vec<&Tool> = tools.iter().copied().filter(|t| find_in(t, search).is_none()).collect();
    if missing.is_empty() {
        return true;
    }
    let message = missing_message(&missing);
    if required {
        panic!("{message} ({REQUIRE}=1 makes a missing tool a failure)");
    }
    let _ = writeln!(say, "skipped: {message}");
    false
}

/// "needs pdfinfo, pdftotext — install poppler-utils (apt-get install
/// poppler-utils)": every missing program and each package once.
pub(crate) fn missing_message(missing: &[&Tool]) -> String {
    let names: Vec<&str> = missing.iter().map(|t| t.names[0]).collect();
    let mut packages: Vec<&str> = missing.iter().map(|t| t.package).collect();
    packages.sort_unstable();
    packages.dedup();
    let packages = packages.join(" ");
    format!("needs {} — install {packages} (apt-get install {packages})", names.join(", "))
}

/// Runs a poppler tool on PDF bytes (the test has asked `tools::have`).
pub(crate) fn poppler(tool: &str, pdf: &[u8], extra: &[&str]) -> String {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = dir.path().join("poster.pdf");
    std::fs::write(&path, pdf).expect("write the PDF");
    let mut args: Vec<String> = extra.iter().map(|s| (*s).to_owned()).collect();
    args.push(path.display().to_string());
    if tool == "pdftotext" {
        args.push("-".into());
    }
    let out = std::process::Command::new(tool)
        .args(&args)
        .output()
        .unwrap_or_else(|e| panic!("{tool} is needed to read PDFs back: install poppler-utils ({e})"));
    assert!(out.status.success(), "{tool} failed: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Whether Python 3 can import `module` (from the PyPI package
/// `package`). When it cannot: with `JOURNEYMAP_REQUIRE_TOOLS=1` this
/// panics; otherwise it prints one line naming the package and gives
/// `false`, and the test should return.
pub(crate) fn have_python_module(module: &str, package: &str) -> bool {
    let found = std::process::Command::new("python3")
        .args(["-c", &format!("import {module}")])
        .output()
        .is_ok_and(|out| out.status.success());
    if found {
        return true;
    }
    let message = format!("needs the Python module {module} — install {package} (pip install {package})");
    if std::env::var_os(REQUIRE).is_some_and(|v| v == "1") {
        panic!("{message} ({REQUIRE}=1 makes a missing tool a failure)");
    }
    let _ = std::io::Write::write_all(&mut std::io::stderr(), format!("skipped: {message}\n").as_bytes());
    false
}
