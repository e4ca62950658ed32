//! The real terminal: entering and leaving the alternate screen and raw mode, mouse capture, the
//! panic hooks (the terminal restored first, then the crash report), Ctrl-z suspend, its events
//! read on a thread of their own ([`super::input`]), and the signals that end the process
//! (SIGTERM, SIGHUP, SIGINT), which reach the loop as an event so that it saves and gives the
//! terminal back before the process dies of them.

use std::io::{self, Write};
use std::sync::Arc;
use std::sync::atomic::{AtomicI32, Ordering};
use std::time::Duration;

use ratatui::crossterm::event::{self, DisableMouseCapture, EnableMouseCapture, Event};
use ratatui::crossterm::execute;
use ratatui::crossterm::terminal::{Clear, ClearType, EnterAlternateScreen, enable_raw_mode};

use super::input::{Inbox, Threaded};
use super::runtime::EventSource;

/// Reads one event, waiting up to a timeout.
type Read = fn(Duration) -> io::Result<Option<Event>>;

/// Events from the terminal, and the signals that end the process.
pub struct TerminalEvents {
    mouse: bool,
    input: Threaded<Read>,
    /// The last signal that told the process to end, 0 for none.
    signal: Arc<AtomicI32>,
    /// The signals caught since this source was made, until the loop starts watching them.
    #[cfg(unix)]
    caught: Option<signal_hook::iterator::Signals>,
    /// Stops the thread that watches the signals; they stay caught until this source is dropped,
    /// so one that comes while the last saves finish does not kill the process halfway.
    #[cfg(unix)]
    signals: signal_hook::iterator::Handle,
}

impl TerminalEvents {
    /// Reads the terminal's events; `mouse` says whether mouse capture is on. Catches SIGTERM,
    /// SIGHUP and SIGINT from now on: made before the screen is taken over, so that no moment
    /// of it is left to their default action, which would leave the terminal as the screen set
    /// it.
    pub fn new(mouse: bool) -> io::Result<TerminalEvents> {
        #[cfg(unix)]
        let caught = {
            use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
            signal_hook::iterator::Signals::new([SIGTERM, SIGHUP, SIGINT])?
        };
        Ok(TerminalEvents {
            mouse,
            input: Threaded::new(read),
            signal: Arc::new(AtomicI32::new(0)),
            #[cfg(unix)]
            signals: caught.handle(),
            #[cfg(unix)]
            caught: Some(caught),
        })
    }

    /// The signal that ended the screen, if one did.
    pub fn signal(&self) -> Option<i32> {
        Some(self.signal.load(Ordering::SeqCst)).filter(|&signal| signal != 0)
    }

    /// Watches the caught signals (those that came already first) on a thread that tells the
    /// loop through `inbox`.
    #[cfg(unix)]
    fn watch_signals(&mut self, inbox: Inbox) -> io::Result<()> {
        let Some(mut signals) = self.caught.take() else {
            return Ok(());
        };
        let last = Arc::clone(&self.signal);
        std::thread::Builder::new()
            .name("signals".to_owned())
            .spawn(move || {
                for signal in signals.forever() {
                    last.store(signal, Ordering::SeqCst);
                    if !inbox.terminate() {
                        return;
                    }
                }
            })?;
        Ok(())
    }

    #[cfg(not(unix))]
    fn watch_signals(&mut self, _inbox: Inbox) -> io::Result<()> {
        Ok(())
    }
}

impl Drop for TerminalEvents {
    fn drop(&mut self) {
        #[cfg(unix)]
        self.signals.close();
    }
}

/// The next event, or `None` when `timeout` passes first.
fn read(timeout: Duration) -> io::Result<Option<Event>> {
    if event::poll(timeout)? {
        event::read().map(Some)
    } else {
        Ok(None)
    }
}

impl EventSource for TerminalEvents {
    fn start(&mut self, inbox: Inbox) -> io::Result<()> {
        self.watch_signals(inbox.clone())?;
        self.input.start(inbox)
    }

    fn next(&mut self) -> io::Result<Option<Event>> {
        self.input.next()
    }

    fn ready(&mut self) {
        self.input.ready();
    }

    fn stop(&mut self) {
        self.input.stop();
    }

    fn suspend(&mut self) -> io::Result<()> {
        // The reading thread waits for `ready` after the Ctrl-z it handed over: it does not
        // read while the shell has the terminal.
        leave(self.mouse);
        stop_process();
        enter(self.mouse)
    }
}

/// Takes over the terminal: raw mode, alternate screen, mouse capture when wanted. Installs the
/// panic hooks first; each wraps the one before, so on a panic ratatui's restores the terminal,
/// then ours turns the mouse off, then the crash report is written and the user told.
pub fn enter_screen(mouse: bool) -> io::Result<ratatui::DefaultTerminal> {
    crate::crash_report::install(crate::crash_report::crash_dir());
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let _ = execute!(io::stdout(), DisableMouseCapture);
        previous(info);
    }));
    let terminal = ratatui::try_init()?;
    if mouse {
        execute!(io::stdout(), EnableMouseCapture)?;
    }
    Ok(terminal)
}

/// Gives the terminal back as it was.
pub fn leave(mouse: bool) {
    if mouse {
        let _ = execute!(io::stdout(), DisableMouseCapture);
    }
    ratatui::restore();
    let _ = io::stdout().flush();
}

fn enter(mouse: bool) -> io::Result<()> {
    enable_raw_mode()?;
    execute!(io::stdout(), EnterAlternateScreen, Clear(ClearType::All))?;
    if mouse {
        execute!(io::stdout(), EnableMouseCapture)?;
    }
    Ok(())
}

/// Stops the process as Ctrl-z would in a shell; returns when it is continued (`fg`).
#[cfg(unix)]
fn stop_process() {
    // SAFETY: raise only sends a signal to this process; SIGTSTP's default action stops it and
    // execution continues here after SIGCONT.
    unsafe {
        libc::raise(libc::SIGTSTP);
    }
}

#[cfg(not(unix))]
fn stop_process() {}

/// Ends the process as `signal` would have, now that the terminal is given back and the saves
/// are done: the shell that started it sees it killed by that signal.
#[cfg(unix)]
pub fn die_of(signal: i32) {
    let _ = signal_hook::low_level::emulate_default_handler(signal);
}

#[cfg(not(unix))]
pub fn die_of(_signal: i32) {}
