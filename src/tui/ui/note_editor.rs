//! The note editor overlay: the note's lines with the cursor, scrolled to keep it in sight.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Widget};
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

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
                let shown = in_sight(before, usize::from(inner.width));
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

/// What a line `width` cells wide shows of `before`, the text before the cursor, keeping the
/// cursor in sight: the start of a long line is dropped.
fn in_sight(before: &str, width: usize) -> &str {
    let mut shown = tail(before, width);
    while shown.width() + 1 > width && !shown.is_empty() {
        let skip = shown.chars().next().map_or(0, char::len_utf8);
        shown = &shown[skip..];
    }
    shown
}

/// The end of `text` that is surely no narrower than what a line `width` cells wide keeps of it,
/// found in one pass from the end: measuring the whole text once per character dropped took
/// time in the square of a long line's length, on every frame of a paste.
fn tail(text: &str, width: usize) -> &str {
    // Twice the room, so that sequences a terminal draws narrower than their characters (an
    // emoji joined by ZWJ) still leave the cut to the exact measure above.
    let mut room = width.saturating_mul(2).saturating_add(8);
    let mut start = text.len();
    for (at, c) in text.char_indices().rev() {
        let cells = UnicodeWidthChar::width(c).unwrap_or(0);
        if cells > room {
            break;
        }
        room -= cells;
        start = at;
    }
    &text[start..]
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The cut as it was made before: measuring the rest after dropping each character.
    fn measured(before: &str, width: usize) -> &str {
        let mut shown = before;
        while shown.width() + 1 > width && !shown.is_empty() {
            let skip = shown.chars().next().map_or(0, char::len_utf8);
            shown = &shown[skip..];
        }
        shown
    }

    #[rstest::rstest]
    #[case("x".repeat(3000))]
    #[case("漢字".repeat(500))]
    #[case("e\u{301}".repeat(400))]
    #[case("👩\u{200d}💻 ".repeat(300))]
    #[case("short".to_owned())]
    #[case(String::new())]
    fn a_long_line_keeps_the_same_end_in_sight(#[case] text: String) {
        for width in [1, 2, 3, 10, 70] {
            assert_eq!(
                in_sight(&text, width),
                measured(&text, width),
                "width {width}"
            );
        }
    }
}
