//! From coders' annotations to tables of ratings: which tags each coder gave each unit of an
//! article and whom they named as its speaker, one two-category table (tagged or not) per tag,
//! and the units where they differ (in tags, or in the speaker of a unit both tagged).
//!
//! The unit is the article's unit as `sidenote segment` numbers it. A coder's annotation counts
//! on every unit it covers where it is found in the text now; an orphaned one counts nowhere. A
//! coder who did not code an article (no copy of it) is missing on its units, not "untagged".

use std::collections::HashMap;

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
    /// The speaker named on unit `i` at index `i`: 0 for none, else one more than its index in
    /// `names`.
    pub speakers: Vec<u32>,
    /// The speakers named, as first written, in order of first use.
    pub names: Vec<String>,
    /// The same speakers as [`speaker_key`] spells them, to compare.
    pub keys: Vec<String>,
    /// Annotations not found in the text, which count on no unit.
    pub orphaned: usize,
}

/// How a speaker is compared between coders: case, surrounding and repeated spaces ignored, so
/// "NIS" and "nis " are one speaker and "Lee" and "Lee Seong-kweun" are two.
pub fn speaker_key(speaker: &str) -> String {
    speaker
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

impl Coding {
    /// The tags `annotations` put on each unit of `article`.
    pub fn of(article: &Article, annotations: &[Annotation]) -> Coding {
        let mut units = vec![TagSet::default(); article.units().len()];
        let mut speakers = vec![0; units.len()];
        let mut names: Vec<String> = Vec::new();
        let mut keys: Vec<String> = Vec::new();
        let mut numbers: HashMap<String, u32> = HashMap::new();
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
            let key = speaker_key(&annotation.speaker);
            if key.is_empty() {
                continue;
            }
            let next = u32::try_from(names.len() + 1).unwrap_or(u32::MAX);
            let name = *numbers.entry(key).or_insert_with_key(|key| {
                keys.push(key.clone());
                names.push(annotation.speaker.trim().to_owned());
                next
            });
            // Where two annotations cover a unit, the first one's speaker counts.
            for speaker in speakers.iter_mut().take(last + 1).skip(first) {
                if *speaker == 0 {
                    *speaker = name;
                }
            }
        }
        Coding {
            units,
            speakers,
            names,
            keys,
            orphaned,
        }
    }

    /// The speaker named on `unit`, as first written; `None` when none is.
    pub fn speaker(&self, unit: usize) -> Option<&str> {
        self.names
            .get(self.speaker_index(unit)?)
            .map(String::as_str)
    }

    /// The speaker named on `unit` as [`speaker_key`] spells it; `None` when none is.
    pub fn speaker_key(&self, unit: usize) -> Option<&str> {
        self.keys.get(self.speaker_index(unit)?).map(String::as_str)
    }

    fn speaker_index(&self, unit: usize) -> Option<usize> {
        let name = *self.speakers.get(unit)?;
        usize::try_from(name).ok()?.checked_sub(1)
    }

    /// Whether any unit names a speaker.
    pub fn names_speakers(&self) -> bool {
        !self.names.is_empty()
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

/// A unit where the coders who coded it gave different tags, or named different speakers on
/// it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Difference {
    /// The unit's index.
    pub unit: usize,
    /// Each coder's tags on it; `None` for a coder who did not code it.
    pub tags: Vec<Option<TagSet>>,
    /// Each coder's speaker on it, as they wrote it (empty for none); `None` for a coder who did
    /// not code it.
    pub speakers: Vec<Option<String>>,
    /// Whether two coders who both tagged the unit named different speakers.
    pub speaker_disputed: bool,
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

/// The units of one article where coders differ, in order: in their tags, or in the speakers
/// named by coders who both tagged the unit.
pub fn differences(codings: &[Option<&Coding>]) -> Vec<Difference> {
    (0..unit_count(codings))
        .filter_map(|unit| {
            let tags: Vec<Option<TagSet>> = codings
                .iter()
                .map(|coding| coding.and_then(|c| c.units.get(unit).copied()))
                .collect();
            let mut given = tags.iter().flatten();
            let first = given.next()?;
            let tags_differ = given.any(|other| other != first);
            let mut named = codings.iter().flatten().filter_map(|coding| {
                let tagged = coding.units.get(unit)? != &TagSet::default();
                tagged.then(|| coding.speaker_key(unit).unwrap_or_default())
            });
            let speaker_disputed = match named.next() {
                Some(first) => named.any(|other| other != first),
                None => false,
            };
            (tags_differ || speaker_disputed).then(|| Difference {
                unit,
                speakers: codings
                    .iter()
                    .map(|coding| {
                        let coding = coding.filter(|c| unit < c.units.len())?;
                        Some(coding.speaker(unit).unwrap_or_default().to_owned())
                    })
                    .collect(),
                tags,
                speaker_disputed,
            })
        })
        .collect()
}

/// The table of speakers over one article: for each unit, the speaker each coder who tagged it
/// named (no speaker is a value of its own), missing for a coder who did not tag it or did not
/// code the article. Categories are the speakers named anywhere in the table, so two coders who
/// name speakers nowhere give a table of one category.
pub fn speaker_ratings(codings: &[Option<&Coding>]) -> Ratings {
    let mut table = SpeakerTable::new(codings.len());
    table.add(codings);
    table.ratings()
}

/// Speaker ratings gathered over several articles, the speakers numbered across all of them.
#[derive(Debug, Clone, Default)]
pub struct SpeakerTable {
    coders: usize,
    /// The speakers' numbers: "no speaker" (the empty name) is 0.
    numbers: HashMap<String, u16>,
    cells: Vec<Option<u16>>,
}

impl SpeakerTable {
    /// An empty table for `coders` coders.
    pub fn new(coders: usize) -> SpeakerTable {
        SpeakerTable {
            coders,
            numbers: HashMap::from([(String::new(), 0)]),
            cells: Vec::new(),
        }
    }

    /// Adds the units of one article; a speaker past the 65,535th counts as missing.
    pub fn add(&mut self, codings: &[Option<&Coding>]) {
        if codings.len() != self.coders {
            return;
        }
        for unit in 0..unit_count(codings) {
            let row: Vec<Option<u16>> = codings
                .iter()
                .map(|coding| {
                    let coding = (*coding)?;
                    (*coding.units.get(unit)? != TagSet::default())
                        .then(|| self.number(coding.speaker_key(unit).unwrap_or_default()))
                        .flatten()
                })
                .collect();
            // A unit nobody tagged says nothing about speakers.
            if row.iter().any(Option::is_some) {
                self.cells.extend(row);
            }
        }
    }

    /// Whether any coder named a speaker.
    pub fn names_speakers(&self) -> bool {
        self.numbers.len() > 1
    }

    /// The table as ratings.
    pub fn ratings(&self) -> Ratings {
        let mut ratings = Ratings::new(self.coders, self.numbers.len());
        for row in self.cells.chunks(self.coders.max(1)) {
            ratings.push(row);
        }
        ratings
    }

    fn number(&mut self, speaker: &str) -> Option<u16> {
        if let Some(&number) = self.numbers.get(speaker) {
            return Some(number);
        }
        let number = u16::try_from(self.numbers.len()).ok()?;
        self.numbers.insert(speaker.to_owned(), number);
        Some(number)
    }
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
