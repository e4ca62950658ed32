//! The event loop: draws frames, turns terminal events into actions through the keymap, feeds
//! them to `update`, and runs the effects it returns (threads for reading, saving, searching).
//!
//! Generic over the backend and the event source, so tests drive it with a `TestBackend` and a
//! list of events. The only place that reads the clock or makes ids.

use std::io;
use std::path::PathBuf;
use std::sync::mpsc::{Receiver, Sender, channel};
use std::time::{Duration, Instant};

use ratatui::Terminal;
use ratatui::backend::Backend;
use ratatui::crossterm::event::Event;

use super::action::Action;
use super::app::{App, Mode};
use super::effect::Effect;
use super::exporter;
use super::keymap::{InputMode, Keymap};
use super::loader;
use super::search::scan;
use super::theme::Theme;
use super::ui;
use super::update::update;
use crate::sidecar;

/// How long the loop waits for an event before it ticks.
const POLL: Duration = Duration::from_millis(50);
/// How long quitting waits for the last saves.
const FLUSH: Duration = Duration::from_secs(5);

/// Where terminal events come from.
pub trait EventSource {
    /// The next event, or `None` when `timeout` passes first.
    fn next(&mut self, timeout: Duration) -> io::Result<Option<Event>>;

    /// Hands the terminal to the shell until the user resumes the process.
    fn suspend(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// An event source that can say it has nothing queued.
pub trait Quiet {
    /// Whether no event is waiting.
    fn is_empty(&self) -> bool;
}

/// Events from a list, for tests: the list's end reads as "nothing happened".
impl EventSource for std::collections::VecDeque<Event> {
    fn next(&mut self, _timeout: Duration) -> io::Result<Option<Event>> {
        Ok(self.pop_front())
    }
}

impl Quiet for std::collections::VecDeque<Event> {
    fn is_empty(&self) -> bool {
        std::collections::VecDeque::is_empty(self)
    }
}

/// The state, the terminal and the plumbing of the reading screen.
pub struct Runtime<B: Backend, E: EventSource> {
    /// The terminal drawn on.
    pub terminal: Terminal<B>,
    /// The state.
    pub app: App,
    events: E,
    keymap: Keymap,
    theme: Theme,
    mouse: bool,
    sender: Sender<Action>,
    receiver: Receiver<Action>,
    /// Effects started on threads whose result has not come back yet.
    running: usize,
    /// Where exports are written.
    export_dir: PathBuf,
}

impl<B: Backend, E: EventSource> Runtime<B, E>
where
    B::Error: Send + Sync + 'static,
{
    /// A runtime drawing `app` on `terminal`.
    pub fn new(
        terminal: Terminal<B>,
        events: E,
        app: App,
        keymap: Keymap,
        theme: Theme,
        mouse: bool,
    ) -> Runtime<B, E> {
        let (sender, receiver) = channel();
        Runtime {
            terminal,
            app,
            events,
            keymap,
            theme,
            mouse,
            sender,
            receiver,
            running: 0,
            export_dir: std::env::temp_dir().join("sidenote-exports"),
        }
    }

    /// Writes exports into `dir` (created when needed).
    pub fn with_export_dir(mut self, dir: PathBuf) -> Runtime<B, E> {
        self.export_dir = dir;
        self
    }

    /// The event source, to feed it (tests).
    pub fn events_mut(&mut self) -> &mut E {
        &mut self.events
    }

    /// The theme in use.
    pub fn theme(&self) -> &Theme {
        &self.theme
    }

    /// Handles every queued event, then waits (up to `timeout`) for the effects they started
    /// and the effects those started: afterwards the state is at rest. For tests and scripts.
    pub fn settle(&mut self, timeout: Duration) -> io::Result<()>
    where
        E: Quiet,
    {
        let deadline = Instant::now() + timeout;
        while !self.events.is_empty() {
            self.step()?;
        }
        while self.running > 0 && Instant::now() < deadline {
            if let Ok(action) = self
                .receiver
                .recv_timeout(deadline.saturating_duration_since(Instant::now()))
            {
                self.receive(action);
            }
        }
        while let Ok(action) = self.receiver.try_recv() {
            self.receive(action);
        }
        Ok(())
    }

    fn receive(&mut self, action: Action) {
        // Progress reports: the effect that sent them still has its result to come.
        if !matches!(
            action,
            Action::LibraryLoaded { .. } | Action::SearchFound { .. }
        ) {
            self.running = self.running.saturating_sub(1);
        }
        self.dispatch(action);
    }

    /// A sender for results of background work.
    pub fn sender(&self) -> Sender<Action> {
        self.sender.clone()
    }

    /// Tells the state the terminal's size.
    pub fn resize(&mut self) -> io::Result<()> {
        let size = self.terminal.size().map_err(io::Error::other)?;
        self.dispatch(Action::Resize {
            width: size.width,
            height: size.height,
        });
        Ok(())
    }

    /// Runs until the user quits and the last saves are done; returns what could not be saved.
    /// The saves are finished even when the terminal fails (a closed window, say).
    pub fn run(&mut self) -> io::Result<Option<String>> {
        let result = self.event_loop();
        let unsaved = self.flush();
        match (result, unsaved) {
            (Ok(()), unsaved) => Ok(unsaved),
            (Err(error), None) => Err(error),
            (Err(error), Some(unsaved)) => {
                Err(io::Error::new(error.kind(), format!("{error}; {unsaved}")))
            }
        }
    }

    fn event_loop(&mut self) -> io::Result<()> {
        self.resize()?;
        let mut redraw = true;
        while !self.app.quit {
            if redraw {
                self.draw()?;
            }
            redraw = self.step()?;
        }
        Ok(())
    }

    /// Draws one frame.
    pub fn draw(&mut self) -> io::Result<()> {
        let (app, theme) = (&self.app, &self.theme);
        self.terminal
            .draw(|frame| ui::draw(frame, app, theme))
            .map_err(io::Error::other)?;
        Ok(())
    }

    /// Handles background results, else waits for one event; returns whether to redraw.
    pub fn step(&mut self) -> io::Result<bool> {
        let mut handled = false;
        while let Ok(action) = self.receiver.try_recv() {
            self.receive(action);
            handled = true;
        }
        if handled {
            return Ok(true);
        }
        match self.events.next(POLL)? {
            Some(event) => {
                if matches!(event, Event::Mouse(_)) && !self.mouse {
                    return Ok(false);
                }
                let mode = match self.app.mode {
                    Mode::Search { .. }
                    | Mode::Filter { .. }
                    | Mode::Note { .. }
                    | Mode::Export { .. } => InputMode::Text,
                    Mode::Normal | Mode::Help { .. } => InputMode::Command,
                };
                let Some(action) = self.keymap.action(mode, &event) else {
                    return Ok(false);
                };
                self.tick();
                self.dispatch(action);
                Ok(true)
            }
            None => {
                let before = self.app.message.clone();
                self.tick();
                Ok(before != self.app.message)
            }
        }
    }

    /// Gives the state the time and a fresh id.
    fn tick(&mut self) {
        self.dispatch(Action::Tick {
            now: time::OffsetDateTime::now_utc(),
            new_id: uuid::Uuid::now_v7().to_string(),
        });
    }

    /// Applies `action` and runs the effects that follow.
    pub fn dispatch(&mut self, action: Action) {
        for effect in update(&mut self.app, action) {
            self.run_effect(effect);
        }
    }

    fn run_effect(&mut self, effect: Effect) {
        let sender = self.sender.clone();
        if matches!(
            effect,
            Effect::OpenArticle(_)
                | Effect::SaveSidecar { .. }
                | Effect::Search { .. }
                | Effect::Export { .. }
        ) {
            self.running += 1;
        }
        match effect {
            Effect::OpenArticle(path) => {
                std::thread::spawn(move || {
                    let _ = sender.send(loader::open_article(&path));
                });
            }
            Effect::SaveSidecar {
                path,
                article,
                base,
                ours,
                revision,
            } => {
                std::thread::spawn(move || {
                    let action = match sidecar::save_shared(&path, &article, &base, &ours) {
                        Ok(on_disk) => Action::Saved {
                            path,
                            revision,
                            on_disk,
                        },
                        Err(error) => Action::SaveFailed {
                            path,
                            message: save_problem(&error),
                        },
                    };
                    let _ = sender.send(action);
                });
            }
            Effect::Search {
                path,
                article,
                query,
                from,
            } => {
                std::thread::spawn(move || {
                    // The first match goes to the screen at once; counting them all can take
                    // the length of the article.
                    let matches = scan(&article, &query, from, |unit| {
                        let _ = sender.send(Action::SearchFound {
                            path: path.clone(),
                            query: query.clone(),
                            unit,
                        });
                    });
                    let _ = sender.send(Action::SearchDone {
                        path,
                        query,
                        matches,
                    });
                });
            }
            Effect::Export {
                format,
                articles,
                open,
                name,
            } => {
                let dir = self.export_dir.clone();
                std::thread::spawn(move || {
                    let result = exporter::write(&dir, &name, &articles, open, &format);
                    let _ = sender.send(Action::Exported(result));
                });
            }
            Effect::Suspend => {
                let resumed = self.events.suspend();
                // Forget both buffers so the next frame redraws everything; `Terminal::clear`
                // would ask the terminal for the cursor position, a round trip that can hang.
                self.terminal.swap_buffers();
                self.terminal.swap_buffers();
                // The window may have changed size while the process was stopped.
                let _ = self.terminal.autoresize();
                let _ = self.resize();
                if let Err(error) = resumed {
                    self.dispatch(Action::Exported(Err(format!("suspend failed: {error}"))));
                }
            }
        }
    }

    /// Waits for the saves still running or due, up to a limit; returns what is left unsaved.
    pub fn flush(&mut self) -> Option<String> {
        let deadline = Instant::now() + FLUSH;
        loop {
            let Some(doc) = &self.app.doc else {
                return None;
            };
            if !doc.save.in_flight && !doc.save.dirty {
                return None;
            }
            let now = Instant::now();
            if now >= deadline {
                let why = doc
                    .save
                    .failed
                    .as_ref()
                    .map_or("the save took too long".to_owned(), |(m, _)| m.clone());
                return Some(format!(
                    "the last changes to {} could not be saved: {why}",
                    doc.path.display()
                ));
            }
            match self
                .receiver
                .recv_timeout(POLL.min(deadline.saturating_duration_since(now)))
            {
                Ok(action) => self.receive(action),
                Err(_) => self.tick(),
            }
        }
    }
}

/// Why a save failed, the reason before the path: the status bar is one line, and a long path
/// would push the reason off the screen.
fn save_problem(error: &sidecar::SidecarError) -> String {
    match error {
        sidecar::SidecarError::Io { path, source } => {
            format!("{source}, writing {}", path.display())
        }
        other => other.to_string(),
    }
}
