//! Undo, redo and saves on the reading screen beside another process writing the same sidecar:
//! how far back undo goes, that undoing after a save merged in the other process's annotations
//! takes back only this screen's changes (even from an annotation the merge changed or folded
//! into the other process's), that edits made while a save runs never drop what that save merged
//! in nor bring back what they took off, and a property test interleaving all of it. Saves run
//! through the real sidecar module on files in a temporary folder, as the runtime runs them.
#![allow(clippy::unwrap_used)]

use std::collections::BTreeSet;

#[path = "support/tui.rs"]
mod support;

use proptest::prelude::*;
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
        let saved = finish(effect);
        effects.extend(update(app, saved));
    }
}

/// Another window tags `unit` of the open article with `tag` and saves. Its id sorts before the
/// screen's, so a merge that folds its annotation and the screen's on the same text into one
/// keeps this one's id.
fn colleague_tags(app: &App, unit: usize, tag: Tag) {
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
        new_id: "0195a3c2-0000-7000-8000-000000000000".to_owned(),
    };
    set.add_tag(&article, (unit, unit), tag, &stamp);
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
    colleague_tags(&app, 2, Tag::Quote);

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
fn undo_takes_back_only_its_own_tag_from_an_annotation_another_process_tagged_too() {
    let (mut app, _dir) = opened();
    let mut clock = 0;
    run(
        &mut app,
        vec![
            Action::from(Command::NextUnit),
            Action::from(Command::ToggleQuote),
        ],
        &mut clock,
    );
    // Another window adds a claim to the same annotation; this screen's next save brings it in.
    colleague_tags(&app, 1, Tag::Claim);
    run(
        &mut app,
        vec![
            Action::from(Command::NextUnit),
            Action::from(Command::ToggleDenial),
        ],
        &mut clock,
    );
    let tags = |app: &App| doc(app).annotations.tags_at_unit(1).to_vec();
    assert_eq!(tags(&app), [Tag::Claim, Tag::Quote]);

    run(
        &mut app,
        vec![Action::from(Command::Undo), Action::from(Command::Undo)],
        &mut clock,
    );
    assert_eq!(tags(&app), [Tag::Claim], "the colleague's claim stays");
    assert_eq!(on_disk(&app).len(), 1);
    run(&mut app, vec![Action::from(Command::Redo)], &mut clock);
    assert_eq!(tags(&app), [Tag::Claim, Tag::Quote]);
}

#[test]
fn undo_takes_back_a_tag_whose_annotation_a_merge_folded_into_another_writers() {
    let (mut app, _dir) = opened();
    let mut clock = 0;
    colleague_tags(&app, 1, Tag::Claim);
    // The save folds this screen's new annotation on unit 1 into the colleague's.
    run(
        &mut app,
        vec![
            Action::from(Command::NextUnit),
            Action::from(Command::ToggleQuote),
        ],
        &mut clock,
    );
    let tags = |app: &App| doc(app).annotations.tags_at_unit(1).to_vec();
    assert_eq!(tags(&app), [Tag::Claim, Tag::Quote]);
    run(&mut app, vec![Action::from(Command::Undo)], &mut clock);
    assert_eq!(tags(&app), [Tag::Claim]);
    let on_disk: Vec<Vec<Tag>> = on_disk(&app).into_iter().map(|(_, tags)| tags).collect();
    assert_eq!(on_disk, vec![vec![Tag::Claim]]);
    run(&mut app, vec![Action::from(Command::Redo)], &mut clock);
    assert_eq!(tags(&app), [Tag::Claim, Tag::Quote]);
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
    colleague_tags(&app, 2, Tag::Quote);
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
fn a_tag_toggled_on_and_off_while_a_save_merges_another_writers_tag_stays_off() {
    let (mut app, _dir) = opened();
    app.author = "me".to_owned();
    // Another window tags unit 1 as a claim; this screen has not read it.
    colleague_tags(&app, 1, Tag::Claim);
    update(&mut app, tick(1));
    update(&mut app, Action::from(Command::NextUnit));
    // `3 3` on unit 1: the first save (quote on) runs and merges the claim in; the second
    // change (quote off) waits for it.
    let first = update(&mut app, Action::from(Command::ToggleQuote));
    assert_eq!(first.len(), 1);
    update(&mut app, tick(2));
    assert!(update(&mut app, Action::from(Command::ToggleQuote)).is_empty());
    run_saves(&mut app, first);

    let tags: Vec<Vec<Tag>> = on_disk(&app).into_iter().map(|(_, tags)| tags).collect();
    assert_eq!(tags, vec![vec![Tag::Claim]], "the quote was taken off");
    assert_eq!(doc(&app).annotations.tags_at_unit(1), &[Tag::Claim]);
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

/// One step of a screen editing beside another writer.
#[derive(Debug, Clone)]
enum Step {
    /// The screen toggles a tag on a unit; its save starts unless one is running.
    Toggle(usize, usize),
    /// The running save finishes and its result comes back.
    Finish,
    /// Another process adds (or removes) a tag on a unit, with an id that sorts before or after
    /// the screen's.
    Outside(usize, usize, bool, bool),
}

fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        3 => (0usize..UNITS, 0usize..3).prop_map(|(unit, tag)| Step::Toggle(unit, tag)),
        2 => Just(Step::Finish),
        2 => (0usize..UNITS, 0usize..3, any::<bool>(), any::<bool>())
            .prop_map(|(unit, tag, add, early)| Step::Outside(unit, tag, add, early)),
    ]
}

/// The units the steps touch: few, so the writers meet on the same ones.
const UNITS: usize = 3;

/// Tags by unit, as a person reads them.
type Units = Vec<BTreeSet<Tag>>;

