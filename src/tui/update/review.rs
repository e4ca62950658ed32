//! The review of the tags an article's changes touched: the banner when the report arrives, `R`
//! to open the queue, and the decisions, each an edit of the annotations (recorded for undo and
//! saved like any other): `y` accepts the new place, `t` re-attaches the tag to the cursor unit,
//! `o` (or `r`) keeps it as an orphan, `x` deletes it. `n`/`N` step through the queue without
//! deciding, `m` shows or hides the tags that only moved, Esc closes; moving keys move the
//! reading cursor so a unit can be chosen for `t`.

use std::path::Path;
use std::sync::Arc;

use crate::annotation::Status;
use crate::changes::Report;
use crate::tui::app::{App, Mode};
use crate::tui::command::Command;
use crate::tui::effect::Effect;
use crate::tui::review::ReviewView;

use super::message::{say, say_error};
use super::{edit, movement};

/// The report arrived: kept with the open article, and when the text changed under its tags,
/// the status line says so until dismissed.
pub fn reported(app: &mut App, path: &Path, report: Option<Arc<Report>>) -> Vec<Effect> {
    let Some(doc) = app.doc.as_mut().filter(|doc| doc.path == path) else {
        return Vec::new();
    };
    doc.changes = report.clone();
    let Some(report) = report else {
        return Vec::new();
    };
    // A problem already shown (an unreadable sidecar) stays.
    if !app.message.as_ref().is_some_and(|message| message.error) {
        let sentences = match &report.sentences {
            Some(s) if !s.is_empty() => format!(
                "; {} added, {} removed",
                sentences(s.added.len()),
                s.removed.len()
            ),
            _ => String::new(),
        };
        // The key comes first, so a narrow screen that cuts the line still shows it.
        let key = super::message::key_for(app, Command::ReviewChanges)
            .filter(|_| report.summary.is_reviewable())
            .map(|key| format!(" ({key} to review)"))
            .unwrap_or_default();
        say_error(
            app,
            format!("changed since tagged{key}: {}{sentences}", report.summary),
        );
    }
    Vec::new()
}

/// "1 sentence", "3 sentences".
fn sentences(count: usize) -> String {
    match count {
        1 => "1 sentence".to_owned(),
        n => format!("{n} sentences"),
    }
}

/// `R`: opens the review on the first tag to settle, or says there is none.
pub fn open(app: &mut App) -> Vec<Effect> {
    let Some(doc) = &app.doc else {
        say(app, "open an article to review its changes".to_owned());
        return Vec::new();
    };
    let Some(report) = doc.changes.clone().filter(|r| !r.tags.is_empty()) else {
        say(
            app,
            "no tag to review: the article's text is as it was when tagged".to_owned(),
        );
        return Vec::new();
    };
    let mut view = ReviewView::new(report);
    // Tags settled since the report was made (accepted, re-attached, deleted, kept as orphans)
    // do not come back.
    for tag in &view.report.tags {
        let now = doc
            .annotations
            .iter()
            .find(|(annotation, _)| annotation.id == tag.id);
        let settled = match now {
            None => true,
            Some((annotation, placement)) => {
                placement.status == Status::Anchored || annotation.anchor.kept_orphan
            }
        };
        if settled {
            view.settled.push(tag.id.clone());
        }
    }
    if view.queue().is_empty()
        && view
            .report
            .tags
            .iter()
            .all(|t| view.settled.contains(&t.id))
    {
        say(app, "every changed tag is settled".to_owned());
        return Vec::new();
    }
    if view.queue().is_empty() {
        // Only moves: show them rather than nothing.
        view.toggle_moved();
    }
    app.message = None;
    app.mode = Mode::Review(view);
    follow_view(app);
    Vec::new()
}

/// A command while the review is open.
pub fn command(app: &mut App, command: Command) -> Option<Vec<Effect>> {
    let Mode::Review(view) = &mut app.mode else {
        return None;
    };
    let effects = match command {
        Command::NextMatch => {
            view.step(true);
            follow_view(app);
            Vec::new()
        }
        Command::PrevMatch => {
            view.step(false);
            follow_view(app);
            Vec::new()
        }
        Command::ToggleMoved => {
            view.toggle_moved();
            follow_view(app);
            Vec::new()
        }
        Command::Accept => accept(app),
        Command::ReattachTag => reattach(app),
        Command::KeepOrphan | Command::Reject => keep(app),
        Command::RemoveAnnotation => delete(app),
        Command::Cancel => {
            app.mode = Mode::Normal;
            Vec::new()
        }
        // Everything else (moving, scrolling, undo, quit) works as outside the review.
        _ => return None,
    };
    Some(effects)
}

/// What the review needs of the tag shown.
struct Shown {
    id: String,
    status: Status,
    /// Where it is found now.
    units: Option<(usize, usize)>,
}

/// The tag shown, if any.
fn shown(app: &App) -> Option<Shown> {
    let Mode::Review(view) = &app.mode else {
        return None;
    };
    view.shown().map(|tag| Shown {
        id: tag.id.clone(),
        status: tag.status,
        units: tag.units,
    })
}

