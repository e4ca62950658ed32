//! Why a sidecar could not be read or written, in words that say what to do next.

use std::path::PathBuf;

use super::VERSION;

/// Why a sidecar could not be read or written.
#[derive(Debug, thiserror::Error)]
pub enum SidecarError {
    /// The file (or its lock file, or a temporary file beside it) could not be read or written.
    #[error("{}: {source}", path.display())]
    Io {
        /// The file concerned.
        path: PathBuf,
        /// What the operating system said.
        source: std::io::Error,
    },
    /// The file is not a valid sidecar; it is never overwritten.
    #[error(
        "{}:{line}:{column}: {message}; the file is left untouched until it is fixed or moved aside",
        path.display()
    )]
    Parse {
        /// The sidecar's path.
        path: PathBuf,
        /// 1-based line of the problem.
        line: usize,
        /// 1-based column of the problem.
        column: usize,
        /// What is wrong.
        message: String,
    },
    /// The file was written by a newer sidenote; it is read where possible and never written.
    #[error(
        "{}: written by a newer sidenote (sidecar format {version}, this one writes formats up to {VERSION}); it is read-only here: upgrade sidenote to change it",
        path.display()
    )]
    Newer {
        /// The sidecar's path.
        path: PathBuf,
        /// The format version in the file.
        version: u32,
    },
    /// Another process held the lock for too long.
    #[error(
        "{}: another sidenote has been saving this sidecar for {seconds} s; try again",
        path.display()
    )]
    Locked {
        /// The lock file.
        path: PathBuf,
        /// How long we waited.
        seconds: u64,
    },
}

impl SidecarError {
    /// Whether trying the same save again later may succeed (a full disk, a busy lock), as
    /// opposed to a file that needs a person's attention first.
    pub fn is_transient(&self) -> bool {
        matches!(self, SidecarError::Io { .. } | SidecarError::Locked { .. })
    }
}
