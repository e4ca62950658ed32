//! Reading a library's tagged units for claim groups: each article and its sidecar, one at a
//! time, turned into the core's [`claims::Library`] (one column per article, with its outlet;
//! one unit per annotation, placed in the current text). What cannot be read is reported and
//! skipped; the rest is compared.

use std::path::{Path, PathBuf};

use crate::annotation::{Annotation, AnnotationSet};
use crate::article::Article;
use crate::claims::{self, Column, Library};
use crate::export::{Offsets, rows};
use crate::sidecar;

/// Reads `files` (articles, in the order given) into a library; what could not be read goes to
/// `problems` as a message naming the file.
pub fn read(files: &[PathBuf], problems: &mut Vec<String>) -> Library {
    let mut library = Library::default();
    for file in files {
        let article = match super::read_article(file) {
            Ok(article) => article,
            Err(error) => {
                problems.push(error.to_string());
                continue;
            }
        };
        let annotations = match sidecar::load(file) {
            Ok(Some(loaded)) => loaded.annotations,
            Ok(None) => Vec::new(),
            Err(error) => {
                problems.push(error.to_string());
                continue;
            }
        };
        add(&mut library, file, &article, annotations);
    }
    library
}

/// Adds one article and its annotations to `library` as a new column.
pub fn add(library: &mut Library, file: &Path, article: &Article, annotations: Vec<Annotation>) {
    let column = library.columns.len();
    let metadata = article.metadata();
    let name = file.display().to_string();
    let outlet = metadata
        .source
        .clone()
        .filter(|s| !s.trim().is_empty())
        .or_else(|| Some(metadata.title.clone()).filter(|t| !t.trim().is_empty()))
        .unwrap_or_else(|| name.clone());
    library.columns.push(Column { file: name, outlet });
    let set = AnnotationSet::new(article, annotations);
    for row in rows(article, &set, Offsets::CodePoints) {
        let annotation = row.annotation;
        library.units.push(claims::Unit {
            article: column,
            key: annotation.id.clone(),
            text: row.text.split_whitespace().collect::<Vec<_>>().join(" "),
            links: annotation
                .groups
                .iter()
                .map(|l| (l.id.clone(), l.label.clone()))
                .collect(),
            tags: annotation.tags.clone(),
            speaker: annotation.speaker.clone(),
            index: row.first_unit,
            start: row.start,
            end: row.end,
        });
    }
}

/// Why the claim links of an article could not be changed.
#[derive(Debug, thiserror::Error)]
pub enum EditError {
    /// The article could not be read.
    #[error(transparent)]
    Article(#[from] super::ReadError),
    /// Its sidecar could not be read or written.
    #[error(transparent)]
    Sidecar(#[from] sidecar::SidecarError),
}

/// Changes the annotations of the article at `file` with `edit` (one of the edits of
/// [`claims::links`]) and, when it changed something, saves them through the normal locked save,
/// whose merge keeps what another writer did meanwhile. Returns whether anything changed.
pub fn edit_links(
    file: &Path,
    edit: impl FnOnce(&mut [Annotation]) -> bool,
) -> Result<bool, EditError> {
    let article = super::read_article(file)?;
    let base = match sidecar::load(file)? {
        Some(loaded) => loaded.annotations,
        None => return Ok(false),
    };
    let mut ours = base.clone();
    if !edit(&mut ours) {
        return Ok(false);
    }
    sidecar::save(file, &article, &base, &ours)?;
    Ok(true)
}
