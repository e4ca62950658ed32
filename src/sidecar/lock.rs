//! The exclusive lock that serialises read-merge-write cycles of one sidecar across processes.
//!
//! The lock is taken on a separate file, `<sidecar>.lock`, because the sidecar itself is replaced
//! by rename on every save and a lock on a replaced file protects nothing. The lock file is never
//! deleted: deleting it would let two processes lock two different files of the same name. It is
//! opened without following a link and without blocking, and must be a regular file: a link left
//! there (a git repository can ship one) would have its target created, anywhere, and a named
//! pipe would hang the save before its wait could time out.

use std::fs::{File, TryLockError};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use super::SidecarError;
use crate::regular_file;

/// How long a save waits for another process before giving up.
pub const WAIT: Duration = Duration::from_secs(10);

/// Holds the lock until dropped.
#[derive(Debug)]
pub struct Guard {
    _file: File,
}

/// The lock file of the sidecar at `sidecar`.
pub fn path_for(sidecar: &Path) -> PathBuf {
    let mut name = sidecar.file_name().unwrap_or_default().to_os_string();
    name.push(".lock");
    sidecar.with_file_name(name)
}

/// Takes the lock of the sidecar at `sidecar`, waiting up to `wait` for another holder.
pub fn acquire(sidecar: &Path, wait: Duration) -> Result<Guard, SidecarError> {
    let path = path_for(sidecar);
    let file = regular_file::open_lock(&path).map_err(|source| SidecarError::Io {
        path: path.clone(),
        source,
    })?;
    let deadline = Instant::now() + wait;
    let mut pause = Duration::from_millis(1);
    loop {
        match file.try_lock() {
            Ok(()) => return Ok(Guard { _file: file }),
            Err(TryLockError::WouldBlock) if Instant::now() < deadline => {
                std::thread::sleep(pause);
                pause = (pause * 2).min(Duration::from_millis(20));
            }
            Err(TryLockError::WouldBlock) => {
                return Err(SidecarError::Locked {
                    path,
                    seconds: wait.as_secs(),
                });
            }
            Err(TryLockError::Error(source)) => return Err(SidecarError::Io { path, source }),
        }
    }
}
