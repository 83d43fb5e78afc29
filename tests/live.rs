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
    // The log is read while watch writes it: wait for the whole report,
    // whose located lines name the map.
    let reported = |l: &String| l.contains("error") && l.contains("map.toml:");
    let messages = wait_for(Duration::from_secs(30), "the errors", || Some(logged()).filter(reported));
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
    assert!(head.contains("Content-Security-Policy") && page.contains("<script src=\"/preview.js\">"), "{head}");
    let csp = head.lines().find(|l| l.starts_with("Content-Security-Policy:")).unwrap_or_default();
    assert!(csp.contains("script-src 'self';") && !csp.contains("script-src 'unsafe-inline'"), "{csp}");
    let (status, head, script) = http(port, "GET", "/preview.js", &local, None);
    assert_eq!(status, 200);
    assert!(head.contains("text/javascript") && script.contains("new EventSource('/events')"), "{head}");
    let (status, head, svg) = http(port, "GET", "/poster.svg?v=1", &format!("localhost:{port}"), None);
    assert_eq!(status, 200, "{head}");
    assert!(head.contains("image/svg+xml") && svg.starts_with("<svg"), "{head}");
    assert!(head.contains("X-Content-Type-Options: nosniff") && head.contains("Content-Security-Policy:"), "{head}");
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
    assert!(seen.contains("X-Content-Type-Options: nosniff") && seen.contains("Content-Security-Policy:"), "{seen}");
}

/// Sends raw bytes and gives the status of the answer (0 when the server
/// closed the connection without one). The timeout only guards a hang.
fn raw(port: u16, request: &[u8]) -> u16 {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).expect("connect");
    stream.set_read_timeout(Some(Duration::from_secs(30))).expect("timeout");
    let _ = stream.write_all(request);
    let mut answer = Vec::new();
    let _ = stream.take(64 * 1024).read_to_end(&mut answer);
    let answer = String::from_utf8_lossy(&answer);
    answer.strip_prefix("HTTP/1.1 ").and_then(|rest| rest.get(..3)).and_then(|s| s.parse().ok()).unwrap_or(0)
}

fn page_answers(port: u16) -> u16 {
    raw(port, format!("GET / HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n\r\n").as_bytes())
}

#[test]
fn serve_refuses_bodies_and_malformed_heads_and_keeps_answering() {
    let dir = tempfile::tempdir().expect("a folder");
    std::fs::write(dir.path().join("map.toml"), MAP).expect("write");
    let (_serve, port, _) = serve(dir.path());
    let host = format!("Host: 127.0.0.1:{port}\r\n");
    // tiny_http allocated the declared size when it dropped the request:
    // the process aborted.
    let huge = format!("GET / HTTP/1.1\r\n{host}Content-Length: 99999999999\r\n\r\n");
    assert_eq!(raw(port, huge.as_bytes()), 413);
    assert_eq!(page_answers(port), 200, "still serving after the huge body");
    let chunked = format!("GET / HTTP/1.1\r\n{host}Transfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n");
    assert_eq!(raw(port, chunked.as_bytes()), 400);
    // RFC 9112 §3.2: a request with two Host fields gets 400.
    assert_eq!(raw(port, format!("GET / HTTP/1.1\r\n{host}{host}\r\n").as_bytes()), 400);
    let many: String = (0..40).map(|i| format!("X-Field-{i}: {i}\r\n")).collect();
    assert_eq!(raw(port, format!("GET / HTTP/1.1\r\n{host}{many}\r\n").as_bytes()), 431);
    let long = format!("GET / HTTP/1.1\r\n{host}X-Long: {}\r\n\r\n", "a".repeat(9000));
    assert_eq!(raw(port, long.as_bytes()), 431);
    assert_eq!(raw(port, b"\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03\r\n\r\n"), 400);
    assert_eq!(page_answers(port), 200);
}

/// The soft limit on this process's open files, from /proc (Linux).
fn open_files_limit() -> Option<usize> {
    let limits = std::fs::read_to_string("/proc/self/limits").ok()?;
    let line = limits.lines().find(|l| l.starts_with("Max open files"))?;
    line.split_whitespace().nth(3)?.parse().ok()
}

#[test]
fn serve_answers_while_thousands_of_idle_sockets_are_open_and_after() {
    let dir = tempfile::tempdir().expect("a folder");
    std::fs::write(dir.path().join("map.toml"), MAP).expect("write");
    let (_serve, port, printed) = serve(dir.path());
    // 2,000 sockets, or as many as this process may open less a margin for
    // the test harness (at least 900): tiny_http's thread per connection
    // failed to start at about 1,450 and then refused every connection.
    let wanted = open_files_limit().map_or(2_000, |limit| limit.saturating_sub(100).min(2_000));
    assert!(wanted >= 900, "raise the open-file limit (ulimit -n) to at least 1,000 for this test");
    let mut idle = Vec::with_capacity(wanted);
    for _ in 0..wanted {
        match TcpStream::connect_timeout(&([127, 0, 0, 1], port).into(), Duration::from_secs(30)) {
            Ok(stream) => idle.push(stream),
            Err(e) => {
                panic!("connection {} failed: {e}; serve said {:?}", idle.len(), printed.lock().map(|l| l.clone()))
            }
        }
    }
    eprintln!("{} idle sockets open", idle.len());
    assert_eq!(page_answers(port), 200, "a request while {} sockets are idle", idle.len());
    drop(idle);
    assert_eq!(page_answers(port), 200, "a request after they closed");
    // And a slow sender: half a head, then nothing, is closed in time.
    let mut slow = TcpStream::connect(("127.0.0.1", port)).expect("connect");
    slow.set_read_timeout(Some(Duration::from_secs(60))).expect("timeout");
    slow.write_all(b"GET / HTTP/1.1\r\n").expect("send");
    let mut answer = String::new();
    let _ = slow.read_to_string(&mut answer);
    assert!(answer.starts_with("HTTP/1.1 408"), "{answer:?}");
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
