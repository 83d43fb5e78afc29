//! `journeymap render` as a user runs it (SPEC §5–§6), each case in its
//! own temporary directory: one layout written as SVG and PNG, `-o -` to
//! standard output, the exit statuses (0 success, 1 map errors, 2 usage,
//! 3 input/output), nothing written when a render fails — an existing file
//! keeps its bytes and no temporary file is left — the input never touched,
//! and written files readable like any other file the user creates.

mod common;

use std::path::{Path, PathBuf};
use std::process::Output;

use common::{code, stderr, stdout};

/// `# expect: unknown-key 30:1 motivaton`
const INVALID: &str = "tests/maps/invalid/unknown-key-motivaton.toml";
const PNG_MAGIC: &[u8] = b"\x89PNG\r\n\x1a\n";

/// A file of the crate, by absolute path (the binary runs elsewhere).
fn crate_file(relative: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(relative).display().to_string()
}

fn airline() -> String {
    crate_file("samples/airline.toml")
}

/// Runs the binary in `dir` with `args`, standard input empty or `stdin`.
fn run_in(dir: &Path, args: &[&str], stdin: Option<&[u8]>) -> Output {
    common::run_in(dir, args, stdin)
}

fn tempdir() -> tempfile::TempDir {
    tempfile::tempdir().expect("a temporary directory")
}

/// The names in `dir`, sorted.
fn listing(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .expect("a readable directory")
        .filter_map(|e| e.ok().map(|e| e.file_name().to_string_lossy().into_owned()))
        .collect();
    names.sort();
    names
}

/// The width and height in a PNG's IHDR chunk.
fn png_size(png: &[u8]) -> (u32, u32) {
    assert!(png.len() > 24 && png.starts_with(PNG_MAGIC), "not a PNG: {} bytes", png.len());
    assert_eq!(&png[12..16], b"IHDR");
    let be = |i: usize| u32::from_be_bytes([png[i], png[i + 1], png[i + 2], png[i + 3]]);
    (be(16), be(20))
}

