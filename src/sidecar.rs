//! The sidecar file: `<article file name>.annotations.ron` beside the article, holding its
//! annotations. The only module that reads or writes sidecars.

use std::path::{Path, PathBuf};

use crate::annotation::Annotation;
use crate::article::Article;

/// The sidecar format version this build writes.
pub const VERSION: u32 = 1;

/// What identifies the article text a sidecar was made against.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Fingerprint {
    /// XXH3-64 of the text's UTF-8 bytes, as 16 lower-case hex digits.
    pub xxh3: String,
    /// Length of the text in code points.
    pub chars: usize,
}

impl Fingerprint {
    /// The fingerprint of `article`'s text.
    pub fn of(article: &Article) -> Fingerprint {
        Fingerprint {
            xxh3: format!(
                "{:016x}",
                xxhash_rust::xxh3::xxh3_64(article.text().as_bytes())
            ),
            chars: article.chars().len_chars(),
        }
    }
}

/// The contents of a sidecar file.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Sidecar {
    /// Format version; a newer one than [`VERSION`] is read where possible and never written.
    pub version: u32,
    /// The article text the anchors were made against.
    pub fingerprint: Fingerprint,
    /// The annotations, in document order.
    pub annotations: Vec<Annotation>,
}

/// The sidecar path of the article at `article`: `report.txt` -> `report.txt.annotations.ron`.
pub fn path_for(article: &Path) -> PathBuf {
    let mut name = article.file_name().unwrap_or_default().to_os_string();
    name.push(".annotations.ron");
    article.with_file_name(name)
}

/// Why a sidecar could not be read or written.
#[derive(Debug, thiserror::Error)]
pub enum SidecarError {
    /// The file could not be read or written.
    #[error("{}: {source}", path.display())]
    Io {
        /// The sidecar's path.
        path: PathBuf,
        /// What the operating system said.
        source: std::io::Error,
    },
    /// The file is not a valid sidecar; it is never overwritten.
    #[error("{}:{line}:{column}: {message}", path.display())]
    Parse {
        /// The sidecar's path.
        path: PathBuf,
        /// 1-based line of the problem.
        line: usize,
        /// 1-based column of the problem.
        column: usize,
        /// What is wrong.
        message: String,
    },
}

/// Reads the sidecar of the article at `article_path`; `None` when there is none yet.
pub fn load(article_path: &Path) -> Result<Option<Sidecar>, SidecarError> {
    let path = path_for(article_path);
    let text = match std::fs::read_to_string(&path) {
        Ok(text) => text,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(source) => return Err(SidecarError::Io { path, source }),
    };
    ron::from_str(&text)
        .map(Some)
        .map_err(|error| SidecarError::Parse {
            path,
            line: error.span.start.line,
            column: error.span.start.col,
            message: error.code.to_string(),
        })
}

/// Saves `ours`, the annotations as edited since `base` was read, into the sidecar of the article
/// at `article_path`, and returns the annotations now on disk.
pub fn save(
    article_path: &Path,
    article: &Article,
    base: &[Annotation],
    ours: &[Annotation],
) -> Result<Vec<Annotation>, SidecarError> {
    let _ = base;
    let path = path_for(article_path);
    let sidecar = Sidecar {
        version: VERSION,
        fingerprint: Fingerprint::of(article),
        annotations: ours.to_vec(),
    };
    let text = ron::ser::to_string_pretty(&sidecar, ron::ser::PrettyConfig::default()).map_err(
        |error| SidecarError::Io {
            path: path.clone(),
            source: std::io::Error::other(error),
        },
    )?;
    std::fs::write(&path, text).map_err(|source| SidecarError::Io { path, source })?;
    Ok(ours.to_vec())
}
