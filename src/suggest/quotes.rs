//! Quotation marks: which marks open and close a quotation and which are apostrophes, and whether
//! a quoted span is someone's words or only a scare quote.
//!
//! Double marks (straight, curly, guillemets) pair up, and a quotation left open at the end of a
//! sentence goes on into the next ones of its paragraph (the caller carries that state). Single
//! marks are quotation marks only at the edge of a word: "‘Ready’" in a headline, "'no deal'",
//! but never the apostrophe of "Russia's" or "soldiers' lives"; punctuation after a closing
//! mark does not hide it. A short span (fewer than
//! [`FULL_WORDS`] words, no clause punctuation) is a quotation when the sentence attributes it
//! or the unit is a headline, and holds two words or more; otherwise it is a scare quote
//! ("amnesty", "temporary") and proposes nothing.

use super::tokens::{Kind, Token};

/// A quoted span of at least this many words is someone's words whatever surrounds it.
pub const FULL_WORDS: usize = 4;

/// How a quoted span reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Weight {
    /// Long enough, or with clause punctuation, to be words quoted.
    Full,
    /// One to three words: a quotation only when attributed, else a scare quote.
    Short,
}

/// One quoted span, its marks included, in byte offsets of the unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Span {
    /// Offset of the opening mark (or of the unit's start when the quotation began before it).
    pub start: usize,
    /// Offset just past the closing mark (or the unit's end when it goes on).
    pub end: usize,
    /// Full or short.
    pub weight: Weight,
    /// Whether its marks are single ones.
    pub single: bool,
    /// Whether it goes on with a quotation opened in an earlier unit.
    pub continued: bool,
    /// How many words and figures it holds.
    pub words: usize,
}

/// The quoted spans of a unit, and whether a double quotation is still open at its end.
#[derive(Debug, Default, Clone)]
pub struct Quotes {
    /// Spans in order.
    pub spans: Vec<Span>,
    /// Whether a double quotation opened in this unit (or before it) is still open at its end.
    pub open_at_end: bool,
}

impl Quotes {
    /// Whether byte `offset` of the unit lies inside a quoted span.
    pub fn inside(&self, offset: usize) -> bool {
        self.spans
            .iter()
            .any(|span| span.start <= offset && offset < span.end)
    }
}

fn is_double_open(c: char) -> bool {
    matches!(c, '\u{201C}' | '\u{00AB}' | '\u{201E}')
}

fn is_double_close(c: char) -> bool {
    matches!(c, '\u{201D}' | '\u{00BB}')
}

/// Finds the quoted spans of `text` (tokenized as `tokens`), with a double quotation `open` on
/// entry when the previous unit of the paragraph left one open.
#[cfg(test)]
pub fn find(text: &str, tokens: &[Token], open: bool) -> Quotes {
    let mut quotes = Quotes::default();
    find_into(text, tokens, open, &mut quotes);
    quotes
}

/// [`find`] into `quotes`, cleared first, so that a caller going through many units keeps one.
pub fn find_into(text: &str, tokens: &[Token], open: bool, quotes: &mut Quotes) {
    quotes.spans.clear();
    quotes.open_at_end = false;
    let mut double: Option<usize> = open.then_some(0);
    let mut single: Option<usize> = None;
    for (at, token) in tokens.iter().enumerate() {
        let Kind::Punct(c) = token.kind else {
            continue;
        };
        if c == '"' || is_double_open(c) || is_double_close(c) {
            let opens = if c == '"' {
                double.is_none()
            } else {
                is_double_open(c)
            };
            match (opens, double) {
                (true, None) => double = Some(token.start),
                (true, Some(_)) => {}
                (false, Some(start)) => {
                    push(quotes, text, tokens, start, token.end, false);
                    double = None;
                }
                (false, None) => {}
            }
        } else if c == '\'' || c == '\u{2018}' || c == '\u{2019}' {
            let before = at.checked_sub(1).map(|i| &tokens[i]);
            let after = tokens.get(at + 1);
            // A mark at a word's edge: an opening one before a word and after no word, a
            // closing one after a word or its punctuation ("sell the club,'") and before no word
            // ("'ready to swap prisoners',").
            let word_before = before.is_some_and(|b| b.end == token.start && !is_punct(b));
            let text_before = before.is_some_and(|b| b.end == token.start && !is_mark(b));
            let word_after = after.is_some_and(|a| a.start == token.end && !is_punct(a));
            match single {
                None if word_after && !word_before && c != '\u{2019}' => {
                    single = Some(token.start);
                }
                Some(start) if text_before && !word_after => {
                    push(quotes, text, tokens, start, token.end, true);
                    single = None;
                }
                _ => {}
            }
        }
    }
    if let Some(start) = double {
        push(quotes, text, tokens, start, text.len(), false);
        quotes.open_at_end = true;
    }
    quotes.spans.sort_by_key(|span| span.start);
}

