//! Finding text: smart case (case-insensitive unless the query has a capital letter), on the
//! display text of units.
//!
//! ASCII letters fold; other scripts match as typed, which keeps every byte offset of the
//! folded text equal to the original's so matches can be highlighted in place.

use std::ops::Range;

use crate::article::Article;

/// The byte ranges of every non-overlapping occurrence of `query` in `text`.
pub fn find_all(text: &str, query: &str) -> Vec<Range<usize>> {
    if query.is_empty() {
        return Vec::new();
    }
    let fold = !query.chars().any(char::is_uppercase);
    let (haystack, needle) = if fold {
        (text.to_ascii_lowercase(), query.to_ascii_lowercase())
    } else {
        (text.to_owned(), query.to_owned())
    };
    haystack
        .match_indices(&needle)
        .map(|(at, found)| at..at + found.len())
        .collect()
}

/// A query ready to test many texts: folded once, and tested without copying the text.
struct Needle {
    bytes: Vec<u8>,
    fold: bool,
}

impl Needle {
    fn new(query: &str) -> Needle {
        let fold = !query.chars().any(char::is_uppercase);
        let bytes = if fold {
            query.to_ascii_lowercase().into_bytes()
        } else {
            query.as_bytes().to_vec()
        };
        Needle { bytes, fold }
    }

    /// Whether `text` holds the needle: the same answer as `!find_all(text, query).is_empty()`.
    fn is_in(&self, text: &str) -> bool {
        let text = text.as_bytes();
        if self.bytes.is_empty() || text.len() < self.bytes.len() {
            return false;
        }
        if !self.fold {
            return memchr::memmem::find(text, &self.bytes).is_some();
        }
        // Look only where the first byte could start a match, in either case.
        let first = self.bytes[0];
        let last_start = text.len() - self.bytes.len();
        memchr::memchr2_iter(first, first.to_ascii_uppercase(), &text[..=last_start])
            .any(|at| text[at..at + self.bytes.len()].eq_ignore_ascii_case(&self.bytes))
    }
}

/// The units of `article` whose display text contains `query`, in order.
pub fn matching_units(article: &Article, query: &str) -> Vec<usize> {
    scan(article, query, 0, |_| {})
}

/// Like [`matching_units`], but searches from unit `from` to the end first and then from the
/// start, and tells `found` of the first match it meets (the first at or after `from`, else the
/// first of all) as soon as it meets it, so the screen can go there before the rest is counted.
pub fn scan(article: &Article, query: &str, from: usize, found: impl FnOnce(usize)) -> Vec<usize> {
    if query.is_empty() {
        return Vec::new();
    }
    let needle = Needle::new(query);
    let units = article.units().len();
    let from = from.min(units);
    let mut found = Some(found);
    let mut search = |range: Range<usize>| -> Vec<usize> {
        range
            .filter(|&unit| {
                article
                    .unit_text(unit)
                    .is_some_and(|text| needle.is_in(&text))
            })
            .inspect(|&unit| {
                if let Some(found) = found.take() {
                    found(unit);
                }
            })
            .collect()
    };
    let after = search(from..units);
    let mut matches = search(0..from);
    matches.extend(after);
    matches
}

#[cfg(test)]
mod tests {
    use super::*;

    #[rstest::rstest]
    #[case("The spy agency said", "spy", vec![4..7])]
    #[case("SPY spy Spy", "spy", vec![0..3, 4..7, 8..11])]
    #[case("SPY spy Spy", "Spy", vec![8..11])]
    #[case("Ünïcode ünïcode", "ünïcode", vec![10..19])]
    #[case("aaa", "aa", vec![0..2])]
    #[case("text", "", vec![])]
    fn finds(#[case] text: &str, #[case] query: &str, #[case] expected: Vec<Range<usize>>) {
        assert_eq!(find_all(text, query), expected);
    }

    proptest::proptest! {
        /// The scan's test agrees with `find_all` on any text and query, in either case.
        #[test]
        fn needle_agrees_with_find_all(text in "[aAbB ÄäΣσ.]{0,40}", query in "[aAbBÄäσ ]{0,4}") {
            proptest::prop_assert_eq!(
                Needle::new(&query).is_in(&text),
                !find_all(&text, &query).is_empty()
            );
        }
    }

    fn article() -> Article {
        // Units 0..=5: a title and five sentences, "spy" in units 1, 3 and 5.
        Article::parse(
            "a.txt",
            b"Title\n\nA spy came. Rain fell. The SPY left. Sun rose. Spy games.\n",
        )
        .unwrap()
    }

    #[rstest::rstest]
    #[case(0, Some(1))]
    #[case(2, Some(3))]
    #[case(3, Some(3))]
    #[case(4, Some(5))]
    #[case(99, Some(1))]
    fn scan_reports_the_first_match_from_the_cursor_then_all_in_order(
        #[case] from: usize,
        #[case] first: Option<usize>,
    ) {
        let article = article();
        assert_eq!(article.units().len(), 6, "{:?}", article.units());
        let mut seen = None;
        let matches = scan(&article, "spy", from, |unit| seen = Some(unit));
        assert_eq!(seen, first);
        assert_eq!(matches, vec![1, 3, 5]);
        assert_eq!(matches, matching_units(&article, "spy"));
    }

    #[test]
    fn scan_without_a_match_reports_nothing() {
        let mut seen = None;
        let matches = scan(&article(), "cloud", 2, |unit| seen = Some(unit));
        assert_eq!((seen, matches), (None, vec![]));
    }
}
