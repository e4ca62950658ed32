//! What comes back from the runtime: the clock, and every [`Outcome`] of background work:
//! opened articles (the head of a big one first), saves, searches, exports and suspends.

use std::path::Path;
use std::sync::Arc;

use crate::annotation::{AnnotationSet, Snapshot, Status, Timestamp};
use crate::article::Article;
use crate::tui::app::{
    App, Clock, Document, Loading, Mode, Pane, SaveState, Search, Top, count_tags,
};
use crate::tui::effect::Effect;
use crate::tui::outcome::{Opened, Outcome, Preview, SaveError};
use crate::tui::proposals::Proposals;

use super::edit::save;
use super::library::loaded;
use super::message::{say, say_error};
use super::movement::{follow, move_cursor};

/// Seconds between retries of a failed save.
const RETRY_SECONDS: i64 = 2;

/// Applies the result (or progress) of background work.
pub fn receive(app: &mut App, outcome: Outcome) -> Vec<Effect> {
    match outcome {
        Outcome::LibraryLoaded { entries, done } => loaded(app, entries, done),
        Outcome::ArticlePreview(first) => preview(app, first),
        Outcome::ArticleOpened(article) => opened(app, article),
        Outcome::OpenFailed { path, message } => open_failed(app, &path, &message),
        Outcome::Saved {
            path,
            revision,
            on_disk,
            saved: base,
            as_saved,
        } => saved(app, &path, revision, on_disk, base, as_saved),
        Outcome::SaveFailed { path, error } => save_failed(app, &path, error),
        Outcome::SidecarChanged { path, annotations } => sidecar_changed(app, &path, annotations),
        Outcome::SearchFound { path, query, unit } => search_found(app, &path, &query, unit),
        Outcome::SearchDone {
            path,
            query,
            matches,
        } => search_done(app, &path, query, matches),
        Outcome::LibraryHits {
            search,
            hits,
            done,
            capped,
        } => super::hits::received(app, &search, hits, done, capped),
        Outcome::Exported(Ok(path)) => {
            say(app, format!("exported to {}", path.display()));
            Vec::new()
        }
        Outcome::Exported(Err(message)) => {
            say_error(app, format!("export failed: {message}"));
            Vec::new()
        }
        Outcome::SuspendFailed(message) => {
            say_error(app, format!("suspending to the shell failed: {message}"));
            Vec::new()
        }
        Outcome::ChangesReported { path, report } => super::review::reported(app, &path, report),
        Outcome::DisagreementsLoaded { path, view } => {
            super::disagreements::loaded(app, &path, view)
        }
        Outcome::MatrixLoaded(view) => super::claim_matrix::loaded(app, view),
        Outcome::ClaimsChanged(result) => super::claim_matrix::changed(app, result),
    }
}

/// A new time and id; retries failed saves whose pause is over, when the failure may pass by
/// itself.
pub fn tick(app: &mut App, now: Timestamp, new_id: String) -> Vec<Effect> {
    app.clock = Clock { now, new_id };
    let mut effects = Vec::new();
    if let Some(doc) = app.doc.as_mut()
        && let Some((error, at)) = &doc.save.failed
        && error.is_retried()
        && (now - *at).whole_seconds() >= RETRY_SECONDS
    {
        effects.extend(save(doc));
    }
    effects
}

/// Shows the head of a big article while the whole file is read: moving works in it; edits,
/// search and export wait for the whole article (see `update`).
pub fn preview(app: &mut App, preview: Preview) -> Vec<Effect> {
    // The whole article, once here, is never replaced by its head.
    if app.doc.as_ref().is_some_and(|doc| doc.path == preview.path) {
        return Vec::new();
    }
    let Preview {
        path,
        article,
        size,
    } = preview;
    let effects = opened(
        app,
        Opened {
            path: path.clone(),
            article,
            annotations: Vec::new(),
            sidecar_error: None,
            // Proposals wait for the whole article, which brings its key.
            rejections_key: String::new(),
        },
    );
    if let Some(doc) = app.doc.as_mut().filter(|doc| doc.path == path) {
        doc.loading = Some(Loading { size });
    }
    effects
}

/// An article could not be opened: say why; the head shown while it was read goes.
pub fn open_failed(app: &mut App, path: &Path, message: &str) -> Vec<Effect> {
    if app
        .doc
        .as_ref()
        .is_some_and(|doc| doc.path == path && doc.loading.is_some())
    {
        app.doc = None;
        app.focus = Pane::List;
        if matches!(
            app.mode,
            Mode::Search { .. } | Mode::Note { .. } | Mode::Export { .. }
        ) {
            app.mode = Mode::Normal;
        }
    }
    say_error(app, format!("cannot open {}: {message}", path.display()));
    Vec::new()
}

