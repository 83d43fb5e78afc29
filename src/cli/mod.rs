//! Argument parsing and messages. Every behaviour is a library call; this
//! module only reads arguments, calls, prints and picks the exit status.

mod canvas;
mod diff;
mod interchange;
mod live;
mod output;
mod render;
mod report;
mod terminal;

use std::io::{IsTerminal, Read};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
use journeymap::diag::Severity;
use journeymap::parse::{self, Parsed};
use journeymap::priorities;
use journeymap::render::Renderer;
use journeymap::starter;
use terminal::say;

pub(crate) use output::{refuse_the_input, same_file, write_output, write_stdout, write_stdout_as};

/// Exit statuses (SPEC §6).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Status {
    /// Success.
    Ok = 0,
    /// The map or theme has errors (or warnings, with `--strict`),
    /// including a map that cannot fit the page asked for.
    MapErrors = 1,
    /// Bad arguments, including a PNG over the pixel limit and options
    /// that cannot go together.
    Usage = 2,
    /// A file could not be read or written (or is not a file, or not a
    /// font).
    Io = 3,
}

impl From<Status> for ExitCode {
    fn from(s: Status) -> ExitCode {
        ExitCode::from(s as u8)
    }
}

/// A failure that ends the command: its message and exit status.
pub(crate) struct Failure {
    pub(crate) status: Status,
    pub(crate) message: String,
}

impl Failure {
    pub(crate) fn io(what: impl std::fmt::Display, e: &std::io::Error) -> Failure {
        Failure { status: Status::Io, message: format!("{what}: {e}") }
    }

    pub(crate) fn usage(message: impl Into<String>) -> Failure {
        Failure { status: Status::Usage, message: message.into() }
    }
}

pub(crate) type Outcome = Result<Status, Failure>;

const AFTER_HELP: &str = "\
Examples:
  journeymap new -o map.toml                 write a commented starter map
  journeymap check map.toml                  list errors and warnings
  journeymap priorities map.toml             what to fix, improve, protect first
  journeymap render map.toml -o map.png      render the poster (.svg, .png or .pdf)
  journeymap canvas --stages 7 -o wall.pdf   a workshop canvas to fill in with sticky notes
  journeymap themes                          the built-in themes, with a swatch each
  journeymap import day.mmd -o day.toml      a Mermaid journey as a map
  journeymap diff HEAD~1:map.toml map.toml   what changed since the last commit

Exit status: 0 success, 1 the map or theme has errors (a map that cannot fit the page included),
2 usage error (a PNG over the pixel limit included), 3 input/output failure; `diff` as diff(1).
MAP may be - to read standard input.";

