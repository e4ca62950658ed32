//! A unit's text as tokens: words (with their classes from the lexicon), numbers and single
//! punctuation marks, each with its byte range in the unit.
//!
//! One pass over the unit, no allocation but the token vector the caller reuses. An apostrophe or
//! hyphen between letters stays inside the word ("Russia's", "Seong-kweun"); a quotation mark is
//! a punctuation token for `quotes` to judge.

use super::words::{self, Lexicon};

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Letters (and inner apostrophes, hyphens, full stops of initialisms).
    Word,
    /// Digits, with inner commas and full stops ("2,700", "3.5").
    Number,
    /// One punctuation character.
    Punct(char),
}

/// One token of a unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    /// Byte offset in the unit's text.
    pub start: usize,
    /// Byte offset just past it.
    pub end: usize,
    /// Word, number or punctuation.
    pub kind: Kind,
    /// The word's id in the lexicon, or [`words::UNKNOWN`].
    pub id: u16,
    /// The word's classes from the lexicon.
    pub flags: u32,
    /// Whether the word starts with a capital letter.
    pub capital: bool,
}

impl Token {
    /// Whether the token is a word of class `flag`.
    pub fn is(&self, flag: u32) -> bool {
        self.flags & flag != 0
    }

    /// Whether the token is the punctuation mark `mark`.
    pub fn is_punct(&self, mark: char) -> bool {
        self.kind == Kind::Punct(mark)
    }

    /// Whether the token is a word.
    pub fn is_word(&self) -> bool {
        self.kind == Kind::Word
    }
}

/// Longest word looked up in the lexicon; longer words are in no list.
const LONGEST: usize = words::PADDED;

/// Byte classes of ASCII, for the fast path: most of news text is ASCII.
const SPACE: u8 = 1;
const DIGIT: u8 = 2;
const UPPER: u8 = 4;
const LOWER: u8 = 8;
const ALNUM: u8 = DIGIT | UPPER | LOWER;
/// The marks that may join a word to what follows: apostrophe, hyphen, full stop, comma.
const JOINER: u8 = 16;
/// A byte from 0x80: part of a character read as a character.
const HIGH: u8 = 32;

/// The class of every byte: 0 for the rest of ASCII punctuation and control characters.
const CLASSES: [u8; 256] = {
    let mut classes = [HIGH; 256];
    let mut byte = 0;
    while byte < 128 {
        classes[byte] = match byte as u8 {
            // What `char::is_whitespace` says of ASCII: tab, line feed, vertical tab, form
            // feed, carriage return and space.
            0x09..=0x0D | b' ' => SPACE,
            b'0'..=b'9' => DIGIT,
            b'A'..=b'Z' => UPPER,
            b'a'..=b'z' => LOWER,
            b'\'' | b'-' | b'.' | b',' => JOINER,
            _ => 0,
        };
        byte += 1;
    }
    classes
};

/// The class of `byte`.
fn class(byte: u8) -> u8 {
    CLASSES[usize::from(byte)]
}

/// Where the ASCII letters and digits from byte `at` end: eight bytes at a time, then one.
#[inline(always)]
fn alnum_end(bytes: &[u8], mut at: usize) -> usize {
    while let Some(eight) = bytes
        .get(at..at + 8)
        .and_then(|eight| <[u8; 8]>::try_from(eight).ok())
    {
        let stops = !alnum_bits(u64::from_le_bytes(eight)) & HIGH_BITS;
        if stops != 0 {
            return at + (stops.trailing_zeros() / 8) as usize;
        }
        at += 8;
    }
    while bytes.get(at).is_some_and(|&b| class(b) & ALNUM != 0) {
        at += 1;
    }
    at
}

/// Each byte's top bit.
const HIGH_BITS: u64 = 0x8080_8080_8080_8080;

/// The top bit of each byte of `word` that is an ASCII letter or digit: with the top bits cleared
/// no sum carries into the next byte, and a top bit set after adding `0x80 - low` says `>= low`.
/// Letters are told with 0x20 set, digits without (0x20 would make controls digits).
#[inline(always)]
fn alnum_bits(word: u64) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    let ascii = !word & HIGH_BITS;
    let low = word & !HIGH_BITS;
    let at_least = |value: u64, byte: u8| value + ONES * u64::from(0x80 - byte);
    let lower = low | (ONES * 0x20);
    let letter = at_least(lower, b'a') & !at_least(lower, b'z' + 1);
    let digit = at_least(low, b'0') & !at_least(low, b'9' + 1);
    (letter | digit) & ascii
}

