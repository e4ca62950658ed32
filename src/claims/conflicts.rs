//! Conflicts inside a group: units about the same quantity that give different figures ("300
//! killed" against "100 killed"), with both sides and their wording; and, where the figures agree
//! but the hedges differ ("at least 300" against "as many as 300"), the hedges side by side.
//! Figures for different quantities (killed against casualties) never conflict, and the same
//! figure in other words ("2,700", "some 2700") agrees.

use std::collections::BTreeMap;

use super::hedges::{Bound, Hedge};
use super::numbers::{Amount, Figure, Quantity};

/// Whether the figures or only their hedges differ.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// Different figures for the same quantity.
    Figures,
    /// The same figure, hedged differently.
    Hedges,
}

/// One member's figure for the quantity in conflict.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reading {
    /// The member (an index into the units given).
    pub member: usize,
    /// The hedge and figure as written ("some 2,700").
    pub wording: String,
    /// The hedge.
    pub hedge: Hedge,
}

/// All the members giving one figure (or, for a hedge difference, one hedge).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Side {
    /// The figure (for a vague one, "several hundred", the low end of its range).
    pub amount: Amount,
    /// The high end of a vague figure's range; `amount` for an exact figure.
    pub high: Amount,
    /// The hedge's meaning shared by this side (for a figure conflict, the first reading's).
    pub bound: Bound,
    /// Who gives it, and how.
    pub readings: Vec<Reading>,
}

/// A disagreement inside a group.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Conflict {
    /// What is counted.
    pub quantity: Quantity,
    /// Figures or hedges.
    pub kind: Kind,
    /// The sides, by figure then hedge.
    pub sides: Vec<Side>,
}

/// The readings of one quantity by the figure's least and greatest value: (member, text,
/// figure).
type ByAmount<'a> = BTreeMap<(Amount, Amount), Vec<(usize, &'a str, &'a Figure)>>;

/// The conflicts among `members` (unit index, text, figures), for `only` one quantity or all.
pub fn conflicts(members: &[(usize, &str, &[Figure])], only: Option<Quantity>) -> Vec<Conflict> {
    let mut by_quantity: BTreeMap<Quantity, Vec<(usize, &str, &Figure)>> = BTreeMap::new();
    for (member, text, figures) in members {
        let mut given: Vec<Quantity> = Vec::new();
        for figure in figures.iter() {
            let Some(quantity) = figure.quantity else {
                continue;
            };
            if only.is_some_and(|q| q != quantity) || given.contains(&quantity) {
                continue;
            }
            // One reading per member and quantity: the first figure it gives.
            given.push(quantity);
            by_quantity
                .entry(quantity)
                .or_default()
                .push((*member, text, figure));
        }
    }
    let mut found = Vec::new();
    for (quantity, readings) in by_quantity {
        // A vague figure ("several hundred", 200 to 999) is a side of its own, apart from "200".
        let mut by_amount: ByAmount<'_> = BTreeMap::new();
        for reading in &readings {
            by_amount
                .entry((reading.2.amount, reading.2.high))
                .or_default()
                .push(*reading);
        }
        if by_amount.len() > 1 && !all_compatible(&by_amount) {
            let sides = by_amount
                .into_iter()
                .map(|((amount, _), list)| side(amount, &list))
                .collect();
            found.push(Conflict {
                quantity,
                kind: Kind::Figures,
                sides,
            });
            continue;
        }
        let mut by_bound: BTreeMap<Bound, Vec<(usize, &str, &Figure)>> = BTreeMap::new();
        for reading in &readings {
            by_bound
                .entry(reading.2.hedge.bound)
                .or_default()
                .push(*reading);
        }
        if by_bound.len() > 1 {
            let sides = by_bound
                .into_values()
                .map(|list| side(list[0].2.amount, &list))
                .collect();
            found.push(Conflict {
                quantity,
                kind: Kind::Hedges,
                sides,
            });
        }
    }
    found
}

/// Whether every two figures can both be true as written: two lower bounds where the smaller is
/// the rounder ("more than 1,000" and "more than 1,200": the first rounds the second down), two
/// upper bounds where the larger is the rounder, or an "about" figure that the other rounds to
/// ("about 52%" and "52.4%"); a vague figure is compatible with every figure whose values meet
/// its range ("several hundred" and "about 600", not "1,800").
fn all_compatible(by_amount: &ByAmount<'_>) -> bool {
    // Compatibility depends on the amounts, the bound and what a percentage is of: each pair of
    // them once.
    let key = |f: &&Figure| (f.amount, f.high, f.hedge.bound, f.subject.clone());
    let mut figures: Vec<&Figure> = by_amount.values().flatten().map(|r| r.2).collect();
    figures.sort_by_key(key);
    figures.dedup_by_key(|f| key(f));
    figures
        .iter()
        .enumerate()
        .all(|(i, a)| figures[i + 1..].iter().all(|b| compatible(a, b)))
}

