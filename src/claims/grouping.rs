//! Suggested claim groups: units of different articles that state the same proposition.
//!
//! Two kinds of group come out, both from the pairs the [`Index`] finds (never all pairs):
//! - a **figure group** per quantity: the units that give a figure for the same quantity
//!   (killed, injured...) and are alike enough to be about the same event; a unit with two
//!   quantities ("300 killed and 2,700 injured") is in two groups, and the figures inside a group
//!   may disagree (that is what conflicts are found in), though not by more than [`MAGNITUDE`]
//!   times (a tenfold gap is another count: "two wounded soldiers" against "2,700 wounded");
//!   two units are joined only when they also share a rare content word;
//! - a **wording group**: units joined by a pair that is each one's best match in the other's
//!   article and scores high, then taken together (connected components).
//!
//! Both kinds join only units that share words, not just figures and what they count (see
//! [`Pair::words`]): the same sentence about another event, with only common words, the
//! quantity and the figure in common, does not join (in a large library such sentences chained
//! events into one group of hundreds).
//!
//! A wording group each of whose members already shares a figure group with another of its
//! members says nothing more and is dropped;
//! equal groups are kept once. Ids come from the members' keys (and the quantity), so the same
//! group gets the same id on every run and a dismissal can be remembered.

use std::collections::{BTreeMap, HashMap, HashSet};

use super::index::{Index, Pair};
use super::numbers::{Figure, Quantity, figures};

/// The least similarity for two units to be in one wording group.
pub const WORDING: f32 = 0.22;
/// The least similarity for two units giving figures for one quantity to be in one group.
pub const FIGURES: f32 = 0.1;

/// A suggested group, before conflicts and labels are worked out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Suggestion {
    /// Deterministic id: `s-` and a hash of the members' keys (and the quantity).
    pub id: String,
    /// The quantity of a figure group.
    pub quantity: Option<Quantity>,
    /// The member units (indexes into the input), in order.
    pub members: Vec<usize>,
}

/// The work grouping did, counted (not timed) so that its growth can be checked.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Work {
    /// Candidate pairs of units whose similarity was computed.
    pub candidates: usize,
    /// The pairs that scored at least [`FIGURES`].
    pub pairs: usize,
    /// Member slots over all suggested groups.
    pub memberships: usize,
    /// The members of the largest suggested group.
    pub largest: usize,
}

/// The suggested groups over `units` (article, key, text): each spans at least two articles.
pub fn suggest(units: &[(usize, &str, &str)]) -> Vec<Suggestion> {
    suggest_counted(units).0
}

/// Like [`suggest`], with the work it did.
pub fn suggest_counted(units: &[(usize, &str, &str)]) -> (Vec<Suggestion>, Work) {
    let index = Index::new(units.iter().map(|(article, _, text)| (*article, *text)));
    let (all_pairs, candidates) = index.pairs_counted(FIGURES);
    // Only units that share words, not just figures, can be one proposition.
    let pairs: Vec<Pair> = all_pairs.iter().filter(|p| p.words).copied().collect();
    let figures: Vec<Vec<Figure>> = units.iter().map(|(_, _, text)| figures(text)).collect();
    let mut groups: Vec<(Option<Quantity>, Vec<usize>)> = Vec::new();
    for quantity in quantities(&figures) {
        let amount = |u: usize| {
            figures[u]
                .iter()
                .find(|f| f.quantity == Some(quantity))
                .map(|f| (f.amount.0, f.high.0))
        };
        let joined: Vec<&Pair> = pairs
            .iter()
            .filter(|p| match (amount(p.a), amount(p.b)) {
                (Some(a), Some(b)) => comparable(a, b),
                _ => false,
            })
            .collect();
        for members in components(units.len(), &joined) {
            groups.push((Some(quantity), members));
        }
    }
    let strong: Vec<&Pair> = mutual_best(&index, &pairs)
        .into_iter()
        .filter(|p| p.score >= WORDING)
        .collect();
    // The figure groups of each unit, so that a wording group is checked in time linear in its
    // members (not in the library's groups).
    let mut figure_groups: Vec<Vec<usize>> = vec![Vec::new(); units.len()];
    for (g, (_, members)) in groups.iter().enumerate() {
        for &m in members {
            figure_groups[m].push(g);
        }
    }
    let known: HashSet<Vec<usize>> = groups.iter().map(|(_, g)| g.clone()).collect();
    for members in components(units.len(), &strong) {
        // Every member already shares a figure group with another member.
        let mut shared: HashMap<usize, usize> = HashMap::new();
        for &m in &members {
            for &g in &figure_groups[m] {
                *shared.entry(g).or_default() += 1;
            }
        }
        let covered = members
            .iter()
            .all(|&m| figure_groups[m].iter().any(|g| shared[g] > 1));
        if !covered && !known.contains(&members) {
            groups.push((None, members));
        }
    }
    let found: Vec<Suggestion> = groups
        .into_iter()
        .filter(|(_, members)| spans_articles(&index, members))
        .map(|(quantity, members)| Suggestion {
            id: id(units, quantity, &members),
            quantity,
            members,
        })
        .collect();
    let work = Work {
        candidates,
        pairs: all_pairs.len(),
        memberships: found.iter().map(|s| s.members.len()).sum(),
        largest: found.iter().map(|s| s.members.len()).max().unwrap_or(0),
    };
    (found, work)
}

