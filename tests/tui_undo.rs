//! Undo, redo and saves on the reading screen beside another process writing the same sidecar:
//! how far back undo goes, that undoing after a save merged in the other process's annotations
//! takes back only this screen's changes, and that edits made while a save runs never drop what
//! that save merged in. Saves run through the real sidecar module on files in a temporary
//! folder, as the runtime runs them.
#![allow(clippy::unwrap_used)]

#[path = "support/tui.rs"]
mod support;

use sidenote::annotation::{AnnotationSet, Stamp, Tag};
use sidenote::config::Config;
use sidenote::sidecar;
use sidenote::tui::action::{Action, Input};
use sidenote::tui::app::{App, Document, UNDO_LIMIT};
use sidenote::tui::command::Command;
use sidenote::tui::effect::Effect;
use sidenote::tui::outcome::Outcome;
use sidenote::tui::{loader, setup, update::update};
use time::macros::datetime;

use support::{ARTICLE, sample_library};

const NOW: time::OffsetDateTime = datetime!(2026-11-22 10:00 UTC);

fn tick(n: usize) -> Action {
    Action::Tick {
        now: NOW + time::Duration::seconds(n as i64),
        new_id: format!("0195a3c2-aaaa-7000-8000-{n:012}"),
    }
}

fn opened() -> (App, tempfile::TempDir) {
    let dir = sample_library();
    let mut app = setup(&Config::default(), false, Vec::new()).unwrap().app;
    update(
        &mut app,
        Action::Resize {
            width: 100,
            height: 30,
        },
    );
    update(&mut app, tick(0));
    update(&mut app, loader::open_article(&dir.path().join(ARTICLE)));
    (app, dir)
}

fn doc(app: &App) -> &Document {
    app.doc.as_ref().unwrap()
}

/// Runs `actions`, each after a tick (as the runtime gives every key), and then every save they
/// ask for through the sidecar module, feeding the results back until no save is left.
fn run(app: &mut App, actions: Vec<impl Into<Action>>, clock: &mut usize) {
    let mut effects = Vec::new();
    for action in actions {
        *clock += 1;
        update(app, tick(*clock));
        effects.extend(update(app, action));
    }
    run_saves(app, effects);
}

/// Runs the saves in `effects` through the sidecar module, feeding their results back until no
/// save is left.
fn run_saves(app: &mut App, mut effects: Vec<Effect>) {
    while let Some(effect) = effects.pop() {
        let Effect::SaveSidecar {
            path,
            article,
            base,
            ours,
            revision,
        } = effect
        else {
            panic!("only saves expected: {effect:?}");
        };
        let on_disk = sidecar::save_shared(&path, &article, &base, &ours).unwrap();
        effects.extend(update(app, Outcome::saved(path, revision, &ours, on_disk)));
    }
}

/// Another window tags `unit` of the open article as a quote and saves.
fn colleague_tags(app: &App, unit: usize) {
    let path = doc(app).path.clone();
    let article = doc(app).article.clone();
    let theirs = sidecar::load(&path)
        .unwrap()
        .map(|s| s.annotations)
        .unwrap_or_default();
    let mut set = AnnotationSet::new(&article, theirs.clone());
    let stamp = Stamp {
        author: "colleague".to_owned(),
        now: NOW,
        new_id: "0195a3c2-bbbb-7000-8000-000000000000".to_owned(),
    };
    set.add_tag(&article, (unit, unit), Tag::Quote, &stamp);
    sidecar::save(&path, &article, &theirs, &set.into_annotations()).unwrap();
}

/// Tags on disk, by first unit.
fn on_disk(app: &App) -> Vec<(String, Vec<Tag>)> {
    let sidecar = sidecar::load(&doc(app).path).unwrap().unwrap();
    let set = AnnotationSet::new(&doc(app).article, sidecar.annotations);
    set.annotations()
        .map(|a| (a.author.clone(), a.tags.clone()))
        .collect()
}

