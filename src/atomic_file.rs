//! Writing files so that a crash at any moment leaves the old version or the new one, never a
//! torn one: a temporary file in the same directory is written, flushed to disk, renamed over the
//! old file, and the directory is flushed. Sidecars and exports both write through here.
//!
//! Temporary files are named `.<name>.<pid>.tmp`; a caller that serialises writers (the sidecar
//! lock) can remove the ones left by killed processes with [`remove_stale`].

use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

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
pub fn write(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let target = resolve(path);
    let temp = temp_path(&target);
    let result = write_temp(&target, &temp, bytes).and_then(|()| fs::rename(&temp, &target));
    if result.is_err() {
        let _ = fs::remove_file(&temp);
        return result;
    }
    sync_dir(parent(&target))
}

/// Writes `files` (paths relative to `dir`, contents) into the new folder `dir`: built under a
/// temporary name beside it, every file flushed, then renamed into place. An existing non-empty
/// folder is never replaced.
pub fn write_folder<'a>(
    dir: &Path,
    files: impl IntoIterator<Item = (&'a Path, &'a [u8])>,
) -> io::Result<()> {
    if dir.exists() && fs::read_dir(dir)?.next().is_some() {
        return Err(io::Error::new(
            io::ErrorKind::AlreadyExists,
            "exists and is not empty; remove it or choose another folder",
        ));
    }
    let temp = temp_path(dir);
    let result = (|| {
        fs::create_dir(&temp)?;
        for (name, contents) in files {
            let path = temp.join(name);
            if let Some(sub) = path.parent() {
                fs::create_dir_all(sub)?;
            }
            let mut out = File::create(&path)?;
            out.write_all(contents)?;
            out.sync_all()?;
        }
        sync_dir(&temp)?;
        if dir.exists() {
            // Empty, checked above: rename cannot replace a folder on every platform.
            fs::remove_dir(dir)?;
        }
        fs::rename(&temp, dir)?;
        sync_dir(parent(dir))
    })();
    if result.is_err() {
        let _ = fs::remove_dir_all(&temp);
    }
    result
}

fn write_temp(target: &Path, temp: &Path, bytes: &[u8]) -> io::Result<()> {
    // A leftover of our own pid is stale: a process writes one file at a time.
    let _ = fs::remove_file(temp);
    let mut file = OpenOptions::new().write(true).create_new(true).open(temp)?;
    file.write_all(bytes)?;
    // Keep the permissions someone gave the old file.
    if let Ok(meta) = fs::metadata(target) {
        file.set_permissions(meta.permissions())?;
    }
    file.sync_all()
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_a_file_and_leaves_no_temporary_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("out.csv");
        fs::write(&path, "old").unwrap();
        write(&path, b"new").unwrap();
        assert_eq!(fs::read_to_string(&path).unwrap(), "new");
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn a_failed_write_leaves_the_old_file_and_no_temporary_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("missing-folder").join("out.csv");
        assert!(write(&path, b"new").is_err());
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 0);
    }

    #[test]
    fn writes_a_new_folder_in_one_step() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("brat");
        let files = [
            (Path::new("a.txt"), b"x".as_slice()),
            (Path::new("sub/b.ann"), b"y".as_slice()),
        ];
        write_folder(&out, files).unwrap();
        assert_eq!(fs::read_to_string(out.join("sub/b.ann")).unwrap(), "y");
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn never_replaces_a_non_empty_folder() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("brat");
        fs::create_dir(&out).unwrap();
        fs::write(out.join("mine.ann"), "keep").unwrap();
        let files = [(Path::new("a.txt"), b"x".as_slice())];
        assert!(write_folder(&out, files).is_err());
        assert_eq!(fs::read_to_string(out.join("mine.ann")).unwrap(), "keep");
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn recognises_only_its_own_temporary_names() {
        let path = Path::new("/x/report.txt.annotations.ron");
        assert!(is_temp_of(
            path,
            Path::new("/x/.report.txt.annotations.ron.123.tmp")
        ));
        assert!(!is_temp_of(
            path,
            Path::new("/x/.report.txt.annotations.ron.tmp")
        ));
        assert!(!is_temp_of(path, Path::new("/x/.other.ron.123.tmp")));
    }
}
