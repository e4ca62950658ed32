//! Converting code-point offsets to byte offsets in one forward walk, for anchors visited in text
//! order: each step costs the distance walked, not a search from the start.

use crate::article::{Article, CharIndex};

/// Past this many code points ahead, jumping with the index is cheaper than walking.
const WALK_LIMIT: usize = 512;

/// A position in an article's text, known both in code points and in bytes.
pub(super) struct Cursor<'a> {
    text: &'a str,
    index: &'a CharIndex,
    char: usize,
    byte: usize,
}

impl<'a> Cursor<'a> {
    /// A cursor at the start of `article`'s text.
    pub(super) fn new(article: &'a Article) -> Cursor<'a> {
        Cursor {
            text: article.text(),
            index: article.chars(),
            char: 0,
            byte: 0,
        }
    }

    /// The byte offset of code point `char`, or `None` past the end of the text.
    pub(super) fn byte_of_char(&mut self, char: usize) -> Option<usize> {
        let byte = if char >= self.char && char - self.char <= WALK_LIMIT {
            let ahead = char - self.char;
            let rest = &self.text[self.byte..];
            match rest.char_indices().nth(ahead) {
                Some((at, _)) => self.byte + at,
                None if rest.chars().count() == ahead => self.text.len(),
                None => return None,
            }
        } else {
            self.index.byte_of_char(self.text, char)?
        };
        self.char = char;
        self.byte = byte;
        Some(byte)
    }
}
