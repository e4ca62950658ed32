//! Claim groups across articles: the same proposition as several outlets state it, linked by a
//! person or suggested from the text, and the conflicts between their figures.
//!
//! Pure values in, values out: the units (tagged annotations) of a library come in with their
//! article, a key (the annotation id), their text and the groups a person linked them to; the
//! groups come out, linked ones first, then suggestions that nobody dismissed and that do not
//! repeat a linked group. No files, no clock, no terminal.

pub mod conflicts;
mod grouping;
pub mod hedges;
mod index;
pub mod links;
pub mod matrix;
mod measures;
pub mod numbers;
mod quantity;
mod terms;
mod words;

use std::collections::{BTreeMap, HashSet};

use crate::annotation::Tag;

pub use conflicts::{Conflict, Kind as ConflictKind, Reading, Side};
pub use grouping::{FIGURES, Suggestion, WORDING, Work, suggest, suggest_counted};
pub use hedges::{Bound, Hedge};
pub use index::CANDIDATES;
pub use numbers::{Amount, Figure, Quantity, figures};

/// One tagged unit of the library, as grouping sees it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Unit {
    /// Which article it is in (an index into the library's columns).
    pub article: usize,
    /// The annotation id.
    pub key: String,
    /// The annotated text, as people read it.
    pub text: String,
    /// The groups a person linked it to: (id, label).
    pub links: Vec<(String, String)>,
    /// Its tags.
    pub tags: Vec<Tag>,
    /// Who is speaking, when known; empty otherwise.
    pub speaker: String,
    /// Its first unit in the article.
    pub index: usize,
    /// Code-point offset of its start in the article, when known.
    pub start: Option<usize>,
    /// Code-point offset just past its end, when known.
    pub end: Option<usize>,
}

/// One article of the library: a column of the matrix.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Column {
    /// The article's file, as shown.
    pub file: String,
    /// The outlet: the article's source when known, else its title, else its file name.
    pub outlet: String,
}

/// The articles and their tagged units.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Library {
    /// One per article.
    pub columns: Vec<Column>,
    /// Every tagged unit of every article, article by article.
    pub units: Vec<Unit>,
}

/// Whether a person made the group or it is proposed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Linked by a person (the annotations carry it).
    Linked,
    /// Proposed from the text; nothing is written until it is accepted.
    Suggested,
}

/// A claim group.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Group {
    /// Its id: the one the annotations carry, or a suggestion's deterministic `s-` id.
    pub id: String,
    /// A short label ("300 killed").
    pub label: String,
    /// Linked or suggested.
    pub status: Status,
    /// The quantity a suggested figure group is about.
    pub quantity: Option<Quantity>,
    /// The member units (indexes into the input), in order.
    pub members: Vec<usize>,
    /// Where the members' figures disagree.
    pub conflicts: Vec<Conflict>,
}

/// The groups over `units`: linked ones (by id), then the suggestions whose id `dismissed` does
/// not hold and whose members are not already exactly a linked group.
pub fn groups(units: &[Unit], dismissed: &HashSet<String>) -> Vec<Group> {
    groups_counted(units, dismissed).0
}

/// Like [`groups`], with the work the suggestions took.
pub fn groups_counted(units: &[Unit], dismissed: &HashSet<String>) -> (Vec<Group>, Work) {
    let figures: Vec<Vec<Figure>> = units.iter().map(|u| figures(&u.text)).collect();
    let conflicts_of = |members: &[usize], only: Option<Quantity>| {
        let input: Vec<(usize, &str, &[Figure])> = members
            .iter()
            .map(|&m| (m, units[m].text.as_str(), figures[m].as_slice()))
            .collect();
        conflicts::conflicts(&input, only)
    };
    let mut linked: BTreeMap<&str, (String, Vec<usize>)> = BTreeMap::new();
    for (i, unit) in units.iter().enumerate() {
        for (id, label) in &unit.links {
            let entry = linked
                .entry(id)
                .or_insert_with(|| (label.clone(), Vec::new()));
            if entry.0.is_empty() {
                entry.0.clone_from(label);
            }
            entry.1.push(i);
        }
    }
    let mut out: Vec<Group> = linked
        .into_iter()
        .map(|(id, (label, members))| Group {
            id: id.to_owned(),
            conflicts: conflicts_of(&members, None),
            label,
            status: Status::Linked,
            quantity: None,
            members,
        })
        .collect();
    let taken: HashSet<Vec<usize>> = out.iter().map(|g| g.members.clone()).collect();
    let known: HashSet<String> = out.iter().map(|g| g.id.clone()).collect();
    let input: Vec<(usize, &str, &str)> = units
        .iter()
        .map(|u| (u.article, u.key.as_str(), u.text.as_str()))
        .collect();
    let (suggestions, work) = suggest_counted(&input);
    for suggestion in suggestions {
        if dismissed.contains(&suggestion.id)
            || known.contains(&suggestion.id)
            || taken.contains(&suggestion.members)
        {
            continue;
        }
        let conflicts = conflicts_of(&suggestion.members, suggestion.quantity);
        out.push(Group {
            label: label(units, &figures, &suggestion),
            id: suggestion.id,
            status: Status::Suggested,
            quantity: suggestion.quantity,
            members: suggestion.members,
            conflicts,
        });
    }
    (out, work)
}

