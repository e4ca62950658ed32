//! The annotations of one article with their placements, and the edits people make to them.
//!
//! Both the command line and the reading screen edit through this type, so a tag means the same
//! whichever way it was made. Times and the author are passed in: no clock, no config here.
//! Annotations made here never overlap, but a merge of two people's sidecars or an edited article
//! can make placed ones overlap; lookups stay correct then.
//!
//! An edit costs time in proportion to what it touches, whatever the number of annotations: each
//! one records a [`Change`] (what it touched, before and after), which is how the reading screen
//! knows whether anything changed and how it undoes and redoes without copying the set.

mod change;
mod shared;
mod store;
mod target;

use std::sync::Arc;

use super::{Annotation, Placement, Status, Tag, Timestamp, anchor_for, confirm, place_all};
use crate::article::Article;
use store::Store;

pub use change::Change;
pub use shared::Snapshot;
use target::Target;
pub use target::{Edit, Spread};

/// The annotations of one article, in document order, each with where it sits now.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct AnnotationSet {
    store: Store,
}

/// Who makes an edit and when.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stamp {
    /// The author written into new annotations.
    pub author: String,
    /// The time of the edit.
    pub now: Timestamp,
    /// The id for an annotation the edit creates.
    pub new_id: String,
}

/// `annotations` in the order an [`AnnotationSet`] of them lists them, without building one (no
/// indexes, no sharing): for writing them out.
pub fn in_document_order(article: &Article, annotations: Vec<Annotation>) -> Vec<Annotation> {
    let mut items = placed(article, annotations);
    store::sort(&mut items);
    items
        .into_iter()
        .map(|(annotation, _)| annotation)
        .collect()
}

/// `annotations` with where each sits in `article`.
fn placed(article: &Article, annotations: Vec<Annotation>) -> Vec<(Annotation, Placement)> {
    let placements = place_all(article, &annotations);
    annotations.into_iter().zip(placements).collect()
}

impl AnnotationSet {
    /// Places `annotations` in `article` and keeps them in document order (orphans last).
    pub fn new(article: &Article, annotations: Vec<Annotation>) -> AnnotationSet {
        AnnotationSet {
            store: Store::new(placed(article, annotations)),
        }
    }

    /// The annotations in document order.
    pub fn annotations(&self) -> impl ExactSizeIterator<Item = &Annotation> {
        self.store.annotations().map(|annotation| &**annotation)
    }

    /// The annotations with their placements, in document order.
    pub fn iter(&self) -> impl ExactSizeIterator<Item = (&Annotation, &Placement)> {
        self.annotations().zip(self.store.placements())
    }

    /// How many annotations there are.
    pub fn len(&self) -> usize {
        self.store.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.store.len() == 0
    }

    /// The annotation at position `index` in document order.
    pub fn get(&self, index: usize) -> Option<(&Annotation, &Placement)> {
        (index < self.len()).then(|| (self.store.annotation(index), self.store.placement(index)))
    }

    /// Claims, denials and quotes tagged, kept up to date by every edit.
    pub fn tag_counts(&self) -> [usize; 3] {
        self.store.counts()
    }

    /// The annotations as they are now, for a save on another thread; costs one pointer.
    pub fn snapshot(&self) -> Snapshot {
        self.store.snapshot()
    }

    /// What the edits since the last call changed; empty when they changed nothing. Whoever
    /// keeps a set and edits it (the reading screen) takes it after each edit.
    pub fn take_change(&mut self) -> Change {
        self.store.take_change()
    }

    /// Takes `change` back: every annotation it touched becomes again what it was before it,
    /// matched by id, and the others stay as they are (so annotations another process merged in
    /// meanwhile survive). An annotation a merge changed since keeps what the merge brought: only
    /// the tags and note the change itself made are taken back. Returns what this did, which [`revert`](Self::revert) takes back in
    /// turn: an undo's result is its redo. Changes made since the last
    /// [`take_change`](Self::take_change) are left out of the result.
    pub fn revert(&mut self, change: &Change) -> Change {
        let pending = self.store.take_change();
        for entry in change.entries_backwards() {
            let now = self
                .store
                .find(&entry.id, entry.after.as_ref())
                .or_else(|| self.folded_into(entry.after.as_ref()?))
                .map(|at| self.store.take(at));
            if let Some(item) = entry.taken_back(now.as_ref()) {
                self.store.put(item);
            }
        }
        let done = self.store.take_change();
        drop(pending);
        done
    }

