//! What one word can be in a speaker's phrase: a part of a name, a modifier, a noun heading a
//! description, a word read past between a subject and its verb, a pronoun (contracted or not),
//! an owner, a document, a word that opens sentences, and a bracket set after a name.

use super::tokens::{Kind, Token};
use super::words::{
    ACTION, ADVERB, AUXILIARY, CLAUSE, DENY, DETERMINER, NEGATION, NON_CONFIRM, PRONOUN, REPORT,
    ROLE, STARTER, TIME, TITLE,
};

/// Words that join a phrase to another and so never stand inside a speaker's modifiers.
pub(super) const PREPOSITIONS: &[&str] = &[
    "to", "on", "in", "at", "by", "of", "for", "with", "from", "about", "into", "over", "after",
    "before", "during", "since", "as",
];

/// Whether `token`'s word is one of `words`, in any case.
pub(super) fn is_one_of(text: &str, token: &Token, words: &[&str]) -> bool {
    let word = &text[token.start..token.end];
    words.iter().any(|one| one.eq_ignore_ascii_case(word))
}

/// Whether `token` is a plural pronoun ("they", "them", "they're"), which stands for a group,
/// never for one person.
pub(super) fn is_plural_pronoun(text: &str, token: &Token) -> bool {
    let word = word(text, token);
    let base = contracted(word).unwrap_or(word);
    ["they", "them"]
        .iter()
        .any(|pronoun| pronoun.eq_ignore_ascii_case(base))
}

pub(super) fn is_subject_pronoun(text: &str, token: &Token) -> bool {
    (token.is(PRONOUN) && is_one_of(text, token, &["he", "she", "they"]))
        || contracted(word(text, token)).is_some_and(|base| {
            ["he", "she", "they"]
                .iter()
                .any(|pronoun| pronoun.eq_ignore_ascii_case(base))
        })
}

/// The word a contraction is made on ("he" of "he's", "there" of "there’s"), or `None` for a
/// word that is no contraction. A possessive looks the same ("Trump's"), so the caller asks
/// only of words it knows.
pub(super) fn contracted(word: &str) -> Option<&str> {
    // Most words hold neither apostrophe (the curly one starts with the byte E2): no search.
    if !word.bytes().any(|byte| byte == b'\'' || byte == 0xE2) {
        return None;
    }
    let (base, ending) = word
        .split_once('\'')
        .or_else(|| word.split_once('\u{2019}'))?;
    ["s", "re", "d", "ll", "ve"]
        .iter()
        .any(|known| known.eq_ignore_ascii_case(ending))
        .then_some(base)
}

/// Whether `token` is a possessive ("Trump's", "Sanders’"): its phrase names an owner, not a
/// speaker.
pub(super) fn is_possessive(text: &str, token: &Token) -> bool {
    let word = word(text, token);
    token.is_word()
        && (word.ends_with("'s")
            || word.ends_with("\u{2019}s")
            || word.ends_with("s'")
            || word.ends_with("s\u{2019}"))
}

/// Whether `token` is a share of a group ("percent", "half", "majority"), which speaks for the
/// part of the group it names ("62 percent of voters said").
pub(super) fn is_share(text: &str, token: &Token) -> bool {
    const SHARES: &[&str] = &[
        "percent",
        "half",
        "third",
        "thirds",
        "quarter",
        "quarters",
        "majority",
        "minority",
        "plurality",
        "most",
        "many",
        "some",
        "share",
        "fifth",
        "fifths",
    ];
    token.is_word() && is_one_of(text, token, SHARES)
}

/// Whether `token` is a capital letter standing alone: an initial ("H" of "Paul H. Smith").
pub(super) fn is_initial(token: &Token) -> bool {
    token.is_word() && token.capital && token.end - token.start == 1
}

/// Whether `token` may be part of a speaker's phrase: a capitalised word, a title or role, or
/// the full stop of an abbreviated title ("Rep.").
pub(super) fn may_join(tokens: &[Token], at: usize) -> bool {
    let token = &tokens[at];
    match token.kind {
        Kind::Word => {
            (token.capital || token.is(ROLE | TITLE))
                && !token.is(REPORT | AUXILIARY | NEGATION | DENY)
                && (token.capital || !token.is(DETERMINER))
        }
        // The stop of "Rep. Ana Gil" or of the initial in "Paul H. Smith", not the one ending
        // "... an airline spokeswoman."
        Kind::Punct('.') => {
            at > 0
                && (tokens[at - 1].is(TITLE) || is_initial(&tokens[at - 1]))
                && tokens[at - 1].end == token.start
                && tokens.get(at + 1).is_some_and(|next| next.capital)
        }
        _ => false,
    }
}

