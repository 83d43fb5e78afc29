//! The preview's HTTP/1.1 server, written for this one job on
//! `std::net::TcpListener` instead of a general server crate.
//!
//! Why hand-written: the preview answers three GETs from one browser on
//! 127.0.0.1, and what it needs is limits, not features. tiny_http 0.12
//! gave a thread to every connection with no idle timeout (about 1,450
//! idle sockets made thread creation fail and the accept thread panic for
//! good) and allocated a request's declared body size when it dropped the
//! request (`Content-Length: 99999999999` aborted the process). hyper 1
//! with hyper-util and tokio provides the limits but adds a runtime and
//! minutes of build on a small machine. This file is about 300 lines with
//! no dependency, and every limit is a constant below:
//!
//! - one thread reads every request head: sockets are non-blocking and
//!   polled, so an idle socket costs a buffer, not a thread; at most
//!   [`MAX_PENDING`] are read at once (the oldest gives way to a new one),
//!   and one that has not sent its head within [`HEAD_TIMEOUT`] is closed;
//! - a head is at most [`MAX_HEAD_BYTES`] bytes and [`MAX_HEADERS`] headers;
//! - no request body is ever read: a `Content-Length` above 0 gets 413 and
//!   `Transfer-Encoding` 400, before anything after the head is read;
//! - [`WORKERS`] threads answer complete requests from a queue of
//!   [`QUEUE`]; when it is full the connection gets 503 and is closed;
//! - event streams, which last as long as their page, have their own
//!   threads, at most [`MAX_STREAMS`]; writes time out after
//!   [`WRITE_TIMEOUT`], so a reader that stops reading is dropped;
//! - the accept loop never panics: a failed accept (no file descriptors
//!   left) waits a moment and tries again.
//!
//! Every connection carries one request and is then closed.

use std::collections::VecDeque;
use std::io::{ErrorKind, Read, Write};
use std::net::{Shutdown, TcpListener, TcpStream};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc::{Receiver, SyncSender, TrySendError, sync_channel};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// Threads answering complete requests.
pub(super) const WORKERS: usize = 8;
/// Complete requests waiting for a worker; more get 503.
pub(super) const QUEUE: usize = 64;
/// Connections whose head is still being read; a new one closes the oldest.
pub(super) const MAX_PENDING: usize = 256;
/// The longest request head (request line and headers), in bytes.
pub(super) const MAX_HEAD_BYTES: usize = 8 * 1024;
/// The most header fields in a request.
pub(super) const MAX_HEADERS: usize = 32;
/// How long a connection may take to send its whole head.
pub(super) const HEAD_TIMEOUT: Duration = Duration::from_secs(5);
/// How long one write to a connection may block.
pub(super) const WRITE_TIMEOUT: Duration = Duration::from_secs(10);
/// Event streams open at once; more get 503.
pub(super) const MAX_STREAMS: usize = 16;

/// Sent with every response: nothing is sniffed, framed or cached.
const COMMON: &str = "X-Content-Type-Options: nosniff\r\nCache-Control: no-store\r\nReferrer-Policy: no-referrer\r\nConnection: close\r\n";

/// The policy of responses that are not the page or the poster.
pub(super) const PLAIN_CSP: &str = "default-src 'none'; frame-ancestors 'none'; sandbox";

/// What the server answers to a GET of a path (without its query).
pub(super) enum Reply {
    /// A whole response.
    Body { status: u16, content_type: &'static str, csp: &'static str, body: Arc<[u8]> },
    /// A stream that lasts until the client goes: each call gives the next
    /// bytes to send (it may wait for them).
    Stream { content_type: &'static str, csp: &'static str, next: Box<dyn FnMut() -> Vec<u8> + Send> },
}

impl Reply {
    /// A plain-text response.
    pub(super) fn text(status: u16, body: &str) -> Reply {
        Reply::Body {
            status,
            content_type: "text/plain; charset=utf-8",
            csp: PLAIN_CSP,
            body: Arc::from(body.as_bytes()),
        }
    }
}

/// Answers a path with a reply.
pub(super) type Handler = Arc<dyn Fn(&str) -> Reply + Send + Sync>;

