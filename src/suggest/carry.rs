//! What one unit hands the next, over a window of units: a quotation still open (within a
//! paragraph), and a speaker, carried to a following "He added", "According to him", "the
//! lawmaker said" or a quotation that goes on, and back to a unit that the next one points at
//! ("A lawmaker revealed this information").
//!
//! Both look back at most [`LOOK_BACK`] units (a "he" at most that far past each of
//! [`PRONOUN_CHAIN`] "he"s before it, a full name [`NAME_LOOK_BACK`]) and ahead
//! [`LOOK_AHEAD`], so a unit's proposal is the same whatever window it is computed in, and a
//! window costs its size plus a constant.

use std::convert::Infallible;
use std::ops::Range;

use crate::annotation::Tag;
use crate::article::Article;

use super::genders::{self, Gender};
use super::names::{self, Who};
use super::sources;
use super::unit::{self, Facts};
use super::{Suggestion, is_headline, words};

/// How many units before a unit are read for its open quotation and its speaker.
pub const LOOK_BACK: usize = 4;

/// How many units after a unit are read for the name of a person it only describes ("a
/// lawmaker said ... lawmaker Ana Gil told reporters").
pub const LOOK_AHEAD: usize = 4;

/// How many units before a unit are read for the full form of a name it gives short ("Lee"
/// after "Lee Seong-kweun").
pub const NAME_LOOK_BACK: usize = 16;

/// The speaker of a unit that states something with no one named, near or in it: the outlet.
pub const OUTLET: &str = "outlet";

/// What a unit's double quotation marks do to the state "a quotation is open".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Step {
    Keep,
    Flip,
    Open,
    Close,
}

impl Step {
    /// The step of a unit's text, read from its marks alone: a straight mark is one byte, the
    /// others open with the bytes C2 (guillemets) or E2 (curly marks), which UTF-8 uses for
    /// nothing but the first byte of a character.
    fn of(source: &str) -> Step {
        let bytes = source.as_bytes();
        let mut step = Step::Keep;
        for at in memchr::memchr3_iter(b'"', 0xC2, 0xE2, bytes) {
            let mark = match bytes.get(at..(at + 3).min(bytes.len())) {
                Some([b'"', ..]) => '"',
                Some([0xC2, 0xAB, ..]) => '\u{00AB}',
                Some([0xC2, 0xBB, ..]) => '\u{00BB}',
                Some([0xE2, 0x80, 0x9C]) => '\u{201C}',
                Some([0xE2, 0x80, 0x9D]) => '\u{201D}',
                Some([0xE2, 0x80, 0x9E]) => '\u{201E}',
                _ => continue,
            };
            step = match mark {
                '"' => match step {
                    Step::Keep => Step::Flip,
                    Step::Flip => Step::Keep,
                    Step::Open => Step::Close,
                    Step::Close => Step::Open,
                },
                '\u{201C}' | '\u{00AB}' | '\u{201E}' => Step::Open,
                '\u{201D}' | '\u{00BB}' => Step::Close,
                _ => continue,
            };
        }
        step
    }

    fn apply(self, open: bool) -> bool {
        match self {
            Step::Keep => open,
            Step::Flip => !open,
            Step::Open => true,
            Step::Close => false,
        }
    }
}

/// The units to propose for, and the article they come from.
pub struct Window<'a> {
    article: &'a Article,
    range: Range<usize>,
}

