//! Each export format read back with an independent parser and compared field by field with the
//! sidecars of a tagged copy of the sample library; every exported quote must be the article's
//! text at the exported offsets, in code points and in UTF-16 units.
#![allow(clippy::unwrap_used)]

#[path = "export_support/check.rs"]
mod check;
#[allow(dead_code)]
#[path = "export_support/fixture.rs"]
mod fixture;

use std::collections::{BTreeMap, BTreeSet};

use assert_cmd::Command;
use check::{Expected, expected, rfc3339, text_at};
use pretty_assertions::assert_eq;
use serde_json::Value;

fn export(library: &fixture::Library, args: &[&str]) -> Vec<u8> {
    let output = Command::cargo_bin("sidenote")
        .unwrap()
        .env("SIDENOTE_DATA_DIR", library.dir.path().join("data"))
        .env("SIDENOTE_CONFIG_DIR", library.dir.path().join("config"))
        .arg("export")
        .arg(&library.root)
        .args(args)
        .output()
        .unwrap();
    assert!(output.status.success(), "{output:?}");
    output.stdout
}

/// Checks one exported annotation (as JSON) against the sidecar.
fn check_record(record: &Value, expected: &Expected, utf16: bool) {
    let a = &expected.annotation;
    assert_eq!(
        record["file"].as_str().unwrap_or(&expected.file),
        expected.file
    );
    let tags: Vec<&str> = a.tags.iter().map(|t| t.name()).collect();
    let got: Vec<&str> = record["tags"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t.as_str().unwrap())
        .collect();
    assert_eq!(got, tags);
    assert_eq!(record["note"], a.note.as_str());
    assert_eq!(record["author"], a.author.as_str());
    if a.speaker.is_empty() {
        assert!(record["speaker"].is_null(), "{record}");
    } else {
        assert_eq!(record["speaker"], a.speaker.as_str());
    }
    assert_eq!(record["created"], rfc3339(a.created).as_str());
    assert_eq!(record["modified"], rfc3339(a.modified).as_str());
    assert_eq!(record["status"], expected.status);
    let anchor: sidenote::annotation::Anchor =
        serde_json::from_value(record["anchor"].clone()).unwrap();
    assert_eq!(anchor, a.anchor);
    let text = record["text"].as_str().unwrap();
    if expected.status == "orphaned" {
        assert_eq!(text, a.anchor.exact);
        assert_eq!(record["first_unit"], a.anchor.first_unit);
        if utf16 {
            assert!(record["start"].is_null() && record["end"].is_null());
        } else {
            assert_eq!(record["start"], a.anchor.start);
            assert_eq!(record["end"], a.anchor.end);
        }
    } else {
        let start = record["start"].as_u64().unwrap() as usize;
        let end = record["end"].as_u64().unwrap() as usize;
        assert_eq!(text_at(&expected.file, start, end, utf16), text);
    }
}

#[test]
fn json_holds_every_sidecar_field_and_the_text_at_its_offsets() {
    let library = fixture::tagged_library();
    let expected = expected(&library.root);
    for utf16 in [false, true] {
        let offsets = if utf16 { "utf16" } else { "code-points" };
        let out = export(&library, &["--format", "json", "--offsets", offsets]);
        let document: Value = serde_json::from_slice(&out).unwrap();
        let articles = document["articles"].as_array().unwrap();
        assert_eq!(articles.len(), library.articles().len());
        let mut seen = BTreeSet::new();
        for article in articles {
            let file = article["file"].as_str().unwrap();
            for record in article["annotations"].as_array().unwrap() {
                let id = record["id"].as_str().unwrap();
                let want = &expected[id];
                assert_eq!(file, want.file);
                check_record(record, want, utf16);
                assert!(seen.insert(id.to_owned()));
            }
        }
        assert_eq!(seen, expected.keys().cloned().collect());
    }
    assert!(expected.values().any(|e| e.status == "orphaned"));
    assert!(
        expected
            .values()
            .any(|e| e.annotation.note == fixture::HARD_NOTE)
    );
}

#[test]
fn json_lines_are_self_contained_annotations() {
    let library = fixture::tagged_library();
    let expected = expected(&library.root);
    for utf16 in [false, true] {
        let offsets = if utf16 { "utf16" } else { "code-points" };
        let out =
            String::from_utf8(export(&library, &["-f", "jsonl", "--offsets", offsets])).unwrap();
        let mut seen = BTreeSet::new();
        for line in out.lines() {
            let record: Value = serde_json::from_str(line).unwrap();
            let id = record["id"].as_str().unwrap();
            check_record(&record, &expected[id], utf16);
            assert!(record["title"].is_string());
            assert!(seen.insert(id.to_owned()));
        }
        assert_eq!(seen, expected.keys().cloned().collect());
    }
}

