//! Broken and newer sidecars: the error names the file, line and column; nothing ever writes
//! over them (the bytes on disk are compared before and after); starting afresh moves the file
//! aside intact.
#![allow(clippy::unwrap_used)]

use std::fs;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use rstest::rstest;
use sidenote::annotation::{AnnotationSet, Stamp, Tag};
use sidenote::article::Article;
use sidenote::library::SAMPLES;
use sidenote::sidecar::{self, SidecarError};
use time::macros::datetime;

struct Fixture {
    dir: tempfile::TempDir,
    article: PathBuf,
}

impl Fixture {
    /// A sample article with a valid sidecar holding two annotations.
    fn new() -> Fixture {
        let dir = tempfile::tempdir().unwrap();
        let (name, text) = SAMPLES[3];
        let article = dir.path().join(name);
        fs::write(&article, text).unwrap();
        let parsed = Article::parse(name, text.as_bytes()).unwrap();
        let mut set = AnnotationSet::new(&parsed, Vec::new());
        for (n, unit) in [2, 4].into_iter().enumerate() {
            let stamp = Stamp {
                author: "tester".into(),
                now: datetime!(2025-01-13 09:00 UTC),
                new_id: format!("01943f0e-0000-7000-8000-00000000000{n}"),
            };
            set.add_tag(&parsed, (unit, unit), Tag::Claim, &stamp);
        }
        set.set_note(
            &parsed,
            (4, 4),
            "checked\nagainst NIS",
            &Stamp {
                author: "tester".into(),
                now: datetime!(2025-01-13 09:01 UTC),
                new_id: "unused".into(),
            },
        );
        sidecar::save(&article, &parsed, &[], &set.into_annotations()).unwrap();
        Fixture { dir, article }
    }

    fn sidecar(&self) -> PathBuf {
        sidecar::path_for(&self.article)
    }

    fn parsed(&self) -> Article {
        Article::parse("a", &fs::read(&self.article).unwrap()).unwrap()
    }

    fn sidenote(&self) -> Command {
        let mut command = Command::new(env!("CARGO_BIN_EXE_sidenote"));
        command
            .env_clear()
            .env("SIDENOTE_DATA_DIR", self.dir.path().join("data"))
            .env("SIDENOTE_CONFIG_DIR", self.dir.path().join("config"))
            .env("USER", "tester");
        command
    }
}

/// The 1-based number of the first line of `text` containing `needle`.
fn line_of(text: &str, needle: &str) -> usize {
    text.lines().position(|line| line.contains(needle)).unwrap() + 1
}

/// Replaces the `nth` (0-based) line containing `needle` with `line`; returns the new text and
/// the line's number.
fn replace_line(text: &str, needle: &str, nth: usize, line: &str) -> (Vec<u8>, usize) {
    let mut lines: Vec<String> = text.lines().map(str::to_owned).collect();
    let index = lines
        .iter()
        .enumerate()
        .filter(|(_, l)| l.contains(needle))
        .nth(nth)
        .unwrap()
        .0;
    lines[index] = line.to_owned();
    ((lines.join("\n") + "\n").into_bytes(), index + 1)
}

fn field(text: &str, name: &str, nth: usize) -> usize {
    text.lines()
        .filter_map(|l| l.trim().strip_prefix(&format!("{name}: ")))
        .nth(nth)
        .unwrap()
        .trim_end_matches(',')
        .parse()
        .unwrap()
}

/// A corruption of a valid sidecar's text: the broken bytes and the line the error must name.
type Corrupt = fn(&str) -> (Vec<u8>, usize);

