//! The reading screen's state: the library, the open document, the focused pane and the mode.
//!
//! Plain data: built and changed only by [`update`](super::update::update), read by the ui.
//! Nothing here reads files or the clock.

use super::claim_matrix::MatrixView;
use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use crate::annotation::{Annotation, AnnotationSet, Change, Snapshot, Tag, Timestamp};
use crate::article::Article;
use crate::changes::Report;
use crate::export::Format;
use crate::rejections::Rejections;
use crate::sidecar;

use super::compare::Compare;
use super::disagreements::DisagreementView;
use super::editor::Editor;
use super::keymap::{HelpLine, InputMode};
use super::library_search::HitList;
use super::outcome::SaveError;
use super::proposals::Proposals;
use super::review::ReviewView;
use super::speakers::{SpeakerPrompt, Speakers};

/// Everything the reading screen shows and remembers.
#[derive(Debug, Clone, PartialEq)]
pub struct App {
    /// The articles of the library, with their facts and tag counts.
    pub library: Library,
    /// The article being read.
    pub doc: Option<Document>,
    /// The pane that receives movement keys.
    pub focus: Pane,
    /// What the keys currently do.
    pub mode: Mode,
    /// The terminal's size in cells.
    pub size: (u16, u16),
    /// Whether the list pane is shown (on narrow screens: whether it replaces the reading pane).
    pub show_list: bool,
    /// Whether the annotation pane is shown.
    pub show_annotations: bool,
    /// The side pane a medium screen, with room for one beside the reading pane, shows when
    /// both are wanted: the one last shown by its key.
    pub side: Pane,
    /// The message shown in the status bar (errors stay until the next message).
    pub message: Option<Message>,
    /// The bindings, for the help overlay and the hints.
    pub help: Vec<HelpLine>,
    /// What was wrong with the config (a file that could not be read, a bad key or colour),
    /// each in full at the top of the help overlay: the status bar has one line for them.
    pub problems: Vec<String>,
    /// The name written into new annotations.
    pub author: String,
    /// The speakers used in the library, for the speaker prompt's completion.
    pub speakers: Speakers,
    /// The widest the reading text is drawn, in cells.
    pub reading_width: u16,
    /// The time and next annotation id, from the last `Tick`.
    pub clock: Clock,
    /// The export formats offered by `e`.
    pub export_formats: Vec<Format>,
    /// The coders' copies the disagreement view compares the open article with.
    pub compare: Compare,
    /// The article and unit to put the cursor on when that article opens: where the reader
    /// left off last time.
    pub resume: Option<(PathBuf, usize)>,
    /// The proposals rejected so far, in every article, so that they do not come back.
    pub rejected: Rejections,
    /// Set when the user quits.
    pub quit: bool,
    /// Set when a quit was held back because the open article's changes could not be saved; the
    /// next quit goes ahead.
    pub quit_warned: bool,
}

/// The time and a fresh id, given by the runtime.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Clock {
    /// The current time.
    pub now: Timestamp,
    /// An id for the next annotation made.
    pub new_id: String,
}

/// A status-bar message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    /// What to say.
    pub text: String,
    /// Whether it reports a problem.
    pub error: bool,
}

/// The three panes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pane {
    /// The article list.
    List,
    /// The reading pane.
    Reading,
    /// The annotation pane.
    Annotations,
}

/// What the keys currently do.
#[derive(Debug, Clone, PartialEq)]
pub enum Mode {
    /// Moving and tagging.
    Normal,
    /// The help overlay, scrolled by this many lines.
    Help {
        /// First line shown.
        scroll: usize,
    },
    /// Typing a search query.
    Search {
        /// The query typed so far.
        input: String,
    },
    /// Typing a query for a search of the whole library.
    LibraryQuery {
        /// The query typed so far.
        input: String,
    },
    /// The hits of a library search, one opened by Enter.
    Hits(HitList),
    /// Typing a filter for the article list.
    Filter {
        /// The filter typed so far.
        input: String,
    },
    /// Editing the note on a run of units.
    Note {
        /// The text being edited.
        editor: Editor,
        /// First and last unit of the annotation.
        units: (usize, usize),
    },
    /// Choosing an export format, for the whole (filtered) library or the open article.
    Export {
        /// Whether the export covers the library rather than the open article.
        library: bool,
        /// The highlighted format, chosen by Enter.
        selected: usize,
    },
    /// Walking the units where coders' copies differ, adopting one version.
    Disagreements(DisagreementView),
    /// The outlet-by-claim matrix over the library.
    Matrix(MatrixView),
    /// Typing the speaker of an annotation.
    Speaker(SpeakerPrompt),
    /// Settling, one at a time, the tags the article's changes touched.
    Review(ReviewView),
}

