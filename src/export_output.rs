//! Where an export given `-o PATH` goes, decided before a byte is written: a regular file (or
//! none yet) is replaced atomically; a named pipe or a character device (`/dev/null`,
//! `/dev/stdout`, a terminal), or a link to one, is written into, since replacing it would put a
//! plain file in place of a pipe someone reads or of the system's `/dev/null`; anything else is
//! refused, and so is a link to nothing, whose target would be created wherever it points. A
//! sidecar, its lock file or a sidecar moved aside is never an export's output: that would lose
//! an article's tags.

use std::fs::{self, File, OpenOptions};
use std::io::{self, BufWriter, Write};
use std::path::Path;

use crate::atomic_file::AtomicFile;
use crate::regular_file::{Kind, Refusal};
use crate::sidecar;

/// An export's output file, open for writing.
#[derive(Debug)]
pub enum OutputFile {
    /// A regular file, replaced by [`OutputFile::commit`].
    Replace(AtomicFile),
    /// A named pipe or a character device, written into as the export goes.
    Into(BufWriter<File>),
}

/// Opens `path` for an export's text, refusing what must not be written over (see the module's
/// summary).
pub fn open_file(path: &Path) -> io::Result<OutputFile> {
    refuse_sidecar_files(path)?;
    match fs::metadata(path) {
        Ok(meta) => match Kind::of(&meta) {
            None => AtomicFile::create(path).map(OutputFile::Replace),
            Some(Kind::Fifo | Kind::CharDevice) => {
                let mut options = OpenOptions::new();
                options.write(true);
                // A terminal written to never becomes this process's controlling terminal.
                #[cfg(unix)]
                std::os::unix::fs::OpenOptionsExt::custom_flags(&mut options, libc::O_NOCTTY);
                let file = options.open(path)?;
                Ok(OutputFile::Into(BufWriter::with_capacity(64 * 1024, file)))
            }
            Some(kind) => Err(io::Error::new(
                io::ErrorKind::InvalidInput,
                format!(
                    "is {kind}; an export is written to a regular file, a named pipe or a \
                     character device"
                ),
            )),
        },
        Err(error) if error.kind() == io::ErrorKind::NotFound => {
            if fs::symlink_metadata(path).is_ok_and(|meta| meta.file_type().is_symlink()) {
                return Err(io::Error::new(
                    io::ErrorKind::InvalidInput,
                    Refusal::DanglingLink,
                ));
            }
            AtomicFile::create(path).map(OutputFile::Replace)
        }
        Err(error) => Err(error),
    }
}

/// Refuses `path` as an export's output folder unless nothing is there or it is a folder (not a
/// link to one): the folder is renamed into place at the end, which would fail only then.
pub fn check_folder(path: &Path) -> io::Result<()> {
    match fs::symlink_metadata(path) {
        Ok(meta) => match Kind::of(&meta) {
            Some(Kind::Folder) => Ok(()),
            kind => Err(io::Error::new(
                io::ErrorKind::InvalidInput,
                format!(
                    "is {}, not a folder; brat writes a new folder: give another -o",
                    kind.map_or_else(|| "a file".to_owned(), |kind| kind.to_string())
                ),
            )),
        },
        Err(error) if error.kind() == io::ErrorKind::NotFound => Ok(()),
        Err(error) => Err(error),
    }
}

impl OutputFile {
    /// Finishes the output: puts a replaced file in place, flushes a pipe or a device.
    pub fn commit(self) -> io::Result<()> {
        match self {
            OutputFile::Replace(file) => file.commit(),
            OutputFile::Into(mut file) => file.flush(),
        }
    }
}

impl Write for OutputFile {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        match self {
            OutputFile::Replace(file) => file.write(buf),
            OutputFile::Into(file) => file.write(buf),
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        match self {
            OutputFile::Replace(file) => file.flush(),
            OutputFile::Into(file) => file.flush(),
        }
    }
}

/// Refuses `path` when it, or the file a link there points to, is a sidecar, its lock file or a
/// sidecar moved aside, whether or not it exists yet.
fn refuse_sidecar_files(path: &Path) -> io::Result<()> {
    let resolved = fs::canonicalize(path).ok();
    let hit = std::iter::once(path)
        .chain(resolved.as_deref())
        .any(sidecar::is_own_file);
    if hit {
        return Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            "is named as an article's sidecar or its lock file, which hold its tags; choose another -o",
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_sidecars_locks_and_kept_copies_but_not_look_alikes() {
        let dir = tempfile::tempdir().unwrap();
        for name in [
            "a.txt.annotations.ron",
            "a.txt.annotations.ron.lock",
            "a.txt.annotations.ron.bad-20260101T000000Z",
        ] {
            let error = open_file(&dir.path().join(name)).unwrap_err();
            assert!(error.to_string().contains("sidecar"), "{name}: {error}");
        }
        for name in ["annotations.ron.json", "a.txt.annotations.json"] {
            open_file(&dir.path().join(name)).unwrap().commit().unwrap();
        }
    }
}