/// Where the reader was in the head of an article, to find again in the whole article.
struct Place {
    article: Arc<Article>,
    cursor: usize,
    selection_start: Option<usize>,
    top: Top,
    focus: Pane,
    mode: Mode,
}

/// The unit of `to` that holds the start of unit `unit` of `from`. The head's units are the
/// whole article's first units when both decode the same; when they do not (a byte further on
/// made the whole file another encoding), the same byte offset is still near, and clamped.
fn same_unit(from: &Article, to: &Article, unit: usize) -> usize {
    let last = to.units().len().saturating_sub(1);
    from.units()
        .get(unit)
        .and_then(|unit| to.unit_at_byte(unit.start))
        .unwrap_or(last)
        .min(last)
}

/// Puts the reader back where they were in the head, now that the whole article is here.
fn restore(app: &mut App, place: Place) {
    app.focus = place.focus;
    app.mode = place.mode;
    let Some(doc) = app.doc.as_mut() else {
        return;
    };
    let (from, to) = (&place.article, &doc.article);
    let cursor = same_unit(from, to, place.cursor);
    doc.selection_start = place
        .selection_start
        .map(|start| same_unit(from, to, start));
    let top = same_unit(from, to, place.top.unit);
    let same = from.units().get(place.top.unit) == to.units().get(top);
    doc.top = Top {
        unit: top,
        row: if same { place.top.row } else { 0 },
    };
    move_cursor(app, cursor);
}

