//! The status bar: the article, the cursor's position, tag counts, the save state, search
//! progress and key hints; a second row for a message when there is one.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use crate::tui::action::Action;
use crate::tui::app::{App, Document};
use crate::tui::theme::Theme;

use super::search::prompt;
use super::{one_line, preview};

/// Actions whose keys the hints show, with a short label.
const HINTS: [(Action, &str); 5] = [
    (Action::ToggleHelp, "help"),
    (Action::ToggleClaim, "claim"),
    (Action::EditNote, "note"),
    (Action::StartSearch, "search"),
    (Action::Quit, "quit"),
];

/// The status bar widget.
pub struct StatusBar<'a> {
    app: &'a App,
    theme: &'a Theme,
}

impl<'a> StatusBar<'a> {
    /// The status bar for `app`.
    pub fn new(app: &'a App, theme: &'a Theme) -> StatusBar<'a> {
        StatusBar { app, theme }
    }
}

impl Widget for StatusBar<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        if area.height == 0 {
            return;
        }
        buf.set_style(area, self.theme.status);
        let line = prompt(&self.app.mode, self.theme).unwrap_or_else(|| self.facts());
        buf.set_line(area.x, area.y, &line, area.width);
        if area.height > 1
            && let Some(message) = &self.app.message
        {
            let style = if message.error {
                self.theme.error
            } else {
                self.theme.dim
            };
            let text = Line::styled(preview(&message.text, 1024), style);
            buf.set_line(area.x, area.y + 1, &text, area.width);
        }
    }
}

impl StatusBar<'_> {
    /// Article, position, counts, save state, search, then hints.
    fn facts(&self) -> Line<'static> {
        let theme = self.theme;
        let mut spans = Vec::new();
        match &self.app.doc {
            Some(doc) => {
                spans.push(Span::raw(format!(
                    " {} │ unit {} of {} │ ",
                    file_name(doc),
                    doc.cursor,
                    doc.article.units().len()
                )));
                let counts = doc.counts();
                for (slot, tag) in crate::annotation::Tag::ALL.into_iter().enumerate() {
                    spans.push(Span::styled(
                        format!("{}{} ", tag.letter(), counts[slot]),
                        theme.tag(tag),
                    ));
                }
                spans.push(Span::raw("│ "));
                spans.push(save_state(doc, theme));
                if doc.anchor.is_some() {
                    let (first, last) = doc.target();
                    spans.push(Span::styled(
                        format!(" │ selecting {}-{}", first, last),
                        theme.focus,
                    ));
                }
                if !doc.search.query.is_empty() {
                    spans.push(Span::raw(" │ "));
                    spans.push(search_state(doc));
                }
            }
            None => spans.push(Span::raw(format!(
                " {} articles │ ",
                self.app.library.entries.len()
            ))),
        }
        spans.push(Span::raw(" │ "));
        for (action, label) in HINTS {
            if let Some(line) = self.app.help.iter().find(|line| line.action == action) {
                let key = line.keys.split(", ").next().unwrap_or_default().to_owned();
                spans.push(Span::styled(key, theme.focus));
                spans.push(Span::styled(format!(" {label}  "), theme.dim));
            }
        }
        Line::from(spans)
    }
}

fn file_name(doc: &Document) -> String {
    one_line(
        &doc.path
            .file_name()
            .map(|name| name.to_string_lossy().into_owned())
            .unwrap_or_default(),
    )
}

fn save_state(doc: &Document, theme: &Theme) -> Span<'static> {
    if doc.read_only.is_some() {
        Span::styled("read-only", theme.error)
    } else if doc.save.failed.is_some() {
        Span::styled("NOT SAVED", theme.error)
    } else if doc.save.in_flight || doc.save.dirty {
        Span::styled("saving…", theme.dim)
    } else {
        Span::styled("saved", theme.dim)
    }
}

fn search_state(doc: &Document) -> Span<'static> {
    let search = &doc.search;
    let text = if search.running {
        format!("searching {}…", one_line(&search.query))
    } else {
        match search.current {
            Some(current) => format!(
                "match {} of {}",
                current + 1,
                search.matches.len()
            ),
            None => format!("no match for {}", one_line(&search.query)),
        }
    };
    Span::raw(text)
}
