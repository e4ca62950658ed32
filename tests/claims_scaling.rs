//! The work of suggesting claim groups grows linearly with the tagged units: generated libraries
//! of 500 and 2,000 articles (events of five articles, one per sample, each event with its own
//! names and figures, as in benches/compare.rs), and the candidate pairs the index compares
//! counted, not timed.
#![allow(clippy::unwrap_used)]

use sidenote::article::Article;
use sidenote::claims::{Unit, Work, groups_counted};
use sidenote::library::SAMPLES;

/// A made-up name for event `event` and slot `slot`.
fn name(event: usize, slot: usize) -> String {
    const SYLLABLES: [&str; 16] = [
        "ka", "lo", "mir", "ten", "vas", "dor", "ul", "bre", "sha", "pol", "ni", "quar", "zet",
        "ro", "fen", "gav",
    ];
    let mut n = event * 7 + slot * 131 + 17;
    let mut word = String::from("X");
    for _ in 0..3 {
        word.push_str(SYLLABLES[n % 16]);
        n /= 16;
    }
    format!("{word}{event}")
}

/// Every sentence of `articles` generated articles, as units.
fn library(articles: usize) -> Vec<Unit> {
    let mut units = Vec::new();
    for n in 0..articles {
        let (file, sample) = SAMPLES[n % SAMPLES.len()];
        let event = n / SAMPLES.len();
        let mut text = sample.to_owned();
        for (slot, old) in ["North Korean", "Kursk", "Zelensky", "Lee", "Kim Jong"]
            .iter()
            .enumerate()
        {
            text = text.replace(old, &name(event, slot));
        }
        let digit = char::from(b'1' + u8::try_from(event % 9).unwrap());
        let text: String = text
            .chars()
            .map(|c| if c == '3' { digit } else { c })
            .collect();
        let article = Article::parse(file, text.as_bytes()).unwrap();
        for index in 0..article.units().len() {
            units.push(Unit {
                article: n,
                key: format!("{n}-{index}"),
                text: article.unit_text(index).unwrap().into_owned(),
                index,
                ..Unit::default()
            });
        }
    }
    units
}

fn work(articles: usize) -> (usize, Work) {
    let units = library(articles);
    let started = std::time::Instant::now();
    let (_, work) = groups_counted(&units, &Default::default());
    eprintln!(
        "{articles} articles, {} units: {work:?} in {:?}",
        units.len(),
        started.elapsed()
    );
    (units.len(), work)
}

#[test]
fn candidate_pairs_and_group_sizes_grow_linearly_with_the_units() {
    let (n1, w1) = work(500);
    let (n4, w4) = work(2_000);
    assert!(n4 == 4 * n1);
    // Every unit is compared with a bounded number of others, whatever the library's size.
    assert!(w4.candidates * 2 <= w1.candidates * 9, "{w1:?} {w4:?}");
    assert!(w4.candidates <= n4 * sidenote::claims::CANDIDATES, "{w4:?}");
    // The member slots of all groups together grow linearly too (what conflicts, labels and
    // the matrix's rows cost, each linear in its group's members).
    assert!(w4.memberships * 2 <= w1.memberships * 9, "{w1:?} {w4:?}");
}
