//! `update` as a table: actions in, the whole state and the effects out.
#![allow(clippy::unwrap_used)]

#[path = "support/tui.rs"]
mod support;

use pretty_assertions::assert_eq;
use rstest::rstest;
use sidenote::annotation::{AnnotationSet, Stamp, Tag};
use sidenote::config::Config;
use sidenote::tui::action::{Action, Input};
use sidenote::tui::app::{App, Document, Mode, Pane};
use sidenote::tui::command::Command;
use sidenote::tui::effect::Effect;
use sidenote::tui::outcome::{Outcome, SaveError};
use sidenote::tui::{loader, setup, update::update};
use time::macros::datetime;

use support::{ARTICLE, sample_library};

/// Stands for the article's last unit in tables.
const LAST: usize = usize::MAX;

const NOW: time::OffsetDateTime = datetime!(2026-11-22 10:00 UTC);

fn tick(seconds: i64, id: &str) -> Action {
    Action::Tick {
        now: NOW + time::Duration::seconds(seconds),
        new_id: id.to_owned(),
    }
}

/// A 100x30 screen with the sample article open and the clock at NOW with id "id-0".
fn opened() -> (App, tempfile::TempDir) {
    opened_at(ARTICLE)
}

/// [`opened`] on the sample article `name`.
fn opened_at(name: &str) -> (App, tempfile::TempDir) {
    let dir = sample_library();
    let mut app = setup(&Config::default(), false, Vec::new()).unwrap().app;
    app.author = "tester".to_owned();
    update(
        &mut app,
        Action::Resize {
            width: 100,
            height: 30,
        },
    );
    update(&mut app, tick(0, "id-0"));
    let effects = update(&mut app, loader::open_article(&dir.path().join(name)));
    assert!(effects.is_empty());
    (app, dir)
}

/// The open article's save failed: the disk is full.
fn disk_full(app: &mut App) -> Outcome {
    let path = doc(app).path.clone();
    Outcome::SaveFailed {
        path: path.clone(),
        error: SaveError::Disk {
            path,
            reason: "disk full".to_owned(),
        },
    }
}

fn doc(app: &mut App) -> &mut Document {
    app.doc.as_mut().unwrap()
}

fn stamp(id: &str) -> Stamp {
    Stamp {
        author: "tester".to_owned(),
        now: NOW,
        new_id: id.to_owned(),
    }
}

fn run(app: &mut App, actions: Vec<impl Into<Action>>) -> Vec<Effect> {
    actions.into_iter().flat_map(|a| update(app, a)).collect()
}

#[test]
fn opening_an_article_focuses_the_reading_pane_on_unit_0() {
    let (app, _dir) = opened();
    let doc = app.doc.as_ref().unwrap();
    assert_eq!(
        (app.focus, doc.cursor, doc.selection_start),
        (Pane::Reading, 0, None)
    );
    assert_eq!(doc.revision, 0);
}

#[rstest]
#[case(vec![Command::NextUnit], 1)]
#[case(vec![Command::NextUnit, Command::NextUnit, Command::PrevUnit], 1)]
#[case(vec![Command::PrevUnit], 0)]
#[case(vec![Command::LastUnit], LAST)]
#[case(vec![Command::LastUnit, Command::NextUnit], LAST)]
#[case(vec![Command::LastUnit, Command::FirstUnit], 0)]
#[case(vec![Command::NextParagraph], 1)]
#[case(vec![Command::NextParagraph, Command::NextParagraph, Command::PrevParagraph], 1)]
#[case(vec![Command::HalfPageDown], 2)]
#[case(vec![Command::HalfPageDown, Command::HalfPageUp], 0)]
#[case(vec![Command::PageDown], 5)]
#[case(vec![Command::PageDown, Command::PageUp], 0)]
#[case(vec![Command::HalfPageDown, Command::HalfPageDown], 5)]
fn movement(#[case] actions: Vec<Command>, #[case] cursor: usize) {
    let (mut app, _dir) = opened();
    let effects = run(&mut app, actions);
    assert!(effects.is_empty());
    let last = doc(&mut app).article.units().len() - 1;
    let cursor = if cursor == LAST { last } else { cursor };
    assert_eq!(doc(&mut app).cursor, cursor);
}

