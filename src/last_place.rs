//! Where the reader left off: the last article open and its cursor unit, kept in
//! `last-place.ron` in the data directory (never in the config) and written atomically, so
//! `sidenote` reopens there as newsboat and editors do.
//!
//! Part of the store. A missing, unreadable or stale file is no error: the screen opens as on
//! a first run.

use std::io;
use std::path::{Path, PathBuf};

/// The file's name in the data directory.
pub const FILE: &str = "last-place.ron";

/// An article and the unit the cursor was on.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Place {
    /// The article, as an absolute path.
    pub article: PathBuf,
    /// The cursor unit.
    pub unit: usize,
}

/// The place saved in `data`, when its article still exists under one of `paths` (the folders
/// or files the screen opens on).
pub fn resume(data: &Path, paths: &[PathBuf]) -> Option<Place> {
    let text = std::fs::read_to_string(data.join(FILE)).ok()?;
    let place: Place = ron::from_str(&text).ok()?;
    let article = std::fs::canonicalize(&place.article).ok()?;
    let inside = paths
        .iter()
        .any(|path| std::fs::canonicalize(path).is_ok_and(|root| article.starts_with(root)));
    inside.then_some(Place {
        article,
        unit: place.unit,
    })
}

/// Saves `unit` of `article` as the place to reopen, in `data`.
pub fn save(data: &Path, article: &Path, unit: usize) -> io::Result<()> {
    let place = Place {
        article: std::fs::canonicalize(article)?,
        unit,
    };
    let text = ron::to_string(&place).map_err(io::Error::other)?;
    std::fs::create_dir_all(data)?;
    crate::atomic_file::write(&data.join(FILE), format!("{text}\n").as_bytes())
}
