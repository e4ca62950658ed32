//! The speaker prompt (`S`): opening it on the annotation under the cursor (or the one selected
//! in the annotation pane), typing and completing, and Enter, which sets the speaker as one
//! undoable edit (an empty line clears it). Esc leaves it without a change.

use crate::tui::action::Input;
use crate::tui::app::{App, Mode, Pane};
use crate::tui::effect::Effect;
use crate::tui::speakers::SpeakerPrompt;

use super::edit::edit;
use super::message::{say, say_error};

/// Opens the prompt, prefilled with the annotation's speaker; says so in the status line when
/// there is no annotation, or when the article is read-only.
pub fn open(app: &mut App) -> Vec<Effect> {
    let Some(doc) = app.doc.as_ref() else {
        return Vec::new();
    };
    let index = if app.focus == Pane::Annotations {
        (doc.selected_annotation < doc.annotations.len()).then_some(doc.selected_annotation)
    } else {
        doc.annotations.index_at_unit(doc.cursor)
    };
    let Some((annotation, _)) = index.and_then(|index| doc.annotations.get(index)) else {
        say(
            app,
            "no annotation here: tag the unit first, then S sets who says it".to_owned(),
        );
        return Vec::new();
    };
    if let Some(problem) = &doc.read_only {
        let text = format!("read-only, speakers cannot be set: {problem}");
        say_error(app, text);
        return Vec::new();
    }
    let prompt = SpeakerPrompt::new(
        &annotation.id,
        index.unwrap_or_default(),
        &annotation.speaker,
    );
    app.mode = Mode::Speaker(prompt);
    Vec::new()
}

/// A key typed into the prompt: Tab and Shift-Tab complete, Enter saves, the rest edits the line
/// at its end.
pub fn input(app: &mut App, input: Input) -> Vec<Effect> {
    let Mode::Speaker(prompt) = &mut app.mode else {
        return Vec::new();
    };
    match input {
        Input::Tab | Input::BackTab => {
            prompt.complete(&app.speakers, input == Input::BackTab);
            Vec::new()
        }
        Input::Enter => save(app),
        Input::Char(c) => {
            prompt.typed();
            prompt.input.push(c);
            Vec::new()
        }
        Input::Backspace => {
            prompt.typed();
            prompt.input.pop();
            Vec::new()
        }
        Input::Delete
        | Input::Left
        | Input::Right
        | Input::Up
        | Input::Down
        | Input::Home
        | Input::End => Vec::new(),
    }
}

/// Closes the prompt and sets the speaker it holds on its annotation, found by id.
fn save(app: &mut App) -> Vec<Effect> {
    let Mode::Speaker(prompt) = std::mem::replace(&mut app.mode, Mode::Normal) else {
        return Vec::new();
    };
    let Some(doc) = app.doc.as_ref() else {
        return Vec::new();
    };
    let set = &doc.annotations;
    let found = match set.get(prompt.index) {
        Some((annotation, _)) if annotation.id == prompt.id => Some(prompt.index),
        // A save brought other annotations in meanwhile: it moved.
        _ => set
            .annotations()
            .position(|annotation| annotation.id == prompt.id),
    };
    let Some(index) = found else {
        say_error(
            app,
            "the annotation is gone (removed meanwhile); no speaker set".to_owned(),
        );
        return Vec::new();
    };
    let (changed, effects) = edit(app, |set, _, stamp| {
        set.set_speaker(index, &prompt.input, stamp.now);
    });
    if changed {
        // Gone when clearing the speaker left it with nothing (no tag, no note).
        let speaker = app
            .doc
            .as_ref()
            .and_then(|doc| doc.annotations.get(index))
            .filter(|(annotation, _)| annotation.id == prompt.id)
            .map(|(annotation, _)| annotation.speaker.clone())
            .unwrap_or_default();
        app.speakers.add(&speaker);
        let text = if speaker.is_empty() {
            "speaker cleared".to_owned()
        } else {
            format!("speaker: {speaker}")
        };
        say(app, text);
    }
    effects
}
