//! Opening the files the store reads (articles, sidecars, lock files, the config) so that what
//! sits at the path cannot hang, flood or hijack sidenote: only regular files are read, opening
//! never blocks (a named pipe would wait for a writer forever), a terminal is never made the
//! controlling one, what is read is capped in size, and the lock file is created without
//! following a link. Anything else at the path is refused with a [`Refusal`] inside the
//! `io::Error`, which says what was found.
//!
//! A folder a git repository filled can hold a link to `/dev/tty`, `/dev/zero` or anywhere at
//! all where a sidecar is expected; the checks here are made on the opened file, so the file
//! cannot be swapped between a check and the read.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Read};
use std::path::Path;

/// What was found where a regular file was expected.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A directory.
    Folder,
    /// A named pipe (FIFO).
    Fifo,
    /// A character device (a terminal, `/dev/zero`, `/dev/null`).
    CharDevice,
    /// A block device (a disk).
    BlockDevice,
    /// A socket.
    Socket,
    /// A symbolic link, where links are not followed.
    Link,
    /// Something else.
    Other,
}

impl Kind {
    /// The kind of file `meta` describes, `None` for a regular file.
    pub fn of(meta: &fs::Metadata) -> Option<Kind> {
        let kind = meta.file_type();
        if kind.is_file() {
            return None;
        }
        Some(if kind.is_dir() {
            Kind::Folder
        } else if kind.is_symlink() {
            Kind::Link
        } else {
            special(&kind)
        })
    }
}

#[cfg(unix)]
fn special(kind: &fs::FileType) -> Kind {
    use std::os::unix::fs::FileTypeExt;
    if kind.is_fifo() {
        Kind::Fifo
    } else if kind.is_char_device() {
        Kind::CharDevice
    } else if kind.is_block_device() {
        Kind::BlockDevice
    } else if kind.is_socket() {
        Kind::Socket
    } else {
        Kind::Other
    }
}

#[cfg(not(unix))]
fn special(_kind: &fs::FileType) -> Kind {
    Kind::Other
}

impl std::fmt::Display for Kind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Kind::Folder => "a folder",
            Kind::Fifo => "a named pipe",
            Kind::CharDevice => "a character device",
            Kind::BlockDevice => "a block device",
            Kind::Socket => "a socket",
            Kind::Link => "a symbolic link",
            Kind::Other => "a special file",
        })
    }
}

/// Why a path was not read: carried inside the `io::Error` the functions here return.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Refusal {
    /// Something other than a regular file is there.
    #[error("is {0}, not a regular file; sidenote reads only regular files here")]
    NotRegular(Kind),
    /// A symbolic link whose target does not exist.
    #[error("is a symbolic link to nothing; remove the link")]
    DanglingLink,
    /// The file is larger than what is read from it.
    #[error("is {size} bytes long, more than the {limit} bytes sidenote reads from this file")]
    TooLarge {
        /// The file's size.
        size: u64,
        /// The most that is read.
        limit: u64,
    },
}

impl Refusal {
    /// The refusal inside `error`, when it is one.
    pub fn of(error: &io::Error) -> Option<&Refusal> {
        error.get_ref()?.downcast_ref::<Refusal>()
    }

    fn into_error(self) -> io::Error {
        let kind = match self {
            Refusal::TooLarge { .. } => io::ErrorKind::InvalidData,
            Refusal::NotRegular(_) | Refusal::DanglingLink => io::ErrorKind::InvalidInput,
        };
        io::Error::new(kind, self)
    }
}

/// Opens the regular file at `path` for reading, following links.
pub fn open(path: &Path) -> io::Result<(File, fs::Metadata)> {
    let mut options = OpenOptions::new();
    options.read(true);
    match open_regular(path, &mut options, true) {
        Err(error)
            if error.kind() == io::ErrorKind::NotFound
                && fs::symlink_metadata(path).is_ok_and(|meta| meta.file_type().is_symlink()) =>
        {
            Err(Refusal::DanglingLink.into_error())
        }
        opened => opened,
    }
}

/// The whole regular file at `path`, `None` when nothing is there; refused past `limit` bytes.
pub fn read(path: &Path, limit: u64) -> io::Result<Option<Vec<u8>>> {
    let (file, meta) = match open(path) {
        Ok(opened) => opened,
        Err(error) if error.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(error) => return Err(error),
    };
    if meta.len() > limit {
        return Err(Refusal::TooLarge {
            size: meta.len(),
            limit,
        }
        .into_error());
    }
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0));
    // One byte past the limit tells a file that grew since it was opened.
    file.take(limit.saturating_add(1)).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > limit {
        return Err(Refusal::TooLarge {
            size: bytes.len() as u64,
            limit,
        }
        .into_error());
    }
    Ok(Some(bytes))
}

