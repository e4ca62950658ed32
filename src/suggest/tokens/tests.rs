//! The tokenizer's tests: its fast path against a reading character by character.

use super::*;
use crate::suggest::words::{NEGATION, REPORT, lexicon};

fn texts<'a>(text: &'a str, tokens: &[Token]) -> Vec<&'a str> {
    tokens.iter().map(|t| &text[t.start..t.end]).collect()
}

/// The tokenizer read character by character, as it was before the byte-class fast path:
/// the reference the fast path must agree with.
fn reference(text: &str, lexicon: &Lexicon) -> Vec<Token> {
    let mut out = Vec::new();
    let mut at = 0;
    while let Some(c) = char_at(text, at) {
        let start = at;
        at += c.len_utf8();
        if c.is_whitespace() {
            continue;
        }
        if !c.is_alphanumeric() {
            out.push(punct(start, at, c));
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
            (Kind::Word, lookup(&text.as_bytes()[start..at], lexicon))
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
    out
}

/// Pieces of text that exercise every branch: listed words in any case, "n't" with both
/// apostrophes, initials, figures, every joining mark, letters and spaces outside ASCII.
const PIECES: &[&str] = &[
    " ",
    "  ",
    "\n",
    "\t",
    "\u{0B}",
    "\u{A0}",
    "\u{85}",
    "\u{2003}",
    "said",
    "SAID",
    "Said",
    "denied",
    "didn't",
    "DIDN\u{2019}T",
    "can't",
    "n't",
    "not",
    "the",
    "The",
    "U",
    ".",
    "S",
    "N",
    "K",
    ",",
    "'",
    "\u{2019}",
    "-",
    "\"",
    "\u{201C}",
    "\u{201D}",
    "(",
    ")",
    ":",
    "2",
    "700",
    "3.5",
    "1,000",
    "a",
    "é",
    "É",
    "ß",
    "İ",
    "Ω",
    "ǅ",
    "٣",
    "x",
    "Lee",
    "Seong",
    "kweun",
    "spokesman",
    "Rep",
    "lawmaker",
    "reportedly",
    "according",
    "to",
    "\u{1F600}",
    "\u{0}",
    "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
    "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaan't",
    "b\u{2019}",
];

proptest::proptest! {
    #[test]
    fn fast_path_reads_as_the_reference(
        picks in proptest::collection::vec(0..PIECES.len(), 0..40)
    ) {
        let text: String = picks.iter().map(|&pick| PIECES[pick]).collect();
        let mut tokens = Vec::new();
        tokenize(&text, lexicon(), &mut tokens);
        proptest::prop_assert_eq!(tokens, reference(&text, lexicon()), "{:?}", text);
    }

    #[test]
    fn fast_path_reads_any_text_as_the_reference(text in "\\PC{0,60}") {
        let mut tokens = Vec::new();
        tokenize(&text, lexicon(), &mut tokens);
        proptest::prop_assert_eq!(tokens, reference(&text, lexicon()), "{:?}", text);
    }
}

#[test]
fn eight_bytes_at_once_are_told_as_one_by_one() {
    for byte in 0..=255u8 {
        for place in 0..8 {
            let mut eight = *b"aZ09zA9a";
            eight[place] = byte;
            let expected = eight.iter().enumerate().fold(0, |bits, (at, &b)| {
                bits | (u64::from(class(b) & ALNUM != 0) << (8 * at + 7))
            });
            assert_eq!(alnum_bits(u64::from_le_bytes(eight)), expected, "{byte:#x}");
        }
    }
}

#[test]
fn alphanumeric_is_told_as_char_tells_it() {
    for c in ('\0'..='\u{3000}').chain(['\u{1F600}', '\u{10FFFF}']) {
        assert_eq!(is_alphanumeric(c), c.is_alphanumeric(), "{c:?}");
    }
}

#[test]
fn listed_words_are_found_in_any_case_and_long_words_in_none() {
    let text = "SAID Denied didn’t DIDN'T aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaan't spokesman's";
    let mut tokens = Vec::new();
    tokenize(text, lexicon(), &mut tokens);
    let flags: Vec<u32> = tokens.iter().map(|t| t.flags).collect();
    assert_ne!(flags[0] & REPORT, 0);
    assert_ne!(flags[1] & words::DENY, 0);
    assert_ne!(flags[2] & NEGATION, 0);
    assert_ne!(flags[3] & NEGATION, 0);
    // Longer than any listed word: in no list, not even a negation.
    assert_eq!(flags[4], 0);
    assert_eq!(tokens[4].id, words::UNKNOWN);
    assert_eq!(tokens[5].id, words::UNKNOWN);
    assert_eq!(tokens, reference(text, lexicon()));
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