/// The merge a save makes, unit by unit and tag by tag: a tag stays when it was in the base and
/// neither side took it off, or when either side added it.
fn merged(base: &Units, ours: &Units, theirs: &Units) -> Units {
    (0..UNITS)
        .map(|u| {
            Tag::ALL
                .into_iter()
                .filter(|tag| {
                    let (b, o, t) = (
                        base[u].contains(tag),
                        ours[u].contains(tag),
                        theirs[u].contains(tag),
                    );
                    (b && o && t) || (!b && (o || t))
                })
                .collect()
        })
        .collect()
}

fn units_of(set: &AnnotationSet) -> Units {
    (0..UNITS)
        .map(|u| set.tags_at_unit(u).iter().copied().collect())
        .collect()
}

fn units_on_disk(app: &App) -> Units {
    let annotations = sidecar::load(&doc(app).path)
        .unwrap()
        .map(|s| s.annotations)
        .unwrap_or_default();
    units_of(&AnnotationSet::new(&doc(app).article, annotations))
}

/// The save that `effects` ask for, if any.
fn save_in(effects: Vec<Effect>) -> Option<Effect> {
    effects
        .into_iter()
        .find(|effect| matches!(effect, Effect::SaveSidecar { .. }))
}

/// Runs a save through the sidecar module; returns its result for the screen.
fn finish(effect: Effect) -> Outcome {
    let Effect::SaveSidecar {
        path,
        article,
        base,
        ours,
        revision,
        cache,
    } = effect
    else {
        panic!("only saves expected: {effect:?}");
    };
    let mut cache = cache.lock().unwrap();
    let on_disk = sidecar::save_shared(&path, &article, &base, &ours, &mut cache).unwrap();
    drop(cache);
    Outcome::saved(path, revision, &ours, on_disk)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    /// However edits, saves and another writer's saves interleave, the sidecar and the screen end
    /// as a plain merge of tags unit by unit would leave them: ids, annotations folded together
    /// by a merge, and saves still running make no difference, and a tag taken off stays off.
    #[test]
    fn edits_saves_and_another_writer_merge_tag_by_tag(steps in prop::collection::vec(step(), 1..24)) {
        let (mut app, _dir) = opened();
        let empty: Units = vec![BTreeSet::new(); UNITS];
        // The model: the disk, the screen, the base of the screen's next save, and the running
        // save's base, annotations and whether the screen changed since it started.
        let (mut disk, mut screen, mut base) = (empty.clone(), empty.clone(), empty.clone());
        let mut running: Option<(Effect, Units, Units, bool)> = None;
        let mut dirty = false;
        for (n, step) in steps.into_iter().enumerate() {
            update(&mut app, tick(n + 1));
            match step {
                Step::Toggle(unit, tag) => {
                    update(&mut app, Action::from(Command::FirstUnit));
                    for _ in 0..unit {
                        update(&mut app, Action::from(Command::NextUnit));
                    }
                    let action = match tag {
                        0 => Action::from(Command::ToggleClaim),
                        1 => Action::from(Command::ToggleDenial),
                        _ => Action::from(Command::ToggleQuote),
                    };
                    let save = save_in(update(&mut app, action));
                    let tag = Tag::ALL[tag];
                    if !screen[unit].remove(&tag) {
                        screen[unit].insert(tag);
                    }
                    match &mut running {
                        Some((_, _, _, changed)) => {
                            prop_assert!(save.is_none(), "one save at a time");
                            *changed = true;
                            dirty = true;
                        }
                        None => {
                            let save = save.expect("a change starts a save");
                            running = Some((save, base.clone(), screen.clone(), false));
                        }
                    }
                }
                Step::Finish => {
                    let Some((save, save_base, saved, changed)) = running.take() else {
                        continue;
                    };
                    let next = save_in(update(&mut app, finish(save)));
                    disk = merged(&save_base, &saved, &disk);
                    if changed {
                        base = saved;
                    } else {
                        screen = disk.clone();
                        base = disk.clone();
                    }
                    prop_assert_eq!(next.is_some(), dirty);
                    if let Some(next) = next {
                        running = Some((next, base.clone(), screen.clone(), false));
                        dirty = false;
                    }
                }
                Step::Outside(unit, tag, add, early) => {
                    let path = doc(&app).path.clone();
                    let article = doc(&app).article.clone();
                    let theirs = sidecar::load(&path)
                        .unwrap()
                        .map(|s| s.annotations)
                        .unwrap_or_default();
                    let mut set = AnnotationSet::new(&article, theirs.clone());
                    let stamp = Stamp {
                        author: "colleague".to_owned(),
                        now: NOW,
                        new_id: format!("0195a3c2-{}-7000-8000-{n:012}", if early { "0000" } else { "ffff" }),
                    };
                    let tag = Tag::ALL[tag];
                    if add {
                        set.add_tag(&article, (unit, unit), tag, &stamp);
                        disk[unit].insert(tag);
                    } else {
                        set.remove_tag(unit, tag, NOW);
                        disk[unit].remove(&tag);
                    }
                    sidecar::save(&path, &article, &theirs, &set.into_annotations()).unwrap();
                }
            }
            prop_assert_eq!(&units_on_disk(&app), &disk);
            prop_assert_eq!(&units_of(&doc(&app).annotations), &screen);
        }
    }
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
    colleague_tags(&app, 3, Tag::Quote);
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
    colleague_tags(&app, 5, Tag::Quote);
    let report = watched(&app);
    assert!(update(&mut app, report).is_empty());
    assert_eq!(doc(&app).counts(), [1, 1, 1], "not while the save runs");
    run_saves(&mut app, saving);
    assert_eq!(doc(&app).counts(), [1, 1, 2]);
    assert_eq!(app.library.entries[at].counts, [1, 1, 2]);
}
