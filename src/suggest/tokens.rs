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
const LONGEST: usize = 32;

/// The character at byte `at` of `text` (a character boundary), read without decoding when it is
/// ASCII, as news text mostly is.
fn char_at(text: &str, at: usize) -> Option<char> {
    match text.as_bytes().get(at) {
        Some(&byte) if byte < 0x80 => Some(char::from(byte)),
        Some(_) => text.get(at..).and_then(|rest| rest.chars().next()),
        None => None,
    }
}

/// Splits `text` into `out` (cleared first).
pub fn tokenize(text: &str, lexicon: &Lexicon, out: &mut Vec<Token>) {
    out.clear();
    let mut at = 0;
    while let Some(c) = char_at(text, at) {
        let start = at;
        at += c.len_utf8();
        if c.is_whitespace() {
            continue;
        }
        if !c.is_alphanumeric() {
            out.push(Token {
                start,
                end: at,
                kind: Kind::Punct(c),
                id: words::UNKNOWN,
                flags: 0,
                capital: false,
            });
            continue;
        }
        let number = c.is_ascii_digit();
        while let Some(next) = char_at(text, at) {
            let width = next.len_utf8();
            let joins = if next.is_alphanumeric() {
                true
            } else if matches!(next, '\'' | '\u{2019}' | '-' | '.' | ',') {
                let after = char_at(text, at + width);
                match next {
                    ',' => number && after.is_some_and(|a| a.is_ascii_digit()),
                    '.' if number => after.is_some_and(|a| a.is_ascii_digit()),
                    // "U.S." and "N.K.": a full stop between single capitals.
                    '.' => after.is_some_and(char::is_uppercase) && at - start == 1,
                    _ => after.is_some_and(char::is_alphanumeric),
                }
            } else {
                false
            };
            if !joins {
                break;
            }
            at += width;
        }
        let (kind, entry) = if number {
            (Kind::Number, words::Entry::none())
        } else {
            (Kind::Word, lookup(&text[start..at], lexicon))
        };
        out.push(Token {
            start,
            end: at,
            kind,
            id: entry.id,
            flags: entry.flags,
            capital: c.is_uppercase(),
        });
    }
}

/// The lexicon entry of `word`, matched in lower case with a curly apostrophe read as a straight
/// one; a word ending in "n't" is a negation.
fn lookup(word: &str, lexicon: &Lexicon) -> words::Entry {
    if word.len() > LONGEST + 2 {
        return words::Entry::none();
    }
    let mut buffer = [0u8; LONGEST];
    let mut len = 0;
    let bytes = word.as_bytes();
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
mod tests {
    use super::*;
    use crate::suggest::words::{NEGATION, REPORT, lexicon};

    fn texts<'a>(text: &'a str, tokens: &[Token]) -> Vec<&'a str> {
        tokens.iter().map(|t| &text[t.start..t.end]).collect()
    }

    #[test]
    fn words_keep_inner_apostrophes_hyphens_and_figures() {
        let text = "Seoul’s Lee Seong-kweun said 2,700 (U.S.) didn't \"go\".";
        let mut tokens = Vec::new();
        tokenize(text, lexicon(), &mut tokens);
        assert_eq!(
            texts(text, &tokens),
            [
                "Seoul’s",
                "Lee",
                "Seong-kweun",
                "said",
                "2,700",
                "(",
                "U.S",
                ".",
                ")",
                "didn't",
                "\"",
                "go",
                "\"",
                "."
            ]
        );
        assert!(tokens[3].is(REPORT));
        assert!(tokens[9].is(NEGATION));
        assert_eq!(tokens[4].kind, Kind::Number);
        assert!(tokens[1].capital && !tokens[3].capital);
    }
}