fn compatible(a: &Figure, b: &Figure) -> bool {
    // Percentages of different things ("30% of commuters", "unemployment was 8%").
    let subjects = !a.subject.is_empty() && !b.subject.is_empty();
    if subjects && !a.subject.iter().any(|s| b.subject.contains(s)) {
        return true;
    }
    if a.high != a.amount || b.high != b.amount {
        let ((a_low, a_high), (b_low, b_high)) = (values(a), values(b));
        return a_low <= b_high && b_low <= a_high;
    }
    if a.amount == b.amount {
        return true;
    }
    let (low, high) = if a.amount < b.amount { (a, b) } else { (b, a) };
    match (low.hedge.bound, high.hedge.bound) {
        (Bound::AtLeast, Bound::AtLeast) => roundness(low.amount) > roundness(high.amount),
        (Bound::AtMost, Bound::AtMost) => roundness(high.amount) > roundness(low.amount),
        (Bound::About, _) => rounds_to(high.amount, low.amount),
        (_, Bound::About) => rounds_to(low.amount, high.amount),
        _ => false,
    }
}

/// The least and greatest values (in hundredths) a figure allows: a vague figure's range, an
/// exact figure itself, "about" the values that round to it, "at least" and "at most" open on
/// one side.
fn values(f: &Figure) -> (u64, u64) {
    if f.high != f.amount {
        return (f.amount.0, f.high.0);
    }
    let x = f.amount.0;
    match f.hedge.bound {
        Bound::Exact => (x, x),
        Bound::About => {
            let half = 10u64.pow(roundness(f.amount)) / 2;
            (x.saturating_sub(half), x.saturating_add(half))
        }
        Bound::AtLeast => (x, u64::MAX),
        Bound::AtMost => (0, x),
    }
}

/// How many trailing zeros a figure has (in hundredths: 1,000 has 5, 52.4 has 1).
fn roundness(amount: Amount) -> u32 {
    let mut n = amount.0;
    let mut zeros = 0;
    while n > 0 && n.is_multiple_of(10) {
        n /= 10;
        zeros += 1;
    }
    zeros
}

/// Whether `exact` rounded to the precision of `about` is `about` (52.4 to 52, 280 to 300).
fn rounds_to(exact: Amount, about: Amount) -> bool {
    let step = 10u64.pow(roundness(about));
    let rounded = (exact.0 + step / 2) / step * step;
    rounded == about.0
}

