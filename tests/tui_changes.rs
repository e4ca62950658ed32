//! The reading screen when an article changed after tagging: the status line's summary (made
//! off the loop's thread), `R` and the review's decisions, as `update` tables on the whole state
//! and as snapshots of the screen.
#![allow(clippy::unwrap_used)]

#[path = "support/tui.rs"]
mod support;

use std::fs;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use pretty_assertions::assert_eq;
use sidenote::annotation::{Annotation, Status, Tag, anchor_for};
use sidenote::article::Article;
use sidenote::config::Config;
use sidenote::sidecar;
use sidenote::tagged_text;
use sidenote::tui::action::Action;
use sidenote::tui::app::{App, Mode};
use sidenote::tui::command::Command;
use sidenote::tui::effect::Effect;
use sidenote::tui::outcome::Outcome;
use sidenote::tui::{loader, setup, update::update};
use time::macros::datetime;

use support::{ARTICLE, Screen, sample_library};

/// Units of the sample tagged before the edit: a figure changes in 1, 5 is deleted, 9 and 12
/// only move up.
const TAGGED: [usize; 4] = [1, 5, 9, 12];

/// Tags the sample at `path` on [`TAGGED`], then edits it as an outlet would: a figure changed,
/// a sentence taken out.
fn tag_then_edit(path: &Path) {
    let text = fs::read_to_string(path).unwrap();
    let article = Article::parse(ARTICLE, text.as_bytes()).unwrap();
    let at = datetime!(2026-01-13 09:00 UTC);
    let annotations: Vec<Annotation> = TAGGED
        .iter()
        .map(|&unit| {
            let anchor = anchor_for(&article, unit, unit).unwrap();
            Annotation {
                author: "ana".to_owned(),
                ..Annotation::new(format!("tag-{unit}"), vec![Tag::Claim], anchor, at)
            }
        })
        .collect();
    sidecar::save(path, &article, &[], &annotations).unwrap();
    let deleted = article.unit_source(5).unwrap().to_owned();
    let edited = text
        .replacen("Un sent more than 10,000", "Un sent more than 12,000", 1)
        .replacen(&deleted, "", 1);
    assert_ne!(edited, text);
    fs::write(path, edited).unwrap();
}

/// The state after opening the edited sample: the report asked of the runtime, made as the
/// runtime makes it, and handed back.
fn opened_and_reported() -> (App, tempfile::TempDir, PathBuf) {
    let dir = sample_library();
    let path = dir.path().join(ARTICLE);
    tag_then_edit(&path);
    let mut app = setup(&Config::default(), false, Vec::new()).unwrap().app;
    update(
        &mut app,
        Action::Resize {
            width: 100,
            height: 30,
        },
    );
    update(
        &mut app,
        Action::Tick {
            now: datetime!(2026-11-22 10:00 UTC),
            new_id: "id-0".to_owned(),
        },
    );
    let effects = update(&mut app, loader::open_article(&path));
    let [Effect::ReportChanges { unsettled, .. }] = effects.as_slice() else {
        panic!("no report asked for: {effects:?}");
    };
    assert!(unsettled);
    let article = app.doc.as_ref().unwrap().article.clone();
    let then = sidecar::load(&path).unwrap().unwrap();
    let report = tagged_text::changes_since(
        &article,
        ARTICLE,
        &then.fingerprint,
        &then.annotations,
        None,
    )
    .unwrap();
    update(
        &mut app,
        Outcome::ChangesReported {
            path: path.clone(),
            report: Some(Arc::new(report)),
        },
    );
    (app, dir, path)
}

fn status_of(app: &App, id: &str) -> Option<Status> {
    let doc = app.doc.as_ref().unwrap();
    doc.annotations
        .iter()
        .find(|(a, _)| a.id == id)
        .map(|(_, p)| p.status)
}

fn shown(app: &App) -> Option<String> {
    match &app.mode {
        Mode::Review(view) => view.shown().map(|tag| tag.id.clone()),
        _ => None,
    }
}

fn message(app: &App) -> String {
    app.message
        .as_ref()
        .map(|m| m.text.clone())
        .unwrap_or_default()
}

fn saves(effects: &[Effect]) -> usize {
    effects
        .iter()
        .filter(|e| matches!(e, Effect::SaveSidecar { .. }))
        .count()
}