fn truncated(text: &str) -> (Vec<u8>, usize) {
    // Cut inside the content of the middle line, past its indentation, so the end of the file
    // falls on a line that holds part of a value whatever the sentence lengths make it.
    let middle = text.len() / 2;
    let line_start = text[..middle].rfind('\n').map_or(0, |at| at + 1);
    let indent = text[line_start..].len() - text[line_start..].trim_start().len();
    let cut = &text[..line_start + indent + 2];
    (cut.as_bytes().to_vec(), cut.lines().count())
}
fn wrong_type(text: &str) -> (Vec<u8>, usize) {
    replace_line(text, "start:", 0, "                start: \"eighty\",")
}
fn unknown_tag(text: &str) -> (Vec<u8>, usize) {
    replace_line(text, "Claim,", 0, "                Clam,")
}
fn duplicate_id(text: &str) -> (Vec<u8>, usize) {
    let first = text.lines().find(|l| l.contains("id:")).unwrap().to_owned();
    replace_line(text, "id:", 1, &first)
}
fn reversed_offsets(text: &str) -> (Vec<u8>, usize) {
    let end = field(text, "end", 0);
    replace_line(
        text,
        "start:",
        0,
        &format!("                start: {},", end + 5),
    )
}
fn offsets_beyond_the_quote(text: &str) -> (Vec<u8>, usize) {
    let end = field(text, "end", 1);
    replace_line(
        text,
        "end:",
        1,
        &format!("                end: {},", end + 3),
    )
}
fn misspelt_field(text: &str) -> (Vec<u8>, usize) {
    let line = text.lines().find(|l| l.contains("note:")).unwrap();
    replace_line(text, "note:", 0, &line.replace("note:", "notes:"))
}
fn empty(_: &str) -> (Vec<u8>, usize) {
    (Vec::new(), 1)
}
fn not_utf8(text: &str) -> (Vec<u8>, usize) {
    let line = line_of(text, "author:");
    let at = text.find("author:").unwrap();
    let mut bytes = text.as_bytes().to_vec();
    bytes.insert(at, 0xff);
    (bytes, line)
}
fn not_ron(_: &str) -> (Vec<u8>, usize) {
    (b"tags = [\"claim\"]\n".to_vec(), 1)
}

#[rstest]
#[case::truncated(truncated as Corrupt)]
#[case::wrong_type(wrong_type as Corrupt)]
#[case::unknown_tag(unknown_tag as Corrupt)]
#[case::duplicate_id(duplicate_id as Corrupt)]
#[case::reversed_offsets(reversed_offsets as Corrupt)]
#[case::offsets_beyond_the_quote(offsets_beyond_the_quote as Corrupt)]
#[case::misspelt_field(misspelt_field as Corrupt)]
#[case::empty(empty as Corrupt)]
#[case::not_utf8(not_utf8 as Corrupt)]
#[case::not_ron(not_ron as Corrupt)]
fn a_broken_sidecar_is_reported_and_never_written(#[case] corrupt: Corrupt) {
    let fixture = Fixture::new();
    let valid = fs::read_to_string(fixture.sidecar()).unwrap();
    let (broken, line) = corrupt(&valid);
    fs::write(fixture.sidecar(), &broken).unwrap();

    // Loading names the file and the line.
    match sidecar::load(&fixture.article) {
        Err(SidecarError::Parse {
            path,
            line: at,
            column,
            message,
        }) => {
            assert_eq!(path, fixture.sidecar());
            assert_eq!(at, line, "{message}");
            assert!(column >= 1);
        }
        other => panic!("expected a parse error, got {other:?}"),
    }

    // Saving refuses, whatever the caller holds.
    let article = fixture.parsed();
    let ours = sidenote::annotation::AnnotationSet::new(&article, Vec::new());
    let result = sidecar::save(&fixture.article, &article, &[], &ours.into_annotations());
    assert!(
        matches!(result, Err(SidecarError::Parse { .. })),
        "{result:?}"
    );
    assert_eq!(fs::read(fixture.sidecar()).unwrap(), broken);

    // So do the commands that write, and list reports it.
    let location = format!("{}:{line}:", fixture.sidecar().display());
    let args: [&[&str]; 3] = [
        &["tag", "--sentence", "3", "--tag", "quote"],
        &["untag", "--sentence", "2"],
        &["list"],
    ];
    for args in args {
        let (verb, rest) = args.split_first().unwrap();
        fixture
            .sidenote()
            .arg(verb)
            .arg(&fixture.article)
            .args(rest)
            .assert()
            .failure()
            .stderr(predicates::str::contains(location.clone()));
        assert_eq!(fs::read(fixture.sidecar()).unwrap(), broken);
    }

    // Starting afresh moves it aside intact and starts a new sidecar.
    fixture
        .sidenote()
        .args(["tag", "--sentence", "3", "--tag", "quote", "--start-afresh"])
        .arg(&fixture.article)
        .assert()
        .success()
        .stderr(predicates::str::contains(
            "moved the unreadable sidecar aside",
        ));
    let aside: Vec<PathBuf> = fs::read_dir(fixture.dir.path())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.to_string_lossy().contains(".annotations.ron.bad-"))
        .collect();
    assert_eq!(aside.len(), 1);
    assert_eq!(fs::read(&aside[0]).unwrap(), broken);
    let fresh = sidecar::load(&fixture.article).unwrap().unwrap();
    assert_eq!(fresh.annotations.len(), 1);
    assert_eq!(fresh.annotations[0].tags, vec![Tag::Quote]);
}

