//! What a command does in a list shown over the screen (the export menu, the library's search
//! hits): the keys that move in every list move the highlight, Enter chooses, Esc closes, quit
//! and suspend do what they always do, and every other command is handed back for the list to
//! ignore or use, so nothing falls through to the article behind it.

use crate::tui::app::{App, Mode};
use crate::tui::command::Command;
use crate::tui::effect::Effect;

/// A command, read as a list over the screen reads it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ListKey {
    /// The highlight moves to this row.
    Moved(usize),
    /// Enter: the highlighted row is chosen.
    Choose,
    /// Esc: the list closes.
    Close,
    /// Quit sidenote.
    Quit,
    /// Suspend to the shell.
    Suspend,
    /// Anything else: the list decides; by default it is ignored.
    Other(Command),
}

/// `command` on a list of `len` rows with `selected` highlighted, `page` rows to a page.
pub fn key(command: Command, selected: usize, len: usize, page: usize) -> ListKey {
    let last = len.saturating_sub(1);
    let page = page.max(1);
    match command {
        Command::NextUnit => ListKey::Moved((selected + 1).min(last)),
        Command::PrevUnit => ListKey::Moved(selected.saturating_sub(1)),
        Command::FirstUnit => ListKey::Moved(0),
        Command::LastUnit => ListKey::Moved(last),
        Command::HalfPageDown | Command::PageDown => ListKey::Moved((selected + page).min(last)),
        Command::HalfPageUp | Command::PageUp => ListKey::Moved(selected.saturating_sub(page)),
        Command::Open => ListKey::Choose,
        Command::Cancel => ListKey::Close,
        Command::Quit => ListKey::Quit,
        Command::Suspend => ListKey::Suspend,
        Command::NextParagraph
        | Command::PrevParagraph
        | Command::NextAnnotation
        | Command::PrevAnnotation
        | Command::NextPane
        | Command::PrevPane
        | Command::FocusLeft
        | Command::FocusRight
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
        | Command::Reject => ListKey::Other(command),
    }
}

/// What the lists do alike when a key leaves them: suspending keeps the list open, quitting
/// closes it and quits, and anything else closes it.
pub fn leave(app: &mut App, key: ListKey) -> Vec<Effect> {
    match key {
        ListKey::Suspend => vec![Effect::Suspend],
        ListKey::Quit => {
            app.mode = Mode::Normal;
            super::run(app, Command::Quit)
        }
        ListKey::Close | ListKey::Moved(_) | ListKey::Choose | ListKey::Other(_) => {
            app.mode = Mode::Normal;
            Vec::new()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rstest::rstest;

    #[rstest]
    #[case(Command::NextUnit, 2, ListKey::Moved(3))]
    #[case(Command::NextUnit, 5, ListKey::Moved(5))]
    #[case(Command::PrevUnit, 0, ListKey::Moved(0))]
    #[case(Command::LastUnit, 1, ListKey::Moved(5))]
    #[case(Command::PageDown, 1, ListKey::Moved(5))]
    #[case(Command::HalfPageUp, 5, ListKey::Moved(1))]
    #[case(Command::Open, 3, ListKey::Choose)]
    #[case(Command::Cancel, 3, ListKey::Close)]
    #[case(
        Command::RemoveAnnotation,
        3,
        ListKey::Other(Command::RemoveAnnotation)
    )]
    fn keys_on_six_rows(#[case] command: Command, #[case] at: usize, #[case] expected: ListKey) {
        assert_eq!(key(command, at, 6, 4), expected);
    }
}
