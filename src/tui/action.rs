//! What `update` is fed: a command from the keymap, typing in a text box, the clock, the
//! terminal's size and mouse, and the results of background work, as one enum it matches on.
//!
//! The parts are kept apart: [`Command`] is what a key can name, [`Outcome`] what the runtime
//! reports, and the rest are events the runtime turns into actions itself.

use crate::annotation::Timestamp;

use super::command::Command;
use super::outcome::Outcome;

/// Something that happened, for `update` to apply.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// A key bound to a command (through the keymap).
    Command(Command),
    /// Typing in the search box, the filter box or the note editor.
    Input(Input),
    /// The clock and a fresh id for the next annotation, sent before every user action.
    Tick {
        /// The current time.
        now: Timestamp,
        /// An id for an annotation the next action may create.
        new_id: String,
    },
    /// The terminal has this size.
    Resize {
        /// Columns.
        width: u16,
        /// Rows.
        height: u16,
    },
    /// A mouse click at a screen cell.
    Click {
        /// Column.
        column: u16,
        /// Row.
        row: u16,
    },
    /// The mouse wheel turned over a screen cell; `down` scrolls toward the end.
    Scroll {
        /// Column.
        column: u16,
        /// Row.
        row: u16,
        /// Toward the end of the text.
        down: bool,
    },
    /// The process was told to end (SIGTERM, SIGHUP, SIGINT): keep what the note editor holds
    /// and quit at once, without the second look a quit with unsaved changes gets.
    Terminate,
    /// A result (or progress) of background work.
    Outcome(Outcome),
}

impl From<Command> for Action {
    fn from(command: Command) -> Action {
        Action::Command(command)
    }
}

impl From<Outcome> for Action {
    fn from(outcome: Outcome) -> Action {
        Action::Outcome(outcome)
    }
}

/// An edit in a text box.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Input {
    /// Insert a character.
    Char(char),
    /// Insert a line break (note editor) or submit (search and filter).
    Enter,
    /// Delete the character before the cursor.
    Backspace,
    /// Delete the character under the cursor.
    Delete,
    /// Move left.
    Left,
    /// Move right.
    Right,
    /// Move up a line.
    Up,
    /// Move down a line.
    Down,
    /// Move to the start of the line.
    Home,
    /// Move to the end of the line.
    End,
    /// Complete (the speaker prompt); nothing elsewhere.
    Tab,
    /// Complete backwards (the speaker prompt); nothing elsewhere.
    BackTab,
}