#[rstest]
#[case(vec![Command::FocusLeft], Pane::List)]
#[case(vec![Command::FocusLeft, Command::FocusLeft], Pane::List)]
#[case(vec![Command::FocusRight], Pane::Annotations)]
#[case(vec![Command::FocusRight, Command::FocusRight], Pane::Annotations)]
#[case(vec![Command::FocusRight, Command::FocusLeft], Pane::Reading)]
fn left_and_right_move_between_panes(#[case] commands: Vec<Command>, #[case] focus: Pane) {
    let (mut app, _dir) = opened();
    run(&mut app, commands);
    assert_eq!(app.focus, focus);
}

#[test]
fn moving_changes_only_the_cursor_while_it_stays_in_sight() {
    let (mut app, _dir) = opened();
    let mut expected = app.clone();
    update(&mut app, Command::NextUnit);
    doc(&mut expected).cursor = 1;
    assert_eq!(app, expected);
}

#[test]
fn a_tag_changes_the_annotations_records_undo_and_saves() {
    let (mut app, _dir) = opened();
    let mut expected = app.clone();
    let effects = run(&mut app, vec![Command::NextUnit, Command::ToggleClaim]);

    let d = doc(&mut expected);
    d.cursor = 1;
    let article = d.article.clone();
    d.annotations
        .toggle_tag(&article, (1, 1), Tag::Claim, &stamp("id-0"));
    let change = d.annotations.take_change();
    assert_eq!(change.ids().collect::<Vec<_>>(), vec!["id-0"]);
    d.undo.push(change);
    d.revision = 1;
    d.save.in_flight = true;
    let path = d.path.clone();
    expected.library.entries.iter_mut().for_each(|e| {
        if e.path == path {
            e.counts = [1, 0, 0];
        }
    });
    assert_eq!(app, expected);
    let [
        Effect::SaveSidecar {
            revision,
            ours,
            base,
            ..
        },
    ] = effects.as_slice()
    else {
        panic!("one save expected: {effects:?}");
    };
    assert_eq!((*revision, ours.len(), base.len()), (1, 1, 0));
    let ours = ours.iter().next().unwrap();
    assert_eq!(ours.tags, vec![Tag::Claim]);
    assert_eq!(ours.id, "id-0");
}

#[test]
fn one_save_at_a_time_and_the_next_starts_when_it_ends() {
    let (mut app, _dir) = opened();
    let first = run(&mut app, vec![Command::ToggleClaim]);
    assert_eq!(first.len(), 1);
    let second = run(
        &mut app,
        vec![
            tick(1, "id-1"),
            Command::NextUnit.into(),
            Command::ToggleDenial.into(),
        ],
    );
    assert!(second.is_empty(), "a save is running: {second:?}");
    assert!(doc(&mut app).save.dirty);
    let Effect::SaveSidecar { ours, .. } = &first[0] else {
        panic!()
    };
    let path = doc(&mut app).path.clone();
    let third = update(&mut app, Outcome::saved(path, 1, ours, ours.to_vec()));
    let [
        Effect::SaveSidecar {
            revision: 2,
            base,
            ours,
            ..
        },
    ] = third.as_slice()
    else {
        panic!("the waiting change is saved next: {third:?}");
    };
    assert_eq!((base.len(), ours.len()), (1, 2));
}

