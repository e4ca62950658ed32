//! Writing files so that a crash at any moment leaves the old version or the new one, never a
//! torn one: a temporary file in the same directory is written, flushed to disk, renamed over the
//! old file, and the directory is flushed. Sidecars and exports both write through here; an
//! export is written as it is produced ([`AtomicFile`], [`Folder`]) and only then put in place.
//!
//! Temporary files are named `.<name>.<pid>.tmp`, a name over 200 bytes shortened to its start
//! and a hash so the temporary name stays within the file system's limit; a caller that serialises writers (the sidecar
//! lock) can remove the ones left by killed processes with [`remove_stale`].

use std::fs::{self, File, OpenOptions};
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

use crate::regular_file::{Kind, Refusal};

/// The temporary file used to replace `path` by this process.
fn temp_path(path: &Path) -> PathBuf {
    let stem = temp_stem(path.file_name().unwrap_or_default());
    path.with_file_name(format!(".{stem}.{}.tmp", std::process::id()))
}

/// The longest file name kept whole in a temporary name: file systems allow 255 bytes, and the
/// temporary name adds up to 17 (two dots, a process id, `.tmp`).
const MAX_STEM: usize = 200;

/// The part of a temporary name that stands for the file `name`: the name itself, or when that
/// is too long for the temporary name to be allowed, its start and a hash of the whole.
fn temp_stem(name: &std::ffi::OsStr) -> String {
    let name = name.to_string_lossy();
    if name.len() <= MAX_STEM {
        return name.into_owned();
    }
    let mut cut = MAX_STEM - 17;
    while !name.is_char_boundary(cut) {
        cut -= 1;
    }
    let hash = xxhash_rust::xxh3::xxh3_64(name.as_bytes());
    format!("{}~{hash:016x}", &name[..cut])
}

/// Whether `candidate` is a temporary file of `path` by any process.
fn is_temp_of(path: &Path, candidate: &Path) -> bool {
    let (Some(name), Some(other)) = (path.file_name(), candidate.file_name()) else {
        return false;
    };
    let (stem, other) = (temp_stem(name), other.to_string_lossy());
    other
        .strip_prefix('.')
        .and_then(|rest| rest.strip_prefix(stem.as_str()))
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
    let mut file = AtomicFile::create(path)?;
    file.write_all(bytes)?;
    file.commit()
}

/// A file written as it goes in place of another: the bytes go to a temporary file beside the
/// target, and [`AtomicFile::commit`] flushes it to disk and renames it over the target. Dropped
/// without a commit (an error on the way, a panic), it removes the temporary file and the target
/// is untouched.
#[derive(Debug)]
pub struct AtomicFile {
    target: PathBuf,
    temp: PathBuf,
    /// `None` once committed.
    file: Option<BufWriter<File>>,
}

impl AtomicFile {
    /// Starts replacing `path` (or creating it). A symbolic link stays a link: the file it points
    /// to is replaced. Only a regular file is replaced: a link to nothing, a named pipe, a device
    /// or a folder is refused, since renaming over it would put a plain file in its place.
    pub fn create(path: &Path) -> io::Result<AtomicFile> {
        let target = resolve(path);
        match fs::symlink_metadata(&target) {
            Ok(meta) if meta.file_type().is_symlink() => {
                return Err(refused(Refusal::DanglingLink));
            }
            Ok(meta) => {
                if let Some(kind) = Kind::of(&meta) {
                    return Err(refused(Refusal::NotRegular(kind)));
                }
            }
            Err(_) => {}
        }
        let temp = temp_path(&target);
        // A leftover of our own pid is stale: a process writes one file at a time.
        let _ = fs::remove_file(&temp);
        let file = OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&temp)?;
        Ok(AtomicFile {
            target,
            temp,
            file: Some(BufWriter::with_capacity(64 * 1024, file)),
        })
    }

    /// Flushes everything written to disk and puts it in place of the target.
    pub fn commit(mut self) -> io::Result<()> {
        let Some(file) = self.file.take() else {
            return Ok(());
        };
        let result = (|| {
            let file = file.into_inner().map_err(io::IntoInnerError::into_error)?;
            // Keep the owner and the permissions someone gave the old file: a shared folder
            // edited as root stays its owner's.
            if let Ok(meta) = fs::metadata(&self.target) {
                keep_owner(&file, &meta);
                file.set_permissions(meta.permissions())?;
            }
            file.sync_all()?;
            fs::rename(&self.temp, &self.target)
        })();
        if result.is_err() {
            let _ = fs::remove_file(&self.temp);
            return result;
        }
        sync_dir(parent(&self.target))
    }
}

