//! The storage under an [`AnnotationSet`](super::AnnotationSet): the annotations in document order
//! with their placements, the indexes that keep lookups cheap, and the record of what changed.
//!
//! Every change goes through three primitives, [`Store::put`], [`Store::take`] and
//! [`Store::modify`], which keep the indexes and the record up to date in time proportional to the
//! change (plus moving the vectors' tails), never by walking every annotation.

use std::collections::HashMap;
use std::sync::Arc;

use super::change::{Change, Item};
use super::shared::{Iter, Snapshot};
use crate::annotation::{Annotation, Placement};

/// Annotations sorted by [`sort_key`], with their placements and indexes.
#[derive(Debug, Clone, Default)]
pub(super) struct Store {
    annotations: Snapshot,
    placements: Vec<Placement>,
    /// `reach[i]` is the furthest last unit among the placed items `0..=i`, so a lookup can stop
    /// walking back as soon as nothing earlier can reach the unit.
    reach: Vec<usize>,
    /// How many annotations have an id of each hash, to tell at once that an id is absent.
    ids: HashMap<u64, u32>,
    /// Tags of each kind, in [`Tag::ALL`](crate::annotation::Tag::ALL) order.
    counts: [usize; 3],
    /// What changed since the last [`Store::take_change`].
    journal: Change,
}

/// The order of a set: placed annotations by their units, then orphans by their old position; the
/// id keeps the order total so equal states always list the same way.
pub(super) type Key<'a> = (bool, usize, usize, usize, &'a str);

/// Where `annotation` sorts, placed as `placement`.
pub(super) fn sort_key<'a>(annotation: &'a Annotation, placement: &Placement) -> Key<'a> {
    match placement.units {
        Some((first, last)) => (false, first, last, annotation.anchor.start, &annotation.id),
        None => (
            true,
            annotation.anchor.start,
            annotation.anchor.end,
            0,
            &annotation.id,
        ),
    }
}

/// Sorts `items` by [`sort_key`].
pub(super) fn sort(items: &mut [(Annotation, Placement)]) {
    items.sort_by(|(a, p), (b, q)| sort_key(a, p).cmp(&sort_key(b, q)));
}

impl Store {
    /// A store of `items`, sorted here.
    pub(super) fn new(mut items: Vec<(Annotation, Placement)>) -> Store {
        sort(&mut items);
        let mut store = Store {
            ids: HashMap::with_capacity(items.len()),
            ..Store::default()
        };
        let (annotations, placements): (Vec<_>, Vec<_>) =
            items.into_iter().map(|(a, p)| (Arc::new(a), p)).unzip();
        let mut furthest = 0;
        store.reach = placements
            .iter()
            .map(|placement| {
                furthest = furthest.max(last_unit(placement));
                furthest
            })
            .collect();
        for annotation in &annotations {
            *store.ids.entry(id_hash(&annotation.id)).or_default() += 1;
            count(&mut store.counts, annotation, 1);
        }
        store.annotations = Snapshot::from_vec(annotations);
        store.placements = placements;
        store
    }

    pub(super) fn len(&self) -> usize {
        self.placements.len()
    }

    pub(super) fn annotation(&self, index: usize) -> &Annotation {
        self.annotations.get(index)
    }

    pub(super) fn placement(&self, index: usize) -> &Placement {
        &self.placements[index]
    }

