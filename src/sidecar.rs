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
mod git_merge;
mod lock;
mod merge;
mod stamp;

use std::borrow::Borrow;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use crate::annotation::{Annotation, Snapshot, Timestamp, in_document_order, refresh_anchors};
use crate::article::{Article, line_column};
use crate::atomic_file;
use crate::regular_file;

pub use crate::article::Fingerprint;
pub use cache::Cache;
pub use error::SidecarError;
pub use format::{ron_config, to_text};
pub use git_merge::merge_files;
pub use lock::path_for as lock_path_for;
pub use merge::merge;
pub use stamp::Stamp;

/// The newest sidecar format version this build reads strictly and writes: 4, which added the
/// mark of an anchor a person kept as an orphan (3 added claim groups, 2 speakers). A sidecar is
/// written at the oldest version that holds what it has ([`version_for`]), so a sidecar without
/// speakers, groups or kept orphans stays at format 1, which sidenote before speakers reads and
/// writes.
pub const VERSION: u32 = 4;

/// The format that added claim groups.
pub const VERSION_WITH_GROUPS: u32 = 3;

/// The format of a sidecar none of whose annotations has a speaker or a claim group.
pub const VERSION_WITHOUT_SPEAKERS: u32 = 1;

/// The format that added speakers.
pub const VERSION_WITH_SPEAKERS: u32 = 2;

/// The format version a sidecar holding `annotations` is written at: [`VERSION`] when one was
/// kept as an orphan, which a build of format 3 would drop (and then place it on a similar text
/// again); [`VERSION_WITH_GROUPS`] when one is in a claim group, which a build of format 2 would
/// drop (it reads a newer file around what it does not know, and never writes it);
/// [`VERSION_WITH_SPEAKERS`] when one has a speaker, which a build of format 1 would drop; else
/// [`VERSION_WITHOUT_SPEAKERS`].
pub fn version_for<A: Borrow<Annotation>>(annotations: &[A]) -> u32 {
    let has = |wanted: fn(&Annotation) -> bool| {
        annotations
            .iter()
            .any(|annotation| wanted(annotation.borrow()))
    };
    if has(|a| a.anchor.kept_orphan) {
        VERSION
    } else if has(|a| !a.groups.is_empty()) {
        VERSION_WITH_GROUPS
    } else if has(|a| !a.speaker.is_empty()) {
        VERSION_WITH_SPEAKERS
    } else {
        VERSION_WITHOUT_SPEAKERS
    }
}

/// The contents of a sidecar file.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
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

/// Whether `path` is named as a sidecar, its lock file or a sidecar moved aside by
/// [`move_aside`]: files that hold an article's tags, whatever else might be written there.
pub fn is_own_file(path: &Path) -> bool {
    let Some(name) = path.file_name() else {
        return false;
    };
    let name = name.to_string_lossy();
    const SUFFIX: &str = ".annotations.ron";
    name.match_indices(SUFFIX).any(|(at, _)| {
        let rest = &name[at + SUFFIX.len()..];
        at > 0 && (rest.is_empty() || rest == ".lock" || rest.starts_with(".bad-"))
    })
}

/// Reads the sidecar of the article at `article_path`; `None` when there is none yet. A sidecar
/// of a newer format is returned when it can be read: check [`Sidecar::is_writable`]. Keeps no
/// copy: code that only reads (a library's tag counts, an export) holds nothing per sidecar.
pub fn load(article_path: &Path) -> Result<Option<Sidecar>, SidecarError> {
    let path = path_for(article_path);
    let Some(text) = read(&path)? else {
        return Ok(None);
    };
    Ok(Some(format::parse(&path, &text)?))
}

