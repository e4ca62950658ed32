//! Shared by the tests of special files: a temp dir with an article, the binary run with a
//! scrubbed environment, a bound on its time and optionally on its memory, and named pipes.

#![allow(dead_code)]

use std::ffi::CString;
use std::fs;
use std::os::unix::fs::FileTypeExt;
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use sidenote::library::SAMPLES;
use sidenote::sidecar;

/// Long enough for a debug build on a busy machine; a command that hangs is killed after it.
pub const PATIENCE: Duration = Duration::from_secs(60);

/// A temp dir with one article (and a second one, `b.txt`, with a sidecar), and the data and
/// config dirs.
pub struct Setup {
    pub dir: tempfile::TempDir,
    pub article: PathBuf,
}

/// What one run did.
pub struct Run {
    pub code: Option<i32>,
    pub stdout: String,
    pub stderr: String,
}

impl Setup {
    pub fn new() -> Setup {
        let dir = tempfile::tempdir().unwrap();
        let article = dir.path().join("a.txt");
        fs::write(&article, SAMPLES[3].1).unwrap();
        fs::create_dir(dir.path().join("config")).unwrap();
        Setup { dir, article }
    }

    pub fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    pub fn sidecar(&self) -> PathBuf {
        sidecar::path_for(&self.article)
    }

    pub fn lock(&self) -> PathBuf {
        sidecar::lock_path_for(&self.sidecar())
    }

    pub fn command(&self, args: &[&str]) -> Command {
        let mut command = Command::new(env!("CARGO_BIN_EXE_sidenote"));
        command
            .env_clear()
            .env("SIDENOTE_DATA_DIR", self.path("data"))
            .env("SIDENOTE_CONFIG_DIR", self.path("config"))
            .env("USER", "tester")
            .current_dir(self.dir.path())
            .args(args);
        command
    }

    pub fn run(&self, args: &[&str]) -> Run {
        run(self.command(args))
    }

    /// Runs with at most `bytes` of address space, so reading without a bound fails at once
    /// instead of taking the machine's memory.
    pub fn run_limited(&self, args: &[&str], bytes: u64) -> Run {
        let mut command = self.command(args);
        // SAFETY: setrlimit is async-signal-safe and touches only the child.
        unsafe {
            command.pre_exec(move || {
                let limit = libc::rlimit {
                    rlim_cur: bytes,
                    rlim_max: bytes,
                };
                if libc::setrlimit(libc::RLIMIT_AS, &limit) != 0 {
                    return Err(std::io::Error::last_os_error());
                }
                Ok(())
            });
        }
        run(command)
    }

    pub fn tag(&self) -> Run {
        self.run(&[
            "tag",
            self.article.to_str().unwrap(),
            "--sentence",
            "0",
            "--tag",
            "claim",
        ])
    }
}

pub fn run(command: Command) -> Run {
    let output = assert_cmd::Command::from_std(command)
        .timeout(PATIENCE)
        .output()
        .unwrap();
    Run {
        code: output.status.code(),
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
    }
}

impl Run {
    /// Asserts a refusal: exit code 1 and `words` on stderr.
    pub fn refused(&self, words: &str) {
        assert_eq!(self.code, Some(1), "stderr: {}", self.stderr);
        assert!(
            self.stderr.contains(words),
            "wanted {words:?} in {}",
            self.stderr
        );
        assert!(!self.stderr.contains("panicked"), "{}", self.stderr);
    }

    pub fn ok(&self) {
        assert_eq!(self.code, Some(0), "stderr: {}", self.stderr);
    }
}

pub fn mkfifo(path: &Path) {
    let name = CString::new(path.to_str().unwrap()).unwrap();
    // SAFETY: a valid C string; mkfifo only creates the file.
    assert_eq!(unsafe { libc::mkfifo(name.as_ptr(), 0o644) }, 0);
}

pub fn is_fifo(path: &Path) -> bool {
    fs::symlink_metadata(path).is_ok_and(|meta| meta.file_type().is_fifo())
}

pub fn is_link(path: &Path) -> bool {
    fs::symlink_metadata(path).is_ok_and(|meta| meta.file_type().is_symlink())
}
