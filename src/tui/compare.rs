//! Reading coders' copies of the open article for the disagreement view: where each copy keeps
//! the article (the same path relative to the folder it was opened from) and its sidecar.
//!
//! Runs on a thread of the runtime; the view itself is built by the pure
//! [`DisagreementView::new`].

use std::path::{Path, PathBuf};

use crate::annotation::Annotation;
use crate::article::Article;
use crate::sidecar;

use super::disagreements::DisagreementView;

/// The coders' copies to compare with, and the folders or files the screen was opened on.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Compare {
    /// The paths the reading screen was opened on, to find an article's relative path.
    pub roots: Vec<PathBuf>,
    /// Each coder's copy: a folder holding the same articles at the same relative paths.
    pub copies: Vec<PathBuf>,
}

impl Compare {
    /// Where `copy` keeps the article opened from `path`.
    pub fn path_in(&self, copy: &Path, path: &Path) -> PathBuf {
        let relative = self
            .roots
            .iter()
            .filter(|root| root.as_path() != path)
            .find_map(|root| path.strip_prefix(root).ok())
            .unwrap_or_else(|| Path::new(path.file_name().unwrap_or(path.as_os_str())));
        copy.join(relative)
    }

    /// The view of the article at `path` over every copy, or a message naming the copy whose
    /// sidecar cannot be read.
    pub fn load(&self, path: &Path, article: &Article) -> Result<DisagreementView, String> {
        let mut coders: Vec<(String, Option<Vec<Annotation>>)> = Vec::new();
        for copy in &self.copies {
            let there = self.path_in(copy, path);
            let annotations = if there.is_file() {
                let loaded = sidecar::load(&there).map_err(|e| e.to_string())?;
                Some(loaded.map(|s| s.annotations).unwrap_or_default())
            } else {
                None
            };
            coders.push((copy.display().to_string(), annotations));
        }
        Ok(DisagreementView::new(article, coders))
    }
}
