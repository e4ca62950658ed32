//! `update(&mut App, Action) -> Vec<Effect>`: every change of the reading screen's state.
//!
//! Pure: no I/O, no clock, no threads. Time and new ids arrive in [`Action::Tick`]; files are
//! read and written by the runtime through the returned [`Effect`]s, whose results come back as
//! [`Outcome`](super::outcome::Outcome)s. Split by area under `update/`.

mod claim_matrix;
pub mod disagreements;
mod edit;
mod hits;
mod library;
mod menu;
mod message;
mod mouse;
mod movement;
mod overlay_list;
mod prompts;
mod proposals;
mod results;
mod review;
mod speaker;

use super::action::Action;
use super::app::{App, Mode, Pane};
use super::command::Command;
use super::effect::Effect;
use crate::annotation::Tag;

/// Applies `action` to `app` and returns what the runtime must do next.
pub fn update(app: &mut App, action: impl Into<Action>) -> Vec<Effect> {
    let action = action.into();
    // A notice lasts until the next key; a problem stays until it is replaced or dismissed.
    if matches!(action, Action::Command(_)) && app.message.as_ref().is_some_and(|m| !m.error) {
        app.message = None;
    }
    let had_message = app.message.is_some();
    let effects = apply(app, action);
    if app.message.is_some() != had_message {
        // The message row takes or gives back a row of the panes.
        movement::follow(app);
    }
    // After whatever moved the view: the proposals of the units now on screen.
    proposals::fill(app);
    effects
}

fn apply(app: &mut App, action: Action) -> Vec<Effect> {
    match action {
        Action::Command(command) => {
            if let Mode::Help { scroll } = app.mode {
                return help(app, scroll, command);
            }
            if let Mode::Export { library, selected } = app.mode {
                return menu::command(app, library, selected, command);
            }
            if let Mode::Hits(_) = app.mode {
                return hits::command(app, command);
            }
            if let Mode::Matrix(_) = app.mode {
                return claim_matrix::command(app, command);
            }
            if let Mode::Review(_) = app.mode
                && let Some(effects) = review::command(app, command)
            {
                return effects;
            }
            match waits_for_whole_article(app, command) {
                Some(notice) => {
                    message::say(app, notice);
                    Vec::new()
                }
                None => run(app, command),
            }
        }
        Action::Input(input) => prompts::input(app, input),
        Action::Tick { now, new_id } => results::tick(app, now, new_id),
        Action::Resize { width, height } => {
            app.size = (width, height);
            movement::follow(app);
            Vec::new()
        }
        Action::Click { column, row } => mouse::click(app, column, row),
        Action::Scroll { column, row, down } => mouse::scroll(app, column, row, down),
        Action::Terminate => {
            let effects = prompts::leave_note(app);
            app.quit = true;
            effects
        }
        Action::Outcome(outcome) => results::receive(app, outcome),
    }
}

/// Runs a command the user asked for.
fn run(app: &mut App, command: Command) -> Vec<Effect> {
    match command {
        Command::NextUnit => movement::step(app, 1),
        Command::PrevUnit => movement::step(app, -1),
        Command::NextParagraph => movement::paragraph(app, true),
        Command::PrevParagraph => movement::paragraph(app, false),
        Command::FirstUnit => movement::jump(app, false),
        Command::LastUnit => movement::jump(app, true),
        Command::HalfPageDown => movement::half_page(app, true),
        Command::HalfPageUp => movement::half_page(app, false),
        Command::PageDown => movement::page(app, true),
        Command::PageUp => movement::page(app, false),
        Command::NextAnnotation => movement::annotation(app, true),
        Command::PrevAnnotation => movement::annotation(app, false),
        Command::NextPane => movement::cycle_pane(app, true),
        Command::PrevPane => movement::cycle_pane(app, false),
        Command::FocusLeft => movement::focus_side(app, false),
        Command::FocusRight => movement::focus_side(app, true),
        Command::Open => match app.focus {
            Pane::List => library::open_selected(app),
            Pane::Annotations => prompts::edit_selected_note(app),
            Pane::Reading => Vec::new(),
        },
        Command::ToggleClaim => edit::toggle_tag(app, Tag::Claim),
        Command::ToggleDenial => edit::toggle_tag(app, Tag::Denial),
        Command::ToggleQuote => edit::toggle_tag(app, Tag::Quote),
        Command::RemoveAnnotation => edit::remove(app),
        Command::EditNote => prompts::edit_note(app),
        Command::EditSpeaker => speaker::open(app),
        Command::ToggleSelection => movement::toggle_selection(app),
        Command::Undo => edit::undo(app, true),
        Command::Redo => edit::undo(app, false),
        Command::StartSearch => prompts::start_search(app),
        Command::SearchLibrary => hits::start(app),
        Command::NextMatch => movement::next_match(app, true),
        Command::PrevMatch => movement::next_match(app, false),
        Command::Export => prompts::start_export(app),
        Command::CycleSort => library::cycle_sort(app),
        Command::ToggleList => movement::toggle_pane(app, Pane::List),
        Command::ToggleAnnotations => movement::toggle_pane(app, Pane::Annotations),
        Command::ToggleHelp => {
            app.mode = Mode::Help { scroll: 0 };
            Vec::new()
        }
        Command::Cancel => prompts::cancel(app),
        Command::Suspend => vec![Effect::Suspend],
        Command::ShowDisagreements => disagreements::show(app),
        Command::ShowMatrix => claim_matrix::show(app),
        Command::ReviewChanges => review::open(app),
        // The review's own keys do something only while it is open (`review::command`).
        Command::ReattachTag | Command::KeepOrphan | Command::ToggleMoved => Vec::new(),
        Command::ToggleProposals => proposals::toggle(app),
        Command::NextProposal => proposals::jump(app, true),
        Command::PrevProposal => proposals::jump(app, false),
        Command::Accept => proposals::accept(app),
        Command::Reject => proposals::reject(app),
        Command::Quit => {
            let effects = prompts::leave_note(app);
            quit(app);
            effects
        }
    }
}

