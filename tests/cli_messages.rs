//! Messages on stderr are one line each, `sidenote: ` first, whatever the file names and the
//! files in them hold: a line feed in a file name cannot forge a second `sidenote:` line, and
//! control characters and bidi controls never reach the terminal from a message.
#![allow(clippy::unwrap_used)]

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use tempfile::TempDir;

/// A file name that tries to forge a message, reverse what follows it and clear the screen.
const HOSTILE_NAME: &str =
    "report\n\rsidenote: every tag was deleted\u{202e}txt.exe\u{2066}\u{200f}\u{1b}[2J.txt";

/// The binary with its data and config directories in `dir`, never the user's.
fn sidenote(dir: &Path) -> Command {
    let mut cmd = Command::cargo_bin("sidenote").unwrap();
    cmd.env_clear()
        .env("SIDENOTE_DATA_DIR", dir.join("data"))
        .env("SIDENOTE_CONFIG_DIR", dir.join("config"));
    cmd
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

/// An article with the hostile name and a truncated sidecar beside it.
fn with_a_broken_sidecar(dir: &Path) -> PathBuf {
    let article = write(dir, HOSTILE_NAME, b"An article. Its sidecar is broken.\n");
    std::fs::write(
        sidenote::sidecar::path_for(&article),
        "(version: 1, annotations: [",
    )
    .unwrap();
    article
}

/// Asserts that `stderr` is `lines` messages, one line each, none of them forged, with no
/// control character, bidi control or zero-width character in them.
fn assert_one_line_messages(stderr: &[u8], lines: usize) -> String {
    let text = String::from_utf8(stderr.to_vec()).unwrap();
    let messages: Vec<&str> = text.lines().collect();
    assert_eq!(messages.len(), lines, "{}", text.escape_debug());
    for message in &messages {
        assert!(
            message.starts_with("sidenote: "),
            "{}",
            message.escape_debug()
        );
        assert!(
            !message.contains(|c: char| {
                c.is_control()
                    || matches!(c, '\u{61c}' | '\u{200b}' | '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
            }),
            "{}",
            message.escape_debug()
        );
    }
    text
}

#[test]
fn a_refused_article_with_a_hostile_name_is_named_on_one_line() {
    let dir = TempDir::new().unwrap();
    let article = write(dir.path(), HOSTILE_NAME, b"binary\0file");
    let output = sidenote(dir.path())
        .args(["segment", "--format", "text"])
        .arg(&article)
        .output()
        .unwrap();
    assert!(!output.status.success());
    let text = assert_one_line_messages(&output.stderr, 1);
    assert!(
        text.contains(
            "/report\u{FFFD}\u{FFFD}sidenote: every tag was deleted\
             txt.exe\u{FFFD}[2J.txt: this looks like a binary file"
        ),
        "{}",
        text.escape_debug()
    );
}

#[test]
fn export_and_list_name_hostile_files_on_one_line_each() {
    let dir = TempDir::new().unwrap();
    let good = write(
        dir.path(),
        "good.txt",
        b"A good article. It has two sentences.\n",
    );
    let missing = dir.path().join(HOSTILE_NAME);
    let output = sidenote(dir.path())
        .args(["export", "--format", "jsonl"])
        .arg(&missing)
        .arg(&good)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert_one_line_messages(&output.stderr, 1);

    let broken = with_a_broken_sidecar(dir.path());
    let output = sidenote(dir.path())
        .arg("list")
        .arg(&broken)
        .arg(&good)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let text = assert_one_line_messages(&output.stderr, 1);
    assert!(
        text.contains(".annotations.ron:"),
        "{}",
        text.escape_debug()
    );
}

#[test]
fn a_broken_sidecar_and_what_to_do_about_it_are_one_message() {
    let dir = TempDir::new().unwrap();
    let article = with_a_broken_sidecar(dir.path());
    let output = sidenote(dir.path())
        .env("USER", "tester")
        .args(["tag", "--sentence", "1", "--tag", "claim"])
        .arg(&article)
        .output()
        .unwrap();
    assert!(!output.status.success());
    let text = assert_one_line_messages(&output.stderr, 1);
    assert!(
        text.contains("; fix the file by hand, or run again with --start-afresh"),
        "{}",
        text.escape_debug()
    );
}
