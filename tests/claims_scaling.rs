//! The work of suggesting claim groups grows linearly with the tagged units: generated libraries
//! of 500 and 2,000 articles (events of five articles, one per sample, each event with its own
//! names and figures, as in benches/compare.rs), and the candidate pairs the index compares
//! counted, not timed.
#![allow(clippy::unwrap_used)]

use sidenote::annotation::{AnnotationSet, Stamp, Tag};
use sidenote::article::Article;
use sidenote::claims::{Unit, Work, groups_counted};
use sidenote::library::SAMPLES;
use sidenote::sidecar;

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

/// Article `n` of a generated library: its file name and text.
fn article(n: usize) -> (String, String) {
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
    (format!("{event:05}-{file}"), text)
}

/// Every sentence of `articles` generated articles, as units.
fn library(articles: usize) -> Vec<Unit> {
    let mut units = Vec::new();
    for n in 0..articles {
        let (file, text) = article(n);
        let article = Article::parse(&file, text.as_bytes()).unwrap();
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

/// Writes the libraries `scripts/compare-vs-export.sh` times into `$SIDENOTE_COMPARE_DIR/1000`
/// and `/4000`, every sentence tagged: `SIDENOTE_COMPARE_DIR=/tmp/c cargo test --test
/// claims_scaling -- --ignored`.
#[test]
#[ignore = "writes folders for timing by hand"]
fn write_libraries_for_timing() {
    let Some(root) = std::env::var_os("SIDENOTE_COMPARE_DIR") else {
        return;
    };
    for articles in [1_000, 4_000] {
        let dir = std::path::Path::new(&root).join(articles.to_string());
        std::fs::create_dir_all(&dir).unwrap();
        for n in 0..articles {
            let (file, text) = article(n);
            let path = dir.join(file);
            std::fs::write(&path, &text).unwrap();
            let article = Article::parse(&path.display().to_string(), text.as_bytes()).unwrap();
            let mut set = AnnotationSet::new(&article, Vec::new());
            for unit in 0..article.units().len() {
                let stamp = Stamp {
                    author: "bench".into(),
                    now: time::macros::datetime!(2025-01-13 09:00 UTC),
                    new_id: format!("01943f0e-0000-7000-8000-{n:06}{unit:06}"),
                };
                set.add_tag(&article, (unit, unit), Tag::ALL[unit % 3], &stamp);
            }
            sidecar::save(&path, &article, &[], &set.into_annotations()).unwrap();
        }
    }
}