/// Turn a customer journey map written in TOML into a poster and a
/// prioritised action list.
#[derive(Debug, Parser)]
#[command(name = "journeymap", version, about, after_help = AFTER_HELP, propagate_version = true)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Render the poster to SVG, PNG and/or PDF.
    ///
    /// The extension of each OUT picks its format (.svg, .png, .pdf); several -o
    /// lay the poster out once. Files are written atomically: a failed
    /// render leaves no file and keeps an existing one.
    #[command(after_help = render::AFTER_HELP)]
    Render(render::Args),
    /// Print the workshop canvas: the blank spine a team fills in with
    /// sticky notes, or a map's touchpoints as cut-out cards (--cards).
    ///
    /// Boxes for title, persona, team, date and sources; the key of the
    /// marks drawn large; a header per stage; each question row with its
    /// prompt and room to write; touchpoint slots the size of a 76 mm
    /// sticky note at print size; a feeling scale 1–5 per stage to dot
    /// on. What MAP already holds is printed, the rest left empty.
    #[command(after_help = canvas::AFTER_HELP)]
    Canvas(canvas::Args),
    /// Check a map: every error and warning, located, with a hint each.
    ///
    /// Errors (unknown keys, bad values, duplicates…) stop rendering.
    /// Warnings are the workshop's open ends: stages without touchpoints,
    /// unmarked touchpoints, unanswered questions, pain points with no
    /// action, no moment of truth.
    #[command(after_help = "Exit status: 0 no errors (and no warnings with --strict), 1 otherwise, 3 unreadable file.")]
    Check {
        /// The map file, or - for standard input.
        map: PathBuf,
        /// Fail (exit 1) on warnings too, e.g. before publishing a poster in CI.
        #[arg(long)]
        strict: bool,
        /// `human`: excerpts with carets on stderr; `json`: an array of
        /// {file, line, column, end_line, end_column, severity, code, key,
        /// message, hint} objects on stdout, for editors and CI annotations.
        #[arg(long, value_enum, default_value_t = CheckFormat::Human)]
        format: CheckFormat,
        /// A font file for characters Inter cannot draw, as for `render`
        /// (repeatable): characters no font covers are reported.
        #[arg(long = "font", value_name = "FILE")]
        fonts: Vec<PathBuf>,
    },
    /// List every touchpoint in priority order: fix, improve, protect,
    /// monetise, maintain, unassessed.
    ///
    /// Within a class: moments of truth first, then the lowest score, then
    /// spine order. The classes come from the marks: fix = essential + pain;
    /// improve = pain; protect = essential + strength; monetise = would-pay;
    /// maintain = essential or strength; unassessed = no marks.
    Priorities {
        /// The map file, or - for standard input.
        map: PathBuf,
        /// Output format.
        #[arg(long, value_enum, default_value_t = PrioritiesFormat::Table)]
        format: PrioritiesFormat,
        /// With --format csv: leave cells that start with = + - @, a tab or a
        /// carriage return as they are. By default such a cell gets a
        /// leading ' so a spreadsheet shows it as text instead of running it
        /// as a formula.
        #[arg(long)]
        no_formula_guard: bool,
    },
    /// Import a Mermaid `journey` diagram or a workshop sheet (CSV) as a
    /// journey map (TOML).
    ///
    /// Mermaid: `title` becomes the title, `accTitle` the subtitle,
    /// `accDescr` the description, each `section` a stage and each task a
    /// touchpoint with its score and actors. Comments, front matter and
    /// `%%{init}%%` directives are understood or skipped with a warning;
    /// what Mermaid refuses is an error at its line. A score outside 1–5, a
    /// repeated section name and the like are kept and reported.
    ///
    /// CSV: the columns `journeymap export csv` writes (stage, doing, …,
    /// touchpoint, channel, owner, actors, marks, moment_of_truth, score,
    /// note, action, map.title…), in any order; a stage's rows may be
    /// anywhere in the sheet.
    ///
    /// `render` and `check` also read a `.mmd` or `.csv` file directly.
    #[command(
        after_help = "Examples:\n  journeymap import day.mmd -o day.toml\n  journeymap import workshop.csv -o map.toml\n  journeymap render day.mmd -o day.png      render a diagram directly"
    )]
    Import {
        /// The diagram (.mmd) or sheet (.csv), or - for standard input (a diagram).
        file: PathBuf,
        /// Write the map here instead of to standard output.
        #[arg(short, long, value_name = "MAP")]
        output: Option<PathBuf>,
        /// Overwrite an existing output file.
        #[arg(long)]
        force: bool,
    },
    /// Export a map to another format, on standard output or to -o.
    ///
    /// `mermaid` writes a Mermaid `journey` diagram: the title, the
    /// subtitle as accTitle, the description as accDescr, each stage a
    /// section and each touchpoint a task with its score and actors. Marks,
    /// moments of truth, channels, owners, notes, actions, the questions,
    /// lanes and poster settings have no place in Mermaid and are lost; a
    /// touchpoint without a score gets 3, with a comment saying so.
    ///
    /// `csv` writes a workshop sheet, one row per touchpoint with its
    /// stage's fields and the map's fields on the first row; `import` reads
    /// it back with nothing lost but `[poster]` settings, `[labels]` and
    /// comments.
    #[command(
        after_help = "Examples:\n  journeymap export mermaid map.toml > map.mmd\n  journeymap export csv map.toml -o workshop.csv"
    )]
    Export {
        /// The format to write.
        #[arg(value_enum)]
        format: interchange::ExportFormat,
        /// The map file, or - for standard input.
        map: PathBuf,
        /// Write here instead of to standard output.
        #[arg(short, long, value_name = "OUT")]
        output: Option<PathBuf>,
        /// Overwrite an existing output file.
        #[arg(long)]
        force: bool,
        /// With csv: leave cells that start with = + - @, a tab or a carriage
        /// return as they are. By default such a cell gets a leading ' so a
        /// spreadsheet shows it as text instead of running it as a formula;
        /// import takes it off.
        #[arg(long)]
        no_formula_guard: bool,
    },
    /// Compare two versions of a map (or an as-is map with a to-be map):
    /// what changed, as text, Markdown or JSON, and as the new poster with
    /// every change marked.
    ///
    /// Stages match by name, touchpoints by stage and name; a close name
    /// at the same place is a rename, the same name in another stage a
    /// move. Diagnostics of either map are reported as `check` reports
    /// them.
    #[command(after_help = diff::AFTER_HELP)]
    Diff(diff::Args),
    /// Render again on every save of the map (Ctrl-C to stop).
    ///
    /// Takes `render`'s options. One renderer stays warm for the whole
    /// session, so a re-render measures only the text that changed; the
    /// map's diagnostics are printed after each save.
    #[command(after_help = "Examples:\n  journeymap watch map.toml -o map.svg -o map.png")]
    Watch(render::Args),
    /// Serve a live preview on 127.0.0.1: a page that shows the poster and
    /// follows every save of the map.
    ///
    /// Open the address it prints in a browser. When the map has errors,
    /// the page shows them instead of a stale poster. Only this machine
    /// can connect: the server listens on 127.0.0.1, answers only requests
    /// addressed to 127.0.0.1 or localhost, and serves nothing but the
    /// page, the poster and its update stream.
    #[command(
        after_help = "Examples:\n  journeymap serve map.toml               then open http://127.0.0.1:8080/\n  journeymap serve map.toml --port 0      any free port"
    )]
    Serve(live::ServeArgs),
    /// Print a shell completion script.
    ///
    /// Bash: `journeymap completions bash > ~/.local/share/bash-completion/completions/journeymap`;
    /// zsh: into a directory on `$fpath` as `_journeymap`; fish:
    /// `~/.config/fish/completions/journeymap.fish`.
    Completions {
        /// The shell.
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff), e.g. `journeymap man > journeymap.1`.
    ///
    /// `--dir DIR` writes a page for every command instead
    /// (journeymap.1, journeymap-render.1, …), for `man -M` or packaging.
    Man {
        /// Write every page into this directory.
        #[arg(long, value_name = "DIR")]
        dir: Option<PathBuf>,
    },
    /// Print the JSON Schema of the map format, for editors.
    ///
    /// Editors with TOML schema support (taplo, Even Better TOML for VS
    /// Code) complete keys and check values against it when the map's
    /// first line is `#:schema journeymap.schema.json` (as `new` writes
    /// it, with the schema beside the map).
    #[command(after_help = "Examples:\n  journeymap schema -o journeymap.schema.json")]
    Schema {
        /// Write here instead of to standard output.
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
        /// Overwrite an existing file (an older schema, say).
        #[arg(long)]
        force: bool,
    },
    /// List the built-in themes, each with a swatch of its colours.
    ///
    /// On a terminal the swatch is drawn in the colours themselves; piped,
    /// it is the colours' hex codes. A map picks a theme with
    /// `theme = "dark"`, or a theme file with `theme = "brand.toml"`.
    #[command(
        after_help = "Examples:\n  journeymap themes\n  journeymap themes --toml classic > brand.toml   start a theme of your own"
    )]
    Themes {
        /// Print this built-in theme as a theme file instead.
        #[arg(long, value_name = "NAME")]
        toml: Option<String>,
    },
    /// Write a commented starter map that teaches every field.
    New {
        /// The stages of the spine, comma-separated.
        #[arg(long, value_name = "NAMES", default_value = "Awareness,Consideration,Purchase,Use,Support,Return")]
        stages: String,
        /// Where to write it (default: standard output). An existing file is
        /// never overwritten unless --force is given.
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
        /// Overwrite FILE if it exists.
        #[arg(long)]
        force: bool,
    },
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum CheckFormat {
    Human,
    Json,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum PrioritiesFormat {
    Table,
    Markdown,
    Csv,
    Json,
}

/// Parses the arguments, runs the command and returns the exit status.
pub(crate) fn run() -> ExitCode {
    // Ctrl-C or SIGTERM while files are being written: remove the
    // temporary files, then stop as an interrupted program does.
    // Once the command has finished (every output in place), a signal
    // changes nothing: the run ends with the command's own status.
    let _ = ctrlc::set_handler(|| {
        let interrupted_a_write = journeymap::output::remove_staged();
        let finished = FINISHED.load(std::sync::atomic::Ordering::SeqCst);
        std::process::exit(status_on_interrupt(finished, interrupted_a_write));
    });
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            // Help and version go to stdout with status 0; usage errors to stderr with 2.
            print_clap(&e);
            return if e.use_stderr() { Status::Usage.into() } else { Status::Ok.into() };
        }
    };
    let outcome = match cli.command {
        Command::Render(args) => render::run(&args),
        Command::Canvas(args) => canvas::run(&args),
        Command::Check { map, strict, format, fonts } => check(&map, strict, format, &fonts),
        Command::Priorities { map, format, no_formula_guard } => priorities(&map, format, no_formula_guard),
        Command::New { stages, output, force } => new(&stages, output.as_deref(), force),
        Command::Themes { toml } => themes(toml.as_deref()),
        Command::Schema { output, force } => schema(output.as_deref(), force),
        Command::Diff(args) => diff::run(&args),
        Command::Watch(args) => live::watch(&args),
        Command::Serve(args) => live::serve(&args),
        Command::Completions { shell } => {
            let mut out = Vec::new();
            clap_complete::generate(shell, &mut <Cli as clap::CommandFactory>::command(), "journeymap", &mut out);
            write_stdout(&out).map(|()| Status::Ok)
        }
        Command::Man { dir } => man(dir.as_deref()),
        Command::Import { file, output, force } => interchange::import(&file, output.as_deref(), force),
        Command::Export { format, map, output, force, no_formula_guard } => {
            interchange::export(format, &map, output.as_ref(), force, no_formula_guard)
        }
    };
    let status = match &outcome {
        Ok(status) => *status,
        Err(failure) => failure.status,
    };
    FINISHED.store(status as i32, std::sync::atomic::Ordering::SeqCst);
    match outcome {
        Ok(status) => status.into(),
        Err(failure) => {
            say!("error: {}", failure.message);
            failure.status.into()
        }
    }
}

