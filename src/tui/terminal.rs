//! The real terminal: entering and leaving the alternate screen and raw mode, mouse capture, the
//! panic hooks (the terminal restored first, then the crash report), Ctrl-z suspend, and its
//! events read on a thread of their own ([`super::input`]).

use std::io::{self, Write};
use std::time::Duration;

use ratatui::crossterm::event::{self, DisableMouseCapture, EnableMouseCapture, Event};
use ratatui::crossterm::execute;
use ratatui::crossterm::terminal::{Clear, ClearType, EnterAlternateScreen, enable_raw_mode};

use super::input::{Inbox, Threaded};
use super::runtime::EventSource;

/// Reads one event, waiting up to a timeout.
type Read = fn(Duration) -> io::Result<Option<Event>>;

/// Events from the terminal.
pub struct TerminalEvents {
    mouse: bool,
    input: Threaded<Read>,
}

impl TerminalEvents {
    /// Reads the terminal's events; `mouse` says whether mouse capture is on.
    pub fn new(mouse: bool) -> TerminalEvents {
        TerminalEvents {
            mouse,
            input: Threaded::new(read),
        }
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
