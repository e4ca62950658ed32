//! Finding an anchor whose text was edited a little: the run of whole units most similar to the
//! exact text, accepted only above a similarity threshold and only where no other annotation was
//! already found.
//!
//! The likely places are tried first (where the old offset falls now, the old unit index) and a
//! close match there ends the search; otherwise the whole article is compared, or for long
//! articles a window around the old position, and a budget bounds the work of one placement.
//! When nothing similar is found, a unit at the likely place that holds the text almost whole
//! with words added (two sentences joined into one) is taken.

use super::{Found, Status};
use crate::annotation::Anchor;
use crate::article::Article;

/// The least normalised Levenshtein similarity accepted as the same passage.
pub const THRESHOLD: f64 = 0.8;

/// Articles up to this many units are searched whole; longer ones only within [`WINDOW`] units
/// of the old position, so an article rewritten under thousands of annotations cannot make
/// opening it take minutes (what is not found is orphaned and kept, never lost).
const WHOLE_ARTICLE: usize = 2_000;

/// Units searched on each side of the old position in a long article.
const WINDOW: usize = 200;

/// A similarity at the likely place that is taken without looking further.
const SURE: f64 = 0.9;

/// Character comparisons (Levenshtein cells) one placement may spend before it searches only
/// [`SMALL_WINDOW`] units around each old position.
const BUDGET: u64 = 200_000_000;

/// The share of an exact text that must be kept, in order, in a unit that joined it with
/// another sentence.
const JOINED_KEPT: f64 = 0.9;

/// How many times longer than the exact text a joined unit may be.
const JOINED_GROWTH: usize = 3;

/// Units searched on each side of the old position once the budget is spent.
const SMALL_WINDOW: usize = 8;

/// Searches runs of units, remembering which units are already taken.
pub(super) struct Matcher<'a> {
    article: &'a Article,
    occupied: Vec<bool>,
    /// Code-point offsets of each unit's start and end.
    spans: Vec<(usize, usize)>,
    /// Levenshtein cells computed so far.
    spent: u64,
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
            spent: 0,
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
        let near = self
            .spans
            .partition_point(|&(start, _)| start < anchor.start)
            .min(count - 1);
        let mut best = None;
        // Most edits are local: where the old offset falls now, or the old unit index. A close
        // match there is taken without comparing the whole article.
        for first in [near, anchor.first_unit.min(count - 1)] {
            self.consider(anchor, wanted, (first, width), &mut best);
        }
        if !best.is_some_and(|b: Best| b.score >= SURE) {
            let reach = if self.spent > BUDGET {
                SMALL_WINDOW
            } else if count <= WHOLE_ARTICLE {
                count
            } else {
                WINDOW
            };
            let (from, to) = (near.saturating_sub(reach), (near + reach).min(count));
            for run in [width.saturating_sub(1), width, width + 1] {
                if run == 0 || run > to - from {
                    continue;
                }
                for first in from..=to - run {
                    self.consider(anchor, wanted, (first, run), &mut best);
                }
            }
        }
        let best = match best {
            Some(best) => best,
            None => self.joined(anchor, wanted, [near, anchor.first_unit.min(count - 1)])?,
        };
        self.occupy((best.first, best.last));
        Some(Found {
            status: Status::Fuzzy(best.score as f32),
            units: (best.first, best.last),
            bytes: None,
        })
    }

    /// A free unit at one of the likely places `places` (or next to one) that holds the exact
    /// text almost whole with words added, as when an edit joins two sentences into one: the
    /// text inserted is not counted against it, what was taken out or changed is. Only when no
    /// similar run was found, and only at the likely places, since a long unit may hold a short
    /// text by chance.
    fn joined(&mut self, anchor: &Anchor, wanted: usize, places: [usize; 2]) -> Option<Best> {
        let mut best: Option<Best> = None;
        let candidates = places
            .into_iter()
            .flat_map(|place| [place.saturating_sub(1), place, place + 1]);
        for unit in candidates {
            if unit >= self.spans.len() || self.occupied[unit] {
                continue;
            }
            let (start, end) = self.spans[unit];
            let have = end - start;
            if have <= wanted || have > wanted * JOINED_GROWTH {
                continue;
            }
            let units = self.article.units();
            let candidate = &self.article.text()[units[unit].range()];
            self.spent += (wanted * have) as u64;
            let edits = strsim::levenshtein(&anchor.exact, candidate);
            let kept = 1.0 - edits.saturating_sub(have - wanted) as f64 / wanted as f64;
            if kept < JOINED_KEPT {
                continue;
            }
            let distance = start.abs_diff(anchor.start);
            if best.is_none_or(|top| kept > top.score + 1e-9) {
                best = Some(Best {
                    score: kept,
                    distance,
                    first: unit,
                    last: unit,
                });
            }
        }
        best
    }

    /// Compares the run of `run` units from `first` with the exact text, keeping it in `best`
    /// when it is more similar, or as similar and nearer the old position.
    fn consider(
        &mut self,
        anchor: &Anchor,
        wanted: usize,
        (first, run): (usize, usize),
        best: &mut Option<Best>,
    ) {
        let last = first + run - 1;
        if run == 0 || last >= self.spans.len() {
            return;
        }
        if self.occupied[first..=last].iter().any(|&taken| taken) {
            return;
        }
        let have = self.spans[last].1 - self.spans[first].0;
        // Levenshtein distance is at least the difference in length, so a run whose length
        // alone rules it out is never compared.
        let longer = wanted.max(have) as f64;
        if wanted.abs_diff(have) as f64 > (1.0 - THRESHOLD) * longer {
            return;
        }
        let units = self.article.units();
        let candidate = &self.article.text()[units[first].start..units[last].end];
        self.spent += (wanted * have) as u64;
        let score = strsim::normalized_levenshtein(&anchor.exact, candidate);
        if score < THRESHOLD {
            return;
        }
        let distance = self.spans[first].0.abs_diff(anchor.start);
        let better = match best {
            None => true,
            Some(top) => {
                score > top.score + 1e-9 || (score >= top.score - 1e-9 && distance < top.distance)
            }
        };
        if better {
            *best = Some(Best {
                score,
                distance,
                first,
                last,
            });
        }
    }
}

