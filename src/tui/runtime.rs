//! The event loop: draws frames, turns terminal events into actions through the keymap, feeds
//! them to `update`, and runs the effects it returns (threads for reading, saving, searching),
//! whose results come back as outcomes.
//!
//! The loop sleeps on one channel that terminal events and background results both arrive on
//! ([`super::input`]), so it wakes for whichever comes first; when neither comes it ticks now
//! and then. Generic over the backend and the event source, so tests drive it with a
//! `TestBackend` and a list of events. The only place that reads the clock or makes ids.

use std::io;
use std::path::PathBuf;
use std::sync::mpsc::{Receiver, RecvTimeoutError, Sender, channel};
use std::time::{Duration, Instant};

use ratatui::Terminal;
use ratatui::backend::Backend;
use ratatui::crossterm::event::Event;

use super::action::Action;
use super::app::App;
use super::claim_matrix;
use super::effect::Effect;
use super::exporter;
use super::input::{Inbox, Wake, forward_results};
use super::keymap::Keymap;
use super::library_search;
use super::loader;
use super::outcome::Outcome;
use super::saver;
use super::search::scan;
use super::theme::Theme;
use super::ui;
use super::update::update;
use super::watch::Watcher;
use crate::tagged_text::TextStore;

/// How often the loop ticks when nothing happens: the clock for new annotations and the
/// retry of a failed save (every 2 s) need no finer steps.
const TICK: Duration = Duration::from_millis(250);
/// The shortest time between two frames while keys keep coming (60 a second).
const FRAME: Duration = Duration::from_millis(16);
/// How long quitting waits for the last saves.
const FLUSH: Duration = Duration::from_secs(5);

/// Where terminal events come from: either a thread of the source's own sending them to the
/// loop's inbox (the real terminal), or events the source hands out when asked (a test's list).
pub trait EventSource {
    /// Starts sending events to `inbox`, when the source reads on a thread; called once, when
    /// the loop starts.
    fn start(&mut self, _inbox: Inbox) -> io::Result<()> {
        Ok(())
    }

    /// An event the source already holds, without waiting; `None` when there is none.
    fn next(&mut self) -> io::Result<Option<Event>>;

    /// The loop has handled the last event: the source may read the next one. Not called after
    /// the event that quits.
    fn ready(&mut self) {}

    /// The loop is over: reading stops before the terminal is given back.
    fn stop(&mut self) {}

    /// Hands the terminal to the shell until the user resumes the process. Called while the
    /// key that asked for it is handled, so the source is not reading.
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
    fn next(&mut self) -> io::Result<Option<Event>> {
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
    /// Where background work not started by an effect sends its results; forwarded to `inbox`.
    sender: Sender<Outcome>,
    /// Where the events of a reading source and the results arrive.
    inbox: Receiver<Wake>,
    /// The sending side of `inbox`, for the event source.
    wake: Sender<Wake>,
    /// Jobs started on threads for effects whose last result has not come back yet.
    running: usize,
    /// How often to tick when nothing happens, and when the last tick was.
    tick_every: Duration,
    last_tick: Instant,
    /// Where exports are written.
    export_dir: PathBuf,
    /// The data directory (see `with_data_dir`); none in tests that keep nothing.
    data_dir: Option<PathBuf>,
    /// The watch for other writers' sidecars, while the loop runs.
    watcher: Option<Watcher>,
    /// What the watch was last given: the open article and the number of library entries.
    watched: (Option<PathBuf>, usize),
    /// The library search the screen still waits for.
    searching: library_search::Wanted,
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
        let (wake, inbox) = channel();
        let sender = forward_results(wake.clone());
        Runtime {
            terminal,
            app,
            events,
            keymap,
            theme,
            mouse,
            sender,
            inbox,
            wake,
            running: 0,
            tick_every: TICK,
            last_tick: Instant::now(),
            export_dir: std::env::temp_dir().join("sidenote-exports"),
            data_dir: None,
            watcher: None,
            watched: (None, 0),
            searching: library_search::Wanted::default(),
        }
    }

    /// Ticks every `every` when nothing happens (250 ms unless told).
    pub fn with_tick(mut self, every: Duration) -> Runtime<B, E> {
        self.tick_every = every;
        self
    }

    /// Writes exports into `dir` (created when needed).
    pub fn with_export_dir(mut self, dir: PathBuf) -> Runtime<B, E> {
        self.export_dir = dir;
        self
    }

