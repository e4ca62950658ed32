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

use std::sync::Arc;

use super::{Annotation, Placement, Status, Tag, Timestamp, anchor_for, confirm, place_all};
use crate::article::Article;
use store::Store;

pub use change::Change;
pub use shared::Snapshot;

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
    /// meanwhile survive). Returns what this did, which [`revert`](Self::revert) takes back in
    /// turn: an undo's result is its redo. Changes made since the last
    /// [`take_change`](Self::take_change) are left out of the result.
    pub fn revert(&mut self, change: &Change) -> Change {
        let pending = self.store.take_change();
        for entry in change.entries_backwards() {
            if let Some(at) = self.store.find(&entry.id, entry.after.as_ref()) {
                self.store.take(at);
            }
            if let Some((annotation, placement)) = &entry.before {
                self.store.put((Arc::clone(annotation), placement.clone()));
            }
        }
        let done = self.store.take_change();
        drop(pending);
        done
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
    /// unit inside a longer annotation edits that annotation; a range that partly covers others
    /// joins them into one annotation over all their units, so no tag is lost. Returns false when
    /// the units do not exist.
    pub fn toggle_tag(
        &mut self,
        article: &Article,
        units: (usize, usize),
        tag: Tag,
        stamp: &Stamp,
    ) -> bool {
        self.edit_tags(article, units, stamp, |tags| {
            match tags.iter().position(|t| *t == tag) {
                Some(at) => {
                    tags.remove(at);
                }
                None => tags.push(tag),
            }
            true
        })
    }

    /// Adds `tag` to units `first..=last` as [`toggle_tag`](Self::toggle_tag) would, but never
    /// removes it. Returns false when the units do not exist.
    pub fn add_tag(
        &mut self,
        article: &Article,
        units: (usize, usize),
        tag: Tag,
        stamp: &Stamp,
    ) -> bool {
        self.edit_tags(article, units, stamp, |tags| {
            let missing = !tags.contains(&tag);
            if missing {
                tags.push(tag);
            }
            missing
        })
    }

    /// Applies `change` to the tags of the annotation for `units` (made if needed), keeps them
    /// sorted, stamps the annotation when `change` says it changed something, and drops it when
    /// nothing is left. Returns false when the units do not exist.
    fn edit_tags(
        &mut self,
        article: &Article,
        units: (usize, usize),
        stamp: &Stamp,
        change: impl FnOnce(&mut Vec<Tag>) -> bool,
    ) -> bool {
        let Some(index) = self.annotation_for(article, units, stamp) else {
            return false;
        };
        let mut tags = self.store.annotation(index).tags.clone();
        if change(&mut tags) {
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

    /// Sets the note of the annotation on units `first..=last`, creating one if needed. An
    /// annotation left with neither tags nor note is removed.
    pub fn set_note(
        &mut self,
        article: &Article,
        units: (usize, usize),
        note: &str,
        stamp: &Stamp,
    ) -> bool {
        let Some(index) = self.annotation_for(article, units, stamp) else {
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

    /// The positions of the placed annotations that cover any of units `first..=last`, in order.
    fn overlapping(&self, (first, last): (usize, usize)) -> Vec<usize> {
        let placements = self.store.placements();
        let placed = placements.partition_point(|p| p.units.is_some());
        let mut index = placements[..placed]
            .partition_point(|p| p.units.is_some_and(|(start, _)| start <= last));
        let mut found = Vec::new();
        // Those starting after `last` cannot touch the range; walking back, those before the
        // first whose reach falls short of `first` cannot either.
        while index > 0 && self.store.reach(index - 1) >= first {
            index -= 1;
            if placements[index].units.is_some_and(|(_, end)| first <= end) {
                found.push(index);
            }
        }
        found.reverse();
        found
    }

    /// The annotation to edit for units `first..=last`: the one covering exactly those units, or
    /// the one containing a single requested unit; else a new one over the requested units and
    /// every annotation they touch, which it absorbs (keeping the first one's identity).
    fn annotation_for(
        &mut self,
        article: &Article,
        (first, last): (usize, usize),
        stamp: &Stamp,
    ) -> Option<usize> {
        let (mut first, mut last) = (first.min(last), first.max(last));
        if let Some(index) = self.index_at_unit(first) {
            let units = self.store.placement(index).units;
            if units == Some((first, last)) || (first == last && units.is_some()) {
                return Some(index);
            }
        }
        article.units().get(last)?;
        let mut touched = self.overlapping((first, last));
        loop {
            for &i in &touched {
                if let Some((a, b)) = self.store.placement(i).units {
                    first = first.min(a);
                    last = last.max(b);
                }
            }
            let grown = self.overlapping((first, last));
            if grown.len() == touched.len() {
                break;
            }
            touched = grown;
        }
        let anchor = anchor_for(article, first, last)?;
        let mut absorbed = Annotation {
            id: self.free_id(&stamp.new_id),
            tags: Vec::new(),
            note: String::new(),
            author: stamp.author.clone(),
            created: stamp.now,
            modified: stamp.now,
            anchor,
        };
        for (n, &i) in touched.iter().enumerate() {
            let old = self.store.annotation(i);
            if n == 0 {
                absorbed.id.clone_from(&old.id);
                absorbed.author.clone_from(&old.author);
                absorbed.created = old.created;
            }
            absorbed.tags.extend(old.tags.iter().copied());
            if !old.note.is_empty() {
                if !absorbed.note.is_empty() {
                    absorbed.note.push('\n');
                }
                absorbed.note.push_str(&old.note);
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
        Some(self.store.put((Arc::new(absorbed), placement)))
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
        if annotation.tags.is_empty() && annotation.note.is_empty() {
            self.store.take(index);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use pretty_assertions::assert_eq;
    use time::macros::datetime;

    const TEXT: &str = "The first paragraph is here.\n\nThe second one follows it.\n\nA third paragraph comes next.\n\nThe fourth closes the piece.\n";

    fn article() -> Article {
        let article = Article::parse("a.txt", TEXT.as_bytes()).unwrap();
        assert_eq!(article.units().len(), 4);
        article
    }

    fn stamp(id: &str) -> Stamp {
        Stamp {
            author: "tester".into(),
            now: datetime!(2025-01-13 09:00 UTC),
            new_id: id.into(),
        }
    }

    type Row = (Option<(usize, usize)>, Vec<Tag>, String);

    fn ranges(set: &AnnotationSet) -> Vec<Row> {
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
    fn a_range_over_part_of_others_grows_to_cover_them_all() {
        let article = article();
        let mut set = AnnotationSet::new(&article, Vec::new());
        set.add_tag(&article, (0, 1), Tag::Quote, &stamp("first"));
        set.add_tag(&article, (3, 3), Tag::Denial, &stamp("last"));
        set.add_tag(&article, (1, 3), Tag::Claim, &stamp("new"));
        assert_eq!(
            ranges(&set),
            vec![(
                Some((0, 3)),
                vec![Tag::Claim, Tag::Denial, Tag::Quote],
                "first".into()
            )]
        );
    }

    #[test]
    fn overlapping_annotations_from_a_merge_are_all_found() {
        let article = article();
        let annotation = |id: &str, first, last| Annotation {
            id: id.into(),
            tags: vec![Tag::Claim],
            note: String::new(),
            author: String::new(),
            created: datetime!(2025-01-13 09:00 UTC),
            modified: datetime!(2025-01-13 09:00 UTC),
            anchor: anchor_for(&article, first, last).unwrap(),
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
}
