//! The library search (`F`): its prompt and result list as `update` tables, the overlay as a
//! snapshot, and the search run for real over the sample library's files, a hit opened with the
//! cursor on its unit.
#![allow(clippy::unwrap_used)]

#[path = "support/big_article.rs"]
mod big_article;
#[path = "support/tui.rs"]
mod support;

use pretty_assertions::assert_eq;
use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};

use sidenote::tui::action::{Action, Input};
use sidenote::tui::app::{App, Mode, Pane};
use sidenote::tui::command::Command;
use sidenote::tui::effect::Effect;
use sidenote::tui::library_search::{self, Found, Hit, HitList, MAX_HITS};
use sidenote::tui::loader;
use sidenote::tui::outcome::Outcome;
use sidenote::tui::search::matching_units;
use sidenote::tui::update::update;
use support::{ARTICLE, Screen};

fn hit(name: &str, unit: usize, note: bool) -> Hit {
    Hit {
        path: PathBuf::from(name),
        label: format!("outlet/{name}"),
        unit,
        excerpt: format!("…text of {name} with spy in it…"),
        found: if note { Found::Note } else { Found::Text },
    }
}

/// Types `F`, the query and Enter, each key with a fresh id from the clock as the runtime
/// gives; returns the effects.
fn search(app: &mut App, query: &str) -> Vec<Effect> {
    static IDS: AtomicUsize = AtomicUsize::new(0);
    let now = app.clock.now;
    let new_id = format!("id-{}", IDS.fetch_add(1, Ordering::Relaxed));
    update(app, Action::Tick { now, new_id });
    update(app, Command::SearchLibrary);
    for c in query.chars() {
        update(app, Action::Input(Input::Char(c)));
    }
    update(app, Action::Input(Input::Enter))
}

/// A batch of hits of the search whose list is open.
fn batch(app: &mut App, hits: Vec<Hit>, done: bool, capped: bool) {
    let search = list(app).search.clone();
    batch_of(app, &search, hits, done, capped);
}

fn batch_of(app: &mut App, search: &str, hits: Vec<Hit>, done: bool, capped: bool) {
    let search = search.to_owned();
    update(
        app,
        Outcome::LibraryHits {
            search,
            hits,
            done,
            capped,
        },
    );
}

fn list(app: &App) -> &HitList {
    let Mode::Hits(list) = &app.mode else {
        panic!("{:?}", app.mode)
    };
    list
}

#[test]
fn enter_searches_every_article_of_the_library_and_opens_an_empty_running_list() {
    let mut screen = Screen::new(100, 30);
    let app = &mut screen.runtime.app;
    // The filter hides articles; the search still covers them all.
    app.library.filter = "zzz".to_owned();
    let effects = search(app, "Spy");
    let [
        Effect::SearchLibrary {
            search,
            articles,
            query,
        },
    ] = effects.as_slice()
    else {
        panic!("{effects:?}")
    };
    assert_eq!(query, "Spy");
    let paths: Vec<_> = app.library.entries.iter().map(|e| e.path.clone()).collect();
    assert_eq!(
        articles.iter().map(|(p, _)| p.clone()).collect::<Vec<_>>(),
        paths
    );
    let expected = HitList {
        search: search.clone(),
        query: "Spy".to_owned(),
        running: true,
        ..HitList::default()
    };
    assert_eq!(list(app), &expected);
}

#[test]
fn an_empty_query_searches_nothing() {
    let mut screen = Screen::new(100, 30);
    let app = &mut screen.runtime.app;
    assert!(search(app, "").is_empty());
    assert_eq!(app.mode, Mode::Normal);
}

#[test]
fn batches_add_up_and_those_of_an_earlier_search_are_ignored() {
    let mut screen = Screen::new(100, 30);
    let app = &mut screen.runtime.app;
    search(app, "spy");
    let earlier = list(app).search.clone();
    // The same query again: the first search, still running, must not add to the new list.
    search(app, "spy");
    assert_ne!(list(app).search, earlier);
    batch(
        app,
        vec![hit("a", 1, false), hit("a", 4, true)],
        false,
        false,
    );
    batch_of(app, &earlier, vec![hit("z", 0, false)], true, false);
    batch(app, vec![hit("b", 2, false)], false, false);
    assert_eq!((list(app).hits.len(), list(app).running), (3, true));
    batch(app, vec![], true, true);
    let list = list(app);
    assert_eq!(
        (list.hits[2].path.clone(), list.running, list.capped),
        (PathBuf::from("b"), false, true)
    );
}

