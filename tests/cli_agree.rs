//! `sidenote agree` on coders' copies in temp folders, tagged with `sidenote tag`.
#![allow(clippy::unwrap_used)]

use std::fs;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use serde_json::Value;
use sidenote::agreement::{Figures, Ratings};
use sidenote::library::SAMPLES;

struct Team {
    dir: tempfile::TempDir,
}

impl Team {
    /// A copy of the first `articles` sample articles for each of `coders`.
    fn new(coders: &[&str], articles: usize) -> Team {
        let team = Team {
            dir: tempfile::tempdir().unwrap(),
        };
        for coder in coders {
            let copy = team.copy(coder);
            fs::create_dir_all(copy.join("news")).unwrap();
            for (name, text) in &SAMPLES[..articles] {
                fs::write(copy.join("news").join(name), text).unwrap();
            }
        }
        team
    }

    fn copy(&self, coder: &str) -> PathBuf {
        self.dir.path().join(coder)
    }

    fn article(&self, coder: &str, index: usize) -> PathBuf {
        self.copy(coder).join("news").join(SAMPLES[index].0)
    }

    fn sidenote(&self, user: &str) -> Command {
        let mut command = Command::new(env!("CARGO_BIN_EXE_sidenote"));
        command
            .env_clear()
            .env("SIDENOTE_DATA_DIR", self.dir.path().join("data"))
            .env("SIDENOTE_CONFIG_DIR", self.dir.path().join("config"))
            .env("USER", user);
        command
    }

    /// Tags `units` (a unit, or a first and last) of article `article` in `coder`'s copy.
    fn tag(&self, coder: &str, article: usize, units: &[&str], tag: &str) {
        self.sidenote(coder)
            .arg("tag")
            .arg(self.article(coder, article))
            .args(["--sentence", units[0]])
            .args(units.get(1).map(|to| ["--to", to]).into_iter().flatten())
            .args(["--tag", tag])
            .assert()
            .success();
    }

    fn agree(&self, coders: &[&str], format: &str) -> assert_cmd::assert::Assert {
        self.sidenote("anyone")
            .arg("agree")
            .args(coders.iter().map(|c| self.copy(c)))
            .args(["--format", format])
            .assert()
    }

    /// What `agree` prints in `format` for `coders`' copies, which must succeed.
    fn stdout(&self, coders: &[&str], format: &str) -> Vec<u8> {
        self.agree(coders, format)
            .success()
            .get_output()
            .stdout
            .clone()
    }

    fn json(&self, coders: &[&str]) -> Vec<Value> {
        lines(&self.stdout(coders, "json"))
    }
}

fn lines(out: &[u8]) -> Vec<Value> {
    String::from_utf8(out.to_vec())
        .unwrap()
        .lines()
        .map(|line| serde_json::from_str(line).unwrap())
        .collect()
}

fn units_of(path: &Path) -> usize {
    sidenote::library::read_article(path).unwrap().units().len()
}

fn find<'a>(rows: &'a [Value], kind: &str, tag: &str, file: Option<&str>) -> &'a Value {
    rows.iter()
        .find(|row| {
            row["kind"] == kind
                && row["tag"] == tag
                && file.is_none_or(|file| row["file"].as_str().unwrap().ends_with(file))
        })
        .unwrap()
}

/// The figures the core gives for a two-coder table of `units` units with the tag at `first`
/// and at `second`.
fn expected(units: usize, first: &[usize], second: &[usize]) -> Figures {
    let rows: Vec<Vec<Option<u16>>> = (0..units)
        .map(|u| {
            vec![
                Some(u16::from(first.contains(&u))),
                Some(u16::from(second.contains(&u))),
            ]
        })
        .collect();
    Figures::of(&Ratings::from_rows(2, 2, &rows))
}

fn assert_figures(row: &Value, figures: &Figures) {
    assert_eq!(row["units"], figures.units);
    for (name, figure) in [
        ("percent_agreement", figures.percent_agreement),
        ("krippendorff_alpha", figures.krippendorff_alpha),
        ("fleiss_kappa", figures.fleiss_kappa),
        ("gwet_ac1", figures.gwet_ac1),
        ("cohen_kappa", figures.cohen_kappa),
    ] {
        match figure.value() {
            Some(value) => assert!(
                (row[name].as_f64().unwrap() - value).abs() < 1e-12,
                "{name}"
            ),
            None => assert!(
                row[name].is_null() && row["undefined"][name].is_string(),
                "{name}"
            ),
        }
    }
}

