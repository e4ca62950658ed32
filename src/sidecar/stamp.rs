//! What tells one version of a sidecar from another without reading it: its modification time,
//! size and inode (an atomic save makes a new file, so a new inode, even within the clock's
//! resolution). The reading screen compares stamps to notice another writer cheaply.

use std::path::Path;
use std::time::SystemTime;

/// One version of a sidecar, as the file system describes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stamp {
    modified: Option<SystemTime>,
    len: u64,
    inode: u64,
}

impl Stamp {
    /// The stamp of the sidecar of the article at `article_path`; `None` when there is none.
    pub fn of(article_path: &Path) -> Option<Stamp> {
        let meta = std::fs::metadata(super::path_for(article_path)).ok()?;
        Some(Stamp {
            modified: meta.modified().ok(),
            len: meta.len(),
            inode: inode(&meta),
        })
    }
}

#[cfg(unix)]
fn inode(meta: &std::fs::Metadata) -> u64 {
    std::os::unix::fs::MetadataExt::ino(meta)
}

#[cfg(not(unix))]
fn inode(_meta: &std::fs::Metadata) -> u64 {
    0
}
