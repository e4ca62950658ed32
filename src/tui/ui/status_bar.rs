//! The status bar: the article, the cursor's position, tag counts, the save state (or the
//! loading of a big article), search progress and the hints for the keys of the mode and the
//! focused pane; a second row for a message when
//! there is one.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use crate::tui::app::{App, Document, Mode, Pane};
use crate::tui::command::Command;
use crate::tui::theme::Theme;

use super::search::prompt;
use super::{clip, one_line};
use crate::safe_text::for_terminal;

/// A key hint: the first key of a command with a short label, or a fixed key of a text box.
#[derive(Clone, Copy)]
enum Hint {
    /// A command's first key, as the keymap binds it.
    Key(Command, &'static str),
    /// A key that is not a binding (in a text box), written out.
    Text(&'static str, &'static str),
}

use Hint::{Key, Text};

/// The hints for what the keys do now: the mode, then the focused pane.
fn hints_for(app: &App) -> &'static [Hint] {
    let selecting = app
        .doc
        .as_ref()
        .is_some_and(|doc| doc.selection_start.is_some());
    let changed = app
        .doc
        .as_ref()
        .and_then(|doc| doc.changes.as_ref())
        .is_some_and(|report| !report.tags.is_empty());
    match (&app.mode, app.focus) {
        (Mode::Note { .. }, _) => &[Text("esc", "done, saved"), Text("enter", "new line")],
        (Mode::Export { .. }, _) => &[
            Key(Command::NextUnit, "move"),
            Key(Command::Open, "export"),
            Key(Command::Cancel, "cancel"),
        ],
        (Mode::Help { .. }, _) => &[
            Key(Command::NextUnit, "scroll"),
            Key(Command::Cancel, "close"),
        ],
        (Mode::Hits(_), _) => &[
            Key(Command::NextUnit, "move"),
            Key(Command::Open, "open"),
            Key(Command::Cancel, "close"),
        ],
        (
            Mode::Search { .. }
            | Mode::Filter { .. }
            | Mode::LibraryQuery { .. }
            | Mode::Speaker(_),
            _,
        ) => &[],
        (Mode::Matrix(view), _) if view.label.is_some() => {
            &[Text("enter", "keep the label"), Text("esc", "cancel")]
        }
        (Mode::Matrix(_), _) => &[
            Key(Command::Open, "open"),
            Key(Command::Accept, "accept"),
            Key(Command::Reject, "dismiss/unlink"),
            Key(Command::EditNote, "label"),
            Key(Command::CycleSort, "sort"),
            Text("3", "conflicts only"),
            Key(Command::Cancel, "close"),
        ],
        (Mode::Disagreements(_), _) => &[
            Text("n/p", "next/previous"),
            Text("1-9", "adopt a coder's"),
            Text("m", "adopt merged"),
            Text("esc", "close"),
        ],
        (Mode::Review(_), _) => &[
            Key(Command::Accept, "accept"),
            Key(Command::ReattachTag, "re-attach"),
            Key(Command::KeepOrphan, "keep"),
            Key(Command::RemoveAnnotation, "delete"),
            Key(Command::Cancel, "close"),
        ],
        (Mode::Normal, Pane::List) => &[
            Key(Command::Open, "open"),
            Key(Command::StartSearch, "filter"),
            Key(Command::CycleSort, "sort"),
            Key(Command::ToggleHelp, "help"),
            Key(Command::Quit, "quit"),
        ],
        (Mode::Normal, Pane::Annotations) => &[
            Key(Command::Open, "edit note"),
            Key(Command::RemoveAnnotation, "remove"),
            Key(Command::Undo, "undo"),
            Key(Command::ToggleHelp, "help"),
            Key(Command::Quit, "quit"),
        ],
        (Mode::Normal, Pane::Reading) if selecting => &[
            Key(Command::ToggleClaim, "claim"),
            Key(Command::ToggleDenial, "denial"),
            Key(Command::EditNote, "note"),
            Key(Command::Cancel, "cancel"),
        ],
        (Mode::Normal, Pane::Reading) if changed => &[
            Key(Command::ReviewChanges, "review changes"),
            Key(Command::ToggleHelp, "help"),
            Key(Command::ToggleClaim, "claim"),
            Key(Command::Quit, "quit"),
        ],
        (Mode::Normal, Pane::Reading) => &[
            Key(Command::ToggleHelp, "help"),
            Key(Command::ToggleClaim, "claim"),
            Key(Command::EditNote, "note"),
            Key(Command::StartSearch, "search"),
            Key(Command::Quit, "quit"),
        ],
    }
}

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
        match prompt(&self.app.mode, self.theme) {
            Some(line) => {
                buf.set_line(area.x, area.y, &line, area.width);
            }
            None => self.facts(area, buf),
        }
        if area.height > 1
            && let Some(message) = &self.app.message
        {
            let style = if message.error {
                self.theme.error
            } else {
                self.theme.dim
            };
            let text = Line::styled(clip(&message.text, 1024), style);
            buf.set_line(area.x, area.y + 1, &text, area.width);
        }
    }
}

