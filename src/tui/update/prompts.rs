//! The text boxes: search, the list filter, the note editor and the export menu, and leaving
//! them (the speaker prompt has its own module, `speaker`).

use crate::export::Format;
use crate::tui::action::Input;
use crate::tui::app::{App, Mode, Pane};
use crate::tui::editor::Editor;
use crate::tui::effect::{Effect, ExportedDoc};

use super::edit::set_note;
use super::library::set_filter;
use super::message::{say, say_error};

/// Opens the search box (the title filter when the list has focus).
pub fn start_search(app: &mut App) -> Vec<Effect> {
    app.mode = if app.focus == Pane::List || app.doc.is_none() {
        Mode::Filter {
            input: app.library.filter.clone(),
        }
    } else {
        Mode::Search {
            input: String::new(),
        }
    };
    Vec::new()
}

/// Opens the note editor on the annotation under the cursor, or on the selection, with the note
/// it will replace: the annotation's own, or those of the annotations a selection joins. A
/// selection that would spread a tagged annotation's tags is refused with a message.
pub fn edit_note(app: &mut App) -> Vec<Effect> {
    let Some(doc) = app.doc.as_ref() else {
        return Vec::new();
    };
    match doc.annotations.note_for(doc.target()) {
        Ok((units, note)) => open_editor(app, units, &note),
        Err(spread) => {
            say_error(app, format!("no note written: {spread}"));
            Vec::new()
        }
    }
}

/// Opens the note editor on the annotation selected in the annotation pane.
pub fn edit_selected_note(app: &mut App) -> Vec<Effect> {
    let Some(doc) = app.doc.as_ref() else {
        return Vec::new();
    };
    let Some((annotation, placement)) = doc.annotations.get(doc.selected_annotation) else {
        return Vec::new();
    };
    let Some(units) = placement.units else {
        say_error(
            app,
            "this annotation's text is no longer in the article; its note cannot be edited here"
                .to_owned(),
        );
        return Vec::new();
    };
    let note = annotation.note.clone();
    open_editor(app, units, &note)
}

/// Opens the note editor, unless the article is read-only: a note typed there could never be
/// saved, so it is refused before anything is typed.
fn open_editor(app: &mut App, units: (usize, usize), note: &str) -> Vec<Effect> {
    if let Some(doc) = app.doc.as_mut() {
        if let Some(problem) = &doc.read_only {
            let text = format!("read-only, notes cannot be written: {problem}");
            say_error(app, text);
            return Vec::new();
        }
        doc.selection_start = None;
    }
    app.mode = Mode::Note {
        editor: Editor::new(note),
        units,
    };
    Vec::new()
}

/// Leaves the note editor keeping its text: the note is saved like any change.
pub fn leave_note(app: &mut App) -> Vec<Effect> {
    let Mode::Note { editor, units } = std::mem::replace(&mut app.mode, Mode::Normal) else {
        return Vec::new();
    };
    // Left as it was opened: nothing to write, and no join of the annotations a selection
    // touches that the person never asked for.
    if !editor.is_changed() {
        return Vec::new();
    }
    // Changed, not saved yet when an earlier save is still running: that one's result starts
    // the next save, so the change is as good as saved either way.
    let (changed, effects) = set_note(app, units, editor.text());
    if changed {
        say(app, "note saved".to_owned());
    }
    effects
}

/// Opens the export menu.
pub fn start_export(app: &mut App) -> Vec<Effect> {
    let library = app.focus == Pane::List || app.doc.is_none();
    if library && app.library.visible.is_empty() {
        say(app, "no articles to export".to_owned());
        return Vec::new();
    }
    if app.export_formats.is_empty() {
        say_error(
            app,
            "no export format is available in this build".to_owned(),
        );
        return Vec::new();
    }
    app.mode = Mode::Export {
        library,
        selected: 0,
    };
    Vec::new()
}