/// The character at byte `at` of `text` (a character boundary), read without decoding when it is
/// ASCII, as news text mostly is.
fn char_at(text: &str, at: usize) -> Option<char> {
    match text.as_bytes().get(at) {
        Some(&byte) if byte < 0x80 => Some(char::from(byte)),
        Some(_) => text.get(at..).and_then(|rest| rest.chars().next()),
        None => None,
    }
}

/// [`char::is_alphanumeric`], without Unicode's tables for ASCII and for General Punctuation
/// (U+2000 to U+206F: dashes, curly marks, where news text has most of its characters outside
/// ASCII), which holds no letter or digit.
fn is_alphanumeric(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else if ('\u{2000}'..='\u{206F}').contains(&c) {
        false
    } else {
        c.is_alphanumeric()
    }
}

/// Splits `text` into `out` (cleared first).
///
/// ASCII is classified by table and a word's ASCII letters are skipped in a tight loop; any
/// other character goes through `char`'s own classification, so the result is that of reading
/// the text character by character (the tests compare the two on random text).
pub fn tokenize(text: &str, lexicon: &Lexicon, out: &mut Vec<Token>) {
    out.clear();
    let bytes = text.as_bytes();
    let mut at = 0;
    while let Some(&byte) = bytes.get(at) {
        let start = at;
        let kind = class(byte);
        // A word of ASCII letters that ends before a space or a mark that joins nothing, as most
        // tokens are: no character is decoded.
        let first = if kind & (UPPER | LOWER) != 0 {
            // Its first eight bytes, read once: where its letters end, and a short word's key.
            let eight = bytes
                .get(start..start + 8)
                .and_then(|eight| <[u8; 8]>::try_from(eight).ok())
                .map(u64::from_le_bytes);
            at = match eight.map(|eight| !alnum_bits(eight) & HIGH_BITS) {
                Some(0) => alnum_end(bytes, start + 8),
                Some(stops) => start + (stops.trailing_zeros() / 8) as usize,
                None => alnum_end(bytes, start + 1),
            };
            // A comma never joins letters, nor a full stop after two ("said,", "Monday.").
            let ends = match bytes.get(at) {
                None | Some(b',') => true,
                Some(b'.') => at - start > 1,
                Some(&b) => class(b) & (JOINER | HIGH) == 0,
            };
            if ends {
                // Letters and digits alone: no "n't" (see `lookup_ascii`).
                let entry = match eight {
                    Some(eight) if at - start <= 8 => {
                        let mask = u64::MAX >> (8 * (8 - (at - start)));
                        lexicon.find_short((eight | 0x2020_2020_2020_2020) & mask)
                    }
                    _ => lookup_ascii(bytes, start, at, lexicon),
                };
                out.push(Token {
                    start,
                    end: at,
                    kind: Kind::Word,
                    id: entry.id,
                    flags: entry.flags,
                    capital: kind == UPPER,
                });
                // The space after a word, as most are followed by, needs no turn of its own.
                at += usize::from(bytes.get(at) == Some(&b' '));
                continue;
            }
            at = start;
            char::from(byte)
        } else {
            match kind {
                SPACE => {
                    at += 1;
                    continue;
                }
                DIGIT => char::from(byte),
                HIGH => {
                    let Some(c) = char_at(text, at) else {
                        break;
                    };
                    if c.is_whitespace() {
                        at += c.len_utf8();
                        continue;
                    }
                    if !is_alphanumeric(c) {
                        at += c.len_utf8();
                        out.push(punct(start, at, c));
                        continue;
                    }
                    c
                }
                _ => {
                    at += 1;
                    out.push(punct(start, at, char::from(byte)));
                    continue;
                }
            }
        };
        let number = first.is_ascii_digit();
        at += first.len_utf8();
        let mut ascii = byte < 0x80;
        loop {
            at = alnum_end(bytes, at);
            // Only a joining mark or a character outside ASCII may go on with the word.
            if bytes
                .get(at)
                .is_none_or(|&b| class(b) & (JOINER | HIGH) == 0)
            {
                break;
            }
            let Some(next) = char_at(text, at) else {
                break;
            };
            let width = next.len_utf8();
            // ASCII letters and digits were taken by the loop above.
            let joins = if width > 1 && is_alphanumeric(next) {
                true
            } else if matches!(next, '\'' | '\u{2019}' | '-' | '.' | ',') {
                let after = char_at(text, at + width);
                match next {
                    ',' => number && after.is_some_and(|a| a.is_ascii_digit()),
                    '.' if number => after.is_some_and(|a| a.is_ascii_digit()),
                    // "U.S." and "N.K.": a full stop between single capitals.
                    '.' => after.is_some_and(char::is_uppercase) && at - start == 1,
                    _ => after.is_some_and(is_alphanumeric),
                }
            } else {
                false
            };
            if !joins {
                break;
            }
            ascii &= width == 1;
            at += width;
        }
        let word = &bytes[start..at];
        let (kind, entry) = if number {
            (Kind::Number, words::Entry::none())
        } else if ascii {
            (Kind::Word, lookup_ascii(bytes, start, at, lexicon))
        } else {
            (Kind::Word, lookup(word, lexicon))
        };
        out.push(Token {
            start,
            end: at,
            kind,
            id: entry.id,
            flags: entry.flags,
            capital: first.is_uppercase(),
        });
    }
}