    /// The position of the annotation on exactly the text of `item`, whose id is gone: a merge
    /// folded two annotations made at once on the same text into one, keeping the other's id.
    fn folded_into(&self, (annotation, placement): &change::Item) -> Option<usize> {
        let anchor = &annotation.anchor;
        self.overlapping(placement.units?).into_iter().find(|&i| {
            let other = &self.store.annotation(i).anchor;
            (other.start, other.end, &other.exact) == (anchor.start, anchor.end, &anchor.exact)
        })
    }

    /// The position of the placed annotation that covers `unit` (the latest-starting one when
    /// several overlap).
    pub fn index_at_unit(&self, unit: usize) -> Option<usize> {
        let placements = self.store.placements();
        let placed = placements.partition_point(|p| p.units.is_some());
        let mut index = placements[..placed]
            .partition_point(|p| p.units.is_some_and(|(first, _)| first <= unit));
        while index > 0 && self.store.reach(index - 1) >= unit {
            index -= 1;
            if let Some((first, last)) = placements[index].units
                && (first..=last).contains(&unit)
            {
                return Some(index);
            }
        }
        None
    }

    /// The tags on `unit`, empty when it has none.
    pub fn tags_at_unit(&self, unit: usize) -> &[Tag] {
        self.index_at_unit(unit)
            .map(|index| self.store.annotation(index).tags.as_slice())
            .unwrap_or(&[])
    }

    /// Adds `tag` to units `first..=last`, or removes it if the annotation there has it. A single
    /// unit inside a longer annotation edits that annotation; a range edits the annotation over
    /// exactly those units, and joins the others it touches only when they have just this tag (it
    /// is then added, never removed). Returns false, changing nothing, when the units do not exist
    /// or the edit would spread a tag ([`check`](Self::check) says why).
    pub fn toggle_tag(
        &mut self,
        article: &Article,
        units: (usize, usize),
        tag: Tag,
        stamp: &Stamp,
    ) -> bool {
        self.edit_tags(article, units, stamp, Edit::Toggle(tag))
    }

    /// Adds `tag` to units `first..=last` as [`toggle_tag`](Self::toggle_tag) would, but never
    /// removes it. Returns false, changing nothing, when the units do not exist or the edit would
    /// spread a tag.
    pub fn add_tag(
        &mut self,
        article: &Article,
        units: (usize, usize),
        tag: Tag,
        stamp: &Stamp,
    ) -> bool {
        self.edit_tags(article, units, stamp, Edit::Add(tag))
    }

    /// Applies `edit` to the tags of the annotation for `units` (made if needed), keeps them
    /// sorted, stamps the annotation when that changed something, and drops it when nothing is
    /// left. Returns false when the units do not exist or the edit is refused.
    fn edit_tags(
        &mut self,
        article: &Article,
        units: (usize, usize),
        stamp: &Stamp,
        edit: Edit,
    ) -> bool {
        let Some((index, joined)) = self.annotation_for(article, units, stamp, edit) else {
            return false;
        };
        let mut tags = self.store.annotation(index).tags.clone();
        // A joined annotation has the tag on units outside the selection: pressing it adds.
        let changed = match edit {
            Edit::Toggle(tag) if !joined && tags.contains(&tag) => {
                tags.retain(|&t| t != tag);
                true
            }
            Edit::Toggle(tag) | Edit::Add(tag) if !tags.contains(&tag) => {
                tags.push(tag);
                true
            }
            Edit::Toggle(_) | Edit::Add(_) | Edit::Note => false,
        };
        if changed {
            tags.sort();
            self.store.modify(index, |annotation| {
                annotation.tags = tags;
                annotation.modified = stamp.now;
            });
        }
        self.drop_if_empty(index);
        true
    }