#[test]
fn csv_has_one_row_per_annotation_and_tag() {
    let library = fixture::tagged_library();
    let expected = expected(&library.root);
    for utf16 in [false, true] {
        let offsets = if utf16 { "utf16" } else { "code-points" };
        let out = export(&library, &["--format", "csv", "--offsets", offsets]);
        let mut reader = csv::Reader::from_reader(out.as_slice());
        let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
        assert_eq!(
            header.join(","),
            "file,title,date,date_iso,source,annotation_id,first_unit,last_unit,start,end,tag,text,note,\
             author,created,modified,status,speaker"
        );
        let mut tags: BTreeMap<String, Vec<String>> = BTreeMap::new();
        for record in reader.deserialize::<BTreeMap<String, String>>() {
            let row = record.unwrap();
            let want = &expected[&row["annotation_id"]];
            let a = &want.annotation;
            assert_eq!(row["file"], want.file);
            assert_eq!(row["note"], a.note);
            assert_eq!(row["author"], a.author);
            assert_eq!(row["speaker"], a.speaker);
            assert_eq!(row["created"], rfc3339(a.created));
            assert_eq!(row["modified"], rfc3339(a.modified));
            assert_eq!(row["status"], want.status);
            if want.status == "orphaned" {
                assert_eq!(row["text"], a.anchor.exact);
                let offsets = (row["start"].as_str(), row["end"].as_str());
                if utf16 {
                    assert_eq!(offsets, ("", ""));
                } else {
                    let stored = (a.anchor.start.to_string(), a.anchor.end.to_string());
                    assert_eq!(offsets, (stored.0.as_str(), stored.1.as_str()));
                }
            } else {
                let start = row["start"].parse().unwrap();
                let end = row["end"].parse().unwrap();
                assert_eq!(text_at(&want.file, start, end, utf16), row["text"]);
            }
            tags.entry(row["annotation_id"].clone())
                .or_default()
                .push(row["tag"].clone());
        }
        for (id, want) in &expected {
            let names: Vec<String> = match want.annotation.tags.as_slice() {
                [] => vec![String::new()],
                t => t.iter().map(|t| t.name().to_owned()).collect(),
            };
            assert_eq!(tags[id], names, "{id}");
        }
    }
}

#[test]
fn csv_bom_is_only_a_prefix_and_lines_end_in_crlf() {
    let library = fixture::tagged_library();
    let plain = export(&library, &["--format", "csv"]);
    let bom = export(&library, &["--format", "csv", "--bom"]);
    assert_eq!(&bom[..3], b"\xEF\xBB\xBF");
    assert_eq!(&bom[3..], plain.as_slice());
    assert!(plain.starts_with(b"file,title,"));
    assert!(plain.windows(2).any(|w| w == b"\r\n"));
    let header_end = plain.iter().position(|&b| b == b'\n').unwrap();
    assert_eq!(plain[header_end - 1], b'\r');
}

#[test]
fn markdown_counts_every_tag_and_escapes_article_text() {
    let library = fixture::tagged_library();
    let expected = expected(&library.root);
    let out = String::from_utf8(export(&library, &["--format", "markdown"])).unwrap();
    let count = |tag: &str| {
        expected
            .values()
            .filter(|e| e.annotation.tags.iter().any(|t| t.name() == tag))
            .count()
    };
    let total = format!(
        "| **Total** | {} | {} | {} | {} |",
        count("claim"),
        count("denial"),
        count("quote"),
        expected.len()
    );
    assert!(out.contains(&total), "{out}");
    assert!(out.contains(r"\*falsch\* \| sagt \# 1") || out.contains(r"\*falsch\* \| sagt \#1"));
    assert!(!out.contains('\u{1b}'));
    assert!(out.contains("orphaned: no longer found in the article"));
    for line in fixture::HARD_NOTE.lines() {
        let first_word = line.split_whitespace().next().unwrap();
        assert!(out.contains(first_word), "{first_word}");
    }
}

