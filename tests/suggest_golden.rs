#![allow(clippy::unwrap_used)]
//! `sidenote suggest` on the five samples and the claim-event articles prints, byte for byte, the
//! output kept in `tests/golden/suggest/`: a change made for speed must not change a proposal,
//! an offset, a cue or a score. A change meant to alter proposals regenerates the files with
//! `UPDATE_GOLDEN=1 cargo test --test suggest_golden` and shows the difference in review.

use std::path::{Path, PathBuf};

use assert_cmd::Command;

/// The articles, sorted, as paths relative to the repository's root (so `file` reads the same
/// on every machine).
fn articles() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    for entry in std::fs::read_dir(root.join("assets/samples")).unwrap() {
        files.push(entry.unwrap().path());
    }
    for event in std::fs::read_dir(root.join("tests/data/claims/events")).unwrap() {
        for entry in std::fs::read_dir(event.unwrap().path()).unwrap() {
            files.push(entry.unwrap().path());
        }
    }
    files.retain(|path| path.extension().is_some_and(|ext| ext == "txt"));
    let mut files: Vec<PathBuf> = files
        .into_iter()
        .map(|path| path.strip_prefix(root).unwrap().to_path_buf())
        .collect();
    files.sort();
    files
}

fn check(format: &str, golden: &str) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let dir = tempfile::tempdir().unwrap();
    let output = Command::cargo_bin("sidenote")
        .unwrap()
        .env_clear()
        .env("SIDENOTE_DATA_DIR", dir.path().join("data"))
        .env("SIDENOTE_CONFIG_DIR", dir.path().join("config"))
        .current_dir(root)
        .args(["suggest", "--format", format])
        .args(articles())
        .output()
        .unwrap();
    assert!(output.status.success(), "{output:?}");
    let path = root.join("tests/golden/suggest").join(golden);
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(&path, &output.stdout).unwrap();
    }
    let expected = std::fs::read(&path).unwrap();
    let (got, want) = (
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&expected),
    );
    let first = got
        .lines()
        .zip(want.lines())
        .position(|(a, b)| a != b)
        .map(|line| format!("first difference at line {}", line + 1));
    assert!(
        output.stdout == expected,
        "{golden}: output differs ({}; {} lines against {})",
        first.unwrap_or_else(|| "one is longer".into()),
        got.lines().count(),
        want.lines().count()
    );
}

#[test]
fn json_rows_are_unchanged() {
    check("json", "json.jsonl");
}

#[test]
fn text_rows_are_unchanged() {
    check("text", "text.txt");
}
