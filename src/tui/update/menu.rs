//! The export menu while it is open: moved through like every list (the keys that move in a
//! list), a format chosen by Enter or by its number, closed by Esc. No other key gets through to
//! the article behind it, so a key pressed in the menu never tags or removes anything.

use crate::tui::action::Input;
use crate::tui::app::{App, Mode};
use crate::tui::command::Command;
use crate::tui::effect::Effect;

use super::overlay_list::{self, ListKey};
use super::prompts::export_effect;

/// A command while the menu is open: moving, choosing, closing or quitting; anything else is
/// ignored and the menu stays.
pub fn command(app: &mut App, library: bool, selected: usize, command: Command) -> Vec<Effect> {
    let page = usize::from(app.size.1 / 2);
    let moved = match overlay_list::key(command, selected, app.export_formats.len(), page) {
        ListKey::Moved(row) => row,
        ListKey::Choose => return choose(app, library, selected),
        leaving @ (ListKey::Close | ListKey::Quit | ListKey::Suspend) => {
            return overlay_list::leave(app, leaving);
        }
        ListKey::Other(_) => selected,
    };
    app.mode = Mode::Export {
        library,
        selected: moved,
    };
    Vec::new()
}

/// Typing in the menu: a format's number chooses it; nothing else does anything.
pub fn input(app: &mut App, input: Input) -> Vec<Effect> {
    let Mode::Export { library, .. } = app.mode else {
        return Vec::new();
    };
    let number = match input {
        Input::Char(c) => c.to_digit(10).and_then(|n| (n as usize).checked_sub(1)),
        Input::Enter
        | Input::Backspace
        | Input::Delete
        | Input::Left
        | Input::Right
        | Input::Up
        | Input::Down
        | Input::Home
        | Input::End
        | Input::Tab
        | Input::BackTab => None,
    };
    match number.filter(|&i| i < app.export_formats.len()) {
        Some(index) => choose(app, library, index),
        None => Vec::new(),
    }
}

/// Closes the menu and exports in the format at `index`.
fn choose(app: &mut App, library: bool, index: usize) -> Vec<Effect> {
    app.mode = Mode::Normal;
    let Some(format) = app.export_formats.get(index).cloned() else {
        return Vec::new();
    };
    export_effect(app, format, library).into_iter().collect()
}
