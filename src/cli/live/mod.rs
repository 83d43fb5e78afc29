//! `journeymap watch` and `journeymap serve`: re-render on save, with one
//! warm renderer (fonts loaded and text shaped once) for the whole session.

use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::sync::{Arc, Condvar, Mutex};
use std::time::{Duration, Instant};

use journeymap::diag::Severity;
use journeymap::parse::Parsed;
use journeymap::render::{Job, Output, OutputFormat, RenderError, Renderer, Request, Target};

mod page;
mod server;

use server::Reply;

use super::render::{self as render_cmd, Args as RenderArgs};
use super::terminal::say;
use super::{Failure, Outcome, Status, load, report};

/// Edits arriving this close together are one save (editors write a file
/// in several steps: truncate, write, rename).
const DEBOUNCE: Duration = Duration::from_millis(80);

/// Watches the map's folder (an editor that saves by renaming replaces the
/// file, so the file itself cannot be watched) and sends a message for
/// each save of the map, debounced.
fn saves(map: &Path) -> Result<(notify::RecommendedWatcher, mpsc::Receiver<()>), Failure> {
    use notify::Watcher;
    let canonical =
        std::fs::canonicalize(map).map_err(|e| Failure::io(format!("cannot read {}", map.display()), &e))?;
    let dir = canonical.parent().map(Path::to_path_buf).unwrap_or_else(|| PathBuf::from("."));
    let name = canonical.file_name().map(|n| n.to_owned());
    let (events_tx, events) = mpsc::channel::<notify::Result<notify::Event>>();
    let mut watcher = notify::recommended_watcher(events_tx)
        .map_err(|e| Failure::io("cannot watch for changes", &std::io::Error::other(e.to_string())))?;
    watcher
        .watch(&dir, notify::RecursiveMode::NonRecursive)
        .map_err(|e| Failure::io(format!("cannot watch {}", dir.display()), &std::io::Error::other(e.to_string())))?;
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let touches = |event: &notify::Event| {
            !event.kind.is_access() && event.paths.iter().any(|p| p.file_name() == name.as_deref())
        };
        while let Ok(event) = events.recv() {
            if !event.as_ref().is_ok_and(touches) {
                continue;
            }
            // Wait for the map to be quiet: only its own events count, as
            // a reader polling another file in the folder (or our own
            // outputs) makes events all the time.
            let started = Instant::now();
            let mut quiet_since = Instant::now();
            while quiet_since.elapsed() < DEBOUNCE && started.elapsed() < DEBOUNCE * 6 {
                if let Ok(Ok(event)) = events.recv_timeout(DEBOUNCE.saturating_sub(quiet_since.elapsed()))
                    && touches(&event)
                {
                    quiet_since = Instant::now();
                }
            }
            if tx.send(()).is_err() {
                return;
            }
        }
    });
    Ok((watcher, rx))
}

/// Refuses a map that is not a regular file: a FIFO or device would block
/// the next render until something writes to it, and has no saves.
fn regular(map: &Path) -> Result<(), Failure> {
    let metadata = std::fs::metadata(map).map_err(|e| Failure::io(format!("cannot read {}", map.display()), &e))?;
    if metadata.is_file() {
        return Ok(());
    }
    Err(Failure::io(
        format!("{} is not a regular file", map.display()),
        &std::io::Error::other("watch and serve follow the saves of a map file (use check or render for a pipe)"),
    ))
}

/// `journeymap watch MAP -o OUT…`: renders now and after every save.
pub(crate) fn watch(args: &RenderArgs) -> Outcome {
    if args.map == Path::new("-") {
        return Err(Failure::usage("watch needs a map file, not standard input"));
    }
    regular(&args.map)?;
    let prepared = render_cmd::prepare(args)?;
    let (_watcher, saves) = saves(&args.map)?;
    say!("watching {} (Ctrl-C to stop)", args.map.display());
    loop {
        let started = Instant::now();
        match regular(&args.map).and_then(|()| render_cmd::render(args, &prepared)) {
            Ok(_) => say!("rendered in {} ms; waiting for the next save", started.elapsed().as_millis()),
            Err(failure) => say!("error: {}\nwaiting for the next save", failure.message),
        }
        if saves.recv().is_err() {
            return Ok(Status::Ok);
        }
    }
}

