//! Attribution: the words that give a statement to someone (reporting verbs, "according to",
//! "shared by") and the speaker the clause names ("X said", "said X, a spokesman", "X told
//! lawmakers", "according to Rep. X").
//!
//! Words inside a quotation are the quoted person's, not the writer's attribution, so they are
//! skipped. When a unit names several speakers the most telling phrase wins (a name over a
//! pronoun over a description), the first of equals.

use super::names::{self, Found, Who, word};
pub use super::openers::opening_subject;
use super::openers::{past_time, subject_of_verb};
use super::quotes::Quotes;
use super::tokens::Token;
use super::words::{ACCORDING, DETERMINER, NEGATION, REPORT, ROLE, TITLE};

/// What a unit says of who speaks.
#[derive(Debug, Default, Clone)]
pub struct Attribution {
    /// The attribution cues: byte ranges in the unit of "said", "according to", ...
    pub cues: Vec<(usize, usize)>,
    /// The phrase naming the speaker, if any.
    pub speaker: Option<Found>,
    /// Whether that phrase is a description after "according to", which a name found later
    /// replaces.
    pub provisional: bool,
}

impl Attribution {
    /// Whether the unit attributes anything.
    pub fn any(&self) -> bool {
        !self.cues.is_empty()
    }
}

/// Whether the phrase `found` stands in a reporting clause that ends the unit after a comma:
/// ", the lawmaker said." or ", said Koo, a spokesman." (at most a few words after its verb).
fn trails(tokens: &[Token], found: &Found) -> bool {
    let Some(first) = tokens.iter().position(|token| token.start == found.start) else {
        return false;
    };
    let opens_clause = first > 0
        && tokens[..first]
            .iter()
            .rev()
            .take(3)
            .any(|token| token.is_punct(','));
    let after = tokens
        .iter()
        .filter(|token| token.start >= found.end)
        .count();
    opens_clause && after <= TRAILING
}

/// How many tokens a trailing reporting clause may hold after its speaker: the verb, a day and
/// the full stop (", the agency said on Monday.").
const TRAILING: usize = 5;

/// Whether `word` is an "-ing" form ("saying", "telling").
fn ends_ing(word: &str) -> bool {
    word.len() > 5
        && word.is_char_boundary(word.len() - 3)
        && word[word.len() - 3..].eq_ignore_ascii_case("ing")
}

/// Whether `token` is a form of "tell", whose object is the person told, not the speaker.
fn is_tell(text: &str, token: &Token) -> bool {
    names::is_one_of(text, token, &["tell", "tells", "told", "telling"])
}

/// Whether `token` is a form of "be", which makes a following participle passive.
fn is_be(text: &str, token: &Token) -> bool {
    const BE: &[&str] = &["is", "are", "was", "were", "be", "been", "being"];
    token.is_word() && names::is_one_of(text, token, BE)
}

/// Whether `found` is a document and nothing more ("a statement", "the report").
fn is_bare_document(found: &Found) -> bool {
    match &found.who {
        Who::Described(name) | Who::Body(name) => names::is_document_alone(name),
        _ => false,
    }
}

/// The speaker of a document's words: "the group issued a statement saying" is the group's, the
/// subject that opens the unit; a document nobody is said to have issued stays the speaker.
fn issuer(text: &str, tokens: &[Token], subject: Option<Found>) -> Option<Found> {
    match subject {
        Some(document) if is_bare_document(&document) => {
            // "The town released a statement saying": the opener may be a noun ("the town").
            let opener = names::after(text, tokens, past_time(tokens), true)
                .filter(|opener| subject_of_verb(text, tokens, opener))
                .filter(|opener| opener.end <= document.start && !is_bare_document(opener));
            Some(opener.unwrap_or(document))
        }
        other => other,
    }
}

/// Whether the reporting word at token `at` is a noun an adjective describes after a
/// determiner ("a scathing report", "a subsequent tweet", "a rare note"): a word that is a noun
/// as often as a verb, after an adjective by its ending or one of a few.
fn described_noun(text: &str, tokens: &[Token], at: usize) -> bool {
    const NOUNS: &[&str] = &[
        "report",
        "reports",
        "note",
        "notes",
        "tweet",
        "post",
        "claim",
        "claims",
        "estimate",
        "estimates",
        "vow",
        "promise",
        "reply",
        "warning",
        "hope",
        "show",
    ];
    const ADJECTIVES: &[&str] = &[
        "rare", "new", "brief", "short", "long", "joint", "last", "first",
    ];
    const ENDINGS: &[&str] = &[
        "ing", "ive", "al", "ous", "ful", "ic", "ent", "ant", "ary", "ory",
    ];
    let (Some(determiner), Some(adjective)) = (
        at.checked_sub(2).map(|at| &tokens[at]),
        at.checked_sub(1).map(|at| &tokens[at]),
    ) else {
        return false;
    };
    let adjective_word = word(text, adjective);
    determiner.is(DETERMINER)
        && adjective.is_word()
        && !adjective.capital
        && !adjective.is(ROLE | TITLE)
        && (names::is_one_of(text, adjective, ADJECTIVES)
            || ENDINGS.iter().any(|ending| {
                adjective_word.len() > ending.len() + 2 && adjective_word.ends_with(ending)
            }))
        && names::is_one_of(text, &tokens[at], NOUNS)
}

