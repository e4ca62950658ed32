//! What follows a terminator run: the first word of what may be the next sentence.
//!
//! Skips whitespace and opening quotes, brackets and emphasis, then reports the word's case, its
//! ASCII letters for the word lists, and whether it starts a speech tag ("Lee said").

use super::{char_at, words};

/// What follows a terminator run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Next<'a> {
    /// The shape of the next word.
    pub(super) kind: NextKind<'a>,
    /// The first character after the whitespace and opening marks, if any.
    pub(super) first: Option<char>,
    /// Byte offset of that character.
    pub(super) at: usize,
}

/// The shape of the word after a terminator run, as far as sentence ends care.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum NextKind<'a> {
    /// Nothing but whitespace is left.
    End,
    /// No whitespace after the run: "3.5", "U.S.-led", "example.com", "e.g.,".
    Glued,
    /// A word in lower case; `camel` for brands like iPhone and eBay.
    Lower { camel: bool },
    /// A capitalised word; `word` holds its ASCII letters, `initial` tells "A." from "A".
    Upper { word: &'a [u8], initial: bool },
    /// A digit.
    Digit,
    /// Anything else: a caseless script, a symbol, a dash.
    Other,
}

impl<'a> Next<'a> {
    /// Reads what follows the run that ends at byte `at`.
    pub(super) fn read(text: &'a str, at: usize) -> Next<'a> {
        let bytes = text.as_bytes();
        let mut pos = at;
        let mut spaced = false;
        let mut first = None;
        while let Some(c) = char_at(text, pos) {
            if c.is_whitespace() {
                spaced = true;
            } else if !spaced || !is_opener(c) {
                first = Some(c);
                break;
            }
            pos += c.len_utf8();
        }
        let kind = match first {
            None => NextKind::End,
            Some(_) if !spaced => NextKind::Glued,
            Some(c) if c.is_ascii_digit() => NextKind::Digit,
            Some(c) if c.is_ascii_lowercase() => NextKind::Lower {
                camel: bytes.get(pos + 1).is_some_and(u8::is_ascii_uppercase),
            },
            Some(c) if c.is_ascii_uppercase() => {
                let len = bytes[pos..]
                    .iter()
                    .take_while(|byte| byte.is_ascii_alphabetic())
                    .count();
                NextKind::Upper {
                    word: &bytes[pos..pos + len],
                    initial: len == 1 && bytes.get(pos + 1) == Some(&b'.'),
                }
            }
            Some(c) if c.is_lowercase() => NextKind::Lower { camel: false },
            Some(c) if c.is_uppercase() => NextKind::Upper {
                word: &[],
                initial: false,
            },
            Some(_) => NextKind::Other,
        };
        Next {
            kind,
            first,
            at: pos,
        }
    }
}

/// Marks that may open a sentence before its first word: quotes, brackets, emphasis.
fn is_opener(c: char) -> bool {
    matches!(
        c,
        '"' | '\''
            | '('
            | '['
            | '*'
            | '_'
            | '“'
            | '‘'
            | '«'
            | '‹'
            | '„'
            | '¿'
            | '¡'
            | '「'
            | '『'
            | '（'
    )
}

/// Whether the capitalised words at `at` are a speech tag such as "Lee said" or "Lee Seong-kweun
/// asked": up to four names or titles, then a speech verb. A pronoun ("He said talks went on") opens a new
/// sentence instead, as does any sentence opener.
pub(super) fn is_speech_tag(bytes: &[u8], at: usize) -> bool {
    let mut pos = at;
    for names in 0..5 {
        let len = bytes[pos..]
            .iter()
            .take_while(|&&byte| byte.is_ascii_alphabetic() || byte == b'-')
            .count();
        let word = &bytes[pos..pos + len];
        if names > 0 && words::is_speech_verb(word) {
            return true;
        }
        let capitalised = word.first().is_some_and(u8::is_ascii_uppercase);
        if !capitalised || words::is_sentence_starter(word) {
            return false;
        }
        // A title may stand among the names: "Why?" Rep. Lee asked.
        let titled = bytes.get(pos + len) == Some(&b'.')
            && words::abbreviation(word) == Some(words::Abbreviation::Title);
        let gap = usize::from(titled) + 1;
        if bytes.get(pos + len + gap - 1) != Some(&b' ') {
            return false;
        }
        pos += len + gap;
    }
    false
}