/// Prints a clap error or help. Help and version go to stdout as clap
/// draws them; a usage error echoes the argument it refuses (`--size`
/// with an ESC in it), so it is printed plain and made safe.
fn print_clap(e: &clap::Error) {
    if e.use_stderr() {
        let text = e.render().to_string();
        terminal::say_line(text.trim_end_matches('\n'));
    } else {
        let _ = e.print();
    }
}

/// Says that every output of the command is in place: from now on an
/// interrupt ends the run with status 0, as it has nothing left to undo.
pub(crate) fn outputs_in_place() {
    let _ = FINISHED.compare_exchange(-1, 0, std::sync::atomic::Ordering::SeqCst, std::sync::atomic::Ordering::SeqCst);
}

/// The status a run ends with when interrupted: 130, as an interrupted
/// program does, while it still had work to do or undo; the command's own
/// status (0 once every output is in place) when it had none.
fn status_on_interrupt(finished: i32, interrupted_a_write: bool) -> i32 {
    if finished >= 0 && !interrupted_a_write { finished } else { 130 }
}

/// The exit status of the finished command, or -1 while it runs (see the
/// signal handler in [`run`]).
static FINISHED: std::sync::atomic::AtomicI32 = std::sync::atomic::AtomicI32::new(-1);

/// Reads and parses MAP (`-` is standard input).
pub(crate) fn load(map: &Path) -> Result<Parsed, Failure> {
    if map == Path::new("-") {
        let mut bytes = Vec::new();
        std::io::stdin()
            .lock()
            .take(parse::MAX_SOURCE_BYTES as u64 + 1)
            .read_to_end(&mut bytes)
            .map_err(|e| Failure::io("cannot read standard input", &e))?;
        return Ok(parse::parse_bytes("<stdin>", &bytes, &parse::Options::default()));
    }
    parse::parse_file(map).map_err(|e| Failure::io(format!("cannot read {}", map.display()), &e))
}