#[test]
fn a_save_result_brings_in_what_another_process_wrote_and_only_then() {
    let (mut app, _dir) = opened();
    let effects = run(&mut app, vec![Command::ToggleClaim]);
    let Effect::SaveSidecar { ours, .. } = &effects[0] else {
        panic!("a save expected: {effects:?}")
    };
    let path = doc(&mut app).path.clone();

    // The sidecar holds just what was saved: the set is right as it is.
    let same = Outcome::saved(path.clone(), 1, ours, ours.to_vec());
    assert!(matches!(same, Outcome::Saved { as_saved: true, .. }));
    let before = doc(&mut app).annotations.clone();
    update(&mut app, same);
    assert_eq!(doc(&mut app).annotations, before);
    assert_eq!(doc(&mut app).base, *ours);

    // Another process added an annotation meanwhile: the save's result brings it in.
    doc(&mut app).save.in_flight = true;
    let article = doc(&mut app).article.clone();
    let mut theirs = AnnotationSet::new(&article, Vec::new());
    theirs.toggle_tag(&article, (2, 2), Tag::Denial, &stamp("theirs"));
    let mut on_disk = ours.to_vec();
    on_disk.extend(theirs.annotations().cloned());
    let merged = Outcome::saved(path, 1, ours, on_disk);
    assert!(matches!(
        merged,
        Outcome::Saved {
            as_saved: false,
            ..
        }
    ));
    update(&mut app, merged);
    let ids: Vec<_> = doc(&mut app)
        .annotations
        .annotations()
        .map(|a| a.id.clone())
        .collect();
    assert_eq!(ids, ["id-0", "theirs"]);
}

#[test]
fn a_failed_save_is_shown_kept_and_retried_after_a_pause() {
    let (mut app, _dir) = opened();
    run(&mut app, vec![Command::ToggleQuote]);
    let failed = disk_full(&mut app);
    let effects = update(&mut app, failed);
    assert!(effects.is_empty());
    assert!(app.message.as_ref().unwrap().text.contains("disk full"));
    assert!(app.message.as_ref().unwrap().error);
    assert_eq!(
        doc(&mut app).annotations.len(),
        1,
        "the tag stays in memory"
    );
    assert!(
        update(&mut app, tick(1, "id-1")).is_empty(),
        "too early to retry"
    );
    let retry = update(&mut app, tick(2, "id-2"));
    assert!(
        matches!(retry.as_slice(), [Effect::SaveSidecar { revision: 1, .. }]),
        "{retry:?}"
    );
}

#[test]
fn quitting_with_unsaved_changes_asks_once_more() {
    let (mut app, _dir) = opened();
    run(&mut app, vec![Command::Quit]);
    assert!(app.quit, "nothing unsaved: q quits at once");

    let (mut app, _dir) = opened();
    run(&mut app, vec![Command::ToggleQuote]);
    let failed = disk_full(&mut app);
    run(&mut app, vec![Action::from(failed), Command::Quit.into()]);
    assert!(
        !app.quit,
        "the first q is held back while changes are not saved"
    );
    let message = app.message.as_ref().unwrap();
    assert!(
        message.error && message.text.contains("q again"),
        "{message:?}"
    );
    run(&mut app, vec![Command::Quit]);
    assert!(app.quit, "the second q quits");
}

#[test]
fn undo_and_redo_restore_every_change() {
    let (mut app, _dir) = opened();
    run(
        &mut app,
        vec![
            Command::ToggleClaim,
            Command::NextUnit,
            Command::ToggleDenial,
        ],
    );
    let two = doc(&mut app).annotations.clone();
    let effects = run(&mut app, vec![Command::Undo]);
    assert!(effects.is_empty(), "saves wait for the running one");
    assert_eq!(doc(&mut app).annotations.len(), 1);
    run(&mut app, vec![Command::Undo]);
    assert_eq!(doc(&mut app).annotations.len(), 0);
    run(&mut app, vec![Command::Undo]);
    assert_eq!(app.message.as_ref().unwrap().text, "nothing to undo");
    run(&mut app, vec![Command::Redo, Command::Redo]);
    assert_eq!(doc(&mut app).annotations, two);
    assert_eq!(doc(&mut app).revision, 6);
}

