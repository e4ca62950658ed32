//! What comes back from the runtime: the clock, opened articles, saves and searches.

use std::path::Path;

use crate::annotation::{AnnotationSet, Timestamp};
use crate::tui::action::Opened;
use crate::tui::app::{App, Clock, Document, Message, Mode, Pane, SaveState, Search, Top};
use crate::tui::effect::Effect;

use super::edit::save;
use super::movement::{follow, move_cursor};

/// Seconds between retries of a failed save.
const RETRY_SECONDS: i64 = 2;

/// Shows `text` in the status bar.
pub fn say(app: &mut App, text: String) {
    app.message = Some(Message { text, error: false });
}

/// Shows the problem `text` in the status bar.
pub fn say_error(app: &mut App, text: String) {
    app.message = Some(Message { text, error: true });
}

/// A new time and id; retries failed saves whose pause is over.
pub fn tick(app: &mut App, now: Timestamp, new_id: String) -> Vec<Effect> {
    app.clock = Clock { now, new_id };
    let mut effects = Vec::new();
    if let Some(doc) = app.doc.as_mut()
        && let Some((_, at)) = &doc.save.failed
        && (now - *at).whole_seconds() >= RETRY_SECONDS
    {
        effects.extend(save(doc));
    }
    effects
}

/// Shows a freshly opened article, focus in the reading pane and the cursor on its first unit.
pub fn opened(app: &mut App, opened: Opened) -> Vec<Effect> {
    if let Some(doc) = &app.doc
        && (doc.save.in_flight || doc.save.dirty)
        && doc.path != opened.path
    {
        say_error(
            app,
            "the last change is still being saved; open the article again in a moment".to_owned(),
        );
        return Vec::new();
    }
    let annotations = AnnotationSet::new(&opened.article, opened.annotations.clone());
    let read_only = opened.sidecar_error.clone();
    app.doc = Some(Document {
        path: opened.path.clone(),
        article: opened.article,
        annotations,
        base: opened.annotations.into(),
        read_only: read_only.clone(),
        cursor: 0,
        anchor: None,
        top: Top::default(),
        selected_annotation: 0,
        undo: Vec::new(),
        redo: Vec::new(),
        revision: 0,
        save: SaveState::default(),
        search: Search::default(),
    });
    app.focus = Pane::Reading;
    app.mode = Mode::Normal;
    if let Some(index) = app
        .library
        .visible
        .iter()
        .position(|&i| app.library.entries[i].path == opened.path)
    {
        app.library.selected = index;
    }
    match read_only {
        Some(problem) => say_error(
            app,
            format!("{problem}: tags are shown but not saved until the sidecar is fixed"),
        ),
        None => app.message = None,
    }
    move_cursor(app, 0);
    Vec::new()
}

/// A save finished: adopt what is on disk as the new base, and as the annotations when nothing
/// changed meanwhile; start the next save if changes are waiting.
pub fn saved(
    app: &mut App,
    path: &Path,
    revision: u64,
    on_disk: Vec<crate::annotation::Annotation>,
) -> Vec<Effect> {
    let Some(doc) = app.doc.as_mut().filter(|doc| doc.path == path) else {
        return Vec::new();
    };
    doc.save.in_flight = false;
    doc.save.failed = None;
    // Saving works again: a later failure deserves its own warning before a quit.
    app.quit_warned = false;
    let Some(doc) = app.doc.as_mut() else {
        return Vec::new();
    };
    if revision == doc.revision {
        doc.annotations = AnnotationSet::new(&doc.article, on_disk.clone());
        doc.selected_annotation = doc
            .selected_annotation
            .min(doc.annotations.len().saturating_sub(1));
    }
    doc.base = on_disk.into();
    let effects = save(doc).into_iter().collect();
    if app.message.as_ref().is_some_and(|m| m.error) {
        app.message = None;
    }
    effects
}

/// A save failed: say so; the change stays in memory and the save is retried on a later tick.
pub fn save_failed(app: &mut App, path: &Path, message: String) -> Vec<Effect> {
    let now = app.clock.now;
    let Some(doc) = app.doc.as_mut().filter(|doc| doc.path == path) else {
        return Vec::new();
    };
    doc.save.in_flight = false;
    doc.save.dirty = true;
    doc.save.failed = Some((message.clone(), now));
    say_error(
        app,
        // The reassurance first: a long path in the message would push it off the screen.
        format!("not saved, kept in memory, retrying: {message}"),
    );
    Vec::new()
}

/// A search met its first match: go there now, while the rest is still being counted. The
/// matches that follow put the cursor on the same unit, unless the user has moved meanwhile.
pub fn search_found(app: &mut App, path: &Path, query: &str, unit: usize) -> Vec<Effect> {
    let Some(doc) = app.doc.as_ref().filter(|doc| doc.path == path) else {
        return Vec::new();
    };
    if doc.search.query != query || !doc.search.running {
        return Vec::new();
    }
    move_cursor(app, unit);
    follow(app);
    Vec::new()
}

/// A search finished: keep its matches and go to the first one at or after the cursor.
pub fn search_done(app: &mut App, path: &Path, query: String, matches: Vec<usize>) -> Vec<Effect> {
    let Some(doc) = app.doc.as_mut().filter(|doc| doc.path == path) else {
        return Vec::new();
    };
    if doc.search.query != query {
        return Vec::new();
    }
    doc.search.running = false;
    doc.search.matches = matches;
    if doc.search.matches.is_empty() {
        say(app, format!("no match for {query:?}"));
        return Vec::new();
    }
    let at = doc.search.matches.partition_point(|&u| u < doc.cursor) % doc.search.matches.len();
    doc.search.current = Some(at);
    let unit = doc.search.matches[at];
    move_cursor(app, unit);
    follow(app);
    Vec::new()
}