fn check(map: &Path, strict: bool, format: CheckFormat, font_files: &[PathBuf]) -> Outcome {
    let mut parsed = load(map)?;
    // The theme, and characters no font can draw (a coverage pass over the
    // map's text: nothing is laid out).
    let renderer = Renderer::new(render::load_fonts(font_files)?);
    let theme = renderer.check(&mut parsed);
    // --strict holds the theme to the contrast `render` measures, on the
    // laid-out poster; a plain check stays a parse and a coverage pass.
    if let Some(theme) = theme.filter(|_| strict) {
        renderer.check_contrast(&mut parsed, &theme);
    }
    match format {
        CheckFormat::Human => {
            report::human(&parsed.files, &parsed.diagnostics);
            say!("{}", report::summary(&parsed));
        }
        CheckFormat::Json => report::json(&parsed).map_err(|e| Failure::io("cannot write to standard output", &e))?,
    }
    let failed = parsed.has_errors() || (strict && parsed.count(Severity::Warning) > 0);
    Ok(if failed { Status::MapErrors } else { Status::Ok })
}

/// Loads a map that must have no errors; prints its diagnostics either way.
pub(crate) fn load_valid(map: &Path) -> Result<Parsed, Failure> {
    let parsed = load(map)?;
    if parsed.has_errors() {
        report::human(&parsed.files, &parsed.diagnostics);
        return Err(Failure { status: Status::MapErrors, message: report::summary(&parsed) });
    }
    Ok(parsed)
}

