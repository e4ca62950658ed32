//! The subject that opens a unit and the verb it goes with ("Ana Gil called the plan ...",
//! "On Friday, Ana Gil endorsed ...", "Ana Gil (D-Ohio), the chair, said ..."): whom a
//! quotation no verb gives to anyone belongs to, whom a participle after a comma ("...,
//! saying") goes with, and whom a "he" in the next unit most often means.

use super::names::{self, Found, word};
use super::phrase_words::BRACKET;
use super::quotes::Span;
use super::tokens::{Kind, Token};
use super::words::{
    ACTION, ADVERB, AUXILIARY, CLAUSE, DENY, DETERMINER, NEGATION, NON_CONFIRM, NUMBER, PRONOUN,
    REPORT, TIME,
};

/// The most tokens of an opening phrase read past to find the subject ("In the spring after the
/// scandal broke, Clinton said").
const OPENING: usize = 16;

/// The most commas of an opening phrase ("Speaking in Salem, New Hampshire, Trump said").
const OPENING_COMMAS: usize = 3;

/// The most tokens of an aside between commas after the subject ("Ana Gil, who chairs the
/// board, said").
const ASIDE: usize = 20;

/// Words that open a phrase before the subject, besides prepositions.
const PHRASE_OPENERS: &[&str] = &[
    "despite",
    "while",
    "when",
    "amid",
    "following",
    "under",
    "asked",
    "pressed",
    "speaking",
    "responding",
];

/// Words that open a clause with a subject of its own before the sentence's subject.
const CONJUNCTIONS: &[&str] = &["as", "when", "while", "after", "before", "since"];

/// Whether token `at` is a verb its subject goes with: by its class or its ending ("called",
/// "says"), not a preposition ("Speaking to reporters") nor a noun the name before it modifies
/// ("One North Korean soldier", "Trump supporters").
fn verb_at(text: &str, tokens: &[Token], at: usize) -> bool {
    const VERB: u32 = REPORT | ACTION | CLAUSE | AUXILIARY | DENY | NON_CONFIRM | ADVERB | NEGATION;
    let Some(next) = tokens.get(at) else {
        return false;
    };
    let word = word(text, next);
    let ends = |ending: &str| {
        word.len() > ending.len() + 1
            && word.is_char_boundary(word.len() - ending.len())
            && word[word.len() - ending.len()..].eq_ignore_ascii_case(ending)
    };
    next.is_word()
        && !next.capital
        && !next.is(DETERMINER | PRONOUN)
        && !names::is_one_of(text, next, names::PREPOSITIONS)
        && (next.is(VERB)
            || ends("ed")
            || (ends("s")
                && !["ers", "ors", "ists", "ans", "ss", "us"]
                    .iter()
                    .any(|e| ends(e))
                // "Small groups of protesters": a plural before "of" heads a noun phrase.
                && !tokens
                    .get(at + 1)
                    .is_some_and(|after| names::is_one_of(text, after, &["of"]))))
}

/// Whether the phrase `found` is the subject of a verb just after it.
pub(super) fn subject_of_verb(text: &str, tokens: &[Token], found: &Found) -> bool {
    let at = tokens.partition_point(|token| token.start < found.end);
    verb_at(text, tokens, at)
}

/// `found` when it is the subject of a verb after it: just after, or past a time ("Ana Gil on
/// Thursday said"), a bracket ("Ana Gil (D-Ohio) said") and an aside between commas that opens
/// with a small word ("Ana Gil, also a candidate, said", "Ana Gil, who chairs the board, said").
fn with_verb(text: &str, tokens: &[Token], found: Found) -> Option<Found> {
    let mut at = tokens.partition_point(|token| token.start < found.end);
    if verb_at(text, tokens, at) {
        return Some(found);
    }
    if tokens
        .get(at)
        .is_some_and(|token| names::is_one_of(text, token, &["on", "this", "last"]))
        && tokens.get(at + 1).is_some_and(|token| token.is(TIME))
    {
        return verb_at(text, tokens, at + 2).then_some(found);
    }
    if tokens.get(at).is_some_and(|token| token.is_punct('(')) {
        let close = (at + 1..(at + BRACKET).min(tokens.len()))
            .find(|&close| tokens[close].is_punct(')'))?;
        at = close + 1;
        if verb_at(text, tokens, at) {
            return Some(found);
        }
    }
    if !tokens.get(at).is_some_and(|token| token.is_punct(',')) {
        return None;
    }
    let opener = tokens.get(at + 1)?;
    let relative = names::is_one_of(text, opener, &["who", "whose"]);
    let small = opener.is_word()
        && (relative
            || !opener.capital
            || opener.is(DETERMINER)
            || names::is_one_of(text, opener, &["also", "now", "then"]));
    if !small {
        return None;
    }
    let close = (at + 2..(at + 1 + ASIDE).min(tokens.len())).find(|&close| {
        matches!(
            tokens[close].kind,
            Kind::Punct(',' | '"' | '\u{201C}' | '\u{201D}' | ':' | ';' | '(' | ')')
        )
    })?;
    (tokens[close].is_punct(',') && verb_at(text, tokens, close + 1)).then_some(found)
}

