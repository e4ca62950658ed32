//! The reading pane: the units around the view's top, wrapped to the pane, with the gutter
//! (cursor mark, tag letters, `*` for a note), tag colours, the cursor, the selection and search
//! matches, and an annotation's speaker after its last unit ("— NIS", clipped at the pane's edge).

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget, Wrap};

use std::ops::Range;

use crate::article::UnitKind;
use crate::rejections::Rejections;
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
                &self.app.rejected,
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
fn draw_units(doc: &Document, rejected: &Rejections, theme: &Theme, area: Rect, buf: &mut Buffer) {
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
        let proposal = if doc.proposals.shown {
            doc.proposals
                .on_unit(unit, &doc.article, &doc.annotations, rejected)
        } else {
            None
        };
        let (proposed, cues) = match proposal {
            Some((tags, proposal)) => (tags, proposal.cues.as_slice()),
            None => ([None; 3], &[][..]),
        };
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
                // Proposed tags take the free slots after the tags, as dim lower-case letters.
                let mut proposals = proposed.iter().flatten();
                for slot in 0..3 {
                    match tags.get(slot) {
                        Some(tag) => {
                            spans.push(Span::styled(tag.letter().to_string(), theme.tag(*tag)))
                        }
                        None if let Some(tag) = proposals.next() => spans.push(Span::styled(
                            tag.letter().to_ascii_lowercase().to_string(),
                            theme.proposal,
                        )),
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
                push_text(&mut spans, &text, range, style, theme, &matches, cues);
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

/// Pushes the row `range` of `text` in `style`, search matches and proposal cues marked.
fn push_text<'t>(
    spans: &mut Vec<Span<'t>>,
    text: &'t str,
    range: Range<usize>,
    style: Style,
    theme: &Theme,
    matches: &[Range<usize>],
    cues: &[Range<usize>],
) {
    let inside =
        |marks: &[Range<usize>], at: usize| marks.iter().any(|m| m.start <= at && at < m.end);
    let mut at = range.start;
    while at < range.end {
        // The next place where a match or a cue starts or ends.
        let next = matches
            .iter()
            .chain(cues)
            .flat_map(|mark| [mark.start, mark.end])
            .filter(|&edge| edge > at && edge < range.end)
            .min()
            .unwrap_or(range.end);
        let mut piece = style;
        if inside(cues, at) {
            piece = piece.patch(theme.cue);
        }
        if inside(matches, at) {
            piece = piece.patch(theme.matched);
        }
        if let Some(slice) = text.get(at..next) {
            spans.push(Span::styled(slice, piece));
        }
        at = next;
    }
}
