//! The one-line boxes of the status bar: the search query, the library search's query and the list
//! filter being typed.

use ratatui::text::{Line, Span};

use crate::tui::app::Mode;
use crate::tui::theme::Theme;

use super::one_line;

/// The prompt line for the box open in `mode`, if one is.
pub fn prompt<'a>(mode: &Mode, theme: &Theme) -> Option<Line<'a>> {
    let (label, input) = match mode {
        Mode::Search { input } => ("/", input),
        Mode::Filter { input } => ("filter titles: ", input),
        Mode::LibraryQuery { input } => ("search the library: ", input),
        Mode::Normal
        | Mode::Hits(_)
        | Mode::Help { .. }
        | Mode::Note { .. }
        | Mode::Export { .. }
        | Mode::Disagreements(_)
        | Mode::Review(_) => return None,
    };
    Some(Line::from(vec![
        Span::styled(label, theme.focus),
        Span::raw(one_line(input)),
        Span::styled(" ", theme.cursor),
        Span::styled("  Enter: done  Esc: cancel", theme.dim),
    ]))
}
