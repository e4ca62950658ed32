//! Two sidenote processes tagging the same article at the same time lose nothing of each other's.
#![allow(clippy::unwrap_used)]

use std::fs;
use std::path::Path;
use std::process::Command;

use sidenote::annotation::{AnnotationSet, Tag};
use sidenote::article::Article;
use sidenote::sidecar;

/// An article of `count` one-sentence paragraphs, so every paragraph is one unit.
fn article(dir: &Path, count: usize) -> std::path::PathBuf {
    let text: String = (0..count)
        .map(|n| format!("Paragraph {n} reports that the figure number {n} was confirmed.\n\n"))
        .collect();
    let path = dir.join("report.txt");
    fs::write(&path, text).unwrap();
    path
}

fn tag(dir: &Path, article: &Path, unit: usize, tag: &str) {
    let status = Command::new(env!("CARGO_BIN_EXE_sidenote"))
        .env_clear()
        .env("SIDENOTE_DATA_DIR", dir.join("data"))
        .env("SIDENOTE_CONFIG_DIR", dir.join("config"))
        .env("USER", "tester")
        .args(["tag", "--sentence", &unit.to_string(), "--tag", tag])
        .arg(article)
        .status()
        .unwrap();
    assert!(status.success(), "tagging unit {unit} failed");
}

fn tags_by_unit(article: &Path) -> Vec<Vec<Tag>> {
    let parsed = Article::parse("report.txt", &fs::read(article).unwrap()).unwrap();
    let loaded = sidecar::load(article).unwrap().unwrap();
    let set = AnnotationSet::new(&parsed, loaded.annotations);
    (0..parsed.units().len())
        .map(|unit| set.tags_at_unit(unit).to_vec())
        .collect()
}

/// Runs `work(0)` and `work(1)` in two threads at once.
fn in_two_threads(work: impl Fn(usize) + Sync) {
    std::thread::scope(|scope| {
        let work = &work;
        let a = scope.spawn(move || work(0));
        let b = scope.spawn(move || work(1));
        a.join().unwrap();
        b.join().unwrap();
    });
}

#[test]
fn two_processes_tagging_different_sentences_lose_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let article = article(dir.path(), 60);
    in_two_threads(|side| {
        for unit in (side..60).step_by(2) {
            tag(
                dir.path(),
                &article,
                unit,
                if side == 0 { "claim" } else { "quote" },
            );
        }
    });
    let tags = tags_by_unit(&article);
    for (unit, tags) in tags.iter().enumerate() {
        let expected = if unit % 2 == 0 {
            Tag::Claim
        } else {
            Tag::Quote
        };
        assert_eq!(tags, &[expected], "unit {unit}");
    }
}

#[test]
fn two_processes_tagging_the_same_sentences_lose_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let article = article(dir.path(), 30);
    in_two_threads(|side| {
        for unit in 0..30 {
            tag(
                dir.path(),
                &article,
                unit,
                if side == 0 { "claim" } else { "denial" },
            );
        }
    });
    let loaded = sidecar::load(&article).unwrap().unwrap();
    assert_eq!(loaded.annotations.len(), 30, "one annotation per unit");
    for (unit, tags) in tags_by_unit(&article).iter().enumerate() {
        assert_eq!(tags, &[Tag::Claim, Tag::Denial], "unit {unit}");
    }
}

/// A save through the cache of what this process last wrote still brings in what another
/// process saved since: the cache serves only the very text it was filled from.
#[test]
fn a_cached_save_keeps_what_another_process_saved_since() {
    let dir = tempfile::tempdir().unwrap();
    let article = article(dir.path(), 3);
    let parsed = Article::parse("report.txt", &fs::read(&article).unwrap()).unwrap();
    let stamp = |n: u32| sidenote::annotation::Stamp {
        author: "tester".to_owned(),
        now: time::macros::datetime!(2025-01-13 09:00 UTC),
        new_id: format!("0195a3c2-0000-7000-8000-00000000000{n}"),
    };
    let mut cache = sidecar::Cache::new();
    let mut set = AnnotationSet::new(&parsed, Vec::new());
    set.add_tag(&parsed, (0, 0), Tag::Claim, &stamp(1));
    let ours = set.into_annotations();
    let base = sidecar::save_cached(&article, &parsed, &[], &ours, &mut cache).unwrap();

    tag(dir.path(), &article, 1, "denial");

    let mut set = AnnotationSet::new(&parsed, base.clone());
    set.add_tag(&parsed, (2, 2), Tag::Quote, &stamp(2));
    let ours = set.into_annotations();
    let saved = sidecar::save_cached(&article, &parsed, &base, &ours, &mut cache).unwrap();
    assert_eq!(saved.len(), 3);
    assert_eq!(
        tags_by_unit(&article),
        [vec![Tag::Claim], vec![Tag::Denial], vec![Tag::Quote]]
    );
    // The cache now holds what was written: saving it again changes nothing.
    let before = fs::read(sidecar::path_for(&article)).unwrap();
    sidecar::save_cached(&article, &parsed, &saved, &saved, &mut cache).unwrap();
    assert_eq!(fs::read(sidecar::path_for(&article)).unwrap(), before);
}