#[rstest::rstest]
#[case(vec![Command::NextUnit], 1)]
#[case(vec![Command::NextUnit, Command::NextUnit, Command::NextUnit, Command::NextUnit], 3)]
#[case(vec![Command::LastUnit], 3)]
#[case(vec![Command::LastUnit, Command::PrevUnit], 2)]
#[case(vec![Command::LastUnit, Command::FirstUnit], 0)]
#[case(vec![Command::PrevUnit], 0)]
#[case(vec![Command::ToggleClaim, Command::RemoveAnnotation, Command::NextUnit], 1)]
fn the_list_moves_like_every_list(#[case] commands: Vec<Command>, #[case] selected: usize) {
    let mut screen = Screen::new(100, 30);
    let app = &mut screen.runtime.app;
    search(app, "spy");
    let hits = (0..4).map(|unit| hit("a", unit, false)).collect();
    batch(app, hits, true, false);
    for command in commands {
        assert!(update(app, command).is_empty());
    }
    assert_eq!(list(app).selected, selected);
}

#[test]
fn enter_opens_the_hit_at_its_unit_and_esc_closes() {
    let mut screen = Screen::new(100, 30);
    let app = &mut screen.runtime.app;
    search(app, "spy");
    batch(
        app,
        vec![hit("a", 1, false), hit("b", 7, true)],
        true,
        false,
    );
    update(app, Command::NextUnit);
    let effects = update(app, Command::Open);
    assert!(
        matches!(effects.as_slice(), [Effect::OpenArticle(path)] if path == &PathBuf::from("b")),
        "{effects:?}"
    );
    assert_eq!(
        (&app.mode, app.resume.clone(), app.focus),
        (&Mode::Normal, Some((PathBuf::from("b"), 7)), Pane::Reading)
    );
    search(app, "spy");
    assert!(update(app, Command::Cancel).is_empty());
    assert_eq!(app.mode, Mode::Normal);
}

#[test]
fn the_overlay_shows_the_hits_that_fit_with_notes_marked() {
    let mut screen = Screen::new(80, 12);
    let app = &mut screen.runtime.app;
    search(app, "spy");
    let hits = (0..12).map(|unit| hit("a.txt", unit, unit == 9)).collect();
    batch(app, hits, true, true);
    for _ in 0..9 {
        update(app, Command::NextUnit);
    }
    insta::assert_snapshot!("library_search_hits_80x12", screen.text());
}

/// A speaker is searched like a note: the hit is on the tagged unit, its excerpt the speaker
/// with what they said, and it opens on that unit.
#[test]
fn the_search_finds_the_tags_of_a_speaker() {
    let mut screen = Screen::new(220, 30);
    screen.open(ARTICLE);
    screen.keys("jjjjcSAnatoly Quellwater<enter>");
    assert_eq!(
        screen.sidecar(ARTICLE).unwrap().annotations[0].speaker,
        "Anatoly Quellwater"
    );
    screen.keys("ggFquellwater<enter>");
    let hits = list(&screen.runtime.app).hits.clone();
    assert_eq!(
        hits.iter().map(|h| (h.unit, h.found)).collect::<Vec<_>>(),
        vec![(4, Found::Speaker)]
    );
    assert!(
        hits[0].excerpt.starts_with("Anatoly Quellwater: "),
        "{}",
        hits[0].excerpt
    );
    assert!(
        screen.text().contains("said by Anatoly Quellwater"),
        "{}",
        screen.text()
    );
    screen.keys("<enter>");
    assert_eq!(screen.runtime.app.doc.as_ref().unwrap().cursor, 4);
}

/// The search run for real: every sample article read from disk, a note found in its sidecar,
/// and a hit opened with the cursor on its unit.
#[test]
fn the_search_reads_the_library_and_opens_a_hit_on_its_unit() {
    let mut screen = Screen::new(100, 30);
    screen.open(ARTICLE);
    // A note on unit 3, saved in the sidecar.
    screen.keys("jjjazebrafish note<esc>");
    assert!(
        screen.sidecar(ARTICLE).unwrap().annotations[0]
            .note
            .contains("zebrafish")
    );
    screen.keys("gFZebra<enter>");
    // Smart case: a capital asks for that case exactly, and the note has none.
    assert_eq!(list(&screen.runtime.app).hits, vec![]);
    screen.keys("<esc>Fzebra<enter>");
    let hits = list(&screen.runtime.app).hits.clone();
    assert_eq!(
        hits.iter().map(|h| (h.unit, h.found)).collect::<Vec<_>>(),
        vec![(3, Found::Note)]
    );
    assert!(!list(&screen.runtime.app).running);

    // "korean" over the whole library: each article's matching units, in list order.
    screen.keys("<esc>Fkorean<enter>");
    let hits = list(&screen.runtime.app).hits.clone();
    let article = screen.runtime.app.doc.as_ref().unwrap().article.clone();
    let units = matching_units(&article, "korean");
    let in_open: Vec<usize> = hits
        .iter()
        .filter(|h| h.path == screen.path(ARTICLE) && h.found == Found::Text)
        .map(|h| h.unit)
        .collect();
    assert_eq!(in_open, units);
    assert!(
        hits.iter()
            .all(|h| h.excerpt.to_lowercase().contains("korean"))
    );
    // Open a hit in another article: it opens with the cursor on the hit's unit.
    let (index, other) = hits
        .iter()
        .enumerate()
        .find(|(_, h)| h.path != screen.path(ARTICLE) && h.unit > 0)
        .map(|(i, h)| (i, h.clone()))
        .unwrap();
    screen.keys(&"j".repeat(index));
    screen.keys("<enter>");
    let doc = screen.runtime.app.doc.as_ref().unwrap();
    assert_eq!((doc.path.clone(), doc.cursor), (other.path, other.unit));
    assert_eq!(screen.runtime.app.mode, Mode::Normal);
}

