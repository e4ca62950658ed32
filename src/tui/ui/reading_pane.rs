//! The reading pane: the units around the view's top, wrapped to the pane, with the gutter
//! (cursor mark, tag letters, `*` for a note), tag colours, the cursor, the selection and search
//! matches, and an annotation's speaker after its last unit ("— NIS", clipped at the pane's edge).

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget, Wrap};

use crate::article::UnitKind;
use crate::tui::app::{App, Document};
use crate::tui::layout::{GUTTER, reading_column};
use crate::tui::search::find_all;
use crate::tui::theme::Theme;
use crate::tui::wrap::wrap;

use super::{clip, one_line, pane_block};

/// The reading pane widget.
pub struct ReadingPane<'a> {
    app: &'a App,
    theme: &'a Theme,
    focused: bool,
}

impl<'a> ReadingPane<'a> {
    /// The pane for `app`.
    pub fn new(app: &'a App, theme: &'a Theme, focused: bool) -> ReadingPane<'a> {
        ReadingPane {
            app,
            theme,
            focused,
        }
    }
}

impl Widget for ReadingPane<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let title = match &self.app.doc {
            Some(doc) => format!(" {} ", one_line(&doc.article.metadata().title)),
            None => " Reading ".to_owned(),
        };
        let block = pane_block(Line::from(title), self.focused, self.theme);
        let inner = block.inner(area);
        block.render(area, buf);
        match &self.app.doc {
            Some(doc) => draw_units(
                doc,
                self.theme,
                reading_column(inner, self.app.reading_width),
                buf,
            ),
            None => Paragraph::new("Choose an article in the list and press Enter.")
                .style(self.theme.dim)
                .wrap(Wrap { trim: true })
                .render(inner, buf),
        }
    }
}

/// Draws the rows from the document's top until the pane is full.
fn draw_units(doc: &Document, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let gutter = GUTTER.min(area.width);
    let text_width = area.width - gutter;
    let units = doc.article.units();
    let (sel_first, sel_last) = doc.target();
    let mut y = 0;
    let mut unit = doc.top.unit;
    let mut skip = doc.top.row;
    while y < area.height && unit < units.len() {
        let separator = usize::from(unit > 0 && units[unit - 1].paragraph != units[unit].paragraph);
        let text = doc.article.unit_text(unit).unwrap_or_default();
        let lines = wrap(&text, usize::from(text_width));
        let tags = doc.annotations.tags_at_unit(unit);
        let here = doc
            .annotations
            .index_at_unit(unit)
            .and_then(|index| doc.annotations.get(index));
        let noted = here.is_some_and(|(annotation, _)| !annotation.note.is_empty());
        // The speaker closes the annotation's last row, dim, as far as the row has room.
        let speaker = here
            .filter(|(annotation, placement)| {
                !annotation.speaker.is_empty()
                    && placement.units.is_some_and(|(_, last)| last == unit)
            })
            .map(|(annotation, _)| {
                format!(
                    " — {}",
                    clip(&annotation.speaker, 4 * usize::from(text_width))
                )
            });
        let cursor = unit == doc.cursor;
        let selected = doc.selection_start.is_some() && (sel_first..=sel_last).contains(&unit);
        let mut style = match units[unit].kind {
            UnitKind::Title => theme.title,
            UnitKind::Heading => theme.heading,
            UnitKind::Sentence => Style::default(),
        };
        if let Some(tag) = tags.first() {
            style = style.patch(theme.tag(*tag));
        }
        if selected {
            style = style.patch(theme.selection);
        }
        if cursor {
            style = style.patch(theme.cursor);
        }
        let matches =
            if doc.search.query.is_empty() || doc.search.matches.binary_search(&unit).is_err() {
                Vec::new()
            } else {
                find_all(&text, &doc.search.query)
            };
        for row in skip..separator + lines.len() {
            if y >= area.height {
                break;
            }
            if row >= separator {
                let range = lines[row - separator].clone();
                let mut spans = Vec::with_capacity(6);
                let mark = if cursor {
                    ">"
                } else if selected {
                    "|"
                } else {
                    " "
                };
                spans.push(Span::styled(mark, theme.focus));
                // A note is marked in the first free tag slot (the space before the text when all
                // three are taken), even on a unit with no tag, where nothing else would show it.
                let mut note_mark = noted;
                for slot in 0..3 {
                    match tags.get(slot) {
                        Some(tag) => {
                            spans.push(Span::styled(tag.letter().to_string(), theme.tag(*tag)))
                        }
                        None if note_mark => {
                            spans.push(Span::styled("*", theme.focus));
                            note_mark = false;
                        }
                        None => spans.push(Span::raw(" ")),
                    }
                }
                spans.push(if note_mark {
                    Span::styled("*", theme.focus)
                } else {
                    Span::raw(" ")
                });
                let mut at = range.start;
                for found in matches
                    .iter()
                    .filter(|m| m.start < range.end && m.end > range.start)
                {
                    let start = found.start.max(range.start);
                    let end = found.end.min(range.end);
                    if start > at {
                        spans.push(Span::styled(&text[at..start], style));
                    }
                    spans.push(Span::styled(&text[start..end], style.patch(theme.matched)));
                    at = end;
                }
                if at < range.end {
                    spans.push(Span::styled(&text[at..range.end], style));
                }
                if row + 1 == separator + lines.len()
                    && let Some(speaker) = &speaker
                {
                    spans.push(Span::styled(speaker.as_str(), theme.dim));
                }
                let line = Line::from(spans);
                buf.set_line(area.x, area.y + y, &line, area.width);
            }
            y += 1;
        }
        skip = 0;
        unit += 1;
    }
}
