//! Conversion between byte offsets and code-point offsets of a text, and from a byte offset to
//! the line and column people look for in an editor.
//!
//! Code points (Rust `chars()`) are the offsets the outside world sees (the W3C
//! TextPositionSelector, `sidenote segment`, the sidecar); bytes are what Rust slices with. A
//! checkpoint every [`STRIDE`] bytes keeps each conversion proportional to the stride, not to the
//! text, at a cost of one `usize` per stride.

/// Bytes between two checkpoints.
const STRIDE: usize = 4096;

/// Checkpoints of the code-point count at regular byte offsets.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CharIndex {
    /// `checkpoints[i]` is the number of code points in `text[..b]`, where `b` is the first char
    /// boundary at or after `i * STRIDE`, stored as `(b, count)`.
    checkpoints: Vec<(usize, usize)>,
    len_bytes: usize,
    len_chars: usize,
}

impl CharIndex {
    /// Indexes `text`.
    pub fn new(text: &str) -> CharIndex {
        let mut checkpoints = Vec::with_capacity(text.len() / STRIDE + 1);
        let mut chars = 0;
        let mut at = 0;
        while at < text.len() {
            checkpoints.push((at, chars));
            let mut next = (at + STRIDE).min(text.len());
            while !text.is_char_boundary(next) {
                next += 1;
            }
            chars += count_chars(&text.as_bytes()[at..next]);
            at = next;
        }
        CharIndex {
            checkpoints,
            len_bytes: text.len(),
            len_chars: chars,
        }
    }

    /// The number of code points in the text.
    pub fn len_chars(&self) -> usize {
        self.len_chars
    }

    /// The code-point offset of byte offset `byte` (which must be a char boundary of `text`, the
    /// text this index was built from); offsets past the end clamp to the end.
    pub fn char_of_byte(&self, text: &str, byte: usize) -> usize {
        if byte >= self.len_bytes {
            return self.len_chars;
        }
        let slot = self.checkpoints.partition_point(|&(b, _)| b <= byte) - 1;
        let (b, chars) = self.checkpoints[slot];
        chars + count_chars(&text.as_bytes()[b..byte])
    }

    /// The byte offset of code-point offset `char`, or `None` past the end of the text.
    pub fn byte_of_char(&self, text: &str, char: usize) -> Option<usize> {
        if char > self.len_chars {
            return None;
        }
        if char == self.len_chars {
            return Some(self.len_bytes);
        }
        let slot = self.checkpoints.partition_point(|&(_, c)| c <= char) - 1;
        let (b, chars) = self.checkpoints[slot];
        text[b..]
            .char_indices()
            .nth(char - chars)
            .map(|(offset, _)| b + offset)
    }
}

/// The number of code points in `bytes` (valid UTF-8), counted without decoding: the bytes that
/// are not continuation bytes. Inlined: it runs per unit in `sidenote segment` and per line in
/// the structure pass. It sums in byte-wide lanes, 255 bytes at most between widenings, so the
/// loop compiles to full-width vector adds: a plain `filter().count()` widened every byte to 64
/// bits, and this count, run over the whole text, was `sidenote segment`'s largest single cost.
#[inline]
pub fn count_chars(bytes: &[u8]) -> usize {
    bytes
        .chunks(255)
        .map(|chunk| {
            chunk
                .iter()
                .fold(0u8, |sum, &b| sum + u8::from((b as i8) >= -0x40))
        })
        .map(usize::from)
        .sum()
}

/// The 1-based line and column (in code points) of byte offset `byte` of `text`, clamped to its
/// end and to a char boundary: where an error in a file is shown.
pub fn line_column(text: &str, byte: usize) -> (usize, usize) {
    let mut byte = byte.min(text.len());
    while !text.is_char_boundary(byte) {
        byte -= 1;
    }
    let before = &text.as_bytes()[..byte];
    let line_start = memchr::memrchr(b'\n', before).map_or(0, |at| at + 1);
    (
        memchr::memchr_iter(b'\n', before).count() + 1,
        count_chars(&before[line_start..]) + 1,
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn round_trips_every_char_boundary(text in "\\PC{0,300}") {
            let index = CharIndex::new(&text);
            prop_assert_eq!(index.len_chars(), text.chars().count());
            for (chars, (byte, _)) in text.char_indices().enumerate() {
                prop_assert_eq!(index.char_of_byte(&text, byte), chars);
                prop_assert_eq!(index.byte_of_char(&text, chars), Some(byte));
            }
            prop_assert_eq!(index.byte_of_char(&text, index.len_chars() + 1), None);
        }
    }

    #[test]
    fn line_and_column_count_lines_and_code_points() {
        let text = "ab\nçé x\n\nlast";
        assert_eq!(line_column(text, 0), (1, 1));
        assert_eq!(line_column(text, 2), (1, 3));
        assert_eq!(line_column(text, 3), (2, 1));
        assert_eq!(line_column(text, text.find('x').unwrap()), (2, 4));
        assert_eq!(line_column(text, text.find("\n\n").unwrap() + 1), (3, 1));
        assert_eq!(line_column(text, 10_000), (4, 5));
        // Inside a character: the character's own place.
        assert_eq!(line_column(text, 4), (2, 1));
    }

    #[test]
    fn works_across_many_checkpoints() {
        let text = "é—x".repeat(5000);
        let index = CharIndex::new(&text);
        let byte = text.char_indices().nth(12_345).map(|(b, _)| b).unwrap_or(0);
        assert_eq!(index.char_of_byte(&text, byte), 12_345);
        assert_eq!(index.byte_of_char(&text, 12_345), Some(byte));
    }
}
