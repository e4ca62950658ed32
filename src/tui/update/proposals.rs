//! The proposals' keys and their upkeep: computing the proposals of the units on screen after
//! every change of the view, showing or hiding them, jumping between them, accepting one (an
//! ordinary annotation with its speaker: saved, undoable) and rejecting one (remembered in the data directory,
//! never in the sidecar).

use crate::annotation::Edit;
use crate::tui::app::App;
use crate::tui::effect::Effect;

use super::edit::edit;
use super::message::{say, say_error};
use super::movement::{move_cursor, reading_size};

/// Computes the proposals of the units on screen that are not computed yet. Nothing while they
/// are hidden, or while only the head of a big article is shown.
pub fn fill(app: &mut App) {
    let (_, height) = reading_size(app);
    let Some(doc) = app.doc.as_mut() else {
        return;
    };
    if !doc.proposals.shown || doc.loading.is_some() {
        return;
    }
    // Each unit takes a row at least, so a screen never shows more units than rows.
    let top = doc.top.unit;
    doc.proposals.fill(&doc.article, top..top + height + 1);
}

/// Shows or hides the proposals.
pub fn toggle(app: &mut App) -> Vec<Effect> {
    let Some(doc) = app.doc.as_mut() else {
        return Vec::new();
    };
    doc.proposals.shown = !doc.proposals.shown;
    let text = if doc.proposals.shown {
        "proposals shown: y accepts, r rejects, ( and ) move between them"
    } else {
        "proposals hidden"
    };
    say(app, text.to_owned());
    Vec::new()
}

/// Moves the cursor to the next (or previous) unit with a proposal.
pub fn jump(app: &mut App, down: bool) -> Vec<Effect> {
    let Some(doc) = app.doc.as_mut() else {
        return Vec::new();
    };
    if !doc.proposals.shown {
        say(app, "proposals are hidden: p shows them".to_owned());
        return Vec::new();
    }
    let found = doc.proposals.find(
        doc.cursor,
        down,
        &doc.article,
        &doc.annotations,
        &app.rejected,
    );
    match found {
        Some(unit) => move_cursor(app, unit),
        None => say(
            app,
            format!(
                "no proposal in the next {} units",
                crate::tui::proposals::SCAN_LIMIT
            ),
        ),
    }
    Vec::new()
}

/// Turns the proposal under the cursor into an annotation with its tags, as one edit.
pub fn accept(app: &mut App) -> Vec<Effect> {
    let Some(doc) = app.doc.as_ref() else {
        return Vec::new();
    };
    let unit = doc.cursor;
    let proposal = doc.proposals.shown.then(|| {
        doc.proposals
            .visible(unit, &doc.article, &doc.annotations, &app.rejected)
    });
    let Some(proposal) = proposal.flatten() else {
        say(app, "no proposal here".to_owned());
        return Vec::new();
    };
    for &tag in &proposal.tags {
        if let Err(spread) = doc.annotations.check((unit, unit), Edit::Add(tag)) {
            say_error(app, format!("not accepted: {spread}"));
            return Vec::new();
        }
    }
    let tags = proposal.tags.clone();
    let speaker = proposal.speaker.clone().unwrap_or_default();
    // One edit: the tags, and the proposed speaker where the annotation has none yet (a speaker
    // someone set stays).
    let (changed, effects) = edit(app, |set, article, stamp| {
        for &tag in &tags {
            set.add_tag(article, (unit, unit), tag, stamp);
        }
        if let Some(index) = set.index_at_unit(unit)
            && set
                .get(index)
                .is_some_and(|(annotation, _)| annotation.speaker.is_empty())
        {
            set.set_speaker(index, &speaker, stamp.now);
        }
    });
    if changed {
        let names: Vec<&str> = tags.iter().map(|tag| tag.name()).collect();
        let who = if speaker.is_empty() {
            String::new()
        } else {
            app.speakers.add(&speaker);
            format!(", speaker {speaker}")
        };
        say(
            app,
            format!("accepted: {}{who} (u undoes)", names.join(", ")),
        );
        if let Some(doc) = app.doc.as_mut()
            && let Some(index) = doc.annotations.index_at_unit(unit)
        {
            doc.selected_annotation = index;
        }
    }
    effects
}

/// Rejects the proposal under the cursor: it is hidden now and kept in the data directory so
/// that it does not come back; the sidecar is not touched.
pub fn reject(app: &mut App) -> Vec<Effect> {
    let Some(doc) = app.doc.as_mut() else {
        return Vec::new();
    };
    let unit = doc.cursor;
    let shown = doc.proposals.shown
        && doc
            .proposals
            .visible(unit, &doc.article, &doc.annotations, &app.rejected)
            .is_some();
    if !shown {
        say(app, "no proposal here".to_owned());
        return Vec::new();
    }
    let key = doc.proposals.key.clone();
    let text = doc.article.unit_text(unit).unwrap_or_default().into_owned();
    app.rejected.insert(&key, &text);
    say(
        app,
        "proposal rejected: it will not be proposed again".to_owned(),
    );
    vec![Effect::RejectProposal {
        article: key,
        unit: text,
    }]
}
