//! `sidenote export` as users run it: the default library, empty libraries, broken sidecars,
//! files and folders written with -o, `| head`, and a terminal that must never see control codes
//! or bidi controls.
//! Every run has its data and config directories in a temp folder.
#![allow(clippy::unwrap_used)]

#[allow(dead_code)]
#[path = "export_support/fixture.rs"]
mod fixture;

use std::fs;
use std::io::Read;
use std::path::Path;
use std::process::Stdio;

use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::Value;
use sidenote::annotation::{AnnotationSet, Stamp, Tag};

fn sidenote(home: &Path) -> Command {
    let mut command = Command::cargo_bin("sidenote").unwrap();
    command
        .env_remove("SIDENOTE_DATA_DIR")
        .env("SIDENOTE_DATA_DIR", home.join("data"))
        .env("SIDENOTE_CONFIG_DIR", home.join("config"))
        .arg("export");
    command
}

#[test]
fn the_default_library_is_installed_and_exported() {
    let home = tempfile::tempdir().unwrap();
    let out = sidenote(home.path())
        .assert()
        .success()
        .get_output()
        .clone();
    let document: Value = serde_json::from_slice(&out.stdout).unwrap();
    let articles = document["articles"].as_array().unwrap();
    assert_eq!(articles.len(), sidenote::library::SAMPLES.len());
    let library = home.path().join("data/library");
    for (article, (name, _)) in articles.iter().zip(sidenote::library::SAMPLES) {
        assert_eq!(article["file"], library.join(name).display().to_string());
        assert_eq!(article["annotations"], Value::Array(vec![]));
    }
}

#[test]
fn an_empty_library_gives_valid_empty_output_in_every_format() {
    let home = tempfile::tempdir().unwrap();
    fs::create_dir_all(home.path().join("data/library")).unwrap();
    let run = |format: &str| {
        let out = sidenote(home.path())
            .args(["--format", format])
            .assert()
            .success();
        String::from_utf8(out.get_output().stdout.clone()).unwrap()
    };
    let json: Value = serde_json::from_str(&run("json")).unwrap();
    assert_eq!(json["articles"], Value::Array(vec![]));
    assert_eq!(run("jsonl"), "");
    let csv = run("csv");
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    assert_eq!(reader.headers().unwrap().len(), 18);
    assert_eq!(reader.records().count(), 0);
    assert!(run("markdown").contains("0 of 0 articles annotated."));
    let w3c: Value = serde_json::from_str(&run("w3c")).unwrap();
    assert_eq!(w3c["total"], 0);
    let folder = home.path().join("brat");
    sidenote(home.path())
        .args(["--format", "brat", "-o"])
        .arg(&folder)
        .assert()
        .success();
    let names: Vec<_> = fs::read_dir(&folder)
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names, ["annotation.conf"]);
}

#[test]
fn a_broken_sidecar_is_named_and_the_other_articles_are_still_exported() {
    let library = fixture::tagged_library();
    let broken = library.root.join("kremlin-silent-on-captured-soldiers.txt");
    let sidecar = sidenote::sidecar::path_for(&broken);
    fs::write(&sidecar, "(version: 1, fingerprint: oops").unwrap();
    let out = sidenote(library.dir.path())
        .args(["--format", "jsonl"])
        .arg(&library.root)
        .assert()
        .code(1)
        .stderr(predicate::str::contains(sidecar.display().to_string()))
        .stderr(predicate::str::contains(":1:"));
    let stdout = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    let files: Vec<String> = stdout
        .lines()
        .map(|line| {
            serde_json::from_str::<Value>(line).unwrap()["file"]
                .as_str()
                .unwrap()
                .to_owned()
        })
        .collect();
    assert!(files.iter().any(|f| f.ends_with("zweiter-bericht.txt")));
    assert!(
        files
            .iter()
            .any(|f| f.ends_with("lawmaker-cites-spy-agency-300-dead.txt"))
    );
    assert!(
        !files
            .iter()
            .any(|f| f.ends_with("kremlin-silent-on-captured-soldiers.txt"))
    );
    assert_eq!(
        fs::read_to_string(&sidecar).unwrap(),
        "(version: 1, fingerprint: oops"
    );
}

