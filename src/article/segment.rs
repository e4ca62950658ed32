//! Sentence boundaries inside one paragraph of news text.

use std::ops::Range;

/// The byte ranges of the sentences of `paragraph`, trimmed of surrounding whitespace.
pub fn sentences(paragraph: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    for (at, _) in paragraph.match_indices(". ") {
        push_trimmed(paragraph, start..at + 1, &mut out);
        start = at + 1;
    }
    push_trimmed(paragraph, start..paragraph.len(), &mut out);
    out
}

fn push_trimmed(text: &str, range: Range<usize>, out: &mut Vec<Range<usize>>) {
    let slice = &text[range.clone()];
    let lead = slice.len() - slice.trim_start().len();
    let trail = slice.len() - slice.trim_end().len();
    if lead + trail < slice.len() {
        out.push(range.start + lead..range.end - trail);
    }
}