#[test]
fn a_selection_is_tagged_as_one_annotation() {
    let (mut app, _dir) = opened();
    run(
        &mut app,
        vec![
            Command::NextUnit,
            Command::ToggleSelection,
            Command::NextUnit,
            Command::NextUnit,
        ],
    );
    assert_eq!(doc(&mut app).target(), (1, 3));
    run(&mut app, vec![Command::ToggleClaim]);
    let d = doc(&mut app);
    assert_eq!(d.selection_start, None);
    assert_eq!(d.annotations.len(), 1);
    assert_eq!(d.annotations.get(0).unwrap().1.units, Some((1, 3)));
}

#[test]
fn x_removes_the_annotation_under_the_cursor() {
    let (mut app, _dir) = opened();
    run(
        &mut app,
        vec![Command::ToggleClaim, Command::RemoveAnnotation],
    );
    assert_eq!(doc(&mut app).annotations, AnnotationSet::default());
    assert_eq!(
        app.message.as_ref().unwrap().text,
        "removed claim (u brings it back)"
    );
    run(&mut app, vec![Command::RemoveAnnotation]);
    assert_eq!(app.message.as_ref().unwrap().text, "no annotation here");
    run(
        &mut app,
        vec![
            Command::ToggleClaim,
            Command::ToggleQuote,
            Command::EditNote,
        ],
    );
    run(&mut app, vec![Action::Input(Input::Char('!'))]);
    run(&mut app, vec![Command::Cancel, Command::RemoveAnnotation]);
    assert_eq!(
        app.message.as_ref().unwrap().text,
        "removed claim + quote and its note (u brings it back)"
    );
}

#[test]
fn the_note_editor_keeps_its_text_on_esc() {
    let (mut app, _dir) = opened();
    run(&mut app, vec![Command::EditNote]);
    assert!(matches!(app.mode, Mode::Note { units: (0, 0), .. }));
    run(&mut app, typed("hi\nthere"));
    let effects = run(&mut app, vec![Command::Cancel]);
    assert_eq!(app.mode, Mode::Normal);
    assert_eq!(effects.len(), 1);
    let d = doc(&mut app);
    assert_eq!(d.annotations.get(0).unwrap().0.note, "hi\nthere");
    assert!(d.annotations.get(0).unwrap().0.tags.is_empty());
}

/// The actions that type `text` into the open box.
fn typed(text: &str) -> Vec<Action> {
    text.chars()
        .map(|c| match c {
            '\n' => Action::Input(Input::Enter),
            c => Action::Input(Input::Char(c)),
        })
        .collect()
}

/// The cursor on `unit`, from the first unit.
fn to_unit(unit: usize) -> Vec<Action> {
    let mut actions = vec![Action::from(Command::FirstUnit)];
    actions.extend((0..unit).map(|_| Action::from(Command::NextUnit)));
    actions
}

/// The actions that write `text` as the note of `unit`'s annotation.
fn note_on(unit: usize, text: &str) -> Vec<Action> {
    let mut actions = to_unit(unit);
    actions.push(Action::from(Command::EditNote));
    actions.extend(typed(text));
    actions.push(Action::from(Command::Cancel));
    actions
}

/// The note editor's text and units, when it is open.
fn editing(app: &App) -> Option<(String, (usize, usize))> {
    match &app.mode {
        Mode::Note { editor, units } => Some((editor.text().to_owned(), *units)),
        _ => None,
    }
}

#[test]
fn the_note_editor_on_a_one_unit_selection_starts_from_its_note_and_esc_keeps_it() {
    let (mut app, _dir) = opened();
    run(&mut app, note_on(4, "checked twice"));
    let undo = doc(&mut app).undo.len();
    // `v` on unit 4, `a`, Esc.
    run(
        &mut app,
        vec![
            Action::from(Command::ToggleSelection),
            Action::from(Command::EditNote),
        ],
    );
    assert_eq!(editing(&app), Some(("checked twice".to_owned(), (4, 4))));
    let effects = run(&mut app, vec![Action::from(Command::Cancel)]);
    assert!(effects.is_empty(), "nothing changed, nothing to save");
    let d = doc(&mut app);
    assert_eq!(d.annotations.get(0).unwrap().0.note, "checked twice");
    assert_eq!(d.undo.len(), undo, "leaving unchanged records nothing");
}

