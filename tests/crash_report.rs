//! When sidenote panics on the reading screen: the terminal is given back first, a crash report
//! with the panic message and a backtrace is written to the data directory's `crashes/`, and
//! stderr says where it is and that the tags are safe.
//!
//! The panicking process is this test binary itself, run again in a pseudo-terminal with
//! `CHILD_VAR` set so that only `crashing_child` does anything: it takes over the terminal as the
//! reading screen does (through the same function) and panics. Nothing in sidenote itself can be
//! made to panic on purpose.
#![cfg(unix)]
#![allow(clippy::unwrap_used)]

#[path = "support/pty.rs"]
mod pty;

use std::path::PathBuf;

use portable_pty::CommandBuilder;
use pty::Pty;

const CHILD_VAR: &str = "SIDENOTE_TEST_CRASH_CHILD";
/// The panic message; the escape sequence must not reach the terminal through the notice.
const MESSAGE: &str = "deliberate crash 4711 \u{1b}]0;pwned\u{7}";

#[test]
#[ignore = "run by a_panic_restores_the_terminal_reports_and_reassures"]
fn crashing_child() {
    if std::env::var_os(CHILD_VAR).is_none() {
        return;
    }
    let _terminal = sidenote::tui::terminal::enter_screen(true).unwrap();
    panic!("{MESSAGE}");
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

#[test]
fn a_panic_restores_the_terminal_reports_and_reassures() {
    let data = tempfile::tempdir().unwrap();
    let config = tempfile::tempdir().unwrap();
    let mut command = CommandBuilder::new(std::env::current_exe().unwrap());
    command.args([
        "crashing_child",
        "--exact",
        "--ignored",
        "--nocapture",
        "--test-threads=1",
    ]);
    command.env(CHILD_VAR, "1");
    command.env("SIDENOTE_DATA_DIR", data.path());
    command.env("SIDENOTE_CONFIG_DIR", config.path());
    command.env("TERM", "xterm-256color");
    command.env("RUST_BACKTRACE", "0");
    let mut child = Pty::spawn(command, 24, 100);
    assert!(!child.wait_exit(), "the child panics");

    let bytes = child.bytes.clone();
    let output = String::from_utf8_lossy(&bytes);
    let entered = find(&bytes, b"\x1b[?1049h").expect("the screen was taken over");
    let left = find(&bytes, b"\x1b[?1049l").expect("the alternate screen was left");
    let notice = find(&bytes, b"sidenote crashed").expect("the user is told");
    assert!(entered < left && left < notice, "{output:?}");
    assert!(child.is_cooked(), "raw mode is off again");
    assert!(
        !output[notice..].contains("\u{1b}]0;pwned"),
        "the panic message reached the terminal as an escape sequence"
    );
    assert!(output.contains("Your tags are safe"), "{output}");
    assert!(output.contains(".annotations.ron"), "{output}");

    let reports: Vec<PathBuf> = std::fs::read_dir(data.path().join("crashes"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(reports.len(), 1, "{reports:?}");
    let report = std::fs::read_to_string(&reports[0]).unwrap();
    assert!(
        output.contains(&reports[0].display().to_string()),
        "the notice names the report: {output}"
    );
    assert!(report.contains("deliberate crash 4711"), "{report}");
    assert!(
        report.contains("tests/crash_report.rs"),
        "the location: {report}"
    );
    assert!(
        report.contains("crashing_child"),
        "a backtrace, even with RUST_BACKTRACE=0: {report}"
    );
}