fn priorities(map: &Path, format: PrioritiesFormat, no_formula_guard: bool) -> Outcome {
    let parsed = load_valid(map)?;
    let Some(journey) = &parsed.journey else {
        return Ok(Status::MapErrors);
    };
    let format = match format {
        PrioritiesFormat::Table => priorities::ListFormat::Table,
        PrioritiesFormat::Markdown => priorities::ListFormat::Markdown,
        PrioritiesFormat::Csv if no_formula_guard => priorities::ListFormat::CsvRaw,
        PrioritiesFormat::Csv => priorities::ListFormat::Csv,
        PrioritiesFormat::Json => priorities::ListFormat::Json,
    };
    let spelling = if matches!(format, priorities::ListFormat::Json) {
        terminal::Spelling::Json
    } else {
        terminal::Spelling::Braces
    };
    let text = priorities::format(&priorities::prioritise(journey), format);
    write_stdout_as(text.as_bytes(), spelling)?;
    Ok(Status::Ok)
}

fn new(stages: &str, output: Option<&Path>, force: bool) -> Outcome {
    let names = starter::parse_stage_list(stages).map_err(|e| Failure::usage(format!("--stages: {e}")))?;
    let text = starter::starter_map(&names, None);
    match write_output(&text, output, force)? {
        None => {}
        Some(path) => {
            say!("wrote {} ({} stages); next: journeymap check {}", path.display(), names.len(), path.display());
            // The map's first line points editors at the schema beside it
            // (taplo, Even Better TOML): put it there, unless one is.
            let schema = path.with_file_name(SCHEMA_FILE);
            if !schema.exists() {
                journeymap::output::write_atomic(&schema, journeymap::schema::json().as_bytes())
                    .map_err(|e| Failure::io(format!("cannot write {}", schema.display()), &e))?;
                say!("wrote {} (editors complete and check the map with it)", schema.display());
            }
        }
    }
    Ok(Status::Ok)
}