impl Write for AtomicFile {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        match &mut self.file {
            Some(file) => file.write(buf),
            None => Err(io::Error::other("the file is already committed")),
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        match &mut self.file {
            Some(file) => file.flush(),
            None => Ok(()),
        }
    }
}

impl Drop for AtomicFile {
    fn drop(&mut self) {
        if self.file.take().is_some() {
            let _ = fs::remove_file(&self.temp);
        }
    }
}

/// Writes `files` (paths relative to `dir`, contents) into the new folder `dir` in one step, as
/// [`Folder`] does.
pub fn write_folder<'a>(
    dir: &Path,
    files: impl IntoIterator<Item = (&'a Path, &'a [u8])>,
) -> io::Result<()> {
    let mut folder = Folder::create(dir)?;
    for (name, contents) in files {
        folder.file(name, contents)?;
    }
    folder.commit()
}

/// A new folder written file by file: built under a temporary name beside it, every file flushed
/// to disk, then renamed into place by [`Folder::commit`]. An existing non-empty folder is never
/// replaced. Dropped without a commit, it removes the temporary folder.
#[derive(Debug)]
pub struct Folder {
    dir: PathBuf,
    temp: PathBuf,
    /// The files written so far, flushed to disk together on commit.
    written: Vec<PathBuf>,
    committed: bool,
}

impl Folder {
    /// Starts the folder `dir`, which must not exist or be empty.
    pub fn create(dir: &Path) -> io::Result<Folder> {
        if dir.exists() && fs::read_dir(dir)?.next().is_some() {
            return Err(io::Error::new(
                io::ErrorKind::AlreadyExists,
                "exists and is not empty; remove it or choose another folder",
            ));
        }
        let temp = temp_path(dir);
        fs::create_dir(&temp)?;
        Ok(Folder {
            dir: dir.to_owned(),
            temp,
            written: Vec::new(),
            committed: false,
        })
    }

    /// Writes the file `name` (relative to the folder) with `contents`; [`Folder::commit`]
    /// flushes every file to disk before the folder is put in place.
    pub fn file(&mut self, name: &Path, contents: &[u8]) -> io::Result<()> {
        let path = self.temp.join(name);
        if let Some(sub) = path.parent() {
            fs::create_dir_all(sub)?;
        }
        let mut out = File::create(&path)?;
        out.write_all(contents)?;
        self.written.push(path);
        Ok(())
    }

    /// Flushes the files to disk, then puts the folder in place.
    pub fn commit(mut self) -> io::Result<()> {
        sync_all_files(&self.temp, &self.written)?;
        sync_dir(&self.temp)?;
        if self.dir.exists() {
            // Empty, checked when created: rename cannot replace a folder on every platform.
            fs::remove_dir(&self.dir)?;
        }
        fs::rename(&self.temp, &self.dir)?;
        self.committed = true;
        sync_dir(parent(&self.dir))
    }
}

impl Drop for Folder {
    fn drop(&mut self) {
        if !self.committed {
            let _ = fs::remove_dir_all(&self.temp);
        }
    }
}

