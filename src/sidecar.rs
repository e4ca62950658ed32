//! The sidecar file: `<article file name>.annotations.ron` beside the article, holding its
//! annotations. The only module that reads or writes sidecars.
//!
//! A sidecar is never lost or torn: saves are atomic (module `crate::atomic_file`), serialised across
//! processes by a lock on `<sidecar>.lock` (module `lock`), and merge what other processes wrote
//! meanwhile (module `merge`). A sidecar that does not parse, or that a newer sidenote wrote, is
//! never written over; [`move_aside`] is the only way past a broken one.

mod cache;
mod error;
mod format;
mod lock;
mod merge;
mod stamp;

use std::borrow::Borrow;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use crate::annotation::{Annotation, Snapshot, Timestamp, in_document_order, refresh_anchors};
use crate::article::Article;
use crate::atomic_file;

pub use error::SidecarError;
pub use format::{ron_config, to_text};
pub use lock::path_for as lock_path_for;
pub use merge::merge;
pub use stamp::Stamp;

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
    #[serde(default)]
    pub annotations: Vec<Annotation>,
}

impl Sidecar {
    /// Whether this build may write over the file this came from.
    pub fn is_writable(&self) -> bool {
        self.version <= VERSION
    }
}

/// The sidecar path of the article at `article`: `report.txt` -> `report.txt.annotations.ron`.
pub fn path_for(article: &Path) -> PathBuf {
    let mut name = article.file_name().unwrap_or_default().to_os_string();
    name.push(".annotations.ron");
    article.with_file_name(name)
}

/// Reads the sidecar of the article at `article_path`; `None` when there is none yet. A sidecar
/// of a newer format is returned when it can be read: check [`Sidecar::is_writable`].
pub fn load(article_path: &Path) -> Result<Option<Sidecar>, SidecarError> {
    let path = path_for(article_path);
    let Some(text) = read(&path)? else {
        return Ok(None);
    };
    let sidecar = format::parse(&path, &text)?;
    cache::put(&path, cache::hash(&text), &sidecar);
    Ok(Some(sidecar))
}

/// Reads the sidecar like [`load`] without keeping a copy for a later save: for code that only
/// reads (an export of a whole library), whose memory must not grow with every sidecar it reads.
pub fn load_read_only(article_path: &Path) -> Result<Option<Sidecar>, SidecarError> {
    let path = path_for(article_path);
    let Some(text) = read(&path)? else {
        return Ok(None);
    };
    Ok(Some(format::parse(&path, &text)?))
}

/// Saves `ours`, the annotations as edited since `base` was read, into the sidecar of the article
/// at `article_path`, and returns the annotations now on disk, for the caller to adopt as its new
/// base and its new working set.
///
/// Under the sidecar's lock it re-reads the file, merges what another process wrote since `base`
/// with `ours`, refreshes the anchors of annotations found exactly in `article`, and replaces the
/// file atomically, only if its bytes change. It refuses, leaving the file as it is, when the file
/// does not parse ([`SidecarError::Parse`]) or was written by a newer sidenote
/// ([`SidecarError::Newer`]). On any error nothing on disk has changed, so it is safe to call again
/// with the same arguments.
pub fn save(
    article_path: &Path,
    article: &Article,
    base: &[Annotation],
    ours: &[Annotation],
) -> Result<Vec<Annotation>, SidecarError> {
    save_any(article_path, article, base, ours)
}

/// [`save`] for annotations shared with the reading screen (each a [`Snapshot`]), so handing
/// them to the saving thread copies none of them.
pub fn save_shared(
    article_path: &Path,
    article: &Article,
    base: &Snapshot,
    ours: &Snapshot,
) -> Result<Vec<Annotation>, SidecarError> {
    let base: Vec<&Annotation> = base.iter().collect();
    let ours: Vec<&Annotation> = ours.iter().collect();
    save_any(article_path, article, &base, &ours)
}

