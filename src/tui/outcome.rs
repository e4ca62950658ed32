//! What background work reports back to the reading screen: the library read, an article opened
//! (the head of a big one first), a save done or refused, a sidecar another writer changed, a
//! search's matches, a library search's hits, an export written, a suspend that could not take the terminal back. Results carry data and are never bound to a
//! key: they reach `update` inside [`Action::Outcome`](super::action::Action::Outcome).

use super::claim_matrix::MatrixView;
use std::fmt;
use std::path::PathBuf;
use std::sync::Arc;

use crate::annotation::{Annotation, Snapshot};
use crate::article::Article;
use crate::changes::Report;
use crate::sidecar::SidecarError;

use super::app::Entry;
use super::disagreements::DisagreementView;
use super::library_search::Hit;

/// The result (or the progress) of something the runtime ran for `update`.
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    /// Entries of the library, read in the background.
    LibraryLoaded {
        /// The entries read since the last batch.
        entries: Vec<Entry>,
        /// Whether the whole library has been read.
        done: bool,
    },
    /// The head of a big article, to show while the whole file is read; `ArticleOpened` or
    /// `OpenFailed` follows.
    ArticlePreview(Preview),
    /// An article was read and its sidecar loaded.
    ArticleOpened(Opened),
    /// What changed under the open article's tags since they were made: `None` when its text
    /// is the one its sidecar was saved against.
    ChangesReported {
        /// The article's path.
        path: PathBuf,
        /// The report.
        report: Option<Arc<Report>>,
    },
    /// An article could not be opened.
    OpenFailed {
        /// The article's path.
        path: PathBuf,
        /// Why.
        message: String,
    },
    /// A save finished: the annotations now on disk.
    Saved {
        /// The article's path.
        path: PathBuf,
        /// The document revision that was saved.
        revision: u64,
        /// What the sidecar holds now: the snapshot that was saved when it holds just that.
        on_disk: Snapshot,
        /// What was handed to the save: the base of the edits made while it ran.
        saved: Snapshot,
        /// The sidecar holds exactly what was handed to the save (nobody else wrote, no anchor
        /// moved), so the open annotations can stay as they are.
        as_saved: bool,
    },
    /// A save failed; the annotations stay in memory, and the save is retried when the error
    /// may pass by itself.
    SaveFailed {
        /// The article's path.
        path: PathBuf,
        /// Why, as the kind that decides whether to retry.
        error: SaveError,
    },
    /// A sidecar changed on disk, written by someone else (or by a save of this screen): what
    /// it holds now.
    SidecarChanged {
        /// The article's path.
        path: PathBuf,
        /// The annotations in the sidecar.
        annotations: Vec<Annotation>,
    },
    /// Hits of a library search, as it reads the articles.
    LibraryHits {
        /// Which search found them.
        search: String,
        /// The hits found since the last batch.
        hits: Vec<Hit>,
        /// Whether every article has been searched.
        done: bool,
        /// Whether hits were left out at the cap.
        capped: bool,
    },
    /// A search found its first match and goes on counting the rest.
    SearchFound {
        /// The article's path.
        path: PathBuf,
        /// The query searched.
        query: String,
        /// The first unit that contains it, from the cursor on.
        unit: usize,
    },
    /// A search over the article finished.
    SearchDone {
        /// The article's path.
        path: PathBuf,
        /// The query searched.
        query: String,
        /// The units that contain it, in order.
        matches: Vec<usize>,
    },
    /// An export was written (Ok: its path) or failed (Err: why).
    Exported(Result<PathBuf, String>),
    /// The screen could not be suspended, or not taken back after `fg`.
    SuspendFailed(String),
    /// The coders' versions of the article at `path`, or why they could not be read.
    DisagreementsLoaded {
        /// The article they are versions of.
        path: PathBuf,
        /// The view, or a message naming the copy that could not be read.
        view: Result<DisagreementView, String>,
    },
    /// The claim groups and their matrix, or why they could not be worked out.
    MatrixLoaded(Result<MatrixView, String>),
    /// Claim links were changed (Ok: what was done) or not (Err: why).
    ClaimsChanged(Result<String, String>),
}

/// Why a save failed, kept as the kind of problem: a full disk passes by itself and is retried,
/// a broken or newer sidecar waits for a person.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SaveError {
    /// The disk or the folder refused the write (full, read-only, gone): retried.
    Disk {
        /// The file that could not be written.
        path: PathBuf,
        /// What the operating system said.
        reason: String,
    },
    /// Another sidenote held the sidecar's lock for too long: retried.
    Locked {
        /// The lock file.
        path: PathBuf,
        /// How long the save waited.
        seconds: u64,
    },
    /// The sidecar on disk is not a valid sidecar (someone else wrote it): never overwritten,
    /// so not retried until it is fixed or moved aside.
    Unreadable {
        /// The sidecar.
        path: PathBuf,
        /// 1-based line of the problem.
        line: usize,
        /// 1-based column of the problem.
        column: usize,
        /// What is wrong.
        message: String,
    },
    /// The sidecar on disk was written by a newer sidenote: never written here.
    Newer {
        /// The sidecar.
        path: PathBuf,
        /// The format version in the file.
        version: u32,
    },
}

