//! `sidenote tag`, `untag` and `list` on real files in temp directories, with the user's config
//! and data directories replaced by temp ones.
#![allow(clippy::unwrap_used)]

use std::fs;
use std::path::PathBuf;

use assert_cmd::Command;
use predicates::prelude::*;
use predicates::str::contains;
use serde_json::Value;
use sidenote::library::SAMPLES;
use sidenote::sidecar;

struct Env {
    dir: tempfile::TempDir,
    article: PathBuf,
}

impl Env {
    fn new() -> Env {
        let dir = tempfile::tempdir().unwrap();
        let (name, text) = SAMPLES[3];
        let article = dir.path().join(name);
        fs::write(&article, text).unwrap();
        Env { dir, article }
    }

    fn sidenote(&self) -> Command {
        let mut command = Command::new(env!("CARGO_BIN_EXE_sidenote"));
        command
            .env_clear()
            .env("SIDENOTE_DATA_DIR", self.dir.path().join("data"))
            .env("SIDENOTE_CONFIG_DIR", self.dir.path().join("config"))
            .env("USER", "login-name");
        command
    }

    fn run(&self, args: &[&str]) -> assert_cmd::assert::Assert {
        let (verb, rest) = args.split_first().unwrap();
        self.sidenote()
            .arg(verb)
            .arg(&self.article)
            .args(rest)
            .assert()
    }

    fn list(&self) -> Vec<Value> {
        let out = self.run(&["list"]).success().get_output().stdout.clone();
        String::from_utf8(out)
            .unwrap()
            .lines()
            .map(|line| serde_json::from_str(line).unwrap())
            .collect()
    }

    fn sidecar_bytes(&self) -> Option<Vec<u8>> {
        fs::read(sidecar::path_for(&self.article)).ok()
    }
}

#[test]
fn tag_then_list_prints_every_key() {
    let env = Env::new();
    env.run(&[
        "tag",
        "--sentence",
        "4",
        "--tag",
        "claim",
        "--note",
        "line one\n\"two\" é",
    ])
    .success();
    let rows = env.list();
    assert_eq!(rows.len(), 1);
    let row = rows[0].as_object().unwrap();
    let mut keys: Vec<&str> = row.keys().map(String::as_str).collect();
    keys.sort();
    assert_eq!(
        keys,
        [
            "author",
            "created",
            "end",
            "file",
            "first_unit",
            "id",
            "last_unit",
            "modified",
            "note",
            "speaker",
            "start",
            "status",
            "tags",
            "text"
        ]
    );
    assert_eq!(row["file"], env.article.display().to_string());
    assert_eq!(row["first_unit"], 4);
    assert_eq!(row["last_unit"], 4);
    assert_eq!(row["tags"], serde_json::json!(["claim"]));
    assert_eq!(row["note"], "line one\n\"two\" é");
    assert_eq!(row["author"], "login-name");
    assert_eq!(row["speaker"], Value::Null);
    assert_eq!(row["status"], "anchored");
    assert!(
        time::OffsetDateTime::parse(
            row["created"].as_str().unwrap(),
            &time::format_description::well_known::Rfc3339
        )
        .is_ok()
    );

    // start, end and text agree with `sidenote segment`.
    let out = env.run(&["segment"]).success().get_output().stdout.clone();
    let unit: Value =
        serde_json::from_str(String::from_utf8(out).unwrap().lines().nth(4).unwrap()).unwrap();
    assert_eq!(row["start"], unit["start"]);
    assert_eq!(row["end"], unit["end"]);
    assert_eq!(row["text"], unit["text"]);
}

