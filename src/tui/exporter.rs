//! Writing an export from the reading screen: the pure `crate::export::render` gives the text,
//! this writes it under a new name in the exports folder, never over an existing file.

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use crate::annotation::{Annotation, AnnotationSet};
use crate::article::Article;
use crate::export::{self, Format, Item, Options, Output};

/// Exports `annotations` of the article at `path` as `format` into `dir`; returns the path
/// written (a file, or a folder for brat) or why it failed.
pub fn write(
    dir: &Path,
    path: &Path,
    article: &Article,
    annotations: Vec<Annotation>,
    format: &str,
) -> Result<PathBuf, String> {
    let Some(format) = Format::ALL.into_iter().find(|f| f.name() == format) else {
        return Err(format!("unknown export format {format:?}"));
    };
    let set = AnnotationSet::new(article, annotations);
    // The W3C model needs an absolute source; the others read better with it too.
    let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_owned());
    let file = absolute.display().to_string();
    let items = [Item {
        file: &file,
        article,
        annotations: &set,
    }];
    let output = export::render(&items, format, &Options::default()).map_err(|e| e.to_string())?;
    fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let stem = path
        .file_name()
        .map(|name| name.to_string_lossy().into_owned())
        .unwrap_or_else(|| "article".to_owned());
    let base = format!("{stem}.{}", format.default_file_name());
    match output {
        Output::Text(text) => {
            new_file(dir, &base, text.as_bytes()).map_err(|e| format!("{}: {e}", dir.display()))
        }
        Output::Files(files) => {
            let folder = new_folder(dir, &base).map_err(|e| format!("{}: {e}", dir.display()))?;
            for file in files {
                let target = folder.join(&file.path);
                if let Some(parent) = target.parent() {
                    fs::create_dir_all(parent).map_err(|e| format!("{}: {e}", parent.display()))?;
                }
                fs::write(&target, file.contents)
                    .map_err(|e| format!("{}: {e}", target.display()))?;
            }
            Ok(folder)
        }
    }
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

fn new_file(dir: &Path, name: &str, bytes: &[u8]) -> io::Result<PathBuf> {
    for path in candidates(dir, name) {
        match fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&path)
        {
            Ok(mut file) => {
                file.write_all(bytes)?;
                file.sync_all()?;
                return Ok(path);
            }
            Err(error) if error.kind() == io::ErrorKind::AlreadyExists => continue,
            Err(error) => return Err(error),
        }
    }
    Err(io::Error::other(
        "too many exports with this name; clear the exports folder",
    ))
}

fn new_folder(dir: &Path, name: &str) -> io::Result<PathBuf> {
    for path in candidates(dir, name) {
        match fs::create_dir(&path) {
            Ok(()) => return Ok(path),
            Err(error) if error.kind() == io::ErrorKind::AlreadyExists => continue,
            Err(error) => return Err(error),
        }
    }
    Err(io::Error::other(
        "too many exports with this name; clear the exports folder",
    ))
}