#[test]
fn a_missing_path_is_named_and_the_others_are_exported() {
    let library = fixture::tagged_library();
    let missing = library.dir.path().join("nope.txt");
    let out = sidenote(library.dir.path())
        .args(["--format", "jsonl"])
        .arg(&missing)
        .arg(library.root.join("zweiter-bericht.txt"))
        .assert()
        .code(1)
        .stderr(predicate::str::contains("nope.txt"));
    assert_eq!(
        String::from_utf8_lossy(&out.get_output().stdout)
            .lines()
            .count(),
        3
    );
}

#[test]
fn output_files_are_written_whole_and_replaced_atomically() {
    let library = fixture::tagged_library();
    let target = library.dir.path().join("out.csv");
    fs::write(&target, "an older export").unwrap();
    let stdout = sidenote(library.dir.path())
        .args(["--format", "csv"])
        .arg(&library.root)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    sidenote(library.dir.path())
        .args(["--format", "csv", "-o"])
        .arg(&target)
        .arg(&library.root)
        .assert()
        .success()
        .stdout("");
    assert_eq!(fs::read(&target).unwrap(), stdout);
    let leftovers: Vec<_> = fs::read_dir(library.dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name.ends_with(".tmp"))
        .collect();
    assert_eq!(leftovers, Vec::<String>::new());
}

#[test]
fn an_export_never_overwrites_an_article() {
    let library = fixture::tagged_library();
    let article = library.root.join("zweiter-bericht.txt");
    sidenote(library.dir.path())
        .args(["--format", "csv", "-o"])
        .arg(&article)
        .arg(&library.root)
        .assert()
        .failure()
        .stderr(predicate::str::contains("would overwrite an article"));
    assert_eq!(fs::read_to_string(&article).unwrap(), fixture::EXTRA);
}

#[test]
fn brat_needs_a_new_folder() {
    let library = fixture::tagged_library();
    sidenote(library.dir.path())
        .args(["--format", "brat"])
        .arg(&library.root)
        .assert()
        .failure()
        .stderr(predicate::str::contains("-o FOLDER"));
    let folder = library.dir.path().join("mine");
    fs::create_dir(&folder).unwrap();
    fs::write(folder.join("work.ann"), "T1\tClaim 0 1\tx\n").unwrap();
    sidenote(library.dir.path())
        .args(["--format", "brat", "-o"])
        .arg(&folder)
        .arg(&library.root)
        .assert()
        .failure()
        .stderr(predicate::str::contains("not empty"));
    assert_eq!(fs::read_dir(&folder).unwrap().count(), 1);
}

#[test]
fn options_that_do_not_apply_are_refused() {
    let home = tempfile::tempdir().unwrap();
    sidenote(home.path())
        .args(["--format", "json", "--bom"])
        .assert()
        .failure()
        .stderr(predicate::str::contains("--bom is for --format csv"));
    sidenote(home.path())
        .args(["--format", "brat", "--offsets", "utf16", "-o"])
        .arg(home.path().join("b"))
        .assert()
        .failure()
        .stderr(predicate::str::contains("code points"));
}

/// An article of `sentences` sentences, every one tagged, for output larger than a pipe holds.
fn big_library(dir: &Path, sentences: usize) -> std::path::PathBuf {
    let root = dir.join("big");
    fs::create_dir(&root).unwrap();
    let path = root.join("long.txt");
    let text: String = (0..sentences)
        .map(|n| format!("Sentence number {n} says something checkable. "))
        .collect();
    fs::write(&path, &text).unwrap();
    let article = sidenote::library::read_article(&path).unwrap();
    let mut set = AnnotationSet::new(&article, Vec::new());
    for unit in 0..article.units().len() {
        let stamp = Stamp {
            author: "a".into(),
            now: time::macros::datetime!(2025-01-01 00:00 UTC),
            new_id: format!("id-{unit}"),
        };
        assert!(set.toggle_tag(&article, (unit, unit), Tag::Claim, &stamp));
    }
    let annotations: Vec<_> = set.annotations().cloned().collect();
    sidenote::sidecar::save(&path, &article, &[], &annotations).unwrap();
    root
}

#[test]
fn a_closed_pipe_is_not_an_error() {
    // `sidenote export | head -c 100`: the reader goes away after a few bytes.
    let dir = tempfile::tempdir().unwrap();
    let root = big_library(dir.path(), 2000);
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("sidenote"))
        .env("SIDENOTE_DATA_DIR", dir.path().join("data"))
        .env("SIDENOTE_CONFIG_DIR", dir.path().join("config"))
        .args(["export", "--format", "jsonl"])
        .arg(&root)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut head = [0u8; 100];
    child.stdout.take().unwrap().read_exact(&mut head).unwrap();
    let output = child.wait_with_output().unwrap();
    assert!(output.status.success(), "{output:?}");
    assert_eq!(String::from_utf8_lossy(&output.stderr), "");
}

