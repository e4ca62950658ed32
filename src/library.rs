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

impl ReadError {
    /// The path the error is about, when it names one.
    pub fn path(&self) -> Option<&Path> {
        match self {
            ReadError::Io { path, .. }
            | ReadError::Directory { path }
            | ReadError::NotAFile { path } => Some(path),
            ReadError::Article(_) => None,
        }
    }
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
/// Fails on the first path or folder that cannot be read; see [`find_articles`] to go on past it.
pub fn collect_articles(paths: &[PathBuf]) -> Result<Vec<PathBuf>, ReadError> {
    let mut out = Vec::new();
    let mut problems = Vec::new();
    for path in paths {
        find_articles(path, &mut out, &mut problems);
        if let Some(problem) = problems.into_iter().next() {
            return Err(problem);
        }
        problems = Vec::new();
    }
    Ok(out)
}

/// Adds the article files under `path` to `out` as [`collect_articles`] does, but a path or a
/// folder inside it that cannot be read goes to `problems` and the walk goes on, so one locked
/// folder does not hide a whole library.
pub fn find_articles(path: &Path, out: &mut Vec<PathBuf>, problems: &mut Vec<ReadError>) {
    match fs::metadata(path) {
        Ok(meta) if meta.is_dir() => walk(path, out, problems),
        Ok(_) => out.push(path.to_owned()),
        Err(source) => problems.push(ReadError::Io {
            path: path.to_owned(),
            source,
        }),
    }
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>, problems: &mut Vec<ReadError>) {
    let entries = match fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(source) => {
            problems.push(ReadError::Io {
                path: dir.to_owned(),
                source,
            });
            return;
        }
    };
    let mut entries: Vec<PathBuf> = entries
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .collect();
    entries.sort();
    for entry in entries {
        let Ok(meta) = fs::symlink_metadata(&entry) else {
            continue;
        };
        if meta.is_dir() {
            walk(&entry, out, problems);
        } else if is_article_path(&entry) {
            out.push(entry);
        }
    }
}
