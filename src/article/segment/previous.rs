//! What stands before a single full stop: an ordinary word, an abbreviation of some class, a
//! dotted acronym, an initial, a time of day or a list marker.
//!
//! Looks only at the bytes before the stop; the words themselves are listed in `words`.

use super::words::{self, Abbreviation};

/// What stands just before a single full stop.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Previous {
    /// An ordinary word, a number or a symbol: the stop ends the sentence.
    Word,
    /// A connector written with dots (e.g., i.e.) or a list number at the start of a line.
    Title,
    /// A known abbreviation, a dotted acronym (U.S., Ph.D.) or a single letter (J., S.).
    Abbreviation(Abbreviation),
    /// "a.m." or "p.m.": the sentence goes on only into a day, a time zone or a month.
    Time,
}

impl Previous {
    /// What stands before the full stop at `at`, in the sentence that began at `sentence_start`.
    pub(super) fn before(text: &str, sentence_start: usize, at: usize) -> Previous {
        let bytes = text.as_bytes();
        let start = bytes[..at]
            .iter()
            .rposition(|byte| !byte.is_ascii_alphabetic())
            .map_or(0, |index| index + 1);
        let word = &bytes[start..at];
        if is_list_number(text, sentence_start, at) {
            return Previous::Title;
        }
        if word.is_empty() {
            return if text[..at].ends_with(['°', 'º']) {
                // "N°. 1026": a number sign.
                Previous::Title
            } else if is_single_letter(&text[..at]) {
                // "г. Москве", "Ł. Kowalski": an initial in another script.
                Previous::Abbreviation(Abbreviation::Weak)
            } else {
                Previous::Word
            };
        }
        match bytes[..start].last() {
            Some(b'.') => return Previous::dotted(bytes, start, at),
            Some(b'\'') => return Previous::Word,
            Some(&byte) if byte >= 0x80 => {
                // A word that merely ends in ASCII letters ("Müller", "don’t") is an ordinary
                // word, but an abbreviation may follow a curly quote or a dash.
                let before = text[..start].chars().next_back();
                if before.is_some_and(|c| c.is_alphanumeric() || c == '’') {
                    return Previous::Word;
                }
            }
            _ => {}
        }
        let before = token_before(bytes, start);
        let street_name = before.first().is_some_and(u8::is_ascii_uppercase)
            && !words::precedes_saint(before)
            && !words::is_sentence_starter(before);
        if word == b"St" && street_name {
            // "Main St." is a street and may end a sentence; "Mount St. Helens" and "In St. Louis"
            // name a saint.
            return Previous::Abbreviation(Abbreviation::Ender);
        }
        if word == b"in" && !before.is_empty() && before.iter().all(u8::is_ascii_digit) {
            return Previous::Abbreviation(Abbreviation::Ender);
        }
        if let Some(class) = words::abbreviation(word) {
            return Previous::Abbreviation(class);
        }
        if word.len() == 1 && !text[..start].ends_with('°') {
            return Previous::Abbreviation(Abbreviation::Weak);
        }
        Previous::Word
    }

    /// Classifies a word that follows another dot: "U.S", "p.m", "e.g", "Ph.D", "example.com".
    fn dotted(bytes: &[u8], start: usize, at: usize) -> Previous {
        let token_start = bytes[..start]
            .iter()
            .rposition(|byte| !(byte.is_ascii_alphabetic() || *byte == b'.'))
            .map_or(0, |index| index + 1);
        let token = &bytes[token_start..at];
        if matches!(token, b"e.g" | b"i.e" | b"E.g" | b"I.e" | b"a.k.a") {
            return Previous::Title;
        }
        if matches!(token, b"a.m" | b"p.m" | b"A.M" | b"P.M") {
            return Previous::Time;
        }
        let short_parts = token
            .split(|&byte| byte == b'.')
            .all(|part| !part.is_empty() && part.len() <= 2);
        if short_parts {
            Previous::Abbreviation(Abbreviation::Weak)
        } else {
            Previous::Word
        }
    }
}

