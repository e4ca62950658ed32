//! The reading screen against what a terminal can throw at it, in a real pseudo-terminal: a
//! burst of input larger than one read, and the signals that end a process (SIGTERM, SIGHUP,
//! SIGINT), which must leave the terminal as it was and the last edit saved.
#![allow(clippy::unwrap_used, dead_code)]

#[path = "support/pty.rs"]
mod pty;

use std::path::{Path, PathBuf};
use std::time::Duration;

use pty::Pty;
use rstest::rstest;

/// Bytes pasted at once: well over the 1 KiB a terminal read takes at a time.
const BURST: usize = 3000;

struct Setup {
    dir: tempfile::TempDir,
    data: tempfile::TempDir,
    config: tempfile::TempDir,
    article: PathBuf,
}

fn setup() -> Setup {
    let dir = tempfile::tempdir().unwrap();
    let article = dir.path().join("report.txt");
    std::fs::write(
        &article,
        "Casualty report\n\nThe minister said 300 died. Officials denied it.\n",
    )
    .unwrap();
    Setup {
        dir,
        data: tempfile::tempdir().unwrap(),
        config: tempfile::tempdir().unwrap(),
        article,
    }
}

fn open(setup: &Setup) -> Pty {
    let mut app = Pty::spawn(
        pty::sidenote(&[&setup.article], setup.data.path(), setup.config.path()),
        30,
        120,
    );
    app.wait_for(" of ");
    app
}

/// The notes in the article's sidecar.
fn notes(article: &Path) -> Vec<String> {
    sidenote::sidecar::load(article)
        .unwrap()
        .map(|sidecar| sidecar.annotations.into_iter().map(|a| a.note).collect())
        .unwrap_or_default()
}

/// A paste of 3,000 characters into a note, then Esc: every byte is read as soon as it is
/// there, not 1 KiB now and the rest at the next key, so the note is whole and Esc leaves it.
#[test]
fn a_paste_bigger_than_one_read_is_taken_whole_and_esc_after_it_works() {
    let setup = setup();
    let mut app = open(&setup);
    app.send("a");
    app.wait_for("note");
    let paste = "x".repeat(BURST);
    app.send(&format!("{paste}\x1b"));
    app.wait_for("note saved");
    app.send("q");
    assert!(app.wait_exit(), "sidenote exits with success");
    assert_eq!(notes(&setup.article), vec![paste]);
}

fn contains(bytes: &[u8], sequence: &str) -> bool {
    bytes
        .windows(sequence.len())
        .any(|window| window == sequence.as_bytes())
}

/// A `kill` (SIGTERM), a closed window (SIGHUP) or `kill -INT` while a note is being typed: the
/// note reaches the sidecar, the terminal gets its screen, mouse and cursor back and leaves raw
/// mode, and the process then dies of the signal, as the shell expects.
#[rstest]
#[case::sigterm(libc::SIGTERM)]
#[case::sighup(libc::SIGHUP)]
#[case::sigint(libc::SIGINT)]
fn a_signal_saves_the_note_being_typed_and_restores_the_terminal(#[case] signal: i32) {
    let setup = setup();
    let mut app = open(&setup);
    app.send("a");
    app.wait_for("Note on");
    app.send("kept through the signal");
    app.wait_for("kept through the signal");
    app.settle(Duration::from_millis(50));
    let before = app.bytes.len();
    assert!(!app.is_cooked(), "the screen has the terminal in raw mode");
    app.signal(signal);
    let status = app.wait_end();
    assert!(
        !status.success() && status.signal().is_some(),
        "dies of the signal: {status:?}"
    );
    let after = &app.bytes[before..];
    for (sequence, what) in [
        ("\x1b[?1049l", "the alternate screen left"),
        ("\x1b[?1000l", "mouse reporting off"),
        ("\x1b[?25h", "the cursor shown"),
    ] {
        assert!(
            contains(after, sequence),
            "{what}: {:?}",
            String::from_utf8_lossy(after)
        );
    }
    assert!(app.is_cooked(), "raw mode left");
    assert_eq!(notes(&setup.article), vec!["kept through the signal"]);
}
