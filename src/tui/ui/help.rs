//! The help overlay: the config's problems in full, then every binding in effect with its
//! description, from the keymap.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Widget};

use crate::tui::keymap::HelpLine;
use crate::tui::layout::HELP_WIDTH;
use crate::tui::theme::Theme;

use super::popup;
use crate::safe_text::for_terminal;

/// The help overlay widget.
pub struct Help<'a> {
    lines: &'a [HelpLine],
    problems: Vec<String>,
    scroll: usize,
    theme: &'a Theme,
}

impl<'a> Help<'a> {
    /// The overlay for `lines` below the rows of `problems`, scrolled by `scroll` rows.
    pub fn new(
        lines: &'a [HelpLine],
        problems: Vec<String>,
        scroll: usize,
        theme: &'a Theme,
    ) -> Help<'a> {
        Help {
            lines,
            problems,
            scroll,
            theme,
        }
    }
}

impl Widget for Help<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let keys_width = self
            .lines
            .iter()
            .map(|line| line.keys.chars().count())
            .max()
            .unwrap_or(0)
            .min(24);
        let height = u16::try_from(self.problems.len() + self.lines.len() + 2).unwrap_or(u16::MAX);
        let rect = popup(area, HELP_WIDTH, height, buf);
        let problems = self
            .problems
            .into_iter()
            .map(|row| Line::styled(row, self.theme.error));
        let keys = self.lines.iter().map(|line| {
            Line::from(vec![
                Span::styled(
                    format!(" {:>keys_width$}  ", for_terminal(&line.keys)),
                    self.theme.focus,
                ),
                Span::raw(for_terminal(&line.description).into_owned()),
            ])
        });
        let text: Vec<Line> = problems.chain(keys).skip(self.scroll).collect();
        Paragraph::new(text)
            .block(
                Block::bordered()
                    .title(" Keys (j/k scroll, any other key closes) ")
                    .border_style(self.theme.focus),
            )
            .render(rect, buf);
    }
}