fn reason(status: u16) -> &'static str {
    match status {
        200 => "OK",
        400 => "Bad Request",
        403 => "Forbidden",
        404 => "Not Found",
        405 => "Method Not Allowed",
        408 => "Request Timeout",
        413 => "Content Too Large",
        431 => "Request Header Fields Too Large",
        503 => "Service Unavailable",
        _ => "",
    }
}

fn head(status: u16, content_type: &str, csp: &str, length: Option<usize>) -> String {
    let length = length.map(|n| format!("Content-Length: {n}\r\n")).unwrap_or_default();
    let extra = if status == 405 { "Allow: GET\r\n" } else { "" };
    format!(
        "HTTP/1.1 {status} {}\r\nContent-Type: {content_type}\r\nContent-Security-Policy: {csp}\r\n{COMMON}{extra}{length}\r\n",
        reason(status)
    )
}

/// A short refusal, written without blocking (it fits in the socket's
/// buffer; if not, the client was not reading anyway), then the close.
fn refuse(mut stream: TcpStream, status: u16, message: &str) {
    let mut bytes = head(status, "text/plain; charset=utf-8", PLAIN_CSP, Some(message.len())).into_bytes();
    bytes.extend_from_slice(message.as_bytes());
    let _ = stream.write_all(&bytes);
    let _ = stream.shutdown(Shutdown::Write);
}

/// A connection whose head is being read.
struct Pending {
    stream: TcpStream,
    head: Vec<u8>,
    since: Instant,
}