#[test]
fn the_note_editor_on_a_selection_that_grows_a_note_starts_from_that_note() {
    let (mut app, _dir) = opened();
    let mut actions = note_on(4, "why");
    actions.extend(to_unit(3));
    actions.extend([
        Action::from(Command::ToggleSelection),
        Action::from(Command::NextUnit),
        Action::from(Command::NextUnit),
    ]);
    actions.push(Action::from(Command::EditNote));
    run(&mut app, actions);
    assert_eq!(editing(&app), Some(("why".to_owned(), (3, 5))));
    run(&mut app, typed("?"));
    run(&mut app, vec![Action::from(Command::Cancel)]);
    let d = doc(&mut app);
    assert_eq!(d.annotations.len(), 1);
    let (annotation, placement) = d.annotations.get(0).unwrap();
    assert_eq!(
        (annotation.note.as_str(), placement.units),
        ("why?", Some((3, 5)))
    );
}

#[test]
fn a_note_on_a_selection_that_would_grow_a_tagged_annotation_is_refused() {
    let (mut app, _dir) = opened();
    let mut actions = to_unit(4);
    actions.push(Action::from(Command::ToggleClaim));
    actions.extend(to_unit(3));
    actions.extend([
        Action::from(Command::ToggleSelection),
        Action::from(Command::NextUnit),
        Action::from(Command::EditNote),
    ]);
    run(&mut app, actions);
    assert_eq!(app.mode, Mode::Normal);
    let message = app.message.clone().unwrap();
    assert!(message.error);
    assert!(
        message
            .text
            .contains("units 4-4 are one annotation (claim)"),
        "{}",
        message.text
    );
    assert_eq!(doc(&mut app).annotations.tags_at_unit(3), &[] as &[Tag]);
}

#[test]
fn a_selection_over_part_of_a_claim_is_not_tagged_a_denial() {
    let (mut app, _dir) = opened_at("kremlin-silent-on-captured-soldiers.txt");
    let mut actions = to_unit(14);
    actions.extend([
        Action::from(Command::ToggleSelection),
        Action::from(Command::NextUnit),
        Action::from(Command::ToggleClaim),
    ]);
    run(&mut app, actions);
    let claim = doc(&mut app).annotations.clone();
    assert_eq!(claim.get(0).unwrap().1.units, Some((14, 15)));
    // Cursor on 13, `v`, `j`, `d`.
    let mut actions = to_unit(13);
    actions.extend([
        Action::from(Command::ToggleSelection),
        Action::from(Command::NextUnit),
    ]);
    run(&mut app, actions);
    let effects = run(&mut app, vec![Action::from(Command::ToggleDenial)]);
    assert!(effects.is_empty());
    assert_eq!(doc(&mut app).annotations, claim, "nothing changed");
    let message = app.message.clone().unwrap();
    assert!(message.error);
    assert!(
        message
            .text
            .starts_with("not tagged: units 14-15 are one annotation (claim)"),
        "{}",
        message.text
    );
    assert_eq!(
        doc(&mut app).target(),
        (13, 14),
        "the selection stays to be changed"
    );
    // Pressing claim instead extends the claim over 13.
    run(&mut app, vec![Action::from(Command::ToggleClaim)]);
    let d = doc(&mut app);
    assert_eq!(d.annotations.len(), 1);
    let (annotation, placement) = d.annotations.get(0).unwrap();
    assert_eq!(
        (placement.units, annotation.tags.as_slice()),
        (Some((13, 15)), &[Tag::Claim][..])
    );
}

