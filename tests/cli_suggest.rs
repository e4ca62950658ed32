#![allow(clippy::unwrap_used)]
//! `sidenote suggest FILE...`: one JSON object per unit of each article in document order, the
//! offsets of `segment`, cue text equal to the article's text at the cue's offsets, readable text
//! output, no file written, and `segment`'s errors for files that cannot be read.

use std::path::Path;

use assert_cmd::Command;
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

/// Every file under `dir`, with its bytes.
fn listing(dir: &Path) -> Vec<(std::path::PathBuf, Vec<u8>)> {
    let mut all = Vec::new();
    let mut stack = vec![dir.to_owned()];
    while let Some(folder) = stack.pop() {
        for entry in std::fs::read_dir(&folder).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else {
                let bytes = std::fs::read(&path).unwrap();
                all.push((path, bytes));
            }
        }
    }
    all.sort();
    all
}

const STORY: &str = "\u{FEFF}Café owners ‘cannot pay rent’ this year\r\n\r\nRents rose 40 percent this year, \
     according to Rep. Ana Gil.\r\n“We cannot comment,” said Teo Park, a spokesman. He added that\r\n\
     talks go on.\r\n\r\nRelated article: Rents in Lima\r\n";

#[test]
fn prints_every_unit_with_segment_offsets_and_cues_at_their_text() {
    let dir = TempDir::new().unwrap();
    let path = write(dir.path(), "rent.txt", STORY.as_bytes());
    let before = listing(dir.path());
    let output = sidenote(dir.path())
        .arg("suggest")
        .arg(&path)
        .assert()
        .success()
        .stderr("")
        .get_output()
        .stdout
        .clone();
    assert_eq!(listing(dir.path()), before, "suggest wrote a file");
    let rows = rows(&output);
    let segment = sidenote(dir.path())
        .arg("segment")
        .arg(&path)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let units = self::rows(&segment);
    assert_eq!(rows.len(), units.len());
    let chars: Vec<char> = STORY.chars().collect();
    let slice = |start: &serde_json::Value, end: &serde_json::Value| -> String {
        chars[start.as_u64().unwrap() as usize..end.as_u64().unwrap() as usize]
            .iter()
            .collect()
    };
    for (row, unit) in rows.iter().zip(&units) {
        let mut keys: Vec<&str> = row
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect();
        keys.sort_unstable();
        assert_eq!(
            keys,
            [
                "cues", "end", "file", "index", "score", "speaker", "start", "tags", "text"
            ]
        );
        assert_eq!(row["file"], path.to_string_lossy().as_ref());
        for key in ["index", "start", "end", "text"] {
            assert_eq!(row[key], unit[key], "{key}");
        }
        for cue in row["cues"].as_array().unwrap() {
            assert_eq!(cue["text"], slice(&cue["start"], &cue["end"]).as_str());
            assert!(cue["start"].as_u64() >= row["start"].as_u64());
            assert!(cue["end"].as_u64() <= row["end"].as_u64());
        }
    }
    let summary: Vec<(String, String)> = rows
        .iter()
        .map(|row| (row["tags"].to_string(), row["speaker"].to_string()))
        .collect();
    let expected = [
        // A quotation nobody is named for has no speaker: quoting is not the outlet's own word.
        (r#"["quote"]"#, "null"),
        (r#"["claim"]"#, r#""Ana Gil""#),
        (r#"["quote","denial"]"#, r#""Teo Park""#),
        (r#"["claim"]"#, r#""Teo Park""#),
        ("[]", "null"),
    ];
    let expected: Vec<(String, String)> = expected
        .iter()
        .map(|(tags, speaker)| (tags.to_string(), speaker.to_string()))
        .collect();
    assert_eq!(summary, expected);
    assert_eq!(rows[4]["score"], 0.0);
    assert!(rows[2]["score"].as_f64().unwrap() > 0.9);
}

#[test]
fn several_files_come_in_the_order_given_and_text_reads_as_a_list() {
    let dir = TempDir::new().unwrap();
    let first = write(
        dir.path(),
        "b.txt",
        "The port closed after 3 ships sank.\n".as_bytes(),
    );
    let second = write(
        dir.path(),
        "a.txt",
        "Ferries have long run here.\n".as_bytes(),
    );
    let output = sidenote(dir.path())
        .args(["suggest"])
        .arg(&first)
        .arg(&second)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let files: Vec<String> = rows(&output)
        .iter()
        .map(|row| row["file"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(files, [first.to_string_lossy(), second.to_string_lossy()]);
    let text = sidenote(dir.path())
        .args(["suggest", "--format", "text"])
        .arg(&first)
        .arg(&second)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8(text).unwrap();
    let expected = format!(
        "{}\n0  claim (outlet) 0.80  The port closed after 3 ships sank.\n      cues: figure \"3\"\n{}\n0  -  Ferries have long run here.\n",
        first.display(),
        second.display()
    );
    assert_eq!(text, expected);
}

#[test]
fn unreadable_files_fail_as_segment_fails_and_the_others_still_print() {
    let dir = TempDir::new().unwrap();
    let good = write(dir.path(), "good.txt", b"The dam held.\n");
    let cases = [
        dir.path().join("missing.txt"),
        write(dir.path(), "empty.txt", b""),
        write(dir.path(), "blank.txt", b"  \n\n\t\n"),
        write(dir.path(), "image.txt", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"),
        dir.path().to_owned(),
    ];
    for path in cases {
        let segment = sidenote(dir.path())
            .arg("segment")
            .arg(&path)
            .assert()
            .failure()
            .get_output()
            .stderr
            .clone();
        assert!(!segment.is_empty());
        let suggest = sidenote(dir.path())
            .arg("suggest")
            .arg(&path)
            .arg(&good)
            .assert()
            .failure()
            .get_output()
            .clone();
        assert_eq!(
            String::from_utf8(suggest.stderr).unwrap(),
            String::from_utf8(segment).unwrap()
        );
        let printed = rows(&suggest.stdout);
        assert_eq!(printed.len(), 1);
        assert_eq!(printed[0]["text"], "The dam held.");
    }
}

#[test]
fn control_and_invisible_characters_in_cues_reach_no_terminal_raw() {
    let dir = TempDir::new().unwrap();
    let text = "\"We stay\u{202E} here \u{7}\u{9B}for 300 days,\" Lee said.\n";
    let path = write(dir.path(), "odd.txt", text.as_bytes());
    for format in ["json", "text"] {
        let output = sidenote(dir.path())
            .args(["suggest", "--format", format])
            .arg(&path)
            .assert()
            .success()
            .get_output()
            .stdout
            .clone();
        let printed = String::from_utf8(output).unwrap();
        for raw in ['\u{202E}', '\u{7}', '\u{9B}'] {
            assert!(!printed.contains(raw), "{format}: {raw:?} printed raw");
        }
        if format == "json" {
            // Escaped, the values read back as the article's text.
            let rows = rows(printed.as_bytes());
            let chars: Vec<char> = text.chars().collect();
            let cues = rows[0]["cues"].as_array().unwrap();
            assert!(
                cues.iter()
                    .any(|cue| cue["text"].as_str().unwrap().contains('\u{202E}'))
            );
            for cue in cues {
                let (start, end) = (
                    cue["start"].as_u64().unwrap() as usize,
                    cue["end"].as_u64().unwrap() as usize,
                );
                let slice: String = chars[start..end].iter().collect();
                assert_eq!(cue["text"], slice.as_str());
            }
        }
    }
}

#[test]
fn the_documented_example_holds() {
    let dir = TempDir::new().unwrap();
    let text = "Rents rose 40 percent this year, according to Rep. Ana Gil.\n“We cannot comment,” said Teo Park, a spokesman.\n";
    write(dir.path(), "rent.txt", text.as_bytes());
    let docs =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/suggest.md")).unwrap();
    let documented = docs
        .lines()
        .find(|line| line.trim_start().starts_with("{\"file\":\"rent.txt\""))
        .unwrap()
        .trim()
        .to_owned();
    let output = sidenote(dir.path())
        .current_dir(dir.path())
        .args(["suggest", "rent.txt"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let printed = String::from_utf8(output).unwrap();
    assert_eq!(printed.lines().nth(1).unwrap(), documented);
}