/// Reads the sidecar like [`load`] and keeps it in `cache`, so the next save through the same
/// cache does not parse it again if nobody changed the file meanwhile.
pub fn load_cached(
    article_path: &Path,
    cache: &mut Cache,
) -> Result<Option<Sidecar>, SidecarError> {
    let path = path_for(article_path);
    let Some(text) = read(&path)? else {
        return Ok(None);
    };
    let sidecar = format::parse(&path, &text)?;
    cache.put(&path, cache::hash(&text), sidecar.clone());
    Ok(Some(sidecar))
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
/// with the same arguments. It parses the file on disk every time: a caller that saves the same
/// sidecar again and again keeps a [`Cache`] and calls [`save_cached`].
pub fn save(
    article_path: &Path,
    article: &Article,
    base: &[Annotation],
    ours: &[Annotation],
) -> Result<Vec<Annotation>, SidecarError> {
    save_any(article_path, article, base, ours, &mut Cache::new())
}

/// [`save`] through `cache`, which holds what its owner last read or wrote: when the file is
/// still as the owner left it, it is not parsed again. The cache then holds what was written.
pub fn save_cached(
    article_path: &Path,
    article: &Article,
    base: &[Annotation],
    ours: &[Annotation],
    cache: &mut Cache,
) -> Result<Vec<Annotation>, SidecarError> {
    save_any(article_path, article, base, ours, cache)
}

/// [`save_cached`] for annotations shared with the reading screen (each a [`Snapshot`]), so
/// handing them to the saving thread copies none of them.
pub fn save_shared(
    article_path: &Path,
    article: &Article,
    base: &Snapshot,
    ours: &Snapshot,
    cache: &mut Cache,
) -> Result<Vec<Annotation>, SidecarError> {
    let base: Vec<&Annotation> = base.iter().collect();
    let ours: Vec<&Annotation> = ours.iter().collect();
    save_any(article_path, article, &base, &ours, cache)
}

fn save_any(
    article_path: &Path,
    article: &Article,
    base: &[impl Borrow<Annotation>],
    ours: &[impl Borrow<Annotation>],
    cache: &mut Cache,
) -> Result<Vec<Annotation>, SidecarError> {
    let path = path_for(article_path);
    let _guard = lock::acquire(&path, lock::WAIT)?;
    atomic_file::remove_stale(&path);
    let on_disk = read(&path)?;
    let theirs = match &on_disk {
        Some(text) => {
            let hash = cache::hash(text);
            let sidecar = match cache.take(&path, hash) {
                Some(sidecar) => sidecar,
                None => format::parse(&path, text)?,
            };
            if !sidecar.is_writable() {
                return Err(SidecarError::Newer {
                    path,
                    version: sidecar.version,
                });
            }
            Some((hash, sidecar))
        }
        None => None,
    };
    // No file means nobody wrote one since we read none, or someone deleted it: either way,
    // nothing of theirs to merge, and ours must not be taken for deletions.
    let mut merged = match &theirs {
        Some((_, theirs)) => merge(base, ours, &theirs.annotations),
        None => merge(base, ours, base),
    };
    refresh_anchors(article, &mut merged);
    let annotations = in_document_order(article, merged);
    let sidecar = Sidecar {
        version: version_for(&annotations),
        fingerprint: Fingerprint::of(article),
        annotations,
    };
    let unchanged = match &theirs {
        Some((_, theirs)) => *theirs == sidecar,
        None => sidecar.annotations.is_empty(),
    };
    if unchanged {
        if let Some((hash, theirs)) = theirs {
            cache.put(&path, hash, theirs);
        }
    } else {
        let text = format::to_text(&sidecar).map_err(|error| SidecarError::Io {
            path: path.clone(),
            source: io::Error::other(error),
        })?;
        atomic_file::write(&path, text.as_bytes()).map_err(|source| SidecarError::Io {
            path: path.clone(),
            source,
        })?;
        cache.put(&path, cache::hash(&text), sidecar.clone());
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

/// The most a sidecar may hold: far more than a person annotates (10,000 annotations with long
/// notes take a few megabytes), and a bound on what a link to `/dev/zero` or a runaway file costs.
pub const MAX_BYTES: u64 = 256 << 20;

/// The text of the sidecar at `path`, `None` when it does not exist; without the byte-order mark
/// some editors write. Only a regular file is read (see module `crate::regular_file`).
fn read(path: &Path) -> Result<Option<String>, SidecarError> {
    let bytes = regular_file::read(path, MAX_BYTES).map_err(|source| SidecarError::Io {
        path: path.to_owned(),
        source,
    })?;
    let Some(mut bytes) = bytes else {
        return Ok(None);
    };
    let skipped = if bytes.starts_with(BOM) { BOM.len() } else { 0 };
    bytes.drain(..skipped);
    String::from_utf8(bytes).map(Some).map_err(|error| {
        let text = String::from_utf8_lossy(error.as_bytes());
        let at = error.utf8_error().valid_up_to();
        let (line, column) = line_column(&text, at);
        SidecarError::Parse {
            path: path.to_owned(),
            line,
            column,
            message: format!("the file is not valid UTF-8 (byte {})", at + skipped),
        }
    })
}

/// The UTF-8 byte-order mark.
const BOM: &[u8] = "\u{FEFF}".as_bytes();
