//! Intercoder agreement: how far several coders who tagged the same units agree, as the
//! figures content analysis reports (percent agreement, Krippendorff's alpha, Fleiss' kappa,
//! Gwet's AC1, Cohen's kappa).
//!
//! Pure arithmetic over a table of ratings (units by coders, each cell a category or missing);
//! `coding` builds those tables from coders' annotations of one article. Nothing here reads
//! files or knows about terminals.

pub mod coding;
mod coefficients;
pub mod report;

pub use coefficients::{
    cohen_kappa, fleiss_kappa, gwet_ac1, krippendorff_alpha, percent_agreement,
};

/// A table of nominal ratings: one row per unit, one column per coder; each cell the category
/// (`0..categories`) a coder gave the unit, or `None` when that coder did not code it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ratings {
    coders: usize,
    categories: usize,
    cells: Vec<Option<u16>>,
}

impl Ratings {
    /// An empty table for `coders` coders and a scheme of `categories` categories.
    pub fn new(coders: usize, categories: usize) -> Ratings {
        Ratings {
            coders,
            categories,
            cells: Vec::new(),
        }
    }

    /// A table with the rows of `units`, each as long as the number of coders.
    pub fn from_rows(coders: usize, categories: usize, units: &[Vec<Option<u16>>]) -> Ratings {
        let mut ratings = Ratings::new(coders, categories);
        for unit in units {
            ratings.push(unit);
        }
        ratings
    }

    /// Adds one unit's ratings, one per coder; missing cells are filled with `None` and extra
    /// ones dropped, and a category outside the scheme counts as missing.
    pub fn push(&mut self, unit: &[Option<u16>]) {
        let categories = self.categories;
        self.cells.extend((0..self.coders).map(|coder| {
            unit.get(coder)
                .copied()
                .flatten()
                .filter(|&c| usize::from(c) < categories)
        }));
    }

    /// Adds every unit of `other`, which must have as many coders (units of a table with
    /// another number of coders are ignored).
    pub fn extend(&mut self, other: &Ratings) {
        if other.coders == self.coders {
            self.cells.extend_from_slice(&other.cells);
        }
    }

    /// The number of coders.
    pub fn coders(&self) -> usize {
        self.coders
    }

    /// The number of categories in the scheme.
    pub fn categories(&self) -> usize {
        self.categories
    }

    /// The rows, one per unit.
    pub fn units(&self) -> impl Iterator<Item = &[Option<u16>]> {
        self.cells.chunks(self.coders.max(1))
    }

    /// The number of units.
    pub fn len(&self) -> usize {
        self.cells.len() / self.coders.max(1)
    }

    /// Whether there are no units.
    pub fn is_empty(&self) -> bool {
        self.cells.is_empty()
    }
}

/// One agreement figure, or why it cannot be computed.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Figure {
    /// The value.
    Value(f64),
    /// The figure is undefined for these ratings.
    Undefined(Undefined),
}

impl Figure {
    /// The value, `None` when undefined.
    pub fn value(self) -> Option<f64> {
        match self {
            Figure::Value(value) => Some(value),
            Figure::Undefined(_) => None,
        }
    }
}

/// Why a figure is undefined.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Undefined {
    /// No unit was coded by two coders or more, so there is nothing to compare.
    NoPairableUnits,
    /// Every value given is the same category: chance agreement is total, and the coefficient
    /// divides zero by zero (the ratings cannot tell agreement from chance).
    OneCategory,
    /// The coefficient is defined for exactly two coders (Cohen's kappa).
    NotTwoCoders,
}

impl Undefined {
    /// A short explanation, for people and for JSON.
    pub fn reason(self) -> &'static str {
        match self {
            Undefined::NoPairableUnits => "no unit was coded by two coders or more",
            Undefined::OneCategory => {
                "every value given is the same, so chance agreement is total and the coefficient is 0/0"
            }
            Undefined::NotTwoCoders => "defined for exactly two coders",
        }
    }
}

/// Every figure for one table of ratings.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Figures {
    /// Units in the table.
    pub units: usize,
    /// Units coded by two coders or more, the ones that enter the figures.
    pub pairable_units: usize,
    /// Observed agreement: the share of agreeing pairs of coders, averaged over units.
    pub percent_agreement: Figure,
    /// Krippendorff's alpha for nominal data.
    pub krippendorff_alpha: Figure,
    /// Fleiss' kappa.
    pub fleiss_kappa: Figure,
    /// Gwet's AC1.
    pub gwet_ac1: Figure,
    /// Cohen's kappa; undefined unless there are two coders.
    pub cohen_kappa: Figure,
}

impl Figures {
    /// Every figure for `ratings`.
    pub fn of(ratings: &Ratings) -> Figures {
        Figures {
            units: ratings.len(),
            pairable_units: ratings
                .units()
                .filter(|unit| unit.iter().flatten().count() >= 2)
                .count(),
            percent_agreement: percent_agreement(ratings),
            krippendorff_alpha: krippendorff_alpha(ratings),
            fleiss_kappa: fleiss_kappa(ratings),
            gwet_ac1: gwet_ac1(ratings),
            cohen_kappa: cohen_kappa(ratings),
        }
    }
}
