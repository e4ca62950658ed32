//! Finding an anchor's exact text: at its recorded position, or anywhere, choosing between repeats
//! by how well the text around each one matches the stored context.

use std::ops::Range;

use super::{CONTEXT, Found, Status, units_of};
use crate::annotation::Anchor;
use crate::article::Article;

/// Occurrences scored before giving up on a quote that repeats absurdly often.
const MAX_OCCURRENCES: usize = 10_000;

/// Whether the exact text stands at byte `at`.
pub(super) fn matches_at(text: &str, at: usize, anchor: &Anchor) -> bool {
    !anchor.exact.is_empty()
        && text
            .get(at..)
            .is_some_and(|rest| rest.starts_with(&anchor.exact))
}

/// Whether the stored prefix and suffix surround the exact text placed at byte `at`. A context
/// shorter than [`CONTEXT`] reached the start or the end of the text when it was taken, so the
/// text must still start or end there: a copy of the last sentence placed before it (a pull
/// quote) is followed by more than the stored line end, and is not taken for it.
pub(super) fn context_matches_at(text: &str, at: usize, anchor: &Anchor) -> bool {
    let end = at + anchor.exact.len();
    let (Some(before), Some(after)) = (text.get(..at), text.get(end..)) else {
        return false;
    };
    let prefix_ok = if reaches_edge(&anchor.prefix) {
        before == anchor.prefix
    } else {
        before.ends_with(&anchor.prefix)
    };
    let suffix_ok = if reaches_edge(&anchor.suffix) {
        after == anchor.suffix
    } else {
        after.starts_with(&anchor.suffix)
    };
    prefix_ok && suffix_ok
}

/// Whether a stored context is shorter than [`CONTEXT`], so reached the edge of the text.
fn reaches_edge(context: &str) -> bool {
    context.chars().count() < CONTEXT
}

/// A find of the byte range `bytes` with `status`, or `None` when it covers no unit.
pub(super) fn found(article: &Article, bytes: Range<usize>, status: Status) -> Option<Found> {
    let units = units_of(article, &bytes)?;
    Some(Found {
        status,
        units,
        bytes: Some(bytes),
    })
}

/// The best occurrence of the exact text anywhere in the article: anchored when it is the one at
/// the recorded byte `recorded`, moved otherwise.
pub(super) fn search(article: &Article, anchor: &Anchor, recorded: Option<usize>) -> Option<Found> {
    if anchor.exact.is_empty() {
        return None;
    }
    let text = article.text();
    let scored: Vec<(f64, usize)> =
        memchr::memmem::find_iter(text.as_bytes(), anchor.exact.as_bytes())
            .take(MAX_OCCURRENCES)
            .map(|at| (score(article, at, anchor), at))
            .collect();
    let top = scored
        .iter()
        .map(|&(score, _)| score)
        .fold(f64::NEG_INFINITY, f64::max);
    // Among the best, the occurrence nearest the old position wins.
    let at = scored
        .iter()
        .filter(|&&(score, _)| score >= top - 1e-9)
        .map(|&(_, at)| at)
        .min_by_key(|&at| distance(article, at, anchor.start))?;
    let status = if Some(at) == recorded {
        Status::Anchored
    } else {
        Status::Moved
    };
    found(article, at..at + anchor.exact.len(), status)
}

/// How well the occurrence at byte `at` fits: context similarity on each side (0..=2), plus one
/// when it starts and ends on unit boundaries as every anchor is made.
fn score(article: &Article, at: usize, anchor: &Anchor) -> f64 {
    let text = article.text();
    let end = at + anchor.exact.len();
    // A context that reached an edge of the text is compared with as much as a full one, so an
    // occurrence that no longer stands at that edge scores lower.
    let before = last_chars(&text[..at], context_len(&anchor.prefix));
    let after = first_chars(&text[end..], context_len(&anchor.suffix));
    let units = article.units();
    let aligned = units.binary_search_by_key(&at, |unit| unit.start).is_ok()
        && units.binary_search_by_key(&end, |unit| unit.end).is_ok();
    similarity(&anchor.prefix, before)
        + similarity(&anchor.suffix, after)
        + f64::from(u8::from(aligned))
}

/// How many code points of the current text to compare with a stored context.
fn context_len(context: &str) -> usize {
    if reaches_edge(context) {
        CONTEXT
    } else {
        context.chars().count()
    }
}

fn similarity(stored: &str, now: &str) -> f64 {
    if stored == now {
        1.0
    } else {
        strsim::normalized_levenshtein(stored, now)
    }
}

/// Code points between the occurrence at byte `at` and the recorded start.
fn distance(article: &Article, at: usize, recorded_start: usize) -> usize {
    article
        .chars()
        .char_of_byte(article.text(), at)
        .abs_diff(recorded_start)
}

fn last_chars(text: &str, count: usize) -> &str {
    if count == 0 {
        return "";
    }
    let from = text
        .char_indices()
        .rev()
        .nth(count - 1)
        .map_or(0, |(at, _)| at);
    &text[from..]
}

fn first_chars(text: &str, count: usize) -> &str {
    let to = text
        .char_indices()
        .nth(count)
        .map_or(text.len(), |(at, _)| at);
    &text[..to]
}

#[cfg(test)]
mod tests {
    use crate::annotation::anchor::{Status, anchor_for, place_all};
    use crate::annotation::{Annotation, Tag};
    use crate::article::{Article, SourceEncoding};
    use rstest::rstest;

    fn article(text: &str) -> Article {
        Article::from_text("a.txt", text.to_owned(), SourceEncoding::Utf8)
    }

    const BEFORE: &str =
        "Title\n\nFirst part of the story here.\n\nThe closing line says it all.\n";

    /// Tags the last sentence of [`BEFORE`] and finds it in `after`.
    fn last_sentence_in(after: &str) -> (Status, Option<(usize, usize)>) {
        let before = article(BEFORE);
        let last = before.units().len() - 1;
        let at = time::macros::datetime!(2026-01-13 09:00 UTC);
        let anchor = anchor_for(&before, last, last).expect("the unit exists");
        let annotation = Annotation::new("a", vec![Tag::Quote], anchor, at);
        let placement = place_all(&article(after), &[annotation]).remove(0);
        (placement.status, placement.units)
    }

    #[rstest]
    #[case::unchanged(BEFORE, Status::Anchored, 2)]
    #[case::copied_just_before_it(
        "Title\n\nFirst part of the story here.\n\nThe closing line says it all.\n\nThe closing line says it all.\n",
        Status::Moved,
        3
    )]
    #[case::copied_at_the_top(
        "The closing line says it all.\n\nTitle\n\nFirst part of the story here.\n\nThe closing line says it all.\n",
        Status::Moved,
        3
    )]
    #[case::text_added_after_it(
        "Title\n\nFirst part of the story here.\n\nThe closing line says it all.\n\nA new last line.\n",
        Status::Anchored,
        2
    )]
    fn a_copy_of_the_last_sentence_does_not_take_its_tag(
        #[case] after: &str,
        #[case] status: Status,
        #[case] unit: usize,
    ) {
        assert_eq!(last_sentence_in(after), (status, Some((unit, unit))));
    }
}
