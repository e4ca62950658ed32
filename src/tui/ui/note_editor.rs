//! The note editor overlay: the note's lines with the cursor, scrolled to keep it in sight.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Widget};
use unicode_width::UnicodeWidthStr;

use crate::safe_text::for_terminal;
use crate::tui::editor::Editor;
use crate::tui::theme::Theme;

use super::popup;

/// The note editor widget.
pub struct NoteEditor<'a> {
    editor: &'a Editor,
    units: (usize, usize),
    theme: &'a Theme,
}

impl<'a> NoteEditor<'a> {
    /// The editor overlay for a note on `units`.
    pub fn new(editor: &'a Editor, units: (usize, usize), theme: &'a Theme) -> NoteEditor<'a> {
        NoteEditor {
            editor,
            units,
            theme,
        }
    }
}

impl Widget for NoteEditor<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let rect = popup(area, 72, 12, buf);
        let (first, last) = self.units;
        let title = if first == last {
            format!(" Note on unit {first} (Esc: done, saved) ")
        } else {
            format!(" Note on units {first}-{last} (Esc: done, saved) ")
        };
        let block = Block::bordered()
            .title(title)
            .border_style(self.theme.focus);
        let inner = block.inner(rect);
        block.render(rect, buf);
        if inner.height == 0 || inner.width == 0 {
            return;
        }
        let (cursor_line, cursor_column) = self.editor.position();
        let height = usize::from(inner.height);
        let first_line = cursor_line.saturating_sub(height - 1);
        for (row, text) in self
            .editor
            .text()
            .split('\n')
            .enumerate()
            .skip(first_line)
            .take(height)
        {
            let y = inner.y + (row - first_line) as u16;
            let mut spans = Vec::new();
            if row == cursor_line {
                let split = text
                    .char_indices()
                    .nth(cursor_column)
                    .map_or(text.len(), |(at, _)| at);
                let (before, after) = text.split_at(split);
                let mut rest = after.chars();
                // A character the rule drops still takes the cursor, shown as a space.
                let under = rest
                    .next()
                    .map(|c| for_terminal(&c.to_string()).into_owned())
                    .filter(|shown| !shown.is_empty())
                    .unwrap_or_else(|| " ".to_owned());
                // Keep the cursor in sight on long lines by dropping the start of the line.
                let width = usize::from(inner.width);
                let mut shown = before;
                while shown.width() + 1 > width && !shown.is_empty() {
                    let skip = shown.chars().next().map_or(0, char::len_utf8);
                    shown = &shown[skip..];
                }
                spans.push(Span::raw(for_terminal(shown).into_owned()));
                spans.push(Span::styled(under, self.theme.cursor));
                spans.push(Span::raw(for_terminal(rest.as_str()).into_owned()));
            } else {
                spans.push(Span::raw(for_terminal(text).into_owned()));
            }
            buf.set_line(inner.x, y, &Line::from(spans), inner.width);
        }
    }
}
