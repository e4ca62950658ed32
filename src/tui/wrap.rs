//! Word wrapping of one unit's display text to a width in terminal cells.
//!
//! Widths are display widths (wide CJK and emoji take two cells, combining marks none); words
//! longer than the width are broken between characters. Only the units near the viewport are
//! ever wrapped, one at a time, so the cost follows the screen and not the article.

use std::ops::Range;

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// The byte ranges of `text`'s lines when wrapped to `width` cells; never empty (an empty text
/// has one empty line). The single spaces where lines break belong to no line.
pub fn wrap(text: &str, width: usize) -> Vec<Range<usize>> {
    let width = width.max(1);
    let mut lines = Vec::new();
    let mut line: Option<(Range<usize>, usize)> = None;
    let mut offset = 0;
    for word in text.split(' ') {
        let range = offset..offset + word.len();
        offset = range.end + 1;
        if word.is_empty() {
            continue;
        }
        let cells = word.width();
        if let Some((current, used)) = line.as_mut() {
            // The gap is the run of spaces since the line's last word, one cell each.
            let gap = range.start - current.end;
            if *used + gap + cells <= width {
                current.end = range.end;
                *used += gap + cells;
                continue;
            }
            lines.push(current.clone());
        }
        if cells <= width {
            line = Some((range, cells));
        } else {
            line = Some(break_word(text, range, width, &mut lines));
        }
    }
    if let Some((current, _)) = line {
        lines.push(current);
    }
    if lines.is_empty() {
        lines.push(0..0);
    }
    lines
}

/// Pushes full-width chunks of the over-long word at `range`, returning the last chunk.
fn break_word(
    text: &str,
    range: Range<usize>,
    width: usize,
    lines: &mut Vec<Range<usize>>,
) -> (Range<usize>, usize) {
    let mut start = range.start;
    let mut used = 0;
    for (at, c) in text[range.clone()].char_indices() {
        let at = range.start + at;
        let cells = c.width().unwrap_or(0);
        if used + cells > width && at > start {
            lines.push(start..at);
            start = at;
            used = 0;
        }
        used += cells;
    }
    (start..range.end, used)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn lines(text: &str, width: usize) -> Vec<&str> {
        wrap(text, width).into_iter().map(|r| &text[r]).collect()
    }

    #[rstest::rstest]
    #[case("the cat sat on the mat", 7, vec!["the cat", "sat on", "the mat"])]
    #[case("", 10, vec![""])]
    #[case("abcdefghij", 4, vec!["abcd", "efgh", "ij"])]
    #[case("ab abcdefghij", 4, vec!["ab", "abcd", "efgh", "ij"])]
    #[case("漢字漢字 漢", 4, vec!["漢字", "漢字", "漢"])]
    #[case("e\u{301}e\u{301} x", 3, vec!["e\u{301}e\u{301}", "x"])]
    #[case("🦀🦀🦀", 3, vec!["🦀", "🦀", "🦀"])]
    #[case("a b", 0, vec!["a", "b"])]
    #[case("漢", 1, vec!["漢"])]
    fn wraps(#[case] text: &str, #[case] width: usize, #[case] expected: Vec<&str>) {
        assert_eq!(lines(text, width), expected);
    }

    proptest! {
        #[test]
        fn lines_fit_and_keep_every_word(text in "[a-z漢🦀 ]{0,80}", width in 1usize..30) {
            let ranges = wrap(&text, width);
            let mut kept = String::new();
            for range in &ranges {
                let line = &text[range.clone()];
                // A line is over-wide only when it is one character wider than the pane.
                prop_assert!(line.width() <= width || line.chars().count() == 1);
                kept.push_str(&line.replace(' ', ""));
            }
            prop_assert_eq!(kept, text.replace(' ', ""));
        }
    }
}