fn side(amount: Amount, list: &[(usize, &str, &Figure)]) -> Side {
    Side {
        amount,
        high: list[0].2.high.max(amount),
        bound: list[0].2.hedge.bound,
        readings: list
            .iter()
            .map(|(member, text, figure)| Reading {
                member: *member,
                wording: text
                    .get(figure.range.clone())
                    .unwrap_or_default()
                    .to_owned(),
                hedge: figure.hedge,
            })
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::claims::numbers::figures;

    /// Per conflict: the quantity, the kind and per side the (member, wording) readings.
    type Found = Vec<(Quantity, Kind, Vec<Vec<(usize, String)>>)>;

    /// The conflicts among `texts`, each a member.
    fn conflicts_of(texts: &[&str]) -> Vec<Conflict> {
        let found: Vec<Vec<Figure>> = texts.iter().map(|t| figures(t)).collect();
        let members: Vec<(usize, &str, &[Figure])> = texts
            .iter()
            .enumerate()
            .map(|(i, t)| (i, *t, found[i].as_slice()))
            .collect();
        conflicts(&members, None)
    }

    fn run(texts: &[&str]) -> Found {
        conflicts_of(texts)
            .into_iter()
            .map(|c| {
                let sides = c
                    .sides
                    .iter()
                    .map(|s| {
                        s.readings
                            .iter()
                            .map(|r| (r.member, r.wording.clone()))
                            .collect()
                    })
                    .collect();
                (c.quantity, c.kind, sides)
            })
            .collect()
    }

    #[test]
    fn different_figures_for_one_quantity_conflict_with_both_sides() {
        let found = run(&[
            "Around 300 soldiers were killed and 2,700 wounded.",
            "At least 100 soldiers were killed and around 1,000 injured.",
            "Some 300 troops died.",
        ]);
        assert_eq!(
            found,
            [
                (
                    Quantity::Killed,
                    Kind::Figures,
                    vec![
                        vec![(1, "At least 100".to_owned())],
                        vec![(0, "Around 300".to_owned()), (2, "Some 300".to_owned())],
                    ]
                ),
                (
                    Quantity::Injured,
                    Kind::Figures,
                    vec![
                        vec![(1, "around 1,000".to_owned())],
                        vec![(0, "2,700".to_owned())]
                    ]
                ),
            ]
        );
    }

    #[test]
    fn the_same_figure_in_other_words_is_no_conflict() {
        let found = run(&[
            "some 2,700 injured",
            "2700 wounded",
            "about 2,700 were hurt",
        ]);
        assert!(
            found.iter().all(|(_, kind, _)| *kind == Kind::Hedges),
            "{found:?}"
        );
    }

    #[test]
    fn bounds_and_rounding_that_both_hold_are_no_conflict() {
        let figures = |texts: &[&str]| {
            let found = run(texts);
            found
                .iter()
                .filter(|(_, kind, _)| *kind == Kind::Figures)
                .count()
        };
        assert_eq!(
            figures(&["more than 1,200 killed", "more than 1,000 were killed"]),
            0
        );
        assert_eq!(figures(&["about 300 killed", "280 killed"]), 0);
        assert_eq!(figures(&["at least 27 killed", "more than 40 killed"]), 1);
        assert_eq!(figures(&["250,000 recalled", "almost 260,000 recalled"]), 1);
        assert_eq!(figures(&["up to 500 evacuated", "up to 450 evacuated"]), 0);
    }

    #[test]
    fn different_measures_are_no_conflict() {
        assert_eq!(
            run(&["300 killed", "casualties exceeded 3,000", "2,700 injured"]),
            []
        );
    }

    #[test]
    fn hedges_that_differ_on_one_figure_are_shown_apart() {
        let found = run(&["at least 300 killed", "as many as 300 soldiers were killed"]);
        assert_eq!(
            found,
            [(
                Quantity::Killed,
                Kind::Hedges,
                vec![
                    vec![(0, "at least 300".to_owned())],
                    vec![(1, "as many as 300".to_owned())]
                ]
            )]
        );
    }

    #[test]
    fn a_vague_side_keeps_its_whole_range() {
        let texts = [
            "Several hundred pilgrims were evacuated",
            "1,300 pilgrims were evacuated",
        ];
        let ranges: Vec<(Amount, Amount)> = conflicts_of(&texts)[0]
            .sides
            .iter()
            .map(|side| (side.amount, side.high))
            .collect();
        assert_eq!(
            ranges,
            [
                (Amount::whole(200), Amount::whole(999)),
                (Amount::whole(1_300), Amount::whole(1_300))
            ]
        );
    }

    fn figure_conflicts(texts: &[&str]) -> usize {
        run(texts)
            .iter()
            .filter(|(_, kind, _)| *kind == Kind::Figures)
            .count()
    }

    #[rstest::rstest]
    // Percentages: levels of one thing conflict; a change and a level, or levels of different
    // things, do not.
    #[case(&["Attendance at the fair was 64%", "Attendance at the fair was 70 percent"], 1)]
    #[case(&["Attendance at the fair was 64%", "Attendance at the fair was about 64 per cent"], 0)]
    #[case(&["Approval of the mayor rose to 48%", "approval of the mayor stood at 41%"], 1)]
    #[case(&["Approval of the mayor rose 4%", "approval of the mayor stood at 41%"], 0)]
    #[case(&["Sales fell 5% in March", "12% of sales were made online"], 0)]
    #[case(&["Sales fell 5% in March", "sales fell 9% in March"], 1)]
    #[case(&["The tram carried 30% of commuters", "Unemployment was 8%"], 0)]
    // The same figure of another thing does not hide a conflict of this one.
    #[case(&["Turnout reached 64% in the city", "64% of commuters took the tram", "70% of commuters took the tram"], 1)]
    // Units: one unit conflicts with itself only, never with another unit or a plain count.
    #[case(&["Snowfall reached 40 cm in the pass", "the pass is 40 km long"], 0)]
    #[case(&["Snowfall reached 40 cm in the pass", "snowfall reached 55 cm in the pass"], 1)]
    #[case(&["Snowfall reached 40 cm in the pass", "snowfall reached 400 mm in the pass"], 0)]
    #[case(&["The ferry carried 900 tonnes", "the ferry carried 900 passengers"], 0)]
    #[case(&["Gusts of 90 km/h hit the pass", "gusts of 120 km/h hit the pass"], 1)]
    #[case(&["Gusts of 90 km/h hit the pass", "the pass lies 120 km north"], 0)]
    // Vague figures: a range that conflicts only with figures outside it.
    #[case(&["Several hundred pilgrims were evacuated", "about 450 pilgrims were evacuated"], 0)]
    #[case(&["Several hundred pilgrims were evacuated", "1,300 pilgrims were evacuated"], 1)]
    #[case(&["Hundreds of pilgrims were evacuated", "more than 800 were evacuated"], 0)]
    #[case(&["Dozens of miners were injured", "at least 30 miners were injured"], 0)]
    #[case(&["Dozens of miners were injured", "four miners were injured"], 1)]
    #[case(&["Thousands of pilgrims were evacuated", "some 250 pilgrims were evacuated"], 1)]
    fn percentages_units_and_vague_figures_conflict_only_on_one_measure(
        #[case] texts: &[&str],
        #[case] expected: usize,
    ) {
        assert_eq!(figure_conflicts(texts), expected, "{:?}", run(texts));
    }
}
