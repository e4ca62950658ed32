//! Sentence boundaries inside one paragraph of news text.
//!
//! Owns the decision "does a sentence end here?" and nothing else: paragraphs, headings and
//! markup blocks are found by the structure pass before text reaches this module. Works on bytes
//! and returns byte ranges; it allocates nothing but the output.
//!
//! The scan jumps from one candidate byte to the next (`.`, `!`, `?`, `]` and the lead bytes of
//! non-ASCII terminators) with SIMD searches, so ordinary text is barely looked at. At a
//! terminator it reads the run of terminators and closing quotes, then weighs the word before it (an
//! abbreviation? an acronym? an initial?) against the word after it (capitalised? a typical
//! sentence opener? a name continuation?). Full stops of Chinese and Japanese end a sentence
//! without a following space; every other terminator needs whitespace after it, which keeps
//! decimals, URLs, e-mail addresses and file names whole.

mod candidates;
mod next;
mod previous;
mod run;
mod words;

use std::ops::Range;

use candidates::Candidates;
use run::Run;

/// The byte ranges of the sentences of `paragraph`, in order, trimmed of surrounding whitespace.
pub fn sentences(paragraph: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    sentences_into(paragraph, &mut out);
    out
}

/// Replaces the contents of `out` with the sentences of `paragraph`, reusing its allocation.
pub fn sentences_into(paragraph: &str, out: &mut Vec<Range<usize>>) {
    out.clear();
    let bytes = paragraph.as_bytes();
    let mut start = 0;
    let mut at = 0;
    // Both caches keep the scan linear on hostile input: "? ? ? …" with no letter, "](](…" with
    // no end of a link target.
    let mut word_seen = WordSeen::default();
    let mut link_target_end = None;
    let mut candidates = Candidates::new(bytes);
    while let Some(found) = candidates.next_from(at) {
        if bytes[found] == b']' {
            at = skip_link_target(bytes, found, &mut link_target_end);
            continue;
        }
        let Some(run) = Run::scan(paragraph, found) else {
            at = found + 1;
            continue;
        };
        at = run.end;
        if run.ends_sentence(paragraph, start, found) && word_seen.check(paragraph, start, found) {
            push_trimmed(paragraph, start..run.end, out);
            start = run.end;
        }
    }
    push_trimmed(paragraph, start..paragraph.len(), out);
}

/// Whether a sentence goes on past `end`, the end of a line whose text starts at `start` and
/// closes with a terminator run: it does when the run follows an abbreviation and what comes next
/// (on the next line) is a name or a lower-case word, as in "hosted by the U.N.\nlast week" or
/// "met Sen.\nWarren". The line's start stands in for the sentence's. Reads only the run and the
/// words on either side of it, so a line is not segmented twice.
pub fn goes_on_past(text: &str, start: usize, end: usize) -> bool {
    let Some(at) = run::start_of_run_ending(text, start, end) else {
        return false;
    };
    Run::scan(text, at).is_some_and(|run| run.end == end && !run.ends_sentence(text, start, at))
}

/// Where to resume after the `]` at `at`: past the `(url)` of a Markdown link, so that nothing
/// inside a URL is taken for a sentence end. A target ends at the first `)` and holds no
/// whitespace; without one the scan goes on after the `]`. `target_end` remembers the last search:
/// the first `)` or space after one position is also the first after any later position before it.
fn skip_link_target(bytes: &[u8], at: usize, target_end: &mut Option<Option<usize>>) -> usize {
    if bytes.get(at + 1) != Some(&b'(') {
        return at + 1;
    }
    let from = at + 2;
    let end = match *target_end {
        Some(None) => None,
        Some(Some(end)) if end >= from => Some(end),
        _ => {
            let end =
                memchr::memchr3(b')', b' ', b'\n', &bytes[from..]).map(|offset| from + offset);
            *target_end = Some(end);
            end
        }
    };
    match end {
        Some(close) if bytes[close] == b')' => close + 1,
        _ => at + 1,
    }
}

/// The character starting at byte `at`, which must be a char boundary.
fn char_at(text: &str, at: usize) -> Option<char> {
    text.get(at..).and_then(|rest| rest.chars().next())
}

/// Whether the sentence begun at `start` holds a letter or digit before the terminator, so that
/// a lone "..." or "”" never becomes a sentence. Remembers how far it has looked, so that text
/// without letters is read once, not once per terminator.
#[derive(Debug, Default)]
struct WordSeen {
    start: usize,
    checked: usize,
    seen: bool,
}

impl WordSeen {
    fn check(&mut self, text: &str, start: usize, until: usize) -> bool {
        if start != self.start || self.checked < start {
            *self = WordSeen {
                start,
                checked: start,
                seen: false,
            };
        }
        if !self.seen && until > self.checked {
            self.seen = text[self.checked..until].chars().any(char::is_alphanumeric);
            self.checked = until;
        }
        self.seen
    }
}

fn push_trimmed(text: &str, range: Range<usize>, out: &mut Vec<Range<usize>>) {
    let slice = &text[range.clone()];
    let lead = slice.len() - slice.trim_start().len();
    let trail = slice.len() - slice.trim_end().len();
    if lead + trail < slice.len() {
        out.push(range.start + lead..range.end - trail);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn link_targets_are_skipped_whole() {
        let text = b"[a](http://x.y/?.Z) rest";
        assert_eq!(skip_link_target(text, 2, &mut None), 19);
        assert_eq!(skip_link_target(b"[a](not a link) b", 2, &mut None), 3);
        assert_eq!(skip_link_target(b"[a] b", 2, &mut None), 3);
        assert_eq!(skip_link_target(b"[a](open", 2, &mut None), 3);

        let text = b"[a](x) [b](y) [c](z";
        let mut cache = None;
        assert_eq!(skip_link_target(text, 2, &mut cache), 6);
        assert_eq!(skip_link_target(text, 9, &mut cache), 13);
        assert_eq!(skip_link_target(text, 16, &mut cache), 17);
        assert_eq!(cache, Some(None));
    }
}
