//! The agreement coefficients, each from its published definition, for nominal ratings with
//! missing cells.
//!
//! Notation: for unit `u`, `m_u` is the number of coders who coded it and `n_uk` how many of
//! them chose category `k`. A unit is *pairable* when `m_u >= 2`; the others carry no
//! information about agreement and are left out (as Krippendorff and Gwet do).

use super::{Figure, Ratings, Undefined};

/// Per-unit category counts, gathered once per coefficient: for each unit only the categories
/// given on it (`n_uk > 0`), so a scheme of many categories (speakers) costs what the ratings
/// hold, not units times categories.
struct Counts {
    /// `(k, n_uk)` of every unit, one run per unit, categories in order.
    counts: Vec<(usize, usize)>,
    /// Where each unit's run ends in `counts`.
    ends: Vec<usize>,
    categories: usize,
}

impl Counts {
    fn of(ratings: &Ratings) -> Counts {
        let mut counts = Vec::new();
        let mut ends = Vec::with_capacity(ratings.len());
        let mut given: Vec<usize> = Vec::new();
        for row in ratings.units() {
            given.clear();
            given.extend(row.iter().flatten().map(|&c| usize::from(c)));
            given.sort_unstable();
            let start = counts.len();
            for &category in &given {
                let fresh = counts.len() == start;
                match counts.last_mut() {
                    Some((k, n)) if !fresh && *k == category => *n += 1,
                    _ => counts.push((category, 1)),
                }
            }
            ends.push(counts.len());
        }
        Counts {
            counts,
            ends,
            categories: ratings.categories(),
        }
    }

    /// `(m_u, the n_uk given)` for every unit.
    fn units(&self) -> impl Iterator<Item = (usize, &[(usize, usize)])> {
        let starts = std::iter::once(0).chain(self.ends.iter().copied());
        starts.zip(&self.ends).map(|(start, &end)| {
            let unit = &self.counts[start..end];
            (unit.iter().map(|&(_, n)| n).sum(), unit)
        })
    }
}

/// The share of agreeing pairs within unit `u`: `Σ_k n_uk (n_uk - 1) / (m_u (m_u - 1))`.
fn unit_agreement(m: usize, unit: &[(usize, usize)]) -> f64 {
    let agreeing: usize = unit.iter().map(|&(_, n)| n * n.saturating_sub(1)).sum();
    agreeing as f64 / (m * (m - 1)) as f64
}

/// Observed agreement averaged over pairable units, with how many there were: Fleiss' `P̄` and
/// Gwet's `p_a`. For two coders it is the share of units on which they agree.
fn observed(counts: &Counts) -> (f64, usize) {
    let (mut sum, mut pairable) = (0.0, 0);
    for (m, unit) in counts.units().filter(|(m, _)| *m >= 2) {
        sum += unit_agreement(m, unit);
        pairable += 1;
    }
    (sum / pairable.max(1) as f64, pairable)
}

/// `π_k`: the share of category `k` within each unit coded at all, averaged over those units
/// (Gwet 2014, §2.5 and §5.3; for complete data it is Fleiss' `p_j`).
fn unit_shares(counts: &Counts) -> Vec<f64> {
    let mut shares = vec![0.0; counts.categories];
    let mut coded = 0usize;
    for (m, unit) in counts.units().filter(|(m, _)| *m >= 1) {
        coded += 1;
        for &(k, n) in unit {
            shares[k] += n as f64 / m as f64;
        }
    }
    for share in &mut shares {
        *share /= coded.max(1) as f64;
    }
    shares
}

/// `(p_o - p_e) / (1 - p_e)`, undefined when chance agreement is total.
fn chance_corrected(observed: f64, expected: f64) -> Figure {
    if (1.0 - expected).abs() < 1e-12 {
        Figure::Undefined(Undefined::OneCategory)
    } else {
        Figure::Value((observed - expected) / (1.0 - expected))
    }
}

/// Percent agreement: the share of pairs of coders who agree on a unit, averaged over the units
/// coded by two coders or more (with two coders, the share of units they agree on), from 0 to 1.
pub fn percent_agreement(ratings: &Ratings) -> Figure {
    match observed(&Counts::of(ratings)) {
        (_, 0) => Figure::Undefined(Undefined::NoPairableUnits),
        (value, _) => Figure::Value(value),
    }
}