    /// Removes `tag` from the annotation on `unit`; returns whether anything changed.
    pub fn remove_tag(&mut self, unit: usize, tag: Tag, now: Timestamp) -> bool {
        let Some(index) = self.index_at_unit(unit) else {
            return false;
        };
        if !self.store.annotation(index).tags.contains(&tag) {
            return false;
        }
        self.store.modify(index, |annotation| {
            annotation.tags.retain(|t| *t != tag);
            annotation.modified = now;
        });
        self.drop_if_empty(index);
        true
    }

    /// Sets the note of the annotation on units `first..=last`, creating one if needed (see
    /// [`note_for`](Self::note_for) for which, and the note it has). An annotation left with
    /// neither tags nor note is removed. Returns false, changing nothing, when the units do not
    /// exist or the selection touches a tagged annotation over other units.
    pub fn set_note(
        &mut self,
        article: &Article,
        units: (usize, usize),
        note: &str,
        stamp: &Stamp,
    ) -> bool {
        let Some((index, _)) = self.annotation_for(article, units, stamp, Edit::Note) else {
            return false;
        };
        if self.store.annotation(index).note != note {
            self.store.modify(index, |annotation| {
                annotation.note = note.to_owned();
                annotation.modified = stamp.now;
            });
        }
        self.drop_if_empty(index);
        true
    }

    /// Sets the speaker of the annotation at position `index` (one line: surrounding whitespace
    /// goes and line breaks become spaces); an empty speaker clears it, and an annotation left
    /// with no tag, note or speaker is removed. Returns whether anything changed; the change is
    /// recorded like any edit, so it can be undone.
    pub fn set_speaker(&mut self, index: usize, speaker: &str, now: Timestamp) -> bool {
        if index >= self.len() {
            return false;
        }
        let speaker = one_line(speaker);
        if self.store.annotation(index).speaker == speaker {
            return false;
        }
        self.store.modify(index, |annotation| {
            annotation.speaker = speaker;
            annotation.modified = now;
        });
        self.drop_if_empty(index);
        true
    }

    /// Accepts the fuzzy match of the annotation at `index`: its anchor is rewritten to the units
    /// it was found on and it counts as anchored. Returns false unless it was fuzzy.
    pub fn confirm(&mut self, article: &Article, index: usize, now: Timestamp) -> bool {
        if index >= self.len() {
            return false;
        }
        let placement = self.store.placement(index);
        let (Status::Fuzzy(_), Some(units)) = (placement.status, placement.units) else {
            return false;
        };
        let mut annotation = self.store.annotation(index).clone();
        if confirm(article, &mut annotation, units).is_none() {
            return false;
        }
        annotation.modified = now;
        // The anchor's new start may sort it elsewhere among annotations on the same units.
        self.store.take(index);
        let placement = Placement {
            status: Status::Anchored,
            units: Some(units),
        };
        self.store.put((Arc::new(annotation), placement));
        true
    }

    /// Re-anchors the annotation at `index` onto units `first..=last` as they stand now (a
    /// fuzzy match accepted, or a person putting an orphan back on a sentence): it counts as
    /// anchored there. Refused (false) when the units do not exist or another annotation holds
    /// one of them, since two annotations never share a unit.
    pub fn reattach(
        &mut self,
        article: &Article,
        index: usize,
        (first, last): (usize, usize),
        now: Timestamp,
    ) -> bool {
        if index >= self.len() || first > last || last >= article.units().len() {
            return false;
        }
        let id = self.store.annotation(index).id.clone();
        let taken = (first..=last).any(|unit| {
            self.index_at_unit(unit)
                .is_some_and(|other| self.store.annotation(other).id != id)
        });
        if taken {
            return false;
        }
        let mut annotation = self.store.annotation(index).clone();
        if confirm(article, &mut annotation, (first, last)).is_none() {
            return false;
        }
        annotation.modified = now;
        self.store.take(index);
        let placement = Placement {
            status: Status::Anchored,
            units: Some((first, last)),
        };
        self.store.put((Arc::new(annotation), placement));
        true
    }

