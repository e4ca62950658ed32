//! `sidenote changes` on real files in temp directories: tags made with `sidenote tag`, the
//! article edited afterwards, and the changed tags read back as JSON Lines or text, with the exit
//! status scripts rely on.
#![allow(clippy::unwrap_used)]

use std::fs;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use serde_json::Value;
use sidenote::library::SAMPLES;
use sidenote::sidecar;

/// A sample article tagged on units 4, 6 and 8 by the command line, in a temp folder.
struct Env {
    dir: tempfile::TempDir,
    article: PathBuf,
}

const FIGURE_OLD: &str = "more than 10,000 troops";
const FIGURE_NEW: &str = "more than 12,000 troops";

impl Env {
    fn new() -> Env {
        let dir = tempfile::tempdir().unwrap();
        fs::create_dir(dir.path().join("news")).unwrap();
        let (name, text) = SAMPLES
            .iter()
            .find(|(name, _)| name.starts_with("kremlin"))
            .copied()
            .unwrap();
        let article = dir.path().join("news").join(name);
        fs::write(&article, text).unwrap();
        let env = Env { dir, article };
        for (unit, tag) in [("4", "claim"), ("6", "quote"), ("8", "denial")] {
            env.sidenote()
                .args(["tag", "-q"])
                .arg(&env.article)
                .args(["--sentence", unit, "--tag", tag])
                .assert()
                .success();
        }
        env
    }

    fn sidenote(&self) -> Command {
        let mut command = Command::new(env!("CARGO_BIN_EXE_sidenote"));
        command
            .env_clear()
            .env("SIDENOTE_DATA_DIR", self.data())
            .env("SIDENOTE_CONFIG_DIR", self.dir.path().join("config"))
            .env("USER", "login-name");
        command
    }

    fn data(&self) -> PathBuf {
        self.dir.path().join("data")
    }

    fn edit(&self, from: &str, to: &str) {
        let text = fs::read_to_string(&self.article).unwrap();
        assert!(text.contains(from), "{from:?} not in the sample");
        fs::write(&self.article, text.replacen(from, to, 1)).unwrap();
    }

    fn changes(&self, paths: &[&Path], format: &str) -> (Option<i32>, String, String) {
        let output = self
            .sidenote()
            .arg("changes")
            .args(paths)
            .args(["--format", format])
            .output()
            .unwrap();
        (
            output.status.code(),
            String::from_utf8(output.stdout).unwrap(),
            String::from_utf8(output.stderr).unwrap(),
        )
    }

    fn rows(&self) -> (Option<i32>, Vec<Value>) {
        let (code, out, _) = self.changes(&[&self.article], "json");
        let rows = out
            .lines()
            .map(|line| serde_json::from_str(line).unwrap())
            .collect();
        (code, rows)
    }
}

fn unit_text(path: &Path, unit: usize) -> String {
    let text = fs::read_to_string(path).unwrap();
    let article = sidenote::article::Article::parse("a.txt", text.as_bytes()).unwrap();
    article.unit_text(unit).unwrap().into_owned()
}

#[test]
fn an_unchanged_article_lists_nothing_and_exits_0() {
    let env = Env::new();
    let (code, rows) = env.rows();
    assert_eq!(code, Some(0));
    assert!(rows.is_empty(), "{rows:?}");
}

#[test]
fn a_changed_figure_is_listed_as_fuzzy_with_the_figure_standing_out() {
    let env = Env::new();
    let old = unit_text(&env.article, 8);
    env.edit(FIGURE_OLD, FIGURE_NEW);
    let (code, rows) = env.rows();
    assert_eq!(code, Some(0), "a placed tag is no failure");
    assert_eq!(rows.len(), 1, "{rows:?}");
    let row = &rows[0];
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
            "diff",
            "file",
            "first_unit",
            "highlights",
            "id",
            "last_unit",
            "new_text",
            "old_text",
            "score",
            "status"
        ]
    );
    assert_eq!(row["status"], "fuzzy");
    assert_eq!(row["old_text"], old.as_str());
    assert_eq!(row["new_text"], old.replace("10,000", "12,000").as_str());
    assert_eq!(row["first_unit"], 8);
    assert_eq!(row["last_unit"], 8);
    assert!(row["score"].as_f64().unwrap() > 0.9);
    assert_eq!(row["highlights"][0], "10,000 -> 12,000");
    let removed: Vec<&Value> = row["diff"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|piece| piece["op"] == "removed")
        .collect();
    assert_eq!(removed.len(), 1);
    assert_eq!(removed[0]["text"], "10,000");
    assert_eq!(removed[0]["notable"], true);
}