impl Mode {
    /// How keys are read in this mode: as commands, as typing, or as a list's moves.
    pub fn input_mode(&self) -> InputMode {
        match self {
            Mode::Search { .. }
            | Mode::Filter { .. }
            | Mode::Note { .. }
            | Mode::LibraryQuery { .. }
            | Mode::Speaker(_)
            | Mode::Disagreements(_) => InputMode::Text,
            Mode::Matrix(view) if view.label.is_some() => InputMode::Text,
            Mode::Export { .. } | Mode::Hits(_) | Mode::Matrix(_) => InputMode::Menu,
            Mode::Normal | Mode::Help { .. } | Mode::Review(_) => InputMode::Command,
        }
    }
}

/// How the article list is sorted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sort {
    /// By title as shown, then by outlet.
    Name,
    /// Newest first; undated last.
    Date,
}

/// One article of the library.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// The article's path.
    pub path: PathBuf,
    /// Its title (the file name until it has been read).
    pub title: String,
    /// Its date, as written.
    pub date: Option<String>,
    /// Its outlet.
    pub source: Option<String>,
    /// Claims, denials and quotes tagged in it.
    pub counts: [usize; 3],
    /// The speakers its sidecar names, each once, as read; the screen takes them into
    /// [`App::speakers`] when the entry arrives, and leaves this empty.
    pub speakers: Vec<String>,
    /// Why it could not be read, when it could not.
    pub error: Option<String>,
}

impl Entry {
    /// The outlet the list shows, which tells articles with alike titles apart: the source the
    /// article names (front matter, a byline or source line), else its file name without
    /// the extension.
    pub fn outlet(&self) -> std::borrow::Cow<'_, str> {
        match &self.source {
            Some(source) => std::borrow::Cow::Borrowed(source.as_str()),
            None => self
                .path
                .file_stem()
                .map(|name| name.to_string_lossy())
                .unwrap_or_default(),
        }
    }
}

/// The library: every article found, and how the list shows them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Library {
    /// The entries, in the order they arrived.
    pub entries: Vec<Entry>,
    /// Position in `entries` of each path.
    pub index: HashMap<PathBuf, usize>,
    /// Indices into `entries` of the shown entries, in display order.
    pub visible: Vec<usize>,
    /// Position in `visible` of the selected entry.
    pub selected: usize,
    /// The title filter.
    pub filter: String,
    /// The sort order.
    pub sort: Sort,
    /// Whether the background reading is still going.
    pub loading: bool,
    /// How many entries the background reading has filled in so far.
    pub read: usize,
}

/// Where the first row of the reading pane is: a unit, and a row inside it (row 0 is the blank
/// line before a paragraph's first unit, when there is one).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Top {
    /// The unit.
    pub unit: usize,
    /// The row inside the unit's rows.
    pub row: usize,
}

/// The saving of one document's annotations: at most one save runs at a time.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SaveState {
    /// A save is running.
    pub in_flight: bool,
    /// There are changes not yet handed to a save.
    pub dirty: bool,
    /// The last save failed: why, and when (to retry).
    pub failed: Option<(SaveError, Timestamp)>,
}

/// The search in the open article.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Search {
    /// The query (empty: no search).
    pub query: String,
    /// Units that contain it, in order.
    pub matches: Vec<usize>,
    /// Position in `matches` of the current match.
    pub current: Option<usize>,
    /// The search is still running.
    pub running: bool,
}

/// How many changes undo goes back. As in vim (`'undolevels'`): far more than anyone undoes by
/// hand, while a long session of tagging cannot grow memory without bound.
pub const UNDO_LIMIT: usize = 1000;

