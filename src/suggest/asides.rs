//! The subject of a verb set apart from it: a name an aside between commas separates from its
//! verb ("Ana Ruiz, 52, a nurse from Dayton, Ohio, said") and the name a relative clause hangs
//! on ("Labor Secretary Ana Ruiz, who said").

use super::names::{Found, before_name, governed_place, is_one_of, past_bracket};
use super::tokens::{Kind, Token};

/// The name before ", who" when the subject ending at token `end` is that "who".
pub(super) fn relative(text: &str, tokens: &[Token], end: usize) -> Option<Found> {
    let head = tokens.get(end.checked_sub(1)?)?;
    if is_one_of(text, head, &["who"]) && end >= 2 && tokens[end - 2].is_punct(',') {
        return before_name(text, tokens, end - 2);
    }
    None
}

/// The most tokens of an aside between a name and its verb ("Ana Ruiz, 52, of Dayton, Ohio,").
const ASIDE: usize = 24;

/// The name that opens a clause before the comma at token `comma` and the aside it closes: the
/// first name of the clause followed by a comma, the clause beginning at the unit's start or at
/// a quotation mark ("“...,” Ana Ruiz, 52, said"). A name after a word ("of Dayton, Ohio,") is
/// inside the aside.
pub(super) fn name_before_aside(text: &str, tokens: &[Token], comma: usize) -> Option<Found> {
    let mut name = None;
    let mut at = comma;
    while at > comma.saturating_sub(ASIDE) {
        at -= 1;
        let token = &tokens[at];
        // A bracket after a name is part of it: read on before its opening mark.
        if token.is_punct(')') && tokens.get(at + 1).is_some_and(|next| next.is_punct(',')) {
            let open = past_bracket(tokens, at + 1);
            if open <= at {
                at = open;
                continue;
            }
        }
        match token.kind {
            Kind::Punct(',') => {
                // "Ana Gil (R-Ohio), the chair, said": the name before its bracket.
                if let Some(found) = before_name(text, tokens, past_bracket(tokens, at))
                    && let Ok(first) =
                        tokens.binary_search_by_key(&found.start, |token| token.start)
                    && (first == 0 || !tokens[first - 1].is_word())
                    // "in Salem, New Hampshire, Trump said": a place after a place a
                    // preposition governs opens no clause.
                    && !(first > 0
                        && tokens[first - 1].is_punct(',')
                        && governed_place(text, tokens, first - 1).is_some())
                {
                    name = Some(found);
                }
            }
            Kind::Punct('"' | '\u{201C}' | '\u{201D}' | ':' | ';' | '(' | ')') => break,
            _ => {}
        }
    }
    name
}
