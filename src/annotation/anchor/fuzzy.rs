//! Finding an anchor whose text was edited a little: the run of whole units most similar to the
//! exact text, accepted only above a similarity threshold and only where no other annotation was
//! already found.

use super::{Found, Status};
use crate::annotation::Anchor;
use crate::article::Article;

/// The least normalised Levenshtein similarity accepted as the same passage.
pub const THRESHOLD: f64 = 0.8;

/// Searches runs of units, remembering which units are already taken.
pub(super) struct Matcher<'a> {
    article: &'a Article,
    occupied: Vec<bool>,
    /// Code-point offsets of each unit's start and end.
    spans: Vec<(usize, usize)>,
}

impl<'a> Matcher<'a> {
    /// A matcher over `article` with every unit free.
    pub(super) fn new(article: &'a Article) -> Matcher<'a> {
        let text = article.text();
        let mut spans = Vec::with_capacity(article.units().len());
        let (mut byte, mut char) = (0, 0);
        let mut advance = |to: usize| {
            char += text[byte..to].chars().count();
            byte = to;
            char
        };
        for unit in article.units() {
            let start = advance(unit.start);
            let end = advance(unit.end);
            spans.push((start, end));
        }
        Matcher {
            article,
            occupied: vec![false; article.units().len()],
            spans,
        }
    }

    /// Marks units `first..=last` as taken.
    pub(super) fn occupy(&mut self, (first, last): (usize, usize)) {
        for slot in self.occupied.iter_mut().take(last + 1).skip(first) {
            *slot = true;
        }
    }

    /// The free run of units most similar to the anchor's exact text, if similar enough; the run
    /// is taken when found. Runs of the same number of units as before are tried, and one fewer
    /// or one more, since an edit may split or join sentences.
    pub(super) fn search(&mut self, anchor: &Anchor) -> Option<Found> {
        let wanted = anchor.exact.chars().count();
        let count = self.spans.len();
        if wanted == 0 || count == 0 {
            return None;
        }
        let width = anchor
            .last_unit
            .checked_sub(anchor.first_unit)
            .map_or(1, |w| w + 1)
            .min(count);
        let text = self.article.text();
        let units = self.article.units();
        // (score, distance from the old position, first, last)
        let mut best: Option<(f64, usize, usize, usize)> = None;
        for run in [width.saturating_sub(1), width, width + 1] {
            if run == 0 || run > count {
                continue;
            }
            for first in 0..=count - run {
                let last = first + run - 1;
                if self.occupied[first..=last].iter().any(|&taken| taken) {
                    continue;
                }
                let have = self.spans[last].1 - self.spans[first].0;
                // Levenshtein distance is at least the difference in length, so a run whose
                // length alone rules it out is never compared.
                let longer = wanted.max(have) as f64;
                if wanted.abs_diff(have) as f64 > (1.0 - THRESHOLD) * longer {
                    continue;
                }
                let candidate = &text[units[first].start..units[last].end];
                let score = strsim::normalized_levenshtein(&anchor.exact, candidate);
                if score < THRESHOLD {
                    continue;
                }
                let distance = self.spans[first].0.abs_diff(anchor.start);
                let better = match best {
                    None => true,
                    Some((top, near, _, _)) => {
                        score > top + 1e-9 || (score >= top - 1e-9 && distance < near)
                    }
                };
                if better {
                    best = Some((score, distance, first, last));
                }
            }
        }
        let (score, _, first, last) = best?;
        self.occupy((first, last));
        Some(Found {
            status: Status::Fuzzy(score as f32),
            units: (first, last),
            bytes: None,
        })
    }
}
