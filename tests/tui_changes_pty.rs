//! End to end: tags made with `sidenote tag`, the article edited, then the real reading screen
//! in a pseudo-terminal says what changed and the review settles the tag, checked by the
//! sidecar and the store of tagged texts.
#![allow(clippy::unwrap_used)]

#[path = "support/pty.rs"]
mod pty;
#[path = "support/tui.rs"]
mod support;

use std::fs;
use std::process::Command;

use pty::{Pty, sidenote};

#[test]
fn the_screen_says_what_changed_and_the_review_settles_it() {
    let library = support::sample_library();
    let data = tempfile::tempdir().unwrap();
    let config = tempfile::tempdir().unwrap();
    let article = library.path().join(support::ARTICLE);
    for unit in ["1", "4"] {
        let status = Command::new(env!("CARGO_BIN_EXE_sidenote"))
            .args(["tag", "-q"])
            .arg(&article)
            .args(["--sentence", unit, "--tag", "claim"])
            .env("SIDENOTE_DATA_DIR", data.path())
            .env("SIDENOTE_CONFIG_DIR", config.path())
            .status()
            .unwrap();
        assert!(status.success());
    }
    let text = fs::read_to_string(&article).unwrap();
    let edited = text
        .replacen("Un sent more than 10,000", "Un sent more than 12,000", 1)
        .replacen("Over the weekend,", "Last weekend,", 1);
    fs::write(&article, edited).unwrap();

    let mut screen = Pty::spawn(sidenote(&[&article], data.path(), config.path()), 30, 140);
    screen.wait_for(
        "changed since tagged (R to review): 1 tag changed wording, 1 moved; 2 sentences added, 2 removed",
    );
    screen.send("R");
    screen.wait_for("[-10,000-]{+12,000+}");
    screen.wait_for("changed: 10,000 -> 12,000");
    screen.send("y");
    screen.wait_for("every changed tag is settled");
    screen.wait_for("saved");
    screen.send("q");
    assert!(screen.wait_exit(), "sidenote exits with success");

    let sidecar = sidenote::sidecar::load(&article).unwrap().unwrap();
    let tag = sidecar
        .annotations
        .iter()
        .find(|a| a.anchor.first_unit == 1)
        .unwrap();
    assert!(tag.anchor.exact.contains("12,000"), "{tag:?}");
    // The text tagged first, and the text the accepted tag was saved against.
    let kept = fs::read_dir(data.path().join("tagged-texts"))
        .unwrap()
        .count();
    assert_eq!(kept, 2);
}
