//! Words and numerals of a unit's text, with their byte ranges: the one tokenizer that figures,
//! hedges and content terms are read from. Letters, digits, and a hyphen or apostrophe inside a
//! word ("Seong-kweun", "Korea's") stay in one token; a numeral keeps its thousands separators
//! and decimal point ("2,700", "1.5").

use std::ops::Range;

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Letters (possibly with digits, hyphens, apostrophes).
    Word,
    /// Digits with separators: "300", "2,700", "1.5".
    Numeral,
}

/// One token of a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token<'a> {
    /// Word or numeral.
    pub kind: Kind,
    /// The token as written.
    pub text: &'a str,
    /// Its lower-case form (apostrophes folded to `'`).
    pub lower: String,
    /// Where it stands in the text.
    pub range: Range<usize>,
}

/// The tokens of `text`, in order.
pub fn tokens(text: &str) -> Vec<Token<'_>> {
    let mut out = Vec::new();
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut i = 0;
    while i < chars.len() {
        let (start, c) = chars[i];
        if !c.is_alphanumeric() {
            i += 1;
            continue;
        }
        let numeral = c.is_ascii_digit();
        let mut j = i + 1;
        while j < chars.len() {
            let c = chars[j].1;
            let next_digit = chars.get(j + 1).is_some_and(|(_, n)| n.is_ascii_digit());
            let next_alnum = chars.get(j + 1).is_some_and(|(_, n)| n.is_alphanumeric());
            let keep = if numeral {
                c.is_ascii_digit() || ((c == ',' || c == '.') && next_digit)
            } else {
                c.is_alphanumeric() || (matches!(c, '-' | '\'' | '’') && next_alnum)
            };
            if !keep {
                break;
            }
            j += 1;
        }
        let end = chars.get(j).map_or(text.len(), |(at, _)| *at);
        let slice = &text[start..end];
        out.push(Token {
            kind: if numeral { Kind::Numeral } else { Kind::Word },
            text: slice,
            lower: slice.to_lowercase().replace('’', "'"),
            range: start..end,
        });
        i = j;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numerals_keep_separators_and_words_their_hyphens() {
        let found: Vec<(Kind, &str)> = tokens("Some 2,700 (1.5) Seong-kweun’s, 300.")
            .iter()
            .map(|t| (t.kind, t.text))
            .collect();
        assert_eq!(
            found,
            [
                (Kind::Word, "Some"),
                (Kind::Numeral, "2,700"),
                (Kind::Numeral, "1.5"),
                (Kind::Word, "Seong-kweun’s"),
                (Kind::Numeral, "300"),
            ]
        );
    }
}
