//! `sidenote compare`: claim groups across real article files tagged through the command line,
//! as JSON Lines, CSV and Markdown, with conflicts, outlets and dismissed suggestions.
#![allow(clippy::unwrap_used)]

#[path = "support/cli.rs"]
mod cli;

use std::fs;
use std::path::{Path, PathBuf};

use cli::sidenote;
use serde_json::Value;

const ARTICLES: [(&str, &str); 3] = [
    (
        "wire.txt",
        "Source: Wire Service\n\nFlood toll rises in the valley\n\nAt least 40 people were killed and some 120 injured when the Marren river flooded the valley on Tuesday.\n\nThe mayor of Velden ordered the evacuation of the old town.\n\nThe weather will stay dry tomorrow.\n",
    ),
    (
        "daily.txt",
        "Source: The Daily\n\nValley floods\n\nAs many as 40 people died and 120 were hurt as the Marren burst its banks.\n\nVelden's mayor ordered the old town evacuated overnight.\n\nShops reopened in the capital.\n",
    ),
    (
        "herald.txt",
        "Source: Herald\n\nMarren floods\n\nAround 25 people were killed and 120 injured in the Marren floods, officials said.\n\nSchools will reopen next week in the north.\n",
    ),
];

/// Writes the three articles into `dir` and tags every sentence but the titles as claims.
fn library(home: &Path) -> PathBuf {
    let dir = home.join("library");
    fs::create_dir_all(&dir).unwrap();
    for (name, text) in ARTICLES {
        let path = dir.join(name);
        fs::write(&path, text).unwrap();
        let units = sidenote(home).arg("segment").arg(&path).output().unwrap();
        let count = String::from_utf8(units.stdout).unwrap().lines().count();
        for unit in 2..count {
            sidenote(home)
                .arg("tag")
                .arg(&path)
                .args(["--sentence", &unit.to_string(), "--tag", "claim"])
                .assert()
                .success();
        }
    }
    dir
}

/// What `sidenote compare DIR ARGS...` gives, success or not.
fn compare(home: &Path, dir: &Path, args: &[&str]) -> std::process::Output {
    sidenote(home)
        .arg("compare")
        .arg(dir)
        .args(args)
        .output()
        .unwrap()
}

fn groups(stdout: &[u8]) -> Vec<Value> {
    String::from_utf8(stdout.to_vec())
        .unwrap()
        .lines()
        .map(|line| serde_json::from_str(line).unwrap())
        .collect()
}

fn files_of(group: &Value) -> Vec<String> {
    let mut files: Vec<String> = group["members"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| {
            Path::new(m["file"].as_str().unwrap())
                .file_name()
                .unwrap()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    files.sort();
    files.dedup();
    files
}

#[test]
fn json_lines_give_the_groups_with_members_and_the_conflicting_figures() {
    let home = tempfile::tempdir().unwrap();
    let dir = library(home.path());
    let output = compare(home.path(), &dir, &[]);
    assert!(output.status.success(), "{output:?}");
    let found = groups(&output.stdout);
    let killed = found.iter().find(|g| g["quantity"] == "killed").unwrap();
    assert_eq!(killed["status"], "suggested");
    assert_eq!(killed["label"], "40 killed");
    assert_eq!(files_of(killed), ["daily.txt", "herald.txt", "wire.txt"]);
    let member = &killed["members"][0];
    for field in ["file", "index", "start", "end", "text", "tags", "speaker"] {
        assert!(!member[field].is_null(), "{field} in {member}");
    }
    let conflict = &killed["conflicts"][0];
    assert_eq!(conflict["quantity"], "killed");
    assert_eq!(conflict["kind"], "figures");
    let values: Vec<f64> = conflict["sides"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["value"].as_f64().unwrap())
        .collect();
    assert_eq!(values, [25.0, 40.0]);
    assert_eq!(
        conflict["sides"][1]["members"][0]["wording"],
        "As many as 40"
    );

    // 120 injured everywhere, in other words: a group, and no conflict.
    let injured = found.iter().find(|g| g["quantity"] == "injured").unwrap();
    assert_eq!(files_of(injured), ["daily.txt", "herald.txt", "wire.txt"]);
    assert!(
        injured["conflicts"]
            .as_array()
            .unwrap()
            .iter()
            .all(|c| c["kind"] != "figures")
    );

    // The evacuation, in other words and without a figure.
    let wording = found.iter().find(|g| g["quantity"].is_null()).unwrap();
    assert_eq!(files_of(wording), ["daily.txt", "wire.txt"]);
    // Unrelated sentences are in no group.
    let all = String::from_utf8(output.stdout).unwrap();
    assert!(
        !all.contains("weather") && !all.contains("Schools"),
        "{all}"
    );
}

#[test]
fn csv_and_markdown_print_the_matrix_with_one_column_per_outlet() {
    let home = tempfile::tempdir().unwrap();
    let dir = library(home.path());
    let csv = compare(home.path(), &dir, &["--format", "csv"]);
    let csv = String::from_utf8(csv.stdout).unwrap();
    let lines: Vec<&str> = csv.lines().collect();
    // Articles in path order: daily, herald, wire.
    assert_eq!(lines[0], "id,status,label,The Daily,Herald,Wire Service");
    let killed = lines.iter().find(|l| l.contains(",40 killed,")).unwrap();
    assert!(
        killed.ends_with(",C As many as 40,! C Around 25,C At least 40"),
        "{killed}"
    );

    let markdown = compare(home.path(), &dir, &["--format", "markdown"]);
    let markdown = String::from_utf8(markdown.stdout).unwrap();
    assert!(
        markdown.starts_with(
            "| group | status | The Daily | Herald | Wire Service |\n|---|---|---|---|---|\n"
        ),
        "{markdown}"
    );
    assert!(
        markdown.contains(
            "| 40 killed | suggested | C As many as 40 | ! C Around 25 | C At least 40 |"
        ),
        "{markdown}"
    );
}

#[test]
fn a_dismissed_suggestion_stays_away() {
    let home = tempfile::tempdir().unwrap();
    let dir = library(home.path());
    let output = compare(home.path(), &dir, &[]);
    let found = groups(&output.stdout);
    let killed = found.iter().find(|g| g["quantity"] == "killed").unwrap();
    let id = killed["id"].as_str().unwrap().to_owned();
    sidenote::claim_dismissals::dismiss(&home.path().join("data"), std::slice::from_ref(&id))
        .unwrap();
    let again = compare(home.path(), &dir, &[]);
    let again = groups(&again.stdout);
    assert_eq!(again.len(), found.len() - 1);
    assert!(again.iter().all(|g| g["id"] != id.as_str()));
}

#[test]
fn a_broken_sidecar_is_named_and_the_rest_compared() {
    let home = tempfile::tempdir().unwrap();
    let dir = library(home.path());
    fs::write(
        dir.join("herald.txt.annotations.ron"),
        "(version: 1, fingerprint: (",
    )
    .unwrap();
    let output = compare(home.path(), &dir, &[]);
    assert!(!output.status.success());
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(stderr.contains("herald.txt.annotations.ron"), "{stderr}");
    let found = groups(&output.stdout);
    let killed = found.iter().find(|g| g["quantity"] == "killed").unwrap();
    assert_eq!(files_of(killed), ["daily.txt", "wire.txt"]);
}