#[test]
fn the_status_line_says_what_changed_under_the_tags() {
    let (app, _dir, _) = opened_and_reported();
    assert_eq!(
        message(&app),
        "changed since tagged (R to review): 1 tag changed wording, 1 lost its sentence, 2 moved"
    );
}

#[test]
fn an_unchanged_tagged_article_asks_for_a_report_that_says_nothing() {
    let dir = sample_library();
    let path = dir.path().join(ARTICLE);
    tag_then_edit(&path);
    fs::write(&path, support::sample_text(ARTICLE)).unwrap();
    let mut screen = Screen::new(100, 30);
    screen.open(ARTICLE);
    // The library copy is untagged: nothing is asked.
    assert!(screen.runtime.app.doc.as_ref().unwrap().changes.is_none());
}

#[test]
fn r_opens_the_queue_of_fuzzy_and_orphaned_tags_and_m_adds_the_moved_ones() {
    let (mut app, _dir, _) = opened_and_reported();
    update(&mut app, Command::ReviewChanges);
    let Mode::Review(view) = &app.mode else {
        panic!("no review: {:?}", app.mode);
    };
    let ids: Vec<&str> = view.queue().iter().map(|t| t.id.as_str()).collect();
    assert_eq!(ids, ["tag-1", "tag-5"]);
    // The cursor is on the fuzzy tag's new place.
    assert_eq!(app.doc.as_ref().unwrap().cursor, 1);
    update(&mut app, Command::ToggleMoved);
    let Mode::Review(view) = &app.mode else {
        panic!()
    };
    assert_eq!(view.queue().len(), 4);
    update(&mut app, Command::NextMatch);
    assert_eq!(shown(&app).as_deref(), Some("tag-5"));
}

#[test]
fn y_accepts_the_new_place_saves_and_undo_takes_it_back() {
    let (mut app, _dir, _) = opened_and_reported();
    update(&mut app, Command::ReviewChanges);
    assert!(matches!(status_of(&app, "tag-1"), Some(Status::Fuzzy(_))));
    let effects = update(&mut app, Command::Accept);
    assert_eq!(saves(&effects), 1);
    assert_eq!(status_of(&app, "tag-1"), Some(Status::Anchored));
    let doc = app.doc.as_ref().unwrap();
    let (accepted, _) = doc
        .annotations
        .iter()
        .find(|(a, _)| a.id == "tag-1")
        .unwrap();
    assert!(accepted.anchor.exact.contains("12,000"));
    assert!(message(&app).starts_with("accepted the new place on unit 1"));
    // The orphan comes next.
    assert_eq!(shown(&app).as_deref(), Some("tag-5"));
    update(&mut app, Command::Cancel);
    update(&mut app, Command::Undo);
    assert!(matches!(status_of(&app, "tag-1"), Some(Status::Fuzzy(_))));
}

#[test]
fn y_on_an_orphan_says_what_can_be_done_instead() {
    let (mut app, _dir, _) = opened_and_reported();
    update(&mut app, Command::ReviewChanges);
    update(&mut app, Command::NextMatch);
    let effects = update(&mut app, Command::Accept);
    assert!(effects.is_empty());
    assert_eq!(shown(&app).as_deref(), Some("tag-5"));
    assert!(message(&app).contains("t re-attaches"), "{}", message(&app));
}

#[test]
fn t_re_attaches_the_orphan_to_the_cursor_unit() {
    let (mut app, _dir, _) = opened_and_reported();
    update(&mut app, Command::ReviewChanges);
    update(&mut app, Command::NextMatch);
    // Moving keys move the reading cursor while the review is open.
    app.doc.as_mut().unwrap().cursor = 6;
    let effects = update(&mut app, Command::ReattachTag);
    assert_eq!(saves(&effects), 1);
    assert_eq!(status_of(&app, "tag-5"), Some(Status::Anchored));
    let doc = app.doc.as_ref().unwrap();
    let index = doc.annotations.index_at_unit(6).unwrap();
    assert_eq!(doc.annotations.get(index).unwrap().0.id, "tag-5");
}

#[test]
fn t_onto_a_unit_another_tag_holds_is_refused() {
    let (mut app, _dir, _) = opened_and_reported();
    update(&mut app, Command::ReviewChanges);
    update(&mut app, Command::NextMatch);
    // Unit 8 now holds the tag made on unit 9 (one sentence up).
    app.doc.as_mut().unwrap().cursor = 8;
    let effects = update(&mut app, Command::ReattachTag);
    assert!(effects.is_empty());
    assert_eq!(status_of(&app, "tag-5"), Some(Status::Orphaned));
    assert!(message(&app).contains("another tag holds unit 8"));
}