    /// Keeps what the screen remembers in `dir`, the data directory: the text of each article
    /// saved (for later change reports), rejected proposals and dismissed claim groups.
    pub fn with_data_dir(mut self, dir: PathBuf) -> Runtime<B, E> {
        self.data_dir = Some(dir);
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
            if let Ok(wake) = self
                .inbox
                .recv_timeout(deadline.saturating_duration_since(Instant::now()))
            {
                self.wake(wake)?;
            }
        }
        while let Ok(wake) = self.inbox.try_recv() {
            self.wake(wake)?;
        }
        Ok(())
    }

    /// Handles what woke the loop; returns whether to redraw.
    fn wake(&mut self, wake: Wake) -> io::Result<bool> {
        match wake {
            Wake::Event(event) => Ok(self.handle(event)),
            Wake::Report(outcome) => {
                self.dispatch(outcome);
                Ok(true)
            }
            Wake::Finished(outcome) => {
                self.finish(outcome);
                Ok(true)
            }
            Wake::Terminate => {
                self.dispatch(Action::Terminate);
                Ok(true)
            }
            Wake::Failed(error) => Err(error),
        }
    }

    /// Applies the last result of a job: it is running no more.
    fn finish(&mut self, outcome: Outcome) {
        self.running = self.running.saturating_sub(1);
        self.dispatch(outcome);
    }

    /// A sender for results of background work the loop does not wait for (the library's
    /// reading); each result is applied as it comes.
    pub fn sender(&self) -> Sender<Outcome> {
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
        self.events.stop();
        self.watcher = None;
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
        self.events.start(Inbox::new(self.wake.clone()))?;
        self.watch_sidecars()?;
        self.resize()?;
        let mut redraw = true;
        let mut drawn: Option<Instant> = None;
        while !self.app.quit {
            let due = drawn.map(|at| at + FRAME);
            if redraw && due.is_none_or(|due| Instant::now() >= due) {
                self.draw()?;
                drawn = Some(Instant::now());
                redraw = false;
            }
            // While a frame is owed, wait no longer than until it is due; keys that come
            // meanwhile (a paste, read as fast as the terminal gives it) are handled first, as a
            // frame per key would take far longer than the keys.
            let until = due.filter(|_| redraw);
            redraw |= self.step_until(until)?;
            self.follow_watch();
        }
        Ok(())
    }

    /// Watches the sidecars of the open article and the library for other writers: their tags
    /// come in without a key press (see [`super::watch`]).
    pub fn watch_sidecars(&mut self) -> io::Result<()> {
        self.watcher = Some(Watcher::start(self.sender.clone())?);
        self.follow_watch();
        Ok(())
    }

    /// Gives the watch the articles to look at when the open article or the library changed.
    fn follow_watch(&mut self) {
        let Some(watcher) = &self.watcher else {
            return;
        };
        let open = self.app.doc.as_ref().map(|doc| doc.path.clone());
        let watched = (open, self.app.library.entries.len());
        if watched == self.watched {
            return;
        }
        let mut articles: Vec<PathBuf> = watched.0.iter().cloned().collect();
        articles.extend(
            self.app
                .library
                .entries
                .iter()
                .filter(|entry| Some(&entry.path) != watched.0.as_ref())
                .map(|entry| entry.path.clone()),
        );
        watcher.watch(articles);
        self.watched = watched;
    }

    /// Draws one frame.
    pub fn draw(&mut self) -> io::Result<()> {
        let (app, theme) = (&self.app, &self.theme);
        self.terminal
            .draw(|frame| ui::draw(frame, app, theme))
            .map_err(io::Error::other)?;
        Ok(())
    }

    /// Handles the background results that came, else one event, else waits for either (up to
    /// the next tick); returns whether to redraw.
    pub fn step(&mut self) -> io::Result<bool> {
        self.step_until(None)
    }

    /// [`Runtime::step`], waiting no later than `until` when given.
    fn step_until(&mut self, until: Option<Instant>) -> io::Result<bool> {
        let mut redraw = false;
        while let Ok(wake) = self.inbox.try_recv() {
            // One event at a time: the loop looks at `quit` between two keys.
            let event = matches!(wake, Wake::Event(_));
            redraw |= self.wake(wake)?;
            if event {
                return Ok(redraw);
            }
        }
        if !redraw {
            if let Some(event) = self.events.next()? {
                return Ok(self.handle(event));
            }
            let tick = self.last_tick + self.tick_every;
            let due = until.map_or(tick, |until| until.min(tick));
            match self
                .inbox
                .recv_timeout(due.saturating_duration_since(Instant::now()))
            {
                Ok(wake) => redraw = self.wake(wake)?,
                Err(RecvTimeoutError::Timeout | RecvTimeoutError::Disconnected) => {}
            }
        }
        if self.last_tick.elapsed() >= self.tick_every {
            let before = self.app.message.clone();
            self.tick();
            redraw |= before != self.app.message;
        }
        Ok(redraw)
    }

    /// Turns a terminal event into an action through the keymap and applies it; returns whether
    /// to redraw. Then lets the source read the next event, unless the event quit.
    fn handle(&mut self, event: Event) -> bool {
        let redraw = self.apply(event);
        if !self.app.quit {
            self.events.ready();
        }
        redraw
    }

    fn apply(&mut self, event: Event) -> bool {
        if matches!(event, Event::Mouse(_)) && !self.mouse {
            return false;
        }
        let mode = self.app.mode.input_mode();
        let Some(action) = self.keymap.action(mode, &event) else {
            return false;
        };
        self.tick();
        self.dispatch(action);
        true
    }

    /// Gives the state the time and a fresh id.
    fn tick(&mut self) {
        self.last_tick = Instant::now();
        self.dispatch(Action::Tick {
            now: time::OffsetDateTime::now_utc(),
            new_id: uuid::Uuid::now_v7().to_string(),
        });
    }

    /// Applies `action` (or an outcome) and runs the effects that follow.
    pub fn dispatch(&mut self, action: impl Into<Action>) {
        for effect in update(&mut self.app, action) {
            self.run_effect(effect);
        }
        self.searching.follow(&self.app.mode);
    }

    /// Runs `job` on a thread of its own, counted as running until the outcome it returns comes
    /// back; what it hands to its `report` argument on the way comes back first, in order.
    fn spawn_job<F>(&mut self, job: F)
    where
        F: FnOnce(&dyn Fn(Outcome)) -> Outcome + Send + 'static,
    {
        self.running += 1;
        let wake = self.wake.clone();
        std::thread::spawn(move || {
            // A closed channel means the screen is gone: nothing is left to show.
            let report = |outcome| {
                let _ = wake.send(Wake::Report(outcome));
            };
            let last = job(&report);
            let _ = wake.send(Wake::Finished(last));
        });
    }

    fn run_effect(&mut self, effect: Effect) {
        match effect {
            Effect::OpenArticle(path) => self.spawn_job(move |report| {
                if let Some(preview) = loader::preview(&path, crate::library::Staging::DEFAULT) {
                    report(preview);
                }
                loader::open_article(&path)
            }),
            Effect::SaveSidecar {
                path,
                article,
                base,
                ours,
                revision,
                cache,
            } => {
                let store = self.data_dir.as_deref().map(TextStore::in_data);
                self.spawn_job(move |_| {
                    let texts = (&base, &ours);
                    saver::save(path, &article, texts, revision, &cache, store.as_ref())
                })
            }
            Effect::Search {
                path,
                article,
                query,
                from,
            } => self.spawn_job(move |report| {
                // The first match goes to the screen at once; counting them all can take the
                // length of the article.
                let matches = scan(&article, &query, from, |unit| {
                    report(Outcome::SearchFound {
                        path: path.clone(),
                        query: query.clone(),
                        unit,
                    });
                });
                Outcome::SearchDone {
                    path,
                    query,
                    matches,
                }
            }),
            Effect::SearchLibrary {
                search,
                articles,
                query,
            } => self.spawn_job(library_search::job(
                &self.searching,
                search,
                articles,
                query,
            )),
            Effect::Export {
                format,
                articles,
                open,
                name,
            } => {
                let dir = self.export_dir.clone();
                self.spawn_job(move |_| {
                    Outcome::Exported(exporter::write(&dir, &name, &articles, open, format))
                });
            }
            Effect::ReportChanges {
                path,
                article,
                annotations,
                unsettled,
            } => {
                let store = self.data_dir.as_deref().map(TextStore::in_data);
                self.spawn_job(move |_| {
                    loader::changes(path, &article, &annotations, unsettled, store.as_ref())
                });
            }
            Effect::RejectProposal { article, unit } => {
                // A small file; if it cannot be written, it may only be proposed again later.
                if let Some(data) = &self.data_dir {
                    let _ = crate::rejections::add(data, &article, &unit);
                }
            }
            Effect::LoadDisagreements { path, article } => {
                let compare = self.app.compare.clone();
                self.spawn_job(move |_| {
                    let view = compare.load(&path, &article);
                    Outcome::DisagreementsLoaded { path, view }
                });
            }
            Effect::LoadMatrix(articles) => {
                let data = self.data_dir.clone();
                self.spawn_job(move |_| {
                    Outcome::MatrixLoaded(claim_matrix::load(&articles, data.as_deref()))
                });
            }
            Effect::EditClaims(edit) => {
                let data = self.data_dir.clone();
                let now = self.app.clock.now;
                self.spawn_job(move |_| {
                    Outcome::ClaimsChanged(crate::library::claims::apply(
                        edit,
                        data.as_deref(),
                        now,
                    ))
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
                    self.dispatch(Outcome::SuspendFailed(error.to_string()));
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
                    .map_or("the save took too long".to_owned(), |(error, _)| {
                        error.to_string()
                    });
                return Some(format!(
                    "the last changes to {} could not be saved: {why}",
                    doc.path.display()
                ));
            }
            // The source has stopped: only results come now.
            match self
                .inbox
                .recv_timeout(self.tick_every.min(deadline.saturating_duration_since(now)))
            {
                Ok(Wake::Report(outcome)) => self.dispatch(outcome),
                Ok(Wake::Finished(outcome)) => self.finish(outcome),
                Ok(Wake::Event(_) | Wake::Failed(_) | Wake::Terminate) => {}
                Err(_) => self.tick(),
            }
        }
    }
}