/// The position of the annotation `id` in the open document.
fn index_of(app: &App, id: &str) -> Option<usize> {
    let doc = app.doc.as_ref()?;
    doc.annotations.annotations().position(|a| a.id == id)
}

/// `y`: the tag takes the place re-anchoring found for it, and its anchor is rewritten there.
fn accept(app: &mut App) -> Vec<Effect> {
    let Some(Shown { id, units, .. }) = shown(app) else {
        return Vec::new();
    };
    let Some(units) = units else {
        say(
            app,
            "this tag's text is gone: t re-attaches it to the cursor unit, o keeps it, x deletes it"
                .to_owned(),
        );
        return Vec::new();
    };
    settle_with(app, &id, units, "accepted the new place")
}

/// `t`: the tag goes onto the cursor unit (or the selection).
fn reattach(app: &mut App) -> Vec<Effect> {
    let Some(Shown { id, .. }) = shown(app) else {
        return Vec::new();
    };
    let Some(doc) = &app.doc else {
        return Vec::new();
    };
    let units = match doc.selection_start {
        Some(start) => (start.min(doc.cursor), start.max(doc.cursor)),
        None => (doc.cursor, doc.cursor),
    };
    settle_with(app, &id, units, "re-attached")
}

/// Re-anchors annotation `id` onto `units` as one edit, then shows the next tag.
fn settle_with(app: &mut App, id: &str, units: (usize, usize), done: &str) -> Vec<Effect> {
    let Some(index) = index_of(app, id) else {
        return next(app, "this tag is no longer there".to_owned());
    };
    let now = app.clock.now;
    let mut placed = false;
    let (_, effects) = edit::edit(app, |set, article, _| {
        placed = set.reattach(article, index, units, now);
    });
    if !placed {
        if app.doc.as_ref().is_some_and(|doc| doc.read_only.is_none()) {
            say_error(
                app,
                format!(
                    "another tag holds unit {}: move the cursor to a free unit, or remove that tag first",
                    units.0
                ),
            );
        }
        return effects;
    }
    let mut effects = effects;
    effects.extend(next(app, format!("{done} on unit {} (u undoes)", units.0)));
    effects
}

/// `o`/`r`: the tag keeps its old anchor, marked as kept, as one edit (recorded for undo and
/// saved): it shows as an orphan with the text it was made on (in the annotation pane), and only
/// that very text places it again, never a similar one, so it is not proposed again. A tag that
/// only moved keeps its place: its text is there.
fn keep(app: &mut App) -> Vec<Effect> {
    let Some(Shown { id, status, .. }) = shown(app) else {
        return Vec::new();
    };
    if status == Status::Moved {
        return next(app, "left where it was: its text is there".to_owned());
    }
    let Some(index) = index_of(app, &id) else {
        return next(app, "this tag is no longer there".to_owned());
    };
    let already = app
        .doc
        .as_ref()
        .and_then(|doc| doc.annotations.get(index))
        .is_some_and(|(annotation, _)| annotation.anchor.kept_orphan);
    if already {
        return next(
            app,
            "kept as an orphan, with the text it was made on".to_owned(),
        );
    }
    let now = app.clock.now;
    let (kept, mut effects) = edit::edit(app, |set, _, _| {
        set.keep_orphan(index, now);
    });
    if kept {
        effects.extend(next(
            app,
            "kept as an orphan, with the text it was made on (u undoes)".to_owned(),
        ));
    }
    effects
}

/// `x`: the tag is deleted, as one edit undo brings back.
fn delete(app: &mut App) -> Vec<Effect> {
    let Some(Shown { id, .. }) = shown(app) else {
        return Vec::new();
    };
    let Some(index) = index_of(app, &id) else {
        return next(app, "this tag is no longer there".to_owned());
    };
    let (removed, mut effects) = edit::edit(app, |set, _, _| {
        set.remove(index);
    });
    if removed {
        effects.extend(next(app, "deleted (u brings it back)".to_owned()));
    }
    effects
}

/// Takes the tag shown out of the queue, says `done`, and shows the next one or closes the
/// review when none is left.
fn next(app: &mut App, done: String) -> Vec<Effect> {
    let Mode::Review(view) = &mut app.mode else {
        return Vec::new();
    };
    view.settle();
    let left = view.queue().len();
    if left == 0 {
        app.mode = Mode::Normal;
        say(app, format!("{done}; every changed tag is settled"));
    } else {
        say(app, format!("{done}; {left} left"));
        follow_view(app);
    }
    Vec::new()
}

/// Puts the reading cursor on the units the tag shown is found on now.
fn follow_view(app: &mut App) {
    let Some(Shown {
        units: Some((first, _)),
        ..
    }) = shown(app)
    else {
        return;
    };
    if let Some(doc) = app.doc.as_mut() {
        doc.cursor = first;
        doc.selection_start = None;
    }
    movement::follow(app);
}
