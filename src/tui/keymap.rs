//! Keys are data: the default bindings in `assets/keymap.ron`, patched by the user's config, and
//! the translation of terminal events into [`Action`]s: a bound key into its [`Command`], the
//! mouse and the window's size into their events.
//!
//! The only module that looks at key codes. Text boxes (search, filter, note editor) get their
//! keys as [`Input`]s, except Esc which always means [`Command::Cancel`]; the export menu gets
//! digits as [`Input`]s and every other key as its command.

use std::collections::{BTreeMap, HashMap};
use std::fmt;

use ratatui::crossterm::event::{
    Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseButton, MouseEventKind,
};

use super::action::{Action, Input};
use super::command::Command;

/// The default bindings, compiled in.
const DEFAULT_KEYMAP: &str = include_str!("../../assets/keymap.ron");

/// How keys are read: as commands, or as text typed into a box.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InputMode {
    /// Keys run bound actions.
    Command,
    /// Keys type text.
    Text,
    /// A menu: a digit chooses an item by its number, other keys run their bound commands
    /// (moving, Enter, Esc), so the menu moves like every list.
    Menu,
}

/// A key with its modifiers, as written in keymap files (`ctrl-d`, `G`, `shift-tab`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Chord {
    code: KeyCode,
    modifiers: KeyModifiers,
}

/// One line of the help overlay: the keys, what they do, and the command.
#[derive(Debug, Clone, PartialEq)]
pub struct HelpLine {
    /// The keys, as written in keymap files, separated by commas.
    pub keys: String,
    /// What they do.
    pub description: String,
    /// The command they run.
    pub command: Command,
}

/// The bindings in effect.
#[derive(Debug, Clone)]
pub struct Keymap {
    help: Vec<(Vec<Chord>, Command, String)>,
    map: HashMap<Chord, Command>,
}

/// Why the built-in keymap could not be read (a defect caught by the tests).
#[derive(Debug, thiserror::Error)]
#[error("assets/keymap.ron:{line}:{column}: {message}")]
pub struct KeymapError {
    line: usize,
    column: usize,
    message: String,
}

#[derive(serde::Deserialize)]
struct BindingEntry {
    keys: Vec<String>,
    /// Named `action` in the file, as in the user's config.
    #[serde(rename = "action")]
    command: Command,
    description: String,
}

impl Keymap {
    /// The default bindings.
    pub fn defaults() -> Result<Keymap, KeymapError> {
        let entries: Vec<BindingEntry> =
            ron::from_str(DEFAULT_KEYMAP).map_err(|error| KeymapError {
                line: error.span.start.line,
                column: error.span.start.col,
                message: error.code.to_string(),
            })?;
        let mut keymap = Keymap {
            help: Vec::new(),
            map: HashMap::new(),
        };
        for entry in entries {
            let chords = entry
                .keys
                .iter()
                .map(|key| {
                    parse_chord(key).ok_or_else(|| KeymapError {
                        line: 0,
                        column: 0,
                        message: format!("unknown key {key:?}"),
                    })
                })
                .collect::<Result<Vec<_>, _>>()?;
            for chord in &chords {
                keymap.map.insert(*chord, entry.command);
            }
            keymap.help.push((chords, entry.command, entry.description));
        }
        Ok(keymap)
    }

    /// These bindings patched by the user's `keys` setting (key name -> action name); returns a
    /// message for each entry that could not be used. One way out always stays: when no key is
    /// left to quit, ctrl-c quits whatever the config gave it, and a message says so.
    pub fn with_overrides(mut self, overrides: &BTreeMap<String, String>) -> (Keymap, Vec<String>) {
        let mut problems = Vec::new();
        for (key, action_name) in overrides {
            let Some(chord) = parse_chord(key) else {
                problems.push(format!("config: unknown key {key:?} (see docs/keys.md)"));
                continue;
            };
            let Ok(command) = ron::from_str::<Command>(action_name.trim()) else {
                problems.push(format!(
                    "config: unknown action {action_name:?} for key {key:?} (see docs/keys.md)"
                ));
                continue;
            };
            self.bind(chord, command);
        }
        if !self.map.values().any(|command| *command == Command::Quit) {
            let way_out = Chord {
                code: KeyCode::Char('c'),
                modifiers: KeyModifiers::CONTROL,
            };
            self.bind(way_out, Command::Quit);
            problems.push(
                "config: no key was left to quit, so ctrl-c still quits (see docs/keys.md)"
                    .to_owned(),
            );
        }
        (self, problems)
    }

