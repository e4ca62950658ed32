//! `sidenote list` given folders: the tagged articles inside them, like `export`.
#![allow(clippy::unwrap_used)]

#[path = "support/cli.rs"]
mod cli;

use std::fs;
use std::path::Path;

use cli::sidenote;
use serde_json::Value;
use sidenote::library::SAMPLES;

fn tag(home: &Path, article: &Path, sentence: &str, tag: &str) {
    sidenote(home)
        .arg("tag")
        .arg(article)
        .args(["--sentence", sentence, "--tag", tag])
        .assert()
        .success();
}

fn rows(stdout: &[u8]) -> Vec<Value> {
    String::from_utf8(stdout.to_vec())
        .unwrap()
        .lines()
        .map(|line| serde_json::from_str(line).unwrap())
        .collect()
}

#[test]
fn a_folder_lists_every_tagged_article_inside_it() {
    let home = tempfile::tempdir().unwrap();
    let library = home.path().join("library");
    fs::create_dir_all(library.join("nested")).unwrap();
    let first = library.join(SAMPLES[0].0);
    let second = library.join("nested").join(SAMPLES[1].0);
    let untagged = library.join(SAMPLES[2].0);
    for (path, (_, text)) in [
        (&first, SAMPLES[0]),
        (&second, SAMPLES[1]),
        (&untagged, SAMPLES[2]),
    ] {
        fs::write(path, text).unwrap();
    }
    tag(home.path(), &first, "2", "claim");
    tag(home.path(), &second, "3", "quote");
    tag(home.path(), &second, "5", "denial");

    let output = sidenote(home.path())
        .arg("list")
        .arg(&library)
        .output()
        .unwrap();
    assert!(output.status.success(), "{output:?}");
    let rows = rows(&output.stdout);
    let files: Vec<&str> = rows
        .iter()
        .map(|row| row["file"].as_str().unwrap())
        .collect();
    assert_eq!(
        files,
        [
            first.display().to_string(),
            second.display().to_string(),
            second.display().to_string()
        ]
    );
    let tags: Vec<&Value> = rows.iter().map(|row| &row["tags"][0]).collect();
    assert_eq!(tags, ["claim", "quote", "denial"]);

    // The same rows as naming the files one by one.
    let by_file = sidenote(home.path())
        .arg("list")
        .args([&first, &second])
        .output()
        .unwrap();
    assert_eq!(by_file.stdout, output.stdout);
}

#[test]
fn a_missing_folder_is_reported_and_the_rest_still_listed() {
    let home = tempfile::tempdir().unwrap();
    let article = home.path().join(SAMPLES[3].0);
    fs::write(&article, SAMPLES[3].1).unwrap();
    tag(home.path(), &article, "1", "claim");
    let missing = home.path().join("no-such-folder");
    let output = sidenote(home.path())
        .arg("list")
        .arg(&missing)
        .arg(home.path())
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(rows(&output.stdout).len(), 1);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("no-such-folder"), "{stderr}");
}