fn read(path: PathBuf) -> Vec<u8> {
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

#[test]
fn svg_and_png_from_one_run() {
    let dir = tempdir();
    let out = run_in(dir.path(), &["render", &airline(), "-o", "a.svg", "-o", "a.png"], None);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert!(out.stdout.is_empty(), "data goes to the files only");
    assert_eq!(listing(dir.path()), ["a.png", "a.svg"]);
    let svg = read(dir.path().join("a.svg"));
    assert!(svg.starts_with(b"<svg"), "{:?}", String::from_utf8_lossy(&svg[..40.min(svg.len())]));
    assert!(svg.ends_with(b"</svg>\n"));
    // The sample is A2 landscape; the default is 150 dpi: 594 × 420 mm.
    let png = read(dir.path().join("a.png"));
    assert_eq!(png_size(&png), (3508, 2480));
    let messages = stderr(&out);
    assert!(messages.contains("wrote a.svg") && messages.contains("wrote a.png"), "{messages}");
    assert!(messages.contains("3508×2480"), "{messages}");

    // The command line is a thin layer: the same bytes as the library.
    let text = std::fs::read_to_string(airline()).expect("the sample");
    let journey = journeymap::parse::parse_str("airline", &text, &Default::default()).journey.expect("valid");
    let fonts = journeymap::text::Fonts::embedded();
    let theme = journeymap::theme::Theme::classic();
    let poster = journeymap::layout::layout(&journey, &theme, &fonts, &Default::default()).expect("layout");
    let library = journeymap::paint::svg(&poster, &theme, &fonts, Default::default());
    assert!(svg == library.as_bytes(), "the CLI's SVG differs from the library's");
}

#[test]
fn a_batch_of_outputs_gives_the_bytes_of_single_runs() {
    // The formats of one run are made side by side from one layout; each
    // must still be what a run of its own writes.
    let dir = tempdir();
    let all =
        ["render", &airline(), "--width", "900", "-o", "all.svg", "-o", "all.png", "-o", "all.pdf", "-o", "again.png"];
    let out = run_in(dir.path(), &all, None);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    for ext in ["svg", "png", "pdf"] {
        let name = format!("one.{ext}");
        let out = run_in(dir.path(), &["render", &airline(), "--width", "900", "-o", &name], None);
        assert_eq!(code(&out), 0, "{}", stderr(&out));
        let (batch, single) = (read(dir.path().join(format!("all.{ext}"))), read(dir.path().join(&name)));
        assert!(!batch.is_empty() && batch == single, "{ext}: the batch differs from a single run");
    }
    assert!(read(dir.path().join("again.png")) == read(dir.path().join("all.png")));
}

#[test]
fn dash_writes_svg_or_png_to_stdout() {
    let dir = tempdir();
    let svg = run_in(dir.path(), &["render", &airline(), "-o", "-"], None);
    assert_eq!(code(&svg), 0, "{}", stderr(&svg));
    assert!(svg.stdout.starts_with(b"<svg"));
    assert!(!stderr(&svg).contains("<svg"), "no data on standard error");

    let png = run_in(dir.path(), &["render", &airline(), "--stdout-format", "png", "--width", "200", "-o", "-"], None);
    assert_eq!(code(&png), 0, "{}", stderr(&png));
    assert_eq!(png_size(&png.stdout).0, 200);
    assert!(listing(dir.path()).is_empty(), "nothing but standard output");

    // Standard input to standard output, as the help's example says.
    let map = std::fs::read(airline()).expect("the sample");
    let piped = run_in(dir.path(), &["render", "-", "-o", "-"], Some(&map));
    assert_eq!(code(&piped), 0, "{}", stderr(&piped));
    assert!(piped.stdout == svg.stdout, "a map from standard input renders the same");

    let twice = run_in(dir.path(), &["render", &airline(), "-o", "-", "-o", "-"], None);
    assert_eq!(code(&twice), 2, "{}", stderr(&twice));
}

#[test]
fn a_page_too_small_fails_and_names_a_larger_size() {
    let dir = tempdir();
    let out = run_in(dir.path(), &["render", &airline(), "--size", "A6", "-o", "a.svg", "-o", "a.png"], None);
    assert_eq!(code(&out), 1, "{}", stderr(&out));
    let message = stderr(&out);
    let named = message.split("--size ").nth(1).and_then(|s| s.split([' ', ',']).next()).unwrap_or("");
    let larger = ["A0", "A1", "A2", "A3", "A4", "A5", "auto"];
    assert!(larger.contains(&named), "names no larger size: {message}");
    assert!(listing(dir.path()).is_empty(), "{:?}", listing(dir.path()));
}

#[test]
fn a_failed_render_keeps_the_existing_file_and_leaves_no_temporary() {
    let dir = tempdir();
    let old = b"the previous poster".to_vec();
    std::fs::write(dir.path().join("out.png"), &old).expect("write");
    let out = run_in(dir.path(), &["render", &airline(), "-o", "new.svg", "-o", "out.png", "--dpi", "100000"], None);
    assert_ne!(code(&out), 0, "a 100000 dpi PNG must be refused");
    assert!(stderr(&out).contains("megapixel"), "{}", stderr(&out));
    assert_eq!(read(dir.path().join("out.png")), old, "the old bytes are intact");
    // Nothing else: not the SVG that could have been written first, and no
    // .journeymap-*.tmp.
    assert_eq!(listing(dir.path()), ["out.png"]);
}

#[test]
fn unsupported_extensions_are_usage_errors_before_any_work() {
    let dir = tempdir();
    for bad in ["out.docx", "out.txt", "out", "out.SVG.bak"] {
        let out = run_in(dir.path(), &["render", &airline(), "-o", "ok.svg", "-o", bad], None);
        assert_eq!(code(&out), 2, "{bad}: {}", stderr(&out));
        assert!(stderr(&out).contains(bad), "{bad}: the message names the file: {}", stderr(&out));
        assert!(listing(dir.path()).is_empty(), "{bad}: {:?}", listing(dir.path()));
    }
    // Upper-case extensions are fine, and PDF is one of the formats.
    let out = run_in(
        dir.path(),
        &["render", &airline(), "--width", "100", "-o", "UP.SVG", "-o", "UP.PNG", "-o", "UP.PDF"],
        None,
    );
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert_eq!(listing(dir.path()), ["UP.PDF", "UP.PNG", "UP.SVG"]);
    assert!(read(dir.path().join("UP.PDF")).starts_with(b"%PDF-"));
}

#[test]
fn an_invalid_map_exits_1_and_writes_nothing() {
    let dir = tempdir();
    let out = run_in(dir.path(), &["render", &crate_file(INVALID), "-o", "a.svg", "-o", "a.png"], None);
    assert_eq!(code(&out), 1, "{}", stderr(&out));
    assert!(stderr(&out).contains("motivaton"), "{}", stderr(&out));
    assert!(listing(dir.path()).is_empty(), "{:?}", listing(dir.path()));

    let missing = run_in(dir.path(), &["render", "no-such-map.toml", "-o", "a.svg"], None);
    assert_eq!(code(&missing), 3, "{}", stderr(&missing));
    assert!(listing(dir.path()).is_empty(), "{:?}", listing(dir.path()));
}

#[test]
fn the_input_map_is_never_touched() {
    let dir = tempdir();
    let map = dir.path().join("map.toml");
    std::fs::copy(airline(), &map).expect("copy the sample");
    let before = (read(map.clone()), std::fs::metadata(&map).and_then(|m| m.modified()).expect("an mtime"));
    let out = run_in(dir.path(), &["render", "map.toml", "--width", "300", "-o", "map.svg", "-o", "map.png"], None);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    // Not even when asked to write over it.
    let over = run_in(dir.path(), &["render", "map.toml", "-o", "map.toml"], None);
    assert_eq!(code(&over), 2, "{}", stderr(&over));
    let after = (read(map.clone()), std::fs::metadata(&map).and_then(|m| m.modified()).expect("an mtime"));
    assert!(before.0 == after.0, "the map's bytes changed");
    assert_eq!(before.1, after.1, "the map's mtime changed");
    assert_eq!(listing(dir.path()), ["map.png", "map.svg", "map.toml"]);
}

#[test]
fn width_scale_and_dpi_set_the_png_size() {
    let dir = tempdir();
    let out = run_in(dir.path(), &["render", &airline(), "--width", "640", "-o", "w.png"], None);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    // A2 landscape is 2245.04 × 1587.4 CSS px.
    assert_eq!(png_size(&read(dir.path().join("w.png"))), (640, 453));
    let out = run_in(dir.path(), &["render", &airline(), "--scale", "0.25", "-o", "s.png"], None);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert_eq!(png_size(&read(dir.path().join("s.png"))), (561, 397));
    let out = run_in(dir.path(), &["render", &airline(), "--dpi", "24", "-o", "d.png"], None);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert_eq!(png_size(&read(dir.path().join("d.png"))), (561, 397));
    // Only one of them at a time.
    let both = run_in(dir.path(), &["render", &airline(), "--dpi", "24", "--width", "10", "-o", "x.png"], None);
    assert_eq!(code(&both), 2, "{}", stderr(&both));
    for bad in ["0", "-1", "nan"] {
        let out = run_in(dir.path(), &["render", &airline(), &format!("--dpi={bad}"), "-o", "x.png"], None);
        assert_eq!(code(&out), 2, "--dpi {bad}: {}", stderr(&out));
    }
    assert!(!dir.path().join("x.png").exists());
}

#[test]
fn an_unknown_theme_is_a_usage_error() {
    let dir = tempdir();
    let out = run_in(dir.path(), &["render", &airline(), "--theme", "nosuch", "-o", "a.svg"], None);
    assert_eq!(code(&out), 2, "{}", stderr(&out));
    assert!(stderr(&out).contains("classic"), "lists the built-in themes: {}", stderr(&out));
    assert!(listing(dir.path()).is_empty());
}

#[test]
fn a_font_that_is_not_a_font_is_an_io_failure() {
    let dir = tempdir();
    std::fs::write(dir.path().join("notes.txt"), "not a font").expect("write");
    let out = run_in(dir.path(), &["render", &airline(), "--font", "notes.txt", "-o", "a.svg"], None);
    assert_eq!(code(&out), 3, "{}", stderr(&out));
    assert!(stderr(&out).contains("notes.txt"), "{}", stderr(&out));
    let missing = run_in(dir.path(), &["render", &airline(), "--font", "missing.ttf", "-o", "a.svg"], None);
    assert_eq!(code(&missing), 3, "{}", stderr(&missing));
    assert_eq!(listing(dir.path()), ["notes.txt"]);
}

/// The process umask (Linux), so the expected mode holds for any user.
#[cfg(unix)]
fn umask() -> u32 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| s.lines().find_map(|l| l.strip_prefix("Umask:").map(|v| v.trim().to_owned())))
        .and_then(|v| u32::from_str_radix(&v, 8).ok())
        .unwrap_or(0o022)
}

