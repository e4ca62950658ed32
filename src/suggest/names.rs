//! Who a phrase names: the noun phrase before a verb ("lawmaker Lee Seong-kweun told") or after a
//! preposition or an inverted verb ("according to Rep. Lee", "said Koo, a spokesman"), with
//! titles and roles dropped from a name ("Ukrainian President Volodymyr Zelensky" is "Volodymyr
//! Zelensky"), and a phrase without a name kept as a description ("a South Korean lawmaker").
//!
//! Only the tokens next to the anchor are read, at most [`LONGEST`] of them.

use super::tokens::{Kind, Token};
use super::words::{
    ADVERB, AUXILIARY, BODY, DENY, DETERMINER, NEGATION, PRONOUN, REPORT, ROLE, STARTER, TITLE,
};

/// The most tokens a speaker's phrase takes.
const LONGEST: usize = 7;

/// What a phrase says of its speaker.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Who {
    /// A name, titles dropped: "Lee Seong-kweun", "NIS".
    Named(String),
    /// "He", "she", "they", "him": someone named before.
    Pronoun,
    /// "The lawmaker": someone named before, or else this description.
    Definite(String),
    /// "A South Korean lawmaker": a description, no name.
    Described(String),
}

/// A speaker's phrase and where it stands in the unit (byte offsets).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    /// What it says.
    pub who: Who,
    /// Offset of its first character.
    pub start: usize,
    /// Offset just past its last character.
    pub end: usize,
}

fn is_subject_pronoun(text: &str, token: &Token) -> bool {
    token.is(PRONOUN)
        && matches!(
            text[token.start..token.end].to_ascii_lowercase().as_str(),
            "he" | "she" | "they"
        )
}

/// Whether `token` may be part of a speaker's phrase: a capitalised word, a title or role, or
/// the full stop of an abbreviated title ("Rep.").
fn may_join(tokens: &[Token], at: usize) -> bool {
    let token = &tokens[at];
    match token.kind {
        Kind::Word => {
            (token.capital || token.is(ROLE | TITLE))
                && !token.is(REPORT | AUXILIARY | NEGATION | DENY)
                && !(token.is(DETERMINER) && !token.capital)
        }
        Kind::Punct('.') => at > 0 && tokens[at - 1].is(TITLE) && tokens[at - 1].end == token.start,
        _ => false,
    }
}

/// Whether `token` is a lower-case modifier that may stand inside a role's phrase ("spy" in
/// "the spy agency").
fn is_modifier(token: &Token) -> bool {
    token.is_word()
        && !token.capital
        && !token.is(DETERMINER | AUXILIARY | ADVERB | REPORT | NEGATION | PRONOUN | STARTER)
}

/// The subject of the verb at token `verb`: the phrase just before it, past a few adverbs and
/// auxiliaries ("Lee has also said").
pub fn before(text: &str, tokens: &[Token], verb: usize) -> Option<Found> {
    let mut end = verb;
    while end > 0
        && verb - end < 3
        && tokens[end - 1].is(ADVERB | AUXILIARY)
        && !tokens[end - 1].capital
    {
        end -= 1;
    }
    let head = tokens.get(end.checked_sub(1)?)?;
    if is_subject_pronoun(text, head) {
        return Some(found(Who::Pronoun, head, head));
    }
    if !may_join(tokens, end - 1) {
        return None;
    }
    let role_head = head.is(ROLE) && !head.capital;
    let mut start = end - 1;
    let mut modifiers = 0;
    while start > 0 && end - start < LONGEST {
        let previous = start - 1;
        if may_join(tokens, previous) {
            start = previous;
        } else if role_head && modifiers < 2 && is_modifier(&tokens[previous]) {
            modifiers += 1;
            start = previous;
        } else {
            break;
        }
    }
    let definite = start > 0 && is_definite(text, &tokens[start - 1]);
    let found = judge(text, &tokens[start..end], definite)?;
    // "Russia and North Korea deny": both are the subject.
    if let Who::Named(name) = &found.who
        && start >= 2
        && text[tokens[start - 1].start..tokens[start - 1].end] == *"and"
        && let Some(Found {
            who: Who::Named(first),
            start: from,
            ..
        }) = before_name(text, tokens, start - 1)
    {
        return Some(Found {
            who: Who::Named(format!("{first} and {name}")),
            start: from,
            end: found.end,
        });
    }
    Some(found)
}

/// The name just before token `end`, with no adverb skipped: the first of two joined by "and".
fn before_name(text: &str, tokens: &[Token], end: usize) -> Option<Found> {
    let mut start = end;
    while start > 0 && end - start < LONGEST && may_join(tokens, start - 1) {
        start -= 1;
    }
    if start == end {
        return None;
    }
    judge(text, &tokens[start..end], false).filter(|found| matches!(found.who, Who::Named(_)))
}

