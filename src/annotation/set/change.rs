//! What one edit of an [`AnnotationSet`](super::AnnotationSet) changed: for each annotation it
//! touched, the version before and after, with its placement.
//!
//! A change holds only the annotations it touched, shared with the set rather than copied, so undo
//! costs memory in proportion to the edit, not to the article's annotations.

use std::collections::HashMap;
use std::sync::Arc;

use crate::annotation::{Annotation, Placement, Tag};

/// An annotation as the set holds it: shared, with where it sits.
pub(super) type Item = (Arc<Annotation>, Placement);

/// The annotations one edit touched, each before and after it; empty when nothing changed.
#[derive(Debug, Clone, Default)]
pub struct Change {
    entries: Vec<Entry>,
    /// Position in `entries` of each id, so that recording stays cheap however many edits a set
    /// that nobody takes changes from (a batch on the command line) accumulates.
    index: HashMap<String, usize>,
}

/// One annotation's versions around an edit; `None` where it did not exist.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Entry {
    pub(super) id: String,
    pub(super) before: Option<Item>,
    pub(super) after: Option<Item>,
}

impl Change {
    /// Whether the edit changed nothing.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// How many annotations the edit touched.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// The ids of the annotations the edit touched.
    pub fn ids(&self) -> impl Iterator<Item = &str> {
        self.entries.iter().map(|entry| entry.id.as_str())
    }

    /// Notes that the annotation `id` went from `before` to `after`. An annotation touched twice
    /// in one edit (made and then filled, or absorbed into a new one that keeps its id) keeps its
    /// first `before` and its last `after`.
    pub(super) fn record(&mut self, id: &str, before: Option<Item>, after: Option<Item>) {
        match self.index.get(id) {
            Some(&at) => self.entries[at].after = after,
            None => {
                self.index.insert(id.to_owned(), self.entries.len());
                self.entries.push(Entry {
                    id: id.to_owned(),
                    before,
                    after,
                });
            }
        }
    }

    /// The change without the annotations that ended as they started (and without its index:
    /// nothing is recorded into it any more).
    pub(super) fn settled(mut self) -> Change {
        self.entries
            .retain(|entry| !same(&entry.before, &entry.after));
        self.index = HashMap::new();
        self
    }

    /// The entries, last first: the order in which to take the edit back.
    pub(super) fn entries_backwards(&self) -> impl Iterator<Item = &Entry> {
        self.entries.iter().rev()
    }
}

impl Entry {
    /// What taking this entry back leaves of the annotation, given its version `now`: `before`
    /// when `now` is still `after` (or gone); when a merge changed it since (or brought back one
    /// the entry removed), `now` with only what the entry changed taken back (its tags added or
    /// removed, its note and speaker if nobody changed them since), so another process's tags merged into the
    /// same annotation stay. `None` when nothing is left.
    pub(super) fn taken_back(&self, now: Option<&Item>) -> Option<Item> {
        let Some((now, placement)) = now else {
            return self.before.clone();
        };
        let (after_tags, after_note, after_speaker) = match &self.after {
            Some((after, _)) if Arc::ptr_eq(now, after) || now == after => {
                return self.before.clone();
            }
            Some((after, _)) => (
                after.tags.as_slice(),
                after.note.as_str(),
                after.speaker.as_str(),
            ),
            // Removed by the entry: as if left with nothing.
            None => (&[][..], "", ""),
        };
        let before = self.before.as_ref().map(|(annotation, _)| &**annotation);
        let had = |tag: &Tag| before.is_some_and(|b| b.tags.contains(tag));
        // Where it was and who made it, as before the change; the tags and note from now.
        let mut annotation = Annotation::clone(before.unwrap_or(now));
        annotation.tags = Tag::ALL
            .into_iter()
            .filter(|tag| match (had(tag), after_tags.contains(tag)) {
                (false, true) => false,
                (true, false) => true,
                _ => now.tags.contains(tag),
            })
            .collect();
        if now.note != after_note {
            annotation.note.clone_from(&now.note);
        } else if before.is_none() {
            annotation.note.clear();
        }
        if now.speaker != after_speaker {
            annotation.speaker.clone_from(&now.speaker);
        } else if before.is_none() {
            annotation.speaker.clear();
        }
        if annotation.is_empty() {
            return None;
        }
        let placement = self
            .before
            .as_ref()
            .map_or(placement, |(_, before)| before)
            .clone();
        Some((Arc::new(annotation), placement))
    }
}

impl PartialEq for Change {
    /// Changes compare by what they record.
    fn eq(&self, other: &Change) -> bool {
        self.entries == other.entries
    }
}

/// Whether two versions are the same, without comparing the text when they are shared.
fn same(a: &Option<Item>, b: &Option<Item>) -> bool {
    match (a, b) {
        (None, None) => true,
        (Some((a, p)), Some((b, q))) => p == q && (Arc::ptr_eq(a, b) || a == b),
        _ => false,
    }
}
