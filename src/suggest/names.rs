//! Who a phrase names: the noun phrase before a verb ("lawmaker Lee Seong-kweun told") or after a
//! preposition or an inverted verb ("according to Rep. Lee", "said Koo, a spokesman"), with
//! titles and roles dropped from a name ("Ukrainian President Volodymyr Zelensky" is "Volodymyr
//! Zelensky"), and a phrase without a name kept as a description ("a South Korean lawmaker").
//!
//! Only the tokens next to the anchor are read, at most [`LONGEST`] of them.

use super::genders::{self, Gender};
pub(super) use super::phrase_words::{
    PREPOSITIONS, is_document, is_document_alone, is_modifier, is_one_of, may_join, past_bracket,
    word,
};
use super::phrase_words::{
    contracted, is_definite, is_initial, is_noun_head, is_plural_pronoun, is_possessive,
    is_skippable, is_spokesperson, is_starter, is_subject_pronoun,
};
use super::tokens::Token;
use super::words::{BODY, DETERMINER, MONTH, NUMBER, PRONOUN, ROLE, TIME, TITLE};
use super::{asides, of_phrases, sources};

/// The most tokens a speaker's phrase takes.
pub(super) const LONGEST: usize = 7;

/// The most lower-case words read past before a name after an inverted verb ("said former
/// harbour pilot Jon Vik").
const MODIFIERS: usize = 3;

/// What a phrase says of its speaker.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Who {
    /// A name, titles dropped: "Lee Seong-kweun", "NIS".
    Named(String),
    /// "He", "she", "him": someone named before, of the pronoun's gender when it has one.
    Pronoun(Option<Gender>),
    /// "They", "them": a group named before ("Britain and France"), never one person.
    Plural,
    /// "The lawmaker": someone named before, or else this description.
    Definite(String),
    /// "A South Korean lawmaker": a description, no name.
    Described(String),
    /// "The spy agency": a body named before by its initials ("NIS"), or else this description.
    Body(String),
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

/// The subject of the verb at token `verb`: the phrase just before it, past a few adverbs and
/// auxiliaries ("Lee has also said") and the comma closing an apposition ("the director,
/// Samuel Okoro, said").
pub fn before(text: &str, tokens: &[Token], verb: usize) -> Option<Found> {
    subject_before(text, tokens, verb, false)
}