/// The whitespace-delimited token before the word starting at `start`, if a single space
/// separates them: "Main" in "Main St", "3" in "3 in".
fn token_before(bytes: &[u8], start: usize) -> &[u8] {
    let Some(end) = start.checked_sub(1).filter(|&end| bytes[end] == b' ') else {
        return &[];
    };
    let begin = bytes[..end]
        .iter()
        .rposition(|byte| byte.is_ascii_whitespace())
        .map_or(0, |index| index + 1);
    &bytes[begin..end]
}

/// Where the list marker before the full stop at `at` begins, if the stop follows 1 to 3
/// digits or a single letter that stand alone ("2.", "b.").
fn list_marker_start(bytes: &[u8], at: usize) -> Option<usize> {
    let digits = bytes[..at]
        .iter()
        .rev()
        .take_while(|byte| byte.is_ascii_digit())
        .count();
    let len = match digits {
        1..=3 => digits,
        0 if at > 0 && bytes[at - 1].is_ascii_alphabetic() => 1,
        _ => return None,
    };
    let begin = at - len;
    let alone = begin == 0 || bytes[begin - 1].is_ascii_whitespace();
    alone.then_some(begin)
}

/// Whether the full stop at `at` ends a list marker that opens a line or the sentence begun at
/// `start`, perhaps after a bullet: "1. The first", "• 9. The first", "b. The second".
pub(super) fn is_list_number(text: &str, start: usize, at: usize) -> bool {
    let Some(begin) = list_marker_start(text.as_bytes(), at) else {
        return false;
    };
    let mut before = text[..begin].char_indices().rev();
    loop {
        match before.next() {
            None => return true,
            Some((index, _)) if index < start => return true,
            Some((_, '\n')) => return true,
            Some((_, c))
                if c.is_whitespace() || matches!(c, '•' | '⁃' | '‣' | '◦' | '▪' | '-' | '*') =>
                {}
            Some(_) => return false,
        }
    }
}

/// Whether `text` ends in a lone letter, such as "г" in "в г", with no letter or digit before it.
fn is_single_letter(text: &str) -> bool {
    let mut chars = text.chars().rev();
    chars.next().is_some_and(char::is_alphabetic)
        && chars.next().is_none_or(|c| !c.is_alphanumeric())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn previous(text: &str) -> Previous {
        let at = text.rfind('.').unwrap();
        Previous::before(text, 0, at)
    }

    #[test]
    fn the_word_before_a_stop_is_classified() {
        assert_eq!(
            previous("said Mr."),
            Previous::Abbreviation(Abbreviation::Title)
        );
        assert_eq!(
            previous("in the U.S."),
            Previous::Abbreviation(Abbreviation::Weak)
        );
        assert_eq!(previous("at 5 p.m."), Previous::Time);
        assert_eq!(
            previous("Ph.D."),
            Previous::Abbreviation(Abbreviation::Weak)
        );
        assert_eq!(previous("в г."), Previous::Abbreviation(Abbreviation::Weak));
        assert_eq!(previous("40 °C."), Previous::Word);
        assert_eq!(previous("fruit, e.g."), Previous::Title);
        assert_eq!(
            previous("by J."),
            Previous::Abbreviation(Abbreviation::Weak)
        );
        assert_eq!(previous("b."), Previous::Title);
        assert_eq!(previous("N°."), Previous::Title);
        assert_eq!(
            previous("Acme Inc."),
            Previous::Abbreviation(Abbreviation::Ender)
        );
        assert_eq!(previous("see example.com."), Previous::Word);
        assert_eq!(previous("I don’t."), Previous::Word);
        assert_eq!(previous("I don't."), Previous::Word);
        assert_eq!(previous("Herr Müller."), Previous::Word);
        assert_eq!(
            previous("(“Dr."),
            Previous::Abbreviation(Abbreviation::Title)
        );
        assert_eq!(previous("a sales rep."), Previous::Word);
        assert_eq!(previous("rose 5%."), Previous::Word);
        assert_eq!(previous("items\n 2."), Previous::Title);
        assert_eq!(previous("by 2."), Previous::Word);
    }
}
