//! Adopting a coder's version of a disputed unit (or the merged one) into the open article:
//! the unit's tags and note become the version's, as one edit, undone by one undo and saved
//! like any other.

use std::path::Path;

use crate::annotation::Tag;
use crate::tui::action::Input;
use crate::tui::app::{App, Mode};
use crate::tui::disagreements::{DisagreementView, Version};
use crate::tui::effect::Effect;

use super::message::{say, say_error};
use super::{edit, movement};

/// `D`: asks the runtime for the coders' versions of the open article, or says why there are
/// none to compare.
pub fn show(app: &mut App) -> Vec<Effect> {
    let Some(doc) = &app.doc else {
        say(
            app,
            "open an article to compare coders' versions of it".to_owned(),
        );
        return Vec::new();
    };
    if app.compare.copies.is_empty() {
        say(
            app,
            "no coders' copies to compare: open with sidenote PATH --compare COPY...".to_owned(),
        );
        return Vec::new();
    }
    vec![Effect::LoadDisagreements {
        path: doc.path.clone(),
        article: doc.article.clone(),
    }]
}

/// The coders' versions arrived: the view opens at the first disputed unit from the cursor on.
pub fn loaded(app: &mut App, path: &Path, view: Result<DisagreementView, String>) -> Vec<Effect> {
    let Some(doc) = app.doc.as_ref().filter(|doc| doc.path == path) else {
        return Vec::new();
    };
    match view {
        Ok(mut view) => {
            view.go_to(doc.cursor);
            if view.units.is_empty() {
                say(
                    app,
                    "the coders agree on every unit of this article".to_owned(),
                );
            }
            app.mode = Mode::Disagreements(view);
            follow_view(app);
        }
        Err(message) => say_error(app, format!("cannot compare: {message}")),
    }
    Vec::new()
}

/// A key in the view: `n`/`j` and `p`/`k` move, a digit adopts that coder's version, `m` the
/// merged one.
pub fn input(app: &mut App, input: Input) -> Vec<Effect> {
    let Mode::Disagreements(view) = &mut app.mode else {
        return Vec::new();
    };
    let Some(disputed) = view.current() else {
        return Vec::new();
    };
    let unit = disputed.unit;
    let chosen = match input {
        Input::Char('n' | 'j') | Input::Down => {
            view.step(true);
            None
        }
        Input::Char('p' | 'k') | Input::Up => {
            view.step(false);
            None
        }
        Input::Char('m') => view.merged().map(|v| ("the merged version".to_owned(), v)),
        Input::Char(c) => c
            .to_digit(10)
            .and_then(|n| (n as usize).checked_sub(1))
            .and_then(|coder| {
                let version = view.version(coder)?.clone();
                Some((format!("{}'s version", view.coders[coder]), version))
            }),
        _ => None,
    };
    let Some((whose, version)) = chosen else {
        follow_view(app);
        return Vec::new();
    };
    let effects = adopt(app, unit, &version);
    say(app, format!("unit {unit}: adopted {whose} (u undoes)"));
    effects
}

/// Puts the reading cursor on the unit the view shows.
fn follow_view(app: &mut App) {
    let Mode::Disagreements(view) = &app.mode else {
        return;
    };
    let Some(unit) = view.current().map(|d| d.unit) else {
        return;
    };
    if let Some(doc) = app.doc.as_mut() {
        doc.cursor = unit;
        doc.selection_start = None;
    }
    movement::follow(app);
}

/// Makes unit `unit` of the open article carry exactly `version`'s tags, note and speaker. Returns the
/// save to run; nothing when the unit already matches.
pub fn adopt(app: &mut App, unit: usize, version: &Version) -> Vec<Effect> {
    let (_, effects) = edit::edit(app, |set, article, stamp| {
        for tag in Tag::ALL {
            let (has, wanted) = (
                set.tags_at_unit(unit).contains(&tag),
                version.tags.contains(&tag),
            );
            if wanted && !has {
                set.add_tag(article, (unit, unit), tag, stamp);
            } else if has && !wanted {
                set.remove_tag(unit, tag, stamp.now);
            }
        }
        let note = set
            .index_at_unit(unit)
            .and_then(|index| set.get(index))
            .map(|(annotation, _)| annotation.note.clone());
        let differs = match &note {
            Some(note) => *note != version.note,
            None => !version.note.is_empty(),
        };
        if differs {
            set.set_note(article, (unit, unit), &version.note, stamp);
        }
        if let Some(index) = set.index_at_unit(unit) {
            set.set_speaker(index, &version.speaker, stamp.now);
        }
    });
    effects
}
