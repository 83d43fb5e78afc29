//! A headless Chromium driven through chromedriver with plain WebDriver
//! HTTP calls, and the small process and HTTP helpers the browser tests
//! share. Included by path from the test files that drive a browser.
//!
//! Chromium and chromedriver are found on `PATH` (`tools.rs`): without
//! Debian's `chromium` and `chromium-driver` a browser test prints what to
//! install and skips, or fails when `JOURNEYMAP_REQUIRE_TOOLS=1`, as in
//! `.ci/run`, which installs them.
#![allow(dead_code)] // Each test file uses a different part.

#[path = "tools.rs"]
mod tools;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// A child process killed when the test ends, however it ends.
pub(crate) struct Running(pub(crate) Child);

impl Drop for Running {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// Polls `check` every 20 ms until it gives a value, for at most `limit`.
pub(crate) fn wait_for<T>(limit: Duration, what: &str, mut check: impl FnMut() -> Option<T>) -> T {
    let started = Instant::now();
    loop {
        if let Some(v) = check() {
            return v;
        }
        assert!(started.elapsed() < limit, "waited {limit:?} for {what}");
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// One HTTP/1.1 request; the status and body.
pub(crate) fn http(port: u16, method: &str, path: &str, host: &str, body: Option<&str>) -> (u16, String, String) {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).expect("connect");
    stream.set_read_timeout(Some(Duration::from_secs(60))).expect("timeout");
    let body = body.unwrap_or("");
    let request = format!(
        "{method} {path} HTTP/1.1\r\nHost: {host}\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    );
    stream.write_all(request.as_bytes()).expect("send");
    // Read the head, then exactly Content-Length bytes: a server may keep
    // the connection open although asked to close it.
    let mut reader = BufReader::new(stream);
    let mut head = String::new();
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line).unwrap_or(0) == 0 || line == "\r\n" {
            break;
        }
        head.push_str(&line);
    }
    let length = head
        .lines()
        .find_map(|l| l.to_ascii_lowercase().strip_prefix("content-length:").map(|v| v.trim().to_owned()))
        .and_then(|v| v.parse::<usize>().ok());
    let mut body = Vec::new();
    match length {
        Some(n) => {
            body.resize(n, 0);
            reader.read_exact(&mut body).expect("the body");
        }
        None => {
            let _ = reader.read_to_end(&mut body);
        }
    }
    let status = head.split_whitespace().nth(1).and_then(|s| s.parse().ok()).unwrap_or(0);
    (status, head, String::from_utf8_lossy(&body).into_owned())
}

/// A WebDriver session with headless Chromium, through chromedriver.
pub(crate) struct Browser {
    _driver: Running,
    port: u16,
    session: String,
}

impl Browser {
    /// A browser with a 1400 × 1000 px window, or `None` (having said so)
    /// when Chromium or chromedriver is missing.
    pub(crate) fn start(profile: &Path) -> Option<Browser> {
        Browser::start_sized(profile, 1400, 1000)
    }