/// [`before`], once `nested` inside the phrase a place belongs to: read no deeper, so that no
/// sentence, however long its chain of places, takes more than two calls.
fn subject_before(text: &str, tokens: &[Token], verb: usize, nested: bool) -> Option<Found> {
    let mut end = verb;
    while end > 0 && verb - end < 3 && is_skippable(text, &tokens[end - 1]) {
        end -= 1;
    }
    // "Ana Ruiz, 52, a nurse from Dayton, Ohio, said": the name that opens the clause, past
    // what the commas set off.
    if end > 1
        && tokens[end - 1].is_punct(',')
        && let Some(name) = asides::name_before_aside(text, tokens, end - 1)
    {
        return Some(name);
    }
    if end > 1 && tokens[end - 1].is_punct(',') && tokens[end - 2].capital {
        // Only a name between two commas is an apposition: "with Moscow, claiming" is not.
        let mut name = end - 2;
        while name > 0 && may_join(tokens, name - 1) {
            name -= 1;
        }
        if name > 0 && tokens[name - 1].is_punct(',') {
            // "a woman in Worcester, Massachusetts, told": a place set off after a place that a
            // preposition governs belongs to that phrase; what it hangs on speaks.
            if let Some(preposition) = governed_place(text, tokens, name - 1) {
                return if nested {
                    before_name(text, tokens, preposition)
                } else {
                    subject_before(text, tokens, preposition, true)
                };
            }
            end -= 1;
        }
    }
    if let Some(acronym) = sources::initials_in_brackets(text, tokens, end) {
        return Some(acronym);
    }
    // "Sen. Ana Gil (R-Ohio) has said": the bracket after a name is set aside.
    end = past_bracket(tokens, end);
    let head = tokens.get(end.checked_sub(1)?)?;
    if let Some(name) = asides::relative(text, tokens, end) {
        return Some(name);
    }
    if head.is_punct(',') {
        return None;
    }
    if is_subject_pronoun(text, head) {
        return Some(found(pronoun(text, head), head, head));
    }
    // "The report claimed": a document is a subject, though "report" is also a verb.
    let noun_head = is_noun_head(text, head) || is_document(text, head);
    if !may_join(tokens, end - 1) && !noun_head {
        return None;
    }
    let role_head = (head.is(ROLE) || noun_head) && !head.capital;
    let mut start = end - 1;
    let mut modifiers = 0;
    while start > 0 && end - start < LONGEST {
        let previous = start - 1;
        if may_join(tokens, previous) {
            start = previous;
        } else if role_head && modifiers < 2 && is_modifier(text, &tokens[previous]) {
            modifiers += 1;
            start = previous;
        } else {
            break;
        }
    }
    let definite = start > 0 && is_definite(text, &tokens[start - 1]);
    // "have in the past said", "officials in Kyiv said": a phrase a preposition governs is not
    // the subject ("of" and "for" are read below: "Ana Gil of Ohio", "a spokesman for the city";
    // "with coach Ivo Petrov saying", "statements by a Navy spokesman" and "observers from the
    // Vote Network" give their speaker).
    let governing = match start.checked_sub(1) {
        Some(before) if tokens[before].is(DETERMINER) => before.checked_sub(1),
        before => before,
    };
    if let Some(governing) = governing
        && is_one_of(text, &tokens[governing], PREPOSITIONS)
        && !is_one_of(
            text,
            &tokens[governing],
            &["of", "for", "with", "by", "from"],
        )
    {
        // The name the prepositional phrase hangs on speaks: "Ana Gil in Oslo said" is Ana Gil.
        return before_name(text, tokens, governing);
    }
    let found = judge(text, &tokens[start..end], definite)?;
    if let Some(both) = neither_nor(text, tokens, start, end, &found) {
        return Some(both);
    }
    if start < 2 {
        return Some(found);
    }
    let joint = word(text, &tokens[start - 1]);
    // "Russia and North Korea deny": both are the subject.
    if let Who::Named(name) = &found.who
        && joint == "and"
        && let Some(Found {
            who: Who::Named(first),
            start: from,
            ..
        }) = before_name(text, tokens, start - 1)
    {
        // "Britain, the Netherlands and Spain said": every name of the list, as written.
        let mut list = from;
        // Tokens are in order: the first name's token is found by its offset.
        let mut at = tokens
            .binary_search_by_key(&from, |token| token.start)
            .ok()?;
        for _ in 0..LONGEST {
            let mut comma = at;
            if comma > 0 && tokens[comma - 1].is(DETERMINER) && !tokens[comma - 1].capital {
                comma -= 1;
            }
            let Some(Found {
                who: Who::Named(_),
                start: item,
                ..
            }) = comma
                .checked_sub(1)
                .filter(|&comma| tokens[comma].is_punct(','))
                .and_then(|comma| before_name(text, tokens, comma))
            else {
                break;
            };
            list = item;
            at = tokens
                .binary_search_by_key(&item, |token| token.start)
                .ok()?;
        }
        let who = if list == from {
            format!("{first} and {name}")
        } else {
            text[list..found.end].to_owned()
        };
        return Some(Found {
            who: Who::Named(who),
            start: list,
            end: found.end,
        });
    }
    of_phrases::read(text, tokens, start..end, joint, found)
}

