//! Shared by the end-to-end tests that run the real binary in a pseudo-terminal: start it (with
//! temporary data and config directories, optionally through a `sh -c` wrapper that sets limits),
//! send keys, wait for text on the screen, keep every byte it wrote, and kill it with SIGKILL.

#![allow(dead_code)]

use std::ffi::OsStr;
use std::io::{Read, Write};
use std::path::Path;
use std::sync::mpsc::{Receiver, channel};
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};

/// How long a wait for the screen may take before the test fails.
pub const WAIT: Duration = Duration::from_secs(20);

/// The command that runs `sidenote ARGS` with its directories in `data` and `config`.
pub fn sidenote<S: AsRef<OsStr>>(args: &[S], data: &Path, config: &Path) -> CommandBuilder {
    let mut command = CommandBuilder::new(env!("CARGO_BIN_EXE_sidenote"));
    command.args(args);
    environment(&mut command, data, config);
    command
}

/// The command that runs `sh -c SCRIPT` and then execs `sidenote ARGS` in the same process, so
/// that limits the script sets (`ulimit`, `trap`) apply to sidenote and its pid is the child's.
pub fn sidenote_after<S: AsRef<OsStr>>(
    script: &str,
    args: &[S],
    data: &Path,
    config: &Path,
) -> CommandBuilder {
    let mut command = CommandBuilder::new("sh");
    command.arg("-c");
    command.arg(format!("{script}\nexec \"$0\" \"$@\""));
    command.arg(env!("CARGO_BIN_EXE_sidenote"));
    command.args(args);
    environment(&mut command, data, config);
    command
}

fn environment(command: &mut CommandBuilder, data: &Path, config: &Path) {
    command.env("SIDENOTE_DATA_DIR", data);
    command.env("SIDENOTE_CONFIG_DIR", config);
    command.env("TERM", "xterm-256color");
    command.env("USER", "pty-tester");
    command.env_remove("NO_COLOR");
}

/// A program running in a pseudo-terminal; killed when dropped if it is still running.
pub struct Pty {
    child: Box<dyn Child + Send + Sync>,
    output: Receiver<Vec<u8>>,
    writer: Box<dyn Write + Send>,
    /// Kept open for as long as the child may use the terminal.
    _master: Box<dyn MasterPty + Send>,
    /// The screen as a terminal would show it.
    pub parser: vt100::Parser,
    /// Every byte the program wrote so far, in order.
    pub bytes: Vec<u8>,
    /// How many of `bytes` the parser has seen.
    fed: usize,
}

/// How many bytes at the end of `bytes` are the start of an unfinished UTF-8 character.
fn partial_replacement(bytes: &[u8]) -> usize {
    let tail = bytes.len().saturating_sub(3);
    (tail..bytes.len())
        .find(|&at| bytes[at] >= 0xc0 && bytes.len() - at < utf8_length(bytes[at]))
        .map_or(0, |at| bytes.len() - at)
}

fn utf8_length(first: u8) -> usize {
    match first {
        0xf0.. => 4,
        0xe0.. => 3,
        _ => 2,
    }
}