/// `journeymap serve` options.
#[derive(Debug, clap::Args)]
pub(crate) struct ServeArgs {
    /// The map file.
    map: PathBuf,
    /// The port on 127.0.0.1 (0 picks a free one).
    #[arg(long, default_value_t = 8080)]
    port: u16,
    /// A built-in theme name or a theme file (overrides the map's `theme`).
    #[arg(long, value_name = "NAME|PATH")]
    theme: Option<String>,
    /// The page size (overrides the map's [poster] size).
    #[arg(long, value_name = "SIZE", value_parser = render_cmd::parse_size)]
    size: Option<journeymap::model::Size>,
    /// A font file for characters Inter cannot draw (repeatable).
    #[arg(long = "font", value_name = "FILE")]
    fonts: Vec<PathBuf>,
}

/// What the page shows: the poster's SVG, or why there is none.
#[derive(Default)]
struct Live {
    /// Counts renders; the page asks for the poster of a version.
    version: u64,
    svg: Option<Arc<[u8]>>,
    problem: Option<String>,
}

type Shared = Arc<(Mutex<Live>, Condvar)>;

/// Why the page shows no poster: the map's errors (with the checked map,
/// for the terminal's excerpts), or another failure.
struct Problem {
    map: Option<Box<Parsed>>,
    message: String,
}

impl Problem {
    fn of(error: RenderError) -> Problem {
        match error {
            RenderError::Map(map) => Problem { message: report::summary(&map), map: Some(map) },
            other => Problem { map: None, message: other.to_string() },
        }
    }

    /// The text the page shows: each error on a line, with its hint.
    fn page_text(&self) -> String {
        let Some(map) = &self.map else { return self.message.clone() };
        let errors: Vec<String> = map
            .diagnostics
            .iter()
            .filter(|d| d.severity() == Severity::Error)
            .map(|d| {
                let hint =
                    d.hint().map(|h| format!("\n  hint: {}", journeymap::terminal::visible(h))).unwrap_or_default();
                format!("{}{hint}", report::one_line(&map.files, d))
            })
            .collect();
        if errors.is_empty() { self.message.clone() } else { errors.join("\n") }
    }

    /// Tells the terminal too: the page is not the only place to look.
    fn print(&self) {
        if let Some(map) = &self.map {
            report::human(&map.files, &map.diagnostics);
        }
        say!("error: {}\nthe page shows the same; waiting for the next save", self.message);
    }
}

/// Renders the map's job with the warm renderer and publishes the SVG, or
/// the problem, to the page.
fn publish(map: &Path, renderer: &Renderer, job: &Job, shared: &Shared) -> Result<Duration, Problem> {
    let started = Instant::now();
    let result = regular(map)
        .and_then(|()| load(map))
        .map_err(|f| Problem { map: None, message: f.message })
        .and_then(|parsed| renderer.render(&Request::new(parsed, job.clone())).map_err(Problem::of))
        .and_then(|rendered| {
            let svg = rendered.memory().map(<[u8]>::to_vec);
            svg.ok_or_else(|| Problem { map: None, message: "no SVG was made".to_owned() })
        });
    let (lock, changed) = &**shared;
    let mut live = lock.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
    live.version += 1;
    let outcome = match result {
        Ok(svg) => {
            live.svg = Some(Arc::from(svg));
            live.problem = None;
            Ok(started.elapsed())
        }
        Err(problem) => {
            live.svg = None;
            live.problem = Some(journeymap::terminal::visible(&problem.page_text()).into_owned());
            Err(problem)
        }
    };
    changed.notify_all();
    outcome
}

/// Says how a render went, in the terminal.
fn tell(outcome: &Result<Duration, Problem>) {
    match outcome {
        Ok(took) => say!("re-rendered in {} ms", took.as_millis()),
        Err(problem) => problem.print(),
    }
}

