//! The list of annotations an [`AnnotationSet`](super::AnnotationSet) holds, shared in chunks so
//! that a snapshot for a save costs one pointer and an edit while a save still holds one copies a
//! chunk of pointers (and the list of chunks), never every annotation.

use std::sync::Arc;

use crate::annotation::Annotation;

/// A chunk growing past this many annotations splits in two. Large enough that the list of
/// chunks stays short (40 for 10,000 annotations), small enough that copying one is cheap.
const SPLIT: usize = 512;

type Chunk = Arc<Vec<Arc<Annotation>>>;

/// The annotations of a set at one moment, in document order, shared rather than copied: handing
/// them to a save costs one pointer, and the set copies a chunk only if it changes while a save
/// still holds it.
#[derive(Debug, Clone, Default)]
pub struct Snapshot {
    list: Arc<Chunks>,
}

#[derive(Debug, Clone, Default)]
struct Chunks {
    chunks: Vec<Chunk>,
    /// `starts[c]` is the position of chunk `c`'s first annotation.
    starts: Vec<usize>,
    len: usize,
}

impl Snapshot {
    /// How many annotations there are.
    pub fn len(&self) -> usize {
        self.list.len
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.list.len == 0
    }

    /// The annotations in document order.
    pub fn iter(&self) -> impl ExactSizeIterator<Item = &Annotation> {
        self.shared().map(|annotation| &**annotation)
    }

    /// The annotations, each copied.
    pub fn to_vec(&self) -> Vec<Annotation> {
        self.iter().cloned().collect()
    }

    /// A list of `annotations`, in the order given.
    pub(super) fn from_vec(annotations: Vec<Arc<Annotation>>) -> Snapshot {
        let len = annotations.len();
        let mut chunks = Vec::new();
        let mut starts = Vec::new();
        let mut rest = annotations.into_iter().peekable();
        while rest.peek().is_some() {
            starts.push(len - rest.len());
            chunks.push(Arc::new(rest.by_ref().take(SPLIT / 2).collect()));
        }
        Snapshot {
            list: Arc::new(Chunks {
                chunks,
                starts,
                len,
            }),
        }
    }

    /// The annotations, given up without copying those nobody else holds.
    pub(super) fn into_vec(self) -> Vec<Annotation> {
        let list = Arc::unwrap_or_clone(self.list);
        list.chunks
            .into_iter()
            .flat_map(Arc::unwrap_or_clone)
            .map(Arc::unwrap_or_clone)
            .collect()
    }

    /// The shared annotations in order.
    pub(super) fn shared(&self) -> Iter<'_> {
        Iter {
            chunks: self.list.chunks.iter(),
            current: [].iter(),
            remaining: self.list.len,
        }
    }

    /// The annotation at `index`, which must exist.
    pub(super) fn get(&self, index: usize) -> &Arc<Annotation> {
        let (chunk, offset) = self.list.locate(index);
        &self.list.chunks[chunk][offset]
    }

    /// The annotation at `index` to replace or change, copying what a snapshot still holds.
    pub(super) fn get_mut(&mut self, index: usize) -> &mut Arc<Annotation> {
        let list = Arc::make_mut(&mut self.list);
        let (chunk, offset) = list.locate(index);
        &mut Arc::make_mut(&mut list.chunks[chunk])[offset]
    }

    /// Inserts `annotation` at `index` (at most the length).
    pub(super) fn insert(&mut self, index: usize, annotation: Arc<Annotation>) {
        let list = Arc::make_mut(&mut self.list);
        list.len += 1;
        if list.chunks.is_empty() {
            list.chunks.push(Arc::new(vec![annotation]));
            list.starts.push(0);
            return;
        }
        let (chunk, offset) = list.locate(index);
        let items = Arc::make_mut(&mut list.chunks[chunk]);
        items.insert(offset, annotation);
        let split = (items.len() > SPLIT).then(|| items.split_off(items.len() / 2));
        for start in &mut list.starts[chunk + 1..] {
            *start += 1;
        }
        if let Some(tail) = split {
            let start = list.starts[chunk] + list.chunks[chunk].len();
            list.chunks.insert(chunk + 1, Arc::new(tail));
            list.starts.insert(chunk + 1, start);
        }
    }

    /// Removes the annotation at `index`, which must exist, and returns it.
    pub(super) fn remove(&mut self, index: usize) -> Arc<Annotation> {
        let list = Arc::make_mut(&mut self.list);
        let (chunk, offset) = list.locate(index);
        let items = Arc::make_mut(&mut list.chunks[chunk]);
        let annotation = items.remove(offset);
        let emptied = items.is_empty();
        list.len -= 1;
        for start in &mut list.starts[chunk + 1..] {
            *start -= 1;
        }
        if emptied {
            list.chunks.remove(chunk);
            list.starts.remove(chunk);
        }
        annotation
    }
}