impl Pty {
    /// Starts `command` in a new pseudo-terminal of `rows` by `cols`.
    pub fn spawn(command: CommandBuilder, rows: u16, cols: u16) -> Pty {
        let pty = native_pty_system()
            .openpty(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .unwrap();
        let child = pty.slave.spawn_command(command).unwrap();
        drop(pty.slave);
        let mut reader = pty.master.try_clone_reader().unwrap();
        let writer = pty.master.take_writer().unwrap();
        let (sender, output) = channel();
        std::thread::spawn(move || {
            let mut buffer = [0u8; 8192];
            while let Ok(n) = reader.read(&mut buffer) {
                if n == 0 || sender.send(buffer[..n].to_vec()).is_err() {
                    break;
                }
            }
        });
        Pty {
            child,
            output,
            writer,
            _master: pty.master,
            parser: vt100::Parser::new(rows.try_into().unwrap(), cols.try_into().unwrap(), 0),
            bytes: Vec::new(),
            fed: 0,
        }
    }

    /// The process id of the child.
    pub fn pid(&self) -> u32 {
        self.child.process_id().unwrap()
    }

    /// Types `keys`.
    pub fn send(&mut self, keys: &str) {
        self.writer.write_all(keys.as_bytes()).unwrap();
        self.writer.flush().unwrap();
    }

    /// The screen's text.
    pub fn contents(&self) -> String {
        self.parser.screen().contents()
    }

    /// Takes what the program wrote, waiting up to `wait` for the first chunk; returns whether
    /// anything came.
    pub fn pump(&mut self, wait: Duration) -> bool {
        let Ok(bytes) = self.output.recv_timeout(wait) else {
            return false;
        };
        self.take(&bytes);
        while let Ok(bytes) = self.output.try_recv() {
            self.take(&bytes);
        }
        true
    }

    /// Reads output until none came for `quiet`, so that the screen is a whole frame rather
    /// than one drawn halfway.
    pub fn settle(&mut self, quiet: Duration) {
        let deadline = Instant::now() + WAIT;
        while self.pump(quiet) {
            assert!(Instant::now() < deadline, "the program never stops drawing");
        }
    }

    fn take(&mut self, bytes: &[u8]) {
        self.bytes.extend_from_slice(bytes);
        // vt100 drops U+FFFD (it cannot tell it from a decoding error) where a terminal draws
        // one cell: feed it a `?` instead, holding back a replacement character cut in two.
        let ready = self.bytes.len() - partial_replacement(&self.bytes);
        let shown = String::from_utf8_lossy(&self.bytes[self.fed..ready]).replace('\u{fffd}', "?");
        self.parser.process(shown.as_bytes());
        self.fed = ready;
    }

    /// Reads output until the screen contains `text`, failing after [`WAIT`].
    pub fn wait_for(&mut self, text: &str) {
        self.wait_until(text, |screen| screen.contains(text));
    }

    /// Reads output until `done` holds for the screen's text, failing after [`WAIT`]; `what`
    /// names the wait in the failure.
    pub fn wait_until(&mut self, what: &str, done: impl Fn(&str) -> bool) {
        let deadline = Instant::now() + WAIT;
        loop {
            if done(&self.contents()) {
                return;
            }
            let left = deadline.saturating_duration_since(Instant::now());
            assert!(
                !left.is_zero(),
                "timed out waiting for {what:?}; the screen:\n{}",
                self.contents()
            );
            self.pump(left.min(Duration::from_millis(100)));
        }
    }

    /// Waits for the program to exit, reading all it wrote; returns whether it succeeded.
    pub fn wait_exit(&mut self) -> bool {
        self.wait_end().success()
    }

    /// Waits for the program to end, by exiting or by a signal, reading all it wrote.
    pub fn wait_end(&mut self) -> portable_pty::ExitStatus {
        let deadline = Instant::now() + WAIT;
        while Instant::now() < deadline {
            if let Some(status) = self.child.try_wait().unwrap() {
                // The last bytes may still be on their way through the reader thread.
                self.pump(Duration::from_millis(200));
                return status;
            }
            self.pump(Duration::from_millis(20));
        }
        panic!("the program did not exit; the screen:\n{}", self.contents());
    }

    /// Whether the terminal is in its cooked state (line editing and echo on), as a shell needs
    /// it, rather than in the raw mode a full-screen program sets.
    pub fn is_cooked(&self) -> bool {
        let fd = self._master.as_raw_fd().unwrap();
        // SAFETY: termios is plain data that tcgetattr fills; fd is the open pty master.
        let mut termios: libc::termios = unsafe { std::mem::zeroed() };
        assert_eq!(unsafe { libc::tcgetattr(fd, &mut termios) }, 0);
        termios.c_lflag & libc::ICANON != 0 && termios.c_lflag & libc::ECHO != 0
    }

    /// Sends `signal` to the program, as `kill -SIGNAL` would.
    pub fn signal(&self, signal: libc::c_int) {
        let pid = libc::pid_t::try_from(self.pid()).unwrap();
        // SAFETY: kill only sends a signal, to our own child, which is not reaped yet.
        let result = unsafe { libc::kill(pid, signal) };
        assert_eq!(result, 0, "kill -{signal} failed");
    }

    /// Kills the program with SIGKILL, as a crash or `kill -9` would, and reaps it.
    pub fn kill9(&mut self) {
        let pid = libc::pid_t::try_from(self.pid()).unwrap();
        // SAFETY: kill only sends a signal, to our own child, which is not reaped yet.
        let result = unsafe { libc::kill(pid, libc::SIGKILL) };
        assert_eq!(result, 0, "kill -9 failed");
        self.child.wait().unwrap();
    }
}

impl Drop for Pty {
    fn drop(&mut self) {
        if self.child.try_wait().ok().flatten().is_none()
            && let Some(pid) = self.child.process_id()
            && let Ok(pid) = libc::pid_t::try_from(pid)
        {
            // SAFETY: kill only sends a signal, to our own child, which is not reaped yet.
            unsafe {
                libc::kill(pid, libc::SIGKILL);
            }
            let _ = self.child.wait();
        }
    }
}
