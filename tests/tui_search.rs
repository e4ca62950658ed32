//! Search on the reading screen: the cursor goes to the first match after it as soon as the
//! search meets it, before every match has been counted, and the count follows.
#![allow(clippy::unwrap_used)]

#[path = "support/tui.rs"]
mod support;

use pretty_assertions::assert_eq;
use std::path::{Path, PathBuf};

use sidenote::tui::action::{Action, Input};
use sidenote::tui::app::App;
use sidenote::tui::command::Command;
use sidenote::tui::effect::Effect;
use sidenote::tui::outcome::Outcome;
use sidenote::tui::search::matching_units;
use sidenote::tui::update::update;
use support::{ARTICLE, Screen};

/// Types `/spy` and Enter; returns the search effect's fields.
fn search_spy(app: &mut App) -> (PathBuf, String, usize) {
    update(app, Command::StartSearch);
    for c in "spy".chars() {
        update(app, Action::Input(Input::Char(c)));
    }
    let effects = update(app, Action::Input(Input::Enter));
    let [
        Effect::Search {
            path, query, from, ..
        },
    ] = effects.as_slice()
    else {
        panic!("{effects:?}")
    };
    (path.clone(), query.clone(), *from)
}

/// The search for "spy" met its first match at `unit`.
fn found(app: &mut App, path: &Path, unit: usize) {
    let path = path.to_owned();
    let query = "spy".to_owned();
    update(app, Outcome::SearchFound { path, query, unit });
}

/// The search for "spy" counted its `matches`.
fn done(app: &mut App, path: &Path, matches: Vec<usize>) {
    let path = path.to_owned();
    let query = "spy".to_owned();
    update(
        app,
        Outcome::SearchDone {
            path,
            query,
            matches,
        },
    );
}

#[test]
fn search_goes_to_the_first_match_after_the_cursor_and_counts_them_all() {
    let mut screen = Screen::new(100, 30);
    screen.open(ARTICLE);
    let article = screen.runtime.app.doc.as_ref().unwrap().article.clone();
    let all = matching_units(&article, "korean");
    assert!(all.len() >= 3, "{all:?}");
    let start = all[0] + 1;
    screen.keys(&"j".repeat(start));
    screen.keys("/korean<enter>");
    let doc = screen.runtime.app.doc.as_ref().unwrap();
    let expected = all.iter().position(|&unit| unit >= start).unwrap();
    assert_eq!(
        (doc.cursor, doc.search.current, doc.search.running),
        (all[expected], Some(expected), false)
    );
    assert_eq!(doc.search.matches, all);
}

#[test]
fn the_first_match_moves_the_cursor_before_the_count_arrives() {
    let mut screen = Screen::new(100, 30);
    screen.open(ARTICLE);
    let app = &mut screen.runtime.app;
    let (path, query, from) = search_spy(app);
    assert_eq!((query.as_str(), from), ("spy", 0));
    // An answer to an older query is ignored.
    update(
        app,
        Outcome::SearchFound {
            path: path.clone(),
            query: "spies".to_owned(),
            unit: 4,
        },
    );
    assert_eq!(app.doc.as_ref().unwrap().cursor, 0);
    found(app, &path, 4);
    let doc = app.doc.as_ref().unwrap();
    assert_eq!((doc.cursor, doc.search.running), (4, true));
    done(app, &path, vec![2, 4, 7]);
    let doc = app.doc.as_ref().unwrap();
    assert_eq!(
        (doc.cursor, doc.search.current, doc.search.running),
        (4, Some(1), false)
    );
}

#[test]
fn the_count_leaves_the_cursor_where_the_reader_moved_after_the_first_match() {
    let mut screen = Screen::new(100, 30);
    screen.open(ARTICLE);
    let app = &mut screen.runtime.app;
    let (path, _, _) = search_spy(app);
    found(app, &path, 4);
    // The reader goes on past the match before the count arrives.
    update(app, Command::NextUnit);
    done(app, &path, vec![2, 4, 7]);
    let doc = app.doc.as_ref().unwrap();
    assert_eq!(
        (doc.cursor, doc.search.current, doc.search.running),
        (5, Some(1), false)
    );
    update(app, Command::NextMatch);
    assert_eq!(app.doc.as_ref().unwrap().cursor, 7);
}