impl Chunks {
    /// The chunk that holds position `index` and the offset in it; the end of the last chunk for
    /// the position just past the end.
    fn locate(&self, index: usize) -> (usize, usize) {
        let chunk = self
            .starts
            .partition_point(|&start| start <= index)
            .saturating_sub(1);
        (chunk, index - self.starts[chunk])
    }
}

/// Annotations read from a sidecar, shared from now on.
impl From<Vec<Annotation>> for Snapshot {
    fn from(annotations: Vec<Annotation>) -> Snapshot {
        Snapshot::from_vec(annotations.into_iter().map(Arc::new).collect())
    }
}

impl PartialEq for Snapshot {
    /// Snapshots compare by their annotations, however they are chunked.
    fn eq(&self, other: &Snapshot) -> bool {
        Arc::ptr_eq(&self.list, &other.list) || self.iter().eq(other.iter())
    }
}

/// The shared annotations of a [`Snapshot`] in order.
pub(super) struct Iter<'a> {
    chunks: std::slice::Iter<'a, Chunk>,
    current: std::slice::Iter<'a, Arc<Annotation>>,
    remaining: usize,
}

impl<'a> Iterator for Iter<'a> {
    type Item = &'a Arc<Annotation>;

    fn next(&mut self) -> Option<&'a Arc<Annotation>> {
        loop {
            if let Some(annotation) = self.current.next() {
                self.remaining -= 1;
                return Some(annotation);
            }
            self.current = self.chunks.next()?.iter();
        }
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        (self.remaining, Some(self.remaining))
    }
}

impl ExactSizeIterator for Iter<'_> {}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::annotation::{Anchor, Tag};
    use proptest::prelude::*;
    use proptest::sample::Index;
    use time::macros::datetime;

    fn annotation(n: usize) -> Arc<Annotation> {
        Arc::new(Annotation::new(
            n.to_string(),
            vec![Tag::Claim],
            Anchor::new("", 0, 0, (0, 0)),
            datetime!(2025-01-13 09:00 UTC),
        ))
    }

    fn ids<'a>(annotations: impl Iterator<Item = &'a Annotation>) -> Vec<String> {
        annotations.map(|a| a.id.clone()).collect()
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]

        /// Against a plain vector, through enough inserts to split chunks and removes to empty
        /// them; a snapshot taken on the way keeps what it saw.
        #[test]
        fn the_list_behaves_as_a_vector_and_snapshots_do_not_move(
            start in 0usize..1200,
            ops in prop::collection::vec((0usize..3, any::<Index>()), 0..1500),
            held_at in any::<Index>(),
        ) {
            let mut model: Vec<Arc<Annotation>> = (0..start).map(annotation).collect();
            let mut list = Snapshot::from_vec(model.clone());
            let held_at = held_at.index(ops.len() + 1);
            let mut held = None;
            for (n, (op, at)) in ops.iter().enumerate() {
                if n == held_at {
                    held = Some((list.clone(), ids(model.iter().map(|a| &**a))));
                }
                match op {
                    0 | 1 => {
                        let at = at.index(model.len() + 1);
                        model.insert(at, annotation(10_000 + n));
                        list.insert(at, annotation(10_000 + n));
                    }
                    _ if !model.is_empty() => {
                        let at = at.index(model.len());
                        prop_assert_eq!(&list.remove(at).id, &model.remove(at).id);
                    }
                    _ => {}
                }
                if !model.is_empty() {
                    let at = at.index(model.len());
                    prop_assert_eq!(&list.get(at).id, &model[at].id);
                }
            }
            prop_assert_eq!(list.len(), model.len());
            prop_assert_eq!(list.shared().len(), model.len());
            prop_assert_eq!(ids(list.iter()), ids(model.iter().map(|a| &**a)));
            if let Some((snapshot, seen)) = held {
                prop_assert_eq!(ids(snapshot.iter()), seen);
            }
            if let Some(first) = model.first() {
                Arc::make_mut(list.get_mut(0)).note = "changed".into();
                prop_assert_eq!(&first.note, "");
            }
            prop_assert_eq!(list.into_vec().len(), model.len());
        }
    }
}