#[cfg(unix)]
#[test]
fn new_files_are_readable_like_any_file_the_user_creates() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempdir();
    let out = run_in(dir.path(), &["render", &airline(), "--width", "100", "-o", "a.svg", "-o", "a.png"], None);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    // What `touch` or a shell redirect would give: 0o666 less the umask
    // (0o644 with the usual 022), not a temporary file's private 0o600.
    let want = 0o666 & !umask();
    for name in ["a.svg", "a.png"] {
        let mode = std::fs::metadata(dir.path().join(name)).expect("written").permissions().mode() & 0o777;
        assert_eq!(format!("{mode:o}"), format!("{want:o}"), "{name}: a new file's mode");
    }
}

#[cfg(unix)]
#[test]
fn replacing_a_file_keeps_its_permissions() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempdir();
    let path = dir.path().join("shared.svg");
    std::fs::write(&path, "old").expect("write");
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o664)).expect("chmod");
    let out = run_in(dir.path(), &["render", &airline(), "-o", "shared.svg"], None);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert!(read(path.clone()).starts_with(b"<svg"));
    let mode = std::fs::metadata(&path).expect("written").permissions().mode() & 0o777;
    assert_eq!(format!("{mode:o}"), "664", "the replaced file's mode");
}

#[test]
fn theme_paths_resolve_from_the_working_directory_or_the_map() {
    let dir = tempdir();
    let classic = std::fs::read_to_string(crate_file("themes/classic.toml")).expect("the classic theme");
    let white = classic.replace("background = \"#F7F4EE\"", "background = \"#FFFFFF\"");
    std::fs::write(dir.path().join("white.toml"), &white).expect("write the theme");

    // --theme is relative to the working directory.
    let out = run_in(dir.path(), &["render", &airline(), "--theme", "white.toml", "-o", "a.svg"], None);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let svg = String::from_utf8(read(dir.path().join("a.svg"))).expect("UTF-8 SVG");
    assert!(
        svg.contains("class=\"background\" x=\"0\" y=\"0\" width") && svg.contains("fill=\"#FFFFFF\"/>"),
        "the theme applies"
    );

    // A map's `theme` is relative to the map; `check` validates the file's content.
    std::fs::create_dir(dir.path().join("maps")).expect("a folder");
    std::fs::write(dir.path().join("maps/white.toml"), &white).expect("write the theme");
    std::fs::write(dir.path().join("maps/broken.toml"), "name = \"broken\"\n").expect("write a broken theme");
    let map = std::fs::read_to_string(airline()).expect("the sample");
    std::fs::write(dir.path().join("maps/good.toml"), format!("theme = \"white.toml\"\n{map}")).expect("a map");
    std::fs::write(dir.path().join("maps/bad.toml"), format!("theme = \"broken.toml\"\n{map}")).expect("a map");
    let out = run_in(dir.path(), &["render", "maps/good.toml", "-o", "b.svg"], None);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let out = run_in(dir.path(), &["check", "maps/bad.toml"], None);
    assert_eq!(code(&out), 1);
    assert!(stderr(&out).contains("unknown-theme") && stderr(&out).contains("bad.toml:1:9"), "{}", stderr(&out));
    // The problem is located in the theme file itself, the map's key labelled.
    assert!(stderr(&out).contains("broken.toml:1:1") && stderr(&out).contains("theme chosen here"), "{}", stderr(&out));
    let out = run_in(dir.path(), &["check", "maps/bad.toml", "--format", "json"], None);
    let items: serde_json::Value = serde_json::from_str(&stdout(&out)).expect("JSON");
    let theme = items.as_array().and_then(|a| a.iter().find(|d| d["code"] == "unknown-theme")).expect("a theme error");
    assert!(theme["file"].as_str().is_some_and(|f| f.ends_with("broken.toml")), "{theme}");
}

