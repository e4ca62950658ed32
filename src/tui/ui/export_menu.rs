//! The export menu: the formats offered by `e`, numbered.

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
    title: String,
    theme: &'a Theme,
}

impl<'a> ExportMenu<'a> {
    /// The menu for `formats`, titled with what is exported.
    pub fn new(formats: &'a [Format], title: String, theme: &'a Theme) -> ExportMenu<'a> {
        ExportMenu {
            formats,
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
        let rect = popup(area, 40, height, buf);
        let mut lines: Vec<Line> = self
            .formats
            .iter()
            .enumerate()
            .map(|(i, format)| {
                Line::from(vec![
                    Span::styled(format!(" {} ", i + 1), self.theme.focus),
                    Span::raw(format.name()),
                ])
            })
            .collect();
        lines.push(Line::styled(" Esc: cancel", self.theme.dim));
        Paragraph::new(lines)
            .block(
                Block::bordered()
                    .title(self.title)
                    .border_style(self.theme.focus),
            )
            .render(rect, buf);
    }
}
