//! No command writes over its input map, by any path: the map's own path,
//! a symbolic link to it, or a hard link — `--force` or not. A command
//! that would replace a file it did not make asks for `--force`.

mod common;

use std::path::Path;

use common::{code, stderr};

/// A copy of the airline sample in a fresh folder, with a symbolic and a
/// hard link to it.
struct Folder {
    dir: tempfile::TempDir,
    original: String,
}

impl Folder {
    fn new() -> Folder {
        let dir = tempfile::tempdir().expect("a folder");
        let original = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("samples/airline.toml"))
            .expect("the sample");
        std::fs::write(dir.path().join("map.toml"), &original).expect("write the map");
        #[cfg(unix)]
        std::os::unix::fs::symlink(dir.path().join("map.toml"), dir.path().join("link.toml")).expect("a symlink");
        std::fs::hard_link(dir.path().join("map.toml"), dir.path().join("hard.toml")).expect("a hard link");
        // Names a poster could have, for render.
        std::fs::hard_link(dir.path().join("map.toml"), dir.path().join("hard.svg")).expect("a hard link");
        #[cfg(unix)]
        std::os::unix::fs::symlink(dir.path().join("map.toml"), dir.path().join("link.png")).expect("a symlink");
        Folder { dir, original }
    }

    fn run(&self, args: &[&str]) -> std::process::Output {
        common::run_in(self.dir.path(), args, None)
    }

    fn map_is_untouched(&self) -> bool {
        std::fs::read_to_string(self.dir.path().join("map.toml")).is_ok_and(|t| t == self.original)
    }
}

#[test]
fn export_and_render_refuse_the_map_by_any_path() {
    let folder = Folder::new();
    let mut names = vec!["map.toml", "./map.toml", "hard.toml"];
    if cfg!(unix) {
        names.push("link.toml");
    }
    for out in names {
        for command in [
            vec!["export", "csv", "map.toml", "-o", out, "--force"],
            vec!["export", "mermaid", "map.toml", "-o", out, "--force"],
            vec!["export", "csv", "map.toml", "-o", out],
        ] {
            let output = folder.run(&command);
            assert_eq!(code(&output), 2, "{command:?}: {}", stderr(&output));
            assert!(stderr(&output).contains("the map itself"), "{command:?}: {}", stderr(&output));
            assert!(folder.map_is_untouched(), "{command:?} touched the map");
        }
    }
    let mut posters = vec!["hard.svg"];
    if cfg!(unix) {
        posters.push("link.png");
    }
    for out in posters {
        let output = folder.run(&["render", "map.toml", "-o", out]);
        assert_eq!(code(&output), 2, "{out}: {}", stderr(&output));
        assert!(stderr(&output).contains("the map itself"), "{out}: {}", stderr(&output));
        assert!(folder.map_is_untouched(), "render -o {out} touched the map");
    }
    // Another file is written as asked.
    let fine = folder.run(&["export", "csv", "map.toml", "-o", "sheet.csv"]);
    assert_eq!(code(&fine), 0, "{}", stderr(&fine));
}

#[test]
fn schema_asks_before_replacing_a_file() {
    let folder = Folder::new();
    let target = folder.dir.path().join("notes.json");
    std::fs::write(&target, "the team's notes").expect("write");
    let refused = folder.run(&["schema", "-o", "notes.json"]);
    assert_eq!(code(&refused), 2, "{}", stderr(&refused));
    assert!(stderr(&refused).contains("--force"), "{}", stderr(&refused));
    assert_eq!(std::fs::read_to_string(&target).expect("kept"), "the team's notes");
    let forced = folder.run(&["schema", "-o", "notes.json", "--force"]);
    assert_eq!(code(&forced), 0, "{}", stderr(&forced));
    assert!(std::fs::read_to_string(&target).expect("the schema").contains("\"$schema\""));
    // A new file needs no --force.
    let fresh = folder.run(&["schema", "-o", "fresh.json"]);
    assert_eq!(code(&fresh), 0, "{}", stderr(&fresh));
}
