//! Claim links on real sidecars: linking annotations of two articles makes a linked group that
//! `sidenote compare` reports; a relabel reaches every member's sidecar through the locked save;
//! an unlink takes one out; a file with links is written as format 3, so an older sidenote reads
//! it read-only instead of dropping the links; a file without links stays format 1.
#![allow(clippy::unwrap_used)]

#[path = "support/cli.rs"]
mod cli;

use std::fs;
use std::path::{Path, PathBuf};

use cli::sidenote;
use serde_json::Value;
use sidenote::annotation::ClaimLink;
use sidenote::claims::links;
use sidenote::library::claims::edit_links;
use time::macros::datetime;

/// Two articles, each with its first sentence tagged; returns the files and annotation ids.
fn two_articles(home: &Path) -> Vec<(PathBuf, String)> {
    let texts = [
        (
            "a.txt",
            "Source: Alpha\n\nThe bridge in Tarn closed on Friday for repairs.\n",
        ),
        (
            "b.txt",
            "Source: Beta\n\nGarden parties are back in fashion this summer.\n",
        ),
    ];
    texts
        .iter()
        .map(|(name, text)| {
            let path = home.join(name);
            fs::write(&path, text).unwrap();
            sidenote(home)
                .arg("tag")
                .arg(&path)
                .args(["--sentence", "1", "--tag", "claim"])
                .assert()
                .success();
            let sidecar = sidenote::sidecar::load(&path).unwrap().unwrap();
            (path, sidecar.annotations[0].id.clone())
        })
        .collect()
}

fn sidecar_text(path: &Path) -> String {
    fs::read_to_string(sidenote::sidecar::path_for(path)).unwrap()
}

fn compare(home: &Path, files: &[PathBuf]) -> Vec<Value> {
    let output = sidenote(home).arg("compare").args(files).output().unwrap();
    assert!(output.status.success(), "{output:?}");
    String::from_utf8(output.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

#[test]
fn a_person_links_relabels_and_unlinks_across_sidecars() {
    let home = tempfile::tempdir().unwrap();
    let articles = two_articles(home.path());
    let files: Vec<PathBuf> = articles.iter().map(|(p, _)| p.clone()).collect();
    // Unrelated sentences: nothing is suggested.
    assert_eq!(compare(home.path(), &files), Vec::<Value>::new());
    assert!(sidecar_text(&files[0]).contains("version: 1,"));

    let now = datetime!(2025-02-01 09:00 UTC);
    let link = ClaimLink {
        id: "g-bridge".into(),
        label: "bridge closed".into(),
    };
    for (path, id) in &articles {
        let changed =
            edit_links(path, |list| links::link(list, &[id.as_str()], &link, now)).unwrap();
        assert!(changed);
    }
    let text = sidecar_text(&files[0]);
    assert!(text.contains("version: 3,"), "{text}");
    assert!(text.contains("groups: [\n                (\n                    id: \"g-bridge\",\n                    label: \"bridge closed\",\n"), "{text}");
    let found = compare(home.path(), &files);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0]["status"], "linked");
    assert_eq!(found[0]["label"], "bridge closed");
    assert_eq!(found[0]["members"].as_array().unwrap().len(), 2);

    for (path, _) in &articles {
        edit_links(path, |list| {
            links::relabel(list, "g-bridge", "Tarn bridge shut", now)
        })
        .unwrap();
    }
    for path in &files {
        assert!(sidecar_text(path).contains("label: \"Tarn bridge shut\""));
    }
    assert_eq!(compare(home.path(), &files)[0]["label"], "Tarn bridge shut");

    let (path, id) = &articles[1];
    assert!(
        edit_links(path, |list| links::unlink(
            list,
            &[id.as_str()],
            "g-bridge",
            now
        ))
        .unwrap()
    );
    assert!(sidecar_text(path).contains("version: 1,"));
    let found = compare(home.path(), &files);
    assert_eq!(found[0]["members"].as_array().unwrap().len(), 1);
    // Tagging keeps the link: the tag command's save merges it in.
    sidenote(home.path())
        .arg("tag")
        .arg(&files[0])
        .args(["--sentence", "1", "--tag", "quote"])
        .assert()
        .success();
    assert!(sidecar_text(&files[0]).contains("g-bridge"));
}

#[test]
fn every_export_carries_the_groups() {
    let home = tempfile::tempdir().unwrap();
    let articles = two_articles(home.path());
    let now = datetime!(2025-02-01 09:00 UTC);
    let link = ClaimLink {
        id: "g-bridge".into(),
        label: "bridge closed".into(),
    };
    for (path, id) in &articles {
        edit_links(path, |list| links::link(list, &[id.as_str()], &link, now)).unwrap();
    }
    for format in ["json", "jsonl", "csv", "markdown", "w3c"] {
        let output = sidenote(home.path())
            .arg("export")
            .args(["--format", format])
            .arg(&articles[0].0)
            .arg(&articles[1].0)
            .output()
            .unwrap();
        assert!(output.status.success(), "{format}: {output:?}");
        let text = String::from_utf8(output.stdout).unwrap();
        assert!(text.contains("g-bridge"), "{format}: {text}");
        assert!(text.contains("bridge closed"), "{format}: {text}");
    }
}
