//! The file rules end to end: outputs replace only regular files, a pipe
//! as the map is read once, a theme file named by a map is never quoted,
//! and what is echoed is cut to a readable length and count.
//!
//! The FIFO cases use the `mkfifo` command (coreutils); they run on Unix.
#![cfg(unix)]

use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::time::Duration;

const MAP: &str = include_str!("../samples/saas-onboarding.toml");

/// Runs journeymap in `dir`; the time limit only guards against a hang.
fn run(dir: &Path, args: &[&str]) -> Output {
    let child = Command::new(env!("CARGO_BIN_EXE_journeymap"))
        .current_dir(dir)
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("journeymap starts");
    let pid = child.id();
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || tx.send(child.wait_with_output()));
    match rx.recv_timeout(Duration::from_secs(120)) {
        Ok(out) => out.expect("its output"),
        Err(_) => {
            let _ = Command::new("kill").arg(pid.to_string()).status();
            panic!("journeymap {args:?} hangs");
        }
    }
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn mkfifo(path: &Path) {
    let made = Command::new("mkfifo").arg(path).status().expect("mkfifo runs");
    assert!(made.success(), "mkfifo {}", path.display());
}

fn is_fifo(path: &Path) -> bool {
    use std::os::unix::fs::FileTypeExt;
    std::fs::metadata(path).is_ok_and(|m| m.file_type().is_fifo())
}

#[test]
fn a_file_output_replaces_only_a_regular_file() {
    let dir = tempfile::tempdir().expect("a folder");
    std::fs::write(dir.path().join("map.toml"), MAP).expect("write");
    let fifo = dir.path().join("out.svg");
    mkfifo(&fifo);
    let out = run(dir.path(), &["render", "map.toml", "-o", "out.svg"]);
    assert_eq!(out.status.code(), Some(3), "{}", stderr(&out));
    assert!(stderr(&out).contains("FIFO"), "{}", stderr(&out));
    assert!(is_fifo(&fifo), "the FIFO is still there");
    let out = run(dir.path(), &["schema", "-o", "out.svg"]);
    assert_eq!(out.status.code(), Some(3), "{}", stderr(&out));
    assert!(is_fifo(&fifo));
    std::fs::create_dir(dir.path().join("folder.svg")).expect("a folder");
    let out = run(dir.path(), &["render", "map.toml", "-o", "folder.svg"]);
    assert_eq!(out.status.code(), Some(3), "{}", stderr(&out));
    assert!(stderr(&out).contains("folder"), "{}", stderr(&out));
    // A regular file is replaced as before.
    std::fs::write(dir.path().join("old.svg"), "old").expect("write");
    let out = run(dir.path(), &["render", "map.toml", "-o", "old.svg"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(std::fs::read_to_string(dir.path().join("old.svg")).is_ok_and(|s| s.starts_with("<svg")));
}

#[test]
fn a_fifo_map_is_read_once_and_watch_refuses_it() {
    let dir = tempfile::tempdir().expect("a folder");
    let fifo = dir.path().join("map.toml");
    for command in ["check", "export"] {
        mkfifo(&fifo);
        let writer = {
            let fifo = fifo.clone();
            // Opening blocks until journeymap opens the other end; a run
            // that never reads leaves this thread behind, not the test.
            std::thread::spawn(move || std::fs::File::create(fifo).and_then(|mut f| f.write_all(MAP.as_bytes())))
        };
        let args: &[&str] = if command == "check" { &["check", "map.toml"] } else { &["export", "csv", "map.toml"] };
        let out = run(dir.path(), args);
        assert_eq!(out.status.code(), Some(0), "{command}: {}", stderr(&out));
        assert!(writer.join().is_ok_and(|w| w.is_ok()));
        std::fs::remove_file(&fifo).expect("remove");
    }
    mkfifo(&fifo);
    let out = run(dir.path(), &["watch", "map.toml", "-o", "out.svg"]);
    assert_eq!(out.status.code(), Some(3), "{}", stderr(&out));
    assert!(stderr(&out).contains("not a regular file"), "{}", stderr(&out));
}

#[test]
fn a_theme_file_named_by_the_map_is_quoted_by_its_path_only() {
    let dir = tempfile::tempdir().expect("a folder");
    std::fs::write(dir.path().join("secret"), "SECRET-TOKEN-1234:x:0:0\nmore = 'SECRET-TWO'\n").expect("write");
    let map = MAP.replacen("title = ", "theme = \"./secret\"\ntitle = ", 1);
    std::fs::write(dir.path().join("map.toml"), map).expect("write");
    for format in ["human", "json"] {
        let out = run(dir.path(), &["check", "map.toml", "--format", format]);
        assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
        let said = format!("{}{}", stderr(&out), String::from_utf8_lossy(&out.stdout));
        assert!(!said.contains("SECRET"), "{said}");
        assert!(said.contains("secret") && said.contains("unknown-theme"), "{said}");
    }
}

#[test]
fn echoed_values_are_cut_and_diagnostics_past_200_are_counted() {
    let dir = tempfile::tempdir().expect("a folder");
    let long = MAP.replacen("title = ", &format!("{} = 1\ntitle = ", "k".repeat(1_000_000)), 1);
    std::fs::write(dir.path().join("long.toml"), long).expect("write");
    let out = run(dir.path(), &["check", "long.toml"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stderr.len() < 4_000, "{} bytes for one unknown key", out.stderr.len());
    let out = run(dir.path(), &["check", "long.toml", "--format", "json"]);
    assert!(out.stdout.len() < 4_000, "{} bytes of JSON for one unknown key", out.stdout.len());

    let many: String = (0..5_000).map(|i| format!("unknown{i} = 1\n")).collect();
    std::fs::write(dir.path().join("many.toml"), format!("{many}{MAP}")).expect("write");
    let out = run(dir.path(), &["check", "many.toml"]);
    assert_eq!(out.status.code(), Some(1));
    let said = stderr(&out);
    assert_eq!(said.matches("error[unknown-key]").count(), 200, "{}", &said[..said.len().min(2000)]);
    assert!(said.contains("4800 more not shown") && said.contains("5000 errors"), "{}", &said[said.len() - 500..]);
}
