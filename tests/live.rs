//! `watch` and `serve` end to end: the files follow each save; the server
//! answers only its page, poster and event stream, only to local hosts;
//! and in headless Chromium the page shows the poster, follows an edit,
//! shows the errors of a broken map instead of a stale poster, and comes
//! back when it is fixed.
//!
//! The browser test needs Debian's `chromium` and `chromium-driver`
//! (`.ci/run` installs them). Without them it prints what to install and
//! skips, or fails when `JOURNEYMAP_REQUIRE_TOOLS=1` (`common/tools.rs`).
//! No test here asserts how fast anything is: the waits are limits against
//! a hang, and the speed of a re-render is measured by the
//! `airline-A2-rerender` benchmark in `benches/pipeline.rs`.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Duration;

#[path = "common/browser.rs"]
mod browser;
use browser::{Browser, Running, http, wait_for};

const MAP: &str = include_str!("../samples/saas-onboarding.toml");

fn retitled(title: &str) -> String {
    let first = MAP.lines().find(|l| l.starts_with("title = ")).expect("a title line");
    MAP.replacen(first, &format!("title = \"{title}\""), 1)
}

/// Writes a file as an editor saving by rename does: a new file, then a
/// rename over the old one.
fn save(path: &Path, text: &str) {
    let temporary = path.with_extension("saving");
    std::fs::write(&temporary, text).expect("write");
    std::fs::rename(&temporary, path).expect("rename");
}

#[test]
fn watch_renders_again_on_every_save() {
    let dir = tempfile::tempdir().expect("a folder");
    let map = dir.path().join("map.toml");
    std::fs::write(&map, retitled("First version")).expect("write");
    let log = std::fs::File::create(dir.path().join("watch.log")).expect("log");
    let _watch = Running(
        Command::new(env!("CARGO_BIN_EXE_journeymap"))
            .current_dir(dir.path())
            .args(["watch", "map.toml", "-o", "out.svg"])
            .stderr(log)
            .spawn()
            .expect("watch starts"),
    );
    let out = dir.path().join("out.svg");
    let read = || std::fs::read_to_string(&out).ok();
    wait_for(Duration::from_secs(60), "the first render", || read().filter(|s| s.contains("First version")));
    save(&map, &retitled("Second version"));
    wait_for(Duration::from_secs(30), "the render after a save", || read().filter(|s| s.contains("Second version")));
    // A broken map: the errors are printed, the last good poster stays.
    save(&map, &retitled("Third\" version"));
    let logged = || std::fs::read_to_string(dir.path().join("watch.log")).unwrap_or_default();
    let messages = wait_for(Duration::from_secs(30), "the errors", || Some(logged()).filter(|l| l.contains("error")));
    assert!(messages.contains("map.toml:"), "{messages}");
    assert!(read().is_some_and(|s| s.contains("Second version")));
    save(&map, &retitled("Fourth version"));
    wait_for(Duration::from_secs(30), "the render after the fix", || read().filter(|s| s.contains("Fourth version")));
}

/// A running `serve`, its port, and what it has printed.
fn serve(dir: &Path) -> (Running, u16, std::sync::Arc<std::sync::Mutex<Vec<String>>>) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_journeymap"))
        .current_dir(dir)
        .args(["serve", "map.toml", "--port", "0"])
        .stderr(Stdio::piped())
        .spawn()
        .expect("serve starts");
    let stderr = child.stderr.take().expect("its stderr");
    let (tx, rx) = std::sync::mpsc::channel();
    let printed = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
    let log = printed.clone();
    std::thread::spawn(move || {
        for line in BufReader::new(stderr).lines().map_while(Result::ok) {
            log.lock().map(|mut l| l.push(line.clone())).ok();
            let _ = tx.send(line);
        }
    });
    let line = rx.recv_timeout(Duration::from_secs(60)).expect("serve says where it listens");
    let port = line
        .split("http://127.0.0.1:")
        .nth(1)
        .and_then(|rest| rest.split('/').next())
        .and_then(|p| p.parse().ok())
        .unwrap_or_else(|| panic!("no port in {line:?}"));
    (Running(child), port, printed)
}

