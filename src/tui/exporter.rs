//! Writing an export from the reading screen into the exports folder, through the driver both
//! shells share (`crate::library::export`): the articles are read one at a time, the open one
//! taken as edited, and the first that cannot be read stops the export. The file (or folder)
//! takes a new name in the exports folder, never that of an existing file, once complete. The
//! name is claimed (created empty) when the export starts, so exports running at the same time
//! never share one; a process killed meanwhile leaves that empty file behind.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use crate::export::{Format, Options};
use crate::library::export::{Edited, Error, Job, Names, OnError};

use super::effect::ExportedDoc;

/// Exports `articles` as `format` into a new file (a folder for brat) in `dir` whose name starts
/// with `name`; the open article is taken as edited from `open`, the others from their files and
/// sidecars, one at a time. Every article is named by its absolute path. Returns the path
/// written, or why nothing was.
pub fn write(
    dir: &Path,
    name: &str,
    articles: &[PathBuf],
    open: Option<ExportedDoc>,
    format: Format,
) -> Result<PathBuf, String> {
    fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let folder = format.is_folder();
    let target = claim(
        dir,
        &format!("{name}.{}", format.default_file_name()),
        folder,
    )
    .map_err(|e| format!("{}: {e}", dir.display()))?;
    let edited = open.as_ref().map(|doc| Edited {
        path: &doc.path,
        article: &doc.article,
        annotations: &doc.annotations,
    });
    let job = Job::new(articles, format, Options::default(), Names::Absolute).with_edited(edited);
    let written = job
        .write_to(&target, OnError::Stop)
        .map_err(|error| match error {
            Error::Create(e) | Error::Commit(e) => format!("{}: {e}", target.display()),
            other => other.to_string(),
        });
    if written.is_err() {
        // Give the claimed name back; the temporary file or folder is already gone.
        let _ = if folder {
            fs::remove_dir(&target)
        } else {
            fs::remove_file(&target)
        };
    }
    written.map(|()| target)
}

/// `name` in `dir`, or `name-1`, `name-2`... when taken: an export never replaces a file.
fn candidates(dir: &Path, name: &str) -> impl Iterator<Item = PathBuf> {
    let (stem, ext) = match name.rsplit_once('.') {
        Some((stem, ext)) => (stem.to_owned(), format!(".{ext}")),
        None => (name.to_owned(), String::new()),
    };
    let dir = dir.to_owned();
    (0..1000).map(move |n| match n {
        0 => dir.join(format!("{stem}{ext}")),
        n => dir.join(format!("{stem}-{n}{ext}")),
    })
}

/// The first of `name`, `name-1`, `name-2`... that does not exist in `dir`, claimed by creating
/// it empty (a file, or a `folder`): an export takes a while, and one started meanwhile must
/// take another name rather than write over this one.
fn claim(dir: &Path, name: &str, folder: bool) -> io::Result<PathBuf> {
    for path in candidates(dir, name) {
        let created = if folder {
            fs::create_dir(&path)
        } else {
            fs::OpenOptions::new()
                .write(true)
                .create_new(true)
                .open(&path)
                .map(drop)
        };
        match created {
            Ok(()) => return Ok(path),
            Err(error) if error.kind() == io::ErrorKind::AlreadyExists => continue,
            Err(error) => return Err(error),
        }
    }
    Err(io::Error::other(
        "too many exports with this name; clear the exports folder",
    ))
}