#[test]
fn a_speaker_is_given_with_a_tag_changed_alone_cleared_and_listed() {
    let env = Env::new();
    env.run(&[
        "tag",
        "--sentence",
        "4",
        "--tag",
        "claim",
        "--speaker",
        "NIS",
    ])
    .success()
    .stderr(contains("unit 4 tagged claim (now: claim); speaker: NIS"));
    assert_eq!(env.list()[0]["speaker"], "NIS");
    let text = String::from_utf8(env.sidecar_bytes().unwrap()).unwrap();
    assert!(text.contains("version: 2,"), "{text}");

    // Without --tag: only the speaker changes.
    env.run(&["tag", "--sentence", "4", "--speaker", "Lee Seong-kweun"])
        .success()
        .stderr(contains("unit 4; speaker: Lee Seong-kweun"));
    let rows = env.list();
    assert_eq!(rows[0]["speaker"], "Lee Seong-kweun");
    assert_eq!(rows[0]["tags"], serde_json::json!(["claim"]));

    // An empty name clears it, and the sidecar goes back to format 1.
    env.run(&["tag", "--sentence", "4", "--speaker", ""])
        .success()
        .stderr(contains("unit 4; no speaker"));
    assert_eq!(env.list()[0]["speaker"], Value::Null);
    let text = String::from_utf8(env.sidecar_bytes().unwrap()).unwrap();
    assert!(
        text.contains("version: 1,") && !text.contains("speaker"),
        "{text}"
    );

    // A unit without an annotation has no speaker to set; nothing is written.
    let before = env.sidecar_bytes();
    env.run(&["tag", "--sentence", "6", "--speaker", "NIS"])
        .failure()
        .stderr(contains("unit 6 of").and(contains("has no annotation")));
    assert_eq!(env.sidecar_bytes(), before);
    // Neither --tag nor --speaker: nothing to do.
    env.run(&["tag", "--sentence", "6"]).failure();
    // --to and --note need a tag.
    env.run(&["tag", "--sentence", "4", "--to", "5", "--speaker", "NIS"])
        .failure();
    assert_eq!(env.sidecar_bytes(), before);
}

#[test]
fn tagging_an_annotated_unit_adds_to_its_annotation() {
    let env = Env::new();
    env.run(&["tag", "--sentence", "5", "--to", "7", "--tag", "quote"])
        .success();
    env.run(&["tag", "--sentence", "6", "--tag", "denial"])
        .success();
    env.run(&["tag", "--sentence", "6", "--tag", "denial"])
        .success();
    let rows = env.list();
    assert_eq!(rows.len(), 1);
    assert_eq!(
        (rows[0]["first_unit"].clone(), rows[0]["last_unit"].clone()),
        (5.into(), 7.into())
    );
    assert_eq!(rows[0]["tags"], serde_json::json!(["denial", "quote"]));
}

#[test]
fn a_note_given_to_tag_joins_the_notes_it_meets_and_never_replaces_them() {
    let env = Env::new();
    env.run(&[
        "tag",
        "--sentence",
        "4",
        "--tag",
        "claim",
        "--note",
        "first",
    ])
    .success();
    env.run(&[
        "tag",
        "--sentence",
        "6",
        "--tag",
        "claim",
        "--note",
        "second",
    ])
    .success();
    let join = [
        "tag",
        "--sentence",
        "3",
        "--to",
        "9",
        "--tag",
        "claim",
        "--note",
        "X",
    ];
    env.run(&join).success();
    let rows = env.list();
    assert_eq!(rows.len(), 1);
    assert_eq!(
        (rows[0]["first_unit"].clone(), rows[0]["last_unit"].clone()),
        (3.into(), 9.into())
    );
    assert_eq!(rows[0]["note"], "first\nsecond\nX");
    // The same command again adds nothing; another note goes after the others.
    env.run(&join).success();
    env.run(&["tag", "--sentence", "5", "--tag", "claim", "--note", "Y"])
        .success();
    assert_eq!(env.list()[0]["note"], "first\nsecond\nX\nY");
}

#[test]
fn a_range_that_would_spread_a_tag_is_refused_and_writes_nothing() {
    let env = Env::new();
    env.run(&[
        "tag",
        "--sentence",
        "5",
        "--to",
        "6",
        "--tag",
        "quote",
        "--note",
        "kept",
    ])
    .success();
    let before = env.sidecar_bytes();
    env.run(&[
        "tag",
        "--sentence",
        "4",
        "--to",
        "5",
        "--tag",
        "claim",
        "--note",
        "X",
    ])
    .failure()
    .stderr(contains("units 5-6 are one annotation (quote)"));
    assert_eq!(env.sidecar_bytes(), before);
}