impl StatusBar<'_> {
    /// Position, counts, save state and search on the left, key hints on the right, and the
    /// article's file name between them when it fits.
    fn facts(&self, area: Rect, buf: &mut Buffer) {
        let theme = self.theme;
        let mut left = Vec::new();
        let mut name = None;
        match &self.app.doc {
            Some(doc) => {
                // While only the head is here, the count is a lower bound.
                let more = if doc.loading.is_some() { "+" } else { "" };
                left.push(Span::raw(format!(
                    " unit {} of {}{more} │ ",
                    doc.cursor,
                    doc.article.units().len()
                )));
                let counts = doc.counts();
                for (slot, tag) in crate::annotation::Tag::ALL.into_iter().enumerate() {
                    left.push(Span::styled(
                        format!("{}{} ", tag.letter(), counts[slot]),
                        theme.tag(tag),
                    ));
                }
                left.push(Span::raw("│ "));
                left.push(save_state(doc, theme));
                if doc.selection_start.is_some() {
                    let (first, last) = doc.target();
                    left.push(Span::styled(
                        format!(" │ selecting {first}-{last}"),
                        theme.focus,
                    ));
                }
                if !doc.search.query.is_empty() {
                    left.push(Span::raw(" │ "));
                    left.push(search_state(doc));
                }
                name = Some(file_name(doc));
            }
            None => left.push(Span::raw(format!(
                " {} articles",
                self.app.library.entries.len()
            ))),
        }
        let mut hints = Vec::new();
        for hint in hints_for(self.app) {
            let (key, label) = match *hint {
                Text(key, label) => (key.to_owned(), label),
                Key(command, label) => {
                    let Some(line) = self.app.help.iter().find(|line| line.command == command)
                    else {
                        continue;
                    };
                    let key = line.keys.split(", ").next().unwrap_or_default();
                    (for_terminal(key).into_owned(), label)
                }
            };
            hints.push(Span::styled(key, theme.focus));
            hints.push(Span::styled(format!(" {label}  "), theme.dim));
        }
        let left = Line::from(left);
        let width = usize::from(area.width);
        // As many hints as fit, the first ones first: the list puts the most useful first.
        while hints.len() > 2 && left.width() + Line::from(hints.clone()).width() >= width {
            hints.truncate(hints.len() - 2);
        }
        let hints = Line::from(hints);
        let (left_width, hints_width) = (left.width(), hints.width());
        buf.set_line(area.x, area.y, &left, area.width);
        if left_width + hints_width < width {
            let x = area.x + (width - hints_width) as u16;
            buf.set_line(x, area.y, &hints, hints_width as u16);
            if let Some(name) = name {
                let room = width - left_width - hints_width;
                if name.chars().count() + 5 <= room {
                    let name = Line::styled(format!(" │ {name}"), theme.dim);
                    buf.set_line(area.x + left_width as u16, area.y, &name, room as u16);
                }
            }
        }
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
    if let Some(loading) = &doc.loading {
        Span::styled(format!("loading {}…", loading.size_label()), theme.focus)
    } else if doc.read_only.is_some() {
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
            Some(current) => format!("match {} of {}", current + 1, search.matches.len()),
            None => format!("no match for {}", one_line(&search.query)),
        }
    };
    Span::raw(text)
}