/// The phrase that starts at token `from` ("according to [Rep. Lee]", "said [Koo], a
/// spokesman", "shared by [lawmaker Lee]").
pub fn after(text: &str, tokens: &[Token], from: usize) -> Option<Found> {
    let mut start = from;
    let mut definite = false;
    if let Some(token) = tokens.get(start)
        && token.is(DETERMINER)
        && !token.is(PRONOUN)
    {
        definite = is_definite(text, token);
        start += 1;
    }
    let first = tokens.get(start)?;
    if first.is(PRONOUN) {
        return Some(found(Who::Pronoun, first, first));
    }
    let mut end = start;
    while end < tokens.len() && end - start < LONGEST {
        if may_join(tokens, end) {
            end += 1;
        } else if is_modifier(&tokens[end])
            && tokens
                .get(end + 1)
                .is_some_and(|next| next.is(ROLE) && !next.capital)
        {
            end += 1;
        } else {
            break;
        }
    }
    if end == start {
        return None;
    }
    judge(text, &tokens[start..end], definite)
}

fn is_definite(text: &str, token: &Token) -> bool {
    token.is(DETERMINER)
        && matches!(
            text[token.start..token.end].to_ascii_lowercase().as_str(),
            "the" | "this" | "that" | "these" | "those"
        )
}

/// Names the phrase `words`: drops opening words that open sentences ("However", "The"), then
/// titles before a name; a phrase whose last word is a lower-case role is a description.
fn judge(text: &str, words: &[Token], definite: bool) -> Option<Found> {
    let mut words = words;
    let mut definite = definite;
    while let [first, rest @ ..] = words {
        if first.is(STARTER) && first.is_word() {
            definite |= is_definite(text, first);
            words = rest;
        } else {
            break;
        }
    }
    let (first, last) = (words.first()?, words.last()?);
    let all_roles = words
        .iter()
        .all(|word| word.is(ROLE | TITLE) || word.is_punct('.'));
    if last.is(ROLE | TITLE) && (!last.capital || all_roles) {
        let description = joined(text, words);
        let who = if definite && !last.is(BODY) {
            Who::Definite(description)
        } else {
            Who::Described(description)
        };
        return Some(found(who, first, last));
    }
    // The name is what follows the last title: "lawmaker Lee", "Rep. Lee", "President Zelensky".
    let name_from = words
        .iter()
        .rposition(|word| word.is(TITLE) || word.is_punct('.'))
        .map_or(0, |at| at + 1);
    let name = &words[name_from.min(words.len() - 1)..];
    let named = name.iter().any(|word| word.capital && word.is_word());
    if !named {
        return None;
    }
    Some(found(Who::Named(joined(text, name)), &name[0], last))
}

fn found(who: Who, first: &Token, last: &Token) -> Found {
    Found {
        who,
        start: first.start,
        end: last.end,
    }
}

/// The words' text with single spaces, a full stop kept against its word ("Rep.").
fn joined(text: &str, words: &[Token]) -> String {
    let mut out = String::new();
    for word in words {
        if !out.is_empty() && !word.is_punct('.') {
            out.push(' ');
        }
        out.push_str(&text[word.start..word.end]);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::suggest::tokens::tokenize;
    use crate::suggest::words::lexicon;

    fn subject(text: &str, verb: &str) -> Option<Who> {
        let mut tokens = Vec::new();
        tokenize(text, lexicon(), &mut tokens);
        let at = tokens.iter().position(|t| &text[t.start..t.end] == verb)?;
        before(text, &tokens, at).map(|found| found.who)
    }

    #[test]
    fn subjects_lose_their_titles_and_keep_descriptions() {
        let named = |name: &str| Some(Who::Named(name.to_owned()));
        assert_eq!(
            subject("Finance Minister Ana Ruiz told reporters", "told"),
            named("Ana Ruiz")
        );
        assert_eq!(
            subject("Then Rep. Mo Tan has also said", "said"),
            named("Mo Tan")
        );
        assert_eq!(
            subject("However, the Kremlin said", "said"),
            named("Kremlin")
        );
        assert_eq!(subject("she added", "added"), Some(Who::Pronoun));
        assert_eq!(
            subject("the coastal agency said", "said"),
            Some(Who::Described("coastal agency".to_owned()))
        );
        assert_eq!(
            subject("the spokeswoman added", "added"),
            Some(Who::Definite("spokeswoman".to_owned()))
        );
        assert_eq!(
            subject("Officials said", "said"),
            Some(Who::Described("Officials".to_owned()))
        );
        assert_eq!(
            subject("a Peruvian lawmaker said", "said"),
            Some(Who::Described("Peruvian lawmaker".to_owned()))
        );
        assert_eq!(subject("prices are said to rise", "said"), None);
    }
}
