//! `sidenote` on a library reopens where the reader left off: the last article, cursor on the
//! same unit, from a small file in the data directory (the config directory is left alone).
#![allow(clippy::unwrap_used)]

#[path = "support/pty.rs"]
mod pty;
#[path = "support/tui.rs"]
mod support;

use std::time::Duration;

use pty::Pty;

#[test]
fn the_second_start_opens_the_last_article_at_the_last_unit() {
    let library = support::sample_library();
    let (data, config) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let start = || {
        Pty::spawn(
            pty::sidenote(&[library.path()], data.path(), config.path()),
            30,
            120,
        )
    };
    let mut app = start();
    app.wait_until("the whole list read", |s| {
        s.contains("Around 300 N.K.") && !s.contains("reading")
    });
    app.settle(Duration::from_millis(300));
    // Sorted by title, the sample article is the third.
    app.send("gjj\r");
    app.wait_for("unit 0 of 14");
    app.send("jjj");
    app.wait_for("unit 3 of 14");
    app.send("q");
    assert!(app.wait_exit());
    let kept = std::fs::read_to_string(data.path().join(sidenote::last_place::FILE)).unwrap();
    assert!(
        kept.contains(support::ARTICLE) && kept.contains("unit:3"),
        "{kept}"
    );
    assert_eq!(std::fs::read_dir(config.path()).unwrap().count(), 0);

    let mut again = start();
    again.wait_for("unit 3 of 14");
    assert!(
        again
            .contents()
            .contains("lawmaker-cites-spy-agency-300-dead.txt")
    );
    again.send("q");
    assert!(again.wait_exit());
}

#[test]
fn a_place_outside_the_library_or_gone_is_ignored() {
    let library = support::sample_library();
    let other = support::sample_library();
    let data = tempfile::tempdir().unwrap();
    let article = other.path().join(support::ARTICLE);
    sidenote::last_place::save(data.path(), &article, 3).unwrap();
    assert_eq!(
        sidenote::last_place::resume(data.path(), &[library.path().to_owned()]),
        None
    );
    let place = sidenote::last_place::resume(data.path(), &[other.path().to_owned()]).unwrap();
    assert_eq!(place.unit, 3);
    std::fs::remove_file(&article).unwrap();
    assert_eq!(
        sidenote::last_place::resume(data.path(), &[other.path().to_owned()]),
        None
    );
}