/// Finds the attribution cues and the speaker of a unit.
pub fn find(text: &str, tokens: &[Token], quotes: &Quotes) -> Attribution {
    let mut attribution = Attribution::default();
    // The first speaker found is the main clause's; a later verb is mostly inside what that
    // speaker said ("The agency said North Korea has stressed ..."). Only a description after
    // "according to" is given up for a name ("according to intelligence insights shared by
    // Lee").
    // A reporting clause that ends the sentence (", the safety board said.") is its main
    // clause, whatever verbs came before it.
    let consider = |found: Option<Found>, according: bool, attribution: &mut Attribution| {
        if let Some(found) = found {
            let better = match &attribution.speaker {
                None => true,
                Some(_) => {
                    (attribution.provisional && matches!(found.who, Who::Named(_)))
                        || trails(tokens, &found)
                }
            };
            if better {
                attribution.provisional =
                    according && matches!(found.who, Who::Described(_) | Who::Body(_));
                attribution.speaker = Some(found);
            }
        }
    };
    for (at, token) in tokens.iter().enumerate() {
        // Only a reporting word or "according" starts anything below: the rest are passed
        // before any other test.
        if !token.is(REPORT | ACCORDING) || !token.is_word() || quotes.inside(token.start) {
            continue;
        }
        let next = tokens.get(at + 1);
        if token.is(ACCORDING)
            && let Some(to) = next.filter(|next| word(text, next).eq_ignore_ascii_case("to"))
        {
            attribution.cues.push((token.start, to.end));
            consider(
                names::after(text, tokens, at + 2, true),
                true,
                &mut attribution,
            );
            continue;
        }
        // A capitalised reporting word inside a sentence is a name or a noun ("the United
        // States"), and one after a determiner a noun ("the report", "his post").
        let noun = (token.capital && at > 0)
            || at
                .checked_sub(1)
                .is_some_and(|previous| tokens[previous].is(DETERMINER))
            || (described_noun(text, tokens, at)
                && next.is_none_or(|next| !word(text, next).eq_ignore_ascii_case("by")));
        if !token.is(REPORT) || noun {
            continue;
        }
        // "has not confirmed" is a non-confirmation, not an attribution.
        let negated = tokens[at.saturating_sub(3)..at]
            .iter()
            .any(|before| before.is(NEGATION));
        if negated {
            continue;
        }
        // "were found in", "was asked about": a passive names no speaker before it.
        let passive = at
            .checked_sub(1)
            .is_some_and(|previous| is_be(text, &tokens[previous]));
        let by = next.is_some_and(|next| word(text, next).eq_ignore_ascii_case("by"));
        if passive && !by {
            continue;
        }
        attribution.cues.push((token.start, token.end));
        // "are said to have been killed": hearsay, nobody named.
        if next.is_some_and(|next| word(text, next).eq_ignore_ascii_case("to")) {
            continue;
        }
        if let Some(by) = next.filter(|next| word(text, next).eq_ignore_ascii_case("by")) {
            attribution.cues.push((by.start, by.end));
            consider(
                names::after(text, tokens, at + 2, true),
                false,
                &mut attribution,
            );
            continue;
        }
        let subject = names::before(text, tokens, at);
        // "..., said Koo Byoungsam, a spokesman": the verb first, after a comma or quotation.
        let inverted = subject.is_none()
            && at
                .checked_sub(1)
                .is_none_or(|previous| !tokens[previous].is_word());
        // "Ada Roe closed the plant but said": a second verb shares the clause's subject.
        let shared = subject.is_none()
            && at
                .checked_sub(1)
                .is_some_and(|previous| names::is_one_of(text, &tokens[previous], &["and", "but"]));
        // "She criticised the plan, telling reporters ...", "..., saying Ana Gil was wrong": a
        // participle or "told" after a comma goes on with the sentence's subject; the name after
        // it is whom it was told to or what was said.
        let participle =
            inverted && at > 0 && (ends_ing(word(text, token)) || is_tell(text, token));
        if shared || participle {
            consider(opening_subject(text, tokens), false, &mut attribution);
        } else if inverted && next.is_some_and(|next| names::is_one_of(text, next, &["that"])) {
            // "..., adding that he was hurt": what follows is said, not who said it.
        } else if inverted {
            consider(
                names::after(text, tokens, at + 1, false),
                false,
                &mut attribution,
            );
        } else {
            consider(issuer(text, tokens, subject), false, &mut attribution);
        }
    }
    // "Clinton won the state, and she said ...": a pronoun after the name that opens the unit
    // is that name's, unless it speaks in a clause set off by commas, which makes the rest
    // what it said ("The United States would not stand for it, she said.").
    if let Some(
        pronoun @ Found {
            who: Who::Pronoun(_),
            start,
            ..
        },
    ) = &attribution.speaker
        && !set_off(tokens, pronoun)
        && let Some(opener) = opening_subject(text, tokens)
        && matches!(opener.who, Who::Named(_))
        && opener.end <= *start
        && !quotes.inside(opener.start)
    {
        attribution.speaker = Some(opener);
    }
    attribution
}

/// Whether the speaker `found` and its verb stand in a clause set off by commas: a comma just
/// before the speaker, and just after its verb a comma or the end of the sentence (", she
/// said.", ", he says, ").
fn set_off(tokens: &[Token], found: &Found) -> bool {
    let first = tokens.partition_point(|token| token.start < found.start);
    let after = tokens.partition_point(|token| token.start < found.end);
    let comma_before = first > 0 && tokens[first - 1].is_punct(',');
    let closed = tokens.get(after + 1).is_none_or(|token| {
        token.is_punct(',') || token.is_punct('.') || token.is_punct('?') || token.is_punct('!')
    });
    comma_before && closed
}