#[test]
fn a_note_says_saved_even_while_an_earlier_save_still_runs() {
    let (mut app, _dir) = opened();
    // The tag's save is running: the note's change waits for it, then goes in the next save.
    assert_eq!(run(&mut app, vec![Command::ToggleClaim]).len(), 1);
    run(
        &mut app,
        vec![
            Action::from(Command::EditNote),
            Action::Input(Input::Char('x')),
        ],
    );
    let effects = run(&mut app, vec![Command::Cancel]);
    assert!(effects.is_empty(), "one save at a time: {effects:?}");
    assert!(doc(&mut app).save.dirty);
    assert_eq!(app.message.as_ref().unwrap().text, "note saved");
    assert_eq!(doc(&mut app).annotations.get(0).unwrap().0.note, "x");
}

#[test]
fn search_results_move_to_the_first_match_after_the_cursor() {
    let (mut app, _dir) = opened();
    let mut actions: Vec<Action> = vec![Command::NextUnit.into(), Command::StartSearch.into()];
    actions.extend("spy".chars().map(|c| Action::Input(Input::Char(c))));
    actions.push(Action::Input(Input::Enter));
    let effects = run(&mut app, actions);
    let [Effect::Search { query, path, .. }] = effects.as_slice() else {
        panic!("{effects:?}")
    };
    assert_eq!(query, "spy");
    let done = Outcome::SearchDone {
        path: path.clone(),
        query: "spy".to_owned(),
        matches: vec![0, 2, 7],
    };
    update(&mut app, done);
    let d = doc(&mut app);
    assert_eq!((d.cursor, d.search.current), (2, Some(1)));
    run(&mut app, vec![Command::NextMatch, Command::NextMatch]);
    let d = doc(&mut app);
    assert_eq!((d.cursor, d.search.current), (0, Some(0)));
}

#[test]
fn help_scrolls_with_movement_and_closes_on_any_other_key() {
    let (mut app, _dir) = opened();
    run(
        &mut app,
        vec![Command::ToggleHelp, Command::NextUnit, Command::NextUnit],
    );
    assert_eq!(app.mode, Mode::Help { scroll: 2 });
    let effects = run(&mut app, vec![Command::ToggleClaim]);
    assert!(effects.is_empty());
    assert_eq!(app.mode, Mode::Normal);
    assert_eq!(
        doc(&mut app).annotations.len(),
        0,
        "the key only closed the help"
    );
}

/// The sample article opened with a sidecar that does not parse: read-only.
fn opened_read_only() -> (App, tempfile::TempDir) {
    let dir = sample_library();
    let path = dir.path().join(ARTICLE);
    std::fs::write(sidenote::sidecar::path_for(&path), "(version: oops").unwrap();
    let mut app = setup(&Config::default(), false, Vec::new()).unwrap().app;
    update(&mut app, loader::open_article(&path));
    (app, dir)
}

#[test]
fn a_sidecar_that_cannot_be_read_is_never_overwritten() {
    let (mut app, _dir) = opened_read_only();
    assert!(app.message.as_ref().unwrap().error);
    let effects = run(&mut app, vec![Command::ToggleClaim]);
    assert!(effects.is_empty());
    assert_eq!(doc(&mut app).annotations.len(), 0);
    assert!(app.message.as_ref().unwrap().text.starts_with("not saved"));
}

#[test]
fn a_read_only_article_refuses_a_note_before_it_is_typed() {
    let (mut app, _dir) = opened_read_only();
    let effects = run(&mut app, vec![Action::from(Command::EditNote)]);
    assert!(effects.is_empty());
    assert_eq!(app.mode, Mode::Normal, "no note box opens");
    let message = app.message.as_ref().unwrap();
    assert!(message.error);
    assert!(message.text.starts_with("read-only"), "{}", message.text);
}

