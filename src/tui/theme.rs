//! Every colour and style of the reading screen, in one place; colours can be changed in the
//! config and are all dropped when `NO_COLOR` is set, leaving bold, underline and reverse video
//! so tags, the cursor and matches still read (the gutter letters carry the tags too).

use std::collections::BTreeMap;
use std::str::FromStr;

use ratatui::style::{Color, Modifier, Style};

use crate::annotation::Tag;

/// The styles of the reading screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Theme {
    /// Claim-tagged text and its gutter mark.
    pub claim: Style,
    /// Denial-tagged text and its gutter mark.
    pub denial: Style,
    /// Quote-tagged text and its gutter mark.
    pub quote: Style,
    /// The cursor unit (or the selected row of a list).
    pub cursor: Style,
    /// Units of the selection being made.
    pub selection: Style,
    /// A search match.
    pub matched: Style,
    /// The article's title.
    pub title: Style,
    /// Headings.
    pub heading: Style,
    /// Borders of panes without focus.
    pub border: Style,
    /// The border of the focused pane.
    pub focus: Style,
    /// The status bar.
    pub status: Style,
    /// Error messages.
    pub error: Style,
    /// Secondary text: dates, sources, hints.
    pub dim: Style,
    /// Annotations that need a look (fuzzy or orphaned).
    pub warning: Style,
    /// Words a change took out of a tagged sentence (shown between `[-` and `-]` too).
    pub removed: Style,
    /// Words a change put into a tagged sentence (shown between `{+` and `+}` too).
    pub added: Style,
    /// A proposed tag's letter in the gutter, lower case so that it reads apart from a tag
    /// without colour.
    pub proposal: Style,
    /// The cue words of a proposal.
    pub cue: Style,
}

impl Default for Theme {
    fn default() -> Theme {
        Theme {
            claim: Style::new().fg(Color::Yellow),
            denial: Style::new().fg(Color::LightRed),
            quote: Style::new().fg(Color::LightCyan),
            cursor: Style::new().add_modifier(Modifier::REVERSED),
            selection: Style::new()
                .bg(Color::DarkGray)
                .add_modifier(Modifier::ITALIC),
            matched: Style::new()
                .fg(Color::Black)
                .bg(Color::LightYellow)
                .add_modifier(Modifier::UNDERLINED),
            title: Style::new()
                .fg(Color::LightBlue)
                .add_modifier(Modifier::BOLD),
            heading: Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
            border: Style::new().fg(Color::DarkGray),
            focus: Style::new()
                .fg(Color::LightGreen)
                .add_modifier(Modifier::BOLD),
            status: Style::new().bg(Color::Indexed(236)),
            error: Style::new()
                .fg(Color::LightRed)
                .add_modifier(Modifier::BOLD),
            dim: Style::new().fg(Color::Gray),
            warning: Style::new()
                .fg(Color::LightMagenta)
                .add_modifier(Modifier::BOLD),
            removed: Style::new()
                .fg(Color::LightRed)
                .add_modifier(Modifier::CROSSED_OUT),
            added: Style::new()
                .fg(Color::LightGreen)
                .add_modifier(Modifier::BOLD),
            proposal: Style::new()
                .fg(Color::DarkGray)
                .add_modifier(Modifier::DIM | Modifier::ITALIC),
            cue: Style::new().add_modifier(Modifier::UNDERLINED),
        }
    }
}

impl Theme {
    /// The default theme with the user's `colors` applied (role -> colour name), without any
    /// colour when `no_color`; returns a message for each colour that could not be used.
    pub fn new(colors: &BTreeMap<String, String>, no_color: bool) -> (Theme, Vec<String>) {
        let mut theme = Theme::default();
        let mut problems = Vec::new();
        for (role, name) in colors {
            let Ok(color) = Color::from_str(name.trim()) else {
                problems.push(format!(
                    "config: colors: {name:?} is not a colour (try \"red\", \"#ff8800\" or \"208\")"
                ));
                continue;
            };
            let slot = match role.as_str() {
                "claim" => &mut theme.claim,
                "denial" => &mut theme.denial,
                "quote" => &mut theme.quote,
                "title" => &mut theme.title,
                "heading" => &mut theme.heading,
                "border" => &mut theme.border,
                "focus" => &mut theme.focus,
                "error" => &mut theme.error,
                "dim" => &mut theme.dim,
                "warning" => &mut theme.warning,
                "proposal" => &mut theme.proposal,
                "cursor" | "selection" | "match" | "status" => {
                    let slot = match role.as_str() {
                        "cursor" => &mut theme.cursor,
                        "selection" => &mut theme.selection,
                        "match" => &mut theme.matched,
                        _ => &mut theme.status,
                    };
                    *slot = slot.bg(color);
                    continue;
                }
                _ => {
                    problems.push(format!(
                        "config: colors: unknown role {role:?} (see docs/config.md)"
                    ));
                    continue;
                }
            };
            *slot = slot.fg(color);
        }
        if no_color {
            theme = theme.without_color();
        }
        (theme, problems)
    }

    /// This theme with every colour removed.
    pub fn without_color(self) -> Theme {
        let plain = |style: Style| Style {
            fg: None,
            bg: None,
            underline_color: None,
            ..style
        };
        Theme {
            claim: plain(self.claim),
            denial: plain(self.denial).add_modifier(Modifier::BOLD),
            quote: plain(self.quote).add_modifier(Modifier::ITALIC),
            cursor: plain(self.cursor).add_modifier(Modifier::REVERSED),
            selection: plain(self.selection),
            matched: plain(self.matched).add_modifier(Modifier::UNDERLINED),
            title: plain(self.title),
            heading: plain(self.heading),
            border: plain(self.border),
            focus: plain(self.focus),
            status: plain(self.status),
            error: plain(self.error),
            dim: plain(self.dim),
            warning: plain(self.warning),
            removed: plain(self.removed).add_modifier(Modifier::CROSSED_OUT),
            added: plain(self.added).add_modifier(Modifier::UNDERLINED),
            proposal: plain(self.proposal).add_modifier(Modifier::DIM),
            cue: plain(self.cue).add_modifier(Modifier::UNDERLINED),
        }
    }

    /// The style of a tag.
    pub fn tag(&self, tag: Tag) -> Style {
        match tag {
            Tag::Claim => self.claim,
            Tag::Denial => self.denial,
            Tag::Quote => self.quote,
        }
    }
}

/// Whether the environment asks for no colour (`NO_COLOR` set and not empty, per no-color.org).
pub fn no_color_requested() -> bool {
    std::env::var_os("NO_COLOR").is_some_and(|value| !value.is_empty())
}