#[test]
fn undo_after_another_process_saved_keeps_its_annotations() {
    let (mut app, _dir) = opened();
    let mut clock = 0;
    app.author = "me".to_owned();
    run(&mut app, vec![Command::ToggleClaim], &mut clock);

    // Another window tags unit 2 of the same article and saves.
    colleague_tags(&app, 2);

    // This screen tags unit 1; its save merges the colleague's tag in.
    run(
        &mut app,
        vec![Command::NextUnit, Command::ToggleDenial],
        &mut clock,
    );
    let all = vec![
        ("me".to_owned(), vec![Tag::Claim]),
        ("me".to_owned(), vec![Tag::Denial]),
        ("colleague".to_owned(), vec![Tag::Quote]),
    ];
    assert_eq!(on_disk(&app), all);
    assert_eq!(doc(&app).annotations.len(), 3, "the merge is shown");

    run(&mut app, vec![Command::Undo, Command::Undo], &mut clock);
    let theirs_only = vec![("colleague".to_owned(), vec![Tag::Quote])];
    assert_eq!(on_disk(&app), theirs_only);
    assert_eq!(doc(&app).counts(), [0, 0, 1]);
    assert_eq!(
        app.message.as_ref().unwrap().text,
        "undone: 1 claim removed"
    );

    run(&mut app, vec![Command::Redo, Command::Redo], &mut clock);
    assert_eq!(on_disk(&app), all);
    assert_eq!(doc(&app).counts(), [1, 1, 1]);
}

#[test]
fn a_tag_merged_in_by_a_save_survives_an_edit_made_while_that_save_ran() {
    let (mut app, _dir) = opened();
    app.author = "me".to_owned();
    // A tag on unit 0: its save starts, and is held back here.
    update(&mut app, tick(1));
    let first = update(&mut app, Command::ToggleClaim);
    assert_eq!(first.len(), 1);
    // Meanwhile another window tags unit 2 and saves.
    colleague_tags(&app, 2);
    // While the first save runs, this screen tags unit 1: that change waits for it.
    update(&mut app, tick(2));
    assert!(update(&mut app, Command::NextUnit).is_empty());
    assert!(update(&mut app, Command::ToggleDenial).is_empty());

    // The first save merges the colleague's tag in; then the waiting change is saved. Taking
    // the disk as the waiting change's base would read the colleague's tag as deleted here.
    run_saves(&mut app, first);
    let all = vec![
        ("me".to_owned(), vec![Tag::Claim]),
        ("me".to_owned(), vec![Tag::Denial]),
        ("colleague".to_owned(), vec![Tag::Quote]),
    ];
    assert_eq!(on_disk(&app), all);
    assert_eq!(
        doc(&app).counts(),
        [1, 1, 1],
        "the colleague's tag is shown"
    );
}

#[test]
fn undo_goes_back_a_thousand_changes_and_no_further() {
    let (mut app, _dir) = opened();
    assert_eq!(UNDO_LIMIT, 1000);
    // Claims on units 0 to 4, then a quote toggled on unit 0 a thousand and one times: undo
    // keeps the last thousand toggles, from "quote on" onwards.
    let mut actions = Vec::new();
    for _ in 0..5 {
        actions.extend([Command::ToggleClaim, Command::NextUnit]);
    }
    actions.push(Command::FirstUnit);
    actions.extend((0..=UNDO_LIMIT).map(|_| Command::ToggleQuote));
    for action in actions {
        update(&mut app, action);
    }
    assert_eq!(doc(&app).counts(), [5, 0, 1]);
    assert_eq!(doc(&app).undo.len(), UNDO_LIMIT);

    for _ in 1..UNDO_LIMIT {
        update(&mut app, Command::Undo);
    }
    assert_eq!(doc(&app).counts(), [5, 0, 0]);
    update(&mut app, Command::Undo);
    assert_eq!(app.message.as_ref().unwrap().text, "undone: 1 quote added");
    update(&mut app, Command::Undo);
    assert_eq!(app.message.as_ref().unwrap().text, "nothing to undo");
    assert_eq!(
        doc(&app).counts(),
        [5, 0, 1],
        "the first toggle and the claims are past the limit"
    );

    for _ in 0..UNDO_LIMIT {
        update(&mut app, Command::Redo);
    }
    assert_eq!(doc(&app).counts(), [5, 0, 1]);
    update(&mut app, Command::Redo);
    assert_eq!(app.message.as_ref().unwrap().text, "nothing to redo");
}

