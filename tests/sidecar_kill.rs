//! kill -9 at random moments: a process saving tags in a loop is killed hundreds of times; after
//! every kill the sidecar must parse and hold every tag the process reported saved.
//!
//! The writing process is this test binary itself, run again with `KILL_CHILD_ARTICLE` set so
//! that only `writer_child` does anything.
#![allow(clippy::unwrap_used)]

use std::collections::BTreeSet;
use std::fs;
use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use sidenote::annotation::{AnnotationSet, Stamp, Tag};
use sidenote::article::Article;
use sidenote::sidecar;

const CHILD_VAR: &str = "KILL_CHILD_ARTICLE";
const UNITS: usize = 80;

fn write_article(dir: &Path) -> PathBuf {
    let text: String = (0..UNITS)
        .map(|n| format!("Paragraph {n} says the count of casualties was {n} hundred.\n\n"))
        .collect();
    let path = dir.join("report.txt");
    fs::write(&path, text).unwrap();
    path
}

/// The (unit, tag) pairs in the sidecar of `article`.
fn saved_pairs(article: &Path, parsed: &Article) -> BTreeSet<(usize, Tag)> {
    let Some(loaded) = sidecar::load(article).unwrap() else {
        return BTreeSet::new();
    };
    let set = AnnotationSet::new(parsed, loaded.annotations);
    (0..parsed.units().len())
        .flat_map(|unit| set.tags_at_unit(unit).iter().map(move |&tag| (unit, tag)))
        .collect()
}

/// The writer: adds one missing (unit, tag) pair at a time, saves, and reports `SAVED unit tag`
/// only once the save has returned.
#[test]
#[ignore = "run by kill_minus_nine_never_loses_a_reported_tag"]
fn writer_child() {
    let Some(article) = std::env::var_os(CHILD_VAR).map(PathBuf::from) else {
        return;
    };
    let parsed = Article::parse("report.txt", &fs::read(&article).unwrap()).unwrap();
    let mut base = sidecar::load(&article)
        .unwrap()
        .map(|s| s.annotations)
        .unwrap_or_default();
    let mut out = std::io::stdout().lock();
    let seed = std::process::id() as usize;
    for step in 0.. {
        let mut set = AnnotationSet::new(&parsed, base.clone());
        let unit = (seed + step * 7) % UNITS;
        let Some(&tag) = Tag::ALL
            .iter()
            .find(|tag| !set.tags_at_unit(unit).contains(tag))
        else {
            continue;
        };
        let stamp = Stamp {
            author: "writer".into(),
            now: time::OffsetDateTime::now_utc(),
            new_id: uuid::Uuid::now_v7().to_string(),
        };
        set.add_tag(&parsed, (unit, unit), tag, &stamp);
        base = sidecar::save(&article, &parsed, &base, &set.into_annotations()).unwrap();
        writeln!(out, "SAVED {unit} {}", tag.name()).unwrap();
        out.flush().unwrap();
    }
}

/// A small deterministic generator, so a failure can be replayed.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % n
    }
}

fn writer(article: &Path) -> std::process::Child {
    Command::new(std::env::current_exe().unwrap())
        .args([
            "writer_child",
            "--exact",
            "--ignored",
            "--nocapture",
            "--test-threads=1",
        ])
        .env(CHILD_VAR, article)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap()
}

/// How long a writer takes from spawning to reporting its first save.
fn time_to_first_save(article: &Path) -> Duration {
    let started = Instant::now();
    let mut child = writer(article);
    for line in BufReader::new(child.stdout.take().unwrap()).lines() {
        if line.unwrap().starts_with("SAVED") {
            break;
        }
    }
    let elapsed = started.elapsed();
    child.kill().unwrap();
    child.wait().unwrap();
    elapsed
}

#[test]
fn kill_minus_nine_never_loses_a_reported_tag() {
    let dir = tempfile::tempdir().unwrap();
    let article = write_article(dir.path());
    let parsed = Article::parse("report.txt", &fs::read(&article).unwrap()).unwrap();
    assert_eq!(parsed.units().len(), UNITS);
    let mut rng = Rng(0x5eed_1234_abcd_0001);
    // Kills are spread over the time a writer takes to start and make a few saves on this
    // machine, so most land while it is saving, however loaded the machine is.
    // The spread widens whenever too few kills come after a save (the machine got busier since
    // it was measured), and the run goes on until enough kills of both kinds have landed, so a
    // loaded machine makes the test longer, not wrong.
    let mut spread = time_to_first_save(&article) * 2 + Duration::from_millis(60);
    let started = Instant::now();
    let (mut kills, mut reported_total, mut kills_after_a_save) = (0, 0, 0);
    let mut reported: BTreeSet<(usize, Tag)> = BTreeSet::new();
    while (kills < 100 || kills_after_a_save < 50)
        && kills < 1000
        && started.elapsed() < Duration::from_secs(240)
    {
        if kills % 20 == 19 && kills_after_a_save < kills / 4 {
            spread = spread * 3 / 2;
        }
        let mut child = Command::new(std::env::current_exe().unwrap())
            .args([
                "writer_child",
                "--exact",
                "--ignored",
                "--nocapture",
                "--test-threads=1",
            ])
            .env(CHILD_VAR, &article)
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(Duration::from_micros(
            rng.below(spread.as_micros().try_into().unwrap()),
        ));
        child.kill().unwrap();
        child.wait().unwrap();
        kills += 1;
        let before = reported.len();
        for line in BufReader::new(child.stdout.take().unwrap()).split(b'\n') {
            let line = String::from_utf8_lossy(&line.unwrap()).into_owned();
            let mut words = line.split(' ');
            if words.next() != Some("SAVED") {
                continue;
            }
            // A line cut short by the kill has no tag yet; the save itself completed or not.
            let (Some(unit), Some(tag)) = (words.next(), words.next()) else {
                continue;
            };
            let Ok(tag) = tag.parse::<Tag>() else {
                continue;
            };
            reported.insert((unit.parse().unwrap(), tag));
            reported_total += 1;
        }
        if reported.len() > before {
            kills_after_a_save += 1;
        }

        let on_disk = saved_pairs(&article, &parsed);
        let missing: Vec<_> = reported.difference(&on_disk).collect();
        assert!(
            missing.is_empty(),
            "kill {kills}: reported but not on disk: {missing:?}"
        );
        let temps = fs::read_dir(dir.path())
            .unwrap()
            .filter(|e| {
                e.as_ref()
                    .unwrap()
                    .file_name()
                    .to_string_lossy()
                    .ends_with(".tmp")
            })
            .count();
        assert!(temps <= 1, "temporary files pile up: {temps}");

        // Start over before every unit is full, so there is always something to add.
        if on_disk.len() > UNITS * 2 {
            fs::remove_file(sidecar::path_for(&article)).unwrap();
            reported.clear();
        }
    }
    eprintln!(
        "{kills} kills in {:?} (spread {spread:?}), {reported_total} saves reported, {kills_after_a_save} kills after a save",
        started.elapsed()
    );
    assert!(kills >= 100, "only {kills} kills");
    assert!(
        kills_after_a_save >= 50,
        "only {kills_after_a_save} of {kills} kills came after a save"
    );
}