/// `journeymap serve MAP`: a page on 127.0.0.1 that shows the poster and
/// follows every save.
pub(crate) fn serve(args: &ServeArgs) -> Outcome {
    if args.map == Path::new("-") {
        return Err(Failure::usage("serve needs a map file, not standard input"));
    }
    regular(&args.map)?;
    let renderer = Renderer::new(render_cmd::load_fonts(&args.fonts)?);
    let job = Job {
        theme: args.theme.as_deref().map(render_cmd::load_theme).transpose()?,
        size: args.size,
        outputs: vec![Output::new(Target::Memory, OutputFormat::svg())],
        ..Job::default()
    };
    let listener = std::net::TcpListener::bind(("127.0.0.1", args.port))
        .and_then(|l| l.local_addr().map(|a| (l, a.port())))
        .map_err(|e| {
            Failure::io(format!("cannot listen on 127.0.0.1:{} (--port 0 picks a free port)", args.port), &e)
        })?;
    let (listener, port) = listener;
    let shared: Shared = Arc::default();
    let first = publish(&args.map, &renderer, &job, &shared);
    let (_watcher, saves) = saves(&args.map)?;
    {
        let (shared, map) = (shared.clone(), args.map.clone());
        std::thread::spawn(move || {
            while saves.recv().is_ok() {
                tell(&publish(&map, &renderer, &job, &shared));
            }
        });
    }
    let rendered = match &first {
        Ok(took) => format!("rendered in {} ms", took.as_millis()),
        Err(_) => "the map has errors".to_owned(),
    };
    say!("serving {} at http://127.0.0.1:{port}/ ({rendered}; Ctrl-C to stop)", args.map.display());
    if let Err(problem) = &first {
        problem.print();
    }
    let title = args.map.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let page: Arc<[u8]> = Arc::from(page::PAGE.replace("{title}", &page::escape_html(&title)).into_bytes());
    let handler: server::Handler = Arc::new(move |path: &str| respond(path, &page, &shared));
    match server::run(listener, port, handler) {
        Err(e) => Err(Failure::io("cannot serve", &e)),
    }
}

/// The answer to a GET of `path` (the server has checked the rest).
fn respond(path: &str, page: &Arc<[u8]>, shared: &Shared) -> Reply {
    let body = |content_type, csp, body: Arc<[u8]>| Reply::Body { status: 200, content_type, csp, body };
    match path {
        "/" => body("text/html; charset=utf-8", page::PAGE_CSP, page.clone()),
        "/preview.js" => body("text/javascript; charset=utf-8", server::PLAIN_CSP, Arc::from(page::SCRIPT.as_bytes())),
        "/poster.svg" => {
            let svg = shared.0.lock().unwrap_or_else(std::sync::PoisonError::into_inner).svg.clone();
            match svg {
                Some(svg) => body("image/svg+xml", page::POSTER_CSP, svg),
                None => Reply::text(503, "the map has errors: see the page\n"),
            }
        }
        "/events" => {
            let mut events = Events { shared: shared.clone(), sent: 0 };
            Reply::Stream {
                content_type: "text/event-stream",
                csp: server::PLAIN_CSP,
                next: Box::new(move || events.next()),
            }
        }
        _ => Reply::text(404, "journeymap serve has only / (the page), /preview.js, /poster.svg and /events\n"),
    }
}

/// The server-sent events of one page: `poster` with the version when a
/// render succeeds, `problem` with the errors when it does not, and a
/// comment now and then so a closed page is noticed.
struct Events {
    shared: Shared,
    sent: u64,
}

impl Events {
    /// Waits for the next render (at most 15 s) and gives its event.
    fn next(&mut self) -> Vec<u8> {
        let (lock, changed) = &*self.shared;
        let live = lock.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        let (live, _) = changed
            .wait_timeout_while(live, Duration::from_secs(15), |l| l.version == self.sent)
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        if live.version == self.sent {
            return b": still here\n\n".to_vec();
        }
        self.sent = live.version;
        match &live.problem {
            Some(problem) => {
                let data = serde_json::to_string(problem).unwrap_or_default();
                format!("event: problem\ndata: {data}\n\n").into_bytes()
            }
            None => format!("event: poster\ndata: {}\n\n", live.version).into_bytes(),
        }
    }
}