/// The open article and everything about reading it.
#[derive(Debug, Clone)]
pub struct Document {
    /// The article's path.
    pub path: PathBuf,
    /// The article, shared with the runtime's threads.
    pub article: Arc<Article>,
    /// The annotations, placed in the text.
    pub annotations: AnnotationSet,
    /// The annotations as last read from or written to disk, shared with the save that uses them.
    pub base: Snapshot,
    /// Why the sidecar could not be read: edits are refused so it is never overwritten.
    pub read_only: Option<String>,
    /// The cursor unit.
    pub cursor: usize,
    /// Where the selection being made started (its other end is the cursor); `None` when no
    /// selection is being made.
    pub selection_start: Option<usize>,
    /// The first row shown.
    pub top: Top,
    /// The selected row of the annotation pane.
    pub selected_annotation: usize,
    /// What each change did, oldest first, for undo; at most [`UNDO_LIMIT`].
    pub undo: Vec<Change>,
    /// What each undo did, for redo.
    pub redo: Vec<Change>,
    /// Counts changes, so a save result can tell whether it is still current.
    pub revision: u64,
    /// Saving.
    pub save: SaveState,
    /// The sidecar as this document last read or wrote it, so a save does not parse again a
    /// file nobody else changed. Lent to the save, one at a time (see [`SaveState`]); it goes
    /// when the document is closed.
    pub sidecar_cache: Arc<Mutex<sidecar::Cache>>,
    /// The search.
    pub search: Search,
    /// Set while only the head of a big article is shown and the whole file is being read:
    /// edits, search and export wait for it.
    pub loading: Option<Loading>,
    /// What changed under the tags since they were made, once the runtime has compared the
    /// text with the sidecar's fingerprint; `None` before that or when nothing changed.
    pub changes: Option<Arc<Report>>,
    /// The suggester's proposals for the units shown.
    pub proposals: Proposals,
}

/// A big article shown from its head while the whole file is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Loading {
    /// The whole file's size in bytes.
    pub size: u64,
}

impl Loading {
    /// The file's size as people read it: "105 MB", "4.2 MB", "512 KB".
    pub fn size_label(&self) -> String {
        const MB: u64 = 1_000_000;
        match self.size {
            size if size >= 10 * MB => format!("{} MB", (size + MB / 2) / MB),
            size if size >= MB => format!("{}.{} MB", size / MB, size % MB * 10 / MB),
            size => format!("{} KB", size.div_ceil(1000)),
        }
    }
}

impl PartialEq for Document {
    /// Documents compare by everything but the article text, compared by identity, and the
    /// sidecar cache, which changes nothing a person sees.
    fn eq(&self, other: &Document) -> bool {
        self.path == other.path
            && Arc::ptr_eq(&self.article, &other.article)
            && self.annotations == other.annotations
            && self.base == other.base
            && self.read_only == other.read_only
            && self.cursor == other.cursor
            && self.selection_start == other.selection_start
            && self.top == other.top
            && self.selected_annotation == other.selected_annotation
            && self.undo == other.undo
            && self.redo == other.redo
            && self.revision == other.revision
            && self.save == other.save
            && self.search == other.search
            && self.loading == other.loading
            && self.proposals == other.proposals
    }
}

impl Document {
    /// The units an edit applies to: the selection, else the cursor unit.
    pub fn target(&self) -> (usize, usize) {
        match self.selection_start {
            Some(start) => (start.min(self.cursor), start.max(self.cursor)),
            None => (self.cursor, self.cursor),
        }
    }

    /// Claims, denials and quotes in the annotations.
    pub fn counts(&self) -> [usize; 3] {
        self.annotations.tag_counts()
    }
}

/// Claims, denials and quotes among `annotations`.
pub fn count_tags<'a>(annotations: impl Iterator<Item = &'a Annotation>) -> [usize; 3] {
    let mut counts = [0; 3];
    for annotation in annotations {
        for tag in &annotation.tags {
            counts[tag_slot(*tag)] += 1;
        }
    }
    counts
}

/// The position of `tag` in count arrays.
pub fn tag_slot(tag: Tag) -> usize {
    match tag {
        Tag::Claim => 0,
        Tag::Denial => 1,
        Tag::Quote => 2,
    }
}

impl App {
    /// A fresh screen with an empty library that is still loading.
    pub fn new(author: String, help: Vec<HelpLine>, clock: Clock) -> App {
        App {
            library: Library {
                entries: Vec::new(),
                index: HashMap::new(),
                visible: Vec::new(),
                selected: 0,
                filter: String::new(),
                sort: Sort::Name,
                loading: true,
                read: 0,
            },
            doc: None,
            focus: Pane::List,
            mode: Mode::Normal,
            size: (80, 24),
            show_list: true,
            show_annotations: true,
            side: Pane::Annotations,
            message: None,
            help,
            problems: Vec::new(),
            author,
            speakers: Speakers::default(),
            reading_width: crate::config::DEFAULT_READING_WIDTH,
            clock,
            export_formats: Vec::new(),
            compare: Compare::default(),
            resume: None,
            rejected: Rejections::default(),
            quit: false,
            quit_warned: false,
        }
    }

    /// The selected library entry.
    pub fn selected_entry(&self) -> Option<&Entry> {
        let index = *self.library.visible.get(self.library.selected)?;
        self.library.entries.get(index)
    }
}
