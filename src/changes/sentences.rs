//! Sentences added and removed between the text an article had when it was tagged and its text
//! now.
//!
//! Each unit's text as people read it is hashed; a unit of the earlier text whose hash the
//! current text does not hold (as many times) was removed, and the other way round added. Order
//! is not compared: a sentence that only moved is neither added nor removed (the tags report
//! moves). One pass over each text and a hash table, so a large article costs a few hashes per
//! unit, never a comparison of every unit with every other.

use std::collections::HashMap;

use crate::article::Article;

/// Units of the earlier text that are gone, and units of the current text that are new.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SentenceChanges {
    /// The units of the earlier text no longer in the current one (numbered in the earlier text).
    pub removed: Vec<Sentence>,
    /// The units of the current text that the earlier one did not have.
    pub added: Vec<Sentence>,
}

/// One unit added or removed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    /// Its index in the text it stands in.
    pub unit: usize,
    /// Its text as people read it.
    pub text: String,
}

impl SentenceChanges {
    /// Whether nothing was added or removed.
    pub fn is_empty(&self) -> bool {
        self.removed.is_empty() && self.added.is_empty()
    }
}

/// What was added to and removed from `earlier` to make `now`, unit by unit.
pub fn compare(earlier: &Article, now: &Article) -> SentenceChanges {
    let before = hashes(earlier);
    let after = hashes(now);
    let mut counts: HashMap<u64, isize> = HashMap::with_capacity(before.len());
    for &hash in &before {
        *counts.entry(hash).or_default() += 1;
    }
    // What the current text holds more of than the earlier one is added, first come first.
    let mut added = Vec::new();
    for (index, hash) in after.iter().enumerate() {
        let count = counts.entry(*hash).or_default();
        if *count > 0 {
            *count -= 1;
        } else {
            added.push(index);
        }
    }
    // What is left over in `counts` is removed, the last repeats first, so a unit that was
    // repeated keeps its earliest copy.
    let mut removed = Vec::new();
    for (index, hash) in before.iter().enumerate().rev() {
        if let Some(count) = counts.get_mut(hash)
            && *count > 0
        {
            *count -= 1;
            removed.push(index);
        }
    }
    removed.reverse();
    SentenceChanges {
        removed: sentences(earlier, removed),
        added: sentences(now, added),
    }
}

fn sentences(article: &Article, units: Vec<usize>) -> Vec<Sentence> {
    units
        .into_iter()
        .map(|unit| Sentence {
            unit,
            text: article.unit_text(unit).unwrap_or_default().into_owned(),
        })
        .collect()
}

/// The hash of each unit's text as people read it.
fn hashes(article: &Article) -> Vec<u64> {
    let mut buffer = String::new();
    (0..article.units().len())
        .map(|index| {
            let text = article.unit_text_in(index, &mut buffer).unwrap_or_default();
            xxhash_rust::xxh3::xxh3_64(text.as_bytes())
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::SourceEncoding;

    fn article(text: &str) -> Article {
        Article::from_text("a.txt", text.to_owned(), SourceEncoding::Utf8)
    }

    fn texts(sentences: &[Sentence]) -> Vec<&str> {
        sentences.iter().map(|s| s.text.as_str()).collect()
    }

    #[test]
    fn a_sentence_deleted_and_one_added() {
        let earlier = article("Title\n\nOne is here. Two is here. Three is here.\n");
        let now = article("Title\n\nOne is here. Three is here. Four is new.\n");
        let changes = compare(&earlier, &now);
        assert_eq!(texts(&changes.removed), ["Two is here."]);
        assert_eq!(texts(&changes.added), ["Four is new."]);
    }

    #[test]
    fn swapped_paragraphs_add_and_remove_nothing() {
        let earlier = article("Title\n\nFirst paragraph.\n\nSecond paragraph.\n");
        let now = article("Title\n\nSecond paragraph.\n\nFirst paragraph.\n");
        assert!(compare(&earlier, &now).is_empty());
    }

    #[test]
    fn a_repeated_sentence_counts_once_more() {
        let earlier = article("Title\n\nSaid once.\n\nOther words.\n");
        let now = article("Title\n\nSaid once.\n\nOther words.\n\nSaid once.\n");
        let changes = compare(&earlier, &now);
        assert!(changes.removed.is_empty());
        assert_eq!(texts(&changes.added), ["Said once."]);
    }
}