/// The subject that opens a unit, the subject of the verb after it ("Black Lives Matter issued
/// ..."), read past a time that opens the unit ("Hours later, ") or a phrase that opens with a
/// preposition or a participle, up to one of its first commas ("On Friday, Ana Gil endorsed",
/// "Speaking in Salem, New Hampshire, Ana Gil said"). `None` when the opener is no subject
/// ("Speaking to reporters, ...").
pub fn opening_subject(text: &str, tokens: &[Token]) -> Option<Found> {
    let start = past_time(tokens);
    let first = tokens.get(start)?;
    let opens_phrase = first.is_word()
        && (names::is_one_of(text, first, names::PREPOSITIONS)
            || names::is_one_of(text, first, PHRASE_OPENERS));
    // What a preposition or a participle opens is no subject ("In December, the prince ..."),
    // while a clause "as" or "when" opens has one ("As Ana Gil put it, ...", "When Ana Gil
    // learned of it, she ...").
    let clause = names::is_one_of(text, first, CONJUNCTIONS);
    if !opens_phrase || clause {
        let found = names::after(text, tokens, start, false)
            .and_then(|found| with_verb(text, tokens, found));
        if found.is_some() || !opens_phrase {
            return found;
        }
    }
    let end = (start + OPENING).min(tokens.len());
    tokens[start..end]
        .iter()
        .enumerate()
        .take_while(|(_, token)| {
            !matches!(
                token.kind,
                Kind::Punct('"' | '\u{201C}' | '\u{201D}' | ':' | ';')
            )
        })
        .filter(|(_, token)| token.is_punct(','))
        .take(OPENING_COMMAS)
        .find_map(|(comma, _)| {
            // "In Salem, New Hampshire, ...": the place after a place is part of the phrase.
            if names::governed_place(text, tokens, start + comma).is_some() {
                return None;
            }
            let found = names::after(text, tokens, start + comma + 1, false)?;
            with_verb(text, tokens, found)
        })
}

/// Where a unit goes on after the time that opens it ("Hours later, ", "Two days later, "), or 0.
pub(super) fn past_time(tokens: &[Token]) -> usize {
    let Some(comma) = tokens.iter().take(4).position(|token| token.is_punct(',')) else {
        return 0;
    };
    let timed = tokens[..comma].iter().any(|token| token.is(TIME));
    let only_time = tokens[..comma]
        .iter()
        .all(|token| token.is(TIME | NUMBER) || matches!(token.kind, Kind::Number));
    if timed && only_time { comma + 1 } else { 0 }
}

/// The speaker a quotation names right after its closing mark with a verb no list holds ("“Out!”
/// the crowd yelled", "“To date,” she continued", "“...,” Ana Gil shot back"): the phrase just
/// after a closing mark that a comma, "!", "?" or a dash ends the quotation before, when a verb
/// follows the phrase ("“Make it Great” hats sold out" names nobody).
pub(super) fn after_quote(text: &str, tokens: &[Token], spans: &[Span]) -> Option<Found> {
    spans.iter().find_map(|span| {
        let inside = text.get(span.start..span.end)?;
        let mut marks = inside.chars().rev();
        marks.next();
        if !matches!(marks.next(), Some(',' | '!' | '?' | '\u{2014}' | '-')) {
            return None;
        }
        let at = tokens.partition_point(|token| token.start < span.end);
        let found = names::after(text, tokens, at, true)?;
        subject_of_verb(text, tokens, &found).then_some(found)
    })
}
