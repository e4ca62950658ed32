//! Changing annotations: tags, removal, notes, undo and redo. Every change is recorded for undo
//! and handed to a save at once.
//!
//! A change costs work in proportion to what it touches, not to the article's annotations: the
//! set reports what an edit did ([`Change`]), undo keeps that rather than a copy of the set, and a
//! save is handed shared snapshots.

use crate::annotation::{AnnotationSet, Change, Edit, Stamp, Tag};
use crate::article::Article;
use crate::tui::app::{App, Document, UNDO_LIMIT};
use crate::tui::effect::Effect;

use super::message::{say, say_error};

/// The author, time and id for an edit made now.
pub fn stamp(app: &App) -> Stamp {
    Stamp {
        author: app.author.clone(),
        now: app.clock.now,
        new_id: app.clock.new_id.clone(),
    }
}

/// Runs `change` on the open document's annotations; when they changed, records the old ones for
/// undo, updates the library's counts and saves. Returns false when nothing changed.
pub fn edit(
    app: &mut App,
    change: impl FnOnce(&mut AnnotationSet, &Article, &Stamp),
) -> (bool, Vec<Effect>) {
    let stamp = stamp(app);
    let Some(doc) = app.doc.as_mut() else {
        return (false, Vec::new());
    };
    if let Some(problem) = &doc.read_only {
        let text = format!("not saved: {problem}");
        say_error(app, text);
        return (false, Vec::new());
    }
    // Whatever was recorded outside an edit (nothing, normally) is not part of this one.
    doc.annotations.take_change();
    change(&mut doc.annotations, &doc.article, &stamp);
    let change = doc.annotations.take_change();
    if change.is_empty() {
        return (false, Vec::new());
    }
    remember(&mut doc.undo, change);
    doc.redo.clear();
    (true, changed(app))
}

/// Pushes `change` on the undo stack, forgetting the oldest past [`UNDO_LIMIT`].
fn remember(undo: &mut Vec<Change>, change: Change) {
    if undo.len() >= UNDO_LIMIT {
        // A thousand pointers moved once per change at the limit: nothing next to a frame.
        undo.remove(0);
    }
    undo.push(change);
}

/// After any change of the open document: bump its revision, refresh counts, save.
pub fn changed(app: &mut App) -> Vec<Effect> {
    let Some(doc) = app.doc.as_mut() else {
        return Vec::new();
    };
    doc.revision += 1;
    doc.save.dirty = true;
    doc.selected_annotation = doc
        .selected_annotation
        .min(doc.annotations.len().saturating_sub(1));
    let counts = doc.counts();
    let path = doc.path.clone();
    let effects = save(doc).into_iter().collect();
    if let Some(&at) = app.library.index.get(&path) {
        app.library.entries[at].counts = counts;
    }
    effects
}

/// A save of `doc` when one is due and none is running; at most one runs at a time so each
/// save merges against what the previous one wrote.
pub fn save(doc: &mut Document) -> Option<Effect> {
    if doc.save.in_flight || !doc.save.dirty {
        return None;
    }
    doc.save.in_flight = true;
    doc.save.dirty = false;
    Some(Effect::SaveSidecar {
        path: doc.path.clone(),
        article: doc.article.clone(),
        base: doc.base.clone(),
        ours: doc.annotations.snapshot(),
        revision: doc.revision,
        cache: doc.sidecar_cache.clone(),
    })
}

/// Toggles `tag` on the cursor unit or the selection, then ends the selection. A selection whose
/// tagging would spread a tag to units or tags the person did not choose is refused with a
/// message, and stays, to be changed.
pub fn toggle_tag(app: &mut App, tag: Tag) -> Vec<Effect> {
    let Some(doc) = app.doc.as_ref() else {
        return Vec::new();
    };
    let target = doc.target();
    if let Err(spread) = doc.annotations.check(target, Edit::Toggle(tag)) {
        say_error(app, format!("not tagged: {spread}"));
        return Vec::new();
    }
    let (_, effects) = edit(app, |set, article, stamp| {
        set.toggle_tag(article, target, tag, stamp);
    });
    if let Some(doc) = app.doc.as_mut() {
        doc.selection_start = None;
        if let Some(index) = doc.annotations.index_at_unit(target.0) {
            doc.selected_annotation = index;
        }
    }
    effects
}

/// Removes the selected annotation (annotation pane) or the one under the cursor.
pub fn remove(app: &mut App) -> Vec<Effect> {
    let Some(doc) = app.doc.as_ref() else {
        return Vec::new();
    };
    let index = if app.focus == crate::tui::app::Pane::Annotations {
        (doc.selected_annotation < doc.annotations.len()).then_some(doc.selected_annotation)
    } else {
        doc.annotations.index_at_unit(doc.cursor)
    };
    let Some(index) = index else {
        say(app, "no annotation here".to_owned());
        return Vec::new();
    };
    let text = doc
        .annotations
        .get(index)
        .map(|(annotation, _)| super::message::removed(app, &annotation.tags, &annotation.note));
    let (changed, effects) = edit(app, |set, _, _| {
        set.remove(index);
    });
    if let Some(text) = text.filter(|_| changed) {
        say(app, text);
    }
    effects
}

/// Sets the note on units `first..=last`; says whether the annotations changed, and the save.
pub fn set_note(app: &mut App, units: (usize, usize), note: &str) -> (bool, Vec<Effect>) {
    edit(app, |set, article, stamp| {
        set.set_note(article, units, note, stamp);
    })
}

/// Undoes (or redoes) the last annotation change.
pub fn undo(app: &mut App, back: bool) -> Vec<Effect> {
    let Some(doc) = app.doc.as_mut() else {
        return Vec::new();
    };
    if doc.read_only.is_some() {
        return Vec::new();
    }
    let (from, to) = if back {
        (&mut doc.undo, &mut doc.redo)
    } else {
        (&mut doc.redo, &mut doc.undo)
    };
    let Some(change) = from.pop() else {
        let text = if back {
            "nothing to undo"
        } else {
            "nothing to redo"
        };
        say(app, text.to_owned());
        return Vec::new();
    };
    // Matched by id, so what another process merged in since stays; what this did is the way back.
    let before = doc.annotations.tag_counts();
    let done = doc.annotations.revert(&change);
    let text = super::message::undone(back, before, doc.annotations.tag_counts(), done.len());
    remember(to, done);
    let effects = changed(app);
    say(app, text);
    effects
}