impl SaveError {
    /// Whether the same save may succeed later without anyone doing anything (a full disk, a
    /// busy lock), so it is tried again on its own.
    pub fn is_retried(&self) -> bool {
        match self {
            SaveError::Disk { .. } | SaveError::Locked { .. } => true,
            SaveError::Unreadable { .. } | SaveError::Newer { .. } => false,
        }
    }
}

impl From<SidecarError> for SaveError {
    fn from(error: SidecarError) -> SaveError {
        match error {
            SidecarError::Io { path, source } => SaveError::Disk {
                path,
                reason: source.to_string(),
            },
            SidecarError::Locked { path, seconds } => SaveError::Locked { path, seconds },
            SidecarError::Parse {
                path,
                line,
                column,
                message,
            } => SaveError::Unreadable {
                path,
                line,
                column,
                message,
            },
            SidecarError::Newer { path, version } => SaveError::Newer { path, version },
        }
    }
}

impl fmt::Display for SaveError {
    /// The reason before the path: the status bar is one line, and a long path would push the
    /// reason off the screen. The errors that wait for a person say what to do.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SaveError::Disk { path, reason } => write!(f, "{reason}, writing {}", path.display()),
            SaveError::Locked { path, seconds } => write!(
                f,
                "another sidenote has held the lock for {seconds} s, {}",
                path.display()
            ),
            SaveError::Unreadable {
                path,
                line,
                column,
                message,
            } => write!(
                f,
                "the sidecar is not valid ({message}, line {line}, column {column}): fix or move \
                 aside {}, then change any tag or note to save",
                path.display()
            ),
            SaveError::Newer { path, version } => write!(
                f,
                "the sidecar was written by a newer sidenote (format {version}): upgrade \
                 sidenote, or move aside {} and change any tag or note to save",
                path.display()
            ),
        }
    }
}

/// A loaded article with its sidecar, shared with the runtime without copying the text.
#[derive(Debug, Clone)]
pub struct Opened {
    /// The article's path.
    pub path: PathBuf,
    /// The article.
    pub article: Arc<Article>,
    /// The sidecar's annotations (empty when there is none).
    pub annotations: Vec<Annotation>,
    /// Why the sidecar could not be read, when it could not: the article opens read-only.
    pub sidecar_error: Option<String>,
    /// The article's key in the rejected proposals (from its fingerprint), worked out with the
    /// reading so that no key press hashes the whole text.
    pub rejections_key: String,
}

impl PartialEq for Opened {
    /// Two results are the same when they carry the same article value.
    fn eq(&self, other: &Opened) -> bool {
        self.path == other.path
            && Arc::ptr_eq(&self.article, &other.article)
            && self.annotations == other.annotations
            && self.sidecar_error == other.sidecar_error
            && self.rejections_key == other.rejections_key
    }
}

/// The head of a big article, parsed alone while the whole file is read.
#[derive(Debug, Clone)]
pub struct Preview {
    /// The article's path.
    pub path: PathBuf,
    /// The head as an article: its units are the first units of the whole file.
    pub article: Arc<Article>,
    /// The whole file's size in bytes.
    pub size: u64,
}

impl PartialEq for Preview {
    /// Two previews are the same when they carry the same article value.
    fn eq(&self, other: &Preview) -> bool {
        self.path == other.path
            && Arc::ptr_eq(&self.article, &other.article)
            && self.size == other.size
    }
}

impl Outcome {
    /// The result of a save of `ours` that left `on_disk` in the sidecar. Whether the two are the
    /// same is judged here, on the saving thread, so the screen's thread need not compare or
    /// rebuild thousands of annotations after every save.
    pub fn saved(
        path: PathBuf,
        revision: u64,
        ours: &Snapshot,
        on_disk: Vec<Annotation>,
    ) -> Outcome {
        let as_saved = on_disk.len() == ours.len() && on_disk.iter().eq(ours.iter());
        // Either way the copy read back is dropped or wrapped here, on the saving thread, not on
        // the screen's.
        let on_disk = if as_saved {
            ours.clone()
        } else {
            Snapshot::from(on_disk)
        };
        Outcome::Saved {
            path,
            revision,
            on_disk,
            saved: ours.clone(),
            as_saved,
        }
    }
}
