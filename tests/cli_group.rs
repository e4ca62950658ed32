//! `sidenote group accept|dismiss|relabel|unlink` on real article files tagged through the command
//! line: what `compare` lists before and after, and what the sidecars hold.
#![allow(clippy::unwrap_used)]

#[path = "support/cli.rs"]
mod cli;

use std::fs;
use std::path::{Path, PathBuf};

use cli::sidenote;
use serde_json::Value;

/// Two outlets on one invented bridge collapse, every sentence after the title tagged a claim.
fn tagged(home: &Path) -> PathBuf {
    let dir = home.join("news");
    fs::create_dir_all(&dir).unwrap();
    let articles = [
        (
            "courier.txt",
            "Source: Courier\n\nBridge falls\n\nSeventeen people were injured when the Orsk footbridge collapsed on Sunday.\n\nEngineers had warned the council about rusted cables in March.\n",
        ),
        (
            "gazette.txt",
            "Source: Gazette\n\nOrsk bridge down\n\nThe Orsk footbridge collapsed on Sunday, injuring 17 people.\n\nThe council had been warned about rusted cables by engineers.\n",
        ),
    ];
    for (name, text) in articles {
        let path = dir.join(name);
        fs::write(&path, text).unwrap();
        for unit in ["2", "3"] {
            sidenote(home)
                .arg("tag")
                .arg(&path)
                .args(["--sentence", unit, "--tag", "claim"])
                .assert()
                .success();
        }
    }
    dir
}

fn compare(home: &Path, dir: &Path) -> Vec<Value> {
    let out = sidenote(home).arg("compare").arg(dir).output().unwrap();
    assert!(out.status.success(), "{out:?}");
    String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|line| serde_json::from_str(line).unwrap())
        .collect()
}

/// The group whose members' texts mention `word`.
fn group_about<'a>(groups: &'a [Value], word: &str) -> &'a Value {
    groups
        .iter()
        .find(|g| {
            g["members"]
                .as_array()
                .unwrap()
                .iter()
                .all(|m| m["text"].as_str().unwrap().contains(word))
        })
        .unwrap_or_else(|| panic!("no group about {word}: {groups:?}"))
}

fn group(home: &Path, args: &[&str], dir: &Path) -> assert_cmd::assert::Assert {
    sidenote(home).arg("group").args(args).arg(dir).assert()
}

fn sidecar_text(file: &Path) -> String {
    fs::read_to_string(sidenote::sidecar::path_for(file)).unwrap()
}

#[test]
fn accepting_relabelling_and_unlinking_a_group_from_the_command_line() {
    let home = tempfile::tempdir().unwrap();
    let dir = tagged(home.path());
    let before = compare(home.path(), &dir);
    let suggested = group_about(&before, "footbridge");
    assert_eq!(suggested["status"], "suggested");
    let id = suggested["id"].as_str().unwrap().to_owned();
    let untouched = fs::read(sidenote::sidecar::path_for(&dir.join("courier.txt"))).unwrap();

    // Accept under a label of our own: both members now carry the link.
    let out = group(home.path(), &["accept", &id, "--label", "17 injured"], &dir).success();
    let said = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    assert!(
        said.contains("linked \"17 injured\" in 2 articles"),
        "{said}"
    );
    let after = compare(home.path(), &dir);
    let linked = group_about(&after, "footbridge");
    assert_eq!(linked["status"], "linked");
    assert_eq!(linked["id"], id.as_str());
    assert_eq!(linked["label"], "17 injured");
    assert_eq!(linked["members"].as_array().unwrap().len(), 2);
    assert_ne!(
        fs::read(sidenote::sidecar::path_for(&dir.join("courier.txt"))).unwrap(),
        untouched
    );
    for file in ["courier.txt", "gazette.txt"] {
        let sidecar = sidecar_text(&dir.join(file));
        assert!(sidecar.contains("\"17 injured\""), "{sidecar}");
        assert!(sidecar.contains(&id), "{sidecar}");
    }

    // Accepting it again is refused: it is linked.
    let refused = group(home.path(), &["accept", &id], &dir).failure();
    let stderr = String::from_utf8(refused.get_output().stderr.clone()).unwrap();
    assert!(stderr.contains("linked already"), "{stderr}");

    group(home.path(), &["relabel", &id, "seventeen hurt"], &dir).success();
    assert_eq!(
        group_about(&compare(home.path(), &dir), "footbridge")["label"],
        "seventeen hurt"
    );

    // Unlinking the Gazette's member leaves the Courier's alone in the group.
    sidenote(home.path())
        .args(["group", "unlink", &id])
        .arg(dir.join("gazette.txt"))
        .assert()
        .success();
    let left = compare(home.path(), &dir);
    let linked: Vec<&Value> = left.iter().filter(|g| g["id"] == id.as_str()).collect();
    assert_eq!(linked.len(), 1, "{left:?}");
    let files: Vec<&str> = linked[0]["members"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["file"].as_str().unwrap())
        .collect();
    assert!(
        files.len() == 1 && files[0].ends_with("courier.txt"),
        "{files:?}"
    );
}

#[test]
fn a_dismissed_group_is_no_longer_suggested_nor_accepted() {
    let home = tempfile::tempdir().unwrap();
    let dir = tagged(home.path());
    let id = group_about(&compare(home.path(), &dir), "cables")["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let sidecars: Vec<Vec<u8>> = ["courier.txt", "gazette.txt"]
        .iter()
        .map(|f| fs::read(sidenote::sidecar::path_for(&dir.join(f))).unwrap())
        .collect();
    group(home.path(), &["dismiss", &id], &dir).success();
    let groups = compare(home.path(), &dir);
    assert!(groups.iter().all(|g| g["id"] != id.as_str()), "{groups:?}");
    let refused = group(home.path(), &["accept", &id], &dir).failure();
    let stderr = String::from_utf8(refused.get_output().stderr.clone()).unwrap();
    assert!(stderr.contains("no claim group"), "{stderr}");
    // A dismissal is kept in the data directory, never in a sidecar.
    for (file, before) in ["courier.txt", "gazette.txt"].iter().zip(sidecars) {
        assert_eq!(
            fs::read(sidenote::sidecar::path_for(&dir.join(file))).unwrap(),
            before
        );
    }
}

#[test]
fn unknown_ids_and_suggestions_are_refused_with_what_to_do() {
    let home = tempfile::tempdir().unwrap();
    let dir = tagged(home.path());
    for action in ["accept", "dismiss"] {
        let unknown = group(home.path(), &[action, "s-nothing"], &dir).failure();
        let stderr = String::from_utf8(unknown.get_output().stderr.clone()).unwrap();
        assert!(stderr.contains("no claim group s-nothing"), "{stderr}");
        assert!(stderr.contains("sidenote compare"), "{stderr}");
    }
    // A mistyped id is not kept as dismissed.
    assert!(
        !home
            .path()
            .join("data")
            .join("dismissed-groups.ron")
            .exists()
    );

    let id = group_about(&compare(home.path(), &dir), "footbridge")["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let relabel = group(home.path(), &["relabel", &id, "x"], &dir).failure();
    let stderr = String::from_utf8(relabel.get_output().stderr.clone()).unwrap();
    assert!(stderr.contains("is a suggestion"), "{stderr}");
    assert!(stderr.contains("group accept"), "{stderr}");
}