/// Whether two figures for one quantity (each its least and greatest value: a vague figure is a
/// range) can be reports of the same count: within [`MAGNITUDE`] of each other ("300" and "100"
/// can; "two wounded soldiers" and "2,700 wounded" are different counts).
fn comparable((a_low, a_high): (u64, u64), (b_low, b_high): (u64, u64)) -> bool {
    a_low.max(b_low) <= a_high.min(b_high).saturating_mul(MAGNITUDE)
}

/// How many times larger than another a figure can be and still count the same thing.
pub const MAGNITUDE: u64 = 5;

/// The quantities any figure counts, in a fixed order.
fn quantities(figures: &[Vec<Figure>]) -> Vec<Quantity> {
    let mut found: Vec<Quantity> = figures
        .iter()
        .flatten()
        .filter_map(|f| f.quantity)
        .collect();
    found.sort_unstable();
    found.dedup();
    found
}

/// The pairs where each unit is the other's best match in its article (ties to the lower
/// index), so one unit does not pull in every unit it resembles a little.
fn mutual_best<'a>(index: &Index, pairs: &'a [Pair]) -> Vec<&'a Pair> {
    let mut best: HashMap<(usize, usize), (f32, usize)> = HashMap::new();
    let mut offer = |from: usize, to: usize, score: f32| {
        let key = (from, index.article(to));
        let entry = best.entry(key).or_insert((score, to));
        if score > entry.0 {
            *entry = (score, to);
        }
    };
    for p in pairs {
        offer(p.a, p.b, p.score);
        offer(p.b, p.a, p.score);
    }
    pairs
        .iter()
        .filter(|p| {
            best.get(&(p.a, index.article(p.b)))
                .is_some_and(|(_, to)| *to == p.b)
                && best
                    .get(&(p.b, index.article(p.a)))
                    .is_some_and(|(_, to)| *to == p.a)
        })
        .collect()
}

/// The connected components of `pairs` with at least two units, each sorted, in order of their
/// first unit.
fn components(n: usize, pairs: &[&Pair]) -> Vec<Vec<usize>> {
    let mut parent: Vec<usize> = (0..n).collect();
    fn root(parent: &mut [usize], mut x: usize) -> usize {
        while parent[x] != x {
            parent[x] = parent[parent[x]];
            x = parent[x];
        }
        x
    }
    for p in pairs {
        let (a, b) = (root(&mut parent, p.a), root(&mut parent, p.b));
        if a != b {
            parent[a.max(b)] = a.min(b);
        }
    }
    let mut groups: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for p in pairs {
        for unit in [p.a, p.b] {
            let r = root(&mut parent, unit);
            groups.entry(r).or_default().push(unit);
        }
    }
    groups
        .into_values()
        .map(|mut members| {
            members.sort_unstable();
            members.dedup();
            members
        })
        .collect()
}

/// Whether `members` come from at least two articles.
fn spans_articles(index: &Index, members: &[usize]) -> bool {
    members
        .iter()
        .any(|&m| index.article(m) != index.article(members[0]))
}