/// The preposition governing the name that ends at the comma `comma` ("in Worcester,"), if a
/// preposition other than "of", "for", "with", "by" or "from" governs it.
pub(super) fn governed_place(text: &str, tokens: &[Token], comma: usize) -> Option<usize> {
    let mut start = comma;
    while start > 0 && comma - start < LONGEST && may_join(tokens, start - 1) {
        start -= 1;
    }
    let preposition = start.checked_sub(1).filter(|_| start < comma)?;
    let token = &tokens[preposition];
    (is_one_of(text, token, PREPOSITIONS)
        && !is_one_of(text, token, &["of", "for", "with", "by", "from"]))
    .then_some(preposition)
}

/// "Neither X nor Y has confirmed": both deny, "X and Y", Y as the text writes it ("the club
/// and the player's agent"). `found` is X, the tokens `start..end`, read before "nor".
fn neither_nor(
    text: &str,
    tokens: &[Token],
    start: usize,
    end: usize,
    found: &Found,
) -> Option<Found> {
    let mut opener = start.checked_sub(1)?;
    if tokens[opener].is(DETERMINER) {
        opener = opener.checked_sub(1)?;
    }
    let (neither, nor) = (tokens.get(opener)?, tokens.get(end)?);
    if !is_one_of(text, neither, &["neither"]) || !is_one_of(text, nor, &["nor"]) {
        return None;
    }
    let second = after(text, tokens, end + 1, true)?;
    if matches!(second.who, Who::Pronoun(_) | Who::Plural) {
        return None;
    }
    let from = tokens.get(end + 1)?.start;
    let first = name_of(&found.who);
    Some(Found {
        who: Who::Named(format!("{first} and {}", &text[from..second.end])),
        start: found.start,
        end: second.end,
    })
}

/// The words of a phrase past those that open sentences ("The").
pub(super) fn words_from<'t>(text: &str, words: &'t [Token]) -> &'t [Token] {
    let skip = words
        .iter()
        .take_while(|word| is_starter(text, word))
        .count();
    &words[skip.min(words.len())..]
}

pub(super) fn name_of(who: &Who) -> &str {
    match who {
        Who::Named(name) | Who::Definite(name) | Who::Described(name) | Who::Body(name) => name,
        Who::Pronoun(_) | Who::Plural => "",
    }
}

/// The name just before token `end`, with no adverb skipped: the first of two joined by "and".
pub(super) fn before_name(text: &str, tokens: &[Token], end: usize) -> Option<Found> {
    let mut start = end;
    while start > 0 && end - start < LONGEST && may_join(tokens, start - 1) {
        start -= 1;
    }
    if start == end {
        return None;
    }
    judge(text, &tokens[start..end], false).filter(|found| matches!(found.who, Who::Named(_)))
}