fn kept(app: &App, id: &str) -> bool {
    let doc = app.doc.as_ref().unwrap();
    doc.annotations
        .annotations()
        .find(|a| a.id == id)
        .is_some_and(|a| a.anchor.kept_orphan)
}

#[test]
fn o_keeps_the_orphan_and_the_review_ends_when_all_are_settled() {
    let (mut app, _dir, _) = opened_and_reported();
    update(&mut app, Command::ReviewChanges);
    update(&mut app, Command::NextMatch);
    assert_eq!(shown(&app).as_deref(), Some("tag-5"));
    // On an orphan the decision is marked too, so that no later similar text takes the tag.
    let effects = update(&mut app, Command::Reject);
    assert_eq!(saves(&effects), 1);
    assert_eq!(status_of(&app, "tag-5"), Some(Status::Orphaned));
    assert!(kept(&app, "tag-5"));
    assert_eq!(shown(&app).as_deref(), Some("tag-1"));
    update(&mut app, Command::KeepOrphan);
    assert_eq!(app.mode, Mode::Normal);
    assert!(message(&app).contains("every changed tag is settled"));
}

#[test]
fn o_on_a_fuzzy_tag_makes_it_an_orphan_and_undo_brings_the_fuzzy_place_back() {
    let (mut app, _dir, _) = opened_and_reported();
    update(&mut app, Command::ReviewChanges);
    assert_eq!(shown(&app).as_deref(), Some("tag-1"));
    assert!(matches!(status_of(&app, "tag-1"), Some(Status::Fuzzy(_))));
    let effects = update(&mut app, Command::KeepOrphan);
    assert_eq!(saves(&effects), 1);
    assert_eq!(status_of(&app, "tag-1"), Some(Status::Orphaned));
    assert!(kept(&app, "tag-1"));
    assert!(
        message(&app).starts_with("kept as an orphan, with the text it was made on (u undoes)"),
        "{}",
        message(&app)
    );
    // Its old anchor is kept: the text it was made on.
    let doc = app.doc.as_ref().unwrap();
    let old = doc
        .annotations
        .annotations()
        .find(|a| a.id == "tag-1")
        .unwrap();
    assert!(old.anchor.exact.contains("10,000"), "{old:?}");
    // R again does not propose it.
    update(&mut app, Command::Cancel);
    update(&mut app, Command::ReviewChanges);
    assert_eq!(shown(&app).as_deref(), Some("tag-5"));
    update(&mut app, Command::Cancel);
    update(&mut app, Command::Undo);
    assert!(matches!(status_of(&app, "tag-1"), Some(Status::Fuzzy(_))));
    assert!(!kept(&app, "tag-1"));
    // After the undo, y accepts the new place as before, and the anchor made there is unmarked.
    update(&mut app, Command::ReviewChanges);
    update(&mut app, Command::Accept);
    assert_eq!(status_of(&app, "tag-1"), Some(Status::Anchored));
    assert!(!kept(&app, "tag-1"));
}

#[test]
fn x_deletes_the_tag_shown_and_undo_brings_it_back() {
    let (mut app, _dir, _) = opened_and_reported();
    update(&mut app, Command::ReviewChanges);
    update(&mut app, Command::NextMatch);
    let effects = update(&mut app, Command::RemoveAnnotation);
    assert_eq!(saves(&effects), 1);
    assert_eq!(status_of(&app, "tag-5"), None);
    assert!(message(&app).starts_with("deleted (u brings it back)"));
    update(&mut app, Command::Cancel);
    update(&mut app, Command::Undo);
    assert_eq!(status_of(&app, "tag-5"), Some(Status::Orphaned));
}

/// The screen on the edited sample, its change report come back from the runtime.
fn screen(width: u16, height: u16) -> Screen {
    let mut screen = Screen::new(width, height);
    tag_then_edit(&screen.path(ARTICLE));
    screen.open(ARTICLE);
    screen.runtime.settle(Duration::from_secs(10)).unwrap();
    screen
}

#[test]
fn the_banner_on_screen() {
    for (width, height) in [(80, 24), (160, 48)] {
        let mut screen = screen(width, height);
        insta::assert_snapshot!(format!("changes_banner_{width}x{height}"), screen.text());
    }
}

