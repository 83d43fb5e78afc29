//! `schema/journeymap.schema.json` is the schema the library generates
//! from the format's description; the test fails when one changed without
//! the other. To bring the file up to date:
//! `JOURNEYMAP_UPDATE_SCHEMA=1 cargo test --test schema`.

mod common;

const PATH: &str = "schema/journeymap.schema.json";

#[test]
fn the_committed_schema_is_up_to_date() {
    let generated = journeymap::schema::json();
    if std::env::var_os("JOURNEYMAP_UPDATE_SCHEMA").is_some() {
        std::fs::write(PATH, &generated).expect("write the schema");
    }
    let committed = std::fs::read_to_string(PATH).unwrap_or_default();
    assert!(
        committed == generated,
        "{PATH} is out of date; run JOURNEYMAP_UPDATE_SCHEMA=1 cargo test --test schema and commit it"
    );
}

#[test]
fn the_schema_command_prints_it_and_new_points_editors_at_it() {
    let dir = tempfile::tempdir().expect("a folder");
    let out = common::run_in(dir.path(), &["schema"], None);
    assert_eq!(common::code(&out), 0);
    assert_eq!(common::stdout(&out), journeymap::schema::json());
    let out = common::run_in(dir.path(), &["new", "-o", "map.toml"], None);
    assert_eq!(common::code(&out), 0, "{}", common::stderr(&out));
    let map = std::fs::read_to_string(dir.path().join("map.toml")).expect("the map");
    assert!(map.starts_with("#:schema journeymap.schema.json\n"), "{}", &map[..80.min(map.len())]);
    let beside = std::fs::read_to_string(dir.path().join("journeymap.schema.json")).expect("the schema beside it");
    assert_eq!(beside, journeymap::schema::json());
    // The map with its directive still checks clean of errors.
    let out = common::run_in(dir.path(), &["check", "map.toml"], None);
    assert_eq!(common::code(&out), 0, "{}", common::stderr(&out));
}

#[test]
fn completions_and_manual_pages_are_generated_for_every_command() {
    let dir = tempfile::tempdir().expect("a folder");
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let out = common::run_in(dir.path(), &["completions", shell], None);
        assert_eq!(common::code(&out), 0, "{shell}: {}", common::stderr(&out));
        let script = common::stdout(&out);
        for command in ["render", "import", "export", "schema"] {
            assert!(script.contains(command), "{shell}: no {command}");
        }
    }
    // The bash script is bash.
    let out = common::run_in(dir.path(), &["completions", "bash"], None);
    std::fs::write(dir.path().join("journeymap.bash"), &out.stdout).expect("write");
    let syntax =
        std::process::Command::new("bash").arg("-n").arg(dir.path().join("journeymap.bash")).output().expect("bash");
    assert!(syntax.status.success(), "{}", String::from_utf8_lossy(&syntax.stderr));
    let out = common::run_in(dir.path(), &["man"], None);
    assert!(common::stdout(&out).contains(".TH journeymap 1"), "{}", common::stdout(&out));
    let out = common::run_in(dir.path(), &["man", "--dir", "man"], None);
    assert_eq!(common::code(&out), 0, "{}", common::stderr(&out));
    let render = std::fs::read_to_string(dir.path().join("man/journeymap-render.1")).expect("a page for render");
    assert!(render.contains("\\-\\-dpi") && render.contains("\\-\\-per\\-owner"), "{render}");
}
