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

/// The units of `article` whose display text contains `query`, in order.
pub fn matching_units(article: &Article, query: &str) -> Vec<usize> {
    (0..article.units().len())
        .filter(|&unit| {
            article
                .unit_text(unit)
                .is_some_and(|text| !find_all(&text, query).is_empty())
        })
        .collect()
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
}
