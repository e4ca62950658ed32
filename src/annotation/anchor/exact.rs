//! Finding an anchor's exact text: at its recorded position, or anywhere, choosing between repeats
//! by how well the text around each one matches the stored context.

use std::ops::Range;

use super::{Found, Status, units_of};
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

/// Whether the stored prefix and suffix surround the exact text placed at byte `at`.
pub(super) fn context_matches_at(text: &str, at: usize, anchor: &Anchor) -> bool {
    let end = at + anchor.exact.len();
    text.get(..at)
        .is_some_and(|before| before.ends_with(&anchor.prefix))
        && text
            .get(end..)
            .is_some_and(|after| after.starts_with(&anchor.suffix))
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
    let before = last_chars(&text[..at], anchor.prefix.chars().count());
    let after = first_chars(&text[end..], anchor.suffix.chars().count());
    let units = article.units();
    let aligned = units.binary_search_by_key(&at, |unit| unit.start).is_ok()
        && units.binary_search_by_key(&end, |unit| unit.end).is_ok();
    similarity(&anchor.prefix, before)
        + similarity(&anchor.suffix, after)
        + f64::from(u8::from(aligned))
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