#[test]
fn undo_says_what_it_took_back_not_what_is_left() {
    let (mut app, _dir) = opened();
    let said = |app: &App| app.message.as_ref().unwrap().text.clone();
    for command in [
        Command::ToggleClaim,
        Command::NextUnit,
        Command::ToggleClaim,
    ] {
        update(&mut app, command);
    }
    update(&mut app, Command::Undo);
    assert_eq!(said(&app), "undone: 1 claim removed");
    update(&mut app, Command::Redo);
    assert_eq!(said(&app), "redone: 1 claim added");
    update(&mut app, Command::RemoveAnnotation);
    update(&mut app, Command::Undo);
    assert_eq!(said(&app), "undone: 1 claim added");
    update(&mut app, Command::EditNote);
    update(&mut app, Action::Input(Input::Char('n')));
    update(&mut app, Command::Cancel);
    update(&mut app, Command::Undo);
    assert_eq!(said(&app), "undone: a note edit on 1 annotation");
}

/// What the watch reports for the open article's sidecar, read from disk.
fn watched(app: &App) -> Outcome {
    let path = doc(app).path.clone();
    let annotations = sidecar::load(&path).unwrap().unwrap().annotations;
    Outcome::SidecarChanged { path, annotations }
}

#[test]
fn another_writers_tags_come_in_through_a_save_and_a_stale_report_takes_nothing_back() {
    let (mut app, _dir) = opened();
    let entries = vec![loader::entry(&doc(&app).path)];
    update(
        &mut app,
        Outcome::LibraryLoaded {
            entries,
            done: true,
        },
    );
    let mut clock = 0;
    // The change starts a save whose merge brings the sidecar's tags in, counts too.
    colleague_tags(&app, 3);
    let report = watched(&app);
    let effects = update(&mut app, report);
    assert_eq!(effects.len(), 1);
    run_saves(&mut app, effects);
    assert_eq!(doc(&app).counts(), [0, 0, 1]);
    let at = app.library.index[&doc(&app).path];
    assert_eq!(app.library.entries[at].counts, [0, 0, 1]);
    // Seeing this screen's own save changes nothing.
    run(&mut app, vec![Command::ToggleClaim], &mut clock);
    let before = app.clone();
    let report = watched(&app);
    assert!(update(&mut app, report).is_empty());
    assert_eq!(app, before);
    // A report read before this screen's last save takes nothing back.
    let stale = Outcome::SidecarChanged {
        path: doc(&app).path.clone(),
        annotations: Vec::new(),
    };
    let effects = update(&mut app, stale);
    run_saves(&mut app, effects);
    assert_eq!(doc(&app).counts(), [1, 0, 1]);

    // A save is running: its result is followed by one more save, whose merge brings them in.
    update(&mut app, tick(50));
    let saving = update(&mut app, Command::ToggleDenial);
    colleague_tags(&app, 5);
    let report = watched(&app);
    assert!(update(&mut app, report).is_empty());
    assert_eq!(doc(&app).counts(), [1, 1, 1], "not while the save runs");
    run_saves(&mut app, saving);
    assert_eq!(doc(&app).counts(), [1, 1, 2]);
    assert_eq!(app.library.entries[at].counts, [1, 1, 2]);
}
