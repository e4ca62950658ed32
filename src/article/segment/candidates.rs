//! Finding the next byte worth a closer look, a block of bytes at a time instead of a byte loop.
//!
//! The candidates are the ASCII terminators `.` `!` `?`, `]` (a Markdown link target may follow)
//! and the lead bytes of the non-ASCII terminators (… ‼ 。 ！ ？ ｡ ؟ ۔ । ። ။). The scan tests 16
//! bytes at once with a branch-free fold that compiles to vector compares, and reads single bytes
//! (through a table) only in a block that holds a candidate: one pass over the text, where four
//! `memchr3` searches (one per three lead bytes) made four passes, each stopping at every hit of
//! its own. A caller moving forward has every byte read about once.

/// Bytes tested together: small enough that a block holding a candidate is short to read byte
/// by byte, large enough to fill a vector register.
const BLOCK: usize = 16;

/// Whether a byte is a candidate, by value.
static CANDIDATE: [bool; 256] = {
    let mut table = [false; 256];
    let mut byte = 0;
    while byte < 256 {
        table[byte] = is_candidate(byte as u8);
        byte += 1;
    }
    table
};

/// Whether `byte` is a candidate, written without branches so that a block of them compiles to
/// vector compares.
#[inline]
const fn is_candidate(byte: u8) -> bool {
    (byte == b'.')
        | (byte == b'!')
        | (byte == b'?')
        | (byte == b']')
        | (byte == 0xD8)
        | (byte == 0xDB)
        | (byte.wrapping_sub(0xE0) < 4)
        | (byte == 0xEF)
}

/// Whether any byte of `block` is a candidate, with no branch per byte.
#[inline]
fn any_candidate(block: &[u8; BLOCK]) -> bool {
    block
        .iter()
        .fold(false, |any, &byte| any | is_candidate(byte))
}

/// The candidate positions of one paragraph, in order.
#[derive(Debug)]
pub(super) struct Candidates<'a> {
    bytes: &'a [u8],
}

impl<'a> Candidates<'a> {
    /// Candidates of `bytes`; nothing is searched until asked.
    pub(super) fn new(bytes: &'a [u8]) -> Candidates<'a> {
        Candidates { bytes }
    }

    /// The first candidate at or after `from`.
    pub(super) fn next_from(&mut self, from: usize) -> Option<usize> {
        let bytes = self.bytes;
        let mut at = from;
        while at < bytes.len() {
            // Up to the end of the block `at` is in (the whole block once the block test found
            // a candidate in it), one byte at a time.
            let block_end = bytes.len().min((at / BLOCK + 1) * BLOCK);
            if let Some(offset) = bytes[at..block_end]
                .iter()
                .position(|&byte| CANDIDATE[usize::from(byte)])
            {
                return Some(at + offset);
            }
            at = block_end;
            // Then whole blocks without a candidate, a block at a time.
            while let Some(block) = bytes.get(at..at + BLOCK).and_then(|b| b.try_into().ok())
                && !any_candidate(block)
            {
                at += BLOCK;
            }
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The lead bytes of every terminator, and the ASCII candidates.
    fn wanted() -> Vec<u8> {
        let mut wanted = b".!?]".to_vec();
        for terminator in [
            '…', '‼', '⁇', '⁈', '⁉', '。', '！', '？', '｡', '؟', '۔', '।', '॥', '።', '။',
        ] {
            wanted.push(terminator.to_string().as_bytes()[0]);
        }
        wanted
    }

    /// The same answers from a plain byte loop.
    fn slow(bytes: &[u8], from: usize) -> Option<usize> {
        let wanted = wanted();
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
            text.iter().filter(|b| wanted().contains(b)).count()
        );
    }

    #[test]
    fn every_byte_value_is_judged_alike_in_a_block_and_alone() {
        let wanted = wanted();
        for byte in 0..=255u8 {
            let mut text = vec![b'a'; 3 * BLOCK];
            text[BLOCK + 7] = byte;
            let expected = wanted.contains(&byte).then_some(BLOCK + 7);
            assert_eq!(Candidates::new(&text).next_from(0), expected, "{byte:#x}");
            assert_eq!(
                Candidates::new(&text).next_from(BLOCK),
                expected,
                "{byte:#x}"
            );
            assert_eq!(
                Candidates::new(&text).next_from(BLOCK + 3),
                expected,
                "{byte:#x}"
            );
        }
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