#[test]
fn two_coders_get_per_article_and_total_figures_and_their_differences() {
    let team = Team::new(&["alice", "bob"], 2);
    team.tag("alice", 0, &["2", "3"], "claim");
    team.tag("bob", 0, &["2"], "claim");
    team.tag("bob", 0, &["4"], "claim");
    team.tag("alice", 1, &["1"], "quote");
    team.tag("bob", 1, &["1"], "quote");
    let rows = team.json(&["alice", "bob"]);
    let (n0, n1) = (
        units_of(&team.article("alice", 0)),
        units_of(&team.article("alice", 1)),
    );

    let claim = find(&rows, "article", "claim", Some(SAMPLES[0].0));
    assert_figures(claim, &expected(n0, &[2, 3], &[2, 4]));
    let percent = claim["percent_agreement"].as_f64().unwrap();
    assert!((percent - (n0 - 2) as f64 / n0 as f64).abs() < 1e-12);

    let quote = find(&rows, "article", "quote", Some(SAMPLES[1].0));
    assert_eq!(quote["krippendorff_alpha"], 1.0);
    assert_eq!(quote["cohen_kappa"], 1.0);

    // Nobody tagged a denial: the kappas and alpha are 0/0, said so with a reason.
    let denial = find(&rows, "total", "denial", None);
    assert!(denial["krippendorff_alpha"].is_null());
    assert!(denial["undefined"]["krippendorff_alpha"].is_string());
    assert_eq!(denial["percent_agreement"], 1.0);

    // The whole set is both articles' units in one table, articles in path order.
    let first_file = rows.iter().find(|r| r["kind"] == "article").unwrap()["file"].clone();
    let offset = if first_file.as_str().unwrap().ends_with(SAMPLES[0].0) {
        0
    } else {
        n1
    };
    let total = find(&rows, "total", "claim", None);
    assert_figures(
        total,
        &expected(
            n0 + n1,
            &[offset + 2, offset + 3],
            &[offset + 2, offset + 4],
        ),
    );
    assert_eq!(total["coders"][0]["author"], "alice");

    let differences: Vec<(u64, Vec<Value>)> = rows
        .iter()
        .filter(|row| row["kind"] == "difference")
        .map(|row| {
            (
                row["unit"].as_u64().unwrap(),
                row["tags"].as_array().unwrap().clone(),
            )
        })
        .collect();
    assert_eq!(
        differences,
        vec![
            (3, vec![serde_json::json!(["claim"]), serde_json::json!([])]),
            (4, vec![serde_json::json!([]), serde_json::json!(["claim"])]),
        ]
    );
}

#[test]
fn speakers_named_on_units_both_coders_tagged_get_their_own_figures_and_differences() {
    let team = Team::new(&["alice", "bob"], 1);
    let speak = |coder: &str, unit: &str, speaker: &str| {
        team.sidenote(coder)
            .arg("tag")
            .arg(team.article(coder, 0))
            .args(["--sentence", unit, "--tag", "claim"])
            .args(
                (!speaker.is_empty())
                    .then_some(["--speaker", speaker])
                    .into_iter()
                    .flatten(),
            )
            .assert()
            .success();
    };
    speak("alice", "2", "NIS");
    speak("bob", "2", "nis ");
    speak("alice", "3", "Lee Seong-kweun");
    speak("bob", "3", "outlet");
    speak("bob", "4", "");
    let rows = team.json(&["alice", "bob"]);

    // Units 2 and 3 were tagged by both; unit 4 by Bob only (rated by one coder); the speakers
    // are numbered in order of first use: none, nis, lee seong-kweun, outlet.
    let table = Ratings::from_rows(
        2,
        4,
        &[
            vec![Some(1), Some(1)],
            vec![Some(2), Some(3)],
            vec![None, Some(0)],
        ],
    );
    let expected = Figures::of(&table);
    for scope in ["article", "total"] {
        let file = (scope == "article").then_some(SAMPLES[0].0);
        let speaker = find(&rows, scope, "speaker", file);
        assert_figures(speaker, &expected);
        assert_eq!(speaker["percent_agreement"], 0.5);
    }

    let differences: Vec<&Value> = rows.iter().filter(|r| r["kind"] == "difference").collect();
    let units: Vec<u64> = differences
        .iter()
        .map(|r| r["unit"].as_u64().unwrap())
        .collect();
    assert_eq!(units, vec![3, 4], "NIS and nis are one speaker");
    assert_eq!(differences[0]["disputed"], serde_json::json!(["speaker"]));
    assert_eq!(
        differences[0]["speakers"],
        serde_json::json!(["Lee Seong-kweun", "outlet"]),
        "as each coder wrote it"
    );
    assert_eq!(differences[1]["disputed"], serde_json::json!(["claim"]));

    let text = String::from_utf8(team.stdout(&["alice", "bob"], "text")).unwrap();
    assert!(text.contains("unit 3 (speaker)"), "{text}");
    assert!(
        text.contains("1: claim (said by Lee Seong-kweun)"),
        "{text}"
    );
    assert!(text.contains("  speaker "), "{text}");
    let csv = String::from_utf8(team.stdout(&["alice", "bob"], "csv")).unwrap();
    assert!(
        csv.lines().any(|line| line.starts_with("total,,speaker,")),
        "{csv}"
    );
}