#[test]
fn untag_removes_one_tag_or_the_whole_annotation() {
    let env = Env::new();
    env.run(&["tag", "--sentence", "2", "--tag", "claim"])
        .success();
    env.run(&["tag", "--sentence", "2", "--tag", "quote", "--note", "n"])
        .success();
    env.run(&["tag", "--sentence", "3", "--tag", "denial"])
        .success();
    env.run(&["untag", "--sentence", "2", "--tag", "claim"])
        .success();
    let rows = env.list();
    assert_eq!(rows[0]["tags"], serde_json::json!(["quote"]));
    env.run(&["untag", "--sentence", "2"]).success();
    let rows = env.list();
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0]["first_unit"], 3);
}

#[test]
fn the_author_comes_from_the_config_file() {
    let env = Env::new();
    let config = env.dir.path().join("config");
    fs::create_dir_all(&config).unwrap();
    fs::write(config.join("config.ron"), "(author: Some(\"Ana Lee\"))").unwrap();
    env.run(&["tag", "--sentence", "2", "--tag", "claim"])
        .success();
    assert_eq!(env.list()[0]["author"], "Ana Lee");
}

#[test]
fn without_login_variables_the_author_is_the_account_name() {
    let env = Env::new();
    let account = std::process::Command::new("id")
        .arg("-un")
        .output()
        .unwrap();
    let account = String::from_utf8(account.stdout).unwrap().trim().to_owned();
    env.sidenote()
        .env_remove("USER")
        .args(["tag", "--sentence", "2", "--tag", "claim"])
        .arg(&env.article)
        .assert()
        .success();
    assert_eq!(env.list()[0]["author"], account.as_str());
}

#[test]
fn failures_exit_non_zero_name_the_problem_and_write_nothing() {
    let env = Env::new();
    env.run(&["tag", "--sentence", "2", "--tag", "claim"])
        .success();
    let before = env.sidecar_bytes().unwrap();
    let cases: [(&[&str], &str); 7] = [
        (
            &["tag", "--sentence", "2", "--tag", "rumour"],
            "unknown tag 'rumour'",
        ),
        (
            &["tag", "--sentence", "999", "--tag", "claim"],
            "--sentence 999 is out of range",
        ),
        (
            &["tag", "--sentence", "2", "--to", "999", "--tag", "claim"],
            "--to 999 is out of range",
        ),
        (
            &["tag", "--sentence", "5", "--to", "3", "--tag", "claim"],
            "is before --sentence",
        ),
        (&["untag", "--sentence", "3"], "has no annotation"),
        (
            &["untag", "--sentence", "2", "--tag", "quote"],
            "has no quote tag (it has: claim)",
        ),
        (&["untag", "--sentence", "999"], "out of range"),
    ];
    for (args, message) in cases {
        env.run(args).failure().stderr(contains(message));
        assert_eq!(env.sidecar_bytes().unwrap(), before, "{args:?}");
    }
    let missing = env.dir.path().join("missing.txt");
    env.sidenote()
        .args(["tag", "--sentence", "1", "--tag", "claim"])
        .arg(&missing)
        .assert()
        .failure()
        .stderr(contains("missing.txt"));
    assert!(!sidecar::path_for(&missing).exists());
}

#[test]
fn a_failed_command_creates_no_sidecar() {
    let env = Env::new();
    env.run(&["untag", "--sentence", "3"]).failure();
    env.run(&["tag", "--sentence", "999", "--tag", "claim"])
        .failure();
    assert_eq!(env.sidecar_bytes(), None);
}

