//! Anchoring: building an anchor for units of an article, and finding annotations again in an
//! article that may have changed since they were made.
//!
//! Finding runs in three passes, cheapest first: the recorded position (the text and its context
//! unchanged there: anchored), then the exact quote anywhere, choosing between repeats by context
//! and then by nearness (moved), then a similar run of units (fuzzy). What is left is orphaned and
//! kept exactly as it was. Pure: no files, no clock.

mod cursor;
mod exact;
mod fuzzy;

use std::ops::Range;

use super::{Anchor, Annotation};
use crate::article::Article;
use cursor::Cursor;

/// Code points of context kept on each side of the exact text.
pub const CONTEXT: usize = 32;

/// How an annotation was found in the current article.
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// At its recorded position, text unchanged.
    Anchored,
    /// Its exact text was found elsewhere.
    Moved,
    /// A similar text was found; the user should confirm it. The score is in 0..=1.
    Fuzzy(f32),
    /// Not found: kept as it was, never dropped.
    Orphaned,
}

impl Status {
    /// The lower-case name used on the command line and in exports.
    pub fn name(self) -> &'static str {
        match self {
            Status::Anchored => "anchored",
            Status::Moved => "moved",
            Status::Fuzzy(_) => "fuzzy",
            Status::Orphaned => "orphaned",
        }
    }
}

/// Where an annotation sits in the current article.
#[derive(Debug, Clone, PartialEq)]
pub struct Placement {
    /// How it was found.
    pub status: Status,
    /// First and last unit it covers now; `None` when orphaned.
    pub units: Option<(usize, usize)>,
}

/// What one pass found for one anchor.
#[derive(Debug, Clone)]
struct Found {
    status: Status,
    units: (usize, usize),
    /// Byte range of the exact text, for anchored and moved annotations.
    bytes: Option<Range<usize>>,
}

/// The anchor for units `first..=last` of `article`, or `None` when the range is out of bounds.
pub fn anchor_for(article: &Article, first: usize, last: usize) -> Option<Anchor> {
    let units = article.units();
    let (from, to) = (units.get(first)?, units.get(last)?);
    if first > last || from.start > to.end {
        return None;
    }
    let start = article.chars().char_of_byte(article.text(), from.start);
    Some(anchor_at(article, from.start..to.end, start, (first, last)))
}

/// The anchor for the byte range `bytes` of `article`, which starts at code point `start` and
/// covers `units`.
fn anchor_at(
    article: &Article,
    bytes: Range<usize>,
    start: usize,
    units: (usize, usize),
) -> Anchor {
    let text = article.text();
    let exact = &text[bytes.clone()];
    let before = &text[..bytes.start];
    let prefix_from = before
        .char_indices()
        .rev()
        .nth(CONTEXT - 1)
        .map_or(0, |(at, _)| at);
    let after = &text[bytes.end..];
    let suffix_to = after
        .char_indices()
        .nth(CONTEXT)
        .map_or(after.len(), |(at, _)| at);
    Anchor {
        prefix: before[prefix_from..].to_owned(),
        suffix: after[..suffix_to].to_owned(),
        ..Anchor::new(exact, start, start + exact.chars().count(), units)
    }
}

/// Finds every annotation in `article`, in the order given.
pub fn place_all(article: &Article, annotations: &[Annotation]) -> Vec<Placement> {
    find_all(article, annotations)
        .into_iter()
        .map(|found| match found {
            Some(found) => Placement {
                status: found.status,
                units: Some(found.units),
            },
            None => Placement {
                status: Status::Orphaned,
                units: None,
            },
        })
        .collect()
}

/// Finds every annotation in `article` and rewrites the anchors of those found exactly (anchored
/// or moved) to match the current text, so the next search starts from where they are now (a
/// mark of a kept orphan stays). Fuzzy and orphaned annotations keep their old anchors: they stay
/// reported until someone confirms them.
pub fn refresh_anchors(article: &Article, annotations: &mut [Annotation]) -> Vec<Placement> {
    let found = find_all(article, annotations);
    let mut placements = Vec::with_capacity(found.len());
    for (annotation, found) in annotations.iter_mut().zip(found) {
        let Some(found) = found else {
            placements.push(Placement {
                status: Status::Orphaned,
                units: None,
            });
            continue;
        };
        if let Some(bytes) = found.bytes.clone() {
            let anchor = &mut annotation.anchor;
            if found.status == Status::Anchored && anchor_unchanged(article, anchor, &bytes) {
                (anchor.first_unit, anchor.last_unit) = found.units;
            } else {
                let start = article.chars().char_of_byte(article.text(), bytes.start);
                // A person's choice to keep it an orphan holds wherever its very text goes.
                let kept_orphan = anchor.kept_orphan;
                *anchor = anchor_at(article, bytes, start, found.units);
                anchor.kept_orphan = kept_orphan;
            }
        }
        placements.push(Placement {
            status: found.status,
            units: Some(found.units),
        });
    }
    placements
}

/// Re-anchors an annotation onto units `first..=last` as they stand now, as when someone confirms
/// a fuzzy match; `None` when the units do not exist.
pub fn confirm(
    article: &Article,
    annotation: &mut Annotation,
    units: (usize, usize),
) -> Option<()> {
    annotation.anchor = anchor_for(article, units.0, units.1)?;
    Some(())
}

/// Whether the stored anchor already describes `bytes` with its full context, so rewriting it
/// would change nothing but the unit hints.
fn anchor_unchanged(article: &Article, anchor: &Anchor, bytes: &Range<usize>) -> bool {
    let text = article.text();
    if !exact::context_matches_at(text, bytes.start, anchor) {
        return false;
    }
    let full_prefix =
        anchor.prefix.chars().count() == CONTEXT || anchor.prefix.len() == bytes.start;
    let full_suffix =
        anchor.suffix.chars().count() == CONTEXT || bytes.end + anchor.suffix.len() == text.len();
    full_prefix && full_suffix
}