#[test]
fn theme_overrides_a_map_whose_theme_file_is_missing() {
    let dir = tempdir();
    let map = std::fs::read_to_string(airline()).expect("the sample");
    std::fs::write(dir.path().join("m.toml"), format!("theme = \"brand.toml\"\n{map}")).expect("a map");
    let out = run_in(dir.path(), &["render", "m.toml", "-o", "a.svg"], None);
    assert_eq!(code(&out), 1, "the map's own theme is missing");
    assert!(stderr(&out).contains("m.toml:1:9"), "{}", stderr(&out));
    let out = run_in(dir.path(), &["render", "m.toml", "--theme", "classic", "-o", "a.svg"], None);
    assert_eq!(code(&out), 0, "--theme replaces it: {}", stderr(&out));
}

#[test]
fn a_department_copy_highlights_one_owner_and_an_unknown_one_lists_the_owners() {
    let dir = tempdir();
    let out = run_in(dir.path(), &["render", &airline(), "--highlight-owner", "digital", "-o", "d.svg"], None);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let svg = String::from_utf8(read(dir.path().join("d.svg"))).expect("UTF-8");
    assert!(svg.contains("Department view: Digital") && svg.contains("opacity=\"0.3\""));
    let out = run_in(dir.path(), &["render", &airline(), "--highlight-owner", "Nobody", "-o", "x.svg"], None);
    assert_eq!(code(&out), 2, "a usage error");
    assert!(stderr(&out).contains("Ground operations") && stderr(&out).contains("Marketing"), "{}", stderr(&out));
    assert!(!dir.path().join("x.svg").exists());
}