fn save_any(
    article_path: &Path,
    article: &Article,
    base: &[impl Borrow<Annotation>],
    ours: &[impl Borrow<Annotation>],
) -> Result<Vec<Annotation>, SidecarError> {
    let path = path_for(article_path);
    let _guard = lock::acquire(&path, lock::WAIT)?;
    atomic_file::remove_stale(&path);
    let on_disk = read(&path)?;
    let theirs = match &on_disk {
        Some(text) => {
            let hash = cache::hash(text);
            let sidecar = match cache::get(&path, hash) {
                Some(sidecar) => sidecar,
                None => format::parse(&path, text)?,
            };
            if !sidecar.is_writable() {
                return Err(SidecarError::Newer {
                    path,
                    version: sidecar.version,
                });
            }
            Some(sidecar)
        }
        None => None,
    };
    // No file means nobody wrote one since we read none, or someone deleted it: either way,
    // nothing of theirs to merge, and ours must not be taken for deletions.
    let mut merged = match &theirs {
        Some(theirs) => merge(base, ours, &theirs.annotations),
        None => merge(base, ours, base),
    };
    refresh_anchors(article, &mut merged);
    let sidecar = Sidecar {
        version: VERSION,
        fingerprint: Fingerprint::of(article),
        annotations: in_document_order(article, merged),
    };
    let unchanged = match &theirs {
        Some(theirs) => *theirs == sidecar,
        None => sidecar.annotations.is_empty(),
    };
    if !unchanged {
        let text = format::to_text(&sidecar).map_err(|error| SidecarError::Io {
            path: path.clone(),
            source: io::Error::other(error),
        })?;
        atomic_file::write(&path, text.as_bytes()).map_err(|source| SidecarError::Io {
            path: path.clone(),
            source,
        })?;
        cache::put(&path, cache::hash(&text), &sidecar);
    }
    Ok(sidecar.annotations)
}

/// Moves the sidecar of the article at `article_path` aside to `<sidecar>.bad-<time>`, so work
/// can start afresh without losing the old file; returns where it went, or `None` when there was
/// no sidecar.
pub fn move_aside(article_path: &Path, now: Timestamp) -> Result<Option<PathBuf>, SidecarError> {
    let path = path_for(article_path);
    let _guard = lock::acquire(&path, lock::WAIT)?;
    if fs::symlink_metadata(&path).is_err() {
        return Ok(None);
    }
    let stamp = format!(
        "{:04}{:02}{:02}T{:02}{:02}{:02}Z",
        now.year(),
        u8::from(now.month()),
        now.day(),
        now.hour(),
        now.minute(),
        now.second()
    );
    let name = path.file_name().unwrap_or_default().to_string_lossy();
    let mut target = path.with_file_name(format!("{name}.bad-{stamp}"));
    let mut n = 1;
    while fs::symlink_metadata(&target).is_ok() {
        n += 1;
        target = path.with_file_name(format!("{name}.bad-{stamp}-{n}"));
    }
    fs::rename(&path, &target).map_err(|source| SidecarError::Io {
        path: path.clone(),
        source,
    })?;
    atomic_file::sync_dir(atomic_file::parent(&path)).map_err(|source| SidecarError::Io {
        path: path.clone(),
        source,
    })?;
    Ok(Some(target))
}

/// The text of the file at `path`, `None` when it does not exist.
fn read(path: &Path) -> Result<Option<String>, SidecarError> {
    match fs::read(path) {
        Ok(bytes) => String::from_utf8(bytes).map(Some).map_err(|error| {
            let text = String::from_utf8_lossy(error.as_bytes());
            let at = error.utf8_error().valid_up_to();
            let valid = &text[..at.min(text.len())];
            let line_start = valid.rfind('\n').map_or(0, |n| n + 1);
            SidecarError::Parse {
                path: path.to_owned(),
                line: valid.matches('\n').count() + 1,
                column: valid[line_start..].chars().count() + 1,
                message: format!("the file is not valid UTF-8 (byte {at})"),
            }
        }),
        Err(error) if error.kind() == io::ErrorKind::NotFound => Ok(None),
        Err(source) => Err(SidecarError::Io {
            path: path.to_owned(),
            source,
        }),
    }
}
