//! The annotations of one article with their placements, and the edits people make to them.
//!
//! Both the command line and the reading screen edit through this type, so a tag means the same
//! whichever way it was made. Times and the author are passed in: no clock, no config here.

use super::{Annotation, Placement, Status, Tag, Timestamp, anchor_for, place_all};
use crate::article::Article;

/// The annotations of one article, in document order, each with where it sits now.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct AnnotationSet {
    items: Vec<(Annotation, Placement)>,
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

impl AnnotationSet {
    /// Places `annotations` in `article` and keeps them in document order (orphans last).
    pub fn new(article: &Article, annotations: Vec<Annotation>) -> AnnotationSet {
        let placements = place_all(article, &annotations);
        let mut items: Vec<_> = annotations.into_iter().zip(placements).collect();
        items.sort_by_key(|(annotation, placement)| sort_key(annotation, placement));
        AnnotationSet { items }
    }

    /// The annotations in document order.
    pub fn annotations(&self) -> impl ExactSizeIterator<Item = &Annotation> {
        self.items.iter().map(|(annotation, _)| annotation)
    }

    /// The annotations with their placements, in document order.
    pub fn iter(&self) -> impl ExactSizeIterator<Item = (&Annotation, &Placement)> {
        self.items.iter().map(|(a, p)| (a, p))
    }

    /// How many annotations there are.
    pub fn len(&self) -> usize {
        self.items.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// The annotation at position `index` in document order.
    pub fn get(&self, index: usize) -> Option<(&Annotation, &Placement)> {
        self.items.get(index).map(|(a, p)| (a, p))
    }

    /// The position of the placed annotation that covers `unit`.
    pub fn index_at_unit(&self, unit: usize) -> Option<usize> {
        // Placed annotations are sorted by first unit and never overlap, so the candidate is the
        // last one that starts at or before `unit`.
        let placed = self.items.partition_point(|(_, p)| p.units.is_some());
        let after = self.items[..placed]
            .partition_point(|(_, p)| p.units.is_some_and(|(first, _)| first <= unit));
        let index = after.checked_sub(1)?;
        let (first, last) = self.items[index].1.units?;
        (first..=last).contains(&unit).then_some(index)
    }

    /// The tags on `unit`, empty when it has none.
    pub fn tags_at_unit(&self, unit: usize) -> &[Tag] {
        self.index_at_unit(unit)
            .map(|index| self.items[index].0.tags.as_slice())
            .unwrap_or(&[])
    }

    /// Adds `tag` to units `first..=last`, or removes it if every covered annotation has it.
    /// Returns false when the units do not exist.
    pub fn toggle_tag(
        &mut self,
        article: &Article,
        (first, last): (usize, usize),
        tag: Tag,
        stamp: &Stamp,
    ) -> bool {
        let Some(index) = self.annotation_for(article, first, last, stamp) else {
            return false;
        };
        let annotation = &mut self.items[index].0;
        if let Some(at) = annotation.tags.iter().position(|t| *t == tag) {
            annotation.tags.remove(at);
        } else {
            annotation.tags.push(tag);
            annotation.tags.sort();
        }
        annotation.modified = stamp.now;
        self.drop_if_empty(index);
        true
    }

    /// Adds `tag` to units `first..=last` (a no-op when it is already there). Returns false when
    /// the units do not exist.
    pub fn add_tag(
        &mut self,
        article: &Article,
        units: (usize, usize),
        tag: Tag,
        stamp: &Stamp,
    ) -> bool {
        if self
            .covering(units)
            .is_some_and(|i| self.items[i].0.tags.contains(&tag))
        {
            return true;
        }
        self.toggle_tag(article, units, tag, stamp)
    }

    /// Removes `tag` from the annotation on `unit`; returns whether anything changed.
    pub fn remove_tag(&mut self, unit: usize, tag: Tag, now: Timestamp) -> bool {
        let Some(index) = self.index_at_unit(unit) else {
            return false;
        };
        let annotation = &mut self.items[index].0;
        let before = annotation.tags.len();
        annotation.tags.retain(|t| *t != tag);
        if annotation.tags.len() == before {
            return false;
        }
        annotation.modified = now;
        self.drop_if_empty(index);
        true
    }

    /// Sets the note of the annotation on units `first..=last`, creating one if needed. An
    /// annotation left with neither tags nor note is removed.
    pub fn set_note(
        &mut self,
        article: &Article,
        (first, last): (usize, usize),
        note: &str,
        stamp: &Stamp,
    ) -> bool {
        let Some(index) = self.annotation_for(article, first, last, stamp) else {
            return false;
        };
        let annotation = &mut self.items[index].0;
        if annotation.note != note {
            annotation.note = note.to_owned();
            annotation.modified = stamp.now;
        }
        self.drop_if_empty(index);
        true
    }

    /// Removes the annotation at position `index`, returning it.
    pub fn remove(&mut self, index: usize) -> Option<Annotation> {
        (index < self.items.len()).then(|| self.items.remove(index).0)
    }

    /// Takes the annotations out, in document order.
    pub fn into_annotations(self) -> Vec<Annotation> {
        self.items.into_iter().map(|(a, _)| a).collect()
    }

    /// The annotation covering exactly or partly units `first..=last`.
    fn covering(&self, (first, last): (usize, usize)) -> Option<usize> {
        (first..=last).find_map(|unit| self.index_at_unit(unit))
    }

    /// The annotation to edit for units `first..=last`: the one already on `first` when it spans
    /// the same units, else a new one (annotations never overlap, so any others are absorbed).
    fn annotation_for(
        &mut self,
        article: &Article,
        first: usize,
        last: usize,
        stamp: &Stamp,
    ) -> Option<usize> {
        let (first, last) = (first.min(last), first.max(last));
        if let Some(index) = self.index_at_unit(first)
            && self.items[index].1.units == Some((first, last))
        {
            return Some(index);
        }
        let anchor = anchor_for(article, first, last)?;
        let mut absorbed = Annotation {
            id: stamp.new_id.clone(),
            tags: Vec::new(),
            note: String::new(),
            author: stamp.author.clone(),
            created: stamp.now,
            modified: stamp.now,
            anchor,
        };
        while let Some(index) = self.covering((first, last)) {
            let old = self.items.remove(index).0;
            absorbed.tags.extend(old.tags);
            if !old.note.is_empty() {
                if !absorbed.note.is_empty() {
                    absorbed.note.push('\n');
                }
                absorbed.note.push_str(&old.note);
            }
        }
        absorbed.tags.sort();
        absorbed.tags.dedup();
        let placement = Placement {
            status: Status::Anchored,
            units: Some((first, last)),
        };
        let key = sort_key(&absorbed, &placement);
        let at = self.items.partition_point(|(a, p)| sort_key(a, p) < key);
        self.items.insert(at, (absorbed, placement));
        Some(at)
    }

    fn drop_if_empty(&mut self, index: usize) {
        let (annotation, _) = &self.items[index];
        if annotation.tags.is_empty() && annotation.note.is_empty() {
            self.items.remove(index);
        }
    }
}

/// Placed annotations by first unit, then orphans by their old position.
fn sort_key(annotation: &Annotation, placement: &Placement) -> (bool, usize, usize) {
    match placement.units {
        Some((first, _)) => (false, first, 0),
        None => (true, annotation.anchor.start, annotation.anchor.end),
    }
}
