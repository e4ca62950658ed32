//! From coders' annotations to tables of ratings: which tags each coder gave each unit of an
//! article, one two-category table (tagged or not) per tag, and the units where they differ.
//!
//! The unit is the article's unit as `sidenote segment` numbers it. A coder's annotation counts
//! on every unit it covers where it is found in the text now; an orphaned one counts nowhere. A
//! coder who did not code an article (no copy of it) is missing on its units, not "untagged".

use super::Ratings;
use crate::annotation::{Annotation, Tag, place_all};
use crate::article::Article;

/// The tags on one unit, as a set.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct TagSet(u8);

impl TagSet {
    /// The set of `tags`.
    pub fn of(tags: &[Tag]) -> TagSet {
        TagSet(tags.iter().fold(0, |bits, &tag| bits | bit(tag)))
    }

    /// Whether `tag` is in the set.
    pub fn contains(self, tag: Tag) -> bool {
        self.0 & bit(tag) != 0
    }

    /// The tags in display order.
    pub fn tags(self) -> impl Iterator<Item = Tag> {
        Tag::ALL.into_iter().filter(move |&tag| self.contains(tag))
    }

    fn insert_all(&mut self, other: TagSet) {
        self.0 |= other.0;
    }
}

fn bit(tag: Tag) -> u8 {
    match tag {
        Tag::Claim => 1,
        Tag::Denial => 2,
        Tag::Quote => 4,
    }
}

/// One coder's tags on every unit of an article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Coding {
    /// The tags of unit `i` at index `i`.
    pub units: Vec<TagSet>,
    /// Annotations not found in the text, which count on no unit.
    pub orphaned: usize,
}

impl Coding {
    /// The tags `annotations` put on each unit of `article`.
    pub fn of(article: &Article, annotations: &[Annotation]) -> Coding {
        let mut units = vec![TagSet::default(); article.units().len()];
        let mut orphaned = 0;
        for (annotation, placement) in annotations.iter().zip(place_all(article, annotations)) {
            let Some((first, last)) = placement.units else {
                orphaned += 1;
                continue;
            };
            let tags = TagSet::of(&annotation.tags);
            for unit in units.iter_mut().take(last + 1).skip(first) {
                unit.insert_all(tags);
            }
        }
        Coding { units, orphaned }
    }
}

/// The table for `tag` over one article: category 1 where a coder tagged the unit, 0 where they
/// did not; `None` for a coder without this article (`codings[c]` is `None`) or a unit past the
/// end of their copy.
pub fn ratings(codings: &[Option<&Coding>], tag: Tag) -> Ratings {
    let mut ratings = Ratings::new(codings.len(), 2);
    let mut row = vec![None; codings.len()];
    for unit in 0..unit_count(codings) {
        for (cell, coding) in row.iter_mut().zip(codings) {
            *cell = coding
                .and_then(|coding| coding.units.get(unit))
                .map(|tags| u16::from(tags.contains(tag)));
        }
        ratings.push(&row);
    }
    ratings
}

/// A unit where the coders who coded it gave different tags.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Difference {
    /// The unit's index.
    pub unit: usize,
    /// Each coder's tags on it; `None` for a coder who did not code it.
    pub tags: Vec<Option<TagSet>>,
}

impl Difference {
    /// The tags on which the coders differ.
    pub fn disputed(&self) -> impl Iterator<Item = Tag> + '_ {
        Tag::ALL.into_iter().filter(|&tag| {
            let mut given = self.tags.iter().flatten().map(|set| set.contains(tag));
            match given.next() {
                Some(first) => given.any(|other| other != first),
                None => false,
            }
        })
    }
}

/// The units of one article where coders differ, in order.
pub fn differences(codings: &[Option<&Coding>]) -> Vec<Difference> {
    (0..unit_count(codings))
        .filter_map(|unit| {
            let tags: Vec<Option<TagSet>> = codings
                .iter()
                .map(|coding| coding.and_then(|c| c.units.get(unit).copied()))
                .collect();
            let mut given = tags.iter().flatten();
            let first = given.next()?;
            given
                .any(|other| other != first)
                .then_some(Difference { unit, tags })
        })
        .collect()
}

/// The number of units: the longest coder's copy.
fn unit_count(codings: &[Option<&Coding>]) -> usize {
    codings
        .iter()
        .flatten()
        .map(|coding| coding.units.len())
        .max()
        .unwrap_or(0)
}