/// Flushes `files`, all written inside `dir`, to disk. On Linux one `syncfs` of the folder's
/// file system does it in one journal commit, where flushing each file costs one commit per
/// file (20 s for a brat export of 10,000 articles, 20,000 files).
#[cfg(target_os = "linux")]
fn sync_all_files(dir: &Path, _files: &[PathBuf]) -> io::Result<()> {
    use std::os::fd::AsRawFd;
    let folder = File::open(dir)?;
    // SAFETY: syncfs only reads the descriptor, which `folder` keeps open during the call.
    if unsafe { libc::syncfs(folder.as_raw_fd()) } == 0 {
        Ok(())
    } else {
        Err(io::Error::last_os_error())
    }
}

/// Flushes `files` to disk, one by one.
#[cfg(not(target_os = "linux"))]
fn sync_all_files(_dir: &Path, files: &[PathBuf]) -> io::Result<()> {
    files
        .iter()
        .try_for_each(|file| File::open(file)?.sync_all())
}

/// Gives `file` the owner and group of `old` where this process may; where it may not (someone
/// else's file in a folder shared with us), the new file is ours, as any file we create.
#[cfg(unix)]
fn keep_owner(file: &File, old: &fs::Metadata) {
    use std::os::unix::fs::MetadataExt;
    let Ok(new) = file.metadata() else {
        return;
    };
    if (new.uid(), new.gid()) == (old.uid(), old.gid()) {
        return;
    }
    if std::os::unix::fs::fchown(file, Some(old.uid()), Some(old.gid())).is_err() {
        let _ = std::os::unix::fs::fchown(file, None, Some(old.gid()));
    }
}

#[cfg(not(unix))]
fn keep_owner(_file: &File, _old: &fs::Metadata) {}

fn refused(refusal: Refusal) -> io::Error {
    io::Error::new(io::ErrorKind::InvalidInput, refusal)
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
    fn a_streamed_file_appears_only_when_committed() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("out.jsonl");
        fs::write(&path, "old").unwrap();
        let mut file = AtomicFile::create(&path).unwrap();
        for n in 0..10_000 {
            writeln!(file, "line {n}").unwrap();
        }
        file.flush().unwrap();
        assert_eq!(fs::read_to_string(&path).unwrap(), "old");
        file.commit().unwrap();
        let text = fs::read_to_string(&path).unwrap();
        assert!(text.starts_with("line 0\n") && text.ends_with("line 9999\n"));
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn a_streamed_file_dropped_midway_leaves_the_old_file_and_no_temporary_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("out.csv");
        fs::write(&path, "old").unwrap();
        let mut file = AtomicFile::create(&path).unwrap();
        file.write_all(&[b'x'; 200_000]).unwrap();
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 2);
        drop(file);
        assert_eq!(fs::read_to_string(&path).unwrap(), "old");
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
        let new = dir.path().join("new.csv");
        drop(AtomicFile::create(&new).unwrap());
        assert!(!new.exists());
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn a_folder_dropped_midway_leaves_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("brat");
        let mut folder = Folder::create(&out).unwrap();
        folder.file(Path::new("a.txt"), b"x").unwrap();
        drop(folder);
        assert!(!out.exists());
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 0);
    }

    #[test]
    fn a_folder_refuses_a_non_empty_target_before_writing_anything() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("brat");
        fs::create_dir(&out).unwrap();
        fs::write(out.join("mine.ann"), "keep").unwrap();
        assert_eq!(
            Folder::create(&out).unwrap_err().kind(),
            io::ErrorKind::AlreadyExists
        );
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn a_name_near_the_limit_gets_a_temporary_name_within_it() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir
            .path()
            .join(format!("{}.annotations.ron", "é".repeat(117)));
        assert_eq!(path.file_name().unwrap().len(), 250);
        let temp = temp_path(&path);
        assert!(temp.file_name().unwrap().len() <= 255);
        assert!(is_temp_of(&path, &temp));
        assert!(!is_temp_of(&dir.path().join("other.ron"), &temp));
        write(&path, b"new").unwrap();
        assert_eq!(fs::read_to_string(&path).unwrap(), "new");
        fs::write(&temp, "left by a killed save").unwrap();
        remove_stale(&path);
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
