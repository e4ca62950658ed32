//! `update(&mut App, Action) -> Vec<Effect>`: every change of the reading screen's state.
//!
//! Pure: no I/O, no clock, no threads. Time and new ids arrive in [`Action::Tick`]; files are
//! read and written by the runtime through the returned [`Effect`]s, whose results come back as
//! actions. Split by area under `update/`.

pub mod disagreements;
mod edit;
mod library;
mod mouse;
mod movement;
mod results;
mod text;

use super::action::Action;
use super::app::{App, Mode, Pane};
use super::effect::Effect;
use crate::annotation::Tag;

/// Applies `action` to `app` and returns what the runtime must do next.
pub fn update(app: &mut App, action: Action) -> Vec<Effect> {
    // A notice lasts until the next key; a problem stays until it is replaced or dismissed.
    if is_command(&action) && app.message.as_ref().is_some_and(|m| !m.error) {
        app.message = None;
    }
    let had_message = app.message.is_some();
    let effects = apply(app, action);
    if app.message.is_some() != had_message {
        // The message row takes or gives back a row of the panes.
        movement::follow(app);
    }
    effects
}

fn apply(app: &mut App, action: Action) -> Vec<Effect> {
    if let Mode::Help { scroll } = app.mode
        && is_command(&action)
    {
        return help(app, scroll, action);
    }
    if let Some(notice) = waits_for_whole_article(app, &action) {
        results::say(app, notice);
        return Vec::new();
    }
    match action {
        Action::NextUnit => movement::step(app, 1),
        Action::PrevUnit => movement::step(app, -1),
        Action::NextParagraph => movement::paragraph(app, true),
        Action::PrevParagraph => movement::paragraph(app, false),
        Action::FirstUnit => movement::jump(app, false),
        Action::LastUnit => movement::jump(app, true),
        Action::HalfPageDown => movement::half_page(app, true),
        Action::HalfPageUp => movement::half_page(app, false),
        Action::NextAnnotation => movement::annotation(app, true),
        Action::PrevAnnotation => movement::annotation(app, false),
        Action::NextPane => movement::cycle_pane(app, true),
        Action::PrevPane => movement::cycle_pane(app, false),
        Action::Open => match app.focus {
            Pane::List => library::open_selected(app),
            Pane::Annotations => text::edit_selected_note(app),
            Pane::Reading => Vec::new(),
        },
        Action::ToggleClaim => edit::toggle_tag(app, Tag::Claim),
        Action::ToggleDenial => edit::toggle_tag(app, Tag::Denial),
        Action::ToggleQuote => edit::toggle_tag(app, Tag::Quote),
        Action::RemoveAnnotation => edit::remove(app),
        Action::EditNote => text::edit_note(app),
        Action::ToggleSelection => movement::toggle_selection(app),
        Action::Undo => edit::undo(app, true),
        Action::Redo => edit::undo(app, false),
        Action::StartSearch => text::start_search(app),
        Action::NextMatch => movement::next_match(app, true),
        Action::PrevMatch => movement::next_match(app, false),
        Action::Export => text::start_export(app),
        Action::CycleSort => library::cycle_sort(app),
        Action::ToggleList => movement::toggle_pane(app, Pane::List),
        Action::ToggleAnnotations => movement::toggle_pane(app, Pane::Annotations),
        Action::ToggleHelp => {
            app.mode = Mode::Help { scroll: 0 };
            Vec::new()
        }
        Action::Cancel => text::cancel(app),
        Action::Suspend => vec![Effect::Suspend],
        Action::Quit => {
            let effects = text::leave_note(app);
            quit(app);
            effects
        }
        Action::Input(input) => text::input(app, input),
        Action::Tick { now, new_id } => results::tick(app, now, new_id),
        Action::Resize { width, height } => {
            app.size = (width, height);
            movement::follow(app);
            Vec::new()
        }
        Action::Click { column, row } => mouse::click(app, column, row),
        Action::Scroll { column, row, down } => mouse::scroll(app, column, row, down),
        Action::LibraryLoaded { entries, done } => library::loaded(app, entries, done),
        Action::ArticlePreview(preview) => results::preview(app, preview),
        Action::ArticleOpened(opened) => results::opened(app, opened),
        Action::OpenFailed { path, message } => results::open_failed(app, &path, &message),
        Action::Saved {
            path,
            revision,
            on_disk,
            saved,
            as_saved,
        } => results::saved(app, &path, revision, on_disk, saved, as_saved),
        Action::SaveFailed { path, message } => results::save_failed(app, &path, message),
        Action::SearchFound { path, query, unit } => {
            results::search_found(app, &path, &query, unit)
        }
        Action::SearchDone {
            path,
            query,
            matches,
        } => results::search_done(app, &path, query, matches),
        Action::ShowDisagreements => disagreements::show(app),
        Action::DisagreementsLoaded { path, view } => disagreements::loaded(app, &path, view),
        Action::Exported(result) => {
            match result {
                Ok(path) => results::say(app, format!("exported to {}", path.display())),
                Err(message) => results::say_error(app, format!("export failed: {message}")),
            }
            Vec::new()
        }
    }
}