/// Krippendorff's alpha for nominal data, from the coincidence matrix (Krippendorff 2011,
/// "Computing Krippendorff's Alpha-Reliability", section C):
/// `α = 1 - (n - 1) (n - Σ_c o_cc) / (n² - Σ_c n_c²)`, where `o_cc = Σ_u n_uc (n_uc - 1) /
/// (m_u - 1)` and `n_c`, `n` count the values in pairable units. Undefined when every value is
/// the same category (expected disagreement zero).
pub fn krippendorff_alpha(ratings: &Ratings) -> Figure {
    let counts = Counts::of(ratings);
    let mut totals = vec![0usize; counts.categories];
    let (mut n, mut agreeing) = (0usize, 0.0f64);
    for (m, unit) in counts.units().filter(|(m, _)| *m >= 2) {
        n += m;
        for &(c, n_uc) in unit {
            totals[c] += n_uc;
            agreeing += (n_uc * n_uc.saturating_sub(1)) as f64 / (m - 1) as f64;
        }
    }
    if n == 0 {
        return Figure::Undefined(Undefined::NoPairableUnits);
    }
    let n_f = n as f64;
    let expected = n_f * n_f - totals.iter().map(|&t| (t * t) as f64).sum::<f64>();
    if expected.abs() < 1e-9 {
        return Figure::Undefined(Undefined::OneCategory);
    }
    Figure::Value(1.0 - (n_f - 1.0) * (n_f - agreeing) / expected)
}

/// Fleiss' kappa (Fleiss 1971): `(P̄ - P_e) / (1 - P_e)` with `P_e = Σ_k π_k²`. With missing
/// cells it is Gwet's generalisation (Gwet 2014, §5.3): `P̄` over the pairable units and `π_k`
/// the average share of `k` within each coded unit; for complete data both are Fleiss' own.
pub fn fleiss_kappa(ratings: &Ratings) -> Figure {
    let counts = Counts::of(ratings);
    let (observed, pairable) = observed(&counts);
    if pairable == 0 {
        return Figure::Undefined(Undefined::NoPairableUnits);
    }
    let expected = unit_shares(&counts).iter().map(|p| p * p).sum();
    chance_corrected(observed, expected)
}

/// Gwet's AC1 (Gwet 2008, "Computing inter-rater reliability and its variance in the presence of
/// high agreement"; Gwet 2014, §5.3 for missing cells): `(p_a - p_e) / (1 - p_e)` with
/// `p_e = Σ_k π_k (1 - π_k) / (q - 1)`, `q` the number of categories in the scheme.
pub fn gwet_ac1(ratings: &Ratings) -> Figure {
    let counts = Counts::of(ratings);
    let (observed, pairable) = observed(&counts);
    if pairable == 0 {
        return Figure::Undefined(Undefined::NoPairableUnits);
    }
    if ratings.categories() < 2 {
        return Figure::Undefined(Undefined::OneCategory);
    }
    let q = ratings.categories() as f64;
    let expected = unit_shares(&counts)
        .iter()
        .map(|p| p * (1.0 - p))
        .sum::<f64>()
        / (q - 1.0);
    chance_corrected(observed, expected)
}

/// Cohen's kappa for two coders (Cohen 1960), over the units both coded:
/// `(p_o - p_e) / (1 - p_e)` with `p_e = Σ_k p_1k p_2k` from each coder's own shares.
pub fn cohen_kappa(ratings: &Ratings) -> Figure {
    if ratings.coders() != 2 {
        return Figure::Undefined(Undefined::NotTwoCoders);
    }
    let q = ratings.categories();
    let (mut first, mut second) = (vec![0usize; q], vec![0usize; q]);
    let (mut both, mut agree) = (0usize, 0usize);
    for unit in ratings.units() {
        if let [Some(a), Some(b)] = unit {
            both += 1;
            agree += usize::from(a == b);
            first[usize::from(*a)] += 1;
            second[usize::from(*b)] += 1;
        }
    }
    if both == 0 {
        return Figure::Undefined(Undefined::NoPairableUnits);
    }
    let n = both as f64;
    let expected = first
        .iter()
        .zip(&second)
        .map(|(&a, &b)| (a as f64 / n) * (b as f64 / n))
        .sum();
    chance_corrected(agree as f64 / n, expected)
}