#[test]
fn brat_spans_point_at_the_text_copy_and_orphans_are_kept() {
    let library = fixture::tagged_library();
    let expected = expected(&library.root);
    let out = library.dir.path().join("brat");
    Command::cargo_bin("sidenote")
        .unwrap()
        .env("SIDENOTE_DATA_DIR", library.dir.path().join("data"))
        .args(["export", "--format", "brat", "-o"])
        .arg(&out)
        .arg(&library.root)
        .assert()
        .success();
    let conf = std::fs::read_to_string(out.join("annotation.conf")).unwrap();
    assert!(conf.starts_with("[entities]\nClaim\nDenial\nQuote\nNote\n"));
    let mut entities = 0;
    let mut orphans = BTreeSet::new();
    for article in library.articles() {
        let stem = article.file_stem().unwrap().to_string_lossy().into_owned();
        // brat reads text with universal newlines, so the copy has LF line ends and nothing
        // else changed.
        let copy = std::fs::read_to_string(out.join(format!("{stem}.txt"))).unwrap();
        let decoded = sidenote::library::read_article(&article).unwrap();
        let lf = decoded.text().replace("\r\n", "\n").replace('\r', "\n");
        assert_eq!(copy, lf);
        let chars: Vec<char> = copy.chars().collect();
        let ann = std::fs::read_to_string(out.join(format!("{stem}.ann"))).unwrap();
        let mut notes = BTreeMap::new();
        let mut speakers = BTreeMap::new();
        for line in ann.lines() {
            let fields: Vec<&str> = line.split('\t').collect();
            if line.starts_with('T') {
                entities += 1;
                let (kind, spans) = fields[1].split_once(' ').unwrap();
                assert!(["Claim", "Denial", "Quote", "Note"].contains(&kind));
                let pieces: Vec<String> = spans
                    .split(';')
                    .map(|span| {
                        let (start, end) = span.split_once(' ').unwrap();
                        let (start, end): (usize, usize) =
                            (start.parse().unwrap(), end.parse().unwrap());
                        let piece: String = chars[start..end].iter().collect();
                        assert!(!piece.contains('\n'), "{piece:?}");
                        piece
                    })
                    .collect();
                assert_eq!(pieces.join(" "), fields[2]);
            } else if line.starts_with('#') {
                match fields[2].strip_prefix("Speaker: ") {
                    Some(speaker) => speakers.insert(fields[1].to_owned(), speaker.to_owned()),
                    None => notes.insert(fields[1].to_owned(), fields[2].to_owned()),
                };
            }
        }
        for note in notes.values() {
            let matching = expected.values().any(|e| {
                e.annotation.note.split_whitespace().collect::<Vec<_>>()
                    == note.split_whitespace().collect::<Vec<_>>()
            });
            assert!(matching, "{note}");
        }
        for (on, speaker) in &speakers {
            assert!(
                expected.values().any(|e| &e.annotation.speaker == speaker),
                "{on}: {speaker}"
            );
        }
        let orphaned = out.join(format!("{stem}.orphaned.jsonl"));
        if let Ok(text) = std::fs::read_to_string(orphaned) {
            for line in text.lines() {
                let record: Value = serde_json::from_str(line).unwrap();
                orphans.insert(record["id"].as_str().unwrap().to_owned());
            }
        }
    }
    let want_orphans: BTreeSet<String> = expected
        .iter()
        .filter(|(_, e)| e.status == "orphaned")
        .map(|(id, _)| id.clone())
        .collect();
    assert_eq!(orphans, want_orphans);
    let placed_tags: usize = expected
        .values()
        .filter(|e| e.status != "orphaned")
        .map(|e| e.annotation.tags.len().max(1))
        .sum();
    assert_eq!(entities, placed_tags);
}

#[test]
#[ignore = "writes the tagged library to EXPORT_FIXTURE_DIR for a look by hand"]
fn dump_fixture() {
    let library = fixture::tagged_library();
    let target = std::path::PathBuf::from(std::env::var("EXPORT_FIXTURE_DIR").unwrap());
    std::fs::create_dir_all(&target).unwrap();
    for entry in std::fs::read_dir(&library.root).unwrap() {
        let path = entry.unwrap().path();
        std::fs::copy(&path, target.join(path.file_name().unwrap())).unwrap();
    }
}

#[test]
fn the_export_module_stays_pure() {
    // Exports are values in, text out: the command line and the reading screen do the I/O.
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = vec![dir.join("export.rs")];
    for entry in std::fs::read_dir(dir.join("export")).unwrap() {
        files.push(entry.unwrap().path());
    }
    assert!(files.len() > 6);
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap();
        for banned in [
            "std::fs",
            "ratatui",
            "crossterm",
            "io::stdout",
            "io::stderr",
            "clap",
            "std::env",
        ] {
            assert!(!text.contains(banned), "{} uses {banned}", file.display());
        }
    }
}