#[test]
fn serve_answers_only_its_page_poster_and_events_and_only_locally() {
    let dir = tempfile::tempdir().expect("a folder");
    std::fs::write(dir.path().join("map.toml"), MAP).expect("write");
    let (_serve, port, _) = serve(dir.path());
    let local = format!("127.0.0.1:{port}");
    let (status, head, page) = http(port, "GET", "/", &local, None);
    assert_eq!(status, 200);
    assert!(head.contains("Content-Security-Policy") && page.contains("new EventSource('/events')"), "{head}");
    let (status, head, svg) = http(port, "GET", "/poster.svg?v=1", &format!("localhost:{port}"), None);
    assert_eq!(status, 200, "{head}");
    assert!(head.contains("image/svg+xml") && svg.starts_with("<svg"), "{head}");
    for path in ["/map.toml", "/../map.toml", "/etc/passwd", "/poster.png"] {
        assert_eq!(http(port, "GET", path, &local, None).0, 404, "{path}");
    }
    // A page elsewhere that reaches 127.0.0.1 through its own name.
    assert_eq!(http(port, "GET", "/poster.svg", &format!("attacker.example:{port}"), None).0, 403);
    assert_eq!(http(port, "GET", "/", "127.0.0.1", None).0, 403, "the port is part of the host");
    assert_eq!(http(port, "POST", "/", &local, Some("{}")).0, 405);
    // The event stream says at once which poster is current.
    let mut stream = TcpStream::connect(("127.0.0.1", port)).expect("connect");
    stream.set_read_timeout(Some(Duration::from_secs(30))).expect("timeout");
    write!(stream, "GET /events HTTP/1.1\r\nHost: {local}\r\n\r\n").expect("send");
    let mut seen = String::new();
    let mut buf = [0u8; 512];
    while !seen.contains("event: poster\ndata: 1\n\n") {
        let n = stream.read(&mut buf).expect("an event");
        assert!(n > 0, "the stream closed: {seen}");
        seen.push_str(&String::from_utf8_lossy(&buf[..n]));
    }
    assert!(seen.contains("text/event-stream"), "{seen}");
}

/// What the page shows: the poster's title, or the problem text.
fn shown(browser: &Browser) -> (String, String) {
    let script = "const t = document.querySelector('#poster svg > title');\
                  const p = document.getElementById('problem');\
                  return [document.getElementById('poster').hidden ? '' : (t ? t.textContent : ''),\
                          p.hidden ? '' : p.textContent];";
    let v = browser.call("/execute/sync", &serde_json::json!({ "script": script, "args": [] }));
    let text = |i: usize| v.get(i).and_then(|s| s.as_str()).unwrap_or_default().to_owned();
    (text(0), text(1))
}

#[test]
fn the_preview_page_follows_each_save_in_a_browser() {
    let dir = tempfile::tempdir().expect("a folder");
    let map = dir.path().join("map.toml");
    std::fs::write(&map, retitled("Before the edit")).expect("write");
    let Some(browser) = Browser::start(&dir.path().join("profile")) else { return };
    let (_serve, port, _) = serve(dir.path());
    browser.open(&format!("http://127.0.0.1:{port}/"));
    // A guard against a hang, not a speed requirement.
    let limit = Duration::from_secs(60);
    wait_for(limit, "the first poster", || Some(shown(&browser)).filter(|(t, _)| t == "Before the edit"));

    // Each save → the page shows that save's poster, and nothing else:
    // the poster in the page is the one rendered from the new text.
    for n in 1..=3 {
        let title = format!("Edit number {n}");
        save(&map, &retitled(&title));
        let (shown_title, problem) =
            wait_for(limit, &format!("{title:?} in the page"), || Some(shown(&browser)).filter(|(t, _)| *t == title));
        assert!(problem.is_empty(), "{title}: a problem beside a good poster: {problem}");
        let poster = browser.run("return document.getElementById('poster').innerHTML;");
        let poster = poster.as_str().unwrap_or_default();
        assert!(poster.contains(&title) && !poster.contains("Before the edit"), "{shown_title}: {poster:.200}");
    }

    // A broken map: its errors, not the stale poster.
    save(&map, &retitled("Broken\" title"));
    let (title, problem) =
        wait_for(limit, "the errors in the page", || Some(shown(&browser)).filter(|(_, p)| !p.is_empty()));
    assert!(title.is_empty(), "the stale poster is hidden");
    assert!(problem.contains("map.toml:") && problem.contains("error["), "{problem}");
    // Fixed: the poster is back.
    save(&map, &retitled("Fixed"));
    wait_for(limit, "the poster after the fix", || Some(shown(&browser)).filter(|(t, p)| t == "Fixed" && p.is_empty()));
}
