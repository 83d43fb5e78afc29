//! The lookup of external programs (`common/tools.rs`): a missing program
//! skips its test with one line naming the package, or fails it when
//! `JOURNEYMAP_REQUIRE_TOOLS=1`; a program that is there is found.

#[path = "common/tools.rs"]
mod tools;

use std::ffi::OsString;

use tools::{Tool, decide, find_in, missing_message};

const NOWHERE: Tool = Tool { names: &["journeymap-no-such-program"], package: "no-such-package" };

#[test]
fn a_missing_program_names_its_package() {
    let message = missing_message(&[&tools::PDFINFO, &tools::PDFTOTEXT, &tools::CHROMEDRIVER]);
    assert_eq!(
        message,
        "needs pdfinfo, pdftotext, chromedriver — install chromium-driver poppler-utils \
         (apt-get install chromium-driver poppler-utils)"
    );
}

#[test]
fn a_missing_program_skips_unless_required() {
    let search = OsString::from("/nonexistent-folder");
    let mut said = Vec::new();
    assert!(!decide(&[&NOWHERE], &search, false, &mut said), "skipped, not found");
    assert_eq!(
        String::from_utf8_lossy(&said),
        "skipped: needs journeymap-no-such-program — install no-such-package (apt-get install no-such-package)\n",
        "one line"
    );
    let failed = std::panic::catch_unwind(|| decide(&[&NOWHERE], &search, true, &mut Vec::new()));
    let payload = failed.expect_err("required: a failure");
    let said = payload.downcast_ref::<String>().cloned().unwrap_or_default();
    assert!(said.contains("apt-get install no-such-package"), "{said}");
    assert!(said.contains("JOURNEYMAP_REQUIRE_TOOLS=1"), "{said}");
}

#[test]
fn a_program_on_the_path_is_found_by_any_of_its_names() {
    let dir = tempfile::tempdir().expect("a folder");
    let second = Tool { names: &["first-name", "second-name"], package: "p" };
    let program = dir.path().join("second-name");
    std::fs::write(&program, "#!/bin/sh\n").expect("write");
    let search = std::env::join_paths(["/nonexistent-folder".as_ref(), dir.path()]).expect("a search path");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        // Not yet executable: not a program.
        assert_eq!(find_in(&second, &search), None);
        std::fs::set_permissions(&program, std::fs::Permissions::from_mode(0o755)).expect("chmod");
    }
    assert_eq!(find_in(&second, &search), Some(program));
    let mut said = Vec::new();
    assert!(decide(&[&second], &search, true, &mut said), "found, so neither skipped nor failed");
    assert!(said.is_empty(), "nothing said");
}