/// The longest label made for a suggestion, in characters.
pub const LABEL_CHARS: usize = 40;

/// A suggestion's label: the figure most members give and its quantity ("300 killed"), or the
/// start of the shortest member's text.
fn label(units: &[Unit], figures: &[Vec<Figure>], suggestion: &Suggestion) -> String {
    if let Some(quantity) = suggestion.quantity {
        let mut counts: Vec<((Amount, Amount), usize)> = Vec::new();
        for &m in &suggestion.members {
            if let Some(f) = figures[m].iter().find(|f| f.quantity == Some(quantity)) {
                let range = (f.amount, f.high);
                match counts.iter_mut().find(|(r, _)| *r == range) {
                    Some((_, n)) => *n += 1,
                    None => counts.push((range, 1)),
                }
            }
        }
        // The most given figure; on a tie, the first member's.
        let most = counts.iter().rev().max_by_key(|(_, n)| *n);
        if let Some(((amount, high), _)) = most {
            return quantity.range_label(*amount, *high);
        }
    }
    let shortest = suggestion
        .members
        .iter()
        .map(|&m| {
            units[m]
                .text
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
        })
        .min_by_key(|t| t.chars().count())
        .unwrap_or_default();
    clip(&shortest, LABEL_CHARS)
}

/// `text` cut at a word boundary to at most `max` characters, with "…" when cut.
pub fn clip(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_owned();
    }
    let mut out = String::new();
    for word in text.split(' ') {
        if out.chars().count() + word.chars().count() + 1 >= max {
            break;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    if out.is_empty() {
        out = text.chars().take(max - 1).collect();
    }
    out.push('…');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn unit(article: usize, key: &str, text: &str, links: &[(&str, &str)]) -> Unit {
        Unit {
            article,
            key: key.to_owned(),
            text: text.to_owned(),
            links: links
                .iter()
                .map(|(i, l)| ((*i).to_owned(), (*l).to_owned()))
                .collect(),
            ..Unit::default()
        }
    }

    #[test]
    fn linked_groups_come_first_and_hide_the_same_suggestion() {
        let units = [
            unit(
                0,
                "a",
                "Around 300 soldiers were killed in Kursk.",
                &[("g1", "300 killed")],
            ),
            unit(
                1,
                "b",
                "At least 100 soldiers were killed in Kursk.",
                &[("g1", "")],
            ),
        ];
        let found = groups(&units, &HashSet::new());
        assert_eq!(found.len(), 1);
        assert_eq!(
            (found[0].id.as_str(), found[0].label.as_str()),
            ("g1", "300 killed")
        );
        assert_eq!(found[0].status, Status::Linked);
        assert_eq!(found[0].conflicts.len(), 1);
    }

    #[test]
    fn a_dismissed_suggestion_does_not_come_back() {
        let units = [
            unit(0, "a", "Around 300 soldiers were killed in Kursk.", &[]),
            unit(1, "b", "At least 100 soldiers were killed in Kursk.", &[]),
        ];
        let found = groups(&units, &HashSet::new());
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].status, Status::Suggested);
        assert_eq!(found[0].label, "300 killed");
        let dismissed = HashSet::from([found[0].id.clone()]);
        assert_eq!(groups(&units, &dismissed), []);
    }

    #[test]
    fn labels_are_clipped_at_a_word() {
        assert_eq!(clip("one two three", 9), "one two…");
        assert_eq!(clip("short", 9), "short");
    }
}
