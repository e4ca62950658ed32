//! The export menu: the formats offered by `e`, numbered, the highlighted one marked.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Widget};

use crate::export::Format;
use crate::tui::theme::Theme;

use super::popup;

/// The export menu widget.
pub struct ExportMenu<'a> {
    formats: &'a [Format],
    selected: usize,
    title: String,
    theme: &'a Theme,
}

impl<'a> ExportMenu<'a> {
    /// The menu for `formats`, titled with what is exported.
    pub fn new(
        formats: &'a [Format],
        selected: usize,
        title: String,
        theme: &'a Theme,
    ) -> ExportMenu<'a> {
        ExportMenu {
            formats,
            selected,
            title,
            theme,
        }
    }
}

impl Widget for ExportMenu<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let height = u16::try_from(self.formats.len())
            .unwrap_or(u16::MAX)
            .saturating_add(3);
        let rect = popup(area, 54, height, buf);
        let mut lines: Vec<Line> = self
            .formats
            .iter()
            .enumerate()
            .map(|(i, format)| {
                let chosen = i == self.selected;
                let line = Line::from(vec![
                    Span::raw(if chosen { ">" } else { " " }),
                    Span::styled(format!("{} ", i + 1), self.theme.focus),
                    Span::raw(format.name()),
                ]);
                if chosen {
                    line.style(self.theme.cursor)
                } else {
                    line
                }
            })
            .collect();
        lines.push(Line::styled(
            " j/k move, Enter or a number: export, Esc: cancel",
            self.theme.dim,
        ));
        Paragraph::new(lines)
            .block(
                Block::bordered()
                    .title(self.title)
                    .border_style(self.theme.focus),
            )
            .render(rect, buf);
    }
}
