//! The status bar's message row: a notice, which the next key clears, or a problem, which stays
//! until it is replaced or dismissed. Every part of `update` speaks through these two.

use crate::annotation::Tag;
use crate::tui::app::{App, Message};
use crate::tui::command::Command;

/// Shows `text` in the status bar.
pub fn say(app: &mut App, text: String) {
    app.message = Some(Message { text, error: false });
}

/// Shows the problem `text` in the status bar.
pub fn say_error(app: &mut App, text: String) {
    app.message = Some(Message { text, error: true });
}

/// What an undo (`back`) or redo did, from the tag counts before and after it and the number of
/// annotations it touched: "undone: 1 claim removed", "redone: 1 denial added, 1 quote removed",
/// "undone: a note edit on 1 annotation" when no tag changed.
pub fn undone(back: bool, before: [usize; 3], after: [usize; 3], touched: usize) -> String {
    let verb = if back { "undone" } else { "redone" };
    let names = [
        ("claim", "claims"),
        ("denial", "denials"),
        ("quote", "quotes"),
    ];
    let parts: Vec<String> = names
        .iter()
        .zip(before.iter().zip(after))
        .filter(|(_, (before, after))| **before != *after)
        .map(|((one, many), (&before, after))| {
            let n = before.abs_diff(after);
            let name = if n == 1 { one } else { many };
            let how = if after > before { "added" } else { "removed" };
            format!("{n} {name} {how}")
        })
        .collect();
    if parts.is_empty() {
        let annotations = if touched == 1 {
            "annotation"
        } else {
            "annotations"
        };
        format!("{verb}: a note edit on {touched} {annotations}")
    } else {
        format!("{verb}: {}", parts.join(", "))
    }
}

/// What `x` removed and how to get it back: "removed claim and its note (u brings it back)".
pub fn removed(app: &App, tags: &[Tag], note: &str) -> String {
    let tags: Vec<&str> = tags.iter().map(|tag| tag.name()).collect();
    let what = match (tags.is_empty(), note.is_empty()) {
        (false, true) => tags.join(" + "),
        (false, false) => format!("{} and its note", tags.join(" + ")),
        (true, _) => "a note".to_owned(),
    };
    match key_for(app, Command::Undo) {
        Some(key) => format!("removed {what} ({key} brings it back)"),
        None => format!("removed {what}"),
    }
}

/// The first key bound to `command`, as the help names it.
pub fn key_for(app: &App, command: Command) -> Option<String> {
    let line = app.help.iter().find(|line| line.command == command)?;
    line.keys.split(", ").next().map(str::to_owned)
}