impl<'a> Window<'a> {
    /// A window over `range`, already clipped to the article's units.
    pub fn new(article: &'a Article, range: Range<usize>) -> Window<'a> {
        Window { article, range }
    }

    /// The proposals of the window's units.
    pub fn suggestions(&self) -> Vec<Suggestion> {
        let mut suggestions = Vec::with_capacity(self.range.len());
        let done: Result<(), Infallible> = self.each(|suggestion| {
            suggestions.push(suggestion.clone());
            Ok(())
        });
        match done {
            Ok(()) => suggestions,
            Err(never) => match never {},
        }
    }

    /// Hands the proposal of each of the window's units to `each`, in order, and stops at the
    /// first error it returns: no more than one proposal is held at a time, its lists reused
    /// from one unit to the next.
    pub fn each<E>(&self, mut each: impl FnMut(&Suggestion) -> Result<(), E>) -> Result<(), E> {
        let units = self.article.units();
        let Range { start, end } = self.range.clone();
        if start >= end {
            return Ok(());
        }
        let lexicon = words::lexicon();
        let source = |index: usize| self.article.unit_source(index).unwrap_or_default();
        // Facts are needed from NAME_LOOK_BACK units before (speakers and their full names) to
        // LOOK_AHEAD after (back references, described people named later); each needs the
        // quotation marks of LOOK_BACK units before.
        let first = start.saturating_sub(NAME_LOOK_BACK);
        let last = (end + LOOK_AHEAD).min(units.len());
        let steps_from = first.saturating_sub(LOOK_BACK);
        let steps: Vec<Step> = (steps_from..last).map(|i| Step::of(source(i))).collect();
        let open_at = |index: usize| {
            let paragraph = units[index].paragraph;
            let from = (index.saturating_sub(LOOK_BACK)..index)
                .rev()
                .take_while(|&before| units[before].paragraph == paragraph)
                .last()
                .unwrap_or(index);
            (from..index).fold(false, |open, before| steps[before - steps_from].apply(open))
        };
        let mut scratch = unit::Scratch::default();
        let facts: Vec<Facts> = (first..last)
            .map(|index| {
                let unit = units[index];
                let text = source(index);
                let headline = is_headline(unit.kind, text);
                unit::judge(
                    text,
                    unit.start,
                    headline,
                    open_at(index),
                    lexicon,
                    &mut scratch,
                )
            })
            .collect();
        let mut suggestion = Suggestion {
            index: start,
            tags: Vec::new(),
            speaker: None,
            cues: Vec::new(),
            score: 0.0,
        };
        for index in start..end {
            let at = index - first;
            let speaker = if facts[at].tags.is_empty() {
                None
            } else {
                let ahead = &facts[at + 1..(at + 1 + LOOK_AHEAD).min(facts.len())];
                speaker(&facts[..at], &facts[at], ahead)
            };
            let own = &facts[at];
            suggestion.index = index;
            suggestion.tags.clear();
            suggestion.tags.extend(own.tags.iter());
            suggestion.speaker = speaker;
            suggestion.cues.clear();
            suggestion.cues.extend_from_slice(scratch.cues(own));
            suggestion.score = own.score;
            each(&suggestion)?;
        }
        Ok(())
    }
}

/// How many units before a "he" or "she" are read for the person it means, past each unit that
/// itself only said "he" (see [`antecedent`]).
pub const PRONOUN_BACK: usize = 2;

/// How many "he"s in a row pass on the person the first one meant ("Ana Gil said ... He wrote
/// ... He added").
pub const PRONOUN_CHAIN: usize = 2;

// A window reads the facts of NAME_LOOK_BACK units before its first: the furthest a chain of
// pronouns reaches must stay inside them.
const _: () = assert!(LOOK_BACK * (PRONOUN_CHAIN + 1) <= NAME_LOOK_BACK);

/// Whom a "he" or "she" means: the last name the units `before` gave, within [`PRONOUN_BACK`]
/// units; a unit between that says "he" itself means the same person, found the same way, up
/// to `chain` times, and the sentences of a quotation that goes on are that person's words, so
/// they are read past without being counted (within [`LOOK_BACK`] units). Further back, a "he"
/// is as often someone else as the last person named. A unit that attributes nothing offers
/// the person it opens with (when a given name shows a person) before one it mentions by
/// title. A name whose given name is of the other gender ("she" after "Tom Reyes said") is
/// read past like a unit that names nobody, and so is a "he" between that stands for the
/// other gender. Names are taken in their full form as [`full_name`] finds it from the
/// pronoun's unit (`all` are the units before it), which is the form proposed.
fn antecedent(
    all: &[Facts],
    before: &[Facts],
    chain: usize,
    gender: Option<Gender>,
) -> Option<String> {
    let agrees = |name: &String| genders::agree(gender, &full_name(all, name.clone()));
    let person = |name: &String| {
        genders::of_name(&full_name(all, name.clone()))
            .is_some_and(|named| gender.is_none_or(|gender| gender == named))
    };
    let mut counted = 0;
    for (back, facts) in before.iter().rev().take(LOOK_BACK).enumerate() {
        match &facts.who {
            Some(Who::Named(name)) if agrees(name) => return Some(name.clone()),
            // The name that opens a unit attributing nothing, as the subject of its verb, when
            // its given name shows a person.
            None if facts.subject.as_ref().is_some_and(person) => return facts.subject.clone(),
            // A person mentioned by title in a unit that attributes nothing.
            None if facts.mention.as_ref().is_some_and(agrees) => return facts.mention.clone(),
            None if facts.mention.is_none() && facts.continues_quote => continue,
            Some(Who::Pronoun(other))
                if chain > 0 && (gender.is_none() || other.is_none() || gender == *other) =>
            {
                let earlier = &before[..before.len() - 1 - back];
                return antecedent(all, earlier, chain - 1, gender.or(*other));
            }
            _ => {}
        }
        counted += 1;
        if counted == PRONOUN_BACK {
            break;
        }
    }
    None
}

/// The name given by the units `ahead` that go on with a quotation still open: whom a
/// quotation of several sentences is attributed to where it ends ("“We will rebuild. It will
/// take years,” said Ana Gil").
fn quote_closer(ahead: &[Facts]) -> Option<String> {
    ahead
        .iter()
        .take_while(|facts| facts.continues_quote)
        .find_map(|facts| match &facts.who {
            Some(Who::Named(name)) => Some(name.clone()),
            _ => None,
        })
}

/// The last name the units `before` gave, within [`LOOK_BACK`] units.
fn last_named(before: &[Facts]) -> Option<String> {
    before
        .iter()
        .rev()
        .take(LOOK_BACK)
        .find_map(|facts| match &facts.who {
            Some(Who::Named(name)) => Some(name.clone()),
            // A person mentioned by title in a unit that attributes nothing.
            None => facts.mention.clone(),
            _ => None,
        })
}

/// The last name the units `before` gave, within [`LOOK_BACK`] units, unless it came with a
/// role other than `role`: whom "the lawmaker said" means ("Rep. Ida Moss said", or "Ida Moss
/// said"), but not "the mayor said" after "port director Rui Costa said", which stays a
/// description.
fn last_named_as(before: &[Facts], role: Option<u16>) -> Option<String> {
    let (facts, name) = before
        .iter()
        .rev()
        .take(LOOK_BACK)
        .find_map(|facts| match &facts.who {
            Some(Who::Named(name)) => Some((facts, name.clone())),
            _ => None,
        })?;
    let other = match (role, facts.role) {
        (Some(role), Some(named)) => !sources::same_role(role, named),
        _ => false,
    };
    (!other).then_some(name)
}

/// The body the units `before` last named by its initials, within [`LOOK_BACK`] units: whom
/// "the agency" means.
fn last_initials(before: &[Facts]) -> Option<String> {
    before
        .iter()
        .rev()
        .take(LOOK_BACK)
        .find_map(|facts| match &facts.who {
            Some(Who::Named(name)) if sources::is_initials(name) => Some(name.clone()),
            _ => facts.initials.clone(),
        })
}

/// The name of the person the units `ahead` give with the role `role` that ends a description ("a
/// South Korean lawmaker" is "lawmaker Ana Gil" two sentences on; an MP is a lawmaker).
fn named_later(ahead: &[Facts], role: Option<u16>) -> Option<String> {
    let role = role?;
    ahead
        .iter()
        .find_map(|facts| match (&facts.who, facts.role) {
            (Some(Who::Named(name)), Some(named)) if sources::same_role(role, named) => {
                Some(name.clone())
            }
            _ => None,
        })
}

/// The name the unit `next` gives while pointing back at the one before ("The ministry
/// shared these figures").
fn named_back(next: Option<&Facts>) -> Option<String> {
    match &next.filter(|next| next.back_reference)?.who {
        Some(Who::Named(name)) => Some(name.clone()),
        _ => None,
    }
}

/// The speaker of a unit with `own` facts, after the units `before` and before `next`: its own,
/// carried, or the outlet's when nothing names anyone; `None` for a pronoun nobody was named
/// before.
fn speaker(before: &[Facts], own: &Facts, ahead: &[Facts]) -> Option<String> {
    let next = ahead.first();
    let speaker = match &own.who {
        Some(Who::Named(name)) => Some(name.clone()),
        Some(Who::Described(description)) => named_back(next)
            .or_else(|| named_later(ahead, own.role))
            .or_else(|| Some(description.clone())),
        Some(Who::Pronoun(gender)) => {
            return antecedent(before, before, PRONOUN_CHAIN, *gender)
                .map(|name| full_name(before, name));
        }
        // "They said": a list of names just given ("Britain and France"); one person is not them.
        Some(Who::Plural) => {
            return last_named(before).filter(|name| name.contains(" and "));
        }
        Some(Who::Definite(description)) => {
            last_named_as(before, own.role).or_else(|| Some(description.clone()))
        }
        Some(Who::Body(description)) => last_initials(before).or_else(|| {
            // A description gives way to the name the next unit gives it, pointing back; "the
            // report" alone names nobody.
            named_back(next)
                .or_else(|| (!names::is_document_alone(description)).then(|| description.clone()))
        }),
        // A quotation nobody is said to have said goes on with the speaker named where it ends,
        // or else the last one, unless the unit passes it on as hearsay ("reportedly shouted
        // ...").
        None if own.continues_quote => quote_closer(ahead).or_else(|| last_named(before)),
        // A quotation that opens with nobody named is the speaker's named where it ends, or the
        // last speaker's when the unit just before named one; further back, it is more often
        // someone the unit names in words no rule reads, so no speaker is proposed.
        None if own.tags.first() == Some(&Tag::Quote) && !own.hearsay => {
            if let Some(name) = quote_closer(ahead) {
                return Some(full_name(before, name));
            }
            return match before.last().map(|facts| &facts.who) {
                Some(Some(Who::Named(name))) if own.bare_quote => {
                    Some(full_name(before, name.clone()))
                }
                _ => None,
            };
        }
        None => next
            .filter(|next| next.back_reference)
            .and_then(|next| match &next.who {
                Some(Who::Named(name)) | Some(Who::Described(name)) | Some(Who::Body(name)) => {
                    Some(name.clone())
                }
                _ => None,
            }),
    };
    Some(speaker.map_or_else(|| OUTLET.to_owned(), |name| full_name(before, name)))
}

/// `name`, or the longer name of the units `before` (within [`NAME_LOOK_BACK`]) whose first or
/// last word it is: "Lee" after "Lee Seong-kweun", "Zelenskyy" after "Volodymyr Zelenskyy".
fn full_name(before: &[Facts], name: String) -> String {
    if name.contains(' ') {
        return name;
    }
    let longer = before.iter().rev().take(NAME_LOOK_BACK).find_map(|facts| {
        let named = match &facts.who {
            Some(Who::Named(full)) => longer_form(full, &name),
            _ => None,
        };
        // A person mentioned by title and name ("released by President Ana Ruiz"), or named
        // with a given name as the subject of a unit that attributes nothing.
        named
            .or_else(|| longer_form(facts.mention.as_deref()?, &name))
            .or_else(|| {
                let subject = facts.subject.as_deref()?;
                // Only a person's name: "Though Sanders" or "State Department" are not.
                genders::of_name(subject).and_then(|_| longer_form(subject, &name))
            })
    });
    longer.unwrap_or(name)
}

/// `full` when it is a longer name whose first or last word is `name`.
///
/// Told by the bytes at `name`'s length from either end (a space there, `name` beside it), so
/// that the many names that are not it cost a comparison or two, and no search for spaces.
fn longer_form(full: &str, name: &str) -> Option<String> {
    let (bytes, name) = (full.as_bytes(), name.as_bytes());
    if bytes.len() <= name.len() {
        return None;
    }
    let cut = bytes.len() - name.len();
    let first = bytes[name.len()] == b' ' && bytes[..name.len()].eq_ignore_ascii_case(name);
    let last = bytes[cut - 1] == b' ' && bytes[cut..].eq_ignore_ascii_case(name);
    // A word holds no space, and a name with one is no word (asked last: it seldom matters).
    ((first || last) && !name.contains(&b' ')).then(|| full.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What a unit's marks do, read character by character: the reference for [`Step::of`].
    fn reference(source: &str) -> Step {
        source.chars().fold(Step::Keep, |step, c| match c {
            '"' => match step {
                Step::Keep => Step::Flip,
                Step::Flip => Step::Keep,
                Step::Open => Step::Close,
                Step::Close => Step::Open,
            },
            '\u{201C}' | '\u{00AB}' | '\u{201E}' => Step::Open,
            '\u{201D}' | '\u{00BB}' => Step::Close,
            _ => step,
        })
    }

    const PIECES: &[&str] = &[
        "\"", "\u{201C}", "\u{201D}", "\u{201E}", "\u{00AB}", "\u{00BB}", "\u{2019}", "\u{2018}",
        "\u{00A0}", "\u{00E9}", "\u{2026}", "a", " ", "'",
    ];

    proptest::proptest! {
        #[test]
        fn steps_read_from_bytes_as_from_characters(
            picks in proptest::collection::vec(0..PIECES.len(), 0..24)
        ) {
            let text: String = picks.iter().map(|&pick| PIECES[pick]).collect();
            proptest::prop_assert_eq!(Step::of(&text), reference(&text), "{:?}", text);
        }
    }

    #[test]
    fn longer_forms_are_found_by_first_or_last_word() {
        assert_eq!(
            longer_form("Lee Seong-kweun", "lee").as_deref(),
            Some("Lee Seong-kweun")
        );
        assert_eq!(
            longer_form("Volodymyr Oleksandrovych Zelenskyy", "Zelenskyy").as_deref(),
            Some("Volodymyr Oleksandrovych Zelenskyy")
        );
        assert_eq!(longer_form("Volodymyr Zelenskyy Jr", "Zelenskyy"), None);
        assert_eq!(longer_form("Zelenskyy", "Zelenskyy"), None);
        assert_eq!(longer_form("Ana Gil", "Ana Gil"), None);
        assert_eq!(longer_form("Gil Ana Gil", "Ana Gil"), None);
        assert_eq!(longer_form("Li Na", "Na").as_deref(), Some("Li Na"));
        assert_eq!(longer_form("Na", "a"), None);
        assert_eq!(longer_form("É ZÉ", "zé"), None);
        assert_eq!(longer_form("É Zé", "Zé").as_deref(), Some("É Zé"));
    }
}