    /// A browser whose window (headless, so all viewport) is `width` ×
    /// `height` CSS px, at one device pixel a CSS px; `None` as for
    /// [`Browser::start`].
    pub(crate) fn start_sized(profile: &Path, width: u32, height: u32) -> Option<Browser> {
        if !tools::have(&[&tools::CHROMIUM, &tools::CHROMEDRIVER]) {
            return None;
        }
        let (Some(chromium), Some(driver)) = (tools::find(&tools::CHROMIUM), tools::find(&tools::CHROMEDRIVER)) else {
            return None;
        };
        let port = std::net::TcpListener::bind("127.0.0.1:0").and_then(|l| l.local_addr()).expect("a free port").port();
        let driver = Running(
            Command::new(driver)
                .arg(format!("--port={port}"))
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .spawn()
                .expect("chromedriver starts"),
        );
        wait_for(Duration::from_secs(30), "chromedriver", || TcpStream::connect(("127.0.0.1", port)).ok());
        let capabilities = serde_json::json!({"capabilities": {"alwaysMatch": {
            "browserName": "chrome",
            "goog:chromeOptions": {
                "binary": chromium,
                "args": ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                         "--disable-quic", "--no-first-run", "--disable-background-networking",
                         "--disable-component-update", "--disable-sync", "--force-device-scale-factor=1",
                         "--hide-scrollbars", format!("--window-size={width},{height}"),
                         format!("--user-data-dir={}", profile.display())]
            }
        }}});
        let (status, _, body) =
            http(port, "POST", "/session", &format!("127.0.0.1:{port}"), Some(&capabilities.to_string()));
        assert_eq!(status, 200, "{body}");
        let reply: serde_json::Value = serde_json::from_str(&body).expect("JSON");
        let session = reply.pointer("/value/sessionId").and_then(|v| v.as_str()).expect("a session").to_owned();
        let browser = Browser { _driver: driver, port, session };
        // Headless Chromium keeps room for a toolbar it does not draw:
        // grow the window by what the viewport lacks.
        let inner = browser.run("return [window.innerWidth, window.innerHeight];");
        let lacks = |i: usize, want: u32| i64::from(want) - inner[i].as_i64().unwrap_or(i64::from(want));
        let (dw, dh) = (lacks(0, width), lacks(1, height));
        if dw != 0 || dh != 0 {
            let rect = serde_json::json!({ "width": i64::from(width) + dw, "height": i64::from(height) + dh });
            browser.call("/window/rect", &rect);
        }
        Some(browser)
    }

    pub(crate) fn call(&self, path: &str, body: &serde_json::Value) -> serde_json::Value {
        let url = format!("/session/{}{path}", self.session);
        let (status, _, reply) =
            http(self.port, "POST", &url, &format!("127.0.0.1:{}", self.port), Some(&body.to_string()));
        assert_eq!(status, 200, "{path}: {reply}");
        serde_json::from_str::<serde_json::Value>(&reply).expect("JSON")["value"].clone()
    }

    pub(crate) fn open(&self, url: &str) {
        self.call("/url", &serde_json::json!({ "url": url }));
    }

    /// Runs a script in the page and gives its return value.
    pub(crate) fn run(&self, script: &str) -> serde_json::Value {
        self.call("/execute/sync", &serde_json::json!({ "script": script, "args": [] }))
    }

    /// Runs a script that calls its last argument when done, and gives
    /// what it was called with.
    pub(crate) fn run_async(&self, script: &str) -> serde_json::Value {
        self.call("/execute/async", &serde_json::json!({ "script": script, "args": [] }))
    }

    /// Waits until the page's web fonts are loaded and drawn: a screenshot
    /// taken before would show the fallback font.
    pub(crate) fn wait_for_fonts(&self) {
        let status = self.run_async(
            "const done = arguments[arguments.length - 1];\
             document.fonts.ready.then(() => requestAnimationFrame(() => requestAnimationFrame(() => done(document.fonts.status))));",
        );
        assert_eq!(status, serde_json::json!("loaded"), "the fonts load");
    }

    /// The viewport as a PNG file's bytes.
    pub(crate) fn screenshot(&self) -> Vec<u8> {
        use base64::Engine;
        let url = format!("/session/{}/screenshot", self.session);
        let (status, _, reply) = http(self.port, "GET", &url, &format!("127.0.0.1:{}", self.port), None);
        assert_eq!(status, 200, "screenshot: {reply}");
        let value: serde_json::Value = serde_json::from_str(&reply).expect("JSON");
        let data = value["value"].as_str().expect("base64 PNG data");
        base64::engine::general_purpose::STANDARD.decode(data).expect("base64")
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        let url = format!("/session/{}", self.session);
        let _ = http(self.port, "DELETE", &url, &format!("127.0.0.1:{}", self.port), None);
    }
}
