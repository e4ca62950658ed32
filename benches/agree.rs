//! `sidenote agree` over 100 articles coded by 5 coders: the whole command as people run it
//! (finding the copies' files, reading 500 articles and sidecars, placing the annotations, the
//! figures, the output), and the figures alone over the same tables.
//!
//! The goal (docs/performance.md): under 1 s. The copies are generated in a temporary folder
//! from the sample articles; each coder tags about a third of the units, agreeing with a shared
//! "truth" four times in five.
#![allow(clippy::unwrap_used)]

use std::path::Path;
use std::process::{Command, Stdio};

use criterion::{Criterion, criterion_group, criterion_main};
use sidenote::agreement::coding::Coding;
use sidenote::agreement::report::Tally;
use sidenote::annotation::{AnnotationSet, Stamp, Tag};
use sidenote::article::Article;
use sidenote::library::SAMPLES;
use sidenote::sidecar;
use time::macros::datetime;

const ARTICLES: usize = 100;
const CODERS: usize = 5;

/// A deterministic pseudo-random number for (article, unit, salt).
fn noise(article: usize, unit: usize, salt: usize) -> u64 {
    let mut x = (article as u64) << 40 ^ (unit as u64) << 20 ^ salt as u64;
    x = x.wrapping_mul(0x9E37_79B9_7F4A_7C15);
    x ^= x >> 29;
    x.wrapping_mul(0xBF58_476D_1CE4_E5B9) >> 32
}

/// Writes each coder's copy of the articles under `dir/coder-N`, and returns every coder's
/// coding of every article, for the figures-only bench.
fn write_copies(dir: &Path) -> Vec<Vec<Coding>> {
    let mut codings = vec![Vec::new(); ARTICLES];
    for coder in 0..CODERS {
        let copy = dir.join(format!("coder-{coder}"));
        std::fs::create_dir_all(&copy).unwrap();
        for (n, coded) in codings.iter_mut().enumerate() {
            let (name, sample) = SAMPLES[n % SAMPLES.len()];
            let path = copy.join(format!("{n:03}-{name}"));
            let text = format!("Report {n}\n\n{sample}");
            std::fs::write(&path, &text).unwrap();
            let article = Article::parse(&path.display().to_string(), text.as_bytes()).unwrap();
            let mut set = AnnotationSet::new(&article, Vec::new());
            for unit in 0..article.units().len() {
                let truth = noise(n, unit, 0).is_multiple_of(3);
                let agrees = !noise(n, unit, coder + 1).is_multiple_of(5);
                if truth == agrees {
                    let stamp = Stamp {
                        author: format!("coder-{coder}"),
                        now: datetime!(2025-01-13 09:00 UTC),
                        new_id: format!("01943f0e-0000-7000-8{coder:03}-{n:06}{unit:06}"),
                    };
                    let tag = Tag::ALL[(noise(n, unit, 9) % 3) as usize];
                    set.add_tag(&article, (unit, unit), tag, &stamp);
                }
            }
            let annotations = set.into_annotations();
            coded.push(Coding::of(&article, &annotations));
            sidecar::save(&path, &article, &[], &annotations).unwrap();
        }
    }
    codings
}

fn agree(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let codings = write_copies(dir.path());
    let mut group = c.benchmark_group("agree_100_articles_5_coders");
    group.sample_size(10);
    for format in ["json", "text", "csv"] {
        group.bench_function(format!("command_{format}"), |b| {
            b.iter(|| {
                let status = Command::new(env!("CARGO_BIN_EXE_sidenote"))
                    .env("SIDENOTE_DATA_DIR", dir.path().join("data"))
                    .env("SIDENOTE_CONFIG_DIR", dir.path().join("config"))
                    .arg("agree")
                    .args((0..CODERS).map(|coder| dir.path().join(format!("coder-{coder}"))))
                    .args(["--format", format])
                    .stdout(Stdio::null())
                    .status()
                    .unwrap();
                assert!(status.success());
            });
        });
    }
    group.bench_function("figures_only", |b| {
        b.iter(|| {
            let mut tally = Tally::new(CODERS);
            for article in &codings {
                let refs: Vec<Option<&Coding>> = article.iter().map(Some).collect();
                std::hint::black_box(tally.add(&refs));
            }
            std::hint::black_box(tally.totals())
        });
    });
    group.finish();
}

criterion_group!(benches, agree);
criterion_main!(benches);