/// Esc: leave the box or overlay; in the plain mode, clear the list's filter (in the list), else
/// drop the selection, then the search, then the message.
pub fn cancel(app: &mut App) -> Vec<Effect> {
    match &app.mode {
        Mode::Note { .. } => return leave_note(app),
        Mode::Filter { .. } => {
            set_filter(app, String::new());
            app.mode = Mode::Normal;
        }
        Mode::Search { .. }
        | Mode::Speaker(_)
        | Mode::LibraryQuery { .. }
        | Mode::Hits(_)
        | Mode::Export { .. }
        | Mode::Help { .. }
        | Mode::Disagreements(_)
        | Mode::Matrix(_)
        | Mode::Review(_) => app.mode = Mode::Normal,
        Mode::Normal if app.focus == Pane::List && !app.library.filter.is_empty() => {
            set_filter(app, String::new());
        }
        Mode::Normal => {
            let doc = app.doc.as_mut();
            match doc {
                Some(doc) if doc.selection_start.is_some() => doc.selection_start = None,
                Some(doc) if !doc.search.query.is_empty() => doc.search = Default::default(),
                _ => app.message = None,
            }
        }
    }
    Vec::new()
}

/// A key typed into the open box.
pub fn input(app: &mut App, input: Input) -> Vec<Effect> {
    match &mut app.mode {
        Mode::Note { editor, .. } => {
            editor.apply(input);
            Vec::new()
        }
        Mode::Search { input: query } => match input {
            Input::Enter => {
                let query = std::mem::take(query);
                app.mode = Mode::Normal;
                submit_search(app, query)
            }
            other => {
                edit_line(query, other);
                Vec::new()
            }
        },
        Mode::LibraryQuery { input: query } => match input {
            Input::Enter => {
                let query = std::mem::take(query);
                super::hits::submit(app, query)
            }
            other => {
                edit_line(query, other);
                Vec::new()
            }
        },
        Mode::Filter { input: filter } => {
            if input == Input::Enter {
                app.mode = Mode::Normal;
                return Vec::new();
            }
            edit_line(filter, input);
            let filter = filter.clone();
            set_filter(app, filter);
            Vec::new()
        }
        Mode::Export { .. } => super::menu::input(app, input),
        Mode::Speaker(_) => super::speaker::input(app, input),
        Mode::Disagreements(_) => super::disagreements::input(app, input),
        Mode::Matrix(_) => super::claim_matrix::input(app, input),
        Mode::Normal | Mode::Help { .. } | Mode::Hits(_) | Mode::Review(_) => Vec::new(),
    }
}

/// One-line boxes: typing and deleting at the end.
fn edit_line(line: &mut String, input: Input) {
    match input {
        Input::Char(c) => line.push(c),
        Input::Backspace => {
            line.pop();
        }
        Input::Enter
        | Input::Delete
        | Input::Left
        | Input::Right
        | Input::Up
        | Input::Down
        | Input::Home
        | Input::End
        | Input::Tab
        | Input::BackTab => {}
    }
}

fn submit_search(app: &mut App, query: String) -> Vec<Effect> {
    let Some(doc) = app.doc.as_mut() else {
        return Vec::new();
    };
    doc.search = Default::default();
    if query.is_empty() {
        return Vec::new();
    }
    doc.search.query = query.clone();
    doc.search.running = true;
    vec![Effect::Search {
        path: doc.path.clone(),
        article: doc.article.clone(),
        query,
        from: doc.cursor,
    }]
}

/// The export of the open article, or of every article shown in the list; the open article is
/// exported as edited, the others as their sidecars hold them.
pub(super) fn export_effect(app: &App, format: Format, library: bool) -> Option<Effect> {
    let open = app.doc.as_ref().map(|doc| ExportedDoc {
        path: doc.path.clone(),
        article: doc.article.clone(),
        annotations: doc.annotations.annotations().cloned().collect(),
    });
    let (articles, name) = if library {
        let articles: Vec<_> = app
            .library
            .visible
            .iter()
            .filter_map(|&i| app.library.entries.get(i))
            .filter(|entry| entry.error.is_none())
            .map(|entry| entry.path.clone())
            .collect();
        (articles, "library".to_owned())
    } else {
        let doc = app.doc.as_ref()?;
        let name = doc
            .path
            .file_name()
            .map(|name| name.to_string_lossy().into_owned())
            .unwrap_or_else(|| "article".to_owned());
        (vec![doc.path.clone()], name)
    };
    Some(Effect::Export {
        format,
        articles,
        open,
        name,
    })
}
