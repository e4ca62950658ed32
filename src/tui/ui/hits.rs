//! The library search's result list: one row per hit (article, unit, the text around the
//! match, "note" for a hit in a note), the highlighted one marked; only the rows that fit are
//! drawn.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Widget};

use crate::tui::library_search::{HitList, MAX_HITS};
use crate::tui::theme::Theme;

use super::{one_line, popup};

/// The result list widget.
pub struct Hits<'a> {
    list: &'a HitList,
    theme: &'a Theme,
}

impl<'a> Hits<'a> {
    /// The widget for `list`.
    pub fn new(list: &'a HitList, theme: &'a Theme) -> Hits<'a> {
        Hits { list, theme }
    }
}

impl Widget for Hits<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let list = self.list;
        let rect = popup(
            area,
            area.width.saturating_sub(4),
            area.height.saturating_sub(2),
            buf,
        );
        // Borders and the footer take three rows.
        let rows = usize::from(rect.height.saturating_sub(3)).max(1);
        let first = list.selected.saturating_sub(rows - 1);
        let mut lines: Vec<Line> = list
            .hits
            .iter()
            .enumerate()
            .skip(first)
            .take(rows)
            .map(|(i, hit)| {
                let chosen = i == list.selected;
                let line = Line::from(vec![
                    Span::raw(if chosen { ">" } else { " " }),
                    Span::styled(one_line(&hit.label), self.theme.focus),
                    Span::styled(format!(" unit {} ", hit.unit), self.theme.dim),
                    Span::styled(hit.found.label(), self.theme.focus),
                    Span::raw(one_line(&hit.excerpt)),
                ]);
                if chosen {
                    line.style(self.theme.cursor)
                } else {
                    line
                }
            })
            .collect();
        if list.hits.is_empty() && !list.running {
            lines.push(Line::raw(" no hits"));
        }
        let status = if list.running {
            "searching…".to_owned()
        } else if list.capped {
            format!("first {MAX_HITS} hits")
        } else {
            match list.hits.len() {
                1 => "1 hit".to_owned(),
                n => format!("{n} hits"),
            }
        };
        lines.resize(rows, Line::raw(""));
        lines.push(Line::styled(
            format!(" {status}  j/k move, Enter: open, Esc: close"),
            self.theme.dim,
        ));
        let title = format!(" Search the library: {} ", one_line(&list.query));
        Paragraph::new(lines)
            .block(
                Block::bordered()
                    .title(title)
                    .border_style(self.theme.focus),
            )
            .render(rect, buf);
    }
}