#[test]
fn without_speakers_there_is_no_speaker_row() {
    let team = Team::new(&["alice", "bob"], 1);
    team.tag("alice", 0, &["2"], "claim");
    team.tag("bob", 0, &["2"], "claim");
    let rows = team.json(&["alice", "bob"]);
    assert!(rows.iter().all(|row| row["tag"] != "speaker"));
    assert!(rows.iter().all(|row| row.get("speakers").is_none()));
}

#[test]
fn an_article_missing_from_one_copy_is_not_coded_by_that_coder() {
    let team = Team::new(&["alice", "bob", "carol"], 2);
    fs::remove_file(team.article("carol", 1)).unwrap();
    team.tag("alice", 1, &["1"], "claim");
    team.tag("bob", 1, &["1"], "claim");
    let rows = team.json(&["alice", "bob", "carol"]);
    let claim = find(&rows, "article", "claim", Some(SAMPLES[1].0));
    let n1 = units_of(&team.article("alice", 1));
    assert_eq!(claim["units"], n1);
    assert_eq!(claim["pairable_units"], n1);
    assert_eq!(claim["krippendorff_alpha"], 1.0);
    assert!(
        claim["cohen_kappa"].is_null(),
        "three coders: no Cohen's kappa"
    );
}

#[test]
fn text_and_csv_carry_the_same_figures() {
    let team = Team::new(&["alice", "bob"], 1);
    team.tag("alice", 0, &["2"], "claim");
    let rows = team.json(&["alice", "bob"]);
    let total = find(&rows, "total", "claim", None);
    let csv = team.stdout(&["alice", "bob"], "csv");
    let mut reader = csv::Reader::from_reader(csv.as_slice());
    let headers = reader.headers().unwrap().clone();
    let records: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    let row = records
        .iter()
        .find(|r| &r[0] == "total" && &r[2] == "claim")
        .unwrap();
    for (name, cell) in headers.iter().zip(row.iter()).skip(5) {
        let value: f64 = cell.parse().unwrap();
        assert!(
            (value - total[name].as_f64().unwrap()).abs() < 1e-12,
            "{name}"
        );
    }
    let text = team.stdout(&["alice", "bob"], "text");
    let text = String::from_utf8(text).unwrap();
    let percent = total["percent_agreement"].as_f64().unwrap();
    assert!(text.contains(&format!("{percent:.4}")), "{text}");
    assert!(text.contains("unit 2 (claim)"), "{text}");
}

#[test]
fn an_unreadable_sidecar_is_named_and_fails_the_run_without_hiding_the_rest() {
    let team = Team::new(&["alice", "bob"], 2);
    team.tag("alice", 0, &["1"], "claim");
    team.tag("bob", 0, &["1"], "claim");
    let sidecar = sidenote::sidecar::path_for(&team.article("bob", 1));
    fs::write(&sidecar, "(version: 1, oops").unwrap();
    let assert = team.agree(&["alice", "bob"], "json").failure();
    let output = assert.get_output();
    assert!(String::from_utf8_lossy(&output.stderr).contains("annotations.ron"));
    let rows = lines(&output.stdout);
    let claim = find(&rows, "article", "claim", Some(SAMPLES[0].0));
    assert_eq!(claim["krippendorff_alpha"], 1.0);
    assert_eq!(fs::read_to_string(&sidecar).unwrap(), "(version: 1, oops");
}

#[test]
fn the_coder_named_in_config_signs_the_copy_and_names_it_in_agree() {
    let team = Team::new(&["copy-1", "copy-2"], 1);
    let config = team.dir.path().join("config");
    fs::create_dir_all(&config).unwrap();
    fs::write(
        config.join("config.ron"),
        "(author: Some(\"Ana\"), coder: Some(\"ana-coder\"))",
    )
    .unwrap();
    let tag = |copy: &str| {
        team.sidenote("login")
            .arg("tag")
            .arg(team.article(copy, 0))
            .args(["--sentence", "1", "--tag", "claim"])
            .assert()
            .success();
    };
    tag("copy-1");
    fs::write(config.join("config.ron"), "(coder: Some(\"ben-coder\"))").unwrap();
    tag("copy-2");
    let rows = team.json(&["copy-1", "copy-2"]);
    let total = find(&rows, "total", "claim", None);
    assert_eq!(total["coders"][0]["author"], "ana-coder");
    assert_eq!(total["coders"][1]["author"], "ben-coder");
    assert!(
        total["coders"][0]["copy"]
            .as_str()
            .unwrap()
            .ends_with("copy-1")
    );
}