#[test]
fn the_review_on_screen() {
    for (width, height) in [(80, 24), (160, 48)] {
        let mut screen = screen(width, height);
        screen.keys("R");
        insta::assert_snapshot!(format!("changes_review_{width}x{height}"), screen.text());
        screen.keys("n");
        insta::assert_snapshot!(
            format!("changes_review_orphan_{width}x{height}"),
            screen.text()
        );
    }
}

#[test]
fn the_review_settles_a_tag_on_disk() {
    let mut screen = screen(100, 30);
    screen.keys("Ry");
    let saved = screen.sidecar(ARTICLE).unwrap();
    let tag = saved.annotations.iter().find(|a| a.id == "tag-1").unwrap();
    assert!(tag.anchor.exact.contains("12,000"), "{tag:?}");
}

#[test]
fn a_fuzzy_tag_kept_as_an_orphan_stays_one_on_disk_and_after_reopening() {
    let mut screen = screen(100, 30);
    screen.keys("Ro");
    let saved = screen.sidecar(ARTICLE).unwrap();
    assert_eq!(saved.version, 4);
    let tag = saved.annotations.iter().find(|a| a.id == "tag-1").unwrap();
    assert!(tag.anchor.kept_orphan, "{tag:?}");
    assert!(tag.anchor.exact.contains("10,000"), "{tag:?}");
    // Opened again, it is an orphan and the review does not propose it.
    screen.open(ARTICLE);
    screen.runtime.settle(Duration::from_secs(10)).unwrap();
    let app = &screen.runtime.app;
    assert_eq!(status_of(app, "tag-1"), Some(Status::Orphaned));
    let report = app.doc.as_ref().unwrap().changes.clone().unwrap();
    let listed = report.tags.iter().find(|t| t.id == "tag-1").unwrap();
    assert_eq!(listed.status, Status::Orphaned);
    screen.keys("R");
    assert_eq!(shown(&screen.runtime.app).as_deref(), Some("tag-5"));
}

#[test]
fn r_again_leaves_out_what_was_settled() {
    let (mut app, _dir, _) = opened_and_reported();
    update(&mut app, Command::ReviewChanges);
    update(&mut app, Command::Accept);
    update(&mut app, Command::Cancel);
    update(&mut app, Command::ReviewChanges);
    assert_eq!(shown(&app).as_deref(), Some("tag-5"));
    update(&mut app, Command::RemoveAnnotation);
    assert_eq!(app.mode, Mode::Normal);
    update(&mut app, Command::ReviewChanges);
    // Only the moved tags are left: shown rather than nothing.
    let Mode::Review(view) = &app.mode else {
        panic!("{:?}", app.mode)
    };
    assert!(view.show_moved);
    assert_eq!(view.queue().len(), 2);
}

#[test]
fn a_changed_text_with_no_tag_touched_is_said_all_the_same() {
    let dir = sample_library();
    let path = dir.path().join(ARTICLE);
    let text = fs::read_to_string(&path).unwrap();
    let article = Article::parse(ARTICLE, text.as_bytes()).unwrap();
    let at = datetime!(2026-01-13 09:00 UTC);
    let tag = Annotation::new(
        "tag-0",
        vec![Tag::Denial],
        anchor_for(&article, 0, 0).unwrap(),
        at,
    );
    sidecar::save(&path, &article, &[], &[tag]).unwrap();
    let deleted = article.unit_source(2).unwrap().to_owned();
    let edited = text.replacen(&deleted, "A different sentence stands here now.", 1);
    fs::write(&path, &edited).unwrap();
    let now = Arc::new(Article::parse(ARTICLE, edited.as_bytes()).unwrap());
    let mut app = setup(&Config::default(), false, Vec::new()).unwrap().app;
    update(&mut app, loader::open_article(&path));
    let report = sidenote::changes::report(
        &now,
        app.doc.as_ref().unwrap().annotations.iter(),
        Some(&article),
    );
    update(
        &mut app,
        Outcome::ChangesReported {
            path,
            report: Some(Arc::new(report)),
        },
    );
    assert_eq!(
        message(&app),
        "changed since tagged: no tag touched; 1 sentence added, 1 removed"
    );
    update(&mut app, Command::ReviewChanges);
    assert_eq!(app.mode, Mode::Normal);
}