/// The classes of words that are never part of a noun phrase: grammar words and verbs.
pub(super) const NOT_NOUN: u32 = DETERMINER
    | AUXILIARY
    | ADVERB
    | REPORT
    | NEGATION
    | PRONOUN
    | STARTER
    | DENY
    | NON_CONFIRM
    | ACTION
    | CLAUSE
    | TIME;

/// Whether `token` is a lower-case modifier that may stand inside a role's phrase ("spy" in
/// "the spy agency", "parks" in "the parks department"), but not a possessive or a superlative,
/// which open the phrase ("the city's parks department", "the largest union").
pub(super) fn is_modifier(text: &str, token: &Token) -> bool {
    let word = word(text, token);
    token.is_word()
        && !token.capital
        && !token.is(NOT_NOUN)
        && !word.ends_with("'s")
        && !word.ends_with("\u{2019}s")
        && !word.ends_with("est")
}

/// Whether `token` may head a subject although no list names it: a lower-case noun ("the club
/// denied", "traders said"), not a grammar word, a verb or an adverb.
pub(super) fn is_noun_head(text: &str, token: &Token) -> bool {
    let word = word(text, token);
    token.is_word()
        && !token.capital
        && word.len() >= 3
        && !word.ends_with("ly")
        && (word.len() <= 4 || !word.ends_with("ed"))
        && !token.is(NOT_NOUN)
}

/// Whether `token` may stand between a subject and its verb: an auxiliary, an adverb ("also",
/// "flatly").
pub(super) fn is_skippable(text: &str, token: &Token) -> bool {
    token.is_word()
        && !token.capital
        && (token.is(ADVERB | AUXILIARY)
            || (word(text, token).ends_with("ly") && !token.is(REPORT)))
}

pub(super) fn word<'a>(text: &'a str, token: &Token) -> &'a str {
    &text[token.start..token.end]
}

/// Documents a body issues, which speak for it ("the Navy report", "a Pentagon statement").
pub(super) const DOCUMENTS: &[&str] = &[
    "report",
    "statement",
    "analysis",
    "assessment",
    "study",
    "findings",
    "memo",
];

pub(super) fn is_document(text: &str, token: &Token) -> bool {
    token.is_word() && !token.capital && is_one_of(text, token, DOCUMENTS)
}

/// Whether a description is a document alone ("report"), which says nothing of who wrote it.
pub fn is_document_alone(description: &str) -> bool {
    DOCUMENTS
        .iter()
        .any(|document| document.eq_ignore_ascii_case(description))
}

pub(super) fn is_spokesperson(text: &str, token: &Token) -> bool {
    token.is(TITLE) && is_one_of(text, token, &["spokesman", "spokeswoman", "spokesperson"])
}
/// The end of the phrase before token `end` with a bracket closing there set aside ("Ana Gil
/// (R-Ohio)" ends after "Gil"), when a capitalised word stands before the bracket; `end` when
/// there is none.
pub(super) fn past_bracket(tokens: &[Token], end: usize) -> usize {
    if end == 0 || !tokens[end - 1].is_punct(')') {
        return end;
    }
    let open = (end.saturating_sub(BRACKET)..end - 1)
        .rev()
        .find(|&at| tokens[at].is_punct('('));
    match open {
        Some(open) if open > 0 && tokens[open - 1].capital => open,
        _ => end,
    }
}

/// The most tokens a bracket after a name holds, its marks included ("(R-Ohio)").
pub(super) const BRACKET: usize = 8;

/// Whether a word opens sentences without naming anyone ("The", "However"); an acronym in
/// capitals ("WHO") is a name.
pub(super) fn is_starter(text: &str, token: &Token) -> bool {
    let word = word(text, token);
    let contracted_starter = contracted(word).is_some_and(|base| {
        ["there", "here", "it", "that", "what", "let", "who", "this"]
            .iter()
            .any(|starter| starter.eq_ignore_ascii_case(base))
    });
    token.is_word()
        && (token.is(STARTER) || contracted_starter)
        && (word.len() <= 1 || word.chars().any(char::is_lowercase))
}

pub(super) fn is_definite(text: &str, token: &Token) -> bool {
    token.is(DETERMINER) && is_one_of(text, token, &["the", "this", "that", "these", "those"])
}
