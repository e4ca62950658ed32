//! Shared by the reading-screen tests: the sample library in a temp dir, a runtime on a
//! `TestBackend` fed with key strings, and the screen as text.

#![allow(dead_code)]

use std::collections::VecDeque;
use std::path::{Path, PathBuf};
use std::time::Duration;

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{
    Event, KeyCode, KeyEvent, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};
use sidenote::config::Config;
use sidenote::tui::{self, loader, runtime::Runtime};

/// The sample article most tests open.
pub const ARTICLE: &str = "lawmaker-cites-spy-agency-300-dead.txt";

/// A copy of the bundled sample library in a temporary folder.
pub fn sample_library() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (name, text) in sidenote::library::SAMPLES {
        std::fs::write(dir.path().join(name), text).unwrap();
    }
    dir
}

/// The update state alone (no runtime) on a `width` x `height` screen, signed by `author`, the
/// clock at `now`, with the sample article [`ARTICLE`] of a fresh sample library open; the
/// library's folder is returned with it and must outlive the state.
pub fn opened_app(
    (width, height): (u16, u16),
    author: &str,
    now: time::OffsetDateTime,
) -> (sidenote::tui::app::App, tempfile::TempDir) {
    use sidenote::tui::action::Action;
    use sidenote::tui::update::update;
    let dir = sample_library();
    let mut app = tui::setup(&Config::default(), false, Vec::new())
        .unwrap()
        .app;
    app.author = author.to_owned();
    update(&mut app, Action::Resize { width, height });
    update(
        &mut app,
        Action::Tick {
            now,
            new_id: format!("{author}-0"),
        },
    );
    update(&mut app, loader::open_article(&dir.path().join(ARTICLE)));
    (app, dir)
}

/// The reading screen on a test terminal.
pub struct Screen {
    /// The runtime under test.
    pub runtime: Runtime<TestBackend, VecDeque<Event>>,
    /// The library folder (deleted when the screen is dropped).
    pub library: tempfile::TempDir,
    /// Where exports go.
    pub exports: tempfile::TempDir,
}

impl Screen {
    /// The screen over the sample library, with the library listed and nothing open.
    pub fn new(width: u16, height: u16) -> Screen {
        Screen::with_config(width, height, &Config::default(), false)
    }

    /// The screen with a config and, when `no_color`, without colours.
    pub fn with_config(width: u16, height: u16, config: &Config, no_color: bool) -> Screen {
        let library = sample_library();
        let exports = tempfile::tempdir().unwrap();
        let setup = tui::setup(config, no_color, Vec::new()).unwrap();
        let mut app = setup.app;
        app.author = "tester".to_owned();
        let terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
        let mut runtime = Runtime::new(
            terminal,
            VecDeque::new(),
            app,
            setup.keymap,
            setup.theme,
            true,
        )
        .with_export_dir(exports.path().to_owned());
        runtime.resize().unwrap();
        let mut paths: Vec<PathBuf> =
            sidenote::library::collect_articles(&[library.path().to_owned()]).unwrap();
        paths.sort();
        let entries = paths.iter().map(|p| loader::entry(p)).collect();
        runtime.dispatch(sidenote::tui::outcome::Outcome::LibraryLoaded {
            entries,
            done: true,
        });
        Screen {
            runtime,
            library,
            exports,
        }
    }

    /// The path of the sample `name`.
    pub fn path(&self, name: &str) -> PathBuf {
        self.library.path().join(name)
    }

    /// Opens the sample `name` as `sidenote FILE` does.
    pub fn open(&mut self, name: &str) -> &mut Screen {
        let path = self.path(name);
        self.runtime.dispatch(loader::open_article(&path));
        self
    }

    /// Presses the keys of `keys` (see [`parse_keys`]) and waits for their effects.
    pub fn keys(&mut self, keys: &str) -> &mut Screen {
        // One key at a time, each with its effects done, as a person typing would see it.
        for event in parse_keys(keys) {
            self.runtime.events_mut().push_back(event);
            self.runtime.settle(Duration::from_secs(10)).unwrap();
        }
        self
    }