/// Whether `action` is something the user asked for (as opposed to a result or an event).
fn is_command(action: &Action) -> bool {
    !matches!(
        action,
        Action::Input(_)
            | Action::Tick { .. }
            | Action::Resize { .. }
            | Action::Click { .. }
            | Action::Scroll { .. }
            | Action::LibraryLoaded { .. }
            | Action::ArticlePreview(_)
            | Action::ArticleOpened(_)
            | Action::OpenFailed { .. }
            | Action::Saved { .. }
            | Action::SaveFailed { .. }
            | Action::SearchFound { .. }
            | Action::SearchDone { .. }
            | Action::Exported(_)
            | Action::DisagreementsLoaded { .. }
    )
}

/// The notice for `action` when it needs the whole article and only the head of a big one is
/// shown yet: tags, notes, undo, search, export, and opening another article (whose result
/// would race with this one's). Moving, scrolling and the list's filter work on the head.
fn waits_for_whole_article(app: &App, action: &Action) -> Option<String> {
    let doc = app.doc.as_ref()?;
    let loading = doc.loading?;
    let waits = match action {
        Action::ToggleClaim
        | Action::ToggleDenial
        | Action::ToggleQuote
        | Action::RemoveAnnotation
        | Action::EditNote
        | Action::Undo
        | Action::Redo
        | Action::NextMatch
        | Action::PrevMatch
        | Action::Export
        | Action::ShowDisagreements => true,
        Action::StartSearch => app.focus != Pane::List,
        Action::Open => match app.focus {
            Pane::List => app
                .selected_entry()
                .is_some_and(|entry| entry.path != doc.path),
            Pane::Annotations => true,
            Pane::Reading => false,
        },
        _ => false,
    };
    waits.then(|| {
        let name = doc
            .path
            .file_name()
            .map(|name| name.to_string_lossy().into_owned())
            .unwrap_or_default();
        format!(
            "still loading {name} ({}): tags, notes, search and export wait until it is read",
            loading.size_label()
        )
    })
}

/// Keys while the help overlay is open: movement scrolls it, quit quits, anything else closes it.
fn help(app: &mut App, scroll: usize, action: Action) -> Vec<Effect> {
    let last = app.help.len().saturating_sub(1);
    app.mode = match action {
        Action::NextUnit => Mode::Help {
            scroll: (scroll + 1).min(last),
        },
        Action::PrevUnit => Mode::Help {
            scroll: scroll.saturating_sub(1),
        },
        Action::HalfPageDown => Mode::Help {
            scroll: (scroll + 10).min(last),
        },
        Action::HalfPageUp => Mode::Help {
            scroll: scroll.saturating_sub(10),
        },
        Action::Quit => {
            quit(app);
            Mode::Normal
        }
        _ => Mode::Normal,
    };
    Vec::new()
}

/// Quits, unless the open article has changes that could not be saved and the user has not been
/// told yet: then it says so once, and the next quit goes ahead. Tags typed on a full disk are
/// only in memory, and a quit would lose them without a second look.
fn quit(app: &mut App) {
    let failing = app
        .doc
        .as_ref()
        .is_some_and(|doc| doc.save.failed.is_some());
    if failing && !app.quit_warned {
        app.quit_warned = true;
        results::say_error(
            app,
            "changes are NOT SAVED: they save by themselves once the disk or folder allows; \
             q again quits and loses them"
                .to_owned(),
        );
    } else {
        app.quit = true;
    }
}