/// Opens (creating it when missing) the regular file at `path` for a lock, never following a
/// link: a link there, even to nothing, is refused rather than creating its target.
pub fn open_lock(path: &Path) -> io::Result<File> {
    let mut options = OpenOptions::new();
    // Read and write: opening a named pipe for both never waits for the other end.
    options.read(true).write(true).create(true).truncate(false);
    match open_regular(path, &mut options, false) {
        Ok((file, _)) => Ok(file),
        Err(error) => match fs::symlink_metadata(path) {
            Ok(meta) if meta.file_type().is_symlink() => {
                Err(Refusal::NotRegular(Kind::Link).into_error())
            }
            _ => Err(error),
        },
    }
}

/// Opens `path` with `options` without blocking, then checks on the opened file that it is a
/// regular one.
fn open_regular(
    path: &Path,
    options: &mut OpenOptions,
    follow: bool,
) -> io::Result<(File, fs::Metadata)> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        let no_follow = if follow { 0 } else { libc::O_NOFOLLOW };
        options.custom_flags(libc::O_NONBLOCK | libc::O_NOCTTY | no_follow);
    }
    #[cfg(not(unix))]
    let _ = follow;
    let file = options.open(path)?;
    let meta = file.metadata()?;
    if let Some(kind) = Kind::of(&meta) {
        return Err(Refusal::NotRegular(kind).into_error());
    }
    blocking(&file)?;
    Ok((file, meta))
}

/// Turns blocking back on for reads of the opened regular file.
#[cfg(unix)]
fn blocking(file: &File) -> io::Result<()> {
    use std::os::fd::AsRawFd;
    let fd = file.as_raw_fd();
    // SAFETY: fcntl only reads and sets the flags of `fd`, which `file` keeps open.
    let flags = unsafe { libc::fcntl(fd, libc::F_GETFL) };
    // SAFETY: as above.
    if flags < 0 || unsafe { libc::fcntl(fd, libc::F_SETFL, flags & !libc::O_NONBLOCK) } < 0 {
        return Err(io::Error::last_os_error());
    }
    Ok(())
}

#[cfg(not(unix))]
fn blocking(_file: &File) -> io::Result<()> {
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn refusal(result: io::Result<impl std::fmt::Debug>) -> Refusal {
        Refusal::of(&result.unwrap_err()).unwrap().clone()
    }

    #[test]
    fn reads_a_regular_file_and_nothing_else() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("a.ron");
        fs::write(&file, "abc").unwrap();
        assert_eq!(read(&file, 3).unwrap().unwrap(), b"abc");
        assert_eq!(
            refusal(read(&file, 2)),
            Refusal::TooLarge { size: 3, limit: 2 }
        );
        assert!(read(&dir.path().join("none"), 3).unwrap().is_none());
        assert_eq!(
            refusal(read(dir.path(), 3)),
            Refusal::NotRegular(Kind::Folder)
        );
    }

    #[cfg(unix)]
    #[test]
    fn refuses_pipes_devices_and_dangling_links_without_blocking() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("fifo");
        let name = std::ffi::CString::new(fifo.to_str().unwrap()).unwrap();
        // SAFETY: a valid C string; mkfifo only creates the file.
        assert_eq!(unsafe { libc::mkfifo(name.as_ptr(), 0o644) }, 0);
        assert_eq!(refusal(read(&fifo, 9)), Refusal::NotRegular(Kind::Fifo));
        assert_eq!(refusal(open_lock(&fifo)), Refusal::NotRegular(Kind::Fifo));
        let zero = dir.path().join("zero");
        std::os::unix::fs::symlink("/dev/zero", &zero).unwrap();
        assert_eq!(
            refusal(read(&zero, 9)),
            Refusal::NotRegular(Kind::CharDevice)
        );
        let dangling = dir.path().join("dangling");
        let target = dir.path().join("target");
        std::os::unix::fs::symlink(&target, &dangling).unwrap();
        assert_eq!(refusal(read(&dangling, 9)), Refusal::DanglingLink);
        assert_eq!(
            refusal(open_lock(&dangling)),
            Refusal::NotRegular(Kind::Link)
        );
        assert!(!target.exists());
        let lock = dir.path().join("a.lock");
        open_lock(&lock).unwrap();
        assert!(lock.is_file());
    }
}
