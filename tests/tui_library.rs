//! The library is read on a background thread: the first frame does not wait for it, and the
//! entries, their titles and tag counts arrive as actions.
#![allow(clippy::unwrap_used)]

#[path = "support/tui.rs"]
mod support;

use std::collections::VecDeque;
use std::time::{Duration, Instant};

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use sidenote::annotation::{AnnotationSet, Stamp, Tag};
use sidenote::config::Config;
use sidenote::library::read_article;
use sidenote::tui::{loader, runtime::Runtime, setup};

type TestRuntime = Runtime<TestBackend, VecDeque<ratatui::crossterm::event::Event>>;

/// A reading screen on a 120x30 test terminal with the default config and no library yet.
fn runtime() -> TestRuntime {
    let setup = setup(&Config::default(), false, Vec::new()).unwrap();
    let terminal = Terminal::new(TestBackend::new(120, 30)).unwrap();
    let mut runtime = Runtime::new(
        terminal,
        VecDeque::new(),
        setup.app,
        setup.keymap,
        setup.theme,
        false,
    );
    runtime.resize().unwrap();
    runtime
}

/// Steps the runtime until the background reading of the library is done.
fn wait_until_loaded(runtime: &mut TestRuntime) {
    let deadline = Instant::now() + Duration::from_secs(20);
    while runtime.app.library.loading {
        assert!(
            Instant::now() < deadline,
            "the library never finished loading"
        );
        runtime.step().unwrap();
    }
}

#[test]
fn the_list_fills_in_from_the_background() {
    let library = support::sample_library();
    let tagged = library.path().join(support::ARTICLE);
    let article = read_article(&tagged).unwrap();
    let mut set = AnnotationSet::new(&article, Vec::new());
    let stamp = Stamp {
        author: "t".to_owned(),
        now: time::OffsetDateTime::UNIX_EPOCH,
        new_id: "a".to_owned(),
    };
    set.toggle_tag(&article, (1, 2), Tag::Quote, &stamp);
    sidenote::sidecar::save(&tagged, &article, &[], &set.into_annotations()).unwrap();

    let mut runtime = runtime();
    loader::spawn_library(vec![library.path().to_owned()], runtime.sender());
    runtime.draw().unwrap();
    wait_until_loaded(&mut runtime);
    runtime.draw().unwrap();
    let library_state = &runtime.app.library;
    assert_eq!(library_state.entries.len(), 5);
    let entry = &library_state.entries[library_state.index[&tagged]];
    assert_eq!(entry.counts, [0, 0, 1]);
    assert!(
        !entry.title.ends_with(".txt"),
        "the title was read: {}",
        entry.title
    );
    let screen = runtime.terminal.backend().to_string();
    assert!(screen.contains("Articles (5)"), "{screen}");
    assert!(screen.contains("Q1"), "{screen}");
}

#[test]
fn the_list_title_shows_the_reading_progress() {
    use sidenote::tui::app::Entry;
    use sidenote::tui::outcome::Outcome;
    use sidenote::tui::update::update;

    let library = support::sample_library();
    let mut screen = support::Screen::new(100, 20);
    let app = &mut screen.runtime.app;
    app.library = setup(&Config::default(), false, Vec::new())
        .unwrap()
        .app
        .library;
    let paths = sidenote::library::collect_articles(&[library.path().to_owned()]).unwrap();
    let stub = |path: &std::path::PathBuf| Entry {
        path: path.clone(),
        title: path.file_name().unwrap().to_string_lossy().into_owned(),
        date: None,
        source: None,
        counts: [0; 3],
        speakers: Vec::new(),
        error: None,
    };
    update(
        app,
        Outcome::LibraryLoaded {
            entries: paths.iter().map(stub).collect(),
            done: false,
        },
    );
    update(
        app,
        Outcome::LibraryLoaded {
            entries: vec![loader::entry(&paths[0])],
            done: false,
        },
    );
    assert!(screen.text().contains("Articles (5) reading 1/5…"));
    let rest = paths[1..].iter().map(|p| loader::entry(p)).collect();
    update(
        &mut screen.runtime.app,
        Outcome::LibraryLoaded {
            entries: rest,
            done: true,
        },
    );
    let text = screen.text();
    assert!(
        text.contains("Articles (5) ") && !text.contains("reading"),
        "{text}"
    );
}

#[test]
fn a_path_that_cannot_be_read_is_listed_beside_the_articles_that_can() {
    let library = support::sample_library();
    let missing = library.path().join("no-such-folder");
    let mut runtime = runtime();
    loader::spawn_library(
        vec![missing.clone(), library.path().to_owned()],
        runtime.sender(),
    );
    wait_until_loaded(&mut runtime);
    let entries = &runtime.app.library.entries;
    assert_eq!(entries.len(), 6, "five articles and the missing folder");
    let problem = entries.iter().find(|e| e.path == missing).unwrap();
    let error = problem.error.as_deref().unwrap();
    assert!(error.contains("no-such-folder"), "{error}");
}

#[test]
fn the_list_tells_alike_titles_apart_by_outlet_and_sorts_by_what_it_shows() {
    let dir = tempfile::tempdir().unwrap();
    let alike = "Around 300 North Korean soldiers killed in Russia's war against Ukraine";
    std::fs::write(
        dir.path().join("a-wire.txt"),
        format!("---\ntitle: {alike}, officials say\nsource: Yonhap\n---\n\nBody one.\n"),
    )
    .unwrap();
    std::fs::write(
        dir.path().join("b-paper.txt"),
        format!("{alike}, lawmaker says\n\nBody two.\n"),
    )
    .unwrap();
    std::fs::write(
        dir.path().join("c-blog.txt"),
        "As many as 300 dead\n\nBody three.\n",
    )
    .unwrap();
    let mut runtime = runtime();
    let entries = ["c-blog.txt", "b-paper.txt", "a-wire.txt"]
        .iter()
        .map(|name| loader::entry(&dir.path().join(name)))
        .collect();
    runtime.dispatch(sidenote::tui::outcome::Outcome::LibraryLoaded {
        entries,
        done: true,
    });
    runtime.draw().unwrap();
    let screen = runtime.terminal.backend().to_string();
    let rows: Vec<&str> = screen.lines().skip(1).take(6).collect();
    let list: Vec<String> = rows
        .iter()
        .map(|row| {
            let cell = row.trim_matches('"').trim_start_matches('│');
            cell.split('│').next().unwrap().trim_end().to_owned()
        })
        .collect();
    // Titles cut with "…" at the pane's width; the outlet from the front matter, else the
    // file's name; in the order of the titles in full ("lawmaker says" before "officials say").
    assert_eq!(
        list,
        vec![
            "Around 300 North Korean sold…",
            " b-paper C0 D0 Q0",
            "Around 300 North Korean sold…",
            " Yonhap C0 D0 Q0",
            "As many as 300 dead",
            " c-blog C0 D0 Q0",
        ],
        "{screen}"
    );
}