/// What `sidenote export ARGS` writes to a terminal: its stdout is a pseudo-terminal.
fn export_on_a_terminal(home: &Path, args: &[&std::ffi::OsStr]) -> Vec<u8> {
    let pty = portable_pty::native_pty_system()
        .openpty(portable_pty::PtySize {
            rows: 50,
            cols: 200,
            pixel_width: 0,
            pixel_height: 0,
        })
        .unwrap();
    let mut command = portable_pty::CommandBuilder::new(assert_cmd::cargo::cargo_bin("sidenote"));
    command.env("SIDENOTE_DATA_DIR", home.join("data"));
    command.env("SIDENOTE_CONFIG_DIR", home.join("config"));
    command.arg("export");
    command.args(args);
    let mut child = pty.slave.spawn_command(command).unwrap();
    drop(pty.slave);
    let mut reader = pty.master.try_clone_reader().unwrap();
    let mut out = Vec::new();
    let reading = std::thread::spawn(move || {
        let _ = reader.read_to_end(&mut out);
        out
    });
    assert!(child.wait().unwrap().success());
    drop(pty.master);
    reading.join().unwrap()
}

#[test]
fn a_terminal_never_receives_control_codes_from_an_article() {
    let library = fixture::tagged_library();
    let article = library.root.join("zweiter-bericht.txt");
    let out = export_on_a_terminal(
        library.dir.path(),
        &["--format".as_ref(), "csv".as_ref(), article.as_os_str()],
    );
    let text = String::from_utf8_lossy(&out);
    assert!(
        text.contains("sagt #1 die Opposition \u{FFFD}[31mrot."),
        "{text}"
    );
    assert!(!out.contains(&0x1b));
}

/// Bidi controls and zero-width characters that join nothing.
const INVISIBLE: [char; 12] = [
    '\u{202a}', '\u{202b}', '\u{202c}', '\u{202d}', '\u{202e}', '\u{2066}', '\u{2067}', '\u{2068}',
    '\u{2069}', '\u{200e}', '\u{200f}', '\u{61c}',
];

#[test]
fn bidi_controls_from_notes_and_articles_reach_a_terminal_in_no_format_and_a_pipe_exactly() {
    let home = tempfile::tempdir().unwrap();
    let bidi: String = INVISIBLE.iter().collect();
    let article = home.path().join("bidi.txt");
    fs::write(
        &article,
        format!("Bidi report\n\nThe file report\u{202e}txt.exe{bidi} was sent. A plain one.\n"),
    )
    .unwrap();
    let loaded = sidenote::library::read_article(&article).unwrap();
    let mut set = AnnotationSet::new(&loaded, Vec::new());
    let stamp = Stamp {
        author: format!("author{bidi}"),
        now: time::macros::datetime!(2025-01-01 00:00 UTC),
        new_id: "bidi".into(),
    };
    assert!(set.toggle_tag(&loaded, (1, 1), Tag::Claim, &stamp));
    set.set_note(&loaded, (1, 1), &format!("note\u{2067}{bidi}end"), &stamp);
    sidenote::sidecar::save(&article, &loaded, &[], &set.into_annotations()).unwrap();

    for format in ["json", "jsonl", "csv", "markdown", "w3c"] {
        let out = export_on_a_terminal(
            home.path(),
            &["--format".as_ref(), format.as_ref(), article.as_os_str()],
        );
        let text = String::from_utf8(out).unwrap();
        assert!(
            !text.contains(INVISIBLE),
            "{format}: a bidi control reached the terminal: {}",
            text.escape_debug()
        );
        assert!(text.contains("reporttxt.exe"), "{format}: {text}");
        assert!(text.contains("noteend"), "{format}: {text}");

        let piped = sidenote(home.path())
            .args(["--format", format])
            .arg(&article)
            .output()
            .unwrap();
        let piped = String::from_utf8(piped.stdout).unwrap();
        assert!(
            piped.contains(&format!("note\u{2067}{bidi}end")),
            "{format}: a pipe gets the exact text: {}",
            piped.escape_debug()
        );
    }
}