#[test]
fn a_tag_kept_as_an_orphan_is_listed_as_orphaned_and_exits_1() {
    let env = Env::new();
    let old = unit_text(&env.article, 8);
    env.edit(FIGURE_OLD, FIGURE_NEW);
    // Someone kept the tag on the changed figure as an orphan in the review.
    let sidecar_path = sidecar::path_for(&env.article);
    let text = fs::read_to_string(&sidecar_path).unwrap();
    let at = text.find("last_unit: 8,\n").unwrap() + "last_unit: 8,\n".len();
    let kept = format!(
        "{}                kept_orphan: true,\n{}",
        &text[..at],
        &text[at..]
    )
    .replacen("version: 1,", "version: 4,", 1);
    fs::write(&sidecar_path, kept).unwrap();
    let (code, rows) = env.rows();
    assert_eq!(code, Some(1), "{rows:?}");
    assert_eq!(rows.len(), 1, "{rows:?}");
    assert_eq!(rows[0]["status"], "orphaned");
    assert_eq!(rows[0]["old_text"], old.as_str());
    assert_eq!(rows[0]["new_text"], Value::Null);
}

#[test]
fn a_deleted_sentence_is_orphaned_and_exits_1() {
    let env = Env::new();
    let gone = unit_text(&env.article, 4);
    env.edit(&gone, "");
    let (code, rows) = env.rows();
    assert_eq!(code, Some(1));
    let orphan = rows.iter().find(|row| row["status"] == "orphaned").unwrap();
    assert_eq!(orphan["old_text"], gone.as_str());
    assert_eq!(orphan["new_text"], Value::Null);
    assert_eq!(orphan["first_unit"], Value::Null);
    assert_eq!(orphan["score"], Value::Null);
    // The tags after it only moved: listed, with their text unchanged.
    let moved: Vec<&Value> = rows.iter().filter(|row| row["status"] == "moved").collect();
    assert_eq!(moved.len(), 2, "{rows:?}");
    for row in moved {
        assert_eq!(row["old_text"], row["new_text"]);
        assert_eq!(row["score"], 1.0);
    }
}

#[test]
fn a_folder_stands_for_its_tagged_articles() {
    let env = Env::new();
    env.edit(FIGURE_OLD, FIGURE_NEW);
    let untagged = env.dir.path().join("news").join("other.txt");
    fs::write(&untagged, "Title\n\nNothing tagged here.\n").unwrap();
    let (code, out, err) = env.changes(&[&env.dir.path().join("news")], "json");
    assert_eq!(code, Some(0), "{err}");
    assert_eq!(out.lines().count(), 1, "{out}");
    assert!(out.contains("kremlin"));
}

#[test]
fn an_unreadable_sidecar_exits_2_and_the_other_files_are_still_listed() {
    let env = Env::new();
    env.edit(FIGURE_OLD, FIGURE_NEW);
    let broken = env.dir.path().join("broken.txt");
    fs::write(&broken, "Title\n\nOne sentence.\n").unwrap();
    fs::write(sidecar::path_for(&broken), "(version: 1, fingerprint: (").unwrap();
    let (code, out, err) = env.changes(&[&broken, &env.article], "json");
    assert_eq!(code, Some(2));
    assert!(err.contains("broken.txt.annotations.ron"), "{err}");
    assert_eq!(out.lines().count(), 1, "{out}");
}

#[test]
fn a_missing_file_exits_2() {
    let env = Env::new();
    let (code, _, err) = env.changes(&[&env.dir.path().join("nope.txt")], "json");
    assert_eq!(code, Some(2));
    assert!(err.contains("nope.txt"), "{err}");
}