fn man(dir: Option<&Path>) -> Outcome {
    let command = <Cli as clap::CommandFactory>::command();
    if let Some(dir) = dir {
        std::fs::create_dir_all(dir).map_err(|e| Failure::io(format!("cannot create {}", dir.display()), &e))?;
        clap_mangen::generate_to(command, dir)
            .map_err(|e| Failure::io(format!("cannot write into {}", dir.display()), &e))?;
        say!("wrote the manual pages into {}", dir.display());
        return Ok(Status::Ok);
    }
    let mut out = Vec::new();
    clap_mangen::Man::new(command).render(&mut out).map_err(|e| Failure::io("cannot write the manual", &e))?;
    write_stdout(&out)?;
    Ok(Status::Ok)
}

/// The schema's file name, as the starter map's `#:schema` line names it.
const SCHEMA_FILE: &str = "journeymap.schema.json";

fn schema(output: Option<&Path>, force: bool) -> Outcome {
    // Replacing a file the command did not make takes --force, as for new,
    // import and export (an older schema is refreshed with it).
    if let Some(path) = write_output(&journeymap::schema::json(), output, force)? {
        say!("wrote {}", path.display());
    }
    Ok(Status::Ok)
}

fn themes(toml: Option<&str>) -> Outcome {
    use journeymap::theme::{BUILTIN_NAMES, Role, Theme};
    if let Some(name) = toml {
        let theme = Theme::named(name).ok_or_else(|| {
            Failure::usage(format!("unknown theme '{name}'; built-in themes: {}", BUILTIN_NAMES.join(", ")))
        })?;
        write_stdout(theme.to_toml().as_bytes())?;
        return Ok(Status::Ok);
    }
    let colour = std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none();
    let roles = [
        Role::Background,
        Role::Surface,
        Role::Ink,
        Role::Spine,
        Role::Accent,
        Role::Essential,
        Role::Strength,
        Role::Pain,
        Role::WouldPay,
        Role::MomentOfTruth,
    ];
    let mut out = String::new();
    for name in BUILTIN_NAMES {
        let Some(theme) = Theme::named(name) else { continue };
        let swatch: Vec<String> = roles
            .iter()
            .map(|r| {
                let c = theme.colors.get(*r);
                if colour { format!("\x1b[38;2;{};{};{}m██\x1b[0m", c.r, c.g, c.b) } else { c.to_string() }
            })
            .collect();
        let joiner = if colour { "" } else { " " };
        out += &format!("{:<18} {}  {}\n", theme.name, swatch.join(joiner), theme.description);
    }
    if !colour {
        let keys: Vec<String> = roles.iter().map(|r| r.key()).collect();
        out += &format!("{:<18} ({})\n", "", keys.join(", "));
    }
    write_stdout(out.as_bytes())?;
    Ok(Status::Ok)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_interrupt_after_the_outputs_are_in_place_keeps_the_commands_status() {
        // Every output written: nothing to undo, the run succeeded.
        assert_eq!(status_on_interrupt(0, false), 0);
        // A finished command keeps its own status (map errors, say).
        assert_eq!(status_on_interrupt(1, false), 1);
        // Still running, or caught writing: an interrupted program.
        assert_eq!(status_on_interrupt(-1, false), 130);
        assert_eq!(status_on_interrupt(0, true), 130);
    }
}
