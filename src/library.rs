//! The library: folders of articles, the bundled sample articles, and reading an article file.

mod samples;

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use crate::article::{Article, ArticleError};

pub use samples::{SAMPLES, install_samples};

/// Why an article file could not be read.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    /// The file could not be opened or read.
    #[error("{}: cannot read the file: {source}", path.display())]
    Io {
        /// The article's path.
        path: PathBuf,
        /// What the operating system said.
        source: io::Error,
    },
    /// The path is a directory.
    #[error("{}: is a directory; give an article file (.txt or .md)", path.display())]
    Directory {
        /// The path.
        path: PathBuf,
    },
    /// The path is neither a file nor a directory (a pipe, a device, a socket).
    #[error("{}: not a regular file; give an article file (.txt or .md)", path.display())]
    NotAFile {
        /// The path.
        path: PathBuf,
    },
    /// The bytes are not an article.
    #[error(transparent)]
    Article(#[from] ArticleError),
}

/// Reads and parses the article at `path`.
pub fn read_article(path: &Path) -> Result<Article, ReadError> {
    let meta = fs::metadata(path).map_err(|source| ReadError::Io {
        path: path.to_owned(),
        source,
    })?;
    if meta.is_dir() {
        return Err(ReadError::Directory {
            path: path.to_owned(),
        });
    }
    if !meta.is_file() {
        // Reading a device or a pipe could block or never end.
        return Err(ReadError::NotAFile {
            path: path.to_owned(),
        });
    }
    let bytes = fs::read(path).map_err(|source| ReadError::Io {
        path: path.to_owned(),
        source,
    })?;
    let name = path.display().to_string();
    Ok(Article::parse_owned(&name, bytes)?)
}

/// Whether `path` names an article by its extension (.txt or .md).
pub fn is_article_path(path: &Path) -> bool {
    path.extension()
        .and_then(|ext| ext.to_str())
        .is_some_and(|ext| ext.eq_ignore_ascii_case("txt") || ext.eq_ignore_ascii_case("md"))
}

/// The article files among `paths`: files as given, folders expanded to the articles inside them
/// (recursively, sorted by path, links to folders not followed so a loop cannot trap the walk).
pub fn collect_articles(paths: &[PathBuf]) -> Result<Vec<PathBuf>, ReadError> {
    let mut out = Vec::new();
    for path in paths {
        let meta = fs::metadata(path).map_err(|source| ReadError::Io {
            path: path.clone(),
            source,
        })?;
        if meta.is_dir() {
            walk(path, &mut out)?;
        } else {
            out.push(path.clone());
        }
    }
    Ok(out)
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) -> Result<(), ReadError> {
    let io_error = |source| ReadError::Io {
        path: dir.to_owned(),
        source,
    };
    let mut entries: Vec<PathBuf> = fs::read_dir(dir)
        .map_err(io_error)?
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .collect();
    entries.sort();
    for entry in entries {
        let Ok(meta) = fs::symlink_metadata(&entry) else {
            continue;
        };
        if meta.is_dir() {
            walk(&entry, out)?;
        } else if is_article_path(&entry) {
            out.push(entry);
        }
    }
    Ok(())
}
