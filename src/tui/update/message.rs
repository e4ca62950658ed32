//! The status bar's message row: a notice, which the next key clears, or a problem, which stays
//! until it is replaced or dismissed. Every part of `update` speaks through these two.

use crate::tui::app::{App, Message};

/// Shows `text` in the status bar.
pub fn say(app: &mut App, text: String) {
    app.message = Some(Message { text, error: false });
}

/// Shows the problem `text` in the status bar.
pub fn say_error(app: &mut App, text: String) {
    app.message = Some(Message { text, error: true });
}
