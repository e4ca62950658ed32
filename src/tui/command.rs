//! What a key can ask for: the reading screen's commands, named in `assets/keymap.ron` and the
//! user's config. Only commands live here; events and the results of background work are
//! [`Action`](super::action::Action)s and [`Outcome`](super::outcome::Outcome)s, which no key
//! can name.

/// Something the user asks for by a key, as the keymap names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Command {
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
    /// Move down a page (as Space in less).
    PageDown,
    /// Move up a page (as `b` in less).
    PageUp,
    /// Move to the next annotation.
    NextAnnotation,
    /// Move to the previous annotation.
    PrevAnnotation,
    /// Focus the next pane.
    NextPane,
    /// Focus the previous pane.
    PrevPane,
    /// Focus the pane to the left, if any.
    FocusLeft,
    /// Focus the pane to the right, if any.
    FocusRight,
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
    /// Set or edit the speaker of the annotation under the cursor (or selected in the
    /// annotation pane).
    EditSpeaker,
    /// Start or end a selection of consecutive units.
    ToggleSelection,
    /// Undo the last annotation change.
    Undo,
    /// Redo the last undone annotation change.
    Redo,
    /// Search the article (filter by title in the list).
    StartSearch,
    /// Search the text and notes of every article in the library; list the hits.
    SearchLibrary,
    /// Go to the next search match.
    NextMatch,
    /// Go to the previous search match.
    PrevMatch,
    /// Export the annotations: choose a format.
    Export,
    /// Sort the article list by date, then by title.
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
    /// Compare coders' copies of the open article: walk the units where they differ.
    ShowDisagreements,
    /// The outlet-by-claim matrix: the same claims across the library's articles, conflicts.
    ShowMatrix,
    /// Review the tags the article's changes since tagging touched, one at a time.
    ReviewChanges,
    /// In the review: re-attach the tag shown to the cursor unit (or the selection).
    ReattachTag,
    /// In the review: keep the tag shown as an orphan, with the text it was made on.
    KeepOrphan,
    /// In the review: show or hide the tags that only moved.
    ToggleMoved,
    /// Show or hide the suggester's proposals.
    ToggleProposals,
    /// Move to the next unit with a proposal.
    NextProposal,
    /// Move to the previous unit with a proposal.
    PrevProposal,
    /// Accepts the proposal under the cursor.
    Accept,
    /// Rejects the proposal under the cursor; it does not come back.
    Reject,
}