#[test]
fn per_owner_writes_one_copy_per_owner_named_after_it() {
    let dir = tempdir();
    std::fs::create_dir(dir.path().join("copies")).expect("a folder");
    let out = run_in(dir.path(), &["render", &airline(), "--per-owner", "copies", "--width", "400"], None);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let files = listing(&dir.path().join("copies"));
    assert_eq!(files.len(), 10, "one per owner: {files:?}");
    assert!(files.contains(&"ground-operations.png".to_owned()) && files.contains(&"customer-service.png".to_owned()));
    for f in &files {
        assert_eq!(png_size(&read(dir.path().join("copies").join(f))).0, 400);
    }
    // With -o outputs, the copies follow their formats, and the whole
    // poster is written too.
    std::fs::create_dir(dir.path().join("svg")).expect("a folder");
    let out = run_in(dir.path(), &["render", &airline(), "--per-owner", "svg", "-o", "all.svg"], None);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert!(listing(&dir.path().join("svg")).iter().all(|f| f.ends_with(".svg")));
    assert!(dir.path().join("all.svg").exists());
    // A folder that is not there is made, as the --help example expects;
    // a file by that name is a usage error, before any work.
    let out = run_in(dir.path(), &["render", &airline(), "--per-owner", "new/copies", "--width", "200"], None);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert_eq!(listing(&dir.path().join("new/copies")).len(), 10);
    std::fs::write(dir.path().join("a-file"), "x").expect("a file");
    let out = run_in(dir.path(), &["render", &airline(), "--per-owner", "a-file"], None);
    assert_eq!(code(&out), 2, "{}", stderr(&out));
}

#[test]
fn a_failed_output_leaves_none_of_the_others_behind() {
    let dir = tempdir();
    let out =
        run_in(dir.path(), &["render", &airline(), "-o", "ok.svg", "-o", "no/such/dir/x.png", "--width", "300"], None);
    assert_eq!(code(&out), 3, "{}", stderr(&out));
    assert!(stderr(&out).contains("no file was written"), "{}", stderr(&out));
    assert_eq!(listing(dir.path()), Vec::<String>::new(), "ok.svg must not be left behind");
}

#[test]
fn text_as_paths_changes_the_svg_only() {
    let dir = tempdir();
    let plain = run_in(dir.path(), &["render", &airline(), "--width", "600", "-o", "a.svg", "-o", "a.png"], None);
    assert_eq!(code(&plain), 0, "{}", stderr(&plain));
    let out = run_in(
        dir.path(),
        &["render", &airline(), "--width", "600", "--text-as-paths", "-o", "b.svg", "-o", "b.png"],
        None,
    );
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let svg = String::from_utf8(read(dir.path().join("b.svg"))).expect("UTF-8");
    assert!(svg.contains("<use href=\"#g") && !svg.contains("<text"), "outlines");
    assert!(read(dir.path().join("a.png")) == read(dir.path().join("b.png")), "the PNG is the same");
}
