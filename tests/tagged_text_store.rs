//! The store of tagged texts in a temp data directory: kept by fingerprint, read back whole,
//! bounded by size with the least recently used going first, and safe to lose.
#![allow(clippy::unwrap_used)]

use std::fs;
use std::time::{Duration, SystemTime};

use sidenote::article::{Article, Fingerprint};
use sidenote::tagged_text::{FOLDER, TextStore};

fn article(words: &str) -> Article {
    let text = format!("Title\n\n{words}\n");
    Article::parse("a.txt", text.as_bytes()).unwrap()
}

/// Sets the last use of every kept text to `seconds` ago, oldest first in `order`.
fn age(store: &TextStore, order: &[&Article]) {
    for (rank, article) in order.iter().enumerate() {
        let fingerprint = Fingerprint::of(article);
        let path = store
            .dir()
            .join(format!("{}-{}.txt", fingerprint.xxh3, fingerprint.chars));
        let when = SystemTime::now() - Duration::from_secs(1000 - rank as u64);
        fs::File::options()
            .append(true)
            .open(path)
            .unwrap()
            .set_modified(when)
            .unwrap();
    }
}

#[test]
fn a_kept_text_comes_back_as_the_same_article() {
    let dir = tempfile::tempdir().unwrap();
    let store = TextStore::in_data(dir.path());
    let kept = article("One sentence here. Another one there.");
    store.keep(&kept).unwrap();
    assert!(dir.path().join(FOLDER).is_dir());
    let back = store.get(&Fingerprint::of(&kept), "a.txt").unwrap();
    assert_eq!(back.text(), kept.text());
    assert_eq!(back.units(), kept.units());
}

#[test]
fn an_unknown_fingerprint_or_a_deleted_store_gives_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let store = TextStore::in_data(dir.path());
    let kept = article("Kept.");
    assert!(store.get(&Fingerprint::of(&kept), "a.txt").is_none());
    store.keep(&kept).unwrap();
    fs::remove_dir_all(store.dir()).unwrap();
    assert!(store.get(&Fingerprint::of(&kept), "a.txt").is_none());
    // And it is made again on the next keep.
    store.keep(&kept).unwrap();
    assert!(store.get(&Fingerprint::of(&kept), "a.txt").is_some());
}

#[test]
fn a_text_whose_hash_is_not_its_name_is_ignored() {
    let dir = tempfile::tempdir().unwrap();
    let store = TextStore::in_data(dir.path());
    let kept = article("The true text.");
    store.keep(&kept).unwrap();
    let file = fs::read_dir(store.dir()).unwrap().next().unwrap().unwrap();
    let size = fs::metadata(file.path()).unwrap().len() as usize;
    fs::write(file.path(), "x".repeat(size)).unwrap();
    assert!(store.get(&Fingerprint::of(&kept), "a.txt").is_none());
}

#[test]
fn past_the_bound_the_least_recently_used_texts_go_first() {
    let dir = tempfile::tempdir().unwrap();
    let texts: Vec<Article> = (0..5)
        .map(|n| article(&format!("Text number {n}. {}", "filler ".repeat(20))))
        .collect();
    let each = texts[0].text().len() as u64;
    // Room for four texts, each a quarter of the bound.
    let store = TextStore::with_limit(dir.path().join("texts"), each * 4 + 3);
    for text in &texts[..4] {
        store.keep(text).unwrap();
    }
    // Text 0 used last, text 1 least recently.
    age(&store, &[&texts[1], &texts[2], &texts[3], &texts[0]]);
    store.keep(&texts[4]).unwrap();
    let kept = |n: usize| store.get(&Fingerprint::of(&texts[n]), "a.txt").is_some();
    assert!(!kept(1), "the least recently used went");
    assert!(kept(0) && kept(2) && kept(3) && kept(4));
}

#[test]
fn a_text_over_a_quarter_of_the_bound_is_not_kept() {
    let dir = tempfile::tempdir().unwrap();
    let big = article(&"word ".repeat(100));
    let store = TextStore::with_limit(dir.path().join("texts"), big.text().len() as u64 * 2);
    store.keep(&big).unwrap();
    assert!(store.get(&Fingerprint::of(&big), "a.txt").is_none());
}
