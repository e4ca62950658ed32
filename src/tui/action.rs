//! The vocabulary of the reading screen: everything a user can do, and every result that comes
//! back from the runtime, as one enum that `update` matches on.
//!
//! User actions are unit variants with snake_case names so `assets/keymap.ron` and the user's
//! config can name them; results of effects carry data and cannot be named in a keymap.

use std::path::PathBuf;
use std::sync::Arc;

use crate::annotation::{Annotation, Snapshot, Timestamp};
use crate::article::Article;

use super::app::Entry;
use super::disagreements::DisagreementView;

/// Something that happened: a key the user pressed (through the keymap) or a result.
#[derive(Debug, Clone, PartialEq, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    /// Move the cursor to the next unit (or the next item of the focused list).
    NextUnit,
    /// Move the cursor to the previous unit (or the previous item of the focused list).
    PrevUnit,
    /// Move to the first unit of the next paragraph.
    NextParagraph,
    /// Move to the first unit of the paragraph, or of the previous one.
    PrevParagraph,
    /// Move to the first unit.
    FirstUnit,
    /// Move to the last unit.
    LastUnit,
    /// Move down half a page.
    HalfPageDown,
    /// Move up half a page.
    HalfPageUp,
    /// Move to the next annotation.
    NextAnnotation,
    /// Move to the previous annotation.
    PrevAnnotation,
    /// Focus the next pane.
    NextPane,
    /// Focus the previous pane.
    PrevPane,
    /// Open the selected article (list) or edit the selected note (annotations).
    Open,
    /// Toggle the claim tag on the cursor unit or the selection.
    ToggleClaim,
    /// Toggle the denial tag on the cursor unit or the selection.
    ToggleDenial,
    /// Toggle the quote tag on the cursor unit or the selection.
    ToggleQuote,
    /// Remove the annotation under the cursor.
    RemoveAnnotation,
    /// Add or edit the note on the cursor unit or the selection.
    EditNote,
    /// Start or end a selection of consecutive units.
    ToggleSelection,
    /// Undo the last annotation change.
    Undo,
    /// Redo the last undone annotation change.
    Redo,
    /// Search the article (filter by title in the list).
    StartSearch,
    /// Go to the next search match.
    NextMatch,
    /// Go to the previous search match.
    PrevMatch,
    /// Export the annotations: choose a format.
    Export,
    /// Sort the article list by date, then by name.
    CycleSort,
    /// Show or hide the article list.
    ToggleList,
    /// Show or hide the annotation pane.
    ToggleAnnotations,
    /// Show or hide the help overlay.
    ToggleHelp,
    /// Close the overlay, cancel the selection or the search.
    Cancel,
    /// Suspend to the shell (resume with `fg`).
    Suspend,
    /// Quit sidenote.
    Quit,

    /// Typing in the search box, the filter box or the note editor.
    #[serde(skip_deserializing)]
    Input(Input),
    /// The clock and a fresh id for the next annotation, sent before every user action.
    #[serde(skip_deserializing)]
    Tick {
        /// The current time.
        now: Timestamp,
        /// An id for an annotation the next action may create.
        new_id: String,
    },
    /// The terminal has this size.
    #[serde(skip_deserializing)]
    Resize {
        /// Columns.
        width: u16,
        /// Rows.
        height: u16,
    },
    /// A mouse click at a screen cell.
    #[serde(skip_deserializing)]
    Click {
        /// Column.
        column: u16,
        /// Row.
        row: u16,
    },
    /// The mouse wheel turned over a screen cell; `down` scrolls toward the end.
    #[serde(skip_deserializing)]
    Scroll {
        /// Column.
        column: u16,
        /// Row.
        row: u16,
        /// Toward the end of the text.
        down: bool,
    },
    /// Entries of the library, read in the background.
    #[serde(skip_deserializing)]
    LibraryLoaded {
        /// The entries read since the last batch.
        entries: Vec<Entry>,
        /// Whether the whole library has been read.
        done: bool,
    },
    /// The head of a big article, to show while the whole file is read; `ArticleOpened` or
    /// `OpenFailed` follows.
    #[serde(skip_deserializing)]
    ArticlePreview(Preview),
    /// An article was read and its sidecar loaded.
    #[serde(skip_deserializing)]
    ArticleOpened(Opened),
    /// An article could not be opened.
    #[serde(skip_deserializing)]
    OpenFailed {
        /// The article's path.
        path: PathBuf,
        /// Why.
        message: String,
    },
    /// A save finished: the annotations now on disk.
    #[serde(skip_deserializing)]
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
    /// A save failed; the annotations stay in memory and the save is retried.
    #[serde(skip_deserializing)]
    SaveFailed {
        /// The article's path.
        path: PathBuf,
        /// Why.
        message: String,
    },
    /// A search found its first match and goes on counting the rest.
    #[serde(skip_deserializing)]
    SearchFound {
        /// The article's path.
        path: PathBuf,
        /// The query searched.
        query: String,
        /// The first unit that contains it, from the cursor on.
        unit: usize,
    },
    /// A search over the article finished.
    #[serde(skip_deserializing)]
    SearchDone {
        /// The article's path.
        path: PathBuf,
        /// The query searched.
        query: String,
        /// The units that contain it, in order.
        matches: Vec<usize>,
    },
    /// An export was written (Ok: its path) or failed (Err: why).
    #[serde(skip_deserializing)]
    Exported(Result<PathBuf, String>),
    /// Compare coders' copies of the open article: walk the units where they differ.
    ShowDisagreements,
    /// The coders' versions of the article at `path`, or why they could not be read.
    #[serde(skip_deserializing)]
    DisagreementsLoaded {
        /// The article they are versions of.
        path: PathBuf,
        /// The view, or a message naming the copy that could not be read.
        view: Result<DisagreementView, String>,
    },
}

/// An edit in a text box.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Input {
    /// Insert a character.
    Char(char),
    /// Insert a line break (note editor) or submit (search and filter).
    Enter,
    /// Delete the character before the cursor.
    Backspace,
    /// Delete the character under the cursor.
    Delete,
    /// Move left.
    Left,
    /// Move right.
    Right,
    /// Move up a line.
    Up,
    /// Move down a line.
    Down,
    /// Move to the start of the line.
    Home,
    /// Move to the end of the line.
    End,
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
}

impl PartialEq for Opened {
    /// Two results are the same when they carry the same article value.
    fn eq(&self, other: &Opened) -> bool {
        self.path == other.path
            && Arc::ptr_eq(&self.article, &other.article)
            && self.annotations == other.annotations
            && self.sidecar_error == other.sidecar_error
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

impl Action {
    /// The result of a save of `ours` that left `on_disk` in the sidecar. Whether the two are the
    /// same is judged here, on the saving thread, so the screen's thread need not compare or
    /// rebuild thousands of annotations after every save.
    pub fn saved(
        path: PathBuf,
        revision: u64,
        ours: &Snapshot,
        on_disk: Vec<Annotation>,
    ) -> Action {
        let as_saved = on_disk.len() == ours.len() && on_disk.iter().eq(ours.iter());
        // Either way the copy read back is dropped or wrapped here, on the saving thread, not on
        // the screen's.
        let on_disk = if as_saved {
            ours.clone()
        } else {
            Snapshot::from(on_disk)
        };
        Action::Saved {
            path,
            revision,
            on_disk,
            saved: ours.clone(),
            as_saved,
        }
    }
}
