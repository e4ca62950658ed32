//! kill -9 of the reading screen while it saves, again and again: the real binary in a
//! pseudo-terminal tags units as fast as keys arrive and is killed at random moments. After every
//! kill the sidecar must load, hold at least the tag counts the status bar last showed as
//! "saved", and keep every tag an earlier run left; the keys only ever add tags.
#![cfg(unix)]
#![allow(clippy::unwrap_used)]

#[path = "support/pty.rs"]
mod pty;

use std::collections::BTreeSet;
use std::path::Path;
use std::time::{Duration, Instant};

use pty::Pty;
use sidenote::annotation::Tag;

const RUNS: usize = 50;
const UNITS: usize = 1200;

/// A small deterministic generator, so a failure can be replayed from its seed.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (self.0 >> 33) % n
    }
}

/// The (first unit, tag) pairs in the sidecar of `article`; fails if it does not load.
fn saved_pairs(article: &Path) -> BTreeSet<(usize, Tag)> {
    let Some(sidecar) = sidenote::sidecar::load(article).unwrap() else {
        return BTreeSet::new();
    };
    sidecar
        .annotations
        .iter()
        .flat_map(|a| a.tags.iter().map(|&tag| (a.anchor.first_unit, tag)))
        .collect()
}

/// The claim, denial and quote counts the status bar shows next to "saved", if it does (and
/// `None` for a frame caught halfway drawn).
fn counts_shown_saved(screen: &str) -> Option<[usize; 3]> {
    let bar = screen.lines().find(|line| line.starts_with(" unit "))?;
    let fields: Vec<&str> = bar.split('│').map(str::trim).collect();
    let at = fields
        .iter()
        .position(|f| f.starts_with('C') && f.contains(" D"))?;
    if fields.get(at + 1) != Some(&"saved") {
        return None;
    }
    let numbers: Vec<usize> = fields[at]
        .split(' ')
        .map(|c| c.get(1..).and_then(|n| n.parse().ok()))
        .collect::<Option<_>>()?;
    numbers.try_into().ok()
}

/// Tags the cursor unit, which no run has tagged, with a random tag and moves to the next one;
/// returns the pair.
fn tag_and_move(app: &mut Pty, rng: &mut Rng, fresh: &mut usize) -> (usize, Tag) {
    assert!(
        *fresh < UNITS - 1,
        "the article is too short for this many tags"
    );
    let (key, tag) = [("c", Tag::Claim), ("d", Tag::Denial), ("\"", Tag::Quote)]
        [usize::try_from(rng.below(3)).unwrap()];
    app.send(&format!("{key}j"));
    *fresh += 1;
    (*fresh - 1, tag)
}

fn count(pairs: &BTreeSet<(usize, Tag)>, tag: Tag) -> usize {
    pairs.iter().filter(|(_, t)| *t == tag).count()
}

#[test]
fn kill_minus_nine_while_tagging_never_loses_a_saved_tag() {
    let dir = tempfile::tempdir().unwrap();
    let data = tempfile::tempdir().unwrap();
    let config = tempfile::tempdir().unwrap();
    let article = dir.path().join("report.txt");
    let text: String = std::iter::once("Casualty report\n\n".to_owned())
        .chain((1..UNITS).map(|n| format!("Paragraph {n} says the count was {n} hundred.\n\n")))
        .collect();
    std::fs::write(&article, text).unwrap();
    let seed = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_nanos() as u64;
    println!("seed {seed}");
    let mut rng = Rng(seed);
    let started = Instant::now();
    let mut before = BTreeSet::new();
    // Each unit is tagged once, never revisited: a toggle there can only add.
    let mut fresh = 1;
    // Runs whose kill left typed tags unsaved: the kill came before their saves were done.
    let mut interrupted = 0;
    for run in 0..RUNS {
        let mut app = Pty::spawn(
            pty::sidenote(&[&article], data.path(), config.path()),
            30,
            120,
        );
        app.wait_for(" of ");
        app.wait_for("saved");
        // A search jumps straight there; a key per unit would take a redraw each.
        app.send(&format!("/Paragraph {fresh} says\r"));
        app.wait_for(&format!("unit {fresh} of"));
        // Some tags, then a whole frame that says they are saved: what the test holds it to.
        let mut confirmed = before.clone();
        for _ in 0..=rng.below(4) {
            confirmed.insert(tag_and_move(&mut app, &mut rng, &mut fresh));
            app.pump(Duration::from_millis(rng.below(5)));
        }
        let all_keys_done = format!(" unit {fresh} of");
        let deadline = Instant::now() + pty::WAIT;
        let shown = loop {
            app.settle(Duration::from_millis(30));
            let screen = app.contents();
            if screen.contains(&all_keys_done)
                && let Some(counts) = counts_shown_saved(&screen)
            {
                break counts;
            }
            assert!(Instant::now() < deadline, "never saved:\n{screen}");
            app.pump(Duration::from_millis(50));
        };
        // More tags, and the kill lands at a random moment among their saves.
        let mut sent = confirmed.clone();
        for _ in 0..=rng.below(10) {
            sent.insert(tag_and_move(&mut app, &mut rng, &mut fresh));
            std::thread::sleep(Duration::from_millis(rng.below(10)));
            app.pump(Duration::ZERO);
        }
        std::thread::sleep(Duration::from_millis(rng.below(20)));
        app.kill9();

        let after = saved_pairs(&article);
        let counts = [Tag::Claim, Tag::Denial, Tag::Quote].map(|tag| count(&confirmed, tag));
        assert_eq!(
            shown, counts,
            "run {run}: the status bar counts what was typed"
        );
        assert!(
            after.is_superset(&confirmed),
            "run {run} (seed {seed}): tags shown as saved are gone: {:?}",
            confirmed.difference(&after).collect::<Vec<_>>()
        );
        assert!(
            after.is_subset(&sent),
            "run {run} (seed {seed}): tags nobody typed: {:?}",
            after.difference(&sent).collect::<Vec<_>>()
        );
        interrupted += usize::from(after != sent);
        before = after;
    }
    assert!(!before.is_empty(), "nothing was ever saved");

    let output = std::process::Command::new(env!("CARGO_BIN_EXE_sidenote"))
        .arg("list")
        .arg(&article)
        .env("SIDENOTE_DATA_DIR", data.path())
        .env("SIDENOTE_CONFIG_DIR", config.path())
        .output()
        .unwrap();
    assert!(output.status.success(), "{output:?}");
    let listed = String::from_utf8(output.stdout).unwrap().lines().count();
    assert_eq!(
        listed,
        sidenote::sidecar::load(&article)
            .unwrap()
            .unwrap()
            .annotations
            .len()
    );
    let stray: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| !name.starts_with("report.txt"))
        .collect();
    println!(
        "{RUNS} kills in {:?}; {} tags kept; {interrupted} kills left typed tags \
         unsaved; stray files: {stray:?}",
        started.elapsed(),
        before.len()
    );
}
