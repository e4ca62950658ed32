//! Conversion between byte offsets and code-point offsets of a text.
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

/// Counts code points in valid UTF-8 by counting the bytes that are not continuation bytes.
fn count_chars(bytes: &[u8]) -> usize {
    bytes.iter().filter(|&&b| (b as i8) >= -0x40).count()
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
    fn works_across_many_checkpoints() {
        let text = "é—x".repeat(5000);
        let index = CharIndex::new(&text);
        let byte = text.char_indices().nth(12_345).map(|(b, _)| b).unwrap_or(0);
        assert_eq!(index.char_of_byte(&text, byte), 12_345);
        assert_eq!(index.byte_of_char(&text, 12_345), Some(byte));
    }
}
