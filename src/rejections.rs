//! Proposals the reader rejected on the reading screen, so that they do not come back: kept in
//! `rejected-proposals.ron` in the data directory (never in a sidecar, which holds only what
//! people tagged), keyed by the article's fingerprint and the unit's text, written atomically.
//!
//! Part of the store. A missing or unreadable file is no error: nothing is rejected yet. Another
//! window's rejections are read again before each write, so none is lost.

use std::collections::{BTreeMap, BTreeSet};
use std::io;
use std::path::Path;

use crate::article::Fingerprint;

/// The file's name in the data directory.
pub const FILE: &str = "rejected-proposals.ron";

/// Rejected proposals: for each article (by [`key`]), the texts of its units whose proposal was
/// rejected.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Rejections {
    /// Article key to unit texts.
    pub articles: BTreeMap<String, BTreeSet<String>>,
}

/// The key of an article: its fingerprint's hash and length, as `xxh3:chars`.
pub fn key(fingerprint: &Fingerprint) -> String {
    format!("{}:{}", fingerprint.xxh3, fingerprint.chars)
}

impl Rejections {
    /// Whether the proposal on the unit with text `unit` of the article `article` was rejected.
    pub fn contains(&self, article: &str, unit: &str) -> bool {
        self.articles
            .get(article)
            .is_some_and(|units| units.contains(unit))
    }

    /// Records a rejection; says whether it is new.
    pub fn insert(&mut self, article: &str, unit: &str) -> bool {
        self.articles
            .entry(article.to_owned())
            .or_default()
            .insert(unit.to_owned())
    }

    /// Whether nothing was ever rejected.
    pub fn is_empty(&self) -> bool {
        self.articles.is_empty()
    }
}

/// The rejections kept in `data`; none when the file is missing or cannot be read.
pub fn load(data: &Path) -> Rejections {
    std::fs::read_to_string(data.join(FILE))
        .ok()
        .and_then(|text| ron::from_str(&text).ok())
        .unwrap_or_default()
}

/// Adds the rejection of the proposal on unit text `unit` of article `article` to the file in
/// `data`, with what another window wrote meanwhile.
pub fn add(data: &Path, article: &str, unit: &str) -> io::Result<()> {
    let mut rejections = load(data);
    if !rejections.insert(article, unit) {
        return Ok(());
    }
    let text = ron::ser::to_string_pretty(&rejections, ron::ser::PrettyConfig::default())
        .map_err(io::Error::other)?;
    std::fs::create_dir_all(data)?;
    crate::atomic_file::write(&data.join(FILE), format!("{text}\n").as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rejections_survive_a_write_and_keep_other_windows_ones() {
        let dir = tempfile::tempdir().unwrap();
        assert!(load(dir.path()).is_empty());
        add(dir.path(), "ab:10", "The port closed.").unwrap();
        add(dir.path(), "ab:10", "The port closed.").unwrap();
        add(dir.path(), "cd:7", "\"Quoted,\" she said.").unwrap();
        let read = load(dir.path());
        assert!(read.contains("ab:10", "The port closed."));
        assert!(read.contains("cd:7", "\"Quoted,\" she said."));
        assert!(!read.contains("cd:7", "The port closed."));
        std::fs::write(dir.path().join(FILE), "not ron").unwrap();
        assert!(load(dir.path()).is_empty());
    }
}
