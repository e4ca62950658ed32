//! The annotation pane: the open article's annotations in document order, two rows each (tags,
//! speaker, status and excerpt; then the note's first line), fuzzy and orphaned ones marked; below them
//! the selected annotation's note in full.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use crate::annotation::Status;
use crate::tui::app::App;
use crate::tui::layout::{note_box_height, note_rows, window_start};
use crate::tui::theme::Theme;

use super::{clip, pane_block};

/// The annotation pane widget.
pub struct AnnotationPane<'a> {
    app: &'a App,
    theme: &'a Theme,
    focused: bool,
}

impl<'a> AnnotationPane<'a> {
    /// The pane for `app`.
    pub fn new(app: &'a App, theme: &'a Theme, focused: bool) -> AnnotationPane<'a> {
        AnnotationPane {
            app,
            theme,
            focused,
        }
    }
}

impl Widget for AnnotationPane<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let count = self.app.doc.as_ref().map_or(0, |doc| doc.annotations.len());
        let block = pane_block(
            Line::from(format!(" Annotations ({count}) ")),
            self.focused,
            self.theme,
        );
        let inner = block.inner(area);
        block.render(area, buf);
        let Some(doc) = &self.app.doc else {
            return;
        };
        if inner.height == 0 || inner.width == 0 {
            return;
        }
        if count == 0 {
            let hint = Line::styled(
                "no tags yet: c, d or \" tags the cursor unit",
                self.theme.dim,
            );
            buf.set_line(inner.x, inner.y, &hint, inner.width);
            return;
        }
        let note_height = note_box_height(self.app, inner);
        if note_height > 0 {
            let max = usize::from(note_height - 1);
            let top = inner.y + inner.height - note_height;
            let heading = format!("{:─<width$}", "─ note ", width = usize::from(inner.width));
            buf.set_line(
                inner.x,
                top,
                &Line::styled(heading, self.theme.border),
                inner.width,
            );
            for (i, row) in note_rows(self.app, inner.width, max)
                .into_iter()
                .enumerate()
            {
                let y = top + 1 + i as u16;
                buf.set_line(inner.x, y, &Line::raw(row), inner.width);
            }
        }
        let inner = Rect {
            height: inner.height - note_height,
            ..inner
        };
        let capacity = (usize::from(inner.height) / 2).max(1);
        // Enough bytes for a row of four-byte characters: the rest would be cut anyway.
        let budget = 4 * usize::from(inner.width);
        let start = window_start(doc.selected_annotation, count, capacity);
        for row in 0..capacity {
            let index = start + row;
            let Some((annotation, placement)) = doc.annotations.get(index) else {
                break;
            };
            let y = inner.y + 2 * row as u16;
            let mut spans = Vec::new();
            for tag in &annotation.tags {
                spans.push(Span::styled(tag.letter().to_string(), self.theme.tag(*tag)));
            }
            spans.push(Span::raw(" "));
            if !annotation.speaker.is_empty() {
                spans.push(Span::styled(
                    format!("— {} ", clip(&annotation.speaker, budget)),
                    self.theme.dim,
                ));
            }
            match placement.status {
                Status::Anchored => {}
                Status::Moved => spans.push(Span::styled("moved ", self.theme.dim)),
                Status::Fuzzy(score) => spans.push(Span::styled(
                    format!("~{:.0}% check ", score * 100.0),
                    self.theme.warning,
                )),
                Status::Orphaned => {
                    spans.push(Span::styled("orphaned ", self.theme.warning));
                }
            }
            if let Some((first, last)) = placement.units {
                let range = if first == last {
                    format!("{first} ")
                } else {
                    format!("{first}-{last} ")
                };
                spans.push(Span::styled(range, self.theme.dim));
            }
            spans.push(Span::raw(clip(&annotation.anchor.exact, budget)));
            let mut line = Line::from(spans);
            if index == doc.selected_annotation {
                line = line.patch_style(if self.focused {
                    self.theme.cursor
                } else {
                    self.theme.selection
                });
            }
            buf.set_line(inner.x, y, &line, inner.width);
            if y + 1 < inner.y + inner.height && !annotation.note.is_empty() {
                let note = Line::from(vec![
                    Span::raw("  "),
                    Span::styled(
                        clip(&annotation.note, budget),
                        Style::default().patch(self.theme.dim),
                    ),
                ]);
                buf.set_line(inner.x, y + 1, &note, inner.width);
            }
        }
    }
}