/// The phrase that starts at token `from`, any noun after a determiner included when `nouns`
/// (after a preposition: "according to the council") ("according to [Rep. Lee]", "said [Koo], a
/// spokesman", "shared by [lawmaker Lee]", "according to [club doctor Ivan Petrov]", "according
/// to the [Ministry of Health]"); "a spokesman for the council" speaks for the council.
pub fn after(text: &str, tokens: &[Token], from: usize, nouns: bool) -> Option<Found> {
    let mut start = from;
    let mut definite = false;
    if let Some(token) = tokens.get(start)
        && token.is(DETERMINER)
        && !token.is(PRONOUN)
    {
        definite = is_definite(text, token);
        start += 1;
    }
    // "said one longtime adviser", "said former party chair Ana Gil": a count or a modifier
    // before the phrase proper.
    if tokens
        .get(start)
        .is_some_and(|token| is_one_of(text, token, &["one"]))
        && tokens
            .get(start + 1)
            .is_some_and(|next| is_modifier(text, next) || may_join(tokens, start + 1))
    {
        start += 1;
    }
    let modifiers = tokens
        .iter()
        .skip(start)
        .take(MODIFIERS + 1)
        .take_while(|token| is_modifier(text, token) && !is_one_of(text, token, PREPOSITIONS))
        .count();
    if (1..=MODIFIERS).contains(&modifiers)
        && tokens
            .get(start + modifiers)
            .is_some_and(|next| next.capital && next.is_word())
    {
        start += modifiers;
    }
    let first = tokens.get(start)?;
    if first.is(PRONOUN) || is_subject_pronoun(text, first) {
        return Some(found(pronoun(text, first), first, first));
    }
    let mut end = start;
    while end < tokens.len() && end - start < LONGEST {
        let before_role = is_modifier(text, &tokens[end])
            && tokens
                .get(end + 1)
                .is_some_and(|next| next.is(ROLE | TITLE) && !next.capital);
        if may_join(tokens, end) || before_role {
            end += 1;
        } else if end > start
            && word(text, &tokens[end]) == "of"
            && tokens[end - 1].is(BODY)
            && tokens.get(end + 1).is_some_and(|next| next.capital)
        {
            end += 2;
        } else {
            break;
        }
    }
    // After a preposition and a determiner any noun names a body: "a spokeswoman for the
    // airline", "according to the city council".
    if nouns && end == start && start > from {
        while end < tokens.len() && end - start < 2 && is_noun_head(text, &tokens[end]) {
            end += 1;
        }
    }
    if end == start {
        return None;
    }
    if end - start == 1
        && is_spokesperson(text, &tokens[start])
        && tokens
            .get(end)
            .is_some_and(|next| word(text, next) == "for")
    {
        return after(text, tokens, end + 1, true);
    }
    judge(text, &tokens[start..end], definite)
}

/// The first person a unit mentions by title and name ("mountain guide Aiko Tanaka",
/// "Economist Rafael Gómez", "Sen. Ana Gil"), outside quotation marks: whom a later "he" or "according to her"
/// may mean when the unit itself attributes nothing.
pub fn mention(text: &str, tokens: &[Token], outside: impl Fn(usize) -> bool) -> Option<String> {
    tokens.iter().enumerate().find_map(|(at, token)| {
        // Past the full stop of an abbreviated title: "Rep. Ana Gil".
        let stop = tokens.get(at + 1).is_some_and(|next| next.is_punct('.'));
        let next = tokens.get(at + 1 + usize::from(stop))?;
        let named = next.capital && next.is_word() && !next.is(TITLE | ROLE);
        if !token.is(TITLE) || !named || !outside(token.start) {
            return None;
        }
        match after(text, tokens, at, false)?.who {
            Who::Named(name) => Some(name),
            _ => None,
        }
    })
}

