//! The one-line boxes of the status bar: the search query, the library search's query, the list
//! filter and the speaker being typed.

use ratatui::text::{Line, Span};

use crate::tui::app::Mode;
use crate::tui::theme::Theme;

use super::one_line;

/// The prompt line for the box open in `mode`, if one is.
pub fn prompt<'a>(mode: &Mode, theme: &Theme) -> Option<Line<'a>> {
    const DONE: &str = "  Enter: done  Esc: cancel";
    let (label, input, hint) = match mode {
        Mode::Search { input } => ("/", input, DONE),
        Mode::Filter { input } => ("filter titles: ", input, DONE),
        Mode::LibraryQuery { input } => ("search the library: ", input, DONE),
        Mode::Speaker(prompt) => (
            "speaker: ",
            &prompt.input,
            "  Tab: complete  Enter: save (empty clears)  Esc: cancel",
        ),
        Mode::Normal
        | Mode::Hits(_)
        | Mode::Help { .. }
        | Mode::Note { .. }
        | Mode::Export { .. }
        | Mode::Disagreements(_)
        | Mode::Matrix(_)
        | Mode::Review(_) => return None,
    };
    Some(Line::from(vec![
        Span::styled(label, theme.focus),
        Span::raw(one_line(input)),
        Span::styled(" ", theme.cursor),
        Span::styled(hint, theme.dim),
    ]))
}
