//! The article opened at start is read once: the library loader takes its entry as given rather
//! than reading and parsing the file a second time.
#![allow(clippy::unwrap_used)]

use std::sync::mpsc::channel;
use std::time::Duration;

use pretty_assertions::assert_eq;
use sidenote::tui::loader;
use sidenote::tui::outcome::Outcome;

#[test]
fn known_entries_are_used_as_given_and_the_others_are_read() {
    let dir = tempfile::tempdir().unwrap();
    for (name, text) in sidenote::library::SAMPLES {
        std::fs::write(dir.path().join(name), text).unwrap();
    }
    let opened_path = dir.path().join(sidenote::library::SAMPLES[0].0);
    let Outcome::ArticleOpened(opened) = loader::open_article(&opened_path) else {
        panic!("the sample opens")
    };
    let mut known = loader::opened_entry(&opened);
    assert_eq!(
        known,
        loader::entry(&opened_path),
        "the same entry as reading it"
    );
    // Told apart from a re-read, which would give the file's own title.
    known.title = "As opened".to_owned();
    let (sender, receiver) = channel();
    loader::spawn_library_with(vec![dir.path().to_owned()], sender, vec![known.clone()]);
    let mut last = std::collections::HashMap::new();
    loop {
        match receiver.recv_timeout(Duration::from_secs(10)).unwrap() {
            Outcome::LibraryLoaded { entries, done } => {
                for entry in entries {
                    last.insert(entry.path.clone(), entry);
                }
                if done {
                    break;
                }
            }
            other => panic!("{other:?}"),
        }
    }
    assert_eq!(last[&opened_path], known);
    let other = dir.path().join(sidenote::library::SAMPLES[1].0);
    assert_eq!(last[&other], loader::entry(&other));
}
