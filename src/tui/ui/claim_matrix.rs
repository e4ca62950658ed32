//! The outlet-by-claim matrix over the screen: a header of outlets, one row per claim group
//! (`?` before a suggestion's label), one column per article, cells with the mark (`!` a
//! conflicting figure, `~` another hedge, so they read without colour), tag letters, speaker and
//! figure or wording. Only the rows and columns that fit are drawn, scrolled to keep the
//! highlighted cell in view: a frame costs the cells on screen, whatever the library's size.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Widget};
use unicode_width::UnicodeWidthStr;

use crate::claims::Status;
use crate::claims::matrix::{Mark, Order};
use crate::tui::claim_matrix::MatrixView;
use crate::tui::theme::Theme;

use super::{fit, one_line};

/// The widest a group's label column gets.
const LABEL: u16 = 22;
/// The narrowest and widest an article's column gets.
const COLUMN: (usize, usize) = (14, 30);

/// The matrix widget.
pub struct ClaimMatrix<'a> {
    view: &'a MatrixView,
    theme: &'a Theme,
}

impl<'a> ClaimMatrix<'a> {
    /// The widget for `view`.
    pub fn new(view: &'a MatrixView, theme: &'a Theme) -> ClaimMatrix<'a> {
        ClaimMatrix { view, theme }
    }
}

/// `text` cut and padded to exactly `width` cells.
fn cell_text(text: &str, width: usize) -> String {
    let mut out = fit(&one_line(text), width);
    let pad = width.saturating_sub(out.width());
    out.extend(std::iter::repeat_n(' ', pad));
    out
}

impl Widget for ClaimMatrix<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let view = self.view;
        let theme = self.theme;
        // The status bar's row stays visible below, with the keys.
        let rect = Rect::new(area.x, area.y, area.width, area.height.saturating_sub(1));
        Clear.render(rect, buf);
        let inner_width = usize::from(rect.width.saturating_sub(2));
        let label = usize::from(LABEL.min(rect.width / 3));
        let room = inner_width.saturating_sub(label);
        let columns = view.library.columns.len();
        let width = (room / columns.max(1))
            .clamp(COLUMN.0, COLUMN.1)
            .min(room.max(1));
        let fits = (room / width.max(1)).max(1);
        let left = view.column.saturating_sub(fits - 1);
        let visible: Vec<usize> = (left..columns).take(fits).collect();
        // Borders, the header and the footer take four rows.
        let rows = usize::from(rect.height.saturating_sub(4)).max(1);
        let top = view.row.saturating_sub(rows - 1);

        let mut header = vec![Span::styled(cell_text("group", label), theme.dim)];
        for &c in &visible {
            let style = if c == view.column {
                theme.cursor
            } else {
                theme.title
            };
            header.push(Span::styled(
                cell_text(&view.library.columns[c].outlet, width),
                style,
            ));
        }
        let mut lines = vec![Line::from(header)];
        for (at, &i) in view.shown.iter().enumerate().skip(top).take(rows) {
            let row = &view.all[i];
            let group = &view.groups[row.group];
            let chosen = at == view.row;
            let mark = match group.status {
                Status::Suggested => "? ",
                Status::Linked => "  ",
            };
            let label_style = if chosen { theme.cursor } else { theme.focus };
            let mut spans = vec![Span::styled(
                cell_text(&format!("{mark}{}", group.label), label),
                label_style,
            )];
            for &c in &visible {
                let (text, mut style) = match row.cell(c) {
                    Some(cell) => (
                        cell.text(),
                        match cell.mark {
                            Mark::Conflict => theme.error,
                            Mark::Hedge => theme.warning,
                            Mark::None => Style::default(),
                        },
                    ),
                    None => ("·".to_owned(), theme.dim),
                };
                if chosen && c == view.column {
                    style = theme.cursor;
                } else if chosen {
                    style = style.patch(theme.selection);
                }
                spans.push(Span::styled(cell_text(&text, width), style));
            }
            lines.push(Line::from(spans));
        }
        if view.shown.is_empty() {
            lines.push(Line::raw(if view.conflicts_only {
                " no group with conflicting figures (3 shows all)"
            } else {
                " no claim groups"
            }));
        }
        lines.resize(rows + 1, Line::raw(""));
        lines.push(footer(view, theme));
        let order = match view.order {
            Order::Groups => "",
            Order::Outlets => ", by outlets",
            Order::Conflicts => ", by conflicts",
        };
        let filter = if view.conflicts_only {
            ", conflicts only"
        } else {
            ""
        };
        let title = format!(
            " Outlets × claims: {} groups, {columns} articles{order}{filter} ",
            view.shown.len()
        );
        Paragraph::new(lines)
            .block(Block::bordered().title(title).border_style(theme.focus))
            .render(rect, buf);
    }
}

/// The last line: the label being typed, or where the highlight is.
fn footer<'a>(view: &MatrixView, theme: &Theme) -> Line<'a> {
    if let Some(label) = &view.label {
        return Line::from(vec![
            Span::styled(" label: ", theme.focus),
            Span::raw(one_line(label)),
            Span::styled(" ", theme.cursor),
        ]);
    }
    let columns = view.library.columns.len();
    let position = format!(
        " group {}/{}  article {}/{}  ",
        (view.row + 1).min(view.shown.len()),
        view.shown.len(),
        (view.column + 1).min(columns),
        columns
    );
    Line::styled(
        format!(
            "{position}! conflicting figure  ~ other hedge  ? suggested  1/2 sort  3 conflicts"
        ),
        theme.dim,
    )
}