    /// A left click at a cell.
    pub fn click(&mut self, column: u16, row: u16) -> &mut Screen {
        self.runtime
            .events_mut()
            .push_back(Event::Mouse(MouseEvent {
                kind: MouseEventKind::Down(MouseButton::Left),
                column,
                row,
                modifiers: KeyModifiers::NONE,
            }));
        self.runtime.settle(Duration::from_secs(10)).unwrap();
        self
    }

    /// The screen as text, one quoted line per row.
    pub fn text(&mut self) -> String {
        self.runtime.draw().unwrap();
        self.runtime.terminal.backend().to_string()
    }

    /// The sidecar of the sample `name`, as saved.
    pub fn sidecar(&self, name: &str) -> Option<sidenote::sidecar::Sidecar> {
        sidenote::sidecar::load(&self.path(name)).unwrap()
    }
}

/// Keys written as text: plain characters, and `<esc>`, `<enter>`, `<tab>`, `<s-tab>`,
/// `<bs>`, `<up>`, `<down>`, `<left>`, `<right>`, `<home>`, `<end>`, `<pgdn>`, `<pgup>`, `<f2>`,
/// `<f3>`, and `<c-X>` for Ctrl-X.
pub fn parse_keys(keys: &str) -> Vec<Event> {
    let mut events = Vec::new();
    let mut rest = keys;
    while let Some(c) = rest.chars().next() {
        let (code, modifiers, len) = if c == '<'
            && let Some(end) = rest.find('>').filter(|&e| e > 1)
        {
            let name = &rest[1..end];
            let (code, modifiers) = match name {
                "esc" => (KeyCode::Esc, KeyModifiers::NONE),
                "enter" => (KeyCode::Enter, KeyModifiers::NONE),
                "tab" => (KeyCode::Tab, KeyModifiers::NONE),
                "s-tab" => (KeyCode::BackTab, KeyModifiers::SHIFT),
                "bs" => (KeyCode::Backspace, KeyModifiers::NONE),
                "up" => (KeyCode::Up, KeyModifiers::NONE),
                "down" => (KeyCode::Down, KeyModifiers::NONE),
                "left" => (KeyCode::Left, KeyModifiers::NONE),
                "right" => (KeyCode::Right, KeyModifiers::NONE),
                "home" => (KeyCode::Home, KeyModifiers::NONE),
                "end" => (KeyCode::End, KeyModifiers::NONE),
                "pgdn" => (KeyCode::PageDown, KeyModifiers::NONE),
                "pgup" => (KeyCode::PageUp, KeyModifiers::NONE),
                "f2" => (KeyCode::F(2), KeyModifiers::NONE),
                "f3" => (KeyCode::F(3), KeyModifiers::NONE),
                "lt" => (KeyCode::Char('<'), KeyModifiers::NONE),
                ctrl if ctrl.starts_with("c-") => (
                    KeyCode::Char(ctrl[2..].chars().next().unwrap()),
                    KeyModifiers::CONTROL,
                ),
                other => panic!("unknown key <{other}>"),
            };
            (code, modifiers, end + 1)
        } else {
            let modifiers = if c.is_uppercase() {
                KeyModifiers::SHIFT
            } else {
                KeyModifiers::NONE
            };
            (KeyCode::Char(c), modifiers, c.len_utf8())
        };
        events.push(Event::Key(KeyEvent::new(code, modifiers)));
        rest = &rest[len..];
    }
    events
}

/// The text of a sample article.
pub fn sample_text(name: &str) -> &'static str {
    sidenote::library::SAMPLES
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, text)| *text)
        .unwrap()
}

/// Whether `path` exists.
pub fn exists(path: &Path) -> bool {
    path.exists()
}