/// Shows a freshly opened article, focus in the reading pane and the cursor on its first unit;
/// the whole of an article shown from its head keeps the reader's place, focus and mode.
pub fn opened(app: &mut App, opened: Opened) -> Vec<Effect> {
    let place = app
        .doc
        .as_ref()
        .filter(|doc| doc.path == opened.path && doc.loading.is_some())
        .map(|doc| Place {
            article: doc.article.clone(),
            cursor: doc.cursor,
            selection_start: doc.selection_start,
            top: doc.top,
            focus: app.focus,
            mode: app.mode.clone(),
        });
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
    app.speakers.add_all(&opened.annotations);
    let annotations = AnnotationSet::new(&opened.article, opened.annotations);
    // What was read is the base of the next save's merge, shared with the set, not copied.
    let base = annotations.snapshot();
    let read_only = opened.sidecar_error.clone();
    app.doc = Some(Document {
        path: opened.path.clone(),
        article: opened.article,
        annotations,
        base,
        read_only: read_only.clone(),
        cursor: 0,
        selection_start: None,
        top: Top::default(),
        selected_annotation: 0,
        undo: Vec::new(),
        redo: Vec::new(),
        revision: 0,
        save: SaveState::default(),
        sidecar_cache: Default::default(),
        search: Search::default(),
        loading: None,
        changes: None,
        proposals: Proposals::new(opened.rejections_key),
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
    match place {
        Some(place) => restore(app, place),
        None => move_cursor(app, 0),
    }
    resume(app);
    report_changes(app)
}

/// The change report of the open article, asked of the runtime when it has tags: comparing its
/// text with the sidecar's fingerprint, and placing the tags again when it changed, happens off
/// the loop's thread.
fn report_changes(app: &App) -> Vec<Effect> {
    let Some(doc) = app.doc.as_ref().filter(|doc| !doc.annotations.is_empty()) else {
        return Vec::new();
    };
    let unsettled = doc
        .annotations
        .iter()
        .any(|(_, placement)| placement.status != Status::Anchored);
    vec![Effect::ReportChanges {
        path: doc.path.clone(),
        article: doc.article.clone(),
        annotations: doc.base.clone(),
        unsettled,
    }]
}

/// Puts the cursor where the reader left off last time, once that article is open far enough
/// (the head of a big one may not reach it yet).
fn resume(app: &mut App) {
    let Some(doc) = &app.doc else {
        return;
    };
    let Some((path, unit)) = app.resume.clone() else {
        return;
    };
    if path == doc.path && unit < doc.article.units().len() {
        app.resume = None;
        move_cursor(app, unit);
    }
}

/// A save finished: adopt what is on disk as the new base, and as the annotations when nothing
/// changed meanwhile; start the next save if changes are waiting.
pub fn saved(
    app: &mut App,
    path: &Path,
    revision: u64,
    on_disk: Snapshot,
    saved: Snapshot,
    as_saved: bool,
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
    // Another process's annotations, or anchors the save refreshed, come in by rebuilding the
    // set; when the sidecar holds just what was saved, the set is already right.
    if revision == doc.revision {
        if !as_saved {
            adopt(doc, on_disk.to_vec());
        }
        doc.base = on_disk;
    } else {
        // Edits made while the save ran derive from what it was given, not from what is on disk:
        // taking the disk as their base would read another process's annotations, merged in by
        // this save but not on the screen, as deleted here, and the next save would drop them.
        // With what was saved as the base, the next save brings them in.
        doc.base = saved;
    }
    let effects = save(doc).into_iter().collect();
    count_open(app);
    if app.message.as_ref().is_some_and(|m| m.error) {
        app.message = None;
    }
    effects
}

/// Shows `annotations` (what the sidecar holds) as the open document's.
fn adopt(doc: &mut Document, annotations: Vec<crate::annotation::Annotation>) {
    doc.annotations = AnnotationSet::new(&doc.article, annotations);
    doc.selected_annotation = doc
        .selected_annotation
        .min(doc.annotations.len().saturating_sub(1));
}

/// Puts the open document's tag counts into its library entry.
fn count_open(app: &mut App) {
    if let Some(doc) = &app.doc
        && let Some(&at) = app.library.index.get(&doc.path)
    {
        app.library.entries[at].counts = doc.counts();
    }
}

/// A sidecar changed on disk. For another article, only its counts change. For the open one,
/// when it holds something else than this screen last read or wrote, a save runs (after the
/// one running, if any): under the lock it reads the file as it is now and merges it, so the
/// other writer's tags come in through the same merge and result as any save, and a report
/// read before this screen's own last save cannot take a tag back. An open note editor is left
/// as it is: its note is set on the annotations as they are when it closes.
pub fn sidecar_changed(
    app: &mut App,
    path: &Path,
    annotations: Vec<crate::annotation::Annotation>,
) -> Vec<Effect> {
    app.speakers.add_all(&annotations);
    let open = app.doc.as_mut().filter(|doc| doc.path == path);
    let Some(doc) = open else {
        if let Some(&at) = app.library.index.get(path) {
            app.library.entries[at].counts = count_tags(annotations.iter());
        }
        return Vec::new();
    };
    if doc.read_only.is_some() || doc.loading.is_some() {
        return Vec::new();
    }
    // This screen's own save, seen on disk: nothing new.
    if annotations.len() == doc.base.len() && annotations.iter().eq(doc.base.iter()) {
        return Vec::new();
    }
    doc.save.dirty = true;
    save(doc).into_iter().collect()
}

/// A save failed: say so; the change stays in memory. A full disk or a busy lock is retried on
/// a later tick; a sidecar that is broken or newer is not, as only a person can fix it, and the
/// message says how (the next change saves again).
pub fn save_failed(app: &mut App, path: &Path, error: SaveError) -> Vec<Effect> {
    let now = app.clock.now;
    let Some(doc) = app.doc.as_mut().filter(|doc| doc.path == path) else {
        return Vec::new();
    };
    doc.save.in_flight = false;
    doc.save.dirty = true;
    // The reassurance first: a long path in the message would push it off the screen.
    let text = if error.is_retried() {
        format!("not saved, kept in memory, retrying: {error}")
    } else {
        format!("not saved, kept in memory: {error}")
    };
    doc.save.failed = Some((error, now));
    say_error(app, text);
    Vec::new()
}

/// A search met its first match: go there now, while the rest is still being counted. The
/// count that follows leaves the cursor where the reader has it by then.
pub fn search_found(app: &mut App, path: &Path, query: &str, unit: usize) -> Vec<Effect> {
    let Some(doc) = app.doc.as_ref().filter(|doc| doc.path == path) else {
        return Vec::new();
    };
    if doc.search.query != query || !doc.search.running {
        return Vec::new();
    }
    // The one match known so far: the count that follows finds it among all of them.
    if let Some(doc) = app.doc.as_mut() {
        doc.search.matches = vec![unit];
        doc.search.current = Some(0);
    }
    move_cursor(app, unit);
    follow(app);
    Vec::new()
}

/// A search finished: keep its matches and go to the first one at or after the cursor, unless
/// the first match was shown already: the reader may have moved on since, and stays there.
pub fn search_done(app: &mut App, path: &Path, query: String, matches: Vec<usize>) -> Vec<Effect> {
    let Some(doc) = app.doc.as_mut().filter(|doc| doc.path == path) else {
        return Vec::new();
    };
    if doc.search.query != query {
        return Vec::new();
    }
    doc.search.running = false;
    let shown = doc
        .search
        .current
        .and_then(|at| doc.search.matches.get(at).copied());
    doc.search.matches = matches;
    if doc.search.matches.is_empty() {
        say(app, format!("no match for {query:?}"));
        return Vec::new();
    }
    if let Some(unit) = shown {
        doc.search.current = doc.search.matches.binary_search(&unit).ok();
        return Vec::new();
    }
    let at = doc.search.matches.partition_point(|&u| u < doc.cursor) % doc.search.matches.len();
    doc.search.current = Some(at);
    let unit = doc.search.matches[at];
    move_cursor(app, unit);
    follow(app);
    Vec::new()
}
