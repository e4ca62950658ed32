//! What `update` asks the runtime to do: the only way the reading screen touches files, threads
//! or the terminal. Each effect's result comes back as an [`Action`](super::action::Action).

use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use crate::annotation::{Annotation, Snapshot};
use crate::article::Article;
use crate::export::Format;
pub use crate::library::claims::ClaimEdit;
use crate::sidecar;

/// A side effect for the runtime to run.
#[derive(Debug, Clone)]
pub enum Effect {
    /// Read the article at this path and its sidecar; answers `ArticleOpened` or `OpenFailed`.
    OpenArticle(PathBuf),
    /// Save the annotations through the sidecar module; answers `Saved` or `SaveFailed`.
    SaveSidecar {
        /// The article's path.
        path: PathBuf,
        /// The article the anchors point into.
        article: Arc<Article>,
        /// What was on disk when these edits started.
        base: Snapshot,
        /// The annotations as edited.
        ours: Snapshot,
        /// The document revision being saved.
        revision: u64,
        /// The open document's sidecar cache, which the save reads and refreshes.
        cache: Arc<Mutex<sidecar::Cache>>,
    },
    /// Find the units that contain `query`, from unit `from` on and then from the start;
    /// answers `SearchFound` with the first match as soon as it is found, then `SearchDone`.
    Search {
        /// The article's path.
        path: PathBuf,
        /// The article.
        article: Arc<Article>,
        /// What to look for (smart case: case-insensitive unless it has capitals).
        query: String,
        /// The unit the search starts from: the cursor.
        from: usize,
    },
    /// Search the text and notes of `articles` (path and label, in list order) for `query`;
    /// answers `LibraryHits` batches, the last one done.
    SearchLibrary {
        /// Which search this is, given back with its hits.
        search: String,
        /// The articles.
        articles: Vec<(PathBuf, String)>,
        /// What to look for (smart case).
        query: String,
    },
    /// Write an export of `articles` in the given format into a new file; answers `Exported`.
    Export {
        /// The format.
        format: Format,
        /// The articles, in list order.
        articles: Vec<PathBuf>,
        /// The open article as edited, used instead of its file and sidecar.
        open: Option<ExportedDoc>,
        /// What the export's file name starts with.
        name: String,
    },
    /// Give the terminal back to the shell until the user resumes.
    Suspend,
    /// Compare the open article with the fingerprint in its sidecar and, when it changed, make
    /// the change report (re-anchoring again, off the loop's thread); answers `ChangesReported`.
    ReportChanges {
        /// The article's path.
        path: PathBuf,
        /// The article as it is now.
        article: Arc<Article>,
        /// Its annotations as read.
        annotations: Snapshot,
        /// Whether some were not found where they were (moved, fuzzy, orphaned): then the
        /// report is made even when the text is the one last saved.
        unsettled: bool,
    },
    /// Keep a rejected proposal in the data directory, so that it does not come back; answers
    /// nothing, and a failure only means it may be proposed again next time.
    RejectProposal {
        /// The article's key (its fingerprint).
        article: String,
        /// The unit's text.
        unit: String,
    },
    /// Read the coders' copies of the article at `path`; answers `DisagreementsLoaded`.
    LoadDisagreements {
        /// The article's path.
        path: PathBuf,
        /// The article.
        article: Arc<Article>,
    },
    /// Work out the claim groups of the tagged articles among these; answers `MatrixLoaded`.
    LoadMatrix(Vec<PathBuf>),
    /// Change claim links in the sidecars of these articles; answers `ClaimsChanged`.
    EditClaims(ClaimEdit),
}

/// The open article with its annotations as edited, for an export.
#[derive(Debug, Clone)]
pub struct ExportedDoc {
    /// The article's path.
    pub path: PathBuf,
    /// The article.
    pub article: Arc<Article>,
    /// Its annotations, saved or not.
    pub annotations: Vec<Annotation>,
}