/// Names the phrase `words`: drops opening words that open sentences ("However", "The"), then
/// titles before a name; a phrase whose last word is a lower-case noun or role is a description
/// ("a Pentagon spokesman" speaks for the Pentagon).
pub(super) fn judge(text: &str, words: &[Token], definite: bool) -> Option<Found> {
    let mut words = words;
    let mut definite = definite;
    while let [first, rest @ ..] = words {
        if is_starter(text, first) {
            definite |= is_definite(text, first);
            words = rest;
        } else {
            break;
        }
    }
    // "Thursday", "Earlier Tuesday": when, not who.
    while let [first, rest @ ..] = words
        && first.is(TIME)
    {
        words = rest;
    }
    while let [rest @ .., last] = words
        && last.is(TIME)
    {
        words = rest;
    }
    // "Eight years ago, he said": a count is nobody; "Trump's" alone is an owner.
    if words.iter().all(|word| word.is(NUMBER) || !word.is_word())
        || words
            .last()
            .is_some_and(|last| last.capital && is_possessive(text, last))
    {
        return None;
    }
    let (first, last) = (words.first()?, words.last()?);
    // "A South Korean MP": a title with no name after it describes.
    if last.is(TITLE) && last.is_word() && words.len() > 1 && !is_spokesperson(text, last) {
        return Some(found(Who::Described(joined(text, words)), first, last));
    }
    let all_roles = words
        .iter()
        .all(|word| word.is(ROLE | TITLE) || word.is_punct('.'));
    if (!last.capital && last.is_word()) || (last.is(ROLE | TITLE) && all_roles) {
        // "The Navy's report", "the NIS analysis": a body's document speaks for the body.
        if is_document(text, last)
            && let [.., owner, _] = words
            && owner.capital
            && owner.is_word()
            && let Some(body) = judge(text, &words[..words.len() - 1], false)
            && matches!(body.who, Who::Named(_))
        {
            return Some(body);
        }
        if is_spokesperson(text, last) && words.len() > 1 {
            let body = &words[..words.len() - 1];
            return Some(found(
                Who::Described(joined(text, body)),
                first,
                &body[body.len() - 1],
            ));
        }
        let description = joined(text, words);
        // "The lawmaker" after a named lawmaker is that person; "the agency" or "the club" is not.
        let who = if definite && last.is(ROLE | TITLE) && !last.is(BODY) {
            Who::Definite(description)
        } else if definite && (last.is(BODY) || is_document(text, last)) {
            Who::Body(description)
        } else {
            Who::Described(description)
        };
        return Some(found(who, first, last));
    }
    // The name is what follows the last title or body: "lawmaker Lee", "Rep. Lee", "President
    // Zelensky", "news agency Tass".
    // The stop after an initial ("Paul H. Smith") stays inside the name.
    let name_from = (0..words.len())
        .rev()
        .find(|&at| {
            let word = &words[at];
            word.is(TITLE)
                || (word.is_punct('.') && !(at > 0 && is_initial(&words[at - 1])))
                || (word.is(BODY) && !word.capital)
        })
        .map_or(0, |at| at + 1);
    let name = &words[name_from.min(words.len() - 1)..];
    let named = name.iter().any(|word| word.capital && word.is_word());
    // A month alone is a date, never a name ("a February survey").
    let month = matches!(name, [word] if word.is(MONTH));
    if !named || month {
        return None;
    }
    Some(found(Who::Named(joined(text, name)), &name[0], last))
}

/// What the pronoun `token` says of its speaker: one person, or a group.
fn pronoun(text: &str, token: &Token) -> Who {
    if is_plural_pronoun(text, token) {
        Who::Plural
    } else {
        let word = word(text, token);
        Who::Pronoun(genders::of_pronoun(contracted(word).unwrap_or(word)))
    }
}

pub(super) fn found(who: Who, first: &Token, last: &Token) -> Found {
    Found {
        who,
        start: first.start,
        end: last.end,
    }
}

/// The words' text with single spaces, a full stop kept against its word ("Rep.").
pub(super) fn joined(text: &str, words: &[Token]) -> String {
    let span = match (words.first(), words.last()) {
        (Some(first), Some(last)) => last.end.saturating_sub(first.start),
        _ => 0,
    };
    // Words apart by single spaces, a full stop against its word, as names most often are:
    // their text as it stands, copied at once.
    let as_written = words.windows(2).all(|pair| {
        let gap = if pair[1].is_punct('.') { 0 } else { 1 };
        pair[1].start == pair[0].end + gap
            && text.as_bytes()[pair[0].end..pair[1].start] == b" "[..gap]
    });
    if as_written && let (Some(first), Some(last)) = (words.first(), words.last()) {
        return text[first.start..last.end].to_owned();
    }
    let mut out = String::with_capacity(span);
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
        assert_eq!(
            subject("she added", "added"),
            Some(Who::Pronoun(Some(Gender::Woman)))
        );
        // "The agency" may be a body named before by its initials; "an agency" is not.
        assert_eq!(
            subject("the coastal agency said", "said"),
            Some(Who::Body("coastal agency".to_owned()))
        );
        assert_eq!(
            subject("a coastal agency said", "said"),
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
        assert_eq!(subject("It was said to be cold", "said"), None);
    }
}