#[test]
fn the_text_form_sums_up_and_shows_the_sentences_added_and_removed() {
    let env = Env::new();
    let gone = unit_text(&env.article, 4);
    env.edit(&gone, "A sentence written in its place.");
    env.edit(FIGURE_OLD, FIGURE_NEW);
    let (code, out, _) = env.changes(&[&env.article], "text");
    assert_eq!(code, Some(1));
    assert!(
        out.contains("1 tag changed wording, 1 lost its sentence"),
        "{out}"
    );
    assert!(out.contains("[-10,000-]{+12,000+}"), "{out}");
    assert!(out.contains("changed: 10,000 -> 12,000"), "{out}");
    assert!(out.contains(&format!("was: {gone}")), "{out}");
    // The text tagged was kept by `tag` in the data directory: whole-article changes show.
    assert!(out.contains("2 sentences removed, 2 added"), "{out}");
    assert!(out.contains(&format!("    - {gone}")), "{out}");
    assert!(out.contains("A sentence written in its place."), "{out}");
}

#[test]
fn without_the_kept_text_the_tags_are_still_reported() {
    let env = Env::new();
    fs::remove_dir_all(env.data().join("tagged-texts")).unwrap();
    env.edit(FIGURE_OLD, FIGURE_NEW);
    let (code, out, _) = env.changes(&[&env.article], "text");
    assert_eq!(code, Some(0));
    assert!(out.contains("[-10,000-]{+12,000+}"), "{out}");
    assert!(!out.contains("sentences removed"), "{out}");
}

#[test]
fn help_documents_the_exit_status() {
    let env = Env::new();
    let out = env.sidenote().args(["changes", "--help"]).output().unwrap();
    let help = String::from_utf8(out.stdout).unwrap();
    assert!(help.contains("1 when any is orphaned"), "{help}");
    assert!(help.contains("2 on an error"), "{help}");
}

#[test]
fn every_export_carries_the_status_and_the_old_text_of_an_orphan_after_an_edit() {
    let env = Env::new();
    let gone = unit_text(&env.article, 4);
    env.edit(&gone, "");
    env.edit(FIGURE_OLD, FIGURE_NEW);
    for format in ["json", "jsonl", "csv", "markdown", "w3c"] {
        let output = env
            .sidenote()
            .arg("export")
            .arg(&env.article)
            .args(["--format", format])
            .output()
            .unwrap();
        assert!(output.status.success(), "{format}: {output:?}");
        let out = String::from_utf8(output.stdout).unwrap();
        assert!(
            out.contains(&gone),
            "{format} lost the orphan's text:\n{out}"
        );
        assert!(
            out.contains("orphaned"),
            "{format} has no orphaned status:\n{out}"
        );
        assert!(
            out.contains("fuzzy"),
            "{format} has no fuzzy status:\n{out}"
        );
    }
    let folder = env.dir.path().join("brat");
    env.sidenote()
        .arg("export")
        .arg(&env.article)
        .args(["--format", "brat", "-o"])
        .arg(&folder)
        .assert()
        .success();
    let orphans: String = fs::read_dir(&folder)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.to_string_lossy().ends_with(".orphaned.jsonl"))
        .map(|path| fs::read_to_string(path).unwrap())
        .collect();
    assert!(orphans.contains(&gone), "brat: {orphans}");
    assert!(orphans.contains("orphaned"), "brat: {orphans}");
}

#[test]
fn escape_sequences_in_an_article_never_reach_the_terminal() {
    let env = Env::new();
    let article = env.dir.path().join("hostile.txt");
    let sentence = "The minister said \u{1b}]52;c;ZXZpbA==\u{7} that 300 died \u{1b}[2J today.";
    fs::write(&article, format!("Title\n\n{sentence} Another one here.\n")).unwrap();
    env.sidenote()
        .args(["tag", "-q"])
        .arg(&article)
        .args(["--sentence", "1", "--tag", "claim"])
        .assert()
        .success();
    let edited = sentence.replace("300", "\u{1b}[31m400");
    fs::write(&article, format!("Title\n\n{edited} A new one here.\n")).unwrap();
    for format in ["json", "text"] {
        let (code, out, _) = env.changes(&[&article], format);
        assert_eq!(code, Some(0), "{format}: {out}");
        assert!(out.contains("400"), "{format}: {out}");
        let control = out.chars().find(|&c| c.is_control() && c != '\n');
        assert_eq!(control, None, "{format}: {out:?}");
    }
}
