//! Another process's tags reach the open screen by themselves: the real binary in a
//! pseudo-terminal, tagged from a second process (`sidenote tag`), shows the tags and the list's
//! counts with no key pressed, and a note being typed meanwhile is kept whole.
#![allow(clippy::unwrap_used)]

#[path = "support/pty.rs"]
mod pty;
#[path = "support/tui.rs"]
mod support;

use std::path::Path;
use std::time::{Duration, Instant};

use pty::Pty;
use sidenote::annotation::Tag;

/// The watch looks every half second; the margin is for a machine busy with other tests.
const SHOWN_WITHIN: Duration = Duration::from_secs(3);

/// Runs `sidenote tag ARTICLE --sentence UNIT --tag TAG` as a second process.
fn tag_from_a_shell(article: &Path, unit: usize, tag: &str, data: &Path, config: &Path) {
    let status = std::process::Command::new(env!("CARGO_BIN_EXE_sidenote"))
        .arg("tag")
        .arg(article)
        .args(["--sentence", &unit.to_string(), "--tag", tag])
        .env("SIDENOTE_DATA_DIR", data)
        .env("SIDENOTE_CONFIG_DIR", config)
        .env("USER", "shell")
        .status()
        .unwrap();
    assert!(status.success());
}

/// Waits until `done` holds for the screen with no key sent, and returns how long it took.
fn shown_by_itself(app: &mut Pty, what: &str, done: impl Fn(&str) -> bool) -> Duration {
    let start = Instant::now();
    app.wait_until(what, done);
    start.elapsed()
}

#[test]
fn another_process_tags_show_without_a_key_counts_included() {
    let library = support::sample_library();
    let (data, config) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let article = library.path().join(support::ARTICLE);
    let mut app = Pty::spawn(
        pty::sidenote(&[library.path()], data.path(), config.path()),
        30,
        120,
    );
    app.wait_for("Articles (5)");
    app.wait_until("the whole list read", |s| {
        s.contains("Around 300 N.K.") && !s.contains("reading")
    });
    app.settle(Duration::from_millis(300));
    // Sorted by title, the article is the third.
    app.send("gjj\r");
    app.wait_for("unit 0 of");
    app.settle(Duration::from_millis(300));

    tag_from_a_shell(&article, 3, "quote", data.path(), config.path());
    // Once in the status bar and once in the list's row for the article.
    let took = shown_by_itself(&mut app, "the quote in the status bar and the list", |s| {
        s.matches("C0 D0 Q1").count() >= 2 && s.contains("Annotations (1)")
    });
    assert!(took < SHOWN_WITHIN, "took {took:?}");

    let other = library
        .path()
        .join("kremlin-silent-on-captured-soldiers.txt");
    tag_from_a_shell(&other, 0, "claim", data.path(), config.path());
    let took = shown_by_itself(&mut app, "the other article's count in the list", |s| {
        s.contains("C1 D0 Q0")
    });
    assert!(took < SHOWN_WITHIN, "took {took:?}");

    app.send("q");
    assert!(app.wait_exit());
}

#[test]
fn a_note_being_typed_is_kept_while_another_process_tags() {
    let library = support::sample_library();
    let (data, config) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let article = library.path().join(support::ARTICLE);
    let mut app = Pty::spawn(
        pty::sidenote(&[&article], data.path(), config.path()),
        30,
        120,
    );
    app.wait_for("unit 0 of");
    app.send("a");
    app.wait_for("Note on unit");
    app.send("typed here");
    app.wait_for("typed here");

    tag_from_a_shell(&article, 3, "claim", data.path(), config.path());
    shown_by_itself(&mut app, "the other process's claim", |s| {
        s.contains("Annotations (1)")
    });
    assert!(app.contents().contains("typed here"), "{}", app.contents());

    app.send(" and more\x1b");
    app.wait_for("note saved");
    app.wait_until("the save", |s| s.contains("saved") && !s.contains("saving"));
    app.send("q");
    assert!(app.wait_exit());

    let sidecar = sidenote::sidecar::load(&article).unwrap().unwrap();
    let found: Vec<(Vec<Tag>, &str, usize, &str)> = sidecar
        .annotations
        .iter()
        .map(|a| {
            (
                a.tags.clone(),
                a.note.as_str(),
                a.anchor.first_unit,
                a.author.as_str(),
            )
        })
        .collect();
    assert_eq!(
        found,
        vec![
            (vec![], "typed here and more", 0, "pty-tester"),
            (vec![Tag::Claim], "", 3, "shell"),
        ]
    );
}
