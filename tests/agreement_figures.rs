//! The agreement figures against published worked examples and against independent
//! implementations (`krippendorff`, `statsmodels`, Gwet's `irrCAC`), whose figures
//! `scripts/agreement_reference.py` wrote into `tests/agreement/reference.json`.
#![allow(clippy::unwrap_used)]

use serde_json::Value;
use sidenote::agreement::{
    Figure, Figures, Ratings, Undefined, cohen_kappa, fleiss_kappa, gwet_ac1, krippendorff_alpha,
    percent_agreement,
};

const TOLERANCE: f64 = 1e-6;

fn reference() -> Vec<Value> {
    let text = include_str!("agreement/reference.json");
    let json: Value = serde_json::from_str(text).unwrap();
    json["datasets"].as_array().unwrap().clone()
}

fn ratings_of(dataset: &Value) -> Ratings {
    let units: Vec<Vec<Option<u16>>> = dataset["units"]
        .as_array()
        .unwrap()
        .iter()
        .map(|unit| {
            unit.as_array()
                .unwrap()
                .iter()
                .map(|v| v.as_u64().map(|v| u16::try_from(v).unwrap()))
                .collect()
        })
        .collect();
    let coders = units[0].len();
    let categories = dataset["categories"].as_u64().unwrap() as usize;
    Ratings::from_rows(coders, categories, &units)
}

fn named(name: &str) -> Ratings {
    let datasets = reference();
    let dataset = datasets.iter().find(|d| d["name"] == name).unwrap();
    ratings_of(dataset)
}

fn close(figure: Figure, expected: f64, tolerance: f64) {
    match figure {
        Figure::Value(value) => assert!(
            (value - expected).abs() <= tolerance,
            "{value} is not {expected} (to {tolerance})"
        ),
        Figure::Undefined(why) => panic!("undefined ({why:?}), expected {expected}"),
    }
}

/// Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", section C: the 4 coders by
/// 12 units example with missing values; nominal alpha = 0.743.
#[test]
fn krippendorffs_worked_example() {
    close(krippendorff_alpha(&named("krippendorff-2011")), 0.743, 5e-4);
}

/// Gwet (2014), Handbook of Inter-Rater Reliability, 4th ed., on the same table: AC1 = 0.77544,
/// p_a = 0.81818, and Fleiss' kappa generalised to missing ratings 0.76117 (the figures irrCAC
/// documents).
#[test]
fn gwets_worked_example() {
    let ratings = named("krippendorff-2011");
    close(gwet_ac1(&ratings), 0.77544, 5e-6);
    close(percent_agreement(&ratings), 0.81818, 5e-6);
    close(fleiss_kappa(&ratings), 0.76117, 5e-6);
}

/// Fleiss (1971), worked example as on Wikipedia ("Fleiss' kappa"): 10 subjects, 14 raters,
/// 5 categories; P̄ = 0.378, kappa = 0.210.
#[test]
fn fleiss_worked_example() {
    let ratings = named("fleiss-1971");
    close(percent_agreement(&ratings), 0.378, 5e-4);
    close(fleiss_kappa(&ratings), 0.210, 5e-4);
}

/// Wikipedia, "Cohen's kappa", simple example: 50 proposals, 20 yes/yes, 5 yes/no, 10 no/yes,
/// 15 no/no; p_o = 0.7, p_e = 0.5, kappa = 0.4.
#[test]
fn cohens_worked_example() {
    let ratings = named("cohen-wikipedia");
    close(percent_agreement(&ratings), 0.7, 1e-12);
    close(cohen_kappa(&ratings), 0.4, 1e-12);
}

#[test]
fn every_figure_equals_the_independent_implementations() {
    let mut checked = 0;
    for dataset in reference() {
        let name = dataset["name"].as_str().unwrap();
        let figures = Figures::of(&ratings_of(&dataset));
        let ours = [
            ("percent_agreement", figures.percent_agreement),
            ("krippendorff_alpha", figures.krippendorff_alpha),
            ("fleiss_kappa", figures.fleiss_kappa),
            ("gwet_ac1", figures.gwet_ac1),
            ("cohen_kappa", figures.cohen_kappa),
        ];
        for (key, figure) in ours {
            match (dataset[key].as_f64(), figure.value()) {
                (Some(expected), Some(value)) => assert!(
                    (value - expected).abs() <= TOLERANCE,
                    "{name} {key}: {value}, reference {expected}"
                ),
                (None, None) => {}
                (expected, value) => panic!("{name} {key}: {value:?}, reference {expected:?}"),
            }
            checked += 1;
        }
    }
    assert!(checked >= 300, "only {checked} figures checked");
}

#[test]
fn all_coders_agreeing_on_one_category_leaves_the_kappas_and_alpha_undefined() {
    let ratings = Ratings::from_rows(3, 2, &vec![vec![Some(0); 3]; 5]);
    let figures = Figures::of(&ratings);
    assert_eq!(figures.percent_agreement, Figure::Value(1.0));
    let one = Figure::Undefined(Undefined::OneCategory);
    assert_eq!(figures.krippendorff_alpha, one);
    assert_eq!(figures.fleiss_kappa, one);
    assert_eq!(
        figures.cohen_kappa,
        Figure::Undefined(Undefined::NotTwoCoders)
    );
    // AC1's chance agreement is 0 when one category takes every value, so it is defined.
    assert_eq!(figures.gwet_ac1, Figure::Value(1.0));
}

#[test]
fn units_coded_by_one_coder_only_give_nothing_to_compare() {
    let ratings = Ratings::from_rows(2, 2, &[vec![Some(1), None], vec![None, Some(0)]]);
    let figures = Figures::of(&ratings);
    let none = Figure::Undefined(Undefined::NoPairableUnits);
    assert_eq!(figures.pairable_units, 0);
    for figure in [
        figures.percent_agreement,
        figures.krippendorff_alpha,
        figures.fleiss_kappa,
        figures.gwet_ac1,
        figures.cohen_kappa,
    ] {
        assert_eq!(figure, none);
    }
}
