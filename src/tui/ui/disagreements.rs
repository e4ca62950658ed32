//! The disagreement overlay: the disputed unit's text, then each coder's version side by side
//! (number to adopt it, coder, tags, speaker, note), and the merged version last. The speaker
//! column is there only when some version of the unit names one.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Cell, Paragraph, Row, Table, Widget, Wrap};

use crate::annotation::Tag;
use crate::article::Article;
use crate::tui::disagreements::{DisagreementView, Version};
use crate::tui::theme::Theme;

use super::popup;
use crate::safe_text::for_terminal;

/// The disagreement overlay widget.
pub struct Disagreements<'a> {
    view: &'a DisagreementView,
    article: &'a Article,
    theme: &'a Theme,
}

impl<'a> Disagreements<'a> {
    /// The overlay for `view` over `article`.
    pub fn new(view: &'a DisagreementView, article: &'a Article, theme: &'a Theme) -> Self {
        Disagreements {
            view,
            article,
            theme,
        }
    }

    fn tags(&self, tags: &[Tag]) -> Line<'static> {
        if tags.is_empty() {
            return Line::from("-");
        }
        let spans: Vec<Span> = tags
            .iter()
            .flat_map(|&tag| {
                [
                    Span::styled(tag.name(), self.theme.tag(tag)),
                    Span::raw(" "),
                ]
            })
            .collect();
        Line::from(spans)
    }

    fn row(
        &self,
        key: String,
        who: String,
        version: Option<&Version>,
        speakers: bool,
    ) -> Row<'static> {
        let mut cells = vec![Cell::from(key), Cell::from(for_terminal(&who).into_owned())];
        match version {
            Some(version) => {
                cells.push(Cell::from(self.tags(&version.tags)));
                if speakers {
                    cells.push(Cell::from(for_terminal(&version.speaker).into_owned()));
                }
                cells.push(Cell::from(
                    for_terminal(&version.note.replace('\n', " / ")).into_owned(),
                ));
            }
            None => {
                cells.push(Cell::from("(not coded)"));
                if speakers {
                    cells.push(Cell::from(""));
                }
                cells.push(Cell::from(""));
            }
        }
        Row::new(cells)
    }
}

impl Widget for Disagreements<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let rows_needed = self.view.coders.len() + 2;
        let height = u16::try_from(rows_needed + 8).unwrap_or(u16::MAX);
        let rect = popup(area, 100, height, buf);
        let title = match self.view.current() {
            Some(disputed) => format!(
                " Disagreement {}/{}: unit {} (n/p move, 1-9 adopt, m merged, Esc closes) ",
                self.view.current + 1,
                self.view.units.len(),
                disputed.unit
            ),
            None => " The coders agree on every unit (Esc closes) ".to_owned(),
        };
        let block = Block::bordered()
            .title(title)
            .border_style(self.theme.focus);
        let inner = block.inner(rect);
        block.render(rect, buf);
        let Some(disputed) = self.view.current() else {
            return;
        };
        let [text_area, table_area] =
            Layout::vertical([Constraint::Length(4), Constraint::Min(1)]).areas(inner);
        let text = self.article.unit_text(disputed.unit).unwrap_or_default();
        Paragraph::new(for_terminal(&text).into_owned())
            .wrap(Wrap { trim: true })
            .render(text_area, buf);
        let speakers = disputed
            .versions
            .iter()
            .flatten()
            .any(|version| !version.speaker.is_empty());
        let mut rows: Vec<Row> = self
            .view
            .coders
            .iter()
            .zip(&disputed.versions)
            .enumerate()
            .map(|(n, (coder, version))| {
                let who = match version {
                    Some(v) if !v.author.is_empty() && v.author != *coder => {
                        format!("{coder} ({})", v.author)
                    }
                    _ => coder.clone(),
                };
                self.row(format!("{}", n + 1), who, version.as_ref(), speakers)
            })
            .collect();
        let merged = self.view.merged();
        rows.push(self.row(
            "m".to_owned(),
            "merged".to_owned(),
            merged.as_ref(),
            speakers,
        ));
        let mut widths = vec![
            Constraint::Length(2),
            Constraint::Length(22),
            Constraint::Length(22),
        ];
        let mut header = vec!["", "coder", "tags"];
        if speakers {
            widths.push(Constraint::Length(26));
            header.push("speaker");
        }
        widths.push(Constraint::Min(10));
        header.push("note");
        Table::new(rows, widths)
            .header(Row::new(header).style(self.theme.title))
            .render(table_area, buf);
    }
}