/// What reading a pending connection came to.
enum Progress {
    /// Nothing new (or something, but not yet the whole head).
    Waiting(bool),
    /// The whole head: the path asked for, or a refusal.
    Done(Result<String, (u16, &'static str)>),
    /// The client went, timed out or sent too much: close it.
    Close(Option<(u16, &'static str)>),
}

impl Pending {
    fn read(&mut self, port: u16) -> Progress {
        let mut chunk = [0u8; 4096];
        let mut progress = false;
        loop {
            match self.stream.read(&mut chunk) {
                Ok(0) => return Progress::Close(None),
                Ok(n) => {
                    progress = true;
                    self.head.extend_from_slice(&chunk[..n]);
                    let end = find(&self.head, b"\r\n\r\n");
                    if end.map_or(self.head.len(), |end| end + 4) > MAX_HEAD_BYTES {
                        return Progress::Close(Some((431, "the request head is longer than 8 KiB\n")));
                    }
                    if let Some(end) = end {
                        return Progress::Done(parse(&self.head[..end], port));
                    }
                }
                Err(e) if e.kind() == ErrorKind::WouldBlock => break,
                Err(e) if e.kind() == ErrorKind::Interrupted => {}
                Err(_) => return Progress::Close(None),
            }
        }
        if self.since.elapsed() > HEAD_TIMEOUT {
            return Progress::Close(Some((408, "the request head took too long\n")));
        }
        Progress::Waiting(progress)
    }
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// Checks a request head (without its final blank line) and gives the
/// path asked for, or the status and message of its refusal.
fn parse(head: &[u8], port: u16) -> Result<String, (u16, &'static str)> {
    const BAD: (u16, &str) = (400, "a malformed request\n");
    let head = std::str::from_utf8(head).map_err(|_| BAD)?;
    let mut lines = head.split("\r\n");
    let request_line = lines.next().unwrap_or_default();
    let mut parts = request_line.split(' ');
    let (Some(method), Some(target), Some(version), None) = (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Err(BAD);
    };
    if !version.starts_with("HTTP/1.") || !target.starts_with('/') || method.is_empty() {
        return Err(BAD);
    }
    let (mut hosts, mut lengths, mut count) = (Vec::new(), Vec::new(), 0);
    for line in lines {
        count += 1;
        if count > MAX_HEADERS {
            return Err((431, "more than 32 header fields\n"));
        }
        let (name, value) = line.split_once(':').ok_or(BAD)?;
        let token = |c: char| c.is_ascii_alphanumeric() || "!#$%&'*+-.^_`|~".contains(c);
        if name.is_empty() || !name.chars().all(token) {
            return Err(BAD);
        }
        let value = value.trim_matches([' ', '\t']);
        if name.eq_ignore_ascii_case("host") {
            hosts.push(value);
        } else if name.eq_ignore_ascii_case("content-length") {
            lengths.push(value);
        } else if name.eq_ignore_ascii_case("transfer-encoding") {
            return Err((400, "journeymap serve accepts no request body\n"));
        }
    }
    // RFC 9112 §3.2: exactly one Host.
    let [host] = hosts[..] else { return Err((400, "a request needs exactly one Host header\n")) };
    let mut body = false;
    for length in &lengths {
        if length.is_empty() || !length.bytes().all(|b| b.is_ascii_digit()) {
            return Err(BAD);
        }
        body |= length.bytes().any(|b| b != b'0');
    }
    if lengths.windows(2).any(|w| w[0] != w[1]) {
        return Err(BAD);
    }
    // A page elsewhere cannot read the poster through a DNS name that
    // resolves to 127.0.0.1.
    if ![format!("127.0.0.1:{port}"), format!("localhost:{port}"), format!("[::1]:{port}")].iter().any(|h| h == host) {
        return Err((403, "journeymap serve answers only requests for 127.0.0.1 or localhost\n"));
    }
    if method != "GET" {
        return Err((405, "only GET\n"));
    }
    if body {
        return Err((413, "journeymap serve accepts no request body\n"));
    }
    Ok(target.split(['?', '#']).next().unwrap_or_default().to_owned())
}

/// Serves `listener` (bound on 127.0.0.1 and listening on `port`) with
/// `handler` until the process ends.
///
/// # Errors
/// Only when the listener cannot be made non-blocking, before anything is
/// served.
pub(super) fn run(listener: TcpListener, port: u16, handler: Handler) -> std::io::Result<std::convert::Infallible> {
    listener.set_nonblocking(true)?;
    let (queue, requests) = sync_channel::<(TcpStream, String)>(QUEUE);
    let requests = Arc::new(Mutex::new(requests));
    let streams = Arc::new(AtomicUsize::new(0));
    for n in 0..WORKERS {
        let (requests, handler, streams) = (requests.clone(), handler.clone(), streams.clone());
        // A worker that cannot start leaves the others; with none, the
        // queue fills and every request gets 503 rather than a hang.
        let _ =
            std::thread::Builder::new().name(format!("serve-{n}")).spawn(move || work(&requests, &handler, &streams));
    }
    let mut pending: VecDeque<Pending> = VecDeque::new();
    loop {
        let mut progress = accept(&listener, &mut pending);
        let mut i = 0;
        while i < pending.len() {
            match pending[i].read(port) {
                Progress::Waiting(read) => {
                    progress |= read;
                    i += 1;
                    continue;
                }
                Progress::Done(result) => {
                    progress = true;
                    let Some(done) = pending.remove(i) else { continue };
                    match result {
                        Ok(path) => hand_over(&queue, done.stream, path),
                        Err((status, message)) => refuse(done.stream, status, message),
                    }
                }
                Progress::Close(refusal) => {
                    progress = true;
                    let Some(done) = pending.remove(i) else { continue };
                    if let Some((status, message)) = refusal {
                        refuse(done.stream, status, message);
                    }
                }
            }
        }
        if !progress {
            std::thread::sleep(Duration::from_millis(if pending.is_empty() { 10 } else { 4 }));
        }
    }
}

/// Accepts every connection waiting; says whether there was one.
fn accept(listener: &TcpListener, pending: &mut VecDeque<Pending>) -> bool {
    let mut any = false;
    loop {
        match listener.accept() {
            Ok((stream, _)) => {
                any = true;
                if stream.set_nonblocking(true).is_err() {
                    continue;
                }
                if pending.len() >= MAX_PENDING
                    && let Some(oldest) = pending.pop_front()
                {
                    refuse(oldest.stream, 503, "too many connections\n");
                }
                pending.push_back(Pending { stream, head: Vec::new(), since: Instant::now() });
            }
            Err(e) if e.kind() == ErrorKind::WouldBlock => return any,
            Err(e) if e.kind() == ErrorKind::Interrupted => {}
            Err(_) => {
                // Out of file descriptors, most likely: the pending ones
                // time out and free some.
                std::thread::sleep(Duration::from_millis(20));
                return any;
            }
        }
    }
}

fn hand_over(queue: &SyncSender<(TcpStream, String)>, stream: TcpStream, path: String) {
    match queue.try_send((stream, path)) {
        Ok(()) => {}
        Err(TrySendError::Full((stream, _)) | TrySendError::Disconnected((stream, _))) => {
            refuse(stream, 503, "busy: try again\n");
        }
    }
}

fn work(requests: &Mutex<Receiver<(TcpStream, String)>>, handler: &Handler, streams: &Arc<AtomicUsize>) {
    loop {
        let next = requests.lock().unwrap_or_else(std::sync::PoisonError::into_inner).recv();
        let Ok((stream, path)) = next else { return };
        if stream.set_nonblocking(false).is_err() || stream.set_write_timeout(Some(WRITE_TIMEOUT)).is_err() {
            continue;
        }
        match handler(&path) {
            Reply::Body { status, content_type, csp, body } => {
                let mut stream = stream;
                let head = head(status, content_type, csp, Some(body.len()));
                let _ = stream.write_all(head.as_bytes()).and_then(|()| stream.write_all(&body));
                let _ = stream.shutdown(Shutdown::Write);
            }
            Reply::Stream { content_type, csp, next } => {
                stream_to(stream, streams, head(200, content_type, csp, None), next)
            }
        }
    }
}

/// Holds one of the [`MAX_STREAMS`] places while a stream runs.
struct Place(Arc<AtomicUsize>);

impl Drop for Place {
    fn drop(&mut self) {
        self.0.fetch_sub(1, Ordering::SeqCst);
    }
}

fn stream_to(
    stream: TcpStream,
    streams: &Arc<AtomicUsize>,
    head: String,
    mut next: Box<dyn FnMut() -> Vec<u8> + Send>,
) {
    if streams.fetch_add(1, Ordering::SeqCst) >= MAX_STREAMS {
        streams.fetch_sub(1, Ordering::SeqCst);
        refuse(stream, 503, "too many event streams\n");
        return;
    }
    let place = Place(streams.clone());
    // A thread that cannot start drops the connection (and its place).
    let _ = std::thread::Builder::new().name("serve-events".to_owned()).spawn(move || {
        let _place = place;
        let mut stream = stream;
        let mut bytes = head.into_bytes();
        // A closed page ends the loop: the next write fails.
        while stream.write_all(&bytes).and_then(|()| stream.flush()).is_ok() {
            bytes = next();
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn head_of(lines: &[&str]) -> Vec<u8> {
        lines.join("\r\n").into_bytes()
    }

    #[test]
    fn refuses_bodies_duplicate_hosts_and_strangers() {
        let ok = head_of(&["GET /poster.svg?v=2 HTTP/1.1", "Host: 127.0.0.1:80"]);
        assert_eq!(parse(&ok, 80), Ok("/poster.svg".to_owned()));
        let status = |lines: &[&str]| parse(&head_of(lines), 80).map_err(|e| e.0);
        assert_eq!(status(&["GET / HTTP/1.1", "Host: 127.0.0.1:80", "Host: 127.0.0.1:80"]), Err(400));
        assert_eq!(status(&["GET / HTTP/1.1"]), Err(400));
        assert_eq!(status(&["GET / HTTP/1.1", "Host: 127.0.0.1:80", "Content-Length: 99999999999"]), Err(413));
        assert_eq!(status(&["GET / HTTP/1.1", "Host: 127.0.0.1:80", "Content-Length: 0"]), Ok("/".to_owned()));
        assert_eq!(status(&["GET / HTTP/1.1", "Host: 127.0.0.1:80", "Content-Length: -1"]), Err(400));
        assert_eq!(status(&["GET / HTTP/1.1", "Host: 127.0.0.1:80", "Transfer-Encoding: chunked"]), Err(400));
        assert_eq!(status(&["GET / HTTP/1.1", "Host : 127.0.0.1:80"]), Err(400));
        assert_eq!(status(&["GET / HTTP/1.1", "Host: example.com:80"]), Err(403));
        assert_eq!(status(&["POST / HTTP/1.1", "Host: 127.0.0.1:80", "Content-Length: 2"]), Err(405));
        let many: Vec<String> = (0..40).map(|i| format!("X-{i}: y")).collect();
        let mut lines = vec!["GET / HTTP/1.1".to_owned(), "Host: 127.0.0.1:80".to_owned()];
        lines.extend(many);
        let lines: Vec<&str> = lines.iter().map(String::as_str).collect();
        assert_eq!(status(&lines), Err(431));
    }
}
