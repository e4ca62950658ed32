//! The note editor overlay: the note's lines wrapped inside the box, with the cursor, scrolled to
//! keep it in sight.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Widget};

use crate::tui::editor::Editor;
use crate::tui::theme::Theme;
use crate::tui::wrap::wrap;

use super::popup;
use crate::safe_text::for_terminal;

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
        // Every line wrapped inside the box, a cell kept for the cursor at a row's end; the
        // cursor is on the last row that starts at or before it.
        let width = usize::from(inner.width).saturating_sub(1).max(1);
        let text = self.editor.text();
        // Wrapped as drawn: a control character takes a cell once replaced, and a character the
        // rule drops (a bidi control, a zero-width space) is drawn as a space, so the cursor's
        // column still counts characters.
        let lines: Vec<String> = text.split('\n').map(as_drawn).collect();
        let mut rows: Vec<(&str, std::ops::Range<usize>)> = Vec::new();
        let mut cursor = (0, 0);
        for (number, line) in lines.iter().enumerate() {
            let at = line
                .char_indices()
                .nth(cursor_column)
                .map_or(line.len(), |(at, _)| at);
            for range in wrap(line, width) {
                if number == cursor_line && range.start <= at {
                    cursor = (rows.len(), at.max(range.start));
                }
                rows.push((line.as_str(), range));
            }
        }
        let height = usize::from(inner.height);
        let first_row = cursor.0.saturating_sub(height - 1);
        for (index, (line, range)) in rows.iter().enumerate().skip(first_row).take(height) {
            let y = inner.y + (index - first_row) as u16;
            let mut spans = Vec::new();
            if index == cursor.0 {
                let at = cursor.1.min(range.end);
                let (before, after) = (&line[range.start..at], &line[at..range.end]);
                let mut rest = after.chars();
                let under = rest.next().map_or(" ".to_owned(), |c| c.to_string());
                spans.push(Span::raw(before));
                spans.push(Span::styled(under, self.theme.cursor));
                spans.push(Span::raw(rest.as_str()));
            } else {
                spans.push(Span::raw(&line[range.clone()]));
            }
            buf.set_line(inner.x, y, &Line::from(spans), inner.width);
        }
    }
}

/// `line` as the editor draws it: each character as the `safe_text` rule shows it, one that the
/// rule drops as a space, so the drawn line has as many characters as the typed one.
fn as_drawn(line: &str) -> String {
    if for_terminal(line).chars().count() == line.chars().count() {
        return for_terminal(line).into_owned();
    }
    line.chars()
        .map(|c| {
            let mut one = [0; 4];
            let shown = for_terminal(c.encode_utf8(&mut one));
            if shown.is_empty() {
                " ".to_owned()
            } else {
                shown.into_owned()
            }
        })
        .collect()
}