/// Whether `text` opens with a quotation mark, so that a span from its start is not one carried
/// over from the unit before.
fn is_opening_mark(text: &str) -> bool {
    text.starts_with(['"', '\'', '\u{2018}', '\u{201C}', '\u{00AB}', '\u{201E}'])
}

fn is_mark(token: &Token) -> bool {
    matches!(
        token.kind,
        Kind::Punct('"' | '\'' | '\u{2018}' | '\u{2019}' | '\u{201C}' | '\u{201D}')
    )
}

fn is_punct(token: &Token) -> bool {
    matches!(token.kind, Kind::Punct(_))
}

/// Records the span `start..end`, weighed by its words and punctuation.
fn push(quotes: &mut Quotes, text: &str, tokens: &[Token], start: usize, end: usize, single: bool) {
    // Tokens are in order and apart: those inside are a run, found by halving.
    let first = tokens.partition_point(|token| token.start < start);
    let inner = tokens[first..].iter().take_while(|token| token.end <= end);
    // Punctuation counts only between words: "amnesty," ends with the comma American style
    // puts inside the marks.
    // A quoted sentence ("Prices will fall,") opens with a capital and closes with its
    // punctuation inside the marks.
    let (mut words, mut pending, mut clause) = (0, false, false);
    let mut capital = false;
    for token in inner {
        match token.kind {
            Kind::Word | Kind::Number => {
                capital |= words == 0 && token.capital;
                words += 1;
                clause |= pending;
                pending = false;
            }
            Kind::Punct(',' | '.' | '!' | '?' | ';' | ':') => pending = words > 0,
            Kind::Punct(_) => {}
        }
    }
    clause |= capital && pending;
    if words == 0 || text.get(start..end).is_none() {
        return;
    }
    let continued = start == 0 && !is_opening_mark(text);
    let weight = if words >= FULL_WORDS || clause || continued {
        Weight::Full
    } else {
        Weight::Short
    };
    quotes.spans.push(Span {
        start,
        end,
        weight,
        single,
        continued,
        words,
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::suggest::tokens::tokenize;
    use crate::suggest::words::lexicon;

    fn spans(text: &str, open: bool) -> (Vec<(&str, Weight)>, bool) {
        let mut tokens = Vec::new();
        tokenize(text, lexicon(), &mut tokens);
        let quotes = find(text, &tokens, open);
        (
            quotes
                .spans
                .iter()
                .map(|span| (&text[span.start..span.end], span.weight))
                .collect(),
            quotes.open_at_end,
        )
    }

    #[test]
    fn marks_pair_and_apostrophes_do_not() {
        let (found, open) = spans(
            "The crew’s ‘Ready’ sign and the sailors' \"new flag\".",
            false,
        );
        assert_eq!(
            found,
            [("‘Ready’", Weight::Short), ("\"new flag\"", Weight::Short)]
        );
        assert!(!open);
        let (found, open) = spans("“We will stay here until the end.", false);
        assert_eq!(found, [("“We will stay here until the end.", Weight::Full)]);
        assert!(open);
        let (found, open) = spans("It is over,” she wrote.", true);
        assert_eq!(found, [("It is over,”", Weight::Full)]);
        assert!(!open);
    }
}
