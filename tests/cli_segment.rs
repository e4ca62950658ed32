#![allow(clippy::unwrap_used)]
//! `sidenote segment FILE`: the JSON Lines shape, code-point offsets, plain-text output,
//! warnings and errors, run as the real binary in a scrubbed environment.

use std::io::Read;
use std::path::Path;
use std::process::{Command as StdCommand, Stdio};

use assert_cmd::Command;
use predicates::prelude::*;
use pretty_assertions::assert_eq;
use tempfile::TempDir;

/// The binary with its data and config directories in `dir`, never the user's.
fn sidenote(dir: &Path) -> Command {
    let mut cmd = Command::cargo_bin("sidenote").unwrap();
    cmd.env_clear()
        .env("SIDENOTE_DATA_DIR", dir.join("data"))
        .env("SIDENOTE_CONFIG_DIR", dir.join("config"));
    cmd
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> std::path::PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

fn rows(stdout: &[u8]) -> Vec<serde_json::Value> {
    String::from_utf8(stdout.to_vec())
        .unwrap()
        .lines()
        .map(|line| serde_json::from_str(line).unwrap())
        .collect()
}

#[test]
fn prints_one_json_object_per_unit_with_code_point_offsets() {
    let dir = TempDir::new().unwrap();
    let text = "\u{FEFF}Seoul’s spy agency briefs lawmakers\r\n\r\nJanuary 13, 2025\r\n\r\nThe NIS said “300 died.” Rep. Lee agreed.\r\nCafé owners in Kyiv\r\nwere not surprised.\r\n";
    let path = write(dir.path(), "report.txt", text.as_bytes());
    let output = sidenote(dir.path())
        .arg("segment")
        .arg(&path)
        .assert()
        .success()
        .stderr("")
        .get_output()
        .stdout
        .clone();
    let rows = rows(&output);
    let chars: Vec<char> = text.chars().collect();
    assert!(rows.len() >= 3, "{rows:#?}");
    for (i, row) in rows.iter().enumerate() {
        let object = row.as_object().unwrap();
        let mut keys: Vec<&str> = object.keys().map(String::as_str).collect();
        keys.sort_unstable();
        assert_eq!(keys, ["end", "index", "kind", "paragraph", "start", "text"]);
        assert_eq!(row["index"], i);
        let start = row["start"].as_u64().unwrap() as usize;
        let end = row["end"].as_u64().unwrap() as usize;
        let slice: String = chars[start..end].iter().collect();
        let folded = slice.split_whitespace().collect::<Vec<_>>().join(" ");
        assert_eq!(row["text"].as_str().unwrap(), folded, "row {i}");
    }
    assert_eq!(rows[0]["kind"], "title");
    assert_eq!(rows[0]["start"], 1, "the BOM counts as one code point");
    assert_eq!(rows[0]["text"], "Seoul’s spy agency briefs lawmakers");
    assert_eq!(rows[1]["kind"], "sentence");
    assert_eq!(rows[1]["paragraph"], 1);
    assert!(rows.iter().all(|row| row["text"] != "January 13, 2025"));
}

#[test]
fn text_format_prints_one_numbered_unit_per_line() {
    let dir = TempDir::new().unwrap();
    let path = write(
        dir.path(),
        "a.txt",
        b"A title here\n\nFirst sentence. Second\nsentence.\n",
    );
    sidenote(dir.path())
        .args(["segment", "--format", "text"])
        .arg(&path)
        .assert()
        .success()
        .stdout("0\tA title here\n1\tFirst sentence.\n2\tSecond sentence.\n");
}

#[test]
fn escape_sequences_never_reach_the_output() {
    let dir = TempDir::new().unwrap();
    let path = write(
        dir.path(),
        "evil.txt",
        b"Look \x1b[2J\x1b]0;owned\x07here. Bell\x07 and \xe2\x80\xae reversed.\n",
    );
    let output = sidenote(dir.path())
        .args(["segment", "--format", "text"])
        .arg(&path)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    // A tab after each unit's number, a line feed after its text, and no other control byte.
    assert!(
        !output.iter().any(|&b| b < 0x20 && b != b'\n' && b != b'\t'),
        "{output:?}"
    );
    let shown = String::from_utf8(output).unwrap();
    assert!(!shown.contains('\u{202E}'));
    assert!(shown.starts_with("0\tLook here."));
    assert_eq!(shown.matches('\t').count(), shown.lines().count());
}

#[test]
fn bidi_marks_and_zero_width_characters_are_not_shown_and_offsets_still_count_them() {
    let dir = TempDir::new().unwrap();
    let text = "Mark\u{200e}ed \u{200f}words\u{61c} and zero\u{200b}width\u{2060} ones. \
                A joiner 👩\u{200d}💻 stays.\n";
    let path = write(dir.path(), "marks.txt", text.as_bytes());
    let segment = |format: &str| {
        sidenote(dir.path())
            .args(["segment", "--format", format])
            .arg(&path)
            .output()
            .unwrap()
            .stdout
    };
    assert_eq!(
        String::from_utf8(segment("text")).unwrap(),
        "0\tMarked words and zerowidth ones.\n1\tA joiner 👩\u{200d}💻 stays.\n"
    );
    let rows = rows(&segment("json"));
    assert_eq!(rows[0]["text"], "Marked words and zerowidth ones.");
    // The offsets are the file's: the dropped characters are counted.
    assert_eq!(
        rows[1]["start"],
        text.find('A').map(|b| text[..b].chars().count()).unwrap()
    );
}

#[test]
fn warns_about_the_encoding_on_stderr() {
    let dir = TempDir::new().unwrap();
    let path = write(dir.path(), "latin.txt", b"Caf\xe9 society. Fine.\n");
    sidenote(dir.path())
        .args(["segment", "--format", "text"])
        .arg(&path)
        .assert()
        .success()
        .stdout("0\tCafé society.\n1\tFine.\n")
        .stderr(
            predicate::str::contains("latin.txt")
                .and(predicate::str::contains("Windows-1252"))
                .and(predicate::str::contains("warning")),
        );

    let mut utf16 = vec![0xFF, 0xFE];
    utf16.extend("Hello there.".encode_utf16().flat_map(u16::to_le_bytes));
    let path = write(dir.path(), "wide.txt", &utf16);
    let output = sidenote(dir.path())
        .arg("segment")
        .arg(&path)
        .assert()
        .success()
        .stderr(predicate::str::contains("wide.txt").and(predicate::str::contains("UTF-16LE")))
        .get_output()
        .stdout
        .clone();
    let rows = rows(&output);
    assert_eq!(rows[0]["start"], 1);
    assert_eq!(rows[0]["end"], 13);
}

#[test]
fn errors_name_the_file_and_exit_non_zero() {
    let dir = TempDir::new().unwrap();
    let cases: Vec<(std::path::PathBuf, &str)> = vec![
        (dir.path().join("missing.txt"), "missing.txt"),
        (write(dir.path(), "empty.txt", b""), "empty"),
        (write(dir.path(), "blank.txt", b"  \n\n\t\n"), "empty"),
        (
            write(dir.path(), "image.txt", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"),
            "binary",
        ),
        (dir.path().to_owned(), "directory"),
    ];
    for (path, what) in cases {
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        sidenote(dir.path())
            .arg("segment")
            .arg(&path)
            .assert()
            .failure()
            .stdout("")
            .stderr(predicate::str::contains(name).and(predicate::str::contains(what)));
    }
}

#[test]
fn a_closed_pipe_is_not_an_error() {
    let dir = TempDir::new().unwrap();
    let text = "A sentence that repeats to fill a pipe. ".repeat(40_000);
    let path = write(dir.path(), "long.txt", text.as_bytes());
    let mut child = StdCommand::new(assert_cmd::cargo::cargo_bin("sidenote"))
        .env_clear()
        .env("SIDENOTE_DATA_DIR", dir.path().join("data"))
        .env("SIDENOTE_CONFIG_DIR", dir.path().join("config"))
        .arg("segment")
        .arg(&path)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdout = child.stdout.take().unwrap();
    let mut first = [0u8; 100];
    stdout.read_exact(&mut first).unwrap();
    drop(stdout);
    let mut stderr = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut stderr)
        .unwrap();
    let status = child.wait().unwrap();
    assert!(status.success(), "{status:?} {stderr}");
    assert_eq!(stderr, "");
}

#[test]
fn the_documented_example_holds() {
    let dir = TempDir::new().unwrap();
    let path = write(
        dir.path(),
        "report.txt",
        "\u{FEFF}Spy agency briefs lawmakers\r\nJanuary 13, 2025\r\n\r\nThe NIS said 300 soldiers died. Rep. Lee Seong-kweun\r\nagreed.\r\n".as_bytes(),
    );
    let docs = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/docs/article-format.md"
    ))
    .unwrap();
    let expected: String = docs
        .lines()
        .filter(|line| {
            line.starts_with("{\"index\":") && line.contains("lawmakers\"}")
                || line.contains("\"Rep. Lee")
                || line.contains("\"The NIS said 300")
        })
        .map(|line| format!("{line}\n"))
        .collect();
    assert_eq!(expected.lines().count(), 3, "the example is in the docs");
    sidenote(dir.path())
        .arg("segment")
        .arg(&path)
        .assert()
        .success()
        .stdout(expected);
}
