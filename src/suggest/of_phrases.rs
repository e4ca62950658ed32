//! Phrases joined by "of" before a verb, read as one speaker: a share of a group ("62 percent
//! of voters said"), a person of a place ("Rep. Ana Gil of Texas said"), a body of something
//! ("the Ministry of Health said") and a title of a department ("Secretary of State John Kerry
//! said").

use std::ops::Range;

use super::names::{
    Found, LONGEST, Who, found, is_one_of, joined, judge, may_join, name_of, words_from,
};
use super::phrase_words::is_share;
use super::tokens::{Kind, Token};
use super::words::{BODY, NUMBER, TITLE};

/// The speaker of the phrase `found`, the tokens `range`, given the word `joint` just before it:
/// `found` itself unless an "of" joins it to the words before; `None` for a body before the
/// "of" that names nobody.
pub(super) fn read(
    text: &str,
    tokens: &[Token],
    range: Range<usize>,
    joint: &str,
    found: Found,
) -> Option<Found> {
    let Range { start, end } = range;
    // "63 percent said": a share with no "of" speaks with its count.
    if end - start == 1
        && is_share(text, &tokens[start])
        && let Some(count) = start
            .checked_sub(1)
            .filter(|&count| matches!(tokens[count].kind, Kind::Number) || tokens[count].is(NUMBER))
    {
        let from = tokens[count].start;
        return Some(Found {
            who: Who::Described(text[from..found.end].to_owned()),
            start: from,
            end: found.end,
        });
    }
    // "62 percent of voters said", "half of Democrats say": the share speaks.
    let of = if joint.eq_ignore_ascii_case("the") && start > 2 {
        start - 2
    } else {
        start - 1
    };
    if is_one_of(text, &tokens[of], &["of"])
        && let Some(share) = share_before(text, tokens, of)
    {
        let from = tokens[share].start;
        return Some(Found {
            who: Who::Described(text[from..found.end].to_owned()),
            start: from,
            end: found.end,
        });
    }
    // "Rep. Maria Alvarez of Texas said" is Maria Alvarez; "the Ministry of Health said" is the
    // ministry of health.
    if joint == "of" {
        let mut owner = start - 1;
        while owner > 0 && start - 1 - owner < LONGEST && may_join(tokens, owner - 1) {
            owner -= 1;
        }
        let words = &tokens[owner..start - 1];
        if let Some(last) = words.last() {
            if last.is(BODY) && last.capital {
                let body = judge(text, words, false)?;
                let name = format!(
                    "{} of {}",
                    joined(text, words_from(text, words)),
                    name_of(&found.who)
                );
                return Some(Found {
                    who: Who::Named(name),
                    start: body.start,
                    end: found.end,
                });
            }
            if let Some(person) = judge(text, words, false)
                && matches!(person.who, Who::Named(_))
            {
                return Some(person);
            }
            // "Secretary of State John Kerry" is John Kerry, not "State John Kerry"; "the
            // Secretary of State" with no name after it is the title, not "State".
            if last.is(TITLE) {
                let department = &tokens[start..end];
                if let Some(person) = past_department(text, department) {
                    return Some(person);
                }
                if department.iter().all(|word| is_department(text, word)) {
                    let title = words_from(text, words);
                    let first = title.first().unwrap_or(last);
                    return Some(Found {
                        who: Who::Described(text[first.start..found.end].to_owned()),
                        start: first.start,
                        end: found.end,
                    });
                }
            }
        }
    }
    Some(found)
}

/// The first token of the share before the "of" at token `of` ("62 percent", "half", "a
/// majority"), if there is one.
fn share_before(text: &str, tokens: &[Token], of: usize) -> Option<usize> {
    let share = of.checked_sub(1)?;
    if !is_share(text, &tokens[share]) {
        return None;
    }
    let count = share
        .checked_sub(1)
        .filter(|&count| matches!(tokens[count].kind, Kind::Number) || tokens[count].is(NUMBER));
    Some(count.unwrap_or(share))
}

/// Departments a minister or secretary is "of": "State", "Homeland Security".
const DEPARTMENTS: &[&str] = &[
    "state",
    "defense",
    "defence",
    "homeland",
    "security",
    "treasury",
    "education",
    "health",
    "labor",
    "labour",
    "energy",
    "commerce",
    "agriculture",
    "transportation",
    "interior",
    "veterans",
    "affairs",
    "justice",
    "foreign",
    "finance",
    "housing",
    "home",
    "trade",
];

/// Whether `word` is a capitalised word of a department's name.
fn is_department(text: &str, word: &Token) -> bool {
    word.capital && is_one_of(text, word, DEPARTMENTS)
}

/// The name after the department that opens `words` ("State John Kerry"), if a name is left.
fn past_department(text: &str, words: &[Token]) -> Option<Found> {
    let from = words.iter().position(|word| !is_department(text, word))?;
    let name = &words[from..];
    (from > 0 && name.iter().any(|word| word.capital && word.is_word())).then(|| {
        found(
            Who::Named(joined(text, name)),
            &name[0],
            &name[name.len() - 1],
        )
    })
}