/// The notice for `action` when it needs the whole article and only the head of a big one is
/// shown yet: tags, notes, undo, search, export, and opening another article (whose result
/// would race with this one's). Moving, scrolling and the list's filter work on the head.
fn waits_for_whole_article(app: &App, command: Command) -> Option<String> {
    let doc = app.doc.as_ref()?;
    let loading = doc.loading?;
    let waits = match command {
        Command::ToggleClaim
        | Command::ToggleDenial
        | Command::ToggleQuote
        | Command::RemoveAnnotation
        | Command::EditNote
        | Command::EditSpeaker
        | Command::Undo
        | Command::Redo
        | Command::NextMatch
        | Command::PrevMatch
        | Command::Export
        | Command::ShowDisagreements
        | Command::ReviewChanges
        | Command::ReattachTag
        | Command::KeepOrphan
        | Command::ToggleMoved
        | Command::NextProposal
        | Command::PrevProposal
        | Command::Accept
        | Command::Reject => true,
        Command::StartSearch => app.focus != Pane::List,
        Command::Open => match app.focus {
            Pane::List => app
                .selected_entry()
                .is_some_and(|entry| entry.path != doc.path),
            Pane::Annotations => true,
            Pane::Reading => false,
        },
        Command::NextUnit
        | Command::PrevUnit
        | Command::NextParagraph
        | Command::PrevParagraph
        | Command::FirstUnit
        | Command::LastUnit
        | Command::HalfPageDown
        | Command::HalfPageUp
        | Command::PageDown
        | Command::PageUp
        | Command::NextAnnotation
        | Command::PrevAnnotation
        | Command::NextPane
        | Command::PrevPane
        | Command::FocusLeft
        | Command::FocusRight
        | Command::ToggleSelection
        | Command::CycleSort
        | Command::SearchLibrary
        | Command::ToggleList
        | Command::ToggleAnnotations
        | Command::ToggleHelp
        | Command::Cancel
        | Command::Suspend
        | Command::ShowMatrix
        | Command::ToggleProposals
        | Command::Quit => false,
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
fn help(app: &mut App, scroll: usize, command: Command) -> Vec<Effect> {
    let last = super::layout::help_scroll_limit(app);
    app.mode = match command {
        Command::NextUnit => Mode::Help {
            scroll: (scroll + 1).min(last),
        },
        Command::PrevUnit => Mode::Help {
            scroll: scroll.saturating_sub(1),
        },
        Command::HalfPageDown | Command::PageDown => Mode::Help {
            scroll: (scroll + 10).min(last),
        },
        Command::HalfPageUp | Command::PageUp => Mode::Help {
            scroll: scroll.saturating_sub(10),
        },
        Command::Quit => {
            quit(app);
            Mode::Normal
        }
        Command::NextParagraph
        | Command::PrevParagraph
        | Command::FirstUnit
        | Command::LastUnit
        | Command::NextAnnotation
        | Command::PrevAnnotation
        | Command::NextPane
        | Command::PrevPane
        | Command::FocusLeft
        | Command::FocusRight
        | Command::Open
        | Command::ToggleClaim
        | Command::ToggleDenial
        | Command::ToggleQuote
        | Command::RemoveAnnotation
        | Command::EditNote
        | Command::EditSpeaker
        | Command::ToggleSelection
        | Command::Undo
        | Command::Redo
        | Command::StartSearch
        | Command::SearchLibrary
        | Command::NextMatch
        | Command::PrevMatch
        | Command::Export
        | Command::CycleSort
        | Command::ToggleList
        | Command::ToggleAnnotations
        | Command::ToggleHelp
        | Command::Cancel
        | Command::Suspend
        | Command::ShowDisagreements
        | Command::ShowMatrix
        | Command::ReviewChanges
        | Command::ReattachTag
        | Command::KeepOrphan
        | Command::ToggleMoved
        | Command::ToggleProposals
        | Command::NextProposal
        | Command::PrevProposal
        | Command::Accept
        | Command::Reject => Mode::Normal,
    };
    Vec::new()
}

/// Quits, unless the open article has changes that could not be saved and the user has not been
/// told yet: then it says so once, and the next quit goes ahead. Tags typed on a full disk are
/// only in memory, and a quit would lose them without a second look.
fn quit(app: &mut App) {
    let failure = app
        .doc
        .as_ref()
        .and_then(|doc| doc.save.failed.as_ref())
        .map(|(error, _)| error);
    let Some(error) = failure.filter(|_| !app.quit_warned) else {
        app.quit = true;
        return;
    };
    let text = if error.is_retried() {
        "changes are NOT SAVED: they save by themselves once the disk or folder allows; \
         q again quits and loses them"
            .to_owned()
    } else {
        format!("changes are NOT SAVED: {error}; q again quits and loses them")
    };
    app.quit_warned = true;
    message::say_error(app, text);
}