/// The most similar run so far.
#[derive(Debug, Clone, Copy)]
struct Best {
    score: f64,
    /// Code points from the old position.
    distance: usize,
    first: usize,
    last: usize,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::annotation::anchor::anchor_for;
    use crate::article::SourceEncoding;
    use rstest::rstest;

    fn article(text: &str) -> Article {
        Article::from_text("a.txt", text.to_owned(), SourceEncoding::Utf8)
    }

    /// Tags unit `unit` of `before`, then looks for it in `after`: the units found, if any.
    fn found(before: &str, unit: usize, after: &str) -> Option<(usize, usize)> {
        let anchor = anchor_for(&article(before), unit, unit).expect("the unit exists");
        let after = article(after);
        Matcher::new(&after)
            .search(&anchor)
            .map(|found| found.units)
    }

    const BEFORE: &str = "Title\n\nThe ministry counted the losses on Monday. \
        Officials gave no further details to reporters. The rest is weather.\n";

    #[rstest]
    #[case::two_sentences_joined(
        "Title\n\nThe ministry counted the losses on Monday, and officials gave no further details to reporters. The rest is weather.\n",
        Some((1, 1))
    )]
    #[case::a_clause_added(
        "Title\n\nThe ministry counted the losses on Monday after a long night of shelling near the border. Officials gave no further details to reporters. The rest is weather.\n",
        Some((1, 1))
    )]
    #[case::reworded_and_joined(
        "Title\n\nA spokesman said the army lost ground, and officials gave no further details to reporters. The rest is weather.\n",
        None
    )]
    #[case::far_longer_unit(
        "Title\n\nThe ministry counted the losses on Monday while the parliament debated a budget that nobody had read, the opposition walked out, the speaker called a recess and the whole session ended without a single vote being taken on anything at all. The rest is weather.\n",
        None
    )]
    fn a_sentence_joined_to_another_is_found_where_it_went(
        #[case] after: &str,
        #[case] want: Option<(usize, usize)>,
    ) {
        assert_eq!(found(BEFORE, 1, after), want);
    }
}
