//! The real terminal: entering and leaving the alternate screen and raw mode, mouse capture, the
//! panic hooks (the terminal restored first, then the crash report), and Ctrl-z suspend.

use std::io::{self, Write};
use std::time::Duration;

use ratatui::crossterm::event::{self, DisableMouseCapture, EnableMouseCapture, Event};
use ratatui::crossterm::execute;
use ratatui::crossterm::terminal::{Clear, ClearType, EnterAlternateScreen, enable_raw_mode};

use super::runtime::EventSource;

/// Events from the terminal.
pub struct TerminalEvents {
    mouse: bool,
}

impl TerminalEvents {
    /// Reads the terminal's events; `mouse` says whether mouse capture is on.
    pub fn new(mouse: bool) -> TerminalEvents {
        TerminalEvents { mouse }
    }
}

impl EventSource for TerminalEvents {
    fn next(&mut self, timeout: Duration) -> io::Result<Option<Event>> {
        if event::poll(timeout)? {
            event::read().map(Some)
        } else {
            Ok(None)
        }
    }

    fn suspend(&mut self) -> io::Result<()> {
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
