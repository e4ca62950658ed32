//! Finding the next byte worth a closer look, with SIMD searches instead of a byte loop.
//!
//! The candidates are the ASCII terminators `.` `!` `?`, `]` (a Markdown link target may follow)
//! and the lead bytes of the non-ASCII terminators (… ‼ 。 ！ ？ ｡ ؟ ۔ । ። ။). Four `memchr3`
//! searches each keep their next hit; a search runs again only once the scan has passed its hit,
//! so every byte is read about once per search however often the caller asks.

/// The lead bytes, grouped three to a search.
const GROUPS: [[u8; 3]; 4] = [
    [b'.', b'!', b'?'],
    [b']', 0xE2, 0xE3],
    [0xEF, 0xD8, 0xDB],
    [0xE0, 0xE1, 0xE1],
];

/// Where none of a search's bytes occur any more.
const NONE: usize = usize::MAX;

/// The candidate positions of one paragraph, in order.
#[derive(Debug)]
pub(super) struct Candidates<'a> {
    bytes: &'a [u8],
    /// The next hit of each search at or after the position it was run from.
    hits: [usize; 4],
    /// Where each search was last run from; a hit stays valid for any later start before it.
    searched_from: [usize; 4],
}

impl<'a> Candidates<'a> {
    /// Candidates of `bytes`; nothing is searched until asked.
    pub(super) fn new(bytes: &'a [u8]) -> Candidates<'a> {
        Candidates {
            bytes,
            hits: [0; 4],
            searched_from: [NONE; 4],
        }
    }

    /// The first candidate at or after `from`.
    pub(super) fn next_from(&mut self, from: usize) -> Option<usize> {
        let mut first = NONE;
        for (group, needles) in GROUPS.iter().enumerate() {
            let stale = from < self.searched_from[group]
                || (self.hits[group] != NONE && self.hits[group] < from);
            if stale {
                self.searched_from[group] = from;
                self.hits[group] = self
                    .bytes
                    .get(from..)
                    .and_then(|rest| memchr::memchr3(needles[0], needles[1], needles[2], rest))
                    .map_or(NONE, |offset| from + offset);
            }
            first = first.min(self.hits[group]);
        }
        (first != NONE).then_some(first)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The same answers from a plain byte loop.
    fn slow(bytes: &[u8], from: usize) -> Option<usize> {
        let wanted = GROUPS.concat();
        (from..bytes.len()).find(|&at| wanted.contains(&bytes[at]))
    }

    #[test]
    fn finds_every_candidate_in_order_like_a_byte_loop() {
        let text = "Mr. Lee… said “no]” 。！ and ؟ ok? fine! [a](b) ।".as_bytes();
        let mut candidates = Candidates::new(text);
        let mut from = 0;
        let mut found = Vec::new();
        while let Some(at) = candidates.next_from(from) {
            assert_eq!(Some(at), slow(text, from));
            found.push(at);
            from = at + 1;
        }
        assert_eq!(slow(text, from), None);
        assert_eq!(
            found.len(),
            text.iter().filter(|b| GROUPS.concat().contains(b)).count()
        );
    }

    #[test]
    fn jumping_ahead_skips_candidates_in_between() {
        let text = b"a. b. c. d.";
        let mut candidates = Candidates::new(text);
        assert_eq!(candidates.next_from(0), Some(1));
        assert_eq!(candidates.next_from(5), Some(7));
        assert_eq!(candidates.next_from(11), None);
        assert_eq!(candidates.next_from(50), None);
        assert_eq!(
            candidates.next_from(2),
            Some(4),
            "going back searches again"
        );
    }
}