#[test]
fn the_list_filters_by_title_and_sorts_by_date() {
    let dir = sample_library();
    let mut app = setup(&Config::default(), false, Vec::new()).unwrap().app;
    let mut paths = sidenote::library::collect_articles(&[dir.path().to_owned()]).unwrap();
    paths.sort();
    let entries = paths.iter().map(|p| loader::entry(p)).collect();
    update(
        &mut app,
        Outcome::LibraryLoaded {
            entries,
            done: true,
        },
    );
    let mut shown = app.library.visible.clone();
    shown.sort_unstable();
    assert_eq!(shown, vec![0, 1, 2, 3, 4]);
    let mut actions: Vec<Action> = vec![Command::StartSearch.into()];
    actions.extend("korean sol".chars().map(|c| Action::Input(Input::Char(c))));
    run(&mut app, actions);
    let titles: Vec<&str> = app
        .library
        .visible
        .iter()
        .map(|&i| app.library.entries[i].title.as_str())
        .collect();
    assert!(!titles.is_empty() && titles.len() < 5, "{titles:?}");
    assert!(
        titles
            .iter()
            .all(|t| t.to_lowercase().contains("korean sol"))
    );
    let found = titles.len();
    run(&mut app, vec![Command::Cancel]);
    assert_eq!(app.library.visible.len(), 5);
    // A filter kept with Enter is cleared by Esc in the list.
    let mut actions: Vec<Action> = vec![Command::StartSearch.into()];
    actions.extend("korean sol".chars().map(|c| Action::Input(Input::Char(c))));
    actions.push(Action::Input(Input::Enter));
    run(&mut app, actions);
    assert_eq!(
        (&app.mode, app.library.visible.len()),
        (&Mode::Normal, found)
    );
    run(&mut app, vec![Command::Cancel]);
    assert_eq!(app.library.filter, "");
    assert_eq!(app.library.visible.len(), 5);
    run(&mut app, vec![Command::CycleSort]);
    let dated: Vec<bool> = app
        .library
        .visible
        .iter()
        .map(|&i| app.library.entries[i].date.is_some())
        .collect();
    let mut sorted = dated.clone();
    sorted.sort_by(|a, b| b.cmp(a));
    assert_eq!(dated, sorted, "dated articles first");
}

#[test]
fn an_article_that_cannot_be_read_is_reported_not_opened() {
    let dir = sample_library();
    let path = dir.path().join("binary.txt");
    std::fs::write(&path, b"ab\0cd").unwrap();
    let mut app = setup(&Config::default(), false, Vec::new()).unwrap().app;
    let effects = update(&mut app, loader::open_article(&path));
    assert!(effects.is_empty());
    assert!(app.doc.is_none());
    let message = app.message.unwrap();
    assert!(message.error);
    assert!(message.text.contains("binary.txt"), "{}", message.text);
    assert!(message.text.contains("NUL"), "{}", message.text);
}

#[test]
fn a_failed_suspend_says_so_and_not_that_an_export_failed() {
    let (mut app, _dir) = opened();
    let effects = update(
        &mut app,
        Outcome::SuspendFailed("Input/output error (os error 5)".to_owned()),
    );
    assert!(effects.is_empty());
    let message = app.message.as_ref().unwrap();
    assert!(message.error);
    assert_eq!(
        message.text,
        "suspending to the shell failed: Input/output error (os error 5)"
    );
}

#[test]
fn a_signal_to_end_quits_at_once_keeping_the_note_being_typed() {
    let (mut app, _dir) = opened();
    run(&mut app, vec![Command::ToggleQuote]);
    let failed = disk_full(&mut app);
    update(&mut app, failed);
    run(
        &mut app,
        vec![
            Action::from(Command::EditNote),
            Action::Input(Input::Char('k')),
        ],
    );
    let effects = update(&mut app, Action::Terminate);
    assert!(app.quit, "no second look: the process is going");
    assert_eq!(app.mode, Mode::Normal);
    assert_eq!(doc(&mut app).annotations.get(0).unwrap().0.note, "k");
    assert!(
        matches!(effects.as_slice(), [Effect::SaveSidecar { .. }]),
        "{effects:?}"
    );
}
