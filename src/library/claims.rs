//! Claim groups in the library's files: reading the tagged units (each article and its sidecar,
//! one at a time, turned into the core's [`claims::Library`]: one column per article, with its
//! outlet; one unit per annotation, placed in the current text; what cannot be read is reported
//! and skipped), and writing a person's links, unlinks, relabels and dismissals ([`apply`]),
//! which the reading screen and `sidenote group` share.

use std::path::{Path, PathBuf};

use crate::annotation::{Annotation, AnnotationSet, ClaimLink, Timestamp};
use crate::article::Article;
use crate::claims::{self, Column, Library, links};
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

/// The members of `group` by article: each article's file (as its column names it) and the ids
/// of its annotations in the group, articles in the order of the group's members.
pub fn members_by_file(library: &Library, group: &claims::Group) -> Vec<(PathBuf, Vec<String>)> {
    let mut out: Vec<(PathBuf, Vec<String>)> = Vec::new();
    for &m in &group.members {
        let unit = &library.units[m];
        let Some(column) = library.columns.get(unit.article) else {
            continue;
        };
        let file = Path::new(&column.file);
        match out.iter_mut().find(|(f, _)| f == file) {
            Some((_, keys)) => keys.push(unit.key.clone()),
            None => out.push((file.to_owned(), vec![unit.key.clone()])),
        }
    }
    out
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

/// A change of claim groups, written through each member's sidecar (or, for a dismissal, the
/// data directory).
#[derive(Debug, Clone, PartialEq)]
pub enum ClaimEdit {
    /// Link these annotations (by file) into the group `id` with `label`.
    Link {
        /// The members: each article and its annotation ids.
        members: Vec<(PathBuf, Vec<String>)>,
        /// The group's id.
        id: String,
        /// Its label.
        label: String,
    },
    /// Give group `id`, whose members are in `files`, the label `label`.
    Relabel {
        /// The articles with members.
        files: Vec<PathBuf>,
        /// The group's id.
        id: String,
        /// The new label.
        label: String,
    },
    /// Take the annotations (by file) out of group `id`.
    Unlink {
        /// The members to take out.
        members: Vec<(PathBuf, Vec<String>)>,
        /// The group's id.
        id: String,
    },
    /// Remember that the suggestion `id` was dismissed.
    Dismiss {
        /// The suggestion's id.
        id: String,
    },
}

/// Makes a change of claim links: each member's sidecar through the normal locked save (or, for
/// a dismissal, the data directory `data`); says what was done, or the first problem (the other
/// files are still changed).
pub fn apply(edit: ClaimEdit, data: Option<&Path>, now: Timestamp) -> Result<String, String> {
    let mut problems = Vec::new();
    let mut report = |file: &Path, result: Result<bool, EditError>| {
        if let Err(error) = result {
            problems.push(format!("{}: {error}", file.display()));
        }
    };
    let done = match edit {
        ClaimEdit::Link { members, id, label } => {
            let link = ClaimLink { id, label };
            for (file, keys) in &members {
                let keys: Vec<&str> = keys.iter().map(String::as_str).collect();
                report(
                    file,
                    edit_links(file, |list| links::link(list, &keys, &link, now)),
                );
            }
            format!("linked \"{}\" in {} articles", link.label, members.len())
        }
        ClaimEdit::Relabel { files, id, label } => {
            for file in &files {
                report(
                    file,
                    edit_links(file, |list| links::relabel(list, &id, &label, now)),
                );
            }
            format!("relabelled \"{label}\" in {} articles", files.len())
        }
        ClaimEdit::Unlink { members, id } => {
            for (file, keys) in &members {
                let keys: Vec<&str> = keys.iter().map(String::as_str).collect();
                report(
                    file,
                    edit_links(file, |list| links::unlink(list, &keys, &id, now)),
                );
            }
            "unlinked from the group".to_owned()
        }
        ClaimEdit::Dismiss { id } => {
            let Some(data) = data else {
                return Err("no data directory to remember the dismissal in".to_owned());
            };
            crate::claim_dismissals::dismiss(data, &[id]).map_err(|e| e.to_string())?;
            "dismissed: this suggestion does not come back".to_owned()
        }
    };
    match problems.first() {
        None => Ok(done),
        Some(first) => Err(format!("could not change every article: {first}")),
    }
}