#[test]
fn list_reports_statuses_after_the_article_changes() {
    let env = Env::new();
    let text = fs::read_to_string(&env.article).unwrap();
    let out = env.run(&["segment"]).success().get_output().stdout.clone();
    let units: Vec<Value> = String::from_utf8(out)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    // Tag three long sentences; then change a word in one, delete another, and insert a
    // paragraph near the top so the third moves.
    let long: Vec<usize> = (4..units.len())
        .filter(|&i| units[i]["text"].as_str().unwrap().len() > 80)
        .take(3)
        .collect();
    for &unit in &long {
        env.run(&["tag", "--sentence", &unit.to_string(), "--tag", "claim"])
            .success();
    }
    let source = |i: usize| units[i]["text"].as_str().unwrap().to_owned();
    let (fuzzy, orphan) = (source(long[0]), source(long[1]));
    let word = fuzzy.split(' ').find(|w| w.len() > 5).unwrap();
    let edited = text
        .replacen(&fuzzy, &fuzzy.replacen(word, "REPLACED", 1), 1)
        .replacen(&orphan, "", 1)
        .replacen(
            "January 13, 2025",
            "January 13, 2025\n\nA paragraph added later.",
            1,
        );
    fs::write(&env.article, edited).unwrap();

    let rows = env.list();
    assert_eq!(rows.len(), 3);
    let status = |text: &str| {
        rows.iter()
            .find(|r| r["text"].as_str().unwrap().contains(text))
            .map(|r| (r["status"].as_str().unwrap().to_owned(), r["score"].clone()))
            .unwrap()
    };
    let (fuzzy_status, score) = status("REPLACED");
    assert_eq!(fuzzy_status, "fuzzy");
    assert!(score.as_f64().unwrap() >= 0.8);
    assert_eq!(status(&orphan).0, "orphaned");
    assert_eq!(status(&source(long[2])).0, "moved");
    let orphan_row = rows.iter().find(|r| r["status"] == "orphaned").unwrap();
    assert_eq!(orphan_row["first_unit"], Value::Null);
    assert_eq!(orphan_row["start"], Value::Null);
}

#[test]
fn list_reads_several_files_and_reports_the_bad_ones() {
    let env = Env::new();
    env.run(&["tag", "--sentence", "2", "--tag", "claim"])
        .success();
    let other = env.dir.path().join("other.txt");
    fs::write(&other, SAMPLES[0].1).unwrap();
    let missing = env.dir.path().join("missing.txt");
    let out = env
        .sidenote()
        .arg("list")
        .arg(&env.article)
        .arg(&missing)
        .arg(&other)
        .assert()
        .failure()
        .stderr(contains("missing.txt"))
        .get_output()
        .stdout
        .clone();
    assert_eq!(String::from_utf8(out).unwrap().lines().count(), 1);
}

#[test]
fn tag_and_untag_say_what_they_did_unless_quiet() {
    let env = Env::new();
    let said = |args: &[&str]| {
        let output = env.run(args).success().get_output().clone();
        assert!(output.stdout.is_empty(), "stdout stays for data");
        String::from_utf8(output.stderr).unwrap()
    };
    let name = env.article.display().to_string();
    assert_eq!(
        said(&["tag", "--sentence", "2", "--to", "3", "--tag", "claim"]),
        format!("sidenote: {name}: units 2-3 tagged claim (now: claim)\n")
    );
    assert_eq!(
        said(&[
            "tag",
            "--sentence",
            "2",
            "--tag",
            "quote",
            "--note",
            "check"
        ]),
        format!("sidenote: {name}: units 2-3 tagged quote (now: claim, quote); note added\n")
    );
    assert_eq!(
        said(&["untag", "--sentence", "3", "--tag", "claim"]),
        format!("sidenote: {name}: claim removed from units 2-3 (now: quote)\n")
    );
    assert_eq!(
        said(&["untag", "--sentence", "2"]),
        format!("sidenote: {name}: the annotation on units 2-3 removed (quote, its note)\n")
    );
    assert_eq!(
        said(&["tag", "--sentence", "4", "--tag", "denial", "-q"]),
        ""
    );
    assert_eq!(said(&["untag", "--sentence", "4", "--quiet"]), "");
    assert!(env.list().is_empty());
}