    /// Binds `chord` to `command`, taking it from whatever it ran before, in the help too.
    fn bind(&mut self, chord: Chord, command: Command) {
        for (chords, _, _) in &mut self.help {
            chords.retain(|c| *c != chord);
        }
        if let Some((chords, _, _)) = self.help.iter_mut().find(|(_, c, _)| *c == command) {
            chords.push(chord);
        }
        self.map.insert(chord, command);
    }

    /// The action for a terminal event, if any.
    pub fn action(&self, mode: InputMode, event: &Event) -> Option<Action> {
        match event {
            Event::Key(key) if key.kind != KeyEventKind::Release => match mode {
                InputMode::Command => self.map.get(&chord_of(key)).copied().map(Action::Command),
                InputMode::Text => text_action(key),
                InputMode::Menu => match key.code {
                    KeyCode::Char(c) if c.is_ascii_digit() && key.modifiers.is_empty() => {
                        Some(Action::Input(Input::Char(c)))
                    }
                    KeyCode::Esc => Some(Action::Command(Command::Cancel)),
                    _ => self.map.get(&chord_of(key)).copied().map(Action::Command),
                },
            },
            Event::Mouse(mouse) => match mouse.kind {
                MouseEventKind::Down(MouseButton::Left) => Some(Action::Click {
                    column: mouse.column,
                    row: mouse.row,
                }),
                MouseEventKind::ScrollDown | MouseEventKind::ScrollUp => Some(Action::Scroll {
                    column: mouse.column,
                    row: mouse.row,
                    down: mouse.kind == MouseEventKind::ScrollDown,
                }),
                _ => None,
            },
            Event::Resize(width, height) => Some(Action::Resize {
                width: *width,
                height: *height,
            }),
            _ => None,
        }
    }

    /// Every binding with its description, in keymap order.
    pub fn help(&self) -> Vec<HelpLine> {
        self.help
            .iter()
            .filter(|(chords, _, _)| !chords.is_empty())
            .map(|(chords, command, description)| HelpLine {
                keys: chords
                    .iter()
                    .map(ToString::to_string)
                    .collect::<Vec<_>>()
                    .join(", "),
                description: description.clone(),
                command: *command,
            })
            .collect()
    }
}

/// Keys in a text box: printable characters type, Esc cancels, Ctrl-c quits.
fn text_action(key: &KeyEvent) -> Option<Action> {
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    let input = match key.code {
        KeyCode::Esc => return Some(Action::Command(Command::Cancel)),
        KeyCode::Char('c') if ctrl => return Some(Action::Command(Command::Quit)),
        KeyCode::Char(c) if !ctrl && !key.modifiers.contains(KeyModifiers::ALT) => {
            // Never let a control character into a note: it would reach the terminal.
            if c.is_control() {
                return None;
            }
            Input::Char(c)
        }
        KeyCode::Enter => Input::Enter,
        KeyCode::Backspace => Input::Backspace,
        KeyCode::Delete => Input::Delete,
        KeyCode::Left => Input::Left,
        KeyCode::Right => Input::Right,
        KeyCode::Up => Input::Up,
        KeyCode::Down => Input::Down,
        KeyCode::Home => Input::Home,
        KeyCode::End => Input::End,
        KeyCode::Tab => Input::Tab,
        KeyCode::BackTab => Input::BackTab,
        _ => return None,
    };
    Some(Action::Input(input))
}

/// The chord of a key event; Shift is part of the character for printable keys.
fn chord_of(key: &KeyEvent) -> Chord {
    let mut modifiers = key.modifiers & (KeyModifiers::CONTROL | KeyModifiers::ALT);
    let code = match key.code {
        KeyCode::Char(c) if modifiers.contains(KeyModifiers::CONTROL) => {
            KeyCode::Char(c.to_ascii_lowercase())
        }
        KeyCode::BackTab => KeyCode::BackTab,
        other => {
            if key.modifiers.contains(KeyModifiers::SHIFT) && !matches!(other, KeyCode::Char(_)) {
                modifiers |= KeyModifiers::SHIFT;
            }
            other
        }
    };
    Chord { code, modifiers }
}