/// The three passes over all anchors; `None` for the orphans.
fn find_all(article: &Article, annotations: &[Annotation]) -> Vec<Option<Found>> {
    let text = article.text();
    let mut found: Vec<Option<Found>> = vec![None; annotations.len()];
    let mut recorded: Vec<Option<usize>> = vec![None; annotations.len()];

    // Pass 1: the recorded position, visited in text order so one forward walk converts them all.
    let mut order: Vec<usize> = (0..annotations.len()).collect();
    if !annotations.is_sorted_by_key(|a| a.anchor.start) {
        order.sort_by_key(|&i| annotations[i].anchor.start);
    }
    let mut cursor = Cursor::new(article);
    for &i in &order {
        let anchor = &annotations[i].anchor;
        let Some(at) = cursor.byte_of_char(anchor.start) else {
            continue;
        };
        recorded[i] = Some(at);
        if exact::matches_at(text, at, anchor) && exact::context_matches_at(text, at, anchor) {
            found[i] = exact::found(article, at..at + anchor.exact.len(), Status::Anchored);
        }
    }

    // Pass 2: the exact quote elsewhere. An edit shifts everything after it by the same amount,
    // so the shift of the last annotation found is tried first, with its context, before
    // searching the whole text.
    let chars = article.chars();
    let mut shift: isize = 0;
    for &i in &order {
        let anchor = &annotations[i].anchor;
        if found[i].is_some() {
            // Found where it was: no shift here.
            shift = 0;
            continue;
        }
        let shifted = anchor
            .start
            .checked_add_signed(shift)
            .filter(|_| shift != 0)
            .and_then(|start| chars.byte_of_char(text, start))
            .filter(|&at| {
                exact::matches_at(text, at, anchor) && exact::context_matches_at(text, at, anchor)
            });
        found[i] = match shifted {
            Some(at) => exact::found(article, at..at + anchor.exact.len(), Status::Moved),
            None => exact::search(article, anchor, recorded[i]),
        };
        if let Some(Found {
            bytes: Some(bytes), ..
        }) = &found[i]
        {
            let now = chars.char_of_byte(text, bytes.start);
            shift = now as isize - anchor.start as isize;
        }
    }

    // Pass 3: a similar run of units nobody else holds, for every anchor a person did not keep
    // as an orphan (only its very text places that one again).
    if found.iter().any(Option::is_none) {
        let mut matcher = fuzzy::Matcher::new(article);
        for slot in found.iter().flatten() {
            matcher.occupy(slot.units);
        }
        for (i, annotation) in annotations.iter().enumerate() {
            if found[i].is_none() && !annotation.anchor.kept_orphan {
                found[i] = matcher.search(&annotation.anchor);
            }
        }
    }
    found
}

/// The units that overlap the byte range `bytes`, if any.
fn units_of(article: &Article, bytes: &Range<usize>) -> Option<(usize, usize)> {
    let units = article.units();
    let first = units.partition_point(|unit| unit.end <= bytes.start);
    let end = bytes.end.max(bytes.start + 1);
    let last = units
        .partition_point(|unit| unit.start < end)
        .checked_sub(1)?;
    (first <= last).then_some((first, last))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::annotation::Tag;
    use crate::article::SourceEncoding;
    use time::macros::datetime;

    const BEFORE: &str = "Title\n\nThe ministry counted 300 losses on Monday. \
        Officials gave no further details to reporters. The rest is weather.\n";

    fn article(text: &str) -> Article {
        Article::from_text("a.txt", text.to_owned(), SourceEncoding::Utf8)
    }

    /// An annotation on unit 1 of [`BEFORE`], marked as kept as an orphan or not.
    fn tagged(kept_orphan: bool) -> Annotation {
        let mut anchor = anchor_for(&article(BEFORE), 1, 1).expect("the unit exists");
        anchor.kept_orphan = kept_orphan;
        Annotation::new(
            "a",
            vec![Tag::Claim],
            anchor,
            datetime!(2025-01-13 09:00 UTC),
        )
    }

    fn status(after: &str, kept_orphan: bool) -> Status {
        place_all(&article(after), &[tagged(kept_orphan)])[0].status
    }

    #[test]
    fn a_kept_orphan_is_placed_again_where_its_very_text_stands() {
        assert_eq!(status(BEFORE, true), Status::Anchored);
        let moved = BEFORE.replace("Title\n\n", "Title\n\nA new first line.\n\n");
        assert_eq!(status(&moved, true), Status::Moved);
        assert_eq!(status(&moved, false), Status::Moved);
    }

    #[test]
    fn a_kept_orphan_never_takes_a_similar_text() {
        let edited = BEFORE.replace("300", "100");
        assert!(matches!(status(&edited, false), Status::Fuzzy(_)));
        assert_eq!(status(&edited, true), Status::Orphaned);
    }

    #[test]
    fn refreshing_a_moved_kept_orphan_keeps_the_mark_and_confirming_clears_it() {
        let moved = article(&BEFORE.replace("Title\n\n", "Title\n\nA new first line.\n\n"));
        let mut annotations = [tagged(true)];
        let placements = refresh_anchors(&moved, &mut annotations);
        assert_eq!(placements[0].status, Status::Moved);
        assert!(annotations[0].anchor.kept_orphan);
        assert_eq!(annotations[0].anchor.first_unit, 2);
        confirm(&moved, &mut annotations[0], (2, 2)).expect("the unit exists");
        assert!(!annotations[0].anchor.kept_orphan);
    }
}