/// `s-` and 16 hex digits of the hash of the members' keys, sorted, and the quantity.
fn id(units: &[(usize, &str, &str)], quantity: Option<Quantity>, members: &[usize]) -> String {
    let mut keys: Vec<&str> = members.iter().map(|&m| units[m].1).collect();
    keys.sort_unstable();
    let mut text = keys.join("\n");
    if let Some(q) = quantity {
        text.push('\n');
        text.push_str(q.name());
    }
    format!("s-{:016x}", xxhash_rust::xxh3::xxh3_64(text.as_bytes()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn groups(units: &[(usize, &str)]) -> Vec<(Option<Quantity>, Vec<usize>)> {
        let keys: Vec<String> = (0..units.len()).map(|i| format!("k{i}")).collect();
        let input: Vec<(usize, &str, &str)> = units
            .iter()
            .zip(&keys)
            .map(|((a, t), k)| (*a, k.as_str(), *t))
            .collect();
        suggest(&input)
            .into_iter()
            .map(|s| (s.quantity, s.members))
            .collect()
    }

    #[test]
    fn a_sentence_with_two_figures_is_in_two_groups() {
        let found = groups(&[
            (
                0,
                "Around 300 North Korean soldiers have been killed and 2,700 wounded in Kursk.",
            ),
            (
                1,
                "At least 300 North Korean soldiers were killed in the Kursk fighting, officials said.",
            ),
            (2, "Some 2,700 North Korean soldiers were injured in Kursk."),
            (2, "The museum opened a new wing on Monday."),
            (1, "Rain is expected over the coast tomorrow."),
        ]);
        assert_eq!(
            found,
            [
                (Some(Quantity::Killed), vec![0, 1]),
                (Some(Quantity::Injured), vec![0, 2]),
            ]
        );
    }

    #[test]
    fn the_same_proposition_in_other_words_is_grouped_without_figures() {
        let found = groups(&[
            (
                0,
                "Zelensky offered to exchange the captured soldiers for Ukrainian prisoners held in Russia.",
            ),
            (
                1,
                "Zelenskyy proposed a prisoner swap for Ukrainians held captive in Russia.",
            ),
            (
                2,
                "The Kremlin declined to comment on the captured soldiers.",
            ),
            (
                2,
                "Kyiv is ready to exchange the captured soldiers for Ukrainian prisoners, Zelensky said.",
            ),
            (1, "Rain fell over the capital all afternoon."),
        ]);
        assert_eq!(found, [(None, vec![0, 1, 3])]);
    }

    #[test]
    fn ids_follow_the_members_not_the_order() {
        let a = [
            (0, "k1", "300 soldiers killed in Kursk"),
            (1, "k2", "Some 300 soldiers were killed in Kursk"),
        ];
        let b = [a[1], a[0]];
        assert_eq!(suggest(&a)[0].id, suggest(&b)[0].id);
        assert!(suggest(&a)[0].id.starts_with("s-"));
    }

    #[test]
    fn a_figure_and_its_quantity_alone_do_not_join_units_of_different_events() {
        // Eight storms, each told by eight articles in the same words; the storms' figures are
        // 12 or 13 injured, so a figure is rarer than the words, and only a storm's harbour
        // tells it from the others.
        let towns = [
            "Ardel", "Brisk", "Corve", "Dunmar", "Elst", "Fenwick", "Garrow", "Hale",
        ];
        let mut units: Vec<(usize, String)> = Vec::new();
        for (storm, town) in towns.iter().enumerate() {
            for article in 0..8 {
                let n = 12 + storm % 2;
                units.push((
                    storm * 8 + article,
                    format!("At least {n} sailors were injured in the storm."),
                ));
                units.push((
                    storm * 8 + article,
                    format!("The harbour of {town} was closed."),
                ));
            }
        }
        let refs: Vec<(usize, &str)> = units.iter().map(|(a, t)| (*a, t.as_str())).collect();
        for (_, members) in groups(&refs) {
            let storms: HashSet<usize> = members.iter().map(|&m| refs[m].0 / 8).collect();
            assert_eq!(storms.len(), 1, "{members:?}");
        }
    }

    #[test]
    fn vague_figures_join_the_figures_in_their_range() {
        let found = groups(&[
            (
                0,
                "Several hundred pilgrims were evacuated from Lunar Pass.",
            ),
            (
                1,
                "About 450 pilgrims were evacuated from Lunar Pass on Friday.",
            ),
            (
                2,
                "Some 40,000 pilgrims were evacuated from Lunar Pass, the army said.",
            ),
        ]);
        let figure_groups: Vec<_> = found.iter().filter(|(q, _)| q.is_some()).collect();
        assert_eq!(figure_groups, [&(Some(Quantity::Displaced), vec![0, 1])]);
    }
}
