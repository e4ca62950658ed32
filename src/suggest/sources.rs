//! Where a unit names its source other than as the subject of a verb: the conventions of
//! headlines (a source after a colon, a name before a quotation), a reply awaited from someone,
//! hearsay ("reportedly"), bodies introduced by their initials ("Service (NIS)"), and the role
//! written before a name, with the roles that name the same office (an MP is a lawmaker).

use super::names::{
    Found, Who, after, found, is_document, is_modifier, is_one_of, judge, may_join, name_of, word,
};
use super::tokens::Token;
use super::words::{self, ADVERB, BODY, DETERMINER, PRONOUN, ROLE, TITLE, UNKNOWN};

/// Who a headline gives its words to, by the two conventions of headlines: a source after a
/// colon that ends it ("Inflation falls to 2%: statistics office") and a name just before a
/// quotation that opens it ("Mayor 'fully confident' of deal"). `quote` is the offset of the
/// headline's first quotation, if any.
pub fn headline_source(text: &str, tokens: &[Token], quote: Option<usize>) -> Option<Found> {
    if let Some(colon) = tokens.iter().rposition(|token| token.is_punct(':'))
        && colon >= 3
        && quote.is_none_or(|quote| quote > tokens[colon].start)
    {
        let words = &tokens[colon + 1..];
        let last = words.last()?;
        let source = last.capital || last.is(ROLE | TITLE | BODY);
        let nouns = words.iter().enumerate().all(|(at, token)| {
            may_join(words, at)
                || is_modifier(text, token)
                || (at == 0 && token.is(DETERMINER) && !token.is(PRONOUN))
        });
        if (1..=4).contains(&words.len()) && source && nouns && !is_document(text, last) {
            return judge(text, words, false);
        }
        return None;
    }
    let quote = quote?;
    let before = tokens.iter().take_while(|token| token.end <= quote).count();
    if !(1..=4).contains(&before) || !(0..before).all(|at| may_join(tokens, at)) {
        return None;
    }
    judge(text, &tokens[..before], false)
}

/// Whether the unit passes on a report nobody is named for: "reportedly", "allegedly",
/// "purportedly" outside quotation marks.
pub fn hearsay(text: &str, tokens: &[Token], outside: impl Fn(usize) -> bool) -> bool {
    tokens.iter().any(|token| {
        // The three words are of 9 to 11 bytes: most adverbs are ruled out by their length.
        token.is(ADVERB)
            && (9..=11).contains(&(token.end - token.start))
            && is_one_of(text, token, &["reportedly", "allegedly", "purportedly"])
            && outside(token.start)
    })
}

/// The lexicon id of the role word of a speaker's phrase: just before the name that starts at
/// byte `start` ("lawmaker Ana Gil", "Rep. Ana Gil"), or ending a description at byte `end` ("a
/// city lawmaker").
pub fn role(tokens: &[Token], who: &Who, start: usize, end: usize) -> Option<u16> {
    let token = match who {
        Who::Named(_) => role_before(tokens, start)?,
        Who::Described(_) | Who::Definite(_) => {
            tokens.iter().rev().find(|token| token.end == end)?
        }
        _ => return None,
    };
    (token.is_word() && token.is(ROLE | TITLE) && token.id != UNKNOWN).then_some(token.id)
}

fn role_before(tokens: &[Token], start: usize) -> Option<&Token> {
    let at = tokens
        .binary_search_by_key(&start, |token| token.start)
        .ok()?;
    let mut role = at.checked_sub(1)?;
    if tokens[role].is_punct('.') {
        role = role.checked_sub(1)?;
    }
    Some(&tokens[role])
}

/// Roles that name the same office: a member of parliament is a lawmaker.
const SAME_ROLES: &[&[&str]] = &[&[
    "lawmaker",
    "legislator",
    "mp",
    "parliamentarian",
    "rep",
    "representative",
    "congressman",
    "congresswoman",
]];

/// Whether the roles of lexicon ids `one` and `other` name the same office.
pub fn same_role(one: u16, other: u16) -> bool {
    let lexicon = words::lexicon();
    one == other
        || SAME_ROLES.iter().any(|roles| {
            roles.iter().any(|role| lexicon.get(role).id == one)
                && roles.iter().any(|role| lexicon.get(role).id == other)
        })
}

/// The party a reply is awaited from, for a denial phrase with no subject ("a response from the
/// embassy is still awaited", "confirmation is awaited from both firms"): the phrase after the
/// first "from" outside quotation marks.
pub fn awaited_from(
    text: &str,
    tokens: &[Token],
    outside: impl Fn(usize) -> bool,
) -> Option<Found> {
    let at = tokens
        .iter()
        .position(|token| outside(token.start) && is_one_of(text, token, &["from"]))?;
    after(text, tokens, at + 1, true)
        .filter(|found| !matches!(found.who, Who::Pronoun(_) | Who::Plural))
}

/// "The National Intelligence Service (NIS) said": the body by its initials, the short form the
/// article goes on to use. `end` is the token after the closing bracket.
pub(super) fn initials_in_brackets(text: &str, tokens: &[Token], end: usize) -> Option<Found> {
    let [open, initials, close] = tokens.get(end.checked_sub(3)?..end)? else {
        return None;
    };
    let word = word(text, initials);
    if !open.is_punct('(') || !close.is_punct(')') || !is_initials(word) {
        return None;
    }
    Some(found(Who::Named(word.to_owned()), initials, initials))
}

/// Whether `name` is a body's initials ("NIS", "WHO"), which never name a person.
pub fn is_initials(name: &str) -> bool {
    name.len() >= 2 && name.chars().all(|c| c.is_ascii_uppercase())
}

/// The first body a unit introduces with its initials in brackets ("data from the National
/// Intelligence Service (NIS)"): whom a later "the agency" or "the report" may mean.
pub fn initials(text: &str, tokens: &[Token]) -> Option<String> {
    (3..=tokens.len()).find_map(|end| {
        initials_in_brackets(text, tokens, end).map(|found| name_of(&found.who).to_owned())
    })
}