    /// A person keeps the annotation at `index` as an orphan rather than on the similar text
    /// re-anchoring proposed: its old anchor stays, marked so that only its exact text places it
    /// again, and it counts as orphaned. Returns false when nothing changed (no such annotation,
    /// or one already kept so).
    pub fn keep_orphan(&mut self, index: usize, now: Timestamp) -> bool {
        if index >= self.len() || self.store.annotation(index).anchor.kept_orphan {
            return false;
        }
        let mut annotation = self.store.annotation(index).clone();
        annotation.anchor.kept_orphan = true;
        annotation.modified = now;
        let status = self.store.placement(index).status;
        let placement = match status {
            // Its very text is there: the mark changes nothing about where it sits.
            Status::Anchored | Status::Moved => self.store.placement(index).clone(),
            Status::Fuzzy(_) | Status::Orphaned => Placement {
                status: Status::Orphaned,
                units: None,
            },
        };
        self.store.take(index);
        self.store.put((Arc::new(annotation), placement));
        true
    }

    /// Removes the annotation at position `index`, returning it.
    pub fn remove(&mut self, index: usize) -> Option<Annotation> {
        if index >= self.len() {
            return None;
        }
        let (annotation, _) = self.store.take(index);
        Some(Arc::unwrap_or_clone(annotation))
    }

    /// Takes the annotations out, in document order.
    pub fn into_annotations(self) -> Vec<Annotation> {
        self.store.into_annotations()
    }

    /// The position of the annotation `edit` on units `first..=last` changes, and whether it was
    /// made now by joining the annotations the units touch (keeping the first one's identity);
    /// `None` when the units do not exist or the edit is refused.
    fn annotation_for(
        &mut self,
        article: &Article,
        units: (usize, usize),
        stamp: &Stamp,
        edit: Edit,
    ) -> Option<(usize, bool)> {
        let ((first, last), touched) = match self.target(units, edit).ok()? {
            Target::At(index) => return Some((index, false)),
            Target::New(units, touched) => (units, touched),
        };
        article.units().get(last)?;
        let anchor = anchor_for(article, first, last)?;
        let mut absorbed = Annotation {
            note: self.joined_notes(&touched),
            author: stamp.author.clone(),
            speaker: self.joined_speakers(&touched),
            ..Annotation::new(self.free_id(&stamp.new_id), Vec::new(), anchor, stamp.now)
        };
        for (n, &i) in touched.iter().enumerate() {
            let old = self.store.annotation(i);
            if n == 0 {
                absorbed.id.clone_from(&old.id);
                absorbed.author.clone_from(&old.author);
                absorbed.created = old.created;
            }
            absorbed.tags.extend(old.tags.iter().copied());
            for link in &old.groups {
                if !absorbed.groups.iter().any(|l| l.id == link.id) {
                    absorbed.groups.push(link.clone());
                }
            }
        }
        for &i in touched.iter().rev() {
            self.store.take(i);
        }
        absorbed.tags.sort();
        absorbed.tags.dedup();
        let placement = Placement {
            status: Status::Anchored,
            units: Some((first, last)),
        };
        Some((self.store.put((Arc::new(absorbed), placement)), true))
    }

    /// `id`, or when an annotation already has it (a caller that gave the same id twice),
    /// `id` with the first free `-n` suffix: undo, redo and merges tell annotations apart by id.
    fn free_id(&self, id: &str) -> String {
        let mut free = id.to_owned();
        let mut n = 0;
        while self.store.find(&free, None).is_some() {
            n += 1;
            free = format!("{id}-{n}");
        }
        free
    }

    fn drop_if_empty(&mut self, index: usize) {
        let annotation = self.store.annotation(index);
        if annotation.is_empty() {
            self.store.take(index);
        }
    }
}