/// Parses a key name: `j`, `G`, `ctrl-d`, `alt-x`, `shift-tab`, `pagedown`, `f2`, `space`.
pub fn parse_chord(name: &str) -> Option<Chord> {
    let mut modifiers = KeyModifiers::NONE;
    let mut rest = name;
    loop {
        let lower = rest.to_ascii_lowercase();
        let (prefix, flag) = if lower.starts_with("ctrl-") && rest.len() > 5 {
            (5, KeyModifiers::CONTROL)
        } else if lower.starts_with("alt-") && rest.len() > 4 {
            (4, KeyModifiers::ALT)
        } else if lower.starts_with("shift-") && rest.len() > 6 {
            (6, KeyModifiers::SHIFT)
        } else {
            break;
        };
        modifiers |= flag;
        rest = &rest[prefix..];
    }
    let mut chars = rest.chars();
    let code = match (chars.next(), chars.next()) {
        (Some(c), None) => {
            if modifiers.contains(KeyModifiers::SHIFT) {
                modifiers.remove(KeyModifiers::SHIFT);
                KeyCode::Char(c.to_ascii_uppercase())
            } else if modifiers.contains(KeyModifiers::CONTROL) {
                KeyCode::Char(c.to_ascii_lowercase())
            } else {
                KeyCode::Char(c)
            }
        }
        _ => match rest.to_ascii_lowercase().as_str() {
            "enter" | "return" => KeyCode::Enter,
            "esc" | "escape" => KeyCode::Esc,
            "tab" if modifiers.contains(KeyModifiers::SHIFT) => {
                modifiers.remove(KeyModifiers::SHIFT);
                KeyCode::BackTab
            }
            "tab" => KeyCode::Tab,
            "backtab" => KeyCode::BackTab,
            "backspace" => KeyCode::Backspace,
            "delete" | "del" => KeyCode::Delete,
            "up" => KeyCode::Up,
            "down" => KeyCode::Down,
            "left" => KeyCode::Left,
            "right" => KeyCode::Right,
            "home" => KeyCode::Home,
            "end" => KeyCode::End,
            "pageup" => KeyCode::PageUp,
            "pagedown" => KeyCode::PageDown,
            "space" => KeyCode::Char(' '),
            "insert" => KeyCode::Insert,
            f if f.starts_with('f') => KeyCode::F(f[1..].parse().ok().filter(|n| *n >= 1)?),
            _ => return None,
        },
    };
    Some(Chord { code, modifiers })
}

impl fmt::Display for Chord {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.modifiers.contains(KeyModifiers::CONTROL) {
            f.write_str("ctrl-")?;
        }
        if self.modifiers.contains(KeyModifiers::ALT) {
            f.write_str("alt-")?;
        }
        if self.modifiers.contains(KeyModifiers::SHIFT) {
            f.write_str("shift-")?;
        }
        match self.code {
            KeyCode::Char(' ') => f.write_str("space"),
            KeyCode::Char(c) => write!(f, "{c}"),
            KeyCode::Enter => f.write_str("enter"),
            KeyCode::Esc => f.write_str("esc"),
            KeyCode::Tab => f.write_str("tab"),
            KeyCode::BackTab => f.write_str("shift-tab"),
            KeyCode::Backspace => f.write_str("backspace"),
            KeyCode::Delete => f.write_str("delete"),
            KeyCode::Up => f.write_str("up"),
            KeyCode::Down => f.write_str("down"),
            KeyCode::Left => f.write_str("left"),
            KeyCode::Right => f.write_str("right"),
            KeyCode::Home => f.write_str("home"),
            KeyCode::End => f.write_str("end"),
            KeyCode::PageUp => f.write_str("pageup"),
            KeyCode::PageDown => f.write_str("pagedown"),
            KeyCode::Insert => f.write_str("insert"),
            KeyCode::F(n) => write!(f, "f{n}"),
            _ => f.write_str("?"),
        }
    }
}
