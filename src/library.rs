//! The library: folders of articles, the bundled sample articles, reading an article file, and
//! exporting articles with their sidecars (module [`export`]).

pub mod claims;
pub mod export;
mod halves;
mod samples;

use std::fs;
use std::io::{self, Read};
use std::path::{Path, PathBuf};

use crate::article::{Article, ArticleError};
use crate::regular_file::{Kind, Refusal};

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

/// Reads and parses the article at `path`. A binary file is refused from its first bytes, before
/// the rest is read: a sparse file of gigabytes costs nothing.
pub fn read_article(path: &Path) -> Result<Article, ReadError> {
    read_article_on(path, 1)
}

/// Like [`read_article`], with a big file's paragraphs segmented on up to `threads` threads.
pub fn read_article_on(path: &Path, threads: usize) -> Result<Article, ReadError> {
    let (mut file, meta) = regular_file(path)?;
    let io = |source| ReadError::Io {
        path: path.to_owned(),
        source,
    };
    let name = path.display().to_string();
    let mut bytes = Vec::with_capacity(crate::article::HEAD_BYTES);
    (&mut file)
        .take(crate::article::HEAD_BYTES as u64)
        .read_to_end(&mut bytes)
        .map_err(io)?;
    crate::article::check_head(&name, &bytes, meta.len())?;
    let rest = usize::try_from(meta.len())
        .unwrap_or(0)
        .saturating_sub(bytes.len());
    if threads > 1 && rest >= halves::FROM {
        halves::read_rest(&mut file, &mut bytes, rest).map_err(io)?;
    } else {
        bytes.reserve(rest);
        file.read_to_end(&mut bytes).map_err(io)?;
    }
    Ok(Article::parse_owned_on(&name, bytes, threads)?)
}

/// When an article is big enough to be shown from a preview (its first part) while the whole
/// file is read, and how much the preview holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Staging {
    /// Files of at least this many bytes are shown from their preview first.
    pub from_size: u64,
    /// The preview holds at least this many bytes, up to the next paragraph break.
    pub preview: usize,
}

impl Staging {
    /// From 4 MiB on, a preview of 1 MiB: that much decides Markdown and the wrapping of lines as
    /// the whole file does (both are judged from the first MiB or less), and it parses in a
    /// millisecond or two; a smaller file is read whole about as fast.
    pub const DEFAULT: Staging = Staging {
        from_size: 4 << 20,
        preview: 1 << 20,
    };
}

/// How far past the preview's minimum size a paragraph break is looked for.
const PREVIEW_SLACK: usize = 64 * 1024;

/// The preview of a big article: its first part, parsed alone, shown before the rest is read.
#[derive(Debug)]
pub struct ArticlePreview {
    /// The preview's paragraphs as an article: its units are the whole file's first units.
    pub article: Article,
    /// The whole file's size in bytes.
    pub size: u64,
}

/// Reads and parses the preview (the first part) of the article at `path` when the file has at least
/// `staging.from_size` bytes, cut at a paragraph break (see [`crate::article::preview_len`]).
/// `Ok(None)` for a smaller file, or one whose first part cannot stand alone (UTF-16, a NUL byte, no
/// line break near the cut, nothing but whitespace): [`read_article`] then decides. Refuses
/// what [`read_article`] refuses before reading a byte: directories, pipes, devices.
pub fn read_article_preview(
    path: &Path,
    staging: Staging,
) -> Result<Option<ArticlePreview>, ReadError> {
    let (file, meta) = regular_file(path)?;
    let size = meta.len();
    if size < staging.from_size {
        return Ok(None);
    }
    let io = |source| ReadError::Io {
        path: path.to_owned(),
        source,
    };
    let limit = staging.preview.saturating_add(PREVIEW_SLACK);
    let mut bytes = Vec::with_capacity(limit);
    file.take(limit as u64)
        .read_to_end(&mut bytes)
        .map_err(io)?;
    let Some(len) = crate::article::preview_len(&bytes, staging.preview) else {
        return Ok(None);
    };
    bytes.truncate(len);
    let name = path.display().to_string();
    Ok(Article::parse_owned(&name, bytes)
        .ok()
        .map(|article| ArticlePreview { article, size }))
}

/// The regular file at `path`, open, with its metadata: reading a directory fails, and reading a
/// device or a pipe could block or never end (see module `crate::regular_file`).
fn regular_file(path: &Path) -> Result<(fs::File, fs::Metadata), ReadError> {
    let error = |source: io::Error| match Refusal::of(&source) {
        Some(Refusal::NotRegular(Kind::Folder)) => ReadError::Directory {
            path: path.to_owned(),
        },
        Some(Refusal::NotRegular(_)) => ReadError::NotAFile {
            path: path.to_owned(),
        },
        _ => ReadError::Io {
            path: path.to_owned(),
            source,
        },
    };
    crate::regular_file::open(path).map_err(error)
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