    pub(super) fn annotations(&self) -> Iter<'_> {
        self.annotations.shared()
    }

    pub(super) fn placements(&self) -> &[Placement] {
        &self.placements
    }

    pub(super) fn reach(&self, index: usize) -> usize {
        self.reach[index]
    }

    pub(super) fn counts(&self) -> [usize; 3] {
        self.counts
    }

    pub(super) fn snapshot(&self) -> Snapshot {
        self.annotations.clone()
    }

    /// The annotations, given up without copying those nobody else holds.
    pub(super) fn into_annotations(self) -> Vec<Annotation> {
        self.annotations.into_vec()
    }

    /// How many items sort before `key`.
    pub(super) fn position_for(&self, key: &Key) -> usize {
        let (mut low, mut high) = (0, self.len());
        while low < high {
            let middle = low + (high - low) / 2;
            if sort_key(self.annotations.get(middle), &self.placements[middle]) < *key {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        low
    }

    /// The position of the annotation `id`, looked for first where `expected` would sort (so the
    /// usual case costs a binary search) and only then everywhere.
    pub(super) fn find(&self, id: &str, expected: Option<&Item>) -> Option<usize> {
        if let Some((annotation, placement)) = expected {
            let at = self.position_for(&sort_key(annotation, placement));
            if at < self.len() && self.annotations.get(at).id == id {
                return Some(at);
            }
        }
        if !self.ids.contains_key(&id_hash(id)) {
            return None;
        }
        self.annotations.iter().position(|a| a.id == id)
    }

    /// Inserts `item` where it sorts; returns its position.
    pub(super) fn put(&mut self, item: Item) -> usize {
        let (annotation, placement) = item;
        let at = self.position_for(&sort_key(&annotation, &placement));
        let last = last_unit(&placement);
        let before = at.checked_sub(1).map_or(0, |i| self.reach[i]);
        self.reach.insert(at, before.max(last));
        // Later items reach at least as far as the new one now; the prefix maxima are sorted, so
        // the walk stops at the first that already did.
        for reach in &mut self.reach[at + 1..] {
            if *reach >= last {
                break;
            }
            *reach = last;
        }
        *self.ids.entry(id_hash(&annotation.id)).or_default() += 1;
        count(&mut self.counts, &annotation, 1);
        let id = annotation.id.clone();
        self.journal.record(
            &id,
            None,
            Some((Arc::clone(&annotation), placement.clone())),
        );
        self.annotations.insert(at, annotation);
        self.placements.insert(at, placement);
        at
    }

    /// Removes the item at `index` and returns it.
    pub(super) fn take(&mut self, index: usize) -> Item {
        let annotation = self.annotations.remove(index);
        let placement = self.placements.remove(index);
        self.reach.remove(index);
        // Recompute the prefix maxima after the gap until they agree with the old ones again.
        let mut furthest = index.checked_sub(1).map_or(0, |i| self.reach[i]);
        for i in index..self.reach.len() {
            furthest = furthest.max(last_unit(&self.placements[i]));
            if self.reach[i] == furthest {
                break;
            }
            self.reach[i] = furthest;
        }
        let hash = id_hash(&annotation.id);
        if let Some(n) = self.ids.get_mut(&hash) {
            *n -= 1;
            if *n == 0 {
                self.ids.remove(&hash);
            }
        }
        count(&mut self.counts, &annotation, -1);
        let item = (annotation, placement);
        self.journal.record(&item.0.id, Some(item.clone()), None);
        item
    }

    /// Applies `change` to the annotation at `index`, which must keep its id and where it sorts
    /// (tags, note, times).
    pub(super) fn modify(&mut self, index: usize, change: impl FnOnce(&mut Annotation)) {
        let before = (
            Arc::clone(self.annotations.get(index)),
            self.placements[index].clone(),
        );
        count(&mut self.counts, &before.0, -1);
        let annotation = self.annotations.get_mut(index);
        // The journal holds the old version, so this copies the one annotation before changing it.
        change(Arc::make_mut(annotation));
        let after = (Arc::clone(annotation), before.1.clone());
        count(&mut self.counts, &after.0, 1);
        debug_assert_eq!(before.0.id, after.0.id);
        let id = after.0.id.clone();
        self.journal.record(&id, Some(before), Some(after));
    }

    /// What changed since the last call, without the annotations that ended as they started.
    pub(super) fn take_change(&mut self) -> Change {
        std::mem::take(&mut self.journal).settled()
    }
}

impl PartialEq for Store {
    /// Stores compare by their annotations and placements; indexes and the journal follow.
    fn eq(&self, other: &Store) -> bool {
        self.annotations == other.annotations && self.placements == other.placements
    }
}

fn last_unit(placement: &Placement) -> usize {
    placement.units.map_or(0, |(_, last)| last)
}

fn id_hash(id: &str) -> u64 {
    xxhash_rust::xxh3::xxh3_64(id.as_bytes())
}

/// Adds (`sign` 1) or removes (`sign` -1) the tags of `annotation` from `counts`.
fn count(counts: &mut [usize; 3], annotation: &Annotation, sign: isize) {
    for &tag in &annotation.tags {
        let slot = &mut counts[tag as usize];
        *slot = slot.saturating_add_signed(sign);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::annotation::{Anchor, Status};
    use proptest::prelude::*;
    use time::macros::datetime;

    fn item(id: usize, units: Option<(usize, usize)>) -> Item {
        let annotation = Annotation::new(
            format!("{id:04}"),
            vec![crate::annotation::Tag::ALL[id % 3]],
            Anchor::new("", id, id, (0, 0)),
            datetime!(2025-01-13 09:00 UTC),
        );
        let status = if units.is_some() {
            Status::Anchored
        } else {
            Status::Orphaned
        };
        (Arc::new(annotation), Placement { status, units })
    }

    /// The prefix maxima computed afresh, as `Store::new` does.
    fn fresh_reach(store: &Store) -> Vec<usize> {
        let mut furthest = 0;
        store
            .placements()
            .iter()
            .map(|p| {
                furthest = furthest.max(last_unit(p));
                furthest
            })
            .collect()
    }

    fn units() -> impl Strategy<Value = Option<(usize, usize)>> {
        prop::option::weighted(0.9, (0usize..40, 0usize..8).prop_map(|(f, n)| (f, f + n)))
    }

    proptest! {
        #[test]
        fn the_reach_index_stays_what_a_fresh_walk_gives(
            start in prop::collection::vec(units(), 0..12),
            ops in prop::collection::vec((any::<bool>(), units(), any::<prop::sample::Index>()), 1..30),
        ) {
            let items = start
                .iter()
                .enumerate()
                .map(|(n, units)| {
                    let (a, p) = item(n, *units);
                    (Arc::unwrap_or_clone(a), p)
                })
                .collect();
            let mut store = Store::new(items);
            prop_assert_eq!(&store.reach, &fresh_reach(&store));
            for (n, (add, units, at)) in ops.into_iter().enumerate() {
                if add || store.len() == 0 {
                    store.put(item(100 + n, units));
                } else {
                    store.take(at.index(store.len()));
                }
                prop_assert_eq!(&store.reach, &fresh_reach(&store));
                let keys: Vec<_> = (0..store.len())
                    .map(|i| sort_key(store.annotation(i), store.placement(i)))
                    .collect();
                prop_assert!(keys.is_sorted());
            }
        }
    }
}
