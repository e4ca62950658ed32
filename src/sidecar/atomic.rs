//! Replacing a file atomically: a temporary file in the same directory is written, flushed to
//! disk, renamed over the old file, and the directory is flushed, so a crash at any moment leaves
//! the old file or the new one, never a torn one.
//!
//! Callers hold the sidecar lock, so at most one temporary file is being written at a time and
//! any other one found is left over from a killed process.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use super::SidecarError;

/// The temporary file used to replace `path` by this process.
fn temp_path(path: &Path) -> PathBuf {
    let name = path.file_name().unwrap_or_default().to_string_lossy();
    path.with_file_name(format!(".{name}.{}.tmp", std::process::id()))
}

/// Whether `candidate` is a temporary file of `path` by any process.
fn is_temp_of(path: &Path, candidate: &Path) -> bool {
    let (Some(name), Some(other)) = (path.file_name(), candidate.file_name()) else {
        return false;
    };
    let (name, other) = (name.to_string_lossy(), other.to_string_lossy());
    other
        .strip_prefix('.')
        .and_then(|rest| rest.strip_prefix(name.as_ref()))
        .and_then(|rest| rest.strip_prefix('.'))
        .and_then(|rest| rest.strip_suffix(".tmp"))
        .is_some_and(|pid| !pid.is_empty() && pid.bytes().all(|b| b.is_ascii_digit()))
}

/// Removes temporary files of `path` left by killed processes. Best effort: a leftover only
/// wastes space.
pub fn remove_stale(path: &Path) {
    let dir = parent(path);
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let candidate = entry.path();
        if is_temp_of(path, &candidate) {
            let _ = fs::remove_file(candidate);
        }
    }
}

/// Replaces the contents of `path` with `bytes`, atomically and durably; on failure the old file
/// is untouched and the temporary file is removed.
pub fn write(path: &Path, bytes: &[u8]) -> Result<(), SidecarError> {
    let target = resolve(path);
    let temp = temp_path(&target);
    let result = write_temp(&target, &temp, bytes).and_then(|()| {
        fs::rename(&temp, &target).map_err(|source| SidecarError::Io {
            path: target.clone(),
            source,
        })
    });
    if result.is_err() {
        let _ = fs::remove_file(&temp);
        return result;
    }
    sync_dir(parent(&target)).map_err(|source| SidecarError::Io {
        path: parent(&target).to_owned(),
        source,
    })
}

fn write_temp(target: &Path, temp: &Path, bytes: &[u8]) -> Result<(), SidecarError> {
    let io_error = |source| SidecarError::Io {
        path: temp.to_owned(),
        source,
    };
    // A leftover of our own pid is stale: we hold the lock.
    let _ = fs::remove_file(temp);
    let mut file = OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(temp)
        .map_err(io_error)?;
    file.write_all(bytes).map_err(io_error)?;
    // Keep the permissions someone gave the old file.
    if let Ok(meta) = fs::metadata(target) {
        file.set_permissions(meta.permissions()).map_err(io_error)?;
    }
    file.sync_all().map_err(io_error)
}

/// The file a symbolic link points to, so the link survives the rename; `path` otherwise.
fn resolve(path: &Path) -> PathBuf {
    match fs::symlink_metadata(path) {
        Ok(meta) if meta.file_type().is_symlink() => {
            fs::canonicalize(path).unwrap_or_else(|_| path.to_owned())
        }
        _ => path.to_owned(),
    }
}

/// The directory holding `path`.
pub fn parent(path: &Path) -> &Path {
    match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    }
}

/// Flushes a directory so a rename in it survives a crash; file systems that cannot do this are
/// not an error.
pub fn sync_dir(dir: &Path) -> io::Result<()> {
    match File::open(dir).and_then(|dir| dir.sync_all()) {
        Err(error)
            if matches!(
                error.kind(),
                io::ErrorKind::InvalidInput | io::ErrorKind::Unsupported
            ) =>
        {
            Ok(())
        }
        other => other,
    }
}
