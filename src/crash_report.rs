//! What happens when sidenote panics: a crash report with the panic message, where it happened
//! and a backtrace is written to the crash folder, and the user is told where it is and that
//! their tags are safe. Restoring the terminal comes before this and is the reading screen's job
//! (see `tui::terminal`), so the message lands on a usable terminal.

use std::backtrace::Backtrace;
use std::fmt::Write as _;
use std::io::Write as _;
use std::panic::PanicHookInfo;
use std::path::{Path, PathBuf};

use crate::paths::Dirs;
use crate::safe_text;

/// What a crash report holds.
#[derive(Debug)]
pub struct Crash<'a> {
    /// The panic message.
    pub message: &'a str,
    /// Where the panic happened (`file:line:column`), when known.
    pub location: Option<String>,
    /// The thread that panicked.
    pub thread: &'a str,
    /// The backtrace, captured in the hook.
    pub backtrace: &'a Backtrace,
}

/// The folder crash reports go to: the data directory's `crashes/`, else the temporary folder
/// when there is no data directory (no home, say).
pub fn crash_dir() -> PathBuf {
    Dirs::from_env().map_or_else(
        |_| std::env::temp_dir().join("sidenote-crashes"),
        |dirs| dirs.crash_dir(),
    )
}

/// Replaces the panic hook with one that reports crashes into `dir`. Install it before any hook
/// that must run first (restoring the terminal): hooks installed later wrap this one.
pub fn install(dir: PathBuf) {
    std::panic::set_hook(Box::new(move |info| report_panic(&dir, info)));
}

/// Writes the crash report for the panic `info` into `dir` and tells the user on stderr.
pub fn report_panic(dir: &Path, info: &PanicHookInfo<'_>) {
    let message = info
        .payload()
        .downcast_ref::<&str>()
        .copied()
        .or_else(|| info.payload().downcast_ref::<String>().map(String::as_str))
        .unwrap_or("(no message)");
    let backtrace = Backtrace::force_capture();
    let thread = std::thread::current();
    let crash = Crash {
        message,
        location: info.location().map(ToString::to_string),
        thread: thread.name().unwrap_or("unnamed"),
        backtrace: &backtrace,
    };
    let text = report(&crash);
    let written = write_report(dir, &text);
    let _ = std::io::stderr().write_all(notice(&crash, &written).as_bytes());
}

/// The text of the crash report.
pub fn report(crash: &Crash<'_>) -> String {
    let mut text = String::new();
    let _ = writeln!(text, "sidenote {} crashed", env!("CARGO_PKG_VERSION"));
    let now = time::OffsetDateTime::now_utc();
    let _ = writeln!(
        text,
        "time: {}",
        now.format(&time::format_description::well_known::Rfc3339)
            .unwrap_or_default()
    );
    let _ = writeln!(
        text,
        "system: {} {}",
        std::env::consts::OS,
        std::env::consts::ARCH
    );
    let _ = writeln!(text, "thread: {}", crash.thread);
    let _ = writeln!(text, "message: {}", crash.message);
    let _ = writeln!(
        text,
        "location: {}",
        crash.location.as_deref().unwrap_or("unknown")
    );
    let _ = writeln!(text, "\nbacktrace:\n{}", crash.backtrace);
    text
}

/// Writes `text` to a new file in `dir` (created if needed); returns its path.
pub fn write_report(dir: &Path, text: &str) -> std::io::Result<PathBuf> {
    std::fs::create_dir_all(dir)?;
    let stamp = time::OffsetDateTime::now_utc()
        .format(time::macros::format_description!(
            "[year][month][day]T[hour][minute][second]Z"
        ))
        .unwrap_or_default();
    let pid = std::process::id();
    let mut attempt = 0;
    loop {
        let name = match attempt {
            0 => format!("crash-{stamp}-{pid}.txt"),
            n => format!("crash-{stamp}-{pid}-{n}.txt"),
        };
        let path = dir.join(name);
        // A new file only: a report never replaces an earlier one.
        match std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&path)
        {
            Ok(mut file) => {
                file.write_all(text.as_bytes())?;
                file.sync_all()?;
                return Ok(path);
            }
            Err(error) if error.kind() == std::io::ErrorKind::AlreadyExists && attempt < 100 => {
                attempt += 1;
            }
            Err(error) => return Err(error),
        }
    }
}

/// What the user reads on stderr after a crash.
pub fn notice(crash: &Crash<'_>, written: &std::io::Result<PathBuf>) -> String {
    // A panic message may quote an article: it is shown by the rule for text from a file.
    let mut text = format!(
        "\nsidenote crashed: {} ({})\n",
        safe_text::for_terminal(crash.message),
        crash.location.as_deref().unwrap_or("unknown location")
    );
    match written {
        Ok(path) => {
            let _ = writeln!(
                text,
                "A crash report with the details is in {}\nPlease attach it to a bug report.",
                safe_text::for_terminal(&path.display().to_string())
            );
        }
        Err(error) => {
            let _ = writeln!(
                text,
                "The crash report could not be written ({error}); here it is:\n{}",
                crash.backtrace
            );
        }
    }
    text.push_str(
        "Your tags are safe: every change is saved as it is made, in the \
         <article>.annotations.ron file beside each article (only a change the status bar \
         still showed as NOT SAVED or saving may be missing).\n",
    );
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    fn crash(backtrace: &Backtrace) -> Crash<'_> {
        Crash {
            message: "bad \u{1b}]0;pwned\u{7} \u{9b}2J unit",
            location: Some("src/x.rs:1:2".to_owned()),
            thread: "main",
            backtrace,
        }
    }

    #[test]
    fn the_report_holds_the_message_the_place_and_the_backtrace() {
        let backtrace = Backtrace::force_capture();
        let text = report(&crash(&backtrace));
        assert!(text.contains("message: bad \u{1b}]0;pwned"), "{text}");
        assert!(text.contains("location: src/x.rs:1:2"), "{text}");
        assert!(text.contains("thread: main"), "{text}");
        assert!(text.contains("the_report_holds_the_message"), "{text}");
    }

    #[test]
    fn reports_never_replace_each_other() {
        let dir = tempfile::tempdir().unwrap();
        let first = write_report(dir.path(), "one").unwrap();
        let second = write_report(dir.path(), "two").unwrap();
        assert_ne!(first, second);
        assert_eq!(std::fs::read_to_string(first).unwrap(), "one");
        assert_eq!(std::fs::read_to_string(second).unwrap(), "two");
    }

    #[test]
    fn the_notice_names_the_report_and_the_sidecars_without_control_codes() {
        let backtrace = Backtrace::disabled();
        let path = PathBuf::from("/data/crashes/crash-1.txt");
        let text = notice(&crash(&backtrace), &Ok(path));
        assert!(text.contains("/data/crashes/crash-1.txt"), "{text}");
        assert!(text.contains(".annotations.ron"), "{text}");
        assert!(text.contains("Your tags are safe"), "{text}");
        assert!(
            !text.chars().any(|c| c.is_control() && c != '\n'),
            "{text:?}"
        );
    }

    #[test]
    fn without_a_report_file_the_notice_carries_the_backtrace() {
        let backtrace = Backtrace::force_capture();
        let error = std::io::Error::from(std::io::ErrorKind::PermissionDenied);
        let text = notice(&crash(&backtrace), &Err(error));
        assert!(text.contains("could not be written"), "{text}");
        assert!(text.contains("without_a_report_file"), "{text}");
    }
}