/// The cap: a library with more hits than kept stops at the first [`MAX_HITS`] and says so.
#[test]
fn the_search_keeps_the_first_hits_and_says_it_left_some_out() {
    let dir = tempfile::tempdir().unwrap();
    let mut articles = Vec::new();
    for i in 0..3 {
        let path = dir.path().join(format!("a{i}.txt"));
        let text = format!("Title {i}\n\n{}\n", "A spy came. ".repeat(MAX_HITS / 2));
        std::fs::write(&path, text).unwrap();
        articles.push((path, format!("a{i}")));
    }
    let mut batches = Vec::new();
    let capped = library_search::run(&articles, "spy", || true, |hits| batches.push(hits.len()));
    assert!(capped);
    assert_eq!(batches.iter().sum::<usize>(), MAX_HITS);
    assert_eq!(
        batches.len(),
        3,
        "one batch per article as it is read: {batches:?}"
    );
}

/// A search the screen no longer waits for (a newer query, the list closed) stops at its next
/// article instead of reading the rest of the library.
#[test]
fn a_search_no_longer_wanted_stops_at_the_next_article() {
    let dir = tempfile::tempdir().unwrap();
    let mut articles = Vec::new();
    for i in 0..4 {
        let path = dir.path().join(format!("b{i}.txt"));
        std::fs::write(&path, format!("Title {i}\n\nA spy came.\n")).unwrap();
        articles.push((path, format!("b{i}")));
    }
    let asked = std::cell::Cell::new(0);
    let mut read = Vec::new();
    let wanted = || {
        asked.set(asked.get() + 1);
        asked.get() <= 2
    };
    library_search::run(&articles, "spy", wanted, |hits| {
        read.push(hits[0].label.clone())
    });
    assert_eq!(read, vec!["b0", "b1"]);

    // What the runtime follows: the search of the open list while it runs, else none.
    let wanted = library_search::Wanted::default();
    wanted.start("first");
    assert!(wanted.still("first"));
    wanted.start("second");
    assert!(!wanted.still("first"), "a newer search replaces it");
    let running = Mode::Hits(HitList {
        search: "second".to_owned(),
        running: true,
        ..HitList::default()
    });
    wanted.follow(&running);
    assert!(wanted.still("second"));
    wanted.follow(&Mode::Normal);
    assert!(!wanted.still("second"), "the list closed");
}

/// While only the head of a big article is here, a hit in another article waits (its result
/// would race with the rest of this one) and the list stays; a hit in the open one is opened.
#[test]
fn a_hit_in_another_article_waits_while_a_big_one_is_read() {
    let mut screen = Screen::new(100, 30);
    let big = big_article::write_big(screen.library.path(), "big.txt", 400_000);
    let preview = loader::preview(&big, big_article::SMALL).unwrap();
    let app = &mut screen.runtime.app;
    update(app, preview);
    assert!(app.doc.as_ref().unwrap().loading.is_some());
    search(app, "spy");
    let other = Hit {
        path: PathBuf::from("other.txt"),
        ..hit("other.txt", 2, false)
    };
    let in_big = Hit {
        path: big.clone(),
        ..hit("big.txt", 3, false)
    };
    batch(app, vec![other, in_big], true, false);
    assert!(update(app, Command::Open).is_empty());
    assert!(matches!(app.mode, Mode::Hits(_)), "{:?}", app.mode);
    assert!(
        app.message
            .as_ref()
            .unwrap()
            .text
            .starts_with("still loading")
    );
    update(app, Command::NextUnit);
    assert!(update(app, Command::Open).is_empty());
    assert_eq!(
        (&app.mode, app.doc.as_ref().unwrap().cursor),
        (&Mode::Normal, 3)
    );
}
