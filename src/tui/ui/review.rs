//! The review panel, at the bottom of the screen so the reading pane above still shows the
//! cursor unit (the one `t` re-attaches to): the tag shown, its text as it was and as it is now,
//! the word-level difference with removed words as `[-old-]` and added ones as `{+new+}` (so it
//! reads without colour), changed figures and quoted words in reverse video and listed as
//! `300 -> 400`, and the keys.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Widget, Wrap};

use crate::annotation::Status;
use crate::changes::{Op, highlights};
use crate::safe_text::for_terminal;
use crate::tui::command::Command;
use crate::tui::keymap::HelpLine;
use crate::tui::review::ReviewView;
use crate::tui::theme::Theme;

/// Rows the panel takes at most.
const HEIGHT: u16 = 14;

/// The review panel widget.
pub struct Review<'a> {
    view: &'a ReviewView,
    help: &'a [HelpLine],
    theme: &'a Theme,
}

impl<'a> Review<'a> {
    /// The panel for `view`, naming the keys `help` binds.
    pub fn new(view: &'a ReviewView, help: &'a [HelpLine], theme: &'a Theme) -> Self {
        Review { view, help, theme }
    }

    /// The first key of `command`, or `?` when it is unbound.
    fn key(&self, command: Command) -> String {
        self.help
            .iter()
            .find(|line| line.command == command)
            .and_then(|line| line.keys.split(", ").next())
            .unwrap_or("?")
            .to_owned()
    }

    fn footer(&self) -> Line<'static> {
        let pairs = [
            (Command::Accept, "accept new place"),
            (Command::ReattachTag, "re-attach to cursor"),
            (Command::KeepOrphan, "keep as orphan"),
            (Command::RemoveAnnotation, "delete"),
            (Command::NextMatch, "next"),
            (Command::ToggleMoved, "moved"),
            (Command::Cancel, "close"),
        ];
        let mut spans = Vec::new();
        for (command, label) in pairs {
            spans.push(Span::styled(self.key(command), self.theme.focus));
            spans.push(Span::styled(format!(" {label}  "), self.theme.dim));
        }
        Line::from(spans)
    }
}

impl Widget for Review<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        // At most half the screen: the cursor unit stays in sight above.
        let height = HEIGHT.min(area.height / 2 + 1).min(area.height);
        let rect = Rect::new(area.x, area.y + area.height - height, area.width, height);
        Clear.render(rect, buf);
        let queue = self.view.queue();
        let title = match self.view.shown() {
            Some(tag) => {
                let at = queue.iter().position(|t| t.id == tag.id).unwrap_or(0);
                let status = match tag.status {
                    Status::Fuzzy(score) => {
                        format!("changed wording ({}% alike)", (score * 100.0).floor())
                    }
                    Status::Orphaned => "lost its sentence".to_owned(),
                    Status::Moved => "moved, text unchanged".to_owned(),
                    Status::Anchored => "in place".to_owned(),
                };
                let place = match tag.units {
                    Some((first, last)) if first != last => format!(", now units {first}-{last}"),
                    Some((first, _)) => format!(", now unit {first}"),
                    None => String::new(),
                };
                format!(" Review {}/{}: {status}{place} ", at + 1, queue.len())
            }
            None => " Review: every changed tag is settled ".to_owned(),
        };
        let block = Block::bordered()
            .title(title)
            .title_bottom(self.footer())
            .border_style(self.theme.focus);
        let inner = block.inner(rect);
        block.render(rect, buf);
        let Some(tag) = self.view.shown() else {
            return;
        };
        let label = |text: &'static str| Span::styled(text, self.theme.title);
        let mut lines = vec![Line::from(vec![
            label("was: "),
            Span::raw(for_terminal(&tag.old_text).into_owned()),
        ])];
        match (&tag.new_text, tag.status) {
            (None, _) => lines.push(Line::from(vec![
                label("now: "),
                Span::styled(
                    "gone; kept as an orphan until you decide",
                    self.theme.warning,
                ),
            ])),
            (Some(_), Status::Moved) => lines.push(Line::from(vec![
                label("now: "),
                Span::styled("the same words, elsewhere in the article", self.theme.dim),
            ])),
            (Some(_), _) => {
                let mut spans = vec![label("diff: ")];
                for piece in &tag.diff {
                    let text = for_terminal(&piece.text).into_owned();
                    let (style, open, close) = match piece.op {
                        Op::Same => (ratatui::style::Style::default(), "", ""),
                        Op::Removed => (self.theme.removed, "[-", "-]"),
                        Op::Added => (self.theme.added, "{+", "+}"),
                    };
                    let style = if piece.notable {
                        style.add_modifier(Modifier::REVERSED)
                    } else {
                        style
                    };
                    spans.push(Span::styled(format!("{open}{text}{close}"), style));
                }
                lines.push(Line::from(spans));
                let changed = highlights(&tag.diff);
                if !changed.is_empty() {
                    lines.push(Line::from(vec![
                        label("changed: "),
                        Span::styled(
                            for_terminal(&changed.join(", ")).into_owned(),
                            self.theme.warning,
                        ),
                    ]));
                }
            }
        }
        Paragraph::new(lines)
            .wrap(Wrap { trim: true })
            .render(inner, buf);
    }
}