/// The key of an ASCII word of at most [`LONGEST`] bytes in lower case. Its bytes are letters,
/// digits, apostrophes, hyphens and full stops, all of which but the capitals have the bit 0x20
/// set: setting it lowers the case.
fn lower_key(word: &[u8]) -> words::Key {
    let mut buffer = [0u8; LONGEST];
    for (lower, &byte) in buffer.iter_mut().zip(word) {
        *lower = byte | 0x20;
    }
    words::Key::of(&buffer)
}

/// The [`words::short_key`] of the ASCII word `start..end` of `text`, of one to eight bytes, in
/// lower case (see [`lower_key`]): eight bytes read at once where the text has them.
fn lower_short_key(text: &[u8], start: usize, end: usize) -> u64 {
    let length = end - start;
    let bytes = match text.get(start..start + 8) {
        Some(eight) => {
            let mut bytes = [0u8; 8];
            bytes.copy_from_slice(eight);
            u64::from_le_bytes(bytes)
        }
        // The last bytes of the text, one by one.
        None => text[start..end]
            .iter()
            .rev()
            .fold(0, |word, &byte| (word << 8) | u64::from(byte)),
    };
    let mask = u64::MAX >> (8 * (8 - length.clamp(1, 8)));
    (bytes | 0x2020_2020_2020_2020) & mask
}

/// A punctuation token.
fn punct(start: usize, end: usize, mark: char) -> Token {
    Token {
        start,
        end,
        kind: Kind::Punct(mark),
        id: words::UNKNOWN,
        flags: 0,
        capital: false,
    }
}

/// [`lookup`] of the word `start..end` of `text`, of ASCII bytes only: a short word is looked up
/// by its bytes read at once, a longer one ruled out by its length and first and last letters
/// before it is copied. Inlined into the tokenizer's loop: most words go through here.
#[inline(always)]
fn lookup_ascii(text: &[u8], start: usize, end: usize, lexicon: &Lexicon) -> words::Entry {
    let word = &text[start..end];
    let (Some(&first), Some(&last)) = (word.first(), word.last()) else {
        return words::Entry::none();
    };
    // Longer than any listed word: in no list, not even a negation.
    if word.len() > LONGEST {
        return words::Entry::none();
    }
    // Letters, digits and the joining marks: 0x20 set is lower case.
    let mut entry = if word.len() <= 8 {
        lexicon.find_short(lower_short_key(text, start, end))
    } else if lexicon.may_hold(word.len(), first | 0x20, last | 0x20) {
        lexicon.find(lower_key(word))
    } else {
        words::Entry::none()
    };
    if let [.., n, b'\'', t] = word
        && n | 0x20 == b'n'
        && t | 0x20 == b't'
    {
        entry.flags |= words::NEGATION;
    }
    entry
}

/// The lexicon entry of `word`, matched in lower case with a curly apostrophe read as a straight
/// one; a word ending in "n't" is a negation.
fn lookup(word: &[u8], lexicon: &Lexicon) -> words::Entry {
    if word.len() > LONGEST + 2 {
        return words::Entry::none();
    }
    let mut buffer = [0u8; LONGEST];
    let mut len = 0;
    let bytes = word;
    let mut at = 0;
    while let Some(&byte) = bytes.get(at) {
        // A curly apostrophe (E2 80 99 in UTF-8) reads as a straight one; any other letter
        // outside ASCII puts the word in no list.
        let lower = match byte {
            0..0x80 => byte.to_ascii_lowercase(),
            0xE2 if bytes.get(at + 1..at + 3) == Some(&[0x80, 0x99]) => {
                at += 2;
                b'\''
            }
            _ => return words::Entry::none(),
        };
        if len == LONGEST {
            return words::Entry::none();
        }
        buffer[len] = lower;
        len += 1;
        at += 1;
    }
    let lower = &buffer[..len];
    let mut entry = lexicon.get(lower);
    if lower.ends_with(b"n't") {
        entry.flags |= words::NEGATION;
    }
    entry
}

#[cfg(test)]
mod tests;
