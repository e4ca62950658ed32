//! The article list: title, then outlet, date and tag counts, two rows per article, each cut with
//! "…"; the window follows the selection.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use crate::tui::app::{App, Sort};
use crate::tui::layout::window_start;
use crate::tui::theme::Theme;

use super::{fit, one_line, pane_block};

/// The article list widget.
pub struct ArticleList<'a> {
    app: &'a App,
    theme: &'a Theme,
    focused: bool,
}

impl<'a> ArticleList<'a> {
    /// The list for `app`.
    pub fn new(app: &'a App, theme: &'a Theme, focused: bool) -> ArticleList<'a> {
        ArticleList {
            app,
            theme,
            focused,
        }
    }
}

impl Widget for ArticleList<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let library = &self.app.library;
        let mut title = format!(" Articles ({}", library.visible.len());
        if library.visible.len() != library.entries.len() {
            title.push_str(&format!(" of {}", library.entries.len()));
        }
        title.push(')');
        if library.loading {
            title.push_str(&format!(
                " reading {}/{}…",
                library.read,
                library.entries.len()
            ));
        }
        if library.sort == Sort::Date {
            title.push_str(" by date");
        }
        title.push(' ');
        let block = pane_block(Line::from(title), self.focused, self.theme);
        let inner = block.inner(area);
        block.render(area, buf);
        if inner.height == 0 || inner.width == 0 {
            return;
        }
        if library.visible.is_empty() {
            let text = if library.loading {
                "reading the library…"
            } else if library.filter.is_empty() {
                "no articles (.txt or .md) here"
            } else {
                "no title matches the filter"
            };
            buf.set_line(
                inner.x,
                inner.y,
                &Line::styled(text, self.theme.dim),
                inner.width,
            );
            return;
        }
        let capacity = (usize::from(inner.height) / 2).max(1);
        let start = window_start(library.selected, library.visible.len(), capacity);
        let open = self.app.doc.as_ref().map(|doc| doc.path.as_path());
        for (row, &index) in library
            .visible
            .iter()
            .enumerate()
            .skip(start)
            .take(capacity)
            .map(|(i, index)| (i - start, index))
        {
            let Some(entry) = library.entries.get(index) else {
                continue;
            };
            let y = inner.y + 2 * row as u16;
            let selected = start + row == library.selected;
            let mut title_style = if Some(entry.path.as_path()) == open {
                self.theme.title
            } else {
                ratatui::style::Style::default()
            };
            if selected {
                title_style = title_style.patch(if self.focused {
                    self.theme.cursor
                } else {
                    self.theme.selection
                });
            }
            // Style the whole row so the selection reads as a bar, without padding the text.
            buf.set_style(Rect::new(inner.x, y, inner.width, 1), title_style);
            let width = usize::from(inner.width);
            let title = fit(&one_line(&entry.title), width);
            let title = Line::from(Span::styled(title, title_style));
            buf.set_line(inner.x, y, &title, inner.width);
            if y + 1 >= inner.y + inner.height {
                break;
            }
            let mut facts = Vec::new();
            if let Some(error) = &entry.error {
                facts.push(Span::styled(one_line(error), self.theme.error));
            } else {
                let outlet = one_line(&entry.outlet());
                let about = match &entry.date {
                    Some(date) => format!("{outlet} · {}", one_line(date)),
                    None => outlet,
                };
                // The counts keep their room ("C0 D0 Q0 "), and the spaces around this.
                let counts: usize = entry.counts.iter().map(|n| n.to_string().len() + 2).sum();
                let room = width.saturating_sub(counts + 2);
                facts.push(Span::styled(
                    format!(" {} ", fit(&about, room)),
                    self.theme.dim,
                ));
                for (slot, letter) in ['C', 'D', 'Q'].into_iter().enumerate() {
                    let style = match slot {
                        0 => self.theme.claim,
                        1 => self.theme.denial,
                        _ => self.theme.quote,
                    };
                    let style = if entry.counts[slot] == 0 {
                        self.theme.dim
                    } else {
                        style.add_modifier(Modifier::BOLD)
                    };
                    facts.push(Span::styled(
                        format!("{letter}{} ", entry.counts[slot]),
                        style,
                    ));
                }
            }
            buf.set_line(inner.x, y + 1, &Line::from(facts), inner.width);
        }
    }
}
