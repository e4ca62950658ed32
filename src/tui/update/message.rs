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