#[test]
fn start_afresh_leaves_a_readable_sidecar_alone() {
    let fixture = Fixture::new();
    fixture
        .sidenote()
        .args(["tag", "--sentence", "3", "--tag", "quote", "--start-afresh"])
        .arg(&fixture.article)
        .assert()
        .success()
        .stderr(predicates::str::contains("nothing was moved aside"));
    assert_eq!(
        sidecar::load(&fixture.article)
            .unwrap()
            .unwrap()
            .annotations
            .len(),
        3
    );
}

fn newer(fixture: &Fixture) -> Vec<u8> {
    let valid = fs::read_to_string(fixture.sidecar()).unwrap();
    let text = valid
        .replacen("version: 1,", "version: 5,\n    team: (name: \"desk\"),", 1)
        .replacen("note:", "review: \"Lee\",\n            note:", 1);
    fs::write(fixture.sidecar(), &text).unwrap();
    text.into_bytes()
}

#[test]
fn a_newer_sidecar_is_read_but_never_written() {
    let fixture = Fixture::new();
    let bytes = newer(&fixture);
    let loaded = sidecar::load(&fixture.article).unwrap().unwrap();
    assert_eq!(loaded.version, 5);
    assert!(!loaded.is_writable());
    assert_eq!(loaded.annotations.len(), 2);

    let article = fixture.parsed();
    let result = sidecar::save(&fixture.article, &article, &loaded.annotations, &[]);
    assert!(
        matches!(result, Err(SidecarError::Newer { version: 5, .. })),
        "{result:?}"
    );
    assert_eq!(fs::read(fixture.sidecar()).unwrap(), bytes);

    fixture
        .sidenote()
        .args(["tag", "--sentence", "3", "--tag", "quote", "--start-afresh"])
        .arg(&fixture.article)
        .assert()
        .failure()
        .stderr(predicates::str::contains("newer sidenote"));
    assert_eq!(fs::read(fixture.sidecar()).unwrap(), bytes);

    let out = fixture
        .sidenote()
        .arg("list")
        .arg(&fixture.article)
        .assert()
        .success()
        .stderr(predicates::str::contains("newer sidenote"))
        .get_output()
        .stdout
        .clone();
    assert_eq!(String::from_utf8(out).unwrap().lines().count(), 2);
}

#[test]
fn a_newer_sidecar_that_cannot_be_read_says_to_upgrade() {
    let fixture = Fixture::new();
    let valid = fs::read_to_string(fixture.sidecar()).unwrap();
    let text = valid
        .replacen("version: 1,", "version: 7,", 1)
        .replacen("Claim", "Hedge", 1);
    fs::write(fixture.sidecar(), &text).unwrap();
    let error = sidecar::load(&fixture.article).unwrap_err();
    assert!(error.to_string().contains("upgrade sidenote"), "{error}");
    assert!(matches!(error, SidecarError::Parse { line, .. } if line == line_of(&text, "Hedge")));
}

#[test]
fn the_lock_file_sits_beside_the_sidecar() {
    let fixture = Fixture::new();
    assert_eq!(
        sidecar::lock_path_for(&fixture.sidecar()),
        Path::new(&format!("{}.lock", fixture.sidecar().display()))
    );
    assert!(sidecar::lock_path_for(&fixture.sidecar()).exists());
}