/// `text` as a speaker: one line, without the whitespace around it.
fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;
    use pretty_assertions::assert_eq;
    use time::macros::datetime;

    const TEXT: &str = "The first paragraph is here.\n\nThe second one follows it.\n\nA third paragraph comes next.\n\nThe fourth closes the piece.\n";

    pub(super) fn article() -> Article {
        let article = Article::parse("a.txt", TEXT.as_bytes()).unwrap();
        assert_eq!(article.units().len(), 4);
        article
    }

    pub(super) fn stamp(id: &str) -> Stamp {
        Stamp {
            author: "tester".into(),
            now: datetime!(2025-01-13 09:00 UTC),
            new_id: id.into(),
        }
    }

    pub(super) type Row = (Option<(usize, usize)>, Vec<Tag>, String);

    pub(super) fn ranges(set: &AnnotationSet) -> Vec<Row> {
        set.iter()
            .map(|(a, p)| (p.units, a.tags.clone(), a.id.clone()))
            .collect()
    }

    #[test]
    fn a_single_unit_inside_a_range_edits_the_range() {
        let article = article();
        let mut set = AnnotationSet::new(&article, Vec::new());
        set.add_tag(&article, (1, 3), Tag::Quote, &stamp("r"));
        set.toggle_tag(&article, (2, 2), Tag::Claim, &stamp("new"));
        assert_eq!(
            ranges(&set),
            vec![(Some((1, 3)), vec![Tag::Claim, Tag::Quote], "r".into())]
        );
    }

    #[test]
    fn overlapping_annotations_from_a_merge_are_all_found() {
        let article = article();
        let annotation = |id: &str, first, last| {
            let anchor = anchor_for(&article, first, last).unwrap();
            Annotation::new(
                id,
                vec![Tag::Claim],
                anchor,
                datetime!(2025-01-13 09:00 UTC),
            )
        };
        let set = AnnotationSet::new(
            &article,
            vec![annotation("wide", 0, 2), annotation("narrow", 1, 1)],
        );
        let ids: Vec<Option<&str>> = (0..4)
            .map(|unit| {
                set.index_at_unit(unit)
                    .and_then(|i| set.get(i))
                    .map(|(a, _)| a.id.as_str())
            })
            .collect();
        assert_eq!(ids, vec![Some("wide"), Some("narrow"), Some("wide"), None]);
    }

    #[test]
    fn confirming_a_fuzzy_match_re_anchors_it() {
        let article = article();
        let mut annotations = AnnotationSet::new(&article, Vec::new());
        annotations.add_tag(&article, (2, 2), Tag::Claim, &stamp("x"));
        let annotations = annotations.into_annotations();
        let edited = TEXT.replace("comes next", "comes after");
        let edited = Article::parse("a.txt", edited.as_bytes()).unwrap();
        let mut set = AnnotationSet::new(&edited, annotations);
        assert!(matches!(set.get(0).unwrap().1.status, Status::Fuzzy(_)));
        assert!(set.confirm(&edited, 0, datetime!(2025-01-14 09:00 UTC)));
        let (annotation, placement) = set.get(0).unwrap();
        assert_eq!(placement.status, Status::Anchored);
        assert_eq!(annotation.anchor.exact, "A third paragraph comes after.");
        let again = AnnotationSet::new(&edited, set.into_annotations());
        assert_eq!(again.get(0).unwrap().1.status, Status::Anchored);
    }

    #[test]
    fn keeping_a_fuzzy_match_as_an_orphan_is_one_edit_undo_takes_back() {
        let article = article();
        let mut annotations = AnnotationSet::new(&article, Vec::new());
        annotations.add_tag(&article, (2, 2), Tag::Claim, &stamp("x"));
        let edited = TEXT.replace("comes next", "comes after");
        let edited = Article::parse("a.txt", edited.as_bytes()).unwrap();
        let mut set = AnnotationSet::new(&edited, annotations.into_annotations());
        let before = set.get(0).unwrap().1.clone();
        assert!(set.keep_orphan(0, datetime!(2025-01-14 09:00 UTC)));
        assert!(!set.keep_orphan(0, datetime!(2025-01-14 09:00 UTC)));
        assert_eq!(set.get(0).unwrap().1.status, Status::Orphaned);
        let again = AnnotationSet::new(&edited, set.clone().into_annotations());
        assert_eq!(again.get(0).unwrap().1.status, Status::Orphaned);
        let change = set.take_change();
        assert_eq!(change.len(), 1);
        set.revert(&change);
        assert_eq!(set.get(0).unwrap().1, &before);
        assert!(!set.get(0).unwrap().0.anchor.kept_orphan);
    }
}
